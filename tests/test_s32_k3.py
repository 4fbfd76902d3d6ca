"""Session 32, helper k3: QA report c (qa-c), defects of practice, note, the archive and exit codes.

1: ``note`` on an archive it cannot write refuses before its prompts where that is known
(read-only), and otherwise names the ``furikaeri note`` command that saves what was typed.
"""

from __future__ import annotations

import shlex
import sqlite3

import pytest
from click.testing import CliRunner

import furikaeri.cli.practice_cmd as P
import furikaeri.store
from furikaeri.cli import cli
from furikaeri.store import Store
from test_practice import seed_week


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def home(furikaeri_home):
    return furikaeri_home


@pytest.fixture
def take(tmp_path):
    p = tmp_path / "take.wav"
    p.write_bytes(b"RIFF....WAVEfmt ")
    return p


def _read_only(monkeypatch, home):
    """The archive opened as a read-only one is (a read-only mount, chattr +i: root's chmod binds not)."""
    monkeypatch.setattr(P, "open_store", lambda: Store.open(home, read_only=True))


def _command_in(err: str) -> list[str]:
    """The command quoted in an error line, split as the shell would."""
    return shlex.split(err.split("`")[1])


def test_note_on_a_read_only_archive_refuses_before_it_asks(home, take, monkeypatch):
    """QA c #1: the three parts were asked, then thrown away by the read-only error."""
    ids = seed_week(home, take)
    _read_only(monkeypatch, home)
    r = CliRunner().invoke(cli, ["note", str(ids[0])], input="typed wrong\ntyped why\ntyped next\n")
    assert r.exit_code == 2
    assert "read-only" in r.output
    assert "what went wrong" not in r.output  # its prompts were never shown
    with Store.open(home) as st:
        assert st.note(ids[0]).wrong != "typed wrong"


def test_note_given_as_options_on_a_read_only_archive_names_the_command(home, take, monkeypatch):
    ids = seed_week(home, take)
    _read_only(monkeypatch, home)
    r = CliRunner().invoke(cli, ["note", str(ids[0]), "--wrong", "ran 'over'", "--next", "結論から"])
    assert r.exit_code == 2
    assert "read-only" in r.output and "the note is not saved" in r.output
    assert _command_in(r.output) == ["furikaeri", "note", str(ids[0]), "--wrong", "ran 'over'", "--next", "結論から"]


def test_a_note_typed_while_another_process_holds_the_lock_names_the_command(home, take, monkeypatch):
    """QA c #1: locked, the note typed at the prompts was lost after the wait."""
    ids = seed_week(home, take)
    monkeypatch.setattr(furikaeri.store, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(home / "furikaeri.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        r = CliRunner().invoke(cli, ["--home", str(home), "note", str(ids[0])],
                               input="typed wrong\ntyped why\ntyped next\n")
    finally:
        other.close()
    assert r.exit_code == 2
    line = r.output.strip().splitlines()[-1]
    assert "stayed locked" in line and "the note is not saved" in line
    assert _command_in(line) == ["furikaeri", "--home", str(home), "note", str(ids[0]), "--wrong", "typed wrong",
                                 "--why", "typed why", "--next", "typed next"]
    with Store.open(home) as st:  # and the command saves it once the lock is gone
        assert st.note(ids[0]).wrong != "typed wrong"
    assert run(*_command_in(line)[1:]).exit_code == 0
    with Store.open(home) as st:
        n = st.note(ids[0])
    assert (n.wrong, n.why, n.next_time) == ("typed wrong", "typed why", "typed next")
