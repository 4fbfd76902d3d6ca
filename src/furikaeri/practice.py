"""The practice loop's logic, and everything computed from the archive.

What a coach adds to a meter (ANCHORS.md, "What none of them has"):

* the person's own note on an answer is shown again before the next attempt at that question,
  and afterwards :func:`check_fix` says whether the figure the note was about changed;
* :func:`compare_answers` / :func:`compare_sessions`: metric changes between attempts and what
  the answer said differently (a word-level diff of the transcripts);
* :func:`progress`: each metric over time, its trend, the personal best, per question and
  overall; the person's own usual pace as a reference; a warning when fillers sit at zero for
  several answers in a row (a delivery scrubbed of every filler can sound recited);
* exports to JSON, CSV and Markdown.

No click, no rich: functions take a :class:`~furikaeri.store.Store` or records and return
frozen dataclasses or plain dicts; the CLI renders them (``furikaeri.report.history``).
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import random
import re
import shutil
import statistics
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Sequence

from furikaeri import questions as qmod
from furikaeri.errors import StoreError, UsageError
from furikaeri.store import Answer, Note, Store, audio_dir, to_stamp

# --------------------------------------------------------------------------- metrics


@dataclass(frozen=True)
class Metric:
    """A figure tracked over time. ``better``: ``lower``, ``band`` (inside ``band`` is best,
    distance outside it is the score) or ``None`` (shown, not judged). ``same``: a change
    smaller than this is "no change" (measurement noise between takes)."""

    name: str
    label_en: str
    label_ja: str
    unit_en: str
    unit_ja: str
    better: str | None
    same: float
    digits: int = 1
    language: str | None = None
    band: tuple[float, float] | None = None

    def label(self, lang: str) -> str:
        return self.label_ja if lang == "ja" else self.label_en

    def unit(self, lang: str) -> str:
        return self.unit_ja if lang == "ja" else self.unit_en

    def score(self, value: float | None) -> float | None:
        """Lower is better; ``None`` when the metric is not judged or has no value."""
        if value is None or self.better is None:
            return None
        if self.name == "over_s":
            return max(0.0, value)
        if self.better == "lower":
            return value
        if self.better == "higher":
            return -value
        if self.better == "band" and self.band:
            lo, hi = self.band
            return max(0.0, lo - value, value - hi)
        return None


#: The tracked figures, in display order. Rate bands: 120-160 wpm is the band speech coaches
#: commonly use; 280-320 字/分 is the "good" band of a Japanese student app around the NHK news
#: norm of about 300 字/分 (METRICS.md, "Speaking rate"). Morae per second have no agreed
#: interview norm, so they are shown, with the person's own usual pace, but not judged.
METRICS: tuple[Metric, ...] = (
    Metric("answer_s", "length", "長さ", "s", "秒", None, 3.0, 0),
    Metric("over_s", "over budget", "目安超過", "s", "秒", "lower", 3.0, 0),
    Metric("fillers_per_min", "fillers", "フィラー", "/min", "回/分", "lower", 0.5, 1),
    Metric("repetitions_per_min", "repetitions", "言い直し", "/min", "回/分", "lower", 0.5, 1),
    Metric("wpm", "pace", "話速", "wpm", "wpm", "band", 5.0, 0, "en", (120.0, 160.0)),
    Metric("chars_per_min", "pace", "話速", "chars/min", "字/分", "band", 15.0, 0, "ja", (280.0, 320.0)),
    Metric("morae_per_s", "morae/s", "モーラ/秒", "morae/s", "モーラ/秒", None, 0.3, 1, "ja"),
    Metric("long_pauses", "long pauses", "長い間", "", "回", "lower", 0.5, 0),
    Metric("latency_s", "time to first word", "話し始めまで", "s", "秒", "lower", 0.5, 1),
)
METRIC_BY_NAME = {m.name: m for m in METRICS}


def metrics_for(language: str | None) -> tuple[Metric, ...]:
    return tuple(m for m in METRICS if m.language in (None, language))


def pick_lang(explicit: str | None, languages: Iterable[str | None]) -> str:
    """Label language: ``explicit`` if given, else the answers' language when they are all
    Japanese, else English."""
    if explicit in ("en", "ja"):
        return explicit
    langs = {lang for lang in languages if lang}
    return "ja" if langs == {"ja"} else "en"


@dataclass(frozen=True)
class Change:
    """One metric between two attempts. ``verdict``: ``better``, ``worse``, ``same`` or
    ``n/a`` (missing on one side, or not judged)."""

    metric: str
    before: float | None
    after: float | None
    delta: float | None
    verdict: str

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.metric, "before": self.before, "after": self.after,
                "delta": self.delta, "verdict": self.verdict}


def change(metric: Metric, before: float | None, after: float | None, *, want: str | None = None) -> Change:
    """Classify a change. ``want`` (``lower``/``higher``) overrides the metric's own direction,
    e.g. a note that says "slow down"."""
    if before is None or after is None:
        return Change(metric.name, before, after, None, "n/a")
    delta = round(after - before, 3)
    if abs(delta) < metric.same:
        return Change(metric.name, before, after, delta, "same")
    if want in ("lower", "higher"):
        good = delta < 0 if want == "lower" else delta > 0
        return Change(metric.name, before, after, delta, "better" if good else "worse")
    sb, sa = metric.score(before), metric.score(after)
    if sb is None or sa is None:
        return Change(metric.name, before, after, delta, "n/a")
    if abs(sa - sb) < 1e-9:
        return Change(metric.name, before, after, delta, "same")
    return Change(metric.name, before, after, delta, "better" if sa < sb else "worse")


def compare_metrics(before: dict[str, Any], after: dict[str, Any], language: str | None) -> list[Change]:
    return [change(m, before.get(m.name), after.get(m.name)) for m in metrics_for(language)]


# --------------------------------------------------------------------------- notes -> fixes

#: Which figure a note is about, from its words (English and Japanese). Checked in order;
#: a note can target several. "rate" resolves to the language's pace metric.
_TARGETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("fillers_per_min", re.compile(
        r"filler|\bu+m+\b|\bu+h+\b|\ber+m*\b|\blike\b|you know|i mean|basically|"
        r"フィラー|えー|えっと|ええと|あのー|あの[、,]|まあ|なんか|口癖|うーん", re.I)),
    ("over_s", re.compile(
        r"short|concise|brief|budget|too long|time limit|in time|on time|ramble|talk(?:ed|ing)? too much|"
        r"to the point|point first|conclusion first|get to the point|under \d+|seconds|minute|"
        r"結論|簡潔|短く|短め|長すぎ|長かった|喋りすぎ|しゃべりすぎ|話しすぎ|時間|秒|分以内|まとめ|要点", re.I)),
    ("rate", re.compile(
        r"slow|fast|pace|speed|rush|hurr|ゆっくり|早口|速|遅|スピード|テンポ|落ち着", re.I)),
    ("long_pauses", re.compile(
        r"pause|silence|froze|freez|blank|stuck|lost my|詰ま|沈黙|(?<!時)間が|(?<!時)間を|止ま|黙|言葉が出", re.I)),
    ("latency_s", re.compile(
        r"start(?:ed)? (?:right|quick|sooner|faster)|first word|opening|すぐ話|第一声|出だし|話し始め", re.I)),
)
_SLOWER = re.compile(r"slow(?:er)? down|slower|too fast|rush|hurr|ゆっくり|早口|落ち着", re.I)
_FASTER = re.compile(r"faster|speed up|too slow|速く|テンポよく|テンポ良く", re.I)


def note_text(note: Note | None) -> str:
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
            rate_metric = "chars_per_min" if language == "ja" else "wpm"
            out.append((rate_metric, want))
        else:
            out.append((name, None))
    return out


@dataclass(frozen=True)
class FixCheck:
    """Whether what the last note asked for happened in this attempt.

    ``verdict``: ``better`` (a targeted figure improved and none got worse, or all held
    where they should be), ``mixed`` (some better, some worse), ``same``, ``worse``, or ``unknown`` (the note names no measurable figure; then
    ``changes`` holds every figure that moved)."""

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
    if targets:
        changes = tuple(
            change(METRIC_BY_NAME[name], previous.metrics.get(name), metrics.get(name), want=want)
            for name, want in targets
            if name in METRIC_BY_NAME
        )
        judged = [c for c in changes if c.verdict != "n/a"]
        better = [c for c in judged if c.verdict == "better"]
        worse = [c for c in judged if c.verdict == "worse"]
        if not judged:
            verdict = "unknown"
        elif better and worse:
            verdict = "mixed"
        elif better:
            verdict = "better"
        elif worse:
            verdict = "worse"
        else:
            # all unchanged: fine if each figure is already where it should be, unless the note
            # asked for a direction ("slow down") that did not happen
            explicit = any(want for name, want in targets)
            verdict = "better" if not explicit and _held_fine(judged) else "same"
        return FixCheck(previous.id, text, True, changes, verdict)
    moved = tuple(c for c in compare_metrics(previous.metrics, metrics, language) if c.verdict in ("better", "worse"))
    return FixCheck(previous.id, text, False, moved, "unknown")


def _held_fine(changes: Sequence[Change]) -> bool:
    """A "same" counts as success when the figure is already where it should be (e.g. the
    answer stayed inside its budget, fillers stayed under 1 per minute)."""
    for c in changes:
        if c.verdict != "same":
            continue
        m = METRIC_BY_NAME[c.metric]
        score = m.score(c.after)
        if c.metric == "fillers_per_min":
            if c.after is None or c.after > 1.0:
                return False
        elif c.metric == "long_pauses":
            if c.after is None or c.after > 0:
                return False
        elif score is None or score > 0:
            return False
    return True


# --------------------------------------------------------------------------- text diff


def _tokens(text: str, language: str | None) -> list[str]:
    if language == "ja":
        return [ch for ch in text if not ch.isspace() and ch not in "、。，．,.!?！？「」『』・…"]
    return re.findall(r"[\w']+", text.casefold())


@dataclass(frozen=True)
class TextDiff:
    """What an answer said differently: the share of the earlier answer's words kept, and the
    runs of words (characters for Japanese) dropped and added."""

    kept_share: float
    removed: tuple[str, ...]
    added: tuple[str, ...]
    words_before: int
    words_after: int

    def to_dict(self) -> dict[str, Any]:
        return {"kept_share": self.kept_share, "removed": list(self.removed), "added": list(self.added),
                "words_before": self.words_before, "words_after": self.words_after}


def diff_text(before: str, after: str, language: str | None, *, max_runs: int = 5, max_chars: int = 40) -> TextDiff:
    a, b = _tokens(before, language), _tokens(after, language)
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    joiner = "" if language == "ja" else " "
    # Japanese is compared character by character: runs shorter than 3 are mostly kanji/kana
    # spelling noise from the recogniser, not something said differently
    min_run = 3 if language == "ja" else 1
    removed: list[str] = []
    added: list[str] = []
    kept = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            kept += i2 - i1
            continue
        if op in ("delete", "replace") and i2 - i1 >= min_run:
            removed.append(joiner.join(a[i1:i2]))
        if op in ("insert", "replace") and j2 - j1 >= min_run:
            added.append(joiner.join(b[j1:j2]))
    removed.sort(key=len, reverse=True)
    added.sort(key=len, reverse=True)

    def clip(runs: list[str]) -> tuple[str, ...]:
        return tuple(r if len(r) <= max_chars else r[: max_chars - 1] + "…" for r in runs[:max_runs])

    return TextDiff(
        kept_share=round(kept / len(a), 3) if a else 0.0,
        removed=clip(removed),
        added=clip(added),
        words_before=len(a),
        words_after=len(b),
    )


# --------------------------------------------------------------------------- compare


@dataclass(frozen=True)
class AnswerComparison:
    before: Answer
    after: Answer
    changes: tuple[Change, ...]
    text: TextDiff
    fix: FixCheck | None

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before.to_dict(), "after": self.after.to_dict(),
                "changes": [c.to_dict() for c in self.changes], "text": self.text.to_dict(),
                "fix": self.fix.to_dict() if self.fix else None}


def compare_answers(a: Answer, b: Answer) -> AnswerComparison:
    """``a`` then ``b`` (the older one first, whichever order they were given)."""
    if (b.created_at, b.id) < (a.created_at, a.id):
        a, b = b, a
    lang = b.language or a.language
    return AnswerComparison(
        before=a,
        after=b,
        changes=tuple(compare_metrics(a.metrics, b.metrics, lang)),
        text=diff_text(a.transcript, b.transcript, lang),
        fix=check_fix(a, b.metrics, lang) if a.question_id is not None and a.question_id == b.question_id else None,
    )


@dataclass(frozen=True)
class SessionComparison:
    """Two sessions side by side: answers paired by question, and the mean of each metric."""

    before: dict[str, Any]
    after: dict[str, Any]
    pairs: tuple[AnswerComparison, ...]
    only_before: tuple[Answer, ...]
    only_after: tuple[Answer, ...]
    means: tuple[Change, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before, "after": self.after, "pairs": [p.to_dict() for p in self.pairs],
                "only_before": [a.to_dict() for a in self.only_before],
                "only_after": [a.to_dict() for a in self.only_after],
                "means": [c.to_dict() for c in self.means]}


def _mean_metrics(answers: Sequence[Answer]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for m in METRICS:
        vals = [a.metrics.get(m.name) for a in answers if a.metrics.get(m.name) is not None]
        out[m.name] = round(statistics.fmean(vals), 2) if vals else None
    return out


def compare_sessions(store: Store, ref_a: str, ref_b: str) -> SessionComparison:
    sa, sb = store.session(ref_a), store.session(ref_b)
    for ref, s in ((ref_a, sa), (ref_b, sb)):
        if s is None:
            raise UsageError(f"no session {ref!r} (see `furikaeri history`)")
    assert sa and sb
    if sa.id == sb.id:
        raise UsageError("that is the same session twice: give two different sessions")
    if (sb.started_at, sb.id) < (sa.started_at, sa.id):
        sa, sb = sb, sa
    aa = store.answers(session_id=sa.id)
    bb = store.answers(session_id=sb.id)
    last_a = {a.question_id: a for a in aa if a.question_id is not None}
    last_b = {b.question_id: b for b in bb if b.question_id is not None}
    pairs = tuple(compare_answers(last_a[q], last_b[q]) for q in last_a if q in last_b)
    langs = {a.language for a in aa + bb if a.language}
    lang = langs.pop() if len(langs) == 1 else None
    ma, mb = _mean_metrics(aa), _mean_metrics(bb)
    means = tuple(change(m, ma[m.name], mb[m.name]) for m in METRICS if m.language in (None, lang))
    return SessionComparison(
        before=sa.to_dict(),
        after=sb.to_dict(),
        pairs=pairs,
        only_before=tuple(a for a in aa if a.question_id not in last_b or a.question_id is None),
        only_after=tuple(b for b in bb if b.question_id not in last_a or b.question_id is None),
        means=means,
    )


def resolve_question(store: Store, ref: str) -> int:
    """A question id from an id, a key (``ja-basic:jiko-pr`` or ``jiko-pr``) or a piece of text."""
    found = store.find_questions(ref)
    if not found:
        raise UsageError(f"no practised question matches {ref!r} (see `furikaeri history`)")
    if len(found) > 1:
        listed = "; ".join(f"{q.id}: {q.text[:40]}" for q in found[:5])
        raise UsageError(f"{ref!r} matches {len(found)} questions ({listed}); give its number")
    return found[0].id


def compare_question(store: Store, ref: str, *, first: bool = False) -> AnswerComparison:
    """The last two attempts at a question (or the first and the last with ``first``)."""
    qid = resolve_question(store, ref)
    attempts = store.answers(question_id=qid, full=False)
    if len(attempts) < 2:
        raise UsageError("that question has only been answered once; practise it again to compare")
    a = attempts[0] if first else attempts[-2]
    return compare_answers(a, attempts[-1])


# --------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class Point:
    answer_id: int
    at: str
    value: float


@dataclass(frozen=True)
class Series:
    """One metric over time: its values, the trend (the least-squares change across the
    attempts, judged like a :class:`Change`), the personal best and the latest value."""

    metric: str
    points: tuple[Point, ...]
    trend: Change | None
    best: Point | None
    latest: Point | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "points": [{"answer_id": p.answer_id, "at": p.at, "value": p.value} for p in self.points],
            "trend": self.trend.to_dict() if self.trend else None,
            "best": None if self.best is None else {"answer_id": self.best.answer_id, "at": self.best.at,
                                                     "value": self.best.value},
            "latest": None if self.latest is None else {"answer_id": self.latest.answer_id, "at": self.latest.at,
                                                         "value": self.latest.value},
        }


def series(metric: Metric, answers: Sequence[Answer]) -> Series:
    pts = tuple(
        Point(a.id, a.created_at, float(a.metrics[metric.name]))
        for a in answers
        if a.metrics.get(metric.name) is not None
    )
    if not pts:
        return Series(metric.name, (), None, None, None)
    trend = None
    if len(pts) >= 2:
        n = len(pts)
        xs = range(n)
        mx, my = (n - 1) / 2, statistics.fmean(p.value for p in pts)
        slope = sum((x - mx) * (p.value - my) for x, p in zip(xs, pts)) / sum((x - mx) ** 2 for x in xs)
        fitted_first, fitted_last = my - slope * mx, my + slope * mx
        trend = change(metric, round(fitted_first, 3), round(fitted_last, 3))
    best = None
    scored = [(metric.score(p.value), i, p) for i, p in enumerate(pts)]
    scored = [s for s in scored if s[0] is not None]
    if scored:
        # the lowest score; among equals the latest (the best you can do *now*)
        best = min(scored, key=lambda s: (s[0], -s[1]))[2]
    return Series(metric.name, pts, trend, best, pts[-1])


@dataclass(frozen=True)
class ProgressBlock:
    """Progress for one question (``question_id`` set) or overall (``question_id`` None)."""

    title: str
    question_id: int | None
    language: str | None
    attempts: int
    first_at: str | None
    last_at: str | None
    series: tuple[Series, ...]
    last_note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "question_id": self.question_id, "language": self.language,
                "attempts": self.attempts, "first_at": self.first_at, "last_at": self.last_at,
                "last_note": self.last_note, "series": [s.to_dict() for s in self.series]}


@dataclass(frozen=True)
class Progress:
    """``overall``: one block per answer language (rates differ in unit between languages)."""

    overall: tuple[ProgressBlock, ...]
    questions: tuple[ProgressBlock, ...]
    usual_pace: dict[str, Any] | None
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"overall": [b.to_dict() for b in self.overall], "questions": [q.to_dict() for q in self.questions],
                "usual_pace": self.usual_pace, "warnings": list(self.warnings)}


#: Answers in a row with zero fillers before the overcorrection warning (METRICS.md: "fillers
#: at zero for many sessions can sound rehearsed", nsuurmey/FrameFlow docs).
ZERO_FILLER_RUN = 4


def zero_filler_streak(answers: Sequence[Answer]) -> int:
    """How many of the latest answers (oldest first in ``answers``) in a row had no filler at
    all (answers without words do not count either way)."""
    run = 0
    for a in reversed(answers):
        if not a.metrics.get("word_count"):
            continue
        if a.metrics.get("fillers_per_min") == 0:
            run += 1
        else:
            break
    return run


@dataclass(frozen=True)
class AfterAnswer:
    """Remarks after a saved attempt: how its pace compares with the person's usual pace
    (``pace_vs_usual``: a fraction, e.g. 0.2 = 20 % faster, only when at least 3 earlier answers
    in the language exist and the difference is 15 % or more), and the zero-filler streak
    (reported from :data:`ZERO_FILLER_RUN` on)."""

    pace_metric: str | None = None
    usual_pace: float | None = None
    pace_vs_usual: float | None = None
    zero_filler_streak: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"pace_metric": self.pace_metric, "usual_pace": self.usual_pace,
                "pace_vs_usual": self.pace_vs_usual, "zero_filler_streak": self.zero_filler_streak}


#: A pace this far from the person's own usual pace is worth a remark.
PACE_REMARK = 0.15


def after_answer(store: Store, answer_id: int) -> AfterAnswer:
    """Remarks on a just-saved answer against the person's own history."""
    answers = store.answers(full=False)
    current = next((a for a in answers if a.id == answer_id), None)
    if current is None:
        return AfterAnswer()
    streak = zero_filler_streak(answers)
    metric = "chars_per_min" if current.language == "ja" else "wpm"
    earlier = [a.metrics[metric] for a in answers
               if a.id != answer_id and a.language == current.language and a.metrics.get(metric)]
    value = current.metrics.get(metric)
    if len(earlier) < 3 or not value:
        return AfterAnswer(zero_filler_streak=streak if streak >= ZERO_FILLER_RUN else 0)
    usual = statistics.median(earlier)
    rel = (value - usual) / usual
    return AfterAnswer(
        pace_metric=metric,
        usual_pace=round(usual, 1),
        pace_vs_usual=round(rel, 3) if abs(rel) >= PACE_REMARK else None,
        zero_filler_streak=streak if streak >= ZERO_FILLER_RUN else 0,
    )


