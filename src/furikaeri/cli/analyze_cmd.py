"""``furikaeri analyze`` and ``furikaeri models``: reports on recorded answers."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import click

from furikaeri.cli.app import cli, fail, speaks
from furikaeri.cli.common import (
    analysis_options,
    asked_question,
    check_not_saved,
    check_room,
    check_save_options,
    emit_analysis,
    gone_take,
    models_dir_from_env,
    no_speech_message,
    question_language,
    save_and_emit,
    save_options,
    spoken_language,
    with_progress,
)
from furikaeri.errors import TERMINATED_EXIT, FurikaeriError


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))  # each checked in turn
@analysis_options
@click.option("--question", "-q", default=None,
              help="The question this answers: its text, or a set question's id or key (jikoshokai, "
                   "en-basic:intro), which brings its budget. Shown in the report, saved with --save.")
@click.option("--cut-off", is_flag=True,
              help="The recording stopped before the answer ended (a crash, a kill, the microphone gone): "
                   "where the speech runs to its end, the answer's length is not judged, nor coached as short.")
@save_options
def analyze(files, language, budget, model, json_, question, save, session, note, cut_off):
    """Analyse recorded answers and print a delivery report for each.

    Measures answer length and time to the first word, speaking rate (words per minute, or
    morae per second and characters per minute in Japanese), fillers, and silent pauses,
    against the question's time budget. Formats: wav, flac, mp3, m4a, ogg; any sample rate
    from 4 kHz, mono or stereo. Everything runs offline.

    \b
    Examples:
      furikaeri analyze answer.wav
      furikaeri analyze answer.m4a --language ja --budget 60
      furikaeri analyze take1.wav take2.wav --json
      furikaeri analyze answer.wav --question "Why our company?" --save --note "lead with the point"
    """
    question, budget, asked = asked_question(question, budget)
    if question:  # a set's Japanese question: the errors speak Japanese, as record's do
        speaks(spoken_language(language, question, asked))
    check_save_options(save, note, session)
    from furikaeri.store import warned_once

    left = list(files)  # the file being analysed and those after it
    with _sigterm_stops(), warned_once():
        try:
            failures = _analyze_each(files, language, budget, model, json_, question, asked, save, session, note,
                                     left=left, cut_off=cut_off)
        except (KeyboardInterrupt, _Terminated):
            if save and len(files) > 1:
                _left_unsaved(left, question=asked.key if asked else question, budget=budget, language=language,
                              session=session, note=note, model=model, cut_off=cut_off)
            raise
    if failures:
        sys.exit(2)


def _analyze_each(files, language, budget, model, json_, question, asked, save, session, note, *,
                  left: list | None = None, cut_off: bool = False) -> int:
    """Each file analysed, reported and (``save``) saved in turn; returns how many failed.
    ``left`` is kept to the file being analysed and those after it; ``cut_off``: each recording
    stopped before its answer ended (``--cut-off``: stopped where it ends)."""
    from furikaeri.audio import check_unchanged, duration_of, file_stamp
    from furikaeri.stream import analyze_recording

    if save and len(files) > 1:  # each file is saved even if the reader of the reports leaves (QA s47 EE #4)
        from furikaeri.cli.app import keep_saving_when_the_reader_leaves

        keep_saving_when_the_reader_leaves()
    failures = 0
    for i, path in enumerate(files):
        if left is not None:
            left[:] = files[i:]
        options = dict(language=language, budget=budget, question=question, model=model,
                       models_dir=models_dir_from_env(), prefer=question_language(language, asked),
                       **(dict(stopped_at=duration_of(path) or 0.0, cut_by="stop") if cut_off else {}))
        try:
            if save:  # a copy known not to fit, or one saved already, is said now; the other files go on
                check_not_saved(path)
                check_room(path)
            was = file_stamp(path)
            a = with_progress(lambda progress=None: analyze_recording(path, progress=progress, **options), json_,
                              language)
            check_unchanged(path, was)
        except FurikaeriError as e:
            from furikaeri.errors import AlreadySaved, AudioError
            from furikaeri.store import ArchiveFullError

            if not isinstance(e, (AudioError, ArchiveFullError, AlreadySaved)):
                raise
            gone = gone_take(path) if isinstance(e, AudioError) else None  # saved, and gone from takes/
            fail(str(e) + (gone[0] if gone else ""), ja=(e.ja or str(e)) + (gone[1] if gone else ""))
            failures += 1
            continue
        if not a.speech_detected:  # silence, noise, a laugh: an error, and nothing saved
            if json_:  # scripts still get the document (speech_detected: false), of one shape
                emit_analysis(a, json_, saving=save, extra={"fix": None, "interview_fix": None} if save else None,
                              question_key=asked.key if asked else None)
            cut = a.duration_s if a.cut_short else None
            fail(no_speech_message(path, cut_after=cut), ja=no_speech_message(path, "ja", cut_after=cut))
            failures += 1
            continue
        if save:
            save_and_check(a, path, json_, session=session, question=question, note=note, source="analyze",
                            asked=asked, language=language, model=model, budget=budget)
        else:
            emit_analysis(a, json_, question_key=asked.key if asked else None)
    return failures


def _left_unsaved(left, *, question, budget, language, session, note, model, cut_off: bool = False) -> None:
    """Ctrl-C or SIGTERM during ``analyze --save`` of several files: each file not saved is
    named with the command that saves it, and one the archive took just before (its "saved as"
    line cut off) is said saved (QA s45 S #6: only "interrupted", the file being analysed and
    those after it unnamed)."""
    import shlex

    from furikaeri.cli.common import analyze_command, open_store, saved_as, say_wrapped
    from furikaeri.errors import warning_language

    def warn(en: str, *, ja: str) -> None:  # the command to copy kept whole where it fits (QA s49 HH #4)
        say_wrapped(f"furikaeri: 警告: {ja}" if warning_language() == "ja" else f"furikaeri: warning: {en}")

    try:
        with open_store(reading=True, say_missing=False) as store:
            answers = store.answers(full=False)
    except (FurikaeriError, OSError):  # no archive yet, or none to read: nothing of these is in it
        answers = []
    for path in left:
        held = saved_as(path, answers)
        if held is not None:
            warn(f"{path} is saved as answer {held}", ja=f"{path} は回答{held}として保存しました")
            continue
        command = shlex.join(analyze_command(path, question, budget, language, save=True, session=session,
                                             note=note, model=model, cut_off=cut_off))
        warn(f"{path} is not saved (interrupted); to save it: {command}",
             ja=f"{path} は保存していません（中断しました）。保存するには: {command}")


class _Terminated(BaseException):
    """SIGTERM during ``analyze``: unwinds as Ctrl-C does (a copy being made goes, an answer
    being written is rolled back with the session made for it), then ends with one line."""


@contextlib.contextmanager
def _sigterm_stops():
    """While inside, SIGTERM stops the command as Ctrl-C does, then says one line and exits with
    143 (QA s35 F #4: it died silently with -15, a full copy of the recording left in audio/
    that no answer refers to); so does SIGHUP, the terminal closed (QA s50 OO #3: it died
    silently with 129, which ``--help`` does not list). Outside the main thread it changes nothing."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_term(*_) -> None:
        raise _Terminated

    ending = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {sig: signal.signal(sig, on_term) for sig in ending}
    try:
        yield
    except _Terminated:
        for sig in ending:  # said once, however many come
            signal.signal(sig, signal.SIG_IGN)
        from furikaeri.cli.language import ui_language
        from furikaeri.lang import text

        with contextlib.suppress(OSError):  # the terminal closed under us: nothing can be said (143 all the same)
            click.echo(f"furikaeri: {text(ui_language(), 'analyze_terminated')}", err=True)
        _leave(TERMINATED_EXIT)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _leave(code: int) -> None:
    """Exit with ``code``; at once while another thread still runs (Whisper in native code, which
    Python's shutdown would abort on), what is said flushed first."""
    import os
    import threading

    if threading.active_count() > 1:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)
    raise SystemExit(code)


