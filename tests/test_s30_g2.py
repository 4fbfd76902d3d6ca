"""QA round 30 (g2): practice's save command for a take the microphone cut short, recover on
files that are not furikaeri takes, a cut-off file read as far as it can be, dates for
progress --since, progress's JSON for an empty archive, the notes of practice --note."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.errors import DeviceError


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


# --------------------------------------------------------------------------- 3: practice, microphone lost


def _lost_microphone(monkeypatch, tmp_path):
    """practice with a microphone that is lost in the first take: the command record_listening
    would print, as it would print it."""
    import furikaeri.cli.live as live
    import furikaeri.cli.practice_cmd as P

    def record_listening(path, *, analyze_command, **kw):
        take = tmp_path / "cut.wav"
        raise DeviceError("the microphone was lost: " + shlex.join(analyze_command(take)))

    monkeypatch.setattr(P, "_check_microphone", lambda device: device)
    monkeypatch.setattr(live, "record_listening", record_listening)


def _command_in(output: str) -> list[str]:
    said = " ".join(output.split())
    return shlex.split(said.split("the microphone was lost: ", 1)[1].split(" furikaeri:")[0])


def test_practice_mic_lost_command_keeps_session_and_note(monkeypatch, tmp_path):
    _lost_microphone(monkeypatch, tmp_path)
    r = run("practice", "--set", "ja-basic", "-n", "2", "--note", "結論から話す", "--session", "模擬1",
            "--no-reflect", "--lang", "en")
    command = _command_in(r.output)
    assert command[command.index("--session") + 1] == "模擬1"
    assert command[command.index("--note") + 1] == "結論から話す" and "--save" in command


def test_practice_mic_lost_command_names_the_session_it_would_have(monkeypatch, tmp_path):
    # no --session: the answer goes to the session practice would have made (the set and the minute)
    _lost_microphone(monkeypatch, tmp_path)
    r = run("practice", "--set", "ja-basic", "-n", "1", "--no-reflect", "--lang", "en",
            "--now", "2026-11-23T09:00:00+00:00")
    command = _command_in(r.output)
    assert command[command.index("--session") + 1].startswith("ja-basic 2026-11-23")
    assert "--note" not in command  # none given, none typed


# --------------------------------------------------------------------------- 4: recover on what is not a take


def _wav(rate=16000, seconds=0.5, declared=None) -> bytes:
    import numpy as np

    from furikaeri.capture import _wav_header

    data = (np.sin(np.arange(int(rate * seconds)) / 5) * 8000).astype("<i2").tobytes()
    return _wav_header(rate, 1, len(data) if declared is None else declared) + data


@pytest.mark.parametrize("name,content", [("empty.txt", b""), ("empty.mp3", b""), ("notes.txt", b"hello\n" * 20),
                                          ("short.wav", b"RIFF")])
def test_recover_refuses_a_file_that_is_not_a_take_and_leaves_it_unchanged(tmp_path, name, content):
    f = tmp_path / name
    f.write_bytes(content)
    r = run("recover", str(f))
    assert r.exit_code == 2 and "not a furikaeri take" in r.output and "repaired" not in r.output
    assert f.read_bytes() == content
    assert len([line for line in r.output.splitlines() if line.strip()]) == 1


def test_recover_says_a_complete_wav_needs_nothing(tmp_path):
    f = tmp_path / "intact.wav"
    f.write_bytes(_wav())
    before = f.read_bytes()
    r = run("recover", str(f))
    assert r.exit_code == 0  # nothing was wrong: no error
    assert "nothing to repair" in r.output and "repaired " not in r.output and "could not" not in r.output
    assert f.read_bytes() == before
    trailing = tmp_path / "tagged.wav"  # a chunk after the audio (another program's tags): complete too
    raw = _wav() + b"LIST" + (4).to_bytes(4, "little") + b"INFO"
    raw = raw[:4] + (len(raw) - 8).to_bytes(4, "little") + raw[8:]
    trailing.write_bytes(raw)
    assert "nothing to repair" in run("recover", str(trailing)).output and trailing.read_bytes() == raw


def test_recover_refuses_an_unfinished_wav_laid_out_by_another_program(tmp_path):
    f = tmp_path / "other.wav"
    good = _wav(declared=0)  # lengths wrong, but a LIST chunk before the audio: not ours
    raw = good[:12] + good[12:36] + b"LIST" + (4).to_bytes(4, "little") + b"INFO" + good[36:]
    f.write_bytes(raw)
    r = run("recover", str(f))
    assert r.exit_code == 2 and "not a furikaeri take" in r.output and f.read_bytes() == raw


def test_recover_still_repairs_our_take_whose_marker_was_lost(tmp_path):
    from furikaeri.audio import load_audio

    f = tmp_path / "copied.wav"
    f.write_bytes(_wav(declared=0))  # copied out of a crash without its .partial marker
    r = run("recover", str(f))
    assert r.exit_code == 0 and "repaired" in r.output
    assert load_audio(f).duration == pytest.approx(0.5, abs=0.01)


# --------------------------------------------------------------------------- 10: a cut-off file read to its cut


@pytest.mark.parametrize("kept,seconds", [(100_000, 0.84), (200_000, 1.67), (400_000, 3.66)])
def test_a_cut_off_flac_is_read_to_where_it_is_cut(shared, tmp_path, kept, seconds):
    """jfk.flac's first bytes (what sox reads of them: 0.84, 1.67, 3.66 s) were read to the last
    whole second (0.0 -> "not a readable audio file", 1.0, 3.0)."""
    from furikaeri.audio import load_audio

    cut = tmp_path / "t.flac"
    cut.write_bytes(shared("en", "jfk.flac").read_bytes()[:kept])
    assert load_audio(cut).duration == pytest.approx(seconds, abs=0.03)


# --------------------------------------------------------------------------- D10: practice --note, one per answer


def test_practice_says_which_answers_get_no_note(monkeypatch, tmp_path):
    import furikaeri.audio as audio
    import furikaeri.cli.practice_cmd as P
    from test_practice import make_analysis

    made = []

    def takes(n):  # placeholder files (never decoded), each with bytes of its own: a take of its own
        for _ in range(n):
            f = tmp_path / f"a{len(made)}.wav"
            f.write_bytes(b"RIFF....WAVEfmt " + str(len(made)).encode())
            made.append(str(f))
        return made[-n:]

    files = takes(3)
    monkeypatch.setattr(audio, "check_readable", lambda f: None)
    monkeypatch.setattr(P, "_analyser", lambda model, auto=False: lambda *a, **k: make_analysis())
    r = run("practice", "--set", "en-basic", "--from-files", *files, "--note", "lead with the point",
            "--no-reflect", "--json")
    assert r.exit_code == 0, r.output
    said = " ".join(r.stderr.split()) if hasattr(r, "stderr") else r.output
    assert "1 --note for 3 answers" in said and "after the first 1 get none" in said
    saved = json.loads(r.stdout)
    assert [a["answer_id"] is not None for a in saved["answers"]] == [True, True, True]
    r = run("practice", "--set", "ja-basic", "--from-files", *takes(3), "--note", "結論から話す",
            "--no-reflect", "--json", "--lang", "ja")
    assert "--note は1件です" in " ".join(r.stderr.split())
    r = run("practice", "--set", "en-basic", "--from-files", *takes(1), "--note", "x", "--no-reflect", "--json")
    assert "--note for" not in r.stderr  # as many notes as answers: nothing to say


# --------------------------------------------------------------------------- D13: progress --since reads dates as reflect does


def test_progress_since_reads_dates_as_reflect_does(monkeypatch):
    from datetime import date, datetime

    import furikaeri.progress as PR

    seen = []
    real = PR.progress
    monkeypatch.setattr(PR, "progress", lambda store, question=None, since=None, **kw: seen.append(since) or
                        real(store, question=question, since=since, **kw))
    today = datetime.now().astimezone().date()
    for typed in ("yesterday", "昨日", "2026/11/1", "２０２６－１１－０１"):
        r = run("progress", "--since", typed, "--json")
        assert r.exit_code == 0, r.output
    assert seen[0] == date.fromordinal(today.toordinal() - 1).isoformat() == seen[1]
    assert seen[2] == "2026-11-01"
    r = run("progress", "--since", "someday")
    assert r.exit_code == 2 and "cannot read the date" in r.output


# --------------------------------------------------------------------------- D14b: null for a value not there


def test_progress_json_of_an_empty_archive_says_null_for_no_note(furikaeri_home):
    furikaeri_home.mkdir()  # a folder with nothing saved in it yet (a missing one is said to be missing)
    shown = json.loads(run("progress", "--json").output)
    assert shown["overall"][0]["last_note"] is None and shown["usual_pace"] is None


def test_after_an_answer_with_no_usual_yet_is_null_in_json():
    from furikaeri.progress import AfterAnswer

    said = AfterAnswer().to_dict()
    assert said["usual"] is None and said["usual_pace"] is None  # both "not yet", both null
    assert AfterAnswer(usual={"wpm": 150.0}).to_dict()["usual"] == {"wpm": 150.0}


# --------------------------------------------------------------------------- D7b: models --help names the variables


def test_models_help_in_japanese_names_the_environment_variables():
    r = CliRunner().invoke(cli, ["models", "--help"], env={"LANG": "ja_JP.UTF-8", "COLUMNS": "200"})
    said = "".join(r.output.split())
    assert "FURIKAERI_MODELS" in said and "FURIKAERI_MODELは" in said and "使い方" in r.output
