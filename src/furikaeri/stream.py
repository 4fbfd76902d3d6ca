"""Analysis while the person is still speaking: the report is ready when they stop.

A :class:`Listener` is fed audio as it arrives (:meth:`Listener.feed`: from the recorder's
whole-stream consumer, or a file read a chunk at a time) and does, in one pass:

1. **The evidence that needs the whole take, a frame at a time**: the 10-ms frame levels and
   Silero's speech probabilities, computed exactly as for a whole file (Silero's state and
   context are carried from chunk to chunk), so the final speech map is the batch one.
2. **Stretches of speech, as soon as they are finished**: a stretch closes at a pause, so no
   word is cut: after :data:`ALONE_S` of silence (where the whole-take analysis splits too),
   after :data:`SETTLE_S` once it holds :data:`MIN_STRETCH_S` of speech (context enough for
   Whisper), after :data:`SPLIT_GAP_S` once it holds :data:`LONG_STRETCH_S`, or at its latest
   pause once it is :data:`MAX_STRETCH_S` long. A shorter stretch is heard ahead of time at
   each pause of :data:`SETTLE_S` that follows :data:`AHEAD_NEW_S` of speech not heard ahead
   yet (the person may be done, and then the end of the take finds
   it heard; if they speak on, the hearing is finished and kept: should the take end in that
   stretch, only the speech after that pause is left to hear, as if the stretch had closed
   there; a stretch that closes while the person speaks on is heard whole). A worker thread
   transcribes each finished stretch (:func:`furikaeri.transcribe.transcribe`, words in take
   time; Whisper hears the last :data:`CONTEXT_SPEECH_S` of the speech before it too, as it
   would in a whole take, and the words it writes there are left to their own stretch), finds
   its held sounds, hears its likely fillers again (:func:`furikaeri.relisten.second_listen`)
   and tracks its pitch, judging speech by the levels of the take so far. Only the stretch's
   own audio is kept until then: memory stays bounded however long the take.
3. **The language** from the first :data:`furikaeri.transcribe.DETECT_S` seconds of speech.
4. :meth:`Listener.finish`: the last stretch (the tail), then the whole take's speech map,
   words snapped to it, measurements, voice: the :class:`~furikaeri.analysis.Analysis`. If the
   worker fell behind (a slow machine, a large model) it catches up here; ``progress`` says
   how much audio is left.

Capture never waits for any of this: the recorder hands blocks to a queue the listener drains
in its own thread. A file fed through a listener (:func:`listen_to`, :func:`analyze_long_file`)
gives what the same audio recorded gives. Against the whole-take analysis
(:func:`furikaeri.analysis.analyze_file`) the speech map, pauses and lengths are the same;
Whisper, hearing each stretch with less context around it, may write a few words differently
(``bench/streaming.py`` measures the difference).
"""

from __future__ import annotations

import queue
import re
import threading
from dataclasses import dataclass, field, replace

import numpy as np

from furikaeri.audio import RATE, Audio, FullScale, Offset
from furikaeri.denoise import Hum, NoiseProfile
from furikaeri.echo import EchoMeter
from furikaeri.speech import SILENT_POWER, BandTrack, GainTrack

HOP = 160  # samples per 10-ms frame
WIN = 400  # 25-ms frame window
VAD = 512  # samples per Silero window (32 ms)
#: Silence (s) after which a stretch closes: what the whole-take analysis decodes as one piece
#: (:func:`furikaeri.transcribe.decoding_windows` joins speech less than this apart), so
#: Whisper gets the same context either way. A phrase or two on its own gives Whisper too
#: little context: it wrote "ask not! I'm sorry." for JFK's "ask not" heard alone.
ALONE_S = 3.0
#: A stretch this long (s) also closes at a pause of :data:`SETTLE_S`: it holds context enough
#: for Whisper, and what is left to hear when the take ends stays short.
MIN_STRETCH_S = 8.0
#: A stretch running this long (s) closes at its latest pause (one of :data:`SETTLE_S` if it
#: has one, else of :data:`SPLIT_GAP_S`), so it fits one of Whisper's 30-s windows.
MAX_STRETCH_S = 24.0
SPLIT_GAP_S = 0.25
#: A stretch this long (s) closes at any pause of :data:`SPLIT_GAP_S`: what is left to hear
#: when the take ends stays short even when the person's last phrases run on without a
#: longer pause (a 5-minute Japanese answer ended on an 18-s stretch: 2.5 s to hear).
#: Hearing costs a fixed encoder pass plus the text written, so shorter is not much faster.
LONG_STRETCH_S = 10.0
#: A pause (s) after which the open stretch is heard ahead of time, while the worker is idle:
#: if the person stops there (most end an answer with a pause before pressing Enter), the
#: stretch is already done when the take ends; if they go on and stop later in the same
#: stretch, only what followed that pause is left to hear.
SETTLE_S = 0.5
#: A hearing ahead costs a fixed encoder pass or two (about 0.7 s on a slow 2-core machine)
#: plus its words, and one the person speaks past is kept (finished): it is made only when
#: this much (s) of the open stretch was not heard ahead already; a take that ends on less
#: hears that little after it. (2-minute answers fed at real-time pace on that machine, CPU
#: while recording / report after the take: every pause 0.86 / 1.05-1.70 s Japanese, 0.92 /
#: 1.12-1.38 s English; 1.5 s, 0.77 / 1.46 s, 0.90 / 1.56 s; 3 s, 0.73 / 1.39 s, 0.76 / 1.53 s.)
AHEAD_NEW_S = 3.0
#: Audio kept around a stretch (s): Whisper and the second listen look a little past its edges.
PAD_S = 0.3
#: Audio kept before a stretch (s), as context only: the second listen hears a candidate in a
#: window with the sound before it, as it does in a whole take (nothing there is transcribed).
CONTEXT_S = 5.0
#: A stretch's speech is judged by the levels of the take so far, which are not quite the whole
#: take's (on a real monologue the floor so far sat 0.1-0.4 dB above it), so a soft sound at the
#: energy threshold may be speech in the final map but not in its stretch, and go unheard.
#: Stretches are judged this much (dB) more leniently; the final map still decides what is
#: speech. (Real-l2 Japanese streamed: 31 of 40 fillers found at 0 dB, 32 at 1 dB, 31 at 2 dB.)
LENIENT_DB = 1.0
#: Speech before a stretch that Whisper hears with it, as context, its words then dropped: the
#: speech that ended less than this (s) before the stretch.
#: Whisper, prompted with fillers, tends to open a piece it hears cold with one ("Uh," at
#: probability 0.001 over a breath), and writes a piece's first words differently from a whole
#: take, where they follow other speech.
DECODE_CONTEXT_S = 2.0
#: ... at most this much of it (s of speech): the words written there are decoded only to be
#: dropped, and a longer context made the last stretch's hearing, after the take, slower.
CONTEXT_SPEECH_S = 1.5
#: Whisper's beam for the stretch the take may end in (a hearing ahead, or the take's last
#: stretch, heard after the take, with any queued before it when the worker is behind): that
#: hearing is most of the wait after the take. Other stretches get 5 beams; one heard ahead that
#: the person speaks past is heard again whole when it closes, so only the last stretch (or a
#: short one closed by 3 s of silence, as heard ahead) is written with fewer. Two beams decode
#: in about two thirds of the time of five, one (greedy) in half; real-l2 streamed, fillers found
#: with 5 / 2 / 1 beams: English 7/8 / 7/8 / 7/8, Japanese 33/50 / 33/50 / 32/49 (greedy fused
#: a speaker's closing えっと into the next word).
LAST_BEAM = 2
#: The word before a seam and the context's last word are the same word when they are at
#: most this far apart (s): Whisper's word times move a little from one hearing to another.
SEAM_SLACK_S = 0.3
#: Silero hysteresis, as :func:`furikaeri.speech.speech_map` (lower on a narrow take: NARROW_VAD).
VAD_ON, VAD_OFF = 0.5, 0.35


