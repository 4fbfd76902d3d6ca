"""The microphone: list input devices, check the level, record a take to disk, recover a killed take.

Design (after sounddevice's ``examples/rec_unlimited.py``):

* A take is recorded by a :class:`Recorder`, one object per take whose methods each do one
  thing: open the stream, the writer loop, the stop conditions, the final drain and close, and
  the mapping of a write failure to an error. :func:`record_take` is the one-call form.
* The PortAudio callback only copies each block (a fixed :data:`BLOCK_S`) onto a queue and
  counts input overflows. The recording thread (the caller's) drains the queue, appends the
  audio to the take file, measures the level and decides when to stop. Nothing slow ever runs
  on the audio thread, so a busy machine or a slow caller delays the writing, never the capture:
  the blocks wait in the queue. ``bench/capture.py`` measures what recording costs and what a
  SIGKILL loses.
* The take is a 16-bit PCM WAV that is written *while* recording: every block is handed to the
  operating system as soon as the recording thread has it (one ``write`` per drained batch), the
  WAV header's lengths are patched every :data:`HEADER_EVERY_S` and the file is ``fsync``-ed
  every :data:`SYNC_EVERY_S`. A killed process (SIGKILL, crash) therefore loses only the audio
  that PortAudio had not yet delivered; a power cut loses at most the last ``SYNC_EVERY_S`` the
  file system had not written. The file stays a readable WAV at every moment (its header is at
  most ``HEADER_EVERY_S`` behind).
* Beside the take, a small marker ``<take>.partial`` (JSON: rate, channels, pid, start time,
  and the settings the take is to be analysed with, :func:`take_settings`) exists while
  recording and a clean finish removes it; a take recorded to be saved (``record --save``,
  ``practice``: :func:`take_settings` with ``save``) keeps it, still locked, until the caller is done with the take
  (:func:`release_take`: saved, or nothing to save), so a process killed or crashed while the
  take is analysed or saved leaves it for ``recover`` as one killed mid-take does (QA s45 S #1,
  #2). The recorder holds an ``flock`` on the marker, so
  :func:`find_partial_takes` can tell a live recording (locked) from a killed one (unlocked).
  :func:`recover_take` fixes the header from the file's real length.
* Whole-stream consumers (a transcriber working on finished stretches of speech while the person
  still speaks): a :class:`Recorder` given ``consumer=`` hands every block it wrote, as raw int16
  in the device's rate and channels (:class:`Block`), to a :class:`BlockFeed`. The writer loop
  only queues the block; the consumer is called from the feed's own thread, so it can be slow or
  fail without costing the take anything.
* The device is opened at its own default rate (falling back to other common rates), one
  channel if it allows it; resampling to 16 kHz for Whisper is :func:`furikaeri.audio.load_audio`'s
  job, so the take on disk is exactly what the microphone gave.
* Level: RMS in dBFS over 50 ms frames. The noise floor is a low percentile of the last 10 s of
  frame levels; a frame is *voiced* when it is :data:`SPEECH_OVER_FLOOR_DB` above the floor and
  above :data:`SPEECH_MIN_DBFS` (on a quiet microphone's clean line, :data:`QUIET_OVER_FLOOR_DB`
  above it: :meth:`LevelTracker.voiced`). Speech is *heard* after :data:`SPEECH_MIN_S` of voiced frames in
  a row, and ``stop_after_silence`` counts only after speech was heard.

Ends of a take (``Take.stopped_by``): ``"max_seconds"``, ``"silence"``, ``"stop"`` (the caller set
``stop_event``), ``"interrupt"`` (Ctrl-C / KeyboardInterrupt, or a killed take repaired by
:func:`recover_take`; a take the CLI left for it after SIGTERM or SIGHUP, :func:`leave_unfinished`, is
repaired as ``"terminated"`` or ``"hangup"``, or as the reason it had ended for when the signal came
while it was analysed) and ``"device_error"``: the device stopped delivering audio mid-take. That
last one is *returned*, not raised, so the caller keeps the take it gets back and decides how to
report the failure (the CLI prints one line and exits 2). A failure to write the file (disk
full, file too large) closes the take with what is on disk and raises
:class:`~furikaeri.errors.AudioError`.

``sounddevice`` and ``numpy`` are imported inside the functions that need them, so importing this
module is instant and works without PortAudio.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import sys
import queue
import signal
import struct
import threading
import time
from collections import deque
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

from furikaeri.errors import AudioError, DeviceError, UsageError, os_reason

#: Seconds between patches of the WAV header's lengths while recording.
HEADER_EVERY_S = 0.5
#: Seconds between ``fsync`` calls while recording (what a power cut can lose).
SYNC_EVERY_S = 1.0
#: Seconds between ``on_progress`` calls.
PROGRESS_EVERY_S = 0.1
#: Length of one level frame, seconds.
FRAME_S = 0.05
#: Seconds of audio per PortAudio callback. Fixed, because PortAudio's own choice through ALSA
#: is a few milliseconds: many times the wake-ups of the callback and the writer loop for the
#: same audio.
BLOCK_S = 0.05
#: A voiced frame is at least this many dB above the noise floor ...
SPEECH_OVER_FLOOR_DB = 12.0
#: ... and at least this loud (dBFS), so a silent line's dither never counts as speech.
SPEECH_MIN_DBFS = -55.0
#: A microphone set low on a clean line (its noise floor at or under :data:`QUIET_FLOOR_DBFS`,
#: far below any room's) gives speech under :data:`SPEECH_MIN_DBFS` that the report still hears
#: (Whisper is given it raised): a clip played 40 dB down sat at -70 to -57 dBFS over a -94 dBFS
#: floor, and the take was "silent" on the screen, never stopped at a silence, and said to hold
#: no speech. There a frame is voiced :data:`QUIET_OVER_FLOOR_DB` above the floor (a silent
#: line's dither is steady, never that far over its own floor) and above :data:`QUIET_MIN_DBFS`.
#: A room loud enough to have a higher floor keeps the rule above.
QUIET_FLOOR_DBFS = -75.0
QUIET_OVER_FLOOR_DB = 24.0
QUIET_MIN_DBFS = -80.0
#: Voiced frames in a row before speech counts as heard, seconds.
SPEECH_MIN_S = 0.2
#: Window of frame levels the noise floor is estimated from, seconds.
FLOOR_WINDOW_S = 10.0
#: Floor of every dBFS figure (digital silence).
MIN_DBFS = -120.0
#: No audio at all for this long after start (or this long mid-take) means the device failed.
STALL_START_S = 5.0
STALL_S = 3.0
#: Rates tried, after the device's default, if the device refuses it.
FALLBACK_RATES = (48000, 44100, 32000, 22050, 16000)

MARKER_SUFFIX = ".partial"
#: The end of the hidden note a repaired take keeps till it is saved (:func:`repaired_path`).
REPAIRED_SUFFIX = ".repaired"
#: Why a take ended. ``"terminated"`` (SIGTERM) and ``"hangup"`` (SIGHUP, the terminal closed) are
#: only said of a take :func:`recover_take` repaired, as its marker recorded it (QA s50 OO #1: a take a
#: SIGTERM ended was said to be "interrupt"); a live take a signal ends is ``"stop"``.
STOP_REASONS = ("max_seconds", "silence", "stop", "interrupt", "device_error", "terminated", "hangup")
_WAV_HEADER_BYTES = 44
_SAMPLE_BYTES = 2  # int16


# --------------------------------------------------------------------------- types


@dataclass(frozen=True)
class Device:
    """An input device as PortAudio reports it. ``default_rate`` in Hz; ``channels`` is the
    device's maximum number of input channels."""

    index: int
    name: str
    default_rate: int
    channels: int
    is_default: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


#: A noise floor above this (the quietest tenth of a mic check's frames) is a noisy room.
NOISY_FLOOR_DBFS = -45.0


@dataclass(frozen=True)
class LevelReport:
    """What :func:`mic_check` heard. Levels in dBFS (0 = full scale, :data:`MIN_DBFS` = digital
    silence); ``clipped_share`` is the share of samples at full scale (0..1)."""

    peak_dbfs: float
    rms_dbfs: float
    noise_floor_dbfs: float
    clipped_share: float
    verdict: str  # "too_quiet" | "clipping" | "fine" | "silent"
    message: str
    #: the mains frequency (50 / 60 Hz) of a hum heard, else ``None``; ``noise_floor_dbfs`` is then
    #: the room's without it, as an analysis measures it (:mod:`furikaeri.denoise`)
    mains_hum_hz: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Take:
    """One recorded answer on disk. ``duration_s`` is the audio in the file; ``rate`` in Hz;
    ``overflows`` counts blocks PortAudio reported as overflowed (audio dropped before we got
    it); ``stopped_by`` is one of :data:`STOP_REASONS`."""

    path: Path
    duration_s: float
    rate: int
    channels: int
    overflows: int
    stopped_by: str
    speech_heard: bool

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["path"] = str(self.path)
        return d


# --------------------------------------------------------------------------- devices


