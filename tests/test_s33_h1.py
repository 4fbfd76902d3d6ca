"""QA s33 qa-h #1, #5, #8: a command that only reads makes nothing in an existing folder that
holds no archive (``FURIKAERI_HOME=~``), nor ``audio/`` in an archive that has none; ``--lang``
typed after a bad option still makes click's error speak it; a ``-q`` that looks like a key
naming no set, or a bare id with a typo, is refused rather than saved as a question's words."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.cli.common import asked_question
from furikaeri.errors import QuestionError
from furikaeri.store import Store, audio_dir

SAMPLE = "samples/en_tell_me_about_yourself.flac"


def run(home, *args: str, locale: str = "C.UTF-8"):
    return CliRunner().invoke(cli, ["--home", str(home), *args],
                              env={"LANG": locale, "LC_ALL": None, "LC_MESSAGES": None})


# --------------------------------------------------------------------------- #1 reads make nothing

READS = [["history"], ["history", "--interviews", "--json"], ["progress"], ["progress", "--json"], ["export"],
         ["export", "-f", "csv"], ["show", "1"], ["compare", "1", "2"], ["delete", "1", "--yes"],
         ["note", "1", "--why", "x"], ["questions", "company", "nowhere"]]


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_a_read_in_an_existing_folder_without_an_archive_makes_nothing(tmp_path, args):
    folder = tmp_path / "somewhere"  # a home folder holding other things: ~ named by FURIKAERI_HOME
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    run(folder, *args)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_an_empty_database_file_is_read_as_no_archive_and_left_empty(tmp_path):
    (tmp_path / "furikaeri.db").touch()
    r = run(tmp_path, "history")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "furikaeri.db").stat().st_size == 0 and not audio_dir(tmp_path).exists()


@pytest.mark.parametrize("args", [["history"], ["progress"], ["show", "1"], ["export", "-f", "json"]], ids=" ".join)
def test_a_read_of_an_archive_without_its_audio_folder_makes_none(tmp_path, args):
    with Store.open(tmp_path) as store:
        store.create_session("mock")
    audio_dir(tmp_path).rmdir()
    run(tmp_path, *args)
    assert not audio_dir(tmp_path).exists()


def test_recordings_without_their_database_are_still_refused_by_a_read(tmp_path):
    audio_dir(tmp_path).mkdir()
    (audio_dir(tmp_path) / "take.wav").write_bytes(b"RIFF")
    r = run(tmp_path, "history")
    assert r.exit_code == 2 and "no practice database" in r.output
    assert not (tmp_path / "furikaeri.db").exists()


# --------------------------------------------------------------------------- #5 --lang after a bad option


@pytest.mark.parametrize("args", [["history", "-n", "0", "--lang", "ja"], ["history", "-n", "0", "--lang=ja"],
                                  ["analyze", SAMPLE, "--budget", "1", "-lja"],
                                  ["analyze", SAMPLE, "--budget", "1", "--language", "ja"],
                                  ["questions", "show", "--bogus", "--lang", "ja"]], ids=" ".join)
def test_lang_typed_after_a_bad_option_makes_its_error_japanese(tmp_path, args):
    r = run(tmp_path, *args)
    assert r.exit_code == 2
    assert r.output.startswith("furikaeri: エラー: "), r.output


def test_lang_en_after_a_bad_option_keeps_it_english_under_a_japanese_locale(tmp_path):
    r = run(tmp_path, "history", "-n", "0", "--lang", "en", locale="ja_JP.UTF-8")
    assert r.exit_code == 2 and r.output.startswith("furikaeri: error: Invalid value for '--limit'"), r.output


def test_lang_after_the_double_dash_is_no_option(tmp_path):
    r = run(tmp_path, "show", "x", "--", "--lang", "ja")
    assert r.exit_code == 2 and r.output.startswith("furikaeri: error: "), r.output


# --------------------------------------------------------------------------- #8 -q keys and typos


@pytest.mark.parametrize("ref, named", [("nosuch-set:intro", "en-basic"), ("jikoshokaii", "jikoshokai"),
                                        ("Intro", "intro"), ("en-basic:intr", "intro, strength")])
def test_a_key_naming_nothing_or_an_id_with_a_typo_is_refused(ref, named):
    with pytest.raises(QuestionError) as e:
        asked_question(ref, None)
    assert named in str(e.value) and named in e.value.said_in("ja")


@pytest.mark.parametrize("ref", ["Tell me about a time you failed", "Tell me: why?", "志望動機:1分で", "趣味",
                                 "Strengths?", "Why this industry", "What is 10:30 to you?"])
def test_a_questions_own_words_are_never_refused(ref):
    from furikaeri.questions import worded_budget

    question, budget, asked = asked_question(ref, None)
    assert (question, budget, asked) == (ref, worded_budget(ref), None)  # the time asked, a kind's, or none (s38)


def test_a_key_whose_set_is_typed_in_another_case_names_the_set_question():
    question, budget, asked = asked_question("EN-BASIC:intro", None)
    assert asked is not None and asked.key == "en-basic:intro" and budget == asked.budget_s


def test_analyze_refuses_a_key_of_no_set_before_hearing_the_take(tmp_path):
    r = run(tmp_path, "analyze", SAMPLE, "-q", "nosuch-set:intro", "--model", "no-such-model")
    assert r.exit_code == 2
    assert "no question set 'nosuch-set'" in r.output and "en-basic" in r.output, r.output
