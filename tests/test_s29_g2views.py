"""QA round 29 (g2views), after a practice run with a clip far too short for its budget, a slow
pace slowed by its silences, and the archive's views of them:

1. a far too short answer gets the length as its only tip (no pause tip beside it), also from
   the focus line's tip and in an answer archived with more tips;
2. the focus line asks for shorter silences when the tip below it says the silences slow the
   pace (both go by one rule), and for quicker words when the words are slow themselves;
3. a figure has the same digits in every view: the length (22.1 s) and a pace under 100 (79.8)
   as the report writes them, an overrun from the length as shown (52.5 of 30: +23 s), a norm
   as the report's table writes it (≤ 2/min);
4. history marks the rates of an answer too short for them, as progress leaves them out;
5. Japanese typography: 「18.7 / 30秒」, no 「最長0.0秒」 with no pause;
6. the command suggested at a session's end is never broken across lines.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from furikaeri import coach
from furikaeri.advice import _wrote, focus_first, focus_tip, tips_for
from furikaeri.fillers import Filler
from furikaeri.lang import get_rules, text
from furikaeri.measure import Pause, Stats, Verdict
from furikaeri.voice import Voice

LANGS = ("en", "ja")


from test_s29_f4advice import answer as measured  # an answer's measurements, every figure where it should be


# --------------------------------------------------------------------------- 1. the length, the only tip


def _short_with_everything(language: str):
    """9.9 s of a 45-s budget (QA's jfk.flac), with a freeze mid-sentence, fillers, a slow pace
    and a flat voice: every other tip's figure off."""
    um = "um" if language == "en" else "えー"
    rules = get_rules(language)
    slow = (rules.rate_type(wpm=80.0, articulation_wpm=90.0) if language == "en"
            else rules.rate_type(morae_per_s=4.0, articulation_morae_per_s=4.2, chars_per_min=190.0))
    return measured(language, answer_s=9.9, budget_s=45.0, rate=slow,
                    pauses=(Pause(2.0, 3.2, "long", "mid"), Pause(5.0, 6.1, "long", "mid")),
                    fillers=(Filler(um, 1.0, 1.3), Filler(um, 4.0, 4.3), Filler(um, 8.0, 8.3)),
                    stats=Stats(unit=rules.unit, fillers_per_min=18.2, longest_pause_s=1.2),
                    verdicts={"rate": Verdict("low", "")}, voice=Voice(monotone_share=0.9))


@pytest.mark.parametrize("language", LANGS)
def test_a_far_too_short_answer_gets_the_length_tip_alone(language):
    """QA: "• 2 long pauses fell mid-sentence (longest 1.2 s)…" under the length tip of a 9.9-s
    answer to a 45-s question; README: the length is its only tip."""
    m = _short_with_everything(language)
    assert tips_for(m, language, 45.0) == [text(language, "tip_too_short", answer=9.9, budget=45.0)]
    # long enough (30 % of the budget or more): the other tips are back
    longer = tips_for(SimpleNamespace(**{**vars(m), "answer_s": 13.5}), language, 45.0)
    assert len(longer) == 3 and not any(t == text(language, "tip_too_short", answer=13.5, budget=45.0) for t in longer)


@pytest.mark.parametrize("language", LANGS)
def test_the_focus_line_adds_no_other_tip_to_a_far_too_short_answer(language):
    m = _short_with_everything(language)
    length = text(language, "tip_too_short", answer=9.9, budget=45.0)
    freeze = text(language, "tip_freeze", n=2, longest=1.2)
    for metric in ("longest_pause_s", "fillers_per_min", get_rules(language).pace_key, "monotone_share"):
        assert focus_tip(m, metric, language) is None, metric
    assert focus_tip(m, "answer_s", language) == length
    # archived with a pause tip beside the length (before this round): shown with the length alone
    assert focus_first([length, freeze], "answer_s", language, analysis=m) == [length]
    assert focus_first([freeze], "answer_s", language, analysis=m) == [length]
    # a file cut short: its length is no figure of the speaker's, the other tips stay
    cut = SimpleNamespace(**{**vars(m), "cut_short": True})
    assert focus_tip(cut, "longest_pause_s", language) == freeze


# --------------------------------------------------------------------------- 2. the focus line's cause


def _slow_answer(language: str, art: float) -> dict:
    """A saved analysis whose pace is slow, its words said at ``art`` between the pauses."""
    rate = ({"wpm": 80.0, "articulation_wpm": art} if language == "en"
            else {"morae_per_s": 4.2, "articulation_morae_per_s": art, "chars_per_min": 190.0})
    return {"speech_detected": True, "language": language, "answer_s": 41.3, "budget_s": 60.0,
            "stats": {"fillers_per_min": 0.0, "filler_count": 0, "longest_pause_s": 2.0}, "rate": rate,
            "fillers": [], "pauses": [{"start": 5.0, "end": 7.0, "kind": "long", "place": "sentence"}]}


@pytest.mark.parametrize("language, quick, slow", [("en", 135.0, 95.0), ("ja", 6.5, 4.6)])
def test_the_focus_line_names_the_cause_the_tip_names(language, quick, slow):
    """QA: "→ Pick up the pace: talk as you would to a friend…, a little brisker" above "though
    between pauses you speak at 135 words/min: the silences slow it down"."""
    pauses = (Pause(5.0, 7.0, "long", "sentence"),)
    for art, by_silences in ((quick, True), (slow, False)):
        d = _slow_answer(language, art)
        focus = coach.focus_of(d)
        assert focus.metric == get_rules(language).pace_key and focus.side == "low"
        assert focus.suggestion(language) == text(language, "focus_rate_low_silences" if by_silences
                                                  else "focus_rate_low"), art
        # the tip below it, by the same rule
        rules = get_rules(language)
        m = measured(language, rate=rules.rate_type(**d["rate"]), pauses=pauses, verdicts={"rate": Verdict("low", "")})
        (tip,) = tips_for(m, language, 60.0)
        assert _wrote(tip, "tip_slow_pauses_between" if by_silences else "tip_slow", language), tip


def test_the_focus_given_to_a_saved_answer_names_the_cause_too():
    """``show`` works the focus out again from the saved answer: its suggestion is the one the
    report gave then."""
    from furikaeri.store import Answer, metrics_from_analysis

    d = _slow_answer("en", 135.0)
    saved = Answer(1, 1, "s", 1, "q", None, "2026-12-05T10:00:00", None, "", "en", "base", {},
                   metrics_from_analysis(d), focus="wpm", analysis=d)
    store = SimpleNamespace(answers=lambda full=False: [saved])
    assert coach.focus_given(store, saved).suggestion("en") == text("en", "focus_rate_low_silences")


# --------------------------------------------------------------------------- 3. one figure, one set of digits

#: Two attempts at one question: the first 22.06 s at 79.84 wpm (the report: "22.1 / 30 s",
#: "79.8 words/min"), the second 52.46 s of 30 (the report: "52.5 / 30 s", over by +23 s: 22.5
#: as shown, where 22.46 rounded once is 22).
ATTEMPTS = {"en": ((22.06, {"wpm": 79.84, "articulation_wpm": 150.0}), (52.46, {"wpm": 133.2, "articulation_wpm": 150.0})),
            "ja": ((7.84, {}), (52.46, {}))}
SHOWN = {"en": ("22.1", "52.5", "80"), "ja": ("7.8", "52.5", None)}  # a pace per minute whole (QA s32)
ROUNDED_ONCE = {"en": ("22 s", "52 s", "79.8", "22 s over", "+22 s"), "ja": ("8秒", "52秒", "22秒超過", "+22秒")}


def lasting(a, answer_s: float, **rate):
    """Analysis ``a`` as if it lasted ``answer_s`` (its length verdict judged again), its rate
    figures ``rate``."""
    import dataclasses

    from furikaeri.measure import judge

    verdicts = judge(a.rate, a.stats, answer_s=answer_s, budget_s=a.budget_s, rules=get_rules(a.language))
    return dataclasses.replace(a, answer_s=answer_s, over_budget=verdicts["length"].level == "high",
                               verdicts={**a.verdicts, "length": verdicts["length"]},
                               rate=dataclasses.replace(a.rate, **rate))


@pytest.fixture(scope="module")
def two_attempts(tmp_path_factory):
    """A home per language with the two attempts of :data:`ATTEMPTS`, a session each."""
    from datetime import timedelta

    from furikaeri import session as S
    from test_narrow_layout import MONDAY, QUESTIONS, SAID, measured as said_over_a_buzz

    out = {}
    for lang in LANGS:
        home = tmp_path_factory.mktemp(f"g2views_{lang}")
        for i, (answer_s, rate) in enumerate(ATTEMPTS[lang]):
            a = lasting(said_over_a_buzz(lang, SAID[lang], budget=30.0, question=QUESTIONS[lang][0]), answer_s, **rate)
            S.save_analysis(a, audio_path=None, home=home, session=f"s{i + 1}", question=QUESTIONS[lang][0],
                            now=MONDAY + timedelta(days=i))
        out[lang] = home
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", [("history",), ("compare", "1", "2"), ("compare", "--sessions", "s1", "s2"),
                                  ("progress",), ("show", "2")])