def _sounddevice():
    """Import sounddevice, turning a missing PortAudio into a clear DeviceError."""
    try:
        import sounddevice
    except OSError as e:  # raised by sounddevice when libportaudio cannot be loaded
        raise DeviceError(
            "PortAudio is not installed, so no microphone can be used "
            "(install it: apt install libportaudio2, or brew install portaudio)",
            ja="PortAudio がインストールされていないため、マイクを使えません"
            "（apt install libportaudio2 または brew install portaudio でインストールしてください）",
        ) from e
    return sounddevice


def _default_input_index(sd) -> int:
    try:
        idx = sd.default.device[0]
    except Exception:
        return -1
    if idx is None or idx < 0:
        try:
            idx = sd.query_hostapis(0)["default_input_device"]
        except Exception:
            idx = -1
    return int(idx) if idx is not None else -1


def list_devices() -> list[Device]:
    """The input devices PortAudio sees (devices with at least one input channel)."""
    sd = _sounddevice()
    try:
        raw = sd.query_devices()
    except sd.PortAudioError as e:
        raise DeviceError(f"cannot list audio devices: {e}", ja=f"オーディオデバイスの一覧を取得できません: {e}") from e
    default = _default_input_index(sd)
    devices = [
        Device(
            index=int(d["index"]),
            name=str(d["name"]),
            default_rate=int(round(d["default_samplerate"])),
            channels=int(d["max_input_channels"]),
            is_default=int(d["index"]) == default,
        )
        for d in raw
        if d["max_input_channels"] > 0
    ]
    if devices and not any(d.is_default for d in devices):
        # PortAudio names no default: the first input device is what it would use.
        first = devices[0]
        devices[0] = Device(first.index, first.name, first.default_rate, first.channels, True)
    return devices


def _no_microphone() -> DeviceError:
    return DeviceError(
        "no microphone found: connect one (or check that the sound server is running and this "
        "program may use it), then run `furikaeri devices`",
        ja="マイクが見つかりません。マイクを接続してから（またはサウンドサーバーが動いていて、このプログラムが"
        "使えるようになっているか確認してから）`furikaeri devices` を実行してください",
    )


def _available(devices: list[Device]) -> str:
    return "; ".join(f"{d.index}: {d.name}" for d in devices)


def resolve_device(name_or_index: str | int | Device | None) -> Device:
    """The input device for ``name_or_index``.

    Parameters
    ----------
    name_or_index : str, int, Device or None
        ``None``: the default input device. An int (or a string of digits): PortAudio's device
        index. A string: an exact device name (case-insensitive), else a unique part of one.

    Raises
    ------
    UsageError
        A blank name (``--device ""``): refused, not read as the default.
    DeviceError
        No input device at all, or none that matches (the message lists the ones that exist).
    """
    if isinstance(name_or_index, Device):
        return name_or_index
    if isinstance(name_or_index, str) and not name_or_index.strip():  # as a blank --home: a blank name is no device
        raise UsageError("--device is blank: give a device's index or name (see `furikaeri devices`), or leave "
                         "it out for the default microphone",
                         ja="--device が空白です。デバイスの番号か名前を指定してください（`furikaeri devices` を参照）。"
                         "いつものマイクなら --device を外します")
    devices = list_devices()
    if not devices:
        raise _no_microphone()
    if name_or_index is None:
        return next(d for d in devices if d.is_default)
    key = name_or_index.strip() if isinstance(name_or_index, str) else name_or_index
    if isinstance(key, int) or key.isdigit():
        index = int(key)
        for d in devices:
            if d.index == index:
                return d
        raise DeviceError(f"no input device with index {index}; input devices: {_available(devices)}",
                          ja=f"番号 {index} の入力デバイスはありません。入力デバイス: {_available(devices)}")
    low = key.casefold()
    exact = [d for d in devices if d.name.casefold() == low]
    if exact:
        return exact[0]
    partial = [d for d in devices if low in d.name.casefold()]
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise DeviceError(f"'{key}' matches several input devices: {_available(partial)}; give the index",
                          ja=f"'{key}' に当てはまる入力デバイスが複数あります: {_available(partial)}。番号で指定してください")
    raise DeviceError(f"no input device named '{key}'; input devices: {_available(devices)}",
                      ja=f"'{key}' という名前の入力デバイスはありません。入力デバイス: {_available(devices)}")


@contextmanager
def c_stderr_muted():
    """While inside, what C libraries write on stderr (descriptor 2) goes nowhere: PortAudio's
    ALSA host prints lines such as "Expression 'alsa_snd_pcm_poll_descriptors_revents( ... )'
    failed in 'src/hostapi/alsa/pa_linux_alsa.c'" when a microphone goes away mid-take, and the
    person gets one line from us instead. Python's own ``sys.stderr`` (the live panel, our
    notices, warnings) still reaches the real stderr, through a copy of its descriptor."""
    fd = 2
    try:
        sys.stderr.flush()
    except (AttributeError, OSError, ValueError):
        pass
    try:
        keep = os.dup(fd)
    except OSError:  # no descriptor 2 at all: nothing to mute
        yield
        return
    ours = sys.stderr
    try:
        ours_fd = ours.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        ours_fd = None  # not a file (a test's capture): left as it is
    if ours_fd == fd:
        sys.stderr = open(keep, "w", encoding=getattr(ours, "encoding", None) or "utf-8",
                          errors=getattr(ours, "errors", None) or "backslashreplace", buffering=1, closefd=False)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)
    try:
        yield
    finally:
        try:
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
        sys.stderr = ours
        os.dup2(keep, fd)
        os.close(keep)


def _open_settings(sd, device: Device) -> tuple[int, int]:
    """A (rate, channels) pair the device accepts: its default rate first, one channel if possible."""
    channel_choices = [1] if device.channels >= 1 else []
    if device.channels >= 2:
        channel_choices.append(2)
    rates = [device.default_rate] + [r for r in FALLBACK_RATES if r != device.default_rate]
    last: Exception | None = None
    # each refusal makes PortAudio's ALSA host print two lines on stderr: thirty of them before our one
    # line where the sound server has no microphone (QA s47 EE #2)
    with c_stderr_muted():
        for channels in channel_choices:
            for rate in rates:
                try:
                    sd.check_input_settings(device=device.index, channels=channels, dtype="int16", samplerate=rate)
                    return rate, channels
                except Exception as e:  # sounddevice raises PortAudioError or ValueError
                    last = e
    if "sample rate" not in str(last).casefold():  # refused as a device, not for its rates: no microphone there
        raise DeviceError(f"the input device '{device.name}' cannot be opened ({last}): is a microphone connected, "
                          "and chosen as the input in the system's sound settings?",
                          ja=f"入力デバイス '{device.name}' を開けません（{last}）。マイクがつながっていて、"
                             "システムのサウンド設定で入力に選ばれているか確認してください")
    raise DeviceError(f"the input device '{device.name}' accepts none of the usual sample rates ({last})",
                      ja=f"入力デバイス '{device.name}' は一般的なサンプリング周波数のどれにも対応していません（{last}）")


# --------------------------------------------------------------------------- level


def dbfs(rms: float) -> float:
    """An RMS (or peak) amplitude, full scale = 1.0, in dBFS, never below :data:`MIN_DBFS`."""
    import math

    if rms <= 0:
        return MIN_DBFS
    return max(MIN_DBFS, 20.0 * math.log10(rms))


#: A take the live tracker heard no speech in is listened to again, whole, up to this long
#: (:func:`speech_on_second_look`): the tracker's floor comes from the take's first seconds, so
#: in a take that starts on speech and ends soon (a signal or Enter a second or two in) the floor
#: is the speech's own level and none of it rises over it (QA s50 OO #5: takes of 0.75-1.5 s
#: with words in them were called speechless, "can be deleted"). A longer take's floor window
#: holds the quiet between phrases.
SECOND_LOOK_S = 30.0


def speech_on_second_look(path: str | Path, duration_s: float) -> bool:
    """Does the take at ``path`` (``duration_s`` long) hold speech, as an analysis finds it
    (:func:`furikaeri.speech.find_speech`)? Asked only where the live tracker heard none; False
    for a take longer than :data:`SECOND_LOOK_S` (its tracker's floor had the room to go by),
    shorter than 0.1 s, or one that cannot be read."""
    if not 0.1 <= duration_s <= SECOND_LOOK_S:
        return False
    from furikaeri.audio import load_audio
    from furikaeri.speech import find_speech

    try:
        return find_speech(load_audio(path)).has_speech
    except (AudioError, OSError):
        return False


