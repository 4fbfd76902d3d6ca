"""Where speech is, from the audio itself (not from Whisper's word timestamps).

Two witnesses are combined:

- **Silero VAD** (the ONNX model bundled with faster-whisper): a speech probability per 32 ms
  window. It tells speech from room noise, clicks and breath, but its edges are coarse, and
  it misses soft speech in a quiet recording, so it hears a take from a microphone set low
  raised to a speaking level (:class:`GainTrack`).
- **Frame energy** (10 ms hop, 25 ms window, RMS in dBFS) with a noise floor estimated from
  the quietest frames and hysteresis thresholds between floor and speech level. Its edges are
  sharp (pause boundaries to a frame or two) when the recording has contrast. Digital silence
  (exact zeros: a recorder's padding, a noise gate) is no part of the room: where a gate put
  it in the pauses, the gate's silence is the background (:func:`levels`).

A frame is speech when the energy says so *and* Silero (dilated by 0.15 s) agrees; a sound
energy finds whole outside that counts too where Silero hears speech going on over it, though
never speech starting (a short soft word alone between pauses, :func:`_soft_words`). When the
energy contrast is poor (speech level < 12 dB over the floor), or the room has a steady noise
(a fan, traffic, hum: under 25 dB of contrast, and Silero sure of no speech in a fifth of the
frames or more) Silero's own windows decide alone: the energy thresholds would cut the soft
sounds under the noise's level, fillers first. A babble of voices is speech to Silero, so
there energy stays a witness, and a room with other voices (:attr:`Levels.other_voices`: a
noisy floor that rises and falls with their syllables) is named, since short sounds between
the speaker's words may be theirs. Pause floors follow fluency research (0.25 s; METRICS.md,
"Pauses").

The same module finds *held sounds* (:func:`held_sounds`): a voiced sound kept steady in pitch
and spectrum for 0.3 s or more, the acoustic signature of a filled pause (uh, um, えー), which
``measure`` reconciles with the transcript because Whisper often drops fillers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from furikaeri.audio import RATE, Audio

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
    #: bursts of sound inside the intervals (:func:`voiced_bursts`)
    bursts: tuple[Interval, ...] = ()
    #: a room with a steady noise (:attr:`Levels.steady_noise`)
    steady_noise: bool = False
    #: a room with other people's voices (:attr:`Levels.other_voices`)
    other_voices: bool = False
    #: stretches a loud steady noise covers (:func:`loud_noise`); no speech is heard in them
    noise: tuple[Interval, ...] = ()
    #: a take recorded narrow (:func:`narrowband`: a telephone, 8 kHz), heard with lower thresholds
    narrow: bool = False
    #: stretches of a long take with other people's voices where the take as a whole has none
    #: (:func:`voices_within`: a television or chatter that starts partway)
    voices: tuple[Interval, ...] = ()
    #: stretches of a long take in a louder room than the rest (:func:`room_floors`: a fan or
    #: music that starts partway, takes joined), and how much louder (dB, the most)
    louder: tuple[Interval, ...] = ()
    louder_db: float = 0.0

    @property
    def has_speech(self) -> bool:
        return bool(self.intervals)

    @property
    def contrast_db(self) -> float:
        return self.speech_db - self.floor_db

    @property
    def whisper_gain(self) -> float:
        """The gain Whisper hears this take with (:meth:`GainTrack.whisper_gain`)."""
        return GainTrack.of(self.frames_db).whisper_gain()

    @property
    def too_quiet(self) -> bool:
        """Is the speech itself very quiet (:data:`QUIET_SPEECH_DB`): a microphone set far too
        low, or a speaker far from it? Said only of a take with speech."""
        return self.has_speech and self.speech_db < QUIET_SPEECH_DB

    @property
    def narrow_quiet(self) -> bool:
        """Is a :attr:`narrow` take's speech quiet too (:data:`NARROW_QUIET_DB`)? Without its high
        band a soft phrase sinks under the speech map's thresholds and is read as a pause."""
        return self.narrow and self.has_speech and self.speech_db < NARROW_QUIET_DB

    @property
    def own_floor(self) -> bool:
        """Is the background of a :attr:`too_quiet` take the recording's own floor (a 16-bit
        file's rounding, a converter's hiss: :data:`OWN_FLOOR_DB`), not a room's noise? Its
        contrast then says how far the speech rises over the file's resolution, not how noisy
        the room was."""
        return self.too_quiet and self.floor_db < OWN_FLOOR_DB


#: Speech under this level (dBFS, :attr:`SpeechMap.speech_db`: the loudest tenth of the speech)
#: is a microphone set far too low (:attr:`SpeechMap.too_quiet`). ``mic-check`` aims for -30 to
#: -12 dBFS and calls speech under -40 too quiet; this is 10 dB under that, where Whisper too
#: hears the take raised (:data:`WHISPER_QUIET_DB`). The real recordings as recorded lie over
#: it (the quietest, en_ALL_023, at -49 dBFS); played 25 dB quieter (README "Through a
#: microphone set low"), most English ones fall under it; their figures are measured as well
#: there, but the fix is the gain, which only this warning names.
QUIET_SPEECH_DB = -50.0
#: A background under this (dBFS) behind speech under :data:`QUIET_SPEECH_DB` is the recording's
#: own floor (:attr:`SpeechMap.own_floor`): a 16-bit file's rounding reads -90 to -100 dBFS, and
#: an answer at -76 dBFS over it read "speech only 22 dB above the background", a noisy room,
#: in a quiet one (QA s36 C #5). The real recordings' rooms lie over it at a usable gain (-46
#: to -87 dBFS, the lowest behind speech at -40 dBFS); a room noisy enough to hurt the words
#: still reads over it behind quiet speech (speech at -55 dBFS, noise 15 dB under it: -70).
OWN_FLOOR_DB = -85.0
#: A loud steady noise (:func:`loud_noise`): a stretch at least :data:`NOISE_MIN_S` long in which
#: every window of that length keeps its 10-ms levels within :data:`NOISE_SPREAD_DB` (10th to 90th
#: percentile), louder throughout by :data:`NOISE_OVER_SPEECH_DB` than the voice's loudest tenth
#: measured outside such stretches (over at least as long a time of voice). Speech swings 10-20
#: dB from syllable to syllable within a second, and a held vowel drifts and shimmers by more
#: than 3 dB and is seldom louder than the voice; what is left is a file whose samples
#: were overwritten (random bytes play as full-scale hiss: QA s36 C #7, -4.7 dBFS within 1 dB
#: for 16 s over an answer at -20), a microphone or cable fault, a fan or a hand on the
#: microphone louder than the voice. Silero hears such hiss as speech now and then (0.56 for half
#: a second; in the middle of an answer it may hear all of it), so its probability decides
#: nothing here, and the voice's level is taken outside the steady stretches (QA s37 V1 #1: hiss
#: heard as speech set "the voice's level" at -5 dBFS). Whisper wrote "Um, so," in such hiss:
#: nothing in it is heard, and the report says the stretch could not be heard.
NOISE_MIN_S = 1.0
NOISE_OVER_SPEECH_DB = 3.0
NOISE_SPREAD_DB = 3.0


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
    return (10.0 * np.log10(np.maximum(energy, SILENT_POWER))).astype(np.float32)


