"""How much the room echoes, told blind from the speech (no test signal): an echo score in
seconds, shaped like the room's reverberation time (RT60).

When a speaker stops, the level at the microphone cannot fall faster than the room lets it: a
dry room lets a word's end fall 15 dB within a few hundredths of a second, a room whose sound
dies away in RT60 seconds no faster than 60 / RT60 dB a second (100 dB/s in a bare room of
0.6 s). Words that fade out fall slowly in any room, so it is the *fastest* falls that tell the
room (the free-decay idea of Löllmann and Vary's blind RT60 estimation). :class:`EchoMeter`
takes the level above 200 Hz (a hum or a rumble would hide the falls) in 25-ms windows every
10 ms, finds the speech offsets (a peak 25 dB or more over the room's floor that falls 15 dB
within half a second and stays 5 dB down for 0.2 s: not a dip between syllables), measures how
fast each falls from 5 to 15 dB under its peak, and reads the score as 60 over the 90th
percentile of those rates. Noise does not read as echo: it lifts the floor, which leaves fewer
offsets to measure (the score is then None, "cannot tell"), not slower ones.

The score reads under the room's true RT60, the more so the stronger the direct sound (a bare
room of 0.6 s reads 0.36-0.55 s as the speaker is nearer or further), and dry speech reads
0.06-0.16 s (the window and the speech's own offsets set that floor). :data:`ECHO_SCORE_S` was
chosen on the English real-l2 clips alone, dry and in ``bench/real.py``'s synthetic room, and
checked on the Japanese clips, two other room families and degraded copies (noise, hum,
telephone band, clipping, low-bitrate codecs): README, "In a reverberant room".

A take heard while it is recorded and the same file read whole give the same score: the meter
takes the samples as they come (:meth:`EchoMeter.push`) and keeps only their levels.
"""

from __future__ import annotations

import numpy as np

#: Level windows (s), as :mod:`furikaeri.speech` frames them.
WIN_S, HOP_S = 0.025, 0.010
#: Below this (Hz) the level is not taken: a mains hum, rumble, a hand on the laptop.
HIGHPASS_HZ = 200.0
#: An offset's peak stands this far (dB) over the room's floor (the quietest tenth of the levels).
PEAK_OVER_FLOOR_DB = 25.0
#: ... and is the loudest level within this much (s) either side of it.
PEAK_HALF_S = 0.05
#: The fall is timed from this far under the peak (dB) ...
FALL_FROM_DB = 5.0
#: ... to this far under it, which it must reach within :data:`FALL_WITHIN_S` ...
FALL_TO_DB = 15.0
FALL_WITHIN_S = 0.5
#: ... staying :data:`FALL_FROM_DB` under the peak this long (s) from where the fall began.
HOLD_S = 0.2
#: The percentile of the offsets' fall rates the score is read from: near the fastest.
FASTEST_PERCENTILE = 90.0
#: Fewer offsets than this tell nothing (a short take, a loud room): no score.
MIN_OFFSETS = 8
#: A score from this (s) up is a room that echoes: bare rooms of RT60 0.45 s and more read over
#: it (a 0.3-s furnished room mostly under it), dry speech under 0.17 s (0.21 at worst).
ECHO_SCORE_S = 0.3


class EchoMeter:
    """The echo score of a take fed in pieces (:meth:`push`, mono float samples at ``rate``);
    :meth:`score` at any time reads it over what came so far."""

    def __init__(self, rate: int = 16000) -> None:
        from scipy.signal import butter

        self.rate = rate
        self._sos = butter(4, HIGHPASS_HZ / (rate / 2), btype="highpass", output="sos")
        self._zi = None
        self._win, self._hop = int(round(WIN_S * rate)), int(round(HOP_S * rate))
        self._left = np.zeros(0, np.float64)  # filtered samples not yet framed
        self._levels: list[np.ndarray] = []

    def push(self, samples: np.ndarray) -> None:
        from scipy.signal import sosfilt, sosfilt_zi

        x = np.asarray(samples, dtype=np.float64).reshape(-1)
        if not len(x):
            return
        if self._zi is None:
            self._zi = sosfilt_zi(self._sos) * 0.0
        y, self._zi = sosfilt(self._sos, x, zi=self._zi)
        buf = np.concatenate([self._left, y])
        n = 0 if len(buf) < self._win else 1 + (len(buf) - self._win) // self._hop
        if n:
            sq = np.concatenate(([0.0], np.cumsum(buf[: (n - 1) * self._hop + self._win] ** 2)))
            starts = np.arange(n) * self._hop
            power = (sq[starts + self._win] - sq[starts]) / self._win
            self._levels.append(10.0 * np.log10(np.maximum(power, 0.0) + 1e-12))
        self._left = buf[n * self._hop:]

    def score(self) -> float | None:
        """The echo score (s), or None with fewer than :data:`MIN_OFFSETS` offsets to read."""
        rates = fall_rates(np.concatenate(self._levels) if self._levels else np.zeros(0))
        if len(rates) < MIN_OFFSETS:
            return None
        return round(float(60.0 / np.percentile(rates, FASTEST_PERCENTILE)), 3)


def echo_score(samples: np.ndarray, rate: int = 16000) -> float | None:
    """:class:`EchoMeter`'s score of a whole take."""
    meter = EchoMeter(rate)
    meter.push(samples)
    return meter.score()


def fall_rates(levels: np.ndarray) -> np.ndarray:
    """The fall rates (dB/s) of the speech offsets in ``levels`` (dB, every :data:`HOP_S`)."""
    if len(levels) == 0:
        return np.zeros(0)
    floor = float(np.percentile(levels, 10))
    half, within, hold = (int(round(s / HOP_S)) for s in (PEAK_HALF_S, FALL_WITHIN_S, HOLD_S))
    rates = []
    p = half
    while p < len(levels) - hold:
        peak = levels[p]
        if peak < levels[p - half:p + half + 1].max() or peak - floor < max(PEAK_OVER_FLOOR_DB, FALL_TO_DB + 5):
            p += 1
            continue
        t0, t1 = _crossing(levels, p, FALL_FROM_DB, within), _crossing(levels, p, FALL_TO_DB, within)
        start = int(np.ceil(t0)) if t0 is not None else None
        # a fall that stays down, not a dip between two syllables
        if t0 is None or t1 is None or t1 <= t0 or start + hold > len(levels) \
                or levels[start:start + hold].max() > peak - FALL_FROM_DB:
            p += 1
            continue
        rates.append((FALL_TO_DB - FALL_FROM_DB) / ((t1 - t0) * HOP_S))
        p = int(t1) + 1
    return np.asarray(rates)


def _crossing(levels: np.ndarray, p: int, drop: float, within: int) -> float | None:
    """Where (a fractional frame after ``p``) the level first falls ``drop`` dB under
    ``levels[p]``, read between frames; None if not within ``within`` frames."""
    target = levels[p] - drop
    end = min(len(levels), p + within + 1)
    below = np.nonzero(levels[p + 1:end] <= target)[0]
    if not len(below):
        return None
    k = p + 1 + int(below[0])
    a, b = levels[k - 1], levels[k]
    return k - 1 + ((a - target) / (a - b) if a != b else 1.0)
