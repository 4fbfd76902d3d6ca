"""Session 32, k9: note on a missing home, compare's verdicts piped, the note check's per-minute
figures, whole per-minute paces, compare's length steps, the budget option, a company's asks
joining the set's question, the CSV's time over the budget.

What must hold: `note` on a home folder that does not exist makes nothing (#1); ...
"""

from __future__ import annotations

import pytest


# ------------------------------------------------------------------------------ 1. note on a missing home
@pytest.mark.parametrize("args", [["note", "1"], ["note", "1", "--next", "結論から"], ["note", "1", "--json"]])
def test_note_on_a_home_that_does_not_exist_makes_nothing(tmp_path, monkeypatch, args):
    """QA s32 #1: `--home nohome note 1` said there is no answer 1 and left furikaeri.db and
    audio/ behind: a note only edits a saved answer, so nothing needs making."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "nohome"
    result = CliRunner().invoke(cli, ["--home", str(home), *args], input="")
    assert result.exit_code == 2, result.output
    assert "there is no answer 1" in result.stderr
    assert not home.exists()
    monkeypatch.setenv("FURIKAERI_HOME", str(home))  # the variable names it as --home does
    assert CliRunner().invoke(cli, args, input="").exit_code == 2 and not home.exists()
