"""The practice loop, as a library: which questions, each attempt saved and checked.

:func:`run_session` asks each planned question in turn: it shows what happened last time (its
note too), gets the answer's audio and has it analysed; with the report it checks the earlier
note's fix (:func:`furikaeri.notes.check_fix`) and remarks on the pace and the person's usual
(:func:`furikaeri.progress.after_unsaved`), then saves the answer with the person's reflection,
written knowing all that. What a person sees and
types is not done here: the caller hands in callbacks (record, analyse, reflect) and receives
events (:class:`Asking`, :class:`Heard`, :class:`NotSaved`, :class:`Saved`) to render.

The same steps serve single answers too: :func:`save_analysis` (``analyze --save``),
:func:`keep_audio` (a real interview's recording).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import random
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Sequence, Union

from furikaeri import questions as qmod
from furikaeri.companies import company_set
from furikaeri.errors import FurikaeriError, StoreError, UsageError, note_not_saved, take_not_saved
from furikaeri.lang import get_rules
from furikaeri.coach import Focus, focus_of
from furikaeri.coach import usual as coach_usual
from furikaeri.coach import with_floors
from furikaeri.notes import FixCheck, check_fix, opening_order
from furikaeri.progress import AfterAnswer, after_unsaved
from furikaeri.store import Answer, Session, Store, audio_dir, to_stamp

NoteInput = Union[str, dict[str, Union[str, None]], None]


# --------------------------------------------------------------------------- which questions


def choose_set(store: Store, *, set_name: str | None, company: str | None, language: str | None,
               folder: Path | None, now: datetime | None = None, cli: str = "furikaeri") -> qmod.QuestionSet:
    """The set to practise: a company's questions (:func:`furikaeri.companies.company_set`),
    the set ``set_name``, or the built-in set of ``language``; ``cli``: how a command the error
    for an unknown set or company suggests starts (with the archive's --home)."""
    if set_name and company:
        raise UsageError("choose --set or --company, not both", ja="--set と --company はどちらか一方だけ指定してください")
    if company:
        return company_set(store, company, folder, now=now, cli=cli)
    return qmod.get_set(set_name or get_rules(language or "").default_set, folder, cli=cli)


def plan(qset: qmod.QuestionSet, *, only: Sequence[str] = (), limit: int | None = None,
         shuffle: bool = False, seed: int | None = None) -> list[qmod.Question]:
    """The questions to practise: ``only`` picks ids (in that order), ``shuffle`` mixes them,
    ``limit`` keeps the first N."""
    qs = list(qset.questions)
    if only:
        by_id = {q.id: q for q in qs}
        missing = [i for i in only if i not in by_id]
        if missing:
            raise UsageError(
                f"no question {', '.join(missing)} in {qset.name}; its ids: {', '.join(by_id)}",
                ja=f"{qset.name} に質問 {'、'.join(missing)} はありません。このセットの ID: {'、'.join(by_id)}")
        qs = [by_id[i] for i in only]
    if shuffle:
        random.Random(seed).shuffle(qs)
    if limit is not None:
        if limit < 1:
            raise UsageError("--limit must be at least 1", ja="--limit には 1 以上を指定してください")
        qs = qs[:limit]
    return qs


def fit_to_files(questions: list[qmod.Question], files: Sequence[Path]) -> list[qmod.Question]:
    """The planned questions answered from ``files``, one file each in order: fewer files
    answer the first questions only; more files than questions is a mistake."""
    if not files:
        return questions
    if len(files) > len(questions):
        from furikaeri.lang import counted

        raise UsageError(f"{counted(len(files), 'file')} for {counted(len(questions), 'question')}: "
                         "give one file per question",
                         ja=f"質問 {len(questions)} 問に対してファイルが {len(files)} 個あります: "
                         "ファイルは質問 1 問につき 1 つ指定してください")
    return questions[: len(files)]


# --------------------------------------------------------------------------- one attempt


@dataclass(frozen=True)
class Before:
    """What to show before an attempt: the question's archive id, its last attempt, and the
    latest attempt that carries a note (the same one, or an older one when the last attempt
    got no note: a fix you wrote down on Monday still matters on Friday)."""

    question_id: int
    previous: Answer | None
    attempts: int
    noted: Answer | None = None


def latest_noted(answers: Sequence[Answer]) -> Answer | None:
    return next((a for a in reversed(answers) if a.note and not a.note.empty), None)


def logged_asking(interviews, words: str) -> tuple[Any, dict] | None:
    """The first of ``interviews`` (newest first) that asked the question ``words`` (up to case,
    width, marks and a Japanese request's ending: :func:`furikaeri.questions.same_question`),
    with the item that asked it; None when none did."""
    same = qmod.same_question(words)
    return next(((iv, item) for iv in interviews for item in iv.items
                 if item.get("question") and same(item["question"])), None)


def stand_check(logged: tuple[Any, dict] | None, analysis: Any):
    """The fix of the ``logged`` interview (:func:`logged_asking`) checked on ``analysis`` (an
    :class:`~furikaeri.analysis.Analysis` or its dict) by :func:`furikaeri.notes.check_stand`,
    said beside the practice note's check, never in its place; None without one, and for an
    answer whose figures are off (heard in the other language, partly unheard), as the note's
    is. ``practice`` says it, and ``analyze``/``record --save`` (QA s51 VV #3: an answer saved
    to a logged interview's question was not checked on its fix)."""
    from furikaeri.analysis import off_language
    from furikaeri.notes import check_stand
    from furikaeri.store import filler_texts, lower_bounds, metrics_from_analysis

    d = analysis if isinstance(analysis, dict) else analysis.to_dict()
    if logged is None or not d.get("speech_detected", True) or off_language(d) or d.get("unheard_s"):
        return None
    opening = d.get("opening") if isinstance(d.get("opening"), dict) else {}
    fix = qmod.fix_for_question(logged[0].to_fix or "", logged[1].get("question") or "")
    return check_stand(fix, metrics_from_analysis(d), d.get("language"), fillers=filler_texts(d.get("fillers")),
                       order=opening.get("order"), floors=lower_bounds(d))


def stand_on(store: Store, answer) -> Any:
    """:func:`stand_check` of a saved ``answer`` (loaded ``full``): the fix of the newest
    interview logged before it was saved that asked its question, as it was checked when it was
    saved (``show`` says it again: QA s55 AO #7); None without one."""
    if answer is None or not answer.analysis or not answer.question:
        return None
    saved = _when(answer.created_at)
    interviews = [iv for iv in store.interviews() if saved is None or (_when(iv.created_at) or saved) <= saved]
    return stand_check(logged_asking(interviews, answer.question), answer.analysis) if interviews else None


def _when(stamp: str | None) -> datetime | None:
    """A stored time as a moment (None where it cannot be read)."""
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except (TypeError, ValueError):
        return None


def before_attempt(store: Store, question: qmod.Question, *, now: datetime | None = None) -> Before:
    check_clock(store, now)
    qid = store.question_for(question.key, question.text, language=question.language,
                             budget_s=question.budget_s, set_name=question.set_name, now=now)
    attempts = store.answers(question_id=qid)
    # the attempt to compare with: in the question's language, and said in it (an answer heard as
    # the other language has figures of a translation: it is no "last time")
    previous = store.previous_answer(qid, language=question.language) if attempts else None
    return Before(qid, previous, len(attempts), latest_noted(attempts))


def known_before(store: Store, text: str, *, key: str | None = None, language: str | None = None) -> Before | None:
    """:func:`before_attempt` of a question the archive already holds, found as saving finds it
    (its key and words, else its words: :func:`question_for_text`) and nothing written: what
    ``record --save`` shows before the take (QA s42 F #4). None for a question not asked yet."""
    same = qmod.same_question(text.strip())
    held = [q for q in store.questions() if same(q.text)]
    keyed = [q for q in held if key is not None and q.key == key]
    found = keyed[-1] if keyed else next((q for q in held if language is None or q.language in (None, language)), None)
    if found is None:
        return None
    attempts = store.answers(question_id=found.id)
    previous = store.previous_answer(found.id, language=language) if attempts else None
    return Before(found.id, previous, len(attempts), latest_noted(attempts))


def check_clock(store: Store, now: datetime | None) -> None:
    """Warn, once a command (:meth:`~furikaeri.store.Store.first_said`), when an answer about to
    be saved at ``now`` (this computer's clock when None) is dated before an answer the archive
    holds already: it will count as older than that one in history, progress and its question's
    attempts, and its note as an earlier one (QA s51 TT #7: a clock set back hid the newest note
    from every later attempt)."""
    from furikaeri.errors import warn
    from furikaeri.store import CLOCK_BEHIND, local_minute

    stamp = to_stamp(now)
    latest = store.answers(newest_first=True, limit=1)
    if not latest or latest[0].created_at <= stamp or not store.first_said(CLOCK_BEHIND):
        return
    a = latest[0]
    warn(f"the time now, {local_minute(stamp)}, is before answer {a.id} ({local_minute(a.created_at)}): this answer "
         "will count as older than it in history, progress and the question's attempts; is the computer's clock right?",
         ja=f"現在時刻 {local_minute(stamp)} は保存済みの回答{a.id}（{local_minute(a.created_at)}）より前です。"
            "この回答は履歴・推移・同じ質問の試行でそれより古いものとして扱われます。パソコンの時計は合っていますか")


def keep_audio(home: Path, src: str | Path, *, now: datetime | None = None, move: bool = False) -> Path:
    """Put an answer's audio into ``<home>/audio/`` (copied, or moved if it was recorded
    for the archive) under a name that does not collide. Returns the new path.

    A copy is written under a hidden name (:data:`COPYING_PREFIX`) and renamed once whole, so a
    copy a kill cut off never lies there as a recording (QA s35 F #3: a half-size FLAC under
    its final name); such leftovers go at the next save (:func:`drop_unfinished_copies`)."""
    src = Path(src)
    if not src.is_file():
        raise StoreError(f"the recording {src} is missing", ja=f"録音 {src} が見つかりません")
    folder = audio_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    said_removed(drop_unfinished_copies(home))
    if src.resolve().parent == folder.resolve():
        return src
    stamp = to_stamp(now).replace(":", "").replace("-", "").replace("+0000", "")[:15]
    stem = kept_stem(src)
    target = folder / f"{stamp}-{stem}{src.suffix.lower()}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stamp}-{stem}-{n}{src.suffix.lower()}"
    if move:
        shutil.move(str(src), target)
        return target
    _copy_whole(src, target)
    return target


def kept_stem(src: Path) -> str:
    """The part of ``src``'s name its copy in the archive keeps, after its time (:func:`keep_audio`)."""
    return re.sub(r"[^\w.-]+", "_", src.stem)[:40] or "answer"


#: The start of the name a recording is copied under until it is whole (:func:`keep_audio`).
COPYING_PREFIX = ".copying-"


def _copy_whole(src: Path, target: Path) -> None:
    """Copy ``src`` to ``target`` through a hidden name, renamed once the copy is whole. The
    hidden file is locked meanwhile (where locks exist), so another process's clean-up
    (:func:`drop_unfinished_copies`) leaves a copy being made alone."""
    part = target.with_name(COPYING_PREFIX + target.name)
    fd = None
    try:  # made inside: Ctrl-C just after the hidden file is made leaves none (QA s46 Y #6)
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        _lock(fd, wait=True)
        shutil.copy2(src, part)
        os.replace(part, target)
    except BaseException:  # a full disk, Ctrl-C, SIGTERM: no half copy left behind, taking up what space is left
        part.unlink(missing_ok=True)
        raise
    finally:
        if fd is not None:
            os.close(fd)


def _lock(fd: int, *, wait: bool) -> bool:
    """Lock ``fd`` for this process (True), or False when another holds it; True where there are
    no such locks (Windows: the age of a copy decides, :func:`drop_unfinished_copies`)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _has_locks() -> bool:
    try:
        import fcntl  # noqa: F401
    except ImportError:  # pragma: no cover - Windows
        return False
    return True


#: Without file locks, a hidden copy unchanged for this long is a leftover, not one being made.
COPY_LEFT_AFTER_S = 3600.0


def said_removed(copies: list[Path]) -> None:
    """Say that the cut-off ``copies`` a stopped save left were removed (nothing when none)."""
    if copies:
        from furikaeri.errors import warn
        from furikaeri.lang import text

        names = ", ".join(p.name for p in copies)
        warn(text("en", "copies_removed", names=names),
             ja=text("ja", "copies_removed", names=names))


def drop_unfinished_copies(home: Path) -> list[Path]:
    """Remove the copies of recordings a killed save left in ``<home>/audio/`` (hidden,
    :data:`COPYING_PREFIX`): never an answer's recording, which has its own name only once whole.
    A copy another process is making now (it holds its lock) stays. Returns what was removed;
    best effort (a read-only archive keeps them, and nothing else is stopped)."""
    import time

    removed = []
    try:
        leftovers = sorted(audio_dir(home).glob(COPYING_PREFIX + "*"))
    except OSError:
        return removed
    for path in leftovers:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            free = _lock(fd, wait=False)
            if free and (_has_locks() or time.time() - os.fstat(fd).st_mtime > COPY_LEFT_AFTER_S):
                path.unlink()
                removed.append(path)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def key_in_name(key: str) -> str:
    """A question's key as a file name carries it (``ja-basic:jikopr`` -> ``ja-basic-jikopr``)."""
    return key.replace(":", "-").replace("/", "-")


def new_take_path(home: Path, question: qmod.Question, *, now: datetime | None = None) -> Path:
    """Where a microphone answer to ``question`` is recorded: a new file in the archive's
    audio folder, named by the time and the question's key."""
    folder = audio_dir(home)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = to_stamp(now).replace(":", "").replace("-", "")[:15]
    stem = f"{stamp}-{key_in_name(question.key)}"
    path = folder / f"{stem}.wav"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}.wav"
    return path


