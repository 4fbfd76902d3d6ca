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
            with Store.open(home, read_only=True, make=False) as st:
                if st.answers():
                    break
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
