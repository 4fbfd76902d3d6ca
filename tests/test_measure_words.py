"""Counting words as said, digital silence in the pauses, and a voice trailing off ("..."):
the rate counts numbers as they are read out, a noise gate's exact zeros are no noisy room, and
a pause after a trailing ellipsis is a hesitation, not a break between sentences."""

from __future__ import annotations

import numpy as np
import pytest

from conftest import SAMPLES
from furikaeri.lang import get_rules
from furikaeri.lang.en import cardinal_words, said_words, year_words
from furikaeri.measure import measure, trails_off
from furikaeri.speech import ZEROS_DB, Interval, digital_silence, levels
from furikaeri.transcribe import Word

EN, JA = get_rules("en"), get_rules("ja")
RATE = 16000

REVENUE = " In 2023, I grew revenue from $1.2 million to $3.5 million in 18 months, a 190% increase."


# --- numbers as said (English) --------------------------------------------------------------

def test_a_sentence_of_figures_counts_the_words_said_not_the_tokens_written():
    # In | twenty twenty-three | I grew revenue from | one point two | million dollars | to |
    # three point five | million dollars | in | eighteen | months | a | one hundred ninety |
    # percent | increase: 28 words said, 17 written
    assert EN.count_units(REVENUE) == 17
    assert EN.spoken_units(REVENUE) == said_words(REVENUE) == 28


@pytest.mark.parametrize("text, n", [
    (" 2023", 3),  # twenty twenty-three
    (" 1999", 3),  # nineteen ninety-nine
    (" 1905", 3),  # nineteen oh five
    (" 1900", 2),  # nineteen hundred
    (" 2007", 3),  # two thousand seven
    (" 2000", 2),
    (" 2010", 2),  # twenty ten
    (" 18", 1),
    (" 190", 3),  # one hundred ninety (no "and")
    (" 100", 2),  # one hundred
    (" 1,000", 2),
    (" 27,000", 3),  # twenty-seven thousand
    (" 1,500", 4),  # one thousand five hundred: a count, not a year
    (" 2,023 cats", 5),  # a count with a comma is no year
    (" 1.2", 3),  # one point two
    (" 0.5", 3),  # zero point five
    (" 3.14", 4),
    (" $5", 2),  # five dollars
    (" $3.50", 3),  # three dollars fifty
    (" $1.25 million", 6),  # one point two five million dollars
    (" 30%", 2),
    (" 190%", 4),
    (" £20", 2),
    (" 9:30", 2),  # nine thirty
    (" 10:05", 3),  # ten oh five
    (" 9:00", 1),  # nine (o'clock, a.m.: their own words)
    (" at 9.30", 3),  # at nine thirty (British writing of a time)
    (" 9.30 pm", 3),  # nine thirty, and "pm" one word as written
    (" 9.30", 4),  # a bare decimal: nine point three zero
    (" 2.75 pm", 5),  # no time (there is no 75th minute): two point seven five, pm
    (" 21st", 2),  # twenty-first
    (" 3rd", 1),
    (" the 1990s", 3),  # the nineteen nineties
    (" 90's", 1),
    (" 2019-2023", 6),  # twenty nineteen to twenty twenty-three
    (" 3–5 people", 4),  # three to five people
    (" 24/7", 3),  # twenty-four seven
    (" 007", 3),  # digit by digit
    (" twenty-three", 2),  # written out, as the digits count it
    (" one-on-one", 1),  # a hyphenated word stays one
    (" COVID-19", 2),
    (" I don't know.", 3),  # no number: as written
    ("", 0),
    (" ... ?!", 0),
])
def test_numbers_count_the_words_they_are_read_as(text, n):
    assert said_words(text) == n


def test_cardinals_and_years():
    assert [cardinal_words(n) for n in (0, 7, 13, 40, 42, 101, 999, 1000, 1001, 10 ** 6, 1234567)] == \
        [1, 1, 1, 1, 2, 3, 4, 2, 3, 2, 11]
    assert [year_words(n) for n in (1066, 1984, 2001, 2020, 2099)] == [3, 3, 3, 2, 3]


