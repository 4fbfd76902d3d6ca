"""Session 35 (lead): the live panel's Japanese lines on a narrow terminal; word verdicts in a
room too loud to trust the words."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("width", [30, 38, 44])
def test_the_live_panels_japanese_lines_break_between_phrases_not_inside_a_word(width):
    """QA s35 B #8: at 38 columns the wrap-up line broke 「…。要」/「点で締めくくりましょう。」."""
    from rich.cells import cell_len
    from rich.console import Console

    from furikaeri.cli.live import LivePanel

    console = Console(record=True, width=width, force_terminal=False)
    panel = LivePanel(console, question="学生時代に力を入れたことを教えてください", budget=60.0,
                      device_name="default", language="ja", hints=lambda: 2)
    panel.started, panel.elapsed, panel.level, panel.heard = 0.0, 52.0, -20.0, 52.0
    console.print(panel.render())
    lines = [ln.rstrip() for ln in console.export_text().splitlines()]
    assert all(cell_len(ln) <= width for ln in lines), lines
    joined = "".join(lines)
    assert "要点をまとめて締めくくりましょう" in joined
    assert not any(ln.endswith("要") for ln in lines), lines  # 要点 is one word
    assert not any(ln.startswith(("点", "。", "、")) for ln in lines), lines


@pytest.mark.parametrize("lang, before, after", [
    ("ja", "あのー、私は営業をしていました。まあ、大変でした。", "私は営業をしていました。あのー、大変でした。まあ、楽しかったです。"),
    ("en", "Um, I led the team. Uh, it was hard.", "I led the team. Um, it was hard, uh, and fun."),
])
def test_compare_lists_no_run_of_fillers_as_content(lang, before, after):
    """QA s35 D #8: 「↕ 順番を入れ替えた部分: あのー | まあ」: fillers said at other places are no
    content moved (the fillers' figure tells their change); words still are."""
    from furikaeri.compare import diff_text
    from furikaeri.lang import get_rules

    d = diff_text(before, after, lang)
    rules = get_rules(lang)
    for run in d.moved:
        said = "".join(ch for ch in run if ch.isalnum())
        fillers = "".join("".join(ch for ch in m.text if ch.isalnum()) for m in rules.find_fillers(run))
        assert said != fillers, (run, d)
    assert any(("楽しかった" if lang == "ja" else "fun") in run for run in d.added), d


def test_a_question_logged_without_the_sets_label_is_the_sets_question():
    """QA s35 V2 #1: an interview logged as 「最後に何か質問はありますか」 never met the set's
    「最後に何か質問はありますか。（逆質問）」: the label in brackets kept them apart."""
    from furikaeri.questions import find_question, get_set, same_question

    same = same_question("最後に何か質問はありますか")
    assert same("最後に何か質問はありますか。（逆質問）")
    assert find_question("最後に何か質問はありますか", [get_set("ja-basic")]).text.endswith("（逆質問）")
    assert not same("最後に何か質問はありますか。（志望動機）（逆質問）x")  # a label only at the very end
    assert not same_question("強み（一言で）")("弱み")  # what is asked still tells questions apart


@pytest.mark.parametrize("question", ["What questions do you have for us?", "Do you have any questions for us?",
                                      "最後に何か質問はありますか。"])
def test_questions_for_the_interviewer_are_told_however_they_are_put(question):
    """QA s35 V2 #5: "What questions do you have for us?" got the advice for any question."""
    from furikaeri.advice import question_kind

    assert question_kind(question) == "ask"


def test_a_japanese_norm_is_one_phrase_run_the_report_wraps_between_phrases():
    """QA s35 V2 #6: 「（目安:」 stood alone on a line: the space after the colon let the line break
    there. A Japanese norm has no space (目安：), so it breaks where a phrase ends."""
    from rich.text import Text

    from furikaeri.lang import text
    from furikaeri.report.wrap import fit_line

    for key, fields in (("norm_pauses_very_long", {"very_long": 3, "share": 0.35}), ("norm_opening_time", {"share": 0.2})):
        norm = text("ja", key, **fields)
        assert " " not in norm and norm.startswith("目安：")
        lines = fit_line(Text(f"（{norm}）"), 38).plain.split("\n")
        assert len(lines[0]) > len("（目安：") and not lines[-1].startswith(("）", "。", "・")), lines


