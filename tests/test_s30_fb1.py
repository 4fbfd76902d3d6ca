"""Session 30, QA b (fb1): a Japanese view of English answers says English units; the journal
says why a figure is missing or says little; one Japanese name per figure in every view;
Japanese typography in the built-in set and the transcript; the report's verdicts wrap
between phrases in English too."""

from __future__ import annotations

import tomllib
from importlib import resources
from types import SimpleNamespace as NS

from rich.console import Console

from furikaeri.analysis import Analysis
from furikaeri.content import Opening
from furikaeri.lang import get_rules, text
from furikaeri.measure import Pause, Stats, Verdict
from furikaeri.metrics import METRIC_BY_NAME
from furikaeri.report.export import to_markdown
from furikaeri.transcribe import Word

SESSION = {"id": 1, "name": "mix", "started_at": "2026-12-05T03:30:00+00:00"}


def journal(*answers, lang="ja") -> str:
    return to_markdown({"sessions": [SESSION], "answers": [{"session_id": 1, "question": "Q", **a}
                                                           for a in answers]}, lang=lang)


def block(md: str, answer_id: int) -> str:
    return md.split(f"### #{answer_id} ")[1].split("###")[0]


# --------------------------------------------------------------------------- 1. units


def test_a_japanese_view_writes_english_pace_in_words_a_minute():
    assert METRIC_BY_NAME["wpm"].with_unit("126", "ja") == "126語/分"
    assert all("wpm" not in v for k, v in get_rules("ja").labels.items() if k.startswith("value_"))


def test_the_journal_gives_each_answers_hedges_in_its_own_unit():
    en = {"id": 1, "language": "en", "metrics": {"answer_s": 36.6, "budget_s": 90.0, "wpm": 126.0,
                                                  "fillers_per_min": 8.2, "long_pauses": 3, "hedges_per_100_words": 3.6}}
    ja = {"id": 2, "language": "ja", "metrics": {"answer_s": 36.6, "budget_s": 90.0, "chars_per_min": 282.0,
                                                  "morae_per_s": 6.3, "fillers_per_min": 8.2, "long_pauses": 3, "hedges_per_100_words": 3.6}}
    md = journal(en, ja)
    assert "ぼかし表現 3.6回/100語" in block(md, 1) and "話速: 126語/分" in block(md, 1)
    assert "ぼかし表現 3.6回/300拍" in block(md, 2) and "話速: 6.3拍/秒" in block(md, 2)  # as graded
    assert "3.6/100 words" in journal(en, ja, lang="en")


# --------------------------------------------------------------------------- 11. unmeasured figures


def test_the_journal_says_why_the_word_figures_of_an_answer_in_the_other_language_are_missing():
    a = {"id": 9, "language": "ja", "analysis": {"sounds_like": "en"},
         "metrics": {"answer_s": 22.1, "budget_s": 60.0, "fillers_per_min": None, "chars_per_min": None, "long_pauses": 0}}
    for lang, heard in (("ja", "英語に聞こえる"), ("en", "sounds like English")):
        shown = block(journal(a, lang=lang), 9)
        assert heard in shown, shown
        assert "–回" not in shown and "–字" not in shown and "– chars" not in shown and "–/min" not in shown


def test_the_journal_marks_the_rates_of_a_far_too_short_answer():
    short = {"id": 4, "language": "ja", "metrics": {"answer_s": 7.8, "budget_s": 30.0, "fillers_per_min": 0.0,
                                                    "chars_per_min": 347.0, "morae_per_s": 7.4, "long_pauses": 0}}
    shown = block(journal(short), 4)
    assert "7.4拍/秒\\*" in shown and "0.0回/分\\*" in shown and "- \\*持ち時間の30%未満" in shown
    long_enough = dict(short, id=5, metrics=dict(short["metrics"], answer_s=20.0))
    assert "\\*" not in block(journal(long_enough), 5)


# --------------------------------------------------------------------------- 9. one name per figure


def test_the_report_names_its_figures_as_the_tables_do():
    ja = get_rules("ja").labels
    assert ja["rate"] == ja["metric_chars_per_min"] == ja["metric_wpm"]
    assert ja["answer_length"] == ja["metric_answer_s"]
    assert ja["over_budget"] == ja["metric_over_s"]
    assert ja["md_next_time"] == ja["next_time"]
    assert "progress" not in ja["history_short_note"]  # a command's name is no word of a sentence


# --------------------------------------------------------------------------- 8. typography


def test_the_built_in_japanese_set_writes_full_width_brackets():
    data = tomllib.loads(resources.files("furikaeri.data.questions").joinpath("ja-basic.toml").read_text("utf-8"))
    shown = [data["set"]["title"]] + [v for q in data["questions"] for k, v in q.items() if k in ("text", "hint")]
    assert not [s for s in shown if "(" in s or ")" in s]
    assert "0.6秒" in text("ja", "recover_done", path="x", seconds=0.6)


def test_a_pause_mark_in_a_japanese_transcript_takes_no_space():
    from furikaeri.report.terminal import marked_transcript

    said = [NS(text=w, start=s, end=s + 0.4) for w, s in (("です。", 0.0), ("えー", 2.0), (" Python", 3.0), (" も", 4.2))]
    pauses = [NS(kind="long", start=0.5, duration=1.0), NS(kind="long", start=3.5, duration=1.2)]
    a = NS(fillers=[], pauses=pauses, repetitions=[], budget_cut=None, words=said, language="ja", hedges=[])
    shown = marked_transcript(a, get_rules("ja").labels, spaced=False).plain
    assert shown.startswith("です。[1.0秒]えー"), shown
    assert "Python [1.2秒]" in shown, shown  # after a Latin word, the space stays


# --------------------------------------------------------------------------- 10. wrapping


def test_an_english_verdict_breaks_between_its_phrases():
    from furikaeri.report.terminal import figures

    en = get_rules("en")
    said = [Word(w, i * 0.3, i * 0.3 + 0.3, 0.9) for i, w in enumerate(" My point is this.".split(" ")[1:])]
    a = Analysis(file=None, language="en", duration_s=40.0, speech_detected=True, latency_s=1.5, answer_s=36.6,
                 budget_s=90.0, over_budget=False, transcript="My point is this.", words=tuple(said),
                 rate=en.rate_type(wpm=130.0), stats=Stats(unit="words", pause_count=2),
                 pauses=(Pause(1.0, 2.0, "long", "sentence"),),
                 opening=Opening(seconds=5.8, budget_share=0.06, late=False, text="My point is this.",
                                 order="point_first"),
                 verdicts={"opening": Verdict("good", "≤ 20% of budget", "")})
    for width in range(60, 90):
        console = Console(width=width, record=True, color_system=None)
        console.print(figures(a, en, width))
        lines = console.export_text().splitlines()
        assert not any(line.rstrip().endswith("point") for line in lines), (width, lines)