class LevelTracker:
    """Frame levels, noise floor and speech/silence state over a stream of int16 samples.

    Feed it interleaved int16 blocks of any length with :meth:`feed`; it cuts them into
    :data:`FRAME_S` frames (channels averaged) and updates ``level_dbfs`` (last frame),
    ``peak_level_dbfs`` (loudest frame since the last :meth:`take_peak`), ``noise_floor_dbfs``,
    ``speech_heard`` and ``silence_s`` (time since the last voiced frame, once speech was heard).
    """

    def __init__(self, rate: int, channels: int = 1, *, floor_percentile: float = 10.0,
                 keep_levels: bool = False):
        self.rate = rate
        #: Every frame level so far (only with ``keep_levels=True``).
        self.levels: list[float] | None = [] if keep_levels else None
        self.channels = channels
        self.frame_len = max(1, int(round(rate * FRAME_S)))
        self._pending: list[Any] = []
        self._pending_n = 0
        self._window: deque[float] = deque(maxlen=max(1, int(FLOOR_WINDOW_S / FRAME_S)))
        self._floor_percentile = floor_percentile
        self.level_dbfs = MIN_DBFS
        self.peak_level_dbfs = MIN_DBFS
        self.noise_floor_dbfs = MIN_DBFS
        self.speech_heard = False
        self.silence_s = 0.0
        self.voiced_frames = 0
        self._run = 0
        self._frames_seen = 0
        self._need_run = max(1, int(round(SPEECH_MIN_S / FRAME_S)))

    def feed(self, block) -> None:
        import numpy as np

        x = np.frombuffer(block, dtype=np.int16) if isinstance(block, (bytes, bytearray, memoryview)) else block
        if self.channels > 1:
            from furikaeri.audio import mix_down

            x = mix_down(x[: len(x) - len(x) % self.channels].reshape(-1, self.channels))
        self._pending.append(np.asarray(x, dtype=np.float64) / 32768.0)
        self._pending_n += len(x)
        if self._pending_n < self.frame_len:
            return
        x = np.concatenate(self._pending)
        n = len(x) // self.frame_len
        frames = x[: n * self.frame_len].reshape(n, self.frame_len)
        rest = x[n * self.frame_len:]
        self._pending = [rest] if len(rest) else []
        self._pending_n = len(rest)
        for rms in np.sqrt((frames * frames).mean(axis=1)):
            self._frame(dbfs(float(rms)))

    def _frame(self, level: float) -> None:
        import numpy as np

        self.level_dbfs = level
        if self.levels is not None:
            self.levels.append(level)
        self.peak_level_dbfs = max(self.peak_level_dbfs, level)
        self._window.append(level)
        self._frames_seen += 1
        if self._frames_seen <= 20 or self._frames_seen % 5 == 0:  # every 0.25 s once settled
            self.noise_floor_dbfs = float(np.percentile(self._window, self._floor_percentile))
        voiced = self.voiced(level, self.noise_floor_dbfs)
        if voiced:
            self.voiced_frames += 1
            self._run += 1
            if self._run >= self._need_run:
                self.speech_heard = True
            self.silence_s = 0.0
        else:
            self._run = 0
            if self.speech_heard:
                self.silence_s += FRAME_S

    @staticmethod
    def voiced(level: float, floor: float) -> bool:
        """Is a frame at ``level`` over a noise ``floor`` (dBFS) a voiced one? At least
        :data:`SPEECH_OVER_FLOOR_DB` over the floor and :data:`SPEECH_MIN_DBFS`, or, on a quiet
        microphone's clean line, :data:`QUIET_OVER_FLOOR_DB` over it and :data:`QUIET_MIN_DBFS`."""
        if level >= max(floor + SPEECH_OVER_FLOOR_DB, SPEECH_MIN_DBFS):
            return True
        return LevelTracker.quiet_voiced(level, floor)

    @staticmethod
    def quiet_voiced(level: float, floor: float) -> bool:
        """Voiced by the quiet microphone's rule alone (:data:`QUIET_FLOOR_DBFS`)."""
        return floor <= QUIET_FLOOR_DBFS and level >= max(floor + QUIET_OVER_FLOOR_DB, QUIET_MIN_DBFS)

    def take_peak(self) -> float:
        """The loudest frame since the last call (what a meter shows), then reset."""
        peak, self.peak_level_dbfs = self.peak_level_dbfs, MIN_DBFS
        return peak if peak > MIN_DBFS else self.level_dbfs


# --------------------------------------------------------------------------- mic check


def mic_check(device: str | int | Device | None = None, seconds: float = 3.0) -> LevelReport:
    """Record ``seconds`` from ``device`` (not saved) and judge the input level.

    Verdicts: ``"silent"`` (peak below -80 dBFS: a muted or dead input), ``"clipping"`` (more than
    0.1 % of samples at full scale), ``"too_quiet"`` (the loudest 50 ms frames stay below -40 dBFS
    RMS; speech for recognition is best around -30..-12 dBFS), else ``"fine"``. Speak during the
    check. ``rms_dbfs`` is the level of the loudest tenth of the frames (the speech), and
    ``noise_floor_dbfs`` the 10th percentile of frame levels.
    """
    import numpy as np

    if not 0.5 <= seconds <= 60:
        raise UsageError(f"mic-check needs between 0.5 and 60 seconds, not {seconds:g}",
                         ja=f"mic-check の秒数は 0.5〜60 秒で指定してください（指定された値: {seconds:g}）")
    sd = _sounddevice()
    dev = resolve_device(device)
    rate, channels = _open_settings(sd, dev)
    q: queue.Queue[bytes] = queue.Queue()

    def callback(indata, frames, time_info, status):  # audio thread: copy and go
        q.put(bytes(indata))

    need = int(seconds * rate) * channels
    chunks: list[bytes] = []
    got = 0
    stream = _input_stream(sd, dev, rate, channels, callback)
    deadline = time.monotonic() + seconds + STALL_START_S
    with stream:
        while got < need * _SAMPLE_BYTES:
            try:
                b = q.get(timeout=0.2)
            except queue.Empty:
                if time.monotonic() > deadline or not stream.active:
                    break
                continue
            chunks.append(b)
            got += len(b)
    x = np.frombuffer(b"".join(chunks), dtype=np.int16)[:need]
    if len(x) < rate * channels * 0.25:
        raise DeviceError(f"the input device '{dev.name}' delivered no audio during the check",
                          ja=f"チェック中に入力デバイス '{dev.name}' から音声が届きませんでした")
    return level_report(x, rate, channels)


def level_report(samples, rate: int, channels: int = 1) -> LevelReport:
    """The :class:`LevelReport` of interleaved int16 ``samples`` (see :func:`mic_check`)."""
    import numpy as np

    from furikaeri.audio import CLIPPED_SHARE, FullScale

    x = np.asarray(samples, dtype=np.int16)
    peak = dbfs(float(np.abs(x.astype(np.int32)).max()) / 32768.0) if len(x) else MIN_DBFS
    full = FullScale()
    full.add_pcm16(x.tobytes())
    clipped = full.share
    tracker = LevelTracker(rate, channels, keep_levels=True)
    tracker.feed(x)
    lv = np.array(tracker.levels or [MIN_DBFS])
    floor = float(np.percentile(lv, 10))
    speech = float(np.percentile(lv, 90))
    hum, without = _hum(x, rate, channels)
    if hum is not None:  # the room's floor and the voice as an analysis will measure them: the hum taken out
        # (a hum alone, no one speaking, is no voice: QA s49 HH #1 read it "fine: speech at -39 dBFS")
        floor, speech = min(floor, without[0]), min(speech, without[1])
    if peak < -80.0:
        verdict = "silent"
        message = (f"silent: nothing above {peak:.0f} dBFS came in; the input is muted, unplugged "
                   "or not this device (see `furikaeri devices`)")
    elif clipped > CLIPPED_SHARE:
        verdict = "clipping"
        message = (f"clipping: {clipped:.1%} of samples hit full scale; lower the input gain or "
                   "sit a little further from the microphone")
    elif speech < -40.0:
        verdict = "too_quiet"
        message = (f"too quiet: speech reaches only {speech:.0f} dBFS (aim for -30 to -12); raise the "
                   "input gain or move closer, and speak during the check")
    else:
        verdict = "fine"
        message = f"fine: speech at {speech:.0f} dBFS, peaks {peak:.0f} dBFS, noise floor {floor:.0f} dBFS"
        if floor > NOISY_FLOOR_DBFS:
            message += " (a noisy room: background noise may hurt the transcript)"
    if hum is not None:
        message += f" (a {hum:g}-Hz mains hum from the power: a ground loop, charger or USB microphone)"
    return LevelReport(
        peak_dbfs=round(peak, 1), rms_dbfs=round(speech, 1), noise_floor_dbfs=round(floor, 1),
        clipped_share=round(clipped, 5), verdict=verdict, message=message, mains_hum_hz=hum,
    )


