"""QA s31 (k7): a note naming one filler is checked on that filler's count; a session's
name made under another time zone never contradicts the local time shown beside it.

No Whisper model: answers are built by hand, archives through
:func:`furikaeri.session.save_analysis`.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from furikaeri import session as S
from furikaeri.cli import cli
from furikaeri.report.history import _beside

MONDAY = datetime(2026, 10, 1, 10, 0, tzinfo=timezone.utc)


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def flat(text: str) -> str:
    """Output with rich's line wrapping undone (words joined by one space)."""
    return " ".join(text.split())


# --------------------------------------------------------------------------- 2. a name's clock, another zone


def test_a_name_whose_minute_is_not_the_local_start_gets_the_whole_local_time():
    # made at 10:00 UTC, read in Tokyo (19:00): a bare "19:00" beside "10:00" read as one day's two clocks
    assert _beside("en-basic 2026-10-01 10:00", "2026-10-01 19:00") == " · 2026-10-01 19:00"
    assert _beside("en-basic 2026-10-01 10:00", "2026-10-02 04:30") == " · 2026-10-02 04:30"
    assert _beside("en-basic 2026-10-01 10:00 (2)", "2026-10-01 10:00") == ""  # the name says it already
    assert _beside("mock 2026-10-01", "2026-10-01 19:00") == " · 19:00"  # a day named, no minute: the time
    assert _beside("mock-2", "2026-10-08 19:30") == " · 2026-10-08 19:30"


def test_history_under_another_zone_shows_the_local_date_and_time_beside_a_default_name(furikaeri_home, in_tokyo):
    from tests.test_compare_notes import make_analysis

    S.save_analysis(make_analysis(), audio_path=None, session="en-basic 2026-10-01 10:00", home=furikaeri_home,
                    now=MONDAY)
    out = flat(run("history").output)
    assert "en-basic 2026-10-01 10:00 #1 · 2026-10-01 19:00" in out


# --------------------------------------------------------------------------- 1. a note naming one filler

from furikaeri import notes as N  # noqa: E402
from furikaeri.measure import Filler  # noqa: E402
from furikaeri.store import Answer, Note, Store  # noqa: E402


def said(analysis, words, answer_s=60.0):
    """``analysis`` with the fillers ``words`` heard, over ``answer_s`` seconds."""
    import dataclasses

    found = tuple(Filler(w, 1.0 + i, 1.2 + i) for i, w in enumerate(words))
    stats = dataclasses.replace(analysis.stats, filler_count=len(found),
                                fillers_per_min=round(len(found) / (answer_s / 60), 2))
    return dataclasses.replace(analysis, fillers=found, stats=stats, answer_s=answer_s)


def earlier(note, fillers, *, answer_s=60.0, lang="en"):
    n = Note(1, 1, "", "", note, "", "")
    metrics = {"answer_s": answer_s, "budget_s": 60.0, "filler_count": len(fillers),
               "fillers_per_min": round(len(fillers) / (answer_s / 60), 2)}
    return Answer(1, 1, "s", 1, "Q?", "k", MONDAY.isoformat(), None, "", lang, "base", {}, metrics, n,
                  fillers=tuple(fillers))


def now(fillers, answer_s=60.0):
    return {"answer_s": answer_s, "budget_s": 60.0, "filler_count": len(fillers),
            "fillers_per_min": round(len(fillers) / (answer_s / 60), 2)}


