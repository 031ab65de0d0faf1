"""Extraction queries: per-revision results, claims and their filters, entities, clusters."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from claimgraph.errors import NotFound
from claimgraph.record import ACTOR_ROLES
from claimgraph.resolve.names import fold
from claimgraph.store import graph_index
from claimgraph.store.filters import FILTERS, ROLES, ClaimFilter, agent_receives
from claimgraph.store.models import (
    ArticleRow,
    ClaimRow,
    ClusterMemberRow,
    EntityNameRow,
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
    new_entities = _upsert_entities(session, extraction.get("entities", []))
    rows = [
        {
            **claim_columns(c),
            "article_id": article_id,
            "revision": revision,
            "data": json.dumps(c, ensure_ascii=False),
        }
        for c in extraction.get("claims", [])
    ]
    if rows:
        session.execute(insert(ClaimRow), rows)
    graph_index.on_write(session, article_id, extraction.get("claims", []), new_entities)
    return len(rows)


# The claims table's copies of claim-record members, for filters and sorting (the whole record
# is `data`): column → (record field, member, a fallback member); a key field is its own value.
# tests/test_record.py checks these against ClaimRow and claimgraph.record.
COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "event": ("event",),
    "modality": ("modality",),
    "polarity": ("polarity",),
    "agent_id": ("agent", "id"),
    "recipient_id": ("recipient", "id"),
    "source_name": ("source", "name"),
    "place_name": ("location", "name", "mention"),
    "lat": ("location", "lat"),
    "lon": ("location", "lon"),
    "time_value": ("time", "value"),
    "evidence_start": ("evidence", "start"),
    "evidence_end": ("evidence", "end"),
}


def claim_columns(c: dict[str, Any]) -> dict[str, Any]:
    """The claim's values for `COLUMNS` (None where it has none)."""
    out: dict[str, Any] = {}
    for col, (name, *members) in COLUMNS.items():
        if not members:
            out[col] = c[name]
            continue
        value = c.get(name) or {}
        out[col] = value.get(members[0])
        for m in members[1:]:  # a fallback: the mention of an unresolved place
            out[col] = out[col] or value.get(m)
    return out


def _link_known_entities(session: Session, entities: list[dict[str, Any]]) -> dict[str, str]:
    """New entity id → id of a stored entity that is a spelling variant of it (same type,
    rapidfuzz-bounded `similar_names`), so "Zelenskyy" in one article joins "Zelensky" of another.

    Was one ORM load of every same-type entity per new entity (most of the store stage): now
    one IN query says which ids are stored, one column query per type reads the candidates,
    and only names with the same `_name_key` reach `similar_names` (it is False otherwise).
    The answer is the same: the first stored entity by id with a similar name.
    """
    from claimgraph.resolve.entities import similar_names

    wanted = [e for e in entities if e["type"] not in ("GPE", "NORP")]
    if not wanted:
        return {}
    stored = _stored_ids(session, [e["id"] for e in wanted])
    wanted = [e for e in wanted if e["id"] not in stored]
    if not wanted:
        return {}
    known = _known_names(session, {e["type"] for e in wanted})
    remap: dict[str, str] = {}
    for ent in wanted:
        rows, by_key = known[ent["type"]]
        names = [(n, _name_key(n)) for n in [ent["name"], *ent.get("aliases", [])]]
        hits = sorted({i for _, k in names for i in by_key.get(k, ())})
        for i in hits:  # id order, as the full scan went
            row_id, row_names = rows[i]
            if any(similar_names(a, b) for a, ka in names for b, kb in row_names if ka == kb):
                remap[ent["id"]] = row_id
                break
    return remap


def _stored_ids(session: Session, ids: list[str]) -> set[str]:
    """Which of `ids` are stored entities (one IN query per 500 ids)."""
    out: set[str] = set()
    uniq = sorted(set(ids))
    for i in range(0, len(uniq), 500):
        out.update(session.scalars(select(EntityRow.id).where(EntityRow.id.in_(uniq[i : i + 500]))))
    return out