def test_a_figure_has_the_report_s_digits_in_every_view(two_attempts, lang, view):
    """QA: 22.1 s in the report, "length: 22 s → 46 s" in the note check, "37/45" in history,
    "10 s → 38 s" after the next answer, 79.8 words/min and "80 wpm", 52.5 / 30 s and "+22 s"."""
    from test_narrow_layout import run

    out = run(two_attempts[lang], 100, *view, "--lang", lang)
    first, second, pace = SHOWN[lang]
    shown = {"history": (first, second, pace), "compare": (first, second, pace), "progress": (second,),
             "show": (first, second)}[view[0]]
    for figure in filter(None, shown):
        assert re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d])", out), (figure, out)
    for once in ROUNDED_ONCE[lang]:
        assert not re.search(rf"(?<![\d.]){re.escape(once)}", out), (once, out)
    if view[0] in ("compare", "progress", "show"):  # the overrun, from the length as shown
        assert text(lang, "over_by", over=23) in out, out


@pytest.mark.parametrize("lang", LANGS)
def test_a_change_and_the_length_row_add_up_as_shown(lang):
    """The change column from the figures as shown (79.8 -> 133 wpm: +53, 9.9 -> 37.9 s:
    +28.0), the note's check and last time's focus with the report's digits."""
    from rich.console import Console

    from furikaeri.metrics import Change
    from furikaeri.progress import AfterAnswer
    from furikaeri.report import history as H

    assert H.shown_change("answer_s", 9.94, 37.86, lang) == "+28.0"
    assert H.shown_change("wpm", 79.84, 133.2, lang) == "+53"
    assert H.shown_change("wpm", 141.4, 133.2, lang) == "-8"
    console = Console(record=True, width=100, color_system=None)
    H.render_after(console, AfterAnswer(focus_then=Change("answer_s", 9.94, 37.86, 27.92, "better")), lang)
    said = console.export_text()
    assert H.fmt_value("answer_s", 9.94, lang) in said and H.fmt_value("answer_s", 37.86, lang) in said
    assert ("9.9 s → 37.9 s" if lang == "en" else "9.9秒 → 37.9秒") in said, said


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_s_overrun_is_of_the_length_it_shows(lang):
    """QA: 「回答時間 52.5 / 30 秒 時間オーバー +22秒」: 52.5 - 30 is 22.5, +23 as every view
    rounds it; the tip and the focus line say +23 too."""
    from rich.console import Console

    from furikaeri.coach import choose_focus
    from furikaeri.report.terminal import focus_line
    from furikaeri.store import metrics_from_analysis
    from test_narrow_layout import QUESTIONS, SAID, measured as said_over_a_buzz

    a = lasting(said_over_a_buzz(lang, SAID[lang], budget=30.0, question=QUESTIONS[lang][0]), 52.46)
    rows = _report(a)
    unit = "s" if lang == "en" else "秒"
    assert re.search(rf"52\.5 / 30 ?{unit}.*\+23 ?{unit}", rows), rows
    assert text(lang, "tip_over_budget", over=23.0, budget=30.0) in tips_for(a, lang, 30.0)
    focus = choose_focus(metrics_from_analysis(a.to_dict()), lang)
    console = Console(record=True, width=100, color_system=None)
    console.print(focus_line(focus, lang, 96))
    assert f"+23{' ' if lang == 'en' else ''}{unit}" in console.export_text(), console.export_text()


