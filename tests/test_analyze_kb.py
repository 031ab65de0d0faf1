"""Corroboration and contradiction across articles: the seed plus our own fixture articles
about the same facilities and deals (tests/fixtures/kb/, written for these tests)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.analyze import kb as analyses
from claimgraph.cli import app
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo
from tests.conftest import FIXTURES

runner = CliRunner()


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    from tests.conftest import SEED, need_seed

    need_seed()
    from claimgraph.store.db import open_store

    db = tmp_path_factory.mktemp("kb") / "kb.db"
    store = open_store(str(db))
    outcomes = list(ingest_sources([str(SEED), str(FIXTURES / "kb")], store, extract=True))
    yield store, outcomes, str(db)
    store.close()


def test_reprint_is_not_a_new_story(kb):
    _, outcomes, _ = kb
    statuses = sorted(o.status for o in outcomes)
    assert statuses == ["exact", "new", "new", "new", "new"]


def test_yelabuga_cluster_sources(kb):
    store, _, _ = kb
    with store.session() as s:
        rows = analyses.list_clusters(session=s)
    yelabuga = [
        r
        for r in rows
        if any("Yelabuga" in (p or "") for p in r["places"]) and r["event"] == "BUILD_FACILITY"
    ]
    assert len(yelabuga) == 1
    cl = yelabuga[0]
    assert "Yelabuga" in cl["label"]
    # the White House wire and its reprint are one origin; the Post and ISW are others
    assert cl["independent_sources"] == [
        "Institute for the Study of War",
        "United States",
        "Washington Post",
    ]
    assert cl["n_articles"] == 3
    assert all({"id", "article_id"} <= set(c) for c in cl["claims"])


def test_su35_contradiction(kb):
    store, _, _ = kb
    with store.session() as s:
        rows = analyses.list_contradictions(session=s)
    pairs = [
        (r["a"]["modality"], r["b"]["modality"])
        for r in rows
        if "Su-35" in (r["a"]["evidence"] or "")
    ]
    assert ("suggested", "doubted") in pairs
    assert any("denied" in p for p in pairs)


def test_cli_clusters_and_contradictions_json(kb):
    _, _, db = kb
    rows = json.loads(runner.invoke(app, ["clusters", "--db", db, "--json"]).stdout)
    assert rows and all(
        {"id", "claims", "independent_sources", "first_seen", "last_seen", "strongest_modality"}
        <= set(r)
        for r in rows
    )
    con = json.loads(runner.invoke(app, ["contradictions", "--db", db, "--json"]).stdout)
    assert con and all(set(r) >= {"cluster_id", "kinds", "a", "b"} for r in con)


def test_entity_profile_by_alias(kb):
    _, _, db = kb
    res = runner.invoke(app, ["entity", "Russian Federation", "--db", db, "--json"])
    prof = json.loads(res.stdout)
    assert prof["name"] == "Russia" and "Russian Federation" in prof["aliases"]
    assert {e["name"] for e in prof["linked_entities"]} >= {"Iran"}
    assert prof["n_claims"] >= 10 and prof["timeline"]
    missing = runner.invoke(app, ["entity", "Atlantis", "--db", db])
    assert missing.exit_code == 1 and "no entity named" in missing.stderr


def test_claims_filters_cli(kb):
    _, _, db = kb
    every = json.loads(runner.invoke(app, ["claims", "--db", db, "--json"]).stdout)
    near = json.loads(
        runner.invoke(app, ["claims", "--db", db, "--near", "55.75,52.05,50", "--json"]).stdout
    )
    assert (
        near and len(near) < len(every) and all(c["location"]["name"] == "Yelabuga" for c in near)
    )
    since = json.loads(
        runner.invoke(app, ["claims", "--db", db, "--since", "2023-08", "--json"]).stdout
    )
    assert since and all(c["time"]["value"] >= "2023-08" for c in since)
    src = json.loads(
        runner.invoke(app, ["claims", "--db", db, "--source", "Washington Post", "--json"]).stdout
    )
    assert src and all(c["source"]["name"] == "Washington Post" for c in src)
    bad = runner.invoke(app, ["claims", "--db", db, "--since", "2024", "--until", "2023"])
    assert bad.exit_code == 2 and "since" in bad.stderr
    bad = runner.invoke(app, ["claims", "--db", db, "--modality", "rumoured"])
    assert bad.exit_code == 2 and "modality" in bad.stderr


def test_incremental_and_stable(kb, tmp_path):
    """Re-running over the same inputs in a new store gives the same clusters."""
    store, _, _ = kb
    from claimgraph.store.db import open_store
    from tests.conftest import SEED

    other = open_store(str(tmp_path / "again.db"))
    list(ingest_sources([str(SEED), str(FIXTURES / "kb")], other, extract=True))
    with store.session() as s, other.session() as t:
        a = [(r["id"], r["independent_sources"]) for r in analyses.list_clusters(session=s)]
        b = [(r["id"], r["independent_sources"]) for r in analyses.list_clusters(session=t)]
    assert a == b
    other.close()


def _profile_reference(session, name):
    """The profile as computed before the SQL rewrite: every claim decoded, roles checked in
    Python (pins build_profile's input set and order)."""
    from claimgraph.analyze.profiles import ROLES, build_profile
    from claimgraph.store.models import EntityRow
    from claimgraph.store.repo_claims import entity_ids, list_claims

    row = session.get(EntityRow, entity_ids(session=session, name=name)[0])
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
        if any((c.get(r) or {}).get("id") == row.id for r in ROLES)
        or (c.get("source") or {}).get("entity_id") == row.id
        or (c.get("source") or {}).get("country_entity_id") == row.id
    ]
    return build_profile(entity, claims)


