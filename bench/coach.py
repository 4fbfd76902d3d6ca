#!/usr/bin/env python3
"""How accurate the coach layer is: pitch spread, monotone stretches, hedges, time to the point.

* **Pitch spread** (``voice.pitch_spread_st``): real answers (``../shared/audio/real-l2``, first
  40 s) are resynthesised (WORLD vocoder, pyworld) with their own voice but a pitch contour of
  *known* spread: their own contour scaled around its median to 0 (flat), 1, 2 and 4 semitones
  of standard deviation. The error against that known spread, and the share of 10-s stretches
  flagged monotone on the flat ones (target >= 95 %) and on the natural recordings themselves
  (target <= 10 %).
* **Hedges**: every hedge in the scripts of the synthetic corpus (``bench/corpus``), labelled
  by hand below, against the hedges the analysis finds in the transcript of the audio.
* **Time to the point** (``opening``): the end of the first sentence, from the corpus's exact
  timing, against the analysis; and whether the opening states the point or opens a story,
  labelled by hand below for the corpus and the samples, against the analysis.

    .venv/bin/python bench/coach.py [--only pitch|hedges|opening]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import accuracy as A  # noqa: E402  (corpus loader, analysis cache)

SAMPLES = A.REPO / "samples"

#: Hedges said in each corpus answer's script, by hand (the language's hedge definitions:
#: README "What is measured"): phrase -> how many times.
HEDGES = {
    "en01_clean_yourself": {}, "en02_slow_strength": {"I would say": 1, "I think": 1},
    "en03_fast_project": {}, "en04_hesitant_weakness": {"probably": 1},
    "en05_rambling_conflict": {"just": 2, "I think": 1}, "en06_clean_why_here": {}, "en07_hesitant_failure": {},
    "en08_rambling_yourself": {}, "en09_fast_leadership": {"I think": 1}, "en10_clean_questions": {},
    "en11_slow_five_years": {}, "en12_literal_team": {},
    "ja01_clean_jikoshoukai": {"と思います": 1}, "ja02_hesitant_jikoshoukai": {}, "ja03_clean_jikopr": {},
    "ja04_rambling_gakuchika": {}, "ja05_fast_shiboudouki": {}, "ja06_slow_tansho": {"と思います": 1},
    "ja07_hesitant_zasetsu": {"と思います": 1}, "ja08_literal_gakumon": {}, "ja09_rambling_long": {},
    "ja10_clean_saigo": {"と思います": 1}, "ja11_fast_rambling_nyusha": {"と思っています": 1},
    "ja12_slow_hesitant_jikopr": {},
}

#: What each opening sentence does, by hand: point_first, story_first, or None (a name, a
#: greeting: not a judgement of order).
ORDER = {
    "en01_clean_yourself": "point_first", "en02_slow_strength": "point_first", "en03_fast_project": "point_first",
    "en04_hesitant_weakness": "point_first", "en05_rambling_conflict": "story_first",
    "en06_clean_why_here": "point_first", "en07_hesitant_failure": "story_first",
    "en08_rambling_yourself": "story_first", "en09_fast_leadership": "story_first",
    "en10_clean_questions": "point_first", "en11_slow_five_years": "point_first", "en12_literal_team": "point_first",
    "ja01_clean_jikoshoukai": None, "ja02_hesitant_jikoshoukai": None, "ja03_clean_jikopr": "point_first",
    "ja04_rambling_gakuchika": "point_first", "ja05_fast_shiboudouki": "point_first",
    "ja06_slow_tansho": "point_first", "ja07_hesitant_zasetsu": "point_first", "ja08_literal_gakumon": "point_first",
    "ja09_rambling_long": "point_first", "ja10_clean_saigo": None, "ja11_fast_rambling_nyusha": "point_first",
    "ja12_slow_hesitant_jikopr": "point_first",
    "en_greatest_strength": "point_first", "en_tell_me_about_yourself": "point_first",
    "en_weakness_over_budget": "point_first", "ja_gakuchika_over_budget": "point_first",
    "ja_jikopr": "point_first", "ja_jikoshoukai": None,
}


# ---------------------------------------------------------------------------------------------
def resynthesised(samples, rate: int, spread_st: float | None):
    """``samples`` through WORLD with the pitch contour scaled to ``spread_st`` semitones of
    standard deviation around its median (None: the natural contour). Returns (audio, the
    spread of the contour given, over voiced frames)."""
    import numpy as np
    import pyworld

    x = np.asarray(samples, dtype=np.float64)
    f0, t = pyworld.harvest(x, rate, frame_period=5.0)
    sp = pyworld.cheaptrick(x, f0, t, rate)
    ap = pyworld.d4c(x, f0, t, rate)
    voiced = f0 > 0
    st = 12 * np.log2(f0[voiced] / np.median(f0[voiced]))
    if spread_st is not None:
        st = st / max(st.std(), 1e-6) * spread_st
        f0 = f0.copy()
        f0[voiced] = np.median(f0[voiced]) * 2 ** (st / 12)
    y = pyworld.synthesize(f0, sp, ap, rate, frame_period=5.0).astype("float32")
    return y, float(st.std())


def pitch_bench() -> dict:
    from furikaeri.speech import find_speech
    from furikaeri.audio import Audio, load_audio
    from furikaeri.voice import measure_voice

    rows, flat_flags, natural_flags = [], [], []
    for path in sorted((A.SHARED_AUDIO / "real-l2").glob("*.flac")):
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        a = load_audio(str(path))
        s0 = truth["speech_start"]
        clip = a.samples[int(s0 * a.rate): int((s0 + 40.0) * a.rate)]
        for spread in (None, 0.0, 1.0, 2.0, 4.0):
            y, given = resynthesised(clip, a.rate, spread)
            audio = Audio(y, a.rate, path.name)
            sm = find_speech(audio)
            if not sm.intervals:
                continue
            v = measure_voice(y, a.rate, (sm.intervals[0].start, sm.intervals[-1].end), frames_db=sm.frames_db,
                              speech=sm.intervals)
            if v.pitch_spread_st is None:
                continue
            rows.append({"file": path.stem, "given": None if spread is None else spread, "truth": given,
                         "found": v.pitch_spread_st})
            flags = [w.monotone for w in v.windows]
            (flat_flags if spread == 0.0 else natural_flags if spread is None else []).extend(flags)
        # the recording itself, not resynthesised: natural speech
        sm = find_speech(a)
        v = measure_voice(a.samples, a.rate, (truth["speech_start"], truth["speech_end"]), frames_db=sm.frames_db,
                          speech=sm.intervals)
        natural_flags.extend(w.monotone for w in v.windows)
        print(f"  pitch: {path.stem}", file=sys.stderr, flush=True)
    errors = [abs(r["found"] - r["truth"]) for r in rows]
    return {
        "rows": rows,
        "spread_error_st_mean": statistics.fmean(errors) if errors else None,
        "spread_error_st_max": max(errors) if errors else None,
        "monotone_flagged_flat": sum(flat_flags) / len(flat_flags) if flat_flags else None,
        "flat_windows": len(flat_flags),
        "monotone_flagged_natural": sum(natural_flags) / len(natural_flags) if natural_flags else None,
        "natural_windows": len(natural_flags),
    }


def _analysis(path: Path, truth: dict | None) -> dict:
    version = A.code_version("base")
    lang = truth["language"] if truth else None
    budget = truth.get("budget_s") if truth else None
    return A.run_analysis(path, language=lang or "auto", budget=budget, model="base", version=version, use_cache=True)


def hedge_bench() -> dict:
    per_lang: dict[str, list[int]] = {}
    misses, false = [], []
    for t in A.load_corpus(A.CORPUS_DIR, None, None):
        want = {k: v for k, v in HEDGES.get(t["id"], {}).items() if v}
        d = _analysis(A.CORPUS_DIR / t["audio"], t)
        got: dict[str, int] = {}
        for h in d.get("hedges", []):
            got[h["text"].strip(" ,.、。").lower()] = got.get(h["text"].strip(" ,.、。").lower(), 0) + 1
        want_l = {k.lower(): v for k, v in want.items()}
        hit = sum(min(v, got.get(k, 0)) for k, v in want_l.items())
        agg = per_lang.setdefault(t["language"], [0, 0, 0])
        agg[0] += hit
        agg[1] += sum(want_l.values())
        agg[2] += sum(got.values())
        for k, v in want_l.items():
            if got.get(k, 0) < v:
                misses.append((t["id"], k))
        for k, v in got.items():
            if want_l.get(k, 0) < v:
                false.append((t["id"], k))
    return {"per_language": {k: {"hit": h, "truth": n, "found": f, "recall": h / n if n else None,
                                 "precision": h / f if f else None} for k, (h, n, f) in per_lang.items()},
            "missed": misses, "false": false}


def opening_bench() -> dict:
    errors, late_ok, n_late = [], 0, 0
    order_rows = []
    for t in A.load_corpus(A.CORPUS_DIR, None, None):
        d = _analysis(A.CORPUS_DIR / t["audio"], t)
        first = next((s for s in t["segments"] if s["type"] == "speech" and s["text"].rstrip().endswith(("。", ".", "?", "!"))), None)
        if first is None or not d.get("opening"):
            continue
        truth_s = first["end"] - t["answer_start"]
        errors.append(abs(d["opening"]["seconds"] - truth_s))
        n_late += 1
        late_ok += (truth_s / t["budget_s"] > 0.2) == d["opening"]["late"]
        order_rows.append((t["id"], ORDER.get(t["id"]), d["opening"]["order"]))
    for path in sorted(SAMPLES.glob("*.flac")):
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        d = _analysis(path, {"language": truth.get("language"), "budget_s": truth.get("budget_s")})
        order_rows.append((path.stem, ORDER.get(path.stem), (d.get("opening") or {}).get("order")))
    judged = [r for r in order_rows if r[1] is not None]
    return {"seconds_error_mean": statistics.fmean(errors) if errors else None,
            "seconds_error_max": max(errors) if errors else None, "answers": len(errors),
            "late_flag_right": late_ok, "late_flag_n": n_late,
            "order_right": sum(r[1] == r[2] for r in judged), "order_n": len(judged),
            "order_unjudged": sum(r[2] is None for r in judged), "order_rows": order_rows}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=("pitch", "hedges", "opening"))
    ap.add_argument("--json", dest="json_", action="store_true")
    args = ap.parse_args(argv)
    out: dict = {}
    if args.only in (None, "hedges"):
        out["hedges"] = hedge_bench()
    if args.only in (None, "opening"):
        out["opening"] = opening_bench()
    if args.only in (None, "pitch"):
        out["pitch"] = pitch_bench()
    if args.json_:
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
        return 0
    if "pitch" in out:
        p = out["pitch"]
        print("Pitch spread (resynthesised real answers with known spread 0/1/2/4 st and natural)")
        print(f"  error against the known spread: mean {p['spread_error_st_mean']:.2f} st, max {p['spread_error_st_max']:.2f} st")
        print(f"  10-s stretches flagged monotone: flat {p['monotone_flagged_flat']:.0%} of {p['flat_windows']} "
              f"(target >= 95 %), natural {p['monotone_flagged_natural']:.0%} of {p['natural_windows']} (target <= 10 %)")
    if "hedges" in out:
        print("Hedges (corpus scripts labelled by hand, against the analysis of the audio)")
        for lang, r in out["hedges"]["per_language"].items():
            rec = "-" if r["recall"] is None else f"{r['recall']:.2f}"
            pre = "-" if r["precision"] is None else f"{r['precision']:.2f}"
            print(f"  {lang}: recall {rec}, precision {pre} ({r['hit']}/{r['found']} of {r['truth']})")
        if out["hedges"]["missed"] or out["hedges"]["false"]:
            print(f"  missed {out['hedges']['missed']}; false {out['hedges']['false']}")
    if "opening" in out:
        o = out["opening"]
        print("Time to the point (corpus: first sentence end from the exact timing)")
        print(f"  end of the first sentence: error mean {o['seconds_error_mean']:.2f} s, max {o['seconds_error_max']:.2f} s "
              f"over {o['answers']} answers; 'late' flag right {o['late_flag_right']}/{o['late_flag_n']}")
        print(f"  order (point first / story first), labelled by hand: right {o['order_right']}/{o['order_n']} "
              f"({o['order_unjudged']} left unjudged)")
        wrong = [r for r in o["order_rows"] if r[1] is not None and r[1] != r[2]]
        if wrong:
            print(f"  wrong: {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
