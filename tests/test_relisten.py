"""The second listen (furikaeri.relisten): where the main pass may have dropped a filler, the
sound is decoded again on its own.

Pure parts (where to listen, how a hearing is judged) on hand-made input; the real model on
real people: a dropped "ummm" is recovered, confident words are never replaced, and real speech
with no dropped filler gains none.
"""

from __future__ import annotations

import pytest

from furikaeri.lang import get_rules, leading_fillers, only_fillers
from furikaeri.relisten import Candidate, Heard, find_candidates, hear, judge, second_listen
from furikaeri.speech import Interval, speech_islands
from furikaeri.transcribe import Word

EN, JA = get_rules("en"), get_rules("ja")


def test_speech_islands_join_gaps_shorter_than_the_join():
    ivs = [Interval(0.0, 0.3), Interval(0.4, 0.6), Interval(1.0, 1.2), Interval(1.34, 1.5)]
    assert speech_islands(ivs) == [(0.0, 0.6), (1.0, 1.5)]
    assert speech_islands(ivs, join_s=0.12) == [(0.0, 0.6), (1.0, 1.2), (1.34, 1.5)]
    assert speech_islands([]) == []


def _kinds(cands):
    return [(c.start, c.end, c.kind) for c in cands]


def test_candidates_short_islands_left_empty_or_unsure():
    ivs = [Interval(0.0, 2.0), Interval(3.0, 3.4), Interval(4.0, 4.3), Interval(5.0, 5.3), Interval(6.0, 8.0)]
    words = [Word(" We", 0.0, 0.3, 0.99), Word(" built", 0.3, 2.0, 0.99),
             Word(" and", 4.0, 4.3, 0.3),  # unsure: heard again
             Word(" so", 5.0, 5.3, 0.95),  # sure: an onset only if unsure or stretched
             Word(" it", 6.0, 6.4, 0.99), Word(" worked.", 6.4, 8.0, 0.99)]
    assert _kinds(find_candidates(words, ivs, rules=EN)) == [(3.0, 3.4, "island"), (4.0, 4.3, "island")]


def test_candidates_onsets_after_a_silence_when_the_first_word_is_unsure_or_stretched():
    # words at about 0.05 s per letter (+2), the speaker's pace
    ivs = [Interval(0.0, 1.0), Interval(1.5, 3.0), Interval(3.5, 5.0)]
    words = [Word(" I", 0.0, 0.15, 0.99), Word(" think", 0.15, 0.5, 0.99), Word(" so", 0.5, 0.7, 0.99),
             Word(" there", 1.5, 1.85, 0.6), Word(" is", 1.85, 2.05, 0.99),  # unsure first word
             Word(" another", 2.05, 2.5, 0.99), Word(" way", 2.5, 3.0, 0.99),
             Word(" life", 3.5, 4.4, 0.97), Word(" here", 4.4, 4.7, 0.99)]  # 0.9 s for "life": stretched
    got = _kinds(find_candidates(words, ivs, rules=EN))
    assert got == [(1.5, 2.5, "onset"), (3.5, 4.5, "onset")]
    # the same "life" at the speaker's pace: no candidate
    words[7] = Word(" life", 3.5, 3.8, 0.97)
    assert _kinds(find_candidates(words, ivs, rules=EN)) == [(1.5, 2.5, "onset")]


def test_candidates_pieces_only_where_the_language_allows_them():
    # a filler run into its phrase with a 0.1 s gap (one island), set off by silence before
    ivs = [Interval(0.0, 1.0), Interval(1.5, 1.9), Interval(2.0, 3.5)]
    words = [Word("私は", 0.0, 1.0, 0.99), Word("まず", 2.0, 2.5, 0.99), Word("説明します", 2.5, 3.5, 0.99)]
    assert ("piece" in {c.kind for c in find_candidates(words, ivs, rules=JA)})
    en_words = [Word(" I", 0.0, 1.0, 0.99), Word(" first", 2.0, 2.5, 0.99), Word(" explain", 2.5, 3.5, 0.99)]
    assert "piece" not in {c.kind for c in find_candidates(en_words, ivs, rules=EN)}


def test_candidates_a_string_of_hesitations_with_invented_words_is_heard_whole():
    ivs = [Interval(0.0, 1.0), Interval(2.0, 3.4), Interval(4.0, 5.0)]
    words = [Word(" Under", 0.0, 1.0, 0.99),
             Word(" Uh,", 2.0, 2.3, 0.04), Word(" uh,", 2.5, 2.8, 0.48), Word(" yeah.", 3.0, 3.3, 0.31),
             Word(" He", 4.0, 5.0, 0.99)]
    assert (2.0, 3.4, "run") in _kinds(find_candidates(words, ivs, rules=EN))
    # confident words with the hesitation: not a string of invented words
    sure = words[:2] + [Word(" and", 2.5, 2.8, 0.9), Word(" then", 3.0, 3.3, 0.9)] + words[4:]
    assert (2.0, 3.4, "run") not in _kinds(find_candidates(sure, ivs, rules=EN))


