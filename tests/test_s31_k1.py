"""The coach layer's judgements, session 31 (QA of the coach layer): the time to the first word
is no "worse" for a think and is read as a note asks; a longer answer asked for and now over
the budget is overshot; last time's focus says "better, not yet" as the note's check does; the
common wordings of a length or a time; a pace that left its range or came into it."""

from __future__ import annotations

import pytest
from rich.console import Console

from furikaeri import notes as N
from furikaeri.lang import text
from furikaeri.metrics import LATENCY_FREEZE_S, METRIC_BY_NAME, Change, change, compare_metrics, judged_change
from furikaeri.progress import AfterAnswer
from furikaeri.report import history as H
from furikaeri.store import Answer, Note

LATENCY = METRIC_BY_NAME["latency_s"]


def _answer(metrics: dict, note: str | None = None, language: str = "en") -> Answer:
    return Answer(1, 1, "", 1, "Q", None, "", None, "", language, "base", {}, metrics,
                  Note(1, 1, "", "", note, "", "") if note else None)


def _said(render, *args, width: int = 120, **kw) -> str:
    out = Console(width=width, record=True)
    render(out, *args, **kw)
    return out.export_text()


# --------------------------------------------------------------------------- 1. time to first word


@pytest.mark.parametrize("before, after", [(1.5, 0.5), (0.4, 0.9), (0.5, 3.0), (2.0, 4.9)])
def test_a_think_before_the_first_word_is_not_graded(before, after):
    """No norm of METRICS.md sets how soon an answer starts; a short think is fine. A change
    under a freeze is shown and held, never "better" or "worse"."""
    assert change(LATENCY, before, after).verdict == "same"
    c = next(c for c in compare_metrics({"latency_s": before}, {"latency_s": after}, "en") if c.metric == "latency_s")
    assert c.verdict == "same"
    assert "worse" not in _said(H._render_fix, N.FixCheck(1, "x", False, (c,), "unknown"), "en", "en")


@pytest.mark.parametrize("before, after, verdict", [(1.0, 6.0, "worse"), (8.0, 2.0, "better"), (9.0, 6.0, "better")])
def test_a_freeze_before_the_first_word_is_graded(before, after, verdict):
    assert LATENCY_FREEZE_S == 5.0
    assert change(LATENCY, before, after).verdict == verdict


@pytest.mark.parametrize("note, lang, want", [
    ("pause before answering", "en", "higher"),
    ("take a breath before answering", "en", "higher"),
    ("take a moment to think before I answer", "en", "higher"),
    ("think before I speak", "en", "higher"),
    ("collect my thoughts first", "en", "higher"),
    ("I jumped into my answer", "en", "higher"),
    ("don't pause before answering", "en", "lower"),
    ("一呼吸おいてから話す", "ja", "higher"),
    ("一呼吸置いてから答える", "ja", "higher"),
    ("考えてから答える", "ja", "higher"),
    ("答える前に少し考える", "ja", "higher"),
    ("すぐに話し始めない", "ja", "higher"),
    ("start sooner", "en", "lower"),
    ("start answering right away", "en", "lower"),
    ("answer quicker", "en", "lower"),
    ("respond faster", "en", "lower"),
    ("took a long time to start", "en", "lower"),
    ("slow to answer", "en", "lower"),
    ("すぐ話し始める", "ja", "lower"),
    ("早く話し始める", "ja", "lower"),
    ("すぐに答える", "ja", "lower"),
    ("話し始めるまでに時間がかかった", "ja", "lower"),
])
def test_a_note_about_the_start_of_the_answer_asks_its_direction(note, lang, want):
    assert N.note_targets(note, lang) == [("latency_s", want)]


@pytest.mark.parametrize("note, lang, expected", [
    ("pause before the conclusion", "en", []),  # inside the answer: no figure measures it
    ("take a breath between points", "en", []),
    ("pause more", "en", []),
    ("一呼吸おく", "ja", []),
    ("speak faster", "en", [("wpm", "higher")]),  # the pace, not the start
    ("get to the answer quicker", "en", [("opening_share", None)]),  # the point, not the start
    ("すぐに話が終わった", "ja", [("answer_s", "higher")]),  # ended early: the length
])
def test_words_near_the_start_of_an_answer_that_are_not_about_it(note, lang, expected):
    assert N.note_targets(note, lang) == expected


