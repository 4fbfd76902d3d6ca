"""Session 33, i1 (QA s33 qa-i #1 #4 #5 #7): a practice answer SIGTERM reaches while it is
analysed is left for `recover` as `record` leaves one (and one already saved is not); Ctrl-C at
a reflection prompt ends the session after that answer, what was entered kept; once an ended
input stops the prompts, each later answer names its note command; the microphone hint's
`furikaeri mic-check` is never broken across lines."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from furikaeri.cli import cli, practice_cmd
from furikaeri.store import Store

sys.path.insert(0, str(Path(__file__).parent))

from conftest import own_take  # noqa: E402
from test_archive_robust import _quiet_wav, analysis  # noqa: E402


class _Terminated(Exception):
    """What the test's own SIGTERM handler raises: SIGTERM reached no handler of the program's."""


@pytest.fixture
def sigterm_caught():
    """SIGTERM, when the program does not handle it, raises :class:`_Terminated` (not the
    default, which would end the test run)."""

    def caught(*_):
        raise _Terminated()

    previous = signal.signal(signal.SIGTERM, caught)
    yield
    signal.signal(signal.SIGTERM, previous)


def _microphone_terminated_while_analysed(monkeypatch, *, terminate: bool = True):
    """Practice's own microphone recorder, its take a tone written as the recorder writes it
    (a `.partial` marker with the take's settings, removed once it is finished); SIGTERM comes
    while it is analysed. The process's end (os._exit) is recorded and raised as SystemExit."""
    import numpy as np

    from furikaeri.capture import Take, _TakeWriter
    from furikaeri.cli import live

    exits: list[int] = []

    def exit_now(code):
        exits.append(code)
        raise SystemExit(code)

    def record_listening(path, **_):
        writer = _TakeWriter(Path(path), 16000, 1)
        t = np.arange(32000)
        writer.append((3000 * np.sin(t * 0.1) * (t > 8000)).astype(np.int16).tobytes())  # a breath, then a voice
        writer.close()
        take = Take(path=Path(path), duration_s=2.0, rate=16000, channels=1, overflows=0, stopped_by="stop",
                    speech_heard=True)

        def finish(progress=None):
            if not terminate:
                return analysis()
            os.kill(os.getpid(), signal.SIGTERM)
            deadline = time.monotonic() + 5
            while not exits and time.monotonic() < deadline:  # Python runs the handler between steps
                time.sleep(0.01)
            raise SystemExit(exits[0] if exits else 0)  # the process ended here

        return take, finish

    monkeypatch.setattr(live, "record_listening", record_listening)
    monkeypatch.setattr(live, "_exit_now", exit_now)
    monkeypatch.setattr(practice_cmd, "_check_microphone", lambda device: None)
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    return exits


def test_sigterm_while_a_practice_answer_is_analysed_leaves_it_for_recover(tmp_path, monkeypatch, sigterm_caught):
    """QA s33 qa-i #1: the process died silently; the take lay in audio/ with no marker, and
    `recover` found nothing: the answer was lost."""
    from furikaeri.capture import find_partial_takes, settings_of

    _microphone_terminated_while_analysed(monkeypatch)
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "2", "--no-reflect",
                                 "--note", "point first", "--session", "Monday"])
    assert r.exit_code == 143, (r.output, r.exception)
    (take,) = find_partial_takes(home / "audio")
    assert "asked to stop" in r.stderr and f"analyze {take}" in r.stderr, r.stderr
    assert "--save" in r.stderr and "--session Monday" in r.stderr and "point first" in r.stderr
    kept = settings_of(take)
    assert kept["question"] == "en-basic:intro" and kept["session"] == "Monday" and kept["note"] == "point first"
    r = CliRunner().invoke(cli, ["--home", str(home), "recover"])
    assert r.exit_code == 0 and "--save" in r.stdout and "point first" in r.stdout, r.output


def test_sigterm_once_the_answer_is_saved_leaves_no_marker_for_it(tmp_path, monkeypatch, sigterm_caught):
    """Saved before its reflection is asked: SIGTERM at the prompt leaves no take for `recover`
    to offer again; it stops the prompts as Ctrl-C does and ends the program with 143 (QA s50
    OO #4: it was given the default action, which killed the program and the part typed)."""
    from furikaeri.capture import find_partial_takes

    _microphone_terminated_while_analysed(monkeypatch, terminate=False)

    def prompt(func, label, err):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.5)  # the handler runs here, or not at all
        return func(label)

    monkeypatch.setattr(click.termui, "_readline_prompt", prompt)
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "1", "--reflect"],
                           input="x\n")
    assert r.exit_code == 143 and "unexpected _Terminated" not in r.output, r.output  # the prompt's own hold
    assert "furikaeri --home" in r.output and "note 1" in r.output  # the command that adds the note
    assert find_partial_takes(home / "audio") == []
    with Store.open(home) as st:
        (a,) = st.answers()
        assert Path(a.audio_path).is_file()


