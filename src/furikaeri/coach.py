"""One thing to work on: the figure furthest from the norm or from the person's own usual.

A report full of numbers does not tell a person what to do next. Coaches pick one thing
(ANCHORS.md); so does :func:`choose_focus`: among the figures a person can act on (length
against the budget, pace, fillers, freezing, getting to the point, hedging, a flat voice), the
one furthest outside its norm (:mod:`furikaeri.norms`) or furthest on the wrong side of the
person's own usual (:func:`usual`: the median of their recent answers in the same language),
each measured in its own step (:attr:`Gauge.step`) so that seconds, words per minute and
shares compare. Its suggestion is a sentence in the answer's language (``focus_*`` keys of the
text tables).

Everything works on the figures stored for an answer (:func:`furikaeri.store.metrics_from_analysis`),
so the focus of a new answer and of one in the archive are chosen the same way.
"""

from __future__ import annotations

import dataclasses
import statistics
from dataclasses import dataclass
from typing import Any, Literal, Mapping, Sequence

from furikaeri import norms
from furikaeri.lang import get_rules, text

#: Answers needed before the person's own usual counts, and how many recent ones it is taken from.
USUAL_MIN_ANSWERS = 3
USUAL_OF_LAST = 10

Side = Literal["high", "low"]


@dataclass(frozen=True)
class Gauge:
    """How far one figure is from where it should be. ``step``: what counts as one step off
    (a change a listener notices), so different figures compare."""

    metric: str
    step: float
    #: the figure is bad when high (``high``), low (``low``), or either side of a band (None)
    bad: Side | None = "high"
    #: a trait of the speaker, comparable across questions (pace, fillers, voice); not so the
    #: length against a budget or the opening's share of it, which depend on the question
    personal: bool = True


#: One step over the budget is 10 s, or this share of a short budget (2 s over a 10-s one).
OVER_STEP_SHARE = 0.2
#: The figures of pace: none is a focus where the report does not rate the pace.
RATE_FIGURES = frozenset({"wpm", "articulation_wpm", "chars_per_min", "morae_per_s", "off_pace_s"})


def _gauges(language: str) -> tuple[Gauge, ...]:
    rate_key = get_rules(language).pace_key  # the pace figure the archive tracks
    band = norms.RATE_BANDS[rate_key]
    return (
        Gauge("over_s", 10.0, personal=False),
        Gauge(rate_key, (band.hi - band.lo) / 2, None),
        Gauge("fillers_per_min", norms.FILLERS_OK_PER_MIN - norms.FILLERS_GOOD_PER_MIN),
        Gauge("longest_pause_s", 2.0),
        Gauge("latency_s", 2.0, personal=False),  # a freeze before the first word (the seed's author's)
        Gauge("opening_share", 0.1, personal=False),
        Gauge("hedges_per_100_words", norms.HEDGES_PER_100_HIGH),
        Gauge("monotone_share", 0.25),
    )


def _norm_limit(metric: str) -> tuple[float, float] | None:
    """The range a figure should stay in, (low, high)."""
    if metric in norms.RATE_BANDS:
        b = norms.RATE_BANDS[metric]
        return b.lo, b.hi
    limits = {
        "over_s": 0.0,
        "fillers_per_min": norms.FILLERS_GOOD_PER_MIN,
        "longest_pause_s": norms.VERY_LONG_PAUSE_S,
        "latency_s": norms.LATENCY_FREEZE_S,
        "opening_share": norms.OPENING_SHARE,
        "hedges_per_100_words": norms.HEDGES_PER_100_HIGH,
        "monotone_share": norms.MONOTONE_SHARE_HIGH,
    }
    return (float("-inf"), limits[metric]) if metric in limits else None


