"""The words of g1judge's verdicts as the views print them: a banded verdict judged on the
answers said of the answers, and a note's figure an answer is too short for said as such."""

from __future__ import annotations

import pytest
from rich.console import Console

from furikaeri import metrics as M
from furikaeri import notes as N
from furikaeri.lang import text as t
from furikaeri.report.history import _verdict, render_fix
from test_compare_notes import answer


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_verdict_judged_on_the_answers_is_said_of_them(lang):
    c = M.Change("wpm", 128.0, 150.0, 22.0, "worse", by_answers=True)  # both means inside 120-160
    assert _verdict(c, lang, mean=True).plain == "▼ " + t(lang, "answers_further_band")
    c = M.Change("wpm", 150.0, 150.0, 0.0, "better", by_answers=True)
    assert _verdict(c, lang, mean=True).plain == "▲ " + t(lang, "answers_nearer_band")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_note_check_says_it_cannot_tell_for_a_short_answers_rate(lang):
    prev = answer(1, {"answer_s": 9.9, "budget_s": 45.0, "fillers_per_min": 6.1, "filler_count": 1},
                  note="fewer fillers")
    fix = N.check_fix(prev, {"answer_s": 40.0, "budget_s": 45.0, "fillers_per_min": 0.0, "filler_count": 0}, "en")
    console = Console(record=True, width=200, force_terminal=False, color_system=None)
    render_fix(console, fix, lang)
    out = console.export_text()  # the earlier answer (the one the note is on) is the short one
    assert t(lang, "fix_too_short_earlier") in out and t(lang, "fix_short_figure_earlier") in out
