"""QA round 29 (f4advice): every figure the coach can make its focus has a tip, first, that
says something else than the focus line; tips write figures as the report's rows do; a filler
or a hedge before the point does not hide it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest

from furikaeri.advice import focus_first, focus_tip, tips_for
from furikaeri.coach import Focus, _gauges
from furikaeri.content import Hedge, Opening, opening
from furikaeri.fillers import Filler
from furikaeri.lang import get_rules, text
from furikaeri.measure import Pause, Stats, Verdict, over_as_shown
from furikaeri.transcribe import Word
from furikaeri.voice import Voice

LANGS = ("en", "ja")


def answer(language: str, **kw):
    """An analysis with every figure where it should be, but for ``kw``."""
    rules = get_rules(language)
    fields = dict(speech_detected=True, language=language, answer_s=50.0, budget_s=60.0, over_budget=False,
                  pauses=(), fillers=(), stats=Stats(unit=rules.unit), rate=rules.rate_type(), verdicts={},
                  hedges=(), opening=None, voice=Voice(), cut_short=False, tips=())
    fields.update(kw)
    return SimpleNamespace(**fields)


@dataclass
class Case:
    name: str
    focus: Focus
    analysis: SimpleNamespace


def _rate(language: str, fast: bool, art: float | None = None):
    rules = get_rules(language)
    if language == "en":
        return rules.rate_type(wpm=210.0 if fast else 95.0, articulation_wpm=art or (230.0 if fast else 100.0))
    return rules.rate_type(morae_per_s=9.6 if fast else 4.0, articulation_morae_per_s=art or (10.0 if fast else 4.3),
                           chars_per_min=470.0 if fast else 190.0)


def cases(language: str) -> list[Case]:
    """A focus on each figure the coach gauges (and on a far too short answer), with an answer
    that has it: past its norm, or off only against the person's own usual."""
    pace = get_rules(language).pace_key
    fast_art, good_art = (None, 150.0) if language == "en" else (None, 6.5)
    um = "um" if language == "en" else "えー"
    hedge = ("I think", "maybe") if language == "en" else ("と思います", "たぶん")
    mid = (Pause(5.0, 8.5, "very_long", "mid"),)
    between = (Pause(5.0, 8.5, "very_long", "sentence"),)
    slow = {"verdicts": {"rate": Verdict("low", "")}}
    out = [
        Case("short", Focus("answer_s", 5.0, "low", 18.0, None, "norm", 1.3), answer(language, answer_s=5.0)),
        Case("over", Focus("over_s", 25.0, "high", 0.0, None, "norm", 2.5),
             answer(language, answer_s=85.0, over_budget=True)),
        Case("slightly over", Focus("over_s", 2.0, "high", 0.0, None, "norm", 0.2, slight=True),
             answer(language, answer_s=62.0, over_budget=True)),
        Case("fast", Focus(pace, 210.0, "high", 160.0, 133.0, "usual", 3.0),
             answer(language, rate=_rate(language, True, fast_art), verdicts={"rate": Verdict("high", "")})),
        Case("slow words", Focus(pace, 95.0, "low", 120.0, None, "norm", 1.2),
             answer(language, rate=_rate(language, False), **slow)),
        Case("slow, silences inside", Focus(pace, 95.0, "low", 120.0, None, "norm", 1.2, by_silences=True),
             answer(language, rate=_rate(language, False, good_art), pauses=mid, **slow)),
        Case("slow, silences between", Focus(pace, 95.0, "low", 120.0, None, "norm", 1.2, by_silences=True),
             answer(language, rate=_rate(language, False, good_art), pauses=between, **slow)),
        Case("freeze", Focus("longest_pause_s", 3.5, "high", 3.0, None, "norm", 0.25), answer(language, pauses=mid)),
        Case("long silence", Focus("longest_pause_s", 3.5, "high", 3.0, None, "norm", 0.25),
             answer(language, pauses=between)),
        Case("pause against usual", Focus("longest_pause_s", 2.6, "high", 3.0, 0.5, "usual", 1.05),
             answer(language, pauses=(Pause(9.0, 11.6, "long", "sentence"),))),
        Case("late start", Focus("latency_s", 7.5, "high", 5.0, None, "norm", 1.25),
             answer(language, latency_s=7.5, verdicts={"latency": Verdict("high", "")})),
        Case("opening", Focus("opening_share", 0.3, "high", 0.2, None, "norm", 1.0),
             answer(language, opening=Opening(18.0, 0.3, True, "story_first", "…"))),
        Case("monotone", Focus("monotone_share", 0.8, "high", 0.5, None, "norm", 1.2),
             answer(language, voice=Voice(monotone_share=0.8))),
        Case("monotone against usual", Focus("monotone_share", 0.4, "high", 0.5, 0.0, "usual", 1.6),
             answer(language, voice=Voice(monotone_share=0.4))),
    ]
    fillers = (Filler(um, 1.0, 1.3), Filler(um, 9.0, 9.3), Filler(um, 20.0, 20.3))
    hedges = (Hedge(hedge[0], 3.0, 3.4), Hedge(hedge[1], 12.0, 12.3), Hedge(hedge[0], 30.0, 30.4))
    for against, per_min, per100, verdict in (("norm", 6.0, 5.0, "high"), ("usual", 1.8, 2.0, "good")):
        out.append(Case(f"fillers against the {against}",
                        Focus("fillers_per_min", per_min, "high", 2.0, 0.0, against, 1.5, word=um),
                        answer(language, fillers=fillers, stats=Stats(fillers_per_min=per_min))))
        out.append(Case(f"hedges against the {against}",
                        Focus("hedges_per_100_words", per100, "high", 3.0, 0.0, against, 1.0),
                        answer(language, hedges=hedges, stats=Stats(hedges=3, hedges_per_100_words=per100),
                               verdicts={"hedges": Verdict(verdict, "")})))
    return out


