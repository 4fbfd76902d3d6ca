"""Question sets and company research: ``questions`` and its subcommands ``show``, ``add``,
``template``, ``company``.

Thin: :mod:`furikaeri.questions` reads and checks the files, :mod:`furikaeri.companies` joins
them with the archive, :mod:`furikaeri.report.history` renders.
"""

from __future__ import annotations

from pathlib import Path

import click

from furikaeri.cli.app import cli, ui_language
from furikaeri.cli.common import (
    archive_lang,
    cli_start,
    console,
    emit_json,
    json_option,
    lang_option,
    open_store,
    say_wrapped,
    user_dir,
)


#: --lang of the question commands: the headings only, never a set's own questions.
QUESTIONS_LANG_HELP = ("Language of the headings [default: your saved answers', else your system's]; "
                       "each set's questions stay in the set's own language.")
#: ... of `questions company`, whose questions come from the company's file.
COMPANY_LANG_HELP = ("Language of the headings [default: your saved answers', else your system's]; "
                     "the company file's questions stay in the file's own language.")
#: ... of `questions show`, whose set is labelled in its own language (QA s46 V #7).
SHOW_LANG_HELP = "Language of the headings [default: the set's own language]."


@cli.group(invoke_without_command=True)
@click.option("--verbose", "-v", is_flag=True, help="List every question.")
@lang_option(help=QUESTIONS_LANG_HELP)
@json_option
@click.pass_context
def questions(ctx, verbose, lang, json_):
    """Question sets and company research: every set (no command), show one, add your own, start from a template.

    Your own sets and company files (TOML) live in the `questions` folder of the data
    directory; `furikaeri questions template` prints one to start from.

    \b
    Examples:
      furikaeri questions
      furikaeri questions show ja-basic
      furikaeri questions template --company "さくら商事" --lang ja > sakura.toml
      furikaeri questions add sakura.toml
      furikaeri questions company "さくら商事"
    """
    if ctx.invoked_subcommand is not None:
        return
    from furikaeri import questions as Q
    from furikaeri.lang import text
    from furikaeri.report import history as H

    folder = user_dir()
    sets = _as_practised(Q.all_sets(folder))
    if json_:
        _, problems = Q.user_sets(folder)
        emit_json({"sets": [s.to_dict() for s in sets], "problems": problems, "folder": str(folder)})
        return
    L = archive_lang(lang)
    _, problems = Q.user_sets(folder, lang=L)  # a broken file's line in the listing's language
    H.render_sets(console(), sets, problems, L, verbose=verbose)
    click.echo("\n" + text(L, "questions_folder", path=folder), err=True)


def _or_company_meant(no_set: Exception, name: str) -> Exception:
    """``no_set`` (no set of that name), with the company the archive knows that ``name`` may mean
    ("さくら商時" for "さくら商事"), as `questions company` names it (QA s54 AL #5: nothing was said
    of companies, though `questions show` shows them)."""
    import shlex

    from furikaeri.cli.common import companies_meant
    from furikaeri.errors import QuestionError

    try:
        with open_store(reading=True) as store:
            near = companies_meant(store, name)
    except Exception:  # noqa: BLE001 - an archive that cannot be read: the sets' line as it is
        return no_set
    if not near:
        return no_set
    show = shlex.join([*cli_start().split(), "questions", "show", near[0]])
    return QuestionError(f"{no_set}; or the company '{near[0]}'? `{show}`",
                         ja=f"{no_set.said_in('ja').rstrip('。')}。企業「{near[0]}」のことですか？ `{show}`")


