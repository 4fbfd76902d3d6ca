"""Recording through the microphone: real PortAudio, from a private PulseAudio "microphone".

The ``mic`` tests start a PulseAudio server (tests/pulse.py) whose default source hears a known
file, run ``furikaeri`` in a subprocess with that environment (PortAudio reads the ALSA
configuration when it starts) and check what landed on disk against the source. Real time
spent recording: about 35 s. The unit tests at the top need no sound at all.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from furikaeri import capture
from furikaeri.capture import Device, LevelTracker, level_report, marker_path
from furikaeri.errors import DeviceError
from pulse_fixture import no_sound_env, pulse  # noqa: F401  (fixtures)

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "audio"
JFK = SHARED / "en" / "jfk.flac"
CLI = [sys.executable, "-m", "furikaeri"]


def need_jfk():
    if not JFK.exists():
        pytest.skip(f"shared recordings not found at {SHARED} (expected ../shared/audio beside the repo)")


# --------------------------------------------------------------------------- unit tests (no sound)


def tone(seconds, rate=16000, amp=0.3, freq=220.0):
    t = np.arange(int(seconds * rate)) / rate
    return np.clip(amp * np.sin(2 * np.pi * freq * t) * 32767, -32767, 32767).astype(np.int16)


def quiet(seconds, rate=16000, amp=0.0005, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.normal(0, amp, int(seconds * rate)) * 32767).astype(np.int16)


def test_level_tracker_hears_speech_then_counts_silence():
    rate = 16000
    tr = LevelTracker(rate)
    tr.feed(quiet(1.0))
    assert not tr.speech_heard and tr.silence_s == 0.0
    assert -75 < tr.noise_floor_dbfs < -60
    tr.feed(tone(0.5))
    assert tr.speech_heard
    assert tr.level_dbfs == pytest.approx(20 * np.log10(0.3 / np.sqrt(2)), abs=0.5)
    # fed in odd-sized blocks, as PortAudio delivers them
    x = quiet(1.5, seed=1)
    for i in range(0, len(x), 333):
        tr.feed(x[i:i + 333].tobytes())
    assert tr.silence_s == pytest.approx(1.5, abs=0.06)


def test_level_tracker_ignores_a_click():
    tr = LevelTracker(16000)
    x = quiet(2.0)
    x[8000:8400] = 20000  # 25 ms click
    tr.feed(x)
    assert not tr.speech_heard


def test_level_tracker_stereo_is_averaged():
    tr = LevelTracker(16000, channels=2)
    mono = tone(0.5)
    tr.feed(np.column_stack([mono, mono]).ravel())
    assert tr.level_dbfs == pytest.approx(20 * np.log10(0.3 / np.sqrt(2)), abs=0.5)


@pytest.mark.parametrize(
    "signal_, verdict",
    [
        (np.zeros(48000, dtype=np.int16), "silent"),
        (np.concatenate([quiet(1.0), tone(1.0, amp=0.003)]), "too_quiet"),
        (np.concatenate([quiet(1.0), tone(1.0, amp=1.2)]), "clipping"),
        (np.concatenate([quiet(1.0), tone(1.0, amp=0.2)]), "fine"),
    ],
)
def test_level_report_verdicts(signal_, verdict):
    r = level_report(np.clip(signal_, -32768, 32767).astype(np.int16), 16000)
    assert r.verdict == verdict, r
    assert r.message.startswith(verdict.replace("_", " "))


def test_level_report_figures():
    x = np.concatenate([quiet(2.0), tone(1.0, amp=0.5)])
    r = level_report(x, 16000)
    assert r.peak_dbfs == pytest.approx(20 * np.log10(0.5), abs=0.2)
    assert r.rms_dbfs == pytest.approx(20 * np.log10(0.5 / np.sqrt(2)), abs=0.5)
    assert -75 < r.noise_floor_dbfs < -60
    assert r.clipped_share == 0


def test_resolve_device_by_index_name_and_part(monkeypatch):
    devs = [Device(0, "USB Audio Mic", 48000, 1, False), Device(3, "default", 44100, 2, True),
            Device(4, "USB Headset", 16000, 1, False)]
    monkeypatch.setattr(capture, "list_devices", lambda: devs)
    assert capture.resolve_device(None).index == 3
    assert capture.resolve_device(4).name == "USB Headset"
    assert capture.resolve_device("0").name == "USB Audio Mic"
    assert capture.resolve_device("DEFAULT").index == 3
    assert capture.resolve_device("headset").index == 4
    with pytest.raises(DeviceError, match="several"):
        capture.resolve_device("usb")
    with pytest.raises(DeviceError, match=r"no input device named 'Blue Yeti'; input devices: 0: USB Audio Mic; 3: default"):
        capture.resolve_device("Blue Yeti")
    with pytest.raises(DeviceError, match="index 7"):
        capture.resolve_device(7)
    monkeypatch.setattr(capture, "list_devices", lambda: [])
    with pytest.raises(DeviceError, match="no microphone found"):
        capture.resolve_device(None)


def test_write_error_messages_keep_the_take():
    import errno

    full = capture._write_error_message(Path("t.wav"), OSError(errno.ENOSPC, "No space left on device"), 12.34, True)
    assert "disk is full" in full and "first 12.3 s are kept in t.wav" in full and "free some space" in full
    big = capture._write_error_message(Path("t.wav"), OSError(errno.EFBIG, "File too large"), 2.0, False)
    assert "size this system allows" in big and "furikaeri recover" in big


def write_killed_take(path: Path, samples: np.ndarray, rate: int, *, header_lag_bytes: int = 0) -> None:
    """What a SIGKILL leaves: a WAV whose header lengths are stale, and the .partial marker."""
    data = samples.astype("<i2").tobytes()
    stale = max(0, len(data) - header_lag_bytes)
    path.write_bytes(capture._wav_header(rate, 1, stale) + data + b"\x01")  # + half a frame
    marker_path(path).write_text(json.dumps({"rate": rate, "channels": 1, "pid": 1}))


def test_recover_take_fixes_header_and_marker(tmp_path):
    from furikaeri.audio import load_audio

    rate = 22050
    x = np.concatenate([quiet(1.0, rate), tone(1.0, rate), quiet(0.5, rate)])
    take = tmp_path / "a.wav"
    write_killed_take(take, x, rate, header_lag_bytes=rate)  # header half a second behind
    (tmp_path / "b.wav").write_bytes(b"not a take")  # no marker: not ours to touch
    assert capture.find_partial_takes(tmp_path) == [take]
    t = capture.recover_take(take)
    assert t.duration_s == pytest.approx(2.5, abs=1e-3)
    assert t.rate == rate and t.channels == 1 and t.speech_heard and t.stopped_by == "interrupt"
    assert not marker_path(take).exists()
    assert take.stat().st_size == 44 + len(x) * 2
    audio = load_audio(take)
    assert audio.duration == pytest.approx(2.5, abs=0.01)
    assert capture.find_partial_takes(tmp_path) == []


def test_recover_take_with_only_a_marker_and_no_header(tmp_path):
    take = tmp_path / "c.wav"
    take.write_bytes(b"RIFF")  # killed while writing the header
    marker_path(take).write_text(json.dumps({"rate": 16000, "channels": 1}))
    t = capture.recover_take(take)
    assert t.duration_s == 0 and not t.speech_heard
    with pytest.raises(Exception):
        capture.recover_take(tmp_path / "missing.wav")


def test_a_take_being_recorded_is_left_alone(tmp_path):
    w = capture._TakeWriter(tmp_path / "live.wav", 16000, 1)
    try:
        w.append(tone(0.5).tobytes())
        assert capture.find_partial_takes(tmp_path) == []  # the recorder holds the lock
        with pytest.raises(Exception, match="being recorded"):
            capture.recover_take(tmp_path / "live.wav")
    finally:
        assert w.close()
    assert not marker_path(tmp_path / "live.wav").exists()
    hdr = (tmp_path / "live.wav").read_bytes()[:44]
    assert struct.unpack("<I", hdr[40:44])[0] == 16000


def invoke(args):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    return CliRunner().invoke(cli, args)


def test_record_refuses_to_overwrite(tmp_path):
    existing = tmp_path / "answer.wav"
    existing.write_bytes(b"precious")
    r = invoke(["record", "--out", str(existing), "--max-seconds", "1"])
    assert r.exit_code == 2
    assert "already exists" in r.output and "Traceback" not in r.output
    assert existing.read_bytes() == b"precious"


def test_recover_command_repairs_and_reports(tmp_path, furikaeri_home):
    takes = furikaeri_home / "takes"
    takes.mkdir(parents=True)
    rate = 16000
    write_killed_take(takes / "k.wav", np.concatenate([quiet(0.5), tone(1.0), quiet(0.5)]), rate,
                      header_lag_bytes=8000)
    r = invoke(["recover", "--json"])  # default folder: <data dir>/takes
    assert r.exit_code == 0, r.output
    [t] = json.loads(r.output)
    assert t["path"] == str(takes / "k.wav") and t["duration_s"] == pytest.approx(2.0, abs=1e-3)
    r = invoke(["recover", str(takes)])
    assert r.exit_code == 0 and "No interrupted takes" in r.output


# --------------------------------------------------------------------------- helpers for the real tests


def run_cli(args, env, timeout=120, **kw):
    return subprocess.run([*CLI, *args], env=env, capture_output=True, text=True, timeout=timeout, **kw)


def start_cli(args, env, **kw):
    return subprocess.Popen([*CLI, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def take_rate(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:44]
    channels, rate = struct.unpack("<HI", head[22:28])
    return rate, channels


def wait_until_recording(path: Path, timeout=15.0, min_audio_s=0.05) -> tuple[float, float]:
    """Wait until ``path`` holds audio; (monotonic time then, seconds of audio on disk then)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            size = 0
        if size > 44:
            rate, channels = take_rate(path)
            audio_s = (size - 44) / (2 * channels * rate)
            if audio_s >= min_audio_s:
                return time.monotonic(), audio_s
        time.sleep(0.01)
    raise AssertionError(f"{path} never started filling")


