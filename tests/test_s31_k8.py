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


def run(home, *args: str, code: int = 0, input: str | None = None, lang: str = "C.UTF-8"):
    r = CliRunner().invoke(cli, ["--home", str(home), *args], input=input,
                           env={"LANG": lang, "LC_ALL": None, "LC_MESSAGES": None, "COLUMNS": "100"},
                           catch_exceptions=False)
    assert r.exit_code == code, r.output
    return r


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
