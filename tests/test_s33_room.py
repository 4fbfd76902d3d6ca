"""A quiet stretch before or after the words does not move the noise floor the pauses are
told from (QA s33 qa-b #2): a recording whose pauses lie in a -42 dBFS room, started 3 s
earlier in a quieter one, lost a pause and had its longest shortened from 1.16 s to 0.79 s."""

from __future__ import annotations

import numpy as np
import pytest

from furikaeri.audio import Audio, load_audio
from furikaeri.speech import find_speech, gaps, levels

from conftest import shared_audio


@pytest.fixture(scope="module")
def jfk():
    return load_audio(str(shared_audio("en", "jfk.flac")))


def _pauses(audio: Audio, shift: float) -> list[tuple[float, float]]:
    smap = find_speech(audio)
    first, last = smap.intervals[0].start, smap.intervals[-1].end
    return [(round(g.start - shift, 2), round(g.end - shift, 2)) for g in gaps(smap.intervals, first, last)]


def _quiet(seconds: float, dbfs: float, rate: int) -> np.ndarray:
    rng = np.random.default_rng(0)
    return (rng.standard_normal(int(seconds * rate)) * 10 ** (dbfs / 20)).astype(np.float32)


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("seconds,dbfs", [(3.0, -60.0), (6.0, -66.0)])
def test_a_quieter_lead_in_or_tail_leaves_the_pauses_as_they_are(jfk, where, seconds, dbfs):
    plain = _pauses(jfk, 0.0)
    assert len(plain) >= 4 and max(e - s for s, e in plain) > 1.0  # the recording's own pauses
    quiet = _quiet(seconds, dbfs, jfk.rate)
    x = np.concatenate([quiet, jfk.samples] if where == "before" else [jfk.samples, quiet])
    padded = _pauses(Audio(x, jfk.rate, "padded"), seconds if where == "before" else 0.0)
    assert len(padded) == len(plain), (plain, padded)
    for (s0, e0), (s1, e1) in zip(plain, padded):
        assert abs(s0 - s1) <= 0.03 and abs(e0 - e1) <= 0.03, (plain, padded)


def test_the_floor_is_the_room_between_the_words_only_when_far_over_the_take(jfk):
    """An ordinary take (the room the same before, between and after the words) keeps the
    floor of the whole take; only a lead-in far quieter than the room moves it."""
    plain = find_speech(jfk)
    whole = levels(plain.frames_db, plain.vad_prob).floor
    x = np.concatenate([_quiet(3.0, -60.0, jfk.rate), jfk.samples])
    led = find_speech(Audio(x, jfk.rate))
    assert plain.floor_db == pytest.approx(whole)
    assert led.floor_db == pytest.approx(plain.floor_db, abs=1.5)  # not -65 dBFS, the lead-in's
