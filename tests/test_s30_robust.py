"""Errors a person meets at the edges, said as what they are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("lang,said", [("C.UTF-8", "disk full while writing standard output"),
                                       ("ja_JP.UTF-8", "標準出力の書き込み中にディスクがいっぱい")])
def test_output_to_a_full_disk_says_standard_output(tmp_path, lang, said):
    """`furikaeri questions > file` on a full disk: the printing failed, not some file."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "LANG": lang, "LC_ALL": ""}
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "furikaeri", "--home", str(tmp_path), "questions"],
                           stdout=full, stderr=subprocess.PIPE, text=True, env=env)
    assert r.returncode == 2
    assert said in r.stderr and "a file" not in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
