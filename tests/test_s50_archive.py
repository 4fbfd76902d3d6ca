"""Session 50: QA s50 NN #4-#7, a company's name and the archive's words about it.

- a company typed in katakana (ミライ電機) is the one known in hiragana (みらい電機) everywhere a
  company is matched, and an archive that logged it under both reads them as one (NN #4);
- `compare -q` on a question with no saved answer says so, not "answered once" (NN #5);
- a real interview's fix that this answer cannot tell says the one reason that applies, and
  "done where it tells" beside the ✓ of the figures told; 「えー」 counts えっと and えーと (NN #6);
- `questions company NAME` before anything is saved says nothing is known of NAME yet and
  how to make its file, not that the folder is missing (NN #7).
"""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli

JA = {"LANG": "ja_JP.UTF-8"}
EN = {"LANG": "en_US.UTF-8"}
MIRAI = ('[company]\nname = "みらい電機"\nlanguage = "ja"\n'
         '[[questions]]\nid = "q1"\ntext = "自己紹介をしてください。"\n')


def run(home, *args, env=None):
    env = {"LC_ALL": None, "LC_MESSAGES": None, **(env or {})}
    return CliRunner().invoke(cli, ["--home", str(home), *args], env=env, prog_name="furikaeri")


def _mirai(tmp_path, home):
    f = tmp_path / "mirai.toml"
    f.write_text(MIRAI, encoding="utf-8")
    r = run(home, "questions", "add", str(f), env=JA)
    assert r.exit_code == 0, r.output


# --------------------------------------------------------------------------- NN #4


def test_company_key_reads_katakana_as_hiragana():
    from furikaeri.questions import company_key, names_meant

    assert company_key("ミライ電機") == company_key("みらい電機") == company_key("ﾐﾗｲ電機")
    assert company_key("ミライ 電機") == company_key("みらい電機")
    assert company_key("ソニー") == "そにー"  # the long vowel mark, shared by both scripts, stays
    assert company_key("Acme Corp") == "acme corp"
    assert names_meant("ミライ", ["みらい電機"]) == ["みらい電機"]


def test_an_interview_logged_in_katakana_is_the_hiragana_companys(tmp_path):
    from furikaeri.companies import company_set
    from furikaeri.session import save_analysis
    from furikaeri.store import Store, user_questions_dir
    from test_input_robust import SAMPLE, fake_analysis

    home = tmp_path / "h"
    _mirai(tmp_path, home)
    r = run(home, "reflect", "--no-prompt", "-c", "ミライ電機", "-q", "弊社を志望する理由を教えてください", "-a", "x")
    assert r.exit_code == 0, r.output
    assert "if you meant" not in r.stderr  # no second company to move it from
    listed = run(home, "questions", env=JA)
    assert listed.exit_code == 0 and "ミライ電機" not in listed.output and "みらい電機" in listed.output, listed.output
    for typed in ("みらい電機", "ミライ電機", "ﾐﾗｲ電機"):
        ivs = json.loads(run(home, "history", "--interviews", "-c", typed, "--json").stdout)
        assert len(ivs) == 1, typed
        view = json.loads(run(home, "questions", "company", typed, "--json").stdout)
        assert view["name"] == "みらい電機" and len(view["interviews"]) == 1, view
        asked = [q["text"] for q in view["practice"]["questions"]]
        assert asked == ["自己紹介をしてください。", "弊社を志望する理由を教えてください"], asked
    with Store.open(home) as store:  # what `practice --company ミライ電機` asks: the file's and the interview's
        qset = company_set(store, "ミライ電機", user_questions_dir(home))
        assert qset.company.name == "みらい電機" and len(qset.questions) == 2, qset.questions
    a = fake_analysis(SAMPLE, question="自己紹介をしてください。")
    save_analysis(a, audio_path=SAMPLE, session="mock", question="みらい電機:q1", note=None, home=home, settings={})
    for typed in ("みらい電機", "ミライ電機"):
        doc = json.loads(run(home, "export", "-c", typed).stdout)
        assert [x["id"] for x in doc["answers"]] == [1] and len(doc["interviews"]) == 1, (typed, doc)
        hist = json.loads(run(home, "history", "-c", typed, "--json").stdout)
        assert [x["id"] for s in hist for x in s["answers"]] == [1], typed


