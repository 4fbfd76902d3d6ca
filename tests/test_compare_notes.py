"""The comparison views and the note check agree with each other and with the norms.

QA's defects, one section each: a note that pulls a figure away from its band (no "worse"
beside "better" for one figure), a filler count's jitter read as a change, excerpts cut inside
a word, sessions compared across languages, and a note about fearing silence read as a note
about pauses. No Whisper model: answers are built by hand, archives through
:func:`furikaeri.session.save_analysis`.
"""

from __future__ import annotations

import ast
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri import compare as C
from furikaeri import metrics as M
from furikaeri import notes as N
from furikaeri import session as S
from furikaeri.analysis import Analysis
from furikaeri.cli import cli
from furikaeri.errors import FurikaeriError, UsageError
from furikaeri.lang import get_rules
from furikaeri.lang import text as lang_text
from furikaeri.measure import Filler, Pause, Stats, Verdict
from furikaeri.store import Answer, Note, Store
from furikaeri.transcribe import Word

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)
SRC = Path(__file__).resolve().parents[1] / "src" / "furikaeri"


def make_analysis(text="I study physics and I build robots", *, lang="en", answer_s=60.0, budget_s=60.0,
                  fillers=0, rate=150.0, long_pauses=1, question=None):
    """A hand-made analysis: ``fillers`` fillers over ``answer_s`` seconds."""
    words = tuple(Word(f" {w}" if lang == "en" else w, i * 0.4, i * 0.4 + 0.3) for i, w in
                  enumerate(text.split() if lang == "en" else list(text)))
    r = get_rules(lang).rate_type(**({"wpm": rate, "articulation_wpm": rate + 25} if lang == "en" else
                                     {"chars_per_min": rate, "morae_per_s": round(rate / 45, 2),
                                      "articulation_morae_per_s": 8.0}))
    found = tuple(Filler("um" if lang == "en" else "えー", 1.0, 1.2) for _ in range(fillers))
    return Analysis(
        file="take.wav", language=lang, duration_s=answer_s + 1.0, speech_detected=True, latency_s=0.7,
        answer_s=answer_s, budget_s=budget_s, over_budget=answer_s > budget_s, transcript=text, words=words,
        fillers=found, pauses=(Pause(2.0, 3.5, "long", "mid"),) * long_pauses, rate=r,
        stats=Stats(filler_count=fillers, fillers_per_min=round(fillers / (answer_s / 60), 2),
                    long_pauses=long_pauses,
                    long_pauses_per_min=round(long_pauses / (answer_s / 60), 2), very_long_pauses=0, longest_pause_s=1.5,
                    word_count=len(words)),
        verdicts={"rate": Verdict("good", "120-160 wpm")}, question=question, model="base",
    )


def answer(id_, metrics, *, note=None, qid=1, lang="en", transcript="", at=MONDAY):
    n = Note(1, id_, "", "", note, "", "") if note else None
    return Answer(id_, 1, "s", qid, "Q?", "k", at.isoformat(), None, transcript, lang, "base", {}, dict(metrics), n)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def flat(text: str) -> str:
    """Output with rich's line wrapping undone (words joined by one space)."""
    return " ".join(text.split())


def save(home, analysis, *, session, note=None, minutes=0):
    return S.save_analysis(analysis, audio_path=None, session=session, note=note, home=home,
                           now=MONDAY + timedelta(minutes=minutes))


# --------------------------------------------------------------------------- 1. a note against the norm

MPS = M.METRIC_BY_NAME["morae_per_s"]  # the Japanese pace a note is judged on, as the report grades it


def test_a_note_that_pulls_away_from_the_band_says_both_in_one_verdict():
    # 「ゆっくり」 at 4.6 拍/秒, under the 5.3-8 band: faster is against the note, toward the band
    assert N.pulls_away(MPS, 4.6, "lower") and not N.pulls_away(MPS, 9.0, "lower")
    assert not N.pulls_away(MPS, 6.5, "lower") and N.pulls_away(MPS, 9.0, "higher")
    assert N.note_change(MPS, 4.6, 5.0, "lower").verdict == "toward_norm"
    assert N.note_change(MPS, 4.6, 4.0, "lower").verdict == "away_from_norm"  # as asked, off the band
    assert N.note_change(MPS, 4.6, 4.8, "lower").verdict == "same"
    assert N.note_change(MPS, 5.1, 9.0, "lower").verdict == "worse"  # against the note and past the band
    # a note toward the band keeps its own verdicts
    assert N.note_change(MPS, 9.0, 7.0, "lower").verdict == "better"
    assert N.note_change(MPS, 9.0, 9.6, "lower").verdict == "worse"


