"""QA session 31 (k8): an older archive's relative recording paths, numbers read one way,
question words folded one way, budgets in one parser, what `note` says when nothing is left."""

from __future__ import annotations

import os
from pathlib import Path
from datetime import datetime, timedelta, timezone

import click
import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.store import Store

START = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
QUESTION_EN = "Describe your ideal manager"


def analysis(language: str = "en", question: str = QUESTION_EN) -> dict:
    """A saved answer's analysis with the figures these commands show."""
    return {
        "schema": 1, "file": "x.wav", "language": language, "duration_s": 51.0, "speech_detected": True,
        "latency_s": 0.6, "answer_s": 50.0, "budget_s": 60.0, "over_budget": False,
        "transcript": "I like managers who listen." if language == "en" else "私は物理を学んでいます。",
        "words": [], "fillers": [], "pauses": [], "rate": {"wpm": 140.0},
        "stats": {"filler_count": 1, "fillers_per_min": 1.2, "long_pauses": 0, "very_long_pauses": 0,
                  "longest_pause_s": 0.8, "word_count": 120},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": question, "model": "base",
    }


def saved(home, count: int = 1, *, question: str = QUESTION_EN, audio=None) -> list[int]:
    """``count`` answers to ``question`` saved a day apart, each in its own session."""
    ids = []
    with Store.open(home) as st:
        for i in range(count):
            when = START + timedelta(days=i)
            qid = st.question_for("text:" + question, question, language="en", budget_s=60.0, now=when)
            sid = st.create_session(f"s{i + 1}", language="en", now=when)
            ids.append(st.add_answer(sid, analysis(question=question), question_id=qid, now=when, audio_path=audio))
    return ids


from test_s31_k5 import run  # noqa: E402  (the archive's commands, run in one locale and width)


# --------------------------------------------------------------------------- 1. relative paths of old


def test_an_old_relative_recording_path_is_read_as_the_archives_own(tmp_path, furikaeri_home, monkeypatch):
    """`--home old6 analyze jfk.flac --save` (an older furikaeri) stored ``old6/audio/x.flac``,
    relative to the working folder: `show` printed ``old6/old6/audio/x.flac`` and "no longer
    there" though the file was there; export and interviews carried the same wrong path."""
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "old6"
    Store.open(home).close()
    (home / "audio" / "take.flac").write_bytes(b"fLaC")
    [aid] = saved(home)
    with Store.open(home) as st:  # as the older furikaeri stored it
        st.db.execute("UPDATE answers SET audio_path = 'old6/audio/take.flac' WHERE id = ?", (aid,))
        st.add_interview(company="Acme", held_on="2026-11-03", audio_path=None)
        st.db.execute("UPDATE interviews SET audio_path = 'old6/audio/take.flac'")
    own = str(home / "audio" / "take.flac")
    for where in ("old6", str(home)):  # the relative --home it was saved with, and the absolute one
        with Store.open(Path(where)) as st:
            assert st.answers()[0].audio_path == os.path.abspath(own)
            assert st.interviews()[0].audio_path == os.path.abspath(own)
        shown = run(where, "show", str(aid)).output
        assert "no longer there" not in shown and "old6/old6" not in shown
        assert own in run(where, "show", str(aid), "--json").output
        assert own in run(where, "export", "--format", "csv").output
    (home / "audio" / "take.flac").unlink()  # gone: said so, at the path as stored against the archive
    assert "no longer there" in run("old6", "show", str(aid)).output


# --------------------------------------------------------------------------- 2, 3. numbers one way


@pytest.mark.parametrize("typed, number", [("2", 2), ("#2", 2), ("２", 2), ("＃２", 2), ("²", 2), ("①", 1),
                                           ("x", None), ("-1", None), ("1.5", None), ("", None), ("#", None),
                                           ("٣", None), ("##2", None)])
def test_a_number_is_read_one_way(typed, number):
    """'²'.isdigit() is True and int('²') raises: every reader of a typed number uses this one."""
    from furikaeri.cli.common import question_number
    from furikaeri.store import typed_number

    assert typed_number(typed) == number
    assert question_number(typed) == number


def test_a_superscript_or_unusual_digit_is_never_a_crash(furikaeri_home):
    """`show ²`, `compare ² 1`, `compare -s ² 1`, `progress -q ²`, `compare -q ²` ended in
    "unexpected ValueError" (exit 1)."""
    saved(furikaeri_home, 2)
    assert "#2 s2" in run(furikaeri_home, "show", "²").output
    assert "#1" in run(furikaeri_home, "compare", "²", "1").output
    assert "s2" in run(furikaeri_home, "compare", "-s", "²", "1").output
    for args in (["show", "٣"], ["compare", "٣", "1"], ["progress", "-q", "³"], ["compare", "-q", "³"],
                 ["compare", "-s", "٣", "1"]):
        out = run(furikaeri_home, *args, code=2).output
        assert "unexpected" not in out and len(out.strip().splitlines()) == 1, out


def test_a_question_number_with_a_hash_names_it_in_progress_and_compare(furikaeri_home):
    """`-q "#1"` named question 1 in analyze and record, but progress and compare said no
    practised question matches."""
    saved(furikaeri_home, 2)
    assert "question 1 · 2 attempts" in run(furikaeri_home, "progress", "-q", "#1").output
    assert QUESTION_EN in run(furikaeri_home, "compare", "-q", "#1").output
    assert QUESTION_EN in run(furikaeri_home, "compare", "-q", "＃１").output


