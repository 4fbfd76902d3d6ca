"""The practice loop's logic and the archive commands.

Unit tests build :class:`~furikaeri.analysis.Analysis` objects by hand; the end-to-end tests
(marked ``model``) practise with real recordings from ``../shared/audio`` through the real
Whisper model and a real database: three questions on Monday with notes, again on Thursday,
then ``progress`` and ``compare`` — in English and in Japanese.
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from furikaeri import companies as CO
from furikaeri import compare as C
from furikaeri import metrics as M
from furikaeri import notes as N
from furikaeri import progress as PR
from furikaeri import session as S
from furikaeri.analysis import Analysis
from furikaeri.cli import cli
from furikaeri.measure import Filler, Pause, Verdict
from furikaeri.report import export as X
from furikaeri.store import Answer, Note, Store
from furikaeri.transcribe import Word

from conftest import own_take

try:
    from pulse_fixture import pulse  # noqa: F401  (fixture: a private PulseAudio microphone)
except ImportError:  # pragma: no cover
    @pytest.fixture
    def pulse():
        pytest.skip("tests/pulse_fixture.py (the private PulseAudio microphone) is missing")

AUDIO = Path(__file__).resolve().parents[1].parent / "shared" / "audio"
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
THURSDAY = MONDAY + timedelta(days=3)


def make_analysis(text="I study physics and I build robots", *, lang="en", answer_s=95.0, budget_s=60.0,
                  fpm=4.1, rate=150.0, long_pauses=1, question=None, fillers=()):
    words = tuple(Word(f" {w}" if lang == "en" else w, i * 0.4, i * 0.4 + 0.3) for i, w in
                  enumerate(text.split() if lang == "en" else list(text)))
    from furikaeri.lang import get_rules
    from furikaeri.measure import Stats

    r = get_rules(lang).rate_type(**({"wpm": rate, "articulation_wpm": rate + 25} if lang == "en" else
                                     {"chars_per_min": rate, "morae_per_s": round(rate / 45, 2),
                                      "articulation_morae_per_s": 8.0}))
    return Analysis(
        file="take.wav", language=lang, duration_s=answer_s + 1.0, speech_detected=True, latency_s=0.7,
        answer_s=answer_s, budget_s=budget_s, over_budget=answer_s > budget_s, transcript=text, words=words,
        fillers=tuple(Filler(f, 1.0, 1.2) for f in fillers),
        pauses=(Pause(2.0, 3.5, "long", "mid"),) * long_pauses, rate=r,
        stats=Stats(filler_count=len(fillers), fillers_per_min=fpm, long_pauses=long_pauses,
                    long_pauses_per_min=round(long_pauses / (answer_s / 60), 2), very_long_pauses=0, longest_pause_s=1.5, word_count=len(words)),
        verdicts={"rate": Verdict("good", "120-160 wpm")}, question=question, model="base",
    )


def answer(id_, metrics, *, note=None, qid=1, lang="en", transcript="", at=MONDAY):
    full = {k: None for k in ("answer_s", "budget_s", "over_budget", "over_s", "wpm", "articulation_wpm",
                              "chars_per_min", "morae_per_s", "fillers_per_min", "filler_count", "long_pauses",
                              "longest_pause_s", "latency_s", "word_count")}
    full.update(metrics)
    n = Note(1, id_, "", "", note, "", "") if note else None
    return Answer(id_, 1, "s", qid, "Q?", "k", at.isoformat(), None, transcript, lang, "base", {}, full, n)


# --------------------------------------------------------------------------- notes and fixes


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("結論から話す", "ja", [("opening_share", None)]),
        ("lead with the point", "en", [("opening_share", None)]),
        ("sounded flat, no energy", "en", [("monotone_share", None)]),
        ("抑揚をつける", "ja", [("monotone_share", None)]),
        ("「たぶん」を減らして言い切る", "ja", [("hedges_per_100_words", None)]),
        ("too many 'I think' and 'maybe'", "en", [("hedges_per_100_words", None)]),
        ("えーを減らす", "ja", [("fillers_per_min", None)]),
        ("もっとゆっくり話す", "ja", [("morae_per_s", "lower")]),
        ("沈黙が怖くて間を埋めた", "ja", [("fillers_per_min", None)]),  # silence filled: with fillers
        ("時間内にまとめる", "ja", [("over_s", None)]),
        ("fewer fillers, slow down", "en", [("fillers_per_min", None), ("wpm", "lower")]),
        ("fewer ums", "en", [("fillers_per_min", None)]),  # the README's own example
        ("too many uhs and ahs", "en", [("fillers_per_min", None)]),
        ("I rambled; keep it under 60 seconds", "en", [("over_s", None)]),
        ("speak a bit faster", "en", [("wpm", "higher")]),
        ("I froze after the first sentence", "en", [("long_pauses_per_min", None)]),
        ("smile more", "en", []),
        ("I like the job", "en", []),  # "like" as a verb: no filler named
    ],
)
def test_note_targets(text, lang, expected):
    assert N.note_targets(text, lang) == expected


def test_time_is_not_a_pause():
    # 時間 contains 間 but is about length, not pauses
    assert [t for t, _ in N.note_targets("時間を守る", "ja")] == ["over_s"]


def test_fix_check_says_whether_the_note_happened():
    prev = answer(1, {"answer_s": 95, "budget_s": 60, "over_s": 35, "fillers_per_min": 4.1}, note="時間内にまとめる",
                  lang="ja")
    fixed = N.check_fix(prev, {"answer_s": 58, "budget_s": 60, "over_s": -2, "fillers_per_min": 4.0}, "ja")
    assert fixed.targeted and fixed.verdict == "better"
    assert fixed.changes[0].metric == "over_s" and fixed.changes[0].verdict == "better"
    worse = N.check_fix(prev, {"over_s": 50, "fillers_per_min": 1}, "ja")
    assert worse.verdict == "worse"
    same = N.check_fix(prev, {"over_s": 34}, "ja")
    assert same.verdict == "same"
    held = N.check_fix(answer(1, {"over_s": -10}, note="時間内にまとめる"), {"over_s": -11}, "ja")
    assert held.verdict == "held"  # stayed inside the budget: kept, not improved
    point = N.check_fix(answer(1, {"opening_share": 0.45}, note="結論から話す"), {"opening_share": 0.12}, "ja")
    assert point.verdict == "better" and point.changes[0].metric == "opening_share"
    assert N.check_fix(answer(1, {"opening_share": 0.1}, note="結論から話す"), {"opening_share": 0.11},
                       "ja").verdict == "held"  # it stayed where it should be
    flat = N.check_fix(answer(1, {"pitch_spread_st": 1.2}, note="sounded flat"), {"pitch_spread_st": 2.6}, "en")
    assert flat.verdict == "better"
    mixed = N.check_fix(answer(1, {"fillers_per_min": 4, "wpm": 180}, note="fewer fillers, slow down"),
                        {"fillers_per_min": 1, "wpm": 190}, "en")
    assert mixed.verdict == "mixed"
    untargeted = N.check_fix(answer(1, {"fillers_per_min": 4, "wpm": 150}, note="smile"),
                             {"fillers_per_min": 1, "wpm": 151}, "en")
    assert not untargeted.targeted and untargeted.verdict == "unknown"
    assert [c.metric for c in untargeted.changes] == ["fillers_per_min"]
    assert N.check_fix(answer(1, {"wpm": 150}), {"wpm": 100}, "en") is None
    # "slow down" with the pace unchanged is not a fix, even inside the band
    assert N.check_fix(answer(1, {"wpm": 150}, note="slow down"), {"wpm": 151}, "en").verdict == "same"
    assert N.check_fix(answer(1, {"wpm": 150}, note="slow down"), {"wpm": 135}, "en").verdict == "better"


def test_change_classification():
    fpm = M.METRIC_BY_NAME["fillers_per_min"]
    assert M.change(fpm, 4.0, 2.0).verdict == "better"
    assert M.change(fpm, 2.5, 2.8).verdict == "same"
    assert M.change(fpm, 2.0, 2.3).verdict == "worse"  # past the norm: the reports' verdicts differ
    assert M.change(fpm, None, 2.3).verdict == "n/a"
    wpm = M.METRIC_BY_NAME["wpm"]
    assert M.change(wpm, 190, 150).verdict == "better"  # into the band
    assert M.change(wpm, 140, 155).verdict == "same"  # both inside the band
    assert M.change(wpm, 140, 155, want="lower").verdict == "worse"  # but the note said slow down
    assert M.change(wpm, 126, 90, want="lower").verdict == "worse"  # slowed down, past the band
    assert M.change(wpm, 190, 110, want="lower").verdict == "better"  # past it, but nearer than before
    assert M.change(wpm, 100, 90).verdict == "worse"
    over = M.METRIC_BY_NAME["over_s"]
    assert M.change(over, 35, -5).verdict == "better" and M.change(over, -20, -5).verdict == "same"


def test_text_diff_english_and_japanese():
    d = C.diff_text("So um I study physics and I like robots", "I study physics and I build robots at home", "en")
    assert d.kept_share == pytest.approx(3 / 4, abs=0.01)  # study, physics, robots of study physics like robots
    assert "like" in d.removed
    assert "build" in d.added and "at home" in d.added
    j = C.diff_text("えーと私の強みは粘り強さです。", "私の強みは粘り強さです。サークルで発揮しました。", "ja")
    assert "えーと" in j.removed and "サークルで発揮しました" in j.added
    assert j.words_before == 8  # UniDic's words, punctuation left out
    assert "So um" in d.removed  # shown as said, compared case aside
    # what changed starts and ends on a word, not inside one
    k = C.diff_text("ピクニックに行ったところ、雨が降ってきました。", "ピクニックに行ったところ、晴れていました。", "ja")
    assert k.removed == ("雨が降ってきました",) and k.added == ("晴れていました",)  # whole phrases


# --------------------------------------------------------------------------- archive-level logic


@pytest.fixture
def home(furikaeri_home):
    """The test's archive folder (conftest's, where FURIKAERI_HOME points)."""
    return furikaeri_home




def seed_week(home, take):
    """Monday: three questions with notes; Thursday: the same three, better on what the notes
    targeted (hand-made analyses)."""
    plan = [
        ("Tell me about yourself.", dict(answer_s=112, budget_s=90, fpm=4.1, rate=172), "get to the point, under 90 seconds",
         dict(answer_s=84, budget_s=90, fpm=3.9, rate=168)),
        ("What is your greatest strength?", dict(answer_s=50, budget_s=60, fpm=6.0, rate=140), "fewer fillers: pause instead of um",
         dict(answer_s=55, budget_s=60, fpm=1.5, rate=138)),
        ("Why do you want to work here?", dict(answer_s=40, budget_s=60, fpm=1.0, rate=190), "slow down",
         dict(answer_s=45, budget_s=60, fpm=1.2, rate=200)),
    ]
    ids = []
    for i, (q, mon, note, thu) in enumerate(plan):
        ids.append(S.save_analysis(make_analysis(f"monday answer {i} um so", question=q, **mon), audio_path=take,
                                   session="Monday", note=note, home=home, now=MONDAY + timedelta(minutes=i)))
    for i, (q, mon, note, thu) in enumerate(plan):
        ids.append(S.save_analysis(make_analysis(f"thursday answer {i} with a story", question=q, **thu),
                                   audio_path=take, session="Thursday", home=home, now=THURSDAY + timedelta(minutes=i)))
    return ids


def test_dates_are_the_persons_local_ones(home, take, in_tokyo):
    """02:30 in Tokyo on 5 December is 17:30 UTC on the 4th: the archive keeps UTC, and every
    date a person reads or types is Tokyo's (the default session name, the journal's headings,
    progress --since)."""
    late = datetime(2026, 12, 4, 17, 30, tzinfo=timezone.utc)
    aid = S.save_analysis(make_analysis(question="Tell me about yourself."), audio_path=take, home=home, now=late)
    with Store.open(home) as st:
        assert st.answer(aid).session_name == "2026-12-05"
    assert "## 2026-12-05 (02:30)\n" in run("export", "-f", "md").output  # the name says the day
    assert json.loads(run("progress", "--since", "2026-12-05", "--json").output)["overall"]
    S.save_analysis(make_analysis(question="Tell me about yourself."), audio_path=take, home=home, now=late,
                    session="mock")
    assert "## mock (2026-12-05 02:30)" in run("export", "-f", "md").output


def test_save_analysis_joins_builtin_question_and_keeps_audio(home, take):
    aid = S.save_analysis(make_analysis(question="Tell me about yourself."), audio_path=take, home=home,
                          note="lead with the point", now=MONDAY)
    with Store.open(home) as st:
        a = st.answer(aid)
    assert a.question_key == "en-basic:intro"  # the built-in question's history
    assert a.session_name == "2026-11-23" and a.note.next_time == "lead with the point"
    stored = Path(a.audio_path)
    assert stored.parent == home / "audio" and stored.read_bytes() == take.read_bytes() and take.exists()
    # kept as analysed, its file named as any folder finds it (QA, session 29: typed relative)
    kept = {**make_analysis(question="Tell me about yourself.").to_dict(), "file": os.path.abspath("take.wav")}
    assert a.analysis == json.loads(json.dumps(kept))
    assert Analysis.from_dict(a.analysis) == Analysis.from_dict(kept)


def test_progress_trend_best_and_fix(home, take):
    ids = seed_week(home, take)
    with Store.open(home) as st:
        prog = PR.progress(st)
        assert len(prog.overall) == 1 and prog.overall[0].attempts == 6
        blocks = {b.title: b for b in prog.questions}
        intro = {s.metric: s for s in blocks["Tell me about yourself."].series}
        assert intro["over_s"].trend.verdict == "better" and intro["over_s"].best.answer_id == ids[3]
        strength = {s.metric: s for s in blocks["What is your greatest strength?"].series}
        assert strength["fillers_per_min"].trend.verdict == "better"
        assert strength["fillers_per_min"].best.value == 1.5
        assert [p.value for p in strength["fillers_per_min"].points] == [6.0, 1.5]
        why = {s.metric: s for s in blocks["Why do you want to work here?"].series}
        assert why["wpm"].trend.verdict == "worse"
        assert blocks["What is your greatest strength?"].last_note == "fewer fillers: pause instead of um"
        cmp = C.compare_sessions(st, "Monday", "Thursday")
        assert len(cmp.pairs) == 3 and not cmp.only_before and not cmp.only_after
        fixes = {p.after.question: p.fix.verdict for p in cmp.pairs}
        assert fixes == {"Tell me about yourself.": "better", "What is your greatest strength?": "better",
                         "Why do you want to work here?": "worse"}
        means = {c.metric: c for c in cmp.means}
        assert means["fillers_per_min"].before == pytest.approx((4.1 + 6.0 + 1.0) / 3, abs=0.01)
        q = C.compare_question(st, "strength")
        assert (q.before.id, q.after.id) == (ids[1], ids[4])
        assert "with a story" in " ".join(q.text.added)


def test_zero_filler_warning_and_usual_pace(home, take):
    for i, rate in enumerate([150, 140, 160, 145]):
        S.save_analysis(make_analysis(fpm=0.0, rate=rate), audio_path=None, home=home, session="x",
                        now=MONDAY + timedelta(hours=i))
    with Store.open(home) as st:
        prog = PR.progress(st)
    assert prog.warnings == (PR.ProgressWarning("zero_fillers", 4),)
    assert prog.to_dict()["warnings"] == ["zero_fillers:4"]
    # the usual the latest answer is judged against is the answers' before it (150, 140, 160)
    assert prog.usual_pace["en"]["median"] == 150 and prog.usual_pace["en"]["answers"] == 3
    assert prog.usual_pace["en"]["latest_vs_usual"] == pytest.approx(-0.033, abs=0.001)


def test_usual_pace_is_told_in_each_answers_language(home, take):
    for i, (en, ja) in enumerate([(150, 300), (140, 280), (160, 290), (145, 260)]):
        S.save_analysis(make_analysis(rate=en), audio_path=None, home=home, session="x", now=MONDAY + timedelta(hours=i))
        S.save_analysis(make_analysis("私の強みは粘り強さです", lang="ja", rate=ja), audio_path=None, home=home,
                        session="x", now=MONDAY + timedelta(hours=i, minutes=30))
    out = flat(run("progress").output)
    assert "your usual pace (English): 150 wpm (latest -3%)" in out
    # in the 拍/秒 the report grades (290 字/分 as written)
    assert "あなたのふだんの話速（日本語）: 6.4拍/秒（最新 -9%）" in out
    asked = flat(run("progress", "--lang", "en").output)
    assert "your usual pace (Japanese): 6.4 morae/s (latest -9%)" in asked and "ふだん" not in asked


def test_the_usual_pace_is_one_figure_after_an_answer_and_in_progress(home, take):
    """QA: one answer read "34% faster than your usual pace (130 wpm)" after it, "usual 174
    wpm (latest +0%)" in `progress --question` (that question's three attempts, itself among
    them) and "133 wpm (latest +31%)" in `progress`. The usual is the person's, over their
    last answers before the one judged, whichever view shows it."""
    ids = []
    for i, (rate, q) in enumerate([(130, "Tell me about yourself."), (125, "Why us?"), (135, "Tell me about yourself."),
                                   (128, "Why us?"), (174, "Tell me about yourself.")]):
        ids.append(S.save_analysis(make_analysis(rate=rate, question=q), audio_path=None, home=home, session="x",
                                   now=MONDAY + timedelta(hours=i)))
    with Store.open(home) as st:
        after = PR.after_answer(st, ids[-1])
        everyone = PR.progress(st).usual_pace["en"]
        one_question = PR.progress(st, question="Tell me about yourself.").usual_pace["en"]
    assert after.usual_pace == everyone["median"] == one_question["median"] == 129
    assert everyone["latest_vs_usual"] == one_question["latest_vs_usual"] == pytest.approx(after.pace_vs_usual, abs=0.001)


def test_a_pace_that_moved_inside_its_band_reads_in_range(home, take):
    ids = [S.save_analysis(make_analysis(rate=r), audio_path=None, home=home, session="x",
                           now=MONDAY + timedelta(hours=i)) for i, r in enumerate([125, 150, 190])]
    rows = {}
    for pair in ((ids[0], ids[1]), (ids[1], ids[2])):
        out = CliRunner().invoke(cli, ["compare", *map(str, pair)], env={"COLUMNS": "100"}).output
        rows[pair] = next(ln for ln in out.splitlines() if ln.startswith("pace"))
    assert rows[(ids[0], ids[1])].endswith("+25  = in range")  # 125 -> 150 wpm: both good
    assert rows[(ids[1], ids[2])].endswith("+40  ▼ left the range")  # 150 -> 190: too fast, from inside it
    # 190 -> 150 back into the band, and a slow 90 -> 125 up toward it: the figure went up and
    # the word says where it went, not a bare "better" beside a pace that rose
    more = [S.save_analysis(make_analysis(rate=r), audio_path=None, home=home, session="x",
                            now=MONDAY + timedelta(hours=5 + i)) for i, r in enumerate([90, 118])]
    row = next(ln for ln in run("compare", *map(str, more)).output.splitlines() if ln.startswith("pace"))
    assert row.endswith("+28  ▲ nearer the range")


def test_two_practice_runs_in_one_minute_get_two_names(home):
    from furikaeri.questions import get_set

    qset = get_set("en-basic")
    with Store.open(home) as st:
        loops = [S._Loop(st, qset, 1, None, None, None, lambda e: None, "en", None, None, None) for _ in range(2)]
        names = [st.session(lp._session(MONDAY)).name for lp in loops]
    assert names[0] != names[1] and names[1] == names[0] + " (2)"


def test_compare_of_two_questions_names_both(home, take):
    ids = [S.save_analysis(make_analysis(question=q), audio_path=None, home=home, session="x",
                           now=MONDAY + timedelta(hours=i)) for i, q in enumerate(["Why this industry?", "Tell me about yourself."])]
    out = flat(run("compare", *map(str, ids)).output)
    assert f"#{ids[0]} Why this industry?" in out and "two different questions" in out
    assert "your fix" not in out


def test_an_archive_in_japanese_is_spoken_to_in_japanese(home, take):
    S.save_analysis(make_analysis("私の強みは粘り強さです", lang="ja"), audio_path=None, home=home, now=MONDAY)
    assert "質問セット" in run("questions").output
    assert "以降" in run("progress", "--since", "2030-01-01").output
    assert "question sets" in run("questions", "--lang", "en").output
    logged = run("reflect", "-c", "さくら商事", "-q", "自己紹介をどうぞ", "-a", "田中です", "--no-prompt").output
    assert "回答: 田中です" in logged


def test_an_attempt_in_another_language_is_no_before(home, take):
    """Answered in English, then (auto-detected) in Japanese: the Japanese answer still shows,
    with no comparison across languages; compare --question takes the language with two."""
    ids = [S.save_analysis(make_analysis(text, lang=lang, question="Tell me about yourself."), audio_path=None,
                           home=home, now=MONDAY + timedelta(hours=i))
           for i, (text, lang) in enumerate([("I study physics", "en"), ("物理を勉強しています", "ja"),
                                             ("I build robots", "en")])]
    shown = run("show", str(ids[1]))
    assert shown.exit_code == 0 and "物理" in shown.output
    assert json.loads(run("show", str(ids[1]), "--json").output)["previous"] is None
    assert json.loads(run("show", str(ids[2]), "--json").output)["previous"]["before"]["id"] == ids[0]
    assert run("compare", "--question", "yourself").output.startswith(f"#{ids[0]} ")


def test_compare_wraps_the_changed_phrases_under_their_label(home, take):
    first = make_analysis("I grew up in Osaka and I studied physics at a small university near the sea", question="Q?")
    second = make_analysis("My greatest strength is patience which I learned while teaching children to swim",
                           question="Q?")
    ids = [S.save_analysis(a, audio_path=None, home=home, session="x", now=MONDAY + timedelta(hours=i))
           for i, a in enumerate([first, second])]
    lines = CliRunner().invoke(cli, ["compare", *map(str, ids)], env={"COLUMNS": "50"}).output.splitlines()
    start = next(i for i, ln in enumerate(lines) if "− dropped:" in ln)
    indent = lines[start].index("dropped:") + len("dropped: ")
    rest = lines[start + 1:]
    assert rest and rest[0].startswith(" " * indent) and rest[0].strip()  # continues under the phrases


def test_an_older_note_is_shown_and_checked_when_the_last_attempt_has_none(home, take):
    from furikaeri.questions import get_set

    q = get_set("en-basic").questions[0]
    with Store.open(home) as st:
        b = S.before_attempt(st, q, now=MONDAY)
        assert b.previous is None and b.noted is None and b.attempts == 0
        sid = st.create_session("s", now=MONDAY)
        a1, _ = S.record_answer(st, session_id=sid, question_id=b.question_id, audio_path=take,
                                analysis=make_analysis(fpm=6.0).to_dict(), note="fewer fillers", now=MONDAY)
        a2, fix2 = S.record_answer(st, session_id=sid, question_id=b.question_id, audio_path=None,
                                   analysis=make_analysis(fpm=5.0).to_dict(), now=MONDAY + timedelta(days=1))
        assert fix2.verdict == "better" and fix2.previous_answer_id == a1
        b = S.before_attempt(st, q)
        assert (b.previous.id, b.noted.id, b.attempts) == (a2, a1, 2)
        _, fix3 = S.record_answer(st, session_id=sid, question_id=b.question_id, audio_path=None,
                                  analysis=make_analysis(fpm=1.0).to_dict(), now=MONDAY + timedelta(days=2))
    assert fix3.note == "fewer fillers" and fix3.previous_answer_id == a2
    assert [(c.metric, c.before, c.after, c.verdict) for c in fix3.changes] == [("fillers_per_min", 5.0, 1.0, "better")]
    from furikaeri.report.history import previous_line

    assert previous_line(b, "en").endswith("your note (2026-11-23): fewer fillers")
    assert "4.1" not in previous_line(b, "en") and "5.0 fillers/min" in previous_line(b, "en")


def test_after_answer_remarks_on_own_pace_and_zero_fillers(home):
    ids = [S.save_analysis(make_analysis(rate=r, fpm=0.0), audio_path=None, home=home, session="s",
                           now=MONDAY + timedelta(hours=i)) for i, r in enumerate([140, 150, 145, 190])]
    with Store.open(home) as st:
        after = PR.after_answer(st, ids[-1])
        assert after.usual_pace == 145 and after.pace_vs_usual == pytest.approx(0.31, abs=0.01)
        assert after.zero_filler_streak == 4
        calm = PR.after_answer(st, ids[2])  # 145 against 140, 150, 190: within 15 %
        assert calm.pace_vs_usual is None


def test_the_usual_pace_said_after_an_answer_is_the_usual_shown_beside_it(home):
    rates = [100] * 12 + [150] * 10 + [200]  # a long slow spell long ago, then ten answers at 150
    ids = [S.save_analysis(make_analysis(rate=r), audio_path=None, home=home, session="s",
                           now=MONDAY + timedelta(hours=i)) for i, r in enumerate(rates)]
    with Store.open(home) as st:
        after = PR.after_answer(st, ids[-1])
    assert after.usual_pace == after.usual["wpm"] == 150


def test_exports(home, take):
    seed_week(home, take)
    with Store.open(home) as st:
        data = json.loads(X.export(st, "json"))
        rows = list(csv.DictReader(io.StringIO(X.export(st, "csv"))))
        md = X.export(st, "md")
    assert data["format"] == "furikaeri-export" and len(data["answers"]) == 6
    assert data["answers"][0]["analysis"]["stats"]["fillers_per_min"] == 4.1
    assert len(rows) == 6 and rows[0]["fillers_per_min"] == "4.1"
    assert rows[0]["note_next_time"] == "get to the point, under 90 seconds"
    assert "## Monday" in md and "## Thursday" in md and "get to the point" in md


def test_plan_picks_and_limits():
    from furikaeri.errors import UsageError
    from furikaeri.questions import get_set

    s = get_set("ja-basic")
    assert [q.id for q in S.plan(s, limit=3)] == ["jikoshokai", "gakuchika", "jiko-pr"]
    assert [q.id for q in S.plan(s, only=["jiko-pr", "jikoshokai"])] == ["jiko-pr", "jikoshokai"]
    assert sorted(q.id for q in S.plan(s, shuffle=True, seed=3)) == sorted(q.id for q in s.questions)
    with pytest.raises(UsageError, match="no question nope"):
        S.plan(s, only=["nope"])


# --------------------------------------------------------------------------- CLI (no model)


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def flat(text: str) -> str:
    """Output with rich's line wrapping undone (words joined by one space)."""
    return " ".join(text.split())


