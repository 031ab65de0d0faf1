"""Options shared by commands, and output helpers."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from claimgraph.config import Settings
from claimgraph.errors import ClaimgraphError
from claimgraph.store.db import Store, open_store
from claimgraph.store.filters import ClaimFilter, FilterError

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite file path or database URL (postgresql+psycopg://…). "
        "Default: $CLAIMGRAPH_DB or ./claimgraph.db",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]

# Piped output gets a wide console so tables stay one row per record.
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def settings() -> Settings:
    return Settings()


def store_for(db: str | None) -> Store:
    """Open (and migrate) the store, turning failures into one clear line and exit code 2."""
    url = db or settings().db
    try:
        return open_store(url)
    except ClaimgraphError as exc:
        fail(str(exc), code=2)
    except Exception as exc:  # driver errors: bad URL, server down, permissions
        fail(f"cannot open database {url!r}: {type(exc).__name__}: {exc}", code=2)
    raise AssertionError("unreachable")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, *, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


# Claim filters shared by `claims`, `clusters` and `export` (sqlite-utils style option aliases).
EntityOpt = Annotated[
    str | None, typer.Option(help="Entity (name, alias or id) as agent or recipient.")
]
EventOpt = Annotated[str | None, typer.Option(help="Event type, e.g. SUPPLY.")]
SinceOpt = Annotated[str | None, typer.Option(help="Claim time on or after (YYYY[-MM[-DD]]).")]
UntilOpt = Annotated[str | None, typer.Option(help="Claim time on or before (YYYY[-MM[-DD]]).")]
PlaceOpt = Annotated[str | None, typer.Option(help="Place name (gazetteer name).")]
NearOpt = Annotated[
    str | None, typer.Option(help="LAT,LON,KM: claims placed within KM of a point.")
]
ModalityOpt = Annotated[str | None, typer.Option(help="asserted, reported, claimed, suggested, …")]
SourceOpt = Annotated[
    str | None, typer.Option(help="Source name, e.g. 'Institute for the Study of War'.")
]
ArticleOpt = Annotated[int | None, typer.Option(help="Only claims of this article id.")]


def claim_filters(**raw: Any) -> ClaimFilter:
    """Parse the filter options; a bad value exits 2 with the option named."""
    try:
        return ClaimFilter.parse(**raw)
    except FilterError as exc:
        fail(str(exc), code=2)
    raise AssertionError("unreachable")
