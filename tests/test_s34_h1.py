"""QA s34 (K, M): a note's check agrees with the report beside it: a pace gone right across its
band against the note is not "toward the recommended range"; a note to get to the point is judged as
the report's opening verdict is, a story first being "fair"; a heading never claims a figure
held where a line says it cannot tell."""

from __future__ import annotations

import pytest
from rich.console import Console

from furikaeri import notes as N
from furikaeri.lang import text
from furikaeri.metrics import METRIC_BY_NAME
from furikaeri.report import history as H
from furikaeri.store import Answer, Note


def _answer(metrics: dict, note: str, language: str = "en") -> Answer:
    return Answer(1, 1, "", 1, "Q", None, "", None, "", language, "base", {}, dict(metrics),
                  Note(1, 1, "", "", note, "", ""))


def _said(fix: N.FixCheck, lang: str) -> str:
    out = Console(width=200, record=True)
    H.render_fix(out, fix, lang)
    return out.export_text()


# --------------------------------------------------------------------------- K #3: across the band


@pytest.mark.parametrize("note, before, after", [("don't rush", 99.0, 174.0), ("slow down", 99.0, 170.0),
                                                 ("speed up", 175.0, 110.0)])
def test_a_pace_moved_against_the_note_right_across_its_band_is_not_toward_the_range(note, before, after):
    """K #3: 99 -> 174 wpm (band 120-160) under "don't rush": nearer the band, but past it on the
    fast side, beside a report that says "slow down"; never "toward the recommended range"."""
    fix = N.check_fix(_answer({"answer_s": 50.0, "budget_s": 60.0, "wpm": before}, note),
                      {"answer_s": 50.0, "budget_s": 60.0, "wpm": after}, "en")
    assert [(c.metric, c.verdict) for c in fix.changes] == [("wpm", "across_norm")]
    for lang in ("en", "ja"):
        out = _said(fix, lang)
        assert text(lang, "across_norm") in out and text(lang, "toward_norm") not in out, out


def test_a_pace_toward_its_band_or_into_it_against_the_note_is_still_toward_it():
    wpm = METRIC_BY_NAME["wpm"]
    assert N.note_change(wpm, 99.0, 115.0, "lower").verdict == "toward_norm"  # still under the band
    assert N.note_change(wpm, 99.0, 140.0, "lower").verdict == "toward_norm"  # into it
    assert N.note_change(wpm, 99.0, 200.0, "lower").verdict == "worse"  # across, and further off than before


# --------------------------------------------------------------------------- K #6: to the point, as the report


@pytest.mark.parametrize("orders, verdict", [
    (("story_first", None), N.UNTOLD),  # K #6: story first ("fair"), then not told: no "still where it should be"
    (("story_first", "story_first"), "same"),
    (("point_first", "story_first"), "same"),
    (("story_first", "point_first"), "better"),  # fair, then good
    (("point_first", "point_first"), "held"),
    ((None, None), "held"),
    (("point_first", None), "held"),  # good both times, as the reports said
])
def test_a_note_to_get_to_the_point_is_judged_as_the_reports_opening_is(orders, verdict):
    before = {"answer_s": 60.0, "budget_s": 60.0, "opening_share": 0.07}
    after = {"answer_s": 50.0, "budget_s": 60.0, "opening_share": 0.02}
    for note, lang in (("get to the point faster", "en"), ("前置きが長い", "ja")):
        fix = N.check_fix(_answer(before, note, lang), after, lang, orders=orders)
        assert [c.metric for c in fix.changes] == ["opening_share"]  # the time alone is its line
        assert fix.verdict == verdict, (note, orders)
        if verdict != "held":
            assert text(lang, "fix_held") not in _said(fix, lang)


