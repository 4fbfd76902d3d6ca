"""Ctrl-C pressed while a practice answer is analysed ("finishing this answer first (it is
analysed and saved), then stopping") saves the answer and stops: no reflection prompts after
it (QA s33 qa-e #2: they were asked, and the answer waited unsaved until they were answered).
The command that adds a note later is said instead; a --note given is still kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli, practice_cmd
from furikaeri.session import AnswerAudio
from furikaeri.store import Store

from test_archive_robust import _quiet_wav, analysis


def _stopping_microphone(monkeypatch, tmp_path):
    """A microphone whose take is analysed while Ctrl-C is pressed (as HeldInterrupts holds it)."""
    take = _quiet_wav(tmp_path / "take.wav")

    def microphone(home, *, asked=None, **_):
        def record(index, q, budget, now):
            def analysed():
                asked.interrupted = True  # what practice_cmd's analysed() records when Ctrl-C was held
                return analysis()

            return AnswerAudio(Path(take), recorded=False, analysis=analysed, stop_asked=lambda: True)

        return record

    monkeypatch.setattr(practice_cmd, "_microphone", microphone)
    monkeypatch.setattr(practice_cmd, "_check_microphone", lambda device: None)


@pytest.mark.parametrize("lang,said", [("en", "no note yet: add one with `furikaeri --home {home} note 1`"),
                                       ("ja", "メモなし: `furikaeri --home {home} note 1` で追加")])
def test_ctrl_c_during_the_analysis_saves_the_answer_and_asks_no_reflection(tmp_path, monkeypatch, lang, said):
    _stopping_microphone(monkeypatch, tmp_path)
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "2", "--reflect",
                                 "--lang", lang], input="typed\n" * 6)
    assert r.exit_code == 130, r.output
    assert said.format(home=home) in r.stderr
    for prompt in ("what went wrong", "うまくいかなかった点"):
        assert prompt not in r.output
    with Store.open(home) as st:
        (a,) = st.answers()  # the first answer saved; no second question asked
        assert a.note is None


def test_a_note_given_is_still_kept_when_ctrl_c_stops_the_session(tmp_path, monkeypatch):
    _stopping_microphone(monkeypatch, tmp_path)
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "-n", "2", "--reflect",
                                 "--note", "point first"], input="typed\n" * 6)
    assert r.exit_code == 130, r.output
    with Store.open(home) as st:
        (a,) = st.answers()
        assert a.note.next_time == "point first"


@pytest.mark.parametrize("lang, said, unsaid", [
    ("en", "Session stopped before any answer was saved.", "the answers so far are saved"),
    ("ja", "回答を保存する前に練習を中断しました。", "ここまでの回答は保存済み")])
def test_ctrl_c_before_any_save_claims_no_saved_answers(lang, said, unsaid):
    """QA s33 qa-f #6: "Session ended after question 0 of 2 (Ctrl-C); the answers so far are
    saved." though none was."""
    from rich.console import Console

    from furikaeri.session import SessionResult

    out = Console(width=120, record=True)
    practice_cmd._Screen(out, lang, quiet=False).done(SessionResult(None, "en-basic", asked=2, ended_after=0))
    shown = out.export_text()
    assert said in shown and unsaid not in shown and "0" not in shown


def test_prompts_stopped_name_the_note_command_of_the_saved_answer(tmp_path, monkeypatch):
    """QA s33 qa-f #5: the line said "add a note later with furikaeri note" (no answer, no --home)."""
    take = _quiet_wav(tmp_path / "take.wav")
    monkeypatch.setattr(practice_cmd, "_analyser", lambda model, **_: lambda *a: analysis())
    home = tmp_path / "h"
    r = CliRunner().invoke(cli, ["--home", str(home), "practice", "--set", "en-basic", "--only", "strength",
                                 "--from-files", str(take), "--reflect"], input="ran over\n")
    assert r.exit_code == 0, r.output
    assert f"add a note later with `furikaeri --home {home} note 1`" in r.stderr
    with Store.open(home) as st:
        (a,) = st.answers()
        assert a.note.wrong == "ran over"
