"""Rich rendering of the practice archive: history, one answer's notes, comparisons, progress
with a small terminal chart, question sets, companies, logged interviews.

Receives records and results (from :mod:`furikaeri.store`, :mod:`furikaeri.session`,
:mod:`furikaeri.compare` and :mod:`furikaeri.progress`) and never touches the database. Every
label comes from the text table of ``lang`` (:func:`furikaeri.lang.text`).
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from rich.console import Console, Group
from rich.constrain import Constrain
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from furikaeri import norms
from furikaeri.compare import RATE_COUNTS, AnswerComparison, SessionComparison, TextDiff, length_off, unrated
from furikaeri.lang import LANGUAGES, filler_named, get_rules, language_name, pick_lang, text
from furikaeri.metrics import (
    METRIC_BY_NAME, Change, as_figure, change, crossed, cut_off, has_norm, held_in_norm, in_norm, judged_value, off_norm,
    too_short, unit_key, with_asked,
)
from furikaeri.notes import COUNTED, FILLER_WORD, FixCheck, OrderChange, WordChange, note_text, one_line
from furikaeri.progress import AfterAnswer, Progress, ProgressBlock, ends_size
from furikaeri.report.wrap import (
    LIST_BREAKS,
    fit_line,
    hanging,
    pack,
    stacked,
    unspaced,
    verdict_least,
    wrap_phrases,
    wrap_unspaced,
    wrap_verdict,
)
from furikaeri.session import Before
from furikaeri.store import Answer, Interview, Note


def t(key: str, lang: str, **kw: Any) -> str:
    """A string of the text table of ``lang`` (:func:`furikaeri.lang.text`)."""
    return text(lang, key, **kw)


# --------------------------------------------------------------------------- small pieces

_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], same: float = 0.0) -> str:
    """One character per value, ▁ (lowest) to █ (highest); a flat series is a flat line.

    ``same`` is the figure's "no change" step (:attr:`furikaeri.metrics.Metric.same`): the chart
    spans at least that step per bar, so changes within the measurement's noise stay within a
    bar or two instead of filling the whole height (48.0 and 48.2 fillers... are one height)."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    span = max(hi - lo, same * (len(_BARS) - 1))
    if span < 1e-9:
        return _BARS[3] * len(values)
    lo = (lo + hi - span) / 2  # the series sits in the middle of the wider span
    return "".join(_BARS[round((v - lo) / span * (len(_BARS) - 1))] for v in values)


def shown_digits(metric: str, value: float | None = None) -> int:
    """The decimals figure ``metric`` (of ``value``) is written with in every view, as the
    report writes it: the answer's length to tenths (22.1 s, :data:`furikaeri.measure.ANSWER_DIGITS`),
    a pace by its name (285 wpm, 80 wpm, 5.6 拍/秒: :func:`furikaeri.measure.rate_digits`), any other
    figure with its :attr:`~furikaeri.metrics.Metric.digits`."""
    from furikaeri.measure import ANSWER_DIGITS, rate_digits

    if metric == "answer_s":
        return ANSWER_DIGITS
    if (metric in norms.RATE_BANDS or metric == "morae_per_s") and value is not None:
        return rate_digits(value, metric)
    m = METRIC_BY_NAME.get(metric)
    return m.digits if m else 1


def fmt_value(metric: str, value: float | None, lang: str, *, language: str | None = None, unit: bool = True,
              signed: bool = False, digits: int | None = None) -> str:
    """``value`` of figure ``metric`` as every view writes it (:func:`shown_digits`, or
    ``digits``), with its unit as ``lang`` writes it for an answer in ``language``
    (:meth:`~furikaeri.metrics.Metric.with_unit`: hedges per 100 English words, per 300 Japanese
    morae, in a view in either language); ``signed``: a change (+3.2, ±0.0)."""
    if value is None:
        return "–"
    m = METRIC_BY_NAME.get(metric)
    if metric == "over_s" and not signed:  # as the report's length row: +93 s, +0.4 s, never +0 s
        from furikaeri.measure import over_shown

        return t("under", lang) if value <= 0 else t("over_by", lang, over=max(over_shown(value), 0.1))
    digits = shown_digits(metric, value) if digits is None else digits
    value = value * (m.scale if m else 1.0)
    if signed and round(value, digits) == 0:  # no change as shown: neither +0 nor -0
        number = f"±{0:.{digits}f}"
    else:
        number = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return m.with_unit(number, lang, language) if unit and m else number


def shown_change(metric: str, before: float | None, after: float | None, lang: str, *,
                 digits: int | None = None) -> str:
    """The change between two values as they are shown (4 s and 4 s: +0, not the +1 of 3.6 and
    4.4; ``digits``: written with so many decimals, else :func:`shown_digits`), so the column
    adds up for the reader."""
    if before is None or after is None:
        return "–"
    m = METRIC_BY_NAME.get(metric)
    scale = m.scale if m else 1.0
    was, now = ((digits, digits) if digits is not None   # 90.0 -> 118 wpm: +28
                else (shown_digits(metric, before), shown_digits(metric, after)))
    delta = round(after * scale, now) - round(before * scale, was)
    shown = fmt_value(metric, delta / scale, lang, unit=False, signed=True, digits=min(was, now))
    return t("delta_points", lang, value=shown) if scale == 100.0 else shown  # a share: percentage points


def borne_out(c: Change, digits: int | None = None) -> bool:
    """Do the values ``c`` is between (a session's means, a trend's medians), as shown (``digits``,
    else :func:`shown_digits`), bear out its verdict? A verdict judged on the answers
    (``by_answers``) beside values that, shown, held (5.8 → 5.8 拍/秒) or moved the other way is
    not: their change is then left out, so a figure and its verdict never disagree (no "±0.0
    ▲"); the verdict says it is the answers', and the answers off the norm are counted under it."""
    m = METRIC_BY_NAME.get(c.metric)
    if not c.by_answers or c.verdict not in ("better", "worse") or m is None or c.before is None or c.after is None:
        return True
    ends = [round(v * m.scale, shown_digits(c.metric, v) if digits is None else digits) / m.scale
            for v in (c.before, c.after)]
    if ends[0] == ends[1]:
        return False
    scores = [m.score(v) or 0.0 for v in ends]
    if scores[0] == scores[1]:  # moved inside the band (or as far off it): no way to read it against the verdict
        return True
    return (scores[1] < scores[0]) == (c.verdict == "better")


#: The figures a session's mean writes a tenth finer than one answer's: those whose noise step
#: (:attr:`~furikaeri.metrics.Metric.same`) is under the unit they are shown in (a count of long
#: pauses, whole in an answer: sessions with 0.67 and 0.5 a take are 0.7 → 0.5, not the 1 → 0 a
#: verdict of "same" would sit beside).
def mean_digits(metric: str, value: float | None) -> int | None:
    """The decimals a session's mean of ``metric`` is written with, where not its
    :func:`shown_digits`: one more for a figure whose step is finer than its unit, where the
    mean is not whole; None otherwise."""
    m = METRIC_BY_NAME.get(metric)
    if m is None or value is None or metric in ("over_s", "answer_s") or m.same * m.scale >= 10 ** -m.digits:
        return None
    whole = abs(value * m.scale - round(value * m.scale, m.digits)) < 1e-9
    return None if whole else m.digits + 1


def trend_shown(metric: str, trend: Change, lang: str, attempts: int | None = None) -> str:
    """A trend's change, written with the figure's digits. Where each end is one attempt's
    value (``attempts``, the points the trend runs over, makes ends of one or three:
    :func:`furikaeri.progress.ends_size`), the difference of the ends as they are shown, as
    compare says it (:func:`shown_change`: 7% -> 20% is +13 pt, never the +12 of 7.4 and 19.8;
    QA s44 M #1). Ends that are medians of two are shown nowhere, and rounding a half
    (13.5 and 12.5 long pauses: 14 - 12 = -2) would show a change the trend does not have:
    there, and where ``attempts`` is not known, the medians' difference as ``--json`` gives it
    (``delta``), keeping the half (17 -> 12.5: -4.5, not -4 or -5); a pace never does (wpm and
    字/分 are whole in every view, as their norms are written: :func:`furikaeri.measure.rate_digits`)."""
    if trend.delta is None:
        return "–"
    m = METRIC_BY_NAME.get(metric)
    scale = m.scale if m else 1.0
    if attempts is not None and ends_size(attempts) != 2 and trend.before is not None and trend.after is not None:
        return shown_change(metric, trend.before, trend.after, lang)  # each end with its own digits, as compare
    shown = fmt_value(metric, trend.delta, lang, unit=False, signed=True, digits=trend_digits(metric, trend))
    return t("delta_points", lang, value=shown) if scale == 100.0 else shown  # a share: percentage points


def trend_digits(metric: str, trend: Change) -> int:
    """The decimals a trend's change is written with (:func:`trend_shown`): the figure's, one
    more where a median of two whole values makes a half."""
    m = METRIC_BY_NAME.get(metric)
    digits = min(shown_digits(metric, trend.before), shown_digits(metric, trend.after))
    step = abs((trend.delta or 0.0) * (m.scale if m else 1.0)) * 10 ** digits
    pace = metric in norms.RATE_BANDS or metric == "articulation_wpm"
    if digits == 0 and not pace and abs(step - int(step) - 0.5) < 1e-6:  # halfway between two whole values
        digits += 1
    return digits


def _label(metric: str, lang: str) -> str:
    m = METRIC_BY_NAME.get(metric)
    return m.label(lang) if m else metric


#: The pace figures: each a row of its own in a table (話速（拍/秒） beside 話速 in 字/分), one
#: "pace" where a single one stands with its unit (「話速 6.6拍/秒」, not 「話速（拍/秒） 6.6拍/秒」).
_PACES = ("wpm", "chars_per_min", "morae_per_s")


def _named(metric: str, value: float, lang: str, language: str | None) -> str:
    """A figure with its name, as a line of figures writes it: the pace by the plain word."""
    name = _label("wpm" if metric in _PACES else metric, lang)
    return f"{name} {fmt_value(metric, value, lang, language=language)}"


_VERDICT_STYLE = {"better": "green", "worse": "red", "same": "dim", "n/a": "dim"}


def _verdict(c: Change | None, lang: str, latest: float | None = None, *, by_band: bool = True,
             mean: bool = False, fix: FixCheck | None = None) -> Text:
    """A change's arrow and word. A figure judged by its band (``by_band``; not a note's check,
    which judges by the direction the note asked for) says where it went: "in range" when its
    ``latest`` value (default: the change's own) is inside the band, else "nearer the range" /
    "further from the range", as "better" beside a pace that went up would read wrong to
    someone whose pace was too slow."""
    if c is None:
        return Text("–", style="dim")
    if c.verdict == "cut":  # a take the recording cut off: its length is told, not judged
        return Text("– " + t("fig_cut", lang), style="dim")
    arrow = {"better": "▲ ", "worse": "▼ ", "same": "= "}.get(c.verdict, "")
    word = t(_overshot_key(c, fix) if c.verdict == "overshot" and c.metric == "answer_s" else c.verdict, lang)
    style = _VERDICT_STYLE.get(c.verdict, "")
    m = METRIC_BY_NAME.get(c.metric)
    if c.metric in COUNTED and c.verdict == "same" and m is not None \
            and change(m, c.before, c.after).verdict != "same":  # a change the recogniser's jitter explains
        # a pause is measured from the audio, not heard by the recogniser: its own words (QA s54 AH #4)
        paused = "_pauses" if c.metric == "long_pauses_per_min" else ""
        word = t("same_jitter" + paused, lang)
        if crossed(c.metric, c.before, c.after):  # and where it now stands, as a mean of it says (QA s44 L #1)
            word = t(("same_jitter_into" if in_norm(c.metric, c.after) else "same_jitter_left") + paused, lang)
    if c.verdict == "same" and c.by_answers:  # values held inside the norm, answers off it: no change, not "within"
        return Text("= " + t("same", lang), style=_VERDICT_STYLE["same"])
    if c.verdict == "same" and held_in_norm(c) and (latest is None or in_norm(c.metric, latest)):
        # moved, and where it should be at both ends (and now, beside a trend's latest value): held
        return Text("= " + t("same_in_budget" if c.metric == "over_s" else "same_in_band", lang),
                    style=_VERDICT_STYLE["same"])
    if c.verdict == "toward_norm" and in_norm(c.metric, c.after):  # against the note, and now inside the range
        word = t("toward_norm_into", lang)
    if c.by_answers and c.verdict in ("better", "worse"):  # judged on the answers, not the mean or median shown
        return Text(arrow + t("answers_nearer_band" if c.verdict == "better" else "answers_further_band", lang),
                    style=style)
    now = c.after if latest is None else latest
    if by_band and m is not None and m.band and c.verdict in ("better", "worse", "same"):
        # a session's mean inside the band can hide answers off it: its verdict is their distance's
        if now is not None and m.band[0] <= now <= m.band[1] and not (mean and c.verdict == "worse"):
            if c.verdict == "better":  # from outside the range into it: better, as the note check says
                word = t("into_band", lang)
            elif c.verdict != "same" or (c.delta is not None and abs(c.delta) >= m.same):
                arrow, word, style = "= ", t("same_in_band", lang), _VERDICT_STYLE["same"]
        elif c.verdict == "worse" and c.before is not None and in_norm(c.metric, c.before):
            word = t("left_band", lang)  # 133 -> 174 wpm (120-160): it was in the range, and left it
        elif c.verdict != "same":
            word = t("nearer_band" if c.verdict == "better" else "further_band", lang)
    elif by_band and m is not None and has_norm(c.metric):
        word = _crossed_limit(c, now, lang) or word
    elif c.verdict == "better" and m is not None and m.band and c.before is not None and c.after is not None \
            and not in_norm(c.metric, c.before) and in_norm(c.metric, c.after):
        word = t("into_limit", lang)  # a note's check: "slow down" done, into the range (QA s53 AE #3: "▲ better")
    return Text(arrow + word, style=style)