def test_a_note_followed_past_the_band_says_so_rather_than_worse():
    # 「ゆっくり」 from 6.0 (inside 5.3-8) to 5.0: done as asked, now under the band
    assert N.note_change(MPS, 6.0, 5.0, "lower").verdict == "overshot"
    assert N.note_change(MPS, 9.0, 4.0, "lower").verdict == "overshot"  # from above, further past the far side
    assert N.note_change(MPS, 9.0, 5.0, "lower").verdict == "overshot"  # nearer the band, but past it
    assert N.note_change(M.METRIC_BY_NAME["wpm"], 80, 176, "higher").verdict == "overshot"  # QA: read "better"
    assert N.note_change(MPS, 9.0, 7.0, "lower").verdict == "better"  # into the band
    assert N.note_change(MPS, 6.0, 5.6, "lower").verdict == "better"  # still inside
    assert N.note_change(MPS, 6.0, 8.5, "higher").verdict == "overshot"
    assert N.note_change(MPS, 6.0, 8.5, "lower").verdict == "worse"  # against the note
    prev = answer(1, {"morae_per_s": 6.0}, note="もっとゆっくり話す", lang="ja")
    fix = N.check_fix(prev, {"morae_per_s": 5.0}, "ja")
    assert fix.verdict == "overshot" and fix.changes[0].verdict == "overshot"
    # beside a target that got worse it is no excuse; beside one that got better, partly
    prev = answer(1, {"wpm": 150.0, "fillers_per_min": 2.0, "filler_count": 2, "answer_s": 60},
                  note="fewer fillers, slow down")
    fix = N.check_fix(prev, {"wpm": 100.0, "fillers_per_min": 8.0, "filler_count": 8, "answer_s": 60}, "en")
    assert [c.verdict for c in fix.changes] == ["worse", "overshot"] and fix.verdict == "worse"
    fix = N.check_fix(prev, {"wpm": 100.0, "fillers_per_min": 0.0, "filler_count": 0, "answer_s": 60}, "en")
    assert fix.verdict == "overshot"  # 2.0 -> 0.0 fillers a minute: held where it should be (<= 2), not better
    prev = answer(1, {"wpm": 150.0, "fillers_per_min": 4.0, "filler_count": 4, "answer_s": 60},
                  note="fewer fillers, slow down")
    fix = N.check_fix(prev, {"wpm": 100.0, "fillers_per_min": 0.0, "filler_count": 0, "answer_s": 60}, "en")
    assert fix.verdict == "mixed"


def slow_down(home, before: float, after: float) -> tuple[int, int]:
    """Two attempts at one Japanese question, the first noted 「ゆっくり話す」, at these paces."""
    q = "自己PRをしてください。"
    a = save(home, make_analysis("私の強みは粘り強さです", lang="ja", rate=before, question=q),
             session="月曜", note="ゆっくり話す")
    b = save(home, make_analysis("私の強みは粘り強さです", lang="ja", rate=after, question=q),
             session="木曜", minutes=60)
    return a, b


def test_an_overshot_note_reads_as_done_and_past_the_range(furikaeri_home):
    a, b = slow_down(furikaeri_home, 270, 225)  # 6.0 -> 5.0 拍/秒 (make_analysis: 字/分 over 45)
    doc = json.loads(run("compare", str(a), str(b), "--json").output)
    assert doc["fix"]["verdict"] == "overshot"
    out = flat(run("compare", str(a), str(b)).output)
    assert "メモどおりに変わりましたが、目安の範囲を通り越しました" in out and lang_text("ja", "overshot") in out
    out = flat(run("compare", str(a), str(b), "--lang", "en").output)
    assert "you did what your note asked, and went past the recommended range" in out and lang_text("en", "overshot") in out


def test_the_note_check_never_says_worse_where_the_table_says_better():
    prev = answer(1, {"morae_per_s": 4.6}, note="もっとゆっくり話す", lang="ja")
    fix = N.check_fix(prev, {"morae_per_s": 5.0}, "ja")
    table = M.change(MPS, 4.6, 5.0)
    assert table.verdict == "better"
    assert [c.verdict for c in fix.changes] == ["toward_norm"] and fix.verdict == "off_norm"
    d = fix.to_dict()["changes"][0]
    assert d["want"] == "lower" and d["note_pulls_away_from"] == [5.3, 8.0]
    # followed the note, off the band: the table says worse, the check does not say better
    fix = N.check_fix(prev, {"morae_per_s": 4.0}, "ja")
    assert M.change(MPS, 4.6, 4.0).verdict == "worse" and fix.changes[0].verdict == "away_from_norm"
    # with another target that improved, the one that went against the note leaves it partly done
    # (not "your fix worked": the pace went the other way), and so does one that went as asked but
    # away from the range (QA s50 NN #2: 「メモで狙った点が良くなりました」 over a slow pace slowed further)
    prev = answer(1, {"wpm": 100.0, "fillers_per_min": 8.0, "filler_count": 8, "answer_s": 60},
                  note="fewer fillers, slow down")
    fix = N.check_fix(prev, {"wpm": 130.0, "fillers_per_min": 2.0, "filler_count": 2, "answer_s": 60}, "en")
    assert [c.verdict for c in fix.changes] == ["better", "toward_norm"] and fix.verdict == "mixed"
    fix = N.check_fix(prev, {"wpm": 90.0, "fillers_per_min": 2.0, "filler_count": 2, "answer_s": 60}, "en")
    assert [c.verdict for c in fix.changes] == ["better", "away_from_norm"] and fix.verdict == "mixed"


