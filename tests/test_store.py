"""The SQLite archive: migrations, transactions, concurrent writers, killed writers, damaged
files, the v1 -> current migration of a database made by the first schema version."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from furikaeri import store as S
from furikaeri.errors import StoreError
from furikaeri.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SRC = Path(__file__).resolve().parents[1] / "src"
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def analysis(*, lang="en", answer_s=95.0, budget_s=60.0, fpm=4.1, wpm=150.0, transcript="so um I study physics",
             long_pauses=1, very_long=0):
    rate = {"wpm": wpm, "articulation_wpm": wpm + 20} if lang == "en" else {"chars_per_min": wpm, "morae_per_s": 7.5}
    return {
        "schema": 1, "file": "x.wav", "language": lang, "duration_s": answer_s + 1, "speech_detected": True,
        "latency_s": 0.6, "answer_s": answer_s, "budget_s": budget_s, "over_budget": answer_s > budget_s,
        "transcript": transcript, "words": [], "fillers": [], "pauses": [], "rate": rate,
        "stats": {"filler_count": 3, "fillers_per_min": fpm, "long_pauses": long_pauses,
                  "very_long_pauses": very_long, "longest_pause_s": 2.0, "word_count": 40},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": None, "model": "base",
    }


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def test_home_dir_prefers_explicit_path(tmp_path):
    assert S.home_dir(tmp_path / "x") == tmp_path / "x"
    import platformdirs

    assert S.home_dir(None) == Path(platformdirs.user_data_dir("furikaeri"))


def test_open_creates_database_with_wal_foreign_keys_and_migrations(home):
    with Store.open(home) as st:
        assert st.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert st.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert st.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 10000
        assert st.schema_version() == [fn.__name__ for fn in S.MIGRATIONS]
    assert (home / "furikaeri.db").is_file()
    assert (home / "audio").is_dir()


def test_migrate_blank_in_memory_database_once():
    db = sqlite3.connect(":memory:", isolation_level=None)
    assert S.migrate(db) == ["m001_initial", "m002_reflections_companies_interviews",
                             "m003_repetitions_apart_from_fillers", "m004_coach_figures",
                             "m005_numbers_never_reused", "m006_a_question_per_wording",
                             "m007_long_pauses_a_minute", "m008_one_row_per_question_asked",
                             "m009_english_questions_in_other_words"]
    assert S.migrate(db) == []
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sessions", "questions", "answers", "notes", "companies", "interviews", "_migrations"} <= tables


def test_a_deleted_number_is_never_given_again(home):
    """QA (session 29): deleting the newest answer (or interview) handed its number, and its
    emptied session's, to the next one saved, so `compare 3 13` or a note naming #13 pointed at
    another answer."""
    def answer(st, sid, i):
        return st.add_answer(sid, {"transcript": f"answer {i}", "language": "en", "answer_s": 30.0}, now=MONDAY)

    with Store.open(home) as st:
        first = st.create_session("Monday", now=MONDAY)
        a1, a2 = answer(st, first, 1), answer(st, first, 2)
        lone = st.session_for("Tuesday", now=MONDAY)
        a3 = answer(st, lone, 3)
        iv = st.add_interview(company="Acme", held_on="2026-11-20", items=[{"question": "Why us?"}], now=MONDAY)
        st.delete_answer(a3)  # the newest answer, and its session with it
        st.delete_interview(iv)
        noted = st.set_note(a2, next_time="slow down", now=MONDAY).id
        st.delete_answer(a1)  # an older one: its number is below the newest, never given either
        st.delete_answer(a2)  # and its note with it
    with Store.open(home) as st:  # remembered across opens
        again = st.session_for("Wednesday", now=MONDAY)
        a4 = answer(st, again, 4)
        iv2 = st.add_interview(company="Acme", held_on="2026-11-21", items=[{"question": "Why us?"}], now=MONDAY)
        note2 = st.set_note(a4, next_time="breathe", now=MONDAY).id
    assert (again, a4, iv2, note2) == (lone + 1, a3 + 1, iv + 1, noted + 1)
    assert a4 not in (a1, a2, a3)


def test_answer_round_trip_with_metrics_and_note(home):
    with Store.open(home) as st:
        sid = st.create_session("Monday", now=MONDAY)
        qid = st.question_for("en-basic:intro", "Tell me about yourself.", language="en", budget_s=60, now=MONDAY)
        aid = st.add_answer(sid, analysis(), question_id=qid, note={"next_time": "結論から話す"}, now=MONDAY,
                            settings={"model": "base"})
        a = st.answer(aid)
    assert a.metrics["answer_s"] == 95.0 and a.metrics["over_s"] == 35.0 and a.metrics["over_budget"] == 1
    assert a.metrics["fillers_per_min"] == 4.1 and a.metrics["wpm"] == 150.0 and a.metrics["long_pauses"] == 1
    assert a.metrics["chars_per_min"] is None
    assert a.note.next_time == "結論から話す" and a.note.wrong == ""
    assert a.analysis["transcript"] == "so um I study physics"
    assert a.created_at == "2026-11-23T09:00:00+00:00"
    assert a.settings == {"model": "base"} and a.question == "Tell me about yourself."


def test_long_pauses_column_counts_every_pause_of_a_second_or_more(home):
    with Store.open(home) as st:
        sid = st.create_session("s")
        d = analysis(long_pauses=None)
        d["stats"].pop("long_pauses")
        d["pauses"] = [{"start": 1, "end": 2.5, "kind": "long", "place": "mid"},
                       {"start": 3, "end": 7, "kind": "very_long", "place": "sentence"},
                       {"start": 8, "end": 8.3, "kind": "short", "place": "mid"}]
        aid = st.add_answer(sid, d)
        assert st.answer(aid).metrics["long_pauses"] == 2


def test_answer_and_note_are_one_transaction(home, monkeypatch):
    with Store.open(home) as st:
        sid = st.create_session("s")

        def broken(*a, **k):
            raise sqlite3.OperationalError("disk I/O error")

        monkeypatch.setattr(S, "_write_note", broken)
        with pytest.raises(StoreError):
            st.add_answer(sid, analysis(), note={"next_time": "x"})
        assert st.answers() == []


def test_foreign_keys_are_enforced(home):
    with Store.open(home) as st:
        with pytest.raises(StoreError, match="refused"):  # no question 999 (no session 999: said by name)
            st.add_answer(st.create_session("s"), analysis(), question_id=999)


def test_note_edit_keeps_fields_not_given(home):
    with Store.open(home) as st:
        sid = st.create_session("s")
        aid = st.add_answer(sid, analysis(), now=MONDAY)
        st.set_note(aid, wrong="ran over", now=MONDAY)
        n = st.set_note(aid, next_time="lead with the point", now=MONDAY + timedelta(hours=1))
        assert (n.wrong, n.why, n.next_time) == ("ran over", "", "lead with the point")
        assert n.updated_at > n.created_at
        with pytest.raises(StoreError, match="no answer 42"):
            st.set_note(42, wrong="x")


def test_a_note_emptied_of_every_part_goes(home):
    """QA (session 29): `note N --wrong ""` on a note of that part alone left {"wrong": "", ...}
    where a never-noted answer has null."""
    with Store.open(home) as st:
        aid = st.add_answer(st.create_session("s"), analysis(), now=MONDAY)
        first = st.set_note(aid, wrong="ran over", now=MONDAY).id
        assert st.set_note(aid, wrong="", now=MONDAY) is None and st.note(aid) is None
        assert st.answer(aid).note is None
        assert st.set_note(aid, why="nerves", now=MONDAY).id == first + 1  # a new note, a new number


def test_previous_answer_and_session_lookup(home):
    with Store.open(home) as st:
        s1 = st.create_session("Monday", now=MONDAY)
        q = st.question_for("k", "Q?")
        a1 = st.add_answer(s1, analysis(), question_id=q, now=MONDAY)
        s2 = st.session_for("Thursday", now=MONDAY + timedelta(days=3))
        assert st.session_for("Thursday") == s2
        a2 = st.add_answer(s2, analysis(answer_s=50), question_id=q, now=MONDAY + timedelta(days=3))
        assert st.previous_answer(q).id == a2
        assert st.previous_answer(q, before_id=a2).id == a1
        assert st.previous_answer(q, before_id=a1) is None
        assert st.session("Monday").id == s1 and st.session(str(s2)).answer_count == 1
        assert [s.name for s in st.sessions()] == ["Thursday", "Monday"]
        assert st.find_questions("k")[0].id == q and st.find_questions("Q")[0].answer_count == 2


def test_companies_and_interviews(home):
    with Store.open(home) as st:
        st.upsert_company("さくら商事", asks="ガクチカ", atmosphere="穏やか")
        c = st.upsert_company("さくら商事", valued="結論から話せるか", atmosphere=None)
        assert (c.asks, c.atmosphere, c.valued) == ("ガクチカ", "穏やか", "結論から話せるか")
        iid = st.add_interview(company="さくら商事", held_on="2026-11-20", stage="一次面接",
                               items=[{"question": "志望動機は?", "answer": "御社の..."}, {"question": "", "answer": ""}],
                               reaction="深掘りが多い", to_fix="結論から")
        iv = st.interview(iid)
        assert iv.company == "さくら商事" and iv.items == ({"question": "志望動機は?", "answer": "御社の..."},)
        assert [i.id for i in st.interviews(company="さくら商事")] == [iid]
        with pytest.raises(StoreError):
            st.upsert_company("x", colour="red")
        # spaces and widths aside, one company: typed with a full-width space, a half-width one,
        # or full-width letters, it is the same one
        j = st.add_interview(company="ＡＢＣ商事　株式会社", held_on="2026-11-21", items=[{"question": "自己PR"}])
        assert st.company("abc商事 株式会社").name == "ABC商事 株式会社"
        assert [i.id for i in st.interviews(company="ＡＢＣ商事  株式会社")] == [j]
        assert st.upsert_company("abc商事 株式会社", asks="自己PR").id == st.company("ＡＢＣ商事　株式会社").id
        assert st.interviews(company="ない会社") == []


def test_a_database_from_a_newer_version_is_refused(home):
    with Store.open(home) as st:
        st.create_session("kept")
        st.db.execute("INSERT INTO _migrations VALUES ('m999_future', '2030-01-01T00:00:00+00:00')")
    with pytest.raises(StoreError, match="newer furikaeri"):
        Store.open(home)
    db = sqlite3.connect(str(home / "furikaeri.db"))
    assert db.execute("SELECT name FROM sessions").fetchall() == [("kept",)]


def test_unwritable_home_is_one_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the data directory"):
        Store.open(blocker / "home")


def test_a_read_only_archive_folder_is_named_as_such(home, monkeypatch):
    import errno

    with Store.open(home) as st:
        st.create_session("kept")
    real_mkdir = Path.mkdir

    def read_only(self, *args, **kwargs):  # mkdir on a read-only file system fails even when the folder exists
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", read_only)
    with Store.open(home) as st:  # what was saved can be read; saving says why it cannot
        assert [s.name for s in st.sessions()] == ["kept"]
        with pytest.raises(StoreError, match="is read-only") as e:
            st.session_for("new")
        assert "\n" not in str(e.value) and "copy it somewhere writable" in str(e.value)
    monkeypatch.setattr(Path, "mkdir", real_mkdir)
    with Store.open(home) as st:
        assert [s.name for s in st.sessions()] == ["kept"] and st.read_only is None


def test_an_emptied_database_beside_saved_recordings_is_refused_not_restarted(home, tmp_path):
    import numpy as np
    import soundfile as sf

    from furikaeri import session as S
    from furikaeri.analysis import Analysis

    take = tmp_path / "take.wav"
    sf.write(take, np.zeros(16000, np.float32), 16000)
    S.save_analysis(Analysis(file="a.wav", language="en", duration_s=2.0, speech_detected=True, latency_s=0.1,
                             answer_s=1.5, budget_s=60.0, over_budget=False, transcript="hello"),
                    audio_path=take, home=home)
    db = home / "furikaeri.db"
    for side in ("-wal", "-shm"):
        db.with_name(db.name + side).unlink(missing_ok=True)
    db.write_bytes(b"")
    with pytest.raises(StoreError, match=r"empty \(0 bytes\) beside 1 saved recording in"):
        Store.open(home)
    assert db.stat().st_size == 0  # nothing changed
    (home / "audio").joinpath(next((home / "audio").iterdir()).name).unlink()
    with Store.open(home) as st:  # no recordings: an empty file is a new archive, as SQLite makes it
        assert st.sessions() == []


# --------------------------------------------------------------------------- damage


def test_garbage_file_is_reported_with_a_backup_never_reset(home):
    home.mkdir()
    path = home / "furikaeri.db"
    garbage = b"this is not a database\x00\xff" * 400
    path.write_bytes(garbage)
    with pytest.raises(StoreError) as e:
        Store.open(home)
    msg = str(e.value)
    assert str(path) in msg and "damaged" in msg
    backups = list(home.glob("furikaeri.db.damaged-*"))
    assert len(backups) == 1 and str(backups[0]) in msg
    assert backups[0].read_bytes() == garbage
    assert path.read_bytes() == garbage  # untouched
    with pytest.raises(StoreError):  # again: same backup, no pile of copies
        Store.open(home)
    assert len(list(home.glob("furikaeri.db.damaged-*"))) == 1


def test_corrupted_pages_are_reported(home):
    with Store.open(home) as st:
        sid = st.create_session("s")
        for _ in range(60):
            st.add_answer(sid, analysis(transcript="word " * 400))
        st.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = home / "furikaeri.db"
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    for p in range(2, len(data) // page):  # leave the header page, smash every other page's start
        data[p * page: p * page + 64] = b"\xde\xad\xbe\xef" * 16
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged") as e:
        Store.open(home)
    assert "damaged-" in str(e.value)


# --------------------------------------------------------------------------- real processes

WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {src!r})
    from furikaeri.store import Store
    home, tag, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    while not __import__("os").path.exists(go):
        time.sleep(0.005)
    st = Store.open(home)
    sid = st.session_for("shared")
    for i in range(n):
        d = {{"language": "en", "answer_s": 10.0 + i, "budget_s": 60.0, "over_budget": False,
              "transcript": f"{{tag}} {{i}}", "rate": {{"wpm": 140}}, "stats": {{"fillers_per_min": 1.0}}}}
        st.add_answer(sid, d, note={{"next_time": f"{{tag}}-{{i}}"}})
        time.sleep(0.002)  # give the other writer a chance to take the lock in between
    print("done", flush=True)
    """
)


