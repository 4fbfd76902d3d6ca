"""Fillers in one answer: what the transcript shows, read by the language rules, and what the
audio shows that the transcript does not.

- :func:`transcript_fillers`: the rules over Whisper's text, where a silence in the audio after
  a word reads as a comma, and "like" counts only with a pause beside it;
- :func:`drawn_out_fillers`: an ambiguous word (so, まあ) said alone between silences and drawn out;
- :func:`acoustic_filled_pauses`: held, steady voiced sounds (:func:`furikaeri.speech.held_sounds`)
  with no word near them, or under a short word Whisper was unsure of;
- :func:`merge_runs`: hesitations written several times count as many as the audio has bursts
  of sound where they were said.

:func:`find_fillers` runs them in that order. The second listen, which hears short stretches
again (:mod:`furikaeri.relisten`), runs before, on the words. Pure functions of words, speech
intervals and language rules: no audio is read here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

FillerKind = Literal["hesitation", "discourse"]
HowFound = Literal["transcript", "relisten", "acoustic"]


@dataclass(frozen=True)
class Filler:
    """A filler occurrence.

    ``kind``: ``hesitation`` (um, uh, えー: a sound, not a word) or ``discourse`` (like, you
    know, あの, まあ: a word used as filler). Repeated words are :class:`Repetition`.
    ``how_found``: ``transcript`` (Whisper wrote it), ``relisten`` (Whisper wrote it when the
    stretch was heard again on its own, :mod:`furikaeri.relisten`) or ``acoustic`` (a held voiced
    sound, recovered from the audio).
    """

    text: str
    start: float
    end: float
    kind: FillerKind = "hesitation"
    how_found: HowFound = "transcript"


@dataclass(frozen=True)
class Repetition:
    """A repeated word or restart ("the, the", 「それがそれが」): the first copy, the false
    start. A habit of its own, counted apart from fillers."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Found:
    """What :func:`find_fillers` found: the fillers and repetitions, and the character spans of
    the transcript text they (and words re-read as fillers) cover, which leave the rate count."""

    text: str
    fillers: tuple[Filler, ...]
    repetitions: tuple[Repetition, ...]
    not_content: tuple[tuple[int, int], ...]
    acoustic: tuple[Filler, ...] = ()


def find_fillers(words, speech, rules, *, held=(), bursts=None, span: tuple[float, float],
                 acoustic: bool = True) -> Found:
    """Every filler of the answer (module docstring), repetitions apart.

    ``span``: the answer's start and end (held sounds well outside it are not fillers);
    ``bursts``: voiced bursts (:func:`furikaeri.speech.voiced_bursts`) to count runs by.
    """
    text, found, chars = transcript_fillers(words, rules, speech)
    said = [(f, c) for f, c in zip(found, chars) if f.kind != "repetition"]
    fillers = cover_sound([f for f, _ in said], [c for _, c in said], words, speech, bursts)
    repetitions = tuple(Repetition(f.text, f.start, _spoken_end(f, words)) for f in found if f.kind == "repetition")
    drawn, drawn_chars = drawn_out_fillers(words, speech, fillers, rules)
    fillers = sorted(fillers + drawn, key=lambda f: f.start)
    heard, reread = acoustic_filled_pauses(words, held or (), fillers, rules, a_start=span[0], a_end=span[1],
                                           speech=speech) if acoustic else ([], [])
    merged = merge_runs(sorted(fillers + heard, key=lambda f: f.start), speech, words, bursts)
    return Found(text, tuple(merged), repetitions, tuple(chars + drawn_chars + reread), tuple(heard))


def _spoken_end(f: Filler, words) -> float:
    """The end of repeated word ``f``: Whisper's, or where one it stamped at an instant (27.67 to
    27.67 s: "He" said from 27.64 to 27.84) gave way to the next word, a second at most (QA s42
    B #5: an empty span to a script that draws or sums them)."""
    if f.end > f.start:
        return f.end
    after = [w.start for w in words if w.start > f.start]
    return round(min(min(after), f.start + 1.0), 3) if after else f.end


def join_with_offsets(words) -> tuple[str, list[tuple[int, int]]]:
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


