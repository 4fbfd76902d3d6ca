"""The archive as documents: the session list (``history``) and whole-archive exports to JSON
(everything), CSV (one row per answer) and Markdown (a practice journal in English or
Japanese, labels from the language text tables).

Reads the store, never writes it; returns text or plain dicts.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from furikaeri import norms
from furikaeri.errors import FurikaeriError, UsageError
from furikaeri.lang import LANGUAGES, get_rules, pick_lang, readable, text
from furikaeri.metrics import METRIC_BY_NAME, answer_document, cut_off, documented, too_short, unit_key
from furikaeri.store import Interview, Store, local_minute, user_questions_dir


def history(store: Store, *, limit: int | None = None, since: str | None = None, company: str | None = None,
            question_id: int | None = None) -> tuple[list[dict[str, Any]], int]:
    """Sessions newest first, each with its answers (light: metrics, note, no analysis; the
    figures as documented: :func:`furikaeri.metrics.documented`), at most ``limit`` of them, and
    how many more there are. Filtered (QA s47 DD #3): ``since`` (an ISO date on this computer's
    calendar) and ``question_id`` keep the answers from that date on and to that question, and
    the sessions holding any; ``company`` its answers (its name as `questions company` matches
    it, up to case, width and marks: :func:`furikaeri.progress.answers_kept`)."""
    from furikaeri.progress import answers_kept

    filtered = since is not None or company is not None or question_id is not None
    by_session: dict[int, list] = {}
    for a in answers_kept(store, store.answers(), since=since, company=company) if filtered else ():
        by_session.setdefault(a.session_id, []).append(a)
    out = []
    for s in store.sessions(limit=None if filtered else limit):
        answers = [a for a in (by_session.get(s.id, []) if filtered else store.answers(session_id=s.id))
                   if question_id is None or a.question_id == question_id]
        if filtered and not answers:
            continue
        # filtered: the count is of the answers listed (QA s49 HH #6)
        out.append({**s.to_dict(), **({"answer_count": len(answers)} if filtered else {}),
                    "answers": [answer_document(a.to_dict()) for a in answers]})
    shown = out[:limit] if limit is not None else out
    return shown, (len(out) if filtered else len(store.sessions())) - len(shown)


def interviews_kept(store: Store, *, company: str | None = None, since: str | None = None) -> list[Interview]:
    """The logged interviews, newest first: ``company``'s (its name as the archive matches it)
    and those held on or after ``since`` (an ISO date), each filter only when given."""
    from furikaeri.progress import company_names
    from furikaeri.questions import company_key

    names = company_names(store, company) if company else set()  # its file's set name too (QA s49 JJ #5)
    return [iv for iv in store.interviews() if (not company or company_key(iv.company or "") in names)
            and (not since or (iv.held_on or "") >= since)]


def export_data(store: Store, questions: Path | None = None, *, company: str | None = None,
                since: str | None = None) -> dict[str, Any]:
    """Everything in the archive as one JSON-ready document (full analyses included), with the
    person's question files from ``questions`` (default: the archive's folder of them).

    Filtered, as ``history`` filters (``company``: the answers practised for it; ``since``: those
    saved from that ISO date on), it holds the answers kept and the sessions and questions they
    belong to, the interviews of that company and from that date on, the company's research and
    no other company's file; ``filters`` then says what was kept, so it is never read as the
    whole archive."""
    from furikaeri.progress import answers_kept, companies_of

    filters = {k: v for k, v in (("company", company), ("since", since)) if v}
    answers = answers_kept(store, store.answers(full=True), since=since, company=company)
    practised = companies_of(store, answers)
    held = {a.session_id for a in answers}
    asked = {a.question_id for a in answers}
    companies = [c for c in (store.company(company),) if c is not None] if company else store.companies()
    return {
        "format": "furikaeri-export",
        "version": EXPORT_VERSION,
        "schema": store.schema_version(),
        **({"filters": filters} if filters else {}),
        "sessions": [_counted(s.to_dict(), answers, "session_id", filters) for s in store.sessions()
                     if not filters or s.id in held],
        "questions": [_counted(q.to_dict(), answers, "question_id", filters) for q in store.questions()
                      if not filters or q.id in asked],
        "answers": [{**in_report_order(answer_document(a.to_dict(full=True))), "company": practised.get(a.id),
                     "audio_missing": audio_missing(a.audio_path)} for a in answers],
        "companies": [company_doc(c.to_dict()) for c in companies],
        "interviews": [i.to_dict() for i in interviews_kept(store, company=company, since=since)],
        "question_files": _question_files(questions if questions is not None else user_questions_dir(store.home),
                                          company),
    }


def audio_missing(path: str | None) -> bool:
    """Is an answer's recording (``path``, as the archive gives it) no longer where the archive
    keeps it (moved or deleted behind its back)? ``show`` says so; ``show --json`` and the export
    give it as ``audio_missing`` (QA s51 TT #4: only the text said it). False for none kept."""
    import os

    return bool(path) and not os.path.exists(path)


def _name_of(path: Path) -> str:
    """A file's name as text: as the system's encoding reads it, else (a name written in UTF-8
    read in an EUC-JP or Latin-1 locale: undecodable bytes) as UTF-8, whatever cannot be read
    as U+FFFD (QA s47 FF #9: 「みどり物流.toml」 ended an EUC-JP export in an internal error)."""
    import os

    name = path.name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="replace")