def _crossed_limit(c: Change, now: float | None, lang: str) -> str | None:
    """The word of a figure judged by a limit (the longest pause, the time to the first word)
    that crossed it: "worse, left the range" / "better, into the range", the crossing said as
    a banded figure's is ("left the range"), rather than a bare "worse" / "better" that does not
    say it is now past its norm, or back. The direction word stays: on one side of a limit,
    unlike either side of a band, "better" cannot read wrong. The time over the budget says the
    budget (持ち時間), not a range."""
    if c.before is None or now is None:
        return None
    limit = "budget" if c.metric == "over_s" else "limit"
    if c.verdict == "worse" and in_norm(c.metric, c.before) and not in_norm(c.metric, now):
        return t(f"left_{limit}", lang)
    if c.verdict == "better" and not in_norm(c.metric, c.before) and in_norm(c.metric, now):
        return t(f"into_{limit}", lang)
    return None


def _overshot_key(c: Change, fix: FixCheck | None = None) -> str:
    """The word of an answer's length done past what was asked, said of what ``fix`` (the note's
    check) judged it against: longer and now past the note's own length (a limit or a target:
    "about 30 s" of 60, 15 s then 45 s, is not over the budget) or over the budget
    (:func:`furikaeri.metrics.past_budget`); shorter and now short for its budget only where
    the report says "short" too (``fix.thin``), else short of the note's aim (57 s, then 19.8 s
    on "about 40 s" of 60: within the budget) or, for an aim past the budget, of the budget's
    length it is judged against. A length held where the note asks (inside its limit, or the
    budget) and thin is short, whichever way it moved: 10 s, then 12 s of 90 on "keep it under
    15 seconds" went past no length, and, no shorter than before, is said so: held where the
    note asks, and short (never "shorter, as your note asked")."""
    if _held_thin(c, fix) and c.delta is not None and c.delta >= 0:  # no shorter: "shorter, as asked" is untrue
        return "overshot_held_short"
    if c.delta is not None and c.delta > 0 and not _held_thin(c, fix):
        return "overshot_aim" if fix is not None and _aims(fix) else "overshot_over"
    if fix is None or fix.thin:
        return "overshot_short"
    if fix.target_s is not None:
        return "overshot_aim_short"
    return "overshot_budget_short" if fix.aim_over_budget_s is not None else "overshot_short"


def _over_limit(c: Change, fix: FixCheck) -> bool:
    """Is ``c`` the answer's length, past the limit the note sets itself ("keep it under 15
    seconds") at both ends: unchanged over it, which a bare "same" does not say?"""
    return c.metric == "answer_s" and fix.limit_s is not None and fix.limit_over_budget_s is None \
        and all(v is not None and v > fix.limit_s for v in (c.before, c.after))


def _held_thin(c: Change, fix: FixCheck | None) -> bool:
    """Is ``c``, an answer's length the note's check calls overshot, one kept inside the note's
    limit (or the budget, with no limit or target of the note's own) and short for its budget
    (:func:`furikaeri.notes.thinned`), not one that went past a length?"""
    return fix is not None and fix.thin and fix.target_s is None and c.after is not None \
        and (fix.limit_s is None or c.after <= fix.limit_s)


def _say(console: Console, markup: str) -> None:
    """Print a line of markup broken to the console's width: text written without spaces (a
    Japanese question, label or name) by its rules, so no 、 or ） opens a line; other text at its
    spaces, never between a number and its word ("12 attempts") or a date and its time."""
    line = Text.from_markup(markup)
    console.print(fit_line(line, console.width) if unspaced(line.plain) else wrap_phrases(line, console.width, fill=True))


def _plain(x: Any) -> str:
    return x.plain if isinstance(x, Text) else str(x)


#: A date and a minute as a name carries them ("en-basic 2026-10-01 10:00"): a practice run is
#: named by the clock where it was made, which another time zone's reader does not share.
_NAMED_MINUTE = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")


def _beside(name: str, when: str) -> str:
    """" · 2026-11-23 10:00" after a session's ``name``: nothing when the name already says it
    (a practice run named by its set and time), the time alone when it says the day. A name
    whose date and minute are not this local start (made under another time zone: "10:00"
    in the name, 19:00 here) gets the whole local date and time, never a bare time that would
    read as the same day's other clock."""
    if when in name:
        return ""
    if _NAMED_MINUTE.search(name):
        return f" · {when}"
    return f" · {when[11:]}" if len(when) > 11 and when[:10] in name else f" · {when}"


def _when(stamp: str | None) -> str:
    from furikaeri.store import local_minute

    return local_minute(stamp) if stamp else "–"


def figures_line(metrics: dict[str, Any], language: str | None, lang: str) -> str:
    """"95 s on a 60 s budget (35 s over) · 4.1 fillers/min · 142 wpm"."""
    return " · ".join(figures_parts(metrics, language, lang))


def figures_parts(metrics: dict[str, Any], language: str | None, lang: str,
                  floors: dict[str, Any] | None = None) -> list[str]:
    """The figures of :func:`figures_line`, each a label with its value (kept on one line). An
    answer under :data:`furikaeri.norms.SHORT_ANSWER_SHARE` of its budget is said short, as its
    report says it, and its rates, fillers and pauses are left out (:func:`judged_value`): a few
    seconds say little of them, and "within budget · pace 215 wpm" of 9.8 s in 45 reads as fine.
    ``floors``: the figures known only as a lower bound (:attr:`furikaeri.store.Answer.floors`)."""
    parts = []
    ans, bud = metrics.get("answer_s"), metrics.get("budget_s")
    if ans is not None and bud is not None:
        from furikaeri.measure import ANSWER_DIGITS, as_shown

        tail = t("fig_cut", lang) if cut_off(metrics) else t("fig_short", lang, share=norms.SHORT_ANSWER_SHARE) \
            if too_short(metrics) else fmt_value("over_s", as_shown(ans, ANSWER_DIGITS) - bud, lang, language=language)
        parts.append(t("fig_length", lang, answer=ans, budget=bud, tail=tail))
    elif ans is not None:
        parts.append(fmt_value("answer_s", ans, lang, language=language))
    figure = {name: judged_value(metrics, name) for name in ("fillers_per_min", "repetitions", "long_pauses")}
    if figure["fillers_per_min"] is not None:
        parts.append(t("fig_fillers", lang, value=figure["fillers_per_min"]))
    elif (floors or {}).get("fillers_per_min") is not None and not too_short(metrics):
        # known as a lower bound: "4.4+", as history gives it, beside a note about fillers (QA s42 D #2)
        parts.append(t("fig_fillers_floor", lang, value=float(floors["fillers_per_min"])))
    if figure["repetitions"]:
        n = figure["repetitions"]
        parts.append(t("fig_repetition" if n == 1 else "fig_repetitions", lang, n=n))
    rate = get_rules(language or "").pace_key
    if judged_value(metrics, rate) is not None:
        parts.append(_named(rate, metrics[rate], lang, language))
    if figure["long_pauses"]:  # the count, with the rate a note's check and compare judge it by (QA s41 B1 #5)
        rate_of = judged_value(metrics, "long_pauses_per_min")
        parts.append(t("fig_long_pauses", lang, n=figure["long_pauses"]) if rate_of is None else
                     t("fig_long_pauses_rate", lang, n=figure["long_pauses"], rate=rate_of))
    return parts


# --------------------------------------------------------------------------- practice loop


def render_question(console: Console, *, index: int, total: int, text: str, budget_s: float,
                    hint: str, before: Before, lang: str) -> None:
    """The question, its budget and hint, and what happened last time with the note."""
    console.print()
    console.rule(f"[bold]{index}/{total}[/bold]")
    _say(console, f"[bold cyan]{escape(text)}[/bold cyan]")
    console.print(f"[dim]{t('q_budget', lang, budget=budget_s)}[/dim]")
    if hint:  # a line of its own, wrapped beside its label (a Japanese hint has no spaces to break at)
        indented(console, 0, Text(hint, style="dim"), Text(f"{t('hint', lang)}:", style="dim"))
    console.print(previous_text(before, lang, console.width))


def previous_line(before: Before, lang: str) -> str:
    """"last time (2026-11-23, attempt 2): 95 s on a 60 s budget (35 s over) · 4.1 fillers/min;
    your note: 結論から話す" (or "first attempt")."""
    head, figures, note = _previous_parts(before, lang)
    if not figures:
        return head
    line = f"{head}: {' · '.join(figures)}"
    return f"{line}\n{note}" if note else line  # the note on its own line, as previous_text shows it


def _previous_parts(before: Before, lang: str) -> tuple[str, list[str], str]:
    """The preview's head, its figures (each a label with its value) and the note clause."""
    prev = before.previous
    if prev is None:
        return t("first_attempt", lang), [], ""
    head = t("last_time_head", lang, date=_when(prev.created_at)[:10], n=before.attempts)
    note = note_text(prev.note)
    if note:
        return head, figures_parts(prev.metrics, prev.language, lang, prev.floors), \
            f"{t('your_note', lang)}: {_note_ahead(prev.note, lang)}"
    if before.noted is not None:
        note = f"{t('your_note', lang)}{_bracketed(_when(before.noted.created_at)[:10], lang)}: " \
               f"{_note_ahead(before.noted.note, lang)}"
    return head, figures_parts(prev.metrics, prev.language, lang, prev.floors), note or ""


def _note_ahead(note: Note, lang: str) -> str:
    """A note shown before the next attempt: what to do this time first, named, then what went
    wrong and why in brackets ("next time: lead with the point (too long / nervous)"), never
    three bare parts whose last, the one to act on, moves when a part was left out (QA s45 Q #5);
    a note of one part, as it is."""
    ahead = one_line(note.next_time)
    rest = one_line(note.wrong, note.why)
    if not ahead or not rest:  # one part: nothing to tell it from
        return note_text(note)
    return f"{t('next_time', lang)}: {ahead}" + _bracketed(rest, lang)


def previous_text(before: Before, lang: str, width: int) -> Text:
    """:func:`previous_line` in lines of at most ``width`` cells, broken only between its
    pieces: after the head's colon, at a " · " between two figures (each label stays with its
    value), or before the note (which wraps by itself)."""
    from rich.cells import cell_len

    head, figures, note = _previous_parts(before, lang)
    if not figures:
        return fit_line(Text(head), width)
    pieces = [(f"{head}:", "")] + [(f, " " if i == 0 else " · ") for i, f in enumerate(figures)]
    lines: list[str] = []
    for i, (piece, sep) in enumerate(pieces):
        more = 2 if i < len(pieces) - 1 else 0  # room for the " ·" that ends a line when more follow
        if lines and cell_len(lines[-1] + sep + piece) + more <= width:
            lines[-1] += sep + piece
            continue
        if lines and sep.strip():
            lines[-1] += sep.rstrip()  # the · ends the line: more figures follow
        lines += fit_line(Text(piece), width).plain.split("\n") if cell_len(piece) > width else [piece]
    if note:  # always a line of its own, wrapping by itself: one layout at every width
        lines += fit_line(Text(note), width).plain.split("\n") if unspaced(note) else [note]
    return Text("\n".join(lines))


