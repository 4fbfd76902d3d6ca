"""What the answer says, and when: hedges, habit phrases, and how long it takes to get to the
point.

- **Hedges** (``I think``, ``kind of``, 〜と思います, たぶん): words that weaken a claim, found by
  the language rules (``Rules.find_hedges``, context-aware: "what kind of job" is no hedge), with
  times from the words that carry them. A separate habit from fillers.
- **Habit phrases**: phrases of one to three words said three times or more in one answer
  ("basically", "super cool", 「すごく」), words in a row inside one clause, shown as said; where
  phrases said often overlap, only the one said most (then the longest). Words of the question
  itself, fillers, phrases that only name things (the topic: 鍵, サークル, "customer service";
  ``Rules.content_tokens``) and words that are a hedge or a filler only where the language's
  rules find them so ("that kind of teaching", the verb "like") are not habits.
- **Time to the point** (結論ファースト): when the first complete sentence ends, counted from the
  start of the answer, and its share of the time budget (a greeting, thanks or acknowledgement
  said first, "Thank you for the question." or 「よろしくお願いします。」, is not that sentence:
  ``Rules.courtesy``); late when it runs past
  :data:`furikaeri.norms.OPENING_SHARE` of the budget. Whether the opening sentence states the
  point (私の強みは〜です; "My greatest strength is ...") or opens a story (大学2年生の時…;
  "When I was ...") is judged from the text by the language rules (``Rules.opening_order``),
  or left open (None) when the text does not say.

Pure functions of the words (:class:`~furikaeri.transcribe.Word`) and the language rules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from furikaeri import norms
from furikaeri.fillers import join_with_offsets

Order = Literal["point_first", "story_first"]

#: A phrase said this many times or more in one answer is a habit.
HABIT_MIN_COUNT = 3
HABIT_MAX_WORDS = 3


@dataclass(frozen=True)
class Hedge:
    """A hedge said in the answer."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Habit:
    """A phrase said ``count`` times in one answer, and when each began."""

    phrase: str
    count: int
    starts: tuple[float, ...]


@dataclass(frozen=True)
class Opening:
    """How long the answer took to get to its first full stop.

    ``seconds``: from the start of the answer to the end of its first complete sentence;
    ``budget_share``: that over the question's budget; ``late``: past
    :data:`furikaeri.norms.OPENING_SHARE`; ``order``: ``point_first``, ``story_first`` or None
    (not told by the text); ``text``: the opening sentence.
    """

    seconds: float
    budget_share: float
    late: bool
    order: Order | None
    text: str


def hedges(words, rules) -> list[Hedge]:
    """Every hedge the rules find in the transcript, timed by the words under it. A hedge said
    again straight after itself (:func:`_restarted`: 「ちょっと、ちょっと、なん、ちょっと」, "I think, I
    think") is one hedge restarted, counted once: the restart is a repetition."""
    text, spans = join_with_offsets(words)
    out, last = [], None
    for m in sorted(rules.find_hedges(text), key=lambda m: m.start):
        idx = [i for i, (s, e) in enumerate(spans) if s < m.end and e > m.start]
        if idx and not _restarted(last, m, text, rules):
            out.append(Hedge(m.text.strip(), round(words[idx[0]].start, 3), round(words[idx[-1]].end, 3)))
        last = m if idx else last
    return out


def _restarted(before, m, text: str, rules) -> bool:
    """Is hedge ``m`` the hedge ``before`` said again at once: the same words with nothing
    between but punctuation, fillers and less than a word's worth of a cut-off word (なん)?"""
    if before is None or before.text.strip() != m.text.strip() or m.start < before.end:
        return False
    between = text[before.end:m.start]
    for f in sorted(rules.find_fillers(between), key=lambda f: -f.start):
        between = between[:f.start] + between[f.end:]
    return len(rules.sounds(between)) < rules.units_per_word