def _counted(doc: dict[str, Any], answers, key: str, filters: dict[str, str]) -> dict[str, Any]:
    """A session's or question's document; in a filtered export its ``answer_count`` is of the
    answers the export holds (QA s49 HH #6: the whole archive's beside one answer)."""
    if filters and "answer_count" in doc:
        doc["answer_count"] = sum(1 for a in answers if getattr(a, key) == doc["id"])
    return doc


def _question_files(folder: Path, company: str | None = None) -> list[dict[str, str]]:
    """The person's own question sets and company files (the TOML files in ``folder``), each as
    written, so the export keeps what they wrote (QA s38 E #4); with ``company``, no other
    company's file."""
    out = []
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        if company and _another_company(path, company):
            continue
        try:
            out.append({"file": _name_of(path), "text": path.read_text(encoding="utf-8")})
        except (OSError, UnicodeDecodeError):  # a file no set is read from either: nothing to keep
            continue
    return out


def _another_company(path: Path, company: str) -> bool:
    """Is ``path`` the file of a company other than ``company``? A question set is no company's;
    a file that cannot be read is kept, as written (whose it is cannot be told)."""
    from furikaeri.questions import company_key, load_file

    try:
        own = load_file(path, strict=False).company
    except FurikaeriError:
        return False
    return own is not None and company_key(own.name) != company_key(company)


def in_report_order(answer: dict[str, Any], focus: str | None = None, *, saved: bool = True) -> dict[str, Any]:
    """A stored answer's document with its analysis's tips as its report shows them: the tip
    about its focus (``focus``, else, with ``saved``, the one saved with it) first, as ``--json``
    gives them after an answer (:func:`furikaeri.advice.tips_as_shown`); with no focus, the tips
    made for the question's kind all the same (a self-introduction's structure, not
    point-reason-example-point)."""
    from furikaeri.advice import focus_first, tips_as_shown
    from furikaeri.analysis import Analysis

    metric, analysis = focus or (answer.get("focus") if saved else None), answer.get("analysis")
    if not isinstance(analysis, dict):
        return answer
    try:
        a = Analysis.from_dict(analysis)
    except (TypeError, KeyError, ValueError):  # an analysis that cannot be read: as it is kept
        return answer
    tips = focus_first(list(a.tips), metric, a.language, analysis=a) if metric else tips_as_shown(a, None)
    return {**answer, "analysis": {**analysis, "tips": tips}}


#: The export's version: 2 gives a company's ``asks`` and ``to_ask`` as lists, as its file and
#: `questions show --json` do (version 1: one text, a line each).
EXPORT_VERSION = 2

#: A company's fields that hold a list (the archive keeps them as one text, a line each).
COMPANY_LISTS = ("asks", "to_ask")


