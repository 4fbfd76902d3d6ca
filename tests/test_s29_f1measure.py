"""Measurement fixes: fillers cover their sound, stamps of no length stay put, words piled at one
instant judge no pace, one rounding for the time over budget and the longest pause, a narrow
(8-kHz) take keeps its first word, and no rate for a word or two."""

from __future__ import annotations

import numpy as np
import pytest

from furikaeri.audio import Audio, load_audio, resample
from furikaeri.fillers import cover_sound, transcript_fillers
from furikaeri.lang import get_rules
from furikaeri.measure import Pause, measure, over_as_shown, snap_words
from furikaeri.speech import Interval, find_speech, narrowband
from furikaeri.transcribe import Word

EN = get_rules("en")
JA = get_rules("ja")


def words_from(spec):
    return [Word(t, s, e, p) for t, s, e, p in spec]


# en_weakness_over_budget.flac as heard: Whisper's stamps and the speech in the audio (truth:
# uh 1.5-2.13, um 4.37-4.985, each followed by a pause that is a hesitation)
WEAKNESS = words_from([
    (" Uh.", 1.5, 1.8, 0.3), (" My", 3.03, 3.24, 0.9), (" weakness,", 3.24, 3.74, 0.9), (" um,", 4.38, 4.78, 0.4),
    (" is", 5.28, 5.44, 0.9), (" probably", 5.44, 6.14, 0.9), (" public", 6.14, 6.76, 0.9),
    (" speaking.", 6.76, 7.32, 0.9),
])
WEAKNESS_SPEECH = [Interval(1.5, 2.14), Interval(3.03, 3.98), Interval(4.37, 5.0), Interval(5.28, 7.6)]


def test_a_filler_covers_its_sound_and_the_pause_after_it_is_a_hesitation():
    m = measure(WEAKNESS, WEAKNESS_SPEECH, duration=8.0, rules=EN, budget_s=60)
    assert [(f.text, f.start, f.end) for f in m.fillers] == [("Uh", 1.5, 2.14), ("um", 4.37, 5.0)]
    places = {(p.start, p.end): p.place for p in m.pauses}
    assert places[(2.14, 3.03)] == "mid"  # "Uh." ends no sentence: the silence is the hesitation's
    assert places[(5.0, 5.28)] == "mid"  # nor does "um," end a clause
    assert places[(3.98, 4.37)] == "clause"  # the comma after "weakness" still is one


def test_punctuation_takes_no_time_in_a_fillers_stamp():
    # " um," is all "um": scaled by characters, the comma took a third of its time (4.38-4.647)
    _, found, _ = transcript_fillers(words_from([(" Yes", 3.0, 3.2, 0.9), (" um,", 4.38, 4.78, 0.4)]), EN)
    assert [(f.text, f.start, f.end) for f in found] == [("um", 4.38, 4.78)]
    _, found, _ = transcript_fillers(words_from([("大学", 7.0, 7.9, 0.9), ("えー、", 8.64, 8.91, 0.3)]), JA)
    assert [(f.start, f.end) for f in found] == [(8.64, 8.91)]


def test_a_filler_reaches_its_burst_but_never_over_the_next_word():
    # en_023: "uh" stamped 13.04-13.10 (0.04 s as scaled), said 12.98-13.28 straight into "elephant"
    words = words_from([(" cat,", 11.64, 12.16, 0.99), (" uh,", 13.04, 13.1, 0.01), (" elephant,", 13.36, 13.66, 0.99)])
    speech = [Interval(11.6, 12.2), Interval(12.98, 14.09)]
    bursts = [Interval(11.6, 12.2), Interval(12.98, 13.64), Interval(13.64, 14.09)]
    _, found, chars = transcript_fillers(words, EN, speech)
    (f,) = cover_sound(found, chars, words, speech, bursts)
    assert (f.start, f.end) == (12.98, 13.36)  # from the burst's start to the next word, not the burst's end


def test_a_filler_overlapped_by_the_next_word_does_not_reach_into_it():
    words = words_from([(" um,", 2.0, 2.4, 0.4), (" so", 2.3, 2.9, 0.9)])
    _, found, chars = transcript_fillers(words, EN)
    g = next(f for f in cover_sound(found, chars, words, [Interval(2.0, 3.0)]) if f.text == "um")
    assert (g.start, g.end) == (2.0, 2.4)  # "so" is stamped from 2.3 in the same sound: not the filler's


# english_then_french.mp3: Whisper stamped "copy" 54.415-54.415 inside the island 53.87-59.72


def test_a_stamp_of_no_length_on_an_island_stays_where_it_was_said():
    raw = words_from([(" or", 53.255, 53.975, 0.5), (" to", 53.975, 54.415, 0.4), (" copy", 54.415, 54.415, 0.1),
                      (" the", 54.415, 54.735, 0.9), (" software,", 54.735, 55.135, 0.9), (" and", 55.435, 56.155, 0.5),
                      (" companies.", 58.655, 59.375, 0.3)])
    out = snap_words(raw, [Interval(52.36, 53.76), Interval(53.87, 59.72)])
    assert [(w.text, w.start, w.end) for w in out[2:]] == [
        (" copy", 54.415, 54.415), (" the", 54.415, 54.735), (" software,", 54.735, 55.135),
        (" and", 55.435, 56.155), (" companies.", 58.655, 59.375)]


