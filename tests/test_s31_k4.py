"""Session 31, helper k4: recover's command carries the take's settings, Ctrl-C's exit code,
budget words (半), UI lines in the UI language, -q NUMBER everywhere, the --note count line."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from furikaeri import capture
from furikaeri.cli import cli


def invoke(args, **kwargs):
    return CliRunner().invoke(cli, args, **kwargs)


def _killed(path: Path, seconds: float = 1.5) -> None:
    """What a SIGKILL leaves of a take the recorder was writing: its audio on disk, the header
    behind, the marker still there (its lock released with the process)."""
    w = capture._TakeWriter(path, 16000, 1)
    t = np.arange(int(16000 * seconds)) / 16000
    voice = 0.3 * np.sin(2 * np.pi * 220 * t) * (t > 0.5)  # half a second of a quiet room, then a voice
    room = 0.0005 * np.random.default_rng(0).standard_normal(len(t))
    w.append((32767 * (voice + room)).astype("<i2").tobytes())
    os.close(w.fd)
    os.close(w.marker_fd)


def _fake_recording(monkeypatch, where: list):
    """record_listening as a SIGKILL mid-take leaves it: the take written through the real
    writer (so the marker is the recorder's), then the process gone (here: SystemExit 137)."""
    from furikaeri.cli import live

    def killed(out_path, **_):
        where.append(Path(out_path))
        _killed(Path(out_path))
        raise SystemExit(137)

    monkeypatch.setattr(live, "record_listening", killed)


def _hint(output: str) -> list[str]:
    """The command recover suggests, as the shell would split it."""
    line = " ".join(output.split())
    said = line.split("`")[1]
    return shlex.split(said)


def test_recover_carries_what_record_was_given(furikaeri_home, monkeypatch):
    """QA: `record -q "Tell me about yourself" --budget 60` killed: recover's command had only
    -q (judged against the question's 90 s); a typed question had nothing at all."""
    taken: list[Path] = []
    _fake_recording(monkeypatch, taken)
    r = invoke(["record", "-q", "Tell me about yourself", "--budget", "60"])
    assert r.exit_code == 137
    r = invoke(["record", "-l", "ja", "-q", "あなたの強みは何ですか 'だと'", "--budget", "45", "--save",
                "--note", "結論から話す", "--model", "tiny", "--session", "模擬 1"])
    assert r.exit_code == 137
    assert capture.settings_of(taken[0])["budget"] == 60  # in the marker, beside the take
    r = invoke(["recover"])
    assert r.exit_code == 0, r.output
    first, second = [_hint(block) for block in r.output.split("repaired ")[1:]]
    assert first == ["furikaeri", "analyze", str(taken[0]), "--save", "--cut-off", "-q", "en-basic:intro", "--budget", "60"]
    assert second == ["furikaeri", "analyze", str(taken[1]), "--save", "--cut-off", "-q", "あなたの強みは何ですか 'だと'",
                      "--budget", "45", "-l", "ja", "--model", "tiny", "--session", "模擬 1", "--note", "結論から話す"]


def test_recover_carries_what_practice_was_given(furikaeri_home, monkeypatch):
    """QA: practice --set ja-basic -n 2 --budget 40 --note .. killed: only --save -q KEY."""
    from furikaeri.cli import practice_cmd

    monkeypatch.setattr(practice_cmd, "_check_microphone", lambda device: device)
    taken: list[Path] = []
    _fake_recording(monkeypatch, taken)
    r = invoke(["practice", "--set", "ja-basic", "-n", "2", "--budget", "40", "--note", "結論から話す",
                "--no-reflect", "--session", "本番前"])
    assert r.exit_code == 137, r.output
    r = invoke(["--home", str(furikaeri_home), "recover"])
    said = _hint(r.output)
    assert said[:6] == ["furikaeri", "--home", str(furikaeri_home), "analyze", str(taken[0]), "--save"]
    assert said[6:] == ["--cut-off", "-q", "ja-basic:jikoshokai", "--budget", "40", "-l", "ja", "--session", "本番前",
                        "--note", "結論から話す"]


def test_an_old_marker_and_an_edited_one_still_recover(furikaeri_home):
    """A marker written before markers held settings gives the -q its name says; settings of the
    wrong type (a marker edited by hand) are left out, never put in the command."""
    takes = furikaeri_home / "takes"
    takes.mkdir(parents=True)
    old = takes / "take-20261204-191630-en-basic-strength.wav"
    _killed(old)
    capture.marker_path(old).write_text(json.dumps({"rate": 16000, "channels": 1, "pid": 1}))
    odd = takes / "take-20261204-191700.wav"
    _killed(odd)
    capture.marker_path(odd).write_text(json.dumps({"rate": 16000, "channels": 1, "settings": {
        "question": 5, "budget": "; rm -rf ~", "language": "xx", "note": {"next_time": "短く", "x": 3},
        "session": True}}))
    r = invoke(["recover"])
    assert r.exit_code == 0, r.output
    first, second = [_hint(block) for block in r.output.split("repaired ")[1:]]
    assert first == ["furikaeri", "analyze", str(old), "--save", "--cut-off", "-q", "en-basic:strength"]
    assert second == ["furikaeri", "analyze", str(odd), "--save", "--cut-off", "--note", "短く"]


# --------------------------------------------------------------------------- 2: Ctrl-C exits with 130


def _taken(monkeypatch, stops: list[str], sigint_in_analysis: bool = False):
    """record_listening as a person at the microphone makes it: each take ended by ``stops``
    in turn (``interrupt``: Ctrl-C, ``stop``: Enter); with ``sigint_in_analysis``, Ctrl-C is
    pressed again while the answer is being heard. The analysis is the test stand-in's."""
    import signal

    from furikaeri.cli import live, practice_cmd
    from test_input_robust import fake_analysis

    monkeypatch.setattr(practice_cmd, "_check_microphone", lambda device: device)

    def listening(out_path, *, analysis, **_):
        _killed(Path(out_path))
        capture.recover_take(Path(out_path))
        take = capture.Take(Path(out_path), 1.5, 16000, 1, 0, stops.pop(0), True)

        def finish(progress=None):
            if sigint_in_analysis:
                os.kill(os.getpid(), signal.SIGINT)
            return fake_analysis(out_path, question=analysis.get("question"))

        return take, finish

    monkeypatch.setattr(live, "record_listening", listening)


def test_practice_cut_short_by_ctrl_c_exits_130_with_the_answer_saved(furikaeri_home, monkeypatch):
    """QA: Ctrl-C that ended a practice session after its first of two answers exited 0."""
    _taken(monkeypatch, ["interrupt", "stop"])
    r = invoke(["practice", "--set", "en-basic", "-n", "2", "--no-reflect", "--json"])
    assert r.exit_code == 130, r.output
    doc = json.loads(r.stdout)
    assert doc["ended_after"] == 1 and doc["answers"][0]["answer_id"] == 1
    _taken(monkeypatch, ["stop", "stop"])  # Enter each time: the session runs to its end
    assert invoke(["practice", "--set", "en-basic", "-n", "2", "--no-reflect"]).exit_code == 0


def test_ctrl_c_while_the_answer_is_heard_exits_130_after_saving(furikaeri_home, monkeypatch):
    """QA: `record --no-stream` Ctrl-C during "transcribing" exited 0; practice's last answer too."""
    _taken(monkeypatch, ["stop"], sigint_in_analysis=True)
    r = invoke(["record", "-q", "en-basic:intro", "--save"])
    assert r.exit_code == 130, r.output
    assert "saved as answer 1" in r.output
    _taken(monkeypatch, ["stop"], sigint_in_analysis=True)
    r = invoke(["practice", "--set", "en-basic", "-n", "1", "--no-reflect"])
    assert r.exit_code == 130 and "answer 2" in r.output, r.output
    _taken(monkeypatch, ["interrupt"])  # Ctrl-C that ends a take is how a take ends: nothing cut short
    r = invoke(["record", "-q", "en-basic:intro", "--save"])
    assert r.exit_code == 0, r.output


# --------------------------------------------------------------------------- 3: budgets as people write them


@pytest.mark.parametrize("written,seconds", [
    ("1分半", 90), ("2分半", 150), ("１分半", 90), ("一分半", 90), ("九十秒", 90), ("百二十秒", 120), ("二分", 120),
    ("1.5分", 90), ("2分30", 150), ("１分３０秒", 90), ("1.5 min", 90), ("2 minutes", 120), ("1m30", 90),
    ("1 minute 30 seconds", 90), ("90 secs", 90), ("1m30s", 90), ("1:30", 90), ("90", 90)])
def test_a_budget_is_read_as_people_write_it(written, seconds):
    from furikaeri.questions import duration_s, parse_budget

    assert duration_s(written) == seconds
    assert parse_budget(written) == seconds  # a question file's budget is the same family


@pytest.mark.parametrize("written", ["半", "半分", "30秒半", "1分半30秒", "時間", "分", "m", "abc"])
def test_what_is_no_budget_is_still_refused(written):
    from furikaeri.questions import duration_s

    assert duration_s(written) is None


def test_analyze_budget_1_fun_han_is_90_seconds(furikaeri_home):
    """QA: `analyze --budget 1分半` was refused as no number of seconds."""
    from furikaeri.cli.common import Seconds

    assert Seconds(1, 3600).convert("1分半", None, None) == 90
    r = invoke(["analyze", "nothing.wav", "--budget", "1分半"])
    assert "--budget" not in r.output and "秒数" not in r.output  # refused for the file, not the budget


# --------------------------------------------------------------------------- 4: the program's lines in its language


def test_the_saved_line_follows_the_command_not_the_report(furikaeri_home, monkeypatch, tmp_path):
    """QA: under a Japanese locale, an English answer's report ended with 'saved as answer 1':
    the program's own line, said in the report's language."""
    from furikaeri import stream
    from test_input_robust import fake_analysis

    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: fake_analysis(path, **kw))
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    sample = Path(__file__).resolve().parent.parent / "samples" / "en_greatest_strength.flac"
    r = invoke(["analyze", str(sample), "--save"])
    assert r.exit_code == 0, r.output
    assert "回答1として保存しました" in r.output and "saved as" not in r.output
    other = tmp_path / "other.flac"  # another take: the same bytes are not saved twice
    other.write_bytes(sample.read_bytes() + b"\0")
    r = invoke(["analyze", str(other), "--save", "-l", "en"])  # a command told its language speaks it
    assert "saved as answer 2" in r.output


