"""Bad input found by QA in session 29: recordings stored by a path only one folder could open,
a database that is not ours changed by opening it, a file where the recordings folder belongs,
an unreadable answer file stopping the others. Real processes, real SQLite files."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from furikaeri.store import Store

from conftest import own_take
from test_input_robust import SAMPLE, env, one_error_line, run

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
#: As root, reading a chmod-000 file is refused only without the capability to override it.
NO_OVERRIDE = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]


def test_a_recording_saved_under_a_relative_home_is_found_from_any_folder(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    rc, _, err = run(["--home", "rel", "analyze", SAMPLE, "--save"], work / "unused", fake_model=True, tmp_path=work)
    assert rc == 0, err
    with Store.open(work / "rel") as st:
        (a,) = st.answers(full=False)
    assert Path(a.audio_path).is_absolute() and Path(a.audio_path).is_file()
    assert Path(a.audio_path).parent == (work / "rel" / "audio").resolve()


def test_a_database_that_is_not_ours_is_left_byte_for_byte(tmp_path):
    home = tmp_path / "h"
    home.mkdir()
    with sqlite3.connect(home / "furikaeri.db") as c:
        c.execute("CREATE TABLE answers (x)")
    before = (home / "furikaeri.db").read_bytes()
    rc, _, err = run(["history"], home)
    assert rc == 2 and "not laid out as this furikaeri expects" in one_error_line(err)
    assert (home / "furikaeri.db").read_bytes() == before  # no WAL mode set on it: "Nothing was changed"
    assert not (home / "furikaeri.db-wal").exists()


def test_a_file_where_the_recordings_folder_belongs_is_named(tmp_path):
    home = tmp_path / "h"
    home.mkdir()
    (home / "audio").write_text("not a folder")
    rc, _, err = run(["history"], home)
    assert rc == 2
    assert one_error_line(err) == f"furikaeri: error: {home / 'audio'} is a file, not a folder: furikaeri keeps " \
                                  "the recordings there; move the file away"
    rc, _, err = run(["history"], home, LANG="ja_JP.UTF-8")
    assert "はフォルダではなくファイルです" in one_error_line(err)


@pytest.mark.skipif(IS_ROOT and shutil.which("setpriv") is None, reason="as root, reading is refused only through setpriv")
def test_an_unreadable_answer_file_is_one_line_and_the_others_are_analysed(tmp_path):
    home = tmp_path / "h"
    locked = tmp_path / "locked.flac"
    shutil.copy(SAMPLE, locked)
    locked.chmod(0)
    try:
        launcher = [sys.executable, str(tmp_path / "furikaeri_fake_model.py")]
        run(["history"], home, fake_model=True, tmp_path=tmp_path)  # writes the launcher
        for lang, said in (("C.UTF-8", f"furikaeri: error: {locked}: cannot read (Permission denied)"),
                           ("ja_JP.UTF-8", f"furikaeri: エラー: {locked}: 読み込めません（アクセスが許可されていません）")):
            p = subprocess.run((NO_OVERRIDE if IS_ROOT else []) + launcher + ["analyze", str(locked), SAMPLE, "--json"],
                               capture_output=True, env=env(home, LANG=lang), timeout=120, cwd=tmp_path)
            assert p.returncode == 2
            assert one_error_line(p.stderr.decode()) == said
            assert b'"file"' in p.stdout  # the readable one was analysed
    finally:
        locked.chmod(0o644)


def test_an_export_into_a_missing_folder_gives_advice_in_english_too(tmp_path):
    home = tmp_path / "h"
    out = tmp_path / "nowhere" / "x.md"
    rc, _, err = run(["export", "--format", "md", "--out", str(out)], home)
    assert rc == 2
    assert one_error_line(err) == f"furikaeri: error: {out}: there is no folder {out.parent}"  # QA s38 E #11


@pytest.mark.parametrize("columns", ["0", "-5", "wide", ""])
def test_a_terminal_size_that_is_no_size_falls_back_to_80_columns(tmp_path, columns):
    """QA (session 29): COLUMNS=0 printed every report empty with exit 0, and progress failed
    with an unexpected ValueError."""
    home = tmp_path / "h"
    rc, out, err = run(["analyze", SAMPLE, "--save"], home, fake_model=True, tmp_path=tmp_path, COLUMNS=columns)
    assert rc == 0 and b"Delivery report" in out, err
    lines = out.decode().splitlines()
    assert max(map(len, lines)) <= 80
    for command in (["progress"], ["history"], ["show", "1"]):
        rc, out, err = run(command, home, COLUMNS=columns)
        assert rc == 0 and out.strip(), (command, err)


@pytest.mark.parametrize("written, seconds", [("60s", 60.0), ("2m", 120.0), ("1:30", 90.0), ("1分30秒", 90.0),
                                              ("９０", 90.0), ("45", 45.0)])
def test_a_budget_is_read_as_a_question_file_writes_it(written, seconds):
    """QA (session 29): --budget 60s was refused though a question file takes budget = "90s"."""
    from furikaeri.cli.common import Seconds

    assert Seconds(1, 3600).convert(written, None, None) == seconds


@pytest.mark.parametrize("written", ["1x", "abc", "nan", "inf", "-5s"])
def test_a_budget_that_is_no_time_is_refused(written):
    import click

    from furikaeri.cli.common import Seconds

    with pytest.raises(click.BadParameter):
        Seconds(1, 3600).convert(written, None, None)


def test_a_reflection_typed_for_an_answer_that_could_not_be_saved_is_in_the_command_that_saves_it(
        tmp_path, monkeypatch):
    """QA (session 29): with the archive locked, practice said how to save the take later, but
    the three lines typed for it (and its session) were lost; the command now carries them."""
    import shlex

    from click.testing import CliRunner

    from furikaeri import store as ST
    from furikaeri import stream
    from furikaeri.cli import cli, practice_cmd
    from test_archive_robust import _quiet_wav, analysis
    from test_input_robust import fake_analysis

    home = tmp_path / "h"
    take = _quiet_wav(tmp_path / "take.wav")
    monkeypatch.setattr(practice_cmd, "_analyser", lambda model, **_: lambda path, language, budget, question: analysis())

    def locked(self, *args, **kwargs):
        raise ST._locked(ST.db_path(self.home))

    with monkeypatch.context() as m:
        m.setattr(Store, "add_answer", locked)
        r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "--only", "strength",
                                     "--from-files", str(take), "--reflect", "--session", "mock 1"],
                               input="I rambled about hobbies\nnervous\nlead with the point\n")
    assert r.exit_code == 2
    line = next(ln for ln in r.stderr.splitlines() if ln.startswith("furikaeri: error:"))
    command = line[line.index("`") + 1:line.rindex("`")]
    args = shlex.split(command)
    assert args[:2] == ["furikaeri", "--home"] and args[args.index("--session") + 1] == "mock 1"
    assert [args[args.index(o) + 1] for o in ("--wrong", "--why", "--note")] == \
           ["I rambled about hobbies", "nervous", "lead with the point"]
    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: fake_analysis(path, **kw))
    r = CliRunner().invoke(cli, args[1:])
    assert r.exit_code == 0, r.output
    with Store.open(home) as st:
        (a,) = st.answers()
        assert (a.note.wrong, a.note.why, a.note.next_time) == ("I rambled about hobbies", "nervous",
                                                                "lead with the point")
        assert a.session_name == "mock 1" and a.question_key == "en-basic:strength"


def test_wrong_and_why_go_with_save_only():
    from click.testing import CliRunner

    from furikaeri.cli import cli

    r = CliRunner().invoke(cli, ["analyze", str(SAMPLE), "--wrong", "rambled"])
    assert r.exit_code == 2 and "go with --save" in r.output, r.output


def test_an_interview_log_that_could_not_be_saved_is_in_the_command_that_logs_it(tmp_path, monkeypatch):
    """QA (session 29): reflect --prompt with the archive locked lost everything typed."""
    import shlex

    from click.testing import CliRunner

    from furikaeri import store as ST
    from furikaeri.cli import cli

    home = tmp_path / "h"

    def locked(self, *args, **kwargs):
        raise ST._locked(ST.db_path(self.home))

    typed = "Acme\nfinal\n2026-11-30\nWhy us?\nI like the product\nYour weakness?\n\n\nnodded\nthe story\nshorter\n"
    with monkeypatch.context() as m:
        m.setattr(Store, "add_interview", locked)
        r = CliRunner().invoke(cli, ["--home", str(home), "reflect", "--prompt", "--now", "2026-12-01T10:00"],
                               input=typed)
    assert r.exit_code == 2, r.output
    line = next(ln for ln in r.stderr.splitlines() if ln.startswith("furikaeri: error:"))
    assert "the interview is not logged" in line
    args = shlex.split(line[line.index("`") + 1:line.rindex("`")])
    r = CliRunner().invoke(cli, [*args[1:], "--json"])
    assert r.exit_code == 0, r.output
    iv = json.loads(r.output)
    assert (iv["company"], iv["held_on"], iv["stage"], iv["reaction"], iv["went_well"], iv["to_fix"]) == \
           ("Acme", "2026-11-30", "final", "nodded", "the story", "shorter")
    assert iv["items"] == [{"question": "Why us?", "answer": "I like the product"},
                           {"question": "Your weakness?", "answer": ""}]


@pytest.mark.model
@pytest.mark.parametrize("lang, said", [("C.UTF-8", "ok"), ("ja_JP.UTF-8", "使用可能")])
def test_models_says_each_models_state_in_the_systems_language(lang, said, monkeypatch):
    """QA (session 29): `models` printed "ok" in a Japanese locale."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    monkeypatch.setenv("LANG", lang)
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    r = CliRunner().invoke(cli, ["models"])
    assert r.exit_code == 0, r.output
    rows = [ln.split() for ln in r.output.splitlines()]
    assert [row[:2] for row in rows] == [["base", said], ["tiny.en", said]]
    assert len({ln.index("/") for ln in r.output.splitlines()}) == 1  # the paths line up


