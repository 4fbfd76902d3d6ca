"""Narrow, wide and dumb terminals (QA s47 EE #8 and #10).

* TERM=dumb (Emacs' ``M-x shell``, some CI consoles): rich draws a live display there only once
  it stops, so the recording panel showed nothing till Enter. The panel's lines are now said
  once as plain lines as the take starts (the question, that it records, with the budget, how to
  finish, the microphone) and its last state once it ends; the report and the panel are drawn
  to the terminal's own width (rich takes a dumb terminal for 80 x 25 unless told a width *and*
  a height), and the progress bar, which rich cannot draw there, is left out.
* At 40 columns a path breaks after a "/", each name whole; a command in backquotes is kept
  whole on a line (「`furi」 / 「kaeri note 1`」); English detail labels get the hanging indent
  the Japanese ones had; the progress bar drops the times it has no room for.
* At 200 columns the report is at most 100 wide.

Reports are rendered from hand-made answers (``test_narrow_layout``'s, no Whisper model), the
panel with rich consoles told their terminal, the recorder faked.
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import sys

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from furikaeri.lang import text

LONG_PATH = "/tmp/s47a/snap/samples/ja_jikopr.flac"
TAKE_PATH = "/home/someone/.local/share/furikaeri/takes/take-20261207-014715-intro.wav"
BOX = "│╭╮╰╯─"


def report_at(width: int, lang: str = "en", path: str = LONG_PATH) -> list[str]:
    """The report of a hand-made answer kept at ``path``, rendered ``width`` columns wide: its lines."""
    from test_narrow_layout import QUESTIONS, SAID, measured

    from furikaeri.report.terminal import render

    a = dataclasses.replace(measured(lang, SAID[lang], budget=15.0, question=QUESTIONS[lang][0]), file=path)
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    render(a, console)
    return [line.rstrip() for line in console.export_text().splitlines()]


def inside(line: str) -> str:
    """A line of the report's panel without its borders."""
    return line.strip(" " + BOX)


# --------------------------------------------------------------------------- paths and commands


@pytest.mark.parametrize("path", [LONG_PATH, TAKE_PATH])
def test_a_path_longer_than_a_line_breaks_after_a_slash(path):
    lines = report_at(40, path=path)
    assert max(cell_len(line) for line in lines) <= 40
    shown = [inside(line) for line in lines[1:4]]
    assert "".join(shown).startswith(path), shown
    names = [name for name in path.split("/") if name]
    for name in names:  # each name whole on a line (QA: 「ja_jikopr.fla」 / 「c」)
        assert any(name in line for line in shown), (name, shown)
    assert all(line.endswith("/") for line in shown if path.startswith(line) and not path.endswith(line)), shown


def test_a_path_breaks_after_its_slashes_in_a_sentence_too():
    from furikaeri.report.wrap import path_breaks, wrap_phrases

    assert path_breaks("/tmp/a/b.wav") == [1, 5, 7]
    assert path_breaks("C:\\takes\\t.wav") == [3, 9]
    said = f"furikaeri: recorded {TAKE_PATH} (58.6 s, stopped)"
    lines = wrap_phrases(Text(said), 40, fill=True).plain.split("\n")
    assert max(map(cell_len, lines)) <= 40 and "".join(lines).replace(" ", "") == said.replace(" ", "")
    assert any(line.startswith("take-20261207-014715-intro.wav") for line in lines), lines
    short = wrap_phrases(Text("furikaeri: recorded /tmp/takes/t.wav (58.6 s, stopped)"), 40, fill=True).plain
    assert any("/tmp/takes/t.wav" in line for line in short.split("\n")), short  # a path that fits: whole


@pytest.mark.parametrize("lang, key", [("ja", "reflection_stopped"), ("ja", "reflection_interrupted"),
                                       ("en", "reflection_stopped"), ("ja", "no_note"), ("en", "record_not_saved")])
def test_a_command_in_backquotes_is_kept_whole_on_a_line(lang, key):
    from furikaeri.report.wrap import wrap_phrases

    said = text(lang, key, command="furikaeri note 1", home="", id=1)
    command = re.search(r"`[^`]+`", said).group()
    for width in (30, 40, 50):
        lines = wrap_phrases(Text(said), width, fill=True).plain.split("\n")
        assert max(map(cell_len, lines)) <= width, lines
        assert any(command in line for line in lines), (width, lines)


