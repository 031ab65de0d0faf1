"""Request-scoped dependencies and the opaque cursors the list endpoints hand out."""

from __future__ import annotations

import base64
import binascii
import inspect
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator, Field
from sqlalchemy.orm import Session

from claimgraph.store.db import Store
from claimgraph.store.filters import FILTERS, MAX_ID, ClaimFilter, FilterError, FilterSpec
from claimgraph.web.disconnect import stop_when_gone

MAX_LIMIT = 500


def get_store(request: Request) -> Store:
    """The Store that `create_app` opened for this app (no module-level state)."""
    return request.app.state.store


def get_session(request: Request) -> Iterator[Session]:
    """One unit of work per request, rolled back if the handler raises; its queries stop
    (ClientGone) once the client has closed the connection (web/disconnect.py)."""
    with get_store(request).session() as session:
        stop_when_gone(request, session)
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def reject_nul(request: Request) -> None:
    """PostgreSQL text cannot hold NUL; refuse it up front (422) on every backend alike."""
    for where, params in (("path", request.path_params), ("query", request.query_params)):
        for name, value in params.items():
            if isinstance(value, str) and "\x00" in value:
                raise RequestValidationError(
                    [
                        {
                            "loc": (where, name),
                            "msg": "contains a NUL character",
                            "type": "value_error",
                        }
                    ]
                )


def cap(limit: int, most: int = MAX_LIMIT) -> int:
    """Oversized limits are clamped rather than refused, so clients can ask for "everything"."""
    return min(limit, most)


def encode_cursor(key: Any) -> str:
    """Opaque to clients: URL-safe base64 of a JSON key, so the key format can change freely."""
    raw = json.dumps(key, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Any:
    """Inverse of `encode_cursor`; anything malformed is a 422 naming `cursor`."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return json.loads(raw.decode())
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise bad_cursor() from exc


def bad_cursor() -> FilterError:
    """The error for a cursor this API did not issue (tampered, truncated, another endpoint's)."""
    return FilterError("cursor", "invalid cursor; pass back a next_cursor value unchanged")


Text = str | None


def _blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _query_param(spec: FilterSpec) -> inspect.Parameter:
    """The query parameter of one claim filter, from its row of the table."""
    if spec.kind == "int":
        typ: Any = Annotated[  # an empty form field is no filter, not a bad number
            Annotated[int, Field(ge=1, le=MAX_ID)] | None,
            BeforeValidator(_blank_is_none),
            Query(alias=spec.name, description=spec.help),
        ]
    elif spec.multiple:  # repeated (event=A&event=B) or comma-separated (event=A,B)
        typ = Annotated[list[str] | None, Query(alias=spec.name, description=spec.help)]
    else:
        typ = Annotated[Text, Query(alias=spec.name, description=spec.help)]
    return inspect.Parameter(
        spec.field, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=typ
    )


def claim_filter(**raw: Any) -> ClaimFilter:
    """The claim filters every claims route shares, one query parameter per row of
    store/filters.FILTERS, parsed once (a bad value is a 422 naming the field)."""
    return ClaimFilter.parse(**raw)


claim_filter.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [_query_param(s) for s in FILTERS], return_annotation=ClaimFilter
)
ClaimFilterDep = Annotated[ClaimFilter, Depends(claim_filter)]
