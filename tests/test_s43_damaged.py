"""Session 43: a damaged table's root page (PRAGMA quick_check itself fails) no longer hides the
whole archive from the reading commands (QA s43 C #1)."""
from __future__ import annotations

import json
import sqlite3

import pytest

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


# --------------------------------------------------------------------------- a room with other voices


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_room_with_other_voices_leaves_fillers_pauses_and_voice_unjudged(language):
    # QA s43 F #1: six voices 15 dB under a Japanese answer (21 dB of contrast): "フィラー 1.9回/分
    # ちょうどよい", a freeze tip, and progress took the take for the personal best of three figures
    from types import SimpleNamespace

    from furikaeri.analysis import _in_the_room
    from furikaeri.lang import text
    from furikaeri.measure import Verdict

    verdicts = {"fillers": Verdict("good", "≤ 2/min"), "pauses": Verdict("high", "x"),
                "voice": Verdict("good", "≥ 1.5 st"), "rate": Verdict("good", "120-160")}
    smap = SimpleNamespace(duration=40.0, intervals=[SimpleNamespace(duration=20.0)], other_voices=True,
                           noise=(), contrast_db=21.0)
    out, too_loud, noisy = _in_the_room(verdicts, smap, SimpleNamespace(speech_detected=True), language, 0.0)
    assert noisy and not too_loud
    for name in ("fillers", "pauses", "voice"):
        assert out[name].level == "n/a", (name, out[name])
    assert out["fillers"].norm == text(language, "norm_fillers_noisy")
    assert out["rate"].level == "good"
    quiet = SimpleNamespace(**{**vars(smap), "contrast_db": 40.0, "other_voices": False})
    out, _, noisy = _in_the_room(verdicts, quiet, SimpleNamespace(speech_detected=True), language, 0.0)
    assert not noisy and out["fillers"].level == "good"


def test_compare_says_a_filler_rate_blank_for_doubt_as_doubt():
    # a filler count blank for sounds in doubt (its pauses judged) keeps that reason (QA s43 F #5's other side)
    from rich.console import Console
    from test_s38_noise_room import _doc

    from furikaeri.compare import compare_answers
    from furikaeri.report import history as H
    from furikaeri.store import Answer, metrics_from_analysis, unjudged_figures

    doubt = {**_doc(pauses="high", fillers="n/a"), "language": "en"}
    clean = {**_doc(pauses="high", fillers="good"), "language": "en"}

    def answer(id_, doc, when):
        return Answer(id_, 1, "", 1, "Q", None, when, None, "", "en", "base", {}, metrics_from_analysis(doc),
                      unjudged=unjudged_figures(doc))

    out = Console(width=200, record=True)
    H.render_compare_answers(out, compare_answers(answer(1, doubt, "2026-12-01 10:00"),
                                                  answer(2, clean, "2026-12-02 10:00")), "en")
    assert "– not judged in #1: more filler-like sounds were left in doubt" in out.export_text()


@pytest.mark.parametrize("table", ["sessions", "_migrations"])
def test_a_damaged_root_of_the_sessions_or_the_migrations_hides_no_answer(tmp_path, table):
    # QA s43 F #2: the sessions' root page damaged: "nothing saved yet" over 10 readable answers, and
    # the repaired copy gave session 1's number to a new session; F #3: the migrations' root page
    # damaged: every reading command refused the archive
    home = tmp_path / "h"
    ids = seed(home, 4)
    db = home / "furikaeri.db"
    damage(db, _root(db, table), at=0, size=4096)
    r = run(home, "history", "--json")
    assert r.exit_code == 0, r.output
    shown = [a["id"] for s in json.loads(r.stdout) for a in s["answers"]]
    assert sorted(shown) == sorted(ids)
    assert run(home, "show", str(ids[1])).exit_code == 0
    (readable,) = home.glob("furikaeri.db.readable-*")
    fixed = tmp_path / "fixed"
    fixed.mkdir()
    readable.replace(fixed / "furikaeri.db")  # the repair the warning tells
    with Store.open(fixed) as st:
        new = st.create_session("after the repair")
        assert new not in {a.session_id for a in st.answers()}  # a lost session's number is never given again
        assert sorted(a.id for a in st.answers()) == sorted(ids)
