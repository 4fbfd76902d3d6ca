"""Pytest fixtures for the real capture tests: a private PulseAudio "microphone" (see pulse.py).

Import the fixtures into a test module: ``from pulse_fixture import pulse, no_sound_env``.
"""

from __future__ import annotations

import glob

import pytest

from pulse import PulseServer, alsa_pulse_plugin_installed, make_home, missing_tools


def _skip_reason() -> str | None:
    missing = missing_tools()
    if missing:
        return f"PulseAudio tools not installed ({', '.join(missing)}): apt install pulseaudio pulseaudio-utils"
    if not alsa_pulse_plugin_installed():
        return "ALSA's PulseAudio plugin is not installed: apt install libasound2-plugins"
    try:
        import sounddevice  # noqa: F401
    except OSError:
        return "PortAudio is not installed: apt install libportaudio2"
    return None


@pytest.fixture
def pulse(tmp_path):
    """A fresh private PulseAudio whose default source hears what ``pulse.play(path)`` plays."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    server = PulseServer(tmp_path / "pulse")
    try:
        server.start()
    except Exception as e:  # pragma: no cover - environment problem, not a product bug
        server.stop()
        pytest.skip(f"cannot start a private PulseAudio here: {e}")
    yield server
    server.stop()


@pytest.fixture
def no_sound_env(tmp_path):
    """An environment in which PortAudio finds no input device at all: ALSA's default goes to a
    PulseAudio server that does not exist, and nothing may autospawn one. Skips on a machine
    with real capture hardware (ALSA would list it whatever the configuration)."""
    import os

    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    if glob.glob("/dev/snd/pcmC*c"):
        pytest.skip("this machine has a real capture device, so 'no microphone' cannot be staged")
    root = tmp_path / "nosound"
    runtime = root / "run"
    runtime.mkdir(parents=True)
    os.chmod(runtime, 0o700)
    home = make_home(root)
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime),
           "XDG_CONFIG_HOME": str(home / ".config"), "PULSE_SERVER": f"unix:{runtime}/pulse/none"}
    env.pop("ALSA_CONFIG_PATH", None)
    return env