def company_doc(c: dict[str, Any]) -> dict[str, Any]:
    """A company as exported: its lists (:data:`COMPANY_LISTS`) as lists, a line each."""
    return {**c, **{k: [x for x in (c.get(k) or "").splitlines() if x.strip()]
                    for k in COMPANY_LISTS if isinstance(c.get(k), str) or c.get(k) is None}}


CSV_METRICS = ("answer_s", "budget_s", "over_budget", "over_s", "wpm", "articulation_wpm", "chars_per_min",
               "morae_per_s", "fillers_per_min", "filler_count", "repetitions_per_min", "repetitions", "long_pauses",
               "longest_pause_s", "latency_s", "word_count", "pitch_spread_st", "loudness_range_db", "monotone_share",
               "hedges", "hedges_per_100_words", "opening_s", "opening_share", "off_pace_s")
#: What ``word_count`` and ``hedges_per_100_words`` count in, per answer (its language's unit:
#: ``words``, ``100 words``; ``morae``, ``300 morae``), as the JSON's ``stats.unit`` says: a
#: Japanese answer's 316 is morae, its 3.8 hedges per 300 morae. After the other columns, so a
#: script reading those by place reads them as before.
CSV_UNITS = ("word_count_unit", "hedges_per")
#: Figures tracked since the columns above were set, after them for the same reason. A
#: ``_floor`` column holds a figure stored blank that its report judged as at least this
#: (fillers where more filler-like sounds were left in doubt): its count too, for a sum
#: (QA s41 C1 #7: the report said 8 and the count's cell was empty).
CSV_LATER = ("long_pauses_per_min", "fillers_per_min_floor", "filler_count_floor")
#: What a row is grouped by in a spreadsheet, last: the session's number (two sessions may
#: share a name), the question's number and key (one question asked in several wordings is one
#: history), the company the session practised for (QA s47 DD #8).
CSV_KEYS = ("session_id", "question_id", "question_key", "company")
CSV_COLUMNS = ("answer_id", "created_at", "session", "question", "language", "model", *CSV_METRICS, "focus",
               "note_wrong", "note_why", "note_next_time", "audio_path", "transcript", *CSV_UNITS, *CSV_LATER,
               *CSV_KEYS, "audio_missing")  # 1 where audio_path is no longer there (QA s51 UU #5)


