"""QA session 47's findings on capture: a stop that hangs when the sound server dies."""

from __future__ import annotations

import threading
import time

from furikaeri import capture


class _Hung:
    """A stream whose stop never returns, as PortAudio's did when the sound server died mid-take."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.closed = False

    def stop(self) -> None:
        self.release.wait()

    def close(self) -> None:
        self.closed = True


class _Fine:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def stop(self) -> None:
        self.calls.append("stop")

    def close(self) -> None:
        self.calls.append("close")


def test_a_stop_that_hangs_is_given_up_and_the_exit_handler_kept_from_it(monkeypatch):
    # QA s47 EE #1: 6 of 20 takes whose sound server was stopped froze in stream.stop(), deaf to Ctrl-C
    import atexit

    import sounddevice as sd

    dropped = []
    monkeypatch.setattr(atexit, "unregister", dropped.append)
    hung = _Hung()
    t0 = time.monotonic()
    assert capture._stop_stream(hung, wait_s=0.3) is False
    assert 0.25 <= time.monotonic() - t0 < 2.0
    assert dropped == [sd._exit_handler]
    hung.release.set()  # let its thread end
    fine = _Fine()
    assert capture._stop_stream(fine) is True and fine.calls == ["stop", "close"]


def test_output_piped_in_a_latin1_locale_is_utf8():
    # QA s47 EE #3: `export > backup.json` in a Latin-1 locale wrote every Japanese transcript as "?"
    import io

    from furikaeri.cli.streams import REPAIR, _utf8_when_piped

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="latin-1", errors=REPAIR)
    _utf8_when_piped(out)
    out.write('{"transcript": "自己紹介をお願いします"}\n')
    out.flush()
    assert raw.getvalue().decode("utf-8") == '{"transcript": "自己紹介をお願いします"}\n'