@pytest.mark.model
def test_a_file_cut_off_before_any_speech_says_it_is_cut_off(tmp_path):
    """QA (session 29): a FLAC cut after 1 s said "no speech detected (silence, noise or laughter
    only)", sending the person to check the microphone, when the file was what was wrong."""
    cut = tmp_path / "cut.flac"
    cut.write_bytes((Path(SAMPLE).parent / "en_tell_me_about_yourself.flac").read_bytes()[:20000])
    rc, _, err = run(["analyze", str(cut)], tmp_path / "h")
    assert rc == 2
    assert one_error_line(err) == (f"furikaeri: error: {cut}: the file ends early (cut off or damaged): the 1.3 s "
                                   "that could be read hold no speech")


def test_ctrl_c_while_an_answer_is_heard_still_prints_the_sessions_json(tmp_path, monkeypatch):
    """QA (session 29): practice --json interrupted while answer 2 was analysed printed nothing,
    though answer 1 was saved: a script never learnt its id."""
    from click.testing import CliRunner

    from furikaeri.cli import cli, practice_cmd
    from test_archive_robust import _quiet_wav, analysis

    takes = [own_take(_quiet_wav(tmp_path / "take.wav"), tmp_path / "takes") for _ in range(3)]
    heard = []

    def analyser(model, **_):
        def analyse(path, language, budget, question):
            heard.append(path)
            if len(heard) == 2:
                raise KeyboardInterrupt
            return analysis()
        return analyse

    monkeypatch.setattr(practice_cmd, "_analyser", analyser)
    # with another thread alive (an earlier test's), Ctrl-C leaves by os._exit, which would end
    # the test run itself: here the process is pytest's, so it leaves as with no other thread
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "practice", "--set", "en-basic", "-n", "3",
                                 "--from-files", *map(str, takes), "--no-reflect", "--json"])
    assert r.exit_code == 130 and "interrupted" in r.stderr
    doc = json.loads(r.stdout)
    assert doc["ended_after"] == 1 and len(doc["answers"]) == 1
    with Store.open(tmp_path / "h") as st:
        assert [a.id for a in st.answers()] == [doc["answers"][0]["answer_id"]]