def to_csv(data: dict[str, Any], lang: str | None = None) -> str:
    """One row per answer (UTF-8; the CLI writes a BOM so spreadsheet apps read Japanese).
    The header is :data:`CSV_COLUMNS`, keys a script reads whatever the answers' language; with
    ``lang`` ``ja`` asked for (``--lang ja``), a Japanese header and Japanese words in the cells
    that hold words of the program's (language, focus, units), for a person opening the file in
    a spreadsheet: the figures and the person's own text are the same either way."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    words = lang if lang in LANGUAGES else "en"
    w.writerow(text(words, "csv_header").split(","))
    companies = {x.get("id"): x.get("company") for x in data.get("sessions") or ()}  # an export of before `company`
    for a in data["answers"]:
        note = a.get("note") or {}
        row = [a["id"], a["created_at"], _typed(a["session"]), _typed(a.get("question")),
               _language_cell(a.get("language"), words), a.get("model") or ""]
        figures = documented(a["metrics"])  # as the JSON gives them: over_s 0 within the budget
        row += [_cell(figures.get(c), c) for c in CSV_METRICS]
        row += [_focus_cell(a.get("focus"), words), _typed(note.get("wrong")), _typed(note.get("why")),
                _typed(note.get("next_time")), _typed(a.get("audio_path")),
                _typed(readable(a.get("transcript") or "", a.get("language"))), *_units(a.get("language"), words)]
        floors = a.get("floors") or {}  # a filler rate stored blank, judged as at least this by its report
        row += [_cell(figures.get(c, floors.get(c.removesuffix("_floor"))), c) for c in CSV_LATER]
        row += [a.get("session_id") or "", a.get("question_id") or "", _typed(a.get("question_key")),
                _typed(a.get("company") or companies.get(a.get("session_id"))),
                int(bool(a.get("audio_missing")))]
        w.writerow(row)
    return buf.getvalue()


#: A cell that begins with one of these is a formula to a spreadsheet (Excel, LibreOffice,
#: Google Sheets): a note typed as "-ran long" showed #NAME? (QA s38 E #3).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _typed(said: str | None) -> str:
    """A cell of the person's own text (a note, a question, a session's name, a path, a
    transcript), with an apostrophe before it where it would begin a formula: spreadsheets show
    it as the text it is, and run nothing (OWASP's advice for CSV injection)."""
    said = said or ""
    return "'" + said if said.startswith(_FORMULA_START) else said


def _language_cell(language: str | None, words: str) -> str:
    """An answer's language: its code for scripts (``en``), its name in a Japanese table (英語)."""
    if words == "en" or language not in LANGUAGES:
        return language or ""
    return text(words, f"language_{language}")


def _focus_cell(focus: str | None, words: str) -> str:
    """An answer's focus: its metric's key for scripts (``over_s``), its name in a Japanese table."""
    if words == "en" or focus not in METRIC_BY_NAME:
        return focus or ""
    return METRIC_BY_NAME[focus].label(words)


def _units(language: str | None, words: str = "en") -> list[str]:
    """The :data:`CSV_UNITS` cells of an answer in ``language`` (empty for an answer of none),
    in ``words``: ``morae`` and ``300 morae``, or 拍 and 300拍."""
    if language not in LANGUAGES:
        return ["", ""]
    unit = text(words, f"csv_unit_{language}")
    return [unit, text(words, "csv_per", count=100 * get_rules(language).units_per_word, unit=unit)]


#: The CSV's columns of a pace, written with the report's digits (:func:`furikaeri.measure.rate_digits`):
#: a pace a minute whole (217 字/分, as every view and its norm write it), morae a second to tenths.
CSV_PACES = ("wpm", "articulation_wpm", "chars_per_min", "morae_per_s")


def _cell(v: Any, name: str = "") -> Any:
    """A CSV cell: empty for no figure, 1/0 for yes/no (what spreadsheets sum and filter), a
    pace as the report writes it (:data:`CSV_PACES`)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return int(v)
    if name == "over_s" and v == 0:  # within the budget: 0, as a spreadsheet reads it
        return 0
    if name in CSV_PACES and isinstance(v, (int, float)):
        from furikaeri.measure import rate_as_shown, rate_digits

        shown = rate_as_shown(float(v), name)
        return int(shown) if rate_digits(shown, name) == 0 else shown
    return v


def _fmt(v: Any, digits: int = 1) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.{digits}f}"
    return str(v)


def _labelled(fields: dict[str, Any], keys: tuple[str, ...], lang: str, *, indent: str = "") -> list[str]:
    """``- **label**: value`` for each of ``keys`` that ``fields`` has (labels ``md_<key>``)."""
    return [x for key in keys if fields.get(key) for x in _item(f"**{text(lang, 'md_' + key)}**", fields[key], indent)]


def _item(label: str, value: Any, indent: str = "") -> list[str]:
    """``- label: value`` as lines of a Markdown list: a list's items (a company's asks) each an
    item under it, a text's later lines indented under it, so no line of a value falls out of
    the list."""
    if isinstance(value, (list, tuple)):
        return [f"{indent}- {label}:", *(f"{indent}  - {_plain_line(x)}" for x in value)]
    first, *more = str(value).splitlines() or [""]
    return [f"{indent}- {label}: {_plain_line(first)}", *(f"{indent}  {_plain_line(x)}" if x.strip() else "" for x in more)]


#: What opens a Markdown block at a line's start: a heading, a quote, a list item, a table
#: row, a fence.
_BLOCK_START = re.compile(r"^(\s*)(#|>|[-*+](?=\s)|\d+[.)](?=\s)|\||```|~~~)")


def _plain_line(line: str) -> str:
    """A line of the person's text as text in Markdown: a ``#`` or ``>`` (a list mark, a fence)
    it starts with escaped, so a note's line is never a heading or a quote in the journal."""
    def escaped(m: re.Match) -> str:
        mark = m.group(2)
        return m.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)  # 1\. one

    return _BLOCK_START.sub(escaped, line)


