"""The errors a user can meet. Each carries a one-line message written for a person, in
English and, where it is given, in Japanese (``ja=``).

The CLI turns every :class:`FurikaeriError` into that line on stderr and exit code 2, in the
language of the command (:func:`furikaeri.cli.app.ui_language`). What is only worth knowing (an
answer whose stored values cannot all be read) is said with :func:`warn`, one line on stderr.
"""

from __future__ import annotations

import errno
import os
import shlex
import sys
from pathlib import Path
from typing import Callable, Sequence


#: The exit code of a command SIGTERM or SIGHUP ended (128 + 15, as a process the signal killed):
#: a take left for ``recover``, an analysis stopped, a terminal closed under us.
TERMINATED_EXIT = 143


def raised_by_ctrl_c(e: BaseException | None) -> bool:
    """Was ``e`` raised while Ctrl-C was being handled (a KeyboardInterrupt in its chain)? Python
    wraps one met while a class is made in a RuntimeError, and a library may turn what broke its
    import into its own error ("requires the onnxruntime package", QA s45 S #5)."""
    seen: set[int] = set()
    while e is not None and id(e) not in seen:
        if isinstance(e, KeyboardInterrupt):
            return True
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return False


class FurikaeriError(Exception):
    """Base class: something the user can fix or should know about."""

    exit_code = 2

    def __init__(self, message: str = "", *, ja: str | None = None):
        super().__init__(message)
        self.ja = ja

    def said_in(self, code: str | None) -> str:
        """The message in language ``code`` (English where no Japanese was given)."""
        return self.ja if code == "ja" and self.ja else str(self)


class AudioError(FurikaeriError):
    """An audio file is missing, empty, corrupt or not audio."""


class ModelError(FurikaeriError):
    """The Whisper model cannot be found, assembled or verified offline."""


class DeviceError(FurikaeriError):
    """No usable microphone, or the device failed."""


class StoreError(FurikaeriError):
    """The practice database cannot be opened, migrated or written."""


class AnswerGone(StoreError):
    """The answer a note is for is not in the archive (never was, or deleted meanwhile, from
    another window): a note for it cannot be saved, now or later."""


class TakeNotSaved(StoreError):
    """A practice answer could not be saved (``cause``: why) while its recording is on disk at
    ``take``: the line adds where it is and the command that saves it later, with the reflection
    typed for it (``note``) and its session (:func:`take_not_saved` builds it)."""

    def __init__(self, message: str, *, ja: str | None, cause: BaseException, take: Path,
                 question_key: str | None = None, note: dict[str, str] | None = None, session: str | None = None,
                 command: Sequence[str] | None = None):
        super().__init__(message, ja=ja)
        self.cause, self.take, self.question_key = cause, take, question_key
        self.note, self.session, self.command = note, session, command

    def naming_home(self, home: str | Path) -> "TakeNotSaved":
        """The same error, its command naming the archive (``--home`` given to the command; a
        whole ``command`` given already names it)."""
        if self.command is not None:
            return self
        return take_not_saved(self.cause, self.take, self.question_key, home, note=self.note, session=self.session)


class AlreadySaved(StoreError):
    """A recording ``analyze --save`` was given is already an answer's in the archive."""


class NoteNotSaved(StoreError):
    """A saved answer's note could not be saved (``cause``: why): the line adds the `furikaeri
    note` command that saves what was typed (:func:`note_not_saved` builds it)."""

    def __init__(self, message: str, *, ja: str | None, cause: BaseException, answer_id: int,
                 parts: dict[str, str | None]):
        super().__init__(message, ja=ja)
        self.cause, self.answer_id, self.parts = cause, answer_id, parts

    def naming_home(self, home: str | Path) -> "NoteNotSaved":
        """The same error, its command naming the archive (``--home`` given to the command)."""
        return note_not_saved(self.cause, self.answer_id, self.parts, home)


def note_not_saved(cause: BaseException, answer_id: int, parts: dict[str, str | None],
                   home: str | Path | None = None) -> NoteNotSaved:
    """The error for the note of answer ``answer_id`` not saved because of ``cause``: why, and
    ``furikaeri [--home HOME] note ID --wrong .. --why .. --next ..`` (quoted for the shell), the
    command that saves what was typed once that is fixed (a part None or missing is kept as it
    is, so it is not in the command; an empty one empties it)."""
    typed = [x for key, option in (("wrong", "--wrong"), ("why", "--why"), ("next_time", "--next"))
             if parts.get(key) is not None for x in (option, parts[key])]
    command = shlex.join(["furikaeri", *(["--home", str(home)] if home else []), "note", str(answer_id), *typed])
    said, said_ja = said_of(cause, "en"), said_of(cause, "ja")
    if isinstance(cause, AnswerGone):  # deleted meanwhile: no command can save it; what was typed is said (QA s54 AJ #6)
        parts_said = "; ".join(f"{name}: {parts[key]}" for key, name in (("wrong", "what went wrong"), ("why", "why"),
                                                                        ("next_time", "next time")) if parts.get(key))
        parts_ja = "、".join(f"{name}「{parts[key]}」" for key, name in (("wrong", "うまくいかなかった点"), ("why", "理由"),
                                                                      ("next_time", "次に直すこと")) if parts.get(key))
        return NoteNotSaved(f"answer {answer_id} is no longer in the archive (deleted meanwhile?): the note is not saved"
                            + (f"; what you typed: {parts_said}" if parts_said else ""),
                            ja=f"回答 {answer_id} はもう記録にありません（その間に削除されましたか？）。メモは保存されていません"
                               + (f"。入力した内容: {parts_ja}" if parts_ja else ""),
                            cause=cause, answer_id=answer_id, parts=parts)
    return NoteNotSaved(f"{said.rstrip('.')}; the note is not saved: `{command}` saves it once that is fixed",
                        ja=f"{said_ja.rstrip('。')}。メモは保存されていません: 原因が解消したら `{command}` で保存できます",
                        cause=cause, answer_id=answer_id, parts=parts)


