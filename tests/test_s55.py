"""Session 55: what was left from session 54's QA round."""

from __future__ import annotations

import json

import pytest


def test_analyze_json_names_the_question_key_beside_its_text(capsys):
    """QA s54 AL #6: analyze/record --json had `question` but no `question_key`, which every other
    view (history, show, export) carries; a script grouping its answers needed a second call."""
    from furikaeri.cli.common import emit_analysis
    from test_compare_notes import make_analysis

    analysis = make_analysis()
    emit_analysis(analysis, True, question_key="en-basic:intro")
    doc = json.loads(capsys.readouterr().out)
    keys = list(doc)
    assert doc["question_key"] == "en-basic:intro" and keys.index("question_key") == keys.index("question") + 1
    emit_analysis(analysis, True)  # a question in one's own words, not saved: null, not missing
    doc = json.loads(capsys.readouterr().out)
    assert "question_key" in doc and doc["question_key"] is None


def test_mic_check_json_without_a_microphone_prints_a_document(monkeypatch):
    """QA s54 AL #7: with no microphone `mic-check --json` printed nothing (devices --json says
    []): a script piping it to a JSON reader broke. The error line and exit 2 stay."""
    from click.testing import CliRunner

    import furikaeri.capture as capture
    from furikaeri.cli import cli

    monkeypatch.setattr(capture, "list_devices", lambda: [])
    monkeypatch.setenv("LANG", "C.UTF-8")
    r = CliRunner().invoke(cli, ["mic-check", "--json"])
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    assert doc["verdict"] == "no_device" and doc["device"] is None and doc["peak_dbfs"] is None
    assert "no microphone" in doc["message"] and "no microphone" in r.stderr
    plain = CliRunner().invoke(cli, ["mic-check"])
    assert plain.exit_code == 2 and plain.stdout == ""


@pytest.mark.parametrize("typed", ["2026-12-01 10:00", "2026-12-01T10:00", "12月1日 10時", "２０２６-１２-０１ １０:００",
                                   "2026-12-07T2359", "20261207T2359", "2026-12-07 10"])
def test_since_with_a_time_of_day_is_refused_not_dropped(typed):
    """QA s54 AL #7: --since "2026-12-01 10:00" listed the whole day, the time dropped silently."""
    from furikaeri.cli.archive_cmd import _since_date
    from furikaeri.errors import UsageError

    with pytest.raises(UsageError) as said:
        _since_date(typed)
    assert "not a time of day" in str(said.value) and "時刻" in said.value.said_in("ja")
    assert _since_date("2026-12-01") == "2026-12-01" and _since_date("20261201") == "2026-12-01"


@pytest.mark.parametrize("question", ["1分で自己紹介をお願いします。", "Tell me about yourself in one minute."])
@pytest.mark.parametrize("note", ["話が長い", "too long"])
def test_a_shorter_answer_under_half_an_asked_length_is_overshot_not_better(question, note):
    """QA s53 AF #4/#5: 80 s, then 25 s of a question asking for a minute, under 「話が長い」, was
    "better" beside the report's tip "the question asked for 60 s … under half of it"."""
    from dataclasses import replace

    from furikaeri import notes as N
    from test_compare_notes import answer

    def took(id_, seconds, note=None, asked=question):
        a = answer(id_, {"answer_s": seconds, "budget_s": 60.0, "over_budget": seconds > 60,
                         "over_s": seconds - 60.0}, note=note)
        return replace(a, question=asked)

    assert N.check_fix(took(1, 80.0, note), took(2, 25.0).metrics, "ja").verdict == "overshot"
    assert N.check_fix(took(1, 80.0, note), took(2, 35.0).metrics, "ja").verdict == "better"  # over half: done
    plain = "Tell me about yourself."  # no length asked: 25 s of a 60-s budget is a fine shorter answer
    assert N.check_fix(took(1, 80.0, note, plain), took(2, 25.0, asked=plain).metrics, "ja").verdict == "better"


