"""`claimgraph corrections …`: the editors' queue from the command line."""

from __future__ import annotations

import getpass
from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.common import DbOption, JsonOption, fail, out, print_json, settings, store_for
from claimgraph.errors import NotFound

group = typer.Typer(
    help="Reader error reports: list, report, accept (new revision), reject, duplicate, retry.",
    no_args_is_help=True,
)
Editor = Annotated[str | None, typer.Option(help="Who handles it (default: the login name).")]


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="corrections")


@group.command("list")
def list_(
    db: DbOption = None,
    status: Annotated[
        str, typer.Option(help="open, accepted, rejected, duplicate, orphaned or all.")
    ] = "open",
    json_out: JsonOption = False,
) -> None:
    """The queue, grouped by article, with each quote in its context.

    Example: claimgraph corrections list --status all --json
    """
    from claimgraph.store import repo_corrections

    store = store_for(db)
    with store.session() as s:
        rows = repo_corrections.list_reports(session=s, status=None if status == "all" else status)
    if json_out:
        print_json(rows)
        return
    for r in rows:
        q = r["target"]["selector"][0]
        out.print(
            f"[bold]#{r['id']}[/bold] article {r['article_id'] or r['page_url']} rev {r['revision']} "
            f"[{r['status']}] ×{r['reports']}"
        )
        out.print(
            f"  …{escape(q['prefix'])}[reverse]{escape(q['exact'])}[/reverse]{escape(q['suffix'])}…"
        )
        if r["suggestion"]:
            out.print(f"  suggestion: {escape(r['suggestion'])}")
        if r["comment"]:
            out.print(f"  comment: {escape(r['comment'])}")
    out.print(f"{len(rows)} report(s)")


@group.command("report")
def report(
    article: Annotated[int, typer.Argument(help="Article id.")],
    start: Annotated[
        int, typer.Argument(help="Start offset of the selection in the article text.")
    ],
    end: Annotated[int, typer.Argument(help="End offset (exclusive).")],
    suggest: Annotated[str | None, typer.Option(help="The corrected text.")] = None,
    comment: Annotated[str | None, typer.Option(help="A note to the editors.")] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """File a report as a reader would: a span of the article text and an optional fix.

    Example: claimgraph corrections report 1 1520 1527 --suggest Yelabuga
    """
    from claimgraph.corrections.desk import ReportError, fingerprint, submit

    store = store_for(db)
    try:
        with store.session() as s:
            res = submit(
                session=s,
                article_id=article,
                start=start,
                end=end,
                suggestion=suggest,
                comment=comment,
                fingerprint_=fingerprint("cli", getpass.getuser(), secret=settings().secret),
            )
    except (ReportError, NotFound) as exc:
        fail(str(exc), code=2)
    if json_out:
        print_json(res.report)
    else:
        out.print(
            f"report #{res.report['id']} {'merged into an open report' if res.merged else 'filed'}: "
            f"{escape(res.report['exact'])!r}"
        )


@group.command("accept")
def accept(
    report_id: Annotated[int, typer.Argument(metavar="ID")],
    text: Annotated[
        str | None, typer.Option(help="Corrected text (default: the reader's suggestion).")
    ] = None,
    editor: Editor = None,
    db: DbOption = None,
) -> None:
    """Apply the fix as a new revision (old ones kept) and re-run extraction for the article.

    Example: claimgraph corrections accept 3 --text Yelabuga
    """
    from claimgraph.corrections.desk import ReportError
    from claimgraph.corrections.desk import accept as do_accept
    from claimgraph.pipeline import extract_stored
    from claimgraph.store import repo_corrections

    store = store_for(db)
    try:
        with store.session() as s:
            number = do_accept(
                session=s, report_id=report_id, editor=editor or getpass.getuser(), replacement=text
            )
            article_id = repo_corrections.get_report(session=s, report_id=report_id).article_id
    except (ReportError, NotFound) as exc:
        fail(str(exc), code=2)
    failure = extract_stored(store, article_id)
    if failure is not None:
        fail(
            f"revision {number} stored, but {failure.message}; "
            "`claimgraph corrections retry` extracts it again"
        )
    out.print(
        f"report #{report_id} accepted: article {article_id} revision {number}, claims re-extracted"
    )


@group.command("reject")
def reject(
    report_id: Annotated[int, typer.Argument(metavar="ID")],
    reason: Annotated[str, typer.Option(help="Why (shown in the history).")],
    editor: Editor = None,
    db: DbOption = None,
) -> None:
    """Close a report without changing the article.

    Example: claimgraph corrections reject 4 --reason "spelling is the source's own"
    """
    from claimgraph.corrections.desk import ReportError
    from claimgraph.corrections.desk import reject as do_reject

    store = store_for(db)
    try:
        with store.session() as s:
            do_reject(
                session=s, report_id=report_id, editor=editor or getpass.getuser(), reason=reason
            )
    except (ReportError, NotFound) as exc:
        fail(str(exc), code=2)
    out.print(f"report #{report_id} rejected")


@group.command("duplicate")
def duplicate(
    report_id: Annotated[int, typer.Argument(metavar="ID")],
    of: Annotated[int, typer.Option("--of", help="The report it repeats.")],
    editor: Editor = None,
    db: DbOption = None,
) -> None:
    """Mark a report as a duplicate of another (their counts merge).

    Example: claimgraph corrections duplicate 5 --of 3
    """
    from claimgraph.corrections.desk import ReportError, mark_duplicate

    store = store_for(db)
    try:
        with store.session() as s:
            mark_duplicate(
                session=s, report_id=report_id, of=of, editor=editor or getpass.getuser()
            )
    except (ReportError, NotFound) as exc:
        fail(str(exc), code=2)
    out.print(f"report #{report_id} marked a duplicate of #{of}")


@group.command("retry")
def retry(db: DbOption = None, json_out: JsonOption = False) -> None:
    """Finish accepted corrections whose re-extraction never ran (the process was killed after
    the new revision was stored); safe to run any time, a second run does nothing. Exits 1 if
    an article still fails to extract.

    Example: claimgraph corrections retry --db news.db
    """
    from claimgraph.corrections.retry import finish_accepted

    store = store_for(db)
    done = finish_accepted(store)
    if json_out:
        print_json([d.as_dict() for d in done])
    else:
        for d in done:
            ids = ", ".join(f"#{i}" for i in d.reports)
            state = f"[red]failed[/red]: {escape(d.error)}" if d.error else "claims re-extracted"
            out.print(f"article {d.article_id} revision {d.revision} ({ids}): {state}")
        out.print(f"{len(done)} article(s) finished" if done else "nothing to finish")
    if any(d.error for d in done):
        raise typer.Exit(1)
