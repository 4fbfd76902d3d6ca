"""Session 29, the archive's views (QA's round after session 28):

- a table of figures (show's and compare's comparison, progress) is a table only when every
  figure's name and value fits whole beside the others, its verdicts wrapped between words;
  else every block of the screen is stacked: a name is never broken ("持ち時間超 / 過"), and one
  screen never mixes the two;
- a note's check that went past the range says so once: its rows say it in a word or two;
- answers to two different questions are compared by how they were said, never by their words;
- practice says a missing answer file in the language of the set it was asked to practise;
- the end of a practice session suggests comparing it with a session that answered one of its
  questions, and compare --sessions with no question in common points to no pair below;
- Japanese typography: a number and its unit together (+92秒 as the focus says it, 26dB, 5回（9.2回/分）,
  18回), full-width brackets, one day said once, and no line broken between a number and its unit.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from rich.cells import cell_len
from rich.console import Console

from furikaeri.compare import AnswerComparison, SessionComparison, TextDiff
from furikaeri.lang import text
from furikaeri.metrics import METRIC_BY_NAME, METRICS, Change, change
from furikaeri.report import history as H
from furikaeri.store import Answer
from test_narrow_layout import archives, lines_of, run  # noqa: F401 - archives: a fixture

# --------------------------------------------------------------------------- hand-made answers

#: Two answers' saved figures in each language: the second faster past the range, with one filler
#: fewer (the recogniser's jitter: "same (within ...)", the longest verdict there is).
FIGURES = {
    "ja": ({"answer_s": 19.0, "budget_s": 30.0, "over_budget": False, "over_s": -11.0, "fillers_per_min": 3.2,
            "filler_count": 1, "repetitions_per_min": 0.0, "repetitions": 0, "chars_per_min": 282.0,
            "morae_per_s": 6.6, "long_pauses": 0, "longest_pause_s": 0.8, "latency_s": 0.6, "opening_s": 3.0,
            "opening_share": 0.10, "hedges_per_100_words": 0.0, "pitch_spread_st": 3.4, "monotone_share": 0.0,
            "loudness_range_db": 26.0, "off_pace_s": 0.0},
           {"answer_s": 4.2, "fillers_per_min": 0.0, "filler_count": 0, "chars_per_min": 553.0, "morae_per_s": 10.4,
            "longest_pause_s": 0.0, "opening_s": 1.5, "opening_share": 0.05, "pitch_spread_st": 3.2,
            "loudness_range_db": 21.0, "over_s": -25.8}),
    "en": ({"answer_s": 20.0, "budget_s": 90.0, "over_budget": False, "over_s": -70.0, "fillers_per_min": 3.0,
            "filler_count": 1, "repetitions_per_min": 0.0, "repetitions": 0, "wpm": 126.0, "long_pauses": 0,
            "longest_pause_s": 0.9, "latency_s": 1.1, "opening_s": 3.8, "opening_share": 0.04,
            "hedges_per_100_words": 0.0, "pitch_spread_st": 1.8, "monotone_share": 0.0, "loudness_range_db": 21.0,
            "off_pace_s": 0.0},
           {"answer_s": 41.2, "fillers_per_min": 0.0, "filler_count": 0, "wpm": 80.0, "long_pauses": 6,
            "longest_pause_s": 2.0, "latency_s": 0.2, "opening_s": 4.5, "monotone_share": 0.25, "off_pace_s": 24.0,
            "over_s": -48.8}),
}


def answer(id_: int, lang: str, metrics: dict, question_id: int = 1, question: str = "自己紹介をお願いします。") -> Answer:
    return Answer(id=id_, session_id=id_, session_name=f"s{id_}", question_id=question_id, question=question,
                  question_key=None, created_at=f"2026-12-0{id_}T09:00:00Z", audio_path=None,
                  transcript="", language=lang, model="base", settings={}, metrics=metrics)


def pair(lang: str, first: int = 1, *, mild: bool = False) -> AnswerComparison:
    """Two attempts at one question, their verdicts set by hand: the pace further from its range,
    the fillers "same (within what the recogniser mishears)" (the longest verdicts there are);
    ``mild``: every figure the same, the verdicts short."""
    before, after = FIGURES[lang]
    after = before if mild else {**before, **after}
    rows = []
    for m in METRICS:
        if m.language not in (None, lang) or before.get(m.name) is None:
            continue
        verdict = "same" if mild or m.name == "fillers_per_min" else "worse" if m.band else change(
            m, before[m.name], after[m.name]).verdict
        rows.append(Change(m.name, before[m.name], after[m.name], after[m.name] - before[m.name], verdict))
    return AnswerComparison(answer(first, lang, before), answer(first + 1, lang, after), tuple(rows),
                            TextDiff(1.0, (), (), 0, 0), None)


def printed(width: int, draw) -> list[str]:
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    draw(console)
    return [line.rstrip() for line in console.export_text().splitlines()]


def labels(lang: str, changes) -> list[str]:
    return [METRIC_BY_NAME[c.metric].label(lang) for c in changes if c.before is not None or c.after is not None]


def on_a_line(label: str, lines: list[str]) -> bool:
    """Is ``label`` whole at the start of a line (a table's first column, or a stacked figure)?"""
    return any(re.match(re.escape(label) + r"(  |$)", line.strip()) for line in lines)


def tables(lang: str, lines: list[str]) -> int:
    """How many tables of figures are on the screen (each under its head row)."""
    return sum(bool(re.match(re.escape(text(lang, "metric")) + r" +#", line)) for line in lines)


# --------------------------------------------------------------------------- tables or stacked


@pytest.mark.parametrize("width", (64, 70, 76, 80, 90, 100, 120))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_comparison_never_breaks_a_figure_name(lang, width):
    cmp = pair(lang)
    lines = printed(width, lambda c: H.render_compare_answers(c, cmp, lang))
    assert max(cell_len(line) for line in lines) <= width, lines
    for label in labels(lang, cmp.changes):
        assert on_a_line(label, lines), (label, width, lines)
    # the fillers' verdict as drawn: the jitter's, and where it now stands where it crossed the norm (s44)
    jitter = H._verdict(next(c for c in cmp.changes if c.metric == "fillers_per_min"), lang).plain.removeprefix("= ")
    assert "recogniser" in jitter or "誤差" in jitter
    if lang == "ja":  # each phrase of a verdict whole: 「（聞き取りの誤差内）」
        assert all(any(p in line for line in lines) for p in re.split(r"(?=（)", jitter)), lines
    else:  # no word of it broken
        assert set(jitter.split()) <= set(" ".join(lines).split()), lines


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_at_80_columns_a_comparison_is_a_table(lang):
    """QA: at 80 columns one answer's comparison was stacked and another's a table; the longest
    verdict now wraps in its column instead."""
    for cmp in (pair(lang), pair(lang, mild=True)):
        lines = printed(80, lambda c: H.render_compare_answers(c, cmp, lang))
        assert tables(lang, lines) == 1, lines


@pytest.mark.parametrize("width", (64, 72, 80, 90, 100))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_screen_of_comparisons_is_all_tables_or_all_stacked(lang, width):
    """compare --sessions: the means and every pair alike, though only one pair's verdicts are long."""
    long, mild = pair(lang, 1), pair(lang, 3, mild=True)
    means = pair(lang, mild=True).changes
    cmp = SessionComparison(before={"id": 1, "name": "A", "started_at": "2026-12-01T09:00:00Z"},
                            after={"id": 2, "name": "B", "started_at": "2026-12-02T09:00:00Z"},
                            pairs=(mild, long), only_before=(), only_after=(), means=means, language=lang)
    lines = printed(width, lambda c: H.render_compare_sessions(c, cmp, lang))
    assert tables(lang, lines) in (0, 3), (width, lines)  # the means and both pairs alike
    for label in labels(lang, long.changes):
        assert on_a_line(label, lines), (label, lines)


@pytest.mark.parametrize("width", (64, 80, 100, 140))
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_progress_blocks_are_all_tables_or_all_stacked(archives, lang, width):
    home, _ = archives[lang]
    prog = json.loads(run(home, 100, "progress", "--json"))
    blocks = len(prog["overall"]) + len(prog["questions"])
    lines = lines_of(run(home, width, "progress"))
    heads = sum(line.startswith(text(lang, "metric") + " ") for line in lines)
    assert heads in (0, blocks), (width, lines)
    for s in prog["overall"][0]["series"]:
        assert on_a_line(METRIC_BY_NAME[s["metric"]].label(lang), lines), (s["metric"], lines)


# --------------------------------------------------------------------------- a note's check


def noted(id_: int, metrics: dict, note: str, lang: str) -> Answer:
    from furikaeri.store import Note

    return Answer(id_, 1, "s", 1, "Q?", "k", "2026-12-01T09:00:00Z", None, "", lang, "base", {}, dict(metrics),
                  Note(1, id_, "", "", note, "", ""))


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("note, before, after", [
    ("ゆっくり話す", {"morae_per_s": 7.7}, {"morae_per_s": 5.0}),  # QA: slowed down past the range (in 拍/秒)
    ("talk less", {"answer_s": 22.0, "budget_s": 60.0, "over_s": -38.0},
     {"answer_s": 9.9, "budget_s": 60.0, "over_s": -50.1}),  # now too short for the budget
])
def test_an_overshot_note_says_it_once(lang, note, before, after):
    from furikaeri.notes import check_fix

    fix = check_fix(noted(1, before, note, "ja" if note[0] > "~" else "en"), after, "ja" if note[0] > "~" else "en")
    assert fix.verdict == "overshot"
    lines = printed(100, lambda c: H.render_fix(c, fix, lang))
    head, rows = lines[0], [line for line in lines if "→" in line]
    assert len(rows) == 1 and head.endswith(":"), lines
    said = rows[0].split("  ")[-1].strip()  # the row's verdict, after its figures
    assert said and cell_len(said) <= 16 and not re.search(r"メモ|note", said), lines


# --------------------------------------------------------------------------- two questions


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_answers_to_different_questions_are_not_compared_word_by_word(lang):
    base = pair(lang, mild=True)
    said = TextDiff(0.04, ("南山大学文学部の", "Um, I'm"), ("強みは、相手の話を最後まで聞く力です", "One day"), 20, 18)
    other = answer(2, lang, FIGURES[lang][0], question_id=2, question="自己PRをお願いします。")
    for cmp, words in ((replace(base, text=said), True), (replace(base, after=other, text=said), False)):
        out = "\n".join(printed(100, lambda c: H.render_compare_answers(c, cmp, lang)))
        assert (text(lang, "said") in out) == words and ("南山大学文学部の" in out) == words, out
        assert (text(lang, "different_questions") in out) != words, out
    assert "同じ質問への回答" in text("ja", "different_questions")  # not 「同じ回答の比較」
    assert "one question" in text("en", "different_questions")


# --------------------------------------------------------------------------- practice


@pytest.mark.parametrize("args, said", [
    (("--set", "ja-basic", "--only", "nyusha-go"), "ファイルが見つかりません"),
    (("-l", "ja"), "ファイルが見つかりません"),  # the built-in set of the answers' language
    (("--set", "en-basic"), "no such file"),
])
def test_a_missing_answer_file_is_said_in_the_set_s_language(tmp_path, monkeypatch, args, said):
    """QA: with LANG=C and a Japanese set, a missing file was said in English while the errors
    after it (an unreadable file) were Japanese."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    monkeypatch.setenv("LANG", "C")
    nope = tmp_path / "nope.wav"
    r = CliRunner().invoke(cli, ["practice", *args, "--from-files", str(nope), "--no-reflect"])
    assert r.exit_code == 2 and r.stderr.strip().endswith(f"{nope}: {said}"), r.stderr


def test_the_session_to_compare_with_shares_a_question(furikaeri_home):
    """QA: a session of jiko-pr was told to compare with the one before it, of gakuchika only
    (compare then promised pairs below and listed none)."""
    from types import SimpleNamespace

    from furikaeri import session as S
    from furikaeri.cli.practice_cmd import _comparable, _Screen
    from furikaeri.compare import compare_sessions
    from furikaeri.store import Store
    from test_narrow_layout import MONDAY, QUESTIONS, SAID, measured

    asked = {"A": QUESTIONS["ja"][0], "B": QUESTIONS["ja"][1], "C": QUESTIONS["ja"][0], "D": QUESTIONS["ja"][1]}
    for i, (name, q) in enumerate(asked.items()):
        S.save_analysis(measured("ja", SAID["ja"][:1], budget=30, question=q), audio_path=None, home=furikaeri_home,
                        session=name, question=q, now=MONDAY + timedelta(hours=i))
    with Store.open(furikaeri_home) as store:
        rows = {name: store.session(name) for name in asked}
        hint = {}
        for name in asked:
            earlier = [s for s in store.sessions() if s.id < rows[name].id]
            result = SimpleNamespace(session=rows[name], earlier=earlier, ended_after=None)
            hint[name] = _comparable(store, result)
            lines = printed(100, lambda c: _Screen(c, "ja", quiet=False).done(result, hint[name]))
            told = [line for line in lines if "compare --sessions" in line]
            assert told == ([f"{text('ja', 'compare_hint')}: furikaeri compare --sessions {hint[name].id} "
                             f"{rows[name].id}"] if hint[name] else []), lines
        assert {k: v.name if v else None for k, v in hint.items()} == {"A": None, "B": None, "C": "A", "D": "B"}
        none = compare_sessions(store, "B", "C")
    lines = printed(100, lambda c: H.render_compare_sessions(c, none, "ja"))
    assert not none.pairs and text("ja", "means_no_shared") in lines and text("ja", "means_other_questions") not in lines


# --------------------------------------------------------------------------- Japanese typography


def test_the_japanese_report_writes_numbers_with_their_units():
    from furikaeri.coach import focus_of
    from furikaeri.report.terminal import render
    from test_narrow_layout import QUESTIONS, SAID, measured

    a = measured("ja", SAID["ja"] * 3, budget=10, question=QUESTIONS["ja"][0])  # 52 s over a 10-s budget
    lines = printed(100, lambda c: render(a, c, focus=focus_of(a)))
    body = [line.strip("│ ") for line in lines[: next(i for i, x in enumerate(lines) if text("ja", "transcript") in x)]]
    over = [re.search(r"\+\d+ ?秒", line).group() for line in body if re.search(r"\+\d+ ?秒", line)]
    assert len(over) == 2 and over[0] == over[1] and " " not in over[0], body  # the focus's and the verdict's
    said = "\n".join(body)
    assert not re.search(r"(?<!/ )(?<![\d.])\d+(?:\.\d+)? (?:秒|dB|回|字/分)", said), said  # 0.5 秒, 26 dB, 1秒以上 2
    assert not re.search(r"[()]", said.replace(a.file or "", "")), said  # （） in Japanese lines
    fillers = next(line for line in body if line.startswith(text("ja", "fillers")))
    assert re.search(r"\d+回（\d+\.\d回/分）", fillers), fillers
    assert re.search(r"^間（ま） +\d+回", next(x for x in body if x.startswith("間（ま） "))), body
    en = measured("en", SAID["en"] * 3, budget=10, question=QUESTIONS["en"][0])
    assert re.search(r"\+\d+ s\b", "\n".join(printed(100, lambda c: render(en, c))))  # English keeps its space


def test_a_norm_is_bracketed_as_its_language_writes_it_whatever_the_verdict():
    from furikaeri.lang import get_rules
    from furikaeri.measure import Verdict
    from furikaeri.report.terminal import _verdict

    for level in ("good", "n/a"):  # 「–（5.5〜8拍/秒）」: the verdict "–" of a figure not judged
        assert _verdict(Verdict(level, "5.5〜8拍/秒"), get_rules("ja").labels).plain.endswith("（5.5〜8拍/秒）")
        assert _verdict(Verdict(level, "120–160 wpm"), get_rules("en").labels).plain.endswith(" (120–160 wpm)")


@pytest.mark.parametrize("key", ["pace_faster", "pace_slower", "session_done", "enter_skips", "ask_date", "ask_stage",
                                 "ask_questions", "md_no_question", "kept", "loudness", "norm_chars_per_min"])
def test_japanese_lines_use_full_width_brackets_and_no_space_before_a_unit(key):
    said = text("ja", key)
    assert not re.search(r"[()]", said) and not re.search(r"[}\d] (?:秒|dB|字|拍|件|回)", said), said


def test_a_progress_of_one_day_says_the_day_once(furikaeri_home):
    from furikaeri import session as S
    from test_narrow_layout import MONDAY, QUESTIONS, SAID, measured

    for i in range(2):
        S.save_analysis(measured("ja", SAID["ja"][:2], budget=30, question=QUESTIONS["ja"][i]), audio_path=None,
                        home=furikaeri_home, session="月曜", question=QUESTIONS["ja"][i], now=MONDAY + timedelta(minutes=i))
    head = run(furikaeri_home, 100, "progress").splitlines()[0]
    assert head.count("2026-11-23") == 1 and " – " not in head, head


@pytest.mark.parametrize("said", ["次回: もっと短く、30秒以内で話す", "フィラー 3.2回/分 → 0.0回/分", "ちょうどよい（5.5〜8拍/秒）",
                                  "ぼかし表現 0.0回/300拍、声量の幅 26dB、+92秒"])
def test_a_japanese_line_never_breaks_between_a_number_and_its_unit(said):
    from rich.text import Text

    from furikaeri.report.wrap import wrap_unspaced

    units = re.findall(r"[+\-]?\d[\d.]*(?:〜\d+)?(?:回/\d*[分拍]|[秒分回字拍]/?[分秒]?|dB)", said)
    for width in range(2 * max(cell_len(u) for u in units) + 1, cell_len(said) + 1):  # a line for it to move to
        lines = wrap_unspaced(Text(said), width).plain.split("\n")
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        assert all(any(u in line for line in lines) for u in units), (width, units, lines)


def test_an_older_note_s_date_is_bracketed_as_its_language_writes_it():
    from furikaeri.session import Before

    last = answer(2, "ja", FIGURES["ja"][0])
    older = replace(noted(1, FIGURES["ja"][0], "結論から話す", "ja"), created_at="2026-11-23T00:00:00Z")
    line = H.previous_line(Before(question_id=1, previous=last, attempts=2, noted=older), "ja")
    assert re.search(r"あなたのメモ（2026-11-2\d）: 結論から話す$", line), line
    assert re.search(r"your note \(2026-11-2\d\): 結論から話す$", H.previous_line(
        Before(question_id=1, previous=last, attempts=2, noted=older), "en"))
