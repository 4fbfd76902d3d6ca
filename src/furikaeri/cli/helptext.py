"""``--help`` in the system's language: a Japanese locale gets every command's help, option and
heading in Japanese (:mod:`furikaeri.cli.help_ja`), laid out by the typesetter's rules.

click lays help out for text with spaces between words: it counts characters, not the cells a
terminal gives them (a kanji takes two), and breaks lines only at spaces, so a Japanese sentence
would run off the screen in one line. :class:`JapaneseFormatter` measures cells and breaks
Japanese where a reader expects (:func:`furikaeri.report.wrap.wrap_unspaced`).
"""

from __future__ import annotations

import inspect
import re

import click
from rich.cells import cell_len
from rich.text import Text

from furikaeri.cli import help_ja
from furikaeri.cli.language import ui_language
from furikaeri.report.wrap import unspaced, wrap_unspaced

HEADINGS = {"Options": "オプション", "Commands": "コマンド"}
USAGE = "使い方: "
#: The placeholders in a usage line, click's own (``[OPTIONS] COMMAND [ARGS]...``) and the
#: commands' arguments (``delete [OPTIONS] NUMBER``), in Japanese, as their Japanese help names them.
PLACEHOLDERS = {"OPTIONS": "オプション", "COMMAND": "コマンド", "ARGS": "引数", "FILES": "ファイル",
                "FILE.wav": "ファイル.wav", "FILE": "ファイル", "FOLDER": "フォルダ", "NUMBER": "番号",
                "ANSWER_ID": "回答番号", "NAME": "名前", "DIRECTORY": "フォルダ"}
_PLACEHOLDER = re.compile(r"(?<![\w.-])(" + "|".join(sorted(map(re.escape, PLACEHOLDERS), key=len, reverse=True))
                          + r")(?![\w-])")
#: An option's value placeholder (click's type names and furikaeri's own), in Japanese: an
#: English ``TEXT`` or ``INTEGER RANGE`` beside Japanese help reads as untranslated.
METAVARS = {"TEXT": "テキスト", "INTEGER RANGE": "整数", "INTEGER": "整数", "FLOAT RANGE": "数値",
            "FLOAT": "数値", "DIRECTORY": "フォルダ", "FILE": "ファイル", "PATH": "パス",
            "SECONDS": "秒数", "NAME_OR_INDEX": "番号または名前"}
#: Where a type's name says less than the option does (``--model TEXT``): what to give, by option.
OPTION_METAVARS = {"--model": "名前かパス", "--question": "質問", "--session": "名前", "--set": "セット",
                   "--company": "企業", "--since": "日付", "--only": "ID", "--device": "番号か名前",
                   "--note": "メモ", "--wrong": "メモ", "--why": "メモ", "--next": "メモ", "--limit": "N",
                   "--date": "日付", "--stage": "段階", "--answer": "回答", "--reaction": "メモ", "--went-well": "メモ",
                   "--to-fix": "メモ", "--interview": "番号"}
_METAVAR = re.compile(r"(?<![\w-])(" + "|".join(sorted(METAVARS, key=len, reverse=True)) + r")(?![\w-])")
#: click's notes after an option's help (``[default: 3; required]``), in Japanese.
EXTRAS = (("default: ", "既定: "), ("env var: ", "環境変数: "), ("required", "必須"))


class JapaneseFormatter(click.HelpFormatter):
    """click's help layout, measured in terminal cells and broken between Japanese phrases."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = _PLACEHOLDER.sub(lambda m: PLACEHOLDERS[m.group()], args)
        head = f"{' ' * self.current_indent}{USAGE if prefix is None else prefix}{prog} "
        if self.width - cell_len(head) < 20:  # a long command on a narrow screen: its arguments below it, as click does
            self.write(head.rstrip() + "\n")
            head = " " * (self.current_indent + 4)
        lines = _cell_wrap(args, max(self.width - cell_len(head), 10))
        self.write((head + lines[0]).rstrip() + "\n")
        for line in lines[1:]:
            self.write(" " * cell_len(head) + line + "\n")

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        width = max(self.width - self.current_indent, 11)
        self.write("\n\n".join(_paragraph(p, width, indent) for p in re.split(r"\n\s*\n", text.strip())))
        self.write("\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((cell_len(term) for term, _ in rows), default=0), col_max) + col_spacing
        margin = " " * (first_col + self.current_indent)
        for term, text in rows:
            self.write(f"{' ' * self.current_indent}{term}")
            if not text:
                self.write("\n")
                continue
            if cell_len(term) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_len(term)))
            else:  # a long term: its help starts on the next line
                self.write("\n" + margin)
            lines = _wrap(text, max(self.width - first_col - 2, 10)).split("\n")
            self.write("\n".join([lines[0]] + [margin + line for line in lines[1:]]) + "\n")


#: A command summary's room in its group's list: its first sentence, never cut (the list wraps it).
WHOLE = 10_000


class LocalizedContext(click.Context):
    """A context whose help follows the system's language."""

    def make_formatter(self) -> click.HelpFormatter:
        if ui_language(self) == "ja":
            return JapaneseFormatter(width=self.terminal_width, max_width=self.max_content_width)
        return super().make_formatter()


