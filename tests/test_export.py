"""The archive's exports of company research and logged interviews (QA, session 29): in the
Markdown journal every line of a value stays in its list (a company's asks one item each, a
text's later lines indented under it), labels as `questions company` says them; in JSON a
company's lists are lists, as in its file and `questions show --json`."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.lang import text
from furikaeri.report.export import company_doc, to_markdown

SAKURA = ('[company]\nname = "さくら商事"\nlanguage = "ja"\nasks = ["学生時代に力を入れたこと", "なぜ商社なのか"]\n'
          'valued = "結論から話せるか"\nto_ask = ["若手の裁量について", "配属の決まり方"]\n'
          'notes = """一次面接は三十分。\n二次は役員面接。"""\n')


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "h"
    f = tmp_path / "sakura.toml"
    f.write_text(SAKURA, encoding="utf-8")
    for args in (("questions", "add", str(f)),
                 ("reflect", "-c", "さくら商事", "-q", "なぜ商社なのですか。", "-a", "貿易に興味があり\n海外で働きたいから",
                  "--to-fix", "結論から話す\n数字を入れる")):
        r = CliRunner().invoke(cli, ["--home", str(home), *args])
        assert r.exit_code == 0, r.output
    return home


def export(home, *args: str) -> str:
    r = CliRunner().invoke(cli, ["--home", str(home), "export", *args])
    assert r.exit_code == 0, r.output
    return r.stdout


def test_every_line_of_a_company_stays_in_its_list(home):
    md = export(home, "--format", "md", "--lang", "ja")
    part = md[md.index(f"## {text('ja', 'md_companies')}"):]
    body = [line for line in part.splitlines()[1:] if line and not line.startswith("#")]
    assert all(line.startswith(("- ", "  ")) for line in body), part  # no bare line outside the list
    assert f"- **{text('ja', 'md_asks')}**:\n  - 学生時代に力を入れたこと\n  - なぜ商社なのか" in part, part
    assert f"- **{text('ja', 'md_notes')}**: 一次面接は三十分。\n  二次は役員面接。" in part, part
    interviews = md[md.index(f"## {text('ja', 'md_interviews')}"):md.index(f"## {text('ja', 'md_companies')}")]
    lines = [line for line in interviews.splitlines()[1:] if line and not line.startswith("#")]
    assert all(line.startswith(("- ", "  ")) for line in lines), interviews
    assert re.search(r"  - 回答: 貿易に興味があり\n    海外で働きたいから", interviews), interviews


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_journal_labels_a_company_as_questions_company_does(lang):
    for key in ("asks", "atmosphere", "interviewers", "valued", "to_ask", "notes"):
        assert text(lang, f"md_{key}") == text(lang, key), key


def test_a_company_s_lists_are_lists_in_the_json_export(home):
    doc = json.loads(export(home))
    assert doc["version"] == 2
    (c,) = doc["companies"]
    assert c["asks"] == ["学生時代に力を入れたこと", "なぜ商社なのか"] and c["to_ask"] == ["若手の裁量について", "配属の決まり方"]
    shown = json.loads(CliRunner().invoke(cli, ["--home", str(home), "questions", "show", "さくら商事", "--json"]).stdout)
    assert shown["company"]["asks"] == c["asks"] and shown["company"]["to_ask"] == c["to_ask"]
    assert company_doc({"name": "x", "asks": None, "to_ask": ""}) == {"name": "x", "asks": [], "to_ask": []}
    # a journal made from such an export (or an older one, with one text a line each) reads alike
    old = {**c, "asks": "\n".join(c["asks"]), "to_ask": "\n".join(c["to_ask"])}
    journals = [to_markdown({"answers": [], "sessions": [], "companies": [x]}, lang="ja") for x in (c, old)]
    assert journals[0] == journals[1] and journals[0].count("\n  - ") == 4


@pytest.mark.parametrize("lang, said", [("en", "long pauses: 1 (0.6/min)"), ("ja", "長い間: 1回（0.6回/分）")])
def test_the_journal_gives_long_pauses_with_their_rate_as_progress_tracks_it(tmp_path, lang, said):
    # QA s47 DD #11: the journal's "long pauses: 5" beside compare's and progress's 7.9/min
    from test_s41_questions import _doubtful

    from furikaeri.store import Store

    with Store.open(tmp_path) as st:
        st.add_answer(st.create_session("a"), _doubtful())
    md = export(tmp_path, "--format", "md", "--lang", lang)
    assert said in md, md


def test_the_csv_ends_with_what_to_group_rows_by(tmp_path):
    # QA s47 DD #8: no session id, question key or company to group a spreadsheet's rows by
    import csv
    import io

    from test_s41_questions import _doubtful

    from furikaeri.store import Store

    with Store.open(tmp_path) as st:
        sid = st.create_session("acme-prep")
        qid = st.question_for("ja-basic:gakuchika", "学生時代に力を入れたことを教えてください。", language="ja")
        st.add_answer(sid, _doubtful(), question_id=qid)
    (row,) = csv.DictReader(io.StringIO(export(tmp_path, "--format", "csv")))
    assert (row["session_id"], row["question_id"], row["question_key"]) == (str(sid), str(qid), "ja-basic:gakuchika")
    # then whether its recording is gone (QA s51 UU #5)
    assert list(row)[-5:] == ["session_id", "question_id", "question_key", "company", "audio_missing"]


def test_progress_json_gives_each_questions_key(tmp_path):
    # QA s47 DD #8: progress --json had no question_key, which every other command's --json gives
    from test_s41_questions import _doubtful

    from furikaeri.store import Store

    with Store.open(tmp_path) as st:
        sid = st.create_session("a")
        qid = st.question_for("ja-basic:gakuchika", "学生時代に力を入れたことを教えてください。", language="ja")
        st.add_answer(sid, _doubtful(), question_id=qid)
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "progress", "--json"])
    doc = json.loads(r.stdout)
    assert doc["questions"][0]["question_key"] == "ja-basic:gakuchika" and doc["overall"][0]["question_key"] is None


def test_export_takes_json_as_the_other_commands_do(tmp_path):
    # QA s47 DD #8: `export --json` was refused though every other archive command takes it
    from test_s41_questions import _doubtful

    from furikaeri.store import Store

    with Store.open(tmp_path) as st:
        st.add_answer(st.create_session("a"), _doubtful())
    assert json.loads(export(tmp_path, "--json"))["format"] == "furikaeri-export"
    for bad in (("--json", "-f", "csv"), ("--json", "-o", str(tmp_path / "a.csv"))):
        r = CliRunner().invoke(cli, ["--home", str(tmp_path), "export", *bad])
        assert r.exit_code == 2 and not r.stdout.strip() and "Traceback" not in r.output, r.output
    assert "--json" in r.output and "leave --format out" not in r.output  # said of the option typed (FF #10)
    assert not (tmp_path / "a.csv").exists()


def test_history_finds_a_companys_sessions_a_questions_answers_and_those_since_a_date(tmp_path):
    # QA s47 DD #3: five companies over a month and no way to list one's sessions, or a date's on
    from datetime import datetime, timezone

    from test_s41_questions import _doubtful

    from furikaeri.store import Store

    nov, dec = datetime(2026, 11, 2, 3, tzinfo=timezone.utc), datetime(2026, 12, 3, 3, tzinfo=timezone.utc)
    with Store.open(tmp_path) as st:
        q1 = st.question_for("ja-basic:gakuchika", "学生時代に力を入れたことを教えてください。", language="ja")
        q2 = st.question_for("ja-basic:shibou", "志望動機を教えてください。", language="ja")
        acme = st.create_session("acme-1", company="Acme", now=nov)
        a1 = st.add_answer(acme, _doubtful(), question_id=q1, now=nov)
        sakura = st.create_session("sakura-1", company="さくら商事", now=dec)
        a2 = st.add_answer(sakura, _doubtful(), question_id=q1, now=dec)
        a3 = st.add_answer(sakura, _doubtful(), question_id=q2, now=dec)
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "reflect", "-c", "ACME", "--date", "2026-11-20", "-q", "Why us?"])
    assert r.exit_code == 0, r.output

    def ids(*args):
        r = CliRunner().invoke(cli, ["--home", str(tmp_path), "history", "--json", *args])
        assert r.exit_code == 0, r.output
        return [[a["id"] for a in s["answers"]] for s in json.loads(r.stdout)]

    assert ids() == [[a2, a3], [a1]]
    assert ids("--company", "acme") == [[a1]] and ids("-c", "さくら商事") == [[a2, a3]]
    assert ids("--since", "2026-12-01") == [[a2, a3]]
    assert ids("-q", "gakuchika") == [[a2], [a1]] and ids("-q", "gakuchika", "-n", "1") == [[a2]]
    assert ids("-c", "Acme", "--since", "2026-12-01") == []
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "history", "-c", "Acme", "--since", "2026-12-01", "--lang", "en"])
    assert r.exit_code == 0 and "nothing saved matches" in r.output, r.output
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "history", "--interviews", "--company", "acme", "--json"])
    assert [(iv["company"], iv["held_on"]) for iv in json.loads(r.stdout)] == [("Acme", "2026-11-20")]
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "history", "--interviews", "--since", "2026-12-01", "--json"])
    assert json.loads(r.stdout) == []
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "history", "-q", "gakuchika", "-n", "1", "--lang", "en"])
    said = " ".join(r.output.split())  # the command for the older ones keeps the filter (QA s47 FF #5)
    assert "history -n 2 --question gakuchika" in said, r.output
    r = CliRunner().invoke(cli, ["--home", str(tmp_path), "history", "-q", "nosuch question at all"])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_set_and_company_names_complete_in_the_shell(tmp_path, monkeypatch):
    # QA s47 DD #9: `practice --set <TAB>` and `--company <TAB>` completed nothing
    from furikaeri.cli.common import complete_companies, complete_sets

    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "sakura.toml").write_text(
        '[company]\nname = "さくら商事"\nlanguage = "ja"\nasks = ["なぜ商社なのか"]\n', encoding="utf-8")
    monkeypatch.setenv("FURIKAERI_HOME", str(tmp_path))
    assert [c.value for c in complete_sets(None, None, "")] == ["en-basic", "ja-basic"]
    assert [c.value for c in complete_sets(None, None, "J")] == ["ja-basic"]
    assert [c.value for c in complete_companies(None, None, "さ")] == ["さくら商事"]
