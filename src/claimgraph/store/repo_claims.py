"""Extraction queries: per-revision results, claims and their filters, entities, clusters."""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from claimgraph.errors import NotFound
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import (
    ArticleRow,
    ClaimRow,
    ClusterMemberRow,
    EntityRow,
    ExtractionRow,
)

# ---------------------------------------------------------------- extraction results


def has_extraction(*, session: Session, article_id: int, revision: int) -> bool:
    return (
        session.scalar(
            select(ExtractionRow.id).where(
                ExtractionRow.article_id == article_id, ExtractionRow.revision == revision
            )
        )
        is not None
    )


def save_extraction(
    *, session: Session, article_id: int, revision: int, extraction: dict[str, Any], pipeline: str
) -> int:
    """Store one revision's extraction; its claims replace the article's older claims."""
    session.execute(
        delete(ExtractionRow).where(
            ExtractionRow.article_id == article_id, ExtractionRow.revision == revision
        )
    )
    session.execute(delete(ClaimRow).where(ClaimRow.article_id == article_id))
    blob = {k: extraction.get(k) for k in ("entities", "places", "times", "language", "skipped")}
    session.add(
        ExtractionRow(
            article_id=article_id,
            revision=revision,
            pipeline=pipeline,
            data=json.dumps(blob, ensure_ascii=False),
        )
    )
    remap = _link_known_entities(session, extraction.get("entities", []))
    if remap:
        extraction = _remap_ids(extraction, remap)
    for ent in extraction.get("entities", []):
        _upsert_entity(session, ent)
    rows = []
    for c in extraction.get("claims", []):
        loc = c.get("location") or {}
        rows.append(
            {
                "id": c["id"],
                "article_id": article_id,
                "revision": revision,
                "event": c["event"],
                "modality": c["modality"],
                "polarity": c["polarity"],
                "agent_id": (c.get("agent") or {}).get("id"),
                "recipient_id": (c.get("recipient") or {}).get("id"),
                "source_name": (c.get("source") or {}).get("name"),
                "place_name": loc.get("name") or loc.get("mention"),
                "lat": loc.get("lat"),
                "lon": loc.get("lon"),
                "time_value": (c.get("time") or {}).get("value"),
                "evidence_start": c["evidence"]["start"],
                "evidence_end": c["evidence"]["end"],
                "data": json.dumps(c, ensure_ascii=False),
            }
        )
    if rows:
        session.execute(insert(ClaimRow), rows)
    return len(rows)


def _link_known_entities(session: Session, entities: list[dict[str, Any]]) -> dict[str, str]:
    """New entity id → id of a stored entity that is a spelling variant of it (same type,
    rapidfuzz-bounded `similar_names`), so "Zelenskyy" in one article joins "Zelensky" of another."""
    from claimgraph.resolve.entities import similar_names

    remap: dict[str, str] = {}
    for ent in entities:
        if ent["type"] in ("GPE", "NORP") or session.get(EntityRow, ent["id"]) is not None:
            continue
        names = [ent["name"], *ent.get("aliases", [])]
        for row in session.scalars(
            select(EntityRow).where(EntityRow.type == ent["type"]).order_by(EntityRow.id)
        ):
            known = [row.name, *json.loads(row.aliases)]
            if any(similar_names(a, b) for a in names for b in known):
                remap[ent["id"]] = row.id
                break
    return remap


def _remap_ids(extraction: dict[str, Any], remap: dict[str, str]) -> dict[str, Any]:
    """The extraction with entity ids rewritten (entities, claim roles, objects, sources)."""
    text = json.dumps(extraction, ensure_ascii=False)
    for old, new in remap.items():
        text = text.replace(json.dumps(old), json.dumps(new))
    return json.loads(text)


