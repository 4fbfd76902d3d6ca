"""QA s50 OO #1-#3: what SIGTERM and SIGHUP leave said.

* #1 ``recover --json`` keeps what the text ``recover`` says: each take's ``save_command`` and
  the ``settings`` its marker kept (the repair deletes the marker), and a take a signal ended
  says which (``"terminated"``, ``"hangup"``), not ``"interrupt"``.
* #2 ``practice --json`` from the microphone that SIGTERM ends after an answer was saved prints
  the document ``--from-files`` prints when stopped (the answers saved, ``ended_after``), and
  one line on stderr names them.
* #3 SIGHUP during ``analyze`` is SIGTERM's one line and 143; SIGTERM or SIGHUP while
  ``record``/``practice`` load, before a take, is one line ("nothing was recorded") and 143.

The signals go to real processes (``python -m furikaeri``); a command still loading is
signalled the moment it catches the signal (``SigCgt`` in ``/proc``), so the test does not
depend on how fast the machine loads it.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from furikaeri.capture import Take, leave_unfinished, marker_path, take_settings
from pulse_fixture import pulse  # noqa: F401  (fixture)

REPO = Path(__file__).resolve().parents[1]
JFK = REPO.parent / "shared" / "audio" / "en" / "jfk.flac"
CLI = [sys.executable, "-m", "furikaeri"]
BEFORE_EN = "furikaeri: stopped before recording started: nothing was recorded"
BEFORE_JA = "furikaeri: 録音を始める前に終了の指示を受けました。何も録音していません"


def need_jfk() -> None:
    if not JFK.exists():
        pytest.skip(f"shared recordings not found at {JFK.parent}")


def env_with(home: Path, base: dict | None = None) -> dict:
    env = dict(os.environ if base is None else base)
    env["FURIKAERI_HOME"] = str(home)
    env.pop("FURIKAERI_DEBUG", None)
    return env


def start(args, env) -> subprocess.Popen:
    def child():  # as at a terminal: Ctrl-C not ignored (a background job inherits it so)
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    return subprocess.Popen([*CLI, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=child)


def catches(pid: int, sig: int) -> bool:
    """Whether process ``pid`` has a handler of its own for ``sig`` now."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(int(line.split()[1], 16) for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(caught >> (sig - 1) & 1)


def signalled_once_caught(p: subprocess.Popen, sig: int, timeout: float = 20.0) -> bool:
    """Send ``sig`` to ``p`` as soon as it catches it (or, never caught, after ``timeout``);
    whether it was caught."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and p.poll() is None and not catches(p.pid, sig):
        time.sleep(0.002)
    caught = catches(p.pid, sig)
    if p.poll() is None:
        p.send_signal(sig)
    return caught


def wav16(src: Path, dst: Path) -> Path:
    """``src`` as the 16-bit mono WAV a take is."""
    import soundfile as sf

    data, rate = sf.read(str(src), dtype="int16")
    sf.write(str(dst), data, rate, subtype="PCM_16")
    return dst


def left_take(path: Path, settings: dict | None, stopped_by: str, *, silent: bool = False) -> Path:
    """A take left for ``recover`` as the CLI leaves one a signal ended (its marker, with
    ``settings``): JFK's speech, or a second of silence."""
    import soundfile as sf

    path.parent.mkdir(parents=True, exist_ok=True)
    if silent:
        import numpy as np

        sf.write(str(path), np.zeros(16000, dtype="int16"), 16000, subtype="PCM_16")
    else:
        wav16(JFK, path)
    info = sf.info(str(path))
    take = Take(path=path, duration_s=info.duration, rate=info.samplerate, channels=info.channels, overflows=0,
                stopped_by=stopped_by, speech_heard=not silent)
    if settings is None:
        leave_unfinished(take)
    else:
        with take_settings(path, settings):
            leave_unfinished(take)
    assert marker_path(path).exists()
    return path


# --------------------------------------------------------------------------- #1 recover --json


