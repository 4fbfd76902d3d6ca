"""QA round 30 (g2): practice's save command for a take the microphone cut short, recover on
files that are not furikaeri takes, a cut-off file read as far as it can be, dates for
progress --since, progress's JSON for an empty archive, the notes of practice --note."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.errors import DeviceError


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


# --------------------------------------------------------------------------- 3: practice, microphone lost


def _lost_microphone(monkeypatch, tmp_path):
    """practice with a microphone that is lost in the first take: the command record_listening
    would print, as it would print it."""
    import furikaeri.cli.live as live
    import furikaeri.cli.practice_cmd as P

    def record_listening(path, *, analyze_command, **kw):
        take = tmp_path / "cut.wav"
        raise DeviceError("the microphone was lost: " + shlex.join(analyze_command(take)))

    monkeypatch.setattr(P, "_check_microphone", lambda device: device)
    monkeypatch.setattr(live, "record_listening", record_listening)


def _command_in(output: str) -> list[str]:
    said = " ".join(output.split())
    return shlex.split(said.split("the microphone was lost: ", 1)[1].split(" furikaeri:")[0])


def test_practice_mic_lost_command_keeps_session_and_note(monkeypatch, tmp_path):
    _lost_microphone(monkeypatch, tmp_path)
    r = run("practice", "--set", "ja-basic", "-n", "2", "--note", "結論から話す", "--session", "模擬1",
            "--no-reflect", "--lang", "en")
    command = _command_in(r.output)
    assert command[command.index("--session") + 1] == "模擬1"
    assert command[command.index("--note") + 1] == "結論から話す" and "--save" in command


def test_practice_mic_lost_command_names_the_session_it_would_have(monkeypatch, tmp_path):
    # no --session: the answer goes to the session practice would have made (the set and the minute)
    _lost_microphone(monkeypatch, tmp_path)
    r = run("practice", "--set", "ja-basic", "-n", "1", "--no-reflect", "--lang", "en",
            "--now", "2026-11-23T09:00:00+00:00")
    command = _command_in(r.output)
    assert command[command.index("--session") + 1].startswith("ja-basic 2026-11-23")
    assert "--note" not in command  # none given, none typed