def _hum(x, rate: int, channels: int) -> tuple[float | None, tuple[float, float]]:
    """The mains frequency of a hum in interleaved int16 ``x`` (:func:`furikaeri.denoise.hum_in`,
    at 16 kHz mono) and the floor and the speech level of its levels without it (dBFS, their
    10th and 90th percentiles); ``None`` and the lowest levels when there is none."""
    import numpy as np
    from scipy.signal import resample_poly

    from furikaeri.denoise import RATE, hum_in

    mono = x.reshape(-1, channels).astype(np.float32).mean(axis=1) / 32768.0 if len(x) else np.zeros(0, np.float32)
    step = np.gcd(int(rate), RATE)
    mono = resample_poly(mono, RATE // step, int(rate) // step).astype(np.float32) if rate != RATE else mono
    hum = hum_in(mono)
    if hum.mains is None:
        return None, (MIN_DBFS, MIN_DBFS)
    quiet = np.clip(hum.taken_out_of(mono) * 32768.0, -32768, 32767).astype(np.int16)
    tracker = LevelTracker(RATE, 1, keep_levels=True)
    tracker.feed(quiet)
    levels = np.array(tracker.levels or [MIN_DBFS])
    return hum.mains, (float(np.percentile(levels, 10)), float(np.percentile(levels, 90)))


# --------------------------------------------------------------------------- the take file


def _wav_header(rate: int, channels: int, data_bytes: int) -> bytes:
    block_align = channels * _SAMPLE_BYTES
    return b"".join([
        b"RIFF", struct.pack("<I", 36 + data_bytes), b"WAVE",
        b"fmt ", struct.pack("<IHHIIHH", 16, 1, channels, rate, rate * block_align, block_align, 16),
        b"data", struct.pack("<I", data_bytes),
    ])


def marker_path(take: str | Path) -> Path:
    """The ``<take>.partial`` marker beside ``take``."""
    take = Path(take)
    return take.with_name(take.name + MARKER_SUFFIX)


#: The settings of takes about to be recorded, by path (:func:`take_settings`).
_SETTINGS: dict[Path, dict[str, Any]] = {}


@contextmanager
def take_settings(take: str | Path, settings: dict[str, Any]):
    """While inside, a take recorded into ``take`` writes ``settings`` (JSON values: the
    question, budget, language, session, note, model it is to be analysed and saved with) into
    its ``.partial`` marker, so that after a crash ``recover`` names the command that saves it
    as it was to be saved, not only its audio (:func:`settings_of`)."""
    key = Path(take).absolute()
    _SETTINGS[key] = dict(settings)
    try:
        yield
    finally:
        _SETTINGS.pop(key, None)


#: Markers of finished takes kept until their answers are saved (:func:`release_take`): their
#: open, locked descriptors by the take's absolute path. A process that ends without releasing
#: one (killed, crashed) leaves the marker unlocked: the take is then a killed one's.
_HELD: dict[Path, int] = {}


def release_take(take: str | Path) -> None:
    """The caller is done with ``take`` (its answer saved, or nothing in it to save): its kept
    marker goes. Nothing for a take whose marker was not kept."""
    key = Path(take).absolute()
    fd = _HELD.pop(key, None)
    if fd is None:
        return
    try:
        marker_path(key).unlink()
    except OSError:
        pass
    try:
        os.close(fd)
    except OSError:
        pass


def settings_of(take: str | Path) -> dict[str, Any]:
    """The settings a killed take's marker holds (:func:`take_settings`); {} for a marker
    written before markers held them, a marker that cannot be read, or none at all."""
    settings = _read_marker(marker_path(take)).get("settings")
    return settings if isinstance(settings, dict) else {}


def _try_lock(fd: int) -> bool:
    """An exclusive, non-blocking lock on ``fd``; False when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; treat as unlocked
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError as e:
        if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # Windows cannot open a directory; nothing to do there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _marker_info(path: Path, rate: int, channels: int, started: float | None = None) -> dict[str, Any]:
    """What a take's marker holds: its format, who records it, when its recording began
    (``started``, seconds since the epoch; now, for a take about to be recorded) and its
    settings (if any)."""
    info = {"rate": rate, "channels": channels, "sample_bytes": _SAMPLE_BYTES,
            "pid": os.getpid(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started))}
    if _SETTINGS.get(path.absolute()):
        info["settings"] = _SETTINGS[path.absolute()]
    return info


def mark_ended(take: Take) -> None:
    """The kept marker of a take to be saved (:func:`release_take`) says why the take ended, so
    that a kill, a crash or a power cut while it is analysed leaves a take ``recover`` names as
    ended so (QA s51 UU #1: Enter 0.3 s after the last word, then kill -9 mid-analysis, came back
    "interrupt", as a take cut mid-answer, its length not judged). Best effort; nothing for a take
    whose marker is not kept."""
    fd = _HELD.get(Path(take.path).absolute())
    if fd is None:
        return
    try:
        info = {**_read_marker(marker_path(take.path)), "stopped_by": take.stopped_by}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info).encode())
    except OSError:
        pass


def leave_unfinished(take: Take) -> None:
    """Give a finished take its ``.partial`` marker back (with the settings it was to be
    analysed and saved with, :func:`take_settings`), as a killed recorder leaves one: a take
    that a shutdown ended (SIGTERM) is not analysed then, and ``recover`` or the next
    ``record`` finds it and names the command that saves it. Best effort: the take is safe on
    disk whatever happens to its marker. Its ``started`` is when the recording began, as a
    killed recorder's marker says, not when the take was left: the file was last written as
    the take ended, ``duration_s`` after it began (it may be left long after, once analysed).
    The marker also says why the take ended (``take.stopped_by``: the caller names the signal,
    ``"terminated"`` or ``"hangup"``, for a take one ended), which :func:`recover_take` gives back."""
    path = Path(take.path)
    try:
        began = path.stat().st_mtime - take.duration_s
        info = {**_marker_info(path, take.rate, take.channels, began), "stopped_by": take.stopped_by}
        marker_path(path).write_text(json.dumps(info))
    except OSError:
        pass
    fd = _HELD.pop(path.absolute(), None)  # kept by the recorder: now left as a killed one's (unlocked)
    if fd is not None:
        try:
            os.close(fd)
        except OSError:
            pass


def _began(path: Path, frames: int, rate: int) -> float | None:
    """When a take of ``frames`` that was last written just now began (seconds since the epoch)."""
    try:
        return path.stat().st_mtime - frames / rate
    except OSError:
        return None


class _TakeWriter:
    """A 16-bit PCM WAV appended to while recording, with its ``.partial`` marker held locked."""

    def __init__(self, path: Path, rate: int, channels: int):
        self.path = path
        self.rate = rate
        self.channels = channels
        self.block_align = channels * _SAMPLE_BYTES
        self.frames = 0
        self.marker = marker_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError as e:
            raise AudioError(f"{path} already exists: choose another --out",
                             ja=f"{path} はすでに存在します。別の --out を指定してください") from e
        try:
            self._write_all(_wav_header(rate, channels, 0))
            self.marker_fd = os.open(self.marker, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
            _try_lock(self.marker_fd)
            os.write(self.marker_fd, json.dumps(_marker_info(path, rate, channels)).encode())
            os.fsync(self.marker_fd)
            os.fsync(self.fd)
            _fsync_dir(path.parent)  # so the new files' names survive a power cut too
        except BaseException:
            self._abandon()
            raise
        self.broken = False

    def _abandon(self) -> None:
        for fd in (getattr(self, "fd", None), getattr(self, "marker_fd", None)):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        for p in (self.marker, self.path):
            try:
                p.unlink()
            except OSError:
                pass

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]

    def append(self, data: bytes) -> None:
        """Hand ``data`` (whole frames) to the OS now; raises OSError (disk full ...)."""
        self._write_all(data)
        self.frames += len(data) // self.block_align

    def _data_bytes(self) -> int:
        size = os.fstat(self.fd).st_size
        data = max(0, size - _WAV_HEADER_BYTES)
        return data - data % self.block_align

    def patch_header(self) -> None:
        data = self._data_bytes()
        os.lseek(self.fd, 4, os.SEEK_SET)
        self._write_all(struct.pack("<I", 36 + data))
        os.lseek(self.fd, 40, os.SEEK_SET)
        self._write_all(struct.pack("<I", data))
        os.lseek(self.fd, 0, os.SEEK_END)

    def sync(self) -> None:
        os.fsync(self.fd)

    def close(self) -> bool:
        """Finish the file: exact header, synced, marker removed. False if the header could not be
        written (the marker then stays, so the take is repaired later)."""
        ok = True
        try:
            data = self._data_bytes()
            if os.fstat(self.fd).st_size != _WAV_HEADER_BYTES + data:
                os.ftruncate(self.fd, _WAV_HEADER_BYTES + data)  # drop a half-written frame
            self.patch_header()
            os.fsync(self.fd)
        except OSError:
            ok = False
        self.frames = self._frames_on_disk()
        os.close(self.fd)
        key = self.path.absolute()
        if ok and (_SETTINGS.get(key) or {}).get("save"):  # to be saved: kept, locked, till then (release_take)
            try:
                os.ftruncate(self.marker_fd, 0)  # its settings as they are now (a note typed since)
                os.lseek(self.marker_fd, 0, os.SEEK_SET)
                os.write(self.marker_fd, json.dumps(_marker_info(self.path, self.rate, self.channels,
                                                                 _began(self.path, self.frames, self.rate))).encode())
                _HELD[key] = self.marker_fd
                return ok
            except OSError:
                pass
        if ok:
            try:
                self.marker.unlink()
            except FileNotFoundError:
                pass
        os.close(self.marker_fd)
        return ok

    def _frames_on_disk(self) -> int:
        try:
            return self._data_bytes() // self.block_align
        except OSError:
            return self.frames


# --------------------------------------------------------------------------- blocks for consumers


@dataclass(frozen=True, eq=False)
class Block:
    """A stretch of the take, exactly as the writer loop wrote it to the file.

    The audio stays in the microphone's own format: ``pcm`` is interleaved 16-bit samples (the
    bytes the WAV holds) at ``rate`` Hz with ``channels`` channels. Resampling to 16 kHz is left
    to the consumer, in its own thread: done here it would cost the writer loop time on every
    block, and resampling block by block without a resampler's state leaves clicks at the joins
    (a consumer keeps one ``soxr.ResampleStream`` across blocks, or collects a stretch and calls
    :func:`furikaeri.audio.resample`).

    ``start_frame`` is where the block starts in the take (a frame is one sample per channel);
    consecutive blocks join with no gap and no overlap. The last block of a take has
    ``final=True`` and no audio: the take has ended and is ``start_frame`` frames long.
    """

    pcm: bytes
    start_frame: int
    rate: int
    channels: int
    final: bool = False

    @property
    def frames(self) -> int:
        return len(self.pcm) // (self.channels * _SAMPLE_BYTES)

    @property
    def start_s(self) -> float:
        """Where the block starts in the take, seconds."""
        return self.start_frame / self.rate

    @property
    def end_s(self) -> float:
        """Where the block ends in the take, seconds."""
        return (self.start_frame + self.frames) / self.rate

    def samples(self):
        """The int16 samples, shape ``(frames, channels)`` (a read-only view of ``pcm``)."""
        import numpy as np

        return np.frombuffer(self.pcm, dtype=np.int16).reshape(-1, self.channels)

    def mono(self):
        """Float32 mono in [-1, 1] at ``rate`` (:func:`furikaeri.audio.mix_down`), ready to
        resample to 16 kHz."""
        import numpy as np

        from furikaeri.audio import mix_down

        return (mix_down(self.samples()) / 32768.0).astype(np.float32)


class BlockFeed:
    """Hands the blocks of a take to a consumer in a thread of its own, in order, each once.

    The writer loop only calls :meth:`put`, which appends to an unbounded :class:`queue.Queue`:
    it never blocks and never raises, so a consumer cannot stall capture however slow it is. The
    queue is unbounded on purpose: a bounded one would make the writer either wait for the
    consumer (capture stalls, PortAudio overflows) or drop blocks (the consumer hears gaps). The
    price is memory: a consumer that falls behind holds the audio it has not taken yet, at the
    take's own byte rate, and catches up after the take (:attr:`backlog`, :meth:`join`).

    A consumer that raises is not called again; the feed keeps the exception in :attr:`error`
    and discards the rest of the take's blocks. The take itself goes on untouched.

    ``consumer(block)`` may be any callable, e.g. the ``put`` of the consumer's own
    :class:`queue.Queue`. The thread is a daemon, so a consumer that never returns cannot keep
    the process alive either.
    """

    def __init__(self, consumer: Callable[[Block], Any]):
        self._consumer = consumer
        self._queue: queue.Queue[Block] = queue.Queue()
        self._closed = False
        #: The first exception the consumer raised, if any.
        self.error: BaseException | None = None
        #: Blocks the consumer has taken (returned from) so far.
        self.handed = 0
        self._thread = threading.Thread(target=self._run, name="furikaeri-block-consumer", daemon=True)
        self._thread.start()

    def put(self, block: Block) -> None:
        """Queue ``block`` for the consumer (the writer loop's only call; never blocks)."""
        if not self._closed and self.error is None:
            self._queue.put(block)

    def close(self, end: Block) -> None:
        """Queue the ``final`` block that ends the stream; later :meth:`put` calls are ignored."""
        if not self._closed:
            self._closed = True
            self._queue.put(end)

    @property
    def backlog(self) -> int:
        """Blocks queued that the consumer has not taken yet."""
        return self._queue.qsize()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the consumer has taken the final block (or raised); False on timeout."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while True:
            block = self._queue.get()
            if self.error is None:
                try:
                    self._consumer(block)
                    self.handed += 1
                except BaseException as e:  # noqa: BLE001 - whatever it is, it must not reach capture
                    self.error = e
            if block.final:
                return


# --------------------------------------------------------------------------- recording


class _Every:
    """A deadline that recurs every ``seconds`` on the monotonic clock."""

    def __init__(self, seconds: float, start: float):
        self.seconds = seconds
        self.next = start + seconds

    def due(self, now: float) -> bool:
        """True (and the next deadline set) when ``now`` has reached the deadline."""
        if now < self.next:
            return False
        self.next = now + self.seconds
        return True


class Recorder:
    """One take from the microphone into ``out_path`` (a new 16-bit WAV), written as it is recorded.

    Make one per take and call :meth:`record`. The parts, in the order a take goes through them:
    :meth:`_open_stream` (PortAudio's callback :meth:`_on_audio` only counts and queues),
    :meth:`_write_loop` (drain the queue, :meth:`_write` whole frames, :meth:`_keep_safe`: the
    header every :data:`HEADER_EVERY_S`, ``fsync`` every :data:`SYNC_EVERY_S`),
    :meth:`_stop_reason` (the conditions that end a take), :meth:`_finish` (stop the stream,
    write what it still delivered, close the file) and :meth:`_result` (the :class:`Take`, or the
    :class:`~furikaeri.errors.AudioError` of a write failure, naming what was kept).

    Parameters
    ----------
    out_path : path
        The take to create; it must not exist (parent folders are created).
    device : str, int, Device or None
        See :func:`resolve_device`; None is the default input.
    max_seconds : float > 0 or None
        Hard stop after this much audio.
    stop_after_silence : float > 0 or None
        Stop after this many seconds of silence *once speech was heard*; off when None.
    stop_event : threading.Event or None
        Set it (from any thread, or a signal handler) to end the take: ``stopped_by="stop"``.
    on_progress : callable(elapsed_s, level_dbfs) or None
        Called from the recording (the calling) thread about every :data:`PROGRESS_EVERY_S` with
        the seconds of audio recorded so far and the loudest 50 ms level since the last call, in
        dBFS. A slow ``on_progress`` delays the writing, never the capture: the blocks wait in
        the queue and the next turn of the loop writes them all.
    consumer : callable(Block) or None
        Gets every block written to the take, in order, as raw int16 in the device's rate and
        channels (see :class:`Block`), then one ``final`` block. It is called from a thread of
        its own (:class:`BlockFeed`); the writer loop only queues, so a slow or failing consumer
        never costs the take any audio. See :attr:`feed` for its progress and error.

    Raises
    ------
    UsageError
        ``max_seconds`` or ``stop_after_silence`` is not more than 0.
    """

    def __init__(
        self,
        out_path: str | Path,
        *,
        device: str | int | Device | None = None,
        max_seconds: float | None = None,
        stop_after_silence: float | None = None,
        stop_event: threading.Event | None = None,
        on_progress: Callable[[float, float], None] | None = None,
        consumer: Callable[[Block], Any] | None = None,
    ):
        if max_seconds is not None and max_seconds <= 0:
            raise UsageError("--max-seconds must be more than 0", ja="--max-seconds には 0 より大きい値を指定してください")
        if stop_after_silence is not None and stop_after_silence <= 0:
            raise UsageError("--stop-after-silence must be more than 0",
                             ja="--stop-after-silence には 0 より大きい値を指定してください")
        self.out_path = Path(out_path)
        self.max_seconds = max_seconds
        self.stop_after_silence = stop_after_silence
        self.stop_event = stop_event
        self.on_progress = on_progress
        self._device = device
        self._consumer = consumer
        #: The device, rate (Hz) and channels of the take, once :meth:`record` has opened it.
        self.device: Device | None = None
        self.rate = 0
        self.channels = 0
        #: Blocks PortAudio reported as overflowed (audio lost before it reached us).
        self.overflows = 0
        #: Why the take ended (one of :data:`STOP_REASONS`), once it has.
        self.stopped_by: str | None = None
        #: The consumer's :class:`BlockFeed` (None without a consumer).
        self.feed: BlockFeed | None = None
        self._blocks: queue.Queue[bytes] = queue.Queue()  # the callback's, filled on the audio thread
        self._device_finished = threading.Event()
        self._frame_bytes = 0
        self._max_frames: int | None = None
        self._carry = b""  # a partial frame waiting for the rest of its bytes
        self._write_error: OSError | None = None
        self._started = False
        self._closing = False
        #: Ctrl-C pressed again while the take was closing, held (see :meth:`_ctrl_c_once`).
        self.held_interrupts = 0
        self._ctrl_c = False  # Ctrl-C pressed: the take ends at the loop's next turn

    # -- the whole take

    def record(self) -> Take:
        """Record the take and return it (see :class:`Take`; ``stopped_by`` says why it ended).

        A device that stops delivering audio mid-take returns ``stopped_by="device_error"`` with
        everything recorded until then (not an exception). KeyboardInterrupt (Ctrl-C) ends the
        take normally with ``stopped_by="interrupt"``; a Ctrl-C pressed again while it closes is
        held (:meth:`_ctrl_c_once`), so the take is always returned whole.

        Raises
        ------
        DeviceError
            No such device, or it cannot be opened or started.
        AudioError
            ``out_path`` exists, or the disk refused the audio (full, file too large): the audio
            written before that is kept in ``out_path``.
        """
        if self._started:
            raise RuntimeError("a Recorder records one take; make a new one for the next")
        self._started = True
        sd = _sounddevice()
        self.device = resolve_device(self._device)
        self.rate, self.channels = _open_settings(sd, self.device)
        self._frame_bytes = self.channels * _SAMPLE_BYTES
        self._max_frames = int(round(self.max_seconds * self.rate)) if self.max_seconds is not None else None
        stream = self._open_stream(sd)
        try:
            self._writer = _TakeWriter(self.out_path, self.rate, self.channels)
        except BaseException:
            stream.close()
            raise
        self._tracker = LevelTracker(self.rate, self.channels)
        if self._consumer is not None:
            self.feed = BlockFeed(self._consumer)
        with self._ctrl_c_once():
            try:
                self._start(sd, stream)
                self._write_loop(stream)
            except KeyboardInterrupt:
                self.stopped_by = "interrupt"
            finally:
                self._closing = True
                header_ok = self._finish(stream)
        return self._result(header_ok)

    @contextmanager
    def _ctrl_c_once(self):
        """While inside (on the main thread, where Ctrl-C raises KeyboardInterrupt), Ctrl-C ends
        the take as before, but once: one pressed again while the take is closing (PortAudio's
        stream stopping, the last blocks written, the file closed), or after the take ended
        otherwise, is held (counted in :attr:`held_interrupts`) instead of escaping from
        ``stream.stop()`` with the take neither analysed nor saved nor named (QA s36 C #2:
        ``timeout -s INT`` signals the process and its group, two SIGINTs microseconds apart).

        The first Ctrl-C raises nothing: it is noted, and the writer loop ends the take at its
        next turn (:meth:`_stop_reason`). An exception raised wherever the main thread happens to
        be could leave a lock it was taking held, or one it had let go of released twice (a
        :class:`queue.Queue`'s, shared with PortAudio's callback), and the take then hung in
        ``stream.stop()`` for good (CI, s39: one run in thousands, on a loaded machine)."""
        if (threading.current_thread() is not threading.main_thread()
                or signal.getsignal(signal.SIGINT) is not signal.default_int_handler):
            yield  # ignored (started in the background), or someone else's handler: left as it is
            return

        def once(signum, frame):
            if self._ctrl_c or self._closing or self.stopped_by is not None or self._write_error is not None:
                self.held_interrupts += 1
                return
            self._ctrl_c = True  # the loop ends the take at its next turn (within PROGRESS_EVERY_S)

        previous = signal.signal(signal.SIGINT, once)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)

    # -- the audio thread

    def _open_stream(self, sd):
        """The input stream, not started; its callback is :meth:`_on_audio`."""
        return _input_stream(sd, self.device, self.rate, self.channels, self._on_audio,
                             finished_callback=self._device_finished.set)

    def _on_audio(self, indata, frames, time_info, status) -> None:
        """PortAudio's callback, on its own thread: count an overflow, queue a copy, return."""
        if status.input_overflow:
            self.overflows += 1
        self._blocks.put(bytes(indata))

    def _start(self, sd, stream) -> None:
        try:
            stream.start()
        except sd.PortAudioError as e:
            raise DeviceError(f"cannot start the input device '{self.device.name}': {e}",
                              ja=f"入力デバイス '{self.device.name}' を開始できません: {e}") from e

    # -- the writer loop (the calling thread)

    def _write_loop(self, stream) -> None:
        """Until a stop condition: write what the callback queued, keep the file safe, report.
        A write failure ends the loop with the error kept for :meth:`_result`."""
        now = time.monotonic()
        last_data = now
        header, sync, progress = (_Every(HEADER_EVERY_S, now), _Every(SYNC_EVERY_S, now),
                                  _Every(PROGRESS_EVERY_S, now))
        while self.stopped_by is None:
            data = self._next_batch()
            now = time.monotonic()
            if data is not None:
                last_data = now
                try:
                    if self._write(data):
                        self.stopped_by = "max_seconds"
                except OSError as e:
                    self._write_error = e
                    return
            if self.stopped_by is None:
                self.stopped_by = self._stop_reason(stream, silent_for=now - last_data)
            try:
                self._keep_safe(now, header, sync)
            except OSError as e:
                self._write_error = e
                return
            if self.on_progress is not None and (progress.due(now) or self.stopped_by is not None):
                self.on_progress(self._writer.frames / self.rate, self._tracker.take_peak())

    def _next_batch(self) -> bytes | None:
        """Everything queued, as whole frames (a partial frame waits for the next batch); waits
        up to :data:`PROGRESS_EVERY_S` for the first block, None if none came."""
        try:
            first = self._blocks.get(timeout=PROGRESS_EVERY_S)
        except queue.Empty:
            return None
        data = self._carry + first + b"".join(_drain(self._blocks))
        whole = len(data) - len(data) % self._frame_bytes
        data, self._carry = data[:whole], data[whole:]
        return data

    def _write(self, data: bytes) -> bool:
        """Append whole frames of ``data`` to the take (clipped to ``max_seconds``), measure their
        level and queue them for the consumer; True once the maximum is reached. Raises OSError
        when the disk refuses them (they are then not handed to the consumer)."""
        if self._max_frames is not None:
            room = (self._max_frames - self._writer.frames) * self._frame_bytes
            data = data[: max(0, room)]
        data = data[: len(data) - len(data) % self._frame_bytes]
        if data:
            start = self._writer.frames
            self._writer.append(data)
            self._tracker.feed(data)
            if self.feed is not None:
                self.feed.put(Block(data, start, self.rate, self.channels))
        return self._max_frames is not None and self._writer.frames >= self._max_frames

    def _keep_safe(self, now: float, header: _Every, sync: _Every) -> None:
        """Patch the header's lengths (the file stays a readable WAV, at most
        :data:`HEADER_EVERY_S` behind) and ``fsync`` (a power cut loses at most
        :data:`SYNC_EVERY_S`), each when it is due."""
        if header.due(now):
            self._writer.patch_header()
        if sync.due(now):
            self._writer.sync()

    def _stop_reason(self, stream, *, silent_for: float) -> str | None:
        """Why the take should end now, or None. ``silent_for``: seconds since the device last
        delivered audio. (``max_seconds`` is decided by :meth:`_write`, to the frame.)"""
        if self._ctrl_c:
            return "interrupt"
        if (self.stop_after_silence is not None and self._tracker.speech_heard
                and self._tracker.silence_s >= self.stop_after_silence):
            return "silence"
        if self.stop_event is not None and self.stop_event.is_set():
            return "stop"
        if self._device_finished.is_set() or not stream.active:
            return "device_error"  # the device went away (unplugged, sound server gone)
        if silent_for > (STALL_START_S if self._writer.frames == 0 else STALL_S):
            return "device_error"  # the device is there but delivers nothing
        return None

    # -- the end

    def _finish(self, stream) -> bool:
        """Stop the stream, write the blocks it delivered before it stopped (they are part of the
        take: even when the device failed they were recorded before it did; a full take takes
        none, see :meth:`_write`), close the file and end the consumer's stream. False if the
        file's header could not be finished (see :meth:`_TakeWriter.close`)."""
        _stop_stream(stream)
        try:
            if self._write_error is None:
                try:
                    self._write(self._carry + b"".join(_drain(self._blocks)))
                except OSError as e:
                    self._write_error = e
                except KeyboardInterrupt:  # a second Ctrl-C: keep what is written
                    pass
            return self._writer.close()
        finally:
            if self.feed is not None:  # whatever happened, the consumer learns that the take ended
                self.feed.close(Block(b"", self._writer.frames, self.rate, self.channels, final=True))

    def _result(self, header_ok: bool) -> Take:
        """The :class:`Take`, or the one-line :class:`AudioError` of a write failure."""
        duration = self._writer.frames / self.rate
        if self._write_error is not None:
            message = _write_error_message(self.out_path, self._write_error, duration, header_ok)
            ja = _write_error_message(self.out_path, self._write_error, duration, header_ok, "ja")
            raise AudioError(message, ja=ja) from self._write_error
        return Take(path=self.out_path, duration_s=round(duration, 3), rate=self.rate, channels=self.channels,
                    overflows=self.overflows, stopped_by=self.stopped_by or "stop",
                    speech_heard=self._tracker.speech_heard or speech_on_second_look(self.out_path, duration))


