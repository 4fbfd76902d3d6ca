"""measure.py with hand-made words and speech intervals: definitions hold exactly."""

from __future__ import annotations


from dataclasses import replace

import numpy as np
import pytest

from furikaeri.lang import get_rules
from furikaeri.fillers import Filler, drawn_out_fillers, merge_runs, transcript_fillers
from furikaeri.measure import measure, snap_words
from furikaeri.speech import HeldSound, Interval
from furikaeri.transcribe import Word, _implausible, decoding_windows




def words_from(spec):
    return [Word(t, s, e, p) for t, s, e, p in spec]


EN = words_from([
    (" So,", 1.0, 1.3, 0.9), (" um,", 1.5, 1.9, 0.8), (" I", 2.4, 2.5, 0.99), (" like", 2.5, 2.8, 0.99),
    (" Python.", 2.8, 3.4, 0.99), (" It", 4.6, 4.7, 0.99), (" is", 4.7, 4.9, 0.99), (" fast.", 4.9, 5.5, 0.99),
])
EN_SPEECH = [Interval(1.0, 1.3), Interval(1.5, 1.9), Interval(2.4, 3.4), Interval(4.6, 5.5)]


def test_span_rate_fillers_pauses():
    m = measure(EN, EN_SPEECH, duration=6.0, rules=get_rules("en"), budget_s=120)
    assert m.latency_s == 1.0 and m.answer_s == 4.5
    # Content words: I like Python It is fast = 6 ("So," and "um," are fillers)
    assert m.stats.word_count == 6
    assert m.rate.wpm == pytest.approx(6 / 4.5 * 60, abs=0.1)
    silent = 0.5 + 1.2  # the 0.2 s gap is under the 0.25 s pause floor
    assert m.rate.articulation_wpm == pytest.approx(6 / (4.5 - silent) * 60, abs=0.1)
    assert [f.text for f in m.fillers] == ["So", "um"]
    assert [(p.start, p.end) for p in m.pauses] == [(1.9, 2.4), (3.4, 4.6)]
    assert m.pauses[0].place == "mid"  # after a filler
    assert m.pauses[1].place == "sentence" and m.pauses[1].kind == "long"
    assert m.stats.fillers_per_min == pytest.approx(2 / 4.5 * 60, abs=0.01)
    assert not m.over_budget and m.budget_cut is None


def test_budget_cut_marks_the_word():
    m = measure(EN, EN_SPEECH, duration=6.0, rules=get_rules("en"), budget_s=2.0)
    assert m.over_budget
    assert m.budget_cut.time == 3.0
    assert EN[m.budget_cut.word_index].text == " Python."


def test_no_words_is_no_speech():
    m = measure([], EN_SPEECH, duration=6.0, rules=get_rules("en"), budget_s=60)
    assert not m.speech_detected and m.answer_s == 0 and m.latency_s is None


def test_acoustic_filler_where_whisper_wrote_nothing():
    held = [HeldSound(3.6, 4.2, 110.0)]
    speech = EN_SPEECH[:3] + [Interval(3.6, 4.2), Interval(4.6, 5.5)]
    m = measure(EN, speech, duration=6.0, rules=get_rules("en"), budget_s=120, held=held)
    acoustic = [f for f in m.fillers if f.how_found == "acoustic"]
    assert [(f.start, f.end) for f in acoustic] == [(3.6, 4.2)]
    # A held vowel inside a confident word is a drawl, not a filler.
    m2 = measure(EN, EN_SPEECH, duration=6.0, rules=get_rules("en"), budget_s=120, held=[HeldSound(2.85, 3.35, 110.0)])
    assert all(f.how_found == "transcript" for f in m2.fillers)


def test_misheard_filler_is_reread_and_leaves_the_rate():
    ja = words_from([("私", 0.5, 0.7, 0.99), ("は", 0.7, 0.8, 0.99), ("、", 0.8, 0.8, 0.99),
                     ("エヨ", 1.2, 1.6, 0.3), ("大学", 2.0, 2.4, 0.99), ("です。", 2.4, 2.8, 0.99)])
    speech = [Interval(0.5, 0.8), Interval(1.15, 1.7), Interval(2.0, 2.8)]
    rules = get_rules("ja")
    base = measure(ja, speech, duration=3.0, rules=rules, budget_s=60)
    m = measure(ja, speech, duration=3.0, rules=rules, budget_s=60, held=[HeldSound(1.15, 1.7, 200.0)])
    assert [(f.text, f.how_found) for f in m.fillers] == [("えー", "acoustic")]
    assert m.stats.word_count < base.stats.word_count


def test_held_filler_written_twice_is_one():
    fl = [Filler("Um", 0.0, 0.6), Filler("Um", 0.62, 0.76)]
    assert len(merge_runs(fl, [Interval(0.0, 0.79)])) == 1
    # Two hesitations with silence between them stay two.
    assert len(merge_runs(fl, [Interval(0.0, 0.6), Interval(0.62, 0.79)])) == 2