def _upsert_entity(session: Session, ent: dict[str, Any]) -> None:
    row = session.get(EntityRow, ent["id"])
    aliases = [a for a in ent.get("aliases", []) if a != ent["name"]]
    if row is None:
        session.add(
            EntityRow(
                id=ent["id"],
                name=ent["name"],
                type=ent["type"],
                aliases=json.dumps(sorted(set(aliases)), ensure_ascii=False),
                country=ent.get("country"),
            )
        )
        session.flush()
        return
    if ent["name"] != row.name:
        aliases.append(ent["name"])
    merged = sorted(set(json.loads(row.aliases)) | set(aliases))
    row.aliases = json.dumps(merged, ensure_ascii=False)


def list_claims(
    *,
    session: Session,
    event: str | None = None,
    article_id: int | None = None,
    entity: str | None = None,
    modality: str | None = None,
    limit: int | None = None,
    filters: ClaimFilter | None = None,
    after_pk: int | None = None,
    order: str = "newest",
    mentioning: str | None = None,
) -> list[dict[str, Any]]:
    """Claims with their JSON record + article_id (+ pk, for cursors).

    order "newest": newest article first, then text order; "pk": storage order (stable cursors
    with `after_pk`). `filters` (a validated ClaimFilter) adds the full filter set.
    """
    f = filters or ClaimFilter(
        event=event.upper() if event else None,
        entity=entity,
        modality=modality.lower() if modality else None,
        article_id=article_id,
    )
    q = select(
        ClaimRow.pk,
        ClaimRow.article_id,
        ClaimRow.data,
        ClaimRow.lat,
        ClaimRow.lon,
        ArticleRow.published,
        ArticleRow.site,
    ).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
    if f.event:
        q = q.where(ClaimRow.event == f.event)
    if f.article_id is not None:
        q = q.where(ClaimRow.article_id == f.article_id)
    if f.modality:
        q = q.where(ClaimRow.modality == f.modality)
    if f.entity:
        ids = entity_ids(session=session, name=f.entity)
        q = q.where(ClaimRow.agent_id.in_(ids) | ClaimRow.recipient_id.in_(ids))
    if f.source:
        q = q.where(func.lower(ClaimRow.source_name) == f.source.casefold())
    if f.place:
        q = q.where(func.lower(ClaimRow.place_name) == f.place.casefold())
    if f.since:  # ISO values compare as strings at any granularity ("2023-07" >= "2023")
        q = q.where(ClaimRow.time_value >= f.since)
    if f.until:
        q = q.where(ClaimRow.time_value <= f.until + "\uffff")
    if f.near is not None:
        lat0, lat1, lon0, lon1 = f.near.bbox()
        q = q.where(ClaimRow.lat.between(lat0, lat1), ClaimRow.lon.between(lon0, lon1))
    if mentioning:  # any role or source naming this entity id (prefilter; callers check roles)
        q = q.where(ClaimRow.data.contains(json.dumps(mentioning)))
    if after_pk is not None:
        q = q.where(ClaimRow.pk > after_pk)
    if order == "pk":
        q = q.order_by(ClaimRow.pk)
    else:
        q = q.order_by(
            ArticleRow.published_utc.is_(None),
            ArticleRow.published_utc.desc(),
            ClaimRow.article_id.desc(),
            ClaimRow.evidence_start,
            ClaimRow.pk,
        )
    out: list[dict[str, Any]] = []
    for pk, aid, data, lat, lon, published, site in session.execute(
        q.execution_options(yield_per=1000)
    ):
        if f.near is not None and not (lat is not None and f.near.contains(lat, lon)):
            continue
        out.append(
            {
                **json.loads(data),
                "article_id": aid,
                "pk": pk,
                "article_published": published,
                "article_site": site,
            }
        )
        if limit is not None and len(out) >= limit:
            break
    return out


