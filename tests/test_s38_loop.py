"""The reflection loop, after QA s38 E: a reverse question in words of one's own gets its kind's
budget; a real interview's fix is not called done where a part of it is measured by nothing;
notes typed on several lines, and ones that begin like a formula, read right everywhere; the
export keeps the person's own question files and an empty journal says it is empty."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console
from rich.text import Text

from furikaeri.cli import cli
from furikaeri.notes import check_stand, unmeasured_parts
from furikaeri.questions import builtin_budget, kind_budget
from test_input_robust import SAMPLE, fake_analysis


def invoke(args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


# ----------------------------------------------------------------------------- #1 budgets by kind


@pytest.mark.parametrize("question, budget", [
    ("Any questions for us?", 45.0), ("Do you have any questions?", 45.0), ("逆質問はありますか", 30.0),
    ("Please introduce yourself.", 90.0), ("簡単に自己紹介をしてください", 30.0),
    ("Why this job?", None), ("当社を選んだ理由は？", None)])
def test_a_question_in_words_of_its_own_gets_its_kinds_budget(question, budget):
    assert kind_budget(question) == budget
    assert builtin_budget(question, 120.0) == (budget or 120.0)
    assert builtin_budget("Tell me about yourself", 120.0) == 90.0  # a built-in's own, as before


def test_a_logged_reverse_question_is_practised_on_its_kinds_budget(furikaeri_home):
    """QA s38 E #1: "Any questions for us?" logged with `reflect` got 120 s, so a 22-s answer
    was "short: under 30% of the budget"."""
    r = invoke(["reflect", "-c", "Umbrella", "-q", "Any questions for us?", "-q", "Why this job?"])
    assert r.exit_code == 0, r.output
    r = invoke(["questions", "show", "Umbrella", "--json"])
    budgets = {q["text"]: q["budget_s"] for q in json.loads(r.stdout)["questions"]}
    assert budgets == {"Any questions for us?": 45.0, "Why this job?": 120.0}, budgets


@pytest.mark.model
def test_analyze_of_a_reverse_question_typed_as_words_is_judged_on_45_s(furikaeri_home):
    r = invoke(["analyze", SAMPLE, "-q", "Do you have any questions for the team?", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["budget_s"] == 45.0 and doc["verdicts"]["length"]["level"] != "short", doc["verdicts"]["length"]


# ----------------------------------------------------------------------------- #2 a fix measured in part


METRICS = dict(answer_s=30.0, budget_s=60.0, over_s=-30.0, over_budget=False, fillers_per_min=1.0,
               to_point_share=0.08)


def test_a_fix_measured_in_part_names_the_part_no_figure_checks():
    check = check_stand("数字を入れる。結論から話す", METRICS, "ja", order="point_first")
    assert check.verdict == "done" and check.unmeasured == ("数字を入れる",), check
    assert check.to_dict()["unmeasured"] == ["数字を入れる"]
    assert check_stand("結論から話す", METRICS, "ja", order="point_first").unmeasured == ()
    assert check_stand("数字を入れる", METRICS, "ja").verdict == "unknown"  # nothing measured: said so already
    assert check_stand("数字を入れる", METRICS, "ja").unmeasured == ()


@pytest.mark.parametrize("note, left", [
    ("fewer fillers. Add a number to the story", ("Add a number to the story",)),
    ("Lead with the point; slow down", ()),
    ("- add numbers\n- fewer ums", ("add numbers",)),
    ("話す速度を落とす・具体例を入れる", ("具体例を入れる",)),
    ("Keep it under 30 s. Mention the team.", ("Mention the team",))])
def test_the_parts_of_a_note_no_figure_measures(note, left):
    assert unmeasured_parts(note, None) == left


@pytest.mark.parametrize("lang, head, rest", [
    ("ja", "測定できる点は今回の回答でできています", "測定していない点: 「数字を入れる」"),
    ("en", "done in this answer, as far as it is measured", "not measured: “数字を入れる”")])
def test_the_stand_is_shown_as_done_only_as_far_as_it_is_measured(lang, head, rest):
    from furikaeri.report.history import render_stand

    out = Console(width=100, file=io.StringIO(), force_terminal=False)
    render_stand(out, check_stand("数字を入れる。結論から話す", METRICS, "ja", order="point_first"), lang, "ja")
    said = " ".join(out.file.getvalue().split())
    assert head in said and rest in said, said


# ----------------------------------------------------------------------------- #3 #8 notes as typed


def _saved(home: Path, **note) -> None:
    from furikaeri.session import save_analysis

    a = fake_analysis(SAMPLE, question="Why us?")
    for i in range(2):
        save_analysis(dataclasses.replace(a, answer_s=30.0 + i, budget_s=60.0), audio_path=SAMPLE, session="s",
                      question="Why us?", note=note if i == 0 else None, home=home, settings={})


def test_csv_cells_of_ones_own_text_never_start_a_formula(furikaeri_home):
    """QA s38 E #3: a note typed "-ran long, cut the intro" was a formula (#NAME?) in a spreadsheet."""
    _saved(furikaeri_home, wrong="-ran long, cut the intro", why="=too much background", next_time="+add one number")
    r = invoke(["export", "-f", "csv"])
    assert r.exit_code == 0, r.output
    row = next(csv.DictReader(io.StringIO(r.stdout)))
    assert (row["note_wrong"], row["note_why"], row["note_next_time"]) == (
        "'-ran long, cut the intro", "'=too much background", "'+add one number"), row
    assert json.loads(invoke(["export"]).stdout)["answers"][0]["note"]["wrong"] == "-ran long, cut the intro"


