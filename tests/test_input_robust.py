"""Bad input at the command line's edges: bytes that are not UTF-8 (typed at a prompt, in an
argument, in a file's name), closed standard streams, Ctrl-C while the program loads, a blank
FURIKAERI_HOME, an unusable models folder, a file where a folder is needed, a microphone that
goes away mid-take. Each gives one clear line (exit code 2, or 130 for Ctrl-C) and keeps what
was typed and saved.

Most run the real process (``python -m furikaeri``), since what matters is what a terminal
sends it: stdin and argv bytes, closed descriptors. The Whisper model is replaced by a
hand-made analysis (:func:`fake_analysis`) in a small launcher (:func:`launcher`), so these
run in the fast suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.cli.streams import repaired, repaired_deep
from furikaeri.store import Store

from conftest import own_take

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
SAMPLE = TESTS.parent / "samples" / "en_greatest_strength.flac"
BAD = "\ufffd"


def fake_analysis(path, question=None, language="en", **_):
    """An analysis of ``path`` as the pipeline would make it, without the model (the file
    checked as the pipeline checks it first)."""
    from furikaeri.analysis import Analysis
    from furikaeri.audio import check_file

    check_file(Path(path))
    from furikaeri.lang import get_rules
    from furikaeri.measure import Pause, Stats, Verdict
    from furikaeri.transcribe import Word

    text = "I stay calm when things go wrong and I fix them one by one".split()
    words = tuple(Word(f" {w}", i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(text))
    rate = get_rules("en").rate_type(wpm=140.0, articulation_wpm=160.0)
    return Analysis(
        file=str(path), language="en", duration_s=21.0, speech_detected=True, latency_s=0.5, answer_s=20.0,
        budget_s=90.0, over_budget=False, transcript=" ".join(text), words=words,
        pauses=(Pause(2.0, 3.5, "long", "mid"),), rate=rate,
        stats=Stats(filler_count=0, fillers_per_min=0.0, long_pauses=1, very_long_pauses=0, longest_pause_s=1.5,
                    word_count=len(words)),
        verdicts={"rate": Verdict("good", "120-160 wpm")}, question=question, model="base",
        warnings=(f"{path} is a test",),
    )


def _patch_model() -> None:
    """The launcher's stand-in for Whisper: ``analyze`` and ``practice`` get :func:`fake_analysis`."""
    from furikaeri import analysis, stream

    analysis.analyze_file = fake_analysis
    stream.analyze_recording = lambda path, progress=None, **kw: fake_analysis(path, **kw)


def launcher(tmp_path: Path) -> Path:
    """A script that runs furikaeri's entry point (as the ``furikaeri`` command does) with the
    model replaced (:func:`_patch_model`)."""
    script = tmp_path / "furikaeri_fake_model.py"
    script.write_text(
        "import sys\n"
        f"sys.path[:0] = [{str(TESTS)!r}, {str(SRC)!r}]\n"
        "import test_input_robust\n"
        "test_input_robust._patch_model()\n"
        "from furikaeri.__main__ import main\n"
        "main()\n")
    return script


def env(home: Path, **extra) -> dict[str, str]:
    e = {**os.environ, "FURIKAERI_HOME": str(home), "LANG": "C.UTF-8", "PYTHONPATH": str(SRC), **extra}
    for var in ("LC_ALL", "LC_MESSAGES", "FURIKAERI_DEBUG", "PYTHONIOENCODING"):
        if var not in extra:
            e.pop(var, None)
    return e


def run(args, home, *, fake_model=False, tmp_path=None, stdin: bytes | None = b"", preexec_fn=None, **extra):
    """Run furikaeri (argument bytes allowed) in a real process: (returncode, stdout bytes, stderr str)."""
    head = [sys.executable, str(launcher(tmp_path))] if fake_model else [sys.executable, "-m", "furikaeri"]
    cmd = head + [os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in args]
    p = subprocess.run(cmd, input=stdin, capture_output=True, env=env(home, **extra), timeout=120,
                       cwd=tmp_path or home.parent, preexec_fn=preexec_fn)
    return p.returncode, p.stdout, p.stderr.decode("utf-8")  # stderr is valid UTF-8 too


def one_error_line(err: str) -> str:
    assert "Traceback" not in err and "unexpected" not in err, err
    lines = [ln for ln in err.splitlines() if ln.startswith("furikaeri: ")]
    assert lines, err
    return lines[-1]


@pytest.fixture
def home(furikaeri_home):
    return furikaeri_home


