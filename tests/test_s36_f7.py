"""Session 36, helper f7 (QA s36 V1 #1, #2, #3, #4, #8): how a reflection note on the answer's
length is read and checked.

#1: talking at length told as done (「長く話してしまった」, 「20秒も長く話した」, "talked longer than
I should have") is the fault of a long answer, not a wish for a longer one. #2: how far an answer
ran over, told with a word of amount (「20秒ほど超えた」, 「20秒ほど長かった」, 「1分ほど超えた」), is
no limit or aim; a bare 「20秒超えた」 is that overrun where the answer the note is on ran about
20 s over its budget, else the limit it names, as before. #3: "too concise" asks for a longer
answer. #4: an answer's length that crosses the edge of the note's own length (an aim's band, a
limit) is a change, never "no change yet". #8: 「20秒オーバーしないようにする」 on a longer budget
is not to run 20 s over it: judged against the budget, never a 20-s limit. Archives are built
through :func:`furikaeri.session.save_analysis`, as ``analyze --save`` does.
"""

from __future__ import annotations

import json

import pytest

from furikaeri import notes as N
from furikaeri.lang import text as lang_text
from furikaeri.store import Answer, Note
from test_s36_f1 import DAY, flat, run, save

Q = "当社の志望動機を教えてください。"


def _compare(home, first: float, second: float, note: dict, *, lang: str | None = None) -> tuple[dict, str]:
    """Two answers to one 30-s question, ``note`` on the first: ``compare --json``'s fix, and
    the compare screen in ``lang`` (the answer's by default)."""
    a = save(home, first, note={"wrong": "", "why": "", "next_time": "", **note}, question=Q)
    b = save(home, second, minutes=10, question=Q)
    doc = json.loads(run("compare", str(a), str(b), "--json").output)
    out = flat(run("compare", str(a), str(b), *(("--lang", lang) if lang else ())).output)
    return doc["fix"], out


def _lengths(fix: dict) -> list[tuple]:
    return [(c["metric"], c["verdict"], c.get("limit_s"), c.get("target_s")) for c in fix["changes"]
            if c["metric"] in ("over_s", "answer_s")]


# --------------------------------------------------------------------------- #1 talked too long, told as done


@pytest.mark.parametrize("note", [
    "長く話してしまった", "20秒も長く話した", "長く話しすぎた", "ダラダラ長く話した", "長く話した", "長く話しました",
    "長く喋っちゃった", "長く答えてしまった", "20秒長く話してしまった", "つい長く話してしまい、時間が足りなかった",
    "長く話したら時間を超えた", "話を長くしてしまった", "長くしちゃった",
    "I talked longer than I should have", "spoke longer than planned", "went on much longer than the budget",
])
def test_talking_long_told_as_done_is_a_long_answer(note):
    targets = N.note_targets(note, "ja")
    assert targets == [("over_s", None)], targets
    assert N.note_limit(note) is None and N.note_target(note) is None


@pytest.mark.parametrize("note", [
    "もっと長く話す", "長く話せなかった", "長く話したい", "長く話したかった", "長く話した方がいい", "もう少し長く話す",
    "長めに話す", "もっと長く話したらよかった", "長く話したらいい", "talk longer", "speak a bit longer",
])
def test_a_wish_to_talk_longer_stays_one(note):
    assert N.note_targets(note, "ja") == [("answer_s", "higher")]


def test_something_else_made_longer_is_no_long_answer():
    assert N.note_targets("語尾を長くした", "ja") == [] and N.note_targets("間を長くした", "ja") == [("long_pauses_per_min", None)]


@pytest.mark.parametrize("wrong, lang", [("長く話してしまった", None), ("20秒も長く話した", None),
                                         ("I talked longer than I should have", "en")])
def test_a_long_answer_told_then_within_budget_is_better(furikaeri_home, wrong, lang):
    """QA: 52.5 s of a 30-s budget, then 26.3 s, on 「長く話してしまった」 read 長さ ▼ 悪化."""
    fix, out = _compare(furikaeri_home, 52.5, 26.3, {"wrong": wrong}, lang=lang)
    assert fix["verdict"] == "better" and _lengths(fix) == [("over_s", "better", None, None)]
    assert lang_text(lang or "ja", "fix_better") + ":" in out and lang_text(lang or "ja", "fix_worse") not in out


