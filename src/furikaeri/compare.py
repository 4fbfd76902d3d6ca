"""Two attempts, two sessions, or the attempts at one question, side by side.

:func:`compare_answers`: each figure's change (:mod:`furikaeri.metrics`), whether the earlier
attempt's note was acted on (:func:`furikaeri.notes.check_fix`), and what the answer said
differently (:func:`diff_text`, a word-level diff of the transcripts; characters in Japanese).
:func:`compare_sessions` pairs two sessions' answers by question and compares their means.
"""

from __future__ import annotations

import difflib
import statistics
from dataclasses import dataclass
from typing import Any, Sequence

from furikaeri.errors import UsageError
from furikaeri.lang import get_rules
from furikaeri.metrics import METRICS, Change, change, compare_metrics
from furikaeri.notes import FixCheck, check_fix
from furikaeri.store import Answer, Store


@dataclass(frozen=True)
class TextDiff:
    """What an answer said differently: the share of the earlier answer's words kept, and the
    runs of words (characters for Japanese) dropped and added."""

    kept_share: float
    removed: tuple[str, ...]
    added: tuple[str, ...]
    words_before: int
    words_after: int

    def to_dict(self) -> dict[str, Any]:
        return {"kept_share": self.kept_share, "removed": list(self.removed), "added": list(self.added),
                "words_before": self.words_before, "words_after": self.words_after}


def clip(text: str, n: int) -> str:
    """``text`` in at most ``n`` characters, an ellipsis saying where it was cut."""
    return text if len(text) <= n else text[: n - 1] + "…"


def diff_text(before: str, after: str, language: str | None, *, max_runs: int = 5, max_chars: int = 40) -> TextDiff:
    """The runs of units (the language's :meth:`~furikaeri.lang.Rules.diff_tokens`) dropped
    and added between two transcripts, longest first, at most ``max_runs`` of each, each cut
    to ``max_chars``."""
    rules = get_rules(language or "")
    a, b = rules.diff_tokens(before), rules.diff_tokens(after)
    sm = difflib.SequenceMatcher(a=[x.casefold() for x in a], b=[x.casefold() for x in b], autojunk=False)
    removed: list[str] = []
    added: list[str] = []
    kept = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            kept += i2 - i1
            continue
        # a lone character (a particle, "a") changed is the recogniser's noise, not something said differently
        if op in ("delete", "replace") and i2 - i1 >= rules.diff_min_run and len("".join(a[i1:i2])) > 1:
            removed.append(rules.joiner.join(a[i1:i2]))
        if op in ("insert", "replace") and j2 - j1 >= rules.diff_min_run and len("".join(b[j1:j2])) > 1:
            added.append(rules.joiner.join(b[j1:j2]))
    removed.sort(key=len, reverse=True)
    added.sort(key=len, reverse=True)

    def clip_runs(runs: list[str]) -> tuple[str, ...]:
        return tuple(clip(r, max_chars) for r in runs[:max_runs])

    return TextDiff(
        kept_share=round(kept / len(a), 3) if a else 0.0,
        removed=clip_runs(removed),
        added=clip_runs(added),
        words_before=len(a),
        words_after=len(b),
    )


@dataclass(frozen=True)
class AnswerComparison:
    before: Answer
    after: Answer
    changes: tuple[Change, ...]
    text: TextDiff
    fix: FixCheck | None

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before.to_dict(), "after": self.after.to_dict(),
                "changes": [c.to_dict() for c in self.changes], "text": self.text.to_dict(),
                "fix": self.fix.to_dict() if self.fix else None}


def compare_answers(a: Answer, b: Answer) -> AnswerComparison:
    """``a`` then ``b`` (the older one first, whichever order they were given). Refuses one
    answer twice and answers in two languages (words per minute against morae per second, the
    fillers of two languages: no figure would mean anything)."""
    if a.id == b.id:
        raise UsageError(f"that is answer {a.id} twice: give two different answers")
    if a.language and b.language and a.language != b.language:
        raise UsageError(f"answer {a.id} is in {get_rules(a.language).name} and answer {b.id} in "
                         f"{get_rules(b.language).name}: compare attempts in one language")
    if (b.created_at, b.id) < (a.created_at, a.id):
        a, b = b, a
    lang = b.language or a.language
    return AnswerComparison(
        before=a,
        after=b,
        changes=tuple(compare_metrics(a.metrics, b.metrics, lang)),
        text=diff_text(a.transcript, b.transcript, lang),
        fix=check_fix(a, b.metrics, lang) if a.question_id is not None and a.question_id == b.question_id else None,
    )