def answers(home: Path):
    with Store.open(home) as st:
        return st.answers(full=False)


# --------------------------------------------------------------------------- repairing text


def test_repaired_keeps_valid_utf8_and_replaces_the_rest():
    assert repaired("plain あ") == "plain あ"
    assert repaired(os.fsdecode(b"bad \xff")) == "bad " + BAD
    assert repaired(os.fsdecode(b"\xff\xfe")) == BAD * 2
    # a Japanese character, then one cut in half by a Backspace that deleted a byte
    assert repaired(os.fsdecode("あ".encode() + "い".encode()[:2])) == "あ" + BAD
    assert repaired("lone \ud800 surrogate") == "lone " + BAD + " surrogate"
    assert repaired_deep({"a": [os.fsdecode(b"x\xff"), 1, None], os.fsdecode(b"k\xff"): ("y",)}) == \
        {"a": ["x" + BAD, 1, None], "k" + BAD: ("y",)}


# --------------------------------------------------------------------------- prompts


@pytest.mark.parametrize("strict", [False, True], ids=["c-utf8", "strict-utf8-locale"])
def test_bad_bytes_at_a_reflection_prompt_keep_the_answer_and_the_note(home, tmp_path, strict):
    """QA's first defect: an undecodable line typed at "why" threw away the answer just
    recorded and analysed, and the note (saved together): "unexpected UnicodeEncodeError"."""
    extra = {"PYTHONIOENCODING": "utf-8:strict"} if strict else {}  # a ja_JP.UTF-8 terminal's stdin
    takes = [own_take(SAMPLE, tmp_path / "takes") for _ in range(3)]  # one recording is saved once
    rc, out, err = run(["practice", "--set", "en-basic", "-n", "3", "--from-files", *takes,
                        "--reflect"], home, fake_model=True, tmp_path=tmp_path,
                       stdin=b"wrong1\n\xff\xfe\nnext1\n", **extra)
    assert rc == 0, err
    assert "Traceback" not in err and "unexpected" not in err
    saved = answers(home)
    assert len(saved) == 3  # the input ended at the second reflection: every answer is still kept
    with Store.open(home) as st:
        notes = [st.note(a.id) for a in saved]
    first = next(n for n in notes if n is not None)
    # bytes that are no UTF-8 alone are no words: left out (QA s45b U #4, read back as damage)
    assert (first.wrong, first.why, first.next_time) == ("wrong1", "", "next1")


def test_bad_bytes_in_a_reflect_prompt_keep_the_interview(home, tmp_path):
    rc, out, err = run(["reflect", "--prompt", "--json"], home, stdin=b"Acme\nfirst\n\nQ one\n\n\xff\n")
    assert rc == 0, err
    iv = json.loads(out.decode("utf-8"))
    # Q1 "Q one" with an empty answer, then Q2 typed as 0xff, then the input ended: all kept
    assert iv["company"] == "Acme" and [q["question"] for q in iv["items"]] == ["Q one", BAD]


def test_bad_bytes_typed_or_given_to_note_keep_the_words_around_them(home, tmp_path):
    rc, _, err = run(["analyze", SAMPLE, "--save"], home, fake_model=True, tmp_path=tmp_path)
    assert rc == 0, err
    (a,) = answers(home)
    rc, _, err = run(["note", str(a.id)], home, stdin=b"bad \xff\n")
    assert rc == 0, err
    rc, _, err = run(["note", str(a.id), "--next", b"x\xe3\x81\x82\xffy"], home)
    assert rc == 0, err
    with Store.open(home) as st:
        n = st.note(a.id)
    # the words are kept; the byte that is no UTF-8 is left out (QA s45b U #4)
    assert n.wrong == "bad" and n.next_time == "xあy"


def test_bad_bytes_in_options_are_kept_repaired(home, tmp_path):
    rc, out, err = run(["reflect", "-c", b"A\xffB", "-q", b"Q\xff", "--json"], home)
    assert rc == 0, err
    iv = json.loads(out.decode("utf-8"))
    assert iv["company"] == "A" + BAD + "B" and iv["items"][0]["question"] == "Q" + BAD
    rc, out, err = run(["analyze", SAMPLE, "--save", "-q", b"Why \xff?", "--note", b"n\xff", "--session", b"s\xff",
                        "--json"], home, fake_model=True, tmp_path=tmp_path)
    assert rc == 0, err
    (a,) = answers(home)
    assert a.question == "Why " + BAD + "?"
    rc, out, err = run(["practice", "--set", "en-basic", "-n", "1", "--from-files", own_take(SAMPLE, tmp_path),
                        "--no-reflect", "--session", b"p\xff", "--json"], home, fake_model=True, tmp_path=tmp_path)
    assert rc == 0, err
    json.loads(out.decode("utf-8"))
    history = json.loads(run(["history", "--json"], home)[1].decode("utf-8"))
    assert {"s" + BAD, "p" + BAD} <= {s["name"] for s in history}