def test_an_archive_that_logged_both_spellings_reads_them_as_one_company(tmp_path):
    """An archive made before the key folded katakana: two rows, read as one, unchanged."""
    from furikaeri.store import Store

    home = tmp_path / "h"
    assert run(home, "reflect", "--no-prompt", "-c", "みらい電機", "-q", "自己PRをどうぞ", "-a", "x").exit_code == 0
    assert run(home, "reflect", "--no-prompt", "-c", "別会社", "-q", "志望動機は？", "-a", "y").exit_code == 0
    with Store.open(home) as store:  # the second interview as an older furikaeri logged it: ミライ電機, a company of its own
        store.db.execute("INSERT INTO companies (id, name, atmosphere, created_at, updated_at)"
                         " VALUES (99, 'ミライ電機', '穏やか', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z')")
        store.db.execute("UPDATE interviews SET company_id = 99 WHERE id = 2")
        store.db.commit()
    with Store.open(home) as store:
        assert [c.name for c in store.companies() if "電機" in c.name] == ["みらい電機"]
        assert store.company("ミライ電機").atmosphere == "穏やか"  # the later row's notes, read with it
        assert sorted(iv.id for iv in store.interviews(company="みらい電機")) == [1, 2]
        assert store.db.execute("SELECT COUNT(*) FROM companies").fetchone()[0] == 3  # nothing rewritten
    view = json.loads(run(home, "questions", "company", "ミライ電機", "--json").stdout)
    assert len(view["interviews"]) == 2 and len(view["practice"]["questions"]) == 2, view


# --------------------------------------------------------------------------- NN #5


@pytest.mark.parametrize("env, said", [(JA, "この質問への回答はまだ保存されていません"),
                                       (EN, "no answers saved to this question yet")])
def test_compare_on_a_question_with_no_saved_answer_says_none_is_saved(tmp_path, env, said):
    from furikaeri.session import save_analysis
    from furikaeri.store import Store
    from test_input_robust import SAMPLE, fake_analysis

    home = tmp_path / "h"
    q = "当社を志望する理由を教えてください。"
    save_analysis(fake_analysis(SAMPLE, question=q), audio_path=SAMPLE, session="s", question=q, note=None, home=home,
                  settings={})
    with Store.open(home) as store:  # the question is known, its only answer gone
        store.delete_answer(1)
    r = run(home, "compare", "-q", q, env=env)
    assert r.exit_code == 2 and said in r.output and "1回しか" not in r.output and "once" not in r.output, r.output


# --------------------------------------------------------------------------- NN #6

FIX = "えーが多かった。結論から話し、数字を入れる"
LONG = {"answer_s": 68.7, "budget_s": 60.0, "over_s": 8.7, "opening_share": 0.02, "opening_s": 1.2,
        "fillers_per_min": 0.9, "filler_count": 1}


def _shown(check, lang):
    from rich.console import Console

    from furikaeri.report.history import render_stand

    out = Console(width=200, file=io.StringIO(), force_terminal=False)
    render_stand(out, check, lang, "ja")
    return out.file.getvalue()


@pytest.mark.parametrize("lang, head, not_said", [
    ("ja", "判定できた項目はできています（切り出しは言葉からわからないため判定できません）", "短すぎ"),
    ("en", "done where this answer tells (the opening cannot be told", "too short"),
])
def test_a_fix_partly_told_says_the_one_reason_and_owns_its_ticks(lang, head, not_said):
    from furikaeri.notes import check_stand

    check = check_stand(FIX, LONG, "ja", fillers=["まあ"], order=None)
    assert check.verdict == "untold_part_opening"
    shown = _shown(check, lang)
    assert head in shown and not_said not in shown and "判断できません（" not in shown, shown
    assert "✓" in shown  # the figures told, under a head that says they are done


