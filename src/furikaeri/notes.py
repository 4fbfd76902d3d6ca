"""A reflection note, read for what it asks, and whether the next attempt did it.

The person's own note on an answer ("結論から話す", "fewer fillers, slow down") is shown again
before the next attempt at that question; afterwards :func:`check_fix` says whether the figure
the note was about changed (:func:`note_targets` finds which figures a note is about, from its
words in English or Japanese).

Two judgements here are shared with the comparison views (:mod:`furikaeri.compare`), so that a
figure never reads "better" in one place and "worse" in another on the same screen:
:func:`note_change` (a note that asks to move a banded figure further from its band) and
:func:`settle_counts` (a change in a per-minute count that is within the count's own jitter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from furikaeri import norms
from furikaeri.lang import get_rules
from furikaeri.metrics import METRIC_BY_NAME, Change, Metric, change, compare_metrics
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

# Silence, as a note names it: English words, and Japanese nouns (間 not inside 時間/期間/…:
# the length of an answer is not a pause).
_SILENCE_EN = r"(?:silen\w*|pauses?|gaps?|quiet|dead air)"
_SILENCE_JA = r"(?:沈黙|無言|静寂|(?<![時期空人瞬])間|黙(?:る|って|り込)(?:の|こと)?)"
#: A note about fearing silence or filling it ("filled every silence", "afraid of the pauses",
#: 「沈黙が怖くて間を埋めた」, 「間を怖がった」, 「沈黙に耐えられず」): what went wrong is the
#: filling (fillers, words for the sake of sound), and what the person wants is to let a pause
#: be. Such a note is about fillers (fewer), never about pauses (fewer): scoring fewer pauses as
#: "better" would reward the very habit the note names. A silence word beside a word of fear,
#: dislike or filling, in either order, is this class, whatever the exact phrase.
_FEARED_SILENCE = re.compile(
    rf"\bfill(?:ed|ing|s)?\s+(?:in\s+|up\s+)?(?:(?:the|every|each|all|any|those|that|my|all\s+the)\s+)?{_SILENCE_EN}|"
    rf"\b(?:afraid|scared|fear\w*|terrified|nervous|uncomfortable|awkward|panick?\w*|anxious)\s+"
    rf"(?:of|with|about|by|at|in|during)\s+(?:(?:the|a|any|every)\s+)?{_SILENCE_EN}|"
    rf"\b(?:hate[ds]?|dread\w*|fear(?:ed)?|can'?t stand|cannot stand|couldn'?t stand)\s+(?:(?:the|a|any)\s+)?{_SILENCE_EN}|"
    rf"{_SILENCE_EN}\s+(?:\w+\s+)?(?:scares?|scared|frighten\w*|felt awkward|feels? awkward|made me nervous|is scary|was scary)|"
    rf"\bavoid(?:ed|ing|s)?\s+(?:(?:the|any|every|a)\s+)?{_SILENCE_EN}|"
    rf"{_SILENCE_JA}(?:が|を|に|は|の)?(?:怖|こわ|恐|嫌|いや|苦手|不安|耐え|たえ|埋め|うめ|潰|つぶ)",
    re.I)
#: A note that asks to let pauses be ("take a breath", "pause instead of um", 「間を取る」,
#: 「一呼吸置く」): not a note to pause less, so it does not make a pause-count target.
_ALLOW_PAUSE = re.compile(
    rf"\btake\s+(?:a\s+|more\s+|the\s+|some\s+)?(?:pauses?|breaths?|beats?|moments?)|"
    rf"\bpause\s+(?:more|deliberately|on purpose|instead|before|after|between|to think)|"
    rf"\blet\s+(?:the\s+|a\s+|some\s+)?{_SILENCE_EN}|"
    rf"\b(?:ok|okay|fine|alright|all right)\s+to\s+(?:pause|be silent|stay silent|stop)|"
    rf"\b(?:embrace|allow|accept|use|comfortable with|don'?t fear)\s+(?:the\s+|a\s+|some\s+)?{_SILENCE_EN}|"
    rf"(?<![時期空人瞬])間を(?:取|と|置|お|使)|一呼吸|ひと呼吸|(?:沈黙|(?<![時期空人瞬])間)が?あっても",
    re.I)


def note_text(note: Note | None) -> str:
    """A note's parts in one line: "what went wrong / why / next time"."""
    if note is None:
        return ""
    return " / ".join(t for t in (note.wrong, note.why, note.next_time) if t)


def note_targets(text: str, language: str | None) -> list[tuple[str, str | None]]:
    """The metrics a note is about, each with a wanted direction (``lower``/``higher``/None =
    the metric's own). A note about fearing or filling silence is about fillers, and its
    silence words (like those of a note asking to pause) do not make it a note about pauses; a
    pause word elsewhere in the note ("froze after the first point") still does."""
    feared = bool(_FEARED_SILENCE.search(text))
    rest = _ALLOW_PAUSE.sub(" ", _FEARED_SILENCE.sub(" ", text))
    out: list[tuple[str, str | None]] = []
    for name, pattern in _TARGETS:
        if not (pattern.search(rest) or (name == "fillers_per_min" and feared)):
            continue
        if name == "rate":
            want = "lower" if _SLOWER.search(text) else "higher" if _FASTER.search(text) else None
            out.append((get_rules(language or "").pace_key, want))
        else:
            out.append((name, None))
    return out


