"""Errors answered as pages for browsers, as JSON for API clients.

A page route that meets bad input answers with the page itself: the filter form keeps what was
typed, and an inline message names the field (status 422). Anything else a browser can reach
(an unknown route, a path id that is not a number, a reader opening the editors' queue) gets an
HTML error page with the site navigation and the sign-out button, so nobody is stranded on raw
JSON. Requests under /api (and /static, /openapi.json) keep the JSON bodies clients parse.

`install(app)` wraps whatever handlers `create_app` registered, so JSON stays byte-identical.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from claimgraph.errors import NotFound
from claimgraph.store.filters import FilterError
from claimgraph.web import auth
from claimgraph.web.deps import get_store
from claimgraph.web.pages.render import templates

Handler = Callable[[Request, Any], Response | Awaitable[Response]]
FieldError = tuple[str, str]  # (field name as in the URL, what is wrong with it)

TITLES = {
    400: "Bad request",
    401: "Sign-in needed",
    403: "Not allowed",
    404: "Not found",
    405: "Not available this way",
    409: "Already handled",
    413: "Too large",
    415: "Unsupported form",
    422: "Check what you typed",
    429: "Too many requests",
}
# Pages whose filter form can be shown again with the error beside it: path → (template, api
# route the page script reads, default `limit` or None when the form has no limit box).
FORM_PAGES: dict[str, tuple[str, str, int | None]] = {
    "/map": ("map.html", "/api/map", None),
    "/timeline": ("timeline.html", "/api/timeline", 500),
    "/graph": ("graph.html", "/api/graph", 100),
}


def is_page(request: Request) -> bool:
    """True for browser routes; /api, /static and the OpenAPI document answer JSON."""
    path = request.url.path
    return not (path == "/api" or path.startswith(("/api/", "/static/")) or path == "/openapi.json")


def _user_ctx(request: Request) -> dict[str, Any]:
    """The signed-in state for the layout (navigation, sign-out); anonymous if the store fails."""
    try:
        with get_store(request).session() as s:
            return auth.user_context(request, auth.current_user(request, s))
    except Exception:  # noqa: BLE001 - an error page must render even when the store is down
        return {"user": None, "csrf_token": ""}


def error_page(
    request: Request, status: int, message: str, fields: list[FieldError] | None = None
) -> HTMLResponse:
    """The HTML error page: what went wrong, which field, and the ways on (nav, sign-out)."""
    ctx = _user_ctx(request)
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            **ctx,
            "status": status,
            "title": TITLES.get(status, "Something went wrong"),
            "message": message,
            "form_errors": fields or [],
            "path": request.url.path,
        },
        status,
    )


def _fields(exc: RequestValidationError) -> list[FieldError]:
    """(field, message) per pydantic error, the field named as it appears in the URL/form."""
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        given = err.get("input")
        msg = str(err.get("msg", "invalid value"))
        if err.get("type") == "int_parsing":
            msg = "should be a whole number"
        if isinstance(given, str) and given:
            msg = f"{msg} (got “{given[:80]}”)"
        out.append((".".join(loc) or "input", msg))
    return out


def form_page(request: Request, fields: list[FieldError]) -> HTMLResponse | None:
    """The page again with its form as typed and the errors beside it, or None if the path has
    no filter form."""
    path = request.url.path
    if path == "/claims":
        from claimgraph.store.filters import given as given_filters
        from claimgraph.web.pages.views import CLAIM_PARAMS, page

        given = given_filters(request.query_params)
        raw_article = request.query_params.get("article_id", "")
        with get_store(request).session() as s:
            resp = page(
                request,
                s,
                "claims.html",
                cards=[],
                given=given,
                params=CLAIM_PARAMS,
                article_id=int(raw_article) if raw_article.isdigit() else None,
                limit=200,
                exports=[],
                form_errors=fields,
            )
    elif path in FORM_PAGES:
        from claimgraph.web.pages.workbench import render_view

        name, api, limit = FORM_PAGES[path]
        raw_limit = request.query_params.get("limit", "")
        if limit is not None and raw_limit.isdigit() and int(raw_limit) >= 1:
            limit = int(raw_limit)
        with get_store(request).session() as s:
            resp = render_view(request, s, name, api, limit, form_errors=fields)
    elif path == "/search":
        from claimgraph.web.pages.views import page

        with get_store(request).session() as s:
            resp = page(
                request,
                s,
                "search.html",
                q=request.query_params.get("q", "")[:500],
                hits=[],
                form_errors=fields,
            )
    else:
        return None
    resp.status_code = 422
    return resp


def _wrap(
    exc_class: type[Exception],
    json_handler: Handler,
    html: Callable[[Request, Any], HTMLResponse],
) -> Handler:
    async def handler(request: Request, exc: Any) -> Response:
        if is_page(request):
            return html(request, exc)
        out = json_handler(request, exc)
        return await out if isinstance(out, Awaitable) else out

    handler.__name__ = f"page_or_json_{exc_class.__name__}"
    return handler


def _html_filter_error(request: Request, exc: FilterError) -> HTMLResponse:
    message = str(exc).removeprefix(f"{exc.field}: ")
    fields = [(exc.field, message)]
    return form_page(request, fields) or error_page(request, 422, str(exc), fields)


def _html_validation(request: Request, exc: RequestValidationError) -> HTMLResponse:
    fields = _fields(exc)
    path_errors = [e for e in exc.errors() if tuple(e.get("loc", ()))[:1] == ("path",)]
    if path_errors:
        # /articles/abc names no article: that is a missing page, not a form to correct
        what = ", ".join(f"{f}: {m}" for f, m in fields)
        return error_page(request, 404, f"There is no page at {request.url.path} ({what}).")
    return form_page(request, fields) or error_page(
        request, 422, "Some of the values in the address cannot be used.", fields
    )


def _html_not_found(request: Request, exc: NotFound) -> HTMLResponse:
    return error_page(request, 404, str(exc))


def _html_http(request: Request, exc: StarletteHTTPException) -> HTMLResponse:
    status = exc.status_code
    if status == 404 and exc.detail == "Not Found":
        message = f"There is no page at {request.url.path}."
    else:
        message = str(exc.detail)
    resp = error_page(request, status, message)
    if exc.headers:
        resp.headers.update(exc.headers)
    return resp


def install(app: FastAPI) -> None:
    """Answer page routes with HTML; keep the handlers already registered for /api requests."""
    pairs: list[tuple[type[Exception], Handler, Callable[[Request, Any], HTMLResponse]]] = [
        (FilterError, app.exception_handlers.get(FilterError), _html_filter_error),
        (NotFound, app.exception_handlers.get(NotFound), _html_not_found),
        (
            RequestValidationError,
            app.exception_handlers.get(RequestValidationError)
            or request_validation_exception_handler,
            _html_validation,
        ),
        (
            StarletteHTTPException,
            app.exception_handlers.get(StarletteHTTPException) or http_exception_handler,
            _html_http,
        ),
    ]
    for exc_class, json_handler, html in pairs:
        if json_handler is None:
            continue
        app.add_exception_handler(exc_class, _wrap(exc_class, json_handler, html))
