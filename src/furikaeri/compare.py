"""Two attempts, two sessions, or the attempts at one question, side by side.

:func:`compare_answers`: each figure's change (:mod:`furikaeri.metrics`), whether the earlier
attempt's note was acted on (:func:`furikaeri.notes.check_fix`), and what the answer said
differently (:func:`diff_text`, a word-level diff of the transcripts; UniDic's words in
Japanese). :func:`compare_sessions` pairs two sessions' answers by question and compares their
means. Answers in two languages are never compared: their figures do not mean the same thing.
"""

from __future__ import annotations

import difflib
import re
import statistics
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from furikaeri.errors import UsageError
from furikaeri.lang import get_rules, guess_language, text
from furikaeri.metrics import METRIC_BY_NAME, METRICS, Change, Metric, answer_document, as_figure, change, \
    compare_metrics, cut_off, has_norm, in_norm, judged_value, norm_change, norm_distance, off_norm, \
    off_pace_agrees, short_of_asked, too_short, with_asked
from furikaeri.notes import FixCheck, against_floor, across_band, check_fix, floor_after, opening_order, settle_counts
from furikaeri.store import Answer, Note, Store, typed_number


@dataclass(frozen=True)
class TextDiff:
    """What an answer said differently: the share of the earlier answer's content words kept
    (:func:`_kept_share`), and the runs of words dropped and added (as said, with their
    punctuation); a run said in both at different places is ``moved``, in neither of those."""

    kept_share: float
    removed: tuple[str, ...]
    added: tuple[str, ...]
    words_before: int
    words_after: int
    #: runs said in both answers at different places (moved): neither dropped nor added
    moved: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"kept_share": self.kept_share, "removed": list(self.removed), "added": list(self.added),
                "words_before": self.words_before, "words_after": self.words_after, "moved": list(self.moved)}


# --------------------------------------------------------------------------- cutting text short

#: Punctuation a cut may follow (and that a clipped piece drops before its ellipsis).
_PUNCT = "、。，．,.!?！？;；:：」』)）…"
_LATIN_DIGIT = re.compile(r"[A-Za-z0-9]")
#: Japanese words that never start a phrase (文節): they lean on the word before (particles,
#: auxiliaries, suffixes, and 非自立 words: して|くれる, よう|に|なり|まし|た).
_JA_LEANING_POS1 = frozenset({"助詞", "助動詞", "接尾辞", "補助記号"})
_JA_LEANING_POS2 = frozenset({"非自立可能", "助動詞語幹"})


def _spans(text_: str, tokens: Sequence[str]) -> list[tuple[int, int]] | None:
    """Where each of ``tokens`` (found in order) lies in ``text_``; None when one is not there."""
    out, pos = [], 0
    for tok in tokens:
        at = text_.find(tok, pos)
        if at < 0:
            return None
        out.append((at, at + len(tok)))
        pos = at + len(tok)
    return out


def _phrase_starts(text_: str, language: str) -> set[int] | None:
    """The offsets in ``text_`` where a Japanese phrase (文節) starts: a word that does not
    lean on the one before (:data:`_JA_LEANING_POS1`) and does not follow a prefix. None for a
    language whose words are its boundaries."""
    if language != "ja":
        return None
    try:
        from furikaeri.lang.ja import _tokens  # the tagger behind ja's diff_tokens, with parts of speech
        toks = _tokens(text_)
    except Exception:  # noqa: BLE001 - no tagger: every word boundary will do
        return None
    starts = set()
    for prev, tok in zip((None, *toks), toks):
        if tok.pos1 in _JA_LEANING_POS1 or tok.pos2 in _JA_LEANING_POS2:
            continue
        if prev is not None and prev.pos1 == "接頭辞":
            continue
        starts.add(tok.start)
    return starts


def _gap(between: str, left: str, right: str, language: str) -> str:
    """What stands between two words when shown: its punctuation; a space in English (and in
    Japanese between two words in Latin letters or digits, "Python 3")."""
    if language != "ja":
        return re.sub(r"\s+", " ", between)  # as written, runs of spaces as one ("well-known", "team, and")
    kept = "".join(between.split())
    if between != kept and _LATIN_DIGIT.search(left[-1:]) and _LATIN_DIGIT.search(right[:1]):
        return kept + " "
    return kept


def shown(text_: str, language: str | None, n: int | None = None, *, spans=None) -> str:
    """The words of ``text_`` from the first to the last (``spans``: their places; found from the
    language's :meth:`~furikaeri.lang.Rules.diff_tokens` when not given), as said: with the
    punctuation between them, Whisper's stray spaces in Japanese left out. With ``n``, at most
    ``n`` characters, cut after a whole word (English) or a whole phrase or punctuation mark
    (Japanese), an ellipsis saying where; a first word or phrase longer than ``n`` is kept
    whole (a word is never cut)."""
    lang = language or guess_language([text_])
    if spans is None:
        spans = _spans(text_, get_rules(lang).diff_tokens(text_))
    if not spans:  # as a transcript is shown: no stray spaces in Japanese
        from furikaeri.lang import readable

        out = readable(" ".join(text_.split()), lang)
        return out if n is None or len(out) <= n else out[: n - 1] + "…"
    starts = _phrase_starts(text_[spans[0][0]: spans[-1][1]], lang)
    base = spans[0][0]
    pieces: list[str] = []
    cuts: list[tuple[int, str]] = []  # (length of the shown text before the cut, kind)
    for i, (s, e) in enumerate(spans):
        pieces.append(text_[s:e])
        if i + 1 == len(spans):
            break
        ns = spans[i + 1][0]
        between = text_[e:ns]
        at = len("".join(pieces))
        if any(ch in _PUNCT for ch in between):
            cuts.append((at, "punct"))
        elif starts is None or ns - base in starts:
            cuts.append((at, "phrase"))
        pieces.append(_gap(between, text_[s:e], text_[ns:spans[i + 1][1]], lang))
    out = "".join(pieces)
    if n is None or len(out) <= n:
        return out
    fits = [at for at, _ in cuts if at + 1 <= n]
    punct = [at for at, kind in cuts if kind == "punct" and at + 1 <= n]
    # a cut at punctuation reads best; taken when it keeps at least half of what fits
    at = punct[-1] if punct and fits and punct[-1] * 2 >= fits[-1] else (fits[-1] if fits else
                                                                           (cuts[0][0] if cuts else len(out)))
    if at >= len(out):
        return out
    return out[:at].rstrip(_PUNCT + " ") + "…"