#: The power of a frame of exact zeros (digital silence) in :func:`frame_db`: -140 dBFS, under
#: any room heard through a microphone, however low it is set (a float take 30 dB quieter than
#: usual has its room at -100 to -110 dBFS); frames at or under :data:`ZEROS_DB` are a muted
#: line, a recorder's padding or a noise gate, not the room.
SILENT_POWER = 1e-14
ZEROS_DB = -139.0
#: Frames on either side of digital silence whose 25-ms window reaches into it (2 frames) or
#: that hold a resampler's fading tail into it: their level is left out of the room's, as the
#: silence is (:func:`digital_silence`).
SILENCE_EDGE_FRAMES = 3
#: A gated take (:func:`levels`) has its floor measured in the room the gate let through while
#: nobody spoke when there is this much of it (s); with less, the gate's silence is the floor.
GATED_ROOM_MIN_S = 0.5


#: Silero's probabilities depend on the absolute level, so a microphone set low loses speech:
#: a real Japanese answer played 25 dB quieter lost 2 of 33 pauses and 3 of 9 fillers, and
#: half the real English recordings peak under -27 dBFS. Silero therefore hears the take with
#: a gain that brings its loudest 50 ms so far up to :data:`VAD_LEVEL_DB` (never down, at most
#: :data:`VAD_MAX_BOOST_DB`: a take peaking at -60 dBFS is raised to speaking level), and that
#: keeps its quietest 50 ms so far under :data:`VAD_QUIET_CEIL_DB`, so a noisy room's noise is
#: not raised to a voice's level. The gain for a window depends only on the audio up to the
#: window's end: a take heard while it is recorded gets the same probabilities as the file
#: heard whole. Whisper hears a very quiet take raised too (:meth:`GainTrack.whisper_gain`). Levels,
#: the energy map and everything else use the recording as it is.
VAD_LEVEL_DB = -15.0
VAD_MAX_BOOST_DB = 45.0
VAD_QUIET_CEIL_DB = -55.0
#: Whisper hears a take raised only when its loudest 50 ms is under this (dBFS): 10 dB above
#: where its spectrum's floor begins to cut (:meth:`GainTrack.whisper_gain`).
WHISPER_QUIET_DB = -50.0
_LOUD_FRAMES = 5  # 50 ms


class GainTrack:
    """The running loudest and quietest 50 ms of a take, frame by frame (:meth:`add` the
    frame levels as they come), and the gain Silero hears each 32-ms window with."""

    def __init__(self) -> None:
        self._bounds = np.zeros((2, 1024), np.float32)  # per frame: loudest, quietest 50 ms so far
        self._n = 0  # frames added
        self._tail = np.zeros(0)  # the last frames' powers, for the next frame's 50 ms
        self._hi, self._lo = -np.inf, np.inf

    @property
    def loudest(self) -> np.ndarray:
        return self._bounds[0, :self._n]

    @property
    def quietest(self) -> np.ndarray:
        return self._bounds[1, :self._n]

    def add(self, db: np.ndarray) -> None:
        if not len(db):
            return
        power = np.concatenate([self._tail, 10.0 ** (np.asarray(db, np.float64) / 10.0)])
        k = len(self._tail)
        c = np.concatenate([[0.0], np.cumsum(power)])
        idx = np.arange(k, len(power))
        lo_idx = np.maximum(idx - (_LOUD_FRAMES - 1), 0)
        loud = 10.0 * np.log10(np.maximum((c[idx + 1] - c[lo_idx]) / (idx + 1 - lo_idx), SILENT_POWER))
        hi = np.maximum.accumulate(np.concatenate([[self._hi], loud]))[1:]
        quiet = np.where(loud > ZEROS_DB, loud, np.inf)
        lo = np.minimum.accumulate(np.concatenate([[self._lo], quiet]))[1:]
        self._hi, self._lo = float(hi[-1]), float(lo[-1])
        n = self._n + len(hi)
        if n > self._bounds.shape[1]:  # room doubled: a long take costs no copy per block
            grown = np.zeros((2, max(n, 2 * self._bounds.shape[1])), np.float32)
            grown[:, :self._n] = self._bounds[:, :self._n]
            self._bounds = grown
        self._bounds[0, self._n:n], self._bounds[1, self._n:n] = hi, lo
        self._n = n
        self._tail = power[-(_LOUD_FRAMES - 1):]

    @classmethod
    def of(cls, db: np.ndarray) -> "GainTrack":
        """The track of a whole take's frame levels."""
        track = cls()
        track.add(db)
        return track

    def whisper_gain(self, frame: int | None = None) -> float:
        """The linear gain Whisper hears the take with: 1, unless its loudest 50 ms up to
        ``frame`` (the last frame added) is under :data:`WHISPER_QUIET_DB`; then that sound is
        raised to :data:`VAD_LEVEL_DB` (at most :data:`VAD_MAX_BOOST_DB`). Whisper's log-mel
        spectrum keeps 80 dB under its loudest sound, but has an absolute floor that a take
        peaking under about -60 dBFS reaches (one peaking at -67 dBFS lost 2 of its 19 pauses
        and a filler). Above that, any gain would only change Whisper's words at random."""
        if not self._n:
            return 1.0
        last = self._n - 1 if frame is None else min(max(frame, 0), self._n - 1)
        loudest = float(self.loudest[last])
        if loudest >= WHISPER_QUIET_DB:
            return 1.0
        return float(10.0 ** (min(VAD_LEVEL_DB - loudest, VAD_MAX_BOOST_DB) / 20.0))

    def gains(self, first: int, n: int) -> np.ndarray:
        """Linear gains for Silero windows ``first`` .. ``first + n - 1``: each from the frames
        whose 25-ms window ends by the window's end (the last frame there is, at a take's end)."""
        if not self._n:
            return np.ones(n, np.float32)
        ends = (np.arange(first, first + n) + 1) * VAD_WINDOW
        frame = np.clip((ends - int(round(WIN_S * RATE)) // 2) // int(round(HOP_S * RATE)), 0, self._n - 1)
        up = np.minimum(VAD_LEVEL_DB - self.loudest[frame], VAD_QUIET_CEIL_DB - self.quietest[frame])
        return (10.0 ** (np.clip(up, 0.0, VAD_MAX_BOOST_DB) / 20.0)).astype(np.float32)


def vad_probabilities(samples: np.ndarray, rate: int, db: np.ndarray | None = None) -> np.ndarray:
    """Silero speech probability per 32-ms window (faster-whisper's bundled model), heard with
    :class:`GainTrack`'s gain (``db``: the take's :func:`frame_db`, if already at hand)."""
    from faster_whisper.vad import get_vad_model

    if len(samples) == 0:
        return np.zeros(0, dtype=np.float32)
    pad = (-len(samples)) % VAD_WINDOW
    padded = np.pad(samples.astype(np.float32), (0, pad))
    track = GainTrack.of(frame_db(samples, rate) if db is None else db)
    windows = padded.reshape(-1, VAD_WINDOW) * track.gains(0, len(padded) // VAD_WINDOW)[:, None]
    probs = get_vad_model()(windows.reshape(-1))
    return np.asarray(probs, dtype=np.float32).reshape(-1)


def runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """Start/end (exclusive) indices of the True runs of a boolean array."""
    if mask.size == 0:
        return []
    m = np.concatenate([[False], mask, [False]]).astype(np.int8)
    d = np.diff(m)
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)))


def _hysteresis(values: np.ndarray, high, low) -> np.ndarray:
    """Runs above ``low`` that reach ``high`` somewhere (each a number, or one per value)."""
    above_low = values >= low
    above_high = values >= high
    out = np.zeros_like(above_low)
    for s, e in runs(above_low):
        if np.any(above_high[s:e]):
            out[s:e] = True
    return out


def _dilate(mask: np.ndarray, n: int) -> np.ndarray:
    if n <= 0 or not mask.any():
        return mask.copy()
    # "full" then the centred slice: "same" returns the longer of the two inputs, so a mask
    # shorter than the kernel (a take under 0.3 s) would come back longer than itself.
    k = np.ones(2 * n + 1)
    return np.convolve(mask.astype(float), k, mode="full")[n:n + len(mask)] > 0


