"""The screen while recording: the question, elapsed time against the budget, a level meter.

:func:`record_interactive` is what ``furikaeri record`` and the practice loop call. In a terminal
(stdin and stderr are TTYs) it draws a small live panel on stderr, so stdout stays clean for the
report or ``--json``, and Enter (or Ctrl-C) ends the take; on a terminal that cannot redraw it
(TERM=dumb: :func:`redraws`) the panel's lines are said once, plainly, as the take starts, and
its last state once it ends. Without a terminal (a script, CI) it draws nothing, prints one
line when it starts and one when it stops, and records until
``max_seconds`` or ``stop_after_silence``; without ``max_seconds``, it stops after
:data:`NO_TERMINAL_CAP_S` too (a silence stop waits for speech, which a muted microphone never
brings), and says so. SIGTERM ends the take cleanly in both modes: the take is kept, not analysed, and left
for ``recover`` with the command that saves it; the program exits with 143 (:func:`_terminated`).

The drawing happens in ``on_progress`` (the recording thread, about ten times a second, at most
:data:`REDRAW_PER_S` redraws), never in the audio callback, so it cannot starve the capture.

Everything a person reads here (the panel, the notices before and after the take) comes from the
session language's text table (:func:`furikaeri.lang.text`, keys ``rec_*`` and ``stop_*``);
errors stay one English line (``furikaeri: error: ...``), like every other command's.
"""

from __future__ import annotations

import math
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager, suppress
from pathlib import Path

import click

from furikaeri.capture import FLOOR_WINDOW_S, MIN_DBFS, PROGRESS_EVERY_S, Device, LevelTracker, Take, c_stderr_muted, \
    mark_ended, record_take, release_take
from furikaeri.cli.common import say_wrapped
from furikaeri.cli.streams import discard_typeahead, hold_typed, keep_typed, typed_kept_on_ctrl_c
from furikaeri.errors import TERMINATED_EXIT, AudioError, DeviceError
from furikaeri.lang import text
from furikaeri.norms import LATENCY_FREEZE_S, wrap_up_at

#: With no terminal and no other stop condition, a take stops after this many seconds.
NO_TERMINAL_CAP_S = 600.0
#: Redraws of the live panel per second.
REDRAW_PER_S = 8.0
#: The meter's scale, dBFS: its left end and where it turns yellow / red.
METER_FLOOR_DBFS = -60.0
#: Without a listener's speech decision (``--no-stream``: :attr:`LivePanel.spoken`), the answer
#: has begun (for the budget on the screen) when the level rises this far over the
#: room's floor, and at least to this level: a voice close to a microphone is 20 to 40 dB over a
#: quiet room. On a quiet microphone's clean line the recorder's rule for one decides
#: (:meth:`furikaeri.capture.LevelTracker.quiet_voiced`), held :data:`QUIET_RUN` updates in a row,
#: as the recorder hears speech, its silence stop and its no-speech notice (a clip played 40 dB
#: down, at -70 to -57 dBFS, never started the clock).
SPEECH_RISE_DB, SPEECH_MIN_DBFS = 15.0, -50.0
#: The floor is the low :data:`FLOOR_PERCENTILE` of the levels shown in the last
#: :data:`furikaeri.capture.FLOOR_WINDOW_S` (the recorder's), not the quietest moment: a
#: moment of digital silence (a take's first block) is no room's floor.
FLOOR_PERCENTILE = 10.0
QUIET_RUN = 2
METER_HOT_DBFS = -9.0
METER_CLIP_DBFS = -1.0
METER_WIDTH = 30
#: The narrowest meter: in a terminal too narrow for a bar beside the clock only the level's figure
#: is left (the line breaks only below about 33 columns).
METER_MIN_WIDTH = 0


def is_interactive() -> bool:
    """True when a person is at a terminal: stdin and stderr (where the panel is drawn) are TTYs."""
    try:
        return sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def clock(seconds: float, *, up: bool = False) -> str:
    """``m:ss`` for a number of seconds: whole seconds gone (rounded down), or, ``up``, whole
    seconds left (rounded up, as a countdown does), so a clock and its countdown add up to the
    budget ("0:16 / 0:20", "0:04 left", never "0:03")."""
    s = max(0, math.ceil(seconds - 1e-9) if up else int(seconds))
    return f"{s // 60}:{s % 60:02d}"


def said_length(seconds: float, language: str, *, up: bool = False) -> str:
    """A length in a cue's sentence: as the clock writes it in English ("1:00", "0:06"), in
    seconds and minutes in Japanese (「1分」「10秒」「1分30秒」: QA s47 BB #8, the report's own
    units, where 「1:00を0:10超えています」 read as a clock); rounded as :func:`clock` rounds."""
    if language != "ja":
        return clock(seconds, up=up)
    s = max(0, math.ceil(seconds - 1e-9) if up else int(seconds))
    minutes, rest = divmod(s, 60)
    return (f"{minutes}分" if minutes else "") + (f"{rest}秒" if rest or not minutes else "")


def meter(level_dbfs: float, width: int = METER_WIDTH) -> tuple[str, str]:
    """The bar for ``level_dbfs`` and its style (green, yellow when hot, red when clipping)."""
    span = -METER_FLOOR_DBFS
    filled = 0 if level_dbfs <= METER_FLOOR_DBFS else round(width * min(1.0, (level_dbfs - METER_FLOOR_DBFS) / span))
    bar = "█" * filled + "·" * (width - filled)
    style = "red" if level_dbfs >= METER_CLIP_DBFS else "yellow" if level_dbfs >= METER_HOT_DBFS else "green"
    return bar, style


