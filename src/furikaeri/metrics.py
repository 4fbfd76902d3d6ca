"""The figures tracked over time in the archive, and how a change in one is judged.

A :class:`Metric` names a figure of an answer's ``metrics`` (``Answer.metrics``, written by
:mod:`furikaeri.store`), says which direction is better and how small a change is noise.
:func:`change` judges one figure between two attempts; :func:`compare_metrics` every figure of
a language. Names and units a person sees come from the language text tables
(``metric_<name>``, ``value_<name>``: :func:`furikaeri.lang.text`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping

from furikaeri import norms
from furikaeri.lang import get_rules, text


@dataclass(frozen=True)
class Metric:
    """A figure tracked over time. ``better``: ``lower``, ``band`` (inside ``band`` is best,
    distance outside it is the score) or ``None`` (shown, not judged). ``same``: a change
    smaller than this is "no change" (measurement noise between takes). ``language``: the
    figure exists only for answers in this language (None: for all)."""

    name: str
    better: str | None
    same: float
    digits: int = 1
    language: str | None = None
    band: tuple[float, float] | None = None
    #: shown times this (1 for most; 100 for a share shown as a percentage)
    scale: float = 1.0
    #: the figure of the same answer a change of this one is judged by (:func:`judging`), where
    #: this one is shown over time but is not the report's verdict
    judged_by: str | None = None

    def label(self, lang: str) -> str:
        """The figure's name in language ``lang``."""
        return text(lang, f"metric_{self.name}")

    def with_unit(self, number: str, lang: str, language: str | None = None) -> str:
        """``number`` (already formatted) with the figure's unit, as language ``lang`` writes it
        for an answer in ``language`` (:func:`unit_key`: hedges are counted per 100 English
        words, per 300 Japanese morae, whatever language the view is in)."""
        return text(lang, unit_key(self.name, lang, language), value=number)

    def score(self, value: float | None) -> float | None:
        """Lower is better; ``None`` when the metric is not judged or has no value."""
        if value is None or self.better is None:
            return None
        if self.name == "over_s":
            return max(0.0, value)
        if self.name == "latency_s":  # a think is no fault: only a freeze is (a best is not the quickest start)
            return max(0.0, value - LATENCY_FREEZE_S)
        if self.better == "lower":
            return value
        if self.better == "higher":
            return -value
        if self.better == "band" and self.band:
            lo, hi = self.band
            return max(0.0, lo - value, value - hi)
        return None


def unit_key(name: str, lang: str, language: str | None) -> str:
    """The text key of figure ``name``'s unit in ``lang`` for an answer in ``language``: the
    answer's own (``value_<name>_<language>``, where a unit depends on what was counted:
    hedges per 100 English words, per 300 Japanese morae) before the figure's. The one rule of
    every view (history, compare, progress, the report, the journal)."""
    own = f"value_{name}_{language}"
    return own if language and own in get_rules(lang).labels else f"value_{name}"


#: The tracked figures, in display order. Pitch spread is better higher: a flat voice is the
#: fault (a spread far above the norm is rare in interview answers). Pace is judged against the
#: same bands as the report (:data:`furikaeri.norms.RATE_BANDS`), on the figure the report grades:
#: Japanese morae per second. Characters per minute are shown (the 就活 norm people know, and the
#: person's usual pace) but not judged over time: how many there are depends on how many kanji
#: Whisper writes, so a faster answer in morae can have fewer characters (a change of pace is
#: judged on morae: ``judged_by``). Long pauses are tracked a minute, as fillers are: a count
#: would make a shorter answer with more freezes a minute read better.
METRICS: tuple[Metric, ...] = (
    Metric("answer_s", None, 3.0, 0),
    Metric("over_s", "lower", 3.0, 0),
    Metric("fillers_per_min", "lower", 0.5, 1),
    Metric("repetitions_per_min", "lower", 0.5, 1),
    Metric("wpm", "band", 5.0, 0, "en", (norms.WPM.lo, norms.WPM.hi)),
    Metric("chars_per_min", None, 15.0, 0, "ja", judged_by="morae_per_s"),
    Metric("morae_per_s", "band", 0.3, 1, "ja", (norms.MORAE_PER_S.lo, norms.MORAE_PER_S.hi)),
    Metric("long_pauses_per_min", "lower", 0.5, 1),
    Metric("longest_pause_s", "lower", 0.5, 1),
    Metric("latency_s", "lower", 0.5, 1),
    # the coach layer: time to the point, hedging, vocal variety, time off pace
    Metric("opening_s", None, 2.0, 1),
    Metric("opening_share", "lower", 0.05, 0, scale=100.0),
    Metric("hedges_per_100_words", "lower", 0.5, 1),
    Metric("pitch_spread_st", "higher", 0.3, 1),
    Metric("monotone_share", "lower", 0.1, 0, scale=100.0),
    Metric("loudness_range_db", None, 2.0, 0),
    Metric("off_pace_s", "lower", 3.0, 0),
)
METRIC_BY_NAME = {m.name: m for m in METRICS}