def _note_dict(note: NoteInput) -> dict[str, str] | None:
    """A single text is what to do next time (the part the next attempt is checked against)."""
    if note is None:
        return None
    if isinstance(note, str):
        return {"next_time": note} if note.strip() else None
    return {k: (note.get(k) or "") for k in ("wrong", "why", "next_time")}


def record_answer(
    store: Store,
    *,
    session_id: int | str,
    question_id: int | None,
    analysis: dict[str, Any],
    audio_path: str | Path | None,
    note: NoteInput = None,
    settings: dict[str, Any] | None = None,
    keep: bool = True,
    move: bool = False,
    now: datetime | None = None,
    focus: str | None = None,
) -> tuple[int, FixCheck | None]:
    """Save an analysed attempt (its audio kept in the archive) and check it against the
    previous attempt's note. Returns the answer id and the check (None without a note)."""
    check_clock(store, now)
    fix = note_check(store, question_id, analysis)  # against the attempts before this one
    if analysis.get("file"):  # the file analysed, as any folder finds it (typed relative to the one it was typed in)
        analysis = {**analysis, "file": os.path.abspath(analysis["file"])}
    stored_audio = None
    if audio_path is not None:
        stored_audio = keep_audio(store.home, audio_path, now=now, move=move) if keep else Path(audio_path)
    try:
        answer_id = store.add_answer(session_id, analysis, question_id=question_id, audio_path=stored_audio,
                                     settings=settings, note=_note_dict(note), now=now, focus=focus)
    except BaseException:
        # Not saved: a copy made for it goes (a recording moved in stays: it is the only one).
        if keep and not move and stored_audio is not None and stored_audio != Path(audio_path):
            stored_audio.unlink(missing_ok=True)
        raise
    return answer_id, fix