#: A take with less of its power than this (dB) above :data:`NARROW_HZ` was recorded narrow
#: (a telephone, an 8-kHz or 11.025-kHz recorder: nothing above 5.5 kHz) and resampled: a
#: resampler leaves 120 dB and more under the whole up there, where a microphone's take keeps
#: 20-45 dB under it (the real answers in ../shared/audio) and an old band-limited recording
#: 55-65 (jfk.flac, heard at its own rate).
NARROW_HZ, NARROW_DB = 5600.0, -70.0
#: Silero's thresholds for such a take: it hears speech without its high band less surely (a
#: third of the recordings in ../shared/audio heard at 8 kHz: speech probabilities lower
#: throughout, and "And", the first word of jfk.flac, 0.47 where it was 0.51 and lost; at
#: 11.025 kHz the held "Uh" of en_weakness_over_budget.flac lost its last 0.07 s, and the
#: pause after it read 1.0 s, long, where it is 0.9).
NARROW_VAD = {"vad_threshold": 0.45, "vad_low": 0.3}
#: A narrow take's speech under this (dBFS, the bottom of mic-check's aim, -30 to -12) loses soft
#: phrases into its pauses (QA s45 R #2, U #1: an answer through a telephone band read a longest
#: pause of 7.2-7.5 s for 3.7 s, phrases gone into it, at -51, -41 and -39 to -35 dBFS; at -33
#: 3.9 s, the nearest to right): its pauses, pace and fillers are not judged
#: (:attr:`SpeechMap.narrow_quiet`). Inside the aim it is heard as any narrow take.
NARROW_QUIET_DB = -30.0
#: The band is judged over stretches of this many samples (64 ms at 16 kHz).
BAND_WINDOW = 1024


def _band_power(windows: np.ndarray, rate: int) -> tuple[float, float]:
    """Power of ``windows`` (rows of :data:`BAND_WINDOW` samples) above :data:`NARROW_HZ`, and in all."""
    power = (np.abs(np.fft.rfft(windows.astype(np.float64) * np.hanning(BAND_WINDOW), axis=1)) ** 2).sum(axis=0)
    freqs = np.fft.rfftfreq(BAND_WINDOW, 1.0 / rate)
    return float(power[freqs > NARROW_HZ].sum()), float(power.sum())


def _narrow(high: float, total: float) -> bool:
    return total > 0 and high <= total * 10 ** (NARROW_DB / 10)


def narrowband(samples: np.ndarray, rate: int) -> bool:
    """Does the take hold (almost) nothing above :data:`NARROW_HZ`? Silence is not narrow.
    Heard over at most 2000 stretches of 64 ms spread over the take (a long take in a blink)."""
    n = len(samples) // BAND_WINDOW
    if rate < 2 * NARROW_HZ or n == 0:
        return rate < 2 * NARROW_HZ
    picked = samples[: n * BAND_WINDOW].reshape(n, BAND_WINDOW)[np.linspace(0, n - 1, min(n, 2000)).astype(int)]
    return _narrow(*_band_power(picked, rate))


class BandTrack:
    """:func:`narrowband` for a take heard as it is recorded (:class:`furikaeri.stream.Listener`):
    every whole 64-ms stretch fed so far, the judgement as of now. A headset on a call profile
    records at 8 or 16 kHz without its high band, so the live take needs the same lower
    thresholds as a narrow file (:data:`NARROW_VAD`)."""

    def __init__(self, rate: int = 16000):
        self.rate = rate
        self._rest = np.zeros(0, np.float32)
        self._high = self._total = 0.0

    def add(self, samples: np.ndarray) -> None:
        x = np.concatenate([self._rest, np.asarray(samples, np.float32).reshape(-1)])
        n = len(x) // BAND_WINDOW
        if n:
            high, total = _band_power(x[: n * BAND_WINDOW].reshape(n, BAND_WINDOW), self.rate)
            self._high, self._total = self._high + high, self._total + total
        self._rest = x[n * BAND_WINDOW:]

    @property
    def narrow(self) -> bool:
        return _narrow(self._high, self._total)

    @property
    def vad(self) -> dict:
        """Silero's thresholds for :func:`speech_map` as of now (none changed while the take is wide)."""
        return dict(NARROW_VAD) if self.narrow else {}


def find_speech(audio: Audio, **settings) -> SpeechMap:
    """Speech intervals of ``audio`` (:func:`speech_map` over its frame levels and Silero
    probabilities; ``settings`` are :func:`speech_map`'s). A take recorded narrow
    (:func:`narrowband`) has Silero's thresholds lowered (:data:`NARROW_VAD`)."""
    narrow = narrowband(audio.samples, audio.rate)
    if narrow:
        settings = {**NARROW_VAD, **settings}
    db = frame_db(audio.samples, audio.rate)
    return speech_map(db, vad_frames(vad_probabilities(audio.samples, audio.rate, db), len(db)), audio.duration,
                      narrow=narrow, **settings)


def vad_frames(probs: np.ndarray, n: int, *, rate: int = 16000) -> np.ndarray:
    """Silero's per-32-ms probabilities spread over ``n`` 10-ms frames."""
    per_vad = VAD_WINDOW / rate / HOP_S  # 3.2 frames per VAD window
    idx = np.minimum((np.arange(n) / per_vad).astype(int), max(len(probs) - 1, 0))
    return probs[idx] if len(probs) else np.zeros(n, dtype=np.float32)


#: Silero's probability under which a frame surely holds no speech.
QUIET_P = 0.2
#: A noisy room: speech less than this far (dB) over the noise floor. The energy thresholds (at
#: least 0.45 of the contrast over the floor) then cut a speaker's soft sounds, which lie
#: 15-20 dB under their speech level, and Whisper drops many of them (furikaeri.advice warns).
NOISY_CONTRAST_DB = 25.0
#: A speaker's soft sounds (a short えっと, "uh", a word's fading end) lie up to this far (dB)
#: under their speech level. Energy's start bar (0.45 of the contrast over the floor) stays
#: under them down to 36 dB of contrast (0.55 x 36 = 20); with less, it is put this far under
#: the speech level (never under 9 dB over the floor), or a room at 26-34 dB of contrast (a
#: fan, an old recording's hiss) cut them off the map, and the pauses beside them read long:
#: real-l2 in pink noise at 26-30 dB of contrast read its labelled pauses 0.10 s long on average
#: (up to 2 s) and 0.08 s with it; clean ones are unchanged (+0.02 s). Not among other voices
#: (:attr:`Levels.other_voices`): their syllables are as soft as the speaker's soft sounds.
SOFT_UNDER_SPEECH_DB = 20.0
#: Silero tells the room's noise from speech when it is sure of no speech in this share of the
#: frames or more (people pause for 15-40 % of an answer; a babble of voices leaves almost none).
QUIET_SHARE = 0.2
#: Levels measured over less audio than this (s) do not tell what room it is (the first
#: seconds of a take may hold no pause yet).
ROOM_MIN_S = 8.0
#: The noise floor of a steady noise is flat: its quietest frames lie within a dB or two of
#: each other (between the 2nd and the 10th percentile of frame levels: pink noise 0.6-1.1 dB,
#: a deep brown rumble 2.5-2.7 dB). Other voices rise and fall with their syllables, so their
#: quietest frames spread more (six voices 10 dB under the speaker: 3.9-11 dB).
UNSTEADY_FLOOR_DB = 3.5