# --------------------------------------------------------------------------- #2 how far over, with a word of amount


@pytest.mark.parametrize("note", [
    "20秒ほど超えた", "20秒くらい超えた", "20秒ぐらい超えてしまった", "20秒程度超えた", "20秒近く超えた", "20秒も超えた",
    "1分ほど超えた", "20秒ほど長かった", "20秒長かった", "20秒も長かった", "20秒ほど長くなった", "20秒ほど長く話した",
])
def test_an_amount_gone_over_is_no_limit_nor_aim(note):
    assert N.note_targets(note, "ja") == [("over_s", None)]
    assert N.note_limit(note) is None and N.note_target(note) is None


@pytest.mark.parametrize("note, limit", [("20秒超えた", 20), ("1分超えた", 60), ("20秒を超えた", 20),
                                         ("1分を超えた", 60), ("20秒超えないように", 20)])
def test_a_bare_time_gone_past_read_alone_stays_a_limit(note, limit):
    """With nothing to tell it from an overrun, a bare 「20秒超えた」 is read as before: a limit."""
    assert N.note_limit(note) == limit


@pytest.mark.parametrize("wrong", ["20秒ほど長かった", "20秒ほど超えた", "1分ほど超えた", "20秒超えた"])
def test_an_overrun_told_of_the_answer_is_judged_against_the_budget(furikaeri_home, wrong):
    """QA: 52.5 s of a 30-s budget (22.5 s over), then 26.3 s, read 「長さ（メモの目安20秒…）… まだ目標には
    届いていません」 or 「メモの上限20秒」: a target the person never set."""
    fix, out = _compare(furikaeri_home, 52.5, 26.3, {"wrong": wrong})
    assert _lengths(fix) == [("over_s", "better", None, None)]
    assert "メモの上限" not in out and "メモの目安" not in out
    assert lang_text("ja", "fix_better") + ":" in out and lang_text("ja", "fix_better_not_yet") not in out


def test_a_bare_time_gone_past_that_is_no_overrun_stays_a_limit(furikaeri_home):
    """「20秒超えた」 of an answer 5 s over its budget is not 20 s over it: the 20 s it went past."""
    fix, _ = _compare(furikaeri_home, 35.0, 26.3, {"wrong": "20秒超えた"})
    assert _lengths(fix) == [("answer_s", "better", 20, None)]


@pytest.mark.parametrize("seconds, overran, about", [
    (20, 22.5, True), (20, 15.0, True), (20, 26.0, True), (20, 30.0, False), (20, 5.0, False), (20, -3.0, False),
    (60, 65.0, True), (60, 10.0, False), (10, 14.0, True), (20, None, False)])
def test_overran_about(seconds, overran, about):
    assert N._overran_about(seconds, overran) is about


# --------------------------------------------------------------------------- #3 too concise


@pytest.mark.parametrize("note", ["too concise", "was too concise", "my answer was too concise", "too succinct",
                                  "overly concise", "簡潔すぎた"])
def test_too_concise_asks_for_a_longer_answer(note):
    assert N.note_targets(note, "en") == [("answer_s", "higher")]


@pytest.mark.parametrize("note", ["be more concise", "keep it concise", "not concise enough"])
def test_a_wish_to_be_concise_asks_for_a_shorter_one(note):
    assert N.note_targets(note, "en") == [("over_s", None)]


def test_too_concise_is_checked_as_a_wish_for_longer(furikaeri_home):
    """QA: 'too concise' on 52.5 s, then 26.3 s read "your fix worked: over budget ... ▲ better"."""
    fix, _ = _compare(furikaeri_home, 10.0, 20.0, {"wrong": "too concise"}, lang="en")
    assert [(c["metric"], c["verdict"], c.get("want")) for c in fix["changes"]] == [("answer_s", "better", "higher")]


