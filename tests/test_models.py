"""The offline model: assembly from the PyPI parts, checksums, no silent loads."""

from __future__ import annotations

import shutil

import pytest

from furikaeri import models
from furikaeri.errors import ModelError


@pytest.fixture(scope="module")
def assembled(tmp_path_factory):
    d = tmp_path_factory.mktemp("models")
    return models.assemble_base(d), d


def test_assembled_base_matches_official_checksums(assembled):
    folder, _ = assembled
    models.verify(folder, "base", full=True)
    assert (folder / "model.bin").stat().st_size == 145217532


def test_truncated_model_is_an_error(assembled, tmp_path):
    folder, _ = assembled
    bad = tmp_path / "base"
    shutil.copytree(folder, bad)
    with open(bad / "model.bin", "r+b") as f:
        f.truncate(1000)
    with pytest.raises(ModelError, match="damaged"):
        models.verify(bad, "base")


def test_corrupted_bytes_are_caught_by_checksum(assembled, tmp_path):
    folder, _ = assembled
    bad = tmp_path / "base"
    shutil.copytree(folder, bad)
    (bad / ".furikaeri-verified.json").unlink(missing_ok=True)
    with open(bad / "model.bin", "r+b") as f:
        f.seek(5000)
        f.write(b"\xff" * 16)
    with pytest.raises(ModelError, match="checksum"):
        models.verify(bad, "base")


def test_resolve_names(assembled):
    _, d = assembled
    assert models.resolve("base", d).multilingual
    assert not models.resolve("tiny.en", d).multilingual
    with pytest.raises(ModelError, match="not available offline"):
        models.resolve("medium", d)
