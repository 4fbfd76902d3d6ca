"""SQLite archive of practice: sessions, questions, answers, reflection notes, companies, real
interviews.

One file, ``<home>/furikaeri.db``, with the audio of each answer beside it in ``<home>/audio/``.
``home`` comes in as an argument (:func:`home_dir`): only the CLI reads ``FURIKAERI_HOME``.

Reliability, and how it is obtained:

* **Schema versions.** ``MIGRATIONS`` is a list of ``m001_...`` functions; :func:`migrate` runs
  each one whose name is not yet in ``_migrations``, each in its own transaction together with
  its ``_migrations`` row. A released migration is never edited: add a new one.
* **Concurrent writers.** WAL mode, ``busy_timeout`` (30 s by default) and ``BEGIN IMMEDIATE``
  for every write: a second process waits for the lock instead of failing, and no write is
  lost; a wait of more than :data:`BUSY_NOTICE_S` is said on stderr as it begins, and one that
  waits in vain says the database stayed locked. Reads do not block writes in
  WAL mode, and opening a database whose schema is current only reads: ``history`` and the
  other reading commands open at once while another process writes.
* **Killed processes.** Every write that belongs together (an answer, its note) happens in one
  transaction; SQLite's journal rolls back a half-finished one at the next open.
* **Damaged files.** Opening runs ``PRAGMA quick_check``; a file that is not a database or
  fails the check is copied aside (``furikaeri.db.damaged-<time>``) and a :class:`StoreError`
  names the copy. The database is never reset silently, nor started anew beside the saved
  recordings of an archive whose database is gone (missing or emptied). A command that only
  reads may ask for what can still be read of a file that fails the check (``salvage``): every
  row and value SQLite still reads is copied into a sound database in memory, and that is read
  (:attr:`Store.damage` says so; each write is refused, as on opening for writing): one damaged
  page never hides the answers on the others, and the person can export them.
* **Unexpected tables.** A database whose tables or columns are not the ones its applied
  migrations made (a table dropped by hand, ``_migrations`` gone) is copied aside as a damaged
  one is, and refused in one line saying what is missing; a migration never half-runs on it.
* **Unreadable values.** A stored value that cannot be read (text where a figure belongs, an
  analysis that is no JSON object, a time that is no time) is left blank, as an answer that
  never had it, with one warning on stderr naming the answer: one garbled row never hides the
  others, nor stops a command. Bytes where text belongs (a BLOB, or text that is not UTF-8)
  are read as text, with U+FFFD for what is not UTF-8.
* **Failed saves.** A session created for an answer that then failed to save (a full disk)
  goes again, unless it holds an answer; a full disk is said as such, naming the archive.
* **Read-only archives.** A folder or database file that cannot be written (read-only mount,
  permissions, a full disk) is opened for reading: history shows, and each write raises a
  one-line error naming what is read-only (the folder, or the file in a writable folder).
* **The archive's own files.** :func:`archive_file` tells an export not to write over them.

Records returned to callers are frozen dataclasses; this module never imports click or rich,
and knows an analysis only as the dict of ``Analysis.to_dict()``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import functools
import math
import hashlib
import json
import os
import re
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from furikaeri.errors import AnswerGone, StoreError, os_reason, sqlite_reason, warn

DB_NAME = "furikaeri.db"
AUDIO_DIR = "audio"
QUESTIONS_DIR = "questions"
#: ``record``'s takes (``furikaeri.cli.capture_cmd.takes_dir``); one goes once saved.
TAKES_DIR = "takes"
BUSY_TIMEOUT_S = 30.0


# --------------------------------------------------------------------------- paths


def home_dir(explicit: str | Path | None = None) -> Path:
    """The data directory: ``explicit`` (from ``--home`` or ``FURIKAERI_HOME``, read by the CLI)
    or else ``platformdirs.user_data_dir("furikaeri")``. Not created here."""
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("furikaeri"))


def db_path(home: Path) -> Path:
    return Path(home) / DB_NAME


def audio_dir(home: Path) -> Path:
    return Path(home) / AUDIO_DIR


def has_archive(home: Path) -> bool:
    """Whether ``home`` holds a database to open (a file that is not empty, or something in its
    place that opening names). A command that only reads reads no archive as an empty one and
    makes nothing (no folder, database or ``audio/``); recordings left without their database
    are refused here as opening refuses them, never read as an empty archive."""
    path = db_path(home)
    if path.exists() and not (path.is_file() and path.stat().st_size == 0):
        return True
    if audio_dir(home).exists() and not audio_dir(home).is_dir():
        return True  # opening names the file in the recordings' place, as a first save would meet it
    _refuse_lost_database(home, path)
    return False


def user_questions_dir(home: Path) -> Path:
    """Where the user's own question sets and company files (TOML) live."""
    return Path(home) / QUESTIONS_DIR


def archive_file(home: str | Path, path: str | Path) -> str | None:
    """What of the archive in ``home`` writing ``path`` would overwrite: ``"database"`` (the
    database or one of its journal files), ``"audio"``, ``"takes"`` or ``"questions"`` (a file
    in those folders, or the folder itself); None for a path outside them. Paths are compared
    resolved (a symlink pointing at the database is the database), and an existing file also
    by identity (a hard link, another spelling of the same file)."""
    home, path = Path(home), Path(path)
    db = db_path(home)
    own = {db.name + s: "database" for s in ("", "-wal", "-shm", "-journal")}
    try:
        target = path.resolve()
        here = home.resolve()
        if target.parent == here and target.name in own:
            return own[target.name]
        for folder in (AUDIO_DIR, TAKES_DIR, QUESTIONS_DIR):
            if target.is_relative_to((here / folder).resolve()):
                return folder
        if path.exists():
            for name, what in own.items():
                side = db.with_name(name)
                if side.exists() and os.path.samefile(path, side):
                    return what
    except (OSError, RuntimeError):  # a symlink loop, a file that cannot be looked at: not ours
        return None
    return None


# --------------------------------------------------------------------------- time


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def to_stamp(when: datetime | None) -> str:
    """ISO 8601 in UTC to the second (``2026-11-23T09:30:00+00:00``); sorts as text."""
    when = when or utc_now()
    if when.tzinfo is None:
        when = when.astimezone()  # a naive time is local time
    return when.astimezone(timezone.utc).isoformat(timespec="seconds")


