"""Session 35 (lead): the live panel's Japanese lines on a narrow terminal; word verdicts in a
room too loud to trust the words."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("width", [30, 38, 44])
def test_the_live_panels_japanese_lines_break_between_phrases_not_inside_a_word(width):
    """QA s35 B #8: at 38 columns the wrap-up line broke 「…。要」/「点で締めくくりましょう。」."""
    from rich.cells import cell_len
    from rich.console import Console

    from furikaeri.cli.live import LivePanel

    console = Console(record=True, width=width, force_terminal=False)
    panel = LivePanel(console, question="学生時代に力を入れたことを教えてください", budget=60.0,
                      device_name="default", language="ja", hints=lambda: 2)
    panel.started, panel.elapsed, panel.level, panel.heard = 0.0, 52.0, -20.0, 52.0
    console.print(panel.render())
    lines = [ln.rstrip() for ln in console.export_text().splitlines()]
    assert all(cell_len(ln) <= width for ln in lines), lines
    joined = "".join(lines)
    assert "要点で締めくくりましょう" in joined
    assert not any(ln.endswith("要") for ln in lines), lines  # 要点 is one word
    assert not any(ln.startswith(("点", "。", "、")) for ln in lines), lines