def judging(metric: Metric) -> Metric:
    """The figure a change of ``metric`` is judged by: its ``judged_by`` (Japanese characters a
    minute: morae a second, the report's verdict), else itself. One rule for every judgement of a
    pace over time (a note's check, the last focus's follow-up), so that a pace never reads
    "worse" in characters beside "better" in morae."""
    return METRIC_BY_NAME.get(metric.judged_by, metric) if metric.judged_by else metric


def judged_pace(language: str | None) -> str:
    """The pace figure of answers in ``language`` a change of pace is judged on (:func:`judging`
    of the pace the archive tracks): words a minute; morae a second, as the report grades it."""
    return judging(METRIC_BY_NAME[get_rules(language or "").pace_key]).name


#: Time to the first word is graded only from a freeze (:data:`furikaeri.norms.LATENCY_FREEZE_S`):
#: under it a change is shown, never graded (a short think before answering is good practice,
#: and a note may ask for one: "pause before answering").
LATENCY_FREEZE_S = norms.LATENCY_FREEZE_S


#: Figures that mean the same in an answer of any length: its length, its place against the
#: budget, the time to its first word. The others are rates and shares over the answer (pace,
#: fillers a minute, pauses, hedges, the opening, the voice), of which a few seconds say little.
LENGTH_FIGURES = frozenset({"answer_s", "over_s", "latency_s"})


def too_short(metrics: Mapping[str, Any]) -> bool:
    """Is the answer of ``metrics`` (its stored figures) far too short for its budget, as the
    report judges it (:func:`furikaeri.measure.short_answer`: under
    :data:`furikaeri.norms.SHORT_ANSWER_SHARE` of it): the answer whose rates the report says
    little of, and gives no tip or focus on?"""
    answer, budget = metrics.get("answer_s"), metrics.get("budget_s")
    if answer is None or not budget:
        return False
    from furikaeri.measure import short_answer

    return short_answer(float(answer), float(budget))


def short_of_asked(metrics: Mapping[str, Any]) -> bool:
    """Is the answer of ``metrics`` under :data:`furikaeri.norms.ASKED_LENGTH_SHORT_SHARE` of a
    length its question asks for (``asked_s``, given by the caller that knows the question:
    :func:`furikaeri.questions.asked_length`; 「1分で自己紹介を」), as the report's tip says it
    (:func:`furikaeri.advice._short_of_asked`)?"""
    asked, answer, budget = metrics.get("asked_s"), metrics.get("answer_s"), metrics.get("budget_s")
    if asked is None or answer is None or not budget or abs(float(asked) - float(budget)) > 0.5:
        return False
    from furikaeri.measure import ANSWER_DIGITS, as_shown

    return as_shown(float(answer), ANSWER_DIGITS) < norms.ASKED_LENGTH_SHORT_SHARE * float(budget)


def with_asked(metrics: Mapping[str, Any], asked: float | str | None) -> Mapping[str, Any]:
    """``metrics`` with ``asked_s``, the length its question asks for (``asked``: seconds, or the
    question's words), where it asks one; as they are where it does not, or where they have it."""
    from furikaeri.questions import asked_length

    asked = asked_length(asked) if isinstance(asked, str) else asked
    return metrics if asked is None or metrics.get("asked_s") is not None else {**metrics, "asked_s": asked}


