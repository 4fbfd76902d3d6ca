"""Takes a killed recorder left: what each was to be saved with, read from its marker before
the repair removes it, and the command that saves it so (``recover``, and the next ``record``
or ``practice``, which repairs them first)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from furikaeri.cli.common import analyze_command, open_store, saved_as, user_dir


#: The settings of a take whose marker could not be read (cut short by a full disk or a crash
#: while it was written): what the take was recorded with, and how it ended, are not known.
UNREADABLE = {"unreadable": True}


def settings_before_repair(folders: list) -> dict:
    """Each killed take's settings, by path, read from its marker (:func:`furikaeri.capture.settings_of`)
    before the repair removes it: {} for a take whose marker holds none (written by an older
    furikaeri), :data:`UNREADABLE` for one whose marker is there and cannot be read."""
    from furikaeri.capture import find_partial_takes, settings_of

    takes = [t for f in folders for t in (find_partial_takes(f) if Path(f).is_dir() else [Path(f)])]
    return {t: UNREADABLE if _unreadable_marker(t) else settings_of(t) for t in takes}


def _unreadable_marker(take: Path) -> bool:
    """Is ``take``'s marker there and no JSON object (QA s54 AJ #3: cut short, its settings were
    dropped unsaid and the take, ended by Enter, was said cut off)?"""
    import json

    from furikaeri.capture import marker_path

    try:
        text = marker_path(take).read_bytes()
    except OSError:
        return False
    try:
        return not text.strip() or not isinstance(json.loads(text), dict)
    except ValueError:
        return True


def unreadable(settings: dict | None, path) -> bool:
    """Was ``path``'s marker unreadable (:data:`UNREADABLE`)?"""
    return (settings or {}).get(Path(path)) is UNREADABLE


def save_commands(paths: list, settings: dict | None = None, cut=()) -> dict:
    """The repaired takes no saved answer holds, each with the command that saves it as an
    answer (the archive's ``--home`` when one was given): with the question, budget, language,
    session, note and model the take was recorded with (its marker's ``settings``), quoted for
    the shell; for a take whose marker held none, the ``-q`` its name gives (a take is named by
    its time and, when it answers a built-in or saved question, that question's key). ``cut``: the
    takes a kill or a signal stopped mid-recording (:data:`CUT_REASONS`), whose command says so
    (``--cut-off``: QA s51 RR #3, a take a kill cut 14 s into the answer was coached "say more")."""
    from furikaeri.questions import all_sets
    from furikaeri.session import key_in_name

    answers: list = []
    try:  # only read: a recover under a --home with no archive yet makes none
        with open_store(reading=True) as store:
            answers = [a for a in store.answers(full=False) if a.audio_path]
    except Exception:  # noqa: BLE001 - an archive that cannot be read: the hint is still right
        pass
    try:
        keys = {key_in_name(q.key): q.key for qs in all_sets(user_dir()) for q in qs.questions}
    except Exception:  # noqa: BLE001 - a broken question file: no -q in the hint
        keys = {}
    out = {}
    for path in paths:
        if saved_as(Path(path), answers) is not None:  # saved already, as its own file or as a copy of its bytes
            continue
        named = re.sub(r"^(\d{8}T\d{6}|take-\d{8}-\d{6})-", "", Path(path).stem)
        if named not in keys:  # a second take of the same second: "-2" after the key (a key may end in "-2" too)
            named = re.sub(r"-\d+$", "", named)
        given = as_recorded((settings or {}).get(Path(path)) or {}) or {"question": keys.get(named)}
        # how a take whose marker could not be read ended is not known: not said cut off
        command = analyze_command(path, **{"question": None, "budget": None, "language": "auto", **given, "save": True},
                                  cut_off=path in cut and not unreadable(settings, path))
        command.remove("--save")  # said first, after the take: what makes it an answer
        at = command.index("analyze") + 2
        out[path] = shlex.join([*command[:at], "--save", *command[at:]])
    return out


#: Why a take ended that may leave its answer cut off, not finished: a kill (a repaired take's
#: ``interrupt``), a signal, the microphone gone, the time limit (as `record` analyses a take the
#: limit stopped: :func:`furikaeri.cli.live.stopped_at`) (:data:`furikaeri.capture.STOP_REASONS`);
#: not Enter nor a silence, the person's own end (QA s51 UU #1).
CUT_REASONS = frozenset({"interrupt", "terminated", "hangup", "device_error", "max_seconds"})


def cut_takes(takes) -> set:
    """The paths of ``takes`` (:class:`~furikaeri.capture.Take`) whose recording was cut (:data:`CUT_REASONS`)."""
    return {t.path for t in takes if t.stopped_by in CUT_REASONS}


def as_recorded(settings: dict) -> dict:
    """A marker's settings as :func:`~furikaeri.cli.common.analyze_command` takes them, each kept
    only when it has the type it was written with (a marker is a file anyone can edit)."""
    def given(key, *types):
        value = settings.get(key)
        return value if isinstance(value, types) and not isinstance(value, bool) and value != "" else None

    note = given("note", str, dict)
    if isinstance(note, dict):
        note = {k: v for k, v in note.items() if isinstance(k, str) and isinstance(v, str)} or None
    budget = given("budget", int, float)
    kept = dict(question=given("question", str), budget=budget if budget and budget > 0 else None,
                language=given("language", str) if settings.get("language") in ("en", "ja") else None,
                session=given("session", str), note=note,
                model=given("model", str))
    return {k: v for k, v in kept.items() if v not in (None, "auto")}
