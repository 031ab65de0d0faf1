"""The `claimgraph` command: a thin shell over the library, one module per command group."""

from __future__ import annotations

import typer

from claimgraph.cli import (
    analyze,
    bulk,
    corrections,
    demo,
    evaluate,
    export,
    extract,
    ingest,
    read,
    reextract,
    serve,
    sites,
    users,
)
from claimgraph.errors import OntologyError
from claimgraph.ontology import validate

app = typer.Typer(
    name="claimgraph",
    help="Turn news reports into a sourced, queryable knowledge base of claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
ingest.register(app)
read.register(app)
extract.register(app)
analyze.register(app)
evaluate.register(app)
export.register(app)
serve.register(app)
corrections.register(app)
bulk.register(app)
reextract.register(app)
demo.register(app)
sites.register(app)
users.register(app)


def main() -> None:
    """Check the ontology, then run the command: a typo in ontology/*.yaml stops every command
    with the file, line and key instead of extracting with half an ontology."""
    try:
        validate()
    except OntologyError as exc:
        typer.echo(f"claimgraph: invalid ontology: {exc}", err=True)
        raise SystemExit(3) from None
    app()
