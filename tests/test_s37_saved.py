"""`practice --from-files` saves each recording once (QA s36 V2 #2).

`analyze --save` and `record --save` refused a recording the archive already holds; practice
saved it again, and saved one file given for two questions twice, so progress counted one
take as two attempts. Now practice refuses both before the first question is asked, with one
line and nothing saved. The analysis is a fixed answer (the saving is what is tested); the
recordings are real WAV files read through libsndfile.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import soundfile as sf
from click.testing import CliRunner

from furikaeri.cli import cli
from furikaeri.store import Store

from conftest import own_take
from test_archive_robust import analysis


@pytest.fixture
def analysed(monkeypatch):
    """Every answer analysed as one fixed answer (the saving is what is tested); lists the files."""
    calls = []
    monkeypatch.setattr("furikaeri.analysis.analyze_file",
                        lambda path, **kw: calls.append(path) or analysis("so I study physics and I like it", 40.0))
    return calls


def _wav(path, seed: int):
    tone = 0.1 * np.sin(np.arange(16000 * 2) * (2 * np.pi * (200 + seed) / 16000))
    sf.write(str(path), tone, 16000, subtype="PCM_16")
    return path


def _answers(home) -> int:
    if not (home / "furikaeri.db").exists():
        return 0
    with Store.open(home) as st:
        return len(st.answers())


def _practice(*files, lang="C.UTF-8"):
    return CliRunner(env={"LANG": lang}).invoke(
        cli, ["practice", "--set", "ja-basic" if lang.startswith("ja") else "en-basic", "--no-reflect",
              "--from-files", *map(str, files)])


def _one_line(result) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("furikaeri:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("lang, said", [("C.UTF-8", "is given twice: give each answer its own take"),
                                        ("ja_JP.UTF-8", "が2回指定されています")])
def test_one_file_for_two_questions_is_refused_before_the_first(furikaeri_home, analysed, tmp_path, lang, said):
    a = _wav(tmp_path / "a.wav", 1)
    r = _practice(a, a, lang=lang)
    assert r.exit_code == 2, r.output
    line = _one_line(r)
    assert f"{a} {said}" in line, line
    assert "Traceback" not in r.output
    assert analysed == [] and _answers(furikaeri_home) == 0


def test_a_copy_of_the_same_bytes_under_another_name_is_refused_too(furikaeri_home, analysed, tmp_path):
    a = _wav(tmp_path / "a.wav", 1)
    b = _wav(tmp_path / "b.wav", 2)
    copy = tmp_path / "copy-of-a.wav"
    shutil.copy(a, copy)
    r = _practice(a, b, copy)
    assert r.exit_code == 2, r.output
    line = _one_line(r)
    assert f"{a} and {copy} are one recording: give each answer its own take" in line, line
    assert analysed == [] and _answers(furikaeri_home) == 0


def test_a_recording_saved_by_an_earlier_session_is_refused(furikaeri_home, analysed, tmp_path):
    a = _wav(tmp_path / "a.wav", 1)
    first = _practice(a)
    assert first.exit_code == 0, first.output
    assert _answers(furikaeri_home) == 1
    again = _practice(_wav(tmp_path / "b.wav", 2), a)
    assert again.exit_code == 2, again.output
    assert f"{a} is already saved as answer 1" in _one_line(again)
    assert _answers(furikaeri_home) == 1 and len(analysed) == 1  # the new take b was not saved either


def test_distinct_takes_are_all_saved(furikaeri_home, analysed, tmp_path):
    a = _wav(tmp_path / "a.wav", 1)
    takes = [a, own_take(a, tmp_path / "t"), own_take(a, tmp_path / "t")]  # the same samples, their own bytes
    r = _practice(*takes)
    assert r.exit_code == 0, r.output
    assert _answers(furikaeri_home) == 3 and len(analysed) == 3
    same = [sf.read(str(t), dtype="int16")[0] for t in takes]
    assert all(np.array_equal(same[0], s) for s in same[1:])
