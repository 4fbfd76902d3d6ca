"""Measurements: answer span, rate, fillers, pauses, budget -> figures and verdicts.

Pure functions over a :class:`~furikaeri.transcribe.Transcript` and speech intervals from the
audio (:mod:`furikaeri.speech`); language rules come from :mod:`furikaeri.lang`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Filler:
    """A filler occurrence.

    ``kind``: ``hesitation`` (um, uh, えー: a sound, not a word) or ``discourse`` (like, you
    know, あの, まあ: a word used as filler). Repeated words are :class:`Repetition`.
    ``how_found``: ``transcript`` (Whisper wrote it), ``relisten`` (Whisper wrote it when the short
    island of sound was decoded again on its own, see ``transcribe.relisten_islands``) or
    ``acoustic`` (a held voiced sound with no word over it, recovered from the audio).
    """

    text: str
    start: float
    end: float
    kind: str = "hesitation"
    how_found: str = "transcript"


@dataclass(frozen=True)
class Repetition:
    """A repeated word or restart ("the, the", 「それがそれが」): the first copy, the false
    start. A habit of its own, counted apart from fillers."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Pause:
    """A silent pause inside the answer span, edges from the audio.

    ``kind``: ``short`` (< 1 s), ``long`` (1-3 s), ``very_long`` (>= 3 s).
    ``place``: ``sentence`` (after a sentence end: helps the listener), ``clause`` (at a comma
    or 、: a phrase boundary) or ``mid`` (inside a phrase: reads as hesitation).
    """

    start: float
    end: float
    kind: str
    place: str = "mid"

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Verdict:
    """How a figure compares with its norm: ``level`` is ``low``, ``good``, ``high`` (or
    ``n/a``); ``norm`` is the band as text (e.g. ``"120-160 wpm"``); ``source`` cites it."""

    level: str
    norm: str
    source: str = ""




# ---------------------------------------------------------------------------------------------
# Norms (METRICS.md). One place decides each band.

#: English speaking rate, words per minute over the answer span (pauses included). Coaches
#: commonly use 120-160 (Speaker Coach 100-165, Read.ai 130-175).
WPM_BAND = (120.0, 160.0)
#: Japanese: about 300 字/分 is the NHK / interview norm, 350 commercial TV, 400 fast.
CPM_BAND = (250.0, 350.0)
#: Japanese morae per second over the answer span (pauses included). Conversational Japanese
#: runs at roughly 7-8 morae/s, read speech slower; an interview answer that is easy to follow
#: sits around 5.5-8.
MORAE_BAND = (5.5, 8.0)
#: Fillers per minute: <= 2 excellent, <= 5 professional, > 10 needs work (FrameFlow docs).
FILLERS_GOOD, FILLERS_OK = 2.0, 5.0
#: Silent pauses (fluency research floor 0.25 s; classes: long >= 1 s, very long >= 3 s).
MIN_PAUSE_S, LONG_PAUSE_S, VERY_LONG_PAUSE_S = 0.25, 1.0, 3.0
#: Share of the answer spent silent: above this the answer sounds halting.
SILENCE_SHARE_HIGH = 0.35

SOURCES = {
    "rate_en": "METRICS.md: Speaker Coach 100-165, coaches 120-160 wpm",
    "rate_ja": "METRICS.md: NHK ~300 字/分 (talkrescue.jp), 7-8 morae/s conversational",
    "fillers": "METRICS.md: <=2/min excellent, <=5/min professional (FrameFlow)",
    "pauses": "METRICS.md: pauses >= 1 s long, >= 3 s very long",
    "length": "the question's time budget",
}


def band_verdict(value: float | None, band: tuple[float, float], norm: str, source: str) -> Verdict:
    if value is None:
        return Verdict("n/a", norm, source)
    lo, hi = band
    level = "low" if value < lo else "high" if value > hi else "good"
    return Verdict(level, norm, source)


# ---------------------------------------------------------------------------------------------
# Words against the audio.


