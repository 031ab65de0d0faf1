"""Clusters: claims from all articles that state the same thing, with independent sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from claimgraph.analyze import kb
from claimgraph.store.filters import ClaimFilter
from claimgraph.web.deps import ClaimFilterDep, SessionDep
from claimgraph.web.paging import Offset, offset_page
from claimgraph.web.schemas import ClusterList

router = APIRouter(tags=["analysis"])
MAX_PAGE = 500
MAX_CLAIMS = 1_000


@router.get("/clusters")
def list_clusters(
    session: SessionDep,
    filters: ClaimFilterDep,
    min_claims: Annotated[int, Query(ge=1, description="at least this many claims")] = 1,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"clusters per page (at most {MAX_PAGE})")
    ] = MAX_PAGE,
    offset: Offset = 0,
    claims_limit: Annotated[
        int,
        Query(
            ge=1,
            le=MAX_CLAIMS,
            description="at most this many claims listed per cluster (n_claims is the full count)",
        ),
    ] = 200,
) -> ClusterList:
    """Biggest (most independent sources) first, as `claimgraph clusters`; with claim
    filters, the clusters that hold a matching claim. A page of clusters, each listing at most
    `claims_limit` claims, so one giant cluster cannot make the answer unbounded."""
    f = filters if filters != ClaimFilter() else None
    rows = kb.list_clusters(session=session, filters=f, min_claims=min_claims)
    items, next_offset = offset_page(rows, offset, limit)
    for row in items:
        row["claims"] = row["claims"][:claims_limit]
    return ClusterList(items=items, next_offset=next_offset, total=len(rows))
