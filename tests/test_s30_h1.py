"""Round 30 (h1): a figure's unit is its answers', whatever language the view is in, and a
view names a language in its own words.

1. Hedges are counted per 100 words in an English answer and per 300 morae in a Japanese one:
   compare, progress, the note's check and the remarks after an answer write the unit of the
   answers the value comes from (as the journal does), not of the label language.
2. Progress names a language in the label language, bracketed as that language brackets:
   「全体（英語）」, "overall (Japanese)", "your usual pace (Japanese)".
"""

from __future__ import annotations

import pytest
from rich.console import Console

from furikaeri.compare import SessionComparison, compare_answers
from furikaeri.lang import text
from furikaeri.metrics import METRIC_BY_NAME, Change, unit_key
from furikaeri.progress import AfterAnswer, Point, Progress, ProgressBlock, Series
from furikaeri.report import history as H
from furikaeri.store import Answer

HEDGES = METRIC_BY_NAME["hedges_per_100_words"]
#: how each label language writes hedges of an answer in each language
UNIT = {("en", "en"): "3.6/100 words", ("en", "ja"): "3.6/300 morae",
        ("ja", "en"): "3.6回/100語", ("ja", "ja"): "3.6回/300拍"}
CASES = sorted(UNIT)


def _console() -> Console:
    return Console(width=120, record=True, color_system=None)


def _answer(i: int, language: str, hedges: float, *, session: int = 1) -> Answer:
    pace = {"wpm": 130.0} if language == "en" else {"chars_per_min": 300.0, "morae_per_s": 7.0}
    metrics = {"answer_s": 50.0, "budget_s": 60.0, "fillers_per_min": 2.0, "hedges_per_100_words": hedges, **pace}
    return Answer(i, session, f"s{session}", 1, "Q", None, f"2026-12-05T03:2{i}:00Z", None, "", language, "small",
                  {}, metrics)


# --------------------------------------------------------------------------- 1. units by the answers' language


@pytest.mark.parametrize("lang,language", CASES)
def test_a_unit_is_the_answers_whatever_the_view_language(lang, language):
    assert HEDGES.with_unit("3.6", lang, language) == UNIT[lang, language]
    assert H.fmt_value("hedges_per_100_words", 3.6, lang, language=language) == UNIT[lang, language]
    assert text(lang, unit_key("hedges_per_100_words", lang, language), value="3.6") == UNIT[lang, language]
    # a figure whose unit is one for every answer keeps it
    assert H.fmt_value("fillers_per_min", 2.0, lang, language=language) == METRIC_BY_NAME["fillers_per_min"].with_unit("2.0", lang)


@pytest.mark.parametrize("lang,language", CASES)
def test_compare_writes_the_answers_unit(lang, language):
    """QA: `compare 11 13 --lang ja` of two English answers: 「0.0回/300拍  3.6回/300拍」."""
    out = _console()
    H.render_compare_answers(out, compare_answers(_answer(1, language, 0.0), _answer(2, language, 3.6)), lang)
    said = out.export_text()
    assert UNIT[lang, language] in said
    other = UNIT[lang, "ja" if language == "en" else "en"]
    assert other not in said


@pytest.mark.parametrize("lang,language", CASES)
def test_compare_of_sessions_writes_the_answers_unit(lang, language):
    """The means of two sessions are of their shared language's answers: its unit."""
    sa = {"id": 1, "name": "a", "started_at": "2026-12-05T03:20:00Z"}
    sb = {"id": 2, "name": "b", "started_at": "2026-12-05T03:21:00Z"}
    mean = Change("hedges_per_100_words", 1.0, 3.6, 2.6, "worse")
    cmp = SessionComparison(sa, sb, (), (), (), (mean,), language)
    out = _console()
    H.render_compare_sessions(out, cmp, lang)
    assert UNIT[lang, language] in out.export_text()