def _words(spec):
    return [Word(t, s, e, 0.99) for t, s, e in spec]


def test_the_rate_counts_numbers_as_said_and_the_transcript_keeps_the_digits():
    words = _words([(" In", 0.5, 0.6), (" 2023,", 0.6, 1.3), (" revenue", 1.3, 1.8), (" grew", 1.8, 2.1),
                    (" 190%.", 2.1, 3.5)])
    speech = [Interval(0.5, 3.5)]
    m = measure(words, speech, duration=4.0, rules=EN, budget_s=60)
    assert m.transcript.strip() == "In 2023, revenue grew 190%."
    said = 1 + 3 + 1 + 1 + 4  # In | twenty twenty-three | revenue | grew | one hundred ninety percent
    assert m.stats.word_count == said
    assert m.rate.wpm == pytest.approx(said / 3.0 * 60, abs=0.1)
    assert m.rate.articulation_wpm == pytest.approx(said / 3.0 * 60, abs=0.1)


def test_pace_over_time_counts_numbers_as_said():
    # 18 s of "In 2021,", "In 2022," ... one a second: 4 words said a second (240 wpm), 2
    # written (120)
    spec = []
    years = [y for y in range(2021, 2040) if y != 2030]  # 2030 "twenty thirty" is two words
    for i, year in enumerate(years):
        spec += [(" In", i + 0.0, i + 0.3), (f" {year},", i + 0.3, i + 0.95)]
    m = measure(_words(spec), [Interval(0.0, 17.95)], duration=18.0, rules=EN, budget_s=60)
    assert m.pace.windows and all(rate == pytest.approx(240.0, abs=25) for _, rate in m.pace.windows)
    assert m.pace.stretches and m.pace.stretches[0].level == "fast"


# --- numbers as said (Japanese) -------------------------------------------------------------

@pytest.mark.parametrize("written, kana", [
    ("2023年", "にせんにじゅうさんねん"),
    ("1.2億円", "いってんにおくえん"),
    ("18ヶ月", "じゅうはっかげつ"),
    ("30%", "さんじゅうぱーせんと"),
    ("３０％", "さんじゅうぱーせんと"),
    ("190%増やしました", "ひゃくきゅうじゅうぱーせんとふやしました"),
])
def test_japanese_numbers_and_signs_count_the_morae_said(written, kana):
    assert JA.count_units(written) == JA.count_units(kana) == JA.spoken_units(written)


# --- a voice trailing off ------------------------------------------------------------------

@pytest.mark.parametrize("text, off", [
    (" the whole department, and...", True),
    (" the whole department, and…", True),
    (' He said "wait..."', True),
    (" I led the team.", False),  # no ellipsis
    (" I led the team....", False),  # a full stop, then the ellipsis
    (" Was it?...", False),
    (" I led the team,", False),
])
def test_an_ellipsis_after_words_that_end_no_sentence_trails_off(text, off):
    assert trails_off(text, EN) is off


@pytest.mark.parametrize("text, off", [
    ("その時に…", True),
    ("「それで…」", True),
    ("頑張りました…", False),  # a polite final form ends the sentence by itself
    ("頑張りました。…", False),
    ("その時に、", False),
])
def test_a_japanese_ellipsis_trails_off_unless_a_final_form_ends_the_sentence(text, off):
    assert trails_off(text, JA) is off


def test_a_freeze_after_a_trailing_ellipsis_is_mid_phrase_not_between_sentences():
    words = _words([(" I", 0.5, 0.6), (" told", 0.6, 0.9), (" the", 0.9, 1.0), (" team,", 1.0, 1.4),
                    (" and...", 1.4, 1.8),  # a 5.5-s freeze
                    (" then", 7.3, 7.6), (" we", 7.6, 7.8), (" won.", 7.8, 8.3),
                    (" It", 9.5, 9.7), (" worked.", 9.7, 10.2)])
    speech = [Interval(0.5, 1.8), Interval(7.3, 8.3), Interval(9.5, 10.2)]
    m = measure(words, speech, duration=11.0, rules=EN, budget_s=60)
    assert [(p.start, p.end, p.place) for p in m.pauses] == [(1.8, 7.3, "mid"), (8.3, 9.5, "sentence")]
    assert (m.stats.sentence_pauses, m.stats.clause_pauses, m.stats.mid_pauses) == (1, 0, 1)
    assert m.stats.mid_long_pauses == 1


