"""``furikaeri analyze`` and ``furikaeri models``: reports on recorded answers."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from furikaeri.cli.app import cli, fail
from furikaeri.cli.common import (
    analysis_options,
    asked_question,
    current_home,
    emit_analysis,
    models_dir_from_env,
    no_speech_message,
    open_store,
    with_progress,
)
from furikaeri.errors import FurikaeriError


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@analysis_options
@click.option("--question", "-q", default=None,
              help="The question this answers: its text, or a set question's id or key (jikoshokai, "
                   "en-basic:intro), which brings its budget. Shown in the report, saved with --save.")
@click.option("--save", is_flag=True, help="Save the analysed answer in your practice archive.")
@click.option("--session", default=None, help="With --save: the practice session's name.")
@click.option("--note", default=None, help="With --save: a reflection note for this answer.")
def analyze(files, language, budget, model, json_, question, save, session, note):
    """Analyse recorded answers and print a delivery report for each.

    Measures answer length and time to the first word, speaking rate (words per minute, or
    morae per second and characters per minute in Japanese), fillers, and silent pauses,
    against the question's time budget. Formats: wav, flac, mp3, m4a, ogg; any sample rate,
    mono or stereo. Everything runs offline.

    \b
    Examples:
      furikaeri analyze answer.wav
      furikaeri analyze answer.m4a --language ja --budget 60
      furikaeri analyze take1.wav take2.wav --json
      furikaeri analyze answer.wav --question "Why our company?" --save --note "lead with the point"
    """
    from furikaeri.errors import UsageError
    from furikaeri.stream import analyze_recording

    if not save and (note is not None or session is not None):  # they would be dropped unsaid
        raise UsageError("--note and --session go with --save (they are stored with the saved answer)")
    question, budget, _ = asked_question(question, budget)
    if save:  # a damaged or unwritable archive is said before minutes of analysis, not after
        with open_store():
            pass
    failures = 0
    for path in files:
        options = dict(language=language, budget=budget, question=question, model=model,
                       models_dir=models_dir_from_env())
        try:
            a = with_progress(lambda progress=None: analyze_recording(path, progress=progress, **options), json_)
        except FurikaeriError as e:
            from furikaeri.errors import AudioError

            if not isinstance(e, AudioError):
                raise
            fail(str(e))
            failures += 1
            continue
        if not a.speech_detected:  # silence, noise, a laugh: an error, and nothing saved
            if json_:
                emit_analysis(a, json_)  # scripts still get the document (speech_detected: false)
            fail(no_speech_message(path))
            failures += 1
            continue
        answer_id = _save(a, path, session=session, question=question, note=note) if save else None
        emit_analysis(a, json_, answer_id=answer_id)
    if failures:
        sys.exit(2)


def _save(analysis, path, *, session, question, note) -> int:
    """Store the analysed answer in the archive (which copies the audio beside it), say its id
    on stderr in the answer's language, and return it."""
    from furikaeri.lang import text
    from furikaeri.session import save_analysis

    answer_id = save_analysis(analysis, audio_path=path, session=session, question=question, note=note,
                              home=current_home(), settings={"source": "analyze"})
    lang = analysis.language
    click.echo(text(lang, "saved_as", id=answer_id), err=True)
    with open_store() as store:  # a new attempt at a question answered before: say how to see the change
        saved = store.answer(answer_id, full=False)
        before = (store.previous_answer(saved.question_id, before_id=answer_id, language=saved.language)
                  if saved and saved.question_id else None)
    if before is not None:
        click.echo(text(lang, "previous_attempt", id=before.id, new=answer_id), err=True)
    return answer_id


@cli.command()
@click.option("--verify", is_flag=True, help="Re-hash every file against its checksum.")
@click.option("--json", "json_", is_flag=True, help="Print JSON.")
def models(verify, json_):
    """Show the offline Whisper models, assembling the default one if needed.

    \b
    Examples:
      furikaeri models
      furikaeri models --verify
    """
    from furikaeri import models as m

    base_dir = models_dir_from_env() or m.default_models_dir()
    rows = []
    for name in ("base", "tiny.en"):
        try:
            info = m.resolve(name, base_dir)
            if verify:
                m.verify(Path(info.path), name, full=True)
            rows.append({"name": name, "path": info.path, "status": "verified" if verify else "ok"})
        except FurikaeriError as e:
            rows.append({"name": name, "path": None, "status": f"unavailable: {e}"})
    if json_:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            click.echo(f"{r['name']:8} {r['status']:10} {r['path'] or ''}")
