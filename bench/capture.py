#!/usr/bin/env python3
"""What recording costs and what a crash loses: the figures behind ``furikaeri record``.

Runs against a private PulseAudio "microphone" (``tests/pulse.py``), fed by real speech
(``../shared/audio/en/apollo11.mp3`` on a loop, or a tone if that is absent), so it needs no
sound card and measures the real PortAudio path.

1. **Long take** (``--seconds``, default 600): one recorder process runs
   a :class:`furikaeri.capture.Recorder` with the live panel of ``furikaeri record`` drawing on a
   terminal-like console (written to /dev/null), at the panel's real redraw rate. Reported: the
   recorder's CPU use during the take (user + system time / wall time, % of one core), PortAudio
   input overflows, the take's length against the wall-clock time, and the file's size. With
   ``--consumer`` the recorder also hands every block to a consumer (``Recorder(consumer=...)``)
   that turns it into mono float32, as a live transcriber would first do: the hook's cost.
2. **SIGKILL** (``--kills``, default 10): a recorder prints the seconds of audio it has written
   (``on_progress``, ten times a second) and is killed with SIGKILL at a random moment 1.5-4 s
   in; :func:`furikaeri.capture.recover_take` repairs the take. *Lost* = the audio the recorder
   would have had on disk at the moment of the kill (last reported position + time since that
   report) minus what was recovered. Sound still inside PortAudio/the sound server when the
   process dies (the input latency, also reported) is lost on top of that.

Usage (from the repository root)::

    .venv/bin/python bench/capture.py                  # 10-minute take + 10 kills
    .venv/bin/python bench/capture.py --seconds 60 --kills 5
    .venv/bin/python bench/capture.py --seconds 60 --kills 0 --consumer
    .venv/bin/python bench/capture.py --json           # one JSON document on stdout

Results are also written to ``bench/out/capture.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "audio"
sys.path.insert(0, str(ROOT / "tests"))

from pulse import PulseServer, missing_tools  # noqa: E402

LONG_TAKE_CHILD = r"""
import json, resource, sys, time
import numpy, sounddevice  # imported before the clock starts: one-time costs are not the take's
from furikaeri.capture import Recorder, resolve_device
from furikaeri.cli.live import LivePanel
from rich.console import Console

out, seconds, with_consumer = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "1"
console = Console(file=open("/dev/null", "w"), force_terminal=True, width=100, color_system="truecolor")
panel = LivePanel(console, question="Tell me about a time you failed.", budget=120.0,
                  device_name=resolve_device(None).name)
calls = [0]
def on_progress(elapsed, level):
    calls[0] += 1
    panel.update(elapsed, level)
consumed = [0]
def consumer(block):
    consumed[0] += len(block.mono())
r0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
rec = Recorder(out, max_seconds=seconds, on_progress=on_progress, consumer=consumer if with_consumer else None)
with panel:
    take = rec.record()
r1, t1 = resource.getrusage(resource.RUSAGE_SELF), time.monotonic()
backlog = rec.feed.backlog if rec.feed else None
if rec.feed:
    rec.feed.join(30)
cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
print(json.dumps({"take": take.to_dict(), "wall_s": t1 - t0, "cpu_s": cpu, "progress_calls": calls[0],
                  "max_rss_mb": r1.ru_maxrss / 1024, "consumer_backlog_at_end": backlog,
                  "consumer_samples": consumed[0] if with_consumer else None}))
"""

KILL_CHILD = r"""
import sys
from furikaeri.capture import Recorder
def on_progress(elapsed, level):
    sys.stdout.write(f"{elapsed:.6f}\n"); sys.stdout.flush()
Recorder(sys.argv[1], max_seconds=60, on_progress=on_progress).record()
"""

LATENCY_CHILD = r"""
import json, sounddevice as sd
from furikaeri.capture import resolve_device, _open_settings
dev = resolve_device(None)
rate, ch = _open_settings(sd, dev)
with sd.RawInputStream(device=dev.index, samplerate=rate, channels=ch, dtype="int16", callback=lambda *a: None) as s:
    print(json.dumps({"device": dev.name, "rate": rate, "channels": ch, "input_latency_s": s.latency}))
