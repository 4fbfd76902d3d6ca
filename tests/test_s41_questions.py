"""Session 41 (QA s40 Z5 #9): a standard 就活 question in other words (a company file's
「志望動機を教えてください」, 「学生時代に頑張ったことは何ですか」) is the built-in one, and its
answers join the built-in question's attempts."""

from __future__ import annotations

import pytest

from furikaeri.questions import same_question
from furikaeri.store import Store

MOTIVE = "当社の志望動機を教えてください。"
GAKUCHIKA = "学生時代に力を入れたことを教えてください。"


@pytest.mark.parametrize("text, builtin", [
    ("志望動機を教えてください", MOTIVE), ("志望理由は何ですか", MOTIVE), ("弊社への志望動機をお聞かせください", MOTIVE),
    ("御社の志望動機", MOTIVE), ("学生時代に頑張ったことは何ですか", GAKUCHIKA),
    ("学生時代に一番力を入れたことを教えてください", GAKUCHIKA), ("ガクチカを教えてください", GAKUCHIKA),
    ("大学時代に打ち込んだことは何ですか", GAKUCHIKA)])
def test_a_standard_question_in_other_words_is_the_builtin_one(text, builtin):
    assert same_question(text)(builtin)


@pytest.mark.parametrize("text", ["当社の強みを教えてください", "学生時代に頑張ったことと、そこから学んだことを教えてください",
                                  "志望動機と自己PRをお願いします", "当社の課題は何だと思いますか"])
def test_other_questions_stay_their_own(text):
    assert not same_question(text)(MOTIVE) and not same_question(text)(GAKUCHIKA)


def test_a_company_question_in_other_words_joins_the_builtin_questions_attempts(tmp_path):
    with Store.open(tmp_path / "home") as st:
        builtin = st.question_for("ja-basic:gakuchika", GAKUCHIKA, language="ja", budget_s=60.0, set_name="ja-basic")
        company = st.question_for("さくら商事:asked1", "学生時代に頑張ったことは何ですか", language="ja", budget_s=None,
                                 set_name="さくら商事")
        assert company == builtin


# --------------------------------------------------------------------------- QA s40 Z5 #6


def _doubtful(level="ok"):
    """An answer whose fillers a minute its report judged as a lower bound (8 in 96 s, 2 more
    sounds in doubt would change the verdict): stored blank."""
    return {"schema": 9, "answer_s": 96.0, "budget_s": 60.0, "language": "ja", "rate": {"morae_per_s": 6.0},
            "transcript": "x", "words": [],
            "stats": {"filler_count": 8, "fillers_per_min": 5.0, "fillers_unconfirmed": 2, "long_pauses": 1},
            "verdicts": {"fillers": {"level": level, "norm": ""}}}


def test_history_shows_a_lower_bound_where_the_report_judged_one(tmp_path):
    """`history` showed フィラー/分 「–」 and "not judged" for an answer whose report said
    「5.0回/分 まずまず（これより多い可能性…）」."""
    import json

    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.lang import text
    from furikaeri.store import lower_bounds

    assert lower_bounds(_doubtful()) == {"fillers_per_min": 5.0, "filler_count": 8}
    assert lower_bounds(_doubtful("n/a")) == {}  # not judged at all: no bound to show
    assert lower_bounds({**_doubtful(), "stats": {**_doubtful()["stats"], "fillers_unconfirmed": 0}}) == {}
    home = tmp_path / "home"
    with Store.open(home) as st:
        sid = st.create_session("s")
        aid = st.add_answer(sid, _doubtful())
        for full in (False, True):
            a = st.answer(aid, full=full)
            assert a.metrics["fillers_per_min"] is None and a.floors == {"fillers_per_min": 5.0, "filler_count": 8}
    for lang in ("en", "ja"):
        out = CliRunner().invoke(cli, ["--home", str(home), "history", "--lang", lang], env={"COLUMNS": "100"}).output
        assert "5.0+" in out, out
        assert "".join(text(lang, "history_floor_note", answers=f"#{aid}").split()) in "".join(out.split()), out
        assert text(lang, "history_blank_note", answers=f"#{aid}", id=aid, cli="furikaeri").split("(")[0] not in out
    doc = json.loads(CliRunner().invoke(cli, ["--home", str(home), "history", "--json"]).output)
    assert doc[0]["answers"][0]["floors"] == {"fillers_per_min": 5.0, "filler_count": 8}


