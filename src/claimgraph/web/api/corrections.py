"""POST /api/corrections: a reader's error report from the article page's dialog.

The only write open to anonymous callers, so it is fenced: same-origin check (CSRF for a JSON
endpoint), a byte cap read before parsing, field size limits, a honeypot field (filled → 202
as usual, but nothing is stored) and a per-reporter rate limit keyed on the desk's salted
fingerprint of the client's address (no address is kept; not the user agent, which a client
rotates for free; X-Forwarded-For only from CLAIMGRAPH_TRUSTED_PROXIES), counted in the database
(corrections.limits) so it survives restarts and holds across worker processes.

POST /api/corrections/widget?site=KEY is the same fence for the embeddable widget
(static/corrections.js) on third-party pages: the site key picks a registered site, CORS is
answered here (not by app-wide middleware) and only for that site's allowed origins, and the site
has its own hourly rate on top of the per-reporter one. See `report_from_widget`.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from claimgraph.corrections import desk, limits, sites
from claimgraph.errors import NotFound
from claimgraph.web import auth
from claimgraph.web.deps import MAX_ID, get_store
from claimgraph.web.security import MAX_JSON_DEPTH, client_address, control_character, json_depth

router = APIRouter(tags=["corrections"])
MAX_BODY = 16 * 1024
MAX_KEYS = 20  # the report bodies have at most 8 fields; thousands of junk keys are an attack
RATE = limits.PER_REPORTER  # reports per reporter per window
WINDOW = limits.REPORTER_WINDOW  # seconds


class CorrectionIn(BaseModel):
    """What the dialog sends; offsets are characters into the revision's clean text (code
    points; UTF-16 offsets, as JavaScript counts, are recognised by the quote: desk.submit)."""

    model_config = {"extra": "forbid", "strict": True}

    article_id: Annotated[int, Field(ge=1, le=MAX_ID)]
    revision: Annotated[int, Field(ge=1, le=MAX_ID)]
    start: Annotated[int, Field(ge=0, le=MAX_ID)]
    end: Annotated[int, Field(ge=1, le=MAX_ID)]
    exact: Annotated[str | None, Field(max_length=desk.MAX_QUOTE)] = None
    comment: Annotated[str | None, Field(max_length=desk.MAX_COMMENT)] = None
    suggestion: Annotated[str | None, Field(max_length=desk.MAX_QUOTE)] = None
    website: Annotated[str, Field(max_length=500, description="honeypot: leave empty")] = ""


def _check_rate(
    request: Request, who: str, site: str | None = None, site_rate: int | None = None
) -> tuple[str, int] | None:
    """The persistent limits (corrections.limits): None to go on, else (which, Retry-After)."""
    with get_store(request).session() as s:
        return limits.check_and_record(
            session=s, fingerprint=who, site=site, site_rate_per_hour=site_rate
        )


def _too_many(which: str, retry_after: int, headers: dict[str, str] | None = None) -> JSONResponse:
    detail = (
        "too many reports from this site just now; try again later"
        if which == "site"
        else "too many reports; try again in a minute"
    )
    return JSONResponse(
        {"detail": detail},
        status_code=429,
        headers={**(headers or {}), "Retry-After": str(retry_after)},
    )


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise HTTPException(413, f"report larger than {MAX_BODY} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"report larger than {MAX_BODY} bytes")
    return bytes(body)


def _store_report(request: Request, report: CorrectionIn, who: str) -> dict[str, Any]:
    with get_store(request).session() as s:
        done = desk.submit(
            session=s,
            fingerprint_=who,
            article_id=report.article_id,
            revision=report.revision,
            start=report.start,
            end=report.end,
            exact=report.exact,
            comment=report.comment,
            suggestion=report.suggestion,
        )
    return done.report


@router.post(
    "/corrections",
    status_code=202,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": CorrectionIn.model_json_schema()}},
        }
    },
    responses={
        403: {"description": "cross-origin post"},
        413: {"description": "body too large"},
        422: {"description": "invalid report (the field is named)"},
        429: {"description": "too many reports from this reporter; retry later"},
    },
)
async def report_error(request: Request) -> JSONResponse:
    """File a reader's error report for the editors (202: received; nothing else is revealed)."""
    if not auth.same_origin(request):
        raise HTTPException(403, "reports are accepted only from this site's pages")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise HTTPException(415, "send application/json")
    raw = await _body(request)
    report = _parse(CorrectionIn, raw)
    if isinstance(report, JSONResponse):
        return report
    if report.end <= report.start:
        return _field_error("end", "end must be after start")
    settings = request.app.state.settings
    who = desk.fingerprint(client_address(request), secret=settings.secret)
    limited = await run_in_threadpool(_check_rate, request, who)
    if limited is not None:
        return _too_many(*limited)
    if report.website:  # a bot filled the hidden field: same answer, nothing stored
        return JSONResponse({"status": "received"}, status_code=202)
    try:
        await run_in_threadpool(_store_report, request, report, who)
    except desk.ReportError as exc:
        return _field_error(exc.field, str(exc).removeprefix(f"{exc.field}: "))
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    return JSONResponse({"status": "received"}, status_code=202)