def test_a_japanese_ellipsis_after_a_final_form_is_between_sentences():
    words = _words([("その", 0.5, 0.7), ("時", 0.7, 0.9), ("に…", 0.9, 1.2),
                    ("頑張り", 2.5, 2.9), ("ました…", 2.9, 3.4),
                    ("はい", 4.6, 4.9), ("。", 4.9, 4.9)])
    speech = [Interval(0.5, 1.2), Interval(2.5, 3.4), Interval(4.6, 4.9)]
    m = measure(words, speech, duration=5.5, rules=JA, budget_s=60)
    assert [p.place for p in m.pauses] == ["mid", "sentence"]


# --- digital silence: a noise gate is no noisy room -----------------------------------------

def test_digital_silence_and_its_edges():
    db = np.full(30, -40.0, np.float32)
    db[10:15] = ZEROS_DB - 1
    silent = digital_silence(db)
    assert silent[7:18].all() and not silent[:7].any() and not silent[18:].any()
    assert not digital_silence(np.full(5, -120.0, np.float32)).any()  # a take far too quiet is no silence
    assert digital_silence(np.full(2, -140.0, np.float32)).all()


def _speech_and_pauses(pause, *, n_phrases=10, seed=0):
    """Frame levels and Silero probabilities: phrases of 0.8 s at about -20 dBFS, each followed
    by the frames ``pause`` gives (its levels, 0.5 s), Silero sure of no speech there."""
    rng = np.random.default_rng(seed)
    db, vad = [], []
    for _ in range(n_phrases):
        db.append(rng.normal(-20, 4, 80))
        vad.append(np.full(80, 0.9))
        db.append(pause(rng))
        vad.append(np.full(50, 0.05))
    return np.concatenate(db).astype(np.float32), np.concatenate(vad).astype(np.float32)


def test_a_gated_take_is_no_noisy_room_and_no_room_of_other_voices():
    # a gate: exact zeros in the pauses, with their edges (a frame or two of part zeros)
    def gated(rng):
        p = np.full(50, -140.0)
        p[:2], p[-2:] = rng.uniform(-70, -50, 2), rng.uniform(-70, -50, 2)
        return p

    db, vad = _speech_and_pauses(gated)
    lv = levels(db, vad)
    assert lv.floor == ZEROS_DB and lv.contrast > 25
    assert not lv.steady_noise and not lv.other_voices
    # the same take with its room left in (dither at -70 dBFS): a quiet room too
    room = levels(*_speech_and_pauses(lambda rng: rng.normal(-70, 1, 50)))
    assert room.contrast > 40 and not room.steady_noise and not room.other_voices


def test_a_noisy_room_is_still_heard_through_padding_and_through_a_gate_that_lets_it_through():
    noisy = _speech_and_pauses(lambda rng: rng.normal(-38, 1, 50))
    assert levels(*noisy).steady_noise
    # 7 s of zeros padding the take: the room in its pauses is plenty to measure
    padded = (np.concatenate([noisy[0], np.full(700, -140.0, np.float32)]),
              np.concatenate([noisy[1], np.zeros(700, np.float32)]))
    lv = levels(*padded)
    assert lv.floor == pytest.approx(levels(*noisy).floor, abs=0.5) and lv.steady_noise

    # a gate that holds open a moment after each phrase: the room it lets through is measured
    def held_gate(rng):
        return np.concatenate([rng.normal(-38, 1, 8), np.full(42, -140.0)])

    lv = levels(*_speech_and_pauses(held_gate))
    assert lv.floor == pytest.approx(-39, abs=1.5) and lv.contrast < 25 and lv.steady_noise


