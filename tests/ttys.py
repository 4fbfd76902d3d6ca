"""A pseudo-terminal's screen for tests that run a command as a person at a terminal would."""

from __future__ import annotations

import os
import threading


class Screen:
    """Everything the command writes to the pseudo-terminal whose controlling side is
    ``master``, read in the background until the command closes it."""

    def __init__(self, master: int) -> None:
        self.master = master
        self.data = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 4096)
            except OSError:
                return
            if not chunk:
                return
            self.data.extend(chunk)

    @property
    def text(self) -> str:
        return self.data.decode("utf-8", "replace")

    def join(self, timeout: float = 5.0) -> None:
        self._reader.join(timeout)


def practice_at_a_terminal(script, home, *args: str):
    """``practice`` run by the launcher ``script`` (a fake model's) on a pseudo-terminal, as a
    person at a terminal runs it, its archive at ``home``: (the process, the terminal's
    controlling side, its :class:`Screen`). The caller closes the controlling side."""
    import pty
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "FURIKAERI_HOME": str(home), "LANG": "C.UTF-8", "COLUMNS": "100", "LINES": "40",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    env.pop("FURIKAERI_DEBUG", None)
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, str(script), "practice", *args], env=env, stdin=slave, stdout=slave,
                         stderr=slave, close_fds=True)
    os.close(slave)
    return p, master, Screen(master)
