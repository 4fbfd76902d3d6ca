"""Practice and the archive: ``practice``, ``reflect``, ``history``, ``show``, ``note``,
``compare``, ``progress``, ``export``, ``questions``; and ``save_from_cli`` for
``analyze --save``.

Thin: each command opens the store, calls :mod:`furikaeri.practice` / :mod:`furikaeri.store` /
:mod:`furikaeri.questions`, and renders with :mod:`furikaeri.report.history`. The data
directory comes from the group's ``--home`` option, else ``FURIKAERI_HOME``, else the
platform's user data directory.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import click

from furikaeri.cli import cli, home
from furikaeri.cli.analyze_cmd import analysis_options, models_dir_from_env
from furikaeri.errors import UsageError

AUDIO_SUFFIXES = {".wav", ".flac", ".mp3", ".m4a", ".ogg", ".opus", ".aac", ".webm", ".aiff", ".aif"}


# --------------------------------------------------------------------------- shared helpers


def current_home() -> Path:
    """The archive folder (see :func:`furikaeri.cli.home`)."""
    return home()


def open_store():
    from furikaeri.store import Store

    return Store.open(current_home())


def user_dir() -> Path:
    from furikaeri.store import user_questions_dir

    return user_questions_dir(current_home())


def console(*, stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def emit_json(doc: Any) -> None:
    click.echo(json.dumps(doc, ensure_ascii=False, indent=2))


def json_option(fn):
    return click.option("--json", "json_", is_flag=True, help="Print one JSON document.")(fn)


def lang_option(fn):
    return click.option("--lang", type=click.Choice(["en", "ja"]), default=None,
                        help="Label language [default: the answers' language].")(fn)


def now_option(fn):
    return click.option("--now", "now_", default=None, hidden=True,
                        help="Pretend it is this time (ISO 8601): for scripts and tests.")(fn)


def save_from_cli(analysis, *, audio_path, session=None, question=None, note=None) -> int:
    """``analyze FILE --save``: store the answer, print its id on stderr, return it."""
    from furikaeri.practice import save_analysis

    answer_id = save_analysis(analysis, audio_path=audio_path, session=session, question=question, note=note,
                              home=current_home(), settings={"source": "analyze"})
    click.echo(f"saved as answer {answer_id} (furikaeri show {answer_id})", err=True)
    return answer_id


def _interactive(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return sys.stdin.isatty()


def _ask(label: str, default: str = "") -> str:
    return click.prompt(label, default=default, show_default=bool(default), prompt_suffix=": ").strip()


def expand_files(paths: tuple[Path, ...]) -> list[Path]:
    """Files in order; a directory contributes its audio files sorted by name."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(x for x in p.iterdir() if x.is_file() and x.suffix.lower() in AUDIO_SUFFIXES)
            if not found:
                raise UsageError(f"no audio files in {p}")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise UsageError(f"no such file: {p}")
    return out


# --------------------------------------------------------------------------- practice


@cli.command()
@click.option("--set", "set_name", default=None, help="Question set (see `furikaeri questions`) [default: by --language].")
@click.option("--company", default=None, help="Practise a company's questions (its file and your logged interviews).")
@click.option("--only", "-o", multiple=True, help="Only these question ids of the set, in this order (repeatable).")
@click.option("--limit", "-n", type=int, default=None, help="At most N questions.")
@click.option("--shuffle", is_flag=True, help="Mix the order.")
@click.option("--session", default=None, help="Session name [default: the set and the date].")
@click.option("--from-files", "from_files", is_flag=True,
              help="Answer with the audio FILES (or a directory of them) in order instead of the microphone.")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--note", multiple=True, help="A note (what to do next time) for each answer, in order.")
@click.option("--reflect/--no-reflect", "reflect_", default=None,
              help="Ask for a reflection after each answer [default: when run in a terminal].")
