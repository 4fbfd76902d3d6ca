"""What the commands share: the archive folder and store, the shared options, output (a rich
console, JSON, the analysis report, a transcription progress bar) and prompts.

Imports nothing heavy at module level: ``furikaeri --help`` stays instant.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence

import click

from furikaeri.errors import FurikaeriError, UsageError

# --------------------------------------------------------------------------- option types


class Seconds(click.FloatRange):
    """A number of seconds in a range, written as a question file's budget may be (90, 90s, 2m,
    1m30s, 1:30, 1分30秒: :func:`furikaeri.questions.duration_s`, the one reader: ``float()``
    first took 1e2 and 1_0 that a question file refuses; -5 is read, and out of range). click's
    FloatRange lets ``nan`` through (it compares false to every bound), and a budget of NaN
    would print invalid JSON and be saved."""

    name = "seconds"

    def convert(self, value, param, ctx):
        seconds = self.read(value, param, ctx)
        if (self.min is not None and seconds < self.min) or (self.max is not None and seconds > self.max):
            # said as typed: "0 is not in the range", not click's "0.0" (QA s43 C #8)
            self.fail(f"{str(value).strip()} is not in the range {self._describe_range()}.", param, ctx)
        return super().convert(seconds, param, ctx)

    def read(self, value, param, ctx) -> float:
        """``value`` in seconds, its range not checked yet; click's own error for what is none."""
        import math

        if isinstance(value, str):
            from furikaeri.questions import duration_s

            seconds = duration_s(value)
            if seconds is None:
                self.fail(f"{value!r} is not a number of seconds.", param, ctx)
            return seconds
        v = click.types.FloatParamType.convert(self, value, param, ctx)
        if not math.isfinite(v):
            self.fail(f"{value!r} is not a number of seconds.", param, ctx)
        return v

    def _describe_range(self) -> str:
        """The range as a person says it, in the help and in the error: "5 s to 30 min", "at
        least 0.5 s" (「5秒〜30分」; click's "5<=x<=1800" and "14400" for 4 h were maths, QA s43 F #6)."""
        from furikaeri.cli.language import ui_language

        ja = ui_language() == "ja"
        low, high = (None if x is None else _said_seconds(float(x), ja) for x in (self.min, self.max))
        if low is None:
            return f"{high}以下" if ja else f"at most {high}"
        if high is None:
            return f"{low}以上" if ja else f"at least {low}"
        return f"{low}〜{high}" if ja else f"{low} to {high}"


def _said_seconds(seconds: float, ja: bool) -> str:
    """A range's end in the largest unit it is whole in: 0.5 s, 5 s, 30 min, 4 h (0.5秒, 30分, 4時間)."""
    for size, en, jp in ((3600, "h", "時間"), (60, "min", "分"), (1, "s", "秒")):
        if seconds >= size and (seconds / size).is_integer():
            return f"{int(seconds // size)}{jp}" if ja else f"{int(seconds // size)} {en}"
    return f"{seconds:g}秒" if ja else f"{seconds:g} s"


class Budget(Seconds):
    """``--budget``: seconds read as :class:`Seconds` reads them (90秒以内, about 90 s too), in
    the one range a budget has wherever it is given (:func:`furikaeri.questions.parse_budget`:
    5 s to 30 min, as in a question file, and so in its help: click showed ``[x<=None]`` for a
    range it was not given), refused naming it as typed (click's own range error said 0.0 for
    「0秒」, and allowed 1 to 3600 s here against 5 s to 30 min in a file)."""

    def __init__(self):
        from furikaeri.questions import BUDGET_MAX_S, BUDGET_MIN_S

        super().__init__(min=BUDGET_MIN_S, max=BUDGET_MAX_S)

    def convert(self, value, param, ctx):
        from furikaeri.errors import QuestionError
        from furikaeri.questions import parse_budget

        seconds = self.read(value, param, ctx)  # what is no number of seconds: click's own line
        try:
            return parse_budget(value if isinstance(value, str) else seconds)  # out of range: named as typed
        except QuestionError as e:
            raise _budget_refused(e, param, ctx) from None


def _budget_refused(e, param, ctx) -> UsageError:
    """A budget out of range, framed as click frames a bad value (the option, the help to see)."""
    hint = param.get_error_hint(ctx) if param is not None and ctx is not None else "--budget"
    path = ctx.command_path if ctx is not None else "furikaeri"
    return UsageError(f"Invalid value for {hint}: {e}. (see `{path} --help`)",
                      ja=f"{hint} の値が使えません: {e.said_in('ja')}（`{path} --help` を参照）")


# --------------------------------------------------------------------------- the archive


def current_home() -> Path:
    """The archive folder: the group's ``--home``, else ``FURIKAERI_HOME``, else the platform's
    user data folder (:func:`furikaeri.store.home_dir`). The only place that reads the variable."""
    from furikaeri.store import home_dir

    env = os.environ.get("FURIKAERI_HOME")
    if env and not env.strip() and not home_option():  # as `--home " "` is: a blank name is no folder
        raise UsageError("FURIKAERI_HOME is blank: set it to the archive folder (or unset it for the usual one)",
                         ja="FURIKAERI_HOME が空白です。記録のフォルダを指定してください（いつものフォルダなら設定を外します）")
    home = Path(home_dir(home_option() or env or None))
    if not home_option():  # click refuses a --home that is a file; the others are refused alike
        _refuse_a_file(home, "FURIKAERI_HOME" if env else None)
    return home


def _refuse_a_file(home: Path, variable: str | None) -> None:
    """Refuse an archive folder that is a file, as click refuses ``--home FILE``: named by the
    variable that gave it (``FURIKAERI_HOME``), else as the usual folder. Left unrefused, every
    command met it as "cannot create the data directory: File exists", even one that only reads."""
    if not home.exists() or home.is_dir():
        return
    if variable:
        raise UsageError(f"Invalid value for {variable}: '{home}' is a file, not a folder: set it to the archive "
                         "folder (or unset it for the usual one)",
                         ja=f"{variable} の値が使えません: '{home}' はファイルです（記録のフォルダを指定するか、"
                            "いつものフォルダなら設定を外してください）")
    raise UsageError(f"the data folder {home} is a file, not a folder: move the file away, or name another "
                     "folder with --home",
                     ja=f"データフォルダ {home} はフォルダではなくファイルです。そのファイルを別の場所へ移すか、"
                        "--home で別のフォルダを指定してください")