def test_a_damaged_model_file_is_named_as_damaged(tmp_path):
    """QA (session 29): a junk model.bin was said to be 'generated by a later version of
    CTranslate2', which sends one to upgrade rather than to replace a damaged file."""
    folder = tmp_path / "badmodel"
    folder.mkdir()
    (folder / "model.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "config.json").write_text("{}")
    rc, _, err = run(["analyze", SAMPLE, "--model", str(folder)], tmp_path / "h")
    assert rc == 2
    line = one_error_line(err)
    assert f"{folder / 'model.bin'} is damaged or not a CTranslate2 Whisper model" in line and "later version" not in line


def test_analyze_save_prints_the_focus_it_saves(tmp_path, monkeypatch):
    """QA (session 29): `analyze --save` printed a focus judged against the norm alone (fillers)
    and saved one judged against the person's usual too (pace): `show` then named another."""
    from click.testing import CliRunner

    from furikaeri import session as SS
    from furikaeri import stream
    from furikaeri.cli import cli
    from test_practice import make_analysis

    home = tmp_path / "h"
    for i in range(3):  # the usual pace: 160 wpm
        SS.save_analysis(make_analysis(rate=160.0, answer_s=55.0, fpm=0.0), audio_path=None, home=home,
                         session="before")
    slow = make_analysis(rate=115.0, answer_s=55.0, fpm=4.1)  # fillers off the norm; pace far under the usual
    monkeypatch.setattr(stream, "analyze_recording", lambda path, progress=None, **kw: slow)
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(SAMPLE), "--save"], env={"COLUMNS": "120"})
    assert r.exit_code == 0, r.output
    shown = CliRunner().invoke(cli, ["--home", str(home), "show", "4"], env={"COLUMNS": "120"}).output
    focus_printed = next(ln for ln in r.stdout.splitlines() if "Focus" in ln)
    focus_shown = next(ln for ln in shown.splitlines() if "Focus" in ln)
    assert focus_printed == focus_shown and "usual" in focus_printed