_NameKey = tuple[int, str]
_Known = tuple[list[tuple[str, list[tuple[str, _NameKey]]]], dict[_NameKey, list[int]]]


def _known_names(session: Session, types: set[str]) -> dict[str, _Known]:
    """type → (stored entities of that type by id: (id, [(name or alias, its _name_key)]),
    _name_key → positions in that list of the entities with a name of that key)."""
    out: dict[str, _Known] = {t: ([], {}) for t in types}
    q = (
        select(EntityRow.type, EntityRow.id, EntityRow.name, EntityRow.aliases)
        .where(EntityRow.type.in_(sorted(types)))
        .order_by(EntityRow.id)
    )
    for type_, eid, name, aliases in session.execute(q):
        rows, by_key = out[type_]
        if aliases == "[]":  # most entities: no alias to decode
            k = _name_key(name)
            names = [(name, k)]
            by_key.setdefault(k, []).append(len(rows))
        else:
            names = [(n, _name_key(n)) for n in [name, *json.loads(aliases)]]
            for k in {k for _, k in names}:
                by_key.setdefault(k, []).append(len(rows))
        rows.append((eid, names))
    return out


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> _NameKey:
    """(token count, first character) of the folded name: `similar_names` needs both equal
    (same token count; all tokens equal but one, whose first letters match), so names with
    different keys are never compared."""
    f = fold(name)
    return len(f.split()), f[:1]


def _remap_ids(extraction: dict[str, Any], remap: dict[str, str]) -> dict[str, Any]:
    """The extraction with entity ids rewritten (entities, claim roles, objects, sources)."""
    text = json.dumps(extraction, ensure_ascii=False)
    for old, new in remap.items():
        text = text.replace(json.dumps(old), json.dumps(new))
    return json.loads(text)


def _upsert_entities(session: Session, entities: list[dict[str, Any]]) -> list[str]:
    """Add new entities, merge names into the aliases of stored ones (in list order, so a
    repeated id merges into the row made by its first occurrence); the ids added.

    One IN query and one executemany instead of a get + flush per entity."""
    if not entities:
        return []
    existing = {
        row.id: row
        for i in range(0, len(entities), 500)
        for row in session.scalars(
            select(EntityRow).where(
                EntityRow.id.in_(sorted({e["id"] for e in entities[i : i + 500]}))
            )
        )
    }
    new: dict[str, dict[str, Any]] = {}
    known = {eid: _name_keys(eid, row.name, row.aliases) for eid, row in existing.items()}
    for ent in entities:
        aliases = [a for a in ent.get("aliases", []) if a != ent["name"]]
        row = existing.get(ent["id"])
        cur = new.get(ent["id"]) if row is None else None
        if row is None and cur is None:
            new[ent["id"]] = {
                "id": ent["id"],
                "name": ent["name"],
                "type": ent["type"],
                "aliases": json.dumps(sorted(set(aliases)), ensure_ascii=False),
                "country": ent.get("country"),
            }
            continue
        rec_name = row.name if row is not None else cur["name"]
        rec_aliases = row.aliases if row is not None else cur["aliases"]
        if ent["name"] != rec_name:
            aliases.append(ent["name"])
        merged = json.dumps(sorted(set(json.loads(rec_aliases)) | set(aliases)), ensure_ascii=False)
        if row is not None:
            row.aliases = merged
        else:
            cur["aliases"] = merged
    if new:
        session.execute(insert(EntityRow), list(new.values()))
    names = [
        {"name_key": key, "entity_id": eid}
        for eid, row in existing.items()
        for key in sorted(_name_keys(eid, row.name, row.aliases) - known[eid])
    ] + [
        {"name_key": key, "entity_id": eid}
        for eid, rec in new.items()
        for key in sorted(_name_keys(eid, rec["name"], rec["aliases"]))
    ]
    if names:
        session.execute(insert(EntityNameRow), names)
    return list(new)


def _name_keys(eid: str, name: str, aliases: str) -> set[str]:
    """The case-folded spellings an entity answers to (its entity_names rows): id, name and
    each alias of the stored JSON list."""
    return {eid.casefold(), name.casefold(), *(a.casefold() for a in json.loads(aliases))}


