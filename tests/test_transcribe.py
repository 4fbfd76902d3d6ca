"""transcribe.py: the windows Whisper decodes, which speech it skipped (decoded again
without the prompt), and, with the real model, room for the prompt in a window's token cap and
how much of a window the encoder is given."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def test_a_long_stretch_is_cut_at_its_widest_pause_into_windows_whisper_hears_whole():
    # 60 s of speech in 2.5-s phrases 0.5 s apart, one pause of 2 s after 23.5 s: no pause is
    # 3 s long, so all of it is one stretch, and faster-whisper would give the prompt to its
    # first 30-s window only. Cut at the widest pause, each window at most 28 s.
    ivs = [Interval(3.0 * k, 3.0 * k + 2.5) for k in range(8)]
    ivs += [Interval(25.5 + 3.0 * k, 28.0 + 3.0 * k) for k in range(12)]
    windows = decoding_windows(ivs, 70.0)
    assert windows[0] == (0.0, 23.7)  # the 2-s pause, not the last one that fits
    assert all(e - s <= 28.0 for s, e in windows) and len(windows) == 3
    # every phrase in exactly one window, in order: no window starts or ends inside one
    inside = [[iv for iv in ivs if s <= iv.start and iv.end <= e] for s, e in windows]
    assert [iv for w in inside for iv in w] == ivs
    # a stretch without any pause stays whole (Whisper's own 30-s windows then)
    assert decoding_windows([Interval(0.0, 40.0)], 41.0) == [(0.0, 40.2)]


def test_windows_cut_at_a_short_pause_do_not_overlap():
    # fast speech: 0.2-s pauses only, less than the two 0.2-s pads; the windows meet halfway
    ivs = [Interval(2.2 * k, 2.2 * k + 2.0) for k in range(20)]
    windows = decoding_windows(ivs, 45.0)
    assert len(windows) >= 2 and all(e - s <= 28.0 for s, e in windows)
    assert all(a[1] <= b[0] for a, b in zip(windows, windows[1:]))
    cut = windows[0][1]
    assert any(iv.end < cut < ivs[i + 1].start for i, iv in enumerate(ivs[:-1]))  # inside a pause


def test_a_cut_leaves_whisper_some_context_before_it():
    # the widest pause comes 2 s in: cutting there would leave a 2-s window (a full encoder pass
    # for it, and little context); the next pause fits
    ivs = [Interval(0.0, 2.0), Interval(4.5, 25.0), Interval(25.5, 40.0)]
    assert decoding_windows(ivs, 41.0, pad_s=0.0) == [(0.0, 25.0), (25.5, 40.0)]


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


@pytest.mark.model
def test_a_japanese_window_of_28_s_leaves_room_for_the_prompt():
    """A 28-s window of Japanese speech with the filler prompt: the token cap (15 a second)
    plus the prompt must stay within Whisper's 448 tokens, or faster-whisper refuses it (a
    5-minute Japanese answer failed so)."""
    from pathlib import Path

    from furikaeri import models
    from furikaeri.audio import load_audio
    from furikaeri.lang import get_rules
    from furikaeri.transcribe import transcribe

    audio = load_audio(Path(__file__).resolve().parents[1] / "samples" / "ja_gakuchika_over_budget.flac")
    path = models.resolve(None, models.default_models_dir()).path
    t = transcribe(audio.samples, path, language="ja", prompt=get_rules("ja").filler_prompt,
                   speech=[Interval(0.2, 27.9)])
    assert len("".join(w.text for w in t.words)) > 100


def test_the_encoder_is_given_a_windows_audio_and_some_padding_not_always_30_s():
    from furikaeri.transcribe import ENCODER_TAIL_FRAMES, MIN_ENCODER_FRAMES, encoder_frames

    assert encoder_frames(0) == encoder_frames(300) == MIN_ENCODER_FRAMES
    assert encoder_frames(2500) == 2500 + ENCODER_TAIL_FRAMES
    assert encoder_frames(2900) == encoder_frames(3000) == 3000  # never more than Whisper's window


@pytest.mark.model
def test_a_short_window_is_encoded_short_and_still_heard(monkeypatch):
    """An 8-s window of speech: the encoder gets 20 s of frames, not Whisper's 30 s, and the
    words are still heard; a 23-s window gets its audio and 2 s of padding. (Fails with
    faster-whisper's own encode, which always gives 3000 frames.)"""
    from furikaeri import models
    from furikaeri.audio import load_audio
    from furikaeri.speech import Interval
    from furikaeri.transcribe import ENCODER_TAIL_FRAMES, MIN_ENCODER_FRAMES, load_model, transcribe

    path = models.resolve(None, models.default_models_dir()).path
    model = load_model(path)
    seen: list[int] = []

    class Recording:
        def __init__(self, inner):
            self._inner = inner

        def encode(self, features, **kw):
            seen.append(features.shape[-1])
            return self._inner.encode(features, **kw)

        def __getattr__(self, name):
            return getattr(self._inner, name)

    monkeypatch.setattr(model, "model", Recording(model.model))
    audio = load_audio(Path(__file__).resolve().parents[1] / "samples" / "en_greatest_strength.flac")
    short = transcribe(audio.samples, path, language="en", speech=[Interval(0.5, 8.0)])
    assert seen and set(seen) == {MIN_ENCODER_FRAMES}  # (a second pass, if Whisper stopped early, too)
    assert "greatest strength" in " ".join(w.text.strip() for w in short.words).lower()
    seen.clear()
    whole = transcribe(audio.samples, path, language="en", speech=[Interval(0.5, 22.7)])
    assert seen and seen[0] == round((22.9 - 0.3) * 100) + ENCODER_TAIL_FRAMES
    assert len(whole.words) >= 40


def test_a_videos_sign_off_after_real_words_is_dropped_and_a_clear_thank_you_kept():
    """Over a second language Whisper ended a segment with "Thank you very much for watching"
    (reazon_test_ja_en): no answer ends so. A "thank you" it heard clearly is the speaker's."""
    from furikaeri.transcribe import _without_weak_closing

    said = [Word(" I", 0.0, 0.2, 0.9), Word(" know", 0.2, 0.5, 0.9)]
    signoff = [Word(w, 0.6 + i * 0.1, 0.7 + i * 0.1, 0.8) for i, w in
               enumerate([" Thank", " you", " very", " much", " for", " watching."])]
    assert _without_weak_closing(said + signoff) == said
    thanks = [Word(" Thank", 0.6, 0.8, 0.9), Word(" you.", 0.8, 1.0, 0.9)]
    assert _without_weak_closing(said + thanks) == said + thanks