def _block(title: str, qid: int | None, answers: Sequence[Answer]) -> ProgressBlock:
    langs = {a.language for a in answers if a.language}
    lang = langs.pop() if len(langs) == 1 else None
    ms = metrics_for(lang) if lang else METRICS
    last_note = ""
    for a in reversed(answers):
        if a.note and not a.note.empty:
            last_note = note_text(a.note)
            break
    return ProgressBlock(
        title=title,
        question_id=qid,
        language=lang,
        attempts=len(answers),
        first_at=answers[0].created_at if answers else None,
        last_at=answers[-1].created_at if answers else None,
        series=tuple(s for s in (series(m, answers) for m in ms) if s.points),
        last_note=last_note,
    )


def usual_pace(answers: Sequence[Answer]) -> dict[str, Any] | None:
    """The person's own usual pace: the median of their answers' rate per language, and how far
    the latest answer is from it. A coach's fixed band does not fit everyone (METRICS.md:
    calibrating to the person's relaxed rate was asked for and done by none)."""
    out: dict[str, Any] = {}
    for lang, name in (("en", "wpm"), ("ja", "chars_per_min")):
        vals = [(a, a.metrics.get(name)) for a in answers if a.language == lang and a.metrics.get(name)]
        if len(vals) < 3:
            continue
        med = statistics.median(v for _, v in vals)
        last_a, last_v = vals[-1]
        out[lang] = {"metric": name, "median": round(med, 1), "answers": len(vals), "latest": last_v,
                     "latest_answer_id": last_a.id,
                     "latest_vs_usual": round((last_v - med) / med, 3) if med else None}
    return out or None


