"""A stretch said in another language (English, then German) is named, not reported as the
answer's words: Whisper writes it in the answer's language, a translation or an invention."""

from __future__ import annotations

import glob
from pathlib import Path

import numpy as np
import pytest

from furikaeri.analysis import LanguageSpan, other_language_spans, speech_windows
from furikaeri.speech import Interval

ROOT = Path(__file__).resolve().parents[1]


def test_speech_is_cut_into_windows_of_ten_seconds_of_speech():
    ivs = [Interval(0.0, 4.0), Interval(5.0, 17.0), Interval(20.0, 22.0), Interval(30.0, 31.5)]
    windows = speech_windows(ivs, 10.0, 3.0)
    assert windows[0] == [(0.0, 4.0), (5.0, 11.0)]  # a long interval cut where the window is full
    assert windows[1] == [(11.0, 17.0), (20.0, 22.0), (30.0, 31.5)]  # 9.5 s: the last, kept (>= 3 s)
    assert len(windows) == 2
    assert speech_windows([Interval(0.0, 12.0)], 10.0, 3.0) == [[(0.0, 10.0)]]  # 2 s left: too little
    assert speech_windows([Interval(0.0, 12.0)], 10.0, 3.0, at_pauses=True) == [[(0.0, 12.0)]]  # up to 14 s in one
    assert speech_windows([Interval(0.0, 16.0)], 10.0, 3.0, at_pauses=True) == [[(0.0, 10.0)], [(10.0, 16.0)]]


def test_a_window_ends_at_the_longest_pause_it_may_end_at():
    """QA s46 W #3: a person switches language at a pause; a window that ends at one holds one
    language. From 3.5 s of speech to 7 s (windows of 5 s), the longest pause ends it."""
    ivs = [Interval(0.0, 1.5), Interval(1.7, 3.0), Interval(3.2, 4.6), Interval(5.7, 6.8), Interval(7.0, 9.0),
           Interval(9.1, 12.0), Interval(12.6, 14.0)]
    windows = speech_windows(ivs, 5.0, 3.0, at_pauses=True)
    assert windows[0][-1] == (3.2, 4.6)  # 4.2 s of speech, then the 1.1-s pause
    assert windows[1][0] == (5.7, 6.8) and windows[1][-1] == (9.1, 12.0)  # 6.0 s, then 0.6 s
    assert len(windows) == 2  # 1.4 s left: too little alone


def scores(**p):
    return dict(p)


def test_a_stretch_is_another_language_only_where_whisper_is_sure():
    scored = [(0.0, 11.0, scores(en=0.99)), (11.0, 24.0, scores(en=0.95, de=0.04)),
              (24.0, 37.0, scores(de=0.85, en=0.14)),  # the switch: both in one window
              (37.0, 49.0, scores(de=1.0)), (49.0, 60.0, scores(de=0.99))]
    assert other_language_spans(scored, "en") == (LanguageSpan("de", 24.0, 60.0),)
    # an accented speaker's window Whisper is unsure of is no other language
    unsure = [(0.0, 10.0, scores(en=0.53, ko=0.3)), (10.0, 20.0, scores(id=0.39, en=0.35))]
    assert other_language_spans(unsure, "en") == ()
    # a neighbour is joined only in the sure window's language, and only when it is likeliest
    mixed = [(0.0, 10.0, scores(fr=0.6, en=0.4)), (10.0, 20.0, scores(de=0.97)), (20.0, 30.0, scores(en=0.9))]
    assert other_language_spans(mixed, "en") == (LanguageSpan("de", 10.0, 20.0),)
    # two languages in turn: two stretches
    turns = [(0.0, 10.0, scores(de=0.95)), (10.0, 20.0, scores(fr=0.96))]
    assert other_language_spans(turns, "ja") == (LanguageSpan("de", 0.0, 10.0), LanguageSpan("fr", 10.0, 20.0))


def test_an_answer_analysed_before_the_check_reads_as_having_none():
    from furikaeri.analysis import Analysis, upgrade

    old = {"schema": 6, "file": None, "language": "en", "duration_s": 1.0, "speech_detected": False,
           "latency_s": None, "answer_s": 0.0, "budget_s": 60.0, "over_budget": False, "transcript": ""}
    assert upgrade(old)["other_languages"] == []
    assert Analysis.from_dict(old).other_languages == ()


