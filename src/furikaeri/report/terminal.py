"""The per-answer delivery report in the terminal (rich).

Receives an :class:`~furikaeri.analysis.Analysis`; never measures, never touches the store.
Labels come from the answer's language rules, so a Japanese answer gets a Japanese report.
"""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from furikaeri import norms
from furikaeri.lang import clock
from furikaeri.lang.ja import hedge_spelled
from furikaeri.report.wrap import NO_LINE_START, fit_line, hanging, stacked, unspaced, wrap_phrases, wrap_unspaced


STYLE = {"good": "green", "ok": "yellow", "low": "yellow", "high": "red", "n/a": "dim"}
#: A first word this late (s) or later: the report's times (the recording's) are said to run
#: from the start of the take, apart from the answer's length, timed from the first word.
CLOCK_NOTE_S = 1.0
#: The report's widest: on a wider terminal a line of 190 cells is hard to read (QA s47 EE #10);
#: a narrower one is used whole.
MAX_WIDTH = 100


def report_width(console: Console) -> int:
    """The report's width on ``console``: the terminal's, at most :data:`MAX_WIDTH` cells."""
    return min(console.width, MAX_WIDTH)


def labels_for(language: str) -> dict[str, str]:
    """The answer's language's text table (:func:`furikaeri.lang.text`)."""
    from furikaeri.lang import get_rules

    return get_rules(language).labels


