"""An answer whose stored figures were overwritten shows blanks, not zeros (QA s36 C #4).

A zeroed page of the archive under an answer's row reads as 0 for every figure stored on it
and NUL bytes for its texts; SQLite's integrity check still passes. The answer was shown as
"0.0 s on a 0 s budget, 0 wpm" and its zeros became personal bests in `progress` and the
reference `compare` judged the next answer against. A budget of 0 s is never saved (every
budget is 5 s at least), so such a row's figures are all left blank (noted as ``figures``),
and a text of NUL bytes is unreadable like any other value that is no text.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.store import METRIC_COLUMNS, Store

from test_archive_robust import MONDAY, analysis


def _archive(home, n=3):
    """``n`` answers to one question, the first the slowest and with the most fillers."""
    with Store.open(home) as st:
        sid = st.session_for("Monday", now=MONDAY)
        qid = st.question_for("why-us", "Why us?", language="en", budget_s=60.0)
        ids = []
        for i in range(n):
            a = analysis(" ".join(["so I study physics and I like it"] * 300), 30.0 + i)
            ids.append(st.add_answer(sid, a.to_dict(), question_id=qid, now=MONDAY.replace(hour=9 + i)))
    return ids


def _zero_figures(home, answer_id):
    with sqlite3.connect(home / "furikaeri.db") as db:
        sets = ", ".join(f"{c} = 0" for c in METRIC_COLUMNS)
        db.execute(f"UPDATE answers SET {sets}, model = ? WHERE id = ?", ("\0\0\0\0", answer_id))


def test_a_zero_budget_row_reads_as_blank_figures_and_says_so(furikaeri_home):
    ids = _archive(furikaeri_home, 2)
    _zero_figures(furikaeri_home, ids[0])
    with Store.open(furikaeri_home) as st:
        first, second = sorted(st.answers(), key=lambda a: a.id)
    assert all(v is None for v in first.metrics.values()) and first.model is None
    assert second.metrics["answer_s"] == 31.0 and second.metrics["budget_s"] == 60.0


def test_history_shows_dashes_and_the_warning_names_the_figures(furikaeri_home):
    ids = _archive(furikaeri_home, 2)
    _zero_figures(furikaeri_home, ids[0])
    r = CliRunner().invoke(cli, ["history"])
    assert r.exit_code == 0, r.output
    assert f"answer {ids[0]}: some of its stored values cannot be read (model, figures)" in r.stderr, r.stderr
    row = next(ln for ln in r.stdout.splitlines() if ln.strip().startswith(f"{ids[0]} "))
    assert "0.0" not in row and "–" in row, row


def test_progress_leaves_the_damaged_answer_out_and_no_zero_is_a_best(furikaeri_home):
    ids = _archive(furikaeri_home, 3)
    _zero_figures(furikaeri_home, ids[0])
    r = CliRunner().invoke(cli, ["progress", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    text = json.dumps(data)
    assert '"best": 0.0' not in text and '"best": 0,' not in text
    assert all(b["attempts"] == 2 for b in data["overall"]), data["overall"]


def test_compare_judges_nothing_against_the_damaged_answer(furikaeri_home):
    ids = _archive(furikaeri_home, 2)
    _zero_figures(furikaeri_home, ids[0])
    r = CliRunner().invoke(cli, ["compare", str(ids[0]), str(ids[1]), "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["changes"]
    assert rows and all(row["before"] is None and row["verdict"] == "n/a" for row in rows), rows


def test_a_really_zeroed_page_under_an_answer_shows_no_zero_figures(furikaeri_home):
    """The QA's case: one overflow page of the first answer's row overwritten with zeros."""
    ids = _archive(furikaeri_home, 2)
    db = furikaeri_home / "furikaeri.db"
    with sqlite3.connect(db) as c:
        try:
            pages = c.execute("SELECT path, pageno FROM dbstat WHERE name = 'answers' AND pagetype = 'overflow'"
                              " ORDER BY path").fetchall()
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table")
        size = c.execute("PRAGMA page_size").fetchone()[0]
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert pages, "the answers' rows have overflow pages"
    first_cell = pages[0][0].split("+")[0]  # the first answer's record; its figures are stored last
    last = [n for path, n in pages if path.startswith(first_cell + "+")][-1]
    with open(db, "r+b") as f:
        f.seek((last - 1) * size)
        f.write(bytes(size))
    with Store.open(furikaeri_home) as st:
        damaged = next(a for a in st.answers() if a.id == ids[0])
    assert all(v is None for v in damaged.metrics.values()), damaged.metrics
    r = CliRunner().invoke(cli, ["progress", "--json"])
    assert r.exit_code == 0, r.output
    text = json.dumps(json.loads(r.stdout))
    assert '"best": 0.0' not in text, text


@pytest.mark.parametrize("lang, said", [
    ("en", "the earlier attempt's figures cannot be read (its row in the archive is damaged)"),
    ("ja", "前回の回答の数値が読めない（アーカイブの記録が破損している）ため、メモの効果は判断できません")])
def test_a_note_on_the_damaged_answer_is_not_said_to_name_no_figure(furikaeri_home, lang, said):
    """QA s37 V1 #4: "your note names no measured figure" for a note naming the fillers, where
    what is missing is the earlier attempt's figures."""
    ids = _archive(furikaeri_home, 2)
    with Store.open(furikaeri_home) as st:
        st.set_note(ids[0], next_time="fewer fillers")
    _zero_figures(furikaeri_home, ids[0])
    r = CliRunner().invoke(cli, ["compare", str(ids[0]), str(ids[1]), "--lang", lang])
    assert r.exit_code == 0, r.output
    flat = " ".join(r.output.split()).replace("( ", "(")
    assert said.replace(" ", "") in flat.replace(" ", ""), r.output
    assert "names no measured figure" not in r.output and "当てはまりません" not in r.output