def env_for(pulse, tmp_path):
    env = dict(pulse.env)
    env["FURIKAERI_HOME"] = str(tmp_path / "home")
    env.pop("FURIKAERI_DEBUG", None)
    return env


def load16k(path):
    from furikaeri.audio import load_audio

    return load_audio(path).samples


def frame_db(x, rate=16000, frame_s=0.01):
    n = int(rate * frame_s)
    m = len(x) // n
    f = x[: m * n].reshape(m, n).astype(np.float64)
    return 20 * np.log10(np.sqrt((f * f).mean(axis=1)) + 1e-9)


def onset_s(x, rate=16000, threshold_db=-35.0):
    db = frame_db(x, rate)
    idx = np.flatnonzero(db > threshold_db)
    return float(idx[0]) * 0.01 if len(idx) else None


def offset_s(x, rate=16000, threshold_db=-35.0):
    db = frame_db(x, rate)
    idx = np.flatnonzero(db > threshold_db)
    return float(idx[-1] + 1) * 0.01 if len(idx) else None


def best_lag(take, src, rate=16000):
    """(lag in seconds of ``src`` inside ``take``, normalised correlation there)."""
    from scipy.signal import correlate

    c = correlate(take, src, mode="valid", method="fft")
    k = int(np.argmax(c))
    seg = take[k:k + len(src)]
    corr = float(np.dot(seg, src) / (np.linalg.norm(seg) * np.linalg.norm(src) + 1e-12))
    return k / rate, corr