def _report(a, width: int = 100, focus=None) -> str:
    from rich.console import Console

    from furikaeri.report.terminal import render

    console = Console(record=True, width=width, color_system=None)
    render(a, console, focus=focus)
    return console.export_text()


@pytest.mark.parametrize("lang", LANGS)
def test_the_focus_line_writes_a_norm_as_the_report_s_table(lang):
    """QA: "fillers 5.8/min (norm 2.0/min)" over the table's "good (≤ 2/min)"."""
    from rich.console import Console

    from furikaeri import norms
    from furikaeri.coach import Focus
    from furikaeri.report.terminal import focus_line

    from furikaeri.metrics import METRIC_BY_NAME

    console = Console(record=True, width=100, color_system=None)
    limits = {"fillers_per_min": norms.FILLERS_GOOD_PER_MIN, "longest_pause_s": norms.VERY_LONG_PAUSE_S,
              "hedges_per_100_words": norms.HEDGES_PER_100_HIGH}
    for metric, limit in limits.items():
        console.print(focus_line(Focus(metric, 9.0, "high", limit, None, "norm", 1.0), lang, 96))
    said = console.export_text()
    for metric, limit in limits.items():
        assert METRIC_BY_NAME[metric].with_unit(f"{limit:g}", lang) in said, said  # 2/min, 3 s, 3/100 words
    assert f"{norms.FILLERS_GOOD_PER_MIN:g}/" in text(lang, "norm_fillers", good=norms.FILLERS_GOOD_PER_MIN) \
        or f"{norms.FILLERS_GOOD_PER_MIN:g}回" in text(lang, "norm_fillers", good=norms.FILLERS_GOOD_PER_MIN)
    assert not re.search(r"(?<![\d.])[23]\.0(?![\d])", said), said