def _steady(t0: float, t1: float, per_s: float = 2.33):
    n = int((t1 - t0) * per_s)
    step = (t1 - t0) / n
    names = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf")
    return [Word(f" {names[i % len(names)]}", round(t0 + i * step, 3), round(t0 + i * step + step * 0.8, 3))
            for i in range(n)]


def test_words_piled_at_one_instant_judge_no_pace():
    # 40 s at 140 wpm, then 6 s of speech whose 14 words Whisper stamped at its last instant
    piled = _steady(40.0, 46.0)
    words = _steady(0.0, 40.0) + [Word(w.text, 45.95, 46.0 if i == 0 else 45.95) for i, w in enumerate(piled)]
    m = measure(words, [Interval(0.0, 46.0)], duration=47.0, rules=EN, budget_s=120)
    assert m.pace.windows  # the timed part is judged
    assert not [s for s in m.pace.stretches if s.level == "slow"]
    assert all(t + 10.0 <= 40.0 + 1e-6 for t, _ in m.pace.windows)  # none over the untimed stretch


def test_a_steady_answer_is_still_judged_where_its_pace_is_off():
    # the guard does not hide a true slow stretch: 20 words over the last 20 s
    words = _steady(0.0, 30.0) + _steady(30.0, 50.0, per_s=1.0)
    m = measure(words, [Interval(0.0, 50.0)], duration=50.0, rules=EN, budget_s=120)
    assert [s.level for s in m.pace.stretches] == ["slow"]


@pytest.mark.parametrize("over, shown", [
    (92.53, 93.0),  # rounded to 92.5 first, then half to even: "+92" in the report, 93 elsewhere
    (92.5, 93.0), (2.54, 3.0), (2.46, 2.0), (122.53 - 30, 93.0),
    (0.44, 0.4), (0.45, 0.5), (0.96, 1.0), (0.05, 0.1), (-3.5, -4.0),
])
def test_over_budget_is_rounded_once_half_up(over, shown):
    assert over_as_shown(over) == shown


def test_the_longest_pause_reads_as_the_transcripts_marker():
    # english_then_french.mp3: the pause 29.08-31.03 read "longest 1.9 s" and "[2.0s]"
    words = words_from([(" one", 28.5, 29.0, 0.9), (" two.", 31.1, 31.5, 0.9)])
    m = measure(words, [Interval(28.5, 29.08), Interval(31.03, 31.5)], duration=32.0, rules=EN, budget_s=60)
    (p,) = m.pauses
    assert f"{m.stats.longest_pause_s:.1f}" == f"{p.duration:.1f}"
    assert Pause(29.08, 31.03, "long").duration == 1.95


def test_a_word_or_two_has_no_rate():
    # jfk.flac cut at 0.5 s: "Yeah." 0.32-0.5 read "333 words/min, fast"
    m = measure(words_from([(" Yeah.", 0.32, 0.5, 0.9)]), [Interval(0.32, 0.5)], duration=0.5, rules=EN, budget_s=120)
    assert m.rate.wpm is None and m.rate.articulation_wpm is None
    assert m.verdicts["rate"].level == "n/a"
    three_quick = words_from([(" I", 0.0, 0.3, 0.9), (" did", 0.3, 0.8, 0.9), (" it.", 0.8, 1.5, 0.9)])
    assert measure(three_quick, [Interval(0.0, 1.5)], duration=2.0, rules=EN, budget_s=120).rate.wpm is None
    four = three_quick + words_from([(" Yes.", 2.0, 2.6, 0.9)])
    assert measure(four, [Interval(0.0, 1.5), Interval(2.0, 2.6)], duration=3.0, rules=EN,
                   budget_s=120).rate.wpm == pytest.approx(4 / 2.6 * 60, abs=0.1)


def test_narrowband_tells_a_resampled_8khz_take():
    rng = np.random.default_rng(1)
    noise = (0.1 * rng.standard_normal(16000 * 5)).astype(np.float32)
    assert not narrowband(noise, 16000)
    assert narrowband(resample(resample(noise, 16000, 8000), 8000, 16000), 16000)
    assert not narrowband(np.zeros(16000, np.float32), 16000)  # silence is not narrow


def test_an_8khz_take_keeps_its_first_word(shared):
    a = load_audio(shared("en", "jfk.flac"))
    narrow = resample(resample(a.samples, a.rate, 8000), 8000, a.rate)[: len(a.samples)]
    wide, heard = find_speech(a), find_speech(Audio(narrow))
    assert heard.intervals[0].start == pytest.approx(wide.intervals[0].start, abs=0.03)  # "And" at 0.32
    assert heard.intervals[0].start < 0.4
