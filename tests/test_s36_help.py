"""Japanese ``--help`` names what an option takes in Japanese (``--model 名前かパス``, ``--limit N``),
not click's English type names (``TEXT``, ``INTEGER RANGE``) beside Japanese help."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli

from test_help_ja import COMMANDS, help_text

ENGLISH_TYPES = re.compile(r"\b(?:TEXT|INTEGER|FLOAT|RANGE|DIRECTORY|PATH|BOOLEAN|SECONDS|NAME_OR_INDEX)\b")


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_no_english_type_names_in_japanese_options(path):
    options = help_text(path).split("オプション:", 1)[-1]
    assert not ENGLISH_TYPES.search(options), options


def test_the_placeholders_say_what_to_give():
    text = help_text("analyze")
    assert re.search(r"--model 名前かパス\s", text)
    assert re.search(r"-q, --question 質問\s", text)
    assert re.search(r"--budget 秒数\s", text)
    assert re.search(r"--home フォルダ\s", help_text(""))
    assert re.search(r"-n, --limit N\s", help_text("history"))


def test_english_help_keeps_clicks_names():
    result = CliRunner(env={"LANG": "en_US.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}).invoke(
        cli, ["analyze", "--help"], prog_name="furikaeri")
    assert "--model TEXT" in result.output and "--budget SECONDS" in result.output


def test_ranges_read_as_japanese_says_them():
    assert re.search(r"-n, --limit N\s+最大 N 問。\s+\[1以上\]", help_text("practice"))
    assert "[5秒〜30分]" in help_text("analyze") and "<=x" not in help_text("analyze")  # s44: in its units
    assert re.search(r"--date 日付\s", help_text("reflect")) and re.search(r"--stage 段階\s", help_text("reflect"))
