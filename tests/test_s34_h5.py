"""QA s34: stretches in another language (qa-p #1-#4) and an English-only model over Japanese
(qa-n #1)."""

from __future__ import annotations

import numpy as np
import pytest

from furikaeri.analysis import Heard, LanguageSpan, _analysis
from furikaeri.lang import get_rules
from furikaeri.speech import Interval, SpeechMap
from furikaeri.transcribe import Word


def _speech(ivs, duration: float) -> SpeechMap:
    return SpeechMap(intervals=tuple(Interval(*iv) for iv in ivs), duration=duration, floor_db=-60.0,
                     speech_db=-20.0, frames_db=np.zeros(int(duration * 100), dtype=np.float32),
                     vad_prob=np.zeros(int(duration * 100), dtype=np.float32),
                     bursts=tuple(Interval(*iv) for iv in ivs))


def _answer(lang: str, other: tuple[LanguageSpan, ...], *, speech_to: float = 30.0):
    """Words every 0.5 s from 0.5 s to ``speech_to`` (an opening sentence first), ``other`` the
    stretches said in another language."""
    from furikaeri.voice import Voice

    word = " so" if lang == "en" else "そう"
    times = np.arange(0.5, speech_to - 0.05, 0.5)
    words = [Word(word, float(t), float(min(t + 0.4, speech_to)), 0.9) for t in times]
    words[3] = Word("." if lang == "en" else "。", words[3].start, words[3].end, 0.9)
    smap = _speech([(0.5, speech_to)], speech_to + 1.0)
    return _analysis(smap, Heard(tuple(words)), get_rules(lang), budget_s=60.0, acoustic=False, question="Q",
                     model="base", duration=speech_to + 1.0, source="take.wav", voice_of=lambda span: Voice(),
                     other_languages=other)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_answer_mostly_in_another_language_has_no_verdicts_on_its_words(lang):
    """qa-p #3: 36 s of German in 60 s still read "Speaking rate 146 good", "Fillers 0 good" on
    figures the archive refuses to save. Its length, start and pauses are the sound's: judged."""
    from furikaeri.analysis import word_verdicts

    rules = get_rules(lang)
    a = _answer(lang, (LanguageSpan("de", 10.0, 30.0),))
    assert not set(a.verdicts) & word_verdicts(rules), a.verdicts
    assert {"length", "pauses", "latency"} <= set(a.verdicts)
    some = _answer(lang, (LanguageSpan("de", 25.0, 30.0),))  # a sixth of it: its words judged
    assert {"rate", "fillers", "hedges"} <= set(some.verdicts)
    assert not (set(some.verdicts) - set(a.verdicts)) - word_verdicts(rules)


def _tiny_en():
    from furikaeri import models
    from furikaeri.errors import ModelError

    try:
        models.resolve("tiny.en", models.default_models_dir())
    except ModelError as e:
        pytest.skip(f"tiny.en is not installed: {e}")


@pytest.mark.parametrize("streamed", [False, True])
def test_an_english_only_model_refuses_a_japanese_question_as_it_refuses_language_ja(streamed):
    """qa-n #1: a Japanese set's question with tiny.en (language auto, the question's preferred)
    was heard as made-up English ("Thank you so much for watching"), graded and saved."""
    from furikaeri.analysis import analyze_audio
    from furikaeri.audio import Audio
    from furikaeri.errors import UsageError
    from furikaeri.stream import Listener

    _tiny_en()
    silence = Audio(np.zeros(16000, np.float32), 16000, source="x.wav")
    for prefer in ("ja", "en"):
        try:
            if streamed:
                Listener(language="auto", model="tiny.en", prefer=prefer, background=False)
            else:
                analyze_audio(silence, model="tiny.en", prefer=prefer)
        except UsageError as e:
            assert prefer == "ja" and "tiny.en" in str(e) and "英語しか" in e.ja
        else:
            assert prefer == "en"