@questions.command("show")
@click.argument("name")
@lang_option(help=SHOW_LANG_HELP)
@json_option
def questions_show(name, lang, json_):
    """The questions of a set or a company, with budgets and hints.

    A company's are its file's and those its interviews logged with `reflect` asked.

    \b
    Examples:
      furikaeri questions show en-basic
      furikaeri questions show ja-basic --json
    """
    from rich.markup import escape

    from furikaeri import questions as Q
    from furikaeri.lang import text

    try:
        qset = Q.get_set(name, user_dir(), cli=cli_start())
    except Q.QuestionError as no_set:
        try:
            qset = Q.get_company(name, user_dir())
        except Q.QuestionError:
            qset = _logged_company(name)
            if qset is None:  # none: the sets there are, and the company a slip of the keys may mean
                raise _or_company_meant(no_set, name) from None
    if qset.company is not None:
        qset = _with_asked(qset)
    if json_:
        emit_json(qset.to_dict())
        return
    L = lang or qset.language  # the set's, as practice asks it and `questions company` shows it
    out = console()
    source = text(L, "builtin") if qset.builtin else text(L, "from_interviews") if qset.source == "archive" \
        else qset.source
    named = "" if qset.name == qset.title else f"{escape(qset.name)} · "
    language = text(L, f"language_{qset.language}")
    from rich.cells import cell_len
    from rich.text import Text

    from furikaeri.report.wrap import fit_line

    # broken by the line rules of text written without spaces (no ー opening a line), as the questions are;
    # where it does not fit, the source on a line of its own (no "·" left at a line's end)
    head = Text.from_markup(f"[bold]{escape(qset.title)}[/bold] [dim]{named}{language}[/dim]")
    where = Text(source, style="dim")
    if cell_len(head.plain) + 3 + cell_len(where.plain) <= out.width:
        out.print(Text.assemble(head, (" · ", "dim"), where))
    else:
        out.print(fit_line(head, out.width))
        out.print(fit_line(where, out.width))
    out.print(_shown_questions(qset.questions, L, out.width))


def _shown_questions(questions, lang: str, width: int):
    """``questions show``'s grid: id, the question and its hint (wrapped in their column), budget.
    Japanese is broken by its own line rules (:func:`~furikaeri.report.wrap.wrap_unspaced`):
    anywhere but before 。 or after （, so a hint with spaces (「結論 → 課題 → … → 学び。」) fills
    its lines rather than breaking at the last space as English would. In a narrow terminal
    (:func:`~furikaeri.report.wrap.stacked`, or under 16 cells left for the text) the id and
    budget are on a line and the question and hint under it, as ``questions list -v`` has them:
    a column squeezed under its lines' width was broken again by rich, anywhere (「、」 and 「。」
    alone on a line at 40 columns)."""
    from rich.cells import cell_len
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from furikaeri.lang import text
    from furikaeri.report.wrap import hanging, stacked, unspaced, wrap_unspaced

    budgets = [text(lang, "secs", n=q.budget_s) for q in questions]
    ids = max((cell_len(q.id) for q in questions), default=0) + 2
    room = width - ids - max((cell_len(b) for b in budgets), default=0) - 4
    if stacked(width) or room < 16:
        rows: list = []
        for q, budget in zip(questions, budgets):
            head = Text.assemble("  ", (q.id, "dim"), "  ", (budget, "dim"))
            if cell_len(head.plain) > width:  # a long id: the budget under it, not at the edge
                head = Text.assemble("  ", (q.id, "dim"), "\n    ", (budget, "dim"))
            rows += [head, hanging(Text(q.text), width, 4)]
            if q.hint:
                rows.append(hanging(Text(q.hint, style="dim"), width, 4))
        return Group(*rows)

    def cell(words: str, style: str = "") -> Text:
        t = Text(words, style=style)
        return wrap_unspaced(t, room) if unspaced(words) else t

    grid = Table.grid(padding=(0, 2))  # wrapped questions and hints stay in their column
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold", max_width=room)  # fold: a word longer than the column
    grid.add_column(style="dim", no_wrap=True, justify="right")
    for q, budget in zip(questions, budgets):
        grid.add_row(Text(f"  {q.id}"), cell(q.text), budget)
        if q.hint:
            grid.add_row("", cell(q.hint, "dim"), "")
    return grid


