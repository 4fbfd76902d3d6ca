"""Session 35, h3: the archive read back over time (QA s35 C #1, #3, #5; D #6).

- A figure at its best in the latest attempt never reads "worse" in progress (C #1: 0, 0, 92.5
  then 0 s over read "▼ worse" beside a best and a latest "within budget").
- compare --sessions says how many of a session's answers ran over the budget, not a mean
  overrun no answer had, and under the table the answers any mean misreads (C #3).
- progress in an archive of two languages gives each language's usual pace under its own
  overall table, its language named (C #5).
- A first run says "nothing saved" once: history and progress in a --home that does not exist
  say the folder to check and the next step (in Japanese both lines said there were no
  records); progress --question there is one error line (D #6).
"""

from __future__ import annotations

import io
import random

import pytest
from click.testing import CliRunner
from rich.console import Console

from furikaeri.cli import cli
from furikaeri.lang import text

from furikaeri import compare as C
from furikaeri import progress as P
from furikaeri.report import history as H
from furikaeri.metrics import COUNTS, METRIC_BY_NAME, METRICS
from furikaeri.store import Answer
from test_compare_notes import make_analysis, save

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


# --------------------------------------------------------------------------- C #3 a session's mean overrun


def _sessions(home, lang: str, before: list[tuple[float, int]], after: list[tuple[float, int]]):
    """Sessions A and B, one answer each (answer_s, long pauses) on a 30-s question."""
    for session, takes, start in (("A", before, 0), ("B", after, 60)):
        for i, (length, pauses) in enumerate(takes):
            a = make_analysis(lang=lang, answer_s=length, budget_s=30.0, long_pauses=pauses, question=f"Q{i}?",
                              rate=150.0 if lang == "en" else 300.0)
            save(home, a, session=session, minutes=start + i)
    from furikaeri.store import Store

    with Store.open(home) as st:
        return C.compare_sessions(st, "A", "B")