def clip(text_: str, n: int, language: str | None = None) -> str:
    """``text_`` in at most ``n`` characters, cut after a whole word (a phrase or punctuation
    mark in Japanese), an ellipsis saying where it was cut (:func:`shown`)."""
    if len(text_) <= n:
        return text_
    return shown(text_, language, n)


def _phrase_marks(text_: str, spans: list[tuple[int, int]] | None, language: str) -> list[bool] | None:
    """For each word of ``text_`` (at ``spans``), whether a phrase starts on it (Japanese: a
    word after punctuation, or one that does not lean on the word before it); None where every
    word is its own boundary (English), or the words could not be placed."""
    if not spans:
        return None
    starts = _phrase_starts(text_, language)
    if starts is None:
        return None
    marks = []
    for i, (s, _) in enumerate(spans):
        after_punct = i > 0 and any(ch in _PUNCT for ch in text_[spans[i - 1][1]:s])
        marks.append(i == 0 or after_punct or s in starts)
    return marks


def _snap(i1: int, i2: int, marks: list[bool] | None) -> tuple[int, int]:
    """The words ``i1:i2`` widened to whole phrases (:func:`_phrase_marks`): a change shown as
    「代表として」, not 「として」, and 「なりました」, not 「なりまし」 (the た was the same)."""
    if marks is None:
        return i1, i2
    while i1 > 0 and not marks[i1]:
        i1 -= 1
    while i2 < len(marks) and not marks[i2]:
        i2 += 1
    return i1, i2


def _add_run(runs: list[tuple[int, int]], run: tuple[int, int]) -> None:
    """Add the words ``run`` (start, end) to ``runs`` (in order); a run that overlaps the last
    one joins it: two changes whose phrases share words (「…帰りましたけど」 and
    「帰りましたけどまあ、…」) are one fragment, never two that repeat the same words."""
    if runs and run[0] < runs[-1][1]:
        runs[-1] = (runs[-1][0], max(runs[-1][1], run[1]))
    else:
        runs.append(run)


#: Japanese words that carry no content of their own, by UniDic's part of speech: particles,
#: auxiliaries (ました, です), affixes (御, さん), pronouns (私, それ), adnominals (その, この),
#: interjections (えーと, はい) and conjunctions; verbs that lean on another word
#: (し|て|い|まし|た: :func:`_ja_function`); and the formal nouns (こと, もの, ところ).
_JA_FUNCTION_POS1 = frozenset({"助詞", "助動詞", "接頭辞", "接尾辞", "代名詞", "連体詞", "感動詞", "接続詞",
                               "補助記号", "空白"})
_JA_FORMAL_NOUNS = frozenset({"こと", "事", "もの", "物", "ところ", "所", "ため", "為", "とき", "時", "よう", "の"})


def _content_words(text_: str, tokens: Sequence[str], language: str) -> list[str]:
    """The words of ``tokens`` (``text_``'s diff tokens, in order) that carry content,
    case-folded: two answers on different things share their particles and endings (の, は,
    ました; the, of, and, I), and a share of words kept that counts them says a quarter of an
    unrelated answer was said again. English: every word but the stop words and hesitations
    (``lang.en``'s lists); Japanese: by UniDic's part of speech (:data:`_JA_FUNCTION_POS1`)."""
    if language == "ja":
        try:
            from furikaeri.lang.ja import _tokens

            spans = _spans(text_, tokens)
            tags = {t.start: t for t in _tokens(text_)}
        except Exception:  # noqa: BLE001 - no tagger: every word counts
            return [t.casefold() for t in tokens]
        if spans is None:
            return [t.casefold() for t in tokens]
        before = {b.start: a for a, b in zip(_tokens(text_), _tokens(text_)[1:])}
        return [t.casefold() for t, (at, _) in zip(tokens, spans) if not _ja_function(tags.get(at), before.get(at))]
    from furikaeri.lang.en import _HESITATION_RE, _STOPWORDS

    words = [t.casefold().replace("’", "'") for t in tokens]
    return [w for w in words if w not in _STOPWORDS and not _HESITATION_RE.match(w)]


#: Verbs that only carry the grammar: する after a noun (志望|し), いる, ある.
_JA_LIGHT_VERBS = frozenset({"為る", "居る", "有る"})


def _ja_function(tag, prev) -> bool:
    """Is UniDic token ``tag`` (``prev``: the one before it) a word with no content of its own
    (:data:`_JA_FUNCTION_POS1`, :data:`_JA_FORMAL_NOUNS`)? A verb that can lean on another
    (非自立可能) is one where it does, after て/で (降って|き, 晴れて|い), or when it is する, いる
    or ある; said on its own (行っ|た) it is the verb."""
    if tag is None:
        return False
    if tag.pos1 in _JA_FUNCTION_POS1 or tag.surface in _JA_FORMAL_NOUNS:
        return True
    if tag.pos2 == "非自立可能" and tag.pos1 == "動詞":
        return tag.lemma in _JA_LIGHT_VERBS or (prev is not None and prev.surface in ("て", "で")
                                                 and prev.pos1 == "助詞")
    return False


def _kept_share(before: str, a: Sequence[str], b: Sequence[str], after: str, language: str) -> float:
    """The share of the earlier answer's content words (:func:`_content_words`) said again, in
    the same order, in the later one; of all its words when it has none."""
    ca, cb = _content_words(before, a, language), _content_words(after, b, language)
    if not ca:
        ca, cb = [x.casefold() for x in a], [x.casefold() for x in b]
    if not ca:
        return 0.0
    sm = difflib.SequenceMatcher(a=ca, b=cb, autojunk=False)
    return round(sum(block.size for block in sm.get_matching_blocks()) / len(ca), 3)


