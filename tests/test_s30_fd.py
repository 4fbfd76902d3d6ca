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
        assert "m006_a_question_per_wording" in st.schema_version()
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


# --------------------------------------------------------------------------- 5, 14. analyze --save, as a script reads it


def _fake_pipeline(monkeypatch):
    """``analyze_recording`` without the model: one file says nothing (its name says so)."""
    from dataclasses import replace

    from furikaeri import stream
    from test_input_robust import fake_analysis

    def analysed(path, progress=None, **kw):
        a = fake_analysis(path, **kw)
        return replace(a, speech_detected=False, words=(), transcript="") if "silent" in str(path) else a

    monkeypatch.setattr(stream, "analyze_recording", analysed)


def test_an_answer_saved_by_analyze_has_the_settings_a_practice_answer_has(tmp_path, monkeypatch):
    """QA d #5: practice answers kept {set, question_key, model, language, budget_s, source};
    `analyze --save -q jikoshokai` kept only {source}."""
    import json

    from click.testing import CliRunner

    from conftest import own_take
    from furikaeri.cli import cli
    from test_input_robust import SAMPLE

    _fake_pipeline(monkeypatch)
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(SAMPLE), "--save", "-q", "jikoshokai",
                                 "--model", "base", "--json"])
    assert r.exit_code == 0, r.output
    take = own_take(SAMPLE, tmp_path / "takes")  # another take: the same bytes would be the answer saved above
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "1", "--from-files",
                                 str(take), "--no-reflect", "--json"])
    assert r.exit_code == 0, r.output
    with Store.open(home) as st:
        by_analyze, by_practice = (a.settings for a in st.answers())
    assert set(by_analyze) == set(by_practice)
    assert by_analyze["set"] == "ja-basic" and by_analyze["question_key"] == "ja-basic:jikoshokai"
    assert (by_analyze["model"], by_analyze["source"], by_analyze["budget_s"]) == ("base", "analyze", 90.0)
    assert json.loads(r.stdout)  # practice still answered


def test_every_line_of_analyze_save_json_has_an_answer_id(tmp_path, monkeypatch):
    """QA d #14: a file with no speech among saved ones had no answer_id key at all."""
    import json

    from click.testing import CliRunner

    from furikaeri.cli import cli
    from test_input_robust import SAMPLE

    _fake_pipeline(monkeypatch)
    silent = tmp_path / "silent.flac"
    silent.write_bytes(SAMPLE.read_bytes() + b"\0")  # another recording: the same bytes would be one saved already
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", str(SAMPLE), str(silent), "--save",
                                 "--json"])
    assert r.exit_code == 2
    docs = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    assert [d["answer_id"] for d in docs] == [1, None]
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", str(silent), "--json"])
    assert "answer_id" not in json.loads(r.stdout.splitlines()[0])  # nothing asked to be saved: no such key


# --------------------------------------------------------------------------- 6, 7. model names and folders


@pytest.mark.parametrize("typed, env, said", [
    (["--model", ""], {}, "--model is blank"),
    (["--model", " "], {}, "--model is blank"),
    ([], {"FURIKAERI_MODEL": ""}, "FURIKAERI_MODEL is blank"),
    ([], {"FURIKAERI_MODEL": "nosuch"}, "FURIKAERI_MODEL=nosuch: model 'nosuch' is not available offline"),
    (["--model", "/nonexistent/path"], {}, "the model folder /nonexistent/path does not exist"),
])
def test_a_model_name_that_names_nothing_is_refused_saying_where_it_came_from(tmp_path, typed, env, said):
    """QA d #6: a blank --model or FURIKAERI_MODEL quietly used base, `--model " "` said
    `Systran/faster-whisper-  `, a missing path was "not a CTranslate2 folder", and a bad
    FURIKAERI_MODEL was never named."""
    from click.testing import CliRunner

    from furikaeri.cli import cli
    from test_input_robust import SAMPLE

    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", str(SAMPLE), *typed], env=env)
    assert r.exit_code == 2 and said in r.output, r.output


