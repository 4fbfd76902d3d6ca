"""Session 51: the known-left list of session 50 (QA s50 reports named in each test)."""
from __future__ import annotations

import os
import signal
import sys

import pytest
from pulse_fixture import pulse  # noqa: F401  (fixture: a private PulseAudio microphone)
from test_s49_filters import archive  # noqa: F401  (fixture: an archive of three companies' answers)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_practice_from_files_ends_with_143_and_one_line_on_sigterm_and_sighup(name, capsys):
    # QA s50 OO #6: `practice --from-files` stopped by SIGHUP (the terminal closed) died with 129
    from furikaeri.cli.practice_cmd import _sigterm_as_ctrl_c

    sig = getattr(signal, name)
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        with pytest.raises(SystemExit) as e, _sigterm_as_ctrl_c():
            assert signal.getsignal(sig) is not before[sig]  # else the signal would end the test run
            os.kill(os.getpid(), sig)
            raise AssertionError("the signal did not stop the session")
        assert e.value.code == 143
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and ("stopped, as the program was asked to" in err or "終了の指示" in err)
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def _wav_of(path, seconds_from: float, seconds_to: float, out):
    import soundfile as sf

    from furikaeri.audio import load_audio

    samples = load_audio(path).samples[int(seconds_from * 16000):int(seconds_to * 16000)]
    sf.write(out, samples, 16000, subtype="PCM_16")
    return samples


def test_a_short_take_that_starts_on_speech_is_not_called_speechless(shared, tmp_path):
    # QA s50 OO #5: a take of 0.75-1.5 s that began mid-speech was "no speech ... can be deleted":
    # the live tracker's floor was the speech's own level
    import numpy as np

    from furikaeri.capture import LevelTracker, speech_on_second_look

    jfk = shared("en", "jfk.flac")
    take = tmp_path / "take.wav"
    samples = _wav_of(jfk, 2.0, 3.0, take)  # "Americans", nothing before it
    tracker = LevelTracker(16000)
    tracker.feed((samples * 32767).astype(np.int16))
    assert not tracker.speech_heard  # what the live tracker says of it
    assert speech_on_second_look(take, 1.0)
    room = tmp_path / "room.wav"
    _wav_of(shared("edge", "silence_short.wav"), 0.0, 1.4, room)
    assert not speech_on_second_look(room, 1.4)
    assert not speech_on_second_look(take, 31.0)  # a long take's tracker had the room to go by


def test_a_killed_short_take_that_starts_on_speech_is_repaired_as_holding_speech(shared, tmp_path):
    import json
    import struct

    from furikaeri.capture import marker_path, recover_take

    jfk = shared("en", "jfk.flac")
    take = tmp_path / "take-20261207-120000.wav"
    _wav_of(jfk, 2.0, 3.2, take)
    data = bytearray(take.read_bytes())
    data[4:8] = struct.pack("<I", 0)  # as a killed recorder leaves it: the sizes never written
    data[40:44] = struct.pack("<I", 0)
    take.write_bytes(bytes(data))
    marker_path(take).write_text(json.dumps({"pid": 1, "rate": 16000, "channels": 1}))
    repaired = recover_take(take)
    assert repaired.speech_heard and 1.1 < repaired.duration_s < 1.3