def test_a_note_naming_one_filler_is_checked_on_that_fillers_count():
    # 'like' 4 -> 1, while the fillers overall hold at 5 a minute (um took its place): the note's word moved
    before = ["like"] * 4 + ["um"]
    after = ["Like", "um", "Umm", "um", "um"]
    fix = N.check_fix(earlier("fewer 'like'", before), now(after), "en", fillers=after)
    assert [(c.metric, c.word, c.before, c.after, c.verdict) for c in fix.changes if c.metric == N.FILLER_WORD] == \
        [(N.FILLER_WORD, "like", 4, 1, "better")]
    # beside it, the rate of them all: one filler swapped for another shows (held here at 5 a minute)
    assert [(c.metric, c.verdict) for c in fix.changes if c.metric != N.FILLER_WORD] == [("fillers_per_min", "same")]
    assert fix.verdict == "better"
    fix = N.check_fix(earlier("stop saying um", before), now(after), "en", fillers=after)
    assert [(c.word, c.before, c.after, c.verdict) for c in fix.changes if c.metric == N.FILLER_WORD] == \
        [("um", 1, 4, "worse")]  # um, umm, Um
    assert fix.verdict == "worse"


@pytest.mark.parametrize("note", ["えーと を言わない", "「えーと」を言わない", "ええとを減らす", "えっとが多い"])
def test_a_japanese_note_names_a_filler_in_any_of_its_spellings(note):
    before = ["ええと", "えっと", "えーと", "えーっと", "えー"]
    after = ["えー", "えー", "えー", "えー", "えー"]  # as many fillers, none of them えーと
    fix = N.check_fix(earlier(note, before, lang="ja"), now(after), "ja", fillers=after)
    assert [(c.word, c.before, c.after, c.verdict) for c in fix.changes if c.metric == N.FILLER_WORD] == \
        [("えーと", 4, 0, "better")]


def test_a_count_within_the_recognisers_jitter_is_no_change_and_a_filler_gone_is_where_it_should_be():
    fix = N.check_fix(earlier("なんかを減らす", ["なんか", "えー"], lang="ja"), now(["えー"]), "ja", fillers=["えー"])
    assert fix.changes[0].verdict == "same" and fix.verdict == "held"  # 1 -> 0 in one length: one filler either way
    fix = N.check_fix(earlier("なんかを減らす", ["なんか"] * 2, lang="ja"), now(["なんか"] * 2), "ja",
                      fillers=["なんか"] * 2)
    assert fix.verdict == "same"  # still said: not yet done (a single one may be the recogniser's)
    # the counts over answers of two lengths: judged a minute (4 in 60 s, then 4 in 30 s, is more)
    fix = N.check_fix(earlier("fewer likes", ["like"] * 4), now(["like"] * 4, 30.0), "en", fillers=["like"] * 4)
    assert fix.changes[0].verdict == "worse" and fix.changes[0].rate_after == 8.0


def test_a_note_naming_fillers_in_general_keeps_their_rate_beside_its_word():
    before, after = ["um"] * 6, ["um"] * 2
    fix = N.check_fix(earlier("fewer fillers, especially um", before), now(after), "en", fillers=after)
    assert [c.metric for c in fix.changes] == [N.FILLER_WORD, "fillers_per_min"]
    fix = N.check_fix(earlier("fewer fillers", before), now(after), "en", fillers=after)
    assert [c.metric for c in fix.changes] == ["fillers_per_min"]
    # an answer whose fillers are not known (an archive without its analysis): the rate, as before
    fix = N.check_fix(earlier("fewer 'like'", before), now(after), "en", fillers=None)
    assert [c.metric for c in fix.changes] == ["fillers_per_min"]


def gakuchika(home, first, second, note, *, lang="ja"):
    from tests.test_compare_notes import make_analysis

    q = "学生時代に力を入れたことを教えてください。" if lang == "ja" else "Tell me about yourself."
    text = "私はサークルで副代表を務めました" if lang == "ja" else "I study physics and I build robots"
    a = S.save_analysis(said(make_analysis(text, lang=lang, question=q), first), audio_path=None, session="月曜",
                        note=note, home=home, now=MONDAY)
    b_analysis = said(make_analysis(text, lang=lang, question=q), second)
    return a, b_analysis