def cut_off(metrics: Mapping[str, Any]) -> bool:
    """Did the recording of the answer of ``metrics`` (its stored figures) stop before the
    answer did: ``record``'s or ``practice``'s time limit cut the take while the person was
    still speaking short of the budget, or the file ends before its end (its analysis's
    ``cut_short``)? Its length is then the recording's, not the answer's, and is stored with no
    place against the budget (:func:`furikaeri.store.metrics_from_analysis`): a length and a
    budget, and ``over_budget`` and ``over_s`` stored blank, which every other answer with a
    budget has (figures made without an ``over_budget`` at all are of no stored answer)."""
    return (metrics.get("answer_s") is not None and bool(metrics.get("budget_s")) and "over_budget" in metrics
            and metrics["over_budget"] is None and metrics.get("over_s") is None)


def judged_value(metrics: Mapping[str, Any], name: str) -> float | None:
    """Figure ``name`` of an answer's stored ``metrics`` as trends, bests, means and the usual
    take it: None where it is missing, or where the answer is too short for it (:func:`too_short`;
    its :data:`LENGTH_FIGURES` stay). Three 5-s answers with no filler are no personal best of
    0.0 fillers a minute. The length of an answer the recording cut off (:func:`cut_off`) is
    none either: the answer went on past it."""
    value = metrics.get(name)
    if value is None or (name not in LENGTH_FIGURES and too_short(metrics)):
        return None
    if name == "answer_s" and cut_off(metrics):
        return None
    return value


#: Figures that count something (pauses, fillers, repeated words, words, hedges): whole numbers
#: in every view and ``--json`` (3, never 3.0 in one command and 3 in another), as the archive keeps them.
COUNTS = frozenset({"filler_count", "repetitions", "long_pauses", "word_count", "hedges"})


def as_figure(name: str, value: Any) -> Any:
    """``value`` of figure ``name`` as ``--json`` gives it: a count that is whole as an integer
    (a median of two counts can be a half: 2.5 stays), anything else as it is."""
    if name in COUNTS and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def time_over(over_s: float | None, within: bool | None = None) -> float | None:
    """The time past the budget (``over_s``) as every view gives it: 0 for an answer within it
    (the stored figure is the answer's length less the budget, negative within it, where seconds
    to spare read as a time over: -59.6 beside a CSV's 0), and 0 where the answer is within it
    as shown (60.04 s of a 60-s budget is shown 60.0 s: :func:`in_norm`) or where ``within``
    (``not over_budget``) says so."""
    if over_s is None:
        return None
    return 0.0 if within or in_norm("over_s", over_s) else float(over_s)


def documented(metrics: Mapping[str, Any]) -> dict[str, Any]:
    """An answer's stored figures as every ``--json`` and the CSV give them (the README's
    meaning): ``over_s`` the time past the budget (:func:`time_over`), counts whole
    (:func:`as_figure`). The signed difference is ``answer_s`` less ``budget_s``, both given."""
    return {k: documented_value(metrics, k) for k in metrics}


def documented_value(metrics: Mapping[str, Any], name: str) -> Any:
    """Figure ``name`` of an answer's stored ``metrics`` as documented (:func:`documented`)."""
    if name == "over_s":
        said = metrics.get("over_budget")
        return time_over(metrics.get(name), within=said is not None and not said)
    return as_figure(name, metrics.get(name))


def answer_document(doc: dict[str, Any]) -> dict[str, Any]:
    """A stored answer's document (``Answer.to_dict()``) with its figures as documented
    (:func:`documented`): the one form history, show, export and compare give."""
    return {**doc, "metrics": documented(doc.get("metrics") or {})} if "metrics" in doc else doc


def metrics_for(language: str | None) -> tuple[Metric, ...]:
    """The figures of answers in ``language``."""
    return tuple(m for m in METRICS if m.language in (None, language))


