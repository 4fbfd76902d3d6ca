"""A loud steady noise over part of a recording is said, and nothing is heard in it (QA s36 C #7).

A WAV whose first 16 s of samples were overwritten with random bytes (full-scale hiss over a
real answer) was reported with no warning: Silero's probability rose by chance in the hiss,
Whisper wrote "Um, so," there, and the report showed a filler, a 7-s freeze and a 16-s late
start. The speech map now finds stretches louder than the speaker's loudest speech, steady, and
not heard as speech (:func:`furikaeri.speech.loud_noise`), hears nothing in them, and the report
names them. Real speech, laughter and rooms are never such a stretch: every recording under
../shared/audio and samples/ is checked.
"""

from __future__ import annotations

import numpy as np
import pytest

from furikaeri.audio import Audio, load_audio
from furikaeri.speech import find_speech

from conftest import SAMPLES, SHARED_AUDIO


def _overwritten(audio: Audio, seconds: float, seed: int = 7) -> Audio:
    """``audio`` with its first ``seconds`` replaced by random 16-bit samples (as random bytes
    written over a WAV's data play)."""
    rng = np.random.default_rng(seed)
    x = audio.samples.copy()
    n = int(seconds * audio.rate)
    x[:n] = rng.integers(-32768, 32767, n).astype(np.float32) / 32768.0
    return Audio(x, audio.rate, source=audio.source)


def _hiss_over(audio: Audio, start: float, seconds: float, seed: int = 9) -> Audio:
    """``audio`` with ``seconds`` of full-scale hiss written over it from ``start``."""
    rng = np.random.default_rng(seed)
    x = audio.samples.copy()
    a, b = int(start * audio.rate), int((start + seconds) * audio.rate)
    x[a:b] = rng.uniform(-1, 1, b - a).astype(np.float32)
    return Audio(x, audio.rate, source=audio.source)


def _sample() -> Audio:
    return load_audio(SAMPLES / "en_tell_me_about_yourself.flac")


def test_hiss_over_the_start_is_found_and_no_speech_is_heard_in_it():
    clean = find_speech(_sample())
    smap = find_speech(_overwritten(_sample(), 8.0))
    assert len(smap.noise) == 1 and smap.noise[0].start < 0.1 and 7.9 <= smap.noise[0].end <= 8.3, smap.noise
    assert all(iv.start >= smap.noise[0].end - 0.2 for iv in smap.intervals), smap.intervals[:3]
    after = [iv for iv in clean.intervals if iv.start >= 8.3]
    assert after and all(any(abs(iv.start - k.start) < 0.05 for k in smap.intervals) for iv in after)
    assert not clean.noise


@pytest.mark.parametrize("name", ["en_greatest_strength.flac", "ja_jikopr.flac", "en_tell_me_about_yourself.flac"])
@pytest.mark.parametrize("start", [3.0, 9.0, 15.0])
def test_hiss_in_the_middle_of_an_answer_is_found_though_silero_hears_it_as_speech(name, start):
    """QA s37 V1 #1: Silero heard mid-answer hiss as speech, which then set the voice's level at
    -5 dBFS and nothing was louder than it: the voice's level is taken outside steady stretches."""
    smap = find_speech(_hiss_over(load_audio(SAMPLES / name), start, 3.5))
    assert [(round(iv.start, 1), round(iv.end, 1)) for iv in smap.noise] == [(start, start + 3.5)], smap.noise


@pytest.mark.parametrize("folder", ["real-l2", "ja", "en", "edge", "conversation"])
def test_no_real_recording_has_a_loud_noise(folder):
    files = [p for p in sorted((SHARED_AUDIO / folder).glob("*")) if p.suffix in (".flac", ".wav", ".mp3")]
    if not files:
        pytest.skip(f"{SHARED_AUDIO / folder} not found")
    for p in files:
        assert not find_speech(load_audio(p)).noise, p.name


def test_no_sample_has_a_loud_noise():
    for p in sorted(SAMPLES.glob("*.flac")):
        assert not find_speech(load_audio(p)).noise, p.name


def test_a_shout_is_speech_not_noise():
    """The same answer with 1.5 s of it 12 dB louder (a shouted phrase): speech, not noise."""
    audio = _sample()
    x = audio.samples.copy()
    x[int(3 * audio.rate):int(4.5 * audio.rate)] *= 4.0
    smap = find_speech(Audio(np.clip(x, -1, 1), audio.rate))
    assert not smap.noise


@pytest.mark.model
def test_the_report_names_the_noise_and_invents_no_words_in_it():
    from furikaeri.analysis import analyze_audio

    a = analyze_audio(_overwritten(_sample(), 8.0), language="en")
    said = "A loud steady noise, louder than the voice, covers the recording at 0:00–0:08 (a damaged file, a fault"
    assert any(w.startswith(said) for w in a.warnings), a.warnings
    assert not [w for w in a.words if w.end < 7.95], a.words[:3]  # a word the hiss cut into may stay
    assert not [f for f in a.fillers if f.start < 7.95], a.fillers
    assert a.latency_s is None and "latency" not in a.verdicts  # the answer may have begun under it
    assert len(a.words) > 20 and a.speech_detected



@pytest.mark.model
def test_hiss_inside_an_answer_is_no_pause_and_the_rate_is_not_rated():
    """QA s37 V1 #2: 3.5 s of hiss mid-answer read as "a 4.3-s silence between phrases" (pauses
    high, pace slow, a tip about freezing) beside the warning that nothing there was heard."""
    from furikaeri.analysis import analyze_audio

    a = analyze_audio(_hiss_over(load_audio(SAMPLES / "en_greatest_strength.flac"), 9.0, 3.5), language="en")
    assert any(w.startswith("A loud steady noise") and "0:09–0:13" in w for w in a.warnings), a.warnings
    assert not [p for p in a.pauses if p.start < 12.5 and p.end > 9.0], a.pauses
    assert a.verdicts["rate"].level == "n/a" and a.latency_s is not None
    assert not [s for s in a.pace.stretches if s.start < 12.5 and s.end > 9.0]
    assert not [w for w in a.words if 9.1 < w.start < 12.2], a.words  # a word at its edge may stay
    # no focus on a pace the report does not rate: the same answer with the pace rated would get one
    from furikaeri.coach import RATE_FIGURES, focus_of

    d = a.to_dict()
    d.update(budget_s=25.0, over_budget=False)
    assert (focus_of(d) is None or focus_of(d).metric not in RATE_FIGURES), focus_of(d)
    d["verdicts"]["rate"]["level"] = "low"
    assert focus_of(d).metric in RATE_FIGURES, focus_of(d)
