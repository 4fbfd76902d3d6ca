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


def _mixed(shared):
    """qa-p's mixed answers: Japanese, English (jfk, 11 s) between, Japanese; and jfk, Japanese,
    jfk. All at 16 kHz."""
    from furikaeri.audio import Audio, load_audio

    def clip(*parts):
        return load_audio(shared(*parts)).samples

    def gap(s):
        return np.zeros(int(s * 16000), np.float32)

    jfk = clip("en", "jfk.flac")
    ja = [clip("ja", f"common_voice_ja_{n}_16k.wav") for n in (38833628, 38843402, 38852485)]
    ja_en = np.concatenate([ja[0], gap(0.6), ja[1], gap(0.6), jfk, gap(0.6), ja[2]])
    en_ja = np.concatenate([jfk, gap(0.8), ja[2], gap(0.8), jfk])
    return Audio(ja_en, 16000, source="mixed_ja_en.wav"), Audio(en_ja, 16000, source="mixed_en_ja.wav")


@pytest.mark.model
def test_english_inside_a_japanese_answer_is_named_and_its_invented_fillers_not_counted(shared):
    """qa-p #1: the English (13.8-24.3 s) fell into two 10-s windows, each 0.98-0.99 Japanese
    with the Japanese beside it, so no warning, and the 「あ」「あ」「えっと」 Whisper wrote over it
    were the report's focus. In windows of 5 s of speech one is 0.93 English."""
    from furikaeri.analysis import analyze_audio

    ja_en, en_ja = _mixed(shared)
    a = analyze_audio(ja_en, language="ja")
    (span,) = a.other_languages
    assert span.language == "en" and 13.0 <= span.start and span.end <= 25.5 and span.end - span.start >= 5.0
    assert not [f for f in a.fillers if span.start <= f.start <= span.end], a.fillers
    assert any("英語" in w for w in a.warnings)
    # qa-p #2: two thirds English, its first 10 s heard as Japanese (0.96): with -l en it is not
    # sent to --language ja; the Japanese between is named instead
    b = analyze_audio(en_ja, language="en")
    assert b.sounds_like is None and [x.language for x in b.other_languages] == ["ja"], b.other_languages


def test_a_named_language_holding_half_the_answer_is_not_said_to_sound_like_the_other():
    """qa-p #2: the first window's 0.96 Japanese sent a two-thirds English answer to -l ja,
    where it was sent back to -l en. A first window says nothing of the rest."""
    from furikaeri.analysis import settled

    en, ja = {"en": 0.99}, {"ja": 0.97}
    scored = [(0.3, 6.9, en), (6.9, 14.7, ja), (14.7, 20.5, ja), (20.5, 29.2, {"en": 0.91}), (29.2, 33.2, {"en": 0.84})]
    chosen, other, spans = settled(scored, "en", "ja", named=True)
    assert (chosen, other) == ("en", None) and [(x.language, x.start, x.end) for x in spans] == [("ja", 6.9, 20.5)]
    mostly = [(0.3, 6.9, ja), (6.9, 14.7, ja), (14.7, 20.5, ja), (20.5, 29.2, {"en": 0.91})]
    assert settled(mostly, "en", "ja", named=True) == ("en", "ja", ())
    assert settled(scored[:1], "ja", "en", named=True) == ("ja", "en", ())  # one window: its word


def test_a_stretch_is_counted_surely_from_half_a_window_inside_the_answer():
    """qa-p #4: Japanese closing an English answer (no words for it) is past the answer's last
    word; a window the speaker switched in is heard as the other language with the answer's
    words in it. Counted so, 4 s of Japanese after 10 s of English is not half the answer."""
    from furikaeri.analysis import off_language

    d = {"latency_s": 0.8, "answer_s": 10.27, "duration_s": 16.0,
         "other_languages": [{"language": "ja", "start": 6.39, "end": 15.63}]}
    assert not off_language(d)
    german = {"latency_s": 0.5, "answer_s": 59.0, "other_languages": [{"language": "de", "start": 24.0, "end": 60.0}]}
    assert off_language(german)  # edge/english_then_french.mp3: still more than half
    assert off_language({**d, "other_languages": [{"language": "ja", "start": 0.8, "end": 15.63}]})


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_fillers_said_inside_a_stretch_in_another_language_are_not_counted(lang):
    """qa-p #1: fillers Whisper wrote while translating a stretch are its, not the speaker's."""
    um = " um," if lang == "en" else "えっと、"
    word = " work" if lang == "en" else "そう"
    words = [Word(um if i in (30, 34) else word, 0.5 + 0.5 * i, 0.9 + 0.5 * i, 0.9) for i in range(59)]
    words[3] = Word("." if lang == "en" else "。", words[3].start, words[3].end, 0.9)
    from furikaeri.voice import Voice

    def run(other):
        return _analysis(_speech([(0.5, 30.0)], 31.0), Heard(tuple(words)), get_rules(lang), budget_s=60.0,
                         acoustic=False, question="Q", model="base", duration=31.0, source="t.wav",
                         voice_of=lambda span: Voice(), other_languages=other)

    plain = run(())
    assert len(plain.fillers) == 2 and all(14.0 < f.start < 19.0 for f in plain.fillers), plain.fillers
    a = run((LanguageSpan("de", 14.0, 19.0),))
    assert a.fillers == () and a.stats.filler_count == 0 and a.stats.fillers_per_min == 0.0
    assert a.verdicts["fillers"].level == "good" and plain.stats.filler_count == 2


def test_a_ten_second_stretch_is_kept_where_the_five_second_windows_hear_its_language():
    """A 10-s window holding both of ours is heard as Japanese (0.96 over 8.5 s of English):
    the 5-s windows that hear English in most of it undo it; German's are kept (0:24 in 10 s)."""
    from furikaeri.analysis import confirmed, joined

    en, ja = {"en": 0.99, "ja": 0.01}, {"ja": 0.97, "en": 0.02}
    fine = [(0.3, 6.9, en), (6.9, 14.7, ja), (14.7, 20.5, ja), (20.5, 29.2, en), (29.2, 33.2, en)]
    assert not confirmed(LanguageSpan("ja", 0.3, 29.2), fine)
    assert confirmed(LanguageSpan("ja", 6.0, 21.0), fine)
    de = [(18.2, 23.9, en), (23.9, 31.3, en), (31.3, 36.8, {"de": 0.99}), (36.8, 59.7, {"de": 0.98})]
    assert confirmed(LanguageSpan("de", 24.0, 59.7), de)
    assert joined([LanguageSpan("de", 31.3, 59.7), LanguageSpan("de", 24.0, 59.7), LanguageSpan("en", 1.0, 5.0)]) == (
        LanguageSpan("en", 1.0, 5.0), LanguageSpan("de", 24.0, 59.7))