def test_a_file_name_that_is_not_utf8_is_opened_shown_and_saved(home, tmp_path):
    """The real path opens the file; what is shown, printed as JSON and stored is repaired."""
    bad = tmp_path / os.fsdecode(b"bad\xffname.flac")
    bad.write_bytes(SAMPLE.read_bytes())
    rc, out, err = run(["analyze", "--json", bad], home, fake_model=True, tmp_path=tmp_path)
    assert rc == 0, err
    doc = json.loads(out.decode("utf-8"))  # valid UTF-8: no raw 0xff
    assert doc["file"] == str(tmp_path / ("bad" + BAD + "name.flac"))
    rc, out, err = run(["analyze", bad], home, fake_model=True, tmp_path=tmp_path)  # the report
    assert rc == 0, err
    assert ("bad" + BAD + "name") in out.decode("utf-8")
    rc, out, err = run(["analyze", "--save", bad], home, fake_model=True, tmp_path=tmp_path)
    assert rc == 0, err
    again = tmp_path / os.fsdecode(b"bad\xffagain.wav")  # another take (analyze saved this one already)
    again.write_bytes(own_take(SAMPLE, tmp_path / "takes").read_bytes())
    rc, out, err = run(["practice", "--set", "en-basic", "-n", "1", "--from-files", again, "--no-reflect"], home,
                       fake_model=True, tmp_path=tmp_path)
    assert rc == 0, err
    saved = answers(home)
    assert len(saved) == 2 and all(Path(a.audio_path).exists() for a in saved)
    missing = tmp_path / os.fsdecode(b"gone\xff.wav")
    rc, out, err = run(["analyze", missing], home)
    assert rc == 2 and "gone" + BAD + ".wav" in one_error_line(err)


def test_reflect_checks_the_recording_before_asking_anything(home, tmp_path):
    garbage = tmp_path / "garbage.wav"
    garbage.write_bytes(b"not audio at all" * 10)
    for recording in (garbage, tmp_path / "missing.wav"):
        rc, out, err = run(["reflect", "--prompt", "--recording", recording], home,
                           stdin=b"Acme\nfirst\nQ one\nA one\n\nok\nw\nf\n")
        assert rc == 2
        line = one_error_line(err)
        assert recording.name in line
        assert "company" not in err  # nothing was asked, so nothing typed was lost
    assert not (home / "furikaeri.db").exists() or run(["history", "--interviews", "--json"], home)[1].strip() in (
        b"[]", b"")


# --------------------------------------------------------------------------- Ctrl-C while loading


def test_ctrl_c_while_the_command_line_loads_is_one_line(tmp_path, home):
    """A Ctrl-C in the first tenth of a second met the imports: a traceback and death by
    signal. Staged deterministically: the import of the CLI raises KeyboardInterrupt (also
    wrapped, as Python does when it meets a class being made)."""
    for raise_it in ("raise KeyboardInterrupt",
                     "raise RuntimeError('Error calling __set_name__') from KeyboardInterrupt()"):
        script = tmp_path / "ctrl_c.py"
        script.write_text(
            "import sys\n"
            f"sys.path.insert(0, {str(SRC)!r})\n"
            "class Interrupt:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'furikaeri.cli.app':\n"
            f"            {raise_it}\n"
            "sys.meta_path.insert(0, Interrupt())\n"
            "from furikaeri.__main__ import main\n"
            "sys.argv = ['furikaeri', 'history']\n"
            "main()\n")
        p = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env(home), timeout=60)
        assert p.returncode == 130, p.stderr
        assert p.stderr == "furikaeri: interrupted\n"


SCRIPT = Path(sys.executable).parent / "furikaeri"


