"""Session 32, k10: the time to the point not ended at a polite form a clause link carries on
(ませんから); an answer of courtesies alone, and the tail Whisper heard of one, having no opening;
a very noisy room's warning not saying the pauses are measured well; a long silence's tip naming
the place the pauses line gives it (a comma, not a sentence's end); a third person's wish told in
a story (ケンは…入りたいと思っています) not counted as the speaker's hedge."""

from __future__ import annotations

import inspect
from types import SimpleNamespace

import numpy as np
import pytest

from furikaeri.advice import UNTRUSTED_CONTRAST_DB, tips_for, warnings_for
from furikaeri.content import opening
from furikaeri.lang import get_rules, text
from furikaeri.measure import Pause, Stats, judge, pause_kind
from furikaeri.transcribe import Word

JA, EN = get_rules("ja"), get_rules("en")


def _words(pieces, start=0.0, step=0.3):
    """Words said one after another, ``step`` s each."""
    return [Word(t, start + k * step, start + (k + 1) * step) for k, t in enumerate(pieces)]


def _cut(shared, name: str, margin: float = 0.5):
    """A real-l2 recording from its labelled speech start to its end, ``margin`` s either side."""
    import realclips
    from furikaeri.audio import Audio

    audio, truth = realclips.real_l2(shared, name)
    a = max(0.0, truth["speech_start"] - margin)
    b = truth["speech_end"] + margin
    return Audio(realclips.cut(audio, a, b), realclips.RATE, name), a


# --------------------------------------------------------------------------- 1. ません|から ends no sentence


@pytest.mark.parametrize("before, after", [
    ("持っていません", "から持っていませんから"), ("大丈夫です", "が、"), ("行きました", "けど"),
    ("できません", "ので"), ("好きです", "し"), ("大丈夫です", "けれども"), ("ありませんでした", "のに"),
    ("行きません", "と言われました")])
def test_a_polite_form_a_clause_link_carries_on_ends_no_sentence(before, after):
    assert JA.ends_sentence(before)  # the form alone (a pause after it: nothing known of what follows)
    assert not JA.ends_sentence(before, after=after)


@pytest.mark.parametrize("before, after", [
    ("大丈夫です", "しかし"), ("そうです", "とても"), ("頑張りました", "がんばって"), ("でした", "外では"),
    ("です", ""), ("ません", "。から")])
def test_a_polite_form_before_the_next_sentences_first_word_still_ends_one(before, after):
    assert JA.ends_sentence(before, after=after)


def test_the_opening_runs_on_past_a_polite_form_and_its_clause_link():
    # QA (ja_CCS09-ST2): opening 「持っていません」 at 0.96 s, 1.6 % of the budget, rated good
    words = _words(["持", "って", "い", "ません", "から", "県", "は", "うち", "に", "入り", "ません", "でした",
                    "外", "で", "大声", "で"])
    op = opening(words, JA, answer_start=0.0, budget_s=60.0)
    assert op.text == "持っていませんから県はうちに入りませんでした"
    assert op.seconds == pytest.approx(words[11].end)


@pytest.mark.model
def test_real_speech_the_opening_does_not_end_at_masen_kara(shared):
    from furikaeri.analysis import analyze_audio

    audio, offset = _cut(shared, "ja_CCS09-ST2")
    a = analyze_audio(audio, language="ja", budget=60)
    assert a.opening is not None, a.transcript
    assert not a.opening.text.endswith("ません"), a.opening
    assert "から" in a.opening.text and a.opening.seconds > 1.9, a.opening


# --------------------------------------------------------------------------- 2. courtesies alone


def test_courtesies_and_the_tail_whisper_heard_of_one_have_no_opening():
    # QA (ja_yoroshiku_only.wav): opening 「おございます」 at 2.88 s, rated good
    words = [Word("よろしく", 1.1, 1.38), Word("お願いします。", 1.38, 2.16), Word("ありがとうございます。", 2.95, 3.38),
             Word("お", 3.38, 3.6), Word("ご", 3.6, 3.7), Word("ざ", 3.7, 3.8), Word("います", 3.8, 3.98)]
    assert opening(words, JA, answer_start=1.1, budget_s=60.0) is None
    en = _words([" Thank", " you.", " You."])
    assert opening(en, EN, answer_start=0.0, budget_s=60.0) is None


