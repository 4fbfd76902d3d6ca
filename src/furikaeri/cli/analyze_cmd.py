"""``furikaeri analyze`` and ``furikaeri models``: reports on recorded answers."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from furikaeri.cli import cli, fail
from furikaeri.errors import FurikaeriError


def models_dir_from_env() -> Path | None:
    value = os.environ.get("FURIKAERI_MODELS")
    return Path(value) if value else None


def analysis_options(fn):
    """--language, --budget, --model, --json: shared by analyze, record and practice."""
    fn = click.option("--json", "json_", is_flag=True, help="Print JSON for scripts instead of the report (schema in the README).")(fn)
    fn = click.option(
        "--model",
        default=lambda: os.environ.get("FURIKAERI_MODEL", "base"),
        show_default="base",
        help="Whisper model: base, tiny.en, a folder path, or a cached faster-whisper name.",
    )(fn)
    fn = click.option(
        "--budget",
        type=click.FloatRange(min=1, max=3600),
        default=None,
        help="The question's time budget in seconds [default: the question's own, else 120 English, 60 Japanese].",
    )(fn)
    fn = click.option(
        "--language",
        "-l",
        type=click.Choice(["auto", "en", "ja"]),
        default="auto",
        show_default=True,
        help="Answer language.",
    )(fn)
    return fn


def emit_analysis(analysis, json_: bool) -> None:
    """Print ``analysis`` as the terminal report or as one JSON line."""
    if json_:
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False))
    else:
        from rich.console import Console

        from furikaeri.report.terminal import render

        render(analysis, Console())


def transcription_progress(json_: bool):
    """A progress bar on stderr for long transcriptions, or None (JSON output, no terminal)."""
    if json_ or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("transcribing"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                    TimeRemainingColumn(), transient=True, console=Console(stderr=True))


def analyse_any_length(path, *, progress=None, **options):
    """:func:`furikaeri.analysis.analyze_file`; a recording longer than
    :data:`furikaeri.stream.STREAM_FILES_OVER_S` is streamed from disk a chunk at a time instead
    (:func:`furikaeri.stream.analyze_long_file`), so memory stays bounded."""
    from furikaeri.analysis import analyze_file
    from furikaeri.audio import duration_of
    from furikaeri.stream import STREAM_FILES_OVER_S, analyze_long_file

    if Path(path).is_file() and (duration_of(path) or 0.0) > STREAM_FILES_OVER_S:
        return analyze_long_file(path, progress=progress, **options)
    return analyze_file(path, progress=progress, **options)


def with_progress(work, json_: bool):
    """``work(progress)``'s result, with a progress bar while it reports progress (in a terminal)."""
    prog = transcription_progress(json_)
    if prog is None:
        return work()
    with prog:
        task = prog.add_task("t", total=1.0)
        return work(lambda done, total: prog.update(task, completed=done / max(total, 1e-6)))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@analysis_options
@click.option("--question", "-q", default=None, help="The question this answers (shown in the report, saved with --save).")
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
    failures = 0
    for path in files:
        options = dict(language=language, budget=budget, question=question, model=model,
                       models_dir=models_dir_from_env())
        try:
            a = with_progress(lambda progress=None: analyse_any_length(path, progress=progress, **options), json_)
        except FurikaeriError as e:
            from furikaeri.errors import AudioError

            if not isinstance(e, AudioError):
                raise
            fail(str(e))
            failures += 1
            continue
        if save:
            _save(a, path, session=session, question=question, note=note)
        emit_analysis(a, json_)
    if failures:
        sys.exit(2)


def _save(analysis, path, *, session, question, note) -> None:
    """Hand the analysed answer to the store (the archive copies the audio beside it)."""
    from furikaeri.cli.store_cmd import save_from_cli

    save_from_cli(analysis, audio_path=path, session=session, question=question, note=note)


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
