"""Actor networks as GraphML or GEXF (Gephi, Cytoscape, yEd, networkx).

Nodes are the entities that act in claims (agent, recipient, supplier, assisted_by) and, for
claims with no recipient, the place where the agent acted. Edges aggregate claims per ordered
pair: weight = number of claims, the event types, the roles that made the edge and the first
and last claim time. Aggregates grow with the number of entity pairs, not with claims.

No claim record is decoded in full: `repo_views.graph_rows` gives per claim its id columns and
only the JSON members those cannot answer, claims that give the same row are counted together,
and each distinct row is added once with its count. Node attributes follow the first claim (in
storage order) that names the node, as a claim-by-claim pass would: rows are counted in order
of first appearance, and the names of entities missing from the entity table are read from the
first claims that name them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import networkx as nx
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.export import ACTOR_ROLES, ExportResult, name_of, resolved
from claimgraph.extract.records import slug
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.graph_index import edge_pairs, is_noise
from claimgraph.store.models import EntityRow
from claimgraph.store.repo_views import claims_with_actors, graph_rows

_DATE = re.compile(r"^\d{4}")
_LOC_KEYS = ("name", "mention", "geonameid", "kind", "country", "lat", "lon")  # graph_rows order


@dataclass
class _Edge:
    weight: int = 0
    events: dict[str, int] = field(default_factory=dict)  # not Counter: slow to create
    roles: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None

    def add(self, event: str, role: str, n: int, first: str | None, last: str | None) -> None:
        """`n` claims of one event whose dated times span first..last (None: none dated)."""
        self.weight += n
        self.events[event] = self.events.get(event, 0) + n
        self.roles.add(role)
        if first and last:
            self.first = min(self.first or first, first)
            self.last = max(self.last or last, last)


@dataclass
class _Builder:
    """Bounded aggregates: node id → attributes, (src, dst) → edge totals."""

    session: Session
    filters: ClaimFilter | None = None
    places: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    claims_per_node: Counter[str] = field(default_factory=Counter)
    edges: dict[tuple[str, str], _Edge] = field(default_factory=dict)
    _entity_exists: dict[str, bool] = field(default_factory=dict)
    _shapes: dict[tuple[bool, bool, str], dict[str, str]] = field(default_factory=dict)

    def actor(self, role: dict[str, Any]) -> str:
        """Node id of a role filler: its entity id, else a stable id from its text."""
        nid = role.get("id") or f"actor:{slug(name_of(role) or '')}"
        if nid not in self.actors:
            self.actors[nid] = {
                "name": name_of(role) or nid,
                "type": role.get("type") or "UNKNOWN",
                "resolved": bool(role.get("id")),
            }
        return nid

    def place(self, loc: dict[str, Any]) -> str:
        """Node of a place; a place that is also a stored GPE entity (Belarus, Dushanbe) uses
        the entity's node so actors and places of the same country meet."""
        name = loc.get("name") or loc.get("mention") or ""
        gpe = f"gpe:{slug(name)}"
        if gpe not in self._entity_exists:
            self._entity_exists[gpe] = self.session.get(EntityRow, gpe) is not None
        if self._entity_exists[gpe]:
            self.actors.setdefault(gpe, {"name": name, "type": "GPE", "resolved": True})
            return gpe
        nid = f"place:{loc['geonameid']}" if loc.get("geonameid") else f"place:{slug(name)}"
        if nid not in self.places:
            attrs: dict[str, Any] = {"name": name, "type": "PLACE", "kind": loc.get("kind")}
            attrs["country"] = loc.get("country")
            if resolved(loc):
                attrs["lat"], attrs["lon"] = float(loc["lat"]), float(loc["lon"])
            self.places[nid] = attrs
        return nid

    def add(
        self,
        a: str | None,
        r: str | None,
        event: str,
        extra: str,
        n: int,
        first: str | None,
        last: str | None,
    ) -> None:
        """`n` claims that give the same graph_rows row (agent id, recipient id, event,
        extra), their dated times spanning first..last."""
        ids = dict(self._extra_ids(bool(a), bool(r), extra))
        if a:
            ids["agent"] = self._resolved(a)
        if r:
            ids["recipient"] = self._resolved(r)
        per_node = self.claims_per_node
        for nid in set(ids.values()):
            per_node[nid] = per_node.get(nid, 0) + n
        for src, dst, role in edge_pairs(ids):
            if src != dst:
                edge = self.edges.get((src, dst))
                if edge is None:
                    edge = self.edges[src, dst] = _Edge()
                edge.add(event, role, n, first, last)

    def _resolved(self, eid: str) -> str:
        """Node of an id column's entity; its attributes come from the entity table later."""
        if eid not in self.actors:
            self.actors[eid] = {"name": eid, "type": "UNKNOWN", "resolved": True}
        return eid

    def _extra_ids(self, a: bool, r: bool, extra: str) -> dict[str, str]:
        """Role → node of the roles a row's `extra` holds (those without an id column, and
        the location when the agent acted on no recipient). Worked out once per distinct
        value: a later call would create no node and change no attribute."""
        key = (a, r, extra)
        ids = self._shapes.get(key)
        if ids is None:
            rest = json.loads(extra)
            c = {"agent": None if a else rest.pop(0), "recipient": None if r else rest.pop(0)}
            c["supplier"], c["assisted_by"], *loc = rest
            ids = {role: self.actor(c[role]) for role in ACTOR_ROLES if c[role]}
            place = dict(zip(_LOC_KEYS, loc, strict=True)) if loc else {}
            acted = a or "agent" in ids
            if (
                acted
                and not (r or "recipient" in ids)
                and (place.get("name") or place.get("mention"))
            ):
                ids["location"] = self.place(place)
            self._shapes[key] = ids
        return ids

    def graph(self) -> nx.DiGraph:
        """The graph, nodes and edges sorted by id so output is byte-stable."""
        self._entity_attrs()
        g = nx.DiGraph()
        nodes = {**self.actors, **self.places}
        for nid in sorted(nodes):
            attrs = {k: v for k, v in nodes[nid].items() if v is not None}
            g.add_node(nid, **attrs, claims=self.claims_per_node[nid])
        for (src, dst), e in sorted(self.edges.items()):
            attrs: dict[str, Any] = {
                "weight": e.weight,
                "events": ",".join(sorted(e.events)),
                "event_counts": ",".join(f"{k}:{v}" for k, v in sorted(e.events.items())),
                "roles": ",".join(sorted(e.roles)),
            }
            if e.first:
                attrs["first_time"], attrs["last_time"] = e.first, e.last
            g.add_edge(src, dst, **attrs)
        return g

    def _entity_attrs(self) -> None:
        """Canonical name, type and country from the entity table, 500 ids per query; an id
        the table lacks keeps the name and type of its first claim (see _first_seen)."""
        ids = sorted(k for k, v in self.actors.items() if v.get("resolved"))
        missing = set(ids)
        for i in range(0, len(ids), 500):
            q = select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.country).where(
                EntityRow.id.in_(ids[i : i + 500])
            )
            for eid, name, type_, country in self.session.execute(q):
                self.actors[eid].update(name=name, type=type_, country=country)
                missing.discard(eid)
        self._first_seen(sorted(missing))
        for attrs in self.actors.values():
            attrs.pop("resolved", None)

    def _first_seen(self, ids: list[str]) -> None:
        """Name and type of resolved ids missing from the entity table, from the first claim
        and role naming each: the rows only carry such an id, not the role's text."""
        for i in range(0, len(ids), 500):
            todo = set(ids[i : i + 500])
            for c in claims_with_actors(self.session, self.filters, todo):
                for r in ACTOR_ROLES:
                    role = c.get(r)
                    if role and role.get("id") in todo:
                        todo.discard(role["id"])
                        self.actors[role["id"]].update(
                            name=name_of(role) or role["id"], type=role.get("type") or "UNKNOWN"
                        )
                if not todo:
                    break


