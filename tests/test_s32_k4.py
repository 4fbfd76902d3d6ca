"""Session 32, helper k4: the commands furikaeri prints name the archive they were run on
(--home), a budget written as 就活 guides write it (「90秒以内」, 「約1分」, "about 90 s"), one
range for a budget wherever it is given, named as typed."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "en_greatest_strength.flac"


def invoke(args, **kwargs):
    return CliRunner().invoke(cli, args, **kwargs)


def _commands(output: str) -> list[list[str]]:
    """Every `furikaeri …` command in ``output``, as the shell would split it (up to the end of
    its line, a closing bracket or backquote)."""
    found = []
    for line in output.splitlines():
        for part in line.split("furikaeri ")[1:]:
            said = part.split("`")[0].split(")")[0].split("）")[0]
            found.append(shlex.split(said))
    return found


# --------------------------------------------------------------------------- 1. --home in printed commands


def test_the_commands_after_analyze_save_name_the_archive(tmp_path, monkeypatch):
    """QA: `furikaeri --home X analyze … --save` said `furikaeri show 7` and `furikaeri compare
    4 7`: pasted, they read the usual archive, which has no answer 7 (or another one)."""
    from furikaeri import stream
    from test_input_robust import fake_analysis

    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: fake_analysis(path, **kw))
    home = tmp_path / "my archive"
    for n in range(2):
        take = tmp_path / f"take{n}.flac"  # two takes: the same bytes are not saved twice
        take.write_bytes(SAMPLE.read_bytes() + bytes([n]))
        r = invoke(["--home", str(home), "analyze", str(take), "--save", "-q", "Why us?"])
        assert r.exit_code == 0, r.output
    said = _commands(r.output)
    assert ["--home", str(home), "show", "2"] in said
    assert ["--home", str(home), "compare", "1", "2"] in said
    assert all(c[:2] == ["--home", str(home)] for c in said), said


def test_without_home_the_commands_stay_plain(furikaeri_home, monkeypatch):
    """FURIKAERI_HOME carries over to the pasted command by itself: no --home is added."""
    from furikaeri import stream
    from test_input_robust import fake_analysis

    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: fake_analysis(path, **kw))
    r = invoke(["analyze", str(SAMPLE), "--save"])
    assert r.exit_code == 0 and ["show", "1"] in _commands(r.output), r.output


def test_error_lines_suggest_commands_on_the_same_archive(tmp_path, monkeypatch):
    """The same class in the error lines: the sets to list, the answers and questions to look up."""
    monkeypatch.setenv("LANG", "C.UTF-8")
    home = str(tmp_path / "h")
    for args, command in ((["questions", "show", "nosuch"], ["questions"]),
                          (["show", "abc"], ["history"]),
                          (["analyze", str(SAMPLE), "-q", "5"], ["progress"])):
        r = invoke(["--home", home, *args])
        assert r.exit_code == 2, r.output
        assert ["--home", home, *command] in _commands(r.output), r.output


def test_a_missing_company_names_the_archive_to_add_it_to(tmp_path):
    """`questions add FILE` puts the file in this archive's questions folder: the error says so."""
    from furikaeri.companies import set_from_interviews
    from furikaeri.errors import QuestionError
    from furikaeri.store import Store

    with Store.open(tmp_path / "h") as store, pytest.raises(QuestionError) as e:
        set_from_interviews(store, "Nobody", tmp_path / "h" / "questions", cli="furikaeri --home /x")
    assert "`furikaeri --home /x questions add Nobody.toml`" in str(e.value)  # the file the template went into
    assert "`furikaeri --home /x questions add Nobody.toml`" in e.value.ja


# --------------------------------------------------------------------------- 2. budget words


@pytest.mark.parametrize("written, seconds", [
    ("90秒以内", 90), ("約60秒", 60), ("60秒程度", 60), ("1分以内", 60), ("1分ほど", 60), ("およそ1分", 60),
    ("1分くらい", 60), ("1分前後", 60), ("最大2分", 120), ("約一分半", 90), ("１分３０秒以内", 90),
    ("about 90 s", 90), ("up to 2 minutes", 120), ("under a minute", 60), ("90s max", 90),
    ("around 1:30", 90), ("2 min or less", 120),
])
def test_a_budget_written_as_a_limit_or_a_rough_length_is_read(written, seconds):
    from furikaeri.questions import duration_s, parse_budget

    assert duration_s(written) == seconds
    assert parse_budget(written) == seconds


@pytest.mark.parametrize("written", ["以内", "約", "about", "約約1分", "1分以内以内", "90秒 くらい 以内"])
def test_the_words_alone_or_twice_are_no_budget(written):
    from furikaeri.questions import duration_s

    assert duration_s(written) is None


def test_a_question_file_and_budget_option_take_the_words(tmp_path, furikaeri_home):
    from furikaeri.questions import load_file

    f = tmp_path / "s.toml"
    f.write_text('[set]\nlanguage = "ja"\nbudget = "約1分"\n\n[[questions]]\ntext = "自己PRをしてください。"\n'
                 'budget = "90秒以内"\n\n[[questions]]\ntext = "志望動機を教えてください。"\n', encoding="utf-8")
    assert [q.budget_s for q in load_file(f).questions] == [90.0, 60.0]
    r = invoke(["analyze", str(tmp_path / "none.wav"), "--budget", "90秒以内"])
    assert "--budget" not in r.output, r.output  # read: the error is the missing file's


