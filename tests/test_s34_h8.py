"""QA session 34 (V1, V3), helper h8: the pace tips' wording and units, the note check's length
label, the mid-sentence freeze tip in Japanese, and the focus line's name for the pace."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from furikaeri import norms
from furikaeri.lang import get_rules, text


def _fast(language: str, *, transcript: str, words: int, stops, level: str = "high", art: float | None = None):
    """An answer's figures as the pace tip reads them: ``stops``, the pauses at full stops."""
    from furikaeri.measure import Pause, Stats, Verdict

    rules = get_rules(language)
    key = rules.rate_key
    pace = {"high": (210.0, 9.5), "low": (90.0, 4.0)}[level][key != "wpm"]
    art = art if art is not None else pace
    rate = rules.rate_type(**{key: pace, f"articulation_{key}": art})
    pauses = tuple(Pause(4.0 * i, 4.0 * i + d, "short" if d < 1 else "long", "sentence")
                   for i, d in enumerate(stops, 1))
    return SimpleNamespace(speech_detected=True, over_budget=False, answer_s=40.0, fillers=(), hedges=(),
                           transcript=transcript, pauses=pauses, rate=rate,
                           stats=Stats(unit=rules.unit, word_count=words), verdicts={"rate": Verdict(level, "")})


SENTENCES = {"en": " ".join(["A black bird sees a hat on the hill."] * 7), "ja": "黒い鳥が帽子を見つけました。" * 7}
WORDS = {"en": 63, "ja": 7 * 20}


def _tip(language: str, **kw) -> str:
    from furikaeri.advice import _rate_tip

    return _rate_tip(_fast(language, transcript=SENTENCES[language], words=WORDS[language], **kw), language)[1]


# --- V3 #2: the full stops' rests are short, not absent -------------------------------------------

@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_full_stop_tip_says_the_rests_are_short_under_the_rules_threshold(language):
    # every sentence end has a pause (the pauses line counts one at each), none of 0.8 s
    tip = _tip(language, stops=(0.4, 0.5, 0.3, 0.6, 0.4, 0.3))
    assert "hardly a rest" not in tip and "ほとんど間がありません" not in tip, tip
    assert ("rest is short (under 0.8 s)" in tip) if language == "en" else ("句点のあとの間の多くが0.8秒未満と短め" in tip), tip


# --- V3 #6: every pace tip's norm has its unit -----------------------------------------------------

@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("case", [
    {"stops": (0.4, 0.5, 0.3, 0.6, 0.4, 0.3)},  # tip_fast_stops
    {"stops": (0.9, 1.0, 0.8, 1.2, 0.9, 1.1)},  # tip_fast_words
    {"stops": (), "long": True},  # tip_fast: long sentences
    {"stops": (), "level": "low", "slow_words": True},  # tip_slow
])
def test_each_pace_tip_gives_its_norm_with_the_unit(language, case):
    from furikaeri.advice import _rate_tip

    key = get_rules(language).rate_key
    band, unit = norms.RATE_BANDS[key], text(language, key)
    transcript = SENTENCES[language] if not case.get("long") else SENTENCES[language].replace(".", ",").replace("。", "、")
    art = {"wpm": 80.0, "morae_per_s": 3.5}[key] if case.get("slow_words") else None
    m = _fast(language, transcript=transcript, words=WORDS[language], stops=case["stops"],
              level=case.get("level", "high"), art=art)
    tip = _rate_tip(m, language)[1]
    norm = f"{band.lo:g}–{band.hi:g} {unit}" if language == "en" else f"{band.lo:g}〜{band.hi:g}{unit}"
    assert norm in tip, tip
    assert not re.search(rf"{band.hi:g}(です|\)|）|:)", tip), tip  # no bare 「〜8です」


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_tip_archived_with_the_bare_norm_is_still_known(language):
    from furikaeri.advice import _wrote

    old = {"en": "Slow pace (90 wpm), and slow between pauses too. Aim for 120–160: rehearse aloud.",
           "ja": "話す速さが遅めです（4.8拍/秒、目安は5.3〜8）。話している部分もゆっくりなので…"}[language]
    assert _wrote(old, "tip_slow", language)


# --- V3 #7, V1: the note check's length label is the band's rule, not the answer's status ---------

def test_the_aims_label_says_the_band_stops_at_the_budget():
    ja, en = text("ja", "fix_target", target=60), text("en", "fix_target", target=60)
    assert ja == "（メモの目安60秒・±20%、ただし持ち時間まで）" and "持ち時間内" not in ja
    assert en == " (your aim 60 s, ±20 %, up to the budget)" and "within the budget" not in en


# --- V1 #4: the mid-sentence freeze tip, one pause or several ------------------------------------

@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_mid_sentence_freeze_is_said_plainly_and_still_known_as_the_pause_tip(language):
    from furikaeri.advice import TIP_ABOUT, _freeze, _wrote
    from furikaeri.measure import Pause

    mid, other = Pause(3.0, 4.0, "long", "mid"), Pause(5.0, 6.2, "long", "mid")
    pauses = [Pause(1.0, 2.5, "long", "sentence"), mid, other]  # the longest elsewhere
    one, two = _freeze(pauses, [mid], language), _freeze(pauses, [mid, other], language)
    for tip in (one, two):
        assert "最長" not in tip and "長くても" not in tip, tip
        assert any(_wrote(tip, k, language) for k, about in TIP_ABOUT.items() if "longest_pause_s" in about), tip
    if language == "ja":
        assert "文の途中の間が1回、1.0秒と長くなりました" in one, one
        assert "長い間が2回ありました。そのうちいちばん長いのは1.2秒です" in two, two
    else:
        assert "1 long pause fell mid-sentence, of 1.0 s" in one and "2 long pauses" in two


def test_an_archived_freeze_tip_of_the_old_wording_is_still_known():
    from furikaeri.advice import _wrote

    old = "文の途中で長い間が1回ありました（文の途中の間は長くても1.0秒）。話す要点を事前に整理しておきましょう。"
    assert _wrote(old, "tip_freeze_mid", "ja")


# --- V3 #8: the focus line names the pace, its value gives the unit ------------------------------

@pytest.mark.parametrize("language, name, unit", [("ja", "話速", "拍/秒"), ("en", "pace", "morae/s")])
def test_the_focus_line_names_the_pace_without_its_unit(language, name, unit):
    from rich.console import Console

    from furikaeri.coach import Focus
    from furikaeri.report.terminal import focus_line

    c = Console(width=100, record=True, color_system=None)
    c.print(focus_line(Focus("morae_per_s", 8.9, "high", 8.0, 5.3, "usual", 3.0), language, 100))
    first = c.export_text().splitlines()[0]
    assert first.startswith(f"{text(language, 'focus_title')}: {name} 8.9"), first
    assert first.count(unit) == 2, first  # the value and the usual, never the name


def test_the_journal_names_the_focus_as_the_report_does():
    from furikaeri.report.export import _md_answer

    a = {"id": 9, "question": "自己PR", "language": "ja", "note": None, "focus": "morae_per_s", "transcript": "",
         "metrics": {"answer_s": 30.0, "budget_s": 60.0, "morae_per_s": 8.9}}
    lines = _md_answer(a, "ja")
    assert "- **今回の重点**: 話速" in lines and not any("話速（拍/秒）" in x for x in lines if "重点" in x), lines
    a["focus"] = "fillers_per_min"  # a label with no unit of its own stays as it was
    assert "- **今回の重点**: フィラー" in _md_answer(a, "ja")