def test_a_note_typed_on_two_lines_reads_right_in_show_history_and_compare(furikaeri_home):
    """QA s38 E #8: the second line of a note started at the margin in `show` and broke the
    one-line note of `compare` and `history`."""
    _saved(furikaeri_home, next_time='said "um", a lot\nand rambled')
    show = invoke(["show", 1], terminal_width=100).stdout
    assert 'next time: said "um", a lot\n           and rambled\n' in show, show
    for args in (["history"], ["compare", 1, 2]):
        said = invoke(args, terminal_width=160).stdout
        assert 'said "um", a lot; and rambled' in said, said  # lines of one part: no " / " (V #5)


def test_the_note_help_says_how_to_clear_a_part_at_a_prompt(furikaeri_home):
    said = " ".join(invoke(["note", "--help"]).stdout.split())
    assert "Enter keeps a part, a space alone clears it" in said, said


# ----------------------------------------------------------------------------- #4 #12 #11 export


def test_the_json_export_keeps_ones_own_question_files(furikaeri_home):
    r = invoke(["questions", "template"])
    mine = furikaeri_home.parent / "my-set.toml"
    mine.write_text(r.stdout, encoding="utf-8")
    assert invoke(["questions", "add", mine]).exit_code == 0
    files = json.loads(invoke(["export"]).stdout)["question_files"]
    assert [f["file"] for f in files] == ["my-set.toml"] and files[0]["text"] == r.stdout


@pytest.mark.parametrize("lang, said", [("en", "Nothing saved yet"), ("ja", "まだ何も保存されていません")])
def test_an_empty_archives_journal_says_it_is_empty(furikaeri_home, lang, said):
    r = invoke(["export", "-f", "md", "--lang", lang])
    assert r.exit_code == 0 and said in r.stdout, r.output


@pytest.mark.parametrize("lang, said", [("en", "{out}: there is no folder {folder}"),
                                        ("ja", "{out} のフォルダ {folder} がありません")])
def test_an_export_into_a_missing_folder_names_the_folder(furikaeri_home, tmp_path, lang, said):
    out = tmp_path / "nodir" / "x.csv"
    r = invoke(["export", "-o", out, "--lang", lang])
    assert r.exit_code == 2 and said.format(out=out, folder=out.parent) in r.stderr, r.stderr


