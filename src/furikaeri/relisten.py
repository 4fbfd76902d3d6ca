"""Second listen: stretches where the main pass may have dropped or misheard a filler, decoded
again on their own.

Whisper reads a short sound in the light of the sentence around it, and a filler between two
phrases often comes out as a plausible word or not at all (its training transcripts mostly
leave fillers out: METRICS.md, "Fillers"). Heard alone, with a prompt of fillers and no
sentence before it, the same sound is written as a filler far more often (「えっと」, "Um").

Where a filler may hide (:func:`find_candidates`), from the speech intervals and the main
pass's words:

``island``
    a short burst of sound (0.1-1 s) set off by silence, that the main pass left without words
    or covered with a few words it was unsure of;
``onset``
    the first second of speech after a silence, when the main pass was unsure of the first
    word there (a filler said straight into its phrase, 「えっと県も…」, whose word stamp
    Whisper stretched over the filler) or wrote nothing at its start;
``piece``
    (languages whose ``Rules.relisten_pieces`` is set) the first or last part of a longer
    burst, set off from the rest by a short gap (あのー、まず…);
``run``
    a burst of up to 3 s where the main pass wrote a hesitation among words it was unsure of
    on average: a string of fillers partly written as invented words ("Yeah, uh, yeah" over
    three "uh"s; "the and ... Thank you." over six). Heard alone as nothing but fillers, all its
    words give way to them, as many as the burst has separate sounds.

Each is heard again (:func:`hear`, batched) and judged (:func:`judge`): fillers heard at the
start of the text become fillers (``source="relisten"``) when the second listen is sure enough
(``Rules.relisten_min_logprob``, or ``relisten_min_logprob_empty`` where the main pass heard
nothing); a word that is a filler only in some uses (まあ, なんか, その, like: the language's
``drawn_fillers``) only where the main pass heard nothing at all, since a fragment of a word
heard alone is easily written as one; never where the main pass wrote the same word there
(Whisper drops sounds, um and えー, not words: it heard that one and judged it); and a filler
heard alone that would lie mostly over a word the main pass keeps only when heard much more
surely (``OVER_WORD_MIN_LOGPROB``): that is the word heard twice, not a dropped filler.
Confident main-pass words are never removed. What the second listen hears as words settles
the stretch; what it could not make out stays in doubt (the report's "fillers may be
under-counted"), but not a sound the main pass wrote as a word and heard alone as words too.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Sequence

import numpy as np

from furikaeri.transcribe import SAMPLE_RATE, Word, load_model

#: Short bursts of sound this long (s) may be one filler ...
ISLAND_MIN_S, ISLAND_MAX_S = 0.1, 1.0
#: ... when set off from the speech around them by at least this much silence on one side.
ISLAND_GAP_S = 0.15
#: Speech that starts after a silence this long (s) is an onset ...
ONSET_GAP_S = 0.25
#: ... heard again when the main pass's first word there is less sure than this, over this much.
ONSET_UNSURE_P = 0.8
ONSET_WINDOW_S = 1.0
#: A piece is parted from the rest of its burst by a gap of at least this much (s).
PIECE_GAP_S = 0.08
#: Main-pass words count as unsure (and may be replaced by the filler heard) below this.
UNSURE_P = 0.5
#: Frames (10 ms) the encoder sees for one stretch: 10 s, a third of Whisper's window.
#: CTranslate2 accepts shorter inputs; 10 s keeps the text of a full 30-s pass (5 s or 3 s
#: do not: Whisper starts repeating itself: 「あとのあとのあとの…」).
RELISTEN_FRAMES = 1000
#: Stretches heard in one batch (encoder and beam search run batched: half the time per
#: stretch of one at a time).
BATCH = 8


@dataclass(frozen=True)
class Candidate:
    """A stretch to hear again: ``kind`` ``island``, ``onset``, ``piece`` or ``run`` (module docstring);
    ``on``: indices of the main-pass words whose middle lies in it."""

    start: float
    end: float
    kind: str
    on: tuple[int, ...] = ()


@dataclass(frozen=True)
class Heard:
    """What a stretch heard alone was written as, and Whisper's average log-probability per
    token (as faster-whisper's ``avg_logprob``)."""

    text: str
    logprob: float


def hear(samples: np.ndarray, model_path: str, spans: Sequence[tuple[float, float]], *, language: str,
         prompt: str | None, multilingual: bool = True, pad_s: float = 0.1) -> list[Heard]:
    """Decode each ``samples[start - pad_s : end + pad_s]`` on its own, with no text before it
    but the prompt; beam search (5), as the main pass. Stretches are padded with silence to
    ``RELISTEN_FRAMES`` and run through the model ``BATCH`` at a time."""
    if not spans:
        return []
    import ctranslate2

    model = load_model(model_path)
    tokenizer, prefix, suppress = _decoder_setup(model_path, language, prompt, multilingual)
    hop = model.feature_extractor.hop_length
    out: list[Heard] = []
    for i in range(0, len(spans), BATCH):
        feats = []
        for start, end in spans[i:i + BATCH]:
            a = max(0, int((start - pad_s) * SAMPLE_RATE))
            b = min(len(samples), int((end + pad_s) * SAMPLE_RATE))
            clip = np.asarray(samples[a:b], dtype=np.float32)
            frames = max(RELISTEN_FRAMES, len(clip) // hop + 1)
            clip = np.pad(clip, (0, frames * hop - len(clip)))
            feats.append(model.feature_extractor(clip)[:, :RELISTEN_FRAMES])
        encoded = model.model.encode(ctranslate2.StorageView.from_array(np.ascontiguousarray(np.stack(feats))))
        results = model.model.generate(encoded, [prefix] * len(feats), beam_size=5,
                                       max_length=len(prefix) + 24, return_scores=True,
                                       suppress_blank=True, suppress_tokens=suppress)
        for r in results:
            ids = r.sequences_ids[0]
            # CTranslate2's score is the sum of log-probs over the length (length_penalty 1);
            # averaged over the tokens plus the end token, as faster-whisper's avg_logprob.
            avg = float(r.scores[0]) * len(ids) / (len(ids) + 1) if ids else -10.0
            out.append(Heard(tokenizer.decode(ids).strip(), avg))
    return out


@functools.lru_cache(maxsize=8)
def _decoder_setup(model_path: str, language: str, prompt: str | None, multilingual: bool):
    from faster_whisper.tokenizer import Tokenizer
    from faster_whisper.transcribe import get_suppressed_tokens

    model = load_model(model_path)
    tokenizer = Tokenizer(model.hf_tokenizer, multilingual, task="transcribe",
                          language=language if multilingual else None)
    prefix: list[int] = []
    if prompt:
        prefix = [tokenizer.sot_prev] + tokenizer.encode(" " + prompt.strip())
    prefix += list(tokenizer.sot_sequence) + [tokenizer.no_timestamps]
    return tokenizer, prefix, list(get_suppressed_tokens(tokenizer, [-1]))


# ---------------------------------------------------------------------------------------------
# Where to listen again


def _words_on(words, start: float, end: float) -> tuple[int, ...]:
    return tuple(i for i, w in enumerate(words) if start - 0.05 <= (w.start + w.end) / 2 <= end + 0.05)


def _short_text(words, on, rules) -> bool:
    """Little enough text on ``on`` to be one misheard filler (:meth:`Rules.few_words`)."""
    return rules.few_words(_joined(words, on))


#: The first word after a silence whose stamp is this many times longer (per unit of spoken
#: length, :meth:`Rules.spoken_length`) than the speaker's median word was stretched by
#: Whisper over something it did not write ("uh, life" stamped as one 0.83-s "life").
STRETCH = 1.5


def _pace(words, rules) -> float:
    """The speaker's median seconds per unit of spoken length, over the take's words."""
    per = [(w.end - w.start) / rules.spoken_length(w.text) for w in words
           if w.end - w.start > 0.02 and rules.spoken_length(w.text) > 0]
    return float(np.median(per)) if per else 0.0


def _stretched(w, pace: float, rules) -> bool:
    n = rules.spoken_length(w.text)
    return pace > 0 and n > 0 and (w.end - w.start) / n >= STRETCH * pace


#: A burst of sound up to this long (s) whose words look like a string of hesitations with
#: words Whisper invented over them ("Uh, uh, yeah." over three "uh"s; "the and ... Thank you."
#: over six) is heard again whole.
RUN_MAX_S = 3.0
#: Words below this probability next to a hesitation are suspect.
RUN_SUSPECT_P = 0.5


def _hesitant(words, on, rules) -> bool:
    """A hesitation among ``on`` and the other words unsure on average: a string of fillers
    Whisper partly wrote as words ("Yeah, uh, yeah, uh, uh, yeah" over three "uh"s)."""
    if len(on) < 2:
        return False
    fill = [_is_filler(rules, words[i].text) for i in on]
    others = [words[i].probability for i, f in zip(on, fill) if not f]
    return any(fill) and bool(others) and sum(others) / len(others) < RUN_SUSPECT_P


def find_candidates(words, speech_ivs, *, rules) -> list[Candidate]:
    """Where a filler may hide (module docstring), in time order, an island before its pieces."""
    from furikaeri.speech import speech_islands

    pieces = rules.relisten_pieces
    pace = _pace(words, rules)

    raw = [(iv.start, iv.end) for iv in speech_ivs]
    islands = speech_islands(speech_ivs)
    out: list[Candidate] = []

    def unsure_or_empty(on) -> bool:
        return not on or (_short_text(words, on, rules) and min(words[i].probability for i in on) < UNSURE_P)

    for k, (s, e) in enumerate(islands):
        gap_before = s - islands[k - 1][1] if k else float("inf")
        gap_after = islands[k + 1][0] - e if k + 1 < len(islands) else float("inf")
        on = _words_on(words, s, e)
        short = ISLAND_MIN_S <= e - s <= ISLAND_MAX_S and max(gap_before, gap_after) >= ISLAND_GAP_S
        if short and unsure_or_empty(on):
            out.append(Candidate(s, e, "island", on))
        elif e - s <= RUN_MAX_S and _hesitant(words, on, rules):
            out.append(Candidate(s, e, "run", on))
        elif gap_before >= ONSET_GAP_S and e - s >= ISLAND_MIN_S:
            w_end = min(e, s + ONSET_WINDOW_S)
            if not on or words[on[0]].probability < ONSET_UNSURE_P or _stretched(words[on[0]], pace, rules):
                out.append(Candidate(s, w_end, "onset", _words_on(words, s, w_end)))
        parts = [(a, b) for a, b in raw if a >= s - 1e-9 and b <= e + 1e-9]
        if not pieces or len(parts) < 2:
            continue
        (a0, b0), (a1, _) = parts[0], parts[1]
        if gap_before >= ISLAND_GAP_S and a1 - b0 >= PIECE_GAP_S and ISLAND_MIN_S <= b0 - a0 <= ISLAND_MAX_S:
            p_on = _words_on(words, a0, b0)
            if unsure_or_empty(p_on):
                out.append(Candidate(a0, b0, "piece", p_on))
        (_, b1), (a2, b2) = parts[-2], parts[-1]
        if gap_after >= ISLAND_GAP_S and a2 - b1 >= PIECE_GAP_S and ISLAND_MIN_S <= b2 - a2 <= ISLAND_MAX_S:
            p_on = _words_on(words, a2, b2)
            if unsure_or_empty(p_on):
                out.append(Candidate(a2, b2, "piece", p_on))
    # Where the main pass wrote the filler already, there is nothing to hear again.
    out = [c for c in out if not (c.on and (_is_filler(rules, _joined(words, c.on)) or (
        c.kind == "onset" and _is_filler(rules, words[c.on[0]].text))))]
    out.sort(key=lambda c: (c.start, -c.end))
    return out


# ---------------------------------------------------------------------------------------------
# What was heard


@dataclass(frozen=True)
class Verdict:
    """How one candidate was judged: ``fillers`` heard at its start (texts, kinds), whether its
    main-pass words are replaced, and whether it stays in doubt."""

    fillers: tuple[tuple[str, str], ...] = ()
    replace_words: bool = False
    doubtful: bool = False


def judge(c: Candidate, heard: Heard, words, rules) -> Verdict:
    """The rules for one candidate (module docstring)."""
    from furikaeri.lang import leading_fillers

    # Heard alone, a hesitation said with a rising voice is written "え?" or "Uh?": in an answer
    # it is not a question.
    lead, rest = leading_fillers(rules, heard.text.replace("?", ".").replace("？", "。"))
    sure = heard.logprob >= (rules.relisten_min_logprob if c.on else rules.relisten_min_logprob_empty)
    main_empty = not c.on
    if not lead:
        # Words, or nothing: a stretch heard surely as words is settled, one heard as nothing stays
        # in doubt. Heard unsurely as words, it stays in doubt only where the main pass heard
        # nothing: where it wrote a word too, both hearings heard a word, neither a filler (jfk's
        # clear "ask", heard alone as "Yes."), and there is no filler to doubt.
        return Verdict(doubtful=c.kind == "island" and (not heard.text.strip() or (not sure and main_empty)))
    if not sure:
        return Verdict(doubtful=c.kind == "island")
    if any(text.lower() in rules.drawn_fillers for text, _ in lead) and (rest or not main_empty):
        # A fragment of a word heard alone is easily written as a word that is a filler only
        # in some uses (まあ, なんか, その, "like"): only where the main pass heard nothing at all.
        return Verdict(doubtful=c.kind == "island")
    if any(kind == "discourse" and _within(rules.sounds(text), rules.sounds(_joined(words, c.on)))
           for text, kind in lead):
        # A word used as a filler ("all right", まあ) the main pass wrote there too: Whisper drops
        # sounds (um, えー), not words, so it heard this one and judged it, as a word or as a
        # filler it counted already. Heard again, it is the same word, not a dropped filler.
        return Verdict()
    if rest and not _agrees(rest, _joined(words, c.on), rules, cut=_cuts_word(c, words)):
        # Fillers before words the main pass did not hear: the two hearings disagree about the
        # whole stretch (noise, radio chatter), so neither is believed about the filler.
        return Verdict()
    if not rest and c.kind != "run" and any(words[i].probability >= ONSET_UNSURE_P for i in c.on):
        # Only a filler heard where the main pass surely heard a word: a word said slowly
        # ("aaand" heard alone is "Um."), not a filler.
        return Verdict()
    replace_words = not rest and bool(c.on) and (c.kind == "run" or (all(
        words[i].probability < UNSURE_P for i in c.on) and _short_text(words, c.on, rules)))
    if not rest and not replace_words and heard.logprob < OVER_WORD_MIN_LOGPROB \
            and _share_over_words(c, words, rules) > 0.5:
        # Only a filler heard, over a word the main pass heard and keeps: not a filler it dropped
        # (that lies in a gap) nor one fused into a word's edge (heard alone, that word follows
        # it), but the same sound heard twice: "Honestly" at 0.79 heard alone as "Uh, basically".
        # Counted, it would be a word and a filler at once; only a much surer hearing says so.
        return Verdict()
    # Several fillers heard before words ("え、えっと、あと" over えと、あと) are Whisper stuttering
    # more often than a run: one.
    return Verdict(fillers=tuple(lead if not rest else lead[:1]), replace_words=replace_words)


#: A filler heard alone where it would lie mostly over words the main pass heard and keeps (at
#: ``UNSURE_P`` or more) needs at least this average log-probability (about 0.55 a token, not
#: the usual bar's 0.37): surer of the filler than the main pass needed to be to keep the word.
OVER_WORD_MIN_LOGPROB = -0.6


def _share_over_words(c: Candidate, words, rules) -> float:
    """The share of the place a filler heard alone takes in ``c`` (its start up to the next word
    kept after it, :func:`_next_word`) that main-pass words which are not fillers cover."""
    end = min(c.end, _next_word(words, c) or c.end)
    covered = sum(max(0.0, min(words[i].end, end) - max(words[i].start, c.start)) for i in c.on
                  if not _is_filler(rules, words[i].text))
    return covered / (end - c.start) if end > c.start else 0.0


#: Share of the second hearing's words (kana in Japanese) the main pass heard too, in order,
#: for the two to agree.
AGREE = 0.6


def _within(part, whole) -> bool:
    """Is ``part`` (a sequence) a run of ``whole``?"""
    n = len(part)
    return n > 0 and any(whole[i:i + n] == part for i in range(len(whole) - n + 1))


def _agrees(rest: str, main: str, rules, *, cut: bool = False) -> bool:
    """Does the second listen hear the same words after its fillers as the main pass did?
    ``cut``: the stretch heard again ends inside the main pass's last word, so its last sound
    heard is a fragment of that word ("uh, sees the" over "sees that" cut after "th"), not a
    word heard otherwise: left out of the comparison (QA s46 W #2)."""
    from difflib import SequenceMatcher

    a, b = rules.sounds(rest), rules.sounds(main)
    if cut and len(a) > 1:
        a = a[:-1]
    if not a or not b:
        return False
    same = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return same >= AGREE * min(len(a), len(b))


def _cuts_word(c: Candidate, words) -> bool:
    """Does ``c`` end inside a main-pass word (an onset's window of :data:`ONSET_WINDOW_S`)?"""
    return bool(c.on) and words[c.on[-1]].end > c.end + CUT_TOLERANCE_S and words[c.on[-1]].start < c.end


#: A word that goes on past a stretch by more than this (s) is cut by it.
CUT_TOLERANCE_S = 0.02


def second_listen(samples: np.ndarray, model_path: str, words, speech_ivs, *, rules, bursts=(),
                  multilingual: bool = True, skip=()) -> tuple[list[Word], list[tuple[float, float]]]:
    """Hear every candidate again and add the fillers found (module docstring).

    ``bursts``: voiced bursts of the take (:func:`furikaeri.speech.voiced_bursts`); several
    fillers heard in a stretch ("え、え、え") count as many as the stretch has bursts, at most.
    ``skip``: (start, end) stretches with other people's voices, where a burst heard alone may be
    anyone's (nothing there is heard again).
    Returns the words (fillers added as ``Word(source="relisten")``, probability the exp of the
    average log-probability) and the islands left in doubt.
    """
    words = list(words)
    cands = [c for c in find_candidates(words, speech_ivs, rules=rules)
             if not any(c.start < end and start < c.end for start, end in skip)]
    heard = hear(samples, model_path, [(c.start, c.end) for c in cands], language=rules.code,
                 prompt=rules.relisten_prompt, multilingual=multilingual)
    added: list[Word] = []
    drop: set[int] = set()
    doubtful: list[tuple[float, float]] = []
    for c, h in zip(cands, heard):
        if any(w.start < c.end and c.start < w.end for w in added) or any(i in drop for i in c.on):
            continue  # part of a stretch that gave its filler already
        if c.kind == "piece" and any(c.start - 0.3 <= w.end and w.start <= c.end + 0.3 and i not in c.on
                                     and _is_filler(rules, w.text) for i, w in enumerate(words)):
            continue  # a piece next to a filler the main pass wrote: that filler's own tail
        v = judge(c, h, words, rules)
        if v.doubtful:
            doubtful.append((c.start, c.end))
        if not v.fillers:
            continue
        n = len(v.fillers)
        if n > 1 and not v.replace_words and c.on:
            n = 1
        elif n > 1:
            n = max(1, min(n, sum(1 for b in bursts if c.start - 0.02 <= (b.start + b.end) / 2 <= c.end + 0.02)))
        if not v.replace_words and _wrote_filler_first(words, c.on, rules):
            continue  # the main pass wrote the filler there already (えー + と、 over the えっと heard again)
        if v.replace_words:
            drop.update(c.on)
        placed = _place(c, v.fillers[:n], h, rules, bursts, bound=None if v.replace_words else _next_word(words, c))
        placed = [f for f in placed if not _over_main_filler(f, words, c.on, drop, rules)]
        if not v.replace_words:  # what the main pass wrote over the filler's own time, unsurely
            drop.update(_under(placed, words, c.on, rules))
        added += placed
    out = [w for i, w in enumerate(words) if i not in drop] + added
    out.sort(key=take_order)
    # Heard alone, every filler opens a sentence ("Uh,"); in the running text it is "uh,".
    for i, w in enumerate(out):
        if w.source == "relisten":
            starts = not i or out[i - 1].text.rstrip().endswith((".", "?", "!", "。", "？", "！"))
            out[i] = replace(w, text=rules.filler_word(w.text, starts_sentence=starts))
    return out, doubtful


def _under(fillers, words, on, rules) -> set[int]:
    """The main-pass words over ``on`` that lie within a filler heard again (``fillers``) and
    were heard unsurely (under ``UNSURE_P``): the same sound, which the main pass wrote as a word
    and the second listen, hearing the words after it as the main pass did, as a filler (え +
    エンゼーズ over エ・イ・エンゼーズ). Kept, one sound would count as a filler and as words."""
    return {i for i in on for f in fillers
            if f.start - 0.02 <= words[i].start and words[i].end <= f.end + 0.02
            and words[i].probability < UNSURE_P and not _is_filler(rules, words[i].text)}


def take_order(w) -> tuple:
    """Sort key of a take's words: by start, and at the same start a filler heard again first.
    It was heard at the start of its stretch, and Whisper stamps the word after a filler over
    it (the 「お」 of おくる over the え before it): 「おえ、」 would read as one word. Otherwise
    words that start together keep the order they were said in (sort stably): Whisper gives
    several tokens one instant (え + っと、 both at 60.70 s; "do that." at 11.02 s), and
    ordering them by their ends would write 「っと、え」 and "that. do"."""
    return (w.start, w.source != "relisten")


def _joined(words, on) -> str:
    """The main-pass text over ``on`` (Whisper's words carry their own spaces)."""
    return "".join(words[i].text for i in on)


def _is_filler(rules, text: str) -> bool:
    from furikaeri.lang import only_fillers

    return only_fillers(rules, text) is not None


def _wrote_filler_first(words, on, rules) -> bool:
    """Does the main pass's text over ``on`` open with a hesitation? The second listen's fillers
    are the ones heard at the start of the stretch, so they are that one, written differently
    (えー + と、 there, えっと heard again): counted once, as the main pass wrote it. Not a word
    used as a filler (その、): Whisper drops sounds, not words, so a hesitation heard before it
    is one the main pass dropped."""
    from furikaeri.lang import leading_fillers

    lead = leading_fillers(rules, _joined(words, on))[0] if on else []
    return bool(lead) and lead[0][1] == "hesitation"


def _over_main_filler(f: Word, words, on, drop, rules) -> bool:
    """Does the filler heard again lie over a hesitation the main pass wrote in the stretch (and
    keeps)? Then it is the same sound heard twice, not a second filler. Read as the transcript's
    rules read it, in its words' context: 「え」 of 「えっ、」 (surprise) is no filler there. Only a
    hesitation: a word that is a filler in some uses (その) stamped over the filler said before
    it is a word said after it."""
    kept = [i for i in on if i not in drop]
    text, spans = "", []
    for i in kept:
        spans.append((len(text), len(text) + len(words[i].text), i))
        text += words[i].text
    for m in rules.find_fillers(text):
        own = [i for a, b, i in spans if a < m.end and m.start < b]
        if m.kind == "hesitation" and own and min(words[i].start for i in own) < f.end \
                and f.start < max(words[i].end for i in own):
            return True
    return False


#: The shortest a filler heard before words is given (s), as :func:`_place` shares a stretch.
MIN_FILLER_S = 0.12


def _next_word(words, c: Candidate) -> float | None:
    """Where the first main-pass word of ``c`` kept after the filler starts: the first that starts
    at least :data:`MIN_FILLER_S` into the stretch (a word stamped from the stretch's start was
    stamped over the filler, the 「お」 of おくる over the え before it). The filler ends by then."""
    later = [words[i].start for i in c.on if words[i].start >= c.start + MIN_FILLER_S]
    return min(later) if later else None


def _place(c: Candidate, fillers, heard: Heard, rules, bursts=(), bound: float | None = None) -> list[Word]:
    """Words for the fillers heard at the start of ``c``. Several fillers over as many bursts
    of sound take the bursts' times; one filler heard alone takes the whole stretch; fillers
    heard before words take a share of it by characters (at least 0.12 s, at most 0.8 s).
    None reaches past ``bound``, the start of the next word the main pass wrote and keeps
    (:func:`_next_word`): a share by characters is a guess, the word's stamp is not."""
    from furikaeri.lang import leading_fillers

    p = round(float(np.exp(heard.logprob)), 3)
    inside = [b for b in bursts if c.start - 0.02 <= (b.start + b.end) / 2 <= c.end + 0.02]
    if len(fillers) > 1 and len(inside) == len(fillers):
        spans = [(b.start, b.end) for b in inside]
    else:
        lead, rest = leading_fillers(rules, heard.text.replace("?", ".").replace("？", "。"))
        span = c.end - c.start
        if rest:
            spoken = sum(len(t) for t, _ in lead)
            share = spoken / max(spoken + len(rest.strip(" 、。,.!?…")), 1)
            span = min(max(share * span, MIN_FILLER_S), 0.8, span)
        if bound is not None:
            span = min(span, bound - c.start)
        step = span / len(fillers)
        spans = [(c.start + k * step, c.start + (k + 1) * step) for k in range(len(fillers))]
    # the bare filler: second_listen writes it as a word of the transcript once it is placed
    return [Word(text=text, start=round(s, 3), end=round(e, 3), probability=p, source="relisten")
            for (s, e), (text, _) in zip(spans, fillers)]
