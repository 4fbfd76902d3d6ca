"""A key naming no question of a Japanese set is refused in Japanese under any locale, as
practice's --only is (QA s33 qa-f #7: analyze -q ja-basic:jikopr said it in English under C);
an English set's stays English, and a language told (--lang) wins."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from furikaeri.cli import cli

from conftest import SAMPLES


@pytest.mark.parametrize("key, said", [
    ("ja-basic:jikopr", "furikaeri: エラー: 質問セット ja-basic に質問 'jikopr' はありません"),
    ("en-basic:intr", "furikaeri: error: no question 'intr' in the set en-basic"),
])
def test_a_key_of_no_question_is_refused_in_its_sets_language(tmp_path, monkeypatch, key, said):
    monkeypatch.setenv("LANG", "C")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", str(SAMPLES / "ja_jikopr.flac"),
                                 "-q", key, "--save"])
    assert r.exit_code == 2 and r.stderr.startswith(said), r.stderr
    assert not (tmp_path / "h").exists()  # refused before anything was made
