"""Question sets and company files (TOML): built-in sets, user files, budgets, errors."""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from furikaeri import questions as Q
from furikaeri.errors import QuestionError


def by_id(qset):
    return {q.id: q for q in qset.questions}


def test_builtin_english_set_covers_the_classics_with_fitting_budgets():
    en = by_id(Q.get_set("en-basic"))
    for qid in ("intro", "strength", "weakness", "failure", "teamwork", "why-company"):
        assert qid in en
    assert all(q.language == "en" for q in en.values())
    # behavioural (STAR) answers up to about 2 minutes; openers shorter
    assert en["failure"].budget_s == 120 and en["teamwork"].budget_s == 120
    assert 60 <= en["intro"].budget_s <= 120
    assert all(30 <= q.budget_s <= 120 for q in en.values())
    assert all(q.hint for q in en.values())


def test_builtin_japanese_shukatsu_set():
    ja = Q.get_set("ja-basic")
    qs = by_id(ja)
    assert ja.language == "ja"
    texts = " ".join(q.text for q in ja.questions)
    for word in ("自己紹介", "学生時代に力を入れたこと", "自己PR", "志望動機", "長所と短所", "挫折", "逆質問"):
        assert word in texts
    assert qs["jikoshokai"].budget_s == 30  # 自己紹介 within about 30 s
    for qid in ("gakuchika", "jiko-pr", "shibo-doki"):
        assert qs[qid].budget_s == 60  # about 1 minute ≈ 300 字
    assert qs["jiko-pr"].key == "ja-basic:jiko-pr"


@pytest.mark.parametrize(
    "value, seconds",
    [(90, 90.0), (45.5, 45.5), ("90", 90.0), ("90s", 90.0), ("2m", 120.0), ("1m30s", 90.0), ("1:30", 90.0),
     ("1分30秒", 90.0), ("30秒", 30.0), ("2 min", 120.0)],
)
def test_parse_budget(value, seconds):
    assert Q.parse_budget(value) == seconds


@pytest.mark.parametrize("value", ["soon", "", True, [], "0", 2, 4000, "-5"])
def test_parse_budget_rejects(value):
    with pytest.raises(QuestionError):
        Q.parse_budget(value)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_user_set_file(tmp_path):
    p = write(tmp_path, "mine.toml", """
[set]
title = "Mine"
language = "en"
budget = "75s"

[[questions]]
text = "Why physics?"

[[questions]]
id = "robots"
text = "Tell me about your robot."
budget = "2m"
hint = "STAR"
""")
    s = Q.load_file(p)
    assert s.name == "mine" and s.title == "Mine" and s.source == str(p)
    assert [(q.id, q.budget_s) for q in s.questions] == [("q1", 75.0), ("robots", 120.0)]
    assert s.questions[1].hint == "STAR" and s.questions[1].key == "mine:robots"


@pytest.mark.parametrize(
    "text, message",
    [
        ("[set\nlanguage='en'", "not valid TOML"),
        ("[set]\nlanguage = 'fr'\n[[questions]]\ntext='x'", "language"),
        ("[set]\nlanguage = 'en'", "no questions"),
        ("[set]\nlanguage = 'en'\n[[questions]]\nbudget = 30", "text"),
        ("[set]\nlanguage = 'en'\n[[questions]]\nid='a'\ntext='x'\n[[questions]]\nid='a'\ntext='y'", "twice"),
        ("[set]\nlanguage='en'\n[company]\nname='x'", "not both"),
        ("title = 'x'", r"no \[set\]"),
        ("[set]\nlanguage = 'en'\n[[questions]]\ntext='x'\nbudget='soon'", "budget"),
        ("[company]\nlanguage = 'ja'\nasks=['a']", "name"),
        ("[set]\nname='a b'\nlanguage='en'\n[[questions]]\ntext='x'", "set name"),
    ],
)
def test_bad_files_give_one_clear_line(tmp_path, text, message):
    p = write(tmp_path, "bad.toml", text)
    with pytest.raises(QuestionError, match=message) as e:
        Q.load_file(p)
    assert str(p) in str(e.value) and "\n" not in str(e.value).split(":", 1)[0]


