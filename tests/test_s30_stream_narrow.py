"""A take recorded without its high band (a headset on a call profile, an 8-kHz recorder) is
heard live with the thresholds a narrow file gets: the recording path and the file path agree."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from furikaeri.audio import RATE, load_audio, resample
from furikaeri.speech import NARROW_VAD, BandTrack, narrowband


def narrowed(x: np.ndarray) -> np.ndarray:
    return resample(resample(x, RATE, 8000), 8000, RATE)[: len(x)].astype(np.float32)


def fed_in_pieces(x: np.ndarray) -> BandTrack:
    track = BandTrack()
    for i in range(0, len(x), 1500):  # blocks that do not fall on the track's windows
        track.add(x[i:i + 1500])
    return track


def test_the_band_heard_piece_by_piece_is_judged_as_the_whole_take():
    rng = np.random.default_rng(2)
    wide = (0.1 * rng.standard_normal(RATE * 4)).astype(np.float32)
    for x in (wide, narrowed(wide), np.zeros(RATE * 2, np.float32)):
        track = fed_in_pieces(x)
        assert track.narrow == narrowband(x, RATE)
        assert track.vad == (NARROW_VAD if track.narrow else {})
    assert fed_in_pieces(narrowed(wide)).narrow and not fed_in_pieces(wide).narrow


@pytest.mark.model
def test_a_narrow_take_heard_live_keeps_its_first_word(shared, tmp_path):
    """jfk.flac as an 8-kHz recorder hears it, streamed: "And" at 0.32 s keeps its own time (with
    the wide thresholds Silero missed it and Whisper piled it onto "so" at 0.67 s)."""
    from furikaeri.analysis import analyze_file
    from furikaeri.stream import blocks_of, listen_to

    x = narrowed(load_audio(shared("en", "jfk.flac")).samples)
    streamed = listen_to(blocks_of(x), source="jfk-8k", language="en")
    assert streamed.words[0].text.strip() == "And"
    assert streamed.words[0].start < 0.4
    sf.write(tmp_path / "jfk8.wav", x, RATE)
    whole = analyze_file(tmp_path / "jfk8.wav", language="en")
    assert [round(p.start, 1) for p in streamed.pauses] == [round(p.start, 1) for p in whole.pauses]
