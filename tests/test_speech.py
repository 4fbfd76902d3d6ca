"""speech.py on synthetic signals: pause edges and held sounds, with exact truth."""

from __future__ import annotations

import numpy as np
import pytest

from furikaeri.audio import Audio
from pathlib import Path

from furikaeri.speech import Levels, find_speech, gaps, held_sounds, pitch_track, voiced_share

RATE = 16000


def vowel(seconds: float, f0: float = 120.0, glide_st: float = 0.0, seed: int = 0) -> np.ndarray:
    """A voiced, vowel-like sound: harmonics with formant-ish weights, optional pitch glide."""
    t = np.arange(int(seconds * RATE)) / RATE
    f = f0 * 2 ** (glide_st * t / max(seconds, 1e-9) / 12)
    phase = 2 * np.pi * np.cumsum(f) / RATE
    weights = [1.0, 0.8, 0.6, 0.9, 0.4, 0.3, 0.2, 0.15]
    y = sum(w * np.sin((k + 1) * phase) for k, w in enumerate(weights))
    env = np.minimum(1, np.minimum(t, t[::-1]) / 0.02)
    return (0.1 * y * env).astype(np.float32)


def babble(seconds: float, seed: int = 0) -> np.ndarray:
    """Speech-like: short voiced segments whose pitch and spectrum change every 80 ms."""
    rng = np.random.default_rng(seed)
    parts = []
    total = 0.0
    while total < seconds:
        d = 0.08
        parts.append(vowel(d, f0=rng.uniform(90, 220)) * rng.uniform(0.3, 1.0))
        if rng.random() < 0.4:
            parts.append((rng.normal(0, 0.02, int(0.03 * RATE))).astype(np.float32))  # a consonant
            total += 0.03
        total += d
    return np.concatenate(parts)[: int(seconds * RATE)]


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def with_noise(x: np.ndarray, dbfs: float = -55.0, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (x + rng.normal(0, 10 ** (dbfs / 20), len(x))).astype(np.float32)


def test_pause_edges_from_the_audio():
    parts = [silence(0.5), babble(1.5, 1), silence(0.8), babble(1.0, 2), silence(2.0), babble(1.2, 3), silence(0.5)]
    x = with_noise(np.concatenate(parts))
    smap = find_speech(Audio(x, RATE, "synthetic"))
    assert smap.has_speech
    first, last = smap.intervals[0], smap.intervals[-1]
    assert abs(first.start - 0.5) < 0.05
    assert abs(last.end - 7.0) < 0.05
    found = gaps(smap.intervals, first.start, last.end, min_gap_s=0.5)
    assert len(found) == 2
    for g, (s, e) in zip(found, [(2.0, 2.8), (3.8, 5.8)]):
        assert abs(g.start - s) < 0.05 and abs(g.end - e) < 0.05


def test_silence_and_noise_hold_no_speech():
    rng = np.random.default_rng(0)
    noise = (rng.normal(0, 0.01, 3 * RATE)).astype(np.float32)
    assert not find_speech(Audio(silence(2.0), RATE)).has_speech
    assert not find_speech(Audio(noise, RATE)).has_speech


def test_pitch_track_finds_f0():
    f0 = pitch_track(vowel(0.5, f0=150.0), RATE)
    voiced = f0[np.isfinite(f0)]
    assert len(voiced) > 0.8 * len(f0)
    assert np.median(voiced) == pytest.approx(150.0, rel=0.02)


def test_pitch_track_stays_in_range_where_the_dip_is_a_shoulder():
    # A 40-ms frame of synthetic Japanese speech (bench/corpus ja10, 15.97 s) whose first dip
    # under the threshold is a shoulder: the parabola through it put the period past zero lag,
    # and the frame's "pitch" was -351 Hz (then NaN in semitones). The vertex is now kept
    # within half a lag of the dip.
    frame = np.load(Path(__file__).parent / "fixtures" / "yin_shoulder_frame.npy")
    f0 = pitch_track(frame, RATE)
    assert len(f0) == 1 and np.isfinite(f0[0])
    assert 55.0 < f0[0] < 520.0


def test_voiced_share():
    assert voiced_share(vowel(0.5, f0=150.0), RATE) > 0.8
    rng = np.random.default_rng(0)
    assert voiced_share(rng.normal(0, 0.05, RATE // 2).astype(np.float32), RATE) < 0.1
    assert voiced_share(silence(0.01), RATE) == 0.0  # shorter than one pitch frame


def test_held_vowel_is_found_and_babble_is_not():
    x = np.concatenate([silence(0.3), babble(1.0, 4), silence(0.3), vowel(0.6, f0=110, glide_st=-3), silence(0.3), babble(1.0, 5)])
    audio = Audio(with_noise(x), RATE)
    smap = find_speech(audio)
    held = held_sounds(audio, smap.intervals)
    assert len(held) == 1, held
    h = held[0]
    assert abs(h.start - 1.6) < 0.08 and abs(h.end - 2.2) < 0.08
    assert 95 < h.f0_hz < 115


def test_short_vowels_are_not_held():
    x = np.concatenate([silence(0.2), vowel(0.2, 120), silence(0.3), vowel(0.15, 180), silence(0.2)])
    audio = Audio(with_noise(x), RATE)
    assert held_sounds(audio, find_speech(audio).intervals) == []


def test_a_lenient_map_keeps_a_soft_sound_near_the_threshold():
    """A stretch judged before the take ends (its final levels unknown) keeps a soft sound just
    under the energy threshold; the whole take's map, judged at its levels, does not."""
    from furikaeri.speech import speech_map

    db = np.full(300, -60.0, np.float32)
    db[50:150] = -20.0  # a phrase
    db[200:220] = -42.5  # a soft "e" 0.5 dB under the threshold (floor + 0.45 x 40 dB contrast)
    vad = np.where(db > -55, 0.9, 0.05).astype(np.float32)
    strict = speech_map(db, vad, 3.0, take_levels=Levels(-60.0, -20.0))
    lenient = speech_map(db, vad, 3.0, take_levels=Levels(-60.0, -20.0), lenient_db=1.0)
    assert [(iv.start, iv.end) for iv in strict.intervals] == [(0.5, 1.5)]
    assert [(iv.start, iv.end) for iv in lenient.intervals] == [(0.5, 1.5), (2.0, 2.2)]


def _phrase_soft_sound(quiet_p: float):
    """A phrase at -17 dBFS over a noise at -40, then a soft sound 2 dB over the noise that
    Silero hears as speech; elsewhere Silero's probability is ``quiet_p``."""
    db = np.full(400, -40.0, np.float32)
    db[50:150] = -17.0  # a phrase (23 dB over the noise)
    db[250:280] = -38.0  # a soft "e": energy cannot tell it from the noise
    vad = np.full(400, quiet_p, np.float32)
    vad[50:150] = vad[250:280] = 0.9
    return db, vad


def test_in_a_steady_noise_silero_keeps_the_soft_sounds_energy_would_cut():
    from furikaeri.speech import levels, speech_map

    db, vad = _phrase_soft_sound(0.05)  # a fan: Silero is sure most frames hold no speech
    lv = levels(db, vad)
    assert lv.contrast < 25 and lv.quiet_share > 0.5 and lv.steady_noise
    spans = [(iv.start, iv.end) for iv in speech_map(db, vad, 4.0).intervals]
    assert spans == [(0.5, 1.5), (2.5, 2.8)]


def test_in_a_babble_of_voices_energy_stays_a_witness():
    from furikaeri.speech import levels, speech_map

    db, vad = _phrase_soft_sound(0.4)  # a café: to Silero the noise might be speech
    assert not levels(db, vad).steady_noise
    assert [(iv.start, iv.end) for iv in speech_map(db, vad, 4.0).intervals] == [(0.5, 1.5)]


def test_a_quiet_room_keeps_energy_edges_however_sure_silero_is():
    from furikaeri.speech import Levels

    assert not Levels(-70.0, -25.0, 0.6).steady_noise  # 45 dB of contrast
    assert Levels(-40.0, -20.0, 0.3).steady_noise
    assert not Levels(-40.0, -20.0, 0.1).steady_noise  # Silero hardly ever sure of quiet


def test_other_voices_are_a_noisy_room_whose_floor_rises_and_falls():
    from furikaeri.speech import Levels

    assert Levels(-40.0, -20.0, 0.1, 30.0, 6.0).other_voices  # a café: 20 dB, Silero never sure of quiet
    assert not Levels(-40.0, -20.0, 0.3, 30.0, 6.0).other_voices  # Silero hears quiet moments: steady
    assert not Levels(-40.0, -20.0, 0.1, 30.0, 1.0).other_voices  # a fan under a speaker who never stops
    assert not Levels(-70.0, -25.0, 0.1, 30.0, 6.0).other_voices  # a quiet room
    assert not Levels(-40.0, -20.0, 0.1, 3.0, 6.0).other_voices  # too little of the take to tell


def test_the_floor_of_a_steady_noise_is_flat_and_of_voices_is_not():
    from furikaeri.speech import frame_db, levels

    rng = np.random.default_rng(5)
    fan = rng.normal(0, 0.01, 16000 * 10).astype(np.float32)
    # voices: the same noise rising and falling with syllables (a level drawn every 0.1 s,
    # 8 dB either way)
    syllables = np.repeat(rng.normal(-10.0, 8.0, 100), 1600)
    voices = fan * (10 ** (syllables / 20)).astype(np.float32)
    muted = np.concatenate([np.zeros(16000, np.float32), fan])  # a muted first second
    none = np.zeros(1000, np.float32)
    assert levels(frame_db(fan, 16000), none).floor_spread < 1.5
    assert levels(frame_db(voices, 16000), none).floor_spread > 3.5
    assert levels(frame_db(muted, 16000), none).floor_spread < 1.5


def _track(levels_db):
    """A :class:`GainTrack` fed frame levels (dBFS per 10 ms)."""
    from furikaeri.speech import GainTrack

    t = GainTrack()
    t.add(np.asarray(levels_db, np.float32))
    return t


def test_silero_hears_a_quiet_take_raised_and_a_loud_or_noisy_one_as_it_is():
    from furikaeri.speech import VAD_LEVEL_DB, VAD_MAX_BOOST_DB, VAD_QUIET_CEIL_DB

    def gain_db(track, window):
        return 20 * np.log10(track.gains(window, 1)[0])

    quiet_mic = _track([-85.0] * 200 + [-40.0] * 100)  # 2 s of a still room, then speech at -40
    # the still room alone: raised as far as the room may be
    assert gain_db(quiet_mic, 20) == pytest.approx(min(VAD_MAX_BOOST_DB, VAD_QUIET_CEIL_DB + 85), abs=0.01)
    assert gain_db(_track([-140.0] * 300), 20) == 0.0  # a muted line's zeros: nothing to raise
    assert gain_db(quiet_mic, 80) == pytest.approx(VAD_LEVEL_DB + 40.0, abs=0.01)  # speech to -15
    assert gain_db(_track([-70.0] * 100 + [-10.0] * 100), 60) == pytest.approx(0.0)  # loud: as it is
    # a noisy room (noise at -45, speech at -35): raising it would lift the noise to a voice's level
    noisy = _track([-45.0] * 100 + [-35.0] * 100)
    assert gain_db(noisy, 60) == pytest.approx(0.0)
    # a room at -65 with speech at -45: raised only until the room reaches the ceiling
    assert gain_db(_track([-65.0] * 100 + [-45.0] * 100), 60) == pytest.approx(VAD_QUIET_CEIL_DB + 65, abs=0.01)
    # a muted line's zeros are not a room (only the 50 ms where the room's -60 begins count)
    muted_first = _track([-140.0] * 50 + [-60.0] * 50 + [-30.0] * 50)
    assert gain_db(muted_first, 45) == pytest.approx(VAD_QUIET_CEIL_DB + 60 + 10 * np.log10(5), abs=0.01)


def test_the_gain_for_a_window_depends_only_on_the_audio_before_its_end():
    from furikaeri.speech import GainTrack

    rng = np.random.default_rng(3)
    levels = np.concatenate([rng.normal(-80, 2, 300), rng.normal(-35, 6, 500), rng.normal(-20, 3, 200)])
    whole = _track(levels)
    pieces, i = GainTrack(), 0
    while i < len(levels):
        n = int(rng.integers(1, 40))
        pieces.add(levels[i:i + n].astype(np.float32))
        i += n
    n_windows = len(levels) * 160 // 512
    assert np.allclose(pieces.gains(0, n_windows), whole.gains(0, n_windows))
    early = _track(levels[:400])  # what a take heard while recording knows at 4 s
    k = 400 * 160 // 512 - 2
    assert np.allclose(early.gains(0, k), whole.gains(0, k))
    assert not np.allclose(early.gains(0, k)[:5], whole.gains(0, n_windows)[-5:])  # it does change


def test_whisper_hears_a_very_quiet_take_raised_whatever_the_room():
    from furikaeri.speech import VAD_LEVEL_DB, VAD_MAX_BOOST_DB, WHISPER_QUIET_DB

    def db(g):
        return 20 * np.log10(g)

    assert db(_track([-75.0] * 100 + [-55.0] * 100).whisper_gain()) == pytest.approx(VAD_LEVEL_DB + 55, abs=0.01)
    assert db(_track([-58.0] * 100 + [-55.0] * 100).whisper_gain()) == pytest.approx(VAD_LEVEL_DB + 55, abs=0.01)
    assert _track([-60.0] * 100 + [WHISPER_QUIET_DB + 5] * 100).whisper_gain() == 1.0  # above the floor: as it is
    assert _track([-60.0] * 100 + [-8.0] * 100).whisper_gain() == 1.0
    assert db(_track([-120.0] * 100).whisper_gain()) == pytest.approx(VAD_MAX_BOOST_DB)
    early = _track([-85.0] * 100 + [-58.0] * 100 + [-25.0] * 100)
    assert db(early.whisper_gain(150)) == pytest.approx(VAD_LEVEL_DB + 58, abs=0.01)  # the loudest up to then
    assert early.whisper_gain() == 1.0


def test_digital_silence_padding_a_take_does_not_move_its_noise_floor():
    """A recorder that pads with exact zeros (or a noise gate) adds frames at -140 dB: the
    floor is the room's, else the room's noise in the pauses reads as speech (a sample answer
    padded with 7 s of zeros went from 6 pauses to 2)."""
    from furikaeri.speech import levels

    rng = np.random.default_rng(0)
    room = np.concatenate([rng.normal(-20, 3, 600), rng.normal(-62, 1, 300)]).astype(np.float32)
    vad = np.concatenate([np.full(600, 0.9), np.full(300, 0.05)]).astype(np.float32)
    padded = np.concatenate([room, np.full(700, -140.0, np.float32)])
    vad_padded = np.concatenate([vad, np.zeros(700, np.float32)])
    assert levels(padded, vad_padded).floor == pytest.approx(levels(room, vad).floor, abs=0.5)
    assert levels(padded, vad_padded).floor > -70


def test_a_take_recorded_far_too_quiet_keeps_its_room_as_the_floor():
    """The same take 45 dB quieter (a float file, its room at -107 dBFS): the floor and the
    contrast move with it; a room under -90 dBFS is not digital silence."""
    from furikaeri.speech import levels

    rng = np.random.default_rng(0)
    room = np.concatenate([rng.normal(-20, 3, 600), rng.normal(-62, 1, 300)]).astype(np.float32)
    vad = np.concatenate([np.full(600, 0.9), np.full(300, 0.05)]).astype(np.float32)
    loud, quiet = levels(room, vad), levels(room - np.float32(45), vad)
    assert quiet.floor == pytest.approx(loud.floor - 45, abs=0.01)
    assert quiet.contrast == pytest.approx(loud.contrast, abs=0.01) and not quiet.steady_noise
