"""Session 44: what QA s44 found in the reading views (compare, progress, history), --json and the
note check."""
from __future__ import annotations

from test_compare_notes import make_analysis, save
from test_s43_compare import two_sessions
from test_s35_h3 import _rendered

from furikaeri.store import Store


# --------------------------------------------------------------------------- J #1: a mean that left its range


def _long_pauses(home, before: list[int], after: list[int]):
    return two_sessions(home, before, after, lambda n, q: make_analysis(answer_s=37.0, budget_s=60.0, long_pauses=n,
                                                                        question=q))


def _fillers(home, before: list[int], after: list[int]):
    return two_sessions(home, before, after, lambda n, q: make_analysis(answer_s=37.0, budget_s=60.0, fillers=n,
                                                                        long_pauses=0, question=q))


def test_a_session_mean_that_left_its_range_is_not_settled_by_the_recognisers_jitter(furikaeri_home):
    # QA s44 J #1: long pauses 0 and 0, then 3 and 0 (0 -> 2.4 a minute, one answer past the
    # limit): "= same (within what the recogniser mishears)" beside the pair's "▼ left the range"
    cmp = _long_pauses(furikaeri_home, [0, 0], [3, 0])
    (c,) = [c for c in cmp.means if c.metric == "long_pauses_per_min"]
    assert c.verdict == "worse", c
    assert "left the range" in " ".join(_rendered(cmp, "en").split())


def test_a_session_mean_that_moved_by_the_jitter_inside_its_range_is_still_the_same(furikaeri_home):
    # fillers 1 and 0, then 2 and 1 in 37-s answers (a mean of 0.8 -> 2.4 a minute would leave
    # the 2-a-minute limit; 0.8 -> 1.6 does not): one filler more an answer, inside it, no change
    cmp = _fillers(furikaeri_home, [1, 0], [2, 0])
    (c,) = [c for c in cmp.means if c.metric == "fillers_per_min"]
    assert (c.before, c.after, c.verdict) == (0.81, 1.62, "same"), c


# --------------------------------------------------------------------------- J #7: a practice note's date


def test_practice_dates_a_note_as_its_answer_with_now(tmp_path, monkeypatch):
    # QA s44 J #7: `practice --now 2026-11-20T10:00 --note ...` dated the answer, not its note
    from test_archive_robust import _quiet_wav, analysis, run

    from furikaeri.cli import practice_cmd

    home = tmp_path / "h"
    take = _quiet_wav(tmp_path / "take.wav")
    monkeypatch.setattr(practice_cmd, "_analyser", lambda model, **_: lambda path, language, budget, question: analysis())
    r = run("--home", str(home), "practice", "--set", "en-basic", "--only", "strength", "--from-files", str(take),
            "--no-reflect", "--now", "2026-11-20T10:00", "--note", "fewer ums")
    assert r.exit_code == 0, r.output
    with Store.open(home) as st:
        (a,) = st.answers()
        assert a.created_at.startswith("2026-11-20T10:00") and a.note.created_at.startswith("2026-11-20T10:00"), a


# --------------------------------------------------------------------------- K #2, K #3: what a view leaves off, said


def test_history_says_how_many_older_sessions_it_left_off(furikaeri_home):
    from test_compare_notes import run

    for n in range(3):
        save(furikaeri_home, make_analysis(question="Q?"), session=f"S{n}", minutes=n * 60)
    out = " ".join(run("history", "-n", "2").output.split())
    assert "1 older session not shown: `furikaeri history -n 3` lists them all" in out, out
    assert "older sessions" not in run("history", "-n", "3").output
    from click.testing import CliRunner

    from furikaeri.cli import cli

    r = CliRunner().invoke(cli, ["history", "-n", "2", "--json"])
    import json

    assert len(json.loads(r.stdout)) == 2 and "1 older session not shown" in r.stderr


def test_progress_says_its_charts_draw_the_latest_24_attempts(furikaeri_home):
    from test_compare_notes import run

    for n in range(26):
        save(furikaeri_home, make_analysis(question="Q?", rate=130.0 + n), session="S", minutes=n)
    out = " ".join(run("progress").output.split())
    assert "each chart draws the latest 24 attempts; the trend and the best are of them all" in out, out


# --------------------------------------------------------------------------- J #3: garbled text left blank


