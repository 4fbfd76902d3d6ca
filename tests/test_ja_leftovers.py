"""English lines a Japanese student met in a Japanese locale (``LANG=ja_JP.UTF-8``), and the
same lines staying English in the C locale: each command's messages, labels and templates."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from furikaeri import capture
from furikaeri.capture import Device
from furikaeri.cli import cli
from furikaeri.cli.capture_cmd import device_lines
from furikaeri.lang import text
from furikaeri.store import Store

JA = "ja_JP.UTF-8"
C = "C.UTF-8"
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def home(furikaeri_home):
    """A temporary archive folder, given to every command with ``--home``."""
    return furikaeri_home


def run(home, locale: str, *args: str, code: int = 0):
    """The command's result in ``locale`` (LC_ALL and LC_MESSAGES unset, as they would win)."""
    r = CliRunner().invoke(cli, ["--home", str(home), *args], env={"LANG": locale, "LC_ALL": None, "LC_MESSAGES": None},
                           catch_exceptions=False)
    assert r.exit_code == code, r.output
    return r


def analysis(lang: str, *, pace: float = 282.0, fillers: float = 3.2) -> dict:
    rate = {"wpm": pace, "articulation_wpm": pace + 20} if lang == "en" else {"chars_per_min": pace, "morae_per_s": 7.5}
    return {
        "schema": 1, "file": "x.wav", "language": lang, "duration_s": 51.0, "speech_detected": True,
        "latency_s": 0.6, "answer_s": 50.0, "budget_s": 60.0, "over_budget": False,
        "transcript": "私は物理を学んでいます。" if lang == "ja" else "I study physics.", "words": [], "fillers": [],
        "pauses": [], "rate": rate,
        "stats": {"filler_count": 3, "fillers_per_min": fillers, "long_pauses": 1, "very_long_pauses": 0,
                  "longest_pause_s": 2.0, "word_count": 40},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": None, "model": "base",
    }


def saved(home, lang: str, **kw) -> None:
    with Store.open(home) as st:
        sid = st.create_session("練習" if lang == "ja" else "practice", now=MONDAY)
        st.add_answer(sid, analysis(lang, **kw), now=MONDAY)


# --------------------------------------------------------------------------- 1. progress, nothing saved


def test_progress_on_an_empty_archive_speaks_the_locale(home):
    home.mkdir(parents=True, exist_ok=True)  # there, nothing saved (one not there is offered as a new archive)
    said = f"furikaeri --home {home}"  # the command suggested reads this archive (QA s33 qa-h #4)
    assert run(home, JA, "progress").stdout.strip() == text("ja", "no_history", cli=said)
    assert run(home, C, "progress").stdout.strip() == f"nothing saved yet: try `{said} practice`"
    assert run(home, C, "progress", "--lang", "ja").stdout.strip() == text("ja", "no_history", cli=said)


# --------------------------------------------------------------------------- 2. export's "wrote"


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_export_says_where_it_wrote_in_the_locale(home, tmp_path, fmt):
    home.mkdir(parents=True, exist_ok=True)  # an archive folder (one that does not exist is said so first)
    out = tmp_path / f"x.{fmt}"
    assert run(home, JA, "export", "-f", fmt, "-o", str(out)).stderr.strip() == f"{out} に書き出しました"
    assert run(home, C, "export", "-f", fmt, "-o", str(out)).stderr.strip() == f"wrote {out}"
    assert run(home, C, "export", "-f", fmt, "-o", str(out), "--lang", "ja").stderr.strip() == f"{out} に書き出しました"
    assert out.is_file()


# --------------------------------------------------------------------------- 3. questions add


def test_adding_a_company_file_says_so_in_the_locale(home, tmp_path):
    f = tmp_path / "sakura.toml"
    f.write_text(run(home, JA, "questions", "template", "--company", "さくら商事", "--lang", "ja").stdout, encoding="utf-8")
    target = home / "questions" / "さくら商事.toml"
    said = run(home, JA, "questions", "add", str(f)).stdout.strip()
    assert said == f"企業「さくら商事」を追加しました（1問、{target}）"
    said = run(home, C, "questions", "add", str(f), "--replace").stdout.strip()
    assert said == f"added company さくら商事: 1 question ({target})"


