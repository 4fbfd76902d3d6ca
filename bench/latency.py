#!/usr/bin/env python3
"""How long the person waits for the report after a take: streaming against batch.

Real answers (``../shared/audio/real-l2``, English and Japanese, put together into answers of
about 30 s, 2 min and 5 min) are played at real-time pace into a private PulseAudio
"microphone" (``tests/pulse.py``: a null sink and its monitor, as the microphone tests use).
For each answer one recorder process:

1. records it through the real capture path (:class:`furikaeri.capture.Recorder`, PortAudio),
   handing every block to a :class:`furikaeri.stream.Listener` (the streaming analysis);
2. ends the take :data:`END_AFTER_S` after the answer's last word (the person presses Enter;
   answers end at a hand-timed pause, the end of a phrase), and times **streaming**: end of
   take -> the full :class:`~furikaeri.analysis.Analysis`;
3. times **batch** on the same saved take (:func:`furikaeri.analysis.analyze_file`, the model
   already loaded, which favours batch);
4. reports the CPU the process used while recording (user + system / wall, in cores), and how
   the two analyses differ (words, fillers, pauses, rate).

``--direct`` feeds the file to the listener at real-time pace in-process instead (no
PulseAudio; for machines without it). ``--long-file MINUTES`` also measures
``furikaeri analyze`` of a long recording (answers repeated to that length) streamed from disk:
wall time and peak memory (max RSS) of a fresh process.

Usage (from the repository root)::

    .venv/bin/python bench/latency.py                    # 30 s, 2 min, 5 min; en and ja
    .venv/bin/python bench/latency.py --lengths 30,120 --languages en
    .venv/bin/python bench/latency.py --lengths 0 --long-file 60
    .venv/bin/python bench/latency.py --json

Results are also written to ``bench/out/latency.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "audio"
REAL = SHARED / "real-l2"
sys.path.insert(0, str(ROOT / "tests"))

RATE = 16000
#: The take ends this long (s) after the answer's last word: the person presses Enter.
END_AFTER_S = 1.0

CHILD = r"""
import json, resource, subprocess, sys, threading, time
import numpy as np
mode, src, out, language, budget = sys.argv[1:6]
END_AFTER_S = float(sys.argv[6])
from furikaeri.stream import Listener
from furikaeri.transcribe import load_model
from furikaeri.models import resolve, default_models_dir
load_model(resolve(None, default_models_dir()).path)  # as a session would have it loaded already

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

listener = Listener(language=language, budget=float(budget), source=out)
t0, c0 = time.monotonic(), cpu()
if mode == "pulse":
    from furikaeri.capture import Recorder, resolve_device
    stop = threading.Event()
    rec = Recorder(out, device=resolve_device(None), stop_event=stop, consumer=listener.take_block)
    holder = {}
    th = threading.Thread(target=lambda: holder.setdefault("take", rec.record()))
    th.start()
    time.sleep(0.3)
    subprocess.run(["paplay", "-d", "feed", src], check=True)
    time.sleep(END_AFTER_S)  # the person presses Enter a moment after their last word
    t_end, c_end = time.monotonic(), cpu()
    stop.set()
    th.join()
else:
    import soundfile as sf
    x, rate = sf.read(src, dtype="float32")
    step = rate // 10
    x = np.concatenate([x, np.zeros(int(END_AFTER_S * rate), np.float32)])
    for i in range(0, len(x), step):
        listener.feed(x[i:i + step])
        time.sleep(max(0.0, t0 + (i + step) / rate - time.monotonic()))
    t_end, c_end = time.monotonic(), cpu()
    sf.write(out, x, rate)
behind = listener.behind_s
a = listener.finish()
t_stream = time.monotonic() - t_end
from furikaeri.analysis import analyze_file
t1 = time.monotonic()
b = analyze_file(out, language=language, budget=float(budget))
t_batch = time.monotonic() - t1
print(json.dumps({"take_s": t_end - t0, "cpu_cores_recording": (c_end - c0) / (t_end - t0),
                  "behind_s_at_end": behind, "stream_s": t_stream, "batch_s": t_batch,
                  "stream": a.to_dict(), "batch": b.to_dict()}))