# --------------------------------------------------------------------------- M #10: a heading of what cannot be told


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_held_heading_is_never_over_a_figure_too_short_to_tell(lang):
    """M #10: "still where it should be" over "to the point: 4% → 5%  earlier answer too short to
    tell" and "how it opened: conclusion first → conclusion first = held"."""
    before = {"answer_s": 10.0, "budget_s": 60.0, "opening_share": 0.04}
    after = {"answer_s": 40.0, "budget_s": 60.0, "opening_share": 0.05}
    fix = N.check_fix(_answer(before, "lead with the point", lang), after, lang, orders=("point_first", "point_first"))
    assert fix.too_short == ("opening_share",) and fix.short_in == "earlier"
    assert fix.verdict == "too_short"
    out = _said(fix, lang)
    assert text(lang, "fix_held") not in out and text(lang, "fix_too_short_earlier") in out, out
    # both told and held: held, as before
    fix = N.check_fix(_answer(after, "lead with the point", lang), after, lang, orders=("point_first", "point_first"))
    assert fix.verdict == "held"


# --------------------------------------------------------------------------- K #1: an aim's band stops at the budget


def _timed(answer_s: float, budget_s: float = 60.0) -> dict:
    return {"answer_s": answer_s, "budget_s": budget_s, "over_s": round(answer_s - budget_s, 2)}


@pytest.mark.parametrize("note, lang", [("aim for about a minute", "en"), ("1分程度で話す", "ja"),
                                        ("around 55 seconds", "en")])
@pytest.mark.parametrize("before, after", [(18.9, 71.7), (68.7, 58.5), (65.0, 70.0), (55.0, 66.0)])
def test_an_answer_past_the_budget_is_never_on_the_aim(note, lang, before, after):
    """K #1: "about a minute" on a 60-s question: 18.9 -> 71.7 s was "your fix worked", 68.7 ->
    58.5 s 「今回も保てています」, beside a report saying "over budget"."""
    fix = N.check_fix(_answer(_timed(before), note, lang), _timed(after), lang)
    c = fix.changes[0]
    assert c.metric == "answer_s"
    if after > 60.0:  # past the budget: never where it should be, nor a fix that worked
        assert fix.verdict not in ("better", "held") and not fix.fine(c), (before, after, fix.verdict)
    if before > 60.0:  # it was not where it should be: never "still"; nearer the budget is better
        assert fix.verdict != "held" and c.verdict == ("better" if after < before else "worse"), (before, after)
    assert text(lang, "fix_held") not in _said(fix, lang)


def test_an_aim_well_inside_the_budget_keeps_its_band_both_sides():
    fix = N.check_fix(_answer(_timed(55.0, 90.0), "aim for about a minute"), _timed(70.0, 90.0), "en")
    assert fix.verdict == "held"  # 70 s is within 20 % of the aim, and of the budget
    assert N.target_gap(60.0, 70.0, 60.0) == 10.0 and N.target_gap(60.0, 70.0) == 0.0


# --------------------------------------------------------------------------- K #8: a named filler never said


@pytest.mark.parametrize("note, lang, word, other", [("say fewer ums", "en", "um", "like"), ("えーを減らす", "ja", "えー", "あの")])
def test_a_named_filler_said_in_neither_answer_is_not_held_and_the_fillers_said_judge(note, lang, word, other):
    """K #8: 'um': 0 → 0 = held beside fillers 0.0 → 5.8/min ▼ worse: the word was not heard, and
    the fillers said decide."""
    prev = Answer(**{**_answer({"answer_s": 60.0, "budget_s": 60.0, "fillers_per_min": 0.0, "filler_count": 0},
                               note, lang).__dict__, "fillers": ()})
    after = {"answer_s": 62.0, "budget_s": 60.0, "fillers_per_min": 5.8, "filler_count": 6}
    fix = N.check_fix(prev, after, lang, fillers=[other] * 6)
    assert [(c.metric, c.verdict) for c in fix.changes] == [(N.FILLER_WORD, N.UNHEARD), ("fillers_per_min", "worse")]
    assert fix.verdict == "worse" and not fix.held(0)
    out = _said(fix, lang)
    assert text(lang, "unheard") in out and "= " + text(lang, "same_held") not in out, out
    quiet = {"answer_s": 62.0, "budget_s": 60.0, "fillers_per_min": 1.0, "filler_count": 1}
    assert N.check_fix(prev, quiet, lang, fillers=[other]).verdict == "held"  # the fillers said are few
