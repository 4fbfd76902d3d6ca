"""The command line's edges: typed text and the standard streams.

Text that comes in (arguments, options, lines typed at a prompt) may hold bytes that are not
UTF-8: a Backspace that deleted one byte of a Japanese character, a Shift_JIS terminal, a file
name from another system. Python keeps such bytes as lone surrogates (``surrogateescape``),
which SQLite, JSON and a strict stream all refuse; :func:`repaired` makes them U+FFFD where the
text enters, so what was typed is always kept. A file *path* is left as it is (it must still
open the file); it is repaired only where it is shown or stored (:func:`repaired_deep`, and the
output streams' error handler, :data:`REPAIR`).

:func:`guard_streams` runs first in every invocation: a closed standard stream (``>&-``,
``2>&-``, ``<&-``) becomes ``/dev/null`` at the file-descriptor level (else the next file opened,
the archive itself, would take its number and receive what is printed), and output that could
not be written is reported at the end (:func:`output_lost`).
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import re
import sys

#: The error handler of furikaeri's output streams: undecodable bytes kept as surrogates are
#: written as U+FFFD (so stdout, and ``--json`` with it, is always valid UTF-8), and a character
#: the stream's encoding cannot hold as ``?``, never an exception in the middle of a report.
REPAIR = "furikaeri-repair"

#: Surrogates that do not stand for an undecodable byte (``surrogateescape`` uses U+DC80-U+DCFF).
_NOT_ESCAPES = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def repaired(text: str) -> str:
    """``text`` with the bytes it kept undecoded (surrogates) made U+FFFD: bytes that are valid
    UTF-8 together are decoded as such, the rest replaced. Text with none is returned as it is."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    text = _NOT_ESCAPES.sub("\ufffd", text)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def repaired_deep(value):
    """``value`` (a JSON-like document: dicts, lists, tuples, strings) with every string
    :func:`repaired`."""
    if isinstance(value, str):
        return repaired(value)
    if isinstance(value, dict):
        return {repaired_deep(k): repaired_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(repaired_deep(v) for v in value)
    return value


def _on_unencodable(e: UnicodeError):
    if not isinstance(e, UnicodeEncodeError):
        raise e
    fixed = repaired(e.object[e.start:e.end])
    try:  # as bytes: CPython's UTF-8 encoder takes only ASCII text back from a handler
        out = fixed.encode(e.encoding)
    except (UnicodeEncodeError, LookupError):
        out = b"?" * len(fixed)
    return out, e.end


try:
    codecs.lookup_error(REPAIR)
except LookupError:
    codecs.register_error(REPAIR, _on_unencodable)


class _Lost(io.RawIOBase):
    """Standard output when it was closed: what is written goes nowhere, and is noted."""

    lost = False

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        if len(b):
            self.lost = True
        return len(b)

    def fileno(self) -> int:
        return 1  # /dev/null, put there by guard_streams


_closed_stdout: _Lost | None = None


def _open_missing_fds() -> set[int]:
    """Put ``/dev/null`` on standard descriptors 0, 1, 2 that are closed; return those."""
    missing = set()
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            missing.add(fd)
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    return missing


def guard_streams() -> None:
    """Make the standard streams safe before a command runs (see the module's doc): closed ones
    opened on ``/dev/null``, typed input decoded with replacement, output written with
    :data:`REPAIR`. Harmless to call again, and with streams that are not files (tests)."""
    global _closed_stdout
    missing = _open_missing_fds()
    if sys.stdin is None or 0 in missing:
        sys.stdin = open(0, "r", encoding="utf-8", errors="replace", closefd=False)
    if sys.stdout is None or 1 in missing:
        _closed_stdout = _Lost()
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_closed_stdout), encoding="utf-8", errors=REPAIR,
                                      line_buffering=True)
    if sys.stderr is None or 2 in missing:
        sys.stderr = open(2, "w", encoding="utf-8", errors=REPAIR, closefd=False, buffering=1)
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, REPAIR), (sys.stderr, REPAIR)):
        try:
            stream.reconfigure(errors=errors)
        except (AttributeError, ValueError, io.UnsupportedOperation):
            pass
    _utf8_when_piped(sys.stdout)


def _utf8_when_piped(stream) -> None:
    """Standard output that is a file or a pipe written in UTF-8 whatever the locale: what goes
    there is read by a program or kept (``--json``, ``export > backup.json``, a CSV), and in a
    Latin-1 or EUC-JP locale every Japanese transcript and note went out as "?" or not as UTF-8
    (QA s47 EE #3). A terminal keeps the locale's encoding, which it shows."""
    import codecs

    try:
        if stream.isatty() or codecs.lookup(stream.encoding or "utf-8").name == "utf-8":
            return
        stream.reconfigure(encoding="utf-8", errors=stream.errors)  # a new encoding alone resets it to strict
    except (AttributeError, ValueError, LookupError, OSError, io.UnsupportedOperation):
        pass