@pytest.mark.parametrize("args", [["--company", "Nobody"], ["--set", "nosuch"], ["--set", "en-basic", "--only", "nosuch"]])
def test_practice_refused_before_its_first_question_makes_no_archive(tmp_path, args):
    """QA s35 V2 #3: practice --company with no such company, in a --home not there yet, made an
    empty archive (furikaeri.db, audio/) before saying the company has no file."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "new-home"
    sample = str(Path(__file__).resolve().parents[1] / "samples" / "en_greatest_strength.flac")
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", *args, "--from-files", sample, "--no-reflect"])
    assert r.exit_code == 2 and ("nosuch" in r.output or "Nobody" in r.output), r.output
    assert not home.exists()


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_answer_in_a_room_too_loud_has_no_focus_and_its_rows_no_verdict(lang):
    """QA s35 V1 #2: beside the warning that length, first word and pauses may be off, the
    report still said 話し始めまで 0.0秒 ちょうどよい and made the length its focus. An answer
    archived before verdicts existed (none, and not said to be in a loud room) keeps its
    rows' verdicts (tests/test_s31_k10.py)."""
    import dataclasses
    import sys

    from furikaeri.coach import focus_of
    from furikaeri.lang import get_rules
    from furikaeri.report.terminal import _figure_rows

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from test_schema import analysis

    loud = dataclasses.replace(analysis(lang), verdicts={}, tips=(), room_untrusted=True, latency_s=0.0)
    assert focus_of(analysis(lang)) is not None and focus_of(loud) is None
    assert focus_of(loud.to_dict()) is None  # as read back from the archive
    rows: list = []
    _figure_rows(loud, get_rules(lang), rows)
    assert all(not verdict.plain for _, _, verdict, _ in rows), [v.plain for _, _, v, _ in rows]


def test_the_terminal_closing_while_a_take_is_analysed_leaves_it_as_sigterm_does():
    """QA s35 V1 #1: SIGHUP (the terminal closed) during record --save's analysis killed the
    program with nothing said and the take left for no one to find; it now does what SIGTERM
    does there (the take left for `recover`, its command said), and the handlers are given back."""
    import os
    import signal
    import threading
    import time

    from furikaeri.cli import live

    ended = threading.Event()
    before = signal.getsignal(signal.SIGHUP)
    with live.HeldInterrupts("finishing this answer first", on_terminate=ended.set):
        os.kill(os.getpid(), signal.SIGHUP)
        deadline = time.monotonic() + 5
        while not ended.is_set() and time.monotonic() < deadline:
            time.sleep(0.01)
    assert ended.is_set()
    assert signal.getsignal(signal.SIGHUP) is before


def test_the_terminal_closing_mid_take_ends_the_take_as_sigterm_does():
    import os
    import signal
    import threading

    from furikaeri.cli import live

    stop, terminated = threading.Event(), threading.Event()
    with live._sigterm_sets(stop, terminated):
        os.kill(os.getpid(), signal.SIGHUP)
    assert stop.is_set() and terminated.is_set()


def test_a_question_asked_with_another_copula_is_the_same_question():
    """QA s35 D #4: 「なぜ商社なのか」 (a company file) and 「なぜ商社なのですか」 (the interview as
    logged) were two practice questions, their progress split."""
    from furikaeri.questions import same_question

    same = same_question("なぜ商社なのか")
    assert same("なぜ商社なのですか") and same("なぜ商社なんですか。") and same("なぜ商社でしょうか")
    assert not same("なぜ商社なのか、なぜ当社なのか")  # what is asked still tells them apart
    assert not same_question("チームで働けますか")("チームで働けますか、一人で働けますか")
    assert same_question("最後に何か質問はありますか")("最後に何か質問はありますか。")  # a verb's question stays
