"""The language a command speaks to the person: its errors, prompts and ``--help``.

A command that knows its language (``--language``, ``--lang``, a Japanese question set) says so
with :func:`speaks`; anything without one follows the system's locale (:func:`ui_language`).
"""

from __future__ import annotations

import click

from furikaeri.errors import locale_language


#: Where a command notes the language it speaks (``--language``, ``--lang``, a Japanese
#: question set): :attr:`click.Context.meta` is shared by the group's and the command's contexts.
LANG_KEY = "furikaeri.language"


def speaks(code: str | None) -> None:
    """Note that the running command speaks ``code`` (its error lines follow it)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and code in ("en", "ja"):
        ctx.meta[LANG_KEY] = code


def ui_language(ctx: click.Context | None = None) -> str:
    """The language a command without an answer of its own speaks (error lines, mic-check):
    the command's (:func:`speaks`), else the locale's (a Japanese ``LANG``/``LC_ALL``/
    ``LC_MESSAGES``), else English."""
    ctx = ctx or click.get_current_context(silent=True)
    said = ctx.meta.get(LANG_KEY) if ctx is not None else None
    return said or locale_language()
