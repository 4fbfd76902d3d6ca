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
