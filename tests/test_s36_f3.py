"""Session 36, helper f3: `record --save` checks the note on the question's earlier attempt as
`analyze --save` does (QA s36 B #1); keys typed during a take or its analysis answer no later
prompt and end no later take (QA s36 A #5); an answer the recording cut off is said so in
history and progress, never "short" (QA s36 B #7)."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from pulse_fixture import pulse  # noqa: F401  (fixture)
from test_input_robust import SAMPLE, fake_analysis, launcher
from ttys import Screen

QUESTION = "en-basic:weakness"
NOTE = "keep it under 15 seconds"


def invoke(args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


# --------------------------------------------------------------------------- B #1: record --save's note check


def _fake_model(monkeypatch):
    """The model replaced by the tests' hand-made analysis (20 s of speech), for analyze and record."""
    from furikaeri import analysis, stream

    monkeypatch.setattr(analysis, "analyze_file", fake_analysis)
    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: fake_analysis(path, **kw))


def _microphone_plays(monkeypatch, sample: Path = SAMPLE):
    """`record`'s microphone: the take (a real WAV, written where the recorder writes it) is
    ``sample``, ended with Enter; everything after the recording itself is the real path."""
    import soundfile as sf

    from furikaeri import capture
    from furikaeri.audio import load_audio
    from furikaeri.cli import live

    mic = capture.Device(index=0, name="default", default_rate=16000, channels=1, is_default=True)
    monkeypatch.setattr(capture, "resolve_device", lambda device: mic)

    def recorded(path, dev, **_):
        audio = load_audio(sample)
        sf.write(str(path), audio.samples, 16000, subtype="PCM_16")
        return capture.Take(path=Path(path), duration_s=len(audio.samples) / 16000, rate=16000, channels=1,
                            overflows=0, stopped_by="stop", speech_heard=True)

    monkeypatch.setattr(live, "_record", recorded)


def _noted_first(home: Path) -> None:
    """The question's first attempt, saved with the note the next attempt is checked against."""
    r = invoke(["--home", home, "analyze", SAMPLE, "--save", "-q", QUESTION, "--budget", "30", "--note", NOTE])
    assert r.exit_code == 0, r.output


def test_record_save_says_whether_the_note_was_followed(tmp_path, monkeypatch):
    """QA s36 B #1: record --save said only the `compare` hint; analyze --save of the same take
    says how the figure the note was about moved."""
    _fake_model(monkeypatch)
    _microphone_plays(monkeypatch)
    home = tmp_path / "home"
    _noted_first(home)
    r = invoke(["--home", home, "record", "--no-stream", "-q", QUESTION, "--budget", "30", "--save"])
    assert r.exit_code == 0, r.output
    assert "saved as answer 2" in r.output and "compare 1 2" in r.output
    assert "length (your limit 15 s): 20.0 s → 20.0 s" in r.output, r.output
    assert not list((home / "takes").glob("*.wav"))  # saved: it went from takes/ (QA s51 TT #6)
    take = next((home / "audio").glob("*-take-*.wav"))
    # the same take through analyze --save, in an archive of the first attempt alone: the same check
    other = tmp_path / "other"
    _noted_first(other)
    said = invoke(["--home", other, "analyze", take, "-q", QUESTION, "--budget", "30", "--save"]).output
    check = said[said.index("your previous attempt"):].splitlines()[1:]
    assert check and "\n".join(check) in r.output


def test_record_save_json_carries_the_note_check_as_analyze_does(tmp_path, monkeypatch):
    """QA s36 B #1: `record --save --json` had no `fix` key; analyze --save --json and practice
    --json carry it."""
    _fake_model(monkeypatch)
    _microphone_plays(monkeypatch)
    docs = []
    for name in ("r", "a"):  # the take record made, analysed with --save in an archive of the first attempt
        command = ["record", "--no-stream"] if name == "r" else ["analyze", next((tmp_path / "r" / "audio").glob("*-take-*"))]
        home = tmp_path / name
        _noted_first(home)
        r = invoke(["--home", home, *command, "-q", QUESTION, "--budget", "30", "--save", "--json"])
        assert r.exit_code == 0, r.output
        docs.append(json.loads(r.stdout))
    recorded, analysed = docs
    assert recorded["fix"] is not None and recorded["fix"]["note"] == NOTE
    assert recorded["fix"] == analysed["fix"]
    assert recorded["fix"]["changes"][0]["metric"] == "answer_s"


def test_record_save_json_of_a_silent_take_has_the_fix_key(tmp_path, monkeypatch):
    """A take with no speech: the document keeps analyze --save's shape (``fix`` null)."""
    from furikaeri import analysis

    _microphone_plays(monkeypatch)
    monkeypatch.setattr(analysis, "analyze_file", lambda path, **kw: dataclasses.replace(
        fake_analysis(path, **kw), speech_detected=False))
    r = invoke(["--home", tmp_path / "h", "record", "--no-stream", "-q", QUESTION, "--save", "--json"])
    assert r.exit_code == 2
    assert json.loads(r.stdout)["fix"] is None


