"""An answer's last word said long is no filler (QA s36 B #2).

The report right after a take re-read an unsure last word over a held vowel as an "uh":
"...I think that's normal, though" was heard as "Oh." (p 0.3) over the drawn "thoughhh", and
the held-sound rule, which asks for a pause on one side of the sound, took the silence after
the answer's end for that pause. The answer's end is no pause: the last sound needs a pause
before it to be a filler. Hand-made words and intervals: the rule is what is tested.
"""

from __future__ import annotations

from furikaeri.lang import get_rules
from furikaeri.measure import measure
from furikaeri.speech import HeldSound, Interval
from furikaeri.transcribe import Word

WORDS = [Word(" I", 0.5, 0.6, 0.99), Word(" think", 0.6, 0.9, 0.99), Word(" that's", 0.9, 1.2, 0.99),
         Word(" normal.", 1.2, 1.8, 0.99)]


def _acoustic(words, speech, held):
    m = measure(words, speech, duration=4.0, rules=get_rules("en"), budget_s=60, held=held)
    return [(f.text, f.start, f.end) for f in m.fillers if f.how_found == "acoustic"]


def test_the_last_word_drawn_out_straight_after_the_one_before_is_a_word():
    words = WORDS + [Word(" Oh.", 1.85, 2.1, 0.3)]  # "though", said long, heard unsurely
    speech = [Interval(0.5, 2.5)]  # no pause before it: one phrase to the answer's end
    assert _acoustic(words, speech, [HeldSound(1.85, 2.5, 120.0)]) == []


def test_a_last_uh_after_a_pause_is_a_filler():
    words = WORDS + [Word(" Oh.", 2.4, 2.7, 0.3)]
    speech = [Interval(0.5, 1.8), Interval(2.4, 3.0)]  # a pause, then a held sound to the end
    assert _acoustic(words, speech, [HeldSound(2.4, 3.0, 120.0)]) == [("uh", 2.4, 3.0)]


def test_a_held_sound_before_a_pause_inside_the_answer_still_counts():
    words = [Word(" We", 0.5, 0.7, 0.99), Word(" a", 0.75, 1.2, 0.3), Word(" built", 1.8, 2.1, 0.99),
             Word(" robots.", 2.1, 2.8, 0.99)]
    speech = [Interval(0.5, 1.2), Interval(1.8, 2.8)]  # "We a-a-a", then a pause: not the answer's end
    assert [t for t, _, _ in _acoustic(words, speech, [HeldSound(0.75, 1.2, 120.0)])] == ["uh"]