def home_option() -> str | None:
    """The group's ``--home``, when it was given (a command to paste must name it too)."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and isinstance(ctx.find_root().obj, dict):
        return ctx.find_root().obj.get("home") or None
    return None


def home_args() -> list[str]:
    """``["--home", HOME]`` when the command was given one, else none: a command a hint or an
    error suggests reads the archive this one did."""
    return ["--home", str(current_home())] if home_option() else []


def home_given() -> str:
    """`` --home HOME`` (quoted for the shell) when the command was given one, else '': for a
    command written into a line of text (「furikaeri{home} show 7」), so it reads this archive."""
    import shlex

    return " " + shlex.join(home_args()) if home_args() else ""


def cli_start() -> str:
    """``furikaeri`` with the archive's ``--home`` when the command was given one: how a command
    an error line suggests starts (:func:`furikaeri.questions.get_set`'s ``cli``)."""
    return "furikaeri" + home_given()


def open_store(*, reading: bool = False, say_missing: bool = False, keep_errors: bool = False):
    """The archive, opened (and made, the first time something is saved). ``reading``: a command
    that only reads it (history, show, compare, progress, export, delete, note, questions
    company): a home folder without an archive (missing, or an existing folder such as ``~``
    named by FURIKAERI_HOME) is read as an empty archive and left as it was, so a mistyped
    --home or FURIKAERI_HOME leaves no stray folders or files behind it; ``say_missing``: a
    command that would then read as an empty archive (history, progress, export) says, when
    the folder was named by --home or FURIKAERI_HOME, that it does not exist (a typo is the likely cause). A
    command that fails on that empty archive (show, compare, note, delete: "there is no answer
    1") fails with that line instead, so a typo is never hidden behind "no answer 1"; ``keep_errors``:
    a command whose own error says the folder is missing keeps it (`questions company`: QA s50 NN #7)."""
    from furikaeri.store import Store, has_archive

    home = current_home()
    if reading and not has_archive(home):
        # named by --home or FURIKAERI_HOME (a typo in a shell's profile hides every answer as
        # well: QA s42 A #1); the platform's own folder is missing until the first save
        missing = not home.exists() and (home_option() or os.environ.get("FURIKAERI_HOME"))
        return _empty_store(home if missing and not keep_errors else None, say=say_missing)
    store = Store.open(home, make=not reading, salvage=reading and _only_reads())
    if reading:
        store.warning_language = _answer_warning_language
    if store.damage is not None:
        _say_damaged(store.damage)
    return store


#: The commands that only read the archive (by their names under ``furikaeri``): a damaged one
#: is read as far as it can be, with one warning, so the person can still see and export their
#: answers; a command that writes into it (note, delete, a save) refuses it, saying where its
#: copy is (a damaged file is never written into).
ONLY_READING = frozenset({("history",), ("show",), ("compare",), ("progress",), ("export",),
                          ("questions",), ("questions", "show"), ("questions", "company")})

#: Where a command notes the damaged databases it warned about (:attr:`click.Context.meta`).
DAMAGE_SAID = "furikaeri.damage-said"


def _only_reads() -> bool:
    from furikaeri.cli.language import command_names

    ctx = click.get_current_context(silent=True)
    return ctx is not None and command_names(ctx) in ONLY_READING


def _say_damaged(damage) -> None:
    """One warning, once a command (which may open the archive more than once), that the archive
    is damaged: how many problems, that what can be read is shown and nothing saved, how to
    export the answers now and how to repair it (:meth:`furikaeri.store.Store._open_salvaged`)."""
    from furikaeri.errors import warn

    ctx = click.get_current_context(silent=True)
    said = ctx.meta.setdefault(DAMAGE_SAID, set()) if ctx is not None else set()
    if str(damage.path) in said:
        return
    said.add(str(damage.path))
    warn(_damage_line(damage, "en"), ja=_damage_line(damage, "ja"))


def _damage_line(damage, lang: str) -> str:
    from furikaeri.lang import text

    name = damage.path.name
    problems = text(lang, "archive_problems", n=f"{damage.problems}+" if damage.more else damage.problems)
    repair = (text(lang, "archive_damaged_repair", name=name, readable=damage.readable)
              if damage.readable is not None else "")
    return text(lang, "archive_damaged", path=damage.path, problems=problems, repair=repair,
                export=f"{cli_start()} export -o furikaeri-export.json")


def _answer_warning_language(language: str | None) -> str:
    """The language of a warning about an answer in ``language``, in a command that shows the
    archive: the command's own (``--lang``, a Japanese locale, an archive all in one language),
    else, in an archive of answers in both, the answer's, as the view labels it (`show 7` of a
    Japanese answer is all in Japanese)."""
    from furikaeri.cli.language import LANG_KEY, ui_language
    from furikaeri.errors import locale_language

    ctx = click.get_current_context(silent=True)
    if (ctx is not None and ctx.meta.get(LANG_KEY)) or locale_language() == "ja" or language not in ("en", "ja"):
        return ui_language()
    return language


def scratch_store():
    """An empty archive that exists only while it is used (a temporary folder): what a command
    that will make the archive checks its input against first, so a mistake refused makes
    nothing (practice --company with no such company made an empty archive in a new --home)."""
    return _empty_store(None)


def home_missing_said() -> bool:
    """Was the home named (``--home``, FURIKAERI_HOME) said not to exist this run (:func:`_empty_store`,
    marked in the command's context)? A "nothing saved yet" line then offers practice there only as
    starting a new archive in it (QA s54 AL #1: "try `furikaeri --home <typo> practice`")."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.find_root().meta.get("home_missing_said"))


@contextlib.contextmanager
def _empty_store(missing: Path | None, *, say: bool = False):
    """An empty archive that exists only while it is read (in a temporary folder). The folder
    ``missing`` (a --home or FURIKAERI_HOME that does not exist) is said not to exist: up front when ``say``
    (the command then shows an empty archive), else as the error of a command that fails on
    the empty archive, in place of its own (which would blame an answer, not the folder)."""
    import tempfile

    from furikaeri.cli.language import ui_language
    from furikaeri.lang import text
    from furikaeri.store import Store

    if missing is not None and say:
        say_wrapped(text(ui_language(), "no_archive_folder", home=missing))
        ctx = click.get_current_context(silent=True)
        if ctx is not None:
            ctx.find_root().meta["home_missing_said"] = True
    with tempfile.TemporaryDirectory(prefix="furikaeri-empty-") as folder, Store.open(folder) as store:
        try:
            yield store
        except FurikaeriError as e:
            if missing is None or say:
                raise
            raise UsageError(text("en", "no_archive_folder", home=missing),
                             ja=text("ja", "no_archive_folder", home=missing)) from e


def user_dir() -> Path:
    """The user's own question sets and company files."""
    from furikaeri.store import user_questions_dir

    return user_questions_dir(current_home())


def complete_sets(ctx, param, incomplete: str) -> list:
    """Shell completion of ``--set``: the built-in sets and your own (QA s47 DD #9)."""
    return _complete(incomplete, companies=False)


def complete_companies(ctx, param, incomplete: str) -> list:
    """Shell completion of ``--company``: the companies of your company files, and those the
    archive knows only from the interviews logged with `reflect` or its sessions (QA s54 AL #8:
    left out, though `--company` takes them)."""
    from click.shell_completion import CompletionItem

    offered = _complete(incomplete, companies=True)
    try:
        with open_store(reading=True) as store:
            known = [*(iv.company for iv in store.interviews() if iv.company),
                     *(s.company for s in store.sessions() if s.company)]
    except Exception:  # noqa: BLE001 - a completion never fails the shell: the files' companies alone
        return offered
    have = {item.value for item in offered}
    more = sorted({c for c in known if c not in have and c.casefold().startswith(incomplete.casefold())})
    return offered + [CompletionItem(c) for c in more]


def _complete(incomplete: str, *, companies: bool) -> list:
    from click.shell_completion import CompletionItem

    from furikaeri.questions import all_sets

    try:
        sets = all_sets(user_dir())
    except Exception:  # noqa: BLE001 - a completion never fails the shell: nothing offered
        return []
    found = {(s.company.name if s.company else s.name): s.title for s in sets if bool(s.company) == companies}
    return [CompletionItem(name, help=title) for name, title in sorted(found.items())
            if name.casefold().startswith(incomplete.casefold())]


def asked_question(question: str | None, budget: float | None):
    """``--question`` of analyze and record: a set's question named by its text, key or id
    (``jikoshokai``) brings its own wording and, unless ``--budget`` is given, its own budget.
    A number (``5``, ``#5``) names the archive's question of that number, as it does for
    ``progress`` and ``compare``. Returns (question text, budget, the set question or None)."""
    # control characters (a newline pasted with it, a terminal's escape sequence) are no part of
    # a question's words: saved, they broke history's rows and coloured the screen (QA s43 C #5, F #8)
    if question:
        question = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", question)).split())
    if not question:
        return question, budget, None
    from furikaeri.questions import find_question

    sets = _sets_to_ask_from()
    number = question_number(question)
    if number is not None:
        return _archived_question(number, budget, sets)
    from furikaeri.compare import refuse_negative

    refuse_negative(question, cli_start())  # `-q "-3"`: a typo
    q = find_question(question, sets) or keyed_question(question.strip(), sets)
    if q is None:
        refuse_near_id(question.strip(), sets)
        if not any(c.isalnum() for c in question):  # "...", "?": a placeholder, no question (QA s44 G #2)
            raise UsageError(f"'{question.strip()}' is not a question: give its words (--question \"Why our company?\")",
                             ja=f"「{question.strip()}」は質問ではありません。質問の文を指定してください（--question \"自己PRをお願いします\"）")
        from furikaeri.questions import worded_budget

        # a question in words of its own: the time it asks for, else its kind's ("Any questions for us?": 45 s)
        return question.strip(), budget if budget is not None else worded_budget(question.strip()), None
    from furikaeri.questions import stated_budget

    stated = stated_budget(question)
    if budget is None and stated is not None and stated != q.budget_s:
        # a set's question asked with a time of its own (「1分で自己紹介をお願いします」: the set's is 30 s):
        # as typed, for that time, kept with the set's question (QA s47 FF #3, as Z #1 for a set's words)
        return question.strip(), stated, q
    return q.text, budget if budget is not None else q.budget_s, q


def _sets_to_ask_from() -> list:
    """The sets whose keys ``--question`` takes: the built-in and the user's, with the questions
    the archive's logged interviews asked (``ミライ電機:asked1-2``, as `questions show` prints
    them: QA s50 QQ #2, such a key was saved as a question's words). An archive that cannot be
    read adds nothing (the save says what is wrong with it)."""
    import sqlite3

    from furikaeri.errors import FurikaeriError
    from furikaeri.questions import all_sets
    from furikaeri.store import Store, has_archive

    home = current_home()
    try:
        if has_archive(home):
            from furikaeri.companies import known_sets

            with Store.open(home, read_only=True, make=False) as store:
                return known_sets(store, user_dir())
    except (FurikaeriError, OSError, sqlite3.Error):
        pass
    return all_sets(user_dir())


#: A set question's key as typed (``en-basic:intro``): one token of ASCII letters, digits, ``-``,
#: ``_``, ``.`` each side of one colon. Words with a colon in them (Japanese has no spaces:
#: 「志望動機:1分で」) are never taken for one.
KEY_SHAPE = r"[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+"


def keyed_question(ref: str, sets):
    """The set question the key ``ref`` names (its set in another case: ``EN-BASIC:intro``), None
    for a question's words; a key naming no set, or no question of its set, is refused naming
    what there is (saved as words, its answers would join no set question, under the default budget)."""
    import re

    from furikaeri.errors import QuestionError
    from furikaeri.questions import get_set, sets_named

    set_name, colon, qid = ref.partition(":")
    named = next(iter(sets_named(sets, set_name)), None) if set_name else None
    if colon and not qid and named is not None:  # `-q en-basic:`: a key cut short, never a question's words (QA s43 C #4)
        from furikaeri.cli.language import LANG_KEY, speaks

        ctx = click.get_current_context(silent=True)
        if ctx is not None and LANG_KEY not in ctx.meta:  # in the set's language, as a wrong id is said (F #7)
            speaks(named.language)
        ids = ", ".join(x.id for x in named.questions)
        raise QuestionError(f"'{ref}' names no question of the set {named.name}: add one of its ids ({ids})",
                            ja=f"「{ref}」は質問セット {named.name} のどの質問も指していません。質問の id を続けてください（{ids}）")
    if not colon or not qid or any(c.isspace() for c in ref):
        return None
    if named is None and not re.fullmatch(KEY_SHAPE, ref):
        return None
    named = named or get_set(set_name, user_dir(), cli=cli_start())  # no such set: refused, naming the sets
    found = next((x for x in named.questions if x.id == qid), None)
    if found is None:
        from furikaeri.cli.language import LANG_KEY, speaks

        ctx = click.get_current_context(silent=True)
        if ctx is not None and LANG_KEY not in ctx.meta:  # no language told: the set's, as practice's --only
            speaks(named.language)
        ids = ", ".join(x.id for x in named.questions)
        near = _near_ids(qid, [x.id for x in named.questions])
        if near:  # a typo of one of its ids, said first (as a bare id's is: refuse_near_id)
            raise QuestionError(f"no question '{qid}' in the set {named.name} (did you mean {named.name}:{near[0]}?): "
                                f"its questions are {ids}",
                                ja=f"質問セット {named.name} に質問 '{qid}' はありません（もしかして: "
                                   f"{named.name}:{near[0]}）。質問: {ids}")
        raise QuestionError(f"no question '{qid}' in the set {named.name}: its questions are {ids}",
                            ja=f"質問セット {named.name} に質問 '{qid}' はありません（質問: {ids}）")
    return found


def _near_ids(typed: str, ids) -> list[str]:
    """The ids ``typed`` is a likely typo of (at most 3, closest first), in their own case."""
    import difflib

    folded = {i.casefold(): i for i in ids}
    return [folded[i] for i in difflib.get_close_matches(typed.casefold(), sorted(folded), n=3, cutoff=0.8)]


def refuse_near_id(ref: str, sets) -> None:
    """A bare id with a typo (``jikoshokaii``) refused, naming the id it is close to: one token of
    a key's letters, never a question's words (those have a space, a question mark or kana), so
    a typo does not become a new question under the default budget."""
    import re

    from furikaeri.errors import QuestionError

    if not re.fullmatch(r"[A-Za-z0-9_.-]+", ref):
        return
    near = _near_ids(ref, [q.id for s in sets for q in s.questions])
    if not near:
        return
    close = ", ".join(near)
    raise QuestionError(f"no question id '{ref}' (did you mean {close}?): give the id as `{cli_start()} questions "
                        f"show SET` lists it, or, to ask in your own words, write them as a question ('{ref}?')",
                        ja=f"質問ID '{ref}' はありません（もしかして: {close}）。`{cli_start()} questions show セット名` "
                           f"に出るIDを指定するか、自分の言葉で聞くなら質問の形で書いてください（'{ref}?'）")


def question_number(ref: str) -> int | None:
    """The archive's question number ``ref`` is (``5``, ``#5``, ``５``), or None for words:
    :func:`furikaeri.store.typed_number`, as every command reads a number."""
    from furikaeri.store import typed_number

    return typed_number(ref)


def _archived_question(number: int, budget: float | None, sets):
    """:func:`asked_question` for the archive's question ``number``: a set's question as its set
    has it now, else its saved words and budget; a clear error when the archive has none of that
    number (a number is never a new question's words: it names the same question everywhere)."""
    from furikaeri.questions import find_question
    from furikaeri.store import db_path

    found = None
    if number < 2**63 and db_path(current_home()).is_file():
        with open_store(reading=True) as store:
            found = store.question(number)
    if found is None:
        raise UsageError(f"there is no question {number} in your archive: a number names a practised question "
                         f"(`{cli_start()} progress` shows their numbers); give a new question's words or a set question's key",
                         ja=f"記録に質問{number}はありません。番号で指定できるのは練習済みの質問です（番号は `{cli_start()} progress` "
                            "で確認できます）。新しい質問は、文面か質問セットのキーで指定してください")
    asked = None if found.key.startswith("text:") else find_question(found.key, sets)
    if asked is not None:
        return asked.text, budget if budget is not None else asked.budget_s, asked
    return found.text, budget if budget is not None else found.budget_s, None


def spoken_language(language: str, question: str | None, asked) -> str:
    """The language ``record`` and ``analyze`` speak before the answer is heard: ``--language``,
    else the question's (``asked``, the set question, knows its own; a typed one is guessed from
    its script), else the command's or the system's (:func:`furikaeri.cli.app.ui_language`):
    under a Japanese locale a take with no question speaks Japanese on screen as its errors do."""
    if language != "auto":
        return language
    if asked is not None:
        return asked.language
    if question:
        from furikaeri.lang import guess_language

        return guess_language([question])
    from furikaeri.cli.app import ui_language

    return ui_language()


def question_language(language: str, asked) -> str | None:
    """The language an ``auto`` answer to a set question (``asked``) is heard in unless Whisper
    is sure of the other (:func:`furikaeri.analysis.preferred`), as practice hears its answers;
    None with ``--language`` or no set question. An English-only model then refuses a Japanese
    question (QA: `analyze -q ja-basic:jikoshokai --model tiny.en` saved an invented English answer)."""
    return asked.language if language == "auto" and asked is not None else None


def archive_lang(explicit: str | None, texts=()) -> str:
    """The language to speak in where no answers are on screen: ``explicit`` (``--lang``), else
    the language of ``texts`` the person typed, else the one all their saved answers are in
    (with none, or answers in both, the command's or the system's language:
    :func:`furikaeri.cli.app.ui_language`)."""
    from furikaeri.cli.app import ui_language
    from furikaeri.lang import guess_language, pick_lang
    from furikaeri.store import db_path

    if explicit:
        return explicit
    typed = [t for t in texts if t]
    if typed:
        return guess_language(typed)
    if not db_path(current_home()).exists():
        return ui_language()
    try:
        with open_store(reading=True) as store:
            languages = store.answer_languages()
    except FurikaeriError:  # a damaged archive: the command that needs it says so
        return ui_language()
    return pick_lang(None, languages, ui_language())


def view_lang(explicit: str | None, said) -> str:
    """The language to label a view of saved answers in: ``explicit`` (``--lang``), else the
    answers' own when they share one, else (answers in both languages, or none) the command's or
    the system's language (:func:`archive_lang`)."""
    from furikaeri.cli.app import ui_language
    from furikaeri.lang import pick_lang

    return pick_lang(explicit, said, ui_language()) if any(said) else archive_lang(explicit)


def models_dir_from_env() -> Path | None:
    value = os.environ.get("FURIKAERI_MODELS")
    if value and not value.strip():  # as a blank FURIKAERI_HOME: a blank name is no folder (it made " " here)
        raise UsageError("FURIKAERI_MODELS is blank: set it to the models folder (or unset it for the usual one)",
                         ja="FURIKAERI_MODELS が空白です。モデルのフォルダを指定してください（いつものフォルダなら設定を外します）")
    if not value:
        return None
    folder = Path(value).expanduser()
    if not folder.exists():  # a typo would otherwise get a new folder and a 142 MB copy of the model, unsaid
        raise UsageError(f"the models folder {folder} (FURIKAERI_MODELS) does not exist: create it first (the "
                         "model is assembled there once, 142 MB), or correct or unset FURIKAERI_MODELS",
                         ja=f"モデルのフォルダ {folder}（FURIKAERI_MODELS）がありません。先にフォルダを作るか"
                         "（モデルはそこに一度だけ組み立てます。142 MB）、FURIKAERI_MODELS を直すか設定を外してください")
    return folder


# --------------------------------------------------------------------------- options


def json_option(fn):
    return click.option("--json", "json_", is_flag=True, help="Print one JSON document.")(fn)


def lang_option(fn=None, *, help="Label language [default: the answers' language]."):
    def add(f):
        from furikaeri.cli.app import noted_language

        return click.option("--lang", type=click.Choice(["en", "ja"]), default=None, help=help,
                            callback=noted_language)(f)
    return add(fn) if fn is not None else add


def now_option(fn):
    return click.option("--now", "now_", default=None, hidden=True,
                        help="Pretend it is this time (ISO 8601): for scripts and tests.")(fn)


def _model_named(ctx, param, value):
    """``--model``'s callback: a blank name is refused, naming where it came from (the option or
    ``FURIKAERI_MODEL``); a model ``FURIKAERI_MODEL`` names that cannot be used (a folder, a
    cached name: quick to look up) is said with the variable, for nothing typed names it."""
    from click.core import ParameterSource

    from furikaeri.errors import ModelError

    from_env = ctx.get_parameter_source(param.name) is ParameterSource.DEFAULT and "FURIKAERI_MODEL" in os.environ
    if not value.strip():
        if from_env:
            raise UsageError("FURIKAERI_MODEL is blank: set it to a model (base, tiny.en, a folder) or unset it "
                             "for base", ja="FURIKAERI_MODEL が空白です。モデル（base、tiny.en、フォルダ）を指定するか、"
                             "設定を外して base を使ってください")
        raise UsageError("--model is blank: give base, tiny.en, a model folder or a cached faster-whisper name",
                         ja="--model が空白です。base、tiny.en、モデルのフォルダ、キャッシュ済みの faster-whisper の"
                         "モデル名のどれかを指定してください")
    if from_env and value not in ("base", "tiny.en"):
        from furikaeri import models

        try:
            models.resolve(value, models_dir_from_env() or models.default_models_dir())
        except ModelError as e:
            raise ModelError(f"FURIKAERI_MODEL={value}: {e}", ja=f"環境変数 FURIKAERI_MODEL の {value}: {e.said_in('ja')}") from e
    return value


def analysis_options(fn):
    """--language, --budget, --model, --json: shared by analyze, record and practice."""
    from furikaeri.cli.app import noted_language

    fn = click.option("--json", "json_", is_flag=True, help="Print JSON for scripts instead of the report (schema in the README).")(fn)
    fn = click.option(
        "--model",
        default=lambda: os.environ.get("FURIKAERI_MODEL", "base"),
        callback=_model_named,
        help="Whisper model: base, tiny.en, a folder path, or a cached faster-whisper name "
             "[default: $FURIKAERI_MODEL, else base].",  # said here: click shows a text default as "(base)"
    )(fn)
    fn = click.option(
        "--budget",
        type=Budget(),
        default=None,
        help="The question's time budget in seconds (90, 90s, 2m, 1:30) [default: the question's own, else the "
             "time its words ask for (\"in two minutes\", 1分で), else the default for its kind (questions for the "
             "interviewer 45\u00a0s, a self-introduction 90\u00a0s; 30\u00a0s each in Japanese), else 120\u00a0s "
             "in English, 60\u00a0s in Japanese].",
    )(fn)
    fn = click.option(
        "--language",
        "-l",
        type=click.Choice(["auto", "en", "ja"]),
        default="auto",
        show_default=True,
        help="Answer language.",
        callback=noted_language,
    )(fn)
    return fn


def parse_when(text: str | None) -> datetime | None:
    """``--now`` for scripted use and tests: an ISO date or date-time (naive = local time)."""
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"cannot read the time {text!r}: use ISO 8601, e.g. 2026-11-23T09:30",
                         ja=f"時刻 {text!r} を読めません。ISO 8601 で指定してください（例: 2026-11-23T09:30）") from None
    if not 1970 <= when.year <= 9998:  # before the epoch, or where local time or UTC run off the calendar
        raise UsageError(f"the time {text!r} is out of range: give a year from 1970 to 9998",
                         ja=f"時刻 {text!r} が範囲外です。1970年から9998年までで指定してください")
    return when