@dataclass(frozen=True)
class Focus:
    """The one figure to work on. ``side``: too ``high`` or too ``low``; ``usual``: the
    person's own usual for it (None before :data:`USUAL_MIN_ANSWERS` answers); ``against``:
    what it stands furthest from (``norm`` or ``usual``); ``steps``: how far, in the figure's
    own steps."""

    metric: str
    value: float
    side: Side
    limit: float
    usual: float | None
    against: Literal["norm", "usual"]
    steps: float
    #: the filler said most (as the report lists it), when fillers are the focus: the
    #: suggestion names it ("Swap 'like' for ...") rather than a filler the person never said
    word: str | None = None
    #: past the budget by no more than :data:`furikaeri.norms.SLIGHTLY_OVER_SHARE` of it: the
    #: suggestion asks for a sentence less, as the tip does, not a new structure
    slight: bool = False
    #: a slow pace whose words, between the pauses, come at a good speed
    #: (:func:`furikaeri.advice.slowed_by_silences`, as the pace tip judges it): the suggestion
    #: asks for shorter silences, not for quicker words; fillers in an answer whose tips call its
    #: silences too long (:func:`furikaeri.advice.silences_too_long`): the suggestion asks to
    #: go on without them, not for a silent pause in their place
    by_silences: bool = False
    #: the question's kind, when the length or the time to the point is the focus
    #: (:func:`furikaeri.questions.question_kind`): what to say more of, cut to, or lead with follows
    #: what it asks (a 逆質問 has no episode to tell, no conclusion to lead with)
    kind: str | None = None
    #: the hedges said most (as the report lists them, most said first), when hedges are the
    #: focus: the suggestion names those, not hedges the person never used
    said: tuple[str, ...] = ()

    def suggestion(self, language: str) -> str:
        """What to try next time, in ``language``."""
        from furikaeri.advice import kind_key

        key = f"focus_{self.metric_group}_{self.side}"
        if self.metric == "fillers_per_min":
            key += "_silences" if self.by_silences else ""
            return text(language, key + "_word", word=self.word) if self.word else text(language, key)
        if self.by_silences and self.metric_group == "rate" and self.side == "low":
            return text(language, key + "_silences")
        if self.metric == "hedges_per_100_words" and self.said:
            quoted = text(language, "quoted_list", phrases=text(language, "quoted_sep").join(self.said))
            return text(language, key + "_said", said=quoted)
        return text(language, key + "_slight" if self.slight else kind_key(key, self.kind, language))

    @property
    def metric_group(self) -> str:
        """The figure's family: ``rate`` for every pace figure."""
        return "rate" if self.metric in norms.RATE_BANDS else self.metric

    def to_dict(self) -> dict[str, Any]:
        from furikaeri.measure import rate_as_shown

        # a usual pace as every view and --json give it, rounded once as shown (QA s45 T #1: 160.8
        # here beside the remarks' 161.0); another usual to two decimals, as the remarks give it
        usual = (rate_as_shown(self.usual, self.metric) if self.metric in norms.RATE_BANDS
                 else round(self.usual, 2) if self.usual is not None else None)
        return {"metric": self.metric, "value": self.value, "side": self.side, "limit": self.limit,
                "usual": usual, "against": self.against, "steps": round(self.steps, 2), "word": self.word}


def usual(previous: Sequence[Mapping[str, Any]], language: str,
          names: Sequence[str] | None = None) -> dict[str, float]:
    """The person's own usual: for each figure (``names``; by default those of the personal
    gauges), the median of its last :data:`USUAL_OF_LAST` values over ``previous`` (answers'
    figures as stored, newest last), once there are :data:`USUAL_MIN_ANSWERS`; empty before.

    The one definition of "your usual" (the focus, the remarks after an answer, ``progress``).
    An answer too short for a rate (:func:`furikaeri.metrics.judged_value`: its fillers a
    minute, pace, voice) has no value of it, as an answer without the figure has none, and is
    left out *before* the last ten are taken: a run of short or cut-off takes neither narrows
    the usual to the few long answers among the last ten nor erases it after many answers."""
    from furikaeri.metrics import judged_value

    wanted = names if names is not None else [g.metric for g in _gauges(language) if g.personal]
    out: dict[str, float] = {}
    for name in wanted:
        # an answer whose rate is known only as a lower bound (FLOOR_KEY: "4.8+") is one of the
        # last ten too; with one among them the usual is no median of the rest (QA s53 AE #4:
        # "your usual 0.0/min" of the answers with fewest fillers, 4.3+ and 4.8+ left out): none
        values = [(float(v), False) if (v := judged_value(m, name)) is not None else (0.0, True)
                  for m in previous if judged_value(m, name) is not None or m.get(FLOOR_KEY.get(name, "")) is not None]
        values = values[-USUAL_OF_LAST:]
        if len(values) >= USUAL_MIN_ANSWERS and not any(floored for _, floored in values):
            out[name] = statistics.median(v for v, _ in values)
    return out


