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

def test_the_longest_mid_sentence_pause_is_said_in_natural_japanese():
    import re

    from furikaeri.advice import _freeze
    from furikaeri.measure import Pause

    # no 最長 beside the pauses line's longest (2.5 s), nor 長くても (at most) after calling it long
    # (QA s34 V1 #4): several are the longest of them, one is said alone
    mid, other = Pause(3.0, 4.0, "long", "mid"), Pause(5.0, 6.2, "long", "mid")
    pauses = [Pause(1.0, 2.5, "long", "sentence"), mid, other]  # a longer one elsewhere: tip_freeze_mid
    for said, said_as in (([mid, other], "そのうちいちばん長いのは1.2秒"), ([mid], "1回、1.0秒と長く")):
        tip = _freeze(pauses, said, "ja")
        assert said_as in tip and not re.search(r"長くて(も)?\d", tip) and "最長" not in tip, tip


# --- K.md #5: the fast-pace tip fits the figures ----------------------------------------------

def _fast(language: str, *, transcript: str, words: int, pauses, art: float):
    from types import SimpleNamespace

    from furikaeri.lang import get_rules
    from furikaeri.measure import Stats, Verdict

    rules = get_rules(language)
    key = rules.rate_key
    rate = rules.rate_type(**{key: 210.0 if key == "wpm" else 9.5, f"articulation_{key}": art})
    return SimpleNamespace(speech_detected=True, over_budget=False, answer_s=40.0, fillers=(), hedges=(),
                           transcript=transcript, pauses=tuple(pauses), rate=rate,
                           stats=Stats(unit=rules.unit, word_count=words),
                           verdicts={"rate": Verdict("high", "")})


def _pace_tip(m, language: str) -> str:
    from furikaeri.advice import _rate_tip

    return _rate_tip(m, language)[1]


#: K.md #5's answer: 7 short sentences (about 9 words each), a brief pause after 6 of them.
SHORT = " ".join(["A black bird sees a hat on the hill."] * 7)


def _stops(*durations):
    from furikaeri.measure import Pause

    return [Pause(4.0 * i, 4.0 * i + d, "short" if d < 1 else "long", "sentence") for i, d in enumerate(durations, 1)]


def test_short_sentences_with_brief_stops_are_told_to_rest_at_the_full_stops_not_to_shorten_them():
    from furikaeri.lang import text

    tip = _pace_tip(_fast("en", transcript=SHORT, words=63, pauses=_stops(0.4, 0.5, 0.3, 0.8, 0.4, 0.3), art=256.0),
                    "en")
    assert "shorter sentences" not in tip and "full stops your rest is short (under 0.8 s)" in tip, tip
    assert tip.startswith("Fast pace (210 wpm).")
    ja = _pace_tip(_fast("ja", transcript="黒い鳥が帽子を見つけました。" * 7, words=7 * 20,
                         pauses=_stops(0.4, 0.5, 0.3, 0.8, 0.4, 0.3), art=11.0), "ja")
    assert ja.startswith("話す速さが速めです") and "句点のあとの間の多くが0.8秒未満と短め" in ja, ja
    assert text("ja", "tip_fast", value="x", lo=1, hi=2, unit="拍/秒") != ja


def test_short_sentences_with_rests_taken_are_told_the_words_are_fast():
    tip = _pace_tip(_fast("en", transcript=SHORT, words=63, pauses=_stops(0.9, 1.0, 0.8, 1.2, 0.9, 1.1), art=256.0),
                    "en")
    assert "256 wpm even between pauses" in tip and "shorter sentences" not in tip, tip
    ja = _pace_tip(_fast("ja", transcript="黒い鳥が帽子を見つけました。" * 7, words=7 * 20,
                         pauses=_stops(0.9, 1.0, 0.8, 1.2, 0.9, 1.1), art=11.0), "ja")
    assert "話している部分が11.0拍/秒と速め" in ja and "短く区切る" not in ja, ja


def test_long_sentences_are_still_told_to_be_shorter():
    long = "I led the team that rebuilt the billing system and we moved every customer over in a quarter " \
           "while keeping the old one running and nobody lost a single invoice along the way."
    tip = _pace_tip(_fast("en", transcript=long, words=34, pauses=(), art=230.0), "en")
    assert "shorter sentences" in tip, tip
    ja = _pace_tip(_fast("ja", transcript="私はチームで請求システムを作り直し全ての顧客を移行しながら古いシステムも動かし続けました。",
                         words=80, pauses=(), art=10.0), "ja")
    assert "短く区切る" in ja, ja


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
