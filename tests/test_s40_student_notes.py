"""A 就活 student's week (QA s40 Z5): what they quote is not their hedge, and a note about long
sentences is not about the answer's length."""

from __future__ import annotations

import pytest

from furikaeri import notes as N
from furikaeri.lang import get_rules


@pytest.mark.parametrize("text, hedges", [
    # real-l2 KKD27 ST2: the speaker tells what the policeman and the wife said
    ("警官が何してあるんですかみたいな感じのこと言ってますね", []),
    ("実は自分の夫ですみたいな感じのことゆうて", []),
    ("頑張りますみたいなことを言いました", []),
    ("なんでやねんみたいなことを聞かれました", []),
    # the speaker's own vagueness stays a hedge
    ("リーダーみたいな感じでした", ["みたいな感じ"]),
    ("サークルみたいな感じの団体で話し合いました", ["みたいな感じ"]),
    ("みたいな感じです", ["みたいな感じ"]),
])
def test_mitaina_quoting_someone_is_no_hedge(text, hedges):
    assert [m.text for m in get_rules("ja").find_hedges(text)] == hedges


@pytest.mark.parametrize("note, lang, targets", [
    ("一文が長い", "ja", []),
    ("一文を短く", "ja", []),
    ("文章が長い", "ja", []),
    ("一文が長い、結論から話す", "ja", [("opening_share", None)]),
    ("my sentences ran on", "en", []),
    ("use shorter sentences", "en", []),
    # the answer's own length still is
    ("話が長い", "ja", [("over_s", None)]),
    ("一文が長くて、話も長かった", "ja", [("over_s", None)]),
    ("long sentences, and too long overall", "en", [("over_s", None)]),
])
def test_a_note_on_long_sentences_is_not_about_the_answers_length(note, lang, targets):
    assert N.note_targets(note, lang) == targets


@pytest.mark.parametrize("note, target", [
    ("2分弱で", 120.0), ("1分ちょっとで", 60.0), ("1分弱にまとめる", 60.0), ("30秒強", 30.0),  # QA s40 Z5 #7
    # a time gone over, told: no aim
    ("30秒ちょっとオーバー", None), ("1分ちょっと長かった", None), ("2分弱オーバーした", None),
])
def test_a_length_said_roughly_is_an_aim(note, target):
    assert N.note_target(note) == target
