"""QA s36 C #1, #2, #6 (helper f4).

#1: the command `recover` (and the next `record`) suggests for a take in ``takes/``, run twice,
saved the same take twice: the archive keeps a copy under another name, and only that copy's
path was compared. The same bytes are now known as the same recording; a new recording of the
same name is still the person's to save.

#6: a write waited up to 30 s for another process's lock in silence; a wait longer than about a
second is now said, once, in the command's language.

#2: a second Ctrl-C while a take was being closed (``timeout -s INT`` sends two) escaped from
PortAudio's stream.stop(): nothing was analysed or saved, and the take was not named."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import furikaeri.store
from furikaeri import capture
from furikaeri.cli import cli
from furikaeri.store import Store

from pulse_fixture import pulse  # noqa: F401  (fixture)
from test_archive_robust import analysis, seed
from test_capture import (FAKE_MIC, FakePortAudio, FakeStream, ctrl_c_twice, load16k, noise, wav_pcm)


# --------------------------------------------------------------------------- #1 saved twice


@pytest.fixture
def analysed(monkeypatch):
    """The analysis of any file: a fixed answer (the saving is what is tested); counts calls."""
    calls = []

    def fake(path, **kwargs):
        calls.append(path)
        return analysis("so I study physics and I like it", 40.0)

    monkeypatch.setattr("furikaeri.stream.analyze_recording", fake)
    return calls


def _take(home, name="take-20261205-203233-en-basic-intro.wav", fill=b"\x01\x02"):
    takes = home / "takes"
    takes.mkdir(parents=True, exist_ok=True)
    path = takes / name
    path.write_bytes(b"RIFF" + bytes(40) + fill * 5000)
    return path


def _answers(home) -> int:
    with Store.open(home) as st:
        return len(st.answers())


@pytest.mark.parametrize("lang, said", [("C.UTF-8", "is already saved as answer 1"), ("ja_JP.UTF-8", "は回答1として保存済みです")])
def test_a_take_saved_from_takes_is_not_saved_again(furikaeri_home, analysed, monkeypatch, lang, said):
    monkeypatch.setenv("LANG", lang)
    take = _take(furikaeri_home)
    first = CliRunner().invoke(cli, ["analyze", str(take), "--save", "--budget", "90"])
    assert first.exit_code == 0, first.output
    assert _answers(furikaeri_home) == 1 and len(analysed) == 1
    copies = list((furikaeri_home / "audio").glob("*.wav"))
    assert len(copies) == 1 and copies[0].name != take.name  # the archive's copy, under another name
    again = CliRunner().invoke(cli, ["analyze", str(take), "--save", "--budget", "90"])
    assert again.exit_code == 2, again.output
    lines = [ln for ln in again.stderr.splitlines() if ln.startswith("furikaeri:")]
    assert len(lines) == 1 and said in lines[0] and str(take) in lines[0], again.stderr
    assert _answers(furikaeri_home) == 1 and len(analysed) == 1  # refused before the analysis
    assert list((furikaeri_home / "audio").glob("*.wav")) == copies


def test_a_copy_elsewhere_of_a_saved_recording_is_refused_the_other_files_go_on(furikaeri_home, analysed, tmp_path):
    take = _take(furikaeri_home)
    assert CliRunner().invoke(cli, ["analyze", str(take), "--save"]).exit_code == 0
    elsewhere = tmp_path / "mine" / "answer.wav"
    elsewhere.parent.mkdir()
    (kept,) = (furikaeri_home / "audio").glob(f"*-{take.name}")  # the take itself went from takes/ (QA s51 TT #6)
    shutil.copy(kept, elsewhere)
    other = _take(furikaeri_home, "take-20261205-210000.wav", fill=b"\x03\x04")  # the same size, other audio
    r = CliRunner().invoke(cli, ["analyze", str(elsewhere), str(other), "--save"])
    assert r.exit_code == 2, r.output
    assert f"{elsewhere} is already saved as answer 1" in r.stderr
    assert _answers(furikaeri_home) == 2  # the other take is saved


def test_a_new_recording_of_the_same_name_is_saved(furikaeri_home, analysed):
    take = _take(furikaeri_home)
    assert CliRunner().invoke(cli, ["analyze", str(take), "--save"]).exit_code == 0
    assert not take.exists()  # saved: it went from takes/ (QA s51 TT #6)
    _take(furikaeri_home, take.name, fill=b"\x05\x06")  # recorded anew: the same name and size
    r = CliRunner().invoke(cli, ["analyze", str(take), "--save"])
    assert r.exit_code == 0 and "already saved" not in r.stderr, r.output
    assert _answers(furikaeri_home) == 2


def test_the_archives_own_copy_is_named_before_another_of_the_same_bytes(furikaeri_home, analysed):
    ids = seed(furikaeri_home, 3)  # three answers whose files hold the same bytes
    take = furikaeri_home / "audio" / "take2.wav"
    r = CliRunner().invoke(cli, ["analyze", str(take), "--save"])
    assert r.exit_code == 2 and f"is already saved as answer {ids[2]} " in r.stderr, r.stderr


# --------------------------------------------------------------------------- #6 waiting for a lock


@pytest.fixture
def short_waits(monkeypatch):
    monkeypatch.setattr(furikaeri.store, "BUSY_NOTICE_S", 0.3, raising=False)
    monkeypatch.setattr(furikaeri.store, "BUSY_TIMEOUT_S", 2.0)


def _lock_for(db, seconds: float) -> threading.Thread:
    """Another connection's write lock on ``db``, let go after ``seconds`` (in a thread)."""
    c = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    c.execute("BEGIN IMMEDIATE")

    def let_go():
        time.sleep(seconds)
        c.execute("ROLLBACK")
        c.close()

    t = threading.Thread(target=let_go)
    t.start()
    return t


