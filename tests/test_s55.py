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
