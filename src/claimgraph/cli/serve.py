"""`claimgraph serve`: the workbench pages and the HTTP API (OpenAPI document) on a local port."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from claimgraph.cli.common import DbOption, err, fail, settings
from claimgraph.errors import ClaimgraphError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def is_loopback(host: str) -> bool:
    """Only these hosts keep the API on this machine; anything else is reachable by others."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (loopback unless --public).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    public: Annotated[
        bool,
        typer.Option(
            "--public", help="Allow a non-loopback --host: the API is then open to your network."
        ),
    ] = False,
) -> None:
    """Serve the HTTP API (read-only, no auth) with its OpenAPI document at /openapi.json.

    Example: claimgraph serve --db news.db --port 8000
    """
    if not is_loopback(host) and not public:
        fail(
            f"--host {host} would expose the unauthenticated API beyond this machine; "
            "pass --public to do so on purpose, or use --host 127.0.0.1",
            code=2,
        )
    from claimgraph.web import auth

    configured = settings().secret
    if not is_loopback(host) and configured and not auth.strong_secret(configured):
        fail(
            f"--host {host}: CLAIMGRAPH_SECRET is {len(configured)} characters; editor sessions "
            f"signed with it could be forged. Set it to at least {auth.MIN_SECRET_CHARS} random "
            "characters (python -c 'import secrets; print(secrets.token_urlsafe(32))'), or unset "
            "it to use the secret this store generates for itself",
            code=2,
        )
    import uvicorn

    from claimgraph.web import create_app

    try:
        api = create_app(db=db)
    except ClaimgraphError as exc:
        fail(str(exc), code=2)
    except Exception as exc:  # driver errors: bad URL, server down, permissions
        fail(f"cannot open database: {type(exc).__name__}: {exc}", code=2)
    if not configured:
        err.print(
            "sessions are signed with this store's generated secret (table app_settings, "
            "row session_secret); set CLAIMGRAPH_SECRET to share one across stores",
            highlight=False,
            markup=False,
        )
    shown = f"[{host}]" if ":" in host else host
    err.print(
        f"serving the workbench on http://{shown}:{port}/ and the API under /api "
        "(OpenAPI: /openapi.json)",
        highlight=False,
        markup=False,
    )
    uvicorn.run(api, host=host, port=port, log_level="info")