def test_a_focus_on_the_budget_met_under_half_an_asked_length_is_overshot():
    """The last focus's change (progress, practice --json after.focus_then) says it as the note check."""
    from dataclasses import replace

    from furikaeri.progress import focus_then
    from test_compare_notes import answer

    def took(id_, seconds, question):
        a = answer(id_, {"answer_s": seconds, "budget_s": 60.0, "over_budget": seconds > 60, "over_s": seconds - 60.0})
        return replace(a, question=question, focus="over_s")

    asked = "1分で自己紹介をお願いします。"
    assert focus_then([took(1, 80.0, asked)], took(2, 25.0, asked)).verdict == "overshot"
    assert focus_then([took(1, 80.0, "自己紹介をお願いします。")], took(2, 25.0, "自己紹介をお願いします。")).verdict == "better"


@pytest.mark.model
def test_a_take_cut_mid_sentence_keeps_its_last_words_and_length(shared):
    """QA s54 AK #7: a real answer cut at 19.5 s, mid-sentence ("… made it as her nest. [1.1 s]
    One day the black bird catch"): Whisper ended its window at the last full sentence, and the
    repair of the skipped speech did too, so the last 1.4 s of speech had no words, the answer
    was 16.7 s long and the 1.1-s pause was not there. What a repair leaves is heard once more."""
    from furikaeri.analysis import analyze_audio
    from realclips import build, cut, real_l2

    audio, _truth = real_l2(shared, "en_ALL_046_F_FAR_ENG_ST1")
    take = build([cut(audio, 0.0, 19.5)], "cut.wav")
    a = analyze_audio(take, language="en", stopped_at=19.5, cut_by="stop")
    said = [w.text.strip(" .,").lower() for w in a.words]
    assert "day" in said[-6:] and "black" in said[-6:]
    assert a.answer_s >= 18.8  # the speech runs to 19.25 s (labelled); it was 16.7
    assert any(p.start < 17.2 and p.end > 17.8 and p.end - p.start >= 0.8 for p in a.pauses)  # labelled 16.94-18.05


def test_session_means_judge_the_time_off_pace_by_its_share_as_each_answer_is():
    """QA s55 AO #1: session means said 49 s -> 29 s off pace "▲ better" (95 % of the answer, then
    100 %), the answers' own row below it "–"; and AO #6: a mean share rounded twice (0.445 ->
    0.45 -> "45%") beside the answer's 44 %."""
    from furikaeri.compare import _mean_change, _mean_metrics
    from furikaeri.metrics import METRIC_BY_NAME
    from test_compare_notes import answer

    before = [answer(1, {"off_pace_s": 49.0, "answer_s": 51.83, "budget_s": 60.0, "opening_share": 0.02})]
    after = [answer(2, {"off_pace_s": 29.0, "answer_s": 29.13, "budget_s": 60.0, "opening_share": 0.445})]
    means = (_mean_metrics(before), _mean_metrics(after))
    assert _mean_change(METRIC_BY_NAME["off_pace_s"], before, after, means).verdict == "n/a"
    assert means[1]["opening_share"] == 0.445
    shorter = [answer(3, {"off_pace_s": 10.0, "answer_s": 40.0, "budget_s": 60.0})]  # 95 % -> 25 %: better
    assert _mean_change(METRIC_BY_NAME["off_pace_s"], before, shorter,
                        (means[0], _mean_metrics(shorter))).verdict == "better"


def test_a_trend_past_the_range_runs_to_the_latest_when_it_is_in_range_at_its_best():
    """QA s55 AO #3: 162, 67, 229 then 142 wpm read "trend +71 past the range" (a mean of 229 and
    142) beside "best 142 wpm", the latest, in the 120-160 range."""
    from furikaeri.metrics import METRIC_BY_NAME
    from furikaeri.progress import Point, trend
    from test_compare_notes import answer

    wpm = [162.5, 67.1, 228.6, 142.5]
    answers = [answer(i + 1, {"wpm": v, "answer_s": 40.0, "budget_s": 60.0}) for i, v in enumerate(wpm)]
    pts = [Point(a.id, a.created_at, v) for a, v in zip(answers, wpm)]
    found = trend(METRIC_BY_NAME["wpm"], pts, answers)
    assert found.verdict == "better" and found.after == 142.5
    pts[-1] = Point(4, answers[-1].created_at, 250.0)  # the latest far past the range: still past it
    assert trend(METRIC_BY_NAME["wpm"], pts, answers).verdict != "better"


