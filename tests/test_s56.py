"""Session 56: compare --sessions means like with like (QA s55 AN #1)."""

from __future__ import annotations

import json

from test_compare_notes import make_analysis, run, save
from test_s35_h3 import _rendered
from test_s43_compare import two_sessions

from furikaeri import compare as C
from furikaeri.store import Store


def _fillers(home, before: list[int], after: list[int]):
    """Sessions A and B, one 60-s answer a value (its fillers, so also its fillers a minute), on Q0?, Q1?, ..."""
    return two_sessions(home, before, after, lambda n, q: make_analysis(fillers=n, question=q))


def test_session_means_are_of_the_questions_both_sessions_answered(furikaeri_home):
    # QA s55 AN #1: 5.2 -> 7.0 fillers a minute "no change", the later mean pulled down by an answer
    # to a question only that session answered, while both shared answers that changed got worse
    cmp = _fillers(furikaeri_home, [3, 9, 2], [3, 13, 11, 2])
    (c,) = [c for c in cmp.means if c.metric == "fillers_per_min"]
    assert (c.before, c.after, c.verdict) == (4.67, 9.0, "worse")  # of Q0-Q2 in both; all answers: 4.67 -> 7.25
    assert cmp.shared_only and [a.question for a in cmp.only_after] == ["Q3?"]
    assert cmp.off_band["fillers_per_min"][1::2] == [3, 3]  # the answers a mean is of, in both sessions
    out = _rendered(cmp, "en")
    assert "the sessions share 3 of the 4 questions they answered: the means are of the questions both answered" in out
    assert "共通の質問だけのもの" in _rendered(cmp, "ja")


def test_a_figure_one_session_has_not_for_a_question_leaves_that_question_out_of_its_means(furikaeri_home):
    # the fillers of Q1 not judged in A (too short to rate them): Q1's B answer is no part of B's filler mean
    for session, takes, start in (("A", [(3, 60.0), (9, 4.0)], 0), ("B", [(3, 60.0), (12, 60.0)], 60)):
        for i, (n, length) in enumerate(takes):
            save(furikaeri_home, make_analysis(fillers=n, answer_s=length, question=f"Q{i}?"), session=session,
                 minutes=start + i)
    save(furikaeri_home, make_analysis(fillers=1, question="Q9?"), session="B", minutes=70)
    with Store.open(furikaeri_home) as st:
        cmp = C.compare_sessions(st, "A", "B")
    (c,) = [c for c in cmp.means if c.metric == "fillers_per_min"]
    assert (c.before, c.after) == (3.0, 3.0)
    doc = json.loads(run("--home", str(furikaeri_home), "compare", "--sessions", "A", "B", "--json").output)
    assert doc["shared_only"] is True
    assert [m for m in doc["means"] if m["metric"] == "fillers_per_min"][0]["after"] == 3.0


def test_sessions_of_the_same_questions_mean_every_answer(furikaeri_home):
    # nothing answered in one session only: every answer is in the means, as before, and none is said left out
    cmp = _fillers(furikaeri_home, [3, 9], [3, 5, 1])  # B's third answer is to Q2?, which A has not: shared only
    assert cmp.shared_only
    cmp2 = two_sessions(furikaeri_home / "x", [3, 9], [4, 6], lambda n, q: make_analysis(fillers=n, question=q))
    (c,) = [c for c in cmp2.means if c.metric == "fillers_per_min"]
    assert not cmp2.shared_only and (c.before, c.after) == (6.0, 5.0)
    assert "questions both answered" not in _rendered(cmp2, "en")
