"""QA s34 (K, M): a note's check agrees with the report beside it: a pace gone right across its
band against the note is not "toward the usual range"; a note to get to the point is judged as
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
    fast side, beside a report that says "slow down"; never "toward the usual range"."""
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
