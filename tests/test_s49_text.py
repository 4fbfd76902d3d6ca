"""Session 49: the words of QA s47 GG's review (#5, #7-#13) and what they name.

- `questions remove` of a company file can clear the research notes it left in the archive
  (--notes, with the file or after it), and says which of them stay (GG #5);
- practice's recording screen speaks --lang, as the lines before and after it (GG #7);
- one name for one thing (繰り返し, 遅め, 話速が目安を外れた時間, 企業) (GG #8);
- Japanese usage lines name their arguments in Japanese (GG #9), the budget's default is said
  plainly (GG #10), the exit codes' and the export's help read as Japanese (GG #11);
- 企業「…」を追加しました（3問、…）, 質問: beside 回答:, one colon per line (GG #12);
- a named filler gone by one is "= same (…)", as a count up by one is (GG #13).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.lang import text


def run(home, *args, env=None):
    env = {"LC_ALL": None, "LC_MESSAGES": None, **(env or {})}
    return CliRunner().invoke(cli, ["--home", str(home), *args], env=env, prog_name="furikaeri")


SAKURA = '[company]\nname = "さくら商事"\nlanguage = "ja"\natmosphere = "穏やか、深掘りが多い"\nasks = ["なぜ商社なのか"]\n'


def _company_file(tmp_path, home):
    f = tmp_path / "sakura.toml"
    f.write_text(SAKURA, encoding="utf-8")
    r = run(home, "questions", "add", str(f), env={"LANG": "ja_JP.UTF-8"})
    assert r.exit_code == 0, r.output
    assert r.output.strip().startswith("企業「さくら商事」を追加しました（1問、"), r.output
    return home / "questions" / "さくら商事.toml"


def _notes_shown(home) -> bool:
    r = run(home, "questions", "company", "さくら商事", "--json")
    return r.exit_code == 0 and "深掘り" in r.output


def test_removing_a_company_file_keeps_its_notes_unless_told_and_says_so(tmp_path):
    home = tmp_path / "h"
    copy = _company_file(tmp_path, home)
    r = run(home, "questions", "remove", "さくら商事", "--yes", env={"LANG": "ja_JP.UTF-8"})
    assert r.exit_code == 0 and not copy.exists(), r.output
    assert "企業研究メモは残っています" in r.output and "--notes" in r.output, r.output
    assert _notes_shown(home)  # kept, as said
    r = run(home, "questions", "remove", "さくら商事", "--notes", "--yes", env={"LANG": "ja_JP.UTF-8"})
    assert r.exit_code == 0 and "企業研究メモを記録から削除しました" in r.output, r.output
    assert not _notes_shown(home)
    r = run(home, "questions", "remove", "さくら商事", "--notes", "--yes")  # nothing left of it
    assert r.exit_code == 2 and "keeps no research notes" in r.output


def test_removing_a_company_file_with_notes_clears_both_and_keeps_interviews(tmp_path):
    home = tmp_path / "h"
    copy = _company_file(tmp_path, home)
    r = run(home, "reflect", "-c", "さくら商事", "--no-prompt", "-q", "志望動機は？", "-a", "商社で働きたい")
    assert r.exit_code == 0, r.output
    r = run(home, "questions", "remove", "さくら商事", "--notes", "--yes", env={"LANG": "en_US.UTF-8"})
    assert r.exit_code == 0 and not copy.exists(), r.output
    assert "cleared its research notes" in r.output, r.output
    view = run(home, "questions", "company", "さくら商事", "--json")
    assert view.exit_code == 0 and "深掘り" not in view.output and "志望動機" in view.output, view.output


def test_notes_of_a_question_set_are_refused_and_nothing_is_removed(tmp_path):
    home = tmp_path / "h"
    f = tmp_path / "mine.toml"
    f.write_text('[set]\nlanguage = "en"\n[[questions]]\ntext = "Q1"\n', encoding="utf-8")
    assert run(home, "questions", "add", str(f)).exit_code == 0
    r = run(home, "questions", "remove", "mine", "--notes", "--yes")
    assert r.exit_code == 2 and "--notes is for a company file" in r.output
    assert (home / "questions" / "mine.toml").exists()
    r = run(home, "questions", "remove", "mine", "--yes")
    assert r.exit_code == 0 and "your answers to it stay" in r.output and "company" not in r.output, r.output


def test_the_practice_recording_screen_speaks_lang(tmp_path, monkeypatch):
    """GG #7: `practice --set en-basic --lang ja`: the panel's cues and how to stop in Japanese."""
    import furikaeri.cli.live as live
    from furikaeri import questions as Q
    from furikaeri.cli.practice_cmd import _microphone

    class Asked(Exception):
        pass

    spoken = []

    def record_listening(path, *, language, **_):
        spoken.append(language)
        raise Asked

    monkeypatch.setattr(live, "record_listening", record_listening)
    q = Q.get_set("en-basic").questions[0]
    for ui, expected in ((None, "en"), ("ja", "ja")):
        record = _microphone(tmp_path, device=None, max_seconds=None, stop_after_silence=None, language="auto",
                             model="base", ui=ui, total=1)
        with pytest.raises(Asked):
            record(0, q, 60.0, datetime(2026, 12, 7, 9))
        assert spoken[-1] == expected


