"""Session 36, helper f8: a take the recording cut off is not judged on its length in `compare`
nor in the note's check (QA s36 V2 #1)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.notes import check_stand
from test_input_robust import SAMPLE, fake_analysis

QUESTION = "What is your greatest strength?"
LIMIT = "keep it under 20 seconds"


def invoke(args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


def _archive(home: Path, takes) -> None:
    """Answers to one question on a 60-s budget: (length, cut off by the recording, note) each."""
    from furikaeri.session import save_analysis

    a = fake_analysis(SAMPLE, question=QUESTION)
    for answer_s, cut, note in takes:
        save_analysis(dataclasses.replace(a, answer_s=answer_s, budget_s=60.0, cut_short=cut, over_budget=False),
                      audio_path=SAMPLE, session="cut", question=QUESTION, note=note, home=home, settings={})


def _said(r) -> str:
    return " ".join(r.output.split())


@pytest.mark.parametrize("lang, cut", [("en", "cut off: the recording stopped first"), ("ja", "途中で録音が停止")])
def test_compare_does_not_judge_the_length_of_a_cut_take(tmp_path, lang, cut):
    """V2 #1 a: 22.1 s, then a take stopped at 12.4 s by the time limit, read '▼ worse, now too
    short for the budget' and 'you did what your note asked'."""
    home = tmp_path / "h"
    _archive(home, [(22.1, False, LIMIT), (12.4, True, None)])
    r = invoke(["--home", home, "compare", 1, 2, "--lang", lang], terminal_width=160)
    assert r.exit_code == 0, r.output
    said = _said(r)
    assert cut in said
    for wrong in ("worse", "too short", "did what your note asked", "now short", "悪化", "短すぎ"):
        assert wrong not in said, said
    doc = json.loads(invoke(["--home", home, "compare", 1, 2, "--json"]).stdout)
    assert next(c for c in doc["changes"] if c["metric"] == "answer_s")["verdict"] == "n/a"
    assert doc["fix"]["verdict"] == "cut" and doc["fix"]["changes"][0]["verdict"] == "cut"


def test_a_full_take_after_a_cut_one_over_the_limit_is_not_kept_not_worse(tmp_path):
    """V2 #1 b: a cut 10.9 s, then 22.1 s on "keep it under 20 seconds" read '▲ better' in the
    length row and '▼ worse' in the note's check. Over the limit it is not kept; no better/worse."""
    home = tmp_path / "h"
    _archive(home, [(10.9, True, LIMIT), (22.1, False, None), (10.9, True, LIMIT), (15.0, False, None)])
    said = _said(invoke(["--home", home, "compare", 1, 2], terminal_width=160))
    assert "not kept" in said and "cut off: the recording stopped first" in said
    assert "▲" not in said and "▼" not in said and "got worse" not in said, said
    doc = json.loads(invoke(["--home", home, "compare", 1, 2, "--json"]).stdout)
    assert doc["fix"]["verdict"] == "not_kept"
    # under the limit after a cut take: nothing told either way
    doc = json.loads(invoke(["--home", home, "compare", 3, 4, "--json"]).stdout)
    assert doc["fix"]["verdict"] == "cut"


def test_a_stand_on_a_cut_take_is_untold_unless_already_past_the_limit():
    cut = {"answer_s": 12.4, "budget_s": 60.0, "over_budget": None, "over_s": None, "wpm": 140.0}
    assert check_stand(LIMIT, cut, "en").verdict == "untold_cut"  # the reason said (QA s50 NN #6)
    assert check_stand(LIMIT, dict(cut, answer_s=25.0), "en").verdict == "not_yet"
    assert check_stand(LIMIT, dict(cut, answer_s=19.0, over_budget=False, over_s=-41.0), "en").verdict == "done"  # not cut