#: After this long (s) of quiet inside an answer, the panel says its clock waits meanwhile; and
#: after this long before the first word, that the time to it is being measured.
CLOCK_WAITS_SAID_S = 3.0


class LivePanel:
    """The live panel, a rich renderable rebuilt from (elapsed, level) on each update, in
    ``language`` (``en``, ``ja``; see :func:`furikaeri.lang.text`). Long lines wrap, never cut."""

    def __init__(self, console, *, question: str | None, budget: float | None, device_name: str | None = None,
                 language: str = "en", hints=None, hint_key: str = "rec_hint", spoken=None):
        from rich.live import Live

        self.hint_key = hint_key  # how to finish: one take, or an answer of a practice session
        self.console = console
        self.question = question
        self.budget = budget
        self.device_name = device_name
        self.language = language
        #: ``hints()`` -> fillers so far (``--live-hints``), or None for a quiet screen.
        self.hints = hints
        #: ``spoken()`` -> (first speech, latest speech end) in take seconds, or None before any:
        #: the listener's speech decision (:meth:`furikaeri.stream.Listener.spoken`), the one
        #: the report times the answer by; without one, the levels' rule below decides
        self.spoken = spoken
        self.elapsed = 0.0
        self.level = MIN_DBFS
        #: when the answer began: the first moment the level rose :data:`SPEECH_RISE_DB` over the
        #: floor (and over :data:`SPEECH_MIN_DBFS`), or a quiet microphone's speech began; the
        #: budget runs from there, as the report times the answer from its first word
        self.started: float | None = None
        #: when speech was last heard (judged against the room's floor as the answer began:
        #: :attr:`_room`); the answer's time runs to there, as the report times it to its last
        #: word, so a silence after it adds nothing (QA: "over by 0:05" kept growing in silence
        #: above a report saying over by 2 s). None for a panel given its times directly.
        self.heard: float | None = None
        self._room: float | None = None
        self._recent: deque = deque(maxlen=max(1, round(FLOOR_WINDOW_S / PROGRESS_EVERY_S)))
        self._quiet_run: list[float] = []  # when each update of a quiet microphone's run came
        self.done = False
        self._next_draw = 0.0
        #: drawn live, or said once as the take starts and once as it ends (:func:`redraws`)
        self.redraws = redraws(console)
        self.live = Live(self.render(), console=console, auto_refresh=False, transient=False,
                         redirect_stdout=False, redirect_stderr=False) if self.redraws else None

    def render(self):
        from rich.text import Text

        def t(key: str, **fields) -> str:
            return text(self.language, key, **fields)

        grid, row = self._grid()
        if self.question:
            row(Text.assemble((t("rec_question") + "  ", "bold"), self.question))
        answer = self.answer_s
        over_s = self._over_s(answer)
        over = over_s is not None
        grid.add_row(self._clock_line(answer, over))
        if over:
            # once the take is over, no "wrap up" to a person who has stopped (QA s47 BB #8)
            row(Text(t("rec_over_done" if self.done else "rec_over", budget=said_length(self.budget, self.language),
                       over=said_length(over_s, self.language)), style="bold red"))
        elif self.hints is not None and not self.done and self.budget is not None \
                and wrap_up_at(self.budget) <= answer < self.budget:  # no "0:00 left" (QA s47 GG #3)
            row(Text(t("rec_wrap_up", left=said_length(self.budget - answer, self.language, up=True)),
                     style="bold yellow"))
        if self.hints is not None and not self.done:
            row(Text(t("rec_fillers_so_far", count=self.hints()), style="cyan"))
        quiet_s = self.elapsed - (self.started + answer) if self.started is not None else 0.0
        if not self.done and self.started is None and self.elapsed >= CLOCK_WAITS_SAID_S:
            # the time to the first word runs from the take's start, reading the screen included, and
            # nothing said so until the report called it a freeze (QA s47 BB #4)
            row(Text(t("rec_before_first_word", waited=said_length(self.elapsed, self.language),
                       freeze=said_length(LATENCY_FREEZE_S, self.language)),
                     style="bold yellow" if self.elapsed >= LATENCY_FREEZE_S else "dim"))
        if not self.done and self.budget is not None and quiet_s >= CLOCK_WAITS_SAID_S:
            # the clock is the answer's: it waits while the person is quiet, which looked hung (QA s46 V #3)
            row(Text(t("rec_clock_waits", quiet=said_length(quiet_s, self.language)), style="dim"))
        if not self.done:
            row(Text(t(self.hint_key), style="dim"))
            if self.device_name:
                # A row of its own: a device name can be long, and the hint must stay whole.
                row(Text(t("rec_mic", name=self.device_name), style="dim"))
        return grid

    def _grid(self):
        """An empty panel (a grid of one column) and ``row(text)``, which adds a line to it
        wrapped to the terminal."""
        from rich.table import Table

        from furikaeri.report.wrap import fit_line

        grid = Table.grid(padding=(0, 1))
        grid.add_column(overflow="fold")  # a word wider than the terminal (a Japanese sentence) wraps too

        def row(said) -> None:
            # Japanese lines break where a phrase ends, not inside a word (要/点), as the report's do
            grid.add_row(fit_line(said, self.console.width))

        return grid, row

    def _clock_line(self, answer: float, over: bool, *, level: bool = True):
        """The line of the clock: recording or done, the answer's time against the budget (the
        take's without one), and, with ``level``, the meter and the level in dBFS."""
        from rich.text import Text

        def t(key: str) -> str:
            return text(self.language, key)

        line = Text()
        # nothing said in a take that is over: recorded, not "answered 0:00" (QA s44 M #3)
        unsaid = self.done and self.started is None
        if self.done:  # the clock against a budget is the answer's, from its first word: not the take's length (QA s42 F #3)
            line.append(t("rec_done" if self.budget is None or unsaid else "rec_done_answer") + " ", style="bold")
        else:
            line.append(t("rec_recording") + " ", style="bold red")
        if self.budget is not None and not unsaid:
            # once over and done, the clock agrees with the overrun said under it
            line.append(f"{clock(self._done_s(answer) if self.done and over else answer)} / {clock(self.budget)}",
                        style="bold red" if over else "bold")
        else:
            line.append(clock(self.elapsed), style="bold")
        if not level:
            return line
        line.append("  ")
        # "silent" only before any speech: a microphone set low is heard under the meter's floor
        silent = self.level <= METER_FLOOR_DBFS and (self.started is None or self.done)
        shown = "  " + t("rec_silent") if silent else f"{self.level:6.0f} dBFS"
        bar, style = meter(self.level, self._meter_width(line.cell_len))
        line.append(bar, style=style)
        line.append(shown, style="dim")
        return line

    def said_at_start(self):
        """What a terminal that cannot redraw (:func:`redraws`) shows as the take starts, once:
        the question, that recording has begun (with the budget), how to finish, the microphone,
        and that live hints asked for are not shown (QA s47 EE #8: TERM=dumb showed nothing till
        Enter)."""
        from rich.text import Text

        def t(key: str, **fields) -> str:
            return text(self.language, key, **fields)

        grid, row = self._grid()
        if self.question:
            row(Text.assemble((t("rec_question") + "  ", "bold"), self.question))
        row(Text(t("rec_started") if self.budget is None else
                 t("rec_started_budget", budget=said_length(self.budget, self.language)), style="bold"))
        row(Text(t(self.hint_key)))
        if self.device_name:
            row(Text(t("rec_mic", name=self.device_name)))
        if self.hints is not None:
            row(Text(t("rec_no_live_hints_redraw")))
        return grid

    def said_at_end(self):
        """What a terminal that cannot redraw shows once the take is over: the answer's time
        against the budget and how far over it, as the panel's last state says them."""
        from rich.text import Text

        grid, row = self._grid()
        answer = self.answer_s
        over_s = self._over_s(answer)
        grid.add_row(self._clock_line(answer, over_s is not None, level=False))
        if over_s is not None:
            row(Text(text(self.language, "rec_over_done", budget=said_length(self.budget, self.language),
                          over=said_length(over_s, self.language)), style="bold red"))
        return grid

    @staticmethod
    def _done_s(answer: float) -> float:
        """A finished answer's length on the clock: the report's, to whole seconds, halves up
        (40.6 s: 0:41), so that the clock less the budget is the overrun said under it (QA s47 GG
        #2: "0:40 / 0:30" over "by 0:11")."""
        from furikaeri.measure import ANSWER_DIGITS, as_shown, half_up

        return half_up(as_shown(answer, ANSWER_DIGITS), 0)

    def _over_s(self, answer: float) -> float | None:
        """Seconds past the budget as the panel says them, None within it (as the clock shows it:
        never "by 0:00"). While recording, the clock's own difference (whole seconds gone, as a
        stopwatch counts); once done, the report's figure (:func:`furikaeri.measure.over_shown`:
        7.8 s of a 5-s budget is 3 s over), so the last the panel says is what the report says a
        moment later (QA s35 B #6: 0:02 over beside 3 s over). The clock stays a stopwatch's
        (0:07), as the report writes the length to tenths (7.8) beside its rounded overrun."""
        if self.budget is None or math.floor(answer) <= self.budget:
            return None
        if not self.done:
            return float(math.floor(answer) - self.budget)
        from furikaeri.measure import ANSWER_DIGITS, as_shown, over_shown

        return max(1.0, over_shown(as_shown(answer, ANSWER_DIGITS) - self.budget))

    def _meter_width(self, before: int) -> int:
        """The meter's width: :data:`METER_WIDTH`, or what the terminal leaves beside the clock
        (``before`` columns) and the level, so the line never breaks (at 40 columns the level's
        "dBFS" fell to a line of its own, and the clock line split). The same whatever the level
        says, so the bar does not jump when "silent" gives way to a figure."""
        from rich.cells import cell_len

        after = max(cell_len("  " + text(self.language, "rec_silent")), len(f"{MIN_DBFS:6.0f} dBFS"))
        return max(METER_MIN_WIDTH, min(METER_WIDTH, self.console.width - before - after - 1))

    @property
    def answer_s(self) -> float:
        """Seconds from the answer's beginning to the last speech heard (0 before it began)."""
        if self.started is None:
            return 0.0
        end = self.elapsed if self.heard is None else self.heard
        return max(end - self.started, 0.0)

    def update(self, elapsed: float, level: float) -> None:
        self.elapsed = elapsed
        self.level = level
        if self.spoken is not None:
            span = self.spoken()
            if span is not None:
                self.started, self.heard = span
        elif self.started is None:
            self.started = self._begins(elapsed, level)
            if self.started is not None:
                self.heard = elapsed
        elif self._speaking(level):
            self.heard = elapsed
        now = time.monotonic()
        if self.redraws and now >= self._next_draw:
            self._next_draw = now + 1.0 / REDRAW_PER_S
            self.live.update(self.render(), refresh=True)

    def _begins(self, elapsed: float, level: float) -> float | None:
        """When the answer began, if it has by this ``level`` (module constants), judged against
        the floor of the levels before it: now, or where a quiet microphone's run began."""
        import numpy as np

        recent = self._recent
        floor = float(np.percentile(recent, FLOOR_PERCENTILE)) if recent else level
        recent.append(level)
        self._room = floor
        if level >= max(floor + SPEECH_RISE_DB, SPEECH_MIN_DBFS):
            return elapsed
        if not LevelTracker.quiet_voiced(level, floor):
            self._quiet_run = []
            return None
        self._quiet_run.append(elapsed)
        return self._quiet_run[0] if len(self._quiet_run) >= QUIET_RUN else None

    def _speaking(self, level: float) -> bool:
        """Is ``level`` speech, once the answer began? Judged as its beginning was, against the
        room's floor then: a floor taken while the person speaks on rises under the voice, and
        a long answer's words would stop counting."""
        room = MIN_DBFS if self._room is None else self._room
        return level >= max(room + SPEECH_RISE_DB, SPEECH_MIN_DBFS) or LevelTracker.quiet_voiced(level, room)

    def __enter__(self):
        if self.redraws:
            self.live.__enter__()
        else:
            self.console.print(self.said_at_start())
        return self

    def __exit__(self, *exc):
        self.done = True
        self.level = MIN_DBFS
        if not self.redraws:
            self.console.print(self.said_at_end())
            return False
        self.live.update(self.render(), refresh=True)
        return self.live.__exit__(*exc)


