"""A filler a note names is shown as the reports wrote it (QA s38 G #5): the note 「えーを減らす」
was checked as 「えーと」: 4回 → 1回 where both reports listed えっと."""

from __future__ import annotations

from rich.console import Console

from furikaeri import notes as N
from furikaeri.report import history as H
from furikaeri.store import Answer, Note


def _answer(fillers, note=None):
    metrics = {"answer_s": 60.0, "budget_s": 60.0, "fillers_per_min": float(len(fillers)), "morae_per_s": 6.0}
    return Answer(1, 1, "", 1, "Q", None, "2026-12-05 10:00", None, "", "ja", "base", {}, metrics, note,
                  fillers=tuple(fillers))


def test_the_fix_line_names_the_filler_as_the_reports_wrote_it():
    before = _answer(["えっと"] * 4 + ["え"] * 3, Note(1, 1, "", "", "えーとを減らす", "", ""))
    after = ["えっと", "え", "え"]
    fix = N.check_fix(before, _answer(after).metrics, "ja", fillers=after)
    words = [c for c in fix.changes if isinstance(c, N.WordChange)]
    assert [(c.word, c.said, c.before, c.after) for c in words] == [("えーと", "えっと", 4, 1)]
    assert fix.to_dict()["changes"][0]["said"] == "えっと"
    out = Console(width=120, record=True)
    H.render_fix(out, fix, "ja")
    text = out.export_text()
    # the note's filler by its family, the same in every check, and the form the reports wrote
    # beside it (QA s41 C1 #5: 「えー」, 「え/えー」, 「えー/えぇ」 for one fix)
    assert "「えーと」（えっと）: 4回 → 1回" in text, text


def test_two_forms_are_both_named_and_an_unsaid_one_by_the_note():
    assert N.said_as("えーと", ["えっと", "えっと"], ["えーと"]) == "えっと/えーと"
    assert N.said_as("um", [], []) == "um"
    assert N.said_as("um", ["Umm"], ["um", "Um"]) == "um/umm"  # the later answer's first


def test_a_real_interviews_fix_names_it_so_too():
    stand = N.check_stand("えーとを減らす", _answer(["えっと", "えっと"]).metrics, "ja", fillers=["えっと", "えっと"])
    assert [(s.word, s.said, s.value) for s in stand.figures] == [("えーと", "えっと", 2)]
    assert stand.to_dict()["figures"][0] == {"metric": N.FILLER_WORD, "value": 2, "fine": False, "word": "えーと",
                                             "said": "えっと"}