def test_read_commands_json(home, take):
    ids = seed_week(home, take)
    h = json.loads(run("history", "--json").output)
    assert [s["name"] for s in h] == ["Thursday", "Monday"] and len(h[1]["answers"]) == 3
    shown = json.loads(run("show", str(ids[4]), "--json").output)
    assert shown["id"] == ids[4] and shown["analysis"]["transcript"].startswith("thursday")
    assert shown["previous"]["before"]["id"] == ids[1]
    assert shown["previous"]["fix"]["verdict"] == "better"
    c = json.loads(run("compare", str(ids[0]), str(ids[3]), "--json").output)
    changes = {x["metric"]: x for x in c["changes"]}
    assert changes["answer_s"]["delta"] == -28 and changes["over_s"]["verdict"] == "better"
    s = json.loads(run("compare", "--sessions", "Monday", "Thursday", "--json").output)
    assert len(s["pairs"]) == 3
    q = json.loads(run("compare", "--question", "Why do you want", "--json").output)
    assert q["fix"]["verdict"] == "worse"
    p = json.loads(run("progress", "--json").output)
    assert p["overall"][0]["attempts"] == 6 and len(p["questions"]) == 3
    pq = json.loads(run("progress", "--question", "en-basic:intro", "--json").output)
    assert pq["overall"][0]["attempts"] == 2
    n = json.loads(run("note", str(ids[3]), "--why", "had a plan", "--json").output)
    assert n["why"] == "had a plan"
    assert json.loads(run("note", str(ids[3]), "--json").output)["why"] == "had a plan"  # read only
    assert json.loads(run("note", str(ids[5]), "--json").output) is None
    qs = json.loads(run("questions", "--json").output)
    assert {"en-basic", "ja-basic"} <= {s["name"] for s in qs["sets"]}