def _short_said(fix) -> str:
    """The ending of a fix's "too short to tell" keys naming the answer that is (``_earlier``,
    ``_latest``, ``_both``), and that the recording cut it off (``_cut``): a take cut off is no
    answer too short for its budget (QA s53 AD #4: "this answer is too short for its budget"
    of a 12-s take cut off, next to "cut off: the recording stopped first")."""
    if not fix.short_in:
        return ""
    if fix.cut_in and fix.short_in == "both":
        return "_both_cut"  # too short, or cut: too little of either
    return f"_{fix.short_in}" + ("_cut" if fix.cut_in == fix.short_in else "")


def render_fix(console: Console, fix: FixCheck | None, lang: str, *, language: str | None = None) -> None:
    """Did what the last note asked for happen: the verdict, then each figure before and after,
    of answers in ``language`` (by default, the one its figures say: :func:`figures_language`)."""
    if fix is None:
        return
    language = language or figures_language([c.metric for c in fix.changes], lang)
    _render_fix(console, fix, lang, language)


def render_logged(out: Console, logged, lang: str) -> None:
    """The newest logged interview that asked the question about to be answered
    (:func:`furikaeri.session.logged_asking`: the interview and its item): when and where, what
    was answered, how the interviewer reacted, what to fix."""
    iv, item = logged
    held = " ".join(x for x in (iv.held_on, iv.company or "", iv.stage) if x)
    out.print(fit_line(Text(text(lang, "logged_head", when=held), style="bold"), out.width))
    for key, value in (("answered", item.get("answer")), ("reaction", iv.reaction), ("to_fix", iv.to_fix)):
        if value:
            indented(out, 2, Text(value), label=Text(f"{text(lang, key)}:"))


def render_stand(out: Console, check, lang: str, language: str | None) -> None:
    """A real interview's fix checked on this answer (:func:`furikaeri.session.stand_check`): the
    fix and its verdict, then each figure it names where this answer has it, ✓ where the fix asks
    it to be, ✗ not yet."""
    from furikaeri.metrics import METRIC_BY_NAME
    from furikaeri.notes import OPENING_ORDER

    style = {"done": "green", "not_yet": "yellow"}.get(check.verdict, "dim")
    verdict = "done_part" if check.verdict == "done" and check.unmeasured else check.verdict
    head = f"{text(lang, 'stand_head', note=check.note)}: {text(lang, 'stand_' + verdict)}"
    out.print(fit_line(Text(head, style=style), out.width))
    orders = {"point_first": "order_point_first", "story_first": "order_story_first"}
    for s in check.figures:
        if s.metric == OPENING_ORDER:
            label, value = text(lang, "fix_order"), text(lang, orders.get(s.value, "order_unknown"))
        elif s.metric == FILLER_WORD:
            label, value = filler_named(lang, s.word or "", s.said), text(lang, "fix_word_times", n=int(s.value))
            if s.fine and s.value:  # "'um': 1 ✓" beside a transcript that opens "Um," (QA s42 D #8)
                value += text(lang, "stand_word_jitter")
        else:
            label = METRIC_BY_NAME[s.metric].label(lang) + (  # the interview's fix's, not a note's (QA s51 VV #1)
                text(lang, "stand_limit_over_budget", limit=check.limit_over_budget_s, budget=check.limit_s)
                if s.metric == "answer_s" and check.limit_over_budget_s and check.limit_s
                else text(lang, "stand_limit", limit=check.limit_s) if s.metric == "answer_s" and check.limit_s
                else text(lang, "stand_target", target=check.target_s) if s.metric == "answer_s" and check.target_s
                else text(lang, "stand_limit", limit=check.opening_limit_s) if s.metric == "opening_s"
                and check.opening_limit_s else "")
            value = at_least(s.metric, s.value, lang, language) if s.floor \
                else fmt_value(s.metric, s.value, lang, language=language)  # at least this, as history: "5.0+回/分"
        mark = text(lang, "stand_cannot_tell") if s.fine is None else "✓" if s.fine else "✗"
        mark += text(lang, f"stand_past_{s.past}") if s.past else ""  # done, the range passed (QA s51 WW #3)
        # an opening whose order its words do not tell says so once (「判定できません  判定できません」: QA s42 C #5)
        indented(out, 2, Text(f"{label}: {value}" if mark == value else f"{label}: {value}  {mark}"))
    if check.unmeasured:  # a part no figure checks: the verdict above is not the whole fix's
        parts = ", ".join(f"“{p}”" for p in check.unmeasured) if lang == "en" else "".join(
            f"「{p}」" for p in check.unmeasured)
        indented(out, 2, Text(text(lang, "stand_unmeasured", parts=parts), style="dim"))


def figures_language(names: Sequence[str], lang: str) -> str:
    """The language of the answers whose figures are ``names``, as far as they tell (a pace in
    words a minute is English, in characters a minute Japanese), else ``lang``: the view's,
    which a caller that knows the answers' language does not rely on."""
    own = {METRIC_BY_NAME[n].language for n in names if n in METRIC_BY_NAME} - {None}
    return own.pop() if len(own) == 1 else lang


def _render_fix(console: Console, fix: FixCheck, lang: str, language: str) -> None:
    """:func:`render_fix`, the figures' units those of answers in ``language``."""
    style = {"better": "bold green", "held": "green", "worse": "bold red", "mixed": "yellow",
             "same": "yellow", "overshot": "yellow", "too_short": "yellow", "cut": "yellow",
             "not_kept": "bold red"}.get(fix.verdict, "")
    key = f"fix_{fix.verdict}"
    short = _short_said(fix)
    if fix.verdict == "too_short":
        key += short
    elif fix.verdict == "better" and not all(fix.fine(c) for c in fix.changes if c.verdict == "better"):
        key = "fix_better_not_yet"  # 82 -> 57 s over a 30-s budget: better, not yet fixed
    elif fix.verdict == "held" and all(not c.after for c in fix.changes if isinstance(c, WordChange)) \
            and any(isinstance(c, WordChange) and c.before for c in fix.changes):
        key = "fix_word_gone"  # said last time, not heard now: no "still where it should be"
    elif fix.verdict == "unknown" and fix.unjudged == "earlier" and fix.floor_before is not None:
        key = "fix_floor_earlier"  # only a lower bound of the fillers last time: said so, never "not judged"
    elif fix.verdict == "unknown" and fix.unjudged:  # the named figures not judged (a noisy room): no damage said
        key = "fix_unjudged" if fix.unjudged == "both" else f"fix_unjudged_{fix.unjudged}"
    elif fix.verdict == "unknown" and not fix.changes:
        key = "fix_unknown_uncompared" if fix.nothing_compared else "fix_unknown_none"
    elif fix.verdict == "unknown" and all(getattr(c, "before", 0) is None for c in fix.changes):
        key = "fix_unreadable"  # the earlier attempt's figures cannot be read (a damaged row)
    elif fix.verdict == "worse" and all(_against_in_band(c) for c in fix.changes if c.verdict == "worse"):
        key, style = "fix_worse_in_band", "yellow"  # moved against the note, still in range (QA s41 A1 #4)
    elif fix.verdict == "same" and any(c.metric == "fillers_per_min" and c.verdict == "worse" for c in fix.changes):
        # the filler the note names said as often, the others more: both said, never "no change" over a ▼ (QA s43 B #1)
        key = "fix_same_others_worse"
    elif fix.verdict == "same" and len(fix.changes) == 1 and _over_limit(fix.changes[0], fix):
        key = "fix_same_over_limit"  # 20 s, then 20 s on "keep it under 15 seconds": not kept, and says so
    elif fix.verdict == "overshot" and all(c.metric == "answer_s" for c in fix.changes if c.verdict == "overshot"):
        # a shorter answer asked for, and now too short; a longer one, and now over the budget
        key = "fix_" + _overshot_key(next(c for c in fix.changes if c.verdict == "overshot"), fix)
    # broken between phrases, never inside a word (「判」/「断できません」: QA s38 G #4)
    console.print(fit_line(Text(t(key, lang) + (":" if fix.changes else ""), style=style), console.width))
    if fix.note_answer_id is not None:  # whose note, where not the attempt's it is compared with (QA s45 T #4)
        indented(console, 2, Text(t("fix_note_from", lang, id=fix.note_answer_id, previous=fix.previous_answer_id),
                                   style="dim"))
    for i, c in enumerate(fix.changes):
        if isinstance(c, WordChange):  # under "no change yet", a count the same both times is no "held" (QA s38 E #10)
            held = fix.held(i) and key not in ("fix_same", "fix_same_others_worse")
            indented(console, 2, _word_line(c, lang, fix.too_short, short, held=held))
            continue
        if isinstance(c, OrderChange):
            indented(console, 2, _order_line(c, lang, held=fix.held(i)))
            continue
        label = _label(c.metric, lang)
        if c.metric == "answer_s" and fix.limit_over_budget_s is not None:  # a limit past the budget: the budget's
            label += t("fix_limit_over_budget", lang, limit=fix.limit_over_budget_s, budget=fix.budget_s)
        elif c.metric == "answer_s" and fix.limit_s is not None:  # judged against the note's own limit
            label += t("fix_limit", lang, limit=fix.limit_s)
        elif c.metric == "answer_s" and fix.target_s is not None:  # nearer the time the note aims at
            label += t("fix_target", lang, target=fix.target_s)
        elif c.metric == "answer_s" and fix.aim_over_budget_s is not None:  # an aim past the budget: the budget's
            label += t("fix_target_over_budget", lang, target=fix.aim_over_budget_s, budget=fix.budget_s)
        elif c.metric == "opening_s" and fix.opening_limit_s is not None:  # the note's own time to the point
            label += t("fix_limit", lang, limit=fix.opening_limit_s)
        verdict = Text(t("fix_short_figure" + short, lang), style="dim") if c.metric in fix.too_short \
            else _held(c, lang) if fix.held(i) \
            else Text("= " + t("same_over_limit", lang), style=_VERDICT_STYLE["same"]) \
            if c.verdict == "same" and _over_limit(c, fix) \
            else Text("▼ " + t("against_note_in_band", lang), style=_VERDICT_STYLE["worse"]) \
            if _against_in_band(c) \
            else _limit_verdict(c, lang) or _not_yet(c, fix, lang) or _verdict(c, lang, by_band=False, fix=fix)
        before = fmt_value(c.metric, c.before, lang, language=language)
        if c.metric == "fillers_per_min" and fix.floor_before is not None:  # "5.0+回/分", judged against or not
            before = at_least(c.metric, fix.floor_before, lang, language)
        after = fmt_value(c.metric, c.after, lang, language=language)
        if c.metric == "fillers_per_min" and fix.floor_after is not None:
            after = at_least(c.metric, fix.floor_after, lang, language)
        indented(console, 2, Text.assemble(f"{label}: {before} → {after}  ", verdict))


def _not_yet(c: Change, fix: FixCheck, lang: str) -> Text | None:
    """A figure the note targeted that got better and is still not where the note asks: "better,
    not yet where it should be", so the line a "not yet" headline is about is marked (QA s45 Q #3:
    every line ▲ or "in range" under 「まだ目標には届いていません」); else None."""
    if c.verdict == "better" and c.metric in METRIC_BY_NAME and not fix.fine(c):
        return Text("▲ " + t("better_not_yet", lang), style=_VERDICT_STYLE["better"])
    return None


def _limit_verdict(c: Change, lang: str) -> Text | None:
    """A note's figure judged by a limit that crossed it (:func:`_crossed_limit`: the time to the
    first word past a freeze, the longest pause past 3 s), said as compare's table says it
    ("worse, left the range"), not a bare "worse" under it (QA s41 A1 #5); else None."""
    m = METRIC_BY_NAME.get(c.metric)
    if m is None or m.better not in ("lower", "higher") or not has_norm(c.metric) \
            or c.verdict not in ("better", "worse"):
        return None
    word = _crossed_limit(c, c.after, lang)
    if word is None:
        return None
    return Text(("▲ " if c.verdict == "better" else "▼ ") + word, style=_VERDICT_STYLE[c.verdict])


def _against_in_band(c: Change) -> bool:
    """A figure with a norm that a note asked to move and that moved the other way, inside the
    norm at both ends ("maybe too fast": 5.6, then 6.0 拍/秒, band 5.3-8; the longest pause 1.4,
    then 2.9 s under "fewer long pauses", short of a freeze): said as against the note and still
    in range, never a bare "worse" beside compare's "in range" (QA s40 Z5 #5, s53 AE #5)."""
    return (c.verdict == "worse" and METRIC_BY_NAME.get(c.metric) is not None and has_norm(c.metric)
            and in_norm(c.metric, c.before) and in_norm(c.metric, c.after))


