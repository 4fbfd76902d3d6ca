"""Measurements of one answer: its span, pauses, speaking rate, filler and pause figures,
verdicts against the norms, and where the time budget ran out.

:func:`measure` composes named steps, each a pure function of words (already snapped to the
audio, :func:`snap_words`), speech intervals (:mod:`furikaeri.speech`) and the language rules
(:mod:`furikaeri.lang`): :func:`answer_span`, :func:`furikaeri.fillers.find_fillers`,
:func:`find_pauses`, :func:`rates`, :func:`tally`, :func:`judge`, :func:`budget_cut`. Norms
come from :mod:`furikaeri.norms`. The results are frozen dataclasses; ``to_dict`` gives the
``--json`` form.

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
    No rate (None) under 2 s of answer as shown (1.99 s is "2.0 s") or 3 words (9 morae): one
    word in 0.18 s is no pace.
    Fillers and repetitions are not counted as words or morae. Words and morae are counted as
    said (``Rules.spoken_units``), in the rates, the pace over time and ``word_count`` alike:
    "2023" is three words ("twenty twenty-three"), "$1.2" four, "190%" four; 2023年 is 10
    morae (ニセンニジューサンネン). The transcript keeps the digits Whisper wrote.
fillers
    Transcript fillers found by the language rules, plus fillers recovered from the audio
    (:mod:`furikaeri.fillers`), each timed over the sound it was said in (Whisper's stamp of a
    filler ends early). ``fillers_per_min`` over the answer span; ``filler_share``:
    the fillers' length in words (morae) over the answer's.
repetitions
    Repeated words and restarts ("the, the", 「それがそれが」), counted apart from fillers.
pauses
    Silences >= 0.25 s between speech intervals inside the answer span, edges from the
    audio; short < 1 s, long >= 1 s, very long >= 3 s; placed ``sentence``, ``clause`` or
    ``mid`` (:func:`find_pauses`); after a filler always ``mid``. ``long_pauses_per_min``: the
    long and very long ones a minute of the answer span (an answer's freezes over time are
    judged on it, not on the count: a shorter answer with fewer long pauses can have more). A trailing "..." (「…」) is
    where Whisper heard the voice trail off: a pause after it is ``mid``, unless the words
    before it end a sentence themselves (a full stop, a polite final form: 頑張りました…).
over budget
    ``answer_s > budget_s``; ``budget_cut`` says where in the transcript the budget ran out.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from furikaeri import norms
from furikaeri.content import Habit, Hedge, Opening, habits, hedges, opening, trails_off
from furikaeri.fillers import Filler, Found, Repetition, find_fillers, join_with_offsets, strip_spans
from furikaeri.lang import Rate

PauseKind = Literal["short", "long", "very_long"]
PausePlace = Literal["sentence", "clause", "mid"]
Level = Literal["low", "good", "ok", "high", "n/a"]

__all__ = ["Filler", "Repetition", "Pause", "Verdict", "Rate", "Stats", "BudgetCut", "Pace", "PaceStretch",
           "Measurements", "measure", "snap_words"]


@dataclass(frozen=True)
class Pause:
    """A silent pause inside the answer span, edges from the audio.

    ``kind``: ``short`` (< 1 s), ``long`` (1-3 s), ``very_long`` (>= 3 s).
    ``place``: ``sentence`` (after a sentence end: helps the listener), ``clause`` (at a comma
    or 、: a phrase boundary) or ``mid`` (inside a phrase: reads as hesitation).
    """

    start: float
    end: float
    kind: PauseKind
    place: PausePlace = "mid"

    @property
    def duration(self) -> float:
        """In milliseconds, as the edges are: 31.03 - 29.08 is 1.95, not 1.9500000000000028,
        so every view that rounds it (the transcript's [1.9s], the longest pause) agrees."""
        return round(self.end - self.start, 3)


@dataclass(frozen=True)
class Verdict:
    """How a figure compares with its norm: ``level`` ``low``, ``good``, ``ok`` (fillers: fair),
    ``high`` or ``n/a``; ``norm`` is the band in the answer's language (「5.5〜8 拍/秒」,
    "120–160 wpm"); ``source`` cites it."""

    level: Level
    norm: str
    source: str = ""


@dataclass(frozen=True)
class Stats:
    """Counts and shares of one answer (definitions in the module docstring)."""

    word_count: int = 0
    unit: str = "words"
    filler_count: int = 0
    fillers_transcript: int = 0
    fillers_relisten: int = 0
    fillers_acoustic: int = 0
    fillers_unconfirmed: int = 0
    fillers_per_min: float = 0.0
    filler_share: float = 0.0
    repetitions: int = 0
    repetitions_per_min: float = 0.0
    hedges: int = 0
    hedges_per_min: float = 0.0
    hedges_per_100_words: float = 0.0
    pause_count: int = 0
    long_pauses: int = 0
    long_pauses_per_min: float = 0.0
    very_long_pauses: int = 0
    sentence_pauses: int = 0
    clause_pauses: int = 0
    mid_pauses: int = 0
    mid_long_pauses: int = 0
    longest_pause_s: float = 0.0
    silence_share: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class BudgetCut:
    """Where the time budget ran out: the time (s from the take's start), the first word said
    after it and that word's character offset in the transcript."""

    time: float
    word_index: int
    char: int


@dataclass(frozen=True)
class PaceStretch:
    """A stretch of 5 s or more where the pace stayed outside its band: ``fast`` or ``slow``
    (times are the middles of the first and last 10-s windows outside it, or the answer's start
    or end where it holds the first or last window: :func:`pace_stretches`)."""

    start: float
    end: float
    level: Literal["fast", "slow"]


@dataclass(frozen=True)
class Pace:
    """Speaking rate over time: the language's judged rate (``Rules.rate_key``) in a 10-s
    window moved by 1 s (``windows``: (start, rate)), and the stretches outside the band."""

    windows: tuple[tuple[float, float], ...] = ()
    stretches: tuple[PaceStretch, ...] = ()


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
    rate: Rate
    stats: Stats
    verdicts: dict[str, Verdict]
    pace: Pace
    hedges: tuple[Hedge, ...]
    habits: tuple[Habit, ...]
    opening: Opening | None
    found: Found | None
    over_budget: bool
    budget_cut: BudgetCut | None
    acoustic_candidates: int
    unconfirmed_fillers: int


# ---------------------------------------------------------------------------------------------
# Words against the audio.


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
    ends = [iv.end for iv in ivs]
    ordered = all(a <= b for a, b in zip(ends, ends[1:]))
    for w in words:
        # intervals ending more than 0.3 s before the word cannot hold it: start past them (one
        # early, so the exact tests below decide)
        lo = max(0, bisect.bisect_left(ends, w.start - 0.3) - 1) if ordered else 0
        cands = []
        for iv in itertools.islice(ivs, lo, None):
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
            near = [iv for iv in ivs[lo:] if iv.start - 0.3 <= w.end and w.start <= iv.end + 0.3]
            if not near:
                continue
            best = min(near, key=lambda iv: min(abs(iv.start - w.end), abs(w.start - iv.end)))
        s = max(w.start, best.start)
        e = min(w.end, best.end)
        if e <= s and best.start <= w.start <= best.end:
            # a stamp of no length on the island ("copy" 54.415-54.415): the word stays where
            # it was said (put at the island's end, it dragged every later word there with it)
            s = e = w.start
        elif e <= s:  # the stamp lay outside the island: put the word at the island's edge
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



# ---------------------------------------------------------------------------------------------
# The steps.


def answer_span(words, speech) -> tuple[float, float]:
    """From the start of the speech interval that carries the first word to the end of the one
    that carries the last (a word's stamp may not reach its interval's edges)."""

    def interval_of(t0: float, t1: float):
        best = None
        for iv in speech:
            ov = min(t1, iv.end) - max(t0, iv.start)
            if ov >= 0 and (best is None or ov > best[1]):
                best = (iv, ov)
        return best[0] if best else None

    first, last = interval_of(words[0].start, words[0].end), interval_of(words[-1].start, words[-1].end)
    start = min(words[0].start, first.start if first else words[0].start)
    end = max(words[-1].end, last.end if last else words[-1].end)
    return start, end


# ---------------------------------------------------------------------------------------------
# Figures as shown. A verdict judges a figure as the report writes it (rounded to its shown
# digits), so it never contradicts the figure beside it: an opening at 20.2 % of the budget is
# shown as 20 % and is not late against "within 20 %"; 160.4 wpm is shown as 160 and is good.

#: Digits the report shows: the answer's length (18.7 s), a pause (1.4 s), fillers and hedges
#: per minute or 100 words (3.2), the time to the first word (7.5 s); shares are whole percentages (20 %).
ANSWER_DIGITS = PAUSE_DIGITS = PER_DIGITS = LATENCY_DIGITS = 1


def as_shown(value: float, digits: int) -> float:
    """``value`` as the report writes it with ``digits`` decimals (``f"{value:.1f}"``)."""
    return float(f"{value:.{digits}f}")


def share_as_shown(share: float) -> float:
    """A share as the report writes it, a whole percentage (``f"{share:.0%}"``), as a share."""
    return float(f"{share * 100:.0f}") / 100


#: A rate at least this size is a rate per minute when its figure is not named: no rate per second
#: comes near it (Whisper's words past 14 a second are thrown out as a loop), and a rate per minute
#: under it is an answer of a few words in long silences.
PER_MINUTE_FROM = 20.0


def rate_digits(value: float, key: str | None = None) -> int:
    """Digits a speaking rate is shown with: a rate per minute (words, characters) whole, as its
    norm is written (120–160 wpm; 90 wpm, not 90.2, beside 127), a rate per second (morae) with
    one decimal, a tenth being a real step of its 5.3–8 band (6.6 拍/秒). Told by the figure's
    name ``key`` (``*_per_s``: per second), else by size (:data:`PER_MINUTE_FROM`)."""
    if key is not None:
        return 1 if key.endswith("_per_s") else 0
    return 0 if value >= PER_MINUTE_FROM else 1


def rate_as_shown(value: float | None, key: str | None = None) -> float | None:
    """A speaking rate as the report writes it (:func:`rate_digits`)."""
    return None if value is None else as_shown(value, rate_digits(value, key))


def pause_kind(duration: float) -> PauseKind:
    """``short``, ``long`` or ``very_long`` by the duration as shown (0.96 s is shown as 1.0 s:
    a long pause)."""
    duration = as_shown(duration, PAUSE_DIGITS)
    if duration >= norms.VERY_LONG_PAUSE_S:
        return "very_long"
    if duration >= norms.LONG_PAUSE_S:
        return "long"
    return "short"


def after_filler(start: float, last, fillers) -> bool:
    """Does a pause starting at ``start`` follow a filler? One ending just before it (0.3 s), said
    after ``last``, the last word before the pause; or ``last`` itself is (the end of) a filler,
    however much wordless sound lies between it and the pause ("on your, uh, [2.8 s of sound]
    [3.8s]"): no word has been said since the hesitation, and its comma ("uh,") is no clause's
    end. A word is the filler by its text as well as its time: a second listen's 「え、」 is stamped
    over the main pass's 「あと、」, which is a word."""
    if last is not None and any(_is_filler_word(last, f) for f in fillers):
        return True
    return any(f.start < start and start - f.end < 0.3 and (last is None or f.end > last.start) for f in fillers)


def _is_filler_word(word, filler) -> bool:
    """Is ``word`` the filler ``filler``, or its last token (え|っと、 of えっと, "know," of "you know")?"""
    said = re.sub(r"[\W_]+", "", word.text.lower())
    return bool(said) and filler.text.lower().replace(" ", "").endswith(said) \
        and filler.start <= (word.start + word.end) / 2 <= filler.end


def find_pauses(words, speech, span: tuple[float, float], text: str, fillers, rules) -> list[Pause]:
    """Silences of ``norms.MIN_PAUSE_S`` or more between speech intervals inside the answer,
    placed by what comes before them: ``sentence`` after a sentence end, ``clause`` after a
    comma, ``mid`` otherwise, always after a filler (the pause is part of the hesitation) and
    after a trailing ellipsis that ends no sentence (:func:`trails_off`)."""
    from furikaeri.speech import gaps

    out = []
    _, word_spans = join_with_offsets(words)
    for g in gaps(speech, span[0], span[1], min_gap_s=norms.MIN_PAUSE_S):
        before = [i for i, w in enumerate(words) if w.end <= g.start + 0.05]
        text_before = text[: word_spans[before[-1]][1]] if before else ""
        last = words[before[-1]] if before else None
        if after_filler(g.start, last, fillers) or trails_off(text_before, rules):
            place: PausePlace = "mid"
        elif text_before and rules.ends_sentence(text_before, after=text[len(text_before):]):
            place = "sentence"  # not a polite form a clause link carries on (持っていません|から)
        elif text_before.rstrip().endswith((",", "、", ";", ":", "，")):
            place = "clause"
        else:
            place = "mid"
        start, stop = round(g.start, 3), round(g.end, 3)
        out.append(Pause(start, stop, pause_kind(round(stop - start, 3)), place))
    return out


#: A rate needs this much answer (s) and this many words (times ``Rules.units_per_word``:
#: 9 morae) to speak of: one word in 0.18 s is "333 words a minute", and says nothing of a pace.
RATE_MIN_S, RATE_MIN_WORDS = 2.0, 3


def too_short_for_rates(answer_s: float) -> bool:
    """Is the answer, as its length is shown, under :data:`RATE_MIN_S`? Then no figure per minute
    (words, morae, fillers, repetitions) is judged: one "um" in 0.8 s is "76 a minute"."""
    return as_shown(answer_s, ANSWER_DIGITS) < RATE_MIN_S


def too_few_for_rates(units: int, rules) -> bool:
    """Are ``units`` (words; morae) under :data:`RATE_MIN_WORDS` words? Then there is no pace, and
    no figure per word is judged (:func:`judge`): no word is not "0 hedges per 100 words"."""
    return units < RATE_MIN_WORDS * rules.units_per_word


def rates(content: str, answer_s: float, speaking_s: float, rules) -> Rate:
    """The language's rate figures (:meth:`Rules.rates`) over the content text: fillers and
    repetitions are not words or morae; words and morae are counted as said
    (:meth:`Rules.spoken_units`: "2023" is three words). None (not judged) with no content word,
    or too few or too short an answer to have a pace (:data:`RATE_MIN_S`, :data:`RATE_MIN_WORDS`). The
    length is judged as shown (:func:`as_shown`): an answer of 1.99 s is "2.0 s" and has a rate."""
    units = rules.spoken_units(content)
    if too_short_for_rates(answer_s) or too_few_for_rates(units, rules):
        return rules.rate_type()
    return rules.rates(units=units, chars=rules.count_chars(content), answer_s=answer_s,
                       speaking_s=max(speaking_s, 1e-6))


def tally(found: Found, pauses, *, answer_s: float, content: str, doubtful, span, rules, said_hedges=()) -> Stats:
    """The counts of :class:`Stats`. ``filler_share``: fillers' own length (words; morae) over
    the answer's. ``fillers_unconfirmed``: islands the second listen left in doubt with no
    filler on them, inside the answer."""
    minutes = answer_s / 60.0 if answer_s > 0 else 0.0
    units = rules.spoken_units(content)
    filler_units = sum(max(rules.spoken_units(f.text), 1) for f in found.fillers)
    long_p = [p for p in pauses if p.kind in ("long", "very_long")]
    silent = sum(p.duration for p in pauses)
    unconfirmed = sum(1 for s0, s1 in doubtful if span[0] <= s0 <= span[1]
                      and not any(f.start < s1 and f.end > s0 for f in found.fillers))
    return Stats(
        word_count=units,
        unit=rules.unit,
        filler_count=len(found.fillers),
        fillers_transcript=sum(f.how_found == "transcript" for f in found.fillers),
        fillers_relisten=sum(f.how_found == "relisten" for f in found.fillers),
        fillers_acoustic=sum(f.how_found == "acoustic" for f in found.fillers),
        fillers_unconfirmed=unconfirmed,
        fillers_per_min=round(len(found.fillers) / minutes, 2) if minutes else 0.0,
        filler_share=round(filler_units / max(units + filler_units, 1), 3),
        repetitions=len(found.repetitions),
        repetitions_per_min=round(len(found.repetitions) / minutes, 2) if minutes else 0.0,
        hedges=len(said_hedges),
        hedges_per_min=round(len(said_hedges) / minutes, 2) if minutes else 0.0,
        hedges_per_100_words=round(100.0 * len(said_hedges) * rules.units_per_word / units, 2) if units else 0.0,
        pause_count=len(pauses),
        long_pauses=len(long_p),
        long_pauses_per_min=round(len(long_p) / minutes, 2) if minutes else 0.0,
        very_long_pauses=sum(p.kind == "very_long" for p in pauses),
        sentence_pauses=sum(p.place == "sentence" for p in pauses),
        clause_pauses=sum(p.place == "clause" for p in pauses),
        mid_pauses=sum(p.place == "mid" for p in pauses),
        mid_long_pauses=sum(p.place == "mid" for p in long_p),
        longest_pause_s=max((p.duration for p in pauses), default=0.0),  # as the transcript's [1.9s] rounds it
        silence_share=round(silent / answer_s, 3) if answer_s > 0 else 0.0,
    )


def latency_verdict(latency_s: float | None, code: str) -> Verdict | None:
    """The time to the first word against :data:`furikaeri.norms.LATENCY_FREEZE_S`, as the report
    shows it (7.5 s): good under it (a think), high from it (a freeze); None when there is no first word."""
    from furikaeri.lang import text

    if latency_s is None:
        return None
    level = "high" if as_shown(latency_s, LATENCY_DIGITS) >= norms.LATENCY_FREEZE_S else "good"
    return Verdict(level, text(code, "norm_latency", freeze=norms.LATENCY_FREEZE_S), norms.LATENCY_SOURCE)


def opening_verdict(said: Opening, code: str, *, short: bool = False) -> Verdict:
    """The time to the point against its norm: ``high`` (late) past the budget's share, ``ok`` on
    time but a story first (not the conclusion first the norm asks for; its tip says so), else
    ``good``. Where the words do not tell the order (``order`` None) the norm names the time
    alone, so a "good" never claims the point came first; an answer too ``short`` for any rate
    (:func:`too_short_for_rates`: a 1.5-s fragment ending on a full stop) is not judged."""
    from furikaeri.lang import text

    told = said.order is not None
    norm = text(code, "norm_opening" if told else "norm_opening_time", share=norms.OPENING_SHARE)
    level = ("n/a" if short else "high" if said.late else "ok" if said.order == "story_first" else "good")
    return Verdict(level, norm, norms.OPENING_SOURCE)


def _fillers_verdict(stats: Stats, answer_s: float, code: str, *, short: bool) -> Verdict:
    """Fillers a minute against the norm. Where the sounds the second listen left in doubt
    (``fillers_unconfirmed``, which the report warns about) would make it worse were they
    fillers, "good" is not said (``n/a``, its norm saying why: in a noisy room 2 of 15 えっと were
    heard, 10 left in doubt, and "good" stood beside the warning that the count may be low, QA
    s38 F #2), and a worse verdict is said as what it is at least (its norm names the sounds in
    doubt, QA s38 V #6). Where the verdict is the same either way, it is given as it is."""
    from furikaeri.lang import text

    level = norms.fillers_level(as_shown(stats.fillers_per_min, PER_DIGITS))
    norm = text(code, "norm_fillers", good=norms.FILLERS_GOOD_PER_MIN)
    if short:
        return Verdict("n/a", norm, norms.FILLERS_SOURCE)
    doubt = stats.fillers_unconfirmed
    if fillers_in_doubt(stats.filler_count, doubt, stats.fillers_per_min, answer_s):
        key = "norm_fillers_unsure" if level == "good" else "norm_fillers_at_least"
        return Verdict("n/a" if level == "good" else level,
                       text(code, key, n=doubt, good=norms.FILLERS_GOOD_PER_MIN), norms.FILLERS_SOURCE)
    return Verdict(level, norm, norms.FILLERS_SOURCE)


def fillers_in_doubt(count: int, doubt: int, per_min: float, answer_s: float) -> bool:
    """Would the ``doubt`` sounds left unconfirmed change the verdict on ``count`` fillers
    (``per_min`` a minute over ``answer_s``) were they fillers? Then the count is a lower bound:
    not judged "good", and not kept as a figure a best or a trend could rest on (QA s38 W #6)."""
    if not doubt or not answer_s or answer_s <= 0:
        return False
    level = norms.fillers_level(as_shown(per_min, PER_DIGITS))
    return norms.fillers_level(as_shown((count + doubt) * 60.0 / answer_s, PER_DIGITS)) != level


def judge(rate: Rate, stats: Stats, *, answer_s: float, budget_s: float, rules,
          said_opening: Opening | None = None, latency_s: float | None = None) -> dict[str, Verdict]:
    """Each figure against its norm (:mod:`furikaeri.norms`), the norm written in the answer's
    language: ``rate`` (the language's judged rate, and in Japanese also ``chars_per_min``),
    ``fillers``, ``pauses``, ``length``, ``hedges``, ``opening`` and ``latency`` (the time to
    the first word: a freeze before it is as much a fault as one inside it). Fillers per minute
    and hedges per 100 words follow the pace's rule (:func:`rates`): ``n/a`` under 2 s of answer
    (hedges: where the pace has no figure, under 3 words too), where a rate says nothing of the
    speaker."""
    from furikaeri.lang import text

    code = rules.code
    out: dict[str, Verdict] = {}
    for key in rules.rate_keys:
        band = norms.RATE_BANDS.get(key)
        if band is None:
            continue
        name = "rate" if key == rules.rate_key else key
        out[name] = Verdict(band.level(rate_as_shown(rate.get(key), key)),
                            text(code, f"norm_{key}", lo=band.lo, hi=band.hi), band.source)
    # a rate of an answer too short (or, per word, too bare) to have one is not judged, as the pace
    # is not: fillers a minute under 2 s; hedges per 100 words where the pace has no figure (rates)
    short, bare = too_short_for_rates(answer_s), rate.get(rules.rate_key) is None
    out["fillers"] = _fillers_verdict(stats, answer_s, code, short=short)
    pauses = ("high" if stats.very_long_pauses or share_as_shown(stats.silence_share) > norms.SILENCE_SHARE_HIGH
              else "ok" if stats.long_pauses else "good")
    # the norm names the rule that decided: a pause of 3 s or more, else the usual one
    norm = "norm_pauses_very_long" if stats.very_long_pauses else "norm_pauses"
    out["pauses"] = Verdict(pauses, text(code, norm, long=norms.LONG_PAUSE_S,
                                         very_long=norms.VERY_LONG_PAUSE_S, share=norms.SILENCE_SHARE_HIGH),
                            norms.PAUSES_SOURCE)
    out["length"] = Verdict(length_level(answer_s, budget_s), text(code, "norm_length", budget=budget_s,
                                                                     floor=round(norms.SHORT_ANSWER_SHARE * budget_s, 1)),
                            norms.LENGTH_SOURCE)
    out["hedges"] = Verdict("n/a" if short or bare
                            else "high" if as_shown(stats.hedges_per_100_words, PER_DIGITS) > norms.HEDGES_PER_100_HIGH
                            else "good",
                            text(code, "norm_hedges", high=norms.HEDGES_PER_100_HIGH), norms.hedges_source(code))
    if said_opening is not None:
        out["opening"] = opening_verdict(said_opening, code, short=short)
    latency = latency_verdict(latency_s, code)
    if latency is not None:
        out["latency"] = latency
    return out


def over_budget(answer_s: float, budget_s: float) -> bool:
    """Past the budget, as the answer's length is shown (60.04 s is 60.0 of a 60-s budget: not over)."""
    return as_shown(answer_s, ANSWER_DIGITS) > budget_s


def half_up(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` decimals, halves away from zero (92.5 -> 93, where
    ``round`` and ``f"{:.0f}"`` give 92), from its decimal figure (2.675 -> 2.68, not the 2.67
    of its binary one)."""
    from decimal import ROUND_HALF_UP, Decimal

    return float(Decimal(repr(round(value, 9))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def over_as_shown(over_s: float) -> float:
    """Seconds past the budget as every view writes them: whole seconds (+4 s), tenths under
    one (+0.4 s: never "+0 s" past the budget), rounded once from the figure itself, halves up:
    92.53 s over is +93 s (rounded to 92.5 first, it was +92 here and 93 in the history)."""
    tenths = half_up(over_s, 1)
    return half_up(over_s, 0) if abs(tenths) >= 1 else tenths


def over_shown(over_s: float) -> float:
    """Seconds past the budget as every view writes them (the report's length row, the tips,
    the focus line, history, compare, progress): from the length as the row shows it, to tenths,
    then whole seconds from one second up (halves up, :func:`over_as_shown`). 52.46 s of a 30-s
    budget is shown "52.5 / 30 s": +23 s, as the reader works it out, not the +22 of 22.46
    rounded once."""
    return over_as_shown(half_up(over_s, 1))


def short_answer(answer_s: float, budget_s: float) -> bool:
    """Under :data:`furikaeri.norms.SHORT_ANSWER_SHARE` of the budget, as the length is shown: far
    too short for the question, and too short for its rates (fillers or morae per minute, pace) to
    say much (one filler in 5 s is 12 a minute). The length is then the focus and the only tip."""
    return budget_s > 0 and as_shown(answer_s, ANSWER_DIGITS) < norms.SHORT_ANSWER_SHARE * budget_s


def length_level(answer_s: float, budget_s: float) -> str:
    """``high`` past the budget, ``low`` far short of it, else ``good`` (:func:`over_budget`,
    :func:`short_answer`)."""
    return "high" if over_budget(answer_s, budget_s) else "low" if short_answer(answer_s, budget_s) else "good"


#: Pace over time: a window this long (s), moved this far each step; a stretch outside the
#: band is listed when it lasts this long.
PACE_WINDOW_S, PACE_STEP_S, PACE_STRETCH_S = 10.0, 1.0, 5.0


#: Words stamped within this many seconds of each other, :data:`PILE_WORDS` or more in a row,
#: were not timed: no one says three words in a tenth of a second. Whisper (or a stamp moved to
#: an island's edge) piled them at one instant, and when they were said is unknown.
PILE_S, PILE_WORDS = 0.1, 3


def language_words(words, rules) -> list[frozenset[int]]:
    """For each of Whisper's words (its tokens, in Japanese), the words of the language it is
    part of (:meth:`Rules.diff_tokens`: UniDic's words; English words), as indices: Whisper
    writes Japanese a kana or two at a time (びっくり as び, っ, く, り), so three of its
    tokens may be one word said."""
    text, spans = join_with_offsets(words)
    bounds: list[tuple[int, int]] = []
    pos = 0
    for token in rules.diff_tokens(text):
        at = text.find(token, pos)
        if at >= 0:
            bounds.append((at, at + len(token)))
            pos = at + len(token)
    return [frozenset(k for k, (a, b) in enumerate(bounds) if a < e and b > s) for s, e in spans]


def untimed(words, units, span: tuple[float, float], said_in=None) -> list[tuple[float, float]]:
    """Where words piled at one instant (:data:`PILE_S`) were said somewhere: from the end of
    the word before the pile to the start of the word after it. Only words with ``units`` count
    (a run of fillers stamped together is a known habit of Whisper's, and no words).

    ``said_in``: the words of the language each of ``words`` is part of (:func:`language_words`);
    a pile is :data:`PILE_WORDS` of those as well as of Whisper's: the kana of びっくり, stamped
    0.08 s together, are one word said, and a single token (「りました。」) is no pile however
    many words it holds. Without ``said_in``, each of ``words`` is one word."""
    said = [(w, ids if said_in is not None else frozenset([k]))
            for k, (w, u, ids) in enumerate(zip(words, units, said_in or [None] * len(words))) if u > 0]
    out: list[tuple[float, float]] = []
    i = 0
    while i < len(said):
        j = i
        while j + 1 < len(said) and said[j + 1][0].end - said[i][0].start <= PILE_S:
            j += 1
        if j - i + 1 >= PILE_WORDS and len(frozenset().union(*(ids for _, ids in said[i:j + 1]))) >= PILE_WORDS:
            lo = said[i - 1][0].end if i else span[0]
            hi = said[j + 1][0].start if j + 1 < len(said) else span[1]
            out.append((min(lo, said[i][0].start), max(hi, said[j][0].end)))
        i = j + 1
    return out


def pace_over_time(words, found: Found, span: tuple[float, float], rules) -> Pace:
    """The judged rate in each 10-s window of the answer (fillers and repetitions are not
    words), and every stretch of :data:`PACE_STRETCH_S` or more outside its band
    (:data:`furikaeri.norms.RATE_BANDS`): "too fast from 0:42 to 0:55". A window that holds
    words piled at one instant (:func:`untimed`) is not judged: their time is unknown, and the
    speech they were said over would read as slow, the instant they sit at as fast."""
    start, end = span
    band = norms.RATE_BANDS.get(rules.rate_key)
    if end - start < PACE_WINDOW_S or band is None:
        return Pace()
    text, spans = join_with_offsets(words)
    # each word's text without what is no content, as the whole answer's rate reads it (strip_spans):
    # Whisper writes a filler with its comma (" uh,", 「まあ、」), which no filler's span holds, so a
    # word had to lie wholly inside one to be left out, and none was (QA s55 AM #1: +6 wpm a "uh")
    content = [True] * len(text)
    for x, y in found.not_content:
        content[x:y] = [False] * len(content[x:y])
    units = [rules.spoken_units(w.text) if all(content[a:b])
             else rules.spoken_units("".join(c for c, kept in zip(text[a:b], content[a:b]) if kept))
             for w, (a, b) in zip(words, spans)]
    # units by word middle, summed once: each window's count is a difference of two sums
    timed = sorted(((w.start + w.end) / 2, u) for w, u in zip(words, units))
    middles = [m for m, _ in timed]
    summed = [0, *itertools.accumulate(u for _, u in timed)]
    unknown = untimed(words, units, span, language_words(words, rules))
    windows = []
    t = start
    while t + PACE_WINDOW_S <= end + 1e-6:
        if any(a < t + PACE_WINDOW_S and b > t for a, b in unknown):
            t += PACE_STEP_S
            continue
        n = summed[bisect.bisect_left(middles, t + PACE_WINDOW_S)] - summed[bisect.bisect_left(middles, t)]
        rate = rules.rates(units=n, chars=0, answer_s=PACE_WINDOW_S, speaking_s=PACE_WINDOW_S).get(rules.rate_key)
        windows.append((round(t, 2), rate))
        t += PACE_STEP_S
    return Pace(tuple(windows), pace_stretches(windows, band))


def pace_stretches(windows, band) -> tuple[PaceStretch, ...]:
    """Every run of windows outside ``band`` (:class:`PaceStretch`), a window a step after the
    last, whose middles span :data:`PACE_STRETCH_S` or more.

    A run's time in the audio is where only its windows judged the pace: from the middle of its
    first window to the middle of its last, and from the start of the first window of all (the
    answer's start) or to the end of the last of all (the answer's end) where the run holds it,
    as no other window heard the seconds before the first middle or after the last. Its middles
    alone cut 5 s off a slow start: "Uh. My weakness, um, is..." from 0:01 was "slow 0:07–0:12",
    over the fast sentence that came next. The windows of a stretch are those whose middles
    (``start + 5``) it holds. A run is kept when 5 s of its time are mostly heard by its own
    windows (:func:`_mostly_heard`): between middles, that is the middles' span."""
    half = PACE_WINDOW_S / 2
    runs: list[list[tuple[int, str]]] = []
    for k, (w0, rate) in enumerate(windows):
        level = {"high": "fast", "low": "slow"}.get(band.level(rate))
        if level is None:
            continue
        prev = runs[-1][-1] if runs else None
        if prev and prev[0] == k - 1 and prev[1] == level and w0 - windows[k - 1][0] <= PACE_STEP_S + 1e-6:
            runs[-1].append((k, level))
        else:
            runs.append([(k, level)])
    out = []
    for run in runs:
        first, last = run[0][0], run[-1][0]
        start = windows[first][0] + (0.0 if first == 0 else half)
        end = windows[last][0] + (PACE_WINDOW_S if last == len(windows) - 1 else half)
        lo, hi = _mostly_heard(start, end, windows, first, last)
        if hi - lo < PACE_STRETCH_S - 1e-6:
            continue
        out.append(PaceStretch(round(start, 2), round(end, 2), run[0][1]))
    return tuple(out)


def _mostly_heard(start: float, end: float, windows, first: int, last: int) -> tuple[float, float]:
    """The part of a run's stretch (``start``-``end``, windows ``first``-``last``) where at least
    half the windows that heard each second are the run's: the length a stretch is judged by.
    Between two middles that holds by the middles' rule; toward the answer's start or end fewer
    windows heard each second, so a run of the first or last n windows (1-s steps) holds half of
    them over the answer's first or last 2n - 1 s (at most to its middles): 9 s for the last five
    (a slow end from 32 s to an answer's end at 41 s, dropped when its middles alone were
    measured, QA s35 A #5), 1 s for a lone window (no 5-s stretch of one window just outside)."""
    n = last - first + 1
    if first == 0 and last == len(windows) - 1:
        return start, end  # every window is the run's
    lo, hi = start, end
    if first == 0:
        hi = min(end, windows[0][0] + (2 * n - 1) * PACE_STEP_S)
    if last == len(windows) - 1:
        lo = max(start, windows[last][0] + PACE_WINDOW_S + PACE_STEP_S - 2 * n * PACE_STEP_S)
    return lo, hi


def budget_cut(words, start: float, budget_s: float) -> BudgetCut:
    """Where the budget ran out: the first word that ends after ``start + budget_s``."""
    _, spans = join_with_offsets(words)
    t = start + budget_s
    idx = next((i for i, w in enumerate(words) if w.end > t), len(words) - 1)
    return BudgetCut(round(t, 3), idx, spans[idx][0])


#: The rates and shares of a take with no speech: unknown (None, ``null`` in JSON, as its pace
#: is), never 0, which reads as a perfect answer and, for its silent share, is false (QA s44 J #2).
_UNMEASURED = dict.fromkeys(("fillers_per_min", "filler_share", "repetitions_per_min", "hedges_per_min",
                             "hedges_per_100_words", "long_pauses_per_min", "longest_pause_s", "silence_share"))


def _nothing_heard(rules) -> Measurements:
    """The measurements of a take with no speech (or no words): nothing to measure."""
    return Measurements(
        speech_detected=False, latency_s=None, answer_start=None, answer_end=None, answer_s=0.0,
        words=(), transcript="", fillers=(), repetitions=(), pauses=(),
        rate=rules.rate_type(), stats=Stats(unit=rules.unit, **_UNMEASURED), verdicts={}, pace=Pace(), hedges=(), habits=(),
        opening=None, found=None,
        over_budget=False, budget_cut=None, acoustic_candidates=0, unconfirmed_fillers=0,
    )


def _span_and_fillers(words, speech, rules, *, held, bursts, acoustic: bool) -> tuple[tuple[float, float], Found]:
    """The answer span and every filler in it; a filled pause the audio shows before the
    first word (or after the last) widens the span."""
    start, end = answer_span(words, speech)
    found = find_fillers(words, speech, rules, held=held or (), bursts=bursts, span=(start, end), acoustic=acoustic)
    if found.acoustic:  # a filled pause before the first word opens the answer
        start, end = min(start, found.acoustic[0].start), max(end, found.acoustic[-1].end)
    return (start, end), found


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
    question: str | None = None,
) -> Measurements:
    """Measure one answer.

    Parameters
    ----------
    words : sequence of Word
        Whisper's words, already snapped to the speech intervals (:func:`snap_words`) and heard
        again where a filler may hide (:func:`furikaeri.relisten.second_listen`).
    speech : sequence of Interval
        Speech from the audio (:func:`furikaeri.speech.find_speech`).
    duration : float, seconds
        Length of the take.
    rules : lang.Rules
        Language rules (fillers, rate units, sentence ends).
    budget_s : float > 0, seconds
        The question's time budget.
    acoustic : bool
        Recover fillers from held sounds (off only to measure what it adds).
    held : sequence of speech.HeldSound, optional
        Held steady voiced sounds (:func:`furikaeri.speech.held_sounds`).
    doubtful : sequence of (start, end), optional
        Islands the second listen could not confirm: those inside the answer with no filler on
        them are reported as possibly under-counted fillers.
    bursts : sequence of Interval, optional
        Voiced bursts (:func:`furikaeri.speech.voiced_bursts`) to count runs of fillers by.
    question : str, optional
        The question: its own words are not habit phrases.

    What each figure means: the module docstring, "Definitions".
    """
    from furikaeri.transcribe import without_loop_copies

    speech = list(speech)
    words = without_loop_copies(words, rules)  # a decoder's loop is not the speaker's repetitions
    if not words or not speech:
        return _nothing_heard(rules)
    (start, end), found = _span_and_fillers(words, speech, rules, held=held, bursts=bursts, acoustic=acoustic)
    answer_s = round(float(max(end - start, 0.0)), 3)
    pauses = find_pauses(words, speech, (start, end), found.text, found.fillers, rules)
    content = strip_spans(found.text, found.not_content)
    speaking = answer_s - sum(p.duration for p in pauses)
    rate = rates(content, answer_s, speaking, rules)
    said = tuple(hedges(words, rules))
    first = opening(words, rules, answer_start=start, budget_s=budget_s)
    stats = tally(found, pauses, answer_s=answer_s, content=content, doubtful=doubtful, span=(start, end),
                  rules=rules, said_hedges=said)
    over = over_budget(answer_s, budget_s)
    return Measurements(
        speech_detected=True, latency_s=round(start, 3), answer_start=round(start, 3), answer_end=round(end, 3),
        answer_s=answer_s, words=tuple(words), transcript=found.text,
        fillers=found.fillers, repetitions=found.repetitions, pauses=tuple(pauses), rate=rate, stats=stats,
        verdicts=judge(rate, stats, answer_s=answer_s, budget_s=budget_s, rules=rules, said_opening=first,
                       latency_s=start),
        pace=pace_over_time(words, found, (start, end), rules),
        hedges=said, habits=tuple(habits(words, rules, not_content=found.not_content, question=question)),
        opening=first, found=found,
        over_budget=over, budget_cut=budget_cut(words, start, budget_s) if over else None,
        acoustic_candidates=len(held or ()), unconfirmed_fillers=stats.fillers_unconfirmed,
    )
