"""Session 30, helper g1: QA report a, defects 2, 6, 7, 8, 9, 11, 12.

2: an archive that cannot be written is said before the take (a read-only file, a lock held by
another process), and a save that fails later names the whole command that saves the answer.
"""

from __future__ import annotations

import errno
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from furikaeri.store import Store
from test_input_robust import SAMPLE, SRC, TESTS, env, one_error_line

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
#: As root, writing a chmod-444 file is refused only without the capability to override it.
NO_OVERRIDE = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]


def _launcher(tmp_path: Path, *, lock_while_analysing: bool = False) -> Path:
    """furikaeri's entry point with the model replaced, a busy timeout of 1 s (not 30), and,
    with ``lock_while_analysing``, another connection taking the archive's write lock while the
    answer is analysed (after the check before it): as another process would."""
    script = tmp_path / "fk_g1.py"
    script.write_text(
        "import sys, os, sqlite3\n"
        f"sys.path[:0] = [{str(TESTS)!r}, {str(SRC)!r}]\n"
        "import test_input_robust\n"
        "test_input_robust._patch_model()\n"
        "import furikaeri.store\n"
        "furikaeri.store.BUSY_TIMEOUT_S = 1.0\n"
        + ("from furikaeri import stream\n"
           "held = []\n"
           "def locking(path, progress=None, **kw):\n"
           "    c = sqlite3.connect(os.path.join(os.environ['FURIKAERI_HOME'], 'furikaeri.db'), isolation_level=None)\n"
           "    c.execute('BEGIN EXCLUSIVE')\n"
           "    held.append(c)\n"
           "    return test_input_robust.fake_analysis(path, **kw)\n"
           "stream.analyze_recording = locking\n" if lock_while_analysing else "")
        + "from furikaeri.__main__ import main\n"
        "main()\n")
    return script


def _run(launcher: Path, args, home: Path, *, prefix=(), **extra):
    p = subprocess.run([*prefix, sys.executable, str(launcher), *map(str, args)], capture_output=True,
                       env=env(home, **extra), timeout=120, cwd=launcher.parent)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def _make_archive(home: Path) -> None:
    with Store.open(home):
        pass


@pytest.mark.skipif(IS_ROOT and shutil.which("setpriv") is None, reason="as root, chmod binds only through setpriv")
def test_a_read_only_archive_is_said_before_the_analysis(tmp_path):
    """QA a #2: open_store fell back to reading quietly, so the check passed and the answer was
    analysed (minutes, in a take) before the save failed."""
    home = tmp_path / "h"
    _make_archive(home)
    (home / "furikaeri.db").chmod(0o444)
    try:
        rc, out, err = _run(_launcher(tmp_path), ["analyze", SAMPLE, "--save", "--note", "lead with it"], home,
                            prefix=NO_OVERRIDE if IS_ROOT else ())
    finally:
        (home / "furikaeri.db").chmod(0o644)
    assert rc == 2
    assert out == ""  # no report: nothing was analysed
    assert "is read-only, so nothing can be saved" in one_error_line(err)