def record_take(
    out_path: str | Path,
    *,
    device: str | int | Device | None = None,
    max_seconds: float | None = None,
    stop_after_silence: float | None = None,
    stop_event: threading.Event | None = None,
    on_progress: Callable[[float, float], None] | None = None,
    consumer: Callable[[Block], Any] | None = None,
) -> Take:
    """Record one take into ``out_path``: ``Recorder(out_path, ...).record()``.

    The parameters, result and errors are :class:`Recorder`'s; ``consumer`` is handed every
    block while recording (a :class:`furikaeri.stream.Listener`'s ``take_block``).
    """
    return Recorder(out_path, device=device, max_seconds=max_seconds, stop_after_silence=stop_after_silence,
                    stop_event=stop_event, on_progress=on_progress, consumer=consumer).record()


def _input_stream(sd, device: Device, rate: int, channels: int, callback, **kwargs):
    """A raw int16 input stream of :data:`BLOCK_S` blocks, not started; DeviceError if refused."""
    try:
        return sd.RawInputStream(device=device.index, samplerate=rate, channels=channels, dtype="int16",
                                 blocksize=int(round(rate * BLOCK_S)), callback=callback, **kwargs)
    except sd.PortAudioError as e:
        raise DeviceError(f"cannot open the input device '{device.name}': {e}",
                          ja=f"入力デバイス '{device.name}' を開けません: {e}") from e


