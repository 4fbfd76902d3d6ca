"""Session 42: compare --sessions' time-over-budget row in one unit (QA s41 C1 #4), the CSV's
lower-bound filler count (QA s41 C1 #7)."""
from __future__ import annotations

import pytest

from test_s35_h3 import _rendered, _sessions


@pytest.mark.parametrize("lang, said", [("ja", "持ち時間超過 3/3件超過 2/3件超過 ▲ 改善"),
                                        ("en", "over budget 3 of 3 over 2 of 3 over ▲ better")])
def test_a_session_all_over_beside_one_partly_over_is_told_as_a_count_too(furikaeri_home, lang, said):
    # QA s41 C1 #4: 「35秒超過 → 2/3件超過 ▲ 改善」, a mean beside a count
    cmp = _sessions(furikaeri_home, lang, [(60.0, 0), (70.0, 0), (65.0, 0)], [(72.0, 0), (66.0, 0), (20.0, 0)])
    assert said in _rendered(cmp, lang)


def test_more_answers_over_is_worse_though_the_mean_overrun_fell(furikaeri_home):
    # one answer 90 s over of three, then three 5-8 s over: the mean fell from 30 to 6.3 s
    cmp = _sessions(furikaeri_home, "en", [(120.0, 0), (20.0, 0), (20.0, 0)], [(35.0, 0), (36.0, 0), (38.0, 0)])
    (c,) = [c for c in cmp.means if c.metric == "over_s"]
    assert c.before > c.after and c.verdict == "worse"  # --json says what the table says
    assert "over budget 1 of 3 over 3 of 3 over ▼ worse" in _rendered(cmp, "en")


@pytest.mark.parametrize("lang, said", [("ja", "1/2件が10秒超過 1/2件が40秒超過 ▼ 悪化"),
                                        ("en", "1 of 2 over, by 10 s 1 of 2 over, by 40 s ▼ worse")])
def test_the_same_share_over_says_by_how_much_which_the_verdict_is_on(furikaeri_home, lang, said):
    cmp = _sessions(furikaeri_home, lang, [(40.0, 0), (20.0, 0)], [(70.0, 0), (20.0, 0)])
    assert said in _rendered(cmp, lang)


def test_every_answer_over_in_both_sessions_keeps_the_mean_overrun(furikaeri_home):
    cmp = _sessions(furikaeri_home, "en", [(40.0, 0), (50.0, 0)], [(35.0, 0), (45.0, 0)])
    out = _rendered(cmp, "en")
    assert "over budget 15 s over 10 s over ▲ better" in out and " of 2 over" not in out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_compare_sessions_says_which_lower_bound_rate_its_means_leave_out(tmp_path, lang):
    # QA s41 C1 #3: the session means of fillers left out an answer judged "5.0+" without a word
    import json

    from click.testing import CliRunner
    from test_s41_questions import _doubtful

    from furikaeri.cli import cli
    from furikaeri.lang import text
    from furikaeri.store import Store

    plain = {**_doubtful(), "stats": {**_doubtful()["stats"], "fillers_unconfirmed": 0}}
    with Store.open(tmp_path) as st:
        st.add_answer(st.create_session("a"), plain)
        sid = st.create_session("b")
        st.add_answer(sid, plain)
        floored = st.add_answer(sid, _doubtful())
    run = ["--home", str(tmp_path), "compare", "--sessions", "a", "b"]
    out = CliRunner().invoke(cli, [*run, "--lang", lang], env={"COLUMNS": "100"}).output
    said = text(lang, "means_floor_taken", answers=(f"answer #{floored}" if lang == "en" else f"回答#{floored}"))
    assert "".join(said.split()) in "".join(out.split()), out
    assert json.loads(CliRunner().invoke(cli, [*run, "--json"]).output)["floored"] == [floored]
    with Store.open(tmp_path / "none") as st:
        st.add_answer(st.create_session("a"), plain)
        st.add_answer(st.create_session("b"), plain)
    out = CliRunner().invoke(cli, ["--home", str(tmp_path / "none"), "compare", "--sessions", "a", "b",
                                   "--lang", lang]).output
    assert ("taken in the means" if lang == "en" else "平均に含めています") not in out  # no bound: no line