@dataclass(frozen=True)
class Change:
    """One metric between two attempts. ``verdict``: ``better``, ``worse``, ``same`` or
    ``n/a`` (missing on one side, or not judged)."""

    metric: str
    before: float | None
    after: float | None
    delta: float | None
    verdict: str
    #: the verdict is of the answers' distance from the figure's norm, not of ``before`` and
    #: ``after`` (a session's mean, a trend's median), which held or moved the other way
    #: (:func:`norm_change`): it is said of the answers ("answers further off the range"); a
    #: ``same`` so judged is values that moved inside the norm over answers off it: never
    #: said "within the norm"
    by_answers: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The change as ``--json`` gives it: the time over budget as every view says it
        (:func:`time_over`: 0 within it, never the seconds to spare), a count whole (3, not 3.0)."""
        before, after, delta = self.before, self.after, self.delta
        if self.metric == "over_s" and before is not None and after is not None:
            before, after = time_over(before), time_over(after)
            delta = round(after - before, 3)
        d = {"metric": self.metric, "before": as_figure(self.metric, before), "after": as_figure(self.metric, after),
             "delta": as_figure(self.metric, delta), "verdict": self.verdict}
        if self.by_answers:
            d["by_answers"] = True
        if self.verdict in ("better", "worse") and crossed(self.metric, self.before, self.after):
            # where the figure went against its norm, as the table says it ("▼ left the range"): QA s43 E #4
            d["crossed"] = "into" if in_norm(self.metric, self.after) else "left"
        return d


def _norm_test(name: str):
    """The test of "where it should be" for figure ``name`` (the report's own norms, on the
    figure as shown), or None for a figure with no norm (the answer's length, repetitions: only
    their direction is judged). The time to the first word is judged only past a freeze
    (:data:`LATENCY_FREEZE_S`)."""
    from furikaeri.measure import ANSWER_DIGITS, PAUSE_DIGITS, PER_DIGITS, as_shown, over_as_shown, \
        pause_kind, rate_as_shown, share_as_shown

    tests = {
        "over_s": lambda v: over_as_shown(v) <= 0,  # within the budget
        "fillers_per_min": lambda v: as_shown(v, PER_DIGITS) <= norms.FILLERS_GOOD_PER_MIN,
        "long_pauses_per_min": lambda v: v <= 0,  # the pauses verdict is "good" only without a long one
        "longest_pause_s": lambda v: pause_kind(as_shown(v, PAUSE_DIGITS)) != "very_long",
        "opening_share": lambda v: share_as_shown(v) <= norms.OPENING_SHARE,
        "hedges_per_100_words": lambda v: as_shown(v, PER_DIGITS) <= norms.HEDGES_PER_100_HIGH,
        "pitch_spread_st": lambda v: as_shown(v, 1) >= norms.MONOTONE_ST,
        "monotone_share": lambda v: share_as_shown(v) < norms.MONOTONE_SHARE_HIGH,
        "off_pace_s": lambda v: as_shown(v, ANSWER_DIGITS) <= 0,
        "latency_s": lambda v: as_shown(v, 1) < LATENCY_FREEZE_S,  # a think, not a freeze
    }
    if name in norms.RATE_BANDS:
        band = norms.RATE_BANDS[name]
        return lambda v: band.lo <= (rate_as_shown(v, name) or 0.0) <= band.hi
    return tests.get(name)


def in_norm(name: str, value: float | None) -> bool:
    """Is ``value`` of figure ``name`` where the report says it should be (its norm in
    :mod:`furikaeri.norms`, judged on the figure as shown: 20.2 % of the budget is 20 %, within
    20 %)? False for a missing value or a figure with no norm."""
    test = _norm_test(name)
    return value is not None and test is not None and bool(test(float(value)))


def crossed(name: str, before: float | None, after: float | None) -> bool:
    """Did figure ``name`` go from inside its norm to outside it, or back (:func:`in_norm`, as
    shown), between ``before`` and ``after``?"""
    return (before is not None and after is not None and has_norm(name)
            and in_norm(name, before) != in_norm(name, after))


def has_norm(name: str) -> bool:
    """Has figure ``name`` a norm :func:`in_norm` judges it by?"""
    return _norm_test(name) is not None


#: The limit of each figure judged by one (:func:`_norm_test`), in the figure's stored unit:
#: ``(side, limit)``, side +1 for a ceiling (fillers, hedges, the longest pause), -1 for a floor
#: (the voice's spread). A figure judged by a band has its band instead (:meth:`Metric.score`).
_LIMITS: dict[str, tuple[int, float]] = {
    "over_s": (1, 0.0),
    "fillers_per_min": (1, norms.FILLERS_GOOD_PER_MIN),
    "long_pauses_per_min": (1, 0.0),
    "longest_pause_s": (1, norms.VERY_LONG_PAUSE_S),
    "opening_share": (1, norms.OPENING_SHARE),
    "hedges_per_100_words": (1, norms.HEDGES_PER_100_HIGH),
    "pitch_spread_st": (-1, norms.MONOTONE_ST),
    "monotone_share": (1, norms.MONOTONE_SHARE_HIGH),
    "off_pace_s": (1, 0.0),
    "latency_s": (1, LATENCY_FREEZE_S),
}


def norm_distance(metric: Metric, value: float | None) -> float | None:
    """How far ``value`` of ``metric`` lies from where it should be, in its stored unit: 0
    inside its norm (:func:`in_norm`, the figure as shown), else its distance from the band
    (:meth:`Metric.score`) or past the limit (:data:`_LIMITS`; a value on a strict limit, a
    pause of 3.0 s, is off it by a hair). None for a figure not judged against a norm. The one
    measure by which a session's mean and a trend are judged on their answers
    (:func:`norm_change`) and a session's answers counted off the norm."""
    if value is None or metric.better is None or not has_norm(metric.name):
        return None
    if metric.better == "band" and metric.band:
        return metric.score(value)
    if metric.name not in _LIMITS or in_norm(metric.name, value):
        return 0.0
    side, limit = _LIMITS[metric.name]
    return max(side * (float(value) - limit), 1e-6)


