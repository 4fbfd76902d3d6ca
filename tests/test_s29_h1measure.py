"""Measurement fixes: a filler never reaches over a word stamped at its own moment (a second
listen's filler beside the main pass's next word), Whisper's kana tokens of one word are no
pile of words, the shortest answer with a rate is judged as its length is shown, and a take
recorded at 11.025 kHz is heard as narrow as one recorded at 8 kHz."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from furikaeri.audio import Audio, load_audio, resample
from furikaeri.fillers import cover_sound, transcript_fillers
from furikaeri.lang import get_rules
from furikaeri.measure import language_words, measure, rates, untimed
from furikaeri.speech import Interval, find_speech, narrowband
from furikaeri.transcribe import Word

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

EN = get_rules("en")
JA = get_rules("ja")


# ja_KKD27-ST1.flac, 49.9-53.7 s as heard: the second listen heard 「え、」 over the stretch the
# main pass wrote 「あと、」 on, both stamped from 51.08 (truth: えと 51.07-51.50, あと 51.50-51.97)
KKD27 = [Word("です。", 49.99, 50.33, 0.93), Word("え、", 51.08, 51.727, 0.43, source="relisten"),
         Word("あと、", 51.08, 51.69, 0.54), Word("その", 52.54, 52.71, 0.36), Word("検", 52.71, 53.25, 0.84),
         Word("算", 53.25, 53.47, 0.54), Word("が", 53.47, 53.73, 0.97)]
KKD27_SPEECH = [Interval(49.86, 50.52), Interval(51.08, 52.05), Interval(52.54, 53.96)]
KKD27_BURSTS = [Interval(49.86, 50.4), Interval(50.4, 50.52), Interval(51.08, 51.33), Interval(51.33, 51.64),
                Interval(51.64, 52.05), Interval(52.54, 53.04), Interval(53.04, 53.37), Interval(53.37, 53.96)]


def test_a_filler_heard_again_does_not_reach_over_the_main_pass_word_at_its_moment():
    m = measure(KKD27, KKD27_SPEECH, duration=54.0, rules=JA, budget_s=120, bursts=KKD27_BURSTS)
    (f,) = m.fillers
    assert (f.text, f.start, f.end) == ("え", 51.08, 51.727)  # not on to 52.05, over あと
    (p,) = [p for p in m.pauses if p.start == 52.05]
    assert p.place == "clause"  # after 「あと、」, not after the filler


def test_any_word_that_is_not_the_fillers_own_bounds_it():
    # the same in English: "uh" heard again over 2.0-2.6, "so" written by the main pass from 2.0
    words = [Word(" uh,", 2.0, 2.6, 0.4, source="relisten"), Word(" so", 2.0, 2.5, 0.6),
             Word(" I", 3.2, 3.4, 0.9)]
    speech, bursts = [Interval(2.0, 2.95), Interval(3.2, 3.5)], [Interval(2.0, 2.4), Interval(2.4, 2.95),
                                                                Interval(3.2, 3.5)]
    _, found, chars = transcript_fillers(words, EN, speech)
    uh = [(f, c) for f, c in zip(found, chars) if f.text == "uh"]
    (g,) = cover_sound([f for f, _ in uh], [c for _, c in uh], words, speech, bursts)
    assert g.end == 2.6


def test_a_filler_written_in_several_tokens_still_reaches_its_sound():
    # えっと written as え + っと、: both are the filler's own, so it reaches the end of its burst
    words = [Word("はい。", 10.0, 10.4, 0.9), Word("え", 11.73, 11.8, 0.3), Word("っと、", 11.8, 11.9, 0.3),
             Word("大学", 13.29, 13.7, 0.9)]
    speech = [Interval(10.0, 10.5), Interval(11.73, 12.33), Interval(13.29, 13.8)]
    _, found, chars = transcript_fillers(words, JA, speech)
    (f,) = cover_sound(found, chars, words, speech)
    assert (f.start, f.end) == (11.73, 12.33)


def _steady_ja(t0: float, t1: float):
    """Japanese said at a steady pace, a word (3 morae) every 0.5 s."""
    names = ("さくら", "みどり", "からす", "たまご")
    n = int((t1 - t0) / 0.5)
    return [Word(names[i % len(names)], round(t0 + 0.5 * i, 3), round(t0 + 0.5 * i + 0.4, 3)) for i in range(n)]


# ja_KKD27-ST1.flac: びっくり written び, っ, く, り, stamped 0.08 s together
BIKKURI = [Word("び", 20.71, 20.97), Word("っ", 20.97, 20.97), Word("く", 20.97, 21.01), Word("り", 21.01, 21.05),
           Word("する", 21.05, 21.29)]


def test_the_kana_of_one_word_are_no_pile():
    words = _steady_ja(0.0, 20.5) + BIKKURI + _steady_ja(21.5, 40.0)
    units = [JA.spoken_units(w.text) for w in words]
    assert untimed(words, units, (0.0, 40.0), language_words(words, JA)) == []
    m = measure(words, [Interval(0.0, 40.0)], duration=40.0, rules=JA, budget_s=120)
    starts = [t for t, _ in m.pace.windows]
    assert starts == [float(t) for t in range(31)]  # every window judged: none left out round 21 s


def test_words_of_the_language_piled_at_one_instant_still_judge_no_pace():
    # ja_KKR24-ST2.flac: 「ネタ振りを」 (ネタ, 振り, を: three words) stamped at 27.04, said over 26.22-27.28
    piled = [Word("ネ", 27.04, 27.09), Word("タ", 27.04, 27.04), Word("振", 27.04, 27.04), Word("り", 27.04, 27.04),
             Word("を", 27.04, 27.08)]
    words = _steady_ja(0.0, 26.2) + piled + _steady_ja(27.3, 45.0)
    units = [JA.spoken_units(w.text) for w in words]
    assert untimed(words, units, (0.0, 45.0), language_words(words, JA)) == [(25.9, 27.3)]
    m = measure(words, [Interval(0.0, 45.0)], duration=45.0, rules=JA, budget_s=120)
    assert all(t + 10.0 <= 25.9 or t >= 27.3 for t, _ in m.pace.windows)


def test_one_token_of_several_words_is_no_pile():
    # 「りました。」 is one token (り, まし, た): alone it is no pile of words
    words = [Word("作", 9.39, 9.54), Word("りました。", 9.62, 10.09), Word("はい", 11.0, 11.3)]
    units = [JA.spoken_units(w.text) for w in words]
    assert untimed(words, units, (9.39, 11.3), language_words(words, JA)) == []


@pytest.mark.parametrize("answer_s, has_rate", [(1.99, True), (1.96, True), (1.94, False), (2.0, True)])
def test_the_shortest_answer_with_a_rate_is_judged_as_shown(answer_s, has_rate):
    # 1.99 s is shown as "2.0 s": an answer of 2 s and more has a rate
    rate = rates("one two three four", answer_s, answer_s, EN)
    assert (rate.wpm is not None) == has_rate
    ja = rates("さくらみどりからす", answer_s, answer_s, JA)
    assert (ja.morae_per_s is not None) == has_rate


def _through(samples, rate: int):
    """``samples`` (16 kHz) as a recorder at ``rate`` took them, resampled back to 16 kHz."""
    return resample(resample(samples, 16000, rate), rate, 16000)[: len(samples)]


def test_narrowband_tells_a_take_recorded_at_11khz(shared):
    rng = np.random.default_rng(2)
    noise = (0.1 * rng.standard_normal(16000 * 5)).astype(np.float32)
    assert not narrowband(noise, 16000)
    assert narrowband(_through(noise, 11025), 16000)  # nothing above 5.5 kHz
    assert narrowband(_through(noise, 8000), 16000)
    jfk = load_audio(shared("en", "jfk.flac"))  # an old recording, band-limited, at its own rate
    assert not narrowband(jfk.samples, jfk.rate)
    assert not narrowband(jfk.samples[: int(1.5 * jfk.rate)], jfk.rate)  # a part of it no more than the whole


def test_a_take_recorded_at_11khz_keeps_the_tail_of_its_filler():
    # en_weakness_over_budget.flac: "Uh" held 1.5-2.13, then 0.9 s of silence. At 11.025 kHz
    # Silero was less sure of the tail: the filler ended 2.07 and the pause read 1.0 s, long
    a = load_audio(SAMPLES / "en_weakness_over_budget.flac")
    wide = find_speech(a).intervals
    narrow = find_speech(Audio(_through(a.samples, 11025))).intervals
    assert narrow[0].end == pytest.approx(wide[0].end, abs=0.02)
    assert narrow[1].start - narrow[0].end < 0.95  # shown as 0.9 s: a short pause
