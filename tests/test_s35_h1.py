"""QA session 35 (h1): `questions add` on a full disk or a read-only archive, `questions show` of
a broken file, a recording at too low a sample rate, the missing company file's suggestion."""

from __future__ import annotations

import errno
import os
import re
import shlex
import shutil
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf
from click.testing import CliRunner

from furikaeri import questions as Q
from furikaeri.audio import load_audio, read_chunks
from furikaeri.cli import cli
from furikaeri.errors import AudioError
from test_input_robust import env, one_error_line

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
#: As root, a chmod binds only without the capability to override it.
NO_OVERRIDE = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"]


def _set_file(path, n: int, name: str = "mock"):
    rows = "".join(f'[[questions]]\ntext = "Question number {i}?"\nbudget = 60\n' for i in range(n))
    path.write_text(f'[set]\nname = "{name}"\ntitle = "Mock"\nlanguage = "en"\n\n{rows}', encoding="utf-8")
    return path


def _disk_full(monkeypatch):
    """Writing a question file meets a full disk (a tmpfs that fills: the bytes do not reach it)."""
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Q.os, "fsync", full)


def _invoke(*args, lang: str = "C.UTF-8"):
    return CliRunner().invoke(cli, list(args), env={"LANG": lang, "LC_ALL": None, "LC_MESSAGES": None})


# --------------------------------------------------------------------------- F #1, #2: a full disk


def test_replace_on_a_full_disk_keeps_the_set_there_and_names_the_archives_file(tmp_path, furikaeri_home,
                                                                                 monkeypatch):
    """QA F #1: `questions add --replace` copied straight onto the saved set; a full disk left a
    4-kB piece of the new file that loaded as a smaller set, and the error named the user's file."""
    assert _invoke("questions", "add", str(_set_file(tmp_path / "mock.toml", 1))).exit_code == 0
    target = furikaeri_home / "questions" / "mock.toml"
    before = target.read_bytes()
    (tmp_path / "big").mkdir()
    big = _set_file(tmp_path / "big" / "mock.toml", 401)  # the same set, grown
    _disk_full(monkeypatch)
    r = _invoke("questions", "add", "--replace", str(big))
    assert r.exit_code == 2
    line = r.output.strip()
    assert line.startswith(f"furikaeri: error: no room on the disk to save {target} into the archive"), line
    assert "unchanged" in line and str(big) not in line
    assert target.read_bytes() == before  # the old set, whole
    assert sorted(p.name for p in target.parent.iterdir()) == ["mock.toml"]  # no piece left beside it
    assert len(Q.get_set("mock", target.parent).questions) == 1


def test_a_first_add_on_a_full_disk_leaves_nothing_and_the_retry_works(tmp_path, furikaeri_home, monkeypatch):
    """QA F #2: the failed add left an empty mock.toml: listed as broken, and the retry refused
    ("already exists; use --replace")."""
    f = _set_file(tmp_path / "mock.toml", 3)
    with monkeypatch.context() as m:
        _disk_full(m)
        r = _invoke("questions", "add", str(f), lang="ja_JP.UTF-8")
    assert r.exit_code == 2 and "何も追加していません" in r.output and str(f) not in r.output, r.output
    folder = furikaeri_home / "questions"
    assert not folder.exists() or list(folder.iterdir()) == []
    listed = _invoke("questions")
    assert "could not be read" not in listed.output
    r = _invoke("questions", "add", str(f))
    assert r.exit_code == 0, r.output
    assert len(Q.get_set("mock", folder).questions) == 3


# --------------------------------------------------------------------------- F #5: a read-only archive


