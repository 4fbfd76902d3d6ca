"""One focus per answer (furikaeri.coach): the figure furthest from its norm or from the
person's own usual, with a suggestion in the answer's language."""

from __future__ import annotations

import pytest

from furikaeri import coach, norms
from furikaeri.lang import text


def good(language="en", **over):
    """Figures of an answer where everything is where it should be."""
    m = {"answer_s": 50.0, "budget_s": 60.0, "over_s": -10.0, "fillers_per_min": 1.0, "longest_pause_s": 1.2,
         "opening_share": 0.1, "hedges_per_100_words": 1.0, "monotone_share": 0.0,
         "wpm": 140.0 if language == "en" else None, "chars_per_min": 300.0 if language == "ja" else None,
         "morae_per_s": 6.5 if language == "ja" else None}
    return {**m, **over}


def test_nothing_to_fix_gives_no_focus():
    assert coach.choose_focus(good(), "en") is None
    assert coach.choose_focus(good("ja"), "ja") is None


@pytest.mark.parametrize("figures,metric,side", [
    (dict(over_s=25.0), "over_s", "high"),
    (dict(wpm=190.0), "wpm", "high"),
    (dict(wpm=95.0), "wpm", "low"),
    (dict(fillers_per_min=7.0), "fillers_per_min", "high"),
    (dict(longest_pause_s=6.5), "longest_pause_s", "high"),
    (dict(opening_share=0.45), "opening_share", "high"),
    (dict(hedges_per_100_words=7.0), "hedges_per_100_words", "high"),
    (dict(monotone_share=1.0), "monotone_share", "high"),
])
def test_the_one_figure_out_of_its_norm_is_the_focus(figures, metric, side):
    f = coach.choose_focus(good(**figures), "en")
    assert (f.metric, f.side, f.against) == (metric, side, "norm")
    assert f.steps > 0


def test_the_furthest_off_wins_in_its_own_steps():
    # 3 min over a 60-s budget is far worse than 3 fillers a minute
    f = coach.choose_focus(good(over_s=40.0, fillers_per_min=3.0), "en")
    assert f.metric == "over_s" and f.steps == pytest.approx(4.0)
    f = coach.choose_focus(good(over_s=2.0, fillers_per_min=9.0), "en")
    assert f.metric == "fillers_per_min"


def test_japanese_pace_is_judged_in_morae_per_second():
    # the pace the report grades (拍/秒), never the characters Whisper happened to write
    f = coach.choose_focus(good("ja", morae_per_s=9.0), "ja")
    assert f.metric == "morae_per_s" and f.side == "high"
    assert f.limit == norms.MORAE_PER_S.hi
    assert "ゆっくり" in f.suggestion("ja")


def test_worse_than_your_own_usual_counts_even_inside_the_norm():
    history = [good(fillers_per_min=0.2) for _ in range(4)]
    usual = coach.usual(history, "en")
    assert usual["fillers_per_min"] == pytest.approx(0.2)
    # 1.9 a minute is inside the norm and less than a step (3/min) above the usual: no focus
    assert coach.choose_focus(good(fillers_per_min=1.9), "en", own_usual=usual) is None
    usual = coach.usual([good(monotone_share=0.0)] * 5, "en")
    # a voice flat in 45% of the answer is rated good (the norm: under half): never the focus
    assert coach.choose_focus(good(monotone_share=0.45), "en", own_usual=usual) is None
    usual = coach.usual([good(fillers_per_min=0.2)] * 5, "en")
    f = coach.choose_focus(good(fillers_per_min=2.8), "en", own_usual=usual)  # over the norm's 2/min
    assert f is not None and f.metric == "fillers_per_min"


def test_a_change_of_pace_inside_the_band_is_not_a_fault():
    usual = coach.usual([good(wpm=125.0)] * 5, "en")
    assert coach.choose_focus(good(wpm=158.0), "en", own_usual=usual) is None


def test_the_usual_needs_a_few_answers_and_takes_the_recent_ones():
    assert coach.usual([good(), good()], "en") == {}
    old = [good(fillers_per_min=9.0)] * 10
    recent = [good(fillers_per_min=1.0)] * 10
    assert coach.usual(old + recent, "en")["fillers_per_min"] == 1.0


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_focus_has_a_suggestion_in_both_languages(language):
    for g in coach._gauges(language):
        sides = ("high", "low") if g.bad is None else (g.bad,)
        for side in sides:
            f = coach.Focus(g.metric, 0.0, side, 0.0, None, "norm", 1.0)
            assert f.suggestion(language) and f.suggestion(language) != f.suggestion("en" if language == "ja" else "ja")
    assert text(language, "focus_rate_low")


def test_a_tic_in_most_recent_answers_recurs_and_a_topic_word_does_not():
    said = ["Basically I led the team.", "I basically rebuilt it.", "We shipped the project early.",
            "Basically, the project was late.", "It was basically fine.", "The team knew the project."]
    got = coach.recurring_phrases(said, [], "en")
    assert [(r.phrase, r.answers, r.of) for r in got] == [("basically", 4, 6)]
    # "project" is in 4 of 6 too, but it is what the answers are about, not a habit
    assert coach.recurring_phrases(said[:3], [], "en") == []  # too few answers to tell


