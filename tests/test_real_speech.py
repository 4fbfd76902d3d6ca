"""Fillers on real people's speech: each way the count went wrong on real recordings, guarded
with a real recording (``../shared/audio``; some put together from real sounds, see
``realclips.py``), the real model and the whole analysis.

- a run of fillers said one after another counts each one;
- words Whisper invents over a string of hesitations give way to the fillers;
- a word said slowly, or its drawn-out last syllable, is not a filler;
- a laugh is not a filler;
- "like" in a comparison is a word;
- a real speaker's short え between phrases is found;
- in a room with a steady noise, pauses stay right, fillers are still found, and the report
  says the count may be low;
- a microphone's DC offset is not taken for a noisy room.
"""

from __future__ import annotations

import numpy as np
import pytest

import realclips

pytestmark = pytest.mark.model


def _in(items, start, end):
    return [x for x in items if start - 0.05 <= (x.start + x.end) / 2 <= end + 0.05]


@pytest.mark.parametrize("gap_s", [0.0, 0.04, 0.1])
def test_a_run_of_fillers_counts_each_one_and_invented_words_give_way(shared, gap_s):
    # One speaker's own "uh", "uh", "eh", one after another (no gap: one burst of sound with dips
    # between the three; 0.1 s: three bursts). Over the run Whisper's main pass writes
    # "Yeah, uh, yeah, uh, uh, yeah" (no gap) or "uh, uh, uh" with two stamped at one instant.
    from furikaeri.analysis import analyze_audio

    audio, (start, end) = realclips.run_of_fillers(shared, gap_s=gap_s)
    a = analyze_audio(audio, language="en")
    assert len(_in(a.fillers, start, end)) == 3, a.fillers
    from furikaeri.lang import get_rules, only_fillers

    words = [w.text for w in _in(a.words, start, end)]
    assert all(only_fillers(get_rules("en"), w) for w in words), words  # no "yeah" left over the run
    assert a.stats.filler_count == 3


def test_a_word_said_slowly_is_not_a_filler(shared):
    # en_ALL_023: "and" said slowly (31.53-31.99 s, labelled a word): a steady held vowel, once
    # counted as an acoustic "(uh)". en_ALL_099 ST2: the drawn-out last syllable of "kangaroo".
    from furikaeri.analysis import analyze_audio

    audio, _ = realclips.real_l2(shared, "en_ALL_023_M_KOR_ENG_ST2")
    a = analyze_audio(audio, language="en")
    assert not _in(a.fillers, 31.45, 32.05), a.fillers
    assert any(w.text.strip().lower() == "and" for w in _in(a.words, 31.45, 32.05))
    audio, _ = realclips.real_l2(shared, "en_ALL_099_M_SHS_ENG_ST2")
    a = analyze_audio(audio, language="en")
    assert not _in(a.fillers, 5.0, 5.8), a.fillers


def test_a_laugh_is_not_a_filler(shared):
    from furikaeri.analysis import analyze_audio

    audio, (start, end) = realclips.laugh_between_phrases(shared)
    a = analyze_audio(audio, language="en")
    assert not _in(a.fillers, start, end), a.fillers
    assert a.stats.filler_count == 0


def test_like_in_a_comparison_is_a_word_even_between_commas(shared):
    # "... are like snakes", said with no pause: Whisper writes "are, like, snakes" (with some
    # CPUs' numerics "are like snakes"; the commas are then put in, the speech left as heard).
    from dataclasses import replace

    from furikaeri.analysis import analyze_audio
    from furikaeri.fillers import transcript_fillers
    from furikaeri.lang import get_rules
    from furikaeri.speech import find_speech

    audio, (at, _) = realclips.comparison_like(shared)
    a = analyze_audio(audio, language="en")
    assert not [f for f in a.fillers if f.text.lower() == "like"], a.fillers
    words = list(a.words)
    i = next(k for k, w in enumerate(words) if w.text.strip(" ,").lower() == "like" and abs(w.start - at) < 0.3)
    for k in (i - 1, i):
        words[k] = replace(words[k], text=words[k].text.rstrip(",") + ",")
    speech = find_speech(audio).intervals
    text, found, _ = transcript_fillers(words, get_rules("en"), speech)
    assert ", like," in text  # the commas are there ...
    assert not [f for f in found if f.text.lower() == "like"], found  # ... the pause is not
    assert [f.text for f in transcript_fillers(words, get_rules("en"))[1]] == ["like"]  # commas alone would say so


@pytest.mark.parametrize("name", ["real-l2/en_ALL_124_M_SHS_ENG_ST2.flac",  # "animals like snakes"
                                  "conversation/reazon_test_en_2.wav"])  # "every step like slide 53"