@pytest.mark.skipif(IS_ROOT and shutil.which("setpriv") is None, reason="as root, chmod binds only through setpriv")
@pytest.mark.parametrize("with_archive", [False, True])
def test_add_into_a_read_only_archive_says_the_usual_read_only_line(tmp_path, with_archive):
    """QA F #5: `questions add` printed the system's words ("Read-only file system (ro/questions)")
    where every other save into the archive says it is read-only and what to do."""
    home = tmp_path / "h"
    home.mkdir()
    if with_archive:
        from furikaeri.store import Store

        with Store.open(home):
            pass
    f = _set_file(tmp_path / "mock.toml", 1)
    home.chmod(0o555)
    try:
        p = subprocess.run([*(NO_OVERRIDE if IS_ROOT else []), sys.executable, "-m", "furikaeri", "questions", "add",
                            str(f)], capture_output=True, env=env(home), timeout=120, cwd=tmp_path)
    finally:
        home.chmod(0o755)
    line = one_error_line(p.stderr.decode())
    assert p.returncode == 2
    assert f"the archive folder {home} is read-only, so nothing can be saved there" in line, line
    assert not (home / "questions").exists()


# --------------------------------------------------------------------------- F #6: a broken file


def test_a_set_whose_file_became_unreadable_is_named_as_broken_not_missing(tmp_path, furikaeri_home):
    """QA F #6: `questions show b8` said "no question set 'b8'" while the listing named b8.toml
    as not valid TOML: the set seemed deleted. `practice --set` said the same."""
    assert _invoke("questions", "add", str(_set_file(tmp_path / "b8.toml", 1, name="b8"))).exit_code == 0
    saved = furikaeri_home / "questions" / "b8.toml"
    with saved.open("a", encoding="utf-8") as out:
        out.write("garbage = = =\n")
    for args in (("questions", "show", "b8"), ("questions", "show", "B8"), ("practice", "--set", "b8")):
        r = _invoke(*args)
        assert r.exit_code == 2, r.output
        assert f"{saved} is not valid TOML" in r.output and "no question set" not in r.output, r.output
    r = _invoke("questions", "show", "b8", lang="ja_JP.UTF-8")
    assert f"{saved} は正しい TOML ではありません" in r.output, r.output
    assert "no question set 'zz'" in _invoke("questions", "show", "zz").output  # a name with no file


# --------------------------------------------------------------------------- F #9: a low sample rate


def test_a_well_formed_recording_at_too_low_a_rate_is_said_too_low_not_corrupt(tmp_path):
    """QA F #9: a valid 1000-Hz WAV (`sox -r 1000`) was called "a corrupt file"."""
    low = tmp_path / "r1k.wav"
    sf.write(low, (0.1 * np.sin(np.arange(3000) / 5)).astype(np.float32), 1000, subtype="PCM_16")
    for read in (load_audio, lambda p: list(read_chunks(p))):
        with pytest.raises(AudioError) as caught:
            read(low)
        said = str(caught.value)
        assert "1000 Hz" in said and "too low" in said and "at least 4000 Hz" in said and "corrupt" not in said
        assert "低すぎ" in caught.value.ja and "4000 Hz 以上" in caught.value.ja


# --------------------------------------------------------------------------- D #5: no company file


@pytest.mark.parametrize("lang, name, template_lang", [
    ("ja_JP.UTF-8", "さくら商事", "ja"), ("C.UTF-8", "みどり銀行", "ja"), ("C.UTF-8", "Acme Corp", "en"),
    ("ja_JP.UTF-8", "Acme Corp", "ja"),
])
def test_the_missing_company_suggests_commands_that_work_as_given(tmp_path, monkeypatch, lang, name,
                                                                   template_lang):
    """QA D #5: the suggested template command only printed to the screen while the next step
    added "FILE"; under LANG=C it made an English template for a Japanese company; the Japanese
    line quoted the name with ASCII quotes. Run as suggested, the two commands make the company."""
    r = _invoke("practice", "--company", name, "--no-reflect", lang=lang)
    assert r.exit_code == 2, r.output
    make, add = r.output.split("`")[1], r.output.split("`")[3]
    if lang.startswith("ja"):
        assert f"「{name}」の企業ファイルはありません" in r.output, r.output
    made = shlex.split(make)
    assert made[:2] == ["furikaeri", "questions"] and made[-2] == ">" and "--lang" in made
    assert made[made.index("--lang") + 1] == template_lang
    file = made[-1]
    assert shlex.split(add)[-1] == file  # the next step adds the file the first wrote
    printed = _invoke(*made[1:-2], lang=lang)
    monkeypatch.chdir(tmp_path)
    (tmp_path / file).write_text(printed.output, encoding="utf-8")
    assert _invoke(*shlex.split(add)[1:], lang=lang).exit_code == 0
    shown = _invoke("questions", "show", name, "--json", lang=lang)
    assert shown.exit_code == 0 and f'"language": "{template_lang}"' in shown.output, shown.output