@click.option("--device", default=None, help="Microphone (index or name; see `furikaeri devices`).")
@click.option("--max-seconds", type=click.FloatRange(min=5), default=None,
              help="Stop a recording after this long [default: twice the budget].")
@click.option("--stop-after-silence", type=click.FloatRange(min=0.5), default=None,
              help="Stop a recording after this many seconds of silence.")
@lang_option
@now_option
@analysis_options
def practice(set_name, company, only, limit, shuffle, session, from_files, files, note, reflect_, device, max_seconds,
             stop_after_silence, lang, now_, language, budget, model, json_):
    """Practise a set of questions: answer, see the report, write what to fix.

    Before a question you answered before, shows your last figures and your note; after the
    answer, whether what the note targeted changed. Then asks, each optional (Enter skips):
    what went wrong, why, what to do next time. Everything is saved in your archive.

    \b
    Examples:
      furikaeri practice --set ja-basic -n 3
      furikaeri practice --set en-basic --only intro --only failure
      furikaeri practice --company "さくら商事"
      furikaeri practice --set en-basic -n 2 --from-files take1.wav take2.wav --no-reflect
      furikaeri practice --set ja-basic --from-files answers/ --note "結論から話す"
    """
    from furikaeri import practice as P
    from furikaeri import questions as Q
    from furikaeri.report import history as H

    if set_name and company:
        raise UsageError("choose --set or --company, not both")
    answer_files = expand_files(files) if files else []
    if from_files and not answer_files:
        raise UsageError("--from-files needs audio files or a directory after the options")
    base_now = P.parse_when(now_)
    interactive = _interactive(reflect_) and not json_
    out = console(stderr=json_)

    with open_store() as store:
        if company:
            try:
                qset = Q.get_company(company, user_dir())
                P.sync_company(store, qset, now=base_now)
            except Q.QuestionError:
                qset = _set_from_interviews(store, company)
            qset = P.company_questions(store, qset)
        else:
            default = "ja-basic" if language == "ja" else "en-basic"
            qset = Q.get_set(set_name or default, user_dir())
        plan = P.plan(qset, only=only, limit=limit, shuffle=shuffle)
        if answer_files and len(answer_files) < len(plan):
            plan = plan[: len(answer_files)]
        if answer_files and len(answer_files) > len(plan):
            raise UsageError(f"{len(answer_files)} files for {len(plan)} questions: give one file per question")
        L = lang or qset.language
        results: list[dict[str, Any]] = []
        session_id = None
        for i, q in enumerate(plan):
            now = base_now + timedelta(seconds=i) if base_now else None
            before = P.before_attempt(store, q, now=now)
            if not json_:
                H.render_question(out, index=i + 1, total=len(plan), text=q.text, budget_s=budget or q.budget_s,
                                  hint=q.hint, before=before, lang=L)
            recorded = False
            if answer_files:
                path = answer_files[i]
            else:
                path = _record(store.home, q, budget or q.budget_s, device=device, max_seconds=max_seconds,
                               stop_after_silence=stop_after_silence, now=now)
                recorded = True
            analysis = _analyze(path, language=language if language != "auto" else q.language,
                                budget=budget or q.budget_s, question=q.text, model=model)
            if not json_:
                from furikaeri.report.terminal import render

                render(analysis, out)
            if not analysis.speech_detected:
                msg = ("声が聞こえなかったので保存しません。" if L == "ja"
                       else "no speech heard in this take: not saved")
                out.print(f"[yellow]{msg}[/yellow]")
                if recorded:
                    path.unlink(missing_ok=True)  # a silent take would lie in the archive's audio folder for ever
                results.append({"answer_id": None, "question": q.to_dict(), "skipped": "no speech",
                                "analysis": analysis.to_dict()})
                continue
            reflection = _reflection(L, note[i] if i < len(note) else None, interactive)
            if session_id is None:
                name = session or f"{qset.name} {(now or datetime.now()).astimezone().strftime('%Y-%m-%d %H:%M')}"
                session_id = store.create_session(name, kind="practice", set_name=qset.name,
                                                  language=qset.language,
                                                  company=qset.company.name if qset.company else None, now=now)
            answer_id, fix = P.record_answer(
                store, session_id=session_id, question_id=before.question_id, analysis=analysis.to_dict(),
                audio_path=path, note=reflection, move=recorded, now=now,
                settings={"set": qset.name, "question_key": q.key, "model": model, "language": language,
                          "budget_s": budget or q.budget_s, "source": "microphone" if recorded else "file"})
            after = P.after_answer(store, answer_id)
            if not json_:
                H.render_fix(out, fix, L)
                H.render_after(out, after, L)
                out.print(f"[dim]{H.t('saved', L, id=answer_id)}[/dim]")
            results.append({"answer_id": answer_id, "question": q.to_dict(),
                            "previous_answer_id": before.previous.id if before.previous else None,
                            "fix": fix.to_dict() if fix else None, "after": after.to_dict(),
                            "analysis": analysis.to_dict()})
        earlier = [s for s in store.sessions() if s.set_name == qset.name and s.id != session_id]
        session_row = store.session(session_id) if session_id else None
    if json_:
        emit_json({"session_id": session_id, "set": qset.name, "answers": results})
    elif session_row is not None:
        out.print()
        out.print(H.t("session_done", L, n=session_row.answer_count, name=session_row.name, id=session_row.id))
        if earlier:
            out.print(f"[dim]{H.t('compare_hint', L)}: furikaeri compare --sessions {earlier[0].id} {session_id}[/dim]")
        out.print("[dim]furikaeri progress · furikaeri history[/dim]")


