"""``furikaeri devices``, ``mic-check``, ``record`` and ``recover``: the microphone commands.

``record`` records one answer (live panel in a terminal, see :mod:`furikaeri.cli.live`), then
analyses it exactly like ``analyze``. Takes go to ``<data dir>/takes/`` unless ``--out`` says
otherwise; a take left unfinished by a killed run is repaired at the start of the next
``record`` in the same folder, or by ``furikaeri recover``.
"""

from __future__ import annotations

import json
import shlex
import time
from pathlib import Path

import click

from furikaeri.cli.analyze_cmd import save_and_check
from furikaeri.cli.app import cli, fail, speaks, ui_language
from furikaeri.cli.common import (
    Seconds,
    analysis_options,
    analyze_command,
    asked_question,
    check_save_options,
    console,
    emit_analysis,
    emit_json,
    lang_option,
    models_dir_from_env,
    no_speech_message,
    question_language,
    save_options,
    say_wrapped,
    spoken_language,
    with_progress,
)
from furikaeri.cli.common import current_home as home
from furikaeri.errors import AudioError, UsageError
from furikaeri.lang import text


def data_dir() -> Path:
    """The archive folder (see :func:`furikaeri.cli.home`)."""
    return home()


def takes_dir() -> Path:
    from furikaeri.store import TAKES_DIR

    return data_dir() / TAKES_DIR


