"""Remarks after an answer say nothing the report's focus line just said (QA, session 29)."""

from __future__ import annotations

import pytest
from rich.console import Console

from furikaeri.lang import text
from furikaeri.progress import AfterAnswer
from furikaeri.report.history import render_after


def said(after: AfterAnswer, lang: str, **kw) -> str:
    out = Console(width=100, record=True)
    render_after(out, after, lang, **kw)
    return out.export_text()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_pace_against_the_usual_is_said_once(lang):
    """The focus line read "pace 210 wpm (your usual 133 wpm) → Slow down", then the remark
    "58% faster than your usual pace (133 wpm)" said it again."""
    after = AfterAnswer(pace_metric="wpm", usual_pace=133.0, pace_vs_usual=0.58)
    remark = "58%"
    assert remark in text(lang, "pace_faster", pct=0.58, usual="133 wpm")
    assert remark in said(after, lang)
    assert remark not in said(after, lang, usual_told="wpm")
    assert remark in said(after, lang, usual_told="fillers_per_min")  # another figure's usual was told