def test_compare_question_passes_over_the_damaged_attempt(furikaeri_home):
    """QA s37 V1 #5: `compare --question` said "answered once in each language" where one of
    two English attempts had a damaged row (its language unreadable): it is nothing to compare."""
    ids = _archive(furikaeri_home, 3)
    _zero_figures(furikaeri_home, ids[1])
    with sqlite3.connect(furikaeri_home / "furikaeri.db") as db:
        db.execute("UPDATE answers SET language = ? WHERE id = ?", ("\0\0", ids[1]))
    r = CliRunner().invoke(cli, ["compare", "--question", "why-us", "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert (data["before"]["id"], data["after"]["id"]) == (ids[0], ids[2])
    _zero_figures(furikaeri_home, ids[0])
    r = CliRunner().invoke(cli, ["compare", "--question", "why-us"])
    assert r.exit_code == 2 and "only been answered once" in r.stderr, r.output


def _unreadable_language(home, answer_id):
    with sqlite3.connect(home / "furikaeri.db") as db:
        db.execute("UPDATE answers SET language = ? WHERE id = ?", ("\0\0", answer_id))


@pytest.mark.parametrize("lang, said", [
    ("en", "the attempt before (#{id}) is not compared: its stored figures cannot be read"),
    ("ja", "前回の回答（#{id}）とは比べていません。保存された数値が読み取れません")])
def test_show_says_why_the_attempt_before_is_not_compared(furikaeri_home, lang, said):
    """QA s37 V1 #6: `show` of the answer after a damaged one dropped the comparison without a word."""
    ids = _archive(furikaeri_home, 2)
    _zero_figures(furikaeri_home, ids[0])
    _unreadable_language(furikaeri_home, ids[0])
    r = CliRunner().invoke(cli, ["show", str(ids[1]), "--lang", lang])
    assert r.exit_code == 0, r.output
    assert said.format(id=ids[0]) in " ".join(r.stdout.split()), r.stdout
    doc = json.loads(CliRunner().invoke(cli, ["show", str(ids[1]), "--json"]).stdout)
    assert doc["previous"] is None and doc["previous_unreadable"] == ids[0]  # V #7: the reason in JSON too
    r = CliRunner().invoke(cli, ["show", str(ids[0])])  # the first attempt: nothing before it
    assert r.exit_code == 0 and "is not compared" not in r.stdout, r.output


def test_a_damaged_answer_is_shown_in_the_persons_language(furikaeri_home, monkeypatch):
    """QA s37 V1 #6: a Japanese answer whose language column was lost showed its note under the
    English label "next time:" to a person reading Japanese."""
    ids = _archive(furikaeri_home, 1)
    with Store.open(furikaeri_home) as st:
        st.set_note(ids[0], next_time="話すスピードを落とす")
    _unreadable_language(furikaeri_home, ids[0])
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    r = CliRunner().invoke(cli, ["show", str(ids[0])])
    assert r.exit_code == 0, r.output
    assert "次回やること: 話すスピードを落とす" in r.stdout and "next time" not in r.stdout, r.stdout


def test_a_note_is_checked_against_the_attempt_last_time_shows(furikaeri_home):
    """QA s37 V1 #4: practice showed the readable attempt as "last time" but checked the note
    against the damaged one after it ("fillers: – → 5.9/min")."""
    from furikaeri.session import note_check

    ids = _archive(furikaeri_home, 2)
    with Store.open(furikaeri_home) as st:
        st.set_note(ids[1], next_time="shorter, under 25 s")
        qid = st.answer(ids[1]).question_id
    _zero_figures(furikaeri_home, ids[1])
    with Store.open(furikaeri_home) as st:
        fix = note_check(st, qid, analysis("so I study physics", 20.0).to_dict())
    assert fix is not None and fix.previous_answer_id == ids[0], fix
    length = next(c for c in fix.changes if c.metric == "answer_s")
    assert (length.before, length.after) == (30.0, 20.0), length