def test_one_name_for_one_thing_in_japanese():
    assert text("ja", "repetitions") == "繰り返し" and text("ja", "metric_repetitions_per_min") == "繰り返し"
    assert text("ja", "metric_off_pace_s") == "話速が目安を外れた時間"
    for key in ("tip_slow", "tip_slow_plain"):
        assert text("ja", key, value="4.8拍/秒", lo=5.3, hi=8, unit="").startswith("話す速さが遅めです")
    assert "企業" in text("ja", "company_hint", home="", company="さくら商事")
    assert "言い直し" not in text("ja", "csv_header") and "話速が目安を外れた時間" in text("ja", "csv_header")


def test_a_named_filler_gone_by_one_reads_as_the_same_with_its_mark():
    from furikaeri.notes import WordChange
    from furikaeri.report.history import _word_line

    one = WordChange("filler_word", 1, 0, -1, "same", word="えー", rate_before=1.0, rate_after=0.0)
    up = WordChange("filler_word", 0, 1, 1, "same", word="えー", rate_before=0.0, rate_after=1.0)
    for lang, same in (("ja", "= 変化なし（"), ("en", "= same (")):
        assert same in _word_line(one, lang, (), "").plain and same in _word_line(up, lang, (), "").plain


@pytest.mark.parametrize("command, usage", [
    (["delete"], "delete [オプション] 番号"), (["note"], "note [オプション] 回答番号"),
    (["compare"], "compare [オプション] [A B]"), (["recover"], "recover [オプション] [フォルダ|ファイル.wav]"),
    (["practice"], "practice [オプション] [ファイル]..."), (["questions", "show"], "questions show [オプション] 名前"),
    (["analyze"], "analyze [オプション] ファイル..."),
])
def test_japanese_usage_lines_name_their_arguments_in_japanese(tmp_path, command, usage):
    r = run(tmp_path / "h", *command, "--help", env={"LANG": "ja_JP.UTF-8", "COLUMNS": "100"})
    assert r.exit_code == 0 and r.output.splitlines()[0] == f"使い方: furikaeri {usage}", r.output


def test_help_words_read_plainly(tmp_path):
    ja = {"LANG": "ja_JP.UTF-8", "COLUMNS": "100"}
    flat = lambda r: "".join(r.output.split())  # noqa: E731
    out = flat(run(tmp_path / "h", "analyze", "--help", env=ja))
    assert "質問の種類ごとの既定値（日本語は逆質問・自己紹介とも30秒、英語は逆質問45秒・自己紹介90秒）" in out
    assert "利用者が対処できるエラー" in flat(run(tmp_path / "h", "--help", env=ja))
    assert "表示の言語。" in flat(run(tmp_path / "h", "export", "--help", env=ja))
    assert "企業ファイルの質問は、そのファイルの言語のまま" in flat(run(tmp_path / "h", "questions", "company", "--help", env=ja))
    en = run(tmp_path / "h", "analyze", "--help", env={"LANG": "en_US.UTF-8", "COLUMNS": "60"}).output
    lines = en[en.index("--budget SECONDS"):].splitlines()
    lines = lines[:next(i for i, line in enumerate(lines) if line.lstrip().startswith("-") and i)]
    # "30 s" and "45 s" never broken across lines
    assert not any(line.rstrip().endswith((" 30", " 45", " 90", " 120", " 60")) for line in lines), en
    assert "the default for its kind" in " ".join(en.split())


