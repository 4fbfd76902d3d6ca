"""A noisy room, after QA s38 F: the pauses found there are not judged (soft sounds at their
edges are lost in the noise and they read long), the filler verdict is not given where the
sounds left in doubt would change it, and real Japanese in a room with a little echo is not
"Indonesian"."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

import realclips
from furikaeri.analysis import OTHER_LANGUAGE_P, OTHER_TONGUE_P, other_language_spans
from furikaeri.measure import _fillers_verdict
from furikaeri.norms import fillers_level


def _stats(count: int, doubt: int, answer_s: float):
    return SimpleNamespace(filler_count=count, fillers_unconfirmed=doubt,
                           fillers_per_min=round(count * 60.0 / answer_s, 2))


@pytest.mark.parametrize("count, doubt, answer_s, level, norm", [
    (2, 10, 96.0, "n/a", "not judged: 10 more in doubt, see below"),  # 1.2/min "good", 7.5 with them (F #2)
    (0, 17, 101.0, "n/a", "not judged: 17 more in doubt, see below"),
    (2, 1, 34.4, "ok", "or worse: 1 more in doubt; ≤ 2/min"),  # 3.5 or 5.2/min: fair at least (V #6)
    (17, 0, 96.0, "high", "≤ 2/min"),
    (4, 1, 100.0, "ok", "≤ 2/min"),  # 2.4 or 3.0/min: ok either way, judged as it is
    (17, 5, 112.0, "high", "≤ 2/min"),
    (2, 0, 96.0, "good", "≤ 2/min")])
def test_the_filler_verdict_never_says_good_where_the_sounds_in_doubt_would_make_it_worse(count, doubt, answer_s,
                                                                                          level, norm):
    v = _fillers_verdict(_stats(count, doubt, answer_s), answer_s, "en", short=False)
    assert (v.level, v.norm) == (level, norm), v
    ja = _fillers_verdict(_stats(count, doubt, answer_s), answer_s, "ja", short=False)
    assert ("ほかにフィラーらしい音が" in ja.norm) == (norm != "≤ 2/min"), ja
    assert _fillers_verdict(_stats(count, doubt, answer_s), answer_s, "en", short=True).level == "n/a"


def _windows(*tops):
    return [(10.0 * i, 10.0 * (i + 1), dict(scores)) for i, scores in enumerate(tops)]


def test_a_language_neither_of_ours_must_be_sure_past_095():
    """F #3: a 0.4-s echo made real Japanese 0.85 Indonesian; a voice behind it, 0.93."""
    ja = {"ja": 0.9}
    assert OTHER_LANGUAGE_P < 0.85 < 0.93 < OTHER_TONGUE_P
    assert other_language_spans(_windows(ja, ja, {"id": 0.85, "ja": 0.05}), "ja") == ()
    assert other_language_spans(_windows(ja, {"id": 0.93}, ja), "ja") == ()
    # English inside a Japanese answer keeps the bar it had; German said for real is 0.98-1.00
    (en,) = other_language_spans(_windows(ja, {"en": 0.85}, ja), "ja")
    assert (en.language, en.start, en.end) == ("en", 10.0, 20.0)
    (de,) = other_language_spans(_windows({"en": 0.99}, {"de": 0.85, "en": 0.14}, {"de": 1.0}, {"de": 0.99}), "en")
    assert (de.language, de.start, de.end) == ("de", 10.0, 40.0)  # its first window, 0.85, beside a sure one


