"""A soft voiced sound between two pauses stays on the speech map when Silero barely hears it
(QA s39 Y #2).

In a room's steady noise 24-28 dB under the voice, Silero's probability over a speaker's soft
うん fell from 0.61 to 0.23-0.33, under its bar for speech going on (0.35), so the sound left the
map and the pauses on either side (1.04 s and 2.16 s, hand-timed) read as one 4.0-s "freeze",
with a tip about it. A voiced sound the energy calls speech is now a word where Silero gives it
0.2 or more; breaths, clicks and the room's rustle are unvoiced.
"""

from __future__ import annotations

import numpy as np
import pytest

import realclips
from furikaeri import speech
from furikaeri.audio import RATE, Audio, without_offset
from furikaeri.speech import find_speech, frame_voiced, gaps


def _map(audio: Audio):
    return find_speech(Audio(without_offset(audio.samples), audio.rate, audio.source))


@pytest.fixture(scope="module")
def iid15_st2():
    from conftest import shared_audio

    return realclips.real_l2(lambda *p: shared_audio(*p), "ja_IID15-ST2")


@pytest.mark.parametrize("noise_db", [28.0, 25.0])
def test_a_soft_un_in_a_fans_noise_keeps_the_two_pauses_beside_it_apart(iid15_st2, noise_db):
    audio, truth = iid15_st2
    un = next(w for w in truth["words"] if w["text"] == "うん" and 77.0 < w["start"] < 78.5)
    before = next(p for p in truth["pauses"] if abs(p["end"] - un["start"]) < 0.05)
    after = next(p for p in truth["pauses"] if abs(p["start"] - un["end"]) < 0.05)
    smap = _map(realclips.in_steady_noise(audio, truth, noise_db))
    assert speech.NOISY_CONTRAST_DB <= smap.contrast_db < 31.0  # the band where it was lost
    found = [g for g in gaps(smap.intervals, 70.0, 85.0) if g.end > before["start"] and g.start < after["end"]]
    assert len(found) == 2, found  # was one 4.0-s pause over the うん
    for g, p in zip(found, (before, after)):
        assert abs((g.end - g.start) - (p["end"] - p["start"])) < 0.45, (g, p)


def _frames(n_s: float, runs_: list[tuple[float, float, float, float]]):
    """Frame levels and Silero probabilities: room at -70 dB, speech at -40 dB, and soft runs
    (start s, end s, dB over the floor, Silero probability)."""
    n = int(n_s * 100)
    db = np.full(n, -70.0, np.float32)
    vad = np.zeros(n, np.float32)
    for a, b, over, p in runs_:
        db[int(a * 100):int(b * 100)] = -70.0 + over
        vad[int(a * 100):int(b * 100)] = p
    return db, vad


@pytest.mark.parametrize("pitched, other_voices, kept", [
    (True, False, True),     # a soft voiced sound: a word
    (False, False, False),   # an unvoiced one (a breath, a rustle): not
    (True, True, False),     # among other voices a soft voiced sound may be theirs
])
def test_a_soft_sound_silero_barely_hears_is_a_word_only_when_voiced(pitched, other_voices, kept):
    db, vad = _frames(4.0, [(1.0, 1.5, 30.0, 0.9), (2.0, 2.3, 14.0, 0.25), (3.0, 3.6, 30.0, 0.9)])
    voiced = np.zeros(len(db), bool)
    voiced[200:230] = pitched
    lv = speech.Levels(-70.0, -40.0, quiet_share=0.3, seconds=4.0)
    if other_voices:  # a café: 20 dB of contrast, a floor that rises and falls
        lv = speech.Levels(-70.0, -50.0, quiet_share=0.1, seconds=10.0, floor_spread=speech.UNSTEADY_FLOOR_DB + 1.0)
        assert lv.other_voices
    smap = speech.speech_map(db, vad, 4.0, take_levels=lv, voiced=voiced)
    assert (speech.speech_within(smap.intervals, 2.0, 2.3) > 0.25) is kept, smap.intervals
    # Silero under the lower bar (0.2): not a word however voiced
    db, vad = _frames(4.0, [(1.0, 1.5, 30.0, 0.9), (2.0, 2.3, 14.0, 0.1), (3.0, 3.6, 30.0, 0.9)])
    smap = speech.speech_map(db, vad, 4.0, take_levels=lv, voiced=voiced)
    assert speech.speech_within(smap.intervals, 2.0, 2.3) == 0.0


def test_frame_voicing_finds_a_vowel_and_not_noise_and_matches_the_frame_levels():
    t = np.arange(RATE) / RATE
    vowel = (0.3 * np.sin(2 * np.pi * 140 * t) + 0.1 * np.sin(2 * np.pi * 280 * t)).astype(np.float32)
    noise = np.random.default_rng(0).normal(0, 0.05, RATE).astype(np.float32)
    x = np.concatenate([noise, vowel, noise])
    v = frame_voiced(x, RATE)
    assert len(v) == len(speech.frame_db(x, RATE))
    assert v[110:190].mean() > 0.95  # the vowel's middle (frames are 10 ms)
    assert v[10:90].mean() < 0.05 and v[210:290].mean() < 0.05