#: The reflection's parts and the options of `analyze --save` that take them.
NOTE_OPTIONS = (("wrong", "--wrong"), ("why", "--why"), ("next_time", "--note"))


def take_not_saved(cause: BaseException, take: str | Path, question_key: str | None = None,
                   home: str | Path | None = None, *, note: dict[str, str] | None = None,
                   session: str | None = None, command: Sequence[str] | None = None) -> TakeNotSaved:
    """The error for a practice answer not saved because of ``cause``, its recording kept at
    ``take``: why, where the recording is, and ``furikaeri [--home HOME] analyze TAKE --save
    -q KEY --session NAME --wrong .. --why .. --note ..`` (quoted for the shell), the command that
    saves it once the cause is fixed, with what was typed for it: nothing typed is lost.
    ``command``: that command whole, when the caller knows more of what was typed (``record``'s
    and ``analyze``'s budget and language)."""
    take, whole = Path(take), command
    typed = [x for key, option in NOTE_OPTIONS if (note or {}).get(key) for x in (option, (note or {})[key])]
    command = shlex.join(whole or ["furikaeri", *(["--home", str(home)] if home else []), "analyze", str(take),
                                     "--save", *(["-q", question_key] if question_key else []),
                                     *(["--session", session] if session else []), *typed])
    said, said_ja = said_of(cause, "en"), said_of(cause, "ja")
    return TakeNotSaved(
        f"{said.rstrip('.')}; the recording is kept at {take}: `{command}` saves it once that is fixed",
        ja=f"{said_ja.rstrip('。')}。録音は {take} に残っています: 原因が解消したら `{command}` で保存できます",
        cause=cause, take=take, question_key=question_key, note=note, session=session,
        command=whole)


def said_of(e: BaseException, lang: str) -> str:
    """Why something failed, in one line in language ``lang``: a :class:`FurikaeriError`'s own
    message, an OS error's reason with the file it names."""
    return e.said_in(lang) if isinstance(e, FurikaeriError) else _os_line(e, lang)


def _os_line(e: BaseException, lang: str = "en") -> str:
    if isinstance(e, OSError) and e.strerror:
        reason = os_reason(e, lang)
        return f"{reason} ({e.filename})" if e.filename else reason
    if _from_sqlite(e):
        return sqlite_reason(e, lang)
    return " ".join(str(e).split()) or type(e).__name__


#: The C library's reasons (``strerror``, English whatever the locale) for the OS errors a user
#: meets, said in Japanese, so that a Japanese line does not end in English.
_OS_REASONS_JA = {
    errno.EACCES: "アクセスが許可されていません",
    errno.EPERM: "操作が許可されていません",
    errno.ENOENT: "ファイルまたはフォルダがありません",
    errno.ENOSPC: "ディスクの空きがありません",
    errno.EROFS: "読み取り専用のファイルシステムです",
    errno.EISDIR: "フォルダです",
    errno.ENOTDIR: "フォルダではありません",
    errno.EEXIST: "同じ名前のものがすでにあります",
    errno.EIO: "入出力エラーです（ディスクや接続を確かめてください）",
    errno.ENAMETOOLONG: "名前が長すぎます",
    errno.EFBIG: "ファイルが大きすぎます",
    errno.EMFILE: "開いているファイルが多すぎます",
    errno.ENFILE: "開いているファイルが多すぎます",
    errno.ELOOP: "シンボリックリンクが循環しています",
    errno.ENXIO: "デバイスがありません",
    errno.ENODEV: "デバイスがありません",
    errno.EBUSY: "使用中です",
    errno.ETXTBSY: "使用中です",
    errno.ENOMEM: "メモリが足りません",
    errno.EINVAL: "引数が正しくありません",
    **({errno.EDQUOT: "ディスク容量の上限（クォータ）を超えました"} if hasattr(errno, "EDQUOT") else {}),
}


