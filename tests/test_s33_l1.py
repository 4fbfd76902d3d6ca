"""QA s33 (a Japanese student, qa-a #4 and #5, qa-d's `questions show`): a command's error lines
speak the language its view would, and a set is labelled in its own language.

Without ``--lang``, the views of the archive (history, show, compare, progress, note, delete,
export, questions) speak the language of what they show, else the one all the saved answers
are in, else the system's; their errors said English under a Japanese view in the C locale."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.lang import text
from furikaeri.store import Store

JA = "ja_JP.UTF-8"
C = "C.UTF-8"
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)


def run(home, locale: str, *args: str, code: int = 0, stdin: str | None = None):
    """The command's result in ``locale`` (LC_ALL and LC_MESSAGES unset, as they would win)."""
    r = CliRunner().invoke(cli, ["--home", str(home), *args], input=stdin,
                           env={"LANG": locale, "LC_ALL": None, "LC_MESSAGES": None})
    assert r.exit_code == code, r.output
    return r


def analysis(lang: str) -> dict:
    rate = {"wpm": 140.0, "articulation_wpm": 160.0} if lang == "en" else {"chars_per_min": 282.0, "morae_per_s": 6.5}
    return {
        "schema": 1, "file": "x.wav", "language": lang, "duration_s": 31.0, "speech_detected": True,
        "latency_s": 0.6, "answer_s": 30.0, "budget_s": 60.0, "over_budget": False,
        "transcript": "私は物理を学んでいます。" if lang == "ja" else "I study physics.", "words": [], "fillers": [],
        "pauses": [], "rate": rate,
        "stats": {"filler_count": 1, "fillers_per_min": 2.0, "long_pauses": 0, "very_long_pauses": 0,
                  "longest_pause_s": 0.5, "word_count": 40},
        "verdicts": {}, "budget_cut": None, "tips": [], "warnings": [], "question": None, "model": "base",
    }


def archive(home, *languages: str) -> None:
    """One session with an answer in each of ``languages``."""
    with Store.open(home) as st:
        sid = st.create_session("練習", now=MONDAY)
        for lang in languages:
            st.add_answer(sid, analysis(lang), now=MONDAY)


#: Archive commands that fail on what the archive does not have (exit 2), each before any view.
FAILING = [("compare", "1", "1"), ("show", "99"), ("note", "99"), ("progress", "-q", "99"),
           ("delete", "99", "--yes"), ("compare", "--sessions", "1", "99"), ("show",)]


@pytest.mark.parametrize("args", FAILING, ids=" ".join)
def test_an_all_japanese_archive_errs_in_japanese_in_the_c_locale(furikaeri_home, args):
    archive(furikaeri_home, "ja", "ja")
    assert "日時" in run(furikaeri_home, C, "history").stdout  # the view: Japanese
    err = run(furikaeri_home, C, *args, code=2, stdin="").stderr
    assert err.startswith("furikaeri: エラー: ") and "error:" not in err, err


@pytest.mark.parametrize("args", FAILING, ids=" ".join)
def test_a_japanese_locale_keeps_japanese_errors_beside_an_english_archive(furikaeri_home, args):
    """The one place errors and views part: the view of English answers is English, but the
    person's own locale says they read Japanese, and an error is never harder to read for it."""
    archive(furikaeri_home, "en")
    err = run(furikaeri_home, JA, *args, code=2, stdin="").stderr
    assert err.startswith("furikaeri: エラー: "), err
    assert run(furikaeri_home, C, *args, code=2, stdin="").stderr.startswith("furikaeri: error: ")


@pytest.mark.parametrize("locale,said", [(C, "furikaeri: error: "), (JA, "furikaeri: エラー: ")])
def test_answers_in_both_languages_or_none_err_in_the_locale(furikaeri_home, locale, said):
    furikaeri_home.mkdir(parents=True)
    assert run(furikaeri_home, locale, "show", "99", code=2).stderr.startswith(said)  # no database yet
    archive(furikaeri_home, "ja", "en")
    assert run(furikaeri_home, locale, "show", "99", code=2).stderr.startswith(said)


def test_lang_decides_before_the_archive(furikaeri_home):
    archive(furikaeri_home, "ja")
    assert run(furikaeri_home, C, "show", "99", "--lang", "en", code=2).stderr.startswith("furikaeri: error: ")


