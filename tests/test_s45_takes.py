"""Session 45: a take to be saved keeps its ``.partial`` marker until its answer is saved, so a
crash, a kill -9 or a terminal closed while it is analysed leaves it for ``recover`` with its
settings (QA s45 S #1, #2: the marker went as the take ended; the take lay on disk with nothing
pointing at it)."""
from __future__ import annotations

import json
import os
import signal
import threading

import pytest
from pulse_fixture import pulse  # noqa: F401  (fixture)
from test_capture import FAKE_MIC, JFK, env_for, need_jfk, noise, run_cli, start_cli, wait_until_recording

from furikaeri import capture
from furikaeri.capture import marker_path


def test_a_take_to_be_saved_keeps_its_marker_locked_till_released(monkeypatch, tmp_path):
    from test_capture import FakePortAudio

    monkeypatch.setattr(capture, "_sounddevice", lambda: FakePortAudio(noise(2.0)))
    path = tmp_path / "t.wav"
    with capture.take_settings(path, {"question": "Why us?", "save": True, "note": "slower"}):
        take = capture.record_take(path, device=FAKE_MIC, max_seconds=1.0)
    marker = marker_path(take.path)
    info = json.loads(marker.read_text())
    assert info["settings"] == {"question": "Why us?", "save": True, "note": "slower"} and info["pid"] == os.getpid()
    assert capture.find_partial_takes(tmp_path) == []  # held by this process: being analysed, not a killed one's
    capture.release_take(take.path)
    assert not marker.exists() and capture.find_partial_takes(tmp_path) == []
    capture.release_take(take.path)  # twice: nothing more


def test_a_held_marker_a_process_let_go_of_is_a_killed_takes(monkeypatch, tmp_path):
    # what the end of a killed process does to the held descriptor: the lock goes, the marker stays
    from test_capture import FakePortAudio

    monkeypatch.setattr(capture, "_sounddevice", lambda: FakePortAudio(noise(2.0)))
    path = tmp_path / "k.wav"
    with capture.take_settings(path, {"question": "Why us?", "save": True}):
        take = capture.record_take(path, device=FAKE_MIC, max_seconds=1.0)
    os.close(capture._HELD.pop(path.absolute()))
    assert capture.find_partial_takes(tmp_path) == [take.path]
    assert capture.settings_of(take.path)["question"] == "Why us?"


def test_a_take_recorded_without_settings_loses_its_marker_as_it_ends(monkeypatch, tmp_path):
    from test_capture import FakePortAudio

    monkeypatch.setattr(capture, "_sounddevice", lambda: FakePortAudio(noise(2.0)))
    take = capture.record_take(tmp_path / "m.wav", device=FAKE_MIC, max_seconds=1.0)  # mic-check's, a test's
    assert not marker_path(take.path).exists() and not capture._HELD


@pytest.mark.mic
def test_record_save_killed_while_the_take_is_analysed_leaves_it_for_recover(pulse, tmp_path):  # noqa: F811
    need_jfk()
    env = env_for(pulse, tmp_path)
    out = tmp_path / "home" / "takes" / "killed.wav"
    out.parent.mkdir(parents=True)
    p = start_cli(["record", "--max-seconds", "3", "--out", str(out), "--no-stream", "--save",
                   "-q", "Why this industry?", "--budget", "45", "-l", "en", "--note", "slower"], env)
    wait_until_recording(out)
    player = pulse.play(JFK)
    ended = threading.Event()

    def watch():  # the take's end is said (its path) before it is analysed
        for line in p.stderr:
            if f"recorded {out}" in line:
                ended.set()

    threading.Thread(target=watch, daemon=True).start()
    try:
        assert ended.wait(30), "the take never ended"
        assert marker_path(out).exists()  # kept while the answer is analysed
        p.send_signal(signal.SIGKILL)
        p.wait(10)
    finally:
        p.kill()
        player.kill()
        player.wait()
    r = run_cli(["recover"], env)
    said = " ".join(r.stdout.split())
    assert r.returncode == 0 and str(out) in said, r.stdout + r.stderr
    assert "--save --cut-off -q 'Why this industry?' --budget 45 -l en --note slower" in said, said  # killed: cut
    assert "nothing saved yet" in run_cli(["history"], env).stdout