def check_date(text: str) -> None:
    """A ``YYYY-MM-DD`` option's value, or a :class:`UsageError`."""
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"cannot read the date {text!r}: use YYYY-MM-DD",
                         ja=f"日付 {text!r} を読めません。YYYY-MM-DD で指定してください") from None


#: The largest integer SQLite stores: a larger id names nothing.
SQLITE_MAX_ID = 2**63 - 1


def answer_number(value: str) -> int:
    """An answer id as typed: ``12``, ``#12`` or ``１２`` (:func:`furikaeri.store.typed_number`)."""
    from furikaeri.store import typed_number

    v = typed_number(value)
    if v is None:
        raise UsageError(f"{value!r} is not an answer number (see `{cli_start()} history`)",
                         ja=f"{value!r} は回答番号ではありません（`{cli_start()} history` を参照）")
    if int(v) > SQLITE_MAX_ID:  # past any id SQLite can hold
        raise UsageError(f"there is no answer {v} (see `{cli_start()} history`)",
                         ja=f"回答 {v} はありません（`{cli_start()} history` を参照）")
    return int(v)


# --------------------------------------------------------------------------- output and prompts


def console(*, stderr: bool = False, highlight: bool = False):
    """A rich console; a reader that leaves (``| head``) ends the command quietly with 0, as
    every other output of furikaeri does (rich's own default is 1)."""
    from rich.console import Console

    from furikaeri.cli.app import pipe_closed

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            pipe_closed()

    width, height = _dumb_size(sys.stderr if stderr else sys.stdout)
    return _Console(stderr=stderr, highlight=highlight, width=width, height=height)