def test_a_command_longer_than_a_line_still_breaks_where_words_end():
    from furikaeri.report.wrap import wrap_phrases

    command = f"furikaeri analyze {TAKE_PATH} -q en-basic:intro --budget 90 --save"
    said = text("en", "record_not_saved", command=command)
    lines = wrap_phrases(Text(said), 40, fill=True).plain.split("\n")
    assert max(map(cell_len, lines)) <= 40, lines
    words = set(" ".join(lines).split())
    for word in ("--save", "en-basic:intro", "take-20261207-014715-intro.wav"):
        assert any(word in w for w in words), (word, lines)


class FakeTerminal(io.StringIO):
    """Standard error at a terminal, as far as :func:`isatty` tells."""

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return 0


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_hint_lines_are_wrapped_in_a_terminal_only(monkeypatch, lang):
    from furikaeri.cli.common import say_wrapped

    said = text(lang, "reflection_stopped", command="furikaeri note 1")
    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("COLUMNS", "40")
    say_wrapped(said)
    lines = screen.getvalue().rstrip("\n").split("\n")
    assert len(lines) > 1 and max(map(cell_len, lines)) <= 40, lines
    assert any("`furikaeri note 1`" in line for line in lines), lines
    piped = io.StringIO()  # not a terminal: the line as it is, whatever the width
    monkeypatch.setattr(sys, "stderr", piped)
    say_wrapped(said)
    assert piped.getvalue() == said + "\n"


def test_practice_says_how_to_add_a_note_wrapped(monkeypatch):
    # 「メモは後で `furi」 / 「kaeri note 1` で追加できます」: the line practice prints when the prompts stop
    from furikaeri.cli import practice_cmd

    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", screen)
    monkeypatch.setenv("COLUMNS", "40")
    reflection = practice_cmd._Reflection(lambda: "ja", True)
    reflection._note_command = lambda answer_id: f"furikaeri note {answer_id}"
    reflection._stop("ja", 1, ctrl_c=False)
    lines = [line for line in screen.getvalue().split("\n") if line]
    assert any("`furikaeri note 1`" in line for line in lines) and max(map(cell_len, lines)) <= 40, lines


# --------------------------------------------------------------------------- the detail lines


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_detail_lines_wrap_under_their_words_in_english_too(lang):
    lines = report_at(40, lang)
    label = text(lang, "first_sentence") if lang == "ja" else "First sentence"
    at = next(i for i, line in enumerate(lines) if inside(line).startswith(f"{label}:"))
    first = lines[at]
    column = first.index(f"{label}:") + cell_len(f"{label}: ")
    follow = lines[at + 1]
    assert inside(follow) and cell_len(follow[: len(follow) - len(follow.lstrip("│ "))]) == column, lines[at:at + 3]


def test_a_label_too_wide_to_wrap_beside_hangs_its_later_lines():
    from furikaeri.report.wrap import hang

    said = Text("Pace over time: too fast 0:10–0:20 · too slow 0:40–0:50 · too fast 1:10–1:20")
    lines = hang(said, 24, 2).plain.split("\n")
    assert lines[0].startswith("Pace over time:") and all(line.startswith("  ") for line in lines[1:]), lines
    assert max(map(cell_len, lines)) <= 24 and " ".join(x.strip() for x in lines) == said.plain
    assert hang(Text("Voice: fine"), 24).plain == "Voice: fine"


# --------------------------------------------------------------------------- widths


def test_the_report_is_at_most_100_columns_wide():
    from furikaeri.report.terminal import MAX_WIDTH

    wide = report_at(200)
    assert max(cell_len(line) for line in wide) == MAX_WIDTH == 100, wide
    assert max(cell_len(line) for line in report_at(80)) == 80  # below it, the whole width
    assert max(cell_len(line) for line in report_at(100, "ja")) == 100