def test_missing_file_and_not_utf8(tmp_path):
    with pytest.raises(QuestionError, match="no such"):
        Q.load_file(tmp_path / "nope.toml")
    p = tmp_path / "latin.toml"
    p.write_bytes("[set]\nlanguage='ja'\n[[questions]]\ntext='\u81ea'".encode("shift_jis"))
    with pytest.raises(QuestionError):
        Q.load_file(p)


def test_company_file_asks_become_questions(tmp_path):
    p = write(tmp_path, "sakura.toml", """
[company]
name = "さくら商事"
language = "ja"
asks = ["学生時代に力を入れたことを教えてください。", "なぜ商社なのですか。"]
atmosphere = "穏やか、深掘りが多い"
interviewers = "一次: 人事2名"
valued = "結論から話せるか"
to_ask = ["若手の裁量について"]

[[questions]]
text = "なぜ商社なのですか。"
budget = 45
""")
    s = Q.load_file(p)
    assert s.company.name == "さくら商事" and s.company.to_ask == ("若手の裁量について",)
    assert [(q.text, q.budget_s) for q in s.questions] == [
        ("なぜ商社なのですか。", 45.0), ("学生時代に力を入れたことを教えてください。", 60.0)]
    folder = tmp_path / "user"
    Q.add_file(p, folder)
    assert Q.get_company("さくら商事", folder).company.valued == "結論から話せるか"
    assert Q.get_company("さくら商事", folder).name == "さくら商事"
    with pytest.raises(QuestionError, match="no company file"):
        Q.get_company("Acme", folder)


def test_user_files_add_replace_and_override(tmp_path):
    folder = tmp_path / "user"
    p = write(tmp_path, "en-basic.toml", "[set]\nlanguage='en'\n[[questions]]\ntext='Only one'")
    with pytest.raises(QuestionError, match="built-in set's name"):  # QA s47 DD #10: only with replace
        Q.add_file(p, folder)
    s, target = Q.add_file(p, folder, replace=True)
    assert target == folder / "en-basic.toml" and target.read_text() == p.read_text()
    assert [q.text for q in Q.get_set("en-basic", folder).questions] == ["Only one"]  # user file wins
    with pytest.raises(QuestionError, match="already exists"):
        Q.add_file(p, folder)
    Q.add_file(p, folder, replace=True)
    with pytest.raises(QuestionError, match="available: .*ja-basic"):
        Q.get_set("nope", folder)


def test_a_broken_user_file_does_not_hide_the_others(tmp_path):
    write(tmp_path, "good.toml", "[set]\nlanguage='en'\n[[questions]]\ntext='Fine'")
    write(tmp_path, "broken.toml", "[set")
    sets, problems = Q.user_sets(tmp_path)
    assert [s.name for s in sets] == ["good"]
    assert len(problems) == 1 and "broken.toml" in problems[0]
    assert {"en-basic", "ja-basic", "good"} <= {s.name for s in Q.all_sets(tmp_path)}