def _held(c: Change, lang: str) -> Text:
    """The verdict of a note's figure that stayed where it should be (:meth:`FixCheck.held`), in
    the words compare says it in: "in range" (the time over the budget: "within budget"), and
    "held" for what has no range (a filler's count, the length against the note's own, the
    opening's order)."""
    key = "same_in_budget" if c.metric == "over_s" else "same_in_band" if has_norm(c.metric) else "same_held"
    return Text("= " + t(key, lang), style=_VERDICT_STYLE["same"])


def _aims(fix: FixCheck) -> bool:
    """Does the note set a length of its own (a limit or a target), rather than the budget's
    (a limit or an aim past the budget is judged as the budget)?"""
    return (fix.limit_s is not None and fix.limit_over_budget_s is None) or fix.target_s is not None


def _order_line(c: OrderChange, lang: str, *, held: bool = False) -> Text:
    """A note asking for the conclusion first: how each answer opened, and the verdict (the point
    first both times, ``held``: "held")."""
    def how(order) -> str:
        return t({"point_first": "order_point_first", "story_first": "order_story_first"}.get(order, "order_unknown"),
                 lang)

    arrow = {"better": "▲ ", "worse": "▼ ", "same": "= "}.get(c.verdict, "")
    verdict = _held(c, lang) if held else Text(arrow + t(c.verdict, lang), style=_VERDICT_STYLE.get(c.verdict, ""))
    return Text.assemble(f"{t('fix_order', lang)}: {how(c.before)} → {how(c.after)}  ", verdict)


def _word_line(c: WordChange, lang: str, too_short: Sequence[str], short: str, *, held: bool = False) -> Text:
    """「なんか」: 1回 → 0回  then its verdict: a filler a note names, by its count in each answer;
    each a minute beside it where the answers' lengths make the counts tell another story than
    the rates it is judged on (:func:`_counts_mislead`). The same count, where it should be both
    times (``held``: 0 → 0), is "held"."""
    rates = _counts_mislead(c)

    def said(n: float | None, rate: float | None) -> str:
        count = t("fix_word_times", lang, n=int(n or 0))
        return t("fix_word_rate", lang, count=count, rate=fmt_value("fillers_per_min", rate, lang)) if rates else count
    if FILLER_WORD in too_short:
        verdict = Text(t("fix_short_figure" + short, lang), style="dim")
    elif c.verdict == "same" and c.after == 0 and c.before:  # none now, within the jitter: gone
        # more than one before: the same over the shorter answer's length (3 in 82 s, then 0 in 23 s),
        # never "a difference of one" beside 3 → 0 (QA s45 Q #2)
        verdict = Text("= " + t("word_gone_jitter" if c.before <= 1 else "word_gone_scaled", lang), style=_VERDICT_STYLE["same"])
    elif c.verdict == "same" and c.before != c.after:
        verdict = Text("= " + t("same_jitter", lang), style=_VERDICT_STYLE["same"])
    else:
        verdict = _held(c, lang) if held else _verdict(c, lang, by_band=False)
    return Text.assemble(f"{filler_named(lang, c.word, c.said)}: {said(c.before, c.rate_before)} → "
                         f"{said(c.after, c.rate_after)}  ", verdict)


def _counts_mislead(c: WordChange) -> bool:
    """Do a named filler's two counts tell another story than the rates it is judged on
    (:func:`furikaeri.notes.word_change`), so each a minute must stand beside them? When they
    move opposite ways (4 in a minute, then 4 in 30 s, is more, not the same), or when the counts
    alone would be judged otherwise than the rates were: 1 → 4 in answers of 26 s and 96 s is
    within the recogniser's jitter a minute, and a bare "1 → 4 = same" reads as a mistake."""
    if c.rate_before is None or c.rate_after is None:
        return False
    counted, timed = (c.after or 0) - (c.before or 0), round(c.rate_after - c.rate_before, 1)
    if (counted > 0) - (counted < 0) != (timed > 0) - (timed < 0):
        return True
    by_count = "same" if abs(counted) <= norms.COUNT_JITTER + 1e-9 else "better" if counted < 0 else "worse"
    return c.verdict in ("better", "worse", "same") and by_count != c.verdict


def render_after(console: Console, after: AfterAnswer, lang: str, *, told: Sequence[str] = (),
                 usual_told: str | None = None, language: str | None = None) -> None:
    """Remarks after an answer (:class:`furikaeri.progress.AfterAnswer`) in ``language`` (by
    default, the one its figures say: :func:`figures_language`); ``told``: figures
    whose change was just said (by the note's check), not said again as last time's focus, nor the
    pace against the usual where it is one of them;
    ``usual_told``: the figure the report's focus line already set against the person's usual
    ("pace 210 wpm (your usual 133 wpm)"), whose remark against the usual is not said again."""
    language = language or figures_language([*filter(None, [after.pace_metric]), *after.usual], lang)
    # nor where the note's check just judged the pace (QA s55 AN #2: "slow down" not done yet, then
    # "in the range now … keep it here" on the next line)
    if after.pace_vs_usual is not None and usual_told != after.pace_metric and after.pace_metric not in told:
        key, style = _pace_remark(after)
        usual = fmt_value(after.pace_metric, after.usual_pace, lang, language=language)
        _say(console, f"[{style}]{t(key, lang, pct=abs(after.pace_vs_usual), usual=usual)}[/{style}]")
    if after.zero_filler_streak:
        _say(console, f"[yellow]{t('zero_fillers', lang, n=after.zero_filler_streak)}[/yellow]")
    if after.focus_then is not None and after.focus_then.metric not in told:
        c = after.focus_then
        # the pace by its plain name, as the value after it carries the unit (「話速」, not 「話速（拍/秒）」)
        line = Text(t("focus_then", lang, label=_label("wpm" if c.metric in _PACES else c.metric, lang),
                      before=fmt_value(c.metric, c.before, lang, language=language),
                      after=fmt_value(c.metric, c.after, lang, language=language)) + "  ")
        line.append_text(_focus_verdict(c, lang))
        console.print(fit_line(line, console.width))
    if after.usual:  # broken between its figures, none parted from its name
        figures = " · ".join(_named(k, v, lang, language) for k, v in after.usual.items())
        line = Text(t("usual_line", lang, figures=figures), style="dim")
        console.print(wrap_phrases(line, console.width, breaks=LIST_BREAKS))
    for r in after.recurring:
        _say(console, f"[yellow]{t('recurring', lang, phrase=r.phrase, n=r.answers, of=r.of)}[/yellow]")


def _pace_remark(after: AfterAnswer) -> tuple[str, str]:
    """The text key and style of the pace against the person's usual: a warning (yellow), but
    where the usual is off its band and this pace inside it (a slow 90 wpm usual, 126 wpm now),
    the move is what was wanted, and the remark says it is in the range first (green); moved
    toward the band and still short of it on the usual's side, it says so ("faster than your
    usual, still below the range"), never a bare "faster" beside a note's check that just said
    the pace went past the range to the slow side. This pace is the usual times the remark's
    share (rounded to a tenth of a percent: a pace on the band's very edge may read either way)."""
    key = "pace_faster" if (after.pace_vs_usual or 0) > 0 else "pace_slower"
    m = after.pace_metric
    now = None if after.usual_pace is None or after.pace_vs_usual is None else after.usual_pace * (1 + after.pace_vs_usual)
    if not m or not has_norm(m) or in_norm(m, after.usual_pace) or now is None:
        return key, "yellow"
    if in_norm(m, now):
        return key + "_into", "green"
    band = METRIC_BY_NAME[m].band
    below = band is not None and now < band[0] and after.usual_pace < band[0]
    above = band is not None and now > band[1] and after.usual_pace > band[1]
    toward = (below and key == "pace_faster") or (above and key == "pace_slower")
    return (key + "_still", "yellow") if toward else (key, "yellow")


def _focus_verdict(c: Change, lang: str) -> Text:
    """The verdict on last time's focus (:func:`_verdict`), and, as the note's check says it, a
    figure that improved while still outside its norm "better, not yet where it should be"
    (8.2 -> 5.9 fillers a minute, good at 2 or fewer). A figure with a band says where it went
    already ("nearer the range")."""
    m = METRIC_BY_NAME.get(c.metric)
    if c.verdict == "better" and m is not None and not m.band and has_norm(c.metric) and not in_norm(c.metric, c.after):
        return Text("▲ " + t("better_not_yet", lang), style=_VERDICT_STYLE["better"])
    return _verdict(c, lang)


# --------------------------------------------------------------------------- history / show / note


def render_history(console: Console, sessions: list[dict[str, Any]], lang: str, *, each_own: bool = False,
                   cli: str = "furikaeri", older: int = 0, filters: str = "", damaged: bool = False,
                   new_home: bool = False) -> None:
    """The sessions, newest first, labelled in ``lang``; with ``each_own``, each session in its
    answers' own language (a Japanese mock interview in Japanese, an English one in English).
    ``cli``: how a suggested command starts (with the ``--home`` given); ``older``: how many
    older sessions were left off (``-n``), said at the end with the command that lists them
    (``filters``: the ones given, " --company Acme", kept in it); ``damaged``: the archive is
    read as far as it can be, and a session with no answer left may have lost them with it;
    ``new_home``: the home named does not exist (said already), so practice there would start a
    new archive, said as that (QA s54 AL #1: a mistyped --home told to practise into)."""
    if not sessions:  # a home named that does not exist (``new_home``): practice there starts a new archive
        console.print(t("no_history_new_home" if new_home else "no_history", lang, cli=cli), soft_wrap=True)
        return
    everyone = lang
    for s in sessions:
        lang = pick_lang(None, [a.get("language") for a in s["answers"]], everyone) if each_own and s["answers"] \
            else everyone
        _say(console, _session_title(s))
        if not s["answers"]:  # in a damaged archive, not a session left empty (QA s51 WW #5)
            console.print(Text("  " + (t("history_session_lost", lang) if damaged else "–"), style="dim"))
            continue
        console.print(_history_table(s["answers"], lang, console.width))
        console.print()
    if any(_too_short(a) and not _cut_off(a) for s in sessions for a in s["answers"]):  # what each mark says, once
        indented(console, 0, Text(t("history_short_note", everyone, share=norms.SHORT_ANSWER_SHARE), style="dim"),
                  Text(SHORT_MARK, style="dim"))
    if any(_cut_off(a) for s in sessions for a in s["answers"]):
        indented(console, 0, Text(t("history_cut_note", everyone, share=norms.SHORT_ANSWER_SHARE), style="dim"),
                  Text(CUT_MARK, style="dim"))
    floored = [a["id"] for s in sessions for a in s["answers"] if _floor(a) is not None]
    if floored:  # "5.0+": what the report said of it, a lower bound
        indented(console, 0, Text(t("history_floor_note", everyone, answers=_answer_list(floored, everyone)),
                                   style="dim"), Text(FLOOR_MARK, style="dim"))
    blank = [a["id"] for s in sessions for a in s["answers"] if _rates_blank(a)]
    if blank:  # W #7 (s39): a rate "–" with no reason
        indented(console, 0, Text(t("history_blank_note", everyone, id=blank[0], cli=cli,
                                     answers=_answer_list(blank, everyone)), style="dim"), Text("–", style="dim"))
    if older > 0:
        _say(console, f"[dim]{t('history_older', everyone, n=older, shown=len(sessions) + older, cli=cli, filters=filters)}[/dim]")


def _answer_list(ids: Sequence[int], lang: str, *, named: bool = False) -> str:
    """"#5", "#5 and #7", "#5, #7 and #9" (「#5と#7」), as many as there are; ``named``: said to
    be answers ("answer #5", 「回答#5と#7」), where sessions are numbered too (QA s45 Q #4: "#1 left
    out of the means" under a header naming session #1)."""
    names = [f"#{i}" for i in ids]
    if lang != "en":
        return ("回答" if named else "") + "、".join(names[:-1]) + ("と" if len(names) > 1 else "") + names[-1]
    said = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return (("answer " if len(names) == 1 else "answers ") + said) if named else said


#: After a figure its report judged as a lower bound (:func:`furikaeri.store.lower_bounds`): "5.0+".
FLOOR_MARK = "+"


def _floor(a: dict[str, Any]) -> float | None:
    """The lower bound of answer ``a``'s fillers a minute, stored blank (as history lists it),
    where its report judged it as one ("fair, or worse": sounds in doubt); else None."""
    if (a.get("metrics") or {}).get("fillers_per_min") is not None:
        return None
    value = (a.get("floors") or {}).get("fillers_per_min")
    return float(value) if isinstance(value, (int, float)) else None