@pytest.mark.model
def test_english_then_german_names_the_german_stretch_in_the_file_and_the_live_path(shared):
    from furikaeri.analysis import analyze_file
    from furikaeri.audio import load_audio
    from furikaeri.stream import blocks_of, listen_to

    path = shared("edge", "english_then_french.mp3")  # the second half is German (Whisper: 0.95-1.00)
    whole = analyze_file(path)
    streamed = listen_to(blocks_of(load_audio(path).samples), source=str(path), language="auto")
    for a in (whole, streamed):
        assert a.language == "en"
        (span,) = a.other_languages
        assert span.language == "de" and 20.0 <= span.start <= 28.0 and span.end >= 55.0
        assert any("German" in w and "0:2" in w for w in a.warnings)
        assert not a.tips  # more than half of it is German: no coaching of a translation
    english = analyze_file(ROOT / "samples" / "en_tell_me_about_yourself.flac")
    assert english.other_languages == () and english.tips


@pytest.mark.model
def test_no_real_speaker_is_heard_in_another_language(shared):
    """Every 10-s window of the real second-language speakers (accented English, learners'
    Japanese) and of the samples: no stretch is flagged (the check's false alarms)."""
    from furikaeri.analysis import _model_info, choose_language
    from furikaeri.audio import load_audio
    from furikaeri.speech import find_speech

    files = sorted(glob.glob(str(shared("real-l2") / "*.flac"))) + sorted(glob.glob(str(ROOT / "samples" / "*.flac")))
    info = _model_info(None, None)
    flagged = {}
    for f in files:
        audio = load_audio(f)
        named = Path(f).name[:2]
        lang, other, spans = choose_language(audio, find_speech(audio), "auto", info)
        if lang != named or spans:
            flagged[Path(f).name] = (lang, spans)
    assert len(files) >= 20 and not flagged


def test_an_auto_answer_is_heard_in_the_questions_language_unless_whisper_is_sure():
    from furikaeri.analysis import preferred

    assert preferred("en", "ja", 0.99) == "ja"  # an English question answered in Japanese
    assert preferred("en", "ja", 0.6) == "en"  # an accented answer stays in the question's language
    assert preferred("ja", "ja", 0.69) == "ja"
    assert preferred(None, "ja", 0.6) == "ja"  # nothing preferred: Whisper's likeliest


@pytest.mark.model
def test_practice_without_a_language_hears_a_japanese_answer_to_an_english_question_as_japanese():
    """practice --set en-basic, answered in Japanese, no --language: heard as Japanese (it was
    heard as English, a translation, with a warning to analyse it again)."""
    from furikaeri.cli.practice_cmd import _analyser

    path = ROOT / "samples" / "ja_jikopr.flac"
    auto = _analyser("base", auto=True)(path, "en", 60.0, "What is your greatest strength?")
    assert auto.language == "ja" and auto.sounds_like is None and auto.tips
    named = _analyser("base")(path, "en", 60.0, "What is your greatest strength?")  # --language en
    assert named.language == "en" and named.sounds_like == "ja"


def test_an_answer_half_in_another_language_has_no_word_figures_and_no_focus():
    from furikaeri.analysis import off_language
    from furikaeri.coach import focus_of
    from furikaeri.store import WORD_FIGURES, metrics_from_analysis

    d = {"speech_detected": True, "language": "en", "answer_s": 60.0, "duration_s": 61.0,
         "stats": {"filler_count": 5, "fillers_per_min": 5.0, "word_count": 120},
         "other_languages": [{"language": "de", "start": 24.0, "end": 60.0}]}
    assert off_language(d) and not off_language({**d, "other_languages": [{"language": "de", "start": 50.0,
                                                                          "end": 60.0}]})
    assert off_language({"sounds_like": "ja"})
    metrics = metrics_from_analysis(d)
    assert all(metrics.get(name) is None for name in WORD_FIGURES)
    assert focus_of(d) is None


@pytest.mark.model
def test_practice_hears_an_english_answer_to_a_japanese_question_as_english():
    """Whisper is 0.82-0.85 sure of this clean English after a Japanese question: heard as
    English, with its figures, not as Japanese with none."""
    from furikaeri.cli.practice_cmd import _analyser

    a = _analyser("base", auto=True)(ROOT / "samples" / "en_greatest_strength.flac", "ja", 60.0, "自己PRをしてください。")
    assert a.language == "en" and a.sounds_like is None and a.rate.wpm