# --------------------------------------------------------------------------- 4. history marks a short answer's rates


#: A pace of each language's tracked figure, as history writes it
PACE = {"wpm": 133.0, "morae_per_s": 6.6}


def _session(lang: str, *lengths: float) -> dict:
    """A session's record as history lists it: an answer of each length, to a 45-s budget."""
    pace = get_rules(lang).pace_key
    answers = [{"id": i + 1, "created_at": f"2026-12-05T10:0{i}:00Z", "question": "Tell me about yourself.",
                "language": lang, "note": None,
                "metrics": {"answer_s": s, "budget_s": 45.0, "over_budget": False, "fillers_per_min": 6.1,
                            pace: PACE[pace]}} for i, s in enumerate(lengths)]
    return {"id": 1, "name": "s1", "started_at": "2026-12-05T10:00:00Z", "company": None, "answers": answers}


@pytest.mark.parametrize("width", [40, 100])
@pytest.mark.parametrize("lang", LANGS)
def test_history_marks_the_rates_of_an_answer_too_short_for_them(lang, width):
    """QA: jfk.flac, 9.9 s of a 45-s budget: its pace and fillers listed like any other, though
    progress leaves them out."""
    from rich.console import Console

    from furikaeri.report import history as H

    console = Console(record=True, width=width, color_system=None)
    H.render_history(console, [_session(lang, 9.9, 37.9), _session(lang, 9.9)], lang)
    out = console.export_text()
    rows = {n: line for line in out.splitlines() for n in ("9.9/45", "37.9/45") if n in line}
    pace = f"{PACE[get_rules(lang).pace_key]:g}"
    if width >= 64:  # a table: the short answer's rates marked, the other's not
        assert re.search(rf"6\.1\{H.SHORT_MARK}\s+{re.escape(pace)}\{H.SHORT_MARK}$", rows["9.9/45"].rstrip()), out
        assert H.SHORT_MARK not in rows["37.9/45"], out
    assert out.count(f"6.1{H.SHORT_MARK}") == 2 and out.count(f"{pace}{H.SHORT_MARK}") == 2, out
    said = text(lang, "history_short_note", share=0.3)
    assert "".join(out.split()).count("".join(said.split())) == 1, out  # explained once, under the tables
    console = Console(record=True, width=width, color_system=None)
    H.render_history(console, [_session(lang, 37.9, 20.0)], lang)
    assert H.SHORT_MARK not in console.export_text() and said[:8] not in console.export_text()