def habits(words, rules, *, not_content=(), question: str | None = None) -> list[Habit]:
    """Phrases of 1-3 words said :data:`HABIT_MIN_COUNT` times or more (module docstring).
    ``not_content``: character spans of the transcript that are fillers or repetitions (they are
    not habits of their own here, and a phrase does not run across one).

    A phrase is words said in a row inside one clause (never across a mark: "science. I like" is
    no phrase), from a word that colours speech to another (``Rules.content_tokens``: the words
    between may be any, "super cool", "pretty much"), or a listed tic as a whole ("kind of");
    it is shown as said. A word that is a filler or a hedge only in some uses is one only where
    the language's rules find it so (:func:`context_ruled`): "that kind of teaching" has no
    "kind of" in it. Where phrases said often overlap, only the one said most (then the longest)
    is listed: an answer said three times over repeats every run of its words, and is one
    phrase, not five overlapping ones."""
    text, spans = join_with_offsets(words)
    said = said_words(text, rules)
    runs = _phrase_runs(text, said, rules, not_content, question)
    frequent = [(key, pos) for key, pos in runs.items() if len(pos) >= HABIT_MIN_COUNT]
    frequent.sort(key=lambda kp: (-len(kp[1]), -len(kp[0]), kp[1][0][0]))
    out, taken = [], []
    for key, pos in frequent:
        if not any(s < e2 and s2 < e for s, e in pos for s2, e2 in taken):
            starts = []
            for c, _ in pos:
                i = next((k for k, (s, e) in enumerate(spans) if s <= c < e), None)
                if i is not None:
                    starts.append(round(words[i].start, 3))
            out.append(Habit(rules.phrase(key), len(pos), tuple(starts)))
        taken += pos  # a phrase inside or across one said more (or as often and longer) is part of it
    out.sort(key=lambda h: (-h.count, h.starts[0] if h.starts else 0.0))
    return out


def _phrase_runs(text: str, said, rules, not_content, question) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Every phrase of the answer (:func:`habits`) and the spans it was said at, a stutter
    (said again at once, only a comma between: たま、たま、たま) counted once."""
    used = ruled_spans(text, rules)
    colour = {s for t, s, thing in rules.content_tokens(text)
              if not thing and not _in_spans(s, not_content) and (t not in _ruled_words(rules) or _in_spans(s, used))}
    asked = {t for t, _, _ in rules.content_tokens(question)} if question else set()
    tics = _tic_keys(rules)
    runs: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    last_end: dict[tuple[str, ...], int] = {}
    for a in range(len(said)):
        for b in range(a, min(a + HABIT_MAX_WORDS, len(said))):
            if _in_spans(said[b][1], not_content) or (b > a and _BREAK.search(text[said[b - 1][2]:said[b][1]])):
                break  # a filler or a mark ends a phrase
            key = tuple(w for w, _, _ in said[a:b + 1])
            start, end = said[a][1], said[b][2]
            if key in tics:
                if context_ruled(rules.phrase(key), rules) and not _in_spans(start, used):
                    continue  # "that kind of": the noun, no hedge
            elif not (start in colour and said[b][1] in colour):
                continue
            if asked and all(t in asked for t, _, _ in rules.content_tokens(text[start:end])):
                continue  # the question's words
            before = last_end.get(key)
            last_end[key] = end
            if before is not None and before <= start and not _WORD_OR_END.search(text[before:start]):
                continue  # said again at once, only a comma between: a stutter, one place
            runs.setdefault(key, []).append((start, end))
    return runs


#: What parts two sayings of a phrase: a word, or a sentence's end (else it is a stutter).
_WORD_OR_END = re.compile(r"[\w.!?。！？…]")
#: Marks that end a phrase: anything but letters, digits, spaces, apostrophes and hyphens.
_BREAK = re.compile(r"[^\w\s'’\-]")


def _in_spans(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def said_words(text: str, rules) -> list[tuple[str, int, int]]:
    """The words of ``text`` (``Rules.diff_tokens``: no marks), lower-cased, with their
    character spans."""
    out, at = [], 0
    for w in rules.diff_tokens(text):
        found = text.find(w, at)
        if found < 0:
            continue
        out.append((w.lower().replace("’", "'"), found, found + len(w)))
        at = found + len(w)
    return out


@functools.lru_cache(maxsize=64)
def ruled_spans(text: str, rules) -> tuple[tuple[int, int], ...]:
    """Where the language's rules find a filler or a hedge in ``text`` (not a repeated word)."""
    return tuple((m.start, m.end) for m in (*rules.find_fillers(text), *rules.find_hedges(text))
                 if m.kind != "repetition")


@functools.lru_cache(maxsize=512)
def context_ruled(phrase: str, rules) -> bool:
    """Is ``phrase`` a filler or a hedge only in some of its uses, so that it is one only where
    the language's rules find it (``Rules.find_fillers``, ``Rules.find_hedges``)?

    The rules know it when they find it set off on its own ("kind of, kind of"; 「一応、一応」).
    Its other uses are other words where the rules decide by the words around it ("that kind of
    teaching", "I mean to", "you know the answer", "I like it"): so for a hedge, a phrase of
    several words, and a word the rules take for a filler only beside a pause
    (``Rules.drawn_fillers``, ``Rules.needs_pause``: like, so, well; あの, その). A one-word
    filler that is a filler only in place ("basically", "actually": a filler set off, the same
    adverb inside a clause) is the same word in every use, and is not so ruled."""
    probe = phrase + rules.comma + rules.joiner + phrase
    n = len(phrase)
    hedge = any(m.start <= 0 and m.end >= n for m in rules.find_hedges(probe))
    filler = any(m.start <= 0 and m.end >= n and m.kind != "repetition" for m in rules.find_fillers(probe))
    if hedge:
        return True
    one_word = len(rules.diff_tokens(phrase)) == 1
    return filler and (not one_word or phrase.lower() in rules.drawn_fillers | rules.needs_pause)


