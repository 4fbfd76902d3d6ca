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


# --- J.md #4, P.md #5: the opening verdict claims no order the words did not tell ------------

def _judged(opening, answer_s: float = 40.0, language: str = "en"):
    from furikaeri.lang import get_rules
    from furikaeri.measure import Stats, judge

    rules = get_rules(language)
    return judge(rules.rate_type(), Stats(unit=rules.unit), answer_s=answer_s, budget_s=60.0, rules=rules,
                 said_opening=opening)["opening"]


def test_an_opening_whose_order_is_not_told_is_not_said_to_put_the_point_first():
    from furikaeri.content import Opening

    untold = Opening(2.5, 0.04, False, None, "え、それではID番号を教えて下さい。")
    for language, claim in (("en", "point first"), ("ja", "結論から")):
        v = _judged(untold, language=language)
        assert v.level == "good" and claim not in v.norm and "20%" in v.norm, v
        told = _judged(Opening(2.5, 0.04, False, "point_first", "My strength is focus."), language=language)
        assert told.level == "good" and claim in told.norm, told
    assert _judged(Opening(2.5, 0.04, False, "story_first", "Last year, I ...")).level == "ok"
    assert _judged(Opening(20.0, 0.33, True, None, "...")).level == "high"


def test_a_fragment_too_short_for_any_rate_gets_no_opening_verdict():
    from furikaeri.content import Opening

    fragment = Opening(1.2, 0.01, False, None, "And so my fellow.")
    assert _judged(fragment, answer_s=1.5).level == "n/a"
    assert _judged(fragment, answer_s=1.5, language="ja").level == "n/a"
    assert _judged(fragment, answer_s=12.0).level == "good"


def test_a_fragment_too_short_for_any_rate_gets_no_voice_verdict():
    from furikaeri.analysis import voice_verdict
    from furikaeri.lang import get_rules
    from furikaeri.voice import Voice

    en = get_rules("en")
    said = Voice(pitch_spread_st=1.8, monotone_share=0.0)
    assert voice_verdict(said, en, answer_s=1.5).level == "n/a"  # P.md #5: 1.5 s is no "most 10 s"
    assert voice_verdict(said, en, answer_s=12.0).level == "good"
    assert voice_verdict(said, en).level == "good"
