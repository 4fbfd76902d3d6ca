"""QA s35 via h7: length advice follows what the question asks (D #1), the pauses norm reads as a
norm (D #3), natural Japanese (D #8), the hedges focus names the hedges said (A #3)."""

from __future__ import annotations

import pytest

from furikaeri.advice import question_kind, tips_as_shown
from furikaeri.analysis import Heard, _analysis
from furikaeri.coach import focus_given, focus_of
from furikaeri.lang import get_rules, text
from furikaeri.questions import builtin_sets
from furikaeri.transcribe import Word

from test_s33_i2 import _speech, _voice

#: What a story tip asks for: an episode told in order, no fit for a 逆質問 or a self-introduction.
EPISODE = {"en": ("situation", "story", "what you did"), "ja": ("状況", "エピソード", "出来事")}


def _said(lang: str, sentence: str, budget: float, question: str | None, step: float = 0.3):
    """An analysis of ``sentence`` said one token (word; character) every ``step`` seconds."""
    toks = sentence.split() if lang == "en" else list(sentence)
    words = tuple(Word((" " + t) if lang == "en" else t, 0.5 + i * step, 0.5 + i * step + step * 0.9, 0.9)
                  for i, t in enumerate(toks))
    end = words[-1].end
    return _analysis(_speech([(0.5, end)], end + 0.5), Heard(words), get_rules(lang), budget_s=budget,
                     acoustic=False, question=question, model="base", duration=end + 0.5, source="x.wav",
                     voice_of=lambda span: _voice())


SHORT = {"en": "Yes. What does a first year look like here?", "ja": "はい、御社の研修について教えてください。"}


def test_every_built_in_question_has_the_kind_it_asks_for():
    kinds = {q.key: question_kind(q.text) for s in builtin_sets() for q in s.questions}
    assert kinds["ja-basic:gyaku-shitsumon"] == kinds["en-basic:questions-for-us"] == "ask"
    assert kinds["ja-basic:jikoshokai"] == kinds["en-basic:intro"] == "intro"
    for key in ("ja-basic:gakuchika", "ja-basic:zasetsu", "ja-basic:team", "en-basic:failure",
                "en-basic:teamwork", "en-basic:conflict"):
        assert kinds[key] == "story", key
    assert kinds["ja-basic:shibo-doki"] is None and kinds["en-basic:why-company"] is None  # no episode asked
    # typed in (a company's questions): a light check on the words
    assert question_kind("何か聞いておきたいことはありますか") == "ask"
    assert question_kind("Is there anything you'd like to ask us?") == "ask"
    assert question_kind(None) is None and question_kind("Why this industry?") is None


@pytest.mark.parametrize("lang,question", [("ja", "最後に何か質問はありますか。（逆質問）"),
                                           ("en", "Do you have any questions for us?")])
def test_a_short_question_for_the_interviewer_is_not_told_to_add_an_episode(lang, question):
    """QA D #1: 「具体的なエピソードを一つ加えます」 and 「状況・行動・結果」 under 逆質問."""
    a = _said(lang, SHORT[lang], 30.0, question)
    focus = focus_of(a)
    assert focus.metric == "answer_s"
    shown = [focus.suggestion(lang), *tips_as_shown(a, focus)]
    assert shown == [text(lang, "focus_answer_s_low_ask"),
                     text(lang, "tip_too_short_ask", answer=a.answer_s, budget=30.0)]
    assert not any(w in s for s in shown for w in EPISODE[lang]), shown
    # the same answer archived (its tips written with no question in mind) is shown so too
    assert focus_of(a.to_dict()).suggestion(lang) == shown[0]


@pytest.mark.parametrize("lang,question", [("ja", "自己紹介をお願いします。"), ("en", "Tell me about yourself.")])
def test_a_self_introduction_gets_the_points_of_one(lang, question):
    short = _said(lang, SHORT[lang], 30.0, question)
    tip = tips_as_shown(short, focus_of(short))[0]
    assert tip == text(lang, "tip_too_short_intro", answer=short.answer_s, budget=30.0)
    assert ("所属" in tip) if lang == "ja" else ("what led you here" in tip)
    over = _said(lang, SHORT[lang] * 4, 5.0, question)
    focus = focus_of(over)
    assert focus.metric == "over_s" and not focus.slight
    assert focus.suggestion(lang) == text(lang, "focus_over_s_high_intro")
    tips = tips_as_shown(over, focus)
    assert ("所属・名前・取り組み・意気込み" in tips[0]) if lang == "ja" else ("what led you here" in tips[0]), tips
    assert not any(w in t for t in tips for w in EPISODE[lang]), tips


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_story_question_keeps_the_story_advice_and_any_other_a_general_one(lang):
    story = _said(lang, SHORT[lang], 30.0, "学生時代に力を入れたことを教えてください。")
    assert tips_as_shown(story, focus_of(story)) == [text(lang, "tip_too_short_story", answer=story.answer_s,
                                                         budget=30.0)]
    assert focus_of(story).suggestion(lang) == text(lang, "focus_answer_s_low_story")
    for question in (None, "Why this industry?"):
        other = _said(lang, SHORT[lang], 30.0, question)
        shown = [focus_of(other).suggestion(lang), *tips_as_shown(other, focus_of(other))]
        assert not any(w in s for s in shown for w in EPISODE[lang]), shown


