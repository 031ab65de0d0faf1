"""Data for the workbench's map, timeline and network graph: the claim filters of /api/claims,
aggregated server-side and capped, so a browser never receives the whole store."""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from claimgraph.analyze.clusters import claim_label
from claimgraph.analyze.timeline import interval
from claimgraph.export.graph import build_graph, drop_noise
from claimgraph.store import graph_index, repo_views
from claimgraph.store.filters import ClaimFilter
from claimgraph.web.api.answers import cached
from claimgraph.web.deps import ClaimFilterDep, SessionDep

router = APIRouter(tags=["workbench"])


class MapPlace(BaseModel):
    type: str = "Feature"
    geometry: dict[str, Any]
    properties: dict[str, Any]


class MapData(BaseModel):
    """GeoJSON FeatureCollection, one Point per place, plus how many claims had no place."""

    type: str = "FeatureCollection"
    features: list[MapPlace]
    claims_matched: int
    claims_placed: int
    places_total: int


class TimelineItem(BaseModel):
    id: str
    article_id: int
    label: str
    event: str
    modality: str
    source: str | None
    value: str
    start: str
    end: str
    granularity: str
    cluster_id: str | None


class TimelineCluster(BaseModel):
    id: str
    event: str
    label: str
    n_claims: int
    start: str
    end: str


class TimelineData(BaseModel):
    """Claims drawn over the whole interval their time names; clusters spanning their claims."""

    items: list[TimelineItem]
    clusters: list[TimelineCluster]
    claims_with_time: int
    shown: int
    undated_values: int
    kept: str


class GraphNode(BaseModel):
    id: str
    name: str
    type: str
    claims: int
    country: str | None = None


class GraphEdge(BaseModel):
    source: str
    target: str
    weight: int
    events: dict[str, int]
    roles: list[str]
    first_time: str | None = None
    last_time: str | None = None


class GraphData(BaseModel):
    """Entities as nodes, claims as typed edges weighted by how many claims make them."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    nodes_total: int
    edges_total: int


def _json(model: BaseModel) -> JSONResponse:
    return JSONResponse(model.model_dump(mode="json"))


@router.get("/map", response_model=MapData)
def map_data(
    request: Request,
    session: SessionDep,
    filters: ClaimFilterDep,
    limit: Annotated[int, Query(ge=1, le=5000, description="most places returned")] = 2000,
) -> Response:
    """Claims per geocoded place as GeoJSON points (most claims first). Answers are reused
    until the next write of claims (web/api/answers.py)."""
    return cached(request, session, lambda: _json(_map(session, filters, limit)))


def _map(session: Session, filters: ClaimFilter, limit: int) -> MapData:
    places, placed, total = repo_views.place_counts(session=session, filters=filters)
    features = [
        MapPlace(
            geometry={"type": "Point", "coordinates": [p["lon"], p["lat"]]},
            properties={k: p[k] for k in ("name", "claims", "articles", "events")},
        )
        for p in places[:limit]
    ]
    return MapData(
        features=features, claims_matched=total, claims_placed=placed, places_total=len(places)
    )


@lru_cache(maxsize=8192)
def _span(value: str) -> dict[str, str] | None:
    """interval(value).as_json(), once per distinct value (dates repeat across claims)."""
    span = interval(value)
    return None if span is None else span.as_json()


@router.get("/timeline", response_model=TimelineData)
def timeline_data(
    request: Request,
    session: SessionDep,
    filters: ClaimFilterDep,
    limit: Annotated[int, Query(ge=1, le=5000, description="most claims returned")] = 500,
    keep: Annotated[
        Literal["newest", "oldest"], Query(description="which claims a full limit keeps")
    ] = "newest",
) -> Response:
    """Dated claims (the `limit` newest by default), oldest first, each with the interval its
    time value names. Answers are reused until the next write of claims (answers.py)."""
    return cached(request, session, lambda: _timeline(session, filters, limit, keep))


def _timeline(session: Session, filters: ClaimFilter, limit: int, keep: str) -> JSONResponse:
    rows, total = repo_views.timeline_claims(
        session=session, filters=filters, limit=limit, newest=keep == "newest"
    )
    # Items are built as plain dicts in TimelineItem's field order (validating 500 models
    # cost as much as the query); the bytes are those the model would give.
    items: list[dict[str, Any]] = []
    undated = 0
    for c in rows:
        value = c["time"]["value"] or ""
        span = _span(value)
        if span is None:  # "P2Y", "PRESENT_REF": a time, but not a place on the calendar
            undated += 1
            continue
        items.append(
            {
                "id": c["id"],
                "article_id": c["article_id"],
                "label": claim_label(c),
                "event": c["event"],
                "modality": c["modality"],
                "source": c["source"]["name"],
                "value": value,
                "start": span["start"],
                "end": span["end"],
                "granularity": span["granularity"],
                "cluster_id": c["cluster_id"],
            }
        )
    return JSONResponse(
        {
            "items": items,
            "clusters": _cluster_spans(items),
            "claims_with_time": total,
            "shown": len(items),
            "undated_values": undated,
            "kept": keep,
        }
    )


def _cluster_spans(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A bar per cluster with two or more of the shown claims, from earliest start to last end
    (TimelineCluster's fields)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for it in items:
        if it["cluster_id"]:
            groups.setdefault(it["cluster_id"], []).append(it)
    out = [
        {
            "id": cid,
            "event": members[0]["event"],
            "label": members[0]["label"],
            "n_claims": len(members),
            "start": min(m["start"] for m in members),
            "end": max(m["end"] for m in members),
        }
        for cid, members in groups.items()
        if len(members) > 1
    ]
    return sorted(out, key=lambda c: (c["start"], c["id"]))


@router.get("/graph", response_model=GraphData)
def graph_data(
    request: Request,
    session: SessionDep,
    filters: ClaimFilterDep,
    limit: Annotated[int, Query(ge=1, le=2000, description="most nodes (by claims)")] = 300,
) -> Response:
    """The actor network of the matching claims (the GraphML export's graph), top nodes only;
    names that are no actors (pronoun phrases, month names, generic nouns) are left out.

    Unfiltered, it is read from the network the store keeps current on write
    (store/graph_index.py); a filtered one is built from the matching claims. Answers are
    reused until the next write of claims (answers.py)."""
    return cached(request, session, lambda: _json(_graph(session, filters, limit)))


def _graph(session: Session, filters: ClaimFilter, limit: int) -> GraphData:
    if filters == ClaimFilter():
        return GraphData.model_validate(graph_index.network(session, limit))
    g = drop_noise(build_graph(session, filters))
    ranked = sorted(g.nodes(data=True), key=lambda n: (-n[1].get("claims", 0), n[0]))[:limit]
    keep = {nid for nid, _ in ranked}
    nodes = [
        GraphNode(
            id=nid,
            name=str(a.get("name") or nid),
            type=str(a.get("type") or "UNKNOWN"),
            claims=int(a.get("claims", 0)),
            country=a.get("country"),
        )
        for nid, a in ranked
    ]
    edges = [
        GraphEdge(
            source=src,
            target=dst,
            weight=int(a["weight"]),
            events={
                k: int(v) for k, v in (p.split(":") for p in a["event_counts"].split(",") if p)
            },
            roles=a["roles"].split(","),
            first_time=a.get("first_time"),
            last_time=a.get("last_time"),
        )
        for src, dst, a in g.edges(data=True)
        if src in keep and dst in keep
    ]
    return GraphData(
        nodes=nodes,
        edges=edges,
        nodes_total=g.number_of_nodes(),
        edges_total=g.number_of_edges(),
    )
