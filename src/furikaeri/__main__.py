"""``python -m furikaeri`` and the ``furikaeri`` command (``[project.scripts]``): :func:`main`.

The command line is imported here, inside :func:`main`, so that a Ctrl-C pressed while it loads
(the first tenth of a second) ends it with one line and exit code 130, as it does later, not
with a traceback. SIGTERM or SIGHUP while ``record`` or ``practice`` loads, before a take is
recorded, is one line and exit code 143 too (:func:`_until_recording`).
"""

import os
import sys

INTERRUPTED = 130
#: furikaeri.errors.TERMINATED_EXIT, written out (nothing of ours is loaded yet)
TERMINATED = 143
#: The commands that record from the microphone (:func:`_until_recording`).
RECORDING = ("record", "practice")


def main() -> None:
    try:
        _until_recording()
        from furikaeri.cli import main as run
    except BaseException as e:  # Ctrl-C while the command line loads (in a class being made, Python
        if not _interrupt_in(e):  # wraps it in a RuntimeError)
            raise
        _say(_interrupted_line())
        _leave(INTERRUPTED)
    try:
        run()
    except KeyboardInterrupt:
        _say(_interrupted_line())
        _leave(INTERRUPTED)
    except SystemExit as e:
        if e.code == INTERRUPTED:  # Ctrl-C, said by the command
            _leave(INTERRUPTED)
        if isinstance(e.code, int) and _threads_running():  # SIGTERM/SIGHUP mid-take while Whisper
            _leave(e.code)  # still loads in the listener's thread: the shutdown would abort (-6)
        raise


def _threads_running() -> bool:
    """Whether a thread other than this one still runs (Whisper's, in native code, which
    Python's shutdown aborts on: "terminate called without an active exception")."""
    import threading

    return threading.active_count() > 1


def _interrupted_line(argv: list[str] | None = None) -> str:
    """"interrupted" in the language the command was to speak, before the command line has read
    it (QA s39 Y #6: Ctrl-C half a second into `record --language ja` said it in English, a
    second in, in Japanese): the language typed (``--language``/``-l``/``--lang``), else the
    locale's (:func:`furikaeri.errors.locale_language`)."""
    return "furikaeri: 中断しました\n" if _typed_language(argv) == "ja" else "furikaeri: interrupted\n"


def _typed_language(argv: list[str] | None = None) -> str:
    """The language the command was to speak, as :func:`_interrupted_line` reads it."""
    args = sys.argv[1:] if argv is None else argv
    typed = None
    for i, a in enumerate(args):
        if a in ("-l", "--language", "--lang") and i + 1 < len(args):
            typed = args[i + 1]
        elif a.startswith(("--language=", "--lang=")):
            typed = a.split("=", 1)[1]
    if typed not in ("en", "ja"):
        try:
            from furikaeri.errors import locale_language

            typed = locale_language()
        except BaseException:  # another Ctrl-C, or a broken install: the line in English
            typed = "en"
    return typed


def _command(args: list[str]) -> str | None:
    """The command ``args`` name: the first word that is no option of the program's own
    (``--home DIR`` takes the word after it)."""
    skip = False
    for a in args:
        if skip or a.startswith("-"):
            skip = a == "--home" and not skip
            continue
        return a
    return None


def _until_recording(argv: list[str] | None = None) -> None:
    """``record``, and ``practice`` from the microphone: SIGTERM or SIGHUP while they load (Python,
    the archive, a take left to repair, the microphone: seconds on a busy machine), before a
    take is recorded, says one line, that nothing was recorded, and exits with 143 (QA s50 OO #3:
    they ended saying nothing, SIGHUP with 129, which ``--help`` does not list). Recording takes
    the signals over (:func:`furikaeri.cli.live._sigterm_sets`) and gives them back to their
    default, not to this (the handler is marked ``until_recording``): after the first take
    nothing is "before recording". Installed here only, in the program's own process: a test
    that runs the command line in its own process (click's CliRunner) must never meet its
    ``os._exit``."""
    import signal

    args = sys.argv[1:] if argv is None else argv
    if _command(args) not in RECORDING or "--from-files" in args:
        return
    from furikaeri.lang import text

    line = f"furikaeri: {text(_typed_language(args), 'stopped_before_recording')}\n"  # read now: said from a handler

    def stop(_signum, _frame) -> None:
        _say(line)
        _leave(TERMINATED)

    stop.until_recording = True
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)


def _interrupt_in(e: BaseException | None) -> bool:
    # furikaeri.errors.raised_by_ctrl_c, written out: this runs while modules are half-loaded by
    # the very Ctrl-C it looks for, where an import of ours may fail as they did
    seen = set()
    while e is not None and id(e) not in seen:
        if isinstance(e, KeyboardInterrupt):
            return True
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return False


def _say(line: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(line)
    except (OSError, ValueError):
        pass


def _leave(code: int) -> None:
    """Exit with ``code`` at once, past the interpreter's shutdown: a KeyboardInterrupt that met
    code run by ``exec``/``eval`` (a dataclass or named tuple being made while modules load)
    marks itself unhandled inside CPython even once caught, and the shutdown would then kill the
    process with SIGINT in place of the exit code. Everything saved is committed by then."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if __name__ == "__main__":
    main()