# ----------------------------------------------------------------------------- #5 #7 reflect, companies


def test_nothing_to_log_names_everything_that_would_be_logged(furikaeri_home):
    r = invoke(["reflect", "-c", "X", "--no-prompt"])
    assert r.exit_code == 2
    assert "give a --question, or the interviewer's --reaction, what --went-well or what --to-fix" in r.stderr


def test_a_company_named_in_part_gets_its_name_as_logged(furikaeri_home):
    assert invoke(["reflect", "-c", "Acme, Inc.", "-q", "Why us?"]).exit_code == 0
    r = invoke(["questions", "company", "Acme"])
    assert r.exit_code == 2 and "did you mean 'Acme, Inc.'?" in r.stderr, r.stderr
    r = invoke(["questions", "company", "acme, inc."])
    assert r.exit_code == 0 and r.stdout.startswith("Acme, Inc."), r.stdout


# ----------------------------------------------------------------------------- #11 a list of figures


def test_a_list_of_figures_breaks_between_its_figures():
    from furikaeri.report.wrap import LIST_BREAKS, wrap_phrases

    line = "ふだんのあなた（直近の回答）: 話速 6.0拍/秒 · フィラー 6.8回/分 · 声の抑揚 3.3半音"
    lines = wrap_phrases(Text(line), 80, breaks=LIST_BREAKS).plain.split("\n")
    assert lines == ["ふだんのあなた（直近の回答）: 話速 6.0拍/秒 · フィラー 6.8回/分 ·", "声の抑揚 3.3半音"], lines


# ----------------------------------------------------------------------------- #10 a word the same both times


@pytest.mark.parametrize("note, lang, word, held, same", [("えーを減らす", "ja", "えー", "保てている", "まだ変わっていません"),
                                                         ("say fewer ums", "en", "um", "= held", "no change yet")])
def test_a_named_filler_said_as_often_is_not_held_under_no_change_yet(note, lang, word, held, same):
    """QA s38 E #10: 「メモで狙った点はまだ変わっていません: 「えー」: 1回 → 1回 = 保てている」: praise for
    the word the note wanted fewer of, under a headline saying nothing changed."""
    from furikaeri import notes as N
    from furikaeri.report import history as H
    from furikaeri.store import Answer, Note

    others = ("その", "あのー", "なんか", "まあ") if lang == "ja" else ("you know", "like", "so", "well")  # えーと: えー's
    metrics = {"answer_s": 32.5, "budget_s": 60.0, "fillers_per_min": 9.2, "filler_count": 5}
    prev = Answer(1, 1, "", 1, "Q", None, "", None, "", lang, "base", {}, dict(metrics),
                  Note(1, 1, "", "", note, "", ""), fillers=(word, *others))
    fix = N.check_fix(prev, dict(metrics), lang, fillers=[word, *others])  # E's archive: the same take again
    out = Console(width=200, record=True)
    H.render_fix(out, fix, lang)
    said = out.export_text()
    assert fix.verdict == "same" and same in said, said
    assert held not in said and "1 → " in said.replace("回", ""), said


# ----------------------------------------------------------------------------- V #1: a time the question states