# --------------------------------------------------------------------------- a note against the norm


def pulls_away(metric: Metric, before: float | None, want: str | None) -> bool:
    """Does a note that wants ``metric`` ``lower``/``higher`` ask it further from its good
    band? Only when the figure was already outside the band on that side ("slow down" at 154
    字/分, under the 250–350 band): the note then pulls away from the norm."""
    if before is None or want not in ("lower", "higher") or metric.better != "band" or not metric.band:
        return False
    lo, hi = metric.band
    return (want == "lower" and before < lo) or (want == "higher" and before > hi)


def note_change(metric: Metric, before: float | None, after: float | None, want: str | None) -> Change:
    """A targeted figure's change, judged by the note's wanted direction ``want`` (None: the
    metric's own) and never against the norm it is shown beside.

    When the note pulls away from the band (:func:`pulls_away`), the note and the norm disagree
    on every move, and the verdict says both in one word instead of "worse" beside the change
    table's "better": ``toward_norm`` (against the note, toward the band: "faster, against
    your note, but toward the usual range") or ``away_from_norm`` (as the note asked, away from
    the band). A move that also overshoots the band, further out on its far side, is ``worse``
    either way; an unmoved figure is ``same``.

    A note followed past the band from inside or beyond its other side ("slow down" from 287 to
    245 字/分, band 250–350; "speak faster" from 80 to 176 wpm, band 120–160) is ``overshot``:
    done as asked, and now out on the far side, which neither "worse" nor "better" says."""
    c = change(metric, before, after, want=want)
    if c.verdict in ("better", "worse") and _overshot(metric, c, want):  # 80 -> 176 wpm on "speak faster"
        return replace(c, verdict="overshot")
    if c.verdict not in ("better", "worse") or c.delta is None or not pulls_away(metric, before, want):
        return c
    own = change(metric, before, after).verdict  # the norm's: what the change table says
    if own == "better":
        return replace(c, verdict="toward_norm")
    if (c.delta < 0) == (want == "lower"):  # moved as the note asked
        return replace(c, verdict="away_from_norm")
    return replace(c, verdict=own)


def _overshot(metric: Metric, c: Change, want: str | None) -> bool:
    """Did a figure move as the note asked (``want``) and land past its band's far side?"""
    if c.delta is None or c.after is None or metric.better != "band" or not metric.band:
        return False
    if want not in ("lower", "higher") or pulls_away(metric, c.before, want):
        return False
    lo, hi = metric.band
    return (c.delta < 0 and c.after < lo) if want == "lower" else (c.delta > 0 and c.after > hi)


# --------------------------------------------------------------------------- counts and their jitter

#: Per-minute figures that are a count over the answer's length, and the count behind each.
COUNTED = {"fillers_per_min": "filler_count", "repetitions_per_min": "repetitions"}
#: How far two hearings of one recording differ in such a count: the same 32-s answer analysed
#: from its file and through the microphone gave 5 and 6 fillers. A filler is heard or missed
#: one at a time, so a difference of one is the recogniser, not the speaker.
COUNT_JITTER = 1
#: Counts rebuilt from stored rates (rounded to 0.01 a minute) are whole give or take this.
COUNT_ROUNDING = 0.1


def _sample(metrics: Mapping[str, Any], name: str) -> tuple[float, float] | None:
    """``(count, minutes)`` behind a per-minute figure: the minutes are the answer's (the span
    the rate was taken over), the count the rate times them (the count as the figure shown
    has it; the stored count where the length is unknown). None when the figure is missing."""
    rate = metrics.get(name)
    count = metrics.get(COUNTED[name])
    answer_s = metrics.get("answer_s")
    if rate is None:
        return None
    if answer_s:
        return rate * answer_s / 60.0, answer_s / 60.0
    if count and rate:
        return float(count), count / rate
    return None


