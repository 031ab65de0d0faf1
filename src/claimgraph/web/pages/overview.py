"""The overview page: the store's counts, the most-claimed entities and every article, paged.

Mounted before `views.router`, so this is the route that answers `/`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimgraph.analyze import kb
from claimgraph.store import repo, repo_views
from claimgraph.web.deps import MAX_ID, SessionDep
from claimgraph.web.pages.views import page

router = APIRouter(include_in_schema=False)
PER_PAGE = 50  # articles per overview page
TOP_ENTITIES = 30


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    session: SessionDep,
    page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_ID)] = 1,
) -> HTMLResponse:
    """Counts of articles, claims, clusters and contradictions; entities by claims; articles
    newest first, PER_PAGE at a time (a page past the end lists none and links back)."""
    n_articles = repo.count_articles(session=session)
    return page(
        request,
        session,
        "index.html",
        articles=repo.list_articles(
            session=session, limit=PER_PAGE, offset=(page_no - 1) * PER_PAGE
        ),
        n_articles=n_articles,
        page_no=page_no,
        pages=max(1, -(-n_articles // PER_PAGE)),
        per_page=PER_PAGE,
        counts=kb.overview_counts(session=session),
        entities=repo_views.top_entities(session=session, limit=TOP_ENTITIES),
    )
