"""Session 33, r1: bad input around takes and the archive (QA s33 qa-c #2, #3, #4, #6).

What must hold: a file with a ``.partial`` marker is rewritten by ``recover`` only when it is
empty or begins as the header our recorder writes; any other file is named and left as it is
(#2); a marker whose take is missing is named, not passed over in silence (#3);
``FURIKAERI_HOME`` (or the usual folder) being a file is refused as ``--home FILE`` is, on
reading commands too (#4); ``analyze --save`` of a file whose copy is known not to fit in the
archive is refused before its analysis, and never where the room or the size is unknown or
nothing is copied (#6).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections import namedtuple
from pathlib import Path

import pytest
from click.testing import CliRunner

from furikaeri import capture
from furikaeri.capture import marker_path
from furikaeri.errors import AudioError

sys.path.insert(0, str(Path(__file__).parent))

MARKER = {"rate": 16000, "channels": 1, "sample_bytes": 2, "pid": 999999, "started": "x"}


def invoke(*args, env=None):
    from furikaeri.cli import cli

    return CliRunner().invoke(cli, list(args), env=env)


def _marked(path: Path, content: bytes, marker=MARKER) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    marker_path(path).write_text(json.dumps(marker))
    return path


# ------------------------------------------------------------------------------ 2. a marked file that is no take
OUR_HEADER = capture._wav_header(16000, 1, 0)


@pytest.mark.parametrize("content", [
    b"my interview notes, 29 bytes\n",  # the QA's: text under 44 bytes
    b"RIFX" + OUR_HEADER[4:20],  # a big-endian RIFF: not our header
    OUR_HEADER[:8] + b"AVI ",  # a RIFF of another kind
    capture._wav_header(48000, 1, 0)[:30],  # a header whose rate is not the marker's
    b"\x00" * 10,
])
def test_a_marked_file_that_is_not_our_header_is_left_as_it_is(tmp_path, content):
    """QA s33 qa-c #2: a 29-byte text file with a marker was overwritten by an empty WAV."""
    take = _marked(tmp_path / "X.wav", content)
    with pytest.raises(AudioError, match="not a furikaeri take.*left as it is"):
        capture.recover_take(take)
    assert take.read_bytes() == content and marker_path(take).exists()


@pytest.mark.parametrize("cut", [0, 4, 20, 43])
def test_a_take_killed_while_its_header_was_written_is_still_repaired(tmp_path, cut):
    """The other side: an empty take, or one holding the first bytes of our header, is ours."""
    take = _marked(tmp_path / "k.wav", OUR_HEADER[:cut])
    t = capture.recover_take(take)
    assert t.duration_s == 0 and take.read_bytes() == OUR_HEADER and not marker_path(take).exists()


def test_recover_names_the_marked_note_and_repairs_the_take_beside_it(furikaeri_home):
    takes = furikaeri_home / "takes"
    note = _marked(takes / "X.wav", b"my interview notes, 29 bytes\n")
    good = _marked(takes / "Y.wav", OUR_HEADER[:12])
    r = invoke("recover")
    assert r.exit_code == 2 and f"could not repair: {note}: not a furikaeri take" in r.output
    assert f"repaired {good}" in r.output and good.read_bytes() == OUR_HEADER
    assert note.read_bytes() == b"my interview notes, 29 bytes\n" and marker_path(note).exists()


# ------------------------------------------------------------------------------ 3. a marker with no take
def test_a_marker_whose_take_is_missing_is_named_and_left(furikaeri_home):
    """QA s33 qa-c #3: only orphan.wav.partial: recover said nothing and exited 0. It is named
    (the take is missing) and left as it is (a leftover is named and left as it is: it holds
    what the take was recorded with; the person deletes it)."""
    orphan = marker_path(furikaeri_home / "takes" / "orphan.wav")
    orphan.parent.mkdir(parents=True)
    orphan.write_text(json.dumps(MARKER))
    assert capture.find_partial_takes(orphan.parent) == [orphan.parent / "orphan.wav"]
    r = invoke("recover")
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert f"{orphan}: the take it marks as unfinished, orphan.wav, is missing; left as it is" in r.output
    assert "No interrupted takes" not in r.output and orphan.exists()
    ja = invoke("recover", env={"LANG": "ja_JP.UTF-8"})
    assert ja.exit_code == 2 and f"{orphan}: 中断された録音 orphan.wav が見つかりません" in ja.output


def test_the_next_recording_names_a_marker_whose_take_is_missing(tmp_path):
    """`record` and `practice` repair their folder first: the lone marker is said there too,
    and does not stop the take beside it from being repaired."""
    from furikaeri.cli.live import repair_partial_takes

    marker_path(tmp_path / "gone.wav").write_text(json.dumps(MARKER))
    os.utime(marker_path(tmp_path / "gone.wav"), (1, 1))  # the oldest: said first, the others go on
    good = _marked(tmp_path / "k.wav", b"")
    done, failed = repair_partial_takes(tmp_path, quiet=True)
    assert [t.path for t in done] == [good] and len(failed) == 1 and "gone.wav.partial" in str(failed[0])


