"""A private PulseAudio server whose default microphone plays back WAV files, for real capture tests.

How it works (the recipe from issue 4):

* ``pulseaudio`` is started as a daemon with its own ``XDG_RUNTIME_DIR`` and ``HOME`` (both in a
  temporary folder), no default configuration (``-n``), the native protocol socket, and one
  null sink ``feed``. Its monitor, ``feed.monitor``, is made the default source: whatever is
  played into ``feed`` is what the "microphone" hears, at real-time pace.
* The test ``HOME`` has an ``~/.asoundrc`` sending ALSA's default PCM and control to PulseAudio
  (``libasound2-plugins``), and a ``client.conf`` with ``autospawn = no`` so a client never
  starts a second server. PortAudio reads the ALSA configuration when it initialises, so the
  recording process must *start* with :attr:`PulseServer.env` (tests run it as a subprocess).
* An idle null sink renders in large bursts (its latency grows to seconds when nothing plays),
  so a recorder would get its first audio late and lose the start. A silent keep-alive stream
  (``pacat`` from ``/dev/zero`` at 30 ms latency) keeps the sink rendering in small blocks; it
  adds nothing but zeros to the mix.
* :meth:`PulseServer.play` plays a file into ``feed`` with ``paplay`` (any file is first
  converted to 16-bit PCM WAV: ``paplay`` garbles 24-bit FLAC).

Runs as root (CI) too: PulseAudio warns but works. Nothing here needs a sound card.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

ASOUNDRC = "pcm.!default { type pulse }\nctl.!default { type pulse }\n"
TOOLS = ("pulseaudio", "pactl", "paplay", "pacat")


def missing_tools() -> list[str]:
    """The PulseAudio programs this helper needs that are not installed."""
    return [t for t in TOOLS if shutil.which(t) is None]


def alsa_pulse_plugin_installed() -> bool:
    """True if ALSA's PulseAudio plugin (libasound2-plugins) is present."""
    for d in ("/usr/lib/x86_64-linux-gnu/alsa-lib", "/usr/lib/aarch64-linux-gnu/alsa-lib", "/usr/lib/alsa-lib",
              "/usr/lib64/alsa-lib"):
        if Path(d, "libasound_module_pcm_pulse.so").exists():
            return True
    return False


def make_home(root: Path, *, alsa_to_pulse: bool = True) -> Path:
    """A ``HOME`` whose ALSA default goes to PulseAudio and whose Pulse client never autospawns."""
    home = root / "home"
    (home / ".config" / "pulse").mkdir(parents=True, exist_ok=True)
    if alsa_to_pulse:
        (home / ".asoundrc").write_text(ASOUNDRC)
    (home / ".config" / "pulse" / "client.conf").write_text("autospawn = no\n")
    return home


def to_pcm16_wav(src: Path, dst: Path) -> Path:
    """``src`` (any format soundfile reads) as a 16-bit PCM WAV at its own rate and channels."""
    import soundfile as sf

    data, rate = sf.read(str(src), dtype="int16", always_2d=True)
    sf.write(str(dst), data, rate, subtype="PCM_16")
    return dst


class PulseServer:
    """A running private PulseAudio with a ``feed`` null sink; use as a context manager."""

    def __init__(self, root: Path | None = None):
        self._own_root = root is None
        self.root = Path(tempfile.mkdtemp(prefix="furikaeri-pulse-")) if root is None else Path(root)
        self.runtime = self.root / "run"
        self.runtime.mkdir(parents=True, exist_ok=True)
        os.chmod(self.runtime, 0o700)
        self.home = make_home(self.root)
        self.socket = self.runtime / "pulse" / "native"
        self.env = {
            **os.environ,
            "HOME": str(self.home),
            "XDG_RUNTIME_DIR": str(self.runtime),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "PULSE_SERVER": f"unix:{self.socket}",
        }
        for var in ("PULSE_SINK", "PULSE_SOURCE", "ALSA_CONFIG_PATH", "AUDIODEV"):
            self.env.pop(var, None)
        self._keepalive: subprocess.Popen | None = None
        self._players: list[subprocess.Popen] = []

    # -- lifecycle
    def start(self) -> "PulseServer":
        log = open(self.root / "pulseaudio.log", "wb")
        subprocess.run(
            ["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", "--use-pid-file=yes",
             "--load=module-native-protocol-unix", "--load=module-null-sink sink_name=feed",
             "--log-target=stderr"],
            env=self.env, stdout=log, stderr=log, check=True, timeout=20,
        )
        deadline = time.monotonic() + 10
        while True:
            r = subprocess.run(["pactl", "info"], env=self.env, capture_output=True, timeout=10)
            if r.returncode == 0:
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"PulseAudio did not come up: {r.stderr.decode(errors='replace')}")
            time.sleep(0.05)
        self.pactl("set-default-sink", "feed")
        self.pactl("set-default-source", "feed.monitor")
        self.start_keepalive()
        return self

    def start_keepalive(self) -> None:
        """The silent stream that keeps ``feed`` rendering in small blocks (see the module doc)."""
        self.stop_keepalive()
        self._keepalive = subprocess.Popen(
            ["pacat", "--playback", "-d", "feed", "--format=s16le", "--rate=44100", "--channels=2",
             "--latency-msec=30", "/dev/zero"],
            env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(0.3)

    def stop_keepalive(self) -> None:
        if self._keepalive is not None:
            self._keepalive.terminate()
            try:
                self._keepalive.wait(5)
            except subprocess.TimeoutExpired:
                self._keepalive.kill()
                self._keepalive.wait()
            self._keepalive = None

    def pid(self) -> int | None:
        try:
            return int((self.runtime / "pulse" / "pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        for p in self._players:
            if p.poll() is None:
                p.kill()
                p.wait()
        self.stop_keepalive()
        pid = self.pid()
        if pid is None:
            subprocess.run(["pulseaudio", "--kill"], env=self.env, capture_output=True, timeout=10)
        else:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            # PulseAudio takes over a second to exit cleanly; a throwaway test server need not.
            deadline = time.monotonic() + 0.3
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.02)
            else:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "PulseServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- control
    def pactl(self, *args: str) -> str:
        r = subprocess.run(["pactl", *args], env=self.env, capture_output=True, text=True, timeout=10)
        if r.returncode != 0:
            raise RuntimeError(f"pactl {' '.join(args)} failed: {r.stderr.strip()}")
        return r.stdout

    def playable(self, path: Path) -> Path:
        """``path`` as the 16-bit WAV paplay plays (made once): call before timing a playback."""
        path = Path(path)
        wav = self.root / (path.stem + ".pcm16.wav")
        if not wav.exists():
            to_pcm16_wav(path, wav)
        return wav

    def play(self, path: Path) -> subprocess.Popen:
        """Start playing ``path`` into the ``feed`` sink (the microphone hears it); returns paplay."""
        wav = self.playable(path)
        p = subprocess.Popen(["paplay", "-d", "feed", str(wav)], env=self.env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._players.append(p)
        return p

    def remove_microphone(self) -> None:
        """Unload the ``feed`` sink (and so its monitor): a microphone unplugged mid-take."""
        self.stop_keepalive()
        for line in self.pactl("list", "short", "modules").splitlines():
            fields = line.split("\t")
            if len(fields) >= 2 and fields[1] == "module-null-sink":
                self.pactl("unload-module", fields[0])