def _set_from_interviews(store, company: str):
    """A practice set made of the questions logged for a company with no company file (the
    newest interview's first, each question once)."""
    from furikaeri import questions as Q

    interviews = store.interviews(company=company)
    if not interviews:
        Q.get_company(company, user_dir())  # raises the helpful "no company file" error
    c = store.company(company)
    texts = [i.get("question", "") for iv in interviews for i in iv.items if i.get("question")]
    lang = "ja" if any(any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in t) for t in texts) else "en"
    name = Q.slug(c.name if c else company)
    seen: list[str] = []
    for text in texts:
        if text not in seen:
            seen.append(text)
    qs = tuple(Q.Question(id=f"asked{n}", text=text, budget_s=Q.DEFAULT_BUDGET_S[lang], language=lang, set_name=name)
               for n, text in enumerate(seen, 1))
    if not qs:
        raise UsageError(f"the interviews logged for {company!r} hold no questions")
    return Q.QuestionSet(name=name, title=company, language=lang, questions=qs, source="archive",
                         company=Q.CompanyInfo(name=c.name if c else company, language=lang))


def _record(home: Path, q, budget: float, *, device, max_seconds, stop_after_silence, now) -> Path:
    try:
        from furikaeri.cli.live import record_interactive
    except ImportError as e:
        from furikaeri.errors import DeviceError

        raise DeviceError(f"recording from the microphone is not available ({e}); use --from-files") from e
    from furikaeri.store import audio_dir, to_stamp

    folder = audio_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = to_stamp(now).replace(":", "").replace("-", "")[:15]
    out_path = folder / f"{stamp}-{q.key.replace(':', '-').replace('/', '-')}.wav"
    n = 1
    while out_path.exists():
        n += 1
        out_path = out_path.with_name(f"{stamp}-{q.key.replace(':', '-')}-{n}.wav")
    take = record_interactive(out_path, question=q.text, budget=budget, device=device,
                              max_seconds=max_seconds or max(30.0, budget * 2), stop_after_silence=stop_after_silence,
                              language=q.language)
    return Path(take.path)


def _analyze(path: Path, *, language, budget, question, model):
    from furikaeri.analysis import analyze_file

    return analyze_file(path, language=language, budget=budget, question=question, model=model,
                        models_dir=models_dir_from_env())


