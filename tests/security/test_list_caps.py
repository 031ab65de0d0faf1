"""Finding 11 (lists): every list endpoint answers a bounded page and says how to get the next;
/api/contradictions on a store with a giant cluster no longer builds every pair (1.27 GB in 53 s
in the issue's run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.analyze import contradictions as contra
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo_claims
from claimgraph.store.models import EntityRow
from claimgraph.web.paging import MAX_OFFSET, offset_page

HUGE = 10**9


def _claim(pk: int) -> dict:
    return {
        "pk": pk,
        "id": f"{pk:016x}",
        "article_id": 1,
        "event": "ATTACK",
        "modality": "denied" if pk % 2 else "asserted",
        "polarity": "positive",
        "source": {"name": f"source {pk}"},
        "evidence": {"text": "x" * 200},
        "quantity": None,
    }


@pytest.fixture
def giant_cluster(monkeypatch):
    """One cluster of 4,000 claims, half denying what the other half asserts: 4 million
    disputing pairs. Counts how many pairs the endpoint made."""
    made = {"pairs": 0}
    real = contra.iter_contradictions

    def counting(clusters, **kw):
        for pair in real(clusters, **kw):
            made["pairs"] += 1
            yield pair

    monkeypatch.setattr(
        repo_claims, "cluster_claims", lambda session: {"c1": [_claim(i) for i in range(4000)]}
    )
    monkeypatch.setattr("claimgraph.web.api.contradictions.iter_contradictions", counting)
    return made


def test_contradictions_of_a_giant_cluster_come_a_page_at_a_time(client, giant_cluster):
    r = client.get("/api/contradictions")
    assert r.status_code == 200
    body = r.json()
    assert len(body["items"]) == 500 and body["next_offset"] == 500
    assert body["total"] is None  # unknown without making every pair
    assert giant_cluster["pairs"] <= 501  # not 4 million
    assert len(r.content) < 1_000_000
    nxt = client.get("/api/contradictions", params={"offset": body["next_offset"], "limit": 50})
    assert nxt.status_code == 200 and len(nxt.json()["items"]) == 50
    first_ids = {(p["a"]["id"], p["b"]["id"]) for p in body["items"]}
    assert not first_ids & {(p["a"]["id"], p["b"]["id"]) for p in nxt.json()["items"]}


@pytest.mark.parametrize(
    ("params", "field"), [({"limit": HUGE}, "limit"), ({"offset": MAX_OFFSET + 1}, "offset")]
)
def test_contradiction_paging_refuses_unbounded_requests(client, params, field):
    r = client.get("/api/contradictions", params=params)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", field]


def test_contradictions_say_their_total_once_a_page_reaches_the_end(client, monkeypatch):
    clusters = {"c1": [_claim(i) for i in range(40)]}
    monkeypatch.setattr(repo_claims, "cluster_claims", lambda session: clusters)
    n = len(list(contra.iter_contradictions(clusters)))
    assert n > 20
    first = client.get("/api/contradictions", params={"limit": 10}).json()
    assert first["total"] is None and first["next_offset"] == 10
    last = client.get("/api/contradictions", params={"offset": n - 5, "limit": 10}).json()
    assert len(last["items"]) == 5 and last["total"] == n and last["next_offset"] is None
    past = client.get("/api/contradictions", params={"offset": n + 100}).json()
    assert past["items"] == [] and past["total"] == n


def test_empty_store_has_no_next_page(client):
    assert client.get("/api/contradictions").json() == {
        "items": [],
        "next_offset": None,
        "total": 0,
    }


def test_entities_are_paged(client, store):
    with store.session() as s:
        for i in range(620):
            s.add(EntityRow(id=f"ORG:e{i:04d}", name=f"Org {i:04d}", type="ORG", aliases="[]"))
    first = client.get("/api/entities", params={"limit": HUGE}).json()
    assert len(first["items"]) == 500 and first["next_offset"] == 500  # capped, with a way on
    rest = client.get("/api/entities", params={"limit": HUGE, "offset": 500}).json()
    assert len(rest["items"]) == 120 and rest["next_offset"] is None
    seen = [e["id"] for e in first["items"] + rest["items"]]
    assert len(set(seen)) == 620


def test_search_is_paged(client, db_path, tmp_path: Path):
    src = tmp_path / "many.jsonl"
    src.write_text(
        "".join(
            json.dumps(
                {
                    "url": f"https://news.example/{i}",
                    "title": f"Harbour story {i}",
                    "text": f"The harbour board met on day {i} to discuss the ferry timetable "
                    f"number {i * 7}, officials said.",
                }
            )
            + "\n"
            for i in range(30)
        )
    )
    from claimgraph.store.db import open_store

    store = open_store(db_path)
    try:
        list(ingest_sources([str(src)], store))
    finally:
        store.close()
    page = client.get("/api/search", params={"q": "harbour", "limit": 20}).json()
    assert len(page["items"]) == 20 and page["next_offset"] == 20
    more = client.get("/api/search", params={"q": "harbour", "limit": 20, "offset": 20}).json()
    assert len(more["items"]) == 10 and more["next_offset"] is None
    assert {h["id"] for h in page["items"]}.isdisjoint({h["id"] for h in more["items"]})


LIST_ROUTES = [
    "/api/articles",
    "/api/claims",
    "/api/clusters",
    "/api/contradictions",
    "/api/entities",
    "/api/map",
    "/api/timeline",
    "/api/graph",
]


def test_every_list_route_declares_a_bounded_limit(client):
    """Each list route has a `limit`; asking for a billion is capped or refused, never served."""
    spec = client.get("/openapi.json").json()
    for path in LIST_ROUTES:
        params = {p["name"]: p for p in spec["paths"][path]["get"].get("parameters", [])}
        assert "limit" in params, f"{path} has no limit"
        r = client.get(path, params={"limit": HUGE})
        assert r.status_code in (200, 422), (path, r.status_code)
    search = client.get("/api/search", params={"q": "x", "limit": HUGE})
    assert search.status_code == 200


def test_offset_page_reads_no_further_than_it_needs():
    taken = []

    def numbers():
        for i in range(10**9):
            taken.append(i)
            yield i

    items, nxt = offset_page(numbers(), 30, 10)
    assert items == list(range(30, 40)) and nxt == 40 and len(taken) == 41


def test_a_giant_cluster_lists_a_bounded_number_of_claims(client, monkeypatch):
    rows = [
        {
            "id": f"c{i}",
            "event": "ATTACK",
            "n_claims": 5000 if i == 0 else 2,
            "independent_sources": [],
            "claims": [_claim(k) for k in range(5000 if i == 0 else 2)],
        }
        for i in range(700)
    ]
    monkeypatch.setattr("claimgraph.analyze.kb.list_clusters", lambda **kw: rows)
    body = client.get("/api/clusters").json()
    assert len(body["items"]) == 500 and body["next_offset"] == 500
    assert body["items"][0]["n_claims"] == 5000 and len(body["items"][0]["claims"]) == 200
    assert body["total"] == 700
    small = client.get("/api/clusters", params={"offset": 500, "claims_limit": 1}).json()
    assert len(small["items"]) == 200 and small["next_offset"] is None
    assert all(len(c["claims"]) == 1 for c in small["items"])
