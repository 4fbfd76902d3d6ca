"""QA round 33 (n1): a file cut off after a few seconds gets no focus or tip on its rates
(QA-C #1)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from furikaeri.advice import tips_as_shown, tips_for
from furikaeri.coach import focus_of
from furikaeri.lang import get_rules, text
from furikaeri.measure import Stats, Verdict
from furikaeri.voice import Voice

LANGS = ("en", "ja")


# --------------------------------------------------------------------------- QA-C #1: a file cut off short


def _cut(language: str, answer_s: float, *, cut_short: bool = True, budget_s: float = 120.0) -> dict:
    """The stored figures of an analysis of ``answer_s`` seconds of speech (the QA's truncated
    file: 5.2 s read of a 120-s question), its pace slow and one filler in it."""
    rate = {"wpm": 93.0} if language == "en" else {"morae_per_s": 4.0, "chars_per_min": 190.0}
    return {"speech_detected": True, "language": language, "answer_s": answer_s, "budget_s": budget_s,
            "cut_short": cut_short, "rate": rate, "stats": {"fillers_per_min": 11.6, "filler_count": 1}}


@pytest.mark.parametrize("language", LANGS)
def test_a_file_cut_off_far_short_of_its_budget_has_no_focus(language):
    """QA: 5.2 s read of a 120-s question, cut off: "Focus: pace 93 wpm". The rates of a few
    seconds say little, whether the length is judged (then it is the focus) or not (cut off)."""
    assert focus_of(_cut(language, 5.2)) is None
    assert focus_of(_cut(language, 5.2, cut_short=False)).metric == "answer_s"  # the short-answer rule
    # read long enough for its rates to say something: the pace is still the focus, the length never
    assert focus_of(_cut(language, 60.0)).metric == get_rules(language).pace_key


def _analysis(language: str, answer_s: float, cut_short: bool):
    rules = get_rules(language)
    slow = rules.rate_type(wpm=93.0, articulation_wpm=95.0) if language == "en" else \
        rules.rate_type(morae_per_s=4.0, articulation_morae_per_s=4.1, chars_per_min=190.0)
    return SimpleNamespace(speech_detected=True, language=language, answer_s=answer_s, budget_s=120.0,
                           over_budget=False, pauses=(), fillers=(), stats=Stats(unit=rules.unit), rate=slow,
                           verdicts={"rate": Verdict("low", "")}, hedges=(), opening=None, voice=Voice(),
                           cut_short=cut_short, tips=(), latency_s=1.0)


@pytest.mark.parametrize("language", LANGS)
def test_a_file_cut_off_far_short_of_its_budget_gets_no_tip_on_its_rates(language):
    """QA: the same cut-off file's only tip was on its pace (93 wpm over 5 s)."""
    assert tips_for(_analysis(language, 5.2, True), language, 120.0, length_known=False) == []
    short = tips_for(_analysis(language, 5.2, False), language, 120.0)
    assert short == [text(language, "tip_too_short", answer=5.2, budget=120.0)]  # the length, alone
    long_enough = tips_for(_analysis(language, 60.0, True), language, 120.0, length_known=False)
    assert long_enough and long_enough != [text(language, "tip_good")]  # its slow pace has a tip


@pytest.mark.parametrize("language", LANGS)
def test_a_cut_off_file_archived_with_a_pace_tip_is_shown_without_it(language):
    """An answer saved before the fix kept its pace tip: shown (no focus) without it."""
    archived = _analysis(language, 5.2, True)
    archived.tips = ("a tip on the pace",)
    assert tips_as_shown(archived, None) == []
    archived.answer_s = 60.0
    assert tips_as_shown(archived, None) == ["a tip on the pace"]