@pytest.mark.model
def test_in_a_noisy_room_pauses_are_found_not_judged_and_no_good_stands_beside_a_doubtful_count(shared):
    """F #1: pink noise 10 dB under a real English answer read its silent share 24 % -> 44 % and
    rated the pauses "high" beside a warning that they were "still measured well"."""
    from furikaeri.analysis import analyze_audio
    from furikaeri.coach import focus_of

    audio, truth = realclips.real_l2(shared, "en_ALL_115_M_TUR_ENG_ST2")
    a = analyze_audio(realclips.in_steady_noise(audio, truth, 10.0), language="en")
    noisy = [w for w in a.warnings if w.startswith("The room is noisy")]
    assert noisy and "may read longer than they were" in noisy[0] and "measured well" not in noisy[0], a.warnings
    assert a.pauses and a.verdicts["pauses"].level == "n/a", a.verdicts["pauses"]
    assert a.verdicts["pauses"].norm == "not judged: in noise they read long"
    assert not [t for t in a.tips if "pause" in t.lower() or "silen" in t.lower()], a.tips
    focus = focus_of(a)
    assert focus is None or focus.metric not in ("longest_pause_s", "silence_share"), focus
    # QA s43 D #2: nor the fillers, half of them false in such noise: counted, shown, not judged
    assert a.verdicts["fillers"].level == "n/a", a.verdicts["fillers"]
    assert a.verdicts["fillers"].norm.startswith("not judged: in noise")
    assert not [t for t in a.tips if "filler" in t.lower()], a.tips
    assert focus is None or focus.metric != "fillers_per_min", focus
    # V #3: the speech between the lengthened pauses is short too: no pace "without pauses", and no
    # tip that blames the pauses for a slow pace
    assert a.rate.articulation_wpm is None, a.rate
    assert not [t for t in a.tips if "the silences slow it down" in t], a.tips
    from furikaeri.store import metrics_from_analysis

    stored = metrics_from_analysis(a.to_dict())  # V #2: no reference, no best, from a figure not judged
    assert stored["long_pauses"] is None and stored["longest_pause_s"] is None and stored["articulation_wpm"] is None
    assert stored["answer_s"] == a.answer_s and stored["wpm"] == a.rate.wpm
    assert stored["fillers_per_min"] is None and stored["filler_count"] is None


def _doc(**verdicts):
    return {"answer_s": 40.0, "budget_s": 60.0, "rate": {"wpm": 130.0}, "language": "en", "schema": 8,
            "stats": {"fillers_per_min": 1.5, "filler_count": 1, "long_pauses": 3, "longest_pause_s": 2.8},
            "verdicts": {k: {"level": v, "norm": ""} for k, v in verdicts.items()}}


def test_figures_the_report_does_not_judge_are_stored_blank():
    """V #2: a noisy take's 0.0 fillers a minute became a personal best, and a clean take of the
    same speech was "worse" against it."""
    from furikaeri.store import metrics_from_analysis

    judged = metrics_from_analysis(_doc(pauses="high", fillers="good"))
    assert (judged["long_pauses"], judged["long_pauses_per_min"], judged["fillers_per_min"]) == (3, 4.5, 1.5)
    noisy = metrics_from_analysis(_doc(pauses="n/a", fillers="good"))
    assert (noisy["long_pauses"], noisy["long_pauses_per_min"], noisy["longest_pause_s"], noisy["fillers_per_min"]) \
        == (None, None, None, 1.5)
    doubt = metrics_from_analysis(_doc(pauses="good", fillers="n/a"))
    assert (doubt["fillers_per_min"], doubt["filler_count"], doubt["long_pauses"]) == (None, None, 3)
    short = metrics_from_analysis({**_doc(pauses="good", fillers="n/a"), "answer_s": 1.5})
    assert short["fillers_per_min"] == 1.5  # too short for a rate: progress sets it aside already
    loud = metrics_from_analysis({**_doc(pauses="high", fillers="good"), "room_untrusted": True})
    assert loud["fillers_per_min"] is None and loud["long_pauses"] is None and loud["wpm"] is None
    # nor its length, which its warning says may be far off (QA s55 AO #2: 9.7 s of 33 said, "▼ worse")
    assert loud["answer_s"] is None and loud["over_s"] is None and loud["budget_s"] is not None
    # nor its voice (QA s55 AQ #6: a loud room's pitch spread was the personal best)
    voice = {"pitch_spread_st": 3.4, "monotone_share": 0.0, "loudness_range_db": 10.8}
    loud = metrics_from_analysis({**_doc(pauses="high", fillers="good"), "room_untrusted": True, "voice": voice})
    assert loud["pitch_spread_st"] is None and loud["monotone_share"] is None and loud["loudness_range_db"] is None
    quiet = metrics_from_analysis({**_doc(pauses="high", fillers="good"), "voice": voice})
    assert quiet["pitch_spread_st"] == 3.4 and quiet["loudness_range_db"] == 10.8


# ----------------------------------------------------------------------------- QA s38 W


def test_a_filler_count_that_is_a_lower_bound_is_stored_blank_too():
    """W #6: "fair (or worse)" 3.5/min became the best, and a clean 5.2 "the same"."""
    from furikaeri.store import metrics_from_analysis

    doc = {**_doc(pauses="good", fillers="ok"), "answer_s": 34.4}
    doc["stats"] = {**doc["stats"], "filler_count": 2, "fillers_per_min": 3.49, "fillers_unconfirmed": 1}
    assert metrics_from_analysis(doc)["fillers_per_min"] is None
    doc["stats"]["fillers_unconfirmed"] = 0
    assert metrics_from_analysis(doc)["fillers_per_min"] == 3.49


