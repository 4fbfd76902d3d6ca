"""QA s34 (lead): a misspelt set:key gets its "did you mean"; recover's usage names the file it
takes; questions --lang says what it changes; record and practice describe their stop options
alike; export's Japanese help says how the format is chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "en_greatest_strength.flac"
JA = {"LANG": "ja_JP.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}  # Japanese help, as test_help_ja reads it


@pytest.mark.parametrize("key, near", [("en-basic:intr", "en-basic:intro"), ("ja-basic:jikopr", "ja-basic:jiko-pr"),
                                       ("ja-basic:jikoshokaii", "ja-basic:jikoshokai")])
def test_a_misspelt_set_key_names_the_key_it_is_close_to(tmp_path, key, near):
    """QA-L #6: `-q ja-basic:jikoshokaii` listed the set's ids with no hint, where the bare
    `-q jikoshokaii` says "did you mean"; the key's form gets it too, in the set's language, before
    anything is analysed or saved."""
    home = tmp_path / "h"
    said = f"did you mean {near}?" if key.startswith("en") else f"もしかして: {near}"
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(SAMPLE), "-q", key])
    assert r.exit_code == 2, r.output
    assert said in r.output, r.output
    assert not home.exists()


def test_a_set_key_far_from_every_id_lists_the_set_without_a_guess(tmp_path):
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", str(SAMPLE), "-q", "en-basic:zzz"])
    assert r.exit_code == 2 and "its questions are" in r.output and "did you mean" not in r.output, r.output


def test_recover_usage_names_a_file_as_well_as_a_folder():
    """QA-M #9: the usage said [DIRECTORY] though a WAV file is taken too (README: recover FILE.wav)."""
    for env in ({}, JA):
        out = CliRunner(env=env).invoke(cli, ["recover", "--help"]).output
        said = "[FOLDER|FILE.wav]" if env is not JA else "[フォルダ|ファイル.wav]"  # QA s47 GG #9
        assert said in out and "recover take-" in out and "DIRECTORY" not in out, out


def test_questions_lang_help_says_it_changes_the_headings_not_the_sets():
    """QA-M #8: `questions --lang` said "[default: the answers' language]" as the archive commands
    do, though a set's questions are always shown in its own language."""
    for args in (["questions", "--help"], ["questions", "show", "--help"], ["questions", "company", "--help"]):
        out = " ".join(CliRunner().invoke(cli, args).output.split())
        assert "Language of the headings" in out and "own language" in out, out
    ja = "".join(CliRunner(env=JA).invoke(cli, ["questions", "--help"]).output.split())
    assert "見出しの言語" in ja and "そのセットの言語のまま" in ja, ja


def _option(command: str, name: str):
    return next(p for p in cli.commands[command].params if p.name == name)


@pytest.mark.parametrize("name", ["max_seconds", "stop_after_silence"])
def test_record_and_practice_describe_their_stop_options_alike(name):
    """QA-M #5: the two commands that record gave the same options different ranges and texts
    ([0.5<=x<=600] with a default in one, [x>=0.5] with none in the other)."""
    record, practice = _option("record", name), _option("practice", name)
    assert record.type.max == practice.type.max, (record.type, practice.type)
    assert "[default:" in record.help and "[default:" in practice.help
    if name == "stop_after_silence":
        assert record.help == practice.help and record.metavar == practice.metavar == "SECONDS"


def test_export_japanese_help_says_the_extension_chooses_the_format():
    out = "".join(CliRunner(env=JA).invoke(cli, ["export", "--help"]).output.split())
    assert "拡張子" in out and "食い違う" in out, out


