"""How the voice sounds: pitch spread and loudness range, and where it went flat.

Pitch comes from Praat's autocorrelation tracker (praat-parselmouth, ``Sound.to_pitch``): on
resynthesised speech with a known pitch it was the most accurate of the trackers tried (no
error over a semitone) and the fastest (about 0.15 s per minute of audio); ``bench/voice.py``
prints the comparison. Pitch is measured in **semitones relative to the speaker's own median**
(Traunmüller & Eriksson), so a low and a high voice compare.

- ``pitch_spread_st``: the standard deviation of pitch over the answer's voiced frames. Rated
  liveliness follows the F0 standard deviation (Hincks 2005, r = .83), and learners given
  feedback on it varied their pitch more (Hincks & Edlund 2009).
- ``windows``: the same over each 10-s stretch of the answer; a stretch whose spread is under
  :data:`furikaeri.norms.MONOTONE_ST` is ``monotone`` (Microsoft Speaker Coach counts such
  stretches). Hincks found 10-s spreads of about 1.8 to 3.6 semitones across speakers.
  ``monotone_share`` is the share of the answer's voiced speech in such stretches.
- ``loudness_range_db``: the spread between loud and soft speech (90th minus 10th percentile of
  the 10-ms frame level over speech, digital silence left out), the other half of what Orai
  calls energy.

Frames more than an octave from the median are tracking errors (a halved or doubled period),
not intonation, and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from furikaeri import norms

#: Pitch frames every 10 ms, between these limits (Hz): men's and women's speaking voices.
PITCH_FLOOR_HZ, PITCH_CEILING_HZ = 60.0, 500.0
#: A window needs this much voiced speech (s) to have a spread of its own.
MIN_VOICED_S = 1.0


@dataclass(frozen=True)
class VoiceWindow:
    """One stretch of the answer: its pitch spread (semitones) and whether it was flat."""

    start: float
    end: float
    spread_st: float
    monotone: bool
    #: the voiced speech in it (s), which its share of the answer's voice is weighed by
    voiced_s: float | None = None


@dataclass(frozen=True)
class Voice:
    """Vocal variety of one answer (module docstring). None where there is too little voiced
    speech to say."""

    median_f0_hz: float | None = None
    pitch_spread_st: float | None = None
    loudness_range_db: float | None = None
    windows: tuple[VoiceWindow, ...] = ()
    monotone_share: float | None = None


#: Samples louder than this many times the 99.9th percentile of |x| are cut before pitch tracking.
PEAK_OVER_P999 = 4.0


def pitch(samples: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """(times, f0 in Hz with NaN where unvoiced) every 10 ms (Praat's autocorrelation method)."""
    import parselmouth

    if len(samples) < int(0.1 * rate):
        return np.zeros(0), np.zeros(0)
    x = np.asarray(samples, dtype=np.float64)
    # Praat calls a frame silent or unvoiced against the loudest sample of the whole sound:
    # one knock on the desk or a bump of the microphone louder than the voice (a 4-ms click at
    # full scale over speech peaking at -22 dBFS) left no frame voiced. Peaks over four times
    # the 99.9th percentile of the level are cut first (a voice's own peaks reach 1.0 to 3.4
    # times it, on every real and sample recording here, so speech is heard as it is).
    cap = PEAK_OVER_P999 * float(np.percentile(np.abs(x), 99.9))
    if cap > 0:
        x = np.clip(x, -cap, cap)
    snd = parselmouth.Sound(x, sampling_frequency=rate)
    p = snd.to_pitch(time_step=0.01, pitch_floor=PITCH_FLOOR_HZ, pitch_ceiling=PITCH_CEILING_HZ)
    f0 = p.selected_array["frequency"]
    return np.asarray(p.xs()), np.where(f0 > 0, f0, np.nan)


def measure_voice(samples: np.ndarray, rate: int, span: tuple[float, float], *, frames_db=None,
                  speech=(), window_s: float = norms.VOICE_WINDOW_S) -> Voice:
    """Pitch spread, loudness range and monotone windows over ``span`` (the answer's start and
    end, s) of ``samples``; ``frames_db`` (10-ms levels, :class:`furikaeri.speech.SpeechMap`)
    and ``speech`` (intervals) give the loudness range."""
    a, b = max(0, int(span[0] * rate)), min(len(samples), int(span[1] * rate))
    t, f0 = pitch(samples[a:b], rate)
    return voice_from_pitch(t + a / rate, f0, span, frames_db=frames_db, speech=speech, window_s=window_s)


def voice_from_pitch(t: np.ndarray, f0: np.ndarray, span: tuple[float, float], *, frames_db=None, speech=(),
                     window_s: float = norms.VOICE_WINDOW_S) -> Voice:
    """:func:`measure_voice` from pitch frames already tracked (times in the take, f0 in Hz,
    NaN unvoiced): a take analysed while it is recorded tracks pitch a stretch at a time."""
    start, end = span
    inside = (t >= start) & (t <= end)
    t, f0 = t[inside], f0[inside]
    ok = np.isfinite(f0)
    if ok.sum() * 0.01 < MIN_VOICED_S:
        return Voice(loudness_range_db=_loudness_range(frames_db, speech, span))
    median = float(np.median(f0[ok]))
    st = np.full(len(f0), np.nan)
    st[ok] = 12.0 * np.log2(f0[ok] / median)
    st[np.abs(st) > 12.0] = np.nan  # an octave off: a tracking error
    good = np.isfinite(st)
    windows = []
    w0 = start
    while w0 < end:
        w1 = min(w0 + window_s, end)
        m = good & (t >= w0) & (t < w1)
        if m.sum() * 0.01 >= MIN_VOICED_S:
            spread = float(np.std(st[m]))
            windows.append(VoiceWindow(round(w0, 2), round(w1, 2), round(spread, 2), spread < norms.MONOTONE_ST,
                                       round(float(m.sum()) * 0.01, 2)))
        w0 += window_s
    return Voice(
        median_f0_hz=round(median, 1),
        pitch_spread_st=round(float(np.std(st[good])), 2),
        loudness_range_db=_loudness_range(frames_db, speech, span),
        windows=tuple(windows),
        monotone_share=_flat_share(windows),
    )


def _flat_share(windows) -> float | None:
    """The share of the answer's voice in monotone stretches: each stretch weighed by its voiced
    speech, so the short stretch left at an answer's end (5 s of a 15-s answer) is not half the
    verdict, and a stretch that is mostly a silence is not 10 s of flat voice (6 s of silence
    in a pause turned a "good" voice "low", 36 -> 59 % flat: QA s42 B #2). A window without its
    voiced time (an analysis saved before it was kept) by its length."""
    def weight(w) -> float:
        return w.voiced_s if w.voiced_s is not None else w.end - w.start

    total = sum(weight(w) for w in windows)
    return round(sum(weight(w) for w in windows if w.monotone) / total, 3) if total > 0 else None


def _loudness_range(frames_db, speech, span) -> float | None:
    """90th minus 10th percentile of the 10-ms frame level (dB) over speech inside ``span``;
    frames of digital silence (a noise gate's zeros bridged into a word) hold no voice and are
    left out (:data:`furikaeri.speech.ZEROS_DB`)."""
    from furikaeri.speech import ZEROS_DB

    if frames_db is None or not len(frames_db) or not speech:
        return None
    idx = [np.arange(int(max(iv.start, span[0]) * 100), int(min(iv.end, span[1]) * 100)) for iv in speech
           if iv.end > span[0] and iv.start < span[1]]
    idx = np.concatenate(idx) if idx else np.zeros(0, dtype=int)
    idx = idx[idx < len(frames_db)]
    levels = np.asarray(frames_db)[idx]
    levels = levels[levels > ZEROS_DB]
    if len(levels) < 50:
        return None
    return round(float(np.percentile(levels, 90) - np.percentile(levels, 10)), 1)
