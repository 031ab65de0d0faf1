"""The whole store's actor network, kept current on write, so /api/graph reads a few hundred
rows instead of every claim (4.8 s at 100k claims when built per request).

Each article's claims contribute node and edge counts (`graph_article_nodes`/`_edges`); the
store-wide sums live in `graph_nodes`/`graph_edges`. The one writer of claims
(`repo_claims.save_extraction`, and `repo_articles.delete_article`) calls `on_write`, which
swaps the article's contributions and re-sums only the nodes and edges they touch: sums can be
subtracted, and the first/last times and first-seen names are recomputed from the per-article
rows of the touched keys. `rebuild` fills the tables from the claims (migration 0011, bench
stores grown by direct inserts).

What a claim adds is what `export.graph.build_graph` adds for it (nodes: the entity of each
actor role, else `actor:<slug>`; for an agent acting on no recipient, the place; edges agent →
recipient or place, supplier/helper → agent); tests/test_store/test_graph_index.py keeps the
two equal after ingest, corrections and re-extraction. A place becomes the GPE entity's node
when one of that name is stored, so storing a new GPE re-derives the articles that named it as
a place.

`is_noise` is the network's filter of names that are not actors, shared with the GraphML
export and the network page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    case,
    delete,
    func,
    insert,
    literal,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.orm import Session

from claimgraph.extract.records import slug
from claimgraph.record import ACTOR_ROLES
from claimgraph.store.models import (
    ArticleStatsRow,
    ClaimRow,
    EntityRow,
    GraphArticleEdgeRow,
    GraphArticleNodeRow,
    GraphEdgeRow,
    GraphNodeRow,
)

_DATE = re.compile(r"^\d{4}")
_MONTHS = re.compile(
    r"^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?"
    r"|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)$",
    re.IGNORECASE,
)
# pronouns and quantifiers that open a phrase, not a name ("The Hague", "All India Radio" stay)
_DETERMINERS = re.compile(
    r"^(he|she|it|they|we|you|i|him|her|his|hers|its|their|theirs|our|ours|my|your|this|that"
    r"|these|those|other|others|another|some|many|several|both)\b",
    re.IGNORECASE,
)
BATCH = 500


def is_noise(name: str | None, type_: str | None) -> bool:
    """A node name that is no actor: a pronoun or quantifier phrase ("her friends", "other
    countries"), a month or weekday ("May"), or a lowercase generic noun ("officials": no
    capital or digit anywhere). Places are never noise. The network page applies the same
    rule (static/graph.js)."""
    if type_ == "PLACE":
        return False
    s = (name or "").strip()
    if not s or _MONTHS.match(s) or _DETERMINERS.match(s):
        return True
    return not any(ch.isupper() or ch.isnumeric() for ch in s)


def _name_of(role: dict[str, Any] | None) -> str | None:
    """Display name of a role filler, as export.name_of (the store cannot import export)."""
    if not role:
        return None
    return role.get("name") or role.get("text") or role.get("mention") or None


# ---------------------------------------------------------------- one article's share


@dataclass
class _Node:
    n: int
    ord: int
    name: str
    type: str
    country: str | None = None
    gpe: str | None = None


@dataclass
class ArticleGraph:
    """One article's contribution: node id → _Node, (src, dst, event, role) → [n, first, last]."""

    nodes: dict[str, _Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str, str], list[Any]] = field(default_factory=dict)


def _place_name(c: dict[str, Any]) -> str:
    loc = c.get("location") or {}
    return loc.get("name") or loc.get("mention") or ""


def article_graph(claims: list[dict[str, Any]], gpes: set[str]) -> ArticleGraph:
    """What these claims (storage order) add to the network; `gpes`: the stored GPE entity ids
    among their place names' `gpe:<slug>` (a place of that name is the entity's node)."""
    out = ArticleGraph()
    for i, c in enumerate(claims):
        ids: dict[str, str] = {}
        for k, role in enumerate(ACTOR_ROLES):
            r = c.get(role)
            if not r:
                continue
            nid = r.get("id") or f"actor:{slug(_name_of(r) or '')}"
            ids[role] = nid
            if nid not in out.nodes:
                out.nodes[nid] = _Node(0, i * 8 + k, _name_of(r) or nid, r.get("type") or "UNKNOWN")
        name = _place_name(c)
        if "agent" in ids and "recipient" not in ids and name:
            loc = c.get("location") or {}
            gpe = f"gpe:{slug(name)}"
            if gpe in gpes:
                nid, node = gpe, _Node(0, i * 8 + 7, name, "GPE")
            else:
                geo = loc.get("geonameid")
                nid = f"place:{geo}" if geo else f"place:{slug(name)}"
                node = _Node(0, i * 8 + 7, name, "PLACE", loc.get("country"), gpe)
            ids["location"] = nid
            out.nodes.setdefault(nid, node)
        for nid in set(ids.values()):
            out.nodes[nid].n += 1
        pairs = edge_pairs(ids)
        if not pairs:
            continue
        time = (c.get("time") or {}).get("value")
        dated = time if time and _DATE.match(time) else None
        for src, dst, role in pairs:
            if src == dst:
                continue
            e = out.edges.setdefault((src, dst, c["event"], role), [0, None, None])
            e[0] += 1
            if dated:
                e[1] = min(e[1] or dated, dated)
                e[2] = max(e[2] or dated, dated)
    return out