@pytest.mark.parametrize(
    ("rules", "text", "lead", "rest"),
    [
        (EN, " Uh, there is a", [("Uh", "hesitation")], "there is a"),
        (EN, "Um, um.", [("Um", "hesitation"), ("um", "hesitation")], ""),
        (EN, "There it is.", [], "There it is."),
        (JA, "えっと、県も自分", [("えっと", "hesitation")], "県も自分"),
        (JA, "まあ、", [("まあ", "discourse")], ""),
        (JA, "その後、", [], "その後、"),
    ],
)
def test_leading_fillers(rules, text, lead, rest):
    assert leading_fillers(rules, text) == (lead, rest)


@pytest.mark.parametrize(
    ("rules", "text", "expected"),
    [
        (EN, " Um,", "Um"),
        (EN, " Uh, um.", "Uh"),
        (EN, " Eh, eh, eh.", "Eh"),
        (EN, " Yeah.", None),
        (EN, " So.", None),  # "so" alone is not a filler by the rules
        (EN, " Um, I think.", None),  # a real word with it
        (EN, " ...", None),
        (EN, "", None),
        (JA, "あのー、", "あのー"),
        (JA, "え、え、え。", "え"),
        (JA, "あ。", "あ"),  # a short あー heard alone
        (JA, "まあ、", "まあ"),
        (JA, "その後、", None),  # a real word
        (JA, "その結果。", None),
        (JA, "はい。", None),
        (JA, "あのね。", None),
    ],
)
def test_only_fillers(rules, text, expected):
    assert only_fillers(rules, text) == expected


def test_judge_a_hesitation_heard_alone_where_nothing_or_unsure_words_were():
    words = [Word(" and", 1.0, 1.4, 0.3)]
    assert judge(Candidate(1.0, 1.4, "island", (0,)), Heard("Uh,", -0.8), words, EN).fillers == (("Uh", "hesitation"),)
    assert judge(Candidate(1.0, 1.4, "island", (0,)), Heard("Uh,", -0.8), words, EN).replace_words
    # too unsure a hearing: in doubt, nothing added
    v = judge(Candidate(1.0, 1.4, "island", ()), Heard("Uh,", -1.1), [], EN)
    assert v.fillers == () and v.doubtful
    # heard surely as words: settled
    v = judge(Candidate(1.0, 1.4, "island", ()), Heard("Yes.", -0.3), [], EN)
    assert v.fillers == () and not v.doubtful
    # a rising hesitation heard alone is written as a question, and is still a hesitation
    assert judge(Candidate(1.0, 1.4, "island", ()), Heard("え?", -0.6), [], JA).fillers == (("え", "hesitation"),)


def test_judge_a_word_said_slowly_is_not_a_filler():
    # the main pass surely heard "and"; alone, the drawn-out "aaand" is written "Um."
    words = [Word(" and", 1.0, 1.6, 0.82)]
    assert judge(Candidate(1.0, 1.6, "onset", (0,)), Heard("Um.", -0.9), words, EN).fillers == ()


def test_judge_a_filler_before_the_words_the_main_pass_heard_is_added_once():
    words = [Word("あと", 1.3, 1.9, 0.79)]
    v = judge(Candidate(1.0, 2.0, "onset", (0,)), Heard("え、えっと、あと。", -0.85), words, JA)
    assert v.fillers == (("え", "hesitation"),) and not v.replace_words


def test_a_filler_heard_before_a_kept_word_stamped_over_it_comes_first(monkeypatch):
    # Whisper stamped the お of おくる over the え said before it (a real stream, IID15 81.7 s);
    # heard alone, the stretch is 「え、」. Kept after the filler, the word does not swallow it
    # (「おえ、」 would be read as one word, and the filler lost).
    import furikaeri.relisten as relisten
    from furikaeri.fillers import transcript_fillers

    monkeypatch.setattr(relisten, "hear", lambda samples, model_path, spans, **kw: [Heard("え、", -0.53)] * len(spans))
    ivs = [Interval(80.0, 81.0), Interval(81.69, 81.89), Interval(82.27, 83.7)]
    words = [Word("もう、", 80.0, 81.0, 0.95), Word("お", 81.69, 81.89, 0.64), Word("く", 82.27, 82.46, 0.9),
             Word("る", 82.46, 82.7, 0.9), Word("ように", 82.7, 83.7, 0.9)]
    out, _ = second_listen(None, "", words, ivs, rules=JA)
    assert [w.text for w in out] == ["もう、", "え、", "お", "く", "る", "ように"]
    _, found, _ = transcript_fillers(out, JA)
    assert [(f.text, f.start) for f in found] == [("え", 81.69)]
    # the stream puts its stretches' words in take order the same way, whatever the stamps' ends
    from furikaeri.stream import _once

    o, e = Word("お", 81.69, 81.8, 0.64), Word("え、", 81.69, 81.89, 0.59, source="relisten")
    assert [w.text for w in _once([o, e])] == ["え、", "お"]