def diff_text(before: str, after: str, language: str | None, *, max_runs: int = 5, max_chars: int = 40) -> TextDiff:
    """The runs of units (the language's :meth:`~furikaeri.lang.Rules.diff_tokens`) dropped
    and added between two transcripts: the ``max_runs`` longest of each, in the order they were
    said (a list read as the answer went, not by length), each shown
    as said (punctuation kept) in at most ``max_chars``, cut only between words (phrases in
    Japanese)."""
    rules = get_rules(language or "")
    lang = rules.code
    a, b = rules.diff_tokens(before), rules.diff_tokens(after)
    spans_a, spans_b = _spans(before, a), _spans(after, b)
    phrases_a, phrases_b = _phrase_marks(before, spans_a, lang), _phrase_marks(after, spans_b, lang)
    sm = difflib.SequenceMatcher(a=[x.casefold() for x in a], b=[x.casefold() for x in b], autojunk=False)
    removed_at: list[tuple[int, int]] = []  # the runs' words, widened to whole phrases
    added_at: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        # a lone character (a particle, "a") changed is the recogniser's noise, not something said differently
        if op in ("delete", "replace") and i2 - i1 >= rules.diff_min_run and len("".join(a[i1:i2])) > 1:
            _add_run(removed_at, _snap(i1, i2, phrases_a))
        if op in ("insert", "replace") and j2 - j1 >= rules.diff_min_run and len("".join(b[j1:j2])) > 1:
            _add_run(added_at, _snap(j1, j2, phrases_b))
    fa, fb = [x.casefold() for x in a], [x.casefold() for x in b]
    moved_at = [r for r in removed_at if _moved(fa[r[0]:r[1]], fa, fb)]
    removed_at = [r for r in removed_at if r not in moved_at]
    added_at = [r for r in added_at if not _moved(fb[r[0]:r[1]], fb, fa)]
    removed = [(before, spans_a[p1:p2] if spans_a else None, a[p1:p2]) for p1, p2 in removed_at]
    added = [(after, spans_b[p1:p2] if spans_b else None, b[p1:p2]) for p1, p2 in added_at]
    moved = [(before, spans_a[p1:p2] if spans_a else None, a[p1:p2]) for p1, p2 in moved_at]

    def show_runs(runs, *, content_only: bool = False) -> tuple[str, ...]:
        full = []
        for source, spans, words in runs:
            said = shown(source, lang, spans=spans) if spans else rules.joiner.join(words)
            if any(said == f[0] for f in full) or (content_only and _only_fillers(said, rules)):
                continue  # two changes inside one phrase: shown once; a filler said elsewhere moved nothing
            full.append((said, source, spans, words))
        # the longest runs, shown in the order they were said (they read as the answer went)
        kept = set(sorted(range(len(full)), key=lambda i: -len(full[i][0]))[:max_runs])
        out = []
        for said, source, spans, words in (f for i, f in enumerate(full) if i in kept):
            if len(said) <= max_chars:
                out.append(said)
            elif spans:
                out.append(shown(source, lang, max_chars, spans=spans))
            else:
                out.append(shown(said, lang, max_chars))
        return tuple(out)

    return TextDiff(
        kept_share=_kept_share(before, a, b, after, lang),
        removed=show_runs(removed),
        added=show_runs(added),
        words_before=len(a),
        words_after=len(b),
        moved=show_runs(moved, content_only=True),
    )


def _only_fillers(said: str, rules) -> bool:
    """Is a run of words (as shown) nothing but fillers ("あのー | まあ", "um, uh")? Said at
    another place it is no content moved (QA s35 D #8: compare listed あのー and まあ as parts said
    in another order); one dropped or added still shows (「えーと」 no longer said)."""
    left = said
    for m in sorted(rules.find_fillers(said), key=lambda m: -m.start):
        if m.kind != "repetition":
            left = left[:m.start] + left[m.end:]
    return bool(rules.find_fillers(said)) and not any(ch.isalnum() for ch in left)


def _count(run: Sequence[str], tokens: Sequence[str]) -> int:
    """How often ``run`` occurs, unit for unit and in a row, in ``tokens``."""
    n = len(run)
    return sum(1 for i in range(len(tokens) - n + 1) if tokens[i:i + n] == run) if n else 0


def _moved(run: Sequence[str], own: Sequence[str], other: Sequence[str]) -> bool:
    """Is ``run``, dropped from (or added to) the transcript ``own``, said in ``other`` as often
    as in ``own``: moved to another place, neither dropped nor added? A phrase said twice and
    then once was dropped once, and stays dropped. The aligner may hand a unit at either edge to
    the next run (a moved "I like people" added as "like people. I"): one unit off each edge of
    a run is allowed, where what is left is still two units and :data:`_MOVED_CHARS` letters
    (not a lone "the" found anywhere)."""
    cores = [run] + [c for c in (run[1:], run[:-1], run[1:-1]) if len(c) >= 2 and len("".join(c)) >= _MOVED_CHARS]
    return any(_count(core, other) >= _count(core, own) > 0 for core in cores if core)


#: The letters a run trimmed at its edges keeps to be told moved (:func:`_moved`).
_MOVED_CHARS = 8


# --------------------------------------------------------------------------- answers


def _language_names(codes, lang: str) -> str:
    """The languages ``codes``, named in language ``lang`` ("English"; 「英語」)."""
    return "/".join(text(lang, f"language_{c}") if c in ("en", "ja") else str(c) for c in sorted(codes))


@dataclass(frozen=True)
class AnswerComparison:
    before: Answer
    after: Answer
    changes: tuple[Change, ...]
    #: what was said differently; None for answers to two different questions (nothing to diff)
    text: TextDiff | None
    fix: FixCheck | None

    def to_dict(self) -> dict[str, Any]:
        return {"before": answer_document(self.before.to_dict()), "after": answer_document(self.after.to_dict()),
                "changes": [self._bounded(c.to_dict()) for c in self.changes],
                "text": self.text.to_dict() if self.text else None, "fix": self.fix.to_dict() if self.fix else None}

    def _bounded(self, d: dict[str, Any]) -> dict[str, Any]:
        """A change's document with, where an answer's figure is known only as a lower bound
        (:attr:`Answer.filler_floor`: "4.4+" in the table), that bound beside it (``before_floor``,
        ``after_floor``): a ``before`` of 4.36 is then "at least 4.36", as the table shows it."""
        for side, x in (("before", self.before), ("after", self.after)):
            if x.filler_floor is not None and x.floors.get(d["metric"]) is not None:
                d[f"{side}_floor"] = as_figure(d["metric"], x.floors[d["metric"]])
        return d