def said_part(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The character span of a word's letters, its punctuation at either end left out (" um,"
    is said as "um"); the whole span when it holds nothing else."""
    s, e = span
    while s < e and text[s] in _NOT_SAID:
        s += 1
    while e > s and text[e - 1] in _NOT_SAID:
        e -= 1
    return (s, e) if e > s else span


#: Marks at a word's edges that take no time to say.
_NOT_SAID = " ,.!?…‥、。，！？;:；：-—\"'“”‘’「」『』()（）[]"


def _words_in_span(spans, start: int, end: int) -> list[int]:
    return [i for i, (s, e) in enumerate(spans) if s < end and e > start]


#: A silence at least this long after a word reads as a comma to the filler rules: "late, so
#: [0.5 s] I studied" is "late, so, I studied" (a "so" left hanging is a filler, not *therefore*).
PROSODIC_COMMA_S = 0.3
_CLAUSE_PUNCT = tuple(",.!?;:…、。，！？")


def silence_between(speech, t0: float, t1: float) -> float:
    """Seconds of ``[t0, t1]`` not inside any speech interval."""
    from furikaeri.speech import speech_within

    if t1 <= t0:
        return 0.0
    return max(0.0, (t1 - t0) - speech_within(speech, t0, t1))


def transcript_fillers(words, rules, speech=()) -> tuple[str, list[Filler], list[tuple[int, int]]]:
    """Fillers the transcript shows, with times from the words that carry them.

    The rules read Whisper's punctuation as the pauses it heard; where the audio has a silence
    of ``PROSODIC_COMMA_S`` or more after a word with no punctuation (``speech`` given), the
    rules see a comma there too, but never inside a word (:meth:`~furikaeri.lang.Rules.inside_word`).
    Returns the transcript text (as Whisper wrote it), the fillers
    and their character spans in that text.
    """
    text, spans = join_with_offsets(words)
    comma = rules.comma
    seen = list(words)
    added = []  # word indices that got a comma
    if speech:
        for i in range(len(words) - 1):
            t = words[i].text.rstrip()
            if t and not t.endswith(_CLAUSE_PUNCT) and not rules.inside_word(text, spans[i][1]) and \
                    silence_between(speech, words[i].end, words[i + 1].start) >= PROSODIC_COMMA_S:
                seen[i] = replace(words[i], text=t + comma)
                added.append(i)
    rule_text, rule_spans = join_with_offsets(seen) if added else (text, spans)

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
        if m.kind == "discourse" and m.text.strip(" ,、").lower() in rules.needs_pause \
                and not _set_off(words, idx, speech, matches, m):
            continue
        if m.kind == "discourse" and _guessed(words, idx):
            continue
        start = words[idx[0]].start
        end = words[idx[-1]].end
        ws, we = said_part(text, spans[idx[0]])
        if len(idx) == 1 and we > ws:
            # A filler inside a longer token: scale the time by character position among the
            # letters said (" um," is all "um": the comma takes no time)
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


#: How far (s) a filler written by Whisper may reach past its stamp on either side, to the edge
#: of the sound it was said in (:func:`cover_sound`).
FILLER_REACH_S = 0.6
_EPS = 0.01


def cover_sound(fillers, chars, words, speech, bursts=None, *, reach: float = FILLER_REACH_S) -> list[Filler]:
    """Fillers Whisper wrote, widened to the sound they were said in.

    Whisper's stamp of a filler ends early: "uh" held for 0.6 s is stamped 0.3 s, "uh" 0.3 s
    long 0.04 s, and the silence after it then seemed to follow nothing (a pause after a
    filler is a hesitation, :func:`furikaeri.measure.find_pauses`). A filler that ends its word
    reaches on to the end of the burst of sound it ends in (``bursts``,
    :func:`furikaeri.speech.voiced_bursts`; else the speech interval), and one that starts
    its word back to that burst's start, never over another word nor more than ``reach``.
    Fillers found in the audio (``acoustic``) have the sound's own edges already.

    ``chars``: each filler's character span in the transcript text (:func:`transcript_fillers`),
    which names the words that are the filler's own. Every other word bounds it, wherever
    Whisper stamped it: a filler heard again (えっと) and the main pass's next word (あと) are
    often stamped from the same instant, and a word is never the filler's because its middle
    lies inside the filler's stamp."""
    pieces = sorted(bursts or speech or (), key=lambda p: p.start)
    if not pieces:
        return list(fillers)
    _, spans = join_with_offsets(words)
    owners = [_words_in_span(spans, s, e) for s, e in chars]
    out = []
    for f, own in zip(fillers, owners):
        if f.how_found == "acoustic" or not own:
            out.append(f)
            continue
        before = max((w.end for w in words[:own[0]]), default=float("-inf"))
        after = min((w.start for w in words[own[-1] + 1:]), default=float("inf"))
        start, end = f.start, f.end
        if not any(w.start < f.end - _EPS and w.end > f.end + _EPS for w in words):  # it ends its word
            piece = next((p for p in pieces if p.start < f.end <= p.end), None)
            if piece is not None:
                end = max(end, min(piece.end, after, f.end + reach))
        if not any(w.start < f.start - _EPS and w.end > f.start + _EPS for w in words):  # it starts its word
            piece = next((p for p in pieces if p.start <= f.start < p.end), None)
            if piece is not None:
                start = min(start, max(piece.start, before, f.start - reach))
        out.append(replace(f, start=round(start, 3), end=round(end, 3)))
    return out