def test_the_qa_repro_a_pause_first_note_is_not_praised_for_the_opposite():
    """"pause before answering", then 1.5 s -> 0.5 s before the first word: not "better"."""
    before, after = {"latency_s": 1.5}, {"latency_s": 0.5}
    fix = N.check_fix(_answer(before, "pause before answering"), after, "en")
    assert fix.targeted and fix.verdict == "worse"
    fix = N.check_fix(_answer(before, "answer quicker"), after, "en")
    assert fix.targeted and fix.verdict == "better"
    assert fix.changes[0].metric == "latency_s"


@pytest.mark.parametrize("before, after, verdict", [(0.8, 2.5, "better"), (0.8, 7.0, "overshot"), (6.0, 8.0, "off_norm")])
def test_a_pause_first_is_judged_within_reason(before, after, verdict):
    """A think asked for: longer is better until it reads as a freeze; from a freeze already,
    longer pulls away from the norm."""
    fix = N.check_fix(_answer({"latency_s": before}, "pause before answering"), {"latency_s": after}, "en")
    assert fix.verdict == verdict
    if verdict == "off_norm":
        assert fix.to_dict()["changes"][0]["note_pulls_away_from"] == [None, LATENCY_FREEZE_S]


# --------------------------------------------------------------------------- 2. a longer answer over the budget


def _timed(answer_s: float, budget_s: float = 60.0) -> dict:
    return {"answer_s": answer_s, "budget_s": budget_s, "over_s": round(answer_s - budget_s, 2)}


@pytest.mark.parametrize("after, verdict", [(86.9, "overshot"), (55.0, "better"), (60.0, "better")])
def test_last_focus_on_a_too_short_answer_is_overshot_past_the_budget(after, verdict):
    c = judged_change(METRIC_BY_NAME["answer_s"], _timed(4.9), _timed(after), want="higher")
    assert c.verdict == verdict


@pytest.mark.parametrize("lang, word", [("en", "now over the budget"), ("ja", "持ち時間を超えた")])
def test_the_focus_line_says_the_answer_is_now_over_its_budget(lang, word):
    c = judged_change(METRIC_BY_NAME["answer_s"], _timed(4.9), _timed(86.9), want="higher")
    shown = _said(H.render_after, AfterAnswer(focus_then=c), lang)
    assert word in shown and "▲" not in shown and text(lang, "better") not in shown


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_say_more_note_past_the_budget_is_overshot_too(lang):
    fix = N.check_fix(_answer(_timed(4.9), "say more" if lang == "en" else "もっと話す", lang), _timed(86.9), lang)
    assert fix.verdict == "overshot"
    shown = _said(H.render_fix, fix, lang)
    assert text(lang, "fix_overshot_over") in shown and text(lang, "overshot_over") in shown
    assert text(lang, "fix_overshot_short") not in shown


# --------------------------------------------------------------------------- 3. better, not yet


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_last_focus_better_and_still_off_its_norm_is_not_yet_there(lang):
    shown = _said(H.render_after, AfterAnswer(focus_then=Change("fillers_per_min", 8.2, 5.9, -2.3, "better")), lang)
    assert text(lang, "better_not_yet") in shown
    shown = _said(H.render_after, AfterAnswer(focus_then=Change("fillers_per_min", 8.2, 1.5, -6.7, "better")), lang)
    assert text(lang, "better_not_yet") not in shown and text(lang, "better") in shown


# --------------------------------------------------------------------------- 5. common wordings


@pytest.mark.parametrize("note, lang", [
    ("wrap up sooner", "en"), ("wrap it up earlier", "en"), ("finish sooner", "en"), ("be more succinct", "en"),
    ("shorten it", "en"), ("condense the story", "en"), ("keep it about a minute", "en"), ("a minute or so", "en"),
    ("around 90 seconds", "en"),
    ("手短に", "ja"), ("コンパクトに", "ja"), ("端的に話す", "ja"), ("簡単にまとめる", "ja"), ("早めに切り上げる", "ja"),
    ("1分程度", "ja"), ("1分くらいで話す", "ja"), ("30秒ぐらいで", "ja"), ("一分半程度", "ja"), ("90秒前後", "ja"),
    ("エピソードを絞る", "ja"),
])
def test_common_wordings_of_a_shorter_answer_are_about_the_budget(note, lang):
    assert N.note_targets(note, lang) == [("over_s", None)]