@pytest.mark.parametrize("company", [None, "Acme", "さくら商事"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_templates_are_valid_files(company, lang):
    text = Q.template(company=company, language=lang)
    s = Q.parse_set(tomllib.loads(text), name="tpl", source="template")
    assert s.language == lang and s.questions
    assert (s.company is not None) == (company is not None)


def test_a_company_shows_the_questions_its_interviews_asked(tmp_path):
    """QA: `questions show さくら商事` listed the file's questions only, while `practice --company`
    asked those logged with `reflect` too (their ids only in an error message)."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "h"
    (home / "questions").mkdir(parents=True)
    (home / "questions" / "sakura.toml").write_text(
        '[company]\nname = "さくら商事"\nlanguage = "ja"\nasks = ["なぜ商社なのですか。"]\n', encoding="utf-8")
    h = ["--home", str(home)]
    shown = CliRunner().invoke(cli, [*h, "questions", "show", "さくら商事", "--json"])
    assert shown.exit_code == 0 and len(json.loads(shown.output)["questions"]) == 1, shown.output
    r = CliRunner().invoke(cli, [*h, "reflect", "-c", "さくら商事", "-q", "逆境を乗り越えた経験は?", "--json"])
    assert r.exit_code == 0, r.output
    shown = json.loads(CliRunner().invoke(cli, [*h, "questions", "show", "さくら商事", "--json"]).output)
    assert [q["text"] for q in shown["questions"]] == ["なぜ商社なのですか。", "逆境を乗り越えた経験は?"]
    assert shown["questions"][1]["id"].startswith("asked")


def test_a_company_known_only_from_logged_interviews_shows_its_questions(tmp_path):
    """QA (session 29): `questions show Acme` said "no question set 'Acme'" for a company with
    logged interviews and no file, while `practice --company Acme` asked their questions."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    h = ["--home", str(tmp_path / "h")]
    assert CliRunner().invoke(cli, [*h, "reflect", "-c", "Acme", "-q", "Why us?", "-q", "Your weakness?"]).exit_code == 0
    shown = CliRunner().invoke(cli, [*h, "questions", "show", "acme", "--json"])
    assert shown.exit_code == 0, shown.output
    doc = json.loads(shown.output)
    assert doc["title"] == "Acme" and [q["text"] for q in doc["questions"]] == ["Why us?", "Your weakness?"]
    plain = CliRunner().invoke(cli, [*h, "questions", "show", "Acme"])
    assert plain.exit_code == 0 and "asked1-2" in plain.output and "Your weakness?" in plain.output
    none = CliRunner().invoke(cli, [*h, "questions", "show", "Nope"])
    assert none.exit_code == 2 and "no question set 'Nope'" in none.output


def test_ids_of_asked_questions_stay_as_interviews_are_logged_and_repeats_join(tmp_path):
    """QA (session 29): an asked question's id counted across all interviews, newest first, so
    logging another interview renamed asked1-1 to asked1-2 and `--only asked1-1` failed; and a
    question the company file asks, typed in another case without its "?", was listed twice."""
    from click.testing import CliRunner

    from furikaeri.cli import cli

    home = tmp_path / "h"
    (home / "questions").mkdir(parents=True)
    (home / "questions" / "acme.toml").write_text(
        '[company]\nname = "Acme Corp"\nlanguage = "en"\nasks = ["Why do you want to work here?"]\n', encoding="utf-8")
    h = ["--home", str(home)]

    def ids():
        r = CliRunner().invoke(cli, [*h, "questions", "show", "Acme Corp", "--json"])
        assert r.exit_code == 0, r.output
        return {q["id"]: q["text"] for q in json.loads(r.output)["questions"] if q["id"].startswith("asked")}

    for asked in (["Tell me about yourself", "why do you want to work here"], ["Why Acme?", "tell me about yourself."]):
        args = [x for q in asked for x in ("-q", q)]
        assert CliRunner().invoke(cli, [*h, "reflect", "-c", "Acme Corp", *args]).exit_code == 0
        if len(ids()) == 1:
            assert ids() == {"asked1-1": "Tell me about yourself"}
    assert ids() == {"asked2-1": "Why Acme?", "asked1-1": "Tell me about yourself"}


def test_the_list_of_sets_counts_what_practice_asks_and_lines_up(tmp_path):
    """QA (session 29): `questions` said "1 questions"; a set of one's own wrapped under its
    name while the built-in sets lined up; it counted a company file's 3 questions where
    `questions show` and `practice --company` have 7 (those logged interviews asked), and left
    out a company known only from `reflect`."""
    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.lang import text

    home = tmp_path / "h"
    h = ["--home", str(home)]
    one = write(tmp_path, "one.toml", "[set]\ntitle = 'A set of my own whose title is long enough to wrap at eighty "
                                      "columns'\nlanguage = 'en'\n[[questions]]\ntext = 'Tell me about yourself.'\n")
    sakura = write(tmp_path, "sakura.toml", '[company]\nname = "さくら商事"\nlanguage = "ja"\n'
                                            'asks = ["なぜ商社なのですか。"]\n')
    for f in (one, sakura):
        assert CliRunner().invoke(cli, [*h, "questions", "add", str(f)]).exit_code == 0
    for args in (("-c", "さくら商事", "-q", "逆境を乗り越えた経験は?"), ("-c", "Acme", "-q", "Why us?", "-q", "And?")):
        assert CliRunner().invoke(cli, [*h, "reflect", *args]).exit_code == 0
    out = CliRunner(env={"COLUMNS": "80"}).invoke(cli, [*h, "questions", "--lang", "en"]).stdout
    lines = out.splitlines()
    assert "1 question," in out and "1 questions" not in out, out
    starts = {line.index(title) for line in lines for title in ("Common interview", "A set of my own") if title in line}
    assert len(starts) == 1, out  # the descriptions start in one column
    mine = next(i for i, line in enumerate(lines) if "A set of my own" in line)
    assert lines[mine + 1].index(lines[mine + 1].strip()) == starts.pop(), out  # and wrap under themselves
    shown = json.loads(CliRunner().invoke(cli, [*h, "questions", "show", "さくら商事", "--json"]).stdout)
    assert len(shown["questions"]) == 2
    assert re.search(r"さくら商事 +\(Japanese, 2 questions", out), out
    assert re.search(r"Acme +\(English, 2 questions, " + re.escape(text("en", "from_interviews")), out), out
    listed = json.loads(CliRunner().invoke(cli, [*h, "questions", "--json"]).stdout)["sets"]
    assert {s["title"]: len(s["questions"]) for s in listed if s["company"]} == {"さくら商事": 2, "Acme": 2}


@pytest.mark.parametrize("company, ids", [("さくら商事", ("asks1", "asked1-1")), ("Acme", ("asked2-1", "asked2-2"))])
def test_a_company_lists_its_practice_questions_with_their_ids(tmp_path, company, ids):
    """QA (session 29): `questions company NAME` showed no id to pass to `practice --company NAME
    --only` (and none at all for a company known only from `reflect`), under the heading "question
    sets"."""
    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.lang import text

    h = ["--home", str(tmp_path / "h")]
    sakura = write(tmp_path, "sakura.toml", '[company]\nname = "さくら商事"\nlanguage = "ja"\n'
                                            'asks = ["なぜ商社なのですか。"]\n')
    assert CliRunner().invoke(cli, [*h, "questions", "add", str(sakura)]).exit_code == 0
    for args in (("-c", "さくら商事", "-q", "逆境を乗り越えた経験は?"), ("-c", "Acme", "-q", "Why us?", "-q", "And?")):
        assert CliRunner().invoke(cli, [*h, "reflect", *args]).exit_code == 0
    r = CliRunner().invoke(cli, [*h, "questions", "company", company])
    assert r.exit_code == 0, r.output
    lang = "ja" if company == "さくら商事" else "en"
    lines = r.stdout.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith(text(lang, "practice_questions")))
    assert not any(line.startswith(text(lang, "sets")) for line in lines), r.stdout
    listed = [line.split()[0] for line in lines[head + 1:] if re.match(r" +[a-z]+[0-9-]+  ", line)]
    assert listed[:2] == list(ids), r.stdout
    assert f'practice --company "{company}" --only {ids[0]}' in r.stdout
    doc = json.loads(CliRunner().invoke(cli, [*h, "questions", "company", company, "--json"]).stdout)
    assert [q["id"] for q in doc["practice"]["questions"]] == list(ids)


@pytest.mark.parametrize("text, message", [
    ('[set]\ntitle = "x"\nlanguage = "en"\n[[questions]]\ntext = "Q1"\nbudjet = 60\n',
     r"question 1: unknown key `budjet`: did you mean `budget`\?"),
    ('[set]\ntitle = "x"\nlangauge = "ja"\n[[questions]]\ntext = "Q1"\n',
     r"unknown key `langauge` in \[set\]: did you mean `language`\?"),
    ('[set]\ntitle = "x"\n[[questions]]\ntext = "Q1"\n', r"`language` is missing"),
    ('[company]\nname = "A"\nlanguage = "en"\nask = ["Why us?"]\n', r"unknown key `ask` in \[company\]: did you mean `asks`\?"),
    ('title = "x"\n[set]\nlanguage = "en"\n[[questions]]\ntext = "Q1"\n', r"`title` belongs under \[set\]"),
    ('[set]\nlanguage = "en"\ncolour = "red"\n[[questions]]\ntext = "Q1"\n', r"unknown key `colour` in \[set\] \(known: "),
])
def test_a_key_the_format_does_not_have_is_refused_and_named(tmp_path, text, message):
    # QA s47 DD #5: `budjet = 60` was dropped unsaid and the question judged against 120 s
    p = write(tmp_path, "bad.toml", text)
    with pytest.raises(QuestionError, match=message) as e:
        Q.load_file(p)
    assert e.value.ja and "\n" not in str(e.value)


def test_a_set_of_ones_own_is_removed_and_a_builtin_name_needs_replace(tmp_path):
    # QA s47 DD #10: no way to remove a question file; a file named like a built-in quietly took its place
    from click.testing import CliRunner

    from furikaeri.cli import cli

    def run(*args, input=None):
        return CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), *args], input=input)

    mine = write(tmp_path, "en-basic.toml", '[set]\nlanguage = "en"\n[[questions]]\ntext = "Q1"\n')
    r = run("questions", "add", str(mine))
    assert r.exit_code == 2 and "built-in set's name" in r.output and "--replace" in r.output, r.output
    assert not (tmp_path / "h" / "questions" / "en-basic.toml").exists()
    assert run("questions", "add", str(mine), "--replace").exit_code == 0
    sakura = write(tmp_path, "sakura.toml", '[company]\nname = "さくら商事"\nlanguage = "ja"\nasks = ["なぜ商社なのか"]\n')
    assert run("questions", "add", str(sakura)).exit_code == 0
    (copy,) = [p for p in (tmp_path / "h" / "questions").glob("*.toml") if p.name != "en-basic.toml"]
    r = run("questions", "remove", "さくら商事")  # not in a terminal: a yes is needed
    assert r.exit_code == 2 and "--yes" in r.output and copy.exists()
    r = run("questions", "remove", "さくら商事", "--yes")
    assert r.exit_code == 0 and not copy.exists(), r.output
    r = run("questions", "remove", "en-basic", "--yes")  # one's own under a built-in's name: the built-in back
    assert r.exit_code == 0 and not (tmp_path / "h" / "questions" / "en-basic.toml").exists(), r.output
    r = run("questions", "remove", "en-basic", "--yes")
    assert r.exit_code == 2 and "built in" in r.output
    r = run("questions", "remove", "nosuch", "--yes")
    assert r.exit_code == 2 and "no set or company file" in r.output and "Traceback" not in r.output


def test_a_file_added_before_unknown_keys_were_refused_still_loads(tmp_path):
    # QA s47 FF #8: a company file with an extra key (website) already in the folder stopped loading,
    # and practice --company said there was no company file
    folder = tmp_path / "questions"
    folder.mkdir()
    write(folder, "acme.toml", '[company]\nname = "Acme"\nlanguage = "en"\nwebsite = "acme.example"\n'
                               'asks = ["Why us?"]\n')
    sets, problems = Q.user_sets(folder)
    assert [s.name for s in sets] == ["acme"] and problems == []
    with pytest.raises(QuestionError, match="unknown key `website`"):
        Q.add_file(folder / "acme.toml", tmp_path / "other")  # checked when added
