"""Taking a steady room noise out of the audio Whisper hears.

Under a fan, an air conditioner or traffic, Whisper still writes the words but drops the soft
sounds between them, fillers first: on the real monologues of ``../shared/audio/real-l2`` with
pink noise 20 dB under the speech, it wrote a third of the fillers it writes in a quiet room.
The noise of such a room is steady, so its spectrum can be learnt from the moments Silero is
sure nobody speaks and subtracted from every frame (power spectral subtraction, Berouti,
Schwartz and Makhoul 1979), leaving a little of it (the spectral floor) so that no warbling
tones are made.

Only the audio Whisper hears is cleaned, and only in a room with a steady noise
(:attr:`furikaeri.speech.Levels.steady_noise`); levels, pauses and held sounds are measured on
the recording as it is. A babble of voices is not steady and is left alone. Digital silence
(exact zeros: a noise gate, a recorder's padding) in the quiet moments is no part of the
noise learnt.
"""

from __future__ import annotations

import numpy as np

RATE = 16000
N_FFT = 512
WIN = 400  # 25 ms
HOP = 160  # 10 ms, the frame hop of furikaeri.speech
#: Over-subtraction: a frame's noise power varies about the mean, so a bit more than the mean
#: is taken off.
OVER = 1.5
#: Spectral floor (amplitude gain): at most 26 dB is taken off a bin.
FLOOR = 0.05
#: Seconds of surely quiet sound needed before the noise is known well enough to subtract.
MIN_QUIET_S = 0.5
#: A quiet run shorter than this (s) is not used, nor its edges (the tail of a word, a breath).
MIN_RUN_S = 0.1
EDGE_S = 0.03
#: A frame (its power summed over the bins) at or under this holds digital silence: exact zeros
#: have none, and a room 60 dB under a quiet one (-130 dBFS) still has 1e-9 and more.
SILENT_FRAME_POWER = 1e-12
#: A take is cleaned this many seconds at a time ...
CHUNK_S = 30
#: ... with this many frames of the audio around each chunk (more than a window's reach).
MARGIN_FRAMES = 8


def _stft(samples: np.ndarray) -> np.ndarray:
    import librosa

    return librosa.stft(np.asarray(samples, dtype=np.float32), n_fft=N_FFT, hop_length=HOP, win_length=WIN,
                        center=True)


class NoiseProfile:
    """The mean power spectrum of a room's noise, learnt from stretches with no speech."""

    def __init__(self) -> None:
        self._power = np.zeros(N_FFT // 2 + 1)
        self._frames = 0

    def learn(self, samples: np.ndarray) -> None:
        """Add a stretch of noise alone (at least a window long). Frames of digital silence (a
        noise gate's exact zeros, a recorder's padding) are no noise of the room: left out, so
        the room's noise is not averaged down by them (:func:`furikaeri.speech.digital_silence`)."""
        if len(samples) < WIN:
            return
        p = np.abs(_stft(samples)) ** 2
        p = p[:, p.sum(axis=0) > SILENT_FRAME_POWER]
        self._power += p.sum(axis=1)
        self._frames += p.shape[1]

    @property
    def ready(self) -> bool:
        return self._frames * HOP / RATE >= MIN_QUIET_S

    def clean(self, samples: np.ndarray) -> np.ndarray:
        """``samples`` with the noise taken out (the same length; unchanged until :attr:`ready`).
        Done :data:`CHUNK_S` at a time, each chunk with a margin of whole frames on both sides,
        so a long take needs little memory and comes out as if cleaned in one piece."""
        x = np.asarray(samples, dtype=np.float32)
        if not self.ready or len(x) < WIN:
            return x
        step, margin = CHUNK_S * RATE, MARGIN_FRAMES * HOP
        out = np.empty_like(x)
        for a in range(0, len(x), step):
            b = min(a + step, len(x))
            lo, hi = max(0, a - margin), min(len(x), b + margin)
            out[a:b] = self._clean_piece(x[lo:hi])[a - lo: a - lo + (b - a)]
        return out

    def _clean_piece(self, x: np.ndarray) -> np.ndarray:
        import librosa

        spec = _stft(x)
        noise = (self._power / self._frames)[:, None]
        power = np.maximum(np.abs(spec) ** 2, 1e-20)
        gain = np.sqrt(np.maximum(1.0 - OVER * noise / power, FLOOR ** 2))
        return librosa.istft(spec * gain, hop_length=HOP, win_length=WIN, n_fft=N_FFT, length=len(x)).astype(np.float32)


def quiet_runs(vad_prob: np.ndarray, *, quiet_p: float | None = None) -> list[tuple[float, float]]:
    """Stretches (s) where Silero is sure nobody speaks (per 10-ms frame ``vad_prob`` under
    ``quiet_p``), at least :data:`MIN_RUN_S` long, their edges trimmed by :data:`EDGE_S`."""
    from furikaeri.speech import HOP_S, QUIET_P, runs

    quiet = np.asarray(vad_prob) < (QUIET_P if quiet_p is None else quiet_p)
    out = []
    for s, e in runs(quiet):
        a, b = s * HOP_S + EDGE_S, e * HOP_S - EDGE_S
        if b - a >= MIN_RUN_S:
            out.append((a, b))
    return out


def profile_of(samples: np.ndarray, vad_prob: np.ndarray, *, into: NoiseProfile | None = None) -> NoiseProfile:
    """The noise profile of ``samples`` (a take or a stretch of one), learnt from its quiet runs
    (``vad_prob``: Silero's probability per 10-ms frame of the same samples); added to ``into``
    when given."""
    profile = into if into is not None else NoiseProfile()
    n = len(samples)
    for a, b in quiet_runs(vad_prob):
        i, j = int(round(a * RATE)), int(round(b * RATE))
        if i >= 0 and j <= n:
            profile.learn(samples[i:j])
    return profile


def for_whisper(samples: np.ndarray, vad_prob: np.ndarray, steady_noise: bool) -> np.ndarray:
    """What Whisper should hear of a whole take: the take with its steady noise taken out, or
    the take as it is when the room has none (or too little quiet to learn it from)."""
    if not steady_noise:
        return samples
    return profile_of(samples, vad_prob).clean(samples)