def _orders(a: Answer, b: Answer) -> tuple[str | None, str | None] | None:
    """The opening's order of ``a`` and ``b`` for the note check (:func:`furikaeri.notes.opening_order`)."""
    return opening_order(a), opening_order(b)


def length_off(metrics: dict[str, Any]) -> float | None:
    """How far an answer's length (its stored ``metrics``) lies outside the range its report
    judges it by, in seconds: under :data:`furikaeri.norms.SHORT_ANSWER_SHARE` of the budget
    (far too short), past the budget, under half the length its question asks (``asked_s``:
    :func:`furikaeri.metrics.short_of_asked`, as its tip says), or 0 within
    (:func:`furikaeri.measure.length_level`, the report's rule, on the length as shown). None
    without a length or a budget."""
    from furikaeri import norms
    from furikaeri.measure import length_level

    answer, budget = metrics.get("answer_s"), metrics.get("budget_s")
    if answer is None or not budget or cut_off(metrics):
        return None
    level = length_level(float(answer), float(budget))
    if level == "low":
        return norms.SHORT_ANSWER_SHARE * budget - answer
    if level != "high" and short_of_asked(metrics):  # under half the length its question asks, as its tip says
        return norms.ASKED_LENGTH_SHORT_SHARE * budget - answer
    return answer - budget if level == "high" else 0.0


def past_band(c: Change) -> Change:
    """``c``, a figure judged by a band (pace) that went from off one side of it to off the other
    (210 wpm, then 88), as ``overshot``: "past the range", the one rule of compare and of the
    practice loop's word on last time's focus (:func:`furikaeri.progress.focus_then`: the
    advice followed too far, as the note's check says it, :func:`furikaeri.notes.note_change`),
    not "▲ nearer the range" in one beside "past the range" in the other for the same two
    answers (QA s42 D #3). Any other change as it is."""
    m = METRIC_BY_NAME.get(c.metric)
    if m is None or c.verdict not in ("better", "worse", "same") or not across_band(m, c.before, c.after):
        return c
    return replace(c, verdict="overshot", by_answers=False)


def length_change(c: Change, before: dict[str, Any], after: dict[str, Any]) -> Change:
    """``c``, with the answer's length (``answer_s``, which has no direction of its own: longer
    is not better) judged against each answer's budget as its report judges it
    (:func:`length_off`): nearer the range ``better``, further ``worse``; within it at both ends,
    or off it at both by much the same (under the figure's step), ``same``. So compare answers
    "did I get better?" on the length too: 37.9 s, then 9.9 s of a 90-s budget, now far too
    short, is worse. Any other figure, or a length without a budget, as it is."""
    if c.metric != "answer_s" or c.delta is None:
        return c
    far = length_off(before), length_off(after)
    if far[0] is None or far[1] is None:
        return c
    step = next(m.same for m in METRICS if m.name == "answer_s")
    gap = far[1] - far[0]
    if before.get("budget_s") != after.get("budget_s") and abs(c.delta) < step:
        return replace(c, verdict="same")  # one length against two budgets: the time over budget tells (QA s41 D1 #4)
    if abs(gap) < 1e-9 or (min(far) > 0 and abs(gap) < step):
        return replace(c, verdict="same")
    return replace(c, verdict="better" if gap < 0 else "worse")


#: The figures reckoned over an answer's minutes or words, each with the count it is reckoned from.
RATE_COUNTS = {"fillers_per_min": "filler_count", "repetitions_per_min": "repetitions", "hedges_per_100_words": "hedges"}
#: The pace figures of either language: an answer with none of them has no pace.
_PACES = ("wpm", "chars_per_min", "morae_per_s")


def unrated(metrics: dict[str, Any]) -> bool:
    """Is an answer (its stored ``metrics``) too short for any rate: its pace has no figure
    (under 2 s of speech, or too few words)? Its report then shows its fillers, repetitions and
    hedges as counts alone (one "um" in 0.8 s is no 76 a minute, no hedge in 0 words no 0.0 per
    100), and so does compare (:func:`unrated_change`). Figures with no pace stored at all (not
    even as none) tell nothing of it: rated."""
    paces = [metrics[k] for k in _PACES if k in metrics]
    return metrics.get("answer_s") is not None and bool(paces) and all(v is None for v in paces)


def unrated_change(c: Change, before: dict[str, Any], after: dict[str, Any]) -> Change:
    """``c``, a rate of :data:`RATE_COUNTS` where either answer has no rate (:func:`unrated`),
    shown and not judged (``n/a``): its difference says nothing."""
    if c.metric in RATE_COUNTS and (unrated(before) or unrated(after)):
        return replace(c, verdict="n/a")
    return c


def compare_answers(a: Answer, b: Answer, *, as_given: bool = False, note: Note | None = None) -> AnswerComparison:
    """``a`` then ``b`` (the older one first, whichever order they were given; ``as_given``: in
    the order given, as two sessions' attempts follow their sessions' order); ``note``: the
    latest note on the question before ``b``, checked where ``a`` has none, as it was when ``b``
    was saved (:func:`furikaeri.notes.check_fix`). Refuses one
    answer twice and answers in two languages (words per minute against morae per second, the
    fillers of two languages: no figure would mean anything)."""
    if a.id == b.id:
        raise UsageError(f"that is answer {a.id} twice: give two different answers",
                         ja=f"回答{a.id}が2回指定されています。別々の回答を2つ指定してください")
    if a.language and b.language and a.language != b.language:
        raise UsageError(
            f"answer {a.id} is in {_language_names([a.language], 'en')} and answer {b.id} in "
            f"{_language_names([b.language], 'en')}: compare attempts in one language",
            ja=f"回答{a.id}は{_language_names([a.language], 'ja')}、回答{b.id}は"
               f"{_language_names([b.language], 'ja')}です。同じ言語の回答どうしを比べてください")
    if (b.created_at, b.id) < (a.created_at, a.id) and not as_given:
        a, b = b, a
    lang = b.language or a.language
    same_question = a.question_id is not None and a.question_id == b.question_id
    was = against_floor(a, b.metrics).metrics  # a filler rate known as "4.4+", judged as the note's check judges it
    now = floor_after(was, b.metrics, b.floors)  # ... in either answer
    # the length each question asked, as typed: under half of it is no length "in range" (QA s55 AQ #3)
    was, now = with_asked(was, a.asked_s or a.question), with_asked(now, b.asked_s or b.question)
    return AnswerComparison(
        before=a,
        after=b,
        changes=tuple(past_band(unrated_change(settle_counts(length_change(c, was, now), was, now), was, now))
                      for c in compare_metrics(was, now, lang)),
        text=None if a.question_id != b.question_id and (a.question or b.question) else
        diff_text(a.transcript, b.transcript, lang),
        fix=check_fix(a, b.metrics, lang, note=note, fillers=b.fillers, orders=_orders(a, b), floors=b.floors)
        if same_question and (a.created_at, a.id) < (b.created_at, b.id) else None,  # a note is checked on a later take
    )


