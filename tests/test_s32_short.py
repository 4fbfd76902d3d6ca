"""A take shorter than the speech map's smoothing windows (a 0.3-s "yes", a click) is measured,
not a crash: the frame masks keep their own length (QA s32 qa-c #1, ``operands could not be
broadcast together with shapes (30,) (31,)``)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.speech import Interval, speech_map, voiced_bursts

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "en_greatest_strength.flac"


@pytest.mark.parametrize("frames", [1, 2, 5, 25, 30, 31, 40])
def test_a_take_shorter_than_the_dilation_window_is_mapped(frames):
    db = np.full(frames, -60.0)
    db[frames // 3:] = -20.0  # a loud sound in the last two thirds
    vad = np.zeros(frames)
    vad[frames // 3:] = 0.9
    m = speech_map(db, vad, frames * 0.01)
    for iv in m.intervals:
        assert 0.0 <= iv.start < iv.end <= frames * 0.01 + 1e-9


@pytest.mark.parametrize("frames", [1, 2, 3, 4])
def test_bursts_of_a_stretch_of_a_few_frames_stay_inside_it(frames):
    db = np.linspace(-30.0, -20.0, frames)
    out = voiced_bursts(db, [Interval(0.0, frames * 0.01)])
    assert out and all(0.0 <= iv.start < iv.end <= frames * 0.01 + 1e-9 for iv in out)


@pytest.mark.model
def test_a_300_ms_cut_of_speech_is_analysed_and_the_next_file_too(tmp_path):
    audio, sr = sf.read(SAMPLE)
    short = tmp_path / "short.wav"
    sf.write(short, audio[int(sr * 0.5):int(sr * 0.8)], sr)
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", "--json", "--budget", "60",
                                      str(short), str(SAMPLE)])
    assert "Traceback" not in result.output and "unexpected" not in result.output, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("{")]
    assert len(lines) == 2, result.output
