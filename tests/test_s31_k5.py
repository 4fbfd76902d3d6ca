"""QA session 31 (k5): one usual pace, one language per trend, archive paths, question lookup,
an unreadable analysis, an empty note, units in the CSV export."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from furikaeri import coach
from furikaeri.cli import cli
from furikaeri.progress import after_answer, progress
from furikaeri.store import Store

START = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
QUESTION_EN = "Describe your ideal manager"


def analysis(language: str = "en", *, pace: float = 140.0, answer: float = 50.0, budget: float = 60.0,
             question: str = QUESTION_EN) -> dict:
    """A saved answer's analysis with the figures these tests look at."""
    rate = {"wpm": pace} if language == "en" else {"chars_per_min": pace, "morae_per_s": 6.6}
    return {
        "schema": 1, "file": "x.wav", "language": language, "duration_s": answer + 1, "speech_detected": True,
        "latency_s": 0.6, "answer_s": answer, "budget_s": budget, "over_budget": answer > budget,
        "transcript": "I like managers who listen." if language == "en" else "私は物理を学んでいます。",
        "words": [], "fillers": [], "pauses": [], "rate": rate,
        "stats": {"filler_count": 1, "fillers_per_min": 1.2, "long_pauses": 0, "very_long_pauses": 0,
                  "longest_pause_s": 0.8, "word_count": 120},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": question, "model": "base",
    }


def saved(home, analyses: list[dict], *, question: str = QUESTION_EN, audio=None) -> list[int]:
    """``analyses`` saved a day apart as answers to ``question`` (each in its own session)."""
    ids = []
    with Store.open(home) as st:
        for i, a in enumerate(analyses):
            when = START + timedelta(days=i)
            words = a.get("question") or question
            qid = st.question_for("text:" + " ".join(words.split()), words, language=a["language"], budget_s=60.0,
                                  now=when)
            sid = st.create_session(f"s{i + 1}", language=a["language"], now=when)
            ids.append(st.add_answer(sid, a, question_id=qid, now=when, audio_path=audio))
    return ids


def run(home, *args: str, code: int = 0, input: str | None = None, lang: str = "C.UTF-8"):
    r = CliRunner().invoke(cli, ["--home", str(home), *args], input=input,
                           env={"LANG": lang, "LC_ALL": None, "LC_MESSAGES": None, "COLUMNS": "100"},
                           catch_exceptions=False)
    assert r.exit_code == code, r.output
    return r


# --------------------------------------------------------------------------- 1. one usual pace


def test_the_usual_pace_is_one_figure_in_every_view(furikaeri_home):
    """practice/show said "your usual 149 wpm", progress "your usual pace: 133 wpm" for one
    answer: the usual took the last ten answers then dropped the short ones in two places, and
    dropped them first in the third. It is the median of the last ten answers long enough for a
    rate: here 50, 50, 100 x3, 200 x5 (150), not the 100 x3, 200 x5 left of the last ten (200)."""
    paces = [50.0, 50.0, 100.0, 100.0, 100.0, *[200.0] * 5]
    ids = saved(furikaeri_home, [analysis(pace=p) for p in paces]
                + [analysis(pace=300.0, answer=5.0), analysis(pace=300.0, answer=5.0), analysis(pace=120.0)])
    with Store.open(furikaeri_home) as st:
        earlier = [a.metrics for a in st.answers(full=False) if a.id != ids[-1]]
        assert coach.usual(earlier, "en")["wpm"] == pytest.approx(150.0)
        assert after_answer(st, ids[-1]).usual_pace == pytest.approx(150.0)
        assert progress(st).usual_pace["en"]["median"] == pytest.approx(150.0)
        assert progress(st).usual_pace["en"]["answers"] == 10
        assert progress(st, question=QUESTION_EN).usual_pace["en"]["median"] == pytest.approx(150.0)


# --------------------------------------------------------------------------- 2. a question per language


