"""Reading audio files (furikaeri.audio): clipping counted as stored, float files beyond full
scale brought within it. Real files written and read back; no model."""

from __future__ import annotations

import os

import numpy as np
import pytest
import soundfile as sf

from furikaeri.audio import CLIPPED_SHARE, FullScale, load_audio, read_chunks
from furikaeri.errors import AudioError


def _voice(seconds: float = 3.0, rate: int = 16000) -> np.ndarray:
    """A vowel-like tone with a syllable rhythm, peaking at 0.5."""
    t = np.arange(int(seconds * rate)) / rate
    return (0.5 * np.sin(2 * np.pi * 180 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 4 * t) ** 2)).astype(np.float32)


def test_full_scale_counts_clipped_samples_of_every_channel_and_of_16_bit_blocks():
    fs = FullScale()
    fs.add(np.array([[0.2, 1.0], [-1.0, 0.5]], dtype=np.float32))
    assert (fs.hits, fs.samples) == (2, 4)
    fs.add_pcm16(np.array([32767, -32768, 1000, 32000], dtype=np.int16).tobytes())
    assert (fs.hits, fs.samples) == (4, 8) and fs.share == 0.5
    assert FullScale().share == 0.0


def test_a_recording_set_too_high_is_clipped_as_stored_though_resampling_rounds_its_tops(tmp_path):
    x = _voice(rate=48000)
    hot = tmp_path / "hot.wav"
    sf.write(hot, np.clip(x * 4, -1, 1), 48000, subtype="PCM_16")  # 12 dB too high
    fine = tmp_path / "fine.wav"
    sf.write(fine, x, 48000, subtype="PCM_16")
    a = load_audio(hot)
    assert a.clipped > 0.1 > CLIPPED_SHARE
    assert load_audio(fine).clipped == 0.0
    counted = FullScale()
    chunks = list(read_chunks(hot, seconds=0.5, full_scale=counted))
    assert abs(counted.share - a.clipped) < 1e-9
    assert np.allclose(np.concatenate(chunks), a.samples, atol=1e-4)


def test_a_float_file_beyond_full_scale_is_heard_whole_and_not_called_clipped(tmp_path):
    x = _voice()
    loud = tmp_path / "loud.wav"
    sf.write(loud, x * 10, 16000, subtype="FLOAT")  # 20 dB over full scale, the waveform whole
    a = load_audio(loud)
    assert abs(np.max(np.abs(a.samples)) - 1.0) < 1e-6
    assert np.allclose(a.samples, x / np.max(np.abs(x)), atol=1e-5)
    assert a.clipped < CLIPPED_SHARE
    counted = FullScale()
    chunks = np.concatenate(list(read_chunks(loud, seconds=0.5, full_scale=counted)))
    assert np.allclose(chunks, a.samples, atol=1e-6) and counted.share < CLIPPED_SHARE


def _room(seconds: float, level: float = 1e-4, seed: int = 0) -> np.ndarray:
    """A quiet room (-80 dBFS of noise) with a voice in the middle."""
    rng = np.random.default_rng(seed)
    x = (rng.standard_normal(int(seconds * 16000)) * level).astype(np.float32)
    v = _voice(1.0)
    a = len(x) // 2 - len(v) // 2
    x[a:a + len(v)] += v
    return x


def test_a_microphones_dc_offset_is_taken_out_and_a_clean_take_is_left_exactly_as_it_is():
    from furikaeri.audio import Offset, without_offset

    clean = _room(4.0)
    assert np.array_equal(without_offset(clean), clean)  # no offset: not one sample changed
    for dc in (0.005, -0.001):
        out = without_offset(clean + np.float32(dc))
        assert np.max(np.abs(out - clean)) < 3e-5  # within 1 bit of 16-bit audio, from the first cell
        offset = Offset()
        parts = [offset.push(clean[i:i + 777] + np.float32(dc)) for i in range(0, len(clean), 777)]
        assert np.array_equal(np.concatenate(parts + [offset.flush()]), out)  # as it comes = whole
        assert abs(offset.largest - abs(dc)) < 1e-4
    # an offset under the room's own noise is not what the floor is made of: left alone
    assert np.array_equal(without_offset(clean + np.float32(5e-5)), clean + np.float32(5e-5))


def test_a_header_with_an_impossible_sample_rate_is_refused_not_read_for_hours(tmp_path):
    """A WAV whose rate field says 1 Hz would be resampled into 104 hours of audio: one line."""
    import struct

    good = tmp_path / "good.wav"
    sf.write(good, np.zeros(16000, dtype=np.float32), 16000, subtype="PCM_16")
    raw = bytearray(good.read_bytes())
    raw[24:28] = struct.pack("<I", 1)  # the fmt chunk's sample rate
    bad = tmp_path / "one_hz.wav"
    bad.write_bytes(bytes(raw))
    for read in (load_audio, lambda p: list(read_chunks(p))):
        with pytest.raises(AudioError, match="sampled at 1 Hz"):
            read(bad)
    assert load_audio(good).duration == 1.0