#: How long stopping and closing the input stream may take (s) before it is given up. When the
#: sound server dies mid-take, PortAudio's stop can deadlock inside the ALSA pulse plugin and
#: libpulse (QA s47 EE #1: 6 of 20 takes whose server was stopped froze in ``stream.stop()``,
#: past --max-seconds, deaf to Ctrl-C and SIGTERM: the main thread was stuck in C). A stop takes
#: milliseconds when it works.
STOP_WAIT_S = 3.0


def _stop_stream(stream, wait_s: float = STOP_WAIT_S) -> bool:
    """Stop and close ``stream``, in a thread of its own, waited for at most ``wait_s``: True
    when done. A stop that hangs is given up (the take is finished without it: its blocks are
    written, its file closed), and PortAudio's exit handler, which would stop the same stream
    again at exit and hang there, is kept from running."""
    done = threading.Event()

    def stop() -> None:
        for step in (stream.stop, stream.close):
            try:
                step()
            except Exception:  # noqa: BLE001 - a device already gone: nothing left to stop
                pass
        done.set()

    threading.Thread(target=stop, name="furikaeri-stop-stream", daemon=True).start()
    if done.wait(wait_s):
        return True
    import atexit

    sd = sys.modules.get("sounddevice")  # imported, as the stream is its
    if sd is not None and hasattr(sd, "_exit_handler"):
        atexit.unregister(sd._exit_handler)  # it calls stream.stop() and Pa_Terminate(): the same hang
    return False