@pytest.mark.mic
def test_sigterm_a_second_into_a_take_begun_mid_speech_names_the_command_that_saves_it(pulse, tmp_path, shared):
    import subprocess
    import sys
    import time

    from test_capture import env_for, marker_path, need_jfk, wait_until_recording

    need_jfk()
    env = env_for(pulse, tmp_path)
    out = tmp_path / "mid.wav"
    player = pulse.play(shared("real-l2", "en_ALL_108_M_SHS_ENG_ST1.flac"))  # speaking already when the take starts,
    time.sleep(1.5)  # and for long after: the command may take seconds to start on a loaded machine
    p = subprocess.Popen([sys.executable, "-m", "furikaeri", "record", "--out", str(out), "--json"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until_recording(out)
    time.sleep(1.0)
    p.send_signal(signal.SIGTERM)
    _, stderr = p.communicate(timeout=120)
    player.kill()
    assert p.returncode == 143, stderr
    assert "nothing to analyse later" not in stderr and "furikaeri analyze" in stderr, stderr
    assert marker_path(out).exists()  # left for `recover`, which names the command that saves it


@pytest.mark.mic
@pytest.mark.parametrize("controlling", [False, True])
def test_a_take_whose_terminal_closes_is_kept_for_recover(pulse, tmp_path, controlling):
    """``controlling=False`` (QA s50 OO #6): a wrapper that traps SIGHUP kept the hang-up from us
    and the take recorded on, with no one there; a terminal that is not the command's
    controlling one sends no SIGHUP either as it closes: reading the keys finds it gone.
    ``controlling=True``: the terminal's window shut, its SIGHUP came, and the panel's last draw
    into it failed before the take's marker was left: `recover` never named the take."""
    import pty
    import subprocess
    import sys
    import time

    from test_capture import JFK, env_for, marker_path, need_jfk, wait_until_recording

    need_jfk()
    env = env_for(pulse, tmp_path)
    env["COLUMNS"], env["LINES"] = "100", "30"
    out = tmp_path / "gone.wav"
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "furikaeri", "record", "--out", str(out)], env=env,
                         stdin=slave, stdout=subprocess.DEVNULL, stderr=slave, close_fds=True,
                         start_new_session=controlling, preexec_fn=_controlled_by_stdin if controlling else None)
    os.close(slave)
    try:
        wait_until_recording(out)
        player = pulse.play(JFK)
        time.sleep(2.5)
        os.close(master)  # the terminal's window shut
        p.wait(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
    player.kill()
    assert p.returncode == 143
    assert marker_path(out).exists()  # kept for `recover`, as a SIGHUP leaves it
    from test_capture import load16k

    assert 1.5 < len(load16k(out)) / 16000 < 10


def _controlled_by_stdin() -> None:
    import fcntl
    import termios

    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@pytest.mark.model
def test_a_freeze_longer_than_noise_can_make_one_is_coached_in_a_noisy_room(shared):
    # QA s51 SS #1: a 12.5-s freeze mid-sentence in a fan's noise: pauses "not judged", no focus, and
    # the one tip "Well-paced" (the pace good only because of the freeze). A steady noise lengthens a
    # pause by a soft sound at its edges, up to 2 s on the real recordings, never by seconds more.
    import realclips
    from furikaeri.analysis import analyze_audio
    from furikaeri.coach import focus_of
    from furikaeri.norms import NOISY_FREEZE_S

    audio, truth = realclips.real_l2(shared, realclips.SPEAKER)
    at, freeze = 14.6, 9.0  # inside the labelled pause 14.27-15.07 s, which becomes a 9.8-s freeze
    pause = next(p for p in truth["pauses"] if p["start"] < at < p["end"])
    frozen = realclips.build([realclips.cut(audio, 0.0, at), realclips.room_tone(audio, pause, freeze),
                              realclips.cut(audio, at, audio.duration)], audio.source)
    shifted = {**truth, "words": [{**w, "start": w["start"] + (freeze if w["start"] > at else 0.0),
                                   "end": w["end"] + (freeze if w["start"] > at else 0.0)} for w in truth["words"]]}
    a = analyze_audio(realclips.in_steady_noise(frozen, shifted, 10.0), language="en")
    assert [w for w in a.warnings if w.startswith("The room is noisy")], a.warnings
    assert a.stats.longest_pause_s >= NOISY_FREEZE_S, a.stats
    assert a.verdicts["pauses"].level == "high" and "in noise judged only on silences of 5 s" in a.verdicts["pauses"].norm
    assert any("mid-sentence" in t or "silence" in t for t in a.tips) and not any("Well-paced" in t for t in a.tips), a.tips
    focus = focus_of(a)
    assert focus is not None and focus.metric == "longest_pause_s", focus
    assert a.verdicts["fillers"].level == "n/a"  # the rest of a noisy room's figures as they were
    from furikaeri.lang import get_rules
    from furikaeri.report.terminal import _figure_rows

    rows: list = []
    _figure_rows(a, get_rules("en"), rows)  # QA s51 UU #6: "21 high" read as the count judged
    (pauses,) = [row for row in rows if row[0] == "Pauses"]
    assert pauses[1] == f"longest {a.stats.longest_pause_s:.1f} s" and pauses[2].plain.startswith("high ("), pauses


@pytest.mark.parametrize("orders, verdict", [
    ((None, "story_first"), "mixed"),  # the length better, the order asked for not followed
    (("story_first", "story_first"), "mixed"),
    ((None, "point_first"), "better"),
])
def test_a_note_asking_for_the_point_first_is_not_worked_over_a_story_first(orders, verdict):
    # QA s51 RR #1: "your fix worked" on 「ran long / told the whole story first / lead with the
    # point」 over an answer that opened with a story again, for a length 3 s shorter
    from furikaeri import notes as N
    from furikaeri.store import Answer, Note

    before = {"answer_s": 37.9, "budget_s": 60.0, "over_s": -22.1, "opening_share": 0.03}
    after = {"answer_s": 34.6, "budget_s": 60.0, "over_s": -25.4, "opening_share": 0.08}
    note = Note(1, 1, "ran long", "told the whole story first", "lead with the point", "", "")
    previous = Answer(1, 1, "", 1, "Q", None, "", None, "", "en", "base", {}, before, note)
    fix = N.check_fix(previous, after, "en", orders=orders)
    assert fix.verdict == verdict, fix


def _archive_of_forty(home):
    """An archive of 40 answers with notes (long texts: many pages), a session and a company."""
    from datetime import timedelta

    from test_s35_h4 import MONDAY, analysis

    from furikaeri.store import Store

    with Store.open(home) as st:
        sid = st.session_for("Monday", now=MONDAY)
        return [st.add_answer(sid, analysis(f"answer {i} " + "words " * 300, "en").to_dict(),
                              now=MONDAY + timedelta(minutes=i), note={"next_time": f"note {i}"})
                for i in range(40)]


def _forty_on_disk(home):
    """:func:`_archive_of_forty`, all of it in the database file (its log checkpointed): (the
    answers' ids, the file, its page size, its page count)."""
    import sqlite3

    ids = _archive_of_forty(home)
    db = home / "furikaeri.db"
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = c.execute("PRAGMA page_size").fetchone()[0]
        pages = c.execute("PRAGMA page_count").fetchone()[0]
    return ids, db, size, pages


def test_an_archive_cut_off_partway_shows_what_its_pages_hold(tmp_path):
    # QA s51 TT #1: a copy cut off by a page or more (a copy to a stick interrupted) was refused
    # whole, "restore it from a backup, or ... start a new archive", though its pages were whole
    import json
    import sqlite3

    from test_s35_h4 import run

    home = tmp_path / "h"
    ids, db, size, pages = _forty_on_disk(home)
    with open(db, "r+b") as f:
        f.truncate((pages - 3) * size - 100)  # three pages and a bit gone from the end
    r = run(home, "export", "--format", "json")
    assert r.exit_code == 0, r.output
    answers = json.loads(r.stdout)["answers"]
    assert len(answers) >= 30 and {a["id"] for a in answers} <= set(ids)
    assert all(a["transcript"].startswith(f"answer {a['id'] - 1} ") for a in answers)
    assert "is damaged" in r.stderr and "start a new archive" not in r.stderr
    (readable,) = home.glob("furikaeri.db.readable-*")
    with sqlite3.connect(readable) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.stat().st_size == (pages - 3) * size - 100  # the file itself left as it was


def test_an_archive_whose_list_of_tables_is_overwritten_shows_its_rows(tmp_path):
    # QA s51 TT #2: a page of sqlite_master overwritten hid every table, every page of rows whole
    import json
    import sqlite3

    from test_s35_h4 import damage, run

    from furikaeri.store import Store

    home = tmp_path / "h"
    ids = _archive_of_forty(home)
    with Store.open(home) as st:
        st.upsert_company("ミライ電機", asks="志望動機")  # a company too
    db = home / "furikaeri.db"
    with sqlite3.connect(db) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        schema_pages = [p for (p,) in c.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")]
    damage(db, schema_pages[0], at=100, size=3000)  # past the file's header: the list of tables
    r = run(home, "export", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert sorted(a["id"] for a in doc["answers"]) == ids
    assert all((a["note"] or {}).get("next_time") == f"note {a['id'] - 1}" for a in doc["answers"])
    assert [s["name"] for s in doc["sessions"]] == ["Monday"]
    assert [c["name"] for c in doc["companies"]] == ["ミライ電機"]


def test_a_set_question_without_a_budget_takes_the_time_its_words_ask_for(tmp_path):
    # QA s51 RR #2: "Sell yourself in one minute." from one's own set got 120 s; typed after -q, 60 s
    from furikaeri.questions import load_file, worded_budget

    f = tmp_path / "grad.toml"
    body = ('[[questions]]\nid = "pitch"\ntext = "Sell yourself in one minute."\n'
            '[[questions]]\nid = "why"\ntext = "Why this company?"\n'
            '[[questions]]\nid = "ask"\ntext = "Do you have any questions for us?"\n')
    f.write_text('[set]\nname = "grad"\nlanguage = "en"\n' + body, encoding="utf-8")
    assert {q.id: q.budget_s for q in load_file(f).questions} == {"pitch": 60.0, "why": 120.0, "ask": 45.0}
    assert worded_budget("Sell yourself in one minute.") == 60.0  # as -q reads the same words
    f.write_text('[set]\nname = "grad"\nlanguage = "en"\nbudget = 90\n' + body, encoding="utf-8")
    assert {q.id: q.budget_s for q in load_file(f).questions} == {"pitch": 60.0, "why": 90.0, "ask": 90.0}


def _speech_take(shared, path, stopped_by=None):
    """A take of real speech (JFK, 3 s) as a killed recorder leaves it (``stopped_by`` None), or
    as the CLI leaves one a signal came to after it ended (:func:`leave_unfinished`)."""
    import numpy as np

    from furikaeri.capture import Take, _TakeWriter, leave_unfinished

    samples = (_wav_of(shared("en", "jfk.flac"), 0.0, 3.0, path.with_suffix(".src.wav")) * 32767).astype(np.int16)
    w = _TakeWriter(path, 16000, 1)
    w.append(samples.tobytes())
    if stopped_by is None:  # killed: its file and marker let go of, the header never finished
        os.close(w.fd)
        os.close(w.marker_fd)
    else:
        w.close()
        leave_unfinished(Take(path=path, duration_s=3.0, rate=16000, channels=1, overflows=0, stopped_by=stopped_by,
                              speech_heard=True))
    path.with_suffix(".src.wav").unlink()


@pytest.mark.parametrize("stopped_by, cut", [(None, True), ("terminated", True), ("stop", False)])
def test_recover_names_a_take_cut_mid_answer_with_cut_off(shared, tmp_path, stopped_by, cut):
    # QA s51 RR #3: a take a kill cut 14 s into the answer, saved with the command recover gave, was
    # coached "say more"; a take Enter ended before a signal came is a finished answer
    import json

    from test_s35_h4 import run

    takes = tmp_path / "takes"
    takes.mkdir()
    _speech_take(shared, takes / "take-20261207-120000-en-basic-strength.wav", stopped_by)
    r = run(tmp_path / "home", "recover", str(takes), "--json")
    assert r.exit_code == 0, r.output
    (doc,) = json.loads(r.stdout)
    assert doc["save_command"] and ("--cut-off" in doc["save_command"]) == cut, doc


@pytest.mark.model
def test_analyze_cut_off_does_not_judge_the_length_of_an_answer_cut_mid_speech(shared, tmp_path):
    # QA s51 RR #3: 14 s of a 33-s answer, the speaker mid-sentence: "Say more", "Short: under 30%"
    import json

    from test_s35_h4 import run

    take = tmp_path / "cut.wav"
    _wav_of(shared("real-l2", "en_ALL_115_M_TUR_ENG_ST2.flac"), 0.0, 14.0, take)
    args = ["analyze", str(take), "-q", "Tell me about your strengths.", "--budget", "60", "--json"]
    plain = json.loads(run(tmp_path / "home", *args).stdout)
    assert not plain["cut_short"] and plain["verdicts"]["length"]["level"] == "low"
    cut = json.loads(run(tmp_path / "home", *args, "--cut-off").stdout)
    assert cut["cut_short"] and cut["verdicts"]["length"]["level"] == "n/a"
    assert not any("14 s of 60" in t or "only 13" in t for t in cut["tips"]), cut["tips"]
    assert any(w.startswith("The recording stopped (14 s) while you were still speaking") for w in cut["warnings"])


def test_a_file_with_no_answer_on_its_pages_is_still_refused(tmp_path):
    # the pages read (QA s51 TT #2) find none: the one line, exit 2, no promise of what it shows
    from test_s35_h4 import run

    home = tmp_path / "h"
    home.mkdir()
    (home / "furikaeri.db").write_bytes(b"SQLite format 3\x00" + b"\x10\x00\x01\x01" + bytes(4096 * 3 - 20))
    r = run(home, "history")
    assert r.exit_code == 2 and "is damaged" in r.stderr and "showing what can still be read" not in r.stderr, r.output


def test_an_answer_to_a_company_file_s_question_has_that_company_in_the_export(furikaeri_home, archive):
    # QA s51 TT #3: `analyze --save -q さくら商事:asks1` (a session of no company) was kept by
    # `export -c さくら商事`, its `company` cell blank
    import csv
    import io
    import json

    from test_s49_filters import NOV, _analysis, run

    from furikaeri.questions import load_file
    from furikaeri.store import Store, user_questions_dir

    ids = archive
    key = load_file(user_questions_dir(furikaeri_home) / "sakura.toml").name + ":asks1"
    with Store.open(furikaeri_home) as st:
        qid = st.question_for(key, "なぜ商社なのですか。", language="ja", budget_s=60.0, now=NOV)
        sid = st.create_session("on its own", language="ja", now=NOV)
        own = st.add_answer(sid, _analysis(150.0), question_id=qid, now=NOV)
    rows = {int(r["answer_id"]): r["company"] for r in csv.DictReader(io.StringIO(run("export", "-f", "csv").stdout))}
    assert rows[own] == "さくら商事" and rows[ids["acme-1"]] == "Acme", rows
    doc = json.loads(run("export", "-c", "さくら商事").stdout)
    assert {a["id"]: a["company"] for a in doc["answers"]}[own] == "さくら商事"


def test_a_company_filter_that_keeps_nothing_names_the_company_it_may_mean(archive):
    # QA s51 RR #4: `history -c "Acme"` beside "Acme Corp" (the README's own example) found nothing
    # and said nothing; `export` wrote an empty file; `reflect` already named the company meant
    from test_s49_filters import run

    r = run("history", "-c", "acm")
    assert r.stdout.splitlines() == ["nothing saved matches --company acm", "did you mean 'Acme'? -c Acme"]
    assert "did you mean 'Acme'? -c Acme" in run("progress", "-c", "acm").stdout
    assert run("export", "-c", "acm").stderr.rstrip().endswith("the export holds none; did you mean 'Acme'? -c Acme")
    assert "did you mean" not in run("history", "-c", "Acme", "--since", "2030-01-01").stdout  # a company it knows
    assert "「さくら商事」のことなら -c 'さくら商事'" in run("history", "-c", "さくら", "--lang", "ja").stdout


def test_reflect_interview_clears_a_part_given_empty_or_as_spaces(tmp_path):
    # QA s51 RR #5: `--went-well ""` was ignored without a word, `" "` kept as the part's text
    import json

    from test_s35_h4 import run

    home = tmp_path / "h"
    r = run(home, "reflect", "-c", "Acme", "--stage", "first", "-q", "Why us?", "--went-well", "wrong box",
            "--to-fix", "lead with the point", "--json")
    iid = json.loads(r.stdout)["id"]
    cleared = json.loads(run(home, "reflect", "--interview", str(iid), "--went-well", "", "--json").stdout)
    assert cleared["went_well"] == "" and cleared["to_fix"] == "lead with the point"
    run(home, "reflect", "--interview", str(iid), "--to-fix", "fix it", "--json")
    spaces = json.loads(run(home, "reflect", "--interview", str(iid), "--to-fix", "  ", "--json").stdout)
    assert spaces["to_fix"] == "" and spaces["stage"] == "first"


@pytest.mark.parametrize("lang, said", [("en", "- **focus**: time to first word (11.7 s)"),
                                        ("ja", "- **今回の重点**: 話し始めまで（11.7秒）")])
def test_the_journal_gives_the_focus_figure_no_other_line_gives(lang, said):
    # QA s51 RR #6: an answer whose focus was the time to its first word never showed that figure
    from furikaeri.report.export import _md_answer

    a = {"id": 1, "question": "Why us?", "language": "en", "note": None, "focus": "latency_s", "transcript": "",
         "metrics": {"answer_s": 33.0, "budget_s": 90.0, "latency_s": 11.66, "wpm": 150.0}}
    assert said in _md_answer(a, lang)
    a["focus"] = "wpm"  # on the figures line already: the name alone, as before
    assert not any("(150" in x for x in _md_answer(a, lang) if "focus" in x or "重点" in x)


def test_a_recording_gone_behind_the_archive_s_back_is_said_in_json_and_the_export(tmp_path):
    # QA s51 TT #4: only the text of `show` said it
    import json

    from test_s35_h4 import MONDAY, analysis, run

    from furikaeri.store import Store

    home = tmp_path / "h"
    takes = [tmp_path / "one.wav", tmp_path / "two.wav"]
    for i, take in enumerate(takes):
        take.write_bytes(b"RIFF....WAVEfmt " + bytes([i]))
    with Store.open(home) as st:
        sid = st.session_for("Monday", now=MONDAY)
        kept = st.add_answer(sid, analysis("kept").to_dict(), audio_path=takes[0], now=MONDAY)
        gone = st.add_answer(sid, analysis("gone").to_dict(), audio_path=takes[1], now=MONDAY)
        path = st.answer(gone).audio_path
    assert json.loads(run(home, "show", str(gone), "--json").stdout)["audio_missing"] is False
    os.remove(path)
    assert json.loads(run(home, "show", str(gone), "--json").stdout)["audio_missing"] is True
    doc = json.loads(run(home, "export").stdout)
    assert {a["id"]: a["audio_missing"] for a in doc["answers"]} == {kept: False, gone: True}
    import csv
    import io

    rows = csv.DictReader(io.StringIO(run(home, "export", "-f", "csv").stdout))  # QA s51 UU #5
    assert {int(r["answer_id"]): r["audio_missing"] for r in rows} == {kept: "0", gone: "1"}


@pytest.mark.parametrize("json_", [False, True])
def test_practice_from_files_stopped_by_the_archive_names_what_was_saved_and_what_was_not_reached(
        tmp_path, monkeypatch, json_):
    # QA s51 TT #5: a full disk at the third of nine files: no word of the two saved, nor of the
    # six files never reached (the user had to work out which needed a run)
    import json

    from test_archive_robust import _quiet_wav, analysis, run

    from furikaeri import store as S
    from furikaeri.cli import practice_cmd
    from furikaeri.store import Store

    home = tmp_path / "h"
    takes = [_quiet_wav(tmp_path / f"take{i}.wav") for i in range(1, 5)]
    for i, take in enumerate(takes):  # each its own recording
        take.write_bytes(take.read_bytes()[:-2] + bytes([i, 0]))
    monkeypatch.setattr(practice_cmd, "_analyser", lambda model, **_: lambda path, language, budget, question: analysis())
    real, calls = Store.add_answer, []

    def third_locked(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise S._locked(S.db_path(self.home))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "add_answer", third_locked)
    r = run("--home", str(home), "practice", "--set", "en-basic", "-n", "4", "--from-files", *map(str, takes),
            "--no-reflect", "--note", "one", "--note", "two", "--note", "three", "--note", "four",
            *(["--json"] if json_ else []))
    assert r.exit_code == 2, r.output
    err = " ".join(r.stderr.split())
    assert "answers 1, 2 were saved before it stopped" in err, err
    assert f"question 4 was not reached ({takes[3]})" in err and "--note four" in err
    assert "question 3 was not reached" not in err  # the one being saved: the error line names it
    assert r.stderr.strip().splitlines()[0].startswith("furikaeri: error:")  # the cause first (QA s52 AB #6)
    if json_:
        assert [a["answer_id"] for a in json.loads(r.stdout)["answers"]] == [1, 2]


@pytest.mark.parametrize("note, left", [
    ("えーが多かった。結論から話し、数字を入れる", ("数字を入れる",)),  # QA s50 NN #6
    ("lead with the point, then add a number", ("add a number",)),
    ("fewer ums, and mention the team", ("mention the team",)),
    ("話すスピードを、もう少し落とす", ()),  # one instruction, its comma no clause's end
    ("えー、あのーを減らす", ()),
    ("結論から話して、最後にもう一度結論を言う", ()),  # both measured
    ("数字を入れる、具体例を話す", ("数字を入れる、具体例を話す",)),  # nothing measured: one part, as written
])
def test_a_part_that_names_a_figure_leaves_its_other_clauses_to_the_ear(note, left):
    from furikaeri.notes import unmeasured_parts

    assert unmeasured_parts(note, None) == left


def test_an_interview_fix_to_slow_down_is_done_on_an_answer_already_slow():
    # QA s51 VV #1: 「ゆっくり話す」 was ✗ "not yet" on 4.2 拍/秒, an answer its report called slow
    import io

    from rich.console import Console

    from furikaeri.report.history import render_stand
    from furikaeri.notes import check_stand

    m = dict(answer_s=43.5, budget_s=60.0, over_s=-16.5, over_budget=False, morae_per_s=4.2)
    check = check_stand("早口になった。ゆっくり話す。1分以内にまとめる", m, "ja")
    assert check.verdict == "done" and [(s.metric, s.fine) for s in check.figures] == [
        ("answer_s", True), ("morae_per_s", True)]
    assert check_stand("ゆっくり話す", {**m, "morae_per_s": 8.5}, "ja").verdict == "not_yet"  # still fast
    assert check_stand("もっと速く話す", {**m, "morae_per_s": 4.0}, "ja").verdict == "not_yet"  # slow, asked faster
    out = Console(file=io.StringIO(), width=120, color_system=None)
    render_stand(out, check, "ja", "ja")
    said = "".join(out.file.getvalue().split())
    assert "修正点の上限60秒" in said and "メモ" not in said, said
    # QA s51 WW #3: done, and said to be past the range now (a bare ✓ under a focus asking for the other way)
    assert "✓（今度は目安を下回っています）" in said and check.to_dict()["figures"][1]["past_range"] == "lower"
    assert not check_stand("ゆっくり話す", {**m, "morae_per_s": 6.0}, "ja").figures[0].past  # in range


def test_the_tip_on_a_length_the_question_asked_for_is_said_once_beside_another_focus():
    # QA s51 UU #2: "The question asked for 60 s and the answer took 24.9 s…" twice in the text
    # report when the focus was the fillers (the tips fitted twice: for the view, then the focus)
    import dataclasses

    from test_s35_h4 import analysis

    from furikaeri.advice import focus_first, tips_as_shown
    from furikaeri.coach import Focus

    a = dataclasses.replace(analysis("so I study physics"), question="Sell yourself in one minute.", budget_s=60.0,
                            answer_s=24.9, tips=("7.2 fillers a minute (um, uh, like). Record a practice run.",))
    focus = Focus("fillers_per_min", 7.2, "high", 2.0, None, "norm", 3.0)
    shown = tips_as_shown(a, focus)
    assert sum("asked for 60 s" in t for t in shown) == 1, shown
    assert sum("asked for 60 s" in t for t in focus_first(shown, "fillers_per_min", "en", analysis=a)) == 1


@pytest.mark.parametrize("ended, cut", [("stop", False), ("silence", False), ("interrupt", True), ("max_seconds", True)])
def test_a_take_killed_while_analysed_is_recovered_as_it_ended(shared, tmp_path, ended, cut):
    # QA s51 UU #1: Enter 0.3 s after the last word, then kill -9 while the take was analysed:
    # `recover` said "interrupt" and gave --cut-off, its length then not judged
    import json

    import numpy as np
    from test_s35_h4 import run

    from furikaeri import capture

    takes = tmp_path / "takes"
    takes.mkdir()
    path = takes / "take-20261207-120000-en-basic-intro.wav"
    samples = (_wav_of(shared("en", "jfk.flac"), 0.0, 3.0, tmp_path / "src.wav") * 32767).astype(np.int16)
    with capture.take_settings(path, {"question": "en-basic:intro", "save": True}):
        w = capture._TakeWriter(path, 16000, 1)
        w.append(samples.tobytes())
        w.close()  # to be saved: its marker kept, held by this process
    capture.mark_ended(capture.Take(path=path, duration_s=3.0, rate=16000, channels=1, overflows=0,
                                    stopped_by=ended, speech_heard=True))
    os.close(capture._HELD.pop(path.absolute()))  # killed: the marker left, let go of
    (doc,) = json.loads(run(tmp_path / "home", "recover", str(takes), "--json").stdout)
    assert doc["stopped_by"] == ended and ("--cut-off" in doc["save_command"]) == cut, doc


@pytest.mark.parametrize("damage", ["zeros", "random"])
def test_an_archive_whose_first_page_is_lost_whole_shows_its_rows(tmp_path, damage):
    # QA s51 UU #3: page 1 zeroed, or random bytes over its header too: "file is not a database",
    # nothing shown, though every other page was whole; the page size is found from the pages
    import json
    import random

    from test_s35_h4 import run

    home = tmp_path / "h"
    ids, db, size, _ = _forty_on_disk(home)
    data = bytearray(db.read_bytes())
    data[:size] = bytes(size) if damage == "zeros" else random.Random(5).randbytes(size)
    db.write_bytes(bytes(data))
    r = run(home, "export", "--format", "json")
    assert r.exit_code == 0, r.output
    answers = json.loads(r.stdout)["answers"]
    assert sorted(a["id"] for a in answers) == ids
    assert all((a["note"] or {}).get("next_time") == f"note {a['id'] - 1}" for a in answers)


def test_a_time_limit_is_said_as_given():
    # QA s51 UU #7: --max-seconds 1.5 was said as a limit of "2 s"
    from furikaeri.lang import text

    assert "time limit (1.5 s)" in text("en", "warn_cut_at_limit", seconds=1.5)
    assert "上限の60秒" in text("ja", "warn_cut_at_limit", seconds=round(60.011, 1))


def test_a_take_its_time_limit_cut_is_named_with_cut_off_when_a_signal_comes_while_it_is_analysed(tmp_path, capsys):
    # QA s51 WW #1: the command said at SIGTERM had no --cut-off; `recover` had
    from furikaeri.capture import Take, _TakeWriter
    from furikaeri.cli.live import _terminated

    path = tmp_path / "take.wav"
    w = _TakeWriter(path, 16000, 1)
    w.append(b"\x10\x00" * 16000)
    w.close()
    for ended, cut in (("max_seconds", True), ("stop", False)):
        take = Take(path=path, duration_s=1.0, rate=16000, channels=1, overflows=0, stopped_by=ended, speech_heard=True)
        with pytest.raises(SystemExit):
            _terminated(take, "en", lambda p: ["furikaeri", "analyze", str(p), "--save"])
        assert ("--cut-off" in capsys.readouterr().err) == cut, ended


def test_a_command_longer_than_the_terminal_is_said_on_a_line_of_its_own_unbroken(monkeypatch):
    # QA s51 WW #2: a save command broken over lines by the program ran as several commands pasted
    import io

    from furikaeri.cli.common import say_wrapped
    from furikaeri.lang import text

    class Terminal(io.StringIO):
        def isatty(self):
            return True

        def fileno(self):
            return 2

    command = "furikaeri analyze /home/me/.local/share/furikaeri/audio/20261207T132925-ja-basic-gakuchika.wav --cut-off"
    for lang in ("en", "ja"):
        screen = Terminal()
        monkeypatch.setattr(sys, "stderr", screen)
        monkeypatch.setenv("COLUMNS", "60")
        say_wrapped("furikaeri: " + text(lang, "rec_terminated", command=command))
        lines = screen.getvalue().rstrip("\n").split("\n")
        assert f"`{command}`" in lines, lines
        assert all(len(line) <= 60 for line in lines if command not in line), lines


def test_history_json_names_the_company_a_short_name_may_mean(archive):
    # QA s51 WW #4: `history -c acm --json` gave [] and nothing else; progress --json said it
    from test_s49_filters import run

    r = run("history", "-c", "acm", "--json")
    assert r.stdout.strip() == "[]" and "did you mean 'Acme'? -c Acme" in r.stderr
    assert run("history", "-c", "Acme", "--since", "2030-01-01", "--json").stderr == ""


def test_an_answer_lost_with_a_damaged_archive_s_pages_is_not_called_a_typo(tmp_path):
    # QA s51 WW #5: `show 5` of an answer a cut-off copy lost said "there is no answer 5", as for a typo
    from test_s35_h4 import run

    home = tmp_path / "h"
    ids, db, size, pages = _forty_on_disk(home)
    with open(db, "r+b") as f:
        f.truncate((pages - 3) * size)
    r = run(home, "show", "999")
    assert r.exit_code == 2 and "is not among what could be read of the damaged archive" in r.stderr, r.output
    sound = tmp_path / "sound"
    _archive_of_forty(sound)
    assert "there is no answer 999" in run(sound, "show", "999").output  # a sound archive: a typo, as before
