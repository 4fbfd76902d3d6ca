"""Session 31, k10: a freeze before the first word judged and advised, a limit figure's
crossing said as a band's is, and the norm sources saying what METRICS.md says."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from furikaeri import norms
from furikaeri.advice import TIP_ABOUT, _wrote, tips_for
from furikaeri.lang import get_rules, text
from furikaeri.measure import Stats, judge, latency_verdict
from furikaeri.metrics import LATENCY_FREEZE_S, METRIC_BY_NAME, change
from furikaeri.report.history import _verdict


def _answer(latency_s: float, lang: str, **fields):
    """Measurements with nothing off their norms but the time to the first word (and ``fields``)."""
    verdicts = judge(get_rules(lang).rate_type(), Stats(unit=get_rules(lang).unit), answer_s=40.0, budget_s=60.0,
                     rules=get_rules(lang), latency_s=latency_s)
    verdicts.pop("rate", None), verdicts.pop("chars_per_min", None)
    base = dict(speech_detected=True, over_budget=False, answer_s=40.0, fillers=(), pauses=(), latency_s=latency_s,
                stats=Stats(unit=get_rules(lang).unit), rate=None, verdicts=verdicts, opening=None, hedges=())
    return SimpleNamespace(**{**base, **fields})


# --------------------------------------------------------------------------- 1. a freeze before the first word


def test_the_freeze_threshold_is_the_one_compare_and_the_note_check_use():
    assert norms.LATENCY_FREEZE_S == LATENCY_FREEZE_S == 5.0


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_time_to_the_first_word_gets_a_verdict_judged_as_shown(lang):
    # QA: "Time to first word 7.5 s" with no verdict, while compare calls it past the range
    v = judge(get_rules(lang).rate_type(), Stats(), answer_s=40.0, budget_s=60.0, rules=get_rules(lang),
              latency_s=7.5)["latency"]
    assert v.level == "high" and v.norm == text(lang, "norm_latency", freeze=5.0)
    assert "furikaeri's own" in v.source and "METRICS.md gives no norm" in v.source
    assert latency_verdict(4.9, lang).level == "good"
    assert latency_verdict(4.96, lang).level == "high"  # shown as 5.0 s: a freeze, as the row says
    assert latency_verdict(None, lang) is None


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_freeze_before_the_first_word_gets_a_tip_not_the_all_good_one(lang):
    # QA: the only tip "Well-paced and within the budget…" / 「速さも時間配分も良好です」 after 7.5 s of silence
    tips = tips_for(_answer(7.5, lang), lang, 60.0)
    assert tips == [text(lang, "tip_latency", latency=7.5, freeze=5.0)]
    assert "7.5" in tips[0]
    assert tips_for(_answer(3.0, lang), lang, 60.0) == [text(lang, "tip_good")]  # a think is no fault


def test_the_freeze_tip_ranks_over_fillers_and_pace_and_under_a_long_overrun():
    from furikaeri.fillers import Filler

    fillers = tuple(Filler("um", i, i + 0.3, "hesitation", "whisper") for i in range(4))
    m = _answer(5.0, "en", fillers=fillers, stats=Stats(unit="words", filler_count=4, fillers_per_min=6.0))
    tips = tips_for(m, "en", 60.0)
    assert _wrote(tips[0], "tip_latency", "en") and _wrote(tips[1], "tip_fillers", "en")
    over = tips_for(_answer(5.0, "en", over_budget=True, answer_s=90.0), "en", 60.0)
    assert _wrote(over[0], "tip_over_budget", "en") and _wrote(over[1], "tip_latency", "en")
    assert TIP_ABOUT["tip_latency"] == ("latency_s",)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_report_row_shows_the_verdict_also_for_an_answer_archived_without_one(lang):
    from rich.text import Text

    from furikaeri.report.terminal import _figure_rows

    a = SimpleNamespace(sounds_like=None, verdicts={}, over_budget=False, answer_s=21.0, budget_s=60.0,
                        latency_s=7.46, language=lang, rate={}, stats=Stats(), repetitions=(), opening=None,
                        voice=SimpleNamespace(pitch_spread_st=None))
    rows: list = []
    _figure_rows(a, get_rules(lang), rows)
    label, value, verdict, _ = rows[1]
    assert label == text(lang, "latency") and value.startswith("7.5")
    assert isinstance(verdict, Text) and text(lang, "norm_latency", freeze=5.0) in verdict.plain
    assert get_rules(lang).labels["verdict_late"] in verdict.plain


# --------------------------------------------------------------------------- 2. a limit crossed


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("metric, inside, outside", [("latency_s", 3.5, 7.5), ("longest_pause_s", 1.5, 4.0)])
def test_a_limit_figure_crossing_its_limit_says_it_left_or_came_into_the_range(lang, metric, inside, outside):
    # QA: 3.5 -> 7.5 s read "▼ worse", back "▲ better", while banded figures say "left the range"
    m = METRIC_BY_NAME[metric]
    left = _verdict(change(m, inside, outside), lang).plain
    back = _verdict(change(m, outside, inside), lang).plain
    assert left == "▼ " + text(lang, "left_limit") and back == "▲ " + text(lang, "into_limit")
    assert text(lang, "left_band") in text(lang, "left_limit") and text(lang, "into_band") in text(lang, "into_limit")


def test_a_limit_figure_moving_on_one_side_of_its_limit_keeps_its_word():
    m = METRIC_BY_NAME["longest_pause_s"]
    assert _verdict(change(m, 4.0, 6.0), "en").plain == "▼ " + text("en", "worse")  # off, and further off
    assert _verdict(change(m, 6.0, 4.0), "en").plain == "▲ " + text("en", "better")  # nearer, still off


# --------------------------------------------------------------------------- 3. the norms' sources


def test_the_japanese_pace_source_says_for_whom_and_whose_band():
    src = norms.MORAE_PER_S.source
    cited, own = src.split("furikaeri's own")
    assert "non-native listeners" in cited and "5.3-8" in own and "8" not in cited.replace("2018", "")


def test_the_hedges_source_is_in_the_unit_of_the_norm_beside_it():
    ja = norms.hedges_source("ja")
    assert "300 morae" in ja and "per 100 words" not in ja
    assert "100 words" in norms.hedges_source("en")
    v = judge(get_rules("ja").rate_type(), Stats(), answer_s=40.0, budget_s=60.0, rules=get_rules("ja"))["hedges"]
    assert v.source == ja and "300拍" in v.norm


def test_the_voice_source_gives_hot_mic_a_scale_not_a_threshold():
    src = norms.VOICE_SOURCE.split("furikaeri's own")[0]
    assert "below 2 st" not in src and "1 - min(SD / 2 st, 1)" in src