def _rates_blank(a: dict[str, Any]) -> bool:
    """Does answer ``a`` (as history lists it) show "–" for its fillers or pace though it is
    long enough for rates: a figure its report did not judge (a noisy room, sounds in doubt, an
    answer heard in another language), stored blank?"""
    m = a.get("metrics") or {}
    if m.get("answer_s") is None or _too_short(a):
        return False
    return (m.get("fillers_per_min") is None and _floor(a) is None) \
        or m.get(get_rules(a.get("language") or "").pace_key) is None


#: The mark beside the rates of an answer far too short for its budget (:func:`_too_short`).
SHORT_MARK = "*"
#: The mark beside the length of an answer the recording stopped before it ended
#: (:func:`_cut_off`), and beside its rates when the part recorded is too short for them: the
#: person gave no short answer, the recorder (its time limit) or a damaged file cut it (QA s36 B #7).
CUT_MARK = "†"


def _too_short(a: dict[str, Any]) -> bool:
    """Is answer ``a`` (as history lists it) too short for its rates to say much
    (:func:`furikaeri.metrics.too_short`): the answer progress leaves out of their trends?"""
    from furikaeri.metrics import too_short

    return too_short(a.get("metrics") or {})


def _cut_off(a: dict[str, Any]) -> bool:
    """Did the recording of answer ``a`` (as history lists it) stop before the answer did
    (:func:`furikaeri.metrics.cut_off`)?"""
    return cut_off(a.get("metrics") or {})


def _session_title(s: dict[str, Any]) -> str:
    """"name #id · when · company", without saying again what the name says (a practice run is
    named by its set and time; a company's set by the company)."""
    from furikaeri.questions import company_key

    title = f"[bold]{escape(s['name'])}[/bold] [dim]#{s['id']}{_beside(s['name'], _when(s['started_at']))}"
    title += _until(s)
    letters = lambda x: "".join(ch for ch in company_key(x) if ch.isalnum())  # noqa: E731
    if s.get("company") and letters(s["company"]) not in letters(s["name"]):
        title += f" · {escape(s['company'])}"
    return title + "[/dim]"


def _until(s: dict[str, Any]) -> str:
    """" – 2026-12-05 11:55", the time of session ``s``'s latest answer, when it was saved on a
    later day than the session began (a session named again days later: history lists sessions
    by their latest answer, and the title would otherwise date it by its first day alone)."""
    stamps = [a["created_at"] for a in s.get("answers") or () if a.get("created_at")]
    if not stamps:
        return ""
    start, last = _when(s["started_at"]), _when(max(stamps))
    return f" – {escape(last)}" if last[:10] > start[:10] else ""


#: The question column of the history is never narrower than Q_MIN cells, and as wide as its
#: longest question or note up to Q_MAX, a comfortable line to read, where the terminal allows.
Q_MIN = 14
Q_MAX = 72


def _history_table(answers: Sequence[dict[str, Any]], lang: str, width: int) -> Table | Group:
    """A session's answers, newest first: number, time, question (with the note under it, dim),
    length against the budget, fillers per minute, pace. Numbers and headers never break (a
    narrow terminal wraps the question); the pace's unit goes in its header when the answers
    share one. Too narrow for the question beside the figures (:func:`~furikaeri.report.wrap.stacked`),
    each answer is stacked: its number and time, the question, the note, the figures."""
    from rich.cells import cell_len

    answers = list(reversed(answers))
    heads, cells = _history_cells(answers, lang)
    fixed = [max(cell_len(x) for x in col) for col in zip(*([h for i, h in enumerate(heads) if i != 2], *cells))]
    timed = width - sum(fixed) - 2 * len(fixed) >= Q_MIN  # too narrow: the session's title has the time
    if not timed:
        fixed.pop(1)
    if stacked(width) or width - sum(fixed) - 2 * len(fixed) < Q_MIN:
        return _history_stacked(answers, heads, cells, lang, width)
    said = [(a.get("question") or "–", _note_said(a)) for a in answers]
    widest = max(cell_len(q) for q, _ in said)
    q_width = max(Q_MIN, min(Q_MAX, widest, width - sum(fixed) - 2 * len(fixed)))
    widths = [fixed[0], *(fixed[1:2] if timed else []), q_width, *fixed[-3:]]
    out: list = []
    for i, (a, (asked, noted), (num, when, length, fillers, pace)) in enumerate(zip(answers, said, cells)):
        table = _history_row_table(heads if i == 0 else None, widths, timed)
        rates = "dim" if _too_short(a) else ""
        table.add_row(num, *([when] if timed else []), wrap_unspaced(Text(asked), q_width) if unspaced(asked) else asked,
                      Text(length, style="red" if a["metrics"].get("over_budget") else ""),
                      Text(fillers, style=rates), Text(pace, style=rates))
        out.append(table)
        if noted:  # under the question, across the figures' empty cells (a line at most as long as a question's)
            indent = sum(w + 2 for w in widths[: 2 if timed else 1])
            room = min(width - indent, max(q_width, Q_MAX))
            out.append(Padding(Constrain(hanging(Text(f"{t('col_note', lang)}: {noted}", style="dim"), room, 0), room),
                               (0, 0, 0, indent), expand=False))
    return Group(*out)


def _history_row_table(heads: Sequence[str] | None, widths: Sequence[int], timed: bool) -> Table:
    """One answer's row of the history table (with the headers ``heads`` above the first), its
    columns of ``widths``, so the rows of a session line up though each note sits between them."""
    table = Table(box=None, pad_edge=False, show_header=heads is not None, header_style="dim")
    names = heads if heads is not None else [""] * 6
    shown = [names[0], *([names[1]] if timed else []), *names[2:]]
    for i, (head, w) in enumerate(zip(shown, widths)):
        question = i == (2 if timed else 1)
        table.add_column(head, justify="left" if question or (timed and i == 1) else "right", width=w,
                         no_wrap=not question, overflow="fold" if question else "ellipsis")
    return table


def _history_cells(answers: Sequence[dict[str, Any]], lang: str) -> tuple[list[str], list[list[str]]]:
    """The history's headers and, for each answer, its number, time, length, fillers and pace; the
    rates of an answer too short for them marked (:data:`SHORT_MARK`), as progress leaves them out."""
    paces = {get_rules(a.get("language") or "").pace_key for a in answers}
    one_pace = paces.pop() if len(paces) == 1 else None
    pace_head = t("col_pace", lang, unit=t(one_pace, lang)) if one_pace else _label("wpm", lang)
    heads = ["#", t("when", lang), t("col_question", lang), t("col_length", lang), t("col_fillers", lang), pace_head]
    cells = []
    marked, cut = any(_too_short(a) for a in answers), any(_cut_off(a) for a in answers)
    floored = any(_floor(a) is not None for a in answers)
    for a in answers:
        m = a["metrics"]
        # the figures stay in line under the marks; an answer the recording cut is marked so, not short
        mark = (CUT_MARK if _cut_off(a) else SHORT_MARK) if _too_short(a) else " " if marked else ""
        language = a.get("language")
        length = fmt_value("answer_s", m.get("answer_s"), lang, language=language, unit=False)
        if m.get("budget_s") is not None:  # as the report's length row: 9.9/45
            length += f"/{m['budget_s']:g}"
        length += CUT_MARK if _cut_off(a) else " " if cut else ""
        rate = get_rules(a.get("language") or "").pace_key
        floor = _floor(a)
        fillers = fmt_value("fillers_per_min", m.get("fillers_per_min") if floor is None else floor, lang,
                            language=language, unit=False)
        fillers += FLOOR_MARK if floor is not None else " " if floored else ""
        cells.append([str(a["id"]), _when(a["created_at"])[5:], length, fillers + mark,
                      fmt_value(rate, m.get(rate), lang, language=language, unit=one_pace is None) + mark])
    return heads, cells


def _note_said(a: dict[str, Any]) -> str:
    note = a.get("note") or {}
    return one_line(note.get("wrong"), note.get("why"), note.get("next_time"))


def _history_stacked(answers, heads, cells, lang: str, width: int) -> Group:
    """Each answer in a narrow terminal: "#4  11-23 09:00", then, indented, the question, the
    note (dim) and the figures, each with its header ("length (s) 95/60")."""
    out: list = []
    for a, (num, when, length, fillers, pace) in zip(answers, cells):
        out.append(Text.assemble((f"#{num}", "bold"), "  ", (when, "dim")))
        out.append(hanging(Text(a.get("question") or "–"), width, 2))
        said = _note_said(a)
        if said:
            out.append(hanging(Text(f"{t('col_note', lang)}: {said}", style="dim"), width, 2))
        over = "red" if a["metrics"].get("over_budget") else ""
        rates = "dim" if _too_short(a) else ""
        figures = [Text.assemble((head, "dim"), " ", (value.rstrip(), style))
                   for head, value, style in zip(heads[3:], (length, fillers, pace), (over, rates, rates))]
        out.append(Padding(pack(figures, width - 2), (0, 0, 0, 2), expand=False))
    return Group(*out)


def render_answer_header(console: Console, answer: Answer, lang: str) -> None:
    """"#5 session · when" (the day or the time once, when the session's name says it), the
    question, the recording."""
    name = answer.session_name or ""
    _say(console, f"[bold]#{answer.id}[/bold] [dim]{escape(name)}{_beside(name, _when(answer.created_at))}[/dim]")
    asked = (answer.analysis or {}).get("question")
    if isinstance(asked, str) and asked.strip() and answer.question \
            and " ".join(asked.split()) != " ".join(answer.question.split()):
        # asked in other words than the question it was kept under (a company's wording of a
        # built-in one): as asked, as the report below says it, and what it is kept as (QA s41 C1 #6)
        _say(console, f"[bold cyan]{escape(asked.strip())}[/bold cyan]")
        _say(console, f"[dim]{escape(t('kept_as_question', lang, question=answer.question))}[/dim]")
    elif answer.question:
        _say(console, f"[bold cyan]{escape(answer.question)}[/bold cyan]")
    if answer.audio_path:
        console.print(f"[dim]{escape(answer.audio_path)}[/dim]")


def render_note(console: Console, note: Note | None, lang: str, *, answer_id: int | None = None,
                home: str = "") -> None:
    """An answer's note, or how to add one (``home``: `` --home DIR`` when the command was
    given one, so the command suggested reads the same archive)."""
    if note is None or note.empty:
        _command_line(console, 0, t("no_note", lang, id=answer_id or "", home=home))  # the command never broken
        return
    from rich.cells import cell_len

    for key in ("wrong", "why", "next_time"):
        value = getattr(note, key)
        if value:  # a part typed on several lines: each under the first, not at the margin
            under = "\n" + " " * (cell_len(t(key, lang)) + 2)
            console.print(f"[bold]{t(key, lang)}:[/bold] {escape(under.join(ln.strip() for ln in value.splitlines()))}")


def render_note_saved(console: Console, before: Note | None, after: Note | None, lang: str) -> None:
    """What `note` did: the note as saved, "note cleared" when it emptied one, "nothing
    changed" when every part stayed as it was; never "add one with `furikaeri note N`", the
    command just run."""
    def parts(n: Note | None) -> tuple[str, ...]:
        return tuple(((getattr(n, k) or "") if n else "").strip() for k in ("wrong", "why", "next_time"))

    if parts(before) == parts(after):
        console.print(f"[dim]{t('note_unchanged', lang)}[/dim]")
    elif after is None or after.empty:
        console.print(t("note_cleared", lang))
    else:
        render_note(console, after, lang)


# --------------------------------------------------------------------------- compare


#: A table of figures: its column heads and its rows, each a name, figures and (last) a verdict.
Figures = tuple[Sequence[str], Sequence[Sequence[Any]]]


def _verdict_room(table: Figures, width: int) -> int | None:
    """The cells left for the verdicts of ``table`` set as a table ``width`` columns wide, with
    every name and figure whole on one line; ``None`` when that leaves a verdict less than its
    longest word (:func:`~furikaeri.report.wrap.verdict_least`), or the terminal is narrow
    (:func:`~furikaeri.report.wrap.stacked`): the figures are then stacked."""
    from rich.cells import cell_len

    heads, rows = table
    if stacked(width) or not rows:
        return None if rows else width
    widths = [max(cell_len(_plain(x)) for x in col) for col in zip(heads, *rows)]
    room = width - sum(widths[:-1]) - 2 * (len(widths) - 1)
    return room if room >= max(verdict_least(_plain(r[-1])) for r in rows) else None


def as_tables(tables: Sequence[Figures], width: int) -> bool:
    """Are ``tables`` (of one screen: show's comparison, compare's means and pairs, progress's
    blocks) set as tables at ``width`` columns? Only when every one fits whole
    (:func:`_verdict_room`): a screen never mixes tables and stacked figures, and a name is never
    broken."""
    return all(_verdict_room(x, width) is not None for x in tables)


