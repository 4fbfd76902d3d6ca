"""Test audio cut from the real recordings in ../shared/audio, built at test time (the
recordings are never copied into this repository).

``../shared/audio/real-l2`` labels every word, pause and filler by hand, so a stretch of a real
speaker's answer, or a real filler, can be cut out at its labelled edges and put together with
other real sound: a run of one speaker's own fillers said one after another, a laugh between two
of a speaker's phrases. The sounds are all people's; only their order is made.
"""

from __future__ import annotations

import json

import numpy as np

from furikaeri.audio import Audio, load_audio

RATE = 16000


def real_l2(shared, name: str) -> tuple[Audio, dict]:
    """A real-l2 clip (``en_ALL_115_M_TUR_ENG_ST2``) and its labels."""
    path = shared("real-l2", name + ".flac")
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return load_audio(str(path)), truth


def cut(audio: Audio, start: float, end: float) -> np.ndarray:
    return np.asarray(audio.samples[int(start * RATE):int(end * RATE)], dtype=np.float32)


def room_tone(audio: Audio, pause: dict, seconds: float) -> np.ndarray:
    """``seconds`` of the recording's own silence (a labelled pause, repeated)."""
    tone = cut(audio, pause["start"] + 0.05, pause["end"] - 0.05)
    reps = int(np.ceil(seconds * RATE / len(tone)))
    return np.tile(tone, reps)[: int(seconds * RATE)]


def build(parts, source: str) -> Audio:
    return Audio(np.concatenate(parts).astype(np.float32), RATE, source)


SPEAKER = "en_ALL_115_M_TUR_ENG_ST2"


def run_of_fillers(shared, gap_s: float = 0.1) -> tuple[Audio, tuple[float, float]]:
    """One speaker's own three fillers ("uh", "uh", "eh") said one after another, ``gap_s``
    apart, between two of his phrases ("there was a boy sitting under a tree" ... "he started
    to blew someone"). Returns the audio and where the run lies."""
    audio, truth = real_l2(shared, SPEAKER)
    fillers = {round(f["start"], 2): f for f in truth["fillers"]}  # eh 13.39, uh 18.36, uh 29.64
    order = [fillers[18.36], fillers[29.64], fillers[13.39]]
    pause = truth["pauses"][0]
    parts = [cut(audio, 0.0, 2.30), room_tone(audio, pause, 0.4)]
    start = sum(len(p) for p in parts) / RATE
    for k, f in enumerate(order):
        if k:
            parts.append(room_tone(audio, pause, gap_s))
        parts.append(cut(audio, f["start"], f["end"]))
    end = sum(len(p) for p in parts) / RATE
    parts += [room_tone(audio, pause, 0.4), cut(audio, 9.40, 11.10), room_tone(audio, pause, 0.5)]
    return build(parts, "run_of_fillers"), (start, end)


def laugh_between_phrases(shared) -> tuple[Audio, tuple[float, float]]:
    """A real laugh (``edge/laugh.mp3``, brought to the speaker's level) between two of one
    speaker's phrases, set off by pauses. Returns the audio and where the laugh lies."""
    audio, truth = real_l2(shared, SPEAKER)
    laugh = load_audio(str(shared("edge", "laugh.mp3"))).samples.astype(np.float32)
    phrase = cut(audio, 0.0, 2.30)
    gain = np.sqrt(np.mean(phrase ** 2)) / max(np.sqrt(np.mean(laugh[np.abs(laugh) > 0.01] ** 2)), 1e-6)
    laugh = np.clip(laugh * gain, -1.0, 1.0)
    pause = truth["pauses"][0]
    parts = [phrase, room_tone(audio, pause, 0.5)]
    start = sum(len(p) for p in parts) / RATE
    parts.append(laugh)
    end = sum(len(p) for p in parts) / RATE
    parts += [room_tone(audio, pause, 0.5), cut(audio, 9.40, 11.10), room_tone(audio, pause, 0.5)]
    return build(parts, "laugh_between_phrases"), (start, end)


def comparison_like(shared) -> tuple[Audio, tuple[float, float]]:
    """"The animals that he left behind are like snakes": one speaker's own words (en_ALL_124
    ST2), his "like snakes" put straight after his "... are", with no pause. Whisper writes
    "are, like, snakes". Returns the audio and where "like" lies."""
    audio, truth = real_l2(shared, "en_ALL_124_M_SHS_ENG_ST2")
    pause = truth["pauses"][0]
    parts = [room_tone(audio, pause, 0.3), cut(audio, 16.79, 18.23)]
    start = sum(len(p) for p in parts) / RATE
    parts.append(cut(audio, 8.246, 9.046))
    parts.append(room_tone(audio, pause, 0.3))
    return build(parts, "comparison_like"), (start, start + 0.19)


def _bench_real():
    """``bench/real.py``, whose noisy rooms the tests share."""
    import importlib.util
    import sys
    from pathlib import Path

    bench = Path(__file__).resolve().parents[1] / "bench"
    sys.path.insert(0, str(bench))
    spec = importlib.util.spec_from_file_location("bench_real", bench / "real.py")
    real = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(real)
    return real


def _mixed(real, audio: Audio, truth: dict, noise: np.ndarray, snr_db: float, what: str) -> Audio:
    words = real.in_span(truth["words"], truth["speech_start"], truth["speech_end"])
    level = real.speech_rms(audio.samples, audio.rate, words)
    return Audio(real.mix_at_snr(audio.samples, noise, level, snr_db), audio.rate, f"{audio.source} + {what}")


def in_steady_noise(audio: Audio, truth: dict, snr_db: float, color: str = "pink") -> Audio:
    """``audio`` in a room with a steady noise (a fan, traffic: pink or brown noise), ``snr_db``
    under the speaker's level; mixed as ``bench/real.py --noise`` mixes it."""
    real = _bench_real()  # and bench/ on the path
    import corpus

    noise = corpus.room_noise(len(audio.samples), np.random.default_rng(3), color, -30.0)
    return _mixed(real, audio, truth, noise, snr_db, f"{color} noise")


def in_babble(audio: Audio, truth: dict, snr_db: float, name: str) -> Audio:
    """``audio`` (the real-l2 clip ``name``) in a café: six other real-l2 speakers talking at
    once, ``snr_db`` under the speaker's level, as ``bench/real.py --noise babble:SNR``."""
    real = _bench_real()
    noise = real.noise_for("babble", len(audio.samples), audio.rate, name + ".flac")
    return _mixed(real, audio, truth, noise, snr_db, "babble")