def _as_practised(sets: list) -> list:
    """``sets`` as `practice` asks them: each company file's with the questions its logged
    interviews asked (:func:`_with_asked`), then each company known only from interviews logged
    with ``reflect`` (:func:`furikaeri.companies.set_from_interviews`), so the list counts what
    `questions show` lists. No archive yet: the files' alone (none is made to look)."""
    from furikaeri import questions as Q
    from furikaeri.cli.common import current_home
    from furikaeri.companies import company_questions, set_from_interviews
    from furikaeri.errors import FurikaeriError
    from furikaeri.store import db_path

    if not db_path(current_home()).exists():
        return sets
    with open_store(reading=True) as store:
        out = [company_questions(store, s) if s.company else s for s in sets]
        filed = {Q.company_key(s.company.name) for s in sets if s.company}
        for c in store.companies():
            if Q.company_key(c.name) in filed or not store.interviews(company=c.name):
                continue
            try:
                out.append(set_from_interviews(store, c.name))
            except FurikaeriError:  # interviews that logged no question: nothing to practise
                continue
    return out


def _logged_company(name: str):
    """The questions logged with ``reflect`` for a company that has no company file, as
    `practice --company` asks them; None when the archive knows no interview with it."""
    from furikaeri.cli.common import current_home
    from furikaeri.companies import set_from_interviews
    from furikaeri.store import db_path

    if not db_path(current_home()).exists():
        return None
    with open_store(reading=True) as store:
        if not store.interviews(company=name):
            return None
        return set_from_interviews(store, name, user_dir(), cli=cli_start())


def _with_asked(qset):
    """A company file's questions and those the company asked in interviews logged with
    ``reflect`` (:func:`furikaeri.companies.company_questions`): what `practice --company` asks,
    with the ids its --only takes. No archive yet: the file's alone (none is made to look)."""
    from furikaeri.cli.common import current_home
    from furikaeri.companies import company_questions
    from furikaeri.store import db_path

    if not db_path(current_home()).exists():
        return qset
    with open_store(reading=True) as store:
        return company_questions(store, qset)


@questions.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--replace", is_flag=True, help="Overwrite a file of the same name.")
def questions_add(file, replace):
    """Check a question set or company file (TOML) and add it to your questions.

    \b
    Examples:
      furikaeri questions add my-set.toml
      furikaeri questions add sakura.toml --replace
    """
    from furikaeri import questions as Q
    from furikaeri.companies import sync_company
    from furikaeri.lang import text

    qset, target = _added(file, replace)
    if qset.company:
        with open_store() as store:
            sync_company(store, qset)
    L = ui_language()
    if qset.company:
        click.echo(text(L, "added_company", name=qset.company.name, n=len(qset.questions), path=target))
    else:
        click.echo(text(L, "added_set", name=qset.name, n=len(qset.questions), path=target))
    hidden = next((s for s in Q.builtin_sets() if s.name == qset.name), None)
    if hidden is not None:  # by design (a set of one's own under the usual name), but never unsaid
        click.echo(text(L, "replaces_builtin", name=qset.name, n=len(hidden.questions), path=target), err=True)


def _added(file: Path, replace: bool):
    """:func:`furikaeri.questions.add_file` into this archive, its failures said as every save
    into the archive says them: a full disk names the archive's file and that what was there is
    unchanged (the user's own file is only read), a read-only archive gets the read-only
    archive's line (:meth:`~furikaeri.store.Store.check_writable`), not the system's words."""
    import errno

    from furikaeri import questions as Q
    from furikaeri.store import FULL_ERRNOS

    try:
        return Q.add_file(file, user_dir(), replace=replace)
    except OSError as e:
        if e.errno in FULL_ERRNOS:
            raise _no_room(Path(e.filename), e.errno) from e
        if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            with open_store() as store:  # a read-only archive: its usual line; else the error as it is
                store.check_writable()
        raise