#: A room that gets louder partway through a long take (a fan starting, a window opened, takes
#: joined): the room's level around each second, the 10th percentile of the frames Silero is
#: sure hold no speech within this many seconds of it (:func:`room_floors`) ...
ROOM_WINDOW_S = 20.0
#: ... where there are this many seconds of them, ...
ROOM_WINDOW_QUIET_S = 1.0
#: ... stands for the floor there where it lies this far (dB) or more over the take's. One level
#: for the whole take put the thresholds under the louder room, whose noise then bridged the
#: pauses in it (QA s47 CC #3: five real answers joined, rooms 8-15 dB apart, a third of the
#: louder one's silence lost, 25.5 s of it read 16.9 s). In a room that stays the same the room's
#: level around each second lies within 6 dB of the take's (21 real-l2 answers: at most 1.8 dB
#: over it, but one at 7.8 for 11 s, a noise of its own room; the 9 dB here leaves it be).
ROOM_RISE_DB = 9.0
#: Takes shorter than this (s) have one room (their windows would be most of the take).
ROOM_LOCAL_MIN_S = 60.0
#: The rise is reckoned from the quieter room where the take holds two, each for this many
#: seconds or more (:func:`_quieter_room`): the take's floor, a percentile of all of it, lies
#: between them when the louder one fills half the take or more (QA s49b LL #2: a room 11.5 dB
#: up from 60 s of 124 s stood 8.1 dB over the take's floor, and was not followed).
ROOM_STEP_S = 20.0
#: ... the room's level this close (s) to the take's start or end left out: windows there hold
#: half a window of audio, and before the first word the room is quieter than between words
#: (real-l2: the first 8-12 s 8-10 dB under the rest of the answer in three of them).
ROOM_EDGE_S = 10.0


def room_floors(db: np.ndarray, vad_prob: np.ndarray, floor: float, speech: float | None = None):
    """The noise floor under each frame of ``db``: the take's ``floor``, or, where the room
    around a second is louder by :data:`ROOM_RISE_DB` or more, the room's level there
    (:data:`ROOM_WINDOW_S`). A take too short to have two rooms, or with none louder: ``floor``.
    With ``speech`` (the take's speech level): ``(floors, speech levels)``, where the room is
    followed both as a take of the window around it alone has them (:func:`levels`): a speaker
    recorded softer in the louder room (answers joined, or one who sat back) had its soft sounds
    fall under thresholds set from the take's louder voice, and short pauses read inside its
    words (QA s49b LL #3: 22 pauses where 13 were said); and the room's noisiness, judged from
    levels of other kinds (the quiet frames' 10th percentile, Silero's speech's 90th), read 25 dB
    of contrast where the answer alone had 23.7, so the energy, not Silero, decided there, and
    short pauses came back (20 / 8.8 s of silence on its speech map; now 15 / 7.8 s, alone 13 /
    5.8 s, by hand 13 / 6.9 s)."""
    n = len(db)
    if n * HOP_S < ROOM_LOCAL_MIN_S:
        return floor if speech is None else (floor, speech)
    quiet = np.zeros(n, bool)
    m = min(n, len(vad_prob))
    quiet[:m] = vad_prob[:m] < QUIET_P
    quiet &= ~digital_silence(db)
    half, step = int(ROOM_WINDOW_S / 2 / HOP_S), int(round(1.0 / HOP_S))
    centres = np.arange(0, n, step)
    heard = np.full(len(centres), np.nan)  # the room around each second, where enough of it is quiet
    for i, c in enumerate(centres):
        around = db[max(0, c - half):c + half][quiet[max(0, c - half):c + half]]
        if len(around) * HOP_S >= ROOM_WINDOW_QUIET_S:
            heard[i] = float(np.percentile(around, 10))
    rooms = np.where(np.isnan(heard), floor, np.maximum(floor, heard))
    base = min(floor, _quieter_room(heard, centres * HOP_S, n * HOP_S))
    if not np.any(rooms - base >= ROOM_RISE_DB):
        return floor if speech is None else (floor, speech)
    per_frame = np.interp(np.arange(n), centres, rooms)
    followed = per_frame - base >= ROOM_RISE_DB
    if speech is None:
        return np.where(followed, per_frame, floor)
    # where followed, the room and the voice as a take of those 20 s alone has them (:func:`levels`)
    local_floor, voices = rooms.copy(), np.full(len(centres), speech)
    for i, c in enumerate(centres):
        if rooms[i] - base >= ROOM_RISE_DB:
            there = levels(db[max(0, c - half):c + half], vad_prob[max(0, c - half):c + half])
            local_floor[i], voices[i] = max(floor, there.floor), there.speech
    per_frame = np.interp(np.arange(n), centres, local_floor)
    return np.where(followed, per_frame, floor), np.where(followed, np.interp(np.arange(n), centres, voices), speech)


#: Other voices that start partway through a long take (a television switched on, colleagues
#: talking; QA s49b LL #1): the take's levels are judged over windows of this many seconds
#: (:attr:`Levels.other_voices`), ...
VOICES_WINDOW_S = 30.0
#: ... one starting every this many seconds; ...
VOICES_STEP_S = 5.0
#: ... this many windows in a row with other voices make a stretch of them. A babble of six
#: voices 14 dB under a speaker from 60 s of a 124-s answer filled every pause after it (0 of
#: 26 found) with no word of warning, the whole take's levels being the quiet room's; its
#: windows from 55 s on have other voices, as do those of a joined take's part in a café
#: (225-311 s: windows 225-315 s). No window of the 21 real-l2 answers has (nor of them in a
#: steady noise, whose floor does not rise and fall).
VOICES_MIN_WINDOWS = 2
#: (One other voice, a television, leaves the quietest frames quiet and is not found: a window
#: where Silero is sure of quiet in under a tenth of the frames was tried, QA s50 MM #1, and found
#: 8 of 8 such voices, but a speaker who talks fluently, pauses of 0.3 s and less, reads as low
#: there, 4-9 %, QA s50 PP #1: the whole answer's verdicts went for a room with no one else in it.)


def voices_within(db: np.ndarray, vad_prob: np.ndarray) -> list[tuple[int, int]]:
    """The stretches (frame ranges) of a take of :data:`ROOM_LOCAL_MIN_S` or more in which
    other people's voices are heard (:data:`VOICES_WINDOW_S`), for a take whose levels, judged
    whole, have none. Each stretch runs from the start of its first window to the end of its
    last: the voices begin somewhere in the first (up to a window early)."""
    n = len(db)
    if n * HOP_S < ROOM_LOCAL_MIN_S:
        return []
    width, step = int(round(VOICES_WINDOW_S / HOP_S)), int(round(VOICES_STEP_S / HOP_S))
    starts = range(0, max(1, n - width + 1), step)
    hits = [s for s in starts if levels(db[s:s + width], vad_prob[s:s + width]).other_voices]
    stretches: list[list[int]] = []
    for s in hits:
        if stretches and s - stretches[-1][1] <= step:
            stretches[-1][1:] = [s, stretches[-1][2] + 1]
        else:
            stretches.append([s, s, 1])
    final = starts[-1]  # the last window ends before the take's last few seconds: they go with it
    return [(first, n if last == final else min(n, last + width))
            for first, last, count in stretches if count >= VOICES_MIN_WINDOWS]