def test_adding_a_set_and_one_that_replaces_a_built_in_set_in_the_locale(home, tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[set]\nlanguage = "ja"\n\n[[questions]]\ntext = "自己紹介をお願いします。"\n', encoding="utf-8")
    r = run(home, JA, "questions", "add", str(mine))
    assert r.stdout.strip() == f"質問セット「mine」を追加しました（1問、{home / 'questions' / 'mine.toml'}）"
    assert r.stderr == ""
    r = run(home, C, "questions", "add", str(mine), "--replace")
    assert r.stdout.strip() == f"added set mine: 1 question ({home / 'questions' / 'mine.toml'})"

    basic = tmp_path / "en-basic.toml"
    basic.write_text('[set]\nlanguage = "en"\n\n[[questions]]\ntext = "Hi."\n\n[[questions]]\ntext = "Why?"\n',
                     encoding="utf-8")
    target = home / "questions" / "en-basic.toml"
    r = run(home, JA, "questions", "add", str(basic), code=2)  # a built-in's name: only with --replace (QA s47 DD #10)
    assert r.exit_code == 2 and "組み込みの質問セットの名前" in r.stderr and not target.exists()
    r = run(home, JA, "questions", "add", str(basic), "--replace")
    assert r.stdout.strip() == f"質問セット「en-basic」を追加しました（2問、{target}）"
    assert r.stderr.startswith("注意: 組み込みの質問セット en-basic（") and f"{target} を削除してください" in r.stderr
    r = run(home, C, "questions", "add", str(basic), "--replace")
    assert r.stdout.strip() == f"added set en-basic: 2 questions ({target})"
    assert r.stderr.startswith("note: it takes the place of the built-in set en-basic (")
    assert f"delete {target} to have that back" in r.stderr


# --------------------------------------------------------------------------- 4. devices


DEVICES = [Device(0, "USB Audio Mic", 48000, 1, False), Device(3, "default", 44100, 2, True),
           Device(12, "pulse", 192000, 32, False)]


def test_the_devices_table_in_english_is_as_it_was():
    assert device_lines(DEVICES, "en") == [
        "    #    rate   ch  name",
        "    0   48000    1  USB Audio Mic",
        "*   3   44100    2  default",
        "   12  192000   32  pulse",
        "(* = default)",
    ]


def test_the_devices_table_in_japanese_keeps_its_columns():
    lines = device_lines(DEVICES, "ja")
    head, rows, legend = lines[0], lines[1:-1], lines[-1]
    assert "番号" in head and "名前" in head and "rate" not in head and "name" not in head
    assert legend == text("ja", "dev_default") and "既定" in legend
    name_at = cell_len(head[:head.index("名前")])
    for row, d in zip(rows, DEVICES):
        assert cell_len(row[:row.index(d.name)]) == name_at  # the names under their heading
        assert row.startswith("*" if d.is_default else " ")
    ch_end = cell_len(head[:head.index("チャンネル") + len("チャンネル")])
    assert all(cell_len(row[:row.index(f" {d.channels} ") + 1 + len(str(d.channels))]) == ch_end
               for row, d in zip(rows, DEVICES))  # the numbers right-aligned under theirs


def test_devices_speaks_the_locale(home, monkeypatch):
    monkeypatch.setattr(capture, "list_devices", lambda: DEVICES)
    ja = run(home, JA, "devices").stdout.splitlines()
    assert ja == device_lines(DEVICES, "ja")
    en = run(home, C, "devices").stdout.splitlines()
    assert en[0] == "    #    rate   ch  name" and en[-1] == "(* = default)"


# --------------------------------------------------------------------------- 5. export md, no answers


def test_an_empty_journal_is_titled_in_the_locale(home):
    assert run(home, JA, "export", "--format", "md").stdout.startswith("# furikaeri — 練習の記録")
    assert run(home, C, "export", "--format", "md").stdout.startswith("# furikaeri — practice journal")
    assert run(home, JA, "export", "--format", "md", "--lang", "en").stdout.startswith("# furikaeri — practice journal")


def test_a_journal_with_answers_is_still_in_their_language(home):
    saved(home, "en", pace=150.0)
    assert run(home, JA, "export", "--format", "md").stdout.startswith("# furikaeri — practice journal")


# --------------------------------------------------------------------------- 6. questions template


def test_the_template_follows_the_locale(home):
    ja = run(home, JA, "questions", "template").stdout
    assert 'title = "自分用の質問"' in ja and 'language = "ja"' in ja
    en = run(home, C, "questions", "template").stdout
    assert 'title = "My questions"' in en and 'language = "en"' in en
    assert 'title = "My questions"' in run(home, JA, "questions", "template", "--lang", "en").stdout
    company = run(home, JA, "questions", "template", "--company", "さくら商事").stdout
    assert 'language = "ja"' in company and "逆質問" in company


# --------------------------------------------------------------------------- 7. history --interviews


def test_no_logged_interview_points_to_reflect(home):
    ja = run(home, JA, "history", "--interviews").stdout.strip()
    assert ja == text("ja", "no_interviews") and "furikaeri reflect" in ja and "practice" not in ja
    assert "面接" in ja
    en = run(home, C, "history", "--interviews").stdout.strip()
    assert en == text("en", "no_interviews") and "furikaeri reflect" in en and "practice" not in en
    assert run(home, JA, "history").stdout.strip() == text("ja", "no_history_new_home", cli=f"furikaeri --home {home}")


# --------------------------------------------------------------------------- 8. the questions folder


def test_the_questions_folder_is_labelled(home):
    folder = home / "questions"
    assert run(home, JA, "questions").stderr.strip() == f"自分の質問セット・企業ファイルの置き場所: {folder}"
    assert run(home, C, "questions").stderr.strip() == f"your own sets and company files: {folder}"


# --------------------------------------------------------------------------- 9. the journal's units


def test_japanese_units_in_the_journal_are_written_as_the_report_writes_them(home):
    saved(home, "ja", pace=282.0)
    md = run(home, C, "export", "--format", "md").stdout
    # the pace the archive tracks: the 拍/秒 the report grades (282 字/分 as written)
    assert "話速: 7.5拍/秒" in md and "7.5 拍/秒" not in md and "3.2回/分" in md
    assert text("ja", "value_morae_per_s", value="7.5") in md  # the terminal report's own form


def test_an_english_answer_in_a_japanese_journal(home):
    saved(home, "en", pace=150.0)
    md = run(home, C, "export", "--format", "md", "--lang", "ja").stdout
    assert "話速: 150語/分" in md and "150 語/分" not in md
    assert "pace: 150 wpm" in run(home, JA, "export", "--format", "md").stdout  # the English journal keeps its own


# --------------------------------------------------------------------------- others in the same files


def test_questions_show_labels_in_the_sets_language_or_lang(home):
    """A set is labelled in its own language, as practice asks it (QA s33: was the locale's,
    while `questions company` used the file's); --lang ja still gives Japanese labels."""
    ja = run(home, JA, "questions", "show", "en-basic", "--lang", "ja").stdout
    assert "組み込み" in ja and "英語" in ja and "built-in" not in ja and "秒" in ja
    en = run(home, JA, "questions", "show", "en-basic").stdout
    assert "built-in" in en and "English" in en and " s" in en


def test_a_broken_question_file_is_named_in_the_locale(home):
    (home / "questions").mkdir(parents=True)
    (home / "questions" / "bad.toml").write_text('[set]\nlanguage = "xx"\n', encoding="utf-8")
    ja = run(home, JA, "questions").stdout
    assert text("ja", "problems") in ja and "にしてください" in ja and "must be" not in ja
    en = run(home, C, "questions").stdout
    assert text("en", "problems") in en and '`language` must be "en" or "ja"' in en
    assert "must be" in run(home, JA, "questions", "--json").stdout  # JSON, for scripts, as it was


def test_a_company_asking_a_built_in_question_keeps_its_budget(tmp_path):
    """QA: a company file's `asks` line with a built-in question's words joined that question's
    attempts but was judged against 120 s where the built-in one has 60 s."""
    from furikaeri.questions import parse_set

    data = {"company": {"name": "Acme Corp", "language": "en",
                        "asks": ["Why do you want to work here?", "Tell me about a project you are proud of."]},
            "questions": [{"text": "tell me about yourself"}]}
    qs = {q.text: q.budget_s for q in parse_set(data, name="acme", source="test").questions}
    assert qs == {"Why do you want to work here?": 60.0, "Tell me about a project you are proud of.": 120.0,
                  "tell me about yourself": 90.0}  # en-basic:intro
    # a budget the file gives is the file's
    data["company"]["budget"] = 90
    assert {q.budget_s for q in parse_set(data, name="acme", source="test").questions} == {90.0}
