"""QA round s32 (k5): a greeting, thanks or an acknowledgement said before the answer is not the
sentence that gets to the point, in both languages, and the report's "First sentence:" is the
one judged; the opening row names "point first" once; a figure's verdict stacked under a narrow
terminal is broken between its phrases, in English too; a pace per minute is a whole number in
the report, its verdict and its tip (morae per second keep their tenth)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from rich.console import Console
from rich.text import Text

from furikaeri.advice import _rate_tip
from furikaeri.content import Opening, opening
from furikaeri.lang import get_rules
from furikaeri.measure import judge, rate_as_shown, rate_digits
from furikaeri.transcribe import Word
from test_narrow_layout import measured

EN, JA = get_rules("en"), get_rules("ja")


def said(lang: str, sentences: list[str], t: float = 0.0, d: float = 0.25) -> list[Word]:
    """Whisper's words: " word" in English, Japanese a few characters at a time (a full stop with
    the one before it), ``d`` seconds each."""
    out = []
    for sentence in sentences:
        pieces = [" " + w for w in sentence.split()] if lang == "en" else re.findall(r".{1,3}?[、。]|.{1,3}", sentence)
        for p in pieces:
            out.append(Word(p, round(t, 3), round(t + d, 3), 0.9))
            t += d
    return out


def end_of(words: list[Word], upto_sentences: int) -> float:
    """When sentence number ``upto_sentences`` (1-based) ends: the end of the word with its stop."""
    stops = [w.end for w in words if w.text.rstrip()[-1:] in ".。?!"]
    return stops[upto_sentences - 1]


# --------------------------------------------------------------------------- the opening


@pytest.mark.parametrize(("lang", "sentences", "text", "order"), [
    ("en", ["Thank you for the question.", "My greatest strength is patience."],
     "My greatest strength is patience.", "point_first"),
    ("en", ["Um.", "Sure, good question.", "When I was at school, we built a robot."],
     "When I was at school, we built a robot.", "story_first"),
    ("en", ["Good morning, thank you for having me.", "Sure, of course.", "The answer is my team."],
     "The answer is my team.", "point_first"),
    ("ja", ["I.D.お願いします。", "私の強みは粘り強さです。"], "私の強みは粘り強さです。", "point_first"),
    ("ja", ["はい、よろしくお願いいたします。", "大学2年の時、サークルの代表になりました。"],
     "大学2年の時、サークルの代表になりました。", "story_first"),
    ("ja", ["ご質問ありがとうございます。", "学生時代に力を入れたことはアルバイトです。"],
     "学生時代に力を入れたことはアルバイトです。", "point_first"),
])
def test_a_courtesy_said_first_is_not_the_opening(lang, sentences, text, order):
    rules = get_rules(lang)
    words = said(lang, sentences)
    o = opening(words, rules, answer_start=0.0, budget_s=60.0)
    n = len(sentences)
    assert o.text == text and o.order == order
    # the time to the point counts the courtesy too: from the answer's start to the point's end
    assert o.seconds == round(end_of(words, n), 2)


@pytest.mark.parametrize(("lang", "sentences"), [
    ("en", ["Sure, I'm a quick learner.", "I learned Go in a week."]),
    ("en", ["Thank you, my greatest strength is patience.", "I stay calm."]),
    ("ja", ["粘り強さが強みなので、よろしくお願いします。", "以上です。"]),
    ("ja", ["はい、私の強みは粘り強さです。", "以上です。"]),
])
def test_a_sentence_that_says_more_than_a_courtesy_is_the_opening(lang, sentences):
    o = opening(said(lang, sentences), get_rules(lang), answer_start=0.0, budget_s=60.0)
    assert o.text == sentences[0]


def test_an_answer_of_courtesies_alone_has_no_opening():
    assert opening(said("en", ["Thank you for the question.", "Good question."]), EN,
                   answer_start=0.0, budget_s=60.0) is None
    assert opening(said("ja", ["はい、よろしくお願いします。"]), JA, answer_start=0.0, budget_s=60.0) is None


@pytest.mark.parametrize(("rules", "sentence", "courtesy"), [
    (EN, "Thank you for the question.", True),
    (EN, "Thanks so much for having me!", True),
    (EN, "That's a great question.", True),
    (EN, "Let me think about that.", True),
    (EN, "Hi, nice to meet you.", True),
    (EN, "Okay, so.", True),
    (EN, "So, well.", False),  # no courtesy said
    (EN, "Sure, I can do that in a week.", False),
    (EN, "My name is Ken Sato.", False),  # what "Tell me about yourself" asks first
    (EN, "Yes, I think so.", False),
    (JA, "よろしくお願いします。", True),
    (JA, "はい、ご質問ありがとうございます。", True),
    (JA, "本日はよろしくお願いいたします。", True),
    (JA, "もう一度お願いします。", True),
    (JA, "かしこまりました。", True),
    (JA, "そうですね。", True),
    (JA, "粘り強さが強みなのでお願いします。", False),  # a clause of its own before the request
    (JA, "南山大学の田中と申します。", False),  # what 自己紹介 asks first
    (JA, "アルバイトです。", False),
])
def test_what_is_only_a_courtesy(rules, sentence, courtesy):
    assert rules.courtesy(sentence) is courtesy


def test_the_report_names_the_sentence_after_the_courtesy_first():
    from furikaeri.report.terminal import render

    a = measured("ja", ["はい、よろしくお願いします。", "私の強みは粘り強さです。", "アルバイトで学びました。"],
                 budget=60.0, question="あなたの強みを教えてください。")
    console = Console(record=True, width=100, force_terminal=False, color_system=None)
    render(a, console)
    out = console.export_text()
    first = next(line for line in out.splitlines() if "最初の一文" in line)
    assert "私の強みは粘り強さです。" in first and "よろしく" not in first
    assert a.opening.order == "point_first"


# --------------------------------------------------------------------------- the opening row


def opening_row(lang: str, order, width: int | None) -> str:
    """The report's verdict for an opening said in ``order`` on time (the grid's third cell, or the
    stacked verdict line under a ``width`` below 64)."""
    from furikaeri.report.terminal import figures

    a = measured(lang, ["My greatest strength is patience.", "I stay calm."] if lang == "en"
                 else ["私の強みは粘り強さです。", "アルバイトで学びました。"], budget=60.0, question="?")
    o = a.opening
    told = Opening(o.seconds, o.budget_share, o.late, order, o.text)
    rules = get_rules(lang)
    verdicts = {**a.verdicts, "opening": judge(a.rate, a.stats, answer_s=a.answer_s, budget_s=a.budget_s,
                                               rules=rules, said_opening=told, latency_s=a.latency_s)["opening"]}
    a = replace(a, opening=told, verdicts=verdicts)
    console = Console(record=True, width=(width or 100) + 4, force_terminal=False, color_system=None)
    console.print(figures(a, rules, width))
    out = console.export_text()
    at = out.index(rules.labels["opening"])
    return " ".join(out[at:].split("\n\n")[0].split())


@pytest.mark.parametrize("width", [None, 46])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_point_first_is_said_once(lang, width):
    L = get_rules(lang).labels
    row = opening_row(lang, "point_first", width)
    assert row.count(L["point_first"]) == 1, row
    story = opening_row(lang, "story_first", width)  # the norm asks for the point first; it opened a story
    assert story.count(L["point_first"]) == 1 and story.count(L["story_first"]) == 1, story


def test_a_stacked_verdict_breaks_between_its_phrases():
    from furikaeri.report.terminal import _stacked_figures

    verdict = Text("good (≤ 20% of budget, point first)  story first")
    console = Console(record=True, width=50, force_terminal=False, color_system=None)
    console.print(_stacked_figures([("To the point", "5.8 s (19% of budget)", verdict, "")], 46))
    lines = [line.strip() for line in console.export_text().splitlines()]
    assert "story first" in lines and "good (≤ 20% of budget, point first)" in lines, lines


# --------------------------------------------------------------------------- the pace


@pytest.mark.parametrize(("key", "value", "shown"), [
    ("wpm", 90.24, 90.0), ("articulation_wpm", 79.8, 80.0), ("chars_per_min", 98.6, 99.0),
    ("wpm", 127.4, 127.0), ("morae_per_s", 5.64, 5.6), ("articulation_morae_per_s", 8.04, 8.0),
])
def test_a_pace_per_minute_is_whole_and_per_second_has_its_tenth(key, value, shown):
    assert rate_as_shown(value, key) == shown
    assert rate_as_shown(value) == shown  # where no figure is named: by its size


def test_a_slow_pace_is_whole_in_the_report_and_its_tip():
    from furikaeri.report.terminal import figures

    a = measured("en", ["My greatest strength is patience.", "I stay calm."], budget=60.0, question="?")
    rate = EN.rate_type(wpm=79.8, articulation_wpm=135.26)
    a = replace(a, rate=rate, verdicts=judge(rate, a.stats, answer_s=a.answer_s, budget_s=a.budget_s, rules=EN,
                                             said_opening=a.opening, latency_s=a.latency_s))
    console = Console(record=True, width=104, force_terminal=False, color_system=None)
    console.print(figures(a, EN, 100))
    out = console.export_text()
    assert re.search(r"\b80 +wpm\b", out) and re.search(r"\b135 +wpm without pauses", out), out
    assert "79.8" not in out and "135.3" not in out
    _, tip = _rate_tip(a, "en")
    assert "(80 wpm)" in tip and "79.8" not in tip and "135.3" not in tip, tip
    assert rate_digits(5.64, "morae_per_s") == 1