def test_a_phrase_that_was_a_habit_inside_an_answer_is_followed_across_answers():
    said = ["正直、やっぱりチームでした。", "やっぱり最後は粘りです。", "アルバイトでやっぱり学びました。", "結論は挑戦です。",
            "やっぱり挑戦です。"]
    got = coach.recurring_phrases(said, ["挑戦"], "ja")
    assert [(r.phrase, r.answers) for r in got] == [("やっぱり", 4)]


def test_a_japanese_phrase_recurs_as_whole_words_only():
    """どう is not said in どうぞ: a phrase is counted where its words are, not its characters."""
    said = ["本日はどうぞよろしくお願いします。", "どうぞよろしくお願いします。", "どうぞよろしく。", "どうぞ、よろしく。",
            "どう開けるか考えました。"]
    assert coach.recurring_phrases(said, ["どう"], "ja") == []
    # a habit phrase of one answer recurs where it is said more than once (since session 54: QA s54 AI #2)
    twice = [s.replace("よろしく", "よろしく、よろしく") for s in said]
    assert [(r.phrase, r.answers) for r in coach.recurring_phrases(twice, ["よろしく"], "ja")] == [("よろしく", 4)]


def test_length_and_opening_are_not_compared_with_other_questions():
    """The budget and the opening's share of it belong to the question: an answer well inside
    its budget is not "worse than usual" because earlier questions had longer budgets."""
    usual = coach.usual([good(over_s=-40.0, opening_share=0.02)] * 5, "en")
    assert "over_s" not in usual and "opening_share" not in usual
    assert coach.choose_focus(good(over_s=-5.0, opening_share=0.15), "en", own_usual=usual) is None


def test_the_filler_suggestion_names_the_filler_said_most():
    said = {"speech_detected": True, "language": "en", "answer_s": 50.0, "budget_s": 60.0,
            "stats": {"fillers_per_min": 8.0, "filler_count": 4, "longest_pause_s": 1.0},
            "rate": {"wpm": 140.0},
            "fillers": [{"text": "Like", "start": 1.0, "end": 1.2}, {"text": "(uh)", "start": 3.0, "end": 3.3},
                        {"text": "like", "start": 5.0, "end": 5.2}, {"text": "um", "start": 7.0, "end": 7.4}]}
    f = coach.focus_of(said)
    assert f.metric == "fillers_per_min" and f.word == "like"
    assert "'like'" in f.suggestion("en") and "'um'" not in f.suggestion("en")
    assert f.to_dict()["word"] == "like"
    ja = {**said, "language": "ja", "rate": {"chars_per_min": 300.0},
          "fillers": [{"text": "えっと", "start": 1.0, "end": 1.3}, {"text": "(えー)", "start": 2.0, "end": 2.4},
                      {"text": "えっと", "start": 4.0, "end": 4.3}]}
    assert "「えっと」" in coach.focus_of(ja).suggestion("ja")
    assert coach.most_said_filler([{"text": "(えー)"}, {"text": "えっと"}]) == "えー"  # a tie: the first said
    # an answer stored with schema 1 listed repeated words among its fillers: not fillers
    old = {**said, "schema": 1, "fillers": [{"text": "the", "start": 1.0, "end": 1.1, "kind": "repetition"},
                                            {"text": "the", "start": 2.0, "end": 2.1, "kind": "repetition"},
                                            {"text": "um", "start": 3.0, "end": 3.4, "kind": "hesitation"}]}
    assert coach.focus_of(old).word == "um"
    # without the list (figures alone) the suggestion names no filler the person may never have said
    bare = coach.Focus("fillers_per_min", 8.0, "high", 2.0, None, "norm", 3.0)
    assert "'" not in bare.suggestion("en") and "「" not in bare.suggestion("ja")


def test_a_japanese_pace_is_a_focus_only_when_the_reports_own_pace_verdict_agrees():
    """拍/秒 is tracked over time and judged in the report: kanji-dense text reads 365 字/分 at
    a good 6.7 拍/秒, and a focus "slow down" under "pace: good" would contradict the report."""
    assert coach.choose_focus({"chars_per_min": 365.0, "morae_per_s": 6.7}, "ja") is None
    fast = coach.choose_focus({"chars_per_min": 365.0, "morae_per_s": 8.7}, "ja")
    assert fast is not None and (fast.metric, fast.side) == ("morae_per_s", "high")


def test_over_a_short_budget_the_length_is_the_focus():
    """A one-sentence answer of 11 s for a 5-s budget: its "opening" is the whole answer, so the
    fault is the length; 8.7 s over a 10-s budget is far over, more than a late point."""
    assert coach.choose_focus({"over_s": 6.0, "budget_s": 5.0, "opening_share": 1.99}, "en").metric == "over_s"
    assert coach.choose_focus({"over_s": 8.7, "budget_s": 10.0, "opening_share": 0.3}, "ja").metric == "over_s"
    assert coach.choose_focus({"over_s": -20.0, "budget_s": 60.0, "opening_share": 0.45}, "ja").metric == "opening_share"