def test_a_sentence_after_a_courtesy_is_still_the_opening():
    words = _words(["ありがとうございます。", "私", "の", "強み", "は", "粘り強さ", "です。"])
    op = opening(words, JA, answer_start=0.0, budget_s=60.0)
    assert op.text == "私の強みは粘り強さです。" and op.order == "point_first"
    en = _words(" Thank you for the question. My question is easy.".split(" ")[1:], step=0.3)
    en = [Word(" " + w.text, w.start, w.end) for w in en]
    assert opening(en, EN, answer_start=0.0, budget_s=60.0).text == "My question is easy."


# --------------------------------------------------------------------------- 3. a very noisy room


def _noisy(contrast_db: float, language: str):
    m = SimpleNamespace(speech_detected=True, unconfirmed_fillers=0, answer_s=5.2)
    smap = SimpleNamespace(duration=48.0, intervals=[SimpleNamespace(duration=6.7)], other_voices=False,
                           noise=(), contrast_db=contrast_db)
    return warnings_for(m, language, smap)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_room_too_noisy_to_tell_speech_from_noise_says_the_length_and_pauses_may_be_off(language):
    # QA (en_ALL_023 under noise, 5 dB of contrast): 4 words of ~57, 5.2 s of 41 s, "pauses are still measured well"
    assert _noisy(5.0, language) == [text(language, "warn_very_noisy", db=5.0)]
    assert "pauses are still measured well" not in _noisy(5.0, "en")[0]
    assert "間の測定は保たれます" not in _noisy(5.0, "ja")[0]
    assert _noisy(20.0, language) == [text(language, "warn_noisy", freeze=5, db=20.0)]  # the benchmarked rooms


def test_the_untrusted_contrast_is_where_the_speech_map_stops_trusting_energy():
    from furikaeri.speech import NOISY_CONTRAST_DB, speech_map

    assert UNTRUSTED_CONTRAST_DB == inspect.signature(speech_map).parameters["min_contrast_db"].default
    assert UNTRUSTED_CONTRAST_DB < NOISY_CONTRAST_DB


@pytest.mark.model
def test_real_speech_drowned_in_noise_gets_the_very_noisy_warning(shared, tmp_path):
    """QA's en_ALL_023_M_KOR_ENG_ST2_noise3, made as QA made it: the recording at its own rate,
    3 s of silence either side, a pink-ish noise at -50 dBFS over it all (speech about 5 dB over
    it)."""
    import json

    import soundfile as sf

    from furikaeri.analysis import analyze_file

    path = shared("real-l2", "en_ALL_023_M_KOR_ENG_ST2.flac")
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    x, rate = sf.read(str(path), always_2d=True)
    x = x.mean(1)[int(max(0.0, truth["speech_start"] - 0.5) * rate):int((truth["speech_end"] + 0.5) * rate)]
    y = np.concatenate([np.zeros(3 * rate), x, np.zeros(3 * rate)])
    noise = np.convolve(np.random.default_rng(0).standard_normal(len(y)), np.ones(8) / 8, "same")
    sf.write(str(tmp_path / "noise3.wav"), y + noise * 10 ** (-50 / 20) / noise.std(), rate)
    a = analyze_file(str(tmp_path / "noise3.wav"), language="en")
    said = " ".join(a.warnings)
    assert "may be far off" in said and "pauses are still measured well" not in said, a.warnings


# --------------------------------------------------------------------------- 4. the place a long silence fell


def _p(start, dur, place):
    return Pause(start, start + dur, pause_kind(dur), place)


def _answer(pauses, lang):
    rules = get_rules(lang)
    verdicts = judge(rules.rate_type(), Stats(unit=rules.unit), answer_s=40.0, budget_s=60.0, rules=rules)
    verdicts.pop("rate", None), verdicts.pop("chars_per_min", None)
    return SimpleNamespace(speech_detected=True, over_budget=False, answer_s=40.0, fillers=(), pauses=pauses,
                           latency_s=1.0, stats=Stats(unit=rules.unit, longest_pause_s=max(p.duration for p in pauses)),
                           rate=None, verdicts=verdicts, opening=None, hedges=())


