"""`claimgraph serve`: the workbench pages and the HTTP API (OpenAPI document) on a local port."""

from __future__ import annotations

import ipaddress
import os
import sys
import threading
from typing import Annotated

import typer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.cli.common import DbOption, err, fail, settings
from claimgraph.errors import ClaimgraphError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


LOOPBACK_NAMES = "localhost,127.0.0.1,::1"
WILDCARDS = {"0.0.0.0", "::"}
SHUTDOWN_GRACE = 5  # seconds SIGTERM waits for requests in flight before the process exits


def bare_host(host: str) -> str:
    """`[::1]` → `::1`: brackets belong in URLs, not in the address a socket binds to."""
    host = host.strip()
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host


def default_allowed_hosts(host: str) -> str:
    """The Host header values to answer when CLAIMGRAPH_ALLOWED_HOSTS is unset: loopback names
    on loopback, the address itself on a specific one, none (no check) on a wildcard."""
    if is_loopback(host):
        return LOOPBACK_NAMES
    return "" if bare_host(host) in WILDCARDS else bare_host(host)


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
    host = bare_host(host)
    if not is_loopback(host) and not public:
        fail(
            f"--host {host} would expose the unauthenticated API beyond this machine; "
            "pass --public to do so on purpose, or use --host 127.0.0.1",
            code=2,
        )
    from claimgraph.web import auth

    conf = settings()
    configured = conf.secret
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

    conf = conf.model_copy(
        update={
            "allowed_hosts": conf.allowed_hosts or default_allowed_hosts(host),
            "secure_cookies": public if conf.secure_cookies is None else conf.secure_cookies,
        }
    )
    try:
        api = create_app(conf, db=db)
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
    if not conf.allowed_hosts:
        err.print(
            f"--host {host} answers any Host header; set CLAIMGRAPH_ALLOWED_HOSTS to the names "
            "this server is reached by",
            highlight=False,
            markup=False,
        )
    elif not is_loopback(host):
        err.print(
            f"answering requests for Host {conf.allowed_hosts} only (others get 400); set "
            "CLAIMGRAPH_ALLOWED_HOSTS to the names this server is reached by",
            highlight=False,
            markup=False,
        )
    if conf.secure_cookies:
        err.print(
            "editor session cookies are Secure (sent over HTTPS only); put TLS in front, or set "
            "CLAIMGRAPH_SECURE_COOKIES=false for a trusted plain-HTTP network",
            highlight=False,
            markup=False,
        )
    uvicorn.run(
        ExitWatchdog(api),
        host=host,
        port=port,
        log_level="info",
        server_header=False,  # no "server: uvicorn" banner
        proxy_headers=False,  # X-Forwarded-For: only CLAIMGRAPH_TRUSTED_PROXIES (web/security)
        timeout_graceful_shutdown=SHUTDOWN_GRACE,
    )


class ExitWatchdog:
    """ASGI wrapper: once the app is told to shut down (after uvicorn's graceful period), the
    process gets SHUTDOWN_GRACE more seconds to exit on its own, then exits anyway.

    A request handler running in a worker thread (a huge page being rendered) cannot be
    cancelled and would otherwise keep the process alive until it finished, so SIGTERM seemed
    ignored. Its client is gone and the database rolls back its unfinished transaction."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def watched() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                timer = threading.Timer(SHUTDOWN_GRACE, _hard_exit)
                timer.daemon = True  # a process that exits on its own is not held back
                timer.start()
            return message

        await self.app(scope, watched, send)


def _hard_exit() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