def test_questions_company_json_gives_the_archives_lists_as_lists(tmp_path):
    """QA (session 29): the archive's asks and to_ask were one text in `questions company --json`,
    lists everywhere else (the file's block, questions show, export)."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "h"
    (home / "questions").mkdir(parents=True)
    (home / "questions" / "acme.toml").write_text(
        '[company]\nname = "Acme"\nlanguage = "en"\nasks = ["Why Acme?", "Tell me about yourself."]\n'
        'to_ask = ["How are teams organised?"]\n', encoding="utf-8")
    h = ["--home", str(home)]
    assert CliRunner().invoke(cli, [*h, "questions", "add", str(home / "questions" / "acme.toml"), "--replace"]).exit_code == 0
    doc = json.loads(CliRunner().invoke(cli, [*h, "questions", "company", "Acme", "--json"]).output)
    assert doc["archive"]["asks"] == ["Why Acme?", "Tell me about yourself."]
    assert doc["archive"]["to_ask"] == ["How are teams organised?"]


def test_a_notes_lines_stay_text_in_the_markdown_journal():
    """QA (session 29): a note line starting "# " or "> " became a heading or a quote."""
    from furikaeri.report.export import _item

    lines = _item("**wrong**", "first line\n# not a heading\n> not a quote\n- not an item\n3. not a list\nplain # ok")
    assert lines == ["- **wrong**: first line", "  \\# not a heading", "  \\> not a quote", "  \\- not an item",
                     "  3\\. not a list", "  plain # ok"]
    assert _item("**asks**", ["# one", "two"]) == ["- **asks**:", "  - \\# one", "  - two"]


def test_an_unknown_company_names_those_known_only_from_logged_interviews(tmp_path):
    """QA (session 29): the error listed the companies with a file only ("companies: none yet")
    while `practice --company Acme` worked from Acme's logged interviews."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    h = ["--home", str(tmp_path / "h")]
    assert CliRunner().invoke(cli, [*h, "reflect", "-c", "Acme", "-q", "Why us?"]).exit_code == 0
    r = CliRunner().invoke(cli, [*h, "practice", "--company", "Nobody", "--from-files", str(SAMPLE), "--no-reflect"])
    assert r.exit_code == 2 and "no company file for 'Nobody' (companies: Acme)" in r.output, r.output


