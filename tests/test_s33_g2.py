"""QA round 33 (g2): a note's limit past the question's budget is judged against the budget, as
an aim past it is (QA-F #1); compare shows no rate for an answer too short for one (QA-F #2);
progress's usual pace says the change from the figures as shown (QA-F #3)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from rich.console import Console

from furikaeri import notes as N
from furikaeri.report.history import render_fix
from furikaeri.store import Answer, Note


# --------------------------------------------------------------------------- QA-F #1: a limit past the budget


def _attempt(note: str, metrics: dict, lang: str) -> Answer:
    return Answer(1, 1, "s", 1, "Q?", "k", "2026-12-05T10:00:00", None, "", lang, "base", {}, dict(metrics),
                  Note(1, 1, "", "", note, "", ""))


def _timed(answer_s: float, budget_s: float = 20.0) -> dict:
    return {"answer_s": answer_s, "budget_s": budget_s, "over_s": round(max(0.0, answer_s - budget_s), 2)}


LIMITS = [("keep it under one minute", "en"), ("1分以内に話す", "ja")]


@pytest.mark.parametrize("note, lang", LIMITS)
@pytest.mark.parametrize("before, after, verdict", [
    (22.1, 36.6, "worse"),  # the QA's: 2 s, then 17 s over the 20-s budget, both inside the minute
    (15.0, 18.0, "held"),  # inside the budget both times
    (36.6, 19.0, "better"),  # back inside the budget
])
def test_a_note_limit_past_the_budget_is_judged_against_the_budget(note, lang, before, after, verdict):
    """QA: "keep it under one minute" on a 20-s question, then 22.1 s -> 36.6 s, was "still
    where it should be" (inside the note's minute) beside a table saying "over budget ▼ worse"."""
    fix = N.check_fix(_attempt(note, _timed(before), lang), _timed(after), lang)
    [c] = fix.changes
    assert (c.metric, fix.verdict) == ("answer_s", verdict)
    assert (fix.limit_s, fix.limit_over_budget_s, fix.budget_s) == (20.0, 60.0, 20.0)
    d = fix.to_dict()["changes"][0]
    assert (d["limit_s"], d["budget_s"]) == (60.0, 20.0)


@pytest.mark.parametrize("note, lang", LIMITS)
def test_a_note_limit_within_the_budget_is_still_its_own(note, lang):
    """A minute's limit on a 90-s question is the note's: 50 -> 75 s is worse, inside the budget."""
    fix = N.check_fix(_attempt(note, _timed(50.0, 90.0), lang), _timed(75.0, 90.0), lang)
    assert (fix.verdict, fix.limit_s, fix.limit_over_budget_s) == ("worse", 60.0, None)
    assert "budget_s" not in fix.to_dict()["changes"][0]


def _rendered(fix: N.FixCheck, lang: str) -> str:
    out = Console(width=200, record=True)
    render_fix(out, fix, lang)
    return out.export_text()


@pytest.mark.parametrize("note, lang, said", [
    ("keep it under one minute", "en",
     "length (your limit 60 s is over the 20-s budget: judged against the budget): 22.1 s → 36.6 s  ▼ worse"),
    ("1分以内に話す", "ja", "長さ（メモの上限60秒は持ち時間20秒を超えるため、持ち時間で判定）: 22.1秒 → 36.6秒"),
])
def test_the_check_says_the_notes_limit_is_over_the_budget(note, lang, said):
    shown = _rendered(N.check_fix(_attempt(note, _timed(22.1), lang), _timed(36.6), lang), lang)
    assert said in shown, shown


def test_a_longer_answer_past_a_limit_past_the_budget_is_said_over_the_budget():
    """"too short, under 90 seconds" on a 60-s question, 20 s then 75 s: done past the budget,
    said of the budget ("over"), not of a length the note set (its 90 s was not passed)."""
    from furikaeri.lang import text

    fix = N.check_fix(_attempt("too short, keep it under 90 seconds", _timed(20.0, 60.0), "en"), _timed(75.0, 60.0), "en")
    assert fix.verdict == "overshot"
    shown = _rendered(fix, "en")
    assert text("en", "fix_overshot_over") in shown and text("en", "fix_overshot_aim") not in shown, shown


# --------------------------------------------------------------------------- QA-F #2: compare's rates of a short answer


