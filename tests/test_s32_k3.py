"""Session 32, helper k3: QA report c (qa-c), defects of practice, note, the archive and exit codes.

1: ``note`` on an archive it cannot write refuses before its prompts where that is known
(read-only), and otherwise names the ``furikaeri note`` command that saves what was typed.
2, 3: ``practice`` ended by Ctrl-C prints its summary in text mode too and names the answer it
stopped before it was saved; a take with no speech says its ``--note`` was not kept.
5: an internal error exits with 70, not mic-check's 1; ``--help`` lists the exit codes.
6: a damaged database's copy has no empty WAL or ``-shm`` beside it.
"""

from __future__ import annotations

import re
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




def _read_only(monkeypatch, home):
    """The archive opened as a read-only one is (a read-only mount, chattr +i: root's chmod binds not)."""
    monkeypatch.setattr(P, "open_store", lambda **_: Store.open(home, read_only=True))


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


# --------------------------------------------------------------------------- 2, 3: practice


def _takes(tmp_path, n: int) -> list[str]:
    """take1.wav, take2.wav, ...: the sample's samples, each take with bytes of its own."""
    from conftest import own_take
    from test_input_robust import SAMPLE

    names = []
    for i in range(n):
        p = own_take(SAMPLE, tmp_path / "takes").rename(tmp_path / f"take{i + 1}.wav")
        names.append(str(p))
    return names


def _analysing(monkeypatch, *, interrupt_at: str | None = None, silent: str | None = None):
    """The model replaced: ``interrupt_at`` (a file name) meets Ctrl-C while it is analysed,
    ``silent`` holds no speech."""
    import dataclasses
    import threading

    from furikaeri import analysis
    from test_input_robust import fake_analysis

    def analyse(path, **kw):
        if interrupt_at and str(path).endswith(interrupt_at):
            raise KeyboardInterrupt
        a = fake_analysis(path, **kw)
        if silent and str(path).endswith(silent):
            return dataclasses.replace(a, speech_detected=False, words=(), transcript="", answer_s=0.0)
        return a

    monkeypatch.setattr(analysis, "analyze_file", analyse)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # no native thread: sys.exit, not os._exit


def test_ctrl_c_while_an_answer_is_analysed_prints_the_summary_and_names_the_dropped_answer(
        home, tmp_path, monkeypatch):
    """QA c #2: text mode printed no summary, and the answer being analysed (and its --note) went
    unsaid; --json printed the session."""
    files = _takes(tmp_path, 3)
    _analysing(monkeypatch, interrupt_at="take2.wav")
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "3", "--from-files",
                                 *files, "--no-reflect", "--note", "n1", "--note", "it's n2", "--note", "n3"])
    assert r.exit_code == 130
    assert "Session stopped after question 1 of 3;" in r.stdout
    assert "1 answer saved in session" in r.stdout
    line = next(ln for ln in r.stderr.splitlines() if "question 2" in ln)
    assert files[1] in line
    command = _command_in(line)
    assert command[:5] == ["furikaeri", "--home", str(home), "analyze", files[1]]
    assert "--save" in command and command[command.index("--note") + 1] == "it's n2"
    with Store.open(home) as st:  # into the session its question was asked in
        assert command[command.index("--session") + 1] == st.sessions()[0].name
    assert r.stderr.rstrip().endswith("furikaeri: interrupted")


def test_ctrl_c_with_json_still_prints_the_session_and_names_the_dropped_answer(home, tmp_path, monkeypatch):
    import json

    files = _takes(tmp_path, 2)
    _analysing(monkeypatch, interrupt_at="take2.wav")
    r = CliRunner().invoke(cli, ["practice", "--set", "en-basic", "-n", "2", "--from-files", *files, "--json"])
    assert r.exit_code == 130
    assert json.loads(r.stdout)["ended_after"] == 1
    assert any(files[1] in ln and "analyze" in ln for ln in r.stderr.splitlines())


def test_ctrl_c_after_the_last_save_names_no_answer(home, tmp_path, monkeypatch):
    """Nothing was dropped when Ctrl-C comes between saves (here: while question 2 is asked)."""
    from furikaeri.report import history as H

    files = _takes(tmp_path, 2)
    _analysing(monkeypatch)
    shown = H.render_question

    def asking(out, **kw):
        if kw.get("index") == 2:
            raise KeyboardInterrupt
        return shown(out, **kw)

    monkeypatch.setattr(H, "render_question", asking)
    r = CliRunner().invoke(cli, ["practice", "--set", "en-basic", "-n", "2", "--from-files", *files])
    assert r.exit_code == 130
    assert "1 answer saved in session" in r.stdout
    assert "not saved" not in r.stderr and "analyze" not in r.stderr


