"""Session 34, h4: model folders are judged by what they hold, never by their names, and never
sent online (QA s34 qa-n #2, #3, #6, #8, #9, #10)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SAMPLES
from furikaeri import models
from furikaeri.errors import ModelError

FILES = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")


@pytest.fixture(scope="module")
def tiny_en() -> Path:
    return Path(models.resolve("tiny.en", models.default_models_dir()).path)


@pytest.fixture(scope="module")
def base() -> Path:
    return Path(models.resolve("base", models.default_models_dir()).path)


def linked(src: Path, dest: Path, files=FILES) -> Path:
    """A model folder ``dest`` holding ``files`` of ``src`` (symlinks: no 145 MB copies)."""
    dest.mkdir(parents=True)
    for f in files:
        (dest / f).symlink_to(src / f)
    return dest


# --------------------------------------------------------------------------- #2 multilingual from the model


def test_multilingual_is_read_from_the_model_as_ctranslate2_reads_it(tiny_en, base):
    """Our reading of the vocabulary agrees with the model's own answer (CTranslate2's)."""
    import ctranslate2

    for folder in (tiny_en, base):
        asked = ctranslate2.models.Whisper(str(folder), device="cpu", compute_type="int8").is_multilingual
        assert models.is_multilingual(folder) is asked
    assert models.is_multilingual(base) and not models.is_multilingual(tiny_en)


def test_a_folder_name_says_nothing_about_the_languages_of_its_model(tiny_en, base, tmp_path):
    """QA n #2: tiny.en copied as "mymodel" was taken as multilingual (exit 70 on language
    detection) and base under "whisper-base.en" refused Japanese."""
    english_only = models.resolve(str(linked(tiny_en, tmp_path / "mymodel")), tmp_path)
    multilingual = models.resolve(str(linked(base, tmp_path / "whisper-base.en")), tmp_path)
    assert not english_only.multilingual and multilingual.multilingual
    in_models_dir = linked(tiny_en, tmp_path / "models" / "mine")  # --model NAME from the models folder
    assert not models.resolve("mine", in_models_dir.parent).multilingual


def test_a_json_vocabulary_is_counted_too(tiny_en, tmp_path):
    folder = linked(tiny_en, tmp_path / "m", FILES[:3])
    (folder / "vocabulary.json").write_text(json.dumps(["t"] * models.MULTILINGUAL_VOCABULARY))
    assert models.is_multilingual(folder)
    (folder / "vocabulary.json").write_text('{"not": "a list"}')
    with pytest.raises(ModelError, match="vocabulary.json cannot be read"):
        models.resolve(str(folder), tmp_path)


@pytest.mark.model
def test_an_english_only_model_under_another_name_analyses_english(tiny_en, tmp_path):
    from furikaeri.cli import cli

    folder = linked(tiny_en, tmp_path / "mymodel")
    r = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "analyze", str(SAMPLES / "en_tell_me_about_yourself.flac"),
                                 "--model", str(folder), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["language"] == "en"


# --------------------------------------------------------------------------- #3 every file, never online


@pytest.mark.parametrize("left_out", FILES)
def test_a_folder_missing_a_file_is_refused_naming_it(tiny_en, tmp_path, left_out):
    """QA n #3: without tokenizer.json faster-whisper went to huggingface.co (25 s of retries
    with HF_HUB_OFFLINE=0) and the error spoke of the Internet."""
    folder = linked(tiny_en, tmp_path / "notok.en", [f for f in FILES if f != left_out])
    with pytest.raises(ModelError) as e:
        models.resolve(str(folder), tmp_path)
    assert str(e.value).startswith(f"{folder} is not a CTranslate2 Whisper model folder: it has no {left_out} ")
    assert f"{left_out} がありません" in e.value.said_in("ja")


def test_loading_never_goes_online_whatever_hf_hub_offline_says(tiny_en, tmp_path, monkeypatch):
    import huggingface_hub.constants
    import tokenizers

    from furikaeri.transcribe import load_model

    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)

    def online(*a, **k):
        raise AssertionError("went to the Hub")

    monkeypatch.setattr(tokenizers.Tokenizer, "from_pretrained", online, raising=False)
    folder = linked(tiny_en, tmp_path / "notok", [f for f in FILES if f != "tokenizer.json"])
    with pytest.raises(ModelError, match="it has no tokenizer.json"):
        load_model(str(folder))
    assert os.environ["HF_HUB_OFFLINE"] == "1" and huggingface_hub.constants.HF_HUB_OFFLINE is True


# --------------------------------------------------------------------------- #6 a failed check is remembered


def test_a_checksum_failure_takes_the_verified_stamp_away(tiny_en, tmp_path):
    """QA n #6: after `models --verify` found a file corrupt (same size and mtime), the stamp
    of the last good check stayed and the next plain load trusted the file again."""
    folder = linked(tiny_en, tmp_path / "tiny", [f for f in FILES if f != "config.json"])
    shutil.copy2(tiny_en / "config.json", folder / "config.json")
    models.verify(folder, "tiny.en", full=True)  # writes the stamp
    models.verify(folder, "tiny.en")
    st = (folder / "config.json").stat()
    data = bytearray((folder / "config.json").read_bytes())
    data[-2] = ord(" ") if data[-2] != ord(" ") else ord("\t")  # bit rot: same size
    (folder / "config.json").write_bytes(bytes(data))
    os.utime(folder / "config.json", ns=(st.st_atime_ns, st.st_mtime_ns))  # and same mtime
    with pytest.raises(ModelError, match="checksum"):
        models.verify(folder, "tiny.en", full=True)
    with pytest.raises(ModelError, match="checksum"):
        models.verify(folder, "tiny.en")  # the plain check re-hashes, as models and analyze do


# --------------------------------------------------------------------------- #8, #9 names


def test_a_repository_id_is_looked_up_in_the_hugging_face_cache(tiny_en, tmp_path, monkeypatch):
    """QA n #8: "Systran/faster-whisper-small" was read as a folder path and never found in the cache."""
    hub = tmp_path / "hub" / "models--Systran--faster-whisper-small"
    linked(tiny_en, hub / "snapshots" / "abc123")
    (hub / "refs").mkdir()
    (hub / "refs" / "main").write_text("abc123")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.chdir(tmp_path)
    for name in ("Systran/faster-whisper-small", "small"):
        info = models.resolve(name, tmp_path / "models")
        assert Path(info.path) == hub / "snapshots" / "abc123" and not info.multilingual  # tiny.en's vocabulary


