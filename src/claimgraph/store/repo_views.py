"""Reads behind the workbench pages: the map, timeline and network aggregated in SQL (so a page
over 100k claims moves a few hundred rows, not every claim's JSON), and the article reader's
extraction, cluster and revision lookups.

Filters are the WHERE clauses of /api/claims (`repo_claims.claim_conditions`; the `near` radius
is a bounding box there, which callers refine with Near.contains).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, lateral, literal_column, select, true
from sqlalchemy.orm import Session

from claimgraph.store import graph_index
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import ArticleRow, ClaimRow, ClusterMemberRow, ExtractionRow
from claimgraph.store.repo_claims import claim_conditions, json_role


def place_counts(
    *, session: Session, filters: ClaimFilter | None = None
) -> tuple[list[dict[str, Any]], int, int]:
    """Claims per geocoded place, most claims first: (places, claims placed, claims matched).

    One row per (place name, lat, lon) with its claim count and event types, so the map draws
    a marker per place and popups fetch the place's claims on demand.
    """
    conds = claim_conditions(session, filters)
    if conds:
        total = session.scalar(select(func.count()).select_from(ClaimRow).where(*conds)) or 0
    else:  # kept by the claim writer: no count over every claim
        total = graph_index.store_counts(session)["claims"]
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
    return rows, placed, total


_LABEL_ROLES = ("agent", "recipient", "object", "location")
_LABEL_KEYS = ("name", "text", "mention")


def timeline_claims(
    *,
    session: Session,
    filters: ClaimFilter | None = None,
    limit: int = 500,
    newest: bool = True,
) -> tuple[list[dict[str, Any]], int]:
    """Claims whose time value is a calendar date (starts with a digit: not "P2Y" or
    "PRESENT_REF"), the `limit` newest (or oldest) by that value, returned oldest first with
    their cluster id; and how many such claims match in all.

    Rows hold what a timeline entry shows, not the whole record: id, article_id, pk, event,
    modality, cluster_id, time.value, source.name and name/text/mention of agent, recipient,
    object and location (enough for analyze.clusters.claim_label). The database reads those
    members from the `limit` chosen claims only (the selection is a pk subquery), so no full
    record is decoded in Python (~2x faster at 100k claims)."""
    dialect = session.get_bind().dialect.name
    dated = ClaimRow.time_value.between("0", "9\uffff")
    conds = [*claim_conditions(session, filters), dated]
    if len(conds) > 1:
        total = session.scalar(select(func.count()).select_from(ClaimRow).where(*conds)) or 0
    else:  # kept by the claim writer: no count over every claim
        total = graph_index.store_counts(session)["dated"]
    key = (
        (ClaimRow.time_value.desc(), ClaimRow.pk.desc())
        if newest
        else (
            ClaimRow.time_value,
            ClaimRow.pk,
        )
    )
    chosen = select(ClaimRow.pk).where(*conds).order_by(*key).limit(limit)
    members = [(r, k) for r in _LABEL_ROLES for k in _LABEL_KEYS]
    if dialect == "postgresql":
        parts = ", ".join(f"cj.j #>> '{{{r},{k}}}'" for r, k in members)
        packed = literal_column(f"jsonb_build_array({parts})::text")
    else:
        paths = ", ".join(f"'$.{r}.{k}'" for r, k in members)
        packed = literal_column(f"json_extract(claims.data, {paths})")
    q = select(
        ClaimRow.pk,
        ClaimRow.article_id,
        ClaimRow.id,
        ClaimRow.event,
        ClaimRow.modality,
        ClaimRow.time_value,
        ClaimRow.source_name,
        ClaimRow.lat,
        ClaimRow.lon,
        ClusterMemberRow.cluster_id,
        packed,
    ).outerjoin(ClusterMemberRow, ClusterMemberRow.claim_pk == ClaimRow.pk)
    if dialect == "postgresql":  # parse each chosen record once (OFFSET 0 keeps it apart)
        cj = lateral(select(literal_column("claims.data::jsonb").label("j")).offset(0), name="cj")
        q = q.join(cj, true())
    q = q.where(ClaimRow.pk.in_(chosen))
    near = filters.near if filters else None
    out = []
    for pk, aid, cid, event, modality, value, source, lat, lon, cluster, blob in session.execute(q):
        if near is not None and not (lat is not None and near.contains(lat, lon)):
            continue
        c: dict[str, Any] = {
            "id": cid,
            "pk": pk,
            "article_id": aid,
            "event": event,
            "modality": modality,
            "time": {"value": value},
            "source": {"name": source},
            "cluster_id": cluster,
        }
        vals = json.loads(blob)
        for i, role in enumerate(_LABEL_ROLES):
            c[role] = dict(zip(_LABEL_KEYS, vals[3 * i : 3 * i + 3], strict=True))
        out.append(c)
    out.sort(key=lambda c: (c["time"]["value"] or "", c["pk"]))
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


# ---------------------------------------------------------------- actor network

# What build_graph needs of the JSON-only parts, by which id columns are set: one JSON array
# per claim, [agent, recipient, supplier, assisted_by, location fields...] less the roles whose
# id column answers (agent/recipient) and less the location where a recipient id is set (the
# graph then ignores it). One extraction per branch so each record is parsed once (SQLite 3.40
# caches a parse per call site only); multi-path json_extract also keeps numbers as written,
# where a scalar one would round lat/lon to 15 digits. Most claims give the same few arrays
# ("[null,null]": no supplier, no helper), which is what lets build_graph count equal rows.
_LOC_FIELDS = ("name", "mention", "geonameid", "kind", "country", "lat", "lon")


def _graph_extra(dialect: str) -> str:
    """SQL of graph_rows' `extra` column (see above); `cj.j` is the parsed record on PG."""

    def paths(*members: str) -> str:
        if dialect == "postgresql":
            parts = [f"cj.j #> '{{{m.replace('.', ',')}}}'" for m in members]
            return f"jsonb_build_array({', '.join(parts)})::text"
        return f"json_extract(claims.data, {', '.join(repr('$.' + m) for m in members)})"

    helpers = ("supplier", "assisted_by")
    loc = tuple(f"location.{k}" for k in _LOC_FIELDS)
    a, r = "claims.agent_id <> ''", "claims.recipient_id <> ''"
    return (
        f"CASE WHEN {a} THEN (CASE WHEN {r} THEN {paths(*helpers)} "
        f"ELSE {paths('recipient', *helpers, *loc)} END) "
        f"ELSE (CASE WHEN {r} THEN {paths('agent', *helpers)} "
        f"ELSE {paths('agent', 'recipient', *helpers, *loc)} END) END"
    )