def new_take_path(directory: Path, key: str | None = None) -> Path:
    """A timestamped, not yet existing ``take-YYYYmmdd-HHMMSS.wav`` in ``directory``; with a
    built-in or saved question's ``key``, ``take-YYYYmmdd-HHMMSS-<key>.wav``, so that a take a
    crash left behind still says which question it answers (``recover``'s hint)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    from furikaeri.session import key_in_name

    stem = f"take-{stamp}" + (f"-{key_in_name(key)}" if key else "")
    path = directory / f"{stem}.wav"
    n = 2
    while path.exists():
        path = directory / f"{stem}-{n}.wav"
        n += 1
    return path



@cli.command()
@click.option("--json", "json_", is_flag=True, help="Print the devices as JSON.")
def devices(json_):
    """List the input devices (microphones) and mark the default with *.

    Use the index or the name with `record --device` and `mic-check --device`. Exits with 1
    when there is none.

    \b
    Examples:
      furikaeri devices
      furikaeri devices --json
    """
    from furikaeri.capture import list_devices

    found = list_devices()
    if json_:
        click.echo(json.dumps([d.to_dict() for d in found], ensure_ascii=False, indent=2))
    if not found:  # an empty list for scripts, and the reason on stderr: a result (exit 1), no "error:" (QA s54 AL #7)
        said = ("入力デバイスがありません。マイクをつなぐか、サウンドサーバーが動いているか確かめてください"
                if ui_language() == "ja" else
                "no input devices found: connect a microphone, or check that the sound server is running")
        click.echo(f"furikaeri: {said}", err=True)
        raise SystemExit(1)
    if json_:
        return
    for line in device_lines(found, ui_language()):
        click.echo(line)


def device_lines(found, lang: str) -> list[str]:
    """``devices``' table in ``lang``: a header, one line per device (the default marked with
    *) and the legend; the numbers right-aligned under their headings, however wide a heading
    is on screen (a Japanese character takes two columns)."""
    from rich.cells import cell_len

    heads = [text(lang, key) for key in ("dev_index", "dev_rate", "dev_channels")]
    widths = [max(least, cell_len(h)) for least, h in zip((3, 6, 3), heads)]

    def right(value, width: int) -> str:
        value = str(value)
        return " " * max(0, width - cell_len(value)) + value

    def row(mark: str, cells, name: str) -> str:
        return f"{mark} " + "  ".join(right(c, w) for c, w in zip(cells, widths)) + f"  {name}"

    lines = [row(" ", heads, text(lang, "dev_name"))]
    lines += [row("*" if d.is_default else " ", (d.index, d.default_rate, d.channels), d.name) for d in found]
    return [*lines, text(lang, "dev_default")]


@cli.command("mic-check")
@click.option("--device", "-d", default=None, metavar="NAME_OR_INDEX", help="Input device (see `furikaeri devices`).")
@click.option("--seconds", type=Seconds(0.5, 60), default=3.0, show_default=True,
              help="How long to listen. Speak during the check.")
@click.option("--json", "json_", is_flag=True, help="Print the level report as JSON.")
@lang_option(help="Language of the verdict [default: your system's].")
def mic_check_cmd(device, seconds, json_, lang):
    """Listen to the microphone for a few seconds and judge the input level.

    Says whether the level is fine, too quiet, clipping or silent (muted / wrong device), with
    the noise floor. Speak a sentence at your interview voice while it listens. Exits with 0
    when the level is fine and 1 when it is not (the report says why), so a script can check
    the microphone before a session.

    \b
    Examples:
      furikaeri mic-check
      furikaeri mic-check --device 2 --seconds 5
      furikaeri mic-check --json
    """
    from furikaeri.capture import NOISY_FLOOR_DBFS, mic_check, resolve_device

    from furikaeri.errors import DeviceError

    L = ui_language()
    try:
        dev = resolve_device(device)
    except DeviceError as e:  # a script still gets a document, as devices --json's [] (QA s54 AL #7)
        if json_:
            click.echo(json.dumps({"device": None, "peak_dbfs": None, "rms_dbfs": None, "noise_floor_dbfs": None,
                                   "clipped_share": None, "verdict": "no_device", "message": e.said_in(L),
                                   "mains_hum_hz": None}, ensure_ascii=False, indent=2))
        raise
    if not json_:
        say_wrapped(text(L, "mic_listening", name=dev.name, seconds=seconds))
    r = mic_check(dev, seconds=seconds)
    line = text(L, f"mic_{r.verdict}", peak=r.peak_dbfs, speech=r.rms_dbfs, floor=r.noise_floor_dbfs,
                clipped=100 * r.clipped_share)
    if r.verdict == "fine" and r.noise_floor_dbfs > NOISY_FLOOR_DBFS:
        line += text(L, "mic_noisy")
    if r.mains_hum_hz is not None and r.verdict != "silent":  # the power's, not the room's: how to be rid of it
        line += "\n" + text(L, "mic_hum", hz=r.mains_hum_hz)
    if json_:  # the verdict's line as the text view says it, in its language
        click.echo(json.dumps({"device": dev.to_dict(), **r.to_dict(), "message": line}, ensure_ascii=False, indent=2))
    else:
        for said in line.split("\n"):  # a line the terminal would break mid-word, at phrases (QA s49 HH #4)
            say_wrapped(said, err=False)
        say_wrapped(text(L, "mic_figures", peak=r.peak_dbfs, speech=r.rms_dbfs, floor=r.noise_floor_dbfs,
                         clipped=100 * r.clipped_share), err=False)
    if r.verdict != "fine":
        raise SystemExit(1)


@cli.command()
@click.option("--device", "-d", default=None, metavar="NAME_OR_INDEX", help="Input device (see `furikaeri devices`).")
@click.option("--question", "-q", default=None,
              help="The question you answer (shown while recording and in the report): its text, or a set "
                   "question's id or key, which brings its budget.")
@analysis_options
@click.option("--max-seconds", type=Seconds(min=0.5, max=4 * 3600), default=None,
              help="Stop a recording after this long [default: none in a terminal; without one, 10 minutes, "
                   "with or without a silence stop].")
@click.option("--stop-after-silence", type=Seconds(min=0.5, max=600), default=None, metavar="SECONDS",
              help="Stop a recording once you have spoken and then been silent this long [default: off].")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to save the take (WAV) [default: a timestamped file in <data dir>/takes].")
@click.option("--live-hints", is_flag=True,
              help="Show a running filler count and a 'wrap up' cue as the budget nears, while you speak.")
@click.option("--stream/--no-stream", default=True, show_default=True,
              help="Transcribe while you speak, so the report is ready when you stop; --no-stream "
                   "analyses the whole take afterwards.")
@save_options
def record(device, question, language, budget, model, json_, max_seconds, stop_after_silence, out, live_hints,
           stream, save, session, note):
    """Record one answer from the microphone, then analyse it like `analyze`.

    In a terminal you see the question, the time against the budget and a level meter; press
    Enter (or Ctrl-C) when you are done. Each stretch of speech is transcribed as soon as you
    pause, so the report follows the end of the take within a second or two. Without a
    terminal it records until --max-seconds or --stop-after-silence (10 minutes at most
    without --max-seconds). The take is written to disk
    while you speak: if the program is killed, the next `record` (or `furikaeri recover`)
    repairs it. With --save the answer goes into your archive (history, progress, compare), as
    `analyze --save` does; without it, only the take's file is kept.

    \b
    Examples:
      furikaeri record --question "Tell me about yourself" --budget 90
      furikaeri record --language ja --stop-after-silence 4
      furikaeri record --budget 60 --live-hints
      furikaeri record --device 2 --max-seconds 60 --out answer.wav --json
      furikaeri record -q jikoshokai --save --note "結論から話す"
    """
    from furikaeri.capture import release_take, take_settings
    from furikaeri.cli.live import HeldInterrupts, leave_on_terminate, record_listening

    question, budget, asked = asked_question(question, budget)
    screen_language = spoken_language(language, question, asked)
    if language != "auto" or question:  # else the locale's language stays the errors' one
        speaks(screen_language)
    check_save_options(save, note, session)  # said in the question's language
    if save and question and not json_:
        _last_time(question, asked, question_language(language, asked), screen_language)
    if out is None:
        out = new_take_path(takes_dir(), asked.key if asked else None)
    elif out.exists():
        raise UsageError(f"{out} already exists: choose another --out (takes are never overwritten)",
                         ja=f"{out} はすでにあります。別の --out を指定してください（録音は上書きしません）")
    elif out.suffix.lower() != ".wav":  # written as WAV while you speak, so that a crash keeps it
        raise UsageError(f"{out}: a take is saved as WAV; name --out with .wav",
                         ja=f"{out}: 録音は WAV で保存します。--out は .wav の名前にしてください")
    elif not out.absolute().parent.exists() and out.absolute().parent != takes_dir().absolute():
        # a typo in the folder: said now, not made into a new folder (the archive's own is made)
        raise UsageError(f"{out}: there is no folder {out.absolute().parent}: create it first, or choose another --out",
                         ja=f"{out}: フォルダ {out.absolute().parent} がありません。先に作るか、別の --out を指定してください")
    shown_budget = budget
    if shown_budget is None:
        from furikaeri.norms import default_budget

        shown_budget = default_budget(language if language != "auto" else "en")
    kwargs = dict(language=language, budget=budget, question=question, model=model,
                  models_dir=models_dir_from_env(), prefer=question_language(language, asked))
    settings = dict(question=asked.key if asked else question, budget=budget, language=language, save=save,
                    session=session, note=note, model=model)  # kept beside the take, for `recover`
    recording = dict(question=question, budget=shown_budget, device=device, max_seconds=max_seconds,
                     stop_after_silence=stop_after_silence,
                     analyze_command=lambda path: analyze_take(path, **settings),
                     repair_too=_archive_take_folders())  # a take killed there is said with --out too
    from furikaeri.store import warned_once

    with take_settings(out, settings), warned_once():  # till the answer is kept: SIGTERM leaves the take with them
        take, finish = record_listening(out, analysis=kwargs, language=screen_language, stream=stream,
                                        live_hints=live_hints, **recording)
        held = HeldInterrupts(text(screen_language, "interrupt_held" if save else "interrupt_held_unsaved"),
                              on_terminate=leave_on_terminate(take, screen_language, recording["analyze_command"]))
        with held:  # the take ended: keep its answer
            _analyse_take(take, finish, json_, screen_language, save=save, session=session, question=question,
                          note=note, asked=asked, language=language, model=model, budget=budget)
    # saved (or shown, without --save): its marker goes; till now a crash or a kill -9 left it for `recover`
    release_take(out)
    if not save and not json_:  # the same answer, the same question, the same archive
        again = shlex.join(analyze_take(out, **{**settings, "save": True}))
        say_wrapped(text(ui_language(), "record_not_saved", command=again))  # a command to copy: not broken mid-word
    if held.pressed:  # Ctrl-C stopped the command: said by its exit code, once the answer is kept
        raise SystemExit(130)


def _last_time(question: str, asked, language: str | None, lang: str) -> None:
    """A question answered before, recorded to be saved: its last attempt's figures and the note
    on it, before the take, as ``practice`` shows them, so that the note the take is checked
    against afterwards was read first (QA s42 F #4); then the newest logged interview that asked
    it, its fix checked on the take after it (QA s52 AB #5: said after the take only). Nothing for
    a new question or without an archive; an archive that cannot be read is said by the save (the
    take is kept whatever it)."""
    from furikaeri.errors import FurikaeriError
    from furikaeri.report.history import previous_text, render_logged
    from furikaeri.session import known_before, logged_asking
    from furikaeri.store import Store, has_archive

    if not has_archive(home()):
        return
    try:
        with Store.open(home(), read_only=True, make=False) as store:
            before = known_before(store, question, key=asked.key if asked else None, language=language)
            logged = logged_asking(store.interviews(), question)
    except (FurikaeriError, OSError):
        return
    out = console()
    if before is not None and before.previous is not None:
        out.print(previous_text(before, lang, out.width))
    if logged is not None:
        render_logged(out, logged, lang)


def _archive_take_folders() -> list[Path]:
    """The archive's folders a killed take may lie in: record's takes and practice's audio
    (``recover``'s), each only where it exists (none is made for this)."""
    from furikaeri.store import audio_dir

    return [d for d in (takes_dir(), audio_dir(data_dir())) if d.is_dir()]


def _analyse_take(take, finish, json_: bool, screen_language: str, *, save: bool, **saving) -> None:
    """``record``'s take analysed (``finish()``) and shown, and saved with ``saving``'s
    settings (:func:`~furikaeri.cli.common.save_and_emit`'s) when ``save``, then checked against
    the note on the question's earlier attempt as ``analyze --save`` checks a file
    (:func:`~furikaeri.cli.analyze_cmd.save_and_check`); a take with no
    speech in it is one error line (it stays on disk, nothing is saved)."""
    analysis = with_progress(finish, json_, screen_language)
    out = take.path
    if not analysis.speech_detected:  # the take stays on disk; nothing to measure in it, nothing saved
        from furikaeri.capture import release_take

        release_take(out)  # nothing to save later either: no `recover` line for it
        if json_:  # scripts still get the document, of analyze --save's shape
            emit_analysis(analysis, json_, saving=save, extra={"fix": None, "interview_fix": None} if save else None,
                          question_key=saving.get("asked").key if saving.get("asked") else None)
        mic = "" if take.speech_heard else " " + text("en", "mic_hint")  # nothing reached the microphone
        raise AudioError(no_speech_message(out) + mic,
                         ja=no_speech_message(out, "ja") + ("" if take.speech_heard else text("ja", "mic_hint")))
    if save:  # saved and checked against the note on the question's earlier attempt, as analyze --save does
        save_and_check(analysis, out, json_, source="record", **saving)
    else:
        emit_analysis(analysis, json_, question_key=saving["asked"].key if saving.get("asked") else None)


def analyze_take(path: Path, question: str | None, budget: float | None, language: str, *, save: bool = False,
                 session: str | None = None, note: str | dict | None = None, model: str | None = None) -> list[str]:
    """The command that analyses a take as ``record`` would have, and saves it as asked: for a
    take the microphone cut short (:func:`furikaeri.cli.common.analyze_command`)."""
    return analyze_command(path, question, budget, language, save=save, session=session, note=note, model=model)


@cli.command()
@click.argument("directory", metavar="[FOLDER|FILE.wav]", required=False,
                type=click.Path(path_type=Path))  # a missing one said here: a take saved since is named
@click.option("--json", "json_", is_flag=True, help="Print the repaired takes as JSON.")
def recover(directory, json_):
    """Repair takes left unfinished by a killed or crashed recording.

    A take is written while it is recorded, so after a crash the audio up to the last moment is
    on disk; this fixes the file's header so every program can read it. The folder defaults to
    <data dir>/takes (record's takes) and <data dir>/audio (practice's). Takes being recorded
    right now are left alone. A WAV file named instead of a folder is repaired whatever left it
    unfinished; a cut-off copy of a finished one (its header says more than the file holds) is
    left as it is.

    \b
    Examples:
      furikaeri recover
      furikaeri recover ./my-takes --json
      furikaeri recover take-20261201-093000.wav
    """
    from furikaeri.cli.live import repair_partial_takes
    from furikaeri.cli.takes import cut_takes, save_commands, settings_before_repair, unreadable
    from furikaeri.session import drop_unfinished_copies, said_removed
    from furikaeri.store import audio_dir

    if directory is not None and not directory.exists():  # a take saved since: the answer it is (QA s52 XX #2)
        from furikaeri.cli.common import gone_take

        gone = gone_take(directory) or ("", "")
        raise UsageError(f"{directory}: no such file or folder{gone[0]}",
                         ja=f"{directory}: ファイルもフォルダも見つかりません{gone[1]}")
    folders = [directory] if directory is not None else [d for d in (takes_dir(), audio_dir(data_dir())) if d.is_dir()]
    repaired, failed, whole = [], [], []
    settings = settings_before_repair(folders)  # repairing removes the markers that hold them
    if directory is None:  # the cut-off copies a killed `analyze --save` left in audio/ go, said
        said_removed(drop_unfinished_copies(data_dir()))
    for folder in folders:
        done, bad = repair_partial_takes(folder, quiet=True) if folder.is_dir() else _repair_one(folder, whole)
        repaired += done
        failed += bad
    earlier = _repaired_earlier(folders, repaired, settings)
    heard = [t.path for t in repaired + earlier if t.speech_heard]
    unsaved = save_commands(heard, settings, cut_takes(repaired + earlier)) if heard else {}  # no read for nothing
    earlier = [t for t in earlier if t.path in unsaved]  # saved since (by another way than its command): not said
    if json_:  # what the text says too: the command that saves each, and what it was recorded with (QA s50 OO #1)
        emit_json([_repaired_doc(t, unsaved, settings, before=t in earlier)  # a marker's text need not be UTF-8
                   for t in repaired + earlier])
    elif whole and not earlier:  # a complete file named: nothing was wrong with it
        for e in whole:
            click.echo(e.said_in(ui_language()))
    elif not repaired and not failed and not earlier:
        looked = folders if directory is not None else [takes_dir(), audio_dir(data_dir())]  # both, there or not
        click.echo(text(ui_language(), "recover_none", where=" / ".join(map(str, looked))))
    else:
        for t in repaired + earlier:
            said = "recover_earlier" if t in earlier else "recover_done" if t.speech_heard else "recover_done_silent"
            click.echo(text(ui_language(), said, path=t.path, seconds=t.duration_s))
            if t.path in unsaved:  # the next step: the take is audio, not yet an answer
                click.echo("  " + text(ui_language(), "recover_hint", command=unsaved[t.path]))
            if t.path in unsaved and unreadable(settings, t.path):  # what it was recorded with is lost: said
                click.echo("  " + text(ui_language(), "recover_marker_unreadable"))
    if failed:  # each said on its own line; the ones that could be repaired are
        for e in failed[:-1]:
            fail(f"could not repair: {e}", ja=f"修復できませんでした: {e.said_in('ja')}")
        raise AudioError(f"could not repair: {failed[-1]}", ja=f"修復できませんでした: {failed[-1].said_in('ja')}")


def _repaired_doc(take, unsaved: dict, settings: dict, *, before: bool = False) -> dict:
    """``recover --json``'s entry for a repaired ``take``: the take, the command that saves it as
    an answer (``save_command``, as the text says it; null for a take with no speech in it or
    one the archive holds already) and the settings its marker kept (``settings``: the question,
    budget, language, session, note and model it was recorded with; null for a take whose marker
    held none). The repair removed the marker: this is where a script finds them now, and in
    the entry of a later ``recover`` while the take is not saved (``repaired_before``: true)."""
    from furikaeri.cli.takes import unreadable

    lost = unreadable(settings, take.path)  # its marker could not be read: what it was recorded with is not known
    kept = None if lost else settings.get(Path(take.path)) or None
    return {**take.to_dict(), "save_command": unsaved.get(take.path), "settings": kept, "repaired_before": before,
            **({"marker_unreadable": True} if lost else {})}


def _repaired_earlier(folders: list, repaired: list, settings: dict) -> list:
    """The takes an earlier ``recover`` (or ``record``) repaired and no answer holds yet, in
    ``folders`` (or the file named instead), not repaired now; their settings go into
    ``settings`` (QA s50 QQ #4: a repaired take's command was said once, then "No interrupted
    takes", the take unsaved)."""
    from furikaeri.capture import repaired_before, repaired_in

    done = {t.path for t in repaired}
    paths = [t for f in folders for t in (repaired_in(f) if f.is_dir() else [f])]
    out = []
    for path in paths:
        found = repaired_before(path) if path not in done else None
        if found is not None:
            out.append(found[0])
            settings[path] = found[1]
    return out


def _repair_one(path: Path, whole: list) -> tuple[list, list]:
    """One named take repaired (a header a crash left unwritten), as :func:`repair_partial_takes`
    says it; a complete file named is added to ``whole`` (nothing to repair: no error)."""
    from furikaeri.capture import NothingToRepair, recover_take

    try:
        return [recover_take(path)], []
    except NothingToRepair as e:
        whole.append(e)
        return [], []
    except AudioError as e:
        return [], [e]

