"""Taking a steady room noise out of the audio Whisper hears, and a mains hum out of all of it.

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

A mains hum (:class:`Hum`: a ground loop, a charger, a USB microphone's power) is another
matter: it lies in narrow lines at 50 or 60 Hz and their multiples, which no voice holds, so it
can be taken out of everything (levels, Silero, pauses, held sounds, Whisper) with no harm to the
speech. Left in, it lifted a quiet room's floor so that the room read as noisy: a hum 15 dB under
real speech left the pauses, fillers and voice of all 21 real-l2 clips unjudged.
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


# =============================================================================================
# A mains hum
# =============================================================================================
#: The mains frequencies (Hz): 50 in eastern Japan and Europe, 60 in western Japan and the
#: Americas. A ground loop, a charger or a USB microphone's power puts a hum at one of them and
#: its multiples into a recording; no voice holds a pitch that steady, so a line there that
#: lasts is the mains.
MAINS_HZ = (50.0, 60.0)
#: The hum is looked for a second at a time (1-Hz bins), over the last minute ...
HUM_BLOCK = RATE
HUM_BLOCKS = 60
#: ... once this many seconds have come.
HUM_MIN_BLOCKS = 5
#: Whether there is a hum is asked of the last this many seconds: a hum that starts partway (a
#: charger plugged in) is in the quietest tenth of them 18 s after it starts (over the last
#: minute, real answers with a hum from 30 s on had it found 50-55 s later).
HUM_LOOK_BLOCKS = 20
#: The grid keeps its frequency within this (Hz) of the nominal (within 0.2 in Japan, Europe
#: and the Americas in ordinary running): lines a hertz off are something else (a rumble).
MAINS_OFF_HZ = 0.5
#: A hum is at least two lines (a ground loop's or a power supply's hum is rich in harmonics): a
#: line on its own is as likely a low rumble that peaks there.
HUM_MIN_LINES = 2
#: Its lines are looked for up to here (a hum's harmonics fall off with frequency; speech's
#: words lie mostly under it).
HUM_TOP_HZ = 4000.0
#: A line of the hum stands this far (dB) over the spectrum 3-15 Hz around it, in the quietest
#: tenth of the seconds (a voice's harmonics glide, so they are not there in all of them; a
#: speaker whose pitch sits near 100 Hz makes a hump 10 Hz wide, no line).
HUM_LINE_DB = 10.0
#: The hum is taken out where it lifts the room's floor (the quietest tenth of the 10-ms frames)
#: by this much (dB) or more: taking its lines out of the last minute lowers that floor so far.
#: A weaker hum changes no figure, and a line of the voice's own (a speaker's pitch held for a
#: while) lowers no floor, since the quietest frames hold no voice.
HUM_LIFT_DB = 3.0
#: Lines whose power (over what lies around them, in the quietest tenth of the seconds) is under
#: this share of the floor cannot lift it by :data:`HUM_LIFT_DB` (a hum 15-20 dB under real
#: speech, lifting it 3-17 dB: 0.4-0.7), and are not tried out on the audio.
HUM_LEAST_SHARE = 0.1
#: The strongest lines are taken out until those left hold under this share of the room's floor
#: (they lift it by a tenth of a dB): a notch rings (:data:`NOTCH_HZ`), so lines too weak to
#: matter are better left in. Real-l2 with a hum 15 dB under the speech, its pauses of 0.5 s and
#: more in the speech map, recall / precision (0.92 / 1.00 clean, 314 found): every line taken
#: out 0.88 / 1.00 (289: the notches' ringing fills short pauses), lines left under 0.03 0.92 /
#: 1.00 (317), under 0.1 0.95 / 0.99 (347: what is left of the hum splits the speech).
HUM_LEFT_SHARE = 0.03
#: The take is looked at again every this many seconds: for a hum while none is found, for more
#: of its lines once one is.
HUM_EVERY_BLOCKS = 5
#: Each line is taken out by a notch this wide (Hz, at -3 dB). A notch rings for about 1/(pi x
#: its width) after each sound, putting the speech it took out near its line into the silence
#: that follows: over many lines, enough to fill short pauses. Real-l2 with a hum 15 dB under the
#: speech had 0.92 of its pauses of 0.5 s and more in the speech map clean, 0.91 with the hum in;
#: through notches on every line found, 0.81 when 1.5 Hz wide, 0.83 when 3 Hz, 0.88 when 6 Hz;
#: on the strongest (:data:`HUM_LEFT_SHARE`), 0.89 when 3 Hz, 0.92 when 6 Hz. The grid's
#: frequency wanders by hundredths of a hertz, the hum's level a little over seconds, well inside.
NOTCH_HZ = 6.0
_HUM_WINDOW = np.hanning(HUM_BLOCK)
_HUM_SCALE = 2.0 / (float(np.sum(_HUM_WINDOW ** 2)) * RATE)  # one-sided power per 1-Hz bin


def hum_spectrum(block: np.ndarray) -> np.ndarray:
    """The power in each 1-Hz bin of a second of 16-kHz audio, up to :data:`HUM_TOP_HZ` and a
    little over; summed over bins, the block's mean square."""
    spec = np.fft.rfft(np.asarray(block, dtype=np.float64) * _HUM_WINDOW)
    return np.abs(spec[: int(HUM_TOP_HZ) + 32]) ** 2 * _HUM_SCALE


