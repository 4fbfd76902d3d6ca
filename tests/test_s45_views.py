"""Session 45: what was left from QA s44 in the reading views: a damaged row's blanks named in
--json (J #4), lines of spaced text never broken between a number and its word (K #5)."""
from __future__ import annotations

import json
import sqlite3

from click.testing import CliRunner
from rich.text import Text
from test_compare_notes import make_analysis, run, save

from furikaeri.cli import cli
from furikaeri.report.wrap import wrap_phrases
from furikaeri.store import Store, db_path


# --------------------------------------------------------------------------- J #4: blanks left by damage, named


def test_a_damaged_rows_blanks_are_named_in_json_and_a_sound_row_has_no_such_key(furikaeri_home):
    # QA s44 J #4: a garbled transcript came out "" in --json, the same as an answer with no
    # words; only stderr said it was damage
    save(furikaeri_home, make_analysis(question="Q?"), session="S")
    save(furikaeri_home, make_analysis(question="Q?"), session="S", minutes=5)
    with sqlite3.connect(db_path(furikaeri_home)) as db:
        db.execute("UPDATE answers SET transcript = CAST(X'FFFEFFFE' AS TEXT), "
                   "settings_json = CAST(X'FF7B' AS TEXT) WHERE id = 1")
    docs = {a["id"]: a for s in json.loads(run("history", "--json").stdout) for a in s["answers"]}
    assert set(docs[1].get("unreadable", ())) == {"transcript", "settings"}, docs
    assert docs[1]["transcript"] == "" and "unreadable" not in docs[2], docs
    with Store.open(furikaeri_home) as st:
        assert st.answer(2).unreadable == () and set(st.answer(1).unreadable) == {"transcript", "settings"}


# --------------------------------------------------------------------------- K #5: a number kept with its word


def test_spaced_lines_break_neither_between_a_number_and_its_word_nor_a_date_and_its_time():
    line = Text("Why do you want this job? #3 · 12 attempts · 2026-11-02 10:00 – 2026-12-01 10:00")
    for width in range(20, 60):
        lines = wrap_phrases(line, width, fill=True).plain.split("\n")
        assert all(len(x) <= width for x in lines), (width, lines)
        for x in lines:
            assert not x.endswith(("12", "10-02", "-02", "-01")) and not x.startswith(("attempts", "10:00", "–", "·")), \
                (width, lines)


def test_progress_at_45_columns_keeps_the_attempts_with_their_number(furikaeri_home):
    for n in range(12):
        save(furikaeri_home, make_analysis(question="Why do you want to work here, of all places?", rate=130.0 + n),
             session="S", minutes=n)
    for width in (45, 80):
        out = CliRunner().invoke(cli, ["progress"], env={"COLUMNS": str(width)}).output
        assert "12 attempts" in out, (width, out)


# --------------------------------------------------------------------------- H #5: a bar that seems hung


def test_the_transcribing_bar_moves_while_whisper_has_written_nothing(monkeypatch):
    # QA s44 H #5: under load the bar sat at 0% with "-:--:--" for most of a minute: read as hung
    import sys

    from rich.progress import SpinnerColumn, TimeElapsedColumn

    from furikaeri.cli.common import transcription_progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    prog = transcription_progress(False, "ja")
    kinds = {type(c) for c in prog.columns}
    assert SpinnerColumn in kinds and TimeElapsedColumn in kinds, prog.columns
    assert transcription_progress(True, "ja") is None  # --json: nothing on the terminal


# --------------------------------------------------------------------------- S #3: a typing slip is no damage


def test_a_short_note_with_a_split_character_is_kept_as_typed_without_a_warning(furikaeri_home, capsys):
    # QA s45 S #3: 「緊�」 (a Backspace that split 張) was saved, then shown blank with "cannot be read"
    save(furikaeri_home, make_analysis(question="Q?"), session="S",
         note={"wrong": "話が長い", "why": "緊\ufffd", "next_time": "n\ufffd"})
    with Store.open(furikaeri_home) as st:
        (a,) = st.answers()
    # the stray byte is left out as it is written (QA s45b U #4: a part of it alone read as damage)
    assert (a.note.why, a.note.next_time) == ("緊", "n") and a.unreadable == ()
    assert "cannot be read" not in capsys.readouterr().err
    # a page overwritten is still told from it: runs of them, or nothing else
    from furikaeri.store import _garbled

    assert _garbled("transcript", "\ufffd\ufffd\ufffdab") and _garbled("n_why", "\ufffd\ufffd")
    assert not _garbled("n_why", "緊\ufffd") and not _garbled("transcript", "I was \ufffd nervous")


# --------------------------------------------------------------------------- S #8: TERM=dumb


def test_a_dumb_terminal_is_drawn_to_its_own_width(monkeypatch):
    # QA s45 S #8: rich takes TERM=dumb for 80 columns: a report drawn 80 wide on a 40-column window
    import os

    from furikaeri.cli.common import _dumb_width

    class Tty:
        def isatty(self):
            return True

        def fileno(self):
            return 0

    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((40, 20)))
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    assert _dumb_width(Tty()) == 40
    monkeypatch.setenv("COLUMNS", "60")  # said: rich reads it itself
    assert _dumb_width(Tty()) is None
    monkeypatch.delenv("COLUMNS")
    monkeypatch.setenv("TERM", "xterm-256color")
    assert _dumb_width(Tty()) is None
