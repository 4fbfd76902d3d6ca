"""Session 46: what QA s46 W (new answers built from real speech, truth known) found: an "uh"
said into the next word, heard again over a window that cuts the word after it (W #2), and an
English opening of a Japanese answer that no language window heard alone (W #3)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from furikaeri.lang import get_rules
from furikaeri.relisten import Candidate, _agrees, _cuts_word
from furikaeri.transcribe import Word

RATE = 16000


def _real(shared, name: str) -> tuple[np.ndarray, dict]:
    import librosa

    path = shared("real-l2", f"{name}.flac")
    x, _ = librosa.load(path, sr=RATE, mono=True)
    return x.astype(np.float32), json.loads(path.with_suffix(".json").read_text())


def _cut(x: np.ndarray, a: float, b: float) -> np.ndarray:
    return x[int(a * RATE): int(b * RATE)]


def _room(x: np.ndarray, a: float, b: float, seconds: float) -> np.ndarray:
    """The room between ``a`` and ``b`` (a labelled silence) over and over, for ``seconds``."""
    quiet = _cut(x, a, b)
    return np.tile(quiet, int(np.ceil(seconds * RATE / len(quiet))))[: int(seconds * RATE)]


# --------------------------------------------------------------------------- W #2: a word cut by the window


def test_a_word_the_window_cuts_is_heard_in_part():
    """Heard again over a 1-s window, "uh, sees the" is "uh" before "sees that" cut after "th":
    the same words, so the "uh" counts; words heard otherwise still disagree."""
    en = get_rules("en")
    words = [Word("sees", 21.99, 22.52, 0.22), Word("that", 22.52, 23.04, 0.96)]
    c = Candidate(21.99, 22.99, "onset", (0, 1))
    assert _cuts_word(c, words)
    assert _agrees("sees the", "sees that", en, cut=True) and not _agrees("sees the", "sees that", en)
    assert not _agrees("last it", "them, laughs at", en, cut=True)
    assert not _cuts_word(Candidate(21.99, 23.04, "onset", (0, 1)), words)


@pytest.mark.model
def test_an_uh_said_into_the_next_word_after_a_pause_is_counted(shared, tmp_path):
    """The speaker's own "uh" (en_ALL_099 ST1, 4.06-4.35 s, found in its place) put after three
    more pauses of the answer, 0.05 s before the next word: Whisper stretches the next word over
    it, so only the second listen can find it. Before: 2 of 5 found (the answer's own two)."""
    import soundfile as sf

    from furikaeri.analysis import analyze_file

    x, _ = _real(shared, "en_ALL_099_M_SHS_ENG_ST1")
    uh = _cut(x, 4.058, 4.348)
    parts, prev = [], 0.0
    for t in (7.43, 10.21, 19.20):  # labelled word boundaries
        parts += [_cut(x, prev, t), _room(x, 1.6, 2.2, 0.7), uh, _room(x, 1.6, 2.2, 0.05)]
        prev = t
    parts.append(_cut(x, prev, 28.48))
    path = tmp_path / "uh.wav"
    sf.write(path, np.concatenate(parts), RATE)
    a = analyze_file(path, language="en")
    assert 3 <= len(a.fillers) <= 5, [(f.text, f.start) for f in a.fillers]
    assert all(f.text.lower() in ("uh", "um") for f in a.fillers)


# --------------------------------------------------------------------------- W #3: an opening in English


@pytest.mark.model
def test_an_english_opening_of_a_japanese_answer_is_named(shared, tmp_path):
    """7.7 s of English (en_ALL_124 ST1), a 0.7-s pause, then a Japanese story (ja_KKD27 ST2):
    the first window of 5 s reached 0.6 s into the Japanese and was heard as neither (0.25
    Japanese, 0.13 English); ending at the pause, it is English (0.99)."""
    import soundfile as sf

    from furikaeri.analysis import analyze_file

    en, _ = _real(shared, "en_ALL_124_M_SHS_ENG_ST1")
    ja, labels = _real(shared, "ja_KKD27-ST2")
    answer = np.concatenate([_cut(en, 0.0, 7.9), np.zeros(int(0.7 * RATE), np.float32),
                             _cut(ja, labels["speech_start"] - 0.2, labels["speech_end"] + 0.2)])
    path = tmp_path / "en_then_ja.wav"
    sf.write(path, answer, RATE)
    a = analyze_file(path)
    assert a.language == "ja"
    (span,) = a.other_languages
    assert span.language == "en" and span.start < 1.0 and 6.0 <= span.end <= 10.0, span
    assert any("英語" in w for w in a.warnings), a.warnings


# --------------------------------------------------------------------------- W #1: a voice Silero barely hears


@pytest.mark.model
def test_a_radio_voice_silero_barely_hears_is_no_freeze(shared):
    """en/apollo11.mp3: 15 s of the radio voice (Silero 0.14-0.27, 4-7 dB under the speech level
    at its loudest tenth, over 25 dB over the room) read as a 9.6-s and a 5.4-s pause, their
    words gone. Through a narrow band, a loud voice that long is speech; the real silence of
    26.5-30.5 s (the room's level) stays a pause."""
    from furikaeri.analysis import analyze_file

    a = analyze_file(shared("en", "apollo11.mp3"))
    long_ones = [(p.start, p.end) for p in a.pauses if p.end - p.start >= 3.0]
    assert not any(s < 60.0 and e > 43.0 for s, e in long_ones), long_ones
    assert any(s <= 27.0 and e >= 30.0 for s, e in long_ones), long_ones
    said = " ".join(w.text for w in a.words if 43.0 <= w.start <= 61.0)
    assert len(said.split()) >= 15, said


def test_a_loud_voice_is_speech_only_through_a_narrow_band():
    """The rule alone: a run of word-like bursts as loud as the speech, Silero at 0.2, is speech
    in a narrow take, not in a wide one (a laugh or a room's noise can be as loud there)."""
    from furikaeri.speech import speech_map

    db = np.full(3000, -60.0, np.float32)
    vad = np.zeros(3000, np.float32)
    db[100:600] = -20.0  # the speaker's words, Silero sure
    vad[100:600] = 0.9
    for s in range(1000, 1600, 40):  # a distorted voice: words of 0.3 s, 0.1-s gaps, Silero 0.2
        db[s:s + 30] = -24.0
        vad[s:s + 30] = 0.2
    wide = speech_map(db, vad, 30.0)
    narrow = speech_map(db, vad, 30.0, narrow=True, vad_threshold=0.45, vad_low=0.3)
    assert not any(10.0 <= iv.start < 16.0 for iv in wide.intervals)
    assert sum(iv.end - iv.start for iv in narrow.intervals if 10.0 <= iv.start < 16.0) >= 4.0
    db[1000:1600] = np.where(db[1000:1600] > -60, -33.0, -60.0)  # 13 dB under the speech: not as loud
    assert not any(10.0 <= iv.start < 16.0 for iv in speech_map(db, vad, 30.0, narrow=True).intervals)