def note_check(store: Store, question_id: int | None, analysis: dict[str, Any]) -> FixCheck | None:
    """Did this attempt (an analysis not yet saved) do what the earlier note on its question
    asked (:func:`furikaeri.notes.check_fix`)? None without an earlier attempt in its language,
    or when its figures are off (heard in the other language, mostly unheard)."""
    from furikaeri.store import filler_texts, lower_bounds, metrics_from_analysis

    attempts = store.answers(question_id=question_id) if question_id is not None else []
    language = analysis.get("language")
    if language:  # an attempt in another language is no "before": its figures mean other things
        attempts = [a for a in attempts if a.language in (language, None)]
    from furikaeri.analysis import off_language

    # the attempt before: the latest whose figures can be read (as "last time" shows it; a damaged
    # row's blanks are nothing to check a note against, QA s37 V1 #4)
    last = next((a for a in reversed(attempts) if a.has_figures), None)
    if last is None or off_language(analysis) or analysis.get("unheard_s"):
        return None
    noted = latest_noted(attempts)
    opening = analysis.get("opening") if isinstance(analysis.get("opening"), dict) else {}
    from furikaeri.metrics import with_asked

    metrics = with_asked(metrics_from_analysis(analysis), analysis.get("question"))  # the length it asked, as typed
    return check_fix(last, metrics, language, note=noted.note if noted else None,
                     fillers=filler_texts(analysis.get("fillers")),
                     orders=(opening_order(last), opening.get("order")), floors=lower_bounds(analysis))