GraphRow = tuple[str | None, str | None, str, str | None, str]  # see graph_rows


def graph_rows(session: Session, filters: ClaimFilter | None) -> Iterator[GraphRow]:
    """(agent_id, recipient_id, event, time_value, extra) per matching claim, storage order.

    The actor network reads this instead of decoding every claim: the database extracts the
    few JSON members it needs (see _graph_extra), rows are five short columns, and equal rows
    can be counted rather than processed one by one. Same selection as list_claims (article
    join, `near` refined on the coordinates)."""
    dialect = session.get_bind().dialect.name
    near = filters.near if filters else None
    cols = [ClaimRow.agent_id, ClaimRow.recipient_id, ClaimRow.event, ClaimRow.time_value]
    cols.append(literal_column(_graph_extra(dialect)))
    if near is not None:
        cols += [ClaimRow.lat, ClaimRow.lon]
    q = select(*cols).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
    if dialect == "postgresql":  # parse each record once (OFFSET 0 keeps the subquery apart)
        cj = lateral(select(literal_column("claims.data::jsonb").label("j")).offset(0), name="cj")
        q = q.join(cj, true())
    q = q.where(*claim_conditions(session, filters)).order_by(ClaimRow.pk)
    rows = _raw_rows(session, q)
    if near is None:
        yield from rows
        return
    for a, r, event, time, x, lat, lon in rows:
        if lat is not None and near.contains(lat, lon):
            yield a, r, event, time, x