def test_a_logged_interview_labels_its_questions_in_the_archive_language(tmp_path):
    home = tmp_path / "h"
    r = run(home, "reflect", "-c", "さくら商事", "--no-prompt", "-q", "志望動機は？", "-a", "商社で働きたい")
    assert r.exit_code == 0, r.output
    out = run(home, "history", "--interviews", "--lang", "ja").output
    assert "質問: 志望動機は？" in out and "Q:" not in out, out
    md = run(home, "export", "--format", "md", "--lang", "ja").output
    assert "**質問**" in md and "**Q**" not in md, md
    assert "Q: 志望動機は？" in run(home, "history", "--interviews", "--lang", "en").output


def test_typed_lines_drop_control_keys_and_apply_backspace():
    from furikaeri.cli.streams import typed_lines

    assert typed_lines("結論が遅い\n\n\x1b[Aabcd\x7f\x7fx\r".encode()) == ["結論が遅い", "abx"]
    assert typed_lines(b"\n \n") == [] and typed_lines(b"\xe7\xb5") == ["\ufffd"]


def test_lines_typed_during_the_analysis_are_offered_back_at_the_prompts(tmp_path):
    """QA s47 BB #6 (b): a note typed while the answer was analysed was thrown away and the
    student told to type it again; now each line fills one prompt, kept with Enter."""
    import os
    import time

    from test_s36_f3 import _slow_launcher
    from test_input_robust import SAMPLE
    from ttys import practice_at_a_terminal

    home = tmp_path / "home"
    p, master, screen = practice_at_a_terminal(_slow_launcher(tmp_path), home, "--set", "en-basic", "-n", "1",
                                               "--from-files", str(SAMPLE), "--reflect")
    deadline = time.monotonic() + 60
    while "1/1" not in screen.text and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert "saved as answer" not in screen.text  # the analysis takes 1.5 s
    os.write(master, b"rambled\nno plan\n")  # typed while waiting for the report
    for prompt, typed in (("what went wrong [rambled]: ", b"\n"), ("why [no plan]: ", b"no plan at all\n"),
                          ("next time: ", b"one point\n")):
        deadline = time.monotonic() + 60
        while prompt not in screen.text and time.monotonic() < deadline:
            time.sleep(0.05)
        assert prompt in screen.text, screen.text[-2000:]
        time.sleep(0.2)
        os.write(master, typed)
    assert p.wait(60) == 0, screen.text[-2000:]
    screen.join()
    os.close(master)
    assert "filled in below" in screen.text
    from furikaeri.store import Store

    with Store.open(home) as store:
        note = store.answer(1).note
    assert (note.wrong, note.why, note.next_time) == ("rambled", "no plan at all", "one point")


def test_ctrl_c_amid_several_files_names_each_left_with_its_save_command(tmp_path, monkeypatch):
    """QA s45 S #6: Ctrl-C while the second of three files was analysed said only "interrupted";
    now the first is said saved (its own line may be cut off) and the others named with the
    command that saves each, into the same session with the same note."""
    import shutil

    from furikaeri import stream
    from test_input_robust import SAMPLE, fake_analysis

    files = []
    for name in ("a.flac", "b.flac", "c.flac"):
        files.append(tmp_path / name)
        shutil.copy(SAMPLE, files[-1])
    files[1].write_bytes(files[1].read_bytes() + b"\0")  # another recording, byte for byte
    files[2].write_bytes(files[2].read_bytes() + b"\0\0")

    def analyze_recording(path, progress=None, **options):
        return fake_analysis(path, question=options.get("question"))

    import furikaeri.cli.analyze_cmd as cmd

    saving = cmd.save_and_check

    def save_and_check(a, path, *args, **kw):  # b.flac: saved, then Ctrl-C before its line is said
        saving(a, path, *args, **kw)
        if Path(path).name == "b.flac":
            raise KeyboardInterrupt

    import threading

    monkeypatch.setattr(stream, "analyze_recording", analyze_recording)
    monkeypatch.setattr(cmd, "save_and_check", save_and_check)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # no native thread: sys.exit, not os._exit
    r = run(tmp_path / "h", "analyze", *map(str, files), "--save", "--session", "mon", "--note", "slow down",
            "-q", "Why us?")
    assert r.exit_code == 130, r.output
    lines = [" ".join(line.split()) for line in r.stderr.splitlines()]
    assert lines[0].startswith("saved as answer 1"), r.stderr
    assert any(f"{files[1]} is saved as answer 2" in line for line in lines), r.stderr
    said = next(line for line in lines if f"{files[2]} is not saved (interrupted)" in line)
    assert f"analyze {files[2]} -q en-basic:why-company --budget 60 --save --session mon --note 'slow down'" in said
    assert lines[-1] == "furikaeri: interrupted"


