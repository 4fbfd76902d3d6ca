"""Errors a person meets at the edges, said as what they are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("lang,said", [("C.UTF-8", "disk full while writing standard output"),
                                       ("ja_JP.UTF-8", "標準出力の書き込み中にディスクがいっぱい")])
def test_output_to_a_full_disk_says_standard_output(tmp_path, lang, said):
    """`furikaeri questions > file` on a full disk: the printing failed, not some file."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "LANG": lang, "LC_ALL": ""}
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "furikaeri", "--home", str(tmp_path), "questions"],
                           stdout=full, stderr=subprocess.PIPE, text=True, env=env)
    assert r.returncode == 2
    assert said in r.stderr and "a file" not in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def _tell():
    import soundfile as sf

    x, rate = sf.read(Path(__file__).resolve().parents[1] / "samples" / "en_tell_me_about_yourself.flac",
                      dtype="float32")
    return x, rate


def test_channels_in_opposite_polarity_are_not_mixed_to_silence(tmp_path):
    """A stereo take whose second channel is wired inverted (some laptop microphone arrays): the
    average cancels to nothing, and 32 s of clear speech was "no speech detected"."""
    import numpy as np
    import soundfile as sf

    from furikaeri.audio import load_audio, mix_down, read_chunks

    x, rate = _tell()
    level = float(np.sqrt((x ** 2).mean()))
    sf.write(tmp_path / "inverted.wav", np.stack([x, -x], 1), rate)
    for got in (load_audio(tmp_path / "inverted.wav").samples,
                np.concatenate(list(read_chunks(tmp_path / "inverted.wav", seconds=5.0)))):
        assert float(np.sqrt((got ** 2).mean())) == pytest.approx(level, rel=0.02)
    # two independent channels are still averaged (two voices, one per channel)
    other = np.roll(x, rate // 2) * 0.5
    both = mix_down(np.stack([x, other], 1))
    assert np.allclose(both, (x + other) / 2)
    # the capture's blocks (int16) too
    pcm = (np.stack([x, -x], 1) * 32767).astype(np.int16)
    assert float(np.abs(mix_down(pcm)).mean()) > 0.9 * float(np.abs(pcm[:, 0]).mean())


def test_a_compressed_file_with_channels_in_opposite_polarity_keeps_its_speech(tmp_path):
    import av
    import numpy as np

    from furikaeri.audio import load_audio

    x, rate = _tell()
    out = av.open(str(tmp_path / "inverted.mp3"), "w")
    stream = out.add_stream("mp3", rate=rate, layout="stereo")
    frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(np.stack([x, -x]).astype(np.float32)),
                                       format="fltp", layout="stereo")
    frame.sample_rate = rate
    for packet in [*stream.encode(frame), *stream.encode(None)]:
        out.mux(packet)
    out.close()
    got = load_audio(tmp_path / "inverted.mp3").samples
    assert float(np.sqrt((got ** 2).mean())) > 0.8 * float(np.sqrt((x ** 2).mean()))


def test_a_time_in_the_take_is_rounded_half_up_as_every_figure_is():
    from furikaeri.lang import clock

    assert [clock(t) for t in (6.5, 11.5, 59.5, 0.49, 125.0)] == ["0:07", "0:12", "1:00", "0:00", "2:05"]