# --------------------------------------------------------------------------- sessions


@dataclass(frozen=True)
class SessionComparison:
    """Two sessions side by side: answers paired by question, and the mean of each metric, over
    the answers in ``language`` (the sessions' shared language; answers in another language are
    listed as only in their session, never paired or averaged)."""

    before: dict[str, Any]
    after: dict[str, Any]
    pairs: tuple[AnswerComparison, ...]
    only_before: tuple[Answer, ...]
    only_after: tuple[Answer, ...]
    means: tuple[Change, ...]
    language: str | None = None
    #: for each figure with a norm (a band: pace; a limit: the longest pause, hedges), how many
    #: of each session's answers lie off it, of how many: ``{metric: [off_before, of_before,
    #: off_after, of_after]}`` (a mean inside the band can hide two answers far from it, one on
    #: each side; a mean under a limit, one answer past it)
    off_band: dict[str, list[int]] = field(default_factory=dict)
    #: the answers whose filler rate is a lower bound (:func:`floored`), taken in the means at
    #: that bound (:func:`_bound_means`)
    floored: tuple[int, ...] = ()
    #: each session's mean fillers a minute where it holds such an answer, a lower bound
    #: ("1.5+"), else None: ``(before, after)``
    filler_floors: tuple[float | None, float | None] = (None, None)
    #: the answers too short for their budget (:func:`furikaeri.metrics.too_short`), whose
    #: rates, pauses and voice the means leave out
    short: tuple[int, ...] = ()
    #: the means are of the questions both sessions answered (each figure's: those that have it in
    #: both), the sessions having answered others too; False: of all the answers in the language
    shared_only: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"before": self.before, "after": self.after, "language": self.language,
                "pairs": [p.to_dict() for p in self.pairs],
                "only_before": [answer_document(a.to_dict()) for a in self.only_before],
                "only_after": [answer_document(a.to_dict()) for a in self.only_after],
                "means": [self._bounded(c) for c in self.means], "off_band": self.off_band_dict(),
                "floored": list(self.floored), "short": list(self.short), "shared_only": self.shared_only}

    def _bounded(self, c: Change) -> dict[str, Any]:
        """A mean's change as ``--json`` gives it; the fillers a minute's mean of a session that
        holds an answer known only as a lower bound with that bound beside it (``before_floor``,
        ``after_floor``: "at least 1.5", as the table shows "1.5+"), as a pair's are."""
        d = c.to_dict()
        if c.metric == "fillers_per_min":
            for side, bound in zip(("before", "after"), self.filler_floors):
                if bound is not None:
                    d[f"{side}_floor"] = as_figure(c.metric, bound)
        return d

    def off_band_dict(self) -> dict[str, dict[str, dict[str, int]]]:
        """:attr:`off_band` as ``--json`` writes it, each count named (a script read four bare
        numbers in an order only the source told): ``{metric: {"before": {"off": 1, "answers":
        3}, "after": {...}}}``, 1 of the 3 answers of the session before off the norm."""
        return {name: {"before": {"off": off_b, "answers": of_b}, "after": {"off": off_a, "answers": of_a}}
                for name, (off_b, of_b, off_a, of_a) in self.off_band.items()}

    def languages(self) -> list[str | None]:
        """The language the sessions were compared in, or else the languages of every answer
        in either session."""
        if self.language:
            return [self.language]
        langs = [a.language for p in self.pairs for a in (p.before, p.after)]
        return langs + [a.language for a in self.only_before + self.only_after]


def _judged(answers: Sequence[Answer], name: str) -> list[float]:
    """The values of figure ``name`` over ``answers`` that a mean takes: a rate or share of an
    answer too short for it is none (:func:`furikaeri.metrics.judged_value`)."""
    return [float(v) for a in answers if (v := judged_value(a.metrics, name)) is not None]


def _mean_metrics(answers: Sequence[Answer]) -> dict[str, float | None]:
    """Each figure's mean over ``answers`` (:func:`_judged`); the time over budget counts an
    answer within its budget as 0 over (one answer 30 s over and three 20 s under are 7.5 s over
    on average, not 7.5 s under: time to spare does not pay for another answer's overrun)."""
    out: dict[str, float | None] = {}
    for m in METRICS:
        vals = _judged(answers, m.name)
        if m.name == "over_s":
            vals = [max(0.0, v) for v in vals]
        # a share keeps its third digit: 0.445 is the 44 % every other view shows, not 0.45 (QA s55 AO #6)
        out[m.name] = round(statistics.fmean(vals), 3 if m.name.endswith("_share") else 2) if vals else None
    return out