Report = TypeVar("Report", bound=BaseModel)


def _parse(
    model: type[Report], raw: bytes, headers: dict[str, str] | None = None
) -> Report | JSONResponse:
    """The validated report, or the 422 naming what is wrong: nesting too deep (checked before
    parsing: Python's parser recursed into a 500), too many keys (one error each would make a
    huge answer), not a JSON object, a field of the wrong type
    (strict: `true` is not an id, "1" is not a number), or a control character in a text."""
    if json_depth(raw) > MAX_JSON_DEPTH:
        return _field_error("body", f"JSON nested deeper than {MAX_JSON_DEPTH} levels", headers)
    try:
        parsed = json.loads(raw)
        if isinstance(parsed, dict) and len(parsed) > MAX_KEYS:
            return _field_error("body", f"more than {MAX_KEYS} keys", headers)
        report = model.model_validate(parsed)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        for e in errors:
            e["loc"] = ["body", *e["loc"]]
        return JSONResponse({"detail": errors}, status_code=422, headers=headers)
    except (ValueError, RecursionError):
        return _field_error("body", "not a JSON object", headers)
    for name, value in report:
        bad = control_character(value) if isinstance(value, str) else None
        if bad is not None:
            return _field_error(name, f"contains the control character {bad}", headers)
    return report


def _field_error(field: str, msg: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The same 422 shape as FastAPI's validation errors."""
    return JSONResponse(
        {"detail": [{"loc": ["body", field], "msg": msg, "type": "value_error"}]},
        status_code=422,
        headers=headers,
    )


# ---------------------------------------------------------------- the embeddable widget

WIDGET_PATH = "/corrections/widget"
MAX_URL = 2_000
MAX_CONTEXT = 256  # prefix/suffix as sent; the desk keeps 64 characters of each


class WidgetReportIn(BaseModel):
    """What static/corrections.js sends from a partner's page (the site key is in the query)."""

    model_config = {"extra": "forbid", "strict": True}

    page_url: Annotated[str, Field(min_length=1, max_length=MAX_URL)]
    exact: Annotated[str, Field(min_length=1, max_length=desk.MAX_QUOTE)]
    prefix: Annotated[str, Field(max_length=MAX_CONTEXT)] = ""
    suffix: Annotated[str, Field(max_length=MAX_CONTEXT)] = ""
    comment: Annotated[str | None, Field(max_length=desk.MAX_COMMENT)] = None
    suggestion: Annotated[str | None, Field(max_length=desk.MAX_QUOTE)] = None
    website: Annotated[str, Field(max_length=500, description="honeypot: leave empty")] = ""


def _lookup_site(request: Request, key: str) -> tuple[str, list[str], int] | None:
    """(key, allowed origins, rate per hour) of the active site, or None."""
    with get_store(request).session() as s:
        row = sites.get_site(session=s, key=key)
        if row is None:
            return None
        return row.key, list(row.allowed_origins or []), row.rate_per_hour


async def _widget_site(request: Request) -> tuple[str, int, str] | JSONResponse:
    """(site key, rate per hour, allowed origin) for this request, or the 403 to send.

    A refusal carries no Access-Control-Allow-Origin, so the calling page cannot read it."""
    key = request.query_params.get("site", "")
    found = await run_in_threadpool(_lookup_site, request, key) if key else None
    if found is None:
        return JSONResponse(
            {"detail": "unknown or inactive site key"}, status_code=403, headers={"Vary": "Origin"}
        )
    raw_origin = request.headers.get("origin", "")
    try:
        origin = sites.normalize_origin(raw_origin) if raw_origin else ""
    except desk.ReportError:
        origin = ""
    if not origin or origin not in found[1]:
        return JSONResponse(
            {"detail": "this site key does not accept reports from this origin"},
            status_code=403,
            headers={"Vary": "Origin"},
        )
    return found[0], found[2], raw_origin


def _cors(origin: str) -> dict[str, str]:
    """Echo one allowed origin (never `*`, never credentials): the widget posts no cookies."""
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Expose-Headers": "Retry-After",
        "Vary": "Origin",
    }