@pytest.mark.parametrize("lang, filler, word", [("en", " uh,", " word"), ("ja", "まあ、", "です")])
def test_pace_over_time_leaves_fillers_written_with_their_comma_out(lang, filler, word):
    """QA s55 AM #1: Whisper writes " uh," and 「まあ、」 with their comma, which the filler's span
    leaves out, and a word was left out of the pace windows only when wholly inside one: each
    "uh" added 6 wpm to its windows (the README says fillers are no words there)."""
    from furikaeri.fillers import Found, join_with_offsets
    from furikaeri.lang import get_rules
    from furikaeri.measure import pace_over_time
    from furikaeri.transcribe import Word

    rules = get_rules(lang)
    plain = [Word(word, i * 0.5, i * 0.5 + 0.3, 0.9) for i in range(60)]
    said = []
    for i, w in enumerate(plain):
        said.append(w)
        if i % 4 == 0:  # a filler between two words, in the gap
            said.append(Word(filler, w.end + 0.02, w.end + 0.18, 0.5))
    text, spans = join_with_offsets(said)
    core = filler.strip(" ,、")
    fillers = tuple((a + text[a:b].index(core), a + text[a:b].index(core) + len(core))
                    for w, (a, b) in zip(said, spans) if w.text == filler)
    found = Found(text, (), (), fillers)
    with_fillers = pace_over_time(said, found, (0.0, 30.0), rules)
    without = pace_over_time(plain, Found("", (), (), ()), (0.0, 30.0), rules)
    assert with_fillers.windows and with_fillers.windows == without.windows


