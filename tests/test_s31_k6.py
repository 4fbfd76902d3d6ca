"""Session 31, k6: a soft word Silero hears only as speech going on stays in the speech map; speech
Whisper stamped one stretched word over is heard again."""

from __future__ import annotations

import numpy as np

from furikaeri.speech import speech_map


def _answer_with_a_soft_word(word_p: float):
    """A phrase at -23 dBFS, 1.3 s of room at -62, a word at -44 (17 dB over the room) for
    0.3 s, room, a phrase: Silero sure of the phrases, ``word_p`` over the word."""
    db = np.full(500, -62.0, np.float32)
    vad = np.full(500, 0.03, np.float32)
    db[20:120] = db[300:400] = -23.0
    vad[20:120] = vad[300:400] = 0.95
    db[250:280] = -44.0
    vad[255:275] = word_p
    return db, vad


def test_a_soft_word_silero_hears_as_speech_going_on_is_speech():
    # the word's Silero probability wandered between 0.37 and 0.52 with the level, the channels
    # or the rate the take was saved at: at 0.46 the pause before it read 2.0 s, not 1.3
    db, vad = _answer_with_a_soft_word(0.46)
    spans = [(iv.start, iv.end) for iv in speech_map(db, vad, 5.0).intervals]
    assert spans == [(0.2, 1.2), (2.5, 2.8), (3.0, 4.0)]
    # narrow takes have Silero's bars lowered: the word at 0.32 counts there, not in a wide take
    db, vad = _answer_with_a_soft_word(0.32)
    assert (2.5, 2.8) in [(iv.start, iv.end) for iv in speech_map(db, vad, 5.0, vad_threshold=0.45,
                                                                    vad_low=0.3).intervals]
    assert (2.5, 2.8) not in [(iv.start, iv.end) for iv in speech_map(db, vad, 5.0).intervals]


def test_a_sound_silero_hears_as_no_speech_stays_out_however_loud():
    # a breath, a click, a chair: energy alone never makes speech
    db, vad = _answer_with_a_soft_word(0.2)
    assert [(iv.start, iv.end) for iv in speech_map(db, vad, 5.0).intervals] == [(0.2, 1.2), (3.0, 4.0)]


def test_a_soft_sound_touching_a_word_does_not_move_its_edge():
    # only sounds the map lost whole are added: a phrase's edges stay where both witnesses put them
    db, vad = _answer_with_a_soft_word(0.03)
    db[120:160] = -44.0  # a soft tail after the phrase, Silero unsure (0.4) beyond its dilation
    vad[140:160] = 0.4
    spans = [(iv.start, iv.end) for iv in speech_map(db, vad, 5.0).intervals]
    assert spans[0] == (0.2, 1.35)