def _reflection(lang: str, note: str | None, interactive: bool) -> dict[str, str] | str | None:
    if note:
        return note
    if not interactive:
        return None
    from furikaeri.report.history import t

    click.echo("(Enter skips)" if lang != "ja" else "(Enter で省略)")
    wrong = _ask(t("wrong", lang))
    why = _ask(t("why", lang))
    nxt = _ask(t("next_time", lang))
    if not (wrong or why or nxt):
        return None
    return {"wrong": wrong, "why": why, "next_time": nxt}


# --------------------------------------------------------------------------- reflect


@cli.command()
@click.option("--company", "-c", default=None, help="The company.")
@click.option("--date", "held_on", default=None, help="When it was held (YYYY-MM-DD) [default: today].")
@click.option("--stage", default="", help="Which round: 一次面接, final, …")
@click.option("--question", "-q", "asked", multiple=True, help="A question they asked (repeatable, in order).")
@click.option("--answer", "-a", "answered", multiple=True, help="What you answered, one per --question.")
@click.option("--reaction", default="", help="How the interviewer reacted.")
@click.option("--went-well", default="", help="What went well.")
@click.option("--to-fix", default="", help="What to fix next time.")
@click.option("--recording", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="A recording of the interview to keep with it.")
@click.option("--prompt/--no-prompt", "prompt_", default=None,
              help="Ask for everything interactively [default: when run in a terminal with no --question].")
@lang_option
@now_option
@json_option
def reflect(company, held_on, stage, asked, answered, reaction, went_well, to_fix, recording, prompt_, lang, now_,
            json_):
    """Log a real interview right after it, before memory fades.

    The questions they asked, what you answered, how the interviewer reacted, what to fix.
    The questions become practice questions for that company (`practice --company`).

    \b
    Examples:
      furikaeri reflect                       # asks step by step
      furikaeri reflect -c "さくら商事" --stage 一次面接 -q "ガクチカを教えてください" \\
          -a "サークルの新歓" --reaction "深掘りが多かった" --to-fix "結論から話す"
    """
    from furikaeri import practice as P
    from furikaeri.report import history as H

    when = P.parse_when(now_)
    interactive = prompt_ if prompt_ is not None else (sys.stdin.isatty() and not asked and not json_)
    L = lang or "en"
    items: list[dict[str, str]] = []
    if len(answered) > len(asked):
        raise UsageError("more --answer than --question: give one answer per question")
    for i, qtext in enumerate(asked):
        items.append({"question": qtext, "answer": answered[i] if i < len(answered) else ""})
    if interactive:
        ja = L == "ja"
        if not company:
            company = _ask("会社" if ja else "company") or None
        if not stage:
            stage = _ask("選考段階 (一次面接など)" if ja else "stage (first round, final, …)")
        click.echo("聞かれた質問を順に (空行で終了)" if ja else "The questions they asked, in order (empty line ends)")
        while True:
            qtext = _ask(f"Q{len(items) + 1}")
            if not qtext:
                break
            items.append({"question": qtext, "answer": _ask("  " + ("回答" if ja else "what you answered"))})
        reaction = reaction or _ask(H.t("reaction", L))
        went_well = went_well or _ask(H.t("went_well", L))
        to_fix = to_fix or _ask(H.t("to_fix", L))
    if not items and not (reaction or went_well or to_fix):
        raise UsageError("nothing to log: give at least one --question or what to fix")
    held = held_on or (when or datetime.now()).astimezone().date().isoformat()
    try:
        datetime.fromisoformat(held)
    except ValueError:
        raise UsageError(f"cannot read the date {held!r}: use YYYY-MM-DD") from None
    with open_store() as store:
        audio = P.keep_audio(store.home, recording, now=when) if recording else None
        iid = store.add_interview(company=company, held_on=held, items=items, stage=stage, reaction=reaction,
                                  went_well=went_well, to_fix=to_fix, audio_path=audio, now=when)
        iv = store.interview(iid)
    assert iv is not None
    if json_:
        emit_json(iv.to_dict())
        return
    out = console()
    H.render_interview(out, iv, L)
    if company:
        hint = (f"この会社の質問を練習: furikaeri practice --company \"{company}\"" if L == "ja"
                else f"practise these: furikaeri practice --company \"{company}\"")
        out.print(f"[dim]{hint}[/dim]")