class _Before:
    """The archive as it stood before answer ``answer_id`` was saved, as far as the note check
    reads it (:func:`furikaeri.session.note_check`: the question's attempts), so that a saved
    answer is checked as practice checks one before saving it, by the one rule."""

    def __init__(self, store, answer_id: int) -> None:
        self.store, self.answer_id = store, answer_id

    def answers(self, *, question_id: int):
        return [a for a in self.store.answers(question_id=question_id) if a.id != self.answer_id]


def save_and_check(a, path, json_: bool, **saving) -> None:
    """Save ``a`` and say the note check on it (:func:`note_fix`): after the report in words, or
    as the JSON document's ``fix`` (null without one, or when the saving failed), as ``practice
    --json`` carries it, so a script gets what a person reads."""
    if not json_:
        show_note_check(save_and_emit(a, path, json_, **saving))
        return

    def fix(answer_id: int | None) -> dict:
        check = note_fix(answer_id) if answer_id is not None else None
        stand = _stand(answer_id)[0] if answer_id is not None else None
        return {"fix": check[0].to_dict() if check and check[0] else None,
                "interview_fix": stand.to_dict() if stand else None}  # as practice --json (QA s52 AB #4)

    save_and_emit(a, path, json_, extra=fix, **saving)


def note_fix(answer_id: int):
    """(the check, the answer's language) of the answer just saved against the note on its
    question's earlier attempt (:func:`furikaeri.session.note_check`, as practice checks one),
    or None for an answer with no question or analysis."""
    from furikaeri.cli.common import open_store
    from furikaeri.session import note_check

    with open_store() as store:
        saved = store.answer(answer_id, full=True)
        if saved is None or saved.question_id is None or saved.analysis is None:
            return None
        return note_check(_Before(store, answer_id), saved.question_id, saved.analysis), saved.language