def progress(store: Store, *, question: str | None = None, since: str | None = None) -> Progress:
    """Progress over all answers (since an ISO date, if given), per language and per question."""
    answers = store.answers(full=False)
    if since:
        answers = [a for a in answers if a.created_at >= since]
    if question:
        qid = resolve_question(store, question)
        answers = [a for a in answers if a.question_id == qid]
    by_q: dict[int, list[Answer]] = {}
    for a in answers:
        if a.question_id is not None:
            by_q.setdefault(a.question_id, []).append(a)
    blocks = tuple(_block(v[0].question or f"#{k}", k, v) for k, v in by_q.items())
    warnings: list[str] = []
    run = zero_filler_streak(answers)
    if run >= ZERO_FILLER_RUN:
        warnings.append(f"zero_fillers:{run}")
    langs = sorted({a.language or "" for a in answers})
    overall = tuple(_block("overall", None, [a for a in answers if (a.language or "") == lang]) for lang in langs)
    return Progress(overall=overall or (_block("overall", None, []),), questions=blocks,
                    usual_pace=usual_pace(answers), warnings=tuple(warnings))


# --------------------------------------------------------------------------- the loop


def plan(qset: qmod.QuestionSet, *, only: Sequence[str] = (), limit: int | None = None,
         shuffle: bool = False, seed: int | None = None) -> list[qmod.Question]:
    """The questions to practise: ``only`` picks ids (in that order), ``shuffle`` mixes them,
    ``limit`` keeps the first N."""
    qs = list(qset.questions)
    if only:
        by_id = {q.id: q for q in qs}
        missing = [i for i in only if i not in by_id]
        if missing:
            raise UsageError(
                f"no question {', '.join(missing)} in {qset.name}; its ids: {', '.join(by_id)}")
        qs = [by_id[i] for i in only]
    if shuffle:
        random.Random(seed).shuffle(qs)
    if limit is not None:
        if limit < 1:
            raise UsageError("--limit must be at least 1")
        qs = qs[:limit]
    return qs