def rebuild_entity_names(session: Session) -> None:
    """entity_names from the entities table (migration 0014; stores written before it)."""
    session.execute(delete(EntityNameRow))
    rows = [
        {"name_key": key, "entity_id": eid}
        for eid, name, aliases in session.execute(
            select(EntityRow.id, EntityRow.name, EntityRow.aliases)
        )
        for key in sorted(_name_keys(eid, name, aliases))
    ]
    for i in range(0, len(rows), 5000):
        session.execute(insert(EntityNameRow), rows[i : i + 5000])


def claim_conditions(
    session: Session, f: ClaimFilter | None, *, actor_ids: list[str] | None = None
) -> list[ColumnElement[bool]]:
    """WHERE clauses on `claims` for a filter: the one definition of what each claim filter
    means (one builder per row of store/filters.FILTERS, in table order), shared by
    list_claims, the exports and the workbench's aggregates. Entity names resolve to ids with
    one query each unless the caller already has the entity filter's (`actor_ids`); `near` is
    a bounding box here, refined with Near.contains by the callers."""
    if f is None:
        return []
    dialect = session.get_bind().dialect.name
    out: list[ColumnElement[bool]] = []
    for spec in FILTERS:
        value = getattr(f, spec.field)
        if value is None or spec.name == "role":  # role shapes the entity condition
            continue
        if spec.name == "entity":
            ids = actor_ids if actor_ids is not None else entity_ids(session=session, name=value)
            out.append(or_(*(col.in_(ids) for col in role_columns(dialect, f.values("role")))))
        else:
            out.append(_CONDITIONS[spec.name](session, dialect, f, value))
    return out


def role_columns(dialect: str, roles: list[str] | None = None) -> list[ColumnElement[Any]]:
    """The columns holding an entity id in each of `roles` (all roles when empty): agent and
    recipient are columns, the others JSON members (supplier, assisted_by and source are
    indexed, see migration 0007)."""
    j = {
        (o, k): literal_column(json_role(dialect, o, k), String)
        for o, k in (*_JSON_ROLES, ("object", "entity_id"), ("in_exchange_for", "entity_id"))
    }
    by_role: dict[str, list[ColumnElement[Any]]] = {
        "agent": [ClaimRow.agent_id],
        "recipient": [ClaimRow.recipient_id],
        "supplier": [j["supplier", "id"]],
        "assisted_by": [j["assisted_by", "id"]],
        "source": [j["source", "entity_id"], j["source", "country_entity_id"]],
        "object": [j["object", "entity_id"], j["in_exchange_for", "entity_id"]],
    }
    return [col for r in (roles or ROLES) for col in by_role[r]]


def _direction(session: Session, dialect: str, f: ClaimFilter, _: Any) -> ColumnElement[bool]:
    """from/to (see _direction_terms)."""
    return or_(*_direction_terms(session, dialect, f))


def _direction_terms(session: Session, dialect: str, f: ClaimFilter) -> list[ColumnElement[bool]]:
    """from/to: the giving side is the supplier, or the agent of an event whose agent does
    not receive; the receiving side is the recipient, or the agent of a receiving event
    (ACQUIRE). A claim with something given in exchange moves goods both ways, so it also
    matches with the sides swapped.

    Written as an OR of conjunctions that each test one indexed role column (not nested
    ORs), so both planners answer it from the role indexes instead of reading every claim."""
    receives = ClaimRow.event.in_(sorted(agent_receives()))
    gives = ClaimRow.event.not_in(sorted(agent_receives()))
    supplier = literal_column(json_role(dialect, "supplier", "id"), String)
    exchange = literal_column(json_role(dialect, "in_exchange_for", "text"), String).is_not(None)
    agent, recipient = ClaimRow.agent_id, ClaimRow.recipient_id

    Side = list[tuple[str, list[ColumnElement[bool]]]]  # (which column, its conditions)

    def giver(ids: list[str]) -> Side:
        return [("supplier", [supplier.in_(ids)]), ("agent", [agent.in_(ids), gives])]

    def taker(ids: list[str]) -> Side:
        return [("recipient", [recipient.in_(ids)]), ("agent", [agent.in_(ids), receives])]

    def pairs(a: Side | None, b: Side | None, extra: list[ColumnElement[bool]]) -> list[Any]:
        left: Side = a if a is not None else [("", [])]
        right: Side = b if b is not None else [("", [])]
        return [
            and_(*x, *y, *extra)
            for kx, x in left
            for ky, y in right
            if (x or y) and not kx == ky == "agent"  # an agent cannot both give and receive
        ]

    src = entity_ids(session=session, name=f.from_) if f.from_ else None
    dst = entity_ids(session=session, name=f.to) if f.to else None
    forward = pairs(
        giver(src) if src is not None else None, taker(dst) if dst is not None else None, []
    )
    backward = pairs(
        taker(src) if src is not None else None,
        giver(dst) if dst is not None else None,
        [exchange],
    )
    return [*forward, *backward]


