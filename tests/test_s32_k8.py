"""Note checks and the pace over time, session 32 (QA s32 qa-f / qa-g, k8): a wish for more
pauses is no wish for fewer long pauses; "held" only where the figure is where it should be at
both ends (a named filler beside other fillers past the norm is not); the last focus on the
budget met by an answer far too short is overshot; a target length crossed to its other side is
overshot; the Japanese pace tracked over time is the morae a second the report grades."""

from __future__ import annotations

import pytest
from rich.console import Console

from furikaeri import coach
from furikaeri import notes as N
from furikaeri.progress import focus_then, own_usual, usual_pace
from furikaeri.report import history as H
from furikaeri.store import Answer, Note


def _answer(metrics: dict, note: str | None = None, language: str = "ja", id_: int = 1,
            fillers: list[str] | None = None) -> Answer:
    return Answer(id_, 1, "", 1, "Q", None, "", None, "", language, "base", {}, metrics,
                  Note(1, id_, "", "", note, "", "") if note else None, fillers=fillers)


# --------------------------------------------------------------------------- 1. a wish for more pauses


@pytest.mark.parametrize("note, lang", [
    ("間をあける", "ja"), ("間をあけて話す", "ja"), ("文の間をあける", "ja"), ("間を空ける", "ja"), ("間を開ける", "ja"),
    ("間を置いて話す", "ja"), ("間をおく", "ja"), ("適度に間を入れる", "ja"), ("間をもっと", "ja"), ("間の取り方", "ja"),
    ("間を取れなかった", "ja"), ("もっと間を取る", "ja"), ("間が足りなかった", "ja"),
    ("leave pauses between points", "en"), ("add more pauses", "en"), ("insert pauses", "en"),
    ("leave gaps between sentences", "en"), ("pause more", "en"), ("take a breath between sentences", "en"),
])
def test_a_wish_for_more_pauses_names_no_pause_count(note, lang):
    assert N.note_targets(note, lang) == []


@pytest.mark.parametrize("note, lang", [
    ("間をあけすぎた", "ja"), ("間を取りすぎ", "ja"), ("間をあけない", "ja"), ("間をもっと短く", "ja"), ("間が長い", "ja"),
    ("don't leave gaps", "en"), ("leave gaps that are too long", "en"), ("make the gaps shorter", "en"),
])
def test_pauses_overdone_or_refused_are_still_fewer_long_pauses(note, lang):
    assert N.note_targets(note, lang) == [("long_pauses_per_min", None)]


def test_pausing_before_the_answer_is_still_the_time_to_the_first_word():
    assert N.note_targets("少し間を置いてから話す", "ja") == [("latency_s", "higher")]
    assert N.note_targets("間をおいて答える", "ja") == [("latency_s", "higher")]


@pytest.mark.parametrize("note, lang", [("間をあける", "ja"), ("leave pauses", "en")])
def test_doing_what_a_pause_note_asks_is_not_worse(note, lang):
    # QA: メモで狙った点が悪化しました: 長い間: 0回 → 11回 ▼ 悪化
    base = {"answer_s": 60.0, "budget_s": 60.0, "over_s": 0.0}
    fix = N.check_fix(_answer({**base, "long_pauses": 0}, note, lang), {**base, "long_pauses": 11}, lang)
    assert not fix.targeted and fix.verdict == "unknown"


# --------------------------------------------------------------------------- 2. held at both ends


def _fillers(per_min: float, seconds: float = 60.0) -> dict:
    return {"answer_s": seconds, "budget_s": 60.0, "fillers_per_min": per_min, "filler_count": round(per_min * seconds / 60)}


def test_a_named_filler_within_jitter_beside_fillers_past_the_norm_is_not_held():
    # QA qa-f/ja compare 2 3: 「えー」: 0回 → 1回 and フィラー 7.1 → 6.8回/分 (both 多め) read 「保てています」
    prev = _answer(_fillers(7.1), "えーを減らす", fillers=["あのー"] * 7)
    fix = N.check_fix(prev, _fillers(6.8), "ja", fillers=["あのー"] * 6 + ["えー"])
    assert [c.verdict for c in fix.changes] == ["same", "same"]
    assert fix.verdict == "same"


@pytest.mark.parametrize("lang, note, word", [("en", "stop saying um", "um"), ("ja", "えーを減らす", "えー")])
def test_a_named_filler_that_is_the_only_concern_is_held(lang, note, word):
    # one 'um' in a 20-s answer both times: 3 a minute, past the norm, all of it the one filler
    # the recogniser may mishear; no other filler said
    prev = _answer(_fillers(3.0, 20.0), note, lang, fillers=[word])
    fix = N.check_fix(prev, _fillers(3.0, 20.0), lang, fillers=[word])
    assert fix.verdict == "held"


def test_a_figure_unchanged_from_outside_its_norm_is_not_held():
    # 2.4 -> 1.8 fillers a minute over a minute: within the jitter, but 2.4 was past the norm (2)
    fix = N.check_fix(_answer(_fillers(2.4), "fewer fillers", "en"), _fillers(1.8), "en")
    assert [c.verdict for c in fix.changes] == ["same"] and fix.verdict == "same"
    fix = N.check_fix(_answer(_fillers(1.9), "fewer fillers", "en"), _fillers(1.5), "en")
    assert fix.verdict == "held"  # inside at both ends