def test_compare_shows_one_story_for_the_pace(furikaeri_home):
    a, b = slow_down(furikaeri_home, 154, 185)
    doc = json.loads(run("compare", str(a), str(b), "--json").output)
    table = {c["metric"]: c["verdict"] for c in doc["changes"]}
    check = {c["metric"]: c["verdict"] for c in doc["fix"]["changes"]}
    assert table["morae_per_s"] == "better" and check["morae_per_s"] == "toward_norm"
    assert table["chars_per_min"] == "n/a"  # shown, not judged: how many kanji Whisper wrote
    out = flat(run("compare", str(a), str(b)).output)
    assert "悪化" not in out and "メモとは逆ですが、目安の範囲に近づきました" in out
    assert "メモの向きは目安の範囲から離れる方向です" in out
    out = flat(run("compare", str(a), str(b), "--lang", "en").output)
    assert "worse" not in out and "against your note, but toward the recommended range" in out


# --------------------------------------------------------------------------- 2. a count's jitter

FPM = M.METRIC_BY_NAME["fillers_per_min"]


def fig(count, seconds):
    return {"filler_count": count, "fillers_per_min": round(count / (seconds / 60), 2), "answer_s": seconds}


@pytest.mark.parametrize(
    "before, after, verdict",
    [
        (fig(5, 32), fig(6, 32), "same"),  # QA: one recording heard twice
        (fig(6, 32), fig(5, 32), "same"),
        (fig(1, 60), fig(2, 60), "same"),  # one filler either way
        (fig(5, 32), fig(7, 32), "worse"),  # two more: more than the jitter
        (fig(10, 60), fig(7, 60), "better"),  # three fewer actually said
        (fig(8, 60), fig(2, 60), "better"),
        (fig(0, 60), fig(3, 60), "worse"),
        (fig(12, 120), fig(2, 60), "better"),
        (fig(2, 30), fig(1, 120), "better"),  # 4 -> 0.5 a minute: 1.75 fillers of the 30 s
        (fig(4, 20), fig(5, 40), "better"),  # QA: 12 -> 7.5 a minute read "same" (counts 4 and 5)
        (fig(1, 19), fig(5, 53), "same"),  # 3.2 -> 5.7 a minute: 0.8 of a filler in the 19 s
    ],
)
def test_a_filler_change_must_be_more_than_the_counts_jitter(before, after, verdict):
    c = M.change(FPM, before["fillers_per_min"], after["fillers_per_min"])
    assert N.settle_counts(c, before, after).verdict == verdict


def test_jitter_applies_to_the_table_the_note_check_and_the_focus_check():
    before, after = fig(5, 32), fig(6, 32)
    assert M.change(FPM, before["fillers_per_min"], after["fillers_per_min"]).verdict == "worse"  # unsettled
    a = answer(1, before, note="fewer fillers")
    b = answer(2, after, at=MONDAY + timedelta(hours=1))
    cmp = C.compare_answers(a, b)
    assert {c.metric: c.verdict for c in cmp.changes}["fillers_per_min"] == "same"
    assert cmp.fix.changes[0].verdict == "same" and cmp.fix.verdict == "same"
    # a note naming no figure lists what moved: the jitter did not move
    loose = N.check_fix(answer(1, before, note="smile"), after, "en")
    assert "fillers_per_min" not in [c.metric for c in loose.changes]
    # the focus check (progress.focus_then) judges by the same rule once its change is settled
    from furikaeri import progress as PR

    focus = PR.focus_then([Answer(**{**a.__dict__, "focus": "fillers_per_min"})], b)
    assert N.settle_counts(focus, a.metrics, b.metrics).verdict == "same"
    # a real change still shows
    assert N.check_fix(a, fig(1, 32), "en").verdict == "better"


def test_session_means_judge_fillers_by_their_counts(furikaeri_home):
    for i, n in enumerate((5, 4, 6)):
        save(furikaeri_home, make_analysis(answer_s=32, fillers=n, question=f"Question {i}?"), session="A", minutes=i)
    for i, n in enumerate((6, 5, 6)):
        save(furikaeri_home, make_analysis(answer_s=32, fillers=n, question=f"Question {i}?"), session="B",
             minutes=60 + i)
    with Store.open(furikaeri_home) as st:
        cmp = C.compare_sessions(st, "A", "B")
    means = {c.metric: c for c in cmp.means}
    assert M.change(FPM, means["fillers_per_min"].before, means["fillers_per_min"].after).verdict == "worse"
    assert means["fillers_per_min"].verdict == "same"
    assert all({c.metric: c.verdict for c in p.changes}["fillers_per_min"] == "same" for p in cmp.pairs)
    # two fillers fewer an answer, on average: a change
    assert N.within_jitter("fillers_per_min", [fig(6, 32), fig(5, 32)], [fig(4, 32), fig(3, 32)]) is False
    assert N.within_jitter("fillers_per_min", [fig(6, 32), fig(5, 32)], [fig(5, 32), fig(5, 32)]) is True


