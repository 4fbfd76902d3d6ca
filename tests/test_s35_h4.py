"""QA s35 C #2 and #4: a damaged page of a real SQLite file (the notes table's, or one answer's
overflow page) no longer makes the reading commands refuse the whole archive: they show what
can still be read, with one warning saying how to export it and repair it, while the commands
that write still refuse it; the warning about an answer's unreadable values speaks the language
its view is labelled in."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.analysis import Analysis
from furikaeri.cli import cli
from furikaeri.errors import StoreError
from furikaeri.store import Store

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
LONG = 6000  # characters of transcript: that answer's row runs over onto overflow pages


def analysis(text: str, language: str = "en") -> Analysis:
    return Analysis(file="take.wav", language=language, duration_s=41.0, speech_detected=True, latency_s=0.5,
                    answer_s=40.0, budget_s=60.0, over_budget=False, transcript=text)


def seed(home: Path, n: int = 6, *, long: int | None = None, languages=("en",)) -> list[int]:
    """``n`` answers, each with a note; answer ``long`` (its place, 0-based) with a long transcript."""
    ids = []
    with Store.open(home) as st:
        sid = st.session_for("Monday", now=MONDAY)
        for i in range(n):
            text = ("x" * LONG) if i == long else f"answer number {i}"
            lang = languages[i % len(languages)]
            ids.append(st.add_answer(sid, analysis(text, lang).to_dict(), now=MONDAY.replace(hour=9 + i),
                                     note={"next_time": f"note {i}"}))
    return ids


def pages(db: Path, table: str, kind: str) -> list[int]:
    with sqlite3.connect(db) as c:
        return [r[0] for r in c.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ?", (table, kind))]


def damage(db: Path, page: int, at: int = 8, size: int = 300) -> None:
    """Overwrite ``size`` bytes of page ``page`` (1-based) of the closed database ``db``."""
    with sqlite3.connect(db) as c:
        page_size = c.execute("PRAGMA page_size").fetchone()[0]
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(db, "r+b") as f:
        f.seek(page_size * (page - 1) + at)
        f.write(b"\xa5" * size)
    with sqlite3.connect(db) as c:
        try:
            assert c.execute("PRAGMA quick_check").fetchone()[0] != "ok"
        except sqlite3.DatabaseError:  # damaged past checking
            pass


def run(home: Path, *args, env=None):
    return CliRunner().invoke(cli, ["--home", str(home), *args], env=env)


def warnings(r) -> list[str]:
    return [ln for ln in r.stderr.splitlines() if "warning" in ln or "警告" in ln]


@pytest.fixture
def notes_damaged(tmp_path):
    home = tmp_path / "h"
    ids = seed(home)
    db = home / "furikaeri.db"
    (notes_page,) = pages(db, "notes", "leaf")
    damage(db, notes_page)
    return home, ids


@pytest.fixture
def answer_damaged(tmp_path):
    home = tmp_path / "h"
    ids = seed(home, long=2)
    db = home / "furikaeri.db"
    overflow = pages(db, "answers", "overflow")
    assert overflow  # only answer 3 runs over
    damage(db, min(overflow), at=0, size=4096)
    return home, ids


def test_a_damaged_notes_page_leaves_every_answer_readable(notes_damaged):
    home, ids = notes_damaged
    for command in (["history"], ["show", "3"], ["progress"], ["export", "-f", "csv"], ["compare", "2", "3"]):
        r = run(home, *command)
        assert r.exit_code == 0 and "unexpected" not in r.output, (command, r.output)
        (line,) = warnings(r)  # once, though a command may open the archive more than once
        assert f"the practice database {home / 'furikaeri.db'} is damaged" in line, line
        assert "saving nothing into it" in line and "export -o furikaeri-export.json" in line
    doc = json.loads(run(home, "history", "--json").stdout)
    assert sorted(a["id"] for s in doc for a in s["answers"]) == ids
    assert {a["transcript"] for s in doc for a in s["answers"]} == {f"answer number {i}" for i in range(6)}


def test_a_damaged_overflow_page_loses_that_answer_s_values_only(answer_damaged):
    home, ids = answer_damaged
    r = run(home, "export", "-f", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    answers = {a["id"]: a for a in doc["answers"]}
    assert sorted(answers) == ids
    assert [answers[i]["transcript"] for i in (1, 2, 4, 5, 6)] == [f"answer number {i}" for i in (0, 1, 3, 4, 5)]
    assert answers[4]["note"]["next_time"] == "note 3" and answers[4]["metrics"]["answer_s"] == 40.0
    lines = warnings(r)
    assert len(lines) == 2 and "is damaged" in lines[0], lines
    assert lines[1].startswith("furikaeri: warning: answer 3: some of its stored values cannot be read"), lines


def test_the_commands_that_write_still_refuse_a_damaged_archive(notes_damaged):
    home, _ = notes_damaged
    db = home / "furikaeri.db"
    before = db.read_bytes()
    for command in (["note", "1", "--next", "y"], ["delete", "1", "--yes"]):
        r = run(home, *command)
        assert r.exit_code == 2, (command, r.output)
        assert f"the practice database {db} is damaged" in r.stderr and "history, show and export" in r.stderr
    with Store.open(home, salvage=True) as st:  # what a reading command opens refuses a write too
        assert st.damage is not None
        with pytest.raises(StoreError, match="is damaged"):
            st.delete_answer(1)
    assert db.read_bytes() == before


def test_the_readable_copy_the_warning_names_repairs_the_archive(notes_damaged):
    home, ids = notes_damaged
    r = run(home, "history")
    readable = next(home.glob("furikaeri.db.readable-*"))
    assert str(readable) in warnings(r)[0]
    for name in ("furikaeri.db", "furikaeri.db-wal", "furikaeri.db-shm"):  # as the warning says
        if (home / name).exists():
            shutil.move(home / name, home.parent / name)
    readable.rename(home / "furikaeri.db")
    r = run(home, "note", "1", "--next", "again")
    assert r.exit_code == 0 and not warnings(r), r.output
    doc = json.loads(run(home, "history", "--json").stdout)
    assert sorted(a["id"] for s in doc for a in s["answers"]) == ids


def test_a_file_whose_list_of_tables_is_damaged_shows_the_rows_on_its_pages(tmp_path):
    # refused whole before (QA s51 TT #2: every page of rows whole, nothing shown); a file with no
    # readable answer anywhere is still refused (tests/test_s51_leftovers.py)
    home = tmp_path / "h"
    ids = seed(home)
    db = home / "furikaeri.db"
    damage(db, 1, at=100, size=3000)  # the list of tables itself
    r = run(home, "history")
    assert r.exit_code == 0 and "is damaged" in r.stderr, r.output
    assert all(f"note: note {i}" in r.stdout for i in range(len(ids))), r.stdout


def test_a_damaged_file_that_cannot_be_copied_out_after_all_is_refused_without_promising_it(notes_damaged,
                                                                                           monkeypatch):
    from furikaeri import store as S

    def fails(source, path=None):
        raise sqlite3.DatabaseError("database disk image is malformed")

    home, _ = notes_damaged
    monkeypatch.setattr(S, "_salvaged", fails)
    monkeypatch.setattr(S, "_salvaged_by_pages", lambda path: None)  # no answer on its pages either
    r = run(home, "history")
    assert r.exit_code == 2 and "is damaged (" in r.stderr and "restore it from a backup" in r.stderr, r.output
    assert "history, show and export" not in r.stderr and not list(home.glob("furikaeri.db.readable-*"))


def test_the_damage_warning_in_japanese(notes_damaged):
    home, _ = notes_damaged
    r = run(home, "history", env={"LANG": "ja_JP.UTF-8"})
    assert r.exit_code == 0
    (line,) = warnings(r)
    assert line.startswith("furikaeri: 警告: 練習データベース") and "問題" in line and "読める分だけを表示" in line


def test_an_unreadable_value_is_warned_about_in_the_language_of_its_answer_s_view(tmp_path):
    """QA s35 C #4: `show 2` of a Japanese answer in an archive with English answers too is
    labelled in Japanese; its warning was English."""
    home = tmp_path / "h"
    seed(home, 2, languages=("en", "ja"))
    with sqlite3.connect(home / "furikaeri.db") as c:
        c.execute("UPDATE answers SET analysis_json = '{\"schema\": 7, \"words\": [' WHERE id IN (1, 2)")
    r = run(home, "show", "2", env={"LANG": "C.UTF-8"})
    assert r.exit_code == 0, r.output
    assert warnings(r) == ["furikaeri: 警告: 回答 2: 保存されている値の一部（レポート）を読めないため、空欄にしています"]
    r = run(home, "show", "1", env={"LANG": "C.UTF-8"})
    assert warnings(r) == ["furikaeri: warning: answer 1: some of its stored values cannot be read (report); "
                           "they are left blank"]
    r = run(home, "show", "2", "--lang", "en", env={"LANG": "C.UTF-8"})  # the language asked for
    assert warnings(r)[0].startswith("furikaeri: warning: answer 2:")