@pytest.mark.parametrize("note, lang", [
    ("talk longer", "en"), ("speak a bit longer", "en"), ("answer longer", "en"), ("use the full time", "en"),
    ("fill the time", "en"), ("give more examples", "en"), ("flesh it out", "en"), ("don't wrap up too early", "en"),
    ("時間いっぱい使う", "ja"), ("持ち時間を使い切る", "ja"), ("話を広げる", "ja"), ("もう少し長く話す", "ja"),
    ("たくさん話す", "ja"),
])
def test_common_wordings_of_a_longer_answer_ask_for_more(note, lang):
    assert N.note_targets(note, lang) == [("answer_s", "higher")]


@pytest.mark.parametrize("note, seconds", [
    ("within one and a half minutes", 90), ("two and a half minutes max", 150), ("under one and a half minutes", 90),
    ("1.5分以内", 90), ("１．５分以内", 90), ("一分半以内", 90), ("1分半以内", 90),
    ("1分程度", None), ("about a minute", None),  # a length aimed at, not a limit: the budget judges
])
def test_half_minutes_are_read_as_limits(note, seconds):
    assert N.note_limit(note) == seconds


@pytest.mark.parametrize("note, lang, expected", [
    ("shorter pauses", "en", [("long_pauses_per_min", None)]),  # the pauses' length, not the answer's
    ("間を短く", "ja", [("long_pauses_per_min", None)]),
    ("I wrapped my head around it", "en", []),
    ("the story was compelling", "en", []),
    ("声のボリュームを上げる", "ja", []),
    ("十分に準備する", "ja", []),
])
def test_words_of_length_elsewhere_do_not_make_a_length_note(note, lang, expected):
    assert N.note_targets(note, lang) == expected


# --------------------------------------------------------------------------- 6. left the range / 7. into it


@pytest.mark.parametrize("lang, word", [("en", "left the range"), ("ja", "目安から外れた")])
def test_a_figure_that_started_inside_its_range_left_it(lang, word):
    assert text(lang, "left_band") == word
    left = H._verdict(Change("wpm", 133.0, 174.0, 41.0, "worse"), lang)
    assert left.plain.endswith(word)
    further = H._verdict(Change("wpm", 165.0, 190.0, 25.0, "worse"), lang)
    assert further.plain.endswith(text(lang, "further_band"))


@pytest.mark.parametrize("lang, pace, usual, rel, key", [
    ("en", "wpm", 90.2, 0.4, "pace_faster_into"),  # slow usual, 126 wpm now: in the range
    ("en", "wpm", 130.0, 0.4, "pace_faster"),  # a good usual, 182 now: the warning
    ("en", "wpm", 90.2, 0.2, "pace_faster"),  # 108: still slow
    ("ja", "chars_per_min", 245.0, 0.17, "pace_faster_into"),
    ("ja", "chars_per_min", 400.0, -0.2, "pace_slower_into"),
    ("ja", "chars_per_min", 300.0, -0.2, "pace_slower"),
])
def test_a_pace_that_came_into_its_range_from_an_off_usual_says_so(lang, pace, usual, rel, key):
    shown = _said(H.render_after, AfterAnswer(pace_metric=pace, usual_pace=usual, pace_vs_usual=rel), lang)
    unit = H.fmt_value(pace, usual, lang, language=lang)
    assert text(lang, key, pct=abs(rel), usual=unit) in shown


def test_the_quickest_start_is_no_personal_best():
    """Progress's best is the lowest score: under a freeze every start scores alike (the latest
    is shown), so 0.3 s before the first word is never held up as the thing to beat."""
    assert LATENCY.score(0.3) == LATENCY.score(2.5) == 0
    assert LATENCY.score(7.0) == pytest.approx(2.0)