def test_a_file_cut_off_in_a_copy_is_read_as_far_as_it_goes_and_said_to_end_early(tmp_path):
    """QA: a FLAC cut part through (a broken copy) was refused whole ("not a readable audio
    file") though 15 of its 32 s decode; a WAV cut the same way was analysed with no word.
    Both are read as far as they go and marked cut short; a whole file is not."""
    x = _voice(30.0)
    for fmt in ("WAV", "FLAC"):
        whole = tmp_path / f"whole.{fmt.lower()}"
        sf.write(whole, x, 16000, format=fmt)
        cut = tmp_path / f"cut.{fmt.lower()}"
        cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
        a = load_audio(whole)
        assert not a.cut_short and a.duration == pytest.approx(30.0, abs=0.01)
        a = load_audio(cut)
        assert a.cut_short and 5.0 < a.duration < 25.0, (fmt, a.duration)
        stored = FullScale()
        got = sum(len(c) for c in read_chunks(cut, seconds=2.0, full_scale=stored)) / 16000
        assert stored.cut_short and got == pytest.approx(a.duration, abs=1.1), fmt
        stored = FullScale()
        assert sum(len(c) for c in read_chunks(whole, seconds=2.0, full_scale=stored)) == len(x)
        assert not stored.cut_short


@pytest.mark.parametrize("subtype", ["VORBIS", "OPUS"])
def test_an_ogg_file_cut_off_is_said_to_end_early(tmp_path, subtype):
    """QA: a cut Ogg file was read to where it stops with no warning (its decoder does not
    complain). The last whole page of a finished stream is marked its end: cut inside a page,
    or after a page without that mark, the file ends early."""
    from furikaeri.audio import ogg_cut_short

    whole = tmp_path / "whole.ogg"
    sf.write(whole, _voice(30.0), 16000, format="OGG", subtype=subtype)
    raw = whole.read_bytes()
    assert not ogg_cut_short(whole) and not load_audio(whole).cut_short
    inside = tmp_path / "inside.ogg"
    inside.write_bytes(raw[: len(raw) // 2])
    a = load_audio(inside)
    assert a.cut_short and 5.0 < a.duration < 25.0, a.duration
    stored = FullScale()
    assert sum(len(c) for c in read_chunks(inside, full_scale=stored)) and stored.cut_short
    # cut where a page ends: every page whole, the stream's end never reached
    boundary = tmp_path / "boundary.ogg"
    boundary.write_bytes(raw[: raw.index(b"OggS", len(raw) // 2)])
    assert ogg_cut_short(boundary) and load_audio(boundary).cut_short
    assert not ogg_cut_short(tmp_path / "missing.ogg")


def test_an_mp3_cut_off_is_said_to_end_early(tmp_path):
    """QA: a cut MP3 was read to where it stops, its length judged, though its Xing frame names
    the whole length. A whole MP3 is no cut, nor one without a frame naming its length."""
    whole = tmp_path / "whole.mp3"
    sf.write(whole, _voice(30.0), 16000, format="MP3")
    raw = whole.read_bytes()
    assert b"Xing" in raw[:4096] or b"Info" in raw[:4096]
    assert not load_audio(whole).cut_short
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(raw[: len(raw) // 2])
    a = load_audio(cut)
    assert a.cut_short and 10.0 < a.duration < 20.0, a.duration
    stored = FullScale()
    assert sum(len(c) for c in read_chunks(cut, full_scale=stored)) and stored.cut_short
    # a name that is not UTF-8 is read by the same decoder (it fell back to one that cannot tell)
    odd = tmp_path / os.fsdecode(b"cut\xff.mp3")
    odd.write_bytes(cut.read_bytes())
    assert load_audio(odd).cut_short
    # no frame naming the length: the decoder's guess from the size is no evidence
    for tag in (b"Xing", b"Info"):
        raw = raw.replace(tag, b"Zzzz", 1)
    guessed = tmp_path / "guessed.mp3"
    guessed.write_bytes(raw[: len(raw) // 2])
    assert not load_audio(guessed).cut_short


def test_a_pipe_is_named_as_one_not_as_an_empty_file(tmp_path):
    """QA: `analyze <(cat x.wav)` said "the file is empty"."""
    fifo = tmp_path / "answer.wav"
    os.mkfifo(fifo)
    for read in (load_audio, lambda p: list(read_chunks(p))):
        with pytest.raises(AudioError, match="not a file but a pipe"):
            read(fifo)


def test_a_recording_whose_header_lags_is_no_cut(tmp_path):
    """A take being written (or killed) names less data than it holds: not a cut-off copy."""
    from furikaeri.audio import wav_cut_short

    take = tmp_path / "take.wav"
    sf.write(take, _voice(3.0), 16000, subtype="PCM_16")
    raw = bytearray(take.read_bytes())
    i = raw.index(b"data")
    raw[i + 4:i + 8] = (16000 * 2).to_bytes(4, "little")  # the header says 1 s, the file holds 3
    take.write_bytes(raw)
    assert not wav_cut_short(take)
    assert not wav_cut_short(tmp_path / "missing.wav")
