"""Taking a steady room noise out of what Whisper hears (furikaeri.denoise): pure checks on
made sounds. The effect on real speech is in test_real_speech.py and bench/real.py --noise."""

from __future__ import annotations

import numpy as np

from furikaeri.denoise import NoiseProfile, for_whisper, profile_of, quiet_runs

RATE = 16000


def _db(x: np.ndarray) -> float:
    return 10 * np.log10(np.mean(np.square(x, dtype=np.float64)) + 1e-20)


def _noise(seconds: float, seed: int = 1) -> np.ndarray:
    return (0.01 * np.random.default_rng(seed).standard_normal(int(seconds * RATE))).astype(np.float32)


def _tone(seconds: float, hz: float = 220.0) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (0.1 * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def test_a_steady_noise_is_taken_down_and_the_voice_kept():
    noise = _noise(3.0)
    x = noise.copy()
    x[RATE:2 * RATE] += _tone(1.0)  # a "voice" in the middle second
    profile = NoiseProfile()
    profile.learn(noise[:RATE // 2])
    y = profile.clean(x)
    assert len(y) == len(x) and y.dtype == np.float32
    assert _db(y[2 * RATE + 800:]) < _db(x[2 * RATE + 800:]) - 5  # the noise alone: down by 5 dB or more
    voice = y[RATE + 800:2 * RATE - 800]
    assert abs(_db(voice) - _db(_tone(1.0))) < 1.0  # the voice as loud as it was


def test_nothing_is_cleaned_before_enough_quiet_is_heard():
    profile = NoiseProfile()
    profile.learn(_noise(0.3))  # under MIN_QUIET_S
    x = _noise(1.0, seed=2)
    assert not profile.ready
    assert np.array_equal(profile.clean(x), x)


def test_quiet_runs_are_the_sure_silences_long_enough_with_their_edges_trimmed():
    p = np.full(200, 0.9, np.float32)
    p[20:60] = 0.05  # 0.4 s quiet
    p[100:108] = 0.05  # 0.08 s: too short
    p[150:170] = 0.3  # not sure enough
    runs = quiet_runs(p)
    assert [(round(a, 2), round(b, 2)) for a, b in runs] == [(0.23, 0.57)]


def test_a_quiet_room_is_heard_as_it_is_and_a_noisy_one_cleaned():
    x = _noise(2.0)
    x[RATE:] += _tone(1.0)
    p = np.where(np.arange(200) < 100, 0.02, 0.95).astype(np.float32)  # quiet, then a voice
    assert for_whisper(x, p, steady_noise=False) is x
    y = for_whisper(x, p, steady_noise=True)
    assert _db(y[:RATE - 800]) < _db(x[:RATE - 800]) - 5
    assert profile_of(x, p).ready


def test_a_long_take_cleaned_a_chunk_at_a_time_is_the_take_cleaned_whole(monkeypatch):
    import furikaeri.denoise as denoise

    x = _noise(5.0, seed=4)
    x[RATE:3 * RATE] += _tone(2.0)
    profile = NoiseProfile()
    profile.learn(_noise(1.0, seed=5))
    whole = profile.clean(x)
    monkeypatch.setattr(denoise, "CHUNK_S", 1)  # five chunks, cut inside the tone
    chunked = profile.clean(x)
    assert np.allclose(chunked, whole, atol=1e-6)