def test_the_journal_and_the_csv_give_the_lower_bound_as_history_does(tmp_path):
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "home"
    with Store.open(home) as st:
        st.add_answer(st.create_session("s"), _doubtful())
    for lang, said in (("en", "5.0+/min"), ("ja", "5.0+回/分")):
        out = CliRunner().invoke(cli, ["--home", str(home), "export", "--format", "md", "--lang", lang]).output
        assert said in out, out
    import csv
    import io

    out = CliRunner().invoke(cli, ["--home", str(home), "export", "--format", "csv"]).output
    (row,) = csv.DictReader(io.StringIO(out))
    assert (row["fillers_per_min"], row["fillers_per_min_floor"], row["filler_count"]) == ("", "5.0", "")
    assert row["filler_count_floor"] == str(_doubtful()["stats"]["filler_count"]) != "0"


# --------------------------------------------------------------------------- QA s41 B2 #2


def test_history_of_an_archive_with_a_broken_page_header_shows_what_can_be_read(tmp_path):
    """A leaf page of answers whose header is broken: a scan reaches row numbers a lookup cannot
    find, and `history` failed with "unexpected TypeError" (exit 70) where it should show what
    can be read."""
    import sqlite3

    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "home"
    with Store.open(home) as st:
        sid = st.create_session("kept")
        for _ in range(3):
            st.add_answer(sid, {**_doubtful(), "transcript": "x" * 3000})
    path = home / "furikaeri.db"
    db = sqlite3.connect(str(path))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.execute("PRAGMA page_size").fetchone()[0]
    (page,) = db.execute("SELECT pageno FROM dbstat WHERE name = 'answers' AND pagetype = 'leaf' LIMIT 1").fetchone()
    db.close()
    with open(path, "r+b") as f:  # the leaf's header: a cell count far past what the page holds
        f.seek(size * (page - 1))
        f.write(b"\x0d\x00\x00\x00\x09\x0f\xff")
    r = CliRunner().invoke(cli, ["--home", str(home), "history"])
    assert r.exit_code == 0 and "unexpected" not in r.output, r.output
    assert "kept" in r.output


# --------------------------------------------------------------------------- QA s41 B2 #1


def test_an_archive_saved_before_joins_a_standard_question_kept_apart(tmp_path):
    """An archive saved before the rule kept 「志望動機を教えてください」 (a company's) and the set's
    「当社の志望動機を教えてください。」 as two questions; progress split their attempts."""
    import sqlite3

    from furikaeri import progress as P

    home = tmp_path / "home"
    Store.open(home, upto=7).close()
    db = sqlite3.connect(str(home / "furikaeri.db"))
    db.execute("INSERT INTO sessions (id, name, started_at) VALUES (1, 'old', '2026-11-01T09:00:00+00:00')")
    for qid, key, text, language in ((4, "sakura:asks1", "志望動機を教えてください", "ja"),
                                     (5, "ja-basic:shibo-doki", MOTIVE, "ja"),
                                     (6, "en-basic:why", "Why do you want to work here?", "en"),
                                     (7, "ja-basic:gakuchika", GAKUCHIKA, "ja")):
        db.execute("INSERT INTO questions (id, key, text, language, budget_s, set_name, created_at)"
                   " VALUES (?, ?, ?, ?, 60, 'x', '2026-11-01T09:00:00+00:00')", (qid, key, text, language))
    for aid, qid in ((1, 4), (2, 5), (3, 5), (4, 6), (5, 7)):
        db.execute("INSERT INTO answers (id, session_id, question_id, created_at, analysis_json, language, answer_s,"
                   " budget_s) VALUES (?, 1, ?, ?, '{}', 'ja', 50, 60)", (aid, qid, f"2026-11-01T09:0{aid}:00+00:00"))
    db.commit()
    db.close()
    with Store.open(home) as st:
        # kept under the set's row, its words and key (QA s43 E #2), not the company's first one
        assert [(q.id, q.answer_count) for q in st.questions()] == [(5, 3), (6, 1), (7, 1)]
        assert st.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert [a.question_id for a in st.answers()] == [5, 5, 5, 6, 7]
        new = st.question_for("ja-basic:shibo-doki", MOTIVE, language="ja", budget_s=60.0, set_name="ja-basic")
        assert new == 5 and st.question_for("q", "志望理由は何ですか", language="ja") == 5
        assert [b.attempts for b in P.progress(st, question="志望理由は何ですか").questions] == [3]
        fresh = st.question_for("mine:new", "新しい質問です", language="ja")
        assert fresh > 7  # a retired number is never handed out again