def edge_pairs(ids: dict[str, str]) -> list[tuple[str, str, str]]:
    """The network's edges of one claim, from its role → node ids: agent → recipient (else the
    place it acted in), and supplier / assisted_by → agent; (source, target, role). One rule
    for the stored network and the exports."""
    agent = ids.get("agent")
    if not agent:
        return []
    pairs: list[tuple[str, str, str]] = []
    target = ids.get("recipient") or ids.get("location")
    if target:
        pairs.append((agent, target, "recipient" if "recipient" in ids else "location"))
    for helper in ("supplier", "assisted_by"):
        if helper in ids:
            pairs.append((ids[helper], agent, helper))
    return pairs


def _stored_gpes(session: Session, claims: Iterable[dict[str, Any]]) -> set[str]:
    wanted = sorted({f"gpe:{slug(n)}" for c in claims if (n := _place_name(c))})
    out: set[str] = set()
    for i in range(0, len(wanted), BATCH):
        out.update(
            session.scalars(select(EntityRow.id).where(EntityRow.id.in_(wanted[i : i + BATCH])))
        )
    return out


# ---------------------------------------------------------------- keeping it current


@dataclass
class Touched:
    """Node ids and (src, dst) pairs whose sums must be recomputed."""

    nodes: set[str] = field(default_factory=set)
    edges: set[tuple[str, str]] = field(default_factory=set)

    def update(self, other: Touched) -> None:
        self.nodes |= other.nodes
        self.edges |= other.edges


def _remove(session: Session, article_id: int) -> Touched:
    """Drop an article's contributions; the keys they touched."""
    t = Touched()
    t.nodes.update(
        session.scalars(
            select(GraphArticleNodeRow.node_id).where(GraphArticleNodeRow.article_id == article_id)
        )
    )
    t.edges.update(
        (s, d)
        for s, d in session.execute(
            select(GraphArticleEdgeRow.src, GraphArticleEdgeRow.dst)
            .where(GraphArticleEdgeRow.article_id == article_id)
            .distinct()
        )
    )
    if t.nodes:
        session.execute(
            delete(GraphArticleNodeRow).where(GraphArticleNodeRow.article_id == article_id)
        )
    if t.edges:
        session.execute(
            delete(GraphArticleEdgeRow).where(GraphArticleEdgeRow.article_id == article_id)
        )
    return t


def _next_seq(session: Session) -> int:
    return (session.scalar(select(func.max(GraphArticleNodeRow.seq))) or 0) + 1