def discard_typeahead() -> bool:
    """Throw away the keys typed before the program asks for them (QA s36 A #5): an Enter
    pressed just as a take stopped at its time limit, or keys pressed while it was analysed,
    would be read by the next prompt (a reflection's first part, shifting every later part one
    field late) or end the next take at once. Only where standard input is a terminal: lines a
    script pipes in were meant for the prompts, in order, and are all kept. Returns whether
    anything typed was thrown away (the caller may say so: QA s46 X #7, a note typed while the
    answer was analysed showed on the screen, then the prompt came up empty). Lines kept from a
    take before (:func:`keep_typed`) go too: a new take is starting."""
    _typed_in_take.clear()
    return bool(_terminal_lines())


#: Lines typed while the last take was recorded (its live panel reads the keys, Enter ending
#: the take), for the prompts after it (:func:`typeahead_lines`).
_typed_in_take: list[str] = []


def keep_typed(typed: bytes) -> None:
    """Keep the keys typed during a take (:func:`typed_lines`) for the prompts after it (QA s49
    II #1: 「具体例が薄い」 typed while answering, Enter ending the take, then an empty prompt)."""
    _typed_in_take[:] = typed_lines(typed)


def hold_typed() -> None:
    """Take the lines typed ahead off the terminal now and keep them with the take's for
    :func:`typeahead_lines` (QA s49 II #2: Ctrl-C held while the answer was analysed; the lines
    typed meanwhile would otherwise go to the shell once the program ends)."""
    _typed_in_take.extend(_terminal_lines())


@contextlib.contextmanager
def typed_kept_on_ctrl_c():
    """While inside, Ctrl-C on the terminal does not throw away the lines typed ahead (the
    terminal's NOFLSH mode): a note typed while the answer is analysed, confirmed with Enter,
    then Ctrl-C (QA s49 II #2: 「短すぎた」 gone without a word). Nothing where standard input
    is no terminal."""
    fd = saved = None
    try:
        import termios

        if sys.stdin is not None and sys.stdin.isatty():
            fd = sys.stdin.fileno()
            saved = termios.tcgetattr(fd)
            changed = list(saved)
            changed[3] |= termios.NOFLSH
            termios.tcsetattr(fd, termios.TCSANOW, changed)
    except Exception:  # no termios (Windows), no terminal after all (termios.error), a closed stdin
        saved = None
    try:
        yield
    finally:
        if saved is not None:
            try:
                now = termios.tcgetattr(fd)
                now[3] = (now[3] & ~termios.NOFLSH) | (saved[3] & termios.NOFLSH)
                termios.tcsetattr(fd, termios.TCSANOW, now)
            except (OSError, termios.error):  # the terminal closed meanwhile
                pass


def typeahead_lines() -> list[str]:
    """The lines typed during the last take (:func:`keep_typed`) and those typed since, taken off
    the terminal (:func:`discard_typeahead`'s keys), in order, for a caller that offers them
    back (QA s47 BB #6: a note typed while the answer was analysed)."""
    lines = [*_typed_in_take, *_terminal_lines()]
    _typed_in_take.clear()
    return lines


def _terminal_lines() -> list[str]:
    """The keys typed ahead on the terminal, taken off it, as the lines typed (the last one
    perhaps without its Enter; blank lines and control keys left out)."""
    try:
        if sys.stdin is None or not sys.stdin.isatty():
            return []
        fd = sys.stdin.fileno()
    except (AttributeError, ValueError, OSError, io.UnsupportedOperation):
        return []
    try:
        import termios
    except ImportError:  # pragma: no cover - Windows console
        try:
            import msvcrt
        except ImportError:
            return []
        chars = []
        while msvcrt.kbhit():
            chars.append(msvcrt.getwch())
        return typed_lines("".join(chars).encode("utf-8", "replace"))
    typed = b""
    try:
        import select

        while len(typed) < 65536 and select.select([fd], [], [], 0)[0]:  # whole lines (a bare Enter is nothing)
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            typed += chunk
        termios.tcflush(fd, termios.TCIFLUSH)
    except (OSError, ValueError, termios.error):
        pass
    return typed_lines(typed)


def typed_lines(typed: bytes) -> list[str]:
    """Keys as typed on a terminal, as the lines they make: undecodable bytes as U+FFFD, a
    terminal's escape sequences (arrow keys) and other control keys dropped, blank lines left out."""
    words = typed.decode("utf-8", "replace").replace("\r", "\n")
    words = re.sub(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|O.|.)?", "", words)
    lines = []
    for line in words.split("\n"):
        kept: list[str] = []
        for ch in line:
            if ch in "\x7f\b":  # a raw terminal's Backspace: the key before it goes
                kept[-1:] = []
            elif ch >= " ":
                kept.append(ch)
        lines.append("".join(kept).strip())
    return [line for line in lines if line]


def output_lost() -> bool:
    """Whether the command printed something while standard output was closed."""
    if _closed_stdout is None:
        return False
    try:
        sys.stdout.flush()
    except (AttributeError, ValueError, OSError):
        pass
    return _closed_stdout.lost


def output_full() -> bool:
    """Is standard output a file on a disk with no room left (``> file`` on a full disk, or
    ``/dev/full``)? A write that failed for want of space and names no file was its write."""
    import stat

    try:
        st = os.fstat(1)
        if stat.S_ISCHR(st.st_mode):
            return os.path.samestat(st, os.stat("/dev/full"))
        return stat.S_ISREG(st.st_mode) and os.fstatvfs(1).f_bavail == 0
    except OSError:
        return False