def entity_ids(*, session: Session, name: str) -> list[str]:
    """Entity ids whose canonical name, alias or id equals `name` (case-insensitive).

    SQL narrows the candidates (id/name equality, or the name inside the aliases JSON) so a
    filter does not decode every entity; Python then checks the exact, case-folded match.
    """
    low = name.casefold()
    pattern = "%" + re.sub(r"([\\%_])", r"\\\1", json.dumps(name, ensure_ascii=False)[1:-1]) + "%"
    q = select(EntityRow).where(
        or_(
            func.lower(EntityRow.id) == low,
            func.lower(EntityRow.name) == low,
            EntityRow.aliases.ilike(pattern, escape="\\"),
        )
    )
    out = []
    for row in session.scalars(q.order_by(EntityRow.id)):
        names = {
            row.id.casefold(),
            row.name.casefold(),
            *(a.casefold() for a in json.loads(row.aliases)),
        }
        if low in names:
            out.append(row.id)
    return out


# ---------------------------------------------------------------- clusters


def assign_clusters(*, session: Session, article_id: int) -> int:
    """Put the article's unclustered claims into clusters (best fit among the clusters that
    share a participant with them); returns how many claims were assigned."""
    from claimgraph.analyze.clusters import Cluster, assign, view

    new = [
        c
        for c in list_claims(session=session, article_id=article_id, order="pk")
        if session.get(ClusterMemberRow, c["pk"]) is None
    ]
    if not new:
        return 0
    ids = {
        (c.get(r) or {}).get("id")
        for c in new
        for r in ("agent", "recipient", "supplier", "assisted_by")
    }
    ids.discard(None)
    q = (
        select(ClusterMemberRow.cluster_id, ClaimRow.pk, ClaimRow.id, ClaimRow.data)
        .join(ClaimRow, ClaimRow.pk == ClusterMemberRow.claim_pk)
        .where(
            ClaimRow.agent_id.in_(ids)
            | ClaimRow.recipient_id.in_(ids)
            | ClaimRow.data.contains("?->")
        )
        .order_by(ClusterMemberRow.cluster_id, ClaimRow.pk)
    )
    clusters: dict[str, Cluster] = {}
    for cid, pk, _claim_id, data in session.execute(q):
        clusters.setdefault(cid, Cluster(cid)).members.append(view({**json.loads(data), "pk": pk}))
    ordered = sorted(clusters.values(), key=lambda cl: min(m.pk for m in cl.members))
    for pk, cid in assign(new, ordered).items():
        session.add(ClusterMemberRow(claim_pk=pk, cluster_id=cid))
    session.flush()
    return len(new)


def list_clusters(
    *, session: Session, filters: ClaimFilter | None = None, min_claims: int = 1
) -> list[dict[str, Any]]:
    """Cluster rows (see analyze.clusters.summarize), biggest first, then oldest."""
    from claimgraph.analyze.clusters import summarize

    members = dict(
        session.execute(select(ClusterMemberRow.claim_pk, ClusterMemberRow.cluster_id)).all()
    )
    wanted = (
        {
            members[c["pk"]]
            for c in list_claims(session=session, filters=filters, order="pk")
            if c["pk"] in members
        }
        if filters
        else set(members.values())
    )
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for c in list_claims(session=session, order="pk"):
        cid = members.get(c["pk"])
        if cid in wanted:
            by_cluster.setdefault(cid, []).append(c)
    rows = [summarize(cid, cs) for cid, cs in by_cluster.items() if len(cs) >= min_claims]
    rows.sort(key=lambda r: (-len(r["independent_sources"]), -r["n_claims"], r["claims"][0]["id"]))
    return rows