def _raw_rows(session: Session, q: Select[Any]) -> Iterator[tuple[Any, ...]]:
    """Rows of `q` as the driver's tuples, read as they come (SQLite steps the statement; the
    PostgreSQL driver buffers them). For statements over every claim whose parameters are
    plain strings and numbers: SQLAlchemy's Row objects cost as much as the query itself."""
    compiled = q.compile(
        dialect=session.get_bind().dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.params
    args = tuple(params[k] for k in compiled.positiontup or ()) if compiled.positional else params
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(str(compiled), args)
        yield from cursor
    finally:
        cursor.close()


def claims_with_actors(
    session: Session, filters: ClaimFilter | None, ids: set[str]
) -> Iterator[dict[str, Any]]:
    """Matching claims (decoded, storage order) in which one of `ids` is agent, recipient,
    supplier or helper: the few records the actor network still reads in full (first-seen
    names of entities missing from the entity table). The JSON roles use their indexes."""
    if not ids:
        return
    dialect = session.get_bind().dialect.name
    wanted = sorted(ids)
    sup = literal_column(json_role(dialect, "supplier", "id"))
    helper = literal_column(json_role(dialect, "assisted_by", "id"))
    near = filters.near if filters else None
    q = (
        select(ClaimRow.data, ClaimRow.lat, ClaimRow.lon)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(
            *claim_conditions(session, filters),
            ClaimRow.agent_id.in_(wanted)
            | ClaimRow.recipient_id.in_(wanted)
            | sup.in_(wanted)
            | helper.in_(wanted),
        )
        .order_by(ClaimRow.pk)
    )
    for data, lat, lon in session.execute(q.execution_options(yield_per=500)):
        if near is None or (lat is not None and near.contains(lat, lon)):
            yield json.loads(data)


# ---------------------------------------------------------------- the article reader


def get_extraction(*, session: Session, article_id: int, revision: int) -> dict[str, Any] | None:
    """The stored extraction JSON (entities, places, times) of one revision, if any."""
    data = session.scalar(
        select(ExtractionRow.data).where(
            ExtractionRow.article_id == article_id, ExtractionRow.revision == revision
        )
    )
    return json.loads(data) if data else None


def cluster_ids(*, session: Session, claim_pks: list[int]) -> dict[int, str]:
    """claim pk → cluster id for the given claims."""
    if not claim_pks:
        return {}
    rows = session.execute(
        select(ClusterMemberRow.claim_pk, ClusterMemberRow.cluster_id).where(
            ClusterMemberRow.claim_pk.in_(claim_pks)
        )
    )
    return dict(rows.all())


def claims_revision(*, session: Session, article_id: int) -> int | None:
    """The revision the article's stored claims were extracted from (the newest extraction)."""
    return session.scalar(
        select(func.max(ExtractionRow.revision)).where(ExtractionRow.article_id == article_id)
    )


def overview_clusters(*, session: Session) -> tuple[int, int, dict[str, list[dict[str, Any]]]]:
    """What the overview counts: the number of claims, of clusters of 2+ claims (one thing said
    more than once) and those clusters' claims (analyze.kb.overview_counts looks for
    contradictions only inside them)."""
    n_claims = session.scalar(select(func.count(ClaimRow.pk))) or 0
    sizes = (
        select(ClusterMemberRow.cluster_id, func.count().label("n"))
        .group_by(ClusterMemberRow.cluster_id)
        .having(func.count() >= 2)
        .subquery()
    )
    n_clusters = session.scalar(select(func.count()).select_from(sizes)) or 0
    rows = session.execute(
        select(ClusterMemberRow.cluster_id, ClaimRow.pk, ClaimRow.article_id, ClaimRow.data)
        .join(ClaimRow, ClaimRow.pk == ClusterMemberRow.claim_pk)
        .join(sizes, sizes.c.cluster_id == ClusterMemberRow.cluster_id)
        .order_by(ClaimRow.pk)
    )
    by_cluster: dict[str, list[dict[str, Any]]] = {}
    for cid, pk, aid, data in rows:
        by_cluster.setdefault(cid, []).append({**json.loads(data), "pk": pk, "article_id": aid})
    return n_claims, n_clusters, by_cluster


def top_entities(*, session: Session, limit: int = 30) -> list[dict[str, Any]]:
    """Entities by the number of claims naming them as agent or recipient, most first (ties by
    name), so the overview leads with who the news is about, not the alphabet.

    Two GROUP BYs over the indexed role columns (covering indexes; a claim naming one entity as
    both agent and recipient counts twice, which is an extraction error anyway): ~8 ms at 100k
    claims where a UNION of distinct (claim, entity) pairs took ~430 ms."""
    from claimgraph.store.models import EntityRow

    counts: dict[str, int] = {}
    for col in (ClaimRow.agent_id, ClaimRow.recipient_id):
        for eid, n in session.execute(
            select(col, func.count()).where(col.is_not(None)).group_by(col)
        ):
            counts[eid] = counts.get(eid, 0) + n
    candidates = sorted(counts, key=lambda k: -counts[k])[: limit * 2]
    rows = {
        eid: (name, type_)
        for eid, name, type_ in session.execute(
            select(EntityRow.id, EntityRow.name, EntityRow.type).where(EntityRow.id.in_(candidates))
        )
    }
    ranked = sorted(rows, key=lambda eid: (-counts[eid], rows[eid][0], eid))[:limit]
    return [
        {"id": eid, "name": rows[eid][0], "type": rows[eid][1], "claims": counts[eid]}
        for eid in ranked
    ]