#: The key beside an answer's stored figures (:func:`with_floors`) holding a rate known only as
#: a lower bound, by the figure's name.
FLOOR_KEY = {"fillers_per_min": "fillers_per_min_floor"}


def with_floors(answer) -> dict[str, Any]:
    """An archived answer's figures as :func:`usual` reads them: its fillers a minute known only
    as a lower bound (:attr:`furikaeri.store.Answer.filler_floor`) under :data:`FLOOR_KEY`; none
    for an answer too short for a rate, which has no place in the usual either way."""
    from furikaeri.metrics import too_short

    floor = answer.filler_floor
    return {**answer.metrics, FLOOR_KEY["fillers_per_min"]: floor} if floor is not None \
        and not too_short(answer.metrics) else answer.metrics


def choose_focus(metrics: Mapping[str, Any], language: str, *, own_usual: Mapping[str, float] | None = None
                 ) -> Focus | None:
    """The figure of this answer furthest outside its norm, or furthest on the wrong side of
    the person's usual (by at least a step, and past where the report rates it good:
    :func:`_rated_good`), in steps; None when every figure is where it should be and none
    the report finds off is worse than usual."""
    from furikaeri.measure import short_answer

    own_usual = own_usual or {}
    answer, budget = metrics.get("answer_s"), metrics.get("budget_s")
    if answer is not None and budget and short_answer(float(answer), float(budget)):
        # far too short for the question: saying more is the thing to do, and the rates of a
        # few seconds say little (one filler in 5 s is 12 a minute; the tips say so too)
        limit = norms.SHORT_ANSWER_SHARE * float(budget)
        return Focus("answer_s", float(answer), "low", limit, None, "norm", (limit - float(answer)) / 10.0)
    best: Focus | None = None
    for g in _gauges(language):
        value = metrics.get(g.metric)
        limits = _norm_limit(g.metric)
        if value is None or limits is None:
            continue
        value = float(value)
        lo, hi = limits
        seen = _figure_as_shown(g.metric, value)  # judged against the norm as shown: 20.2 % is "20 %", within 20 %
        side: Side = "high" if seen > hi else "low" if seen < lo else ("high" if g.bad != "low" else "low")
        if g.metric == "opening_share" and value > 1.0:
            continue  # the first sentence ran past the budget: the length is the fault, not the order
        if g.metric == "fillers_per_min" and _fillers_said(metrics) <= norms.COUNT_JITTER:
            continue  # one "um" in 22 s is 2.7 a minute, and as likely the recogniser's as the speaker's
        step = g.step
        budget = metrics.get("budget_s")
        if g.metric == "over_s" and budget:  # 9 s over a 10-s budget is far, over a 120-s one a little
            step = min(step, OVER_STEP_SHARE * float(budget))
        norm_off = max(0.0, seen - hi, lo - seen) / step
        if norm_off and not _main_rate_agrees(g.metric, side, metrics, language):
            norm_off = 0.0  # 365 字/分 of kanji-dense text at 6.7 拍/秒: the report says the pace is good
        u = own_usual.get(g.metric)
        usual_off = 0.0
        if u is not None:
            worse = (value - u) if side == "high" else (u - value)
            usual_off = worse / step if worse >= step and not _rated_good(g.metric, seen, lo, hi) else 0.0
        steps = max(norm_off, usual_off)
        if steps <= 0:
            continue
        if best is None or steps > best.steps + 1e-9:
            best = Focus(g.metric, value, side, hi if side == "high" else lo, u,
                         "norm" if norm_off >= usual_off else "usual", steps,
                         slight=g.metric == "over_s" and bool(budget)
                         and value <= norms.SLIGHTLY_OVER_SHARE * float(budget))
    return best