def _md_answer(a: dict[str, Any], lang: str, started: str = "") -> list[str]:
    """An answer's entry; dated when it was saved on another day than its session ``started``
    (local date and minute): a session named again days later, whose heading dates its first day."""
    saved = local_minute(a.get("created_at") or "")
    dated = f" ({saved})" if saved[:10] != started[:10] else ""
    lines = [f"### #{a['id']} {a.get('question') or text(lang, 'md_no_question')}{dated}", ""]
    lines += ["- " + line for line in _md_figures(a, lang)]
    coach = _md_coach(a, lang)
    if coach:
        lines.append("- " + coach)
    if a.get("focus") in METRIC_BY_NAME:
        from furikaeri.report.terminal import focus_name  # 「話速」, as the report's focus line names it

        title = text(lang, 'focus_title')  # lower case as the note's labels beside it (QA s44 G #10)
        lines.append(f"- **{title[:1].lower() + title[1:]}**: {focus_name(a['focus'], lang)}{_md_focus_figure(a, lang)}")
    lines += _labelled(a.get("note") or {}, ("wrong", "why", "next_time"), lang)
    if a.get("transcript"):
        lines += ["", f"> {readable(a['transcript'], a.get('language'))}"]
    lines.append("")
    return lines


#: The figures the journal's figures line gives (:func:`_md_figures`), besides the pace.
ON_FIGURES_LINE = frozenset({"answer_s", "fillers_per_min", "long_pauses", "long_pauses_per_min"})


def _md_focus_figure(a: dict[str, Any], lang: str) -> str:
    """The focus's figure after its name, where the figures line does not give it (QA s51 RR #6:
    "focus: time to first word" over no 11.7 s anywhere): " (11.7 s)", 「（11.7秒）」, "(+18 s)"."""
    name, value, language = a["focus"], (a.get("metrics") or {}).get(a["focus"]), a.get("language") or ""
    if value is None or name in ON_FIGURES_LINE or name == get_rules(language).pace_key:
        return ""
    if name == "over_s":  # as every view writes it: from the length shown (84.48 s of 60: +25 s, QA s52 YY #3)
        from furikaeri.measure import over_shown

        value = over_shown(float(value))
    shown = ("+" if name == "over_s" and value > 0 else "") + _md_value(name, value, lang, language)
    return f"（{shown}）" if lang == "ja" else f" ({shown})"


#: The mark beside the rates of an answer far too short for its budget, as history marks them
#: (escaped: two bare ``*`` on a line would set what lies between them in italics).
SHORT_MARK = "\\*"
#: The mark beside the length of an answer the recording stopped before it ended, and beside
#: its rates when the part recorded is too short for them, as history marks it
#: (:data:`furikaeri.report.history.CUT_MARK`): the recorder cut it, the person gave no short
#: answer (QA s36 B #7).
CUT_MARK = "†"