# --------------------------------------------------------------------------- 3. one range, named as typed


@pytest.mark.parametrize("typed", ["1", "4.9", "0秒", "1801", "3600", "60分"])
def test_a_budget_out_of_the_files_range_is_refused_by_the_option_too(typed, furikaeri_home):
    """--budget took 1 to 3600 s, a question file 5 s to 30 min: a budget saved with one could
    not be written in the other. Out of range, the line names what was typed (it said 0.0 for 0秒)."""
    from furikaeri.errors import QuestionError
    from furikaeri.questions import parse_budget

    with pytest.raises(QuestionError):
        parse_budget(typed)
    r = invoke(["analyze", "/nowhere.wav", "--budget", typed])
    assert r.exit_code == 2 and f"'{typed}' is out of range (5 s to 30 min)" in r.output, r.output


def test_the_range_is_said_in_japanese_without_spaces(furikaeri_home, monkeypatch):
    from furikaeri.errors import QuestionError
    from furikaeri.questions import parse_budget

    with pytest.raises(QuestionError) as e:
        parse_budget("0秒")
    assert e.value.ja == "持ち時間 '0秒' が範囲外です（5秒〜30分）"
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    r = invoke(["analyze", "/nowhere.wav", "--budget", "0秒"])
    assert "'--budget' の値が使えません: 持ち時間 '0秒' が範囲外です（5秒〜30分）" in r.output, r.output


def test_the_edges_of_the_range_are_budgets(furikaeri_home):
    from furikaeri.questions import BUDGET_MAX_S, BUDGET_MIN_S, parse_budget

    assert parse_budget("5秒") == BUDGET_MIN_S and parse_budget("30分") == BUDGET_MAX_S
    for typed in ("5", "30m"):
        assert "--budget" not in invoke(["analyze", "/nowhere.wav", "--budget", typed]).output


# --------------------------------------------------------------------------- 4. the CSV under --lang ja


def _saved_answer(monkeypatch) -> None:
    from furikaeri import stream
    from test_input_robust import fake_analysis

    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: fake_analysis(path, **kw))
    assert invoke(["analyze", str(SAMPLE), "--save", "-q", "Why us?", "--note", "fewer ums"]).exit_code == 0


def _rows(output: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(output)))


def test_the_csv_keeps_its_keys_for_scripts_whatever_the_locale(furikaeri_home, monkeypatch):
    """What a script reads by name stays put: no --lang, even under a Japanese locale."""
    from furikaeri.report.export import CSV_COLUMNS

    _saved_answer(monkeypatch)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    header, row = _rows(invoke(["export", "-f", "csv"]).output)
    assert tuple(header) == CSV_COLUMNS
    assert row[CSV_COLUMNS.index("language")] == "en" and row[CSV_COLUMNS.index("word_count_unit"):][:2] == ["words", "100 words"]


def test_the_csv_asked_for_in_japanese_is_japanese_where_the_program_wrote_words(furikaeri_home, monkeypatch):
    """QA: `export --format csv --lang ja` was all English (answer_id, focus=over_s, 300 morae):
    a Japanese header, the language, focus and units in Japanese; the figures and the person's
    own words as they are."""
    from furikaeri.report.export import CSV_COLUMNS

    _saved_answer(monkeypatch)
    keys, plain = _rows(invoke(["export", "-f", "csv"]).output)
    header, row = _rows(invoke(["export", "-f", "csv", "--lang", "ja"]).output)
    assert len(header) == len(CSV_COLUMNS) and header[0] == "回答番号" and "文字起こし" in header
    assert not any(h.isascii() for h in header)
    at = {k: i for i, k in enumerate(keys)}
    assert row[at["language"]] == "英語" and row[at["word_count_unit"]:][:2] == ["語", "100語"]
    assert row[at["focus"]] and not row[at["focus"]].isascii()
    words = ("language", "focus", "word_count_unit", "hedges_per")
    assert [c for k, c in zip(keys, row) if k not in words] == [c for k, c in zip(keys, plain) if k not in words]
    assert row[at["note_next_time"]] == "fewer ums"


# --------------------------------------------------------------------------- 6. Japanese lines in `questions show`


@pytest.mark.parametrize("width", [80, 60, 50, 40])  # 40: stacked, or rich broke the squeezed column again
def test_a_japanese_hint_fills_its_lines_rather_than_breaking_at_a_space(furikaeri_home, width):
    """QA: 「結論 → 課題 → 自分の行動 → 結果 →」 then 「学び。1分（約300字）で。」: broken at the last
    space, as English is, leaving the first line short; Japanese breaks anywhere its rules allow."""
    from rich.cells import cell_len

    r = invoke(["questions", "show", "ja-basic"], env={"COLUMNS": str(width)})
    assert r.exit_code == 0, r.output
    lines = [ln.rstrip() for ln in r.output.splitlines()]
    at = next(i for i, ln in enumerate(lines) if "結論 →" in ln)
    hint = "".join(ln.strip() for ln in lines[at:at + 4])
    assert "結論→課題→自分の行動→結果→学び。1分（約300字）で。" in hint.replace(" ", "")
    assert cell_len(lines[at]) >= width - 14, lines[at]  # filled to its column's end (the budget's cells left)
    assert all(cell_len(ln) <= width for ln in lines)
    assert not any(ln.lstrip().startswith(("。", "、", "）")) for ln in lines)
