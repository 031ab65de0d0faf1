"""Clusters: claims from all articles that state the same thing, with independent sources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from claimgraph.store import repo
from claimgraph.store.filters import ClaimFilter
from claimgraph.web.deps import ClaimFilterDep, SessionDep
from claimgraph.web.schemas import ClusterList

router = APIRouter(tags=["analysis"])


@router.get("/clusters")
def list_clusters(
    session: SessionDep,
    filters: ClaimFilterDep,
    min_claims: Annotated[int, Query(ge=1, description="at least this many claims")] = 1,
) -> ClusterList:
    """Biggest (most independent sources) first, as `claimgraph clusters`; with claim
    filters, the clusters that hold a matching claim."""
    f = filters if filters != ClaimFilter() else None
    return ClusterList(items=repo.list_clusters(session=session, filters=f, min_claims=min_claims))