def _rows(
    article_id: int, g: ArticleGraph, seq: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The graph_article_nodes and graph_article_edges rows of an article's share."""
    nodes = [
        {
            "article_id": article_id,
            "node_id": nid,
            "n": v.n,
            "seq": seq,
            "ord": v.ord,
            "name": v.name,
            "type": v.type,
            "country": v.country,
            "gpe": v.gpe,
        }
        for nid, v in g.nodes.items()
    ]
    edges = [
        {
            "article_id": article_id,
            "src": s,
            "dst": d,
            "event": ev,
            "role": role,
            "n": n,
            "first_time": first,
            "last_time": last,
        }
        for (s, d, ev, role), (n, first, last) in g.edges.items()
    ]
    return nodes, edges


def _add(session: Session, article_id: int, g: ArticleGraph, seq: int) -> Touched:
    """Store an article's contributions (written as write number `seq`); the keys touched."""
    nodes, edges = _rows(article_id, g, seq)
    if nodes:
        session.execute(insert(GraphArticleNodeRow), nodes)
    if edges:
        session.execute(insert(GraphArticleEdgeRow), edges)
    return Touched(set(g.nodes), {(s, d) for s, d, _, _ in g.edges})


def on_write(
    session: Session,
    article_id: int,
    claims: list[dict[str, Any]] | None,
    new_entities: Iterable[str] = (),
) -> None:
    """Swap the article's share of the network for that of `claims` (None: the article is
    being deleted), re-derive articles whose places became a newly stored GPE entity, refresh
    the sums they touch and count one more write (see `generation`)."""
    touched = _remove(session, article_id)
    if claims:
        g = article_graph(claims, _stored_gpes(session, claims))
        touched.update(_add(session, article_id, g, _next_seq(session)))
    _write_stats(session, article_id, claims)
    new = sorted(set(new_entities))
    if new:
        touched.nodes.update(new)  # a node named only by its first claim gets the entity's name
        gpes = [e for e in new if e.startswith("gpe:")]
        for aid in _articles_naming_places(session, gpes, article_id):
            touched.update(_rederive(session, aid))
    _refresh(session, touched)
    bump_generation(session)


def _is_dated(value: str | None) -> bool:
    """A calendar time value (starts with a digit), as repo_views.timeline_claims selects."""
    return bool(value) and "0" <= value <= "9\uffff"  # type: ignore[operator]


def _write_stats(session: Session, article_id: int, claims: list[dict[str, Any]] | None) -> None:
    session.execute(delete(ArticleStatsRow).where(ArticleStatsRow.article_id == article_id))
    if claims is None:
        return
    located = 0
    for c in claims:
        loc = c.get("location") or {}
        located += loc.get("lat") is not None and loc.get("lon") is not None
    session.execute(
        insert(ArticleStatsRow),
        [
            {
                "article_id": article_id,
                "claims": len(claims),
                "dated": sum(_is_dated((c.get("time") or {}).get("value")) for c in claims),
                "located": located,
            }
        ],
    )


def rebuild_stats(session: Session) -> None:
    """article_stats from the claims table (migration 0013, stores grown by direct inserts)."""
    session.execute(delete(ArticleStatsRow))
    dated = ClaimRow.time_value.between("0", "9\uffff")
    located = ClaimRow.lat.is_not(None) & ClaimRow.lon.is_not(None)
    one = literal(1)
    session.execute(
        insert(ArticleStatsRow).from_select(
            ["article_id", "claims", "dated", "located"],
            select(
                ClaimRow.article_id,
                func.count(),
                func.count(case((dated, one))),
                func.count(case((located, one))),
            ).group_by(ClaimRow.article_id),
        )
    )


def rebuild_all(session: Session) -> None:
    """Every table the claim writer keeps (network and article_stats) from the claims."""
    rebuild(session)
    rebuild_stats(session)


def store_counts(session: Session) -> dict[str, int]:
    """Claims, dated claims and located claims in the whole store (a sum over articles)."""
    row = session.execute(
        select(
            func.coalesce(func.sum(ArticleStatsRow.claims), 0),
            func.coalesce(func.sum(ArticleStatsRow.dated), 0),
            func.coalesce(func.sum(ArticleStatsRow.located), 0),
        )
    ).one()
    return {"claims": int(row[0]), "dated": int(row[1]), "located": int(row[2])}


def _articles_naming_places(session: Session, gpes: list[str], but: int) -> list[int]:
    out: set[int] = set()
    for i in range(0, len(gpes), BATCH):
        out.update(
            session.scalars(
                select(GraphArticleNodeRow.article_id).where(
                    GraphArticleNodeRow.gpe.in_(gpes[i : i + BATCH]),
                    GraphArticleNodeRow.article_id != but,
                )
            )
        )
    return sorted(out)


def _rederive(session: Session, article_id: int) -> Touched:
    """Recompute a stored article's share from its stored claims, keeping its write number."""
    seq = session.scalar(
        select(func.min(GraphArticleNodeRow.seq)).where(
            GraphArticleNodeRow.article_id == article_id
        )
    )
    from claimgraph.store.bulkload import pending_claims

    claims = [
        json.loads(d)
        for d in session.scalars(
            select(ClaimRow.data).where(ClaimRow.article_id == article_id).order_by(ClaimRow.pk)
        )
    ]
    claims += [json.loads(r["data"]) for r in pending_claims(session, article_id)]  # bulk load
    t = _remove(session, article_id)
    g = article_graph(claims, _stored_gpes(session, claims))
    t.update(_add(session, article_id, g, seq or _next_seq(session)))
    return t


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), BATCH):
        yield items[i : i + BATCH]