# --------------------------------------------------------------------------- 4. curly quotes, brackets


@pytest.mark.parametrize("typed", ["“Describe your ideal manager.”", "‘Describe your ideal manager’",
                                   "(Describe your ideal manager)", "（Describe your ideal manager。）",
                                   "【Describe your ideal manager】"])
def test_a_question_in_curly_quotes_or_brackets_is_the_same_question(furikaeri_home, typed):
    """`analyze -q "“Describe your ideal manager.”" --save` made a second question and
    `compare -q` with them missed: only straight and Japanese quotes were folded."""
    from furikaeri.session import question_for_text

    saved(furikaeri_home, 2)
    with Store.open(furikaeri_home) as st:
        assert question_for_text(st, typed, language="en", budget_s=60.0) == 1
        assert [q.id for q in st.find_questions(typed)] == [1]
        assert [q.id for q in st.find_questions(typed.replace("Describe", "").replace("manager", ""))] == [1]
        assert len(st.questions()) == 1
    assert QUESTION_EN in run(furikaeri_home, "compare", "-q", typed).output


def test_store_and_questions_fold_question_words_with_one_definition():
    """store._folded was a copy of questions' normalisation; a copy drifts."""
    from furikaeri import questions, store

    for text in ("“自己 ＰＲ をしてください。”", "(Why us?)", "「志望動機」"):
        assert store._folded(text) == questions.folded(text)
    assert questions.folded("“自己 ＰＲ をしてください。”") == "自己prをしてください"


# --------------------------------------------------------------------------- 5, 6. budgets, one parser


@pytest.mark.parametrize("typed, seconds", [("1分間", 60.0), ("90秒間", 90.0), ("１分間", 60.0), ("一分間", 60.0),
                                            ("1分30秒間", 90.0), ("九十秒間", 90.0), ("1分30", 90.0),
                                            ("1:05", 65.0), ("百二十秒", 120.0), ("十五秒", 15.0), ("一二〇秒", 120.0)])
def test_a_budget_in_standard_japanese_is_read(typed, seconds):
    """「1分間で自己PRしてください」: 1分間 and 90秒間 were refused by --budget and question files."""
    from furikaeri.questions import parse_budget

    assert parse_budget(typed) == seconds
    assert CliRunner().invoke(cli, ["analyze", "--budget", typed, "/nowhere.wav"]).output.count("--budget") == 0


@pytest.mark.parametrize("typed", ["1:75", "1:60", "1十秒", "二十二十秒", "二三十秒", "十百秒", "〇十秒", "1e2", "1_0",
                                   "inf", "nan", "90間", "1分30間", "間"])
def test_a_malformed_budget_is_refused_by_every_reader(typed):
    """1:75 was 135 s, 1十秒 110 s, 二十二十秒 40 s; 1e2 and 1_0 passed --budget (float() first)
    and not a question file."""
    from furikaeri.errors import QuestionError
    from furikaeri.questions import parse_budget

    with pytest.raises(QuestionError):
        parse_budget(typed)
    r = CliRunner().invoke(cli, ["analyze", "--budget", typed, "/nowhere.wav"])
    assert r.exit_code == 2 and "is not a number of seconds" in r.output, r.output


def test_the_question_file_error_names_the_japanese_forms_too():
    from furikaeri.errors import QuestionError
    from furikaeri.questions import parse_budget

    with pytest.raises(QuestionError) as e:
        parse_budget("soon")
    assert "1分30秒" in str(e.value) and "90秒間" in str(e.value) and "90秒間" in e.value.ja


# --------------------------------------------------------------------------- 7. what `note` says


@pytest.mark.parametrize("lang, cleared, unchanged", [("en", "note cleared", "nothing changed"),
                                                      ("ja", "メモを消しました", "変更はありません")])
def test_note_says_cleared_or_nothing_changed_never_the_command_just_run(furikaeri_home, lang, cleared, unchanged):
    """`note 2 --wrong ""` clearing the last part, or Enter on every part of an answer with no
    note, said "no note yet: add one with `furikaeri note 2`", the command just run."""
    [aid] = saved(furikaeri_home)

    def note(*args, input=None):
        out = run(furikaeri_home, "note", str(aid), "--lang", lang, *args, input=input).output
        assert "furikaeri note" not in out, out
        return out

    assert unchanged in note(input="\n\n\n")  # no note, Enter on every part
    assert unchanged in note("--wrong", "")  # nothing to clear
    note("--wrong", "ran long")
    with Store.open(furikaeri_home) as st:
        stamp = st.note(aid).updated_at
    assert unchanged in note(input="\n\n\n")  # Enter kept every part: nothing written either
    assert unchanged in note("--wrong", " ran long ")
    with Store.open(furikaeri_home) as st:
        assert st.note(aid).updated_at == stamp
    out = note("--wrong", "")
    assert cleared in out and unchanged not in out
    with Store.open(furikaeri_home) as st:
        assert st.note(aid) is None
    assert "ran short" in note("--why", "ran short")
