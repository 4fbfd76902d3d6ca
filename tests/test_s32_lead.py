"""The time over the budget is said in the budget's words in compare and progress (within
budget, now over budget; 持ち時間内, not the 目安 of a banded figure), and a company's practice
questions read as one heading with their source in brackets, the suggested command naming the
archive it was run on (QA s32 qa-b #8, qa-a #4, k2's leftover)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from furikaeri.metrics import Change
from furikaeri.report import history as H


def _said(change: Change, lang: str) -> str:
    return H._verdict(change, lang).plain


@pytest.mark.parametrize("lang, within, into, left", [
    ("en", "within budget", "now within budget", "now over budget"),
    ("ja", "持ち時間内", "持ち時間内に収まった", "持ち時間を超えた"),
])
def test_the_time_over_the_budget_speaks_of_the_budget(lang, within, into, left):
    assert within in _said(Change("over_s", -30.0, -10.0, 20.0, "same"), lang)
    assert into in _said(Change("over_s", 29.0, 0.0, -29.0, "better"), lang)
    assert left in _said(Change("over_s", 0.0, 12.0, 12.0, "worse"), lang)
    for c in (Change("over_s", -30.0, -10.0, 20.0, "same"), Change("over_s", 29.0, 0.0, -29.0, "better")):
        assert "目安" not in _said(c, "ja") and "range" not in _said(c, "en")


def test_a_limit_that_is_not_the_budget_keeps_its_range_words():
    assert "目安内に入った" in _said(Change("longest_pause_s", 4.0, 1.0, -3.0, "better"), "ja")


@pytest.mark.parametrize("lang, heading", [("en", "practice questions (from your logged interviews)"),
                                           ("ja", "練習用の質問（記録した面接から）")])
def test_a_companys_practice_questions_have_one_heading_and_a_command_on_the_archive(lang, heading):
    info = {"name": "さくら商事", "practice": {"source": "archive", "questions": [
        {"id": "asked1-1", "text": "自己紹介をしてください", "budget_s": 60.0, "hint": ""}]}}
    out = io.StringIO()
    H.render_company(Console(file=out, width=200), info, lang, cli="furikaeri --home /tmp/a")
    text = out.getvalue()
    assert heading in text
    assert 'furikaeri --home /tmp/a practice --company "さくら商事" --only asked1-1' in text


def test_practice_of_an_unknown_set_or_company_suggests_commands_on_its_archive(tmp_path):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "h"
    sample = str(Path(__file__).resolve().parent.parent / "samples" / "en_greatest_strength.flac")
    for args in (["--set", "nosuch"], ["--company", "Nosuch Co"]):
        result = CliRunner().invoke(cli, ["--home", str(home), "practice", *args, "--from-files", sample])
        assert result.exit_code == 2, result.output
        assert f"furikaeri --home {home}" in result.output, result.output


def test_a_suggested_command_too_wide_for_the_terminal_is_one_line_under_its_hint():
    info = {"name": "Acme Corp", "practice": {"source": "archive", "questions": [
        {"id": "asked1-1", "text": "Tell me about yourself", "budget_s": 90.0, "hint": ""}]}}
    out = io.StringIO()
    H.render_company(Console(file=out, width=50), info, "en", cli="furikaeri --home /tmp/archive")
    lines = out.getvalue().splitlines()
    command = 'furikaeri --home /tmp/archive practice --company "Acme Corp" --only asked1-1'
    assert any(line.strip() == command for line in lines), out.getvalue()
    assert any(line.strip() == "one of them:" for line in lines), out.getvalue()


def test_a_slow_pace_per_minute_is_whole_in_every_view_however_slow():
    """Under 20 words a minute (a halting answer) the size rule would give a tenth: each view
    names the figure, so a rate per minute stays whole and morae a second keep their tenth."""
    from furikaeri.metrics import METRIC_BY_NAME, in_norm

    assert H.shown_digits("wpm", 15.4) == 0
    assert H.shown_digits("chars_per_min", 12.0) == 0
    assert H.shown_digits("morae_per_s", 5.64) == 1
    assert "wpm" in METRIC_BY_NAME and in_norm("wpm", 119.6)  # shown as 120 wpm: in the 120-160 band


@pytest.mark.parametrize("args", [["history"], ["progress"], ["export"], ["show", "1"], ["compare", "1", "2"],
                                  ["delete", "1", "--yes"], ["questions", "company", "Acme"]])
def test_a_reading_command_on_a_mistyped_home_makes_no_folder_and_says_so(tmp_path, args):
    """QA s32 qa-c #5: `--home typo history` made the folder and an empty archive, and read as
    'nothing saved yet' in an archive the person never meant."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "typo" / "deep"
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "typo").exists()
    said = f"no archive in {home}: the folder does not exist"
    if args[0] in ("history", "progress", "export"):  # read as an empty archive: said why
        assert result.exit_code == 0 and said in result.stderr
    else:  # an error line, one, saying the folder is missing (QA s34 qa-m #2: not "there is no answer 1")
        assert result.exit_code == 2 and said in result.stderr and len(result.stderr.splitlines()) == 1