def _refresh(session: Session, touched: Touched) -> None:
    """Re-sum the touched nodes, then edges, then mark the edges at touched nodes that end
    in a noise node (every touched edge's ends are touched nodes)."""
    nodes = sorted(touched.nodes)
    for part in _chunks(nodes):
        _refresh_nodes(session, part)
    for part in _chunks(sorted(touched.edges)):
        _refresh_edges(session, part)
    noisy = select(GraphNodeRow.id).where(GraphNodeRow.noise.is_(True))
    flag = GraphEdgeRow.src.in_(noisy) | GraphEdgeRow.dst.in_(noisy)
    for part in _chunks(nodes):
        session.execute(
            update(GraphEdgeRow)
            .where(GraphEdgeRow.src.in_(part) | GraphEdgeRow.dst.in_(part))
            .values(noise=flag)
        )


def _refresh_nodes(session: Session, ids: list[str]) -> None:
    """Re-sum these nodes; name/type/country from the entity table, else from the first
    claim (write order, then claim and role) that named the node."""
    an = GraphArticleNodeRow
    sums = dict(
        session.execute(
            select(an.node_id, func.sum(an.n)).where(an.node_id.in_(ids)).group_by(an.node_id)
        ).all()
    )
    attrs: dict[str, tuple[str, str, str | None]] = {
        eid: (name, type_, country)
        for eid, name, type_, country in session.execute(
            select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.country).where(
                EntityRow.id.in_([i for i in ids if sums.get(i)])
            )
        )
    }
    missing = [i for i in ids if sums.get(i) and i not in attrs]
    if missing:
        first = (
            select(
                an.node_id,
                an.name,
                an.type,
                an.country,
                func.row_number()
                .over(partition_by=an.node_id, order_by=(an.seq, an.ord))
                .label("k"),
            )
            .where(an.node_id.in_(missing))
            .subquery()
        )
        for nid, name, type_, country, _ in session.execute(select(first).where(first.c.k == 1)):
            attrs[nid] = (name, type_, country)
    session.execute(delete(GraphNodeRow).where(GraphNodeRow.id.in_(ids)))
    rows = [
        {
            "id": nid,
            "name": attrs[nid][0],
            "type": attrs[nid][1],
            "country": attrs[nid][2],
            "claims": int(sums[nid]),
            "noise": is_noise(attrs[nid][0], attrs[nid][1]),
        }
        for nid in ids
        if sums.get(nid) and nid in attrs
    ]
    if rows:
        session.execute(insert(GraphNodeRow), rows)


def _refresh_edges(session: Session, pairs: list[tuple[str, str]]) -> None:
    """Re-sum these (src, dst) edges from the per-article rows."""
    ae = GraphArticleEdgeRow
    pg = session.get_bind().dialect.name == "postgresql"
    first: Any = ae.first_time
    last: Any = ae.last_time
    if pg:  # times compare as Python compares strings
        first, last = ae.first_time.collate("C"), ae.last_time.collate("C")
    q = (
        select(ae.src, ae.dst, ae.event, ae.role, func.sum(ae.n), func.min(first), func.max(last))
        .where(tuple_(ae.src, ae.dst).in_(pairs))
        .group_by(ae.src, ae.dst, ae.event, ae.role)
    )
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for s, d, event, role, n, lo, hi in session.execute(q):
        e = edges.setdefault(
            (s, d), {"weight": 0, "events": {}, "roles": set(), "first": None, "last": None}
        )
        e["weight"] += int(n)
        e["events"][event] = e["events"].get(event, 0) + int(n)
        e["roles"].add(role)
        if lo and hi:
            e["first"] = min(e["first"] or lo, lo)
            e["last"] = max(e["last"] or hi, hi)
    session.execute(
        delete(GraphEdgeRow).where(tuple_(GraphEdgeRow.src, GraphEdgeRow.dst).in_(pairs))
    )
    rows = [
        {
            "src": s,
            "dst": d,
            "weight": e["weight"],
            "event_counts": ",".join(f"{k}:{v}" for k, v in sorted(e["events"].items())),
            "roles": ",".join(sorted(e["roles"])),
            "first_time": e["first"],
            "last_time": e["last"],
            "noise": False,  # set by _refresh
        }
        for (s, d), e in sorted(edges.items())
        if e["weight"] > 0
    ]
    if rows:
        session.execute(insert(GraphEdgeRow), rows)


