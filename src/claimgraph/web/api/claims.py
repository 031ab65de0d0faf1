"""Claims: every filter of `claimgraph claims`, keyset-paged on storage order."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from claimgraph.errors import NotFound
from claimgraph.store import repo
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.repo_articles import count_article_claims
from claimgraph.web.deps import (
    MAX_ID,
    ClaimFilterDep,
    SessionDep,
    bad_cursor,
    cap,
    decode_cursor,
    encode_cursor,
)
from claimgraph.web.schemas import Claim, ClaimPage, Message, Moved

router = APIRouter(tags=["claims"])
Text = str | None


def _public(c: dict[str, Any]) -> dict[str, Any]:
    """The record minus the storage key (clients page with the opaque cursor instead)."""
    return {k: v for k, v in c.items() if k != "pk"}


def _after_pk(cursor: str | None) -> int | None:
    if cursor is None:
        return None
    pk = decode_cursor(cursor)
    if type(pk) is not int or not 0 <= pk <= MAX_ID:
        raise bad_cursor()
    return pk


@router.get("/claims")
def list_claims(
    session: SessionDep,
    filters: ClaimFilterDep,
    limit: Annotated[int, Query(ge=1, description="page size; values over 500 are capped")] = 50,
    cursor: Annotated[Text, Query(description="next_cursor of the previous page")] = None,
) -> ClaimPage:
    """Stored claims matching every given filter (a bad value is a 422 naming the field)."""
    size = cap(limit)
    rows = repo.list_claims(
        session=session, filters=filters, after_pk=_after_pk(cursor), order="pk", limit=size + 1
    )
    more = len(rows) > size
    rows = rows[:size]
    total = None
    if filters.article_id is not None and filters == ClaimFilter(article_id=filters.article_id):
        total = count_article_claims(session=session, article_id=filters.article_id)
    return ClaimPage(
        items=[_public(c) for c in rows],
        next_cursor=encode_cursor(rows[-1]["pk"]) if more else None,
        total=total,
    )


@router.get(
    "/claims/{claim_id}",
    response_model=Claim,
    responses={
        301: {"model": Moved, "description": "replaced: Location is its successor"},
        404: {"model": Message, "description": "no such claim"},
        410: {"model": Moved, "description": "replaced, with no successor"},
    },
)
def get_claim(
    claim_id: Annotated[str, Path(description="claim id (16 hex digits)")], session: SessionDep
) -> Any:
    """One claim with its evidence span, source, modality and pipeline version. An id that a
    correction or a newer pipeline replaced answers 301 to its successor (410 when none), with
    the revision that replaced it."""
    try:
        return Claim(**_public(repo.get_claim(session=session, claim_id=claim_id)))
    except NotFound:
        moved = repo.claim_whereabouts(session=session, claim_id=claim_id)
        if moved is None:
            raise
    nxt = moved["successor"]
    body = Moved(
        detail=f"claim {claim_id!r} of article {moved['article_id']} revision "
        f"{moved['revision']} was replaced in revision {moved['replaced_in_revision']}"
        + (f" by claim {nxt!r}" if nxt else " and has no successor"),
        **{k: v for k, v in moved.items() if k != "claim"},
    )
    headers = {"Location": f"/api/claims/{nxt}"} if nxt else {}
    return JSONResponse(body.model_dump(), status_code=301 if nxt else 410, headers=headers)
