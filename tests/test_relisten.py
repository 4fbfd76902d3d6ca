"""The second listen (transcribe.relisten_islands): short islands of speech decoded again alone.

Pure parts (islands, the filler-only test) on hand-made input; the real model on real people:
a dropped "ummm" is recovered, confident words are never replaced, and real speech with no
dropped filler gains none.
"""

from __future__ import annotations

import pytest

from furikaeri.lang import get_rules, only_fillers
from furikaeri.speech import Interval, speech_islands
from furikaeri.transcribe import Word, _relisten_candidates, _too_long, relisten, relisten_islands

EN, JA = get_rules("en"), get_rules("ja")


def test_speech_islands_join_gaps_shorter_than_the_join():
    ivs = [Interval(0.0, 0.3), Interval(0.4, 0.6), Interval(1.0, 1.2), Interval(1.34, 1.5)]
    assert speech_islands(ivs) == [(0.0, 0.6), (1.0, 1.5)]
    assert speech_islands(ivs, join_s=0.12) == [(0.0, 0.6), (1.0, 1.2), (1.34, 1.5)]
    assert speech_islands([]) == []


def test_relisten_candidates_are_short_islands_and_with_pieces_the_edges_of_longer_ones():
    ivs = [Interval(0.0, 0.5),  # an island of its own: 1.0 s of silence after it
           Interval(1.5, 1.9), Interval(2.0, 3.5),  # a filler run into its phrase (0.1 s gap)
           Interval(3.56, 3.8),  # ... and a stop closure (0.06 s) inside the phrase: no piece
           Interval(4.5, 5.0), Interval(5.04, 5.3)]  # joined across 0.04 s: a 0.8-s island
    assert _relisten_candidates(ivs, pieces=False) == [(0.0, 0.5, True), (4.5, 5.3, True)]
    assert _relisten_candidates(ivs) == [(0.0, 0.5, True), (1.5, 1.9, False), (4.5, 5.3, True)]
    # a last piece set off by a short gap before it and silence after it
    tail = [Interval(0.0, 2.0), Interval(2.1, 2.5)]
    assert _relisten_candidates(tail) == [(2.1, 2.5, False)]
    assert _relisten_candidates([]) == []


def test_too_long_to_be_one_misheard_filler():
    en = [Word(" and", 0, 0.1), Word(" the", 0.1, 0.2), Word(" lap", 0.2, 0.3), Word(" top", 0.3, 0.4)]
    assert not _too_long(en, [0, 1, 2], "en") and _too_long(en, [0, 1, 2, 3], "en")
    # Japanese is stamped a character at a time: 「エ」「イ」「ト」「を」 is four "words", four characters
    ja = [Word(c, i / 10, (i + 1) / 10) for i, c in enumerate("エイトを、")]
    assert not _too_long(ja, [0, 1, 2, 3, 4], "ja")
    long_ja = [Word("説明会に参加", 0, 0.5), Word("した", 0.5, 0.7)]
    assert _too_long(long_ja, [0, 1], "ja")


@pytest.mark.parametrize(
    ("rules", "text", "expected"),
    [
        (EN, " Um,", "Um"),
        (EN, " Uh, um.", "Uh"),
        (EN, " Uh... uh...", "Uh"),
        (EN, " Yeah.", None),
        (EN, " So.", None),  # "so" alone is not a filler by the rules
        (EN, " Um, I think.", None),  # a real word with it
        (EN, " ...", None),
        (EN, "", None),
        (JA, "あのー、", "あのー"),
        (JA, "え、え、え。", "え"),
        (JA, "まあ、", "まあ"),
        (JA, "その後、", None),  # a real word
        (JA, "その結果。", None),
        (JA, "はい。", None),
        (JA, "あのね。", None),
    ],
)
def test_only_fillers(rules, text, expected):
    assert only_fillers(rules, text) == expected


# ------------------------------------------------------------------------------ real model
@pytest.fixture(scope="module")
def model_path():
    from furikaeri import models
    from furikaeri.errors import ModelError

    try:
        return models.resolve(None, models.default_models_dir()).path
    except ModelError as e:
        pytest.skip(f"the Whisper model is not installed: {e}")


def _speech(path):
    from furikaeri.audio import load_audio
    from furikaeri.speech import find_speech

    audio = load_audio(path)
    return audio, find_speech(audio).intervals