def test_the_journal_writes_figures_with_the_reports_digits():
    """QA (session 29): the Markdown journal wrote a 9.9-s answer as 10 s and 79.8 wpm as 80
    beside the report's 79.8; the report writes 80 now (a pace per minute whole, QA s32): so does
    the journal."""
    from furikaeri.report.export import _md_answer

    a = {"id": 4, "question": "Q?", "language": "en", "note": None, "focus": None, "transcript": "",
         "metrics": {"answer_s": 9.94, "budget_s": 45.0, "fillers_per_min": 0.0, "wpm": 79.8, "long_pauses": 1}}
    line = _md_answer(a, "en")[2]
    assert "9.9 s / 45 s" in line and "80 wpm" in line and "79.8" not in line, line


def test_sessions_in_two_languages_say_the_other_languages_answers_are_not_compared(tmp_path):
    """QA (session 29): a question answered in both sessions, in the language not compared,
    was listed as "answered only in" each session, under "the sessions answered different
    questions"."""
    from click.testing import CliRunner

    from furikaeri import session as SS
    from furikaeri.cli import cli
    from test_practice import make_analysis

    home = tmp_path / "h"
    for s in ("A", "B"):
        SS.save_analysis(make_analysis(question="Tell me about yourself."), audio_path=None, home=home, session=s)
        SS.save_analysis(make_analysis("私は物理を学んでいます", lang="ja", rate=300.0, question="自己PRをお願いします。"),
                         audio_path=None, home=home, session=s)
    out = CliRunner().invoke(cli, ["--home", str(home), "compare", "--sessions", "A", "B"], env={"COLUMNS": "120"}).output
    assert "answered only in" not in out and "different questions" not in out, out
    assert "not compared (in another language) in A:" in out and "not compared (in another language) in B:" in out


def test_the_commands_a_hint_suggests_read_the_archive_given(tmp_path, monkeypatch):
    """G2 (session 29): with --home, the suggested `furikaeri progress` read the default archive."""
    from click.testing import CliRunner

    from furikaeri.cli import cli, practice_cmd
    from test_archive_robust import _quiet_wav, analysis

    monkeypatch.setattr(practice_cmd, "_analyser", lambda model, **_: lambda path, language, budget, question: analysis())
    home = tmp_path / "my archive"
    take = _quiet_wav(tmp_path / "take.wav")
    args = ["--home", str(home), "practice", "--set", "en-basic", "--only", "strength", "--no-reflect", "--from-files"]
    out = CliRunner().invoke(cli, [*args, str(take)], env={"COLUMNS": "200"}).output
    assert f"furikaeri --home '{home}' progress" in out and f"furikaeri --home '{home}' history" in out, out
    out = CliRunner().invoke(cli, [*args, str(own_take(take, tmp_path / "takes"))], env={"COLUMNS": "200"}).output
    assert f"furikaeri --home '{home}' compare --sessions 1 2" in out, out
    r = CliRunner().invoke(cli, ["--home", str(home), "reflect", "-c", "Acme", "-q", "Why?"], env={"COLUMNS": "200"})
    assert f"""furikaeri --home '{home}' practice --company "Acme\"""" in r.output, r.output