def question_for_text(store: Store, text: str, *, language: str | None, budget_s: float | None,
                      now: datetime | None = None) -> int:
    """The archive question for a free-text question: an existing one with the same text (so
    ``analyze --question "自己PRをお願いします"`` joins the built-in question's history), or a
    new one keyed by the text. Same text: up to case, spacing, full- or half-width characters
    and the closing mark ("tell me about yourself" is "Tell me about yourself.")."""
    text = text.strip()
    same = qmod.same_question(text)
    for q in store.questions():
        if same(q.text):
            return q.id
    from furikaeri.store import user_questions_dir

    q = qmod.find_question(text, qmod.all_sets(user_questions_dir(store.home)))
    if q is not None:  # a set's question, by text, key or id: it joins that question's history
        return store.question_for(q.key, q.text, language=q.language, budget_s=q.budget_s,
                                  set_name=q.set_name, now=now)
    return store.question_for("text:" + " ".join(text.split()), text, language=language, budget_s=budget_s, now=now)


def save_analysis(
    analysis: Any,
    *,
    audio_path: str | Path | None,
    session: str | None = None,
    question: str | None = None,
    note: NoteInput = None,
    home: str | Path,
    settings: dict[str, Any] | None = None,
    company: str | None = None,
    now: datetime | None = None,
) -> int:
    """Store one analysed answer without prompts (``furikaeri analyze FILE --save``).

    ``analysis``: an :class:`~furikaeri.analysis.Analysis` (or its ``to_dict()``).
    ``session``: a session name (the newest session of that name is reused; default: today's
    date, after ``company``'s name for a company's question, in a session of that company, as
    ``practice --company`` names one: QA s51 VV #3). ``question``: the question text (default:
    the analysis' own question).
    ``note``: what to do next time (or a dict with ``wrong``/``why``/``next_time``).
    The audio is copied into ``<home>/audio/``. Returns the new answer id.
    """
    d = analysis.to_dict() if hasattr(analysis, "to_dict") else dict(analysis)
    home = Path(home)
    with Store.open(home) as store:
        name = session or (now or datetime.now()).astimezone().strftime("%Y-%m-%d")  # today, where the person is
        if company and not session:
            name = f"{company} {name}"
        store.check_session_name(name)  # a name the save would refuse, refused before the copy
        qtext = question or d.get("question")
        qid = (question_for_text(store, qtext, language=d.get("language"), budget_s=d.get("budget_s"), now=now)
               if qtext else None)
        focus = archive_focus(store, d)
        # the session by its name: found or made with the answer, in its transaction (a kill
        # during the copy of the recording left an empty session: QA s35 F #3); a company's is made
        # first, with its company (one a kill leaves empty goes with the next save's clean-up)
        sid = store.session_for(name, company=company, now=now) if company and not session else name
        answer_id, _ = record_answer(store, session_id=sid, question_id=qid, analysis=d, audio_path=audio_path,
                                     note=note, settings=settings, now=now, focus=focus.metric if focus else None)
        return answer_id


