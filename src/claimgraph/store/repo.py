"""Every query the application runs. Keyword-only functions over a Session; no SQL elsewhere."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from claimgraph.errors import NotFound
from claimgraph.ingest.article import Article, sha256
from claimgraph.ingest.dedupe import Fingerprint, similarity
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import (
    ArticleRow,
    BandRow,
    ClaimRow,
    ClusterMemberRow,
    EntityRow,
    ExtractionRow,
    FingerprintRow,
    RevisionRow,
    SourceRow,
)


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one input. status: new | exact | near | seen."""

    status: str
    article_id: int
    source: str
    similarity: float | None = None

    @property
    def message(self) -> str:
        if self.status == "new":
            return f"stored as article {self.article_id}"
        if self.status == "seen":
            return f"already ingested (article {self.article_id}); nothing to do"
        if self.status == "exact":
            return f"same text as article {self.article_id}; recorded as another source of it"
        return (
            f"near-duplicate of article {self.article_id} (similarity {self.similarity or 0:.2f}); "
            "linked, not stored as a new story"
        )


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo else dt


def find_seen(*, session: Session, raw_hash: str, source: str) -> int | None:
    """The article an identical input from the same source already produced, if any."""
    return session.scalar(
        select(SourceRow.article_id).where(
            SourceRow.raw_hash == raw_hash, SourceRow.source == source
        )
    )


def find_exact(*, session: Session, text_hash: str) -> int | None:
    return session.scalar(
        select(RevisionRow.article_id).where(RevisionRow.text_hash == text_hash).limit(1)
    )


def find_near(*, session: Session, fp: Fingerprint, threshold: float) -> tuple[int, float] | None:
    """Best stored article sharing an LSH band with `fp` and at or above `threshold`."""
    if not fp.bands:
        return None
    conds = [(BandRow.band == b) & (BandRow.key == k) for b, k in fp.bands]
    from sqlalchemy import or_

    candidates = session.scalars(
        select(BandRow.article_id).where(or_(*conds)).distinct().limit(200)
    ).all()
    best: tuple[int, float] | None = None
    for aid in candidates:
        sig = session.scalar(
            select(FingerprintRow.signature).where(FingerprintRow.article_id == aid)
        )
        if sig is None:
            continue
        sim = similarity(fp.signature, sig)
        if sim >= threshold and (
            best is None or sim > best[1] or (sim == best[1] and aid < best[0])
        ):
            best = (aid, sim)
    return best


def add_article(
    *, session: Session, article: Article, fp: Fingerprint | None, near_threshold: float = 0.8
) -> IngestOutcome:
    """Store one article with its first revision, provenance, fingerprint and search entry.

    Runs inside the caller's transaction, so an interrupted ingest leaves no half article.
    """
    seen = find_seen(session=session, raw_hash=article.raw_hash, source=article.source)
    if seen is not None:
        return IngestOutcome("seen", seen, article.source)
    text_hash = article.text_hash
    exact = find_exact(session=session, text_hash=text_hash)
    if exact is not None:
        _add_source(session, article, exact, "exact", 1.0)
        return IngestOutcome("exact", exact, article.source, 1.0)
    if fp is not None:
        near = find_near(session=session, fp=fp, threshold=near_threshold)
        if near is not None:
            _add_source(session, article, near[0], "near", near[1])
            return IngestOutcome("near", near[0], article.source, near[1])

    row = ArticleRow(
        title=article.title,
        url=article.url,
        site=article.site,
        author=article.author,
        published=article.published.isoformat() if article.published else None,
        published_utc=_utc(article.published),
        language=article.language,
        language_score=article.language_score,
        extraction_supported=article.supported,
        current_revision=1,
    )
    session.add(row)
    session.flush()
    session.add(RevisionRow(article_id=row.id, number=1, text=article.text, text_hash=text_hash))
    _add_source(session, article, row.id, "new", None)
    if fp is not None:
        session.add(FingerprintRow(article_id=row.id, signature=fp.signature))
        session.execute(
            insert(BandRow), [{"band": b, "key": k, "article_id": row.id} for b, k in fp.bands]
        )
    _index(session, row.id, article.title, article.text)
    return IngestOutcome("new", row.id, article.source)


def _add_source(
    session: Session, a: Article, article_id: int, kind: str, sim: float | None
) -> None:
    session.add(
        SourceRow(
            source=a.source,
            raw_hash=a.raw_hash,
            text_hash=a.text_hash,
            article_id=article_id,
            kind=kind,
            similarity=sim,
            url=a.url,
            site=a.site,
            title=a.title,
        )
    )


