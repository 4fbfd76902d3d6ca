"""Session 45: what QA s45 T (a script writer) found in --json: one usual pace in every
document (T #1), a trend's ``crossed`` as its text says it (T #2), every figure in every progress
block (T #3), and the note a check reads named, in record and in show alike (T #4)."""
from __future__ import annotations

import json

from test_compare_notes import make_analysis, run, save

from furikaeri import progress as PR
from furikaeri.coach import Focus
from furikaeri.metrics import Change
from furikaeri.store import Store


# --------------------------------------------------------------------------- T #1: one usual pace


def test_the_usual_pace_is_the_figure_as_shown_in_every_json_document(furikaeri_home):
    # QA s45 T #1: focus.usual 160.8, after.usual.wpm and after.usual_pace 161.0, progress 164.4
    ids = [save(furikaeri_home, make_analysis(question="Q?", rate=wpm), session="S", minutes=i)
           for i, wpm in enumerate((172.5, 164.4, 82.7, 157.2, 175.9))]
    with Store.open(furikaeri_home) as st:
        after = PR.after_answer(st, ids[-1]).to_dict()
        usual = st and PR.progress(st).to_dict()["usual_pace"]["en"]
    # the median of the four before the latest: (157.2 + 164.4) / 2 = 160.8, shown 161
    assert after["usual_pace"] == after["usual"]["wpm"] == 161.0, after
    assert usual["median"] == 161.0 and usual["latest_answer_id"] == ids[-1], usual
    focus = Focus("wpm", 175.9, "high", 160.0, 160.8, "usual", 1.2).to_dict()
    assert focus["usual"] == 161.0
    assert Focus("fillers_per_min", 4.0, "high", 2.0, 2.1666, "usual", 1.0).to_dict()["usual"] == 2.17


# --------------------------------------------------------------------------- T #2: crossed as the text says


def test_a_trend_whose_medians_crossed_into_the_range_but_whose_latest_is_out_is_not_said_into():
    # QA s45 T #2: text "▲ better", JSON "crossed": "into", the latest answer at 5.2 a minute
    trend = Change("fillers_per_min", 4.33, 1.73, -2.6, "better")
    assert trend.to_dict()["crossed"] == "into"

    def doc(latest: float) -> dict:
        pts = (PR.Point(1, "2026-12-01T10:00:00Z", 4.33), PR.Point(2, "2026-12-02T10:00:00Z", latest))
        return PR.Series("fillers_per_min", pts, trend, pts[0], pts[-1]).to_dict()["trend"]

    assert "crossed" not in doc(5.2)
    assert doc(1.0)["crossed"] == "into"
    # U #3: the medians still off the norm (5.45 -> 3.0 long pauses a minute), the latest answer
    # inside it: the text says "better, into the range", and so does this
    pauses = Change("long_pauses_per_min", 5.45, 3.0, -2.45, "better")
    pts = (PR.Point(1, "2026-12-01T10:00:00Z", 5.45), PR.Point(2, "2026-12-02T10:00:00Z", 0.0))
    assert PR.Series("long_pauses_per_min", pts, pauses, pts[-1], pts[-1]).to_dict()["trend"]["crossed"] == "into"


# --------------------------------------------------------------------------- T #3: every figure in every block


def test_a_question_answered_only_by_short_takes_still_lists_its_rates_with_no_points(furikaeri_home):
    # QA s45 T #3: that block had 3 series where the others had 15: a script's lookup of "wpm" failed
    short = save(furikaeri_home, make_analysis(question="Short?", answer_s=10.0, budget_s=90.0), session="S")
    save(furikaeri_home, make_analysis(question="Long?", answer_s=60.0), session="S", minutes=1)
    doc = json.loads(run("progress", "--json").stdout)
    blocks = {b["title"]: b for b in doc["questions"]}
    names = {b: [s["metric"] for s in blocks[b]["series"]] for b in blocks}
    assert names["Short?"] == names["Long?"], names
    wpm = next(s for s in blocks["Short?"]["series"] if s["metric"] == "wpm")
    assert wpm["points"] == [] and wpm["left_out"] == [short] and wpm["latest"] is None, wpm
    rows = [line.split()[0] for line in run("progress", "-q", "Short?").output.splitlines()[2:5]]
    assert rows == ["length", "over", "time"], rows  # no row of a figure with no points in the text


# --------------------------------------------------------------------------- T #4: whose note


def test_a_note_from_an_earlier_attempt_is_named_and_show_checks_it_as_saving_did(furikaeri_home):
    # QA s45 T #4: the note on #1 checked against #2 (no note): the check did not name #1, and
    # `show 3` showed no check at all
    save(furikaeri_home, make_analysis(question="Q?", fillers=6), session="S", note="fewer ums")
    save(furikaeri_home, make_analysis(question="Q?", fillers=5), session="S", minutes=1)
    with Store.open(furikaeri_home) as st:
        from furikaeri.session import note_check

        fix = note_check(st, st.answer(2).question_id, make_analysis(question="Q?", fillers=1).to_dict())
    assert fix.previous_answer_id == 2 and fix.to_dict()["note_answer_id"] == 1, fix
    save(furikaeri_home, make_analysis(question="Q?", fillers=1), session="S", minutes=2)
    shown = json.loads(run("show", "3", "--json").stdout)["previous"]["fix"]
    assert shown["note_answer_id"] == 1 and shown["previous_answer_id"] == 2 and shown["note"] == "fewer ums", shown
    out = " ".join(run("show", "3").output.split())
    assert "your note on #1, the latest on this question; #2, the attempt before, has none" in out, out
    # the attempt's own note: nothing more said
    own = json.loads(run("compare", "1", "2", "--json").stdout)["fix"]
    assert own["previous_answer_id"] == 1 and "note_answer_id" not in own, own