def _text_terms(session: Session, dialect: str, f: ClaimFilter, _: Any) -> ColumnElement[bool]:
    """q: every term (a word or "quoted phrase") inside the object's or the evidence's text,
    case-insensitive."""
    obj = literal_column(json_role(dialect, "object", "text"), String)
    evidence = literal_column(json_role(dialect, "evidence", "text"), String)
    conds = []
    for term in f.terms():
        pattern = "%" + re.sub(r"([\\%_])", r"\\\1", term) + "%"
        if not re.search(r'["\\\x00-\x1f]', term):  # spelled the same inside the JSON text
            conds.append(ClaimRow.data.ilike(pattern, escape="\\"))  # a prefilter: no JSON parse
        conds.append(or_(obj.ilike(pattern, escape="\\"), evidence.ilike(pattern, escape="\\")))
    return and_(*conds)


_Builder = Callable[[Session, str, ClaimFilter, Any], ColumnElement[bool]]
# One builder per filter of store/filters.FILTERS (entity and role are built above).
_CONDITIONS: dict[str, _Builder] = {
    "event": lambda _s, _d, f, _v: ClaimRow.event.in_(f.values("event")),
    "modality": lambda _s, _d, f, _v: ClaimRow.modality.in_(f.values("modality")),
    "article_id": lambda _s, _d, _f, v: ClaimRow.article_id == v,
    "source": lambda _s, _d, _f, v: func.lower(ClaimRow.source_name) == v.casefold(),
    "place": lambda _s, _d, _f, v: func.lower(ClaimRow.place_name) == v.casefold(),
    # ISO values compare as strings at any granularity ("2023-07" >= "2023")
    "since": lambda _s, _d, _f, v: ClaimRow.time_value >= v,
    "until": lambda _s, _d, _f, v: ClaimRow.time_value <= v + "\uffff",
    "near": lambda _s, _d, _f, v: and_(
        ClaimRow.lat.between(v.bbox()[0], v.bbox()[1]),
        ClaimRow.lon.between(v.bbox()[2], v.bbox()[3]),
    ),
    "from": _direction,
    # from and to make one condition (a pair of sides); `to` alone builds it when from is unset
    "to": lambda s, d, f, v: _direction(s, d, f, v) if f.from_ is None else true(),
    "q": _text_terms,
    "cluster": lambda _s, _d, _f, v: ClaimRow.pk.in_(
        select(ClusterMemberRow.claim_pk).where(ClusterMemberRow.cluster_id == v)
    ),
}


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
    located: bool = False,
) -> list[dict[str, Any]]:
    """Claims with their JSON record + article_id (+ pk, for cursors).

    order "newest": newest article first, then text order; "pk": storage order (stable cursors
    with `after_pk`). `filters` (a validated ClaimFilter) adds the full filter set. `located`:
    only claims with stored coordinates (maps skip the others; filtering in SQL saves decoding).
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
    ids = entity_ids(session=session, name=f.entity) if f.entity else []
    extra: list[ColumnElement[bool]] = []
    if mentioning:  # any role or source naming this entity id (prefilter; callers check roles)
        extra.append(ClaimRow.data.contains(json.dumps(mentioning)))
    if located:
        extra += [ClaimRow.lat.is_not(None), ClaimRow.lon.is_not(None)]
    if after_pk is not None:
        extra.append(ClaimRow.pk > after_pk)
    q = q.where(*claim_conditions(session, f, actor_ids=ids), *extra)
    if order == "pk" and limit is not None and f.near is None:
        dialect = session.get_bind().dialect.name
        # every row passes one of these terms, each an indexed walk (a direction pair is the
        # narrower when both are given); the walks leave out the condition the terms imply
        terms: list[ColumnElement[bool]] = []
        if f.from_ or f.to:
            terms = _direction_terms(session, dialect, f)
            rest = dataclasses.replace(f, from_=None, to=None)
        elif ids:
            terms = [c == eid for c in role_columns(dialect, f.values("role")) for eid in ids]
            rest = dataclasses.replace(f, entity=None, role=None)
        if terms:
            walk = select(ClaimRow.pk).where(
                *claim_conditions(session, rest, actor_ids=ids), *extra
            )
            q = q.where(ClaimRow.pk.in_(_first_pks(session, walk, terms, limit)))
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
    if limit is not None and f.near is None:  # near drops rows in Python: no SQL limit then
        q = q.limit(limit)
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


def _first_pks(
    session: Session, walk: Select[Any], terms: list[ColumnElement[bool]], limit: int
) -> list[int]:
    """The `limit` smallest pks among the rows of `walk` (a pk query with the other filters)
    that pass one of `terms` (each an indexed equality: a role column = an entity id, or a
    direction pair).

    `agent_id IN … OR recipient_id IN … ORDER BY pk` makes SQLite collect and sort every claim
    of a frequent entity (thousands) to return one page. One query per term walks that term's
    index in pk order (SQLite indexes end with the rowid) and stops after `limit` rows; the
    union of those short lists holds the page's pks.
    """
    parts = [walk.where(term).order_by(ClaimRow.pk).limit(limit).subquery() for term in terms]
    if len(parts) == 1:
        pks = set(session.scalars(select(parts[0].c.pk)))
    else:  # one round trip (8 role columns for an entity filter: 30 -> ~10 ms on PostgreSQL)
        pks = set(session.scalars(union_all(*(select(p.c.pk) for p in parts))))
    return sorted(pks)[:limit]


def entity_ids(*, session: Session, name: str) -> list[str]:
    """Entity ids whose canonical name, alias or id equals `name` (case-insensitive, by
    Unicode case folding).

    One indexed equality on entity_names (kept with the entities), not a LIKE over every
    entity's aliases JSON plus a decode of each candidate: 5-9 ms -> well under 1 ms per
    entity-filtered request at 100k claims.
    """
    return list(
        session.scalars(
            select(EntityNameRow.entity_id)
            .where(EntityNameRow.name_key == name.casefold())
            .order_by(EntityNameRow.entity_id)
        )
    )


# ---------------------------------------------------------------- clusters


def clusters_sharing(
    *, session: Session, entity_ids: set[str]
) -> list[tuple[str, int, dict[str, Any]]]:
    """(cluster id, claim pk, claim record) of the clustered claims naming one of these entities
    as agent or recipient, or with an unnamed giver ("?->"), by cluster then pk: the clusters a
    new claim could join (analyze.kb.assign_clusters)."""
    q = (
        select(ClusterMemberRow.cluster_id, ClaimRow.pk, ClaimRow.data)
        .join(ClaimRow, ClaimRow.pk == ClusterMemberRow.claim_pk)
        .where(
            ClaimRow.agent_id.in_(entity_ids)
            | ClaimRow.recipient_id.in_(entity_ids)
            | ClaimRow.data.contains("?->")
        )
        .order_by(ClusterMemberRow.cluster_id, ClaimRow.pk)
    )
    return [(cid, pk, {**json.loads(data), "pk": pk}) for cid, pk, data in session.execute(q)]


def add_cluster_members(*, session: Session, assignment: dict[int, str]) -> None:
    """Store claim pk → cluster id (a write: cached exports of the clusters table are stale)."""
    for pk, cid in assignment.items():
        session.add(ClusterMemberRow(claim_pk=pk, cluster_id=cid))
    session.flush()
    if assignment:
        graph_index.bump_generation(session)


def cluster_membership(*, session: Session) -> dict[int, str]:
    """Every clustered claim's pk → its cluster id."""
    rows = session.execute(select(ClusterMemberRow.claim_pk, ClusterMemberRow.cluster_id)).all()
    return {pk: cid for pk, cid in rows}


