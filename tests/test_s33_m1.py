"""QA s33 (report B): the opening and the pauses read a trailing "..." by one rule; rates of an
answer too short to have them give no verdict; "just" meaning recently or exactly is no hedge."""

from __future__ import annotations

import pytest

from furikaeri.content import opening
from furikaeri.lang import get_rules
from furikaeri.measure import measure
from furikaeri.speech import Interval
from furikaeri.transcribe import Word

EN, JA = get_rules("en"), get_rules("ja")


def _words(spec):
    return [Word(t, s, e, 0.99) for t, s, e in spec]


# --- a trailing "..." ends no sentence of the opening where the pause after it is mid ------

TRAILED = [(" Last", 0.0, 0.3), (" year", 0.3, 0.6), (" I", 0.6, 0.7), (" led", 0.7, 1.0),
           (" a", 1.0, 1.1), (" project,", 1.1, 1.8), (" and", 1.9, 2.2), (" we...", 2.2, 3.5),
           # a 4.4-s freeze, then the sentence goes on
           (" shipped", 7.9, 8.3), (" it", 8.3, 8.4), (" early.", 8.4, 9.5),
           (" The", 9.9, 10.1), (" customer", 10.1, 10.6), (" was", 10.6, 10.8), (" happy.", 10.8, 11.4)]


def test_the_opening_runs_on_over_a_trailing_ellipsis_the_pause_rules_call_mid_sentence():
    words = _words(TRAILED)
    speech = [Interval(0.0, 3.5), Interval(7.9, 9.5), Interval(9.9, 11.4)]
    m = measure(words, speech, duration=12.0, rules=EN, budget_s=30)
    freeze = next(p for p in m.pauses if p.start == pytest.approx(3.5))
    assert freeze.place == "mid"
    # the same "we..." is no sentence end for the opening either: it ends at "early."
    assert m.opening.seconds == pytest.approx(9.5)
    assert m.opening.text.endswith("we... shipped it early.")
    assert m.opening.late  # 9.5 s of 30 s: 32 %, past 20 %


def test_an_ellipsis_after_a_sentence_end_still_ends_the_opening():
    words = _words([(" I", 0.0, 0.2), (" led", 0.2, 0.5), (" the", 0.5, 0.6), (" team....", 0.6, 1.2),
                    (" Then", 3.0, 3.3), (" we", 3.3, 3.5), (" won.", 3.5, 4.0)])
    first = opening(words, EN, answer_start=0.0, budget_s=60)
    assert first.seconds == pytest.approx(1.2)


def test_a_japanese_polite_form_before_the_ellipsis_ends_the_opening():
    words = _words([("頑張", 0.0, 0.4), ("りました…", 0.4, 1.2), ("それで", 3.0, 3.5), ("優勝しました。", 3.5, 4.5)])
    first = opening(words, JA, answer_start=0.0, budget_s=60)
    assert first.seconds == pytest.approx(1.2)
    trailed = _words([("その", 0.0, 0.3), ("時に…", 0.3, 1.0), ("優勝", 3.0, 3.5), ("しました。", 3.5, 4.5)])
    assert opening(trailed, JA, answer_start=0.0, budget_s=60).seconds == pytest.approx(4.5)


def test_an_answer_that_trails_off_at_its_last_word_still_has_its_sentence():
    # no pause follows the answer's last word: the answer, and its sentence, end there
    words = _words([(" My", 0.0, 0.2), (" strength", 0.2, 0.7), (" is", 0.7, 0.8), (" teamwork...", 0.8, 1.6)])
    first = opening(words, EN, answer_start=0.0, budget_s=60)
    assert first is not None and first.seconds == pytest.approx(1.6)


# --- an answer too short (or too bare) for a rate has no verdict on any rate ----------------

def test_a_filler_in_under_two_seconds_is_no_rate_to_judge():
    words = _words([(" Um,", 0.0, 0.3), (" um.", 0.4, 0.8)])
    m = measure(words, [Interval(0.0, 0.8)], duration=1.0, rules=EN, budget_s=120)
    assert m.rate.wpm is None
    assert m.stats.filler_count >= 1
    assert m.verdicts["fillers"].level == "n/a"  # not "high" at 76 a minute
    assert m.verdicts["hedges"].level == "n/a"  # not "good" at 0 hedges in no word


