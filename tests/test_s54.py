"""Session 54: what was left from session 53, and the QA round of session 54.

* Mic practice between two takes (the next question shown, the microphone opening): SIGTERM or
  SIGHUP ended the program by the signal (-15, nothing said); now it stops the session as
  Ctrl-C does, its summary said, exit 143. Before the first take it is still "stopped before
  recording started".
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pulse_fixture import pulse  # noqa: F401  (fixture)

REPO = Path(__file__).resolve().parents[1]
JFK = REPO.parent / "shared" / "audio" / "en" / "jfk.flac"


# --------------------------------------------------------------------------- signals between takes


def _until_recording_stand_in(calls: list):
    def start(signum, _frame) -> None:  # the start's handler (__main__._until_recording) stands in
        calls.append(signum)

    start.until_recording = True
    return start


def test_before_the_first_take_a_signal_is_the_starts_own():
    """Nothing recorded yet: the start's handler says "stopped before recording started"."""
    from furikaeri.cli.live import ENDING_SIGNALS
    from furikaeri.cli.practice_cmd import _sigterm_as_ctrl_c

    calls: list = []
    previous = {sig: signal.signal(sig, _until_recording_stand_in(calls)) for sig in ENDING_SIGNALS}
    try:
        with _sigterm_as_ctrl_c(recorded=lambda: False):
            signal.raise_signal(signal.SIGTERM)
        assert calls == [signal.SIGTERM]
        assert getattr(signal.getsignal(signal.SIGTERM), "until_recording", False)  # given back as it was
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def test_after_a_take_a_signal_stops_the_session_with_143_and_nothing_is_before_recording():
    from furikaeri.cli.live import ENDING_SIGNALS
    from furikaeri.cli.practice_cmd import _sigterm_as_ctrl_c

    calls: list = []
    previous = {sig: signal.signal(sig, _until_recording_stand_in(calls)) for sig in ENDING_SIGNALS}
    try:
        with pytest.raises(SystemExit) as e:
            with _sigterm_as_ctrl_c(recorded=lambda: True):
                signal.raise_signal(signal.SIGHUP)
        assert e.value.code == 143 and calls == []
        assert all(signal.getsignal(sig) is signal.SIG_IGN for sig in ENDING_SIGNALS)  # said once
        for sig in ENDING_SIGNALS:
            signal.signal(sig, _until_recording_stand_in(calls))
        with _sigterm_as_ctrl_c(recorded=lambda: True):  # left without a signal, after a take:
            pass
        assert all(signal.getsignal(sig) is signal.SIG_DFL for sig in ENDING_SIGNALS)  # no "before recording"
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@pytest.mark.mic
@pytest.mark.model
def test_sigterm_between_two_takes_says_the_session_and_ends_with_143(pulse, tmp_path):  # noqa: F811
    """SIGTERM the moment the second question is shown (after answer 1 was saved, before the
    microphone opens again): the summary of answer 1's session, one line, 143 (it was -15)."""
    if not JFK.exists():
        pytest.skip(f"shared recordings not found at {JFK.parent}")
    env = dict(pulse.env, FURIKAERI_HOME=str(tmp_path / "home"))
    env.pop("FURIKAERI_DEBUG", None)
    p = subprocess.Popen([sys.executable, "-m", "furikaeri", "practice", "--set", "en-basic", "-n", "2",
                          "--max-seconds", "6", "--no-reflect", "--lang", "en"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out: list[str] = []
    err: list[str] = []
    started = threading.Event()

    def read_out() -> None:
        for line in p.stdout:
            out.append(line)
            if "2/2" in line:  # the next question is shown: the microphone is not open yet
                p.send_signal(signal.SIGTERM)

    def read_err() -> None:
        for line in p.stderr:
            err.append(line)
            if "recording from" in line:
                started.set()

    readers = [threading.Thread(target=f, daemon=True) for f in (read_out, read_err)]
    for r in readers:
        r.start()
    assert started.wait(120), "".join(err)
    player = pulse.play(JFK)
    try:
        p.wait(timeout=180)
    finally:
        player.kill()
        if p.poll() is None:
            p.kill()
    for r in readers:
        r.join(10)
    stdout, stderr = "".join(out), "".join(err)
    assert p.returncode == 143, stderr
    assert "saved as answer 1" in stdout and "Traceback" not in stderr, stdout + stderr
    # the signal lands between the takes (the session's summary on stdout, then the stop said), or,
    # on a slower or busier machine, after the microphone opened: then the take it cut says it, as
    # mid-take, on stderr, naming answer 1 (CI's run of session 55 took this way), 143 all the same
    if "1 answer saved in session" in stdout:
        assert stderr.rstrip().endswith(
            "stopped, as the program was asked to: what was saved before stays saved, and nothing is saved half"), stderr
    else:
        assert stderr.rstrip().endswith("answer 1 was saved before the program was asked to stop"), stdout + stderr
    cut = "1 answer saved in session" not in stdout  # the take the signal cut is left for ``recover``
    assert len(list((tmp_path / "home" / "audio").glob("*.wav"))) == 1 + cut  # answer 1's (and that take)


# --------------------------------------------------------------------------- QA s53 AD #4: a cut take is no short answer


def _pace(id_, seconds, wpm, *, note=None, cut=False):
    from test_compare_notes import answer

    metrics = {"answer_s": seconds, "budget_s": 60.0, "over_budget": None if cut else seconds > 60.0,
               "over_s": None if cut else seconds - 60.0, "wpm": wpm}
    return answer(id_, metrics, note=note)


@pytest.mark.parametrize("earlier, latest, short, cut, key", [
    ((34.6, False), (11.8, True), "latest", "latest", "_latest_cut"),
    ((11.8, True), (34.6, False), "earlier", "earlier", "_earlier_cut"),
    ((9.0, False), (11.8, True), "both", "latest", "_both_cut"),
    ((34.6, False), (9.0, False), "latest", None, "_latest"),
])
def test_a_take_the_recording_cut_is_said_cut_not_too_short(earlier, latest, short, cut, key):
    """A 12-s take of a 60-s question cut off by the recording (``--cut-off``, a time limit) was
    "too short for its budget to tell whether your note worked": it went on past the recording."""
    from rich.console import Console

    from furikaeri import notes as N
    from furikaeri.lang import text
    from furikaeri.report.history import render_fix

    fix = N.check_fix(_pace(1, *earlier[:1], 150.0, note="slow down", cut=earlier[1]),
                      _pace(2, *latest[:1], 180.0, cut=latest[1]).metrics, "en")
    assert fix.verdict == "too_short" and fix.short_in == short and fix.cut_in == cut
    assert fix.to_dict().get("cut_answer") == cut
    for lang in ("en", "ja"):
        console = Console(width=300, record=True, color_system=None)
        render_fix(console, fix, lang, language="en")
        out = console.export_text()
        assert text(lang, "fix_too_short" + key) in out and text(lang, "fix_short_figure" + key) in out, out
        if cut:  # never "too short for its budget" of the take that was cut alone
            assert text(lang, f"fix_too_short_{short}") not in out


# --------------------------------------------------------------------------- QA s53 AE #5: the longest pause under a pause note


@pytest.mark.parametrize("note, language", [("fewer long pauses", "en"), ("pauses were too long", "en"),
                                            ("長い間を減らす", "ja"), ("間が長い", "ja")])
def test_a_longest_pause_that_doubled_under_a_note_on_long_pauses_is_against_it(note, language):
    """1.4 s, then 2.9 s (short of a freeze, the norm's 3 s) under "fewer long pauses" read "= in
    range": it moved against the note, said so, and still in range; back down it is better."""
    from rich.console import Console

    from furikaeri import notes as N
    from furikaeri.lang import text
    from furikaeri.report.history import render_fix
    from test_compare_notes import answer

    def pauses(id_, longest, note=None):
        return answer(id_, {"answer_s": 50.0, "budget_s": 60.0, "over_budget": False, "over_s": -10.0,
                            "long_pauses_per_min": 1.2, "longest_pause_s": longest, "pause_count": 5}, note=note)

    fix = N.check_fix(pauses(1, 1.4, note), pauses(2, 2.9).metrics, language)
    assert [(c.metric, c.verdict) for c in fix.changes] == [("long_pauses_per_min", "same"), ("longest_pause_s", "worse")]
    console = Console(width=200, record=True, color_system=None)
    render_fix(console, fix, language, language=language)
    out = console.export_text()
    line = next(x for x in out.splitlines() if "2.9" in x)
    assert line.rstrip().endswith("▼ " + text(language, "against_note_in_band")), out
    back = N.check_fix(pauses(1, 2.9, note), pauses(2, 1.4).metrics, language)
    assert back.changes[1].verdict == "better"
    jitter = N.check_fix(pauses(1, 1.4, note), pauses(2, 1.7).metrics, language)  # within the figure's step
    assert jitter.changes[1].verdict == "same"


@pytest.mark.parametrize("note", ["I froze twice", "頭が真っ白になった"])
def test_under_a_note_on_freezing_only_a_freeze_counts(note):
    from furikaeri import notes as N
    from test_compare_notes import answer

    def pauses(id_, longest, note=None):
        return answer(id_, {"answer_s": 50.0, "budget_s": 60.0, "over_budget": False, "over_s": -10.0,
                            "long_pauses_per_min": 1.2, "longest_pause_s": longest, "pause_count": 5}, note=note)

    fix = N.check_fix(pauses(1, 1.4, note), pauses(2, 2.9).metrics, "en")
    assert fix.changes[1].verdict == "same"  # short of a freeze both times: held
    assert N.check_fix(pauses(1, 1.4, note), pauses(2, 3.4).metrics, "en").changes[1].verdict == "worse"


# --------------------------------------------------------------------------- QA s53 AF #7: a time to the point in a practice note


def _opening(id_, seconds, note=None):
    from test_compare_notes import answer

    return answer(id_, {"answer_s": 80.0, "budget_s": 90.0, "over_budget": False, "over_s": -10.0,
                        "opening_s": seconds, "opening_share": seconds / 90.0}, note=note)


@pytest.mark.parametrize("note, language, before, after, verdict, fix_verdict", [
    ("30秒以内に結論まで言う", "ja", 40.0, 25.0, "better", "better"),  # done, though 28% of 90 s is over 20 %
    ("30秒以内に結論まで言う", "ja", 25.0, 28.0, "same", "held"),
    ("30秒以内に結論まで言う", "ja", 45.0, 38.0, "better", "better"),  # better, not there yet
    ("get to the point within 20 seconds", "en", 10.0, 25.0, "worse", "worse"),  # out of the limit
    ("get to the point within 20 seconds", "en", 19.0, 21.0, "worse", "worse"),  # across it, however small
])
def test_a_note_giving_the_point_a_time_is_judged_on_that_time(note, language, before, after, verdict, fix_verdict):
    from rich.console import Console

    from furikaeri import notes as N
    from furikaeri.lang import text
    from furikaeri.report.history import render_fix

    fix = N.check_fix(_opening(1, before, note), _opening(2, after).metrics, language)
    assert [(c.metric, c.verdict) for c in fix.changes] == [("opening_s", verdict)] and fix.verdict == fix_verdict
    limit = N.opening_limit(note)
    assert fix.opening_limit_s == limit and fix.to_dict()["changes"][0]["limit_s"] == limit
    console = Console(width=200, record=True, color_system=None)
    render_fix(console, fix, language, language=language)
    out = console.export_text()
    assert text(language, "fix_limit", limit=limit) in out, out
    if after > limit and verdict == "better":  # better, and still over the note's time: "not yet"
        assert text(language, "better_not_yet") in out and text(language, "fix_better_not_yet") in out


def test_without_a_time_or_a_time_to_the_point_the_share_is_judged_as_before():
    from furikaeri import notes as N

    fix = N.check_fix(_opening(1, 40.0, "get to the point sooner"), _opening(2, 25.0).metrics, "en")
    assert [c.metric for c in fix.changes] == ["opening_share"] and fix.opening_limit_s is None
    blank = _opening(2, 25.0).metrics | {"opening_s": None, "opening_share": None}
    fix = N.check_fix(_opening(1, 40.0, "30秒以内に結論まで言う"), blank, "ja")
    assert [c.metric for c in fix.changes] == ["opening_share"] and fix.opening_limit_s is None


# --------------------------------------------------------------------------- QA s54 AH #1: an interview's fix on silence


_SILENT = {"answer_s": 50.0, "budget_s": 60.0, "over_budget": False, "over_s": -10.0, "long_pauses_per_min": 6.0,
           "longest_pause_s": 2.0, "latency_s": 1.6, "pause_count": 18, "silence_share": 0.45}


@pytest.mark.parametrize("fix, figures, verdict", [
    ("沈黙が多かった。間を取りすぎない", ["long_pauses_per_min"], "not_yet"),  # was "done": no freeze
    ("間が長い", ["long_pauses_per_min"], "not_yet"),
    ("too much dead air", ["long_pauses_per_min"], "not_yet"),
    ("頭が真っ白になった", ["longest_pause_s", "latency_s"], "done"),  # no freeze in it: done, as before
    ("I froze twice", ["longest_pause_s", "latency_s"], "done"),
    ("言葉に詰まった", ["longest_pause_s", "latency_s"], "done"),
    ("I froze and left too many pauses", ["long_pauses_per_min", "longest_pause_s", "latency_s"], "not_yet"),
])
def test_an_interview_fix_on_silence_is_checked_on_the_long_pauses_not_only_on_a_freeze(fix, figures, verdict):
    from furikaeri import notes as N

    check = N.check_stand(fix, _SILENT, "ja")
    assert [s.metric for s in check.figures] == figures and check.verdict == verdict
    done = N.check_stand(fix, {**_SILENT, "long_pauses_per_min": 0.0, "longest_pause_s": 0.9}, "ja")
    assert done.verdict == "done"  # no long pause left: done whichever was asked


# --------------------------------------------------------------------------- QA s54 AH #2-#4: progress and the report


def _fillers(id_, rate, *, floor=None):
    import dataclasses

    from test_compare_notes import answer

    a = answer(id_, {"answer_s": 40.0, "budget_s": 60.0, "over_budget": False, "over_s": -20.0,
                     "fillers_per_min": None if floor is not None else rate, "filler_count": 0})
    return dataclasses.replace(a, floors={"fillers_per_min": floor}) if floor is not None else a


def test_a_lower_bound_past_the_norm_is_in_the_fillers_trend_and_the_latest_never_a_best():
    """The latest answer's "5.0+" was left out: the trend of the others read "better, into the
    range" and an older 0.0 stood as the latest value, where compare said "worse, left the range"."""
    from furikaeri import progress as P
    from furikaeri.metrics import METRIC_BY_NAME

    metric = METRIC_BY_NAME["fillers_per_min"]
    s = P.series(metric, [_fillers(1, 0.0), _fillers(2, 0.0, floor=5.0)])
    assert [(p.answer_id, p.value, p.floor) for p in s.points] == [(1, 0.0, False), (2, 5.0, True)]
    assert s.latest.answer_id == 2 and s.best.answer_id == 1 and s.trend.verdict == "worse"
    assert s.to_dict()["latest"] == {"answer_id": 2, "at": s.latest.at, "value": 5.0, "floor": True}
    # a bound inside the norm tells nothing: left out, as before, and said so
    s = P.series(metric, [_fillers(1, 0.0), _fillers(2, 0.0, floor=1.5)])
    assert [p.answer_id for p in s.points] == [1]
    block = P._block("t", None, [_fillers(1, 0.0), _fillers(2, 0.0, floor=1.5), _fillers(3, 0.0, floor=5.0)])
    assert block.floored == (2,)  # #3 is in the trend: not said to be left out


def test_progress_shows_the_bound_as_the_latest_and_says_it_is_in_the_trend(tmp_path):
    from rich.console import Console

    from furikaeri import progress as P
    from furikaeri.lang import text
    from furikaeri.report.history import _progress_figures

    answers = [_fillers(1, 3.0), _fillers(2, 0.0), _fillers(3, 0.0, floor=5.0)]
    block = P.ProgressBlock(title="t", question_id=None, language="en", attempts=3, first_at=None, last_at=None,
                            series=(P.series(P.METRIC_BY_NAME["fillers_per_min"], answers),))
    heads, rows = _progress_figures(block, "ja")
    assert rows[0][2].plain == "5.0+回/分"
    from furikaeri.report.history import _say_short

    console = Console(width=200, record=True, color_system=None)
    _say_short(console, block, "ja")
    assert text("ja", "floor_in_trend", answers="#3") in console.export_text()


def test_a_pause_count_within_its_jitter_is_not_blamed_on_the_recogniser():
    from furikaeri.metrics import Change
    from furikaeri.report.history import _verdict

    c = Change("long_pauses_per_min", 6.5, 4.8, -1.7, "same")
    said = _verdict(c, "ja").plain
    assert "聞き取り" not in said
    f = Change("fillers_per_min", 2.5, 1.5, -1.0, "same")
    assert "聞き取り" in _verdict(f, "ja").plain  # a filler is the recogniser's, said so


def test_characters_a_minute_are_shown_for_reference_not_judged():
    from rich.console import Console

    from furikaeri.lang import text
    from furikaeri.measure import Verdict
    from furikaeri.report.terminal import _reference

    console = Console(width=200, record=True, color_system=None)
    console.print(_reference(Verdict("high", "250〜350字/分"), _labels("ja")))
    out = console.export_text()
    assert out.strip() == text("ja", "verdict_reference") + "（250〜350字/分）"
    assert text("ja", "verdict_high") not in out and text("ja", "verdict_fast") not in out


def _labels(lang):
    from furikaeri.lang import get_rules

    return get_rules(lang).labels


# --------------------------------------------------------------------------- QA s54 AJ #1, #4: reflect's and note's prompts


def _in_a_terminal(tmp_path, args, *, controlled: bool = True):
    """``furikaeri ARGS`` in a terminal of its own (a pty; ``controlled``: its session leader, whose
    end is a SIGHUP from the kernel): (the process, the master's fd, the bytes it said so far)."""
    import fcntl
    import pty
    import select
    import termios

    master, slave = pty.openpty()

    def its_own() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = {**os.environ, "FURIKAERI_HOME": str(tmp_path / "home"), "LANG": "C.UTF-8", "TERM": "xterm"}
    env.pop("FURIKAERI_DEBUG", None)
    p = subprocess.Popen([sys.executable, "-m", "furikaeri", *args], stdin=slave, stdout=slave, stderr=slave, env=env,
                         preexec_fn=its_own if controlled else None)
    os.close(slave)
    said = bytearray()

    def drain() -> None:
        while p.poll() is None:
            try:
                if select.select([master], [], [], 0.1)[0]:
                    said.extend(os.read(master, 65536))
            except OSError:
                return

    threading.Thread(target=drain, daemon=True).start()
    return p, master, said


def _wait_for(p, said: bytearray, words: bytes, seconds: float = 60) -> None:
    import time

    deadline = time.monotonic() + seconds
    while words not in said and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert words in said, bytes(said)


_REFLECT_LINES = ["Acme", "first round", "", "Why us?", "their mission"]


def _stopped_at_a_prompt(p, master: int, typed: bytes, stop: str) -> None:
    """``typed`` left unfinished at a prompt, then ``stop``: Ctrl-C, the terminal closed, SIGTERM or SIGHUP."""
    import time

    os.write(master, typed)
    time.sleep(0.3)
    if stop == "ctrl_c":
        os.write(master, b"\x03")
    elif stop == "closed":
        os.close(master)
    else:
        p.send_signal(signal.SIGTERM if stop == "term" else signal.SIGHUP)


@pytest.mark.parametrize("stop, code", [("term", 143), ("hup", 143), ("ctrl_c", 130), ("closed", 143)])
def test_reflect_keeps_what_was_typed_when_stopped_at_a_prompt(tmp_path, stop, code):
    """A terminal closed, a shutdown's SIGTERM or SIGHUP at a reflect prompt killed the program and
    lost the interview typed; Ctrl-C kept it and exited 0 ("the input ended")."""
    from furikaeri.store import Store

    p, master, said = _in_a_terminal(tmp_path, ["reflect"])
    for prompt, line in zip((b"company", b"stage", b"date held", b"Q1", b"what you answered"), _REFLECT_LINES):
        _wait_for(p, said, prompt)
        os.write(master, line.encode() + b"\r")
    _wait_for(p, said, b"Q2")
    _stopped_at_a_prompt(p, master, b"half typed", stop)
    assert p.wait(timeout=60) == code, bytes(said)
    if stop != "closed":
        os.close(master)
    with Store.open(tmp_path / "home") as st:
        [iv] = st.interviews()
    assert iv.company == "Acme" and iv.stage == "first round"
    assert [(i["question"], i["answer"]) for i in iv.items] == [("Why us?", "their mission")]
    if stop != "closed":
        key = "reflect_partial_ctrl_c" if stop == "ctrl_c" else "reflect_partial_signal"
        from furikaeri.lang import text

        assert text("en", key, id=1, cli="furikaeri").split(":")[0].encode() in said and b"Traceback" not in said


@pytest.mark.parametrize("stop, code", [("term", 143), ("ctrl_c", 130), ("closed_uncontrolled", 143)])
def test_note_keeps_the_parts_finished_when_stopped_at_a_prompt(tmp_path, stop, code):
    from furikaeri.store import Store

    home = tmp_path / "home"
    with Store.open(home) as st:
        sid = st.create_session("s")
        aid = st.add_answer(sid, {"transcript": "hello", "language": "en", "answer_s": 30.0, "budget_s": 60.0})
    p, master, said = _in_a_terminal(tmp_path, ["note", str(aid)], controlled=stop != "closed_uncontrolled")
    _wait_for(p, said, b"what went wrong")
    os.write(master, b"ran long\r")
    _wait_for(p, said, b"why")
    os.write(master, b"nervous\r")
    _wait_for(p, said, b"next time")
    # closed_uncontrolled: the window closed under a shell: no SIGHUP from the kernel, the read fails (EIO)
    _stopped_at_a_prompt(p, master, b"half", "closed" if stop == "closed_uncontrolled" else stop)
    assert p.wait(timeout=60) == code, bytes(said)
    if stop != "closed_uncontrolled":
        os.close(master)
    with Store.open(home) as st:
        note = st.answer(aid, full=False).note
    assert (note.wrong, note.why, note.next_time) == ("ran long", "nervous", "")


def test_a_figure_blank_because_the_answer_is_too_short_is_said_too_short_not_a_noisy_room():
    """QA s54 AJ #2: a 0.7-s answer of 90 s has no pace; its note check blamed "a noisy room, or
    fillers in doubt"."""
    from furikaeri import notes as N
    from test_compare_notes import answer

    def paced(id_, seconds, wpm, note=None):
        return answer(id_, {"answer_s": seconds, "budget_s": 90.0, "over_budget": False, "over_s": seconds - 90.0,
                            "wpm": wpm}, note=note)

    fix = N.check_fix(paced(1, 40.0, 150.0, "slow down"), paced(2, 0.7, None).metrics, "en")
    assert fix.verdict == "too_short" and fix.short_in == "latest" and fix.unjudged is None
    assert fix.too_short == ("wpm",)
    # blank for another reason (a noisy room) in an answer long enough: said so, as before
    fix = N.check_fix(paced(1, 40.0, 150.0, "slow down"), paced(2, 40.0, None).metrics, "en")
    assert fix.verdict == "unknown" and fix.unjudged == "latest"


def test_a_pace_trend_whose_median_came_into_the_range_over_answers_as_far_off_is_no_change():
    """QA s54 AI #1: 126, 96, 105 ... 62, 126, 176 wpm read "▲ nearer the range" beside a latest
    176 wpm; the sessions view called the same answers "further off the range"."""
    from furikaeri import progress as P
    from furikaeri.metrics import METRIC_BY_NAME
    from test_compare_notes import answer

    paces = [126.4, 96.3, 105.1, 126.4, 162.5, 61.9, 126.4, 176.2]
    answers = [answer(i + 1, {"answer_s": 60.0, "budget_s": 90.0, "over_budget": False, "over_s": -30.0, "wpm": w})
               for i, w in enumerate(paces)]
    s = P.series(METRIC_BY_NAME["wpm"], answers)
    assert s.trend.verdict != "better", s.trend


def test_a_habit_phrase_of_one_answer_recurs_only_where_it_is_said_again_as_a_habit():
    """QA s54 AI #2: one answer's "things" ×3 (a mishearing of "is") made it a habit, and the noun
    said once in later answers ("making things people use") counted it in 6 of 10."""
    from furikaeri import coach

    said_once = ["I like making things that people use every day.", "When things go wrong I stay calm.",
                 "I build things with my team.", "We fixed things quickly."]
    assert coach.recurring_phrases(said_once, ["things"], "en") == []
    twice = ["I like things, things that people use.", "Things go wrong, things happen.",
             "I build things and other things.", "We fixed things and things."]
    [r] = coach.recurring_phrases(twice, ["things"], "en")
    assert (r.phrase, r.answers) == ("things", 4)
    tics = ["Basically I led the team.", "It was basically fine.", "Basically we won.", "I basically agree."]
    assert [r.phrase for r in coach.recurring_phrases(tics, [], "en")] == ["basically"]  # a listed tic: once is enough


@pytest.mark.parametrize("inside", [True, False])
def test_a_silent_take_a_signal_ended_is_not_left_in_the_archive(tmp_path, monkeypatch, inside):
    """QA s54 AI #3: a speechless take ended by SIGHUP stayed in the archive's audio folder, held by
    no answer and found by no `recover`, under "nothing to analyse later"."""
    import numpy as np
    import soundfile as sf

    from furikaeri.capture import Take
    from furikaeri.cli.live import _terminated
    from furikaeri.lang import text

    home = tmp_path / "home"
    monkeypatch.setenv("FURIKAERI_HOME", str(home))
    folder = home / "audio" if inside else tmp_path / "mine"
    folder.mkdir(parents=True)
    path = folder / "take.wav"
    sf.write(str(path), np.zeros(16000 * 2, dtype="int16"), 16000, subtype="PCM_16")
    take = Take(path=path, duration_s=2.0, rate=16000, channels=1, overflows=0, stopped_by="hangup",
                speech_heard=False)
    with pytest.raises(SystemExit) as e:
        _terminated(take, "en", None, ended_by="hangup")
    assert e.value.code == 143
    assert path.exists() is not inside  # one recorded with --out elsewhere is the person's: kept
    assert text("en", "rec_terminated_silent_dropped") != text("en", "rec_terminated_silent")


def test_a_take_whose_marker_cannot_be_read_is_said_so_and_never_said_cut_off(tmp_path):
    """QA s54 AJ #3: a marker cut short (a full disk, a crash) made `recover` drop the take's
    session and note unsaid and call a take ended by Enter cut off (--cut-off)."""
    import json

    from furikaeri.capture import marker_path
    from furikaeri.lang import text
    from test_s50_signals import CLI, env_with, left_take, need_jfk

    need_jfk()
    home = tmp_path / "home"
    settings = dict(question="en-basic:intro", budget=90, language="auto", save=True, session="mic", note="speak up")
    take = left_take(home / "takes" / "take-20261207-201506-en-basic-intro.wav", settings, "stop")
    marker_path(take).write_text('{"rate": 44100, "chan')
    copy = tmp_path / "copy"
    import shutil

    shutil.copytree(home, copy)
    r = subprocess.run([*CLI, "recover"], env=env_with(home), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    hint = next(line for line in r.stdout.splitlines() if "makes it an answer" in line)
    assert "--cut-off" not in hint and "-q en-basic:intro" in hint  # the question its name gives
    assert text("en", "recover_marker_unreadable") in " ".join(r.stdout.split())
    doc = json.loads(subprocess.run([*CLI, "recover", "--json"], env=env_with(copy), capture_output=True, text=True,
                                    timeout=120).stdout)
    assert doc[0]["marker_unreadable"] is True and doc[0]["settings"] is None
    assert "--cut-off" not in doc[0]["save_command"]


def test_a_damaged_archive_is_promised_readable_only_where_the_reading_commands_show_it(tmp_path):
    """QA s54 AJ #5: a copy cut off inside its list of tables: a save's error said "history, show and
    export still show what can be read of it", and they refused it. Cut at every page: the promise
    and what `history` does agree."""
    import shutil

    from click.testing import CliRunner

    from furikaeri.cli import cli
    from test_compare_notes import make_analysis, save

    home = tmp_path / "home"
    for i in range(4):
        save(home, make_analysis(f"answer number {i} about robots and physics " * 20), session="base",
             note="slow down", minutes=i)
    whole = (home / "furikaeri.db").read_bytes()
    assert len(whole) > 8 * 4096
    disagreed, promised = [], 0
    for size in range(4096, len(whole), 4096):
        cut = tmp_path / f"cut{size}"
        shutil.rmtree(cut, ignore_errors=True)
        cut.mkdir()
        (cut / "furikaeri.db").write_bytes(whole[:size])
        said = CliRunner().invoke(cli, ["--home", str(cut), "note", "1", "--next", "x"]).output
        shown = CliRunner().invoke(cli, ["--home", str(cut), "history"]).exit_code == 0
        promise = "still show what can be read" in " ".join(said.split())
        promised += promise
        if promise and not shown:
            disagreed.append(size)
    assert not disagreed, disagreed


def test_a_note_for_an_answer_deleted_meanwhile_says_so_and_what_was_typed(tmp_path):
    """QA s54 AJ #6 (b): `note 1` finished after `delete 1` in another window said "… saves it once
    that is fixed", a command that can never work (a deleted number is never given again)."""
    from furikaeri.errors import AnswerGone, NoteNotSaved
    from furikaeri.store import Store
    from test_compare_notes import make_analysis, save

    home = tmp_path / "home"
    aid = save(home, make_analysis(), session="s")
    with Store.open(home) as st:
        st.delete_answer(aid)
        with pytest.raises(AnswerGone) as gone:
            st.set_note(aid, wrong="ran long", why="nervous")
    from furikaeri.errors import note_not_saved

    e = note_not_saved(gone.value, aid, {"wrong": "ran long", "why": "nervous", "next_time": None})
    assert isinstance(e, NoteNotSaved)
    said = str(e)
    assert "once that is fixed" not in said and "ran long" in said and "nervous" in said and "deleted" in said
    assert "ran long" in e.said_in("ja") and "削除" in e.said_in("ja")


def test_analyze_json_carries_the_focus_the_screen_leads_with(capsys):
    """QA s54 AI #4: `analyze --json` had no focus, the one figure the report leads with."""
    import json

    from furikaeri.cli.common import emit_analysis
    from furikaeri.coach import focus_of
    from test_compare_notes import make_analysis

    analysis = make_analysis(fillers=10)
    emit_analysis(analysis, True)
    doc = json.loads(capsys.readouterr().out)
    assert doc["focus"] == focus_of(analysis).to_dict() and doc["focus"]["metric"] == "fillers_per_min"
    emit_analysis(make_analysis(), True)
    assert json.loads(capsys.readouterr().out)["focus"] is None  # nothing off: null, not missing


@pytest.mark.parametrize("note", ["1分で話す", "自己紹介を1分で"])
def test_a_note_asking_for_a_minute_aims_at_it_rather_than_capping_it(note):
    """QA s53 AF #6: 「1分で話す」 was a limit, so a 25-s answer "did" it; 「1分で」 asks for about a
    minute, as 「1分で自己紹介をお願いします」 does."""
    from furikaeri import notes as N
    from test_compare_notes import answer

    assert N.note_limit(note) is None and N.note_target(note) == 60.0
    assert N.note_limit("1分以内に話す") == 60.0 and N.note_limit("1分に収める") == 60.0  # a cap said as one

    def long(id_, seconds, note=None):
        return answer(id_, {"answer_s": seconds, "budget_s": 90.0, "over_budget": False, "over_s": seconds - 90.0},
                      note=note)

    fix = N.check_fix(long(1, 85.0, note), long(2, 25.0).metrics, "ja")
    assert fix.verdict != "better" and fix.target_s == 60.0  # 25 s is no minute
    assert N.check_fix(long(1, 85.0, note), long(2, 58.0).metrics, "ja").verdict == "better"


def test_a_fillers_trend_down_to_a_lower_bound_is_not_told():
    """QA s54 AK #4: 8, 9, 8, then "3.0+" read "▲ better": the bound is the least the rate was."""
    from furikaeri import progress as P
    from furikaeri.metrics import METRIC_BY_NAME

    s = P.series(METRIC_BY_NAME["fillers_per_min"],
                 [_fillers(1, 8.0), _fillers(2, 9.0), _fillers(3, 8.0), _fillers(4, 0.0, floor=3.0)])
    assert s.latest.floor and s.trend.verdict == "n/a"
    up = P.series(METRIC_BY_NAME["fillers_per_min"], [_fillers(1, 0.0), _fillers(2, 0.0, floor=5.0)])
    assert up.trend.verdict == "worse"  # up to one: at least that much worse, told


@pytest.mark.parametrize("note, language, point_first", [
    ("get to the point in under 20 seconds", "en", True), ("reach the point in less than 20 seconds", "en", True),
    ("要点を20秒以内に伝える", "ja", True), ("結論を言うまで20秒以内", "ja", True), ("20秒未満で結論を言う", "ja", True),
    ("Get to the point within 20 seconds; I opened with a long story", "en", False),
])
def test_a_time_for_the_point_is_never_a_limit_on_the_answer(note, language, point_first):
    """QA s54 AK #1: "in under 20 seconds", 「要点を20秒以内に伝える」 were a 20-s limit on the whole
    answer (✗ on a 34-s answer whose point came at 8 s); AK #2: on a story-first opening the first
    sentence's end is not the point: not told, never ✓."""
    from furikaeri import notes as N

    assert N.note_limit(note) is None and N.opening_limit(note) == 20.0
    metrics = {"answer_s": 34.3, "budget_s": 60.0, "over_budget": False, "over_s": -25.7, "opening_s": 8.0,
               "opening_share": 0.13}
    check = N.check_stand(note, metrics, language, order="point_first" if point_first else "story_first")
    assert [s.metric for s in check.figures] == ["opening_s"]
    assert check.figures[0].fine is (True if point_first else None)


@pytest.mark.parametrize("fix", ["Too many ums. I froze once", "えーが多かった。頭が真っ白になった", "less hedging; I froze"])
def test_a_freeze_fix_beside_a_filler_clause_is_judged_as_a_freeze(fix):
    """QA s54 AK #3: the "many" of a filler clause made "I froze once" a fix on the long pauses."""
    from furikaeri import notes as N

    check = N.check_stand(fix, {**_SILENT, "long_pauses_per_min": 4.1, "longest_pause_s": 1.2}, "en")
    assert "long_pauses_per_min" not in [s.metric for s in check.figures]
    assert "longest_pause_s" in [s.metric for s in check.figures]


@pytest.mark.parametrize("command", ["history", "progress"])
def test_a_home_that_does_not_exist_is_offered_only_as_a_new_archive(tmp_path, command):
    """QA s54 AL #1: after "no archive in …/hom3: the folder does not exist", "nothing saved yet:
    try `furikaeri --home …/hom3 practice`" led to a second archive in the mistyped folder."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    typo = tmp_path / "hom3"
    out = CliRunner().invoke(cli, ["--home", str(typo), command, "--lang", "en"]).output
    assert "does not exist" in out and "to start a new archive in that folder" in out and not typo.exists()
    home = tmp_path / "home"
    home.mkdir()  # a folder that is there, with nothing saved yet: the hint, as before
    out = CliRunner().invoke(cli, ["--home", str(home), command, "--lang", "en"]).output
    assert "nothing saved yet: try" in out


def test_history_interviews_of_a_mistyped_company_names_the_company_meant(tmp_path):
    """QA s54 AL #3: `history --interviews -c Acmee` said only "nothing saved matches"."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = str(tmp_path / "home")
    r = CliRunner().invoke(cli, ["--home", home, "reflect", "-c", "Acme", "--stage", "first", "-q", "Why us?",
                                 "-a", "their mission", "--no-prompt"])
    assert r.exit_code == 0, r.output
    out = CliRunner().invoke(cli, ["--home", home, "history", "--interviews", "-c", "Acmee", "--lang", "en"]).output
    assert "nothing saved matches" in out and "did you mean 'Acme'?" in out, out


def test_the_english_and_japanese_set_templates_can_both_be_added(tmp_path):
    """QA s54 AL #4: both templates named the set `my-set`: the second was refused, told to --replace the first."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = str(tmp_path / "home")
    for lang in ("en", "ja"):
        template = CliRunner().invoke(cli, ["--home", home, "questions", "template", "--lang", lang]).output
        path = tmp_path / f"t_{lang}.toml"
        path.write_text(template, encoding="utf-8")
        r = CliRunner().invoke(cli, ["--home", home, "questions", "add", str(path)])
        assert r.exit_code == 0, r.output


def test_a_long_pause_far_past_its_threshold_is_no_jitter():
    """QA s54 AK #5: a 5.8-s silence put into an answer with no long pause read "= same (within
    what the pause measure can be off by)" under 「間が長い」."""
    from furikaeri import notes as N
    from furikaeri.metrics import Change

    def pauses(count, longest):
        return {"answer_s": 40.0, "budget_s": 60.0, "long_pauses": count, "long_pauses_per_min": count * 1.5,
                "longest_pause_s": longest}

    c = Change("long_pauses_per_min", 0.0, 1.5, 1.5, "worse")
    assert N.settle_counts(c, pauses(0, 0.8), pauses(1, 5.8)).verdict == "worse"
    assert N.settle_counts(c, pauses(0, 0.9), pauses(1, 1.1)).verdict == "same"  # one near 1 s: may be the measure
    back = Change("long_pauses_per_min", 1.5, 0.0, -1.5, "better")
    assert N.settle_counts(back, pauses(1, 4.0), pauses(0, 0.9)).verdict == "better"


def test_questions_show_of_a_mistyped_company_names_the_company_meant(tmp_path):
    """QA s54 AL #5: `questions show さくら商時` said only "no question set", naming no company."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = str(tmp_path / "home")
    template = CliRunner().invoke(cli, ["--home", home, "questions", "template", "--company", "さくら商事",
                                        "--lang", "ja"]).output
    f = tmp_path / "s.toml"
    f.write_text(template, encoding="utf-8")
    assert CliRunner().invoke(cli, ["--home", home, "questions", "add", str(f)]).exit_code == 0
    r = CliRunner().invoke(cli, ["--home", home, "questions", "show", "さくら商時"])
    assert r.exit_code == 2 and "no question set" in r.output and "'さくら商事'" in r.output, r.output
    r = CliRunner().invoke(cli, ["--home", home, "questions", "show", "nosuch"])
    assert r.exit_code == 2 and "company" not in r.output  # nothing near: the sets' line as it was


def test_company_completion_offers_companies_known_only_from_logged_interviews(tmp_path, monkeypatch):
    """QA s54 AL #8: "Acme", logged with `reflect` and taken by `practice --company Acme`, was not offered."""
    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.cli.common import complete_companies

    home = tmp_path / "home"
    r = CliRunner().invoke(cli, ["--home", str(home), "reflect", "-c", "Acme", "--stage", "first", "-q", "Why?",
                                 "-a", "x", "--no-prompt"])
    assert r.exit_code == 0, r.output
    monkeypatch.setenv("FURIKAERI_HOME", str(home))
    assert [c.value for c in complete_companies(None, None, "ac")] == ["Acme"]
    assert complete_companies(None, None, "zz") == []


def test_a_questions_length_trend_is_judged_against_its_budget_as_compare_judges_it():
    """QA s54 AL #2: 30.4 s, then 22.1 s of a 90-s budget: compare "▼ worse, now too short",
    progress "–"."""
    from furikaeri import progress as P
    from furikaeri.metrics import METRIC_BY_NAME
    from test_compare_notes import answer

    def long(id_, seconds, budget=90.0):
        return answer(id_, {"answer_s": seconds, "budget_s": budget, "over_budget": seconds > budget,
                            "over_s": seconds - budget})

    metric = METRIC_BY_NAME["answer_s"]
    assert P.series(metric, [long(1, 30.4), long(2, 22.1)]).trend.verdict == "worse"
    assert P.series(metric, [long(1, 22.1), long(2, 60.0)]).trend.verdict == "better"
    assert P.series(metric, [long(1, 50.0), long(2, 60.0)]).trend.verdict == "same"  # in range both times
    assert P.series(metric, [long(1, 30.4), long(2, 22.1, 60.0)]).trend.verdict == "n/a"  # two budgets: not told
