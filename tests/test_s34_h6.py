"""QA s34 qa-m #1, #2, #6 and qa-l #3, #4: `recover` makes no archive under a new --home; a
--home that does not exist is said by every archive command that fails on it, not hidden behind
"there is no answer 1"; a missing interview points at the list that shows interviews; `export
-o FILE` writes the format the file's extension names; `compare --sessions --json` names the
counts of answers off a norm."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner
from test_capture import quiet, tone, write_killed_take
from test_compare_notes import make_analysis, save

from furikaeri.cli import cli
from furikaeri.lang import text
from furikaeri.store import Store


def run(home, *args: str, locale: str = "C.UTF-8"):
    return CliRunner().invoke(cli, ["--home", str(home), *args],
                              env={"LANG": locale, "LC_ALL": None, "LC_MESSAGES": None, "FURIKAERI_HOME": None})


# --------------------------------------------------------------------------- qa-m #1 recover makes nothing


def test_recover_of_a_file_that_is_no_take_makes_no_archive(tmp_path):
    junk = tmp_path / "notatake.wav"
    junk.write_text("hello\n")
    home = tmp_path / "new-home"
    r = run(home, "recover", str(junk))
    assert r.exit_code == 2 and "could not repair" in r.stderr
    assert not home.exists()


def test_recover_of_a_killed_take_makes_no_archive_and_still_says_how_to_save_it(tmp_path):
    take = tmp_path / "k.wav"
    write_killed_take(take, np.concatenate([quiet(0.5), tone(1.0), quiet(0.5)]), 16000, header_lag_bytes=8000)
    for home in (tmp_path / "new-home", tmp_path / "somewhere"):  # missing, and a folder holding no archive
        if home.name == "somewhere":
            home.mkdir()
            (home / "notes.txt").write_text("mine")
            write_killed_take(take, np.concatenate([quiet(0.5), tone(1.0), quiet(0.5)]), 16000,
                              header_lag_bytes=8000)
        r = run(home, "recover", str(take))
        assert r.exit_code == 0, r.output
        assert f"analyze {take} --save" in " ".join(r.output.split())
        assert not home.exists() if home.name == "new-home" else sorted(p.name for p in home.iterdir()) == ["notes.txt"]


# --------------------------------------------------------------------------- qa-m #2 a missing --home, said


FAILING_READS = [["show", "1"], ["show", "1", "--json"], ["compare", "1", "2"], ["compare", "--sessions", "a", "b"],
                 ["compare", "--question", "intro"], ["note", "1", "--next", "x"], ["note", "1", "--json"],
                 ["delete", "1", "--yes"], ["delete", "3", "--interview", "--yes"]]


@pytest.mark.parametrize("lang, locale", [("en", "C.UTF-8"), ("ja", "ja_JP.UTF-8")])
@pytest.mark.parametrize("args", FAILING_READS, ids=" ".join)
def test_a_read_that_fails_under_a_missing_home_says_the_folder_is_missing(tmp_path, args, lang, locale):
    home = tmp_path / "typo"
    r = run(home, *args, locale=locale)
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert r.stderr.splitlines() == [r.stderr.splitlines()[0]]  # one line
    assert text(lang, "no_archive_folder", home=home) in r.stderr
    assert not home.exists()


def test_a_missing_home_does_not_hide_a_mistyped_command_nor_an_existing_folders_own_error(tmp_path):
    r = run(tmp_path / "typo", "compare", "1")  # what is wrong with the command is said first
    assert r.exit_code == 2 and "give two answer ids" in r.stderr and "no archive" not in r.stderr
    r = run(tmp_path, "show", "1")  # a folder that is there, with no archive: no answer 1 in it
    assert r.exit_code == 2 and "there is no answer 1" in r.stderr and "no archive" not in r.stderr


# --------------------------------------------------------------------------- qa-m #6 interviews


@pytest.mark.parametrize("locale", ["C.UTF-8", "ja_JP.UTF-8"])
def test_a_missing_interview_points_at_the_list_of_interviews(tmp_path, locale):
    made = run(tmp_path, "reflect", "-c", "Acme", "-q", "Why us?", "--no-prompt")
    assert made.exit_code == 0, made.output
    r = run(tmp_path, "delete", "3", "--interview", "--yes", locale=locale)
    assert r.exit_code == 2 and f"`furikaeri --home {tmp_path} history --interviews`" in r.stderr
    r = run(tmp_path, "delete", "3", "--yes", locale=locale)  # an answer: plain history lists answers
    assert r.exit_code == 2 and f"`furikaeri --home {tmp_path} history`" in r.stderr


# --------------------------------------------------------------------------- qa-l #3 export's format


@pytest.fixture
def archive(tmp_path):
    home = tmp_path / "home"
    save(home, make_analysis(question="Why us?"), session="s1")
    return home


@pytest.mark.parametrize("name, starts", [("b.csv", "\ufeffanswer_id,"), ("b.CSV", "\ufeffanswer_id,"),
                                          ("b.md", "# "), ("b.json", "{"), ("b.txt", "{")])
def test_export_without_format_writes_what_the_files_extension_names(archive, tmp_path, name, starts):
    out = tmp_path / name
    r = run(archive, "export", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert out.read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize("locale, said", [("C.UTF-8", "--format json does not match --out"),
                                          ("ja_JP.UTF-8", "--format json と --out")])
def test_export_refuses_a_format_that_contradicts_the_files_extension(archive, tmp_path, locale, said):
    out = tmp_path / "b.csv"
    r = run(archive, "export", "-f", "json", "-o", str(out), locale=locale)
    assert r.exit_code == 2 and said in r.stderr and not out.exists()
    r = run(archive, "export", "-f", "csv", "-o", str(out))  # the two agree
    assert r.exit_code == 0 and out.read_text(encoding="utf-8-sig").startswith("answer_id,")
    r = run(archive, "export", "-f", "md", "-o", str(tmp_path / "journal.txt"))  # an extension naming no format
    assert r.exit_code == 0 and (tmp_path / "journal.txt").read_text().startswith("# ")
    printed = run(archive, "export")  # no file: json, the default
    assert printed.exit_code == 0 and json.loads(printed.stdout)["format"] == "furikaeri-export"


# --------------------------------------------------------------------------- qa-l #4 off_band named


def test_compare_sessions_json_names_the_counts_off_the_norm(tmp_path):
    home = tmp_path / "home"
    for session, rates, start in (("A", (110, 120, 121), 0), ("B", (126, 210, 90), 60)):
        for i, rate in enumerate(rates):
            save(home, make_analysis(rate=float(rate), question=f"Question {i}?"), session=session, minutes=start + i)
    r = run(home, "compare", "--sessions", "A", "B", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["off_band"]["wpm"] == {"before": {"off": 1, "answers": 3},
                                                      "after": {"off": 2, "answers": 3}}
    with Store.open(home) as store:  # the text view reads the same counts
        from furikaeri import compare as C

        assert C.compare_sessions(store, "A", "B").off_band["wpm"] == [1, 3, 2, 3]