# --------------------------------------------------------------------------- real capture


@pytest.mark.mic
def test_devices_lists_the_default_input(pulse, tmp_path):
    r = run_cli(["devices", "--json"], env_for(pulse, tmp_path))
    assert r.returncode == 0, r.stderr
    devs = json.loads(r.stdout)
    assert devs and sum(d["is_default"] for d in devs) == 1
    assert all(d["channels"] >= 1 and d["default_rate"] >= 8000 for d in devs)
    text = run_cli(["devices"], env_for(pulse, tmp_path))
    default = next(d for d in devs if d["is_default"])
    assert any(line.startswith("*") and default["name"] in line for line in text.stdout.splitlines())


@pytest.mark.mic
@pytest.mark.model
def test_record_jfk_matches_the_source(pulse, tmp_path):
    """Play JFK (11 s) into the microphone; the take must be the same sound at the right time,
    stop 2 s after he finishes, and transcribe to his words."""
    need_jfk()
    env = env_for(pulse, tmp_path)
    out = tmp_path / "answers" / "jfk-take.wav"
    p = start_cli(["record", "--stop-after-silence", "2", "--max-seconds", "25", "--language", "en",
                   "--question", "Your inaugural address?", "--budget", "30", "--out", str(out), "--json"], env)
    t_obs, audio_obs = wait_until_recording(out)
    time.sleep(0.5)
    t_play = time.monotonic()
    player = pulse.play(JFK)
    expected_lag = audio_obs + (t_play - t_obs)
    stdout, stderr = p.communicate(timeout=120)
    assert player.wait(10) == 0
    assert p.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert "you went silent" in stderr
    assert not marker_path(out).exists()

    take, src = load16k(out), load16k(JFK)
    lag, corr = best_lag(take, src)
    # The same sound: the recorded waveform matches the source's almost exactly ...
    assert corr > 0.95, f"correlation {corr:.3f}"
    # ... and it arrives when it was played (Pulse + PortAudio latency is tens of ms).
    assert lag == pytest.approx(expected_lag, abs=0.3)
    # Onset of speech in the take = onset in the source + where the playback started.
    assert onset_s(take) == pytest.approx(lag + onset_s(src), abs=0.05)
    # Stopped 2 s after the last sound (50 ms frames, plus one block).
    last_sound = lag + offset_s(src)
    assert len(take) / 16000 == pytest.approx(last_sound + 2.0, abs=0.35)

    a = json.loads(stdout)
    words = " ".join(a["transcript"].lower().replace(",", " ").split())
    assert "ask not what your country" in words
    assert a["speech_detected"] is True
    assert a["question"] == "Your inaugural address?"
    assert a["duration_s"] == pytest.approx(len(take) / 16000, abs=0.05)
    assert a["latency_s"] == pytest.approx(lag + onset_s(src), abs=0.5)


