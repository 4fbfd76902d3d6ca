"""Company research between its file and the archive, and a company's practice questions.

A company file (:mod:`furikaeri.questions`) holds research notes and questions; ``reflect``
logs real interviews with a company in the archive (:mod:`furikaeri.store`). Here the two
meet: the file's notes are copied into the archive (:func:`sync_company`), the questions a
company actually asked become practice questions (:func:`company_questions`, and
:func:`set_from_interviews` for a company with no file), and :func:`company_view` shows all
that is known about one company.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from furikaeri import questions as qmod
from furikaeri.errors import UsageError
from furikaeri.lang import guess_language
from furikaeri.store import COMPANY_FIELDS, Store


def sync_company(store: Store, qset: qmod.QuestionSet, *, now: datetime | None = None) -> None:
    """Copy a company file's research notes into the archive (so exports and `reflect` have
    them); fields empty in the file do not erase notes kept in the archive."""
    c = qset.company
    if c is None:
        return
    fields = {
        "asks": "\n".join(c.asks), "atmosphere": c.atmosphere, "interviewers": c.interviewers,
        "valued": c.valued, "to_ask": "\n".join(c.to_ask), "notes": c.notes,
    }
    store.upsert_company(c.name, now=now, **{k: v for k, v in fields.items() if v})


def company_questions(store: Store, qset: qmod.QuestionSet) -> qmod.QuestionSet:
    """A company's practice set plus the questions it actually asked in logged interviews
    (``reflect``), so a real question becomes a practice question."""
    if qset.company is None:
        return qset
    budget = qmod.DEFAULT_BUDGET_S.get(qset.language, 60.0)
    extra = tuple(qmod.Question(id=qid, text=text, budget_s=qmod.builtin_budget(text, budget, qset.language),  # a built-in's keeps its own
                                language=qset.language, set_name=qset.name, hint="")
                  for qid, text in _asked(store.interviews(company=qset.company.name), [q.text for q in qset.questions],
                                          _kept_ids(store, qset.name)))
    return replace(qset, questions=qset.questions + extra) if extra else qset


def _asked(interviews, known: list[str], kept: list[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """The questions ``interviews`` (newest first) logged and ``known`` does not hold, each once
    up to case, spacing and closing marks (:func:`furikaeri.questions.same_question`), in the
    order of the newest interview that asked them: ``(id, text)``. The id is the one its
    answers were saved under (``kept``: :func:`_kept_ids`), else ``asked<interview>-<n>``, the
    question's place in the first interview that asked it: it stays the same however many
    interviews are logged after it, and once practised, though that interview is deleted (the
    key `questions show` printed, and the answers' key, would otherwise name nothing)."""
    first: list[tuple[str, str]] = []  # (id, text) where each was first asked
    latest: list[tuple[int, int]] = []  # (newest interview's rank, place in it) of each
    for rank, iv in reversed(list(enumerate(interviews))):
        for n, item in enumerate(iv.items, 1):
            text = item.get("question", "").strip()
            if not text or any(map(qmod.same_question(text), known)):
                continue
            same = next((i for i, (_, t) in enumerate(first) if qmod.same_question(text)(t)), None)
            if same is None:
                first.append((_id_for(text, f"asked{iv.id}-{n}", kept, {qid for qid, _ in first}), text))
                latest.append((rank, n))
            else:
                latest[same] = (rank, n)
    return [q for _, q in sorted(zip(latest, first))]


def _id_for(text: str, placed: str, kept, taken: set[str]) -> str:
    """The id of asked question ``text``: the one it was practised under (``kept``) that no
    other question of the set has taken, else ``placed`` (its place in an interview)."""
    same = qmod.same_question(text)
    return next((qid for qid, words in kept if same(words) and qid not in taken), placed)


def _kept_ids(store: Store, set_name: str) -> list[tuple[str, str]]:
    """``(id, words)`` of the archive's questions saved as asked questions of company set
    ``set_name`` (``acme-corp:asked1-2``), the oldest first: the ids practice gave them."""
    prefix = f"{set_name}:asked"
    return [(q.key[len(set_name) + 1:], q.text) for q in store.questions() if q.key.startswith(prefix)]


def set_from_interviews(store: Store, company: str, folder: Path | None = None, *,
                        cli: str = "furikaeri") -> qmod.QuestionSet:
    """A practice set made of the questions logged for a company with no company file (the
    newest interview's first, each question once), in the language they are written in.
    ``folder``: the user's question files (for the error when nothing is logged either, whose
    commands start with ``cli``: :func:`furikaeri.questions.get_company`)."""
    interviews = store.interviews(company=company)
    if not interviews:  # raises the helpful "no company file" error, naming those logged too
        logged = {iv.company for iv in store.interviews() if iv.company}
        qmod.get_company(company, folder, logged=sorted(logged), cli=cli)
    c = store.company(company)
    name = qmod.slug(c.name if c else company)
    asked = _asked(interviews, [], _kept_ids(store, name))
    lang = guess_language([text for _, text in asked])
    qs = tuple(qmod.Question(id=qid, text=text, budget_s=qmod.builtin_budget(text, qmod.DEFAULT_BUDGET_S[lang], lang),
                             language=lang, set_name=name)
               for qid, text in asked)
    if not qs:
        raise UsageError(f"the interviews logged for '{company}' hold no questions",
                         ja=f"'{company}' の面接記録には質問がありません")
    return qmod.QuestionSet(name=name, title=c.name if c else company, language=lang, questions=qs, source="archive",
                            company=qmod.CompanyInfo(name=c.name if c else company, language=lang))


def company_set(store: Store, company: str, folder: Path | None, *, now: datetime | None = None,
                cli: str = "furikaeri") -> qmod.QuestionSet:
    """What to practise for ``company``: its file's questions (its notes copied into the
    archive), else the questions logged for it; plus the questions it asked in interviews.
    ``cli``: how the commands an error suggests start (:func:`set_from_interviews`)."""
    try:
        qset = qmod.get_company(company, folder)
        sync_company(store, qset, now=now)
    except qmod.QuestionError:
        qset = set_from_interviews(store, company, folder, cli=cli)
    return company_questions(store, qset)


def known_sets(store: Store, folder: Path | None = None) -> list[qmod.QuestionSet]:
    """Every set whose keys `questions show` prints: the built-in and the user's sets, company
    files with the questions their interviews asked, and each company known from its logged
    interviews alone. ``folder``: the user's question files (default: the archive's)."""
    from furikaeri.errors import FurikaeriError
    from furikaeri.store import user_questions_dir

    folder = folder if folder is not None else user_questions_dir(store.home)
    sets = [company_questions(store, s) if s.company else s for s in qmod.all_sets(folder)]
    filed = {qmod.company_key(s.company.name) for s in sets if s.company}
    for c in store.companies():
        if qmod.company_key(c.name) in filed or not store.interviews(company=c.name):
            continue
        try:
            sets.append(set_from_interviews(store, c.name, folder))
        except FurikaeriError:  # interviews that logged no question
            continue
    return sets


def company_view(store: Store, name: str, folder: Path | None, *, cli: str = "furikaeri",
                 missing: Path | None = None) -> dict[str, Any]:
    """A company's research (file and archive) and the real interviews logged with it. Nothing
    known of it: the error says how to make its file (its commands starting with ``cli``) or log
    an interview, and that the home folder ``missing`` holds nothing yet, where it is not made
    yet (a first-time user's, not a folder to blame: QA s50 NN #7)."""
    info: dict[str, Any] = {"name": name, "file": None, "archive": None, "interviews": []}
    try:
        qset = qmod.get_company(name, folder)
        info["file"] = qset.to_dict()
        info["name"] = qset.company.name if qset.company else name
    except qmod.QuestionError:
        qset = None
    c = store.company(info["name"])
    if c is not None and qset is None:  # its name as saved ("acme, inc." typed: "Acme, Inc.")
        info["name"] = c.name
    info["archive"] = c.to_dict() if c else None
    info["interviews"] = [i.to_dict() for i in store.interviews(company=info["name"])]
    if qset is None and (c is None or not any(getattr(c, f) for f in COMPANY_FIELDS)) and not info["interviews"]:
        filed = [s.company.name for s in qmod.all_sets(folder) if s.company]  # a file's name too (QA s52 YY #4)
        near = [n for n in qmod.names_meant(name, list(dict.fromkeys([*filed, *(k.name for k in store.companies())])))
                if n in filed or store.interviews(company=n)]
        if near:  # "Acme" for "Acme, Inc.": the name as logged, to copy
            raise UsageError(f"nothing known about '{name}': did you mean " + " or ".join(f"'{n}'" for n in near)
                             + "?", ja=f"「{name}」についての情報がありません。" + "・".join(f"「{n}」" for n in near)
                             + "のことですか？")
        raise _unknown_company(name, cli, missing)
    return info


def _unknown_company(name: str, cli: str, missing: Path | None) -> UsageError:
    """The error for ``name``, of which nothing is known (:func:`company_view`), in both languages."""
    from furikaeri.lang import text

    def said(lang: str) -> str:
        make, add = qmod.making_commands(name, lang, cli)
        fresh = text(lang, "company_unknown_fresh", home=missing) if missing is not None else ""
        return text(lang, "company_unknown", name=name, fresh=fresh, make=make, add=add, cli=cli)

    return UsageError(said("en"), ja=said("ja"))
