"""One filter table, every surface: the CLI commands, the API routes (OpenAPI), the page forms
and every export accept exactly the filters of store/filters.FILTERS; and the analyst's
question on the seed ("which claims say Iran supplies drones to Russia?") has its answer."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.routing import APIRoute
from typer.main import get_command
from typer.testing import CliRunner

from claimgraph.cli import app as cli_app
from claimgraph.export import FORMATS
from claimgraph.pipeline import ingest_sources
from claimgraph.store.db import open_store
from claimgraph.store.filters import FILTERS
from claimgraph.web import create_app
from claimgraph.web.deps import claim_filter
from tests.conftest import SEED, need_seed

with warnings.catch_warnings():  # starlette nags about httpx vs httpx2; irrelevant here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

OTHER = (
    "09:15 14 Mar 2024\n\n"
    "Turkey sent armored vehicles to Ukraine, Kyiv says\n\n"
    "Turkey supplied 40 armored vehicles to Ukraine in February 2024, the Ukrainian defense "
    "ministry said on Thursday.\n"
)
NAMES = {s.name for s in FILTERS}
# per filter, a value no claim of the two articles matches (role needs an entity beside it)
NOTHING: dict[str, dict[str, str]] = {
    "entity": {"entity": "Nobody"},
    "role": {"entity": "Iran", "role": "object"},
    "from": {"from": "Nobody"},
    "to": {"to": "Nobody"},
    "event": {"event": "KILL"},
    "q": {"q": "zeppelin"},
    "since": {"since": "2099"},
    "until": {"until": "1900"},
    "place": {"place": "Nowhere"},
    "near": {"near": "-80,0,1"},
    "modality": {"modality": "denied"},
    "source": {"source": "Nobody"},
    "cluster": {"cluster": "cl-000000000000"},
    "article_id": {"article_id": "999999"},
}
FILTER_ROUTES = {
    "/api/claims",
    "/api/clusters",
    "/api/map",
    "/api/timeline",
    "/api/graph",
    "/api/export/{fmt}",
}
PAGES = ("/claims", "/map", "/timeline", "/graph")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    need_seed()
    root = tmp_path_factory.mktemp("filters")
    other = root / "turkey.txt"
    other.write_text(OTHER, encoding="utf-8")
    url = str(root / "filters.db")
    store = open_store(url)
    results = list(ingest_sources([str(SEED), str(other)], store, extract=True))
    store.close()
    assert [getattr(r, "status", None) for r in results] == ["new", "new"], results
    return url


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db=db)) as c:
        yield c


def items(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/claims", params={"limit": 500, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_the_table_is_complete() -> None:
    assert set(NOTHING) == NAMES  # a new filter needs a case here


def test_every_claims_command_takes_every_filter() -> None:
    readers = set()
    for name, cmd in get_command(cli_app).commands.items():  # type: ignore[attr-defined]
        opts = {o for p in cmd.params for o in p.opts}
        if opts & {o for s in FILTERS for o in s.cli}:
            readers.add(name)
            assert {o for s in FILTERS for o in s.cli} <= opts, name
    assert {"claims", "clusters", "export"} <= readers


def _routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    """(path, route) of every API route, through included routers (FastAPI keeps those as
    wrappers around the original router)."""
    for r in routes:
        if isinstance(r, APIRoute):
            yield prefix + r.path, r
        elif (inner := getattr(r, "original_router", None)) is not None:
            sub = getattr(getattr(r, "include_context", None), "prefix", "") or ""
            yield from _routes(inner.routes, prefix + sub)


def test_every_filtered_route_takes_every_filter(client: TestClient) -> None:
    filtered = {
        path
        for path, r in _routes(client.app.routes)  # type: ignore[attr-defined]
        if any(d.call is claim_filter for d in r.dependant.dependencies)
    }
    assert filtered >= FILTER_ROUTES | set(PAGES)
    doc = client.get("/openapi.json").json()
    api = {p for p in doc["paths"] if p in filtered}
    assert api == FILTER_ROUTES
    for path in api:
        params = {
            p["name"]: p for p in doc["paths"][path]["get"]["parameters"] if p["in"] == "query"
        }
        assert set(params) >= NAMES, path
        for s in FILTERS:
            types = {x.get("type") for x in params[s.name]["schema"].get("anyOf", [])}
            assert ("array" in types) == s.multiple, s.name
            assert params[s.name]["description"] == s.help


@pytest.mark.parametrize("path", PAGES)
def test_every_page_form_offers_every_filter(client: TestClient, path: str) -> None:
    html = client.get(path).text
    form = html[html.index('<form class="filters"') :]
    form = form[: form.index("</form>")]
    assert set(re.findall(r"<(?:input|select) name=\"(\w+)\"", form)) - {"limit"} == NAMES
    for s in FILTERS:  # choices are choices, the rest free text
        tag = "select" if s.options() else "input"
        assert f'<{tag} name="{s.name}"' in form, s.name


@pytest.mark.parametrize("path", PAGES)
def test_a_form_sent_as_a_browser_sends_it_is_accepted(client: TestClient, path: str) -> None:
    """A browser sends every field, empty ones included: an empty field is no filter."""
    html = client.get(path).text
    form = html[html.index('<form class="filters"') : html.index("</form>")]
    fields = [n for n in re.findall(r'<input name="(\w+)"', form) if n != "limit"]
    query = "&".join(f"{n}=" for n in fields) + "&event=SUPPLY&event=ACQUIRE&from=Iran&to=Russia"
    r = client.get(f"{path}?{query}")
    assert r.status_code == 200, r.text
    if path == "/claims":
        assert _rows(r.text) == len(_drone_question(client)) > 0


def _records(fmt: str, body: bytes) -> int:
    """How many records a document holds (claims, features, objects, nodes)."""
    if fmt == "stix":
        return len(json.loads(body).get("objects", []))
    if fmt == "geojson":
        return len(json.loads(body)["features"])
    if fmt == "csv":
        return len(list(csv.reader(io.StringIO(body.decode())))) - 1
    if fmt == "parquet":
        return pq.read_table(io.BytesIO(body)).num_rows
    return body.count(b"<node ")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_takes_every_filter(client: TestClient, fmt: str) -> None:
    everything = client.get(f"/api/export/{fmt}")
    assert everything.status_code == 200 and _records(fmt, everything.content) > 0
    for name, params in NOTHING.items():
        assert items(client, **params) == [], name
        r = client.get(f"/api/export/{fmt}", params=params)
        assert r.status_code == 200, (name, r.text)
        assert _records(fmt, r.content) == 0, (fmt, name)
        bad = client.get(f"/api/export/{fmt}", params={"article_id": "x", "cluster": "x"})
        assert bad.status_code == 422


def test_cli_export_takes_every_filter(db: str, tmp_path: Path) -> None:
    runner = CliRunner()
    for name, params in NOTHING.items():
        args = [a for k, v in params.items() for a in ("--" + k.replace("_", "-"), v)]
        res = runner.invoke(cli_app, ["export", "csv", "--db", db, *args])
        assert res.exit_code == 0, (name, res.output)
        assert len(res.stdout.splitlines()) == 1, name  # the header only
    res = runner.invoke(cli_app, ["export", "csv", "--db", db, "--cluster", "nope"])
    assert res.exit_code == 2 and "--cluster:" in res.stderr


def test_csv_export_of_an_article_holds_only_that_article(client: TestClient) -> None:
    articles = [a["id"] for a in client.get("/api/articles").json()["items"]]
    assert len(articles) == 2
    for aid in articles:
        listed = items(client, article_id=aid)
        r = client.get("/api/export/csv", params={"article_id": aid})
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert 0 < len(rows) == len(listed)
        assert {row["article_id"] for row in rows} == {str(aid)}
        assert [row["claim_id"] for row in rows] == [c["id"] for c in listed]
        named = f'filename="claimgraph-claims-article_id-{aid}.csv"'
        assert named in r.headers["content-disposition"]  # downloads named after the selection
        # the claims page's download links carry the selection
        page = client.get("/claims", params={"article_id": aid}).text
        assert f'href="/api/export/csv?article_id={aid}"' in page


def _drone_question(client: TestClient) -> list[dict[str, Any]]:
    return items(
        client, entity="Iran", event=["SUPPLY", "ACQUIRE"], **{"from": "Iran", "to": "Russia"}
    )


def test_which_claims_say_iran_supplies_drones_to_russia(client: TestClient, db: str) -> None:
    got = _drone_question(client)
    # "Russia to buy Iranian drones": ACQUIRE, agent Russia, supplier Iran
    assert any(
        c["event"] == "ACQUIRE"
        and c["agent"]["id"] == "gpe:russia"
        and c["supplier"]["id"] == "gpe:iran"
        and "drones" in c["object"]["text"]
        for c in got
    )
    # the rest: Russian supplies paid for with Iranian drones (an exchange runs both ways)
    for c in got:
        said = json.dumps([c["object"], c["in_exchange_for"], c["evidence"]["text"]])
        assert "drone" in said.lower(), c["evidence"]["text"]
        if c["event"] == "SUPPLY":
            assert (c["agent"]["id"], c["recipient"]["id"]) == ("gpe:russia", "gpe:iran")
            assert "drones" in c["in_exchange_for"]["text"]
    # the old reading (entity as agent or recipient, one event) missed the ACQUIRE
    assert not any(c["event"] == "ACQUIRE" for c in items(client, entity="Iran", event="SUPPLY"))
    # the same question as comma lists, on the CLI, the claims page and the map
    ids = [c["id"] for c in got]
    same = items(client, entity="Iran", event="SUPPLY,ACQUIRE", **{"from": "Iran", "to": "Russia"})
    assert [c["id"] for c in same] == ids
    args = ["--entity", "Iran", "--event", "SUPPLY,ACQUIRE", "--from", "Iran", "--to", "Russia"]
    res = CliRunner().invoke(cli_app, ["claims", "--db", db, *args, "--json"])
    assert res.exit_code == 0, res.output
    assert sorted(c["id"] for c in json.loads(res.stdout)) == sorted(ids)
    query = "entity=Iran&event=SUPPLY&event=ACQUIRE&from=Iran&to=Russia"
    page = client.get(f"/claims?{query}").text
    assert _rows(page) == len(ids)
    assert client.get(f"/api/map?{query}").json()["claims_matched"] == len(ids)
    # and the drones themselves, by keyword
    assert {c["id"] for c in items(client, q="drones", **{"from": "Iran", "to": "Russia"})} >= {
        c["id"] for c in got if c["event"] == "ACQUIRE"
    }


def test_profile_counts_agree_with_their_links(client: TestClient) -> None:
    for name in ("Iran", "Russia", "Ukraine"):
        html = client.get(f"/entities/{name}").text
        links = re.findall(r'<a href="(/claims\?[^"]+)">([^<]+)</a>', html)
        assert links, name
        for href, label in links:
            n = int(re.findall(r"\d+", label)[-1] if ":" in label else label.split()[0])
            listed = client.get(href.replace("&amp;", "&")).text
            assert _rows(listed) == n, (name, label, href)


def _rows(html: str) -> int:
    """Rows of the claims table on a /claims page."""
    return html[html.index("<tbody>") : html.index("</tbody>")].count("<tr")