def test_the_progress_bar_drops_the_times_it_has_no_room_for():
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from furikaeri.cli.common import _time_columns

    assert [type(c) for c in _time_columns(80)] == [TimeElapsedColumn, TimeRemainingColumn]
    assert [type(c) for c in _time_columns(40)] == [TimeElapsedColumn]
    assert _time_columns(30) == []
    from rich.progress import BarColumn

    for width in (30, 40, 50, 80):
        for label in ("transcribing", "文字起こし中"):
            out = Console(width=width, record=True, force_terminal=False, color_system=None)
            bar = Progress(SpinnerColumn(), TextColumn(label), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                           *_time_columns(width), console=out)
            bar.update(bar.add_task("t", total=1.0), completed=0.57)
            out.print(bar.get_renderable())
            shown = out.export_text()
            assert "…" not in shown and "57%" in shown and cell_len(shown.rstrip()) <= width, (width, shown)


# --------------------------------------------------------------------------- TERM=dumb


def test_the_panel_is_redrawn_only_where_rich_can(monkeypatch):
    from furikaeri.cli.live import redraws

    def at(term: str, **env) -> Console:
        return Console(file=io.StringIO(), force_terminal=True, _environ={"TERM": term, **env})

    assert redraws(at("xterm-256color"))
    assert not redraws(at("dumb")) and not redraws(at("unknown"))
    assert not redraws(at("xterm", TTY_INTERACTIVE="0"))  # each redraw would scroll as a copy
    assert not redraws(Console(file=io.StringIO(), force_terminal=False))


def speak(panel, *, seconds: float = 6.0, start: float = 1.0) -> None:
    """``panel`` updated as a take goes: a quiet room for ``start`` seconds, then speech."""
    for k in range(round(seconds * 10)):
        panel.update(k / 10, -70.0 if k / 10 < start else -20.0)


def dumb_panel(language: str = "en", **kw):
    from furikaeri.cli.live import LivePanel

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=60, _environ={"TERM": "dumb"})
    panel = LivePanel(console, question="Tell me about yourself.", budget=90.0, device_name="USB Mic",
                      language=language, **kw)
    return panel, screen


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_dumb_terminal_is_told_the_take_once_as_it_starts(language):
    panel, screen = dumb_panel(language, hints=lambda: 2)
    assert panel.live is None
    with panel:
        start = screen.getvalue()
        speak(panel)
        assert screen.getvalue() == start  # nothing more drawn meanwhile
    said = "".join(start.split())
    for line in (text(language, "rec_question"), "Tell me about yourself.", text(language, "rec_hint"),
                 text(language, "rec_mic", name="USB Mic"), text(language, "rec_no_live_hints_redraw"),
                 text(language, "rec_started_budget", budget="1:30" if language == "en" else "1分30秒")):
        assert "".join(line.split()) in said, (line, start)
    assert "\x1b[" not in screen.getvalue()  # no cursor moved, no colour
    assert "█" not in screen.getvalue() and "dBFS" not in screen.getvalue()  # no meter
    end = screen.getvalue()[len(start):]
    assert text(language, "rec_done_answer") in end and "/ 1:30" in end
    assert text(language, "rec_hint") not in end and "Tell me about yourself." not in end  # said once


def test_a_dumb_terminal_is_told_an_overrun_at_the_end():
    panel, screen = dumb_panel()
    with panel:
        speak(panel)
        panel.started = 0.0
        panel.update(95.4, -20.0)
    end = " ".join(screen.getvalue().split())
    assert "■ answered 1:35 / 1:30" in end and "Over the 1:30 budget by 0:05." in end, end
    quiet, out = dumb_panel()
    quiet.budget = None
    with quiet:
        quiet.update(3.0, -70.0)
    assert text("en", "rec_started") in " ".join(out.getvalue().split()) and "■ recorded 0:03" in out.getvalue()


def test_a_terminal_that_redraws_still_gets_the_live_panel():
    from furikaeri.cli.live import LivePanel

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=60, _environ={"TERM": "xterm-256color"})
    panel = LivePanel(console, question="Q", budget=30.0)
    with panel:
        panel.update(1.0, -20.0)
    assert panel.live is not None and "\x1b[" in screen.getvalue() and "dBFS" in screen.getvalue()
    assert text("en", "rec_started_budget", budget="0:30") not in screen.getvalue()