@pytest.mark.mic
def test_mic_check_hears_speech_and_silence(pulse, tmp_path):
    need_jfk()
    env = env_for(pulse, tmp_path)
    silent = run_cli(["mic-check", "--seconds", "1", "--json"], env)
    assert silent.returncode == 0, silent.stderr
    assert json.loads(silent.stdout)["verdict"] == "silent"
    player = pulse.play(JFK)
    time.sleep(0.4)
    r = run_cli(["mic-check", "--seconds", "2", "--json"], env)
    player.kill()
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["verdict"] == "fine", rep
    assert -30 < rep["rms_dbfs"] < -5 and rep["peak_dbfs"] > rep["rms_dbfs"]
    assert rep["device"]["is_default"]


def kill_mid_take(pulse, env, out, run_for=3.0):
    """Start a recording of JFK, SIGKILL the recorder after ``run_for`` s of audio; returns
    (seconds of audio the recorder had been given when killed, as far as we can tell)."""
    p = start_cli(["record", "--max-seconds", "30", "--out", str(out)], env)
    t0, audio0 = wait_until_recording(out)
    player = pulse.play(JFK)
    time.sleep(run_for)
    t_kill = time.monotonic()
    p.send_signal(signal.SIGKILL)
    p.communicate(timeout=10)
    player.kill()
    player.wait()
    assert p.returncode == -signal.SIGKILL
    return audio0 + (t_kill - t0)


@pytest.mark.mic
def test_sigkill_loses_at_most_a_moment_and_recover_repairs(pulse, tmp_path):
    need_jfk()
    env = env_for(pulse, tmp_path)
    takes = tmp_path / "takes"
    out = takes / "killed.wav"
    ran = kill_mid_take(pulse, env, out, run_for=3.0)
    assert marker_path(out).exists()
    r = run_cli(["recover", str(takes), "--json"], env)
    assert r.returncode == 0, r.stderr
    [t] = json.loads(r.stdout)
    assert Path(t["path"]) == out and t["speech_heard"] is True
    # Everything up to the kill is there (less than a second lost; in practice tens of ms).
    assert ran - 1.0 < t["duration_s"] <= ran + 0.1, (ran, t)
    assert not marker_path(out).exists()
    take = load16k(out)
    assert len(take) / 16000 == pytest.approx(t["duration_s"], abs=0.01)
    # The recovered audio is JFK's opening, intact.
    src = load16k(JFK)
    lag, _ = best_lag(np.concatenate([take, np.zeros(len(src), np.float32)]), src)
    n = min(len(take) - int(lag * 16000), len(src))
    seg = take[int(lag * 16000): int(lag * 16000) + n]
    corr = float(np.dot(seg, src[:n]) / (np.linalg.norm(seg) * np.linalg.norm(src[:n])))
    assert corr > 0.95
    again = run_cli(["recover", str(takes)], env)
    assert again.returncode == 0 and "No interrupted takes" in again.stdout