def test_a_note_part_of_a_stray_byte_alone_is_empty_and_no_damage(tmp_path):
    """QA s45b U #4: `note 1 --why $'\\xe7'` saved "�", then every read warned "cannot be read"."""
    from furikaeri.session import save_analysis
    from test_input_robust import SAMPLE, fake_analysis

    home = tmp_path / "h"
    save_analysis(fake_analysis(SAMPLE, question="Why us?"), audio_path=SAMPLE, session="s", question="Why us?",
                  note=None, home=home, settings={})
    r = run(home, "note", "1", "--wrong", "話が長い", "--why", "\udce7", "--next", "緊\udce7")
    assert r.exit_code == 0, r.output
    shown = run(home, "show", "1", "--json")
    assert "cannot be read" not in shown.stderr, shown.stderr
    import json

    note = json.loads(shown.stdout)["note"]
    assert (note["wrong"], note["why"], note["next_time"]) == ("話が長い", "", "緊")


def test_history_of_a_company_with_interviews_but_no_practice_says_where_they_are(tmp_path):
    """QA s47 GG #14: a company logged in interviews and one that does not exist both read
    "nothing matches"; the first now names the command that lists its interviews."""
    home = tmp_path / "h"
    assert run(home, "reflect", "-c", "もみじ銀行", "--no-prompt", "-q", "志望動機は？", "-a", "x").exit_code == 0
    said = " ".join(run(home, "history", "-c", "もみじ銀行", "--lang", "ja").output.split())
    assert "記録した面接はあります" in said and "history --interviews --company 'もみじ銀行'" in said, said
    said = run(home, "history", "-c", "存在しない", "--lang", "ja").output
    assert "当てはまる記録はありません" in said and "面接" not in said, said
    said = run(home, "history", "-c", "もみじ銀行", "--since", "2099-01-01", "--lang", "en").output
    assert "nothing saved matches" in said and "interviews" not in said, said


def test_a_note_typed_while_answering_is_offered_after_the_take(monkeypatch):
    """QA s49 II #1: 「具体例が薄い」 typed during the take, Enter ending it: the prompt came up
    empty. The live panel's key watcher keeps what it read for the prompts after the take."""
    import os
    import pty
    import sys
    import time

    from furikaeri.cli.live import _EnterKey
    from furikaeri.cli.streams import typeahead_lines

    master, slave = pty.openpty()
    try:
        with open(slave, "r", closefd=False) as tty:
            monkeypatch.setattr(sys, "stdin", tty)
            with _EnterKey() as keys:
                os.write(master, "具体例が薄い".encode())
                time.sleep(0.1)
                assert not keys.pressed()  # no Enter yet: the take goes on
                os.write(master, b"x\x7f\n")  # a slip taken back, then Enter
                time.sleep(0.1)
                assert keys.pressed()
            assert typeahead_lines() == ["具体例が薄い"]
            assert typeahead_lines() == []  # offered once
            with _EnterKey() as keys:  # a take with nothing typed leaves nothing
                os.write(master, b"\n")
                time.sleep(0.1)
                assert keys.pressed()
            assert typeahead_lines() == []
    finally:
        os.close(master)
        os.close(slave)


@pytest.mark.parametrize("lang, said", [("en", "times are the recording's, from the start of the take; the answer "
                                                 "is timed from its first word, at 0:07"),
                                        ("ja", "時刻は録音の開始からです（回答の長さは最初の一言、0:07から数えます）")])
