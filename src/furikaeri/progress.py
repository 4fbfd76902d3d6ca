"""Progress over the archive: each figure over time, its trend, the personal best.

:func:`progress` gives a block per answer language and one per question and language; :func:`usual_pace` the
person's own usual pace as a reference (a fixed band does not fit everyone); a typed warning
when fillers sit at zero for several answers in a row (a delivery scrubbed of every filler can
sound recited). :func:`after_answer` gives the same remarks on one just-saved answer.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Sequence

from furikaeri import coach
from furikaeri.coach import Recurring
from furikaeri.compare import floored, length_change, past_band, resolve_question
from furikaeri.lang import LANGUAGES, get_rules
from furikaeri.metrics import COUNTS, METRIC_BY_NAME, METRICS, Change, Metric, as_figure, change, cut_off, \
    documented_value, has_norm, in_norm, judged_both, judged_change, judged_value, metrics_for, norm_change, norm_distance, \
    off_norm, too_short, with_asked
from furikaeri.notes import COUNT_JITTER, COUNT_ROUNDING, COUNTED, count_disagrees, mean_crossed, note_text, \
    settle_counts, thinned, within_jitter
from furikaeri.store import Answer, Store, local_minute


@dataclass(frozen=True)
class Point:
    answer_id: int
    at: str
    value: float
    #: ``value`` is a lower bound its report judged (fillers a minute "5.0+": :func:`bounds`)
    floor: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"answer_id": self.answer_id, "at": self.at, "value": self.value, **({"floor": True} if self.floor else {})}


@dataclass(frozen=True)
class Series:
    """One metric over time: its values, the trend (from the first attempts to the latest,
    :func:`trend_ends`, judged like a :class:`~furikaeri.metrics.Change`), the personal best and
    the latest value. ``left_out``: the answers whose value of a rate or share is not among the
    points, being too short for it (:func:`furikaeri.metrics.judged_value`). ``chart``: the
    values to draw, one per point, on the scale the trend judges them (:func:`chart_value`)."""

    metric: str
    points: tuple[Point, ...]
    trend: Change | None
    best: Point | None
    latest: Point | None
    left_out: tuple[int, ...] = ()
    chart: tuple[float, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        trend = self.trend.to_dict() if self.trend else None
        if trend and self.latest is not None and self.trend.before is not None and has_norm(self.metric):
            # where the figure went against its norm as the text says it: from the first attempts
            # to the latest answer, not to the latest attempts' median (QA s45 T #2, U #3)
            trend.pop("crossed", None)
            was, now = in_norm(self.metric, self.trend.before), in_norm(self.metric, self.latest.value)
            if self.trend.verdict == "better" and not was and now:
                trend["crossed"] = "into"
            elif self.trend.verdict == "worse" and was and not now:
                trend["crossed"] = "left"
        return {
            "metric": self.metric,
            "points": [p.to_dict() for p in self.points],
            "trend": trend,
            "best": None if self.best is None else self.best.to_dict(),
            "latest": None if self.latest is None else self.latest.to_dict(),
            "left_out": list(self.left_out),
            "chart": list(self.chart),
        }


def chart_value(metric: Metric, value: float) -> float:
    """``value`` of ``metric`` as a chart draws it: the time over budget as the trend and the
    session means count it, an answer within its budget as 0 over (time to spare on a 90-s
    question is not a swing of the chart: every answer within budget draws one flat line)."""
    return max(0.0, value) if metric.name == "over_s" else value


def point_value(metric: Metric, metrics: dict[str, Any]) -> float:
    """An answer's value of ``metric`` as a point gives it: as every ``--json`` gives the figure
    (:func:`furikaeri.metrics.documented_value`: the time over budget 0 within it, as the chart
    and the CSV draw it, never the seconds to spare; a count whole, 3 as history gives it, not 3.0)."""
    value = documented_value(metrics, metric.name)
    return value if isinstance(value, int) and metric.name in COUNTS else float(value)


def bounds(metric: Metric, answers: Sequence[Answer]) -> dict[int, float]:
    """The answers whose ``metric`` is known only as a lower bound its report judged (fillers a
    minute, "5.0+": :func:`furikaeri.compare.floored`) that is already past the norm: out of the
    norm whatever the rest is, as compare and the session means take it. They are in the trend
    at that bound, never a best (QA s54 AH #2: left out, the latest answer's "5.0+" made the
    trend "better, into the range" and an older 0.0 the latest value). A bound inside the norm
    tells nothing of where the answer is: left out, said so."""
    if metric.name != "fillers_per_min":
        return {}
    kept = set(floored(answers))
    return {a.id: float(a.filler_floor) for a in answers if a.id in kept and off_norm(metric, float(a.filler_floor))}


def series(metric: Metric, answers: Sequence[Answer]) -> Series:
    """``metric`` over ``answers`` (oldest first); a rate or share only over the answers long
    enough for it (:func:`furikaeri.metrics.judged_value`), and the lower bounds past its norm
    (:func:`bounds`), its trend by :func:`trend`."""
    bound = bounds(metric, answers)
    pts = tuple(
        Point(a.id, a.created_at, bound[a.id], floor=True) if a.id in bound
        else Point(a.id, a.created_at, point_value(metric, a.metrics))
        for a in answers
        if a.id in bound or judged_value(a.metrics, metric.name) is not None
    )
    left_out = tuple(a.id for a in answers if a.metrics.get(metric.name) is not None
                     and judged_value(a.metrics, metric.name) is None)
    if not pts:
        return Series(metric.name, (), None, None, None, left_out)
    judged = as_judged(metric, pts, answers)
    best = personal_best(metric, [p for p in judged if not p.floor])
    if best is not None and any((metric.score(p.value) or 0.0) < (metric.score(best.value) or 0.0) for p in judged if p.floor):
        best = None  # a bound under it may be the best ("4.6+" beside 10.3: QA s55 AN #4): which is, unknown
    found = _length_judged(trend(metric, pts, answers), answers)
    if found is not None and found.verdict == "better" and any(p.floor for p in pts[-ends_size(len(pts)):]):
        # a lower bound only ever pushes a trend up: down to one is not told (QA s54 AK #4: 8, 9, 8, then
        # "3.0+" read "better", where the last could be 11 a minute; compare says "–" of the pair)
        found = replace(found, verdict="n/a", by_answers=False)
    return Series(metric.name, pts, found, pts[judged.index(best)] if best else None,
                  pts[-1], left_out, tuple(chart_value(metric, p.value) for p in pts))


def _length_judged(found: Change | None, answers: Sequence[Answer]) -> Change | None:
    """The trend of the answer's length (``answer_s``, no direction of its own) judged against the
    budget as compare judges two answers' (:func:`furikaeri.compare.length_change`: nearer the range
    the report judges it by is better, 30.4 s then 22.1 s of 90 is worse, now too short), where
    every answer has the one budget (a question's attempts); else, and for a take the recording
    cut, not judged, as before (QA s54 AL #2: "–" beside compare's "▼ worse, now too short")."""
    if found is None or found.metric != "answer_s" or found.before is None or found.after is None:
        return found
    budgets = {a.metrics.get("budget_s") for a in answers}
    if len(budgets) != 1 or not next(iter(budgets)) or any(cut_off(a.metrics) for a in answers):
        return found
    budget = next(iter(budgets))
    asked = next((a.asked_s for a in reversed(answers) if a.asked_s), None)  # as compare reads it (QA s55 AQ #3)
    return length_change(found, with_asked({"answer_s": found.before, "budget_s": budget}, asked),
                         with_asked({"answer_s": found.after, "budget_s": budget}, asked))


def as_judged(metric: Metric, pts: Sequence[Point], answers: Sequence[Answer]) -> tuple[Point, ...]:
    """``pts`` as their trend's direction and the best are judged: the time off pace as its
    share of each answer, for a shorter answer has fewer seconds of anything (12 s off pace of
    a 30-s answer is no better than 20 s of a 90-s one: QA s46 AA #2, as compare judges it since
    AA #1); every other figure as it is."""
    if metric.name != "off_pace_s":
        return tuple(pts)
    length = {a.id: a.metrics.get("answer_s") for a in answers}
    return tuple(replace(p, value=p.value / length[p.answer_id])
                 if isinstance(length.get(p.answer_id), (int, float)) and length[p.answer_id] > 0 else p for p in pts)


def trend(metric: Metric, pts: Sequence[Point], answers: Sequence[Answer]) -> Change | None:
    """The trend of ``metric`` over ``pts`` (``answers``' points, oldest first; None for fewer
    than two): from the median of the first attempts to the median of the latest
    (:func:`trend_ends`). A figure at its best in the latest attempt (:func:`at_best`) never
    reads "worse" nor "past the range" (its personal best, shown beside the trend, is the latest: 0, 0, 92.5 then
    0 s over read "worse" where the two latest made a median of 46 s over): there the trend runs
    to where the figure is now, the latest attempt."""
    if len(pts) < 2:
        return None
    k = ends_size(len(pts))
    found = _trend_between(metric, pts[:k], pts[-k:], answers)
    if found.verdict in ("worse", "same", "overshot") and at_best(metric, as_judged(metric, pts, answers)):
        latest = _trend_between(metric, pts[:k], pts[-1:], answers)
        # nor a "same" shown moving the wrong way: hedges 0, 0, 1.9, 0 read "+0.9 = within range", to a
        # median no attempt had, beside a best that is the latest (QA s43 B #4); nor "past the range" to a
        # mean of two answers when the latest is in it, at its best (QA s55 AO #3: 67, 229, then 142 wpm)
        score = [metric.score(v) or 0.0 for v in (found.before, found.after, latest.after)]
        if found.verdict in ("worse", "overshot") or score[0] < score[1] > score[2]:
            found = latest
    return found


def _trend_between(metric: Metric, first: Sequence[Point], last: Sequence[Point],
                   answers: Sequence[Answer]) -> Change:
    """The change of ``metric`` from the median of ``first`` to the median of ``last`` (of two
    points, their mean: :func:`trend` then checks the latest alone). A figure with a norm (a band,
    or a limit: hedges, the longest pause) is judged on its attempts' distances from it too
    (their medians), by the rule the session means follow
    (:func:`furikaeri.metrics.norm_change`); a count's change within the recogniser's jitter is
    none (:func:`_within_jitter`)."""
    a, b = (statistics.median(p.value for p in end) for end in (first, last))
    found = change(metric, as_figure(metric.name, round(a, 3)), as_figure(metric.name, round(b, 3)))
    far = [[norm_distance(metric, chart_value(metric, p.value)) for p in end] for end in (first, last)]
    if all(d is not None for end in far for d in end):  # a figure with a norm: judged on its attempts too
        # and from off one side of a band to off the other, "past the range", as compare says it (QA s43 A #1)
        found = past_band(norm_change(found, statistics.median(far[0]), statistics.median(far[1])))
    if metric.name in COUNTED and found.verdict in ("better", "worse"):
        by_id = {x.id: x.metrics for x in answers}
        ends = [by_id[p.answer_id] for p in first], [by_id[p.answer_id] for p in last]
        if (not mean_crossed(found, *ends) and _within_jitter(found, *ends)) or count_disagrees(metric.name, *ends):
            found = replace(found, verdict="same", by_answers=False)
    if metric.name == "off_pace_s" and found.verdict in ("better", "worse"):
        # judged where its share of the answers moved the same way (as_judged), else shown, not judged
        shares = [statistics.median(p.value for p in as_judged(metric, end, answers)) for end in (first, last)]
        if (shares[1] < shares[0]) != (found.verdict == "better"):
            found = replace(found, verdict="n/a", by_answers=False)
    return found


def at_best(metric: Metric, pts: Sequence[Point]) -> bool:
    """Is the latest of ``pts`` at the figure's best: its :meth:`~furikaeri.metrics.Metric.score`
    no worse than any other point's (within its budget, where every answer within it is an
    equal best; in its band; the lowest), the latest being then the personal best shown
    (:func:`personal_best`)? False for a figure not judged (the length)."""
    scores = [s for s in (metric.score(p.value) for p in pts) if s is not None]
    latest = metric.score(pts[-1].value)
    return latest is not None and latest <= min(scores) + 1e-9


def personal_best(metric: Metric, pts: Sequence[Point]) -> Point | None:
    """The point of lowest score (:meth:`~furikaeri.metrics.Metric.score`); among equals the
    latest (the best you can do *now*). None for a figure not judged (the length), and where the
    best lies in a range the figure does not grade (:func:`_ungraded`: a time to the first word
    under a freeze): there the latest of equals would be no best (1.5 s named best beside a
    0.2-s start), and the quickest start no best either (a think before answering is fine)."""
    scored = [(score, i, p) for i, p in enumerate(pts) if (score := metric.score(p.value)) is not None]
    if not scored:
        return None
    best = min(scored, key=lambda s: (s[0], -s[1]))[2]
    return None if _ungraded(metric, best.value) else best


def _ungraded(metric: Metric, value: float) -> bool:
    """Is ``value`` of ``metric`` inside its norm where the figure does not grade it: a value
    one step better (:attr:`~furikaeri.metrics.Metric.same`) scores the same though it is shown
    (charted) differently? True of a time to the first word under a freeze; not of an answer
    within its budget (every one is charted as 0 over: "within budget" is its best), nor of a
    figure judged by a band (inside it is the goal)."""
    if metric.better not in ("lower", "higher") or not in_norm(metric.name, value):
        return False
    nudged = value - metric.same if metric.better == "lower" else value + metric.same
    return metric.score(nudged) == metric.score(value) and chart_value(metric, nudged) != chart_value(metric, value)


def _within_jitter(trend: Change, first: Sequence[dict[str, Any]], last: Sequence[dict[str, Any]]) -> bool:
    """Is a count's ``trend``, from the answers ``first`` to the answers ``last`` (their
    stored metrics), no change past the recogniser's jitter? One answer to another is judged
    as compare judges two (their counts, :func:`furikaeri.notes.within_jitter`), so the two
    never disagree on one change (the middle one's length would stretch a filler heard in the
    shorter end into a change compare calls noise); more, by the same rule: the trend's rise or
    fall over the shorter end (the median length of its answers), in fillers (repetitions).
    Over the mean length of all its answers, one long answer at the first end would stretch the
    trend's 2.4 fillers a minute past the jitter in the overall block while each question's
    block, the same answers in pairs, calls it noise."""
    if len(first) == 1 and len(last) == 1:  # the trend runs from one answer to another: compare's pair
        return within_jitter(trend.metric, first, last)
    ends = [[m["answer_s"] for m in end if m.get("answer_s")] for end in (first, last)]
    if trend.delta is None or not all(ends):
        return False
    shorter = min(statistics.median(end) for end in ends)
    return abs(trend.delta) * shorter / 60.0 < COUNT_JITTER + COUNT_ROUNDING


#: A trend runs from the median of the first attempts to the median of the latest, this many
#: at most (half the attempts when there are fewer than twice as many).
TREND_ENDS = 3


def trend_ends(values: Sequence[float]) -> tuple[float, float]:
    """Where a figure started and where it is now, over ``values`` (one per attempt, oldest
    first): the medians of the first and the last :data:`TREND_ENDS` attempts (the first and
    the last of two or three). Medians, not a line through them all: one odd take (an 8.7-s
    pause, a run of hedges) neither makes a trend nor hides one (a line through 0, 0, 0, 2, 2,
    0, 0 rose); and a figure at its best in the latest attempt never reads "worse"
    (:func:`trend`: a median of two is their mean, and can lie far from the latest)."""
    k = ends_size(len(values))
    return statistics.median(values[:k]), statistics.median(values[-k:])


def ends_size(n: int) -> int:
    """How many attempts make each end of a trend over ``n`` attempts (:func:`trend_ends`): the
    jitter of a count's trend is judged on the same answers (:func:`_within_jitter`)."""
    return max(1, min(TREND_ENDS, n // 2))


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
    #: the last note written (None: none yet; JSON ``null`` as for every value not there)
    last_note: str | None = None
    #: answers too short for their budget to count in the rates' trends and bests
    #: (:func:`furikaeri.metrics.too_short`): the view says so, or its rates would go missing unexplained
    short_answers: int = 0
    #: answers the recording stopped before they ended (:func:`furikaeri.metrics.cut_off`): no
    #: short answers (the person did not stop), left out of the length, and of the rates as a
    #: short answer is when the part recorded is that short; said apart from ``short_answers``
    cut_answers: int = 0
    #: answers whose filler rate is stored blank, a lower bound its report judged
    #: (:attr:`furikaeri.store.Answer.floors`) inside the norm: out of the fillers' trend and
    #: best, said so (one past the norm is in the trend at that bound: :func:`bounds`)
    floored: tuple[int, ...] = ()
    #: the question's key (``ja-basic:gakuchika``), as every other command's ``--json`` gives it
    #: beside its words (QA s47 DD #8); None overall
    question_key: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "question_id": self.question_id, "question_key": self.question_key,
                "language": self.language,
                "attempts": self.attempts, "first_at": self.first_at, "last_at": self.last_at,
                "last_note": self.last_note, "series": [s.to_dict() for s in self.series],
                "short_answers": self.short_answers, "cut_answers": self.cut_answers,
                "floored": list(self.floored)}


@dataclass(frozen=True)
class ProgressWarning:
    """Something about the answers as a whole worth a word: ``zero_fillers``: the last
    ``count`` answers in a row had no filler at all."""

    kind: Literal["zero_fillers"]
    count: int

    def to_json(self) -> str:
        """The ``--json`` form, kept as it always was: ``"zero_fillers:4"``."""
        return f"{self.kind}:{self.count}"


@dataclass(frozen=True)
class Progress:
    """``overall``: one block per answer language (rates differ in unit between languages)."""

    overall: tuple[ProgressBlock, ...]
    questions: tuple[ProgressBlock, ...]
    usual_pace: dict[str, Any] | None
    warnings: tuple[ProgressWarning, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"overall": [b.to_dict() for b in self.overall], "questions": [q.to_dict() for q in self.questions],
                "usual_pace": self.usual_pace, "warnings": [w.to_json() for w in self.warnings]}

    def languages(self) -> list[str | None]:
        return [o.language for o in self.overall]


#: Answers in a row with zero fillers before the overcorrection warning (METRICS.md: "fillers
#: at zero for many sessions can sound rehearsed", nsuurmey/FrameFlow docs).
ZERO_FILLER_RUN = 4


def zero_filler_streak(answers: Sequence[Answer]) -> int:
    """How many of the latest answers (oldest first in ``answers``) in a row had no filler at
    all (answers without words do not count either way, nor do answers too short to say: no
    filler in 5 s is no sign of a delivery scrubbed of them)."""
    run = 0
    for a in reversed(answers):
        if not a.metrics.get("word_count") or (too_short(a.metrics) and not a.metrics.get("filler_count")):
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
    in the language exist and the difference is at least :data:`PACE_REMARK`), the zero-filler
    streak (reported from :data:`ZERO_FILLER_RUN` on), the person's own usual for the figures
    the report compares (:data:`USUAL_SHOWN`; :func:`furikaeri.coach.usual`), whether the
    figure the last attempt at this question was told to work on moved (``focus_then``), and
    phrases that keep coming back across answers (``recurring``)."""

    pace_metric: str | None = None
    usual_pace: float | None = None
    pace_vs_usual: float | None = None
    zero_filler_streak: int = 0
    usual: dict[str, float] = field(default_factory=dict)
    focus_then: Change | None = None
    recurring: tuple[Recurring, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"pace_metric": self.pace_metric, "usual_pace": self.usual_pace,
                "pace_vs_usual": self.pace_vs_usual, "zero_filler_streak": self.zero_filler_streak,
                "usual": self.usual or None,  # no usual yet: null, as the pace's usual is
                "focus_then": self.focus_then.to_dict() if self.focus_then else None,
                "recurring": [r.to_dict() for r in self.recurring]}


#: A pace this far from the person's own usual pace is worth a remark.
PACE_REMARK = 0.15
#: The figures whose own usual the report shows beside this answer's (issue: rate, fillers,
#: vocal variety); the pace key is the language's.
USUAL_SHOWN = ("fillers_per_min", "pitch_spread_st")


def after_answer(store: Store, answer_id: int) -> AfterAnswer:
    """Remarks on a just-saved answer against the person's own history."""
    answers = store.answers(full=False)
    current = next((a for a in answers if a.id == answer_id), None)
    if current is None:
        return AfterAnswer()
    return _remarks(store, answers, current)


#: The id an answer not saved yet stands under: after every saved one.
UNSAVED_ID = 2**62


def after_unsaved(store: Store, analysis: dict[str, Any], question_id: int | None) -> AfterAnswer:
    """:func:`after_answer` for an answer analysed and not saved yet (``Analysis.to_dict()``), so
    that practice shows the remarks with the report, before the reflection is asked: the person
    writes the note knowing all the tool knows."""
    from furikaeri.store import metrics_from_analysis

    current = Answer(UNSAVED_ID, 0, "", question_id, analysis.get("question"), None, "", None,
                     analysis.get("transcript") or "", analysis.get("language"), analysis.get("model") or "", {},
                     metrics_from_analysis(analysis), None, analysis=analysis)
    return _remarks(store, [*store.answers(full=False), current], current)


def _remarks(store: Store, answers: Sequence[Answer], current: Answer) -> AfterAnswer:
    """The remarks on ``current``, one of ``answers`` (all of them, oldest first)."""
    answer_id = current.id
    streak = zero_filler_streak(answers)
    streak = streak if streak >= ZERO_FILLER_RUN else 0
    same_language = [a for a in answers if a.id != answer_id and a.language == current.language]
    metric = get_rules(current.language or "").pace_key
    remarks = dict(zero_filler_streak=streak, usual=own_usual(same_language, current.language),
                   focus_then=focus_then(same_language, current),
                   recurring=tuple(recurring(store, [*same_language, current], current.language)))
    # the usual shown beside it (own_usual, :func:`furikaeri.coach.usual`): one "usual pace",
    # not two; an answer too short for a rate is neither part of the usual nor compared with it
    usual = coach.usual([a.metrics for a in same_language], current.language or "", (metric,)).get(metric)
    value = judged_value(current.metrics, metric)
    if not usual or not value:
        return AfterAnswer(**remarks)
    rel = pace_vs_usual(value, usual, metric)
    from furikaeri.measure import rate_as_shown

    return AfterAnswer(pace_metric=metric, usual_pace=rate_as_shown(usual, metric),
                       pace_vs_usual=round(rel, 3) if rel is not None and abs(rel) >= PACE_REMARK else None, **remarks)


def pace_vs_usual(value: float, usual: float, metric: str) -> float | None:
    """How much faster (a fraction; slower: negative) a pace of ``value`` is than the ``usual``
    one, from the two as the report and the remark show them (:func:`furikaeri.measure.rate_as_shown`):
    "25 % faster than your usual (2.9 拍/秒)" beside a report's 3.7 拍/秒 reads wrong, 3.7 being
    28 % more than 2.9 (the 25 % was 3.67 against 2.94). None where the usual shows as nothing."""
    from furikaeri.measure import rate_as_shown

    shown, usual_shown = rate_as_shown(value, metric), rate_as_shown(usual, metric)
    return (shown - usual_shown) / usual_shown if usual_shown else None


def own_usual(answers: Sequence[Answer], language: str | None) -> dict[str, float]:
    """The person's usual pace, filler rate and pitch spread over ``answers`` (earlier answers
    in one language, oldest first), by the one definition of the usual
    (:func:`furikaeri.coach.usual`)."""
    if not language:
        return {}
    from furikaeri.measure import rate_as_shown

    pace = get_rules(language).pace_key
    # the pace as the remark beside it gives it, rounded once from the median (4.0498 was kept as
    # 4.05 and shown 4.0 under a remark's 4.1: QA s42 C #3)
    return {k: rate_as_shown(v, k) if k == pace else round(v, 2)
            for k, v in coach.usual([coach.with_floors(a) for a in answers], language, (pace, *USUAL_SHOWN)).items()}


def focus_then(earlier: Sequence[Answer], current: Answer) -> Change | None:
    """How the figure the previous attempt at the same question was told to work on changed. A
    focus on the budget met by an answer now far too short for it is ``overshot`` on the length,
    as the note's check says it (:func:`furikaeri.notes.thinned`): 27 s over, then 7.8 s of 60,
    is no fix beside a report asking for more."""
    if current.question_id is None:
        return None
    previous = next((a for a in reversed(earlier) if a.question_id == current.question_id and a.id < current.id),
                    None)
    focus = coach.stored_focus(previous.focus, previous.language) if previous is not None else None
    if previous is None or not focus or focus not in METRIC_BY_NAME:
        return None
    if not judged_both(focus, previous.metrics, current.metrics):  # a rate of an answer too short for it
        return None  # moved nothing: as the note's check and compare, which show it with no verdict
    # a focus on a far too short answer asked for more (the length is otherwise not judged)
    moved = judged_change(METRIC_BY_NAME[focus], previous.metrics, current.metrics,
                          want="higher" if focus == "answer_s" else None)
    if focus == "over_s":  # under half a length the question asks for is thin too, as the note's check says
        return thinned(moved, with_asked(previous.metrics, previous.asked_s or previous.question),
                       with_asked(current.metrics, current.asked_s or current.question))
    if focus == "answer_s":  # as compare judges the same two answers (QA s49 II #3: 6.9 -> 4.1 s of 60,
        # "▼ worse" here and "= no change" in compare: 3 s on the rounded figures, 2.8 on the lengths)
        return length_change(moved, previous.metrics, current.metrics)
    return settle_counts(past_band(moved), previous.metrics, current.metrics)  # one filler more is no change


def recurring(store: Store, answers: Sequence[Answer], language: str | None) -> list[Recurring]:
    """Phrases the person keeps saying across their recent ``answers`` (one language)."""
    if not language:
        return []
    recent = list(answers)[-coach.USUAL_OF_LAST:]
    grammar = get_rules(language).not_habits  # listed by an older furikaeri (ない: QA s46 Z #6)
    habits: list[str] = []
    for a in recent:
        full = a if a.analysis is not None else store.answer(a.id, full=True)  # one not saved yet has its own
        habits += [h.get("phrase", "") for h in ((full.analysis or {}).get("habits") or ())
                   if h.get("phrase") and h.get("phrase") not in grammar]
    return coach.recurring_phrases([a.transcript or "" for a in recent], habits, language)


def _block(title: str, qid: int | None, answers: Sequence[Answer]) -> ProgressBlock:
    langs = {a.language for a in answers if a.language}
    lang = langs.pop() if len(langs) == 1 else None
    ms = metrics_for(lang) if lang else METRICS
    last_note = next((note_text(a.note) for a in reversed(answers) if a.note and not a.note.empty), None)
    return ProgressBlock(
        title=title,
        question_id=qid,
        language=lang,
        attempts=len(answers),
        first_at=answers[0].created_at if answers else None,
        last_at=answers[-1].created_at if answers else None,
        # every figure of the language, one with no points too (its answers all too short for
        # it: `left_out`), so a script finds `wpm` in each block (QA s45 T #3); views skip those
        series=tuple(s for s in (series(m, answers) for m in ms) if s.points or (lang and answers)),
        last_note=last_note,
        short_answers=sum(too_short(a.metrics) and not cut_off(a.metrics) for a in answers),
        cut_answers=sum(cut_off(a.metrics) for a in answers),
        floored=tuple(i for i in floored(answers) if i not in bounds(METRIC_BY_NAME["fillers_per_min"], answers)),
        question_key=next((a.question_key for a in reversed(answers) if a.question_key), None) if qid is not None else None,
    )


def per_question(answers: Sequence[Answer]) -> list[list[Answer]]:
    """``answers`` (oldest first) grouped by question and, within a question, by language, as
    the overall blocks and compare split them: a question answered in English and in Japanese
    has two blocks, never one trend through words a minute and characters a minute, or hedges
    per 100 words and per 300 morae. Questions in the order first answered, each question's
    languages together."""
    by_q: dict[int, dict[str, list[Answer]]] = {}
    for a in answers:
        if a.question_id is not None:
            by_q.setdefault(a.question_id, {}).setdefault(a.language or "", []).append(a)
    return [group for langs in by_q.values() for group in langs.values()]


def usual_pace(answers: Sequence[Answer], shown: Sequence[Answer] | None = None) -> dict[str, Any] | None:
    """The person's own usual pace per language, and how far the latest answer ``shown`` (all
    ``answers`` by default; one question's, or those since a date) is from it. A coach's fixed
    band does not fit everyone (METRICS.md: calibrating to the person's relaxed rate was asked
    for and done by none).

    One definition everywhere (:func:`furikaeri.coach.usual`, as the focus and the remarks after
    each answer take it) over the person's answers in the language *before* the latest one (all
    questions: the usual is the person's, not the question's); the answer judged is never part
    of the usual it is judged against. An answer too short for a rate
    (:func:`furikaeri.metrics.judged_value`) is neither. How far the latest is from the usual
    is reckoned from the two as shown (:func:`pace_vs_usual`): 3.7 against 2.9 拍/秒 is +28 %.
    ``now``: the latest shown is the newest answer in the language, so the usual is today's;
    else it is the usual as it was before that answer, and views say so (QA s40 Z5 #8: two
    "usual pace" figures in one ``progress``)."""
    from furikaeri.measure import rate_as_shown

    out: dict[str, Any] = {}
    for lang in LANGUAGES:
        name = get_rules(lang).pace_key
        latest = next((a for a in reversed(shown if shown is not None else answers)
                       if a.language == lang and judged_value(a.metrics, name)), None)
        if latest is None:
            continue
        earlier = [a.metrics for a in answers
                   if a.language == lang and a.id != latest.id and a.created_at <= latest.created_at]
        med = coach.usual(earlier, lang, (name,)).get(name)
        if not med:
            continue
        counted = min(coach.USUAL_OF_LAST, sum(judged_value(m, name) is not None for m in earlier))
        last_v = latest.metrics[name]
        rel = pace_vs_usual(last_v, med, name)  # from the two as shown, as the remark after an answer
        newest = next((a for a in reversed(answers) if a.language == lang and judged_value(a.metrics, name)), None)
        # the median as every usual pace is given, rounded once as shown (QA s45 T #1: 164.4 here, 164.0 after an answer)
        out[lang] = {"metric": name, "median": rate_as_shown(med, name), "answers": counted, "latest": last_v,
                     "latest_answer_id": latest.id, "latest_vs_usual": round(rel, 3) if rel is not None else None,
                     # the usual now, or as it was before an older answer (one question's latest)
                     "now": newest is latest}
    return out or None


def company_names(store: Store, company: str) -> set[str]:
    """The names ``company`` is kept under, as compared (:func:`furikaeri.questions.company_key`:
    up to case, width and marks): as typed and, where a company file answers to it, that file's
    [company] name and its set name (``acme-corp``, which session titles and question keys carry:
    QA s49 JJ #5, `-c acme-corp` found nothing)."""
    from furikaeri.errors import FurikaeriError
    from furikaeri.questions import company_key, get_company
    from furikaeri.store import user_questions_dir

    names = {company_key(company)}
    try:
        found = get_company(company, user_questions_dir(store.home))
    except FurikaeriError:  # no file of it (known from interviews only, or not at all)
        return names
    return names | {company_key(found.name)} | ({company_key(found.company.name)} if found.company else set())


def practised_for(store: Store, company: str) -> set[int]:
    """The ids of the sessions practised for ``company`` (:func:`company_names`). An answer
    belongs to the company its session was practised for, or whose question is its file's
    (:func:`answers_kept`): ``history``, ``progress`` and ``export`` keep a company's answers so."""
    from furikaeri.questions import company_key

    names = company_names(store, company)
    return {s.id for s in store.sessions() if company_key(s.company or "") in names}


def answers_kept(store: Store, answers: Sequence[Answer], *, since: str | None = None,
                 company: str | None = None) -> list[Answer]:
    """``answers`` saved on or after ``since`` (an ISO date on this computer's calendar; the
    archive keeps UTC times) and practised for ``company``: in a session practised for it
    (:func:`practised_for`), or to a question of its file (``abc商事:asks2``, saved by `analyze
    --save -q`: QA s49 JJ #4), each filter only when given."""
    from furikaeri.questions import company_key

    sessions = practised_for(store, company) if company else None
    names = company_names(store, company) if company else set()

    def its(a: Answer) -> bool:
        return a.session_id in sessions or any(k and company_key(k) in names for k in _set_keys(a))

    return [a for a in answers if (not since or local_minute(a.created_at)[:10] >= since)
            and (sessions is None or its(a))]


def _set_keys(a: Answer) -> list[str]:
    """The sets answer ``a`` was asked from: the set asked for when saved (its question may be kept
    under a built-in one of the same words, "Tell me about yourself.": QA s49b KK #1), else the
    question's own key's (``abc商事:asks2``)."""
    return [str(a.settings.get("set") or ""), (a.question_key or "").split(":")[0] if a.question_key else ""]


def companies_of(store: Store, answers: Sequence[Answer]) -> dict[int, str]:
    """The company each of ``answers`` was practised for, by answer id, as :func:`answers_kept`
    keeps a company's answers: its session's, else that of the company file whose question it
    answers (QA s51 TT #3: ``analyze --save -q さくら商事:asks1``, kept by ``export -c さくら商事``,
    had a blank company in the CSV). Answers of neither are left out."""
    from furikaeri.errors import FurikaeriError
    from furikaeri.questions import all_sets, company_key
    from furikaeri.store import user_questions_dir

    by_session = {s.id: s.company for s in store.sessions() if s.company}
    try:
        files = {company_key(name): qs.company.name for qs in all_sets(user_questions_dir(store.home)) if qs.company
                 for name in (qs.name, qs.company.name)}
    except (FurikaeriError, OSError):  # a broken question file: the sessions' companies still
        files = {}
    out = {}
    for a in answers:
        named = by_session.get(a.session_id) or next((files[company_key(k)] for k in _set_keys(a)
                                                      if k and company_key(k) in files), None)
        if named:
            out[a.id] = named
    return out


def progress(store: Store, *, question: str | None = None, since: str | None = None,
             company: str | None = None) -> Progress:
    """Progress over all answers (since an ISO date, practised for a company, if given), per
    language and per question; the usual pace stays the person's, over every answer."""
    # an answer none of whose figures can be read (a damaged row) has nothing to chart or count
    everything = [a for a in store.answers(full=False) if a.has_figures]
    answers = answers_kept(store, everything, since=since, company=company)
    if question:
        qid = resolve_question(store, question)
        answers = [a for a in answers if a.question_id == qid]
    blocks = tuple(_block(v[0].question or f"#{v[0].question_id}", v[0].question_id, v)
                   for v in per_question(answers))
    run = zero_filler_streak(answers)
    warnings = (ProgressWarning("zero_fillers", run),) if run >= ZERO_FILLER_RUN else ()
    langs = sorted({a.language or "" for a in answers})
    overall = tuple(_block("overall", None, [a for a in answers if (a.language or "") == lang]) for lang in langs)
    return Progress(overall=overall or (_block("overall", None, []),), questions=blocks,
                    usual_pace=usual_pace(everything, answers), warnings=warnings)
