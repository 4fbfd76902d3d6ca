"""Session 32, k9: note on a missing home, the note check's per-minute figures, whole per-minute
paces, the budget option, a company's asks joining the set's question, the CSV's time over the
budget.

What must hold: `note` on a home folder that does not exist makes nothing (#1); a named filler's
counts stand with each a minute wherever the verdict would not follow from them (#3); a pace a
minute is whole in progress's trend and the CSV (#4); `--budget`'s help shows its range, a
negative budget is out of range, a file's budget is echoed as written (#6); a Japanese request
(〜を教えてください) is the question its bare noun phrase names (#7); the CSV's time over the
budget is 0 within it (#8).
"""

from __future__ import annotations

import re

import pytest


# ------------------------------------------------------------------------------ 1. note on a missing home
@pytest.mark.parametrize("args", [["note", "1"], ["note", "1", "--next", "結論から"], ["note", "1", "--json"]])
def test_note_on_a_home_that_does_not_exist_makes_nothing(tmp_path, monkeypatch, args):
    """QA s32 #1: `--home nohome note 1` said there is no answer 1 and left furikaeri.db and
    audio/ behind: a note only edits a saved answer, so nothing needs making."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "nohome"
    result = CliRunner().invoke(cli, ["--home", str(home), *args], input="")
    assert result.exit_code == 2, result.output
    assert f"no archive in {home}: the folder does not exist" in result.stderr  # QA s34 qa-m #2: not "no answer 1"
    assert not home.exists()
    monkeypatch.setenv("FURIKAERI_HOME", str(home))  # the variable names it as --home does
    assert CliRunner().invoke(cli, args, input="").exit_code == 2 and not home.exists()


# ------------------------------------------------------------------------------ 3. a filler's counts that mislead
def test_a_named_filler_s_counts_that_the_verdict_disagrees_with_show_each_a_minute():
    """QA s32 #3: 「えー」 1 → 4 in answers of 26 s and 96 s is within the jitter a minute, and
    read 「1回 → 4回 = 変化なし」 with nothing to say why."""
    from furikaeri.notes import word_change
    from furikaeri.report.history import _word_line

    c = word_change("えー", ["えー"], ["えー"] * 4, 26.3, 96.0)
    assert c.verdict == "same"
    for lang, rate in (("ja", "回/分"), ("en", "/min")):
        line = _word_line(c, lang, (), "").plain
        assert line.count(rate) == 2, line
    # answers of one length: the counts tell the rates' story, and stand alone
    alike = word_change("えー", ["えー"], ["えー"] * 2, 60.0, 60.0)
    assert alike.verdict == "same" and "回/分" not in _word_line(alike, "ja", (), "").plain
    more = word_change("えー", ["えー"], ["えー"] * 4, 60.0, 60.0)
    assert more.verdict == "worse" and "回/分" not in _word_line(more, "ja", (), "").plain


# ------------------------------------------------------------------------------ 4. a pace a minute is whole
@pytest.mark.parametrize("metric", ["wpm", "chars_per_min"])
def test_a_pace_a_minute_s_trend_is_whole_and_a_count_keeps_its_half(metric):
    """QA s32 #4: 「245字/分 … 傾向 +51.5」: a median of two paces made a half a pace never shows."""
    from furikaeri.metrics import Change
    from furikaeri.report.history import trend_shown

    for lang in ("en", "ja"):
        assert trend_shown(metric, Change(metric, 193.5, 245.0, 51.5, "n/a"), lang) in ("+52", "+51")
    assert trend_shown("long_pauses", Change("long_pauses", 17.0, 12.5, -4.5, "better"), "en") == "-4.5"
    assert trend_shown("morae_per_s", Change("morae_per_s", 6.0, 6.25, 0.25, "same"), "ja") in ("+0.2", "+0.3")


def test_the_csv_writes_a_pace_as_every_view_does():
    """QA s32 #4: `export --format csv --lang ja` had 216.9 under 話速（字/分）."""
    import csv
    import io

    from furikaeri.report.export import to_csv

    metrics = {"answer_s": 60.0, "wpm": None, "articulation_wpm": None, "chars_per_min": 216.9, "morae_per_s": 4.14}
    en = {"answer_s": 60.0, "wpm": 133.4, "articulation_wpm": 151.62, "fillers_per_min": 3.92}
    answers = [{"id": 1, "created_at": "2026-12-05T10:00:00+00:00", "session": "s1", "language": "ja",
                "metrics": metrics},
               {"id": 2, "created_at": "2026-12-05T10:01:00+00:00", "session": "s1", "language": "en", "metrics": en}]
    for lang in (None, "ja"):
        rows = list(csv.reader(io.StringIO(to_csv({"answers": answers}, lang))))
        head = [c for c in csv.reader(io.StringIO(to_csv({"answers": []}, None)))][0]
        ja, e = (dict(zip(head, r)) for r in rows[1:])
        assert (ja["chars_per_min"], ja["morae_per_s"]) == ("217", "4.1")
        assert (e["wpm"], e["articulation_wpm"], e["fillers_per_min"]) == ("133", "152", "3.92")


