#!/usr/bin/env python3
"""Speed: `analyze` against a bare faster-whisper transcription, and `furikaeri --help` start-up.

Both transcriptions use the same file and model in the same process, after one warm-up run of
each (so model loading and imports are not counted twice); both detect the language (bare:
faster-whisper's own detection; ours: the likelier of English and Japanese). Prints a table.

    .venv/bin/python bench/speed.py [FILE ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FILES = [
    REPO / "samples" / "en_weakness_over_budget.flac",
    REPO / "samples" / "ja_gakuchika_over_budget.flac",
    REPO.parent / "shared" / "audio" / "en" / "apollo11.mp3",
]


def bare(path: str, model_path: str, language: str | None):
    from faster_whisper import WhisperModel  # noqa: F401
    from furikaeri.transcribe import load_model

    model = load_model(model_path)
    segments, info = model.transcribe(path, language=language, word_timestamps=True, beam_size=5)
    return sum(len(s.words or ()) for s in segments)


def ours(path: str):
    from furikaeri.analysis import analyze_file

    return analyze_file(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    files = [f for f in (args.files or DEFAULT_FILES) if f.exists()]

    from furikaeri import models

    info = models.resolve("base", models.default_models_dir())
    print(f"model: base ({info.path})")
    print(f"{'file':40} {'audio s':>8} {'bare s':>8} {'analyze s':>10} {'overhead':>9}")
    for f in files:
        a = ours(str(f))  # warm-up: imports, model, VAD, tagger
        lang = None  # both detect the language (ours: auto, the likelier of en/ja)
        bare(str(f), info.path, lang)
        tb, ta = [], []
        for _ in range(args.repeat):
            t = time.perf_counter()
            bare(str(f), info.path, lang)
            tb.append(time.perf_counter() - t)
            t = time.perf_counter()
            ours(str(f))
            ta.append(time.perf_counter() - t)
        b, o = statistics.median(tb), statistics.median(ta)
        print(f"{f.name:40} {a.duration_s:8.1f} {b:8.2f} {o:10.2f} {100 * (o - b) / b:8.0f}%")

    exe = REPO / ".venv" / "bin" / "furikaeri"
    times = []
    for _ in range(7):
        t = time.perf_counter()
        subprocess.run([str(exe), "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    print(f"furikaeri --help: median {statistics.median(times) * 1000:.0f} ms over 7 runs")


if __name__ == "__main__":
    sys.exit(main())
