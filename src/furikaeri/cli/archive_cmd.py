"""Reading the archive back: ``history``, ``show``, ``compare``, ``progress``, ``export``.

Thin: each command opens the store, calls :mod:`furikaeri.compare`, :mod:`furikaeri.progress`
or :mod:`furikaeri.report.export`, and renders with :mod:`furikaeri.report.history`.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import click

from furikaeri.cli.app import cli, speaks, ui_language
from furikaeri.cli.common import (
    answer_number,
    archive_lang,
    cli_start,
    complete_companies,
    console,
    emit_json,
    home_given,
    home_missing_said,
    json_option,
    lang_option,
    open_store,
    refuse_blank,
    said_meant,
    user_dir,
    view_lang,
)
from furikaeri.errors import FurikaeriError, UsageError, warn
from furikaeri.lang import text as lang_text


def _none_kept(said: str, meant: str) -> None:
    """That the filters kept nothing, and on a line of its own, never broken (a command to paste),
    the company they may have meant (:func:`said_meant`)."""
    console().print(said)
    if meant:
        console().print(meant, soft_wrap=True)


def practised(store, ref: str) -> str:
    """``--question`` as the archive knows it: a set's id or key whose question was practised under
    another key (a company file that asks the built-in 「自己PRをお願いします。」 joins its
    attempts, and the archive keeps the company's key) names that question by its number."""
    if store.find_questions(ref):
        return ref
    from furikaeri.questions import all_sets, find_question, same_question

    try:
        asked = find_question(ref, all_sets(user_dir()))
    except FurikaeriError:  # a broken question file: the archive's own words decide
        return ref
    if asked is None:
        return ref
    same = same_question(asked.text)
    found = [q.id for q in store.questions() if same(q.text)]
    return str(found[0]) if len(found) == 1 else ref


@cli.command()
@click.option("--limit", "-n", type=click.IntRange(min=1, max=1_000_000), default=20, show_default=True,
              help="Sessions (with --interviews: interviews) to show, newest first.")
@click.option("--interviews", is_flag=True, help="List the logged real interviews instead.")
@click.option("--company", "-c", default=None, shell_complete=complete_companies,
              help="Only sessions practised for this company (with --interviews: its interviews).")
@click.option("--question", "-q", default=None, help="Only answers to this question (id, key or text).")
@click.option("--since", default=None, help="Only answers (with --interviews: interviews) from this date on (YYYY-MM-DD, or yesterday).")
@lang_option
@json_option
def history(limit, interviews, company, question, since, lang, json_):
    """Your practice sessions and answers, newest first.

    \b
    Examples:
      furikaeri history
      furikaeri history -n 5 --json
      furikaeri history --company "Acme" --since 2026-11-01
      furikaeri history -q gakuchika
      furikaeri history --interviews --company "さくら商事"
    """
    from furikaeri.report import history as H
    from furikaeri.report.export import history as sessions_with_answers
    from furikaeri.report.export import interviews_kept

    since = _since_date(since, company)
    refuse_blank(question=question)
    if interviews and question:
        raise UsageError("--question goes with answers, not --interviews",
                         ja="--question は回答の絞り込みに使います（--interviews とは一緒に使えません）")
    with open_store(reading=True, say_missing=not question) as store:
        if interviews:
            _history_interviews(store, limit=limit, company=company, since=since, lang=lang, json_=json_)
            return
        qid = None
        if question:  # refused here, where the command it suggests can carry --home
            from furikaeri.compare import resolve_question

            qid = resolve_question(store, practised(store, question), cli=cli_start())
        # left off by -n: said, never a history that seems to start later (QA s44 K #2)
        data, older = sessions_with_answers(store, limit=limit, since=since, company=company, question_id=qid)
        damaged = store.damage is not None
        # a company's logged interviews, where none of its practice is kept: said where they are (QA s47 GG #14)
        logged = bool(company) and not data and not qid and bool(interviews_kept(store, company=company, since=since))
    said = [a.get("language") for s in data for a in s["answers"]]
    L = view_lang(lang, said)
    # the hint for older sessions keeps the filters: `history -n 5` alone lists others (QA s47 FF #5)
    filters = (" " + _filters_given(company=company, question=question, since=since)).rstrip()
    if json_:
        emit_json(data)
        meant = said_meant(company, "en", after=True) if not data else ""
        if meant:  # the company a short name may mean, as progress --json says it (QA s51 WW #4)
            said = dict(filters=filters.strip())
            warn(H.t("history_none_match", "en", **said) + meant,
                 ja=H.t("history_none_match", "ja", **said) + said_meant(company, "ja", after=True))
        if older > 0:  # the document stays the list it always was; a script's reader is told on stderr
            said = dict(n=older, shown=len(data) + older, cli=cli_start(), filters=filters)
            warn(H.t("history_older", "en", **said), ja=H.t("history_older", "ja", **said))
        return
    if not data and (company or question or since):  # the archive has answers, none these filters keep
        _none_kept(H.t("history_none_match", L, filters=filters.strip()), said_meant(company, L))
        if logged:
            console().print(H.t("history_interviews_there", L, cli=cli_start(),
                                filters=_filters_given(company=company, since=since)))
        return
    H.render_history(console(), data, L, each_own=lang is None, cli=cli_start(), older=older, filters=filters,
                     damaged=damaged, new_home=home_missing_said())


def _stream(path) -> bool:
    """Is ``path`` a pipe, a terminal or another device (``/dev/stdout``), no file to open in an app?"""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:  # not there yet: a file to be written
        return False
    return not stat.S_ISREG(mode)


def _filters_given(**given: str | None) -> str:
    """The filters typed, as typed ("--company Acme --since 2026-12-01"): named in "nothing matches",
    not those not given (QA s47 GG #14)."""
    import shlex

    return " ".join(f"--{name} {shlex.quote(value)}" for name, value in given.items() if value)


def _since_date(since: str | None, company: str | None = None) -> str | None:
    """``--since`` as an ISO date, read as reflect --date reads one (yesterday, 12/1, 12月1日);
    a blank one, or a blank ``company``, refused (an unset variable in a script, ``--since
    "$SINCE"``, read as no filter at all: QA s49 JJ #9); so is a time of day, which the filter
    cannot keep (it was dropped without a word: QA s54 AL #7)."""
    refuse_blank(since=since, company=company)
    if not since:
        return None
    import re
    import unicodedata
    from datetime import datetime

    from furikaeri.cli.dates import read_date
    from furikaeri.errors import UsageError

    if re.search(r"\d\s*[T ]\s*\d|\d時", unicodedata.normalize("NFKC", since.strip())):  # T2359 too (QA s55 AQ #5)
        raise UsageError(f"--since takes a day, not a time of day: {since!r} (e.g. --since 2026-12-01)",
                         ja=f"--since には日付だけを指定します（時刻は使えません）: 「{since}」（例: --since 2026-12-01）")
    return read_date(since, datetime.now().astimezone().date()).isoformat()


def _history_interviews(store, *, limit: int, company: str | None, since: str | None, lang: str | None,
                        json_: bool) -> None:
    """``history --interviews``: the logged interviews, newest first (a company's, from a date on)."""
    from furikaeri.report import history as H
    from furikaeri.report.export import interviews_kept

    every = interviews_kept(store, company=company, since=since)
    ivs = every[:limit]
    # the older ones left off by -n: said, as of sessions (QA s49 JJ #6), on stderr beside --json
    filters = (" " + _filters_given(company=company, since=since)).rstrip()
    said = dict(n=len(every) - len(ivs), shown=len(every), cli=cli_start(), filters=filters)
    if json_:
        emit_json([i.to_dict() for i in ivs])
        if len(every) > len(ivs):
            warn(H.t("history_older_interviews", "en", **said), ja=H.t("history_older_interviews", "ja", **said))
        return
    out = console()
    for iv in ivs:
        typed = [iv.company, *(x["question"] for x in iv.items)]
        H.render_interview(out, iv, lang or archive_lang(None, typed))
    if not ivs and filters:  # none the filters keep: and the company meant, as `history -c` says it (QA s54 AL #3)
        _none_kept(H.t("history_none_match", archive_lang(lang), filters=filters.strip()),
                   said_meant(company, archive_lang(lang)))
    elif not ivs:  # logged with `reflect`, not practised
        out.print(H.t("no_interviews", archive_lang(lang)))
    elif len(every) > len(ivs):
        from rich.text import Text

        from furikaeri.report.wrap import wrap_phrases

        older = Text(H.t("history_older_interviews", lang or archive_lang(None, []), **said), style="dim")
        out.print(wrap_phrases(older, out.width, fill=True))  # the command kept whole on a line


def _report(out, a, focus) -> bool:
    """``a``'s full report from its stored analysis; False when that cannot be read."""
    from furikaeri.analysis import Analysis
    from furikaeri.report.terminal import render

    try:
        # the recording as the archive keeps it (the header names it), not the take it was copied from
        shown = {**a.analysis, "file": a.audio_path} if a.audio_path else a.analysis
        render(Analysis.from_dict(shown), out, focus=focus)
    except (TypeError, KeyError, ValueError):
        return False
    return True


def _stored_figures(out, a, lang: str) -> None:
    """An answer whose analysis cannot be read (warned): the figures and the words saved beside
    it, not a blank report."""
    from rich.text import Text

    from furikaeri.lang import readable
    from furikaeri.report import history as H
    from furikaeri.report.wrap import fit_line, pack

    figures = H.figures_parts(a.metrics, a.language, lang, a.floors)
    if figures:  # each figure whole on a line, as the line of the previous attempt keeps them
        out.print(pack(figures, out.width, sep=" · "))
    if a.transcript:
        out.print(fit_line(Text(readable(a.transcript, a.language)), out.width))


@cli.command()
@click.argument("answer_id")
@lang_option(help="Language of the header, note and comparison [default: the answer's]; the "
                  "report itself is written in the answer's language.")
@json_option
def show(answer_id, lang, json_):
    """An answer's full report, with your note and how it compares with the attempt before.

    Where a real interview you logged before it asked its question, its "to fix" is checked on
    the answer again, as when it was saved.

    \b
    Examples:
      furikaeri show 12
      furikaeri show 12 --json
    """
    from furikaeri.coach import focus_given
    from furikaeri.compare import compare_answers
    from furikaeri.report import history as H
    from furikaeri.report.export import audio_missing
    from furikaeri.session import latest_noted, stand_on

    aid = answer_number(answer_id)
    with open_store(reading=True) as store:
        a = store.answer(aid, full=True)
        if a is None and store.damage is not None:  # maybe lost with a damaged page, not mistyped (QA s51 WW #5)
            raise UsageError(f"answer {aid} is not among what could be read of the damaged archive: it may have "
                             f"been lost with its pages (see `{cli_start()} history`; a backup may hold it)",
                             ja=f"回答 {aid} は、壊れたアーカイブから読めた分にはありません。壊れた部分とともに失われた"
                                f"可能性があります（`{cli_start()} history` を参照。バックアップに残っているかもしれません）")
        if a is None:
            raise UsageError(f"there is no answer {aid} (see `{cli_start()} history`)",
                             ja=f"回答 {aid} はありません（`{cli_start()} history` を参照）")
        prev = (store.previous_answer(a.question_id, before_id=a.id, language=a.language)
                if a.question_id is not None else None)
        # the attempt before whose figures (its language among them) a damaged page took: said, not dropped
        lost = (store.previous_answer(a.question_id, before_id=a.id) if prev is None and a.question_id is not None
                else None)
        lost = lost if lost is not None and not lost.has_figures else None
        with store.quietly():  # the earlier answers behind its focus are not shown: no warning of theirs
            focus = focus_given(store, a)
            # the note checked when it was saved: the previous attempt's, else the latest on the
            # question before it (QA s45 T #4: record said it, show did not)
            noted = latest_noted([x for x in store.answers(question_id=a.question_id)
                                  if (x.created_at, x.id) < (a.created_at, a.id)
                                  and x.language in (a.language, None)]) if prev else None
            stand = stand_on(store, a)  # the logged interview's fix, checked on it as when it was saved
    cmp = compare_answers(prev, a, note=noted.note if noted else None) if prev else None
    if json_:
        from furikaeri.metrics import answer_document
        from furikaeri.report.export import in_report_order

        doc = answer_document(a.to_dict(full=True))  # over_s 0 within the budget, as every view
        # its tips as the report shows them: the focus's first, made for the question's kind
        doc = in_report_order(doc, focus.metric if focus is not None else None, saved=False)
        doc["previous"] = cmp.to_dict() if cmp else None
        doc["interview_fix"] = stand.to_dict() if stand else None  # as analyze --save --json and practice --json
        if lost is not None:  # why there is none: the attempt before cannot be read (V #7)
            doc["previous_unreadable"] = lost.id
        doc["audio_missing"] = audio_missing(a.audio_path)  # as the text says it (QA s51 TT #4)
        emit_json(doc)
        return
    L = lang or a.language or ui_language()  # a damaged row's language: the person's
    speaks(L)
    out = console()
    H.render_answer_header(out, a, L)
    if audio_missing(a.audio_path):  # a copied or moved archive without it
        out.print(f"[yellow]{lang_text(L, 'recording_missing')}[/yellow]")
    if not (a.analysis and _report(out, a, focus)):
        _stored_figures(out, a, L)
    H.render_note(out, a.note, L, answer_id=a.id, home=home_given())
    if cmp:
        out.print()
        H.render_compare_answers(out, cmp, L)
    elif lost is not None:
        out.print(f"[yellow]{lang_text(L, 'previous_unreadable', id=lost.id)}[/yellow]")
    if stand is not None:
        H.render_stand(out, stand, L, a.language)


@cli.command()
@click.argument("refs", nargs=-1, metavar="[A B]")
@click.option("--sessions", "-s", "sessions_", is_flag=True, help="A and B are sessions (ids or names).")
@click.option("--question", "-q", "question", default=None,
              help="Compare the last two attempts at a question (id, key like ja-basic:jiko-pr, or text).")
@click.option("--first", is_flag=True, help="With --question: the first attempt against the latest.")
@lang_option
@json_option
def compare(refs, sessions_, question, first, lang, json_):
    """Compare two attempts (answer ids), two sessions, or the attempts at one question.

    Shows the change in each figure, whether your note's fix happened, and what the answer
    said differently (words dropped and added).

    \b
    Examples:
      furikaeri compare 3 7
      furikaeri compare --question jiko-pr
      furikaeri compare --question "Tell me about yourself" --first
      furikaeri compare --sessions 1 2
    """
    from furikaeri import compare as C
    from furikaeri.report import history as H
    from furikaeri.store import typed_number

    if first and not question:
        raise UsageError("--first goes with --question (the first attempt at it against the latest)",
                         ja="--first は --question と一緒に使います（その質問の最初の回答と最新の回答を比べます）")
    if question and refs:  # said before the archive is opened: a missing --home is not what is wrong
        raise UsageError("give either --question or two ids, not both",
                         ja="--question か回答番号2つのどちらか一方を指定してください")
    if not question and len(refs) != 2:
        raise UsageError("give two answer ids (or --sessions A B, or --question TEXT)",
                         ja="回答番号を2つ指定してください（または --sessions A B、--question 質問）")
    with open_store(reading=True) as store:
        if question:
            result = C.compare_question(store, practised(store, question), first=first, cli=cli_start())
        elif sessions_ or any(typed_number(r) is None for r in refs):
            result = C.compare_sessions(store, refs[0], refs[1], cli=cli_start())
        else:
            a, b = (store.answer(answer_number(r), full=False) for r in refs)
            for r, x in zip(refs, (a, b)):
                if x is None:
                    raise UsageError(f"there is no answer {r} (see `{cli_start()} history`)",
                                     ja=f"回答 {r} はありません（`{cli_start()} history` を参照）")
            result = C.compare_answers(a, b)
    if json_:
        emit_json(result.to_dict())
    elif isinstance(result, C.SessionComparison):
        H.render_compare_sessions(console(), result, view_lang(lang, result.languages()))
    else:
        H.render_compare_answers(console(), result, view_lang(lang, [result.before.language, result.after.language]))


@cli.command()
@click.option("--question", "-q", default=None, help="Only this question (id, key or text).")
@click.option("--since", default=None, help="Only answers from this date on (YYYY-MM-DD, or yesterday).")
@click.option("--company", "-c", default=None, shell_complete=complete_companies,
              help="Only answers practised for this company.")
@lang_option
@json_option
def progress(question, since, company, lang, json_):
    """Each figure over time, per question and overall: a chart, the trend, your best.

    \b
    Examples:
      furikaeri progress
      furikaeri progress --question jiko-pr
      furikaeri progress --since 2026-11-01 --json
      furikaeri progress --company "Acme" -q jiko-pr
    """
    from furikaeri.progress import progress as progress_of
    from furikaeri.report import history as H

    since, typed = _since_date(since, company), question
    refuse_blank(question=question)
    # a question in a missing --home: its one error line says the folder is missing
    with open_store(reading=True, say_missing=not question) as store:
        if question:  # refused here, where the command it suggests can carry --home
            from furikaeri.compare import resolve_question

            question = str(resolve_question(store, practised(store, question), cli=cli_start()))
        prog = progress_of(store, question=question, since=since, company=company)
        unanswered = bool(question) and not any(o.attempts for o in prog.overall) and bool(store.sessions(limit=1))
    if json_:  # none kept: the usual document, with no attempts in it (as history --json gives [])
        emit_json(prog.to_dict())
        if (company or since) and not any(o.attempts for o in prog.overall):  # and said beside it (QA s49 HH #7)
            said = dict(filters=_filters_given(company=company, question=typed, since=since))
            warn(H.t("progress_none_match", "en", **said) + said_meant(company, "en", after=True),
                 ja=H.t("progress_none_match", "ja", **said) + said_meant(company, "ja", after=True))
        return
    if (company or since) and not any(o.attempts for o in prog.overall):  # answers there are, none kept
        filters = _filters_given(company=company, question=typed, since=since)  # each one typed, named
        _none_kept(H.t("progress_none_match", archive_lang(lang), filters=filters) if company or typed
                   else H.t("no_answers_since", archive_lang(lang), date=since), said_meant(company, archive_lang(lang)))
        return
    if unanswered:  # a question asked but never answered (skipped): not "nothing saved yet" (QA s44 M #2)
        console().print(H.t("no_answers_to_question", archive_lang(lang)))
        return
    said = prog.languages()
    L = view_lang(lang, said)
    H.render_progress(console(), prog, L, each_own=lang is None, cli=cli_start(), new_home=home_missing_said())


@cli.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "csv", "md"]), default="json", show_default=True,
              help="What to write: json (everything), csv (one row per answer), md (a practice journal).")