def _from_files(tmp_path, monkeypatch, n: int = 2) -> list[str]:
    monkeypatch.setattr(practice_cmd, "_analyser", lambda model, **_: lambda *a: analysis())
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    quiet = _quiet_wav(tmp_path / "quiet.wav")
    return [str(own_take(quiet, tmp_path / "takes")) for _ in range(n)]  # a take of its own each


def _ctrl_c_at(monkeypatch, word: str):
    """Ctrl-C at the first prompt whose label holds ``word``, as the terminal sends it."""
    real = click.termui._readline_prompt

    def prompt(func, label, err):
        if word in label:
            raise KeyboardInterrupt
        return real(func, label, err)

    monkeypatch.setattr(click.termui, "_readline_prompt", prompt)


@pytest.mark.parametrize("lang, at, said, ended", [
    ("en", "why", "stopping after this answer", "Session stopped after question 1 of 2"),
    ("ja", "原因", "この回答で練習を終えます", "2問中1問目で練習を中断しました")])
def test_ctrl_c_at_a_reflection_prompt_ends_the_session_after_the_answer(tmp_path, monkeypatch, lang, at, said,
                                                                         ended):
    """QA s33 qa-i #4: Ctrl-C at a prompt only stopped the prompts; the next question's
    recording started at once, and a second Ctrl-C was needed."""
    files = _from_files(tmp_path, monkeypatch)
    _ctrl_c_at(monkeypatch, at)
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "2", "--lang", lang,
                                 "--reflect", "--from-files", *files], input="rambled\n" * 6)
    assert r.exit_code == 130, (r.output, r.exception)
    assert said in r.stderr and f"furikaeri --home {home} note 1" in r.stderr, r.stderr
    assert ended in r.output, r.output
    assert "2/2" not in r.output
    with Store.open(home) as st:
        (a,) = st.answers()
        assert a.note.wrong == "rambled"  # entered before Ctrl-C: kept


def test_ctrl_c_at_the_last_answers_prompt_exits_130(tmp_path, monkeypatch):
    files = _from_files(tmp_path, monkeypatch, 1)
    _ctrl_c_at(monkeypatch, "wrong")
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "1", "--reflect",
                                 "--from-files", *files])
    assert r.exit_code == 130, (r.output, r.exception)
    with Store.open(home) as st:
        (a,) = st.answers()
        assert a.note is None


def test_an_ended_input_goes_on_and_names_each_later_answers_note_command(tmp_path, monkeypatch):
    """QA s33 qa-i #5: once the prompts stopped, a later saved answer said nothing of its note."""
    files = _from_files(tmp_path, monkeypatch, 3)
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "3", "--reflect",
                                 "--from-files", *files], input="ran over\n")
    assert r.exit_code == 0, (r.output, r.exception)
    assert f"add a note later with `furikaeri --home {home} note 1`" in r.stderr
    for n in (2, 3):
        assert f"no note yet: add one with `furikaeri --home {home} note {n}`" in r.stderr, r.stderr
    with Store.open(home) as st:
        assert len(st.answers()) == 3


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("width", [100, 90, 80, 60, 40])
def test_the_microphone_hint_keeps_its_command_whole(lang, width):
    """QA s33 qa-i #7: at 100 columns "… try `furikaeri" / "mic-check`)"."""
    from rich.cells import cell_len
    from rich.console import Console

    from furikaeri.questions import get_set
    from furikaeri.session import NotSaved

    out = Console(width=width, record=True)
    q = get_set("en-basic").questions[0]
    practice_cmd._Screen(out, lang, quiet=False).show(NotSaved(q, analysis(), recorded=True))
    lines = out.export_text().splitlines()
    assert any("`furikaeri mic-check`" in line for line in lines), lines
    assert all(cell_len(line.rstrip()) <= width for line in lines), lines
    said = "".join(lines) if lang == "ja" else " ".join(lines)
    assert said.replace(" ", "") == practice_cmd.text(lang, "not_saved_silent_removed").replace(" ", "") + \
        practice_cmd.text(lang, "mic_hint").replace(" ", "")


@pytest.mark.parametrize("lang, recorded, said", [
    ("en", True, "no speech heard in this take: not saved, and its recording removed"),
    ("en", False, "no speech heard in this take: not saved"),
    ("ja", True, "声が聞こえなかったので保存せず、録音も削除しました。")])
def test_a_silent_take_said_saved_while_recorded_is_said_removed(lang, recorded, said):
    """QA s33 qa-i #6: "saved <path> (6.0 s, interrupted)", then "not saved", the file gone:
    a take recorded into the archive says it is removed; a file of the person's stays theirs."""
    from rich.console import Console

    from furikaeri.questions import get_set
    from furikaeri.session import NotSaved

    out = Console(width=200, record=True)
    practice_cmd._Screen(out, lang, quiet=False).show(NotSaved(get_set("en-basic").questions[0], analysis(),
                                                               recorded=recorded))
    shown = out.export_text()
    assert shown.startswith(said) and ("removed" in shown or "削除" in shown) == recorded, shown
