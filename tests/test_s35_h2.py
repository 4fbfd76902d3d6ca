"""Session 35, helper h2: the commands said when a save is stopped keep --home, a save killed or
stopped half way leaves nothing half done, and a few figures said twice agree (QA s35 B, F)."""

from __future__ import annotations

import shlex
import threading
from pathlib import Path

import click
import pytest

from furikaeri.capture import Take
from furikaeri.cli import cli, live
from furikaeri.cli.capture_cmd import analyze_take


def _take(path: Path) -> Take:
    return Take(path=path, duration_s=2.0, rate=16000, channels=1, overflows=0, stopped_by="stop",
                speech_heard=True)


def test_sigterm_said_from_the_wakeup_thread_keeps_the_home_given(tmp_path, monkeypatch, capsys):
    """QA s35 B #1: SIGTERM while a take was analysed is answered on HeldInterrupts' wakeup
    thread, where click's context is not: the command said lost `--home`, and pasted it saved
    the answer into the default archive. The command is built on the main thread now."""
    home, take = tmp_path / "h", tmp_path / "takes" / "t.wav"
    monkeypatch.setattr("furikaeri.capture.leave_unfinished", lambda t: None)
    exits = []
    monkeypatch.setattr(live, "_exit_now", exits.append)
    with click.Context(cli, obj={"home": str(home)}):
        on_terminate = live.leave_on_terminate(_take(take), "en", lambda p: analyze_take(
            p, "Why?", 30.0, "en", save=True, session="s1"))
    thread = threading.Thread(target=on_terminate)  # no click context there, as on the wakeup thread
    thread.start()
    thread.join(5)
    assert exits == [live.TERMINATED_EXIT]
    said = capsys.readouterr().err
    command = shlex.split(said.split("`")[1])
    assert command[:4] == ["furikaeri", "--home", str(home), "analyze"], said
    assert "--save" in command and "s1" in command