# --------------------------------------------------------------------------- reading back


@cli.command()
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, help="Sessions to show.")
@click.option("--interviews", is_flag=True, help="List the logged real interviews instead.")
@lang_option
@json_option
def history(limit, interviews, lang, json_):
    """Your practice sessions and answers, newest first.

    \b
    Examples:
      furikaeri history
      furikaeri history -n 5 --json
      furikaeri history --interviews
    """
    from furikaeri import practice as P
    from furikaeri.report import history as H

    with open_store() as store:
        if interviews:
            ivs = store.interviews()
            if json_:
                emit_json([i.to_dict() for i in ivs])
                return
            out = console()
            for iv in ivs:
                H.render_interview(out, iv, lang or "en")
            if not ivs:
                out.print(H.t("no_history", lang or "en"))
            return
        data = P.history(store, limit=limit)
    if json_:
        emit_json(data)
        return
    L = P.pick_lang(lang, (a.get("language") for s in data for a in s["answers"]))
    H.render_history(console(), data, L)


def _answer_id(value: str) -> int:
    v = value.lstrip("#")
    if not v.isdigit():
        raise UsageError(f"{value!r} is not an answer number (see `furikaeri history`)")
    return int(v)


@cli.command()
@click.argument("answer_id")
@lang_option
@json_option
def show(answer_id, lang, json_):
    """An answer's full report, with your note and how it compares with the attempt before.

    \b
    Examples:
      furikaeri show 12
      furikaeri show 12 --json
    """
    from furikaeri import practice as P
    from furikaeri.report import history as H

    aid = _answer_id(answer_id)
    with open_store() as store:
        a = store.answer(aid, full=True)
        if a is None:
            raise UsageError(f"there is no answer {aid} (see `furikaeri history`)")
        prev = store.previous_answer(a.question_id, before_id=a.id) if a.question_id is not None else None
    cmp = P.compare_answers(prev, a) if prev else None
    if json_:
        doc = a.to_dict(full=True)
        doc["previous"] = cmp.to_dict() if cmp else None
        emit_json(doc)
        return
    L = lang or a.language or "en"
    out = console()
    H.render_answer_header(out, a, L)
    if a.analysis:
        from furikaeri.analysis import Analysis
        from furikaeri.report.terminal import render

        try:
            render(Analysis.from_dict(a.analysis), out)
        except (TypeError, KeyError, ValueError):
            out.print(a.transcript)
    H.render_note(out, a.note, L, answer_id=a.id)
    if cmp:
        out.print()
        H.render_compare_answers(out, cmp, L)


