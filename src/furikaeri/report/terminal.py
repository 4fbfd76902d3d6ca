"""The per-answer delivery report in the terminal (rich).

Receives an :class:`~furikaeri.analysis.Analysis`; never measures, never touches the store.
Labels come from the answer's language rules, so a Japanese answer gets a Japanese report.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


OK_WORD = {"秒": "まずまず"}
STYLE = {"good": "green", "ok": "yellow", "low": "yellow", "high": "red", "n/a": "dim"}


def labels_for(language: str) -> dict[str, str]:
    """The answer's language's text table (:func:`furikaeri.lang.text`)."""
    from furikaeri.lang import get_rules

    return get_rules(language).labels


def _num(value, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _verdict(v, L) -> Text:
    if v is None:
        return Text("")
    level = v.level
    word = L.get(f"verdict_{level}", OK_WORD.get(L.get("seconds"), level) if level == "ok" else level)
    return Text(f"{word}  ({v.norm})", style=STYLE.get(level, ""))


def marked_transcript(a, L) -> Text:
    """The transcript with fillers highlighted, long pauses shown as [1.4s], and a marker
    where the time budget ran out."""
    text = Text()
    fillers = list(a.fillers)
    pauses = [p for p in a.pauses if p.kind != "short"]
    reps = list(a.repetitions)
    cut_idx = a.budget_cut["word_index"] if a.budget_cut else None
    events = []  # acoustic fillers and pauses are placed between words by time
    for f in fillers:
        if f.how_found == "acoustic":
            events.append((f.start, Text(f" {f.text}", style="bold magenta")))
    for p in pauses:
        style = "bold red" if p.kind == "very_long" else "yellow"
        events.append((p.start, Text(f" [{p.duration:.1f}s]", style=style)))
    events.sort(key=lambda e: e[0])
    ei = 0
    for i, w in enumerate(a.words):
        while ei < len(events) and events[ei][0] < w.start:
            text.append_text(events[ei][1])
            ei += 1
        if cut_idx is not None and i == cut_idx:
            text.append(f" ⏱ {L['budget_ran_out_here']} ▶", style="bold red")
        is_filler = any(
            f.how_found != "acoustic" and f.start < w.end and f.end > w.start and w.text.strip(" ,.、。").lower()
            in f.text.lower()
            for f in fillers
        )
        is_rep = any(r.start < w.end and r.end > w.start for r in reps)
        style = "bold magenta underline" if is_filler else "cyan underline" if is_rep else (
            "red" if cut_idx is not None and i >= cut_idx else "")
        text.append(w.text if i else w.text.lstrip(), style=style)
    for e in events[ei:]:
        text.append_text(e[1])
    return text


def render(a, console: Console | None = None) -> None:
    """Print the report for analysis ``a``."""
    console = console or Console()
    L = labels_for(a.language)
    head = Text()
    if a.file:
        head.append(f"{a.file}\n", style="bold")
    if a.question:
        head.append(f"{L['question']}: {a.question}\n")
    if not a.speech_detected:
        head.append(L["no_speech"], style="bold yellow")
        console.print(Panel(head, title=L["title"], expand=False))
        return

    t = Table.grid(padding=(0, 2))
    t.add_column(style="bold")
    t.add_column(justify="right")
    t.add_column()
    s = L["seconds"]
    over = a.answer_s - a.budget_s
    length = f"{a.answer_s:.1f} {s} / {a.budget_s:g} {s}"
    length_v = (
        Text(f"{L['over_budget']} +{over:.0f} {s}", style="bold red")
        if a.over_budget
        else Text(L["within_budget"], style="green")
    )
    t.add_row(L["answer_length"], length, length_v)
    t.add_row(L["latency"], f"{a.latency_s:.1f} {s}", "")
    r = a.rate
    if a.language == "ja":
        t.add_row(L["rate"], f"{_num(r.get('morae_per_s'))} {L['morae_per_s']}", _verdict(a.verdicts.get("rate"), L))
        t.add_row("", f"{_num(r.get('articulation_morae_per_s'))}", Text(L["articulation_morae_per_s"], style="dim"))
        t.add_row("", f"{_num(r.get('chars_per_min'), 0)} {L['chars_per_min']}", _verdict(a.verdicts.get("chars_per_min"), L))
    else:
        t.add_row(L["rate"], f"{_num(r.get('wpm'), 0)} {L['wpm']}", _verdict(a.verdicts.get("rate"), L))
        t.add_row("", f"{_num(r.get('articulation_wpm'), 0)}", Text(L["articulation_wpm"], style="dim"))
    st = a.stats
    t.add_row(
        L["fillers"],
        f"{st['filler_count']}  ({st['fillers_per_min']:.1f}{L['per_min']})",
        _verdict(a.verdicts.get("fillers"), L),
    )
    if a.fillers:
        counts: dict[str, int] = {}
        for f in a.fillers:
            counts[f.text.lower()] = counts.get(f.text.lower(), 0) + 1
        top = "  ".join(f"{k}×{n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])[:5])
        t.add_row("", Text(top, style="magenta"), Text(f"{L['filler_share']} {st['filler_share'] * 100:.0f}%", style="dim"))
    if a.repetitions:
        counts = {}
        for rp in a.repetitions:
            counts[rp.text.lower()] = counts.get(rp.text.lower(), 0) + 1
        top = "  ".join(f"{k}×{n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])[:5])
        t.add_row(L["repetitions"], f"{st['repetitions']}  ({st['repetitions_per_min']:.1f}{L['per_min']})",
                  Text(top, style="cyan"))
    t.add_row(L["pauses"], f"{st['pause_count']}", _verdict(a.verdicts.get("pauses"), L))
    detail = (
        f"{L['long_pauses']} {st['long_pauses']} · {L['very_long_pauses']} {st['very_long_pauses']} · "
        f"{L['longest_pause']} {st['longest_pause_s']:.1f} {s} · {L['silence_share']} {st['silence_share'] * 100:.0f}%\n"
        f"{L['sentence_pauses']} {st['sentence_pauses']} · {L['mid_pauses']} {st['mid_pauses']}"
    )
    t.add_row("", "", Text(detail, style="dim"))
    parts = [head, t, Text(""), Text(L["transcript"], style="bold"), marked_transcript(a, L)]
    if a.tips:
        parts += [Text(""), Text(L["tips"], style="bold")]
        parts += [Text(f"• {tip}") for tip in a.tips]
    for w in a.warnings:
        parts.append(Text(f"{L['warnings']}: {w}", style="dim italic"))
    console.print(Panel(Group(*parts), title=L["title"], subtitle=f"{a.model or ''} · {a.language}", expand=True))