@pytest.mark.parametrize("lang, said", [("C.UTF-8", "furikaeri: warning: the archive {home} is busy (another "
                                         "furikaeri, or a program that opened it?): waiting up to 2 s for it…"),
                                        ("ja_JP.UTF-8", "furikaeri: 警告: アーカイブ {home} は使用中です")])
def test_a_long_wait_for_the_lock_is_said_once_then_the_write_goes_on(furikaeri_home, short_waits, monkeypatch,
                                                                      lang, said):
    monkeypatch.setenv("LANG", lang)
    seed(furikaeri_home, 1)
    t = _lock_for(furikaeri_home / "furikaeri.db", 0.9)
    r = CliRunner().invoke(cli, ["reflect", "-c", "Acme", "-q", "Why us?", "-a", "the product"])
    t.join()
    assert r.exit_code == 0, r.output
    waits = [ln for ln in r.stderr.splitlines() if "busy" in ln or "使用中" in ln]
    assert len(waits) == 1 and waits[0].startswith(said.format(home=furikaeri_home)), r.stderr
    with Store.open(furikaeri_home) as st:
        assert len(st.interviews()) == 1


def test_a_short_wait_is_not_said(furikaeri_home, short_waits):
    seed(furikaeri_home, 1)
    t = _lock_for(furikaeri_home / "furikaeri.db", 0.1)
    r = CliRunner().invoke(cli, ["note", "1", "--next", "slow down"])
    t.join()
    assert r.exit_code == 0 and r.stderr == "", r.stderr


def test_a_wait_in_vain_says_it_waits_then_that_it_stayed_locked(furikaeri_home, short_waits):
    seed(furikaeri_home, 1)
    t = _lock_for(furikaeri_home / "furikaeri.db", 3.0)
    started = time.monotonic()
    r = CliRunner().invoke(cli, ["note", "1", "--next", "slow down"])
    waited = time.monotonic() - started
    t.join()
    assert r.exit_code == 2, r.output
    lines = r.stderr.strip().splitlines()
    assert "is busy" in lines[0] and "stayed locked" in lines[-1] and len(lines) == 2, r.stderr
    assert 1.8 < waited < 2.8  # the whole timeout, not one more


