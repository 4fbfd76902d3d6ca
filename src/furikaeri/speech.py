"""Where speech is, from the audio itself (not from Whisper's word timestamps).

Two witnesses are combined:

- **Silero VAD** (the ONNX model bundled with faster-whisper): a speech probability per 32 ms
  window. It tells speech from room noise, clicks and breath, but its edges are coarse.
- **Frame energy** (10 ms hop, 25 ms window, RMS in dBFS) with a noise floor estimated from
  the quietest frames and hysteresis thresholds between floor and speech level. Its edges are
  sharp (pause boundaries to a frame or two) when the recording has contrast.

A frame is speech when the energy says so *and* Silero (dilated by 0.15 s) agrees. When the
energy contrast is poor (a noisy room: speech level < 12 dB over the floor) Silero's own
windows decide alone. Pause floors follow fluency research (0.25 s; METRICS.md, "Pauses").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from furikaeri.audio import Audio

HOP_S = 0.010
WIN_S = 0.025
VAD_WINDOW = 512  # samples at 16 kHz = 32 ms


@dataclass(frozen=True)
class Interval:
    """A stretch of time in seconds from the start of the take."""

    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class SpeechMap:
    """Speech intervals of a take and the evidence behind them.

    ``frames_db`` is the per-10-ms energy in dBFS (for level meters and acoustic checks),
    ``floor_db`` and ``speech_db`` the estimated noise floor and speech level.
    """

    intervals: tuple[Interval, ...]
    duration: float
    floor_db: float
    speech_db: float
    frames_db: np.ndarray
    vad_prob: np.ndarray  # per 10-ms frame, Silero probability upsampled

    @property
    def has_speech(self) -> bool:
        return bool(self.intervals)

    @property
    def contrast_db(self) -> float:
        return self.speech_db - self.floor_db


def frame_db(samples: np.ndarray, rate: int, *, hop_s: float = HOP_S, win_s: float = WIN_S) -> np.ndarray:
    """RMS level in dBFS of each frame (centred windows, hop ``hop_s`` seconds)."""
    hop = int(round(hop_s * rate))
    win = int(round(win_s * rate))
    n = max(1, int(np.ceil(len(samples) / hop)))
    pad = win // 2
    x = np.pad(samples.astype(np.float64), (pad, pad + win))
    sq = np.concatenate([[0.0], np.cumsum(x * x)])
    starts = np.arange(n) * hop
    energy = (sq[starts + win] - sq[starts]) / win
    return (10.0 * np.log10(np.maximum(energy, 1e-10))).astype(np.float32)


def vad_probabilities(samples: np.ndarray, rate: int) -> np.ndarray:
    """Silero speech probability per 32-ms window (faster-whisper's bundled model)."""
    from faster_whisper.vad import get_vad_model

    if len(samples) == 0:
        return np.zeros(0, dtype=np.float32)
    pad = (-len(samples)) % VAD_WINDOW
    padded = np.pad(samples.astype(np.float32), (0, pad))
    probs = get_vad_model()(padded)
    return np.asarray(probs, dtype=np.float32).reshape(-1)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Start/end (exclusive) indices of the True runs of a boolean array."""
    if mask.size == 0:
        return []
    m = np.concatenate([[False], mask, [False]]).astype(np.int8)
    d = np.diff(m)
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)))


def _hysteresis(values: np.ndarray, high: float, low: float) -> np.ndarray:
    """Runs above ``low`` that reach ``high`` somewhere."""
    above_low = values >= low
    out = np.zeros_like(above_low)
    for s, e in _runs(above_low):
        if np.any(values[s:e] >= high):
            out[s:e] = True
    return out


def _dilate(mask: np.ndarray, n: int) -> np.ndarray:
    if n <= 0 or not mask.any():
        return mask.copy()
    k = np.ones(2 * n + 1)
    return np.convolve(mask.astype(float), k, mode="same") > 0


def find_speech(
    audio: Audio,
    *,
    vad_threshold: float = 0.5,
    vad_low: float = 0.35,
    min_speech_s: float = 0.06,
    bridge_s: float = 0.08,
    vad_dilate_s: float = 0.15,
    min_contrast_db: float = 12.0,
) -> SpeechMap:
    """Speech intervals of ``audio``.

    Parameters
    ----------
    vad_threshold, vad_low : float in (0, 1)
        Silero hysteresis: a region is speech when its probability reaches ``vad_threshold``
        and lasts while it stays above ``vad_low``.
    min_speech_s : float >= 0, seconds
        Shorter islands (clicks) are dropped.
    bridge_s : float >= 0, seconds
        Gaps shorter than this (stop closures inside words) are bridged.
    vad_dilate_s : float >= 0, seconds
        How far energy edges may reach beyond Silero's windows.
    min_contrast_db : float, dB
        Below this speech-over-floor contrast, energy edges are not trusted.
    """
    x, rate = audio.samples, audio.rate
    db = frame_db(x, rate)
    n = len(db)
    per_vad = VAD_WINDOW / rate / HOP_S  # 3.2 frames per VAD window
    probs = vad_probabilities(x, rate)
    idx = np.minimum((np.arange(n) / per_vad).astype(int), max(len(probs) - 1, 0))
    vad_prob = probs[idx] if len(probs) else np.zeros(n, dtype=np.float32)
    vad_mask = _hysteresis(vad_prob, vad_threshold, vad_low)

    floor = float(np.percentile(db, 10)) if n else -100.0
    floor = max(floor, -90.0)
    if vad_mask.any():
        speech_level = float(np.percentile(db[vad_mask], 90))
    else:
        speech_level = float(np.percentile(db, 98)) if n else floor
    contrast = speech_level - floor

    if contrast >= min_contrast_db:
        # Thresholds between floor and speech level, hysteresis for soft word edges.
        high = floor + max(9.0, 0.45 * contrast)
        low = floor + max(6.0, 0.25 * contrast)
        energy_mask = _hysteresis(db, high, low)
        mask = energy_mask & _dilate(vad_mask, int(round(vad_dilate_s / HOP_S)))
    else:
        mask = vad_mask.copy()

    # Bridge tiny gaps, drop tiny islands.
    bridge = int(round(bridge_s / HOP_S))
    inv = ~mask
    for s, e in _runs(inv):
        if s > 0 and e < n and (e - s) < bridge:
            mask[s:e] = True
    min_len = int(round(min_speech_s / HOP_S))
    for s, e in _runs(mask):
        if e - s < min_len:
            mask[s:e] = False

    duration = audio.duration
    intervals = tuple(
        Interval(round(float(s) * HOP_S, 3), round(min(float(e) * HOP_S, duration), 3)) for s, e in _runs(mask)
    )
    return SpeechMap(
        intervals=intervals,
        duration=duration,
        floor_db=floor,
        speech_db=speech_level,
        frames_db=db,
        vad_prob=vad_prob,
    )


def gaps(intervals, start: float, end: float, *, min_gap_s: float = 0.25) -> list[Interval]:
    """Silences of at least ``min_gap_s`` between speech intervals, within [start, end]."""
    out = []
    prev_end = None
    for iv in intervals:
        if iv.end <= start or iv.start >= end:
            continue
        if prev_end is not None and iv.start - prev_end >= min_gap_s:
            out.append(Interval(prev_end, iv.start))
        prev_end = iv.end if prev_end is None else max(prev_end, iv.end)
    return out