def test_export_out_dash_prints_as_without_out(tmp_path, monkeypatch):
    """QA-V1 #6: `export --out -` wrote a file named "-" in the current folder: "-" is the usual
    name of standard output, so the export is printed, and no file is made."""
    import json

    monkeypatch.chdir(tmp_path)
    home = str(tmp_path / "h")
    r = CliRunner().invoke(cli, ["--home", home, "export", "--out", "-"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["format"] == "furikaeri-export"
    assert not (tmp_path / "-").exists()
    csv_out = CliRunner().invoke(cli, ["--home", home, "export", "-f", "csv", "-o", "-"])
    assert csv_out.exit_code == 0 and csv_out.stdout.split(",")[0].lstrip("\ufeff") == "answer_id", csv_out.stdout
    assert not (tmp_path / "-").exists()


def test_an_english_only_model_refuses_a_japanese_set_question_in_analyze(tmp_path):
    """QA-V2 #2: `analyze -q ja-basic:jikoshokai --model tiny.en --save` invented an English
    answer to a Japanese question and saved it (practice refused it): analyze passes the set
    question's language as practice does, so the English-only model refuses it, and nothing is
    saved."""
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(SAMPLE), "-q", "ja-basic:jikoshokai",
                                 "--model", "tiny.en", "--save"])
    assert r.exit_code == 2, r.output
    assert "英語しか聞き取れません" in r.output, r.output
    import json

    listed = CliRunner().invoke(cli, ["--home", str(home), "history", "--json"])
    assert listed.exit_code == 0 and "jiko" not in listed.stdout and json.loads(listed.stdout) == [], \
        listed.stdout
    english = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(SAMPLE), "-q", "en-basic:intro",
                                       "--model", "tiny.en", "--json"])
    assert "hears English only" not in english.output  # an English question goes on to the analysis


def test_record_hears_an_auto_answer_in_its_set_questions_language(monkeypatch, tmp_path):
    """The live path gets the set question's language too (the Listener refuses an English-only
    model for it, and hears the answer in it unless Whisper is sure of the other)."""
    from furikaeri.cli import live

    got = {}

    def stop(out, *, analysis, **kw):
        got.update(analysis)
        raise SystemExit(3)

    monkeypatch.setattr(live, "record_listening", stop)
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "record", "-q", "ja-basic:jikoshokai"])
    assert r.exit_code == 3 and got.get("prefer") == "ja", (r.output, got)
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "record", "-q", "ja-basic:jikoshokai", "-l", "en"])
    assert got.get("prefer") is None, got


@pytest.mark.parametrize("metric, lang", [("morae_per_s", "ja"), ("wpm", "en")])
def test_last_times_focus_names_the_pace_without_its_unit(metric, lang):
    """QA-V3 #8 (h8's note): the focus line says 「話速 8.9拍/秒」, and last time's focus line said
    「前回の重点「話速（拍/秒）」: 8.9拍/秒 → …」, the unit twice: the pace by its plain name there too."""
    from dataclasses import replace

    from rich.console import Console
    from test_compare_notes import answer

    from furikaeri import progress as P
    from furikaeri.metrics import METRIC_BY_NAME
    from furikaeri.progress import AfterAnswer
    from furikaeri.report import history as H

    timed = {"answer_s": 50.0, "budget_s": 60.0, "over_s": -10.0}
    high = {"morae_per_s": 9.0, "chars_per_min": 520.0, "wpm": 190.0}[metric]
    prev = replace(answer(1, {**timed, metric: high}, lang=lang), focus=metric)
    moved = P.focus_then([prev], answer(2, {**timed, metric: high * 0.85}, lang=lang))
    out = Console(record=True, width=200, force_terminal=False, color_system=None)
    H.render_after(out, AfterAnswer(focus_then=moved), lang, language=lang)
    said = out.export_text()
    plain = METRIC_BY_NAME["wpm"].label(lang)
    assert plain in said and (METRIC_BY_NAME[metric].label(lang) == plain
                              or METRIC_BY_NAME[metric].label(lang) not in said), said


def test_a_note_check_that_cannot_tell_the_opening_has_one_heading_clause():
    """QA-V1 #2: "how this answer opened cannot be told: no telling whether your note worked:"
    put two colons in one heading."""
    from furikaeri.lang import text

    assert text("en", "fix_untold").count(":") == 0
