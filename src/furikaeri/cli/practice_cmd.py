"""Practising and reflecting: ``practice``, ``reflect`` (a real interview), ``note``.

Thin: ``practice`` hands :func:`furikaeri.session.run_session` callbacks that record from the
microphone (or take the given files), analyse, and prompt for a reflection, and renders the
events it reports with :mod:`furikaeri.report.history`.
"""

from __future__ import annotations

import contextlib
import re
import shlex
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from furikaeri.cli.app import cli, speaks, ui_language
from furikaeri.cli.common import (
    Seconds,
    analysis_options,
    analyze_command,
    answer_number,
    archive_lang,
    ask,
    cli_start,
    complete_companies,
    complete_sets,
    console,
    current_home,
    emit_json,
    is_terminal,
    json_option,
    lang_option,
    models_dir_from_env,
    now_option,
    open_store,
    parse_when,
    refuse_blank,
    refuse_saved,
    say_wrapped,
    scratch_store,
    user_dir,
)
from furikaeri.cli.dates import read_date
from furikaeri.errors import FurikaeriError, NoteNotSaved, StoreError, TakeNotSaved, UsageError
from furikaeri.lang import counted, filler_named, text
from furikaeri.store import has_archive

AUDIO_SUFFIXES = {".wav", ".flac", ".mp3", ".m4a", ".ogg", ".opus", ".aac", ".webm", ".aiff", ".aif"}

#: A practice take stops on its own after twice its budget, and never before this many seconds
#: (``--max-seconds`` unset: its help says both).
TAKE_LIMIT_MIN_S = 30.0


def take_limit(budget_s: float) -> float:
    """Seconds after which a practice take stops when ``--max-seconds`` is not given: twice the
    budget, :data:`TAKE_LIMIT_MIN_S` at least (a 10-s question still gets room to run over)."""
    return max(TAKE_LIMIT_MIN_S, 2 * budget_s)


def by_name(path: Path) -> tuple:
    """The sort key of a file in a directory: its name with each run of digits read as a number,
    so take2 comes before take10, as a person numbers takes (QA s47 DD #1: sorted as text, nine
    of ten answers were saved against the wrong questions); then the name itself, so no two
    names are equal."""
    parts = re.split(r"(\d+)", path.name.casefold())
    return tuple((0, int(x), "") if x.isdigit() else (1, 0, x) for x in parts if x), path.name


