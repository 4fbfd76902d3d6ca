"""Session 46: practice --from-files stopped by SIGTERM (QA s46 Y #2)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from furikaeri.errors import StoreError
from furikaeri.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.mark.model
def test_sigterm_stops_practice_from_files_as_ctrl_c_does_and_exits_143(tmp_path):
    """`timeout 6 furikaeri practice ... --from-files a b --json` died with -15: no JSON, no word,
    though an answer was saved. Now: the answers saved are in the JSON, the one being analysed is
    named with the command that saves it, one line says it stopped, exit 143."""
    home = tmp_path / "home"
    env = {**os.environ, "FURIKAERI_HOME": str(home), "LANG": "C.UTF-8"}
    env.pop("LC_ALL", None)
    takes = [SAMPLES / "en_tell_me_about_yourself.flac", SAMPLES / "en_greatest_strength.flac"]
    p = subprocess.Popen([sys.executable, "-m", "furikaeri", "practice", "--set", "en-basic", "-n", "2",
                          "--from-files", *map(str, takes), "--no-reflect", "--json"],
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and p.poll() is None:  # the first answer saved, the second being heard
        if (home / "furikaeri.db").exists():
            try:
                with Store.open(home, read_only=True, make=False) as st:
                    if st.answers():
                        break
            except StoreError:  # opened while the practice still makes it (a loaded machine: CI's)
                pass
        time.sleep(0.2)
    p.send_signal(signal.SIGTERM)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 143, (p.returncode, err)
    assert "Traceback" not in err and "stopped, as the program was asked to" in err.splitlines()[-1]
    with Store.open(home, read_only=True, make=False) as st:
        saved = [a.id for a in st.answers()]
    assert saved
    if len(saved) == 1:  # stopped while the second was heard: named, with the command that saves it
        doc = json.loads(out)
        assert [a["answer_id"] for a in doc["answers"]] == saved
        assert "question 2 is not saved (the session was stopped before it was)" in err
        assert "furikaeri analyze" in err and "--save" in err


def test_a_directory_of_takes_is_taken_in_number_order_and_shuffle_is_refused_with_files(tmp_path):
    # QA s47 DD #1: take10 before take2, nine of ten answers saved against the wrong questions;
    # DD #2: --shuffle gave recorded answers to random questions
    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.cli.practice_cmd import expand_files

    takes = tmp_path / "takes"
    takes.mkdir()
    for name in ("take10.wav", "take2.wav", "take1.wav", "Take3.wav", "take02b.wav", "notes.txt"):
        (takes / name).write_bytes(b"")
    assert [p.name for p in expand_files((takes,))] == ["take1.wav", "take2.wav", "take02b.wav", "Take3.wav",
                                                         "take10.wav"]
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "home"), "practice", "--set", "en-basic", "--shuffle",
                                 "--from-files", str(takes / "take1.wav"), str(takes / "take2.wav")])
    assert r.exit_code == 2 and "--shuffle" in r.output and "Traceback" not in r.output, r.output
    assert not (tmp_path / "home").exists()  # refused before the archive


def test_files_a_shell_glob_sorted_by_letter_are_taken_in_number_order(tmp_path, capsys):
    # QA s47 FF #4: `--from-files take*.wav` came as take1, take10, take2: question 2 got take10
    from furikaeri.cli.practice_cmd import _glob_in_number_order

    names = [tmp_path / f"take{n}.wav" for n in (1, 10, 2, 3)]  # as the shell sorts take*.wav
    assert [p.name for p in _glob_in_number_order(names)] == ["take1.wav", "take2.wav", "take3.wav", "take10.wav"]
    assert "number order" in capsys.readouterr().err
    chosen = [tmp_path / "b.wav", tmp_path / "a.wav"]  # listed in an order of one's own: kept
    assert _glob_in_number_order(chosen) == chosen
    listed = [tmp_path / f"take{n}.wav" for n in (2, 1)]
    assert _glob_in_number_order(listed) == listed and capsys.readouterr().err == ""
    # files of other names, or of other folders, in the order a glob gives: as listed (test_monday_thursday_japanese)
    mixed = [tmp_path / "common_voice_38843402.wav", tmp_path / "common_voice_38852485.wav", tmp_path / "ja_intro1.wav"]
    assert _glob_in_number_order(mixed) == mixed
    apart = [tmp_path / "a" / "take10.wav", tmp_path / "b" / "take2.wav"]
    assert _glob_in_number_order(apart) == apart and capsys.readouterr().err == ""