def test_practice_releases_a_take_once_its_answer_is_saved_and_not_before(tmp_path, monkeypatch):
    # the session calls AnswerAudio.release after the save; a save that fails keeps the marker
    from pathlib import Path

    from click.testing import CliRunner
    from test_archive_robust import _quiet_wav, analysis

    from furikaeri.cli import cli, practice_cmd
    from furikaeri.session import AnswerAudio

    take = _quiet_wav(tmp_path / "take.wav")
    released: list[int] = []

    def answers_saved(home) -> int:
        from furikaeri.store import Store

        with Store.open(Path(home), read_only=True) as st:
            return len(st.answers())

    def microphone(home, *, asked=None, **_):
        def record(index, q, budget, now):
            return AnswerAudio(Path(take), recorded=False, analysis=analysis,
                               release=lambda: released.append(answers_saved(home)))

        return record

    monkeypatch.setattr(practice_cmd, "_microphone", microphone)
    monkeypatch.setattr(practice_cmd, "_check_microphone", lambda device: None)
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "2", "--no-reflect"])
    assert r.exit_code == 0, r.output
    assert released == [1, 2], released  # once an answer, after it was saved


def test_a_terminal_closed_under_the_command_ends_it_with_143_and_nothing_more(tmp_path):
    # QA s45 S #1: every write failed with EIO, the error line too: "lost sys.stderr", exit 1
    import subprocess
    import sys

    code = """
import errno, sys
from furikaeri.cli import app, archive_cmd
def gone(*a, **k):
    raise OSError(errno.EIO, "Input/output error")
app.fail = gone            # the terminal is gone: the error line cannot be written either
archive_cmd.open_store = gone
app.cli(["history"])
"""
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "FURIKAERI_HOME": str(tmp_path / "h")})
    assert r.returncode == 143 and r.stdout == "" and "Traceback" not in r.stderr, r


def test_the_enter_key_watch_restores_a_terminal_that_closed_without_an_error(monkeypatch):
    import termios

    from furikaeri.cli.live import _EnterKey

    key = _EnterKey.__new__(_EnterKey)
    key.fd, key._saved, key._typed = 0, [0] * 7, bytearray()

    def gone(*_):
        raise termios.error(5, "Input/output error")

    monkeypatch.setattr(termios, "tcsetattr", gone)
    assert key.__exit__(None, None, None) is False


def test_a_librarys_error_raised_as_ctrl_c_broke_into_it_is_interrupted_not_a_bug(tmp_path):
    # QA s45 S #5: Ctrl-C a second into `analyze` (onnxruntime being imported): "unexpected
    # RuntimeError: Applying the VAD filter requires the onnxruntime package", exit 70. In a
    # process of its own: "interrupted" leaves at once (os._exit) where other threads run.
    import subprocess
    import sys

    code = """
import sys
from furikaeri.cli import app, archive_cmd
def importing(*a, **k):
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as e:
        raise RuntimeError("Applying the VAD filter requires the onnxruntime package") from e
def bug(*a, **k):
    raise RuntimeError("a real bug")
archive_cmd.open_store = importing if sys.argv[1] == "ctrl-c" else bug
app.cli(["history"])
"""
    env = {**os.environ, "FURIKAERI_HOME": str(tmp_path / "h")}
    r = subprocess.run([sys.executable, "-c", code, "ctrl-c"], capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 130 and "interrupted" in r.stderr and "onnxruntime" not in r.stderr, r
    r = subprocess.run([sys.executable, "-c", code, "bug"], capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 70 and "a real bug" in r.stderr, r
