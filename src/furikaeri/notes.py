"""A reflection note, read for what it asks, and whether the next attempt did it.

The person's own note on an answer ("結論から話す", "fewer fillers, slow down") is shown again
before the next attempt at that question; afterwards :func:`check_fix` says whether the figure
the note was about changed (:func:`note_targets` finds which figures a note is about, from its
words in English or Japanese).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from furikaeri import norms
from furikaeri.lang import get_rules
from furikaeri.metrics import METRIC_BY_NAME, Change, change, compare_metrics
from furikaeri.store import Answer, Note

#: Which figure a note is about, from its words (English and Japanese). Checked in order;
#: a note can target several. "rate" resolves to the language's pace metric.
_TARGETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("fillers_per_min", re.compile(
        r"filler|\bu+m+s?\b|\bu+h+s?\b|\bah+s\b|\ber+m*s?\b|\blike\b|you know|i mean|basically|"
        r"フィラー|えー|えっと|ええと|あのー|あの[、,]|まあ|なんか|口癖|うーん", re.I)),
    ("opening_share", re.compile(
        r"to the point|point first|conclusion first|answer first|lead with|bottom line|\bprep\b|\bstar\b|"
        r"結論|要点|先に言|最初に言|前置き", re.I)),
    ("over_s", re.compile(
        r"short|concise|brief|budget|too long|time limit|in time|on time|ramble|talk(?:ed|ing)? too much|"
        r"under \d+|seconds|minute|"
        r"簡潔|短く|短め|長すぎ|長かった|喋りすぎ|しゃべりすぎ|話しすぎ|時間|秒|分以内|まとめ", re.I)),
    ("rate", re.compile(
        r"slow|fast|pace|speed|rush|hurr|ゆっくり|早口|速|遅|スピード|テンポ|落ち着", re.I)),
    ("long_pauses", re.compile(
        r"pause|silence|froze|freez|blank|stuck|lost my|詰ま|沈黙|(?<!時)間が|(?<!時)間を|止ま|黙|言葉が出", re.I)),
    ("latency_s", re.compile(
        r"start(?:ed)? (?:right|quick|sooner|faster)|first word|すぐ話|第一声|出だし|話し始め", re.I)),
    ("pitch_spread_st", re.compile(
        r"flat|monoton|dull|boring|energy|intonation|lively|expressive|抑揚|単調|平坦|棒読み|一本調子|元気|明る", re.I)),
    ("hedges_per_100_words", re.compile(
        r"hedg|i think|maybe|probably|kind of|sort of|i guess|confiden|assertive|sound sure|"
        r"たぶん|多分|かもしれ|と思います|かなと|一応|言い切|断定|自信", re.I)),
)
_SLOWER = re.compile(r"slow(?:er)? down|slower|too fast|rush|hurr|ゆっくり|早口|落ち着", re.I)
_FASTER = re.compile(r"faster|speed up|too slow|速く|テンポよく|テンポ良く", re.I)


def note_text(note: Note | None) -> str:
    """A note's parts in one line: "what went wrong / why / next time"."""
    if note is None:
        return ""
    return " / ".join(t for t in (note.wrong, note.why, note.next_time) if t)


def note_targets(text: str, language: str | None) -> list[tuple[str, str | None]]:
    """The metrics a note is about, each with a wanted direction (``lower``/``higher``/None =
    the metric's own)."""
    out: list[tuple[str, str | None]] = []
    for name, pattern in _TARGETS:
        if not pattern.search(text):
            continue
        if name == "rate":
            want = "lower" if _SLOWER.search(text) else "higher" if _FASTER.search(text) else None
            out.append((get_rules(language or "").pace_key, want))
        else:
            out.append((name, None))
    return out


@dataclass(frozen=True)
class FixCheck:
    """Whether what the last note asked for happened in this attempt.

    ``verdict``: ``better`` (a targeted figure improved and none got worse), ``held`` (none
    moved, and each is where it should be), ``mixed`` (some better, some worse), ``same``, ``worse``, or
    ``unknown`` (the note names no measurable figure; then ``changes`` holds every figure
    that moved)."""

    previous_answer_id: int
    note: str
    targeted: bool
    changes: tuple[Change, ...]
    verdict: str

    def to_dict(self) -> dict[str, Any]:
        return {"previous_answer_id": self.previous_answer_id, "note": self.note, "targeted": self.targeted,
                "verdict": self.verdict, "changes": [c.to_dict() for c in self.changes]}


def check_fix(previous: Answer, metrics: dict[str, Any], language: str | None, *,
              note: Note | None = None) -> FixCheck | None:
    """Compare this attempt's ``metrics`` with the previous attempt, focused on what the note
    targeted: the previous attempt's note, or ``note`` (the latest note on the question, when
    the previous attempt has none). ``None`` when there is no note."""
    text = note_text(previous.note) or note_text(note)
    if not text:
        return None
    targets = note_targets(text, language)
    if not targets:
        moved = tuple(c for c in compare_metrics(previous.metrics, metrics, language)
                      if c.verdict in ("better", "worse"))
        return FixCheck(previous.id, text, False, moved, "unknown")
    changes = tuple(
        change(METRIC_BY_NAME[name], previous.metrics.get(name), metrics.get(name), want=want)
        for name, want in targets
        if name in METRIC_BY_NAME
    )
    explicit = any(want for _, want in targets)
    return FixCheck(previous.id, text, True, changes, _fix_verdict(changes, explicit))


def _fix_verdict(changes: Sequence[Change], explicit: bool) -> str:
    """The verdict on the targeted figures' changes; ``explicit``: the note asked for a
    direction ("slow down")."""
    judged = [c for c in changes if c.verdict != "n/a"]
    better = [c for c in judged if c.verdict == "better"]
    worse = [c for c in judged if c.verdict == "worse"]
    if not judged:
        return "unknown"
    if better and worse:
        return "mixed"
    if better:
        return "better"
    if worse:
        return "worse"
    # all unchanged: fine if each figure is already where it should be, unless the note asked
    # for a direction that did not happen
    return "held" if not explicit and _held_fine(judged) else "same"


#: Where a coach figure already is where it should be (its norm in :mod:`furikaeri.norms`), so
#: holding it counts as doing what the note asked.
_FINE = {
    "opening_share": (0.0, norms.OPENING_SHARE),
    "hedges_per_100_words": (0.0, norms.HEDGES_PER_100_HIGH),
    "pitch_spread_st": (norms.MONOTONE_ST, float("inf")),
}


def _held_fine(changes: Sequence[Change]) -> bool:
    """A "same" counts as success when the figure is already where it should be (e.g. the
    answer stayed inside its budget, fillers stayed at 2 a minute or fewer)."""
    return all(is_fine(c.metric, c.after) for c in changes if c.verdict == "same")


def is_fine(metric: str, value: float | None) -> bool:
    """Is ``value`` of ``metric`` where it should be, so that a note aiming at it is done?"""
    if value is None:
        return False
    if metric == "fillers_per_min":  # the report's own norm
        return value <= norms.FILLERS_GOOD_PER_MIN
    if metric == "long_pauses":
        return value <= 0
    if metric in _FINE:
        lo, hi = _FINE[metric]
        return lo <= value <= hi
    score = METRIC_BY_NAME[metric].score(value)
    return score is not None and score <= 0