def _mean_change(m: Metric, before: Sequence[Answer], after: Sequence[Answer],
                 means: tuple[dict[str, float | None], dict[str, float | None]]) -> Change:
    """The change of figure ``m``'s session mean. A figure with a norm is judged by its
    answers' mean distance from it as well as by where the mean lies
    (:func:`furikaeri.metrics.norm_change`, as progress judges its trends: 126, 210 and 90 wpm
    have a mean of 142, inside 120-160, and two answers far outside it; pauses of 1.1 and 3.6 s
    a longest pause of 2.4 s on average, under 3 s, and one answer past it: "answers further
    off the range"); a per-minute count past the recogniser's jitter
    (:func:`furikaeri.notes.settle_counts`)."""
    c = change(m, means[0][m.name], means[1][m.name])
    far = [_distances(m, x) for x in (before, after)]
    if all(far):  # and a mean from off one side of a band to off the other is "past the range", as one answer's
        c = past_band(norm_change(c, statistics.fmean(far[0]), statistics.fmean(far[1])))
        off = [sum(d > m.same for d in x) / len(x) for x in far]  # off past the figure's step
        if c.verdict == "better" and not c.by_answers and off[1] > off[0] and in_norm(m.name, c.after):
            # a mean come into the range while more of the answers left it: no change, said of the
            # answers (QA s53 AE #2: 105 -> 154 wpm "▲ better" over 1 of 2 answers off, then 3 of 3)
            c = replace(c, verdict="same", by_answers=True)
    if m.name == "over_s":
        return _share_over(c, before, after)
    if m.name == "off_pace_s" and c.verdict in ("better", "worse") \
            and not off_pace_agrees(c, *({"answer_s": _mean_length(x, m.name)} for x in (before, after))):
        # judged by its share of the answers, as each answer's is (QA s55 AO #1: 49 s of 52, then 29 s of 29)
        return replace(c, verdict="n/a")
    return settle_counts(c, [a.metrics for a in before if judged_value(a.metrics, m.name) is not None],
                         [b.metrics for b in after if judged_value(b.metrics, m.name) is not None])


def _mean_length(answers: Sequence[Answer], name: str) -> float | None:
    """The mean length of the ``answers`` whose figure ``name`` a mean takes (:func:`_judged`)."""
    lengths = [float(a.metrics["answer_s"]) for a in answers
               if judged_value(a.metrics, name) is not None and a.metrics.get("answer_s") is not None]
    return statistics.fmean(lengths) if lengths else None


def _at_bounds(answers: Sequence[Answer]) -> list[dict[str, Any]]:
    """The metrics of ``answers`` a mean of fillers a minute takes (:func:`_judged`), an answer
    whose rate is known only as a lower bound (:func:`floored`) at that bound."""
    low = set(floored(answers))
    return [{**a.metrics, "fillers_per_min": float(a.floors["fillers_per_min"]),
             "filler_count": a.floors.get("filler_count", a.metrics.get("filler_count"))} if a.id in low
            else a.metrics for a in answers
            if a.id in low or judged_value(a.metrics, "fillers_per_min") is not None]


def _bound_means(before: Sequence[Answer], after: Sequence[Answer]) -> tuple[float | None, float | None]:
    """Each session's mean fillers a minute with its answers known only as a lower bound taken
    at that bound, where it holds any (then the mean is at least that: "1.5+"), else None."""
    return tuple(round(statistics.fmean(float(m["fillers_per_min"]) for m in _at_bounds(x)), 2)
                 if floored(x) else None for x in (before, after))  # type: ignore[return-value]


def _floor_change(c: Change, before: Sequence[Answer], after: Sequence[Answer],
                  bounds: tuple[float | None, float | None]) -> Change:
    """The fillers a minute's mean change ``c`` where a session holds an answer known only as a
    lower bound (``bounds``: :func:`_bound_means`). Its mean is at least the bound, judged as
    one answer's bound is (:func:`furikaeri.notes.against_floor`, :func:`~furikaeri.notes.floor_after`):
    a later mean under an earlier bound past the recogniser's jitter is fewer, a later bound
    over an earlier mean more; anything else cannot be told (``n/a``), never "same" over the
    answers the bound leaves out (QA s46 Z #2: "0.0 -> 0.0 no change" beside "1 of 3 answers
    off the range -> 0 of 2", the one off the range a rate of at least 4.5)."""
    low_b, low_a = bounds
    if low_b is None and low_a is None:
        return c
    m = METRIC_BY_NAME["fillers_per_min"]
    if low_a is None and c.after is not None:
        judged = settle_counts(change(m, low_b, c.after), _at_bounds(before), _at_bounds(after))
        if judged.verdict == "better":
            return judged
    if low_b is None and c.before is not None:
        judged = settle_counts(change(m, c.before, low_a), _at_bounds(before), _at_bounds(after))
        if judged.verdict == "worse":
            return judged
    return replace(c, before=c.before if low_b is None else low_b, after=c.after if low_a is None else low_a,
                   delta=None, verdict="n/a", by_answers=False)


def floored(answers: Sequence[Answer]) -> tuple[int, ...]:
    """The ids of ``answers`` whose fillers a minute are stored blank though their report
    judged them as a lower bound (:attr:`furikaeri.store.Answer.floors`, "5.0+" in history):
    a mean or trend of the rates leaves them out, and says so (QA s41 C1 #3)."""
    return tuple(a.id for a in answers if a.filler_floor is not None and not too_short(a.metrics))


def _share_over(c: Change, before: Sequence[Answer], after: Sequence[Answer]) -> Change:
    """The mean time over budget's change ``c``, judged on the share of answers that ran over
    where some of a session's answers did and some did not (the view shows "1 of 3 over", not
    a mean overrun no answer had): 1 of 3 over by 90 s, then 3 of 3 by 5 s, is worse, though
    the mean fell (QA s41 C1 #4). The same share, or every answer over in both or none, keeps
    the mean's verdict (by how much they ran over)."""
    over = [[v > 0 for v in _judged(x, "over_s")] for x in (before, after)]
    if not all(over) or not any(0 < sum(o) < len(o) for o in over) or c.verdict not in ("better", "worse", "same"):
        return c
    (off_b, of_b), (off_a, of_a) = ((sum(o), len(o)) for o in over)
    if off_a * of_b == off_b * of_a:
        return c
    return replace(c, verdict="better" if off_a * of_b < off_b * of_a else "worse", by_answers=False)


def _distances(m: Metric, answers: Sequence[Answer]) -> list[float]:
    """How far each of ``answers`` lies from figure ``m``'s norm
    (:func:`furikaeri.metrics.norm_distance`; none for a figure without one)."""
    vals = _judged(answers, m.name)
    if m.name == "over_s":  # as the mean counts it: within the budget is 0 over
        vals = [max(0.0, v) for v in vals]
    return [d for v in vals if (d := norm_distance(m, v)) is not None]


