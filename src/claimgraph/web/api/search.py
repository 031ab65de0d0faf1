"""Full-text search over article titles and text (FTS5 or tsvector behind one function)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from claimgraph.store.search import search as fts_search
from claimgraph.web.deps import SessionDep, cap
from claimgraph.web.paging import offset_page
from claimgraph.web.schemas import HitList

router = APIRouter(tags=["articles"])
MAX_SEARCH_OFFSET = 1_000  # ranked hits past this are noise: refine the query instead


@router.get("/search")
def search(
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, description='words; "quoted phrases" stay together')],
    limit: Annotated[int, Query(ge=1, description="values over 100 are capped")] = 20,
    offset: Annotated[
        int, Query(ge=0, le=MAX_SEARCH_OFFSET, description="skip this many hits (at most 1000)")
    ] = 0,
) -> HitList:
    """Articles ranked by relevance, each with a snippet around the matches; `next_offset`
    pages on."""
    size = cap(limit, 100)
    hits = fts_search(session=session, query=q, limit=offset + size + 1)
    items, next_offset = offset_page(hits, offset, size)
    return HitList(items=[h.as_dict() for h in items], next_offset=next_offset)