def _rated_good(metric: str, seen: float, lo: float, hi: float) -> bool:
    """Does the report rate ``metric`` at ``seen`` (as shown) good? Such a figure is never the
    focus, however far it is from the person's usual: a focus and a tip on it would contradict
    the verdict beside them (a pace inside its band; a voice flat in 42% of the answer, "good"
    while under half of it, :data:`furikaeri.norms.MONOTONE_SHARE_HIGH`). The limit is the
    verdict's, not the coach's norm where they differ: a longest pause of 2 s is inside the 3-s
    norm, but a long pause (:data:`furikaeri.norms.LONG_PAUSE_S`) and no longer "good"."""
    if metric == "longest_pause_s":
        return seen < norms.LONG_PAUSE_S
    if metric == "monotone_share":
        return seen < norms.MONOTONE_SHARE_HIGH  # half the stretches flat is a flat voice (voice_verdict)
    if metric == "fillers_per_min":
        return norms.fillers_level(seen) == "good"
    return lo <= seen <= hi


def _fillers_said(metrics: Mapping[str, Any]) -> float:
    """The fillers behind an answer's rate: its count, else the rate over its length (infinite
    when neither is known: the rate alone decides)."""
    if metrics.get("filler_count") is not None:
        return float(metrics["filler_count"])
    if metrics.get("answer_s"):
        return float(metrics["fillers_per_min"]) * float(metrics["answer_s"]) / 60.0
    return float("inf")


def _figure_as_shown(metric: str, value: float) -> float:
    """``value`` of ``metric`` as the report and the focus line show it (the figure's digits, a
    share as a whole percentage: :class:`furikaeri.metrics.Metric`), so the focus never calls a
    figure off its norm that is shown on it."""
    from furikaeri.measure import as_shown as rounded
    from furikaeri.measure import over_shown
    from furikaeri.metrics import METRIC_BY_NAME

    if metric == "over_s":  # as the report's length row: +4 s, +0.4 s
        return over_shown(value)
    m = METRIC_BY_NAME.get(metric)
    if m is None:
        return value
    return rounded(value * m.scale, m.digits) / m.scale


def _main_rate_agrees(metric: str, side: str, metrics: Mapping[str, Any], language: str) -> bool:
    """For the tracked pace figure when the report judges pace by another, whether that one is
    off on the same side too (both languages now track the figure the report grades: wpm, and
    拍/秒 in Japanese, where 字/分 was tracked before; a language's rules may still differ)."""
    rules = get_rules(language)
    if metric != rules.pace_key or rules.rate_key == rules.pace_key or rules.rate_key not in norms.RATE_BANDS:
        return True
    main = metrics.get(rules.rate_key)
    if main is None:
        return True
    from furikaeri.measure import rate_as_shown

    band = norms.RATE_BANDS[rules.rate_key]
    main = rate_as_shown(float(main), rules.rate_key)
    return main > band.hi if side == "high" else main < band.lo


def stored_focus(focus: str | None, language: str | None) -> str | None:
    """The figure a stored focus (``Answer.focus``) is on now: a focus on any of the language's
    pace figures is on the one the archive tracks (:attr:`furikaeri.lang.Rules.pace_key`), so
    an answer saved when Japanese pace was tracked in 字/分 (``chars_per_min``) is followed up
    in the 拍/秒 the report grades, as every later one is."""
    if not focus or not language:
        return focus
    rules = get_rules(language)
    return rules.pace_key if focus in rules.rate_keys else focus


def focus_given(store, answer) -> Focus | None:
    """The focus a stored answer was given (``Answer.focus``), worked out again as it was then:
    against the norm and the usual of the answers before it."""
    if not answer.focus or not answer.language:
        return None
    earlier = [a.metrics for a in store.answers(full=False) if a.id < answer.id and a.language == answer.language]
    focus = choose_focus(answer.metrics, answer.language, own_usual=usual(earlier, answer.language))
    if focus is None or focus.metric != stored_focus(answer.focus, answer.language):
        return None
    focus = _naming_said(_naming_kind(focus, answer.question), answer.analysis, answer.language)
    return _naming_cause(_naming_filler(focus, answer.analysis), answer.analysis, answer.language)


