"""The ``furikaeri`` Click group: global options, and errors turned into one line and an
exit code.

Every :class:`~furikaeri.errors.FurikaeriError` becomes one line on stderr and exit code 2;
anything unexpected becomes one line and exit code 70 (:data:`INTERNAL_ERROR`; set
``FURIKAERI_DEBUG=1`` for the traceback). The codes are listed in ``furikaeri --help``
(:data:`EXIT_CODES`). The commands live in the sibling ``*_cmd`` modules and register themselves on
:data:`cli`.
"""

from __future__ import annotations

import os
import sys

import click

from furikaeri import __version__
from furikaeri.cli.helptext import JapaneseFormatter, LocalizedHelp
from furikaeri.cli.language import LANG_KEY, speaks, ui_language  # noqa: F401  (the commands import them from here)
from furikaeri.errors import TERMINATED_EXIT, FurikaeriError, os_reason, raised_by_ctrl_c

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

#: A bug (an exception no command expected): BSD's EX_SOFTWARE, apart from 1, which mic-check
#: and devices use for what they found, so a script can tell a finding from a crash.
INTERNAL_ERROR = 70

#: The exit codes, as ``furikaeri --help`` lists them: (code, English, Japanese).
EXIT_CODES = (
    ("0", "done", "正常終了"),
    ("1", "mic-check: the level is not fine; devices: no microphone found",
     "mic-check: 入力レベルに問題あり。devices: マイクが見つからない"),
    ("2", "an error you can fix (a file, an option, the archive), said in one line",
     "利用者が対処できるエラー（ファイル、オプション、記録のフォルダなど）。1行で伝えます"),
    ("70", "an internal error, a bug (FURIKAERI_DEBUG=1 shows where)",
     "内部エラー、つまり不具合（FURIKAERI_DEBUG=1 で発生箇所を表示）"),
    ("130", "Ctrl-C (after what was being saved is saved)", "Ctrl-C で中断（保存中のものは保存してから）"),
    ("143", "stopped by SIGTERM (kill) or the terminal closing while recording or analysing a take: the take is kept",
     "録音中か録音の分析中に SIGTERM（kill）や端末を閉じたことで停止（録音は残します）"),
)


def fail(message: str, code: int = 2, *, ja: str | None = None) -> None:
    """Print one line on stderr: ``furikaeri: error: ...`` (``ja``: the line in Japanese, for a
    command that speaks it)."""
    from furikaeri.cli.streams import repaired

    if ja and ui_language() == "ja":
        click.echo(f"furikaeri: エラー: {repaired(ja)}", err=True)
        return
    click.echo(f"furikaeri: error: {repaired(message)}", err=True)


#: click's own error messages (its 8.x wording) in Japanese; one that matches none is kept as
#: click says it, inside the Japanese line.
CLICK_JA = (
    (r"(.+) is not in the range (.+?)\.", "{0} は範囲外です（{1}）"),
    (r"(.+) is not one of (.+?)\.", "{0} は選べません（{1} のどれか）"),
    (r"(.+) is not a valid integer(?: range)?\.", "{0} は整数ではありません"),
    (r"(.+) is not a valid float(?: range)?\.", "{0} は数ではありません"),
    (r"(.+) is not a valid boolean\..*", "{0} は真偽値（yes/no など）ではありません"),
    (r"(.+) is not a number of seconds\.", "{0} は秒数ではありません"),
    (r"(?:File|Directory|Path) (.+) does not exist\.", "{0} がありません"),
    (r"(?:File|Directory|Path) (.+) is a file\.", "{0} はファイルです（フォルダを指定してください）"),
    (r"(?:File|Directory|Path) (.+) is a directory\.", "{0} はフォルダです（ファイルを指定してください）"),
    (r"(?:File|Directory|Path) (.+) is not readable\.", "{0} を読めません"),
    (r"(?:File|Directory|Path) (.+) is not writable\.", "{0} に書き込めません"),
    (r"(.+) is not (.+?)\.", "{0} は使えません（{1} のみ）"),  # after the paths' "is not readable"
    (r"Option (.+) requires an argument\.", "{0} には値が必要です"),
    (r"Option (.+) requires (\d+) arguments\.", "{0} には値が {1} 個必要です"),
    (r"Option (.+) does not take a value\.", "{0} は値を取りません"),
    (r"No such command (.+?)\.(?: .*)?", "コマンド {0} はありません"),
    (r"Got unexpected extra arguments? \((.+)\)", "余分な引数があります: {0}"),
    (r"Missing command\.", "コマンドを指定してください"),
)


