#!/usr/bin/env python3
"""A labelled corpus of spoken interview answers, synthesised with exact truth.

Run ``python bench/corpus.py`` from the repository root: it writes ``bench/corpus/*.flac`` and a
truth file ``*.json`` beside each (format documented in ``bench/TRUTH.md``), deterministically
(fixed seed), in about a minute.

How an answer is made
---------------------
* Each phrase (a clause of content, or a filler on its own) is synthesised separately:
  English with espeak-ng (several voices, speeds and pitches), Japanese with pyopenjtalk (the
  HTS voice it ships, at several speeds and pitch shifts).
* Every synthesised phrase is trimmed to its sounding part with an energy threshold
  (:data:`VOICED_REL_DB` below the phrase's loudest 5 ms frame): the synthesisers leave silence
  before and after a phrase, and the truth must say where sound really is. Silences *inside* a
  phrase (a comma pause the synthesiser makes itself) are measured the same way and recorded.
* Phrases are joined with silences of known length, scaled to a speech level, and a little room
  noise (pink or brown, -50..-40 dBFS) is added over the whole file.
* Fillers are their own phrases: hesitations ("um", "uh", えー, うーん) drawn out, discourse words
  used as fillers ("like", "you know", "I mean", "so"; あのー, まあ, その, なんか) set off by
  pauses. The same words also occur *inside* content phrases as real words ("I like", "so that",
  その経験, あの時, まあまあ); the truth lists those separately as ``literal_uses``.
* A Japanese filler is said the way people say one (:func:`ja_filler`): synthesised with the
  phrase after it and cut at the comma's pause (on its own the voice gives it the rising,
  lengthened end of a whole utterance), as one word (:func:`drawn_out_words`), and with its
  final long vowel held steady (:func:`hold_final_vowel`, WORLD analysis and resynthesis with
  pyworld): the voice's own long vowels wander by several semitones and jitter in spectrum,
  unlike any person's filled pause.

An answer is either written as a *script* (markup, below) or composed from plain content
sentences by a speaking *style* (clean, slow, fast, hesitant, rambling) that decides, with a
seeded random generator, where fillers and pauses go. Either way the final script is stored in
the truth file, so every answer can be read as text.

Script markup
-------------
``text``            a content phrase (synthesised as one piece; commas inside give the
                    synthesiser's own pauses, which are measured)
``|``               a phrase boundary; the silence is drawn from the style
``[0.8]``           a phrase boundary with exactly 0.8 s of silence
``{um}``            a filler phrase; the kind comes from the language's filler table
``{I:repetition}``  a filler with an explicit kind (``hesitation``, ``discourse``, ``repetition``)

The synthesis helpers (:func:`synthesize`, :func:`render`) are shared with
``samples/make_samples.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

SR = 16000
FORMAT = 1
SEED = 20261126
HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
#: Debian's open-jtalk-mecab-naist-jdic; pyopenjtalk would otherwise try to download a dictionary.
NAIST_JDIC = "/var/lib/mecab/dic/open-jtalk/naist-jdic"

FRAME = 80  # samples: 5 ms frames for the sounding/silent decision
VOICED_REL_DB = -35.0  # a frame sounds when it is within 35 dB of the phrase's loudest frame
VOICED_FLOOR_DBFS = -70.0
MIN_INTERNAL_PAUSE_S = 0.2  # silences inside a synthesised phrase recorded from this length
EDGE_FADE_S = 0.003
TRUTH_PAUSE_FLOOR_S = 0.25  # the project's silent-pause floor (METRICS.md); used for speech_s

SENTENCE_END = re.compile(r"[.?!。？！]\s*$")

# ---------------------------------------------------------------------------------------------
# Fillers: canonical text -> (kind, what the synthesiser is given, where it may go)
# where: "start" = at a sentence start only, "mid" = inside a sentence only, "any".
# ---------------------------------------------------------------------------------------------
EN_FILLERS: dict[str, tuple[str, str, str]] = {
    "um": ("hesitation", "[['Vmm]]", "any"),
    "uh": ("hesitation", "[['V:]]", "any"),
    "er": ("hesitation", "[['3::]]", "any"),
    "hmm": ("hesitation", "[[h'@mm]]", "start"),
    "like": ("discourse", "like,", "mid"),
    "you know": ("discourse", "you know,", "any"),
    "I mean": ("discourse", "I mean,", "any"),
    "so": ("discourse", "so,", "start"),
    "well": ("discourse", "well,", "start"),
    "basically": ("discourse", "basically,", "start"),
    "actually": ("discourse", "actually,", "start"),
}
EN_WEIGHTS = {
    "hesitation": {"um": 5, "uh": 5, "er": 1, "hmm": 1},
    "discourse": {"like": 4, "you know": 3, "I mean": 2, "so": 3, "well": 1, "basically": 1,
                  "actually": 1},
}
JA_FILLERS: dict[str, tuple[str, str, str]] = {
    "えー": ("hesitation", "えーーー", "any"),
    "えーと": ("hesitation", "えーとー", "start"),
    "えっと": ("hesitation", "えっと", "start"),
    "あー": ("hesitation", "あーー", "any"),
    "うーん": ("hesitation", "うーーん", "start"),
    "あのー": ("discourse", "あのーー", "any"),
    "あの": ("discourse", "あの", "any"),
    "まあ": ("discourse", "まあ", "any"),
    "その": ("discourse", "その", "mid"),
    "そのー": ("discourse", "そのーー", "any"),
    "なんか": ("discourse", "なんか", "any"),
}
JA_WEIGHTS = {
    "hesitation": {"えー": 6, "えーと": 2, "えっと": 2, "あー": 1, "うーん": 1},
    "discourse": {"あのー": 4, "あの": 2, "まあ": 3, "その": 1, "そのー": 2, "なんか": 3},
}
FILLERS = {"en": EN_FILLERS, "ja": JA_FILLERS}
WEIGHTS = {"en": EN_WEIGHTS, "ja": JA_WEIGHTS}

#: Words that are fillers in some places and real words in others: their literal uses inside
#: content phrases are listed in the truth (``literal_uses``).
AMBIGUOUS = {
    "en": re.compile(r"\b(like|so|you know|I mean|well|actually|basically|right)\b", re.I),
    "ja": re.compile(r"(その|あの|まあ|なんか)"),
}

EN_REPEATABLE = {"I", "we", "the", "it", "my", "and", "we're", "I'm", "a"}
EN_MID_SPLIT_AFTER = {"the", "a", "an", "to", "of", "in", "on", "with", "my", "our", "was",
                      "is", "for", "about", "at", "that"}


@dataclass(frozen=True)
class Style:
    """How a speaker places fillers and pauses. Probabilities are per phrase boundary;
    ranges are uniform, in seconds."""

    name: str
    p_filler: float  # a filler before a phrase
    hesitation_share: float  # share of those that are hesitations (um, えー) vs discourse words
    p_mid: float  # a hesitation inside a long English phrase ("on the, uh, billing system")
    p_repeat: float  # a false start repeating the phrase's first word (English)
    p_merge: float  # two comma-separated phrases said in one breath (synthesiser's own pause)
    clause_gap: tuple[float, float]
    sentence_gap: tuple[float, float]
    filler_gap: tuple[float, float]
    p_long: float  # a long hesitation pause instead of the usual gap
    long_gap: tuple[float, float]


STYLES = {
    s.name: s
    for s in (
        Style("clean", 0.04, 0.7, 0.0, 0.0, 0.5, (0.15, 0.35), (0.45, 0.9), (0.1, 0.35), 0.02,
              (0.8, 1.3)),
        Style("slow", 0.15, 0.7, 0.05, 0.0, 0.3, (0.25, 0.55), (0.7, 1.3), (0.15, 0.5), 0.10,
              (1.0, 2.2)),
        Style("fast", 0.15, 0.35, 0.02, 0.02, 0.6, (0.1, 0.25), (0.3, 0.6), (0.06, 0.25), 0.02,
              (0.6, 1.0)),
        Style("hesitant", 0.50, 0.8, 0.12, 0.05, 0.2, (0.2, 0.5), (0.6, 1.2), (0.12, 0.6),
              0.22, (1.0, 3.6)),
        Style("rambling", 0.40, 0.3, 0.04, 0.03, 0.6, (0.1, 0.3), (0.3, 0.7), (0.08, 0.35),
              0.05, (0.8, 1.6)),
    )
}


@dataclass(frozen=True)
class Speaker:
    """``voice``: an espeak-ng voice ("en-us+m3") or ``mei`` (pyopenjtalk's HTS voice);
    ``speed``: espeak-ng's -s (words per minute setting) or pyopenjtalk's speed factor;
    ``pitch``: espeak-ng's -p (0-99) or pyopenjtalk's half_tone shift."""

    voice: str
    speed: float
    pitch: float

    @property
    def engine(self) -> str:
        return "pyopenjtalk" if self.voice == "mei" else "espeak-ng"


@dataclass(frozen=True)
class AnswerSpec:
    """One answer to generate: either ``script`` (markup) or ``content`` (plain sentences that
    the ``style`` turns into a script)."""

    id: str
    language: str
    question: str
    budget_s: float
    style: str
    speaker: Speaker
    content: str = ""
    script: str = ""
    noise: str = "pink"  # "pink" or "brown"
    noise_dbfs: float | None = None  # None: drawn from -50..-40 dBFS
    speech_dbfs: float | None = None  # RMS of the sounding parts; None: drawn from -22..-17 dBFS


# ---------------------------------------------------------------------------------------------
# Synthesis
# ---------------------------------------------------------------------------------------------
def _resample(x: np.ndarray, rate: int) -> np.ndarray:
    from math import gcd

    from scipy.signal import resample_poly

    if rate == SR:
        return x.astype(np.float64)
    g = gcd(rate, SR)
    return resample_poly(x.astype(np.float64), SR // g, rate // g)


def _espeak(text: str, voice: str, speed: float, pitch: float) -> np.ndarray:
    import soundfile as sf

    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "phrase.wav"
        cmd = ["espeak-ng", "-v", voice, "-s", str(int(round(speed))), "-p", str(int(round(pitch))),
               "-w", str(wav), text]
        try:
            subprocess.run(cmd, check=True, capture_output=True)
        except FileNotFoundError as e:
            raise SystemExit("espeak-ng is not installed (apt-get install espeak-ng)") from e
        x, rate = sf.read(wav, dtype="float64")
    return _resample(x, rate)


@lru_cache(maxsize=1)
def _pyopenjtalk():
    """Import pyopenjtalk with a local dictionary (it would try to download one otherwise)."""
    if not os.environ.get("OPEN_JTALK_DICT_DIR"):
        if not Path(NAIST_JDIC, "sys.dic").exists():
            raise SystemExit(
                "pyopenjtalk needs a dictionary: apt-get install open-jtalk-mecab-naist-jdic "
                f"(or set OPEN_JTALK_DICT_DIR); looked in {NAIST_JDIC}")
        os.environ["OPEN_JTALK_DICT_DIR"] = NAIST_JDIC
    try:
        import pyopenjtalk
    except ImportError as e:
        raise SystemExit("pyopenjtalk is not installed (pip install pyopenjtalk)") from e
    return pyopenjtalk


def drawn_out_words(features: list[dict]) -> list[dict]:
    """Keep a drawn-out word one word for Open JTalk.

    Open JTalk's dictionary knows えー, あのー and うーん, but not えーーー or あのーー: its parser
    splits the extra long-vowel marks off as a word of their own (``え`` + ``ーーー``), which
    becomes a separate accent phrase, and the voice re-starts the vowel with a new pitch accent
    (Whisper hears 「エヨユ」 and 「あの王」, and nobody says a filler that way). Here a word made of
    long-vowel marks only, and an ``ん`` after it, are joined to the word before, so the vowel is
    held in one breath with the first word's accent."""
    out: list[dict] = []
    for f in features:
        tail = f["string"]
        joins = out and (set(tail) == {"ー"} or (tail == "ん" and out[-1]["pron"].endswith("ー")))
        if not joins:
            out.append(dict(f))
            continue
        prev = out[-1]
        for key in ("string", "orig", "read", "pron"):
            prev[key] += f["pron"] if key in ("read", "pron") else tail
        prev["mora_size"] += f["mora_size"]
        prev["pos"] = "フィラー"
    return out


def _openjtalk(text: str, speed: float, half_tone: float) -> np.ndarray:
    pj = _pyopenjtalk()
    labels = pj.make_label(drawn_out_words(pj.run_frontend(text)))
    x, rate = pj.synthesize(labels, speed=speed, half_tone=half_tone)
    return _resample(np.asarray(x) / 32768.0, rate)


#: How much a held filler vowel falls in pitch over its length (semitones): filled pauses are
#: level or gently falling (Shriberg 2001, "To 'errrr' is human"; the one real filled pause in
#: ../shared/audio, umdone_umm.wav, stays within 1 semitone over 0.5 s).
HELD_FALL_ST = 1.5
HELD_MIN_S = 0.2  # hold only a vowel at least this long
TRANSITION_JUMP = 1.5  # RMS change of the log spectrum in 5 ms that marks a consonant
STEADY_JUMP = 0.5  # ... and one that a vowel stays under


def hold_final_vowel(x: np.ndarray) -> np.ndarray:
    """Make the long vowel at the end of a synthesised filler (えーーー, あのーー, まあ) a held vowel.

    The HTS voice has no model of a held vowel: over a run of ー its pitch rises and falls by up
    to 8 semitones and its spectrum wanders (5-8 dB per frame in ``speech.frame_changes``, against
    1-2 dB in a real "ummm"), so Whisper hears 「エヨユ」 and no one hears a filler. A person
    holding a filler keeps the vowel still. Here the voice's own vowel is analysed with WORLD
    (pyworld) and, from where the vowel after the final voiced run's last consonant (or its
    start) settles to its last 30 ms, its spectral envelope and aperiodicity are held at their first frame while
    the pitch falls :data:`HELD_FALL_ST` semitones; the onset and the release stay as
    synthesised."""
    import pyworld as pw

    period = 5.0  # ms
    x = np.ascontiguousarray(x, dtype=np.float64)
    f0, t = pw.harvest(x, SR, frame_period=period)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], (f0 > 0).astype(int), [0]])))
    runs = [(int(a), int(b)) for a, b in zip(edges[::2], edges[1::2]) if (b - a) * period >= 100]
    if not runs:
        return x
    start, end = runs[-1]  # the last voiced run (not a stray voiced blip in the release)
    sp = pw.cheaptrick(x, f0, t, SR)
    ap = pw.d4c(x, f0, t, SR)
    # The held vowel starts after the run's last consonant-vowel transition (the n of あのー,
    # the m of まあ): a jump in the log spectrum into louder sound, looked for in the first 60 %
    # of the run. (A jump into softer sound is the voice re-starting the vowel, as it does in
    # the middle of まあ; holding from before it removes that dip.)
    bands = np.log(sp[start:end, :256] + 1e-12).reshape(end - start, 16, 16).mean(axis=2)  # 0-4 kHz
    jump = np.sqrt(np.mean(np.diff(bands, axis=0) ** 2, axis=1))
    level = np.log(sp[start:end].sum(axis=1))
    k = np.arange(len(jump))
    louder = level[np.minimum(k + 5, len(level) - 1)] > level[np.maximum(k - 4, 0)]
    onsets = np.flatnonzero((jump > TRANSITION_JUMP) & louder & (k < 0.6 * (end - start)))
    # ... and from the first 40 ms after it in which the spectrum stands still: the vowel itself,
    # not the consonant's release into it (holding that gives あんーー for あのーー)
    first = (int(onsets[-1]) + 1 if len(onsets) else 0) + 4
    settled = [j for j in range(first, int(0.6 * (end - start))) if np.all(jump[j:j + 8] < STEADY_JUMP)]
    h0 = start + (settled[0] if settled else first + 4)
    h1 = end - 6  # the last 30 ms: the release
    if (h1 - h0) * period / 1000 < HELD_MIN_S:
        return x
    sp[h0:h1] = sp[h0]
    ap[h0:h1] = ap[h0]
    f0[h0:h1] = f0[h0] * 2 ** (-HELD_FALL_ST / 12 * np.linspace(0.0, 1.0, h1 - h0))
    y = pw.synthesize(f0, sp, ap, SR, frame_period=period)
    return y[: len(x)] if len(y) >= len(x) else np.pad(y, (0, len(x) - len(y)))