"""


class Looper:
    """Plays a file into the fake microphone over and over, until stopped."""

    def __init__(self, pulse: PulseServer, path: Path):
        self.pulse, self.path = pulse, path
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            p = self.pulse.play(self.path)
            while p.poll() is None and not self._stop.is_set():
                time.sleep(0.1)
            if p.poll() is None:
                p.kill()
                p.wait()

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(5)


def speech_source(tmp: Path) -> Path:
    src = SHARED / "en" / "apollo11.mp3"
    if src.exists():
        import soundfile as sf

        from furikaeri.audio import load_audio

        wav = tmp / "apollo11.wav"
        a = load_audio(src)
        sf.write(str(wav), a.samples, a.rate, subtype="PCM_16")
        return wav
    import numpy as np
    import soundfile as sf

    wav = tmp / "tone.wav"
    t = np.arange(16000 * 10) / 16000
    sf.write(str(wav), 0.2 * np.sin(2 * np.pi * 220 * t), 16000, subtype="PCM_16")
    return wav


def python_cmd(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", code, *args]


def long_take(pulse: PulseServer, tmp: Path, seconds: float, consumer: bool = False) -> dict:
    out = tmp / "long.wav"
    r = subprocess.run(python_cmd(LONG_TAKE_CHILD, str(out), str(seconds), "1" if consumer else "0"), env=pulse.env,
                       capture_output=True, text=True, timeout=seconds + 120)
    if r.returncode != 0:
        raise SystemExit(f"long take failed (exit {r.returncode}): {r.stderr}")
    d = json.loads(r.stdout.strip().splitlines()[-1])
    take = d["take"]
    return {
        "seconds_requested": seconds,
        "take_s": take["duration_s"],
        "wall_s": round(d["wall_s"], 2),
        "cpu_s": round(d["cpu_s"], 2),
        "cpu_percent_of_one_core": round(100 * d["cpu_s"] / d["wall_s"], 2),
        "overflows": take["overflows"],
        "rate": take["rate"],
        "channels": take["channels"],
        "stopped_by": take["stopped_by"],
        "file_mb": round(out.stat().st_size / 1e6, 1),
        "progress_calls_per_s": round(d["progress_calls"] / d["wall_s"], 1),
        "max_rss_mb": round(d["max_rss_mb"], 1),
        "consumer": consumer,
        "consumer_backlog_at_end": d["consumer_backlog_at_end"],
        "consumer_got_every_sample": (None if not consumer
                                      else d["consumer_samples"] == (out.stat().st_size - 44) // (2 * take["channels"])),
    }


def one_kill(pulse: PulseServer, tmp: Path, n: int, rng: random.Random) -> dict:
    from furikaeri.capture import marker_path, recover_take

    out = tmp / f"kill{n}.wav"
    p = subprocess.Popen(python_cmd(KILL_CHILD, str(out)), env=pulse.env, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    reports: list[tuple[float, float]] = []

    def read():
        for line in p.stdout:
            reports.append((time.monotonic(), float(line)))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + 15
    while not any(e > 0 for _, e in reports):
        if time.monotonic() > deadline or p.poll() is not None:
            raise SystemExit(f"recorder did not start: {p.stderr.read()}")
        time.sleep(0.01)
    time.sleep(rng.uniform(1.5, 4.0))
    t_kill = time.monotonic()
    p.send_signal(signal.SIGKILL)
    p.wait()
    reader.join(5)
    t_last, e_last = [r for r in reports if r[0] <= t_kill][-1]
    expected = e_last + (t_kill - t_last)
    had_marker = marker_path(out).exists()
    take = recover_take(out)
    return {"killed_at_s": round(expected, 3), "recovered_s": take.duration_s,
            "lost_s": round(expected - take.duration_s, 3), "marker_was_left": had_marker}


def kills(pulse: PulseServer, tmp: Path, count: int) -> dict:
    rng = random.Random(4)
    trials = [one_kill(pulse, tmp, n, rng) for n in range(count)]
    lost = sorted(t["lost_s"] for t in trials)
    lat = subprocess.run(python_cmd(LATENCY_CHILD), env=pulse.env, capture_output=True, text=True, timeout=30)
    latency = json.loads(lat.stdout) if lat.returncode == 0 else {}
    return {
        "trials": trials,
        "lost_s_median": lost[len(lost) // 2],
        "lost_s_max": lost[-1],
        "lost_s_min": lost[0],
        "input_latency_s": latency.get("input_latency_s"),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=600.0, help="length of the long take (default 600)")
    ap.add_argument("--kills", type=int, default=10, help="SIGKILL trials (default 10)")
    ap.add_argument("--consumer", action="store_true",
                    help="attach a block consumer to the long take (what the hook costs)")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    args = ap.parse_args(argv)
    if missing_tools():
        raise SystemExit(f"needs PulseAudio's tools: {', '.join(missing_tools())}")
    result: dict = {"machine": {"cpus": os.cpu_count(), "load_avg_at_start": os.getloadavg()}}
    with tempfile.TemporaryDirectory(prefix="furikaeri-bench-") as d:
        tmp = Path(d)
        with PulseServer(tmp / "pulse") as pulse, Looper(pulse, speech_source(tmp)):
            if args.seconds > 0:
                result["long_take"] = long_take(pulse, tmp, args.seconds, consumer=args.consumer)
            if args.kills > 0:
                result["sigkill"] = kills(pulse, tmp, args.kills)
    result["machine"]["load_avg_at_end"] = os.getloadavg()
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "capture.json").write_text(json.dumps(result, indent=2))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    if "long_take" in result:
        lt = result["long_take"]
        print(f"long take: {lt['take_s']:.1f} s recorded in {lt['wall_s']:.1f} s wall, "
              f"CPU {lt['cpu_percent_of_one_core']:.2f}% of one core, {lt['overflows']} input overflows, "
              f"{lt['rate']} Hz x {lt['channels']} ch, {lt['file_mb']} MB, "
              f"meter updates {lt['progress_calls_per_s']}/s")
        if lt["consumer"]:
            print(f"  with a block consumer: {lt['consumer_backlog_at_end']} blocks behind at the end, "
                  f"every sample handed over: {lt['consumer_got_every_sample']}")
    if "sigkill" in result:
        k = result["sigkill"]
        print(f"SIGKILL ({len(k['trials'])} kills): lost median {k['lost_s_median'] * 1000:.0f} ms, "
              f"max {k['lost_s_max'] * 1000:.0f} ms (plus the input latency in flight: "
              f"{(k['input_latency_s'] or 0) * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