def _quieter_room(rooms: np.ndarray, times: np.ndarray, seconds: float) -> float:
    """The quieter of two rooms a take holds, each for :data:`ROOM_STEP_S` or more, one
    :data:`ROOM_RISE_DB` or more louder than the other (the median of ``rooms``, the room's
    level at ``times`` (s; NaN where unknown), on each side of the step between them, edges
    left out: :data:`ROOM_EDGE_S`); ``inf`` for a take in one room."""
    inner = (times >= ROOM_EDGE_S) & (times <= seconds - ROOM_EDGE_S) & ~np.isnan(rooms)
    heard, at = rooms[inner], times[inner]
    best = np.inf
    for k in range(1, len(heard)):
        if at[k - 1] - at[0] < ROOM_STEP_S or at[-1] - at[k] < ROOM_STEP_S:
            continue
        before, after = float(np.median(heard[:k])), float(np.median(heard[k:]))
        if abs(after - before) >= ROOM_RISE_DB:
            best = min(best, before, after)
    return best


class Levels(NamedTuple):
    """A recording's levels: noise floor and speech level (dBFS), the share of its frames
    Silero is sure hold no speech, how much audio (s) they were measured over, and how far
    its quietest frames spread (dB, :data:`UNSTEADY_FLOOR_DB`)."""

    floor: float
    speech: float
    quiet_share: float = 0.0
    seconds: float = 0.0
    floor_spread: float = 0.0

    @property
    def contrast(self) -> float:
        return self.speech - self.floor

    @property
    def steady_noise(self) -> bool:
        """A noisy room whose noise Silero tells from speech (a fan, not a café): energy would
        cut the soft sounds, Silero keeps them."""
        return self.contrast < NOISY_CONTRAST_DB and self.quiet_share >= QUIET_SHARE

    @property
    def other_voices(self) -> bool:
        """A noisy room with other people talking (a café, a shared office, a television):
        little contrast, a noise Silero takes for speech (:attr:`steady_noise` false) and a
        floor that rises and falls (:data:`UNSTEADY_FLOOR_DB`), over at least
        :data:`ROOM_MIN_S` of audio. A short burst set off from the speaker's words there may
        be anyone's voice."""
        return (self.seconds >= ROOM_MIN_S and self.contrast < NOISY_CONTRAST_DB
                and not self.steady_noise and self.floor_spread >= UNSTEADY_FLOOR_DB)


def digital_silence(db: np.ndarray) -> np.ndarray:
    """Per 10-ms frame: digital silence (at or under :data:`ZEROS_DB`: exact zeros) or one of
    the :data:`SILENCE_EDGE_FRAMES` frames on either side of it, whose 25-ms window holds part
    zeros, part sound (a gate opening, a resampler's tail): a level that is neither the room's
    nor the speech's."""
    zeros = np.asarray(db) <= ZEROS_DB
    out = zeros.copy()
    for k in range(1, SILENCE_EDGE_FRAMES + 1):
        out[k:] |= zeros[:-k]
        out[:-k] |= zeros[k:]
    return out


#: The room heard between the first and the last word is the background the pauses are told
#: from. Its quietest frames lie at or under the whole take's floor in an ordinary take (0.2 to
#: 7.5 dB under it on 37 real recordings); a take that starts or ends quieter than the room its
#: words are said in (3 s at -60 dBFS before a recording whose pauses are at -42 dBFS: 23 dB
#: over) had its floor there, the thresholds fell under the room's noise and its pauses shrank
#: or went (4 pauses became 3, the longest 1.16 s read 0.79 s). More than this (dB) over the
#: whole take's floor, the room between the words is the floor.
ROOM_SHIFT_DB = 6.0
#: So much of the room between the words (s) tells its level.
ROOM_BETWEEN_MIN_S = 0.5


def _room_between_words(db: np.ndarray, vad_mask: np.ndarray, quiet: np.ndarray) -> np.ndarray:
    """The levels of the frames between the first and the last frame Silero calls speech that it
    is sure hold none (``quiet``, digital silence left out): empty under
    :data:`ROOM_BETWEEN_MIN_S` of them."""
    speech = np.flatnonzero(vad_mask)
    if not len(speech):
        return db[:0]
    inside = quiet[speech[0]:speech[-1] + 1]
    room = db[speech[0]:speech[0] + len(inside)][inside]
    return room if len(room) * HOP_S >= ROOM_BETWEEN_MIN_S else db[:0]


def levels(db: np.ndarray, vad_prob: np.ndarray, *, vad_threshold: float = 0.5, vad_low: float = 0.35
           ) -> Levels:
    """The recording's noise floor (10th percentile of the levels of frames that are not digital
    silence, :func:`digital_silence`), speech level (90th percentile of the frames Silero calls
    speech), dBFS, its share of surely quiet frames, and the spread of its quietest frames (10th
    minus 2nd percentile, dB).

    A noise gate puts digital silence in the pauses: half or more of the frames Silero is sure
    hold no speech are digital silence, and the room heard while nobody speaks is under a tenth
    of the frames heard, so their 10th percentile would be speech. The floor (and its spread)
    is then that of the room the gate let through while nobody spoke, when there is
    :data:`GATED_ROOM_MIN_S` of it, else digital silence itself (the gate's silence is the
    background the speech stands out from). A take quieter before or after the words than
    between them has the floor of the room between them (:data:`ROOM_SHIFT_DB`)."""
    n = len(db)
    vad_mask = _hysteresis(vad_prob, vad_threshold, vad_low)
    # the floor of the room, not of digital silence: a take padded with exact zeros (a recorder
    # that pads, a noise gate) put its floor at the bottom of the scale, and the room's own
    # noise in the pauses then read as speech (6 pauses became 2). A level is not the test: a
    # take recorded 30 dB too quiet has its whole room under -90 dBFS, and leaving that out
    # put the floor among the speech (a quiet room taken for a noisy one, 40% of the words lost)
    silent = digital_silence(db)
    heard = db[~silent]
    quiet_mask = np.zeros(n, bool)
    m = min(n, len(vad_prob))
    quiet_mask[:m] = vad_prob[:m] < QUIET_P
    if silent.any() and quiet_mask.any():
        between = db[quiet_mask & ~silent]  # the room, heard while nobody speaks
        if silent[quiet_mask].mean() >= 0.5 and len(between) < 0.1 * len(heard):
            # a gate: exact zeros in the pauses and speech nearly all that is heard (an answer
            # gated at -45 dBFS read "speech only 21 dB above the background", and one from a
            # speech synthesiser, silent between phrases, "other voices")
            heard = between if len(between) * HOP_S >= GATED_ROOM_MIN_S else between[:0]
    floor = float(np.percentile(heard, 10)) if len(heard) else ZEROS_DB
    room = _room_between_words(db, vad_mask, quiet_mask & ~silent)
    if len(room) and float(np.percentile(room, 10)) - floor > ROOM_SHIFT_DB:
        heard = room  # a quiet lead-in or tail took the floor under the room the words stand in
        floor = float(np.percentile(heard, 10))
    if vad_mask.any():
        speech_level = float(np.percentile(db[vad_mask], 90))
    else:
        speech_level = float(np.percentile(db, 98)) if n else floor
    quiet = float(np.mean(quiet_mask[:m])) if m else 0.0
    spread = float(np.percentile(heard, 10) - np.percentile(heard, 2)) if len(heard) else 0.0
    return Levels(floor, speech_level, quiet, n * HOP_S, spread)