def test_saving_still_makes_the_archive_and_an_existing_folder_reads_without_the_line(tmp_path):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "new"
    made = CliRunner().invoke(cli, ["--home", str(home), "reflect", "-c", "Acme", "-q", "Why us?", "--no-prompt"])
    assert made.exit_code == 0, made.output
    assert (home / "furikaeri.db").exists()
    result = CliRunner().invoke(cli, ["--home", str(home), "history"])
    assert result.exit_code == 0 and "no archive" not in result.stderr


@pytest.mark.parametrize("lang, aim, budget", [("en", "past the length your note set", "over the budget"),
                                               ("ja", "メモで決めた長さを超えた", "持ち時間を超えた")])
def test_a_length_past_the_notes_own_aim_is_not_said_over_the_budget(lang, aim, budget):
    """k8's leftover: "about 30 s" on a 60-s budget, 15 s then 45 s, is past the note's aim and
    well within the budget; a note with no length of its own ("say more") past the budget is over it."""
    from furikaeri.notes import FixCheck

    longer = Change("answer_s", 15.0, 45.0, 30.0, "overshot")
    for fix, said, unsaid in ((FixCheck(1, "about 30 s", True, (longer,), "overshot", target_s=30.0), aim, budget),
                              (FixCheck(1, "say more", True, (longer,), "overshot"), budget, aim)):
        out = io.StringIO()
        H._render_fix(Console(file=out, width=200), fix, lang, lang)
        assert said in out.getvalue() and unsaid not in out.getvalue(), out.getvalue()


def test_a_pause_after_a_polite_form_a_clause_link_carries_on_is_no_sentence_break():
    """k10's leftover: 「持っていません」 [pause] 「から」 ends no sentence in the opening, and no
    sentence in the pause places either; 「持っていません」 [pause] 「私は」 still does."""
    from furikaeri.lang import get_rules
    from furikaeri.measure import measure
    from furikaeri.speech import Interval
    from furikaeri.transcribe import Word

    ja = get_rules("ja")

    def places(next_words):
        words = [Word(t, s, e, 0.99) for t, s, e in
                 [("鍵", 0.5, 0.8), ("を", 0.8, 0.9), ("持って", 0.9, 1.3), ("いません", 1.3, 1.8),
                  *next_words]]
        speech = [Interval(0.5, 1.8), Interval(3.0, 4.6)]
        return [p.place for p in measure(words, speech, duration=5.0, rules=ja, budget_s=60).pauses]

    assert places([("から", 3.0, 3.4), ("外", 3.4, 3.8), ("で", 3.8, 4.0), ("待ち", 4.0, 4.3), ("ました", 4.3, 4.6)]) \
        != ["sentence"]
    assert places([("私", 3.0, 3.3), ("は", 3.3, 3.5), ("外", 3.5, 3.8), ("で", 3.8, 4.0), ("待ち", 4.0, 4.3),
                   ("ました", 4.3, 4.6)]) == ["sentence"]