def cluster_claims(*, session: Session) -> dict[str, list[dict[str, Any]]]:
    """cluster id → its claims (storage order)."""
    members = dict(
        session.execute(select(ClusterMemberRow.claim_pk, ClusterMemberRow.cluster_id)).all()
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for c in list_claims(session=session, order="pk"):
        if c["pk"] in members:
            out.setdefault(members[c["pk"]], []).append(c)
    return out


def list_contradictions(*, session: Session, tolerance: float = 0.2) -> list[dict[str, Any]]:
    from claimgraph.analyze.contradictions import find_contradictions

    return find_contradictions(cluster_claims(session=session), tolerance=tolerance)


def entity_profile(*, session: Session, name: str) -> dict[str, Any]:
    """Profile of the entity with this id, name or alias (NotFound otherwise)."""
    from claimgraph.analyze.profiles import build_profile

    ids = entity_ids(session=session, name=name)
    if not ids:
        raise NotFound(
            f"no entity named {name!r} (try an alias, or `claimgraph claims --json` to see names)"
        )
    row = session.get(EntityRow, ids[0])
    entity = {
        "id": row.id,
        "name": row.name,
        "type": row.type,
        "aliases": json.loads(row.aliases),
        "country": row.country,
    }
    claims = [
        c
        for c in list_claims(session=session, order="pk", mentioning=row.id)
        if any(
            (c.get(r) or {}).get("id") == row.id
            for r in ("agent", "recipient", "supplier", "assisted_by")
        )
        or (c.get("source") or {}).get("entity_id") == row.id
        or (c.get("source") or {}).get("country_entity_id") == row.id
    ]
    return build_profile(entity, claims)


# ---------------------------------------------------------------- HTTP API reads


def get_claim(*, session: Session, claim_id: str) -> dict[str, Any]:
    """One claim by its id, in the `list_claims` shape (NotFound otherwise)."""
    row = session.execute(
        select(
            ClaimRow.pk, ClaimRow.article_id, ClaimRow.data, ArticleRow.published, ArticleRow.site
        )
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(ClaimRow.id == claim_id)
        .order_by(ClaimRow.pk)
        .limit(1)
    ).first()
    if row is None:
        raise NotFound(f"claim {claim_id!r} does not exist (see `claimgraph claims --json`)")
    pk, aid, data, published, site = row
    return {
        **json.loads(data),
        "article_id": aid,
        "pk": pk,
        "article_published": published,
        "article_site": site,
    }


def list_entities(
    *, session: Session, type_: str | None = None, q: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Canonical entities by name; `type_` exact (case-insensitive), `q` a substring of the id,
    name or an alias (case-insensitive)."""
    query = select(EntityRow).order_by(EntityRow.name, EntityRow.id)
    if type_:
        query = query.where(EntityRow.type == type_.upper())
    needle = q.casefold() if q else None
    out: list[dict[str, Any]] = []
    for row in session.scalars(query):
        aliases = json.loads(row.aliases)
        if needle and not any(needle in n.casefold() for n in (row.id, row.name, *aliases)):
            continue
        out.append(
            {
                "id": row.id,
                "name": row.name,
                "type": row.type,
                "aliases": aliases,
                "country": row.country,
            }
        )
        if limit is not None and len(out) >= limit:
            break
    return out


# ---------------------------------------------------------------- parallel / bulk ingest


def extracted_duplicate(
    *,
    session: Session,
    raw_hash: str,
    source: str,
    text_hash: str,
    fp: Any = None,
    near_threshold: float = 0.8,
) -> int | None:
    """The stored article an input would be linked to (seen, exact or near, as add_article
    decides) when that article's current revision is already extracted: extracting the input
    again would be wasted work. Read-only; parallel workers ask it before extracting."""
    from claimgraph.store.repo_articles import find_exact, find_near, find_seen

    aid = find_seen(session=session, raw_hash=raw_hash, source=source)
    if aid is None:
        aid = find_exact(session=session, text_hash=text_hash)
    if aid is None and fp is not None:
        near = find_near(session=session, fp=fp, threshold=near_threshold)
        aid = near[0] if near else None
    if aid is None:
        return None
    revision = session.scalar(select(ArticleRow.current_revision).where(ArticleRow.id == aid))
    return aid if has_extraction(session=session, article_id=aid, revision=revision) else None
