"""QA s33 (qa-d 1-4, qa-c 5): a session named again days later, company question ids that
stay put, hints that carry --home, one order through the journal, and a practice run that
counts only its own answers while another process saves by its session's name."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from rich.console import Console

from furikaeri import session as S
from furikaeri.report import export as X
from furikaeri.report import history as H
from furikaeri.store import Store, local_minute

NOV1 = datetime(2026, 11, 1, 2, 53, tzinfo=timezone.utc)
DEC3 = datetime(2026, 12, 3, 2, 0, tzinfo=timezone.utc)
DEC5 = datetime(2026, 12, 5, 2, 55, tzinfo=timezone.utc)


def analysis(lang: str = "en") -> dict:
    rate = {"wpm": 130.0, "articulation_wpm": 150.0} if lang == "en" else {"chars_per_min": 300.0, "morae_per_s": 7.0}
    return {
        "schema": 1, "file": "x.wav", "language": lang, "duration_s": 50.0, "speech_detected": True,
        "latency_s": 0.6, "answer_s": 49.0, "budget_s": 60.0, "over_budget": False,
        "transcript": "so I study physics", "words": [], "fillers": [], "pauses": [], "rate": rate,
        "stats": {"filler_count": 1, "fillers_per_min": 1.2, "long_pauses": 0, "very_long_pauses": 0,
                  "longest_pause_s": 0.5, "word_count": 40},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": None, "model": "base",
    }


def _named_again_later(home) -> tuple[int, int]:
    """mock-1 on Nov 1, ja-2 on Dec 3, then mock-1 named again on Dec 5: (mock-1's id, the late answer)."""
    with Store.open(home) as st:
        mock = st.session_for("mock-1", now=NOV1)
        st.add_answer(mock, analysis(), now=NOV1)
        other = st.session_for("ja-2", now=DEC3)
        st.add_answer(other, analysis("ja"), now=DEC3)
        assert st.session_for("mock-1", now=DEC5) == mock  # the name the person gave is the session they get
        late = st.add_answer(mock, analysis(), now=DEC5)
    return mock, late


def test_history_lists_first_the_session_an_answer_was_saved_into_last(tmp_path):
    mock, late = _named_again_later(tmp_path)
    with Store.open(tmp_path) as st:
        newest, _ = X.history(st, limit=1)
    assert newest[0]["id"] == mock and late in [a["id"] for a in newest[0]["answers"]]


def test_history_titles_a_session_answered_again_later_with_its_latest_answer(tmp_path):
    mock, _ = _named_again_later(tmp_path)
    with Store.open(tmp_path) as st:
        sessions, _ = X.history(st)
    console = Console(record=True, width=100)
    H.render_history(console, sessions, "en")
    out = console.export_text()
    title = next(line for line in out.splitlines() if line.startswith("mock-1"))
    assert local_minute(NOV1.isoformat()) in title and local_minute(DEC5.isoformat()) in title
    ja2 = next(line for line in out.splitlines() if line.startswith("ja-2"))
    assert "–" not in ja2.replace("#", "")  # one day's session: its start alone


def test_the_journal_dates_an_answer_saved_on_a_later_day_than_its_session(tmp_path):
    mock, late = _named_again_later(tmp_path)
    with Store.open(tmp_path) as st:
        md = X.export(st, "md", lang="en")
    heads = [line for line in md.splitlines() if line.startswith("### #")]
    assert f"({local_minute(DEC5.isoformat())})" in next(h for h in heads if h.startswith(f"### #{late} "))
    assert not [h for h in heads if not h.startswith(f"### #{late} ") and re.search(r"\(\d{4}-", h)]  # same day: undated


def test_the_journal_lists_interviews_oldest_first_as_it_does_sessions(tmp_path):
    with Store.open(tmp_path) as st:
        st.add_interview(company="Acme", held_on="2025-04-01", items=[{"question": "Why Acme?", "answer": "b"}])
        st.add_interview(company="Acme", held_on="2025-03-01", items=[{"question": "About you", "answer": "a"}])
        st.add_interview(company="Beta", held_on="2025-05-01", items=[{"question": "Why us?", "answer": "c"}])
        md = X.export(st, "md", lang="en")
    dates = [line.split()[1] for line in md.splitlines() if line.startswith("### 2025-")]
    assert dates == ["2025-03-01", "2025-04-01", "2025-05-01"]


def test_a_save_by_name_does_not_join_a_session_a_running_practice_holds(tmp_path, capsys):
    with Store.open(tmp_path) as practice:  # another process's practice, still running
        sid = practice.create_session("conc", set_name="en-basic", language="en")
        practice.add_answer(sid, analysis())
        with Store.open(tmp_path) as other:
            apart = other.session_for("conc")
            other.add_answer(apart, analysis("ja"))
        assert apart != sid and "practice still running" in capsys.readouterr().err
        assert [a.session_id for a in practice.answers()] == [sid, apart]
    with Store.open(tmp_path) as later:  # once it has ended, the name is joined as before
        assert later.session_for("conc") == apart
        assert later.session(sid).name == "conc"
    assert not (tmp_path / ".running").exists()  # nothing of the hold is left behind


def test_practice_summary_counts_its_own_answers_only(tmp_path, take):
    from furikaeri import questions as Q

    qset = Q.get_set("en-basic")
    saved: list[int] = []

    def record(index, q, budget, now):
        if index == 1:  # meanwhile another process saves an answer into this session
            with Store.open(tmp_path) as other:
                other.add_answer(other.answer(saved[0]).session_id, analysis("ja"))
        return S.AnswerAudio(take, recorded=False)

    def seen(event):
        if isinstance(event, S.Saved):
            saved.append(event.answer_id)

    with Store.open(tmp_path) as st:
        result = S.run_session(st, qset, list(qset.questions[:2]), record=record, on_event=seen,
                               analyse=lambda path, lang, budget, question: S_analysis(question),
                               language="en", budget=None, model="base", session_name="conc",
                               now=DEC5)
        assert len(saved) == 2 and st.session(result.session_id).answer_count == 3
    assert result.session.answer_count == 2


def S_analysis(question):
    from furikaeri.analysis import Analysis

    return Analysis.from_dict({**analysis(), "question": question})


# --------------------------------------------------------------------------- company question ids (qa-d 2)


def _acme(st: Store) -> tuple[int, int]:
    first = st.add_interview(company="Acme Corp", held_on="2025-03-01",
                             items=[{"question": "Tell me about yourself", "answer": "x"},
                                    {"question": "Why Acme?", "answer": "y"}])
    later = st.add_interview(company="acme corp", held_on="2025-04-01", items=[{"question": "Why Acme?", "answer": "z"}])
    return first, later


def test_a_practised_company_question_keeps_its_id_when_the_interview_that_named_it_goes(tmp_path):
    from furikaeri import companies as CO

    with Store.open(tmp_path) as st:
        first, _ = _acme(st)
        asked = {q.text: q for q in CO.set_from_interviews(st, "Acme Corp").questions}
        key = asked["Why Acme?"].key
        assert key == f"acme-corp:asked{first}-2"
        qid = st.question_for(key, "Why Acme?", language="en", set_name="acme-corp")
        st.add_answer(st.session_for("acme"), analysis(), question_id=qid)
        st.delete_interview(first)
        again = {q.text: q for q in CO.set_from_interviews(st, "Acme Corp").questions}
    assert again["Why Acme?"].key == key  # the key printed before, and its answers', still names it


def test_an_unpractised_id_still_follows_the_interviews(tmp_path):
    from furikaeri import companies as CO

    with Store.open(tmp_path) as st:
        first, later = _acme(st)
        st.delete_interview(first)
        ids = [q.id for q in CO.set_from_interviews(st, "Acme Corp").questions]
    assert ids == [f"asked{later}-1"]


def test_every_key_questions_show_prints_finds_the_practised_question(tmp_path):
    """A company's asked question in a built-in question's words joined that question's
    attempts (saved under its key): the company key `questions show` prints finds them too."""
    from furikaeri import companies as CO
    from furikaeri import compare as C

    with Store.open(tmp_path) as st:
        builtin = st.question_for("en-basic:intro", "Tell me about yourself.", language="en", set_name="en-basic")
        st.add_answer(st.session_for("s"), analysis(), question_id=builtin)
        _acme(st)
        shown = {q.text: q.key for q in CO.set_from_interviews(st, "Acme Corp").questions}
        assert C.resolve_question(st, shown["Tell me about yourself"]) == builtin
        assert C.resolve_question(st, shown["Tell me about yourself"].split(":")[1]) == builtin


# --------------------------------------------------------------------------- hints carry --home (qa-d 3)


def test_hints_suggest_commands_that_read_the_archive_named_by_home(tmp_path):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "h"
    with Store.open(home) as st:
        st.add_answer(st.session_for("mock-1"), analysis())
    start = f"furikaeri --home {home}"

    def said(*args: str) -> str:
        return CliRunner().invoke(cli, ["--home", str(home), *args], env={"LANG": "C"}).output

    assert f"`{start} note 1`" in said("show", "1")
    assert f"`{start} history`" in said("compare", "--sessions", "mock-3", "mock-1")
    assert f"`{start} progress`" in said("progress", "-q", "99")
    assert f"`{start} progress`" in said("compare", "-q", "no such question")