# --------------------------------------------------------------------------- 5. Japanese typography


@pytest.mark.parametrize("width", [50, 100])
@pytest.mark.parametrize("lang", LANGS)
def test_a_unit_sits_as_the_language_writes_it_and_no_pause_has_no_longest(lang, width):
    """QA: 「回答時間 18.7 / 30 秒」 beside 「持ち時間 30秒」; 「最長0.0秒」 with no pause at all."""
    from test_narrow_layout import flat, measured as said_over_a_buzz

    one = {"en": ["So since then I joined a speaking club and it is getting easier every week."],
           "ja": ["その結果子供たちが自分から質問してくれるようになりました。"]}[lang]
    a = said_over_a_buzz(lang, one, budget=30.0, question="?")
    assert a.stats.pause_count == 0
    out = _report(a, width)
    length = f"{a.answer_s:.1f} / 30 s" if lang == "en" else f"{a.answer_s:.1f} / 30秒"
    assert length in out, out
    assert ("longest0.0" if lang == "en" else "最長0.0") not in flat(out), out
    assert flat(text(lang, "pause_counts_none", share=0.0)) in flat(out), out
    if width < 64 and lang == "ja":  # stacked: a rate and its unit as the table's norm writes them (5.5〜8拍/秒)
        assert re.search(r"\d拍/秒", out) and not re.search(r"\d 拍/秒", out), out
    # with pauses, every figure of them as before
    b = said_over_a_buzz(lang, ["Well, I led a team.", "We shipped it."] if lang == "en"
                         else ["はい、チームを率いました。", "期限内に出しました。"], budget=30.0, question="?")
    assert b.stats.pause_count and ("longest" if lang == "en" else "最長") in flat(_report(b, width))


# --------------------------------------------------------------------------- 6. a command to paste, whole


def _printed(width: int, draw) -> list[str]:
    from rich.console import Console

    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    draw(console)
    return [line.rstrip() for line in console.export_text().splitlines()]


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("lang", LANGS)
def test_the_command_suggested_at_a_session_s_end_is_never_broken(lang, width):
    """QA: "compare with the last session that answered one of these questions: furikaeri " /
    "compare --sessions 1 2" when the output is no terminal (80 columns)."""
    from furikaeri.cli.practice_cmd import _Screen, said_with_command

    row = SimpleNamespace(id=12, answer_count=3, name="en-basic 2026-12-05 01:26")
    result = SimpleNamespace(session=row, ended_after=None)
    lines = _printed(width, lambda c: _Screen(c, lang, quiet=False).done(result, SimpleNamespace(id=7)))
    commands = ["furikaeri compare --sessions 7 12", "furikaeri progress", "furikaeri history"]
    for command in commands:
        assert any(command in line for line in lines), (command, lines)
    assert not any(line.endswith(("furikaeri", "compare", "--sessions", "7")) for line in lines), lines
    hint = text(lang, "compare_hint")
    said = " ".join(lines) if lang == "en" else "".join(lines)
    assert hint in said, lines  # the hint is all there, wrapping by itself
    if width >= 120:  # where it fits: on one line, as before
        assert f"{hint}: furikaeri compare --sessions 7 12" in lines
    company = "さくら商事 東京本社 デジタル戦略部門 新卒採用"  # a name with spaces, in its quotes
    lines = _printed(width, lambda c: said_with_command(c, text(lang, "company_hint", company=company, home="")))
    assert any(f'furikaeri practice --company "{company}"' in line for line in lines), lines