def length(answer_s, budget_s):
    return {"answer_s": answer_s, "budget_s": budget_s, "over_s": answer_s - budget_s}


@pytest.mark.parametrize("note, before, after, verdict, metric", [
    ("talk less", length(33.0, 90), length(41.3, 90), "worse", "answer_s"),  # QA: was "held", both in budget
    ("be more concise", length(19.0, 60), length(21.0, 60), "same", "answer_s"),  # +2 s: not a change
    ("be more concise", length(19.0, 60), length(26.0, 60), "worse", "answer_s"),
    ("talk less", length(40.0, 60), length(30.0, 60), "better", "answer_s"),
    ("talk less", length(22.0, 60), length(9.9, 60), "overshot", "answer_s"),  # now thin: "say more"
    ("I rambled", length(50.0, 60), length(51.0, 60), "same", "answer_s"),  # asked shorter, not done
    ("長すぎた", length(50.0, 60), length(35.0, 60), "better", "answer_s"),
    ("stay within the time", length(50.0, 60), length(51.0, 60), "held", "over_s"),  # the budget is the aim
    ("時間内に", length(50.0, 60), length(55.0, 60), "held", "over_s"),
    ("talk less", length(95.0, 60), length(62.0, 60), "better", "over_s"),  # over budget: the budget
])
def test_a_wish_to_talk_less_inside_the_budget_wants_a_shorter_answer(note, before, after, verdict, metric):
    fix = N.check_fix(answer(1, before, note=note), after, "ja" if note[0] > "~" else "en")
    assert [c.metric for c in fix.changes] == [metric] and fix.verdict == verdict, fix


@pytest.mark.parametrize("lang, said", [("en", "now short for its budget"), ("ja", "持ち時間に対して短すぎます")])
def test_an_answer_cut_too_short_is_said_as_short_not_past_a_range(lang, said):
    from rich.console import Console

    from furikaeri.report.history import render_fix

    fix = N.check_fix(answer(1, length(22.0, 60), note="talk less"), length(9.9, 60), "en")
    out = Console(width=100, record=True)
    render_fix(out, fix, lang)
    shown = out.export_text()
    assert said in shown and "range" not in shown and "範囲" not in shown, shown


def test_answers_to_two_questions_have_no_word_diff_in_json_either():
    """QA (session 29): compare of answers to different questions printed what was said
    differently between unrelated answers; the view leaves it out, and so does --json."""
    a = answer(1, {"answer_s": 30.0}, transcript="I study physics", qid=1)
    b = answer(2, {"answer_s": 31.0}, transcript="I build robots", qid=2, at=MONDAY + timedelta(hours=1))
    b = Answer(**{**b.__dict__, "question": "Another question?"})
    assert C.compare_answers(a, b).text is None and C.compare_answers(a, b).to_dict()["text"] is None
    again = Answer(**{**b.__dict__, "question_id": 1, "question": "Q?"})
    assert C.compare_answers(a, again).to_dict()["text"]["kept_share"] is not None


def test_session_mean_over_budget_does_not_hide_an_overrun(furikaeri_home):
    """Known in session 28: one answer 30 s over and three 20 s under averaged to 7.5 s under
    budget, so the session's means showed no overrun at all."""
    for session, lengths in (("A", (90, 40, 40, 40)), ("B", (60, 60, 60, 60))):
        for i, n in enumerate(lengths):
            save(furikaeri_home, make_analysis(answer_s=n, budget_s=60, question=f"Question {i}?"),
                 session=session, minutes=i + (60 if session == "B" else 0))
    with Store.open(furikaeri_home) as st:
        cmp = C.compare_sessions(st, "A", "B")
    over = {c.metric: c for c in cmp.means}["over_s"]
    assert (over.before, over.after) == (7.5, 0.0) and over.verdict == "better"


# --------------------------------------------------------------------------- 3. excerpts cut between words

EN_BEFORE = "I worked on a team project."
EN_AFTER = ("First of all, I would like to say that the shape of the team changed a lot over the year, "
            "and some people just left without a word. Then we rebuilt it from somewhere else entirely.")


def test_english_excerpts_end_on_a_whole_word():
    d = C.diff_text(EN_BEFORE, EN_AFTER, "en", max_chars=30)
    words = set(re.findall(r"[\w']+", EN_AFTER))
    assert any(r.endswith("…") for r in d.added)
    for run_ in d.added:
        assert len(run_) <= 30
        assert set(re.findall(r"[\w']+", run_)) <= words, run_  # no "shap", "ju", "some" of "somewhere"
        assert "…" not in run_[:-1] and not re.search(r"\s…$", run_)
    assert "First of all" in d.added  # short runs whole
    assert C.clip("We shaped the roadmap and justified it", 14) == "We shaped the…"
    assert C.clip("short", 40) == "short"