def test_a_noisy_rooms_silences_are_not_said_to_be_long():
    """W #3: "your silences are long already" on a share the report does not judge."""
    from furikaeri.advice import silences_too_long

    a = {"verdicts": {"pauses": {"level": "n/a"}}, "stats": {"silence_share": 0.44}, "rate": {"wpm": 130.0}}
    assert not silences_too_long(a, "en")
    assert silences_too_long({**a, "verdicts": {"pauses": {"level": "high"}}}, "en")


@pytest.mark.parametrize("lang, level, said, not_said", [
    ("en", "low", "Slow pace (84 wpm). Aim for 120–160", "between pauses"),
    ("ja", "low", "話す速さが遅めです", "話している部分"),
    ("en", "high", "Fast pace (190 wpm). Aim for 120–160", "between pauses")])
def test_a_pace_tip_names_no_cause_where_the_pace_between_pauses_is_unknown(lang, level, said, not_said):
    """W #2: in a noisy room the rate without pauses is left out, and the slow-pace tip said the
    words themselves were slow."""
    from furikaeri.advice import _rate_tip
    from furikaeri.lang import get_rules
    from furikaeri.measure import Verdict

    key = get_rules(lang).rate_key
    value = {"wpm": 84.0 if level == "low" else 190.0, "morae_per_s": 3.8}[key]
    m = SimpleNamespace(verdicts={"rate": Verdict(level, "")}, rate=get_rules(lang).rate_type(**{key: value}),
                        pauses=(), stats=None, transcript="", words=())
    _, tip = _rate_tip(m, lang)
    assert tip.startswith(said) and not_said not in tip, tip


@pytest.mark.parametrize("lang, said", [
    ("en", "the figures your note names were not judged in the earlier answer"),
    ("ja", "メモの項目は、前回の回答で判定していない数値です")])
def test_a_note_on_figures_left_unjudged_says_so_not_that_a_row_is_damaged(lang, said):
    """W #1: "its row in the archive is damaged" where a noisy take's pauses were left blank."""
    from rich.console import Console

    from furikaeri import notes as N
    from furikaeri.report import history as H
    from furikaeri.store import Answer, Note

    before = {"answer_s": 100.0, "budget_s": 60.0, "wpm": 130.0, "long_pauses": None, "long_pauses_per_min": None,
              "longest_pause_s": None}
    prev = Answer(1, 1, "", 1, "Q", None, "", None, "", lang, "base", {}, before,
                  Note(1, 1, "", "", "fewer long pauses" if lang == "en" else "長い間を減らす", "", ""))
    fix = N.check_fix(prev, {**before, "long_pauses": 5, "long_pauses_per_min": 3.0, "longest_pause_s": 1.9}, lang)
    assert fix.verdict == "unknown" and fix.unjudged == fix.to_dict()["unjudged"] == "earlier", fix  # X #4: which
    out = Console(width=200, record=True)
    H.render_fix(out, fix, lang)
    text = out.export_text()
    assert said in text and "damaged" not in text and "破損" not in text, text


def test_a_filler_count_in_doubt_past_the_norm_is_still_the_focus():
    """X #2: the lower bound stored blank left a noisy take with no focus at all, though 3.5
    fillers a minute at least is past the norm."""
    from furikaeri.analysis import Analysis
    from furikaeri.coach import focus_of
    from furikaeri.lang import get_rules
    from furikaeri.measure import Stats, Verdict
    from furikaeri.store import metrics_from_analysis

    def take(doubt: int) -> Analysis:
        stats = Stats(filler_count=4, fillers_per_min=4.0, fillers_unconfirmed=doubt, word_count=140)
        return Analysis(file="t.wav", language="en", duration_s=61.0, speech_detected=True, latency_s=0.5,
                        answer_s=60.0, budget_s=90.0, over_budget=False, transcript="x", stats=stats,
                        rate=get_rules("en").rate_type(wpm=140.0, articulation_wpm=160.0),
                        verdicts={"fillers": Verdict("ok", ""), "rate": Verdict("good", "")})

    assert metrics_from_analysis(take(2).to_dict())["fillers_per_min"] is None  # 4 or 6 a minute: stored blank
    assert focus_of(take(2)).metric == "fillers_per_min" == focus_of(take(0)).metric


@pytest.mark.parametrize("lang, said", [
    # a noisy room's fillers blank for the room, as its report said (QA s43 F #5), not for sounds in doubt
    ("en", "– not judged in #1: in a noisy room pauses read long; in a noisy room soft fillers are missed and noise "
           "passes for some"),
    ("ja", "–：#1では判定していない値です（雑音の中では間が長めに測られるため、")])