@pytest.mark.parametrize("command", ["record", "recover"])
def test_japanese_help_names_the_data_folder_in_japanese(command, monkeypatch):
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    r = invoke([command, "--help"])
    assert "データフォルダ" in r.output and "data dir" not in r.output


# --------------------------------------------------------------------------- 5: the --note count in Japanese


def test_fewer_notes_than_questions_reads_naturally_in_japanese(furikaeri_home, monkeypatch, tmp_path):
    """QA: 「回答 3 問に --note が 2 個です。…最初の 2 問より後の回答には…」: spaces around the
    numbers, and a long way round to say which answers get no note."""
    from conftest import own_take
    from furikaeri.cli import practice_cmd
    from test_input_robust import fake_analysis

    monkeypatch.setattr(practice_cmd, "_analyser", lambda model, auto=False: (
        lambda path, language, budget, question: fake_analysis(path, question=question)))
    sample = Path(__file__).resolve().parent.parent / "samples" / "ja_jikopr.flac"
    r = invoke(["practice", "--set", "ja-basic", "-n", "3", "--from-files",
                *[str(own_take(sample, tmp_path / "takes")) for _ in range(3)],
                "--note", "A", "--note", "B", "--no-reflect", "--json"])
    assert "質問は3問ですが、--note は2件です。2問目より後の回答にはメモが付きません" in r.stderr
    r = invoke(["practice", "--set", "ja-basic", "-n", "1", "--from-files", str(own_take(sample, tmp_path / "takes")),
                "--note", "A", "--note", "B", "--no-reflect"])
    assert "質問は1問ですが、--note が2個あります" in r.output