def _index(session: Session, article_id: int, title: str | None, body: str) -> None:
    """Put the current title+text in the dialect's full-text index (replacing any old entry)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id})
        session.execute(
            text("INSERT INTO article_fts(rowid, title, text) VALUES (:id, :title, :text)"),
            {"id": article_id, "title": title or "", "text": body},
        )
    else:
        session.execute(
            text("DELETE FROM article_search WHERE article_id = :id"), {"id": article_id}
        )
        session.execute(
            text("INSERT INTO article_search(article_id, title, text) VALUES (:id, :title, :text)"),
            {"id": article_id, "title": title, "text": body},
        )


def add_revision(
    *, session: Session, article_id: int, text_: str, reason: str, parent_number: int | None = None
) -> RevisionRow:
    """A new revision on top of the current one; old text is kept, never overwritten."""
    art = session.get(ArticleRow, article_id)
    if art is None:
        raise NotFound(f"article {article_id} does not exist")
    parent = session.scalar(
        select(RevisionRow).where(
            RevisionRow.article_id == article_id,
            RevisionRow.number == (parent_number or art.current_revision),
        )
    )
    if parent is None:
        raise NotFound(f"article {article_id} has no revision {parent_number}")
    number = (
        session.scalar(
            select(func.max(RevisionRow.number)).where(RevisionRow.article_id == article_id)
        )
        or 0
    ) + 1
    rev = RevisionRow(
        article_id=article_id,
        number=number,
        parent_id=parent.id,
        text=text_,
        text_hash=sha256(text_.encode("utf-8")),
        reason=reason,
    )
    session.add(rev)
    art.current_revision = number
    session.flush()
    _index(session, article_id, art.title, text_)
    return rev


def article_dict(row: ArticleRow) -> dict[str, Any]:
    """The `articles --json` shape."""
    return {
        "id": row.id,
        "title": row.title,
        "published": row.published,
        "site": row.site,
        "url": row.url,
        "language": row.language,
        "revision": row.current_revision,
    }


def list_articles(*, session: Session, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Newest first by publication time (undated last), then newest stored first."""
    q = (
        select(ArticleRow)
        .order_by(
            ArticleRow.published_utc.is_(None),
            ArticleRow.published_utc.desc(),
            ArticleRow.id.desc(),
        )
        .offset(offset)
    )
    if limit is not None:
        q = q.limit(limit)
    return [article_dict(r) for r in session.scalars(q)]


def get_article(*, session: Session, article_id: int, revision: int | None = None) -> dict:
    """Metadata, the text of the current (or a given) revision, its revisions and its sources."""
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise NotFound(f"article {article_id} does not exist (see `claimgraph articles`)")
    wanted = revision or row.current_revision
    revs = list(row.revisions)
    current = next((r for r in revs if r.number == wanted), None)
    if current is None:
        raise NotFound(f"article {article_id} has no revision {wanted}")
    sources = session.scalars(
        select(SourceRow).where(SourceRow.article_id == article_id).order_by(SourceRow.id)
    ).all()
    out = article_dict(row)
    out.update(
        author=row.author,
        language_score=row.language_score,
        extraction_supported=row.extraction_supported,
        text=current.text,
        text_revision=current.number,
        revisions=[
            {
                "number": r.number,
                "parent": next((p.number for p in revs if p.id == r.parent_id), None),
                "reason": r.reason,
                "created_at": r.created_at.isoformat() if r.created_at else None,
                "text_hash": r.text_hash,
            }
            for r in revs
        ],
        sources=[
            {
                "source": s.source,
                "kind": s.kind,
                "similarity": s.similarity,
                "url": s.url,
                "site": s.site,
            }
            for s in sources
        ],
    )
    return out


def count_articles(*, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


def delete_article(*, session: Session, article_id: int) -> None:
    """Remove an article and everything hanging off it (tests and admin use)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id})
    session.execute(delete(ArticleRow).where(ArticleRow.id == article_id))


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
    """Entity ids whose canonical name, alias or id equals `name` (case-insensitive)."""
    low = name.casefold()
    out = []
    for row in session.scalars(select(EntityRow)):
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
        for c in list_claims(session=session, order="pk")
        if any(
            (c.get(r) or {}).get("id") == row.id
            for r in ("agent", "recipient", "supplier", "assisted_by")
        )
        or (c.get("source") or {}).get("entity_id") == row.id
        or (c.get("source") or {}).get("country_entity_id") == row.id
    ]
    return build_profile(entity, claims)


# ---------------------------------------------------------------- HTTP API reads


def list_articles_page(
    *, session: Session, limit: int, after: tuple[str | None, int] | None = None
) -> list[tuple[dict[str, Any], tuple[str | None, int]]]:
    """`list_articles` order, keyset-paged so pages stay gap-free while articles arrive.

    Each row comes with its key (published_utc ISO or None, id); pass the last key as `after`.
    """
    q = select(ArticleRow).order_by(
        ArticleRow.published_utc.is_(None), ArticleRow.published_utc.desc(), ArticleRow.id.desc()
    )
    if after is not None:
        pub, aid = after
        if pub is None:
            q = q.where(ArticleRow.published_utc.is_(None), ArticleRow.id < aid)
        else:
            at = datetime.fromisoformat(pub)
            q = q.where(
                ArticleRow.published_utc.is_(None)
                | (ArticleRow.published_utc < at)
                | ((ArticleRow.published_utc == at) & (ArticleRow.id < aid))
            )
    return [
        (article_dict(r), (r.published_utc.isoformat() if r.published_utc else None, r.id))
        for r in session.scalars(q.limit(limit))
    ]


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
