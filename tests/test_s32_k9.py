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


# ------------------------------------------------------------------------------ 3. a filler's counts that mislead
def test_a_named_filler_s_counts_that_the_verdict_disagrees_with_show_each_a_minute():
    """QA s32 #3: 「えー」 1 → 4 in answers of 26 s and 96 s is within the jitter a minute, and
    read 「1回 → 4回 = 変化なし」 with nothing to say why."""
    from furikaeri.notes import word_change
    from furikaeri.report.history import _word_line

    c = word_change("えー", ["えー"], ["えー"] * 4, 26.3, 96.0)
    assert c.verdict == "same"
    for lang, rate in (("ja", "回/分"), ("en", "/min")):
        line = _word_line(c, lang, (), "").plain
        assert line.count(rate) == 2, line
    # answers of one length: the counts tell the rates' story, and stand alone
    alike = word_change("えー", ["えー"], ["えー"] * 2, 60.0, 60.0)
    assert alike.verdict == "same" and "回/分" not in _word_line(alike, "ja", (), "").plain
    more = word_change("えー", ["えー"], ["えー"] * 4, 60.0, 60.0)
    assert more.verdict == "worse" and "回/分" not in _word_line(more, "ja", (), "").plain