@pytest.mark.parametrize("lang, kept", [("ja", "質問「{q}」の回答として記録"), ("en", "kept with the question “{q}”")])
def test_show_heads_an_answer_with_the_question_as_asked_and_says_what_it_is_kept_as(tmp_path, lang, kept):
    # QA s41 C1 #6: the header gave the built-in wording, the report box below the company's
    from click.testing import CliRunner
    from test_s41_questions import GAKUCHIKA, _doubtful

    from furikaeri.cli import cli
    from furikaeri.store import Store

    asked = "学生時代に頑張ったことは何ですか"
    with Store.open(tmp_path) as st:
        st.question_for("ja-basic:gakuchika", GAKUCHIKA, language="ja", budget_s=60.0, set_name="ja-basic")
        qid = st.question_for("さくら商事:asked1", asked, language="ja", budget_s=None, set_name="さくら商事")
        aid = st.add_answer(st.create_session("s"), {**_doubtful(), "question": asked}, question_id=qid)
        same = st.add_answer(st.create_session("t"), {**_doubtful(), "question": GAKUCHIKA}, question_id=qid)
    out = CliRunner().invoke(cli, ["--home", str(tmp_path), "show", str(aid), "--lang", lang],
                             env={"COLUMNS": "120"}).output
    head = out.split("\n")[1:3]
    assert head == [asked, kept.format(q=GAKUCHIKA)], out
    out = CliRunner().invoke(cli, ["--home", str(tmp_path), "show", str(same), "--lang", lang],
                             env={"COLUMNS": "120"}).output
    assert out.split("\n")[1] == GAKUCHIKA and kept.format(q=GAKUCHIKA) not in out  # asked as kept: one line


@pytest.mark.parametrize("lang, said", [("ja", "長さ 95.8秒 95.8秒 ±0.0 = 同じ長さ（持ち時間が違う）"),
                                        ("en", "length 95.8 s 95.8 s ±0.0 = same length, another budget")])
def test_one_length_against_two_budgets_is_no_better(furikaeri_home, lang, said):
    # QA s41 D1 #4: 95.8 s on a 30-s budget, then on a 60-s one: "長さ ±0.0 ▲ 改善"
    from test_compare_notes import make_analysis, save

    from furikaeri.cli import cli

    for i, budget in enumerate((30.0, 60.0)):
        save(furikaeri_home, make_analysis(lang=lang, answer_s=95.8, budget_s=budget, question=f"Q{i}?",
                                           rate=150.0 if lang == "en" else 300.0), session="s", minutes=i)
    from click.testing import CliRunner

    out = CliRunner().invoke(cli, ["--home", str(furikaeri_home), "compare", "1", "2", "--lang", lang],
                             env={"COLUMNS": "120"}).output
    assert said in " ".join(out.split()), out
    import json

    doc = json.loads(CliRunner().invoke(cli, ["--home", str(furikaeri_home), "compare", "1", "2", "--json"]).output)
    assert [c["verdict"] for c in doc["changes"] if c["metric"] == "answer_s"] == ["same"]  # as the table says


@pytest.mark.parametrize("command", [["history"], ["progress"], ["show", "1"]])
def test_a_missing_folder_named_by_furikaeri_home_is_said_as_for_home(furikaeri_home, command):
    # QA s42 A #1: a typo in FURIKAERI_HOME read as an empty archive ("nothing saved yet", exit 0)
    from click.testing import CliRunner

    from furikaeri.cli import cli

    r = CliRunner().invoke(cli, command)
    assert not furikaeri_home.exists()
    assert f"no archive in {furikaeri_home}: the folder does not exist" in r.output, r.output
    furikaeri_home.mkdir()  # there, with nothing saved yet: no such line
    assert "the folder does not exist" not in CliRunner().invoke(cli, command).output


def test_compare_sessions_and_progress_judge_one_change_of_a_count_alike(furikaeri_home):
    # QA s42 C #2: 長い間 -1.9 "▲ 改善" in compare --sessions, "= 変化なし（聞き取りの誤差内）" in progress
    # over the same four answers: sessions were judged over the mean length of all answers
    import json

    from click.testing import CliRunner
    from test_compare_notes import make_analysis, save

    from furikaeri.cli import cli

    for i, (length, fillers) in enumerate(((100.0, 10), (100.0, 10), (30.0, 2), (30.0, 2))):
        save(furikaeri_home, make_analysis(answer_s=length, budget_s=60.0, fillers=fillers, question=f"Q{i % 2}?"),
             session="A" if i < 2 else "B", minutes=i)
    run = CliRunner().invoke
    cmp = json.loads(run(cli, ["compare", "--sessions", "A", "B", "--json"]).output)
    (mean,) = [c for c in cmp["means"] if c["metric"] == "fillers_per_min"]
    assert (mean["before"], mean["after"]) == (6.0, 4.0)
    doc = json.loads(run(cli, ["progress", "--json"]).output)
    (trend,) = [s["trend"] for s in doc["overall"][0]["series"] if s["metric"] == "fillers_per_min"]
    assert trend["delta"] == -2.0 and trend["verdict"] == mean["verdict"] == "same"  # 1 filler in 30 s