def test_a_note_naming_no_figure_on_answers_that_do_not_compare_is_not_no_change():
    """QA s55 AO #4: "your note names no measured figure, and no figure changed" after a take the
    recording cut at 13 s, though fillers went 0.0 -> 4.3 a minute and pace 201 -> 164 wpm:
    nothing could be compared, which is what is said now."""
    from rich.console import Console

    from furikaeri import notes as N
    from furikaeri.lang import text
    from furikaeri.report.history import render_fix
    from test_compare_notes import answer

    cut = {"answer_s": 13.4, "budget_s": 60.0, "over_budget": None, "over_s": None, "wpm": 201.0,
           "fillers_per_min": 0.0, "filler_count": 0, "longest_pause_s": 0.85, "latency_s": 0.4,
           "pitch_spread_st": 3.7, "monotone_share": 0.0}  # AQ #2: a start and a voice both have
    now = {"answer_s": 28.0, "budget_s": 60.0, "over_budget": 0, "over_s": -32.0, "wpm": 164.0,
           "fillers_per_min": 4.33, "filler_count": 2, "longest_pause_s": 0.94, "latency_s": 0.4,
           "pitch_spread_st": 3.6, "monotone_share": 0.0}
    fix = N.check_fix(answer(1, cut, note="find a quieter room"), now, "en")
    assert fix.verdict == "unknown" and fix.nothing_compared and fix.to_dict()["nothing_compared"] is True
    for lang in ("en", "ja"):
        console = Console(width=300, record=True, color_system=None)
        render_fix(console, fix, lang, language="en")
        out = console.export_text()
        assert text(lang, "fix_unknown_uncompared") in out and text(lang, "fix_unknown_none") not in out
    whole = {**cut, "answer_s": 40.0, "over_budget": 0, "over_s": -20.0, "wpm": 164.0, "fillers_per_min": 4.2}
    same = N.check_fix(answer(1, whole, note="find a quieter room"), now, "en")  # compared, nothing moved
    assert not same.nothing_compared and "nothing_compared" not in same.to_dict()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_speech_a_loud_room_covered_is_not_said_to_be_maybe_another_language(language):
    """QA s55 AP #4: in a café's voices a Japanese answer's unheard speech came with "or you may
    have spoken English (then analyse it with --language en)", then the voices' own warning."""
    from types import SimpleNamespace

    from furikaeri.advice import warnings_for
    from furikaeri.lang import text

    def said(other_voices: bool) -> list[str]:
        m = SimpleNamespace(speech_detected=True, unconfirmed_fillers=0, answer_s=4.0, words=())
        smap = SimpleNamespace(duration=40.0, intervals=[SimpleNamespace(start=0.0, end=21.0, duration=21.0)],
                               other_voices=other_voices, noise=(), contrast_db=17.0 if other_voices else 40.0,
                               speech_db=-25.0, louder=())
        return warnings_for(m, language, smap, unheard=18.0)

    loud = said(True)
    assert loud[0] == text(language, "warn_unheard_room", heard=3.0, speech=21.0)
    assert "--language" not in loud[0] and any(w.startswith(text(language, "warn_other_voices_loud")[:12]) for w in loud)
    quiet = said(False)
    assert "--language" in quiet[0]  # no room to blame: another language may be why


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_pace_against_the_usual_is_not_said_beside_a_note_check_of_the_pace(lang):
    """QA s55 AN #2: 「ゆっくり話す」 checked "not changed yet: 6.6 → 6.6", then on the next line
    "in the range now … 32 % faster than your usual: keep it here"."""
    from rich.console import Console

    from furikaeri.lang import text
    from furikaeri.progress import AfterAnswer
    from furikaeri.report import history as H

    after = AfterAnswer(pace_metric="morae_per_s", usual_pace=5.0, pace_vs_usual=0.32)

    def shown(told) -> str:
        console = Console(width=300, record=True, color_system=None)
        H.render_after(console, after, lang, told=told, language="ja")
        return console.export_text()

    into = text(lang, "pace_faster_into", pct=0.32, usual=H.fmt_value("morae_per_s", 5.0, lang, language="ja"))
    assert into in shown(()) and into not in shown(["morae_per_s"])
    if lang == "ja":
        assert into.endswith("。") and "（ふだん（" not in into


def test_no_personal_best_is_named_where_a_lower_bound_under_it_may_be_the_best():
    """QA s55 AN #4: progress showed "best 10.3/min" beside a latest "4.6+": the latest was at
    least 4.6, maybe the best, maybe not; no best is named then."""
    from dataclasses import replace

    from furikaeri.metrics import METRIC_BY_NAME
    from furikaeri.progress import series
    from test_compare_notes import answer

    def took(id_, rate, floor=None):
        a = answer(id_, {"fillers_per_min": None if floor else rate, "filler_count": 5, "answer_s": 40.0,
                         "budget_s": 60.0})
        return replace(a, floors={"fillers_per_min": floor, "filler_count": 3}) if floor else a

    s = series(METRIC_BY_NAME["fillers_per_min"], [took(1, 10.3), took(2, None, floor=4.6)])
    assert s.best is None and [p.value for p in s.points] == [10.3, 4.6]
    s = series(METRIC_BY_NAME["fillers_per_min"], [took(1, 3.3), took(2, None, floor=4.6)])
    assert s.best is not None and s.best.value == 3.3  # the bound is past it: 3.3 is the best


def test_a_practice_named_like_a_session_there_says_it_is_a_new_one(tmp_path, capsys):
    """QA s55 AO #5: `practice --session week1-mon` twice made two sessions of one name, unsaid;
    `compare --sessions week1-mon …` then reached only the newest."""
    from furikaeri.store import Store

    with Store.open(tmp_path / "home") as st:
        first = st.create_session("week1-mon", set_name="en-basic", language="en")
        capsys.readouterr()
        second = st.create_session("week1-mon", set_name="ja-basic", language="ja")
        said = capsys.readouterr().err
        assert second != first and f"#{first}" in said and f"#{second}" in said and "week1-mon" in said
        st.create_session("week2", set_name="en-basic", language="en")
        assert capsys.readouterr().err == ""  # a new name: nothing to say