def test_two_processes_writing_at_once_lose_nothing(home, tmp_path):
    Store.open(home).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(src=str(SRC)))
    go = tmp_path / "go"
    n = 150
    procs = [subprocess.Popen([sys.executable, str(script), str(home), tag, str(n), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for tag in ("A", "B")]
    time.sleep(0.3)
    go.write_text("go")
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert "done" in out
    with Store.open(home) as st:
        answers = st.answers()
        assert len(answers) == 2 * n
        for tag in ("A", "B"):
            got = sorted(int(a.transcript.split()[1]) for a in answers if a.transcript.startswith(tag))
            assert got == list(range(n))
        assert all(a.note and a.note.next_time == a.transcript.replace(" ", "-") for a in answers)
        assert len({a.session_id for a in answers}) == 1  # session_for is atomic too
        tags = [a.transcript[0] for a in answers]
        assert sum(x != y for x, y in zip(tags, tags[1:])) >= 2, "the writers did not overlap"
        assert st.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_processes_creating_the_database_at_once(home, tmp_path):
    """Four processes open a database that does not exist yet at the same moment: each
    migration runs once, and every write lands."""
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(src=str(SRC)))
    go = tmp_path / "go"
    tags = ("A", "B", "C", "D")
    procs = [subprocess.Popen([sys.executable, str(script), str(home), tag, "20", str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for tag in tags]
    time.sleep(0.5)
    go.write_text("go")
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Store.open(home) as st:
        assert len(st.answers()) == 80
        names = [r[0] for r in st.db.execute("SELECT name FROM _migrations")]
        assert names == [fn.__name__ for fn in S.MIGRATIONS]
        assert st.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_killed_writer_leaves_a_consistent_database(home, tmp_path):
    Store.open(home).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(src=str(SRC)))
    go = tmp_path / "go"
    go.write_text("go")
    p = subprocess.Popen([sys.executable, str(script), str(home), "K", "100000", str(go)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            time.sleep(0.2)
            with Store.open(home) as st:
                if len(st.answers()) >= 50:
                    break
        os.kill(p.pid, signal.SIGKILL)
        p.wait(timeout=10)
    finally:
        if p.poll() is None:
            p.kill()
    with Store.open(home) as st:
        assert st.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        answers = st.answers()
        assert len(answers) >= 50
        # every answer has its note: the two were one transaction
        assert all(a.note and a.note.next_time == a.transcript.replace(" ", "-") for a in answers)
        assert st.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == len(answers)
        sid = st.session_for("shared")
        st.add_answer(sid, analysis())  # and it still takes writes


# --------------------------------------------------------------------------- old schema


def test_v1_database_migrates_with_nothing_lost(home):
    """``fixtures/v1.db`` was made by the first schema version (``make_v1_db.py``)."""
    home.mkdir()
    shutil.copyfile(FIXTURES / "v1.db", home / "furikaeri.db")
    old = sqlite3.connect(str(home / "furikaeri.db"))
    old_answers = old.execute("SELECT * FROM answers ORDER BY id").fetchall()
    old_notes = dict(old.execute("SELECT answer_id, text FROM notes").fetchall())
    old_sessions = old.execute("SELECT id, name, started_at FROM sessions ORDER BY id").fetchall()
    assert [r[0] for r in old.execute("SELECT name FROM _migrations")] == ["m001_initial"]
    old.close()
    assert len(old_answers) == 4 and len(old_notes) == 2

    with Store.open(home) as st:
        assert st.schema_version() == [fn.__name__ for fn in S.MIGRATIONS]
        assert [(s.id, s.name, s.started_at) for s in sorted(st.sessions(), key=lambda s: s.id)] == old_sessions
        answers = st.answers(full=True)
        assert [a.id for a in answers] == [r[0] for r in old_answers]
        for a in answers:
            assert a.analysis["language"] == a.language
            assert a.metrics["fillers_per_min"] == a.analysis["stats"]["fillers_per_min"]
            if a.id in old_notes:
                assert a.note.next_time == old_notes[a.id] and a.note.wrong == "" and a.note.why == ""
                assert a.note.updated_at == a.note.created_at
            else:
                assert a.note is None
        intro = st.find_questions("en-basic:intro")[0]
        assert intro.answer_count == 2
        assert st.previous_answer(intro.id).note is None
        assert st.previous_answer(intro.id, before_id=answers[-1].id).note.next_time == "lead with the point"
        # the new tables work on the migrated database
        st.upsert_company("Acme", asks="why us")
        st.set_note(1, why="nerves")
        assert st.note(1).next_time == "lead with the point" and st.note(1).why == "nerves"
        assert st.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_answers_stored_with_repetitions_among_fillers_are_read_with_them_apart(home):
    """Analysis schema 1 listed repeated words among the fillers and counted them in the filler
    figures; m003 recomputes the stored figures and the stored analysis reads as schema 2."""
    home.mkdir()
    db = sqlite3.connect(str(home / "furikaeri.db"))
    S.migrate(db, upto=2)
    old = {**analysis(), "schema": 1, "answer_s": 60.0,
           "fillers": [{"text": "um", "start": 1.0, "end": 1.3, "kind": "hesitation", "how_found": "transcript"},
                       {"text": "I", "start": 5.0, "end": 5.1, "kind": "repetition", "how_found": "transcript"},
                       {"text": "the", "start": 9.0, "end": 9.1, "kind": "repetition", "how_found": "transcript"}],
           "stats": {"filler_count": 3, "fillers_per_min": 3.0, "fillers_transcript": 3, "word_count": 120}}
    db.execute("INSERT INTO sessions (id, name, started_at) VALUES (1, 'old', '2026-11-01T09:00:00+00:00')")
    db.execute("INSERT INTO answers (session_id, created_at, analysis_json, answer_s, fillers_per_min, filler_count)"
               " VALUES (1, '2026-11-01T09:01:00+00:00', ?, 60.0, 3.0, 3)", (json.dumps(old),))
    db.commit()
    db.close()
    with Store.open(home) as st:
        (a,) = st.answers(full=True)
        assert a.metrics["filler_count"] == 1 and a.metrics["fillers_per_min"] == 1.0
        assert a.metrics["repetitions"] == 2 and a.metrics["repetitions_per_min"] == 2.0
        assert a.analysis["schema"] == 12
        assert [f["text"] for f in a.analysis["fillers"]] == ["um"]
        assert [r["text"] for r in a.analysis["repetitions"]] == ["I", "the"]
        assert a.analysis["stats"]["filler_count"] == 1 and a.analysis["stats"]["repetitions"] == 2


def test_coach_figures_get_columns_filled_from_the_stored_analysis(home):
    """m004: answers analysed with the coach layer (schema 3) get their voice, hedge, opening and
    pace figures as columns; older ones keep None rather than a made-up value."""
    home.mkdir()
    db = sqlite3.connect(str(home / "furikaeri.db"))
    S.migrate(db, upto=3)
    coached = {**analysis(), "schema": 3, "speech_detected": True,
               "voice": {"median_f0_hz": 180.0, "pitch_spread_st": 2.4, "loudness_range_db": 11.5,
                         "windows": [], "monotone_share": 0.25},
               "stats": {"filler_count": 2, "hedges": 3, "hedges_per_min": 2.0, "hedges_per_100_words": 2.5},
               "opening": {"seconds": 14.0, "budget_share": 0.23, "late": True, "order": "story_first", "text": "x"},
               "pace": {"windows": [], "stretches": [{"start": 10.0, "end": 18.5, "level": "fast"},
                                                     {"start": 40.0, "end": 45.0, "level": "slow"}]}}
    older = {**analysis(), "schema": 2}
    db.execute("INSERT INTO sessions (id, name, started_at) VALUES (1, 'old', '2026-11-01T09:00:00+00:00')")
    for i, d in enumerate((coached, older), 1):
        db.execute("INSERT INTO answers (id, session_id, created_at, analysis_json) VALUES (?, 1, ?, ?)",
                   (i, f"2026-11-01T09:0{i}:00+00:00", json.dumps(d)))
    db.commit()
    db.close()
    with Store.open(home) as st:
        new, old = st.answer(1).metrics, st.answer(2).metrics
        assert (new["pitch_spread_st"], new["loudness_range_db"], new["monotone_share"]) == (2.4, 11.5, 0.25)
        assert (new["hedges"], new["hedges_per_100_words"]) == (3, 2.5)
        assert (new["opening_s"], new["opening_share"], new["off_pace_s"]) == (14.0, 0.23, 13.5)
        assert all(old[c] is None for c in S.COACH_COLUMNS)
        assert st.answer(1).focus is None
        sid = st.create_session("new")
        aid = st.add_answer(sid, coached, focus="opening_share")
        assert st.answer(aid).focus == "opening_share" and st.answer(aid).metrics["off_pace_s"] == 13.5


def test_a_question_asked_again_under_another_key_is_the_same_question(tmp_path):
    """A company file that asks the built-in 「学生時代に力を入れたことを教えてください。」 joins its
    history (one block in progress, a "previous attempt" to compare with); another wording or
    language does not."""
    with Store.open(tmp_path) as st:
        builtin = st.question_for("ja-basic:gakuchika", "学生時代に力を入れたことを教えてください。", language="ja",
                                  budget_s=60)
        assert st.question_for("sakura:gakuchika", "学生時代に力を入れたことを教えてください", language="ja",
                               budget_s=90) == builtin
        assert st.question(builtin).budget_s == 60  # the first key's question is not rewritten
        assert st.question_for("sakura:why", "志望動機を教えてください。", language="ja") != builtin
        assert st.question_for("en:x", "学生時代に力を入れたことを教えてください。", language="en") != builtin


# --------------------------------------------------------------------------- failed saves, lost and read-only archives


def _fill_database(st: Store) -> None:
    """Let the database grow no more: the next answer meets SQLite's own "database or disk is
    full", as on a full disk."""
    pages = st.db.execute("PRAGMA page_count").fetchone()[0]
    st.db.execute(f"PRAGMA max_page_count = {pages}")


def test_a_save_that_meets_a_full_database_leaves_no_empty_session(home):
    with Store.open(home) as st:
        monday = st.session_for("Monday", now=MONDAY)
        kept = st.add_answer(monday, analysis(), now=MONDAY)
    with pytest.raises(StoreError) as e:
        with Store.open(home) as st:
            tuesday = st.session_for("Tuesday", now=MONDAY + timedelta(days=1))
            _fill_database(st)
            st.add_answer(tuesday, analysis(transcript="word " * 40000))
    msg = str(e.value)
    assert msg.startswith(f"disk full while saving into the archive {home}:") and "\n" not in msg
    with Store.open(home) as st:  # the failed save's session went; the earlier one is whole
        assert [(s.name, s.answer_count) for s in st.sessions()] == [("Monday", 1)]
        assert st.answer(kept).transcript == "so um I study physics"
        _fill_database(st)  # a session that already holds answers stays when a save into it fails
        with pytest.raises(StoreError, match="disk full"):
            st.add_answer(st.session_for("Monday"), analysis(transcript="word " * 40000))
    with Store.open(home) as st:
        assert [(s.name, s.answer_count) for s in st.sessions()] == [("Monday", 1)]


def test_a_session_that_got_an_answer_from_another_process_is_never_removed(home):
    """Process A creates a session and its save fails; meanwhile process B saved an answer into
    that session: it stays, with B's answer."""
    with Store.open(home) as a, Store.open(home) as b:
        sid = a.session_for("shared")
        b.add_answer(b.session_for("shared"), analysis())
        with pytest.raises(StoreError, match="refused"):
            a.add_answer(sid, analysis(), question_id=999)  # no such question: the insert fails
    with Store.open(home) as st:
        assert [(s.name, s.answer_count) for s in st.sessions()] == [("shared", 1)]


@pytest.mark.parametrize("code, said", [("ENOSPC", "disk full"), ("EFBIG", "a file grew past the size this system allows"),
                                        ("EDQUOT", "disk quota used up")])
def test_a_full_disk_while_the_audio_is_copied_names_the_archive_and_keeps_nothing(home, tmp_path, monkeypatch,
                                                                                  code, said):
    """The disk fills half way through copying the answer's audio into the archive (the real
    shutil copy, its system call failing with ENOSPC): the error names the archive, not the
    person's own recording; no half copy and no empty session stay; earlier answers are whole.
    A size limit (``ulimit -f``: EFBIG, "File too large (answer.flac)" named the source) and a
    used-up quota are the same case."""
    import errno

    from furikaeri import session as SS

    if not getattr(shutil, "_USE_CP_SENDFILE", False):
        pytest.skip("this platform's shutil does not copy with os.sendfile")
    source = tmp_path / "in" / "part8.flac"
    source.parent.mkdir()
    source.write_bytes(os.urandom(300_000))
    first = SS.save_analysis(analysis(), audio_path=source, home=home, session="Monday", now=MONDAY)
    real_sendfile = os.sendfile
    calls = []

    def sendfile_then_full(out_fd, in_fd, offset, count):
        calls.append(offset)
        if len(calls) == 1:
            return real_sendfile(out_fd, in_fd, offset, 4096)  # a first part lands in the copy
        raise OSError(getattr(errno, code), os.strerror(getattr(errno, code)))

    monkeypatch.setattr(os, "sendfile", sendfile_then_full)
    with pytest.raises(StoreError) as e:
        SS.save_analysis(analysis(), audio_path=source, home=home, session="Tuesday",
                         now=MONDAY + timedelta(days=1))
    monkeypatch.undo()
    msg = str(e.value)
    assert len(calls) == 2 and isinstance(e.value, OSError)  # still an OSError for who catches that
    assert msg.startswith(f"{said} while saving into the archive {home}:") and "\n" not in msg
    assert "part8" not in msg and "was not saved" in msg
    with Store.open(home) as st:
        assert [(s.name, s.answer_count) for s in st.sessions()] == [("Monday", 1)]
        kept = Path(st.answer(first).audio_path)
    assert sorted((home / "audio").iterdir()) == [kept]  # no half copy beside the saved one
    assert kept.read_bytes() == source.read_bytes()


def test_a_damaged_database_is_said_in_one_line(home):
    """``PRAGMA quick_check`` puts many problems in one row, one a line: the message counts
    them and names the first, on one line, with the advice."""
    import struct

    with Store.open(home) as st:
        sid = st.create_session("s")
        for _ in range(30):
            st.add_answer(sid, analysis(transcript="word " * 400))
        st.db.execute("DELETE FROM answers")  # their pages go to the free list
        st.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = home / "furikaeri.db"
    data = bytearray(path.read_bytes())
    page_size = struct.unpack(">H", data[16:18])[0]
    trunk = struct.unpack(">I", data[32:36])[0]
    assert trunk and struct.unpack(">I", data[36:40])[0] > 10  # a free list with many pages
    data[(trunk - 1) * page_size + 4:(trunk - 1) * page_size + 8] = struct.pack(">I", 2)  # it loses most
    path.write_bytes(bytes(data))
    rows = [r[0] for r in sqlite3.connect(str(path)).execute("PRAGMA quick_check")]
    assert any("\n" in r for r in rows)  # what SQLite says spans lines
    with pytest.raises(StoreError) as e:
        Store.open(home)
    msg = str(e.value)
    assert "\n" not in msg and "damaged (" in msg and " problems, first: " in msg
    assert "restore it from a backup" in msg and list(home.glob("furikaeri.db.damaged-*"))


def test_a_missing_database_beside_saved_recordings_is_refused_not_restarted(home, tmp_path):
    from furikaeri import session as SS

    take = tmp_path / "take.wav"
    take.write_bytes(b"RIFF" + os.urandom(1000))
    SS.save_analysis(analysis(), audio_path=take, home=home, now=MONDAY)
    for f in home.glob("furikaeri.db*"):  # rm furikaeri.db*
        f.unlink()
    with pytest.raises(StoreError) as e:
        Store.open(home)
    msg = str(e.value)
    assert "holds 1 saved recording in" in msg and "no practice database" in msg and "\n" not in msg
    assert "restore the database from a backup" in msg and "move the audio folder away" in msg
    assert not (home / "furikaeri.db").exists()  # no new, empty archive was started
    (home / "audio").rename(tmp_path / "old-audio")
    with Store.open(home) as st:  # moved away: a new archive, as asked
        assert st.sessions() == []
    with Store.open(tmp_path / "fresh") as st:  # a new home: no database, no recordings
        assert st.sessions() == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into a folder chmod made read-only, so nothing is read-only for it")
def test_a_read_only_archive_folder_can_still_be_read(home):
    with Store.open(home) as st:
        st.add_answer(st.session_for("Monday"), analysis())
    before = {f.name: f.read_bytes() for f in home.iterdir() if f.is_file()}
    home.chmod(0o555)
    try:
        with Store.open(home) as st:
            assert [(s.name, s.answer_count) for s in st.sessions()] == [("Monday", 1)]
            assert st.answers()[0].transcript == "so um I study physics"
            with pytest.raises(StoreError, match=f"the archive folder {home} is read-only") as e:
                st.add_answer(st.sessions()[0].id, analysis())
            assert "\n" not in str(e.value)
    finally:
        home.chmod(0o755)
    assert {f.name: f.read_bytes() for f in home.iterdir() if f.is_file()} == before


def test_an_archive_whose_journal_files_cannot_be_made_is_opened_for_reading(home):
    """Works as root too: the WAL index ``furikaeri.db-shm`` cannot be made (it is a link into
    a folder that does not exist), as in a read-only folder, so SQLite can neither open the
    database for writing nor read it with ``mode=ro``; it is read as an unchanging file
    (``immutable=1``), and writes say why they cannot be done."""
    with Store.open(home) as st:
        st.add_answer(st.session_for("Monday"), analysis())
    (home / "furikaeri.db-shm").symlink_to(home / "nowhere" / "shm")
    data = (home / "furikaeri.db").read_bytes()
    with Store.open(home) as st:
        assert st.read_only and [(s.name, s.answer_count) for s in st.sessions()] == [("Monday", 1)]
        with pytest.raises(StoreError, match="can only be read here") as e:
            st.session_for("Tuesday")
        assert "\n" not in str(e.value)
    assert (home / "furikaeri.db").read_bytes() == data
    (home / "furikaeri.db-shm").unlink()
    with Store.open(home, read_only=True) as st:  # asked for: the same read-only archive
        assert len(st.answers()) == 1
        with pytest.raises(StoreError, match="is read-only"):
            st.set_note(st.answers()[0].id, wrong="x")
    with Store.open(home) as st:  # writable again
        st.add_answer(st.session_for("Monday"), analysis())
        assert len(st.answers()) == 2


def test_a_read_only_archive_with_changes_left_in_its_journal_is_refused_not_shown_old(home, tmp_path):
    """A process stopped with the last answers still in ``furikaeri.db-wal``: read as an
    unchanging file, the archive would look older than it is; say so instead."""
    with Store.open(home) as st:
        st.add_answer(st.session_for("Monday"), analysis())
    writer = Store.open(home)
    writer.add_answer(writer.session_for("Monday"), analysis())  # stays in the WAL while open
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("furikaeri.db", "furikaeri.db-wal"):  # as a crash leaves them, minus the index
        shutil.copy2(home / name, copy / name)
    writer.close()
    (copy / "furikaeri.db-shm").symlink_to(copy / "nowhere" / "shm")  # cannot be made, as in a read-only folder
    wal = (copy / "furikaeri.db-wal").read_bytes()
    with pytest.raises(StoreError, match="holds changes not yet written") as e:
        Store.open(copy)
    assert "\n" not in str(e.value) and "copy the archive somewhere writable" in str(e.value)
    assert (copy / "furikaeri.db-wal").read_bytes() == wal
    (copy / "furikaeri.db-shm").unlink()
    with Store.open(copy) as st:  # writable: SQLite replays the WAL, nothing was lost
        assert len(st.answers()) == 2


def test_an_old_database_that_can_only_be_read_is_upgraded_in_memory(home):
    # QA s46 Y #5: an old archive on a read-only backup was refused: "must be upgraded ... before
    # it can be read"; now it is read as upgraded, the file left as it was, every write refused
    home.mkdir()
    shutil.copy2(FIXTURES / "v1.db", home / "furikaeri.db")
    before = (home / "furikaeri.db").read_bytes()
    with Store.open(home, read_only=True) as st:
        assert st.schema_version() == [fn.__name__ for fn in S.MIGRATIONS]
        assert st.answers(full=True)
        with pytest.raises(StoreError):
            st.check_writable()
    assert (home / "furikaeri.db").read_bytes() == before
    with Store.open(home) as st:  # writable: migrated as usual
        assert st.schema_version() == [fn.__name__ for fn in S.MIGRATIONS]