def clustered_pks(session: Session, pks: list[int]) -> set[int]:
    """Which of these claim pks already have a cluster (one IN query per 500 pks)."""
    out: set[int] = set()
    for i in range(0, len(pks), 500):
        out.update(
            session.scalars(
                select(ClusterMemberRow.claim_pk).where(
                    ClusterMemberRow.claim_pk.in_(pks[i : i + 500])
                )
            )
        )
    return out


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


def entity_record(*, session: Session, name: str) -> dict[str, Any]:
    """The entity with this id, name or alias (NotFound otherwise): id, name, type, aliases,
    country."""
    ids = entity_ids(session=session, name=name)
    if not ids:
        raise NotFound(
            f"no entity named {name!r} (try an alias, or `claimgraph claims --json` to see names)"
        )
    row = session.get(EntityRow, ids[0])
    return {
        "id": row.id,
        "name": row.name,
        "type": row.type,
        "aliases": json.loads(row.aliases),
        "country": row.country,
    }


# JSON members a profile reads from each claim (build_profile uses nothing else).
_PROFILE_PATHS = (
    ("time", "value"),
    *((role, key) for role in ACTOR_ROLES for key in ("id", "name")),
    ("source", "entity_id"),
    ("source", "country_entity_id"),
    ("source", "name"),
    ("location", "name"),
    ("location", "mention"),
)
# Roles only the JSON holds; each has an expression index (see json_role) so the profile
# finds its claims without reading the table.
_JSON_ROLES = (
    ("supplier", "id"),
    ("assisted_by", "id"),
    ("source", "entity_id"),
    ("source", "country_entity_id"),
)