@functools.lru_cache(maxsize=8)
def _tic_keys(rules) -> frozenset[tuple[str, ...]]:
    """The language's listed tics as a phrase's words (lower-cased)."""
    return frozenset(tuple(w.lower() for w in rules.diff_tokens(t)) for t in rules.tic_phrases)


@functools.lru_cache(maxsize=8)
def _ruled_words(rules) -> frozenset[str]:
    """The words that colour speech only as part of a context-ruled tic ("kind" of "kind of",
    "mean" of "I mean"): they colour only where the rules find the tic."""
    return frozenset(t for tic in rules.tic_phrases if context_ruled(tic, rules)
                     for t, _, _ in rules.content_tokens(tic))


def opening(words, rules, *, answer_start: float, budget_s: float) -> Opening | None:
    """The answer's first complete sentence (module docstring), or None with no sentence end.
    A "sentence" of nothing but fillers ("Uh...") is not one: the answer has not begun (it stays
    part of the sentence that follows). A sentence that only greets, thanks or acknowledges
    (``Rules.courtesy``: "Thank you for the question.", 「よろしくお願いします。」) is said before
    the answer, not the point: the opening is the sentence after it, its time still counted from
    the answer's start (the courtesy took the budget's time too).

    Where Whisper left the full stop out, a sentence ends at a polite final form (です, ません):
    it runs on over the words that carry the form on (ません|でした, です|ね|。), ends only at
    the end of a word of the joined text, never inside one, and not where a conjunctive
    particle carries the clause on (ません|から, です|が: ``Rules.ends_sentence`` given the words
    after it). A piece that only says again the end of the courtesy before it (Whisper hearing
    its tail twice: 「ありがとうございます。おございます」, "Thank you. You.") is no sentence of the
    answer either (:func:`_echo`). ``late`` judges the share as shown
    (a whole percentage: 0.202 is 20 %, within 20 %); ``text`` is written as the transcript is
    shown (Japanese without Whisper's spaces, "Python 3" keeping its own)."""
    from furikaeri.lang import readable

    text, spans = join_with_offsets(words)
    begin, courtesy = 0, ""
    for i in _sentence_ends(words, text, spans, rules):
        sentence = text[begin: spans[i][1]]
        said = _bare(sentence, [(m.start, m.end) for m in rules.find_fillers(sentence)], rules)
        if rules.courtesy(said) or (courtesy and _echo(said, courtesy, rules)):
            begin, courtesy = spans[i][1], said  # said before the answer: the point is still to come
            continue
        if rules.count_units(said) < 2:
            continue
        seconds = round(max(words[i].end - answer_start, 0.0), 2)
        share = round(seconds / budget_s, 3) if budget_s > 0 else 0.0
        late = round(share * 100) > round(norms.OPENING_SHARE * 100)  # as shown (a whole %): measure.as_shown
        return Opening(seconds, share, late, _order(sentence, rules), readable(sentence.strip(), rules.code))
    return None


def _echo(said: str, courtesy: str, rules) -> bool:
    """Is ``said`` only the end of the ``courtesy`` said just before it, heard again by Whisper
    (「ありがとうございます。おございます」: its last words, the first of them perhaps misheard by a
    letter, お for とう)? Such a tail states nothing: it is not the answer's first sentence."""
    words = [w.lower() for w in rules.diff_tokens(said)]
    before = [w.lower() for w in rules.diff_tokens(courtesy)]
    if not words or len(words) > len(before):
        return False
    if words == before[-len(words):]:
        return True
    rest = words[1:]  # the first word misheard: one letter, the rest the courtesy's end
    return bool(rest) and rules.count_chars(words[0]) <= 1 and rest == before[-len(rest):]


#: An ellipsis at the end of the text before a pause, after any closing quote or bracket.
_TRAILING_ELLIPSIS = re.compile(r"(?:\.{3}|…|‥)+[\s\"'”’)\]»」』）]*$")


