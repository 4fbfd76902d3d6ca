"""The ``--json`` schema (``Analysis.to_dict``, schema 4, documented in the README) does not
change by accident, reads back to the same record, and the terminal report stays whole at 80
columns in both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from furikaeri.analysis import SCHEMA, Analysis, Heard, LanguageSpan, _analysis
from furikaeri.audio import Audio
from furikaeri.lang import get_rules
from furikaeri.speech import Interval, SpeechMap
from furikaeri.transcribe import Word

GOLDEN = Path(__file__).parent / "fixtures" / "schema12.json"


def _speech(ivs, duration):
    import numpy as np

    return SpeechMap(intervals=tuple(Interval(*iv) for iv in ivs), duration=duration, floor_db=-60.0,
                     speech_db=-20.0, frames_db=np.zeros(int(duration * 100), dtype=np.float32),
                     vad_prob=np.zeros(int(duration * 100), dtype=np.float32),
                     bursts=tuple(Interval(*iv) for iv in ivs))


def _voiced(duration: float, ivs) -> "np.ndarray":
    """A buzz with a gliding pitch inside the speech intervals (so pitch can be measured)."""
    import numpy as np

    t = np.arange(int(duration * 16000)) / 16000
    f0 = 140 * 2 ** (3 * np.sin(2 * np.pi * 0.3 * t) / 12)
    phase = 2 * np.pi * np.cumsum(f0) / 16000
    x = sum(np.sin(k * phase) / k for k in range(1, 8)) * 0.1
    mask = np.zeros_like(t, dtype=bool)
    for a, b in ivs:
        mask |= (t >= a) & (t < b)
    return (x * mask).astype("float32")


def analysis(lang: str) -> Analysis:
    """An answer measured from hand-made words over a voiced sound: fillers, a repetition, a
    hedge, a habit phrase, an opening sentence, pauses, over budget, pace windows, pitch."""
    if lang == "en":
        words = [(" My", 0.5, 0.7), (" strength", 0.7, 1.2), (" is", 1.2, 1.4), (" patience.", 1.4, 2.0),
                 (" So,", 2.6, 2.9), (" um,", 3.0, 3.4), (" I", 4.0, 4.1), (" I", 4.3, 4.4), (" really", 4.4, 4.8),
                 (" think", 4.8, 5.1), (" it", 5.1, 5.2), (" really", 5.2, 5.6), (" helps.", 5.6, 6.0),
                 (" It", 7.0, 7.2), (" really", 7.2, 7.6), (" worked", 7.6, 8.0), (" for", 8.0, 8.2),
                 (" the", 8.2, 8.3), (" team,", 8.3, 8.8), (" kind", 9.5, 9.8), (" of.", 9.8, 10.2),
                 (" Every", 10.8, 11.2), (" week", 11.2, 11.6), (" we", 11.6, 11.8), (" won.", 11.8, 12.4)]
        ivs = [(0.5, 2.0), (2.6, 2.9), (3.0, 3.4), (4.0, 6.0), (7.0, 8.8), (9.5, 10.2), (10.8, 12.4)]
    else:
        words = [("私", 0.5, 0.7), ("の", 0.7, 0.8), ("強み", 0.8, 1.2), ("は", 1.2, 1.3), ("粘り強さ", 1.3, 1.9),
                 ("です。", 1.9, 2.3), ("えっと、", 2.9, 3.4), ("すごく", 4.0, 4.4), ("大会", 4.6, 5.0),
                 ("大会", 5.0, 5.4), ("で", 5.4, 5.5), ("すごく", 5.5, 5.9), ("頑張りました。", 5.9, 6.8),
                 ("すごく", 7.4, 7.8), ("楽しかった", 7.8, 8.4), ("と思います。", 8.4, 9.0),
                 ("だから", 9.6, 10.0), ("優勝", 10.0, 10.5), ("しました。", 10.5, 11.2)]
        ivs = [(0.5, 2.3), (2.9, 3.4), (4.0, 6.8), (7.4, 9.0), (9.6, 11.2)]
    heard = Heard(tuple(Word(t, s, e, 0.9) for t, s, e in words))
    duration = 13.0
    audio = Audio(_voiced(duration, ivs), 16000, f"{lang}.wav")
    from furikaeri.analysis import _voice

    smap = _speech(ivs, duration)
    return _analysis(smap, heard, get_rules(lang), budget_s=8.0, acoustic=False,
                     question="質問" if lang == "ja" else "Question", model="base", duration=duration,
                     source=audio.source, voice_of=lambda span: _voice(audio, smap, span),
                     other_languages=(LanguageSpan("de", 9.6, 11.2),))


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
    assert d["schema"] == SCHEMA == 12
    for key in ("words", "fillers", "repetitions", "pauses", "hedges", "habits", "other_languages"):
        assert d[key], key  # each list has an item, so its items' shape is checked too
    assert d["voice"]["windows"] and d["pace"]["windows"] and d["opening"]
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


@pytest.mark.parametrize("width", [9, 10, 13, 20, 37])
def test_japanese_lines_break_as_a_typesetter_breaks_them(width):
    """No line opens with 、 。 ー or a small kana, none ends with 「; lines fit; nothing is lost
    but the spaces at a break; highlighting stays on its characters."""
    from rich.cells import cell_len
    from rich.text import Text

    from furikaeri.report.wrap import NO_LINE_END, NO_LINE_START, wrap_unspaced

    said = ("それで、結局県が、橋号使って使って、窓から入ろうとしていましたが、「それを見た」、たまに見た、"
            "たまたま見た警官が、 [1.4秒]あ、ドロボカと思って、えーと、ちょっと待ってください。")
    text = Text(said)
    filler = said.index("えーと")
    text.stylize("bold magenta", filler, filler + 3)
    out = wrap_unspaced(text, width)
    lines = out.plain.split("\n")
    assert len(lines) > 1
    assert all(cell_len(line) <= width for line in lines), lines
    assert not any(line[0] in NO_LINE_START for line in lines[1:]), lines
    assert not any(line[-1] in NO_LINE_END for line in lines), lines
    assert "".join(lines).replace(" ", "") == said.replace(" ", "")
    at = out.plain.index("えー")  # (a break may fall inside it: え|ーと is not allowed, えー|と is)
    styled = {k for span in out.spans if "magenta" in str(span.style) for k in range(span.start, span.end)}
    assert {at, at + 1} <= styled


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_focus_suggestion_wraps_under_its_arrow(lang):
    from rich.console import Console

    from furikaeri.coach import Focus
    from furikaeri.report.terminal import render

    console = Console(width=50, record=True, force_terminal=False, color_system=None)
    render(analysis(lang), console, focus=Focus("fillers_per_min", 10.1, "high", 2.0, None, "norm", 4.0, "um"))
    lines = console.export_text().splitlines()
    first = next(i for i, ln in enumerate(lines) if "→" in ln)
    indent = lines[first].index("→") + 2
    nxt = lines[first + 1]
    assert any(c.isalpha() for c in nxt) and not nxt[1:indent].strip()  # it wraps, and under the text


def test_a_japanese_report_at_60_columns_keeps_each_verdict_whole():
    from rich.cells import cell_len
    from rich.console import Console

    from furikaeri.report.terminal import render

    console = Console(width=60, record=True, force_terminal=False, color_system=None)
    render(analysis("ja"), console)
    out = console.export_text()
    inside = [line.strip("│ ") for line in out.splitlines()]
    assert max(cell_len(line) for line in out.splitlines()) <= 60
    assert not any(line[:1] in ")）、。" for line in inside if line), out
    words = {"ちょうどよい", "まずまず", "多め", "少なめ", "速め", "遅め", "ゆっくりめ"}
    figures = inside[:inside.index("文字起こし")]  # the verdicts' lines (prose below breaks as Japanese may)
    assert not any(line.endswith(w[:k]) for line in figures for w in words for k in range(1, len(w))), out