JA_BEFORE = "私はサークルの代表でした。"
JA_AFTER = ("私はサークルの代表として、新入生が定着してくれるようになりました。そこで、"
            "R24という企画を行ってくださいと頼まれ、ピクニックを開きました。")


def test_japanese_excerpts_keep_punctuation_and_end_on_a_phrase():
    d = C.diff_text(JA_BEFORE, JA_AFTER, "ja", max_chars=200)
    # whole phrases, as said: 「なりました」 (not 「なりまし」: its た matched 「でした」's), 「代表として」
    assert d.added == ("代表として、新入生が定着してくれるようになりました",  # in the order said
                       "そこで、R24という企画を行ってくださいと頼まれ、ピクニックを開きました")
    assert d.removed == ("代表でした",)
    phrase_ends = ("が", "を", "て", "た", "に", "と", "で", "は", "れ", "し", "いう")
    for n in (12, 20, 30):
        for run_ in C.diff_text(JA_BEFORE, JA_AFTER, "ja", max_chars=n).added:
            if not run_.endswith("…"):
                assert len(run_) <= n and run_ in d.added, run_  # short enough: whole
                continue
            head = run_[:-1]
            assert head in JA_AFTER and len(run_) <= n, run_
            nxt = JA_AFTER[JA_AFTER.index(head) + len(head):][:1]
            assert nxt in "、。" or head.endswith(phrase_ends), run_
            assert not head.endswith(("まし", "くれる", "くださ", "定着し", "行っ")), run_
    assert C.clip("新入生が定着してくれるようになりました", 12, "ja") == "新入生が…"
    assert C.clip("そこで、R24という企画を行ってくださいと頼まれ", 12, "ja") == "そこで、R24という…"
    assert C.clip("そこで、R24という企画を行ってくださいと頼まれ", 8, "ja") == "そこで…"


def test_a_change_inside_a_phrase_shows_the_whole_phrase():
    k = C.diff_text("ピクニックに行ったところ、雨が降ってきました。", "ピクニックに行ったところ、晴れていました。", "ja")
    assert k.removed == ("雨が降ってきました",) and k.added == ("晴れていました",)
    assert k.kept_share == pytest.approx(2 / 4, abs=0.01)  # word by word: ピクニック 行っ of ピクニック 行っ 雨 降っ
    d = C.diff_text("So um I study physics and I like robots", "I study physics and I build robots at home", "en")
    assert "So um" in d.removed and "at home" in d.added and "build" in d.added  # English: words


# --------------------------------------------------------------------------- 4. languages


def test_answers_in_two_languages_are_refused_in_one_language_per_message():
    a = answer(1, {}, lang="en")
    b = answer(5, {}, lang="ja", at=MONDAY + timedelta(hours=1))
    with pytest.raises(UsageError) as e:
        C.compare_answers(a, b)
    assert str(e.value) == "answer 1 is in English and answer 5 in Japanese: compare attempts in one language"
    assert e.value.said_in("ja") == "回答1は英語、回答5は日本語です。同じ言語の回答どうしを比べてください"


def test_sessions_in_two_languages_are_refused_like_answers(furikaeri_home):
    save(furikaeri_home, make_analysis(fillers=2, question="Tell me about yourself."), session="Monday")
    save(furikaeri_home, make_analysis("私の強みは粘り強さです", lang="ja", fillers=5, rate=300,
                                       question="自己PRをしてください。"), session="火曜", minutes=60)
    with Store.open(furikaeri_home) as st:
        with pytest.raises(UsageError) as e:
            C.compare_sessions(st, "Monday", "火曜")
    assert "English" in str(e.value) and "Japanese" in str(e.value) and "日本語" not in str(e.value)
    assert "英語" in e.value.said_in("ja") and "日本語" in e.value.said_in("ja")
    r = run("compare", "--sessions", "Monday", "火曜")
    assert r.exit_code == 2 and "worse" not in r.output and "compare sessions in one language" in r.output


def test_a_bilingual_session_is_compared_in_the_shared_language(furikaeri_home):
    save(furikaeri_home, make_analysis(fillers=8, question="Tell me about yourself."), session="Monday")
    save(furikaeri_home, make_analysis("私の強みは粘り強さです", lang="ja", fillers=1, rate=300,
                                       question="自己PRをしてください。"), session="Monday", minutes=1)
    save(furikaeri_home, make_analysis(fillers=1, question="Tell me about yourself."), session="Friday", minutes=60)
    with Store.open(furikaeri_home) as st:
        cmp = C.compare_sessions(st, "Monday", "Friday")
    assert cmp.language == "en" and cmp.languages() == ["en"]
    means = {c.metric: c for c in cmp.means}
    assert means["fillers_per_min"].before == 8.0  # the Japanese answer is not averaged in
    assert "chars_per_min" not in means and [a.language for a in cmp.only_before] == ["ja"]
    assert len(cmp.pairs) == 1 and cmp.to_dict()["language"] == "en"


