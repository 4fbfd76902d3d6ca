"""Session 43: bad input refused in one line (QA s43 C #3, #4, #5)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli


def invoke(*args, env=None):
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.mark.parametrize("when, said", [("0001-01-01", "out of range"), ("9999-12-31T23:59", "out of range"),
                                        ("1969-12-31", "out of range"), ("2026-02-30", "cannot read the time")])
def test_a_now_no_calendar_holds_is_one_line_and_exit_2(furikaeri_home, when, said):
    # QA s43 C #3: --now 0001-01-01 ended in "unexpected ValueError: year 0 is out of range", exit 70
    r = invoke("reflect", "--no-prompt", "-c", "Acme", "--now", when, "-q", "Why?", "-a", "x", env={"TZ": "Asia/Tokyo"})
    assert r.exit_code == 2 and said in r.output and "unexpected" not in r.output, r.output
    assert len(r.output.strip().splitlines()) == 1


@pytest.mark.parametrize("lang, said", [("en", "'en-basic:' names no question of the set en-basic"),
                                        ("ja", "「en-basic:」は質問セット en-basic のどの質問も指していません")])
def test_a_set_key_cut_short_is_refused_never_saved_as_words(furikaeri_home, lang, said):
    # QA s43 C #4: `-q en-basic:` was saved as a question of those words
    from furikaeri.cli.common import asked_question
    from furikaeri.cli.language import speaks
    from furikaeri.errors import QuestionError

    speaks(lang)
    with pytest.raises(QuestionError) as e:
        asked_question("en-basic:", None)
    assert said in e.value.said_in(lang) and "intro, strength" in e.value.said_in(lang)
    assert asked_question("Why this industry: a question?", None)[2] is None  # words with a colon stay words


def test_control_characters_are_no_part_of_a_questions_words():
    # QA s43 C #5: a newline and a terminal's escape saved in a question broke history's rows
    from furikaeri.cli.common import asked_question

    question, _, _ = asked_question("Why\nthis\x1b[31m industry?\t", None)
    assert question == "Why this industry?"  # the escape sequence whole (QA s43 F #8)
    assert asked_question("\t", None)[0] == ""  # nothing but a control character: no question


def test_a_file_size_limit_is_said_as_one_not_as_a_full_disk(tmp_path):
    # QA s43 C #7: `ulimit -f` past during a save said "free some space"
    import errno

    from furikaeri.store import _disk_full_message

    assert "raise the file-size limit (ulimit -f)" in _disk_full_message(tmp_path, "en", errno.EFBIG)
    assert "ulimit -f" in _disk_full_message(tmp_path, "ja", errno.EFBIG)
    assert "free some space" in _disk_full_message(tmp_path, "en", errno.ENOSPC)


def test_a_flac_damaged_in_the_middle_is_read_past_the_damage(tmp_path):
    # QA s43 C #2: 3 KB zeroed at the 1-s mark of a 23.5-s FLAC gave a 0.7-s answer "cut off"
    from pathlib import Path

    from furikaeri.audio import load_audio

    sample = Path(__file__).resolve().parents[1] / "samples" / "en_greatest_strength.flac"
    data = bytearray(sample.read_bytes())
    damaged, cut = tmp_path / "damaged.flac", tmp_path / "cut.flac"
    data[20000:23000] = bytes(3000)
    damaged.write_bytes(bytes(data))
    cut.write_bytes(bytes(data[:200000]))  # and cut off too: as far as it reads, said to end early
    whole = load_audio(sample)
    a = load_audio(damaged)
    assert whole.duration - 1.0 < a.duration <= whole.duration and not a.cut_short
    b = load_audio(cut)
    assert b.cut_short and b.duration < whole.duration - 5


@pytest.mark.parametrize("lang, said", [("en", "0 is not in the range 0.5 s to 4 h"), ("ja", "0 は範囲外です（0.5秒〜4時間）")])
def test_a_number_of_seconds_out_of_range_is_said_as_typed(furikaeri_home, lang, said):
    # QA s43 C #8: `record --max-seconds 0` said "0.0 is not in the range"
    r = invoke("record", "--max-seconds", "0", env={"LANG": "ja_JP.UTF-8" if lang == "ja" else "C.UTF-8"})
    assert r.exit_code == 2 and said in r.output and "0.0" not in r.output, r.output


def test_an_mp3_damaged_in_the_middle_is_read_past_the_damage(tmp_path):
    # QA s43 F #4: 4 KB zeroed in the middle of a 23.5-s MP3: 11.9 s read, "ends early"
    from pathlib import Path

    import soundfile as sf

    from furikaeri.audio import load_audio

    x, rate = sf.read(Path(__file__).resolve().parents[1] / "samples" / "en_greatest_strength.flac")
    whole = tmp_path / "whole.mp3"
    sf.write(whole, x, rate, format="MP3")
    data = bytearray(whole.read_bytes())
    data[len(data) // 2:len(data) // 2 + 4096] = bytes(4096)
    damaged = tmp_path / "damaged.mp3"
    damaged.write_bytes(bytes(data))
    a, b = load_audio(whole), load_audio(damaged)
    assert b.duration > a.duration - 1.5 and not b.cut_short, (a.duration, b.duration)


@pytest.mark.parametrize("typed, seconds", [("4:00:00", 14400.0), ("0:01:30", 90.0), ("1:30", 90.0),
                                            ("1:75:00", None), ("1:5:00", None), ("4:00:60", None)])
def test_a_length_in_hours_minutes_and_seconds_is_read(typed, seconds):
    # QA s43 F #6: `--max-seconds 4:00:00` was refused as "not a number of seconds"
    from furikaeri.questions import duration_s

    assert duration_s(typed) == seconds


def test_a_range_of_seconds_is_said_in_its_units(furikaeri_home):
    # QA s43 F #6: "0.5<=x<=14400" (maths, and 4 h in seconds) in the help and the error
    r = invoke("record", "--max-seconds", "5:00:00")
    assert r.exit_code == 2 and "5:00:00 is not in the range 0.5 s to 4 h" in r.output, r.output
    assert invoke("record", "--stop-after-silence", "0.1").output.count("0.5 s to 10 min") == 1


@pytest.mark.parametrize("typed, seconds", [("4h", 14400.0), ("4 hours", 14400.0), ("1h30m", 5400.0), ("1h30", 5400.0),
                                            ("1時間", 3600.0), ("1時間半", 5400.0), ("1hx", None), ("h", None)])
def test_a_length_in_hours_is_read(typed, seconds):
    # QA s44 L #3: "4h" refused right after an error said "to 4 h"
    from furikaeri.questions import duration_s

    assert duration_s(typed) == seconds