def expand_files(paths: tuple[Path, ...]) -> list[Path]:
    """Files in order; a directory contributes its audio files sorted by name, numbers as
    numbers (:func:`by_name`)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted((x for x in p.iterdir() if x.is_file() and x.suffix.lower() in AUDIO_SUFFIXES), key=by_name)
            if not found:
                raise UsageError(f"no audio files in {p}", ja=f"{p} に音声ファイルがありません")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:  # missing, or a pipe: as analyze says it
            from furikaeri.audio import check_file

            check_file(p)
            raise UsageError(f"{p}: no such file", ja=f"{p}: ファイルが見つかりません")
    return out


def _glob_in_number_order(files: list[Path]) -> list[Path]:
    """``files`` in number order (:func:`by_name`) where they came in the order a shell's glob
    sorts names, as text, and that order is not theirs by number: ``take*.wav`` gives take1,
    take10, take2, and question 2 got take10 (QA s47 FF #4). Said on stderr; files listed in
    any other order are taken as listed."""
    natural = sorted(files, key=by_name)
    numbered = len({p.parent for p in files}) == 1 and len({re.sub(r"\d+", "#", p.name.casefold()) for p in files}) == 1
    if len(files) < 2 or not numbered or natural == files or sorted(files, key=lambda p: str(p)) != files:
        return files  # files of one folder named alike but for their numbers, as take*.wav gives them
    click.echo(text(ui_language(), "files_number_order", files=", ".join(p.name for p in natural[:4])
                    + (", …" if len(natural) > 4 else "")), err=True)
    return natural


def _answer_files(files: tuple[Path, ...], *, from_files: bool, shuffle: bool) -> list[Path]:
    """The audio files practice answers with, in order (:func:`expand_files`); refused: none
    after --from-files, and --shuffle with them (QA s47 DD #2: each file answers the question
    in its place, and shuffled, recorded answers went to random questions)."""
    answer_files = _glob_in_number_order(expand_files(files) if files else [])
    if from_files and not answer_files:
        raise UsageError("--from-files needs audio files or a directory after the options",
                         ja="--from-files にはオプションの後に音声ファイルかフォルダを指定してください")
    if shuffle and answer_files:
        raise UsageError("--shuffle cannot be used with answer files: each file answers the question in its place "
                         "(choose the order with --only)",
                         ja="--shuffle は音声ファイルと一緒には使えません（各ファイルはその順番の質問への回答です。"
                            "順番は --only で選べます）")
    return answer_files


# --------------------------------------------------------------------------- practice


@cli.command()
@click.option("--set", "set_name", default=None, shell_complete=complete_sets,
              help="Question set (see `furikaeri questions`) [default: by --language, else your system's language].")
@click.option("--company", default=None, shell_complete=complete_companies,
              help="Practise a company's questions (its file and your logged interviews).")
@click.option("--only", "-o", multiple=True, help="Only these question ids of the set, in this order (repeatable).")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=None, help="At most N questions.")
@click.option("--shuffle", is_flag=True, help="Mix the order.")
@click.option("--session", default=None, help="Session name [default: the set, or the company, and the date].")
@click.option("--from-files", "from_files", is_flag=True,
              help="Answer with the audio FILES (or a directory of them) in order instead of the microphone.")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--note", multiple=True,
              help="A note (what to do next time) for one answer; repeat it, one per answer in order "
                   "(the first --note goes with the first answer).")
@click.option("--reflect/--no-reflect", "reflect_", default=None,
              help="Ask for a reflection after each answer [default: when run in a terminal].")
@click.option("--device", default=None, help="Microphone (index or name; see `furikaeri devices`).")
@click.option("--max-seconds", type=Seconds(min=5, max=4 * 3600), default=None,
              help="Stop a recording after this long [default: twice the budget, and 30 s at least].")
@click.option("--stop-after-silence", type=Seconds(min=0.5, max=600), default=None, metavar="SECONDS",
              help="Stop a recording once you have spoken and then been silent this long [default: off].")
@click.option("--live-hints", is_flag=True,
              help="While you answer, show a running filler count and a 'wrap up' cue as the budget nears.")
@lang_option(help="Language of the prompts and summaries [default: the set's].")
@now_option
@analysis_options
def practice(set_name, company, only, limit, shuffle, session, from_files, files, note, reflect_, device, max_seconds,
             stop_after_silence, live_hints, lang, now_, language, budget, model, json_):
    """Practise a set of questions: answer, see the report, write what to fix.

    Before a question you answered before, shows your last figures and your note; after the
    answer, whether what the note targeted changed. Then asks, each optional (Enter skips):
    what went wrong, why, what to do next time. Everything is saved in your archive. While
    recording, Enter ends the answer and goes on; Ctrl-C ends the answer and, once it is
    saved, the session.

    --language is the language of the answers; --lang the language of the prompts, notes and
    summaries around them (each answer's report is written in the answer's language).

    \b
    Examples:
      furikaeri practice --set ja-basic -n 3
      furikaeri practice --set en-basic --live-hints
      furikaeri practice --set en-basic --only intro --only failure
      furikaeri practice --company "Acme"
      furikaeri practice --company "さくら商事"
      furikaeri practice --set en-basic -n 2 --from-files take1.wav take2.wav --no-reflect
      furikaeri practice --set ja-basic --from-files a1.wav a2.wav --note "結論から話す" --note "数字を入れる"
    """
    from furikaeri import session as S

    if set_name and company:
        raise UsageError("choose --set or --company, not both", ja="--set と --company はどちらか一方を指定してください")
    # no set named: the built-in set of the answers' language, else of the screen's or the
    # system's (a Japanese student's first `furikaeri practice` is asked in Japanese)
    set_language = language if language in ("en", "ja") else lang or ui_language()
    speaks(lang or _set_language(set_name, company, set_language))  # a missing file said as the set speaks
    answer_files = _answer_files(files, from_files=from_files, shuffle=shuffle)
    base_now = parse_when(now_)
    # asked for (--reflect) even with --json: the prompts go to stderr, the JSON to stdout
    ask_notes = reflect_ if reflect_ is not None else is_terminal() and not json_
    asking = _Reflection(lambda: screen.lang, ask_notes)
    _check_before_the_archive(set_name, company, set_language, only=only, limit=limit, now=base_now,
                              files=answer_files, notes=len(note), device=device)
    recorded: list = []  # a take recorded: the signals are no longer "before recording" (mic)
    with _sigterm_as_ctrl_c(lambda: asking.terminated, recorded=lambda: bool(answer_files or recorded)), \
            open_store() as store:
        qset = S.choose_set(store, set_name=set_name, company=company, language=set_language, folder=user_dir(),
                            now=base_now, cli=cli_start())
        speaks(lang or qset.language)  # a Japanese set's errors are said in Japanese from here on
        if session is not None:  # refused before the first question, not after its answer is analysed
            store.check_session_name(session, new=True)
        store.check_recordings()  # audio/ read-only on its own: said now, not after the first answer
        planned = S.plan(qset, only=only, limit=limit, shuffle=shuffle)
        questions = S.fit_to_files(planned, answer_files)
        _check_notes(len(note), len(questions))
        if answer_files:
            _check_files(store, answer_files)
        screen = _Screen(console(stderr=json_), lang or qset.language, quiet=json_, known=_Known.of(store, qset))
        speaks(screen.lang)
        if len(questions) < len(planned) and (limit or only):  # asked for more than the files answer
            say_wrapped(text(screen.lang, "fewer_files", files=len(questions), asked=len(planned)))
        if 0 < len(note) < len(questions):  # one note is not the whole session's: say who gets none
            say_wrapped(text(screen.lang, "fewer_notes", notes=len(note), answers=len(questions)))
        if not answer_files:  # no microphone: said before the first question, not after it
            device = _check_microphone(device)
        asked = _Asked(screen, note)
        record = asked.remembering(S.from_files(answer_files) if answer_files else
                                   _microphone(store.home, device=device, max_seconds=max_seconds,
                                               stop_after_silence=stop_after_silence, language=language,
                                               model=model, live_hints=live_hints, quiet=json_, asked=asked,
                                               total=len(questions), ui=lang, took=recorded))
        def saving(path, key, note):  # the command that saves an answer as this session would have
            return analyze_command(path, key, budget, language, save=True, session=asked.session, note=note, model=model)

        with _said_on_failure(json_, screen, asked.dropped(saving), asked.failed(json_, answer_files, questions, saving)), \
                asked.said_when_terminated(json_, mic=not answer_files):
            result = S.run_session(
                store, qset, questions, record=record, analyse=_analyser(model, auto=language == "auto"),
                reflect=lambda i, q, analysis: asked.reflection(i, asking),
                on_event=asked.show, language=language, budget=budget, model=model, session_name=session,
                now=base_now, ending=lambda: asking.interrupted or asking.terminated, so_far=asked.keep,
                keeping_note=asking.keeping_note)
        _summed_up(store, result, screen, json_, asking, interrupted=asked.interrupted)
    if answer_files and result.answers and all(a.get("skipped") == "no speech" for a in result.answers):
        raise SystemExit(2)  # no file had speech: bad input, as `analyze` says it, nothing saved (QA s52 ZZ #6)


def _summed_up(store, result, screen, json_: bool, asking: "_Reflection", *, interrupted: bool) -> None:
    """The session summed up (:func:`_ended`); SIGTERM or SIGHUP meanwhile ends it with 143 once
    it is said, never a death by the signal (QA s53 AD #2: the handlers given back to the
    default after the last note, the summary never printed)."""
    with asking.keeping_note():
        shared = _comparable(store, result)
        _ended(result, shared, screen, json_, interrupted=interrupted or asking.interrupted,
               terminated=asking.terminated)
    if asking.terminated:
        from furikaeri.errors import TERMINATED_EXIT

        raise SystemExit(TERMINATED_EXIT)


def _check_files(store, files) -> None:
    """Every answer file checked before the first question, so that no session is left
    half-saved: each readable, and each a recording of its own that the archive does not
    hold yet (one take answers one question, and is never saved twice)."""
    from furikaeri.audio import check_readable

    for f in files:
        check_readable(f)
    refuse_saved(files, store.answers(full=False))


@contextlib.contextmanager
def _sigterm_as_ctrl_c(ended=lambda: False, recorded=lambda: True):
    """``practice``: SIGTERM (``timeout``, a service manager) stops the session as Ctrl-C does
    (the answers saved are said, ``--json``'s document printed, the answer being analysed named
    with the command that saves it), then one line and exit 143 (QA s46 Y #2: it died silently
    with -15, answers saved and nothing said). SIGHUP, the terminal closed, does the same (QA s50
    OO #6: it died with 129, which ``--help`` does not list). A take from the microphone has its
    own while it is recorded and analysed (:mod:`furikaeri.cli.live`); this is what a signal
    does between two takes (the next question shown, the microphone opening: it was a death by
    the signal), and, till ``recorded()``, what the program's start set does ("stopped before
    recording started", ``furikaeri.__main__._until_recording``). Once ``ended()`` (a signal at
    a reflection ends the session), a later one changes nothing till the program ends. Outside
    the main thread it changes nothing."""
    import signal
    import threading

    from furikaeri.cli.live import ENDING_SIGNALS

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    fired = []

    def on_term(signum, frame) -> None:
        start = previous.get(signum)
        if getattr(start, "until_recording", False) and not recorded():
            start(signum, frame)  # nothing recorded yet: said so, 143
            return
        for sig in ENDING_SIGNALS:  # said once, however many come
            signal.signal(sig, signal.SIG_IGN)
        fired.append(True)
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, on_term) for sig in ENDING_SIGNALS}
    try:
        yield
    except (KeyboardInterrupt, SystemExit) as e:
        if not fired or (isinstance(e, SystemExit) and e.code != 130):
            raise
        from furikaeri.errors import TERMINATED_EXIT

        with contextlib.suppress(OSError):  # the terminal closed under us: nothing can be said (143 all the same)
            say_wrapped(f"furikaeri: {text(ui_language(), 'analyze_terminated')}")
        raise SystemExit(TERMINATED_EXIT) from None
    finally:
        if not fired:
            for sig, handler in previous.items():  # the program ending by one: the next (the shell's
                if getattr(handler, "until_recording", False) and recorded():  # after the terminal's) kills it
                    handler = signal.SIG_DFL  # no more; nor is anything "before recording" once a take was
                signal.signal(sig, signal.SIG_IGN if ended() else handler)


def _ended(result, shared, screen, json_: bool, *, interrupted: bool, terminated: bool = False) -> None:
    """The session as ended: its summary (or JSON), then exit code 130 when Ctrl-C stopped it
    (before its last question, or while an answer was heard), 143 when SIGTERM or SIGHUP did at a
    reflection's prompt, said once all is kept."""
    if json_:
        emit_json(result.to_dict())
    else:
        screen.done(result, shared)
    if terminated:
        from furikaeri.errors import TERMINATED_EXIT

        raise SystemExit(TERMINATED_EXIT)
    if result.ended_after is not None or interrupted:
        raise SystemExit(130)


@contextlib.contextmanager
def _said_on_failure(json_: bool, screen: "_Screen | None" = None, dropped=None, failed=None):
    """A session that stops early: a take not saved names the command that saves it (with the
    --home given), after ``failed()`` says what else is left (:meth:`_Asked.failed`). Ctrl-C
    between saves still prints the answers saved (``--json``, for a script), else the session's
    summary, as a session Ctrl-C ended after a save does; then ``dropped()`` names the answer
    Ctrl-C stopped before it was saved, if one was."""
    from furikaeri import session as S

    try:
        yield
    except (TakeNotSaved, NoteNotSaved, StoreError) as e:  # StoreError: the archive full or locked between
        from furikaeri.cli.app import fail  # two answers, not while one was saved (QA s52 ZZ #2)
        from furikaeri.cli.common import current_home, home_option

        error = e.naming_home(current_home()) if home_option() and isinstance(e, (TakeNotSaved, NoteNotSaved)) else e
        if failed is None:
            raise error from getattr(e, "cause", None) or e.__cause__
        fail(str(error), ja=error.ja)  # the cause first, then what it left (QA s52 AB #6: it came last,
        failed()  # after "question 3 was not reached … once that is fixed")
        raise SystemExit(error.exit_code) from None
    except S.SessionInterrupted as e:
        if json_:
            emit_json(e.result.to_dict())
        elif screen is not None:
            screen.done(e.result)
        if dropped is not None:
            dropped()
        raise


def _comparable(store, result):
    """The latest earlier session, of any set, that answered a question this one did, in the
    same language (so `compare --sessions` has a pair to show): the session of the previous
    attempt the report compared with, though it was a company's set and this the built-in one;
    None when there is none."""
    if result.session is None:
        return None
    asked = [a for a in store.answers(session_id=result.session.id) if a.question_id is not None]

    def same(a, b) -> bool:  # an answer of no known language is of any
        return a.question_id == b.question_id and (a.language == b.language or None in (a.language, b.language))

    this = result.session
    earlier = [s for s in store.sessions() if s.id != this.id and (s.started_at, s.id) < (this.started_at, this.id)]
    for s in earlier:  # newest first
        if any(same(a, b) for b in store.answers(session_id=s.id) for a in asked):
            return s
    return None


def _check_before_the_archive(set_name, company, language, *, only, limit, now, files, notes: int,
                              device) -> None:
    """Refuse a set, company or question that is not there, too many notes, or no microphone
    before any archive is made: with no archive yet, the set is looked up in an empty one that
    goes with the check (practice --company with no such company made an empty archive in a new
    --home: QA s35 V2 #3; so did practice with no microphone: QA s45 S #9)."""
    from furikaeri import session as S

    if has_archive(current_home()):
        return
    with scratch_store() as known:
        planned = S.plan(S.choose_set(known, set_name=set_name, company=company, language=language,
                                      folder=user_dir(), now=now, cli=cli_start()),
                         only=only, limit=limit, shuffle=False)
    _check_notes(notes, len(S.fit_to_files(planned, files)))
    if not files:
        _check_microphone(device)


def _check_notes(notes: int, questions: int) -> None:
    if notes > questions:
        raise UsageError(f"{notes} --note for {counted(questions, 'question')}: give at most one note per answer",
                         ja=f"質問は{questions}問ですが、--note が{notes}個あります。メモは回答1つに1つまでです")


def _set_language(set_name: str | None, company: str | None, default: str) -> str | None:
    """The language of the set to practise, known before the archive is opened (the answer
    files are checked first): the set's, a company file's, else ``default`` (the built-in set of
    that language is asked); None when only the archive can tell (a company known from logged
    interviews) or the set cannot be read (its own error says so later)."""
    from furikaeri import questions as Q
    from furikaeri.errors import FurikaeriError

    try:
        if company:
            return Q.get_company(company, user_dir()).language
        return Q.get_set(set_name, user_dir()).language if set_name else default
    except FurikaeriError:
        return None


@dataclass(frozen=True)
class _Known:
    """What the person logged beside their practice: the real interviews (``reflect``, newest
    first) and the research on the company whose questions are practised (None: a set of no
    company, or nothing noted). The seed's loop is reflect right after the interview, fix,
    practise again: the interview's points are what a practice of its questions starts from."""

    interviews: tuple = ()
    company: Any = None

    @classmethod
    def of(cls, store, qset) -> "_Known":
        from furikaeri.store import COMPANY_FIELDS

        company = store.company(qset.company.name) if qset.company else None
        noted = company is not None and any(getattr(company, f) for f in COMPANY_FIELDS if f != "asks")
        return cls(tuple(store.interviews()), company if noted else None)

    def logged(self, question) -> tuple[Any, dict] | None:
        """The newest logged interview that asked ``question`` (its words up to case, width,
        marks and a Japanese request's ending: :func:`furikaeri.questions.same_question`), with
        the item that asked it; None when no interview did."""
        from furikaeri.session import logged_asking

        return logged_asking(self.interviews, question.text)


class _Screen:
    """Renders the practice loop's events (:mod:`furikaeri.session`) in language ``lang``;
    ``quiet`` (``--json``): only what must be said (a take not saved), on stderr. ``known``:
    the interviews and company research shown beside the questions (:class:`_Known`)."""

    def __init__(self, out, lang: str, *, quiet: bool, known: _Known | None = None):
        self.out, self.lang, self.quiet = out, lang, quiet
        self.known = known or _Known()
        #: the logged interview (and its item) that asked the question being answered
        self.logged: tuple[Any, dict] | None = None
        #: the report of a take with no speech, shown once it is known whether its file stays
        self.silent = None

    def show(self, event) -> None:
        from furikaeri import session as S

        out, L = self.out, self.lang
        if isinstance(event, S.Heard) and not event.analysis.speech_detected:
            self.silent = event  # its box waits for how the take is dropped (NotSaved)
            return
        if isinstance(event, S.NotSaved):
            silent, self.silent = self.silent, None
            if silent is not None and not event.recorded and not self.quiet:
                # the person's own file, which stays: its box names it. A take recorded for the
                # archive is removed now: no box names a file that is gone, the line below says it all
                self.heard(silent)
            if event.skipped:  # stopped at once with nothing said: a skip, not a muted microphone (QA s44 H #2)
                out.print(f"[yellow]{text(L, 'skipped_question')}[/yellow]")
                return
            mic = (" " if L == "en" else "") + text(L, "mic_hint") if event.recorded else ""
            # a take recorded into the archive's audio folder was said "saved" there: it is removed
            said = text(L, "not_saved_silent_removed" if event.recorded else "not_saved_silent")
            said_keeping_command(out, said + mic, "yellow")
        elif self.quiet:
            return
        elif isinstance(event, S.Asking):
            self.asking(event)
        elif isinstance(event, S.Heard):
            self.heard(event)
        elif isinstance(event, S.Saved):
            out.print(f"[dim]{text(L, 'saved', id=event.answer_id)}[/dim]")

    def heard(self, event) -> None:
        """An answer's report, then whether the last note's fix and the real interview's worked,
        and how it stands against the person's usual: all before the reflection is asked."""
        from furikaeri.report import history as H
        from furikaeri.report.terminal import render

        out, L = self.out, self.lang
        render(event.analysis, out, focus=event.focus)
        said_in = event.analysis.language  # units are the answer's (hedges per 100 words or 300 morae)
        H.render_fix(out, event.fix, L, language=said_in)  # before the reflection: did last time's fix work?
        if event.stand is not None:  # and the fix the real interview asked for
            H.render_stand(out, event.stand, L, said_in)
        if event.after is not None:  # and how it stands against the person's own usual
            focus = event.focus
            H.render_after(out, event.after, L, told=[c.metric for c in event.fix.changes] if event.fix else (),
                           usual_told=focus.metric if focus is not None and focus.usual is not None else None,
                           language=said_in)

    def asking(self, event) -> None:
        """The question (the company's research before the first), and what the newest logged
        interview that asked it holds: what was answered, how it landed, what to fix. A question
        practised before shows its last attempt first; one practised never does not say it is
        new (it was asked for real)."""
        from furikaeri.report import history as H

        q, L = event.question, self.lang
        if event.index == 1 and self.known.company is not None:
            self.research(self.known.company)
        self.logged = self.known.logged(q)
        if self.logged is None or event.before.previous is not None:
            H.render_question(self.out, index=event.index, total=event.total, text=q.text, budget_s=event.budget_s,
                              hint=q.hint, before=event.before, lang=L)
        else:
            _question_head(self.out, event, L)
        if self.logged is not None:
            H.render_logged(self.out, self.logged, L)

    def research(self, company) -> None:
        """A company's research (its file's notes, kept in the archive) before its questions:
        what seemed valued, the atmosphere, the interviewers, what to ask them."""
        self.out.print()
        self.out.print(fit_text(text(self.lang, "research_head", company=company.name), self.out.width, style="bold"))
        for key in ("valued", "atmosphere", "interviewers", "to_ask"):
            value = " / ".join(line.strip() for line in (getattr(company, key) or "").splitlines() if line.strip())
            if value:
                _indented(self.out, value, label=f"{text(self.lang, key)}:")

    def note_not_kept(self, note: str) -> None:
        """The ``--note`` given for a take that was not saved (no speech): it goes with it, said."""
        from rich.text import Text

        self.out.print(Text(text(self.lang, "note_not_kept", note=note), style="yellow"))

    def done(self, result, shared=None) -> None:
        """The session's summary, and what to look at next (``shared``: an earlier session that
        answered one of its questions, to compare with)."""
        row, out, L = result.session, self.out, self.lang
        # the questions passed over, named: to come back to (QA s44 H #2)
        skipped = [a["question"].get("text", "") for a in getattr(result, "answers", None) or () if a.get("skipped") == "skipped"]
        if result.ended_after is not None:  # none saved (a question skipped, then Ctrl-C): none claimed (QA s44 P #2)
            key = "practice_ended" if result.ended_after and row is not None else "practice_ended_none"
            out.print(f"[yellow]{text(L, key, n=result.ended_after, total=result.asked)}[/yellow]")
        if row is None:  # no answer saved: said in one line (Ctrl-C's line above says it already)
            if result.ended_after is None:
                out.print(f"[yellow]{text(L, 'session_nothing_saved')}[/yellow]")
            if skipped:
                out.print(f"[dim]{text(L, 'session_skipped', questions=' / '.join(skipped))}[/dim]")
            return
        out.print()
        out.print(text(L, "session_done", n=row.answer_count, name=row.name, id=row.id))
        if skipped:
            out.print(f"[dim]{text(L, 'session_skipped', questions=' / '.join(skipped))}[/dim]")
        home = home_given()
        if shared is not None:
            said_with_command(out, f"{text(L, 'compare_hint')}: furikaeri{home} compare --sessions {shared.id} {row.id}")
        said_with_command(out, f"furikaeri{home} progress · furikaeri{home} history")


def fit_text(said: str, width: int, *, style: str = ""):
    """``said`` as one line of the screen, text written without spaces broken by its rules."""
    from rich.text import Text

    from furikaeri.report.wrap import fit_line

    return fit_line(Text(said, style=style), width)


def _indented(out, said: str, *, style: str = "", indent: int = 2, label: str | None = None) -> None:
    """``said`` ``indent`` cells in, wrapping under itself (after its ``label``, when it has one:
    「回答: …」 wrapped under the answer, not the label, QA s46 X #8)."""
    from rich.padding import Padding
    from rich.text import Text

    if label:  # as the history's labelled lines are
        from furikaeri.report.history import indented

        indented(out, indent, Text(said, style=style), label=Text(label))
        return
    out.print(Padding(fit_text(said, out.width - indent, style=style), (0, 0, 0, indent), expand=False))


def _question_head(out, event, lang: str) -> None:
    """The question as :func:`furikaeri.report.history.render_question` shows it (its number,
    text, budget and hint) without the line on its practice history, which would call a
    question asked in a real interview and never practised "first attempt"."""
    q = event.question
    out.print()
    out.rule(f"[bold]{event.index}/{event.total}[/bold]")
    out.print(fit_text(q.text, out.width, style="bold cyan"))
    out.print(fit_text(text(lang, "q_budget", budget=event.budget_s), out.width, style="dim"))
    if q.hint:
        out.print(fit_text(f"{text(lang, 'hint')}: {q.hint}", out.width, style="dim"))


def home_given() -> str:
    """`` --home HOME`` (quoted for the shell) when the command was given one, else '': the
    commands a hint suggests read the archive this one did."""
    from furikaeri.cli.common import home_args

    return " " + shlex.join(home_args()) if home_args() else ""


def said_with_command(out, said: str) -> None:
    """``said`` (dim): a hint and the commands it suggests ("…: furikaeri compare --sessions 1 2",
    "furikaeri progress · furikaeri history"), no command ever broken across lines (rich wraps
    at 80 columns when the output is no terminal, and a command cut in two cannot be pasted):
    all on one line where it fits, else the hint wrapping by itself and each command on a line
    of its own, indented after a hint, whole however wide."""
    from rich.cells import cell_len
    from rich.text import Text

    from furikaeri.report.wrap import fit_line

    if cell_len(said) <= out.width:
        out.print(Text(said, style="dim"))
        return
    hint, colon, commands = said.partition(": furikaeri ")
    if colon:
        out.print(fit_line(Text(hint + ":", style="dim"), out.width))
        commands = "furikaeri " + commands
    for command in (commands if colon else said).split(" · "):
        out.print(Text(("  " if colon else "") + command, style="dim"), soft_wrap=True)


def said_keeping_command(out, said: str, style: str) -> None:
    """``said``, a line that ends with a `command` in backquotes, never broken inside the
    command (one cut in two cannot be pasted): the text before it wraps by itself, and the
    command goes on its last line where it fits, else on a line of its own, whole."""
    from rich.cells import cell_len
    from rich.text import Text

    from furikaeri.report.wrap import fit_line

    head, tick, command = said.partition("`")
    if cell_len(said) <= out.width or not tick:
        out.print(fit_line(Text(said, style=style), out.width))
        return
    command = tick + command
    lines = _wrapped(head.rstrip(), out.width)
    space = " " if head.endswith(" ") else ""
    if cell_len(lines[-1] + space + command) <= out.width:
        lines[-1] += space + command
    else:
        lines.append(command)
    for line in lines:
        out.print(Text(line, style=style), soft_wrap=True)


def _wrapped(said: str, width: int) -> list[str]:
    """``said`` in lines of at most ``width`` cells: at its spaces, or as text written without
    spaces is broken (:func:`~furikaeri.report.wrap.fit_line`)."""
    from rich.console import Console
    from rich.text import Text

    from furikaeri.report.wrap import fit_line, unspaced

    if unspaced(said):
        return fit_line(Text(said), width).plain.split("\n")
    return [line.plain.rstrip() for line in Text(said).wrap(Console(width=width), width, overflow="fold")]


class _Asked:
    """What a take of the question being asked is saved with: the session (as the
    :class:`~furikaeri.session.Asking` event names it) and the ``--note`` given for the answer
    (one per answer, in order), for the command that saves a take the microphone cut short or
    Ctrl-C stopped before it was saved; and the take itself until it is saved or skipped."""

    def __init__(self, screen: "_Screen", notes: tuple[str, ...]):
        self.screen, self.notes, self.session = screen, notes, None
        #: Ctrl-C was pressed while an answer was analysed (held until it was saved)
        self.interrupted = False
        #: (index, question, recording) of the answer given and not yet saved or skipped
        self.take: tuple | None = None
        #: the index of the last question whose answer was given (saved or not), None before the first
        self.reached: int | None = None
        #: the id of the answer saved last (saved before its reflection is asked)
        self.saved: int | None = None
        #: the session as it would end now (:func:`~furikaeri.session.run_session`'s ``so_far``)
        self.so_far = None
        self._told = threading.Lock()  # the stop is said once, whichever thread says it

    def keep(self, result) -> None:
        """``run_session``'s ``so_far``: the session as it stands, for a stop that cannot wait."""
        self.so_far = result

    def terminated(self, json_: bool) -> None:
        """SIGTERM or SIGHUP ends a session from the microphone (a take left for ``recover``):
        ``--json``'s document of the answers saved so far, as ``--from-files`` prints it when
        stopped (``ended_after``), and one line on stderr naming them (QA s50 OO #2: nothing on
        stdout, and nothing said answer 1 was saved). Once only; from any thread (the signal
        may come while an answer is analysed, on :class:`~furikaeri.cli.live.HeldInterrupts`'
        wakeup thread, before the process ends at once)."""
        if self.so_far is None or not self._told.acquire(blocking=False):
            return
        ids = [a["answer_id"] for a in self.so_far.answers if a.get("answer_id") is not None]
        if self.saved is not None and self.saved not in ids:  # saved, its reflection not yet asked
            ids.append(self.saved)
        key = "stopped_saved_none" if not ids else "stopped_saved_one" if len(ids) == 1 else "stopped_saved_many"
        sep = "、" if self.screen.lang == "ja" else ", "
        with contextlib.suppress(OSError):  # a closed terminal or reader: the exit code says it all the same
            if json_:
                emit_json(self.so_far.to_dict())
            say_wrapped(f"furikaeri: {text(self.screen.lang, key, ids=sep.join(map(str, ids)))}")

    @contextlib.contextmanager
    def said_when_terminated(self, json_: bool, *, mic: bool):
        """While inside, a session from the microphone that SIGTERM or SIGHUP ended mid-take
        (:func:`furikaeri.cli.live._terminated`: exit 143) says what was saved (:meth:`terminated`)."""
        try:
            yield
        except SystemExit as e:
            from furikaeri.errors import TERMINATED_EXIT

            if mic and e.code == TERMINATED_EXIT:
                self.terminated(json_)
            raise

    def reflection(self, index: int, asking: "_Reflection"):
        """The note for answer ``index``: its ``--note``, else the reflection asked; none asked
        once Ctrl-C during its analysis asked to stop (the answer is saved: the command that adds
        a note later is said instead)."""
        given = self.note(index)
        if not self.interrupted or given:
            return asking.reflect(given, self.saved)
        if self.saved is not None:
            from furikaeri.cli.common import home_given
            from furikaeri.cli.streams import typeahead_lines

            typed = typeahead_lines()  # lines finished with Enter during the take or its analysis (QA s49 II #2)
            key = "typed_note_kept" if typed else "no_note"
            say_wrapped(text(self.screen.lang, key, home=home_given(), id=self.saved))
            return _typed_note(typed)
        return None

    def show(self, event) -> None:
        from furikaeri.session import Asking, NotSaved, Saved

        if isinstance(event, Asking):
            self.session = event.session
        if isinstance(event, Saved):
            self.saved = event.answer_id
        unsaid = self.take if isinstance(event, NotSaved) else None
        if isinstance(event, (Asking, Saved, NotSaved)):
            self.take = None
        self.screen.show(event)
        if unsaid is not None and self.note(unsaid[0]):  # a note is never dropped unsaid
            self.screen.note_not_kept(self.note(unsaid[0]))

    def remembering(self, record):
        """``record`` (a :data:`~furikaeri.session.Recorder`), the take it gives kept in :attr:`take`."""

        def recorded(index, q, budget, now):
            audio = record(index, q, budget, now)
            self.take, self.reached = (index, q, audio.path), index
            return audio

        return recorded

    def failed(self, json_: bool, files, questions, command):
        """What a session from files that a failure stopped (a full disk, a locked archive: the
        answer being saved is named by the error itself) leaves: ``--json``'s document and a line
        naming the answers saved before it, then each file not reached with the command that
        saves it (QA s51 TT #5: none of it was said, and the user had to work out which of nine
        files still needed a run). Nothing for a session from the microphone."""

        def say() -> None:  # the answer being saved is named by the error; stopped before the next, none is
            if not files or self.reached is None:
                return
            with contextlib.suppress(OSError):
                ids = [a["answer_id"] for a in (self.so_far.answers if self.so_far else ()) if a.get("answer_id")]
                if json_ and self.so_far is not None:
                    emit_json(self.so_far.to_dict())
                if ids:
                    sep = "、" if self.screen.lang == "ja" else ", "
                    key = "stopped_failed_saved_one" if len(ids) == 1 else "stopped_failed_saved_many"
                    say_wrapped(text(self.screen.lang, key, ids=sep.join(map(str, ids))))
                for i, (q, path) in enumerate(zip(questions, files)):
                    if i > self.reached:
                        say_wrapped(text(self.screen.lang, "answer_not_reached", n=i + 1, take=path,
                                         command=shlex.join(command(path, q.key, self.note(i)))))

        return say

    def dropped(self, command):
        """A function that names the answer given and not saved when Ctrl-C ended the session
        (its recording, its note, ``command(path, question_key, note)`` that saves it), if one was."""

        def say() -> None:
            if self.take is None or not Path(self.take[2]).is_file():
                return
            index, q, path = self.take
            line = text(self.screen.lang, "answer_dropped", n=index + 1, take=path,
                        command=shlex.join(command(path, q.key, self.note(index))))
            say_wrapped(line)  # a command to copy: not broken inside it

        return say

    def note(self, index: int) -> str | None:
        return self.notes[index] if index < len(self.notes) else None


def _check_microphone(device):
    """The microphone to record from (``--device``, else the default), checked before the
    first question: there is one, and it takes one of the usual settings. Raises
    :class:`~furikaeri.errors.DeviceError` (PortAudio missing, no input device, none by that
    name, none it can open)."""
    from furikaeri import capture

    dev = capture.resolve_device(device)
    capture._open_settings(capture._sounddevice(), dev)  # what recording will open it with
    return dev


def _microphone(home: Path, *, device, max_seconds, stop_after_silence, language: str, model: str,
                live_hints: bool = False, quiet: bool = False, asked: _Asked | None = None, total: int = 0,
                ui: str | None = None, took: list | None = None):
    """A recorder for :func:`furikaeri.session.run_session`: each answer from the microphone,
    on the live recording screen, into the archive's audio folder, transcribed while it is
    spoken (:func:`furikaeri.cli.live.record_listening`) so its report follows at once. A take
    the microphone cut short names the command that saves it into the session (``asked``). The
    screen speaks ``ui`` (``--lang``) where given, else each question's language: its cues and
    how to stop are guidance, as the lines before and after it (QA s47 GG #7). ``took`` is
    given a mark once a take is recorded (nothing is "before recording" from then on)."""
    from furikaeri.capture import release_take, take_settings
    from furikaeri.cli.capture_cmd import analyze_take
    from furikaeri.cli.common import with_progress
    from furikaeri.session import SKIP_S, AnswerAudio, new_take_path

    def record(index, q, budget: float, now) -> AnswerAudio:
        try:
            from furikaeri.cli.live import HeldInterrupts, leave_on_terminate, record_listening
        except ImportError as e:
            from furikaeri.errors import DeviceError

            raise DeviceError(f"recording from the microphone is not available ({e}); use --from-files",
                              ja=f"マイクから録音できません（{e}）。--from-files を使ってください") from e
        # no --language: the question's, unless Whisper is sure the answer is in the other one
        options = dict(language=language, prefer=q.language if language == "auto" else None, budget=budget,
                       question=q.text, model=model, models_dir=models_dir_from_env())
        # what the take is saved with, kept beside it too: a crash's take is saved as this one (`recover`)
        settings = dict(question=q.key, budget=budget, language=options["prefer"] or language, save=True,
                        session=asked.session if asked else None, note=asked.note(index) if asked else None,
                        model=model)
        path = new_take_path(home, q, now=now)
        says = ui or q.language

        def command(take_path):  # the command that saves the take as practice would have
            return analyze_take(take_path, **settings)

        with take_settings(path, settings):
            take, finish = record_listening(path, analysis=options, language=says, live_hints=live_hints,
                                            question=q.text, budget=budget, device=device,
                                            max_seconds=max_seconds or take_limit(budget),
                                            stop_after_silence=stop_after_silence,
                                            # no "next question" on the last (QA s46 V #2)
                                            hint_key="rec_hint_practice_last" if index + 1 >= total else "rec_hint_practice",
                                            analyze_command=command)
        if took is not None:
            took.append(path)
        # as `record`'s: SIGTERM before the answer is saved leaves the take (and its settings) for `recover`
        held = HeldInterrupts(text(says, "interrupt_held"),  # and says the answers saved before it (QA s50 OO #2)
                              on_terminate=leave_on_terminate(take, says, command,
                                                              then=(lambda: asked.terminated(quiet)) if asked else None))

        @contextlib.contextmanager
        def keeping():
            with take_settings(path, settings), held:  # Ctrl-C now waits till the answer is saved (then ends the session)
                yield
            if asked is not None:
                asked.interrupted = asked.interrupted or held.pressed

        # Ctrl-C ends the take and, once it is analysed and saved, the session
        return AnswerAudio(Path(take.path), recorded=True, analysis=lambda: with_progress(finish, quiet, says),
                           last=take.stopped_by == "interrupt", stop_asked=lambda: held.pressed, keeping=keeping,
                           skipped=take.stopped_by in ("stop", "interrupt") and take.duration_s < SKIP_S,
                           release=lambda: release_take(path))

    return record


def _analyser(model: str, auto: bool = False):
    """An analyser for :func:`furikaeri.session.run_session`: the whole pipeline on a file.
    ``auto`` (no ``--language``): the answer is heard in the question's language unless Whisper
    is sure it was said in the other (:func:`furikaeri.analysis.preferred`)."""

    def analyse(path: Path, language: str, budget: float, question: str):
        from furikaeri.analysis import analyze_file
        from furikaeri.lang import LANGUAGES

        from furikaeri.cli.common import shown_analysis

        from furikaeri.audio import check_unchanged, file_stamp

        said = dict(language="auto", prefer=language) if auto else dict(language=language)
        options = dict(budget=budget, question=question, model=model, models_dir=models_dir_from_env())
        was = file_stamp(path)
        a = analyze_file(path, **said, **options)
        if auto and a.sounds_like in (*LANGUAGES,) and a.sounds_like != a.language:
            # heard in the question's language, written or mostly said in the other: heard again in that
            a = analyze_file(path, language=a.sounds_like, **options)
        check_unchanged(path, was)  # a file still being written: no report of its first seconds saved
        return shown_analysis(a)  # a file name not UTF-8

    return analyse


def _typed_note(lines: list[str]) -> dict[str, str] | None:
    """Lines typed for a note no prompt asked for (Ctrl-C while the answer was analysed), as
    the prompts would have taken them: one a part in order (what went wrong, why, what next),
    any more joined to the last; None for none."""
    if not lines:
        return None
    parts = [*lines[:2], " ".join(lines[2:])]
    return dict(zip(("wrong", "why", "next_time"), [*parts, "", ""][:3]))


class _Reflection:
    """The note given on the command line, else (while ``prompt``) the three parts asked for
    after each answer. An ended input or Ctrl-C at a prompt keeps what was typed and the answer
    (it is saved: the analysis must not be lost to a reflection), and asks no more this
    session: each later answer names the command that adds its note instead. Ctrl-C also
    ends the session after this answer (:attr:`interrupted`), as it does everywhere else."""

    def __init__(self, lang, prompt: bool):
        self.lang, self.prompt = lang, prompt
        #: the prompts were stopped (the input ended, or Ctrl-C)
        self.stopped = False
        #: Ctrl-C at a prompt: the session ends after this answer
        self.interrupted = False
        #: SIGTERM or SIGHUP at a prompt: as Ctrl-C, and the program ends with 143
        self.terminated = False
        #: a prompt is waiting for its line (the one place a signal stops it at once)
        self._reading = False
        #: a signal has stopped a prompt
        self._cut = False

    @staticmethod
    def _note_command(answer_id: int | None) -> str:
        """`furikaeri [--home HOME] note ID`: the command that adds the note later."""
        from furikaeri.cli.common import home_given

        return f"furikaeri{home_given()} note" + (f" {answer_id}" if answer_id is not None else "")

    def reflect(self, note: str | None, answer_id: int | None = None) -> dict[str, str] | str | None:
        """``note`` (given on the command line), else the reflection asked for saved answer
        ``answer_id`` (named in the command that adds a note later, should the prompts stop)."""
        if note:
            return note
        if not self.prompt:
            if self.stopped and answer_id is not None:  # asked before, no longer: how to add it
                from furikaeri.cli.common import home_given

                say_wrapped(text(self.lang(), "no_note", home=home_given(), id=answer_id))
            return None
        lang = self.lang()
        from furikaeri.cli.streams import typeahead_lines

        # lines typed during the take or its analysis answer none of the prompts by themselves: they
        # are offered back, in order, as each prompt's text, kept with Enter (QA s47 BB #6)
        offered = typeahead_lines()[:3]
        if offered:
            say_wrapped(text(lang, "typeahead_offered"))
        click.echo(text(lang, "enter_skips"), err=True)  # prompts on stderr: stdout may be JSON
        parts = []
        with self._signals_as_ctrl_c():
            for i, key in enumerate(("wrong", "why", "next_time")):
                try:
                    self._reading = True
                    try:
                        if self.terminated:  # SIGTERM or SIGHUP before this prompt: as at it
                            raise KeyboardInterrupt
                        parts.append(ask(text(lang, key), offered[i] if i < len(offered) else ""))
                    finally:
                        self._reading = False
                except (click.Abort, KeyboardInterrupt) as e:  # click says both as Abort: Ctrl-C is the one
                    self._stop(lang, answer_id, ctrl_c=isinstance(e, KeyboardInterrupt)  # it was raised from
                               or isinstance(e.__context__, KeyboardInterrupt))
                    break
                except OSError:  # the terminal gone (its window closed, tmux killed): a read fails with EIO
                    # before any signal, the shell's SIGHUP a second later; the parts finished are kept, and
                    # the program ends as for SIGHUP (QA s53 AD #1: the note lost, the program killed by it)
                    self.terminated = True
                    self._stop(lang, answer_id, ctrl_c=True)
                    break
                if self.terminated:  # SIGTERM or SIGHUP between two prompts: as at one
                    self._stop(lang, answer_id, ctrl_c=True)
                    break
        wrong, why, nxt = (parts + ["", "", ""])[:3]
        if not (wrong or why or nxt):
            return None
        return {"wrong": wrong, "why": why, "next_time": nxt}

    @contextlib.contextmanager
    def keeping_note(self):
        """While inside (an answer from its take to its note saved, the session summed up), SIGTERM
        and SIGHUP never cut the note: the prompts take them as Ctrl-C (:meth:`_signals_as_ctrl_c`), anywhere else one
        marks the session ended (:attr:`terminated`, exit code 143 after this answer). Once so
        ended, a later one changes nothing till the program ends (QA s52 AB #1: a terminal closed
        at a prompt, its end read as the input's, then its SIGHUP while the parts were kept: the
        note lost; the shell's SIGHUP after it, let through again, killed the program)."""
        import signal
        import threading

        from furikaeri.cli.live import ENDING_SIGNALS

        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def came(*_) -> None:
            self.terminated = True

        previous = {sig: signal.signal(sig, came) for sig in ENDING_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, signal.SIG_IGN if self.terminated else handler)

    @contextlib.contextmanager
    def _signals_as_ctrl_c(self):
        """While inside (the reflection's prompts), SIGTERM and SIGHUP stop them as Ctrl-C does: the
        parts finished with Enter are kept, the command that adds the rest is said, and the session
        ends, with exit code 143 (QA s50 OO #4: the default action killed the program, the part typed
        lost, nothing said). Outside the main thread nothing changes."""
        import signal
        import threading

        from furikaeri.cli.live import ENDING_SIGNALS

        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def ended(*_) -> None:
            # the prompt waiting for a line is stopped; anywhere else (the terminal's end read as the
            # input's, the parts being kept, a second signal: the shell's SIGHUP after the terminal's)
            # the prompts stop at the next step, nothing cut halfway (QA s52 AB #1: the note lost)
            self.terminated = True
            if self._reading and not self._cut:  # once: a second one would cut the first's handling
                self._cut = True
                raise KeyboardInterrupt

        previous = {sig: signal.signal(sig, ended) for sig in ENDING_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():  # a later one, while the note is saved: :meth:`keeping_note`
                signal.signal(sig, handler)

    def _stop(self, lang: str, answer_id: int | None, *, ctrl_c: bool) -> None:
        """No more prompts this session, said with the command that adds the note later; Ctrl-C
        ends the session after this answer too."""
        if ctrl_c:  # a part not finished with Enter is no note, nor a command for the shell after us (QA s52 YY #2)
            from furikaeri.cli.streams import discard_typeahead

            discard_typeahead()
        self.prompt, self.stopped = False, True
        self.interrupted = self.interrupted or ctrl_c
        key = "reflection_interrupted" if ctrl_c else "reflection_stopped"
        with contextlib.suppress(OSError):  # a terminal closed: the parts finished are saved all the same (QA s52 ZZ #1)
            click.echo(err=True)
            say_wrapped(text(lang, key, command=self._note_command(answer_id)))  # the command whole on a line


# --------------------------------------------------------------------------- reflect


def _terminal_gone_at_prompt(e: OSError, stops: "_Stops | None") -> None:
    """A prompt's read that failed: the terminal gone (EIO: its window closed, tmux killed) stops
    the prompts as SIGHUP does (``stops``); any other failure is raised."""
    import errno

    if e.errno != errno.EIO or stops is None:
        raise e
    stops.by = stops.by or "signal"


class _Stops:
    """``reflect`` and ``note``: what stopped their prompts, and what it does. While
    :meth:`held`, SIGTERM and SIGHUP (a shutdown, the terminal closed) never kill the program
    (QA s54 AJ #1: the interview typed was lost, the program killed by the signal, nothing
    said); at a prompt (:meth:`reading`) they, and Ctrl-C, stop it as the input's end does, so
    the parts finished with Enter are saved; anywhere else they are remembered, and the work
    goes on to its end. Then :meth:`exit` ends the program as the stop asks: 143 for a signal,
    130 for Ctrl-C (AJ #4: it exited 0, "the input ended"). Outside the main thread nothing
    changes."""

    def __init__(self):
        #: ``ctrl_c``, ``signal`` or None: what stopped the prompts, or came while the work was done
        self.by: str | None = None
        self._reading = False

    @contextlib.contextmanager
    def held(self):
        import signal

        from furikaeri.cli.live import ENDING_SIGNALS

        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def came(*_) -> None:
            first = self.by is None
            self.by = self.by or "signal"
            if self._reading and first:  # the prompt waiting for a line stops; once
                raise KeyboardInterrupt

        previous = {sig: signal.signal(sig, came) for sig in ENDING_SIGNALS}
        try:
            yield
        finally:
            for sig, handler in previous.items():  # the shell's SIGHUP after the terminal's: ignored
                signal.signal(sig, signal.SIG_IGN if self.by == "signal" else handler)

    @contextlib.contextmanager
    def reading(self):
        """While inside, the prompts: Ctrl-C is told from the input's end (click says both as
        Abort)."""
        import signal

        if threading.current_thread() is not threading.main_thread():
            yield
            return

        def ctrl_c(*_) -> None:
            self.by = self.by or "ctrl_c"
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGINT, ctrl_c)
        self._reading = True
        try:
            yield
        finally:
            self._reading = False
            signal.signal(signal.SIGINT, previous)

    def key(self, key: str) -> str:
        """``key`` (what a stop at the prompts says: ``reflect_partial``) as the stop was made."""
        return key + {"ctrl_c": "_ctrl_c", "signal": "_signal"}.get(self.by or "", "")

    def exit(self) -> None:
        """The program's end the stop asks for, once all is saved and said (nothing without one)."""
        if self.by == "signal":
            from furikaeri.errors import TERMINATED_EXIT

            raise SystemExit(TERMINATED_EXIT)
        if self.by == "ctrl_c":
            raise SystemExit(130)


@cli.command()
@click.option("--company", "-c", default=None, help="The company.")
@click.option("--date", "held_on", default=None, help="When it was held (YYYY-MM-DD, or yesterday) [default: today; asked when prompting].")
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
@click.option("--interview", "interview_id", default=None,
              help="Complete or correct the logged interview with this number (see `history --interviews`).")
@lang_option
@now_option
@json_option
def reflect(company, held_on, stage, asked, answered, reaction, went_well, to_fix, recording, prompt_, interview_id,
            lang, now_, json_):
    """Log a real interview right after it, before memory fades.

    The questions they asked, what you answered, how the interviewer reacted, what to fix.
    The questions become practice questions for that company (`practice --company`).

    With --interview N, completes or corrects interview N instead: each option given replaces
    its part ("" clears it), --question/--answer are added to its questions (a question already
    logged gets the answer given in place of its own); in a terminal with no option,
    asks each part and each question and answer with its current text as the default (Enter
    keeps it, a space alone clears it), then more questions.

    \b
    Examples:
      furikaeri reflect                       # asks step by step
      furikaeri reflect -c "Acme" --stage first -q "Why do you want to work here?" \\
          -a "their mission" --reaction "asked for examples" --to-fix "lead with the point"
      furikaeri reflect -c "さくら商事" --stage 一次面接 -q "ガクチカを教えてください" \\
          -a "サークルの新歓" --reaction "深掘りが多かった" --to-fix "結論から話す"
      furikaeri reflect --interview 4 --reaction "理由を深掘りされた" --to-fix "例え話は理由を2つ"
    """
    when = parse_when(now_)
    L = archive_lang(lang, [company, stage, *asked, *answered, reaction, went_well, to_fix])
    if L == "ja":  # typed in Japanese: its errors are too (Latin letters, a company's name, say nothing)
        speaks(L)
    refuse_blank(company=company, date=held_on)
    if len(answered) > len(asked):
        raise UsageError("more --answer than --question: give one answer per question",
                         ja="--answer が --question より多くあります。回答は質問1つに1つです")
    items = [{"question": q.strip(), "answer": answered[i] if i < len(answered) else ""}
             for i, q in enumerate(asked) if q.strip()]  # `-q ""` (an empty variable) is no question
    today = (when or datetime.now()).astimezone().date()
    held = held_date(held_on, today) if held_on else None  # a typo said before anything is asked
    if interview_id is not None:
        given = dict(company=company, held_on=held, **_parts_given(stage=stage, reaction=reaction,
                                                                   went_well=went_well, to_fix=to_fix))
        _complete_interview(interview_id, given, items, recording=recording, prompt_=prompt_, lang=lang,
                            now=when, json_=json_)
        return
    if recording is not None:  # checked before anything is asked or saved: a typo is not kept as "audio",
        from furikaeri.audio import check_readable  # nor are the answers typed lost to it

        check_readable(recording)
    prompting = prompt_ if prompt_ is not None else (is_terminal() and not asked and not json_)
    stops = _Stops()
    with stops.held():
        _log_interview(L, today, stops, prompting, company, stage, held, items, reaction, went_well, to_fix,
                       recording, when, json_)
    stops.exit()


def _log_interview(L: str, today: date, stops: _Stops, prompting: bool, company, stage, held, items, reaction,
                   went_well, to_fix, recording, when, json_) -> None:
    """``reflect``'s new interview: what its options did not give asked (``prompting``), then
    saved and shown; ``stops``: what stopped the prompts (:class:`_Stops`)."""
    from furikaeri.report import history as H
    from furikaeri.session import keep_audio

    stopped = False
    if prompting:
        try:
            with stops.reading():
                company, stage, held, reaction, went_well, to_fix, stopped = _asked_interview(
                    L, today, items, company, stage, held, reaction, went_well, to_fix, stops=stops)
        except click.Abort:  # stopped before a word was typed: nothing to keep
            if stops.by is None:
                raise
            with contextlib.suppress(OSError):  # on a line of its own, not after the prompt's
                click.echo(err=True)
                say_wrapped(text(L, stops.key("reflect_nothing")))
            return
    if not stopped and not items and not (reaction or went_well or to_fix):
        raise UsageError("nothing to log: give a --question, or the interviewer's --reaction, what --went-well "
                         "or what --to-fix",
                         ja="記録する内容がありません。--question・--reaction・--went-well・--to-fix のどれかを"
                            "指定してください")
    held = held or today.isoformat()
    try:
        with open_store() as store:
            near = _near_companies(store, company)
            audio = keep_audio(store.home, recording, now=when) if recording else None
            iid = store.add_interview(company=company, held_on=held, items=items, stage=stage, reaction=reaction,
                                      went_well=went_well, to_fix=to_fix, audio_path=audio, now=when)
            iv = store.interview(iid)
    except (FurikaeriError, OSError) as e:  # nothing typed is lost: the command that logs it all again
        raise _not_logged(e, company=company, held=held, stage=stage, items=items, reaction=reaction,
                          went_well=went_well, to_fix=to_fix, recording=recording) from e
    assert iv is not None
    if stopped or stops.by == "signal":
        with contextlib.suppress(OSError):  # the terminal gone: saved all the same
            say_wrapped(text(L, stops.key("reflect_partial"), id=iid, cli=cli_start()))
    if stops.by == "signal":  # the rest is not shown: the program is to end
        return
    _said_near(L, near, company, iid)
    if json_:
        emit_json(iv.to_dict())
        return
    out = console()
    H.render_interview(out, iv, L)
    if company:
        said_with_command(out, text(L, "company_hint", company=company, home=home_given()))


def _said_near(L: str, near: list[str], company: str | None, iid: int) -> None:
    """A new company logged beside one known by a longer name (:func:`_near_companies`): said,
    with the command that moves the interview to it."""
    if near:
        move = shlex.join([*cli_start().split(), "reflect", "--interview", str(iid), "-c", near[0]])
        say_wrapped(text(L, "reflect_new_company", company=company, near=near[0], command=move))


def _near_companies(store, company: str | None) -> list[str]:
    """The companies the archive knows that ``company``, a name it does not know yet, may mean
    (:func:`~furikaeri.cli.common.companies_meant`): a new company made of a slip splits a
    company's interviews from its journal and its practice (QA s49 JJ #3)."""
    from furikaeri.cli.common import companies_meant

    if not company or store.company(company) is not None:
        return []
    return companies_meant(store, company, [c.name for c in store.companies()])


def _asked_interview(L: str, today: date, items: list[dict[str, str]], company, stage, held, reaction, went_well,
                     to_fix, *, stops: _Stops | None = None) -> tuple:
    """``reflect``'s prompts for what its options did not give (``items`` filled in place): the
    parts as typed, and whether the input ended (Ctrl-C, or its end) before the last prompt. The
    terminal gone (a read fails with EIO before the shell's SIGHUP comes) stops them as SIGHUP
    does (``stops``)."""
    with open_store():  # an archive that cannot take it (damaged, read-only) said before a word is typed (QA s42 E #7)
        pass
    try:
        company = company or ask(text(L, "ask_company")) or None
        stage = stage or ask(text(L, "ask_stage"))
        if held is None:  # with the company and the round, before what was said (Enter: today)
            held = _ask_date(L, today)
        _ask_questions(L, items)
        reaction = reaction or ask(text(L, "reaction"))
        went_well = went_well or ask(text(L, "went_well"))
        to_fix = to_fix or ask(text(L, "to_fix"))
    except (click.Abort, OSError) as e:  # Ctrl-C or the input ended: what was typed is kept, if anything was
        if isinstance(e, OSError):
            _terminal_gone_at_prompt(e, stops)
        if not items and not (company or stage or reaction or went_well or to_fix):
            raise click.Abort() from None
        with contextlib.suppress(OSError):  # the terminal gone: kept all the same
            click.echo(err=True)
        return company, stage, held, reaction, went_well, to_fix, True
    return company, stage, held, reaction, went_well, to_fix, False


def _parts_given(**parts: str) -> dict[str, str | None]:
    """The parts of a logged interview ``reflect --interview`` was given on its command line, each
    stripped (one given empty, or as spaces, is cleared, as a space at its prompt clears it: QA
    s51 RR #5, ``--went-well ""`` was dropped unsaid); None for each not given."""
    typed = click.get_current_context().get_parameter_source
    return {k: v.strip() if typed(k) == ParameterSource.COMMANDLINE else None for k, v in parts.items()}


def _complete_interview(interview_id: str, given: dict, items: list[dict[str, str]], *, recording, prompt_,
                        lang, now, json_) -> None:
    """``reflect --interview N``: the logged interview N completed or corrected (``given``: the
    parts to replace, None where not given; ``items``: questions to add), asking each part in a
    terminal when nothing was given (QA s46 X #4: a log cut off by a phone call could only be
    logged again, as a second interview holding the rest)."""
    from furikaeri.report import history as H
    from furikaeri.store import typed_number

    if recording is not None:
        raise UsageError("--recording goes with a new interview, not --interview",
                         ja="--recording は新しい面接の記録に使います（--interview とは一緒に使えません）")
    iid = typed_number(interview_id)
    with open_store(reading=True) as store:
        iv = store.interview(int(iid)) if iid is not None and iid <= 2 ** 63 - 1 else None
    if iv is None:
        raise UsageError(f"there is no interview {interview_id} (see `{cli_start()} history --interviews`)",
                         ja=f"面接記録 {interview_id} はありません（`{cli_start()} history --interviews` を参照）")
    L = lang or archive_lang(None, [iv.company, iv.stage, iv.reaction, iv.to_fix,
                                    *(i.get("question", "") for i in iv.items)])
    speaks(L)
    nothing = not items and all(v is None for v in given.values())
    if prompt_ if prompt_ is not None else (is_terminal() and nothing and not json_):
        with open_store():  # an archive that cannot take it said before a word is typed
            pass
        click.echo(text(L, "interview_editing", id=iid, about=" ".join(
            x for x in (iv.held_on, iv.company or "", iv.stage) if x)), err=True)  # which one is open (QA s46 Z #4)
        click.echo(text(L, "note_keep_hint"), err=True)
        stops = _Stops()
        try:
            with stops.held(), stops.reading():
                for key, ask_key in (("stage", "ask_stage"), ("reaction", "reaction"), ("went_well", "went_well"),
                                     ("to_fix", "to_fix")):
                    typed = ask(text(L, ask_key), getattr(iv, key))
                    if typed != getattr(iv, key):
                        given[key] = typed.strip()
                given["items"] = _asked_again(L, iv.items)  # each question and answer, to keep, correct or clear
                _ask_questions(L, items, start=len(given["items"]))
        except (click.Abort, OSError) as e:  # backing out of an edit (the wrong interview opened): nothing is
            if isinstance(e, OSError):  # changed; SIGTERM, SIGHUP or the terminal gone: nor then (exit 143)
                _terminal_gone_at_prompt(e, stops)
            with contextlib.suppress(OSError):
                click.echo(err=True)
                click.echo(text(L, "interview_unchanged", id=iid), err=True)
            stops.by = stops.by or "ctrl_c"
            stops.exit()
    with open_store() as store:
        done = store.update_interview(int(iid), more_items=items, now=now, **given)
    assert done is not None
    if json_:
        emit_json(done.to_dict())
        return
    H.render_interview(console(), done, L)


def _asked_again(L: str, items) -> list[dict[str, str]]:
    """A logged interview's questions and answers, each asked with itself as the default (Enter
    keeps it, a space alone clears it; a question cleared goes with its answer: QA s46 Z #5, a
    question logged by mistake stayed)."""
    out = []
    for i, item in enumerate(items):
        q = ask(f"{text(L, 'q_label')}{i + 1}", item.get("question") or "")
        a = ask("  " + text(L, "ask_answered"), item.get("answer") or "") if q else ""
        if q:
            out.append({"question": q, "answer": a})
    return out


def _not_logged(e: BaseException, *, company, held, stage, items, reaction, went_well, to_fix, recording) -> StoreError:
    """The error for an interview log that could not be saved (a locked or full archive): why,
    and the `furikaeri reflect` command that logs everything typed once that is fixed."""
    from furikaeri.cli.common import home_args
    from furikaeri.errors import said_of

    asked = [x for item in items for x in ("-q", item["question"], "-a", item["answer"])]
    given = [("-c", company), ("--date", held), ("--stage", stage), ("--reaction", reaction),
             ("--went-well", went_well), ("--to-fix", to_fix), ("--recording", str(recording) if recording else None)]
    command = shlex.join(["furikaeri", *home_args(), "reflect",
                          *[x for option, value in given[:3] if value for x in (option, value)], *asked,
                          *[x for option, value in given[3:] if value for x in (option, value)]])
    said, said_ja = said_of(e, "en"), said_of(e, "ja")
    return StoreError(f"{said.rstrip('.')}; the interview is not logged: `{command}` logs it once that is fixed",
                      ja=f"{said_ja.rstrip('。')}。面接は記録されていません: 直したあと `{command}` で記録できます")


def held_date(typed: str, today: date) -> str:
    """An interview's date as typed (2026-12-01, 20261201, 2026/12/1, 12/1, 12月1日, 昨日,
    yesterday; a date with no year is the latest one not after ``today``) in
    YYYY-MM-DD; a :class:`UsageError` for one that cannot be read or is after ``today``."""
    held = read_date(typed, today)
    if held > today:  # a reflection looks back: a date ahead is a typo (2062 for 2026)
        raise UsageError(f"the interview date {held} is after today ({today}): reflect looks back on one held",
                         ja=f"面接日 {held} が今日（{today}）より後です。reflect は終わった面接を振り返ります")
    return held.isoformat()


def _ask_date(lang: str, today: date) -> str:
    """The interview's date, asked (today the default, Enter takes it) until it can be read."""
    while True:
        typed = ask(text(lang, "ask_date"), today.isoformat())
        try:
            return held_date(typed, today)
        except UsageError as e:
            click.echo(e.said_in(lang), err=True)


def _ask_questions(lang: str, items: list[dict[str, str]], *, start: int = 0) -> None:
    """The questions asked in the interview and what was answered, typed one by one onto
    ``items`` (an empty question ends; each is kept as soon as it is typed); ``start``: how many
    the interview holds already (numbered after them)."""
    click.echo(text(lang, "ask_questions"), err=True)
    while True:
        qtext = ask(f"{text(lang, 'q_label')}{start + len(items) + 1}")
        if not qtext:
            return
        items.append({"question": qtext, "answer": ""})
        items[-1]["answer"] = ask("  " + text(lang, "ask_answered"))


# --------------------------------------------------------------------------- note


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
    and no option, prints the note as it is): Enter keeps a part, a space alone clears it. An
    empty text given as an option (--why "") clears its part.

    \b
    Examples:
      furikaeri note 12 --next "結論から話す"
      furikaeri note 12 --wrong "ran over by 40 s" --why "too much background"
      furikaeri note 12                    # edit interactively
    """
    aid = answer_number(answer_id)
    when = parse_when(now_)
    stops = _Stops()
    with stops.held():
        _noted(aid, wrong, why, next_time, lang, when, json_, stops)
    stops.exit()


def _noted(aid: int, wrong, why, next_time, lang, when, json_, stops: _Stops) -> None:
    """``note``: answer ``aid``'s note given, or asked part by part, saved and shown; ``stops``:
    what stopped the prompts (:class:`_Stops`)."""
    from furikaeri.report import history as H

    with open_store(reading=True) as store:  # a note edits a saved answer: a missing home is made by nothing
        a = store.answer(aid, full=False)
        if a is None:
            raise UsageError(f"there is no answer {aid} (see `{cli_start()} history`)",
                             ja=f"回答 {aid} はありません（`{cli_start()} history` を参照）")
        L = lang or a.language or ui_language()  # a damaged row's language: the person's
        speaks(L)  # its prompts are in the answer's language: so is an error after them
        if wrong is None and why is None and next_time is None:
            if json_:  # nothing to change: print the note as it is
                emit_json(a.note.to_dict() if a.note else None)
                return
            if store.read_only:  # known now: said before anything is typed, not after
                raise StoreError(store.read_only, ja=store.read_only_ja)
            wrong, why, next_time = _typed_note_parts(a.note, L, stops)
        saved = a.note
        if _note_changes(a.note, (wrong, why, next_time)):  # else nothing is written, updated_at kept
            try:
                saved = store.set_note(aid, wrong=wrong, why=why, next_time=next_time, now=when)
            except (FurikaeriError, OSError) as e:  # nothing typed is lost: the command that saves it
                raise _note_not_saved(e, aid, (wrong, why, next_time)) from e
    if stops.by == "signal":  # saved; the rest is not shown: the program is to end
        return
    if json_:
        emit_json(saved.to_dict() if saved else None)
        return
    H.render_note_saved(console(), a.note, saved, L)


def _typed_note_parts(cur, L: str, stops: _Stops) -> tuple[str | None, str | None, str | None]:
    """``note``'s prompts, each part with its current text as the default: the parts typed, None
    for those not reached. Ctrl-C, the input's end or SIGTERM/SIGHUP (:class:`_Stops`) keep the
    parts finished with Enter, the rest as they were."""
    typed: list[str] = []
    if cur is not None and any(getattr(cur, k) for k in ("wrong", "why", "next_time")):
        click.echo(text(L, "note_keep_hint"), err=True)  # a stray space clears a part (QA s46 V #5)
    try:
        with stops.reading():
            for key in ("wrong", "why", "next_time"):
                typed.append(ask(text(L, key), getattr(cur, key) if cur else ""))
    except (click.Abort, OSError) as e:  # Ctrl-C or the input ended: the parts typed are kept, the rest as they were
        if isinstance(e, OSError):
            _terminal_gone_at_prompt(e, stops)
        unchanged = typed == [getattr(cur, k) if cur else "" for k in ("wrong", "why", "next_time")[:len(typed)]]
        if unchanged and stops.by is None:
            raise  # nothing typed or changed (Enter on the parts as they were): the input ended, as with none
        with contextlib.suppress(OSError):  # the terminal gone: saved all the same
            click.echo(err=True)
            click.echo(text(L, stops.key("note_nothing" if unchanged else "note_partial")), err=True)
    return tuple((typed + [None, None, None])[:3])


def _note_not_saved(e: BaseException, answer_id: int, parts: tuple[str | None, ...]) -> StoreError:
    """The error for a note that could not be saved (a locked, read-only or full archive): why,
    and the `furikaeri note` command that saves what was typed once that is fixed (a part left
    None is kept as it is, so it is not in the command)."""
    from furikaeri.cli.common import current_home, home_option
    from furikaeri.errors import note_not_saved

    return note_not_saved(e, answer_id, dict(zip(("wrong", "why", "next_time"), parts)),
                          current_home() if home_option() else None)


def _note_changes(current, parts: tuple[str | None, ...]) -> bool:
    """Would ``parts`` (wrong, why, next time; None keeps a part) change the note ``current``?"""
    return any(typed is not None and typed.strip() != ((getattr(current, key) or "") if current else "").strip()
               for key, typed in zip(("wrong", "why", "next_time"), parts))