@dataclass(frozen=True)
class Before:
    """What to show before an attempt: the question's archive id, its last attempt, and the
    latest attempt that carries a note (the same one, or an older one when the last attempt
    got no note: a fix you wrote down on Monday still matters on Friday)."""

    question_id: int
    previous: Answer | None
    attempts: int
    noted: Answer | None = None


def latest_noted(answers: Sequence[Answer]) -> Answer | None:
    return next((a for a in reversed(answers) if a.note and not a.note.empty), None)


def before_attempt(store: Store, question: qmod.Question, *, now: datetime | None = None) -> Before:
    qid = store.question_for(question.key, question.text, language=question.language,
                             budget_s=question.budget_s, set_name=question.set_name, now=now)
    attempts = store.answers(question_id=qid)
    previous = attempts[-1] if attempts else None
    return Before(qid, previous, len(attempts), latest_noted(attempts))


def keep_audio(home: Path, src: str | Path, *, now: datetime | None = None, move: bool = False) -> Path:
    """Put an answer's audio into ``<home>/audio/`` (copied, or moved if it was recorded
    for the archive) under a name that does not collide. Returns the new path."""
    src = Path(src)
    if not src.is_file():
        raise StoreError(f"the recording {src} is missing")
    folder = audio_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    if src.resolve().parent == folder.resolve():
        return src
    stamp = to_stamp(now).replace(":", "").replace("-", "").replace("+0000", "")[:15]
    stem = re.sub(r"[^\w.-]+", "_", src.stem)[:40] or "answer"
    target = folder / f"{stamp}-{stem}{src.suffix.lower()}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{stem}-{n}{src.suffix.lower()}"
    if move:
        shutil.move(str(src), target)
    else:
        shutil.copy2(src, target)
    return target