def norm_bounds(metric: Metric) -> tuple[float | None, float | None] | None:
    """Where ``metric`` should be, as (low, high): its band, or its limit on the side it holds
    (None on the open side: a ceiling has no low); None for a figure with no norm."""
    if metric.better == "band" and metric.band:
        return metric.band
    if metric.name not in _LIMITS:
        return None
    side, limit = _LIMITS[metric.name]
    return (None, limit) if side > 0 else (limit, None)


def off_norm(metric: Metric, value: float | None) -> bool:
    """Is ``value`` of ``metric`` off its norm (:func:`norm_distance`)?"""
    return (norm_distance(metric, value) or 0.0) > 0


def held_in_norm(c: Change) -> bool:
    """Did the figure of ``c`` move, as shown, while staying where it should be at both ends
    (:func:`in_norm`)? Such a change is no change to judge: an opening at 3 % and then 10 % of
    the budget (good up to 20 %) is not "worse", a voice at 3.4 and then 2.9 semitones (flat
    under 1.5) not either."""
    m = METRIC_BY_NAME.get(c.metric)
    if m is None or c.before is None or c.after is None or not (in_norm(c.metric, c.before) and in_norm(c.metric, c.after)):
        return False
    shown = round(c.after * m.scale, m.digits) - round(c.before * m.scale, m.digits)
    return abs(shown) >= m.same * m.scale - 1e-9


