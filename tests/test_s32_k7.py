"""QA s32 (qa-h), helper k7: two measurement defects on real Japanese answers.

1. One filler counted twice: the main pass wrote えー + と、 over a えと, the second listen heard
   the same stretch as 「えっと、後を」 and added えっと over it, stretched into the next word あと.
   A filler heard again where the main pass's text opens with a filler is that filler; a filler
   heard again never reaches into the next word the main pass kept.
2. A Whisper decoder loop counted as repetitions: 聴いて written eight times over three 聞いて, を
   and 起きて, some copies with stamps of 0.03 s or inside the previous word's. A copy that holds
   no time of its own is not a word; a real restart takes time to say and stays.
"""

from __future__ import annotations

import json

import pytest

from furikaeri.lang import get_rules
from furikaeri.relisten import Heard, second_listen
from furikaeri.speech import Interval
from furikaeri.transcribe import Word, without_loop_copies

JA, EN = get_rules("ja"), get_rules("en")


def _trimmed(shared, name: str):
    """A real-l2 answer cut to its labelled span with 0.5 s either side (as QA cut it), and the
    offset of the cut in the original."""
    from furikaeri.audio import Audio, load_audio

    path = shared("real-l2", name + ".flac")
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    audio = load_audio(str(path))
    a = max(0.0, truth["speech_start"] - 0.5)
    b = min(audio.duration, truth["speech_end"] + 0.5)
    return Audio(audio.samples[int(a * audio.rate):int(b * audio.rate)], audio.rate, name), a


# -- 1. one filler, counted once ------------------------------------------------------------


def _kkd27_island(monkeypatch, heard: str):
    import furikaeri.relisten as relisten

    monkeypatch.setattr(relisten, "hear", lambda samples, model_path, spans, **kw: [Heard(heard, -0.62)] * len(spans))
    ivs = [Interval(37.09, 37.74), Interval(38.32, 39.28)]
    return ivs


def test_a_filler_heard_again_where_the_main_pass_wrote_one_is_not_added(monkeypatch):
    # The main pass's stamps of the real take (KKD27 ST1 cut, 38.3 s): えー (0.007) + と、 + あと、;
    # heard alone, the island is 「えっと、後を。」. Before: えっと (relisten) 38.32-38.896 and えーと
    # (transcript) 38.34-38.68, one えと counted twice.
    from furikaeri.fillers import transcript_fillers

    ivs = _kkd27_island(monkeypatch, "えっと、後を。")
    words = [Word("です。", 37.22, 37.62, 0.93), Word("えー", 38.34, 38.46, 0.007), Word("と、", 38.46, 38.68, 0.536),
             Word("あと、", 38.72, 38.96, 0.901)]
    out, _ = second_listen(None, "", words, ivs, rules=JA)
    assert [w.source for w in out].count("relisten") == 0
    assert [f.text for f in transcript_fillers(out, JA)[1]] == ["えーと"]


def test_a_filler_heard_again_before_words_ends_where_the_next_kept_word_starts(monkeypatch):
    # Where the main pass wrote no filler, the one heard again is added; its share of the stretch
    # by characters (0.58 s here) would reach into あと (unsure, so the island is heard again),
    # stamped from 38.72 s: it ends there.
    ivs = _kkd27_island(monkeypatch, "えっと、あと。")
    words = [Word("です。", 37.22, 37.62, 0.93), Word("あと、", 38.72, 38.96, 0.4)]
    out, _ = second_listen(None, "", words, ivs, rules=JA)
    (f,) = [w for w in out if w.source == "relisten"]
    assert f.text.startswith("えっと") and f.start == pytest.approx(38.32) and f.end == pytest.approx(38.72)


def test_a_hesitation_sound_the_main_pass_wrote_as_another_word_still_counts(monkeypatch):
    # IID15 ST2 57.3 s: the main pass wrote 「えっ、どろぼ」 (surprise, no filler in the transcript's
    # rules), and heard alone the stretch is 「え?」, the labelled え. Its token 「え」 alone reads
    # as a filler, but not in its words: the filler heard again is added.
    import furikaeri.relisten as relisten

    monkeypatch.setattr(relisten, "hear", lambda samples, model_path, spans, **kw: [Heard("え?", -0.35)] * len(spans))
    ivs = [Interval(56.0, 56.6), Interval(57.27, 57.65), Interval(57.81, 58.45)]
    words = [Word("は", 56.17, 56.6, 0.9), Word(" え", 57.27, 57.37, 0.723), Word("っ、", 57.37, 57.51, 0.464),
             Word("ど", 57.81, 57.85, 0.449), Word("ろ", 57.85, 57.97, 0.895), Word("ぼ", 57.97, 58.09, 0.671)]
    out, _ = second_listen(None, "", words, ivs, rules=JA)
    assert [w.start for w in out if w.source == "relisten"] == [57.27]


@pytest.mark.model
@pytest.mark.parametrize("silence_s", [0.0, 3.0])
def test_the_real_eto_is_counted_once(shared, silence_s):
    # The QA clips: KKD27 ST1 cut to its span, and with 3 s of silence either side. The labels:
    # one えと at 38.30 s of the cut.
    import numpy as np

    from furikaeri.analysis import analyze_audio
    from furikaeri.audio import Audio

    audio, _ = _trimmed(shared, "ja_KKD27-ST1")
    pad = np.zeros(int(silence_s * audio.rate), dtype=np.float32)
    audio = Audio(np.concatenate([pad, audio.samples, pad]).astype(np.float32), audio.rate, audio.source)
    a = analyze_audio(audio, language="ja")
    near = [f for f in a.fillers if silence_s + 37.8 <= f.start <= silence_s + 39.0]
    assert len(near) == 1, near
    nxt = [w for w in a.words if w.text.startswith("あと") and silence_s + 38.6 <= w.start <= silence_s + 39.0]
    assert not nxt or near[0].end <= nxt[0].start + 1e-6
    fillers = sorted(a.fillers, key=lambda f: f.start)
    assert all(x.end <= y.start + 1e-6 for x, y in zip(fillers, fillers[1:])), fillers