def test_words_whisper_stamps_at_one_instant_keep_the_order_they_were_said_in(monkeypatch):
    # Whisper wrote えっと as え + っと、 and gave both 60.70 s (a real take, IID15 ST1); "how to
    # do that." came out with "do" and "that." at 11.02 s. Ordered by their ends, the
    # transcript read 「っと、え飛びます」 and "how to that. do": the filler was lost to the rules.
    import furikaeri.relisten as relisten
    from furikaeri.fillers import transcript_fillers
    from furikaeri.stream import _once

    monkeypatch.setattr(relisten, "hear", lambda samples, model_path, spans, **kw: [Heard("", -3.0)] * len(spans))
    ivs = [Interval(59.0, 60.2), Interval(60.7, 61.5)]
    words = [Word("行って、", 59.0, 60.2, 0.9), Word("え", 60.7, 60.8, 0.9), Word("っと、", 60.7, 60.76, 0.9),
             Word("飛", 61.09, 61.18, 0.9), Word("びます。", 61.18, 61.5, 0.9)]
    out, _ = second_listen(None, "", words, ivs, rules=JA)
    assert "".join(w.text for w in out) == "行って、えっと、飛びます。"
    assert [f.text for f in transcript_fillers(out, JA)[1]] == ["えっと"]
    assert [w.text for w in _once(list(words))] == [w.text for w in words]
    en = [Word(" to", 9.59, 10.35, 0.4), Word(" do", 11.02, 11.07, 0.2), Word(" that.", 11.02, 11.02, 0.4)]
    assert [w.text for w in sorted(en, key=relisten.take_order)] == [" to", " do", " that."]


def test_judge_a_word_used_as_a_filler_the_main_pass_wrote_there_too_is_not_added_again():
    # apollo11 (radio chatter) at 61.5 s: the main pass wrote "right? All right." (its "right?"
    # counted already); heard alone, "All right, all right.": the same words, not a dropped filler.
    words = [Word(" right?", 61.49, 61.63, 0.45), Word(" All", 61.68, 61.7, 0.28), Word(" right.", 61.7, 61.86, 1.0)]
    island = Candidate(61.49, 61.91, "island", (0, 1, 2))
    assert judge(island, Heard("All right, all right.", -0.7), words, EN).fillers == ()
    # where the main pass did not write it, it is what the main pass dropped
    said = [Word(" we", 61.49, 61.7, 0.45), Word(" start.", 61.7, 61.86, 0.4)]
    assert judge(Candidate(61.49, 61.91, "island", (0, 1)), Heard("All right, we start.", -0.7), said,
                 EN).fillers == (("All right", "discourse"),)
    # Japanese: まあ written by the main pass as まあ, heard again as まあ before its words
    ja = [Word("まあ", 3.0, 3.3, 0.4), Word("そう", 3.3, 3.6, 0.45)]
    assert judge(Candidate(3.0, 3.6, "onset", (0, 1)), Heard("まあ、そう", -0.4), ja, JA).fillers == ()


def test_judge_ambiguous_fillers_heard_alone_only_where_the_main_pass_heard_nothing():
    assert judge(Candidate(1.0, 1.3, "island", ()), Heard("まあ、", -0.9), [], JA).fillers == (("まあ", "discourse"),)
    words = [Word("サ", 1.0, 1.3, 0.48)]
    assert judge(Candidate(1.0, 1.3, "island", (0,)), Heard("なんか、", -0.9), words, JA).fillers == ()
    # a drawn-out あのー is never a word: it replaces what the main pass was unsure of
    assert judge(Candidate(1.0, 1.3, "island", (0,)), Heard("あのー、", -0.9), words, JA).fillers == (("あのー", "discourse"),)
    # a discourse filler before words: a fragment of the word, not counted
    assert judge(Candidate(1.0, 2.0, "onset", ()), Heard("まあ、どう?", -0.5), [], JA).fillers == ()
    # a bare あ heard alone where the main pass heard a word: the word's first mora (が in
    # がっかり) or an exclamation, not a filler; where it heard nothing, a short あー
    assert judge(Candidate(1.0, 1.1, "onset", (0,)), Heard("あ、", -0.8), words, JA).fillers == ()
    assert judge(Candidate(1.0, 1.1, "island", ()), Heard("あ、", -0.8), [], JA).fillers == (("あ", "hesitation"),)


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
    return audio, find_speech(audio)