def test_fillers_of_a_long_enough_answer_are_judged_but_hedges_of_no_words_are_not():
    # 6 s of nothing but fillers: too many a minute, and no word to count hedges in
    words = _words([(" Um,", 0.0, 0.5), (" uh,", 2.0, 2.5), (" um,", 4.0, 4.5), (" uh.", 5.5, 6.0)])
    speech = [Interval(0.0, 0.5), Interval(2.0, 2.5), Interval(4.0, 4.5), Interval(5.5, 6.0)]
    m = measure(words, speech, duration=6.5, rules=EN, budget_s=10)
    assert m.verdicts["fillers"].level == "high"
    assert m.verdicts["hedges"].level == "n/a"


def test_an_answer_of_a_few_words_over_two_seconds_is_judged_on_every_rate():
    words = _words([(" I", 0.0, 0.3), (" think", 0.3, 0.8), (" I", 0.9, 1.1), (" led", 1.1, 1.6),
                    (" the", 1.6, 1.8), (" team.", 1.8, 2.4)])
    m = measure(words, [Interval(0.0, 2.4)], duration=3.0, rules=EN, budget_s=5)
    assert m.rate.wpm is not None
    assert m.verdicts["fillers"].level == "good"
    assert m.verdicts["hedges"].level == "high"  # 1 in 6 words


# --- "just" meaning exactly or recently is no hedge ----------------------------------------

@pytest.mark.parametrize("text", [
    "I just graduated in June.",
    "We finished just before the deadline.",
    "It was ready just after launch.",
    "I have worked there for just over a year.",
    "We've just launched the new app.",
    "She has just joined the team.",
    "I met them just last week.",
])
def test_just_meaning_exactly_or_recently_is_no_hedge(text):
    assert [m.text for m in EN.find_hedges(text)] == []


@pytest.mark.parametrize("text", [
    "I just think it works.",
    "It's just that I was tired.",
    "I just wanted to say thanks.",
    "I'm just a junior engineer.",
    "I just feel it could be better.",
])
def test_just_that_softens_is_still_a_hedge(text):
    assert [m.text.lower() for m in EN.find_hedges(text)] == ["just"]


def test_the_qa_answer_counts_only_its_real_hedge():
    said = "I just graduated in June. We finished just before the deadline. It was kind of hard."
    assert [m.text for m in EN.find_hedges(said)] == ["kind of"]


# --- a pause after a filler is mid, wordless sound between or not ---------------------------

def test_a_pause_after_a_filler_and_wordless_sound_is_mid_not_at_the_fillers_comma():
    words = _words([(" We", 0.0, 0.2), (" got", 0.2, 0.5), (" a", 0.5, 0.6), (" plan", 0.6, 0.9),
                    (" for", 0.9, 1.1), (" your,", 1.1, 1.5), (" uh,", 1.55, 1.75),
                    # 2.8 s of sound Whisper wrote nothing for, then a 3.8-s pause
                    (" okay,", 8.3, 8.7), (" I", 8.7, 8.8), (" think", 8.8, 9.2), (" so.", 9.2, 9.6)])
    speech = [Interval(0.0, 1.5), Interval(1.55, 4.55), Interval(8.3, 9.6)]
    m = measure(words, speech, duration=10.0, rules=EN, budget_s=60)
    freeze = next(p for p in m.pauses if p.start == pytest.approx(4.55))
    assert freeze.place == "mid"


@pytest.mark.model
@pytest.mark.parametrize("lang, fillers, hedges", [("en", "Fillers 1  –", "Hedges 0  –"),
                                                    ("ja", "フィラー 1回  –", "ぼかし表現 0回  –")])
def test_an_answer_too_short_for_a_pace_shows_its_counts_without_a_rate(lang, fillers, hedges):
    """One real "ummm" in 0.8 s: no "76.0/min" beside the count, as no verdict judges it (QA s33
    qa-b #6); nor hedges per 100 words of no word."""
    import re

    from click.testing import CliRunner

    from conftest import shared_audio
    from furikaeri.cli import cli

    r = CliRunner().invoke(cli, ["analyze", "-l", lang, str(shared_audio("conversation", "umdone_umm.wav"))],
                           env={"COLUMNS": "100"})
    shown = re.sub(r"[│ ]+", " ", r.output)
    assert fillers.replace("  ", " ") in shown and hedges.replace("  ", " ") in shown, r.output
    assert "76.0" not in shown and "(0.0/100 words)" not in shown and "300拍あたり0.0" not in shown, r.output