# ------------------------------------------------------------------------------ 6. the budget option
@pytest.mark.parametrize("command", ["analyze", "practice", "record"])
@pytest.mark.parametrize("locale", ["C.UTF-8", "ja_JP.UTF-8"])
def test_the_budget_s_help_shows_its_range(command, locale, monkeypatch):
    """QA s32 #6: `--budget`'s help ended `[x<=None]`, click's range of no range."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    monkeypatch.setenv("LC_ALL", locale)
    result = CliRunner().invoke(cli, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    ja = locale.startswith("ja")  # Japanese help says click's ranges as Japanese does (s36: [5〜1800])
    flat = " ".join(result.output.split())
    assert "None" not in result.output and ("[5秒〜30分]" if ja else "[5 s to 30 min]") in flat
    # --max-seconds in the unit it is whole in (s44: "14400" for 4 h read as maths, QA s43 F #6)
    assert ("[5秒〜4時間]" if ja else "[5 s to 4 h]") in flat or command != "practice"


@pytest.mark.parametrize("typed", ["-5", "-90s", "−5", "-1分"])
def test_a_negative_budget_is_out_of_range_not_unreadable(typed):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    result = CliRunner().invoke(cli, ["analyze", "x.wav", "--budget", typed])
    assert result.exit_code == 2
    assert f"the time budget '{typed}' is out of range (5 s to 30 min)" in result.stderr


@pytest.mark.parametrize("typed", ["--5", "-", "- 5", "abc"])
def test_what_is_no_number_of_seconds_still_says_so(typed):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    result = CliRunner().invoke(cli, ["analyze", "x.wav", f"--budget={typed}"])
    assert result.exit_code == 2 and "is not a number of seconds" in result.stderr


@pytest.mark.parametrize("written, echoed", [("true", "true"), ("false", "false"), ("1979-05-27", "1979-05-27"),
                                             ("-5", "-5"), ('"-5s"', "'-5s'")])
def test_a_question_file_s_budget_is_echoed_as_written(tmp_path, written, echoed):
    """QA s32 #6: `budget = true` was echoed `cannot read the time budget True` (Python's word)."""
    from furikaeri.errors import QuestionError
    from furikaeri.questions import load_file

    f = tmp_path / "t.toml"
    f.write_text(f'[set]\nname = "t"\nlanguage = "en"\n[[questions]]\ntext = "Why?"\nbudget = {written}\n')
    with pytest.raises(QuestionError) as e:
        load_file(f)
    said = str(e.value)
    assert re.search(f"time budget {re.escape(echoed)}[ :]", said) and "True" not in said and "False" not in said


# ------------------------------------------------------------------------------ 7. a company's asks join the set's
@pytest.mark.parametrize("bare, asking", [("学生時代に力を入れたこと", "学生時代に力を入れたことを教えてください。"),
                                           ("学生時代に力を入れたこと", "学生時代に力を入れたことについて聞かせてください"),
                                           ("自己PR", "自己PRをお願いします。"),
                                           ("あなたの強み", "あなたの強みは何ですか？"),
                                           ("自己紹介", "自己紹介をしてください")])
def test_a_japanese_request_is_the_question_its_noun_phrase_names(bare, asking):
    """QA s32 #7: a company file's asks 「学生時代に力を入れたこと」 (the README's own example) became
    a new question beside the built-in gakuchika, splitting its history."""
    from furikaeri.questions import same_question

    assert same_question(bare)(asking) and same_question(asking)(bare)


def test_different_things_asked_about_stay_different_questions():
    from furikaeri.questions import builtin_sets, same_question

    assert not same_question("あなたの強みを教えてください")("あなたの弱みを教えてください")
    assert not same_question("を教えてください")("をお願いします")  # nothing but the request: whole
    texts = [q.text for s in builtin_sets() for q in s.questions]
    assert all(sum(map(same_question(t), texts)) == 1 for t in texts)  # no two built-ins merge


def test_a_company_s_bare_ask_joins_the_built_in_question_s_history(tmp_path):
    from furikaeri.questions import builtin_budget, load_file
    from furikaeri.store import Store

    f = tmp_path / "sakura.toml"
    f.write_text('[company]\nname = "さくら商事"\nlanguage = "ja"\nasks = ["学生時代に力を入れたこと", "自己PRをお願いします"]\n'
                 '[[questions]]\ntext = "自己PR"\nbudget = 60\n')
    company = load_file(f)
    assert [q.text for q in company.questions] == ["自己PR", "学生時代に力を入れたこと"]  # the ask asked already: once
    asked = company.questions[1]
    assert asked.budget_s == builtin_budget("学生時代に力を入れたことを教えてください。", 0)
    with Store.open(tmp_path / "home") as store:
        built_in = store.question_for("ja-basic:gakuchika", "学生時代に力を入れたことを教えてください。", language="ja")
        assert store.question_for(asked.key, asked.text, language="ja") == built_in


# ------------------------------------------------------------------------------ 8. the CSV's time over
def test_the_csv_s_time_over_the_budget_is_never_negative():
    """QA s32 #8: 超過時間（秒） held −11.31 for an answer 11 s within its budget, where every other
    view says 時間内; the answer's length is its own column."""
    import csv
    import io

    from furikaeri.report.export import to_csv

    def row(answer_s, over_budget):
        m = {"answer_s": answer_s, "budget_s": 60.0, "over_budget": over_budget, "over_s": round(answer_s - 60.0, 2)}
        return {"id": 1, "created_at": "2026-12-05T10:00:00+00:00", "session": "s1", "language": "ja", "metrics": m}

    got = list(csv.DictReader(io.StringIO(to_csv({"answers": [row(48.69, False), row(60.04, False),
                                                              row(122.53, True)]}))))
    assert [r["over_s"] for r in got] == ["0", "0", "62.53"]
    assert [r["answer_s"] for r in got] == ["48.69", "60.04", "122.53"]