def test_show_checks_the_logged_interviews_fix_again(tmp_path):
    """QA s55 AO #7: the check of a logged interview's "to fix" was said once, at the save; `show`
    (and its --json) never said it again."""
    import json

    from click.testing import CliRunner

    from furikaeri.cli import cli
    from furikaeri.store import Store
    from datetime import timedelta

    from test_compare_notes import MONDAY, make_analysis, save

    home = tmp_path / "home"
    with Store.open(home) as st:  # logged the day before the answer was saved
        st.add_interview(company="さくら商事", held_on="2026-12-01", stage="一次", reaction="", went_well="",
                         to_fix="30秒以内にまとめる", items=[{"question": "Why us?", "answer": ""}],
                         now=MONDAY - timedelta(days=1))
    aid = save(home, make_analysis(question="Why us?"), session="s")  # a 60-s answer
    with Store.open(home) as st:  # logged after it: not what it was checked on
        st.add_interview(company="さくら商事", held_on="2026-12-03", stage="二次", to_fix="もっと笑顔で",
                         items=[{"question": "Why us?", "answer": ""}], now=MONDAY + timedelta(days=1))
    r = CliRunner().invoke(cli, ["--home", str(home), "show", str(aid), "--json"])
    assert r.exit_code == 0, r.output
    fix = json.loads(r.stdout)["interview_fix"]
    assert fix is not None and fix["note"] == "30秒以内にまとめる" and fix["limit_s"] == 30.0
    text = CliRunner().invoke(cli, ["--home", str(home), "show", str(aid)]).stdout
    assert "30秒以内にまとめる" in text


# --------------------------------------------------------------------------- a room that echoes


def _in_room(samples, rt60: float, drr_db: float = -3.0, seed: int = 5):
    """``samples`` in a synthetic room: the direct sound, then a tail of decaying noise (60 dB in
    ``rt60`` s) ``drr_db`` under or over it (another room family than bench/real.py's)."""
    import numpy as np
    from scipy.signal import fftconvolve

    rng = np.random.default_rng(seed)
    t = np.arange(int(rt60 * 16000 * 1.2)) / 16000
    tail = rng.standard_normal(len(t)) * 10 ** (-3 * t / rt60)
    tail[: int(0.004 * 16000)] = 0.0
    tail *= 10 ** (-drr_db / 20) / np.sqrt(np.sum(tail ** 2))
    h = tail
    h[0] = 1.0
    y = fftconvolve(samples, h)[: len(samples)]
    return (y * (np.max(np.abs(samples)) / np.max(np.abs(y)))).astype(np.float32)


@pytest.mark.parametrize("name", ["en_ALL_102_M_SHS_ENG_ST1", "en_ALL_115_M_TUR_ENG_ST2", "ja_KKD27-ST1",
                                  "ja_ENZ20-ST2"])
def test_a_bare_room_is_heard_to_echo_and_a_dry_or_noisy_one_is_not(shared, name):
    """The echo score (:mod:`furikaeri.echo`) of real answers: dry under the bar, in a bare room
    (RT60 0.6 s) over it, in steady noise never over it (noise leaves fewer word endings to read,
    not slower ones); read in pieces as while recording, the same."""
    import numpy as np

    from furikaeri.echo import ECHO_SCORE_S, EchoMeter, echo_score
    from realclips import real_l2

    audio, _ = real_l2(shared, name)
    x = np.asarray(audio.samples, dtype=np.float32)
    dry, bare = echo_score(x), echo_score(_in_room(x, 0.6))
    assert dry is not None and dry < 0.2 and bare is not None and bare >= ECHO_SCORE_S, (dry, bare)
    noise = np.random.default_rng(1).standard_normal(len(x)).astype(np.float32)
    noise *= np.sqrt(np.mean(x ** 2)) / np.sqrt(np.mean(noise ** 2)) * 10 ** (-20 / 20)
    noisy = echo_score(x + noise)
    assert noisy is None or noisy < ECHO_SCORE_S
    meter = EchoMeter()
    for i in range(0, len(x), 4321):
        meter.push(x[i:i + 4321])
    assert meter.score() == dry