@pytest.mark.model
def test_hear_a_real_filler_alone(shared, model_path):
    audio, sm = _speech(shared("conversation", "umdone_umm.wav"))
    ivs = sm.intervals
    (h,) = hear(audio.samples, model_path, [(ivs[0].start, ivs[-1].end)], language="en", prompt=EN.relisten_prompt)
    assert only_fillers(EN, h.text) == "Um", h.text
    assert h.logprob > -1.0


@pytest.mark.model
def test_a_dropped_filler_is_recovered_once(shared, model_path):
    # The main pass wrote nothing over the real "ummm": the second listen writes it, once (one
    # burst of sound, however many times Whisper writes "um").
    audio, sm = _speech(shared("conversation", "umdone_umm.wav"))
    out, doubtful = second_listen(audio.samples, model_path, [], sm.intervals, rules=EN, bursts=sm.bursts)
    assert [(w.text.strip(" ,"), w.source) for w in out] == [("Um", "relisten")] and doubtful == []
    assert out[0].start == pytest.approx(sm.intervals[0].start) and out[0].end <= sm.intervals[-1].end + 1e-6


@pytest.mark.model
def test_an_unsure_word_on_a_filler_becomes_the_filler_and_a_sure_one_stays(shared, model_path):
    audio, sm = _speech(shared("conversation", "umdone_umm.wav"))
    s, e = sm.intervals[0].start, sm.intervals[-1].end
    unsure = [Word(" and", s, e, probability=0.3)]
    out, _ = second_listen(audio.samples, model_path, unsure, sm.intervals, rules=EN, bursts=sm.bursts)
    assert [w.source for w in out] == ["relisten"] and only_fillers(EN, out[0].text) == "Um"
    sure = [Word(" and", s, e, probability=0.9)]
    assert second_listen(audio.samples, model_path, sure, sm.intervals, rules=EN, bursts=sm.bursts) == (sure, [])


@pytest.mark.model
def test_an_island_heard_surely_as_words_is_settled_and_one_heard_unsurely_stays_in_doubt(shared, model_path):
    # jfk has two short islands between pauses. Under the second ("ask not") we put a word the
    # main pass was unsure of: the second listen hears words, not a filler, so the words stay
    # and the island is settled. The first island has no word; alone it is heard as a word
    # too unsurely for the bar: it stays in doubt (the report's "fillers may be under-counted").
    audio, sm = _speech(shared("en", "jfk.flac"))
    first, second = [(s, e) for s, e in speech_islands(sm.intervals) if e - s <= 1.0]
    unsure = [Word(" ask", second[0], second[1], probability=0.3)]
    out, doubtful = second_listen(audio.samples, model_path, unsure, sm.intervals, rules=EN, bursts=sm.bursts)
    assert out == unsure
    assert second not in doubtful and first in doubtful


@pytest.mark.model
@pytest.mark.parametrize("name", ["en/jfk.flac", "en/apollo11.mp3", "ja/common_voice_ja_38853932_16k.wav"])
def test_real_speech_gains_no_invented_filler(shared, name):
    # Real recordings whose every short island is a real word (jfk, the read Japanese sentence)
    # or radio chatter (apollo11: heard alone, a noisy onset is "Uh, we start with" where the
    # main pass heard "how are we following": the hearings disagree, so neither is believed).
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(shared(*name.split("/"))))
    assert a.stats.fillers_relisten == 0, a.fillers
    assert not [w for w in a.words if w.source == "relisten"]


@pytest.mark.model
def test_code_switching_only_the_real_uh_is_added(shared):
    # "IT WOULDN'T UH SHUT DOWN THE SERVER" (the clip's reference text): the main pass stamped
    # "shut" over the "uh"; heard alone, the onset is "Uh, shut down the server." The Japanese
    # 「それ」 the English pass skipped is heard as "Um, um." at -1.19: below the stricter bar
    # for sounds the main pass heard nothing in, so no filler there.
    from furikaeri.analysis import analyze_file

    a = analyze_file(str(shared("conversation", "reazon_test_ja_en.wav")), language="en")
    added = [f for f in a.fillers if f.how_found == "relisten"]
    assert [(f.text, round(f.start, 1)) for f in added] == [("uh", 4.3)], a.fillers


@pytest.mark.model
def test_relisten_with_the_english_only_model(shared):
    from furikaeri import models
    from furikaeri.errors import ModelError

    try:
        info = models.resolve("tiny.en", models.default_models_dir())
    except ModelError as e:
        pytest.skip(f"tiny.en is not installed: {e}")
    audio, sm = _speech(shared("conversation", "umdone_umm.wav"))
    (h,) = hear(audio.samples, info.path, [(sm.intervals[0].start, sm.intervals[-1].end)], language="en",
                prompt=EN.relisten_prompt, multilingual=info.multilingual)
    assert only_fillers(EN, h.text) == "Um", h.text