def _off_band(language: str | None, before: Sequence[Answer], after: Sequence[Answer],
              sets: dict[str, tuple[Sequence[Answer], Sequence[Answer]]] | None = None) -> dict[str, list[int]]:
    """For each figure of ``language`` with a norm (a band, or a limit: the longest pause,
    hedges): how many of each session's answers lie off it, of how many
    (:attr:`SessionComparison.off_band`; :func:`furikaeri.metrics.off_norm`, the one rule),
    a filler rate known only as a lower bound counted where that bound is off the norm.
    ``sets``: each figure's answers of the two sessions where its means are of some of them."""
    out = {}
    for m in METRICS:
        if m.language not in (None, language) or m.better is None or not has_norm(m.name):
            continue
        ends = (sets or {}).get(m.name, (before, after))
        lows = [set(floored(x)) for x in ends]
        vals = [_judged(x, m.name) for x in ends]
        # a lower bound already off the norm is an answer off it, though left out of the mean
        # (3.6+ fillers a minute beside a mean of 2.0 "into the range": QA s42 E #1)
        known = [[b for a in x if a.id in low and (b := a.floors.get(m.name)) is not None and off_norm(m, b)]
                 for x, low in zip(ends, lows)]
        if vals[0] or vals[1]:
            out[m.name] = [x for v, k in zip(vals, known) for x in (sum(off_norm(m, y) for y in v) + len(k),
                                                                     len(v) + len(k))]
    return out


def _shared_language(aa: Sequence[Answer], bb: Sequence[Answer], sa, sb) -> str | None:
    """The language two sessions' answers are compared in: the one they share (the one with
    the most answers, when they share several). Refuses two sessions with no language in
    common, as :func:`compare_answers` refuses two answers."""
    la = {a.language for a in aa if a.language}
    lb = {b.language for b in bb if b.language}
    if la and lb and not la & lb:
        raise UsageError(
            f"session “{sa.name}” (#{sa.id}) is in {_language_names(la, 'en')} and session “{sb.name}” "
            f"(#{sb.id}) in {_language_names(lb, 'en')}: compare sessions in one language",
            ja=f"セッション「{sa.name}」（#{sa.id}）は{_language_names(la, 'ja')}、セッション「{sb.name}」"
               f"（#{sb.id}）は{_language_names(lb, 'ja')}です。同じ言語のセッションどうしを比べてください")
    shared = (la & lb) or la or lb
    if not shared:
        return None
    everyone = [x.language for x in (*aa, *bb)]
    return max(sorted(shared), key=everyone.count)


def compare_sessions(store: Store, ref_a: str, ref_b: str, *, cli: str = "furikaeri") -> SessionComparison:
    """Sessions ``ref_a`` and ``ref_b`` (ids or names), the older one first, compared over their
    answers in one language (:func:`_shared_language`). ``cli``: how the command an error
    suggests starts (``furikaeri --home DIR``: it must read this archive)."""
    sa, sb = store.session(ref_a), store.session(ref_b)
    for ref, s in ((ref_a, sa), (ref_b, sb)):
        if s is None:
            raise UsageError(f"no session '{ref}' (see `{cli} history`)",
                             ja=f"セッション「{ref}」はありません（`{cli} history` で確認できます）")
    assert sa and sb
    if sa.id == sb.id:
        named = store.sessions_named(sa.name) if sa.name else []
        if len(named) > 1 and not all(typed_number(r) is not None for r in (ref_a, ref_b)):
            # a name several sessions carry means the newest: the others by number (QA s47 DD #6)
            ids = " ".join(f"#{i}" for i in named)
            raise UsageError(f"“{sa.name}” names {len(named)} sessions ({ids}; the name alone means the newest): "
                             f"give two of their numbers, e.g. `{cli} compare --sessions {named[-2]} {named[-1]}`",
                             ja=f"「{sa.name}」という名前のセッションは{len(named)}つあります（{ids}。名前だけなら最新のもの）。"
                                f"番号で2つ指定してください（例: `{cli} compare --sessions {named[-2]} {named[-1]}`）")
        raise UsageError("that is the same session twice: give two different sessions",
                         ja="同じセッションが2回指定されています。別々のセッションを2つ指定してください")
    if (sb.started_at, sb.id) < (sa.started_at, sa.id):
        sa, sb = sb, sa
    aa = store.answers(session_id=sa.id)
    bb = store.answers(session_id=sb.id)
    lang = _shared_language(aa, bb, sa, sb)

    def mine(x: Answer) -> bool:  # in the compared language (an answer of no known language is any)
        return lang is None or x.language in (lang, None)

    ma_, mb_ = [a for a in aa if mine(a)], [b for b in bb if mine(b)]
    last_a = {a.question_id: a for a in ma_ if a.question_id is not None}
    last_b = {b.question_id: b for b in mb_ if b.question_id is not None}
    paired = {q for q in last_a if q in last_b and not (last_a[q].language and last_b[q].language
                                                        and last_a[q].language != last_b[q].language)}
    # each question's attempts in the sessions' order, as the means are: a session named again
    # for months (`--session mock`) has attempts later than the other's, and a table of them run by
    # time read "▲ into the range" under the means' "▼ left the range" (QA s44 K #1)
    pairs = tuple(compare_answers(last_a[q], last_b[q], as_given=True) for q in last_a if q in paired)
    # like with like: where the sessions share questions, each figure's means are of the questions
    # that have it in both (QA s55 AN #1: 5.2 -> 7.0 fillers a minute "no change" over 4 answers
    # and 5, the fifth a question only the later session answered, while the shared ones got worse)
    shared = bool(paired) and any(x.question_id not in paired for x in (*ma_, *mb_))
    sets = {m.name: _like_for_like(m.name, ma_, mb_) if shared else (ma_, mb_) for m in METRICS}
    means, bounds = [], (None, None)
    for m in (m for m in METRICS if m.language in (None, lang)):
        xa, xb = sets[m.name]
        c = _mean_change(m, xa, xb, (_mean_metrics(xa), _mean_metrics(xb)))
        if m.name == "fillers_per_min":
            bounds = _bound_means(xa, xb)
            c = _floor_change(c, xa, xb, bounds)
        means.append(c)
    return SessionComparison(
        before=sa.to_dict(),
        after=sb.to_dict(),
        pairs=pairs,
        only_before=tuple(a for a in aa if a.question_id not in paired or not mine(a)),
        only_after=tuple(b for b in bb if b.question_id not in paired or not mine(b)),
        means=tuple(means),
        language=lang,
        off_band=_off_band(lang, ma_, mb_, sets),
        floored=floored((*sets["fillers_per_min"][0], *sets["fillers_per_min"][1])),
        filler_floors=bounds,
        short=tuple(a.id for a in (*ma_, *mb_) if too_short(a.metrics) and not cut_off(a.metrics)),
        shared_only=shared,
    )