@pytest.mark.parametrize("language", LANGS)
def test_every_figure_the_coach_can_focus_on_has_cases(language):
    """The cases below cover every figure :func:`furikaeri.coach.choose_focus` can pick, so a
    figure added to the coach without a tip fails here."""
    assert {g.metric for g in _gauges(language)} | {"answer_s"} <= {c.focus.metric for c in cases(language)}


@pytest.mark.parametrize("language", LANGS)
def test_the_focus_has_a_tip_and_it_comes_first(language):
    """QA: the focus was hedges and no tip was about them (only fillers and pauses)."""
    for case in cases(language):
        made = focus_tip(case.analysis, case.focus.metric, language)
        assert made, case.name
        other = (text(language, "tip_freeze", n=1, longest=1.4) if case.focus.metric == "fillers_per_min"
                 else text(language, "tip_fillers", per_min=4.0, top="x"))
        # among the stored tips, it is put first ...
        assert focus_first([other, made], case.focus.metric, language) == [made, other], case.name
        # ... and when none is about the focus (ranked out, or off only against the usual), it is made
        for stored in ([other] * 3, [text(language, "tip_good")]):
            shown = focus_first(stored, case.focus.metric, language, analysis=case.analysis)
            # a far too short answer: its length is its only tip (g2views), whatever was stored
            assert shown == ([made] if case.name == "short" else [made, *stored[:2]]), case.name


def test_a_hedge_tip_is_stored_when_the_hedges_are_high():
    """QA (ja_KKD27-ST2): hedges "high", the focus, and the tips only fillers and a pause."""
    for language in LANGS:
        (case,) = [c for c in cases(language) if c.name == "hedges against the norm"]
        tips = tips_for(case.analysis, language, 60.0)
        assert tips == [focus_tip(case.analysis, "hedges_per_100_words", language)], tips
        assert ("3 hedges" if language == "en" else "ぼかし表現が3回") in tips[0]
        assert ("5.0 per 100 words" if language == "en" else "300拍あたり5.0") in tips[0]


def test_a_flat_voice_and_a_late_opening_get_stored_tips_too():
    for language in LANGS:
        late = answer(language, opening=Opening(18.0, 0.3, True, "story_first", "…"), voice=Voice(monotone_share=0.7))
        tips = tips_for(late, language, 60.0)
        assert tips == [focus_tip(late, "opening_share", language), focus_tip(late, "monotone_share", language)]
        assert ("18.0 s in (30% of the budget)" if language == "en" else "18.0秒（持ち時間の30%）") in tips[0]
        # a first sentence past the budget: the length is the fault (as the coach says), no opening tip
        past = answer(language, opening=Opening(70.0, 1.17, True, None, "…"), answer_s=80.0)
        assert tips_for(past, language, 60.0) == [text(language, "tip_good")]


def test_a_tip_in_an_older_wording_is_still_known_as_the_focus_tip():
    """An archived answer keeps the tips written then: known by their figure, not made twice."""
    old = "5.9 fillers a minute (um, uh, like). Replace them with a short silent pause: silence sounds confident."
    (case,) = [c for c in cases("en") if c.name == "fillers against the norm"]
    other = text("en", "tip_freeze", n=1, longest=1.4)
    assert focus_first([other, old], "fillers_per_min", "en", analysis=case.analysis) == [old, other]
    old_ja = "話す速さが速めです（9.6拍/秒）。文の区切りで一呼吸おきましょう。"
    assert focus_first(["x", old_ja], "chars_per_min", "ja", analysis=answer("ja")) == [old_ja, "x"]


# --------------------------------------------------------------------------- the focus line and its tip


def _phrases(said: str, language: str) -> set[tuple[str, str]]:
    """Word pairs said in a row with a content word among them ("silent pause", "slow down",
    「一/呼吸」): what saying the same thing twice shares."""
    rules = get_rules(language)
    content = {t for t, _, _ in rules.content_tokens(said)}
    words = [w.lower() for w in rules.diff_tokens(said)]
    return {(a, b) for a, b in zip(words, words[1:]) if a in content or b in content}