def hum_lines(spectrum: np.ndarray, mains: float) -> list[tuple[float, float]]:
    """The lines of a hum at ``mains`` Hz and its multiples in ``spectrum`` (1-Hz bins): each
    line's frequency (Hz) and power over what lies around it (:data:`HUM_LINE_DB`). The grid's
    frequency is off its nominal by up to a few tenths of a hertz, which its 40th multiple makes
    10 Hz: each line is looked for where the lines found below it put that multiple."""
    lines: list[tuple[float, float]] = []
    f0, weight, k = mains, 0.0, 1
    while k * f0 <= HUM_TOP_HZ:
        at = int(round(k * f0))
        near = spectrum[at - 1: at + 2]
        i = at - 1 + int(np.argmax(near))
        around = np.r_[spectrum[i - 15: i - 2], spectrum[i + 3: i + 16]]
        base = float(np.median(around))
        peak = float(spectrum[i])
        if peak >= base * 10 ** (HUM_LINE_DB / 10) and base > 0:
            a, b, c = np.log(spectrum[i - 1: i + 2] + 1e-30)
            shift = 0.5 * (a - c) / (a - 2 * b + c) if a - 2 * b + c < 0 else 0.0  # the peak between bins
            freq = i + float(np.clip(shift, -0.5, 0.5))
            lines.append((freq, float(np.sum(np.maximum(spectrum[i - 2: i + 3] - base, 0.0)))))
            weight += k * k  # a higher multiple tells the grid's frequency more finely
            f0 += (freq / k - f0) * k * k / weight
        k += 1
    return lines