def build_graph(session: Session, filters: ClaimFilter | None) -> nx.DiGraph:
    """The actor network of the matching claims. Equal rows of graph_rows are counted (in C,
    in order of first appearance), then each distinct (roles, location, event) is added once
    with its count and the span of its dated times."""
    groups: dict[tuple[str | None, str | None, str, str], list[Any]] = {}
    for (a, r, event, time, extra), n in Counter(graph_rows(session, filters)).items():
        g = groups.setdefault((a, r, event, extra), [0, None, None])
        g[0] += n
        if time and _DATE.match(time):
            g[1] = min(g[1] or time, time)
            g[2] = max(g[2] or time, time)
    b = _Builder(session, filters)
    for (a, r, event, extra), (n, first, last) in groups.items():
        b.add(a, r, event, extra, n, first, last)
    return b.graph()


def drop_noise(g: nx.DiGraph) -> nx.DiGraph:
    """The graph without nodes whose names are no actors (pronoun phrases, month names,
    lowercase generic nouns: store.graph_index.is_noise) and their edges: what the network
    page, /api/graph and the GraphML/GEXF exports show."""
    noise = [n for n, a in g.nodes(data=True) if is_noise(a.get("name"), a.get("type"))]
    g.remove_nodes_from(noise)
    return g


def write_graphml(session: Session, filters: ClaimFilter | None, out: BinaryIO) -> ExportResult:
    g = drop_noise(build_graph(session, filters))
    nx.write_graphml_xml(g, out, encoding="utf-8", prettyprint=True)
    return _result("graphml", g)


def write_gexf(session: Session, filters: ClaimFilter | None, out: BinaryIO) -> ExportResult:
    """GEXF 1.2; networkx stamps today's date in <meta>, which is dropped to keep output stable."""
    from networkx.readwrite.gexf import GEXFWriter

    g = drop_noise(build_graph(session, filters))
    for nid, attrs in g.nodes(data=True):  # GEXF shows `label`; the name reads better than an id
        attrs["label"] = attrs.get("name") or nid
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(g)
    writer.write(out)
    return _result("gexf", g)


def _result(fmt: str, g: nx.DiGraph) -> ExportResult:
    return ExportResult(fmt, g.number_of_edges(), f"edges ({g.number_of_nodes()} nodes)")