def test_recover_json_keeps_the_save_command_and_the_settings(tmp_path):
    """The JSON of `recover` says what its text says: the command that saves each take (with
    the question, budget, session and note it was recorded with) and those settings, which the
    repair's deleting the marker would otherwise lose for good."""
    need_jfk()
    home = tmp_path / "home"
    settings = dict(question="en-basic:intro", budget=90, language="auto", save=True, session="S X",
                    note="my note", model=None)
    spoken = left_take(home / "takes" / "take-20261207-095724-en-basic-intro.wav", settings, "terminated")
    silent = left_take(home / "takes" / "take-20261207-095800.wav", dict(settings, note="quiet"), "hangup",
                       silent=True)
    copy = tmp_path / "copy"
    shutil.copytree(home, copy)

    r = subprocess.run([*CLI, "recover", "--json"], env=env_with(home), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    by_path = {Path(t["path"]).name: t for t in json.loads(r.stdout)}
    said = by_path[spoken.name]
    assert said["stopped_by"] == "terminated" and said["speech_heard"] is True
    assert said["settings"] == settings
    # the very command the text `recover` prints for the same take
    text = subprocess.run([*CLI, "recover"], env=env_with(copy), capture_output=True, text=True, timeout=120)
    hint = next(line for line in text.stdout.splitlines() if "makes it an answer" in line)
    assert said["save_command"] == hint.split("`")[1].replace(str(copy), str(home))
    command = shlex.split(said["save_command"])
    for option, value in (("-q", "en-basic:intro"), ("--budget", "90"), ("--session", "S X"), ("--note", "my note")):
        assert command[command.index(option) + 1] == value, command
    assert "--save" in command and str(spoken) in command

    quiet = by_path[silent.name]  # nothing in it to save: no command, but what it was recorded with
    assert quiet["save_command"] is None and quiet["stopped_by"] == "hangup"
    assert quiet["settings"]["note"] == "quiet"
    assert not marker_path(spoken).exists() and not marker_path(silent).exists()


def test_recover_json_of_a_take_a_kill_left(tmp_path):
    """A take whose marker holds no settings nor a reason (a killed recorder's, an older
    furikaeri's) is still "interrupt", with the `-q` its name gives and null settings."""
    need_jfk()
    home = tmp_path / "home"
    take = left_take(home / "takes" / "take-20261207-095724-en-basic-intro.wav", None, "stop")
    marker_path(take).write_text(json.dumps({"rate": 16000, "channels": 1, "sample_bytes": 2}))
    r = subprocess.run([*CLI, "recover", "--json"], env=env_with(home), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    [said] = json.loads(r.stdout)
    assert said["stopped_by"] == "interrupt" and said["settings"] is None
    assert "-q en-basic:intro" in said["save_command"]


@pytest.mark.mic
@pytest.mark.parametrize("sig, why", [(signal.SIGTERM, "terminated"), (signal.SIGHUP, "hangup")])
def test_a_take_a_signal_ended_is_recovered_as_such(pulse, tmp_path, sig, why):  # noqa: F811
    need_jfk()
    home = tmp_path / "home"
    env = env_with(home, pulse.env)
    p = start(["record", "--json", "--max-seconds", "20", "-q", "en-basic:intro", "--note", "my note",
               "--session", "S X", "--save"], env)
    takes = home / "takes"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(takes.glob("*.wav.partial")):
        time.sleep(0.02)
    player = pulse.play(JFK)
    time.sleep(3.0)
    p.send_signal(sig)
    stdout, stderr = p.communicate(timeout=120)
    player.kill()
    assert p.returncode == 143, stderr
    r = subprocess.run([*CLI, "recover", "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    [said] = json.loads(r.stdout)
    assert said["stopped_by"] == why
    assert said["settings"]["note"] == "my note" and said["settings"]["session"] == "S X"
    assert "--note 'my note'" in said["save_command"] and "-q en-basic:intro" in said["save_command"]


# --------------------------------------------------------------------------- #2 practice --json


def test_the_answers_saved_are_said_once_from_any_thread(tmp_path, capsys):
    """What a SIGTERM while an answer is analysed says before the process ends at once (on
    HeldInterrupts' wakeup thread): the JSON of the answers saved so far and one line."""
    from furikaeri.cli import practice_cmd
    from furikaeri.session import SessionResult

    class Screen:
        lang = "en"

    asked = practice_cmd._Asked(Screen(), ())
    asked.keep(SessionResult(7, "en-basic", [{"answer_id": 1, "question": {"key": "intro"}}], asked=2,
                             ended_after=1))
    thread = threading.Thread(target=asked.terminated, args=(True,))
    thread.start()
    thread.join(5)
    asked.terminated(True)  # once only
    out = capsys.readouterr()
    doc = json.loads(out.out)
    assert doc == {"session_id": 7, "set": "en-basic", "answers": [{"answer_id": 1, "question": {"key": "intro"}}],
                   "ended_after": 1}
    assert out.err.strip().splitlines() == ["furikaeri: answer 1 was saved before the program was asked to stop"]


def test_leave_on_terminate_says_what_else_is_left_before_it_ends(tmp_path, monkeypatch, capsys):
    from furikaeri.cli import live

    said = []
    monkeypatch.setattr("furikaeri.capture.leave_unfinished", lambda t: None)
    exits = []
    monkeypatch.setattr(live, "_exit_now", lambda code: exits.append((code, list(said))))
    take = Take(path=tmp_path / "t.wav", duration_s=2.0, rate=16000, channels=1, overflows=0, stopped_by="stop",
                speech_heard=True)
    on_terminate = live.leave_on_terminate(take, "en", lambda p: ["furikaeri", "analyze", str(p), "--save"],
                                           then=lambda: said.append("answers"))
    on_terminate()
    assert exits == [(live.TERMINATED_EXIT, ["answers"])]


@pytest.mark.mic
@pytest.mark.model
def test_practice_json_stopped_by_sigterm_prints_the_answers_saved(pulse, tmp_path):  # noqa: F811
    """QA s50 OO #2: SIGTERM 2 s into the second take, after answer 1 was saved: the document
    `--from-files` prints (answer 1, ended_after 1) and a line naming answer 1."""
    need_jfk()
    home = tmp_path / "home"
    p = start(["practice", "--set", "en-basic", "-n", "2", "--max-seconds", "6", "--json", "--lang", "en"],
              env_with(home, pulse.env))
    lines: list[str] = []
    starts = threading.Semaphore(0)

    def read() -> None:
        for line in p.stderr:
            lines.append(line)
            if "recording from" in line:
                starts.release()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    for n in (1, 2):
        assert starts.acquire(timeout=120), "".join(lines)
        player = pulse.play(JFK)
    time.sleep(2.0)
    p.send_signal(signal.SIGTERM)
    stdout = p.stdout.read()
    p.wait(timeout=120)
    reader.join(10)
    player.kill()
    stderr = "".join(lines)
    assert p.returncode == 143, stderr
    doc = json.loads(stdout)
    assert [a["answer_id"] for a in doc["answers"]] == [1] and doc["ended_after"] == 1, doc
    assert "furikaeri: answer 1 was saved before the program was asked to stop\n" in stderr
    assert "not analysed, as the program was asked to stop" in stderr and "Traceback" not in stderr


# --------------------------------------------------------------------------- #3 the start, and analyze's SIGHUP


@pytest.mark.parametrize("args, sig, line", [
    (["record", "--max-seconds", "5"], signal.SIGTERM, BEFORE_EN),
    (["record", "--max-seconds", "5"], signal.SIGHUP, BEFORE_EN),
    (["practice", "--set", "en-basic", "-n", "1", "--no-reflect"], signal.SIGTERM, BEFORE_EN),
    (["practice", "--set", "ja-basic", "-n", "1", "--lang", "ja"], signal.SIGHUP, BEFORE_JA),
])
def test_a_signal_while_record_or_practice_loads_is_one_line_and_143(tmp_path, args, sig, line):
    p = start(args, env_with(tmp_path / "home"))
    caught = signalled_once_caught(p, sig)
    stdout, stderr = p.communicate(timeout=60)
    assert caught, f"no handler for {sig.name} while it loads: rc {p.returncode}, {stderr!r}"
    assert p.returncode == 143, stderr
    assert stderr.splitlines() == [line] and stdout == ""
    assert not list((tmp_path / "home").rglob("*.wav"))


def test_the_command_is_read_past_the_programs_options_and_from_files_is_left_alone():
    """`practice --from-files` records nothing: no "before recording" handler for it (its own
    SIGTERM handling says the answers saved); nor for any other command."""
    from furikaeri.__main__ import _command, _until_recording

    assert _command(["--home", "record", "practice"]) == "practice"
    assert _command(["-V"]) is None and _command(["--home=x", "record"]) == "record"
    was = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    _until_recording(["practice", "--set", "en-basic", "--from-files", "a.wav"])
    _until_recording(["analyze", "record"])
    assert {sig: signal.getsignal(sig) for sig in was} == was


def test_recording_gives_the_signals_back_to_their_default(tmp_path):
    """After a take nothing is "before recording": the start's handler is not given back."""
    from furikaeri.cli.live import ENDING_SIGNALS, _sigterm_sets

    def before(*_):  # stands for the start's (__main__._until_recording), which would end the process
        raise AssertionError("not to be called")

    before.until_recording = True
    previous = {sig: signal.signal(sig, before) for sig in ENDING_SIGNALS}
    try:
        with _sigterm_sets(threading.Event()):
            pass
        assert all(signal.getsignal(sig) is signal.SIG_DFL for sig in ENDING_SIGNALS)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def test_sighup_during_analyze_is_said_as_sigterm_is(tmp_path):
    """QA s50 OO #3: `analyze --save` died silently with 129 when the terminal closed."""
    need_jfk()
    home = tmp_path / "home"
    p = start(["analyze", str(JFK), "--json", "--save"], env_with(home))
    caught = signalled_once_caught(p, signal.SIGHUP)
    stdout, stderr = p.communicate(timeout=120)
    assert caught and p.returncode == 143, (p.returncode, stderr)
    assert stderr.splitlines() == ["furikaeri: stopped, as the program was asked to: what was saved before stays "
                                   "saved, and nothing is saved half"]
    assert stdout == ""