def ja_filler(text: str, following: str | None, speed: float, half_tone: float) -> np.ndarray:
    """A Japanese filler as a speaker says it: before what follows, its long vowel held.

    Said on its own, a phrase gets the voice's utterance-final prosody: the last mora is
    lengthened and its pitch turns up (Open JTalk's lone なんか ends in a rising 0.2 s "kaa",
    which Whisper writes 「なんかを」). A filler is not an utterance of its own, so it is
    synthesised with the phrase that follows it (``なんか、<following>``) and cut at the pause
    the comma makes. A filler whose reading ends in a long vowel then has it held
    (:func:`hold_final_vowel`). Untrimmed, like :func:`synthesize`."""
    y = None
    if following:
        whole, pauses = trim(synthesize(f"{text}、{following}", "mei", speed, half_tone))
        if pauses:
            y = whole[: int(pauses[0][0] * SR)]
    if y is None:
        y = synthesize(text, "mei", speed, half_tone)
    if kana_reading(text).endswith("ー"):  # えーーー, あのーー, まあ (マー)
        y = hold_final_vowel(y)
    return y


def following(items: list, i: int) -> str | None:
    """The text of the first content phrase after ``items[i]`` (None at the end)."""
    return next((it.text for it in items[i + 1:] if isinstance(it, Seg) and it.filler_kind is None), None)