def _block(language: str | None, value: float, title: str = "overall", qid: int | None = None) -> ProgressBlock:
    p = Point(1, "2026-12-05T03:20:00Z", value)
    s = Series("hedges_per_100_words", (p,), None, p, p)
    return ProgressBlock(title, qid, language, 1, p.at, p.at, (s,))


@pytest.mark.parametrize("lang,language", CASES)
def test_progress_writes_each_blocks_own_unit(lang, language):
    """QA: `progress --lang en` of Japanese answers: "hedges ▁▁▁▁█▁▁▁  0.0/100 words"."""
    other = "ja" if language == "en" else "en"
    prog = Progress(overall=(_block(language, 3.6), _block(other, 3.6)),
                    questions=(_block(language, 3.6, "Q", 1),), usual_pace=None)
    out = _console()
    H.render_progress(out, prog, lang)
    said = out.export_text()
    assert said.count(UNIT[lang, language]) == 4 and said.count(UNIT[lang, other]) == 2  # latest and best


@pytest.mark.parametrize("lang,language", CASES)
def test_the_notes_check_and_the_remarks_write_the_answers_unit(lang, language):
    c = Change("hedges_per_100_words", 0.0, 3.6, 3.6, "worse")
    from furikaeri.notes import FixCheck

    out = _console()
    H.render_fix(out, FixCheck(1, "fewer hedges", True, (c,), "worse"), lang, language=language)
    H.render_after(out, AfterAnswer(focus_then=c), lang, language=language)
    assert out.export_text().count(UNIT[lang, language]) == 2
    # a caller that does not say the language: the one the figures tell (a pace in words a minute)
    pace = "wpm" if language == "en" else "chars_per_min"
    out = _console()
    H.render_after(out, AfterAnswer(pace_metric=pace, usual={pace: 130.0}, focus_then=c), lang)
    assert UNIT[lang, language] in out.export_text()


@pytest.mark.parametrize("language", ("en", "ja"))
def test_the_reports_focus_line_writes_the_answers_unit(language):
    from types import SimpleNamespace

    from furikaeri.report.terminal import focus_line

    focus = SimpleNamespace(metric="hedges_per_100_words", value=3.6, against="usual", usual=1.2, limit=None,
                            suggestion=lambda lang: "…")
    out = _console()
    out.print(focus_line(focus, language))
    assert UNIT[language, language] in out.export_text()


# --------------------------------------------------------------------------- 2. languages named in the label language


def _two_languages(lang_usual: dict) -> Progress:
    return Progress(overall=(_block("en", 1.0), _block("ja", 1.0)), questions=(), usual_pace=lang_usual)


USUAL = {"en": {"metric": "wpm", "median": 130.0, "latest_vs_usual": None},
         "ja": {"metric": "chars_per_min", "median": 245.0, "latest_vs_usual": None}}


def test_progress_names_languages_in_english_with_half_width_brackets():
    out = _console()
    H.render_progress(out, _two_languages(USUAL), "en")
    said = out.export_text()
    assert "overall (English) 1 attempt" in said and "overall (Japanese) 1 attempt" in said
    assert "your usual pace (Japanese): 245 chars/min" in said
    assert "日本語" not in said and "（" not in said


def test_progress_names_languages_in_japanese_with_full_width_brackets():
    """QA: `progress --lang ja`: 「全体 (English) 3回」, 「全体 (日本語) 10回」."""
    out = _console()
    H.render_progress(out, _two_languages(USUAL), "ja")
    said = out.export_text()
    assert "全体（英語）1回" in said and "全体（日本語）1回" in said
    assert "あなたのふだんの話速（英語）: 130語/分" in said
    assert "English" not in said and " (" not in said


def test_each_own_blocks_name_their_language_in_their_own_words():
    """Each block in its answers' language (history's default): the English usual pace named
    in English, the Japanese one in Japanese."""
    out = _console()
    H.render_progress(out, _two_languages(USUAL), "en", each_own=True)
    said = out.export_text()
    assert "overall (English)" in said and "全体（日本語）" in said
    assert "your usual pace (English): 130 wpm" in said
