#!/usr/bin/env python3
"""Would a small classifier over the fillers furikaeri finds raise precision on real speech?

The issue on real-speech fillers names "a small classifier on acoustic features trained only on
development speakers" as a lever. This measures it on ``../shared/audio/real-l2`` without
fitting and scoring on the same voice: every filler the analyser finds in a labelled span is
scored as ``bench/real.py`` scores it (a hit, a false alarm, or neutral on an ``either`` word,
left out), described by what a rule could see, and judged by a logistic regression trained on
the *other* speakers' fillers only (leave one speaker out). The figures printed are the hits
and false alarms kept, per language and pooled, before and after.

Features (one filler): its length; the share of its 10-ms frames with a pitch and the spread
and slope of that pitch (semitones; a steady hesitation against a word's contour); its level
against the speaker's median word level; the silence before and after it (to the nearest main
pass word, at most 2 s); Whisper's probability of the word at its start; and how it was found
(transcript, second listen, held sound).

Usage (from the repository root)::

    .venv/bin/python bench/filler_classifier.py             # both languages
    .venv/bin/python bench/filler_classifier.py --json

Analyses come from the same cache as ``bench/real.py`` (``bench/out/``, keyed by file, code
and model), so after a ``bench/real.py`` run this takes under a minute (pitch tracking).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import accuracy as A  # noqa: E402
import real as R  # noqa: E402

FEATURES = ("length_s", "voiced_share", "pitch_spread_st", "pitch_slope_st_per_s", "level_db",
            "silence_before_s", "silence_after_s", "word_probability", "from_transcript",
            "from_second_listen")
#: A filler is kept when the classifier gives it at least this chance of being right.
THRESHOLDS = (0.3, 0.5)


def filler_features(f: dict, words: list[dict], samples: np.ndarray, rate: int,
                    word_level_db: float) -> list[float]:
    """The :data:`FEATURES` of one found filler (dict as in the analysis JSON)."""
    import librosa

    s = f["start"]
    e = max(f["end"], s + 0.08)
    seg = np.asarray(samples[int(s * rate):int(e * rate)], dtype=np.float32)
    voiced, spread, slope = 0.0, 0.0, 0.0
    if len(seg) > 1100:
        f0, flags, _ = librosa.pyin(seg, fmin=70, fmax=400, sr=rate, frame_length=1024,
                                    hop_length=rate // 100)
        voiced = float(np.mean(flags))
        st = 12 * np.log2(f0[~np.isnan(f0)] / 100.0)
        if len(st) > 3:
            spread = float(np.std(st))
            slope = float(np.polyfit(np.arange(len(st)) * 0.01, st, 1)[0])
    level = 20 * np.log10(np.sqrt(np.mean(seg ** 2)) + 1e-9) - word_level_db if len(seg) else -60.0
    before = [w["end"] for w in words if w["end"] <= s + 0.02]
    after = [w["start"] for w in words if w["start"] >= f["end"] - 0.02 and abs(w["start"] - s) > 0.02]
    prob = [w.get("probability", 0.5) for w in words if abs(w["start"] - s) < 0.03]
    how = f.get("how_found", "transcript")
    return [e - s, voiced, spread, slope, float(level),
            min(s - max(before), 2.0) if before else 2.0, min(min(after) - f["end"], 2.0) if after else 2.0,
            prob[0] if prob else 0.5, float(how == "transcript"), float(how == "relisten")]


def median_word_level(words: list[dict], samples: np.ndarray, rate: int) -> float:
    levels = []
    for w in words:
        seg = samples[int(w["start"] * rate):int(w["end"] * rate)]
        if len(seg) > rate // 40:
            levels.append(20 * np.log10(np.sqrt(np.mean(np.square(seg, dtype=np.float64))) + 1e-9))
    return float(np.median(levels)) if levels else -30.0


def fit_logistic(X: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 3000, rate: float = 0.1):
    """A ridge-penalised logistic regression by gradient descent on standardised features;
    returns a function from feature rows to the chance of label 1."""
    mu, sd = X.mean(0), X.std(0) + 1e-9
    Z = (X - mu) / sd
    w, b = np.zeros(Z.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        w -= rate * (Z.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= rate * float(np.mean(p - y))
    return lambda Xn: 1 / (1 + np.exp(-(((np.asarray(Xn, float) - mu) / sd) @ w + b)))


def leave_one_speaker_out(X: np.ndarray, y: np.ndarray, speakers: list[str], threshold: float) -> np.ndarray:
    """For each speaker, train on every other speaker's rows and keep that speaker's rows
    the model gives at least ``threshold``; the kept mask over all rows."""
    keep = np.zeros(len(y), dtype=bool)
    spk = np.asarray(speakers)
    for s in sorted(set(speakers)):
        train, test = spk != s, spk == s
        if len(set(y[train].tolist())) < 2:  # nothing to learn from: keep all
            keep[test] = True
            continue
        keep[test] = fit_logistic(X[train], y[train])(X[test]) >= threshold
    return keep


def collect(model: str, no_cache: bool) -> list[dict]:
    """Every scored filler (hit or false) found in the labelled spans, with its features."""
    from furikaeri.audio import load_audio

    version = A.code_version(model)
    rows = []
    for audio, truth in R.clips(None):
        d = A.run_analysis(audio, language=truth["language"], budget=None, model=model, version=version,
                           use_cache=not no_cache)
        if "error" in d:
            print(f"{audio.name}: ERROR {d['error']}", file=sys.stderr)
            continue
        fillers = [f for f in d.get("fillers", []) if f.get("kind") != "repetition"]
        scored = R.score_clip(truth, fillers, d.get("pauses", []))
        label = {id(f): 1 for f in scored["hits"]} | {id(f): 0 for f in scored["false"]}
        sound = load_audio(audio)
        words = d.get("words", [])
        level = median_word_level(words, sound.samples, sound.rate)
        for f in fillers:
            if id(f) in label:
                rows.append({"file": audio.stem, "speaker": R.speaker_of(audio.name),
                             "language": truth["language"], "text": f.get("text", ""),
                             "start": f["start"], "right": label[id(f)],
                             "x": filler_features(f, words, sound.samples, sound.rate, level)})
        print(f"  {audio.name}", file=sys.stderr, flush=True)
    return rows


def evaluate(rows: list[dict]) -> dict:
    out: dict = {}
    for lang in ("en", "ja", "all"):
        sel = [r for r in rows if lang == "all" or r["language"] == lang]
        if not sel:
            continue
        X = np.array([r["x"] for r in sel], float)
        y = np.array([r["right"] for r in sel])
        spk = [r["speaker"] for r in sel]
        res = {"hits": int(y.sum()), "false": int((1 - y).sum()), "kept": {}}
        for t in THRESHOLDS:
            k = leave_one_speaker_out(X, y, spk, t)
            res["kept"][str(t)] = {"hits": int((k & (y == 1)).sum()), "false": int((k & (y == 0)).sum())}
        out[lang] = res
    return out


def _p(h: int, f: int) -> str:
    return f"{h / (h + f):.2f}" if h + f else "-"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default="base")
    ap.add_argument("--no-cache", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = evaluate(collect(args.model, args.no_cache))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print("Fillers found on real speech, kept by a classifier trained on the other speakers")
    head = "".join(f"{'kept at ' + str(t) + ': hits/false (P)':30}" for t in THRESHOLDS)
    print(f"  {'lang':5}{'before: hits/false (P)':26}{head}")
    for lang, r in result.items():
        before = "%d/%d (%s)" % (r["hits"], r["false"], _p(r["hits"], r["false"]))
        line = f"  {lang:5}{before:26}"
        for t in map(str, THRESHOLDS):
            k = r["kept"][t]
            kept = "%d/%d (%s)" % (k["hits"], k["false"], _p(k["hits"], k["false"]))
            line += f"{kept:30}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