@lru_cache(maxsize=4096)
def synthesize(text: str, voice: str, speed: float, pitch: float) -> np.ndarray:
    """Synthesise one phrase; float64 mono at 16 kHz, untrimmed."""
    if voice == "mei":
        return _openjtalk(text, speed, pitch)
    return _espeak(text, voice, speed, pitch)


def frame_db(x: np.ndarray) -> np.ndarray:
    n = len(x) // FRAME
    if n == 0:
        return np.zeros(0)
    fr = x[: n * FRAME].reshape(n, FRAME)
    return 10 * np.log10(np.mean(fr * fr, axis=1) + 1e-20)


def sounding(x: np.ndarray) -> np.ndarray:
    """Per 5 ms frame: does it sound? (within VOICED_REL_DB of the loudest frame)."""
    db = frame_db(x)
    if db.size == 0:
        return np.zeros(0, bool)
    thr = max(db.max() + VOICED_REL_DB, VOICED_FLOOR_DBFS)
    return db > thr


def trim(x: np.ndarray) -> tuple[np.ndarray, list[tuple[float, float]]]:
    """Cut a synthesised phrase to its sounding part.

    Returns the trimmed samples and the silences inside it that last at least
    ``MIN_INTERNAL_PAUSE_S`` (seconds from the trimmed start).
    """
    v = sounding(x)
    idx = np.flatnonzero(v)
    if idx.size == 0:
        raise ValueError("the synthesiser produced no sound")
    a, b = idx[0], idx[-1] + 1
    y = x[a * FRAME: b * FRAME].copy()
    nf = int(EDGE_FADE_S * SR)
    ramp = np.linspace(0.0, 1.0, nf)
    y[:nf] *= ramp
    y[-nf:] *= ramp[::-1]
    silences = []
    run = None
    for i in range(a, b):
        if not v[i]:
            run = i if run is None else run
        elif run is not None:
            if (i - run) * FRAME / SR >= MIN_INTERNAL_PAUSE_S:
                silences.append(((run - a) * FRAME / SR, (i - a) * FRAME / SR))
            run = None
    return y, silences


# ---------------------------------------------------------------------------------------------
# Counting rate units
# ---------------------------------------------------------------------------------------------
EN_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
KATAKANA = re.compile(r"[ァ-ヴー]")
SMALL_KANA = set("ャュョァィゥェォヮ")
JA_PUNCT = re.compile(r"[\s、。，．,.!?！？「」『』（）()・…ー〜]")


def count_words(text: str) -> int:
    """English words: runs of letters/digits, a contraction counts once ("I'm" = 1)."""
    return len(EN_WORD.findall(text))


def count_kana_morae(kana: str) -> int:
    """Morae of a katakana reading: every kana is one, except small ャュョァィゥェォ (they join
    the kana before); ッ, ン and ー count."""
    return sum(1 for c in KATAKANA.findall(kana) if c not in SMALL_KANA)


@lru_cache(maxsize=4096)
def kana_reading(text: str) -> str:
    """The pronunciation (katakana) Open JTalk gives ``text``: the reading it speaks."""
    return _pyopenjtalk().g2p(text, kana=True)


def count_morae(text: str) -> int:
    return count_kana_morae(kana_reading(text))


def count_chars(text: str) -> int:
    """Characters as written, without spaces and punctuation (the 字 of 字/分)."""
    return len(re.sub(r"[\s、。，．,.!?！？「」『』（）()・…]", "", text))


# ---------------------------------------------------------------------------------------------
# Scripts
# ---------------------------------------------------------------------------------------------
TOKEN = re.compile(r"\{([^}:]+)(?::(\w+))?\}|\[(\d+(?:\.\d+)?)\]|\|")


@dataclass(frozen=True)
class Seg:
    text: str
    filler_kind: str | None = None  # None for content
    synth: str | None = None  # what the synthesiser is given, if not ``text``


@dataclass(frozen=True)
class Gap:
    seconds: float | None  # None: drawn from the style


def parse_script(script: str, language: str) -> list[Seg | Gap]:
    """Markup -> segments and gaps (see the module docstring)."""
    items: list[Seg | Gap] = []
    pos = 0
    table = FILLERS[language]

    def add_text(chunk: str) -> None:
        chunk = chunk.strip()
        if chunk:
            items.append(Seg(chunk))

    for m in TOKEN.finditer(script):
        add_text(script[pos: m.start()])
        pos = m.end()
        if m.group(1) is not None:
            text = m.group(1).strip()
            kind = m.group(2)
            if text in table:
                k, synth, _ = table[text]
                items.append(Seg(text, kind or k, synth))
            elif kind:
                items.append(Seg(text, kind, None))
            else:
                raise ValueError(f"unknown filler {{{text}}}: give its kind, {{{text}:discourse}}")
        elif m.group(3) is not None:
            items.append(Gap(float(m.group(3))))
        else:
            items.append(Gap(None))
    add_text(script[pos:])
    return items


