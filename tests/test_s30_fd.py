"""Session 30, QA d (fd): past answers keep the words of the question they answered; a session
deleted under a running practice is made again; and the smaller scripting defects."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from furikaeri import store as S
from furikaeri.store import Store

EN = {"schema": 6, "language": "en", "transcript": "so I left", "speech_detected": True, "answer_s": 30.0,
      "budget_s": 60.0, "model": "base"}


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


# --------------------------------------------------------------------------- 1. reworded questions


def test_a_reworded_question_leaves_the_answers_to_its_old_words_alone(home):
    """QA d #1: `questions add --replace` with other words for s9:q rewrote the question of the
    answers already saved, and history/progress/compare took them for attempts at the new one."""
    with Store.open(home) as st:
        sid = st.create_session("mon")
        old = st.question_for("s9:q", "Why did you leave your last job?", language="en", budget_s=60)
        first = st.add_answer(sid, EN, question_id=old)
        new = st.question_for("s9:q", "What are your salary expectations?", language="en", budget_s=60)
        assert new != old
        assert st.answer(first).question == "Why did you leave your last job?"
        assert st.answers(question_id=new) == [] and st.previous_answer(new) is None
        # the same words again (marks, case, width aside) are the same question, its budget refreshed
        assert st.question_for("s9:q", "why did you leave your last job", budget_s=90) == old
        assert st.question(old).budget_s == 90 and st.question(old).text == "why did you leave your last job"
        # both wordings are questions under that key: asking for it by key names both
        assert {q.id for q in st.find_questions("s9:q")} == {old, new}


def test_a_set_of_ones_own_named_like_a_built_in_one_does_not_retitle_its_answers(home):
    from furikaeri import questions as Q
    from furikaeri.session import before_attempt

    built_in = Q.get_set("en-basic").questions[0]
    with Store.open(home) as st:
        sid = st.create_session("mon")
        before = before_attempt(st, built_in)
        first = st.add_answer(sid, EN, question_id=before.question_id)
        mine = dataclasses.replace(built_in, text="Walk me through your CV.")  # a user set "en-basic"
        assert mine.key == built_in.key
        again = before_attempt(st, mine)
        assert again.question_id != before.question_id and again.attempts == 0 and again.previous is None
        assert st.answer(first).question == built_in.text


def test_m006_keeps_every_question_and_answer_of_an_archive_on_disk(home):
    """The questions table is made again without UNIQUE on key: ids, texts and the answers'
    references stay as they were, on a real SQLite file opened by a v5 furikaeri."""
    Store.open(home, upto=5).close()
    db = sqlite3.connect(str(home / "furikaeri.db"))
    db.execute("INSERT INTO sessions (id, name, started_at) VALUES (1, 'old', '2026-11-01T09:00:00+00:00')")
    for qid, key, text in ((3, "en-basic:intro", "Tell me about yourself."), (7, "s9:q", "Why did you leave?")):
        db.execute("INSERT INTO questions (id, key, text, language, budget_s, set_name, created_at)"
                   " VALUES (?, ?, ?, 'en', 60, ?, '2026-11-01T09:00:00+00:00')", (qid, key, text, key.split(":")[0]))
    for aid, qid in ((1, 3), (2, 7), (3, 7)):
        db.execute("INSERT INTO answers (id, session_id, question_id, created_at, analysis_json) VALUES (?, 1, ?, ?, '{}')",
                   (aid, qid, f"2026-11-01T09:0{aid}:00+00:00"))
    db.commit()
    db.close()
    with Store.open(home) as st:
        assert st.schema_version()[-1] == "m006_a_question_per_wording"
        assert [(q.id, q.key, q.text, q.answer_count) for q in st.questions()] == [
            (3, "en-basic:intro", "Tell me about yourself.", 1), (7, "s9:q", "Why did you leave?", 2)]
        assert st.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert [a.question for a in st.answers()] == ["Tell me about yourself.", "Why did you leave?",
                                                       "Why did you leave?"]
        new = st.question_for("s9:q", "What are your salary expectations?", language="en")
        assert new == 8 and st.answer(3).question == "Why did you leave?"
    with Store.open(home) as st:  # opened again: nothing left to migrate, nothing lost
        assert len(st.questions()) == 3 and S.layout_problem(st.db) is None


# --------------------------------------------------------------------------- 2. a session deleted meanwhile


def test_a_session_deleted_under_a_running_practice_is_made_again_and_no_answer_is_lost(home, capsys):
    """QA d #2: `delete 1 --yes` while `practice` still saved into answer 1's session removed the
    session, and the next save failed on a FOREIGN KEY constraint: the run stopped, its answers lost."""
    with Store.open(home) as practice, Store.open(home) as other:
        sid = practice.create_session("race", set_name="en-basic", language="en")
        first = practice.add_answer(sid, EN)
        assert other.delete_answer(first) is not None and other.session(sid) is None  # its last answer: gone
        second = practice.add_answer(sid, EN)
        third = practice.add_answer(sid, EN)
        back = other.session(sid)
        assert (back.id, back.name, back.set_name, back.answer_count) == (sid, "race", "en-basic", 2)
        assert second > first and [a.id for a in other.answers(session_id=sid)] == [second, third]
    err = capsys.readouterr().err
    assert err.count("warning: session") == 1 and "race" in err and "made again" in err


def test_a_session_this_store_never_knew_is_refused_by_name(home):
    with Store.open(home) as st:
        with pytest.raises(S.StoreError, match="no session 42"):
            st.add_answer(42, EN)