def test_like_as_a_preposition_is_a_word(shared, name):
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(shared(*name.split("/"))), language="en")
    assert not [f for f in a.fillers if f.text.lower() == "like"], a.fillers


def test_like_set_off_by_pauses_is_a_filler(shared):
    # en_ALL_023: "... everything. [0.6 s] like [0.7 s] big snake": Whisper writes "Like,".
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(shared("real-l2", "en_ALL_023_M_KOR_ENG_ST2.flac")), language="en")
    assert [f.text.lower() for f in _in(a.fillers, 9.0, 9.5)] == ["like"], a.fillers


def test_short_japanese_fillers_between_phrases_are_found(shared):
    # ja_IID15 ST1: a second-language speaker's short, unstretched え and えっと between phrases
    # (0.23-0.36 s each). Whisper's main pass writes almost none of them.
    from furikaeri.analysis import analyze_audio

    audio, truth = realclips.real_l2(shared, "ja_IID15-ST1")
    a = analyze_audio(audio, language="ja")
    found = [f for f in a.fillers if truth["speech_start"] <= f.start <= truth["speech_end"]]
    for t in truth["fillers"]:
        if t["end"] - t["start"] <= 0.36 and t["text"] in ("え", "えっと", "えー"):
            assert any(abs(f.start - t["start"]) <= 0.3 or f.start <= t["start"] <= f.end for f in found), (t, found)
    hits = sum(any(f.start - 0.3 <= t["end"] and t["start"] <= f.end + 0.3 for f in found) for t in truth["fillers"])
    assert hits >= 0.8 * len(truth["fillers"])
    assert len(found) <= len(truth["fillers"]) + 2  # labelled あ (either) and one unlabelled sound at most


def test_in_a_room_with_a_steady_noise_pauses_stay_right_and_fillers_are_still_found(shared):
    # ja_IID15 ST1 with pink noise (a fan, an air conditioner) 20 dB under the speaker. The
    # energy thresholds used to cut the soft sounds under the noise's level, and Whisper heard
    # the noise too: the noise is now left to Silero to tell from speech, and taken out of what
    # Whisper hears (furikaeri.denoise). In a quiet room 14 of 15 are found (1 false); here 9, none false.
    import sys
    from pathlib import Path

    from furikaeri.analysis import analyze_audio

    audio, truth = realclips.real_l2(shared, "ja_IID15-ST1")
    noisy = realclips.in_steady_noise(audio, truth, 20.0)
    a = analyze_audio(noisy, language="ja")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import real

    d = a.to_dict()
    sc = real.score_clip(truth, [f for f in d["fillers"] if f.get("kind") != "repetition"], d["pauses"])
    assert sc["filler_hit"] >= 8 and sc["filler_found"] - sc["filler_hit"] <= 1, sc
    assert sc["pause_truth_hit"] >= 0.95 * sc["pause_truth"], sc["pause_missed"]
    assert sc["pause_found_hit"] >= 0.95 * sc["pause_found"], sc["pause_false"]
    assert any("雑音" in w for w in a.warnings), a.warnings


def test_a_microphone_set_low_still_finds_the_pauses_and_fillers(shared):
    # ja_IID15 ST2 played 25 dB quieter (its loudest 50 ms at -35 dBFS: a microphone set low,
    # or a speaker far from it). Silero's probabilities depend on the absolute level: heard as
    # it is, the quiet copy lost 2 of 33 pauses and 3 of 9 fillers. Silero now hears it raised
    # (furikaeri.speech.GainTrack): at full level 9 fillers are found and all 33 pauses.
    import sys
    from pathlib import Path

    from furikaeri.analysis import analyze_audio
    from furikaeri.audio import Audio

    audio, truth = realclips.real_l2(shared, "ja_IID15-ST2")
    quiet = Audio(audio.samples * np.float32(10 ** (-25 / 20)), audio.rate)
    d = analyze_audio(quiet, language="ja").to_dict()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import real

    sc = real.score_clip(truth, [f for f in d["fillers"] if f.get("kind") != "repetition"], d["pauses"])
    assert sc["filler_hit"] >= 8, sc
    assert sc["pause_truth_hit"] >= sc["pause_truth"] - 1, sc["pause_missed"]
    assert sc["pause_found_hit"] >= sc["pause_found"] - 1, sc["pause_false"]