# --------------------------------------------------------------------------- 5. what a note means


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("沈黙が怖くて間を埋めた", "ja", [("fillers_per_min", None)]),
        ("間を怖がった", "ja", [("fillers_per_min", None)]),
        ("沈黙を埋めようとしてしまった", "ja", [("fillers_per_min", None)]),
        ("沈黙に耐えられず話し続けた", "ja", [("fillers_per_min", None)]),
        ("黙るのが怖かった", "ja", [("fillers_per_min", None)]),
        ("filled every silence", "en", [("fillers_per_min", None)]),
        ("I was afraid of the silence", "en", [("fillers_per_min", None)]),
        ("the pauses scared me so I kept talking", "en", [("fillers_per_min", None)]),
        ("fewer fillers: pause instead of um", "en", [("fillers_per_min", None)]),
        ("間を取って話す", "ja", []),  # asks for pauses: not a pause-count target
        ("take a breath before the next point", "en", []),
        # a pause word of its own still makes a pause target
        ("filled every silence, and froze on the second point", "en", [("fillers_per_min", None), ("long_pauses_per_min", None)]),
        ("I froze after the first sentence", "en", [("long_pauses_per_min", None)]),
        ("途中で沈黙してしまった", "ja", [("long_pauses_per_min", None)]),
        ("時間を守る", "ja", [("over_s", None)]),
    ],
)
def test_a_note_about_fearing_silence_is_about_fillers(text, lang, expected):
    assert N.note_targets(text, lang) == expected


def test_filling_silence_is_not_rewarded_for_fewer_pauses():
    prev = answer(1, {"long_pauses": 13, **fig(4, 60)}, note="沈黙が怖くて間を埋めた", lang="ja")
    fix = N.check_fix(prev, {"long_pauses": 11, **fig(12, 60)}, "ja")
    assert [c.metric for c in fix.changes] == ["fillers_per_min"] and fix.verdict == "worse"


# --------------------------------------------------------------------------- errors in Japanese


@pytest.mark.parametrize("module", ["compare.py", "notes.py"])
def test_every_error_has_a_japanese_line(module):
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and \
                getattr(node.exc.func, "id", "").endswith("Error"):
            assert any(k.arg == "ja" for k in node.exc.keywords), (module, node.lineno)


def test_japanese_error_lines(furikaeri_home):
    with Store.open(furikaeri_home) as st:
        with pytest.raises(FurikaeriError) as e:
            C.compare_sessions(st, "nope", "none")
    assert e.value.said_in("ja") == "セッション「nope」はありません（`furikaeri history` で確認できます）"
    with pytest.raises(FurikaeriError) as e:
        C.compare_answers(answer(3, {}), answer(3, {}))
    assert "\n" not in e.value.said_in("ja") and "3" in e.value.said_in("ja")


def test_a_counts_trend_over_attempts_is_judged_past_its_jitter_too():
    """progress: one filler more in the last of three 37-s answers drew the line up by about 1.5
    a minute, "▼ worse"; one filler is the recogniser's jitter, as compare says. Three more are not."""
    from furikaeri.progress import series

    fpm = M.METRIC_BY_NAME["fillers_per_min"]

    def answers(counts):
        return [answer(i + 1, {"fillers_per_min": round(c / (37 / 60), 2), "filler_count": c, "answer_s": 37.0},
                       at=MONDAY + timedelta(hours=i)) for i, c in enumerate(counts)]

    assert series(fpm, answers([0, 0, 1])).trend.verdict == "same"
    assert series(fpm, answers([0, 0, 3])).trend.verdict == "worse"


def test_a_trend_runs_from_the_first_attempts_to_the_latest_and_one_odd_take_makes_none():
    """QA: long pauses 0, 0, 0, 2, 2, 0, 0 read "+1 ▼ worse" (a line through them rose) with the
    latest at the best; one take with 6.8 hedges per 100 words made a hedges trend; one 8.7-s
    pause made the longest pause "+3.3 worse"."""
    from furikaeri.progress import series

    def trend(metric, values):
        m = M.METRIC_BY_NAME[metric]
        return series(m, [answer(i + 1, {metric: v}, at=MONDAY + timedelta(hours=i))
                          for i, v in enumerate(values)]).trend

    t = trend("long_pauses_per_min", [0, 0, 0, 2, 2, 0, 0])
    assert (t.before, t.after, t.verdict) == (0, 0, "same")
    assert trend("hedges_per_100_words", [0, 0, 0, 0, 0, 0, 6.8, 0]).verdict == "same"
    assert trend("longest_pause_s", [1.0, 0.8, 8.7, 0.9, 0.9]).verdict == "same"
    t = trend("longest_pause_s", [3.1, 2.9, 3.4, 1.2, 0.9, 1.0])  # the latest three, against the first three
    assert (t.before, t.after, t.verdict) == (3.1, 1.0, "better")
    assert trend("longest_pause_s", [1.0, 2.5]).after == 2.5  # two attempts: the first and the last