def test_practice_and_compare_check_a_named_filler_on_its_count(furikaeri_home):
    a, b_analysis = gakuchika(furikaeri_home, ["なんか", "えー", "えー"] * 3, ["えー", "えー"] * 3, "なんかを減らす")
    with Store.open(furikaeri_home) as st:
        qid = st.answer(a).question_id
        fix = S.note_check(st, qid, b_analysis.to_dict())  # practice's check, before the answer is saved
    assert [(c.word, c.before, c.after, c.verdict) for c in fix.changes if c.metric == N.FILLER_WORD] == \
        [("なんか", 3, 0, "better")]
    b = S.save_analysis(b_analysis, audio_path=None, session="木曜", home=furikaeri_home, now=MONDAY + timedelta(1))
    out = flat(run("compare", str(a), str(b)).output)
    assert "メモで狙った点が良くなりました（まだ目標には届いていません）: 「なんか」: 3回 → 0回 ▲ 改善 フィラー: 9.0回/分 → 6.0回/分 ▲ 改善" in out
    out = flat(run("show", str(b)).output)
    assert "「なんか」: 3回 → 0回 ▲ 改善" in out
    out = flat(run("compare", "--question", str(qid), "--lang", "en").output)
    assert "'なんか': 3 → 0 ▲ better" in out


def test_a_named_filler_said_once_and_then_not_reads_as_gone_within_the_jitter(furikaeri_home):
    a, b_analysis = gakuchika(furikaeri_home, ["like", "um"], ["um"], "fewer 'like'", lang="en")
    b = S.save_analysis(b_analysis, audio_path=None, session="Thu", home=furikaeri_home, now=MONDAY + timedelta(1))
    out = flat(run("compare", str(a), str(b), "--lang", "en").output)
    assert "none of the fillers your note names was heard this time: 'like': 1 → 0 = same (a difference of one is within " \
           "what the recogniser mishears)" in out
    out = flat(run("compare", str(a), str(b), "--lang", "ja").output)
    assert "メモで挙げたフィラーは、今回は聞き取られませんでした: 「like」: 1回 → 0回 = 変化なし（1回の差は聞き取りの誤差内）" in out


def test_counts_that_tell_another_story_than_the_rates_are_shown_with_them():
    from rich.console import Console

    from furikaeri.report.history import render_fix

    def shown(fix, lang):
        console = Console(record=True, width=120)
        render_fix(console, fix, lang)
        return flat(console.export_text())

    fix = N.check_fix(earlier("fewer likes", ["like"] * 4), now(["like"] * 4, 30.0), "en", fillers=["like"] * 4)
    assert "'like': 4 (4.0/min) → 4 (8.0/min) ▼ worse" in shown(fix, "en")
    fix = N.check_fix(earlier("なんかを減らす", ["なんか"] * 4, lang="ja"), now(["なんか"]), "ja", fillers=["なんか"])
    assert "メモで狙った点が良くなりました: 「なんか」: 4回 → 1回 ▲ 改善" in shown(fix, "ja")  # one length: the counts
    fix = N.check_fix(earlier("なんかを減らす", ["なんか"], lang="ja"), now(["なんか"]), "ja", fillers=["なんか"])
    assert fix.verdict == "held" and "聞き取られませんでした" not in shown(fix, "ja")  # once, and once again


