"""Session 36, helper f6: the Markdown export marks a take the recorder cut off as history
does (†, not the short answer's *); a note's limit still not kept is said so, never "you did
what your note asked" (a 20-s answer, then another, on "keep it under 15 seconds" of a 90-s
budget); a Japanese question in history's table breaks between phrases (自己PRを / お願いします。,
QA s36 C #9)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.text import Text

from furikaeri.cli import cli
from test_input_robust import SAMPLE, fake_analysis

STRENGTH = "What is your greatest strength?"
PR = "自己PRをお願いします。"


def invoke(args, **kwargs):
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


def _save(home: Path, lengths, *, budget: float = 60.0, question: str = STRENGTH, language: str = "en",
          note: str | None = None, cut=()) -> None:
    """Answers to one question saved into the archive at ``home`` as `analyze --save` saves
    them, one per length; ``note`` on the first; the ones whose place is in ``cut`` cut off by
    the recording."""
    from furikaeri.session import save_analysis

    a = dataclasses.replace(fake_analysis(SAMPLE, question=question), language=language)
    for i, answer_s in enumerate(lengths):
        save_analysis(dataclasses.replace(a, answer_s=answer_s, budget_s=budget, cut_short=i in cut,
                                          over_budget=answer_s > budget),
                      audio_path=SAMPLE, session="s", question=question,
                      note={"next_time": note} if note and i == 0 else None, home=home, settings={})


# --------------------------------------------------------------------------- 1: the Markdown export of a cut take


def _entry(journal: str, answer_id: int) -> str:
    start = journal.index(f"### #{answer_id} ")
    end = journal.find("### #", start + 1)
    return journal[start:end if end > 0 else None]


@pytest.mark.parametrize("lang, cut_said, short_said", [
    ("en", "†the recording stopped before the answer did", "an answer under 30% of its budget"),
    ("ja", "†回答の途中で録音が止まった回答", "持ち時間の30%未満の短い回答")])
def test_markdown_marks_a_cut_take_as_history_does(tmp_path, lang, cut_said, short_said):
    """A take the time limit stopped at 10.4 s of 60 read `fillers: 0.0/min\\*` with the short
    answer's footnote in the journal, while history marks it † (the recording stopped first);
    one cut at 50 s had no mark at all. A short answer beside them keeps its own."""
    home = tmp_path / "h"
    _save(home, [40.0, 10.4, 8.0, 50.0], cut=(1, 3))
    r = invoke(["--home", home, "export", "--format", "md", "--lang", lang])
    assert r.exit_code == 0, r.output
    journal = r.output
    assert _entry(journal, 1).count("†") == 0 and "\\*" not in _entry(journal, 1)
    thin_cut, short, long_cut = _entry(journal, 2), _entry(journal, 3), _entry(journal, 4)
    for entry in (thin_cut, long_cut):
        assert cut_said in entry and short_said not in entry and "\\*" not in entry
    assert "/ 60 s†" in thin_cut or "/ 60秒†" in thin_cut
    assert thin_cut.split("\n")[2].count("†") == 3  # the length, and the rates of a part recorded that short
    assert long_cut.split("\n")[2].count("†") == 1  # 50 s of 60 recorded: its rates stand
    assert short_said in short and "†" not in short and short.split("\n")[2].count("\\*") == 2
    history = invoke(["--home", home, "history", "--lang", lang], terminal_width=120).output
    assert "10.4/60†" in history and "50.0/60†" in history  # the marks history gives the same answers