def to_script(items: list[Seg | Gap]) -> str:
    out = []
    for it in items:
        if isinstance(it, Gap):
            out.append("|" if it.seconds is None else f"[{it.seconds:.2f}]")
        elif it.filler_kind is None:
            out.append(it.text)
        else:
            table_kind = FILLERS["en"].get(it.text, FILLERS["ja"].get(it.text, (None,)))[0]
            out.append("{" + it.text + ("" if table_kind == it.filler_kind else f":{it.filler_kind}") + "}")
    return " ".join(out)


def split_sentences(content: str, language: str) -> list[str]:
    if language == "ja":
        parts = re.findall(r"[^。？！]+[。？！]?", content)
    else:
        parts = re.findall(r"[^.?!]+[.?!]?", content)
    return [p.strip() for p in parts if p.strip()]


def split_phrases(sentence: str, language: str) -> list[str]:
    """At commas (kept at the phrase end) and explicit ``|``."""
    sep = "、" if language == "ja" else ","
    out = []
    for chunk in sentence.split("|"):
        pieces = chunk.split(sep)
        for i, p in enumerate(pieces):
            p = p.strip()
            if not p:
                continue
            out.append(p + (sep if i < len(pieces) - 1 else ""))
    return out


def _pick(rng: np.random.Generator, weights: dict[str, int]) -> str:
    names = list(weights)
    w = np.array([weights[n] for n in names], float)
    return names[int(rng.choice(len(names), p=w / w.sum()))]


def _choose_filler(rng, language: str, style: Style, at_sentence_start: bool) -> Seg:
    table = FILLERS[language]
    kind = "hesitation" if rng.random() < style.hesitation_share else "discourse"
    allowed = {
        n: w for n, w in WEIGHTS[language][kind].items()
        if table[n][2] == "any" or (table[n][2] == "start") == at_sentence_start
    }
    name = _pick(rng, allowed)
    k, synth, _ = table[name]
    return Seg(name, k, synth)


def _uniform(rng, lo_hi: tuple[float, float]) -> float:
    return round(float(rng.uniform(*lo_hi)), 2)


def compose(spec: AnswerSpec, rng: np.random.Generator) -> list[Seg | Gap]:
    """Plain content sentences -> a script with fillers and pauses placed by the style."""
    style = STYLES[spec.style]
    lang = spec.language
    sep = "、" if lang == "ja" else ", "
    items: list[Seg | Gap] = []

    def gap(seconds: float) -> None:
        if items:
            items.append(Gap(seconds))

    def boundary(prev_sentence_end: bool) -> float:
        if rng.random() < style.p_long:
            return _uniform(rng, style.long_gap)
        return _uniform(rng, style.sentence_gap if prev_sentence_end else style.clause_gap)

    for sentence in split_sentences(spec.content, lang):
        phrases = split_phrases(sentence, lang)
        merged = [phrases[0]]
        for p in phrases[1:]:
            if rng.random() < style.p_merge:
                # Open JTalk pauses about 0.5 s at every 、; people often run clauses together
                joint = sep if lang == "en" or rng.random() < 0.5 else ""
                merged[-1] = merged[-1].rstrip("、,") + joint + p
            else:
                merged.append(p)
        for pi, phrase in enumerate(merged):
            at_start = pi == 0
            prev_end = bool(items) and isinstance(items[-1], Seg) and items[-1].filler_kind is None \
                and bool(SENTENCE_END.search(items[-1].text))
            if rng.random() < style.p_filler * (1.3 if at_start else 1.0):
                filler = _choose_filler(rng, lang, style, at_start)
                gap(boundary(prev_end) if rng.random() < 0.5 else _uniform(rng, style.filler_gap))
                items.append(filler)
                after = _uniform(rng, style.filler_gap)
                if filler.filler_kind == "hesitation" and rng.random() < style.p_long:
                    after = _uniform(rng, style.long_gap)
                items.append(Gap(after))
            else:
                gap(boundary(prev_end))
            words = phrase.split()
            if lang == "en" and words and words[0] in EN_REPEATABLE and rng.random() < style.p_repeat:
                items.append(Seg(words[0], "repetition", words[0] + ","))
                items.append(Gap(_uniform(rng, (0.08, 0.3))))
            if lang == "en" and len(words) >= 6 and rng.random() < style.p_mid:
                cut = [i for i in range(2, len(words) - 2) if words[i - 1].lower() in EN_MID_SPLIT_AFTER]
                if cut:
                    i = int(rng.choice(cut))
                    items.append(Seg(" ".join(words[:i])))
                    items.append(Gap(_uniform(rng, style.filler_gap)))
                    name = _pick(rng, {"um": 1, "uh": 2})
                    items.append(Seg(name, "hesitation", EN_FILLERS[name][1]))
                    items.append(Gap(_uniform(rng, style.filler_gap)))
                    items.append(Seg(" ".join(words[i:])))
                    continue
            items.append(Seg(phrase))
    return items


def fill_gaps(items: list[Seg | Gap], style: Style, rng: np.random.Generator) -> list[Seg | Gap]:
    """Make every boundary between two segments an explicit gap (drawn from the style where the
    script left it open)."""
    out: list[Seg | Gap] = []
    for it in items:
        if isinstance(it, Gap):
            if out and isinstance(out[-1], Seg):
                out.append(it)
            continue
        if out and isinstance(out[-1], Seg):
            out.append(Gap(None))
        out.append(it)
    if out and isinstance(out[-1], Gap):
        out.pop()
    resolved: list[Seg | Gap] = []
    for i, it in enumerate(out):
        if isinstance(it, Gap) and it.seconds is None:
            prev, nxt = out[i - 1], out[i + 1]
            if prev.filler_kind or nxt.filler_kind:
                s = _uniform(rng, style.filler_gap)
            elif SENTENCE_END.search(prev.text):
                s = _uniform(rng, style.sentence_gap)
            else:
                s = _uniform(rng, style.clause_gap)
            it = Gap(s)
        resolved.append(it)
    return resolved


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------
def room_noise(n: int, rng: np.random.Generator, color: str, dbfs: float) -> np.ndarray:
    """Pink (1/f power) or brown (1/f^2) noise, RMS at ``dbfs``, with nothing below 20 Hz."""
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / SR)
    shape = np.zeros_like(f)
    ok = f >= 20
    shape[ok] = f[ok] ** (-0.5 if color == "pink" else -1.0)
    y = np.fft.irfft(spec * shape, n)
    return y * (10 ** (dbfs / 20) / np.sqrt(np.mean(y * y)))


def seed_for(answer_id: str, seed: int = SEED) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}:{answer_id}".encode()).digest()[:8], "little")


def _r(x: float) -> float:
    return round(float(x), 4)


