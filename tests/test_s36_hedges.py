"""QA s36 D #3: a hedge said again straight after itself (a restart) is one hedge; the restart is
counted as a repetition, not as more hedges (real-l2 KKR24-ST2, 73-76 s: 「これはちょっと、
ちょっと、なん、ちょっと」 gave ちょっと×3)."""

from __future__ import annotations

import pytest

from furikaeri.content import hedges
from furikaeri.lang import get_rules
from furikaeri.transcribe import Word


def said(*parts: str) -> list[Word]:
    return [Word(p, 0.3 * i, 0.3 * i + 0.3, 0.9) for i, p in enumerate(parts)]


@pytest.mark.parametrize("lang, parts, n", [
    ("ja", ["これは", "ちょっと、", "ちょっと、", "なん、", "ちょっと", "という", "感じ。"], 1),
    ("ja", ["ちょっと", "難しい。", "でも", "ちょっと", "楽しい。"], 2),  # two hedges, words between
    ("ja", ["たぶん、", "えー、", "たぶん", "大丈夫です。"], 1),  # a filler between: a restart
    ("en", [" I", " think,", " I", " think", " we", " won."], 1),
    ("en", [" I", " think,", " uh,", " I", " think", " so."], 1),
    ("en", [" I", " think", " so,", " and", " I", " think", " we", " won."], 2),
])
def test_a_hedge_restarted_is_one_hedge(lang, parts, n):
    assert len(hedges(said(*parts), get_rules(lang))) == n