def _no_room(target: Path, code: int):
    """The error of a question file that did not fit: nothing was changed (the write is atomic)."""
    from furikaeri.cli.common import current_home
    from furikaeri.store import ArchiveFullError

    home = current_home()
    if target.exists():
        kept, kept_ja = "the file already there is unchanged", "元のファイルはそのままです"
    else:
        kept, kept_ja = "nothing was added", "何も追加していません"
    error = ArchiveFullError(f"no room on the disk to save {target} into the archive {home}: free some space and "
                             f"try again ({kept})",
                             ja=f"ディスクに空きがなく、{target} をアーカイブ {home} に保存できませんでした。"
                                f"空きを作ってからやり直してください（{kept_ja}）")
    error.errno = code
    return error


@questions.command("remove")
@click.argument("name")
@click.option("--notes", "notes_", is_flag=True,
              help="A company's: also clear its research notes kept in your archive (copied there from its file).")
@click.option("--yes", "-y", is_flag=True, help="Do not ask first (for scripts).")
def questions_remove(name, notes_, yes):
    """Remove a question set or company file of your own (your answers and logged interviews stay).

    A company's research notes, copied into your archive when its file was added, stay there
    (export and `questions company` show them) unless --notes clears them too; --notes alone
    clears them once the file is gone.

    \b
    Examples:
      furikaeri questions remove my-set
      furikaeri questions remove "さくら商事" --yes
      furikaeri questions remove "さくら商事" --notes --yes
    """
    from furikaeri import questions as Q
    from furikaeri.errors import UsageError
    from furikaeri.lang import text

    L = ui_language()
    found = Q.own_file(name, user_dir())
    if found is None:
        if notes_ and _has_company_notes(name):  # its file removed before: the notes it left (QA s47 GG #5)
            if _yes(yes, L, text(L, "clear_company_notes_ask", name=name)):  # the only copy: asked first (QA s49 HH #3)
                _clear_company_notes(name)
                say_wrapped(text(L, "cleared_company_notes", name=name), err=False)
            return
        raise _no_own_file(name, Q, notes=notes_)
    path, qset = found
    company = qset.company.name if qset is not None and qset.company else None
    what = company or (qset.name if qset is not None else path.stem)
    if notes_ and company is None:
        raise UsageError(f"--notes is for a company file; {what} is a question set (nothing was removed)",
                         ja=f"--notes は企業ファイル用です。「{what}」は質問セットです（何も削除していません）")
    asked = "remove_set_ask" if company is None else "remove_company_notes_ask" if notes_ else "remove_company_ask"
    if not _yes(yes, L, text(L, asked, name=what, path=path)):
        return
    _unlink(path)
    cleared = notes_ and _clear_company_notes(company)
    said = "removed_set" if company is None else "removed_company_notes" if cleared else "removed_company"
    say_wrapped(text(L, said, name=what, path=path), err=False)  # broken at phrases (QA s49b KK #2)


def _yes(yes: bool, L: str, question: str) -> bool:
    """Removing confirmed: ``--yes``, else asked in a terminal (the question wrapped to it, the
    answer after "[y/N]"); a script without --yes is refused, nothing removed."""
    from furikaeri.cli.common import ask, is_terminal
    from furikaeri.errors import UsageError
    from furikaeri.lang import text

    if yes:
        return True
    if not is_terminal():
        raise UsageError("removing needs a yes: add --yes (nothing was removed)",
                         ja="削除には確認が必要です。--yes を付けてください（何も削除していません）")
    say_wrapped(question.removesuffix("[y/N]").rstrip())
    if ask("[y/N]").casefold() in ("y", "yes", "はい"):
        return True
    click.echo(text(L, "delete_kept"), err=True)
    return False


