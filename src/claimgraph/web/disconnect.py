"""Stop a request's work when its client goes away (issue 12, finding 11).

Starlette runs a sync handler in a worker thread and lets it finish even after the browser
closed the connection: a big export kept a CPU busy for minutes for nobody. `DisconnectWatch`
notices the disconnect (it keeps reading the ASGI `receive` channel once the request body is
in) and sets a per-request flag; the request's store session checks that flag before each
query (`stop_when_gone`), so a handler that pages through the store - every export writer,
the reader, the lists - raises `ClientGone` at its next page and its work ends there. The
answer (499, nginx's "client closed request") goes nowhere; nothing is logged as an error.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("uvicorn.error")  # the server's own log, where operators look
CLIENT_CLOSED = 499
STATE_KEY = "client_gone"


class ClientGone(Exception):
    """The client closed the connection; the handler's remaining work is for nobody."""


class DisconnectWatch:
    """Pure ASGI middleware: a `threading.Event` in `scope["state"]["client_gone"]`, set when
    the server reports `http.disconnect` before the app has finished.

    The body is passed through as the app reads it (so body-size caps still see every chunk
    first); only after it is complete does a watcher read ahead, waiting for the disconnect."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        gone = threading.Event()
        scope.setdefault("state", {})[STATE_KEY] = gone
        ahead: asyncio.Queue[Message] = asyncio.Queue()
        watcher: asyncio.Task[None] | None = None

        async def watch() -> None:
            while True:
                message = await receive()
                await ahead.put(message)
                if message["type"] == "http.disconnect":
                    gone.set()
                    return

        def start_watching() -> None:
            nonlocal watcher
            if watcher is None:
                watcher = asyncio.get_running_loop().create_task(watch())

        async def app_receive() -> Message:
            if watcher is None:
                message = await receive()
                if message["type"] != "http.request" or not message.get("more_body", False):
                    start_watching()  # the body is complete: from here on, only a disconnect
                return message
            if gone.is_set() and ahead.empty():
                return {"type": "http.disconnect"}
            return await ahead.get()

        if scope.get("method") in ("GET", "HEAD"):
            start_watching()  # no body to wait for
        try:
            await self.app(scope, app_receive, send)
        except asyncio.CancelledError:
            # the server gave up on the request (SIGTERM after its graceful period): the
            # handler's thread cannot be cancelled, but its next query stops it
            gone.set()
            raise
        finally:
            if watcher is not None:
                watcher.cancel()


def stop_when_gone(request: Request, session: Session) -> None:
    """Make `session` raise ClientGone before its next query once the request's client left."""
    gone = getattr(request.state, STATE_KEY, None)
    if not isinstance(gone, threading.Event):
        return  # an app without the middleware (e.g. a test building routes alone)

    def check(_state: ORMExecuteState) -> None:
        if gone.is_set():
            raise ClientGone(
                f"{request.method} {request.url.path}: the client closed the connection"
            )

    event.listen(session, "do_orm_execute", check)


def client_gone(_request: Request, exc: Exception) -> Response:
    """The handler stopped because nobody is listening: an empty 499, logged at info."""
    log.info("stopped: %s", exc)
    return Response(status_code=CLIENT_CLOSED)


def install(app: Any) -> None:
    """Register the watcher and the ClientGone answer on a FastAPI/Starlette app."""
    app.add_middleware(DisconnectWatch)
    app.add_exception_handler(ClientGone, client_gone)