def archive_focus(store: Store, analysis: Any) -> Focus | None:
    """An answer's focus (``analysis``: an :class:`~furikaeri.analysis.Analysis` or its dict)
    as the archive judges it: against the norm and, once there are enough earlier answers in its
    language, the person's own usual (:func:`furikaeri.coach.focus_of`). What is saved and what
    is shown with it are this one focus."""
    language = analysis.get("language") if isinstance(analysis, dict) else analysis.language
    earlier = [with_floors(a) for a in store.answers(full=False) if a.language == language]
    return focus_of(analysis, own_usual=coach_usual(earlier, language or "en"))


# --------------------------------------------------------------------------- the loop


@dataclass(frozen=True)
class AnswerAudio:
    """An answer's audio: ``recorded`` when it was recorded for the archive (then it is moved
    into it, and deleted when it holds no speech), not when it is the person's own file."""

    path: Path
    recorded: bool = False
    #: The analysis made while it was recorded (:mod:`furikaeri.stream`), ready when called;
    #: None: the session's analyser reads the file.
    analysis: Callable[[], Any] | None = None
    #: The person ended the session with this answer (Ctrl-C while recording it): it is
    #: analysed and saved, and no more questions are asked.
    last: bool = False
    #: Whether the person asked to end while the answer was being analysed (Ctrl-C then is
    #: held until it is saved): read once it is kept, with the same effect as ``last``.
    stop_asked: Callable[[], bool] | None = None
    #: A context held while the answer is kept (analysed, then saved or found silent), not
    #: while its reflection is asked: the recorder's hold on Ctrl-C and SIGTERM for that time
    #: (a SIGTERM then leaves the take for ``recover``; once saved, it need not). None: nothing held.
    keeping: Callable[[], contextlib.AbstractContextManager] | None = None
    #: The person stopped the take (Enter, Ctrl-C) within :data:`SKIP_S` of its start: with no
    #: speech in it, a question skipped, not a microphone that heard nothing (QA s44 H #2)
    skipped: bool = False
    #: Called once the answer is saved, or found to hold nothing to save: the recorder's marker
    #: beside the take goes (:func:`furikaeri.capture.release_take`; till then a crash or a kill
    #: leaves the take for ``recover``). None: nothing to release.
    release: Callable[[], None] | None = None


#: A take the person stops this soon (s) with nothing said in it skipped its question.
SKIP_S = 5.0


@dataclass(frozen=True)
class Asking:
    """Event: question ``index`` (from 1) of ``total`` is about to be answered."""

    index: int
    total: int
    question: qmod.Question
    budget_s: float
    before: Before
    #: the session the answer is saved into (the one created, else the name it will have): a
    #: take the microphone cut short names it in the command that saves it later
    session: str | None = None


@dataclass(frozen=True)
class Heard:
    """Event: the answer was analysed; ``focus``: the one figure to work on
    (:func:`furikaeri.coach.choose_focus`, against the norm and the person's own usual)."""

    question: qmod.Question
    analysis: Any
    focus: Focus | None = None
    #: the earlier note's check (:func:`note_check`), shown before the reflection is asked
    fix: FixCheck | None = None
    #: remarks against the person's own history (:func:`furikaeri.progress.after_unsaved`), shown
    #: with them: the note is written knowing all the tool knows
    after: AfterAnswer | None = None
    #: the fix of the newest logged interview that asked the question, checked on the answer
    #: (:func:`stand_check`)
    stand: Any = None