def test_a_command_that_does_not_show_the_archive_keeps_the_locale(furikaeri_home, tmp_path):
    """analyze reports on a recording, not on the archive: before an answer is heard it speaks
    the locale, whatever the saved answers are in."""
    archive(furikaeri_home, "ja")
    err = run(furikaeri_home, C, "analyze", str(tmp_path / "missing.wav"), code=2).stderr
    assert err.startswith("furikaeri: error: "), err


def test_reading_the_archive_for_an_error_leaves_it_as_it_was(furikaeri_home):
    """The error line reads the saved answers' language without opening the Store (which would
    migrate, or set a damaged file aside): the folder holds the same files after it."""
    archive(furikaeri_home, "ja")
    before = sorted(p.name for p in furikaeri_home.iterdir())
    assert run(furikaeri_home, C, "compare", "1", "1", code=2).stderr.startswith("furikaeri: エラー: ")
    assert sorted(p.name for p in furikaeri_home.iterdir()) == before


def test_a_damaged_database_is_said_in_the_locale(furikaeri_home):
    furikaeri_home.mkdir(parents=True)
    (furikaeri_home / "furikaeri.db").write_bytes(b"not a database at all" * 100)
    r = run(furikaeri_home, C, "show", "1", code=2)
    assert r.stderr.startswith("furikaeri: error: ") and "Traceback" not in r.output


def test_reflect_errs_in_the_language_it_asks_in(furikaeri_home):
    """reflect speaks the language of what was typed (else the archive's): so do its errors."""
    err = run(furikaeri_home, C, "reflect", "-q", "ガクチカを教えてください", "-a", "新歓", "-a", "二つ目",
              code=2).stderr
    assert err.startswith("furikaeri: エラー: "), err


# --------------------------------------------------------------------------- questions show


def test_a_set_is_labelled_in_its_own_language(furikaeri_home):
    """As practice asks it and `questions company` shows a company file: the locale and the
    archive do not change a set's labels (`--lang` does)."""
    ja = run(furikaeri_home, C, "questions", "show", "ja-basic").stdout
    assert ja.splitlines()[0] == "就活の定番質問 ja-basic · 日本語 · 組み込み"
    assert text("ja", "secs", n=30.0) in ja and "30 s" not in ja
    en = run(furikaeri_home, JA, "questions", "show", "en-basic").stdout
    assert "English · built-in" in en and "組み込み" not in en and "秒" not in en
    asked = run(furikaeri_home, C, "questions", "show", "ja-basic", "--lang", "en").stdout
    assert "Japanese · built-in" in asked and "30 s" in asked


def test_a_company_file_is_labelled_alike_by_show_and_company(furikaeri_home, tmp_path):
    (furikaeri_home / "questions").mkdir(parents=True)
    (furikaeri_home / "questions" / "sakura.toml").write_text(
        '[company]\nname = "さくら商事"\nlanguage = "ja"\n\n[[questions]]\ntext = "なぜ商社なのか"\nbudget = 60\n',
        encoding="utf-8")
    archive(furikaeri_home, "en")  # an English archive in the C locale: neither decides a Japanese file's labels
    shown = run(furikaeri_home, C, "questions", "show", "さくら商事").stdout
    company = run(furikaeri_home, C, "questions", "company", "さくら商事").stdout
    assert "日本語" in shown and "60秒" in shown and "60 s" not in shown, shown
    assert "60秒" in company and "60 s" not in company, company


# --------------------------------------------------------------------------- the 「前回」 line


@pytest.mark.parametrize("lang,n,head", [
    ("ja", 1, "前回（2026-11-23、これまでに1回回答）:"), ("ja", 3, "前回（2026-11-23、これまでに3回回答）:"),
    ("en", 1, "last time (2026-11-23, 1 answer so far):"), ("en", 3, "last time (2026-11-23, 3 answers so far):"),
])
def test_the_last_time_head_counts_the_answers_plainly(furikaeri_home, lang, n, head):
    """QA s33 qa-a #5: 「前回（2026-12-05、これまでの回答1回）」 read stiffly, and "1 so far" said
    not what was counted."""
    from furikaeri.report.history import previous_text
    from furikaeri.session import Before

    archive(furikaeri_home, lang)
    with Store.open(furikaeri_home) as st:
        prev = st.answers()[-1]
    assert previous_text(Before(1, prev, n), lang, 200).plain.startswith(head)