def click_said_in_japanese(message: str) -> str:
    """One of click's error messages in Japanese (:data:`CLICK_JA`), else as it is."""
    import re

    for pattern, ja in CLICK_JA:
        m = re.fullmatch(pattern, message.strip(), flags=re.S)
        if m:
            return ja.format(*m.groups())
    return message


def _usage_line(e: click.UsageError, ctx: click.Context) -> None:
    """click's four lines (usage, "Try", error) made one, framed in the command's language."""
    import re

    where = e.ctx.command_path if e.ctx is not None else ctx.command_path
    detail = e.format_message()
    see = f"（`{where} --help` を参照）"
    close = getattr(e, "possibilities", None)  # a mistyped option's or command's near names
    maybe = f"（もしかして: {', '.join(close)}）" if close else ""
    ja = None
    if isinstance(e, click.NoSuchOption) and re.fullmatch(r"-\d+", e.option_name or ""):
        # `show -1`: a number typed negative, not an option mistyped (QA s42 A #5)
        fail(f"{e.option_name} is no option, and no number here is negative: answers, sessions and questions "
             f"are numbered from 1 (see `{where} --help`)",
             ja=f"{e.option_name} はオプションではなく、負の番号もありません。回答・セッション・質問の番号は1から始まります{see}")
        sys.exit(e.exit_code)
    if isinstance(e, click.NoSuchOption) and (e.option_name or "").startswith("--home") and " " in where:
        # `furikaeri history --home DIR`: the archive's option is the program's, before the command (QA s44 G #4)
        cmd = where.split(" ", 1)[1]
        fail(f"--home goes before the command: `furikaeri --home DIR {cmd} ...` (or set FURIKAERI_HOME)",
             ja=f"--home はコマンドの前に付けます: `furikaeri --home フォルダ {cmd} ...`（または FURIKAERI_HOME を設定）")
        sys.exit(e.exit_code)
    if isinstance(e, click.MissingParameter) and e.param is not None:
        from furikaeri.cli.helptext import PLACEHOLDERS, _PLACEHOLDER

        # an argument named as the Japanese usage line names it: 'NUMBER' is 番号 there (QA s49 HH #8)
        hint = e.param.get_error_hint(e.ctx) if e.ctx else e.param.name
        said = _PLACEHOLDER.sub(lambda m: PLACEHOLDERS[m.group()], hint)
        said = "「" + said.strip("'").removesuffix("...") + "」" if said != hint else said + " "
        ja = f"{said}を指定してください{see}"
    elif isinstance(e, click.NoSuchOption):
        ja = f"オプション {e.option_name} はありません{maybe}{see}"
    elif isinstance(e, click.BadParameter):
        hint = e.param.get_error_hint(e.ctx) if e.param is not None and e.ctx is not None else ""
        ja = f"{hint} の値が使えません: {click_said_in_japanese(e.message)}{see}" if hint else None
    fail(f"{detail} (see `{where} --help`)", ja=ja or f"{click_said_in_japanese(detail)}{maybe}{see}")
    sys.exit(e.exit_code)


#: Set while a command saves several things in turn (``analyze a b c --save``): a reader that
#: leaves early then does not stop the saving (:func:`pipe_closed`).
_KEEP_SAVING = False


def keep_saving_when_the_reader_leaves() -> None:
    """From now on, a reader of standard output that leaves early (``| head``, ``less`` quit)
    lets the command go on: what it prints is dropped, what it saves is saved (QA s47 EE #4:
    ``analyze a b c --save | head -1`` left the third file unanalysed and unsaid, exit 1)."""
    global _KEEP_SAVING
    _KEEP_SAVING = True


