"""Analysis commands over the store: `claims`, `entity`, `clusters`, `contradictions`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from claimgraph.cli.common import (
    DbOption,
    JsonOption,
    fail,
    filter_options,
    out,
    print_json,
    store_for,
)
from claimgraph.cli.extract import print_claims
from claimgraph.errors import NotFound
from claimgraph.store.filters import ClaimFilter


def register(app: typer.Typer) -> None:
    app.command("claims")(claims)
    app.command("entity")(entity)
    app.command("clusters")(clusters)
    app.command("contradictions")(contradictions)


@filter_options
def claims(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    json_out: JsonOption = False,
    *,
    filters: ClaimFilter,
) -> None:
    """List stored claims: event, agent → recipient/object, place, time, source, modality.

    Example: claimgraph claims --entity Iran --event SUPPLY,ACQUIRE --from Iran --to Russia --json
    """
    from claimgraph.store import repo

    f = filters
    store = store_for(db)
    with store.session() as s:
        rows = repo.list_claims(session=s, filters=f, limit=limit)
    if json_out:
        print_json(rows)
        return
    print_claims(rows)


def entity(
    name: Annotated[str, typer.Argument(help="Entity name, alias or id, e.g. Russia or ISW.")],
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """An entity's profile: aliases, claims by role, places, timeline, linked entities, sources.

    Example: claimgraph entity "Russian Federation" --json
    """
    from claimgraph.analyze import kb

    store = store_for(db)
    try:
        with store.session() as s:
            prof = kb.entity_profile(session=s, name=name)
    except NotFound as exc:
        fail(str(exc))
    if json_out:
        print_json(prof)
        return
    out.print(f"[bold]{escape(prof['name'])}[/bold] ({prof['type']}, {prof['id']})")
    out.print(f"  aliases: {escape(', '.join(prof['aliases']) or '—')}")
    out.print(
        "  claims: " + ", ".join(f"{r} {len(ids)}" for r, ids in prof["claims"].items() if ids)
    )
    out.print(
        "  linked: "
        + escape(", ".join(f"{x['name']} ({x['count']})" for x in prof["linked_entities"][:10]))
    )
    out.print(
        "  places: " + escape(", ".join(f"{x['name']} ({x['count']})" for x in prof["places"][:10]))
    )
    out.print(
        "  sources: "
        + escape(", ".join(f"{x['name']} ({x['count']})" for x in prof["sources"][:10]))
    )
    for t in prof["timeline"]:
        out.print(
            f"  {t['time'] or '?':>10}  {t['event']:<15} {t['modality']:<10} article {t['article_id']}"
        )


@filter_options
def clusters(
    db: DbOption = None,
    min_claims: Annotated[
        int, typer.Option(help="Only clusters with at least this many claims.")
    ] = 1,
    json_out: JsonOption = False,
    *,
    filters: ClaimFilter,
) -> None:
    """Claims from all articles that state the same thing, with their independent sources
    (with filters: the clusters holding a matching claim).

    Example: claimgraph clusters --entity Iran --min-claims 2 --json
    """
    from claimgraph.analyze import kb

    f = filters if filters != ClaimFilter() else None
    store = store_for(db)
    with store.session() as s:
        rows = kb.list_clusters(session=s, filters=f, min_claims=min_claims)
    if json_out:
        print_json(rows)
        return
    table = Table(
        "cluster",
        "claim",
        "claims",
        "articles",
        "independent sources",
        "first seen",
        "strongest",
        box=None,
    )
    for r in rows:
        table.add_row(
            r["id"],
            escape(r["label"]),
            str(r["n_claims"]),
            str(r["n_articles"]),
            escape(", ".join(r["independent_sources"])),
            r["first_seen"] or "",
            r["strongest_modality"],
        )
    out.print(table)
    out.print(f"{len(rows)} cluster(s)")


def contradictions(db: DbOption = None, json_out: JsonOption = False) -> None:
    """Claims that dispute each other: doubted/denied vs affirmed, opposite polarity, numbers apart.

    Example: claimgraph contradictions --json
    """
    from claimgraph.analyze import kb

    store = store_for(db)
    with store.session() as s:
        rows = kb.list_contradictions(session=s)
    if json_out:
        print_json(rows)
        return
    for r in rows:
        out.print(f"[bold]{', '.join(r['kinds'])}[/bold] in {r['cluster_id']}")
        for side in ("a", "b"):
            c = r[side]
            out.print(
                f"  {c['modality']:<10} {escape(c['source'] or '')}: {escape(c['evidence'] or '')}"
            )
    out.print(f"{len(rows)} contradiction(s)")
