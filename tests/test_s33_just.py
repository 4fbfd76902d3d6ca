""""just" before any past form of an event means recently, not merely; "it is just that" said
in full softens as "it's just that" does (QA s33 qa-f #3: five recent events made 12.8 hedges
per 100 words, "high", and the full form went uncounted)."""

from __future__ import annotations

import pytest

from furikaeri.lang import get_rules

EN = get_rules("en")


@pytest.mark.parametrize("text", [
    "I just got promoted last month.",
    "We just accepted the offer on Monday.",
    "She just told me yesterday.",
    "I just found out this morning.",
    "We just delivered the project in May.",
    "They just announced the results yesterday.",
    "I was just promoted.",
])
def test_just_before_a_past_event_is_no_hedge(text):
    assert EN.find_hedges(text) == []


@pytest.mark.parametrize("text", [
    "It is just that I care about quality.",
    "It was just that we ran out of time.",
    "I'm just excited to be here.",  # a state after "be": softening
    "I just did my best.",
    "I just felt it was wrong.",
])
def test_just_that_softens_is_counted(text):
    assert [m.text.lower() for m in EN.find_hedges(text)] == ["just"]
