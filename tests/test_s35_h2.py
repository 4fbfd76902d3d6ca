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


# --------------------------------------------------------------------------- a save killed or stopped

_KILLED_SAVE = r"""
import os, shutil, signal, sys
from pathlib import Path
from furikaeri import session as SS
from furikaeri.analysis import Analysis

def half_then_killed(src, dst):  # the copy under way when SIGKILL comes: no clean-up runs
    Path(dst).write_bytes(Path(src).read_bytes()[:1000])
    os.kill(os.getpid(), signal.SIGKILL)

shutil.copy2 = half_then_killed
a = Analysis(file="take.flac", language="en", duration_s=41, speech_detected=True, latency_s=0.5, answer_s=40,
             budget_s=60, over_budget=False, transcript="so I study physics")
SS.save_analysis(a, audio_path=sys.argv[2], session="kpoll", question="Why?", home=sys.argv[1])
"""


def _recording(tmp_path) -> Path:
    take = tmp_path / "take.flac"
    take.write_bytes(b"fLaC" + bytes(5000))
    return take


def _analysis():
    from furikaeri.analysis import Analysis

    return Analysis(file="take.flac", language="en", duration_s=41, speech_detected=True, latency_s=0.5,
                    answer_s=40, budget_s=60, over_budget=False, transcript="so I study physics")


def test_a_save_killed_while_copying_leaves_no_session_and_no_recording(tmp_path, capsys):
    """QA s35 F #3: SIGKILL during `analyze --save` left an empty session in `history` and a cut-off
    copy under a recording's name in audio/. The session is made with the answer, in its
    transaction; the copy is made under a hidden name, which the next save removes."""
    import subprocess
    import sys

    from furikaeri.session import save_analysis
    from furikaeri.store import Store, audio_dir

    home, take = tmp_path / "h", _recording(tmp_path)
    with Store.open(home):
        pass
    done = subprocess.run([sys.executable, "-c", _KILLED_SAVE, str(home), str(take)], capture_output=True)
    assert done.returncode == -9, done.stderr
    with Store.open(home) as st:
        assert st.sessions() == [] and st.answers() == []
    assert [p.name for p in audio_dir(home).iterdir() if not p.name.startswith(".")] == []
    (left,) = audio_dir(home).iterdir()  # the cut-off copy, hidden
    capsys.readouterr()
    answer_id = save_analysis(_analysis(), audio_path=take, session="kpoll", question="Why?", home=home)
    assert "half-copied" in capsys.readouterr().err and not left.exists()
    assert [p.name for p in audio_dir(home).iterdir()] == [Path(Store.open(home).answer(answer_id).audio_path).name]
    with Store.open(home) as st:
        (s,) = st.sessions()
        assert s.name == "kpoll"
        assert Path(st.answer(answer_id).audio_path).read_bytes() == take.read_bytes()


def test_an_empty_session_a_kill_left_goes_at_the_next_save_and_is_said(tmp_path, capsys):
    """An empty session an earlier version (or a kill between practice's session and its first
    answer) left is removed by the next save, which says so; one being filled now is not."""
    from datetime import datetime, timedelta, timezone

    from furikaeri.session import save_analysis
    from furikaeri.store import Store

    home, take = tmp_path / "h", _recording(tmp_path)
    with Store.open(home) as st:
        old = st.session_for("kpoll", now=datetime.now(timezone.utc) - timedelta(hours=1))
        fresh = st.session_for("other")  # a save of another process may be about to fill it
        st._unanswered.clear()  # as a killed process leaves them: nothing drops them on the way out
    capsys.readouterr()
    save_analysis(_analysis(), audio_path=take, session="s1", question="Why?", home=home)
    err = capsys.readouterr().err
    assert f"#{old} kpoll" in err and "empty session" in err, err
    with Store.open(home) as st:
        assert {s.id for s in st.sessions()} == {fresh, old + 2}  # the removed number is not given again


def test_sigterm_during_analyze_save_says_one_line_exits_143_and_leaves_nothing(tmp_path, monkeypatch):
    """QA s35 F #4: SIGTERM while `analyze --save` copied the recording ended silently (-15) and
    left a full copy no answer refers to. As Ctrl-C: one line, 143, no copy, no session."""
    import os
    import shutil
    import signal
    import time

    from click.testing import CliRunner

    from furikaeri import stream
    from furikaeri.store import Store, audio_dir

    home, take = tmp_path / "h", _recording(tmp_path)
    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: _analysis())
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    real_copy = shutil.copy2

    def copy_then_stopped(src, dst):
        real_copy(src, dst)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.5)  # Python runs the handler here

    monkeypatch.setattr(shutil, "copy2", copy_then_stopped)
    before = signal.getsignal(signal.SIGTERM)
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(take), "--save", "-q", "Why?", "--session", "k"])
    assert r.exit_code == 143, (r.output, r.exception)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "asked to" in lines[0] and "nothing is saved half" in lines[0], r.stderr
    assert list(audio_dir(home).iterdir()) == []
    with Store.open(home) as st:
        assert st.sessions() == [] and st.answers() == []
    assert signal.getsignal(signal.SIGTERM) is before  # the program's hold on SIGTERM given back


