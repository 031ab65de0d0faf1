"""Request-scoped dependencies and the opaque cursors the list endpoints hand out."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.orm import Session

from claimgraph.store.db import Store
from claimgraph.store.filters import ClaimFilter, FilterError

MAX_LIMIT = 500
MAX_ID = 2**31 - 1  # ids are INTEGER columns (int4 on PostgreSQL): larger ones cannot exist


def get_store(request: Request) -> Store:
    """The Store that `create_app` opened for this app (no module-level state)."""
    return request.app.state.store


def get_session(request: Request) -> Iterator[Session]:
    """One unit of work per request, rolled back if the handler raises."""
    with get_store(request).session() as session:
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


def claim_filter(
    entity: Annotated[Text, Query(description="agent or recipient: name, alias or id")] = None,
    event: Annotated[Text, Query(description="event type, e.g. SUPPLY")] = None,
    since: Annotated[Text, Query(description="claim time on or after YYYY[-MM[-DD]]")] = None,
    until: Annotated[Text, Query(description="claim time on or before YYYY[-MM[-DD]]")] = None,
    place: Annotated[Text, Query(description="place name (gazetteer name)")] = None,
    near: Annotated[Text, Query(description="LAT,LON,KM: placed within KM of a point")] = None,
    modality: Annotated[Text, Query(description="asserted, reported, claimed, …")] = None,
    source: Annotated[Text, Query(description="source name the claim is attributed to")] = None,
) -> ClaimFilter:
    """The claim filters every claim route shares, parsed once (a bad value is a 422)."""
    return ClaimFilter.parse(
        entity=entity,
        event=event,
        since=since,
        until=until,
        place=place,
        near=near,
        modality=modality,
        source=source,
    )


ClaimFilterDep = Annotated[ClaimFilter, Depends(claim_filter)]