def test_the_busy_timeout_is_kept_after_a_wait(furikaeri_home, short_waits):
    seed(furikaeri_home, 1)
    t = _lock_for(furikaeri_home / "furikaeri.db", 0.5)
    with Store.open(furikaeri_home) as st:
        st.check_writable()
        assert st.db.execute("PRAGMA busy_timeout").fetchone()[0] == 2000
    t.join()


# --------------------------------------------------------------------------- #2 Ctrl-C twice while a take closes



class _PressedAgainWhileStopping(FakeStream):
    """A stream whose stop() meets a second Ctrl-C (a real SIGINT to this process), as
    PortAudio's Pa_StopStream met the second of ``timeout -s INT``'s two signals."""

    def stop(self):
        if self.active:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # the handler runs here, inside stop(), in the main thread
        super().stop()


@pytest.fixture
def mic_pressed_twice(monkeypatch):
    pa = FakePortAudio(noise(3.0), speed=2.0)
    pa.RawInputStream = lambda **kw: _PressedAgainWhileStopping(pa, **kw)
    monkeypatch.setattr(capture, "_sounddevice", lambda: pa)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    return pa


def _press_ctrl_c_after(seconds: float) -> threading.Timer:
    t = threading.Timer(seconds, os.kill, (os.getpid(), signal.SIGINT))
    t.start()
    return t


def _recorded(recorder):
    try:
        return recorder.record()
    except KeyboardInterrupt:  # before: from stream.stop(), the take never returned
        pytest.fail("the second Ctrl-C escaped from the closing take")


def test_ctrl_c_twice_while_the_take_closes_returns_the_whole_take(mic_pressed_twice, tmp_path):
    pa = mic_pressed_twice
    recorder = capture.Recorder(tmp_path / "t.wav", device=FAKE_MIC)
    _press_ctrl_c_after(0.4).join(0)
    take = _recorded(recorder)
    assert take.stopped_by == "interrupt" and take.duration_s > 0.3
    assert recorder.held_interrupts == 1
    assert wav_pcm(take.path) == pa.sent_pcm()  # whole, its header written
    assert not capture.marker_path(take.path).exists()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # given back
    with pytest.raises(KeyboardInterrupt):  # and Ctrl-C is Ctrl-C again
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.5)


def test_ctrl_c_while_a_take_the_limit_ended_closes_is_held(mic_pressed_twice, tmp_path):
    recorder = capture.Recorder(tmp_path / "t.wav", device=FAKE_MIC, max_seconds=0.5)
    take = _recorded(recorder)
    assert take.stopped_by == "max_seconds" and take.duration_s == 0.5 and recorder.held_interrupts == 1


def test_a_take_outside_the_main_thread_leaves_ctrl_c_alone(fake_mic_plain, tmp_path):
    got = {}
    t = threading.Thread(target=lambda: got.update(take=capture.record_take(tmp_path / "t.wav", device=FAKE_MIC,
                                                                           max_seconds=0.3)))
    t.start()
    t.join(10)
    assert got["take"].stopped_by == "max_seconds"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.fixture
def fake_mic_plain(monkeypatch):
    pa = FakePortAudio(noise(1.0), speed=4.0)
    monkeypatch.setattr(capture, "_sounddevice", lambda: pa)
    return pa


@pytest.mark.mic
@pytest.mark.parametrize("gap", [0.0, 0.005])
def test_two_sigints_at_once_end_the_take_and_it_is_saved(pulse, tmp_path, gap):  # noqa: F811
    """``timeout -s INT`` sends two; the second used to reach PortAudio's stop: "interrupted",
    nothing analysed or saved, the take not named."""
    p, env, out, stdout, stderr = ctrl_c_twice(pulse, tmp_path, after=4.0, gap=gap)
    assert "Traceback" not in stderr and "furikaeri: interrupted" not in stderr, stderr
    assert p.returncode in (0, 130), stderr
    a = json.loads(stdout)
    with Store.open(Path(env["FURIKAERI_HOME"])) as st:
        assert st.answer(a["answer_id"]) is not None
    assert len(load16k(out)) / 16000 > 3.0 and not capture.marker_path(out).exists()