def test_a_question_answered_in_both_languages_has_a_trend_per_language(furikaeri_home):
    """Two English attempts and one Japanese at one question made one block: a fillers trend
    through both, hedges per 100 words with the Japanese answer among them, a pace row in wpm
    and one in 字/分, and "language": null."""
    saved(furikaeri_home, [analysis(pace=130.0), analysis(pace=150.0), analysis("ja", pace=300.0)])
    with Store.open(furikaeri_home) as st:
        assert len({a.question_id for a in st.answers()}) == 1  # the three are one question
        blocks = progress(st, question=QUESTION_EN).questions
    assert [(b.language, b.attempts) for b in blocks] == [("en", 2), ("ja", 1)]
    en, ja = ({s.metric: s for s in b.series} for b in blocks)
    assert "chars_per_min" not in en and "wpm" not in ja
    assert len(en["fillers_per_min"].points) == 2 and en["fillers_per_min"].trend is not None
    out = run(furikaeri_home, "progress", "-q", QUESTION_EN).output
    assert out.count(QUESTION_EN) == 2


# --------------------------------------------------------------------------- 3. paths inside the archive


def _copied(src, dst):
    import shutil

    shutil.copytree(src, dst)
    return dst


def test_a_copied_archive_finds_its_own_recordings_and_says_when_one_is_gone(tmp_path, furikaeri_home):
    """cp -a H H2; rm H2/audio/<one>: `show` printed H's path with no hint, `delete` said the
    recording "stays at" H's path, export carried H's paths."""
    home = furikaeri_home
    Store.open(home).close()  # the archive first: recordings without one are refused
    takes = [home / "audio" / f"take{i}.wav" for i in (1, 2)]
    for t in takes:
        t.write_bytes(b"RIFF")
    outside = tmp_path / "elsewhere" / "mine.wav"
    outside.parent.mkdir()
    outside.write_bytes(b"RIFF")
    ids = [saved(home, [analysis()], audio=str(t))[0] for t in (*takes, outside)]
    with Store.open(home) as st:
        stored = [r[0] for r in st.db.execute("SELECT audio_path FROM answers ORDER BY id")]
    assert stored == ["audio/take1.wav", "audio/take2.wav", str(outside)]  # outside the archive: absolute
    copy = _copied(home, tmp_path / "H2")
    (copy / "audio" / "take1.wav").unlink()
    with Store.open(copy) as st:
        assert [a.audio_path for a in st.answers()] == [str(copy / "audio" / "take1.wav"),
                                                      str(copy / "audio" / "take2.wav"), str(outside)]
    shown = run(copy, "show", str(ids[0])).output
    assert str(copy / "audio" / "take1.wav") in shown and "no longer there" in shown
    assert "no longer there" not in run(copy, "show", str(ids[1])).output
    assert "stays at" not in run(copy, "delete", str(ids[0]), "--yes").output
    assert f"stays at {copy / 'audio' / 'take2.wav'}" in run(copy, "delete", str(ids[1]), "--yes").output
    assert str(home) not in run(copy, "export", "--format", "json").output


def test_an_archive_stored_with_absolute_paths_reads_a_copy_as_its_own(tmp_path, furikaeri_home):
    """Archives saved before paths were kept relative hold ``<old home>/audio/x``: a copy of
    one (the old archive still there), or one moved (the old folder gone), reads its own."""
    home = furikaeri_home
    Store.open(home).close()  # the archive first: recordings without one are refused
    (home / "audio" / "take1.wav").write_bytes(b"RIFF")
    saved(home, [analysis(), analysis()], audio=str(home / "audio" / "take1.wav"))
    with Store.open(home) as st:  # as an older furikaeri stored them
        st.db.execute("UPDATE answers SET audio_path = ? WHERE id = 1", (str(home / "audio" / "take1.wav"),))
        st.db.execute("UPDATE answers SET audio_path = ? WHERE id = 2",
                      (str(tmp_path / "gone" / "audio" / "take2.wav"),))
    copy = _copied(home, tmp_path / "restored")
    with Store.open(copy) as st:
        assert [a.audio_path for a in st.answers()] == [str(copy / "audio" / "take1.wav"),
                                                      str(copy / "audio" / "take2.wav")]
    with Store.open(home) as st:  # the original still reads its own
        assert st.answers()[0].audio_path == str(home / "audio" / "take1.wav")


# --------------------------------------------------------------------------- 4. a question named as saving names it