class _GivenUp(Exception):
    """The take failed while a stretch was being heard (:meth:`Listener._check`)."""


@dataclass
class _Job:
    """A stretch for the worker: its speech from ``start`` to ``end`` (s), its audio from take
    sample ``first`` on; ``ahead``: heard ahead of time, the stretch still open; ``last``: the
    take's last stretch, closed when the take ended."""

    start: float
    end: float
    first: int
    samples: np.ndarray
    ahead: bool = False
    last: bool = False


@dataclass
class _Part:
    """What the worker found in one stretch (times in the take)."""

    start: float
    end: float
    words: list = field(default_factory=list)
    held: list = field(default_factory=list)
    doubtful: list = field(default_factory=list)
    pitch_t: np.ndarray = field(default_factory=lambda: np.zeros(0))
    pitch_f0: np.ndarray = field(default_factory=lambda: np.zeros(0))
    #: ``(words, start)``: the words of the speech heard before each hearing (its context), as
    #: Whisper wrote them hearing the speech after it too, and where that hearing's own speech
    #: starts: what decides the mark at the seam (:func:`_reseamed`)
    seams: list = field(default_factory=list)


class Listener:
    """Analyse a take while it is being recorded (module docstring).

    Parameters
    ----------
    language : {"auto", "en", "ja"}
    budget : float, optional
        The question's time budget (s).
    question : str, optional
    model, models_dir, prefer
        As :func:`furikaeri.analysis.analyze_audio`.
    source : str
        What the audio is (a file name), for the report.
    background : bool
        Work in a thread of its own (recording); False does each stretch inside :meth:`feed`
        (a file read as fast as it can be; no running filler count is kept then).
    hear_ahead : bool, optional
        Hear the open stretch at each of its pauses while the worker is idle (default: when
        working in the background). In step, every such pause is heard at once: what a take
        recorded on a machine whose worker is never busy gives (``bench/streaming.py``).
    full_scale : furikaeri.audio.FullScale, optional
        Counts the take's clipped samples as stored, when a file's reader counts them; else
        the listener counts them in the recorder's blocks, or in what it is fed.
    """

    def __init__(self, *, language: str = "auto", budget: float | None = None, question: str | None = None,
                 model: str | None = None, models_dir=None, source: str = "", background: bool = True,
                 hear_ahead: bool | None = None, full_scale: FullScale | None = None, prefer: str | None = None):
        from furikaeri.analysis import _check_options, _model_info

        _check_options(language, budget, prefer)
        self.prefer = prefer
        self.info = _model_info(model, models_dir, language, prefer)
        self.language = language if language != "auto" else ("en" if not self.info.multilingual else "auto")
        # an English-only model given no language: its words are checked for being English it heard
        self._english_only = self.info.name if language == "auto" and not self.info.multilingual else None
        # a language named by the person is checked once against what the speech sounds like
        self._doubt = language != "auto" and self.info.multilingual
        self.sounds_like: str | None = None
        self.budget = budget
        self.question = question
        self.source = source
        # the whole take's frame evidence
        self._db: list[np.ndarray] = []
        self._gain = GainTrack()  # what Silero hears the take with (furikaeri.speech)
        self._band = BandTrack()  # a take without its high band is heard with lower thresholds
        self._vad: list[np.ndarray] = []
        self._samples = 0  # samples fed
        self._frames = 0  # 10-ms frames done
        self._vad_done = 0  # Silero windows done
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._ctx = np.zeros(64, dtype=np.float32)
        # audio still needed: from sample ``_base`` on
        self._buf = np.zeros(0, dtype=np.float32)
        self._base = 0
        # stretches
        self._open_start: float | None = None  # where the open stretch's speech began (s)
        self._last_speech_end = 0.0  # end of the latest Silero speech window (s)
        self._first_speech: float | None = None  # start of the first one (s), for the live clock
        self._in_speech = False
        self._silence_since: float | None = None
        self._pauses: list[tuple[float, float]] = []  # Silero pauses inside the open stretch
        self._speech_for_language: list[np.ndarray] = []
        # the take's speech a window at a time, checked for another language by the worker
        # (furikaeri.analysis.other_language_spans): the open window, those waiting, those scored
        self._lang_window: list[tuple[float, np.ndarray]] = []
        self._lang_waiting: list[tuple[float, float, np.ndarray]] = []
        self._lang_scored: list[tuple[float, float, dict]] = []
        self._speech_heard_s = 0.0
        self.parts: list[_Part] = []
        self._lock = threading.Lock()
        self._jobs: queue.Queue = queue.Queue()
        self._error: BaseException | None = None
        self._pending_s = 0.0  # audio queued for the worker, for progress
        self._background = background
        self._hear_ahead_on = background if hear_ahead is None else hear_ahead
        self._resampler = None
        self._shut = False  # closed without a report (:meth:`close`)
        self._fillers_so_far = 0
        self._noise = NoiseProfile()  # a steady room noise, learnt by the worker as it goes
        self._busy = False  # the worker is hearing a stretch
        self._asked_ahead: tuple | None = None  # (start, end) of the last stretch heard ahead
        self._closed: tuple | None = None  # (start, end) of the last stretch closed
        self.given_up = 0  # hearings given up because the take failed
        self._ahead: _Part | None = None
        self._fed_by_recorder = False
        self._counts_fed = full_scale is None
        self.full_scale = full_scale if full_scale is not None else FullScale()
        self._offset = Offset()
        self._hum = Hum()
        self._echo = EchoMeter(RATE)  # the room's echo, from the levels as they come (as a file read whole)
        self._ended = threading.Event()  # the recorder's final block has been taken
        _import_for_threads()
        self._worker = threading.Thread(target=self._work, name="furikaeri-listener", daemon=True) \
            if background else None
        if self._worker:
            self._worker.start()

    # ------------------------------------------------------------------------------ feeding
    def take_block(self, block) -> None:
        """A recorder's consumer (:class:`furikaeri.capture.Recorder` ``consumer=``): each
        :class:`~furikaeri.capture.Block` as the writer loop wrote it, in the microphone's rate
        and channels, resampled here with one resampler for the whole take (no clicks at the
        joins). Called in the recorder's consumer thread, never in the audio callback."""
        if self._shut:  # the take failed: the recorder's last blocks are not listened to
            if block.final:
                self._ended.set()
            return
        if self._resampler is None or self._resampler[0] != block.rate:
            import soxr

            self._resampler = (block.rate, soxr.ResampleStream(block.rate, RATE, 1, dtype="float32", quality="HQ")
                               if block.rate != RATE else None)
        self._fed_by_recorder = True
        self.full_scale.add_pcm16(block.pcm)
        stream = self._resampler[1]
        x = block.mono()
        try:
            if stream is not None:
                x = stream.resample_chunk(x, last=block.final)
            self.feed(x)
        except BaseException as e:  # noqa: BLE001 - reported by finish(); capture goes on regardless
            self._error = self._error or e
        finally:
            if block.final:
                self._ended.set()

    def feed(self, samples: np.ndarray) -> None:
        """More of the take: mono float32 at 16 kHz, any length."""
        x = np.asarray(samples, dtype=np.float32).reshape(-1)
        if not len(x):
            return
        if self._counts_fed and not self._fed_by_recorder:
            self.full_scale.add(x)
        self._take(self._hum.push(self._offset.push(x)))

    def _take(self, x: np.ndarray) -> None:
        """Samples with the microphone's DC offset (:class:`furikaeri.audio.Offset`) and a mains
        hum (:class:`furikaeri.denoise.Hum`) taken out."""
        if not len(x):
            return
        self._buf = np.concatenate([self._buf, x])
        self._echo.push(x)
        self._samples += len(x)
        self._band.add(x)
        self._levels()
        self._silero()
        self._stretches()

    def _levels(self, final: bool = False) -> None:
        """Frame levels for every frame whose 25-ms window is complete (all, at the end, with
        the zeros :func:`furikaeri.speech.frame_db` pads a whole take with)."""
        pad = WIN // 2
        if final:
            n_total = int(np.ceil(self._samples / HOP))
        else:
            n_total = (self._samples - (WIN - pad)) // HOP + 1 if self._samples >= WIN - pad else 0
        if n_total <= self._frames:
            return
        a = self._frames * HOP - pad  # the first sample the first new frame needs (may be < 0)
        lo = max(a, 0)
        seg = np.concatenate([np.zeros(lo - a, dtype=np.float32), self._slice(lo, (n_total - 1) * HOP - pad + WIN)])
        new = _frames_exact(seg, n_total - self._frames)
        with self._lock:  # the worker reads both
            self._db.append(new)
            self._gain.add(new)
        self._frames = n_total

    def _silero(self, final: bool = False) -> None:
        """Silero probabilities for every complete 512-sample window (zero-padded at the end)."""
        from faster_whisper.vad import get_vad_model

        n = self._samples // VAD if not final else int(np.ceil(self._samples / VAD))
        if n <= self._vad_done:
            return
        model = get_vad_model()
        x = self._slice(self._vad_done * VAD, n * VAD)
        x = np.pad(x, (0, n * VAD - self._vad_done * VAD - len(x)))
        b = x.reshape(-1, VAD) * self._gain.gains(self._vad_done, n - self._vad_done)[:, None]
        contexts = np.concatenate([self._ctx[None], b[:-1, -64:]], 0)
        out, self._h, self._c = model.session.run(
            None, {"input": np.concatenate([contexts, b], 1), "h": self._h, "c": self._c})
        self._ctx = b[-1, -64:].copy()
        with self._lock:
            self._vad.append(np.asarray(out, dtype=np.float32).reshape(-1))
        self._vad_done = n

    def _slice(self, a: int, b: int) -> np.ndarray:
        """Samples ``a:b`` of the take (those still kept)."""
        a, b = max(a, self._base), min(b, self._base + len(self._buf))
        return self._buf[a - self._base: max(a, b) - self._base]

    # ------------------------------------------------------------------------------ stretches
    def _stretches(self, final: bool = False) -> None:
        """Walk Silero's new windows: open a stretch at speech, close it after a pause."""
        probs = self._vad[-1] if self._vad else np.zeros(0)
        first_window = self._vad_done - len(probs)
        step = VAD / RATE
        on = {"vad_threshold": VAD_ON, "vad_low": VAD_OFF, **self._band.vad}
        for k, p in enumerate(probs):
            t0 = (first_window + k) * step
            speech = p >= on["vad_threshold"] or (self._in_speech and p >= on["vad_low"])
            if speech:
                if self._first_speech is None:
                    self._first_speech = t0
                if self._open_start is None:
                    self._open_start = t0
                    self._pauses = []
                if self._silence_since is not None and self._open_start is not None:
                    if t0 - self._silence_since >= SPLIT_GAP_S:
                        self._pauses.append((self._silence_since, t0))
                self._silence_since = None
                self._last_speech_end = t0 + step
                self._speech_heard_s += step
                a = int(t0 * RATE)
                if self.language == "auto" or self._doubt:
                    self._speech_for_language.append(self._slice(a, a + VAD).copy())
                if self.info.multilingual:
                    self._window_speech(t0, self._slice(a, a + VAD).copy())
            else:
                if self._silence_since is None:
                    self._silence_since = t0
                silent = t0 + step - self._last_speech_end
                length = self._last_speech_end - self._open_start if self._open_start is not None else 0.0
                if self._open_start is not None and (silent >= ALONE_S or (
                        silent >= SETTLE_S and length >= MIN_STRETCH_S) or (
                        silent >= SPLIT_GAP_S and length >= LONG_STRETCH_S)):
                    self._close(self._last_speech_end)
                elif self._open_start is not None and silent >= SETTLE_S and self._hear_ahead_on:
                    self._hear_ahead(self._last_speech_end)
            self._in_speech = speech
            if self._open_start is not None and self._last_speech_end - self._open_start >= MAX_STRETCH_S:
                settled = [p for p in self._pauses if p[1] - p[0] >= SETTLE_S and p[0] > self._open_start + 1.0]
                cut = max(settled or self._pauses, default=None, key=lambda p: p[0])
                if cut is not None and cut[0] > self._open_start + 1.0:
                    self._close(cut[0], reopen=cut[1])
        if final and self._open_start is not None:
            self._close(max(self._last_speech_end, self._open_start + step), last=True)
        if self._open_start is None:  # silence: no stretch needs the audio before it
            self._drop_before(int((self._vad_done * step - CONTEXT_S) * RATE))

    def _window_speech(self, t0: float, chunk: np.ndarray, final: bool = False) -> None:
        """Speech from ``t0`` into the open language window; a full one (or at the end, one
        with enough speech to tell) waits for the worker (:meth:`_score_languages`)."""
        from furikaeri.analysis import LANGUAGE_WINDOW_MIN_S

        if len(chunk):
            self._lang_window.append((t0, chunk))
        held = sum(len(c) for _, c in self._lang_window) / RATE
        if held >= _detect_s() or (final and held >= LANGUAGE_WINDOW_MIN_S):
            start, last = self._lang_window[0][0], self._lang_window[-1]
            with self._lock:
                self._lang_waiting.append((start, last[0] + len(last[1]) / RATE,
                                           np.concatenate([c for _, c in self._lang_window])))
            self._lang_window = []

    def _score_languages(self) -> None:
        """Whisper's language probabilities for each window of speech waiting (the worker's)."""
        from furikaeri.transcribe import language_scores, load_model

        with self._lock:
            waiting, self._lang_waiting = self._lang_waiting, []
            gain = np.float32(self._gain.whisper_gain())  # a quiet take raised (furikaeri.speech)
        for start, end, speech in waiting:
            self._lang_scored.append((start, end, language_scores(load_model(self.info.path), speech * gain)))

    def _close(self, end: float, reopen: float | None = None, last: bool = False) -> None:
        """A finished stretch: hand it to the worker and let go of the audio before it
        (``last``: the take has ended)."""
        start = self._open_start
        if (self.language == "auto" or self._doubt) and self._speech_heard_s >= _detect_s():
            self._detect()
        self._pending_s += end - start
        self._closed = (start, end)
        self._jobs.put(self._job(start, end, last=last))
        self._open_start = reopen
        self._pauses = [p for p in self._pauses if reopen is not None and p[0] >= reopen]
        self._drop_before(int(((reopen if reopen is not None else end) - CONTEXT_S) * RATE))
        if not self._background:
            self._work(until_empty=True)

    def _job(self, start: float, end: float, ahead: bool = False, last: bool = False) -> _Job:
        a, b = max(0, int((start - CONTEXT_S) * RATE)), int((end + PAD_S) * RATE)
        return _Job(start, end, max(a, self._base), self._slice(a, b).copy(), ahead, last)

    def _hear_ahead(self, end: float) -> None:
        """Hear the open stretch up to ``end`` now, if the worker has nothing else to do and
        there is :data:`AHEAD_NEW_S` of it not heard ahead already."""
        key = (self._open_start, end)
        if self._asked_ahead == key or self._busy or not self._jobs.empty():
            return
        ahead = self._ahead
        since = ahead.end if ahead is not None and ahead.start == self._open_start else self._open_start
        if end - since < AHEAD_NEW_S:
            return
        if (self.language == "auto" or self._doubt) and self._speech_heard_s >= _detect_s():
            self._detect()
        self._asked_ahead = key
        self._jobs.put(self._job(self._open_start, end, ahead=True))
        if not self._background:
            self._work(until_empty=True)

    def _check(self, *_) -> None:
        """Give up the hearing in progress (between Whisper's segments and the steps after) if
        the take failed (:meth:`close`). A hearing ahead the person has spoken past is not given
        up: Whisper's main pass, most of its cost, is one call for a stretch (one window, one
        segment or two, all decoded before the first is reported), so by the first step it
        could be given up at, it is done; the rest (the second listen, pitch) costs a fraction
        of it, and the hearing, kept, leaves only the speech after its pause to hear should the
        take end in that stretch (a 2-minute answer: 21 hearings ahead past their main pass
        were given up, among them the final stretch's first part, heard again after the take)."""
        if self._shut:
            raise _GivenUp

    def _drop_before(self, sample: int) -> None:
        # never what a frame level or a Silero window still to compute needs
        sample = min(sample, self._vad_done * VAD, self._frames * HOP - WIN)
        if sample > self._base:
            self._buf = self._buf[sample - self._base:]
            self._base = sample

    def _detect(self) -> None:
        from furikaeri.transcribe import detect_language, load_model

        speech = np.concatenate(self._speech_for_language) if self._speech_for_language else np.zeros(VAD, np.float32)
        with self._lock:
            speech = speech * np.float32(self._gain.whisper_gain())  # a quiet take raised (furikaeri.speech)
        heard, p = detect_language(load_model(self.info.path), speech)
        if self.language == "auto":
            from furikaeri.analysis import preferred

            self.language = preferred(self.prefer, heard, p)
        else:  # named: only doubted (the answer is heard in the language the person chose)
            from furikaeri.analysis import sounds_like

            self.sounds_like = sounds_like(self.language, heard, p)
        self._doubt = False
        self._speech_for_language = []

    # ------------------------------------------------------------------------------ the worker
    def _warm_up(self) -> None:
        """Load what hearing a stretch needs (Whisper, the language's tagger, the pitch tracker,
        the burst finder) while the person starts to speak, so no first-use cost lands after
        the take."""
        from furikaeri.lang import get_rules
        from furikaeri.speech import voiced_bursts
        from furikaeri.transcribe import load_model
        from furikaeri.voice import pitch

        load_model(self.info.path)
        pitch(np.zeros(RATE // 2, np.float32), RATE)
        voiced_bursts(np.zeros(0, np.float32), ())  # imports scipy.signal: 1.2 s the first time
        if self.language != "auto":
            get_rules(self.language).content_tokens("warm up, ウォームアップ")

    def _work(self, until_empty: bool = False) -> None:
        if not until_empty:
            try:
                self._warm_up()
            except Exception:  # noqa: BLE001 - the first stretch will meet (and report) the same
                pass
        while True:
            try:
                job = self._jobs.get(block=not until_empty)
            except queue.Empty:
                return
            jobs, last = self._take_queued(job)
            self._busy = True
            try:
                if jobs and self._error is None:
                    self._do(jobs)
            except BaseException as e:  # noqa: BLE001 - reported by finish()
                self._error = e
            finally:
                self._busy = False
                for j in jobs:
                    if not j.ahead:
                        self._pending_s = max(0.0, self._pending_s - (j.end - j.start))
            if self._background and jobs and not jobs[0].ahead and self._error is None:
                try:  # the running count the recording screen shows (a file read through needs none)
                    self._count_fillers()
                except Exception:  # noqa: BLE001 - a hint is never worth a take
                    pass
            if last:
                return

    def _take_queued(self, job) -> tuple[list, bool]:
        """``job`` and, when the worker has fallen behind, the stretches queued after it, as long
        as together they fit one Whisper window (:data:`MAX_STRETCH_S`): one decoding instead of
        several, so a worker that is behind catches up faster. True when the end mark came."""
        if job is None:
            return [], True
        jobs = [job]
        while True:
            try:
                nxt = self._jobs.queue[0]  # peek: only taken when it fits
            except IndexError:
                return jobs, False
            if nxt is None:
                self._jobs.get_nowait()
                return jobs, True
            if jobs[0].ahead or nxt.ahead or nxt.end - jobs[0].start > MAX_STRETCH_S:
                return jobs, False
            jobs.append(self._jobs.get_nowait())

    def _do(self, jobs: list) -> None:
        """One stretch (or several queued together): heard, or taken from its hearing ahead."""
        job = jobs[0] if len(jobs) == 1 else _joined(jobs)
        ahead = self._ahead
        if ahead is not None and not job.ahead and (ahead.start, ahead.end) == (job.start, job.end):
            part = ahead  # the person stopped where it was heard ahead: nothing left to do
        else:
            # heard ahead up to an earlier pause, then the person spoke on: only what follows is
            # heard, if this is the end of the take (or may be: a hearing ahead). Other stretches
            # are heard whole, as they close: Whisper writes a piece it hears with more context
            # better, and the person is still speaking (bench/streaming.py measures both).
            before = ahead if ahead is not None and ahead.start == job.start and ahead.end < job.end \
                and (job.ahead or job.last) else None
            try:
                part = self._hear(job, before)
            except _GivenUp:  # the take failed: the worker stops
                self.given_up += 1
                return
        with self._lock:
            if job.ahead:
                self._ahead = part
            else:
                self.parts.append(part)

    def _hear(self, job: _Job, before: _Part | None = None) -> _Part:
        """Transcribe one stretch, find its held sounds, hear its fillers again, track pitch.
        ``before``: the stretch up to one of its pauses, heard ahead of time; then only the
        speech after that pause is heard, with the speech before it as context (as if the
        stretch had closed at that pause), and the two are joined."""
        from furikaeri.denoise import profile_of
        from furikaeri.lang import get_rules
        from furikaeri.measure import snap_words
        from furikaeri.relisten import second_listen
        from furikaeri.speech import held_sounds, levels, speech_map
        from furikaeri.transcribe import transcribe
        from furikaeri.voice import pitch

        while self.language == "auto":  # the take ended before enough speech to tell: use what there is
            self._detect()
        self._score_languages()
        rules = get_rules(self.language)
        start, end, samples = job.start, job.end, job.samples
        offset = job.first / RATE
        # speech inside the stretch, judged by the take's levels so far
        with self._lock:
            db = np.concatenate(self._db) if self._db else np.zeros(0, np.float32)
            vad = np.concatenate(self._vad) if self._vad else np.zeros(0, np.float32)
            # a quiet take raised for Whisper, by its loudest sound up to the stretch's end
            gain = np.float32(self._gain.whisper_gain(int((offset + len(samples) / RATE) * 100) - 1))
        from furikaeri.speech import vad_frames

        per_frame = vad_frames(vad, len(db))
        f0, f1 = int(offset * 100), min(len(db), int((offset + len(samples) / RATE) * 100))
        local = speech_map(db[f0:f1], per_frame[f0:f1], (f1 - f0) / 100, take_levels=levels(db, per_frame),
                           offset_s=f0 / 100, lenient_db=LENIENT_DB, **self._band.vad)
        ivs = [iv for iv in local.intervals if iv.end > start - PAD_S / 2 and iv.start < end + PAD_S / 2]
        if before is not None:  # what its hearing ahead heard, it heard up to PAD_S / 2 past its end
            ivs = [iv for iv in ivs if iv.start >= before.end + PAD_S / 2]
        part = _Part(start, end)
        if ivs:
            noise = None
            if local.steady_noise:  # learnt from the quiet moments so far, taken out (furikaeri.denoise)
                noise = profile_of(samples, local.vad_prob, into=self._noise)
            if before is not None:  # only the audio from CONTEXT_S before the speech still to hear
                start = ivs[0].start
                cut = max(0, int((start - CONTEXT_S) * RATE) - job.first)
                samples, offset = samples[cut:], offset + cut / RATE
            heard = (noise.clean(samples) if noise is not None else samples) * gain
            shifted = [type(iv)(iv.start - offset, iv.end - offset) for iv in ivs]
            context = _context(local.intervals, start, offset)
            # given up between steps if the take failed (:meth:`_check`)
            t = transcribe(heard, self.info.path, language=rules.code, prompt=rules.filler_prompt,
                           speech=context + shifted, multilingual=self.info.multilingual,
                           on_segment=self._check, beam_size=LAST_BEAM if job.ahead or job.last else 5)
            self._check()
            before_it = [w for w in t.words if _in_context(w, context, shifted)]
            words = snap_words([w for w in t.words if not _in_context(w, context, shifted)], shifted)
            if before_it:
                part.seams = [([_shift(w, offset) for w in before_it], round(shifted[0].start + offset, 3))]
            held = held_sounds(Audio(samples, RATE), shifted)
            bursts = [type(b)(b.start - offset, b.end - offset) for b in local.bursts]
            doubtful = []
            if not local.other_voices:  # as hear_answer: other people's voices are not heard again
                words, doubtful = second_listen(heard, self.info.path, words, shifted, rules=rules, bursts=bursts,
                                                multilingual=self.info.multilingual)
            part.words = [_shift(w, offset) for w in words]
            part.held = [_shift(h, offset) for h in held]
            part.doubtful = [(a + offset, b + offset) for a, b in doubtful]
            self._check()
            pt, pf = pitch(samples, RATE)
            own = (pt + offset >= start - PAD_S) & (pt + offset < end + PAD_S)  # not the context's
            part.pitch_t, part.pitch_f0 = pt[own] + offset, pf[own]
        return part if before is None else _after(before, part)

    # ------------------------------------------------------------------------------ the end
    @property
    def behind_s(self) -> float:
        """Seconds of speech not heard yet: finished stretches waiting for the worker
        (:attr:`queued_s`) and the open stretch, unless it was heard ahead up to its end."""
        open_s = 0.0
        if self._open_start is not None and self._asked_ahead != (self._open_start, self._last_speech_end):
            open_s = max(0.0, self._last_speech_end - self._open_start)
        return self._pending_s + open_s

    @property
    def queued_s(self) -> float:
        """Seconds of speech in finished stretches the worker has not done yet."""
        return self._pending_s

    def spoken(self) -> tuple[float, float] | None:
        """From the first speech heard to the end of the latest (s of the take), None before
        any: Silero's decision, the one the report's speech map rests on, made as the audio
        arrives. The recording screen times the answer by it: a rule of levels over the room's
        floor counted a room's noise starting after the take began as speech (QA: a clock at
        0:46 over a report of 30.4 s)."""
        first = self._first_speech
        return None if first is None else (first, max(self._last_speech_end, first))

    def live_fillers(self) -> int:
        """Fillers in the stretches done so far: the running count on the recording screen
        (counted by the worker after each stretch, so asking costs nothing)."""
        return self._fillers_so_far

    def _count_fillers(self) -> None:
        from furikaeri.fillers import transcript_fillers
        from furikaeri.lang import get_rules

        with self._lock:
            words = _words_of(self.parts)
        if words and self.language != "auto":
            _, found, _ = transcript_fillers(words, get_rules(self.language))
            self._fillers_so_far = sum(f.kind != "repetition" for f in found)

    def close(self, wait_s: float = 60.0) -> None:
        """Stop listening without a report (the take failed): the worker gives up the stretch
        it is hearing at its next step and is waited for (up to ``wait_s``), and the resampler
        is let go (and not made again for blocks the recorder still hands over: one alive when
        the program exits makes soxr print a leak warning after the error line). A worker still
        inside Whisper when the program exits would abort it ("terminate called without an
        active exception", exit -6) after the error line: seen on a slow machine whose
        microphone failed 1.6 s into a take."""
        self._error = self._error or RuntimeError("closed")
        self._shut = True
        self._resampler = None
        self._ended.set()
        if self._worker is not None:
            self._jobs.put(None)
            if self._worker is not threading.current_thread():
                self._worker.join(timeout=wait_s)

    def _other_languages(self) -> tuple:
        """The stretches said in another language (:func:`furikaeri.analysis.other_language_spans`),
        none when the whole answer sounds like the other one (:attr:`sounds_like` says it)."""
        from furikaeri.analysis import other_language_spans

        if self.sounds_like or not self._lang_scored:
            return ()
        return other_language_spans(sorted(self._lang_scored, key=lambda w: w[0]), self.language)

    def finish(self, progress=None, stopped_at: float | None = None, cut_by: str = "limit"):
        """Process the tail, wait for the worker, and return the :class:`Analysis`.
        ``progress(done_s, total_s)`` is called while the worker catches up; ``stopped_at``:
        where a time limit (``cut_by``: or the recording's stop) stopped the take
        (:func:`furikaeri.analysis.analyze_audio`'s)."""
        import time

        from furikaeri.analysis import Heard, _analysis
        from furikaeri.lang import get_rules
        from furikaeri.measure import snap_words
        from furikaeri.norms import default_budget
        from furikaeri.speech import speech_map, vad_frames
        from furikaeri.voice import voice_from_pitch

        if self._fed_by_recorder:
            while not self._ended.wait(timeout=0.1):  # the recorder's last blocks are still queued
                pass
        if self._error is None:
            self._take(self._hum.push(self._offset.flush()))
            self._levels(final=True)
            self._silero(final=True)
            self._stretches(final=True)
        if self._worker is not None:
            total = self._pending_s
            self._jobs.put(None)
            while self._worker.is_alive():
                self._worker.join(timeout=0.1)
                if progress is not None and total > 0:
                    progress(max(0.0, total - self._pending_s), total)
            time.sleep(0)
        else:
            self._work(until_empty=True)
        if self._error is not None:
            raise self._error
        if self.language == "auto":  # no speech to tell
            self.language = self.prefer or "en"
        if self._doubt and self._speech_for_language:  # the take ended before enough speech: what there is
            self._detect()
        if self.info.multilingual:
            self._window_speech(0.0, np.zeros(0, np.float32), final=True)
            self._score_languages()
        rules = get_rules(self.language)
        duration = self._samples / RATE
        db = np.concatenate(self._db) if self._db else np.zeros(0, np.float32)
        vad = np.concatenate(self._vad) if self._vad else np.zeros(0, np.float32)
        smap = speech_map(db, vad_frames(vad, len(db)), duration, narrow=self._band.narrow, **self._band.vad)
        parts = sorted(self.parts, key=lambda p: p.start)
        words = snap_words(_words_of(parts), smap.intervals) if smap.has_speech else []
        # a filler heard again where other voices came in partway may be anyone's: as
        # :func:`furikaeri.analysis.hear_answer` hears nothing again there (the parts were heard
        # before the whole take told where the voices are)
        words = [w for w in words if not (w.source == "relisten" and any(v.start <= w.start < v.end for v in smap.voices))]
        heard = Heard(tuple(words), tuple(h for p in parts for h in p.held),
                      tuple(d for p in parts for d in p.doubtful)) if smap.has_speech else Heard()
        budget_s = float(self.budget) if self.budget is not None else default_budget(rules.code)
        pt = np.concatenate([p.pitch_t for p in parts]) if parts else np.zeros(0)
        pf = np.concatenate([p.pitch_f0 for p in parts]) if parts else np.zeros(0)
        return _analysis(smap, heard, rules, budget_s=budget_s, acoustic=True, question=self.question,
                         model=self.info.name, duration=duration, source=self.source,
                         clipped=self.full_scale.share_outside(smap.noise, duration), sounds_like=self.sounds_like,
                         cut_short=self.full_scale.cut_short, other_languages=self._other_languages(),
                         stopped_at=stopped_at, cut_by=cut_by, english_only=self._english_only, hum=self._hum.mains,
                         echo=self._echo.score(),
                         voice_of=lambda span: voice_from_pitch(pt, pf, span, frames_db=smap.frames_db,
                                                                speech=smap.intervals))


def _import_for_threads() -> None:
    """Import here, in the caller's thread, what the worker and the recorder's consumer would
    import in theirs: a Ctrl-C that lands in the middle of one thread's import while another
    waits on it left three threads blocked on import locks and the process silent for good
    (QA, once in 30 tries). An interrupted import here has no other thread to block."""
    import faster_whisper.vad  # noqa: F401 - Silero in the consumer's thread
    import fugashi  # noqa: F401 - Japanese words, in the worker
    import librosa  # noqa: F401 - a room's noise taken out, in the worker
    import scipy.signal  # noqa: F401 - a mains hum taken out, in the consumer's thread
    import soxr  # noqa: F401 - the microphone's blocks resampled

    from furikaeri import denoise, relisten, transcribe, voice  # noqa: F401 - the worker's


def _context(intervals, start: float, offset: float) -> list:
    """The speech Whisper hears before a stretch starting at ``start`` (take time), in the
    stretch's audio time (``offset``): when speech ended less than :data:`DECODE_CONTEXT_S`
    before it, the latest :data:`CONTEXT_SPEECH_S` of speech (the earliest interval cut short)."""
    out, left, after = [], CONTEXT_SPEECH_S, start
    for iv in reversed(intervals):
        if iv.end > start - PAD_S / 2:
            continue  # the stretch's own
        limit = DECODE_CONTEXT_S if not out else ALONE_S  # as a whole take joins speech
        if iv.end <= after - limit or left <= 0 or iv.end <= offset:
            break
        a = max(iv.start, iv.end - left, offset)  # not before the audio the stretch kept
        out.append(type(iv)(a - offset, iv.end - offset))
        left -= iv.end - a
        after = iv.start
    return out[::-1]


def _in_context(word, context: list, own: list) -> bool:
    """Is ``word`` one of the context's (heard before the stretch, already another stretch's)?
    Whisper stretches a word's times over the pause before it, so a word is the context's when
    it lies on the context's speech more than on the stretch's (on neither: nearer the
    context's)."""
    from furikaeri.speech import speech_within

    if not context:
        return False
    mine, theirs = speech_within(own, word.start, word.end), speech_within(context, word.start, word.end)
    if mine == theirs == 0.0:
        return own[0].start - word.end > word.start - context[-1].end
    return theirs > mine


def _joined(jobs: list) -> _Job:
    """Queued stretches as one: first start to last end, their audio laid out in take time
    (the silence between them, no longer kept, as zeros)."""
    out = [jobs[0].samples]
    at = jobs[0].first + len(jobs[0].samples)
    for j in jobs[1:]:
        x = j.samples
        if j.first > at:
            out.append(np.zeros(j.first - at, np.float32))
            at = j.first
        elif j.first < at:
            x = x[at - j.first:]
        out.append(x)
        at += len(x)
    return _Job(jobs[0].start, jobs[-1].end, jobs[0].first, np.concatenate(out), last=jobs[-1].last)


def _after(before: _Part, part: _Part) -> _Part:
    """A stretch heard in two goes: ``before`` (heard ahead up to a pause) then ``part``."""
    later = part.pitch_t > (before.pitch_t[-1] if len(before.pitch_t) else -np.inf)  # no frame twice
    return _Part(before.start, part.end, before.words + part.words, before.held + part.held,
                 before.doubtful + part.doubtful, np.concatenate([before.pitch_t, part.pitch_t[later]]),
                 np.concatenate([before.pitch_f0, part.pitch_f0[later]]), before.seams + part.seams)


def _words_of(parts: list) -> list:
    """The stretches' words as one transcript: in take order, each once (:func:`_once`), the
    mark at each seam as heard across it (:func:`_reseamed`)."""
    parts = sorted(parts, key=lambda p: p.start)
    return _opened(_reseamed(_once([w for p in parts for w in p.words]), [s for p in parts for s in p.seams]))


def _opened(words: list) -> list:
    """``words`` with each sentence opening with a capital: inside one hearing Whisper now and
    then writes a full stop and goes on in lower case ("go home. he threw"; the whole take has
    "go home. He, he threw"). The full stop is the hearing's own (a seam's is settled by
    :func:`_reseamed`), so the sentence end stands and its next word is capitalised."""
    out = list(words)
    for i in range(1, len(out)):
        if _goes_on(out[i].text) and _unstopped(out[i - 1].text) != out[i - 1].text:
            text = out[i].text
            k = len(text) - len(text.lstrip(" \"'“‘([¿¡"))
            out[i] = replace(out[i], text=text[:k] + text[k].upper() + text[k + 1:])
    return out


#: The marks Whisper closes a word with (a sentence's end, a comma), as one run at its end.
_CLOSING_MARKS = re.compile(r"[.。．!！?？…‥,，、;；:：]*$")


def _reseamed(words: list, seams: list) -> list:
    """``words`` (in take order) joined at each seam (``seams``: :attr:`_Part.seams`) as the
    hearing across it wrote them.

    A stretch heard alone ends where its audio ends, and Whisper closes its last word with a
    full stop there ("the white." "bird sitting ...", 「数に1回。」「勉強を」): a pause
    mid-sentence would count as one between sentences, and its tip go unsaid. The next
    stretch's hearing has the speech before the pause in its context, as a whole take has: the
    mark it wrote after the same word (none, a comma or the full stop) is the one kept.

    Words that hearing wrote after the context's last word are the stretch's own, though
    Whisper stamped them back over the context ("website." "I" at 3.81-4.57 s, before "mean"):
    they are put back at the stretch's start ("... website. I mean to keep ...").

    A full stop left before a stretch whose hearing, having written the speech before the
    seam, goes on in lower case ("away. and to go home") ends no sentence: it is taken out
    (:func:`_goes_on`), so the pause there counts as mid-sentence. A hearing that wrote nothing
    before the seam proves no continuation: a phrase cut at its start is written in lower case
    too ("know. you very much.", Whisper's "Thank you very much" over Japanese thanks)."""
    out = list(words)
    for heard, start in seams:
        before = [i for i, w in enumerate(out) if (w.start + w.end) / 2 < start]
        if not before:
            continue
        i = before[-1]
        last = out[i]
        same = [k for k, h in enumerate(heard) if _core(h.text) == _core(last.text)
                and min(h.end, last.end) - max(h.start, last.start) >= -SEAM_SLACK_S]
        if same:
            out[i] = replace(last, text=_marked(last.text, heard[same[-1]].text))
            extra = heard[same[-1] + 1:]
        else:  # the hearing left the stretch's last word out: what it wrote after that word's end
            tail = {_core(w.text) for w in out[max(0, i - 2):i + 1]}
            extra = [h for h in heard if h.end > last.end + SEAM_SLACK_S / 3 and _core(h.text) not in tail]
        if extra and i + 1 < len(out) and _core(extra[-1].text) == _core(out[i + 1].text):
            extra = []  # written in the stretch's own words too
        if extra and _core(extra[0].text):
            out[i + 1:i + 1] = [replace(h, start=start, end=start) for h in extra]
        if heard and i + 1 < len(out) and _goes_on(out[i + 1].text):
            out[i] = replace(out[i], text=_unstopped(out[i].text))
    return out


def _goes_on(text: str) -> bool:
    """Does a stretch whose hearing starts with ``text`` go on with the sentence before it?
    Whisper, having written the speech before the stretch, opens a new sentence with a capital;
    a word it writes in lower case continues one ("away. and to go home": the whole take has
    "away and"). Scripts without case never do."""
    first = text.lstrip(" \"'“‘([¿¡")[:1]
    return first.islower()


def _unstopped(text: str) -> str:
    """``text`` without the full stop (or ? !) it ends with: the sentence goes on after the seam.
    An ellipsis (a voice trailing off, its own kind of pause) and an abbreviation's dot
    ("U.S.") stay."""
    bare = text.rstrip()
    run = _CLOSING_MARKS.search(bare).group()
    word = bare[:len(bare) - len(run)]
    if not run or run[-1] not in ".!?！？" or ".." in run or "." in word or not word.strip():
        return text
    return word + run.rstrip(".!?！？")


def _core(text: str) -> str:
    """A word without its marks, for telling two hearings of it alike."""
    return text.strip(" ,.、。!?！？…‥;:").lower()


def _marked(text: str, heard: str) -> str:
    """``text`` closed with the marks ``heard`` (the same word, heard across a seam) ends with."""
    bare = text.rstrip()
    bare = bare[:len(bare) - len(_CLOSING_MARKS.search(bare).group())]
    return bare + _CLOSING_MARKS.search(heard.rstrip()).group() if bare.strip() else text


def _once(words: list) -> list:
    """Words in take order, each once: speech at the very edge of two stretches can be heard in
    both (their audio overlaps by :data:`PAD_S`); the second hearing of the same word at the
    same time is dropped."""
    from furikaeri.relisten import take_order

    out: list = []
    for w in sorted(words, key=take_order):
        key = w.text.strip(" ,.、。!?").lower()
        if any(o.text.strip(" ,.、。!?").lower() == key
               and min(o.end, w.end) - max(o.start, w.start) > 0.5 * max(w.end - w.start, 1e-3)
               for o in out[-4:]):
            continue
        out.append(w)
    return out


def _detect_s() -> float:
    from furikaeri.transcribe import DETECT_S

    return DETECT_S


def _shift(x, offset: float):
    return replace(x, start=round(x.start + offset, 3), end=round(x.end + offset, 3))


def _frames_exact(seg: np.ndarray, n: int) -> np.ndarray:
    """Levels of ``n`` frames whose windows start at ``seg[0]``, ``seg[HOP]``, ...: the
    arithmetic of :func:`furikaeri.speech.frame_db`."""
    x = np.pad(seg.astype(np.float64), (0, max(0, (n - 1) * HOP + WIN - len(seg))))
    sq = np.concatenate([[0.0], np.cumsum(x * x)])
    starts = np.arange(n) * HOP
    energy = (sq[starts + WIN] - sq[starts]) / WIN
    return (10.0 * np.log10(np.maximum(energy, SILENT_POWER))).astype(np.float32)


#: ``analyze`` streams files longer than this (s) through a :class:`Listener`, a chunk at a
#: time, so memory stays bounded however long the recording; shorter ones are read whole.
STREAM_FILES_OVER_S = 600.0
CHUNK_S = 10.0


def analyze_recording(path, *, progress=None, **options):
    """:func:`furikaeri.analysis.analyze_file`, except that a recording longer than
    :data:`STREAM_FILES_OVER_S` is streamed from disk a chunk at a time
    (:func:`analyze_long_file`), so memory stays bounded however long it is."""
    from pathlib import Path

    from furikaeri.analysis import analyze_file
    from furikaeri.audio import duration_of

    if Path(path).is_file() and (duration_of(path) or 0.0) > STREAM_FILES_OVER_S:
        return analyze_long_file(path, progress=progress, **options)
    return analyze_file(path, progress=progress, **options)


def analyze_long_file(path, *, progress=None, **options):
    """Analyse a recording of any length a chunk at a time (bounded memory): the file is read
    :data:`CHUNK_S` seconds at a time and fed to a :class:`Listener` that works in step with
    the reading. ``progress(done_s, total_s)`` follows the reading; ``options`` are
    :class:`Listener`'s (language, budget, question, model, models_dir)."""
    from furikaeri.audio import FullScale, duration_of, read_chunks

    clipped = FullScale()
    return listen_to(read_chunks(path, seconds=CHUNK_S, full_scale=clipped), source=str(path),
                     total_s=duration_of(path), progress=progress, full_scale=clipped, **options)


def listen_to(chunks, *, source: str = "", total_s: float | None = None, progress=None, **options):
    """The :class:`~furikaeri.analysis.Analysis` of audio arriving in ``chunks`` (mono float32 at
    16 kHz), each stretch done as soon as it is finished (in step, not in a thread): exactly
    what a take recorded at the same pace gives when the worker keeps up. ``stopped_at`` and
    ``cut_by`` in ``options`` are :meth:`Listener.finish`'s."""
    from furikaeri.errors import AudioError

    stopped = {k: options.pop(k) for k in ("stopped_at", "cut_by") if k in options}
    listener = Listener(source=source, background=False, **options)
    done = 0.0
    for chunk in chunks:
        listener.feed(chunk)
        done += len(chunk) / RATE
        if progress is not None:
            progress(min(done, total_s or done), total_s or done)
    if done == 0:
        raise AudioError(f"{source}: the file holds no audio samples", ja=f"{source}: ファイルに音声データがありません")
    return listener.finish(**stopped)


def blocks_of(samples: np.ndarray, seconds: float = 0.1):
    """``samples`` in blocks of ``seconds``, as a recorder hands them over."""
    n = max(1, int(seconds * RATE))
    for i in range(0, len(samples), n):
        yield samples[i:i + n]


def analysis_of_take(listener: Listener, take_path, *, progress=None, on_fallback=None, stopped_at=None, **batch):
    """The analysis of a take a :class:`Listener` heard while it was recorded; should the
    listener have failed mid-take, the take on disk is analysed whole instead (``batch`` are
    :func:`furikaeri.analysis.analyze_file`'s options), after ``on_fallback(error)``.
    ``stopped_at``: where a time limit stopped the take (both ways)."""
    try:
        return listener.finish(progress=progress, stopped_at=stopped_at)
    except Exception as e:  # noqa: BLE001 - the take is safe on disk: analyse it whole
        from furikaeri.errors import ModelError, UsageError

        if isinstance(e, (ModelError, UsageError)):  # the whole take would fail the same way
            raise
        if on_fallback is not None:
            on_fallback(e)
        from furikaeri.analysis import analyze_file

        return analyze_file(take_path, progress=progress, stopped_at=stopped_at, **batch)
