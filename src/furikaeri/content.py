"""What the answer says, and when: hedges, habit phrases, and how long it takes to get to the
point.

- **Hedges** (``I think``, ``kind of``, 〜と思います, たぶん): words that weaken a claim, found by
  the language rules (``Rules.find_hedges``, context-aware: "what kind of job" is no hedge), with
  times from the words that carry them. A separate habit from fillers.
- **Habit phrases**: content phrases of one to three words said three times or more in one
  answer ("basically", 「すごく」), the longest such phrase where several overlap; words of the
  question itself, fillers, and phrases that only name things (the topic: 鍵, サークル,
  "customer service"; ``Rules.content_tokens``) are not habits.
- **Time to the point** (結論ファースト): when the first complete sentence ends, counted from the
  start of the answer, and its share of the time budget; late when it runs past
  :data:`furikaeri.norms.OPENING_SHARE` of the budget. Whether the opening sentence states the
  point (私の強みは〜です; "My greatest strength is ...") or opens a story (大学2年生の時…;
  "When I was ...") is judged from the text by the language rules (``Rules.opening_order``),
  or left open (None) when the text does not say.

Pure functions of the words (:class:`~furikaeri.transcribe.Word`) and the language rules.
"""

from __future__ import annotations

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
    """Every hedge the rules find in the transcript, timed by the words under it."""
    text, spans = join_with_offsets(words)
    out = []
    for m in rules.find_hedges(text):
        idx = [i for i, (s, e) in enumerate(spans) if s < m.end and e > m.start]
        if idx:
            out.append(Hedge(m.text.strip(), round(words[idx[0]].start, 3), round(words[idx[-1]].end, 3)))
    return out


def habits(words, rules, *, not_content=(), question: str | None = None) -> list[Habit]:
    """Content phrases of 1-3 words said :data:`HABIT_MIN_COUNT` times or more (module
    docstring). ``not_content``: character spans of the transcript that are fillers or
    repetitions (they are not habits of their own here)."""
    text, spans = join_with_offsets(words)
    tokens = [tok for tok in rules.content_tokens(text) if not any(a <= tok[1] < b for a, b in not_content)]
    asked = {t for t, _, _ in rules.content_tokens(question)} if question else set()
    counts: dict[tuple[str, ...], list[int]] = {}
    last_end: dict[tuple[str, ...], int] = {}  # where each phrase was last said, in the text
    for n in range(1, HABIT_MAX_WORDS + 1):
        for i in range(len(tokens) - n + 1):
            run = tokens[i:i + n]
            gram = tuple(t for t, _, _ in run)
            if all(t in asked for t in gram) or all(thing for _, _, thing in run):
                continue  # the question's words, or a topic: no habit
            before = last_end.get(gram)
            last_end[gram] = run[-1][1] + len(run[-1][0])
            if before is not None and before <= run[0][1] and not _WORD_CHAR.search(text[before:run[0][1]]):
                continue  # said again at once, only a comma between: a stutter (たま、たま、たま), one place
            counts.setdefault(gram, []).append(run[0][1])
    frequent = {g: pos for g, pos in counts.items() if len(pos) >= HABIT_MIN_COUNT}
    out = []
    for gram, pos in frequent.items():
        # the longest phrase wins where a longer one was said as often ("you know" over "know")
        if any(len(o) > len(gram) and len(p) >= len(pos) and _inside(gram, o) for o, p in frequent.items()):
            continue
        starts = []
        for c in pos:
            i = next((k for k, (s, e) in enumerate(spans) if s <= c < e), None)
            if i is not None:
                starts.append(round(words[i].start, 3))
        out.append(Habit(rules.phrase(gram), len(pos), tuple(starts)))
    out.sort(key=lambda h: (-h.count, h.starts[0] if h.starts else 0.0))
    return out


_WORD_CHAR = re.compile(r"\w")


def _inside(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return any(long[i:i + len(short)] == short for i in range(len(long) - len(short) + 1))


def opening(words, rules, *, answer_start: float, budget_s: float) -> Opening | None:
    """The answer's first complete sentence (module docstring), or None with no sentence end.
    A "sentence" of nothing but fillers ("Uh...") is not one: the answer has not begun.

    Where Whisper left the full stop out, a sentence ends at a polite final form (です, ません):
    it runs on over the words that carry the form on (ません|でした, です|ね|。), and ends only at
    the end of a word of the joined text, never inside one. ``late`` judges the share as shown
    (a whole percentage: 0.202 is 20 %, within 20 %); ``text`` is written as the transcript is
    shown (Japanese without Whisper's spaces, "Python 3" keeping its own)."""
    from furikaeri.fillers import strip_spans
    from furikaeri.lang import readable

    text, spans = join_with_offsets(words)
    i = 0
    while i < len(words):
        if not rules.ends_sentence(text[: spans[i][1]]):
            i += 1
            continue
        while (i + 1 < len(words) and not _stop_mark(text[: spans[i][1]])
               and rules.ends_sentence(text[: spans[i + 1][1]])):
            i += 1  # ません|でした。: the sentence goes on to the word that ends it
        upto = text[: spans[i][1]]
        w = words[i]
        i += 1
        if not _word_end(text, len(upto), rules):
            continue  # the form ends inside a word of the text (not a sentence end)
        said = " ".join(strip_spans(upto, [(m.start, m.end) for m in rules.find_fillers(upto)]).split())
        said = readable(said, rules.code)
        if rules.count_units(said) < 2:
            continue
        seconds = round(max(w.end - answer_start, 0.0), 2)
        share = round(seconds / budget_s, 3) if budget_s > 0 else 0.0
        late = round(share * 100) > round(norms.OPENING_SHARE * 100)  # as shown (a whole %): measure.as_shown
        return Opening(seconds, share, late, rules.opening_order(said), readable(upto.strip(), rules.code))
    return None


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
