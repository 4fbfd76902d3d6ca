"""A recording the archive already holds as an answer's is not saved again (QA s33 qa-i #8:
the command `recover` suggests, run twice, made two identical answers of one take); the other
files of the command go on, and a file of the person's own is never refused for its name."""

from __future__ import annotations

from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.store import Store

from test_archive_robust import seed


def test_an_archived_take_is_refused_before_its_analysis(tmp_path, monkeypatch):
    home = tmp_path / "h"
    ids = seed(home, 2)
    monkeypatch.setattr("furikaeri.stream.analyze_recording",
                        lambda *a, **k: (_ for _ in ()).throw(AssertionError("analysed")))
    take = home / "audio" / "take1.wav"
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(take), "--save"])
    assert r.exit_code == 2, r.output
    assert r.stderr.strip() == (f"furikaeri: error: {take} is already saved as answer {ids[1]} "
                                f"(`furikaeri --home {home} show {ids[1]}`): not saved again")
    with Store.open(home) as st:
        assert len(st.answers()) == 2


def test_said_in_japanese_and_without_save_the_take_is_analysed(tmp_path, monkeypatch):
    home = tmp_path / "h"
    seed(home, 1)
    take = home / "audio" / "take0.wav"
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(take), "--save", "-l", "ja"])
    assert r.exit_code == 2 and "は回答1として保存済みです" in r.stderr, r.stderr
    class Analysed(Exception):
        pass

    def analysed(*a, **k):
        raise Analysed

    monkeypatch.setattr("furikaeri.stream.analyze_recording", analysed)
    r = CliRunner().invoke(cli, ["--home", str(home), "analyze", str(take)])  # a report only: nothing refused
    assert r.exit_code == 70 and "already saved" not in r.stderr, r.output  # it reached the analysis
