"""`claimgraph sites …`: keys for third-party pages that embed the corrections widget."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.common import DbOption, JsonOption, fail, out, print_json, store_for

group = typer.Typer(
    help="Sites that embed the corrections widget: add (prints the key), list, remove.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="sites")


def snippet(base_url: str, key: str) -> str:
    """The one line a site pastes into its pages."""
    base = base_url.rstrip("/")
    return f'<script src="{base}/static/corrections.js" data-site="{key}"></script>'


@group.command("add")
def add(
    name: Annotated[str, typer.Argument(help="A label for the editors, e.g. the site's name.")],
    origin: Annotated[
        list[str],
        typer.Option(
            "--origin",
            help="A page origin allowed to post (scheme://host[:port]); repeat for several.",
            show_default=False,
        ),
    ],
    rate_per_hour: Annotated[
        int, typer.Option("--rate-per-hour", help="Reports accepted from this site per hour.")
    ] = 60,
    base_url: Annotated[
        str,
        typer.Option("--base-url", help="Where this claimgraph is served, for the snippet."),
    ] = "http://127.0.0.1:8000",
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Register a site and print its key and the <script> line to paste into its pages.

    Example: claimgraph sites add "Daily Example" --origin https://example.org --origin https://www.example.org
    """
    from claimgraph.corrections.desk import ReportError
    from claimgraph.corrections.sites import add_site, site_dict

    if not base_url.startswith(("http://", "https://")):
        fail(f"--base-url: {base_url!r} must start with http:// or https://", code=2)
    store = store_for(db)
    try:
        with store.session() as s:
            site = site_dict(
                add_site(session=s, name=name, origins=origin, rate_per_hour=rate_per_hour)
            )
    except ReportError as exc:
        opt = "NAME" if exc.field == "name" else f"--{exc.field.replace('_', '-')}"
        fail(f"{opt}: {str(exc).split(': ', 1)[1]}", code=2)
    line = snippet(base_url, site["key"])
    if json_out:
        print_json({**site, "snippet": line})
        return
    out.print(f"site {escape(site['name'])!r} added; key: {site['key']}")
    out.print(f"allowed origins: {', '.join(site['allowed_origins'])}")
    out.print("paste this into the site's pages:")
    out.print(escape(line))


@group.command("list")
def list_(db: DbOption = None, json_out: JsonOption = False) -> None:
    """Every registered site, removed ones included (marked inactive).

    Example: claimgraph sites list --json
    """
    from claimgraph.corrections.sites import list_sites

    store = store_for(db)
    with store.session() as s:
        rows = list_sites(session=s)
    if json_out:
        print_json(rows)
        return
    for r in rows:
        state = "" if r["active"] else " [inactive]"
        out.print(
            f"{r['key']}  {escape(r['name'])}{state}  {r['rate_per_hour']}/h  "
            f"{', '.join(r['allowed_origins'])}"
        )
    out.print(f"{len(rows)} site(s)")


@group.command("remove")
def remove(
    key: Annotated[str, typer.Argument(help="The site key (see `claimgraph sites list`).")],
    db: DbOption = None,
) -> None:
    """Stop accepting reports from a site at once (its past reports stay in the queue).

    Example: claimgraph sites remove cgs_Xk2…
    """
    from claimgraph.corrections.sites import remove_site

    store = store_for(db)
    with store.session() as s:
        done = remove_site(session=s, key=key)
    if not done:
        fail(f"KEY: no active site has key {key!r} (see `claimgraph sites list`)", code=2)
    out.print(f"site {key} removed")