def json_role(dialect: str, obj: str, key: str) -> str:
    """SQL text of one JSON member of claims.data, spelled exactly as its expression index
    (SQLite: json_extract(data, '$.supplier.id'); PostgreSQL: ((data)::jsonb -> 'supplier'
    ->> 'id')) so the planners use the index."""
    if dialect == "postgresql":
        return f"((claims.data)::jsonb -> '{obj}' ->> '{key}')"
    return f"json_extract(claims.data, '$.{obj}.{key}')"


def _role_conditions(dialect: str) -> dict[str, str]:
    """SQL condition per profile role (build_profile's ROLES + "source"), each indexed."""
    j = {(o, k): json_role(dialect, o, k) for o, k in _JSON_ROLES}
    return {
        "agent": "claims.agent_id = :eid",
        "recipient": "claims.recipient_id = :eid",
        "supplier": f"{j['supplier', 'id']} = :eid",
        "assisted_by": f"{j['assisted_by', 'id']} = :eid",
        "source": f"({j['source', 'entity_id']} = :eid OR {j['source', 'country_entity_id']} = :eid)",
    }


def _limit(n: int | None) -> str:
    return "" if n is None else f" LIMIT {int(n)}"


def capped_profile(
    session: Session, entity: dict[str, Any], timeline_limit: int | None, linked_limit: int | None
) -> dict[str, Any]:
    """build_profile's answer with long lists cut, computed by one SQL statement.

    Equal to the full profile except: timeline and each claims[role] hold their first
    `timeline_limit` entries, linked_entities its first `linked_limit` (same order and ties as
    build_profile: Counter.most_common keeps first-seen order, hence the min(pk) keys). The
    claims of the entity are read once (m: indexed lookups, PostgreSQL parses each JSON record
    once in m0); sorting, counting and limiting happen in the database, so only a few hundred
    short rows reach Python whatever the entity's size.
    """
    dialect = session.get_bind().dialect.name
    roles = _role_conditions(dialect)
    cond = " OR ".join(roles.values())
    collate = ' COLLATE "C"' if dialect == "postgresql" else ""  # Python's code-point order
    if dialect == "postgresql":
        base = (
            "m0 AS MATERIALIZED (SELECT pk, id, article_id, event, modality, time_value, "
            "place_name, source_name, agent_id, recipient_id, data::jsonb AS j "
            f"FROM claims WHERE {cond}), "
        )
        src = "m0"
    else:
        base, src = "", f"claims WHERE {cond}"

    def member(o: str, k: str) -> str:
        if dialect == "postgresql":
            return f"(j -> '{o}' ->> '{k}')"
        return f"json_extract(data, '$.{o}.{k}')"

    names = {"a": "agent", "r": "recipient", "s": "supplier", "h": "assisted_by"}
    cols = ", ".join(
        [
            "pk, id, article_id, event, modality, time_value",
            "place_name AS pl, source_name AS so, agent_id AS a_id, recipient_id AS r_id",
            f"{member('supplier', 'id')} AS s_id, {member('assisted_by', 'id')} AS h_id",
            f"{member('source', 'entity_id')} AS se",
            f"{member('source', 'country_entity_id')} AS sc",
        ]
        + [f"{member(o, 'name')} AS {x}_n" for x, o in names.items()]
    )
    links = " UNION ALL ".join(
        f"SELECT {x}_id AS id, coalesce(nullif({x}_n, ''), {x}_id) AS name, pk * 4 + {i} AS ord "
        f"FROM m WHERE {x}_id <> '' AND {x}_id <> :eid"
        for i, x in enumerate(names)
    )
    in_role = {
        **{o: f"{x}_id = :eid" for x, o in names.items()},
        "source": "(se = :eid OR sc = :eid)",
    }
    order = f"time_value IS NULL, time_value{collate}, id{collate}, pk"
    # one result, rows tagged by kind: (kind, a, b, c, d, x, y, z)
    parts = [
        # linked entities: a=id b=name x=count y=first seen
        # (typed NULLs: PostgreSQL takes each column's type from the first SELECT)
        "SELECT 'l', id, name, CAST(NULL AS TEXT), CAST(NULL AS TEXT), n, first, "
        "CAST(NULL AS BIGINT) FROM "
        f"(SELECT id, name, n, first FROM lg ORDER BY n DESC, first{_limit(linked_limit)}) x",
        # places and sources: a=name x=count y=first seen
        "SELECT 'p', pl, NULL, NULL, NULL, count(*), min(pk), NULL FROM m WHERE pl <> '' "
        "GROUP BY pl",
        "SELECT 's', so, NULL, NULL, NULL, count(*), min(pk), NULL FROM m WHERE so <> '' "
        "GROUP BY so",
        # x=claims z=linked entities, in all
        "SELECT 'n', NULL, NULL, NULL, NULL, count(*), NULL, (SELECT count(*) FROM lg) FROM m",
        # timeline: a=time b=event c=claim id d=modality x=article y=position
        "SELECT 't', time_value, event, id, modality, article_id, pos, NULL FROM "
        f"(SELECT time_value, event, id, modality, article_id, row_number() OVER (ORDER BY "
        f"{order}) AS pos FROM m ORDER BY {order}{_limit(timeline_limit)}) t",
    ]
    for i, (r, c) in enumerate(in_role.items()):
        # claims by role: a=role x=how many; then a=role b=claim id y=pk for the first ones
        parts.append(f"SELECT 'r', '{r}', NULL, NULL, NULL, count(*), NULL, NULL FROM m WHERE {c}")
        parts.append(
            f"SELECT 'c', '{r}', id, NULL, NULL, NULL, pk, NULL FROM "
            f"(SELECT id, pk FROM m WHERE {c} ORDER BY pk{_limit(timeline_limit)}) c{i}"
        )
    sql = (
        f"WITH {base}m AS MATERIALIZED (SELECT {cols} FROM {src}), l AS ({links}), "
        "lg AS (SELECT id, name, count(*) AS n, min(ord) AS first FROM l GROUP BY id, name) "
        + " UNION ALL ".join(parts)
    )
    linked: list[tuple[int, int, str, str]] = []
    places: list[tuple[int, int, str]] = []
    sources: list[tuple[int, int, str]] = []
    timeline: list[tuple[int, dict[str, Any]]] = []
    by_role: dict[str, list[tuple[int, str]]] = {r: [] for r in roles}
    claims_total: dict[str, int] = dict.fromkeys(roles, 0)
    n_claims = linked_total = 0
    for kind, a, b, c, d, x, y, z in session.execute(text(sql), {"eid": entity["id"]}):
        if kind == "l":
            linked.append((-x, y, a, b))
        elif kind == "p":
            places.append((-x, y, a))
        elif kind == "s":
            sources.append((-x, y, a))
        elif kind == "n":
            n_claims, linked_total = x, z
        elif kind == "t":
            timeline.append(
                (y, {"time": a, "event": b, "claim_id": c, "article_id": x, "modality": d})
            )
        elif kind == "r":
            claims_total[a] = x
        else:
            by_role[a].append((y, b))
    return {
        **entity,
        "claims": {r: [cid for _, cid in sorted(v)] for r, v in by_role.items()},
        "n_claims": n_claims,
        "places": [{"name": k, "count": -n} for n, _, k in sorted(places)],
        "timeline": [t for _, t in sorted(timeline, key=lambda p: p[0])],
        "linked_entities": [{"id": i, "name": nm, "count": -n} for n, _, i, nm in sorted(linked)],
        "sources": [{"name": k, "count": -n} for n, _, k in sorted(sources)],
        "timeline_total": n_claims,
        "linked_total": linked_total,
        "claims_total": claims_total,
    }