def _num(value, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _verdict(v, L, *, unit: str = "", speed: bool = False, late: bool = False) -> Text:
    """"good  (120–160 wpm)" in the verdict's colour; ``unit`` names the figure before it;
    a ``speed`` is slow or fast rather than low or high, a time to the point ``late``."""
    if v is None:
        return Text("")
    level = {"low": "slow", "high": "fast"}.get(v.level, v.level) if speed else v.level
    if late and level == "high":
        level = "late"
    word = L.get(f"verdict_{level}", L["verdict_na"])
    norm = f"（{v.norm}）" if unspaced(word + v.norm) else f" ({v.norm})"  # Japanese: full-width (「–（5.5〜8拍/秒）」 too)
    shown = f"{unit}  {word}{norm}" if unit else f"{word}{norm}"
    return Text(shown, style=STYLE.get(v.level, ""))


def _reference(v, L) -> Text:
    """A figure shown with its band for reference, not judged ("for reference (250–350 chars/min)")."""
    word = L["verdict_reference"]
    return Text(f"{word}（{v.norm}）" if unspaced(word + v.norm) else f"{word} ({v.norm})", style="dim")


def _latin_end(s: str) -> bool:
    """Does ``s`` end in a Latin word, or its punctuation ("wrong.", "internship,"), or a pause's
    mark ("[1.2s]": a Latin word after it keeps its space)?"""
    return bool(re.search(r"(?:[A-Za-z0-9][,.!?;:]*|\])$", s))


def _latin_start(s: str) -> bool:
    return bool(s) and s[0].isascii() and s[0].isalnum()


def marked_transcript(a, L, *, spaced: bool = True) -> Text:
    """The transcript with fillers highlighted, long pauses shown as [1.4s], and a marker
    where the time budget ran out. Not ``spaced`` (Japanese), a word keeps the space Whisper
    put before it only between two Latin words (「カギ。県は」, "Thank you", "wrong. During",
    「Whisper も」 is 「Whisperも」), as :func:`furikaeri.lang.readable` writes a transcript."""
    text = Text()
    fillers = list(a.fillers)
    pauses = [p for p in a.pauses if p.kind != "short"]
    reps = list(a.repetitions)
    cut_idx = marker_index(a.words, a.budget_cut.word_index, a.language,
                           keep=[(f.start, f.end) for f in fillers if f.how_found != "acoustic"]) if a.budget_cut else None
    events = _between_words(fillers, pauses, [w.start for w in a.words], L)
    ei = 0
    for i, w in enumerate(a.words):
        while ei < len(events) and events[ei][0] < w.start:
            text.append_text(_event(events[ei][1], text.plain, spaced))
            ei += 1
        if cut_idx is not None and i == cut_idx:
            text.append(f" ⏱ {L['budget_ran_out_here']} ▶", style="bold red")
        is_filler = any(
            f.how_found != "acoustic" and f.start < w.end and f.end > w.start and w.text.strip(" ,.、。").lower()
            in f.text.lower()
            for f in fillers
        )
        is_rep = any(r.start < w.end and r.end > w.start for r in reps)
        is_hedge = any(h.start <= w.start and w.end <= h.end for h in a.hedges)
        style = "bold magenta underline" if is_filler else "cyan underline" if is_rep else (
            "blue underline" if is_hedge else "red" if cut_idx is not None and i >= cut_idx else "")
        said = w.text if i else w.text.lstrip()
        if not spaced and said[:1] == " " and not (_latin_end(text.plain) and _latin_start(said.lstrip())):
            said = said.lstrip()
        text.append(said, style=style)
    if cut_idx is not None and cut_idx >= len(a.words):  # the budget ran out at the answer's last word
        text.append(f" ⏱ {L['budget_ran_out_here']} ▶", style="bold red")
    for e in events[ei:]:
        text.append_text(_event(e[1], text.plain, spaced))
    return text


def _between_words(fillers, pauses, starts, L) -> list[tuple[float, Text]]:
    """The marks placed between words (their ``starts``) by time: acoustic fillers and the
    pauses' [1.4s], in order. Two pauses with nothing between them (no word, no filler) had a
    sound there that Whisper wrote nothing for (a beep, static, a mumble): it is marked
    (``transcript_sound``), so "[9.6s] (sound) [1.9s]" does not read as one silence of 11.5 s
    beside a longest pause of 9.6 s (QA s35 A #6)."""
    events = [(f.start, "filler", Text(f" {f.text}", style="bold magenta")) for f in fillers
              if f.how_found == "acoustic"]
    for p in pauses:
        style = "bold red" if p.kind == "very_long" else "yellow"
        events.append((p.start, "pause", Text(f" [{p.duration:.1f}{L['seconds']}]", style=style)))
    events.sort(key=lambda e: e[0])
    out: list[tuple[float, Text]] = []
    for k, (t, kind, mark) in enumerate(events):
        after_pause = k and events[k - 1][1] == "pause" and not any(events[k - 1][0] < x <= t for x in starts)
        if kind == "pause" and after_pause:
            out.append((t, Text(f" {L['transcript_sound']}", style="dim")))
        out.append((t, mark))
    return out


def _event(mark: Text, before: str, spaced: bool) -> Text:
    """A pause's mark or a filler heard in the audio alone, placed after the transcript so far
    (``before``): with its space in English, without it in Japanese (「です。[1.0秒]えー」, not
    「です。 [1.0秒]」), unless a Latin word ends the text before it."""
    if spaced or not before or _latin_end(before) and not before.endswith("]"):
        return mark
    out = mark.copy()
    out.plain = out.plain.lstrip()
    return out


def marker_index(words, index: int, language: str, keep=()) -> int:
    """The word before which the budget's marker goes: ``index`` (the first word said after the
    budget ran out) when a word starts there, else the start or the end of the word it falls in,
    whichever is nearer (Whisper hears Japanese a character or two at a time: 学|生, え|ー). A word
    starts after a space, or in a language written without spaces where its dictionary says one
    does; never at a mark that may not open a line (、 ー), nor inside a time span of ``keep``
    (a filler: えー|と is one)."""
    if not 0 < index < len(words):
        return index
    texts = [w.text for w in words]
    starts = {i for i in _word_starts(texts, language)
              if not any(s + 1e-6 < words[i].start < e - 1e-6 for s, e in keep)}
    back = next((j for j in range(index, 0, -1) if j in starts), 0)
    ahead = next((j for j in range(index + 1, len(words)) if j in starts), len(words))
    size = lambda i, j: sum(len(x.strip()) for x in texts[i:j])  # noqa: E731
    return back if size(back, index) <= size(index, ahead) else ahead


def _word_starts(texts: list[str], language: str) -> set[int]:
    """Indexes of Whisper's words that begin a word of the answer."""
    from furikaeri.lang import get_rules

    ok = {i for i, x in enumerate(texts) if x.strip()[:1] not in NO_LINE_START}
    rules = get_rules(language)
    if rules.joiner:
        return {i for i in ok if i == 0 or texts[i][:1] == " " or texts[i - 1][-1:] == " "}
    joined, at = "", []
    for x in texts:
        at.append(len(joined))
        joined += x.strip()
    try:
        tokens = rules.diff_tokens(joined)
    except Exception:  # noqa: BLE001 - no dictionary: the marks that may not open a line still hold
        return ok
    bounds, pos = {0}, 0
    for tok in tokens:
        found = joined.find(tok, pos)
        if found >= 0:
            bounds.add(found)
            pos = found + len(tok)
    return {i for i in ok if at[i] in bounds}


def render(a, console: Console | None = None, focus=None) -> None:
    """Print the report for analysis ``a``, in the answer's language. It leads with ``focus``
    (:class:`furikaeri.coach.Focus`, the one thing to work on) when there is one; short figures
    sit in a grid (label, value, verdict with its norm); longer details are lines of their own,
    so the report stays whole at 80 columns."""
    from furikaeri.lang import get_rules

    console = console or Console()
    rules = get_rules(a.language)
    L = rules.labels
    width = report_width(console)
    inner = width - 4  # the panel's borders and padding
    head = Text()
    if a.file:  # a path longer than a line broken after a "/", each name whole
        head.append_text(wrap_phrases(Text(a.file, style="bold"), inner, fill=True))
        head.append("\n")
    if a.question:  # a question without spaces broken by its rules, beside its label
        head.append_text(fit_line(Text(f"{L['question']}: {a.question}"), inner))
        head.append("\n")
    if not a.speech_detected:
        head.append(L["no_speech"], style="bold yellow")
        console.print(Panel(head, title=L["title"], expand=False))
        return
    heard_as = _heard_as(a, inner) if a.sounds_like else []  # every figure below is off: said first
    lead = [focus_line(focus, a.language, inner), Text("")] if focus is not None else []
    said = marked_transcript(a, L, spaced=bool(rules.joiner))
    from furikaeri.advice import tips_as_shown

    tips: list = tips_as_shown(a, focus)  # the first tip is about what the first line asks
    warnings: list = [w for w in a.warnings if not (a.sounds_like and w == _language_warning(a))]
    warn_mark = f"{L['warnings']}:"
    from rich.cells import cell_len

    if not rules.joiner:  # written without spaces: broken by hand, no 、 or 。 opening a line
        said = wrap_unspaced(said, inner)
        tips = [wrap_unspaced(Text(tip), inner - 2) for tip in tips]
        warnings = [wrap_unspaced(Text(w), inner - cell_len(warn_mark) - 1) for w in warnings]
    else:  # at spaces, but a number kept with its unit ("60 s", not "60" / "s."; QA s49b KK #3)
        tips = [wrap_phrases(Text(tip), inner - 2, fill=True) for tip in tips]
        warnings = [wrap_phrases(Text(w), inner - cell_len(warn_mark) - 1, fill=True) for w in warnings]
    parts = [head, *heard_as, *lead, figures(a, rules, inner), Text(""), *(_hung(d, inner) for d in details(a, L)), Text(""),
             Text(L["transcript"], style="bold"), said]
    if tips:
        parts += [Text(""), Text(L["tips"], style="bold"), _bullets(tips, "•")]
    if warnings:
        parts += [Text(""), _bullets(warnings, warn_mark, style="dim italic")]
    console.print(Panel(Group(*parts), title=L["title"], subtitle=f"{a.model or ''} · {rules.name}", expand=True,
                        width=width))


def _language_warning(a) -> str:
    """The warning that ``a`` sounds like another language than it was analysed as (its language's)."""
    from furikaeri.lang import text

    return text(a.language, "warn_language", heard=text(a.language, f"language_{a.sounds_like}"),
                as_code=a.sounds_like)


def _heard_as(a, width: int) -> list:
    """The report's first lines for an answer analysed in one language and said in the other:
    the warning in the report's language and in the language heard (the person who chose the
    wrong one may read only that one), then a blank line."""
    from furikaeri.lang import get_rules, text

    heard = text(a.sounds_like, "warn_language_heard", analysed=text(a.sounds_like, f"language_{a.language}"),
                 as_code=a.sounds_like)
    out = []
    for code, said in ((a.language, _language_warning(a)), (a.sounds_like, heard)):
        line = Text(said, style="bold yellow")
        out.append(line if get_rules(code).joiner else wrap_unspaced(line, width))
    return [*out, Text("")]


def focus_line(focus, language: str, width: int | None = None) -> Group:
    """The report's lead: the one figure to work on, against its norm or the person's usual,
    and what to try next time (after an arrow, wrapping under itself; in a language written
    without spaces, broken by hand to ``width``)."""
    from furikaeri.lang import text
    from furikaeri.metrics import METRIC_BY_NAME
    from furikaeri.report.history import fmt_value

    metric = METRIC_BY_NAME.get(focus.metric)
    label = focus_name(focus.metric, language)
    # the report is in the answer's language: its label language and the units' answer language are one
    value = fmt_value(focus.metric, focus.value, language, language=language, signed=focus.metric == "over_s")  # 81.6 wpm
    if focus.metric == "over_s":  # the budget is the norm, and the figure says how far past it
        from furikaeri.measure import over_shown

        shown = metric.with_unit(f"{over_shown(focus.value):+g}", language, language) if metric else value
    elif focus.metric == "answer_s":  # far too short: against the budget, the length as the report shows it
        shown = text(language, "focus_short", value=value, share=norms.SHORT_ANSWER_SHARE,
                     budget=focus.limit / norms.SHORT_ANSWER_SHARE)
    elif focus.against == "usual":
        shown = text(language, "focus_vs_usual", value=value,
                     usual=fmt_value(focus.metric, focus.usual, language, language=language,
                                     signed=focus.metric == "over_s"))
    else:
        shown = text(language, "focus_vs_norm", value=value, limit=_norm_shown(focus.metric, focus.limit, language))
    out = Text.assemble((f"{text(language, 'focus_title')}: ", "bold magenta"), (f"{label} ", "bold"), shown)
    if width:
        out = fit_line(out, width)
    from furikaeri.lang import get_rules

    suggestion = Text(focus.suggestion(language))
    if not get_rules(language).joiner and width:
        suggestion = wrap_unspaced(suggestion, width - 2)
    return Group(out, _bullets([suggestion], "→", style="magenta"))


def focus_name(metric: str, lang: str) -> str:
    """Focus figure ``metric``'s name in ``lang``, for a focus line or entry: its own
    (``focus_metric_<name>``) where the table's label carries a unit to tell two columns apart
    (「話速（拍/秒）」 beside 字/分), which the value after the name says again; else the label."""
    from furikaeri.lang import get_rules, text
    from furikaeri.metrics import METRIC_BY_NAME

    own = f"focus_metric_{metric}"
    if own in get_rules(lang).labels:
        return text(lang, own)
    return METRIC_BY_NAME[metric].label(lang) if metric in METRIC_BY_NAME else metric


def _norm_shown(metric: str, limit: float, language: str) -> str:
    """A figure's norm as the report's table writes it (≤ 2/min, 3 s, 20%: the norms' own
    :g figures), with the figure's unit."""
    from furikaeri.metrics import METRIC_BY_NAME

    m = METRIC_BY_NAME.get(metric)
    return m.with_unit(f"{limit * m.scale:g}", language, language) if m else f"{limit:g}"


def figures(a, rules, width: int | None = None):
    """The short figures: a grid of label, value and verdict with its norm (the verdicts broken
    by hand between their phrases to fit ``width``: a verdict, its norm, "point first"); in a narrow terminal
    (:func:`furikaeri.report.wrap.stacked`), each figure stacked: its label and value on a line,
    its verdict and norm on the next, indented."""
    rows: list[tuple] = []
    _figure_rows(a, rules, rows)
    if width and stacked(width + 4):  # the panel's borders and padding
        return _stacked_figures(rows, width)
    rows = [(label, value, Text.assemble(Text(f"{unit}  ", style=verdict.style), verdict) if unit and verdict.plain
             else Text(unit, style="dim") if unit else verdict) for label, value, verdict, unit in rows]
    if width:  # by phrase, in English too: rich would break "point first" at its space
        from rich.cells import cell_len

        label_w = max(cell_len(str(r[0])) for r in rows)
        value_w = max(cell_len(str(r[1])) for r in rows)
        room = max(10, width - label_w - value_w - 4)
        rows = [(r[0], r[1], wrap_phrases(r[2], room)) for r in rows]
    t = Table.grid(padding=(0, 2))
    t.add_column(style="bold", no_wrap=True)
    t.add_column(justify="right", no_wrap=True)
    t.add_column(overflow="fold")
    for row in rows:
        t.add_row(*row)
    return t


def _stacked_figures(rows: list[tuple], width: int) -> Group:
    """Each figure's label and value (with its unit) on a line, the value on a line of its own
    when both do not fit; its verdict and norm on the next line, indented. A figure with no label
    (the second way of giving the speaking rate) goes under the one before, indented."""
    from rich.cells import cell_len

    out: list = []
    for label, value, verdict, unit in rows:
        shown = (f"{value}{unit}" if unspaced(unit) else f"{value} {unit}") if unit else value  # 4.7拍/秒, 79.8 wpm
        line = Text.assemble((label, "bold"), "  ", shown) if label else Text.assemble("  ", shown)
        if cell_len(line.plain) <= width:
            out.append(line)
        else:
            out += [Text(label, style="bold"), hanging(Text(shown), width, 2)]
        if verdict.plain:  # broken between its phrases, in English too ("point first" kept whole)
            out.append(hanging(wrap_phrases(verdict, width - 4), width, 4))
    return Group(*out)


def _figure_rows(a, rules, rows: list) -> None:
    """The rows of :func:`figures`, appended to ``rows`` as (label, value, verdict, unit): the
    unit of a speaking rate is its own, the others' is in their value. Each figure is shown with
    the digits its verdict judged (:func:`furikaeri.measure.as_shown`). An answer that sounds like
    the other language (``sounds_like``), or was said in a room too loud to rate anything
    (``room_untrusted``), has its figures shown with no verdict: a warning says they cannot be trusted."""
    from furikaeri.analysis import judged_on_freeze
    from furikaeri.measure import ANSWER_DIGITS, LATENCY_DIGITS, as_shown, latency_verdict, over_shown, rate_digits

    L = rules.labels
    s = L["seconds"]
    sp = " " if rules.joiner else ""  # a unit after its number: "0.4 s", 「0.4秒」
    # nothing rated (a room too loud to trust: furikaeri.advice.room_too_loud): none made up here
    judged = not a.sounds_like and not getattr(a, "room_untrusted", False)
    verdict_of = (lambda name: a.verdicts.get(name)) if judged else (lambda name: None)  # noqa: E731
    length = a.verdicts.get("length")
    over = a.over_budget if length is None else length.level == "high"
    short = length is not None and length.level == "low"
    length_v = (Text("") if not judged or (length is not None and length.level == "n/a")  # a file cut short
                else Text(f"{L['over_budget']} {over_shown(as_shown(a.answer_s, ANSWER_DIGITS) - a.budget_s):+g}{sp}{s}",
                          style="bold red")  # from the length shown beside it: 52.5 / 30 s is +23 s
                if over
                else Text(L["short_of_budget"].format(share=norms.SHORT_ANSWER_SHARE), style="yellow") if short
                else Text(L["within_budget"], style="green"))
    rows.append((L["answer_length"], f"{a.answer_s:.1f} / {a.budget_s:g}{sp}{s}", length_v, ""))  # 18.7 / 30秒
    # an answer archived before the time to the first word had a verdict is judged by the same rule
    latency = verdict_of("latency") or (latency_verdict(a.latency_s, a.language) if judged else None)
    if a.latency_s is not None:  # None: a loud noise before the first word hid when the answer began
        rows.append((L["latency"], f"{as_shown(a.latency_s, LATENCY_DIGITS):.1f}{sp}{s}",
                     _verdict(latency, L, late=True), ""))
    first = True
    for key in rules.rate_keys:
        verdict = verdict_of("rate" if key == rules.rate_key else key)
        value = a.rate.get(key)
        label = L["rate"] if first else ""
        # characters a minute (Japanese) beside the morae: shown with their band, not judged: how many
        # there are depends on the kanji Whisper writes (QA s54 AH #3: 「速め」 beside 拍/秒 「ちょうどよい」)
        shown = Text("") if not verdict else _verdict(verdict, L, speed=True) if key == rules.rate_key \
            else _reference(verdict, L)
        rows.append((label, f"{_num(value, rate_digits(value or 0.0, key))}", shown, L[key]))
        first = False
    st = a.stats
    rated = a.rate.get(rules.rate_key) is not None  # too short for a pace: too short for any rate
    rows.append((L["fillers"], _per_min(L, st.filler_count, st.fillers_per_min, rated),
                 _verdict(verdict_of("fillers"), L), ""))
    if a.repetitions:
        rows.append((L["repetitions"], _per_min(L, st.repetitions, st.repetitions_per_min, rated), Text(""), ""))
    freeze = judged_on_freeze(verdict_of("pauses"), a.language)  # a noisy room: the freeze judged (QA s51 UU #6)
    rows.append((L["pauses"], L["pauses_on_freeze"].format(seconds=st.longest_pause_s) if freeze
                 else L["count"].format(n=st.pause_count), _verdict(verdict_of("pauses"), L), ""))
    if a.opening is not None:
        v = _verdict(verdict_of("opening"), L, late=True)
        v.append(_order_shown(a.opening.order if judged else None, v.plain, L), style="dim")
        rows.append((L["opening"], L["opening_value"].format(seconds=a.opening.seconds, share=a.opening.budget_share),
                     v, ""))
    rows.append((L["hedges"], L["hedges_value"].format(n=st.hedges, per100=st.hedges_per_100_words) if rated
                 else L["count"].format(n=st.hedges), _verdict(verdict_of("hedges"), L), ""))
    if a.voice.pitch_spread_st is not None:
        # the flat share beside the spread: the verdict is of the share (flat in half the stretches: low)
        flat = a.voice.monotone_share
        value = L["voice_value"].format(spread=a.voice.pitch_spread_st) if flat is None else \
            L["voice_value_flat"].format(spread=a.voice.pitch_spread_st, flat=flat)
        rows.append((L["voice"], value, _verdict(verdict_of("voice"), L), ""))


def _per_min(L, n: int, rate: float, rated: bool) -> str:
    """A count with its rate a minute, or alone in an answer too short for a pace (one "um" in
    0.8 s is no 76 a minute)."""
    return L["count_per_min"].format(n=n, rate=rate) if rated else L["count"].format(n=n)


def _order_shown(order, verdict: str, L) -> str:
    """What the opening did ("  story first"), after its verdict: nothing when not told, nor when
    the verdict's norm says it already ("good (≤ 20% of budget, point first)": once is enough)."""
    if not order or L[order] in verdict:
        return ""
    return f"  {L[order]}"


def details(a, L) -> list[Text]:
    """The longer details, a line each: which fillers, repetitions and hedges, pauses by
    count and place, habit phrases, pace and voice over time, the first sentence."""
    st = a.stats
    out = []
    if a.fillers:
        share = f"{L['filler_share']} {st.filler_share * 100:.0f}%"
        out.append(_counted(L["fillers"], a.fillers, "magenta",
                            tail=f"（{share.replace(' ', '')}）" if unspaced(share) else f"  ({share})"))
    if a.repetitions:
        out.append(_counted(L["repetitions"], a.repetitions, "cyan"))
    if st.pause_count:
        out.append(Text(f"{L['pauses']}: " + L["pause_counts"].format(
            n=st.pause_count, long=st.long_pauses, very_long=st.very_long_pauses, longest=st.longest_pause_s,
            share=st.silence_share, long_s=norms.LONG_PAUSE_S, very_long_s=norms.VERY_LONG_PAUSE_S), style="dim"))
        out.append(Text(f"{L['pauses']}: " + L["by_place"].format(
            sentence=st.sentence_pauses, clause=st.clause_pauses, mid=st.mid_pauses), style="dim"))
    else:  # no "longest 0.0 s" of no pause, nor three places of none
        out.append(Text(f"{L['pauses']}: " + L["pause_counts_none"].format(share=st.silence_share), style="dim"))
    if a.hedges:
        out.append(_counted(L["hedges"], a.hedges, "blue", word=lambda h: _shown_word(hedge_spelled(h))))
    if a.habits:
        line = Text(f"{L['habits']}: ", style="dim")
        line.append("  ".join(f"{h.phrase}×{h.count}" for h in a.habits[:5]), style="yellow")
        out.append(line)
    if a.pace.stretches and not a.sounds_like:  # too fast or slow: a verdict, of figures not to be trusted
        out.append(Text(f"{L['pace_over_time']}: " + " · ".join(
            L["too_fast" if x.level == "fast" else "too_slow"].format(start=clock(x.start), end=clock(x.end))
            for x in a.pace.stretches), style="dim"))
    timed = bool(a.pace.stretches and not a.sounds_like)
    flat = [w for w in a.voice.windows if w.monotone]
    if a.voice.pitch_spread_st is not None:
        voice = [L["loudness"].format(db=a.voice.loudness_range_db)] if a.voice.loudness_range_db is not None else []
        if flat:
            spans: list[list[float]] = []
            for w in flat:  # windows that touch read as one stretch: 1:51–2:03, not 1:51–2:01, 2:01–2:03
                if spans and w.start <= spans[-1][1] + 0.05:
                    spans[-1][1] = max(spans[-1][1], w.end)
                else:
                    spans.append([w.start, w.end])
            voice.append(L["flat_at"].format(share=a.voice.monotone_share or 0.0, spans=L["list_sep"].join(
                L["time_span"].format(start=clock(a), end=clock(b)) for a, b in spans)))
        if voice:
            out.append(Text(f"{L['voice']}: " + " · ".join(voice), style="dim"))
        timed = timed or bool(flat)
    if timed and (a.latency_s or 0.0) >= CLOCK_NOTE_S:  # the screen's clock ran from the first word (QA s49 II #4)
        out.append(Text(L["times_of_take"].format(start=clock(a.latency_s)), style="dim"))
    if a.opening is not None:  # an answer saved before the text was joined as the transcript is shown
        from furikaeri.lang import readable

        out.append(Text(f"{L['first_sentence']}: {readable(a.opening.text, a.language)}", style="dim"))
    return out


def _hung(line: Text, width: int):
    """A detail line ("Fillers: え×2  あ×1 …") ``width`` cells wide, what follows its label
    wrapping under itself, not under the label (QA s38 G #6), in English as in Japanese (QA s47
    EE #10: "First sentence: Uh. My weakness," went on from column 0 at 40 columns); with a label
    wider than half a line, its later lines a little in (:func:`furikaeri.report.wrap.hang`); a
    line with no label as it is (:func:`fit_line`)."""
    from rich.cells import cell_len

    from furikaeri.report.wrap import hang

    at = line.plain.find(": ")
    if at < 0 or cell_len(line.plain) <= width:
        return fit_line(line, width)
    if cell_len(line.plain[: at + 2]) > width // 2:  # too little room beside it
        return hang(line, width, 2)
    label, rest = line[: at + 1], line[at + 2:]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    room = width - cell_len(label.plain) - 1
    # broken here, never between a number and its unit as rich would ("0 of 3" / "s or more": QA s49 HH #9)
    grid.add_row(label, fit_line(rest, room) if unspaced(rest.plain) else wrap_phrases(rest, room, fill=True))
    return grid


def _bullets(lines, mark: str, style: str = "") -> Table:
    """Lines after a mark, each wrapping under itself (Japanese has no spaces to break at)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style=style)
    grid.add_column(overflow="fold", style=style)
    for line in lines:
        grid.add_row(mark, line)
    return grid


def _shown_word(text: str) -> str:
    """A counted word as listed: lower case ("Um" at a sentence start is "um"; Whisper's "(uh)"
    is "uh"), but the pronoun I and its contractions stay capital ("I think", "I'm")."""
    return re.sub(r"\bi\b", "I", text.lower().strip("()[]"))


def _counted(label: str, items, style: str, tail: str = "", word=_shown_word) -> Text:
    """"Fillers: um×3  uh×2  (share 4%)": the most frequent texts first, each as ``word`` lists it."""
    counts: dict[str, int] = {}
    for x in items:
        counts[word(x.text)] = counts.get(word(x.text), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top = "  ".join(f"{k}×{n}" for k, n in ranked[:8]) + ("  …" if len(ranked) > 8 else "")  # adds up
    line = Text(f"{label}: ", style="dim")
    line.append(top, style=style)
    line.append(tail, style="dim")
    return line
