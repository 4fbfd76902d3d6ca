"""Pure parts of transcribe.py: which speech Whisper skipped (decoded again without the prompt)."""

from __future__ import annotations

from furikaeri.speech import Interval
from furikaeri.transcribe import Word, decoding_windows, skipped_speech


def _w(s, e):
    return Word(" x", s, e)


def test_skipped_speech_after_a_transcribed_stretch_is_found():
    # Whisper wrote words for the first 2.6 s of a long stretch and stopped: the next interval,
    # only 0.13 s later, has none. Judged interval by interval it is found.
    ivs = [Interval(4.31, 8.46), Interval(8.59, 11.07)]
    words = [_w(4.31 + 0.2 * i, 4.5 + 0.2 * i) for i in range(13)]
    assert skipped_speech(ivs, words) == [Interval(8.59, 11.07)]


def test_short_or_covered_speech_is_not_skipped_speech():
    ivs = [Interval(0.0, 1.0), Interval(1.2, 1.6), Interval(1.8, 3.0)]
    words = [_w(0.0, 1.0), _w(1.8, 3.0)]
    assert skipped_speech(ivs, words) == []  # 0.4 s with no word: a filler, not a skipped sentence
    assert skipped_speech(ivs, [_w(0.0, 1.0)]) == [Interval(1.2, 1.6), Interval(1.8, 3.0)]
    # runs are broken by silences longer than the join gap
    far = [Interval(0.0, 0.6), Interval(2.0, 2.6)]
    assert skipped_speech(far, []) == [] and skipped_speech(far, [], join_gap_s=2.0) == far


def test_decoding_windows_pad_join_and_clip():
    ivs = [Interval(0.1, 1.0), Interval(2.0, 3.0), Interval(8.0, 9.0)]
    assert decoding_windows(ivs, 9.1) == [(0.0, 3.2), (7.8, 9.1)]
    assert decoding_windows(ivs, 9.1, pad_s=0.0, join_gap_s=0.5) == [(0.1, 1.0), (2.0, 3.0), (8.0, 9.0)]
