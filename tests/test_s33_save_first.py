"""A practice answer is saved before its reflection is asked (QA s33 qa-e #1): a terminal
closed or a kill at the reflection prompt lost the analysed answer, with nothing for
`recover` to find. The note is added once typed; if that fails, the command that saves it."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

import pytest

from furikaeri import session as SS
from furikaeri.errors import NoteNotSaved, TakeNotSaved
from furikaeri.questions import get_set
from furikaeri.store import Store

from test_archive_robust import _quiet_wav, analysis

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


class Killed(BaseException):
    """The process ending at the prompt (SIGHUP/SIGTERM's default action, in effect)."""


def _question():
    qset = get_set("en-basic")
    return qset, next(x for x in qset.questions if x.id == "strength")


def test_the_answer_is_in_the_archive_before_the_reflection_is_asked(tmp_path):
    qset, q = _question()
    take = _quiet_wav(tmp_path / "take.wav")
    seen = []

    with Store.open(tmp_path / "h") as st:
        def reflect(index, question, a):
            seen.append(len(st.answers()))  # what the archive holds while the person types
            raise Killed

        with pytest.raises(Killed):
            SS.run_session(st, qset, [q], record=SS.from_files([take]), analyse=lambda *a: analysis(),
                           reflect=reflect, now=MONDAY)
    assert seen == [1]
    with Store.open(tmp_path / "h") as st:
        (a,) = st.answers()
        assert a.note is None and st.sessions()[0].answer_count == 1


def test_the_note_typed_is_added_to_the_saved_answer(tmp_path):
    qset, q = _question()
    take = _quiet_wav(tmp_path / "take.wav")
    note = {"wrong": "too long", "why": "", "next_time": "point first"}
    with Store.open(tmp_path / "h") as st:
        result = SS.run_session(st, qset, [q], record=SS.from_files([take]), analyse=lambda *a: analysis(),
                                reflect=lambda i, question, a: note, now=MONDAY)
        (a,) = st.answers()
        assert result.answers[0]["answer_id"] == a.id
        assert (a.note.wrong, a.note.why, a.note.next_time) == ("too long", "", "point first")


def test_a_note_that_cannot_be_saved_names_the_note_command(tmp_path, monkeypatch):
    qset, q = _question()
    take = _quiet_wav(tmp_path / "take.wav")

    def locked(self, *args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    with Store.open(tmp_path / "h") as st:
        monkeypatch.setattr(Store, "set_note", locked)
        with pytest.raises(NoteNotSaved) as e:
            SS.run_session(st, qset, [q], record=SS.from_files([take]), analyse=lambda *a: analysis(),
                           reflect=lambda i, question, a: {"wrong": "too long", "why": "", "next_time": "point first"},
                           now=MONDAY)
        monkeypatch.undo()
        (a,) = st.answers()  # the answer itself is kept
    msg = str(e.value)
    assert "\n" not in msg and f"`furikaeri note {a.id} --wrong 'too long' --next 'point first'` saves it" in msg
    assert "メモは保存されていません" in e.value.ja
    home = tmp_path / "my archive"
    assert f"`furikaeri --home '{home}' note {a.id} --wrong" in str(e.value.naming_home(home))


def test_an_answer_not_saved_still_asks_the_reflection_for_its_command(tmp_path, monkeypatch):
    """The save fails before the reflection: it is asked all the same, and what was typed is in
    the command that saves the answer later (as when the reflection came first)."""
    qset, q = _question()
    take = _quiet_wav(tmp_path / "take.wav")

    def full(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "add_answer", full)
    with Store.open(tmp_path / "h") as st:
        with pytest.raises(TakeNotSaved) as e:
            SS.run_session(st, qset, [q], record=SS.from_files([take]), analyse=lambda *a: analysis(),
                           reflect=lambda i, question, a: "point first", now=MONDAY)
    assert "--note 'point first'" in str(e.value) and take.is_file()
