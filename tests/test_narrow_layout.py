"""A narrow terminal: at 40 to 100 columns, in English and in Japanese, the report, show's
comparison, the history, progress and compare --sessions cut nothing with "…", keep every line
within the terminal and every figure's label on screen, and break no Japanese line before a
closing bracket, 、 。 or を; below :data:`~furikaeri.report.wrap.NARROW` columns the figures
are stacked (a label and its value on a line, the verdict indented on the next) instead of
squeezed into columns. The budget's marker goes between words, and a session's header says its
date once.

Answers are hand-made words measured without the Whisper model (over a buzz, as in
``test_schema``), archived in a temporary home, so the whole file runs in seconds.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from rich.console import Console

from furikaeri import session as S
from furikaeri.analysis import Heard, _analysis, _voice
from furikaeri.audio import Audio
from furikaeri.cli import cli
from furikaeri.lang import get_rules, text
from furikaeri.metrics import METRIC_BY_NAME
from furikaeri.report.wrap import NARROW
from furikaeri.speech import Interval, SpeechMap
from furikaeri.transcribe import Word

WIDTHS = (40, 50, 64, 100)
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
THURSDAY = MONDAY + timedelta(days=3)
BOX = "│╭╮╰╯─"
#: No Japanese line opens with these: a closing bracket, a comma, a full stop, the particle を.
NO_OPENING = set(")）」』】〕〉》、。を")

SAID = {
    "en": ["My greatest weakness is, um, public speaking.",
           "In my first year I had to give a talk to the whole department, and I, I forgot half of it.",
           "So since then I joined a speaking club, and it is getting easier every week."],
    "ja": ["えーと、学生時代に力を入れたことは、ボランティア活動です。",
           "あのー、地域の小学生に、週に一回、勉強を教えていました。",
           "その結果、子供たちが自分から質問してくれるようになりました。"],
}
#: Thursday's answers: a few words fewer (what changed is short enough to be shown whole).
LATER = {
    "en": [SAID["en"][0], SAID["en"][1].replace("whole ", "").replace("and I, I", "and I"), SAID["en"][2]],
    "ja": [SAID["ja"][0], SAID["ja"][1].replace("あのー、", ""), SAID["ja"][2]],
}
QUESTIONS = {
    "en": ["Which weakness are you working on, and what are you doing about it?", "Tell me about yourself."],
    "ja": ["学生時代に力を入れたこと（ガクチカ）を教えてください。", "自己紹介をお願いします。"],
}


# --------------------------------------------------------------------------- hand-made answers


def words_of(lang: str, sentences: list[str], t: float = 0.5) -> list[tuple[str, float, float]]:
    """Whisper's words as it stamps them: " word" in English; in Japanese a character at a time,
    a comma or full stop with the one before it. A pause after each comma and sentence."""
    out = []
    for sentence in sentences:
        pieces = [" " + w for w in sentence.split()] if lang == "en" else re.findall(r".[、。]?", sentence)
        for p in pieces:
            d = 0.3 if lang == "en" else 0.13 * len(p.strip("、。"))
            out.append((p, round(t, 3), round(t + d, 3)))
            t += d + (0.6 if p[-1] in ",、" else 0.05)
        t += 1.3
    return out


def measured(lang: str, sentences: list[str], *, budget: float, question: str):
    """The :class:`~furikaeri.analysis.Analysis` of ``sentences`` said over a voiced buzz."""
    words = words_of(lang, sentences)
    ivs: list[list[float]] = []
    for _, s, e in words:
        if ivs and s - ivs[-1][1] < 0.3:
            ivs[-1][1] = e
        else:
            ivs.append([s, e])
    duration = words[-1][2] + 1.0
    t = np.arange(int(duration * 16000)) / 16000
    phase = 2 * np.pi * np.cumsum(140 * 2 ** (3 * np.sin(2 * np.pi * 0.3 * t) / 12)) / 16000
    mask = np.zeros_like(t, dtype=bool)
    for a, b in ivs:
        mask |= (t >= a) & (t < b)
    buzz = sum(np.sin(k * phase) / k for k in range(1, 8)) * 0.1 * mask
    audio = Audio(buzz.astype("float32"), 16000, f"{lang}.wav")
    spans = tuple(Interval(a, b) for a, b in ivs)
    frames = np.zeros(int(duration * 100), dtype=np.float32)
    smap = SpeechMap(intervals=spans, duration=duration, floor_db=-60.0, speech_db=-20.0, frames_db=frames,
                     vad_prob=frames, bursts=spans)
    heard = Heard(tuple(Word(w, s, e, 0.9) for w, s, e in words))
    return _analysis(smap, heard, get_rules(lang), budget_s=budget, acoustic=False, question=question, model="base",
                     duration=duration, source=audio.source, voice_of=lambda span: _voice(audio, smap, span))


def over_budget(lang: str):
    """An answer whose budget runs out inside a word: in 「質|問」 (Whisper's 質 and 問), at the
    "ev|ery" of "every week" in English (a word Whisper kept whole)."""
    words = words_of(lang, SAID[lang])
    at = next(i for i, w in enumerate(words) if w[0].strip() in ("問", "every"))
    return measured(lang, SAID[lang], budget=words[at][2] - 0.05 - words[0][1], question=QUESTIONS[lang][0])


# --------------------------------------------------------------------------- checks


def lines_of(out: str) -> list[str]:
    return [line.rstrip() for line in out.splitlines()]


def flat(s: str) -> str:
    return "".join(ch for ch in s if not ch.isspace() and ch not in BOX)


def first_cells(out: str) -> str:
    """The text of each line up to its first gap of two spaces, run together: a table's first
    column, read across the lines a long label wraps onto."""
    return flat("".join(re.split(r" {2,}", line.strip(" " + BOX))[0] for line in out.splitlines()))


def check(out: str, width: int, lang: str, labels) -> None:
    """Nothing cut, nothing wider than ``width``, every label on screen, Japanese lines broken
    by their rules."""
    lines = lines_of(out)
    assert "…" not in out, out
    assert max(cell_len(line) for line in lines) <= width, out
    for label in labels:
        assert flat(label) in flat(out) or flat(label) in first_cells(out), (label, out)
    if lang == "ja":
        opened = [line for line in lines if line.strip(" " + BOX)[:1] in NO_OPENING]
        assert not opened, out


def report_labels(a) -> list[str]:
    L = get_rules(a.language).labels
    keys = ["answer_length", "latency", "rate", "fillers", "pauses", "opening", "hedges", "voice", "transcript"]
    return [L[k] for k in keys + (["repetitions"] if a.repetitions else [])] + [L[k] for k in get_rules(a.language).rate_keys]


def metric_labels(changes, lang: str) -> list[str]:
    return [METRIC_BY_NAME[c["metric"]].label(lang) for c in changes
            if c["metric"] in METRIC_BY_NAME and (c.get("before") is not None or c.get("after") is not None)]


# --------------------------------------------------------------------------- the report


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_report_is_whole_at_any_width(lang, width):
    from furikaeri.coach import Focus
    from furikaeri.report.terminal import render

    a = over_budget(lang)
    console = Console(width=width, record=True, force_terminal=False, color_system=None)
    render(a, console, focus=Focus("fillers_per_min", 10.1, "high", 2.0, None, "norm", 4.0, "um"))
    out = console.export_text()
    check(out, width, lang, report_labels(a))
    L = get_rules(lang).labels
    lines = [line.strip(" " + BOX) for line in lines_of(out)]
    shown = {k: v for k, v in a.verdicts.items() if k not in ("length", "chars_per_min")}
    for v in shown.values():  # each verdict's word whole on a line, and its norm whole
        word = L.get(f"verdict_{v.level}", "")
        assert any(word in line for line in lines) or v.level in ("low", "high"), (word, out)
        if lang == "en":  # no word of the norm broken
            assert set(re.findall(r"[^\s()]+", v.norm)) <= set(re.findall(r"[^\s()]+", " ".join(lines))), (v.norm, out)
    row = next(i for i, line in enumerate(lines) if line.startswith(L["fillers"]))
    fillers = L[f"verdict_{a.verdicts['fillers'].level}"]
    if width < NARROW:  # stacked: the verdict on the next line, indented
        assert fillers not in lines[row] and lines_of(out)[row + 1].lstrip("│ ").startswith(fillers)
        assert lines_of(out)[row + 1].index(fillers) > lines_of(out)[row].index(L["fillers"])
    else:  # a grid: label, value and verdict on one line
        assert fillers in lines[row]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_budget_marker_goes_between_words(lang):
    from furikaeri.report.terminal import marked_transcript

    a = over_budget(lang)
    cut = a.budget_cut.word_index
    assert a.words[cut].text.strip() in ("問", "every")  # the budget ran out inside 質問 / at "every"
    said = marked_transcript(a, get_rules(lang).labels, spaced=lang == "en").plain
    mark = f"⏱ {get_rules(lang).labels['budget_ran_out_here']} ▶"
    assert said.count(mark) == 1
    if lang == "ja":
        assert "質問" in said and re.search(f"{mark}質問", said), said  # before the word, not inside it
    else:
        assert f"{mark} every week" in said, said


def test_the_marker_moves_to_the_nearer_edge_of_the_word_it_falls_in():
    from furikaeri.report.terminal import marker_index

    words = [Word(x, i * 0.2, i * 0.2 + 0.2) for i, x in enumerate(["え", "ー", "と、", "学", "生", "ボ", "ラ", "ンテ",
                                                                      "ィ", "ア", "活", "動"])]
    where = {i: marker_index(words, i, "ja") for i in range(len(words))}
    assert where[1] == 0  # え|ー: before えー
    assert where[4] == 3  # 学|生: before 学生
    assert where[9] == 10  # ボランティ|ア: after ボランティア, the nearer edge
    assert marker_index(words, 2, "ja", keep=[(0.0, 0.6)]) == 0  # えーと is one filler
    en = [Word(x, i, i + 1) for i, x in enumerate([" My", " weak", "ness", " is"])]
    assert [marker_index(en, i, "en") for i in range(4)] == [0, 1, 1, 3]


# --------------------------------------------------------------------------- the archive


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """A home per language: Monday's and Thursday's session, the same two questions in each,
    Thursday a little tighter. Returns {lang: (home, [answer ids])}."""
    out = {}
    for lang in ("en", "ja"):
        home = tmp_path_factory.mktemp(f"narrow_{lang}")
        later = LATER[lang]
        ids = []
        for day, name, sentences, budget in ((MONDAY, "Monday" if lang == "en" else "月曜", SAID[lang], 15.0),
                                             (THURSDAY, "Thursday" if lang == "en" else "木曜", later, 20.0)):
            for i, q in enumerate(QUESTIONS[lang]):
                a = measured(lang, sentences, budget=budget, question=q)
                ids.append(S.save_analysis(a, audio_path=None, home=home, session=name, question=q,
                                           note="結論から話す" if lang == "ja" else "lead with the point",
                                           now=day + timedelta(minutes=i)))
        out[lang] = (home, ids)
    return out


def run(home, width: int, *args: str):
    r = CliRunner().invoke(cli, list(args), env={"COLUMNS": str(width), "FURIKAERI_HOME": str(home)})
    assert r.exit_code == 0, r.output
    return r.output


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_show_and_its_comparison_are_whole(archives, lang, width):
    home, ids = archives[lang]
    shown = json.loads(run(home, 100, "show", str(ids[2]), "--json"))
    assert shown["previous"] is not None  # Thursday's answer is compared with Monday's
    out = run(home, width, "show", str(ids[2]))
    from furikaeri.analysis import Analysis

    labels = report_labels(Analysis.from_dict(shown["analysis"])) + metric_labels(shown["previous"]["changes"], lang)
    check(out, width, lang, labels)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_compare_sessions_is_whole(archives, lang, width):
    home, _ = archives[lang]
    names = ("Monday", "Thursday") if lang == "en" else ("月曜", "木曜")
    cmp = json.loads(run(home, 100, "compare", "--sessions", *names, "--json"))
    out = run(home, width, "compare", "--sessions", *names)
    check(out, width, lang, metric_labels(cmp["means"], lang) + [QUESTIONS[lang][0]])
    if width < NARROW:  # stacked: "fillers  5.9/min → 2.7/min"
        assert any("→" in line and line.startswith(METRIC_BY_NAME["fillers_per_min"].label(lang))
                   for line in lines_of(out)), out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_history_is_whole(archives, lang, width):
    home, ids = archives[lang]
    out = run(home, width, "history")
    pace = text(lang, "col_pace", unit=text(lang, get_rules(lang).pace_key))
    check(out, width, lang, [text(lang, "col_length"), text(lang, "col_fillers"), pace])
    # each question there, from its start: its first phrase (自己紹介を / お願いします。 breaks between phrases)
    assert all(q[:5] in out for q in QUESTIONS[lang]), out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_progress_is_whole(archives, lang, width):
    home, _ = archives[lang]
    prog = json.loads(run(home, 100, "progress", "--json"))
    series = [s for block in prog["overall"] + prog["questions"] for s in block["series"]]
    labels = {METRIC_BY_NAME[s["metric"]].label(lang) for s in series if s["metric"] in METRIC_BY_NAME}
    out = run(home, width, "progress")
    check(out, width, lang, sorted(labels))
    assert not any(re.search(r"[+\-±]…", line) for line in lines_of(out))  # trends whole


def test_a_long_note_uses_the_width_of_a_wide_terminal(furikaeri_home):
    """Known in session 28: the question column stopped at 48 cells, so a note wrapped at a
    third of a 160-column terminal."""
    note = "I rambled at the start and should open with the answer, then one example, then stop"
    S.save_analysis(measured("en", SAID["en"], budget=15, question=QUESTIONS["en"][0]), audio_path=None,
                    home=furikaeri_home, session="Monday", note=note, now=MONDAY)
    out = run(furikaeri_home, 160, "history")
    assert any(line.strip().startswith("note: I rambled") and line.rstrip().endswith("then one")
               for line in lines_of(out)), out  # one line of 72 cells
    narrow = run(furikaeri_home, 70, "history")
    assert "thenstop" in flat(narrow) and max(map(len, lines_of(narrow))) <= 70


# --------------------------------------------------------------------------- headers and notes


def test_a_session_header_says_its_date_once(furikaeri_home):
    from furikaeri.report.history import _when
    from furikaeri.store import to_stamp

    when = _when(to_stamp(MONDAY))
    named = S.save_analysis(measured("ja", SAID["ja"][:1], budget=30, question=QUESTIONS["ja"][1]), audio_path=None,
                            home=furikaeri_home, session=f"ja-basic {when}", now=MONDAY)
    dated = S.save_analysis(measured("ja", SAID["ja"][:1], budget=30, question=QUESTIONS["ja"][1]), audio_path=None,
                            home=furikaeri_home, session=when[:10], now=MONDAY + timedelta(minutes=5))
    first = run(furikaeri_home, 80, "show", str(named)).splitlines()[0]
    assert first.count(when) == 1 and first.count(when[:10]) == 1, first
    first = run(furikaeri_home, 80, "show", str(dated)).splitlines()[0]
    assert first.count(when[:10]) == 1 and _when(to_stamp(MONDAY + timedelta(minutes=5)))[11:] in first, first


@pytest.mark.parametrize("width", [50, 80])
def test_company_notes_wrap_under_themselves(furikaeri_home, tmp_path, width):
    f = tmp_path / "sakura.toml"
    f.write_text('[company]\nname = "さくら商事"\nlanguage = "ja"\nasks = ["なぜ商社なのですか。"]\n'
                 'notes = "一次面接は三十分。自己紹介は一分以内でと言われた（時間を計られていた）。二次面接は役員面接。"\n',
                 encoding="utf-8")
    added = CliRunner().invoke(cli, ["questions", "add", str(f)])
    assert added.exit_code == 0, added.output
    run(furikaeri_home, width, "reflect", "-c", "さくら商事", "--no-prompt", "-q",
        "学生時代に力を入れたことを教えてください。具体的なエピソードもお願いします。", "-a", "サークルの新歓")
    out = run(furikaeri_home, width, "questions", "company", "さくら商事")
    lines = lines_of(out)
    memo = lines.index(text("ja", "notes"))
    end = next(i for i, line in enumerate(lines) if i > memo and line.startswith(text("ja", "practice_questions")))
    body = lines[memo + 1:end]
    assert len(body) > 1 and "".join(x.strip() for x in body).startswith("一次面接は三十分。") or width >= 80
    assert all(line.startswith("  ") and line.strip()[:1] not in NO_OPENING for line in body), out  # indented
    label = text("ja", "q_label") + ":"
    q = next(i for i, line in enumerate(lines) if line.lstrip().startswith(label))
    assert lines[q + 1].startswith(" " * (cell_len(lines[q][:lines[q].index(label)]) + cell_len(label) + 1)) \
        or width >= 80, out  # under the question
    # a command to paste is one line the terminal folds (as practice's are), never broken by us
    assert max(cell_len(line) for line in lines if not line.lstrip().startswith("furikaeri ")) <= width
