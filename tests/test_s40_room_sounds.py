"""A room's pitched sounds in a pause are no speech: the pause stays whole (QA s40 Z #1).

A chime or a chair's squeak is voiced as a vowel is, and Silero gives it 0.2-0.3: a rule that
took such a sound as speech (tried in session 40 for a soft うん Silero barely hears in a fan's
noise) split real pauses in two. These guard the map against it.
"""

from __future__ import annotations

import numpy as np
import pytest

import realclips
from furikaeri.audio import RATE, Audio, without_offset
from furikaeri.speech import find_speech, gaps


def _chime(rng) -> np.ndarray:
    t = np.arange(int(0.45 * RATE)) / RATE
    x = sum(np.sin(2 * np.pi * f * t) * np.exp(-4 * t) for f in (262.0, 330.0, 392.0))  # a C-major chord, fading
    return x * np.minimum(1.0, t / 0.005)


def _squeak(rng) -> np.ndarray:
    t = np.arange(int(0.3 * RATE)) / RATE
    phase = 2 * np.pi * np.cumsum(300.0 + 1000.0 * t) / RATE  # 300 -> 600 Hz
    x = sum(np.sin(k * phase) / k for k in range(1, 8))
    return x * np.minimum(1.0, t / 0.02) * np.minimum(1.0, (t[-1] - t) / 0.05)


@pytest.fixture(scope="module")
def iid15_st2():
    from conftest import shared_audio

    return realclips.real_l2(lambda *p: shared_audio(*p), "ja_IID15-ST2")


@pytest.mark.parametrize("make, under_db", [(_chime, 20.0), (_chime, 10.0), (_squeak, 20.0), (_squeak, 15.0)])
def test_a_chime_or_a_squeak_in_a_long_pause_does_not_split_it(iid15_st2, make, under_db):
    audio, truth = iid15_st2
    pause = next(p for p in truth["pauses"] if abs(p["start"] - 78.41) < 0.05)  # 2.16 s, after a soft うん
    x = np.array(without_offset(audio.samples), dtype=np.float64)
    words = [w for w in truth["words"] if truth["speech_start"] <= w["start"] < truth["speech_end"]]
    speech = np.concatenate([x[int(w["start"] * RATE):int(w["end"] * RATE)] for w in words])
    sound = make(np.random.default_rng(0))
    sound *= np.sqrt(np.mean(speech ** 2)) * 10 ** (-under_db / 20) / np.sqrt(np.mean(sound ** 2))
    at = int(((pause["start"] + pause["end"]) / 2 - 0.2) * RATE)
    x[at:at + len(sound)] += sound
    smap = find_speech(Audio(x.astype(np.float32), audio.rate, "with a room sound"))
    found = [g for g in gaps(smap.intervals, 70.0, 85.0) if g.start < pause["end"] and g.end > pause["start"]]
    assert max((g.end - g.start for g in found), default=0.0) > 2.0, found