def speech_map(db: np.ndarray, vad_prob: np.ndarray, duration: float, *, vad_threshold: float = 0.5,
               vad_low: float = 0.35, min_speech_s: float = 0.06, bridge_s: float = 0.08, vad_dilate_s: float = 0.15,
               min_contrast_db: float = 12.0, take_levels: Levels | None = None, offset_s: float = 0.0,
               narrow: bool = False, lenient_db: float = 0.0) -> SpeechMap:
    """Speech intervals from 10-ms frame levels ``db`` (:func:`frame_db`) and Silero
    probabilities per frame ``vad_prob`` (:func:`vad_frames`).

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
        Below this speech-over-floor contrast, energy edges are not trusted (nor in a steady
        noise, :attr:`Levels.steady_noise`).
    take_levels : Levels, optional
        The recording's levels when ``db`` is only part of it (:func:`levels` of the rest):
        a stretch of a take being recorded is judged by the take so far.
    offset_s : float, seconds
        Where frame 0 lies in the take (interval times are the take's).
    lenient_db : float >= 0, dB
        Lower the energy thresholds by this much: a stretch judged before the take has ended
        (its final levels unknown) keeps the soft sounds the whole take's map may count.
    """
    n = len(db)
    vad_mask = _hysteresis(vad_prob, vad_threshold, vad_low)
    lv = take_levels if take_levels is not None else levels(db, vad_prob, vad_threshold=vad_threshold,
                                                            vad_low=vad_low)
    floor, speech_level, contrast = lv.floor, lv.speech, lv.contrast
    energy = dict(vad_low=vad_low, dilate=int(round(vad_dilate_s / HOP_S)), lenient_db=lenient_db, narrow=narrow)
    louder, louder_db = [], 0.0
    if contrast >= min_contrast_db and not lv.steady_noise:
        mask, floors = _with_energy(db, vad_prob, vad_mask, lv, **energy)
        if np.ndim(floors) and take_levels is None:
            louder, louder_db = _louder(floors, floor)
    else:
        mask = vad_mask.copy()
    voices = () if take_levels is not None or lv.other_voices else voices_within(db, vad_prob)
    _hear_voices(mask, db, vad_prob, vad_mask, voices, min_contrast_db=min_contrast_db,
                 vad_threshold=vad_threshold, **energy)

    # Bridge tiny gaps, drop tiny islands.
    bridge = int(round(bridge_s / HOP_S))
    for s, e in runs(~mask):
        if s > 0 and e < n and (e - s) < bridge:
            mask[s:e] = True
    min_len = int(round(min_speech_s / HOP_S))
    for s, e in runs(mask):
        if e - s < min_len:
            mask[s:e] = False

    noisy = loud_noise(db, vad_prob)
    _clear_noise(mask, noisy)
    end = offset_s + duration

    def interval(s: int, e: int) -> Interval:
        return Interval(round(offset_s + float(s) * HOP_S, 3), round(min(offset_s + float(e) * HOP_S, end), 3))

    intervals = tuple(interval(s, e) for s, e in runs(mask))
    return SpeechMap(intervals=intervals, duration=duration, floor_db=floor, speech_db=speech_level,
                     frames_db=db, vad_prob=vad_prob, bursts=voiced_bursts(db, intervals, offset_s=offset_s),
                     steady_noise=lv.steady_noise, other_voices=lv.other_voices,
                     noise=tuple(interval(s, e) for s, e in noisy), narrow=narrow,
                     voices=tuple(interval(s, e) for s, e in voices),
                     louder=tuple(interval(s, e) for s, e in louder), louder_db=round(louder_db, 1))


def _with_energy(db: np.ndarray, vad_prob: np.ndarray, vad_mask: np.ndarray, lv: Levels, *, vad_low: float,
                 dilate: int, lenient_db: float, narrow: bool) -> tuple[np.ndarray, np.ndarray | float]:
    """:func:`speech_map`'s speech frames where the energy's edges are trusted: thresholds
    between the floor and the speech level, with hysteresis for soft word edges, where Silero
    (dilated by ``dilate`` frames) agrees; soft words (:func:`_soft_words`); through a narrow
    band, a loud voice Silero barely hears (:func:`_loud_voice`). Returns the frames and the
    floor under them (:func:`room_floors`)."""
    floor, speech = room_floors(db, vad_prob, lv.floor, lv.speech)
    contrast = speech - floor
    start = 0.45 * contrast if lv.other_voices else np.minimum(0.45 * contrast, contrast - SOFT_UNDER_SPEECH_DB)
    high = floor + np.maximum(9.0, start) - lenient_db
    low = floor + np.maximum(6.0, 0.25 * contrast) - lenient_db
    energy_mask = _hysteresis(db, high, low)
    mask = energy_mask & _dilate(vad_mask, dilate)
    mask |= _soft_words(energy_mask, mask, vad_prob, vad_low, dilate)
    if narrow:
        mask |= _loud_voice(energy_mask, mask, db, vad_prob, lv.speech)
    if np.ndim(floor):  # a louder room followed: where it is noisy, Silero's word, as for a noisy take
        # (:attr:`Levels.steady_noise`; QA s49b LL #3: energy there read 20 pauses in a part with 13)
        noisy = (floor > lv.floor) & (contrast < NOISY_CONTRAST_DB)
        mask[noisy[: len(mask)]] = vad_mask[: len(mask)][noisy[: len(mask)]]
    return mask, floor


def _hear_voices(mask: np.ndarray, db: np.ndarray, vad_prob: np.ndarray, vad_mask: np.ndarray, voices, *,
                 min_contrast_db: float, vad_threshold: float, **energy) -> None:
    """Other voices partway (``voices``, frame ranges): each stretch of ``mask`` heard as a take
    with them throughout is, by its own levels (QA s49b LL #1: six voices from 60 s of a 124-s
    answer, 0 of 26 pauses after it found, the take's quiet room setting the thresholds; now
    23 / 13.9 s of silence, 26 / 27.1 s by hand)."""
    for s, e in voices:
        there = levels(db[s:e], vad_prob[s:e], vad_threshold=vad_threshold, vad_low=energy["vad_low"])
        if there.contrast >= min_contrast_db:
            mask[s:e] = _with_energy(db[s:e], vad_prob[s:e], vad_mask[s:e], there, **energy)[0]


def _louder(floors: np.ndarray, floor: float) -> tuple[list[tuple[int, int]], float]:
    """The stretches (frames) where a louder room is followed (``floors`` over the take's
    ``floor``), each :data:`ROOM_WINDOW_S` / 2 or longer (a few seconds at an edge are no room),
    and how much louder (dB, the most)."""
    louder = [(a, b) for a, b in runs(floors > floor) if (b - a) * HOP_S >= ROOM_WINDOW_S / 2]
    return louder, float(np.max(floors) - floor) if louder else 0.0


def _clear_noise(mask: np.ndarray, noisy: list[tuple[int, int]]) -> None:
    """Take out of the speech ``mask`` what Silero heard by chance inside a loud noise (the
    frame runs ``noisy``): a run of it whose middle lies in the noise; words at its edge stay."""
    for s, e in runs(mask) if noisy else ():
        if any(a <= (s + e) / 2 < b for a, b in noisy):
            mask[s:e] = False


def loud_noise(db: np.ndarray, vad_prob: np.ndarray) -> list[tuple[int, int]]:
    """Frame runs (start, end) of a loud steady noise (:data:`NOISE_MIN_S`): steady, and
    louder than the voice's loudest tenth (Silero's speech outside the steady stretches)."""
    n = int(round(NOISE_MIN_S / HOP_S))
    if len(db) < n:
        return []
    windows = np.lib.stride_tricks.sliding_window_view(db, n)
    low, high = np.percentile(windows, [10, 90], axis=1)
    steady = np.zeros(len(db), bool)
    for s in np.flatnonzero(high - low <= NOISE_SPREAD_DB):
        steady[s:s + n] = True
    voice = (vad_prob[: len(db)] >= 0.5) & ~steady
    if not steady.any() or voice.sum() < n:
        return []  # nothing steady, or too little voice to be louder than (a hum in a silent take)
    loud = steady & (db > np.percentile(db[voice], 90) + NOISE_OVER_SPEECH_DB)
    return [(s, e) for s, e in runs(loud) if e - s >= n]