def rebuild(session: Session) -> None:
    """Fill the network tables from every stored claim (after the migration that adds them, or
    for stores grown by direct inserts): one pass over the claims, article by article in the
    order their claims were stored."""
    for model in (GraphEdgeRow, GraphNodeRow, GraphArticleEdgeRow, GraphArticleNodeRow):
        session.execute(delete(model))
    order = session.execute(
        select(ClaimRow.article_id).group_by(ClaimRow.article_id).order_by(func.min(ClaimRow.pk))
    ).scalars()
    seq_of = {aid: i + 1 for i, aid in enumerate(order)}
    gpes = {eid for eid in session.scalars(select(EntityRow.id).where(EntityRow.id.like("gpe:%")))}
    touched = Touched()
    current: int | None = None
    batch: list[dict[str, Any]] = []
    node_rows: list[dict[str, Any]] = []
    edge_rows: list[dict[str, Any]] = []

    def flush(final: bool = False) -> None:
        if current is not None and batch:
            g = article_graph(batch, gpes)
            nodes, edges = _rows(current, g, seq_of[current])
            node_rows.extend(nodes)
            edge_rows.extend(edges)
            touched.nodes.update(g.nodes)
            touched.edges.update((s, d) for s, d, _, _ in g.edges)
        if final or len(node_rows) + len(edge_rows) >= 5000:  # few round trips
            if node_rows:
                session.execute(insert(GraphArticleNodeRow), node_rows)
            if edge_rows:
                session.execute(insert(GraphArticleEdgeRow), edge_rows)
            node_rows.clear()
            edge_rows.clear()

    q = select(ClaimRow.article_id, ClaimRow.data).order_by(ClaimRow.article_id, ClaimRow.pk)
    for aid, data in session.execute(q.execution_options(yield_per=2000)):
        if aid != current:
            flush()
            current, batch = aid, []
        batch.append(json.loads(data))
    flush(final=True)
    _refresh(session, touched)
    bump_generation(session)


# ---------------------------------------------------------------- reads


def network(session: Session, limit: int) -> dict[str, Any]:
    """The unfiltered network as /api/graph gives it: the `limit` nodes with most claims
    (ties by id) that are not noise, the edges between them, and the totals without noise."""
    pg = session.get_bind().dialect.name == "postgresql"
    nid = GraphNodeRow.id.collate("C") if pg else GraphNodeRow.id
    nodes = [
        {"id": i, "name": name, "type": type_, "claims": n, "country": country}
        for i, name, type_, n, country in session.execute(
            select(
                GraphNodeRow.id,
                GraphNodeRow.name,
                GraphNodeRow.type,
                GraphNodeRow.claims,
                GraphNodeRow.country,
            )
            .where(GraphNodeRow.noise.is_(False))
            .order_by(GraphNodeRow.claims.desc(), nid)
            .limit(limit)
        )
    ]
    keep = [n["id"] for n in nodes]
    edges = []
    for part in _chunks(keep):
        edges += [
            {
                "source": s,
                "target": d,
                "weight": w,
                "events": {k: int(v) for k, v in (p.split(":") for p in ev.split(",") if p)},
                "roles": roles.split(","),
                "first_time": lo,
                "last_time": hi,
            }
            for s, d, w, ev, roles, lo, hi in session.execute(
                select(
                    GraphEdgeRow.src,
                    GraphEdgeRow.dst,
                    GraphEdgeRow.weight,
                    GraphEdgeRow.event_counts,
                    GraphEdgeRow.roles,
                    GraphEdgeRow.first_time,
                    GraphEdgeRow.last_time,
                ).where(GraphEdgeRow.src.in_(part), GraphEdgeRow.dst.in_(keep))
            )
        ]
    edges.sort(key=lambda e: (e["source"], e["target"]))
    nodes_total = session.scalar(
        select(func.count()).select_from(GraphNodeRow).where(GraphNodeRow.noise.is_(False))
    )
    edges_total = session.scalar(
        select(func.count()).select_from(GraphEdgeRow).where(GraphEdgeRow.noise.is_(False))
    )
    return {
        "nodes": nodes,
        "edges": edges,
        "nodes_total": nodes_total or 0,
        "edges_total": edges_total or 0,
    }


# ---------------------------------------------------------------- write generation

_GENERATION = "write_generation"


def bump_generation(session: Session) -> None:
    """Count one more write of claims: caches of whole answers (the export endpoint's) are
    keyed on this number, read from the database so every server process sees it."""
    session.execute(
        text(
            "INSERT INTO app_settings (name, value, created_at) VALUES (:n, '1', :now) "
            "ON CONFLICT (name) DO UPDATE SET "
            "value = CAST(CAST(app_settings.value AS INTEGER) + 1 AS VARCHAR(32))"
        ),
        {"n": _GENERATION, "now": datetime.now(UTC)},
    )


def generation(session: Session) -> str:
    """The current write generation ("0" before the first write)."""
    from claimgraph.store.models import AppSettingRow

    value = session.scalar(select(AppSettingRow.value).where(AppSettingRow.name == _GENERATION))
    return value or "0"