def render(spec: AnswerSpec, seed: int = SEED) -> tuple[np.ndarray, dict]:
    """Make one answer: 16 kHz mono float32 samples and its truth (``bench/TRUTH.md``)."""
    rng = np.random.default_rng(seed_for(spec.id, seed))
    style = STYLES[spec.style]
    raw = parse_script(spec.script, spec.language) if spec.script else compose(spec, rng)
    items = fill_gaps(raw, style, rng)
    sp = spec.speaker

    latency = _uniform(rng, (0.4, 1.5))
    tail = _uniform(rng, (0.8, 2.0))
    speech_dbfs = float(rng.uniform(-22.0, -17.0))
    noise_dbfs = float(rng.uniform(-50.0, -40.0))
    if spec.speech_dbfs is not None:
        speech_dbfs = spec.speech_dbfs
    if spec.noise_dbfs is not None:
        noise_dbfs = spec.noise_dbfs

    placed = []  # (start_sample, samples, seg, internal silences)
    t = int(round(latency * SR))
    for i, it in enumerate(items):
        if isinstance(it, Gap):
            t += int(round(it.seconds * SR))
            continue
        if it.filler_kind is None:
            y = synthesize(it.synth or it.text, sp.voice, sp.speed, sp.pitch)
        elif sp.engine == "espeak-ng":
            y = synthesize(it.synth or it.text, sp.voice, max(80.0, sp.speed * 0.8), sp.pitch)
        else:
            y = ja_filler(it.synth or it.text, following(items, i), round(sp.speed * 0.85, 3), sp.pitch)
        y, internal = trim(y)
        gain_db = float(rng.uniform(-1.5, 1.5))
        if it.filler_kind == "hesitation":
            gain_db -= 4.0
        elif it.filler_kind:
            gain_db -= 2.0
        placed.append((t, y * 10 ** (gain_db / 20), it, internal))
        t += len(y)
    n = t + int(round(tail * SR))

    speech = np.zeros(n)
    for start, y, _, _ in placed:
        speech[start: start + len(y)] += y
    mask = np.zeros(n, bool)
    for start, y, _, _ in placed:
        mask[start: start + len(y)] = True
    level = np.sqrt(np.mean(speech[mask] ** 2))
    scale = 10 ** (speech_dbfs / 20) / level
    peak = np.abs(speech).max() * scale
    if peak > 0.89:
        scale *= 0.89 / peak
        speech_dbfs = 20 * np.log10(level * scale)
    audio = speech * scale + room_noise(n, rng, spec.noise, noise_dbfs)
    audio = np.clip(audio, -1.0, 1.0).astype(np.float32)

    truth = build_truth(spec, items, placed, n, latency, speech_dbfs, noise_dbfs)
    return audio, truth


def pause_place(before: Seg) -> str:
    """Where a pause falls, from the segment before it: ``sentence`` after a sentence end,
    ``clause`` after a comma, ``mid`` anywhere else (after a filler, inside a phrase)."""
    if before.filler_kind:
        return "mid"
    if SENTENCE_END.search(before.text):
        return "sentence"
    if before.text.rstrip().endswith((",", "、")):
        return "clause"
    return "mid"


def build_truth(spec: AnswerSpec, items, placed, n: int, latency: float, speech_dbfs: float,
                noise_dbfs: float) -> dict:
    lang = spec.language
    segments, fillers, literal, pauses = [], [], [], []
    units = 0
    chars = 0
    content_parts = []
    for i, (start, y, seg, internal) in enumerate(placed):
        s, e = start / SR, (start + len(y)) / SR
        row = {"start": _r(s), "end": _r(e), "text": seg.text,
               "type": "filler" if seg.filler_kind else "speech"}
        if seg.filler_kind:
            row["kind"] = seg.filler_kind
            fillers.append({"text": seg.text, "start": _r(s), "end": _r(e), "kind": seg.filler_kind})
        else:
            u = count_words(seg.text) if lang == "en" else count_morae(seg.text)
            row["units"] = u
            units += u
            if lang == "ja":
                chars += count_chars(seg.text)
            content_parts.append(seg.text)
            for m in AMBIGUOUS[lang].finditer(seg.text):
                literal.append({"text": m.group(0), "start": _r(s), "end": _r(e), "phrase": seg.text})
        segments.append(row)
        for a, b in internal:
            # the synthesiser pauses by itself only at the commas of a merged phrase
            pauses.append({"start": _r(s + a), "end": _r(s + b), "source": "internal",
                           "place": "clause"})
        if i + 1 < len(placed):
            nxt = placed[i + 1][0] / SR
            if nxt > e:
                place = pause_place(seg)
                pauses.append({"start": _r(e), "end": _r(nxt), "source": "inserted", "place": place})
    for p in pauses:
        p["duration"] = _r(p["end"] - p["start"])
    pauses.sort(key=lambda p: p["start"])
    answer_start = placed[0][0] / SR
    answer_end = (placed[-1][0] + len(placed[-1][1])) / SR
    answer_s = answer_end - answer_start
    silent = sum(p["duration"] for p in pauses if p["duration"] >= TRUTH_PAUSE_FLOOR_S)
    speech_s = answer_s - silent
    joiner = " " if lang == "en" else ""
    script = to_script(items)
    if lang == "en":
        counts = {"words": units}
        rate = {"wpm": _r(units / answer_s * 60), "articulation_wpm": _r(units / speech_s * 60)}
    else:
        counts = {"morae": units, "chars": chars}
        rate = {"morae_per_s": _r(units / answer_s),
                "articulation_morae_per_s": _r(units / speech_s),
                "chars_per_min": _r(chars / answer_s * 60)}
    over = answer_s > spec.budget_s
    sp = spec.speaker
    return {
        "format": FORMAT,
        "id": spec.id,
        "audio": f"{spec.id}.flac",
        "language": lang,
        "question": spec.question,
        "budget_s": spec.budget_s,
        "style": spec.style,
        "speaker": {"engine": sp.engine, "voice": sp.voice, "speed": sp.speed, "pitch": sp.pitch},
        "sample_rate": SR,
        "duration_s": _r(n / SR),
        "latency_s": _r(answer_start),
        "answer_start": _r(answer_start),
        "answer_end": _r(answer_end),
        "answer_s": _r(answer_s),
        "speech_s": _r(speech_s),
        "over_budget": over,
        "budget_cut_time": _r(answer_start + spec.budget_s) if over else None,
        "counts": counts,
        "rate": rate,
        "level": {"speech_dbfs": round(speech_dbfs, 1), "noise_dbfs": round(noise_dbfs, 1),
                  "noise": spec.noise},
        "text": joiner.join(s["text"] for s in segments),
        "content_text": joiner.join(content_parts),
        "script": script,
        "segments": segments,
        "fillers": fillers,
        "pauses": pauses,
        "literal_uses": literal,
    }