def redraws(console) -> bool:
    """Can the live panel be redrawn on ``console`` (a rich console)? Not on a terminal that
    calls itself dumb (TERM=dumb or unknown: Emacs' ``M-x shell``, some CI consoles), where rich
    moves no cursor and draws a live display only once it stops, nor where rich is told the
    console is not interactive (TTY_INTERACTIVE=0: each redraw would scroll as a new copy).
    There the panel's lines are said once as plain lines (:meth:`LivePanel.said_at_start`)."""
    return console.is_terminal and console.is_interactive and not console.is_dumb_terminal


class _EnterKey:
    """Watches stdin for Enter without a thread: ``pressed()`` polls. The terminal is put in
    cbreak mode without echo meanwhile (so keys do not scribble over the panel) and restored."""

    def __init__(self):
        self.fd = sys.stdin.fileno()
        self._saved = None
        self._typed = bytearray()  # the keys read meanwhile: a note typed while answering
        self._gone = False  # the terminal hung up

    def __enter__(self):
        try:
            import termios
            import tty
        except ImportError:  # no terminal modes to set (Windows)
            termios = None
        if termios is not None:
            try:
                self._saved = termios.tcgetattr(self.fd)
                tty.setcbreak(self.fd)
                attrs = termios.tcgetattr(self.fd)
                attrs[3] &= ~termios.ECHO
                termios.tcsetattr(self.fd, termios.TCSANOW, attrs)
            except (OSError, ValueError, termios.error):  # not a terminal, or one gone as the take begins
                self._saved = None
        # an Enter typed before the take (during the last one's analysis) does not end it: setcbreak's
        # TCSAFLUSH drops it on POSIX; said here for every terminal (a Windows console too)
        discard_typeahead()
        return self

    def __exit__(self, *exc):
        keep_typed(bytes(self._typed))  # for the reflection's prompts after the take (QA s49 II #1)
        if self._saved is not None:
            import termios

            try:
                termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)
            except (OSError, termios.error):  # the terminal closed (SIGHUP): nothing left to restore (QA s45 S #1)
                pass
        return False

    def pressed(self) -> bool:
        try:
            import select
        except ImportError:  # pragma: no cover
            return False
        if os.name == "nt":  # pragma: no cover - Windows console
            import msvcrt

            hit = False
            while msvcrt.kbhit():
                key = msvcrt.getwch()
                self._typed += key.encode("utf-8", "replace")
                hit = key in ("\r", "\n") or hit
            return hit
        hit = False
        while not self._gone and select.select([self.fd], [], [], 0)[0]:
            try:
                data = os.read(self.fd, 1024)
            except OSError:  # EIO: the terminal hung up
                data = b""
            if not data:  # no end of file in cbreak mode but a terminal gone: as SIGHUP ends the take
                self._gone = True  # (QA s50 OO #6: a wrapper that traps SIGHUP kept it from us, and the
                _hung_up()  # take recorded on, with no one there, till the disk filled)
                return hit
            self._typed += data
            hit = hit or b"\n" in data or b"\r" in data
        return hit


