"""Session 32, k6: the streamed transcript's seams, a take ended by SIGTERM, a second Ctrl-C
during the analysis, a missing --out folder, the live meter in a narrow terminal.

What must hold: a full stop before a stretch whose hearing goes on in lower case ends no
sentence, and no sentence of the streamed transcript opens in lower case; ...
"""

from __future__ import annotations

import sys
from pathlib import Path

from furikaeri.transcribe import Word

sys.path.insert(0, str(Path(__file__).parent))


def _w(text, start, end):
    return Word(text, start, end)


# ------------------------------------------------------------------------------ 1. seams
def test_a_full_stop_before_a_stretch_that_goes_on_in_lower_case_ends_no_sentence():
    """QA s32 qa-d #1: streamed "threw it away. and to go home." (the whole take: "away and"):
    the seam's pause counted as one between sentences."""
    from furikaeri.stream import _reseamed

    words = [_w(" threw", 29.1, 29.8), _w(" it", 29.9, 30.5), _w(" away.", 30.6, 31.2), _w(" and", 31.76, 32.3)]
    # the next stretch's context hearing did not write "away" at all: the mark is the stretch's
    heard = [_w(" through", 30.19, 30.49), _w(" the", 30.85, 31.01), _w(" way", 31.01, 31.11)]
    got = _reseamed(words, [(heard, 31.76)])
    assert [w.text for w in got] == [" threw", " it", " away", " and"]
    # no context at all (a hearing with none before it, or the rest of a stretch heard ahead)
    assert [w.text for w in _reseamed(words, [([], 31.76)])][2] == " away"
    # a question, too; a sentence the next stretch opens with a capital stays one
    q = [_w(" why?", 1.0, 1.4), _w(" because", 2.5, 2.9)]
    assert [w.text for w in _reseamed(q, [([], 2.5)])] == [" why", " because"]
    end = [_w(" away.", 30.6, 31.2), _w(" And", 31.76, 32.3)]
    assert [w.text for w in _reseamed(end, [([], 31.76)])] == [" away.", " And"]
    # a voice trailing off and an abbreviation keep their dots; Japanese has no case
    for kept in ([_w(" and...", 1.0, 1.4), _w(" then", 2.5, 2.9)], [_w(" U.S.", 1.0, 1.4), _w(" and", 2.5, 2.9)],
                 [_w("帰りました。", 1.0, 1.4), _w("それで", 2.5, 2.9)]):
        assert _reseamed(kept, [([], 2.5)]) == kept
    # only at the seam: a stop the stretch wrote before its own lower-case word is not the seam's
    inside = [_w(" home.", 1.0, 1.4), _w(" he", 1.6, 1.9), _w(" threw", 2.5, 2.9)]
    assert [w.text for w in _reseamed(inside, [([], 2.5)])][0] == " home."


def test_no_sentence_of_the_streamed_transcript_opens_in_lower_case():
    """QA s32 qa-d #1: one hearing wrote "go home. he threw" (the whole take: "go home. He, he
    threw"): the hearing's own full stop stands, and the sentence after it opens with a capital."""
    from furikaeri.stream import _Part, _words_of

    a = _Part(20.4, 31.3, words=[_w(" go", 26.8, 26.9), _w(" home.", 26.97, 27.3), _w(" he", 27.62, 27.9),
                                 _w(" threw", 29.1, 29.8), _w(" away.", 30.6, 31.2)])
    b = _Part(31.76, 33.0, words=[_w(" and", 31.76, 32.3), _w(" to", 32.4, 32.5), _w(" go.", 32.5, 32.7)],
              seams=[([], 31.76)])
    assert " ".join(w.text.strip() for w in _words_of([b, a])) == "go home. He threw away and to go."
    quoted = _Part(0.0, 3.0, words=[_w(" said.", 0.0, 0.5), _w(' "yes', 0.6, 0.9)])
    assert [w.text for w in _words_of([quoted])] == [" said.", ' "Yes']
