"""Session 55: what was left from session 54's QA round."""

from __future__ import annotations

import json

import pytest


def test_analyze_json_names_the_question_key_beside_its_text(capsys):
    """QA s54 AL #6: analyze/record --json had `question` but no `question_key`, which every other
    view (history, show, export) carries; a script grouping its answers needed a second call."""
    from furikaeri.cli.common import emit_analysis
    from test_compare_notes import make_analysis

    analysis = make_analysis()
    emit_analysis(analysis, True, question_key="en-basic:intro")
    doc = json.loads(capsys.readouterr().out)
    keys = list(doc)
    assert doc["question_key"] == "en-basic:intro" and keys.index("question_key") == keys.index("question") + 1
    emit_analysis(analysis, True)  # a question in one's own words, not saved: null, not missing
    doc = json.loads(capsys.readouterr().out)
    assert "question_key" in doc and doc["question_key"] is None


def test_mic_check_json_without_a_microphone_prints_a_document(monkeypatch):
    """QA s54 AL #7: with no microphone `mic-check --json` printed nothing (devices --json says
    []): a script piping it to a JSON reader broke. The error line and exit 2 stay."""
    from click.testing import CliRunner

    import furikaeri.capture as capture
    from furikaeri.cli import cli

    monkeypatch.setattr(capture, "list_devices", lambda: [])
    monkeypatch.setenv("LANG", "C.UTF-8")
    r = CliRunner().invoke(cli, ["mic-check", "--json"])
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    assert doc["verdict"] == "no_device" and doc["device"] is None and doc["peak_dbfs"] is None
    assert "no microphone" in doc["message"] and "no microphone" in r.stderr
    plain = CliRunner().invoke(cli, ["mic-check"])
    assert plain.exit_code == 2 and plain.stdout == ""


@pytest.mark.parametrize("typed", ["2026-12-01 10:00", "2026-12-01T10:00", "12月1日 10時", "２０２６-１２-０１ １０:００"])
def test_since_with_a_time_of_day_is_refused_not_dropped(typed):
    """QA s54 AL #7: --since "2026-12-01 10:00" listed the whole day, the time dropped silently."""
    from furikaeri.cli.archive_cmd import _since_date
    from furikaeri.errors import UsageError

    with pytest.raises(UsageError) as said:
        _since_date(typed)
    assert "not a time of day" in str(said.value) and "時刻" in said.value.said_in("ja")
    assert _since_date("2026-12-01") == "2026-12-01" and _since_date("20261201") == "2026-12-01"


@pytest.mark.parametrize("question", ["1分で自己紹介をお願いします。", "Tell me about yourself in one minute."])
@pytest.mark.parametrize("note", ["話が長い", "too long"])
def test_a_shorter_answer_under_half_an_asked_length_is_overshot_not_better(question, note):
    """QA s53 AF #4/#5: 80 s, then 25 s of a question asking for a minute, under 「話が長い」, was
    "better" beside the report's tip "the question asked for 60 s … under half of it"."""
    from dataclasses import replace

    from furikaeri import notes as N
    from test_compare_notes import answer

    def took(id_, seconds, note=None, asked=question):
        a = answer(id_, {"answer_s": seconds, "budget_s": 60.0, "over_budget": seconds > 60,
                         "over_s": seconds - 60.0}, note=note)
        return replace(a, question=asked)

    assert N.check_fix(took(1, 80.0, note), took(2, 25.0).metrics, "ja").verdict == "overshot"
    assert N.check_fix(took(1, 80.0, note), took(2, 35.0).metrics, "ja").verdict == "better"  # over half: done
    plain = "Tell me about yourself."  # no length asked: 25 s of a 60-s budget is a fine shorter answer
    assert N.check_fix(took(1, 80.0, note, plain), took(2, 25.0, asked=plain).metrics, "ja").verdict == "better"


def test_a_focus_on_the_budget_met_under_half_an_asked_length_is_overshot():
    """The last focus's change (progress, practice --json after.focus_then) says it as the note check."""
    from dataclasses import replace

    from furikaeri.progress import focus_then
    from test_compare_notes import answer

    def took(id_, seconds, question):
        a = answer(id_, {"answer_s": seconds, "budget_s": 60.0, "over_budget": seconds > 60, "over_s": seconds - 60.0})
        return replace(a, question=question, focus="over_s")

    asked = "1分で自己紹介をお願いします。"
    assert focus_then([took(1, 80.0, asked)], took(2, 25.0, asked)).verdict == "overshot"
    assert focus_then([took(1, 80.0, "自己紹介をお願いします。")], took(2, 25.0, "自己紹介をお願いします。")).verdict == "better"


@pytest.mark.model
def test_a_take_cut_mid_sentence_keeps_its_last_words_and_length(shared):
    """QA s54 AK #7: a real answer cut at 19.5 s, mid-sentence ("… made it as her nest. [1.1 s]
    One day the black bird catch"): Whisper ended its window at the last full sentence, and the
    repair of the skipped speech did too, so the last 1.4 s of speech had no words, the answer
    was 16.7 s long and the 1.1-s pause was not there. What a repair leaves is heard once more."""
    from furikaeri.analysis import analyze_audio
    from realclips import build, cut, real_l2

    audio, _truth = real_l2(shared, "en_ALL_046_F_FAR_ENG_ST1")
    take = build([cut(audio, 0.0, 19.5)], "cut.wav")
    a = analyze_audio(take, language="en", stopped_at=19.5, cut_by="stop")
    said = [w.text.strip(" .,").lower() for w in a.words]
    assert "day" in said[-6:] and "black" in said[-6:]
    assert a.answer_s >= 18.8  # the speech runs to 19.25 s (labelled); it was 16.7
    assert any(p.start < 17.2 and p.end > 17.8 and p.end - p.start >= 0.8 for p in a.pauses)  # labelled 16.94-18.05
