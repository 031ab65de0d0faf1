"""The map, timeline and network data behind the workbench pages, and the pages themselves."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from sqlalchemy import update

from claimgraph.store import graph_index
from claimgraph.store.db import open_store
from claimgraph.store.models import ClaimRow, EntityRow

PLACES = {  # the seed's towns, as the gazetteer names them, with rough coordinates
    "Yelabuga": (55.76, 52.06),
    "Dushanbe": (38.54, 68.78),
    "Homyel'": (52.43, 30.98),  # "Gomel" in the text
}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dl = math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def test_map_data_is_geojson_with_a_point_per_place(client) -> None:
    r = client.get("/api/map")
    assert r.status_code == 200
    data = r.json()
    assert data["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    for name, where in PLACES.items():
        lon, lat = by_name[name]["geometry"]["coordinates"]
        assert _km((lat, lon), where) < 30, name
    assert sum(f["properties"]["claims"] for f in data["features"]) == data["claims_placed"]
    assert 0 < data["claims_placed"] <= data["claims_matched"]
    counts = [f["properties"]["claims"] for f in data["features"]]
    assert counts == sorted(counts, reverse=True)


def test_map_data_takes_the_claim_filters(client) -> None:
    only = client.get("/api/map", params={"event": "OPEN_FACILITY"}).json()
    assert [f["properties"]["name"] for f in only["features"]] == ["Dushanbe"]
    assert only["features"][0]["properties"]["events"] == {"OPEN_FACILITY": 1}
    near = client.get("/api/map", params={"near": "55.76,52.06,50"}).json()
    assert [f["properties"]["name"] for f in near["features"]] == ["Yelabuga"]
    capped = client.get("/api/map", params={"limit": 1}).json()
    assert len(capped["features"]) == 1 and capped["places_total"] >= 3
    bad = client.get("/api/map", params={"since": "last week"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["query", "since"]


def test_timeline_draws_each_claim_over_its_named_interval(client) -> None:
    data = client.get("/api/timeline").json()
    assert data["shown"] == len(data["items"]) > 0
    grains = {it["granularity"] for it in data["items"]}
    assert {"month", "day"} <= grains
    for it in data["items"]:
        if it["granularity"] == "month":
            assert it["start"] == it["value"] + "-01"
            assert it["end"] > it["start"] and it["end"].endswith("-01")
        if it["granularity"] == "day":
            assert it["start"] == it["value"][:10]
    starts = [it["start"] for it in data["items"]]
    assert starts == sorted(starts)  # oldest first, as values sort
    dushanbe = client.get("/api/timeline", params={"event": "OPEN_FACILITY"}).json()["items"]
    assert [(i["value"], i["start"], i["end"]) for i in dushanbe] == [
        ("2022-05", "2022-05-01", "2022-06-01")
    ]
    every = [i["value"] for i in data["items"]]
    newest = client.get("/api/timeline", params={"limit": 2}).json()
    oldest = client.get("/api/timeline", params={"limit": 2, "keep": "oldest"}).json()
    assert [i["value"] for i in newest["items"]] == every[-2:]
    assert [i["value"] for i in oldest["items"]] == every[:2]
    assert newest["claims_with_time"] == data["claims_with_time"] and newest["kept"] == "newest"


def test_graph_links_entities_by_typed_weighted_claims(client) -> None:
    data = client.get("/api/graph").json()
    ids = {n["id"] for n in data["nodes"]}
    assert {"gpe:iran", "gpe:russia"} <= ids
    edge = next(
        e for e in data["edges"] if (e["source"], e["target"]) == ("gpe:russia", "gpe:iran")
    )
    assert edge["weight"] == sum(edge["events"].values()) >= 1
    assert "SUPPLY" in edge["events"]
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    supply = client.get("/api/graph", params={"event": "SUPPLY"}).json()
    assert {k for e in supply["edges"] for k in e["events"]} == {"SUPPLY"}
    top = client.get("/api/graph", params={"limit": 2}).json()
    assert len(top["nodes"]) == 2 and top["nodes_total"] >= len(data["nodes"])
    assert top["nodes"][0]["claims"] >= top["nodes"][1]["claims"]


@pytest.mark.parametrize("path", ["/map", "/timeline", "/graph"])
def test_pages_carry_filters_to_their_data_and_load_nothing_from_elsewhere(client, path) -> None:
    html = client.get(path, params={"event": "SUPPLY", "since": "2023"}).text
    assert f'data-api="/api{path}?event=SUPPLY&amp;since=2023' in html
    assert 'href="/claims?event=SUPPLY&amp;since=2023"' in html  # the same selection as a table
    for src in [*_attrs(html, "src"), *_attrs(html, "href")]:
        assert not src.startswith(("http:", "https:", "//")), src
    assert '<a href="/map">Map</a>' in client.get("/").text


def _attrs(html: str, name: str) -> list[str]:
    import re

    return re.findall(rf'{name}="([^"]*)"', html)


def test_claim_card_shows_place_map_time_granularity_and_cluster(client) -> None:
    html = client.get("/articles/1").text
    assert 'class="minimap" data-lat="38.5' in html  # Dushanbe's card
    assert "(month)" in html and "from the dateline" in html


def test_hostile_names_stay_data(db_copy: Path, client) -> None:
    """Entity and place names are untrusted: the JSON carries them verbatim, pages never
    print them as markup (the scripts insert them with textContent; see the browser test)."""
    # a capital letter, so the network's noise rule (no capital or digit: a generic noun)
    # does not hide it
    evil = '<img src=x onerror="window.__xss=1"> Iran'
    store = open_store(str(db_copy))
    with store.session() as s:
        s.execute(update(EntityRow).where(EntityRow.id == "gpe:iran").values(name=evil))
        row = s.query(ClaimRow).filter(ClaimRow.place_name == "Dushanbe").one()
        data = json.loads(row.data)
        data["location"]["name"] = evil
        row.data, row.place_name = json.dumps(data), evil
        # the edit bypasses the claim writer, which keeps the network tables current
        graph_index.rebuild(s)
    store.close()
    names = [f["properties"]["name"] for f in client.get("/api/map").json()["features"]]
    assert evil in names
    assert evil in {n["name"] for n in client.get("/api/graph").json()["nodes"]}
    for path in ("/map", "/graph", "/timeline", "/articles/1", "/entities/gpe:iran"):
        assert "<img src=x" not in client.get(path).text, path