def test_a_marker_beside_a_folder_is_named_too(tmp_path):
    (tmp_path / "d.wav").mkdir()
    marker_path(tmp_path / "d.wav").write_text(json.dumps(MARKER))
    with pytest.raises(AudioError, match=r"d\.wav, is not a file; left as it is"):
        capture.recover_take(tmp_path / "d.wav")


# ------------------------------------------------------------------------------ 4. a home that is a file
@pytest.mark.parametrize("command", [["history"], ["show", "1"], ["progress"], ["export"]])
def test_furikaeri_home_set_to_a_file_is_refused_as_home_is(tmp_path, monkeypatch, command):
    """QA s33 qa-c #4: "cannot create the data directory homefile: File exists"."""
    homefile = tmp_path / "homefile"
    homefile.write_text("hi\n")
    monkeypatch.setenv("FURIKAERI_HOME", str(homefile))
    r = invoke(*command)
    assert r.exit_code == 2 and "cannot create" not in r.output
    assert f"Invalid value for FURIKAERI_HOME: '{homefile}' is a file, not a folder" in r.output
    assert homefile.read_text() == "hi\n"
    ja = invoke(*command, env={"LANG": "ja_JP.UTF-8"})
    assert f"FURIKAERI_HOME の値が使えません: '{homefile}' はファイルです" in ja.output


def test_the_usual_data_folder_being_a_file_is_named(tmp_path, monkeypatch):
    import platformdirs

    homefile = tmp_path / "furikaeri"
    homefile.write_text("")
    monkeypatch.delenv("FURIKAERI_HOME")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(homefile))
    r = invoke("history")
    assert r.exit_code == 2 and f"the data folder {homefile} is a file, not a folder" in r.output


# ------------------------------------------------------------------------------ 6. no room for the copy
Usage = namedtuple("Usage", "total used free")


def _sound(path: Path, seconds: float = 1.0) -> Path:
    import numpy as np
    import soundfile as sf

    sf.write(path, np.zeros(int(16000 * seconds), np.float32), 16000)
    return path


def _free(monkeypatch, free: int):
    monkeypatch.setattr(shutil, "disk_usage", lambda p: Usage(10 ** 9, 10 ** 9 - free, free))


def test_analyze_save_refuses_before_the_analysis_a_copy_that_will_not_fit(tmp_path, monkeypatch, furikaeri_home):
    """QA s33 qa-c #6: 1 MB to copy, 0.3 MB free: the whole analysis ran, then "disk full"."""
    from furikaeri import stream
    from furikaeri.store import Store
    from test_input_robust import fake_analysis

    big, small = _sound(tmp_path / "big.wav", 2.0), _sound(tmp_path / "small.wav", 0.5)
    analysed = []
    monkeypatch.setattr(stream, "analyze_recording",
                        lambda path, progress=None, **kw: analysed.append(path) or fake_analysis(path, **kw))
    _free(monkeypatch, big.stat().st_size - 1)  # the small one fits: it is analysed and saved
    r = invoke("analyze", str(big), str(small), "--save")
    assert r.exit_code == 2 and analysed == [small]
    assert (f"no room to save {big} into the archive {furikaeri_home}: its recording takes 64 kB, 64 kB is free"
            in r.output and "(it was not analysed)" in r.output)
    with Store.open(furikaeri_home) as st:
        assert [Path(a.audio_path).name.endswith("small.wav") for a in st.answers()] == [True]
    ja = invoke("analyze", str(big), "--save", "-l", "ja")
    assert ja.exit_code == 2 and f"アーカイブ {furikaeri_home} に {big} を保存する空きがありません" in ja.output


def test_the_room_is_checked_only_where_it_can_be_known(tmp_path, monkeypatch, furikaeri_home):
    """Not refused: the free space unknown, a file not copied (already in the audio folder), a
    file whose size says nothing (a pipe) or that is missing (its own error says so), a copy
    that fits exactly."""
    from furikaeri.cli.common import check_room
    from furikaeri.store import ArchiveFullError, Store

    Store.open(furikaeri_home).close()
    take = _sound(tmp_path / "take.wav")
    size = take.stat().st_size
    _free(monkeypatch, size - 1)
    with pytest.raises(ArchiveFullError):  # the test's own check: it is refused, as it should be
        check_room(take)
    check_room(_sound(furikaeri_home / "audio" / "kept.wav"))  # saving it copies nothing
    os.mkfifo(tmp_path / "pipe.wav")
    check_room(tmp_path / "pipe.wav")
    check_room(tmp_path / "missing.wav")
    _free(monkeypatch, size)
    check_room(take)

    def unknown(path):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(shutil, "disk_usage", unknown)
    check_room(take)
