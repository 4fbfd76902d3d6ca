"""QA s34 (h7): analyze --save --json carries the note check; help texts say what the commands
do, whole and alike; a misspelt set:key gets its "did you mean"; `note ID` without a terminal
prints the note; `models` judges the model analyze would use; FURIKAERI_DEBUG keeps exit 70."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli

from conftest import own_take

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "en_greatest_strength.flac"


# --------------------------------------------------------------------------- L #1: the note check in JSON


def test_analyze_save_json_carries_the_note_check_as_fix(tmp_path, monkeypatch):
    """QA-L #1: `analyze --save --json` dropped the check of the earlier attempt's note, which the
    text view says and `practice --json` carries as `fix`: every document now has `fix`."""
    from furikaeri import stream
    from test_compare_notes import make_analysis

    paces = iter([175.0, 135.0, 130.0])
    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: make_analysis(
        "I study physics and I build robots", lang="en", rate=next(paces)))
    home = str(tmp_path / "h")
    takes = []

    def take() -> str:  # another take each time: the same bytes are not saved twice
        takes.append(own_take(SAMPLE, tmp_path / "takes"))
        return str(takes[-1])

    first = CliRunner().invoke(cli, ["--home", home, "analyze", take(), "--save", "-q", "Why us?", "--json",
                                     "--note", "slow down"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["fix"] is None  # no earlier attempt: one shape all the same
    second = CliRunner().invoke(cli, ["--home", home, "analyze", take(), "--save", "-q", "Why us?", "--json"])
    assert second.exit_code == 0, second.output
    lines = second.stdout.splitlines()
    assert len(lines) == 1, second.stdout  # still one document a file
    doc = json.loads(lines[0])
    assert doc["answer_id"] == 2 and doc["fix"]["previous_answer_id"] == 1, doc
    assert doc["fix"]["note"] == "slow down" and doc["fix"]["verdict"] == "better", doc
    plain = CliRunner().invoke(cli, ["--home", home, "analyze", take(), "-q", "Why us?", "--json"])
    assert "fix" not in json.loads(plain.stdout)  # not saved: nothing checked


def test_analyze_save_json_of_a_silent_file_has_fix_null(tmp_path, monkeypatch):
    """The document of a file with no speech, in a --save --json run, has the shape of a saved
    one: `answer_id` and `fix` both null."""
    import dataclasses

    from furikaeri import stream
    from test_compare_notes import make_analysis

    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: dataclasses.replace(
        make_analysis(), speech_detected=False))
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", str(SAMPLE), "--save", "--json"])
    assert r.exit_code == 2, r.output
    doc = json.loads(r.stdout)
    assert doc["answer_id"] is None and doc["fix"] is None and doc["speech_detected"] is False, doc


# --------------------------------------------------------------------------- N #5: the model analyze would use


@pytest.mark.parametrize("named", ["./no-such-model", "nosuchmodel", " "])
def test_models_judges_the_model_furikaeri_model_names(tmp_path, monkeypatch, named):
    """QA-N #5: FURIKAERI_MODEL naming a model that cannot be used (a missing folder, an uncached
    name, a blank) got "ok" for base and tiny.en and exit 0, and analyze then failed: `models`
    lists that model, needed and unavailable, and exits 2."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FURIKAERI_MODEL", named)
    r = CliRunner().invoke(cli, ["models", "--json"])
    assert r.exit_code == 2, r.output
    rows = {row["name"]: row for row in json.loads(r.stdout)}
    assert rows[named]["needed"] and rows[named]["status"] == "unavailable", rows
    assert "FURIKAERI_MODEL" in rows[named]["reason"], rows
    assert not rows["base"]["needed"], rows
    said = CliRunner().invoke(cli, ["models"])
    assert said.exit_code == 2 and "FURIKAERI_MODEL" in said.stdout, said.output