def test_a_stored_answer_s_focus_follows_its_question():
    """``show``/``history`` work the focus out again from the archive (:func:`focus_given`)."""
    from furikaeri.store import Answer

    a = _said("ja", SHORT["ja"], 30.0, "最後に何か質問はありますか。")
    d = a.to_dict()
    stored = Answer(1, 1, "s", 1, d["question"], None, "2026-12-05T10:00:00", None, a.transcript, "ja", "base",
                    {}, {"answer_s": a.answer_s, "budget_s": 30.0}, analysis=d, focus="answer_s")

    class Store:
        def answers(self, full=False):
            return [stored]

    assert focus_given(Store(), stored).suggestion("ja") == text("ja", "focus_answer_s_low_ask")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_hedges_focus_names_the_hedges_said_most_said_first(lang):
    """QA A #3: the focus named 'I think', 'maybe', 'kind of' under "I feel like×2, I would say×1"."""
    sentence = {"en": "I would say I am a strong communicator. I feel like I am a little nervous in big meetings. "
                      "I feel like I could lead the team.",
                "ja": "たぶん私は話すのが得意です。会議では少し緊張すると思います。チームを率いることもできると思います。"}[lang]
    a = _said(lang, sentence, 12.0 if lang == "en" else 10.0, None, step=0.4 if lang == "en" else 0.2)
    focus = focus_of(a)
    assert focus.metric == "hedges_per_100_words", focus
    line = focus.suggestion(lang)
    if lang == "en":
        assert line.startswith("Say what you did plainly: drop 'I feel like', 'I would say'"), line
        assert "'I think'" not in line and "maybe" not in line and "kind of" not in line
    else:
        assert line.startswith("「と思います」「たぶん」"), line
        assert "〜と思います" not in line


def test_the_very_long_pauses_norm_reads_as_a_norm_not_a_finding():
    """QA D #3: 「多め（3秒以上の間なし・沈黙35%以下）」 beside 「うち3秒以上2回」."""
    from furikaeri.norms import SILENCE_SHARE_HIGH, VERY_LONG_PAUSE_S

    ja = text("ja", "norm_pauses_very_long", very_long=VERY_LONG_PAUSE_S, share=SILENCE_SHARE_HIGH)
    en = text("en", "norm_pauses_very_long", very_long=VERY_LONG_PAUSE_S, share=SILENCE_SHARE_HIGH)
    assert ja.startswith("目安：") and "間なし" not in ja and "0回" in ja
    assert en.startswith("aim:") and not en.startswith("none")


def test_japanese_wording_reads_naturally():
    """QA D #8: the phrases the tester found stilted, as the views fill them in."""
    assert text("ja", "last_time_head", date="2026-12-05", n=1) == "前回（2026-12-05、これまでに1回回答）"
    assert text("ja", "kept", pct=0.04) == "前回の主な語句のうち、今回も使ったのは4%"
    for key, fields in (("focus_fillers_per_min_high_silences", {}),
                        ("focus_fillers_per_min_high_silences_word", {"word": "えーと"})):
        said = text("ja", key, **fields)
        assert "もう長め" not in said and "代わりに黙る" not in said and "沈黙に置き換える必要はありません" in said
    opening = text("ja", "norm_opening_time", share=0.2)
    assert "判定できず" not in opening and "結論が先かどうか" in opening
    assert text("ja", "delta_points", value="-2") == "-2pt"  # a percentage's points, as Japanese writes them (s44 H #6)
    assert "割合" not in text("ja", "filler_share") and "拍数" in text("ja", "filler_share")


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("kind", [None, "story", "intro", "ask"])
def test_each_kind_s_focus_line_and_its_length_tip_say_different_things(lang, kind):
    """As tests/test_s29_f4advice.py asks of every focus: the line says what to do while
    answering, the tip how to prepare, for the advice of each kind of question too."""
    from furikaeri.advice import kind_key
    from test_s29_f4advice import _advice, _phrases

    for focus, tip, fields in (("focus_answer_s_low", "tip_too_short", {"answer": 5.0, "budget": 60.0}),
                               ("focus_over_s_high", "tip_over_budget", {"over": 20.0, "budget": 60.0})):
        said = text(lang, kind_key(focus, kind, lang))
        advice = _advice(text(lang, kind_key(tip, kind, lang), **fields))
        assert not _phrases(said, lang) & _phrases(advice, lang), (said, advice)