@pytest.mark.parametrize("before, after", [(fig(1, 19), fig(5, 53)), (fig(5, 32), fig(6, 32)), (fig(2, 30), fig(1, 120)),
                                           (fig(10, 60), fig(7, 60)), (fig(1, 60), fig(2, 20))])
def test_progress_over_two_attempts_says_what_compare_says(before, after):
    """QA: 1 filler in 19 s, then 5 in 53 s (3.2 -> 5.7 a minute): compare said "worse", progress
    "no change" (its line's rise over the answers' mean length). Two attempts are one change."""
    from furikaeri.progress import series

    two = [answer(1, before, at=MONDAY), answer(2, after, at=MONDAY + timedelta(hours=1))]
    table = N.settle_counts(M.change(FPM, before["fillers_per_min"], after["fillers_per_min"]), before, after)
    assert series(FPM, two).trend.verdict == table.verdict


def test_sessions_of_different_questions_say_their_means_are_of_the_shared_ones(furikaeri_home):
    """QA: the means of a three-question session against a one-question one were compared with
    no word; the questions only in one session ran together on one line (「…ください。、#3 …」);
    the header said each session's date twice."""
    save(furikaeri_home, make_analysis("私の強みは粘り強さです", lang="ja", question="自己PRをお願いします。"),
         session="ja-basic 2026-11-23 10:00")
    save(furikaeri_home, make_analysis("サークルの代表でした", lang="ja", question="学生時代に力を入れたことを教えてください。"),
         session="ja-basic 2026-11-23 10:00", minutes=1)
    save(furikaeri_home, make_analysis("私の強みは粘り強さです", lang="ja", question="自己PRをお願いします。"),
         session="ja-basic 2026-11-26 10:00", minutes=60)
    out = run("compare", "--sessions", "ja-basic 2026-11-23 10:00", "ja-basic 2026-11-26 10:00").output
    head = out.splitlines()[0]
    stamps = re.findall(r"\d{4}-\d\d-\d\d \d\d:\d\d", head)
    assert len(stamps) == len(set(stamps)) and "#1 2026" not in head, head
    assert "平均は共通の質問だけのものです" in flat(out).replace(" ", ""), out
    only = out[out.index("だけで答えた質問"):].splitlines()
    assert only[1].strip() == "#2 学生時代に力を入れたことを教えてください。" and "、#" not in out
    out = run("compare", "--sessions", "ja-basic 2026-11-23 10:00", "ja-basic 2026-11-26 10:00", "--lang", "en").output
    assert "the means are of the questions both answered" in flat(out)
    # one set of questions on both sides: no such word
    out = run("compare", "--sessions", "ja-basic 2026-11-26 10:00", "ja-basic 2026-11-26 10:00").output
    assert "共通" not in out


def test_an_answer_heard_in_the_other_language_moves_no_figure_of_its_words(furikaeri_home):
    """QA: a Japanese answer to an English question, heard as English (a warning said every
    figure is off), then read "your fix is working: fillers 5.9 -> 3.2/min ▲ better" and moved
    the pace trend in progress. Its word figures are not kept; its length and pauses are."""
    import dataclasses

    from furikaeri.progress import progress

    q = "Tell me about yourself."
    save(furikaeri_home, make_analysis(fillers=6, rate=150, question=q), session="Monday", note="fewer ums")
    heard_wrong = dataclasses.replace(make_analysis(fillers=2, rate=67, question=q), sounds_like="ja")
    with Store.open(furikaeri_home) as st:
        qid = S.question_for_text(st, q, language="en", budget_s=60.0)
        sid = st.session_for("Tuesday", now=MONDAY + timedelta(days=1))
        answer_id, fix = S.record_answer(st, session_id=sid, question_id=qid, analysis=heard_wrong.to_dict(),
                                         audio_path=None, now=MONDAY + timedelta(days=1))
        assert fix is None
        m = st.answer(answer_id, full=False).metrics
        assert m["wpm"] is None and m["fillers_per_min"] is None and m["answer_s"] == 60.0
        (overall,) = progress(st).overall
    wpm = next(s for s in overall.series if s.metric == "wpm")
    assert len(wpm.points) == 1 and wpm.trend is None


def test_the_same_words_twice_have_no_empty_heading_of_what_changed(furikaeri_home):
    """QA: two takes of the same words showed "what the answer said differently (kept 100% of
    the earlier words)" over nothing."""
    a = save(furikaeri_home, make_analysis(question="Why us?"), session="Monday")
    b = save(furikaeri_home, make_analysis(question="Why us?"), session="Friday", minutes=60)
    out = run("compare", str(a), str(b)).output
    assert "said differently" not in out
    c = save(furikaeri_home, make_analysis("I teach physics and I build robots", question="Why us?"), session="Friday",
             minutes=61)
    assert "said differently" in run("compare", str(b), str(c)).output