@pytest.mark.parametrize("command", [["analyze", SAMPLE], ["record", "--max-seconds", "1"]])
def test_an_archive_locked_by_another_process_is_said_before_the_take(tmp_path, command):
    """QA a #2: a db held with BEGIN EXCLUSIVE by another connection was found only at the save.
    ``record`` says it before it opens any microphone (there is none here)."""
    home = tmp_path / "h"
    _make_archive(home)
    other = sqlite3.connect(home / "furikaeri.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        rc, out, err = _run(_launcher(tmp_path), [*command, "--save", "--session", "m", "--note", "fewer ums"], home)
    finally:
        other.close()
    assert rc == 2 and out == ""
    assert "stayed locked by another process" in one_error_line(err)
    assert not list(home.glob("takes/*.wav"))


def test_a_save_that_fails_after_the_analysis_names_the_command_with_everything_typed(tmp_path):
    """QA a #2: the lock taken while the answer was analysed: the report is printed, then one line
    with the command that saves it with the question, budget, language, session and reflection."""
    home = tmp_path / "h"
    _make_archive(home)
    args = ["analyze", SAMPLE, "-q", "en-basic:intro", "--budget", "75", "-l", "en", "--save", "--session",
            "mock 2", "--wrong", "rambled", "--why", "no plan", "--note", "lead with the point"]
    rc, out, err = _run(_launcher(tmp_path, lock_while_analysing=True), args, home)
    assert rc == 2 and "Delivery report" in out, err
    line = one_error_line(err)
    assert "stayed locked by another process" in line
    command = shlex.split(line.split("`")[1])
    assert command == ["furikaeri", "analyze", str(SAMPLE), "-q", "en-basic:intro", "--budget", "75", "-l", "en",
                       "--save", "--session", "mock 2", "--wrong", "rambled", "--why", "no plan",
                       "--note", "lead with the point"]
    rc, _, err = _run(_launcher(tmp_path), command[1:], home)  # once the lock is gone, it saves all that
    assert rc == 0, err
    with Store.open(home) as st:
        (a,) = st.answers()
        assert st.session(a.session_id).name == "mock 2"
    assert (a.note.wrong, a.note.why, a.note.next_time) == ("rambled", "no plan", "lead with the point")


def test_a_disk_that_fills_mid_take_names_the_command_that_saves_what_was_kept(tmp_path):
    """QA a #2 (the disk fills mid-take): the recording stopped without a command carrying --note."""
    from furikaeri.cli.live import _with_command
    from furikaeri.errors import AudioError

    take = tmp_path / "take.wav"
    take.write_bytes(b"RIFF" + bytes(2000))
    full = AudioError(f"recording stopped: the disk is full (the first 5.1 s are kept in {take}); free some space "
                      "and try again", ja="録音が止まりました: ディスクがいっぱいです")
    full.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    saving = lambda p: ["furikaeri", "analyze", str(p), "--save", "--note", "結論から"]  # noqa: E731
    # the disk, not the person, stopped it mid-answer: --cut-off (QA s51 RR #3)
    said, command = _with_command(full, take, saving), shlex.join(["furikaeri", "analyze", str(take), "--cut-off",
                                                                   "--save", "--note", "結論から"])
    assert str(said).startswith(str(full)) and str(said).endswith(f"; then `{command}` saves what was kept")
    assert said.said_in("ja").endswith(f"残った分は `{command}` で保存できます")
    assert _with_command(full, take, lambda p: ["furikaeri", "analyze", str(p)]) is full  # nothing to save: as it was
    take.write_bytes(bytes(44))
    assert _with_command(full, take, saving) is full  # a header alone: no audio kept


# --------------------------------------------------------------------------- 6, 7, 8, 9, 11, 12


def _cli(args, monkeypatch, **environ):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    return CliRunner().invoke(cli, list(map(str, args)))


def _interrupted_on(monkeypatch, where, name):
    """``where.name`` raises KeyboardInterrupt (Ctrl-C); the process is pytest's, so Ctrl-C leaves as
    with no other thread alive (else os._exit would end the test run)."""
    import threading

    def ctrl_c(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(where, name, ctrl_c)
    monkeypatch.setattr(threading, "active_count", lambda: 1)


def test_analyze_with_a_japanese_set_question_speaks_japanese_errors(tmp_path, monkeypatch):
    """QA a #6: `analyze missing.wav -q jikoshokai` said its error in English, record in Japanese."""
    missing = tmp_path / "missing.wav"
    r = _cli(["analyze", missing, "-q", "jikoshokai"], monkeypatch)
    assert r.exit_code == 2 and r.stderr.startswith("furikaeri: エラー: "), r.stderr
    r = _cli(["analyze", missing, "-q", "en-basic:intro"], monkeypatch, LANG="ja_JP.UTF-8")
    assert r.stderr.startswith("furikaeri: error: "), r.stderr  # an English question: English
    r = _cli(["analyze", missing], monkeypatch, LANG="C.UTF-8")
    assert r.stderr.startswith("furikaeri: error: "), r.stderr  # no question: the system's language


@pytest.mark.parametrize("environ, question, said", [
    ({"LANG": "ja_JP.UTF-8"}, [], ["furikaeri: 録音しました: ", "furikaeri: 中断しました"]),
    ({}, [], ["furikaeri: recorded ", "furikaeri: interrupted"]),
    ({"LANG": "ja_JP.UTF-8"}, ["-q", "Tell me about yourself"], ["furikaeri: recorded ", "furikaeri: interrupted"]),
])
def test_a_take_speaks_one_language_on_screen_and_in_its_errors(tmp_path, monkeypatch, environ, question, said):
    """QA a #7: under a Japanese locale, `record` (language auto, no question) said 'saved' and
    'no speech was heard' in English, then its error in Japanese; an English question speaks English."""
    _silent_take(monkeypatch, duration_s=1.0, stopped_by="max_seconds")
    from furikaeri import analysis

    _interrupted_on(monkeypatch, analysis, "analyze_file")  # the analysis is not what this is about
    r = _cli(["record", "--no-stream", "--out", tmp_path / "t.wav", *question], monkeypatch, **environ)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(s) for line, s in zip(lines, said)), r.stderr


def _silent_take(monkeypatch, *, duration_s: float, stopped_by: str) -> None:
    """``record`` gets a take of ``duration_s`` with no speech, ended by ``stopped_by``, from no microphone."""
    import threading

    from furikaeri import capture
    from furikaeri.capture import Device, Take
    from furikaeri.cli import live

    mic = Device(index=0, name="default", default_rate=16000, channels=1, is_default=True)
    monkeypatch.setattr(capture, "resolve_device", lambda device: mic)
    monkeypatch.setattr(live, "_record", lambda path, dev, **_: Take(
        path=path, duration_s=duration_s, rate=16000, channels=1, overflows=0, stopped_by=stopped_by,
        speech_heard=False))
    monkeypatch.setattr(threading, "active_count", lambda: 1)


@pytest.mark.parametrize("environ, args, said", [
    ({"LANG": "ja_JP.UTF-8"}, ["-l", "ja"], "furikaeri: 中断しました"),
    ({}, ["-l", "ja"], "furikaeri: 中断しました"),  # the command speaks Japanese: so does Ctrl-C
    ({"LANG": "ja_JP.UTF-8"}, [], "furikaeri: 中断しました"),
    ({}, [], "furikaeri: interrupted"),
])
def test_interrupted_is_said_in_the_commands_language(monkeypatch, environ, args, said):
    """QA a #8: Ctrl-C said a fixed English 'interrupted' under a Japanese command or locale."""
    from furikaeri import stream

    _interrupted_on(monkeypatch, stream, "analyze_recording")
    r = _cli(["analyze", SAMPLE, *args], monkeypatch, **environ)
    assert r.exit_code == 130
    assert r.stderr.strip().splitlines()[-1] == said


@pytest.mark.parametrize("stopped_by", ["interrupt", "stop"])
def test_ctrl_c_at_the_start_of_a_take_is_not_blamed_on_the_microphone(tmp_path, monkeypatch, stopped_by):
    """QA a #9: Ctrl-C 0.45 s after the take began left 0.1 s of audio, and record said 'the
    microphone delivered no audio' with exit 2; Ctrl-C is 'interrupted' (130), Enter (or SIGTERM)
    at once is no microphone's fault either."""
    _silent_take(monkeypatch, duration_s=0.05, stopped_by=stopped_by)
    r = _cli(["record", "--no-stream", "--out", tmp_path / "t.wav"], monkeypatch)
    assert "microphone" not in r.stderr and "delivered no audio" not in r.stderr, r.stderr
    if stopped_by == "interrupt":
        assert r.exit_code == 130 and r.stderr.strip().endswith("furikaeri: interrupted"), r.stderr
    else:  # the analysis says what is wrong: nothing was recorded
        assert r.exit_code == 2


@pytest.mark.parametrize("lang, said", [("ja", "良好です"), ("en", "fine: speech at -21 dBFS")])
def test_mic_check_json_says_its_verdict_in_the_language_asked(monkeypatch, lang, said):
    """QA a #11: `mic-check --lang ja --json` gave its message in English."""
    import json

    from furikaeri import capture
    from furikaeri.capture import Device, LevelReport

    mic = Device(index=0, name="default", default_rate=16000, channels=1, is_default=True)
    monkeypatch.setattr(capture, "resolve_device", lambda device: mic)
    monkeypatch.setattr(capture, "mic_check", lambda dev, seconds: LevelReport(
        peak_dbfs=-6.0, rms_dbfs=-21.0, noise_floor_dbfs=-70.0, clipped_share=0.0, verdict="fine",
        message="fine: speech at -21 dBFS, peaks -6 dBFS, noise floor -70 dBFS"))
    r = _cli(["mic-check", "--lang", lang, "--json", "--seconds", "1"], monkeypatch)
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert said in doc["message"] and doc["verdict"] == "fine"


@pytest.mark.parametrize("command", [["mic-check"], ["record", "--max-seconds", "1"]])
@pytest.mark.parametrize("blank", ["", " "])
def test_a_blank_device_is_refused_not_read_as_the_default(tmp_path, monkeypatch, command, blank):
    """QA a #12: `--device ""` silently used the default microphone (a blank --home is refused)."""
    from furikaeri import capture

    monkeypatch.setattr(capture, "list_devices", lambda: pytest.fail("a blank name is refused before any device"))
    r = _cli([*command, "--device", blank], monkeypatch)
    assert r.exit_code == 2
    assert r.stderr.strip() == ("furikaeri: error: --device is blank: give a device's index or name (see "
                                "`furikaeri devices`), or leave it out for the default microphone")
    r = _cli([*command, "--device", blank], monkeypatch, LANG="ja_JP.UTF-8")
    assert r.stderr.startswith("furikaeri: エラー: --device が空白です")