def test_a_take_recorded_far_too_quiet_is_heard_whole_in_its_quiet_room(shared):
    # en_ALL_108 30 dB quieter as a float file (its loudest 50 ms near -50 dBFS, its room under
    # -100 dBFS). Taking every frame under -90 dBFS for digital silence put the noise floor among
    # the speech: the room read as full of other voices, the first 6 s and 57 of 124 words were
    # lost, and the focus was "pick up the pace". Only exact zeros are digital silence.
    import sys
    from pathlib import Path

    from furikaeri.analysis import analyze_audio
    from furikaeri.audio import Audio

    audio, truth = realclips.real_l2(shared, "en_ALL_108_M_SHS_ENG_ST1")
    quiet = Audio(audio.samples * np.float32(10 ** (-30 / 20)), audio.rate)
    d = analyze_audio(quiet, language="en").to_dict()
    # no noisy room nor other voices: only the level, whose fix is the gain (QA s36 C #5)
    assert len(d["warnings"]) == 1 and d["warnings"][0].startswith("The recording is very quiet"), d["warnings"]
    assert abs(d["latency_s"] - truth["words"][0]["start"]) < 0.3, d["latency_s"]
    assert len(d["words"]) >= 0.95 * len(truth["words"]), len(d["words"])
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import real

    sc = real.score_clip(truth, d["fillers"], d["pauses"])
    assert sc["pause_truth_hit"] == sc["pause_truth"] and sc["pause_found_hit"] == sc["pause_found"], sc


def test_in_a_room_with_other_voices_their_sounds_are_not_counted_as_fillers(shared):
    # ja_CCS09 ST1 in a café: six other real-l2 speakers talking at once, 10 dB under the
    # speaker. Short bursts set off from her words are mostly their voices there; heard alone
    # under the filler prompt, the second listen wrote 8 fillers over them (あのー, え), none of
    # them hers. In a room with other voices it is not done, and the report says why the count
    # is low.
    import sys
    from pathlib import Path

    from furikaeri.analysis import analyze_audio

    name = "ja_CCS09-ST1"
    audio, truth = realclips.real_l2(shared, name)
    a = analyze_audio(realclips.in_babble(audio, truth, 10.0, name), language="ja")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import real

    d = a.to_dict()
    assert not [f for f in d["fillers"] if f.get("how_found") == "relisten"]
    sc = real.score_clip(truth, [f for f in d["fillers"] if f.get("kind") != "repetition"], d["pauses"])
    assert sc["filler_found"] - sc["filler_hit"] <= 1, sc["false"]
    assert any("話し声" in w for w in a.warnings), a.warnings
    # voices this loud against hers (15-19 dB of contrast): the warning says her length, pauses
    # and words may be off, and none of them is rated or coached (QA s35 E #3, V1 #2)
    assert any("大きく入った" in w for w in a.warnings), a.warnings
    assert not d["verdicts"] and not a.tips  # none of the figures the warning calls unsure is rated
    # the same answer in a quiet room is heard again where fillers may hide
    quiet = analyze_audio(audio, language="ja")
    assert not any("話し声" in w for w in quiet.warnings), quiet.warnings
    assert {"rate", "fillers", "hedges", "opening"} <= set(quiet.verdicts) and quiet.tips


@pytest.mark.parametrize("dc", [0.001, 0.005])
def test_a_microphones_dc_offset_is_not_taken_for_a_noisy_room(shared, dc):
    # en_ALL_124 ST1, a quiet recording (its speech about -46 dBFS RMS), with a DC offset as a
    # cheap microphone adds. Measured as power, the offset was the room's floor: at 0.001
    # (-60 dBFS) "The room is noisy (speech only 20 dB above the background)" and a pause
    # where there is none; at 0.005 pauses' edges 0.1 s off. The offset is now taken out as
    # the audio comes (furikaeri.audio.Offset): the file read whole and the take heard in a
    # recorder's 0.1-s blocks both give the clean recording's report.
    import difflib

    from furikaeri.analysis import analyze_audio
    from furikaeri.audio import Audio
    from furikaeri.stream import blocks_of, listen_to

    def letters(a):
        return "".join(c for w in a.words for c in w.text.lower() if c.isalnum())

    audio, truth = realclips.real_l2(shared, "en_ALL_124_M_SHS_ENG_ST1")
    off = Audio(audio.samples + np.float32(dc), audio.rate)
    clean = analyze_audio(audio, language="en")
    for a in (analyze_audio(off, language="en"), listen_to(blocks_of(off.samples), language="en")):
        assert not any("noisy" in w for w in a.warnings), a.warnings
        said = letters(a)  # Whisper's close calls move with any change at all ("blackbird")
        assert difflib.SequenceMatcher(None, said, letters(clean)).ratio() > 0.95, said
        assert [p.start for p in a.pauses] == pytest.approx([p.start for p in clean.pauses], abs=0.03)
        assert [p.end for p in a.pauses] == pytest.approx([p.end for p in clean.pauses], abs=0.03)
