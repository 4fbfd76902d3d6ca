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
prints both rows and their difference. Streaming is run twice: with each stretch heard once it
is finished (a worker that is busy whenever the person pauses), and heard ahead at each of its
pauses (after ``stream.AHEAD_NEW_S`` of speech not heard ahead yet), each hearing kept when
the person speaks on (a worker that is never busy, as on a fast machine): a take recorded for
real falls between the two. A fourth run, whole again but with
the first 50 ms of each file cut, measures Whisper's own variation: the same speech framed a little differently
moves the figures too, and the streaming difference is read against that. Analyses are cached
in ``bench/out/`` like the other benches (``--no-cache`` to redo them).

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


#: The yardstick: the batch analysis of the same audio with its first 50 ms cut (times put
#: back). Nothing is heard differently but the framing, so how far its figures move from the
#: batch ones is Whisper's own variation; the streaming path's difference is judged against it.
SHIFT_S = 0.05
MODES = ("batch", "streaming", "ahead", "shifted")
STREAMED = (("streaming", "streamed"), ("ahead", "streamed, heard ahead"))


def _all(run, args) -> dict:
    out = {}
    for mode in MODES:
        A.STREAMING, A.HEAR_AHEAD = mode in ("streaming", "ahead"), mode == "ahead"
        A.SHIFT_S = SHIFT_S if mode == "shifted" else 0.0
        out[mode] = run(args)
    A.STREAMING, A.HEAR_AHEAD, A.SHIFT_S = False, False, 0.0
    return out


def _line(name: str, batch: dict, stream: dict, shifted: dict) -> str:
    """``label batch/streaming (difference; the shifted batch's difference)``"""
    cells = []
    for key, label in ROWS:
        b, s, v = batch.get(key), stream.get(key), shifted.get(key)
        if b is None or s is None:
            cells.append(f"{label} -")
            continue
        own = f"; {v - b:+.2f}" if v is not None else ""
        cells.append(f"{label} {b:.2f}/{s:.2f} ({s - b:+.2f}{own})")
    return f"{name:<38} " + ", ".join(cells)


def _extra(key: str, b: dict, s: dict, v: dict) -> str:
    """The rest of a row: rate and length errors (synthetic), fillers found (real)."""
    if key == "corpus":
        return (f", rate error {b['rate_error_pct_mean']:.1f}%/{s['rate_error_pct_mean']:.1f}%"
                f" ({v['rate_error_pct_mean']:.1f}%), length error {b['answer_error_s_mean']:.2f}/"
                f"{s['answer_error_s_mean']:.2f} s")
    return (f", fillers found {b['filler_hit']}/{b['filler_found']} vs {s['filler_hit']}/{s['filler_found']}"
            f" ({v['filler_hit']}/{v['filler_found']}) of {b['filler_truth']}")


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
        runs = _all(A.run, cargs)
        result["corpus"] = {m: r["corpus"] for m, r in runs.items()}
    if not args.skip_real and R.REAL_DIR.is_dir():
        rargs = argparse.Namespace(lang=args.lang, model=args.model, no_cache=args.no_cache, no_plain=True)
        runs = _all(R.run, rargs)
        result["real"] = {m: {lang: s["ours"] for lang, s in r["summary"].items()} for m, r in runs.items()}
    result["bench_s"] = round(time.perf_counter() - t0, 1)
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "streaming.json").write_text(json.dumps(result, indent=1, ensure_ascii=False, default=str))
    if args.json_:
        print(json.dumps(result, ensure_ascii=False, default=str))
        return 0
    print(f"batch / streaming (streaming's difference; Whisper's own: the batch's with the first "
          f"{SHIFT_S * 1000:.0f} ms cut)")
    for lang in ("en", "ja"):
        for key, name in (("corpus", "synthetic"), ("real", "real-l2")):
            if key not in result or lang not in result[key]["batch"]:
                continue
            for mode, how in STREAMED:
                b, s, v = (result[key][m][lang] for m in ("batch", mode, "shifted"))
                n = b.get("answers", b.get("clips"))
                print(_line(f"{name} {lang} ({n}), {how}", b, s, v) + _extra(key, b, s, v))
    print(f"({result['bench_s']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