#: Through a narrow band, a run of sound the energy calls speech, this long (s) or longer and
#: as loud as the speaker's speech (its loudest tenth within this many dB of the speech level),
#: over which Silero's probability rises to this at least, is speech, whole: ...
LOUD_VOICE_MIN_P = 0.1
LOUD_VOICE_MIN_S = 1.0
LOUD_VOICE_UNDER_DB = 10.0
#: ... its words' runs taken as one where less than this (s) parts them.
LOUD_VOICE_GAP_S = 0.3


def _loud_voice(energy_mask: np.ndarray, mask: np.ndarray, db: np.ndarray, vad_prob: np.ndarray,
                speech_level: float) -> np.ndarray:
    """... (:data:`LOUD_VOICE_MIN_S`): a voice a radio link or a headset distorts is heard by
    Silero at 0.1-0.5, and only bursts of it reached the map (QA s46 W #1: 15 s of the Apollo
    11 radio voice, Silero at 0.14-0.27, 4 to 7 dB under the speech level at its loudest tenth
    and over 25 dB over the room, read as a 9.6-s and a 5.4-s freeze, their words gone; the
    room there, 0.01). Wide takes keep Silero's word: a laugh or a room's noise can be as loud,
    and Silero hears a clean voice surely."""
    out = np.zeros_like(mask)
    n, gap = int(round(LOUD_VOICE_MIN_S / HOP_S)), int(round(LOUD_VOICE_GAP_S / HOP_S))
    m = min(len(mask), len(vad_prob), len(db))
    left = energy_mask[:m] & ~mask[:m]
    joined = left.copy()
    for s, e in runs(~left):  # a phrase's words, the short gaps between them bridged
        if s > 0 and e < m and e - s <= gap:
            joined[s:e] = True
    for s, e in runs(joined):
        if e - s >= n and np.percentile(db[s:e][left[s:e]], 90) >= speech_level - LOUD_VOICE_UNDER_DB \
                and vad_prob[s:e].max() >= LOUD_VOICE_MIN_P:
            out[s:e] = left[s:e]
    return out


def _soft_words(energy_mask: np.ndarray, mask: np.ndarray, vad_prob: np.ndarray, vad_low: float,
                dilate: int) -> np.ndarray:
    """Sounds the energy calls speech that Silero heard as speech going on but never as speech
    starting: each energy run that no frame of ``mask`` touches and over which Silero's
    probability reaches ``vad_low`` (its own bar for speech carrying on), where Silero is at
    that bar (dilated as ``mask``'s agreement is). The energy run, loud above the floor, stands
    in for Silero's onset.

    Why: a short, soft word set off by silence ("話" after a 1.3-s pause, 17 dB over the room
    and 10 dB under the speaker's words) gets Silero probabilities that wander between 0.37 and
    0.52 with the level, the channels or the rate the take was saved at; only above 0.5 was it
    speech, so the pause before it read 1.5 s in one copy and 2.0-2.3 s in the others. On the
    real answers every sound outside the map that energy calls speech and Silero puts at 0.35
    or more over itself (not only near it) is a word; the room's clicks and breaths stay under
    it, or last less than ``min_speech_s`` and are dropped."""
    out = np.zeros_like(mask)
    sure = np.zeros(len(mask), bool)
    m = min(len(mask), len(vad_prob))
    sure[:m] = vad_prob[:m] >= vad_low
    soft = _dilate(sure, dilate)
    for s, e in runs(energy_mask):
        if not mask[s:e].any() and sure[s:e].any():
            out[s:e] = soft[s:e]
    return out


def speech_within(intervals, start: float, end: float) -> float:
    """Seconds of [start, end] that lie inside the (non-overlapping) speech ``intervals``."""
    return sum(max(0.0, min(end, iv.end) - max(start, iv.start)) for iv in intervals)


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


#: A dip of at least this much (dB, on the 30-ms smoothed level) between two peaks parts two
#: bursts of sound: a syllable boundary, the glottal stop between "uh" and "uh".
BURST_DIP_DB = 6.0
#: No burst is shorter than this (s): a dip at the very edge of an interval parts nothing.
MIN_BURST_S = 0.05


def voiced_bursts(frames_db: np.ndarray, intervals, *, min_dip_db: float = BURST_DIP_DB,
                  hop_s: float = HOP_S, offset_s: float = 0.0) -> tuple[Interval, ...]:
    """Bursts of sound inside the speech ``intervals``: each interval split at every dip of the
    level that lies ``min_dip_db`` or more below the peaks on both sides of it.

    A held filler ("ummm", えーー) is one burst however long; "uh, uh, um" said in one breath
    is three, parted by the closures between them. Words are bursts too (roughly syllables):
    the count only caps how many fillers a stretch heard as fillers can hold.
    """
    from scipy.signal import find_peaks

    out: list[Interval] = []
    if frames_db.size == 0:
        return ()
    level = np.convolve(frames_db.astype(np.float64), np.ones(3) / 3, mode="full")[1:1 + frames_db.size]
    for iv in intervals:
        a, b = int(round((iv.start - offset_s) / hop_s)), min(int(round((iv.end - offset_s) / hop_s)), len(level))
        seg = level[a:b]
        if seg.size < 3:
            out.append(iv)
            continue
        peaks, _ = find_peaks(np.concatenate([[-200.0], seg, [-200.0]]), prominence=min_dip_db)
        peaks = peaks - 1
        edges = [iv.start]
        for p0, p1 in zip(peaks, peaks[1:]):
            cut = round(offset_s + float((a + p0 + int(np.argmin(seg[p0:p1]))) * hop_s), 3)
            if cut - edges[-1] >= MIN_BURST_S:
                edges.append(cut)
        if len(edges) > 1 and iv.end - edges[-1] < MIN_BURST_S:
            edges.pop()
        edges.append(iv.end)
        out.extend(Interval(x, y) for x, y in zip(edges, edges[1:]))
    return tuple(out)


#: An island of speech: speech intervals less than this apart, joined.
ISLAND_JOIN_S = 0.15


def speech_islands(speech_ivs, *, join_s: float = ISLAND_JOIN_S) -> list[tuple[float, float]]:
    """Speech intervals joined across gaps shorter than ``join_s`` (a stop closure, a breath
    between syllables): the stretches a listener hears as one burst of sound."""
    out: list[list[float]] = []
    for iv in speech_ivs:
        if out and iv.start - out[-1][1] < join_s:
            out[-1][1] = max(out[-1][1], iv.end)
        else:
            out.append([iv.start, iv.end])
    return [(s, e) for s, e in out]


# ---------------------------------------------------------------------------------------------
# Held sounds: the acoustic signature of a filled pause.

