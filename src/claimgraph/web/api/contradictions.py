"""Contradictions: claim pairs in one cluster that dispute each other, a page at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query

from claimgraph.analyze.contradictions import iter_contradictions
from claimgraph.store import repo_claims
from claimgraph.web.deps import SessionDep
from claimgraph.web.paging import Offset, offset_page
from claimgraph.web.schemas import ContradictionList

router = APIRouter(tags=["analysis"])
MAX_PAGE = 500


@router.get("/contradictions")
def list_contradictions(
    session: SessionDep,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")
    ] = MAX_PAGE,
    offset: Offset = 0,
) -> ContradictionList:
    """Doubted/denied against affirmed, opposite polarity, or quantities too far apart.

    Pairs are found lazily and only up to the page asked for, so a cluster of thousands of
    claims (millions of pairs) costs one page, not the whole list; `next_offset` pages on."""
    pairs = iter_contradictions(repo_claims.cluster_claims(session=session))
    made = 0

    def counted() -> Iterator[Any]:
        nonlocal made
        for pair in pairs:
            made += 1
            yield pair

    items, next_offset = offset_page(counted(), offset, limit)
    total = made if next_offset is None else None  # every pair was made: the count is known
    return ContradictionList(items=items, next_offset=next_offset, total=total)