def test_text_a_damaged_page_garbled_is_left_blank_and_named_in_words(furikaeri_home, capsys):
    # QA s44 J #3: "model": "\ufffd\ufffd" in --json and the CSV; the warning named settings_json
    import sqlite3

    from furikaeri.store import db_path

    save(furikaeri_home, make_analysis(question="Q?"), session="S")
    with sqlite3.connect(db_path(furikaeri_home)) as db:
        db.execute("UPDATE answers SET model = CAST(X'FFFE4142' AS TEXT), settings_json = CAST(X'FF7B' AS TEXT)")
    with Store.open(furikaeri_home) as st:
        (a,) = st.answers()
    assert a.model is None and a.settings == {} and a.question == "Q?"
    err = " ".join(capsys.readouterr().err.split())
    assert "cannot be read (settings, model)" in err and "_json" not in err, err


def test_a_pair_settled_by_the_jitter_says_where_it_now_stands_beside_a_mean_that_left_its_range(furikaeri_home):
    # QA s44 L #1: 1 filler then 2 in each of two 37-s answers: the means "▼ left the range", each
    # pair "= same (within what the recogniser mishears)", as if nothing had moved
    cmp = _fillers(furikaeri_home, [1, 1], [2, 2])
    out = " ".join(_rendered(cmp, "en").split())
    assert "▼ worse, left the range" in out and "left the range, by what the recogniser mishears" in out, out


def test_progress_of_a_question_asked_but_never_answered_says_so(furikaeri_home):
    # QA s44 M #2: a question skipped in practice: `progress -q weakness` said "nothing saved yet:
    # try `furikaeri practice`" over an archive of nine answers
    from test_compare_notes import run

    save(furikaeri_home, make_analysis(question="Q?"), session="S")
    with Store.open(furikaeri_home) as st:
        st.question_for("en-basic:weakness", "What is a weakness of yours, and what are you doing about it?",
                        language="en", budget_s=90.0, set_name="en-basic")
    out = run("progress", "-q", "en-basic:weakness").output
    assert "no answers saved to this question yet" in out and "nothing saved yet" not in out, out


def test_a_note_check_s_change_held_where_it_should_be_says_so_in_json():
    # QA s44 J #9: the text "= held" / "= in range", the JSON only "same"
    from test_compare_notes import answer

    from furikaeri.notes import check_fix

    before = answer(1, {"answer_s": 50.0, "budget_s": 60.0, "opening_share": 0.07, "latency_s": 1.0}, note="get to the point")
    fix = check_fix(before, {"answer_s": 51.0, "budget_s": 60.0, "opening_share": 0.07, "latency_s": 1.0}, "en")
    (c,) = [d for d in fix.to_dict()["changes"] if d["metric"] == "opening_share"]
    assert c["verdict"] == "same" and c.get("held") is True, fix.to_dict()


def test_a_trend_between_two_attempts_is_the_difference_of_their_values_as_shown():
    # QA s44 M #1, J #6, K #6: compare "7% → 20%, +13 pt", progress "+12 pt" (7.4 and 19.8)
    from furikaeri.metrics import METRIC_BY_NAME, change
    from furikaeri.report.history import shown_change, trend_shown

    c = change(METRIC_BY_NAME["opening_share"], 0.074, 0.198)
    assert trend_shown("opening_share", c, "en", 2) == "+13 pt"
    assert trend_shown("opening_share", c, "ja", 7) == "+13pt"  # medians of three: attempts' values too
    # QA s44 P #1: one attempt's value on a half (26.5 dB shown 26) is shown as it is: 26 -> 24 is -2
    loud = change(METRIC_BY_NAME["loudness_range_db"], 26.5, 23.6) if "loudness_range_db" in METRIC_BY_NAME else None
    assert loud is None or trend_shown("loudness_range_db", loud, "en", 2) == shown_change(
        "loudness_range_db", 26.5, 23.6, "en")
    # medians of two (four or five attempts) on a half keep it: 7.5% -> 12% is +4.5 pt, never 12 - 8
    assert trend_shown("opening_share", change(METRIC_BY_NAME["opening_share"], 0.075, 0.12), "en", 4) == "+4.5 pt"
    assert trend_shown("opening_share", change(METRIC_BY_NAME["opening_share"], 0.135, 0.125), "en", 5) == "-1 pt"
    pace = change(METRIC_BY_NAME["wpm"], 209.6, 88.4)
    assert trend_shown("wpm", pace, "en", 2) == "-122"