# --------------------------------------------------------------------------- 3. last focus on the budget, now far too short


def _focused(id_: int, metrics: dict, focus: str | None) -> Answer:
    a = _answer(metrics, id_=id_)
    return Answer(**{**a.__dict__, "focus": focus})


def test_a_budget_focus_met_by_a_far_too_short_answer_is_overshot():
    # QA qa-g #13 -> #16: 86.9 s on a 60-s budget (focus: over budget), then 7.8 s
    over = _focused(13, {"answer_s": 86.9, "budget_s": 60.0, "over_s": 26.9}, "over_s")
    thin = _focused(16, {"answer_s": 7.8, "budget_s": 60.0, "over_s": -52.2}, None)
    c = focus_then([over], thin)
    assert (c.metric, c.before, c.after, c.verdict) == ("answer_s", 86.9, 7.8, "overshot")
    kept = _focused(16, {"answer_s": 55.0, "budget_s": 60.0, "over_s": -5.0}, None)
    assert focus_then([over], kept).verdict == "better"  # within the time, and long enough


# --------------------------------------------------------------------------- 4. a target length crossed


@pytest.mark.parametrize("before, after, verdict", [
    (32.5, 85.4, "overshot"),  # QA qa-f/ja compare 4 5: 27.5 s short of the aim, then 25.4 s past it
    (85.0, 30.0, "overshot"),  # past it, then short of it
    (21.0, 65.5, "better"),  # into the band
    (30.0, 45.0, "better"),  # nearer, still short of it
    (58.0, 110.0, "worse"),
])
def test_a_target_length_crossed_to_its_other_side_is_overshot(before, after, verdict):
    assert N.near_target(60.0, before, after).verdict == verdict
    base = {"budget_s": 120.0}
    fix = N.check_fix(_answer({**base, "answer_s": before, "over_s": before - 120}, "1分程度で話す"),
                      {**base, "answer_s": after, "over_s": after - 120}, "ja")
    assert [c.verdict for c in fix.changes] == [verdict] and fix.verdict == verdict


# --------------------------------------------------------------------------- 5. the Japanese pace tracked is the one graded


def _ja(id_: int, chars: float, morae: float, focus: str | None = None) -> Answer:
    a = _focused(id_, {"answer_s": 50.0, "budget_s": 60.0, "over_s": -10.0, "chars_per_min": chars,
                       "morae_per_s": morae}, focus)
    return Answer(**{**a.__dict__, "created_at": f"2026-12-0{id_}T10:00:00+00:00"})


def test_the_japanese_usual_pace_is_in_the_morae_a_second_the_report_grades():
    # QA: あなたのふだんの話速: 231字/分 beside verdicts in 拍/秒; kanji-dense answers read few
    # characters at a fast pace, so the two figures need not even agree on which is faster
    answers = [_ja(1, 231.0, 5.6), _ja(2, 240.0, 5.8), _ja(3, 220.0, 5.4), _ja(4, 200.0, 6.5)]
    usual = usual_pace(answers)["ja"]
    assert usual["metric"] == "morae_per_s" and usual["median"] == 5.6 and usual["latest"] == 6.5
    assert usual["latest_vs_usual"] > 0  # faster, as graded (fewer characters)
    assert "morae_per_s" in own_usual(answers[:3], "ja") and "chars_per_min" not in own_usual(answers[:3], "ja")


class _Archive:
    def __init__(self, *answers: Answer):
        self._answers = answers

    def answers(self, full: bool = False) -> list[Answer]:
        return list(self._answers)


def test_a_focus_saved_on_characters_a_minute_is_still_the_pace_focus():
    # an answer saved when 字/分 was the tracked pace: its focus, worked out again, is the pace
    # as graded now (not lost to a 'chars_per_min' != 'morae_per_s' mismatch), and followed up so
    old = _ja(1, 420.0, 10.5, focus="chars_per_min")
    given = coach.focus_given(_Archive(old), old)
    assert given is not None and (given.metric, given.side) == ("morae_per_s", "high")
    assert coach.stored_focus("chars_per_min", "ja") == "morae_per_s" and coach.stored_focus("wpm", "en") == "wpm"
    assert coach.stored_focus("fillers_per_min", "ja") == "fillers_per_min"
    c = focus_then([old], _ja(2, 300.0, 7.0))
    assert (c.metric, c.before, c.after, c.verdict) == ("morae_per_s", 10.5, 7.0, "better")


def test_the_history_pace_column_is_in_morae_a_second():
    answers = [{"id": 1, "created_at": "2026-12-05T10:00:00Z", "question": "自己紹介をお願いします。", "language": "ja",
                "note": None, "metrics": {"answer_s": 50.0, "budget_s": 60.0, "fillers_per_min": 1.0,
                                          "chars_per_min": 231.0, "morae_per_s": 5.6}}]
    console = Console(record=True, width=100, color_system=None)
    H.render_history(console, [{"id": 1, "name": "s", "started_at": "2026-12-05T10:00:00Z", "company": None,
                                "answers": answers}], "ja")
    out = console.export_text()
    assert "話速（拍/秒）" in out and "5.6" in out and "231" not in out and "字/分" not in out
