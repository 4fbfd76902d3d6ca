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