def _rendered(cmp, lang: str, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    H.render_compare_sessions(console, cmp, lang)
    return " ".join(console.file.getvalue().split())


@pytest.mark.parametrize("lang, said", [("ja", "持ち時間超過 時間内 1/2件超過"), ("en", "over budget within budget 1 of 2 over")])
def test_a_session_with_one_answer_over_budget_says_one_of_two_not_a_mean_overrun(furikaeri_home, lang, said):
    # QA C #3: 122.5 s on a 30-s budget and 7.8 s: "46秒超過", a figure no answer had
    cmp = _sessions(furikaeri_home, lang, [(25.0, 0), (20.0, 0)], [(122.5, 0), (20.0, 0)])
    assert cmp.off_band["over_s"] == [0, 2, 1, 2]
    out = _rendered(cmp, lang)
    assert said in out and "46" not in out


def test_every_answer_over_budget_keeps_the_mean_overrun(furikaeri_home):
    cmp = _sessions(furikaeri_home, "en", [(25.0, 0), (20.0, 0)], [(40.0, 0), (50.0, 0)])
    out = _rendered(cmp, "en")
    assert "over budget within budget 15 s over" in out and " of 2 over" not in out


def test_a_mean_off_its_norm_over_answers_within_it_says_how_many_were_off(furikaeri_home):
    # long pauses 0 and 2 in one session: a mean of 1 reads as though each answer had one
    cmp = _sessions(furikaeri_home, "ja", [(25.0, 0), (20.0, 0)], [(25.0, 2), (20.0, 0)])
    out = _rendered(cmp, "ja")
    assert "長い間: 目安外の回答0/2件 → 1/2件" in out
    cmp = _sessions(furikaeri_home / "all", "en", [(25.0, 0), (20.0, 0)], [(25.0, 2), (20.0, 3)])
    assert "long pauses: 0 of 2" not in _rendered(cmp, "en")  # every answer off: the mean says so itself


def test_at_80_columns_the_session_means_stay_a_table(furikaeri_home):
    cmp = _sessions(furikaeri_home, "ja", [(25.0, 0), (20.0, 0)], [(122.5, 0), (20.0, 0)])
    console = Console(file=io.StringIO(), width=80, color_system=None)
    H.render_compare_sessions(console, cmp, "ja")
    assert any(line.startswith("持ち時間超過") and "1/2件超過" in line for line in console.file.getvalue().splitlines())


# --------------------------------------------------------------------------- C #5 whose usual pace


def _two_languages(usual: dict) -> P.Progress:
    en = [_answer(i, {"wpm": 126.0 + i}, language="en") for i in range(1, 5)]
    ja = [_answer(i, {"morae_per_s": 6.0}, language="ja", question=2) for i in range(5, 7)]
    return P.Progress(overall=(P._block("overall", None, en), P._block("overall", None, ja)), questions=(),
                      usual_pace=usual)


USUAL_EN = {"metric": "wpm", "median": 126.0, "answers": 3, "latest": 164.0, "latest_answer_id": 4,
            "latest_vs_usual": 0.3}


@pytest.mark.parametrize("lang, usual, japanese_block", [("en", "your usual pace (English): 126 wpm", "全体（日本語）"),
                                                         ("ja", "あなたのふだんの話速（英語）: 126語/分", "全体（日本語）")])
def test_a_usual_pace_sits_under_its_own_languages_block_and_names_it(lang, usual, japanese_block):
    console = Console(file=io.StringIO(), width=100, color_system=None)
    H.render_progress(console, _two_languages({"en": USUAL_EN}), lang, each_own=lang == "en")
    lines = console.file.getvalue().splitlines()
    said = next(i for i, line in enumerate(lines) if line.startswith(usual))
    assert said < next(i for i, line in enumerate(lines) if line.startswith(japanese_block))


def test_one_languages_usual_pace_is_said_as_before():
    en = [_answer(i, {"wpm": 126.0 + i}, language="en") for i in range(1, 5)]
    prog = P.Progress(overall=(P._block("overall", None, en),), questions=(), usual_pace={"en": USUAL_EN})
    console = Console(file=io.StringIO(), width=100, color_system=None)
    H.render_progress(console, prog, "en", each_own=True)
    assert "your usual pace: 126 wpm (latest +30%)" in console.file.getvalue()


# --------------------------------------------------------------------------- D #6 a first run


def _run(home, *args: str, locale: str = "C.UTF-8"):
    return CliRunner().invoke(cli, ["--home", str(home), *args],
                              env={"LANG": locale, "LC_ALL": None, "LC_MESSAGES": None})


@pytest.mark.parametrize("lang, locale", [("en", "C.UTF-8"), ("ja", "ja_JP.UTF-8")])
@pytest.mark.parametrize("args", [["history"], ["progress"], ["history", "--interviews"]], ids=" ".join)
def test_a_missing_home_says_nothing_is_saved_once(tmp_path, lang, locale, args):
    # QA D #6: 「フォルダ … がありません。記録はまだありません（…）」 then 「まだ記録がありません: … で練習しましょう」
    home = tmp_path / "new"
    r = _run(home, *args, locale=locale)
    assert r.exit_code == 0, r.output
    # the next step: practice there, as starting a new archive in it (since session 54: QA s54 AL #1)
    view = text(lang, "no_interviews" if "--interviews" in args else "no_history_new_home", cli=f"furikaeri --home {home}")
    assert r.stdout.strip() == view
    assert r.stderr.strip() == text(lang, "no_archive_folder", home=home)  # and, apart, the folder to check
    if "--interviews" not in args:
        assert r.output.count("記録" if lang == "ja" else "saved") == 1
    assert not home.exists()


def test_a_question_in_a_missing_home_is_one_line_naming_the_folder(tmp_path):
    home = tmp_path / "typo"
    r = _run(home, "progress", "--question", "intro")
    assert r.exit_code == 2 and r.output.strip().splitlines() == [
        f"furikaeri: error: {text('en', 'no_archive_folder', home=home)}"]