def trails_off(text_before: str, rules) -> bool:
    """Does the text up to a pause end in an ellipsis that ends no sentence? Whisper writes
    "..." (「…」) where a voice trails off mid-sentence ("the whole department, and..."), and
    the rules' sentence ends count it (so an opening "Uh..." is no sentence either); a pause
    there is a hesitation. Only the words before the ellipsis can end a sentence: a full stop
    ("team...." ) or a polite final form (頑張りました…). One rule for the pauses' places and the
    opening's sentence ends, so "and we..." is never a sentence the opening ends at while the
    pause after it is a hesitation inside one."""
    m = _TRAILING_ELLIPSIS.search(text_before)
    return bool(m) and not rules.ends_sentence(text_before[:m.start()])


def _sentence_ends(words, text: str, spans, rules):
    """The index of each word that ends a sentence of ``text`` (the words joined, ``spans``
    their offsets), in order: :func:`opening`'s sentence ends. A word the voice trails off on
    (:func:`trails_off`: "and we...") ends none, as the pause after it is placed inside the
    sentence, unless it is the answer's last word: there the answer, and its sentence, end."""
    i = 0
    while i < len(words):
        said = text[: spans[i][1]]
        if not rules.ends_sentence(said) or (i < len(words) - 1 and trails_off(said, rules)):
            i += 1
            continue
        while (i + 1 < len(words) and not _stop_mark(text[: spans[i][1]])
               and rules.ends_sentence(text[: spans[i + 1][1]])):
            i += 1  # ません|でした。: the sentence goes on to the word that ends it
        end = spans[i][1]
        # not a form ending inside a word of the text, nor one a link carries on (ません|から)
        if _word_end(text, end, rules) and rules.ends_sentence(text[:end], after=text[end:]):
            yield i
        i += 1


def _order(sentence: str, rules):
    """What the opening ``sentence`` does (``Rules.opening_order``), judged on its words without
    the fillers, the marks they leave behind taken out ("Uh. My weakness, um, is ..." is "My
    weakness, is ...", 「えー、以前、」 is 「以前、」); failing that, without its hedges too ("I
    think my greatest strength is ...", "Maybe when I was ..."): a filler or a hedge before the
    point does not hide it."""
    fillers = [(m.start, m.end) for m in rules.find_fillers(sentence)]
    hedged = fillers + [(m.start, m.end) for m in rules.find_hedges(sentence)]
    for spans in (fillers, hedged):
        order = rules.opening_order(_bare(sentence, spans, rules))
        if order is not None:
            return order
    return None


#: Sentence marks, and commas: what a filler taken out of a sentence can leave stranded.
_MARKS = ",、，.。．!?！？…"
#: A comma right after another mark, or right before one (", ," "、、" ", ."): a taken-out word's.
_STRANDED_COMMA = re.compile(f"(?<=[{_MARKS}])\\s*[,、，]+|\\s*[,、，]+(?=\\s*[{_MARKS}])")
_LEADING_MARKS = re.compile(f"^[\\s{_MARKS}]+")


def _bare(sentence: str, spans, rules) -> str:
    """``sentence`` with the character ``spans`` taken out, and the marks they stranded: a comma
    doubled or before a full stop, and every mark before the first word."""
    from furikaeri.fillers import strip_spans
    from furikaeri.lang import readable

    said = " ".join(strip_spans(sentence, spans).split())
    said = _LEADING_MARKS.sub("", _STRANDED_COMMA.sub("", said))
    return readable(said, rules.code)


_STOP_MARKS = "。！？!?．.…"


def _stop_mark(text: str) -> bool:
    """Does ``text`` end in a full stop (after closing brackets and spaces)?"""
    s = text.rstrip().rstrip("」』）)]\"'”’»").rstrip()
    return bool(s) and s[-1] in _STOP_MARKS


def _word_end(text: str, pos: int, rules) -> bool:
    """Is ``pos`` the end of a word of ``text``? In a language written with spaces, where a space
    or a mark follows; in one written without (Japanese, where Whisper's words are pieces: 持|って),
    where the dictionary's words of the text end."""
    rest = text[pos:]
    if not rest.strip():
        return True
    if rules.joiner:
        return not (rest[0].isalnum() or rest[0] == "'")
    return _joined_word_end(text, pos, rules)


def _joined_word_end(text: str, pos: int, rules) -> bool:
    """Does no dictionary word of ``text`` (``Rules.diff_tokens``) run across ``pos``?"""
    try:
        tokens = rules.diff_tokens(text)
    except Exception:  # noqa: BLE001 - no dictionary: Whisper's word ends will do
        return True
    at = 0
    for tok in tokens:
        found = text.find(tok, at)
        if found < 0:
            continue
        if found < pos < found + len(tok):
            return False
        if found >= pos:
            break
        at = found + len(tok)
    return True
