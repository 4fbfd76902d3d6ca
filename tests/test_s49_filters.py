"""Session 49: `progress --company` and `export --company/--since`, as `history` filters (a power
user scripting several companies): a company's answers are those of the sessions practised for
it, its interviews those logged for it; --since keeps answers saved and interviews held from
that date on. Nothing kept: one line naming the filters, exit 0, and JSON of the usual shape."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli, help_ja
from furikaeri.lang import text
from furikaeri.progress import progress
from furikaeri.questions import template
from furikaeri.store import Store, user_questions_dir

NOV = datetime(2026, 11, 2, 12, tzinfo=timezone.utc)
DEC = datetime(2026, 12, 3, 12, tzinfo=timezone.utc)
QUESTION = "Why do you want to join us?"


def _analysis(pace: float) -> dict:
    """A saved English answer's analysis, its pace ``pace`` words a minute."""
    return {
        "schema": 1, "file": "x.wav", "language": "en", "duration_s": 51.0, "speech_detected": True,
        "latency_s": 0.6, "answer_s": 50.0, "budget_s": 60.0, "over_budget": False,
        "transcript": "I want to build things that last.", "words": [], "fillers": [], "pauses": [],
        "rate": {"wpm": pace},
        "stats": {"filler_count": 1, "fillers_per_min": 1.2, "long_pauses": 0, "very_long_pauses": 0,
                  "longest_pause_s": 0.8, "word_count": 120},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": QUESTION, "model": "base",
    }


@pytest.fixture
def archive(furikaeri_home):
    """Acme practised in November and December, さくら商事 in December, to one question; an
    interview logged for each; Acme's research; a question set and さくら商事's company file."""
    ids = {}
    with Store.open(furikaeri_home) as st:
        qid = st.question_for("text:why-us", QUESTION, language="en", budget_s=60.0, now=NOV)
        for name, company, when, pace in (("acme-1", "Acme", NOV, 120.0), ("acme-2", "Acme", DEC, 130.0),
                                          ("sakura-1", "さくら商事", DEC, 170.0)):
            sid = st.create_session(name, language="en", company=company, now=when)
            ids[name] = st.add_answer(sid, _analysis(pace), question_id=qid, now=when)
        st.add_interview(company="Acme", held_on="2026-11-20", items=[{"question": "Why Acme?", "answer": "tools"}])
        st.add_interview(company="さくら商事", held_on="2026-12-05",
                         items=[{"question": "なぜ商社なのですか。"}])
        st.upsert_company("Acme", notes="Ships developer tools.")
    folder = user_questions_dir(furikaeri_home)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mine.toml").write_text(template(language="en"), encoding="utf-8")
    (folder / "sakura.toml").write_text(template(company="さくら商事", language="ja"), encoding="utf-8")
    return ids


