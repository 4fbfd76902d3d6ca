"""Session 43: a damaged table's root page (PRAGMA quick_check itself fails) no longer hides the
whole archive from the reading commands (QA s43 C #1)."""
from __future__ import annotations

import json
import sqlite3

from test_s35_h4 import damage, run, seed

from furikaeri.store import Store


def _root(db, table: str) -> int:
    with sqlite3.connect(db) as c:
        return c.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]


def test_a_damaged_root_page_of_another_table_leaves_the_answers_readable(tmp_path):
    home = tmp_path / "h"
    ids = seed(home, 3)
    with Store.open(home) as st:
        for i in range(3):
            st.add_interview(company="Acme", held_on="2026-11-20", items=[{"question": f"Q{i}?", "answer": "a"}])
    db = home / "furikaeri.db"
    damage(db, _root(db, "interviews"), at=0, size=4096)
    with sqlite3.connect(db) as c:  # past what quick_check can list
        try:
            c.execute("PRAGMA quick_check").fetchall()
            checked = True
        except sqlite3.DatabaseError:
            checked = False
    assert not checked
    r = run(home, "history", "--json")
    assert r.exit_code == 0, r.output
    shown = [a["id"] for s in json.loads(r.stdout) for a in s["answers"]]
    assert sorted(shown) == sorted(ids)
    assert "damaged" in r.stderr
    assert list(home.glob("furikaeri.db.readable-*"))
    r = run(home, "note", str(ids[0]), "--next", "x")  # a command that writes still refuses it
    assert r.exit_code != 0 and "damaged" in r.output