def pipe_closed() -> None:
    """The reader of our output left (``| head``): stop quietly, as a pipeline expects; or, in a
    command still saving (:func:`keep_saving_when_the_reader_leaves`), go on printing nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    if _KEEP_SAVING:
        os.close(devnull)
        return
    os._exit(0)


class _OwnParsing:
    """A usage error found while parsing names the command it was found in (click's parser
    leaves some without, and the line would point at ``furikaeri --help``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        typed = list(args)  # click's parser takes them out of ``args`` as it reads them
        try:
            rest = super().parse_args(ctx, args)
        except (click.UsageError, FurikaeriError) as e:
            said = typed_language(self, ctx, typed)
            if said:  # its callback never ran (`-n 0 --lang ja`): the error speaks it all the same
                ctx.meta[LANG_KEY] = said
            if isinstance(e, click.UsageError) and e.ctx is None:
                e.ctx = ctx
            raise
        _repair_typed(self, ctx)
        return rest


def noted_language(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The callback of an option naming the language a command speaks (``--lang``,
    ``--language``): its error lines speak it too (:func:`speaks`)."""
    speaks(value)
    return value


def typed_language(command: click.Command, ctx: click.Context, args: list[str]) -> str | None:
    """The language (``en``, ``ja``) the command line ``args`` names with the command's options
    that say it (:func:`noted_language`; the last one, before ``--``): read as typed, for an
    error click finds before that option's callback runs, so that ``--lang ja`` makes it
    Japanese as a Japanese ``LANG`` does."""
    names = {o for p in command.get_params(ctx) if isinstance(p, click.Option) and p.callback is noted_language
             for o in p.opts}
    said = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        name, eq, value = arg.partition("=")
        if name in names:
            value = value if eq else (args[i + 1] if i + 1 < len(args) else "")
        else:  # a short option's value written on (-lja)
            value = next((arg[2:] for n in names if len(n) == 2 and arg.startswith(n) and len(arg) > 2), "")
        said = value if value in ("en", "ja") else said
    return said


#: Text options that may name a folder (``--model PATH``): kept as given, to open it.
PATH_LIKE = {"model"}


def _repair_typed(command: click.Command, ctx: click.Context) -> None:
    """The text arguments and options typed with bytes that are not UTF-8 (a name from a
    Shift_JIS system, half a Japanese character) repaired (:func:`~furikaeri.cli.streams.repaired`),
    so that they can be stored and shown. Paths (``click.Path``) are left as given: they open
    the file."""
    from furikaeri.cli.streams import repaired_deep

    for param in command.get_params(ctx):
        if (param.name in ctx.params and param.name not in PATH_LIKE
                and isinstance(param.type, click.types.StringParamType)):
            ctx.params[param.name] = repaired_deep(ctx.params[param.name])


class Command(_OwnParsing, LocalizedHelp, click.Command):
    """A command whose ``--help`` speaks the system's language."""


class Group(_OwnParsing, LocalizedHelp, click.Group):
    """A group that turns errors into one line and an exit code, never a traceback; its
    commands and subgroups are furikaeri's own classes (help in the system's language)."""

    command_class = Command
    group_class = type

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The program's own help ends with its exit codes (:data:`EXIT_CODES`), in its language."""
        if ctx.parent is not None:
            return super().format_epilog(ctx, formatter)
        ja = isinstance(formatter, JapaneseFormatter)
        with formatter.section("終了コード" if ja else "Exit codes"):
            formatter.write_dl([(code, said_ja if ja else said) for code, said, said_ja in EXIT_CODES])

    def main(self, *args, **kwargs):
        """Every invocation: the standard streams made safe first (closed ones, undecodable
        bytes: :func:`~furikaeri.cli.streams.guard_streams`). Standard output closed (``>&-``):
        the command runs to its end, so what it saves is saved, and then, if it had anything to
        print, says so and exits with 2, as for any error a person can fix (a write to a closed
        stdout is an error for Unix tools; Python's own 120 would say nothing)."""
        import furikaeri.errors
        from furikaeri.cli.streams import guard_streams, output_lost

        guard_streams()
        _unknown_size_unset()
        furikaeri.errors.warning_language = ui_language  # warnings speak as errors do (--lang ja too)
        try:
            return super().main(*args, **kwargs)
        except SystemExit as e:
            if e.code in (0, None) and output_lost():
                fail("standard output is closed: what this command printed is lost (what it saved is saved)",
                     ja="標準出力が閉じられているため、表示する内容が失われました（保存した内容は保存されています）")
                raise SystemExit(2) from None
            raise

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as e:  # the group's own options (--home a-file)
            _usage_line(e, click.Context(self, info_name=info_name))
        except KeyboardInterrupt:  # Ctrl-C while the command line is read: as later, not click's "Aborted!"
            _interrupted()

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe is met here, not at exit
            return result
        except BrokenPipeError:
            pipe_closed()
        except FurikaeriError as e:
            fail(str(e), ja=e.ja)
            sys.exit(e.exit_code)
        except click.exceptions.Abort:
            if sys.stdin is not None and not sys.stdin.isatty():
                # a prompt met the end of its input (a script, `< /dev/null`), not a person;
                # the prompt (on stderr) is left without its line's end
                click.echo(err=True)
                where = " ".join(filter(None, (ctx.command_path, ctx.invoked_subcommand)))  # its options (QA s42 A #6)
                # a prompt, not an interview question: 「質問に答えられません」 read as the latter (QA s44 G #5)
                fail(f"the input ended before a prompt was answered: give the answers as options (see `{where} --help`)",
                     ja=f"入力欄に何も入力されないまま入力が終わりました。内容はオプションで指定してください"
                        f"（`{where} --help` を参照）")
                sys.exit(2)
            _interrupted()
        except click.exceptions.NoArgsIsHelpError:
            raise  # the help text, as asked for
        except click.UsageError as e:
            _usage_line(e, ctx)
        except click.ClickException as e:
            fail(e.format_message())
            sys.exit(e.exit_code)
        except click.exceptions.Exit:
            raise
        except KeyboardInterrupt:
            _interrupted()
        except OSError as e:
            _debug_traceback()
            try:
                fail(_os_error_line(e), ja=_os_error_line(e, "ja"))
            except OSError:  # the terminal itself is gone (closed under us: EIO on every write)
                _terminal_gone(e)
            sys.exit(2)
        except Exception as e:  # pragma: no cover - the last guard
            if raised_by_ctrl_c(e):  # a library's own error raised as Ctrl-C broke into it: interrupted, no bug
                _interrupted()
            _debug_traceback()
            hint = "" if os.environ.get("FURIKAERI_DEBUG") else " (set FURIKAERI_DEBUG=1 for details)"
            fail(f"unexpected {type(e).__name__}: {e}{hint}")
            sys.exit(INTERNAL_ERROR)


def _terminal_gone(e: OSError) -> None:
    """End at once, with nothing said, where nothing can be: the terminal closed (its window
    shut, an SSH link lost) and every write fails. As SIGHUP ends a take, 143; a take being
    analysed or saved keeps its marker for ``recover`` (:func:`furikaeri.capture.release_take`
    was not reached), and Python's own exit, flushing into the dead terminal, would only fail
    again (QA s45 S #1: "lost sys.stderr", exit 1)."""
    import errno

    os._exit(TERMINATED_EXIT if e.errno == errno.EIO else 2)


def _debug_traceback() -> None:
    """With ``FURIKAERI_DEBUG`` set, the traceback of the error being handled, on stderr before
    its one line: debugging shows where, and the exit code a script sees stays the same (70 for
    a bug, 2 for a file's error; a traceback left to Python would exit 1)."""
    if os.environ.get("FURIKAERI_DEBUG"):
        import traceback

        traceback.print_exc()


def _unknown_size_unset() -> None:
    """``COLUMNS=0`` (or any size that is no positive number: some shells and CI runners set it
    for "unknown") is dropped, so the terminal's size, else 80 columns, is used: rich took 0 as
    the width and printed every report empty."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name)
        if value is not None and not (value.strip().isdigit() and int(value) > 0):
            del os.environ[name]


def _interrupted() -> None:
    """Ctrl-C: one line and exit code 130. While another thread still runs (Whisper hearing a
    take in the background, in native code), Python's shutdown would abort the process
    ("terminate called without an active exception") in place of that line: then leave at
    once; whatever was saved is committed (SQLite's journal undoes a half-done write)."""
    import threading

    try:
        click.echo("furikaeri: 中断しました" if ui_language() == "ja" else "furikaeri: interrupted", err=True)
    except OSError as e:  # the terminal closed under us (its SIGHUP's code), or stderr: nothing to say it on
        import errno

        os._exit(TERMINATED_EXIT if e.errno == errno.EIO else 130)  # not Python's 1 for the error unhandled
    if threading.active_count() > 1:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    sys.exit(130)


def _os_error_line(e: OSError, lang: str = "en") -> str:
    import errno

    from furikaeri.cli.streams import output_full

    ja = lang == "ja"
    if e.errno == errno.ENOSPC:
        out = output_full()
        if ja:
            where = f"{e.filename} の" if e.filename else "標準出力の" if out else "ファイルの"
            return f"{where}書き込み中にディスクがいっぱいになりました。空きを作ってからやり直してください"
        where = e.filename or ("standard output" if out else "a file")
        return f"disk full while writing {where}: free some space and try again"
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"アクセスが許可されていません: {e.filename}" if ja else f"permission denied: {e.filename}"
    if e.errno == errno.ENOENT and e.filename:
        folder = os.path.dirname(os.path.abspath(str(e.filename)))
        if not os.path.isdir(folder):  # a file to write into a folder that is not there (QA s38 E #11)
            return (f"{e.filename} のフォルダ {folder} がありません" if ja
                    else f"{e.filename}: there is no folder {folder}")
        if ja:
            return f"{e.filename} がありません（途中のフォルダも含めて確かめてください）"
        return f"{e.filename}: no such file or folder (check each folder on the way)"
    if e.errno in (errno.ENOTDIR, errno.EEXIST) and e.filename:  # a file where a folder is needed
        if ja:
            return f"{e.filename} はフォルダではありません（同じ名前のファイルがあります）"
        return f"{e.filename} is not a folder (a file of that name is in the way)"
    reason = os_reason(e, lang) if e.strerror or ja else str(e)
    if e.filename:
        return f"{reason}（{e.filename}）" if ja else f"{reason} ({e.filename})"
    return reason


@click.group(cls=Group, context_settings=CONTEXT_SETTINGS, invoke_without_command=True)
@click.version_option(__version__, "-V", "--version", prog_name="furikaeri", message="%(prog)s %(version)s")
@click.option(
    "--home",
    type=click.Path(file_okay=False),
    default=None,
    help="Where your archive lives [default: $FURIKAERI_HOME, else your user data folder].",
)
@click.pass_context
def cli(ctx: click.Context, home: str | None) -> None:
    """furikaeri (振り返り): an offline mock-interview coach.

    Answer a question out loud, get a delivery report (speaking rate, fillers, pauses,
    length against the question's time budget), write what to fix, and see your progress.
    Everything runs on this computer: local Whisper, a local SQLite archive.

    \b
    Examples:
      furikaeri analyze answer.wav                 # report on a recorded answer
      furikaeri analyze answer.m4a --language ja --budget 60
      furikaeri record --question "Tell me about yourself"
      furikaeri practice --set ja-basic            # a practice session
      furikaeri progress                           # how you are improving
    """
    if home is not None and not home.strip():  # `--home "$ARCHIVE"` with the variable unset
        from furikaeri.errors import UsageError

        raise UsageError("--home is empty: name the archive folder (or leave --home out for the usual one)",
                         ja="--home が空です。記録のフォルダを指定してください（いつものフォルダなら --home を付けません）")
    ctx.ensure_object(dict)
    ctx.obj["home"] = home
    if ctx.invoked_subcommand is None:  # `furikaeri` alone: its help, and no error (QA s42 A #7)
        click.echo(ctx.get_help())
        ctx.exit(0)
