"""QA's defects of session 30 (qa-f, fixer i1), one section each: a count's trend over three
attempts judged by compare's rule on the pair it runs between; the voice's verdict and the
focus on flat stretches agree; a limit note met by a too-short answer is overshot; no advice
said twice between the focus line and the tips; "too short to tell" names the short answer.

No Whisper model: answers are built by hand.
"""

from __future__ import annotations

from furikaeri import compare as C
from furikaeri import metrics as M
from furikaeri import progress as P
from test_compare_notes import answer

FILLERS = M.METRIC_BY_NAME["fillers_per_min"]


# --------------------------------------------------------------------------- 1. one verdict for one change


def filled(id_, seconds, fillers):
    return answer(id_, {"answer_s": seconds, "filler_count": fillers, "fillers_per_min": fillers * 60.0 / seconds,
                        "budget_s": 60.0})


def test_a_count_trend_over_three_attempts_agrees_with_compare_on_its_ends():
    # QA: progress `fillers … trend +2.7 ▼ worse`, compare 1 13 `+2.7 = same (within what the
    # recogniser mishears)`: one "um" in a 22.1-s answer, the middle answer 33 s long
    first, middle, last = filled(1, 45.8, 0), filled(2, 33.0, 1), filled(3, 22.1, 1)
    pair = C.compare_answers(first, last)
    [fillers] = [c for c in pair.changes if c.metric == FILLERS.name]
    assert fillers.verdict == "same"
    trend = P.series(FILLERS, [first, middle, last]).trend
    assert (trend.before, trend.after) == (round(fillers.before, 3), round(fillers.after, 3))
    assert trend.verdict == fillers.verdict
    # a change past the jitter is one in both
    last = filled(3, 22.1, 3)
    [fillers] = [c for c in C.compare_answers(first, last).changes if c.metric == FILLERS.name]
    assert fillers.verdict == "worse" == P.series(FILLERS, [first, middle, last]).trend.verdict