def pitch_track(seg: np.ndarray, rate: int, *, fmin: float = 60.0, fmax: float = 500.0,
                frame_s: float = 0.04, hop_s: float = HOP_S, threshold: float = 0.2):
    """Per-frame f0 in Hz (NaN when unvoiced), after YIN (de Cheveigné & Kawahara 2002).

    The difference function comes from the autocorrelation (FFT), is normalised by its
    cumulative mean, and the first dip under ``threshold`` (then its local minimum) gives the
    period; frames whose best dip stays above ``threshold`` are unvoiced. Frame ``i`` covers
    ``[i*hop_s, i*hop_s + frame_s]`` seconds of ``seg``.
    """
    n = int(frame_s * rate)
    hop = int(hop_s * rate)
    if len(seg) < n:
        return np.array([])
    count = 1 + (len(seg) - n) // hop
    idx = np.arange(n)[None, :] + hop * np.arange(count)[:, None]
    frames = seg[idx].astype(np.float64)
    frames -= frames.mean(axis=1, keepdims=True)
    max_lag = min(int(rate / fmin) + 1, n - 1)
    size = 1 << int(np.ceil(np.log2(2 * n)))
    spec = np.fft.rfft(frames, size, axis=1)
    ac = np.fft.irfft(spec * np.conj(spec), size, axis=1)[:, : max_lag + 1]
    ac = ac * (n / (n - np.arange(max_lag + 1)))[None, :]  # unbiased: per overlapping sample
    diff = 2.0 * (ac[:, :1] - ac)  # d(tau) ~ 2 (r(0) - r(tau))
    diff[:, 0] = 0.0
    cum = np.cumsum(diff[:, 1:], axis=1)
    taus = np.arange(1, max_lag + 1)
    cmnd = np.ones_like(diff)
    cmnd[:, 1:] = diff[:, 1:] * taus / np.maximum(cum, 1e-12)
    lo = max(int(rate / fmax), 2)
    f0 = np.full(count, np.nan)
    for i in range(count):
        row = cmnd[i]
        below = np.flatnonzero(row[lo:max_lag] < threshold)
        if below.size == 0:
            continue
        t = lo + below[0]
        while t + 1 < max_lag and row[t + 1] < row[t]:
            t += 1
        # parabolic interpolation around the dip
        if 1 <= t < max_lag:
            a_, b_, c_ = row[t - 1], row[t], row[t + 1]
            den = a_ - 2 * b_ + c_
            # the vertex of the parabola lies within half a lag of the dip (it can fall far
            # outside, even past zero lag, when the dip is a shoulder rather than a minimum)
            shift = float(np.clip(0.5 * (a_ - c_) / den, -0.5, 0.5)) if den > 1e-12 else 0.0
        else:
            shift = 0.0
        f0[i] = rate / (t + shift)
    return f0


def voiced_share(seg: np.ndarray, rate: int) -> float:
    """The share of :func:`pitch_track` frames in ``seg`` that are voiced (0 when too short)."""
    f0 = pitch_track(np.asarray(seg, dtype=np.float32), rate)
    return float(np.isfinite(f0).mean()) if len(f0) else 0.0


def frame_changes(seg: np.ndarray, rate: int, *, frame_s: float = 0.03, hop_s: float = HOP_S,
                  span: int = 3) -> np.ndarray:
    """Per-frame spectral change (dB): RMS distance between the mean band spectra (16 bands,
    100 Hz-6 kHz) of the ``span`` frames before and the ``span`` frames from this one.
    Averaging a few frames on each side keeps vocoder and noise jitter out; a consonant or a
    vowel change still moves it by many dB."""
    n = int(frame_s * rate)
    hop = int(hop_s * rate)
    if len(seg) < n + hop:
        return np.zeros(0)
    count = 1 + (len(seg) - n) // hop
    idx = np.arange(n)[None, :] + hop * np.arange(count)[:, None]
    frames = seg[idx] * np.hanning(n)[None, :]
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    freqs = np.fft.rfftfreq(n, 1 / rate)
    edges = np.geomspace(100, min(6000, rate / 2 - 1), 17)
    bands = np.stack([power[:, (freqs >= lo) & (freqs < hi)].sum(axis=1) for lo, hi in zip(edges[:-1], edges[1:])], axis=1)
    db = 10 * np.log10(np.maximum(bands, 1e-10))
    cs = np.concatenate([np.zeros((1, db.shape[1])), np.cumsum(db, axis=0)])
    out = np.zeros(count)
    for i in range(span, count - span + 1):
        before = (cs[i] - cs[i - span]) / span
        after = (cs[i + span] - cs[i]) / span
        out[i] = np.sqrt(np.mean((after - before) ** 2))
    out[:span] = out[span] if count > 2 * span else 0.0
    out[count - span + 1:] = out[count - span] if count > 2 * span else 0.0
    return out


@dataclass(frozen=True)
class HeldSound:
    """A held, steady voiced sound (one vowel or a hum) of at least ``min_s`` seconds."""

    start: float
    end: float
    f0_hz: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def held_sounds(
    audio: Audio,
    intervals,
    *,
    min_s: float = 0.3,
    max_step_st: float = 1.0,
    max_range_st: float = 8.0,
    max_change_db: float = 4.0,
    join_s: float = 0.1,
) -> list[HeldSound]:
    """Held vowels and hums inside the speech ``intervals``: the sound of a filled pause.

    In running speech a vowel lasts 50-200 ms before the next consonant changes the spectrum;
    a filled pause (uh, um, えー, the ー of あのー) holds one voiced sound, steady in pitch and
    spectrum, for 0.3 s or more. A frame is *steady* when it is voiced, its pitch moved less
    than ``max_step_st`` semitones from the previous frame and its band spectrum less than
    ``max_change_db``; runs of steady frames of at least ``min_s`` seconds (dropouts of up to
    three frames bridged; two parts of >= 0.12 s joined across a transition of <= ``join_s``
    when the pitch carries on, as in the "u" and "m" of "um"), >= 70 % voiced, whose pitch glides over at most ``max_range_st``
    semitones in all, are held.
    """
    x, rate = audio.samples, audio.rate
    join_frames = int(round(join_s / HOP_S))
    out: list[HeldSound] = []
    for iv in intervals:
        if iv.duration < min_s:
            continue
        a, b = int(iv.start * rate), int(iv.end * rate)
        seg = np.asarray(x[a:b], dtype=np.float32)
        f0 = pitch_track(seg, rate)
        chg = frame_changes(seg, rate)
        n = min(len(f0), len(chg))
        if n < 3:
            continue
        f0, chg = f0[:n], chg[:n]
        voiced = np.isfinite(f0)
        st = np.full(n, np.nan)
        st[voiced] = 12.0 * np.log2(f0[voiced] / 100.0)
        # pitch step from the previous *voiced* frame, per frame of distance
        step = np.full(n, np.inf)
        vi = np.flatnonzero(voiced)
        if len(vi) > 1:
            step[vi[1:]] = np.abs(np.diff(st[vi])) / np.diff(vi)
            step[vi[0]] = 0.0
        steady = voiced & (step < max_step_st) & (chg < max_change_db)
        # bridge short dropouts (a frame or three of lost voicing inside a held vowel)
        for s0, e0 in runs(~steady):
            if s0 > 0 and e0 < n and e0 - s0 <= 3:
                steady[s0:e0] = True
        # join two held parts across a short transition ("u" -> "m" of "um") when each part is
        # substantial and the pitch carries on across the join
        held_parts = runs(steady)
        for (s1, e1), (s2, e2) in zip(held_parts, held_parts[1:]):
            gap = s2 - e1
            if gap <= join_frames and (e1 - s1) * HOP_S >= 0.12 and (e2 - s2) * HOP_S >= 0.12:
                p1 = st[s1:e1][np.isfinite(st[s1:e1])]
                p2 = st[s2:e2][np.isfinite(st[s2:e2])]
                if len(p1) and len(p2) and abs(p2[0] - p1[-1]) <= 2.0:
                    steady[e1:s2] = True
        for s0, e0 in runs(steady):
            if (e0 - s0) * HOP_S < min_s:
                continue
            run = st[s0:e0][np.isfinite(st[s0:e0])]
            if len(run) < 0.7 * (e0 - s0) or run.max() - run.min() > max_range_st:
                continue
            # pitch frames are 40 ms long: frame i covers [i*hop, i*hop + 40 ms]
            t0 = iv.start + s0 * HOP_S + 0.01
            t1 = min(iv.start + e0 * HOP_S + 0.03, iv.end)
            med = float(np.median(f0[s0:e0][voiced[s0:e0]]))
            out.append(HeldSound(round(float(t0), 3), round(float(t1), 3), round(med, 1)))
    return out
