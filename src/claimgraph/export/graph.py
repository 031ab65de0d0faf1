"""Actor networks as GraphML or GEXF (Gephi, Cytoscape, yEd, networkx).

Nodes are the entities that act in claims (agent, recipient, supplier, assisted_by) and, for
claims with no recipient, the place where the agent acted. Edges aggregate claims per ordered
pair: weight = number of claims, the event types, the roles that made the edge and the first
and last claim time. Aggregates grow with the number of entity pairs, not with claims.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import networkx as nx
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.export import ACTOR_ROLES, Claim, ExportResult, iter_claims, name_of, resolved
from claimgraph.extract.records import slug
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import EntityRow

_DATE = re.compile(r"^\d{4}")


@dataclass
class _Edge:
    weight: int = 0
    events: Counter[str] = field(default_factory=Counter)
    roles: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None

    def add(self, event: str, role: str, time: str | None) -> None:
        self.weight += 1
        self.events[event] += 1
        self.roles.add(role)
        if time and _DATE.match(time):
            self.first = min(self.first or time, time)
            self.last = max(self.last or time, time)


@dataclass
class _Builder:
    """Bounded aggregates: node id → attributes, (src, dst) → edge totals."""

    session: Session
    places: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    claims_per_node: Counter[str] = field(default_factory=Counter)
    edges: dict[tuple[str, str], _Edge] = field(default_factory=dict)
    _entity_exists: dict[str, bool] = field(default_factory=dict)

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

    def add(self, c: Claim) -> None:
        ids = {r: self.actor(c[r]) for r in ACTOR_ROLES if c.get(r)}
        loc = c.get("location") or {}
        if "agent" in ids and "recipient" not in ids and (loc.get("name") or loc.get("mention")):
            ids["location"] = self.place(loc)
        for nid in set(ids.values()):
            self.claims_per_node[nid] += 1
        time = (c.get("time") or {}).get("value")
        agent = ids.get("agent")
        pairs: list[tuple[str, str, str]] = []
        if agent:
            target = ids.get("recipient") or ids.get("location")
            if target:
                pairs.append((agent, target, "recipient" if "recipient" in ids else "location"))
            for helper in ("supplier", "assisted_by"):
                if helper in ids:
                    pairs.append((ids[helper], agent, helper))
        for src, dst, role in pairs:
            if src != dst:
                self.edges.setdefault((src, dst), _Edge()).add(c["event"], role, time)

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
        """Canonical name, type and country from the entity table, 500 ids per query."""
        ids = sorted(k for k, v in self.actors.items() if v.get("resolved"))
        for i in range(0, len(ids), 500):
            q = select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.country).where(
                EntityRow.id.in_(ids[i : i + 500])
            )
            for eid, name, type_, country in self.session.execute(q):
                self.actors[eid].update(name=name, type=type_, country=country)
        for attrs in self.actors.values():
            attrs.pop("resolved", None)


def build_graph(session: Session, filters: ClaimFilter | None) -> nx.DiGraph:
    b = _Builder(session)
    for c, _ in iter_claims(session, filters):
        b.add(c)
    return b.graph()


def write_graphml(session: Session, filters: ClaimFilter | None, out: BinaryIO) -> ExportResult:
    g = build_graph(session, filters)
    nx.write_graphml_xml(g, out, encoding="utf-8", prettyprint=True)
    return _result("graphml", g)


def write_gexf(session: Session, filters: ClaimFilter | None, out: BinaryIO) -> ExportResult:
    """GEXF 1.2; networkx stamps today's date in <meta>, which is dropped to keep output stable."""
    from networkx.readwrite.gexf import GEXFWriter

    g = build_graph(session, filters)
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