def _dumb_size(stream) -> tuple[int | None, int | None]:
    """The size to draw in on a terminal that calls itself dumb (TERM=dumb or unknown: Emacs'
    shell, some IDEs and CI consoles), as (columns, lines); (None, None) elsewhere, for rich to
    find. rich takes such a terminal for 80 x 25 whatever its size and whatever COLUMNS says,
    unless it is told both a width and a height (``Console.size``): given the width alone, a
    report was still drawn 80 wide on a 40-column window (QA s45 S #8)."""
    if not dumb_terminal(stream):
        return None, None
    columns, lines = os.environ.get("COLUMNS", ""), os.environ.get("LINES", "")
    width = int(columns) if columns.isdigit() else _dumb_width(stream)
    if not width:
        return None, None
    try:
        height = os.get_terminal_size(stream.fileno()).lines
    except (OSError, ValueError, AttributeError):
        height = 0
    return width, int(lines) if lines.isdigit() else height or 25


def dumb_terminal(stream) -> bool:
    """Is ``stream`` a terminal that calls itself dumb (``TERM`` is ``dumb`` or ``unknown``, as
    rich's ``Console.is_dumb_terminal`` reads it)? rich draws nothing live there (a progress bar,
    the recording panel) until it is done: no cursor movement, no colour."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return terminal and os.environ.get("TERM", "").lower() in ("dumb", "unknown")


def _dumb_width(stream) -> int | None:
    """The width of a terminal that calls itself dumb (TERM=dumb: Emacs' shell, some IDEs), which
    rich takes for 80 columns whatever its size (QA s45 S #8: a report drawn 80 wide on a
    40-column window); None elsewhere, or where COLUMNS says it (:func:`_dumb_size` reads it)."""
    if not dumb_terminal(stream) or os.environ.get("COLUMNS"):
        return None
    try:
        return os.get_terminal_size(stream.fileno()).columns or None
    except (OSError, ValueError, AttributeError):
        return None


def refuse_blank(**options: str | None) -> None:
    """Refuse an option given blank (``--since ""``, ``-c "$COMPANY"`` with the variable unset),
    which would read as the option left out: no filter, no company (QA s49 JJ #9)."""
    for name, value in options.items():
        if value is not None and not value.strip():
            option = "--" + name.replace("_", "-")
            raise UsageError(f"{option} is empty: give a value, or leave the option out",
                             ja=f"{option} が空です。値を指定するか、オプションを外してください")


def say_wrapped(said: str, *, err: bool = True) -> None:
    """A line on stderr (``err``, else stdout); in a terminal, a line longer than it broken where a phrase or word
    ends (QA s47 BB #9: 「…（58.6秒、停|止しました）」 split by the terminal mid-word, a line opening
    on 、), a command in backquotes kept whole on a line where it fits and a long path broken
    after a "/" (:func:`furikaeri.report.wrap.fill_breaks`; QA s47 EE #10: 「`furi」 / 「kaeri note
    1`」). A command longer than the line goes on a line of its own, unbroken (the terminal folds
    it; a line broken in it by the program ran as several commands when pasted: QA s51 WW #2).
    Not in a terminal (a pipe, a file, a test), the line as it is."""
    width = terminal_width(sys.stderr if err else sys.stdout)
    if width:
        from rich.cells import cell_len
        from rich.text import Text

        from furikaeri.report.wrap import wrap_phrases

        def wrapped(part: str) -> str:
            return wrap_phrases(Text(part), width, fill=True).plain if cell_len(part) > width else part

        if cell_len(said) > width:
            parts, at = [], 0
            for m in re.finditer(r"`[^`]+`", said):
                if cell_len(m.group(0)) > width:
                    parts += [wrapped(said[at:m.start()].rstrip()), m.group(0)]
                    at = m.end()
            said = "\n".join(p for p in (*parts, wrapped(said[at:].lstrip())) if p)
    click.echo(said, err=err)


def terminal_width(stream) -> int | None:
    """The width of the terminal ``stream`` writes to (COLUMNS when it says one), None when
    ``stream`` is not a terminal."""
    try:
        if not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns):
        return int(columns)
    try:
        return os.get_terminal_size(stream.fileno()).columns or 80
    except (AttributeError, ValueError, OSError):  # a terminal with no size to tell
        import shutil

        return shutil.get_terminal_size().columns


def emit_json(doc: Any) -> None:
    """``doc`` as indented JSON, always valid UTF-8 (a file name's undecodable bytes as U+FFFD)."""
    from furikaeri.cli.streams import repaired_deep

    click.echo(json.dumps(repaired_deep(doc), ensure_ascii=False, indent=2))


def shown_analysis(analysis):
    """``analysis`` with the text that came from outside (the file's name, the question, the
    warnings, which name the file) :func:`~furikaeri.cli.streams.repaired`: as it is shown,
    printed as JSON and saved. The file itself is read from the path as given."""
    import dataclasses

    from furikaeri.cli.streams import repaired, repaired_deep

    if not dataclasses.is_dataclass(analysis):
        return analysis
    fields = {"file": analysis.file and repaired(analysis.file),
              "question": analysis.question and repaired(analysis.question),
              "warnings": repaired_deep(analysis.warnings)}
    if all(fields[k] == getattr(analysis, k) for k in fields):
        return analysis
    return dataclasses.replace(analysis, **fields)


def no_speech_message(source, lang: str = "en", *, cut_after: float | None = None) -> str:
    """The one-line error for a recording with no speech in it; ``cut_after``: the seconds that
    could be read of a file that ends early (cut off or damaged), which is then what is wrong."""
    if cut_after is not None:
        if lang == "ja":
            return (f"{source}: ファイルが途中で切れています（壊れているか、コピーが途中で止まっています）。"
                    f"読めた最初の{cut_after:.1f}秒に話し声がありません")
        return (f"{source}: the file ends early (cut off or damaged): the {cut_after:.1f} s that could be read "
                "hold no speech")
    if lang == "ja":
        return f"{source}: 話し声が聞こえません（無音・雑音・笑い声だけ）。測るものがありません"
    return f"{source}: no speech detected (silence, noise or laughter only): nothing to measure"


#: ``emit_analysis``'s focus when none is given: the norm's alone (an answer not saved).
NORM_FOCUS = object()


def emit_analysis(analysis, json_: bool, *, answer_id: int | None = None, focus: Any = NORM_FOCUS,
                  saving: bool = False, extra: dict | None = None, audio_path: str | None = None,
                  question_key: str | None = None) -> None:
    """Print ``analysis`` as the terminal report or as one JSON line (with ``answer_id``, the
    archive's id for it, when it was saved, and ``audio_path``, its recording's copy there: a
    take of ``record``'s is no longer at ``file`` then; ``saving``: a --save run, whose every line
    has both, null for an answer not saved, so a script reads one shape); ``focus``: the
    one saved with it (:func:`furikaeri.session.archive_focus`), else judged against the norm only;
    ``extra``: keys the JSON line ends with (analyze --save's ``fix``); ``question_key``: the set
    question's key (the archive's for a saved answer), beside ``question`` as every view has it."""
    from furikaeri.cli.streams import repaired_deep

    from furikaeri.coach import focus_of

    analysis = shown_analysis(analysis)
    focus = focus_of(analysis) if focus is NORM_FOCUS else focus
    if json_:
        from furikaeri.advice import tips_as_shown

        items = list(analysis.to_dict().items())  # the key beside the text, as every view has it (QA s54 AL #6)
        items.insert([k for k, _ in items].index("question") + 1, ("question_key", question_key))
        doc = {**dict(items), "tips": tips_as_shown(analysis, focus),  # in the report's order
               # the one figure the screen leads with (QA s54 AI #4: a script could not read it)
               "focus": focus.to_dict() if focus is not None else None}
        if answer_id is not None or saving:
            doc = {"answer_id": answer_id, "audio_path": audio_path, **doc}
        doc.update(extra or {})
        try:
            click.echo(json.dumps(repaired_deep(doc), ensure_ascii=False))
        except BrokenPipeError:  # the reader left: quietly, or on to the next save (cli.app.pipe_closed)
            from furikaeri.cli.app import pipe_closed

            pipe_closed()
    else:
        from furikaeri.report.terminal import render

        # the console every other output uses: a reader leaving early is met as they are (rich's own: exit 1)
        render(analysis, console(highlight=True), focus=focus)


def save_options(fn):
    """``--save``, ``--session`` and the reflection (``--wrong``, ``--why``, ``--note``): keep the
    analysed answer in the archive. The command gets one ``note``: what to do next time, or,
    with ``--wrong`` or ``--why``, the three parts as a dict (as practice asks them)."""
    import functools

    @functools.wraps(fn)
    def with_note(*args, wrong=None, why=None, note=None, **kwargs):
        if wrong or why:
            note = {"wrong": wrong or "", "why": why or "", "next_time": note or ""}
        return fn(*args, note=note, **kwargs)

    cmd = with_note
    cmd = click.option("--why", default=None, help="With --save: why it went wrong.")(cmd)
    cmd = click.option("--wrong", default=None, help="With --save: what went wrong (the reflection's first part).")(cmd)
    cmd = click.option("--note", default=None, help="With --save: what to do next time (the reflection the next "
                                                    "attempt is checked against).")(cmd)
    cmd = click.option("--session", default=None,
                       help="With --save: the practice session's name [default: today's date, after the company's "
                            "name for a company's question].")(cmd)
    return click.option("--save", is_flag=True, help="Save the analysed answer in your practice archive.")(cmd)


def check_save_options(save: bool, note: str | dict | None, session: str | None) -> None:
    """``--note`` (``--wrong``, ``--why``) and ``--session`` need ``--save``; with it, a damaged or
    unwritable archive (a read-only file or folder, a full disk, a write lock another process
    holds past the busy timeout) is said before the take, not after minutes of analysis, and so
    is a ``--session`` name the save would refuse (digits alone, for a session not yet made)."""
    if not save and (note is not None or session is not None):  # they would be dropped unsaid
        raise UsageError("--note, --wrong, --why and --session go with --save (they are stored with the saved answer)",
                         ja="--note・--wrong・--why・--session は --save と一緒に使います（保存する回答と一緒に記録されます）")
    if save and not _archive_made():  # the save makes it: a take refused (no microphone) leaves none (QA s45 S #9)
        with scratch_store() as store:
            if session is not None:
                store.check_session_name(session)
    elif save:  # open() falls back to reading quietly (a read-only file, a full disk): ask for a write
        with open_store() as store:
            store.check_writable()
            if session is not None:
                store.check_session_name(session)


def _archive_made() -> bool:
    """Whether the archive is there; with none, whether it can be made where it goes (the
    nearest folder there is takes a new one), said as opening would say it."""
    from furikaeri.errors import StoreError
    from furikaeri.store import has_archive

    home = current_home()
    if has_archive(home):
        return True
    there = next((p for p in (home, *home.parents) if p.exists()), None)
    if there is None or (there.is_dir() and os.access(there, os.W_OK | os.X_OK)):
        return False
    raise StoreError(f"cannot create the data directory {home}: {os.strerror(13)}",
                     ja=f"データフォルダ {home} を作成できません: 権限がありません")


def check_not_saved(path) -> None:
    """Refuse a ``--save`` of a recording the archive already holds as an answer's (the command
    `recover` suggests, run twice, made two identical answers of one take and skewed progress):
    the archive's own copy, or a file of the same bytes (:func:`saved_as`: a take in ``takes/``
    is copied into ``audio/`` under a new name when saved). A file of the person's saved again
    under the same name with other audio (a take of the same name recorded anew) is theirs to
    save. Raises :class:`~furikaeri.errors.AlreadySaved`."""
    with open_store(reading=True) as store:
        refuse_saved([path], store.answers(full=False))


def refuse_saved(paths, answers) -> None:
    """Refuse recordings about to be saved as answers (``practice --from-files``' files, in
    order) when one of them is already an answer's in ``answers`` (:func:`saved_as`) or is
    the same recording as an earlier one of ``paths`` (the same file, or the same bytes, given
    for two questions): one take answers one question, and a second copy would count twice in
    progress. Raises :class:`~furikaeri.errors.AlreadySaved` before anything is analysed."""
    from furikaeri.errors import AlreadySaved

    paths = [Path(p) for p in paths]
    for i, path in enumerate(paths):
        held = saved_as(path, answers)
        if held is not None:
            home = home_given()
            raise AlreadySaved(f"{path} is already saved as answer {held} (`furikaeri{home} show {held}`): "
                               "not saved again",
                               ja=f"{path} は回答{held}として保存済みです（`furikaeri{home} show {held}`）。"
                                  "もう一度は保存しません")
        twin = same_recording(path, list(enumerate(paths[:i])))
        if twin is not None and _same_file(paths[twin], path):
            raise AlreadySaved(f"{path} is given twice: give each answer its own take (nothing saved)",
                               ja=f"{path} が2回指定されています。回答ごとに別の録音を指定してください（何も保存していません）")
        if twin is not None:
            raise AlreadySaved(f"{paths[twin]} and {path} are one recording: give each answer its own take "
                               "(nothing saved)",
                               ja=f"{paths[twin]} と {path} は同じ録音です。回答ごとに別の録音を指定してください"
                                  "（何も保存していません）")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return False


def saved_as(path: Path, answers) -> int | None:
    """The answer of ``answers`` whose recording ``path`` is: its own file, else the first (by
    number) whose file holds the same bytes (:func:`same_recording`), else, for a take of
    ``record``'s gone from ``takes/`` (:func:`drop_saved_take`), the answer its copy is."""
    held = same_recording(path, [(a.id, Path(a.audio_path)) for a in answers if a.audio_path])
    if held is None and own_take(path) and not Path(path).exists():
        return moved_take(path, answers)
    return held


def gone_take(path) -> tuple[str, str] | None:
    """For a take of ``record``'s no longer in ``takes/`` because the archive took it: what to
    add to "no such file" (English, Japanese): the answer it is and where its recording is, or,
    its answer deleted since, where the recording stayed (QA s52 XX #3)."""
    if not own_take(path) or Path(path).exists():
        return None
    try:
        with open_store(reading=True) as store:
            answers = store.answers(full=False)
    except Exception:  # noqa: BLE001 - no archive, or one that cannot be read: the line as it was
        return None
    held = moved_take(path, answers)
    home = home_given()
    if held is not None:
        kept = next(a.audio_path for a in answers if a.id == held)
        return (f": it was saved as answer {held} (`furikaeri{home} show {held}`), its recording is now at {kept}",
                f"。回答{held}として保存済みです（`furikaeri{home} show {held}`）。録音は {kept} にあります")
    from furikaeri.store import audio_dir

    copy = _copy_name(path)
    left = sorted(f for f in audio_dir(current_home()).glob("*") if copy.fullmatch(f.name)) \
        if audio_dir(current_home()).is_dir() else []
    if not left:
        return None
    return (f": it went into the archive when it was saved, and its recording stayed at {left[0]} when the answer "
            "was deleted",
            f"。保存したときにアーカイブへ移り、回答を削除したあとも録音は {left[0]} に残っています")


def _copy_name(path) -> re.Pattern:
    """The name of the archive's copy of the take ``path`` (:func:`furikaeri.session.keep_audio`)."""
    from furikaeri.session import kept_stem

    return re.compile(r"\d{8}T\d{6}-" + re.escape(kept_stem(Path(path))) + r"(-\d+)?"
                      + re.escape(Path(path).suffix.lower()))


def moved_take(path: Path, answers) -> int | None:
    """The first answer of ``answers`` whose recording is the archive's copy of the take
    ``path`` (named as :func:`furikaeri.session.keep_audio` names it), or None."""
    copy = _copy_name(path)
    return next((a.id for a in sorted(answers, key=lambda a: a.id)
                 if a.audio_path and copy.fullmatch(Path(a.audio_path).name)), None)


def same_recording(path: Path, kept: list[tuple[int, Path]]) -> int | None:
    """The key of the first (by key) of ``kept`` that is ``path``'s recording: the same file,
    else a file of the same bytes. Cheap for an archive of hundreds of answers: only the files
    of ``path``'s size are read, each only as far as the first difference. A file that cannot
    be read matches nothing."""
    import filecmp
    import stat

    try:
        where = path.resolve()
        st = path.stat()
    except (OSError, ValueError, RuntimeError):
        return None
    same_size = []
    for key, other in kept:
        try:
            if other.resolve() == where:
                return key
            if stat.S_ISREG(st.st_mode) and st.st_size and other.stat().st_size == st.st_size:
                same_size.append((key, other))
        except (OSError, ValueError, RuntimeError):
            continue
    for key, other in sorted(same_size):
        try:
            if filecmp.cmp(path, other, shallow=False):
                return key
        except (OSError, ValueError):
            continue
    return None


def check_room(path) -> None:
    """Refuse, before minutes of analysis, a ``--save`` of ``path`` that is known not to fit: the
    save copies the recording into the archive's audio folder, and where the free space there
    is smaller than the file the copy would fail after the analysis (as a disk with 0 bytes
    free is refused by :func:`check_save_options`). Nothing is refused when the size or the
    free space cannot be known, nor for a file already in the audio folder (not copied). Raises
    :class:`~furikaeri.store.ArchiveFullError`."""
    import errno
    import shutil

    from furikaeri.store import ArchiveFullError, audio_dir

    folder = audio_dir(current_home())
    need = _copied_bytes(Path(path), folder)
    try:
        free = shutil.disk_usage(folder).free if need else None
    except OSError:
        free = None
    if free is None or free >= need:
        return
    home, need_said, free_said = current_home(), _megabytes(need), _megabytes(free)
    error = ArchiveFullError(f"no room to save {path} into the archive {home}: its recording takes {need_said}, "
                             f"{free_said} is free; free some space and try again (it was not analysed)",
                             ja=f"アーカイブ {home} に {path} を保存する空きがありません（録音は {need_said}、"
                                f"空きは {free_said}）。空きを作ってからやり直してください（分析していません）")
    error.errno = errno.ENOSPC
    raise error


def _copied_bytes(path: Path, folder: Path) -> int:
    """What saving ``path`` writes into ``folder`` (its copy; :func:`furikaeri.session.keep_audio`):
    0 when that cannot be known (no such file, a pipe) or nothing is copied (it is there already)."""
    import stat

    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or path.resolve().parent == folder.resolve():
            return 0
    except (OSError, ValueError, RuntimeError):
        return 0
    return st.st_size


def _megabytes(n: int) -> str:
    """A size as a person compares it with what a file manager shows (kB below 0.1 MB)."""
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{max(1, round(n / 1e3))} kB"


def analyze_command(path, question: str | None, budget: float | None, language: str, *, save: bool = False,
                    session: str | None = None, note: str | dict | None = None,
                    model: str | None = None, cut_off: bool = False) -> list[str]:
    """The command that analyses a take as ``record`` or ``analyze`` would have (the same
    question, budget, language and model, a model only when it is not the one analyze uses
    by default; the archive's ``--home`` when one was given), and saves it as asked (``--save``,
    ``--session``, the reflection): for a take the microphone cut short, a take a crash left
    (``recover``), or an answer the archive refused. ``cut_off``: the recording stopped before the
    answer ended (``--cut-off``: a kill, a signal, the microphone gone mid-take)."""
    from furikaeri.errors import NOTE_OPTIONS

    parts = note if isinstance(note, dict) else {"next_time": note} if note else {}
    typed = [x for key, option in NOTE_OPTIONS if parts.get(key) for x in (option, parts[key])]
    return ["furikaeri", *home_args(), "analyze", str(path), *(["--cut-off"] if cut_off else []),
            *(["-q", question] if question else []),
            *(["--budget", f"{budget:g}"] if budget else []),
            *(["-l", language] if language not in (None, "auto") else []),
            *(["--model", model] if model and model != os.environ.get("FURIKAERI_MODEL", "base") else []),
            *(["--save"] if save else []), *(["--session", session] if save and session else []),
            *(typed if save else [])]


def save_and_emit(analysis, path, json_: bool, *, session, question, note, source: str, asked=None,
                  language: str | None = None, model: str | None = None, budget: float | None = None,
                  extra=None) -> int:
    """Store the analysed answer in the archive (which copies the audio beside it), print it
    (with its id in JSON), say the id on stderr in the command's language (the system's when it
    has none: a line of the program's, not of the report), and return it. Should
    the saving fail (a full disk, a lock held meanwhile), the report is printed all the same
    before the error, which names the command that saves the answer later with everything typed
    for it (``budget`` as typed: with ``question`` and ``language`` it goes into that command).
    Its settings have the shape a practice answer's have (``asked``: the set question,
    ``language`` and ``model`` as given), so a script reads every answer's settings alike.
    ``extra(answer_id)``: keys the JSON line ends with once saved (``extra(None)`` if the saving
    failed): analyze --save's note check, ``fix``."""
    from furikaeri.lang import text

    analysis = shown_analysis(analysis)  # a file name with bytes that are not UTF-8 is stored repaired
    focus = NORM_FOCUS
    try:
        focus, answer_id = _saved(analysis, path, session=session, question=question, note=note, source=source,
                                  asked=asked, language=language, model=model)
    except (FurikaeriError, OSError) as e:
        emit_analysis(analysis, json_, focus=focus, saving=True, extra=extra(None) if extra and json_ else None,
                      question_key=asked.key if asked else None)
        error = _not_saved(e, path, analyze_command(path, asked.key if asked else question, budget,
                                                    language or "auto", save=True, session=session, note=note))
        if error is e:
            raise
        raise error from e
    saved = before = None
    with contextlib.suppress(FurikaeriError, OSError), open_store() as store:  # saved: the report shows whatever
        saved = store.answer(answer_id, full=False)  # a new attempt at a question answered before: how to see the change
        before = (store.previous_answer(saved.question_id, before_id=answer_id, language=saved.language)
                  if saved and saved.question_id else None)
    emit_analysis(analysis, json_, answer_id=answer_id, focus=focus, audio_path=saved.audio_path if saved else None,
                  extra=extra(answer_id) if extra and json_ else None,
                  question_key=saved.question_key if saved else asked.key if asked else None)
    from furikaeri.capture import forget_left_take
    from furikaeri.cli.language import ui_language

    forget_left_take(path)  # a take a lost microphone left marked, saved as its error line said
    lang = ui_language()  # a line of the program's, not of the report: the command's language, else the system's
    say_wrapped(text(lang, "saved_as", id=answer_id, home=home_given()))
    if drop_saved_take(path, saved.audio_path if saved else None):  # the path shown above is gone: where it is now
        say_wrapped(text(lang, "take_moved", path=saved.audio_path))
    if before is not None:
        say_wrapped(text(lang, "previous_attempt", id=before.id, new=answer_id, home=home_given()))
    return answer_id


def own_take(path) -> bool:
    """Is ``path`` one of the takes ``record`` writes into the archive's ``takes/`` folder by
    itself (``take-….wav``, not a file the person named with ``--out``)?"""
    from furikaeri.store import TAKES_DIR

    try:
        path = Path(path)
        return (path.name.startswith("take-") and path.suffix.lower() == ".wav"
                and path.absolute().parent.resolve() == (current_home() / TAKES_DIR).resolve())
    except (OSError, RuntimeError, ValueError):
        return False


def drop_saved_take(path, kept: str | None) -> bool:
    """A take of ``record``'s own (:func:`own_take`) once the archive holds it as ``kept``, its
    copy in ``audio/``, byte for byte: it goes from ``takes/``, with its marker, so every saved
    take is not kept twice (QA s51 TT #6). True when it went; best effort: a take that cannot go
    stays."""
    from furikaeri.capture import release_take

    if not kept or not own_take(path) or same_recording(Path(path), [(0, Path(kept))]) != 0:
        return False
    if _same_file(Path(path), Path(kept)):
        return False
    release_take(path)  # its marker first: a kill after this leaves no marker of a take that went
    try:
        Path(path).unlink()
    except OSError:
        return False
    return True


def _saved(analysis, path, *, session, question, note, source, asked, language, model):
    """(the focus shown, the new answer's id): ``analysis`` saved (see :func:`save_and_emit`)."""
    from furikaeri.session import archive_focus, save_analysis

    with open_store() as store:  # the focus shown is the one saved: against the person's usual too
        focus = archive_focus(store, analysis)
    answer_id = save_analysis(analysis, audio_path=path, session=session, question=question, note=note,
                              home=current_home(), company=company_of(asked),
                              settings={"set": asked.set_name if asked else None,
                                        "question_key": asked.key if asked else None, "model": model,
                                        "language": language, "budget_s": analysis.budget_s, "source": source})
    return focus, answer_id


def company_of(asked) -> str | None:
    """The company whose file (or logged interviews) the set question ``asked`` is of, else None."""
    if asked is None:
        return None
    return next((s.company.name for s in _sets_to_ask_from() if s.company and s.name == asked.set_name), None)


def _not_saved(e: BaseException, path, command: list[str]) -> BaseException:
    """The error for an answer the archive refused: while its recording is on disk, one line
    with why and ``command`` (:func:`furikaeri.errors.take_not_saved`), else ``e`` as it is."""
    from furikaeri.errors import take_not_saved

    try:
        kept = Path(path).is_file()
    except (OSError, ValueError):
        kept = False
    return take_not_saved(e, path, command=command) if kept else e


def transcription_progress(json_: bool, language: str | None = None):
    """A progress bar on stderr for long transcriptions, in the answer's ``language`` (English
    when it is not known yet), or None (JSON output, no terminal). A spinner and the time spent
    move while the bar cannot: Whisper reports only when a stretch is written, which on a loaded
    computer can be a minute in (QA s44 H #5: a bar at 0% read as hung)."""
    if json_ or not sys.stderr.isatty() or dumb_terminal(sys.stderr):  # where rich draws none, only a blank line
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    from furikaeri.lang import LANGUAGES, text

    label = text(language if language in LANGUAGES else None, "progress_transcribing")
    out = Console(stderr=True)
    return Progress(SpinnerColumn(), TextColumn(label), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                    *_time_columns(out.width), transient=True, console=out)


#: The narrowest terminals the progress bar shows both times in (spent, left), and the time
#: spent alone: in one narrower, rich cut them to "0:00:… 0:00:…" (QA s47 EE #10).
BOTH_TIMES_WIDTH, TIME_SPENT_WIDTH = 48, 36


def _time_columns(width: int) -> list:
    """The progress bar's time columns that fit a terminal ``width`` columns wide: the time spent
    and the time left, the time spent alone (it moves while the bar cannot), or none."""
    from rich.progress import TimeElapsedColumn, TimeRemainingColumn

    if width >= BOTH_TIMES_WIDTH:
        return [TimeElapsedColumn(), TimeRemainingColumn()]
    return [TimeElapsedColumn()] if width >= TIME_SPENT_WIDTH else []


def with_progress(work, json_: bool, language: str | None = None):
    """``work(progress)``'s result, with a progress bar while it reports progress (in a terminal)."""
    prog = transcription_progress(json_, language)
    if prog is None:
        return work()
    with prog:
        task = prog.add_task("t", total=1.0)
        return work(lambda done, total: prog.update(task, completed=done / max(total, 1e-6)))


def is_terminal() -> bool:
    """Is a person typing (standard input is a terminal)?"""
    return sys.stdin.isatty()


def ask(label: str, default: str = "") -> str:
    """A line typed by the person; the prompt goes to stderr, so stdout holds only the result
    (``--json`` stays valid with a prompt before it)."""
    from furikaeri.cli.streams import repaired

    typed = click.prompt(label, default=default, show_default=bool(default), prompt_suffix=": ", err=True)
    return repaired(typed).strip()  # bytes that are not UTF-8 (half a character, Shift_JIS) as U+FFFD


def companies_meant(store, company: str, known: Sequence[str] | None = None) -> list[str]:
    """The companies the archive knows (``known``, else those it has research of, practised for
    or logged interviews of) that ``company``, typed, may mean where it names none of them: the
    one whose file's set name it is (acme-corp: QA s49b KK #3), else those holding it ("acme"
    for "Acme Corp": :func:`furikaeri.questions.names_meant`)."""
    from furikaeri.progress import company_names
    from furikaeri.questions import company_key, names_meant

    if known is None:
        known = list(dict.fromkeys([*(c.name for c in store.companies()), *(s.company for s in store.sessions()
                                                                              if s.company),
                                    *(iv.company for iv in store.interviews() if iv.company)]))
    if any(company_key(n) == company_key(company) for n in known):
        return []
    keys = company_names(store, company)
    return [n for n in known if company_key(n) in keys] or names_meant(company, known)


def said_meant(company: str | None, language: str, *, after: bool = False) -> str:
    """What a filter ``--company`` that kept nothing may have meant ("did you mean 'Acme Corp'?
    -c 'Acme Corp'": QA s51 RR #4, the README's own `-c "Acme"` found nothing beside "Acme Corp"
    and said nothing), or "" where the archive knows none near it; ``after``: as the end of the
    line that said nothing was kept ("; …", 「。…」)."""
    import shlex

    from furikaeri.lang import text

    if not company:
        return ""
    try:
        with open_store(reading=True, say_missing=False) as store:
            near = companies_meant(store, company)
    except (FurikaeriError, OSError):
        return ""
    if not near:
        return ""
    said = text(language, "company_meant", near=near[0], quoted=shlex.quote(near[0]))
    return (("。" if language == "ja" else "; ") + said) if after else said
