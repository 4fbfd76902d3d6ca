#!/usr/bin/env python3
"""Does the streaming analysis measure the same as the batch one? The accuracy benchmarks, run both ways.

The report after a recorded take comes from :class:`furikaeri.stream.Listener`, which
transcribes each stretch of speech as soon as it is finished; ``analyze`` of a file (and the
benchmarks) read the whole take at once. Whisper sees less context per stretch, so the words
may differ a little; the figures a person acts on must not. This runs, on the same audio and
scored the same way:

* the synthetic corpus (``bench/accuracy.py``: exact truth for pauses, fillers, rate, length);
* the real, hand-timed monologues (``bench/real.py``: ``../shared/audio/real-l2``);

once whole (batch) and once fed in 0.1-s blocks as a recorder hands them over (streaming), and
prints both rows and their difference. Analyses are cached in ``bench/out/`` like the other
benches (``--no-cache`` to redo them).

Usage (from the repository root)::

    .venv/bin/python bench/streaming.py
    .venv/bin/python bench/streaming.py --lang ja --skip-corpus
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import accuracy as A  # noqa: E402
import real as R  # noqa: E402

ROWS = (("filler_recall", "filler R"), ("filler_precision", "filler P"), ("pause_recall", "pause R"),
        ("pause_precision", "pause P"))


def _both(run, args) -> dict:
    out = {}
    for mode in ("batch", "streaming"):
        A.STREAMING = mode == "streaming"
        out[mode] = run(args)
    A.STREAMING = False
    return out


def _line(name: str, batch: dict, stream: dict, extra: tuple = ()) -> str:
    cells = []
    for key, label in ROWS + extra:
        b, s = batch.get(key), stream.get(key)
        if b is None or s is None:
            cells.append(f"{label} -")
            continue
        cells.append(f"{label} {b:.2f}/{s:.2f} ({s - b:+.2f})")
    return f"{name:<22} " + ", ".join(cells)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("en", "ja"))
    ap.add_argument("--model", default="base")
    ap.add_argument("--skip-corpus", action="store_true")
    ap.add_argument("--skip-real", action="store_true")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--json", dest="json_", action="store_true")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    result: dict = {}
    if not args.skip_corpus:
        cargs = argparse.Namespace(lang=args.lang, limit=None, model=args.model, corpus=A.CORPUS_DIR,
                                   skip_real=True, no_cache=args.no_cache)
        both = _both(A.run, cargs)
        result["corpus"] = {m: r["corpus"] for m, r in both.items()}
    if not args.skip_real and R.REAL_DIR.is_dir():
        rargs = argparse.Namespace(lang=args.lang, model=args.model, no_cache=args.no_cache, no_plain=True)
        both = _both(R.run, rargs)
        result["real"] = {m: {lang: s["ours"] for lang, s in r["summary"].items()} for m, r in both.items()}
    result["bench_s"] = round(time.perf_counter() - t0, 1)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "streaming.json").write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str))
    if args.json_:
        print(json.dumps(result, ensure_ascii=False, default=str))
        return 0
    print("batch / streaming (difference)")
    for lang in ("en", "ja"):
        if "corpus" in result and lang in result["corpus"]["batch"]:
            b, s = result["corpus"]["batch"][lang], result["corpus"]["streaming"][lang]
            print(_line(f"synthetic {lang} ({b['answers']})", b, s)
                  + f", rate error {b['rate_error_pct_mean']:.1f}%/{s['rate_error_pct_mean']:.1f}%"
                  + f", length error {b['answer_error_s_mean']:.2f}/{s['answer_error_s_mean']:.2f} s")
        if "real" in result and lang in result["real"]["batch"]:
            b, s = result["real"]["batch"][lang], result["real"]["streaming"][lang]
            print(_line(f"real-l2 {lang} ({b['clips']})", b, s)
                  + f", fillers found {b['filler_hit']}/{b['filler_found']} vs {s['filler_hit']}/{s['filler_found']}"
                  + f" of {b['filler_truth']}")
    print(f"({result['bench_s']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
