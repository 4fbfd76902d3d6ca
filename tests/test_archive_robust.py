"""The archive against what QA did to it: an export aimed at the database, tables dropped or
garbled by hand, another process holding the write lock, a read-only database file, a practice
answer that cannot be saved. Each is one clear line and exit code 2 (or, for a garbled row, a
warning and the rest shown), and nothing already saved is lost. Real SQLite files throughout."""

from __future__ import annotations

import errno
import json
import os
import shlex
import shutil
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri import session as SS
from furikaeri import store as S
from furikaeri.analysis import Analysis
from furikaeri.cli import cli
from furikaeri.errors import StoreError, TakeNotSaved
from furikaeri.questions import get_set
from furikaeri.store import Store

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def analysis(text="so I study physics", answer_s=40.0) -> Analysis:
    return Analysis(file="take.wav", language="en", duration_s=answer_s + 1, speech_detected=True, latency_s=0.5,
                    answer_s=answer_s, budget_s=60.0, over_budget=False, transcript=text)


def seed(home: Path, n: int = 3) -> list[int]:
    """``n`` answers in one session, each with its recording in the audio folder."""
    with Store.open(home) as st:
        sid = st.session_for("Monday", now=MONDAY)
        ids = []
        for i in range(n):
            take = home / "audio" / f"take{i}.wav"
            take.write_bytes(b"RIFF" + bytes(40))
            ids.append(st.add_answer(sid, analysis(f"answer number {i}", 30.0 + i).to_dict(), audio_path=take,
                                     now=MONDAY.replace(hour=9 + i)))
    return ids


def run(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env)


def one_error_line(r, code=2) -> str:
    assert r.exit_code == code, r.output
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("furikaeri:")]
    assert len(lines) == 1 and "unexpected" not in r.stderr and "Traceback" not in r.output, r.stderr
    return lines[0]


