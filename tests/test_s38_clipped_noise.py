"""A loud noise that reaches full scale is no sign of an input level set too high (QA s37 V1 #7).

White noise over 4 s of an answer, clipped at full scale, gave "The recording is clipped (0.6%
of its samples at full scale) ... turn the input gain down" beside the warning that names the
noise: the full-scale samples were the noise's, and turning the gain down would not help. The
samples at full scale are now counted where they lie (:meth:`furikaeri.audio.FullScale.share_outside`)
and those inside the noise are left out of the clipping figure.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
import soundfile as sf

from furikaeri.audio import FullScale

from conftest import SAMPLES


def _span(start, end):
    return SimpleNamespace(start=start, end=end)


def test_samples_at_full_scale_are_counted_where_they_lie():
    full = FullScale()
    # 10 s of stereo at 16 kHz, added in three pieces: a room's hiss in both channels (a channel
    # silent beside a live one is a dead one, left out: QA s50 MM #4)
    x = (np.random.default_rng(0).standard_normal((16000 * 10, 2)) * 1e-3).astype(np.float32)
    x[16000 * 2:16000 * 2 + 100, 0] = 1.0  # 100 at 2 s, on one channel
    x[16000 * 6:16000 * 6 + 300] = -1.0  # 600 at 6 s, both channels
    for piece in np.array_split(x, 3):
        full.add(piece)
    assert full.hits == 700 and full.share == pytest.approx(700 / x.size)
    assert full.share_outside([_span(5.5, 7.0)], 10.0) == pytest.approx(100 / x.size)
    assert full.share_outside([_span(1.5, 2.5), _span(5.5, 7.0)], 10.0) == 0.0
    assert full.share_outside([_span(3.0, 5.0)], 10.0) == pytest.approx(full.share)  # none inside
    assert full.share_outside([], 10.0) == full.share


def _noisy_take(tmp_path, clip_voice: bool = False):
    """The sample answer with white noise (sigma 0.5, clipped at full scale) over 10-14 s, written
    as a 16-bit WAV; ``clip_voice``: the voice before it also driven into clipping."""
    x, rate = sf.read(SAMPLES / "en_tell_me_about_yourself.flac", dtype="float32")
    rng = np.random.default_rng(3)
    a, b = 10 * rate, 14 * rate
    x[a:b] = np.clip(rng.normal(0, 0.5, b - a), -1, 1)
    if clip_voice:
        x[: 9 * rate] = np.clip(x[: 9 * rate] * 6, -1, 1)
    path = tmp_path / "take.wav"
    sf.write(path, x, rate, subtype="PCM_16")
    return path


@pytest.mark.model
def test_noise_at_full_scale_is_named_and_no_gain_advice_is_given(tmp_path):
    from furikaeri.analysis import analyze_file
    from furikaeri.audio import load_audio

    path = _noisy_take(tmp_path)
    assert load_audio(path).clipped > 0.004  # the file as a whole is clipped: the noise's samples
    a = analyze_file(path, language="en")
    assert any(w.startswith("A loud steady noise") and "0:10–0:14" in w for w in a.warnings), a.warnings
    assert not any("clipped" in w for w in a.warnings), a.warnings


def test_a_clipped_voice_beside_the_noise_still_counts(tmp_path):
    from furikaeri.audio import load_audio

    audio = load_audio(_noisy_take(tmp_path, clip_voice=True))
    outside = audio.full_scale.share_outside([_span(10.0, 14.0)], audio.duration)
    assert outside > 0.001 and outside < audio.clipped  # the voice's own clipping is still said