def test_a_fix_told_by_nothing_says_only_the_reason_that_applies():
    from furikaeri.lang import text
    from furikaeri.notes import check_stand

    short = {"answer_s": 6.0, "budget_s": 60.0, "over_s": -54.0, "fillers_per_min": 0.0, "filler_count": 0}
    assert check_stand("えーを減らす", short, "ja", fillers=[]).verdict == "untold_short"
    opening = check_stand("結論から話す", {**LONG, "opening_share": None}, "ja", order=None)
    assert opening.verdict == "untold_opening"
    assert text("ja", "stand_untold_opening") == "今回の回答では判断できません（話の始め方が言葉からわからないため）"
    both = check_stand("えーを減らす。結論から話す", {**short, "opening_share": None}, "ja", fillers=[], order=None)
    assert both.verdict == "untold_short_opening"
    for verdict in ("untold_short", "untold_opening", "untold_short_opening"):
        for lang in ("ja", "en"):
            assert "フィラーの数が下限" not in text(lang, "stand_" + verdict)
            assert "fillers in doubt" not in text(lang, "stand_" + verdict)


def test_every_untold_verdict_has_its_words_in_both_languages():
    from itertools import product

    from furikaeri.lang import text

    for part, reason, opening in product(("", "_part"), ("", "_short", "_cut", "_fillers"), ("", "_opening")):
        key = f"stand_untold{part}{reason}{opening}"
        assert text("en", key) and text("ja", key), key


def test_a_fix_naming_e_counts_etto_and_eeto_too():
    from furikaeri.notes import check_stand

    said = ["えっと", "えーと", "えっと", "まあ"]
    check = check_stand("えーが多かった", LONG, "ja", fillers=said)
    word = next(s for s in check.figures if s.word == "えー")
    assert word.value == 3 and word.fine is False and "えっと" in word.said, check
    # each named on its own: each counted once, under its own word
    both = check_stand("えーとえーが多かった", LONG, "ja", fillers=["えっと", "えー"])
    assert [(s.word, s.value) for s in both.figures if s.word] == [("えーと", 1), ("えー", 1)]


# --------------------------------------------------------------------------- NN #7


@pytest.mark.parametrize("env, said", [
    (JA, ["「みらい電機」についての情報はまだありません", "はまだないため、何も保存されていません",
          "questions template --company 'みらい電機'", "questions add 'みらい電機.toml'", "reflect"]),
    (EN, ["nothing known about 'みらい電機' yet", "so nothing is saved there", "questions template --company 'みらい電機'",
          "questions add 'みらい電機.toml'"]),
])
def test_questions_company_before_anything_is_saved_says_how_to_make_one(tmp_path, env, said):
    home = tmp_path / "new"
    r = run(home, "questions", "company", "みらい電機", env=env)
    shown = " ".join(r.output.split())
    assert r.exit_code == 2 and all(s in shown for s in said), r.output
    # the company first, the folder beside it (a mistyped --home still shows: QA s32 qa-c #5)
    assert shown.startswith(("furikaeri: エラー: 「みらい電機」", "furikaeri: error: nothing known about")), r.output
    assert not home.exists()  # nothing made by looking


def test_questions_company_unknown_in_an_archive_says_how_to_make_one(tmp_path):
    home = tmp_path / "h"
    _mirai(tmp_path, home)
    r = run(home, "questions", "company", "さくら商事", env=JA)
    shown = " ".join(r.output.split())
    assert r.exit_code == 2 and "「さくら商事」についての情報はまだありません" in shown, r.output
    assert "questions template --company 'さくら商事'" in shown and "フォルダ" not in shown, r.output