@dataclass(frozen=True)
class SessionComparison:
    """Two sessions side by side: answers paired by question, and the mean of each metric."""

    before: dict[str, Any]
    after: dict[str, Any]
    pairs: tuple[AnswerComparison, ...]
    only_before: tuple[Answer, ...]
    only_after: tuple[Answer, ...]
    means: tuple[Change, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before, "after": self.after, "pairs": [p.to_dict() for p in self.pairs],
                "only_before": [a.to_dict() for a in self.only_before],
                "only_after": [a.to_dict() for a in self.only_after],
                "means": [c.to_dict() for c in self.means]}

    def languages(self) -> list[str | None]:
        """The languages of every answer in either session."""
        langs = [a.language for p in self.pairs for a in (p.before, p.after)]
        return langs + [a.language for a in self.only_before + self.only_after]


def _mean_metrics(answers: Sequence[Answer]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    for m in METRICS:
        vals = [a.metrics.get(m.name) for a in answers if a.metrics.get(m.name) is not None]
        out[m.name] = round(statistics.fmean(vals), 2) if vals else None
    return out


def compare_sessions(store: Store, ref_a: str, ref_b: str) -> SessionComparison:
    """Sessions ``ref_a`` and ``ref_b`` (ids or names), the older one first."""
    sa, sb = store.session(ref_a), store.session(ref_b)
    for ref, s in ((ref_a, sa), (ref_b, sb)):
        if s is None:
            raise UsageError(f"no session '{ref}' (see `furikaeri history`)")
    assert sa and sb
    if sa.id == sb.id:
        raise UsageError("that is the same session twice: give two different sessions")
    if (sb.started_at, sb.id) < (sa.started_at, sa.id):
        sa, sb = sb, sa
    aa = store.answers(session_id=sa.id)
    bb = store.answers(session_id=sb.id)
    last_a = {a.question_id: a for a in aa if a.question_id is not None}
    last_b = {b.question_id: b for b in bb if b.question_id is not None}
    pairs = tuple(compare_answers(last_a[q], last_b[q]) for q in last_a if q in last_b)
    langs = {a.language for a in aa + bb if a.language}
    lang = langs.pop() if len(langs) == 1 else None
    ma, mb = _mean_metrics(aa), _mean_metrics(bb)
    means = tuple(change(m, ma[m.name], mb[m.name]) for m in METRICS if m.language in (None, lang))
    return SessionComparison(
        before=sa.to_dict(),
        after=sb.to_dict(),
        pairs=pairs,
        only_before=tuple(a for a in aa if a.question_id not in last_b or a.question_id is None),
        only_after=tuple(b for b in bb if b.question_id not in last_a or b.question_id is None),
        means=means,
    )


def resolve_question(store: Store, ref: str) -> int:
    """A question id from an id, a key (``ja-basic:jiko-pr`` or ``jiko-pr``) or a piece of text."""
    found = store.find_questions(ref)
    if not found:
        raise UsageError(f"no practised question matches '{ref}' (see `furikaeri history`)")
    if len(found) > 1:
        listed = "; ".join(f"{q.id}: {clip(q.text, 40)}" for q in found[:5])
        raise UsageError(f"'{ref}' matches {len(found)} questions ({listed}); give its number")
    return found[0].id


def compare_question(store: Store, ref: str, *, first: bool = False) -> AnswerComparison:
    """The last two attempts at a question (or the first and the last with ``first``)."""
    qid = resolve_question(store, ref)
    attempts = store.answers(question_id=qid, full=False)
    # attempts in one language (another language's are no "before"): the latest language that
    # has two
    for lang in dict.fromkeys(x.language for x in reversed(attempts)):
        mine = [x for x in attempts if x.language == lang]
        if len(mine) >= 2:
            attempts = mine
            break
    if len(attempts) < 2:
        raise UsageError("that question has only been answered once; practise it again to compare")
    if len({x.language for x in attempts}) > 1:
        raise UsageError("that question was answered once in each language; practise it again in one to compare")
    a = attempts[0] if first else attempts[-2]
    return compare_answers(a, attempts[-1])
