"""What a Japanese 就活 student met going through furikaeri in a Japanese locale
(``LANG=ja_JP.UTF-8``): the interviews' history limit, one word for the time budget, the
practice preview's line breaks, the microphone checked before the first question, the date
of a logged interview asked for, a broken TOML file's place, and the smaller wordings."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console

from furikaeri import capture
from furikaeri.capture import Device
from furikaeri.cli import cli
from furikaeri.errors import UsageError
from furikaeri.lang import text
from furikaeri.store import Store

from conftest import SAMPLES

JA = "ja_JP.UTF-8"
C = "C.UTF-8"
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def home(furikaeri_home):
    """A temporary archive folder, given to every command with ``--home``."""
    return furikaeri_home


def run(home, locale: str, *args: str, code: int = 0, input: str | None = None):
    """The command's result in ``locale`` (LC_ALL and LC_MESSAGES unset, as they would win)."""
    r = CliRunner().invoke(cli, ["--home", str(home), *args], input=input,
                           env={"LANG": locale, "LC_ALL": None, "LC_MESSAGES": None, "COLUMNS": "80"},
                           catch_exceptions=False)
    assert r.exit_code == code, r.output
    return r


def analysis(*, answer: float = 19.0, budget: float = 30.0, fillers: float = 3.2, pace: float = 282.0,
             long_pauses: int = 0) -> dict:
    return {
        "schema": 1, "file": "x.wav", "language": "ja", "duration_s": answer + 1, "speech_detected": True,
        "latency_s": 0.6, "answer_s": answer, "budget_s": budget, "over_budget": answer > budget,
        "transcript": "私は物理を学んでいます。", "words": [], "fillers": [], "pauses": [],
        "rate": {"chars_per_min": pace, "morae_per_s": 6.6},
        "stats": {"filler_count": 1, "fillers_per_min": fillers, "long_pauses": long_pauses, "very_long_pauses": 0,
                  "longest_pause_s": 0.8, "word_count": 40},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": "自己紹介をお願いします。",
        "model": "base",
    }


def answered(home, n: int = 2, note: str | None = "時間内に", **kw) -> list[int]:
    """``n`` attempts at ja-basic's 自己紹介, a day apart, each with ``note``."""
    ids = []
    with Store.open(home) as st:
        qid = st.question_for("ja-basic:jikoshokai", "自己紹介をお願いします。", language="ja", budget_s=30.0,
                              set_name="ja-basic", now=MONDAY)
        for i in range(n):
            when = MONDAY + timedelta(days=i)
            sid = st.create_session(f"練習{i + 1}", language="ja", now=when)
            ids.append(st.add_answer(sid, analysis(**kw), question_id=qid, now=when,
                                     note={"next_time": note} if note else None))
    return ids


# --------------------------------------------------------------------------- 5. history --interviews -n


def test_history_of_interviews_keeps_to_its_limit_newest_first(home):
    for day in ("2026-11-20", "2026-11-22", "2026-11-21"):
        run(home, JA, "reflect", "-c", f"会社{day[-2:]}", "-q", "志望動機は?", "--date", day, "--no-prompt",
            "--now", "2026-12-01T09:00")
    out = run(home, JA, "history", "--interviews", "-n", "1").stdout
    assert "2026-11-22" in out and "2026-11-21" not in out and "2026-11-20" not in out
    held = [iv["held_on"] for iv in json.loads(run(home, JA, "history", "--interviews", "-n", "2", "--json").stdout)]
    assert held == ["2026-11-22", "2026-11-21"]
    assert len(json.loads(run(home, JA, "history", "--interviews", "--json").stdout)) == 3


# --------------------------------------------------------------------------- 6. 持ち時間, never 目安


def test_the_budget_is_mochijikan_and_the_norms_meyasu():
    for key in ("q_budget", "fig_length", "under", "metric_over_s", "budget_word", "on", "fix_held"):
        assert "目安" not in text("ja", key), key
    assert text("ja", "q_budget", budget=30) == "持ち時間 30秒"
    assert text("ja", "under") == text("ja", "within_budget") == "時間内"
    assert text("ja", "metric_over_s") == "持ち時間超過"
    assert "目安" in text("ja", "focus_vs_norm", value="3.2回/分", limit="2.0回/分")  # a norm stays 目安


def test_compare_with_a_note_about_the_budget_says_mochijikan(home):
    a, b = answered(home)
    out = run(home, JA, "compare", str(a), str(b)).stdout
    assert "持ち時間超過: 時間内 → 時間内" in out
    assert text("ja", "fix_held") in out
    assert "目安内" not in out and "目安超過" not in out


