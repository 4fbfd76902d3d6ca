#!/usr/bin/env python3
"""What each filler method adds: transcript only, + the short filler prompt, + acoustic
recovery of held sounds, + the second listen to short unsure islands (the default). Prints filler recall / precision per language on the
labelled corpus, and the fillers found on ../shared/audio/en/apollo11.mp3 and the real "ummm".

    .venv/bin/python bench/fillers.py [--lang en|ja] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import accuracy as A  # noqa: E402  (the benchmark's corpus loader and scoring)

VARIANTS = {
    "transcript": dict(filler_prompt=False, acoustic_fillers=False, relisten=False),
    "+ prompt": dict(filler_prompt=True, acoustic_fillers=False, relisten=False),
    "+ acoustic": dict(filler_prompt=True, acoustic_fillers=True, relisten=False),
    "+ second listen (default)": dict(filler_prompt=True, acoustic_fillers=True, relisten=True),
}
REAL = [A.SHARED_AUDIO / "en" / "apollo11.mp3", A.SHARED_AUDIO / "conversation" / "umdone_umm.wav"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", choices=("en", "ja"))
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    from furikaeri.analysis import analyze_file

    truths = A.load_corpus(A.CORPUS_DIR, args.lang, args.limit)
    print(f"{'method':26} {'lang':4} {'recall':>7} {'precision':>9}   found (hit/total)")
    for name, kw in VARIANTS.items():
        per_lang: dict[str, list[int]] = {}
        for t in truths:
            path = A.CORPUS_DIR / t["audio"]
            d = analyze_file(str(path), language=t["language"], budget=t["budget_s"], **kw).to_dict()
            sc = A.score_fillers(t["fillers"], d["fillers"], literal=t.get("literal_uses", []))
            agg = per_lang.setdefault(t["language"], [0, 0, 0])
            agg[0] += sc["hit"]
            agg[1] += sc["truth"]
            agg[2] += sc["found"]
            print(f"  {name}: {t['id']}", file=sys.stderr, flush=True)
        for lang, (hit, truth, found) in sorted(per_lang.items()):
            print(f"{name:26} {lang:4} {hit / max(truth, 1):7.2f} {hit / max(found, 1):9.2f}   {hit}/{found} of {truth}")
        for p in REAL:
            if p.exists():
                d = analyze_file(str(p), **kw).to_dict()
                how: dict[str, int] = {}
                for f in d["fillers"]:
                    how[f["how_found"]] = how.get(f["how_found"], 0) + 1
                print(f"{name:26} {p.name}: {json.dumps(how)} {[f['text'] for f in d['fillers']]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