def test_the_usual_pace_is_rounded_once_beside_the_remark_on_it(furikaeri_home):
    # QA s42 C #3: 「ふだん（4.1拍/秒）より22%速い」 two lines above 「ふだんのあなた: 話速 4.0拍/秒」
    # (a median of 4.0549 kept as 4.05, shown 4.0; the remark rounded it once, 4.1)
    import dataclasses
    from datetime import datetime, timedelta, timezone

    from test_compare_notes import make_analysis

    from furikaeri import progress as PR
    from furikaeri import session as S
    from furikaeri.store import Store

    start = datetime(2026, 11, 2, 10, tzinfo=timezone.utc)
    ids = []
    for i, pace in enumerate((4.0547, 4.0549, 4.0551, 5.0)):
        a = make_analysis("学生時代に力を入れたことはボランティアです", lang="ja", answer_s=60.0)
        a = dataclasses.replace(a, rate=dataclasses.replace(a.rate, morae_per_s=pace))
        ids.append(S.save_analysis(a, audio_path=None, home=furikaeri_home, session="s",
                                   now=start + timedelta(hours=i)))
    with Store.open(furikaeri_home) as st:
        after = PR.after_answer(st, ids[-1])
    assert after.usual_pace == after.usual["morae_per_s"] == 4.1


def test_a_lower_bound_off_the_norm_counts_as_an_answer_off_it(tmp_path):
    # QA s42 E #1: 6.8 -> 2.0 fillers a minute "▲ 改善（目安内に入った）" on one answer of the
    # session's three, beside one known to be at least 3.6 a minute
    import io

    from rich.console import Console
    from test_s41_questions import _doubtful

    from furikaeri.compare import compare_sessions
    from furikaeri.report import history as H
    from furikaeri.store import Store

    def plain(count: int) -> dict:
        d = _doubtful()
        return {**d, "stats": {**d["stats"], "filler_count": count, "fillers_per_min": count / 1.6,
                               "fillers_unconfirmed": 0}}

    with Store.open(tmp_path) as st:
        st.add_answer(st.create_session("a"), plain(11))
        sid = st.create_session("b")
        st.add_answer(sid, plain(3))
        floored = st.add_answer(sid, _doubtful())
        cmp = compare_sessions(st, "a", "b")
    assert cmp.floored == (floored,) and cmp.off_band["fillers_per_min"] == [1, 1, 1, 2]
    console = Console(file=io.StringIO(), width=100, color_system=None)
    H.render_compare_sessions(console, cmp, "ja")
    out = " ".join(console.file.getvalue().split())
    # the mean of #2 is at least 3.4 (1.9 and a rate of at least 5.0): no verdict (QA s46 Z #2)
    assert "フィラー 6.9回/分 3.4+回/分 – – " in out and "目安内に入った" not in out, out
    assert "目安外の回答1/1件 → 1/2件" in out, out


@pytest.mark.parametrize("lang, said", [("en", "under 30% of the budget, left out of the means"),
                                        ("ja", "持ち時間の30%未満の短い回答のため")])
def test_a_session_of_short_answers_says_why_its_means_are_blank(furikaeri_home, lang, said):
    # QA s42 E #2: a column of "–" with no reason, and "1 of 2 answers off the range → 0 of 0"
    cmp = _sessions(furikaeri_home, lang, [(25.0, 0), (20.0, 0)], [(5.0, 0), (6.0, 0)])
    assert cmp.short == (3, 4)
    out = _rendered(cmp, lang)
    assert said in out and "#3" in out and "0 of 0" not in out and "0/0件" not in out, out


@pytest.mark.parametrize("after, verdict", [(1.5, "better"), (0.0, "better"), (4.6, "unknown"),
                                            (3.0, "unknown")])  # 3 in 41 s, then 2: within the jitter of one
def test_a_fillers_note_after_a_lower_bound_is_checked_against_that_bound(after, verdict):
    # QA s42 D #1: "stop saying um" after 4.4+ fillers a minute, then 3.5 and 0.0: "cannot be checked"
    import io

    from rich.console import Console

    from furikaeri.notes import check_fix
    from furikaeri.report import history as H
    from furikaeri.store import Answer, Note

    before = Answer(1, 1, "s", 1, "Q?", "k", "2026-11-23T09:00:00+00:00", None, "", "en", "base", {},
                    {"answer_s": 41.3, "budget_s": 90.0, "fillers_per_min": None, "filler_count": None, "wpm": 130.0},
                    Note(1, 1, "said uh a lot", "", "stop saying um", "", ""),
                    floors={"fillers_per_min": 4.36, "filler_count": 3})
    metrics = {"answer_s": 41.0, "budget_s": 90.0, "fillers_per_min": after, "filler_count": round(after * 41 / 60),
               "wpm": 130.0}
    fix = check_fix(before, metrics, "en", fillers=["um"] * round(after * 41 / 60))
    assert fix.verdict == verdict and fix.floor_before == 4.36, fix
    out = Console(file=io.StringIO(), width=120, color_system=None)
    H.render_fix(out, fix, "en")
    assert "4.4+/min" in out.file.getvalue(), out.file.getvalue()