def _advice(tip: str) -> str:
    """A tip after its figure (its first sentence): what it asks."""
    return re.split(r"[。：]|[.:](?=\s)", tip, maxsplit=1)[1]


@pytest.mark.parametrize("language", LANGS)
def test_the_focus_line_and_its_tip_say_different_things(language):
    """QA: "→ Slow down: finish each sentence, then take a breath" then "Slow down and pause
    between sentences"; "→ Swap 'um' for a silent pause" then "Replace them with a short silent
    pause". The focus line says what to do while answering; its tip, the figure and a different
    way to work on it."""
    for case in cases(language):
        said = case.focus.suggestion(language)
        tip = focus_tip(case.analysis, case.focus.metric, language)
        assert not _phrases(said, language) & _phrases(_advice(tip), language), (case.name, said, tip)
        if case.focus.word:  # and the suggestion that names no filler
            plain = Focus(**{**case.focus.__dict__, "word": None}).suggestion(language)
            assert not _phrases(plain, language) & _phrases(_advice(tip), language), (case.name, plain, tip)


def test_the_measure_of_saying_the_same_thing_finds_it():
    """The check above is no tautology: the pairs QA found repeat phrases it sees."""
    assert _phrases("Slow down: finish each sentence.", "en") & _phrases("Slow down and pause.", "en")
    assert _phrases("Swap 'um' for a silent pause.", "en") & _phrases("Replace them with a short silent pause.", "en")
    assert _phrases("一文を言い切ってから、一呼吸おいて次へ。", "ja") & _phrases("文の区切りで一呼吸おきましょう。", "ja")


# --------------------------------------------------------------------------- figures as the rows show them


@pytest.mark.parametrize("language", LANGS)
def test_the_length_tips_write_the_figures_as_the_length_row(language):
    """QA: "used only 0 s of 120 s" for 0.2 s (the row: "0.2 / 120 s"); "past the 10 s budget"
    for a budget of 9.85 s (the norm: "≤ 9.85 s")."""
    for answer_s, budget in ((0.2, 120.0), (9.93, 60.0), (2.0, 9.85)):
        (tip,) = tips_for(answer(language, answer_s=answer_s), language, budget)
        row = (f"{answer_s:.1f}", f"{budget:g}")
        assert all(re.search(rf"(?<![\d.]){re.escape(x)}(?![\d])", tip) for x in row), (tip, row)
    for answer_s, budget in ((9.93, 9.85), (131.4, 120.0), (61.04, 60.0)):
        (tip,) = tips_for(answer(language, answer_s=answer_s, over_budget=True), language, budget)
        over = over_as_shown(answer_s - budget)  # as the length row's "+0.1 s"
        assert all(re.search(rf"(?<![\d.]){re.escape(f'{x:g}')}(?![\d])", tip) for x in (budget, over)), tip


@pytest.mark.parametrize("language", LANGS)
def test_the_focus_line_writes_the_budget_as_the_length_row(language):
    shown = text(language, "focus_short", value="2.0 s", share=0.3, budget=0.3 * 9.85 / 0.3)
    assert "9.85" in shown and "10" not in shown


# --------------------------------------------------------------------------- the point after a filler


def words(pieces, d=0.3):
    return [Word(p, round(i * d, 3), round((i + 1) * d, 3), 0.9) for i, p in enumerate(pieces)]


@pytest.mark.parametrize("language, pieces, order", [
    ("en", ["Uh.", " My", " weakness,", " um,", " is", " probably", " public", " speaking."], "point_first"),
    ("en", ["Um,", " when", " I", " was", " in", " my", " second", " year,", " I", " led", " a", " team."], "story_first"),
    ("en", ["So,", " uh,", " I", " think", " my", " greatest", " strength", " is", " teamwork."], "point_first"),
    ("en", ["Uh.", " I", " like", " making", " things", " people", " use."], None),
    ("ja", ["えー、", "以前、", "アルバイト", "で", "リーダー", "を", "して", "いました。"], "story_first"),
    ("ja", ["えー。", "私", "の", "強み", "は", "粘り", "強さ", "です。"], "point_first"),
    ("ja", ["えっと、", "たぶん", "結論", "から", "申し上げ", "ます", "と", "粘り", "強さ", "です。"], "point_first"),
])
def test_a_filler_or_hedge_before_the_point_does_not_hide_it(language, pieces, order):
    """QA: "Uh. My weakness, um, is probably public speaking." had no order (README: "My
    greatest strength is…" states the point); the marks a filler leaves behind hid it."""
    o = opening(words(pieces), get_rules(language), answer_start=0.0, budget_s=60.0)
    assert o.order == order, o
    assert o.text.startswith(pieces[0].strip())  # the sentence is still shown as said
