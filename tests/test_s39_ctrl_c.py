"""Ctrl-C during a take raises nothing wherever the main thread is (CI, s39).

The first Ctrl-C used to raise KeyboardInterrupt from the signal handler, at whatever step the
writer loop was: inside a :class:`queue.Queue` shared with PortAudio's callback thread it could
leave the queue's lock held (or released twice), and ``stream.stop()`` then waited for the
callback for good: ``timeout -s INT`` (two SIGINTs at once) hung one CI run in thousands. Now the
handler only notes the press, and the loop ends the take at its next turn.
"""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from furikaeri import capture

from test_capture import FAKE_MIC, FakePortAudio, noise, wav_pcm


@pytest.fixture
def fake_mic(monkeypatch):
    pa = FakePortAudio(noise(3.0), speed=2.0)
    monkeypatch.setattr(capture, "_sounddevice", lambda: pa)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    return pa


def test_ctrl_c_never_breaks_into_the_step_the_loop_is_at(fake_mic, tmp_path):
    """SIGINT arrives while the loop is inside a step (here the progress call, as it could be
    inside a queue's get or put): the step runs to its end, then the take ends as Ctrl-C's."""
    steps = {"begun": 0, "ended": 0}

    def on_progress(elapsed, level):
        steps["begun"] += 1
        if steps["begun"] == 3:
            threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT)).start()
            time.sleep(0.3)  # the handler runs in here, between two of this step's bytecodes
        steps["ended"] += 1

    recorder = capture.Recorder(tmp_path / "t.wav", device=FAKE_MIC, on_progress=on_progress)
    take = recorder.record()
    assert steps["begun"] == steps["ended"] >= 3  # no step cut short
    assert take.stopped_by == "interrupt" and recorder.held_interrupts == 0
    assert wav_pcm(take.path) == fake_mic.sent_pcm()  # whole, its header written
    assert not capture.marker_path(take.path).exists()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_two_presses_at_once_end_the_take_once(fake_mic, tmp_path):
    """``timeout -s INT`` signals the process and its group: the second press is held."""
    def on_progress(elapsed, level):
        if elapsed >= 0.5 and not fired:
            fired.append(True)
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)

    fired: list[bool] = []
    recorder = capture.Recorder(tmp_path / "t.wav", device=FAKE_MIC, on_progress=on_progress)
    take = recorder.record()
    assert take.stopped_by == "interrupt" and 0.5 <= take.duration_s < 2.0
    assert recorder.held_interrupts >= 1  # two at once may reach Python as one; the third is held
    assert wav_pcm(take.path) == fake_mic.sent_pcm()


def test_ctrl_c_before_the_first_block_ends_the_take_at_once(fake_mic, tmp_path, monkeypatch):
    """Pressed while the stream starts: nothing raised there either; the take ends empty-handed
    at the loop's first turn (the live path then says "interrupted", as before)."""
    real_start = capture.Recorder._start

    def start(self, sd, stream):
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        real_start(self, sd, stream)

    monkeypatch.setattr(capture.Recorder, "_start", start)
    take = capture.record_take(tmp_path / "t.wav", device=FAKE_MIC)
    assert take.stopped_by == "interrupt" and take.duration_s < 0.5


@pytest.mark.parametrize("argv, env, said", [
    (["record", "--language", "ja"], {"LANG": "C.UTF-8"}, "中断しました"),
    (["record", "-l", "ja"], {}, "中断しました"),
    (["history", "--lang=ja"], {}, "中断しました"),
    (["record", "--language", "en"], {"LANG": "ja_JP.UTF-8"}, "interrupted"),
    (["record"], {"LANG": "ja_JP.UTF-8"}, "中断しました"),
    (["record"], {"LANG": "C.UTF-8"}, "interrupted"),
    (["record", "--language", "auto"], {"LC_ALL": "ja_JP.UTF-8"}, "中断しました"),
])
def test_ctrl_c_before_the_command_line_is_read_speaks_its_language(monkeypatch, argv, env, said):
    """QA s39 Y #6: Ctrl-C half a second into `record --language ja` said "interrupted"."""
    from furikaeri.__main__ import _interrupted_line

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert _interrupted_line(argv) == f"furikaeri: {said}\n"