def test_the_practice_preview_names_the_budget_mochijikan(home):
    from furikaeri.report.history import render_question
    from furikaeri.session import Before

    answered(home, 1)
    with Store.open(home) as st:
        prev = st.answers()[-1]
    c = Console(width=80, record=True)
    render_question(c, index=1, total=1, text="自己紹介をお願いします。", budget_s=30.0, hint="",
                    before=Before(prev.question_id, prev, 1), lang="ja")
    out = c.export_text()
    assert "持ち時間 30秒" in out and "19.0秒（持ち時間30秒、時間内）" in out and "目安" not in out


# --------------------------------------------------------------------------- 9. the preview's line breaks


@pytest.mark.parametrize("width", [40, 60, 62, 64, 66, 80, 100])
def test_the_preview_breaks_only_between_a_label_with_its_value(home, width):
    from furikaeri.report.history import figures_parts, previous_text
    from furikaeri.session import Before

    answered(home, 1, note="結論から話す。えーを減らす。最後は意気込みで締めくくる", answer=33.0, budget=60.0, fillers=9.2,
             pace=245.0, long_pauses=2)
    with Store.open(home) as st:
        prev = st.answers()[-1]
    lines = previous_text(Before(prev.question_id, prev, 1), "ja", width).plain.split("\n")
    assert all(cell_len(line) <= width for line in lines), lines
    pairs = figures_parts(prev.metrics, "ja", "ja")
    # the pace in the 拍/秒 the report grades (245 字/分 as written)
    assert "フィラー 9.2回/分" in pairs and any(re.fullmatch(r"話速 6\.6拍/秒", p) for p in pairs) and "長い間 2回（3.6回/分）" in pairs
    for pair in pairs:  # each pair whole on one line
        assert any(pair in line for line in lines), (pair, lines)
    note_at = next(i for i, line in enumerate(lines) if "あなたのメモ" in line)
    assert lines[note_at].startswith("あなたのメモ"), lines  # the note on a line of its own, at every width
    for line in lines[:note_at - 1]:  # a break only after the head or between two figures
        assert line.endswith((":", " ·")), lines
    assert lines[note_at - 1].endswith("長い間 2回（3.6回/分）"), lines  # the last figure, then the note (no 。 between)
    for line in lines[1:]:
        assert not re.match(r"[·回字秒/]", line), lines
    assert "".join(lines).replace(" ", "").endswith("あなたのメモ:結論から話す。えーを減らす。最後は意気込みで締めくくる")


def test_the_preview_at_80_columns_is_what_the_student_saw_fixed(home):
    from furikaeri.report.history import previous_line, previous_text
    from furikaeri.session import Before

    answered(home, 1, note=None, answer=33.0, budget=60.0, fillers=9.2, pace=245.0, long_pauses=2)
    with Store.open(home) as st:
        prev = st.answers()[-1]
    before = Before(prev.question_id, prev, 1)
    lines = previous_text(before, "ja", 80).plain.split("\n")
    assert lines[0] == "前回（2026-11-23、これまでに1回回答）: 33.0秒（持ち時間60秒、時間内） ·" and len(lines) == 2
    assert re.fullmatch(r"フィラー 9\.2回/分 · 話速 6\.6拍/秒 · 長い間 2回（3\.6回/分）", lines[1]), lines  # 拍/秒, as graded
    assert previous_text(before, "ja", 200).plain == previous_line(before, "ja")  # wide: one line, as it was


# --------------------------------------------------------------------------- 10. no microphone


def test_practice_with_no_microphone_fails_before_the_first_question(home, monkeypatch):
    monkeypatch.setattr(capture, "list_devices", lambda: [])
    r = run(home, JA, "practice", "--set", "ja-basic", "-n", "1", code=2)
    assert "マイクが見つかりません" in r.stderr
    assert "1/1" not in r.output and "自己紹介をお願いします" not in r.output and "前回" not in r.output
    r = run(home, C, "practice", "--set", "en-basic", "-n", "1", code=2)
    assert "no microphone found" in r.stderr and "1/1" not in r.output


def test_practice_with_a_microphone_that_cannot_be_opened_fails_before_the_first_question(home, monkeypatch):
    class NoSettings:
        @staticmethod
        def check_input_settings(**kw):
            raise ValueError("Invalid sample rate")

    monkeypatch.setattr(capture, "list_devices", lambda: [Device(0, "USB Mic", 48000, 1, True)])
    monkeypatch.setattr(capture, "_sounddevice", lambda: NoSettings)
    r = run(home, JA, "practice", "--set", "ja-basic", "-n", "1", code=2)
    assert "入力デバイス 'USB Mic'" in r.stderr and "自己紹介をお願いします" not in r.output