@pytest.mark.mic
def test_next_record_repairs_a_killed_take(pulse, tmp_path):
    need_jfk()
    env = env_for(pulse, tmp_path)
    takes = tmp_path / "home" / "takes"  # the default folder of `record`
    out = takes / "killed.wav"
    ran = kill_mid_take(pulse, env, out, run_for=2.0)
    r = run_cli(["record", "--max-seconds", "1", "--json"], env)
    assert r.returncode == 0, r.stderr
    assert f"repaired an interrupted take: {out}" in r.stderr
    assert "no speech was heard" in r.stderr  # nothing plays now, and it says so
    assert not marker_path(out).exists()
    assert ran - 1.0 < len(load16k(out)) / 16000 <= ran + 0.1
    a = json.loads(r.stdout)
    assert a["speech_detected"] is False
    new = Path(a["file"])
    assert new.parent == takes and new.name.startswith("take-")
    assert len(load16k(new)) / 16000 == pytest.approx(1.0, abs=0.01)


@pytest.mark.mic
def test_interrupt_keeps_the_take(pulse, tmp_path):
    env = env_for(pulse, tmp_path)
    out = tmp_path / "int.wav"
    p = start_cli(["record", "--max-seconds", "30", "--out", str(out), "--json"], env)
    wait_until_recording(out)
    time.sleep(1.5)
    p.send_signal(signal.SIGINT)
    stdout, stderr = p.communicate(timeout=120)
    assert p.returncode == 0, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert 1.3 < len(load16k(out)) / 16000 < 2.5
    assert json.loads(stdout)["file"] == str(out)


@pytest.mark.mic
def test_no_terminal_says_its_limit_and_sigterm_ends_the_take(pulse, tmp_path):
    env = env_for(pulse, tmp_path)
    out = tmp_path / "term.wav"
    p = start_cli(["record", "--out", str(out), "--json"], env)
    wait_until_recording(out)
    time.sleep(1.0)
    p.send_signal(signal.SIGTERM)
    stdout, stderr = p.communicate(timeout=120)
    assert p.returncode == 0, stderr
    assert "no terminal, so the take stops after 10:00" in stderr
    assert "stopped" in stderr
    assert 0.8 < len(load16k(out)) / 16000 < 2.5


@pytest.mark.mic
def test_microphone_failing_mid_take_keeps_the_audio(pulse, tmp_path):
    env = env_for(pulse, tmp_path)
    out = tmp_path / "fail.wav"
    p = start_cli(["record", "--max-seconds", "20", "--out", str(out)], env)
    wait_until_recording(out)
    time.sleep(1.5)
    pulse.remove_microphone()
    stdout, stderr = p.communicate(timeout=30)
    assert p.returncode == 2, stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("furikaeri: error: the microphone") and "stopped delivering audio" in last
    assert str(out) in last and "Traceback" not in stderr
    assert not marker_path(out).exists()
    assert 1.2 < len(load16k(out)) / 16000 < 2.5


@pytest.mark.mic
def test_disk_refusing_the_audio_keeps_what_was_written(pulse, tmp_path):
    """The file system refuses writes past 2 s of audio (RLIMIT_FSIZE: the same path as a full
    disk); the take ends with one clear line, exit 2, and a readable WAV of those 2 s."""
    env = env_for(pulse, tmp_path)
    out = tmp_path / "full.wav"
    rate = 44100  # the pulse device's default rate; checked below
    limit = 44 + 2 * rate * 2

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    p = start_cli(["record", "--max-seconds", "20", "--out", str(out)], env, preexec_fn=small_files)
    stdout, stderr = p.communicate(timeout=30)
    assert take_rate(out) == (rate, 1)
    assert p.returncode == 2, stderr
    last = stderr.strip().splitlines()[-1]
    assert "recording stopped" in last and f"are kept in {out}" in last and "Traceback" not in stderr
    assert len(load16k(out)) / 16000 == pytest.approx(2.0, abs=0.01)
    assert not marker_path(out).exists()