@dataclass(frozen=True)
class NotSaved:
    """Event: the take held no speech, so nothing was saved (``recorded``: a take from the
    microphone, which may be muted or too far; ``skipped``: one the person stopped at once,
    :attr:`AnswerAudio.skipped`)."""

    question: qmod.Question
    analysis: Any
    recorded: bool = False
    skipped: bool = False


def _shown(analysis, focus) -> dict:
    """``analysis`` as JSON with its tips in the order its report shows them (the focus's first)."""
    from furikaeri.advice import tips_as_shown

    return {**analysis.to_dict(), "tips": tips_as_shown(analysis, focus)}


@dataclass(frozen=True)
class Saved:
    """Event: the answer was saved as ``answer_id``; ``fix`` and ``after``: the earlier note's
    check and the remarks (the ones :class:`Heard` showed)."""

    question: qmod.Question
    answer_id: int
    fix: FixCheck | None
    after: AfterAnswer


SessionEvent = Union[Asking, Heard, NotSaved, Saved]
#: ``record(index, question, budget_s, now)``: the answer's audio (index from 0).
Recorder = Callable[[int, qmod.Question, float, Union[datetime, None]], AnswerAudio]
#: ``analyse(path, language, budget_s, question_text)``: an :class:`~furikaeri.analysis.Analysis`.
Analyser = Callable[[Path, str, float, str], Any]
#: ``reflect(index, question, analysis)``: the person's note on the answer, or None.
Reflector = Callable[[int, qmod.Question, Any], NoteInput]


def from_files(files: Sequence[Path]) -> Recorder:
    """A recorder that answers question ``index`` with ``files[index]``."""
    return lambda index, question, budget_s, now: AnswerAudio(Path(files[index]), recorded=False)


@dataclass
class SessionResult:
    """A finished practice session: its id (None when nothing was saved), the set, one entry
    per question asked (the ``--json`` form), the session's row and earlier sessions of the
    same set (newest first)."""

    session_id: int | None
    set_name: str
    answers: list[dict[str, Any]] = field(default_factory=list)
    session: Session | None = None
    earlier: list[Session] = field(default_factory=list)
    #: Questions the session was to ask, and the one after which the person ended it (None:
    #: every question was asked).
    asked: int = 0
    ended_after: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"session_id": self.session_id, "set": self.set_name, "answers": self.answers,
                "ended_after": self.ended_after}