def test_read_commands_render(home, take):
    ids = seed_week(home, take)
    out = flat(run("history").output)
    assert "Thursday" in out and "slow down" in out
    out = run("progress").output
    assert "fillers" in out and "better" in out and any(ch in out for ch in "▁▂▃▄▅▆▇█")
    out = flat(run("compare", "--question", "strength").output)
    assert "your fix worked" in out and "added" in out
    out = run("show", str(ids[1])).output
    assert "fewer fillers" in out
    out = run("progress", "--lang", "ja").output
    assert "フィラー" in out and "自己ベスト" in out


def test_an_archive_of_two_languages_labels_each_part_in_its_own(home, take):
    """History and progress without --lang: an English session in English, a Japanese one in
    Japanese; --lang puts everything in one."""
    S.save_analysis(make_analysis(question="Tell me about yourself."), audio_path=take, session="mock-en",
                    home=home, now=MONDAY)
    S.save_analysis(make_analysis("私の強みは粘り強さです", lang="ja", rate=300.0, question="自己PRをしてください。"),
                    audio_path=take, session="模擬面接", home=home, now=THURSDAY)
    out = flat(run("history").output)
    assert "length (s)" in out and "長さ（秒）" in out and "話速（拍/秒）" in out and "6.7" in out  # 300 字/分 as written
    out = flat(run("progress").output)
    assert "overall (English) 1 attempt" in out and "全体（日本語）1回" in out and "質問 2 · 1回" in out
    out = flat(run("history", "--lang", "en").output)
    assert "長さ（秒）" not in out and out.count("length (s)") == 2
    out = run("progress", "--question", "自己PR").output  # one question: its block, not the same again as "overall"
    # the built-in 「自己PRをお願いします。」's question (one question, however it was asked: k9 #7), as its set words it
    assert out.startswith("自己PRをお願いします。 質問 2") and "全体" not in out


