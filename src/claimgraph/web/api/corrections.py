"""POST /api/corrections: a reader's error report from the article page's dialog.

The only write open to anonymous callers, so it is fenced: same-origin check (CSRF for a JSON
endpoint), a byte cap read before parsing, field size limits, a honeypot field (filled → 202
as usual, but nothing is stored) and a per-reporter rate limit keyed on the desk's salted
fingerprint of address + user agent (no address is kept).
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from claimgraph.corrections import desk
from claimgraph.errors import NotFound
from claimgraph.web import auth
from claimgraph.web.deps import MAX_ID, get_store

router = APIRouter(tags=["corrections"])
MAX_BODY = 16 * 1024
RATE = 10  # reports per reporter per window
WINDOW = 60.0  # seconds


class CorrectionIn(BaseModel):
    """What the dialog sends; offsets are characters into the revision's clean text."""

    model_config = {"extra": "forbid"}

    article_id: Annotated[int, Field(ge=1, le=MAX_ID)]
    revision: Annotated[int, Field(ge=1, le=MAX_ID)]
    start: Annotated[int, Field(ge=0, le=MAX_ID)]
    end: Annotated[int, Field(ge=1, le=MAX_ID)]
    exact: Annotated[str | None, Field(max_length=desk.MAX_QUOTE)] = None
    comment: Annotated[str | None, Field(max_length=desk.MAX_COMMENT)] = None
    suggestion: Annotated[str | None, Field(max_length=desk.MAX_QUOTE)] = None
    website: Annotated[str, Field(max_length=500, description="honeypot: leave empty")] = ""


class RateLimiter:
    """Sliding window per key, in process memory (one app process; a proxy limits the rest)."""

    def __init__(self, rate: int = RATE, window: float = WINDOW) -> None:
        self.rate, self.window = rate, window
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            if len(self._hits) > 10_000:  # forget idle reporters so memory stays bounded
                self._hits = {
                    k: q for k, q in self._hits.items() if q and q[-1] > now - self.window
                }
            q = self._hits.setdefault(key, deque())
            while q and q[0] <= now - self.window:
                q.popleft()
            if len(q) >= self.rate:
                return False
            q.append(now)
            return True


def _limiter(request: Request) -> RateLimiter:
    lim = getattr(request.app.state, "correction_limiter", None)
    if lim is None:
        lim = request.app.state.correction_limiter = RateLimiter()
    return lim


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
    try:
        report = CorrectionIn.model_validate(json.loads(raw))
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        for e in errors:
            e["loc"] = ["body", *e["loc"]]
        return JSONResponse({"detail": errors}, status_code=422)
    except ValueError:
        return _field_error("body", "not a JSON object")
    if report.end <= report.start:
        return _field_error("end", "end must be after start")
    settings = request.app.state.settings
    who = desk.fingerprint(
        request.client.host if request.client else "",
        request.headers.get("user-agent", ""),
        secret=settings.secret,
    )
    if not _limiter(request).allow(who):
        return JSONResponse(
            {"detail": "too many reports; try again in a minute"},
            status_code=429,
            headers={"Retry-After": str(int(WINDOW))},
        )
    if report.website:  # a bot filled the hidden field: same answer, nothing stored
        return JSONResponse({"status": "received"}, status_code=202)
    try:
        await run_in_threadpool(_store_report, request, report, who)
    except desk.ReportError as exc:
        return _field_error(exc.field, str(exc).removeprefix(f"{exc.field}: "))
    except NotFound as exc:
        raise HTTPException(404, str(exc)) from exc
    return JSONResponse({"status": "received"}, status_code=202)


def _field_error(field: str, msg: str) -> JSONResponse:
    """The same 422 shape as FastAPI's validation errors."""
    return JSONResponse(
        {"detail": [{"loc": ["body", field], "msg": msg, "type": "value_error"}]}, status_code=422
    )