def run(*args: str, lang: str = "C.UTF-8"):
    r = CliRunner().invoke(cli, list(args), env={"LANG": lang, "LC_ALL": None, "LC_MESSAGES": None,
                                                 "COLUMNS": "100"}, catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r


# --------------------------------------------------------------------------- progress --company


def _overall_ids(doc: dict) -> list[int]:
    """The answers counted in ``progress --json``'s overall blocks (their pace's points)."""
    return [p["answer_id"] for block in doc["overall"] for s in block["series"] if s["metric"] == "wpm"
            for p in s["points"]]


def test_progress_of_a_company_counts_only_the_answers_practised_for_it(archive, furikaeri_home):
    doc = json.loads(run("progress", "--company", "acme", "--json").stdout)
    assert _overall_ids(doc) == [archive["acme-1"], archive["acme-2"]]
    assert sum(b["attempts"] for b in doc["overall"]) == 2
    assert [b["attempts"] for b in doc["questions"]] == [2]
    doc = json.loads(run("progress", "-c", "さくら商事", "--json").stdout)
    assert _overall_ids(doc) == [archive["sakura-1"]]
    with Store.open(furikaeri_home) as st:
        assert [o.attempts for o in progress(st, company="ＡＣＭＥ").overall] == [2]  # as history matches a name
        assert [o.attempts for o in progress(st).overall] == [3]


def test_progress_company_goes_with_question_and_since(archive):
    doc = json.loads(run("progress", "-c", "Acme", "--since", "2026-12-01", "-q", "text:why-us", "--json").stdout)
    assert _overall_ids(doc) == [archive["acme-2"]]
    out = run("progress", "-c", "Acme", "--lang", "en").stdout
    assert "2 attempts" in out and "nothing" not in out, out


def test_progress_says_which_filters_kept_nothing(archive):
    r = run("progress", "-c", "Acme", "--since", "2026-12-10", "--lang", "en")
    assert r.stdout.strip() == "no saved answers match --company Acme --since 2026-12-10"
    r = run("progress", "-c", "Globex", "--lang", "ja")
    assert r.stdout.strip() == "--company Globex に当てはまる回答はありません"
    r = run("progress", "-c", "Globex", "-q", "text:why-us", "--lang", "en")
    assert r.stdout.strip() == "no saved answers match --company Globex --question text:why-us"
    doc = json.loads(run("progress", "-c", "Globex", "--json").stdout)  # the usual shape, nothing in it
    assert set(doc) == {"overall", "questions", "usual_pace", "warnings"}
    assert [b["attempts"] for b in doc["overall"]] == [0] and doc["questions"] == []


# --------------------------------------------------------------------------- export --company / --since


def test_export_json_of_a_company_holds_its_answers_interviews_and_research_only(archive):
    doc = json.loads(run("export", "--company", "acme").stdout)
    assert doc["filters"] == {"company": "acme"}
    assert [a["id"] for a in doc["answers"]] == [archive["acme-1"], archive["acme-2"]]
    assert sorted(s["name"] for s in doc["sessions"]) == ["acme-1", "acme-2"]
    assert [q["key"] for q in doc["questions"]] == ["text:why-us"]
    assert [(i["company"], i["held_on"]) for i in doc["interviews"]] == [("Acme", "2026-11-20")]
    assert [c["name"] for c in doc["companies"]] == ["Acme"]
    assert [f["file"] for f in doc["question_files"]] == ["mine.toml"]  # no other company's file
    whole = json.loads(run("export", "--json").stdout)
    assert "filters" not in whole and len(whole["answers"]) == 3 and len(whole["question_files"]) == 2


def test_export_json_since_a_date_keeps_the_answers_and_interviews_from_it(archive):
    doc = json.loads(run("export", "--since", "2026-12-01", "--json").stdout)
    assert doc["filters"] == {"since": "2026-12-01"}
    assert [a["id"] for a in doc["answers"]] == [archive["acme-2"], archive["sakura-1"]]
    assert [i["held_on"] for i in doc["interviews"]] == ["2026-12-05"]
    assert len(doc["companies"]) == 2  # research has no date: all of it
    doc = json.loads(run("export", "-c", "Acme", "--since", "2026-12-01", "--json").stdout)
    assert [a["id"] for a in doc["answers"]] == [archive["acme-2"]] and doc["interviews"] == []


def _csv_rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def test_export_csv_filters_its_rows(archive, tmp_path):
    rows = _csv_rows(run("export", "-f", "csv", "--company", "さくら商事").stdout)
    assert [(int(r["answer_id"]), r["company"]) for r in rows] == [(archive["sakura-1"], "さくら商事")]
    rows = _csv_rows(run("export", "-f", "csv", "--since", "2026-12-01").stdout)
    assert [int(r["answer_id"]) for r in rows] == [archive["acme-2"], archive["sakura-1"]]
    out = tmp_path / "acme.csv"
    run("export", "-c", "acme", "--since", "2026-11-01", "-o", str(out))
    rows = _csv_rows(out.read_text(encoding="utf-8-sig"))
    assert [int(r["answer_id"]) for r in rows] == [archive["acme-1"], archive["acme-2"]]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_export_md_of_a_company_since_a_date_says_so_and_keeps_only_those(archive, lang):
    md = run("export", "-f", "md", "-c", "Acme", "--since", "2026-11-15", "--lang", lang).stdout
    assert text(lang, "md_filtered", filters="`--company Acme --since 2026-11-15`") in md
    assert "## acme-2" in md and "## acme-1" not in md and "## sakura-1" not in md
    assert "Why Acme?" in md and "なぜ商社" not in md  # its interview, held on the 20th
    assert "Ships developer tools." in md  # its research
    md = run("export", "-f", "md", "--since", "2026-12-01", "--lang", lang).stdout
    assert "## acme-2" in md and "## sakura-1" in md and "## acme-1" not in md and "Why Acme?" not in md


# --------------------------------------------------------------------------- nothing kept


def test_an_export_that_keeps_nothing_says_which_filters_and_stays_its_usual_shape(archive, tmp_path):
    filters = "--company Acme --since 2027-01-01"
    line = text("en", "export_none_match", filters=filters)
    r = run("export", "-c", "Acme", "--since", "2027-01-01", "--json")
    doc = json.loads(r.stdout)
    assert r.stderr.strip() == line == f"no answers or logged interviews match {filters}: the export holds none"
    assert doc["format"] == "furikaeri-export" and doc["answers"] == doc["sessions"] == doc["interviews"] == []
    assert doc["questions"] == [] and doc["filters"] == {"company": "Acme", "since": "2027-01-01"}
    r = run("export", "-f", "csv", "-c", "Acme", "--since", "2027-01-01")
    assert r.stderr.strip() == line and _csv_rows(r.stdout) == [] and r.stdout.startswith("answer_id,")
    r = run("export", "-f", "md", "-c", "Acme", "--since", "2027-01-01", "--lang", "en")
    assert r.stderr.strip() == line
    assert text("en", "md_none_match", filters=f"`{filters}`") in r.stdout and text("en", "md_empty") not in r.stdout
    out = tmp_path / "none.json"
    r = run("export", "-c", "Globex", "-o", str(out), lang="ja_JP.UTF-8")  # written, and said in Japanese
    assert r.stderr.splitlines()[0] == ("--company Globex に当てはまる回答・面接記録はありません"
                                        "（書き出しには1件も含まれていません）")
    assert json.loads(out.read_text(encoding="utf-8"))["answers"] == []
    assert "filters" not in json.loads(run("export").stdout) and not run("export").stderr  # unfiltered: as before


def test_a_company_with_research_alone_is_no_match_and_its_research_is_kept(archive, furikaeri_home):
    with Store.open(furikaeri_home) as st:
        st.upsert_company("Initech", notes="Met them at a fair.")
    r = run("export", "-f", "md", "-c", "initech", "--lang", "en")
    assert "no answers or logged interviews match --company initech" in r.stderr
    assert "Met them at a fair." in r.stdout and "Ships developer tools." not in r.stdout


# --------------------------------------------------------------------------- help


@pytest.mark.parametrize("path, english", [
    ("progress", "Only answers practised for this company."),
    ("export", "Only this company's: the answers practised for it, its logged interviews and its research."),
    ("export", "Only answers and logged interviews from this date on (YYYY-MM-DD, or yesterday)."),
])
def test_the_new_options_have_japanese_help(path, english):
    ja = help_ja.OPTIONS[english]
    flat = lambda x: "".join(x.split())  # noqa: E731  (lines broken anywhere)
    assert flat(ja) in flat(run(path, "--help", lang="ja_JP.UTF-8").stdout)
    assert flat(english) in flat(run(path, "--help").stdout)
    assert "企業" in ja or "日付" in ja


@pytest.mark.parametrize("path, options", [("progress", ("--company",)), ("export", ("--company", "--since"))])
def test_the_help_shows_an_example_of_each_new_option(path, options):
    for lang in ("C.UTF-8", "ja_JP.UTF-8"):
        examples = [line.split() for line in run(path, "--help", lang=lang).stdout.splitlines()
                    if line.strip().startswith(f"furikaeri {path}")]
        for option in options:
            assert any(option in words for words in examples), (lang, option, examples)