def test_entity_profile_matches_full_decode(kb):
    """The indexed, column-reading profile equals the decode-everything one, entity by entity."""
    store, _, _ = kb
    with store.session() as s:
        ents = repo.list_entities(session=s)
        assert ents
        for e in ents:
            assert analyses.entity_profile(session=s, name=e["id"]) == _profile_reference(
                s, e["id"]
            )


def test_capped_entity_profile_is_a_prefix_of_the_full_one(kb):
    """With limits, timeline/claims lists hold the full profile's first N entries and
    linked_entities its first K; every other field, and the totals, are unchanged."""
    store, _, _ = kb
    with store.session() as s:
        ents = repo.list_entities(session=s)
        for e in ents:
            full = analyses.entity_profile(session=s, name=e["id"])
            assert full["timeline_total"] == len(full["timeline"]) == full["n_claims"]
            assert full["linked_total"] == len(full["linked_entities"])
            assert full["claims_total"] == {r: len(v) for r, v in full["claims"].items()}
            for n, k in ((0, 0), (1, 2), (3, 1), (10**6, 10**6)):
                capped = analyses.entity_profile(
                    session=s, name=e["id"], timeline_limit=n, linked_limit=k
                )
                assert capped == {
                    **full,
                    "timeline": full["timeline"][:n],
                    "claims": {r: ids[:n] for r, ids in full["claims"].items()},
                    "linked_entities": full["linked_entities"][:k],
                }, (e["id"], n, k)


def _named(c: dict) -> set:
    """Entity ids a claim names in any role: actors, source (or its country), object."""
    src = c.get("source") or {}
    return {
        *((c.get(r) or {}).get("id") for r in ("agent", "recipient", "supplier", "assisted_by")),
        src.get("entity_id"),
        src.get("country_entity_id"),
        *((c.get(k) or {}).get("entity_id") for k in ("object", "in_exchange_for")),
    }


def test_entity_claim_pages_match_python_filter(kb):
    """Entity-filtered pages (per-actor keyset lookups) equal filtering every claim."""
    from claimgraph.store.filters import ClaimFilter

    store, _, _ = kb
    with store.session() as s:
        every = repo.list_claims(session=s, order="pk")
        for e in repo.list_entities(session=s):
            ids = set(repo.entity_ids(session=s, name=e["name"]))
            want = [c["pk"] for c in every if ids & _named(c)]
            f = ClaimFilter.parse(entity=e["name"])
            for size in (1, 2, 5):
                got, after = [], None
                while True:
                    page = repo.list_claims(
                        session=s, filters=f, order="pk", after_pk=after, limit=size
                    )
                    got += [c["pk"] for c in page]
                    if len(page) < size:
                        break
                    after = page[-1]["pk"]
                assert got == want, (e["name"], size)