def profile_claims(session: Session, eid: str) -> list[dict[str, Any]]:
    """Every claim naming `eid` in a role (agent, recipient, supplier, assisted_by) or as its
    source (entity or country), storage order, reduced to the members build_profile reads.

    Indexed lookups replace a LIKE scan of every claim's JSON, and the database extracts the
    14 members it needs, so Python decodes one short array per claim, not the whole record.
    """
    dialect = session.get_bind().dialect.name
    cond = " OR ".join(
        ["claims.agent_id = :eid", "claims.recipient_id = :eid"]
        + [f"{json_role(dialect, o, k)} = :eid" for o, k in _JSON_ROLES]
    )
    if dialect == "postgresql":
        members = ", ".join(f"j #>> '{{{o},{k}}}'" for o, k in _PROFILE_PATHS)
        sql = (
            "WITH m AS MATERIALIZED (SELECT pk, id, article_id, event, modality, "
            f"data::jsonb AS j FROM claims WHERE {cond}) "
            f"SELECT id, article_id, event, modality, jsonb_build_array({members})::text "
            "FROM m ORDER BY pk"
        )
    else:
        members = ", ".join(f"'$.{o}.{k}'" for o, k in _PROFILE_PATHS)
        sql = (
            f"SELECT id, article_id, event, modality, json_extract(data, {members}) "
            f"FROM claims WHERE {cond} ORDER BY pk"
        )
    out: list[dict[str, Any]] = []
    for cid, aid, event, modality, packed in session.execute(text(sql), {"eid": eid}):
        v = dict(zip(_PROFILE_PATHS, json.loads(packed), strict=True))
        c: dict[str, Any] = {
            "id": cid,
            "article_id": aid,
            "event": event,
            "modality": modality,
            "time": {"value": v["time", "value"]},
            "location": {"name": v["location", "name"], "mention": v["location", "mention"]},
            "source": {
                "entity_id": v["source", "entity_id"],
                "country_entity_id": v["source", "country_entity_id"],
                "name": v["source", "name"],
            },
        }
        for role in ACTOR_ROLES:
            c[role] = {"id": v[role, "id"], "name": v[role, "name"]}
        out.append(c)
    return out


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
