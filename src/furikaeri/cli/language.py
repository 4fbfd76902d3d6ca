"""The language a command speaks to the person: its errors, prompts and ``--help``.

A command that knows its language (``--language``, ``--lang``, a Japanese question set, the
answer it shows) says so with :func:`speaks`. Anything else speaks Japanese when it has
Japanese to go by: a Japanese locale, or, for a command that shows the archive
(:data:`ARCHIVE_VIEWS`), saved answers all in Japanese, as its view is then labelled (an English
error under a Japanese view read as another program's); else English (:func:`ui_language`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3

import click

from furikaeri.errors import locale_language


#: Where a command notes the language it speaks (``--language``, ``--lang``, a Japanese
#: question set): :attr:`click.Context.meta` is shared by the group's and the command's contexts.
LANG_KEY = "furikaeri.language"

#: Where :func:`saved_language` keeps what it read, so a command's warnings read the archive once.
SAVED_KEY = "furikaeri.saved-language"

#: The commands (by their names under ``furikaeri``) whose views, without ``--lang``, speak the
#: language of what they show, else the one all the saved answers are in
#: (:func:`furikaeri.cli.common.archive_lang`), else the system's.
ARCHIVE_VIEWS = frozenset({
    ("history",), ("show",), ("compare",), ("progress",), ("export",), ("delete",), ("note",), ("reflect",),
    ("questions",), ("questions", "show"), ("questions", "company"),
})


def speaks(code: str | None) -> None:
    """Note that the running command speaks ``code`` (its error lines follow it)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and code in ("en", "ja"):
        ctx.meta[LANG_KEY] = code


def ui_language(ctx: click.Context | None = None) -> str:
    """The language a command without an answer of its own speaks (error lines, warnings,
    mic-check): the command's (:func:`speaks`); else Japanese under a Japanese locale
    (``LANG``/``LC_ALL``/``LC_MESSAGES``) or, for a command that shows the archive, when all the
    saved answers are Japanese (its view is labelled so); else English. A Japanese locale keeps
    Japanese errors beside an English archive's view: the person said they read Japanese."""
    ctx = ctx or click.get_current_context(silent=True)
    said = ctx.meta.get(LANG_KEY) if ctx is not None else None
    if said:
        return said
    locale = locale_language()
    if locale != "ja" and ctx is not None and command_names(ctx) in ARCHIVE_VIEWS and saved_language(ctx) == "ja":
        return "ja"
    return locale


def command_names(ctx: click.Context) -> tuple[str, ...]:
    """The running command's names under the program (``("questions", "show")``): from the
    context of the command itself, or of a group whose command failed (its context is gone
    by the time the group says the error)."""
    names: list[str] = []
    at: click.Context | None = ctx
    while at is not None and at.parent is not None:
        names.insert(0, at.info_name or "")
        at = at.parent
    return (*names, ctx.invoked_subcommand) if ctx.invoked_subcommand else tuple(names)


def saved_language(ctx: click.Context) -> str | None:
    """The one language (``en`` or ``ja``) all the saved answers are in; None with none saved,
    answers in both, or an archive that cannot be read (the error being said may be about it)."""
    if SAVED_KEY not in ctx.meta:
        ctx.meta[SAVED_KEY] = _read_saved_language(ctx)
    return ctx.meta[SAVED_KEY]


def _read_saved_language(ctx: click.Context) -> str | None:
    """:func:`saved_language` read straight from the database: no :class:`~furikaeri.store.Store`,
    which would make the folder, migrate or set a damaged file aside (and warn) while an error
    line is being said. ``mode=rw`` never makes the file, and closing removes its WAL files."""
    from furikaeri.store import db_path, home_dir

    obj = ctx.find_root().obj
    home = (obj.get("home") if isinstance(obj, dict) else None) or os.environ.get("FURIKAERI_HOME", "").strip()
    db = db_path(home_dir(home or None))
    if not db.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=rw", uri=True, timeout=1)) as con:
            rows = con.execute("SELECT DISTINCT language FROM answers WHERE language IS NOT NULL").fetchall()
    except sqlite3.Error:
        return None
    languages = {r[0] for r in rows}
    return languages.pop() if len(languages) == 1 and languages <= {"en", "ja"} else None
