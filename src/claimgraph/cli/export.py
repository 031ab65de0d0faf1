"""`claimgraph export FORMAT [filters] -o FILE`: claims for other tools (STIX, maps, tables,
graphs), selected with the same filters as `claimgraph claims` (cli/common.filter_options)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape

from claimgraph.cli.common import DbOption, err, fail, filter_options, store_for
from claimgraph.store.filters import ClaimFilter


def register(app: typer.Typer) -> None:
    app.command("export")(export)


@filter_options
def export(
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT",
            help="stix | geojson | csv | parquet | graphml | gexf",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option("-o", "--output", help="File to write; '-' or none: stdout (text formats)."),
    ] = None,
    table: Annotated[
        str, typer.Option(help="csv/parquet only: claims | entities | clusters.")
    ] = "claims",
    db: DbOption = None,
    *,
    filters: ClaimFilter,
) -> None:
    """Export stored claims: STIX 2.1 bundle, GeoJSON points, CSV/Parquet tables, GraphML/GEXF.

    Example: claimgraph export geojson --event SUPPLY --since 2023-01 -o supply.geojson

    stix: identities, locations, a relationship + note (modality, source) per claim, a report
    per article. geojson: claims with a resolved place. csv/parquet: --table claims (default),
    entities or clusters. graphml/gexf: actors and places, edges weighted by claim count.
    Parquet is binary: give -o FILE (or -o - to pipe it). Same store + filters → same bytes.
    """
    from claimgraph.export import BINARY_FORMATS, ExportError, ExportSkipped, check
    from claimgraph.export import export as run_export

    try:
        fmt = check(fmt, table)
    except ExportError as exc:
        fail(escape(str(exc)), code=2)
        return
    to_stdout = output in (None, "-")
    if fmt in BINARY_FORMATS and (output is None or (to_stdout and sys.stdout.isatty())):
        fail(f"format: {fmt} is binary; give -o FILE (or -o - into a pipe)", code=2)
    store = store_for(db)
    try:
        with store.session() as s:
            if to_stdout:
                result = run_export(fmt, s, filters, sys.stdout.buffer, table=table)
                sys.stdout.flush()
            else:
                assert output is not None  # to_stdout covers None
                result = run_export(fmt, s, filters, output, table=table)
    except ExportSkipped as exc:
        err.print(f"[yellow]skipped[/yellow] {escape(str(exc))}")
        return
    except ExportError as exc:
        fail(escape(str(exc)), code=2)
        return
    except OSError as exc:
        fail(f"cannot write {output!r}: {exc.strerror or exc}", code=1)
        return
    finally:
        store.close()
    where = "stdout" if to_stdout else output
    err.print(f"export: {result.summary} ({fmt}) → {escape(str(where))}")