def test_report_times_say_they_run_from_the_take_start_when_the_first_word_came_late(lang, said):
    """QA s49 II #4: 「速さの変化: 遅め 0:08〜1:44」 in an answer 1:36 long (its first word 7 s in):
    the report's times are the recording's, its length the answer's; now said."""
    import dataclasses

    from rich.console import Console

    from furikaeri.measure import PaceStretch
    from furikaeri.report.terminal import render
    from test_input_robust import SAMPLE, fake_analysis

    a = dataclasses.replace(fake_analysis(SAMPLE), language=lang)
    slow = dataclasses.replace(a, latency_s=7.0, pace=dataclasses.replace(
        a.pace, stretches=(PaceStretch(8.0, 104.0, "slow"),)))
    for analysis, told in ((slow, True), (dataclasses.replace(slow, latency_s=0.4), False),
                           (dataclasses.replace(a, latency_s=7.0), False)):
        console = Console(width=200, record=True, force_terminal=False, color_system=None)
        render(analysis, console)
        out = "".join(console.export_text().replace("│", " ").split())
        assert ("".join(said.split()) in out) == told, out


def test_a_footnote_mark_is_not_left_alone_and_a_unit_not_split():
    """QA s49 II #5: 「+ #9と#1のフィラー（回/」 / 「分）は下限です…」 at 100 columns (a "/" in a
    Japanese sentence taken for a path's), and "+" alone on its line at 120."""
    from rich.text import Text

    from furikaeri.report.wrap import wrap_phrases

    said = "+ #9と#1のフィラー（回/分）は下限です（フィラーらしい音がほかにも確かめられずに残ったため、これより多い可能性があります）"
    for width in (60, 80, 100, 120):
        lines = wrap_phrases(Text(said), width, fill=True).plain.split("\n")
        assert lines[0].startswith("+ #9と#1のフィラー（回/分）"), (width, lines)
        assert "".join(lines) == said.replace(" ", "", 0) or " ".join(lines).replace(" ", "") == said.replace(" ", "")
    path = "saved as /tmp/s47a/snap/samples/very/long/path/ja_jikopr.flac ok"
    assert wrap_phrases(Text(path), 30, fill=True).plain.split("\n") == [
        "saved as /tmp/s47a/snap/", "samples/very/long/path/", "ja_jikopr.flac ok"]


def test_the_company_template_holds_no_research_of_its_own():
    """QA s49 II #7: the template's sample `asks` became every company's 「聞かれること」."""
    import tomllib

    from furikaeri import questions as Q

    for lang in ("en", "ja"):
        doc = tomllib.loads(Q.template(company="みどり銀行", language=lang))
        assert doc["company"]["asks"] == [] and not doc["company"]["to_ask"] and not doc["company"]["atmosphere"]
        assert "# asks = [" in Q.template(company="みどり銀行", language=lang)  # the example, as a comment


def test_a_stray_byte_alone_keeps_what_the_part_held(tmp_path):
    """QA s49 HH #2: `note 12 --why $'\\xe7'` (or the byte typed at a prompt) cleared the part."""
    import json

    from furikaeri.session import save_analysis
    from test_input_robust import SAMPLE, fake_analysis

    home = tmp_path / "h"
    save_analysis(fake_analysis(SAMPLE, question="Why us?"), audio_path=SAMPLE, session="s", question="Why us?",
                  note=None, home=home, settings={})
    assert run(home, "note", "1", "--wrong", "ran long", "--why", "too much background").exit_code == 0
    assert run(home, "note", "1", "--why", "\udce7").exit_code == 0
    note = json.loads(run(home, "show", "1", "--json").stdout)["note"]
    assert (note["wrong"], note["why"]) == ("ran long", "too much background")


def test_clearing_the_notes_a_removed_file_left_asks_first(tmp_path):
    """QA s49 HH #3: `questions remove Acme --notes` once the file was gone cleared the only
    copy of the research at once, in a script with no --yes."""
    home = tmp_path / "h"
    copy = _company_file(tmp_path, home)
    assert run(home, "questions", "remove", "さくら商事", "--yes").exit_code == 0 and not copy.exists()
    r = run(home, "questions", "remove", "さくら商事", "--notes")  # no terminal, no --yes
    assert r.exit_code == 2 and "--yes" in r.output and _notes_shown(home), r.output
    assert run(home, "questions", "remove", "さくら商事", "--notes", "--yes").exit_code == 0
    r = run(home, "questions", "remove", "さくら商事", "--notes", "--yes")
    assert r.exit_code == 2 and "keeps no research notes" in r.output, r.output
    r = run(tmp_path / "none", "questions", "remove", "Foo", "--notes", "--yes")
    assert r.exit_code == 2 and not (tmp_path / "none").exists()  # no stray archive