def _figures_table(table: Figures, width: int, justify: Sequence[str]) -> Table:
    """``table`` as a table of figures that fits ``width`` (:func:`as_tables`): names and figures
    whole, each verdict wrapped between its words in the room left."""
    heads, rows = table
    room = _verdict_room(table, width) or width
    out = Table(box=None, pad_edge=False, header_style="dim")
    for head, how in zip(heads, justify):
        out.add_column(head, justify=how, no_wrap=True)
    for row in rows:
        verdict = row[-1] if isinstance(row[-1], Text) else Text(row[-1])
        out.add_row(*row[:-1], wrap_verdict(verdict, room))
    return out


def _changes_figures(changes: Sequence[Change], lang: str, *, before: str, after: str, language: str | None,
                     mean: bool = False, verdicts: dict[str, Text] | None = None,
                     counts: dict[str, tuple[str | None, str | None]] | None = None) -> Figures:
    """Each figure before and after, its change and verdict (rows of :func:`_changes_table`), of
    answers in ``language`` (their units: :func:`fmt_value`); ``verdicts``: a figure's verdict
    said otherwise (the length's, against each answer's budget: :func:`_length_verdict`);
    ``counts``: a rate's cell shown as its count at an end too short for a rate
    (:func:`_unrated_counts`), with no difference."""
    rows = []
    for c in changes:
        if c.before is None and c.after is None:
            continue
        counted = (counts or {}).get(c.metric, (None, None))
        digits = _digits_of_means(c) if mean else None
        delta = "" if c.metric == "over_s" or not borne_out(c, digits) else "–" if any(counted) \
            else shown_change(c.metric, c.before, c.after, lang, digits=digits)
        verdict = (verdicts or {}).get(c.metric) or _verdict(c, lang, mean=mean)
        rows.append((_label(c.metric, lang),
                     counted[0] or fmt_value(c.metric, c.before, lang, language=language, digits=digits),
                     counted[1] or fmt_value(c.metric, c.after, lang, language=language, digits=digits), delta, verdict))
    return [t("metric", lang), before, after, t("change", lang), ""], rows


def _digits_of_means(c: Change) -> int | None:
    """The decimals of both of a session's means of ``c`` (:func:`mean_digits`: one written
    finer, both so), None for the figure's own."""
    found = [d for v in (c.before, c.after) if (d := mean_digits(c.metric, v)) is not None]
    return max(found) if found else None


def _unrated_counts(cmp: AnswerComparison, lang: str) -> dict[str, tuple[str | None, str | None]]:
    """For each rate of :data:`furikaeri.compare.RATE_COUNTS`, the cell of an answer too short
    for a rate (:func:`furikaeri.compare.unrated`): its count, as its report shows it (one
    "um" in 0.8 s, not 76.0/min), or "–" without one; None at an end with a rate."""
    def cell(metrics: dict[str, Any], count: str) -> str | None:
        if not unrated(metrics):
            return None
        n = metrics.get(count)
        return "–" if n is None else t("count", lang, n=as_figure(count, n))

    out = {}
    for rate, count in RATE_COUNTS.items():
        ends = cell(cmp.before.metrics, count), cell(cmp.after.metrics, count)
        if any(ends):
            out[rate] = ends
    return out


def _changes_table(table: Figures, width: int, as_table: bool) -> Table | Group:
    """A table of changes (:func:`_changes_figures`), or, when not ``as_table``, each figure
    stacked: "fillers  5.9/min → 2.7/min", then, indented, "-3.2  ▲ better"."""
    if as_table:
        return _figures_table(table, width, ("left", "right", "right", "right", "left"))
    out: list = []
    for name, was, now, delta, verdict in table[1]:
        out.append(pack([Text(name, style="bold"), Text(f"{was} → {now}")], width, indent=2))
        out.append(hanging(Text.assemble(delta, "  ", verdict) if delta else verdict, width, 4))
    return Group(*out)


def _answer_figures(cmp: AnswerComparison, lang: str) -> Figures:
    length = next((c for c in cmp.changes if c.metric == "answer_s"), None)
    said = _length_verdict(length, *(with_asked(x.metrics, x.asked_s or x.question) for x in (cmp.before, cmp.after)),
                           lang) if length else None
    counts = _unrated_counts(cmp, lang)
    floors = tuple(_floor_cell(x, lang, _pair_language(cmp)) for x in (cmp.before, cmp.after))
    if any(floors):  # a filler rate its report judged as a lower bound: "4.4+/min", as history gives it
        shown = counts.get("fillers_per_min", (None, None))
        counts["fillers_per_min"] = (shown[0] or floors[0], shown[1] or floors[1])
    return _changes_figures(cmp.changes, lang, before=f"#{cmp.before.id}", after=f"#{cmp.after.id}",
                            language=_pair_language(cmp), verdicts={"answer_s": said} if said else None,
                            counts=counts)


def _floor_cell(x: Answer, lang: str, language: str | None) -> str | None:
    """The fillers a minute of answer ``x`` where they are stored blank and its report judged
    them as a lower bound (:attr:`furikaeri.store.Answer.floors`): "4.4+/min"; else None."""
    floor = x.filler_floor
    if floor is None or unrated(x.metrics):
        return None
    return at_least("fillers_per_min", floor, lang, language)


def at_least(metric: str, value: float, lang: str, language: str | None) -> str:
    """``value`` of ``metric`` as a lower bound its report judged, with its unit: "5.0+/min",
    「5.0+回/分」 (the one form of compare's table, a note's check and an interview fix's)."""
    number = fmt_value(metric, value, lang, language=language, unit=False)
    return t(unit_key(metric, lang, language), lang, value=number + FLOOR_MARK)


def _length_verdict(c: Change, before: dict[str, Any], after: dict[str, Any], lang: str) -> Text | None:
    """The length's verdict (:func:`furikaeri.compare.length_change`) said as a figure with a
    norm says it, the range being the one each answer's report judges its length by
    (:func:`furikaeri.compare.length_off`), named by the budget (持ち時間, never a norm's 目安):
    "in range for the budget" for a length that moved inside it (never a bare "same" beside
    +23.7 s), "better, now in range" or "worse, now too short" / "now over the budget" for one
    that crossed it. None: the usual word. Where either take is one the recording cut off, no
    verdict: "cut off: the recording stopped first"."""
    if cut_off(before) or cut_off(after):
        return Text("– " + t("fig_cut", lang), style=_VERDICT_STYLE["n/a"])
    far = length_off(before), length_off(after)
    if far[0] is None or far[1] is None:
        return None
    if c.verdict == "same" and before.get("budget_s") != after.get("budget_s") and far[0] != far[1]:
        # one length against two budgets (:func:`furikaeri.compare.length_change`): the time over
        # budget below says which fits its own; an unchanged 95.8 s read "▲ better" (QA s41 D1 #4)
        return Text("= " + t("length_other_budget", lang), style=_VERDICT_STYLE["same"])
    if c.verdict == "same" and far == (0.0, 0.0):
        return Text("= " + t("length_in_range", lang), style=_VERDICT_STYLE["same"])
    if c.verdict == "better" and far[0] > 0 and far[1] == 0:
        return Text("▲ " + t("length_into_range", lang), style=_VERDICT_STYLE["better"])
    if c.verdict == "worse" and far[0] == 0 and far[1] > 0:
        side = "over" if (after.get("over_s") or 0) > 0 else "short"
        return Text("▼ " + t(f"length_left_{side}", lang), style=_VERDICT_STYLE["worse"])
    return None


def _pair_language(cmp: AnswerComparison) -> str | None:
    """The language of two attempts compared (never two languages: :mod:`furikaeri.compare`)."""
    return cmp.after.language or cmp.before.language


def _attempts_line(a: Answer, b: Answer, width: int) -> Text:
    """"#2 2026-12-05 03:23 → #10 2026-12-05 03:29", broken, where it must be, only between the
    two attempts: an attempt's number, day and time stay on one line."""
    def attempt(x: Answer, lead: str = "") -> Text:
        return Text.assemble(lead, (f"#{x.id}", "bold"), " ", (_when(x.created_at), "dim"))

    return pack([attempt(a), attempt(b, "→ ")], width, sep=" ")


def render_compare_answers(console: Console, cmp: AnswerComparison, lang: str, *, as_table: bool | None = None) -> None:
    """Two attempts: their figures side by side (``as_table``: as a table, else stacked; by
    default as they fit, :func:`as_tables`), the note's check, and what the answer said
    differently."""
    a, b = cmp.before, cmp.after
    console.print(_attempts_line(a, b, console.width))
    different = a.question_id != b.question_id and bool(a.question or b.question)
    if different:  # say so: not two attempts at one question
        for x in (a, b):
            _say(console, f"[bold cyan]#{x.id} {escape(x.question or '–')}[/bold cyan]")
        _say(console, f"[yellow]{t('different_questions', lang)}[/yellow]")
    elif b.question:
        _say(console, f"[bold cyan]{escape(b.question)}[/bold cyan]")
    figures = _answer_figures(cmp, lang)
    table = as_tables([figures], console.width) if as_table is None else as_table
    console.print(_changes_table(figures, console.width, table))
    unjudged = _unjudged_line(cmp, lang)
    if unjudged:
        _say(console, f"[dim]{escape(unjudged)}[/dim]")
    echoed = _echo_line(cmp, lang)
    if echoed:
        _say(console, f"[yellow]{escape(echoed)}[/yellow]")
    if a.note and not a.note.empty:
        _say(console, f"[dim]{t('your_note', lang)}{_bracketed(f'#{a.id}', lang)}:[/dim] {escape(note_text(a.note))}")
    render_fix(console, cmp.fix, lang, language=_pair_language(cmp))
    if not different and cmp.text is not None:  # the words of two questions' answers: nothing to compare
        _render_said(console, cmp.text, lang)


def _echo_line(cmp: AnswerComparison, lang: str) -> str | None:
    """Where one of the two answers was said in a room that echoes and the other not: that the
    room may have made some of the changes (QA s55 AR #4: "▲ better" and "▼ worse" between the
    same speech dry and in a bare room); None otherwise."""
    from furikaeri.echo import ECHO_SCORE_S

    echoing = [x for x in (cmp.before, cmp.after) if x.echo_s is not None and x.echo_s >= ECHO_SCORE_S]
    if len(echoing) != 1:
        return None
    return t("compare_echo", lang, id=echoing[0].id, score=echoing[0].echo_s)


def _unjudged_line(cmp: AnswerComparison, lang: str) -> str | None:
    """Why a figure shows "–" at one end (QA s38 W #7): the answer's report did not judge it
    and it was stored blank (:func:`furikaeri.store.unjudged_figures`: a room too loud to rate,
    a noisy room's pauses, a filler count with sounds in doubt); None when no shown figure is
    so. A damaged row whose analysis cannot be read says nothing."""
    from furikaeri.echo import ECHO_SCORE_S
    from furikaeri.store import UNJUDGED

    judged_apart = {f for shown in UNJUDGED.values() for f in shown}

    ids: list[int] = []
    why: list[str] = []
    for x, side in ((cmp.before, "before"), (cmp.after, "after")):
        blank = {c.metric for c in cmp.changes if c.metric in x.unjudged and getattr(c, side) is None
                 and (c.before is not None or c.after is not None)} - set(x.floors)  # a bound is shown
        if not blank:
            continue
        ids.append(x.id)
        noisy = bool(set(UNJUDGED["pauses"]) & set(x.unjudged))  # a noisy room blanks its fillers too: said so (QA s43 F #5)
        paced = bool(set(UNJUDGED["rate"]) & set(x.unjudged))  # the pace too: a loud noise inside it, or
        echoed = x.echo_s is not None and x.echo_s >= ECHO_SCORE_S  # floors of an echo (QA s55 AR #2), not doubt
        keys = (["unjudged_room"] if set(x.unjudged) - judged_apart else  # a room too loud blanks all its figures
                ["unjudged_echo"] if echoed and not paced else
                ["unjudged_narrow"] if paced and noisy else  # ... a quiet telephone band (pauses, pace, fillers)
                list(dict.fromkeys(f"unjudged_{'rate' if name == 'chars_per_min' else name}"
                                   + ("_noisy" if name == "fillers" and noisy else "")
                                   + ("_narrow" if name == "voice" and not noisy else "")  # a telephone's band
                                   for name, shown in UNJUDGED.items() if blank & set(shown))))
        why += [k for k in keys if k not in why]
    floored = [x.id for x in (cmp.before, cmp.after) if _floor_cell(x, lang, None)]
    lines = [FLOOR_MARK + " " + t("history_floor_note", lang, answers=_answer_list(floored, lang))] if floored else []
    if ids:
        lines.append(t("unjudged_footnote", lang, answers=_answer_list(ids, lang),
                       why=("; " if lang == "en" else "、").join(t(k, lang) for k in why)))
    return "\n".join(lines) or None