# --------------------------------------------------------------------------- #4 across the edge of the note's length


@pytest.mark.parametrize("target, before, after, budget, verdict", [
    (20, 18.7, 26.3, 30, "worse"),   # inside 16-24, then 2.3 s past it
    (25, 30.4, 22.1, 90, "better"),  # 0.4 s past 20-30, then inside it
    (20, 17.0, 22.0, 30, "same"),    # inside both times
    (20, 25.0, 26.0, 30, "same"),    # past it both times, by a second more
])
def test_an_aim_crossed_is_a_change(target, before, after, budget, verdict):
    assert N.near_target(target, before, after, budget).verdict == verdict


@pytest.mark.parametrize("limit, before, after, verdict", [
    (30, 29.0, 31.0, "worse"), (30, 31.0, 29.0, "better"), (30, 25.0, 27.0, "same"), (30, 31.0, 32.0, "same")])
def test_a_limit_crossed_is_a_change(limit, before, after, verdict):
    assert N.within_limit(limit, before, after).verdict == verdict


def _answer(answer_s: float, budget_s: float, note: Note | None) -> Answer:
    metrics = {"answer_s": answer_s, "budget_s": budget_s, "over_s": round(answer_s - budget_s, 2),
               "over_budget": answer_s > budget_s}
    return Answer(1, 1, "模擬", 1, Q, "k", DAY.isoformat(), None, "", "ja", "base", {}, metrics, note)


@pytest.mark.parametrize("text, before, after, budget, verdict", [
    ("20秒くらいで話す", 18.7, 26.3, 30.0, "worse"), ("about 25 seconds", 30.4, 22.1, 90.0, "better"),
    ("30秒以内", 29.0, 31.0, 60.0, "worse")])
def test_a_note_met_then_missed_is_no_no_change(text, before, after, budget, verdict):
    """QA: 「20秒くらいで話す」, 18.7 s then 26.3 s, read 「メモで狙った点はまだ変わっていません … = 変化なし」."""
    previous = _answer(before, budget, Note(1, 1, "", "", text, "", ""))
    latest = _answer(after, budget, None).metrics
    fix = N.check_fix(previous, latest, "ja")
    assert fix.verdict == verdict and [c.verdict for c in fix.changes] == [verdict]


def test_the_aim_missed_reads_worse_on_screen(furikaeri_home):
    fix, out = _compare(furikaeri_home, 18.7, 26.3, {"next_time": "20秒くらいで話す"})
    assert fix["verdict"] == "worse"
    assert lang_text("ja", "fix_same") not in out and "▼ 悪化" in out


# --------------------------------------------------------------------------- #8 not to run N s over


def test_not_to_run_20_s_over_a_longer_budget_is_the_budget(furikaeri_home):
    """QA: 「20秒オーバーしないようにする」 read 「長さ（メモの上限20秒）」 on a 30-s question."""
    fix, out = _compare(furikaeri_home, 52.5, 26.3, {"next_time": "20秒オーバーしないようにする"})
    assert _lengths(fix) == [("over_s", "better", None, None)] and "メモの上限" not in out


@pytest.mark.parametrize("note", ["30秒オーバーしないように", "1分オーバーしないように"])
def test_not_to_run_over_a_time_the_budget_is_no_more_than_stays_a_limit(furikaeri_home, note):
    """As long as the budget or longer, the time is the length not to pass (judged as the budget
    where it is past it)."""
    fix, _ = _compare(furikaeri_home, 52.5, 26.3, {"next_time": note})
    limit = N._amount_s(note)
    assert [(c["metric"], c.get("limit_s")) for c in fix["changes"]] == [("answer_s", limit)]
    assert N.note_limit(note) == limit  # read alone, with no budget: the limit it names


def test_a_real_interview_fix_not_to_run_over_is_the_budget():
    check = N.check_stand("20秒オーバーしないようにする", {"answer_s": 26.3, "budget_s": 30.0, "over_s": -3.7,
                                                     "over_budget": False}, "ja")
    assert check.limit_s is None and check.verdict == "done"