def test_compare_takes_two_attempts_in_one_language(home, take):
    en = S.save_analysis(make_analysis(), audio_path=take, home=home, now=MONDAY)
    ja = S.save_analysis(make_analysis("私の強みは粘り強さです", lang="ja"), audio_path=take, home=home, now=THURSDAY)
    for args, says in [((str(en), str(en)), f"answer {en} twice"), ((str(en), str(ja)), "in one language")]:
        r = CliRunner().invoke(cli, ["compare", *args])
        assert r.exit_code == 2 and says in r.output and "Traceback" not in r.output


def test_export_files(home, take, tmp_path):
    seed_week(home, take)
    for fmt in ("json", "csv", "md"):
        target = tmp_path / f"out.{fmt}"
        r = run("export", "--format", fmt, "--out", str(target))
        assert r.exit_code == 0 and target.exists()
    assert target.read_text(encoding="utf-8").startswith("# furikaeri")
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for spreadsheets
    assert len(json.loads((tmp_path / "out.json").read_text())["answers"]) == 6


def test_export_through_a_link_a_pipe_and_a_full_disk(home, take, tmp_path):
    """A symlink's target is written and the link kept; a FIFO is written through, not replaced
    by a file; a device that is full (/dev/full) is an error, never "wrote"."""
    import os
    import threading

    seed_week(home, take)
    target, link = tmp_path / "journal.md", tmp_path / "link.md"
    target.write_text("old")
    link.symlink_to(target)
    assert run("export", "-f", "md", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# furikaeri")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    assert run("export", "-o", str(fifo)).exit_code == 0
    reader.join(10)
    assert json.loads(got[0])["format"] == "furikaeri-export" and fifo.is_fifo()
    if Path("/dev/full").exists():
        r = CliRunner().invoke(cli, ["export", "-o", "/dev/full"])
        assert r.exit_code == 2 and "disk full while writing /dev/full" in r.output
        assert Path("/dev/full").is_char_device()


def test_errors_are_one_line_exit_2(home, take):
    seed_week(home, take)
    for args, text in [
        (("show", "999"), "no answer 999"),
        (("show", "abc"), "not an answer number"),
        (("compare", "1"), "two answer ids"),
        (("compare", "--sessions", "Monday", "Nope"), "no session"),
        (("compare", "--question", "never asked"), "no practised question"),
        (("practice", "--set", "nope", "--from-files", str(take)), "no question set"),
        (("practice", "--set", "en-basic", "--company", "x"), "not both"),
        (("progress", "--since", "someday"), "cannot read the date"),
        (("questions", "add", "missing.toml"), "no such question file"),
        (("note", "1"), "the input ended before a prompt was answered: give the answers as options (see `cli note --help`)"),  # a prompt with nothing on stdin: not click's "Aborted!"
        (("export", "--out", str(home / "no-such-folder" / "a.csv")), "no-such-folder/a.csv: there is no folder"),
        (("reflect", "-c", "X", "-q", "q", "--date", "2999-01-01"), "after today"),
        (("reflect", "-c", "X", "-q", "q", "--recording", str(take)), "not an audio file"),
        (("show", "99999999999999999999"), "no answer 99999999999999999999"),
        (("compare", "--first", "1", "2"), "--first goes with --question"),
        (("practice", "--set", "en-basic", "--from-files", str(take)), "not an audio file"),
        (("practice", "--set", "en-basic", "-n", "1", "--note", "a", "--note", "b"), "2 --note for 1 question"),
        (("analyze", str(take), "-q", "en-basic:nosuch"), "no question 'nosuch' in the set en-basic: its questions"),
        (("reflect", "-q", ""), "nothing to log"),
        (("reflect", "-c", "", "-q", "Why?"), "--company is empty"),
        (("analyze", str(take), "--budget", "0"), "analyze --help`)"),  # click's, in one line
        (("export", "-o", str(home)), "is a directory"),
        (("--home", "", "history"), "--home is empty"),
    ]:
        r = CliRunner().invoke(cli, list(args))
        assert r.exit_code == 2, (args, r.output)
        assert text in r.output and "Traceback" not in r.output
        assert len([ln for ln in r.output.splitlines() if ln.startswith("furikaeri: error")]) == 1


def test_an_input_that_ends_before_anything_is_typed_is_said_once(home, take):
    """Enter on the first part as it was, then the end of the input: nothing was typed, so it is
    the input ending (one error line, exit 2), not "the parts you typed are saved" beside "no note
    yet: add one with `furikaeri note N`" (the command just run), exit 0."""
    seed_week(home, take)
    with Store.open(home) as st:
        before = st.note(1)
    r = CliRunner().invoke(cli, ["note", "1"], input="\n")
    assert r.exit_code == 2 and "the input ended" in r.output, r.output
    assert "parts you typed" not in r.output and "no note yet" not in r.output
    with Store.open(home) as st:
        assert st.note(1) == before
    r = CliRunner().invoke(cli, ["note", "1"], input="it ran long\n")  # a part typed, then the end: kept
    assert r.exit_code == 0 and "parts you typed are saved" in r.output, r.output
    with Store.open(home) as st:
        assert st.note(1).wrong == "it ran long" and st.note(1).next_time == before.next_time


def test_a_budget_that_is_no_number_is_refused(home, take):
    """click's FloatRange lets nan through; a NaN budget would print invalid JSON and be saved."""
    for value in ("nan", "inf", "0"):
        r = CliRunner().invoke(cli, ["analyze", str(take), "--budget", value, "--save"])
        assert r.exit_code == 2 and "--budget" in r.output and "Traceback" not in r.output
    assert not (home / "furikaeri.db").exists()


def test_a_failed_save_leaves_no_copy_of_the_audio(home, take, monkeypatch):
    """The disk fills while the audio is copied, or the database refuses the answer: no half
    copy (nor an orphan whole one) stays in the archive's audio folder."""
    import errno
    import shutil

    def copy_half(src, dst):
        Path(dst).write_bytes(Path(src).read_bytes()[:4])
        raise OSError(errno.ENOSPC, "No space left on device", str(dst))

    monkeypatch.setattr(shutil, "copy2", copy_half)
    with pytest.raises(OSError):
        S.save_analysis(make_analysis(), audio_path=take, home=home, now=MONDAY)
    assert list((home / "audio").iterdir()) == []
    monkeypatch.undo()
    monkeypatch.setenv("FURIKAERI_HOME", str(home))

    def refuse(*a, **k):
        raise S.StoreError("cannot write to the database: disk I/O error")

    monkeypatch.setattr(Store, "add_answer", refuse)
    with pytest.raises(S.StoreError):
        S.save_analysis(make_analysis(), audio_path=take, home=home, now=MONDAY)
    assert list((home / "audio").iterdir()) == [] and take.exists()


def test_damaged_database_via_cli(home):
    home.mkdir(parents=True)
    (home / "furikaeri.db").write_bytes(b"\x00garbage" * 1000)
    r = CliRunner().invoke(cli, ["history"])
    assert r.exit_code == 2 and "damaged" in r.output and "furikaeri.db.damaged-" in r.output


def test_home_option_on_the_group_wins(home, tmp_path, take):
    other = tmp_path / "other"
    if not any(p.name == "home" for p in cli.params):
        pytest.skip("the group has no --home option yet")
    seed_week(other, take)
    h = json.loads(run("--home", str(other), "history", "--json").output)
    assert len(h) == 2 and not (home / "furikaeri.db").exists()


def test_reflect_and_company(home, tmp_path):
    f = tmp_path / "sakura.toml"
    f.write_text(
        '[company]\nname = "さくら商事"\nlanguage = "ja"\nasks = ["なぜ商社なのですか。"]\n'
        'atmosphere = "穏やか"\nto_ask = ["若手の裁量について"]\n', encoding="utf-8")
    assert run("questions", "add", str(f)).exit_code == 0
    r = run("reflect", "-c", "さくら商事", "--date", "2026-11-20", "--stage", "一次面接",
            "-q", "学生時代に力を入れたことを教えてください。", "-a", "サークルの新歓", "-q", "逆質問はありますか",
            "--reaction", "深掘りが多かった", "--to-fix", "結論から話す", "--json")
    iv = json.loads(r.output)
    assert iv["company"] == "さくら商事" and len(iv["items"]) == 2 and iv["items"][1]["answer"] == ""
    info = json.loads(run("questions", "company", "さくら商事", "--json").output)
    assert info["archive"]["atmosphere"] == "穏やか" and len(info["interviews"]) == 1
    out = run("questions", "company", "さくら商事").output
    assert "深掘りが多かった" in out and "若手の裁量" in out
    # the questions asked in the real interview join the company's practice set
    with Store.open(home) as st:
        from furikaeri.questions import get_company

        qset = CO.company_questions(st, get_company("さくら商事", home / "questions"))
    assert [q.text for q in qset.questions] == ["なぜ商社なのですか。", "学生時代に力を入れたことを教えてください。",
                                                "逆質問はありますか"]
    hist = json.loads(run("history", "--interviews", "--json").output)
    assert hist[0]["to_fix"] == "結論から話す"


def test_reflect_prompts(home):
    r = run("reflect", "--prompt", "--lang", "ja",
            input="Acme\n一次\n\n志望動機は?\n御社の製品が好きで\n\n笑顔が多かった\n具体例が言えた\n数字を入れる\n")
    assert r.exit_code == 0, r.output
    iv = json.loads(run("history", "--interviews", "--json").output)[0]
    assert iv["company"] == "Acme" and iv["items"] == [{"question": "志望動機は?", "answer": "御社の製品が好きで"}]
    assert (iv["reaction"], iv["went_well"], iv["to_fix"]) == ("笑顔が多かった", "具体例が言えた", "数字を入れる")


def test_prompts_go_to_stderr_so_json_stays_json(home):
    r = CliRunner().invoke(cli, ["reflect", "--prompt", "--json"], input="Acme\nfinal\n\nWhy us?\nYour product\n\nok\nw\nf\n")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["company"] == "Acme"
    assert "company" in r.stderr and "what you answered" in r.stderr


@pytest.mark.model
def test_reflect_asked_for_with_json_is_saved(home):
    """--reflect is asked for: --json does not silently drop it (the prompts go to stderr)."""
    (take,) = need_samples("en_greatest_strength.flac")
    r = CliRunner().invoke(cli, ["practice", "--set", "en-basic", "--only", "strength", "--from-files", str(take),
                                 "--reflect", "--json"], input="ran over\nnerves\nbreathe first\n")
    assert r.exit_code == 0, r.output
    (answer,) = json.loads(r.stdout)["answers"]
    with Store.open(home) as st:
        n = st.note(answer["answer_id"])
    assert (n.wrong, n.why, n.next_time) == ("ran over", "nerves", "breathe first")


def test_an_input_that_ends_midway_keeps_what_was_typed(home, take):
    """A real interview logged step by step, the input ending at the interviewer's reaction:
    the company, stage, question and answer are kept (and said so), not thrown away."""
    r = run("reflect", "--prompt", "--lang", "ja", input="テスト会社\n一次\n\n質問A\n回答A\n\n反応\n")
    assert r.exit_code == 0, r.output
    assert "面接記録 1 として保存しました" in r.stderr
    iv = json.loads(run("history", "--interviews", "--json").output)[0]
    assert iv["company"] == "テスト会社" and iv["items"] == [{"question": "質問A", "answer": "回答A"}]
    assert iv["reaction"] == "反応" and iv["to_fix"] in ("", None)
    # the input ending before the first question: the company and stage typed are kept
    r = run("reflect", "--prompt", input="ACME\nfinal\n")
    assert r.exit_code == 0, r.output
    assert json.loads(run("history", "--interviews", "--json").output)[0]["company"] == "ACME"
    # nothing typed at all: nothing saved, one error line
    r = run("reflect", "--prompt", input="")
    assert r.exit_code == 2 and "the input ended" in r.output
    assert len(json.loads(run("history", "--interviews", "--json").output)) == 2
    # the note: the first part typed, the input ending there; the other parts stay as they were
    ids = seed_week(home, take)
    r = run("note", str(ids[0]), input="ran over by 40 s\n")
    assert r.exit_code == 0, r.output
    with Store.open(home) as st:
        n = st.note(ids[0])
    assert (n.wrong, n.next_time) == ("ran over by 40 s", "get to the point, under 90 seconds")


def test_note_prompts_edit_current_text(home, take):
    ids = seed_week(home, take)
    r = run("note", str(ids[0]), input="ran over\n\n\n")
    assert r.exit_code == 0, r.output
    with Store.open(home) as st:
        n = st.note(ids[0])
    assert (n.wrong, n.why, n.next_time) == ("ran over", "", "get to the point, under 90 seconds")


def test_every_command_has_help_with_examples():
    import click

    names = ["practice", "reflect", "history", "show", "note", "compare", "progress", "export", "questions"]
    for name in names:
        cmd = cli.commands[name]
        assert cmd.help and "Examples:" in cmd.help and "\b" in cmd.help, name
        if isinstance(cmd, click.Group):
            for sub in cmd.commands.values():
                assert "Examples:" in sub.help, sub.name


# --------------------------------------------------------------------------- end to end, real model


def need_audio(*names):
    missing = [n for n in names if not (AUDIO / n).exists()]
    if missing:
        pytest.skip(f"shared recordings not found ({AUDIO}): {', '.join(missing)}")
    return [AUDIO / n for n in names]


SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def need_samples(*names):
    missing = [n for n in names if not (SAMPLES / n).exists()]
    if missing:
        pytest.skip(f"samples not made yet (samples/make_samples.py): {', '.join(missing)}")
    return [SAMPLES / n for n in names]


def add_set(tmp_path, name, lang, questions):
    body = f'[set]\nname = "{name}"\nlanguage = "{lang}"\n'
    for qid, text, budget in questions:
        body += f'\n[[questions]]\nid = "{qid}"\ntext = "{text}"\nbudget = {budget}\n'
    f = tmp_path / f"{name}.toml"
    f.write_text(body, encoding="utf-8")
    r = run("questions", "add", str(f))
    assert r.exit_code == 0, r.output


@pytest.mark.model
def test_input_ending_at_a_reflection_prompt_keeps_the_answer_and_what_was_typed(home):
    """The prompts say Enter skips: an ended input (or Ctrl-C) there is no reason to lose the
    analysed answer; what was typed is its note, and no more prompts are asked."""
    (take,) = need_samples("en_greatest_strength.flac")
    r = run("practice", "--set", "en-basic", "--only", "strength", "--from-files", str(take), "--reflect",
            input="ran over\n")
    assert r.exit_code == 0, r.output
    assert "no more reflection prompts" in r.output
    (answer,) = [a for s in json.loads(run("history", "--json").output) for a in s["answers"]]
    assert answer["note"]["wrong"] == "ran over"


@pytest.mark.model
def test_monday_thursday_english(home, tmp_path):
    """Three questions on Monday with reflections typed at the prompts; again on Thursday; the
    rambling answer to "weakness" (over its 30 s budget, full of fillers) is replaced by a
    tighter one, and practice, compare and progress all say so."""
    jfk, en2 = need_audio("en/jfk.flac", "conversation/reazon_test_en_2.wav")
    rambling, tight, intro = need_samples("en_weakness_over_budget.flac", "en_greatest_strength.flac",
                                          "en_tell_me_about_yourself.flac")
    add_set(tmp_path, "mock-en", "en", [("weakness", "What is your greatest weakness?", 30),
                                        ("intro", "Tell me about yourself.", 60),
                                        ("strength", "What is your greatest strength?", 60)])
    r = run("practice", "--set", "mock-en", "--from-files", str(rambling), str(en2), str(jfk), "--reflect",
            "--session", "Monday", "--now", "2026-11-23T09:00:00+00:00",
            input="ran over, lots of uh\nno plan\nfewer fillers; get to the point in 30 seconds\n"
                  "too casual\n\n\n\n\n\n")
    assert r.exit_code == 0, r.output
    assert r.output.count("first attempt at this question") == 3
    again = own_take(jfk, tmp_path)  # the same answer recorded again: a take of its own
    r = run("practice", "--set", "mock-en", "--from-files", str(tight), str(intro), str(again), "--no-reflect",
            "--session", "Thursday", "--now", "2026-11-26T18:00:00+00:00")
    assert r.exit_code == 0, r.output
    out = flat(r.output)
    assert "last time (2026-11-23" in out
    assert "your note: next time: fewer fillers; get to the point in 30 seconds (ran over, lots of uh / no plan)" in out
    # "uh" names every hesitation sound (QA s46 AA #4): 2 uh and 1 um, then 1 um
    assert "your fix is working: better, though not yet where it should be: 'uh' (um/uh): 3 (4.9/min) → 1 (2.7/min)" in out
    assert "fillers: 8.2/min → 2.7/min ▲ better" in out
    assert "over budget:" in out  # the filler the note names, then the fillers overall
    with Store.open(home) as st:
        answers = st.answers(full=True)
    assert len(answers) == 6
    mon = {a.question_key: a for a in answers[:3]}
    thu = {a.question_key: a for a in answers[3:]}
    assert mon["mock-en:weakness"].metrics["over_budget"] == 1 and thu["mock-en:weakness"].metrics["over_budget"] == 0
    assert thu["mock-en:weakness"].metrics["fillers_per_min"] < mon["mock-en:weakness"].metrics["fillers_per_min"]
    assert "country" in thu["mock-en:strength"].transcript.lower()
    assert all(Path(a.audio_path).parent == home / "audio" and Path(a.audio_path).exists() for a in answers)

    c = json.loads(run("compare", "--question", "weakness", "--json").output)
    ch = {x["metric"]: x for x in c["changes"]}
    w_mon, w_thu = mon["mock-en:weakness"].metrics, thu["mock-en:weakness"].metrics
    assert ch["answer_s"]["delta"] == pytest.approx(w_thu["answer_s"] - w_mon["answer_s"], abs=0.01)
    assert ch["over_s"]["verdict"] == "better" and ch["fillers_per_min"]["verdict"] == "better"
    assert c["fix"]["verdict"] == "better"
    # "get to the point in 30 seconds": the seconds to the point against 30 s, no limit on the answer (QA s54 AK #1)
    assert {x["metric"] for x in c["fix"]["changes"]} == {"filler_word", "fillers_per_min", "opening_s", "over_s"}
    assert c["text"]["added"] and c["text"]["removed"] and c["text"]["kept_share"] < 0.5
    out = flat(run("compare", "--question", "weakness").output)
    assert "your fix is working" in out and "what the answer said differently" in out

    p = json.loads(run("progress", "--json").output)
    assert p["overall"][0]["attempts"] == 6 and len(p["questions"]) == 3
    weak = next(b for b in p["questions"] if b["title"] == "What is your greatest weakness?")
    series = {s["metric"]: s for s in weak["series"]}
    assert series["fillers_per_min"]["trend"]["verdict"] == "better"
    assert series["fillers_per_min"]["best"]["answer_id"] == thu["mock-en:weakness"].id
    out = flat(run("progress").output)
    assert "What is your greatest weakness?" in out and "▲ better" in out
    out = flat(run("compare", "--sessions", "Monday", "Thursday").output)
    assert "session means" in out and "What is your greatest weakness?" in out

    # analyze --save joins the same archive and the same question (with another take: the file
    # practice saved is one recording, not saved again)
    import soundfile as sf

    friday = tmp_path / "friday.wav"
    sf.write(friday, *sf.read(jfk, dtype="int16"), subtype="PCM_16")
    r = run("analyze", str(friday), "--question", "What is your greatest strength?", "--save", "--session", "Friday",
            "--note", "keep it")
    assert r.exit_code == 0, r.output
    with Store.open(home) as st:
        last = max(st.answers(), key=lambda a: a.id)  # saved "now", which is before the scripted Thursday
    assert last.session_name == "Friday" and last.question_key == "mock-en:strength" and last.note.next_time == "keep it"
    assert "your previous attempt at this question is answer " in r.output and f" {last.id}\n" in r.output


@pytest.mark.model
def test_monday_thursday_japanese(home, tmp_path):
    """The same week in Japanese: a ガクチカ over its 30 s budget with many fillers on Monday, a
    tighter answer on Thursday; notes given with --note; Japanese labels throughout."""
    cv1, cv2, cv3 = need_audio(*(f"ja/common_voice_ja_{n}_16k.wav" for n in ("38833628", "38843402", "38852485")))
    rambling, tight, jikopr = need_samples("ja_gakuchika_over_budget.flac", "ja_jikoshoukai.flac", "ja_jikopr.flac")
    add_set(tmp_path, "mock-ja", "ja", [("gakuchika", "学生時代に力を入れたことは何ですか。", 30),
                                        ("jikoshokai", "自己紹介をお願いします。", 30),
                                        ("jiko-pr", "自己PRをしてください。", 60)])
    r = run("practice", "--set", "mock-ja", "--from-files", str(rambling), str(cv1), str(jikopr), "--session", "月曜",
            "--note", "結論から話す。えーを減らす", "--note", "もっとゆっくり話す", "--note", "具体例を入れる",
            "--now", "2026-11-23T09:00:00+00:00")
    assert r.exit_code == 0, r.output
    assert r.output.count("この質問は初めてです") == 3 and "面接練習の振り返り" in r.output
    r = run("practice", "--set", "mock-ja", "--from-files", str(tight), str(cv2), str(cv3),
            "--session", "木曜", "--now", "2026-11-26T18:00:00+00:00")
    assert r.exit_code == 0, r.output
    out = flat(r.output)
    assert "前回（2026-11-23" in out and "あなたのメモ: 結論から話す。えーを減らす" in out
    assert "メモで狙った点が良くなりました" in out and ("目安超過:" in out or "フィラー:" in out)
    assert "話速（拍/秒）:" in out  # the check for "もっとゆっくり話す" reports the pace, in morae as graded
    with Store.open(home) as st:
        answers = st.answers()
    assert len(answers) == 6 and all(a.language == "ja" for a in answers)
    assert all(a.metrics["chars_per_min"] and a.metrics["morae_per_s"] for a in answers)
    c = json.loads(run("compare", "--question", "gakuchika", "--json").output)
    assert c["fix"]["verdict"] == "better"
    ch = {x["metric"]: x for x in c["changes"]}
    assert ch["over_s"]["verdict"] == "better" and ch["fillers_per_min"]["verdict"] == "better"
    assert c["text"]["added"] and c["text"]["removed"]
    s = json.loads(run("compare", "--sessions", "月曜", "木曜", "--json").output)
    assert len(s["pairs"]) == 3
    pace = next(x for x in s["pairs"][1]["changes"] if x["metric"] == "chars_per_min")
    assert (pace["before"], pace["after"]) == (answers[1].metrics["chars_per_min"], answers[4].metrics["chars_per_min"])
    out = flat(run("progress").output)
    assert "フィラー" in out and "自己ベスト" in out and "学生時代に力を入れたことは何ですか。" in out and "▲ 改善" in out
    out = flat(run("compare", "--question", "gakuchika").output)
    assert "メモで狙った点が良くなりました" in out and "話した内容の違い" in out
    md = run("export", "--format", "md").output
    assert "練習の記録" in md and "結論から話す" in md


def _mic_practice(pulse, home, *options):
    """The command line and environment for ``practice`` (one English question, no reflection,
    JSON out) recording from the private PulseAudio microphone into the archive at ``home``."""
    import sys

    env = dict(pulse.env)
    env["FURIKAERI_HOME"] = str(home)
    env.pop("FURIKAERI_DEBUG", None)
    code = "from furikaeri.cli import main\nmain()"
    cmd = [sys.executable, "-c", code, "practice", "--set", "en-basic", "--only", "intro", "--no-reflect",
           "--language", "en", "--json", *options]
    return cmd, env


@pytest.mark.mic
@pytest.mark.model
def test_practice_through_the_microphone(pulse, tmp_path):
    """``practice`` records from a real (PulseAudio) microphone: JFK is played into it, the take
    stops after 2 s of silence, lands in the archive's audio folder and is analysed and saved."""
    import subprocess
    import time

    jfk, = need_audio("en/jfk.flac")
    home = tmp_path / "mic-home"
    cmd, env = _mic_practice(pulse, home, "--stop-after-silence", "2", "--max-seconds", "25",
                             "--now", "2026-11-23T09:00:00+00:00")
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        takes = [f for f in (home / "audio").glob("*.wav") if f.stat().st_size > 16000]
        if takes:
            break
        time.sleep(0.05)
    else:
        p.kill()
        raise AssertionError("the take never started: " + p.communicate()[1])
    time.sleep(0.3)
    player = pulse.play(jfk)
    out, err = p.communicate(timeout=120)
    assert player.wait(10) == 0
    assert p.returncode == 0, err
    doc = json.loads(out)
    saved = doc["answers"][0]
    assert "not what your country can do" in " ".join(saved["analysis"]["transcript"].lower().replace(",", " ").split())
    with Store.open(home) as st:
        a = st.answer(saved["answer_id"])
    assert a.question_key == "en-basic:intro" and a.settings["source"] == "microphone"
    assert Path(a.audio_path).parent == home / "audio" and Path(a.audio_path).exists()
    assert a.metrics["answer_s"] == pytest.approx(11.0, abs=1.5)


@pytest.mark.mic
@pytest.mark.model
def test_a_silent_take_through_the_microphone_is_not_kept(pulse, tmp_path):
    """Nothing is played into the microphone: the take holds no speech, nothing is saved, and
    the silent recording does not stay behind in the archive's audio folder."""
    import subprocess

    home = tmp_path / "mic-home"
    cmd, env = _mic_practice(pulse, home, "--max-seconds", "5")
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    (answer,) = json.loads(r.stdout)["answers"]
    assert answer["answer_id"] is None and answer["skipped"] == "no speech"
    assert not list((home / "audio").glob("*.wav"))
    with Store.open(home) as st:
        assert st.answers() == []


def test_company_without_a_file_practises_the_logged_questions(home):
    from furikaeri.companies import set_from_interviews as _set_from_interviews
    from furikaeri.errors import QuestionError

    run("reflect", "-c", "Acme", "-q", "Why Acme?", "-q", "Tell me about a conflict.", "--no-prompt")
    run("reflect", "-c", "Acme", "-q", "Why Acme?", "-q", "Where in five years?", "--no-prompt")
    with Store.open(home) as st:
        qset = _set_from_interviews(st, "Acme")
        assert qset.language == "en" and qset.company.name == "Acme"
        # the newest interview's questions first, each question once
        assert [q.text for q in qset.questions] == ["Why Acme?", "Where in five years?", "Tell me about a conflict."]
        assert all(q.budget_s == 120 for q in qset.questions)
        with pytest.raises(QuestionError, match="no company file"):
            _set_from_interviews(st, "Nobody")
    # a built-in question asked in a real interview keeps its budget (QA: 自己紹介 got 60 s, not 30)
    run("reflect", "-c", "さくら商事", "-q", "自己紹介をお願いします", "-q", "ガクチカを教えてください", "--no-prompt")
    with Store.open(home) as st:
        budgets = {q.text: q.budget_s for q in _set_from_interviews(st, "さくら商事").questions}
    assert budgets == {"自己紹介をお願いします": 30.0, "ガクチカを教えてください": 60.0}


def _answers(metric: str, values) -> list[Answer]:
    return [Answer(id=i + 1, session_id=1, session_name="s", question_id=1, question="q", question_key=None,
                   created_at=f"2026-12-0{i + 1}T10:00:00", audio_path=None, transcript="", language="ja",
                   model="base", settings={}, metrics={metric: v}) for i, v in enumerate(values)]


def test_band_trend_is_judged_by_distance_to_the_band():
    """The values' own ends (4.4 -> 6.9 拍/秒) come nearer the band while the attempts moved away
    from it (the latest far past it): the trend is worse, as compare of the first and the last says.
    The Japanese pace is judged in 拍/秒, as the report grades it; 字/分 are shown, not judged."""
    m = M.METRIC_BY_NAME["morae_per_s"]
    s = PR.series(m, _answers("morae_per_s", [4.7, 4.1, 4.2, 9.6]))
    assert s.trend.after > s.trend.before and s.trend.verdict == "worse"
    assert M.change(m, 4.7, 9.6).verdict == "worse"
    # into the band from below: better; from too slow to as much too fast: neither
    assert PR.series(m, _answers("morae_per_s", [4.0, 4.9, 6.6])).trend.verdict == "better"
    # from under the band to over it: past it, as compare says (QA s43 A #1)
    assert PR.series(m, _answers("morae_per_s", [4.4, 9.0])).trend.verdict == "overshot"
    cpm = M.METRIC_BY_NAME["chars_per_min"]
    assert PR.series(cpm, _answers("chars_per_min", [211.7, 184.2, 191.2, 432.2])).trend.verdict == "n/a"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_note_check_says_better_but_not_yet_and_never_leaves_a_sentence_open(lang):
    from rich.console import Console

    from furikaeri.report.history import render_fix

    def said(fix):
        c = Console(width=100, record=True)
        render_fix(c, fix, lang)
        return c.export_text().strip()

    over = M.METRIC_BY_NAME["over_s"]
    still_over = N.FixCheck(1, "30秒以内", True, (M.change(over, 82.0, 57.0),), "better")
    inside = N.FixCheck(1, "30秒以内", True, (M.change(over, 82.0, -3.0),), "better")
    nothing = N.FixCheck(1, "笑顔を意識する", False, (), "unknown")
    texts = {"en": ("not yet where it should be", "your fix worked", "no figure changed"),
             "ja": ("まだ目標には届いていません", "メモで狙った点が良くなりました", "変化した項目もありません")}[lang]
    assert texts[0] in said(still_over) and said(still_over).splitlines()[0].endswith(":")
    assert texts[1] in said(inside) and texts[0] not in said(inside)
    assert said(nothing).endswith(texts[2])


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_history_keeps_japanese_questions_readable_with_their_notes(home, take, columns):
    S.save_analysis(make_analysis("学生時代はえーと部活を", lang="ja", question="学生時代に力を入れたことを教えてください。"), audio_path=take, home=home,
                    note="「あの」が多い　まだ癖が抜けない", session="模擬", now=MONDAY)
    S.save_analysis(make_analysis("自己紹介です", lang="ja", question="自己紹介をお願いします。"), audio_path=take,
                    home=home, session="模擬", now=MONDAY + timedelta(minutes=1))
    out = CliRunner().invoke(cli, ["history"], env={"COLUMNS": str(columns)}).output
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= columns, out
    assert "話速（拍/秒）" in out and "長さ（秒）" in out  # headers whole
    assert not any(line.strip()[:1] in "。、）」" for line in lines if line.strip()), out  # kinsoku
    assert "学生時代に力を" in out and "ください。" in out and "メモ: 「あの」" in out
    assert (columns >= 80) == ("日時" in out)  # a narrow terminal leaves the time to the session's title


def test_an_answer_that_ends_the_session_is_saved_and_no_more_questions_are_asked(home, take):
    from furikaeri import questions as Q

    qset = Q.get_set("en-basic")
    asked = []

    def record(index, q, budget, now):
        asked.append(q.id)
        return S.AnswerAudio(take, recorded=False, last=index == 1)  # Ctrl-C during the second answer

    with Store.open(home) as st:
        result = S.run_session(st, qset, list(qset.questions[:4]), record=record,
                               analyse=lambda path, lang, budget, question: make_analysis(question=question),
                               language="en", budget=None, model="base", session_name=None, now=MONDAY)
        assert len(asked) == 2 and len(result.answers) == 2 and result.ended_after == 2 and result.asked == 4
        assert all(a["answer_id"] for a in result.answers) and len(st.answers()) == 2
    assert result.to_dict()["ended_after"] == 2


@pytest.mark.mic
@pytest.mark.model
def test_ctrl_c_while_answering_ends_the_practice_session_with_the_answer_saved(pulse, tmp_path):
    """Ctrl-C (SIGINT) during the first of two questions: that answer is analysed and saved,
    the second question is never asked, and the session ends normally."""
    import signal
    import subprocess
    import time

    jfk, = need_audio("en/jfk.flac")
    home = tmp_path / "mic-home"
    cmd, env = _mic_practice(pulse, home, "--only", "strength", "--max-seconds", "40")
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not [f for f in (home / "audio").glob("*.wav") if f.stat().st_size > 16000]:
        time.sleep(0.05)
    player = pulse.play(jfk)
    assert player.wait(20) == 0
    time.sleep(1.0)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130  # ended before its last question: 130 once the answer is kept, err
    doc = json.loads(out)
    assert doc["ended_after"] == 1 and len(doc["answers"]) == 1, err
    (answer,) = doc["answers"]
    assert answer["answer_id"] and answer["question"]["id"] == "intro"
    assert "not what your country can do" in " ".join(answer["analysis"]["transcript"].lower().replace(",", " ").split())
    with Store.open(home) as st:
        assert [a.id for a in st.answers()] == [answer["answer_id"]]


@pytest.mark.model
def test_fewer_files_than_the_questions_asked_for_is_said(home):
    """QA: `-n 2` with one file answered one question with no word about the second."""
    (take,) = need_samples("en_greatest_strength.flac")
    r = CliRunner().invoke(cli, ["practice", "--set", "en-basic", "-n", "2", "--from-files", str(take),
                                 "--no-reflect", "--json"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    assert "the files answer the first 1 of the 2 questions asked for (one file each)" in r.stderr
    assert len(json.loads(r.stdout)["answers"]) == 1


@pytest.mark.model
def test_the_note_check_is_shown_before_the_next_note_is_asked(home, tmp_path):
    """QA: the reflection ("what went wrong / why / next time") was asked before the check of
    last time's note was shown: the person wrote the next note without knowing if the fix worked."""
    (take,) = need_samples("en_greatest_strength.flac")
    base = ["practice", "--set", "en-basic", "--only", "strength", "--from-files"]
    assert run(*base, str(take), "--no-reflect", "--note", "fewer ums").exit_code == 0
    r = run(*base, str(own_take(take, tmp_path / "takes")), "--reflect", input="still some\n\n\n")
    assert r.exit_code == 0, r.output
    out = r.output
    check = min(out.find(t) for t in ("your fix", "no change yet on what your note", "what your note targeted",
                                      "still where it should be", "partly:") if t in out)
    assert 0 <= check < out.index("what went wrong"), out
    doc = json.loads(run("history", "--json").output)
    assert any(a["note"] and a["note"]["wrong"] == "still some" for s in doc for a in s["answers"])


@pytest.mark.mic
@pytest.mark.model
def test_a_take_stopped_at_once_with_nothing_said_is_a_question_skipped(pulse, tmp_path):
    """QA s44 H #2: Enter or Ctrl-C pressed at once, nothing said (practice has no skip key)
    was told "is the microphone muted or too far?"; it is a question skipped, said so. (Without
    a terminal Enter is not read: Ctrl-C, which also ends the session, stops the take here.)"""
    import signal
    import subprocess
    import time

    home = tmp_path / "mic-home"
    cmd, env = _mic_practice(pulse, home, "--max-seconds", "20")
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not [f for f in (home / "audio").glob("*.wav") if f.stat().st_size > 32000]:
        time.sleep(0.05)  # a second recorded
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    assert p.returncode in (0, 130), (out, err)
    assert len(json.loads(out)["answers"]) == 1, (out, err)
    (answer,) = json.loads(out)["answers"]
    assert answer["answer_id"] is None and answer["skipped"] == "skipped", answer
    assert "question skipped: nothing said, nothing saved" in " ".join(err.split()) and "mic-check" not in err, err
    assert not list((home / "audio").glob("*.wav"))