def write_answer(spec: AnswerSpec, out_dir: Path, seed: int = SEED) -> dict:
    import soundfile as sf

    audio, truth = render(spec, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    sf.write(out_dir / truth["audio"], audio, SR, subtype="PCM_16", compression_level=1.0)
    (out_dir / f"{spec.id}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
    return truth


def write_noise_only(out_dir: Path, seed: int = SEED, seconds: float = 20.0) -> dict:
    """Room noise and nothing else: the analyser must find no words in it."""
    import soundfile as sf

    rng = np.random.default_rng(seed_for("noise_only", seed))
    n = int(seconds * SR)
    y = room_noise(n, rng, "pink", -42.0) + room_noise(n, rng, "brown", -44.0)
    # a soft 50 Hz hum and its harmonics, like a laptop on mains power
    tt = np.arange(n) / SR
    y += 10 ** (-52 / 20) * (np.sin(2 * np.pi * 50 * tt) + 0.5 * np.sin(2 * np.pi * 150 * tt))
    out_dir.mkdir(parents=True, exist_ok=True)
    sf.write(out_dir / "noise_only.flac", y.astype(np.float32), SR, subtype="PCM_16")
    truth = {"format": FORMAT, "id": "noise_only", "audio": "noise_only.flac", "language": None,
             "kind": "noise", "duration_s": seconds, "counts": {"words": 0},
             "description": "pink -42 dBFS + brown -44 dBFS room noise and a -52 dBFS 50/150 Hz hum"}
    (out_dir / "noise_only.json").write_text(json.dumps(truth, indent=1) + "\n", encoding="utf-8")
    return truth


# ---------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------
def _en(id, q, budget, style, voice, speed, pitch, content="", script="", noise="pink"):
    return AnswerSpec(id, "en", q, budget, style, Speaker(voice, speed, pitch), content, script, noise)


def _ja(id, q, budget, style, speed, half_tone, content="", script="", noise="pink"):
    return AnswerSpec(id, "ja", q, budget, style, Speaker("mei", speed, half_tone), content, script,
                      noise)


CORPUS: list[AnswerSpec] = [
    _en("en01_clean_yourself", "Tell me about yourself.", 90, "clean", "en-us", 130, 50, content=(
        "I'm a final year computer science student at the University of Leeds, and I'm looking for "
        "a graduate role as a backend engineer. Over the last two years I have worked part time at a "
        "small logistics company, where I maintain the system that plans delivery routes. I like that "
        "kind of work, because every change I make shows up the next morning in how the drivers "
        "spend their day. Outside of work, I run the coding club at my university. We meet every "
        "Thursday, and I help first year students build their first real projects. What I enjoy most "
        "is taking a messy problem, breaking it into small steps, and explaining it so that other "
        "people can carry it forward. That is why this role appeals to me. Your team builds tools "
        "that other engineers depend on, and I would like to grow into someone they can rely on.")),
    _en("en02_slow_strength", "What is your greatest strength?", 90, "slow", "en-gb", 105, 40,
        noise="brown", content=(
        "I would say my greatest strength is patience with difficult problems. In my final project, "
        "our sensor data was full of gaps, and nobody could explain why. Instead of guessing, I wrote "
        "down every step of the pipeline, and tested each one on its own. It took nearly two weeks, "
        "but in the end we found a clock error in the logger. Since then, my supervisor has asked me "
        "to review the data checks for the whole lab. I think that patience is what makes people "
        "trust my results.")),
    _en("en03_fast_project", "Tell me about a project you are proud of.", 120, "fast", "en-us+f3",
        160, 60, content=(
        "The project I'm most proud of is a booking app I built for a climbing gym near my "
        "university. They were taking bookings over the phone, and on busy evenings people waited at "
        "the door for an hour. If you know the gym, you know how busy it gets after work. I "
        "spent the summer building a simple web app, with a calendar, a "
        "waiting list, and text message reminders. The hardest part was not the code, it was getting "
        "the staff to trust it. So I sat at the front desk for three evenings, watched how they "
        "worked, and changed the design to match. For example, they needed to see the next two hours "
        "at a glance, not the whole day. After the launch, the queue at the door disappeared, and "
        "phone calls dropped by about half. The owner told me the staff now argue about who gets to "
        "use the app. What I learned is that a good tool fits the way people already work. Since "
        "then I always start a project by watching the people who will use it, before I write a "
        "single line of code. I'd like to bring that habit to this team, because your products are "
        "used by people who are busy, and who don't have time to read a manual.")),
    _en("en04_hesitant_weakness", "What is your greatest weakness?", 60, "hesitant", "en-us+m3",
        120, 45, noise="brown", content=(
        "My greatest weakness is probably that I find it hard to ask for help. When I started my "
        "internship, I was given a task to migrate an old database. I got stuck on the first day, "
        "but I didn't tell anyone. I spent three days trying things on my own. When I finally asked "
        "my mentor, she solved it in ten minutes. She told me that asking early is part of the job, "
        "and not a sign of weakness. Since then I set myself a rule. If I am stuck for more than an "
        "hour, I write down what I tried, and I ask someone. It still doesn't come naturally, but "
        "I'm getting better at it.")),
    _en("en05_rambling_conflict", "Tell me about a time you disagreed with a teammate.", 120,
        "rambling", "en-gb-x-rp", 135, 55, content=(
        "This was during my second year, in a group project for our software engineering module. "
        "There were five of us, and we had to build a mobile app for a local charity that collects "
        "food for families. One of my teammates, Tom, wanted to build everything from scratch, "
        "because he said the frameworks were too heavy. I thought we should use a framework, because "
        "we only had eight weeks, and none of us had built an app before. At first we just kept "
        "arguing in the group chat, which did not help at all. Messages were getting longer and "
        "longer, and the others stopped replying. I remember one evening I wrote a really long "
        "message, and then deleted it, because I realised I was just trying to win. So I asked Tom "
        "if we could meet for a coffee instead. When we talked in person, I found out that he was "
        "worried about the phones the families use. A lot of them have old phones with very little "
        "memory, and he had read that framework apps can be slow on those phones. That was a good "
        "point, and honestly I had not thought about it at all. So we agreed to test it. We each "
        "built the same small screen, one with the framework and one without, and we ran both on "
        "the oldest phone we could find. His version was a bit faster, but mine took a quarter of "
        "the time to build. In the end we used the framework, but we followed his advice on images "
        "and memory, and the app ran fine on the old phones. The charity still uses it today, which "
        "is great. Looking back, I think the disagreement made the app better. What I learned is "
        "that when someone disagrees strongly, there is usually a real worry behind it, and it is "
        "worth finding out what it is before you argue about the solution. I also learned that long "
        "messages in a group chat are a bad place to settle anything. Now, if a discussion goes back "
        "and forth more than twice, I suggest a short call. It saves time, and people are much "
        "kinder to each other when they can hear each other's voices.")),
    _en("en06_clean_why_here", "Why do you want to work here?", 60, "clean", "en-gb", 135, 50,
        noise="brown", content=(
        "I want to work here because your tools are used by millions of small businesses, and I have "
        "seen what a difference they make. My parents run a bakery, and your software is the reason "
        "they can take orders online. I would love to help build something that matters to people "
        "like them.")),
    _en("en07_hesitant_failure", "Tell me about a time you failed.", 120, "hesitant",
        "en-gb-scotland", 110, 40, content=(
        "In my first year, I signed up to organise a hackathon for our computing society. I was "
        "excited, and I said yes to everything. I booked a room, I found sponsors, and I promised "
        "free food for a hundred people. But I did not plan the day itself. On the morning of the "
        "event, we had no schedule, no judges, and the wifi could not handle that many laptops. "
        "People were confused, and about a third of them left before lunch. It was honestly quite "
        "embarrassing. When I say I failed, I mean that I let people down. Afterwards, I asked "
        "the people who stayed what went wrong, and I wrote it all "
        "down. The next year I ran it again, but this time with a team of four, and a checklist that "
        "started two months before the day. Almost everyone stayed until the end. The main thing I "
        "learned is that saying yes is easy, but planning is the real work.")),
    _en("en08_rambling_yourself", "Tell me about yourself.", 90, "rambling", "en-us+m1", 140, 50,
        noise="brown", content=(
        "I grew up in a small town by the sea, and I was always the kid who took things apart to see "
        "how they worked. My first computer was an old laptop that my uncle gave me, and it was so "
        "slow that I had to learn how to fix it before I could even play games on it. That is how I "
        "got into programming, really. At school I built a website for the football club, and then a "
        "little app to track the bus times, because the bus was always late. I studied mathematics "
        "at university, which I enjoyed, but I missed building things, so in my final year I took "
        "every programming module I could. I did a summer internship at an insurance company, where "
        "I worked on their claims system. It was not the most exciting product, but I learned a lot "
        "about working on a large codebase with a real team, and about writing tests, which I had "
        "never really done before. After graduating I joined a startup that makes software for "
        "dentists. It was a small team, so I did a bit of everything, from the database to the "
        "website to answering support emails. I like that kind of variety, but after two years I "
        "feel I want to go deeper in one area, and that area is data engineering. I have been taking "
        "an online course in the evenings, and I built a pipeline that collects air quality data "
        "from sensors around my city. That is really why I applied for this role. You work with a "
        "lot of data from real devices, and I would love to learn from a team that does it at "
        "scale. Outside of work, I swim in the sea most mornings, even in winter, which my friends "
        "think is a bit mad.")),
    _en("en09_fast_leadership", "Describe a time you showed leadership.", 90, "fast", "en-us+f2",
        165, 65, content=(
        "Last year I was one of six students on a robotics team, and two weeks before the "
        "competition our team leader got sick. Nobody wanted to take over, so I offered to "
        "coordinate until she came back. The first thing I did was write a list of everything that "
        "was still broken, and we had a short meeting every morning to pick the three most important "
        "things. I made sure each person owned one part, so that nobody was waiting for anyone else. "
        "We also stopped adding new features, which was hard, because everyone had ideas they were "
        "excited about. The robot was not perfect, but it worked on the day, and we came fourth out "
        "of twenty teams. Our leader came back for the final, and she said the team looked calmer "
        "than she had ever seen it. I think leadership is mostly about making the next step clear "
        "for everyone.")),
    _en("en10_clean_questions", "Do you have any questions for us?", 60, "clean", "en-gb-x-rp", 125,
        45, content=(
        "Yes, I have two questions. First, what does a typical first month look like for a new "
        "graduate on this team? And second, how does the team decide which projects to work on "
        "next? I would like to understand how much say engineers have in that, and how often the "
        "plans change during the year.")),
    _en("en11_slow_five_years", "Where do you see yourself in five years?", 60, "slow", "en-us+m7",
        115, 35, noise="brown", content=(
        "In five years, I see myself as a senior engineer who others come to with hard problems. I "
        "want to have led at least one project from the first idea to the launch. I would also like "
        "to mentor new graduates, because my own mentor made such a difference to me. I'm not fixed "
        "on a particular title. What matters to me is that I keep learning, and that the things I "
        "build are used by real people every day.")),
    _en("en12_literal_team", "What kind of team do you like to work in?", 60, "clean", "en-us", 130,
        55, script=(
        "I like teams where people say what they think, | so that problems come up early. [0.6] "
        "In my last job, we had a rule. [0.5] If you know something is wrong, | you say it in the "
        "standup. [0.7] {um} [0.45] That is what I mean by an open team. [0.8] "
        "I also like working with people who know more than me, | so I can learn from them. [0.6] "
        "It felt like a real team, [0.2] {you know} [0.35] not just a group of people. [0.9] "
        "Our rule worked so well | that two other teams copied it. [0.5] {so} [0.3] "
        "I would like to find that again. [0.7] {uh} [0.4] My manager said she liked the way "
        "I explained things, | and I mean to keep working on that. [0.6] It looks like your team "
        "works in a similar way, | which is why I applied.")),
    # ------------------------------------------------------------------------------- Japanese
    _ja("ja01_clean_jikoshoukai", "自己紹介をお願いします。", 30, "clean", 1.0, 0.0, content=(
        "東西大学経済学部の山田花子と申します。大学では、地域の商店街の活性化をテーマに、ゼミで研究を"
        "行っています。また、学園祭の実行委員として、来場者アンケートの集計を担当しました。本日は、"
        "これまでの経験をお伝えできればと思います。どうぞよろしくお願いいたします。")),
    _ja("ja02_hesitant_jikoshoukai", "自己紹介をお願いします。", 30, "hesitant", 0.95, -2.0,
        noise="brown", content=(
        "北山大学工学部三年の佐藤健太です。大学では機械工学を学んでいて、特にロボットの制御について"
        "研究しています。アルバイトでは、三年間、塾の講師をしています。生徒に分かりやすく説明する"
        "ことを、いつも心がけています。趣味は登山で、夏休みには友人と富士山に登りました。本日は"
        "よろしくお願いいたします。")),
    _ja("ja03_clean_jikopr", "自己PRをしてください。", 60, "clean", 1.05, 1.0, content=(
        "私の強みは、周りを巻き込みながら、目標に向かって粘り強く取り組めることです。大学二年生の時、"
        "所属するテニスサークルの部員が減り、存続が危ぶまれていました。私は副代表として、まず退部した"
        "人に話を聞き、練習が厳しすぎることが原因だと分かりました。そこで、初心者向けの練習日を新しく"
        "作り、経験者が交代で教える仕組みを提案しました。最初は反対する先輩もいましたが、一人ひとりと"
        "話し合い、協力してもらえるようになりました。その結果、一年で部員を二倍に増やすことが"
        "できました。貴社に入社した後も、この強みを生かして、チームの成果に貢献したいと考えています。")),
    _ja("ja04_rambling_gakuchika", "学生時代に力を入れたことは何ですか。", 60, "rambling", 1.0, -1.0,
        content=(
        "学生時代に力を入れたことは、カフェでのアルバイトです。最初は、家から近いという理由で始めた"
        "んですけど、働いているうちに、だんだん面白くなってきました。そのお店は駅前にあって、朝の"
        "時間帯がすごく混むんですね。お客さんが並んでしまって、電車に間に合わないからと、帰って"
        "しまう人もいました。それを見て、もったいないなと思って、店長に相談しました。店長も困って"
        "いたみたいで、何かいい案があったら試してみていいよと言ってくれました。そこで、まず一週間、"
        "朝のお客さんの注文を記録してみたんです。そうしたら、ほとんどの人が、同じ三つのメニューしか"
        "頼んでいないことが分かりました。なので、その三つだけは、朝のピークの前に準備しておくことに"
        "しました。あと、レジの横に、メニューを大きく書いたボードを置いて、並んでいる間に注文を"
        "決めてもらえるようにしました。この二つを始めてから、待ち時間が大体半分くらいになって、"
        "常連のお客さんからも、早くなったねと言ってもらえるようになりました。あの時、店長が任せて"
        "くれたことに、今でも感謝しています。この経験から、問題を感覚ではなく、数字で見ることの大切さを"
        "学びました。")),
    _ja("ja05_fast_shiboudouki", "志望動機を教えてください。", 60, "fast", 1.2, 2.0, noise="brown",
        content=(
        "私が貴社を志望する理由は、地方の中小企業の成長を、デジタルの力で支えたいと考えているから"
        "です。私の実家は、小さな印刷会社を経営しています。数年前、父が受注の管理を紙からシステムに"
        "切り替えたことで、残業が大きく減り、家族と過ごす時間が増えました。その姿を見て、仕組みを"
        "変えることで、働く人の生活まで変えられるのだと実感しました。貴社は、中小企業向けの業務"
        "システムで、業界でも高いシェアを持っています。さらに、導入後のサポートにも力を入れている"
        "点に、強く惹かれました。入社後は、営業として、お客様の現場の課題を丁寧に聞き取り、本当に"
        "役立つ提案ができる人材になりたいと考えています。")),
    _ja("ja06_slow_tansho", "あなたの短所を教えてください。", 60, "slow", 0.85, -3.0, content=(
        "私の短所は、心配性なところです。準備に時間をかけすぎてしまい、行動に移すのが遅くなることが"
        "あります。ゼミの発表では、資料を何度も作り直してしまい、先生に確認していただく時間が"
        "なくなってしまいました。その時の発表の評価は、まあまあでした。それからは、締め切りの前に、"
        "必ず中間の確認日を決めるようにして"
        "います。今では、心配性であることを、準備の丁寧さとして生かせるようになってきたと思います。")),
    _ja("ja07_hesitant_zasetsu", "挫折した経験を教えてください。", 60, "hesitant", 1.0, -1.0,
        noise="brown", content=(
        "私が挫折した経験は、大学一年生の時の、留学の選考に落ちたことです。高校生の頃から、海外で"
        "勉強することが目標だったので、とても落ち込みました。今振り返ると、英語の試験の点数ばかりを"
        "気にしていて、なぜ留学したいのかを、自分の言葉で説明できていなかったと思います。そこで、"
        "次の年までに、留学して何を学びたいのかを、ノートに書き出すことから始めました。また、"
        "留学生の支援をするボランティアに参加して、実際に海外の学生と話す機会を増やしました。"
        "その結果、二年生の選考では合格することができ、半年間、カナダの大学で学びました。この経験"
        "から、結果だけでなく、目的をはっきりさせることの大切さを学びました。")),
    _ja("ja08_literal_gakumon", "大学で学んだことを教えてください。", 60, "clean", 1.0, 1.0, script=(
        "大学では、心理学を専攻していました。| 特に、人が集団の中でどう意思決定をするかに興味があり、"
        "その分野のゼミに入りました。[0.8] {えー} [0.4] 三年生の時には、学内のアンケート調査を"
        "企画しました。[0.7] 最初の調査の結果は、まあまあでしたが、| 回答率が低いことが課題でした。"
        "[0.9] {あのー} [0.5] 何が悪かったのかを考えて、| 質問の数を半分に減らしました。[0.7] "
        "あの時、先生から、なんかいい方法はないかと聞かれて、| すぐに答えられなかったことを覚えて"
        "います。[1.1] {まあ} [0.3] その経験があったので、| 今は、相手の立場に立って考えることを"
        "大切にしています。[0.6] そのため、サークルでも、| 新入生の意見を聞く場を作りました。")),
    _ja("ja09_rambling_long", "学生時代に最も力を入れたことを教えてください。", 60, "rambling", 1.05,
        -2.0, content=(
        "私が学生時代に最も力を入れたことは、地元の子ども向けのプログラミング教室の運営です。"
        "きっかけは、大学一年生の夏に、地域の公民館で行われたイベントを手伝ったことでした。そこでは、"
        "小学生が、簡単なゲームを作る体験をしていたんですが、参加した子どもたちが、すごく楽しそうに"
        "していたのが印象的でした。ただ、そのイベントは年に一回しかなくて、もっと続けて学べる場が"
        "あればいいのにと思いました。そこで、同じ学科の友人三人に声をかけて、月に二回の教室を始める"
        "ことにしました。最初に困ったのは、場所とパソコンの確保でした。公民館の方に相談したところ、"
        "会議室を無料で貸していただけることになりました。パソコンは、大学の研究室で使わなくなった"
        "ものを、先生にお願いして譲っていただきました。次に困ったのは、教える内容です。私たちは、"
        "大学ではプログラミングを学んでいましたが、小学生にどう教えればいいのかは、全く分かりません"
        "でした。先生からは、なんか面白いことを始めたねと言われましたが、最初の数回は、説明が"
        "難しすぎて、途中で飽きてしまう子どももいました。そこで、毎回の"
        "教室の後に、子どもたちと保護者の方に、短いアンケートをお願いすることにしました。アンケートを"
        "見ると、説明を聞く時間が長いと、つまらないと感じることが分かりました。それからは、説明は"
        "短くして、すぐに手を動かせるように、教材を作り直しました。また、早く終わった子には、自由に"
        "改造できる課題を用意しました。その結果、半年後には、参加者が三倍に増えて、キャンセル待ちが"
        "出るほどになりました。今では、後輩たちが教室を引き継いでくれていて、私も月に一回は手伝いに"
        "行っています。この経験を通して、相手の反応を見ながら、やり方を少しずつ改善していくことの"
        "大切さを学びました。また、一人ではできないことも、周りの人に協力をお願いすれば実現できると"
        "いうことも、身をもって感じました。貴社でも、お客様や周りの方の声を大切にしながら、粘り強く"
        "仕事に取り組みたいと考えています。")),
    _ja("ja10_clean_saigo", "最後に何か一言ありますか。", 30, "clean", 1.0, 2.0, noise="brown",
        content=(
        "本日は、貴重なお時間をいただき、ありがとうございました。お話を伺って、貴社で働きたいという"
        "気持ちが、さらに強くなりました。伺ったお話は、今後の準備にも生かしたいと思います。ご縁があれば、精一杯頑張りますので、どうぞよろしく"
        "お願いいたします。")),
    _ja("ja11_fast_rambling_nyusha", "入社後にやりたいことは何ですか。", 60, "rambling", 1.2, 0.0,
        content=(
        "入社後は、まず営業の現場で、お客様の課題を直接知る経験を積みたいと考えています。大学の"
        "ゼミで、地域の農家の方にお話を伺った時、現場の声を聞かないと、本当の課題は見えてこないと"
        "実感しました。そのため、最初の数年間は、できるだけ多くのお客様とお会いして、信頼関係を"
        "築きたいです。その上で、将来的には、現場で得た知識を生かして、新しいサービスの企画に"
        "携わりたいと思っています。特に、人手不足に悩む地方の企業を支えるサービスを、自分の手で"
        "形にすることが目標です。")),
    _ja("ja12_slow_hesitant_jikopr", "自己PRをしてください。", 60, "hesitant", 0.9, 1.0, content=(
        "私の強みは、最後までやり抜く力です。高校から続けている吹奏楽では、毎年、地区大会での"
        "金賞を目標にしてきました。大学でも、パートリーダーとして、後輩の練習計画を作りました。"
        "うまくいかない時も、練習の録音を聞き直して、どこを直せばいいかを一緒に考えました。その結果、"
        "最後の大会で、初めて金賞をいただくことができました。")),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=CORPUS_DIR, help="output folder (bench/corpus)")
    ap.add_argument("--only", nargs="*", help="answer ids (or prefixes) to generate")
    ap.add_argument("--lang", choices=("en", "ja"), help="only this language")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--list", action="store_true", help="list the answers and exit")
    args = ap.parse_args(argv)
    specs = [s for s in CORPUS if (not args.lang or s.language == args.lang)
             and (not args.only or any(s.id.startswith(o) for o in args.only))]
    if args.list:
        for s in specs:
            print(f"{s.id:32} {s.language} {s.style:9} budget {s.budget_s:g}s  {s.question}")
        return 0
    t0 = time.perf_counter()
    rows = []
    for s in specs:
        t1 = time.perf_counter()
        truth = write_answer(s, args.out, args.seed)
        print(f"{s.id:32} {truth['answer_s']:6.1f}s answer  {len(truth['fillers']):3d} fillers  "
              f"{sum(p['duration'] >= 0.5 for p in truth['pauses']):3d} pauses>=0.5s  "
              f"{'OVER ' if truth['over_budget'] else ''}({time.perf_counter() - t1:.1f}s)",
              file=sys.stderr)
        rows.append({"id": s.id, "language": s.language, "style": s.style,
                     "answer_s": truth["answer_s"], "over_budget": truth["over_budget"]})
    if not args.only and not args.lang:
        write_noise_only(args.out, args.seed)
        rows.append({"id": "noise_only", "language": None, "style": None})
    elapsed = time.perf_counter() - t0
    index = {"format": FORMAT, "seed": args.seed, "answers": rows,
             "generation_s": round(elapsed, 1)}
    if not args.only and not args.lang:
        (args.out / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n",
                                             encoding="utf-8")
    print(f"wrote {len(rows)} files to {args.out} in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