@pytest.mark.parametrize("lang, said", [("en", "its --note is not kept with it: “fewer ums”"),
                                        ("ja", "この回答に付けた --note も保存していません: 「fewer ums」")])
def test_a_take_with_no_speech_says_its_note_was_not_kept(home, tmp_path, monkeypatch, lang, said):
    """QA c #3: the --note of a silent take went with it unsaid. The session goes on (exit 0:
    a question skipped is no error, and the JSON says `skipped`)."""
    files = _takes(tmp_path, 3)
    _analysing(monkeypatch, silent="take2.wav")
    r = CliRunner().invoke(cli, ["practice", "--set", "en-basic", "-n", "3", "--from-files", *files,
                                 "--no-reflect", "--lang", lang, "--note", "n1", "--note", "fewer ums", "--note", "n3"])
    assert r.exit_code == 0, r.output
    assert said in r.output
    assert r.output.count(said) == 1  # only the note of the take not saved
    with Store.open(home) as st:
        assert sorted(n.next_time for a in st.answers() if (n := st.note(a.id))) == ["n1", "n3"]


# --------------------------------------------------------------------------- 6: a damaged copy alone


def _seeded(home):
    from furikaeri.store import Store

    with Store.open(home) as st:
        st.create_session("Monday", kind="practice")


def test_a_damaged_database_is_copied_aside_without_empty_side_files(home):
    """QA c #6: the copy had a -shm and an empty -wal beside it (made by opening the damaged
    file), as if it were a database in use."""
    _seeded(home)
    db = home / "furikaeri.db"
    whole = db.read_bytes()
    db.write_bytes(whole[: len(whole) // 2 + 100])  # cut mid-page
    r = run("history")
    assert r.exit_code == 2 and "is damaged" in r.output
    copies = sorted(p.name for p in home.glob("furikaeri.db.damaged-*"))
    assert len(copies) == 1, copies
    assert copies[0] in r.output


def test_a_damaged_database_keeps_its_journal_of_unwritten_changes_in_the_copy(home, tmp_path):
    """A WAL that holds changes not yet written into the file is part of what was saved: it goes
    with the copy (as the copy's own -wal, so SQLite reads it with it)."""
    _seeded(home)
    db = home / "furikaeri.db"
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO sessions (name, kind, started_at) VALUES ('Tuesday', 'practice', '2026-12-01')")
    kept = tmp_path / "kept"
    kept.mkdir()
    for f in ("furikaeri.db", "furikaeri.db-wal"):  # the files as a crash left them
        (kept / f).write_bytes((home / f).read_bytes())
    writer.close()
    assert (kept / "furikaeri.db-wal").stat().st_size > 0
    for f in ("furikaeri.db", "furikaeri.db-wal"):
        (home / f).write_bytes((kept / f).read_bytes())
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page overwritten
    db.write_bytes(bytes(data))
    r = run("history")
    assert r.exit_code == 2 and "is damaged" in r.output
    walcopy = [p for p in home.glob("furikaeri.db.damaged-*-wal")]
    assert len(walcopy) == 1 and walcopy[0].read_bytes() == (kept / "furikaeri.db-wal").read_bytes()
    assert not list(home.glob("furikaeri.db.damaged-*-shm"))


# --------------------------------------------------------------------------- 5: exit codes


def test_an_internal_error_has_its_own_exit_code_apart_from_mic_checks_1(home, monkeypatch):
    """QA c #5: a bug exited with 1, the code mic-check and devices give for what they found."""
    monkeypatch.delenv("FURIKAERI_DEBUG", raising=False)
    _seeded(home)

    def broken(self, **kw):
        raise ValueError("a bug")

    monkeypatch.setattr(Store, "sessions", broken)
    r = run("history")
    assert r.exit_code == 70
    assert r.stderr.strip() == "furikaeri: error: unexpected ValueError: a bug (set FURIKAERI_DEBUG=1 for details)"


@pytest.mark.parametrize("lang, heading", [("C.UTF-8", "Exit codes:"), ("ja_JP.UTF-8", "終了コード:")])
def test_the_programs_help_lists_the_exit_codes_in_its_language(lang, heading):
    r = CliRunner(env={"LANG": lang, "LC_ALL": None, "LC_MESSAGES": None}).invoke(cli, ["--help"])
    assert r.exit_code == 0
    codes = r.output.split(heading, 1)[1]
    assert re.findall(r"^  (\d+) ", codes, flags=re.M) == ["0", "1", "2", "70", "130", "143"]
    sub = CliRunner(env={"LANG": lang}).invoke(cli, ["history", "--help"]).output
    assert heading not in sub  # once, for the program