#: A word used as a filler (well, like; まあ, なんか) is a word: Whisper hears a real one as
#: surely as any other. Written by the main pass with a probability under this, it is Whisper's
#: guess over a sound it could not make out ("Well, while" over a slurred "while, while"), not
#: a filler said. (Hesitations, um/えー, are always unlikely to Whisper: its training
#: transcripts leave them out; this bar is for discourse words only.)
GUESSED_P = 0.05


def _guessed(words, idx) -> bool:
    return all(getattr(words[i], "source", "whisper") == "whisper" and words[i].probability < GUESSED_P
               for i in idx)


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
    vocab = rules.drawn_fillers
    if not vocab:
        return out, chars
    _, spans = join_with_offsets(words)
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


def merge_runs(fillers, speech, words=(), bursts=None, *, max_s: float = 2.5) -> list[Filler]:
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


#: Words Whisper wrote over a held sound are re-read as the filler only when it was unsure of
#: them (mean word probability below this): a confident word on a held vowel is a drawl.
REREAD_MAX_PROBABILITY = 0.5


#: A held vowel that starts or ends within this much (s) of a word Whisper heard belongs to
#: that word ("aaand", "kangaroooo"), not to a filler.
DRAWL_TOUCH_S = 0.05


def _pause_beside(h, speech, *, last: bool) -> bool:
    """Is held sound ``h`` set off by a pause on one side (a speech interval starts or ends
    with it)? The answer's ``last`` sound has the answer's end after it, which is no pause: a
    final word said long ("...that's normal, thoughhh") is followed by silence too. It needs
    the pause before ("..., uh."): an unsure last word over a held vowel was re-read as an
    "uh" never said (QA s36 B #2: "though" heard as "Oh." p 0.3 at the end of a take)."""
    before = any(abs(iv.start - h.start) <= 0.1 for iv in speech)
    return before or (not last and any(abs(iv.end - h.end) <= 0.1 for iv in speech))


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
    _, spans = join_with_offsets(words)
    for h in held:
        if h.end < a_start - 3.0 or h.start > a_end + 0.5:
            continue
        if any(f.start < h.end + 0.3 and f.end > h.start - 0.3 for f in fillers + out):
            continue
        inside = [i for i, w in enumerate(words) if h.start - 0.05 <= (w.start + w.end) / 2 <= h.end + 0.05]
        if not inside:
            if any(w.start < h.end + DRAWL_TOUCH_S and w.end > h.start - DRAWL_TOUCH_S for w in words):
                continue  # a held vowel touching a word Whisper heard is that word said slowly
            out.append(Filler(f"({rules.hesitation_label})", float(h.start), float(h.end), "hesitation", "acoustic"))
            continue
        text_in = "".join(words[i].text for i in inside)
        mean_p = sum(words[i].probability for i in inside) / len(inside)
        if not rules.few_words(text_in) or mean_p >= REREAD_MAX_PROBABILITY:
            continue
        if speech and not _pause_beside(h, speech, last=h.end >= a_end - 0.1):
            continue  # held in the middle of running speech, no pause on either side: a drawl
        first, last = inside[0], inside[-1]
        start = min(h.start, words[first].start)
        end = max(h.end, words[last].end)
        label, kind = rules.hesitation_label, "hesitation"
        prev = first - 1
        drawn = rules.drawn_form(words[prev].text) if prev >= 0 else None
        if drawn and words[first].start - words[prev].end < 0.15:
            label, kind = drawn, "discourse"  # あの said straight into a held vowel: あのー
            start = words[prev].start
            first = prev
        reread.append((spans[first][0], spans[last][1]))
        out.append(Filler(label, round(float(start), 3), round(float(end), 3), kind, "acoustic"))
    return out, reread