def test_an_answer_heard_in_the_other_language_is_no_last_time(furikaeri_home):
    """QA: a Japanese answer analysed as English (flagged ``sounds_like``) became the next
    English attempt's "last time", its flat figures of a translation checked against."""
    from dataclasses import replace

    from furikaeri.questions import Question

    q = Question(id="intro", text="Tell me about yourself.", budget_s=60.0, language="en", set_name="en-basic")
    first = save(furikaeri_home, make_analysis(question=q.text), session="A")
    said_in_japanese = replace(make_analysis(question=q.text), sounds_like="ja")
    save(furikaeri_home, said_in_japanese, session="A", minutes=5)
    with Store.open(furikaeri_home) as st:
        before = S.before_attempt(st, q, now=MONDAY + timedelta(minutes=10))
        assert before.attempts == 2 and before.previous is not None
        assert before.previous.id == (first[0] if isinstance(first, tuple) else first)


def test_a_built_in_question_practised_under_a_company_key_is_found_by_its_own(furikaeri_home):
    """QA: practised first through a company file that asks 「自己PRをお願いします。」, the question
    kept the company's key, and `compare --question jiko-pr` / `progress -q jiko-pr` found nothing."""
    from furikaeri.cli.archive_cmd import practised

    with Store.open(furikaeri_home) as st:
        qid = st.question_for("さくら商事:asks1", "自己PRをお願いします。", language="ja", budget_s=60.0)
        assert st.question_for("ja-basic:jiko-pr", "自己PRをお願いします。", language="ja") == qid
        assert not st.find_questions("jiko-pr")
    for i in range(2):
        save(furikaeri_home, make_analysis("私の強みは粘り強さです", lang="ja", question="自己PRをお願いします。"),
             session="A", minutes=i)
    r = run("--home", str(furikaeri_home), "compare", "--question", "jiko-pr", "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["after"]["question"] == "自己PRをお願いします。"
    r = run("--home", str(furikaeri_home), "progress", "-q", "ja-basic:jiko-pr", "--json")
    assert r.exit_code == 0 and len(json.loads(r.output)["questions"]) == 1, r.output
    with Store.open(furikaeri_home) as st:
        assert practised(st, "no-such-question") == "no-such-question"


def test_a_wrong_answer_or_interview_can_be_deleted(furikaeri_home):
    """QA: no way to remove an answer saved against the wrong question, or a mistyped interview."""
    h = ["--home", str(furikaeri_home)]
    save(furikaeri_home, make_analysis(question="Q one?"), session="A", note="slow down")
    save(furikaeri_home, make_analysis(question="Q two?"), session="A", minutes=1)
    r = CliRunner().invoke(cli, [*h, "delete", "1"], input="y\n")  # no terminal: asks for --yes, deletes nothing
    assert r.exit_code == 2 and "--yes" in r.output
    with Store.open(furikaeri_home) as st:
        assert st.answer(1, full=False) is not None
    r = run(*h, "delete", "1", "--yes", "--json")
    assert r.exit_code == 0 and json.loads(r.output) == {"deleted": "answer", "id": 1, "recording_kept": None,
                                                      "session_deleted": None}  # answer 2 keeps session A
    with Store.open(furikaeri_home) as st:
        assert st.answer(1, full=False) is None and st.note(1) is None
        assert [a.id for a in st.answers()] == [2]
    r = run(*h, "delete", "2", "--yes")
    assert r.exit_code == 0 and "Deleted answer 2 (Q two?)." in r.output
    assert json.loads(run(*h, "history", "--json").output) == []  # the session left empty went too
    assert CliRunner().invoke(cli, [*h, "delete", "2", "--yes"]).exit_code == 2
    r = run(*h, "reflect", "-c", "Acme", "-q", "一次面接", "--json")
    iid = json.loads(r.output)["id"]
    r = run(*h, "delete", str(iid), "--interview", "--yes")
    assert r.exit_code == 0 and "Acme" in r.output
    assert json.loads(run(*h, "history", "--interviews", "--json").output) == []


def test_the_remarks_before_the_reflection_are_those_after_the_save(furikaeri_home):
    """QA: the pace against the usual, last time's focus and the usual came after the reflection
    prompts; they are worked out from the analysis before it is saved, and are the same."""
    from furikaeri import progress as PR

    for i, rate in enumerate((150.0, 140.0, 160.0)):
        save(furikaeri_home, make_analysis(question="Q one?", rate=rate, fillers=3 - i), session="A", minutes=i)
    latest = make_analysis(question="Q one?", rate=100.0, fillers=4)
    with Store.open(furikaeri_home) as st:
        qid = st.find_questions("Q one?")[0].id
        before = PR.after_unsaved(st, latest.to_dict(), qid)
    aid = save(furikaeri_home, latest, session="A", minutes=10)
    aid = aid[0] if isinstance(aid, tuple) else aid
    with Store.open(furikaeri_home) as st:
        after = PR.after_answer(st, aid)
    assert before.to_dict() == after.to_dict()
    assert before.pace_vs_usual == pytest.approx(-0.333, abs=0.001) and before.usual