def focus_of(analysis, *, own_usual: Mapping[str, float] | None = None) -> Focus | None:
    """:func:`choose_focus` for an :class:`~furikaeri.analysis.Analysis` (or its ``to_dict()``).
    A file cut off part through is judged without its length, and has no focus when what could
    be read is far too short for the budget (:func:`furikaeri.metrics.too_short`): the rates of
    a few seconds say little, as for any answer that short."""
    from furikaeri.metrics import too_short
    from furikaeri.store import metrics_from_analysis

    d = analysis.to_dict() if hasattr(analysis, "to_dict") else dict(analysis)
    from furikaeri.analysis import off_language

    if not d.get("speech_detected") or d.get("unheard_s") or off_language(d):  # figures off: nothing to work on
        return None
    if d.get("room_untrusted"):  # a room too loud to rate any figure (furikaeri.advice.room_too_loud)
        return None
    metrics = metrics_from_analysis(d)
    verdicts = d.get("verdicts") or {}
    if metrics.get("fillers_per_min") is None and (verdicts.get("fillers") or {}).get("level") in ("ok", "high"):
        # a count in doubt stored blank (a lower bound), yet already past the norm: still the thing to work on
        metrics["fillers_per_min"] = (d.get("stats") or {}).get("fillers_per_min")
    if (verdicts.get("rate") or {}).get("level") == "n/a":  # not rated (a loud noise inside it): no focus
        metrics = {k: v for k, v in metrics.items() if k not in RATE_FIGURES}
    if d.get("cut_short"):  # the file's end is missing: its length is no figure of the speaker's
        if too_short(metrics):  # nor are the rates of the few seconds that could be read
            return None
        metrics = {k: v for k, v in metrics.items() if k not in ("answer_s", "over_s", "over_budget")}
    focus = choose_focus(metrics, d.get("language") or "en", own_usual=own_usual)
    focus = _naming_said(_naming_kind(focus, d.get("question")), d, d.get("language") or "en")
    return _naming_cause(_naming_filler(focus, d), d, d.get("language") or "en")