def _md_figures(a: dict[str, Any], lang: str) -> list[str]:
    """The answer's figures line, each figure with its unit only where it has a value (a bare
    "–" where it has none, never 「–回/分」), and what a reader needs to read them: why the
    figures counted from its words are missing (it sounds like the other language), a mark on
    the length of an answer the recording cut off (and on its rates when the part recorded is
    that short), or a mark on the rates of an answer far too short for them to mean much (as
    history marks them), each with the footnote history gives it."""
    m, language = a["metrics"], a.get("language") or ""
    short, cut = too_short(m), cut_off(m)
    mark = (CUT_MARK if cut else SHORT_MARK) if short else ""

    def fig(name: str) -> str:
        return _md_value(name, m.get(name), lang, language)

    pace = get_rules(language).pace_key
    budget = m.get("budget_s")
    floor = (a.get("floors") or {}).get("fillers_per_min") if m.get("fillers_per_min") is None else None
    fillers = fig("fillers_per_min") if floor is None else _md_value("fillers_per_min", floor, lang, language, floor=True)
    figures = text(lang, "md_figures", answer=fig("answer_s"),
                   budget="–" if budget is None else text(lang, "value_answer_s", value=f"{budget:g}")
                   + (CUT_MARK if cut else ""),
                   fillers=fillers + (mark if m.get("fillers_per_min") is not None else ""),
                   rate=fig(pace) + (mark if m.get(pace) is not None else ""), pauses=_md_pauses(m, lang, language))
    lines = [figures]
    heard = (a.get("analysis") or {}).get("sounds_like")
    if cut:  # whatever else is said: its length is the recording's, not the answer's
        lines.append(CUT_MARK + text(lang, "history_cut_note", share=norms.SHORT_ANSWER_SHARE))
    if heard in LANGUAGES and language in LANGUAGES:
        lines.append(text(lang, "md_sounds_like", analysed=text(lang, f"language_{language}"),
                          heard=text(lang, f"language_{heard}")))
    elif short and not cut and mark in figures:
        lines.append(mark + text(lang, "history_short_note", share=norms.SHORT_ANSWER_SHARE))
    return lines


def _md_pauses(m: dict[str, Any], lang: str, language: str) -> str:
    """The long pauses as the "last time" line and history give them: the count, with the rate
    a minute that compare and progress track beside it ("5 (7.9/min)": QA s47 DD #11, the
    journal's bare 5 beside progress's 7.9)."""
    from furikaeri.metrics import judged_value

    count = _md_value("long_pauses", m.get("long_pauses"), lang, language)
    rate = judged_value(m, "long_pauses_per_min") if m.get("long_pauses") else None
    if rate is None:
        return count
    per = _md_value("long_pauses_per_min", rate, lang, language)
    return f"{count}（{per}）" if lang == "ja" else f"{count} ({per})"


def _md_value(name: str, value: Any, lang: str, language: str, *, floor: bool = False) -> str:
    """Figure ``name`` of an answer in ``language`` with the report's digits and its unit as
    ``lang`` writes it for that answer (:func:`furikaeri.metrics.unit_key`); "–" alone when it has
    no value. ``floor``: the value is a lower bound its report judged ("5.0+/min", as history)."""
    from furikaeri.report.history import shown_digits  # every figure with the report's digits

    if value is None:
        return "–"
    metric = METRIC_BY_NAME.get(name)
    scale = metric.scale if metric else 1.0
    number = f"{value * scale:.{shown_digits(name, value)}f}" if isinstance(value, float) else f"{value:g}"
    return text(lang, unit_key(name, lang, language), value=number + ("+" if floor else ""))


#: The coach layer's figures in the journal, each with its label (when the answer has it).
MD_COACH = ("opening_s", "hedges_per_100_words", "pitch_spread_st", "monotone_share", "off_pace_s")


def _md_coach(a: dict[str, Any], lang: str) -> str:
    m, parts = a["metrics"], []
    for name in MD_COACH:
        if m.get(name) is not None:
            parts.append(f"{METRIC_BY_NAME[name].label(lang)} {_md_value(name, m[name], lang, a.get('language'))}")
    return " · ".join(parts)


def _md_interview(i: dict[str, Any], lang: str) -> list[str]:
    lines = [f"### {i['held_on']} {i.get('company') or ''} {i.get('stage') or ''}".rstrip(), ""]
    for item in i["items"]:
        lines += _item(f"**{text(lang, 'q_label')}**", item["question"])
        if item.get("answer"):
            lines += _item(text(lang, "md_answered"), item["answer"], "  ")
    lines += _labelled(i, ("reaction", "went_well", "to_fix"), lang)
    lines.append("")
    return lines


def _md_company(c: dict[str, Any], lang: str) -> list[str]:
    lines = [f"### {c['name']}", ""]
    lines += _labelled(c, ("asks", "atmosphere", "interviewers", "valued", "to_ask", "notes"), lang)
    lines.append("")
    return lines