@pytest.mark.parametrize("language", ["en", "ja"])
def test_a_long_silence_at_a_comma_is_called_one(language):
    # QA (ja_IID15-ST1): pause 58.97-62.44 place 'clause', tip 「文の切れ目で3.5秒の沈黙がありました」
    [tip] = tips_for(_answer((_p(58.97, 3.47, "clause"), _p(65.07, 2.32, "sentence")), language), language, 60.0)
    assert tip == text(language, "tip_long_silence_clause", longest=3.47)
    assert "文の切れ目" not in tip and "between sentences" not in tip
    assert ("読点" if language == "ja" else "at a comma") in tip


@pytest.mark.parametrize("language", ["en", "ja"])
def test_several_long_silences_are_named_by_where_they_fell(language):
    commas = (_p(5.0, 3.4, "clause"), _p(20.0, 3.2, "clause"))
    [tip] = tips_for(_answer(commas, language), language, 60.0)
    assert tip == text(language, "tip_long_silences_clause", n=2, longest=3.4, very_long=3.0)
    both = (_p(5.0, 3.4, "clause"), _p(20.0, 3.2, "sentence"))
    [tip] = tips_for(_answer(both, language), language, 60.0)
    assert tip == text(language, "tip_long_silences_places", n=2, longest=3.4, very_long=3.0)
    sentences = (_p(5.0, 3.4, "sentence"), _p(20.0, 3.2, "sentence"))
    [tip] = tips_for(_answer(sentences, language), language, 60.0)
    assert tip == text(language, "tip_long_silences", n=2, longest=3.4, very_long=3.0)


def test_the_focus_on_pauses_knows_the_comma_tips_for_its_own():
    from furikaeri.advice import focus_first

    tip = text("ja", "tip_long_silence_clause", longest=3.5)
    assert focus_first(["x", tip], "longest_pause_s", "ja")[0] == tip


@pytest.mark.model
def test_real_speech_no_freeze_is_told_where_the_labels_have_none(shared):
    """The real answer's longest silences are 2.06 s (hand-timed); this test once expected a
    "very long" one at a comma: the 3.5-s pause the speech map made of a labelled 1.46-s pause
    by losing the soft えっと before it (QA s38 F #1, mended in s39: the map now reads 2.06 s,
    the hummed ん after it still missed). Where a long silence is told, its place is named as the
    pauses line gives it (the wording: tests above)."""
    from furikaeri.analysis import analyze_audio

    audio, _ = _cut(shared, "ja_IID15-ST1")
    a = analyze_audio(audio, language="ja", budget=60)
    top = max(a.pauses, key=lambda p: p.duration)
    assert top.kind == "long" and top.duration < 2.5, a.pauses
    said = "".join(a.tips)
    assert "秒の沈黙がありました" not in said, a.tips


# --------------------------------------------------------------------------- 5. a third person's wish told


@pytest.mark.parametrize("sentence", [
    "ケンは走り込まって、2回の窓から、自分の家に入りたいと思っていますけど、",
    "彼女は留学しようと思っています。", "彼らは早く帰りたいと思っていました。彼は帰ろうと思っています。"])
def test_a_third_persons_wish_told_in_a_story_is_no_hedge(sentence):
    assert not [m for m in JA.find_hedges(sentence) if "思" in m.text]


@pytest.mark.parametrize("sentence", [
    "私は御社で働きたいと思っています。", "御社で働きたいと思っています。", "彼はいい人だと思っています。",
    "ケンは、私が入りたいと思っています。", "ケンが来る前に、私は帰ろうと思っています。", "彼は来ると思います。"])
def test_the_speakers_own_thought_stays_a_hedge(sentence):
    assert [m for m in JA.find_hedges(sentence) if "思" in m.text]


@pytest.mark.model
def test_real_speech_kens_wish_is_not_the_speakers_hedge(shared):
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(shared("real-l2", "ja_CCH16-ST2.flac")), language="ja")
    assert "ケンは" in a.transcript or "ケンが" in a.transcript, a.transcript  # else Whisper heard no name
    told = a.transcript.find("入りたいと思っています")
    assert told > 0, a.transcript
    assert not [h for h in a.hedges if h.text == "と思っています"], a.hedges