@pytest.mark.parametrize("ref", ["describe your ideal manager.", "Describe  your ideal manager",
                                 "DESCRIBE YOUR IDEAL MANAGER?", "ideal  manager.", "Ｉｄｅａｌ　ｍａｎａｇｅｒ"])
def test_a_question_is_found_whatever_its_case_spacing_or_closing_mark(furikaeri_home, ref):
    """Saving joined "describe your ideal manager." to "Describe your ideal manager"; compare
    and progress then said no practised question matched those words."""
    saved(furikaeri_home, [analysis(pace=130.0), analysis(pace=150.0, question="describe your ideal manager.")])
    with Store.open(furikaeri_home) as st:
        assert [q.text for q in st.find_questions(ref)] == [QUESTION_EN]  # one question, its first words
    assert "2 attempts" in run(furikaeri_home, "progress", "-q", ref).output
    run(furikaeri_home, "compare", "-q", ref)


@pytest.mark.parametrize("ref", ["自己PRをしてください", "自己 ＰＲ をしてください？", "自己ｐｒ", "ＰＲを"])
def test_a_japanese_question_is_found_whatever_its_width_spacing_or_closing_mark(furikaeri_home, ref):
    saved(furikaeri_home, [analysis("ja", question="自己ＰＲをしてください。")])
    with Store.open(furikaeri_home) as st:
        assert [q.text for q in st.find_questions(ref)] == ["自己ＰＲをしてください。"]


# --------------------------------------------------------------------------- 5. an analysis that cannot be read


@pytest.mark.parametrize("language", ["en", "ja"])
def test_show_of_an_unreadable_analysis_gives_the_stored_figures_and_warns_of_that_answer_only(
        furikaeri_home, language):
    """`show 5` of an answer whose analysis_json was garbled showed no figure and no words
    though both are stored, and warned about answers it does not show (read for its focus's
    usual: an earlier answer to another question, and a later one)."""
    ids = saved(furikaeri_home, [analysis(language, pace=p, question=q) for p, q in
                                 ((140.0, QUESTION_EN), (300.0, "Why us?"), (150.0, QUESTION_EN), (320.0, "Why us?"))])
    with Store.open(furikaeri_home) as st:
        st.db.execute("UPDATE answers SET analysis_json = '{broken' WHERE id = ?", (ids[2],))
        st.db.execute("UPDATE answers SET wpm = 'fast', chars_per_min = 'fast', settings_json = '[' WHERE id IN (?, ?)",
                      (ids[1], ids[3]))
    r = run(furikaeri_home, "show", str(ids[2]))
    # in the language of the answers it shows (a Japanese archive's warning is Japanese, QA s33)
    warned = [line for line in r.stderr.splitlines() if "warning" in line or "警告" in line]
    assert len(warned) == 1 and (f"answer {ids[2]}:" if language == "en" else f"回答 {ids[2]}:") in warned[0]
    pace = "150 wpm" if language == "en" else "150字/分"
    assert pace in r.stdout and ("50.0 s" in r.stdout or "50.0秒" in r.stdout)
    said = analysis(language)["transcript"]
    assert said in r.stdout.replace("\n", "")


# --------------------------------------------------------------------------- 7. units in the CSV export


def test_the_csv_says_what_each_answers_counts_and_hedges_are_in(furikaeri_home):
    """A Japanese answer's word_count (morae) and hedges per 300 morae sat under English-named
    columns with nothing saying so; the columns before stay where they were."""
    import csv
    import io

    from furikaeri.report.export import CSV_COLUMNS

    saved(furikaeri_home, [analysis("en"), analysis("ja", question="自己PRをしてください。")])
    rows = list(csv.DictReader(io.StringIO(run(furikaeri_home, "export", "--format", "csv").output)))
    assert [(r["language"], r["word_count"], r["word_count_unit"], r["hedges_per"]) for r in rows] == [
        ("en", "120", "words", "100 words"), ("ja", "120", "morae", "300 morae")]
    assert CSV_COLUMNS[-11:] == ("transcript", "word_count_unit", "hedges_per", "long_pauses_per_min",
                                 "fillers_per_min_floor", "filler_count_floor", "session_id", "question_id",
                                 "question_key", "company", "audio_missing")  # added after