def test_filtered_exports_count_what_they_hold(tmp_path, monkeypatch):
    """QA s49 HH #6 and #7: answer_count of the whole archive beside one answer; a CSV of a
    company with interviews only, empty with no word."""
    import json

    from furikaeri.session import save_analysis
    from test_input_robust import SAMPLE, fake_analysis

    home = tmp_path / "h"
    for session in ("Acme day", "other"):
        save_analysis(fake_analysis(SAMPLE, question="Tell me about yourself."), audio_path=SAMPLE, session=session,
                      question="Tell me about yourself.", note=None, home=home, settings={})
    from furikaeri.store import Store

    with Store.open(home) as store:  # the first session practised for Acme
        store.db.execute("UPDATE sessions SET company_id = ? WHERE id = 1",
                         (store._company_id(store.db, "Acme", None),))
        store.db.commit()
    doc = json.loads(run(home, "export", "-c", "Acme").stdout)
    assert len(doc["answers"]) == 1 and [q["answer_count"] for q in doc["questions"]] == [1]
    assert [s["answer_count"] for s in doc["sessions"]] == [1]
    whole = json.loads(run(home, "export").stdout)
    assert [q["answer_count"] for q in whole["questions"]] == [2]
    assert run(home, "reflect", "-c", "Beta", "--no-prompt", "-q", "Why?", "-a", "x").exit_code == 0
    r = run(home, "export", "-c", "Beta", "-f", "csv")
    assert r.exit_code == 0 and "only logged interviews" in r.stderr, r.stderr
    r = run(home, "progress", "-c", "Beta", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) and "no saved answers match --company Beta" in r.stderr


def test_a_missing_argument_is_named_in_japanese_as_the_usage_line_names_it(tmp_path):
    ja = {"LANG": "ja_JP.UTF-8"}
    assert "「番号」を指定してください" in run(tmp_path / "h", "delete", env=ja).stderr
    assert "「名前」を指定してください" in run(tmp_path / "h", "questions", "remove", env=ja).stderr
    assert "'NUMBER'" in run(tmp_path / "h", "delete", env={"LANG": "C.UTF-8"}).stderr


def test_a_hum_alone_is_no_voice_for_the_mic_check(shared):
    """QA s49 HH #1: a 50-Hz hum and no one speaking read "fine: speech at -39 dBFS", exit 0."""
    import numpy as np
    from test_s49_mic_hum import pcm

    sys_path_bench()
    from real import mains_hum

    from furikaeri.capture import level_report

    for mains, dbfs in ((50.0, -36), (60.0, -20), (50.0, -10)):  # QA s49b LL #4: a loud one left 20 dB of itself
        hum = mains_hum(3 * 16000, 16000, mains, np.random.default_rng(1)).astype(np.float32)
        hum *= 10 ** (dbfs / 20) / np.sqrt(np.mean(hum ** 2))
        r = level_report(pcm(hum), 16000)
        assert r.mains_hum_hz == mains and r.verdict == "too_quiet", r


def sys_path_bench():
    import sys

    bench = str(Path(__file__).resolve().parents[1] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)


def test_company_filters_take_the_files_set_name_its_questions_and_a_name_spaced_otherwise(tmp_path):
    """QA s49 JJ #3-#5: `-c acme-corp` (the set name sessions carry) found nothing; an answer
    saved with `-q abc商事:asks2` was no company's; 「ABC 商事」 made a second company."""
    import json

    from furikaeri.session import save_analysis
    from test_input_robust import SAMPLE, fake_analysis

    home = tmp_path / "h"
    f = tmp_path / "abc.toml"
    f.write_text('[company]\nname = "ABC商事"\nlanguage = "ja"\nasks = ["なぜ当社なのですか。"]\n', encoding="utf-8")
    assert run(home, "questions", "add", str(f)).exit_code == 0
    a = fake_analysis(SAMPLE, question="なぜ当社なのですか。")
    save_analysis(a, audio_path=SAMPLE, session="mock", question="abc商事:asks1", note=None, home=home, settings={})
    save_analysis(fake_analysis(SAMPLE, question="Why?"), audio_path=SAMPLE, session="other", question="Why?",
                  note=None, home=home, settings={})
    for typed in ("ABC商事", "abc商事", "ＡＢＣ 商事"):
        doc = json.loads(run(home, "export", "-c", typed).stdout)
        assert [x["id"] for x in doc["answers"]] == [1], (typed, doc["answers"])
        hist = json.loads(run(home, "history", "-c", typed, "--json").stdout)
        assert [x["id"] for s in hist for x in s["answers"]] == [1]
    assert run(home, "reflect", "--no-prompt", "-c", "ABC 商事", "-q", "逆質問は？").exit_code == 0
    ivs = json.loads(run(home, "history", "--interviews", "-c", "ABC商事", "--json").stdout)
    assert len(ivs) == 1  # one company, however it was spaced
    r = run(home, "reflect", "--no-prompt", "-c", "ABC", "-q", "x?")  # a part of a known name: said
    assert r.exit_code == 0 and "if you meant 'ABC商事'" in r.stderr and "reflect --interview 2 -c" in r.stderr