def test_snap_moves_a_stretched_word_past_a_filled_pause():
    # Whisper stamped "morning" over a silence and an untranscribed "um" island before it.
    w = [Word(" the", 36.97, 37.45), Word(" morning", 37.45, 39.61), Word(" appointment", 39.61, 40.31)]
    speech = [Interval(36.87, 37.52), Interval(38.06, 38.68), Interval(39.19, 40.48)]
    out = snap_words(w, speech)
    assert out[1].start >= 39.19


def test_word_over_pure_silence_is_dropped():
    out = snap_words([Word(" ghost", 10.0, 10.5)], [Interval(0.0, 2.0)])
    assert out == []


def test_decoding_windows_skip_long_silence_only():
    spans = decoding_windows([Interval(1.0, 2.0), Interval(4.0, 5.0), Interval(10.0, 11.0)], 12.0)
    # the 2 s pause stays inside a window, the 5 s silence is never decoded
    assert spans == [(0.8, 5.2), (9.8, 11.2)]


def test_runaway_repeats_are_implausible():
    loop = [Word(" uh,", 0.1 + i * 0.01, 0.11 + i * 0.01) for i in range(40)]
    assert _implausible(loop, [Interval(0.0, 0.6)], "en")
    ok = [Word(f" w{i}", i * 0.3, i * 0.3 + 0.25) for i in range(8)]
    assert not _implausible(ok, [Interval(0.0, 2.5)], "en")


def test_analysis_json_has_plain_types_only():
    import json

    import numpy as np

    from furikaeri.analysis import Analysis

    a = Analysis(file="x.wav", language="en", duration_s=np.float64(3.0), speech_detected=True,
                 latency_s=np.float32(0.5), answer_s=2.0, budget_s=60.0, over_budget=np.bool_(False),
                 transcript="hi", fillers=(Filler("uh", np.float64(1.0), 1.2),))
    d = a.to_dict()
    json.dumps(d)  # raises on NumPy types
    assert d["over_budget"] is False and isinstance(d["fillers"], list)
    assert Analysis.from_dict(json.loads(json.dumps(d))).fillers[0].start == 1.0


def test_prompt_echo_loop_is_caught():
    from furikaeri.transcribe import _looping

    assert _looping(["so", "uh"] * 10)
    assert _looping(["uh"] * 9)
    normal = "and so my fellow americans ask not what your country can do for you ask what you can do".split()
    assert not _looping(normal)
    assert not _looping(["i", "i", "think", "we", "we", "should", "go", "now"])


def test_a_silence_after_a_word_reads_as_a_comma_to_the_filler_rules():
    en = get_rules("en")
    words = [Word(" I", 0.0, 0.2), Word(" was", 0.2, 0.4), Word(" up", 0.4, 0.6), Word(" late,", 0.6, 1.0),
             Word(" so", 1.3, 1.6), Word(" I", 2.1, 2.2), Word(" studied.", 2.2, 2.8)]
    hanging = [Interval(0.0, 1.0), Interval(1.3, 1.6), Interval(2.1, 2.8)]  # 0.5 s of silence after "so"
    text, fillers, spans = transcript_fillers(words, en, hanging)
    assert text == "I was up late, so I studied."  # the text stays as Whisper wrote it
    assert [(f.text, f.start, f.end) for f in fillers] == [("so", 1.3, 1.6)]
    assert [text[s:e] for s, e in spans] == ["so"]
    flowing = [Interval(0.0, 1.0), Interval(1.3, 2.8)]  # "so I studied" in one breath: *therefore*
    assert transcript_fillers(words, en, flowing)[1] == []
    assert transcript_fillers(words, en)[1] == []  # no audio, no prosodic commas


def test_a_filler_word_whisper_could_barely_hear_is_its_guess_not_a_filler():
    # "while, while" slurred: Whisper wrote "Well, while" with "Well" at probability 0.004
    en = get_rules("en")
    words = [Word(" bird.", 34.1, 34.4, 0.9), Word(" Well,", 35.6, 36.1, 0.004), Word(" while", 36.3, 36.7, 0.8),
             Word(" tall", 37.1, 37.4, 0.9)]
    speech = [Interval(34.1, 34.4), Interval(35.6, 36.1), Interval(36.3, 36.7), Interval(37.1, 37.4)]
    assert transcript_fillers(words, en, speech)[1] == []
    sure = [replace(w, probability=0.4) if w.text == " Well," else w for w in words]
    assert [f.text for f in transcript_fillers(sure, en, speech)[1]] == ["Well"]
    # a hesitation is always unlikely to Whisper (its training text leaves them out): counted
    um = [replace(w, text=" Um,") if w.text == " Well," else w for w in words]
    assert [f.text for f in transcript_fillers(um, en, speech)[1]] == ["Um"]
    # the same in Japanese: まあ at 0.03 is a guess, at 0.2 a filler
    ja = get_rules("ja")
    jw = [Word("で、", 21.3, 21.6, 0.9), Word("まあ、", 22.0, 22.2, 0.03), Word("リット", 23.0, 23.4, 0.7)]
    js = [Interval(21.3, 21.6), Interval(22.0, 22.2), Interval(23.0, 23.4)]
    assert transcript_fillers(jw, ja, js)[1] == []
    assert [f.text for f in transcript_fillers([replace(w, probability=0.2) for w in jw], ja, js)[1]] == ["まあ"]