def _note_dict(note: str | dict[str, str | None] | None) -> dict[str, str] | None:
    """A single text is what to do next time (the part the next attempt is checked against)."""
    if note is None:
        return None
    if isinstance(note, str):
        return {"next_time": note} if note.strip() else None
    return {k: (note.get(k) or "") for k in ("wrong", "why", "next_time")}


def record_answer(
    store: Store,
    *,
    session_id: int,
    question_id: int | None,
    analysis: dict[str, Any],
    audio_path: str | Path | None,
    note: str | dict[str, str | None] | None = None,
    settings: dict[str, Any] | None = None,
    keep: bool = True,
    move: bool = False,
    now: datetime | None = None,
) -> tuple[int, FixCheck | None]:
    """Save an analysed attempt (its audio kept in the archive) and check it against the
    previous attempt's note. Returns the answer id and the check (None without a note)."""
    attempts = store.answers(question_id=question_id) if question_id is not None else []
    previous = attempts[-1] if attempts else None
    noted = latest_noted(attempts)
    stored_audio = None
    if audio_path is not None:
        stored_audio = keep_audio(store.home, audio_path, now=now, move=move) if keep else Path(audio_path)
    answer_id = store.add_answer(session_id, analysis, question_id=question_id, audio_path=stored_audio,
                                 settings=settings, note=_note_dict(note), now=now)
    fix = None
    if previous is not None:
        current = store.answer(answer_id, full=False)
        assert current is not None
        fix = check_fix(previous, current.metrics, current.language, note=noted.note if noted else None)
    return answer_id, fix