@pytest.mark.parametrize("question, budget", [
    ("1分間で自己紹介してください", 60.0), ("自己紹介を1分でお願いします。", 60.0), ("3分程度で自己紹介と自己PRをしてください", 180.0),
    ("一分で自己紹介をお願いします", 60.0), ("30秒で自己PRをお願いします", 30.0), ("1分半以内で志望動機を教えてください", 90.0),
    ("Please introduce yourself in two minutes.", 120.0), ("Tell me about yourself in 90 seconds", 90.0),
    ("Give me a one-minute introduction", 60.0),
    ("Where do you see yourself in five years?", None), ("5分前に何をしていましたか", None),
    ("Tell me about a time you had 10 minutes to decide", 120.0),  # a story: its kind's
    # W #4: a time in the story asked about is no budget; W #5: more ways of stating one
    ("5分で決断した経験を教えてください", 60.0), ("10分で問題を解決した経験はありますか", 60.0),
    ("Tell me about a time you solved a problem within 10 minutes.", 120.0),
    ("1分ほど自己紹介をお願いします", 60.0), ("自己紹介を1分ほどお願いします", 60.0), ("1～2分で自己紹介してください", 120.0),
    ("30秒で自己PRをお願いします", 30.0), ("in 1-2 minutes, tell me about yourself", 120.0),
    ("Tell me about yourself in less than a minute", 60.0), ("Tell me about yourself. You have two minutes.", 120.0),
    ("Tell me about yourself (2 minutes).", 120.0), ("Keep it to two minutes: why us?", 120.0),
    ("Give me your 30-second elevator pitch", 30.0), ("That's all from us, any questions?", 45.0),
    # X #1: a topic between the time and the request; X #3: a time in the story, in English too
    ("2分で学生時代に頑張ったことを話してください", 120.0), ("あなたの強みを3分で伝えてください", 180.0),
    ("1分で長所と短所を教えてください", 60.0), ("10分で終わる面接です。自己紹介をどうぞ", 30.0),
    ("毎日30分勉強していることを教えてください", None), ("1分の自己紹介をお願いします", 60.0),
    ("Tell me about a customer who complained for 30 minutes", None),
    ("Describe the presentation you gave in five minutes", None)])
def test_a_time_the_question_asks_for_is_its_budget(question, budget):
    """QA s38 V #1: 「1分で自己紹介をお願いします」 got a self-introduction's 30 s."""
    from furikaeri.questions import worded_budget

    assert worded_budget(question) == budget


@pytest.mark.parametrize("question, kind", [
    ("What would you do if a customer had any questions you could not answer?", None),
    ("Do you have anything to ask us?", "ask"), ("Is there anything you would like to know about us?", "ask"),
    ("最後に何かございますか", "ask"), ("Do you have any other questions?", "ask"), ("Any questions for us?", "ask")])
def test_questions_for_the_interviewer_are_told_from_questions_about_questions(question, kind):
    from furikaeri.advice import question_kind

    assert question_kind(question) == kind


def test_the_company_hint_never_names_what_was_typed_nor_guesses_from_a_letter(furikaeri_home):
    assert invoke(["reflect", "-c", "Acme, Inc.", "-q", "Why us?"]).exit_code == 0
    assert invoke(["reflect", "-c", "Umbrella", "-q", "Why us?"]).exit_code == 0
    r = invoke(["questions", "company", "a"])
    assert r.exit_code == 2 and "did you mean" not in r.stderr, r.stderr
    assert invoke(["delete", "--interview", "1", "--yes"]).exit_code == 0
    r = invoke(["questions", "company", "Acme, Inc."])  # its interview deleted: nothing known, no hint
    assert r.exit_code == 2 and "did you mean" not in r.stderr, r.stderr


@pytest.mark.parametrize("lang, said", [("en", "no company 'acme': did you mean 'Acme, Inc.'?"),
                                        ("ja", "「acme」という企業はありません。「Acme, Inc.」のことですか？")])
def test_practice_of_a_company_named_in_part_names_the_logged_one(furikaeri_home, lang, said):
    """QA s38 W #9: `practice --company acme` offered to write a second company file."""
    assert invoke(["reflect", "-c", "Acme, Inc.", "-q", "Why us?"]).exit_code == 0
    r = invoke(["practice", "--company", "acme", "-n", "1", "--from-files", SAMPLE, "--lang", lang])
    assert r.exit_code == 2 and said in r.stderr and "Traceback" not in r.output, r.output