def _measured_in(echo, fillers: int):
    """An English answer of hand-made words over a voiced sound (tests/test_schema.py's), with
    ``fillers`` "um"s, measured as heard in a room of echo score ``echo``."""
    from furikaeri.analysis import Heard, _analysis, _voice
    from furikaeri.audio import Audio
    from furikaeri.lang import get_rules
    from furikaeri.transcribe import Word
    from test_schema import _speech, _voiced

    words = [(" My", 0.5, 0.7), (" strength", 0.7, 1.2), (" is", 1.2, 1.4), (" patience.", 1.4, 2.0)]
    words += [(w, 2.2 + i * 0.5, 2.6 + i * 0.5) for i, w in enumerate(
        [" It", " really", " worked", " for", " the", " team", " every", " week", " and", " we", " won",
         " often", " so", " I", " kept", " going", " on", " with", " it."])]
    words += [(" um,", 12.0 + i * 0.8, 12.4 + i * 0.8) for i in range(fillers)]
    words += [(" Thanks.", 12.0 + fillers * 0.8, 12.5 + fillers * 0.8)]
    ivs = [(0.5, 2.0), (2.2, 11.9), (12.0, 12.5 + fillers * 0.8)]
    duration = 13.0 + fillers * 0.8
    audio = Audio(_voiced(duration, ivs), 16000, "en.wav")
    smap = _speech(ivs, duration)
    return _analysis(smap, Heard(tuple(Word(t, s, e, 0.9) for t, s, e in words)), get_rules("en"), budget_s=60.0,
                     acoustic=False, question="Question", model="base", duration=duration, source=audio.source,
                     voice_of=lambda span: _voice(audio, smap, span), echo=echo)


def test_an_answer_in_a_room_that_echoes_is_warned_and_its_fillers_not_judged():
    """QA s55 AP #1: in a bare room three clear "uh"s read "Fillers 0 … good", with no warning;
    the room is named now, and a filler count short of high is a floor, not judged, nor stored."""
    from furikaeri.echo import ECHO_SCORE_S
    from furikaeri.lang import text
    from furikaeri.store import metrics_from_analysis

    dry = _measured_in(0.1, 0)
    assert dry.verdicts["fillers"].level == "good" and not any("echo" in w for w in dry.warnings)
    assert _measured_in(None, 0).verdicts["fillers"].level == "good"  # no score: "cannot tell", as before
    room = _measured_in(0.45, 0)
    assert 0.45 >= ECHO_SCORE_S and room.echo_s == 0.45 and room.verdicts["fillers"].level == "n/a"
    assert text("en", "warn_echo", score=0.45) in room.warnings
    assert metrics_from_analysis(room.to_dict())["fillers_per_min"] is None  # no personal best from a floor
    assert metrics_from_analysis(dry.to_dict())["fillers_per_min"] == 0.0
    assert room.verdicts["pauses"].level in ("n/a", "high") and room.rate.articulation_wpm is None  # AR #1
    assert dry.rate.articulation_wpm is not None
    many = _measured_in(0.45, 8)  # even the floor is high: high it stays
    assert many.verdicts["fillers"].level == "high" and text("en", "warn_echo_high", score=0.45) in many.warnings


def test_compare_says_no_length_in_range_under_half_the_length_asked():
    """QA s55 AQ #3: 80.5 s, then 27.7 s of "Tell me about yourself in one minute." read "▲ better,
    now in range for the budget" in compare's length row, above the note check's "now short"."""
    from dataclasses import replace

    from rich.console import Console

    from furikaeri.compare import compare_answers
    from furikaeri.lang import text
    from furikaeri.report.history import render_compare_answers
    from test_compare_notes import MONDAY, answer

    def took(id_, seconds, question, minutes):
        a = answer(id_, {"answer_s": seconds, "budget_s": 60.0, "over_budget": int(seconds > 60),
                         "over_s": seconds - 60.0}, at=MONDAY.replace(minute=minutes))
        return replace(a, question=question)

    for question, into in (("Tell me about yourself in one minute.", False), ("Tell me about yourself.", True)):
        cmp = compare_answers(took(1, 80.5, question, 1), took(2, 27.7, question, 2))
        console = Console(width=200, record=True, color_system=None)
        render_compare_answers(console, cmp, "en")
        assert (text("en", "length_into_range") in console.export_text()) == into


