"""Session 45: what QA s45 Q (a Japanese student over a week of practice) found in the note
checks and their wording: a freeze before the first word counted against 「頭が真っ白」 (Q #1), a
filler gone from a much shorter answer said fairly (Q #2), the line a "not yet" is about marked
(Q #3), "#1" named an answer where sessions are numbered too (Q #4), the note shown before an
attempt with what to do first (Q #5), Japanese wording (Q #6)."""
from __future__ import annotations

from rich.console import Console
from test_compare_notes import answer

from furikaeri.notes import WordChange, check_fix, check_stand


def _shown(render, *args, width: int = 100, **kw) -> str:
    out = Console(width=width, record=True)
    render(out, *args, **kw)
    return out.export_text()


# --------------------------------------------------------------------------- Q #1


def test_a_fix_on_going_blank_is_not_done_by_an_answer_that_froze_before_its_first_word():
    # QA s45 Q #1: 66.6 s of silence before the first word, the report's focus, and
    # 「頭が真っ白になった」 "今回の回答でできています" under it
    metrics = {"latency_s": 66.6, "longest_pause_s": 1.9, "long_pauses_per_min": 1.0, "answer_s": 40.0,
               "budget_s": 60.0, "fillers_per_min": 0.0, "filler_count": 0}
    stand = check_stand("頭が真っ白になった", metrics, "ja")
    by = {s.metric: s for s in stand.figures}
    assert by["latency_s"].fine is False and by["longest_pause_s"].fine is True and stand.verdict == "not_yet", stand
    quick = check_stand("頭が真っ白になった", {**metrics, "latency_s": 1.2}, "ja")
    assert quick.verdict == "done", quick


def test_a_note_on_freezing_is_checked_on_the_start_too():
    before = answer(1, {"latency_s": 1.0, "longest_pause_s": 4.0, "long_pauses_per_min": 3.0, "answer_s": 50.0,
                        "budget_s": 60.0}, note="froze twice", lang="en")
    fix = check_fix(before, {"latency_s": 9.0, "longest_pause_s": 1.5, "long_pauses_per_min": 1.0, "answer_s": 50.0,
                             "budget_s": 60.0}, "en")
    by = {c.metric: c for c in fix.changes}
    assert by["latency_s"].verdict == "worse" and by["longest_pause_s"].verdict == "better", fix.changes


# --------------------------------------------------------------------------- Q #2, Q #3


def test_a_named_filler_gone_from_a_much_shorter_answer_is_not_called_a_difference_of_one():
    from furikaeri.report.history import _word_line

    gone = WordChange("filler_word", 3, 0, -3, "same", word="まあ", rate_before=2.2, rate_after=0.0)
    said = _word_line(gone, "ja", (), "").plain
    assert "1回の差" not in said and "回答がずっと短く" in said, said
    one = WordChange("filler_word", 1, 0, -1, "same", word="まあ", rate_before=1.0, rate_after=0.0)
    assert "= 変化なし（1回の差は聞き取りの誤差内）" in _word_line(one, "ja", (), "").plain


def test_the_line_a_not_yet_headline_is_about_is_marked():
    from furikaeri.report.history import render_fix

    before = answer(1, {"long_pauses_per_min": 5.8, "longest_pause_s": 2.5, "answer_s": 40.0, "budget_s": 60.0},
                    note="長い間を減らす", lang="ja")
    fix = check_fix(before, {"long_pauses_per_min": 1.0, "longest_pause_s": 1.6, "answer_s": 40.0, "budget_s": 60.0},
                    "ja")
    text = " ".join(_shown(render_fix, fix, "ja").split())
    assert "まだ目標には届いていません" in text and "改善（まだ目安外）" in text, text


# --------------------------------------------------------------------------- Q #4, Q #5, Q #6


def test_answers_left_out_of_two_sessions_means_are_called_answers():
    from furikaeri.report.history import _answer_list

    assert _answer_list([1], "ja", named=True) == "回答#1" and _answer_list([1, 3], "ja", named=True) == "回答#1と#3"
    assert _answer_list([1], "en", named=True) == "answer #1" and _answer_list([1, 3], "en") == "#1 and #3"


def test_a_label_is_not_left_alone_on_its_line():
    from rich.text import Text

    from furikaeri.report.wrap import wrap_phrases

    line = "フィラー: 回答#1は平均に含めていません（履歴の値は下限で、フィラーらしい音がほかにも確かめられずに残ったため）"
    for width in (60, 80, 100):
        first = wrap_phrases(Text(line), width, fill=True).plain.split("\n")[0]
        assert first != "フィラー:" and first.startswith("フィラー: 回答#1"), (width, first)


def test_the_note_before_an_attempt_leads_with_what_to_do():
    from furikaeri.report.history import _note_ahead
    from furikaeri.store import Note

    note = Note(1, 1, "話が長すぎた", "全部話そうとした", "30秒以内に収める", "", "")
    assert _note_ahead(note, "ja") == "次回やること: 30秒以内に収める（話が長すぎた / 全部話そうとした）"
    assert _note_ahead(Note(1, 1, "too long", "", "lead with the point", "", ""), "en") == \
        "next time: lead with the point (too long)"
    assert _note_ahead(Note(1, 1, "too long", "nervous", "", "", ""), "en") == "too long / nervous"
    assert _note_ahead(Note(1, 1, "", "", "fewer fillers", "", ""), "en") == "fewer fillers"


def test_one_hedge_spelled_two_ways_is_listed_once():
    from furikaeri.lang.ja import hedge_spelled

    assert hedge_spelled("多分") == hedge_spelled("たぶん") == "たぶん"
    assert hedge_spelled("させて頂きます") == "させていただきます"
