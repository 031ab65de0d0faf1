"""The application factory: one FastAPI app bound to one store, built on demand.

Nothing is created at import so tests, `claimgraph serve` and ASGI servers (`--factory`) each get
their own store; the Store lives on `app.state` and is closed on shutdown.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse

from claimgraph import __version__
from claimgraph.config import Settings
from claimgraph.errors import NotFound
from claimgraph.store import repo
from claimgraph.store.db import open_store
from claimgraph.store.filters import FilterError
from claimgraph.web import auth, disconnect, pages, security
from claimgraph.web.api import (
    articles,
    claims,
    clusters,
    contradictions,
    corrections,
    entities,
    exports,
    extractions,
    search,
    workbench,
)
from claimgraph.web.deps import SessionDep, reject_nul
from claimgraph.web.pages import errors
from claimgraph.web.schemas import Health


def _filter_error(_request: Request, exc: Exception) -> JSONResponse:
    """Same body as FastAPI's own validation errors, so clients parse one 422 shape."""
    assert isinstance(exc, FilterError)
    message = str(exc).removeprefix(f"{exc.field}: ")
    return JSONResponse(
        status_code=422,
        content={"detail": [{"loc": ["query", exc.field], "msg": message, "type": "value_error"}]},
    )


def _not_found(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse(status_code=404, content={"detail": str(exc)})


def health(session: SessionDep) -> Health:
    """Liveness plus a store round-trip, so a broken database shows up here first."""
    return Health(status="ok", articles=repo.count_articles(session=session))


def create_app(settings: Settings | None = None, *, db: str | None = None) -> FastAPI:
    """An app serving the store at `db` (default: settings.db, i.e. $CLAIMGRAPH_DB).

    Read-only for anonymous callers except POST /api/corrections (same-origin, rate-limited);
    HTML pages and the editors' queue come from `pages.mount`. No CORS unless a deployer adds it.
    """
    settings = settings or Settings()
    store = open_store(db or settings.db)
    # Sessions and reporter fingerprints are keyed with CLAIMGRAPH_SECRET, else with the
    # store's own generated secret: there is no default anyone could sign cookies with.
    settings = settings.model_copy(update={"secret": auth.session_secret(settings.secret, store)})

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="claimgraph",
        version=__version__,
        summary="Sourced claims from news reports: who did what, where, when — per whom.",
        lifespan=lifespan,
        dependencies=[Depends(reject_nul)],
        # Swagger/ReDoc pages load their JS from a CDN; pages must not, so only /openapi.json is served.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.settings = settings
    app.add_exception_handler(FilterError, _filter_error)
    app.add_exception_handler(NotFound, _not_found)
    app.get("/api/health", tags=["meta"])(health)
    for module in (
        articles,
        claims,
        clusters,
        contradictions,
        entities,
        exports,
        extractions,
        search,
        workbench,
    ):
        app.include_router(module.router, prefix="/api")
    app.include_router(corrections.router, prefix="/api")  # the one anonymous write, fenced
    pages.mount(app, settings)
    errors.install(app)  # page routes answer HTML error pages; /api keeps the JSON above
    disconnect.install(app)  # a handler's queries stop once its client has gone
    security.install(app, settings)  # Host check + security headers, outermost (web/security.py)
    return app
