"""The ``--json`` schema (``Analysis.to_dict``, schema 2, documented in the README) does not
change by accident, reads back to the same record, and the terminal report stays whole at 80
columns in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from furikaeri.analysis import SCHEMA, Analysis, Heard, _analysis
from furikaeri.audio import Audio
from furikaeri.lang import get_rules
from furikaeri.speech import Interval, SpeechMap
from furikaeri.transcribe import Word

GOLDEN = Path(__file__).parent / "fixtures" / "schema2.json"


def _speech(ivs, duration):
    import numpy as np

    return SpeechMap(intervals=tuple(Interval(*iv) for iv in ivs), duration=duration, floor_db=-60.0,
                     speech_db=-20.0, frames_db=np.zeros(int(duration * 100), dtype=np.float32),
                     vad_prob=np.zeros(int(duration * 100), dtype=np.float32),
                     bursts=tuple(Interval(*iv) for iv in ivs))


def analysis(lang: str) -> Analysis:
    """An answer measured from hand-made words: fillers, a repetition, pauses, over budget."""
    if lang == "en":
        words = [(" So,", 0.5, 0.8), (" um,", 1.0, 1.4), (" I", 2.0, 2.1), (" I", 2.3, 2.4), (" built", 2.4, 2.8),
                 (" a", 2.8, 2.9), (" robot", 2.9, 3.4), (" for", 3.4, 3.6), (" the", 3.6, 3.7),
                 (" contest.", 3.7, 4.3), (" It", 5.6, 5.8), (" won.", 5.8, 6.3)]
        ivs = [(0.5, 0.8), (1.0, 1.4), (2.0, 4.3), (5.6, 6.3)]
    else:
        words = [("えっと、", 0.5, 1.0), ("私", 1.5, 1.7), ("は", 1.7, 1.8), ("ロボット", 1.8, 2.4), ("を", 2.4, 2.5),
                 ("作", 2.5, 2.7), ("りました。", 2.7, 3.3), ("大会", 4.6, 5.0), ("大会", 5.0, 5.4),
                 ("で", 5.4, 5.5), ("優勝", 5.5, 5.9), ("しました。", 5.9, 6.4)]
        ivs = [(0.5, 1.0), (1.5, 3.3), (4.6, 6.4)]
    heard = Heard(tuple(Word(t, s, e, 0.9) for t, s, e in words))
    audio = Audio(__import__("numpy").zeros(int(7.0 * 16000), dtype="float32"), 16000, f"{lang}.wav")
    return _analysis(audio, _speech(ivs, 7.0), heard, get_rules(lang), budget_s=5.0, acoustic=False,
                     question="質問" if lang == "ja" else "Question", model="base")


def shape(value):
    """The structure of a JSON value: keys and type names, lists by their first item."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return type(value).__name__ if value is not None else "null"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_json_schema_does_not_change_unintentionally(lang):
    d = analysis(lang).to_dict()
    assert d["schema"] == SCHEMA == 2
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert shape(d) == golden[lang], (
        "the --json schema changed: if on purpose, bump analysis.SCHEMA, say how in the README's JSON section "
        f"and update {GOLDEN.name} (json.dumps of tests.test_schema.shape(analysis(lang).to_dict()))")
    json.dumps(d)  # plain types only


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_analysis_reads_back_as_itself(lang):
    a = analysis(lang)
    assert Analysis.from_dict(a.to_dict()) == a
    assert Analysis.from_dict(json.loads(json.dumps(a.to_dict()))) == a


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_report_is_whole_at_80_columns(lang):
    from rich.console import Console

    from furikaeri.report.terminal import render

    a = analysis(lang)
    console = Console(width=80, record=True, force_terminal=False, color_system=None)
    render(a, console)
    out = console.export_text()
    assert "…" not in out, out  # nothing cut
    assert max(len(line) for line in out.splitlines()) <= 80
    L = get_rules(lang).labels
    flat = "".join(out.split())
    for label in (L["answer_length"], L["rate"], L["fillers"], L["repetitions"], L["pauses"], L["transcript"]):
        assert "".join(label.split()) in flat, label
    for name, v in a.verdicts.items():
        if name != "length":  # shown as the budget itself
            assert "".join(v.norm.split()) in flat, v.norm  # the norms, in the answer's language
    if lang == "ja":
        import re

        english = [w for w in re.findall(r"[A-Za-z]{3,}", out) if w not in ("base", "wav")]
        assert not english, english