def test_a_named_filler_said_as_often_is_no_change_though_the_others_rose():
    # QA s39 Y #5: 「えーを減らす」, 「え/えー」 7 -> 5 in as long an answer (within the recogniser's jitter),
    # the fillers overall 9.1 -> 10.6 a minute: the headline said the note's target got worse
    before = ["えー"] * 7 + ["あの"] * 2 + ["えっと"] * 2
    after = ["えー"] * 6 + ["あの"] * 8 + ["えっと"] * 2  # えっと is えー's too (QA s52 AC #1): 9 -> 8 of them
    fix = N.check_fix(earlier("えーを減らす", before, lang="ja"), now(after), "ja", fillers=after)
    assert [(c.word, c.verdict) for c in fix.changes if c.metric == N.FILLER_WORD] == [("えー", "same")]
    assert [(c.metric, c.verdict) for c in fix.changes if c.metric != N.FILLER_WORD] == [("fillers_per_min", "worse")]
    assert fix.verdict == "same"
    # ... and the headline says both, never "no change" over a ▼ line (QA s43 B #1)
    from rich.console import Console

    from furikaeri.report.history import render_fix

    for lang, said in (("ja", "メモで挙げたフィラーはまだ変わっていませんが、ほかのフィラーが増えました"),
                       ("en", "no change yet on the filler your note names, and the other fillers rose")):
        console = Console(record=True, width=120)
        render_fix(console, fix, lang)
        assert said in flat(console.export_text()), console.export_text()
    # the named filler itself said more: worse, as before
    after = ["えー"] * 12 + ["あの"] * 4
    fix = N.check_fix(earlier("えーを減らす", before, lang="ja"), now(after), "ja", fillers=after)
    assert fix.verdict == "worse"


@pytest.mark.parametrize("note, lang, before, after, word", [
    # QA s40 Z3 #4: fillers the report lists, named in a note, were "no measured figure"
    ("あーを減らす", "ja", ["あー"] * 4 + ["え"] * 2, ["あ"] + ["え"] * 2, "あー"),
    ("うーを減らす", "ja", ["うー"] * 4 + ["え"] * 2, ["うーん"] + ["え"] * 2, "うーん"),
    ("「え」を減らす", "ja", ["え"] * 5 + ["あの"], ["えー"] + ["あの"], "えー"),
    ("え〜を減らす", "ja", ["えー"] * 4, ["え"], "えー"),  # QA s40 Z4 #3: how students write them
    ("アーを減らす", "ja", ["あー"] * 4, ["あ"], "あー"),
    ("ええを減らす", "ja", ["えー"] * 4, ["え"], "えー"),
    ("「so」を減らす", "ja", ["So"] * 4, ["so"], "so"),
    ("too many 'actuallys'", "en", ["Actually"] * 4, ["actually"], "actually"),
    ("fewer 'so'", "en", ["So"] * 4 + ["um"], ["so"] + ["um"], "so"),
    ("fewer hmm", "en", ["Hmm"] * 4, ["hmm"], "hmm"),
    ('stop saying "okay"', "en", ["Okay"] * 4, ["OK"], "okay"),
])
def test_a_note_names_any_filler_the_report_lists(note, lang, before, after, word):
    fix = N.check_fix(earlier(note, before, lang=lang), now(after), lang, fillers=after)
    named = sum(N.filler_key(f) == word for f in before)
    assert [(c.word, c.before, c.after, c.verdict) for c in fix.changes if c.metric == N.FILLER_WORD] == \
        [(word, named, 1, "better")]


@pytest.mark.parametrize("note, lang", [
    ("考えを減らす", "ja"), ("use my time well", "en"), ("so many questions", "en"),
    # QA s40 Z4 #1 #4: an interjection, a quoted word used otherwise, ま for 間 (a pause)
    ("Hmm. Too long again.", "en"), ("the answer was 'okay', speak slower", "en"),
    ('"right" answer but too long', "en"), ("「ま」を大事にする", "ja"), ("アートの話を減らす", "ja"),
])
def test_a_bare_short_word_is_no_filler_named(note, lang):
    assert N.named_fillers(note, lang)[0] == ()


def test_ee_before_toka_is_ee_not_eeto():
    # QA s40 Z4 #2: 「えーとかあーとかが多い」 read えー as えーと
    assert N.named_fillers("えーとかあーとかが多い", "ja")[0] == ("えー", "あー")
    assert N.named_fillers("えーとを言わない", "ja")[0] == ("えーと",)


def test_a_plural_a_note_writes_is_the_filler_it_means():
    assert [N.filler_key(w) for w in ("sos", "so's", "actuallys", "wells", "yes", "OK")] == \
        ["so", "so", "actually", "well", "yes", "okay"]