@click.option("--out", "-o", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write to this file ('-': print, as without it) [default: print].")
@lang_option(help="Language of the words: md's labels [default: the answers' language]; for csv, ja gives a Japanese "
                  "header and the program's words in Japanese in its cells [default: the column keys and codes, "
                  "which scripts read].")
@click.option("--json", "json_", is_flag=True, help="The same as --format json (as the other commands' --json).")
@click.option("--company", "-c", default=None, shell_complete=complete_companies,
              help="Only this company's: the answers practised for it, its logged interviews and its research.")
@click.option("--since", default=None,
              help="Only answers and logged interviews from this date on (YYYY-MM-DD, or yesterday).")
def export(fmt, out, lang, json_, company, since):
    """Export the whole archive: JSON (everything), CSV (one row per answer), Markdown (a journal).

    Without --format, a file named by --out gets the format its extension names (.csv, .md,
    .json; JSON for any other); a --format that contradicts the extension is refused.

    \b
    Examples:
      furikaeri export --format md --out journal.md
      furikaeri export --format csv -o answers.csv
      furikaeri export > archive.json
      furikaeri export --company "Acme" -o acme.csv
      furikaeri export --since 2026-11-01 --format md
    """
    from furikaeri.report.export import as_text, export_data, nothing_kept

    since = _since_date(since, company)
    if out is not None and str(out) == "-":  # the usual name of standard output: printed, not a file named "-"
        out = None
    if json_:  # a script's --json, as every other command takes it (QA s47 DD #8)
        if fmt != "json":
            raise UsageError(f"--json is --format json: leave out --format {fmt}",
                             ja=f"--json は --format json と同じです。--format {fmt} を外してください")
        named = EXTENSION_FORMATS.get(out.suffix.lower()) if out is not None else None
        if named not in (None, "json"):  # said of --json, the option typed (QA s47 FF #10)
            raise UsageError(f"--json writes JSON, and --out {out} is a .{out.suffix[1:]} file: name it .json, or "
                             f"leave --json out to write {named} (nothing was written)",
                             ja=f"--json は JSON を書き出しますが、--out {out} は .{out.suffix[1:]} のファイルです。"
                                f".json の名前にするか、--json を外して {named} で書き出してください（何も書き出していません）")
    else:
        fmt = export_format(fmt, out)
    if out is not None:
        refuse_archive_target(out)
    filters = _filters_given(company=company, since=since)
    with open_store(reading=True, say_missing=True) as store:
        # the question files of the home, archive or none
        data = export_data(store, user_dir(), company=company, since=since)
    # no answers: the system's language
    text = as_text(data, fmt, lang=lang, default=ui_language(), filters=filters)
    if nothing_kept(data):  # said beside the document, which stays one of the usual shape
        click.echo(lang_text(ui_language(), "export_none_match", filters=filters)
                   + said_meant(company, ui_language(), after=True), err=True)
    elif filters and fmt == "csv" and not data["answers"]:  # logged interviews only: no row of a CSV (QA s49 HH #7)
        click.echo(lang_text(ui_language(), "export_csv_interviews_only", filters=filters), err=True)
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    text += "" if text.endswith("\n") else "\n"  # the same bytes as printed (`export > FILE`)
    # a BOM for a spreadsheet to read UTF-8, in a file; none into a pipe or a terminal (`-o /dev/stdout`:
    # a script's reader got "\ufeffanswer_id" for its first column, QA s49 JJ #8), as on standard output
    encoding = "utf-8-sig" if fmt == "csv" and not _stream(out) else "utf-8"
    write_export(out, text, encoding=encoding)
    click.echo(lang_text(ui_language(), "export_wrote", path=out), err=True)


#: The format an ``export --out`` file's extension names.
EXTENSION_FORMATS = {".json": "json", ".csv": "csv", ".md": "md", ".markdown": "md"}


def export_format(fmt: str, out: Path | None, *, typed: bool | None = None) -> str:
    """The format ``export`` writes: ``--format`` as typed; when it was not typed, the one
    ``out``'s extension names, else ``fmt`` (json). ``-o answers.csv`` with --format forgotten
    wrote JSON into a .csv that a spreadsheet or ``csv`` reads as nonsense; a typed --format
    that contradicts the extension (``-f json -o b.csv``) makes the same file, so it is refused
    before anything is written."""
    from click.core import ParameterSource

    named = EXTENSION_FORMATS.get(out.suffix.lower()) if out is not None else None
    ctx = click.get_current_context(silent=True)
    if typed is None:
        typed = ctx is not None and ctx.get_parameter_source("fmt") is ParameterSource.COMMANDLINE
    if not typed:
        return named or fmt
    if named is None or named == fmt:
        return fmt
    raise UsageError(f"--format {fmt} does not match --out {out}, a .{out.suffix[1:]} file: name the file for "
                     f"{fmt}, or leave --format out to write {named} (nothing was written)",
                     ja=f"--format {fmt} と --out {out}（.{out.suffix[1:]} のファイル）が合いません。{fmt} に合う名前にするか、"
                        f"--format を省いて {named} で書き出してください（何も書き出していません）")


def refuse_archive_target(out: Path) -> None:
    """An export is never written over the archive's own files: its database (and journal
    files) or anything in its audio or takes folder, whatever the path or link names them."""
    from furikaeri.cli.common import current_home
    from furikaeri.store import archive_file

    what = archive_file(current_home(), out)
    if what is None:
        return
    en, ja = {"database": ("its database", "データベース"), "audio": ("its audio folder", "音声フォルダ"),
              "takes": ("its takes folder", "録音フォルダ"), "questions": ("your question sets", "質問セットのフォルダ")}[what]
    raise UsageError(f"{out} is part of the archive itself ({en}): the export would overwrite it; "
                     "choose another --out",
                     ja=f"{out} はアーカイブ自体の一部です（{ja}）。書き出すと上書きしてしまうため、別の --out を指定してください")


def write_export(out: Path, text: str, *, encoding: str) -> None:
    """Write ``text`` to ``out`` whole or not at all: a regular file through a temporary one
    beside it, renamed over it once written; a symlink's target the same way; a device or a
    pipe (/dev/stdout, a FIFO) written straight through, never replaced by a file."""
    try:
        if out.exists() and not out.is_file():
            with open(out, "w", encoding=encoding) as f:
                f.write(text)
            return
        target = out.resolve() if out.is_symlink() else out
        tmp = target.with_name(target.name + ".part")
        try:
            tmp.write_text(text, encoding=encoding)
            tmp.replace(target)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise
    except OSError as e:  # named by the file asked for, not by the temporary one beside it
        raise OSError(e.errno, e.strerror, str(out)) from e


@cli.command()
@click.argument("number")
@click.option("--interview", "interview_", is_flag=True, help="NUMBER is a logged interview's, not an answer's.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first (for scripts).")
@json_option
def delete(number, interview_, yes, json_):
    """Delete an answer (with its note) or a logged interview.

    For an answer saved by mistake: a take analysed against the wrong question, a test, a
    duplicate. A session left with no answer goes too. The recording stays on disk (the line
    says where). Asks first in a terminal; --yes for scripts.

    \b
    Examples:
      furikaeri delete 12
      furikaeri delete 3 --interview
      furikaeri delete 12 --yes --json
    """
    from furikaeri.cli.common import ask, is_terminal

    n = answer_number(number)
    with open_store(reading=True) as store:
        found = store.interview(n) if interview_ else store.answer(n, full=False)
        L = (found.language if not interview_ and found else None) or archive_lang(None)
        if found is None:
            kind = ("interview", "面接記録", " --interviews") if interview_ else ("answer", "回答", "")
            listed = f"{cli_start()} history{kind[2]}"  # the list that shows what was not found
            raise UsageError(f"there is no {kind[0]} {n} (see `{listed}`)",
                             ja=f"{kind[1]} {n} はありません（`{listed}` を参照）")
        what = lang_text(L, "delete_interview" if interview_ else "delete_answer", id=n,
                         about=(found.company or "–") if interview_ else (found.question or "–"))
        if not yes:
            if not is_terminal():
                raise UsageError("deleting needs a yes: add --yes (nothing was deleted)",
                                 ja="削除には確認が必要です。--yes を付けてください（何も削除していません）")
            if ask(lang_text(L, "delete_ask", what=what)).casefold() not in ("y", "yes", "はい"):
                click.echo(lang_text(L, "delete_kept"), err=True)
                return
        gone = store.delete_interview(n) if interview_ else store.delete_answer(n)
        # its session's last answer: the session went with it (Store.delete_answer), said as such
        session = None if interview_ or gone is None or store.session(gone.session_id) else gone
    # the recording stays where it is, if it is there (an archive's copy may have lost it)
    kept = gone.audio_path if gone and gone.audio_path and os.path.exists(gone.audio_path) else None
    if json_:
        emit_json({"deleted": "interview" if interview_ else "answer", "id": n, "recording_kept": kept,
                   **({} if interview_ else {"session_deleted": session.session_id if session else None})})
        return
    click.echo(lang_text(L, "deleted", what=what) + (lang_text(L, "delete_audio_kept", path=kept) if kept else "")
               + (lang_text(L, "delete_session_gone", id=session.session_id, name=session.session_name)
                  if session else ""))
