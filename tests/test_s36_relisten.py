"""QA s36 D #2: a filler heard again over words the main pass wrote unsurely in that filler's own
time is that sound heard once: the words give way, so one sound is never a filler and morae too.

The pure rule with the hearing stubbed (the numbers of real-l2 ENZ20-ST1, 4.0 s, where the main
pass wrote エ・イ・エンゼーズ for "え、ENZ…" and the second listen heard 「え、え、ん、ずっ。」), and
the real clip through the real model."""

from __future__ import annotations

import pytest

import realclips
from furikaeri.lang import get_rules
from furikaeri.relisten import Heard, second_listen
from furikaeri.speech import Interval
from furikaeri.transcribe import Word

JA = get_rules("ja")

MAIN = [Word("します。", 3.0, 3.4, 0.99), Word("エ", 3.99, 4.1, 0.095), Word("イ", 4.1, 4.22, 0.221),
        Word("エ", 4.22, 4.4, 0.514), Word("ン", 4.4, 4.56, 0.969), Word("ゼ", 4.56, 4.78, 0.805),
        Word("ー", 4.78, 4.92, 0.138), Word("ズ", 4.92, 5.0, 0.909), Word("20", 5.0, 5.4, 0.95)]


def _stub(monkeypatch, heard: Heard):
    import furikaeri.relisten as relisten

    monkeypatch.setattr(relisten, "hear", lambda samples, model_path, spans, **kw: [heard] * len(spans))
    monkeypatch.setattr(relisten, "_place", lambda c, fillers, h, rules, bursts, bound: [
        Word(fillers[0][0], 3.99, 4.22, 0.377, "relisten")])


def test_the_unsure_words_in_the_fillers_own_time_give_way(monkeypatch):
    _stub(monkeypatch, Heard("え、え、ん、ずっ。", -0.98))
    out, _ = second_listen(None, "", MAIN, [Interval(3.0, 3.4), Interval(3.99, 5.4)], rules=JA)
    texts = [w.text for w in out]
    assert texts[:3] == ["します。", "え、", "エ"] and "イ" not in texts, texts
    assert [w.text for w in out if w.source == "relisten"] == ["え、"]


def test_sure_words_in_the_fillers_time_stay(monkeypatch):
    sure = [w if w.text != "イ" else Word("イ", 4.1, 4.22, 0.9) for w in MAIN]
    _stub(monkeypatch, Heard("え、え、ん、ずっ。", -0.98))
    out, _ = second_listen(None, "", sure, [Interval(3.0, 3.4), Interval(3.99, 5.4)], rules=JA)
    assert "イ" in [w.text for w in out]


@pytest.mark.model
def test_a_real_filler_is_not_counted_as_morae_too(shared):
    from furikaeri.analysis import analyze_audio

    audio, _ = realclips.real_l2(shared, "ja_ENZ20-ST1")
    a = analyze_audio(audio, language="ja")
    for f in (w for w in a.words if w.source == "relisten"):
        under = [w.text for w in a.words if w.source != "relisten" and f.start - 0.02 <= w.start
                 and w.end <= f.end + 0.02 and w.probability < 0.5]
        assert not under, (f, under)