@cli.command()
@click.argument("answer_id")
@click.option("--wrong", "-w", default=None, help="What went wrong.")
@click.option("--why", "-y", default=None, help="Why.")
@click.option("--next", "-n", "next_time", default=None, help="What to do next time.")
@lang_option
@now_option
@json_option
def note(answer_id, wrong, why, next_time, lang, now_, json_):
    """Add or edit the reflection note of an answer.

    With no option, asks for each part with the current text as the default (with --json
    and no option, prints the note as it is). An empty text clears a part.

    \b
    Examples:
      furikaeri note 12 --next "結論から話す"
      furikaeri note 12 --wrong "ran over by 40 s" --why "too much background"
      furikaeri note 12                    # edit interactively
    """
    from furikaeri import practice as P
    from furikaeri.report import history as H

    aid = _answer_id(answer_id)
    when = P.parse_when(now_)
    with open_store() as store:
        a = store.answer(aid, full=False)
        if a is None:
            raise UsageError(f"there is no answer {aid} (see `furikaeri history`)")
        L = lang or a.language or "en"
        if wrong is None and why is None and next_time is None:
            if json_:  # nothing to change: print the note as it is
                emit_json(a.note.to_dict() if a.note else None)
                return
            cur = a.note
            wrong = _ask(H.t("wrong", L), cur.wrong if cur else "")
            why = _ask(H.t("why", L), cur.why if cur else "")
            next_time = _ask(H.t("next_time", L), cur.next_time if cur else "")
        saved = store.set_note(aid, wrong=wrong, why=why, next_time=next_time, now=when)
    if json_:
        emit_json(saved.to_dict())
        return
    H.render_note(console(), saved, L, answer_id=aid)


@cli.command()
@click.argument("refs", nargs=-1)
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
    from furikaeri import practice as P
    from furikaeri.report import history as H

    with open_store() as store:
        if question:
            if refs:
                raise UsageError("give either --question or two ids, not both")
            result = P.compare_question(store, question, first=first)
        else:
            if len(refs) != 2:
                raise UsageError("give two answer ids (or --sessions A B, or --question TEXT)")
            if sessions_ or not all(r.lstrip("#").isdigit() for r in refs):
                result = P.compare_sessions(store, refs[0], refs[1])
            else:
                a, b = (store.answer(_answer_id(r), full=False) for r in refs)
                for r, x in zip(refs, (a, b)):
                    if x is None:
                        raise UsageError(f"there is no answer {r} (see `furikaeri history`)")
                result = P.compare_answers(a, b)
    if json_:
        emit_json(result.to_dict())
        return
    if isinstance(result, P.SessionComparison):
        langs = [a.language for p in result.pairs for a in (p.before, p.after)]
        langs += [a.language for a in result.only_before + result.only_after]
        H.render_compare_sessions(console(), result, P.pick_lang(lang, langs))
    else:
        H.render_compare_answers(console(), result, P.pick_lang(lang, [result.before.language, result.after.language]))


@cli.command()
@click.option("--question", "-q", default=None, help="Only this question (id, key or text).")
@click.option("--since", default=None, help="Only answers from this date on (YYYY-MM-DD).")
@lang_option
@json_option
def progress(question, since, lang, json_):
    """Each figure over time, per question and overall: a chart, the trend, your best.

    \b
    Examples:
      furikaeri progress
      furikaeri progress --question jiko-pr
      furikaeri progress --since 2026-11-01 --json
    """
    from furikaeri import practice as P
    from furikaeri.report import history as H

    if since:
        try:
            datetime.fromisoformat(since)
        except ValueError:
            raise UsageError(f"cannot read the date {since!r}: use YYYY-MM-DD") from None
    with open_store() as store:
        prog = P.progress(store, question=question, since=since)
    if json_:
        emit_json(prog.to_dict())
        return
    langs = [o.language for o in prog.overall]
    H.render_progress(console(), prog, P.pick_lang(lang, langs))


