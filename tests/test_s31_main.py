"""Session 31's fixes made outside the helpers' files: the order of an answer's tips."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from conftest import shared_audio
from furikaeri.cli import cli


@pytest.mark.model
def test_json_gives_the_tips_in_the_order_the_report_shows_them(furikaeri_home):
    """The report puts the tip about its focus first; ``--json`` gave them in their ranked order,
    so a script reading ``tips[0]`` got another first thing to fix than the person. This real
    answer is fast (the focus) with mid-sentence pauses that rank above the pace."""
    clip = shared_audio("real-l2", "en_ALL_102_M_SHS_ENG_ST1.flac")
    r = CliRunner().invoke(cli, ["analyze", "--json", str(clip)])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    r = CliRunner().invoke(cli, ["analyze", str(clip)], env={"COLUMNS": "400"})
    assert r.exit_code == 0, r.output
    shown = [re.sub(r"[│\s]+$", "", ln.split("• ", 1)[1]) for ln in r.output.splitlines() if "• " in ln]
    assert "Focus: pace" in r.output and doc["tips"][0].startswith("Fast pace")
    assert shown == doc["tips"]