@pytest.mark.model
def test_relisten_hears_a_real_filler_alone(shared, model_path):
    audio, ivs = _speech(shared("conversation", "umdone_umm.wav"))
    text, logprob = relisten(audio.samples, model_path, ivs[0].start, ivs[-1].end, language="en",
                             prompt=EN.filler_prompt)
    assert only_fillers(EN, text) == "Um", text
    assert logprob > -1.3


@pytest.mark.model
def test_a_dropped_filler_is_recovered(shared, model_path):
    # The main pass wrote nothing over the real "ummm": the second listen writes it.
    audio, ivs = _speech(shared("conversation", "umdone_umm.wav"))
    out, doubtful = relisten_islands(audio.samples, model_path, [], ivs, language="en", prompt=EN.filler_prompt,
                                     filler_only=lambda t: only_fillers(EN, t))
    assert [(w.text.strip(" ,"), w.source) for w in out] == [("Um", "relisten")] and doubtful == []
    assert out[0].start == pytest.approx(ivs[0].start) and out[0].end <= ivs[-1].end + 1e-6


@pytest.mark.model
def test_an_unsure_word_on_a_filler_becomes_the_filler_and_a_sure_one_stays(shared, model_path):
    audio, ivs = _speech(shared("conversation", "umdone_umm.wav"))
    s, e = ivs[0].start, ivs[-1].end
    unsure = [Word(" and", s, e, probability=0.3)]
    out, _ = relisten_islands(audio.samples, model_path, unsure, ivs, language="en",
                              prompt=EN.filler_prompt, filler_only=lambda t: only_fillers(EN, t))
    assert [w.source for w in out] == ["relisten"] and only_fillers(EN, out[0].text) == "Um"
    sure = [Word(" and", s, e, probability=0.9)]
    assert relisten_islands(audio.samples, model_path, sure, ivs, language="en", prompt=EN.filler_prompt,
                            filler_only=lambda t: only_fillers(EN, t)) == (sure, [])


@pytest.mark.model
def test_an_island_heard_surely_as_words_is_settled_and_one_heard_unsurely_stays_in_doubt(shared, model_path):
    # jfk has two short islands between pauses. Under the second ("ask not") we put a word the
    # main pass was unsure of: the second listen hears words ("Not.", avg log-prob -0.6), not a
    # filler, so the words stay and the island is settled. The first island has no word; alone
    # it is heard as "Yes." at -1.1, below the bar for wordless islands: it stays in doubt (the
    # report's "fillers may be under-counted" counts such islands).
    audio, ivs = _speech(shared("en", "jfk.flac"))
    from furikaeri.speech import speech_islands

    first, second = [(s, e) for s, e in speech_islands(ivs) if e - s <= 1.0]
    unsure = [Word(" ask", second[0], second[1], probability=0.3)]
    out, doubtful = relisten_islands(audio.samples, model_path, unsure, ivs, language="en",
                                     prompt=EN.filler_prompt, filler_only=lambda t: only_fillers(EN, t))
    assert out == unsure
    assert second not in doubtful and first in doubtful


@pytest.mark.model
@pytest.mark.parametrize("name", ["en/jfk.flac", "en/apollo11.mp3", "ja/common_voice_ja_38853932_16k.wav",
                                  "conversation/reazon_test_ja_en.wav"])
def test_real_speech_gains_no_invented_filler(shared, name):
    # Real recordings whose every short island is a real word (jfk, the read Japanese sentence),
    # radio chatter (apollo11), or Japanese the English main pass skipped (the code-switching
    # clip: its 「それ」 heard alone with the English filler prompt is "Um, um." at -1.19, below
    # the stricter bar for islands with no word): none may become a filler.
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(shared(*name.split("/"))))
    assert a.stats["fillers_relisten"] == 0, a.fillers
    assert not [w for w in a.words if w.source == "relisten"]


@pytest.mark.model
def test_relisten_with_the_english_only_model(shared):
    from furikaeri import models
    from furikaeri.errors import ModelError

    try:
        info = models.resolve("tiny.en", models.default_models_dir())
    except ModelError as e:
        pytest.skip(f"tiny.en is not installed: {e}")
    audio, ivs = _speech(shared("conversation", "umdone_umm.wav"))
    text, _ = relisten(audio.samples, info.path, ivs[0].start, ivs[-1].end, language="en",
                       prompt=EN.filler_prompt, multilingual=info.multilingual)
    assert only_fillers(EN, text) == "Um", text