def test_models_takes_a_usable_folder_furikaeri_model_names(monkeypatch):
    """A folder model that loads is listed as ok and needed: exit 0."""
    from furikaeri import models as m

    folder = m.resolve("tiny.en", m.default_models_dir()).path
    monkeypatch.setenv("FURIKAERI_MODEL", folder)
    r = CliRunner().invoke(cli, ["models", "--json"])
    assert r.exit_code == 0, r.output
    rows = {row["name"]: row for row in json.loads(r.stdout)}
    assert rows[folder]["needed"] and rows[folder]["status"] == "ok", rows


# --------------------------------------------------------------------------- N #7: FURIKAERI_DEBUG keeps the code


@pytest.mark.parametrize("debug", [None, "1"])
@pytest.mark.parametrize("error, code", [(ValueError("a bug"), 70), (PermissionError(13, "denied", "/x/y"), 2)])
def test_debugging_shows_the_traceback_and_keeps_the_exit_code(furikaeri_home, monkeypatch, debug, error, code):
    """QA-N #7: with FURIKAERI_DEBUG=1 a bug exited 1 (Python's, for a traceback left to it), not
    70; an OSError 1, not 2. Debugging adds the traceback and changes nothing a script sees."""
    from furikaeri.store import Store

    if debug:
        monkeypatch.setenv("FURIKAERI_DEBUG", debug)
    else:
        monkeypatch.delenv("FURIKAERI_DEBUG", raising=False)
    with Store.open(furikaeri_home) as st:
        st.create_session("Monday", kind="practice")

    def broken(self, **kw):
        raise error

    monkeypatch.setattr(Store, "sessions", broken)
    r = CliRunner().invoke(cli, ["history"], catch_exceptions=False)
    assert r.exit_code == code, r.output
    assert r.stderr.strip().splitlines()[-1].startswith("furikaeri: error: "), r.stderr
    assert ("Traceback (most recent call last)" in r.stderr) == bool(debug), r.stderr


# --------------------------------------------------------------------------- M #3: whole summaries


def _commands_listed(output: str) -> dict[str, str]:
    """The command list of a group's --help: name -> its summary, wrapped lines joined."""
    import re

    block = output.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    listed: dict[str, str] = {}
    for line in block.splitlines():
        if m := re.match(r"  (\S+)\s+(.*)", line):
            listed[m.group(1)] = m.group(2)
        else:
            last = list(listed)[-1]
            listed[last] += " " + line.strip()
    return listed


@pytest.mark.parametrize("group", [[], ["questions"]])
def test_every_command_summary_in_the_english_list_is_a_whole_sentence(group):
    """QA-M #3: `furikaeri --help` cut 10 of 16 summaries mid-sentence ("Compare two attempts
    (answer ids), two sessions, or the..."), where the Japanese list has each whole."""
    r = CliRunner().invoke(cli, [*group, "--help"], env={"LANG": "C", "LC_ALL": "C", "COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    listed = _commands_listed(r.stdout)
    assert len(listed) >= (16 if not group else 4), listed
    for name, said in listed.items():
        assert not said.endswith("...") and said.endswith("."), (name, said)


# --------------------------------------------------------------------------- M #12: the Japanese usage line


@pytest.mark.parametrize("args, usage", [([], "furikaeri [オプション] [コマンド] [引数]..."),
                                         (["questions"], "furikaeri questions [オプション] [コマンド] [引数]..."),
                                         (["analyze"], "furikaeri analyze [オプション] ファイル...")])
def test_the_japanese_usage_line_names_clicks_placeholders_in_japanese(args, usage):
    """QA-M #12: 「使い方: furikaeri [OPTIONS] COMMAND [ARGS]...」 under a heading 「オプション:」;
    a command's own placeholder (FILES) too, as its Japanese help names it (QA s47 GG #9)."""
    r = CliRunner().invoke(cli, [*args, "--help"], env={"LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8"},
                           prog_name="furikaeri")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == "使い方: " + usage, r.stdout
    english = CliRunner().invoke(cli, [*args, "--help"], env={"LANG": "C", "LC_ALL": "C"})
    assert "[OPTIONS]" in english.stdout.splitlines()[0]