def change(metric: Metric, before: float | None, after: float | None, *, want: str | None = None) -> Change:
    """Classify a change. ``want`` (``lower``/``higher``) overrides the metric's own direction,
    e.g. a note that says "slow down". Judged by the figure's own direction, a change that
    stays where the figure should be at both ends (:func:`held_in_norm`) is ``same``: held."""
    if before is None or after is None:
        return Change(metric.name, before, after, None, "n/a")
    delta = round(after - before, 3)
    if metric.better is None and want is None:  # shown, not judged: never "same" one time, "–" the next
        return Change(metric.name, before, after, delta, "n/a")
    # "no change" is judged on the change as shown (0.29 st shows as +0.3 and is a change); a move
    # across the figure's norm is a change however small, as the two reports' verdicts differ
    # (the longest pause 2.7 -> 3.1 s: a freeze now), and as a session's mean or a trend says it
    shown = round(after * metric.scale, metric.digits) - round(before * metric.scale, metric.digits)
    if abs(shown) < metric.same * metric.scale - 1e-9 and not crossed(metric.name, before, after):
        return Change(metric.name, before, after, delta, "same")
    if want in ("lower", "higher"):
        good = delta < 0 if want == "lower" else delta > 0
        if good and metric.better == "band" and (metric.score(after) or 0) > (metric.score(before) or 0):
            good = False  # "slow down", from 126 to 90 wpm: past the good band, not better
        return Change(metric.name, before, after, delta, "better" if good else "worse")
    sb, sa = metric.score(before), metric.score(after)
    if in_norm(metric.name, before) and in_norm(metric.name, after):  # held where it should be
        return Change(metric.name, before, after, delta, "same")
    if sb is None or sa is None:
        return Change(metric.name, before, after, delta, "n/a")
    return Change(metric.name, before, after, delta, _score_verdict(metric, sb, sa))


def _score_verdict(metric: Metric, before: float, after: float, *, stepped: bool = False) -> str:
    """``better``, ``worse`` or ``same``, from a figure's scores (:meth:`Metric.score`, lower
    is better) at two ends. For a figure judged by a band the score is its distance from the
    band, in the figure's unit: a distance off the band at both ends that moved less than the
    figure's own step is no change (115 -> 163 wpm: as far off the range on its other side);
    reaching the band or leaving it is a change however near its edge (157 -> 117 wpm).
    ``stepped``: the scores are distances from a limit (:func:`norm_distance`), judged so too."""
    gap = after - before
    off_both = before > 1e-9 and after > 1e-9
    if abs(gap) < 1e-9 or ((stepped or metric.better == "band") and off_both and abs(gap) < metric.same - 1e-9):
        return "same"
    return "better" if gap < 0 else "worse"


def norm_change(c: Change, far_before: float, far_after: float) -> Change:
    """``c``, the change of a figure's centre over several answers (a session's mean, a trend's
    median: the values shown), judged on how far those answers lie from the figure's norm
    (``far_before``/``far_after``: their mean or median :func:`norm_distance`). One rule for
    the session means and the progress trends, for a figure judged by a band (pace) as for one
    judged by a limit (the longest pause, hedges):

    - a distance that moved less than the figure's step is no change (``same``), as for one
      answer (:func:`_score_verdict`: reaching the norm or leaving it is a change);
    - a verdict the shown values agree with is theirs ("into the range", "further from the
      range");
    - else the values held, or moved the other way, while the answers spread off the norm or
      gathered into it (126, 210 and 90 wpm have a mean inside 120-160 and two answers far
      off it; pauses of 1.1 and 3.6 s a mean under 3 s): the verdict is the answers'
      (``by_answers``), said of them, never of the values shown; values that came toward the
      norm never read "further from the range";
    - values that moved inside the norm ("held", :func:`held_in_norm`) over answers off it
      at either end are ``same`` ``by_answers``: no change, and never "within the norm";
    - values that left the norm (:func:`crossed`: a mean of 132 wpm, then 169, past 120-160)
      over answers as far off it as before keep their verdict, "left the range": a mean shown
      leaving the norm is never "same" (QA s42 D #4); values that came into it over answers as
      far off it as before are no change, said of the answers (QA s54 AI #1: a median of 105,
      then 126 wpm, over 126, 96, 105 and then 62, 126, 176 wpm read "▲ nearer the range"
      beside a latest 176 wpm, where the sessions view said "answers further off the range")."""
    m = METRIC_BY_NAME.get(c.metric)
    if m is None or not has_norm(c.metric) or m.better is None or c.verdict not in ("better", "worse", "same"):
        return c
    verdict = _score_verdict(m, far_before, far_after, stepped=True)
    if verdict == "same" and c.verdict != "same" and crossed(c.metric, c.before, c.after):
        return c if c.verdict == "worse" else replace(c, verdict="same", by_answers=True)
    if verdict == c.verdict:
        if verdict == "same" and max(far_before, far_after) > 0 and held_in_norm(c):
            return replace(c, by_answers=True)
        return c
    return replace(c, verdict=verdict, by_answers=verdict != "same")


