"""The HTTP API end to end: a real store (seed + one article of ours), FastAPI's TestClient."""

from __future__ import annotations

import base64
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from fastapi.routing import APIRoute
from typer.testing import CliRunner

from claimgraph.analyze import kb
from claimgraph.config import Settings
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo
from claimgraph.store.db import open_store
from claimgraph.store.filters import FILTERS as FILTER_TABLE
from claimgraph.store.filters import Near
from claimgraph.web import create_app
from claimgraph.web.api import (
    articles,
    claims,
    clusters,
    contradictions,
    corrections,
    entities,
    exports,
    extractions,
    search,
    workbench,
)
from tests.conftest import SEED, need_seed, pg_database

with warnings.catch_warnings():  # starlette nags about httpx vs httpx2; irrelevant here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

OWN = (
    "09:15 14 Mar 2024\n\n"
    "Turkey sent armored vehicles to Ukraine, Kyiv says\n\n"
    "Turkey supplied 40 armored vehicles to Ukraine in February 2024, the Ukrainian defense "
    "ministry said on Thursday. The vehicles arrived in Odesa, officials said.\n\n"
    "Moscow denied that Iran supplied ballistic missiles to Russia in January 2024.\n"
)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One store per backend for the module: extraction is the slow part, the API only reads."""
    need_seed()
    root = tmp_path_factory.mktemp("api")
    own = root / "turkey-vehicles.txt"
    own.write_text(OWN, encoding="utf-8")
    pg = pg_database("cg_web") if request.param == "postgresql" else None
    url = next(pg) if pg else str(root / "api.db")
    store = open_store(url)
    results = list(ingest_sources([str(SEED), str(own)], store, extract=True))
    store.close()
    assert [getattr(r, "status", None) for r in results] == ["new", "new"], results
    yield url
    if pg:
        next(pg, None)


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db=db)) as c:
        yield c


@pytest.fixture(scope="module")
def all_claims(client: TestClient) -> list[dict[str, Any]]:
    body = client.get("/api/claims", params={"limit": 500}).json()
    assert body["next_cursor"] is None
    return body["items"]


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [c["id"] for c in items]


def get_ok(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def assert_422(client: TestClient, url: str, field: str, **params: Any) -> str:
    r = client.get(url, params=params)
    assert r.status_code == 422, r.text
    [err] = r.json()["detail"]
    assert err["loc"] == ["query", field]
    return err["msg"]


# ---------------------------------------------------------------- articles, health, search


def test_health(client: TestClient) -> None:
    assert get_ok(client, "/api/health") == {"status": "ok", "articles": 2}


def test_articles_newest_first_and_paged(client: TestClient) -> None:
    page = get_ok(client, "/api/articles")
    assert [a["title"][:6] for a in page["items"]] == ["Turkey", "ISW: I"]
    assert page["next_cursor"] is None
    assert set(page["items"][0]) == {
        "id",
        "title",
        "published",
        "site",
        "url",
        "language",
        "revision",
    }
    first = get_ok(client, "/api/articles", limit=1)
    second = get_ok(client, "/api/articles", limit=1, cursor=first["next_cursor"])
    assert first["next_cursor"] and second["next_cursor"] is None
    assert first["items"] + second["items"] == page["items"]


def test_article_detail_and_revision(client: TestClient) -> None:
    [own, seed] = get_ok(client, "/api/articles")["items"]
    art = get_ok(client, f"/api/articles/{seed['id']}")
    assert art["text"].startswith("Iran is building factories")
    assert [r["number"] for r in art["revisions"]] == [1]
    assert art["sources"][0]["kind"] == "new" and art["extraction_supported"] is True
    rev = get_ok(client, f"/api/articles/{own['id']}/revisions/1")
    assert rev["article_id"] == own["id"] and rev["number"] == 1
    assert rev["text"].startswith("Turkey supplied 40 armored vehicles")


def test_search(client: TestClient) -> None:
    hits = get_ok(client, "/api/search", q="armored vehicles")["items"]
    assert [h["title"][:6] for h in hits] == ["Turkey"]
    assert "[" in hits[0]["snippet"]
    assert get_ok(client, "/api/search", q="drone", limit=1)["items"][0]["title"].startswith("ISW")
    assert get_ok(client, "/api/search", q="zzzqqq")["items"] == []
    assert client.get("/api/search").status_code == 422  # q is required


# ---------------------------------------------------------------- claims


def test_claims_carry_article_and_no_storage_key(all_claims: list[dict[str, Any]]) -> None:
    assert len(all_claims) > 10
    assert len(set(ids(all_claims))) == len(all_claims)  # ids identify claims
    assert {c["article_id"] for c in all_claims} == {1, 2}
    assert all("pk" not in c and c["evidence"]["text"] for c in all_claims)


def _near(c: dict[str, Any], spec: str) -> bool:
    lat, lon, km = (float(x) for x in spec.split(","))
    loc = c.get("location") or {}
    return loc.get("lat") is not None and Near(lat, lon, km).contains(loc["lat"], loc["lon"])


def _time(c: dict[str, Any]) -> str:
    return (c.get("time") or {}).get("value") or ""


def _id(c: dict[str, Any], role: str) -> str | None:
    return (c.get(role) or {}).get("id")


def _gives(c: dict[str, Any], eid: str) -> bool:
    """Reference reading of the giving side: supplier, or the agent unless it receives."""
    return _id(c, "supplier") == eid or (_id(c, "agent") == eid and c["event"] != "ACQUIRE")


def _takes(c: dict[str, Any], eid: str) -> bool:
    return _id(c, "recipient") == eid or (_id(c, "agent") == eid and c["event"] == "ACQUIRE")


def _moves(c: dict[str, Any], src: str | None, dst: str | None) -> bool:
    """from src to dst; with something given in exchange, also the other way."""

    def one_way(give: Any, take: Any) -> bool:
        return (src is None or give(c, src)) and (dst is None or take(c, dst))

    return one_way(_gives, _takes) or (bool(c.get("in_exchange_for")) and one_way(_takes, _gives))


FILTERS = {
    "from": ("Iran", lambda c: _moves(c, "gpe:iran", None)),
    "to": ("russia", lambda c: _moves(c, None, "gpe:russia")),
    "entity": (  # any role: actors, source (or its country), object or thing in exchange
        "Iranian",
        lambda c: (
            "gpe:iran"
            in {
                *(
                    (c[r] or {}).get("id")
                    for r in ("agent", "recipient", "supplier", "assisted_by")
                ),
                (c["source"] or {}).get("entity_id"),
                (c["source"] or {}).get("country_entity_id"),
                (c["object"] or {}).get("entity_id"),
                (c["in_exchange_for"] or {}).get("entity_id"),
            }
        ),
    ),
    "q": (
        "DRONES",
        lambda c: (
            "drones" in ((c["object"] or {}).get("text") or "").casefold()
            or "drones" in c["evidence"]["text"].casefold()
        ),
    ),
    "event": ("supply", lambda c: c["event"] == "SUPPLY"),
    "since": ("2024", lambda c: _time(c) >= "2024"),
    "until": ("2022-12", lambda c: "" < _time(c) <= "2022-12\uffff"),
    "place": ("belarus", lambda c: ((c.get("location") or {}).get("name") or "") == "Belarus"),
    "near": ("53.9,27.6,500", lambda c: _near(c, "53.9,27.6,500")),
    "modality": ("DENIED", lambda c: c["modality"] == "denied"),
    "source": ("western media", lambda c: (c["source"] or {}).get("name") == "Western media"),
    "article_id": ("2", lambda c: c["article_id"] == 2),
}


@pytest.mark.parametrize("field", sorted(FILTERS))
def test_each_claim_filter_shrinks_to_the_matching_claims(
    client: TestClient, all_claims: list[dict[str, Any]], field: str
) -> None:
    value, keep = FILTERS[field]
    got = get_ok(client, "/api/claims", **{field: value, "limit": 500})["items"]
    expected = [c for c in all_claims if keep(c)]
    assert 0 < len(got) < len(all_claims)
    assert ids(got) == ids(expected)


def test_claim_filters_combine(client: TestClient, all_claims: list[dict[str, Any]]) -> None:
    got = get_ok(client, "/api/claims", entity="Iran", event="SUPPLY", since="2024")["items"]
    assert [(c["event"], c["modality"], c["article_id"]) for c in got] == [("SUPPLY", "denied", 2)]


def test_cursor_walk_matches_one_big_page(
    client: TestClient, all_claims: list[dict[str, Any]]
) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(100):
        page = get_ok(client, "/api/claims", limit=3, **({"cursor": cursor} if cursor else {}))
        assert len(page["items"]) <= 3
        seen += ids(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert len(page["items"]) == 3
    assert len(seen) == len(set(seen))  # no duplicates
    assert seen == ids(all_claims)  # no gaps, same order


def test_cursor_walk_with_a_filter(client: TestClient, all_claims: list[dict[str, Any]]) -> None:
    want = [c["id"] for c in all_claims if c["event"] == "BUILD_FACILITY"]
    seen, cursor = [], None
    while True:
        params = {"event": "BUILD_FACILITY", "limit": 2} | ({"cursor": cursor} if cursor else {})
        page = get_ok(client, "/api/claims", **params)
        seen += ids(page["items"])
        if not (cursor := page["next_cursor"]):
            break
    assert seen == want and len(want) > 2


def test_limit_is_capped_not_refused(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, all_claims: list[dict[str, Any]]
) -> None:
    asked: list[int | None] = []
    real = repo.list_claims

    def spy(**kw: Any) -> list[dict[str, Any]]:
        asked.append(kw.get("limit"))
        return real(**kw)

    monkeypatch.setattr(repo, "list_claims", spy)
    body = get_ok(client, "/api/claims", limit=100000)
    assert len(body["items"]) == len(all_claims) <= 500
    assert asked == [501]  # 500 + 1 to learn whether another page exists
    assert len(get_ok(client, "/api/entities", limit=100000)["items"]) <= 500
    assert client.get("/api/claims", params={"limit": 0}).status_code == 422


def test_one_claim(client: TestClient, all_claims: list[dict[str, Any]]) -> None:
    c = all_claims[-1]
    assert get_ok(client, f"/api/claims/{c['id']}") == c


@pytest.mark.parametrize(
    ("params", "field", "says"),
    [
        ({"event": "TELEPORT"}, "event", "unknown event type"),
        ({"modality": "certainly"}, "modality", "unknown modality"),
        ({"since": "2024", "until": "2023"}, "since", "after until"),
        ({"since": "last week"}, "since", "not a date"),
        ({"near": "Minsk"}, "near", "LAT,LON,KM"),
        ({"near": "95,0,10"}, "near", "out of range"),
        ({"cursor": "not a cursor!"}, "cursor", "invalid cursor"),
        ({"cursor": base64.urlsafe_b64encode(b'"7"').decode()}, "cursor", "invalid cursor"),
        ({"cursor": base64.urlsafe_b64encode(b"-1").decode()}, "cursor", "invalid cursor"),
    ],
)
def test_bad_claim_filters_are_422_naming_the_field(
    client: TestClient, params: dict[str, str], field: str, says: str
) -> None:
    assert says in assert_422(client, "/api/claims", field, **params)


def test_fastapi_validation_errors_have_the_same_shape(client: TestClient) -> None:
    assert_422(client, "/api/claims", "article_id", article_id="two")
    assert_422(client, "/api/articles", "cursor", cursor="e30")  # "{}" is no article key
    assert_422(client, "/api/clusters", "event", event="nope")
    assert_422(client, "/api/clusters", "min_claims", min_claims=0)


@pytest.mark.parametrize(
    ("url", "loc"),
    [
        ("/api/claims?source=%00", ["query", "source"]),
        ("/api/search?q=a%00b", ["query", "q"]),
        ("/api/claims/a%00", ["path", "claim_id"]),
    ],
)
def test_nul_characters_are_422_on_every_backend(
    client: TestClient, url: str, loc: list[str]
) -> None:
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert r.json()["detail"][0]["loc"] == loc


# ---------------------------------------------------------------- analysis and entities


def test_clusters(client: TestClient) -> None:
    every = get_ok(client, "/api/clusters")["items"]
    assert every and all(r["n_claims"] == len(r["claims"]) for r in every)
    big = get_ok(client, "/api/clusters", min_claims=2)["items"]
    assert 0 < len(big) < len(every) and all(r["n_claims"] >= 2 for r in big)
    supply = get_ok(client, "/api/clusters", event="SUPPLY")["items"]
    assert supply and all(r["event"] == "SUPPLY" for r in supply)
    turkey = get_ok(client, "/api/clusters", entity="Turkey")["items"]
    assert [r["claims"][0]["article_id"] for r in turkey] == [2]


def test_contradictions(client: TestClient) -> None:
    rows = get_ok(client, "/api/contradictions")["items"]
    assert rows and all(r["kinds"] and r["a"]["id"] != r["b"]["id"] for r in rows)


def test_entities(client: TestClient) -> None:
    every = get_ok(client, "/api/entities")["items"]
    assert {"gpe:iran", "gpe:turkey", "org:institute-for-the-study-of-war"} <= {
        e["id"] for e in every
    }
    orgs = get_ok(client, "/api/entities", type="org")["items"]
    assert orgs and all(e["type"] == "ORG" for e in orgs) and len(orgs) < len(every)
    found = get_ok(client, "/api/entities", q="isw")["items"]
    assert [e["id"] for e in found] == ["org:institute-for-the-study-of-war"]


def test_entity_profile_by_name_alias_or_id(client: TestClient) -> None:
    by_alias = get_ok(client, "/api/entities/ISW")
    assert by_alias["id"] == "org:institute-for-the-study-of-war" and by_alias["n_claims"] > 0
    assert get_ok(client, "/api/entities/gpe:turkey")["name"] == "Turkey"
    assert get_ok(client, "/api/entities/Russian Federation")["id"] == "gpe:russia"


def _cut(full: dict[str, Any], n: int, k: int) -> dict[str, Any]:
    """The full profile with its capped lists cut to their first entries."""
    return {
        **full,
        "timeline": full["timeline"][:n],
        "claims": {r: ids[:n] for r, ids in full["claims"].items()},
        "linked_entities": full["linked_entities"][:k],
    }


@pytest.mark.parametrize(("n", "k"), [(0, 0), (1, 1), (2, 3), (5000, 5000)])
def test_entity_profile_caps_are_prefixes_of_the_full_profile(
    client: TestClient, db: str, n: int, k: int
) -> None:
    """?timeline_limit/linked_limit (cut in SQL) = the CLI's full profile cut in Python, with
    totals that say how long the lists really are."""
    store = open_store(db)
    try:
        with store.session() as s:
            names = [e["id"] for e in repo.list_entities(session=s)]
            fulls = {i: kb.entity_profile(session=s, name=i) for i in names}
    finally:
        store.close()
    assert names
    for eid, full in fulls.items():
        assert full["timeline_total"] == full["n_claims"] == len(full["timeline"])
        assert full["linked_total"] == len(full["linked_entities"])
        assert full["claims_total"] == {r: len(v) for r, v in full["claims"].items()}
        got = get_ok(client, f"/api/entities/{eid}", timeline_limit=n, linked_limit=k)
        assert got == _cut(full, n, k), eid


def test_entity_profile_default_caps_and_bounds(client: TestClient) -> None:
    prof = get_ok(client, "/api/entities/gpe:russia")
    assert prof["timeline_total"] == prof["n_claims"] >= len(prof["timeline"]) > 0
    assert len(prof["timeline"]) == min(500, prof["timeline_total"])
    assert len(prof["linked_entities"]) == min(200, prof["linked_total"])
    for bad in ({"timeline_limit": 5001}, {"timeline_limit": -1}, {"linked_limit": 5001}):
        assert client.get("/api/entities/gpe:russia", params=bad).status_code == 422


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/999",
        "/api/articles/1/revisions/7",
        "/api/entities/Atlantis",
        "/api/claims/0000000000000000",
    ],
)
def test_missing_things_are_404_with_a_message(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert isinstance(r.json()["detail"], str) and r.json()["detail"]


# ---------------------------------------------------------------- the app itself


def test_openapi_lists_every_route_and_only_reads(client: TestClient) -> None:
    doc = get_ok(client, "/openapi.json")
    declared = {"/api/health"} | {
        "/api" + route.path_format
        for module in (
            articles,
            extractions,
            claims,
            clusters,
            contradictions,
            corrections,
            entities,
            exports,
            search,
            workbench,
        )
        for route in module.router.routes
        if isinstance(route, APIRoute)
    }
    assert (
        declared
        == set(doc["paths"])
        == {
            "/api/health",
            "/api/articles",
            "/api/articles/{article_id}",
            "/api/articles/{article_id}/revisions/{number}",
            "/api/articles/{article_id}/extractions",
            "/api/articles/{article_id}/extractions/{number}",
            "/api/claims",
            "/api/claims/{claim_id}",
            "/api/clusters",
            "/api/contradictions",
            "/api/corrections",
            "/api/corrections/widget",
            "/api/entities",
            "/api/entities/{name_or_id}",
            "/api/export/{fmt}",
            "/api/search",
            "/api/map",
            "/api/timeline",
            "/api/graph",
        }
    )
    # anonymous callers only read; the writes are readers' error reports (origin-checked on
    # this site, or CORS-checked against a registered site's origins for the widget)
    assert {p: set(ops) for p, ops in doc["paths"].items() if set(ops) != {"get"}} == {
        "/api/corrections": {"post"},
        "/api/corrections/widget": {"post"},
    }
    claim_params = {p["name"] for p in doc["paths"]["/api/claims"]["get"]["parameters"]}
    assert claim_params == {f.name for f in FILTER_TABLE} | {"limit", "cursor"}
    assert {
        "entity",
        "event",
        "since",
        "until",
        "place",
        "near",
        "modality",
        "source",
        "article_id",
    } < claim_params  # the filters clients already use stay
    assert {"ArticleSummary", "ArticlePage", "ClaimPage", "Claim"} <= set(
        doc["components"]["schemas"]
    )


def test_read_only_and_no_cors(client: TestClient) -> None:
    assert client.post("/api/claims", json={}).status_code == 405
    assert client.delete("/api/articles/1").status_code == 405
    r = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers


def test_settings_pick_the_store(db: str, tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db=db))) as c:
        assert c.get("/api/health").json()["articles"] == 2
    with TestClient(create_app(Settings(db=db), db=str(tmp_path / "empty.db"))) as c:
        assert c.get("/api/health").json()["articles"] == 0  # db= wins over settings


# ---------------------------------------------------------------- claimgraph serve


def _serve_cli() -> typer.Typer:
    from claimgraph.cli import serve

    app = typer.Typer()
    app.callback()(lambda: None)  # keep `serve` a subcommand
    serve.register(app)
    return app


def test_serve_refuses_public_host_without_flag(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    db = str(tmp_path / "s.db")
    r = CliRunner().invoke(_serve_cli(), ["serve", "--db", db, "--host", "0.0.0.0"])
    assert r.exit_code == 2 and calls == []
    assert "--public" in r.output
    r = CliRunner().invoke(_serve_cli(), ["serve", "--db", db, "--host", "0.0.0.0", "--public"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(_serve_cli(), ["serve", "--db", db, "--port", "8123"])
    assert r.exit_code == 0, r.output
    where = [{k: kw[k] for k in ("host", "port", "log_level")} for kw in calls]
    assert where == [
        {"host": "0.0.0.0", "port": 8000, "log_level": "info"},
        {"host": "127.0.0.1", "port": 8123, "log_level": "info"},
    ]
    assert all(kw["server_header"] is False for kw in calls)  # no banner (issue 12)


# ---------------------------------------------------------------- property test (schemathesis)
# Driven through hypothesis directly: schemathesis' own pytest integration (`from_fixture`)
# touches `Function._nodeid`, which pytest 9 no longer has.

ROUTES = [
    "/api/health",
    "/api/articles",
    "/api/articles/{article_id}",
    "/api/articles/{article_id}/revisions/{number}",
    "/api/claims",
    "/api/claims/{claim_id}",
    "/api/clusters",
    "/api/contradictions",
    "/api/entities",
    "/api/entities/{name_or_id}",
    "/api/search",
]


@pytest.mark.parametrize("path", ROUTES)
def test_schemathesis_get_route(client: TestClient, path: str) -> None:
    """Generated (valid and invalid) parameters never crash a route, and every answer has a
    documented status, content type and body shape."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    op = schemathesis.openapi.from_asgi("/openapi.json", client.app)[path]["GET"]
    cases = op.as_strategy(GenerationMode.POSITIVE) | op.as_strategy(GenerationMode.NEGATIVE)
    checks = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
    ]

    @settings(
        max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(case=cases)
    def run(case: Any) -> None:
        case.call_and_validate(checks=checks)

    run()


def test_export_over_http(client: TestClient) -> None:
    import json as _json

    geo = client.get("/api/export/geojson", params={"event": "BUILD_FACILITY"})
    assert geo.status_code == 200 and geo.headers["content-type"].startswith("application/geo+json")
    doc = _json.loads(geo.content)
    assert doc["type"] == "FeatureCollection" and doc["features"]
    assert all(f["properties"]["event"] == "BUILD_FACILITY" for f in doc["features"])
    stix = client.get("/api/export/stix")
    assert stix.status_code == 200 and _json.loads(stix.content)["type"] == "bundle"
    csv_ = client.get("/api/export/csv", params={"table": "entities"})
    assert csv_.status_code == 200 and csv_.text.splitlines()[0].startswith("id,")
    assert client.get("/api/export/pdf").status_code == 422
    bad = client.get("/api/export/csv", params={"modality": "rumoured"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["query", "modality"]