def test_record_at_a_dumb_terminal_says_the_take_before_it_starts(monkeypatch, capsys, tmp_path):
    from furikaeri.capture import Device, Take
    from furikaeri.cli import live

    class NoKeys:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def pressed(self) -> bool:
            return False

    seen = {}

    def record_take(out, *, on_progress=None, **kw):
        seen["before"] = capsys.readouterr().err  # said before the first sample
        for k in range(30):
            on_progress(k / 10, -70.0 if k < 10 else -20.0)
        seen["during"] = capsys.readouterr().err
        return Take(path=str(out), duration_s=3.0, rate=16000, channels=1, stopped_by="stop", overflows=0,
                    speech_heard=True)

    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich takes the captured stderr for a terminal, as a real one
    monkeypatch.setattr(live, "is_interactive", lambda: True)
    monkeypatch.setattr(live, "_EnterKey", NoKeys)
    monkeypatch.setattr(live, "record_take", record_take)
    dev = Device(index=0, name="USB Mic", channels=1, default_rate=48000.0, is_default=True)
    live._record(tmp_path / "t.wav", dev, question="Tell me about yourself.", budget=90, max_seconds=None,
                 stop_after_silence=None, language="en", hints=lambda: 0)
    before = " ".join(seen["before"].split())
    assert "Tell me about yourself." in before and "Press Enter to finish" in before and "Mic: USB Mic" in before
    assert "● REC, budget 1:30" in before and "no live hints in this terminal" in before
    assert "Enter does not stop it" not in before  # Enter does stop it: stdin is a terminal
    assert seen["during"] == ""
    assert "■ answered" in capsys.readouterr().err


def test_the_live_panel_is_left_alone_when_output_is_piped(monkeypatch, capsys, tmp_path):
    # not a terminal: one line as the take starts, as before (no panel, no plain panel)
    from furikaeri.capture import Device, Take
    from furikaeri.cli import live

    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setattr(live, "is_interactive", lambda: False)
    monkeypatch.setattr(live, "record_take", lambda out, **kw: Take(path=str(out), duration_s=1.0, rate=16000,
                                                                    channels=1, stopped_by="max_seconds",
                                                                    overflows=0, speech_heard=True))
    dev = Device(index=0, name="pulse", channels=1, default_rate=48000.0, is_default=True)
    live._record(tmp_path / "t.wav", dev, question="Q", budget=60, max_seconds=5, stop_after_silence=None,
                 language="en")
    said = " ".join(capsys.readouterr().err.split())
    assert "recording from 'pulse'" in said and "Enter does not stop it" in said
    assert "● REC" not in said and "Question" not in said


def test_a_dumb_terminal_is_drawn_to_its_own_size(monkeypatch):
    # QA s45 S #8's width was given to rich, which ignores a width alone on a dumb terminal
    from furikaeri.cli.common import console, dumb_terminal

    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((40, 20)))
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    assert dumb_terminal(screen) and console().is_dumb_terminal and console().width == 40
    monkeypatch.setenv("COLUMNS", "50")  # said: rich ignores it on a dumb terminal
    assert console().width == 50
    monkeypatch.setenv("TERM", "xterm-256color")
    assert not dumb_terminal(screen) and console().width == 50
    assert not dumb_terminal(io.StringIO())


def test_no_progress_bar_where_rich_cannot_draw_one(monkeypatch):
    from furikaeri.cli.common import transcription_progress

    monkeypatch.setattr(sys, "stderr", FakeTerminal())
    monkeypatch.setenv("TERM", "dumb")
    assert transcription_progress(False, "en") is None  # rich draws nothing there but a blank line at the end
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "40")
    bar = transcription_progress(False, "en")
    assert bar is not None and len(bar.columns) == 5  # spinner, label, bar, share, the time spent
    assert transcription_progress(True, "en") is None


def test_new_texts_are_in_both_languages():
    from furikaeri.lang import en, ja

    for key in ("rec_started", "rec_started_budget", "rec_no_live_hints_redraw"):
        assert key in en.TEXT and key in ja.TEXT
