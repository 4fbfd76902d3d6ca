"""Shared test set-up: every test gets its own data dir; real recordings come from ../shared."""

from __future__ import annotations

import itertools
import signal
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_AUDIO = REPO.parent / "shared" / "audio"
SAMPLES = REPO / "samples"


def pytest_configure(config):
    """Ctrl-C behaves as at a terminal even when the run was started in the background.

    A shell starts a background job with SIGINT ignored and Python then leaves it so; the
    commands the tests start inherit that, and the Ctrl-C tests would see nothing happen.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def furikaeri_home(tmp_path, monkeypatch):
    """Point the archive at a temporary folder (never the user's real data)."""
    home = tmp_path / "home"
    monkeypatch.setenv("FURIKAERI_HOME", str(home))
    # the system's language speaks where a command has none of its own: the same on every machine
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return home


def shared_audio(*parts: str) -> Path:
    """A file under ../shared/audio, or skip the test when that folder is absent."""
    p = SHARED_AUDIO.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} not found: the shared recordings are not beside this checkout")
    return p


@pytest.fixture
def shared():
    return shared_audio


@pytest.fixture
def in_tokyo(monkeypatch):
    """The process's local time zone is Tokyo's for the test (UTC+9), then back."""
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def take(tmp_path):
    """A recording file for archive-level tests: only copied by the archive, never decoded."""
    p = tmp_path / "take.wav"
    p.write_bytes(b"RIFF....WAVEfmt ")
    return p


_TAKES = itertools.count(1)


def own_take(src: Path, folder: Path) -> Path:
    """A WAV copy of recording ``src`` with bytes of its own: the same samples, and a comment
    tag numbering the copy. The archive refuses to save a recording it already holds (or one
    file for two answers), so a test that saves one sample as several answers gives each its
    own take."""
    import soundfile as sf

    n = next(_TAKES)
    info = sf.info(str(src))
    subtype = info.subtype if info.format == "WAV" else "PCM_16"
    data, rate = sf.read(str(src), dtype="float64" if subtype.startswith(("FLOAT", "DOUBLE")) else "int32",
                         always_2d=True)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{Path(src).stem}-take{n}.wav"
    with sf.SoundFile(str(out), "w", samplerate=rate, channels=data.shape[1], subtype=subtype, format="WAV") as f:
        f.comment = f"test take {n}"
        f.write(data)
    return out
