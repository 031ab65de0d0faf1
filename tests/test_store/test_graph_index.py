"""The materialised actor network (store/graph_index.py) stays equal to the network built from
the claims (export.graph.build_graph) after every kind of write: ingest, a correction's new
revision, re-extraction, a GPE entity stored after places of its name, article deletion; and a
rebuild from scratch gives the same tables. Both backends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimgraph import pipeline
from claimgraph import reextract as rx
from claimgraph.export.graph import build_graph, drop_noise
from claimgraph.store import graph_index, repo
from claimgraph.store.db import Store
from claimgraph.store.models import ClaimRow, GraphEdgeRow, GraphNodeRow
from tests.test_export.test_graph_equivalence import ENTITIES, _claims, _fill
from tests.test_scale import STORIES

Snapshot = tuple[dict[str, tuple[Any, ...]], dict[tuple[str, str], tuple[Any, ...]]]


def stored(s: Session) -> Snapshot:
    """The materialised network: node id → (name, type, claims, country, noise), (src, dst) →
    (weight, event counts, roles, first time, last time)."""
    nodes = {
        r.id: (r.name, r.type, r.claims, r.country, r.noise)
        for r in s.scalars(select(GraphNodeRow))
    }
    edges = {
        (r.src, r.dst): (r.weight, r.event_counts, r.roles, r.first_time, r.last_time)
        for r in s.scalars(select(GraphEdgeRow))
    }
    return nodes, edges


def built(s: Session) -> Snapshot:
    """The same, from the claims."""
    g = build_graph(s, None)
    nodes = {
        nid: (
            a.get("name"),
            a.get("type"),
            a.get("claims"),
            a.get("country"),
            graph_index.is_noise(a.get("name"), a.get("type")),
        )
        for nid, a in g.nodes(data=True)
    }
    edges = {
        (u, v): (
            a["weight"],
            a["event_counts"],
            a["roles"],
            a.get("first_time"),
            a.get("last_time"),
        )
        for u, v, a in g.edges(data=True)
    }
    return nodes, edges


def counted(s: Session) -> dict[str, int]:
    """Store-wide counts straight from the claims table."""
    dated = ClaimRow.time_value.between("0", "9\uffff")
    located = ClaimRow.lat.is_not(None) & ClaimRow.lon.is_not(None)
    n = select(func.count()).select_from(ClaimRow)
    return {
        "claims": s.scalar(n) or 0,
        "dated": s.scalar(n.where(dated)) or 0,
        "located": s.scalar(n.where(located)) or 0,
    }


def check(store: Store) -> Snapshot:
    with store.session() as s:
        got, want = stored(s), built(s)
        assert graph_index.store_counts(s) == counted(s)
    assert got[0] == want[0]
    assert got[1] == want[1]
    assert want[0], "the store has a network to compare"
    return got


def test_kept_current_through_synthetic_writes(store: Store, tmp_path: Path) -> None:
    """Unresolved and table-less actors, helpers, places, first-seen names (the equivalence
    cases), then a revision that drops claims, a GPE stored after places of its name, and a
    deleted article."""
    _fill(store, tmp_path)
    first = check(store)
    assert first[0]["org:ghost"][:3] == ("Ghost Corp", "ORG", 9)
    assert "place:2294700" in first[0]  # Tema is a place: no GPE entity of that name yet

    claims = _claims()
    with store.session() as s:  # article 2's new revision keeps a third of its claims
        repo.save_extraction(
            session=s,
            article_id=2,
            revision=2,
            extraction={
                "entities": ENTITIES,
                "claims": [dict(c, id=f"{c['id']}-r2") for c in claims[::3]],
            },
            pipeline="synthetic",
        )
    check(store)

    tema = {"id": "gpe:tema", "name": "Tema", "type": "GPE", "aliases": [], "country": "GH"}
    ghost = {"id": "org:ghost", "name": "Ghost Holdings", "type": "ORG", "aliases": []}
    with store.session() as s:  # article 3 is re-extracted with two new entities
        repo.save_extraction(
            session=s,
            article_id=3,
            revision=1,
            extraction={"entities": [*ENTITIES, tema, ghost], "claims": claims[:5]},
            pipeline="synthetic",
        )
    after = check(store)
    assert after[0]["gpe:tema"][1] == "GPE"  # articles 1 and 2 re-derived: Tema is the GPE
    assert after[0]["org:ghost"][0] == "Ghost Holdings"  # the entity table names it now

    with store.session() as s:
        repo.delete_article(session=s, article_id=1)
    before_rebuild = check(store)
    with store.session() as s:
        graph_index.rebuild_all(s)
    assert check(store) == before_rebuild


def test_kept_current_through_ingest_correction_and_reextract(store: Store, tmp_path: Path) -> None:
    for n, (dateline, title, body) in enumerate(STORIES[:3]):
        (tmp_path / f"s{n}.txt").write_text(f"{dateline}\n\n{title}\n\n{body}\n", "utf-8")
    sources = [str(tmp_path / f"s{n}.txt") for n in range(3)]
    list(pipeline.ingest_sources(sources, store, extract=True))
    ingested = check(store)

    with store.session() as s:  # a correction: a new revision without its second half
        art = repo.get_article(session=s, article_id=1)
        text = art["text"]
        repo.add_revision(
            session=s, article_id=1, text_=text[: len(text) // 2], reason="correction"
        )
    assert pipeline.extract_stored(store, 1) is None
    corrected = check(store)
    assert corrected != ingested

    rx.reextract(store)
    assert check(store) == corrected  # same pipeline, same texts: same network

    with store.session() as s:
        gen = graph_index.generation(s)
    assert int(gen) >= 5  # every write counted


def test_api_network_drops_noise_and_ranks(store: Store, tmp_path: Path) -> None:
    """network(): nodes by claims (ties by id), no noise, edges only between shown nodes."""
    _fill(store, tmp_path)
    with store.session() as s:
        net = graph_index.network(s, limit=3)
        g = drop_noise(build_graph(s, None))
    ranked = sorted(g.nodes(data=True), key=lambda n: (-n[1]["claims"], n[0]))[:3]
    assert [n["id"] for n in net["nodes"]] == [nid for nid, _ in ranked]
    assert net["nodes_total"] == g.number_of_nodes()
    assert net["edges_total"] == g.number_of_edges()
    keep = {n["id"] for n in net["nodes"]}
    assert net["edges"] == sorted(
        (e for e in net["edges"] if e["source"] in keep and e["target"] in keep),
        key=lambda e: (e["source"], e["target"]),
    )
    assert {(e["source"], e["target"]) for e in net["edges"]} == {
        (u, v) for u, v in g.edges() if u in keep and v in keep
    }


def test_noise_names() -> None:
    for name in ("her friends", "May", "other countries", "officials", "", "They"):
        assert graph_index.is_noise(name, "PERSON"), name
    for name in ("The Hague", "Iran", "All India Radio", "G7", "Washington Post"):
        assert not graph_index.is_noise(name, "ORG"), name
    assert not graph_index.is_noise("tema port", "PLACE")


def test_kept_current_through_a_deferred_bulk_shard(store: Store, tmp_path: Path) -> None:
    """Bulk load buffers claim rows until the shard ends: a GPE stored by a later article of
    the shard re-derives an earlier one from its pending (not yet written) claims."""
    _fill(store, tmp_path)
    from claimgraph.store.bulkload import deferred_claims

    claims = _claims()
    tema = {"id": "gpe:tema", "name": "Tema", "type": "GPE", "aliases": [], "country": "GH"}
    with store.session() as s, deferred_claims(s):
        for aid, ents in ((1, ENTITIES), (2, [*ENTITIES, tema])):
            repo.save_extraction(
                session=s,
                article_id=aid,
                revision=3,
                extraction={
                    "entities": ents,
                    "claims": [dict(c, id=f"{c['id']}-b{aid}") for c in claims],
                },
                pipeline="synthetic",
            )
    got = check(store)
    assert "gpe:tema" in got[0]