def test_practice_from_files_never_looks_for_a_microphone(home, monkeypatch):
    from furikaeri import session as S

    def no_mic():
        raise AssertionError("the microphone was looked for")

    monkeypatch.setattr(capture, "list_devices", no_mic)
    monkeypatch.setattr(S, "run_session", lambda store, qset, questions, **kw: S.SessionResult(None, qset.name))
    run(home, JA, "practice", "--set", "ja-basic", "-n", "1", "--from-files", str(SAMPLES / "ja_jikoshoukai.flac"),
        "--no-reflect")


# --------------------------------------------------------------------------- 11. reflect asks the date

HEAD = "Acme\n一次\n"  # the company and the round; the date is asked next
REST = "志望動機は?\n御社の製品が好きで\n\n笑顔が多かった\n具体例が言えた\n数字を入れる\n"


def logged(home) -> dict:
    """The interview logged last."""
    return max(json.loads(run(home, JA, "history", "--interviews", "--json").stdout), key=lambda iv: iv["id"])


def test_reflect_asks_the_date_with_today_as_the_default(home):
    r = run(home, JA, "reflect", "--prompt", "--now", "2026-12-04T10:00", input=HEAD + "\n" + REST)
    assert "面接日" in r.stderr and "[2026-12-04]" in r.stderr
    assert logged(home)["held_on"] == "2026-12-04" and logged(home)["company"] == "Acme"
    assert "途中で終わりました" not in r.stderr
    # QA: asked last, the date met text meant for the last answer; now it is asked with the company
    assert r.stderr.index("面接日") < r.stderr.index("質問1")


def test_reflect_takes_yesterday_and_asks_again_after_a_bad_date(home):
    r = run(home, JA, "reflect", "--prompt", "--now", "2026-12-04T10:00", input=HEAD + "昨日\n" + REST)
    assert logged(home)["held_on"] == "2026-12-03"
    r = run(home, JA, "reflect", "--prompt", "--now", "2026-12-04T10:00",
            input=HEAD + "12/33\n2099-01-01\n2026-11-30\n" + REST)
    assert "日付「12/33」を読めません" in r.stderr and "面接日 2099-01-01 が今日（2026-12-04）より後です" in r.stderr
    assert r.stderr.count("面接日（") == 3
    assert logged(home)["held_on"] == "2026-11-30"
    iv = logged(home)
    assert iv["items"] == [{"question": "志望動機は?", "answer": "御社の製品が好きで"}] and iv["to_fix"] == "数字を入れる"


def test_reflect_asks_the_date_in_english_too_and_not_when_given(home):
    r = run(home, C, "reflect", "--prompt", "--now", "2026-12-04T10:00", input="Acme\nfinal\nbad\nyesterday\nWhy us?\n\n\nok\nw\nf\n")
    assert "date held" in r.stderr and "cannot read the date 'bad'" in r.stderr
    assert logged(home)["held_on"] == "2026-12-03"
    r = run(home, JA, "reflect", "--prompt", "--date", "2026-11-01", "--now", "2026-12-04T10:00", input=HEAD + REST)
    assert "面接日" not in r.stderr and logged(home)["held_on"] == "2026-11-01"


def test_an_input_ending_at_the_date_keeps_what_was_typed_and_today(home):
    r = run(home, JA, "reflect", "--prompt", "--now", "2026-12-04T10:00", input=HEAD)
    assert logged(home)["held_on"] == "2026-12-04" and logged(home)["company"] == "Acme"


@pytest.mark.parametrize("typed, today, held", [
    ("2026-11-30", date(2026, 12, 4), "2026-11-30"),
    ("20261130", date(2026, 12, 4), "2026-11-30"),
    ("2026/11/3", date(2026, 12, 4), "2026-11-03"),
    ("２０２６－１１－３０", date(2026, 12, 4), "2026-11-30"),
    ("12月1日", date(2026, 12, 4), "2026-12-01"),
    ("12/28", date(2027, 1, 5), "2026-12-28"),
    ("昨日", date(2026, 12, 1), "2026-11-30"),
    ("Yesterday", date(2026, 12, 1), "2026-11-30"),
    ("おととい", date(2026, 12, 1), "2026-11-29"),
    ("2/29", date(2026, 12, 4), "2024-02-29"),  # the latest February 29th
    ("2月29日", date(2028, 1, 5), "2024-02-29"),  # 2028's is still ahead
    ("2/29", date(2028, 3, 1), "2028-02-29"),
])
def test_dates_a_student_types(typed, today, held):
    from furikaeri.cli.practice_cmd import held_date

    assert held_date(typed, today) == held


@pytest.mark.parametrize("typed", ["2/30", "13/1", "2026/2/29", "0/5"])
def test_a_day_no_calendar_has_is_not_read(typed):
    from furikaeri.cli.practice_cmd import held_date

    with pytest.raises(UsageError, match="cannot read the date"):
        held_date(typed, date(2026, 12, 4))