def question_for_text(store: Store, text: str, *, language: str | None, budget_s: float | None,
                      now: datetime | None = None) -> int:
    """The archive question for a free-text question: an existing one with exactly this text
    (so ``analyze --question "自己PRをお願いします。"`` joins the built-in question's history),
    or a new one keyed by the text."""
    text = text.strip()
    for q in store.questions():
        if q.text == text:
            return q.id
    for qset in qmod.builtin_sets():
        for q in qset.questions:
            if q.text == text:
                return store.question_for(q.key, q.text, language=q.language, budget_s=q.budget_s,
                                          set_name=q.set_name, now=now)
    return store.question_for("text:" + " ".join(text.split()), text, language=language, budget_s=budget_s, now=now)


def save_analysis(
    analysis: Any,
    *,
    audio_path: str | Path | None,
    session: str | None = None,
    question: str | None = None,
    note: str | dict[str, str | None] | None = None,
    home: str | Path,
    settings: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> int:
    """Store one analysed answer without prompts (``furikaeri analyze FILE --save``).

    ``analysis``: an :class:`~furikaeri.analysis.Analysis` (or its ``to_dict()``).
    ``session``: a session name (the newest session of that name is reused; default: today's
    date). ``question``: the question text (default: the analysis' own question).
    ``note``: what to do next time (or a dict with ``wrong``/``why``/``next_time``).
    The audio is copied into ``<home>/audio/``. Returns the new answer id.
    """
    d = analysis.to_dict() if hasattr(analysis, "to_dict") else dict(analysis)
    home = Path(home)
    with Store.open(home) as store:
        name = session or to_stamp(now)[:10]
        sid = store.session_for(name, kind="practice", language=d.get("language"), now=now)
        qtext = question or d.get("question")
        qid = (question_for_text(store, qtext, language=d.get("language"), budget_s=d.get("budget_s"), now=now)
               if qtext else None)
        answer_id, _ = record_answer(store, session_id=sid, question_id=qid, analysis=d, audio_path=audio_path,
                                     note=note, settings=settings, now=now)
        return answer_id


# --------------------------------------------------------------------------- history & export


def history(store: Store, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Sessions newest first, each with its answers (light: metrics, note, no analysis)."""
    out = []
    for s in store.sessions(limit=limit):
        answers = store.answers(session_id=s.id)
        out.append({**s.to_dict(), "answers": [a.to_dict() for a in answers]})
    return out


def export_data(store: Store) -> dict[str, Any]:
    """Everything in the archive as one JSON-ready document (full analyses included)."""
    return {
        "format": "furikaeri-export",
        "version": 1,
        "schema": store.schema_version(),
        "sessions": [s.to_dict() for s in store.sessions()],
        "questions": [q.to_dict() for q in store.questions()],
        "answers": [a.to_dict(full=True) for a in store.answers(full=True)],
        "companies": [c.to_dict() for c in store.companies()],
        "interviews": [i.to_dict() for i in store.interviews()],
    }


CSV_METRICS = ("answer_s", "budget_s", "over_budget", "over_s", "wpm", "articulation_wpm", "chars_per_min",
               "morae_per_s", "fillers_per_min", "filler_count", "repetitions_per_min", "repetitions", "long_pauses",
               "longest_pause_s", "latency_s", "word_count")
CSV_COLUMNS = ("answer_id", "created_at", "session", "question", "language", "model", *CSV_METRICS,
               "note_wrong", "note_why", "note_next_time", "audio_path", "transcript")


def to_csv(data: dict[str, Any]) -> str:
    """One row per answer (UTF-8; the CLI writes a BOM so spreadsheet apps read Japanese)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for a in data["answers"]:
        note = a.get("note") or {}
        row = [a["id"], a["created_at"], a["session"], a.get("question") or "", a.get("language") or "",
               a.get("model") or ""]
        row += ["" if a["metrics"].get(c) is None else a["metrics"][c] for c in CSV_METRICS]
        row += [note.get("wrong", ""), note.get("why", ""), note.get("next_time", ""), a.get("audio_path") or "",
                a.get("transcript") or ""]
        w.writerow(row)
    return buf.getvalue()


def _fmt(v: Any, digits: int = 1) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def to_markdown(data: dict[str, Any], *, lang: str = "en") -> str:
    """A readable practice journal: sessions, each answer's figures, transcript and note;
    then logged interviews and company research."""
    ja = lang == "ja"
    L = (lambda en, j: j if ja else en)  # noqa: E731
    lines = [f"# furikaeri — {L('practice journal', '練習の記録')}", ""]
    by_session: dict[int, list[dict[str, Any]]] = {}
    for a in data["answers"]:
        by_session.setdefault(a["session_id"], []).append(a)
    for s in sorted(data["sessions"], key=lambda s: (s["started_at"], s["id"])):
        lines += [f"## {s['name']} ({s['started_at'][:16].replace('T', ' ')})", ""]
        for a in by_session.get(s["id"], []):
            m = a["metrics"]
            lines.append(f"### #{a['id']} {a.get('question') or L('(no question)', '(質問なし)')}")
            lines.append("")
            rate = (f"{_fmt(m.get('chars_per_min'), 0)} {L('chars/min', '字/分')}" if a.get("language") == "ja"
                    else f"{_fmt(m.get('wpm'), 0)} wpm")
            lines.append(
                f"- {L('length', '長さ')}: {_fmt(m.get('answer_s'), 0)} s / {_fmt(m.get('budget_s'), 0)} s"
                f" · {L('fillers', 'フィラー')}: {_fmt(m.get('fillers_per_min'))}/min · {L('pace', '話速')}: {rate}"
                f" · {L('long pauses', '長い間')}: {_fmt(m.get('long_pauses'))}")
            note = a.get("note")
            if note:
                for key, en, j in (("wrong", "what went wrong", "うまくいかなかった点"), ("why", "why", "原因"),
                                   ("next_time", "next time", "次回")):
                    if note.get(key):
                        lines.append(f"- **{L(en, j)}**: {note[key]}")
            if a.get("transcript"):
                lines += ["", f"> {a['transcript']}"]
            lines.append("")
    if data.get("interviews"):
        lines += [f"## {L('Real interviews', '本番の面接')}", ""]
        for i in data["interviews"]:
            lines.append(f"### {i['held_on']} {i.get('company') or ''} {i.get('stage') or ''}".rstrip())
            lines.append("")
            for item in i["items"]:
                lines.append(f"- **Q**: {item['question']}")
                if item.get("answer"):
                    lines.append(f"  - {L('answered', '回答')}: {item['answer']}")
            for key, en, j in (("reaction", "interviewer reaction", "面接官の反応"),
                               ("went_well", "went well", "良かった点"), ("to_fix", "to fix", "修正点")):
                if i.get(key):
                    lines.append(f"- **{L(en, j)}**: {i[key]}")
            lines.append("")
    if data.get("companies"):
        lines += [f"## {L('Companies', '企業研究')}", ""]
        for c in data["companies"]:
            lines.append(f"### {c['name']}")
            for key, en, j in (("asks", "what they ask", "聞かれること"), ("atmosphere", "atmosphere", "雰囲気"),
                               ("interviewers", "interviewers", "面接官"), ("valued", "what seemed valued", "評価された点"),
                               ("to_ask", "questions to ask", "逆質問"), ("notes", "notes", "メモ")):
                if c.get(key):
                    lines.append(f"- **{L(en, j)}**: {c[key]}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export(store: Store, fmt: str, *, lang: str | None = None) -> str:
    data = export_data(store)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv(data)
    if fmt == "md":
        return to_markdown(data, lang=pick_lang(lang, (a.get("language") for a in data["answers"])))
    raise UsageError(f"unknown export format {fmt!r}: use json, csv or md")


def sync_company(store: Store, qset: qmod.QuestionSet, *, now: datetime | None = None) -> None:
    """Copy a company file's research notes into the archive (so exports and `reflect` have
    them); fields empty in the file do not erase notes kept in the archive."""
    c = qset.company
    if c is None:
        return
    fields = {
        "asks": "\n".join(c.asks), "atmosphere": c.atmosphere, "interviewers": c.interviewers,
        "valued": c.valued, "to_ask": "\n".join(c.to_ask), "notes": c.notes,
    }
    store.upsert_company(c.name, now=now, **{k: v for k, v in fields.items() if v})


def company_questions(store: Store, qset: qmod.QuestionSet) -> qmod.QuestionSet:
    """A company's practice set plus the questions it actually asked in logged interviews
    (``reflect``), so a real question becomes a practice question."""
    if qset.company is None:
        return qset
    known = {q.text for q in qset.questions}
    extra: list[qmod.Question] = []
    budget = qmod.DEFAULT_BUDGET_S.get(qset.language, 60.0)
    for iv in store.interviews(company=qset.company.name):
        for item in iv.items:
            text = item.get("question", "").strip()
            if text and text not in known:
                known.add(text)
                extra.append(qmod.Question(id=f"asked{iv.id}-{len(extra) + 1}", text=text, budget_s=budget,
                                           language=qset.language, set_name=qset.name,
                                           hint=""))
    if not extra:
        return qset
    from dataclasses import replace

    return replace(qset, questions=qset.questions + tuple(extra))


def company_view(store: Store, name: str, folder: Path | None) -> dict[str, Any]:
    """A company's research (file and archive) and the real interviews logged with it."""
    info: dict[str, Any] = {"name": name, "file": None, "archive": None, "interviews": []}
    try:
        qset = qmod.get_company(name, folder)
        info["file"] = qset.to_dict()
        info["name"] = qset.company.name if qset.company else name
    except qmod.QuestionError:
        qset = None
    c = store.company(info["name"])
    info["archive"] = c.to_dict() if c else None
    info["interviews"] = [i.to_dict() for i in store.interviews(company=info["name"])]
    if qset is None and c is None:
        raise UsageError(f"nothing known about {name!r}: no company file and no logged interview")
    return info


def parse_when(text: str | None) -> datetime | None:
    """``--now`` for scripted use and tests: an ISO date or date-time (naive = local time)."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"cannot read the time {text!r}: use ISO 8601, e.g. 2026-11-23T09:30") from None
    return when