@pytest.mark.parametrize("lang, said", [("en", "4.4+ fillers/min"), ("ja", "フィラー 4.4+回/分")])
def test_the_last_time_line_gives_a_lower_bound_filler_rate(lang, said):
    # QA s42 D #2: "last time: 41.3 s … · pace 89 wpm" beside "your note: stop saying um", no fillers
    from furikaeri.report import history as H

    metrics = {"answer_s": 41.3, "budget_s": 90.0, "fillers_per_min": None, "wpm": 89.0}
    parts = H.figures_parts(metrics, "en", lang, {"fillers_per_min": 4.36, "filler_count": 3})
    assert said in parts and said not in H.figures_parts(metrics, "en", lang)
    short = {**metrics, "answer_s": 10.0}  # too short for rates: none shown, the bound neither
    assert not any("+" in p for p in H.figures_parts(short, "en", lang, {"fillers_per_min": 4.36}))


def test_a_pace_from_one_side_of_its_range_to_the_other_is_past_it_in_compare_too(furikaeri_home):
    # QA s42 D #3: 210 -> 88 wpm "past the range" after the answer, "▲ nearer the range" in compare
    import json

    from click.testing import CliRunner
    from test_compare_notes import make_analysis, save

    from furikaeri.cli import cli
    from furikaeri.compare import past_band
    from furikaeri.metrics import Change

    for i, rate in enumerate((210.0, 88.0)):
        save(furikaeri_home, make_analysis(rate=rate, question="Q?"), session="s", minutes=i)
    out = " ".join(CliRunner().invoke(cli, ["compare", "1", "2"], env={"COLUMNS": "120"}).output.split())
    assert "pace 210 wpm 88 wpm -122 past the range" in out and "nearer" not in out, out
    doc = json.loads(CliRunner().invoke(cli, ["compare", "1", "2", "--json"]).output)
    assert [c["verdict"] for c in doc["changes"] if c["metric"] == "wpm"] == ["overshot"]
    moved = Change("wpm", 210.0, 88.0, -122.0, "better")
    assert past_band(moved).verdict == "overshot"  # the one rule, the practice loop's too
    assert past_band(Change("wpm", 210.0, 140.0, -70.0, "better")).verdict == "better"  # into it: as it was


def test_compares_table_judges_a_rate_below_a_lower_bound_as_the_note_check_does(tmp_path):
    # QA s42 G #1: "fillers 4.4+/min 0.0/min – –" above "your fix worked: fillers 4.4+/min → 0.0/min ▲ better"
    import io

    from rich.console import Console

    from furikaeri.compare import compare_answers
    from furikaeri.report import history as H
    from furikaeri.store import Answer, Note

    def answer(id_, metrics, **kw):
        return Answer(id_, 1, "s", 1, "Q?", "k", f"2026-11-2{id_}T09:00:00+00:00", None, "", "en", "base", {},
                      {"answer_s": 41.3, "budget_s": 90.0, "wpm": 130.0, **metrics}, **kw)

    before = answer(1, {"fillers_per_min": None, "filler_count": None},
                    note=Note(1, 1, "", "", "stop saying um", "", ""), floors={"fillers_per_min": 4.36, "filler_count": 3})
    cmp = compare_answers(before, answer(2, {"fillers_per_min": 0.0, "filler_count": 0}))
    (row,) = [c for c in cmp.changes if c.metric == "fillers_per_min"]
    assert row.verdict == "better" == next(c for c in cmp.fix.changes if c.metric == "fillers_per_min").verdict
    out = Console(file=io.StringIO(), width=120, color_system=None)
    H.render_compare_answers(out, cmp, "en")
    line = next(ln for ln in out.file.getvalue().splitlines() if ln.startswith("fillers"))
    assert "4.4+/min" in line and "▲" in line, line
    same = compare_answers(before, answer(2, {"fillers_per_min": 5.8, "filler_count": 4}))  # over it: untold
    assert [c.verdict for c in same.changes if c.metric == "fillers_per_min"] == ["n/a"]
