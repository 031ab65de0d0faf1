"""Reads behind the workbench's map and timeline: aggregated in SQL so a page over 100k claims
moves a few hundred rows, not every claim's JSON.

`claim_conditions` turns a ClaimFilter into WHERE clauses on `claims`; the same filters as
/api/claims (the `near` radius is a bounding box here; callers refine with Near.contains).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import ArticleRow, ClaimRow, ClusterMemberRow
from claimgraph.store.repo_claims import entity_ids


def claim_conditions(session: Session, f: ClaimFilter | None) -> list[ColumnElement[bool]]:
    """WHERE clauses for a filter (entity names resolve to ids with one query)."""
    if f is None:
        return []
    out: list[ColumnElement[bool]] = []
    if f.event:
        out.append(ClaimRow.event == f.event)
    if f.article_id is not None:
        out.append(ClaimRow.article_id == f.article_id)
    if f.modality:
        out.append(ClaimRow.modality == f.modality)
    if f.entity:
        ids = entity_ids(session=session, name=f.entity)
        out.append(ClaimRow.agent_id.in_(ids) | ClaimRow.recipient_id.in_(ids))
    if f.source:
        out.append(func.lower(ClaimRow.source_name) == f.source.casefold())
    if f.place:
        out.append(func.lower(ClaimRow.place_name) == f.place.casefold())
    if f.since:  # ISO values compare as strings at any granularity ("2023-07" >= "2023")
        out.append(ClaimRow.time_value >= f.since)
    if f.until:
        out.append(ClaimRow.time_value <= f.until + "\uffff")
    if f.near is not None:
        lat0, lat1, lon0, lon1 = f.near.bbox()
        out.append(ClaimRow.lat.between(lat0, lat1))
        out.append(ClaimRow.lon.between(lon0, lon1))
    return out


def place_counts(
    *, session: Session, filters: ClaimFilter | None = None, limit: int = 5000
) -> tuple[list[dict[str, Any]], int, int]:
    """Claims per geocoded place, most claims first: (places, claims placed, claims matched).

    One row per (place name, lat, lon) with its claim count and event types, so the map draws
    a marker per place and popups fetch the place's claims on demand.
    """
    conds = claim_conditions(session, filters)
    total = session.scalar(select(func.count()).select_from(ClaimRow).where(*conds)) or 0
    q = (
        select(
            ClaimRow.place_name,
            ClaimRow.lat,
            ClaimRow.lon,
            ClaimRow.event,
            func.count().label("n"),
            func.count(func.distinct(ClaimRow.article_id)).label("articles"),
        )
        .where(*conds, ClaimRow.lat.is_not(None), ClaimRow.lon.is_not(None))
        .group_by(ClaimRow.place_name, ClaimRow.lat, ClaimRow.lon, ClaimRow.event)
    )
    places: dict[tuple[str | None, float, float], dict[str, Any]] = {}
    for name, lat, lon, event, n, articles in session.execute(q):
        if filters and filters.near is not None and not filters.near.contains(lat, lon):
            continue
        p = places.setdefault(
            (name, lat, lon),
            {"name": name, "lat": lat, "lon": lon, "claims": 0, "articles": 0, "events": {}},
        )
        p["claims"] += n
        p["articles"] = max(p["articles"], articles)  # a lower bound across event rows
        p["events"][event] = n
    rows = sorted(places.values(), key=lambda p: (-p["claims"], p["name"] or "", p["lat"]))
    placed = sum(p["claims"] for p in rows)
    return rows[:limit], placed, total


def timeline_claims(
    *,
    session: Session,
    filters: ClaimFilter | None = None,
    limit: int = 500,
    newest: bool = True,
) -> tuple[list[dict[str, Any]], int]:
    """Claims whose time value is a calendar date (starts with a digit: not "P2Y" or
    "PRESENT_REF"), the `limit` newest (or oldest) by that value, returned oldest first with
    their cluster id; and how many such claims match in all. JSON is decoded for `limit` rows."""
    dated = ClaimRow.time_value.between("0", "9\uffff")
    conds = [*claim_conditions(session, filters), dated]
    total = session.scalar(select(func.count()).select_from(ClaimRow).where(*conds)) or 0
    key = (
        (ClaimRow.time_value.desc(), ClaimRow.pk.desc())
        if newest
        else (
            ClaimRow.time_value,
            ClaimRow.pk,
        )
    )
    q = (
        select(ClaimRow.pk, ClaimRow.article_id, ClaimRow.data, ClusterMemberRow.cluster_id)
        .outerjoin(ClusterMemberRow, ClusterMemberRow.claim_pk == ClaimRow.pk)
        .where(*conds)
        .order_by(*key)
        .limit(limit)
    )
    out = []
    for pk, aid, data, cid in session.execute(q):
        c = json.loads(data)
        if filters and filters.near is not None:
            loc = c.get("location") or {}
            if loc.get("lat") is None or not filters.near.contains(loc["lat"], loc["lon"]):
                continue
        out.append({**c, "pk": pk, "article_id": aid, "cluster_id": cid})
    out.sort(key=lambda c: ((c.get("time") or {}).get("value") or "", c["pk"]))
    return out, total


def cluster_members(*, session: Session, cluster_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """cluster id → its claims as (claim id, article id, title, site, source name), storage
    order: what a claim card needs to show "the cluster and its other sources"."""
    if not cluster_ids:
        return {}
    q = (
        select(
            ClusterMemberRow.cluster_id,
            ClaimRow.id,
            ClaimRow.article_id,
            ClaimRow.source_name,
            ClaimRow.modality,
            ArticleRow.title,
            ArticleRow.site,
        )
        .join(ClaimRow, ClaimRow.pk == ClusterMemberRow.claim_pk)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(ClusterMemberRow.cluster_id.in_(sorted(cluster_ids)))
        .order_by(ClaimRow.pk)
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for cid, claim_id, aid, source, modality, title, site in session.execute(q):
        out.setdefault(cid, []).append(
            {
                "id": claim_id,
                "article_id": aid,
                "source": source,
                "modality": modality,
                "title": title,
                "site": site,
            }
        )
    return out