def _no_own_file(name: str, Q, *, notes: bool = False) -> Exception:
    """The error for a name no set or company file of one's own has (with ``notes``: nor any
    research notes kept in the archive)."""
    from furikaeri.cli.common import cli_start
    from furikaeri.errors import UsageError

    if notes:
        return UsageError(f"no company file of yours is named '{name}', and the archive keeps no research notes "
                          f"of it (see `{cli_start()} questions`)",
                          ja=f"「{name}」という企業ファイルはなく、記録に残っている企業研究メモもありません"
                             f"（`{cli_start()} questions` を参照）")
    if any(b.name == name for b in Q.builtin_sets()):
        return UsageError(f"{name} is built in: only a set of your own can be removed",
                          ja=f"{name} は組み込みの質問セットです。削除できるのは自作のセットだけです")
    return UsageError(f"no set or company file of yours is named '{name}' (see `{cli_start()} questions`)",
                      ja=f"「{name}」という自作のセットや企業ファイルはありません（`{cli_start()} questions` を参照）")


def _unlink(path: Path) -> None:
    """Remove ``path``: gone already is done; any other failure one line."""
    try:
        path.unlink()
    except FileNotFoundError:  # removed meanwhile: what was asked is done
        pass
    except OSError as e:
        from furikaeri.errors import UsageError, os_reason

        raise UsageError(f"cannot remove {path}: {os_reason(e, 'en')}",
                         ja=f"{path} を削除できません: {os_reason(e, 'ja')}") from e


def _has_company_notes(name: str) -> bool:
    """Does the archive keep research notes for company ``name``?"""
    from furikaeri.store import COMPANY_FIELDS

    with open_store(reading=True) as store:
        c = store.company(name)
    return c is not None and any(getattr(c, k) for k in COMPANY_FIELDS)


def _clear_company_notes(name: str) -> bool:
    """Empty the research notes the archive keeps for company ``name``; ``False`` if none (no
    archive is made for it)."""
    with open_store(reading=True) as store:
        return store.clear_company_notes(name)


@questions.command("template")
@click.option("--company", default=None, help="A company file for this company instead of a question set.")
@click.option("--lang", type=click.Choice(["en", "ja"]), default=None,
              help="The template's language [default: your system's].")
def questions_template(company, lang):
    """Print a TOML file to start your own set or company research from.

    \b
    Examples:
      furikaeri questions template > my-set.toml
      furikaeri questions template --company "さくら商事" --lang ja > sakura.toml
    """
    from furikaeri import questions as Q

    click.echo(Q.template(company=company, language=lang or ui_language()), nl=False)  # else the system's


@questions.command("company")
@click.argument("name")
@lang_option(help=COMPANY_LANG_HELP)
@json_option
def questions_company(name, lang, json_):
    """A company's research notes, its practice questions and your logged interviews with it.

    \b
    Examples:
      furikaeri questions company "さくら商事"
      furikaeri questions company Acme --json
    """
    from furikaeri.cli.common import current_home
    from furikaeri.companies import company_view
    from furikaeri.report import history as H

    # no folder yet: nothing saved, so nothing known of the company, said as that with how to
    # make its file, not as a folder to check (QA s50 NN #7)
    missing = None if current_home().exists() else current_home()
    with open_store(reading=True, keep_errors=True) as store:
        info = company_view(store, name, user_dir(), cli=cli_start(), missing=missing)
        info["practice"] = _practice_set(store, info["name"])
    if json_:
        emit_json(info)
        return
    L = lang or ((info.get("file") or {}).get("language")) or archive_lang(None, [name])
    H.render_company(console(), info, L, cli=cli_start())


def _practice_set(store, company: str) -> dict | None:
    """What `practice --company` asks for ``company`` (its file's questions and those its
    interviews asked, with the ids --only takes), without copying the file's notes into the
    archive; None when there is nothing to practise."""
    from furikaeri import questions as Q
    from furikaeri.companies import company_questions, set_from_interviews
    from furikaeri.errors import FurikaeriError

    try:
        try:
            qset = company_questions(store, Q.get_company(company, user_dir()))
        except Q.QuestionError:
            qset = set_from_interviews(store, company, user_dir())
    except FurikaeriError:  # no file, and interviews that logged no question
        return None
    return qset.to_dict()