def test_one_unreadable_stored_value_is_said_once_in_one_analyze_save(tmp_path, monkeypatch):
    """QA s35 F #7: `analyze --save` opens the archive four times (the focus, the save, the earlier
    attempt, the note check) and each said the same warning: once per command now."""
    import sqlite3

    from click.testing import CliRunner

    from furikaeri import stream
    from furikaeri.session import save_analysis

    home = tmp_path / "h"
    save_analysis(_analysis(), audio_path=_recording(tmp_path), session="s1", question="Why?", home=home)
    with sqlite3.connect(home / "furikaeri.db") as c:
        c.execute("UPDATE answers SET answer_s = 'abc', created_at = 'garbage', wpm = 'x'")
    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: _analysis())
    take = tmp_path / "again.flac"
    take.write_bytes(b"fLaC" + bytes(3000))
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(take), "--save", "-q", "Why?",
                                 "--session", "s1"])
    assert r.exit_code == 0, (r.output, r.exception)
    assert r.stderr.count("answer 1: some of its stored values cannot be read") == 1, r.stderr


# --------------------------------------------------------------------------- record --out elsewhere


def test_record_out_elsewhere_repairs_and_names_a_take_killed_in_the_archive(tmp_path, monkeypatch):
    """QA s35 B #4: a take killed in the archive's takes/ folder was repaired and named only by a
    `record` into that folder: someone who always records with --out was never told of it."""
    import numpy as np
    from click.testing import CliRunner

    from furikaeri import capture
    from furikaeri.capture import Device, _TakeWriter, find_partial_takes, leave_unfinished, take_settings

    home = tmp_path / "h"
    killed = home / "takes" / "take-1.wav"
    killed.parent.mkdir(parents=True)
    writer = _TakeWriter(killed, 16000, 1)
    t = np.arange(32000)
    writer.append((3000 * np.sin(t * 0.1) * (t > 8000)).astype(np.int16).tobytes())  # a breath, then a voice
    writer.close()
    with take_settings(killed, dict(question="jikoshokai", budget=30, language="ja", save=True, session="mock1",
                                    note="結論から話す", model=None)):
        leave_unfinished(_take(killed))
    assert find_partial_takes(killed.parent) == [killed]

    mic = Device(index=0, name="default", default_rate=16000, channels=1, is_default=True)
    monkeypatch.setattr(capture, "resolve_device", lambda device: mic)

    def no_take(path, **_):  # the microphone gives nothing: the repair before it is what is checked
        raise capture.DeviceError("no microphone here")

    monkeypatch.setattr(live, "record_take", no_take)
    out = tmp_path / "elsewhere" / "t7.wav"
    out.parent.mkdir()
    r = CliRunner().invoke(cli, ["--home", str(home), "record", "--max-seconds", "2", "--out", str(out)])
    assert find_partial_takes(killed.parent) == []
    said = r.stderr
    assert str(killed) in said and "--session mock1" in said and "--home" in said, said


# --------------------------------------------------------------------------- the panel's overrun


@pytest.mark.parametrize("language, over_said", [("ja", "持ち時間5秒を3秒超えました"), ("en", "budget by 0:03.")])
def test_the_panels_last_overrun_is_the_reports(language, over_said):
    """QA s35 B #6: 7.8 s of a 5-s budget ended on the panel as 0:07 / 0:05, over by 0:02, and the
    report said 7.8 / 5 s, 3 s over. Once done the panel says the report's 3 s; while recording
    its overrun is the running clock's own difference."""
    from rich.console import Console

    from furikaeri.measure import over_shown

    assert over_shown(7.8 - 5.0) == 3  # the report's figure (its length row, tips, focus line)

    def said(panel) -> str:
        console = Console(width=100, record=True, force_terminal=False)
        console.print(panel.render())
        return console.export_text()

    panel = live.LivePanel(Console(width=100), question="Q", budget=5.0, language=language,
                           spoken=lambda: (1.0, 8.8))
    panel.update(9.0, -30.0)
    running = said(panel)
    assert "0:07 / 0:05" in running and ("0:02" if language == "en" else "2秒") in running, running
    panel.done = True
    done = said(panel)
    assert "0:08 / 0:05" in done and over_said in done, done  # the report's 7.8 s, halves up (QA s47 GG #2)


def test_recover_removes_and_names_a_cut_off_copy(tmp_path):
    """`recover` removes the hidden copy a killed save left, and says so; one being made by a
    running save (its lock held) stays."""
    import fcntl
    import os

    from click.testing import CliRunner

    from furikaeri.session import COPYING_PREFIX
    from furikaeri.store import audio_dir

    home = tmp_path / "h"
    audio_dir(home).mkdir(parents=True)
    left = audio_dir(home) / (COPYING_PREFIX + "20261205T173823-take.flac")
    left.write_bytes(bytes(1000))
    busy = audio_dir(home) / (COPYING_PREFIX + "20261205T173900-other.flac")
    busy.write_bytes(bytes(1000))
    fd = os.open(busy, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        r = CliRunner().invoke(cli, ["--home", str(home), "recover"])
    finally:
        os.close(fd)
    assert r.exit_code == 0, r.output
    assert not left.exists() and busy.exists()
    assert "half-copied" in r.stderr and left.name in r.stderr and busy.name not in r.stderr, r.stderr