def most_said_filler(fillers: Sequence[Mapping[str, Any]]) -> str | None:
    """The filler said most often (its text as listed, case folded; the earliest on a tie),
    None when there is none."""
    counts: dict[str, int] = {}
    for f in fillers:
        key = str(f.get("text") or "").strip().strip("()").lower()  # "(uh)": a sound found in the audio
        if key:
            counts[key] = counts.get(key, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None  # max keeps the first on a tie


def _naming_filler(focus: Focus | None, analysis: Mapping[str, Any] | None) -> Focus | None:
    """``focus`` with the filler said most, when fillers are its figure (``analysis``: a stored
    one of any schema; the first listed repeated words among the fillers)."""
    from furikaeri.analysis import upgrade

    if focus is None or focus.metric != "fillers_per_min" or not analysis:
        return focus
    return dataclasses.replace(focus, word=most_said_filler(upgrade(dict(analysis)).get("fillers") or ()))


def _naming_kind(focus: Focus | None, question: str | None) -> Focus | None:
    """``focus`` knowing its question's kind (:func:`furikaeri.questions.question_kind`), when the
    length is its figure: the suggestion then fits what the question asks."""
    from furikaeri.questions import question_kind

    if focus is None or focus.metric not in ("answer_s", "over_s", "opening_share", "opening_s"):
        return focus  # the length, and the point's place: a 逆質問 has no conclusion nor episode (QA s47 BB #3)
    return dataclasses.replace(focus, kind=question_kind(question))


#: The hedges a focus on them names, at most.
SAID_HEDGES = 3


def _naming_said(focus: Focus | None, analysis: Mapping[str, Any] | None, language: str) -> Focus | None:
    """``focus`` with the hedges said most (``analysis``: a stored one of any schema), most said
    first (the earliest on a tie), each as the report lists it, when hedges are its figure."""
    from furikaeri.advice import most_said
    from furikaeri.analysis import upgrade

    if focus is None or focus.metric != "hedges_per_100_words" or not analysis:
        return focus
    said = [str(h.get("text") or "") for h in upgrade(dict(analysis)).get("hedges") or ()]
    return dataclasses.replace(focus, said=tuple(most_said(said, SAID_HEDGES)))


def _naming_cause(focus: Focus | None, analysis: Mapping[str, Any] | None, language: str) -> Focus | None:
    """``focus`` knowing what slows a slow pace (``by_silences``) by the rule of the pace tip,
    from ``analysis`` (a stored one of any schema: its rate figures); for fillers, whether the
    tips call the silences too long (:func:`furikaeri.advice.silences_too_long`: a pause in a
    filler's place would be asked for beside a tip saying the pauses are the fault)."""
    from furikaeri.advice import silences_too_long, slowed_by_silences
    from furikaeri.analysis import upgrade

    if focus is None or not analysis:
        return focus
    if focus.metric == "fillers_per_min":
        return dataclasses.replace(focus, by_silences=silences_too_long(upgrade(dict(analysis)), language))
    if focus.metric not in norms.RATE_BANDS or focus.side != "low":
        return focus
    return dataclasses.replace(focus, by_silences=slowed_by_silences(upgrade(dict(analysis)).get("rate"), language))


@dataclass(frozen=True)
class Recurring:
    """A phrase said in ``answers`` of the person's last ``of`` answers."""

    phrase: str
    answers: int
    of: int

    def to_dict(self) -> dict[str, Any]:
        return {"phrase": self.phrase, "answers": self.answers, "of": self.of}


#: A phrase is a habit across answers when it is in at least this many of the last
#: :data:`USUAL_OF_LAST` answers, and in at least half of them.
RECURRING_MIN_ANSWERS = 4


#: How many times a phrase that was a habit in one answer (not one of the language's listed tics)
#: is said in another for that answer to count it as the habit again (:func:`recurring_phrases`).
HABIT_IN_AN_ANSWER = 2


def recurring_phrases(transcripts: Sequence[str], habit_phrases: Sequence[str], language: str) -> list[Recurring]:
    """Phrases that keep coming back across answers: the language's verbal tics
    (``Rules.tic_phrases``: basically, 正直, やっぱり, ...) and any phrase that was a habit within
    one answer (said 3 times or more), counted by the answers they occur in, over the last
    :data:`USUAL_OF_LAST` ``transcripts`` (oldest first). Topic words are left alone: only a
    tic, or a phrase that already stood out inside an answer, is a habit."""
    rules = get_rules(language)
    recent = list(transcripts)[-USUAL_OF_LAST:]
    if len(recent) < RECURRING_MIN_ANSWERS:
        return []
    out = []
    tics = set(rules.tic_phrases)
    for phrase in dict.fromkeys((*rules.tic_phrases, *habit_phrases)):
        # a listed tic counts where it is said; a phrase that was a habit in one answer only where it is
        # said more than once, as a habit is: a word of the story said once is no tic (QA s54 AI #2: one
        # mishearing made "things" a habit, then "making things people use" counted it in 6 of 10)
        least = 1 if phrase in tics else HABIT_IN_AN_ANSWER
        n = sum(_says(x, phrase, rules) >= least for x in recent)
        if n >= RECURRING_MIN_ANSWERS and n * 2 >= len(recent):
            out.append(Recurring(phrase, n, len(recent)))
    out.sort(key=lambda r: (-r.answers, r.phrase))
    return out


def _says(transcript: str, phrase: str, rules) -> int:
    """How many times ``transcript`` holds ``phrase`` as a whole (whole words: どう is not in
    どうぞ) and as the tic it is. A phrase that is a filler or a hedge only in some uses
    (:func:`furikaeri.content.context_ruled`: "kind of", "I mean", "like") counts only where the
    language's filler and hedge rules find it there, not in "that kind of teaching", "I mean
    to keep doing" or "I like solving problems"."""
    from furikaeri.content import context_ruled, ruled_spans

    found = _said_at(transcript, phrase, rules)
    if not found or not context_ruled(phrase, rules):
        return len(found)
    used = ruled_spans(transcript, rules)
    return sum(any(s < b and a < e for a, b in used) for s, e in found)


def _said_at(transcript: str, phrase: str, rules) -> list[tuple[int, int]]:
    """The character spans where ``transcript`` says ``phrase`` as whole words (in a language
    written without spaces, as the phrase's words in a row: ``Rules.diff_tokens``)."""
    if rules.joiner:
        import re

        return [m.span() for m in re.finditer(r"(?<![\w'])" + re.escape(phrase) + r"(?![\w'])", transcript, re.I)]
    from furikaeri.content import said_words

    said, want = said_words(transcript, rules), [w.lower() for w in rules.diff_tokens(phrase)]
    n = len(want)
    return [(said[i][1], said[i + n - 1][2]) for i in range(len(said) - n + 1)
            if n and [w for w, _, _ in said[i:i + n]] == want
            and not transcript.startswith(rules.tic_not_before, said[i + n - 1][2])]