def test_a_blank_model_name_is_no_model_to_the_library_either(tmp_path):
    from furikaeri import models
    from furikaeri.errors import ModelError

    for blank in ("", "  "):
        with pytest.raises(ModelError, match="blank"):
            models.resolve(blank, tmp_path)
    with pytest.raises(ModelError, match="does not exist"):
        models.resolve(str(tmp_path / "gone"), tmp_path)


def test_a_models_folder_that_does_not_exist_is_not_made_and_filled(tmp_path):
    """QA d #7: FURIKAERI_MODELS=/nonexistent made the folder and copied 142 MB into it, unsaid."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    typo = tmp_path / "modles"
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "models"], env={"FURIKAERI_MODELS": str(typo)})
    assert r.exit_code == 2 and f"the models folder {typo} (FURIKAERI_MODELS) does not exist" in r.output
    assert not typo.exists()


# --------------------------------------------------------------------------- 8. delete says the session went


def test_deleting_a_sessions_last_answer_says_the_session_went_too(tmp_path):
    """QA d #8: `delete 22 --yes --json`, 22 the only answer of session 10, said nothing of it."""
    import json

    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "h"
    with Store.open(home) as st:
        both = st.create_session("two")
        one = st.create_session("solo")
        first, second = st.add_answer(both, EN), st.add_answer(both, EN)
        alone, last = st.add_answer(one, EN), st.add_answer(st.create_session("last"), EN)
    run = lambda *a: CliRunner().invoke(cli, ["--home", str(home), "delete", *map(str, a), "--yes"])  # noqa: E731
    assert json.loads(run(first, "--json").stdout)["session_deleted"] is None  # "two" keeps answer 2
    assert json.loads(run(alone, "--json").stdout) == {"deleted": "answer", "id": alone, "recording_kept": None,
                                                      "session_deleted": one}
    said = run(last).output
    assert "Deleted answer" in said and "Its session" in said and "(last) had no other answer" in said
    with Store.open(home) as st:
        assert [s.name for s in st.sessions()] == ["two"] and st.answer(second) is not None


# --------------------------------------------------------------------------- 9. a session named by digits alone


def test_a_new_session_named_by_digits_alone_is_refused_as_it_could_never_be_named(home):
    """QA d #9: `--session 3` made a session named "3" that `compare --sessions 3 11` took for number 3."""
    with Store.open(home) as st:
        for name in ("3", " 12 ", "３"):
            with pytest.raises(S.StoreError, match="digits only"):
                st.session_for(name)
            with pytest.raises(S.StoreError, match="digits only"):
                st.create_session(name)
        assert st.sessions() == []
        sid = st.session_for("mock 3")
        assert st.session("mock 3").id == sid
        st.db.execute("INSERT INTO sessions (id, name, started_at) VALUES (9, '7', '2026-11-01T09:00:00+00:00')")
        assert st.session_for("7") == 9  # one made before keeps its name and is found by it


# --------------------------------------------------------------------------- 12. a company left with nothing


def test_a_company_known_only_from_a_deleted_interview_goes_with_it(home):
    """QA d #12: after `delete 2 --interview`, `questions company "Acme Corp"` printed the bare
    name, `questions` no longer listed Acme, and the export still held the company."""
    from furikaeri.companies import company_view
    from furikaeri.errors import UsageError

    with Store.open(home) as st:
        acme = st.add_interview(company="Acme Corp", held_on="2026-11-20", items=[{"question": "Why us?"}])
        researched = st.add_interview(company="Beta", held_on="2026-11-21")
        st.upsert_company("Beta", valued="ownership")
        twice = [st.add_interview(company="Gamma", held_on=d) for d in ("2026-11-22", "2026-11-23")]
        acme_id = st.company("Acme Corp").id
        for iid in (acme, researched, twice[0]):
            st.delete_interview(iid)
        assert [c.name for c in st.companies()] == ["Beta", "Gamma"]  # research noted, or another interview
        with pytest.raises(UsageError, match="nothing known about 'Acme Corp'"):
            company_view(st, "Acme Corp", None)
        assert st.upsert_company("Acme Corp").id > acme_id  # a number is never given again
        with pytest.raises(UsageError, match="nothing known"):  # a bare name left by an older furikaeri
            company_view(st, "Acme Corp", None)
        assert company_view(st, "Beta", None)["archive"]["valued"] == "ownership"