def test_compare_shows_the_lower_bound_history_shows(tmp_path):
    """QA s41 B1 #3: compare said "– not judged in #1" for fillers its report judged "fair (or
    worse)", which history shows as 4.4+."""
    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.lang import text

    home = tmp_path / "home"
    with Store.open(home) as st:
        sid = st.create_session("s")
        st.add_answer(sid, _doubtful())
        st.add_answer(sid, {**_doubtful(), "stats": {**_doubtful()["stats"], "fillers_unconfirmed": 0}})
    for lang, cell in (("en", "5.0+/min"), ("ja", "5.0+回/分")):
        out = CliRunner().invoke(cli, ["--home", str(home), "compare", "1", "2", "--lang", lang],
                                 env={"COLUMNS": "120"}).output
        assert cell in out, out
        assert "".join(text(lang, "history_floor_note", answers="#1").split()) in "".join(out.split()), out
        said = "".join(text(lang, "unjudged_footnote", answers="#1", why=text(lang, "unjudged_fillers")).split())
        assert said not in "".join(out.split()), out


def test_an_interview_fix_on_fillers_is_not_done_beside_a_lower_bound_past_the_norm():
    """QA s41 C1 #1: 「えーが多かった」 was "done" (「えー」 0 ✓) on an answer with at least 5.0
    fillers a minute, its rate stored blank as a lower bound."""
    from rich.console import Console

    from furikaeri import notes as N
    from furikaeri.report.history import render_stand
    from furikaeri.store import lower_bounds, metrics_from_analysis

    d = _doubtful()
    said = ("あ", "あ", "あ", "あ", "まあ", "まあ", "あのー", "なんていうか")
    check = N.check_stand("えーが多かった", metrics_from_analysis(d), "ja", fillers=said, floors=lower_bounds(d))
    assert check.verdict == "not_yet"
    assert [(s.metric, s.fine, s.floor) for s in check.figures] == [("filler_word", True, False),
                                                                    ("fillers_per_min", False, True)]
    out = Console(width=100, record=True)
    render_stand(out, check, "ja", "ja")
    assert "5.0+回/分  ✗" in out.export_text()
    unsure = N.check_stand("フィラーを減らす", {**metrics_from_analysis(d)}, "ja", fillers=said,
                           floors={"fillers_per_min": 1.5, "filler_count": 2})
    assert [(s.metric, s.fine) for s in unsure.figures] == [("fillers_per_min", None)]  # may be past it: no telling


def test_progress_says_which_answers_a_lower_bound_leaves_out_of_the_fillers_trend(tmp_path):
    """QA s41 C1 #3: progress showed 3 bars for 4 attempts and an older 5.2 as the latest, with
    nothing said of the answer whose rate is a lower bound."""
    import json

    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.lang import text

    home = tmp_path / "home"
    with Store.open(home) as st:
        sid = st.create_session("s")
        st.add_answer(sid, {**_doubtful(), "stats": {**_doubtful()["stats"], "fillers_unconfirmed": 0}})
        floored = st.add_answer(sid, _doubtful())
    doc = json.loads(CliRunner().invoke(cli, ["--home", str(home), "progress", "--json"]).output)
    # since session 54 a bound past the norm is in the trend at that bound (QA s54 AH #2), and said so
    fillers = next(s for s in doc["overall"][0]["series"] if s["metric"] == "fillers_per_min")
    assert doc["overall"][0]["floored"] == [] and fillers["latest"]["answer_id"] == floored and fillers["latest"]["floor"]
    for lang in ("en", "ja"):
        out = CliRunner().invoke(cli, ["--home", str(home), "progress", "--lang", lang], env={"COLUMNS": "100"}).output
        said = "".join(text(lang, "floor_in_trend", answers=f"#{floored}").split())
        assert said in "".join(out.split()), out


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_notes_check_gives_the_earlier_lower_bound_compare_gives(tmp_path, lang):
    """QA s41 D1 #1: compare's table showed the earlier rate as 5.0+回/分 and the note's check under
    it 「フィラー: – → 7.1回/分」 under "not judged (a noisy room, or ...)"."""
    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.lang import text

    home = tmp_path / "home"
    with Store.open(home) as st:
        qid = st.question_for("ja-basic:gakuchika", GAKUCHIKA, language="ja", budget_s=60.0)
        first = st.add_answer(st.create_session("s"), _doubtful(), question_id=qid)
    r = CliRunner().invoke(cli, ["--home", str(home), "note", str(first), "--next", "フィラーを減らす"])
    assert r.exit_code == 0, r.output
    with Store.open(home) as st:
        later = {**_doubtful(), "stats": {**_doubtful()["stats"], "fillers_unconfirmed": 0, "fillers_per_min": 7.1}}
        st.add_answer(st.create_session("t"), later, question_id=qid)
    out = CliRunner().invoke(cli, ["--home", str(home), "compare", "1", "2", "--lang", lang],
                             env={"COLUMNS": "140"}).output
    flat = "".join(out.split())
    assert "".join(text(lang, "fix_floor_earlier").split()) in flat, out
    unit = "回/分" if lang == "ja" else "/min"
    assert f"5.0+{unit}→7.1{unit}" in flat, out