def test_prosodic_commas_keep_japanese_offsets():
    ja = get_rules("ja")
    words = [Word("今日は", 0.0, 0.5), Word("まあ", 0.9, 1.2), Word("晴れです。", 1.8, 2.4)]
    speech = [Interval(0.0, 0.5), Interval(0.9, 1.2), Interval(1.8, 2.4)]
    text, fillers, spans = transcript_fillers(words, ja, speech)
    assert text == "今日はまあ晴れです。"
    assert [text[s:e] for s, e in spans] == [f.text for f in fillers] == ["まあ"]


def test_an_ambiguous_word_alone_and_drawn_out_is_a_filler():
    en = get_rules("en")
    words = [Word(" late,", 0.6, 1.0), Word(" so", 1.3, 1.5), Word(" I", 2.1, 2.2), Word(" studied.", 2.2, 2.6)]
    drawn = [Interval(0.6, 1.0), Interval(1.3, 1.85), Interval(2.1, 2.6)]  # "sooo" 0.55 s, alone
    fillers, spans = drawn_out_fillers(words, drawn, [], en)
    assert [(f.text, f.start, f.end, f.kind) for f in fillers] == [("so", 1.3, 1.85, "discourse")]
    text = "late, so I studied."
    assert [text[s:e] for s, e in spans] == ["so"]
    short = [Interval(0.6, 1.0), Interval(1.3, 1.6), Interval(2.1, 2.6)]  # a stressed "so" alone
    assert drawn_out_fillers(words, short, [], en) == ([], [])
    flowing = [Interval(0.6, 1.0), Interval(1.3, 2.6)]  # "so I studied" in one breath
    assert drawn_out_fillers(words, flowing, [], en) == ([], [])
    other = [Word(" late,", 0.6, 1.0), Word(" yes", 1.3, 1.5), Word(" I", 2.1, 2.2)]
    assert drawn_out_fillers(other, drawn, [], en) == ([], [])  # not an ambiguous filler word
    already = [Filler("so", 1.3, 1.5, "discourse")]
    assert drawn_out_fillers(words, drawn, already, en) == ([], [])


def test_drawn_out_japanese_demonstrative_is_a_filler_and_leaves_the_rate():
    ja = get_rules("ja")
    words = [Word("その", 0.0, 0.3), Word("結果", 1.0, 1.3), Word("、", 1.3, 1.3), Word("勝ちました。", 1.3, 2.0)]
    speech = [Interval(0.0, 0.6), Interval(1.0, 2.0)]  # そのー (0.6 s) [pause] 結果、…
    m = measure(words, speech, duration=2.5, rules=ja, budget_s=60)
    assert [(f.text, f.kind) for f in m.fillers] == [("その", "discourse")]
    assert m.stats.word_count == ja.count_units("結果、勝ちました。")


def _random_take(seed: int, n_ivs: int = 300, n_words: int = 400):
    rng = np.random.default_rng(seed)
    starts = np.cumsum(rng.uniform(0.05, 1.2, n_ivs))
    speech = [Interval(round(s, 3), round(s + d, 3)) for s, d in zip(starts, rng.uniform(0.02, 0.9, n_ivs))]
    speech = [iv for i, iv in enumerate(speech) if i == 0 or iv.start > speech[i - 1].end]
    t = np.sort(rng.uniform(0.0, float(starts[-1]) + 2.0, n_words))
    words = [Word(" word", round(a, 3), round(a + d, 3)) for a, d in zip(t, rng.uniform(0.03, 1.5, n_words))]
    return words, speech


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_snap_words_on_a_long_take_equals_a_scan_of_every_interval(seed, monkeypatch):
    # snap_words starts its search at the first interval that can hold a word; on a long take
    # (hundreds of intervals) it must choose what a scan of every interval chooses
    import furikaeri.measure as m

    words, speech = _random_take(seed)
    fast = snap_words(words, speech)
    monkeypatch.setattr(m.bisect, "bisect_left", lambda *a, **k: 0)  # every search from the first
    assert fast == snap_words(words, speech)
    assert len(fast) > 100


@pytest.mark.parametrize("seed", [1, 2])
def test_pace_windows_count_the_words_whose_middle_is_inside(seed):
    from furikaeri.fillers import Found
    from furikaeri.measure import PACE_STEP_S, PACE_WINDOW_S, pace_over_time

    words, _ = _random_take(seed)
    span = (words[0].start, words[-1].end)
    en = get_rules("en")
    pace = pace_over_time(words, Found("", (), (), ()), span, en)
    assert len(pace.windows) > 100
    for k, (t, rate) in enumerate(pace.windows):
        t0 = span[0] + k * PACE_STEP_S
        n = sum(1 for w in words if t0 <= (w.start + w.end) / 2 < t0 + PACE_WINDOW_S)
        assert t == round(t0, 2)
        assert rate == en.rates(units=n, chars=0, answer_s=PACE_WINDOW_S, speaking_s=PACE_WINDOW_S).get(en.rate_key)
