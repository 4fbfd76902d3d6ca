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