def _stored(i: int, lang: str, answer_s: float, budget_s: float, *, pace: float | None, fillers: int, rate: float,
            words: int) -> Answer:
    """An answer's stored figures; ``pace`` None: too short for one (under 2 s, or too few words)."""
    paces = {"wpm": pace} if lang == "en" else {"morae_per_s": pace, "chars_per_min": None if pace is None else 300.0}
    metrics = {"answer_s": answer_s, "budget_s": budget_s, "over_s": 0.0, "wpm": None, "chars_per_min": None,
               "morae_per_s": None, **paces, "fillers_per_min": rate, "filler_count": fillers, "repetitions": 0,
               "repetitions_per_min": 0.0, "hedges": 0, "hedges_per_100_words": 0.0, "word_count": words,
               "long_pauses": 0, "latency_s": 0.5}
    return Answer(i, 1, "s", 1, "Q?", "k", f"2026-12-05T10:0{i}:00", None, "", lang, "base", {}, metrics)


def _compared(lang: str, budget_s: float = 90.0, short_s: float = 0.8):
    from furikaeri.compare import compare_answers

    short = _stored(1, lang, short_s, budget_s, pace=None, fillers=1, rate=round(60 / short_s, 2), words=0)
    full = _stored(2, lang, 30.4, budget_s, pace=126.0 if lang == "en" else 6.0, fillers=3, rate=5.92, words=64)
    return compare_answers(short, full)


@pytest.mark.parametrize("lang, count", [("en", "1"), ("ja", "1回")])
def test_compare_shows_the_count_not_the_rate_of_an_answer_too_short_for_a_pace(lang, count):
    """QA: one "um" in 0.8 s read "fillers 76.0/min 5.9/min -70.1", hedges "0.0/100 words" of 0
    words: the report shows that answer's counts without a rate, and compare now does too."""
    from furikaeri.report.history import render_compare_answers

    out = Console(width=100, record=True)
    render_compare_answers(out, _compared(lang), lang, as_table=True)
    shown = out.export_text()
    assert "76.0" not in shown and "-70.1" not in shown, shown
    fillers = next(line for line in shown.splitlines() if line.startswith("fillers" if lang == "en" else "フィラー"))
    assert fillers.split()[1] == count and fillers.split()[3:5] == ["–", "–"], fillers
    hedges = next(line for line in shown.splitlines() if line.startswith("hedges" if lang == "en" else "ぼかし"))
    assert "/100" not in hedges.split()[1] and "±0.0" not in hedges, hedges


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_rate_of_an_answer_with_no_pace_is_not_judged_though_long_enough_for_its_budget(lang):
    """A 3-s answer of a 5-s budget (not short for it) with too few words for a pace: its
    fillers a minute are no figure to call the next answer better or worse by; JSON keeps the
    numbers, with the verdict n/a."""
    cmp = _compared(lang, budget_s=5.0, short_s=3.0)
    by = {c.metric: c for c in cmp.changes}
    assert by["fillers_per_min"].verdict == "n/a" and by["hedges_per_100_words"].verdict == "n/a"
    assert by["fillers_per_min"].before == 20.0  # the number as stored
    assert by["answer_s"].verdict != "n/a"  # the length is judged all the same


# --------------------------------------------------------------------------- QA-F #3: progress's usual pace


@pytest.mark.parametrize("lang, paces, latest, pct", [
    ("ja", (2.9, 2.94, 3.0), 3.67, "+28%"),  # shown 3.7 against 2.9: +28 %, not +25 % of 3.67/2.94
    ("en", (100.4, 100.4, 100.4), 124.6, "+25%"),  # 125 against 100 wpm: +25 %, not +24 %
])
def test_progress_says_the_latest_pace_against_the_usual_from_the_figures_shown(lang, paces, latest, pct):
    """QA: progress said 「2.9拍/秒（最新 +25%）」 beside a latest 3.7 拍/秒, the remark after the
    answer said 28 % (:func:`furikaeri.progress.pace_vs_usual`): one figure in both."""
    from furikaeri.lang import get_rules
    from furikaeri.progress import usual_pace
    from furikaeri.report.history import _render_usual

    key = get_rules(lang).pace_key
    answers = [Answer(i + 1, 1, "s", 1, "Q?", "k", f"2026-12-05T10:0{i}:00", None, "", lang, "base", {},
                      {"answer_s": 40.0, "budget_s": 60.0, key: v})
               for i, v in enumerate((*paces, latest))]
    usual = usual_pace(answers)
    assert f"{usual[lang]['latest_vs_usual']:+.0%}" == pct
    out = Console(width=100, record=True)
    _render_usual(out, SimpleNamespace(usual_pace=usual, warnings=()), lang, each_own=False)
    assert pct in out.export_text(), out.export_text()
