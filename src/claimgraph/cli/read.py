"""Read commands: `articles`, `show ID`, `search QUERY`, `db upgrade`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from claimgraph.cli.common import DbOption, JsonOption, fail, out, print_json, store_for
from claimgraph.errors import NotFound
from claimgraph.store import repo
from claimgraph.store.search import search as fts_search


def register(app: typer.Typer) -> None:
    app.command("articles")(articles)
    app.command("show")(show)
    app.command("search")(search)


def articles(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    json_out: JsonOption = False,
) -> None:
    """List stored articles, newest first.

    Example: claimgraph articles --limit 20 --json
    """
    store = store_for(db)
    with store.session() as s:
        rows = repo.list_articles(session=s, limit=limit)
    if json_out:
        print_json(rows)
        return
    table = Table("id", "published", "site", "lang", "rev", "title", box=None)
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["published"] or "—",
            escape(r["site"] or "—"),
            r["language"] or "?",
            str(r["revision"]),
            escape(r["title"] or "(untitled)"),
        )
    out.print(table)
    out.print(f"{len(rows)} article(s)")


def show(
    article_id: Annotated[
        int, typer.Argument(metavar="ID", help="Article id (see `claimgraph articles`).")
    ],
    db: DbOption = None,
    revision: Annotated[
        int | None, typer.Option(help="Show this revision instead of the current one.")
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Show one article: metadata, revisions, sources and its clean text.

    Example: claimgraph show 1 --json
    """
    store = store_for(db)
    try:
        with store.session() as s:
            art = repo.get_article(session=s, article_id=article_id, revision=revision)
    except NotFound as exc:
        fail(str(exc))
    if json_out:
        print_json(art)
        return
    out.print(f"[bold]{escape(art['title'] or '(untitled)')}[/bold]")
    for key in ("id", "published", "site", "url", "author", "language", "revision"):
        if art.get(key) is not None:
            out.print(f"  {key}: {escape(str(art[key]))}")
    if not art["extraction_supported"]:
        out.print(
            f"  [yellow]language {art['language']!s} is not supported for extraction[/yellow]"
        )
    out.print(
        f"  revisions: {', '.join(str(r['number']) + ' (' + r['reason'] + ')' for r in art['revisions'])}"
    )
    if len(art["sources"]) > 1:
        out.print(
            f"  sources: {len(art['sources'])} ("
            + ", ".join(f"{s['kind']}" for s in art["sources"])
            + ")"
        )
    out.print()
    out.print(escape(art["text"]))


def search(
    query: Annotated[str, typer.Argument(help='Words to find; "quoted phrases" stay together.')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Number of hits.")] = 20,
    json_out: JsonOption = False,
) -> None:
    """Full-text search over article titles and text, ranked, with snippets.

    Example: claimgraph search "drone factory" --json
    """
    store = store_for(db)
    with store.session() as s:
        hits = [h.as_dict() for h in fts_search(session=s, query=query, limit=limit)]
    if json_out:
        print_json(hits)
        return
    for h in hits:
        out.print(
            f"[bold]{h['id']}[/bold] {escape(h['title'] or '(untitled)')} "
            f"[dim]{h['published'] or ''} score {h['score']:.3g}[/dim]"
        )
        out.print(f"    {escape(h['snippet'])}")
    out.print(f"{len(hits)} hit(s)")