"""

LONG_CHILD = r"""
import json, resource, sys, time
from furikaeri.stream import analyze_long_file
t = time.monotonic()
a = analyze_long_file(sys.argv[1], language=sys.argv[2])
print(json.dumps({"wall_s": time.monotonic() - t,
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "duration_s": a.duration_s, "words": len(a.words), "fillers": a.stats.filler_count}))
"""


def _clips(language: str) -> list[Path]:
    return sorted(REAL.glob(f"{language}_*.flac"))


def _labelled_pauses(clip: Path) -> list[tuple[float, float]]:
    """The hand-timed pauses of a real-l2 clip (its .json), ending ones inside its speech."""
    d = json.loads(clip.with_suffix(".json").read_text(encoding="utf-8"))
    return [(p["start"], p["end"]) for p in d.get("pauses", ()) if p["end"] - p["start"] >= 0.5]


def make_answer(language: str, seconds: float, folder: Path) -> Path:
    """About ``seconds`` of one language's real speech, ending as a person ends an answer: the
    clips' speech one after another (0.8 s apart), cut at the start of a hand-timed pause
    (the end of a phrase) near ``seconds``; then silence until the take ends."""
    import soundfile as sf

    from furikaeri.audio import load_audio

    parts, total, pauses = [], 0.0, []
    gap = np.zeros(int(0.8 * RATE), np.float32)
    clips = _clips(language)
    k = 0
    while total < seconds + 20:
        clip = clips[k % len(clips)]
        d = json.loads(clip.with_suffix(".json").read_text(encoding="utf-8"))
        x = load_audio(clip).samples[int(d["speech_start"] * RATE): int(d["speech_end"] * RATE)]
        pauses += [(total + a - d["speech_start"], total + b - d["speech_start"])
                   for a, b in _labelled_pauses(clip) if d["speech_start"] < a < d["speech_end"]]
        parts += [x, gap]
        total += len(x) / RATE + 0.8
        k += 1
    x = np.concatenate(parts)
    cut = min((a for a, _ in pauses), key=lambda a: abs(a - seconds))
    path = folder / f"{language}_{int(seconds)}s.wav"
    sf.write(str(path), x[: int(cut * RATE)], RATE, subtype="PCM_16")
    return path


def _summary(d: dict) -> dict:
    rate_key = "chars_per_min" if "chars_per_min" in d["rate"] else "wpm"
    return {"words": len(d["words"]), "fillers": d["stats"]["filler_count"], "pauses": len(d["pauses"]),
            "rate": d["rate"][rate_key], "answer_s": d["answer_s"],
            "pitch_spread_st": (d.get("voice") or {}).get("pitch_spread_st")}


def _word_agreement(a: dict, b: dict) -> float:
    """Share of words the two analyses agree on (a word-level diff of the transcripts)."""
    import difflib

    x = [w["text"].strip(" ,.、。?!").lower() for w in a["words"]]
    y = [w["text"].strip(" ,.、。?!").lower() for w in b["words"]]
    if not x and not y:
        return 1.0
    m = difflib.SequenceMatcher(a=x, b=y, autojunk=False)
    return 2 * sum(blk.size for blk in m.get_matching_blocks()) / (len(x) + len(y))


def run_one(path: Path, language: str, *, mode: str, server=None) -> dict:
    budget = 120.0 if language == "en" else 60.0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "take.wav"
        env = server.env if server is not None else os.environ.copy()
        src = str(path)
        if server is not None:
            from pulse import to_pcm16_wav

            src = str(to_pcm16_wav(path, Path(tmp) / "play.wav"))
        r = subprocess.run([sys.executable, "-c", CHILD, mode, src, str(out), language, str(budget), str(END_AFTER_S)],
                           env=env, capture_output=True, text=True, timeout=3600)
        if r.returncode != 0:
            raise RuntimeError(r.stderr[-2000:])
        d = json.loads(r.stdout.strip().splitlines()[-1])
    s, b = d.pop("stream"), d.pop("batch")
    d["stream_summary"], d["batch_summary"] = _summary(s), _summary(b)
    d["word_agreement"] = round(_word_agreement(s, b), 3)
    return d


def long_file(minutes: float, language: str, folder: Path) -> dict:
    path = make_answer(language, minutes * 60, folder)
    r = subprocess.run([sys.executable, "-c", LONG_CHILD, str(path), language], capture_output=True, text=True,
                       timeout=4 * 3600)
    if r.returncode != 0:
        raise RuntimeError(r.stderr[-2000:])
    return {"minutes": minutes, "language": language, **json.loads(r.stdout.strip().splitlines()[-1])}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lengths", default="30,120,300", help="answer lengths in seconds (0: none)")
    ap.add_argument("--languages", default="en,ja")
    ap.add_argument("--direct", action="store_true", help="feed the listener in-process (no PulseAudio)")
    ap.add_argument("--long-file", type=float, default=0, metavar="MINUTES",
                    help="also analyse a recording this long streamed from disk")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    lengths = [float(x) for x in args.lengths.split(",") if float(x) > 0]
    languages = args.languages.split(",")
    results = {"takes": [], "long_file": None, "mode": "direct" if args.direct else "pulse",
               "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        server = None
        if lengths and not args.direct:
            from pulse import PulseServer, missing_tools

            if missing_tools():
                print(f"PulseAudio tools missing ({', '.join(missing_tools())}): use --direct", file=sys.stderr)
                return 2
            server = PulseServer().start()
        try:
            for language in languages:
                for seconds in lengths:
                    path = make_answer(language, seconds, folder)
                    d = run_one(path, language, mode="direct" if args.direct else "pulse", server=server)
                    d.update(language=language, seconds=seconds)
                    results["takes"].append(d)
                    if not args.json:
                        _print_take(d)
        finally:
            if server is not None:
                server.stop()
        if args.long_file:
            results["long_file"] = long_file(args.long_file, languages[0], folder)
            if not args.json:
                lf = results["long_file"]
                print(f"analyze of a {lf['minutes']:.0f}-min {lf['language']} file, streamed from disk: "
                      f"{lf['wall_s']:.0f} s, peak memory {lf['max_rss_mb']:.0f} MB "
                      f"({lf['words']} words, {lf['fillers']} fillers)")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latency.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    return 0


def _print_take(d: dict) -> None:
    s, b = d["stream_summary"], d["batch_summary"]
    print(f"{d['language']} {d['take_s']:5.0f} s take: report {d['stream_s']:.2f} s after the end streaming, "
          f"{d['batch_s']:.2f} s batch; CPU while recording {d['cpu_cores_recording']:.2f} cores; "
          f"speech left to hear at the end {d['behind_s_at_end']:.1f} s (the stretch in hand included)")
    print(f"   stream vs batch: words {s['words']}/{b['words']} (agree {d['word_agreement']:.0%}), "
          f"fillers {s['fillers']}/{b['fillers']}, pauses {s['pauses']}/{b['pauses']}, "
          f"rate {s['rate']}/{b['rate']}, answer {s['answer_s']}/{b['answer_s']} s, "
          f"pitch spread {s['pitch_spread_st']}/{b['pitch_spread_st']} st", flush=True)


if __name__ == "__main__":
    sys.exit(main())