def show_note_check(answer_id: int) -> None:
    """Did the answer just saved do what the note on its question's earlier attempt asked? Said
    after the save in the answer's language, by the renderer practice says it with
    (:func:`furikaeri.report.history.render_fix`): --note is the reflection the next attempt is
    checked against, and a file analysed with --save is such an attempt too (nothing without an
    earlier attempt or a note); then the fix of a logged interview that asked its question."""
    from rich.console import Console

    from furikaeri.cli.language import ui_language
    from furikaeri.report import history as H

    check = note_fix(answer_id)
    if check is not None and check[0] is not None:
        fix, language = check
        H.render_fix(Console(), fix, language or ui_language(), language=language)
    _stand_check(answer_id)


def _stand(answer_id: int):
    """(the check, the answer's language) of the fix of the newest logged interview that asked
    the saved answer's question, checked on it as ``practice`` checks it
    (:func:`furikaeri.session.stand_check`); the check is None where there is none."""
    from furikaeri.cli.common import open_store
    from furikaeri.session import stand_on

    with open_store() as store:
        saved = store.answer(answer_id, full=True)
        check = stand_on(store, saved)
    return check, saved.language if saved is not None else None


def _stand_check(answer_id: int) -> None:
    """:func:`_stand` said, in the answer's language."""
    from furikaeri.cli.common import console
    from furikaeri.cli.language import ui_language
    from furikaeri.report.history import render_stand

    check, language = _stand(answer_id)
    if check is not None:
        render_stand(console(), check, language or ui_language(), language)


@cli.command()
@click.option("--verify", is_flag=True, help="Re-hash every file against its checksum.")
@click.option("--json", "json_", is_flag=True, help="Print JSON.")
def models(verify, json_):
    """Show the offline Whisper models, assembling the default one if needed.

    The models folder can be set with FURIKAERI_MODELS (unset: the usual one); FURIKAERI_MODEL
    is the model analyze, record and practice use when no --model is given (unset: base).

    \b
    Examples:
      furikaeri models
      furikaeri models --verify
    """
    from furikaeri import models as m
    from furikaeri.cli.language import ui_language

    L = ui_language()
    rows = _model_rows(models_dir_from_env() or m.default_models_dir(), verify, L)
    if json_:
        click.echo(json.dumps([{k: v for k, v in r.items() if k != "said"} for r in rows], ensure_ascii=False,
                              indent=2))
    else:
        _print_models(rows, L)
    if any(r["needed"] and r["status"] == "unavailable" for r in rows):
        sys.exit(2)  # the model analyze, record and practice would load cannot be used: a fix is needed


#: What ``models`` lists: the two models the tool installs.
LISTED_MODELS = ("base", "tiny.en")


def _model_rows(base_dir: Path, verify: bool, lang: str) -> list[dict]:
    """A row per listed model, and one for the model FURIKAERI_MODEL names when it is another
    (a folder, a cached name, a typo, a blank): ``status`` one fixed word a script can test
    (``ok``, ``verified``, ``unavailable``), the reason a model cannot be used in its own field
    (``reason``, in the view's language under ``said``), and whether it is ``needed``: the model
    used when no --model is given (``FURIKAERI_MODEL``, else base), so that ``models`` says (and
    exits 2) when the one analyze would load cannot be, as analyze then does."""
    import os

    from furikaeri import models as m

    default = os.environ.get("FURIKAERI_MODEL", m.DEFAULT_MODEL)
    names = [*LISTED_MODELS, *([] if default in LISTED_MODELS else [default])]
    rows = []
    for name in names:
        row = {"name": name, "path": None, "status": "unavailable", "reason": None, "needed": name == default,
               "said": None}
        try:
            info = m.resolve(name, base_dir)
            if verify and name in m.CHECKSUMS:  # another model has no checksums to check it against
                m.verify(Path(info.path), name, full=True)
            row.update(path=info.path, status="verified" if verify and name in m.CHECKSUMS else "ok")
        except FurikaeriError as e:
            row.update(reason=str(e), said=e.said_in(lang))
            if name not in LISTED_MODELS:  # named by the variable: said with it, as analyze says it
                row.update(reason=f"FURIKAERI_MODEL={name}: {e}", said=f"環境変数 FURIKAERI_MODEL の {name}: {row['said']}"
                           if lang == "ja" else f"FURIKAERI_MODEL={name}: {row['said']}")
        rows.append(row)
    return rows


def _print_models(rows: list[dict], lang: str) -> None:
    """The table: a model's name, its status and its path, the paths in one column; why a model
    cannot be used on a line of its own below it (a long reason would push the paths far right)."""
    from rich.cells import cell_len

    from furikaeri.lang import text

    said = [text(lang, f"model_{r['status']}") for r in rows]
    names = [r["name"] if r["name"].strip() else '""' for r in rows]  # a blank FURIKAERI_MODEL shown as blank
    width, name_width = max(10, *map(cell_len, said)), max(8, *map(cell_len, names))
    for r, name, status in zip(rows, names, said):  # padded by the cells a status takes (使用可能 takes 8)
        click.echo(f"{name}{' ' * (name_width - cell_len(name))} {status}{' ' * (width - cell_len(status))} "
                   f"{r['path'] or ''}".rstrip())
        if r["said"]:
            click.echo(f"{'':{name_width}} {r['said']}")
