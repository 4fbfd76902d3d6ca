"""Session 32, k2: progress and compare QA (a trend's change shown as --json gives it, one
jitter rule for the overall and the question trends of a count, the length judged against its
budget in compare, no "best" time to the first word where it is not graded)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from furikaeri import compare as C
from furikaeri import progress as P
from furikaeri.metrics import METRIC_BY_NAME, Change
from furikaeri.report import history as H
from furikaeri.store import Answer

PAUSES = METRIC_BY_NAME["long_pauses_per_min"]
FILLERS = METRIC_BY_NAME["fillers_per_min"]
LATENCY = METRIC_BY_NAME["latency_s"]


def _answer(i: int, metrics: dict, *, question: int = 1, language: str = "en") -> Answer:
    return Answer(i, 1, "s", question, f"Q{question}", None, f"2026-12-05T09:{i:02d}:00+00:00", None, "",
                  language, "base", {}, {"budget_s": 90.0, "answer_s": 60.0, **metrics})


# --------------------------------------------------------------------------- 1. a trend's change


@pytest.mark.parametrize("metric, before, after, shown", [
    ("off_pace_s", 13.5, 12.5, "-1"), ("off_pace_s", 12.5, 13.5, "+1"), ("off_pace_s", 17.0, 12.5, "-4.5"),
    ("off_pace_s", 12.5, 13.0, "+0.5"), ("off_pace_s", 13.5, 14.0, "+0.5"), ("off_pace_s", 4.0, 4.0, "±0"),
    ("long_pauses_per_min", 13.5, 12.5, "-1.0"), ("long_pauses_per_min", 4.0, 4.0, "±0.0")])
def test_a_trend_of_medians_shows_the_change_json_gives(metric, before, after, shown):
    # QA: long pauses 13.5 -> 12.5 (JSON delta -1.0) read "-2" (14 - 12, each median rounded first);
    # a figure shown whole keeps the half of a median of two; long pauses are tracked a minute, to tenths
    c = Change(metric, before, after, round(after - before, 3), "same")
    assert H.trend_shown(metric, c, "en") == shown


def test_progress_text_and_json_give_one_change_of_long_pauses():
    answers = [_answer(i, {"long_pauses_per_min": v}) for i, v in enumerate((16, 11, 8, 17), 1)]
    block = P._block("Q1", 1, answers)
    s = next(s for s in block.series if s.metric == "long_pauses_per_min")
    assert (s.trend.before, s.trend.after, s.trend.delta) == (13.5, 12.5, -1.0)
    row = next(r for r in H._progress_figures(block, "ja")[1] if r[0] == PAUSES.label("ja"))
    assert row[4] == "-1.0"


def test_a_float_figure_keeps_its_digits():
    c = Change("latency_s", 0.3, 0.25, -0.05, "same")
    assert H.trend_shown("latency_s", c, "en") == "-0.1"  # not a digit more than shown
    share = Change("monotone_share", 0.119, 0.0, -0.119, "same")
    assert H.trend_shown("monotone_share", share, "en") == "-12 pt"


# --------------------------------------------------------------------------- 2. one jitter rule


def _fillers(i: int, rate: float, length: float, question: int) -> Answer:
    return _answer(i, {"fillers_per_min": rate, "filler_count": round(rate * length / 60), "answer_s": length,
                       "budget_s": 60.0}, question=question)


def test_the_overall_trend_of_fillers_uses_the_noise_rule_of_each_question():
    # QA qa-b/h4: the same four answers: overall "-2.5 better", each question "same (within the recogniser's noise)"
    answers = [_fillers(1, 5.72, 52.46, 1), _fillers(2, 9.22, 32.54, 2), _fillers(3, 3.21, 18.69, 1),
               _fillers(4, 6.84, 26.33, 2)]
    for group in P.per_question(answers):
        assert P.series(FILLERS, group).trend.verdict == "same"
    overall = P.series(FILLERS, answers).trend
    assert overall.delta == pytest.approx(-2.445) and overall.verdict == "same"


def test_a_trend_of_fillers_past_the_noise_is_still_a_change():
    answers = [_fillers(i, r, 60.0, 1) for i, r in enumerate((8.0, 9.0, 3.0, 2.0), 1)]
    assert P.series(FILLERS, answers).trend.verdict == "better"


# --------------------------------------------------------------------------- 3. length in compare


def _length(i: int, answer_s: float, budget_s: float | None = 90.0) -> Answer:
    over = None if budget_s is None else answer_s - budget_s
    return _answer(i, {"answer_s": answer_s, "budget_s": budget_s, "over_s": over})


@pytest.mark.parametrize("before, after, budget, verdict", [
    (37.9, 9.9, 90.0, "worse"),    # QA compare 4 7: now under 30 % of the budget
    (9.9, 37.9, 90.0, "better"),
    (22.1, 45.8, 90.0, "better"),  # from far too short into the range
    (50.0, 70.0, 90.0, "same"),    # inside the range at both ends
    (100.0, 80.0, 60.0, "better"),  # nearer the budget from over it
    (70.0, 90.0, 60.0, "worse"),
    (17.0, 16.0, 90.0, "same"),    # far too short at both ends, by about as much
    (5.0, 20.0, 90.0, "better"),   # still short, much nearer
])
def test_compare_judges_the_length_against_the_budget(before, after, budget, verdict):
    cmp = C.compare_answers(_length(1, before, budget), _length(2, after, budget))
    assert next(c for c in cmp.changes if c.metric == "answer_s").verdict == verdict


def test_a_length_without_a_budget_is_not_judged():
    cmp = C.compare_answers(_length(1, 30.0, None), _length(2, 60.0, None))
    assert next(c for c in cmp.changes if c.metric == "answer_s").verdict == "n/a"


def _compare_text(before: float, after: float, lang: str) -> str:
    out = Console(file=io.StringIO(), width=120, color_system=None, record=True)
    H.render_compare_answers(out, C.compare_answers(_length(1, before), _length(2, after)), lang, as_table=True)
    return next(line for line in out.export_text().splitlines() if line.startswith(H._label("answer_s", lang)))


@pytest.mark.parametrize("before, after, en, ja", [
    (37.9, 9.9, "worse, now too short for the budget", "悪化（短すぎる）"),
    (9.9, 37.9, "better, now in range for the budget", "改善（適切な長さに）"),
    (50.0, 70.0, "= in range for the budget", "= 適切な長さ"),
    (80.0, 95.0, "worse, now over the budget", "悪化（持ち時間超過）"),
])
def test_the_length_row_says_where_the_length_went(before, after, en, ja):
    # the length is judged against the budget: 持ち時間 in Japanese, never a norm's 目安
    assert en in _compare_text(before, after, "en")
    said = _compare_text(before, after, "ja")
    assert ja in said and "目安" not in said


# --------------------------------------------------------------------------- 4. best time to first word


def _latencies(*values: float) -> list[Answer]:
    return [_answer(i, {"latency_s": v}) for i, v in enumerate(values, 1)]


def test_no_best_time_to_first_word_among_thinks():
    # QA: 1.08, 0.54, 1.5, 0.16, 0.22, 1.5 s: "best 1.5 s" (the latest of equal scores)
    s = P.series(LATENCY, _latencies(1.08, 0.54, 1.5, 0.16, 0.22, 1.5))
    assert s.best is None and s.to_dict()["best"] is None
    assert P.series(LATENCY, _latencies(6.0, 1.0)).best is None  # a freeze, then none: no best start


def test_the_shortest_freeze_is_the_best_when_every_start_froze():
    assert P.series(LATENCY, _latencies(9.0, 6.0, 7.5)).best.value == 6.0


def test_other_figures_keep_their_best():
    assert P.series(FILLERS, [_answer(i, {"fillers_per_min": v}) for i, v in enumerate((3.0, 1.0, 2.0), 1)]
                    ).best.value == 1.0
    over = METRIC_BY_NAME["over_s"]
    best = P.series(over, [_answer(i, {"over_s": v}) for i, v in enumerate((20.0, -10.0, -30.0, 5.0), 1)]).best
    assert best is not None and (best.answer_id, best.value) == (3, 0.0)  # "within budget", the latest such
