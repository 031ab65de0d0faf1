"""Full-text search over article titles and text (FTS5 or tsvector behind one function)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from claimgraph.store.search import search as fts_search
from claimgraph.web.deps import SessionDep, cap
from claimgraph.web.schemas import HitList

router = APIRouter(tags=["articles"])


@router.get("/search")
def search(
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, description='words; "quoted phrases" stay together')],
    limit: Annotated[int, Query(ge=1, description="values over 100 are capped")] = 20,
) -> HitList:
    """Articles ranked by relevance, each with a snippet around the matches."""
    hits = fts_search(session=session, query=q, limit=cap(limit, 100))
    return HitList(items=[h.as_dict() for h in hits])