def _drain(q: queue.Queue) -> list[bytes]:
    out = []
    while True:
        try:
            out.append(q.get_nowait())
        except queue.Empty:
            return out


def _write_error_message(path: Path, e: OSError, duration: float, header_ok: bool, lang: str = "en") -> str:
    """The one line of a write failure: what happened, what was kept where, what to do (``lang``:
    ``"ja"`` for the line in Japanese)."""
    if lang == "ja":
        if e.errno == errno.ENOSPC:
            what, fix = "ディスクがいっぱいです", "空きを作ってから"
        elif e.errno == errno.EFBIG:
            what, fix = "ファイルがこのシステムで扱える大きさを超えました", "--out で別のフォルダを指定して"
        else:
            what, fix = os_reason(e, "ja"), "フォルダを確認してから"
        kept = f"最初の {duration:.1f} 秒は {path} に残っています"
        if not header_ok:
            kept += "。空きができたら `furikaeri recover` で修復できます"
        return f"録音が止まりました: {what}（{kept}）。{fix}やり直してください"
    if e.errno == errno.ENOSPC:
        what = "the disk is full"
        fix = "free some space"
    elif e.errno == errno.EFBIG:
        what = "the file grew past the size this system allows"
        fix = "record to another folder with --out"
    else:
        what = e.strerror or str(e)
        fix = "check the folder"
    kept = f"the first {duration:.1f} s are kept in {path}"
    if not header_ok:
        kept += " (repaired by `furikaeri recover` once there is space)"
    return f"recording stopped: {what} ({kept}); {fix} and try again"


# --------------------------------------------------------------------------- recovery


def forget_left_take(take: str | Path) -> None:
    """``take`` is saved now: a marker a recorder left beside it (a microphone lost mid-take, a
    shutdown) goes, unless a recorder is still writing it, so ``recover`` no longer "repairs" a
    take already in the archive (QA s47 EE #9), and so does the note of its repair
    (:func:`repaired_path`). Best effort."""
    marker = marker_path(Path(take))
    try:
        if marker.is_file() and not _recording_now(marker):
            marker.unlink()
    except OSError:
        pass
    with contextlib.suppress(OSError):
        repaired_path(take).unlink(missing_ok=True)  # saved: nothing more to say of it


def find_partial_takes(directory: str | Path) -> list[Path]:
    """Takes in ``directory`` left unfinished by a killed recorder (they have a ``.partial`` marker
    that no running recorder holds), oldest first. Takes being recorded right now are skipped.
    A marker whose take is missing (deleted or moved since) is listed too, by the take's name:
    :func:`recover_take` names it rather than the marker lying there unsaid."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    found = []
    for marker in sorted(directory.glob("*" + MARKER_SUFFIX)):
        take = marker.with_name(marker.name[: -len(MARKER_SUFFIX)])
        if _recording_now(marker):
            continue
        found.append(take)
    return sorted(found, key=_left_at)


def _left_at(take: Path) -> float:
    """When ``take`` was last written: its own time, else (missing) its marker's."""
    for path in (take, marker_path(take)):
        try:
            return path.stat().st_mtime
        except OSError:
            continue
    return 0.0


def _recording_now(marker: Path) -> bool:
    try:
        fd = os.open(marker, os.O_RDWR)
    except OSError:
        return False
    try:
        return not _try_lock(fd)
    finally:
        os.close(fd)  # closing releases our lock, if we got it


def _read_marker(marker: Path) -> dict[str, Any]:
    try:
        info = json.loads(marker.read_text() or "{}")
    except (OSError, ValueError):
        return {}
    return info if isinstance(info, dict) else {}