@dataclass
class _Loop:
    """The state of one practice session while its questions are asked."""

    store: Store
    qset: qmod.QuestionSet
    total: int
    record: Recorder
    analyse: Analyser
    reflect: Reflector
    emit: Callable[[SessionEvent], None]
    language: str
    budget: float | None
    model: str | None
    session_name: str | None
    #: read once an answer is saved and its reflection asked: the person asked to end the
    #: session there (Ctrl-C at a prompt)
    ending: Callable[[], bool] = lambda: False
    session_id: int | None = None
    #: the person ended the session with the last answer (:attr:`AnswerAudio.last`)
    ended: bool = False
    #: held from an answer's take to its note saved (run_session's ``keeping_note``)
    keeping_note: Callable[[], Any] = contextlib.nullcontext

    def attempt(self, index: int, q: qmod.Question, now: datetime | None) -> dict[str, Any]:
        budget = self.budget or q.budget_s
        before = before_attempt(self.store, q, now=now)
        self.emit(Asking(index + 1, self.total, q, budget, before, self._name(now)))
        audio = self.record(index, q, budget, now)
        failure: BaseException | None = None
        answer_id: int | None = None
        with audio.keeping() if audio.keeping is not None else contextlib.nullcontext():
            analysis, focus, fix, after, stand = self.hear(audio, q, budget, before)
            if analysis.speech_detected:
                try:  # saved before the reflection is asked: a terminal closed or a kill at its
                    # prompts loses at most the note, never the analysed answer (the note is added once typed)
                    answer_id, fix = self.save(audio, q, budget, before, analysis, focus, now)
                except (FurikaeriError, OSError, sqlite3.Error) as e:
                    failure = e
        # from here SIGTERM or SIGHUP cuts nothing of this answer: it is said saved and its note kept,
        # then the session ends (QA s53 AG #1: one just as "saved as answer N" was said killed the
        # program, the note lost)
        with self.keeping_note():
            kept = self._kept(index, q, before, audio, (analysis, focus, fix, after, stand), answer_id, failure, now)
        self.ended = self.ended or self.ending()
        return kept

    def _kept(self, index: int, q: qmod.Question, before: Before, audio: AnswerAudio, heard: tuple,
              answer_id: int | None, failure: BaseException | None, now: datetime | None) -> dict[str, Any]:
        """The answer ``audio`` holds, ``heard`` (:meth:`hear`'s) and saved as ``answer_id`` (or
        not, for ``failure``), said and its reflection added (:meth:`attempt`)."""
        analysis, focus, fix, after, stand = heard
        if failure is None and audio.release is not None:  # saved, or nothing to save: its marker goes
            audio.release()
        self.ended = audio.last or bool(audio.stop_asked and audio.stop_asked())
        shown = dict(focus=focus.to_dict() if focus else None,
                     previous_answer_id=before.previous.id if before.previous else None)
        if not analysis.speech_detected:
            if audio.recorded:
                audio.path.unlink(missing_ok=True)  # a silent take would lie in the archive's audio folder for ever
            self.emit(NotSaved(q, analysis, recorded=audio.recorded, skipped=audio.skipped))
            return {"answer_id": None, "question": q.to_dict(), "skipped": "skipped" if audio.skipped else "no speech", **shown,
                    "fix": None, "interview_fix": None, "after": None, "analysis": _shown(analysis, focus)}
        if failure is not None:  # the reflection is still asked: what is typed goes into the command that saves it later
            error = self.not_saved(failure, audio.path, q, _note_dict(self.reflect(index, q, analysis)))
            if error is failure:
                raise failure
            raise error from failure
        self.emit(Saved(q, answer_id, fix, after))
        self.add_note(answer_id, self.reflect(index, q, analysis), now)  # dated as its answer (QA s44 J #7)
        self.ended = self.ended or self.ending()  # Ctrl-C at the reflection's prompts ends the session too
        return {"answer_id": answer_id, "question": q.to_dict(), "skipped": None, **shown,
                "fix": fix.to_dict() if fix else None, "interview_fix": stand.to_dict() if stand else None,
                "after": after.to_dict(), "analysis": _shown(analysis, focus)}

    def hear(self, audio: AnswerAudio, q: qmod.Question, budget: float, before: Before):
        """The answer analysed, its focus, the earlier note's check and the remarks against the
        person's usual (none for a take with no speech), shown (:class:`Heard`) before the
        person writes the next note, with the fix of a logged interview that asked the question
        checked on it. Returns (analysis, focus, fix, after, stand)."""
        analysis = audio.analysis() if audio.analysis is not None else \
            self.analyse(audio.path, self.language if self.language != "auto" else q.language, budget, q.text)
        focus = self.focus(analysis)
        fix = note_check(self.store, before.question_id, analysis.to_dict()) if analysis.speech_detected else None
        after = after_unsaved(self.store, analysis.to_dict(), before.question_id) if analysis.speech_detected else None
        stand = stand_check(logged_asking(self.store.interviews(), q.text), analysis)  # None for no speech
        self.emit(Heard(q, analysis, focus, fix, after, stand))
        return analysis, focus, fix, after, stand

    def save(self, audio: AnswerAudio, q: qmod.Question, budget: float, before: Before, analysis, focus,
             now: datetime | None) -> tuple[int, FixCheck | None]:
        """The analysed answer saved into the session (created with its first answer)."""
        return record_answer(
            self.store, session_id=self._session(now), question_id=before.question_id,
            analysis=analysis.to_dict(), audio_path=audio.path, move=audio.recorded, now=now,
            focus=focus.metric if focus else None,
            settings={"set": self.qset.name, "question_key": q.key, "model": self.model,
                      "language": self.language, "budget_s": budget,
                      "source": "microphone" if audio.recorded else "file"})

    def add_note(self, answer_id: int, note: NoteInput, now: datetime | None = None) -> None:
        """The reflection typed (or given) for saved answer ``answer_id`` (at ``now``: the
        session's time, as its answer); when it cannot be saved, a
        :class:`~furikaeri.errors.NoteNotSaved` names the command that saves it."""
        parts = {k: v for k, v in (_note_dict(note) or {}).items() if v and v.strip()}
        if not parts:
            return
        try:
            self.store.set_note(answer_id, **parts, now=now)
        except (FurikaeriError, OSError, sqlite3.Error) as e:
            raise note_not_saved(self.store.failure(e), answer_id, parts) from e

    def not_saved(self, e: BaseException, take: Path, q: qmod.Question,
                  note: dict[str, str] | None = None) -> BaseException:
        """The error for an answer that could not be saved: while its recording is still on
        disk (a take recorded into the archive's audio folder, or the person's own file), a
        :class:`~furikaeri.errors.TakeNotSaved` that says where it is and how to save it later,
        into this session, with the reflection typed for it (``note``)."""
        cause = self.store.failure(e)
        try:
            kept = Path(take).is_file()
        except OSError:
            kept = False
        if not kept:
            return cause
        session = self.session_name
        if self.session_id is not None:
            with contextlib.suppress(FurikaeriError, sqlite3.Error):
                named = self.store.session(self.session_id)
                session = named.name if named else session
        return take_not_saved(cause, take, q.key, note=note, session=session)

    def focus(self, analysis) -> Focus | None:
        """The answer's focus, against the norm and the person's usual in its language."""
        return archive_focus(self.store, analysis)

    def _session(self, now: datetime | None) -> int:
        """The session's id, created with the first answer saved."""
        if self.session_id is None:
            q = self.qset
            self.session_id = self.store.create_session(self._name(now), kind="practice", set_name=q.name,
                                                        language=q.language,
                                                        company=q.company.name if q.company else None, now=now)
        return self.session_id

    def _name(self, now: datetime | None) -> str:
        """The session's name: the one created, else the one asked for, else the set and the
        minute (a second run in the same minute gets " (2)"); a company's set by the company's
        name, as ``analyze --save`` names its day's session (QA s53 AF #9: 「midori 2026-12-02 20:00」
        beside 「みどり銀行 2026-12-07」 in history and the journal)."""
        if self.session_id is not None:
            with contextlib.suppress(FurikaeriError, sqlite3.Error):
                named = self.store.session(self.session_id)
                if named:
                    return named.name
        if self.session_name:
            return self.session_name
        named = self.qset.company.name if self.qset.company is not None and self.qset.company.name else self.qset.name
        base = f"{named} {(now or datetime.now()).astimezone().strftime('%Y-%m-%d %H:%M')}"
        name, n = base, 1
        while self.store.session(name) is not None:
            n += 1
            name = f"{base} ({n})"
        return name


