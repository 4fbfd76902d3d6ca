"""Session 41, notes (QA s40 Z5 #7): a stumble over words (「噛まないように」, "stumbled over my
words") is read as the repetitions it leaves; words that only look alike are not."""

from __future__ import annotations

import pytest

from furikaeri import notes as N


@pytest.mark.parametrize("note, lang", [
    ("噛まないように", "ja"), ("緊張して噛んだ", "ja"), ("噛みまくった", "ja"), ("噛まずに話す", "ja"),
    ("何度も噛んじゃった", "ja"), ("どもってしまった", "ja"), ("I stumbled over my words", "en"),
    ("tongue-tied at the start", "en"), ("kept tripping over my words", "en"), ("かまないように", "ja"),
    ("かまずに話す", "ja"), ("かんでしまった", "ja"), ("つっかえた", "ja"), ("言葉につっかえないように", "ja"),
    ("don't stumble", "en"), ("I stumbled", "en"), ("I kept correcting myself", "en")])
def test_a_stumble_is_the_repetitions_it_leaves(note, lang):
    assert N.note_targets(note, lang) == [("repetitions_per_min", None)]


@pytest.mark.parametrize("note, lang", [("話が噛み合わなかった", "ja"), ("言葉を噛み締める", "ja"), ("子どもっぽい話し方", "ja"),
                                        ("質問をかみ砕く", "ja"), ("the stumbling block was the intro", "en")])
def test_words_that_only_look_like_a_stumble_name_no_figure(note, lang):
    assert N.note_targets(note, lang) == []


def test_explaining_simply_is_no_stumble():
    assert ("repetitions_per_min", None) not in N.note_targets("結論を噛み砕いて説明する", "ja")


# --------------------------------------------------------------------------- QA s40 Z5 #8


def test_one_questions_usual_pace_says_it_is_the_usual_before_its_latest_answer(furikaeri_home):
    """`progress` said 「あなたのふだんの話速: 3.1拍/秒」 and `progress -q` 「あなたのふだんの話速: 3.5拍/秒」:
    the second is the usual before that question's latest answer, and now says so."""
    from test_compare_notes import make_analysis, run, save

    from furikaeri.lang import text

    for i, (question, rate) in enumerate((("Q1?", 130.0), ("Q1?", 140.0), ("Q2?", 150.0), ("Q1?", 145.0),
                                          ("Q2?", 120.0), ("Q2?", 110.0), ("Q2?", 100.0))):
        save(furikaeri_home, make_analysis(rate=rate, question=question), session="s", minutes=i)
    home = ["--home", str(furikaeri_home)]
    for lang in ("en", "ja"):
        overall = flat_out(run(*home, "progress", "--lang", lang).output)
        one = flat_out(run(*home, "progress", "-q", "Q1?", "--lang", lang).output)
        assert text(lang, "usual_pace") in overall and text(lang, "usual_pace_before", id=4) not in overall
        assert text(lang, "usual_pace_before", id=4) in one and text(lang, "usual_pace_answer", id=4, pct="+4%") in one, one
    import json

    doc = json.loads(run(*home, "progress", "-q", "Q1?", "--json").output)
    assert doc["usual_pace"]["en"]["now"] is False and doc["usual_pace"]["en"]["latest_answer_id"] == 4
    assert json.loads(run(*home, "progress", "--json").output)["usual_pace"]["en"]["now"] is True


def flat_out(s: str) -> str:
    return " ".join(s.split())


# --------------------------------------------------------------------------- QA s40 Z5 #5


def _checked(note: str, language: str, before: dict, after: dict, lang: str):
    """The check of ``note`` (on an answer with figures ``before``) against ``after``, and the
    check as the views print it in ``lang``."""
    from rich.console import Console

    from furikaeri.report import history as H
    from furikaeri.store import Answer, Note

    prev = Answer(1, 1, "s", 1, "Q", None, "2026-12-06T09:00:00+00:00", None, "", language, "base", {}, before,
                  Note(1, 1, "", "", note, "", ""))
    fix = N.check_fix(prev, after, language)
    out = Console(width=120, record=True)
    H.render_fix(out, fix, lang, language=language)
    return fix, out.export_text()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_pace_moved_against_the_note_inside_the_range_says_both(lang):
    """「早口だったかも」, then 5.6 -> 6.0 拍/秒 (band 5.3-8): the check said a bare 悪化 beside
    compare's 「目安内」."""
    from furikaeri.lang import text

    def answer(pace):
        return {"answer_s": 55.0, "budget_s": 60.0, "morae_per_s": pace, "chars_per_min": pace * 45}

    fix, said = _checked("早口だったかも", "ja", answer(5.6), answer(6.0), lang)
    assert [(c.metric, c.verdict) for c in fix.changes] == [("morae_per_s", "worse")]
    assert text(lang, "against_note_in_band") in said, said
    assert text(lang, "fix_worse_in_band") in said and text(lang, "fix_worse") not in said, said
    _, said = _checked("早口だったかも", "ja", answer(5.6), answer(8.6), lang)  # out of the range now: a plain worse
    assert text(lang, "against_note_in_band") not in said and text(lang, "fix_worse") in said, said


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_notes_figure_past_its_limit_says_it_left_the_range_as_compare_does(lang):
    """QA s41 A1 #5: compare's table said "worse, left the range" for 4.7 -> 5.1 s to the first
    word, the note's check under it a bare "worse"."""
    from furikaeri.lang import text

    def answer(latency):
        return {"answer_s": 40.0, "budget_s": 60.0, "latency_s": latency}

    fix, said = _checked("start answering sooner", "en", answer(4.7), answer(5.1), lang)
    assert [(c.metric, c.verdict) for c in fix.changes] == [("latency_s", "worse")]
    assert text(lang, "left_limit") in said, said