def to_markdown(data: dict[str, Any], *, lang: str = "en", filters: str = "") -> str:
    """A readable practice journal, oldest first: sessions, each answer's figures, transcript
    and note; then logged interviews and company research. ``filters``: the filters it was
    exported with, as typed ("--company Acme"), said under its title."""
    lines = [f"# furikaeri — {text(lang, 'md_journal')}", ""]
    if filters:  # a company's journal is not read as the whole archive
        lines += [text(lang, "md_filtered", filters=f"`{filters}`"), ""]
    top = len(lines)
    by_session: dict[int, list[dict[str, Any]]] = {}
    for a in data["answers"]:
        by_session.setdefault(a["session_id"], []).append(a)
    for s in sorted(data["sessions"], key=lambda s: (s["started_at"], s["id"])):
        started = local_minute(s["started_at"])  # the archive keeps UTC; a journal reads in local time
        shown = "" if started in s["name"] else started[11:] if started[:10] in s["name"] else started
        lines += [f"## {s['name']}" + (f" ({shown})" if shown else ""), ""]  # no date said twice
        for a in by_session.get(s["id"], []):
            lines += _md_answer(a, lang, started)
    if data.get("interviews"):  # oldest first, as the sessions: one order through the journal
        lines += [f"## {text(lang, 'md_interviews')}", ""]
        for i in sorted(data["interviews"], key=lambda i: (str(i.get("held_on") or ""), i.get("id") or 0)):
            lines += _md_interview(i, lang)
    companies = [company_doc(c) for c in data.get("companies") or ()]  # an export of version 1's too
    researched = [c for c in companies if _md_company(c, lang)[2:-1]]  # a name alone: nothing to say
    if researched:
        lines += [f"## {text(lang, 'md_companies')}", ""]
        for c in researched:
            lines += _md_company(c, lang)
    if filters and nothing_kept(data):  # not "nothing saved yet": nothing of what was asked for
        lines[top:top] = [text(lang, "md_none_match", filters=f"`{filters}`"), ""]
    elif len(lines) == top:  # an empty archive: the journal says so, as history does (QA s38 E #12)
        lines.append(text(lang, "md_empty"))
    return "\n".join(lines).rstrip() + "\n"


def export(store: Store, fmt: str, *, lang: str | None = None, default: str = "en",
           questions: Path | None = None, company: str | None = None, since: str | None = None,
           filters: str = "") -> str:
    """The whole archive as ``json``, ``csv`` or ``md`` (:func:`as_text`); ``company`` and
    ``since`` keep a part of it (:func:`export_data`), the journal naming them as ``filters``."""
    data = export_data(store, questions, company=company, since=since)
    return as_text(data, fmt, lang=lang, default=default, filters=filters)


def nothing_kept(data: dict[str, Any]) -> bool:
    """Did the filters of a filtered export (:func:`export_data`) keep no answer and no logged
    interview? (A company's research alone is no record of practice or of an interview.)"""
    return bool(data.get("filters")) and not data.get("answers") and not data.get("interviews")


def as_text(data: dict[str, Any], fmt: str, *, lang: str | None = None, default: str = "en",
            filters: str = "") -> str:
    """An export's document (:func:`export_data`) as ``json``, ``csv`` or ``md`` (labelled in
    ``lang``, default: the answers' language; ``default``, the system's, when no answer says
    one or they are in both). A CSV's header is its keys unless ``lang`` is given
    (:func:`to_csv`): a script reads the same columns under any locale and whatever language the
    answers are in. ``filters``: what it was filtered by, as typed, said in the journal."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv(data, lang)  # keys unless a language is asked for: what scripts read stays put
    if fmt == "md":
        said = [a.get("language") for a in data["answers"]]
        chosen = lang if lang in LANGUAGES else pick_lang(None, said, default) if any(said) else default
        return to_markdown(data, lang=chosen if chosen in LANGUAGES else "en", filters=filters)
    raise UsageError(f"unknown export format {fmt!r}: use json, csv or md",
                     ja=f"書き出し形式 {fmt!r} はありません。json・csv・md のいずれかです")