@pytest.mark.parametrize("how", ["python -m", "script"])
def test_ctrl_c_soon_after_start_is_not_a_traceback(home, tmp_path, how):
    """The real thing, a few times from 20 ms on, through ``python -m furikaeri`` and the
    installed ``furikaeri`` command. (A traceback that names none of furikaeri's modules came
    while Python itself was starting, before any of our code: nothing to do about it.)"""
    if how == "script":
        if not SCRIPT.exists() or "furikaeri.__main__" not in SCRIPT.read_text():
            pytest.skip("the installed furikaeri command predates the lazy entry: run `pip install -e .`")
        cmd = [str(SCRIPT), "history"]
    else:
        cmd = [sys.executable, "-m", "furikaeri", "history"]
    for delay in (0.02, 0.05, 0.08, 0.1, 0.15):
        # a signal's moment is a race with the process (a loaded machine moves where it lands):
        # each delay may take three tries; a fault of ours shows in every one
        seen = [_interrupted_at(cmd, env(home), delay) for _ in range(3)]
        assert any(s is None for s in seen), (delay, seen)


def _interrupted_at(cmd, environ, delay: float):
    """None when Ctrl-C ``delay`` s after ``cmd`` starts ends it as it should (or it finished
    first, or Python was still starting); else what went wrong: ``(exit code, stderr)``."""
    p = subprocess.Popen(cmd, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(delay)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    if p.returncode == 0:  # it finished first
        return None
    ours = "furikaeri/cli/" in err or "furikaeri/__main__.py" in err
    if p.returncode == -signal.SIGINT and not ours:
        return None  # before our code ran (Python starting, or finding the package)
    if p.returncode == 1 and "Fatal Python error: init_import_site" in err and not ours:
        return None  # Python itself interrupted while importing `site`, before any code of ours
    if p.returncode == 130 and "Traceback" not in err and err.strip().splitlines()[-1] == "furikaeri: interrupted":
        return None
    return p.returncode, err


def test_the_console_script_is_the_lazy_entry():
    import tomllib

    doc = tomllib.loads((TESTS.parent / "pyproject.toml").read_text())
    assert doc["project"]["scripts"]["furikaeri"] == "furikaeri.__main__:main"
    import furikaeri.__main__ as entry  # importing it runs nothing

    assert callable(entry.main)


# --------------------------------------------------------------------------- closed streams


def _close(fd):
    return lambda: os.close(fd)


def test_closed_stdout_is_an_error_and_keeps_what_was_saved(home, tmp_path):
    rc, _, err = run(["history"], home, preexec_fn=_close(1))
    assert rc == 2
    assert "standard output is closed" in one_error_line(err)
    rc, _, err = run(["analyze", SAMPLE, "--save"], home, fake_model=True, tmp_path=tmp_path, preexec_fn=_close(1))
    assert rc == 2 and "standard output is closed" in one_error_line(err)
    assert len(answers(home)) == 1  # saved all the same
    rc, _, err = run(["note", str(answers(home)[0].id), "--next", "slow down"], home, preexec_fn=_close(1))
    assert rc == 2
    with Store.open(home) as st:
        assert st.note(answers(home)[0].id).next_time == "slow down"


def test_closed_stderr_keeps_the_exit_code(home, tmp_path):
    garbage = tmp_path / "garbage.wav"
    garbage.write_bytes(b"garbage\n")
    rc, out, _ = run(["analyze", garbage], home, preexec_fn=_close(2))
    assert rc == 2 and out == b""
    rc, out, _ = run(["history", "--json"], home, preexec_fn=_close(2))
    assert rc == 0 and json.loads(out) == []


def test_closed_stdin_at_a_prompt_is_the_input_ending(home):
    rc, _, err = run(["reflect", "--prompt"], home, stdin=None, preexec_fn=_close(0))
    assert rc == 2
    assert "the input ended" in one_error_line(err)


# --------------------------------------------------------------------------- folders


def test_a_file_where_a_folder_is_needed_is_said_in_english_too(tmp_path, home):
    blocker = tmp_path / "homefile"
    blocker.write_text("a file")
    r = CliRunner().invoke(cli, ["record", "--out", str(blocker / "x.wav"), "--max-seconds", "1"])
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() == f"furikaeri: error: {blocker} is not a folder (a file of that name is in the way)"
    r = CliRunner().invoke(cli, ["record", "--out", str(blocker / "x.wav"), "--max-seconds", "1"],
                           env={"LANG": "ja_JP.UTF-8"})
    assert r.stderr.strip() == f"furikaeri: エラー: {blocker} はフォルダではありません（同じ名前のファイルがあります）"


@pytest.mark.parametrize("blank", [" ", "\t  "])
def test_a_blank_furikaeri_home_is_refused_like_a_blank_home_option(tmp_path, home, blank):
    rc, _, err = run(["history"], home, FURIKAERI_HOME=blank)
    assert rc == 2
    assert one_error_line(err) == ("furikaeri: error: FURIKAERI_HOME is blank: set it to the archive folder "
                                   "(or unset it for the usual one)")
    assert not (tmp_path / blank).exists() and not (home.parent / blank).exists()
    rc, _, err = run(["--home", blank, "history"], home)
    assert rc == 2 and "--home is empty" in one_error_line(err)
    rc, out, err = run(["--home", str(home), "history", "--json"], home, FURIKAERI_HOME=blank)  # --home wins
    assert rc == 0, err


def test_an_unusable_models_folder_is_named(tmp_path):
    from furikaeri.errors import ModelError
    from furikaeri.models import _writable_models_dir

    with pytest.raises(ModelError, match=r"the models folder /proc/nonexist cannot be used: it does not exist "
                                         r"and cannot be created; set FURIKAERI_MODELS"):
        _writable_models_dir(Path("/proc/nonexist"), Path("/proc/nonexist/base"))
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    with pytest.raises(ModelError, match="is a file, not a folder") as e:
        _writable_models_dir(blocker, blocker / "base")
    assert "FURIKAERI_MODELS" in e.value.ja and str(blocker) in e.value.ja
    _writable_models_dir(tmp_path / "models", tmp_path / "models" / "base")  # made
    assert (tmp_path / "models" / "base").is_dir()


def test_an_unusable_models_folder_through_the_cli(tmp_path, home):
    from furikaeri.models import _BASE_PARTS, _package_dir

    if any(_package_dir(m) is None for m in _BASE_PARTS):
        pytest.skip("the base model's packages are not installed: the missing packages are said first")
    rc, _, err = run(["analyze", SAMPLE], home, FURIKAERI_MODELS="/proc/nonexist")
    assert rc == 2
    line = one_error_line(err)
    assert "models folder /proc/nonexist" in line and "reinstall" not in line


# --------------------------------------------------------------------------- a microphone that goes away

try:
    from pulse_fixture import pulse  # noqa: F401  (fixture: a private PulseAudio microphone)
except ImportError:  # pragma: no cover
    @pytest.fixture
    def pulse():
        pytest.skip("tests/pulse_fixture.py (the private PulseAudio microphone) is missing")


@pytest.mark.mic
def test_an_unplugged_microphone_says_the_command_that_saves_the_take(pulse, tmp_path):
    """No PortAudio/ALSA lines on stderr, and the hint is the whole command, with --save."""
    out = tmp_path / "cut.wav"
    e = {**pulse.env, "FURIKAERI_HOME": str(tmp_path / "home"), "PYTHONPATH": str(SRC)}
    e.pop("FURIKAERI_DEBUG", None)
    p = subprocess.Popen([sys.executable, "-m", "furikaeri", "record", "--max-seconds", "20", "--out", str(out),
                          "--save", "-q", "Tell me about yourself", "--note", "lead with it"], env=e,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 15
    while not (out.exists() and out.stat().st_size > 44 + 16000):
        assert time.monotonic() < deadline, "the take never started"
        time.sleep(0.05)
    time.sleep(1.0)
    pulse.remove_microphone()
    _, err = p.communicate(timeout=60)
    assert p.returncode == 2, err
    assert "Expression" not in err and "pa_linux_alsa" not in err and "ALSA lib" not in err, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("furikaeri: error: the microphone") and "stopped delivering audio" in last
    assert f"save it with `furikaeri analyze {out} --cut-off -q en-basic:intro" in last  # cut (QA s51 RR #3)
    assert "--save --note 'lead with it'`" in last


def test_the_output_repair_writes_bytes_a_utf8_stream_takes():
    """QA: the handler gave U+FFFD back as text, which CPython's UTF-8 encoder refuses from a
    handler: a question file or --home named with such bytes ended in "unexpected UnicodeEncodeError"."""
    from furikaeri.cli.streams import REPAIR

    assert "set\udcff".encode("utf-8", REPAIR) == "set\ufffd".encode("utf-8")
    assert "set\udcff".encode("ascii", REPAIR) == b"set?"


def test_a_blank_models_folder_is_refused_like_a_blank_home(tmp_path):
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", str(tmp_path / "x.wav")],
                           env={"FURIKAERI_MODELS": " "})
    assert r.exit_code == 2 and "FURIKAERI_MODELS is blank" in r.output
    assert not (Path.cwd() / " ").exists()