def within_jitter(name: str, before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> bool:
    """Is the change in the per-minute count ``name`` between the answers ``before`` and
    ``after`` (one answer each, or the answers of two sessions) no more than the recogniser's
    jitter (:data:`COUNT_JITTER`)?

    The rule: a per-minute change is a change only when the fillers behind it differ by more
    than the jitter: between two answers, the rates' difference over the shorter answer's
    length, i.e. how many fillers the shorter answer would have had to be misheard by (5 -> 6
    fillers in 32 s reads 9.4 -> 11.3 a minute, and is no change; 4 in 20 s -> 5 in 40 s is 12
    -> 7.5 a minute, 1.5 fillers of the 20 s: a change, though the counts differ by one);
    between two sessions, their mean rates times their answers' mean length (the mean count of
    an answer of the usual length).
    It comes on top of the figure's own threshold (:data:`furikaeri.metrics.METRICS`), which
    a short answer passes with a single filler. Only the measurement's jitter is discounted,
    not the count's spread from answer to answer (Poisson): 10 fillers and then 7 is 3 fewer
    actually said, and the comparison is of what was said."""
    sb = [x for x in (_sample(m, name) for m in before) if x]
    sa = [x for x in (_sample(m, name) for m in after) if x]
    if not sb or not sa:
        return False  # nothing to judge the jitter by: the figure's own threshold decides
    if len(sb) == 1 and len(sa) == 1:
        (cb, mb), (ca, ma) = sb[0], sa[0]
        fillers = abs(cb / mb - ca / ma) * min(mb, ma)
    else:
        minutes = sum(m for _, m in sb + sa) / len(sb + sa)
        mean_b = sum(c / m for c, m in sb) / len(sb)
        mean_a = sum(c / m for c, m in sa) / len(sa)
        fillers = abs(mean_a - mean_b) * minutes
    return fillers < COUNT_JITTER + COUNT_ROUNDING  # 5 and 6 differ by one, 5 and 7 by two


def settle_counts(c: Change, before: Mapping[str, Any] | Sequence[Mapping[str, Any]],
                  after: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> Change:
    """``c``, a change of a per-minute count (:data:`COUNTED`), as "same" when it is within the
    count's jitter (:func:`within_jitter`); any other change as it is. ``before``/``after``: the
    metrics of the two answers, or the lists of metrics of two sessions' answers."""
    if c.metric not in COUNTED or c.verdict in ("same", "n/a"):
        return c
    b = [before] if isinstance(before, Mapping) else list(before)
    a = [after] if isinstance(after, Mapping) else list(after)
    return replace(c, verdict="same") if within_jitter(c.metric, b, a) else c


# --------------------------------------------------------------------------- the check


@dataclass(frozen=True)
class FixCheck:
    """Whether what the last note asked for happened in this attempt.

    ``verdict``: ``better`` (a targeted figure improved and none got worse), ``held`` (none
    moved, and each is where it should be), ``mixed`` (some better, some worse), ``same``, ``worse``,
    ``off_norm`` (the note asks a figure further from its norm, :func:`pulls_away`, and nothing
    else it targets moved: each such figure's change is ``toward_norm``, ``away_from_norm`` or
    ``same``), or ``unknown`` (the note names no measurable figure; then ``changes`` holds every
    figure that moved). ``wants``: the note's wanted direction of each of ``changes`` (None:
    the figure's own)."""

    previous_answer_id: int
    note: str
    targeted: bool
    changes: tuple[Change, ...]
    verdict: str
    wants: tuple[str | None, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for i, c in enumerate(self.changes):
            d = c.to_dict()
            want = self.wants[i] if i < len(self.wants) else None
            if want:
                d["want"] = want
                m = METRIC_BY_NAME.get(c.metric)
                if m is not None and pulls_away(m, c.before, want):
                    d["note_pulls_away_from"] = list(m.band or ())
            changes.append(d)
        return {"previous_answer_id": self.previous_answer_id, "note": self.note, "targeted": self.targeted,
                "verdict": self.verdict, "changes": changes}


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
        moved = tuple(c for c in (settle_counts(c, previous.metrics, metrics)
                                  for c in compare_metrics(previous.metrics, metrics, language))
                      if c.verdict in ("better", "worse"))
        return FixCheck(previous.id, text, False, moved, "unknown")
    targets = [(name, want) for name, want in targets if name in METRIC_BY_NAME]
    changes = tuple(
        settle_counts(note_change(METRIC_BY_NAME[name], previous.metrics.get(name), metrics.get(name), want),
                      previous.metrics, metrics)
        for name, want in targets
    )
    explicit = any(want for _, want in targets)
    off_norm = any(pulls_away(METRIC_BY_NAME[name], previous.metrics.get(name), want) for name, want in targets)
    return FixCheck(previous.id, text, True, changes, _fix_verdict(changes, explicit, off_norm),
                    tuple(want for _, want in targets))


def _fix_verdict(changes: Sequence[Change], explicit: bool, off_norm: bool = False) -> str:
    """The verdict on the targeted figures' changes; ``explicit``: the note asked for a
    direction ("slow down"); ``off_norm``: it asked a figure away from its norm."""
    judged = [c for c in changes if c.verdict not in ("n/a", "toward_norm", "away_from_norm")]
    better = [c for c in judged if c.verdict == "better"]
    worse = [c for c in judged if c.verdict in ("worse", "overshot")]
    if better and worse:
        return "mixed"
    if better:
        return "better"
    if worse:
        return "overshot" if all(c.verdict == "overshot" for c in worse) else "worse"
    if off_norm:  # nothing else moved: what there is to say is that the note pulls off the norm
        return "off_norm"
    if not judged:
        return "unknown"
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
