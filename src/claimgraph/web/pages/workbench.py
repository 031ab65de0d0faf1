"""The map, timeline and network-graph pages: a filter form and a container the page script
fills from /api/map, /api/timeline and /api/graph with the same query string.

The JS/CSS libraries (Leaflet, markercluster, world-atlas, vis-timeline, cytoscape) are npm
packages copied into static/vendor by `npm ci`; without them the pages say how to install them.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from claimgraph.store.filters import given as given_filters
from claimgraph.web.deps import ClaimFilterDep, SessionDep
from claimgraph.web.pages.views import page

router = APIRouter(include_in_schema=False)


def render_view(
    request: Request, session: SessionDep, name: str, api: str, limit: int | None, **extra: Any
) -> HTMLResponse:
    given = given_filters(request.query_params)
    query = dict(given)
    if limit is not None:
        query["limit"] = str(limit)
    return page(
        request,
        session,
        name,
        given=given,
        limit=limit,
        api=f"{api}?{urlencode(query)}" if query else api,
        claims_link="/claims" + (f"?{urlencode(given)}" if given else ""),
        **extra,
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, session: SessionDep, _filters: ClaimFilterDep) -> HTMLResponse:
    """Claims at their places on an offline world map, markers clustered."""
    return render_view(request, session, "map.html", "/api/map", None)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    session: SessionDep,
    _filters: ClaimFilterDep,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> HTMLResponse:
    """Claims and clusters over time, each drawn over the interval its date names."""
    return render_view(request, session, "timeline.html", "/api/timeline", limit)


@router.get("/graph", response_class=HTMLResponse)
def graph_page(
    request: Request,
    session: SessionDep,
    _filters: ClaimFilterDep,
    limit: Annotated[int, Query(ge=1, le=2000)] = 100,
) -> HTMLResponse:
    """The actor network: entities as nodes, claims as typed, weighted edges."""
    return render_view(request, session, "graph.html", "/api/graph", limit)