# --------------------------------------------------------------------------- B #8: narrow Japanese


def _ja(key: str, **values) -> str:
    from furikaeri.lang import text

    return text("ja", key, **values)


JA_SENTENCES = [
    ("tip_opening_late", {"seconds": 2.8, "share": 0.56}),
    ("tip_over_budget", {"budget": 5, "over": 3}),
    ("tip_too_short", {"answer": 7.8, "budget": 30}),
    ("rec_wrap_up", {"left": "1秒"}),
    ("rec_before_first_word", {"waited": "6秒", "freeze": "5秒"}),
]


def _lines(said: str, width: int) -> list[str]:
    from rich.text import Text

    from furikaeri.report.wrap import wrap_unspaced

    return wrap_unspaced(Text(said), width).plain.split("\n")


@pytest.mark.parametrize("key, values", JA_SENTENCES)
def test_narrow_japanese_keeps_a_bracketed_term_that_fits_on_one_line(key, values):
    """QA B #8: at 38 columns the tip broke 「（持」 / 「ち時間の56%）」: a bracketed term that fits a
    line (with a 。 after it, which may not open one) moves to the next one whole."""
    from rich.cells import cell_len

    said = _ja(key, **values)
    terms = re.findall(r"[（「][^）」]*[）」][、。を]?", said)  # with what may not open a line after it
    if key == "rec_wrap_up":  # no bracket since QA s47 GG #3: its lines are checked below
        return
    assert terms
    for width in range(16, 61):
        lines = _lines(said, width)
        assert "".join(lines) == said and all(cell_len(line) <= width for line in lines), (width, lines)
        for term in terms:
            if cell_len(term) <= width:
                assert any(term in line for line in lines), (width, term, lines)


@pytest.mark.parametrize("width", [26, 30, 32, 34, 36])
def test_narrow_japanese_breaks_where_a_phrase_ends_not_inside_a_word(width):
    """QA B #8: 「…。要」 / 「点で締めくくりましょう。」 and 「持」 / 「ち時間」: a line ends after a
    particle or a mark where one is near, and never opens with a mark that may not open one."""
    from furikaeri.report.wrap import NO_LINE_START

    words = ("要点", "持ち時間", "締めくくり", "言い出し", "結論", "オーバー", "前もって", "練習")
    for key, values in JA_SENTENCES:
        lines = _lines(_ja(key, **values), width)
        for before, after in zip(lines, lines[1:]):
            assert after[0] not in NO_LINE_START, (width, lines)
            for word in words:
                for cut in range(1, len(word)):
                    assert not (before.endswith(word[:cut]) and after.startswith(word[cut:])), (width, word, lines)


def test_a_short_phrase_before_a_long_one_is_not_left_alone_on_its_line():
    """At 38 columns a norm broke 「（目安:」 alone on a line, its rest on three more: the long
    part (broken whatever is done) starts on the short one's line; a verdict keeps its own."""
    from rich.text import Text

    from furikaeri.report.wrap import wrap_phrases

    norm = "遅め（目安: 持ち時間の20%以内。結論が先かどうかは判定できませんでした）"
    lines = wrap_phrases(Text(norm), 30).plain.split("\n")
    assert lines[0] == "遅め" and lines[1].startswith("（目安: 持ち時間の"), lines
    assert "".join(lines) == norm, lines  # nothing lost (the space is inside a line)