def _like_for_like(name: str, before: Sequence[Answer], after: Sequence[Answer]) -> tuple[list[Answer], list[Answer]]:
    """The answers of ``before`` and ``after`` (two sessions') whose questions have figure ``name``
    in both sessions: judged (:func:`_judged`), or known as a lower bound (:func:`floored`)."""
    def having(answers: Sequence[Answer]) -> set[int]:
        low = set(floored(answers)) if name == "fillers_per_min" else set()
        return {a.question_id for a in answers if a.question_id is not None
                and (a.id in low or judged_value(a.metrics, name) is not None)}

    both = having(before) & having(after)
    return [a for a in before if a.question_id in both], [b for b in after if b.question_id in both]


# --------------------------------------------------------------------------- questions


def refuse_negative(ref: str, cli: str = "furikaeri") -> None:
    """Refuse a question named by a number typed negative (``-q -3``): a typo, never a
    question's words (:func:`furikaeri.store.negative_number`; QA s42 A #4)."""
    from furikaeri.store import negative_number

    if negative_number(ref):
        raise UsageError(f"{ref.strip()} is no question number: they start at 1 (`{cli} progress` shows them)",
                         ja=f"{ref.strip()} は質問の番号ではありません。番号は1から始まります（`{cli} progress` で確認できます）")


def resolve_question(store: Store, ref: str, *, cli: str = "furikaeri") -> int:
    """A question id from an id, a key (``ja-basic:jiko-pr`` or ``jiko-pr``) or a piece of text;
    a set's key whose answers were saved under another (:func:`_by_set_key`) too. ``cli``: how
    the command an error suggests starts (``furikaeri --home DIR``)."""
    refuse_negative(ref, cli)  # `progress -q -3`: as `analyze -q -3` says it (QA s42 E #6)
    by_words = _by_set_key(store, ref)
    # a set's question named by its key is the one its file holds now, found by its words: a key
    # given by position (a company's asks1) names another question once the file is edited, and
    # the archive keeps the key of each (QA s43 A #3)
    found = by_words if by_words is not None else store.find_questions(ref)
    if not found:
        near = _near_keys(store, ref)  # a typo of an id practised: said, as `analyze -q` says it (QA s53 AE #7)
        meant, meant_ja = (f" (did you mean {', '.join(near)}?)", f"（もしかして: {', '.join(near)}）") if near else ("", "")
        raise UsageError(f"no practised question matches '{ref}'{meant} (`{cli} progress` shows them, with their numbers)",
                         ja=f"「{ref}」に当てはまる練習済みの質問はありません{meant_ja}（`{cli} progress` で番号とともに確認できます）")
    if len(found) > 1:
        listed = "; ".join(f"{q.id}: {clip(q.text, 40)}" for q in found[:5])
        raise UsageError(f"'{ref}' matches {len(found)} questions ({listed}); give its number",
                         ja=f"「{ref}」は{len(found)}件の質問に当てはまります（{listed}）。番号で指定してください")
    return found[0].id


def _near_keys(store: Store, ref: str) -> list[str]:
    """The ids (or whole keys) of practised questions ``ref``, one token of a key's letters, is
    a likely typo of: at most 3, closest first."""
    if not re.fullmatch(r"[A-Za-z0-9_.:-]+", ref.strip()):
        return []
    keys = [q.key for q in store.questions() if q.key and ":" in q.key]
    names = {k.casefold(): k for k in keys} if ":" in ref else {k.split(":", 1)[1].casefold(): k.split(":", 1)[1] for k in keys}
    return [names[n] for n in difflib.get_close_matches(ref.strip().casefold(), sorted(names), n=3, cutoff=0.8)]


def _by_set_key(store: Store, ref: str) -> list | None:
    """The archive's questions holding the answers to the set question ``ref`` names by its
    key or id, as `questions show` prints it, found by the words its file gives it now, under
    whatever key they were saved: a company file's question in a built-in one's words joins
    that one's attempts, and a company's asked question keeps the key it was first practised
    under. None where ``ref`` names no set question (a number, a piece of text: the archive's
    own keys and words decide)."""
    from furikaeri import questions as qmod
    from furikaeri.companies import known_sets
    from furikaeri.errors import FurikaeriError
    from furikaeri.store import typed_number

    if typed_number(ref) is not None:  # a number names the archive's question, nothing else
        return None
    try:
        asked = qmod.find_question(ref, known_sets(store))
    except FurikaeriError:  # a set that cannot be read: the archive's own keys decide
        return None
    if asked is None:
        return None
    same = qmod.same_question(asked.text)
    return [q for q in store.questions() if same(q.text)]


def compare_question(store: Store, ref: str, *, first: bool = False, cli: str = "furikaeri") -> AnswerComparison:
    """The last two attempts at a question (or the first and the last with ``first``)."""
    qid = resolve_question(store, ref, cli=cli)
    # an attempt none of whose figures can be read (a damaged row) is nothing to compare
    saved = store.answers(question_id=qid, full=False)
    attempts = [a for a in saved if a.has_figures]
    # attempts in one language (another language's are no "before"): the latest language that
    # has two
    for lang in dict.fromkeys(x.language for x in reversed(attempts)):
        mine = [x for x in attempts if x.language == lang]
        if len(mine) >= 2:
            attempts = mine
            break
    if not saved:  # none saved (a skip is not): "answered once" sent the person looking for one (QA s50 NN #5)
        raise UsageError(text("en", "compare_no_answers"), ja=text("ja", "compare_no_answers"))
    if len(attempts) < 2:
        raise UsageError("that question has only been answered once; practise it again to compare",
                         ja="その質問にはまだ1回しか答えていません。もう一度練習すると比べられます")
    if len({x.language for x in attempts}) > 1:
        raise UsageError("that question was answered once in each language; practise it again in one to compare",
                         ja="その質問にはそれぞれの言語で1回ずつ答えています。同じ言語でもう一度練習すると比べられます")
    a = attempts[0] if first else attempts[-2]
    return compare_answers(a, attempts[-1])
