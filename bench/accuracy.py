#!/usr/bin/env python3
"""How accurate are furikaeri's measurements? Runs the analyser on the labelled corpus and on
the real recordings in ``../shared/audio`` and prints, per language:

* pause recall and precision (truth pauses >= 0.5 s, matched by overlap) and the median error of
  the pause edges;
* filler recall and precision (matched by time overlap, with a small tolerance), by kind and by
  how the analyser found them, and false fillers on words used literally ("I like", その本);
* rate error (English wpm, Japanese morae/s) as % of the truth; answer-span and latency errors;
* words found in silence and noise (should be zero);
* real Japanese clips: morae/s against the reference text's morae over the measured span;
* ``en/apollo11.mp3``: fillers by how they were found (transcript, relisten or acoustic).

Usage (from the repository root)::

    .venv/bin/python bench/accuracy.py                 # everything
    .venv/bin/python bench/accuracy.py --lang ja --limit 3
    .venv/bin/python bench/accuracy.py --json > out.json
    .venv/bin/python bench/accuracy.py --update-readme  # rewrite README's accuracy block

Analyses are cached in ``bench/out/`` keyed by the file's hash, the model and a hash of the
package's source, so a re-run after no code change is quick (``--no-cache`` to redo them). The
corpus is generated first if ``bench/corpus/`` is missing (``bench/corpus.py``).

The scoring functions at the top are pure and unit-tested (``tests/test_corpus.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS_DIR = HERE / "corpus"
OUT_DIR = HERE / "out"
SHARED_AUDIO = REPO.parent / "shared" / "audio"
README = REPO / "README.md"
BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"

PAUSE_MIN_S = 0.5
FILLER_TOLERANCE_S = 0.25

TARGETS = {
    "pause_recall": 0.95, "pause_precision": 0.95, "pause_boundary_median_s": 0.08,
    "filler_recall": 0.95, "filler_precision": 0.90, "rate_error_pct": 5.0, "answer_error_s": 0.3,
    "real_ja_rate_error_pct": 10.0,
}

#: reference texts of the real Japanese clips (../shared/audio/README.md)
JA_REFERENCES = {
    "common_voice_ja_38833628_16k.wav":
        "「やっぱりお化けや幽霊じゃないんだ。ああして歩いているところをみると、人間にちがいない」",
    "common_voice_ja_38843402_16k.wav":
        "「こりゃきっと仲間によくないことがあったにちがいない。」と小悪魔は考えました。",
    "common_voice_ja_38852485_16k.wav":
        "すると、ブランコ乗りは突然泣き始めた。すっかり驚いた興行主は飛び上がり、いったいどうしたのか、とたずねた。",
    "common_voice_ja_38853932_16k.wav":
        "王もこのやり方は喜んでいません。それにもう一つ、これには困ることがあるのです。",
    "common_voice_ja_38864552_16k.wav":
        "ヘンゼルは屋根が、とてもおいしかったので、大きなやつを、一枚、そっくりめくってもって来ました。",
}
JFK_REFERENCE = ("And so my fellow Americans, ask not what your country can do for you, ask what "
                 "you can do for your country.")


# =============================================================================================
# Pure scoring
# =============================================================================================
def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    """Length of the intersection of [a0, a1] and [b0, b1] (0 when they do not meet)."""
    return max(0.0, min(a1, b1) - max(a0, b0))


def match_intervals(truth: list[dict], found: list[dict], *, tolerance: float = 0.0
                    ) -> list[tuple[int, int]]:
    """One-to-one matching of two lists of ``{start, end}``: pairs (truth index, found index).

    A pair qualifies when the found interval meets the truth interval widened by ``tolerance``
    seconds on each side. The matching has the most pairs possible, and among those the largest
    total overlap (an assignment problem; ``scipy.optimize.linear_sum_assignment``).
    """
    if not truth or not found:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    big = 1000.0
    w = np.zeros((len(truth), len(found)))
    for i, t in enumerate(truth):
        t0, t1 = t["start"] - tolerance, t["end"] + tolerance
        for j, f in enumerate(found):
            ov = overlap(t0, t1, f["start"], f["end"])
            if ov > 0 or (f["start"] == f["end"] and t0 <= f["start"] <= t1):
                w[i, j] = big + min(ov, big / 2)
    rows, cols = linear_sum_assignment(w, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols) if w[i, j] > 0)


def _dur(p: dict) -> float:
    return p["end"] - p["start"]


def score_pauses(truth: list[dict], found: list[dict], *, min_s: float = PAUSE_MIN_S) -> dict:
    """Pause recall, precision and edge errors for one answer.

    * recall: truth pauses >= ``min_s`` matched (by overlap, one-to-one) to a found pause of any
      length (a 0.52 s pause found as 0.47 s is found, with edge errors);
    * precision: found pauses >= ``min_s`` matched to any truth silence (inserted or the
      synthesiser's own, any length);
    * edge errors: |start difference| and |end difference| of each recall pair, pooled;
    * length errors: found length minus true length of each recall pair (a pause whose soft
      edges were lost reads long: +).
    """
    t_long = [p for p in truth if _dur(p) >= min_s]
    f_long = [p for p in found if _dur(p) >= min_s]
    rec_pairs = match_intervals(t_long, found)
    prec_pairs = match_intervals(truth, f_long)
    errors = []
    place_ok = place_n = 0
    confusion: dict[str, int] = {}
    lengths = []
    for i, j in rec_pairs:
        lengths.append(_dur(found[j]) - _dur(t_long[i]))
        errors.append(abs(t_long[i]["start"] - found[j]["start"]))
        errors.append(abs(t_long[i]["end"] - found[j]["end"]))
        if "place" in t_long[i] and "place" in found[j]:
            place_n += 1
            place_ok += t_long[i]["place"] == found[j]["place"]
            key = f"{t_long[i]['place']}->{found[j]['place']}"
            confusion[key] = confusion.get(key, 0) + 1
    hit_t = {i for i, _ in rec_pairs}
    hit_f = {j for _, j in prec_pairs}
    return {
        "truth": len(t_long), "found": len(f_long),
        "truth_hit": len(hit_t), "found_hit": len(hit_f),
        "edge_errors": errors, "length_errors": lengths, "place_ok": place_ok, "place_n": place_n, "place_confusion": confusion,
        "missed": [t_long[i] for i in range(len(t_long)) if i not in hit_t],
        "false": [f_long[j] for j in range(len(f_long)) if j not in hit_f],
    }


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum() or ch in " ー")


def score_fillers(truth: list[dict], found: list[dict], *, literal: Iterable[dict] = (),
                  tolerance: float = FILLER_TOLERANCE_S) -> dict:
    """Filler recall and precision for one answer, matched by time overlap (truth widened by
    ``tolerance``), one-to-one. Text is not compared: Whisper may write "um" as "Um," or "えー"
    as "えーと", and an acoustic filler has no text of its own.

    Breakdowns: hits per truth ``kind``, found/hit per ``how_found``; false fillers that fall on
    a literal use of the same word (``literal``: ``{text, start, end}`` of the phrase) are counted
    as ``false_literal``.
    """
    pairs = match_intervals(truth, found, tolerance=tolerance)
    hit_t = {i for i, _ in pairs}
    hit_f = {j for _, j in pairs}
    by_kind: dict[str, list[int]] = {}
    for i, t in enumerate(truth):
        k = by_kind.setdefault(t.get("kind", "hesitation"), [0, 0])
        k[0] += 1
        k[1] += i in hit_t
    by_how: dict[str, list[int]] = {}
    for j, f in enumerate(found):
        k = by_how.setdefault(f.get("how_found", "transcript"), [0, 0])
        k[0] += 1
        k[1] += j in hit_f
    false = [found[j] for j in range(len(found)) if j not in hit_f]
    literal = list(literal)
    false_literal = []
    for f in false:
        ft = _norm(f.get("text", ""))
        for lit in literal:
            if overlap(lit["start"], lit["end"], f["start"], f["end"]) > 0 and ft and (
                    _norm(lit["text"]) in ft or ft in _norm(lit["text"])):
                false_literal.append({**f, "phrase": lit.get("phrase", "")})
                break
    return {
        "truth": len(truth), "found": len(found), "hit": len(pairs),
        "by_kind": by_kind, "by_how": by_how,
        "missed": [truth[i] for i in range(len(truth)) if i not in hit_t],
        "false": false, "false_literal": false_literal,
    }


def context_of(start: float, end: float, segments: list[dict]) -> str:
    """What the truth has under [start, end]: the phrases it overlaps, or ``silence``."""
    hits = [s for s in segments if overlap(start, end, s["start"], s["end"]) > 0]
    if not hits:
        return "silence"
    return " / ".join(("filler " if s["type"] == "filler" else "") + repr(s["text"][:40])
                      for s in hits)


def rate_of(analysis: dict, language: str) -> float | None:
    rate = analysis.get("rate") or {}
    return rate.get("wpm") if language == "en" else rate.get("morae_per_s")


def pct_error(measured: float | None, truth: float | None) -> float | None:
    if measured is None or not truth:
        return None
    return (measured - truth) / truth * 100.0


def score_answer(truth: dict, analysis: dict) -> dict:
    """All figures for one corpus answer."""
    lang = truth["language"]
    key = "wpm" if lang == "en" else "morae_per_s"
    pauses = score_pauses(truth["pauses"], analysis.get("pauses", []))
    # Repeated words (truth kind ``repetition``) are their own figure, not fillers.
    fillers = score_fillers([f for f in truth["fillers"] if f.get("kind") != "repetition"],
                            analysis.get("fillers", []), literal=truth.get("literal_uses", []))
    reps = score_fillers([f for f in truth["fillers"] if f.get("kind") == "repetition"],
                         analysis.get("repetitions", []))
    lat_a = analysis.get("latency_s")
    segments = truth.get("segments", [])
    for f in fillers["false"]:
        f["context"] = context_of(f["start"], f["end"], segments)
    for pz in pauses["false"]:
        pz["context"] = context_of(pz["start"], pz["end"], segments)
    return {
        "id": truth["id"], "language": lang, "style": truth.get("style"),
        "pauses": pauses, "fillers": fillers, "repetitions": reps,
        "rate_truth": truth["rate"][key], "rate_found": rate_of(analysis, lang),
        "rate_error_pct": pct_error(rate_of(analysis, lang), truth["rate"][key]),
        "answer_truth": truth["answer_s"], "answer_found": analysis.get("answer_s"),
        "answer_error_s": (analysis["answer_s"] - truth["answer_s"])
        if analysis.get("answer_s") is not None else None,
        "latency_error_s": (lat_a - truth["latency_s"]) if lat_a is not None else None,
        "over_budget_ok": bool(analysis.get("over_budget")) == bool(truth["over_budget"]),
        "language_ok": analysis.get("language") == lang,
        # The report's "fillers may be under-counted" warning, and whether it was right to warn.
        "undercount_warned": bool(analysis.get("stats", {}).get("fillers_unconfirmed")),
        "filler_missed": fillers["truth"] > fillers["hit"],
    }


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def summarize(scores: list[dict]) -> dict:
    """Pool per-answer scores of one language (micro-averages; medians over all edges)."""
    p = [s["pauses"] for s in scores]
    f = [s["fillers"] for s in scores]
    edges = [e for x in p for e in x["edge_errors"]]
    rate = [abs(s["rate_error_pct"]) for s in scores if s["rate_error_pct"] is not None]
    ans = [abs(s["answer_error_s"]) for s in scores if s["answer_error_s"] is not None]
    lat = [abs(s["latency_error_s"]) for s in scores if s["latency_error_s"] is not None]
    by_kind: dict[str, list[int]] = {}
    by_how: dict[str, list[int]] = {}
    confusion: dict[str, int] = {}
    for x in p:
        for k, n in x.get("place_confusion", {}).items():
            confusion[k] = confusion.get(k, 0) + n
    for x in f:
        for k, (n, h) in x["by_kind"].items():
            by_kind.setdefault(k, [0, 0])
            by_kind[k][0] += n
            by_kind[k][1] += h
        for k, (n, h) in x["by_how"].items():
            by_how.setdefault(k, [0, 0])
            by_how[k][0] += n
            by_how[k][1] += h
    return {
        "answers": len(scores),
        "pause_truth": sum(x["truth"] for x in p), "pause_found": sum(x["found"] for x in p),
        "pause_recall": _ratio(sum(x["truth_hit"] for x in p), sum(x["truth"] for x in p)),
        "pause_precision": _ratio(sum(x["found_hit"] for x in p), sum(x["found"] for x in p)),
        "pause_boundary_median_s": statistics.median(edges) if edges else None,
        "pause_boundary_p90_s": sorted(edges)[int(0.9 * (len(edges) - 1))] if edges else None,
        "pause_place_accuracy": _ratio(sum(x["place_ok"] for x in p), sum(x["place_n"] for x in p)),
        "pause_place_confusion": dict(sorted(confusion.items())),
        "filler_truth": sum(x["truth"] for x in f), "filler_found": sum(x["found"] for x in f),
        "filler_recall": _ratio(sum(x["hit"] for x in f), sum(x["truth"] for x in f)),
        "filler_precision": _ratio(sum(x["hit"] for x in f), sum(x["found"] for x in f)),
        "filler_recall_by_kind": {k: _ratio(h, n) for k, (n, h) in sorted(by_kind.items())},
        "repetition_truth": sum(s["repetitions"]["truth"] for s in scores if "repetitions" in s),
        "repetition_found": sum(s["repetitions"]["found"] for s in scores if "repetitions" in s),
        "repetition_hit": sum(s["repetitions"]["hit"] for s in scores if "repetitions" in s),
        "filler_found_by_how": {k: {"found": n, "correct": h} for k, (n, h) in sorted(by_how.items())},
        "false_fillers_on_literal_words": sum(len(x["false_literal"]) for x in f),
        "rate_error_pct_mean": statistics.fmean(rate) if rate else None,
        "rate_error_pct_max": max(rate) if rate else None,
        "rate_within_5pct": sum(r <= 5.0 for r in rate),
        "answer_error_s_mean": statistics.fmean(ans) if ans else None,
        "answer_error_s_max": max(ans) if ans else None,
        "latency_error_s_mean": statistics.fmean(lat) if lat else None,
        "over_budget_correct": sum(s["over_budget_ok"] for s in scores),
        "language_correct": sum(s["language_ok"] for s in scores),
        "undercount_warning": {
            "answers_with_a_miss": sum(s.get("filler_missed", False) for s in scores),
            "warned_with_a_miss": sum(s.get("filler_missed", False) and s.get("undercount_warned", False)
                                      for s in scores),
            "answers_without": sum(not s.get("filler_missed", False) for s in scores),
            "warned_without": sum(not s.get("filler_missed", False) and s.get("undercount_warned", False)
                                  for s in scores),
        },
    }


def real_ja_rate(reference_morae: int, analysis: dict) -> dict:
    """Reference morae over the analyser's own span, against the analyser's morae/s."""
    span = analysis.get("answer_s") or 0.0
    truth = reference_morae / span if span > 0 else None
    found = rate_of(analysis, "ja")
    return {"ref_morae": reference_morae, "answer_s": span, "truth_morae_per_s": truth,
            "found_morae_per_s": found, "error_pct": pct_error(found, truth)}


# =============================================================================================
# Running the analyser (cached)
# =============================================================================================
def code_version(model: str) -> str:
    h = hashlib.sha256(model.encode())
    src = REPO / "src" / "furikaeri"
    for p in sorted(src.rglob("*")):
        if p.is_file() and p.suffix in {".py", ".toml", ".json", ".txt"}:
            h.update(str(p.relative_to(src)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


#: Analyse as the streaming path does while recording (``--streaming``), not the whole file.
STREAMING = False
#: ... and hear each stretch ahead at every pause of it (``furikaeri.stream.SETTLE_S``), as a
#: worker that is never busy does while recording, each hearing kept when the person speaks on.
HEAR_AHEAD = False
#: Cut this much (s) off the start of the audio before analysing it, then put the times back:
#: the same speech framed a little differently. Whisper's words shift with the framing, so the
#: difference this makes is Whisper's own variation, the yardstick for the streaming path's
#: difference from the batch one (``bench/streaming.py``).
SHIFT_S = 0.0


def _shifted(value, by: float):
    """``value`` (an analysis as ``to_dict()``) with every time moved ``by`` seconds later."""
    if isinstance(value, dict):
        return {k: (round(v + by, 3) if k in _TIME_KEYS and isinstance(v, (int, float)) else _shifted(v, by))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_shifted(v, by) for v in value]
    return value


_TIME_KEYS = frozenset({"start", "end", "time", "latency_s"})  # what the scoring reads


def run_analysis(path: Path, *, language: str, budget: float | None, model: str, version: str,
                 use_cache: bool) -> dict:
    """The analysis of ``path`` as ``to_dict()``, plus ``bench_wall_s``; cached in bench/out/.
    A :class:`FurikaeriError` becomes ``{"error": message}``."""
    key = (f"{path.stem}.{file_hash(path)}.{language}.{budget}.{version}{'.stream' if STREAMING else ''}"
           f"{'.ahead' if STREAMING and HEAR_AHEAD else ''}{f'.shift{SHIFT_S:g}' if SHIFT_S else ''}.json")
    cached = OUT_DIR / key
    if use_cache and cached.exists():
        d = json.loads(cached.read_text(encoding="utf-8"))
        d["bench_cached"] = True
        return d
    from furikaeri.analysis import analyze_file
    from furikaeri.errors import FurikaeriError

    t0 = time.perf_counter()
    try:
        if STREAMING:  # as if recorded: 0.1-s blocks into a listener (furikaeri.stream)
            from furikaeri.audio import load_audio
            from furikaeri.stream import blocks_of, listen_to

            d = listen_to(blocks_of(load_audio(path).samples), source=str(path), language=language, budget=budget,
                          model=model, hear_ahead=HEAR_AHEAD).to_dict()
        elif SHIFT_S:
            from furikaeri.analysis import analyze_audio
            from furikaeri.audio import Audio, load_audio

            audio = load_audio(path)
            cut = Audio(audio.samples[int(round(SHIFT_S * audio.rate)):], audio.rate, audio.source)
            d = _shifted(analyze_audio(cut, language=language, budget=budget, model=model).to_dict(), SHIFT_S)
        else:
            d = analyze_file(str(path), language=language, budget=budget, model=model).to_dict()
    except FurikaeriError as e:
        d = {"error": str(e)}
    d["bench_wall_s"] = round(time.perf_counter() - t0, 2)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(d, ensure_ascii=False) + "\n", encoding="utf-8")
    d["bench_cached"] = False
    return d


class Progress:
    def __init__(self, total: int):
        self.total, self.n = total, 0

    def __call__(self, name: str, d: dict) -> None:
        self.n += 1
        how = "cached" if d.get("bench_cached") else f"{d.get('bench_wall_s', 0):.1f} s"
        err = f"  ERROR {d['error']}" if "error" in d else ""
        print(f"[{self.n}/{self.total}] {name} ({how}){err}", file=sys.stderr, flush=True)


# =============================================================================================
# The benchmark
# =============================================================================================
def load_corpus(corpus: Path, lang: str | None, limit: int | None) -> list[dict]:
    if not (corpus / "index.json").exists():
        print(f"{corpus} is missing: generating it (bench/corpus.py)", file=sys.stderr)
        _corpus_module().main(["--out", str(corpus)])
    truths = []
    for p in sorted(corpus.glob("*.json")):
        if p.name == "index.json":
            continue
        t = json.loads(p.read_text(encoding="utf-8"))
        if t.get("language") is None:
            continue
        if lang and t["language"] != lang:
            continue
        truths.append(t)
    if limit:
        per: dict[str, int] = {}
        kept = []
        for t in truths:
            per[t["language"]] = per.get(t["language"], 0) + 1
            if per[t["language"]] <= limit:
                kept.append(t)
        truths = kept
    return truths


def _corpus_module():
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import corpus as corpus_mod

    return corpus_mod


def _morae(text: str) -> int:
    """Morae of a reference text, from Open JTalk's reading (as the corpus truth counts them)."""
    return _corpus_module().count_morae(text)


def _words(text: str) -> int:
    return _corpus_module().count_words(text)


def run(args) -> dict:
    version = code_version(args.model)
    truths = load_corpus(args.corpus, args.lang, args.limit)
    real: list[tuple[str, Path, str, float | None]] = []  # (role, path, language, budget)
    if not args.skip_real:
        if SHARED_AUDIO.is_dir():
            if args.lang in (None, "ja"):
                real += [("ja_ref", SHARED_AUDIO / "ja" / n, "ja", None) for n in JA_REFERENCES]
            if args.lang in (None, "en"):
                real += [("jfk", SHARED_AUDIO / "en" / "jfk.flac", "en", None),
                         ("apollo", SHARED_AUDIO / "en" / "apollo11.mp3", "en", None),
                         ("umm", SHARED_AUDIO / "conversation" / "umdone_umm.wav", "en", None)]
            real += [("nospeech", SHARED_AUDIO / "edge" / "silence_short.wav", "auto", None),
                     ("nospeech", SHARED_AUDIO / "edge" / "laugh.mp3", "auto", None)]
        else:
            print(f"{SHARED_AUDIO} is absent: real recordings skipped", file=sys.stderr)
        noise = args.corpus / "noise_only.flac"
        if noise.exists():
            real.append(("nospeech", noise, "auto", None))
    progress = Progress(len(truths) + len(real))

    scores, per_file = [], []
    for t in truths:
        path = args.corpus / t["audio"]
        d = run_analysis(path, language=t["language"], budget=t["budget_s"], model=args.model,
                         version=version, use_cache=not args.no_cache)
        progress(t["audio"], d)
        if "error" in d:
            per_file.append({"id": t["id"], "error": d["error"]})
            continue
        s = score_answer(t, d)
        s["wall_s"] = d.get("bench_wall_s")
        scores.append(s)

    result: dict[str, Any] = {"model": args.model, "code_version": version, "corpus": {},
                              "files": scores, "errors": per_file, "real": {}}
    for lang in ("en", "ja"):
        ls = [s for s in scores if s["language"] == lang]
        if ls:
            result["corpus"][lang] = summarize(ls)

    ja_rows, nospeech, realres = [], [], result["real"]
    for role, path, lang, budget in real:
        if not path.exists():
            print(f"missing {path}: skipped", file=sys.stderr)
            continue
        d = run_analysis(path, language=lang, budget=budget, model=args.model, version=version,
                         use_cache=not args.no_cache)
        progress(path.name, d)
        if "error" in d:
            realres.setdefault("errors", []).append({"file": path.name, "error": d["error"]})
            continue
        if role == "ja_ref":
            row = real_ja_rate(_morae(JA_REFERENCES[path.name]), d)
            ja_rows.append({"file": path.name, **row})
        elif role == "jfk":
            ref = _words(JFK_REFERENCE)
            span = d.get("answer_s") or 0
            truth_wpm = ref / span * 60 if span else None
            realres["jfk"] = {"ref_words": ref, "answer_s": span, "truth_wpm": truth_wpm,
                              "found_wpm": rate_of(d, "en"),
                              "error_pct": pct_error(rate_of(d, "en"), truth_wpm),
                              "pauses": [(round(p["start"], 2), round(p["end"], 2), p.get("place"))
                                         for p in d.get("pauses", []) if _dur(p) >= 0.3],
                              "fillers": [f["text"] for f in d.get("fillers", [])],
                              "transcript": d.get("transcript", "")}
        elif role == "apollo":
            by_how: dict[str, int] = {}
            for f in d.get("fillers", []):
                by_how[f.get("how_found", "?")] = by_how.get(f.get("how_found", "?"), 0) + 1
            realres["apollo11"] = {"fillers_by_how": by_how,
                                   "fillers": [(f["text"], round(f["start"], 2), f.get("how_found"))
                                               for f in d.get("fillers", [])],
                                   "words": len(d.get("words", [])),
                                   "long_pauses": sum(_dur(p) >= 1.0 for p in d.get("pauses", []))}
        elif role == "umm":
            realres["umdone_umm"] = {"fillers": [(f["text"], f.get("how_found"))
                                                 for f in d.get("fillers", [])],
                                     "words": [w["text"] for w in d.get("words", [])]}
        else:
            nospeech.append({"file": path.name, "words": len(d.get("words", [])),
                             "speech_detected": d.get("speech_detected"),
                             "transcript": d.get("transcript", "")})
    if ja_rows:
        errs = [abs(r["error_pct"]) for r in ja_rows if r["error_pct"] is not None]
        realres["ja_clips"] = {"rows": ja_rows,
                               "error_pct_mean": statistics.fmean(errs) if errs else None,
                               "error_pct_max": max(errs) if errs else None}
    if nospeech:
        realres["no_speech"] = nospeech
    return result


# =============================================================================================
# Printing
# =============================================================================================
def _f(x, fmt="{:.2f}", none="-") -> str:
    return none if x is None else fmt.format(x)


def _check(value, target, higher_is_better: bool) -> str:
    if value is None:
        return " "
    return "ok" if (value >= target if higher_is_better else value <= target) else "MISS"


def summary_rows(result: dict) -> list[tuple[str, str, str, str]]:
    """(figure, en, ja, target) rows of the corpus summary."""
    c = result["corpus"]
    en, ja = c.get("en", {}), c.get("ja", {})

    def both(key, fmt="{:.2f}", target=None, hib=True):
        cells = []
        for s in (en, ja):
            v = s.get(key)
            mark = "" if target is None or v is None else (
                "" if _check(v, target, hib) == "ok" else " ✗")
            cells.append(_f(v, fmt) + mark)
        return cells

    rows = [
        ("answers", str(en.get("answers", "-")), str(ja.get("answers", "-")), ""),
        ("pause recall (truth >= 0.5 s)", *both("pause_recall", target=0.95), ">= 0.95"),
        ("pause precision", *both("pause_precision", target=0.95), ">= 0.95"),
        ("pause edge error, median (s)", *both("pause_boundary_median_s", "{:.3f}", 0.08, False),
         "<= 0.08"),
        ("pause edge error, 90th pct (s)", *both("pause_boundary_p90_s", "{:.3f}"), ""),
        ("pause place agreement", *both("pause_place_accuracy"), ""),
        ("filler recall", *both("filler_recall", target=0.95), ">= 0.95"),
        ("filler precision", *both("filler_precision", target=0.90), ">= 0.90"),
        ("false fillers on literal words", *both("false_fillers_on_literal_words", "{:d}"), ""),
        ("repetitions found (hit/found of truth)",
         *[f"{s.get('repetition_hit', 0)}/{s.get('repetition_found', 0)} of {s.get('repetition_truth', 0)}"
           for s in (en, ja)], ""),
        ("rate error, mean abs %", *both("rate_error_pct_mean", "{:.1f}"), ""),
        ("rate error, max abs %", *both("rate_error_pct_max", "{:.1f}", 5.0, False), "<= 5"),
        ("answer span error, mean abs (s)", *both("answer_error_s_mean", "{:.2f}"), ""),
        ("answer span error, max abs (s)", *both("answer_error_s_max", "{:.2f}", 0.3, False), "<= 0.3"),
        ("latency error, mean abs (s)", *both("latency_error_s_mean", "{:.2f}"), ""),
    ]
    for key, label in (("over_budget_correct", "over-budget flag right"),
                       ("language_correct", "language right")):
        rows.append((label, f"{en.get(key, '-')}/{en.get('answers', '-')}",
                     f"{ja.get(key, '-')}/{ja.get('answers', '-')}", "all"))

    def warned(s: dict, which: str) -> str:
        u = s.get("undercount_warning")
        if not u:
            return "-"
        return f"{u['warned_' + which]}/{u['answers_' + which]}"

    rows.append(("under-count warning if fillers missed", warned(en, "with_a_miss"),
                 warned(ja, "with_a_miss"), ""))
    rows.append(("under-count warning if none missed", warned(en, "without"), warned(ja, "without"), ""))
    return rows


def print_report(result: dict, details: bool, out=sys.stdout) -> None:
    w = out.write
    w(f"furikaeri accuracy benchmark  (model {result['model']}, code {result['code_version']})\n\n")
    rows = summary_rows(result)
    w("Corpus (synthetic answers with exact truth: bench/corpus)\n")
    w(f"  {'figure':40} {'en':>10} {'ja':>10}   target\n")
    for name, a, b, t in rows:
        w(f"  {name:40} {a:>10} {b:>10}   {t}\n")
    for lang, s in result["corpus"].items():
        kinds = ", ".join(f"{k} {_f(v)}" for k, v in s["filler_recall_by_kind"].items())
        hows = ", ".join(f"{k} {v['correct']}/{v['found']} correct"
                         for k, v in s["filler_found_by_how"].items())
        w(f"  {lang}: filler recall by kind: {kinds}; found by: {hows or 'none'}\n")
        conf = ", ".join(f"{k} {n}" for k, n in s["pause_place_confusion"].items())
        w(f"  {lang}: pause place, truth->found: {conf or '-'}\n")
    w("\nPer answer\n")
    w(f"  {'answer':32} {'pause R':>8} {'pause P':>8} {'fill R':>7} {'fill P':>7} "
      f"{'rate %':>7} {'span s':>7} {'budget':>6}\n")
    for s in result["files"]:
        p, f = s["pauses"], s["fillers"]
        w(f"  {s['id']:32} {p['truth_hit']:>3}/{p['truth']:<4} {p['found_hit']:>3}/{p['found']:<4} "
          f"{f['hit']:>3}/{f['truth']:<3} {f['hit']:>3}/{f['found']:<3} "
          f"{_f(s['rate_error_pct'], '{:+.1f}'):>7} {_f(s['answer_error_s'], '{:+.2f}'):>7} "
          f"{'ok' if s['over_budget_ok'] else 'WRONG':>6}\n")
    for e in result["errors"]:
        w(f"  {e['id']:32} ERROR {e['error']}\n")

    r = result["real"]
    if r:
        w("\nReal recordings (../shared/audio)\n")
    if "ja_clips" in r:
        jc = r["ja_clips"]
        w(f"  Japanese clips: morae/s against the reference text's morae over the measured span "
          f"(mean |err| {_f(jc['error_pct_mean'], '{:.1f}')} %, max {_f(jc['error_pct_max'], '{:.1f}')} %,"
          f" target <= 10 %)\n")
        for row in jc["rows"]:
            w(f"    {row['file']:36} ref {row['ref_morae']:3d} morae  span {row['answer_s']:5.2f} s  "
              f"truth {_f(row['truth_morae_per_s'])}  found {_f(row['found_morae_per_s'])}  "
              f"err {_f(row['error_pct'], '{:+.1f}')} %\n")
    if "jfk" in r:
        j = r["jfk"]
        w(f"  jfk.flac: wpm {_f(j['found_wpm'], '{:.0f}')} vs reference {_f(j['truth_wpm'], '{:.0f}')}"
          f" ({_f(j['error_pct'], '{:+.1f}')} %); pauses >= 0.3 s {j['pauses']}; fillers "
          f"{j['fillers']}\n")
    if "no_speech" in r:
        w("  no speech (words must be 0):\n")
        for row in r["no_speech"]:
            w(f"    {row['file']:36} words {row['words']}  speech_detected "
              f"{row['speech_detected']}  {row['transcript'][:60]!r}\n")
    if "apollo11" in r:
        a = r["apollo11"]
        w(f"  apollo11.mp3: fillers by how found {a['fillers_by_how'] or '{}'}; {a['words']} words, "
          f"{a['long_pauses']} pauses >= 1 s\n")
        if details:
            w(f"    {a['fillers']}\n")
    if "umdone_umm" in r:
        u = r["umdone_umm"]
        w(f"  umdone_umm.wav (one real 'ummm'): fillers {u['fillers']}, words {u['words']}\n")
    for e in r.get("errors", []):
        w(f"  {e['file']}: ERROR {e['error']}\n")

    if details:
        w("\nWhere it fails\n")
        for s in result["files"]:
            p, f = s["pauses"], s["fillers"]
            lines = []
            for m in p["missed"]:
                lines.append(f"missed pause {m['start']:.2f}-{m['end']:.2f} ({_dur(m):.2f} s, "
                             f"{m.get('source', '')}, {m.get('place', '')})")
            for m in p["false"]:
                lines.append(f"false pause {m['start']:.2f}-{m['end']:.2f} ({_dur(m):.2f} s) "
                             f"over {m.get('context', '?')}")
            for m in f["missed"]:
                lines.append(f"missed filler {m['text']!r} {m['start']:.2f}-{m['end']:.2f} ({m['kind']})")
            for m in f["false"]:
                lit = " ON A LITERAL WORD" if any(m is x or (x["start"] == m["start"] and
                                                  x["text"] == m["text"]) for x in f["false_literal"]) else ""
                lines.append(f"false filler {m.get('text', '')!r} {m['start']:.2f}-{m['end']:.2f} "
                             f"({m.get('how_found', '')}){lit} over {m.get('context', '?')}")
            if lines:
                w(f"  {s['id']}\n")
                for line in lines:
                    w(f"    {line}\n")


def readme_block(result: dict) -> str:
    rows = summary_rows(result)
    out = [BEGIN, "",
           f"Measured by `bench/accuracy.py` (model `{result['model']}`) on the synthetic corpus "
           "(`bench/corpus.py`, truth format in `bench/TRUTH.md`).", "",
           "| figure | English | Japanese | target |", "|---|---|---|---|"]
    for name, a, b, t in rows:
        out.append(f"| {name} | {a} | {b} | {t} |")
    r = result["real"]
    if "ja_clips" in r:
        out.append(f"| real Japanese clips: morae/s error, mean (max) |  | "
                   f"{_f(r['ja_clips']['error_pct_mean'], '{:.1f}')} % "
                   f"({_f(r['ja_clips']['error_pct_max'], '{:.1f}')} %) | <= 10 % |")
    if "no_speech" in r:
        words = sum(x["words"] for x in r["no_speech"])
        out.append(f"| words found in silence, laughter and noise ({len(r['no_speech'])} files) | "
                   f"{words} |  | 0 |")
    out += ["", END]
    return "\n".join(out)


def update_readme(result: dict, path: Path = README) -> bool:
    """Rewrite the marked block of README.md; False when the markers are absent."""
    if not path.exists():
        return False
    text = path.read_text(encoding="utf-8")
    a, b = text.find(BEGIN), text.find(END)
    if a < 0 or b < a:
        return False
    path.write_text(text[:a] + readme_block(result) + text[b + len(END):], encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("en", "ja"), help="only this language")
    ap.add_argument("--limit", type=int, help="at most this many corpus answers per language")
    ap.add_argument("--json", dest="json_", action="store_true", help="print one JSON document")
    ap.add_argument("--update-readme", action="store_true",
                    help=f"rewrite the {BEGIN}...{END} block of README.md")
    ap.add_argument("--details", action="store_true",
                    help="list every missed and false pause and filler")
    ap.add_argument("--model", default="base")
    ap.add_argument("--corpus", type=Path, default=CORPUS_DIR)
    ap.add_argument("--skip-real", action="store_true", help="corpus only")
    ap.add_argument("--no-cache", action="store_true", help="re-run every analysis")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    result = run(args)
    result["bench_s"] = round(time.perf_counter() - t0, 1)
    if args.json_:
        print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    else:
        print_report(result, args.details)
        print(f"\n({result['bench_s']} s)")
    if args.update_readme:
        if args.lang or args.limit or args.skip_real:
            print("README.md not changed: --update-readme needs a full run (no --lang, --limit "
                  "or --skip-real)", file=sys.stderr)
        elif update_readme(result):
            print("README.md accuracy block updated", file=sys.stderr)
        else:
            print(f"README.md has no {BEGIN} ... {END} block: not changed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
