"""The ``furikaeri`` command line: one Click group (:mod:`furikaeri.cli.app`), commands by
topic in the sibling modules, shared options and helpers in :mod:`furikaeri.cli.common`.

Each command parses options, calls the library (``furikaeri.session``, ``compare``,
``progress``, ``companies``, ``store``, ``questions``, ``analysis``), renders its result with
:mod:`furikaeri.report` and maps errors to exit codes. Nothing below ``furikaeri.cli`` imports
it. Heavy libraries are imported inside the commands, so ``--help`` is instant.
"""

from __future__ import annotations

from furikaeri.cli import analyze_cmd, archive_cmd, capture_cmd, practice_cmd, questions_cmd  # noqa: F401  (register)
from furikaeri.cli.app import cli, fail
from furikaeri.cli.common import current_home as home

__all__ = ["cli", "fail", "home", "main"]


def main() -> None:
    cli(prog_name="furikaeri")