def judged_change(metric: Metric, before: Mapping[str, Any], after: Mapping[str, Any], *,
                  want: str | None = None) -> Change:
    """:func:`change` of figure ``metric`` between two answers' stored metrics ``before`` and
    ``after``, ``n/a`` where either answer is too short for it (:func:`judged_value`): the one
    rule of the comparison views, the note's check and the last focus's, so that a pace of a
    10-s answer is judged in none of them. Its value is shown all the same. A figure judged by
    another (:func:`judging`) is that one's change: a focus on the characters a minute is
    followed up in morae a second."""
    return _judged_change(judging(metric), before, after, want=want)


def _judged_change(metric: Metric, before: Mapping[str, Any], after: Mapping[str, Any], *,
                   want: str | None = None) -> Change:
    """:func:`judged_change` of ``metric`` itself."""
    c = change(metric, before.get(metric.name), after.get(metric.name), want=want)
    if c.verdict != "n/a" and not judged_both(metric.name, before, after):
        return replace(c, verdict="n/a")
    if metric.name == "off_pace_s" and c.verdict in ("better", "worse") and not off_pace_agrees(c, before, after):
        return replace(c, verdict="n/a")
    return past_budget(c, after) if want == "higher" else c


def off_pace_agrees(c: Change, before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Does the time off pace's change ``c``, in seconds, go the way its share of the answer
    goes? A shorter answer has fewer seconds of anything: 53 s off pace of 111 s, then 24 s of
    38 s, read "▲ better" beside the pace "▼ further from the range" (QA s46 AA #1). Where the two
    disagree, or the share moved less than :data:`OFF_PACE_SHARE_STEP`, the change is shown, not judged."""
    lengths = before.get("answer_s"), after.get("answer_s")
    if not all(isinstance(x, (int, float)) and x > 0 for x in lengths):
        return True
    share_b, share_a = c.before / lengths[0], c.after / lengths[1]
    if abs(share_a - share_b) < OFF_PACE_SHARE_STEP:  # 99.8 % → 98.2 %: off pace throughout, both (QA s52 AC #5)
        return False
    return (share_a < share_b) == (c.verdict == "better")


#: The least change of the share of an answer off pace that is one: the pace is read in 10-s
#: windows a second apart, so a share a few points apart is the same answer read again (a whole
#: answer off the range both times, 46 s of 46 then 33 s of 34, read "▲ better").
OFF_PACE_SHARE_STEP = 0.05


def past_budget(c: Change, after: Mapping[str, Any]) -> Change:
    """``c``, a longer answer asked for (``answer_s`` wanted higher: the focus on a far too short
    answer, a note "say more"), as ``overshot`` where the longer answer now runs over its budget
    (:func:`in_norm` of ``over_s``, as the report's length row shows it; ``after``: the later
    answer's figures): 4.9 s, then 86.9 s of a 60-s budget did what was asked and is now past
    the budget on the other side, which "better" beside the new focus "over budget" would hide.
    The one rule of the note's check and the last focus's follow-up."""
    over = after.get("over_s")
    if c.metric != "answer_s" or c.verdict != "better" or over is None or in_norm("over_s", over):
        return c
    return replace(c, verdict="overshot")


def judged_both(name: str, before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    """Are both answers long enough for figure ``name`` to be judged between them
    (:func:`judged_value`; a figure missing on either side is not judged either)?"""
    return judged_value(before, name) is not None and judged_value(after, name) is not None


def compare_metrics(before: dict[str, Any], after: dict[str, Any], language: str | None) -> list[Change]:
    """Every figure of ``language`` between two attempts' metrics; a rate of an answer too short
    for it (:func:`judged_value`) is shown and not judged (``n/a``)."""
    return [_judged_change(m, before, after) for m in metrics_for(language)]  # each its own row