def join_with_offsets(words, language: str) -> tuple[str, list[tuple[int, int]]]:
    """The transcript text and, for each word, its ``(start, end)`` character offsets in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, w in enumerate(words):
        t = w.text
        if i == 0:
            t = t.lstrip()
        parts.append(t)
        lead = len(t) - len(t.lstrip())
        spans.append((pos + lead, pos + len(t)))
        pos += len(t)
    return "".join(parts), spans


def snap_words(words, speech) -> list:
    """Move each word onto the speech interval it was said in, and clip it to that interval.

    Whisper's cross-attention timestamps stretch a word over the silence *before* it (a word
    after a pause often starts where the previous word ended), sometimes over a whole filled
    pause. So when a word's stamp overlaps several speech intervals, it belongs to the last one
    it overlaps by at least 0.1 s (or half its length). A word that overlaps no speech at all
    (within 0.3 s) is dropped: it was invented over silence.
    """
    from dataclasses import replace

    out = []
    ivs = list(speech)
    for w in words:
        cands = []
        for iv in ivs:
            if iv.start >= w.end + 0.3:
                break
            ov = min(w.end, iv.end) - max(w.start, iv.start)
            if ov > 0:
                cands.append((iv, ov))
        best = None
        if cands:
            solid = [c for c in cands if c[1] >= min(0.1, 0.5 * (w.end - w.start))]
            best = solid[-1][0] if solid else max(cands, key=lambda c: c[1])[0]
        else:
            near = [iv for iv in ivs if iv.start - 0.3 <= w.end and w.start <= iv.end + 0.3]
            if not near:
                continue
            best = min(near, key=lambda iv: min(abs(iv.start - w.end), abs(w.start - iv.end)))
        s = max(w.start, best.start)
        e = min(w.end, best.end)
        if e <= s:  # the stamp lay outside the island: put the word at the island's edge
            if w.end <= best.start:
                s, e = best.start, min(best.end, best.start + max(0.05, w.end - w.start))
            else:
                s, e = max(best.start, best.end - max(0.05, w.end - w.start)), best.end
        out.append(replace(w, start=round(s, 3), end=round(e, 3)))
    # Keep order and monotonic times.
    for i in range(1, len(out)):
        if out[i].start < out[i - 1].start:
            out[i] = replace(out[i], start=out[i - 1].start, end=max(out[i].end, out[i - 1].start))
    return out


def _words_in_span(spans, start: int, end: int) -> list[int]:
    return [i for i, (s, e) in enumerate(spans) if s < end and e > start]


#: A silence at least this long after a word reads as a comma to the filler rules: "late, so
#: [0.5 s] I studied" is "late, so, I studied" (a "so" left hanging is a filler, not *therefore*).
PROSODIC_COMMA_S = 0.3
_CLAUSE_PUNCT = tuple(",.!?;:…、。，！？")


def silence_between(speech, t0: float, t1: float) -> float:
    """Seconds of ``[t0, t1]`` not inside any speech interval."""
    if t1 <= t0:
        return 0.0
    inside = sum(max(0.0, min(t1, iv.end) - max(t0, iv.start)) for iv in speech)
    return max(0.0, (t1 - t0) - inside)


def transcript_fillers(words, rules, speech=()) -> tuple[str, list[Filler], list[tuple[int, int]]]:
    """Fillers the transcript shows, with times from the words that carry them.

    The rules read Whisper's punctuation as the pauses it heard; where the audio has a silence
    of ``PROSODIC_COMMA_S`` or more after a word with no punctuation (``speech`` given), the
    rules see a comma there too. Returns the transcript text (as Whisper wrote it), the fillers
    and their character spans in that text.
    """
    text, spans = join_with_offsets(words, rules.code)
    comma = "、" if rules.code == "ja" else ","
    seen = list(words)
    added = []  # word indices that got a comma
    if speech:
        from dataclasses import replace

        for i in range(len(words) - 1):
            t = words[i].text.rstrip()
            if t and not t.endswith(_CLAUSE_PUNCT) and \
                    silence_between(speech, words[i].end, words[i + 1].start) >= PROSODIC_COMMA_S:
                seen[i] = replace(words[i], text=t + comma)
                added.append(i)
    rule_text, rule_spans = join_with_offsets(seen, rules.code) if added else (text, spans)

    def to_text(offset: int) -> int:
        # An offset in the rules' text -> the same place in ``text`` (each added comma is 1 char).
        return offset - sum(1 for i in added if rule_spans[i][1] <= offset)

    out: list[Filler] = []
    char_spans: list[tuple[int, int]] = []
    matches = rules.find_fillers(rule_text)
    for m in matches:
        idx = _words_in_span(rule_spans, m.start, m.end)
        if not idx:
            continue
        if m.kind == "discourse" and m.text.strip(" ,、").lower() in getattr(rules, "needs_pause", ()) \
                and not _set_off(words, idx, speech, matches, m):
            continue
        start = words[idx[0]].start
        end = words[idx[-1]].end
        if len(idx) == 1 and (spans[idx[0]][1] - spans[idx[0]][0]) > 0:
            # A filler inside a longer token: scale the time by character position.
            ws, we = spans[idx[0]]
            w = words[idx[0]]
            m0, m1 = to_text(m.start), min(to_text(m.end), we)
            frac0 = (max(m0, ws) - ws) / (we - ws)
            frac1 = (max(min(m1, we), ws) - ws) / (we - ws)
            start = w.start + frac0 * (w.end - w.start)
            end = w.start + frac1 * (w.end - w.start)
        how = "relisten" if all(getattr(words[i], "source", "") == "relisten" for i in idx) else "transcript"
        out.append(Filler(text=m.text.strip(" ,、"), start=round(start, 3), end=round(end, 3), kind=m.kind, how_found=how))
        char_spans.append((to_text(m.start), min(to_text(m.end), spans[idx[-1]][1])))
    return text, out, char_spans


#: A silence at least this long (s) right before or after a word sets it off in speech.
SET_OFF_S = 0.15


def _set_off(words, idx, speech, matches, m) -> bool:
    """Does the audio (or a filler beside it) set off the filler word ``words[idx]``? Whisper
    puts commas round "like" in "it is, like, a puzzle" and in "it is like a puzzle" alike; only
    a pause next to it, or another filler beside it, shows the filler."""
    if not speech:
        return True
    i0, i1 = idx[0], idx[-1]
    before = silence_between(speech, words[i0 - 1].end, words[i0].start) if i0 else SET_OFF_S
    after = silence_between(speech, words[i1].end, words[i1 + 1].start) if i1 + 1 < len(words) else SET_OFF_S
    beside = any(o is not m and o.kind != "repetition" and (o.end == m.start or 0 <= o.start - m.end <= 2)
                 for o in matches)
    return before >= SET_OFF_S or after >= SET_OFF_S or beside


#: An ambiguous word (``rules.drawn_fillers``: so, well, like; まあ, なんか, あの, その) that is
#: the only word on an island of speech at least this long was drawn out on its own: "sooo...
#: [pause]" is a filler, while the connective flows into its clause ("so I studied") and a
#: stressed "so" alone lasts about 0.2-0.35 s.
DRAWN_MIN_S = 0.45
_EDGE_PUNCT = " ,.!?…、。，！？"


def drawn_out_fillers(words, speech, fillers, rules) -> tuple[list[Filler], list[tuple[int, int]]]:
    """Fillers said as a drawn-out ambiguous word alone between silences, with the character
    spans (in the transcript text) of those words (they leave the rate count)."""
    from furikaeri.speech import speech_islands

    out: list[Filler] = []
    chars: list[tuple[int, int]] = []
    vocab = getattr(rules, "drawn_fillers", frozenset())
    if not vocab:
        return out, chars
    _, spans = join_with_offsets(words, rules.code)
    for s, e in speech_islands(speech):
        if e - s < DRAWN_MIN_S:
            continue
        on = [i for i, w in enumerate(words) if s - 0.05 <= (w.start + w.end) / 2 <= e + 0.05]
        if len(on) != 1:
            continue
        word = words[on[0]].text.strip(_EDGE_PUNCT)
        if word.lower() not in vocab or any(f.start < e and f.end > s for f in fillers):
            continue
        out.append(Filler(word, round(s, 3), round(e, 3), "discourse", "transcript"))
        chars.append(spans[on[0]])
    return out, chars


def merge_held_fillers(fillers, speech, words=(), bursts=None, *, max_s: float = 2.5) -> list[Filler]:
    """Hesitations Whisper wrote several times over fewer sounds, merged.

    A run of consecutive hesitations inside one speech interval (no silence of 0.25 s or more
    between them, together at most ``max_s``) is as many fillers as the audio has bursts of
    sound where it was said (``bursts``, :func:`furikaeri.speech.voiced_bursts`: the stretch
    between the words around the run), at most as many as were written. "uh, uh, um, um" said
    in one breath is four bursts and four fillers, however Whisper stamped them (it often stamps
    several at the same instant); "Um... Um..." over a single held "ummm" is one. Without
    ``bursts``, a run is one filler.
    """
    out: list[Filler] = []
    groups: list[list[Filler]] = []
    for f in fillers:
        g = groups[-1] if groups else None
        prev = g[-1] if g else None
        if (
            prev is not None
            and f.kind == prev.kind == "hesitation"
            and f.end - g[0].start <= max_s
            and any(iv.start <= g[0].start + 0.05 and f.end <= iv.end + 0.05 for iv in speech)
        ):
            g.append(f)
        else:
            groups.append([f])
    for g in groups:
        if len(g) == 1:
            out.extend(g)
            continue
        n = 1
        if bursts is not None:
            lo, hi = _run_region(g, speech, words)
            n = min(len(g), max(1, sum(1 for b in bursts if lo - 0.02 <= (b.start + b.end) / 2 <= hi + 0.02)))
        if n == len(g):
            out.extend(g)
            continue
        # n fillers: the run's texts in order, n of them, spanning the run's time
        size = len(g) / n
        for k in range(n):
            part = g[int(round(k * size)):int(round((k + 1) * size))] or [g[-1]]
            text = max((f.text for f in part), key=len)
            out.append(Filler(text, part[0].start, max(f.end for f in part), part[0].kind, part[0].how_found))
    return out


def _run_region(run, speech, words) -> tuple[float, float]:
    """Where a run of fillers was said: from the end of the word before it to the start of the
    word after it, inside the speech interval that holds it."""
    s0, s1 = run[0].start, run[-1].end
    iv = next((iv for iv in speech if iv.start <= s0 + 0.05 and s1 <= iv.end + 0.05), None)
    lo, hi = (iv.start, iv.end) if iv else (s0, s1)
    for w in words:
        mid = (w.start + w.end) / 2
        if any(f.start - 0.02 <= mid <= f.end + 0.02 for f in run):
            continue  # a filler's own word
        if w.end <= s0 + 0.05:
            lo = max(lo, w.end)
        elif w.start >= s1 - 0.05:
            hi = min(hi, w.start)
    return lo, max(hi, lo)


def strip_spans(text: str, spans) -> str:
    """``text`` with the given character spans blanked out (for counting rate units)."""
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = " "
    return "".join(chars)


# ---------------------------------------------------------------------------------------------
# Acoustic filled pauses.


HESITATION_LABEL = {"en": "uh", "ja": "えー"}
#: Words Whisper wrote over a held sound are re-read as the filler only when it was unsure of
#: them (mean word probability below this): a confident word on a held vowel is a drawl.
REREAD_MAX_PROBABILITY = 0.5
DEMONSTRATIVE_FILLERS = ("あの", "その")


def _small_word(text: str, code: str) -> bool:
    """Could a held vowel of 0.3-2 s be all there is to this text? One short word or a few kana."""
    t = text.strip(" 、。,.!?…-")
    if code == "ja":
        return 0 < len(t) <= 3
    return len(t.split()) == 1 and len(t) <= 5


#: A held vowel that starts or ends within this much (s) of a word Whisper heard belongs to
#: that word ("aaand", "kangaroooo"), not to a filler.
DRAWL_TOUCH_S = 0.05


def acoustic_filled_pauses(words, held, fillers, rules, *, a_start: float, a_end: float, speech=()):
    """Filled pauses the audio shows and the transcript does not.

    For each held sound (``speech.held_sounds``) with no transcript filler within 0.3 s:

    - no word over it: Whisper dropped a filler ("uh" / "えー"; ``how_found="acoustic"``);
    - the words whose middle lies on it are one short word or a few kana that Whisper was
      unsure of: it misheard the filler as text; those words become the filler and leave the
      rate count. Right after あの/その with no pause it is the drawn-out あのー/そのー;
    - a longer word overlaps more than half of it: a drawl inside a real word, not counted.

    Returns the fillers and the character spans (in the transcript text) of re-read words.
    """
    out: list[Filler] = []
    reread: list[tuple[int, int]] = []
    if not held:
        return out, reread
    code = rules.code
    _, spans = join_with_offsets(words, code)
    for h in held:
        if h.end < a_start - 3.0 or h.start > a_end + 0.5:
            continue
        if any(f.start < h.end + 0.3 and f.end > h.start - 0.3 for f in fillers + out):
            continue
        inside = [i for i, w in enumerate(words) if h.start - 0.05 <= (w.start + w.end) / 2 <= h.end + 0.05]
        if not inside:
            if any(w.start < h.end + DRAWL_TOUCH_S and w.end > h.start - DRAWL_TOUCH_S for w in words):
                continue  # a held vowel touching a word Whisper heard is that word said slowly
            out.append(Filler(f"({HESITATION_LABEL.get(code, 'uh')})", float(h.start), float(h.end), "hesitation", "acoustic"))
            continue
        text_in = "".join(words[i].text for i in inside)
        mean_p = sum(words[i].probability for i in inside) / len(inside)
        if not _small_word(text_in, code) or mean_p >= REREAD_MAX_PROBABILITY:
            continue
        if speech and not any(abs(iv.start - h.start) <= 0.1 or abs(iv.end - h.end) <= 0.1 for iv in speech):
            continue  # held in the middle of running speech, no pause on either side: a drawl
        first, last = inside[0], inside[-1]
        start = min(h.start, words[first].start)
        end = max(h.end, words[last].end)
        label, kind = HESITATION_LABEL.get(code, "uh"), "hesitation"
        prev = first - 1
        if code == "ja" and prev >= 0 and words[prev].text.strip(" 、。") in DEMONSTRATIVE_FILLERS \
                and words[first].start - words[prev].end < 0.15:
            label, kind = words[prev].text.strip(" 、。") + "ー", "discourse"
            start = words[prev].start
            first = prev
        reread.append((spans[first][0], spans[last][1]))
        out.append(Filler(label, round(float(start), 3), round(float(end), 3), kind, "acoustic"))
    return out, reread


# ---------------------------------------------------------------------------------------------
# The measurements.


@dataclass(frozen=True)
class Measurements:
    """Everything :func:`measure` finds, before it becomes an ``Analysis``."""

    speech_detected: bool
    latency_s: float | None
    answer_start: float | None
    answer_end: float | None
    answer_s: float
    words: tuple
    transcript: str
    fillers: tuple[Filler, ...]
    repetitions: tuple[Repetition, ...]
    pauses: tuple[Pause, ...]
    rate: dict
    stats: dict
    verdicts: dict
    over_budget: bool
    budget_cut: dict | None
    acoustic_candidates: int
    unconfirmed_fillers: int


def pause_kind(duration: float) -> str:
    if duration >= VERY_LONG_PAUSE_S:
        return "very_long"
    if duration >= LONG_PAUSE_S:
        return "long"
    return "short"


def measure(
    words,
    speech,
    *,
    duration: float,
    rules,
    budget_s: float,
    acoustic: bool = True,
    held=None,
    doubtful=(),
    bursts=None,
) -> Measurements:
    """Measure one answer.

    Parameters
    ----------
    words : sequence of Word
        Whisper's words, already snapped to the speech intervals (:func:`snap_words`).
    speech : sequence of Interval
        Speech from the audio (:func:`furikaeri.speech.find_speech`).
    duration : float, seconds
        Length of the take.
    rules : lang.Rules
        Language rules (fillers, rate units, sentence ends).
    budget_s : float > 0, seconds
        The question's time budget.
    held : sequence of speech.HeldSound, optional
        Held steady voiced sounds (:func:`furikaeri.speech.held_sounds`): filled pauses the
        transcript may have dropped or misheard.
    doubtful : sequence of (start, end), optional
        Short islands of sound that looked like fillers but that nothing confirmed (the second
        listen's leftovers, :func:`furikaeri.transcribe.relisten_islands`): those inside the
        answer with no filler on them are reported as possibly under-counted fillers.

    Definitions
    -----------
    answer span
        From the start of the first speech sound of the answer to the end of the last: the
        speech intervals that carry the first and last words (or a filled pause before them).
        ``latency_s`` is the time from the start of the take to the answer's first sound.
    speech rate
        English: words per minute over the answer span, pauses included (``wpm``);
        articulation rate leaves silent pauses (>= 0.25 s) out (``articulation_wpm``).
        Japanese: morae per second over the span (``morae_per_s``) and without pauses
        (``articulation_morae_per_s``); characters as written per minute (``chars_per_min``).
        Fillers are not counted as words or morae.
    fillers
        Transcript fillers found by the language rules, plus filled pauses recovered from the
        audio when the evidence is strong. ``fillers_per_min`` over the answer span;
        ``filler_share``: fillers / (words + fillers) in English, filler morae / all morae in
        Japanese.
    repetitions
        Repeated words and restarts ("the, the", 「それがそれが」), counted apart from fillers
        (``repetitions``, ``repetitions_per_min``); like fillers, not counted as words or morae.
    pauses
        Silences >= 0.25 s between speech intervals inside the answer span, edges from the
        audio; short < 1 s, long >= 1 s, very long >= 3 s; ``sentence`` when the transcript
        before it ends a sentence, ``mid`` otherwise.
    over budget
        ``answer_s > budget_s``; ``budget_cut`` says where in the transcript the budget ran out.
    """
    from furikaeri.speech import gaps

    speech = list(speech)
    words = list(words)
    empty = Measurements(
        speech_detected=False, latency_s=None, answer_start=None, answer_end=None, answer_s=0.0,
        words=(), transcript="", fillers=(), repetitions=(), pauses=(), rate=_empty_rate(rules.code),
        stats=_empty_stats(), verdicts={}, over_budget=False, budget_cut=None,
        acoustic_candidates=0, unconfirmed_fillers=0,
    )
    if not words or not speech:
        return empty

    # Answer span: speech islands from the one carrying the first word to the one carrying the last.
    def island_of(t0: float, t1: float):
        best = None
        for iv in speech:
            ov = min(t1, iv.end) - max(t0, iv.start)
            if ov >= 0 and (best is None or ov > best[1]):
                best = (iv, ov)
        return best[0] if best else None

    first_iv = island_of(words[0].start, words[0].end)
    last_iv = island_of(words[-1].start, words[-1].end)
    a_start = min(words[0].start, first_iv.start if first_iv else words[0].start)
    a_end = max(words[-1].end, last_iv.end if last_iv else words[-1].end)

    # Transcript fillers; repetitions (restarts) are their own figure.
    text, found, filler_chars = transcript_fillers(words, rules, speech)
    fillers = [f for f in found if f.kind != "repetition"]
    repetitions = [Repetition(f.text, f.start, f.end) for f in found if f.kind == "repetition"]
    rep_chars = [c for f, c in zip(found, filler_chars) if f.kind == "repetition"]
    drawn, drawn_chars = drawn_out_fillers(words, speech, fillers, rules)
    fillers = sorted(fillers + drawn, key=lambda f: f.start)
    filler_chars = filler_chars + drawn_chars

    # Acoustic filled pauses: held, steady voiced sounds (speech.held_sounds) that the
    # transcript shows no filler for.
    acoustic_fillers, reread_chars = acoustic_filled_pauses(
        words, held or (), fillers, rules, a_start=a_start, a_end=a_end, speech=speech
    ) if acoustic else ([], [])
    all_fillers = merge_held_fillers(sorted(fillers + acoustic_fillers, key=lambda f: f.start), speech,
                                     words, bursts)
    if acoustic_fillers:
        a_start = min(a_start, acoustic_fillers[0].start)
        a_end = max(a_end, acoustic_fillers[-1].end)
    n_candidates = len(held or ())
    n_weak = sum(
        1 for s0, s1 in doubtful
        if a_start <= s0 <= a_end and not any(f.start < s1 and f.end > s0 for f in all_fillers)
    )
    answer_s = round(float(max(a_end - a_start, 0.0)), 3)

    # Pauses from the audio inside the answer span.
    pauses = []
    _, word_spans = join_with_offsets(words, rules.code)
    for g in gaps(speech, a_start, a_end, min_gap_s=MIN_PAUSE_S):
        before = [i for i, w in enumerate(words) if w.end <= g.start + 0.05]
        spans_text = text[: word_spans[before[-1]][1]] if before else ""
        last = words[before[-1]] if before else None
        after_filler = any(
            f.start < g.start and g.start - f.end < 0.3 and (last is None or f.end > last.start)
            for f in all_fillers
        )
        if after_filler:
            place = "mid"  # a pause after a filler is part of the hesitation
        elif spans_text and rules.ends_sentence(spans_text):
            place = "sentence"
        elif spans_text.rstrip().endswith((",", "、", ";", ":", "，")):
            place = "clause"
        else:
            place = "mid"
        pauses.append(Pause(start=round(g.start, 3), end=round(g.end, 3), kind=pause_kind(g.duration), place=place))

    silent = sum(p.duration for p in pauses)
    speaking = max(answer_s - silent, 1e-6)
    content = strip_spans(text, filler_chars + reread_chars)
    units = rules.count_units(content)
    # No content words (only fillers): there is no speaking rate to speak of.
    minutes = answer_s / 60.0 if answer_s > 0 and units > 0 else None
    if rules.code == "ja":
        chars = rules.count_chars(content)
        total_morae = rules.count_units(text)
        rep_morae = sum(rules.count_units(text[a:b]) for a, b in rep_chars)
        filler_morae = max(total_morae - units - rep_morae, 0)
        rate_d = {
            "morae_per_s": round(units / answer_s, 2) if minutes else None,
            "articulation_morae_per_s": round(units / speaking, 2) if minutes else None,
            "chars_per_min": round(chars / minutes, 1) if minutes else None,
        }
        share = (filler_morae + 2 * len(acoustic_fillers)) / max(total_morae + 2 * len(acoustic_fillers), 1)
        word_count = units
    else:
        rate_d = {
            "wpm": round(units / minutes, 1) if minutes else None,
            "articulation_wpm": round(units / (speaking / 60.0), 1) if minutes else None,
        }
        share = len(all_fillers) / max(units + len(all_fillers), 1)
        word_count = units

    per_min = len(all_fillers) / (answer_s / 60.0) if answer_s > 0 else 0.0
    reps_per_min = len(repetitions) / (answer_s / 60.0) if answer_s > 0 else 0.0
    long_p = [p for p in pauses if p.kind in ("long", "very_long")]
    stats = {
        "word_count": word_count,
        "unit": "morae" if rules.code == "ja" else "words",
        "filler_count": len(all_fillers),
        "fillers_transcript": sum(f.how_found == "transcript" for f in all_fillers),
        "fillers_relisten": sum(f.how_found == "relisten" for f in all_fillers),
        "fillers_acoustic": sum(f.how_found == "acoustic" for f in all_fillers),
        "fillers_unconfirmed": n_weak,
        "fillers_per_min": round(per_min, 2),
        "filler_share": round(share, 3),
        "repetitions": len(repetitions),
        "repetitions_per_min": round(reps_per_min, 2),
        "pause_count": len(pauses),
        "long_pauses": len(long_p),
        "very_long_pauses": sum(p.kind == "very_long" for p in pauses),
        "sentence_pauses": sum(p.place == "sentence" for p in pauses),
        "clause_pauses": sum(p.place == "clause" for p in pauses),
        "mid_pauses": sum(p.place == "mid" for p in pauses),
        "mid_long_pauses": sum(p.place == "mid" for p in long_p),
        "longest_pause_s": round(max((p.duration for p in pauses), default=0.0), 2),
        "silence_share": round(silent / answer_s, 3) if answer_s > 0 else 0.0,
    }

    verdicts = {}
    if rules.code == "ja":
        verdicts["rate"] = band_verdict(rate_d["morae_per_s"], MORAE_BAND, "5.5-8 morae/s", SOURCES["rate_ja"])
        verdicts["chars_per_min"] = band_verdict(rate_d["chars_per_min"], CPM_BAND, "250-350 字/min", SOURCES["rate_ja"])
    else:
        verdicts["rate"] = band_verdict(rate_d["wpm"], WPM_BAND, "120-160 wpm", SOURCES["rate_en"])
    fl = "good" if per_min <= FILLERS_GOOD else "ok" if per_min <= FILLERS_OK else "high"
    verdicts["fillers"] = Verdict(fl, "≤ 2/min", SOURCES["fillers"])
    pl = "high" if stats["very_long_pauses"] or stats["silence_share"] > SILENCE_SHARE_HIGH else "ok" if long_p else "good"
    verdicts["pauses"] = Verdict(pl, "< 3 s, ≤ 35 %", SOURCES["pauses"])
    over = bool(answer_s > budget_s)
    verdicts["length"] = Verdict("high" if over else "low" if answer_s < 0.3 * budget_s else "good",
                                 f"≤ {budget_s:g} s", SOURCES["length"])

    budget_cut = None
    if over:
        t = a_start + budget_s
        idx = next((i for i, w in enumerate(words) if w.end > t), len(words) - 1)
        budget_cut = {"time": round(t, 3), "word_index": idx, "char": word_spans[idx][0]}

    return Measurements(
        speech_detected=True,
        latency_s=round(a_start, 3),
        answer_start=round(a_start, 3),
        answer_end=round(a_end, 3),
        answer_s=answer_s,
        words=tuple(words),
        transcript=text,
        fillers=tuple(all_fillers),
        repetitions=tuple(repetitions),
        pauses=tuple(pauses),
        rate=rate_d,
        stats=stats,
        verdicts=verdicts,
        over_budget=over,
        budget_cut=budget_cut,
        acoustic_candidates=n_candidates,
        unconfirmed_fillers=n_weak,
    )


def _empty_rate(code: str) -> dict:
    if code == "ja":
        return {"morae_per_s": None, "articulation_morae_per_s": None, "chars_per_min": None}
    return {"wpm": None, "articulation_wpm": None}


def _empty_stats() -> dict:
    return {
        "word_count": 0, "filler_count": 0, "fillers_transcript": 0, "fillers_relisten": 0,
        "fillers_acoustic": 0, "fillers_unconfirmed": 0,
        "fillers_per_min": 0.0, "filler_share": 0.0, "repetitions": 0, "repetitions_per_min": 0.0,
        "pause_count": 0, "long_pauses": 0,
        "very_long_pauses": 0, "sentence_pauses": 0, "clause_pauses": 0, "mid_pauses": 0, "mid_long_pauses": 0,
        "longest_pause_s": 0.0, "silence_share": 0.0,
    }