def tables(db: Path) -> list[str]:
    with sqlite3.connect(db) as c:
        return [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


# --------------------------------------------------------------------------- 2. export over the archive


@pytest.mark.parametrize("target", ["furikaeri.db", "furikaeri.db-wal", "furikaeri.db-shm", "furikaeri.db-journal",
                                    "audio/take0.wav", "audio/new.json", "takes/x.json", "audio/../furikaeri.db"])
def test_export_never_writes_over_the_archives_own_files(furikaeri_home, target):
    home = furikaeri_home
    seed(home)
    (home / "takes").mkdir()
    before = {p: p.read_bytes() for p in home.rglob("*") if p.is_file()}
    line = one_error_line(run("export", "--out", str(home / target)))
    assert "is part of the archive itself" in line and "choose another --out" in line
    assert {p: p.read_bytes() for p in home.rglob("*") if p.is_file()} == before
    assert run("history").exit_code == 0  # the archive is as it was


def test_export_follows_links_to_the_archive_and_still_writes_elsewhere(furikaeri_home, tmp_path):
    home = furikaeri_home
    seed(home)
    link = tmp_path / "archive.json"
    link.symlink_to(home / "furikaeri.db")
    hard = tmp_path / "hard.json"
    os.link(home / "furikaeri.db", hard)
    audio_link = tmp_path / "sounds"
    audio_link.symlink_to(home / "audio")
    data = (home / "furikaeri.db").read_bytes()
    for out, what in ((link, "its database"), (hard, "its database"), (audio_link / "x.json", "its audio folder")):
        assert f"is part of the archive itself ({what})" in one_error_line(run("export", "-o", str(out)))
    assert (home / "furikaeri.db").read_bytes() == data and link.is_symlink() and not (home / "audio" / "x.json").exists()
    ja = one_error_line(run("export", "-o", str(link), env={"LANG": "ja_JP.UTF-8"}))
    assert ja.startswith("furikaeri: エラー:") and "アーカイブ自体の一部" in ja
    r = run("export", "-o", str(tmp_path / "journal.md"), "-f", "md")  # anywhere else: written
    assert r.exit_code == 0 and (tmp_path / "journal.md").read_text(encoding="utf-8").strip()
    r = run("export", "-o", str(home / "export.json"))  # beside the database is no part of it
    assert r.exit_code == 0 and len(json.loads((home / "export.json").read_text())["answers"]) == 3


def test_archive_file_names_what_would_be_overwritten(tmp_path):
    home = tmp_path / "h"
    Store.open(home).close()
    assert S.archive_file(home, home / "furikaeri.db") == "database"
    assert S.archive_file(home, tmp_path / "h" / ".." / "h" / "furikaeri.db-wal") == "database"
    assert S.archive_file(home, home / "audio") == "audio" and S.archive_file(home, home / "takes" / "a") == "takes"
    # QA: export -o <home>/questions/myset.toml destroyed the person's own question set
    assert S.archive_file(home, home / "questions" / "x.toml") == "questions"
    for elsewhere in (home / "furikaeri.json", home / "furikaeri.db.damaged-1", tmp_path / "furikaeri.db"):
        assert S.archive_file(home, elsewhere) is None


# --------------------------------------------------------------------------- 4. tables not as expected


@pytest.mark.parametrize("sql, said", [
    ("PRAGMA foreign_keys=OFF; DROP TABLE answers", "no table answers"),
    ("ALTER TABLE answers DROP COLUMN focus", "no column focus in answers"),
    ("DROP TABLE notes; DROP TABLE companies", "no table companies; no table notes"),
    ("DROP TABLE _migrations", "no table _migrations beside the tables answers, companies, interviews, notes"),
])
def test_a_database_not_laid_out_as_expected_is_refused_in_one_line_and_set_aside(furikaeri_home, sql, said):
    home = furikaeri_home
    seed(home)
    db = home / "furikaeri.db"
    with sqlite3.connect(db) as c:
        c.executescript(sql)
    kept = tables(db)
    for command in (["history"], ["show", "1"], ["progress"], ["export"], ["note", "1", "--next", "x"]):
        line = one_error_line(run(*command))
        assert f"the practice database {db} is not laid out as this furikaeri expects ({said}" in line
        assert "a copy is at" in line and "restore it from a backup" in line
    copies = [p for p in home.glob("furikaeri.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(copies) == 1 and str(copies[0]) in line
    assert tables(copies[0]) == kept
    assert tables(db) == kept  # nothing made or changed: no empty _migrations table, no half migration
    ja = one_error_line(run("history", env={"LANG": "ja_JP.UTF-8"}))
    assert ja.startswith("furikaeri: エラー: 練習データベース") and "想定と違います" in ja


def test_a_migration_meeting_a_table_it_did_not_expect_changes_nothing(tmp_path):
    home = tmp_path / "h"
    Store.open(home, upto=1).close()
    with sqlite3.connect(home / "furikaeri.db") as c:
        c.execute("CREATE TABLE companies (id INTEGER PRIMARY KEY)")  # made by hand, not by m002
    with pytest.raises(StoreError, match=r"not laid out .*m002_\w+ cannot be applied: table companies already exists"):
        Store.open(home)
    with sqlite3.connect(home / "furikaeri.db") as c:
        assert [r[0] for r in c.execute("SELECT name FROM _migrations")] == ["m001_initial"]
        assert "interviews" not in tables(home / "furikaeri.db")  # m002 rolled back whole


def test_a_read_only_archive_not_laid_out_as_expected_is_said_the_same_way(tmp_path):
    home = tmp_path / "h"
    seed(home)
    with sqlite3.connect(home / "furikaeri.db") as c:
        c.execute("ALTER TABLE answers DROP COLUMN focus")
    with pytest.raises(StoreError, match="no column focus in answers") as e:
        Store.open(home, read_only=True)
    assert "\n" not in str(e.value) and "想定と違います" in e.value.ja


def test_a_new_archive_and_a_foreign_database(tmp_path):
    with Store.open(tmp_path / "new") as st:  # nothing there yet: made as usual
        assert st.schema_version() == [fn.__name__ for fn in S.MIGRATIONS]
    other = tmp_path / "other"
    other.mkdir()
    with sqlite3.connect(other / "furikaeri.db") as c:  # another program's database
        c.execute("CREATE TABLE contacts (name TEXT)")
    with pytest.raises(StoreError, match="it is no furikaeri archive: another program's database. Its tables are contacts"):
        Store.open(other)  # said plainly, not as a missing _migrations table (QA s42 A #9)
    assert tables(other / "furikaeri.db") == ["contacts"]  # furikaeri's tables were not added to it


# --------------------------------------------------------------------------- 4. values that cannot be read

GARBLE = "UPDATE answers SET analysis_json='[1,2]', answer_s='abc', created_at='garbage' WHERE id = 2"


def test_a_garbled_answer_is_shown_with_blanks_and_hides_no_other(furikaeri_home):
    home = furikaeri_home
    ids = seed(home)
    with sqlite3.connect(home / "furikaeri.db") as c:
        c.execute(GARBLE)
    r = run("history")
    assert r.exit_code == 0, r.output
    shown = [ln.split()[0] for ln in r.stdout.splitlines() if ln.split() and ln.split()[0].isdigit()]
    assert sorted(shown) == [str(i) for i in ids]
    warning = [ln for ln in r.stderr.splitlines() if "warning" in ln]
    assert warning == ["furikaeri: warning: answer 2: some of its stored values cannot be read "
                       "(date, figures); they are left blank"]
    for command in (["show", "2"], ["show", "3"], ["progress"], ["export", "-f", "csv"], ["export", "-f", "md"],
                    ["compare", "1", "2"], ["history", "--json"]):
        r = run(*command)
        assert r.exit_code == 0 and "unexpected" not in r.output, (command, r.output)
        assert r.stderr.count("answer 2:") <= 1
    doc = json.loads(run("history", "--json").stdout)
    answers = {a["id"]: a for s in doc for a in s["answers"]}
    assert set(answers) == set(ids)
    assert answers[2]["created_at"] == "" and answers[2]["metrics"]["answer_s"] is None
    assert answers[2]["transcript"] == "answer number 1" and answers[3]["metrics"]["answer_s"] == 32.0
    show = json.loads(run("show", "2", "--json").stdout)
    assert show["analysis"] is None and show["transcript"] == "answer number 1"
    ja = run("history", env={"LANG": "ja_JP.UTF-8"})
    assert "furikaeri: 警告: 回答 2:" in ja.stderr


def test_values_of_every_kind_that_cannot_be_read_are_blanks(tmp_path):
    home = tmp_path / "h"
    seed(home, 2)
    with sqlite3.connect(home / "furikaeri.db") as c:
        c.execute("UPDATE answers SET wpm = X'00ff', word_count = 1e999, over_budget = 'yes', settings_json = 'nope',"
                  " transcript = X'ff', language = X'00', question_id = 'q', analysis_json = '{\"schema\": \"x\"}' WHERE id = 1")
        c.execute("INSERT INTO notes (answer_id, wrong, why, next_time, created_at, updated_at)"
                  " VALUES (1, X'01', '', 'slow down', 'x', 'x')")
        c.execute("INSERT INTO interviews (held_on, items_json, created_at) VALUES ('2026-11-20', '[1, {\"question\": 2}]',"
                  " '2026-11-20T00:00:00+00:00')")
    with Store.open(home) as st:
        a = st.answer(1)
        assert a.metrics["wpm"] is None and a.metrics["word_count"] is None and a.metrics["over_budget"] is None
        # bytes where text belongs that are no UTF-8 at all are a blank (s44: never shown as U+FFFD); a
        # language furikaeri does not speak is a blank
        assert (a.settings, a.transcript, a.language, a.question_id, a.analysis) == ({}, "", None, None, None)
        assert a.note.next_time == "slow down" and a.note.wrong == "\x01"
        assert st.answer(2).metrics["answer_s"] == 31.0 and st.answer(2).transcript == "answer number 1"
        (iv,) = st.interviews()
        assert iv.items == ({"question": "2", "answer": ""},)
    r = run("--home", str(home), "history", "--interviews")
    assert r.exit_code == 0, r.output


def test_bytes_written_into_text_columns_of_every_table_are_read_as_text(tmp_path):
    """Known in session 28: a BLOB in a session's name (another program writing the database)
    stopped `history` with "unexpected TypeError"; sessions, questions, companies and interviews
    read bytes as answers do."""
    home = tmp_path / "h"
    seed(home, 2)
    assert run("--home", str(home), "reflect", "-c", "Acme", "-q", "Why us?", "--date", "2026-11-20").exit_code == 0
    with sqlite3.connect(home / "furikaeri.db") as c:
        c.execute("UPDATE sessions SET name = X'4d6f6eff'")
        c.execute("UPDATE answers SET language = 'xx', focus = X'6f7665725f73' WHERE id = 1")
        c.execute("UPDATE companies SET name = X'41636d65'")
        c.execute("UPDATE interviews SET stage = X'ff', items_json = CAST(items_json AS BLOB)")
    for command in (["history"], ["history", "--json"], ["history", "--interviews"], ["show", "1"], ["progress"],
                    ["export"], ["export", "-f", "csv"], ["compare", "1", "2"], ["compare", "--sessions", "1", "1"],
                    ["questions", "show", "Acme"]):
        r = run("--home", str(home), *command)
        assert "unexpected" not in r.output and "Traceback" not in r.output, (command, r.output)
        assert r.exit_code == (2 if command[0:2] == ["compare", "--sessions"] else 0), (command, r.output)
    doc = json.loads(run("--home", str(home), "history", "--json").stdout)
    assert doc[0]["name"] == "Mon\ufffd" and {a["language"] for a in doc[0]["answers"]} == {None, "en"}
    (iv,) = json.loads(run("--home", str(home), "history", "--interviews", "--json").stdout)
    assert iv["company"] == "Acme" and iv["items"][0]["question"] == "Why us?"


def test_an_old_database_with_a_garbled_row_still_migrates(tmp_path):
    home = tmp_path / "h"
    home.mkdir()
    shutil.copy2(Path(__file__).parent / "fixtures" / "v1.db", home / "furikaeri.db")
    with sqlite3.connect(home / "furikaeri.db") as c:
        first = c.execute("SELECT MIN(id) FROM answers").fetchone()[0]
        c.execute("UPDATE answers SET answer_s = 'abc' WHERE id = ?", (first,))
    with Store.open(home) as st:
        assert st.schema_version() == [fn.__name__ for fn in S.MIGRATIONS]
        assert len(st.answers()) == 4 and st.answer(first).metrics["answer_s"] is None


# --------------------------------------------------------------------------- 5. reading beside a writer


@pytest.fixture
def writer_holding_the_lock(furikaeri_home):
    """Another process's write transaction (``BEGIN IMMEDIATE``), held for the test."""
    seed(furikaeri_home)
    c = sqlite3.connect(furikaeri_home / "furikaeri.db", isolation_level=None)
    c.execute("BEGIN IMMEDIATE")
    c.execute("INSERT INTO sessions (name, kind, started_at) VALUES ('other', 'practice', '2026-11-24T00:00:00+00:00')")
    yield c
    c.execute("ROLLBACK")
    c.close()


def test_reading_commands_do_not_wait_for_another_writer(furikaeri_home, writer_holding_the_lock):
    for command in (["history"], ["show", "1"], ["progress"], ["export"], ["compare", "1", "2"]):
        started = time.monotonic()
        r = run(*command)
        assert r.exit_code == 0, (command, r.output)
        assert time.monotonic() - started < 10, command  # the busy timeout is 30 s
    with Store.open(furikaeri_home, busy_timeout_s=0.2) as st:
        assert len(st.answers()) == 3 and st.read_only is None
        with pytest.raises(StoreError) as e:
            st.set_note(1, next_time="breathe")
    assert str(e.value).endswith("stayed locked by another process (another furikaeri, or a program that opened it); try again when it has finished")
    assert "ロックされたまま" in e.value.ja


def test_opening_a_current_database_takes_no_write_lock(tmp_path):
    home = tmp_path / "h"
    Store.open(home).close()
    with Store.open(home) as st:
        assert S.migrate(st.db) == [] and not st.db.in_transaction
        st.db.execute("BEGIN")
        st.db.execute("SELECT COUNT(*) FROM sessions").fetchone()
        other = sqlite3.connect(home / "furikaeri.db", isolation_level=None, timeout=0.1)
        other.execute("BEGIN IMMEDIATE")  # the open left no write lock behind
        other.execute("ROLLBACK")
        other.close()
        st.db.execute("COMMIT")


def test_a_migration_that_waits_for_another_writer_in_vain_says_so(tmp_path):
    home = tmp_path / "h"
    Store.open(home, upto=3).close()
    c = sqlite3.connect(home / "furikaeri.db", isolation_level=None)
    c.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="stayed locked by another process") as e:
            Store.open(home, busy_timeout_s=0.2)
        assert "\n" not in str(e.value)
    finally:
        c.execute("ROLLBACK")
        c.close()
    with Store.open(home) as st:  # once it is free: migrated
        assert st.schema_version() == [fn.__name__ for fn in S.MIGRATIONS]


# --------------------------------------------------------------------------- 13. a read-only database file


def _pretend_unwritable(monkeypatch, *files: Path):
    """``os.access`` as a user who may not write ``files`` sees it (root may write anything:
    this tests what is said, whoever runs the tests)."""
    real = os.access
    banned = {Path(f).resolve() for f in files}

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and Path(path).resolve() in banned:
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(S.os, "access", access)


def test_a_read_only_database_file_is_named_not_the_folder(tmp_path, monkeypatch):
    home = tmp_path / "h"
    seed(home, 1)
    db = home / "furikaeri.db"
    _pretend_unwritable(monkeypatch, db)
    with Store.open(home) as st:
        assert len(st.answers()) == 1
        with pytest.raises(StoreError) as e:
            st.set_note(1, next_time="x")
    msg = str(e.value)
    assert msg.startswith(f"the archive's file {db} is read-only") and "make that file writable" in msg
    assert "archive folder" not in msg and "\n" not in msg
    assert f"アーカイブのファイル {db} が読み取り専用" in e.value.ja
    assert S._read_only_message(home).startswith(f"the archive's file {db} is read-only")
    monkeypatch.undo()
    assert S._read_only_message(home).startswith(f"the archive folder {home} is read-only")  # nothing read-only
    _pretend_unwritable(monkeypatch, home, db)
    assert S._read_only_message(home).startswith(f"the archive folder {home} is read-only")  # the folder says it


def test_a_journal_file_that_is_read_only_is_the_one_named(tmp_path, monkeypatch):
    home = tmp_path / "h"
    seed(home, 1)
    writer = Store.open(home)  # keeps the WAL files there
    try:
        wal = home / "furikaeri.db-wal"
        assert wal.is_file()
        _pretend_unwritable(monkeypatch, wal)
        assert S._unwritable_files(home) == [wal]
        assert f"the archive's file {wal} is read-only" in S._read_only_message(home)
    finally:
        writer.close()


@pytest.mark.skipif(IS_ROOT, reason="root writes into a file chmod made read-only; the message is "
                                    "tested with os.access pretending, above")
def test_chmod_444_database_via_cli(furikaeri_home):
    home = furikaeri_home
    seed(home, 1)
    db = home / "furikaeri.db"
    data = db.read_bytes()
    db.chmod(0o444)
    try:
        line = one_error_line(run("note", "1", "--next", "x"))
        assert f"the archive's file {db} is read-only" in line and "archive folder" not in line
        assert run("history").exit_code == 0
    finally:
        db.chmod(0o644)
    assert db.read_bytes() == data


# --------------------------------------------------------------------------- 10. a practice answer not saved


def _quiet_wav(path: Path) -> Path:
    import numpy as np
    import soundfile as sf

    sf.write(path, np.zeros(16000, np.float32), 16000)
    return path


def test_a_take_not_saved_says_where_it_is_and_how_to_save_it(tmp_path):
    """The database stays locked while a recorded take is saved: the take stays in the audio
    folder, no answer nor empty session is left, and the error says the path and the command."""
    home = tmp_path / "h"
    seed(home, 1)
    qset = get_set("en-basic")
    q = next(x for x in qset.questions if x.id == "strength")
    locker = sqlite3.connect(home / "furikaeri.db", isolation_level=None)
    takes = []

    def record(index, question, budget, now):
        take = SS.new_take_path(home, question, now=now)
        take.write_bytes(b"RIFF" + bytes(40))
        takes.append(take)
        return SS.AnswerAudio(take, recorded=True)

    def analyse(path, language, budget, text):
        locker.execute("BEGIN IMMEDIATE")  # another process starts writing while this one analyses
        return analysis()

    try:
        with Store.open(home, busy_timeout_s=0.2) as st:
            with pytest.raises(TakeNotSaved) as e:
                SS.run_session(st, qset, [q], record=record, analyse=analyse, now=MONDAY)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    (take,) = takes
    msg = str(e.value)
    assert take.is_file() and "\n" not in msg
    assert "stayed locked by another process" in msg
    assert f"the recording is kept at {take}: `furikaeri analyze {take} --save -q en-basic:strength`" in msg
    assert f"録音は {take} に残っています" in e.value.ja
    with Store.open(home) as st:
        assert len(st.answers()) == 1 and [s.name for s in st.sessions()] == ["Monday"]
    again = e.value.naming_home(tmp_path / "my archive")
    assert f"`furikaeri --home '{tmp_path / 'my archive'}' analyze {take} --save -q en-basic:strength`" in str(again)


def test_practice_says_the_files_path_and_command_with_its_home(tmp_path, monkeypatch):
    from furikaeri.cli import practice_cmd

    home = tmp_path / "my archive"
    take = _quiet_wav(tmp_path / "my take.wav")
    monkeypatch.setattr(practice_cmd, "_analyser", lambda model, **_: lambda path, language, budget, question: analysis())

    def locked(self, *args, **kwargs):
        raise S._locked(S.db_path(self.home))

    monkeypatch.setattr(Store, "add_answer", locked)
    args = ["--home", str(home), "practice", "--set", "en-basic", "--only", "strength", "--from-files", str(take),
            "--no-reflect"]
    line = one_error_line(run(*args))
    command = shlex.join(["furikaeri", "--home", str(home), "analyze", str(take), "--save", "-q", "en-basic:strength"])
    # (and the session the practice made for it: `--session 'en-basic 2026-12-05 01:06'`)
    assert "stayed locked by another process" in line and f"`{command} --session 'en-basic " in line
    assert take.is_file()
    ja = one_error_line(run(*args[:-1], "--no-reflect", "--lang", "ja"))
    assert ja.startswith("furikaeri: エラー:") and f"録音は {take} に残っています" in ja and f"`{command} " in ja
    monkeypatch.setenv("FURIKAERI_HOME", str(home))  # the usual archive: no --home in the command
    line = one_error_line(run(*args[2:]))
    assert f"`furikaeri analyze {shlex.quote(str(take))} --save -q en-basic:strength --session " in line
    with Store.open(home) as st:
        assert st.answers() == [] and st.sessions() == []  # no empty session left behind


def test_a_full_disk_while_the_file_is_copied_names_the_archive_and_the_file(tmp_path, monkeypatch):
    home = tmp_path / "h"
    Store.open(home).close()
    take = _quiet_wav(tmp_path / "take.wav")
    qset = get_set("en-basic")
    q = next(x for x in qset.questions if x.id == "strength")

    def copy_half(src, dst):
        Path(dst).write_bytes(b"RIFF")
        raise OSError(errno.ENOSPC, "No space left on device", str(src), None, str(dst))

    monkeypatch.setattr(shutil, "copy2", copy_half)
    with Store.open(home) as st:
        with pytest.raises(TakeNotSaved) as e:
            SS.run_session(st, qset, [q], record=SS.from_files([take]), analyse=lambda *a: analysis(), now=MONDAY)
    msg = str(e.value)
    assert msg.startswith(f"disk full while saving into the archive {home}") and f"kept at {take}" in msg
    assert list((home / "audio").iterdir()) == [] and take.is_file()