def _render_said(console: Console, d: TextDiff, lang: str) -> None:
    """What the answer said differently: the words dropped and added, each list wrapping right
    of its label; nothing when the words are the same."""
    from rich.cells import cell_len

    if not (d.removed or d.added or d.moved):  # the same words: no heading over nothing
        return
    _say(console, f"[bold]{t('said', lang)}[/bold][dim]{_bracketed(t('kept', lang, pct=d.kept_share), lang)}[/dim]")
    marks = [(Text(f"  − {t('dropped', lang)}:", style="red"), d.removed),
             (Text(f"  + {t('added', lang)}:", style="green"), d.added),
             (Text(f"  ↕ {t('moved', lang)}:", style="yellow"), d.moved)]  # said in both, elsewhere
    room = console.width - max(cell_len(m.plain) for m, _ in marks) - 1
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for mark, phrases in marks:
        said = Text(" | ".join(phrases))
        if phrases:  # phrases written without spaces broken by their rules
            grid.add_row(mark, fit_line(said, room) if room > 8 else said)
    console.print(grid)


def _hidden_off(mean: Change | None, counts: Sequence[int]) -> bool:
    """Does a session's ``mean`` (its change) misread its answers at an end, ``counts`` being
    each end's answers off the figure's norm and of how many (off_before, of_before, off_after,
    of_after)? A mean inside the norm hides the answers off it; a mean off it over answers some
    of which are within it reads as though every answer were off (pauses of 0 and 2 long ones: a
    mean of 1, where one answer had none). Those answers are said under the table."""
    if mean is None:
        return False
    ends = ((counts[0], counts[1], mean.before), (counts[2], counts[3], mean.after))
    return any(value is not None and (off > 0 if in_norm(mean.metric, value) else off < of)
               for off, of, value in ends)


def _over_counts(cmp: SessionComparison, lang: str) -> dict[str, tuple[str | None, str | None]]:
    """The time-over-budget cells of the sessions' means where some of a session's answers ran
    over and some did not: how many ran over ("1 of 2 over"), not a mean overrun no answer had
    (93 s over and within the budget are no "46 s over"); then the other session's too, where
    all its answers ran over ("3 of 3 over"), so the row reads in one unit (QA s41 C1 #4: "35 s
    over → 2 of 3 over"); with the same share over, by how much on average ("1 of 2 over, by
    40 s"). None where the mean says it (none over: within budget; all over in
    both sessions: their mean time over)."""
    off_b, of_b, off_a, of_a = cmp.off_band.get("over_s") or (0, 0, 0, 0)
    ends = ((off_b, of_b), (off_a, of_a))
    if not any(0 < off < of for off, of in ends):
        return {}
    if off_b * of_a == off_a * of_b:  # the same share over: by how much, which the row's verdict is on
        from furikaeri.measure import over_shown

        c = next((c for c in cmp.means if c.metric == "over_s"), None)
        means = (c.before, c.after) if c is not None else (None, None)
        by = [max(over_shown(mean * of / off), 0.1) if mean else None for (off, of), mean in zip(ends, means)]
        if all(by):
            return {"over_s": tuple(t("means_over_count_by", lang, off=off, of=of, over=over)
                                    for (off, of), over in zip(ends, by))}
    return {"over_s": tuple(t("means_over_count", lang, off=off, of=of) if off > 0 else None for off, of in ends)}


def render_compare_sessions(console: Console, cmp: SessionComparison, lang: str) -> None:
    sa, sb = cmp.before, cmp.after
    # broken, where it must be, between the two sessions: a session's name, number and time stay together
    console.print(pack([Text.from_markup(f"{lead}[bold]{escape(s['name'])}[/bold] [dim]#{s['id']}"
                                         f"{_beside(s['name'], _when(s['started_at']))}[/dim]")
                        for lead, s in (("", sa), ("→ ", sb))], console.width, sep=" "))
    def compared(x) -> bool:  # in the language the sessions are compared in (an answer of none: any)
        return cmp.language is None or x.language in (cmp.language, None)

    console.print(f"[bold]{t('means', lang)}[/bold]")
    if any(map(compared, (*cmp.only_before, *cmp.only_after))):  # the means are not of one set of questions
        key = "means_other_questions" if cmp.pairs else "means_no_shared"  # no pair below to point to
        # how many are shared: 4 of 5 the same is no "different questions" (QA s43 A #7)
        asked = {(x.question_id or -x.id) for x in (*cmp.only_before, *cmp.only_after) if compared(x)}
        shared = {p.after.question_id for p in cmp.pairs}
        _say(console, f"[yellow]{t(key, lang, shared=len(shared), questions=len(shared | asked))}[/yellow]")
    # the sessions by number (their names are on the line above): a name as a column's head squeezed the figures' names
    # a mean inside the range beside answers off it is no "into the range" (QA s42 E #1): better, said plainly
    plain = {c.metric: _verdict(c, lang, by_band=False, mean=True) for c in cmp.means
             if c.verdict == "better" and c.after is not None and in_norm(c.metric, c.after)
             and (cmp.off_band.get(c.metric) or (0, 0, 0, 0))[2] > 0}
    counts = _over_counts(cmp, lang)
    if any(b is not None for b in cmp.filler_floors):  # a mean taking a rate known as "4.5+": "1.5+" (QA s46 Z #2)
        counts["fillers_per_min"] = tuple(None if b is None else at_least("fillers_per_min", b, lang, cmp.language)
                                          for b in cmp.filler_floors)
    means = _changes_figures(cmp.means, lang, before=f"#{sa['id']}", after=f"#{sb['id']}", language=cmp.language,
                             mean=True, counts=counts, verdicts=plain)
    table = as_tables([means, *(_answer_figures(p, lang) for p in cmp.pairs)], console.width)
    console.print(_changes_table(means, console.width, table))
    means_by = {c.metric: c for c in cmp.means}
    for name, (off_b, of_b, off_a, of_a) in cmp.off_band.items():  # answers a mean hides
        mean = means_by.get(name)  # a verdict on the answers the means do not bear out: said of them here
        if name != "over_s" and of_b and of_a and (_hidden_off(mean, (off_b, of_b, off_a, of_a))
                                 or (mean is not None and not borne_out(mean, _digits_of_means(mean)))):
            _say(console, f"[dim]{t('means_off_band', lang, label=_label(name, lang), off_before=off_b, of_before=of_b, off_after=off_a, of_after=of_a)}[/dim]")
    if cmp.short:  # rates of a few seconds: out of the means, said (a column of "–": QA s42 E #2)
        _say(console, f"[dim]{t('means_short_left_out', lang, answers=_answer_list(cmp.short, lang, named=True), share=norms.SHORT_ANSWER_SHARE)}[/dim]")
    if cmp.floored:  # a filler rate judged as a lower bound: in the means at that bound, said (QA s41 C1 #3, s46 Z #2)
        _say(console, f"[dim]{t('means_floor_taken', lang, answers=_answer_list(cmp.floored, lang, named=True))}[/dim]")
    for p in cmp.pairs:
        console.print()
        render_compare_answers(console, p, lang, as_table=table)
    for label, items in ((sa["name"], cmp.only_before), (sb["name"], cmp.only_after)):
        for key, listed in (("only_in", [x for x in items if compared(x)]),
                            ("other_language_in", [x for x in items if not compared(x)])):
            if listed:  # another language's answers are not compared, not "answered only" there
                console.print()
                _say(console, f"[dim]{t(key, lang, name=escape(label))}:[/dim]")  # 「一回目」だけで答えた質問 (QA s44 L #4)
                asked: dict[str, list[int]] = {}  # one line a question, its answers' numbers (QA s44 K #1)
                for x in listed:
                    asked.setdefault(x.question or "–", []).append(x.id)
                for question, ids in asked.items():
                    indented(console, 2, Text(f"{' '.join(f'#{i}' for i in ids)} {question}", style="dim"))


# --------------------------------------------------------------------------- progress


#: A progress chart draws a figure's latest this many attempts (a line's width); the trend and the
#: best are of them all, and the view says so where some are not drawn (QA s44 K #3).
CHART_LAST = 24


def _progress_figures(block: ProgressBlock, lang: str) -> Figures:
    """Each figure of ``block``: its name, a chart, the latest value, the best, the change and
    its verdict."""
    rows = []
    for s in (s for s in block.series if s.points):  # a figure no answer was long enough for: not a row
        values = list(s.chart or [p.value for p in s.points])[-CHART_LAST:]  # over budget: time over, not time to spare
        latest = s.latest.value if s.latest else None
        verdict = _verdict(s.trend, lang, latest) if s.trend else Text("–", style="dim")
        change = ""
        if s.trend and s.trend.delta is not None and s.metric != "over_s" \
                and borne_out(s.trend, trend_digits(s.metric, s.trend)):  # as --json gives it
            change = trend_shown(s.metric, s.trend, lang, len(s.points))
        m = METRIC_BY_NAME.get(s.metric)  # a latest value off its norm (a band, a limit) stands out
        outside = m is not None and off_norm(m, latest)
        language = block.language  # a block's answers are of one language (None: of several)
        shown = at_least(s.metric, latest, lang, language) if s.latest and s.latest.floor \
            else fmt_value(s.metric, latest, lang, language=language)  # "5.0+/min": a lower bound (QA s54 AH #2)
        rows.append((_label(s.metric, lang), sparkline(values, m.same if m else 0.0),
                     Text(shown, style="yellow" if outside else ""),
                     fmt_value(s.metric, s.best.value, lang, language=language) if s.best else "–", change, verdict))
    return [t("metric", lang), t("chart", lang), t("latest", lang), t("best", lang), t("trend", lang), ""], rows


def _progress_table(table: Figures, width: int, as_table: bool) -> Table | Group:
    """A block's figures (:func:`_progress_figures`) as a table, or, when not ``as_table``,
    each figure stacked: its name, chart and latest value on a line, the best and the trend on
    the next, indented."""
    if as_table:
        return _figures_table(table, width, ("left", "left", "right", "right", "right", "left"))
    heads, rows = table
    out: list = []
    for name, chart, latest, best, change, verdict in rows:
        out.append(pack([Text(name, style="bold"), Text(chart), latest], width, indent=2))
        trend = Text.assemble((heads[4], "dim"), " ", f"{change} " if change else "", verdict)
        more = pack([Text.assemble((heads[3], "dim"), " ", best), trend], width - 4)
        out.append(Padding(more, (0, 0, 0, 4), expand=False))
    return Group(*out)


def render_progress(console: Console, prog: Progress, lang: str, *, each_own: bool = False,
                    cli: str = "furikaeri", new_home: bool = False) -> None:
    """Progress labelled in ``lang``; with ``each_own``, each language's overall block and each
    question's block in that answers' language; ``cli`` and ``new_home`` as :func:`render_history`'s."""
    if not any(o.attempts for o in prog.overall):  # as render_history's
        console.print(t("no_history_new_home" if new_home else "no_history", lang, cli=cli), soft_wrap=True)
        return

    def own(block) -> str:
        return block.language if each_own and block.language in LANGUAGES else lang

    # one question asked for (in one language or several): its blocks say it all
    one_question = len({b.question_id for b in prog.questions}) == 1 and \
        sum(b.attempts for b in prog.questions) == sum(o.attempts for o in prog.overall)
    several = len(prog.overall) > 1
    overall = () if one_question else prog.overall
    figures = {id(b): _progress_figures(b, own(b)) for b in (*overall, *prog.questions)}
    table = as_tables(list(figures.values()), console.width)  # every block alike
    for i, o in enumerate(overall):
        if i:  # each language's overview set apart, as each question's block is
            console.print()
        title = t("overall", own(o))
        if len(prog.overall) > 1:  # "overall (Japanese)", 「全体（英語）」
            title += _bracketed(_language_said(o.language, own(o)), own(o))
        gap = "" if title.endswith("）") else " "  # none after a full-width bracket
        _say(console, f"[bold]{title}[/bold]{gap}[dim]{t('attempts', own(o), n=o.attempts)} · "
                      f"{_days(o.first_at, o.last_at)}[/dim]")
        console.print(_progress_table(figures[id(o)], console.width, table))
        _say_short(console, o, own(o))
        if o.language:  # its usual pace under its language's table
            _render_usual(console, prog, lang, each_own=each_own, only=o.language, several=several)
    if not one_question:
        _render_usual(console, prog, lang, each_own=each_own, only=False)
    split = {b.question_id for b in prog.questions} if len(prog.questions) > 1 else set()
    split = {q for q in split if sum(b.question_id == q for b in prog.questions) > 1}
    for i, block in enumerate(prog.questions):
        bl = own(block)
        if i or not one_question:
            console.print()
        said_in = _bracketed(_language_said(block.language, bl), bl) if block.question_id in split else ""
        _say(console, f"[bold cyan]{escape(block.title)}[/bold cyan]{escape(said_in)} [dim]{t('question_ref', bl, id=block.question_id)} · "
                      f"{t('attempts', bl, n=block.attempts)}[/dim]")
        console.print(_progress_table(figures[id(block)], console.width, table))
        _say_short(console, block, bl)
        if one_question:  # the usual pace under its language's block; the warning once, after the last
            _render_usual(console, prog, lang, each_own=each_own, only=block.language if several else None,
                          several=several)
        if block.last_note:
            _say(console, f"[dim]{t('your_note', bl)}: {escape(block.last_note)}[/dim]")
    if one_question and several:
        _render_usual(console, prog, lang, each_own=each_own, only=False)


