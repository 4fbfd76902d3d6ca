"""progress names every block's language where there are several: answers whose language the
archive lost (a damaged row) are "language not known", not a second unlabelled "overall" (QA s35
V2 #2); a question answered in English and in Japanese has two blocks, each named."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.store import Store

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=timezone.utc)


def analysis(lang: str | None) -> dict:
    rate = {"wpm": 140.0, "articulation_wpm": 160.0} if lang != "ja" else {"chars_per_min": 300.0, "morae_per_s": 7.0}
    return {
        "schema": 1, "file": "x.wav", "language": lang, "duration_s": 51.0, "speech_detected": True,
        "latency_s": 0.6, "answer_s": 50.0, "budget_s": 60.0, "over_budget": False,
        "transcript": "私は物理を学んでいます。" if lang == "ja" else "I study physics.", "words": [], "fillers": [],
        "pauses": [], "rate": rate,
        "stats": {"filler_count": 3, "fillers_per_min": 3.0, "long_pauses": 1, "very_long_pauses": 0,
                  "longest_pause_s": 2.0, "word_count": 40},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": None, "model": "base",
    }


def progress(home, *args: str) -> str:
    r = CliRunner().invoke(cli, ["--home", str(home), "progress", *args], env={"COLUMNS": "120"},
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.stdout


def test_answers_of_a_lost_language_are_named_so(tmp_path):
    home = tmp_path / "home"
    with Store.open(home) as st:
        for i, lang in enumerate(["en", "en", None]):
            sid = st.create_session(f"s{i}", now=MONDAY + timedelta(days=i))
            st.add_answer(sid, analysis(lang), now=MONDAY + timedelta(days=i))
    out = progress(home)
    assert "overall (English)" in out and "overall (language not known)" in out
    assert "全体（言語不明）" in progress(home, "--lang", "ja")


def test_one_question_in_two_languages_names_each_block(tmp_path):
    home = tmp_path / "home"
    with Store.open(home) as st:
        qid = st.question_for("mine:why", "Why us?", language="en", budget_s=60.0, set_name="mine", now=MONDAY)
        other = st.question_for("mine:you", "Tell me about yourself", language="en", budget_s=60.0,
                                set_name="mine", now=MONDAY)
        for i, (lang, q) in enumerate([("en", qid), ("ja", qid), ("en", other)]):
            sid = st.create_session(f"s{i}", now=MONDAY + timedelta(days=i))
            st.add_answer(sid, analysis(lang), question_id=q, now=MONDAY + timedelta(days=i))
    out = progress(home)
    assert "Why us? (English)" in out and "Why us?（日本語）" in out  # each block in its own language
    assert "Tell me about yourself (" not in out  # one language: nothing to tell apart


def test_one_question_in_two_languages_asked_for_shows_its_blocks_alone(tmp_path):
    # progress -q of a question answered in English and in Japanese: its two blocks, not two
    # "overall" blocks repeating them figure for figure (V1 #6)
    home = tmp_path / "home"
    with Store.open(home) as st:
        qid = st.question_for("mine:why", "Why us?", language="en", budget_s=60.0, set_name="mine", now=MONDAY)
        for i, lang in enumerate(["en", "ja", "ja"]):
            sid = st.create_session(f"s{i}", now=MONDAY + timedelta(days=i))
            st.add_answer(sid, analysis(lang), question_id=qid, now=MONDAY + timedelta(days=i))
    out = progress(home, "-q", "mine:why")
    assert "overall" not in out and "全体" not in out, out
    assert "Why us? (English)" in out and "Why us?（日本語）" in out
