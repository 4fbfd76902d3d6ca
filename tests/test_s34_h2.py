"""QA s34 (K #2, K #4, M #11): last time's focus followed past the range, the pace remark named,
the overall blocks of two languages set apart."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rich.console import Console

from furikaeri import progress as P
from furikaeri.lang import text as t
from furikaeri.metrics import Change
from furikaeri.progress import AfterAnswer, Point, Progress, ProgressBlock, Series
from furikaeri.report import history as H
from test_compare_notes import answer

LONG = {"answer_s": 50.0, "budget_s": 60.0, "over_s": -10.0}


def _said(fn, *args, **kw) -> str:
    out = Console(record=True, width=200, force_terminal=False, color_system=None)
    fn(out, *args, **kw)
    return out.export_text()


# --------------------------------------------------------------------------- K #2: the focus overshot


@pytest.mark.parametrize("metric, before, after, lang", [
    ("wpm", 162.5, 79.8, "en"),  # the QA's: "slow down", then 80 wpm
    ("wpm", 79.8, 209.7, "en"),  # "pick up the pace", then 210 wpm
    ("wpm", 115.0, 163.0, "en"),  # as far off the other side: still done as asked, and past
    ("morae_per_s", 9.0, 4.5, "ja"),  # a Japanese pace told to slow down, now below 5.3
])
def test_last_times_focus_followed_past_the_range_is_overshot(metric, before, after, lang):
    """QA-K #2: 162 wpm told "Slow down", then 80 wpm, read "▼ further from the range", when the
    note's check calls the same move overshot: done as asked, and out on the far side."""
    prev = replace(answer(1, {**LONG, metric: before}, lang=lang), focus=metric)
    now = answer(2, {**LONG, metric: after}, lang=lang)
    moved = P.focus_then([prev], now)
    assert moved is not None and moved.verdict == "overshot"
    said = _said(H.render_after, AfterAnswer(focus_then=moved), lang, language=lang)
    assert t(lang, "overshot") in said and t(lang, "further_band") not in said and "▼" not in said


@pytest.mark.parametrize("before, after, verdict", [
    (162.5, 175.0, "worse"),  # further out on the same side: not done as asked
    (210.0, 176.0, "better"),  # nearer the range, still fast
    (176.0, 127.0, "better"),  # into the range
])
def test_last_times_focus_not_past_the_range_keeps_its_verdict(before, after, verdict):
    prev = replace(answer(1, {**LONG, "wpm": before}), focus="wpm")
    moved = P.focus_then([prev], answer(2, {**LONG, "wpm": after}))
    assert moved is not None and moved.verdict == verdict


# --------------------------------------------------------------------------- K #4: the pace remark named


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("metric, usual, rel", [
    ("wpm", 165.0, -0.4),  # the QA's EN: a bare "40% slower than your usual pace (165 wpm)"
    ("morae_per_s", 4.1, 0.46),  # the QA's JA: a bare 「目安内です（…46%速い）」 under a length check
    ("wpm", 200.0, -0.15),  # toward the range, still fast
    ("wpm", 140.0, 0.3),  # from inside the range, out
])
def test_the_pace_remark_under_a_note_check_names_the_pace(lang, metric, usual, rel):
    """QA-K #4: printed right under a note's check of the length, the remark against the usual
    read as part of it: it names its figure first (Pace: / 話速は・話速が)."""
    from furikaeri.notes import FixCheck

    length = Change("answer_s", 96.0, 52.5, -43.5, "better")
    out = Console(record=True, width=200, force_terminal=False, color_system=None)
    H.render_fix(out, FixCheck(1, "under 50 s", True, (length,), "better"), lang, language=lang)
    H.render_after(out, AfterAnswer(pace_metric=metric, usual_pace=usual, pace_vs_usual=rel), lang,
                   told=["answer_s"], language=lang)
    remark = out.export_text().splitlines()[-1]
    pace = H._label("wpm", lang)  # the plain word: "pace", 話速
    assert remark.lower().startswith(pace.lower()), remark
    assert f"{abs(rel):.0%}" in remark


# --------------------------------------------------------------------------- M #11: languages set apart


def _block(language: str, qid: int | None = None) -> ProgressBlock:
    p = Point(1, "2026-12-05T03:20:00Z", 1.0)
    s = Series("hedges_per_100_words", (p,), None, p, p)
    return ProgressBlock("Q" if qid else "overall", qid, language, 1, p.at, p.at, (s,))


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("each_own", [False, True])
def test_progress_sets_each_languages_overview_apart(lang, each_own):
    """QA-M #11: "...longer answers" (the English overview's last line) ran straight into
    「全体（日本語）3回」: each language's overview starts after a blank line, as each question's does."""
    prog = Progress(overall=(_block("en"), _block("ja")), questions=(_block("en", 1),), usual_pace=None)
    lines = _said(H.render_progress, prog, lang, each_own=each_own).splitlines()
    second = next(i for i, line in enumerate(lines) if line.startswith(t("ja" if each_own else lang, "overall"))
                  and i > 0)
    assert lines[second - 1].strip() == ""
    assert lines[0].strip()  # nothing before the first
