"""``--help`` in Japanese when the system speaks Japanese: every command, option and heading
translated (an English help changed without its Japanese fails here), the lines measured in
terminal cells and broken between phrases, the examples the same commands as the English ones."""

from __future__ import annotations

import inspect
import re

import click
import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from furikaeri.cli import cli, help_ja
from furikaeri.cli.helptext import doc, summary
from furikaeri.report.wrap import unspaced


def walk(cmd: click.Command = cli, path: str = "", parent: click.Context | None = None):
    """(path, command, context) for the group and every command under it."""
    ctx = click.Context(cmd, info_name=path.split(" ")[-1] or "furikaeri", parent=parent)
    yield path, cmd, ctx
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            yield from walk(sub, f"{path} {name}".strip(), ctx)


COMMANDS = {path: (cmd, ctx) for path, cmd, ctx in walk()}


def english_helps(cmd: click.Command, ctx: click.Context) -> list[str]:
    return [p.help for p in cmd.get_params(ctx) if isinstance(p, click.Option) and p.help]


def help_text(path: str, lang: str = "ja_JP.UTF-8", columns: int = 98) -> str:
    env = {"LANG": lang, "LC_ALL": None, "LC_MESSAGES": None}
    result = CliRunner(env=env).invoke(cli, [*path.split(), "--help"], prog_name="furikaeri",
                                       terminal_width=columns)
    assert result.exit_code == 0, result.output
    return result.output


def examples(text: str) -> list[str]:
    """The example command lines of a help text (its ``\\b`` block), comments dropped."""
    block = text.split("\b", 1)[1] if "\b" in text else ""
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip().startswith("furikaeri")]


def test_every_command_and_option_has_its_japanese_help_and_nothing_stale():
    assert set(help_ja.DOCS) == set(COMMANDS)
    english = {h for cmd, ctx in COMMANDS.values() for h in english_helps(cmd, ctx)}
    assert set(help_ja.OPTIONS) == english, "changed or removed English help: " + repr(set(help_ja.OPTIONS) ^ english)


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_help_in_a_japanese_locale_is_japanese(path):
    cmd, ctx = COMMANDS[path]
    out = help_text(path)
    assert out.startswith(f"使い方: furikaeri {path}".rstrip()), out
    assert "Usage:" not in out and "Options:" not in out and "オプション:" in out
    flat = lambda x: re.sub(r"\s+", "", x)  # noqa: E731  (lines broken anywhere)
    assert flat(summary(doc(path, cmd.help or ""))) in flat(out)
    for english in english_helps(cmd, ctx):
        assert english not in out, english
    assert "[default:" not in out
    if isinstance(cmd, click.Group):
        listed = out.split("コマンド:", 1)[1]
        assert "..." not in listed  # summaries wrapped, never cut


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_the_examples_are_the_english_ones(path):
    cmd, _ = COMMANDS[path]
    ja, en = examples(doc(path, cmd.help or "")), examples(inspect.cleandoc(cmd.help or ""))
    assert len(ja) == len(en), (ja, en)
    for ja_line, en_line in zip(ja, en):
        options = [re.findall(r"(?<!\S)(-{1,2}[a-z][\w-]*)", line) for line in (ja_line, en_line)]
        assert options[0] == options[1], (ja_line, en_line)
        assert ja_line.split()[:2] == en_line.split()[:2]


@pytest.mark.parametrize("columns", [50, 64, 80, 98])
def test_japanese_lines_fit_the_terminal_and_break_by_the_typesetter_s_rules(columns):
    for path in COMMANDS:
        in_examples = False
        for line in help_text(path, columns=columns).splitlines():
            in_examples = (in_examples or line.strip() == "例:") and bool(line.strip())
            if in_examples:
                continue  # the examples are kept as written, as in English
            assert cell_len(line) <= columns, (path, columns, line)
            assert line == line.rstrip(), (path, line)
            assert not line.lstrip().startswith(tuple("、。）」ーを:")), (path, line)
            assert not line.endswith(tuple("（「")), (path, line)
            assert not re.search(r"(?<![-\w])-{1,2}$", line), (path, line)  # no option broken after its dashes


def test_a_paragraph_written_on_several_lines_is_joined_without_spaces_in_japanese():
    out = help_text("analyze", columns=200)
    body = out.split("\n\n")[1]
    assert re.search(r"[\u3040-\u9fff] [\u3040-\u9fff]", body) is None, body


def test_the_group_lists_every_command_with_a_japanese_summary():
    out = help_text("")
    for name in cli.commands:
        line = next(x for x in out.splitlines() if x.strip().startswith(name + " "))
        assert unspaced(line), line


def test_no_command_at_all_shows_the_japanese_help_too():
    env = {"LANG": "ja_JP.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
    result = CliRunner(env=env).invoke(cli, [], prog_name="furikaeri")
    assert "使い方: furikaeri" in result.output and "コマンド:" in result.output


def test_an_english_locale_keeps_click_s_english_help():
    out = help_text("analyze", lang="C.UTF-8")
    assert out.startswith("Usage: furikaeri analyze") and "Options:" in out and "使い方" not in out
    assert "Show this message and exit." in out


def test_an_option_s_notes_are_translated():
    """click's ``[default: 3]`` after an option's help reads ``[既定: 3]``."""
    defaults = [path for path, (cmd, ctx) in COMMANDS.items()
                if any(isinstance(p, click.Option) and p.show_default for p in cmd.get_params(ctx))]
    if not defaults:
        pytest.skip("no option shows its default")
    assert "[既定:" in help_text(defaults[0])


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_every_option_says_what_it_does_and_its_default_plainly(path):
    """QA (session 29): `export --help` showed -f/--format with no description, in either
    language; `practice --help` showed "[既定: (base)]" (click writes a text default in brackets)."""
    cmd, ctx = COMMANDS[path]
    for p in cmd.get_params(ctx):
        if isinstance(p, click.Option) and not p.hidden:
            assert (p.help or "").strip(), (path, p.opts)
    for lang in ("ja_JP.UTF-8", "C.UTF-8"):
        out = help_text(path, lang=lang)
        assert not re.search(r"\[(?:既定|default): \(", out), (path, out)