def test_a_date_given_with_the_option_is_read_the_same_way(home):
    run(home, JA, "reflect", "-c", "X", "-q", "q", "--date", "昨日", "--now", "2026-12-04T10:00")
    assert logged(home)["held_on"] == "2026-12-03"
    r = run(home, JA, "reflect", "-c", "X", "-q", "q", "--date", "あした", code=2)
    assert "日付「あした」を読めません" in r.stderr


# --------------------------------------------------------------------------- 12. a broken TOML file


def test_a_toml_file_that_ends_too_soon_is_placed_in_japanese(home, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("bad = [\n", encoding="utf-8")
    r = run(home, JA, "questions", "add", str(bad), code=2)
    assert r.stderr.strip() == f"furikaeri: エラー: {bad} は正しい TOML ではありません（1行目 8文字目でファイルが終わっています）"
    r = run(home, C, "questions", "add", str(bad), code=2)
    assert r.stderr.strip() == f"furikaeri: error: {bad} is not valid TOML: Invalid value (at end of document)"


def test_a_toml_mistake_is_placed_by_line_and_column_in_japanese(home, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[set]\nlanguage = "ja"\n\n[[questions]]\ntext = 自己紹介\n', encoding="utf-8")
    r = run(home, JA, "questions", "add", str(bad), code=2)
    assert r.stderr.strip() == f"furikaeri: エラー: {bad} は正しい TOML ではありません（5行目 8文字目）"
    (home / "questions").mkdir(parents=True)
    (home / "questions" / "bad.toml").write_text("bad = [\n", encoding="utf-8")
    listed = " ".join(run(home, JA, "questions").stdout.split())  # the line as wrapped, joined again
    assert "（1行目 8文字目でファイルが終わっています）" in listed and "Invalid value" not in listed


# --------------------------------------------------------------------------- minor


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_pace_over_time_says_what_the_verdicts_say(lang):
    assert text(lang, "too_slow", start="0:08", end="0:17").startswith(text(lang, "verdict_slow") + " ")
    assert text(lang, "too_fast", start="0:08", end="0:17").startswith(text(lang, "verdict_fast") + " ")
    assert "すぎ" not in text(lang, "too_slow", start="", end="") and "too" not in text(lang, "too_fast", start="", end="")


def test_set_titles_say_the_language_once(home):
    out = run(home, JA, "questions").stdout
    assert "就活の定番質問 (日本語・9問・組み込み)" in out and "(日本語) (" not in out
    assert "Common interview questions (英語・9問・組み込み)" in out
    assert run(home, JA, "questions", "show", "ja-basic").stdout.splitlines()[0] == "就活の定番質問 ja-basic · 日本語 · 組み込み"
    assert "Common interview questions (English, 9 questions, built-in)" in run(home, C, "questions").stdout


def test_own_title_drops_only_the_sets_own_language():
    from furikaeri.questions import own_title

    assert own_title("就活の定番質問 (日本語)", "ja") == own_title("就活の定番質問（日本語）", "ja") == "就活の定番質問"
    assert own_title("Mock (English)", "en") == "Mock" and own_title("Mock (english)", "en") == "Mock"
    assert own_title("Mock (English)", "ja") == "Mock (English)"  # says something: the set is not English
    assert own_title("(日本語)", "ja") == "(日本語)" and own_title("面接 (一次)", "ja") == "面接 (一次)"


def test_the_usual_pace_follows_the_table_in_progress_of_one_question_as_overall(home):
    answered(home, 4)  # three before the latest make a usual
    usual = text("ja", "usual_pace")
    for args in (("progress", "-q", "ja-basic:jikoshokai"), ("progress",)):
        lines = run(home, JA, *args).stdout.splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith(usual))
        table = next(i for i, line in enumerate(lines) if line.startswith(text("ja", "metric")))
        assert table < at, (args, lines)
        assert lines[at - 1].startswith(text("ja", "metric_off_pace_s")) or "▅" in lines[at - 1], lines


def test_a_missing_answer_file_is_said_as_analyze_says_it(home, tmp_path):
    nope = tmp_path / "nope.wav"
    practice = run(home, JA, "practice", "--set", "ja-basic", "-n", "1", "--from-files", str(nope), code=2).stderr
    analyze = run(home, JA, "analyze", str(nope), code=2).stderr
    assert practice.strip() == analyze.strip() == f"furikaeri: エラー: {nope}: ファイルが見つかりません"
    practice = run(home, C, "practice", "--set", "en-basic", "-n", "1", "--from-files", str(nope), code=2).stderr
    analyze = run(home, C, "analyze", str(nope), code=2).stderr
    assert practice.strip() == analyze.strip() == f"furikaeri: error: {nope}: no such file"