def test_compare_says_why_a_figure_is_blank(lang, said):
    """W #7 (s39): a figure stored blank showed "–" with no reason in compare and show."""
    from rich.console import Console

    from furikaeri.compare import compare_answers
    from furikaeri.report import history as H
    from furikaeri.store import Answer, metrics_from_analysis, unjudged_figures

    noisy = {**_doc(pauses="n/a", fillers="n/a"), "language": lang}
    clean = {**_doc(pauses="high", fillers="good"), "language": lang}

    def answer(id_, doc, when):
        return Answer(id_, 1, "", 1, "Q", None, when, None, "", lang, "base", {}, metrics_from_analysis(doc),
                      unjudged=unjudged_figures(doc))

    cmp = compare_answers(answer(1, noisy, "2026-12-01 10:00"), answer(2, clean, "2026-12-02 10:00"))
    out = Console(width=200, record=True)
    H.render_compare_answers(out, cmp, lang)
    text = out.export_text()
    assert said in text, text
    again = compare_answers(answer(1, clean, "2026-12-01 10:00"), answer(2, clean, "2026-12-02 10:00"))
    out = Console(width=200, record=True)
    H.render_compare_answers(out, again, lang)
    assert "not judged" not in out.export_text() and "判定していない" not in out.export_text()


@pytest.mark.parametrize("lang, said", [("en", "not judged in #2 and #3"), ("ja", "#2と#3では判定していない値です")])
def test_history_says_what_a_blank_rate_means(lang, said):
    """W #7 (s39): history's "–" for the fillers of a take whose count was left in doubt."""
    from rich.console import Console

    from furikaeri.report import history as H

    def answer(id_, fillers):
        return {"id": id_, "created_at": "2026-12-05T10:00:00Z", "question": "Why us?", "language": "en",
                "note": None, "metrics": {"answer_s": 50.0, "budget_s": 60.0, "fillers_per_min": fillers, "wpm": 130.0}}

    def shown(*answers):
        console = Console(record=True, width=120, color_system=None)
        H.render_history(console, [{"id": 1, "name": "s", "started_at": "2026-12-05T10:00:00Z", "company": None,
                                    "answers": list(answers)}], lang)
        return console.export_text()

    out = shown(answer(1, 2.0), answer(2, None), answer(3, None))
    assert said in " ".join(out.split()) and "show 2" in out, out  # Y #3 (s39): every such answer named
    assert said not in shown(answer(1, 2.0), answer(2, 1.0))


def test_an_answer_loaded_without_its_analysis_knows_its_unjudged_figures(tmp_path):
    """QA s39 Y #1: compare and show load the answers light (no analysis), so the footnote of
    the test above never appeared: what is unjudged is read from the archive's SQLite file."""
    from furikaeri.store import Store

    with Store.open(tmp_path / "home") as st:
        sid = st.create_session("s")
        noisy = st.add_answer(sid, {**_doc(pauses="n/a", fillers="n/a"), "transcript": "x", "words": []})
        loud = st.add_answer(sid, {**_doc(pauses="high", fillers="good"), "room_untrusted": True, "transcript": "x"})
        clean = st.add_answer(sid, {**_doc(pauses="high", fillers="good"), "transcript": "x"})
        for full in (False, True):
            got = {i: st.answer(i, full=full).unjudged for i in (noisy, loud, clean)}
            assert set(got[noisy]) == {"long_pauses", "long_pauses_per_min", "longest_pause_s", "fillers_per_min",
                                       "filler_count"}, got
            assert "wpm" in got[loud] and got[clean] == (), got
        st.db.execute("UPDATE answers SET analysis_json = '{not json' WHERE id = ?", (noisy,))
        assert st.answer(noisy, full=False).unjudged == ()


@pytest.mark.model
def test_a_room_too_loud_to_rate_gives_no_articulation_rate_either(shared):
    """QA s47 CC #4: the articulation rate was null in a noisy room and given (269 wpm) in one
    too loud to rate anything, whose pauses are no surer."""
    from furikaeri.analysis import analyze_audio

    audio, truth = realclips.real_l2(shared, "en_ALL_115_M_TUR_ENG_ST2")
    a = analyze_audio(realclips.in_steady_noise(audio, truth, 0.0), language="en")
    assert a.room_untrusted, a.warnings
    assert a.rate.articulation_wpm is None and a.rate.wpm is not None, a.rate