def os_reason(e: BaseException, lang: str) -> str:
    """Why an OS call failed (its ``strerror``), in language ``lang``: Japanese for the errors
    a user meets (:data:`_OS_REASONS_JA`), any other named generically with its code (the C
    library's text is English whatever the locale: 「（disk I/O error）」 read as untranslated
    inside a Japanese line), else the C library's English text."""
    if isinstance(e, OSError):
        if lang == "ja" and e.errno in _OS_REASONS_JA:
            return _OS_REASONS_JA[e.errno]
        if lang == "ja" and e.errno:
            return f"OS がエラーを返しました（{errno.errorcode.get(e.errno, e.errno)}）"
        if e.strerror:
            return e.strerror
    if lang == "ja" and _from_sqlite(e):
        return sqlite_reason(e, lang)
    return " ".join(str(e).split()) or type(e).__name__


#: SQLite's messages (``sqlite3_errstr`` and the ones Python's module adds; English whatever the
#: locale), said in Japanese, matched at their start: "UNIQUE constraint failed: answers.id",
#: "no such table: answers". One not here is named as SQLite's, its English left out
#: (:func:`sqlite_reason`).
_SQLITE_REASONS_JA = (
    ("database disk image is malformed", "データベースのファイルが壊れています"),
    ("file is not a database", "データベースのファイルではありません"),
    ("file is encrypted or is not a database", "データベースのファイルではありません"),
    ("disk i/o error", "ディスクの読み書きに失敗しました"),
    ("database or disk is full", "データベースかディスクがいっぱいです"),
    ("database is locked", "データベースが別のプロセスにロックされています"),
    ("database table is locked", "データベースの表がロックされています"),
    ("unable to open database file", "データベースのファイルを開けません"),
    ("attempt to write a readonly database", "読み取り専用のデータベースには書き込めません"),
    ("access permission denied", "アクセスが許可されていません"),
    ("authorization denied", "アクセスが許可されていません"),
    ("not authorized", "アクセスが許可されていません"),
    ("out of memory", "メモリが足りません"),
    ("interrupted", "処理が中断されました"),
    ("locking protocol", "ファイルのロックに失敗しました（ネットワークドライブ上にありませんか）"),
    ("database schema has changed", "データベースの構成が処理中に変わりました"),
    ("string or blob too big", "値が大きすぎます"),
    ("too many sql variables", "値が多すぎます"),
    ("unique constraint failed", "同じ値がすでに保存されています"),
    ("foreign key constraint failed", "参照先のないデータは保存できません"),
    ("not null constraint failed", "空にできない値が空です"),
    ("check constraint failed", "保存できない値です"),
    ("constraint failed", "データベースの制約に反する書き込みです"),
    ("datatype mismatch", "値の型が合いません"),
    ("no such table", "データベースに必要な表がありません"),
    ("no such column", "データベースに必要な列がありません"),
    ("table ", "データベースの表の構成が合いません"),  # "table answers already exists", "table x has no column named y"
    ("cannot operate on a closed database", "データベースはすでに閉じられています"),
    ("bad parameter or other api misuse", "データベースの使い方が正しくありません"),
    ("unable to open a temporary database file", "一時ファイルを作れません（一時フォルダの空きか権限を確かめてください）"),
)


def _from_sqlite(e: BaseException) -> bool:
    """Is ``e`` one of the sqlite3 module's errors (told without importing it here)?"""
    return type(e).__module__ == "sqlite3"


def sqlite_reason(e: BaseException | str, lang: str) -> str:
    """SQLite's reason for ``e`` (an error of the sqlite3 module, or its message) in language
    ``lang``: in English its own words; in Japanese those of :data:`_SQLITE_REASONS_JA`, or,
    for one not there, 「SQLite のエラーです」: a Japanese line with SQLite's English inside
    (「（database disk image is malformed）」) read as untranslated, and the English line
    keeps the detail."""
    said = " ".join(str(e).split()) or (type(e).__name__ if isinstance(e, BaseException) else "")
    if lang != "ja":
        return said
    low = said.lower()
    return next((ja for en, ja in _SQLITE_REASONS_JA if low.startswith(en)), "SQLite のエラーです")


class QuestionError(FurikaeriError):
    """A question set or company file is missing or malformed."""


class UsageError(FurikaeriError):
    """Options that do not fit together."""


def locale_language() -> str:
    """The locale's language: ``ja`` under a Japanese ``LC_ALL``/``LC_MESSAGES``/``LANG`` (the
    first one set decides, as for every program), else ``en``."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


#: The language :func:`warn` speaks: the locale's, unless the command line sets its own
#: (``furikaeri.errors.warning_language = ui_language``).
warning_language: Callable[[], str] = locale_language


def warn(message: str, *, ja: str | None = None, language: str | None = None) -> None:
    """Say one line on stderr (``furikaeri: warning: ...``; ``ja``: the line in Japanese),
    in ``language`` when given, else the command's (:data:`warning_language`)."""
    if ja and (language or warning_language()) == "ja":
        line = f"furikaeri: 警告: {ja}"
    else:
        line = f"furikaeri: warning: {message}"
    try:
        print(" ".join(line.split()), file=sys.stderr, flush=True)
    except (OSError, ValueError):  # stderr closed: a warning is not worth failing for
        pass
