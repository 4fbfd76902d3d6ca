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


class _Seg:
    def __init__(self, start, end):
        self.start, self.end, self.text, self.words = start, end, " x", ()


class _Model:
    """Records the slices it is given. A slice decodes to a segment every 5 s, the last ending
    0.3 s before the slice does (Whisper's last timestamp), then, as faster-whisper decodes
    the sliver left as a window of its own, a segment over the last 0.3 s."""

    def __init__(self, last_gap_s=0.3):
        self.slices, self.gap = [], last_gap_s

    def transcribe(self, samples, **options):
        n = len(samples) / 16000
        self.slices.append(round(n, 2))
        ends = [min(t, n - self.gap) for t in range(5, int(n) + 5, 5)] + [n]
        return (_Seg(max(0.0, e - 5), e) for e in ends), None


def _ends(model, ivs):
    import numpy as np

    from furikaeri.transcribe import _segments

    windows = decoding_windows(ivs, 25.0)
    return [round(offset + seg.end, 2) for seg, offset in _segments(model, np.zeros(16000 * 25, np.float32), ivs, windows)]


def test_each_window_is_decoded_on_its_own_slice_and_a_silent_tail_is_skipped():
    model = _Model()
    ends = _ends(model, [Interval(1.0, 12.0), Interval(20.0, 22.0)])
    assert model.slices == [11.4, 2.4]  # the windows (0.8, 12.2) and (19.8, 22.2)
    # times on the take's clock; neither window's silent last 0.3 s is decoded again
    assert ends == [5.8, 10.8, 11.9, 21.9]


def test_a_tail_with_speech_is_decoded():
    model = _Model(last_gap_s=0.8)
    ends = _ends(model, [Interval(1.0, 11.0), Interval(11.5, 12.0)])  # speech in the last 0.8 s
    assert ends == [5.8, 10.8, 11.4, 12.2]
