"""Session 44: what a newcomer following the docs met (QA s44 G), and the recording screens and
warnings QA s44 M, N and P re-tested."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli


def invoke(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.mark.parametrize("typed", ["...", "?", "「」", " - "])
def test_a_question_of_no_words_is_refused(furikaeri_home, typed):
    # QA s44 G #2: the README's `--question "..."` saved a question whose words were "..."
    r = invoke("record", "-q", typed)
    assert r.exit_code == 2 and "is not a question: give its words" in r.output, r.output


@pytest.mark.parametrize("command", [["history"], ["questions", "show"], ["progress"]])
def test_home_after_the_command_says_where_it_goes(furikaeri_home, tmp_path, command):
    # QA s44 G #4: "No such option '--home'. Did you mean '--help'?"
    r = invoke(*command, "--home", str(tmp_path))
    assert r.exit_code == 2 and f"--home goes before the command: `furikaeri --home DIR {' '.join(command)} ...`" in r.output
    assert "--help'?" not in r.output


def test_questions_verbose_lists_a_company_s_questions_too(furikaeri_home, tmp_path):
    # QA s44 G #3: `questions -v` ("list every question") left the companies' out
    template = invoke("questions", "template", "--company", "Acme")
    assert template.exit_code == 0
    path = tmp_path / "acme.toml"
    path.write_text(template.output, encoding="utf-8")
    assert invoke("questions", "add", str(path)).exit_code == 0
    plain, listed = (" ".join(invoke("questions", *flag).output.split()) for flag in ([], ["-v"]))
    assert "Why this company?" not in plain and "Why this company?" in listed, listed


def test_live_hints_without_a_terminal_are_said_to_be_off(monkeypatch, capsys, tmp_path):
    # QA s44 G #8: `record --live-hints` without a terminal dropped the hints without a word
    import furikaeri.cli.live as live
    from furikaeri.capture import Device, Take

    monkeypatch.setattr(live, "is_interactive", lambda: False)
    monkeypatch.setattr(live, "record_take", lambda out, **kw: Take(path=str(out), duration_s=1.0, rate=16000, channels=1,
                                                                    stopped_by="max_seconds", overflows=0,
                                                                    speech_heard=True))
    dev = Device(index=0, name="pulse", channels=1, default_rate=48000.0, is_default=True)
    for hints in (None, lambda: 0):
        live._record(tmp_path / "t.wav", dev, question="Q", budget=60, max_seconds=5, stop_after_silence=None,
                     language="en", hints=hints)
        said = " ".join(capsys.readouterr().err.split())
        assert ("no live hints without a terminal" in said) == (hints is not None), said


def test_a_prompt_that_meets_the_end_of_its_input_says_so(furikaeri_home):
    # QA s44 G #5: `note 3 </dev/null` said "a question needed an answer" (「質問に答えられませんでした」)
    from test_compare_notes import make_analysis, save

    save(furikaeri_home, make_analysis(question="Q?"), session="S")
    r = invoke("note", "1", env={"LANG": "C.UTF-8"})
    assert r.exit_code == 2 and "the input ended before a prompt was answered" in r.output, r.output


def test_a_take_recorded_narrow_is_said_to_be(tmp_path):
    # QA s44 N #3: at telephone quality (8 kHz) pauses read long and false ones appeared, unsaid
    from pathlib import Path

    import librosa
    import soundfile as sf

    from furikaeri.advice import warnings_for
    from furikaeri.audio import load_audio
    from furikaeri.lang import text
    from furikaeri.speech import find_speech

    sample = Path(__file__).resolve().parents[1] / "samples" / "en_greatest_strength.flac"
    x, rate = sf.read(sample, dtype="float32")
    phone = tmp_path / "phone.wav"
    sf.write(phone, librosa.resample(x, orig_sr=rate, target_sr=8000), 8000)
    wide, narrow = find_speech(load_audio(sample)), find_speech(load_audio(phone))
    assert narrow.narrow and not wide.narrow

    class Heard:  # what warnings_for reads of the measurements
        speech_detected, unconfirmed_fillers, answer_s = True, 0, 20.0

    said = warnings_for(Heard(), "en", narrow)
    assert text("en", "warn_narrow") in said and text("en", "warn_narrow") not in warnings_for(Heard(), "en", wide)


@pytest.mark.model
def test_speech_after_the_last_word_heard_is_said_to_be_left_out(shared):
    # QA s44 N #2: an English answer closing with 4.5 s of Japanese thanks Whisper made no words
    # of read 10.3 s for 14.8 s, the stretch left out unsaid
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(shared("conversation", "reazon_test_ja_en.wav")), language="auto")
    said = " ".join(a.warnings)
    assert "after the last word heard" in said, a.warnings
    clean = analyze_file(str(shared("en", "jfk.flac")), language="en")
    assert not any("after the last word heard" in w for w in clean.warnings), clean.warnings


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_session_ended_after_a_skip_claims_no_answer_saved(lang):
    # QA s44 P #2: question 1 skipped, then Ctrl-C: "the answers so far are saved" over none
    from types import SimpleNamespace

    from rich.console import Console

    from furikaeri.cli import practice_cmd
    from furikaeri.lang import text

    out = Console(width=100, record=True)
    result = SimpleNamespace(session=None, ended_after=1, asked=2,
                             answers=[{"question": {"text": "Tell me about yourself."}, "skipped": "skipped"}])
    practice_cmd._Screen(out, lang, quiet=False).done(result)
    said = " ".join(out.export_text().split())
    assert " ".join(text(lang, "practice_ended_none").split()) in said, said
    assert "Tell me about yourself." in said and " ".join(text(lang, "practice_ended", n=1, total=2).split()) not in said


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_take_over_with_nothing_said_is_recorded_not_answered(language):
    # QA s44 M #3: a question skipped at once ended on "■ answered 0:00 / 1:30"
    from rich.console import Console
    from test_capture import render_panel

    from furikaeri import capture
    from furikaeri.cli.live import LivePanel
    from furikaeri.lang import text

    panel = LivePanel(Console(width=100), question="Q?", budget=90.0, device_name="mic", language=language)
    panel.elapsed, panel.done, panel.level = 0.7, True, capture.MIN_DBFS
    shown = render_panel(panel, 100)
    assert text(language, "rec_done") in shown and text(language, "rec_done_answer") not in shown, shown
    assert "/ 1:30" not in shown