def _frame_powers(samples: np.ndarray) -> np.ndarray:
    """The mean squares of the 10-ms frames of ``samples``, digital silence left out (under -140
    dBFS, as :data:`furikaeri.speech.SILENT_POWER`: a noise gate's zeros are no room)."""
    frames = np.asarray(samples[: len(samples) // HOP * HOP], dtype=np.float64).reshape(-1, HOP)
    power = np.mean(frames * frames, axis=1)
    return power[power > 1e-14]


def _floor(powers: np.ndarray) -> float:
    """The room's floor: the 10th percentile of 10-ms frames' mean squares (:func:`_frame_powers`),
    0 when there are none."""
    return float(np.percentile(powers, 10)) if len(powers) else 0.0


def lines_out(samples: np.ndarray, lines) -> np.ndarray:
    """``samples`` with the bands :data:`NOTCH_HZ` wide around ``lines`` (Hz) taken out of their
    spectrum at once (a test of what notches would leave, not the filter: :class:`Hum`)."""
    spec = np.fft.rfft(np.asarray(samples, dtype=np.float64))
    freqs = np.fft.rfftfreq(len(samples), 1.0 / RATE)
    for f in lines:
        spec[np.abs(freqs - f) <= NOTCH_HZ / 2] = 0.0
    return np.fft.irfft(spec, len(samples))


def grid_frequency(lines, mains: float) -> float:
    """The one frequency (Hz) whose multiples fit ``lines`` (Hz, ascending, each measured to
    about a tenth of a hertz) best, by least squares through zero, each line's multiple taken
    from the fit of those below it (the 80th multiple of a grid 0.3 Hz off is 24 Hz off)."""
    grid, kf, kk = mains, 0.0, 0.0
    for f in lines:
        k = max(1, round(f / grid))
        kf, kk = kf + k * f, kk + k * k
        grid = kf / kk
    return grid


def _strongest(lines, floor: float, grid: float | None = None, taken: set[int] = frozenset()) -> list[float]:
    """Of ``lines`` (Hz, power), the frequencies of the strongest, and of those already ``taken``
    (multiples of ``grid``), until those left hold under :data:`HUM_LEFT_SHARE` of ``floor``."""
    left = [(p, f) for f, p in lines if grid is None or round(f / grid) not in taken]
    kept = [f for f, _ in lines if grid is not None and round(f / grid) in taken]
    rest = sum(p for p, _ in left)
    for p, f in sorted(left, reverse=True):
        if rest < HUM_LEFT_SHARE * floor:
            break
        kept.append(f)
        rest -= p
    return kept


class Hum:
    """Takes a mains hum out of 16-kHz mono audio as it comes (:meth:`push` any lengths): each
    second is looked at as it completes (:func:`hum_lines`), and once a hum is found that lifts
    the room's floor by :data:`HUM_LIFT_DB` or more, notches take its strongest lines out of
    everything from there on (:data:`HUM_LEFT_SHARE`), and more of them as they stand out over
    more seconds (a hum 15 dB under real English speech showed 16 of its lines in the first 5 s,
    which left its room "noisy", 75 in 20 s). So a take heard while it is recorded and the same
    file read whole come out the same; the first seconds, before it is found, keep it."""

    def __init__(self) -> None:
        self._block = np.zeros(0, np.float32)
        self._seconds: list[np.ndarray] = []  # the last seconds looked at, while none is found
        self._spectra: list[np.ndarray] = []  # the last minute's spectra, a second at a time
        self._multiples: set[int] = set()  # of the grid frequency, taken out
        self._powers: list[np.ndarray] = []  # the last minute's frame powers, a second at a time
        self._count = 0  # seconds looked at
        self._sos = None
        self._state = None
        #: the mains frequency of the hum taken out (Hz), its lines, and how far (dB) it lifted
        #: the room's floor, once one is found
        self.mains: float | None = None
        #: the frequency (Hz) of the grid its lines lie on, once one is found
        self.grid: float | None = None
        self.lines: tuple[float, ...] = ()
        self.lift_db = 0.0

    def push(self, samples: np.ndarray) -> np.ndarray:
        """More samples in, as many out (from the second the hum is found on, without it)."""
        x = np.asarray(samples, dtype=np.float32).reshape(-1)
        out = []
        while len(x):
            piece, x = x[: HUM_BLOCK - len(self._block)], x[HUM_BLOCK - len(self._block):]
            out.append(self._filtered(piece))
            self._block = np.concatenate([self._block, piece])  # as it came: the hum's lines in it
            if len(self._block) == HUM_BLOCK:
                self._learn(self._block)
                self._block = self._block[:0]
        return np.concatenate(out) if out else x

    def taken_out_of(self, samples: np.ndarray) -> np.ndarray:
        """``samples`` (a short clip looked at whole, as ``mic-check`` does) with every multiple
        of the grid found taken out up to :data:`HUM_TOP_HZ`, not only the lines the notches take:
        a hum alone, loud, left 20 dB of itself to be read as a voice (QA s49b LL #4)."""
        if self.grid is None:
            return samples
        return lines_out(samples, [k * self.grid for k in range(1, int(HUM_TOP_HZ // self.grid) + 1)]).astype(np.float32)

    def _filtered(self, x: np.ndarray) -> np.ndarray:
        from scipy.signal import sosfilt

        if self._sos is None or not len(x):
            return x
        y, self._state = sosfilt(self._sos, x, zi=self._state)
        return y.astype(np.float32)

    def _learn(self, block: np.ndarray) -> None:
        if self.mains is None:  # the audio, to try a hum's lines out on
            self._seconds = [*self._seconds[1 - HUM_LOOK_BLOCKS:], block]
        self._powers = [*self._powers[1 - HUM_BLOCKS:], _frame_powers(block)]
        self._spectra = [*self._spectra[1 - HUM_BLOCKS:], hum_spectrum(block)]
        self._count += 1
        if self._count < HUM_MIN_BLOCKS or (self._count - HUM_MIN_BLOCKS) % HUM_EVERY_BLOCKS:
            return
        if self.mains is None:
            self._look()
        else:
            self._more()

    def _look(self) -> None:
        """Lines of a hum in the quietest tenth of the last :data:`HUM_LOOK_BLOCKS` seconds
        (:func:`hum_lines`), taken out where the room's floor falls :data:`HUM_LIFT_DB` or more
        without them."""
        audio = np.concatenate(self._seconds)
        before = _floor(np.concatenate(self._powers[-HUM_LOOK_BLOCKS:]))
        quiet = np.percentile(np.stack(self._spectra[-HUM_LOOK_BLOCKS:]), 10, axis=0)
        best, lift = (), HUM_LIFT_DB
        for mains in MAINS_HZ:
            found = hum_lines(quiet, mains)
            grid = grid_frequency([f for f, _ in found], mains)
            if (len(found) < HUM_MIN_LINES or abs(grid - mains) > MAINS_OFF_HZ
                    or sum(p for _, p in found) < HUM_LEAST_SHARE * before):
                continue
            after = _floor(_frame_powers(lines_out(audio, tuple(round(f / grid) * grid
                                                                for f in _strongest(found, before)))))
            if before > 0 and after > 0 and 10 * np.log10(before / after) >= lift:
                best, lift, self.mains = (grid, found), 10 * np.log10(before / after), mains
        if best:
            self.lift_db = float(lift)
            self._notch(best[1], best[0], before)
            self._seconds = []

    def _more(self) -> None:
        """Lines of the hum found since that stand out now: taken out too, from here on."""
        quiet = np.percentile(np.stack(self._spectra), 10, axis=0)
        lines = hum_lines(quiet, self.mains)
        grid = grid_frequency([f for f, _ in lines], self.mains)
        if abs(grid - self.mains) <= MAINS_OFF_HZ:
            self._notch(lines, grid, _floor(np.concatenate(self._powers)))

    def _notch(self, lines, grid: float, floor: float) -> None:
        """Notches on the multiples of ``grid`` (Hz) nearest ``lines`` (Hz) not taken out yet,
        added to those that are, each starting at rest. On the grid's multiples, not where each
        line was measured: a notch 0.2 Hz off its line takes 14 dB off it, one on it 30 and more."""
        from scipy.signal import iirnotch, tf2sos

        new = sorted({round(f / grid) for f in _strongest(lines, floor, grid, self._multiples)} - self._multiples)
        if not new:
            return
        self._multiples |= set(new)
        self.grid = grid
        lines = tuple(k * grid for k in new)
        self.lines = (*self.lines, *lines)
        sos = np.concatenate([tf2sos(*iirnotch(f, f / NOTCH_HZ, fs=RATE)) for f in lines])
        self._sos = sos if self._sos is None else np.concatenate([self._sos, sos])
        self._state = np.concatenate([self._state, np.zeros((len(sos), 2))]) if self._state is not None \
            else np.zeros((len(sos), 2))


def hum_in(samples: np.ndarray) -> Hum:
    """The mains hum of a short clip (``mic-check``'s few seconds), looked for over all of it
    once it is in (two whole seconds at least) rather than from :data:`HUM_MIN_BLOCKS` seconds
    on: what :class:`Hum` finds in it (``mains`` ``None`` when there is none)."""
    hum = Hum()
    hum.push(samples)
    if hum.mains is None and len(hum._seconds) >= 2:
        hum._look()
    return hum


def without_hum(samples: np.ndarray) -> tuple[np.ndarray, Hum]:
    """A whole take less its mains hum, as :class:`Hum` takes it out while it comes, and the
    :class:`Hum` (what it found)."""
    hum = Hum()
    return hum.push(samples), hum