class LocalizedHelp:
    """Mixed into furikaeri's command and group classes: with a :class:`JapaneseFormatter`, the
    help text, the options' help and the commands' summaries come from :mod:`help_ja`."""

    context_class = LocalizedContext

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not isinstance(formatter, JapaneseFormatter):
            return super().format_help_text(ctx, formatter)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(doc(command_path(ctx), self.help or ""))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not isinstance(formatter, JapaneseFormatter):
            return super().format_options(ctx, formatter)
        rows = [(japanese_term(param, record[0]), option_help(param, record[1]))
                for param in self.get_params(ctx)
                if not isinstance(param, click.Argument) and (record := param.get_help_record(ctx))]
        if rows:
            with formatter.section("Options"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The group's commands, each with its help's first sentence whole (in Japanese from
        :mod:`help_ja`): click cuts a summary to the room left on an 80-column line, mid-sentence
        ("Compare two attempts (answer ids), two sessions, or the..."); the list wraps it instead."""
        path = command_path(ctx)
        ja = isinstance(formatter, JapaneseFormatter)
        rows = [(name, summary(doc(f"{path} {name}".strip(), cmd.help or "")) if ja
                 else cmd.get_short_help_str(limit=WHOLE))
                for name in self.list_commands(ctx)
                if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def command_path(ctx: click.Context) -> str:
    """The command's names under the program (``questions show``; "" for the program itself),
    whatever the program was called."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


def doc(path: str, english: str) -> str:
    """A command's help in Japanese; without examples of its own, the ``english`` help's (command
    lines with no comment to translate), under a Japanese heading."""
    ja = inspect.cleandoc(help_ja.DOCS[path])
    if "\b" in ja or "\b" not in english:
        return ja
    block = inspect.cleandoc(english).split("\b", 1)[1].replace("Examples:", "例:", 1)
    return f"{ja}\n\n\b{block}"


def summary(text: str) -> str:
    """A help text's first sentence: the command's line in its group's list."""
    first = text.split("\n\n", 1)[0]
    return _join(first.split("\n")).split("。", 1)[0] + "。"


def japanese_term(param: click.Parameter, term: str) -> str:
    """An option's ``-q, --question TEXT`` with its value placeholder in Japanese."""
    names = [o for o in getattr(param, "opts", []) if o in OPTION_METAVARS]
    if names and not getattr(param, "is_flag", False):
        at = term.rfind(names[0]) + len(names[0])
        if term[at:].strip() and not term[at:].strip().startswith("["):
            return f"{term[:at]} {OPTION_METAVARS[names[0]]}"
    return _METAVAR.sub(lambda m: METAVARS[m.group()], term)


def option_help(param: click.Parameter, shown: str) -> str:
    """An option's help line (``shown``: click's, its notes after it) in Japanese."""
    english = getattr(param, "help", None) or ""
    notes = shown[len(english):] if shown.startswith(english) else ""
    for en, ja in EXTRAS:
        notes = notes.replace(en, ja)
    for rx, ja in RANGES:
        notes = rx.sub(ja, notes)
    return (help_ja.OPTIONS.get(english, english) + notes).strip()


#: click's range notes (``[x>=1]``, ``[5<=x<=1800]``) as Japanese says a range.
RANGES = ((re.compile(r"\b([\d.]+)<=x<=([\d.]+)\b"), r"\1〜\2"), (re.compile(r"\bx>=([\d.]+)\b"), r"\1以上"),
          (re.compile(r"\bx<=([\d.]+)\b"), r"\1以下"))


def _cell_wrap(words: str, room: int) -> list[str]:
    """``words`` broken at spaces into lines of at most ``room`` terminal cells ([オプション]
    takes 12, textwrap counts 7), a word longer than that alone on its line."""
    lines = [""]
    for word in words.split():
        if lines[-1] and cell_len(f"{lines[-1]} {word}") > room:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _join(lines: list[str]) -> str:
    """A paragraph's lines as one: Japanese on both sides of a line's end joins without a space."""
    out = ""
    for line in (x.strip() for x in lines):
        if out and line and not (unspaced(out[-1]) and unspaced(line[0])):
            out += " "
        out += line
    return out


def _wrap(text: str, width: int) -> str:
    """Japanese broken anywhere the typesetter's rules allow, a Latin word or option kept whole."""
    return "\n".join(line.rstrip() for line in wrap_unspaced(Text(text), width).plain.split("\n"))


def _paragraph(text: str, width: int, indent: str) -> str:
    lines = text.split("\n")
    if lines[0].strip() == "\b":  # click's mark: lines kept as written (examples)
        return "\n".join(indent + line for line in lines[1:])
    return "\n".join(indent + line for line in _wrap(_join(lines), width).split("\n"))
