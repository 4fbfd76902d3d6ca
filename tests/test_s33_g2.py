"""QA round 33 (g2): a note's limit past the question's budget is judged against the budget, as
an aim past it is (QA-F #1); compare shows no rate for an answer too short for one (QA-F #2);
progress's usual pace says the change from the figures as shown (QA-F #3)."""

from __future__ import annotations

import pytest
from rich.console import Console

from furikaeri import notes as N
from furikaeri.report.history import render_fix
from furikaeri.store import Answer, Note


# --------------------------------------------------------------------------- QA-F #1: a limit past the budget


def _attempt(note: str, metrics: dict, lang: str) -> Answer:
    return Answer(1, 1, "s", 1, "Q?", "k", "2026-12-05T10:00:00", None, "", lang, "base", {}, dict(metrics),
                  Note(1, 1, "", "", note, "", ""))


def _timed(answer_s: float, budget_s: float = 20.0) -> dict:
    return {"answer_s": answer_s, "budget_s": budget_s, "over_s": round(max(0.0, answer_s - budget_s), 2)}


LIMITS = [("keep it under one minute", "en"), ("1分以内に話す", "ja")]


@pytest.mark.parametrize("note, lang", LIMITS)
@pytest.mark.parametrize("before, after, verdict", [
    (22.1, 36.6, "worse"),  # the QA's: 2 s, then 17 s over the 20-s budget, both inside the minute
    (15.0, 18.0, "held"),  # inside the budget both times
    (36.6, 19.0, "better"),  # back inside the budget
])
def test_a_note_limit_past_the_budget_is_judged_against_the_budget(note, lang, before, after, verdict):
    """QA: "keep it under one minute" on a 20-s question, then 22.1 s -> 36.6 s, was "still
    where it should be" (inside the note's minute) beside a table saying "over budget ▼ worse"."""
    fix = N.check_fix(_attempt(note, _timed(before), lang), _timed(after), lang)
    [c] = fix.changes
    assert (c.metric, fix.verdict) == ("answer_s", verdict)
    assert (fix.limit_s, fix.limit_over_budget_s, fix.budget_s) == (20.0, 60.0, 20.0)
    d = fix.to_dict()["changes"][0]
    assert (d["limit_s"], d["budget_s"]) == (60.0, 20.0)


@pytest.mark.parametrize("note, lang", LIMITS)
def test_a_note_limit_within_the_budget_is_still_its_own(note, lang):
    """A minute's limit on a 90-s question is the note's: 50 -> 75 s is worse, inside the budget."""
    fix = N.check_fix(_attempt(note, _timed(50.0, 90.0), lang), _timed(75.0, 90.0), lang)
    assert (fix.verdict, fix.limit_s, fix.limit_over_budget_s) == ("worse", 60.0, None)
    assert "budget_s" not in fix.to_dict()["changes"][0]


def _rendered(fix: N.FixCheck, lang: str) -> str:
    out = Console(width=200, record=True)
    render_fix(out, fix, lang)
    return out.export_text()


@pytest.mark.parametrize("note, lang, said", [
    ("keep it under one minute", "en",
     "length (your limit 60 s is over the 20-s budget: judged against the budget): 22.1 s → 36.6 s  ▼ worse"),
    ("1分以内に話す", "ja", "長さ（メモの上限60秒は持ち時間20秒を超えるため、持ち時間で判定）: 22.1秒 → 36.6秒"),
])
def test_the_check_says_the_notes_limit_is_over_the_budget(note, lang, said):
    shown = _rendered(N.check_fix(_attempt(note, _timed(22.1), lang), _timed(36.6), lang), lang)
    assert said in shown, shown


def test_a_longer_answer_past_a_limit_past_the_budget_is_said_over_the_budget():
    """"too short, under 90 seconds" on a 60-s question, 20 s then 75 s: done past the budget,
    said of the budget ("over"), not of a length the note set (its 90 s was not passed)."""
    from furikaeri.lang import text

    fix = N.check_fix(_attempt("too short, keep it under 90 seconds", _timed(20.0, 60.0), "en"), _timed(75.0, 60.0), "en")
    assert fix.verdict == "overshot"
    shown = _rendered(fix, "en")
    assert text("en", "fix_overshot_over") in shown and text("en", "fix_overshot_aim") not in shown, shown
