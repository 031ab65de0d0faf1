"""Options shared by commands, and output helpers."""

from __future__ import annotations

import functools
import inspect
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from claimgraph.config import Settings
from claimgraph.errors import ClaimgraphError
from claimgraph.store.db import Store, open_store
from claimgraph.store.filters import BY_FIELD, FILTERS, ClaimFilter, FilterError, FilterSpec

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


def fail(message: str, *, code: int = 1) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


def _filter_param(spec: FilterSpec) -> inspect.Parameter:
    """The typer option of one claim filter, from its row of the table."""
    typ: Any = (
        int | None if spec.kind == "int" else list[str] | None if spec.multiple else str | None
    )
    meta = "LIST" if spec.multiple else spec.placeholder if spec.kind in ("date", "near") else ""
    opt = typer.Option(*spec.cli, help=spec.help, metavar=meta or None, show_default=False)
    return inspect.Parameter(
        spec.field,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
        default=None,
        annotation=Annotated[typ, opt],
    )


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Give a command one option per claim filter (store/filters.FILTERS, after --db) and call
    it with them parsed as `filters: ClaimFilter`; a bad value exits 2 naming the option.

    Example: @filter_options above `def claims(db: DbOption = None, *, filters: ClaimFilter)`.
    """
    sig = inspect.signature(func, eval_str=True)
    own = [p for p in sig.parameters.values() if p.name != "filters"]
    at = next((i + 1 for i, p in enumerate(own) if p.name == "db"), len(own))
    params = [*own[:at], *(_filter_param(s) for s in FILTERS), *own[at:]]

    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        raw = {s.field: kwargs.pop(s.field, None) for s in FILTERS}
        return func(*args, filters=claim_filters(**raw), **kwargs)

    command.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    return command


def claim_filters(**raw: Any) -> ClaimFilter:
    """Parse the filter options; a bad value exits 2 with the option named."""
    try:
        return ClaimFilter.parse(**raw)
    except FilterError as exc:
        spec = BY_FIELD.get(exc.field)
        message = str(exc).removeprefix(f"{exc.field}: ")
        fail(escape(f"{spec.cli[0] if spec else exc.field}: {message}"), code=2)
    raise AssertionError("unreachable")