@pytest.mark.mic
def test_unknown_device_lists_the_real_ones(pulse, tmp_path):
    env = env_for(pulse, tmp_path)
    r = run_cli(["record", "--device", "Blue Yeti X", "--max-seconds", "1", "--out", str(tmp_path / "x.wav")], env)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    [line] = r.stderr.strip().splitlines()
    assert line.startswith("furikaeri: error: no input device named 'Blue Yeti X'; input devices: ")
    assert "default" in line
    assert not (tmp_path / "x.wav").exists()


@pytest.mark.mic
def test_no_microphone_at_all(no_sound_env, tmp_path):
    env = {**no_sound_env, "FURIKAERI_HOME": str(tmp_path / "home")}
    for args in (["record", "--max-seconds", "1"], ["mic-check", "--seconds", "1"]):
        r = run_cli(args, env, timeout=60)
        assert r.returncode == 2, (args, r.stderr)
        assert "Traceback" not in r.stderr
        assert r.stderr.strip().splitlines()[-1].startswith("furikaeri: error: no microphone found")
    r = run_cli(["devices", "--json"], env)
    assert r.returncode == 0 and json.loads(r.stdout) == []
    assert not list((tmp_path / "home").glob("takes/*.wav"))


@pytest.mark.mic
def test_live_display_in_a_terminal_and_enter_ends_the_take(pulse, tmp_path):
    """Under a pseudo-terminal: the panel shows the question, the budget turning into a warning
    and the meter; Enter ends the take."""
    import pty

    need_jfk()
    env = env_for(pulse, tmp_path)
    env["COLUMNS"], env["LINES"] = "100", "30"
    out = tmp_path / "tty.wav"
    master, slave = pty.openpty()
    p = subprocess.Popen([*CLI, "record", "--question", "Why this company?", "--budget", "1",
                          "--out", str(out), "--json"], env=env, stdin=slave, stdout=subprocess.PIPE,
                         stderr=slave, close_fds=True)
    os.close(slave)
    screen = bytearray()

    def read():
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                return
            if not chunk:
                return
            screen.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    wait_until_recording(out)
    pulse.play(JFK)
    time.sleep(2.5)
    os.write(master, b"\n")
    stdout, _ = p.communicate(timeout=120)
    os.close(master)
    reader.join(5)
    text = screen.decode("utf-8", "replace")
    assert p.returncode == 0, text[-2000:]
    assert "Why this company?" in text
    assert "REC" in text and "/ 0:01" in text
    assert "Over the 0:01 budget" in text
    assert "█" in text  # the meter moved with JFK's voice
    assert "Press Enter to finish" in text
    assert "stopped" in text
    assert 2.0 < len(load16k(out)) / 16000 < 4.5
    assert json.loads(stdout)["file"] == str(out)


def test_live_panel_and_meter():
    from rich.console import Console

    from furikaeri.cli.live import LivePanel, clock, meter

    assert clock(0) == "0:00" and clock(61.9) == "1:01" and clock(-3) == "0:00"
    assert meter(-120.0) == ("·" * 30, "green")
    bar, style = meter(-30.0)
    assert bar.count("█") == 15 and style == "green"
    assert meter(-5.0)[1] == "yellow" and meter(-0.5)[1] == "red"
    console = Console(record=True, width=100, force_terminal=False)
    panel = LivePanel(console, question="Why us?", budget=60.0, device_name="USB Mic")
    panel.elapsed, panel.level = 42.0, -20.0
    console.print(panel.render())
    text = console.export_text()
    assert "Why us?" in text and "0:42 / 1:00" in text and "Over the" not in text and "USB Mic" in text
    panel.elapsed = 75.0
    console.print(panel.render())
    assert "Over the 1:00 budget by 0:15" in console.export_text()
