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
    said, command = _with_command(full, take, saving), shlex.join(saving(take))
    assert str(said).startswith(str(full)) and str(said).endswith(f"; then `{command}` saves what was kept")
    assert said.said_in("ja").endswith(f"残った分は `{command}` で保存できます")
    assert _with_command(full, take, lambda p: ["furikaeri", "analyze", str(p)]) is full  # nothing to save: as it was
    take.write_bytes(bytes(44))
    assert _with_command(full, take, saving) is full  # a header alone: no audio kept