# -- 2. a decoder loop is not repetitions ---------------------------------------------------


def _ccs09_words():
    """The words of CCS09 ST2 (cut) from 62 s, as snapped to its speech: 聴いて eight times where
    the speaker said 聞いて three times, を, 起きて and そ."""
    return [
        Word("車", 62.8, 63.0, 0.887), Word("の", 63.0, 63.22, 0.995), Word("音", 63.22, 63.42, 0.82),
        Word("を", 63.42, 63.82, 0.985),
        Word("聴", 63.82, 64.02, 0.571), Word("いて、", 64.02, 64.26, 0.993),
        Word("聴", 64.66, 64.7, 0.935), Word("いて、", 64.7, 64.9, 0.994),
        Word("聴", 65.48, 65.48, 0.648), Word("いて、", 65.48, 65.51, 0.987),  # 0.03 s for three morae
        Word("聴", 65.73, 65.74, 0.665), Word("いて、", 65.74, 65.9, 0.924),
        Word("聴", 66.08, 66.2, 0.803), Word("いて、", 66.2, 66.23, 0.826),
        Word("聴", 66.2, 66.23, 0.912), Word("いて、", 66.39, 66.44, 0.9),  # inside the previous いて
        Word("聴", 66.6, 66.65, 0.589), Word("いて、", 66.6, 66.65, 0.926),  # 0.05 s
        Word("聴", 67.32, 67.49, 0.501), Word("いて、", 67.32, 67.37, 0.938), Word("その、", 67.32, 67.36, 0.82),
        Word("また、", 67.8, 67.94, 0.267), Word("開", 68.22, 68.36, 0.767), Word("けて", 68.36, 68.54, 0.989),
        Word("み", 68.54, 68.72, 0.91), Word("る", 68.72, 68.84, 0.999),
    ]


def test_copies_with_no_time_of_their_own_are_not_words():
    words = _ccs09_words()
    out = without_loop_copies(words, JA)
    starts = [w.start for w in out if w.text == "聴"]
    assert starts == [63.82, 64.66, 65.73, 66.08, 67.32]
    assert [w for w in words if w not in out] == words[8:10] + words[14:18]


def test_real_restarts_take_time_and_stay():
    # "the, the" and それがそれが said at the speaker's pace, stamps of their own: no copy goes,
    # however many; nor a run of one filler (their count is the bursts' business).
    en = [Word(" I", 0.0, 0.2, 0.9), Word(" think", 0.2, 0.5, 0.9), Word(" the,", 0.6, 0.75, 0.9),
          Word(" the,", 0.9, 1.02, 0.9), Word(" the", 1.2, 1.3, 0.9), Word(" answer", 1.3, 1.8, 0.9),
          Word(" uh,", 2.0, 2.3, 0.5), Word(" uh,", 2.3, 2.3, 0.5), Word(" is", 2.5, 2.7, 0.9)]
    assert without_loop_copies(en, EN) == en
    ja = [Word("それ", 0.0, 0.2, 0.9), Word("が", 0.2, 0.3, 0.9), Word("それ", 0.35, 0.5, 0.9),
          Word("が", 0.5, 0.6, 0.9), Word("大事", 0.7, 1.1, 0.9), Word("です。", 1.1, 1.5, 0.9)]
    assert without_loop_copies(ja, JA) == ja


def test_a_copy_stamped_short_is_a_loop_only_against_the_speakers_pace():
    # The same 0.05-s copy is a loop for a speaker who takes 0.1 s a mora ...
    fast = [Word("聴", 0.0, 0.1, 0.9), Word("いて、", 0.1, 0.3, 0.9), Word("聴", 0.5, 0.52, 0.9),
            Word("いて、", 0.52, 0.55, 0.9), Word("それ", 0.7, 0.9, 0.9), Word("で", 0.9, 1.0, 0.9)]
    assert [w.start for w in without_loop_copies(fast, JA)] == [0.0, 0.1, 0.7, 0.9]
    # ... and a word that is not a copy of the one before it is never dropped, whatever its stamp
    other = [Word("聴", 0.0, 0.1, 0.9), Word("いて、", 0.1, 0.3, 0.9), Word("見", 0.5, 0.52, 0.9),
             Word("て、", 0.52, 0.55, 0.9), Word("それ", 0.7, 0.9, 0.9)]
    assert without_loop_copies(other, JA) == other


@pytest.mark.model
def test_a_real_decoder_loop_is_not_counted_as_repetitions(shared):
    # CCS09 ST2 cut: the labels have 聞いて three times (63.87, 64.61, 65.65 s of the cut) then を
    # and 起きて; Whisper wrote 聴いて eight times and the report counted six repetitions of it.
    from furikaeri.analysis import analyze_audio

    audio, _ = _trimmed(shared, "ja_CCS09-ST2")
    a = analyze_audio(audio, language="ja")
    kiite = [w for w in a.words if w.text == "聴" and 63.5 <= w.start <= 67.6]
    reps = [r for r in a.repetitions if 63.5 <= r.start <= 67.6]
    assert len(kiite) <= 5 and len(reps) <= 4, (kiite, reps)
    assert len(reps) >= 2  # the speaker's own 聞いて, 聞いて stays a repetition