def _gate(x: np.ndarray, below_dbfs: float) -> np.ndarray:
    """A noise gate: every 20-ms block under ``below_dbfs`` set to exact zeros."""
    y = x.copy()
    n = int(0.02 * RATE)
    for i in range(0, len(y), n):
        block = y[i:i + n]
        if 10 * np.log10(np.mean(np.square(block, dtype=np.float64)) + 1e-20) < below_dbfs:
            y[i:i + n] = 0
    return y


def _pink(n: int, dbfs: float, seed: int = 3) -> np.ndarray:
    spec = np.fft.rfft(np.random.default_rng(seed).standard_normal(n))
    spec /= np.sqrt(np.maximum(np.arange(len(spec)), 1))
    x = np.fft.irfft(spec, n)
    return (x / np.sqrt(np.mean(x ** 2)) * 10 ** (dbfs / 20)).astype(np.float32)


def _room(x):
    from furikaeri.speech import find_speech
    from furikaeri.audio import Audio

    return find_speech(Audio(x, RATE, "test"))


def test_a_sample_answer_through_a_noise_gate_reads_as_the_quiet_room_it_is():
    from furikaeri.audio import load_audio
    from furikaeri.speech import gaps

    x = load_audio(SAMPLES / "en_tell_me_about_yourself.flac").samples
    gated = _gate(x, -45.0)
    assert np.mean(gated == 0) > 0.2
    before, after = _room(x), _room(gated)
    for smap in (before, after):
        assert smap.contrast_db >= 25 and not smap.steady_noise and not smap.other_voices
    span = before.intervals[0].start, before.intervals[-1].end
    pauses = [gaps(s.intervals, *span) for s in (before, after)]
    assert len(pauses[1]) == len(pauses[0])
    assert all(abs(a.start - b.start) < 0.1 and abs(a.end - b.end) < 0.1 for a, b in zip(*pauses))


def test_a_sample_answer_in_a_steady_noise_is_a_noisy_room_padded_or_not():
    from furikaeri.audio import load_audio

    x = load_audio(SAMPLES / "en_tell_me_about_yourself.flac").samples
    noisy = x + _pink(len(x), -38.0)  # about 18 dB under the speech
    pad = np.zeros(RATE, np.float32)
    plain, padded = _room(noisy), _room(np.concatenate([pad, noisy, pad]))
    assert plain.contrast_db < 25 and padded.contrast_db == pytest.approx(plain.contrast_db, abs=0.5)


def test_a_real_answer_through_a_gate_is_no_noisy_room(shared):
    from furikaeri.audio import load_audio

    x = load_audio(shared("real-l2", "en_ALL_046_F_FAR_ENG_ST1.flac")).samples
    # its room is at about -67 dBFS, its speech at -24; gated at -45 dBFS, half its samples are
    # zeros and the rest read "speech only 21 dB above the background" before
    smap = _room(_gate(x, -45.0))
    assert smap.contrast_db >= 25 and not smap.steady_noise and not smap.other_voices


def test_digital_silence_inside_speech_is_no_part_of_the_loudness_range():
    from furikaeri.voice import _loudness_range

    rng = np.random.default_rng(2)
    db = rng.normal(-25, 5, 300).astype(np.float32)
    gated = db.copy()
    gated[::10] = -140.0  # a gate's zeros bridged into the words (a tenth of the frames)
    speech = [Interval(0.0, 3.0)]
    plain = _loudness_range(db, speech, (0.0, 3.0))
    assert _loudness_range(gated, speech, (0.0, 3.0)) == pytest.approx(plain, abs=1.0)


def test_digital_silence_is_no_part_of_the_noise_learnt():
    from furikaeri.denoise import NoiseProfile

    noise = (0.01 * np.random.default_rng(1).standard_normal(RATE)).astype(np.float32)
    plain, gated = NoiseProfile(), NoiseProfile()
    plain.learn(noise)
    gated.learn(np.concatenate([noise[:RATE // 2], np.zeros(RATE, np.float32), noise[RATE // 2:]]))
    mean = [p._power / p._frames for p in (plain, gated)]
    assert np.allclose(mean[0], mean[1], rtol=0.1)
