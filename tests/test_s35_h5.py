"""QA s35 A #1 and #2: the second listen neither counts a word the main pass heard as a filler
on top of it, nor doubts the filler count over a sound the main pass wrote as a word.

Hand-made input with the numbers of the clips where it happened (the relisten module's pure
rules; the model's hearing is stubbed with what it heard there).
"""

from __future__ import annotations

from furikaeri.lang import get_rules
from furikaeri.relisten import Candidate, Heard, judge, second_listen
from furikaeri.speech import Interval
from furikaeri.transcribe import Word

EN, JA = get_rules("en"), get_rules("ja")


def _stub_hearing(monkeypatch, heard: Heard):
    import furikaeri.relisten as relisten

    monkeypatch.setattr(relisten, "hear", lambda samples, model_path, spans, **kw: [heard] * len(spans))


# --------------------------------------------------------------------------- A #1
def test_a_filler_heard_alone_over_a_kept_word_is_the_word_heard_twice(monkeypatch):
    # espeak's "... meetings. Honestly, I believe": the main pass wrote "Honestly," at 0.788
    # (just under the onset's 'surely a word' 0.8); heard alone, the onset was "Uh, basically..."
    # at -0.7. One word, not a word and a filler.
    words = [Word(" meetings.", 5.2, 5.8, 0.99), Word(" Honestly,", 6.21, 6.66, 0.788),
             Word(" I", 7.1, 7.2, 0.99), Word(" believe", 7.2, 7.6, 0.99)]
    onset = Candidate(6.21, 6.86, "onset", (1,))
    assert judge(onset, Heard("Uh, basically...", -0.7), words, EN).fillers == ()
    _stub_hearing(monkeypatch, Heard("Uh, basically...", -0.7))
    ivs = [Interval(5.2, 5.8), Interval(6.21, 6.86), Interval(7.1, 7.6)]
    out, doubtful = second_listen(None, "", words, ivs, rules=EN)
    assert out == words and doubtful == []
    # Japanese: the main pass wrote け (0.59) over the whole onset; alone it was 「えぇ…」 at
    # -0.91, and the hand labels have no filler there (real-l2 IID15-ST2, 89.8 s)
    ke = [Word("け", 89.76, 90.21, 0.594)]
    assert judge(Candidate(89.76, 90.21, "onset", (0,)), Heard("えぇ…", -0.91), ke, JA).fillers == ()


def test_a_filler_heard_alone_over_a_kept_word_needs_a_much_surer_hearing():
    words = [Word(" Honestly,", 6.21, 6.66, 0.788)]
    onset = Candidate(6.21, 6.86, "onset", (0,))
    assert judge(onset, Heard("Uh.", -0.4), words, EN).fillers == (("Uh", "hesitation"),)
    # the お of おくる stamped over the え said before it (a real stream, IID15 81.7 s): -0.53
    o = [Word("お", 81.69, 81.89, 0.64)]
    assert judge(Candidate(81.69, 81.89, "island", (0,)), Heard("え、", -0.53), o, JA).fillers == (("え", "hesitation"),)


def test_a_filler_heard_alone_in_a_gap_or_over_its_own_sound_is_still_believed():
    # the filler's place ends where the next word starts: over no word, the usual bar
    words = [Word(" so", 1.4, 1.7, 0.7)]
    assert judge(Candidate(1.0, 2.0, "onset", (0,)), Heard("Um.", -0.9), words, EN).fillers == (("Um", "hesitation"),)
    # え written by the main pass as え + っ、 (surprise, so no filler there); heard alone 「え?」:
    # the filler's own sound, not a word under it (real-l2 IID15-ST2 57.3 s, labelled え)
    e = [Word(" え", 57.27, 57.37, 0.723), Word("っ、", 57.37, 57.51, 0.464)]
    assert judge(Candidate(57.27, 57.65, "piece", (0, 1)), Heard("え?", -0.75), e, JA).fillers == (("え", "hesitation"),)
    # an unsure word under it is replaced by the filler, as before
    unsure = [Word(" and", 1.0, 1.4, 0.3)]
    v = judge(Candidate(1.0, 1.4, "island", (0,)), Heard("Uh,", -0.9), unsure, EN)
    assert v.fillers == (("Uh", "hesitation"),) and v.replace_words


# --------------------------------------------------------------------------- A #2
def test_a_word_heard_alone_unsurely_where_the_main_pass_wrote_a_word_is_no_doubt(monkeypatch):
    # jfk "ask [0.3 s] not": the main pass wrote "ask" (0.31); alone it came back "Yes." at -1.1.
    # Both hearings heard a word: nothing sounded like a filler.
    ask = [Word(" ask", 3.29, 3.7, 0.313)]
    island = Candidate(3.29, 3.71, "island", (0,))
    assert not judge(island, Heard("Yes.", -1.1), ask, EN).doubtful
    _stub_hearing(monkeypatch, Heard("Yes.", -1.1))
    ivs = [Interval(2.0, 3.0), Interval(3.29, 3.71), Interval(4.0, 5.0)]
    words = [Word(" fellow", 2.0, 3.0, 0.99)] + ask + [Word(" not", 4.0, 5.0, 0.99)]
    assert second_listen(None, "", words, ivs, rules=EN) == (words, [])


def test_a_sound_no_hearing_made_a_word_of_stays_in_doubt():
    ask = [Word(" ask", 3.29, 3.7, 0.313)]
    # where the main pass wrote nothing, a word heard unsurely is still a doubt
    assert judge(Candidate(3.29, 3.71, "island", ()), Heard("Yes.", -1.1), [], EN).doubtful
    # heard alone as nothing, or as a filler too unsurely: in doubt whatever the main pass wrote
    assert judge(Candidate(3.29, 3.71, "island", (0,)), Heard("", -3.0), ask, EN).doubtful
    assert judge(Candidate(3.29, 3.71, "island", (0,)), Heard("Um.", -1.2), ask, EN).doubtful
    # a hesitation heard unsurely where the main pass wrote と (real-l2 IID15-ST2 66.2 s, えっと)
    to = [Word("と、", 66.2, 66.31, 0.387)]
    assert judge(Candidate(66.2, 66.59, "island", (0,)), Heard("えっと、", -1.06), to, JA).doubtful
