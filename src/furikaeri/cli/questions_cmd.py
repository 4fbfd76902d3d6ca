"""Question sets and company research: ``questions`` and its subcommands ``show``, ``add``,
``template``, ``company``.

Thin: :mod:`furikaeri.questions` reads and checks the files, :mod:`furikaeri.companies` joins
them with the archive, :mod:`furikaeri.report.history` renders.
"""

from __future__ import annotations

from pathlib import Path

import click

from furikaeri.cli.app import cli
from furikaeri.cli.common import console, emit_json, json_option, lang_option, open_store, user_dir


@cli.group(invoke_without_command=True)
@click.option("--verbose", "-v", is_flag=True, help="List every question.")
@lang_option
@json_option
@click.pass_context
def questions(ctx, verbose, lang, json_):
    """Question sets and company research: list, show, add your own, start from a template.

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
    from furikaeri.report import history as H

    folder = user_dir()
    _, problems = Q.user_sets(folder)
    sets = Q.all_sets(folder)
    if json_:
        emit_json({"sets": [s.to_dict() for s in sets], "problems": problems, "folder": str(folder)})
        return
    H.render_sets(console(), sets, problems, lang or "en", verbose=verbose)
    click.echo(f"\n{folder}", err=True)


@questions.command("show")
@click.argument("name")
@lang_option
@json_option
def questions_show(name, lang, json_):
    """The questions of a set (or a company file), with budgets and hints.

    \b
    Examples:
      furikaeri questions show en-basic
      furikaeri questions show ja-basic --json
    """
    from furikaeri import questions as Q
    from rich.markup import escape

    try:
        qset = Q.get_set(name, user_dir())
    except Q.QuestionError:
        qset = Q.get_company(name, user_dir())
    if json_:
        emit_json(qset.to_dict())
        return
    out = console()
    out.print(f"[bold]{escape(qset.title)}[/bold] [dim]{qset.name} · {qset.language} · {escape(qset.source)}[/dim]")
    for q in qset.questions:
        out.print(f"  [dim]{escape(q.id)}[/dim]  {escape(q.text)} [dim]{q.budget_s:.0f} s[/dim]")
        if q.hint:
            out.print(f"      [dim]{escape(q.hint)}[/dim]")


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

    qset, target = Q.add_file(file, user_dir(), replace=replace)
    if qset.company:
        with open_store() as store:
            sync_company(store, qset)
    kind = f"company {qset.company.name}" if qset.company else f"set {qset.name}"
    click.echo(f"added {kind}: {len(qset.questions)} questions ({target})")


@questions.command("template")
@click.option("--company", default=None, help="A company file for this company instead of a question set.")
@click.option("--lang", type=click.Choice(["en", "ja"]), default="en", show_default=True)
def questions_template(company, lang):
    """Print a TOML file to start your own set or company research from.

    \b
    Examples:
      furikaeri questions template > my-set.toml
      furikaeri questions template --company "さくら商事" --lang ja > sakura.toml
    """
    from furikaeri import questions as Q

    click.echo(Q.template(company=company, language=lang), nl=False)


@questions.command("company")
@click.argument("name")
@lang_option
@json_option
def questions_company(name, lang, json_):
    """A company's research notes, its practice questions and your logged interviews with it.

    \b
    Examples:
      furikaeri questions company "さくら商事"
      furikaeri questions company Acme --json
    """
    from furikaeri.companies import company_view
    from furikaeri.report import history as H

    with open_store() as store:
        info = company_view(store, name, user_dir())
    if json_:
        emit_json(info)
        return
    L = lang or ((info.get("file") or {}).get("language")) or "en"
    H.render_company(console(), info, L)