def test_older_interviews_left_off_are_said(tmp_path):
    home = tmp_path / "h"
    for i in range(3):
        assert run(home, "reflect", "--no-prompt", "-c", "Acme", "-q", f"q{i}?").exit_code == 0
    r = run(home, "history", "--interviews", "-n", "1", "--json")
    assert "2 older interviews not shown" in r.stderr and "history --interviews -n 3" in r.stderr
    assert "2 older interviews not shown" in run(home, "history", "--interviews", "-n", "1").stdout


def test_blank_filters_are_refused(tmp_path):
    home = tmp_path / "h"
    for args in (("history", "--since", ""), ("progress", "-c", " "), ("export", "--company", ""),
                 ("history", "-q", ""), ("progress", "-q", ""),
                 ("reflect", "--no-prompt", "--date", "", "-q", "x?")):
        r = run(home, *args)
        assert r.exit_code == 2 and "is empty" in r.stderr, (args, r.output)


def test_a_csv_exported_into_a_pipe_has_no_bom(tmp_path):
    import os

    from furikaeri.session import save_analysis
    from test_input_robust import SAMPLE, fake_analysis

    home = tmp_path / "h"
    save_analysis(fake_analysis(SAMPLE, question="Why?"), audio_path=SAMPLE, session="s", question="Why?",
                  note=None, home=home, settings={})
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got = {}
    reader = threading.Thread(target=lambda: got.setdefault("b", open(fifo, "rb").read()))
    reader.start()
    assert run(home, "export", "-f", "csv", "-o", str(fifo)).exit_code == 0
    reader.join(10)
    assert got["b"].startswith(b"answer_id")
    run(home, "export", "-f", "csv", "-o", str(tmp_path / "a.csv"))
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # a file: the BOM a spreadsheet needs


def test_an_answer_to_a_company_question_worded_as_a_built_in_one_is_the_companys(tmp_path):
    """QA s49b KK #1: `analyze --save -q abc商事:asks1`, its words a built-in question's, was kept
    under the built-in one and was no company's answer."""
    import json

    from furikaeri.session import save_analysis
    from test_input_robust import SAMPLE, fake_analysis

    home = tmp_path / "h"
    f = tmp_path / "abc.toml"
    f.write_text('[company]\nname = "ABC商事"\nlanguage = "en"\nasks = ["Tell me about yourself."]\n', encoding="utf-8")
    assert run(home, "questions", "add", str(f)).exit_code == 0
    save_analysis(fake_analysis(SAMPLE, question="Tell me about yourself."), audio_path=SAMPLE, session="mock",
                  question="Tell me about yourself.", note=None, home=home,
                  settings={"question_key": "abc商事:asks1", "set": "abc商事"})
    doc = json.loads(run(home, "export", "-c", "ABC商事").stdout)
    assert [a["id"] for a in doc["answers"]] == [1]


def test_reflect_with_a_company_files_set_name_points_to_the_company(tmp_path):
    """QA s49b KK #3: `reflect -c acme-corp` (the name session titles carry) made a company of
    its own, nothing said."""
    home = tmp_path / "h"
    f = tmp_path / "acme.toml"
    f.write_text('[company]\nname = "Acme Corp"\nlanguage = "en"\nasks = ["Why us?"]\n', encoding="utf-8")
    assert run(home, "questions", "add", str(f)).exit_code == 0
    r = run(home, "reflect", "--no-prompt", "-c", "acme-corp", "-q", "x?")
    assert r.exit_code == 0 and "if you meant 'Acme Corp'" in r.stderr, r.stderr