@cli.command()
@click.option("--format", "-f", "fmt", type=click.Choice(["json", "csv", "md"]), default="json", show_default=True)
@click.option("--out", "-o", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write to this file [default: print].")
@lang_option
def export(fmt, out, lang):
    """Export the whole archive: JSON (everything), CSV (one row per answer), Markdown (a journal).

    \b
    Examples:
      furikaeri export --format md --out journal.md
      furikaeri export --format csv -o answers.csv
      furikaeri export > archive.json
    """
    from furikaeri import practice as P

    with open_store() as store:
        text = P.export(store, fmt, lang=lang)
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    tmp = out.with_name(out.name + ".part")
    # a BOM lets spreadsheet programs read a Japanese CSV as UTF-8
    tmp.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    tmp.replace(out)
    click.echo(f"wrote {out}", err=True)


# --------------------------------------------------------------------------- questions


@cli.group(invoke_without_command=True)
@click.option("--verbose", "-v", is_flag=True, help="List every question.")
@lang_option
@json_option
@click.pass_context
def questions(ctx, verbose, lang, json_):
    """Question sets and company research: list, show, add your own, start from a template.

    Your own sets and company files (TOML) live in the `questions` folder of the data
    directory; `furikaeri questions template` prints one to start from.

    \b
    Examples:
      furikaeri questions
      furikaeri questions show ja-basic
      furikaeri questions template --company "さくら商事" --lang ja > sakura.toml
      furikaeri questions add sakura.toml
      furikaeri questions company "さくら商事"
    """
    if ctx.invoked_subcommand is not None:
        return
    from furikaeri import questions as Q
    from furikaeri.report import history as H

    folder = user_dir()
    mine, problems = Q.user_sets(folder)
    sets = Q.all_sets(folder)
    if json_:
        emit_json({"sets": [s.to_dict() for s in sets], "problems": problems, "folder": str(folder)})
        return
    H.render_sets(console(), sets, problems, lang or "en", verbose=verbose)
    click.echo(f"\n{folder}", err=True)


@questions.command("show")
@click.argument("name")
@lang_option
@json_option
def questions_show(name, lang, json_):
    """The questions of a set (or a company file), with budgets and hints.

    \b
    Examples:
      furikaeri questions show en-basic
      furikaeri questions show ja-basic --json
    """
    from furikaeri import questions as Q
    from rich.markup import escape

    try:
        qset = Q.get_set(name, user_dir())
    except Q.QuestionError:
        qset = Q.get_company(name, user_dir())
    if json_:
        emit_json(qset.to_dict())
        return
    out = console()
    out.print(f"[bold]{escape(qset.title)}[/bold] [dim]{qset.name} · {qset.language} · {escape(qset.source)}[/dim]")
    for q in qset.questions:
        out.print(f"  [dim]{escape(q.id)}[/dim]  {escape(q.text)} [dim]{q.budget_s:.0f} s[/dim]")
        if q.hint:
            out.print(f"      [dim]{escape(q.hint)}[/dim]")


@questions.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--replace", is_flag=True, help="Overwrite a file of the same name.")
def questions_add(file, replace):
    """Check a question set or company file (TOML) and add it to your questions.

    \b
    Examples:
      furikaeri questions add my-set.toml
      furikaeri questions add sakura.toml --replace
    """
    from furikaeri import practice as P
    from furikaeri import questions as Q

    qset, target = Q.add_file(file, user_dir(), replace=replace)
    if qset.company:
        with open_store() as store:
            P.sync_company(store, qset)
    kind = f"company {qset.company.name}" if qset.company else f"set {qset.name}"
    click.echo(f"added {kind}: {len(qset.questions)} questions ({target})")


@questions.command("template")
@click.option("--company", default=None, help="A company file for this company instead of a question set.")
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True)
def questions_template(company, lang):
    """Print a TOML file to start your own set or company research from.

    \b
    Examples:
      furikaeri questions template > my-set.toml
      furikaeri questions template --company "さくら商事" --lang ja > sakura.toml
    """
    from furikaeri import questions as Q

    click.echo(Q.template(company=company, language=lang), nl=False)


@questions.command("company")
@click.argument("name")
@lang_option
@json_option
def questions_company(name, lang, json_):
    """A company's research notes, its practice questions and your logged interviews with it.

    \b
    Examples:
      furikaeri questions company "さくら商事"
      furikaeri questions company Acme --json
    """
    from furikaeri import practice as P
    from furikaeri.report import history as H

    with open_store() as store:
        info = P.company_view(store, name, user_dir())
    if json_:
        emit_json(info)
        return
    L = lang or ((info.get("file") or {}).get("language")) or "en"
    H.render_company(console(), info, L)

