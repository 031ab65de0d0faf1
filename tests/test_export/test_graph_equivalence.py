"""build_graph reads counted rows (id columns + a few JSON members) instead of every claim's
JSON; these tests keep it equal, node for node and byte for byte, to the claim-by-claim
builder it replaced, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.export import ACTOR_ROLES, iter_claims, name_of, resolved
from claimgraph.export.graph import build_graph
from claimgraph.extract.records import slug
from claimgraph.store import repo
from claimgraph.store.db import Store
from claimgraph.store.filters import ClaimFilter, Near
from claimgraph.store.models import EntityRow

# ---------------------------------------------------------------- the reference: old algorithm

_DATE = re.compile(r"^\d{4}")


@dataclass
class _RefEdge:
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
class _RefBuilder:
    """build_graph as it was: every matching claim decoded and added one at a time."""

    session: Session
    places: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    claims_per_node: Counter[str] = field(default_factory=Counter)
    edges: dict[tuple[str, str], _RefEdge] = field(default_factory=dict)

    def actor(self, role: dict[str, Any]) -> str:
        nid = role.get("id") or f"actor:{slug(name_of(role) or '')}"
        if nid not in self.actors:
            self.actors[nid] = {
                "name": name_of(role) or nid,
                "type": role.get("type") or "UNKNOWN",
                "resolved": bool(role.get("id")),
            }
        return nid

    def place(self, loc: dict[str, Any]) -> str:
        name = loc.get("name") or loc.get("mention") or ""
        gpe = f"gpe:{slug(name)}"
        if self.session.get(EntityRow, gpe) is not None:
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

    def add(self, c: dict[str, Any]) -> None:
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
                self.edges.setdefault((src, dst), _RefEdge()).add(c["event"], role, time)

    def graph(self) -> nx.DiGraph:
        for eid in sorted(k for k, v in self.actors.items() if v.get("resolved")):
            row = self.session.get(EntityRow, eid)
            if row is not None:
                self.actors[eid].update(name=row.name, type=row.type, country=row.country)
        for attrs in self.actors.values():
            attrs.pop("resolved", None)
        g = nx.DiGraph()
        nodes = {**self.actors, **self.places}
        for nid in sorted(nodes):
            attrs = {k: v for k, v in nodes[nid].items() if v is not None}
            g.add_node(nid, **attrs, claims=self.claims_per_node[nid])
        for (src, dst), e in sorted(self.edges.items()):
            eattrs: dict[str, Any] = {
                "weight": e.weight,
                "events": ",".join(sorted(e.events)),
                "event_counts": ",".join(f"{k}:{v}" for k, v in sorted(e.events.items())),
                "roles": ",".join(sorted(e.roles)),
            }
            if e.first:
                eattrs["first_time"], eattrs["last_time"] = e.first, e.last
            g.add_edge(src, dst, **eattrs)
        return g


def reference_graph(session: Session, filters: ClaimFilter | None) -> nx.DiGraph:
    b = _RefBuilder(session)
    for c, _ in iter_claims(session, filters):
        b.add(c)
    return b.graph()


# ---------------------------------------------------------------- a store with every case


def _ent(eid: str, name: str, type_: str, country: str | None = None) -> dict[str, Any]:
    return {"id": eid, "name": name, "type": type_, "aliases": [], "country": country}


ENTITIES = [
    _ent("gpe:norway", "Norway", "GPE", "NO"),
    _ent("gpe:ghana", "Ghana", "GPE", "GH"),
    _ent("gpe:iran", "Iran", "GPE", "IR"),
    _ent("gpe:belarus", "Belarus", "GPE", "BY"),
    _ent("org:acme", "Acme Shipyards", "ORG"),
]
NORWAY = {"id": "gpe:norway", "name": "Norway", "type": "GPE", "text": "Norwegian"}
GHANA = {"id": "gpe:ghana", "name": "Ghana", "type": "GPE", "text": "Ghana"}
IRAN = {"id": "gpe:iran", "name": "Iran", "type": "GPE", "text": "Tehran"}
ACME = {"id": "org:acme", "name": "Acme", "type": "ORG", "text": "Acme"}
# resolved ids with no entity row: their names come from the first claim and role naming them
GHOST = {"id": "org:ghost", "name": "Ghost Corp", "type": "ORG", "text": "Ghost"}
GHOST_LATER = {"id": "org:ghost", "name": "Ghost Corporation", "type": "COMPANY"}
SHADE = {"id": "org:shade", "text": "Shade Ltd"}
KREMLIN = {"text": "the Kremlin", "type": "ORG"}
KREMLIN_2 = {"text": "The Kremlin!", "type": "GOV"}  # same slug, later: the first name stays
TEMA = {
    "mention": "Tema",
    "name": "Tema",
    "kind": "city",
    "country": "GH",
    "lat": 5.670010000000001,  # 16 digits: a lossy extraction would change the GraphML
    "lon": -0.0123456789012345,
    "geonameid": 2294700,
}


def _claim(i: int, event: str, time: str | None, **roles: Any) -> dict[str, Any]:
    loc = roles.pop("location", None)
    c = {
        "id": f"c{i:04d}",
        "event": event,
        "polarity": "positive",
        "modality": "reported",
        "agent": None,
        "recipient": None,
        "supplier": None,
        "assisted_by": None,
        "object": {"text": "boats", "entity_id": None},
        "location": {"start": i, "end": i + 4, **loc} if loc else None,
        "time": {"value": time} if time is not None else None,
        "source": {"name": "wire", "type": "PUBLISHER", "chain": ["wire"]},
        "evidence": {"start": 0, "end": 10, "text": f"evidence {i} " * 5},
    }
    c.update(roles)
    return c


def _claims() -> list[dict[str, Any]]:
    cases: list[tuple[str, str | None, dict[str, Any]]] = [
        ("SUPPLY", "2023-05-01", {"agent": NORWAY, "recipient": GHANA}),
        ("SUPPLY", "2024", {"agent": NORWAY, "recipient": GHANA}),
        ("SUPPLY", "P2Y", {"agent": NORWAY, "recipient": GHANA}),
        ("SUPPLY", None, {"agent": NORWAY, "recipient": GHANA, "location": TEMA}),
        ("SUPPLY", "2023-07", {"agent": GHOST, "recipient": GHANA, "supplier": ACME}),
        ("SUPPLY", "2023-08-02", {"agent": NORWAY, "recipient": GHANA, "supplier": GHOST_LATER}),
        ("SUPPLY", "2023-09", {"agent": NORWAY, "recipient": KREMLIN, "assisted_by": SHADE}),
        ("SUPPLY", "PRESENT_REF", {"agent": SHADE, "recipient": NORWAY}),
        ("BUILD_FACILITY", "2023-08-02", {"agent": IRAN, "location": {"name": "Belarus"}}),
        ("BUILD_FACILITY", "2023-06", {"agent": IRAN, "location": TEMA}),
        (
            "BUILD_FACILITY",
            "2023-06-15",
            {"agent": IRAN, "location": {**TEMA, "name": "Tema Port"}},
        ),
        ("BUILD_FACILITY", "2022", {"agent": IRAN, "location": {"mention": "Minsk Oblast"}}),
        ("BUILD_FACILITY", "2023", {"agent": IRAN, "location": {"name": "Xanadu", "lat": 1.0}}),
        ("BUILD_FACILITY", "2023", {"agent": IRAN, "location": {"name": "", "mention": ""}}),
        (
            "OPEN_FACILITY",
            "2023-11",
            {
                "agent": KREMLIN,
                "location": {"name": "Tema", "lat": 5.6, "lon": 0.1, "kind": "city"},
            },
        ),
        ("OPEN_FACILITY", "2023-12", {"agent": KREMLIN_2, "recipient": IRAN}),
        ("OPEN_FACILITY", "2023-12", {"agent": {"id": "", "text": "someone"}, "recipient": ACME}),
        (
            "SUPPLY",
            "2023-10",
            {"agent": NORWAY, "recipient": {"text": "the navy"}, "location": TEMA},
        ),
        ("SUPPLY", "2023-10", {"recipient": GHANA, "supplier": ACME}),
        ("SUPPLY", "2023-10", {"agent": NORWAY, "recipient": NORWAY}),  # no self-loops
        ("SUPPLY", "2023-10", {"agent": NORWAY, "supplier": NORWAY, "assisted_by": KREMLIN}),
        ("SUPPLY", "2023-10", {"agent": NORWAY, "recipient": GHANA, "supplier": {}}),
        ("SUPPLY", "2023-11", {"agent": ACME, "assisted_by": GHOST, "location": TEMA}),
        ("SUPPLY", "2023-11", {"location": TEMA}),
    ]
    return [_claim(i, event, time, **roles) for i, (event, time, roles) in enumerate(cases)]


def _fill(store: Store, tmp: Path) -> None:
    """The cases over three articles, repeated so rows are counted (and appear out of order)."""
    from claimgraph.pipeline import ingest_sources

    for i in range(3):
        (tmp / f"a{i}.txt").write_text(f"Report {i} on boats and factories. " * 3, "utf-8")
    list(ingest_sources([str(tmp / f"a{i}.txt") for i in range(3)], store))
    claims = _claims()
    for aid in (1, 2, 3):
        rows = [dict(c, id=f"{c['id']}-{aid}") for c in claims[aid - 1 :] + claims[: aid - 1]]
        with store.session() as s:
            repo.save_extraction(
                session=s,
                article_id=aid,
                revision=1,
                extraction={"entities": ENTITIES, "claims": rows},
                pipeline="synthetic",
            )


FILTERS = [
    None,
    ClaimFilter(event="SUPPLY"),
    ClaimFilter(event="BUILD_FACILITY"),
    ClaimFilter(since="2023-08"),
    ClaimFilter(until="2023-07"),
    ClaimFilter(since="2023-06", until="2023-10"),
    ClaimFilter(entity="Norway"),
    ClaimFilter(entity="Ghost Corp"),
    ClaimFilter(place="tema"),
    ClaimFilter(near=Near(5.67, 0.0, 50)),
    ClaimFilter(article_id=2, event="OPEN_FACILITY"),
    ClaimFilter(entity="Nobody"),
    ClaimFilter(since="2099"),
]


def _dump(g: nx.DiGraph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml_xml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_graph_equals_the_claim_by_claim_builder(store, tmp_path, flt):
    _fill(store, tmp_path)
    with store.session() as s:
        want, got = reference_graph(s, flt), build_graph(s, flt)
    assert list(got.nodes(data=True)) == list(want.nodes(data=True))
    assert list(got.edges(data=True)) == list(want.edges(data=True))
    assert _dump(got) == _dump(want)


def test_the_cases_are_covered(sqlite_store, tmp_path):
    """The store holds what the equality test is about: unresolved and table-less actors,
    helpers, places with exact coordinates, GPE places, first-seen names."""
    _fill(sqlite_store, tmp_path)
    with sqlite_store.session() as s:
        g = build_graph(s, None)
        assert s.scalar(select(EntityRow.id).where(EntityRow.id == "org:ghost")) is None
    assert g.nodes["org:ghost"] == {"name": "Ghost Corp", "type": "ORG", "claims": 9}
    assert g.nodes["org:shade"] == {"name": "Shade Ltd", "type": "UNKNOWN", "claims": 6}
    assert g.nodes["actor:the-kremlin"]["name"] == "the Kremlin"
    assert g.nodes["place:2294700"]["lat"] == 5.670010000000001
    assert g.nodes["place:2294700"]["name"] == "Tema"  # first seen, not "Tema Port"
    assert "gpe:belarus" in g and g.nodes["gpe:belarus"]["country"] == "BY"
    assert g.edges["org:acme", "org:ghost"]["roles"] == "supplier"
    assert g.edges["org:shade", "gpe:norway"]["roles"] == "assisted_by,recipient"
    assert not g.has_edge("gpe:norway", "gpe:norway")
    assert g.edges["gpe:norway", "gpe:ghana"]["weight"] == 3 * 6