def local_minute(stamp: str) -> str:
    """A stored (UTC) time as this computer's local date and minute, ``2026-12-05 02:30``; a
    stamp that is no time as it is. Its first ten characters are the local date."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


# --------------------------------------------------------------------------- migrations

MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = []
migration = MIGRATIONS.append


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    """Sessions, questions, answers with their key metrics, one free-text note per answer."""
    db.execute(
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'practice',
            set_name TEXT,
            language TEXT,
            started_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            language TEXT,
            budget_s REAL,
            set_name TEXT,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id INTEGER REFERENCES questions(id),
            created_at TEXT NOT NULL,
            audio_path TEXT,
            transcript TEXT NOT NULL DEFAULT '',
            analysis_json TEXT NOT NULL,
            language TEXT,
            model TEXT,
            settings_json TEXT NOT NULL DEFAULT '{}',
            answer_s REAL,
            budget_s REAL,
            over_budget INTEGER,
            over_s REAL,
            wpm REAL,
            articulation_wpm REAL,
            chars_per_min REAL,
            morae_per_s REAL,
            fillers_per_min REAL,
            filler_count INTEGER,
            long_pauses INTEGER,
            longest_pause_s REAL,
            latency_s REAL,
            word_count INTEGER
        )"""
    )
    db.execute("CREATE INDEX answers_question ON answers(question_id, created_at)")
    db.execute("CREATE INDEX answers_session ON answers(session_id, created_at)")
    db.execute(
        """CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            answer_id INTEGER NOT NULL UNIQUE REFERENCES answers(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )


@migration
def m002_reflections_companies_interviews(db: sqlite3.Connection) -> None:
    """Notes become a structured reflection (what went wrong / why / next time), and can belong
    to a logged real interview; companies with research notes; real interviews.

    An old one-field note is what the person meant to fix, so it moves to ``next_time``.
    """
    db.execute(
        """CREATE TABLE companies (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            asks TEXT NOT NULL DEFAULT '',
            atmosphere TEXT NOT NULL DEFAULT '',
            interviewers TEXT NOT NULL DEFAULT '',
            valued TEXT NOT NULL DEFAULT '',
            to_ask TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            company_id INTEGER REFERENCES companies(id),
            held_on TEXT NOT NULL,
            stage TEXT NOT NULL DEFAULT '',
            items_json TEXT NOT NULL DEFAULT '[]',
            reaction TEXT NOT NULL DEFAULT '',
            went_well TEXT NOT NULL DEFAULT '',
            to_fix TEXT NOT NULL DEFAULT '',
            audio_path TEXT,
            answer_id INTEGER REFERENCES answers(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("ALTER TABLE sessions ADD COLUMN company_id INTEGER REFERENCES companies(id)")
    db.execute(
        """CREATE TABLE notes_new (
            id INTEGER PRIMARY KEY,
            answer_id INTEGER UNIQUE REFERENCES answers(id) ON DELETE CASCADE,
            wrong TEXT NOT NULL DEFAULT '',
            why TEXT NOT NULL DEFAULT '',
            next_time TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """INSERT INTO notes_new (id, answer_id, wrong, why, next_time, created_at, updated_at)
           SELECT id, answer_id, '', '', text, created_at, created_at FROM notes"""
    )
    db.execute("DROP TABLE notes")
    db.execute("ALTER TABLE notes_new RENAME TO notes")


@migration
def m003_repetitions_apart_from_fillers(db: sqlite3.Connection) -> None:
    """Repeated words become their own figure (``repetitions``, ``repetitions_per_min``) and
    leave ``filler_count`` and ``fillers_per_min``.

    Answers stored before (analysis schema 1) listed repetitions among the fillers (kind
    ``repetition``): their figures are recomputed from the stored analysis, which itself is
    kept as it was and read as the current schema (:func:`furikaeri.analysis.upgrade`).
    """
    db.execute("ALTER TABLE answers ADD COLUMN repetitions INTEGER")
    db.execute("ALTER TABLE answers ADD COLUMN repetitions_per_min REAL")
    rows = db.execute("SELECT id, analysis_json, answer_s FROM answers").fetchall()
    for answer_id, text, answer_s in rows:
        try:
            d = json.loads(text)
        except (TypeError, json.JSONDecodeError):
            continue
        if not isinstance(d, dict) or not isinstance(d.get("schema", 1), int) or d.get("schema", 1) >= 2:
            continue
        fillers = [f for f in d.get("fillers") if isinstance(f, dict)] if isinstance(d.get("fillers"), list) else []
        reps = sum(f.get("kind") == "repetition" for f in fillers)
        minutes = (_num(answer_s) or 0.0) / 60.0
        db.execute("UPDATE answers SET repetitions = ?, repetitions_per_min = ? WHERE id = ?",
                   (reps, round(reps / minutes, 2) if minutes else 0.0, answer_id))
        count = (d.get("stats") if isinstance(d.get("stats"), dict) else {}).get("filler_count", len(fillers))
        if reps and isinstance(count, (int, float)):
            new_count = max(int(count) - reps, 0)
            db.execute("UPDATE answers SET filler_count = ?, fillers_per_min = ? WHERE id = ?",
                       (new_count, round(new_count / minutes, 2) if minutes else None, answer_id))


@migration
def m004_coach_figures(db: sqlite3.Connection) -> None:
    """The coach layer's figures (vocal variety, hedges, time to the point, time off pace) get
    columns, filled from the stored analysis where it has them (schema 3); and ``focus``, the
    one figure the report told the person to work on (:mod:`furikaeri.coach`), so the next
    attempt can say whether it moved. Older answers keep None: nothing is made up."""
    for name in COACH_COLUMNS:
        kind = "INTEGER" if name == "hedges" else "REAL"
        db.execute(f"ALTER TABLE answers ADD COLUMN {name} {kind}")
    db.execute("ALTER TABLE answers ADD COLUMN focus TEXT")
    rows = db.execute("SELECT id, analysis_json FROM answers").fetchall()
    for answer_id, text in rows:
        try:
            d = json.loads(text)
        except (TypeError, json.JSONDecodeError):
            continue
        if not isinstance(d, dict) or not isinstance(d.get("schema", 1), int) or d.get("schema", 1) < 3:
            continue
        try:
            m = metrics_from_analysis(d)
        except (TypeError, ValueError, AttributeError, KeyError):  # an analysis stored garbled: left as it is
            continue
        db.execute(f"UPDATE answers SET {', '.join(f'{c} = ?' for c in COACH_COLUMNS)} WHERE id = ?",
                   (*(m[c] for c in COACH_COLUMNS), answer_id))


@migration
def m005_numbers_never_reused(db: sqlite3.Connection) -> None:
    """The highest number a deleted answer, session, interview or note had (``_retired``): a new one
    is numbered after it, so `compare 3 13`, a note or an export written before a `delete` never
    comes to point at another answer (SQLite gives a row the largest id plus one, so deleting
    the newest answer handed its number to the next)."""
    db.execute("CREATE TABLE _retired (name TEXT PRIMARY KEY, last_id INTEGER NOT NULL)")


@migration
def m006_a_question_per_wording(db: sqlite3.Connection) -> None:
    """A question's key (``s9:q``, ``en-basic:intro``) no longer names one row: when a set's
    question gets other words (``questions add --replace``, a set of one's own named like a
    built-in one), the new words become a question of their own under the same key, and the
    answers given to the old words keep them (the key's one row was rewritten, so "Why did you
    leave?" answers read, and were compared, as attempts at "What are your salary
    expectations?"). SQLite cannot drop a UNIQUE constraint: the table is made again without
    it, every question keeping its id; answers point at those ids throughout."""
    db.execute("PRAGMA defer_foreign_keys = ON")  # answers' references are checked at COMMIT, when the ids are back
    db.execute("CREATE TABLE _questions_m006 AS SELECT id, key, text, language, budget_s, set_name, created_at"
               " FROM questions")
    db.execute("DROP TABLE questions")
    db.execute(
        """CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            language TEXT,
            budget_s REAL,
            set_name TEXT,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("INSERT INTO questions (id, key, text, language, budget_s, set_name, created_at)"
               " SELECT id, key, text, language, budget_s, set_name, created_at FROM _questions_m006")
    db.execute("DROP TABLE _questions_m006")
    db.execute("CREATE INDEX questions_key ON questions(key)")


@migration
def m007_long_pauses_a_minute(db: sqlite3.Connection) -> None:
    """The long pauses a minute of the answer (``long_pauses_per_min``), the figure freezes are
    judged on over time (a count alone made a shorter answer with more freezes a minute read
    better: 14 long pauses in 87 s, then 13 in 69 s). Filled for the answers stored before
    from their count and length, as the analysis reckons it (analysis schema 9); an answer
    without either keeps None."""
    db.execute("ALTER TABLE answers ADD COLUMN long_pauses_per_min REAL")
    db.execute("UPDATE answers SET long_pauses_per_min = round(long_pauses * 60.0 / answer_s, 2)"
               " WHERE long_pauses IS NOT NULL AND typeof(long_pauses) IN ('integer', 'real')"
               " AND typeof(answer_s) IN ('integer', 'real') AND answer_s > 0")


@migration
def m008_one_row_per_question_asked(db: sqlite3.Connection) -> None:
    """Questions the archive kept apart that are one question as they are now told apart
    (:func:`furikaeri.questions.asked_about`: a standard 就活 question in other words, such as a
    company's 「志望動機を教えてください」 and the set's 「当社の志望動機を教えてください。」) become one: its
    first row (the one a new archive would have joined the others to) takes the answers of the
    others, which are retired. An archive saved before kept them as two questions, and `progress`
    split their attempts (QA s41 B2 #1). Questions in different languages stay apart."""
    _join_questions_asked(db)


@migration
def m009_english_questions_in_other_words(db: sqlite3.Connection) -> None:
    """:func:`m008_one_row_per_question_asked` once more, for an archive it already ran on: the
    English set's questions said in other words (a company's "What are your strengths?" and the
    set's "What is your greatest strength?", QA s42 E #8) are now one question too."""
    _join_questions_asked(db)


def _join_questions_asked(db: sqlite3.Connection) -> None:
    """Questions that ask one thing (:func:`furikaeri.questions.asked_about`), in one language,
    made one: a built-in set's row (its words and key title the question, as `questions show`
    and ``-q en-basic:strength`` name it: QA s43 E #2), else the first, takes the others'
    answers; the others are retired."""
    from furikaeri.questions import asked_about, builtin_sets

    builtin = {q.key for qset in builtin_sets() for q in qset.questions}
    groups: dict[tuple[str, str | None], list[int]] = {}
    keys: dict[int, str] = {}
    for qid, key, text, language in db.execute("SELECT id, key, text, language FROM questions ORDER BY id").fetchall():
        if isinstance(text, str) and text.strip():
            groups.setdefault((asked_about(text), language), []).append(qid)
            keys[qid] = key
    for ids in (ids for ids in groups.values() if len(ids) > 1):
        keep = next((i for i in ids if keys.get(i) in builtin), ids[0])
        for other in (i for i in ids if i != keep):
            db.execute("UPDATE answers SET question_id = ? WHERE question_id = ?", (keep, other))
            db.execute("DELETE FROM questions WHERE id = ?", (other,))
            _retire(db, "questions", other)


def _next_id(db: sqlite3.Connection, table: str) -> int:
    """The id a new row of ``table`` (answers, sessions, interviews, notes, questions, companies) gets: after every id the
    table holds and every one deleted from it (:func:`m005_numbers_never_reused`)."""
    held = db.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
    retired = db.execute("SELECT last_id FROM _retired WHERE name = ?", (table,)).fetchone()
    return max(int(held), int(retired[0]) if retired else 0) + 1


def _retire(db: sqlite3.Connection, table: str, row_id: int) -> None:
    """Remember that ``table`` had ``row_id``, deleted now (:func:`_next_id`)."""
    db.execute("INSERT INTO _retired (name, last_id) VALUES (?, ?)"
               " ON CONFLICT(name) DO UPDATE SET last_id = max(last_id, excluded.last_id)", (table, row_id))


def migrate(db: sqlite3.Connection, *, upto: int | None = None) -> list[str]:
    """Apply pending migrations (the first ``upto`` only, if given: for tests and fixtures).

    A database whose schema is current is only read: no write lock is taken, so a command
    that reads opens at once while another process writes. Each pending migration runs in its
    own ``BEGIN IMMEDIATE`` transaction with its ``_migrations`` row (the table itself made in
    the first one), so two processes opening a new database at once apply each migration
    exactly once, and one that fails leaves nothing behind. Tables that are there without a
    ``_migrations`` table, or a migration that meets a table or column it did not expect,
    raise :class:`LayoutError`. Returns the names applied now.
    """
    if not _pending(db, upto):
        return []
    problem = _unlisted(db)
    if problem:
        raise LayoutError(problem[0], ja=problem[1])
    applied_now: list[str] = []
    wanted = MIGRATIONS if upto is None else MIGRATIONS[:upto]
    for fn in wanted:
        with _immediate(db):
            db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = db.execute("SELECT 1 FROM _migrations WHERE name = ?", (fn.__name__,)).fetchone()
            if done:
                continue
            try:
                fn(db)
            except sqlite3.OperationalError as e:
                if not any(s in str(e) for s in ("already exists", "no such table", "no such column", "duplicate column")):
                    raise
                raise LayoutError(f"{fn.__name__} cannot be applied: {_one_line(e)}",
                                  ja=f"{fn.__name__} を適用できません: {sqlite_reason(e, 'ja')}") from e
            db.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (fn.__name__, to_stamp(None)))
            applied_now.append(fn.__name__)
    return applied_now


def _unmade(folder: Path | None) -> None:
    """Remove ``folder``, made by an open that then failed, when it is still empty."""
    if folder is not None:
        with contextlib.suppress(OSError):
            folder.rmdir()


def _unlisted(db: sqlite3.Connection) -> tuple[str, str] | None:
    """Tables without the ``_migrations`` table that says which migrations made them (None: a
    new database, or one that has it), said in English and Japanese."""
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    stray = sorted((n for n in names if not n.startswith("sqlite_")), key=lambda n: (n.startswith("_"), n))
    if "_migrations" in names or not stray:
        return None
    more = f", … ({len(stray)} in all)" if len(stray) > 4 else ""
    more_ja = f"など {len(stray)} 個" if len(stray) > 4 else ""
    if not {"answers", "sessions", "questions"} & set(stray):  # nothing of furikaeri's: another program's (QA s42 A #9)
        return (f"it is no furikaeri archive: another program's database? Its tables are {', '.join(stray[:4])}{more}",
                f"furikaeri のアーカイブではありません。別のプログラムのデータベースではありませんか（テーブル: "
                f"{'、'.join(stray[:4])}{more_ja}）")
    return (f"no table _migrations beside the tables {', '.join(stray[:4])}{more}",
            f"テーブル {'、'.join(stray[:4])}{more_ja}はあるのにテーブル _migrations がありません")


class LayoutError(StoreError):
    """The database's tables are not the ones this furikaeri's migrations made (a table or a
    column gone, tables without their ``_migrations`` record): the message says what differs.
    :meth:`Store.open` turns it into a line naming the file and the copy set aside."""


class DamagedError(StoreError):
    """The database file ``path`` is damaged (:func:`_damaged`): ``copy`` is where it was copied aside
    (None when that failed), ``problems`` how many problems ``PRAGMA quick_check`` found (None
    when the file could not even be checked: nothing of it can be read then), ``more`` that it
    stopped counting (it lists 100 rows at most)."""

    path: Path | None = None
    copy: Path | None = None
    problems: int | None = None
    more: bool = False
    #: Where what could still be read of it was written, a sound database (:meth:`Store._open_salvaged`).
    readable: Path | None = None
    #: The error to say should it turn out that nothing of it can be read after all.
    unread: "DamagedError | None" = None


@functools.lru_cache(maxsize=None)
def _expected_layout(names: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The tables, each with its columns, that the migrations ``names`` make in a new database."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        for fn in MIGRATIONS:
            if fn.__name__ in names:
                fn(db)
        return _layout(db)
    finally:
        db.close()


def _layout(db: sqlite3.Connection) -> dict[str, frozenset[str]]:
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {n: frozenset(r[1] for r in db.execute(f'PRAGMA table_info("{n}")')) for n in names}


def layout_problem(db: sqlite3.Connection) -> tuple[str, str] | None:
    """What is missing from ``db``'s tables against what its applied migrations made (``no
    table answers``, ``no column focus in answers``), in English and in Japanese; None when
    nothing is. Tables and columns more than expected are no problem. Reads only."""
    unlisted = _unlisted(db)
    if unlisted:
        return unlisted
    have = _layout(db)
    if "_migrations" not in have:
        return None  # a new, empty database
    if not {"name", "applied_at"} <= have["_migrations"]:
        return "the table _migrations has no column name", "テーブル _migrations に列 name がありません"
    done = {r[0] for r in db.execute("SELECT name FROM _migrations")}
    want = _expected_layout(tuple(fn.__name__ for fn in MIGRATIONS if fn.__name__ in done))
    missing = [(f"no table {t}", f"テーブル {t} がありません") for t in want if t not in have]
    missing += [(f"no column {c} in {t}", f"{t} に列 {c} がありません")
                for t in want if t in have for c in sorted(want[t] - have[t])]
    if not missing:
        return None
    more = len(missing) - 3
    return ("; ".join(m[0] for m in missing[:3]) + (f"; and {more} more" if more > 0 else ""),
            "、".join(m[1] for m in missing[:3]) + (f"、ほか {more} 件" if more > 0 else ""))


@contextlib.contextmanager
def _snapshot(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A read transaction (``BEGIN`` without a write lock): what is read inside sees the database
    at one moment."""
    db.execute("BEGIN")
    try:
        yield db
    finally:
        if db.in_transaction:
            db.execute("COMMIT")


@contextlib.contextmanager
def _immediate(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A write transaction taken up front (``BEGIN IMMEDIATE``): waits on busy_timeout for
    another writer instead of failing half way through (:func:`_begin_immediate`). SQLite may
    have rolled back already (a full disk does that): then there is nothing to roll back, and
    the first error counts."""
    _begin_immediate(db)
    try:
        yield db
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")


#: How long a write waits for another process's lock before it says that it is waiting
#: (:func:`_begin_immediate`): a wait of up to 30 s in silence looked like a hang (QA s36 C #6).
BUSY_NOTICE_S = 1.0


def _begin_immediate(db: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE``, waiting on ``busy_timeout`` as before; a wait longer than
    :data:`BUSY_NOTICE_S` is said with one line on stderr, once, in the command's language
    (:func:`_say_waiting`), and then goes on for the rest of the timeout."""
    total_ms = int(db.execute("PRAGMA busy_timeout").fetchone()[0])
    notice_ms = int(BUSY_NOTICE_S * 1000)
    if total_ms <= notice_ms:
        db.execute("BEGIN IMMEDIATE")
        return
    db.execute(f"PRAGMA busy_timeout = {notice_ms}")
    try:
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as e:
            if not _is_locked(e):
                raise
        _say_waiting(db, total_ms / 1000)
        db.execute(f"PRAGMA busy_timeout = {total_ms - notice_ms}")
        db.execute("BEGIN IMMEDIATE")
    finally:
        db.execute(f"PRAGMA busy_timeout = {total_ms}")


def _say_waiting(db: sqlite3.Connection, seconds: float) -> None:
    """The line that says a write waits for another process's lock on the archive, for up to
    ``seconds`` (the archive's folder named: it may be another ``--home``'s)."""
    try:
        file = next((r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"), "")
    except sqlite3.Error:
        file = ""
    where = f" {Path(file).parent}" if file else ""
    warn(f"the archive{where} is busy (another furikaeri, or a program that opened it?): waiting up to "
         f"{seconds:.0f} s for it…",
         ja=f"アーカイブ{where + ' ' if where else ''}は使用中です（別の furikaeri か、このファイルを開いたプログラムがありませんか）。"
            f"最長{seconds:.0f}秒待ちます…")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Note:
    """A reflection on one answer: what went wrong, why, what to do next time (each may be '')."""

    id: int
    answer_id: int | None
    wrong: str
    why: str
    next_time: str
    created_at: str
    updated_at: str

    @property
    def empty(self) -> bool:
        return not (self.wrong or self.why or self.next_time)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Session:
    id: int
    name: str
    kind: str
    set_name: str | None
    language: str | None
    started_at: str
    company: str | None = None
    answer_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Question:
    id: int
    key: str
    text: str
    language: str | None
    budget_s: float | None
    set_name: str | None
    answer_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


#: Columns of ``answers`` that hold a figure taken from the analysis (for queries and charts).
METRIC_COLUMNS = (
    "answer_s",
    "budget_s",
    "over_budget",
    "over_s",
    "wpm",
    "articulation_wpm",
    "chars_per_min",
    "morae_per_s",
    "fillers_per_min",
    "filler_count",
    "repetitions",
    "repetitions_per_min",
    "long_pauses",
    "longest_pause_s",
    "latency_s",
    "word_count",
    "pitch_spread_st",
    "loudness_range_db",
    "monotone_share",
    "hedges",
    "hedges_per_100_words",
    "opening_s",
    "opening_share",
    "off_pace_s",
    "long_pauses_per_min",
)
#: The coach layer's figures (analysis schema 3), added by m004.
COACH_COLUMNS = METRIC_COLUMNS[METRIC_COLUMNS.index("pitch_spread_st"):METRIC_COLUMNS.index("off_pace_s") + 1]


@dataclass(frozen=True)
class Answer:
    """One stored attempt. ``metrics`` holds the ``METRIC_COLUMNS`` values (None when the
    analysis did not have them, e.g. ``wpm`` for Japanese); ``analysis`` is the full
    ``Analysis.to_dict()`` when loaded with ``full=True``."""

    id: int
    session_id: int
    session_name: str
    question_id: int | None
    question: str | None
    question_key: str | None
    created_at: str
    audio_path: str | None
    transcript: str
    language: str | None
    model: str | None
    settings: dict[str, Any]
    metrics: dict[str, Any]
    note: Note | None = None
    analysis: dict[str, Any] | None = field(default=None, repr=False)
    #: The figure the report told the person to work on (:mod:`furikaeri.coach`), if any.
    focus: str | None = None
    #: The fillers heard, each as the analysis lists it ("um", "えーと"; repeated words are not
    #: fillers), read even where the analysis is not loaded: a note naming one filler is
    #: checked on its count (:func:`furikaeri.notes.check_fix`). None when not stored.
    fillers: tuple[str, ...] | None = field(default=None, repr=False)
    #: How the answer opened (``point_first``, ``story_first``, None: not told), read even where
    #: the analysis is not loaded: a note asking for the conclusion first is checked on it.
    opening_order: str | None = field(default=None, repr=False)
    #: The figures its report did not judge, stored blank (:func:`unjudged_figures`), read even
    #: where the analysis is not loaded: a view's "–" says why (QA s38 W #7).
    unjudged: tuple[str, ...] = field(default=(), repr=False)
    #: Of those, the ones its report judged as a lower bound, with the bound (:func:`lower_bounds`).
    floors: dict[str, float | int] = field(default_factory=dict, repr=False)
    #: The length (s) its question asked it to take, as typed (「1分で…」), where it asked one.
    asked_s: float | None = field(default=None, repr=False)
    #: The echo score of the room it was said in (:mod:`furikaeri.echo`), where known.
    echo_s: float | None = field(default=None, repr=False)
    #: The values of its row that could not be read (a damaged archive) and are left blank, as a
    #: person names them ("transcript", "figures", "note"): ``--json`` carries them, so a script
    #: tells a blank left by damage from one never filled (QA s44 J #4).
    unreadable: tuple[str, ...] = field(default=(), repr=False)

    @property
    def filler_floor(self) -> float | None:
        """Its fillers a minute where they are known only as a lower bound (stored blank,
        :attr:`floors`): "4.4+" in every view; None where the rate is stored, or unknown."""
        floor = self.floors.get("fillers_per_min")
        return float(floor) if floor is not None and self.metrics.get("fillers_per_min") is None else None

    @property
    def has_figures(self) -> bool:
        """Whether any of its figures can be read (a damaged row's cannot: nothing to compare)."""
        return any(v is not None for v in self.metrics.values())

    def to_dict(self, *, full: bool = False) -> dict[str, Any]:
        d = {
            "id": self.id,
            "session_id": self.session_id,
            "session": self.session_name,
            "question_id": self.question_id,
            "question": self.question,
            "question_key": self.question_key,
            "created_at": self.created_at,
            "audio_path": self.audio_path,
            "language": self.language,
            "model": self.model,
            "settings": self.settings,
            "metrics": self.metrics,
            "focus": self.focus,
            "transcript": self.transcript,
            "note": self.note.to_dict() if self.note else None,
        }
        if self.floors:  # a figure stored blank, judged as at least this by its report
            d["floors"] = dict(self.floors)
        if self.unreadable:  # blanks left by a damaged row, named (never on a sound one)
            d["unreadable"] = list(self.unreadable)
        if full:
            d["analysis"] = self.analysis
        return d


@dataclass(frozen=True)
class Company:
    id: int
    name: str
    asks: str = ""
    atmosphere: str = ""
    interviewers: str = ""
    valued: str = ""
    to_ask: str = ""
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The company as JSON says it: ``asks`` and ``to_ask`` (kept as one text, a line each)
        as lists, as its file and ``questions show --json`` give them."""
        d = dataclasses.asdict(self)
        for key in ("asks", "to_ask"):
            d[key] = [line for line in (d[key] or "").splitlines() if line.strip()]
        return d


@dataclass(frozen=True)
class Interview:
    """A real interview logged right after it. ``items``: ``[{"question", "answer"}]``."""

    id: int
    company: str | None
    held_on: str
    stage: str
    items: tuple[dict[str, str], ...]
    reaction: str
    went_well: str
    to_fix: str
    audio_path: str | None
    answer_id: int | None
    created_at: str

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["items"] = [dict(i) for i in self.items]
        return d


COMPANY_FIELDS = ("asks", "atmosphere", "interviewers", "valued", "to_ask", "notes")


def metrics_from_analysis(d: dict[str, Any]) -> dict[str, Any]:
    """The key figures of an ``Analysis.to_dict()``, as stored in the metric columns."""
    from furikaeri.analysis import upgrade

    d = upgrade(d)
    rate = d.get("rate") or {}
    stats = d.get("stats") or {}
    answer_s = _num(d.get("answer_s"))
    budget_s = _num(d.get("budget_s"))
    # ``long_pauses`` in measure counts every pause >= 1 s (long and very long).
    long_pauses = stats.get("long_pauses")
    if long_pauses is None and d.get("pauses"):
        long_pauses = sum(1 for p in d["pauses"] if p.get("kind") in ("long", "very_long"))
    over_s = None if answer_s is None or budget_s is None or d.get("cut_short") else round(answer_s - budget_s, 2)
    figures = {
        "answer_s": answer_s,
        "budget_s": budget_s,
        "over_budget": None if d.get("over_budget") is None or d.get("cut_short") else int(bool(d.get("over_budget"))),
        "over_s": over_s,
        "wpm": _num(rate.get("wpm")),
        "articulation_wpm": _num(rate.get("articulation_wpm")),
        "chars_per_min": _num(rate.get("chars_per_min")),
        "morae_per_s": _num(rate.get("morae_per_s")),
        "fillers_per_min": _num(stats.get("fillers_per_min")),
        "filler_count": _int(stats.get("filler_count", len(d.get("fillers") or ()))),
        "repetitions": _int(stats.get("repetitions", len(d.get("repetitions") or ()))),
        "repetitions_per_min": _num(stats.get("repetitions_per_min")),
        "long_pauses": _int(long_pauses),
        "long_pauses_per_min": _num(stats.get("long_pauses_per_min", _per_min(long_pauses, answer_s))),
        "longest_pause_s": _num(stats.get("longest_pause_s")),
        "latency_s": _num(d.get("latency_s")),
        "word_count": _int(stats.get("word_count", len(d.get("words") or ()))),
        **_coach_figures(d),
    }
    from furikaeri.analysis import off_language

    if off_language(d):  # heard in the other language: figures of its words are of a translation
        figures.update(dict.fromkeys(WORD_FIGURES))
    figures.update(dict.fromkeys(unjudged_figures(d)))
    return figures


def _per_min(count: Any, answer_s: float | None) -> float | None:
    """``count`` a minute of an answer ``answer_s`` long, as the analysis reckons a rate; None
    without either."""
    count = _num(count)
    return None if count is None or not answer_s or answer_s <= 0 else round(count * 60.0 / answer_s, 2)


#: The stored figures behind a verdict the report leaves out for want of evidence (not for an
#: answer too short for a rate, whose figures progress already sets aside): the pauses of a
#: noisy room (they read long), fillers a minute where the sounds in doubt would change it, the
#: pace where a loud noise lies inside the answer or a quiet telephone-band take lost soft phrases
#: (QA s45 U #2: "not judged" in the report, "157 → 60 wpm ▼ left the range" in compare).
UNJUDGED = {"pauses": ("long_pauses", "long_pauses_per_min", "longest_pause_s"),
            "fillers": ("fillers_per_min", "filler_count"),
            "voice": ("pitch_spread_st", "monotone_share"),
            "rate": ("wpm", "articulation_wpm", "morae_per_s", "off_pace_s"),
            "chars_per_min": ("chars_per_min",)}


def lower_bounds(d: dict[str, Any]) -> dict[str, float | int]:
    """The figures of analysis ``d`` (a dict) stored blank though its report judged them as a
    lower bound (fillers a minute where more filler-like sounds were left in doubt: "fair, or
    worse"), each with that bound: history shows "5.0+" where it showed "–" beside a report that
    said まずまず (QA s40 Z5 #6). Empty where a figure is blank for another reason (a noisy room,
    another language) or not blank."""
    blank = unjudged_figures(d)
    verdict = ((d.get("verdicts") or {}).get("fillers") or {}).get("level")
    stats = d.get("stats") or {}
    if d.get("room_untrusted") or "fillers_per_min" not in blank or verdict in (None, "n/a") \
            or _num(stats.get("fillers_per_min")) is None:
        return {}
    return {"fillers_per_min": float(stats["fillers_per_min"]), "filler_count": _int(stats.get("filler_count")) or 0}


def unjudged_figures(d: dict[str, Any]) -> tuple[str, ...]:
    """The figures of analysis ``d`` (a dict) that are stored blank: those :data:`UNJUDGED` of
    its verdicts the report does not judge (``n/a``) though the answer is long enough for a rate,
    and every word and pause figure of a room too loud to rate anything (``room_untrusted``).
    A noisy take's 0.0 fillers a minute was a "personal best" and the reference a clean take's
    2.4 was "worse" against (QA s38 V #2)."""
    from furikaeri.measure import fillers_in_doubt, too_short_for_rates

    if d.get("room_untrusted"):  # its length too, as its warning says (QA s55 AO #2: 9.7 s of 33 said, "▼ worse")
        # and its voice, which the report rates as little (QA s55 AQ #6: a loud room's pitch the best)
        return (*WORD_FIGURES, *UNJUDGED["pauses"], "latency_s", *LENGTH_FIGURES, *UNJUDGED["voice"], "loudness_range_db")
    verdicts = d.get("verdicts") or {}
    answer_s = _num(d.get("answer_s"))
    if answer_s is None or too_short_for_rates(answer_s):
        return ()
    stats = d.get("stats") or {}
    doubt = fillers_in_doubt(_int(stats.get("filler_count")) or 0, _int(stats.get("fillers_unconfirmed")) or 0,
                             _num(stats.get("fillers_per_min")) or 0.0, answer_s)  # "fair, or worse" too
    return tuple(f for name, figures in UNJUDGED.items()
                 if (verdicts.get(name) or {}).get("level") == "n/a" or (name == "fillers" and doubt) for f in figures)


#: The answer's length and its place against the budget: a room too loud to tell speech from the
#: noise leaves them unknown (its report says so and rates none), so no view judges or trends them.
LENGTH_FIGURES = ("answer_s", "over_s", "over_budget")

#: The figures counted from an answer's words (not from its sound): none for an answer heard in
#: the other language (``sounds_like``), so it moves no trend, usual or note check. Its length,
#: pauses, start and voice are the sound's, and stay. A file cut short keeps its figures but not
#: its place against the budget (its length is the file's).
WORD_FIGURES = ("wpm", "articulation_wpm", "chars_per_min", "morae_per_s", "fillers_per_min", "filler_count",
                "repetitions", "repetitions_per_min", "word_count", "hedges", "hedges_per_100_words", "opening_s",
                "opening_share", "off_pace_s")


def _coach_figures(d: dict[str, Any]) -> dict[str, Any]:
    """The coach layer's figures of an analysis (None where it has none, e.g. schema 1-2)."""
    voice = d.get("voice") or {}
    stats = d.get("stats") or {}
    opening = d.get("opening") or {}
    pace = d.get("pace") or {}
    schema3 = d.get("schema", 1) >= 3
    off_pace = sum(max(0.0, float(p.get("end", 0)) - float(p.get("start", 0))) for p in pace.get("stretches") or ())
    return {
        "pitch_spread_st": _num(voice.get("pitch_spread_st")),
        "loudness_range_db": _num(voice.get("loudness_range_db")),
        "monotone_share": _num(voice.get("monotone_share")),
        "hedges": _int(stats.get("hedges")) if schema3 else None,
        "hedges_per_100_words": _num(stats.get("hedges_per_100_words")) if schema3 else None,
        "opening_s": _num(opening.get("seconds")),
        "opening_share": _num(opening.get("budget_share")),
        "off_pace_s": round(off_pace, 2) if schema3 and d.get("speech_detected") else None,
    }


def _num(v: Any) -> float | None:
    if isinstance(v, bool) or v is None:
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _int(v: Any) -> int | None:
    n = _num(v)
    return None if n is None else int(n)


# --------------------------------------------------------------------------- the store


class ArchiveFullError(StoreError, OSError):
    """The disk filled while something was saved into the archive. A :class:`StoreError` (one
    line naming the archive, not the file copied from), and still the ``OSError`` (ENOSPC,
    EDQUOT or EFBIG: :data:`FULL_ERRNOS`) it was, for callers that catch that."""


@contextlib.contextmanager
def _closed_on_failure(db: sqlite3.Connection, path: Path) -> Iterator[None]:
    """Set up a connection just opened (rows by name, text as stored); should that fail, it is
    closed, and a database not laid out as expected is named as damaged (:func:`_damaged`)."""
    try:
        db.row_factory = _row
        db.text_factory = _text_as_stored
        yield
    except LayoutError as e:
        db.close()
        raise _damaged(path, e, layout=True) from e
    except BaseException:
        db.close()
        raise


def _text_as_stored(raw: bytes) -> str:
    """A text value as SQLite holds it: UTF-8, with bytes that are not (a file edited by
    another program, a damaged page) read as U+FFFD rather than failing the whole view."""
    return raw.decode("utf-8", "replace")


def _where(audio_path: str | Path | None, home: Path) -> str | None:
    """A recording's path as stored: inside the archive's folder, relative to it
    (``audio/x.wav``), so an archive copied, restored or moved finds its own recordings, never
    the old folder's; outside it, absolute, so `show` and `recover` find it from any folder (a
    relative ``--home`` gave ``home/audio/x.wav``, which only the folder it was saved from could
    open). Read back by :func:`located`."""
    if not audio_path:
        return None
    where = os.path.abspath(audio_path)
    if _inside(Path(where), home):
        return Path(os.path.relpath(Path(where).resolve(), Path(home).resolve())).as_posix()
    return where


def typed_number(text: str) -> int | None:
    """The number a typed answer, session or question number is, read one way everywhere:
    NFKC first (``５``, ``＃5`` and ``²`` are 5, #5 and 2), one ``#`` before it allowed, then
    ASCII digits only; anything else (words, ``-1``, ``1.5``) is None, never an error:
    ``str.isdigit`` takes ``²`` that ``int`` refuses, which crashed `show ²`."""
    import unicodedata

    v = unicodedata.normalize("NFKC", text).strip().removeprefix("#")
    return int(v) if v.isascii() and v.isdigit() else None


def negative_number(text: str) -> bool:
    """Is ``text`` a number typed negative (``-3``, ``−3``, ``-#3``)? No answer, session or
    question has one: a typo, said so, never a question's words (QA s42 A #4)."""
    import re
    import unicodedata

    return re.fullmatch(r"[-−]\s*#?\d+", unicodedata.normalize("NFKC", text).strip()) is not None


def _folded(text: str) -> str:
    """A question's words folded for finding a piece of them (「自己 PR」 in
    「自己ＰＲをしてください。」, "ideal  manager." in "Describe your ideal manager"): the one
    :func:`furikaeri.questions.folded` that comparing questions uses."""
    from furikaeri.questions import folded

    return folded(text)


def located(stored: str | None, home: Path) -> str | None:
    """A stored recording path (:func:`_where`) as an absolute path under the archive at
    ``home``: a relative one against ``home``, as it is now. An absolute one that an archive
    stored before paths were kept relative and that names a recording in an archive's audio
    folder (``<old home>/audio/x.wav``) other than ``home``'s is read as ``home``'s own,
    ``home/audio/x.wav``, when ``home`` has that file, when the old one is gone (the archive
    moved) or when the old folder is an archive itself (a copy of it): a copied archive
    showed, and kept, the recordings of the one it was copied from. A relative one that
    names an audio folder other than the archive's own (``old6/audio/x.wav``: an older
    furikaeri stored it relative to the working folder of a relative ``--home``) is read as
    ``home/audio/x.wav`` when that file is there and the path against ``home`` is not."""
    if not stored:
        return stored
    path = Path(stored)
    if not path.is_absolute():
        return _relative_located(path, home)
    if path.parent.name != AUDIO_DIR or _inside(path, home):
        return stored
    own = audio_dir(home) / path.name
    with contextlib.suppress(OSError):
        if own.exists() or not path.exists() or db_path(path.parent.parent).exists():
            return os.path.abspath(own)
    return stored


def _relative_located(path: Path, home: Path) -> str:
    """A relative stored path (:func:`located`) against ``home``; one an older furikaeri
    stored against the working folder (``old6/audio/x.wav``) as ``home``'s own recording."""
    here = Path(home) / path
    if path.parent.name == AUDIO_DIR:
        own = audio_dir(home) / path.name
        with contextlib.suppress(OSError):
            if not here.exists() and own.exists():
                return os.path.abspath(own)
    return os.path.abspath(here)


def _row(cursor: sqlite3.Cursor, values: tuple) -> sqlite3.Row:
    """A row by column name; a BLOB (no column here holds one: written by another program into
    a text column) read as its text, as :func:`_text_as_stored` reads text."""
    return sqlite3.Row(cursor, tuple(_text_as_stored(v) if isinstance(v, bytes) else v for v in values))


#: An answer said in the language it was analysed in (its analysis names no other, ``sounds_like``).
_SAID_AS_ANALYSED = (" AND (CASE WHEN json_valid(a.analysis_json)"
                     " THEN json_extract(a.analysis_json, '$.sounds_like') END) IS NULL")


class Store:
    """An open practice database. Use :meth:`open` (creates the home and runs migrations)::

        with Store.open(home) as store:
            sid = store.session_for("Monday", kind="practice")

    ``read_only``: why this archive can only be read (None when it can be written); every
    write then raises :class:`StoreError` with that line (``read_only_ja``: the line in Japanese).
    """

    def __init__(self, db: sqlite3.Connection, home: Path, read_only: str | None = None,
                 read_only_ja: str | None = None):
        self.db = db
        self.home = Path(home)
        self.read_only = read_only
        self.read_only_ja = read_only_ja
        #: Sessions this Store created that have no answer yet: should the save they were
        #: created for fail, they go again instead of showing in history as empty sessions.
        self._unanswered: set[int] = set()
        #: Answers whose unreadable stored values were already warned about (shared by the
        #: Stores of one command inside :func:`warned_once`).
        self._warned: set[int] = _WARNED[-1] if _WARNED else set()
        #: Reading for a figure behind what is shown (:meth:`quietly`): no warning now.
        self._quiet = False
        #: The language a warning about an answer in a given language speaks (a view shows each
        #: answer labelled in its own language); None: the command's (:func:`furikaeri.errors.warn`).
        self.warning_language: Callable[[str | None], str] | None = None
        #: The sessions this Store created or saved into, as their rows: one deleted by another
        #: process meanwhile (its last answer deleted) is made again (:meth:`_session_back`).
        self._sessions: dict[int, dict[str, Any]] = {}
        #: The sessions this Store holds while a `practice` saves into them (:meth:`_hold`): their files.
        self._held: dict[int, int] = {}
        #: The database is damaged, and this is what could still be read of it (``salvage``):
        #: the error a writing command meets on opening it. None for a sound one.
        self.damage: DamagedError | None = None

    # ----- opening

    @classmethod
    def open(
        cls,
        home: str | Path,
        *,
        busy_timeout_s: float | None = None,
        upto: int | None = None,
        read_only: bool = False,
        make: bool = True,
        salvage: bool = False,
    ) -> "Store":
        """Open (and create or migrate) ``<home>/furikaeri.db``.

        ``make=False``: for a command that only reads an archive that is there
        (:func:`has_archive`): the folder's missing ``audio/`` is not made (nothing a read needs).
        ``salvage``: for a command that only reads: a damaged file (copied aside all the same)
        is read as far as it can be (:meth:`_open_salvaged`), not refused; :attr:`damage` says
        so, and every write is refused with the line a writing command meets on opening it.

        A database whose schema is current is only read while it is opened: no write lock, so
        reading commands open at once while another process writes. An archive that can only
        be read (a read-only folder, database file or file system, a full disk, or
        ``read_only=True``) is opened for reading: what was saved shows, and each write raises
        a one-line :class:`StoreError` that names what is read-only. Raises
        :class:`StoreError` if the directory cannot be created, the file is damaged or its
        tables are not the ones this furikaeri expects (after copying it aside), the database
        is missing or empty beside saved recordings, it stays locked by another writer while a
        migration waits, or a migration fails.
        """
        home = Path(home)
        path = db_path(home)
        busy_timeout_s = BUSY_TIMEOUT_S if busy_timeout_s is None else busy_timeout_s  # read now: a test may set it
        why_read_only, why_read_only_ja = _read_only_why(home) if read_only else (None, None)
        made = False  # the audio folder made here: gone again when the archive cannot be opened
        try:
            if make:
                home.mkdir(parents=True, exist_ok=True)
                made = not audio_dir(home).exists()
                audio_dir(home).mkdir(exist_ok=True)
            elif audio_dir(home).exists() and not audio_dir(home).is_dir():  # said as making it would say it
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(audio_dir(home)))
        except OSError as e:
            recordings = audio_dir(home)
            if home.is_dir() and recordings.exists() and not recordings.is_dir():
                raise StoreError(f"{recordings} is a file, not a folder: furikaeri keeps the recordings there; "
                                 "move the file away",
                                 ja=f"{recordings} はフォルダではなくファイルです。furikaeri は録音をそこに保存します。"
                                 "そのファイルを別の場所へ移してください") from e
            if not (home.is_dir() and (e.errno == errno.EROFS or not os.access(home, os.W_OK))):
                raise StoreError(f"cannot create the data directory {home}: {e.strerror or e}",
                                 ja=f"データフォルダ {home} を作成できません: {os_reason(e, 'ja')}") from e
            why_read_only, why_read_only_ja = _read_only_why(home)
        if why_read_only is None and (not os.access(home, os.W_OK) or _unwritable_files(home)):
            why_read_only, why_read_only_ja = _read_only_why(home)  # chmod, chattr +i, a read-only mount
        if path.is_dir():
            raise StoreError(f"{path} is a directory, not a database file",
                             ja=f"{path} はデータベースファイルではなくフォルダです")
        has_db = path.is_file() and path.stat().st_size > 0
        if not has_db:
            _refuse_lost_database(home, path)
            if why_read_only:  # no database to read, and none can be made
                raise StoreError(why_read_only, ja=why_read_only_ja)
        try:
            if why_read_only is None:
                opened = cls._open_writable(home, path, has_db, busy_timeout_s, upto)
                if isinstance(opened, Store):
                    return opened
                why_read_only, why_read_only_ja = opened
            return cls._open_read_only(home, path, why_read_only, busy_timeout_s, upto, why_read_only_ja)
        except DamagedError as e:
            if not salvage or e.problems is None:
                _unmade(audio_dir(home) if made else None)
                raise
            return cls._open_salvaged(home, path, e, busy_timeout_s, upto)
        except StoreError:
            _unmade(audio_dir(home) if made else None)  # a refused save leaves the folder as it was (QA s42 A #2)
            raise

    @classmethod
    def _open_salvaged(cls, home: Path, path: Path, damage: DamagedError, busy_timeout_s: float,
                       upto: int | None) -> "Store":
        """What can still be read of the damaged database ``path`` (:func:`_salvaged`), migrated
        in memory when it is older (the file stays as it was), as a Store that refuses every
        write with ``damage``'s line. Raises ``damage`` (said without its promise that reading
        commands show the file) when not even its tables can be read, or they are not laid out
        as this furikaeri's."""
        try:
            source = _connect_read_only(path, busy_timeout_s)
        except StoreError:  # a log that cannot be read here: nothing shown that may be older than it
            raise (damage.unread or damage) from None
        except sqlite3.Error:
            source = None
        db = None
        with contextlib.suppress(sqlite3.Error):  # a newer furikaeri's archive is refused as such
            db = _salvaged_from(source, path) if source is not None else None
        if db is None:
            try:  # a copy cut off partway: SQLite reads none of it as it is (QA s51 TT #1)
                db = _salvaged_from(_mended(path), path)
            except (sqlite3.Error, OSError):
                db = _salvaged_by_pages(path)  # its list of tables lost (QA s51 TT #2)
        if db is None:
            raise (damage.unread or damage) from None
        try:
            with _closed_on_failure(db, path):
                migrate(db, upto=upto)
                _check_layout(db)
        except (sqlite3.Error, StoreError):
            raise (damage.unread or damage) from None
        damage.readable = _kept_readable(db, damage.copy)
        store = cls(db, home, read_only=str(damage), read_only_ja=damage.ja)
        store.damage = damage
        return store

    @classmethod
    def _open_writable(cls, home: Path, path: Path, has_db: bool, busy_timeout_s: float,
                       upto: int | None) -> "Store | tuple[str, str]":
        """The database opened for writing (checked, migrated), or why it can only be read
        (in English and Japanese) when SQLite could open it for reading only."""
        try:
            db = sqlite3.connect(str(path), timeout=busy_timeout_s, isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the database {path}: {e}",
                             ja=f"データベース {path} を開けません: {sqlite_reason(e, 'ja')}") from e
        try:
            with _closed_on_failure(db, path):
                db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
                _check_intact(db, path)
                _refuse_newer(db, path)  # both only read: a database that is not ours is left as it is
                _check_layout(db)
                _set_wal(db, busy_timeout_s)
                db.execute("PRAGMA foreign_keys = ON")
                db.execute("PRAGMA synchronous = NORMAL")
                migrate(db, upto=upto)
                return cls(db, home)
        except sqlite3.DatabaseError as e:
            if _is_damage(e):
                raise _damaged(path, e) from e
            if _is_locked(e):  # a migration (or WAL mode) waited for another writer in vain
                raise _locked(path) from e
            if not (has_db and _readable_anyway(e)):
                raise StoreError(f"cannot open the database {path}: {_explained(e)}",
                                 ja=f"データベース {path} を開けません: {_explained(e, 'ja')}") from e
            # a read-only file, a folder where the journal files cannot be made, a full
            # disk: what was saved can still be read
            if "disk i/o" in str(e).lower():
                return (f"the archive {home} could be opened for reading only ({_explained(e)}): "
                        "free some space and try again",
                        f"アーカイブ {home} は読み取り専用でしか開けませんでした（{_explained(e, 'ja')}）。"
                        "空きを作ってからやり直してください")
            return _read_only_why(home, e)  # the folder itself is writable

    @classmethod
    def _open_read_only(cls, home: Path, path: Path, why: str, busy_timeout_s: float,
                        upto: int | None, why_ja: str | None = None) -> "Store":
        """The database opened for reading only (``mode=ro``), or as a file nobody changes
        (``immutable=1``) when its WAL files cannot be made here. A database of an older
        furikaeri is copied into memory and upgraded there, the file left as it is (QA s46 Y #5:
        an old archive on a read-only backup could not even be exported); ``why_ja``: ``why`` in
        Japanese, what every write is refused with."""
        why_ja = why_ja or why
        try:
            db = _connect_read_only(path, busy_timeout_s)
        except StoreError:
            raise
        except sqlite3.DatabaseError as e:
            raise _cannot_open(path, e) from e
        try:
            with _closed_on_failure(db, path):
                _check_intact(db, path)
                db.execute("PRAGMA foreign_keys = ON")
                _refuse_newer(db, path)
                _check_layout(db)
                if _pending(db, upto):
                    db = _upgraded_in_memory(db, upto)
        except sqlite3.DatabaseError as e:
            raise _cannot_open(path, e) from e
        return cls(db, home, read_only=why, read_only_ja=why_ja)

    def close(self) -> None:
        self._let_go()
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        """Leaving on an error: a session created for a save that failed goes again (unless
        it holds an answer), and a full disk while a file was put into the archive (the
        answer's audio) becomes one line naming the archive, not the file copied from, so the
        person does not think their recording was damaged; the half-written copy goes."""
        try:
            if exc is not None:
                self._drop_unanswered()
                full = self._archive_full(exc)
                if full is not None:
                    raise full from exc
        finally:
            self.close()

    def failure(self, exc: BaseException) -> BaseException:
        """The error to say for ``exc``, met while saving into this archive: a full disk while
        a file was put into it becomes :class:`ArchiveFullError` (see :meth:`__exit__`), any
        other error stays as it is."""
        return self._archive_full(exc) or exc

    def _archive_full(self, exc: BaseException) -> ArchiveFullError | None:
        if not isinstance(exc, OSError) or isinstance(exc, StoreError) or exc.errno not in FULL_ERRNOS:
            return None
        # the file being written: shutil names the source first and the destination second
        written = next((n for n in (exc.filename2, exc.filename) if isinstance(n, (str, bytes, os.PathLike))), None)
        if written is None or not _inside(Path(os.fsdecode(written)), self.home):
            return None  # a file written elsewhere (an export): its own name is the right one
        copy = Path(os.fsdecode(written))
        if exc.filename2 is not None and _inside(copy, audio_dir(self.home)) and copy.is_file():
            with contextlib.suppress(OSError, sqlite3.Error):
                kept = {Path(located(r[0], self.home)).resolve() for r in self.db.execute(
                    "SELECT audio_path FROM answers WHERE audio_path IS NOT NULL"
                    " UNION SELECT audio_path FROM interviews WHERE audio_path IS NOT NULL")}
                if copy.resolve() not in kept:  # a saved recording is never removed
                    copy.unlink()
        error = ArchiveFullError(_disk_full_message(self.home, code=exc.errno),
                                 ja=_disk_full_message(self.home, "ja", code=exc.errno))
        error.errno = exc.errno
        return error

    def check_writable(self) -> None:
        """Raise the :class:`StoreError` a save would meet now: the archive opened for reading only
        (a read-only file or folder, a full disk: :meth:`open` falls back to reading quietly, so
        a command about to record or analyse for minutes asks here first), or the write lock held
        by another process for longer than the busy timeout, or a recordings folder that cannot
        take the answer's recording (:meth:`check_recordings`). Writes nothing."""
        with self.transaction():
            pass
        self.check_recordings()

    def check_recordings(self) -> None:
        """Raise the :class:`StoreError` a save would meet when it copies the recording in: the
        archive's ``audio/`` folder read-only on its own (a restored backup, a folder of another
        user's, a read-only mount): said before the take or its analysis, not after them as the
        system's bare "Read-only file system" (QA s52 ZZ #3). Nothing for an archive opened for
        reading only: its own line is said as it is saved into."""
        folder = audio_dir(self.home)
        if not self.read_only and folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"the archive's recordings folder {folder} is read-only, so no answer can be saved: make "
                             "it writable, or copy the archive somewhere writable and use --home",
                             ja=f"アーカイブの録音フォルダ {folder} は読み取り専用のため、回答を保存できません。"
                                "書き込めるようにするか、書き込める場所にコピーして --home で指定してください")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Every write goes through here: ``BEGIN IMMEDIATE`` ... ``COMMIT`` (or rollback)."""
        if self.read_only:
            raise StoreError(self.read_only, ja=self.read_only_ja)
        try:
            with _immediate(self.db) as db:
                yield db
        except sqlite3.IntegrityError as e:
            raise StoreError(f"the database refused a write: {e}",
                             ja=f"データベースが書き込みを拒否しました: {sqlite_reason(e, 'ja')}") from e
        except sqlite3.OperationalError as e:
            if _is_locked(e):
                raise _locked(db_path(self.home)) from e
            if "full" in str(e).lower():  # "database or disk is full"
                raise StoreError(_disk_full_message(self.home), ja=_disk_full_message(self.home, "ja")) from e
            if "readonly" in str(e).lower():  # the file or folder became read-only since opening
                raise StoreError(_read_only_message(self.home), ja=_read_only_message(self.home, lang="ja")) from e
            raise StoreError(f"cannot write to the database: {_explained(e)}",
                             ja=f"データベースに書き込めません: {_explained(e, 'ja')}") from e

    def _drop_unanswered(self, only: int | None = None) -> None:
        """Remove the sessions this Store created that never got an answer (``only``: that
        one), in one transaction that checks they are still empty: another process may have
        saved an answer into one meanwhile, and a session with answers always stays. On a full
        disk the WAL is first written into the database and truncated, which frees the room
        the deletion needs. Best effort: if even that fails, the failed save is what counts."""
        ids = self._unanswered & ({only} if only is not None else self._unanswered)
        if not ids or self.read_only:
            return
        for attempt in range(2):
            try:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                with _immediate(self.db) as db:
                    for sid in ids:
                        db.execute("DELETE FROM sessions WHERE id = ? AND NOT EXISTS"
                                   " (SELECT 1 FROM answers WHERE session_id = ?)", (sid, sid))
                break
            except sqlite3.Error as e:
                if attempt or "full" not in str(e).lower():
                    return
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._unanswered -= ids

    def schema_version(self) -> list[str]:
        return [r["name"] for r in self.db.execute("SELECT name FROM _migrations ORDER BY name")]

    # ----- sessions

    def create_session(
        self,
        name: str,
        *,
        kind: str = "practice",
        set_name: str | None = None,
        language: str | None = None,
        company: str | None = None,
        now: datetime | None = None,
    ) -> int:
        _refuse_number_name(name)
        with self.transaction() as db:
            company_id = self._company_id(db, company, now) if company else None
            before = _newest_named(db, name)
            cur = db.execute(
                "INSERT INTO sessions (id, name, kind, set_name, language, company_id, started_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_next_id(db, "sessions"), name, kind, set_name, language, company_id, to_stamp(now)),
            )
            sid = int(cur.lastrowid)
            self._remember_session(db, sid)
        if before is not None:  # a name given again: a session of its own, said (QA s55 AO #5)
            warn(f"a session named '{name}' exists already (#{before['id']}): this practice is a new session "
                 f"of that name (#{sid}); name either by its number (compare --sessions {before['id']} {sid})",
                 ja=f"「{name}」という名前のセッションはすでにあります（#{before['id']}）。今回の練習は同じ名前の"
                    f"新しいセッション（#{sid}）になります。番号で指定できます（compare --sessions {before['id']} {sid}）")
        self._unanswered.add(sid)
        self._hold(sid)
        return sid

    def _hold(self, sid: int) -> None:
        """Hold session ``sid`` (one this Store made for a `practice`) while this Store is open:
        a save by its name from another process (`analyze --save --session`) then starts a
        session of its own rather than mix its answer into this run's (:func:`_running`). Best
        effort: where no lock can be taken, the session is joined as before."""
        try:
            import fcntl
        except ImportError:
            return
        path, fd = _lock_path(self.home, sid), None
        try:
            path.parent.mkdir(exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            if fd is not None:
                os.close(fd)
            return
        self._held[sid] = fd

    def _let_go(self) -> None:
        """Let go of the sessions :meth:`_hold` held, their files and folder removed."""
        for sid, fd in self._held.items():
            with contextlib.suppress(OSError):
                _lock_path(self.home, sid).unlink()
            os.close(fd)
        if self._held:
            with contextlib.suppress(OSError):
                (self.home / ".running").rmdir()
        self._held.clear()

    def session_for(
        self,
        name: str,
        *,
        kind: str = "practice",
        language: str | None = None,
        company: str | None = None,
        now: datetime | None = None,
    ) -> int:
        """The id of the newest session called ``name``, created if there is none (or if a
        `practice` of another process is saving into it: :meth:`_joinable`), for ``company``
        when given. A session named again days later gets the answer, as asked: the views order
        sessions by their latest answer (:meth:`sessions`) and date an answer saved on a later
        day (the journal)."""
        with self.transaction() as db:
            sid, made, beside = self._session_named(db, name, kind=kind, language=language, now=now,
                                                    company=company)
        if made:
            self._unanswered.add(sid)
        if beside is not None:
            _say_new_session(name, beside, sid)
        return sid

    def _session_named(self, db: sqlite3.Connection, name: str, *, kind: str, language: str | None,
                       now: datetime | None, company: str | None = None) -> tuple[int, bool, int | None]:
        """Inside a write transaction: (the id of the session ``name`` an answer joins, whether it
        was made now, and the session of that name it was made beside, None if none), as
        :meth:`session_for` finds or makes it."""
        row, why = self._joinable(db, name)
        if row and not why:
            self._remember_session(db, int(row["id"]))
            return int(row["id"]), False, None
        _refuse_number_name(name)
        company_id = self._company_id(db, company, now) if company else None
        cur = db.execute(
            "INSERT INTO sessions (id, name, kind, language, company_id, started_at) VALUES (?, ?, ?, ?, ?, ?)",
            (_next_id(db, "sessions"), name, kind, language, company_id, to_stamp(now)),
        )
        sid = int(cur.lastrowid)
        self._remember_session(db, sid)
        return sid, True, int(row["id"]) if row else None

    def _joinable(self, db: sqlite3.Connection, name: str) -> tuple[sqlite3.Row | None, str | None]:
        """The newest session called ``name`` (None: there is none) and why a save by its name
        may not join it (None: it may): ``"running"``, a `practice` of another process is
        saving into it now (:func:`_running`), whose own answers this one would mix with."""
        row = _newest_named(db, name)
        if row is None or int(row["id"]) in self._held:
            return row, None
        return row, ("running" if _running(self.home, int(row["id"])) else None)

    def check_session_name(self, name: str, *, new: bool = False) -> None:
        """Refuse before the take a session name the save would refuse after it (minutes of
        recording and analysis lost to a typo): digits alone, for a session made afresh (``new``:
        practice's :meth:`create_session`), else only when no session of the name is there to
        join (an old archive's session keeps its name, and :meth:`session_for` saves into it)."""
        if new:
            _refuse_number_name(name)
            return
        row, why = self._joinable(self.db, name)
        if row is None or why:
            _refuse_number_name(name)

    def _remember_session(self, db: sqlite3.Connection, sid: int) -> None:
        row = db.execute("SELECT id, name, kind, set_name, language, company_id, started_at FROM sessions"
                         " WHERE id = ?", (sid,)).fetchone()
        if row is not None:
            self._sessions[sid] = dict(zip(row.keys(), tuple(row)))

    def _session_back(self, db: sqlite3.Connection, sid: int) -> bool:
        """Make sure session ``sid`` is there to save into; True when it had to be made again.
        Another process may have deleted it while this one still saves into it (``delete`` of
        its last answer, during a `practice` run): a session this Store knows is made again,
        under its own number and name (:meth:`_said_back` says so once the answer is saved); the
        run goes on and loses no answer. One it never knew is refused by name."""
        if db.execute("SELECT 1 FROM sessions WHERE id = ?", (sid,)).fetchone():
            self._remember_session(db, sid)
            return False
        row = self._sessions.get(sid)
        if row is None:
            raise StoreError(f"there is no session {sid} to save into (deleted meanwhile?); see `furikaeri history`",
                             ja=f"保存先のセッション {sid} がありません（途中で削除されましたか）。"
                             "`furikaeri history` で確認してください")
        db.execute(f"INSERT INTO sessions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                   tuple(row.values()))
        return True

    def _said_back(self, sid: int) -> None:
        row = self._sessions[sid]
        warn(f"session {sid} ({row['name']}) was deleted while answers were still being saved into it "
             "(with its last answer): it is made again, under the same number",
             ja=f"セッション {sid}（{row['name']}）は回答の保存中に（最後の回答とともに）削除されました。"
             "同じ番号で作り直して保存を続けます")

    def sessions(self, *, limit: int | None = None) -> list[Session]:
        """The sessions, the one with the newest answer first (an empty one by its start): a
        session named again days later (`analyze --save --session mock-1`) comes first with
        that answer, so `history -n 2` never leaves the latest answer out."""
        sql = (_SESSION_SQL + " GROUP BY s.id"
               " ORDER BY MAX(s.started_at, COALESCE(MAX(a.created_at), '')) DESC, s.started_at DESC, s.id DESC")
        args: tuple = ()
        if limit:
            sql += " LIMIT ?"
            args = (limit,)
        return [_session(r) for r in self.db.execute(sql, args)]

    def sessions_named(self, name: str) -> list[int]:
        """The ids of the sessions named ``name``, oldest first."""
        return [r[0] for r in self.db.execute("SELECT id FROM sessions WHERE name = ? ORDER BY started_at, id", (name,))]

    def session(self, ref: int | str) -> Session | None:
        """A session by id, or the newest with that name."""
        number = ref if isinstance(ref, int) else typed_number(ref)
        if number is not None and number < 2**63:
            rows = self.db.execute(_SESSION_SQL + " WHERE s.id = ? GROUP BY s.id", (number,)).fetchall()
            if rows:
                return _session(rows[0])
        rows = self.db.execute(
            _SESSION_SQL + " WHERE s.name = ? GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC LIMIT 1",
            (str(ref),),
        ).fetchall()
        return _session(rows[0]) if rows else None

    # ----- questions

    def question_for(
        self,
        key: str,
        text: str,
        *,
        language: str | None = None,
        budget_s: float | None = None,
        set_name: str | None = None,
        now: datetime | None = None,
    ) -> int:
        """The id of the question with this ``key`` and these words, created (or its budget,
        and its words up to case, width and marks, refreshed). Other words under a key already
        known (a set's question reworded, a set of one's own named like a built-in one) are
        another question (:func:`m006_a_question_per_wording`): the answers to the old words
        keep them. Words already asked under another key (a company file that asks the built-in
        「学生時代に力を入れたことを教えてください。」) join that question: one history per question."""
        from furikaeri.questions import same_question

        same = same_question(text)
        with self.transaction() as db:
            keyed = db.execute("SELECT id, text FROM questions WHERE key = ? ORDER BY id DESC", (key,)).fetchall()
            row = next((r for r in keyed if same(r["text"])), None)
            if row:
                db.execute(
                    "UPDATE questions SET text = ?, language = COALESCE(?, language),"
                    " budget_s = COALESCE(?, budget_s), set_name = COALESCE(?, set_name) WHERE id = ?",
                    (text, language, budget_s, set_name, row["id"]),
                )
                return int(row["id"])
            for other in db.execute("SELECT id, text, language FROM questions ORDER BY id"):
                if same(other["text"]) and (language is None or other["language"] in (None, language)):
                    return int(other["id"])
            cur = db.execute(
                "INSERT INTO questions (id, key, text, language, budget_s, set_name, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_next_id(db, "questions"), key, text, language, budget_s, set_name, to_stamp(now)),
            )
            return int(cur.lastrowid)

    def questions(self) -> list[Question]:
        rows = self.db.execute(
            "SELECT q.*, COUNT(a.id) AS n FROM questions q LEFT JOIN answers a ON a.question_id = q.id"
            " GROUP BY q.id ORDER BY q.id"
        )
        return [_question(r) for r in rows]

    def question(self, id_: int) -> Question | None:
        r = self.db.execute(
            "SELECT q.*, COUNT(a.id) AS n FROM questions q LEFT JOIN answers a ON a.question_id = q.id"
            " WHERE q.id = ? GROUP BY q.id",
            (id_,),
        ).fetchone()
        return _question(r) if r else None

    def find_questions(self, ref: str) -> list[Question]:
        """Questions matching ``ref``: an id, an exact key, its words as saving joins them
        (:func:`furikaeri.questions.same_question`: whatever the case, spacing, width or
        closing mark, so "describe your ideal manager." finds the question saved as "Describe
        your ideal manager"), or else a piece of the text, both folded alike (:func:`_folded`)."""
        from furikaeri.questions import same_key, same_question

        ref = ref.strip()
        number = typed_number(ref)
        if number is not None:
            q = self.question(number) if number < 2**63 else None
            return [q] if q else []
        questions = self.questions()
        exact = [q for q in questions if same_key(q.key, ref) or q.key.split(":", 1)[-1] == ref]
        if exact:
            return exact
        same = same_question(ref)
        worded = [q for q in questions if same(q.text)]
        if worded:
            return worded
        piece = _folded(ref)
        return [q for q in questions if piece and piece in _folded(q.text)]

    # ----- answers

    def add_answer(
        self,
        session_id: int | str,
        analysis: dict[str, Any],
        *,
        question_id: int | None = None,
        audio_path: str | Path | None = None,
        settings: dict[str, Any] | None = None,
        note: dict[str, str] | None = None,
        now: datetime | None = None,
        focus: str | None = None,
    ) -> int:
        """Store an answer (``Analysis.to_dict()``) and, in the same transaction, its note
        (``{"wrong", "why", "next_time"}``, any subset); ``focus``: the figure the report told
        the person to work on. Should it fail, a session this Store created for it and that
        holds no answer goes again: a failed save leaves no empty session behind.

        ``session_id`` may be a session's name (a str; a number is never one): the newest
        session of that name, found or made as :meth:`session_for` does, in the answer's own
        transaction, so that not even a killed save (SIGKILL, a power cut: no clean-up runs)
        leaves an empty session (QA s35 F #3)."""
        try:
            answer_id = self._add_answer(session_id, analysis, question_id, audio_path, settings, note, now, focus)
        except BaseException:
            if isinstance(session_id, int):
                self._drop_unanswered(session_id)
            raise
        self._unanswered.discard(session_id)
        return answer_id

    def _add_answer(self, session_id: int | str, analysis: dict[str, Any], question_id: int | None,
                    audio_path: str | Path | None, settings: dict[str, Any] | None,
                    note: dict[str, str] | None, now: datetime | None, focus: str | None) -> int:
        m = metrics_from_analysis(analysis)
        stamp = to_stamp(now)
        beside = None
        with self.transaction() as db:
            if isinstance(session_id, str):
                name = session_id
                session_id, _, beside = self._session_named(db, name, kind="practice",
                                                            language=analysis.get("language"), now=now)
                made_again = False
            else:
                made_again = self._session_back(db, session_id)
            left = self._drop_left_sessions(db, keep=session_id)
            cur = db.execute(
                f"""INSERT INTO answers (id, session_id, question_id, created_at, audio_path, transcript,
                    analysis_json, language, model, settings_json, focus, {", ".join(METRIC_COLUMNS)})
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {", ".join("?" * len(METRIC_COLUMNS))})""",
                (
                    _next_id(db, "answers"),
                    session_id,
                    question_id,
                    stamp,
                    _where(audio_path, self.home),
                    analysis.get("transcript") or "",
                    json.dumps(analysis, ensure_ascii=False),
                    analysis.get("language"),
                    analysis.get("model"),
                    json.dumps(settings or {}, ensure_ascii=False, sort_keys=True),
                    focus,
                    *(m[c] for c in METRIC_COLUMNS),
                ),
            )
            answer_id = int(cur.lastrowid)
            if note and any((note.get(k) or "").strip() for k in ("wrong", "why", "next_time")):
                _write_note(db, answer_id, note, stamp)
        if made_again:
            self._said_back(session_id)
        if beside is not None:
            _say_new_session(name, beside, session_id)
        if left:
            _say_left_sessions(left)
        return answer_id

    def _drop_left_sessions(self, db: sqlite3.Connection, *, keep: int) -> list[str]:
        """Inside the answer's transaction: remove the sessions a killed save left empty (an
        earlier version made the session before copying the recording; a kill between
        ``practice``'s session and its first answer), each ``#id name``. Not ``keep``, nor one
        this Store knows, nor one a running ``practice`` holds (:func:`_running`), nor one made
        in the last :data:`LEFT_SESSION_AGE_S` (another process's save may be about to fill it)."""
        since = to_stamp(datetime.fromtimestamp(time.time() - LEFT_SESSION_AGE_S, timezone.utc))
        rows = db.execute("SELECT id, name FROM sessions s WHERE id != ? AND started_at < ? AND NOT EXISTS"
                          " (SELECT 1 FROM answers WHERE session_id = s.id)", (keep, since)).fetchall()
        gone = []
        for r in rows:
            sid = int(r["id"])
            if sid in self._sessions or sid in self._held or _running(self.home, sid):
                continue
            db.execute("DELETE FROM sessions WHERE id = ?", (sid,))
            _retire(db, "sessions", sid)
            gone.append(f"#{sid} {r['name']}")
        return gone

    def answer(self, id_: int, *, full: bool = True) -> Answer | None:
        rows = self._answers("WHERE a.id = ?", (id_,), full=full)
        return rows[0] if rows else None

    def answers(
        self,
        *,
        session_id: int | None = None,
        question_id: int | None = None,
        newest_first: bool = False,
        full: bool = False,
        limit: int | None = None,
    ) -> list[Answer]:
        where, args = [], []
        if session_id is not None:
            where.append("a.session_id = ?")
            args.append(session_id)
        if question_id is not None:
            where.append("a.question_id = ?")
            args.append(question_id)
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        order = "DESC" if newest_first else "ASC"
        clause += f" ORDER BY a.created_at {order}, a.id {order}"
        if limit:
            clause += " LIMIT ?"
            args.append(limit)
        return self._answers(clause, tuple(args), full=full)

    def answer_languages(self) -> list[str]:
        """The languages the archive's answers are in."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT language FROM answers WHERE language IS NOT NULL")]

    def previous_answer(self, question_id: int, *, before_id: int | None = None,
                        language: str | None = None) -> Answer | None:
        """The latest attempt at a question (before answer ``before_id`` if given; in
        ``language`` if given: an attempt in another language is no "before" to compare with, nor
        one said in the other language than it was analysed in, ``sounds_like``)."""
        lang_sql, lang_args = (" AND a.language = ?" + _SAID_AS_ANALYSED, (language,)) if language else ("", ())
        if before_id is None:
            rows = self._answers(
                f"WHERE a.question_id = ?{lang_sql} ORDER BY a.created_at DESC, a.id DESC LIMIT 1",
                (question_id, *lang_args), full=False
            )
        else:
            ref = self.db.execute("SELECT created_at FROM answers WHERE id = ?", (before_id,)).fetchone()
            if not ref:
                return None
            rows = self._answers(
                f"WHERE a.question_id = ?{lang_sql} AND (a.created_at < ? OR (a.created_at = ? AND a.id < ?))"
                " ORDER BY a.created_at DESC, a.id DESC LIMIT 1",
                (question_id, *lang_args, ref["created_at"], ref["created_at"], before_id),
                full=False,
            )
        return rows[0] if rows else None

    def _answers(self, clause: str, args: tuple, *, full: bool) -> list[Answer]:
        cols = "a.*" if full else ("a." + ", a.".join(c for c in _ANSWER_LIGHT) + f", {_FILLERS_JSON} AS fillers_json"
                                    f", {_ORDER_JSON} AS opening_order, {_UNJUDGED_JSON} AS unjudged_json")
        sql = (
            f"SELECT {cols}, s.name AS session_name, q.text AS question_text, q.key AS question_key,"
            " n.id AS n_id, n.wrong AS n_wrong, n.why AS n_why, n.next_time AS n_next,"
            " n.created_at AS n_created, n.updated_at AS n_updated"
            " FROM answers a JOIN sessions s ON s.id = a.session_id"
            " LEFT JOIN questions q ON q.id = a.question_id"
            " LEFT JOIN notes n ON n.answer_id = a.id " + clause
        )
        out = []
        for r in self.db.execute(sql, args):
            unreadable: list[str] = []
            answer = _answer(r, full, unreadable)
            out.append(dataclasses.replace(answer, audio_path=located(answer.audio_path, self.home),
                                           unreadable=unreadable_said(unreadable)))
            if unreadable and r["id"] not in self._warned and not self._quiet:  # said once, however often read
                self._warned.add(r["id"])
                self._say_unreadable(r["id"], unreadable, answer.language)
        return out

    def _say_unreadable(self, answer_id: int, fields: list[str], language: str | None) -> None:
        """Warn that answer ``answer_id`` (in ``language``) has values that cannot be read, in
        the language :attr:`warning_language` picks for it (else the command's)."""
        from furikaeri.lang import text

        said = {code: text(code, "answer_unreadable", id=answer_id,
                           fields=", ".join(unreadable_said(fields, ja=code == "ja")))
                for code in ("en", "ja")}
        warn(said["en"], ja=said["ja"],
             language=self.warning_language(language) if self.warning_language is not None else None)

    def first_said(self, key: int) -> bool:
        """True the first time while this Store (or the command's, :func:`warned_once`) lasts
        that a warning of ``key`` (an answer's id, or 0, :data:`CLOCK_BEHIND`) is to be said."""
        if key in self._warned:
            return False
        self._warned.add(key)
        return True

    @contextlib.contextmanager
    def quietly(self) -> Iterator["Store"]:
        """Answers read meanwhile are not warned about (their unreadable values are still left
        blank): `show 5` reads every earlier answer for the usual its focus was chosen against,
        and warned about answers it does not show. An answer read again outside warns then."""
        quiet, self._quiet = self._quiet, True
        try:
            yield self
        finally:
            self._quiet = quiet

    # ----- notes

    def delete_answer(self, answer_id: int) -> Answer | None:
        """Remove an answer (a take analysed against the wrong question, a test) with its note; a
        session it leaves empty goes too. The recording stays on disk, where ``audio_path`` says.
        Returns the answer as it was, or None when there is none."""
        gone = self.answer(answer_id, full=False)
        if gone is None:
            return None
        with self.transaction() as db:
            note = db.execute("SELECT id FROM notes WHERE answer_id = ?", (answer_id,)).fetchone()
            db.execute("DELETE FROM answers WHERE id = ?", (answer_id,))  # its note: ON DELETE CASCADE
            _retire(db, "answers", answer_id)
            if note is not None:
                _retire(db, "notes", note["id"])
            if not db.execute("SELECT 1 FROM answers WHERE session_id = ?", (gone.session_id,)).fetchone():
                db.execute("DELETE FROM sessions WHERE id = ?", (gone.session_id,))
                _retire(db, "sessions", gone.session_id)
        return gone

    def delete_interview(self, interview_id: int) -> Interview | None:
        """Remove a logged interview (and so the questions it gave its company's practice set).
        A company it leaves with nothing (no research noted, no other interview, no session)
        goes too: it was made for this interview, and would show as a bare name. A recording
        kept with it stays on disk. Returns it as it was, or None when there is none."""
        gone = self.interview(interview_id)
        if gone is None:
            return None
        with self.transaction() as db:
            company = db.execute("SELECT company_id FROM interviews WHERE id = ?", (interview_id,)).fetchone()
            db.execute("DELETE FROM interviews WHERE id = ?", (interview_id,))
            _retire(db, "interviews", interview_id)
            if company is not None and company["company_id"] is not None:
                _drop_bare_company(db, int(company["company_id"]))
        return gone

    def set_note(
        self,
        answer_id: int,
        *,
        wrong: str | None = None,
        why: str | None = None,
        next_time: str | None = None,
        now: datetime | None = None,
    ) -> Note | None:
        """Add or edit the note of an answer. A field left ``None`` keeps its current text; a note
        whose every part is emptied goes (None: the answer has no note, as one never noted)."""
        with self.transaction() as db:
            if not db.execute("SELECT 1 FROM answers WHERE id = ?", (answer_id,)).fetchone():
                raise AnswerGone(f"there is no answer {answer_id} (see `furikaeri history`)",
                                 ja=f"回答 {answer_id} はありません（`furikaeri history` を参照）")
            _write_note(db, answer_id, {"wrong": wrong, "why": why, "next_time": next_time}, to_stamp(now))
            row = db.execute("SELECT id, wrong, why, next_time FROM notes WHERE answer_id = ?", (answer_id,)).fetchone()
            if row is not None and not any((row["wrong"], row["why"], row["next_time"])):
                db.execute("DELETE FROM notes WHERE id = ?", (row["id"],))
                _retire(db, "notes", row["id"])
        return self.note(answer_id)

    def note(self, answer_id: int) -> Note | None:
        r = self.db.execute("SELECT * FROM notes WHERE answer_id = ?", (answer_id,)).fetchone()
        return _note(r) if r else None

    # ----- companies

    def upsert_company(self, name: str, *, now: datetime | None = None, **fields: str | None) -> Company:
        """Create a company or update the research fields given (``None`` keeps a field)."""
        bad = set(fields) - set(COMPANY_FIELDS)
        if bad:
            raise StoreError(f"unknown company fields: {', '.join(sorted(bad))}",
                             ja=f"企業の項目として不明なものがあります: {'、'.join(sorted(bad))}")
        name = name.strip()
        if not name:
            raise StoreError("a company needs a name", ja="企業名を指定してください")
        with self.transaction() as db:
            cid = self._company_id(db, name, now)
            sets = {k: v for k, v in fields.items() if v is not None}
            if sets:
                db.execute(
                    f"UPDATE companies SET {', '.join(f'{k} = ?' for k in sets)}, updated_at = ? WHERE id = ?",
                    (*sets.values(), to_stamp(now), cid),
                )
        c = self.company(name)
        assert c is not None
        return c

    def company(self, name: str) -> Company | None:
        """The company called ``name``, spaces and character widths aside (「さくら商事　株式会社」
        is 「さくら商事 株式会社」, ＡＢＣ is ABC)."""
        rows = self._company_rows(self.db, name)
        return _merged(rows) if rows else None

    @staticmethod
    def _company_row(db: sqlite3.Connection, name: str) -> sqlite3.Row | None:
        rows = Store._company_rows(db, name)
        return rows[0] if rows else None

    @staticmethod
    def _company_rows(db: sqlite3.Connection, name: str) -> list[sqlite3.Row]:
        """The rows of the company called ``name`` as compared (:func:`furikaeri.questions.company_key`),
        the first made first: one, but for an archive that logged one company under two names
        the key now takes as one (「ミライ電機」 beside 「みらい電機」, made before katakana was read
        as hiragana: QA s50 NN #4), read as one company without rewriting the archive."""
        from furikaeri.questions import company_key

        want = company_key(name)
        return [r for r in db.execute("SELECT * FROM companies ORDER BY id") if company_key(r["name"]) == want]

    def companies(self) -> list[Company]:
        """Every company, one per name as compared (:meth:`_company_rows`), by name."""
        from furikaeri.questions import company_key

        same: dict[str, list[sqlite3.Row]] = {}
        for r in self.db.execute("SELECT * FROM companies ORDER BY id"):
            same.setdefault(company_key(r["name"]), []).append(r)
        return sorted((_merged(rows) for rows in same.values()), key=lambda c: c.name)

    def clear_company_notes(self, name: str, *, now: datetime | None = None) -> bool:
        """Empty the research notes kept for the company called ``name`` (its answers and logged
        interviews keep its name); ``False`` when it had none."""
        with self.transaction() as db:
            r = self._company_row(db, name)
            if r is None or not any(r[k] for k in COMPANY_FIELDS):
                return False
            db.execute(f"UPDATE companies SET {', '.join(f'{k} = ?' for k in COMPANY_FIELDS)}, updated_at = ? WHERE id = ?",
                       (*([""] * len(COMPANY_FIELDS)), to_stamp(now), r["id"]))
        return True

    def _company_id(self, db: sqlite3.Connection, name: str, now: datetime | None) -> int:
        from furikaeri.questions import company_name

        row = self._company_row(db, name)
        if row:
            return int(row["id"])
        stamp = to_stamp(now)
        cur = db.execute("INSERT INTO companies (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                         (_next_id(db, "companies"), company_name(name), stamp, stamp))
        return int(cur.lastrowid)

    # ----- interviews

    def add_interview(
        self,
        *,
        company: str | None,
        held_on: str,
        items: list[dict[str, str]] | tuple = (),
        stage: str = "",
        reaction: str = "",
        went_well: str = "",
        to_fix: str = "",
        audio_path: str | Path | None = None,
        answer_id: int | None = None,
        now: datetime | None = None,
    ) -> int:
        clean = [
            {"question": (i.get("question") or "").strip(), "answer": (i.get("answer") or "").strip()}
            for i in items
            if (i.get("question") or "").strip() or (i.get("answer") or "").strip()
        ]
        with self.transaction() as db:
            cid = self._company_id(db, company, now) if company else None
            cur = db.execute(
                "INSERT INTO interviews (id, company_id, held_on, stage, items_json, reaction, went_well,"
                " to_fix, audio_path, answer_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _next_id(db, "interviews"),
                    cid,
                    held_on,
                    stage,
                    json.dumps(clean, ensure_ascii=False),
                    reaction,
                    went_well,
                    to_fix,
                    _where(audio_path, self.home),
                    answer_id,
                    to_stamp(now),
                ),
            )
            return int(cur.lastrowid)

    def update_interview(self, id_: int, *, company: str | None = None, held_on: str | None = None,
                         stage: str | None = None, items: list[dict[str, str]] | None = None,
                         more_items: list[dict[str, str]] | tuple = (), reaction: str | None = None,
                         went_well: str | None = None, to_fix: str | None = None,
                         now: datetime | None = None) -> Interview | None:
        """Complete or correct the logged interview ``id_`` (QA s46 X #4: an interview whose log
        was cut off could only be logged again, as a second one): each field given replaces its
        text, ``items`` its questions (those left empty go), ``more_items`` are added after them,
        but for a question already logged (:func:`furikaeri.questions.same_question`), whose
        answer the one given replaces (QA s47 DD #4: giving it again logged it twice). None when
        there is no such interview."""
        def cleaned(given) -> list[dict[str, str]]:
            return [{"question": (i.get("question") or "").strip(), "answer": (i.get("answer") or "").strip()}
                    for i in given if (i.get("question") or "").strip() or (i.get("answer") or "").strip()]

        more = cleaned(more_items)
        with self.transaction() as db:
            row = db.execute("SELECT items_json, company_id FROM interviews WHERE id = ?", (id_,)).fetchone()
            if row is None:
                return None
            sets: dict[str, Any] = {k: v for k, v in (("held_on", held_on), ("stage", stage), ("reaction", reaction),
                                                      ("went_well", went_well), ("to_fix", to_fix)) if v is not None}
            if company is not None:
                sets["company_id"] = self._company_id(db, company, now) if company.strip() else None
            if more or items is not None:
                try:
                    kept = cleaned(items) if items is not None else json.loads(row["items_json"] or "[]")
                except (TypeError, ValueError):
                    kept = []
                sets["items_json"] = json.dumps(_with_items(kept if isinstance(kept, list) else [], more),
                                                ensure_ascii=False)
            if sets:
                db.execute(f"UPDATE interviews SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?",
                           (*sets.values(), id_))
            if row["company_id"] is not None and sets.get("company_id", row["company_id"]) != row["company_id"]:
                _drop_bare_company(db, int(row["company_id"]))  # moved away: a company of nothing goes (QA s49b KK #7)
        return self.interview(id_)

    def interviews(self, *, company: str | None = None) -> list[Interview]:
        sql = (
            "SELECT i.*, c.name AS company_name FROM interviews i LEFT JOIN companies c ON c.id = i.company_id"
        )
        args: tuple = ()
        if company:  # under each row of its name (:meth:`_company_rows`)
            ids = [r["id"] for r in self._company_rows(self.db, company)] or [-1]
            sql += f" WHERE i.company_id IN ({', '.join('?' * len(ids))})"
            args = tuple(ids)
        sql += " ORDER BY i.held_on DESC, i.id DESC"
        return [_interview(r, self.home) for r in self.db.execute(sql, args)]

    def interview(self, id_: int) -> Interview | None:
        r = self.db.execute(
            "SELECT i.*, c.name AS company_name FROM interviews i LEFT JOIN companies c ON c.id = i.company_id"
            " WHERE i.id = ?",
            (id_,),
        ).fetchone()
        return _interview(r, self.home) if r else None


# --------------------------------------------------------------------------- helpers


_SESSION_SQL = (
    "SELECT s.*, c.name AS company_name, COUNT(a.id) AS n FROM sessions s"
    " LEFT JOIN companies c ON c.id = s.company_id LEFT JOIN answers a ON a.session_id = s.id"
)
_ANSWER_LIGHT = (
    "id",
    "session_id",
    "question_id",
    "created_at",
    "audio_path",
    "transcript",
    "language",
    "model",
    "settings_json",
    "focus",
    *METRIC_COLUMNS,
)


#: The fillers of a stored analysis, without loading the rest of it (None where it is no JSON).
_FILLERS_JSON = "CASE WHEN json_valid(a.analysis_json) THEN json_extract(a.analysis_json, '$.fillers') END"
_ORDER_JSON = "CASE WHEN json_valid(a.analysis_json) THEN json_extract(a.analysis_json, '$.opening.order') END"
#: What :func:`unjudged_figures` reads of an analysis, for an answer loaded without it.
_UNJUDGED_JSON = ("CASE WHEN json_valid(a.analysis_json) THEN json_object("
                  + ", ".join(f"'{k}', json_extract(a.analysis_json, '$.{k}')"
                              for k in ("room_untrusted", "answer_s", "verdicts", "stats", "question", "echo_s"))
                  + ") END")


def _drop_bare_company(db: sqlite3.Connection, cid: int) -> None:
    """Delete company ``cid`` when nothing is known of it any more (:meth:`Store.delete_interview`,
    and an interview moved to another company)."""
    empty = " AND ".join(f"{f} = ''" for f in COMPANY_FIELDS)
    if db.execute(f"SELECT 1 FROM companies WHERE id = ? AND {empty}"
                  " AND NOT EXISTS (SELECT 1 FROM interviews WHERE company_id = ?)"
                  " AND NOT EXISTS (SELECT 1 FROM sessions WHERE company_id = ?)", (cid, cid, cid)).fetchone():
        db.execute("DELETE FROM companies WHERE id = ?", (cid,))
        _retire(db, "companies", cid)


def _newest_named(db: sqlite3.Connection, name: str) -> sqlite3.Row | None:
    """The newest session called exactly ``name`` (its id), or None."""
    return db.execute("SELECT id FROM sessions WHERE name = ? ORDER BY started_at DESC, id DESC LIMIT 1",
                      (name,)).fetchone()


#: The answers warned about by the command running (:func:`warned_once`), innermost last.
_WARNED: list[set[int]] = []


@contextlib.contextmanager
def warned_once() -> Iterator[None]:
    """While inside, every :class:`Store` opened shares which answers' unreadable values were
    said: a command that opens the archive several times (``analyze --save``: the focus, the
    save, the note check, the earlier attempt) says each once, not once per opening (QA s35 F #7)."""
    _WARNED.append(set())
    try:
        yield
    finally:
        _WARNED.pop()


#: The key of the warning that the clock is behind the archive's answers (:meth:`Store.first_said`).
CLOCK_BEHIND = 0

#: A session with no answer older than this (seconds) is one a killed save left (:meth:`Store._drop_left_sessions`).
LEFT_SESSION_AGE_S = 600.0


def _say_left_sessions(gone: list[str]) -> None:
    listed = ", ".join(gone)
    warn(f"removed {len(gone)} empty session{'s' if len(gone) > 1 else ''} an interrupted save had left ({listed})",
         ja=f"中断された保存が残した空のセッションを {len(gone)} 件削除しました（{listed}）")


def _say_new_session(name: str, old: int, new: int) -> None:
    """Say that a save by name started session ``new`` rather than join ``old``, which a
    `practice` of another process is saving into (:meth:`Store._joinable`)."""
    warn(f"session '{name}' (#{old}) is a practice still running in another window: this answer is saved "
         f"in a new session of that name (#{new}), so neither mixes with the other's answers",
         ja=f"セッション「{name}」（#{old}）は別の画面で練習中です。回答は同じ名前の新しいセッション（#{new}）に"
            "保存します（互いの回答が混ざらないように）")


def _lock_path(home: Path, sid: int) -> Path:
    """The file a `practice` holds locked while it saves into session ``sid`` (:meth:`Store._hold`)."""
    return home / ".running" / f"session-{sid}"


def _running(home: Path, sid: int) -> bool:
    """Does another process hold session ``sid`` (:meth:`Store._hold`): a `practice` saving
    into it now? The system lets its lock go when it ends, however it ends (a crash, a kill),
    so no stale mark ever keeps a session closed. False where it cannot be told (no flock)."""
    try:
        import fcntl
    except ImportError:  # Windows: told by nothing, joined as before
        return False
    try:
        fd = os.open(_lock_path(home, sid), os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _refuse_number_name(name: str) -> None:
    """A new session may not be named with digits alone: every command that takes a session
    (`compare --sessions 3 11`, `history`) reads "3" as session number 3, so it could never be
    named. One made before keeps its name, and is still found by it where no number is taken."""
    if typed_number(name) is not None:
        raise StoreError(f"a session name of digits only ({name.strip()}) would read as session number "
                         f"{name.strip()}: give it a word too (e.g. 'mock {name.strip()}')",
                         ja=f"数字だけのセッション名（{name.strip()}）はセッション番号 {name.strip()} と読まれます。"
                         f"言葉を添えてください（例: 「模擬 {name.strip()}」）")


def _typed_part(value: Any) -> str | None:
    """A note's part as written (:func:`_write_note`): ``None`` (kept as it is) for none, or
    for bytes that are no UTF-8 alone; else its text less them."""
    if value is None:
        return None
    text = str(value).replace("\ufffd", "").strip()
    return None if not text and "\ufffd" in str(value) else text


def _write_note(db: sqlite3.Connection, answer_id: int, note: dict[str, str | None], stamp: str) -> None:
    """An answer's note written: ``None`` keeps a part as it is. A byte typed that was no UTF-8
    (half a character a Backspace split, read as U+FFFD) is no part of what was meant: left out,
    so no part is saved as "�" and then read back as damage (QA s45b U #4); a part of such bytes
    alone keeps what it held (QA s49 HH #2: it was cleared, the note written before lost)."""
    row = db.execute("SELECT * FROM notes WHERE answer_id = ?", (answer_id,)).fetchone()
    fields = {k: _typed_part(note.get(k)) for k in ("wrong", "why", "next_time")}
    if row:
        merged = {k: (row[k] if v is None else v) for k, v in fields.items()}
        db.execute(
            "UPDATE notes SET wrong = ?, why = ?, next_time = ?, updated_at = ? WHERE id = ?",
            (merged["wrong"], merged["why"], merged["next_time"], stamp, row["id"]),
        )
    else:
        db.execute(
            "INSERT INTO notes (id, answer_id, wrong, why, next_time, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (_next_id(db, "notes"), answer_id, fields["wrong"] or "", fields["why"] or "", fields["next_time"] or "",
             stamp, stamp),
        )


def _session(r: sqlite3.Row) -> Session:
    return Session(
        id=r["id"],
        name=r["name"],
        kind=r["kind"],
        set_name=r["set_name"],
        language=r["language"],
        started_at=r["started_at"],
        company=r["company_name"],
        answer_count=r["n"],
    )


def _question(r: sqlite3.Row) -> Question:
    return Question(
        id=r["id"],
        key=r["key"],
        text=r["text"],
        language=r["language"],
        budget_s=_stored("budget_s", r["budget_s"]),
        set_name=r["set_name"],
        answer_count=r["n"],
    )


def _note(r: sqlite3.Row) -> Note:
    return Note(
        id=r["id"],
        answer_id=r["answer_id"],
        wrong=r["wrong"],
        why=r["why"],
        next_time=r["next_time"],
        created_at=r["created_at"],
        updated_at=r["updated_at"],
    )



#: Metric columns kept as whole numbers (``over_budget`` as 0/1).
_WHOLE_COLUMNS = frozenset({"over_budget", "filler_count", "repetitions", "long_pauses", "word_count", "hedges"})


def _stored(column: str, value: Any, unreadable: list[str] | None = None) -> Any:
    """A metric as read back: SQLite keeps a yes/no as 0/1, the analysis (and its JSON) as
    false/true; every output says ``over_budget`` the analysis's way. A value that is no
    finite number (text, bytes, infinity: written by hand or by another program) reads as
    None, a blank, and its column goes on ``unreadable``."""
    if value is None:
        return None
    number = value if isinstance(value, (int, float)) else _num(value) if isinstance(value, str) else None
    if number is None or not math.isfinite(number):
        if unreadable is not None:
            unreadable.append(column)
        return None
    if column == "over_budget":
        return bool(number)
    return int(number) if column in _WHOLE_COLUMNS and float(number).is_integer() else number


#: The columns an unreadable-values warning names, as a person knows them (English, Japanese):
#: never the database's own names ("settings_json", QA s44 J #3).
_COLUMN_SAID = {
    "question_id": ("question", "質問"), "settings_json": ("settings", "設定"), "session_name": ("session", "セッション"),
    "question_text": ("question", "質問"), "question_key": ("question", "質問"), "created_at": ("date", "日時"),
    "audio_path": ("recording", "録音"), "transcript": ("transcript", "文字起こし"), "language": ("language", "言語"),
    "model": ("model", "モデル"), "focus": ("focus", "重点"), "figures": ("figures", "数値"),
    "metrics_json": ("figures", "数値"), "analysis_json": ("report", "レポート"), "note": ("note", "メモ"),
    "fillers_json": ("fillers", "フィラー"), "unjudged_json": ("figures", "数値"),
}
def unreadable_said(columns: list[str], *, ja: bool = False) -> tuple[str, ...]:
    """The unreadable ``columns`` of a row as a person names them, each once, in English (the
    names ``--json`` gives) or in Japanese; any column not named holds a figure."""
    return tuple(dict.fromkeys(_COLUMN_SAID.get(c, _COLUMN_SAID["figures"])[ja] for c in columns))


#: Text columns that hold a name or a code, not words a person wrote: one byte that is no
#: UTF-8 in them (read as U+FFFD) makes the whole value unreadable.
_CODES = frozenset({"question_key", "audio_path", "language", "model", "focus", "created_at"})


def _text(r: sqlite3.Row, column: str, unreadable: list[str], blank: str | None = None) -> str | None:
    """A text column as read back: a value that is no text reads as ``blank``, noted; so does
    one a damaged page garbled (bytes read as U+FFFD: any in a code or name, :data:`_CODES`;
    half its characters in words a person wrote), never shown as "����" (QA s44 J #3)."""
    value = r[column]
    if value is None:
        return blank
    if isinstance(value, str) and not (value and value.strip("\x00") == "") and not _garbled(column, value):
        return value
    unreadable.append(column)  # no text, NUL bytes alone (a page zeroed under it), or garbled
    return blank


def _garbled(column: str, value: str) -> bool:
    """Is text ``value`` of ``column`` bytes a damaged page garbled (:func:`_text`)? A code or
    a name with any byte that is no UTF-8; words a person wrote when at least half of them is
    such bytes, and more than a typing slip leaves: a Backspace that split a Japanese character
    leaves one or two in what was typed, kept as typed (「緊�」 is a note, QA s45 S #3), where a
    page overwritten leaves runs of them, or nothing else."""
    lost = value.count("\ufffd")
    if lost == 0:
        return False
    if column in _CODES:
        return True
    return 2 * lost >= len(value) and (lost >= 3 or not any(c.isalnum() for c in value))


def _language(r: sqlite3.Row, unreadable: list[str]) -> str | None:
    """An answer's language as read back: one furikaeri speaks, else None (noted): a code
    written by another program ("xx") would be named in messages as if it were one."""
    from furikaeri.lang import LANGUAGES

    value = _text(r, "language", unreadable)
    if value is None or value in LANGUAGES:
        return value
    unreadable.append("language")
    return None


def _json_dict(r: sqlite3.Row, column: str, unreadable: list[str]) -> dict[str, Any] | None:
    """A JSON object column as read back; None (noted) when it is no JSON object ('' is {})."""
    if r[column] in ("", "{}"):
        return {}
    try:
        value = json.loads(r[column])
    except (TypeError, ValueError):
        value = None
    if isinstance(value, dict):
        return value
    unreadable.append(column)
    return None


def _when_stored(r: sqlite3.Row, column: str, unreadable: list[str]) -> str:
    """A stored time (ISO 8601 text); '' (noted) for one that is no time."""
    value = r[column]
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            datetime.fromisoformat(value)
            return value
    unreadable.append(column)
    return ""


def _answer_note(r: sqlite3.Row, unreadable: list[str]) -> Note | None:
    if r["n_id"] is None:
        return None
    before = len(unreadable)
    texts = {k: _text(r, k, unreadable, "") for k in ("n_wrong", "n_why", "n_next", "n_created", "n_updated")}
    if len(unreadable) > before:
        del unreadable[before:]
        unreadable.append("note")
    return Note(id=r["n_id"], answer_id=r["id"], wrong=texts["n_wrong"], why=texts["n_why"],
                next_time=texts["n_next"], created_at=texts["n_created"], updated_at=texts["n_updated"])


def _answer_analysis(r: sqlite3.Row, unreadable: list[str]) -> dict[str, Any] | None:
    """The stored analysis as today's schema; None (noted) when it cannot be read."""
    analysis = _json_dict(r, "analysis_json", unreadable)
    if analysis is None:
        return None
    from furikaeri.analysis import upgrade

    try:
        return upgrade(analysis)  # an answer stored under an older schema reads as today's
    except (TypeError, ValueError, AttributeError, KeyError):
        unreadable.append("analysis_json")
        return None


def _answer(r: sqlite3.Row, full: bool, unreadable: list[str] | None = None) -> Answer:
    """An answer's row as an :class:`Answer`. A stored value that cannot be read (text where a
    figure belongs, an analysis that is no JSON object, a time that is no time) is left blank
    (None, '' or {}, as an answer that never had it) and its column goes on ``unreadable``: one
    garbled answer still shows what can be read of it, and never hides the others."""
    bad: list[str] = [] if unreadable is None else unreadable
    question_id = r["question_id"]
    if question_id is not None and not isinstance(question_id, int):
        bad.append("question_id")
        question_id = None
    settings = _json_dict(r, "settings_json", bad)
    answer = Answer(
        id=r["id"],
        session_id=r["session_id"],
        session_name=_text(r, "session_name", bad, ""),
        question_id=question_id,
        question=_text(r, "question_text", bad),
        question_key=_text(r, "question_key", bad),
        created_at=_when_stored(r, "created_at", bad),
        audio_path=_text(r, "audio_path", bad),
        transcript=_text(r, "transcript", bad, ""),
        language=_language(r, bad),
        model=_text(r, "model", bad),
        settings=settings if settings is not None else {},
        metrics=_metrics(r, bad),
        note=_answer_note(r, bad),
        analysis=_answer_analysis(r, bad) if full else None,
        focus=_text(r, "focus", bad),
    )
    if full:
        listed = answer.analysis.get("fillers") if answer.analysis else None
        opening = answer.analysis.get("opening") if answer.analysis else None
        order = opening.get("order") if isinstance(opening, dict) else None
    else:
        listed, order = _json_list(r["fillers_json"]), r["opening_order"]
    read = _read_parts(answer.analysis if full else r["unjudged_json"])  # read once, for each of the three
    unjudged = _unjudged_of(read)
    # blank as saved today though saved before a rule blanked them (a noisy room's length: QA s55 AO #2)
    metrics = {**answer.metrics, **dict.fromkeys(f for f in unjudged["unjudged"] if f in answer.metrics)}
    return dataclasses.replace(answer, fillers=filler_texts(listed), metrics=metrics,
                               asked_s=_asked_of(read, answer.question), echo_s=_echo_of(read),
                               opening_order=order if order in ("point_first", "story_first") else None,
                               **unjudged)


def _with_items(kept: list, more: list[dict[str, str]]) -> list:
    """A logged interview's questions ``kept`` with ``more`` after them; a question of ``more``
    already among them (:func:`furikaeri.questions.same_question`) is not added again: the answer
    given with it (if any) replaces that question's."""
    from furikaeri.questions import same_question

    out = list(kept)
    for item in more:
        same = same_question(item["question"]) if item["question"] else None
        at = next((k for k, old in enumerate(out)
                   if same and isinstance(old, dict) and same(str(old.get("question") or ""))), None)
        if at is None:
            out.append(item)
        elif item["answer"]:
            out[at] = {**out[at], "answer": item["answer"]}
    return out


def _read_parts(analysis: dict[str, Any] | str | None) -> dict[str, Any] | None:
    """An answer's analysis, or the JSON of the parts of it a light load reads
    (:data:`_UNJUDGED_JSON`), as a dict; None where it cannot be read (a damaged row)."""
    try:
        d = json.loads(analysis) if isinstance(analysis, str) else analysis
    except (TypeError, ValueError):
        return None
    return d if isinstance(d, dict) else None


def _asked_of(d: dict[str, Any] | None, question: str | None) -> float | None:
    """The length (s) the question an answer was given for asks it to take, as typed (its
    analysis's ``question``, ``d``: 「1分で自己紹介をお願いします」, saved under the set's 「自己紹介を
    お願いします。」, QA s55 AQ #1), else as stored (:func:`furikaeri.questions.asked_length`)."""
    from furikaeri.questions import asked_length

    typed = d.get("question") if d is not None and isinstance(d.get("question"), str) else None
    return asked_length(typed) or asked_length(question)


def _echo_of(d: dict[str, Any] | None) -> float | None:
    """The echo score of the room an answer was said in (its analysis's ``echo_s``, ``d``), or None."""
    echo = d.get("echo_s") if d is not None else None
    return float(echo) if isinstance(echo, (int, float)) and not isinstance(echo, bool) else None


def _unjudged_of(d: dict[str, Any] | None) -> dict[str, Any]:
    """:func:`unjudged_figures` (``unjudged``) and :func:`lower_bounds` (``floors``) of an
    analysis, or of the parts of it a light load reads (``d``); none for parts that cannot be
    read (a damaged row says so otherwise)."""
    try:
        if d is not None:
            return {"unjudged": unjudged_figures(d), "floors": lower_bounds(d)}
    except (TypeError, ValueError, AttributeError):
        pass
    return {"unjudged": (), "floors": {}}


def _metrics(r: sqlite3.Row, unreadable: list[str]) -> dict[str, Any]:
    """An answer's figures as read back (:func:`_stored`). A budget of 0 s or less is never
    saved (every budget is 5 s at least): a row that says so was overwritten (a zeroed page
    reads as zeros), and none of its figures can be trusted. They are all left blank, noted
    as ``figures``, rather than shown as a 0-s answer at 0 wpm that would become a personal
    best."""
    metrics = {c: _stored(c, r[c], unreadable) for c in METRIC_COLUMNS}
    budget = metrics.get("budget_s")
    if budget is not None and budget <= 0:
        unreadable.append("figures")
        return dict.fromkeys(METRIC_COLUMNS)
    return metrics


def _json_list(raw: Any) -> list[Any] | None:
    """A JSON array stored as text, or None (no text, no JSON, no array)."""
    try:
        value = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
    return value if isinstance(value, list) else None


def filler_texts(listed: Any) -> tuple[str, ...] | None:
    """The texts of an analysis' fillers list (a stored one of any schema: repeated words listed
    among the fillers, kind ``repetition``, were no fillers then either), None without a list."""
    if not isinstance(listed, list):
        return None
    return tuple(str(f.get("text") or "") for f in listed if isinstance(f, dict) and f.get("kind") != "repetition")


def _company(r: sqlite3.Row) -> Company:
    return Company(**{k: r[k] for k in ("id", "name", *COMPANY_FIELDS, "created_at", "updated_at")})


def _merged(rows: list[sqlite3.Row]) -> Company:
    """One company of the ``rows`` of one name (:meth:`Store._company_rows`): the first made, each
    research field it left empty filled from a later row that has it."""
    first = _company(rows[0])
    filled = {k: next((r[k] for r in rows if r[k]), rows[0][k]) for k in COMPANY_FIELDS}
    return dataclasses.replace(first, **filled)


def _interview(r: sqlite3.Row, home: Path) -> Interview:
    try:
        items = json.loads(r["items_json"] or "[]")
    except (TypeError, ValueError):
        items = []
    # what was asked and answered; anything else stored there (written by hand) is left out
    items = tuple({"question": str(i.get("question") or ""), "answer": str(i.get("answer") or "")}
                  for i in (items if isinstance(items, list) else ()) if isinstance(i, dict))
    return Interview(
        id=r["id"],
        company=r["company_name"],
        held_on=r["held_on"],
        stage=r["stage"],
        items=items,
        reaction=r["reaction"],
        went_well=r["went_well"],
        to_fix=r["to_fix"],
        audio_path=located(r["audio_path"], home),
        answer_id=r["answer_id"],
        created_at=r["created_at"],
    )


def _refuse_newer(db: sqlite3.Connection, path: Path) -> None:
    """A database migrated by a newer furikaeri has migrations this code does not know: writing
    to it could break what the newer code expects, so stop and say so."""
    has = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    if not has:
        return
    known = {fn.__name__ for fn in MIGRATIONS}
    unknown = [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY name") if r[0] not in known]
    if unknown:
        raise StoreError(
            f"the practice database {path} was written by a newer furikaeri (schema {unknown[-1]}); "
            "upgrade furikaeri to open it",
            ja=f"練習データベース {path} は新しい furikaeri で書き込まれています（スキーマ {unknown[-1]}）。"
            "開くには furikaeri を更新してください",
        )


def _set_wal(db: sqlite3.Connection, timeout_s: float) -> None:
    """Switch to WAL. Changing the journal mode can report "locked" without waiting on the busy
    handler while another process opens the same new file, so retry until the timeout."""
    if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return  # already: asking again would take a lock another writer may hold
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"the database cannot use WAL mode (got {mode}); is it on a network drive?",
                                 ja=f"データベースで WAL モードを使えません（{mode} になりました）。"
                                 "ネットワークドライブ上にありませんか")
            return
        except sqlite3.OperationalError as e:
            if ("locked" not in str(e) and "busy" not in str(e)) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _check_intact(db: sqlite3.Connection, path: Path) -> None:
    """Raise :class:`DamagedError` (the file copied aside) when ``PRAGMA quick_check`` finds a
    problem, saying how many (what can still be read of it: :func:`_salvaged`)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        result = [row[0] for row in db.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as e:
        if _is_damage(e):  # too damaged to list its problems (a table's root page): what reads is shown all the same
            # (QA s43 C #1: one table's root hid every answer); past a broken header only where its
            # pages hold answers (QA s46 Y #4: they were named, then refused; s51 UU #3: page 1 lost)
            error = _damaged(path, e, readable=_salvageable(path))
            error.problems, error.more = 1, True
            raise error from e
        raise
    if result != ["ok"]:
        error = _damaged(path, _problems(result), readable=True)
        error.problems, error.more = max(1, len(_problem_lines(result))), len(result) >= 100
        raise error


def _upgraded_in_memory(db: sqlite3.Connection, upto: int | None) -> sqlite3.Connection:
    """A copy in memory of the database ``db`` (closed), its migrations applied there."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.backup(mem)
        mem.row_factory = db.row_factory
        mem.text_factory = db.text_factory
        mem.execute("PRAGMA foreign_keys = ON")
        migrate(mem, upto=upto)
        _check_layout(mem)
    except BaseException:
        mem.close()
        raise
    finally:
        db.close()
    return mem


def _salvaged_from(source: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    """:func:`_salvaged` of ``source`` (a database of a newer furikaeri refused), ``source`` closed."""
    with contextlib.closing(source):
        source.text_factory = _text_as_stored
        _refuse_newer(source, path)
        return _salvaged(source, path)


def _salvaged_by_pages(path: Path) -> sqlite3.Connection | None:
    """The rows of the damaged database file ``path`` read from its pages alone
    (:func:`_rows_from_pages`) into this furikaeri's tables, in memory: for a file whose list of
    tables SQLite cannot read (a page of ``sqlite_master`` overwritten: QA s51 TT #2, every page of
    rows whole and nothing shown), so none of its tables can be walked. Each of :data:`OWN_TABLES`
    has a shape of its own (:func:`_fits`: a sessions row's time stamp is where a question's set
    is, and so on), so a row goes to its table. A session the answers name that was not found is
    made again (:func:`_bookkeeping_restored`). None when no answer could be read."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(db)
        if not _rows_from_pages(db, path, "answers"):
            db.close()
            return None
        for table in OWN_TABLES:
            _rows_from_pages(db, path, table)
        _bookkeeping_restored(db)
        return db
    except (sqlite3.Error, StoreError, OSError):
        db.close()
        return None


def _salvageable(path: Path) -> bool:
    """Can the commands that only read show something of the damaged file ``path``, as
    :meth:`Store._open_salvaged` reads it (its rows as SQLite reads them, else the file cut to
    whole pages, else its pages alone)? What a save's error promises of them (QA s54 AJ #5: "history,
    show and export still show what can be read", where they refused a copy cut off inside its
    list of tables)."""
    db = None
    try:
        with contextlib.suppress(sqlite3.Error, StoreError, OSError):
            db = _salvaged_from(_connect_read_only(path, 1.0), path)
        if db is None:
            try:
                db = _salvaged_from(_mended(path), path)
            except (sqlite3.Error, StoreError, OSError):
                db = _salvaged_by_pages(path)
        if db is None:
            return False
        migrate(db)
        _check_layout(db)
        return True
    except (sqlite3.Error, StoreError, OSError):
        return False
    finally:
        if db is not None:
            db.close()


def _mended(path: Path) -> sqlite3.Connection:
    """The damaged database file ``path`` as SQLite can open it where it refuses the file itself,
    in memory (the file is left as it is): cut to whole pages, its header's page count set to the
    pages it holds. A copy cut off partway (a copy to a stick interrupted, a download stopped early)
    is shorter than its header says, and SQLite then reads none of it, though every page it still
    holds is whole (QA s51 TT #1: 79 pages of 80, all 18 answers readable, none shown). Its log
    (``-wal``) is not read here; the salvage reads its pages (:func:`_rows_from_pages`). Raises
    :class:`sqlite3.Error` (or :class:`OSError`) when that does not open it either."""
    data = bytearray(path.read_bytes())
    if len(data) < 100 or not data.startswith(b"SQLite format 3\x00"):
        raise sqlite3.DatabaseError("file is not a database")
    size = int.from_bytes(data[16:18], "big")
    size = 65536 if size == 1 else size
    if size < 512 or size & (size - 1) or len(data) < size:
        raise sqlite3.DatabaseError("file is not a database")
    del data[len(data) // size * size:]
    data[28:32] = (len(data) // size).to_bytes(4, "big")
    data[18:20] = b"\x01\x01"  # a rollback journal's: a write-ahead log needs files, and memory has none
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        db.deserialize(bytes(data))
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        db.close()
        raise
    return db


def _salvaged(source: sqlite3.Connection, path: Path | None = None) -> sqlite3.Connection:
    """Every row and value SQLite still reads of the damaged database ``source``, copied into a
    new database in memory made with its own statements (its indexes made again, from the rows):
    a damaged page loses the rows on it, or the values it held, never the others. A value lost
    is stored as U+FFFD, which reads as one that cannot be read (left blank, with the warning
    that names the answer); a row that still cannot be stored again is left out. The answers
    and notes SQLite cannot reach (a table's root page damaged hides them all) are read from
    the file's pages (``path``, :func:`_rows_from_pages`). Raises :class:`sqlite3.Error` when
    not even the database's list of tables can be read."""
    schema = source.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                            " AND name NOT LIKE 'sqlite_%'").fetchall()
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for kind, name, sql in schema:
            if kind == "table":
                db.execute(sql)
        for kind, name, sql in schema:
            if kind == "table":
                _copy_rows(source, db, name)
        if path is not None:
            for name in PAGE_READ_TABLES:
                with contextlib.suppress(sqlite3.Error):
                    _rows_from_pages(db, path, name)
        with contextlib.suppress(sqlite3.Error):  # AUTOINCREMENT's numbers: never given again
            for seq_name, seq in source.execute("SELECT name, seq FROM sqlite_sequence"):
                db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (seq_name, seq))
        _bookkeeping_restored(db)
        for kind, name, sql in schema:
            if kind != "table":
                with contextlib.suppress(sqlite3.Error):  # an index the rows no longer fit: reads need none
                    db.execute(sql)
    except BaseException:
        db.close()
        raise
    return db


#: The name of a session whose row a damaged page took, made again for the answers that name it.
LOST_SESSION_NAME = "?"


def _bookkeeping_restored(db: sqlite3.Connection) -> None:
    """The rows a damaged page took that the rest of the salvaged database ``db`` tells again
    (QA s43 F #2, #3): the migrations applied, where ``_migrations`` lost its rows (the longest
    run of them whose tables and columns are all there: else every view failed, though each
    table read), and a session for the answers whose session's row was lost (named
    :data:`LOST_SESSION_NAME`, begun at its first answer: else every view hid them, and the
    repaired archive gave their session's number to a new one)."""
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_migrations" in tables and not db.execute("SELECT 1 FROM _migrations LIMIT 1").fetchone():
        have, names = _layout(db), [fn.__name__ for fn in MIGRATIONS]
        for k in range(len(names), 0, -1):
            if all(t in have and cols <= have[t] for t, cols in _expected_layout(tuple(names[:k])).items()):
                db.executemany("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                               [(n, to_stamp(None)) for n in names[:k]])
                break
    if {"sessions", "answers"} <= tables:
        with contextlib.suppress(sqlite3.Error):
            lost = db.execute("SELECT session_id, min(created_at) FROM answers WHERE session_id IS NOT NULL"
                              " AND session_id NOT IN (SELECT id FROM sessions) GROUP BY session_id").fetchall()
            db.executemany("INSERT INTO sessions (id, name, started_at) VALUES (?, ?, ?)",
                           [(sid, LOST_SESSION_NAME, first if isinstance(first, str) else to_stamp(None))
                            for sid, first in lost])


def _kept_readable(db: sqlite3.Connection, copy: Path | None) -> Path | None:
    """What could be read of a damaged database (``db``), written once beside its copy set aside
    (``furikaeri.db.readable-<its digest>``): a sound database of this furikaeri's schema that can
    take the damaged one's place, the archive's repair. None when it cannot be written (a
    read-only folder, a full disk: the person can still export what is shown)."""
    if copy is None:
        return None
    readable = copy.with_name(copy.name.replace(".damaged-", ".readable-"))
    if readable.exists():
        return readable
    part = readable.with_name(readable.name + ".part")
    try:
        part.unlink(missing_ok=True)
        db.execute("VACUUM INTO ?", (str(part),))
        os.replace(part, readable)  # whole or not at all
        return readable
    except (sqlite3.Error, OSError):
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        return None


def _copy_rows(source: sqlite3.Connection, db: sqlite3.Connection, table: str) -> None:
    """Copy what can be read of ``table``'s rows; a row it cannot store (a value that must be
    unique, read from a damaged page twice) is left out."""
    columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
    named = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT INTO "{table}" ({named}) VALUES ({", ".join("?" * len(columns))})'
    for rowid in _rowids(source, table):
        row = _read_row(source, table, columns, rowid)
        if row is None:  # reached by a scan, not found by its number (a broken page's header)
            continue
        with contextlib.suppress(sqlite3.Error):
            db.execute(insert, row)


#: The tables whose rows SQLite cannot reach are looked for on the file's pages: what a person
#: said and wrote (the other tables' rows are few, and a lost one is made again or named "?").
PAGE_READ_TABLES = ("answers", "notes")
#: The tables read from the pages of a file whose list of tables is lost (:func:`_salvaged_by_pages`).
OWN_TABLES = ("notes", "sessions", "questions", "companies", "interviews")


def _rows_from_pages(db: sqlite3.Connection, path: Path, table: str) -> int:
    """Add to ``table`` of the salvaged ``db`` the rows its leaf pages in the file ``path`` hold
    that SQLite could not reach (:func:`furikaeri.pages.leaf_rows`; QA s46 Y #1: random bytes
    over the answers' root page hid all 36 answers, their 24 leaf pages whole). A row is the
    table's when its record has the table's shape (:func:`_fits`); one whose number the table
    holds already is SQLite's reading, kept. Returns how many were added."""
    from furikaeri.pages import leaf_rows

    info = db.execute(f'PRAGMA table_info("{table}")').fetchall()
    if not info or info[0][1] != "id" or info[0][5] != 1:
        return 0
    have = {r[0] for r in db.execute(f'SELECT id FROM "{table}"')}
    added = 0
    for row in leaf_rows(path, lambda values: _fits(values, info)):
        if row.rowid in have or row.rowid < 1:
            continue
        values = (row.rowid, *row.values[1:])
        named = ", ".join(f'"{c[1]}"' for c in info[:len(values)])
        with contextlib.suppress(sqlite3.Error):
            db.execute(f'INSERT INTO "{table}" ({named}) VALUES ({", ".join("?" * len(values))})', values)
            have.add(row.rowid)
            added += 1
    return added


_STAMP = re.compile(r"\d{4}-\d\d-\d\d")


def _fits(values: tuple[Any, ...], info) -> bool:
    """Has a record the shape of the table described by ``info`` (``PRAGMA table_info``)? Its id
    stored as the row's number (NULL), no more values than columns and every column it lacks
    one with a default (added since the row was written), each value of its column's type, no
    NULL where the column forbids it, and a time stamp in each ``*_at`` column."""
    if not values or values[0] is not None or len(values) > len(info):
        return False
    for _, name, kind, notnull, default, _ in info[len(values):]:
        if notnull and default is None:
            return False
    for value, (_, name, kind, notnull, _, _) in zip(values[1:], info[1:]):
        if value is None:
            if notnull:
                return False
            continue
        kind = (kind or "").upper()
        if ("INT" in kind and not isinstance(value, int)) or ("TEXT" in kind and not isinstance(value, str)) \
                or (kind == "REAL" and not isinstance(value, (int, float))):
            return False
        if name.endswith("_at") and not (isinstance(value, str) and _STAMP.match(value)):
            return False
    return True


def _read_row(source: sqlite3.Connection, table: str, columns: list[str], rowid: int) -> list[Any] | None:
    """Row ``rowid`` of ``table``: whole when it can be read whole, else value by value, U+FFFD
    for each that cannot be read (a broken overflow page loses the values stored on it and
    after it, not the ones before); None when no row of that number can be found (a scan
    reached it over a page whose header is broken: QA s41 B2 #2, ``history`` failed with a
    TypeError)."""
    named = ", ".join(f'"{c}"' for c in columns)
    with contextlib.suppress(sqlite3.DatabaseError):
        found = source.execute(f'SELECT {named} FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
        return None if found is None else list(found)
    values: list[Any] = []
    for c in columns:
        try:
            found = source.execute(f'SELECT "{c}" FROM "{table}" WHERE rowid = ?', (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            values.append("\ufffd")
            continue
        if found is None:
            return None
        values.append(found[0])
    return values


def _rowids(source: sqlite3.Connection, table: str, *, gap: int = 10_000) -> Iterator[int]:
    """The row numbers of ``table`` that can still be reached, in order. A damaged page stops
    a scan: the scan goes on from past it, trying each next number up to ``gap`` beyond the
    last one read (a damaged page of answers holds a few of them; of notes, a few hundred)."""
    after, misses = None, 0
    while misses <= gap:
        start = -(2 ** 63) if after is None else after + 1 + misses
        try:
            for (rowid,) in source.execute(f'SELECT rowid FROM "{table}" WHERE rowid >= ? ORDER BY rowid', (start,)):
                if after is not None and rowid <= after:
                    return  # a damaged page leading back: nothing more to be found this way
                yield rowid
                after, misses = rowid, 0
            return
        except sqlite3.DatabaseError:
            if after is None:
                after = 0  # the first rows are past reach: look from 1 on (ids start at 1)
            misses += 1


def _check_layout(db: sqlite3.Connection) -> None:
    """Raise :class:`LayoutError` when tables or columns the applied migrations made are
    missing (:func:`layout_problem`): every read of them would fail."""
    with _snapshot(db):  # tables and _migrations as of one moment, while another process migrates
        problem = layout_problem(db)
    if problem:
        raise LayoutError(problem[0], ja=problem[1])


def _is_locked(e: Exception) -> bool:
    return "locked" in str(e) or "busy" in str(e)


def _locked(path: Path) -> StoreError:
    """Another process held the write lock for longer than ``busy_timeout``."""
    return StoreError(
        f"the database {path} stayed locked by another process (another furikaeri, or a program that opened it); "
        "try again when it has finished",
        ja=f"データベース {path} が別のプロセス（別の furikaeri か、このファイルを開いたプログラム）に"
        "ロックされたままです。そちらが終わってからやり直してください",
    )


def _cannot_open(path: Path, e: sqlite3.DatabaseError) -> StoreError:
    """The error for a database that could not be opened: damaged (copied aside), or why not."""
    if _is_damage(e):
        return _damaged(path, e)
    return StoreError(f"cannot open the database {path}: {_explained(e)}",
                      ja=f"データベース {path} を開けません: {_explained(e, 'ja')}")


def _is_damage(e: Exception) -> bool:
    text = str(e).lower()
    return any(s in text for s in ("not a database", "malformed", "corrupt", "disk image"))


def _damaged(path: Path, why: object, *, layout: bool = False, readable: bool = False) -> DamagedError:
    """Copy the damaged file aside, with its WAL when that holds changes not yet written into
    it (an empty WAL, or the ``-shm`` index SQLite rebuilds from the WAL, would only make the
    copy look like a database in use), and explain; never reset it. ``layout``: it is a sound
    SQLite file whose tables are not this furikaeri's (a table or column gone), set aside and
    explained the same way. ``readable``: ``PRAGMA quick_check`` could list its problems, so
    the commands that only read show what can still be read of it (:meth:`Store._open_salvaged`)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:8]
    backup = path.with_name(f"{path.name}.damaged-{digest}")
    try:
        if not backup.exists():
            shutil.copy2(path, backup)
            wal = path.with_name(path.name + "-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                shutil.copy2(wal, backup.with_name(backup.name + "-wal"))
        where = f"a copy is at {backup}"
        where_ja = f"コピーを {backup} に保存しました"
    except OSError as e:
        backup = None
        where = f"copying it aside failed too ({_one_line(e.strerror or e)})"
        where_ja = f"別の場所へのコピーにも失敗しました（{os_reason(e, 'ja')}）"
    error = _damage_said(path, why, where, where_ja, layout, readable)
    error.path, error.copy = path, backup
    if readable:  # what is said should reading it fail all the same
        error.unread = _damage_said(path, why, where, where_ja, layout)
        error.unread.path, error.unread.copy = path, backup
    return error


def _damage_said(path: Path, why: object, where: str, where_ja: str, layout: bool,
                 readable: bool = False) -> DamagedError:
    """:func:`_damaged`'s line: what is wrong with ``path``, ``where`` its copy is, what to do
    (``readable``: what can be read of it is shown by the commands that only read)."""
    if layout:
        why_ja = why.said_in("ja") if isinstance(why, StoreError) else why
        return DamagedError(
            f"the practice database {path} is not laid out as this furikaeri expects ({_one_line(why)}); "
            f"{where}. Nothing was changed: restore it from a backup, or move it and the audio folder away "
            "to start a new archive",
            ja=f"練習データベース {path} の構成がこの furikaeri の想定と違います（{_one_line(why_ja)}）。{where_ja}。"
            "何も変更していません: バックアップから復元するか、このファイルと音声フォルダを別の場所に移して"
            "新しいアーカイブを始めてください",
        )
    if readable:
        return DamagedError(
            f"the practice database {path} is damaged ({_one_line(why)}); {where}. Nothing was changed: "
            "history, show and export still show what can be read of it, and say how to repair it; "
            "or restore it from a backup",
            ja=f"練習データベース {path} が壊れています{_why_ja(why)}。{where_ja}。何も変更していません: "
            "history・show・export では読める分を表示でき、直し方も表示します。バックアップから復元することもできます",
        )
    return DamagedError(
        f"the practice database {path} is damaged ({_one_line(why)}); {where}. Nothing was changed: "
        "restore it from a backup, or move the damaged file and the audio folder away to start a new archive",
        ja=f"練習データベース {path} が壊れています{_why_ja(why)}。{where_ja}。何も変更していません: "
        "バックアップから復元するか、壊れたファイルと音声フォルダを別の場所に移して新しいアーカイブを始めてください",
    )


def _why_ja(why: object) -> str:
    """What is wrong, for a Japanese line: furikaeri's own reason in Japanese; SQLite's (English,
    "Page 3: btreeInitPage() returns error code 11") only as the library's name, since a Japanese
    line with an English clause inside reads as untranslated and its detail helps no one repair."""
    if isinstance(why, StoreError):
        return f"（{_one_line(why.said_in('ja'))}）"
    return "（SQLite がファイルの一部を読めません）"


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _problems(rows: list[object]) -> str:
    """``PRAGMA quick_check``'s rows as one line: a row may hold many problems, one a line,
    under a ``*** in database main ***`` heading; the count and the first problem say enough."""
    found = _problem_lines(rows)
    if len(found) <= 1:
        return _one_line(found[0] if found else rows)
    many = f"{len(found)}+" if len(rows) >= 100 else str(len(found))  # quick_check stops at 100 rows
    return f"{many} problems, first: {_one_line(found[0])}"


def _problem_lines(rows: list[object]) -> list[str]:
    """The problems ``PRAGMA quick_check`` found, one a line."""
    return [ln.strip() for row in rows for ln in str(row).splitlines()
            if ln.strip() and not ln.strip().startswith("***")]


def _explained(e: Exception, lang: str = "en") -> str:
    """SQLite's error in language ``lang`` (:func:`furikaeri.errors.sqlite_reason`: a Japanese
    line gets a Japanese reason, never SQLite's English inside it), with a hint when a full disk
    is the likely cause: "disk I/O error" is what opening says when the journal files cannot grow."""
    text = sqlite_reason(e, lang)
    if "disk i/o" not in _one_line(e).lower():
        return text
    return f"{text}。ディスクがいっぱいかもしれません" if lang == "ja" else f"{text}; is the disk full?"


def _unwritable_files(home: Path) -> list[Path]:
    """The database and journal files of ``home`` that this process may not write (``chmod
    444 furikaeri.db``); none when the folder itself is read-only (that is what to say) or for
    root, who may write any file."""
    path = db_path(home)
    files = [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))]
    try:
        if not os.access(home, os.W_OK):
            return []
        return [f for f in files if f.is_file() and not os.access(f, os.W_OK)]
    except OSError:
        return []


def _read_only_file_message(home: Path, file: Path, lang: str = "en") -> str:
    """Why nothing can be saved when the folder is writable but a file of the archive is not."""
    if lang == "ja":
        return (f"アーカイブのファイル {file} が読み取り専用のため、アーカイブ {home} には保存できません。"
                "そのファイルを書き込めるようにするか、書き込める場所にコピーして --home で指定してください")
    return (f"the archive's file {file} is read-only, so nothing can be saved in the archive {home}: "
            "make that file writable, or copy the archive somewhere writable and use --home")


def _read_only_message(home: Path, cause: Exception | None = None, lang: str = "en") -> str:
    """Why nothing can be saved: a file of the archive is read-only (named), the folder is
    read-only, or (``cause``) SQLite could only read (``lang``: ``"ja"`` for the line in
    Japanese)."""
    files = _unwritable_files(home)
    if files:
        return _read_only_file_message(home, files[0], lang)
    if lang == "ja":
        what = (f"アーカイブのフォルダ {home} は読み取り専用です" if cause is None else
                f"アーカイブ {home} はここでは読み取りしかできません（{sqlite_reason(cause, 'ja')}）")
        return f"{what}。ここには保存できないため、書き込める場所にコピーして --home で指定するか、書き込めるようにしてください"
    what = (f"the archive folder {home} is read-only" if cause is None else
            f"the archive {home} can only be read here ({_one_line(cause)})")
    return f"{what}, so nothing can be saved there: copy it somewhere writable and use --home, or make it writable"


def _read_only_why(home: Path, cause: Exception | None = None) -> tuple[str, str]:
    """:func:`_read_only_message` in English and in Japanese."""
    return _read_only_message(home, cause), _read_only_message(home, cause, lang="ja")


#: Write failures that mean "no room": the disk is full, the user's quota is used up, or the
#: file passed a size limit (``ulimit -f``, the file system's largest file).
FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _disk_full_message(home: Path, lang: str = "en", code: int = errno.ENOSPC) -> str:
    if lang == "ja":
        what = {errno.EDQUOT: "ディスクの割り当て（クォータ）を使い切りました",
                errno.EFBIG: "ファイルがこのシステムで扱える大きさを超えました"}.get(code, "ディスクがいっぱいになりました")
        fix = ("ファイルサイズの上限（ulimit -f）を上げてから" if code == errno.EFBIG else "空きを作ってから")
        return (f"アーカイブ {home} への保存中に{what}。{fix}やり直してください。"
                "今回の内容は保存されていませんが、これまでに保存した内容はそのままです")
    what = {errno.EDQUOT: "disk quota used up", errno.EFBIG: "a file grew past the size this system allows"}.get(
        code, "disk full")
    # a size limit is no full disk: freeing space does not help there (QA s43 C #7)
    fix = "raise the file-size limit (ulimit -f)" if code == errno.EFBIG else "free some space"
    return (f"{what} while saving into the archive {home}: {fix} and try again; this was not "
            "saved, and what was saved before is untouched")


def _inside(path: Path, folder: Path) -> bool:
    try:
        return Path(path).resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError):
        return False


def _saved_recordings(home: Path) -> list[Path]:
    try:
        return [f for f in audio_dir(home).iterdir() if f.is_file() and not f.name.startswith(".")]
    except OSError:
        return []


def _refuse_lost_database(home: Path, path: Path) -> None:
    """No database, or an empty file, beside saved recordings: the database was deleted,
    emptied or cut off. SQLite would start a new, empty one, and the answers behind those
    recordings would be gone without a word; so stop and say how to go on."""
    kept = _saved_recordings(home)
    if not kept:
        return  # a new archive
    from furikaeri.lang import counted

    recordings = f"{counted(len(kept), 'saved recording')} in {audio_dir(home)}"
    recordings_ja = f"保存済みの録音が {len(kept)} 件（{audio_dir(home)}）"
    if path.is_file():
        raise StoreError(
            f"the practice database {path} is empty (0 bytes) beside {recordings}: it was emptied or cut "
            "off. Nothing was changed: restore it from a backup, or move the empty file and the audio "
            "folder away to start a new archive",
            ja=f"練習データベース {path} は空（0 バイト）ですが、{recordings_ja}あります: 中身が消えたか、"
            "途中で切れています。何も変更していません: バックアップから復元するか、空のファイルと音声フォルダを"
            "別の場所に移して新しいアーカイブを始めてください")
    raise StoreError(
        f"the archive folder {home} holds {recordings} but no practice database ({path.name} is missing): "
        "it was deleted or moved. Nothing was changed: restore the database from a backup, or move the "
        "audio folder away to start a new archive",
        ja=f"アーカイブのフォルダ {home} には{recordings_ja}ありますが、練習データベースがありません"
        f"（{path.name} が見つかりません）: 削除されたか移動されています。何も変更していません: "
        "データベースをバックアップから復元するか、音声フォルダを別の場所に移して新しいアーカイブを始めてください")


def _readable_anyway(e: sqlite3.DatabaseError) -> bool:
    """Errors of opening for writing after which the database may still be read: a read-only
    file, a folder where the WAL files cannot be made, a full disk."""
    text = str(e).lower()
    return any(s in text for s in ("readonly", "read-only", "unable to open", "disk i/o"))


def _connect_read_only(path: Path, timeout_s: float) -> sqlite3.Connection:
    """Open ``path`` for reading only: ``mode=ro`` uses the WAL files as they are, or makes
    them; where they cannot be made, ``immutable=1`` reads the file alone. That is safe only
    when no WAL holds changes not yet written into it: else say so rather than show an older
    archive."""
    uri = path.resolve().as_uri()
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout_s, isolation_level=None)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.DatabaseError as e:
        db.close()
        if _is_damage(e):
            raise
    wal = path.with_name(path.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        raise StoreError(
            f"the practice database {path} cannot be read here: its journal {wal.name} holds changes not yet "
            "written into it, and they cannot be written in this folder. Nothing was changed: copy the "
            "archive somewhere writable and use --home",
            ja=f"練習データベース {path} はここでは読み込めません: ジャーナル {wal.name} にまだ書き込まれていない"
            "変更があり、このフォルダではそれを書き込めません。何も変更していません: アーカイブを書き込める場所に"
            "コピーして --home で指定してください")
    db = sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=timeout_s, isolation_level=None)
    db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return db


def _pending(db: sqlite3.Connection, upto: int | None) -> list[str]:
    """The migrations this code would run on ``db`` (see :func:`migrate`)."""
    has = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'").fetchone()
    done = {r[0] for r in db.execute("SELECT name FROM _migrations")} if has else set()
    wanted = MIGRATIONS if upto is None else MIGRATIONS[:upto]
    return [fn.__name__ for fn in wanted if fn.__name__ not in done]