def _run_fake(tmp_path, args, env, **kw):
    return subprocess.Popen([sys.executable, str(launcher(tmp_path)), *map(str, args)], env=env, **kw)


@pytest.mark.mic
def test_record_save_from_the_microphone_checks_the_note(pulse, tmp_path):  # noqa: F811
    """Through the real capture path (PortAudio, a private PulseAudio microphone), the model
    replaced: record --save says the note check, and its JSON carries ``fix``."""
    env = {**pulse.env, "FURIKAERI_HOME": str(tmp_path / "home"), "LANG": "C.UTF-8",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    env.pop("FURIKAERI_DEBUG", None)
    first = _run_fake(tmp_path, ["analyze", SAMPLE, "--save", "-q", QUESTION, "--budget", "30", "--note", NOTE], env,
                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert first.wait(120) == 0, first.communicate()[1]
    p = _run_fake(tmp_path, ["record", "--no-stream", "--max-seconds", "1.5", "-q", QUESTION, "--budget", "30",
                             "--save", "--json"], env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stdout, stderr = p.communicate(timeout=120)
    assert p.returncode == 0, stderr
    assert "time limit reached" in stderr and "saved as answer 2" in stderr
    assert json.loads(stdout)["fix"]["note"] == NOTE


# --------------------------------------------------------------------------- A #5: type-ahead


def test_keys_typed_before_a_take_do_not_end_it():
    """QA s36 A #5: an Enter typed while the last answer was analysed does not end the next
    take as it begins (on a POSIX terminal tty.setcbreak's TCSAFLUSH already dropped it; this
    holds it, whatever sets the terminal up)."""
    import pty

    from furikaeri.cli import live

    master, slave = pty.openpty()
    try:
        with open(slave, "r", closefd=False) as terminal:
            os.write(master, b"\n")  # typed ahead
            time.sleep(0.1)
            saved, sys.stdin = sys.stdin, terminal
            try:
                with live._EnterKey() as keys:
                    assert not keys.pressed()
                    os.write(master, b"\n")  # pressed during the take: ends it
                    time.sleep(0.1)
                    assert keys.pressed()
            finally:
                sys.stdin = saved
    finally:
        os.close(master)
        os.close(slave)


def test_lines_piped_in_are_all_kept():
    """Standard input that is no terminal (a script feeding the prompts) loses nothing."""
    from furikaeri.cli.streams import discard_typeahead

    read, write = os.pipe()
    os.write(write, b"wrong\nwhy\n")
    os.close(write)
    with open(read, "r") as piped:
        saved, sys.stdin = sys.stdin, piped
        try:
            discard_typeahead()
            assert piped.read() == "wrong\nwhy\n"
        finally:
            sys.stdin = saved


def _slow_launcher(tmp_path: Path) -> Path:
    """The fake-model launcher, its analysis taking a second (time to type ahead in)."""
    script = launcher(tmp_path)
    body = script.read_text().replace(
        "test_input_robust._patch_model()\n",
        "test_input_robust._patch_model()\n"
        "import time\n"
        "from furikaeri import analysis\n"
        "_fast = analysis.analyze_file\n"
        "analysis.analyze_file = lambda *a, **k: (time.sleep(1.5), _fast(*a, **k))[1]\n")
    script.write_text(body)
    return script


def test_keys_typed_during_the_analysis_answer_no_reflection_prompt(tmp_path):
    """QA s36 A #5: an Enter pressed just as the take stopped was read as an empty 'what went
    wrong', and every part typed after it landed one field late."""
    import pty

    home = tmp_path / "home"
    env = {**os.environ, "FURIKAERI_HOME": str(home), "LANG": "C.UTF-8", "COLUMNS": "100", "LINES": "40",
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    env.pop("FURIKAERI_DEBUG", None)
    master, slave = pty.openpty()
    os.write(master, b"\n")  # the Enter pressed as the take ended, before the report came
    p = subprocess.Popen([sys.executable, str(_slow_launcher(tmp_path)), "practice", "--set", "en-basic", "-n", "1",
                          "--from-files", str(SAMPLE), "--reflect"], env=env, stdin=slave, stdout=slave,
                         stderr=slave, close_fds=True)
    os.close(slave)
    screen = Screen(master)
    for prompt, typed in (("what went wrong: ", b"rambled\n"), ("why: ", b"no plan\n"), ("next time: ", b"one point\n")):
        deadline = time.monotonic() + 60
        while prompt not in screen.text and time.monotonic() < deadline:
            time.sleep(0.05)
        assert prompt in screen.text, screen.text[-2000:]
        time.sleep(0.2)
        os.write(master, typed)
    assert p.wait(60) == 0, screen.text[-2000:]
    screen.join()
    os.close(master)
    from furikaeri.store import Store

    with Store.open(home) as store:
        note = store.answer(1).note
    assert (note.wrong, note.why, note.next_time) == ("rambled", "no plan", "one point")


# --------------------------------------------------------------------------- B #7: a take the recorder cut


def _archive(home: Path, lengths) -> None:
    """Answers to one question on a 60-s budget, (length, cut off by the recording) each."""
    from furikaeri.session import save_analysis

    a = fake_analysis(SAMPLE, question="What is your greatest strength?")
    for answer_s, cut in lengths:
        save_analysis(dataclasses.replace(a, answer_s=answer_s, budget_s=60.0, cut_short=cut, over_budget=False),
                      audio_path=SAMPLE, session="cut", question="What is your greatest strength?", note=None,
                      home=home, settings={})


@pytest.mark.parametrize("lang, cut_said, short_said", [
    ("en", "† the recording stopped before the answer did", "* an answer under 30% of its budget"),
    ("ja", "† 回答の途中で録音が止まった回答", "* 持ち時間の30%未満の短い回答")])
def test_history_marks_a_cut_take_as_cut_not_short(tmp_path, lang, cut_said, short_said):
    """QA s36 B #7: a take the time limit stopped at 10.4 s of 60 read `10.4/60  0.0*  202*`
    with the footnote 'an answer under 30% of its budget'."""
    home = tmp_path / "h"
    _archive(home, [(40.0, False), (10.4, True)])
    r = invoke(["--home", home, "history", "--lang", lang], terminal_width=120)
    assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())
    assert "10.4/60†" in r.output and "0.0†" in r.output and "140†" in r.output
    assert cut_said in said and short_said not in said and "*" not in r.output
    _archive(home, [(8.0, False)])  # a short answer beside it: each mark its own footnote
    said = " ".join(invoke(["--home", home, "history", "--lang", lang], terminal_width=120).output.split())
    assert cut_said in said and short_said in said


def test_progress_says_a_cut_take_apart_from_short_answers(tmp_path):
    """QA s36 B #7: progress counted the cut take among the 'short' answers. It is said as cut,
    and its length (the recording's, not the answer's) is in no trend."""
    home = tmp_path / "h"
    _archive(home, [(40.0, False), (10.4, True), (8.0, False), (45.0, False), (50.0, True)])
    r = invoke(["--home", home, "progress", "--json"])
    block = json.loads(r.stdout)["overall"][0]
    assert (block["short_answers"], block["cut_answers"]) == (1, 2)
    length = next(s for s in block["series"] if s["metric"] == "answer_s")
    assert [p["answer_id"] for p in length["points"]] == [1, 3, 4]
    pace = next(s for s in block["series"] if s["metric"] == "wpm")
    assert [p["answer_id"] for p in pace["points"]] == [1, 4, 5]  # 50 s recorded: its rates count
    for lang, short, cut in (("en", "1 answer under 30%", "2 answers the recording stopped before they ended"),
                             ("ja", "短い回答1件", "回答の途中で録音が止まった回答2件")):
        said = "".join(invoke(["--home", home, "progress", "--lang", lang], terminal_width=120).output.split())
        assert "".join(short.split()) in said and "".join(cut.split()) in said


@pytest.mark.parametrize("lang, said", [("en", "10.4 s on a 60 s budget (cut off: the recording stopped first)"),
                                        ("ja", "10.4秒（持ち時間60秒、途中で録音が停止）")])
def test_the_last_figures_say_a_cut_take_was_cut(lang, said):
    """The line before a question asked again ("last time: ...") says the take was cut, not short."""
    from furikaeri.report.history import figures_line

    metrics = {"answer_s": 10.4, "budget_s": 60.0, "over_budget": None, "over_s": None, "wpm": 202.0,
               "fillers_per_min": 0.0}
    line = figures_line(metrics, "en", lang)
    assert line.startswith(said) and "202" not in line


def test_a_line_typed_ahead_is_said_not_kept_and_a_bare_enter_is_not(tmp_path):
    """QA s46 X #7: a note typed while the answer was analysed showed on the screen, then the
    prompt came up empty, nothing said. A bare Enter (the take's end) is no note."""
    import pty

    from furikaeri.cli.streams import discard_typeahead

    master, slave = pty.openpty()
    try:
        with open(slave, "r", closefd=False) as tty:
            saved, sys.stdin = sys.stdin, tty
            try:
                os.write(master, b"\n")
                time.sleep(0.1)
                assert discard_typeahead() is False
                os.write(master, "結論が遅い\n".encode())
                time.sleep(0.1)
                assert discard_typeahead() is True
                os.write(master, b"half typed")
                time.sleep(0.1)
                assert discard_typeahead() is False  # a line not ended cannot be seen; it goes all the same
            finally:
                sys.stdin = saved
    finally:
        os.close(master)
        os.close(slave)