def _say_short(console: Console, block: ProgressBlock, lang: str) -> None:
    """Say which answers the rates' rows leave out (too short for a rate), so that rows with
    fewer points, or none, are not a mystery."""
    if block.short_answers:
        _say(console, f"[dim]{t('short_left_out', lang, n=block.short_answers, share=norms.SHORT_ANSWER_SHARE)}[/dim]")
    if block.cut_answers:  # the recorder stopped them, not the person: said so, never as short answers
        _say(console, f"[dim]{t('cut_left_out', lang, n=block.cut_answers, share=norms.SHORT_ANSWER_SHARE)}[/dim]")
    if block.floored:  # a filler rate judged as a lower bound: out of the trend, not silently (QA s41 C1 #3)
        _say(console, f"[dim]{t('floor_left_out', lang, answers=_answer_list(block.floored, lang))}[/dim]")
    taken = [p.answer_id for s in block.series for p in s.points if p.floor]
    if taken:  # one past the norm: in the trend at its bound, never a best (QA s54 AH #2)
        _say(console, f"[dim]{t('floor_in_trend', lang, answers=_answer_list(taken, lang))}[/dim]")
    if any(len(s.chart or s.points) > CHART_LAST for s in block.series):
        _say(console, f"[dim]{t('chart_latest', lang, n=CHART_LAST)}[/dim]")


def _days(first: str | None, last: str | None) -> str:
    """"2026-11-23 – 2026-12-05"; one day said once."""
    a, b = _when(first)[:10], _when(last)[:10]
    return a if a == b else f"{a} – {b}"


def _language_said(language: str | None, lang: str) -> str:
    """The name of the answers' language in ``lang``; "language not known" for answers whose
    language the archive lost (a damaged row), so that their block is not a second, unlabelled
    "overall"."""
    return language_name(language, lang) if language else t("language_unknown", lang)


def _bracketed(s: str, lang: str) -> str:
    """" (s)" after an English word, 「（s）」 after a Japanese one (full-width, no space)."""
    return f"（{s}）" if lang == "ja" else f" ({s})"


def _render_usual(console: Console, prog: Progress, lang: str, *, each_own: bool,
                  only: str | None | bool = None, several: bool = False) -> None:
    """The person's usual pace in each language, and the zero-filler warning. ``only``: the
    usual pace of that language alone, under its overall table, without the warning; False:
    the warning alone (after the overall tables, each with its own usual pace); None: both. Its
    language is named where there are usual paces in several, the view shows ``several``
    languages' blocks (under 全体（日本語） an unnamed "your usual pace: 126 wpm" read as the
    Japanese answers' own), or labels it in another."""
    paces = prog.usual_pace or {}
    for code, p in paces.items():
        if only is False or (only is not None and code != only):
            continue
        pl = code if each_own and code in LANGUAGES else lang
        rel = p.get("latest_vs_usual")
        then = p.get("now") is False  # the usual before one question's latest answer, not today's
        extra = "" if rel is None else t("usual_pace_answer" if then else "usual_pace_latest", pl,
                                         pct=f"{rel:+.0%}", id=p.get("latest_answer_id"))
        which = _bracketed(language_name(code, pl), pl) if several or len(paces) > 1 or pl != code else ""
        label = t("usual_pace_before", pl, id=p.get("latest_answer_id")) if then else t("usual_pace", pl)
        _say(console, f"[dim]{label}{which}: {fmt_value(p['metric'], p['median'], pl, language=code)}{extra}[/dim]")
    for w in prog.warnings if only is None or only is False else ():
        if w.kind == "zero_fillers":
            console.print(f"[yellow]{t('zero_fillers', lang, n=w.count)}[/yellow]")


# --------------------------------------------------------------------------- questions & companies


def render_sets(console: Console, sets: Sequence[Any], problems: Sequence[str], lang: str,
                *, verbose: bool = False) -> None:
    """Every set (its name, title and facts) and every company (its name and facts), each
    list's descriptions starting in one column and wrapping under themselves."""
    plain = [s for s in sets if not s.company]
    companies = [s for s in sets if s.company]
    console.print(f"[bold]{t('sets', lang)}[/bold]")
    names = [escape(s.name) for s in plain]
    for s, name in zip(plain, names):
        _listed(console, name, names, f"{escape(s.title)} [dim]({_set_facts(s, lang)})[/dim]")
        if verbose:
            console.print(_question_grid(s.questions, lang, console.width))
    if companies:
        console.print(f"[bold]{t('companies', lang)}[/bold]")
        names = [escape(s.company.name) for s in companies]
        for s, name in zip(companies, names):
            _listed(console, name, names, f"[dim]({_set_facts(s, lang)})[/dim]")
            if verbose:  # "every question": a company's too (QA s44 G #3)
                console.print(_question_grid(s.questions, lang, console.width))
    if problems:
        console.print(f"[yellow]{t('problems', lang)}[/yellow]")
        for p in problems:
            indented(console, 2, f"[yellow]{escape(p)}[/yellow]")


def _listed(console: Console, name: str, names: Sequence[str], body: str) -> None:
    """A set's or company's line in a list: its ``name`` (markup) padded to the longest of
    ``names``, so the descriptions of the list start in one column and wrap under themselves
    (under the name, indented, when that column leaves too little room)."""
    from rich.cells import cell_len

    widest = max(cell_len(Text.from_markup(n).plain) for n in names)
    label = Text.from_markup(f"[bold]{name}[/bold]")
    label.pad_right(widest - cell_len(label.plain) + 1)
    indented(console, 2, body, label)


def indented(console: Console, indent: int, body: str | Text, label: str | Text | None = None) -> None:
    """A line ``indent`` cells in, wrapping under itself (after its ``label``, when it has one);
    text written without spaces broken by its rules. Markup strings are read as markup."""
    from rich.cells import cell_len

    body = Text.from_markup(body) if isinstance(body, str) else body
    label = Text.from_markup(label) if isinstance(label, str) else label
    room = console.width - indent - (cell_len(label.plain) + 1 if label is not None else 0)
    if label is not None and room < 16:  # too narrow beside its label: under it
        indented(console, indent, label)
        indented(console, indent + 2, body)
        return
    body = fit_line(body, room)
    if label is None:
        console.print(Padding(body, (0, 0, 0, indent), expand=False))
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(label, body)
    console.print(Padding(grid, (0, 0, 0, indent), expand=False))


def _set_facts(s: Any, lang: str) -> str:
    """"English, 9 questions, built-in" / 「英語・9問・組み込み」: a file's path for the user's, the
    logged interviews for a company known only from them."""
    source = t("builtin", lang) if s.builtin else t("from_interviews", lang) if s.source == "archive" else s.source
    return t("set_facts", lang, language=t(f"language_{s.language}", lang), n=len(s.questions),
             source=escape(source))


def _question_grid(questions: Sequence[Any], lang: str, width: int, indent: int = 4) -> Padding:
    """Questions under their set or company, ``indent`` cells in: id, text (wrapping under
    itself; in a language written without spaces, by its line rules), budget; in a narrow
    terminal (:func:`~furikaeri.report.wrap.stacked`), the id and budget on a line, the question
    under it."""
    from rich.cells import cell_len

    ids = max((cell_len(q.id) for q in questions), default=0)
    budgets = [t("secs", lang, n=q.budget_s) for q in questions]
    room = width - indent - ids - max((cell_len(b) for b in budgets), default=0) - 4
    if stacked(width) or room < 16:
        rows: list = []
        for q, budget in zip(questions, budgets):
            rows += [Text.assemble((q.id, "dim"), "  ", (budget, "dim")), hanging(Text(q.text), width - indent, 2)]
        return Padding(Group(*rows), (0, 0, 0, indent))
    grid = Table.grid(padding=(0, 2), pad_edge=False)
    grid.add_column(justify="right", style="dim", no_wrap=True)
    grid.add_column(max_width=room)
    grid.add_column(style="dim", no_wrap=True)
    for q, budget in zip(questions, budgets):
        grid.add_row(q.id, wrap_unspaced(Text(q.text), room) if unspaced(q.text) else Text(q.text), budget)
    return Padding(grid, (0, 0, 0, indent))


def render_company(console: Console, info: dict[str, Any], lang: str, *, cli: str = "furikaeri") -> None:
    """A company's research (its file's over the archive's), what `practice --company` asks
    (each question with the id its --only takes), and the interviews logged with it; ``cli``:
    how the suggested command starts (with the archive's --home when one was given)."""
    from types import SimpleNamespace

    console.print(f"[bold]{escape(info['name'])}[/bold]")
    research: dict[str, Any] = {}
    if info.get("archive"):
        research.update({k: v for k, v in info["archive"].items() if v})
    if info.get("file") and info["file"].get("company"):
        research.update({k: v for k, v in info["file"]["company"].items() if v})
    for key in ("asks", "atmosphere", "interviewers", "valued", "to_ask", "notes"):
        value = research.get(key)
        if not value:
            continue
        if isinstance(value, list):
            value = "\n".join(value)
        console.print(f"[bold]{t(key, lang)}[/bold]")
        for line in str(value).splitlines():  # each wrapping under itself
            indented(console, 2, Text(line))
    practice = info.get("practice") or info.get("file")  # an older caller's: the file's own
    if practice and practice.get("questions"):
        source = t("from_interviews", lang) if practice["source"] == "archive" else practice["source"]
        _say(console, f"[bold]{escape(t('practice_source', lang, head=t('practice_questions', lang), source=source))}[/bold]")
        questions = [SimpleNamespace(**q) for q in practice["questions"]]
        console.print(_question_grid(questions, lang, console.width, indent=2))
        _command_line(console, 2, t("practice_one", lang, cli=cli, company=info["name"], id=questions[0].id))
    if info.get("interviews"):
        console.print(f"[bold]{t('interviews', lang)}[/bold]")
        for iv in info["interviews"]:
            render_interview(console, Interview(**{**iv, "items": tuple(iv["items"])}), lang, indent="  ")


def _command_line(console: Console, indent: int, said: str) -> None:
    """A hint ending in a command (「1問だけ練習: furikaeri … --only asked1-1」) ``indent`` cells
    in: on one line when it fits, else the hint, then the command on a line of its own that is
    never broken (the terminal folds it, a copy pastes it whole)."""
    from rich.cells import cell_len

    if indent + cell_len(said) <= console.width:
        indented(console, indent, Text(said, style="dim"))
        return
    hint, colon, command = said.partition(": ")
    if colon:
        indented(console, indent, Text(hint + ":", style="dim"))
    console.print(Text(" " * (indent + (2 if colon else 0)) + (command if colon else said), style="dim"),
                  soft_wrap=True)


def render_interview(console: Console, iv: Interview, lang: str, *, indent: str = "") -> None:
    """A logged interview: its head, each question with what was answered, the reaction, what
    went well and what to fix, each wrapping under itself after its label."""
    head = f"[bold]#{iv.id} {escape(iv.held_on)}[/bold]"
    if iv.company:
        head += f" {escape(iv.company)}"
    if iv.stage:
        head += f" [dim]{escape(iv.stage)}[/dim]"
    at = len(indent)
    indented(console, at, head)
    for item in iv.items:
        indented(console, at + 2, Text(item.get("question", "")), f"{t('q_label', lang)}:")
        if item.get("answer"):
            indented(console, at + 4, Text(item["answer"]), f"[dim]{t('answered', lang)}:[/dim]")
    for key in ("reaction", "went_well", "to_fix"):
        value = getattr(iv, key)
        if value:
            indented(console, at + 2, Text(value), f"[bold]{t(key, lang)}:[/bold]")
    if iv.audio_path:
        indented(console, at + 2, f"[dim]{t('recording_kept', lang)}: {escape(iv.audio_path)}[/dim]")
