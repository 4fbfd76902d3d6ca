"""A take the person ends long after their last word ran on in silence (QA s38 G #2): a quiet
「えっと」 and then 14 s of silence was reported as a 1-s answer with no pause at all, and a note
about freezing was checked against "long pauses 0 -> 0". The silence after the last word is
no pause of the answer; the report says it in a tip of its own."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from furikaeri.advice import ran_on_tip
from furikaeri.cli import live
from pulse_fixture import pulse  # noqa: F401  (fixture: a private PulseAudio microphone)


def _analysis(language="ja", latency=2.5, answer=1.0, tips=("tip a", "tip b", "tip c")):
    from furikaeri.analysis import Analysis

    return Analysis(file="take.wav", language=language, duration_s=20.0, speech_detected=True, latency_s=latency,
                    answer_s=answer, budget_s=60.0, over_budget=False, transcript="えっと", tips=tips)


@pytest.mark.parametrize("language, said", [
    ("ja", "録音の0:04で話が止まり、録音を止めるまで16秒黙っていました。"),
    ("en", "You stopped speaking at 0:04 into the recording and the take ran on 16 s in silence before you ended it.")])
def test_a_take_ended_long_after_the_last_word_gets_the_tip(language, said):
    tip = ran_on_tip(_analysis(language), 19.5)
    assert tip is not None and tip.startswith(said), tip
    assert ran_on_tip(_analysis(language), 12.0) is None  # 8.5 s: reading the report's screen, say
    assert ran_on_tip(_analysis(language, latency=None), 40.0) is None


@pytest.mark.parametrize("stopped_by, interactive, told", [
    ("stop", True, True), ("stop", False, False), ("silence", True, False), ("max_seconds", True, False)])
def test_only_a_take_ended_by_enter_at_a_terminal_ran_on(monkeypatch, stopped_by, interactive, told):
    monkeypatch.setattr(live, "is_interactive", lambda: interactive)
    a = live.ran_on(_analysis(), SimpleNamespace(stopped_by=stopped_by, duration_s=19.5))
    assert (a.tips[0].startswith("録音の0:04で話が止まり") and len(a.tips) == 3) == told, a.tips
    assert told or a.tips == ("tip a", "tip b", "tip c")


@pytest.mark.mic
def test_a_take_ended_by_enter_long_after_the_answer_says_it_ran_on(pulse, tmp_path):
    """Through the virtual microphone, at a pseudo-terminal: 4 s of JFK, then 11 s of silence,
    then Enter. The report's tips say the silence the take ran on, beside the length's."""
    import json
    import os
    import pty
    import subprocess
    import time

    import soundfile as sf

    from test_capture import CLI, JFK, env_for, need_jfk, wait_until_recording
    from ttys import Screen

    need_jfk()
    x, rate = sf.read(JFK, dtype="float32")
    short = tmp_path / "jfk4.wav"
    sf.write(short, x[: 4 * rate], rate)
    pulse.playable(short)
    env = env_for(pulse, tmp_path)
    env["COLUMNS"], env["LINES"] = "100", "30"
    out = tmp_path / "ran_on.wav"
    master, slave = pty.openpty()
    p = subprocess.Popen([*CLI, "record", "--question", "Why this industry?", "--out", str(out), "--json"], env=env,
                         stdin=slave, stdout=subprocess.PIPE, stderr=slave, close_fds=True)
    os.close(slave)
    screen = Screen(master)
    wait_until_recording(out)
    pulse.play(short)
    time.sleep(4.0 + 11.5)
    os.write(master, b"\n")
    stdout, _ = p.communicate(timeout=120)
    os.close(master)
    screen.join()
    assert p.returncode == 0, screen.text[-2000:]
    tips = json.loads(stdout)["tips"]  # after the focus's (the length: a 3-s answer), kept beside it
    ran_on = [t for t in tips if t.startswith("You stopped speaking at 0:0")]
    assert len(ran_on) == 1 and "in silence before you ended it" in ran_on[0], tips
    assert tips[0].startswith("The answer used only"), tips