def _positive_int(value: Any) -> int | None:
    """A marker's rate or channel count, or None when it is not a positive whole number."""
    try:
        n = int(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return n if n > 0 and n == value else None


def _find_data_chunk(head: bytes) -> tuple[int, int, int] | None:
    """(rate, channels, data offset) of a 16-bit PCM WAV header, or None if it is not one."""
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    pos, rate, channels, bits = 12, None, None, None
    while pos + 8 <= len(head):
        cid, size = head[pos:pos + 4], struct.unpack("<I", head[pos + 4:pos + 8])[0]
        if cid == b"fmt " and pos + 24 <= len(head):
            _fmt, channels, rate, _br, _ba, bits = struct.unpack("<HHIIHH", head[pos + 8:pos + 24])
        if cid == b"data":
            if not rate or bits != 16 or not channels:
                return None
            return rate, channels, pos + 8
        pos += 8 + size + (size & 1)
    return None


class NothingToRepair(AudioError):
    """A file named to ``recover`` that is already a complete WAV file: left as it is."""


def _refuse_unmarked(path: Path) -> None:
    """Refuse, leaving it unchanged, a file named to ``recover`` that no recorder of ours marked
    as unfinished, unless it is one of our takes whose lengths are wrong (copied out of a
    crash, its marker lost): an empty or non-WAV file (a ``.txt``, an ``.mp3``) is no take, a
    complete WAV needs nothing, and a WAV laid out otherwise than ours was made elsewhere."""
    with open(path, "rb") as f:
        head = f.read(4096)
        found = _find_data_chunk(head)
        complete = found is not None and _chunks_fill(f, head, found[2])
        size = os.fstat(f.fileno()).st_size
    if found is None:
        why, why_ja = ("it is empty", "空のファイルです") if not head else \
            ("its WAV header cannot be read", "WAV ヘッダーを読み取れません")
        raise AudioError(f"{path}: not a furikaeri take ({why}); left as it is",
                         ja=f"{path}: furikaeri の録音ではありません（{why_ja}）。変更していません")
    rate, channels, offset = found
    if complete:
        raise NothingToRepair(f"{path} is a complete WAV file: there is nothing to repair",
                              ja=f"{path} は完全な WAV ファイルです。修復するところはありません")
    _refuse_cut_off(path, head, size, found)
    if offset != _WAV_HEADER_BYTES or head[12:36] != _wav_header(rate, channels, 0)[12:36]:
        raise AudioError(f"{path}: not a furikaeri take (a WAV file laid out by another program); left as it is",
                         ja=f"{path}: furikaeri の録音ではありません（別のプログラムが作った WAV ファイルです）。"
                            "変更していません")


def _refuse_cut_off(path: Path, head: bytes, size: int, found: tuple[int, int, int]) -> None:
    """Refuse a WAV whose header states more audio than the file holds: a cut-off copy of a
    finished file (a copy or download stopped early), not an unfinished take. Our recorder's
    header never runs ahead of its audio (it is written with lengths 0 and patched from the
    file's size as it grows), so only a header behind the audio is ours to repair; rewriting a
    cut-off copy's would hide that it ends early (``analyze`` reads it, as it is, as cut short)."""
    rate, channels, offset = found
    stated = struct.unpack("<I", head[offset - 4:offset])[0]
    riff = struct.unpack("<I", head[4:8])[0]
    held = size - offset
    if stated <= held and riff + 8 <= size:
        return
    if 0xFFFFFFFF in (stated, riff):  # a streaming writer's "length unknown": another program's file
        raise AudioError(f"{path}: not a furikaeri take (a WAV file laid out by another program); left as it is",
                         ja=f"{path}: furikaeri の録音ではありません（別のプログラムが作った WAV ファイルです）。"
                            "変更していません")
    per_s = rate * channels * _SAMPLE_BYTES
    said, kept = f"{max(stated, riff + 8 - offset) / per_s:.1f}", f"{max(0, held) / per_s:.1f}"
    raise AudioError(f"{path}: a cut-off copy, not an unfinished take: its header says {said} s, the file holds "
                     f"{kept} s; left as it is (analyze reads it as cut short)",
                     ja=f"{path}: 途中で切れたコピーで、録音途中のファイルではありません（ヘッダーでは {said} 秒、"
                        f"中身は {kept} 秒）。変更していません（analyze では途中で切れた録音として扱います）")


def _chunks_fill(f, head: bytes, offset: int) -> bool:
    """Do the RIFF header's length, the data chunk's and the chunks after it (another
    program's tags) account for the whole file, to the byte? Then nothing was cut short."""
    size = os.fstat(f.fileno()).st_size
    if struct.unpack("<I", head[4:8])[0] + 8 != size:
        return False
    pos = offset + struct.unpack("<I", head[offset - 4:offset])[0]
    for _ in range(64):  # a handful of chunks at most: audio bytes taken for one never line up
        pos += pos & 1
        if pos >= size:
            return pos == size or pos == size + 1
        f.seek(pos)
        chunk = f.read(8)
        if len(chunk) < 8 or not all(32 <= c < 127 for c in chunk[:4]):
            return False
        pos += 8 + struct.unpack("<I", chunk[4:8])[0]
    return False


def _refuse_missing(path: Path, marker: Path) -> None:
    """Refuse a take that is not there to repair; a ``.partial`` marker left beside where it was
    (the take deleted or moved since) is named, and left as it is: it holds the settings the
    take was recorded with, and only the person knows whether the take is gone for good."""
    if not marker.is_file():
        raise AudioError(f"{path}: no such take to recover", ja=f"{path}: 復元する録音が見つかりません")
    what, what_ja = ("is missing", "見つかりません") if not path.exists() else ("is not a file", "ファイルではありません")
    raise AudioError(f"{marker}: the take it marks as unfinished, {path.name}, {what}; left as it is "
                     "(delete the marker if the take is gone for good)",
                     ja=f"{marker}: 中断された録音 {path.name} が{what_ja}。マーカーはそのまま残します"
                        "（録音がもう要らないなら、マーカーを削除してください）")


def _header_never_written(path: Path, head: bytes, info: dict[str, Any]) -> tuple[int, int]:
    """(rate, channels) of a marked take killed before its header was complete: an empty file,
    or the first bytes of the very header our recorder writes for its marker's format. Any
    other file is not one of our takes (a note, another program's file beside a stray
    marker): refused, so that it is left as it is, not overwritten by a header."""
    rate, channels = _positive_int(info.get("rate")), _positive_int(info.get("channels"))
    if not head and not (rate and channels):
        # Killed (or the power cut) before a byte was written: an empty take, whatever
        # its rate would have been.
        rate, channels = 16000, 1
    try:
        ours = _wav_header(rate, channels, 0) if rate and channels else None
    except struct.error:  # a rate or channel count no WAV header can hold: an edited marker
        ours = None
    if ours is None or not ours.startswith(head):
        raise AudioError(f"{path}: not a furikaeri take (its WAV header cannot be read); left as it is",
                         ja=f"{path}: furikaeri の録音ではありません（WAV ヘッダーを読み取れません）。変更していません")
    return rate, channels


def recover_take(path: str | Path) -> Take:
    """Repair a take whose recorder was killed: set the WAV header's lengths from the audio that
    is really in the file (dropping a half-written last frame) and remove its marker.

    Returns the repaired :class:`Take` (``stopped_by="interrupt"``, or the reason its marker gives
    for a take the CLI left after a signal, :func:`leave_unfinished`; ``overflows`` is unknown and 0).
    Raises :class:`AudioError` if the file is missing or its header cannot be understood, or,
    with no marker, it is not one of our takes (:func:`_refuse_unmarked`; unchanged), and
    :class:`NothingToRepair` if it is a complete WAV file.
    """
    import numpy as np

    path = Path(path)
    marker = marker_path(path)
    if not path.is_file():
        _refuse_missing(path, marker)
    if marker.exists() and _recording_now(marker):
        raise AudioError(f"{path} is being recorded right now by another furikaeri; not touching it",
                         ja=f"{path} は別の furikaeri が録音している最中です。このファイルには手を付けません")
    info = _read_marker(marker)
    if not marker.exists():  # no recorder of ours left it: only a take of ours, only if unfinished
        _refuse_unmarked(path)
    with open(path, "r+b") as f:
        head = f.read(4096)
        found = _find_data_chunk(head)
        if found is None:
            rate, channels = _header_never_written(path, head, info)
            f.seek(0)
            f.write(_wav_header(rate, channels, 0))
            f.flush()
            offset = _WAV_HEADER_BYTES
        else:
            rate, channels, offset = found
        size = os.fstat(f.fileno()).st_size
        block_align = channels * _SAMPLE_BYTES
        data = max(0, size - offset)
        data -= data % block_align
        f.truncate(offset + data)
        f.seek(4)
        f.write(struct.pack("<I", offset - 8 + data))
        f.seek(offset - 4)
        f.write(struct.pack("<I", data))
        f.flush()
        os.fsync(f.fileno())
        tracker = LevelTracker(int(rate), int(channels))
        f.seek(offset)
        while True:
            chunk = f.read(1 << 20)
            chunk = chunk[: len(chunk) - len(chunk) % block_align]
            if not chunk:
                break
            tracker.feed(np.frombuffer(chunk, dtype=np.int16))
    ended = info.get("stopped_by")  # a take left after SIGTERM says so (QA s50 OO #1); a killed one is "interrupt"
    take = Take(path=path, duration_s=round(data / block_align / rate, 3), rate=int(rate), channels=int(channels),
                overflows=0, stopped_by=ended if ended in STOP_REASONS else "interrupt",
                speech_heard=tracker.speech_heard or speech_on_second_look(path, data / block_align / rate))
    _keep_repaired(take, info.get("settings"))
    try:
        marker.unlink()
    except FileNotFoundError:
        pass
    return take


def repaired_path(take: str | Path) -> Path:
    """The hidden note :func:`recover_take` leaves beside a take it repaired (``.<take>.repaired``):
    how it ended and the settings its marker held, till the take is saved (:func:`forget_left_take`),
    so that ``recover`` says again how to save it (QA s50 QQ #4: said once, then gone)."""
    take = Path(take)
    return take.with_name(f".{take.name}{REPAIRED_SUFFIX}")


def _keep_repaired(take: Take, settings: Any) -> None:
    """Write ``take``'s :func:`repaired_path` note. Best effort: without it, only the repair's own
    report says how to save the take. None for a take with no speech: nothing in it to save."""
    if not take.speech_heard:
        return
    doc = {**take.to_dict(), "settings": settings if isinstance(settings, dict) else None}
    doc.pop("path")
    with contextlib.suppress(OSError, TypeError, ValueError):
        repaired_path(take.path).write_text(json.dumps(doc, ensure_ascii=False))


def repaired_before(path: str | Path) -> tuple[Take, dict[str, Any]] | None:
    """The take at ``path`` as :func:`recover_take` repaired it earlier, and the settings it was
    recorded with ({} when its marker held none), while it is not saved yet; None for a take
    never repaired, saved since, or whose note cannot be read."""
    path = Path(path)
    info = _read_marker(repaired_path(path))
    try:
        take = Take(path=path, duration_s=float(info["duration_s"]), rate=int(info["rate"]),
                    channels=int(info["channels"]), overflows=0,
                    stopped_by=info["stopped_by"] if info.get("stopped_by") in STOP_REASONS else "interrupt",
                    speech_heard=bool(info.get("speech_heard")))
    except (KeyError, TypeError, ValueError):
        return None
    return (take, info["settings"] if isinstance(info.get("settings"), dict) else {}) if path.is_file() else None


def repaired_in(directory: str | Path) -> list[Path]:
    """The takes in ``directory`` repaired earlier and not saved since (:func:`repaired_before`)."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    takes = (directory / marker.name[1:-len(REPAIRED_SUFFIX)]
             for marker in sorted(directory.glob(f".*{REPAIRED_SUFFIX}")))
    return [t for t in takes if repaired_before(t) is not None]
