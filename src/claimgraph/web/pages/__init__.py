"""The human-facing side of the app: HTML pages, static assets, sign-in and the editors' queue.

`mount(app, settings)` is all `create_app` calls; it adds the session middleware (signed cookie,
HttpOnly, SameSite=Lax), /static, the page routers and the login redirect.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from claimgraph.config import Settings
from claimgraph.web import auth
from claimgraph.web.pages import editor, overview, views, workbench
from claimgraph.web.pages.render import STATIC

SESSION_COOKIE = "claimgraph_session"
SESSION_MAX_AGE = 8 * 3600  # an editor's working day


def mount(app: FastAPI, settings: Settings) -> None:
    """Attach pages, assets and sessions to an app made by `create_app`."""
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret,
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_MAX_AGE,
        same_site="lax",
        https_only=bool(settings.secure_cookies),  # `serve --public` turns it on (cli/serve.py)
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_exception_handler(auth.LoginRequired, editor.login_redirect)  # type: ignore[arg-type]
    app.include_router(overview.router)  # before views: its "/" is the overview that answers
    app.include_router(views.router)
    app.include_router(workbench.router)
    app.include_router(editor.router)
