"""Session 34 fixes by h3: Japanese repetitions of any word or phrase, the opening verdict when
the order is unknown or the answer too short, the fast-pace tip that fits the figures."""

from __future__ import annotations

import pytest

from furikaeri.lang.ja import RULES


def _repetitions(text: str) -> list[str]:
    return [m.text for m in RULES.find_fillers(text) if m.kind == "repetition"]


# --- J.md #1: repetitions whatever the part of speech, and phrases longer than 2 tokens ---------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("そして、順々、順々が終わりました。", ["順々"]),  # adverb (副詞)
        ("入り込み、そのままで、そのままで、進みました。", ["そのままで"]),  # 連体詞 + noun
        ("どうして、どうして読んでもわからない。", ["どうして"]),  # pointing adverb + し + て
        ("今日のピックニック、今日のピックニックの話です。", ["今日のピックニック"]),  # 4 tokens
        ("とても、とても楽しかったです。", ["とても"]),
        ("そして、そして、帰りました。", ["そして"]),  # a conjunction said again
    ],
)
def test_a_word_said_again_is_a_repetition_whatever_its_part_of_speech(text, expected):
    assert _repetitions(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "まだまだ頑張ります。",  # one token
        "もっともっと頑張りたいです。",  # the language's own doubling, no break
        "ずっとずっと続けてきました。",
        "いろんないろんな人に会いました。",
        "その都度その都度対応しました。",
        "少しずつ少しずつ上達しました。",
        "何度も何度も練習しました。",  # counting
        "一つ一つ丁寧に取り組みました。",
    ],
)
def test_a_doubling_the_language_makes_is_not_a_repetition(text):
    assert _repetitions(text) == []


def test_different_words_in_a_row_are_not_a_repetition():
    assert _repetitions("今日のピクニック、明日のピクニックの話です。") == []
    assert _repetitions("とても、すごく楽しかったです。") == []


# --- K.md #9: the mid-sentence freeze tip in natural Japanese ---------------------------------

def test_the_longest_mid_sentence_pause_is_said_as_the_other_tips_say_it():
    from furikaeri.advice import _freeze
    from furikaeri.measure import Pause

    mid = Pause(3.0, 4.0, "long", "mid")
    pauses = [Pause(1.0, 2.5, "long", "sentence"), mid]  # a longer one elsewhere: tip_freeze_mid
    tip = _freeze(pauses, [mid], "ja")
    assert "最長1.0秒" in tip and "長くて" not in tip, tip