# --------------------------------------------------------------------------- 6: -q NUMBER is the archive's question


def test_a_question_number_names_the_archived_question(furikaeri_home, monkeypatch, tmp_path):
    """QA: `-q 5` is question 5 for progress and compare, but `analyze --save -q 5` saved a new
    question whose words were "5"."""
    from furikaeri import stream
    from furikaeri.store import Store
    from test_input_robust import fake_analysis

    heard: list[dict] = []

    def analysing(path, progress=None, **kw):
        heard.append(kw)
        return fake_analysis(path, **kw)

    monkeypatch.setattr(stream, "analyze_recording", analysing)
    sample = Path(__file__).resolve().parent.parent / "samples" / "en_greatest_strength.flac"
    takes = iter(range(1, 100))

    def take() -> str:  # another take each time: the same bytes are not saved twice
        path = tmp_path / f"take{next(takes)}.flac"
        path.write_bytes(sample.read_bytes() + path.name.encode())
        return str(path)

    r = invoke(["analyze", take(), "--save", "-q", "5"])  # an empty archive: no question 5
    assert r.exit_code == 2 and "no question 5 in your archive" in r.output
    assert invoke(["analyze", take(), "--save", "-q", "What drives you?", "--budget", "75"]).exit_code == 0
    assert invoke(["analyze", take(), "--save", "-q", "en-basic:strength"]).exit_code == 0
    for ref in ("1", "#1", "１"):
        r = invoke(["analyze", take(), "--save", "-q", ref, "--session", "custom-1"])
        assert r.exit_code == 0, r.output
    assert heard[-1]["question"] == "What drives you?"
    from furikaeri.questions import get_set

    strength = next(q for q in get_set("en-basic").questions if q.id == "strength")
    assert invoke(["analyze", take(), "--save", "-q", "2"]).exit_code == 0
    assert (heard[-1]["question"], heard[-1]["budget"]) == (strength.text, strength.budget_s)  # as its key brings
    with Store.open(furikaeri_home) as st:
        assert [(q.id, q.answer_count) for q in st.questions()] == [(1, 4), (2, 2)]  # no question "1"
    r = invoke(["analyze", take(), "--save", "-q", "3"])
    assert r.exit_code == 2 and "no question 3" in r.output