def test_an_uncached_repository_id_is_said_to_be_neither_folder_nor_cached(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ModelError) as e:
        models.resolve("someone/whisper-nowhere", tmp_path)
    said = str(e.value)
    assert "no folder someone/whisper-nowhere here" in said and "Hugging Face cache" in said
    assert "ローカルの Hugging Face のキャッシュ" in e.value.said_in("ja")


@pytest.mark.parametrize("typed, near", [("nosuch", None), ("Base", "base"), ("tiny-en", "tiny.en"),
                                         ("larg-v3", "large-v3")])
def test_an_unknown_name_is_called_unknown_with_the_names_it_is_near(tmp_path, monkeypatch, typed, near):
    """QA n #9: "nosuch" was told to fetch Systran/faster-whisper-nosuch, which does not exist."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ModelError) as e:
        models.resolve(typed, tmp_path)
    said = str(e.value)
    assert "know no model of that name" in said and "Systran" not in said
    assert (f"did you mean {near}" in said) if near else "did you mean" not in said
    assert ("もしかして" in e.value.said_in("ja")) is bool(near)


def test_a_known_but_uncached_name_points_at_its_real_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty"))
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "empty"))
    with pytest.raises(ModelError) as e:
        models.resolve("large-v3-turbo", tmp_path)
    assert "mobiuslabsgmbh/faster-whisper-large-v3-turbo" in str(e.value)  # faster-whisper's own source


# --------------------------------------------------------------------------- #10 the file at fault


@pytest.mark.parametrize("broken, content", [("tokenizer.json", "{}"), ("config.json", '{"a":'),
                                             ("config.json", ""), ("tokenizer.json", "not json")])
def test_a_broken_small_file_is_named(tiny_en, tmp_path, broken, content):
    """QA n #10: "Model missing. at line 1 column 2" and a JSON parser's words named no file,
    in Japanese too."""
    from furikaeri.transcribe import load_model

    folder = linked(tiny_en, tmp_path / "tok.en", [f for f in FILES if f != broken])
    (folder / broken).write_text(content)
    with pytest.raises(ModelError) as e:
        load_model(str(folder))
    assert f"{folder / broken} is damaged or not from a CTranslate2 Whisper model" in str(e.value)
    assert e.value.said_in("ja").endswith(f"{folder / broken} が壊れているか、CTranslate2 形式の Whisper モデルのファイルではありません")


def test_a_model_bin_with_no_ctranslate2_header_is_named_before_missing_files(tmp_path):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"\x00" * 64)
    with pytest.raises(ModelError, match="model.bin is damaged or not a CTranslate2 Whisper model"):
        models.resolve(str(folder), tmp_path)
