"""Session 49: `mic-check` says when a mains hum comes in with the voice (session 48 took it out
of takes, found from 5 s on; a check of 3 s never looked), and judges the room without it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from furikaeri.capture import NOISY_FLOOR_DBFS, level_report
from pulse_fixture import pulse  # noqa: F401 - fixture
from realclips import RATE, real_l2

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_s48_hum import with_hum  # noqa: E402


def pcm(samples: np.ndarray, rate: int = RATE) -> np.ndarray:
    """Float samples at 16 kHz as int16 at ``rate`` (a microphone's 48 kHz: resampled)."""
    from scipy.signal import resample_poly

    if rate != RATE:
        samples = resample_poly(samples, rate // 16000, 1)
    return np.clip(samples * 32768, -32768, 32767).astype(np.int16)


@pytest.mark.parametrize("name, mains, rate", [("en_ALL_102_M_SHS_ENG_ST1", 50.0, 16000),
                                               ("ja_KKD27-ST2", 60.0, 48000)])
def test_three_seconds_with_a_hum_name_it_and_read_the_room_without_it(shared, name, mains, rate):
    audio, _ = real_l2(shared, name)
    clip = audio.samples[:3 * RATE]
    clean = level_report(pcm(clip, rate), rate)
    hummed = level_report(pcm(with_hum(clip, mains, 15.0), rate), rate)
    assert clean.mains_hum_hz is None
    assert hummed.mains_hum_hz == mains and "mains hum" in hummed.message
    # the hum lifted the 10th-percentile level 10 dB and more over the room's; without its lines
    # (those that stand out in 3 s of speech) 4 dB and more of that is gone, never more than all
    from furikaeri.capture import LevelTracker

    tracker = LevelTracker(rate, 1, keep_levels=True)
    tracker.feed(pcm(with_hum(clip, mains, 15.0), rate))
    raw = float(np.percentile(tracker.levels, 10))
    assert raw > clean.noise_floor_dbfs + 10
    assert clean.noise_floor_dbfs - 1 < hummed.noise_floor_dbfs < raw - 4


def test_no_hum_is_found_in_the_shared_recordings_first_seconds(shared):
    for name in ("en_ALL_102_M_SHS_ENG_ST1", "ja_KKD27-ST2", "ja_IID15-ST1"):
        audio, _ = real_l2(shared, name)
        for start in (0, 10, 30):
            assert level_report(pcm(audio.samples[start * RATE:(start + 3) * RATE]), RATE).mains_hum_hz is None


def test_a_hum_too_short_to_look_at_is_not_looked_for(shared):
    audio, _ = real_l2(shared, "en_ALL_102_M_SHS_ENG_ST1")
    assert level_report(pcm(with_hum(audio.samples[:RATE], 50.0, 15.0)), RATE).mains_hum_hz is None


def test_the_mic_check_line_names_the_hum_in_both_languages(monkeypatch):
    from click.testing import CliRunner

    from furikaeri import capture
    from furikaeri.capture import Device, LevelReport
    from furikaeri.cli import cli

    monkeypatch.setattr(capture, "resolve_device", lambda d: Device(0, "mic", 48000, 1, True))
    monkeypatch.setattr(capture, "mic_check", lambda dev, seconds: LevelReport(
        -8.0, -20.0, NOISY_FLOOR_DBFS - 10, 0.0, "fine", "fine", mains_hum_hz=60.0))
    for lang, said in (("en", "A 60-Hz mains hum came in too"), ("ja", "60Hzの電源のハム音も入っています")):
        r = CliRunner().invoke(cli, ["mic-check", "--lang", lang])
        assert r.exit_code == 0 and said in r.output, r.output
    r = CliRunner().invoke(cli, ["mic-check", "--json"])
    assert json.loads(r.output)["mains_hum_hz"] == 60.0


@pytest.mark.mic
def test_mic_check_through_the_sound_server_names_a_hum(pulse, tmp_path, shared):  # noqa: F811
    import soundfile as sf

    from test_capture import env_for, run_cli

    audio, _ = real_l2(shared, "en_ALL_102_M_SHS_ENG_ST1")
    src = tmp_path / "hum.wav"
    sf.write(str(src), with_hum(4 * audio.samples[:20 * RATE], 50.0, 15.0), RATE, subtype="PCM_16")  # -28 dBFS speech
    env = env_for(pulse, tmp_path)
    pulse.playable(src)
    player = pulse.play(src)
    time.sleep(0.4)
    r = run_cli(["mic-check", "--seconds", "3", "--json"], env)
    player.kill()
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["verdict"] == "fine" and rep["mains_hum_hz"] == 50.0, rep
    assert "mains hum" in rep["message"] and "Traceback" not in r.stderr