def run_session(
    store: Store,
    qset: qmod.QuestionSet,
    questions: Sequence[qmod.Question],
    *,
    record: Recorder,
    analyse: Analyser,
    reflect: Reflector | None = None,
    on_event: Callable[[SessionEvent], None] | None = None,
    language: str = "auto",
    budget: float | None = None,
    model: str | None = None,
    session_name: str | None = None,
    now: datetime | None = None,
    ending: Callable[[], bool] | None = None,
    so_far: Callable[[SessionResult], None] | None = None,
    keeping_note: Callable[[], Any] | None = None,
) -> SessionResult:
    """Practise ``questions`` of ``qset``: each answered (``record``), analysed (``analyse``,
    in ``language``, or the question's own with ``auto``; against ``budget``, or the
    question's own) and, when it holds speech, saved with the note ``reflect`` returns.
    ``on_event`` receives each step to show. ``now``: the first question's time (each next
    one a second later), for scripts and tests. The session is created with the first saved
    answer and named ``session_name`` (default: the set, or its company, and the date).
    ``ending()``, read after each answer, ends the session there when true (Ctrl-C at a prompt). ``so_far(result)``
    is given the session as it would end there, before the first question and after each
    answer: a signal that ends the program before the session can end (SIGTERM while an answer
    is recorded or analysed) still says the answers saved (QA s50 OO #2). ``keeping_note()``: a
    context held from each answer's take to its note saved (the CLI's: a signal cuts none of it)."""
    loop = _Loop(store, qset, len(questions), record, analyse, reflect or (lambda i, q, a: None),
                 on_event or (lambda event: None), language, budget, model, session_name,
                 ending or (lambda: False), keeping_note=keeping_note or contextlib.nullcontext)
    answers: list[dict[str, Any]] = []

    def result(ended: bool) -> SessionResult:
        sid = loop.session_id
        earlier = [s for s in store.sessions() if s.set_name == qset.name and s.id != sid]
        ended_after = len(answers) if ended and len(answers) < len(questions) else None
        return SessionResult(sid, qset.name, answers, _own_session(store, sid, answers), earlier,
                             asked=len(questions), ended_after=ended_after)

    def keep() -> None:
        if so_far is not None:
            so_far(result(True))

    try:
        keep()
        for i, q in enumerate(questions):
            answers.append(loop.attempt(i, q, now + timedelta(seconds=i) if now else None))
            keep()
            if loop.ended:
                break
    except KeyboardInterrupt as e:  # Ctrl-C while an answer was heard: the answers saved so far
        raise SessionInterrupted(result(True)) from e
    return result(loop.ended)


def _own_session(store: Store, sid: int | None, answers: list[dict[str, Any]]) -> Session | None:
    """Session ``sid`` as this run saved into it: its answer count is the answers this run
    saved, not all the session holds (a save by its name from another process may have joined
    it meanwhile: the summary says what this practice did)."""
    row = store.session(sid) if sid else None
    if row is None:
        return None
    return dataclasses.replace(row, answer_count=sum(1 for a in answers if a.get("answer_id") is not None))


class SessionInterrupted(KeyboardInterrupt):
    """Ctrl-C ended a practice session between its saves: ``result`` holds the answers saved
    before it (``ended_after``: how many), for ``practice --json`` to print before it exits."""

    def __init__(self, result: SessionResult):
        super().__init__()
        self.result = result
