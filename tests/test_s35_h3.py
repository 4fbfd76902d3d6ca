"""Session 35, h3: the archive read back over time (QA s35 C #1, #3, #5; D #6).

- A figure at its best in the latest attempt never reads "worse" in progress (C #1: 0, 0, 92.5
  then 0 s over read "▼ worse" beside a best and a latest "within budget").
"""

from __future__ import annotations

import random

import pytest

from furikaeri import progress as P
from furikaeri.metrics import COUNTS, METRIC_BY_NAME, METRICS
from furikaeri.store import Answer

OVER = METRIC_BY_NAME["over_s"]


def _answer(i: int, metrics: dict, *, question: int = 1, language: str = "en") -> Answer:
    return Answer(i, 1, "s", question, f"Q{question}", None, f"2026-12-05T09:{i:02d}:00+00:00", None, "",
                  language, "base", {}, {"budget_s": 90.0, "answer_s": 60.0, **metrics})


# --------------------------------------------------------------------------- C #1 a trend beside a best


def test_back_within_budget_in_the_latest_answer_is_no_worse_trend():
    # QA C #1: answers within, within, 92.5 s over, within: the two latest "averaged" 46 s over
    answers = [_answer(i, {"over_s": v, "budget_s": 30.0, "answer_s": 30.0 + v}, language="ja")
               for i, v in enumerate((-11.3, -0.1, 92.53, -22.2), 1)]
    s = P.series(OVER, answers)
    assert s.best is not None and s.best.answer_id == s.latest.answer_id == 4
    assert s.trend.verdict == "same" and s.trend.after == 0.0  # where it is now: within budget


def _value(metric, rng: random.Random) -> float:
    """A value of ``metric`` spread around its norm (a band's edges, a limit), so that series
    run into and out of it."""
    if metric.band:
        lo, hi = metric.band
        return round(rng.uniform(lo - (hi - lo), hi + (hi - lo)), metric.digits + 1)
    value = rng.choice([0.0, 0.0, rng.uniform(0, 12), rng.uniform(-8, 40)]) / metric.scale
    return float(round(value)) if metric.name in COUNTS else round(value, 3)


@pytest.mark.parametrize("metric", [m for m in METRICS if m.better is not None], ids=lambda m: m.name)
def test_a_figure_at_its_best_in_the_latest_attempt_never_reads_worse(metric):
    rng = random.Random(metric.name)
    language = metric.language or "en"
    for _ in range(400):
        values = [abs(_value(metric, rng)) if metric.name != "over_s" else _value(metric, rng)
                  for _ in range(rng.randint(2, 9))]
        if rng.random() < 0.5:  # the latest back at the best so far
            values[-1] = min(values, key=lambda v: metric.score(v))
        answers = [_answer(i, {metric.name: v}, language=language) for i, v in enumerate(values, 1)]
        s = P.series(metric, answers)
        if s.trend is not None and P.at_best(metric, s.points):
            assert s.trend.verdict != "worse", (metric.name, values, s.trend)