@router.options(WIDGET_PATH, include_in_schema=False)
async def widget_preflight(request: Request) -> Response:
    """CORS preflight: allowed only for an origin listed for the `site` key in the query."""
    got = await _widget_site(request)
    if isinstance(got, JSONResponse):
        return got
    wanted = request.headers.get("access-control-request-method", "POST").upper()
    if wanted != "POST":
        return JSONResponse(
            {"detail": "only POST is allowed"}, status_code=403, headers={"Vary": "Origin"}
        )
    return Response(
        status_code=204,
        headers={
            **_cors(got[2]),
            "Access-Control-Allow-Methods": "POST",
            "Access-Control-Allow-Headers": "Content-Type",
            "Access-Control-Max-Age": "600",
        },
    )


def _store_widget_report(
    request: Request, report: WidgetReportIn, who: str, site: str, page_url: str
) -> dict[str, Any]:
    with get_store(request).session() as s:
        done = desk.submit_from_page(
            session=s,
            fingerprint_=who,
            site=site,
            page_url=page_url,
            exact=report.exact,
            prefix=report.prefix,
            suffix=report.suffix,
            comment=report.comment,
            suggestion=report.suggestion,
        )
    return done.report


@router.post(
    WIDGET_PATH,
    status_code=202,
    openapi_extra={
        "parameters": [
            {
                "name": "site",
                "in": "query",
                "required": True,
                "schema": {"type": "string"},
                "description": "the site key from `claimgraph sites add`",
            }
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": WidgetReportIn.model_json_schema()}},
        },
    },
    responses={
        403: {"description": "unknown or inactive site key, or an origin the site did not list"},
        413: {"description": "body too large"},
        415: {"description": "not application/json"},
        422: {"description": "invalid report (the field is named)"},
        429: {"description": "too many reports from this reporter or this site; see Retry-After"},
    },
)
async def report_from_widget(request: Request) -> JSONResponse:
    """File a reader's report from a partner's page via the embeddable widget (202: received).

    The page must be on the origin that sent it; when its URL is a stored article's and the quote
    is found there, the report is anchored to that article, else kept against the page URL.
    """
    got = await _widget_site(request)
    if isinstance(got, JSONResponse):
        return got
    site, site_rate, origin = got
    cors = _cors(origin)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        return JSONResponse({"detail": "send application/json"}, status_code=415, headers=cors)
    try:
        raw = await _body(request)
    except HTTPException as exc:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=cors)
    report = _parse(WidgetReportIn, raw, cors)
    if isinstance(report, JSONResponse):
        return report
    page_url = report.page_url.strip().split("#", 1)[0]
    if sites.origin_of(page_url) != sites.normalize_origin(origin):
        return _field_error("page_url", "the page is not on the origin that sent the report", cors)
    who = desk.fingerprint(client_address(request), secret=request.app.state.settings.secret)
    limited = await run_in_threadpool(_check_rate, request, who, site, site_rate)
    if limited is not None:
        return _too_many(*limited, headers=cors)
    if report.website:  # a bot filled the hidden field: same answer, nothing stored
        return JSONResponse({"status": "received"}, status_code=202, headers=cors)
    try:
        await run_in_threadpool(_store_widget_report, request, report, who, site, page_url)
    except desk.ReportError as exc:
        return _field_error(exc.field, str(exc).removeprefix(f"{exc.field}: "), cors)
    return JSONResponse({"status": "received"}, status_code=202, headers=cors)
