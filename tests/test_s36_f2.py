"""QA round 36 (fixer f2): the all-good tip follows the question's kind (A #3); `practice` and
`record --max-seconds` help say the default the code uses (B #5); the README's JSON section
names the schema the code writes (B #6); `compare --sessions` never shows a change its verdict
contradicts (A #6).

No Whisper model: answers are built by hand and saved into a real archive.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.advice import QUESTION_KINDS, question_kind, tips_as_shown
from furikaeri.analysis import SCHEMA
from furikaeri.cli import cli
from furikaeri.lang import text
from test_compare_notes import make_analysis, save

README = Path(__file__).resolve().parents[1] / "README.md"


def run(home, *args: str, lang: str = "C.UTF-8") -> str:
    r = CliRunner().invoke(cli, ["--home", str(home), *args],
                           env={"LANG": lang, "LC_ALL": None, "LC_MESSAGES": None, "COLUMNS": "100"},
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


def flat(said: str) -> str:
    return " ".join(said.split())


# --------------------------------------------------------------------------- A #3: the all-good tip by kind

QUESTIONS = {
    "ja": {"intro": "自己紹介をお願いします。", "ask": "最後に何か質問はありますか。",
           "story": "学生時代に力を入れたことを教えてください。", None: "当社の志望動機を教えてください。"},
    "en": {"intro": "Tell me about yourself.", "ask": "Do you have any questions for us?",
           "story": "Tell me about a time you failed.", None: "Why do you want this job?"},
}
STRUCTURE = {  # what each kind's all-good tip asks to try next
    "ja": {"intro": "所属・名前・取り組み・意気込み", "ask": "逆質問を1〜2個", "story": "状況・行動・結果",
           None: "結論・理由・具体例・結論"},
    "en": {"intro": "what you do now, what led you here, why this job", "ask": "one or two questions",
           "story": "the situation, your action, the result", None: "point, reason, example, point"},
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_kind_has_its_own_all_good_tip(lang):
    assert {k for k, _ in QUESTION_KINDS} == {"intro", "ask", "story"}
    for kind, question in QUESTIONS[lang].items():
        assert question_kind(question) == kind
        a = replace(make_analysis(lang=lang, long_pauses=0, question=question), tips=(text(lang, "tip_good"),))
        (tip,) = tips_as_shown(a, None)
        assert STRUCTURE[lang][kind] in tip, (kind, tip)
        if kind != "story":  # a self-introduction or a question for them is no point-reason-example-point
            assert (STRUCTURE[lang][None] in tip) == (kind is None), (kind, tip)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_saved_self_introduction_is_told_its_four_points_in_every_view(furikaeri_home, lang):
    """QA: 自己紹介 within budget: 「次は構成（結論・理由・具体例・結論）を意識してみましょう」."""
    a = replace(make_analysis(lang=lang, long_pauses=0, question=QUESTIONS[lang]["intro"]),
                tips=(text(lang, "tip_good"),))  # as tips_for wrote it, before the question counted
    save(furikaeri_home, a, session="s1")
    want = STRUCTURE[lang]["intro"]
    shown = re.sub(r"[\s│]", "", run(furikaeri_home, "show", "1", lang="ja_JP.UTF-8" if lang == "ja" else "C.UTF-8"))
    assert want.replace(" ", "") in shown and STRUCTURE[lang][None].replace(" ", "") not in shown
    doc = json.loads(run(furikaeri_home, "show", "1", "--json"))
    assert [want in tip for tip in doc["analysis"]["tips"]] == [True]
    out = Path(furikaeri_home) / "all.json"
    run(furikaeri_home, "export", "--format", "json", "-o", str(out))
    (answer,) = json.loads(out.read_text(encoding="utf-8"))["answers"]
    assert [want in tip for tip in answer["analysis"]["tips"]] == [True]


# --------------------------------------------------------------------------- B #5: --max-seconds's default


def test_practice_help_says_the_take_limit_the_code_uses():
    from furikaeri.cli.practice_cmd import TAKE_LIMIT_MIN_S, take_limit

    assert take_limit(10.0) == 30.0 == TAKE_LIMIT_MIN_S and take_limit(60.0) == 120.0  # QA: 30 s on a 10-s budget
    en = flat(CliRunner().invoke(cli, ["practice", "--help"], env={"LANG": "C.UTF-8"}).output)
    assert "twice the budget, and 30 s at least" in en
    ja = flat(CliRunner().invoke(cli, ["practice", "--help"], env={"LANG": "ja_JP.UTF-8"}).output)
    assert "持ち時間の2倍。ただし最短30秒" in ja.replace(" ", "")


def test_record_help_says_the_no_terminal_cap_holds_with_stop_after_silence_too():
    # QA s42 F #1: a silence stop waits for speech, so a muted microphone recorded with no end
    from furikaeri.cli.live import NO_TERMINAL_CAP_S

    assert NO_TERMINAL_CAP_S == 600.0
    en = flat(CliRunner().invoke(cli, ["record", "--help"], env={"LANG": "C.UTF-8"}).output)
    assert "without one, 10 minutes, with or without a silence stop" in en
    ja = flat(CliRunner().invoke(cli, ["record", "--help"], env={"LANG": "ja_JP.UTF-8"}).output).replace(" ", "")
    assert "無音での停止の有無にかかわらず10分" in ja


# --------------------------------------------------------------------------- B #6: the README's schema


def test_the_readme_names_the_schema_the_code_writes():
    said = README.read_text(encoding="utf-8")
    (json_section,) = re.findall(r"One object per file, `schema` (\d+)", said)
    assert int(json_section) == SCHEMA  # QA: "`schema` 7" beside "Schema 8 added room_untrusted"
    assert max(int(n) for n in re.findall(r"Schema (\d+) added", said)) == SCHEMA
    (read_as,) = re.findall(r"older schemas are read as schema (\d+)", said)
    assert int(read_as) == SCHEMA  # upgrade() brings every older answer to the current schema


# --------------------------------------------------------------------------- A #6: session means


def _sessions(home, before, after, *, lang="en", questions=None):
    """Two sessions of answers with ``before`` / ``after`` (pace, long pauses) each, the same
    questions in turn (``questions`` of them, from the first again after the last)."""
    for name, figures, start in (("A", before, 0), ("B", after, 60)):
        for i, (rate, pauses) in enumerate(figures):
            a = make_analysis(lang=lang, rate=rate, long_pauses=pauses, question=f"Question {i % (questions or len(figures))}?")
            save(home, a, session=name, minutes=start + i)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_mean_of_counts_is_shown_as_finely_as_its_verdict_judges_it(furikaeri_home, lang):
    """QA: 長い間 1回 → 0回 / -1 = 変化なし (means 0.67 and 0.5; the three questions in both, the
    first answered twice in the second session)."""
    _sessions(furikaeri_home, [(140.0, 1), (140.0, 1), (140.0, 0)], [(140.0, 1), (140.0, 0), (140.0, 0), (140.0, 1)],
              questions=3)
    doc = json.loads(run(furikaeri_home, "compare", "--sessions", "A", "B", "--json"))
    (mean,) = [m for m in doc["means"] if m["metric"] == "long_pauses_per_min"]
    assert (mean["before"], mean["after"], mean["verdict"]) == (0.67, 0.5, "same")
    out = run(furikaeri_home, "compare", "--sessions", "A", "B", "--lang", lang, lang="C.UTF-8")
    (row,) = [line for line in out.splitlines() if line.startswith(text(lang, "metric_long_pauses_per_min") + " ")][:1]
    assert re.search(r"0\.7\D+0\.5\D+-0\.2 += " + re.escape(text(lang, "same")), row), row


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_verdict_on_the_answers_is_never_beside_a_mean_that_held(furikaeri_home, lang):
    """QA: 話速（拍/秒） 5.8 → 5.8 / ±0.0 ▲ 回答と目安のずれが縮まった."""
    _sessions(furikaeri_home, [(100.0, 0), (140.0, 0), (180.0, 0)], [(130.0, 0), (140.0, 0), (150.0, 0)])
    doc = json.loads(run(furikaeri_home, "compare", "--sessions", "A", "B", "--json"))
    (mean,) = [m for m in doc["means"] if m["metric"] == "wpm"]
    assert (mean["before"], mean["after"], mean["verdict"], mean.get("by_answers")) == (140, 140, "better", True)
    out = run(furikaeri_home, "compare", "--sessions", "A", "B", "--lang", lang, lang="C.UTF-8")
    (row,) = [line for line in out.splitlines() if line.startswith(text(lang, "metric_wpm") + " ")][:1]
    assert "±" not in row and "▲" in row, row  # the verdict, with no "no change" of the mean beside it
    assert "2" in out.split("\n\n")[0].split(row)[1]  # the answers off the range, counted under the table


def test_a_verdict_the_mean_bears_out_keeps_its_change():
    from furikaeri.metrics import Change
    from furikaeri.report.history import borne_out

    assert borne_out(Change("longest_pause_s", 1.1, 2.3, 1.2, "worse", by_answers=True))  # +1.2 ▼: agrees
    assert not borne_out(Change("morae_per_s", 5.83, 5.79, -0.04, "better", by_answers=True))  # ±0.0 ▲
    assert not borne_out(Change("longest_pause_s", 2.0, 1.5, -0.5, "worse", by_answers=True))  # -0.5 ▼
    assert borne_out(Change("morae_per_s", 5.83, 5.79, -0.04, "same"))  # not judged on the answers