@pytest.mark.parametrize("language", ["en", "ja"])
def test_another_language_heard_among_other_voices_is_not_told_as_the_speakers(language):
    """QA s55 AQ #4: a Japanese answer drowned in English voices was told "this answer sounds like
    English … analyse it with --language en" as a fact, beside the voices' own warning."""
    from types import SimpleNamespace

    from furikaeri.advice import warnings_for
    from furikaeri.lang import text

    other = "en" if language == "ja" else "ja"

    def said(voices: bool) -> str:
        m = SimpleNamespace(speech_detected=True, unconfirmed_fillers=0, answer_s=20.0, words=())
        smap = SimpleNamespace(duration=30.0, intervals=[SimpleNamespace(start=0.0, end=25.0, duration=25.0)],
                               other_voices=voices, noise=(), contrast_db=12.0 if voices else 40.0,
                               speech_db=-25.0, louder=())
        return warnings_for(m, language, smap, sounds_like=other)[0]

    heard = text(language, f"language_{other}")
    assert said(True) == text(language, "warn_language_voices", heard=heard, as_code=other)
    assert said(False) == text(language, "warn_language", heard=heard, as_code=other)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_compare_says_an_echo_blanked_the_fillers_not_sounds_in_doubt(lang):
    """QA s55 AR #2: an echoing take's blank fillers were said "more filler-like sounds were left
    in doubt" in compare, show and practice."""
    from dataclasses import replace

    from furikaeri.compare import compare_answers
    from furikaeri.lang import text
    from furikaeri.report.history import _unjudged_line
    from test_compare_notes import MONDAY, answer

    dry = answer(1, {"fillers_per_min": 3.0, "filler_count": 2, "answer_s": 40.0, "budget_s": 60.0})
    room = replace(answer(2, {"fillers_per_min": None, "filler_count": None, "answer_s": 40.0, "budget_s": 60.0},
                          at=MONDAY.replace(minute=5)), unjudged=("fillers_per_min", "filler_count"), echo_s=0.45)
    said = _unjudged_line(compare_answers(dry, room), lang)
    assert text(lang, "unjudged_echo") in said and text(lang, "unjudged_fillers") not in said
    doubt = replace(room, echo_s=0.1)
    assert text(lang, "unjudged_fillers") in _unjudged_line(compare_answers(dry, doubt), lang)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_compare_of_a_dry_and_an_echoing_take_says_the_room_may_have_made_the_changes(lang):
    """QA s55 AR #4: the same speech dry and in a bare room read "▲ better" and "▼ worse" with no
    word that one of them echoed."""
    from dataclasses import replace

    from rich.console import Console

    from furikaeri.compare import compare_answers
    from furikaeri.lang import text
    from furikaeri.report.history import render_compare_answers
    from test_compare_notes import MONDAY, answer

    def took(id_, echo):
        a = answer(id_, {"wpm": 150.0 - id_ * 10, "answer_s": 40.0, "budget_s": 60.0}, at=MONDAY.replace(minute=id_))
        return replace(a, echo_s=echo)

    def shown(x, y) -> str:
        console = Console(width=300, record=True, color_system=None)
        render_compare_answers(console, compare_answers(x, y), lang)
        return console.export_text()

    assert text(lang, "compare_echo", id=2, score=0.43) in shown(took(1, 0.1), took(2, 0.43))
    assert "0.43" not in shown(took(1, 0.1), took(2, 0.12)) and "0.43" not in shown(took(1, 0.43), took(2, 0.5))