def _hung_up() -> None:
    """The terminal is gone though no SIGHUP came: the program is sent one, so it ends as a
    closed terminal ends it (:data:`ENDING_SIGNALS`: the take kept, its command said, 143)."""
    hangup = getattr(signal, "SIGHUP", None)
    if hangup is not None:
        signal.raise_signal(hangup)


#: The signals that end the program as a shutdown does (:func:`_terminated`): SIGTERM, and
#: SIGHUP, the terminal closed (its window shut, an SSH link lost), which killed the program
#: mid-analysis and left the take for no one to find (QA s35 V1 #1).
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextmanager
def _sigterm_sets(event: threading.Event, terminated: threading.Event | None = None):
    """While inside, SIGTERM sets ``event`` (the take ends and is kept) instead of killing us,
    and ``terminated``: the program is to stop, not to analyse (:func:`_terminated`). The
    handler the program's start set till a take is recorded (``furikaeri.__main__._until_recording``)
    is not given back: a take was recorded."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_term(signum, _frame) -> None:
        if terminated is not None:
            terminated.signum = signum  # which: a closed terminal is no SIGTERM (QA s42 F #2)
            terminated.set()
        event.set()

    previous = {sig: signal.signal(sig, on_term) for sig in ENDING_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():  # "stopped before recording started" no longer (QA s50 OO #3)
            signal.signal(sig, signal.SIG_DFL if getattr(handler, "until_recording", False) else handler)


class HeldInterrupts:
    """While inside, Ctrl-C (SIGINT) does not stop the work but is held until it is done: an
    answer being analysed (Whisper runs in native threads, which a KeyboardInterrupt leaves
    running while Python shuts down: the process aborted and the answer was lost) and saved.
    The first press says so (``message``) on stderr at once; :attr:`pressed` tells the caller,
    which ends once the answer is kept. Outside the main thread it changes nothing.

    Python runs a signal's handler in the main thread, between two of its own steps: while the
    main thread is inside native code (Whisper decoding a whole take, the analysis's numpy) the
    press went unanswered until the work was done, the progress bar drawing on (QA: "only ^C
    echoed"). So the signal also wakes a thread of ours (:func:`signal.set_wakeup_fd`), which
    says the line as the key is pressed.

    ``on_terminate()``, when given, is what SIGTERM does meanwhile, at once (from that thread
    when the main thread is in native code): a shutdown does not wait for the analysis, and it
    must leave the answer findable and end the program (:func:`leave_on_terminate`)."""

    def __init__(self, message: str, on_terminate=None):
        self.message = message
        self.pressed = False
        self.on_terminate = on_terminate
        self._previous = None
        self._previous_term = None
        self._lock = threading.RLock()
        self._wakeup: tuple | None = None  # (read end, write end, previous fd, thread)
        self._kept = None  # the terminal's keys kept through Ctrl-C (:func:`typed_kept_on_ctrl_c`)

    def _hold(self, *_) -> None:
        with self._lock:
            if self.pressed:
                return
            self.pressed = True
            if sys.stderr.isatty():  # a progress bar may be drawing on the line: start a new one
                click.echo(err=True)
            _say(self.message)

    def _watch(self, read_end: int) -> None:
        """The wakeup thread: each signal's number arrives as a byte, as the signal does."""
        while True:
            try:
                data = os.read(read_end, 64)
            except OSError:
                return
            if not data:  # the write end closed: the work is done
                return
            if any(sig in data for sig in ENDING_SIGNALS) and self.on_terminate is not None:
                self.on_terminate()
            if signal.SIGINT in data:
                self._hold()

    def _start_watching(self) -> None:
        read_end, write_end = os.pipe()
        os.set_blocking(write_end, False)
        try:
            previous = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
        except (ValueError, OSError):
            os.close(read_end)
            os.close(write_end)
            return
        thread = threading.Thread(target=self._watch, args=(read_end,), name="furikaeri-ctrl-c", daemon=True)
        thread.start()
        self._wakeup = (read_end, write_end, previous, thread)

    def _stop_watching(self) -> None:
        if self._wakeup is None:
            return
        read_end, write_end, previous, thread = self._wakeup
        self._wakeup = None
        signal.set_wakeup_fd(previous)
        os.close(write_end)
        thread.join(timeout=1.0)
        if not thread.is_alive():
            os.close(read_end)

    def __enter__(self) -> "HeldInterrupts":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._hold)
            if self.on_terminate is not None:
                self._previous_term = {sig: signal.signal(sig, lambda *_: self.on_terminate())
                                       for sig in ENDING_SIGNALS}
            self._start_watching()
            self._kept = typed_kept_on_ctrl_c()  # Ctrl-C leaves a note typed meanwhile (QA s49 II #2)
            self._kept.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            self._stop_watching()
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None
        if self._kept is not None:
            if self.pressed:  # the lines typed meanwhile, for the note (not for the shell after us)
                hold_typed()
            self._kept.__exit__(None, None, None)
            self._kept = None
        if self._previous_term is not None:
            for sig, handler in self._previous_term.items():
                signal.signal(sig, handler)
            self._previous_term = None


def repair_partial_takes(directory: Path, *, quiet: bool = False,
                         language: str = "en") -> tuple[list[Take], list[AudioError]]:
    """Repair every take a killed recorder left in ``directory``; say so on stderr, in ``language``.
    A take that cannot be repaired is left as it is and does not stop the others (nor the
    recording about to start): returns the repaired takes and the errors of the others."""
    import shlex

    from furikaeri.capture import find_partial_takes, recover_take
    from furikaeri.cli.common import analyze_command
    from furikaeri.cli.takes import cut_takes, save_commands, settings_before_repair, unreadable

    settings = {} if quiet else settings_before_repair([directory])  # the repair removes the markers
    repaired, failed = [], []
    for path in find_partial_takes(directory):
        try:
            take = recover_take(path)
        except AudioError as e:
            failed.append(e)
            if not quiet:
                _say(text(language, "rec_unrepairable", error=e))
            continue
        repaired.append(take)
        if quiet:
            continue
        # the command that saves it as it was to be saved (its question, budget, note…)
        saves = save_commands([take.path], settings, cut_takes([take])) if take.speech_heard else {}
        if take.speech_heard and take.path not in saves:
            continue  # already an answer (saved since a SIGTERM ended it): only its marker went
        then = (text(language, "recover_hint", command=saves[take.path]) if take.path in saves else
                text(language, "rec_repaired_analyse", command=shlex.join(analyze_command(take.path, None, None, "auto")))
                if take.speech_heard else text(language, "rec_repaired_nothing"))  # no analysis can come of it (QA s42 F #5)
        key = "rec_repaired" if take.speech_heard else "rec_repaired_silent"
        _say(text(language, key, path=take.path, seconds=take.duration_s, next=then))
        if take.path in saves and unreadable(settings, take.path):  # what it was recorded with is lost: said
            _say(text(language, "recover_marker_unreadable"))
    return repaired, failed


def _say(line: str, *, ending: bool = False) -> None:
    """One line on stderr, ``furikaeri: `` before it (:func:`say_wrapped`). ``ending``: the
    program is ending on a signal, maybe its terminal's hang-up, where every write fails: the
    line is lost then, and what comes after it (the take's marker left for ``recover``) is not."""
    try:
        say_wrapped(f"furikaeri: {line}")
    except OSError:
        if not ending:
            raise


def record_interactive(
    out_path: str | Path,
    *,
    question: str | None = None,
    budget: float | None = None,
    device: str | int | Device | None = None,
    max_seconds: float | None = None,
    stop_after_silence: float | None = None,
    language: str = "en",
    consumer=None,
    hints=None,
    hint_key: str = "rec_hint",
    analyze_command=None,
    spoken=None,
    repair_too=(),
) -> Take:
    """Record one take into ``out_path`` with the live panel (in a terminal) or plainly (without).

    First repairs takes a killed run left in the same folder and in the folders ``repair_too``
    (the archive's own, for a take recorded elsewhere with ``--out``: QA s35 B #4), and says
    so. ``budget`` (seconds) is only shown; ``max_seconds`` and ``stop_after_silence`` stop the take (see
    :func:`furikaeri.capture.record_take`, whose errors pass through). Afterwards it prints where
    the take was saved, warns about overflows and about a take in which no speech was heard.
    ``language`` (``en``, ``ja``) is the session's: the panel and those notices speak it.
    ``consumer`` is handed the audio while it is recorded (a listener's ``take_block``);
    ``hints()`` gives the running filler count for the live hints (None: no hints);
    ``hint_key`` names the panel's line on how to finish (a practice session's says that
    Ctrl-C ends the session); ``spoken()`` times the answer on the panel (:class:`LivePanel`).
    ``analyze_command(path)`` is the command (a list of arguments) that
    analyses the take as the caller would have, and saves it when the caller was to
    (``--save``): said when the microphone fails mid-take [default: ``furikaeri analyze PATH``].

    Raises :class:`~furikaeri.errors.DeviceError` when the microphone failed mid-take or gave no
    audio at all; the message names the file that keeps what was recorded and the command that
    analyses (or saves) it. Ctrl-C before any audio came in raises KeyboardInterrupt (the
    command's "interrupted"): the person stopped it, the microphone is not to blame.
    """
    from furikaeri.capture import resolve_device

    out_path = Path(out_path)
    if out_path.parent.exists():  # a file in its way is said now; a folder to make waits for the microphone
        out_path.parent.mkdir(exist_ok=True)
    for folder in _folders_to_repair(out_path.parent, repair_too):  # says what it did; never stops the take
        repair_partial_takes(folder, language=language)
    dev = resolve_device(device)  # before any folder is made: with no microphone nothing is made
    out_path.parent.mkdir(parents=True, exist_ok=True)
    terminated = threading.Event()
    try:
        take = _record(out_path, dev, question=question, budget=budget, max_seconds=max_seconds,
                       stop_after_silence=stop_after_silence, language=language, consumer=consumer, hints=hints,
                       hint_key=hint_key, terminated=terminated, spoken=spoken)
    except AudioError as e:
        raise _with_command(e, out_path, analyze_command) from e.__cause__
    mark_ended(take)  # a kill while it is analysed leaves it said as ended so
    why = (("stop_hangup" if getattr(terminated, "signum", None) == getattr(signal, "SIGHUP", None)
            else "stop_terminated") if terminated.is_set() else f"stop_{take.stopped_by}")
    _say(text(language, "rec_saved", path=take.path, seconds=take.duration_s, why=text(language, why)),
         ending=terminated.is_set())
    if take.overflows:
        _say(text(language, "rec_overflows", count=take.overflows), ending=terminated.is_set())
    if take.stopped_by == "device_error":
        import shlex

        command = cut_off(analyze_command(take.path) if analyze_command else ["furikaeri", "analyze", str(take.path)])
        saves = "--save" in command
        raise DeviceError(f"the microphone '{dev.name}' stopped delivering audio after {take.duration_s:.1f} s; "
                          f"what was recorded is kept in {take.path}: {'save' if saves else 'analyse'} it with "
                          f"`{shlex.join(command)}`",
                          ja=f"マイク '{dev.name}' からの音声が {take.duration_s:.1f} 秒で途切れました。録音できた分は "
                             f"{take.path} にあります（`{shlex.join(command)}` で{'保存' if saves else '分析'}できます）")
    if terminated.is_set():  # the marker says which signal ended it, for `recover --json` (QA s50 OO #1)
        _terminated(take, language, analyze_command, ended_by=why.removeprefix("stop_"))
    if take.duration_s < 0.1:  # an empty take: nothing in it to save, now or later
        release_take(take.path)
    if take.duration_s < 0.1 and take.stopped_by == "interrupt":  # Ctrl-C at once: the person's doing, not the mic's
        raise KeyboardInterrupt
    if take.duration_s < 0.1 and take.stopped_by != "stop":  # Enter or SIGTERM at once: nothing to blame either
        raise DeviceError(f"the microphone '{dev.name}' delivered no audio; the empty take is {take.path}",
                          ja=f"マイク '{dev.name}' から音声が届きませんでした。空の録音は {take.path} です")
    return take  # a take in which no speech was heard is said by its analysis's one line (with mic_hint)


def _folders_to_repair(first: Path, others) -> list[Path]:
    """``first`` and each of ``others`` that is another folder, in that order."""
    folders: list[Path] = []
    for folder in (first, *others):
        folder = Path(folder)
        if folder.absolute() not in {f.absolute() for f in folders}:
            folders.append(folder)
    return folders


def _terminated(take: Take, language: str, analyze_command, ended_by: str | None = None) -> None:
    """A take SIGTERM ended (a shutdown, a service manager stopping us): there is no time for
    an analysis (Whisper on a whole take can outlast the grace period before SIGKILL). The take
    is left as a killed recorder leaves it (:func:`furikaeri.capture.leave_unfinished`: ``recover``
    and the next ``record`` name the command that saves it as it was to be saved), that command
    is said now, and the program exits with :data:`TERMINATED_EXIT`. ``ended_by``: the signal
    that ended the take mid-recording (``"terminated"``, ``"hangup"``), kept in its marker as
    why it ended, so ``recover --json`` does not call it an interrupt (QA s50 OO #1); None for a
    take that had ended by itself before the signal came (its own reason is kept)."""
    import dataclasses
    import shlex

    from furikaeri.capture import leave_unfinished
    from furikaeri.cli.takes import CUT_REASONS

    if ended_by is not None:
        take = dataclasses.replace(take, stopped_by=ended_by)
    if take.duration_s < 0.1 or not take.speech_heard:  # nothing to save later, no marker to leave: the next
        release_take(take.path)  # `record` would name it again, "can be deleted" (QA s50 QQ #5)
    if take.duration_s >= 0.1 and not take.speech_heard:  # nothing said: no analysis can come of it (QA s42 G #4)
        _say(text(language, "rec_terminated_silent_dropped" if _dropped_silent(take.path) else "rec_terminated_silent"),
             ending=True)
    elif take.duration_s >= 0.1:  # an empty take: nothing to save later
        leave_unfinished(take)
        command = list(analyze_command(take.path) if analyze_command else ["furikaeri", "analyze", str(take.path)])
        # the signal cut it, or its time limit had (as `recover` says it: QA s51 WW #1), not the person
        command = cut_off(command) if ended_by is not None or take.stopped_by in CUT_REASONS else command
        _say(text(language, "rec_terminated", command=shlex.join(command)), ending=True)
    raise SystemExit(TERMINATED_EXIT)


def _dropped_silent(path: str | Path) -> bool:
    """A take in which no speech was heard, that a signal ended: deleted where it lies in the
    archive (its audio or takes folder), as a silent take the session analysed is, so no file of
    it is left there that no answer holds and no ``recover`` finds (QA s54 AI #3); a file
    recorded elsewhere (``record --out``) is the person's, and kept. Whether it was deleted."""
    try:
        from furikaeri.cli.common import current_home

        where = Path(path).resolve()
        if not where.is_relative_to(current_home().resolve()):
            return False
        where.unlink()
        return True
    except Exception:  # noqa: BLE001 - no archive to tell (a thread without click's context), or the file gone: kept
        return False


def leave_on_terminate(take: Take, language: str, analyze_command, then=None):
    """What SIGTERM does once a take ended, while it is analysed and saved
    (:class:`HeldInterrupts`' ``on_terminate``): what it does mid-take (:func:`_terminated`).
    The take is left as a killed recorder leaves it, with its settings (call it inside
    :func:`furikaeri.capture.take_settings`), so ``recover`` names the command that saves it as
    it was to be saved (``--note`` and all); that command is said now, and the program ends
    with :data:`TERMINATED_EXIT` at once (:func:`_exit_now`): the analysis's native threads
    would not let Python shut down, and a shutdown's SIGKILL would lose the take unsaid.
    Once only, whichever thread the signal reaches first. ``then()``, when given, says what the
    command leaves besides, before the process ends (``practice``: the answers saved so far,
    QA s50 OO #2).

    The command is built now, on the caller's (main) thread: the signal may be handled on the
    wakeup thread, where click's context is not, and a command built there lost the ``--home``
    the person gave (pasted, it saved the answer into another archive)."""
    lock = threading.Lock()
    command = list(analyze_command(take.path)) if analyze_command and take is not None else None

    def on_terminate() -> None:
        if not lock.acquire(blocking=False):
            return
        try:
            if sys.stderr.isatty():  # a progress bar may be drawing on the line: start a new one
                with suppress(OSError):  # unless the terminal hung up: the take is left all the same
                    click.echo(err=True)
            _terminated(take, language, (lambda _path: command) if command else None)
        except SystemExit:
            pass
        finally:
            try:
                if then is not None:
                    then()
            finally:
                _exit_now(TERMINATED_EXIT)

    return on_terminate


def _exit_now(code: int) -> None:
    """End the process with ``code`` now, from any thread, what is said flushed first."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _with_command(e: AudioError, path: Path, analyze_command) -> AudioError:
    """A take the disk stopped (full, a file too large) as one line that also names the command
    that saves what was kept, as it was to be saved (``--save``, the session, the reflection):
    nothing typed for it is lost. ``e`` as it is when the disk kept nothing, or for another error."""
    import shlex

    if not isinstance(e.__cause__, OSError) or analyze_command is None:
        return e
    try:
        if not path.is_file() or path.stat().st_size <= 44:  # a header at most: no audio kept
            return e
    except OSError:
        return e
    command = cut_off(analyze_command(path))  # the disk stopped it mid-answer
    if "--save" not in command:
        return e
    said = shlex.join(command)
    return AudioError(f"{str(e).rstrip('.')}; then `{said}` saves what was kept",
                      ja=f"{e.said_in('ja').rstrip('。')}。残った分は `{said}` で保存できます")


def cut_off(command) -> list[str]:
    """An ``analyze`` command (a list of arguments) for a take whose recording stopped before the
    answer ended (a signal, the microphone or the disk failing mid-take), saying so: ``--cut-off``
    (QA s51 RR #3: such a take was coached as a finished answer, "say more")."""
    command = list(command)
    if "--cut-off" in command:
        return command
    at = command.index("analyze") + 2
    return [*command[:at], "--cut-off", *command[at:]]


def _limits(language: str, max_seconds: float | None, stop_after_silence: float | None) -> str:
    """What will end a take without a terminal, in words."""
    if max_seconds is not None and stop_after_silence is not None:
        return text(language, "rec_limit_both", seconds=max_seconds, silence=stop_after_silence)
    if max_seconds is not None:
        return text(language, "rec_limit_max", seconds=max_seconds)
    return text(language, "rec_limit_silence", silence=stop_after_silence)


def _record(out_path: Path, dev: Device, *, question, budget, max_seconds, stop_after_silence, language,
            consumer=None, hints=None, hint_key: str = "rec_hint", terminated: threading.Event | None = None,
            spoken=None) -> Take:
    stop = threading.Event()
    if not is_interactive():
        if max_seconds is None:  # a silence stop waits for speech first: a muted microphone never ended (QA s42 F #1)
            max_seconds = NO_TERMINAL_CAP_S
            if stop_after_silence is None:
                _say(text(language, "rec_no_terminal", limit=clock(max_seconds)))
        _say(text(language, "rec_from", name=dev.name, path=out_path,
                  limits=_limits(language, max_seconds, stop_after_silence)))
        if hints is not None:  # asked for with --live-hints: they need the panel (QA s44 G #8)
            _say(text(language, "rec_no_live_hints"))
        with _sigterm_sets(stop, terminated), c_stderr_muted():
            return record_take(out_path, device=dev, max_seconds=max_seconds,
                               stop_after_silence=stop_after_silence, stop_event=stop, consumer=consumer)

    from furikaeri.cli.common import console as rich_console

    console = rich_console(stderr=True)  # a dumb terminal's own width (rich takes it for 80 columns)
    panel = LivePanel(console, question=question, budget=budget, device_name=dev.name, language=language,
                      hints=hints, hint_key=hint_key, spoken=spoken)
    take = None
    try:
        with _sigterm_sets(stop, terminated), c_stderr_muted(), _EnterKey() as keys, panel:
            def on_progress(elapsed: float, level: float) -> None:
                panel.update(elapsed, level)
                if keys.pressed():
                    stop.set()

            take = record_take(out_path, device=dev, max_seconds=max_seconds, stop_after_silence=stop_after_silence,
                               stop_event=stop, on_progress=on_progress, consumer=consumer)
    except OSError:  # the panel's last draw into a terminal that hung up: the take is what matters now
        if take is None or terminated is None or not terminated.is_set():
            raise
    return take


def record_listening(out_path: str | Path, *, analysis: dict, language: str = "en", stream: bool = True,
                     live_hints: bool = False, **recording):
    """Record a take (:func:`record_interactive`, ``recording`` are its options); return
    ``(take, finish)``, where ``finish(progress=None)`` gives its Analysis.

    With ``stream`` (the default) a :class:`furikaeri.stream.Listener` transcribes each finished
    stretch of speech while the person is still speaking, so ``finish`` is quick; if the
    listener fell behind, ``progress(done_s, total_s)`` follows it catching up, and if it failed
    mid-take the take on disk is analysed whole instead (and the person is told). Without
    ``stream``, ``finish`` analyses the whole take. Either way a take the time limit stopped
    while the person was still speaking is analysed as cut off (:func:`stopped_at`).
    ``analysis`` holds
    :func:`furikaeri.analysis.analyze_file`'s options (language, budget, question, model,
    models_dir); ``language`` is the screen's. ``finish`` runs after the live panel is gone, so
    it may draw a progress bar of its own.
    """
    if not stream:
        from furikaeri.analysis import analyze_file

        take = record_interactive(out_path, language=language, **recording)
        return take, lambda progress=None: ran_on(analyze_file(take.path, progress=progress,
                                                               stopped_at=stopped_at(take), **analysis), take)
    from furikaeri.stream import Listener, analysis_of_take

    listener = Listener(source=str(out_path), **analysis)
    try:
        take = record_interactive(out_path, language=language, consumer=listener.take_block, spoken=listener.spoken,
                                  hints=listener.live_fillers if live_hints else None, **recording)
    except BaseException:
        listener.close()
        raise

    def finish(progress=None):
        return ran_on(analysis_of_take(listener, take.path, progress=progress, **analysis, stopped_at=stopped_at(take),
                                       on_fallback=lambda e: _say(text(language, "rec_stream_failed", error=e))), take)

    return take, finish


def ran_on(analysis, take: Take):
    """``analysis`` of ``take`` with the tip for a take the person ended long after their last
    word (:func:`furikaeri.advice.ran_on_tip`) first among its tips: only for one ended by Enter
    at a terminal; a time limit, a silence or a script's signal did not let it run on."""
    import dataclasses

    from furikaeri.advice import ran_on_tip

    tip = ran_on_tip(analysis, take.duration_s) if take.stopped_by == "stop" and is_interactive() else None
    return dataclasses.replace(analysis, tips=(tip, *analysis.tips)[:3]) if tip else analysis


def stopped_at(take: Take) -> float | None:
    """Where the time limit (``--max-seconds``, or the cap without a terminal) stopped ``take``,
    None when something else did: its analysis then asks whether the person was still speaking
    there (:func:`furikaeri.analysis.cut_at_limit`), so an answer the limit cut off is not
    coached as one too short. What a caller analysing a take of its own passes as
    ``stopped_at``."""
    return take.duration_s if take.stopped_by == "max_seconds" else None
