"""Exports: every format is valid, complete for its selection, filtered, deterministic, streamed."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
import typer
from sqlalchemy import select
from stix2validator import ValidationOptions, validate_string
from typer.testing import CliRunner

from claimgraph.analyze import kb as analyses
from claimgraph.cli.export import register
from claimgraph.export import FORMATS, export
from claimgraph.export.graph import build_graph, drop_noise
from claimgraph.export.tables import CLAIM_COLUMNS
from claimgraph.store import repo
from claimgraph.store.db import Store, open_store
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import EntityRow
from tests.conftest import SEED, need_seed

# Our own two stories (not news): a boat deal and a factory opening, with URLs and dates.
OWN = [
    {
        "url": "https://news.example.org/2024/03/boats",
        "title": "Norway to deliver patrol boats to Ghana",
        "published": "2024-03-14T09:00:00",
        "text": "Norway will supply twelve patrol boats to Ghana under a contract signed in Oslo "
        "on Tuesday, the Norwegian defence ministry said.\n\nThe boats will be built in Bergen "
        "and delivered to the Ghanaian navy in 2025, according to the ministry.\n\nGhana "
        "requested additional training from Norway, officials in Accra said.",
    },
    {
        "url": "https://wire.example.com/2024/05/turbines",
        "title": "Chile opens wind turbine plant in Antofagasta",
        "published": "2024-05-02T12:00:00",
        "text": "Chile opened a wind turbine factory in Antofagasta on Monday, the energy ministry "
        "announced.\n\nSpain provided technical assistance to Chile for the project, the company "
        "said.\n\nArgentina signed an agreement with Chile on electricity exports in April, "
        "Reuters reported.",
    },
]
NOTHING = ClaimFilter(since="2099")


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Seed + our two articles, ingested and extracted once for the module."""
    need_seed()
    from claimgraph.pipeline import Failure, ingest_sources

    tmp = tmp_path_factory.mktemp("kb")
    own = tmp / "own.jsonl"
    own.write_text("\n".join(json.dumps(a) for a in OWN) + "\n", encoding="utf-8")
    store = open_store(str(tmp / "kb.db"))
    results = list(ingest_sources([str(SEED), str(own)], store, extract=True))
    assert not [r for r in results if isinstance(r, Failure)], results
    yield store
    store.close()


def run(store: Store, fmt: str, filters: ClaimFilter | None = None, **kw) -> bytes:
    buf = io.BytesIO()
    with store.session() as s:
        export(fmt, s, filters, buf, **kw)
    return buf.getvalue()


def claims(store: Store, filters: ClaimFilter | None = None) -> list[dict]:
    with store.session() as s:
        return repo.list_claims(session=s, filters=filters, order="pk")


def assert_stix_valid(text: str) -> dict:
    result = validate_string(text, ValidationOptions())
    assert result.is_valid, [e.message for e in result.errors]
    return json.loads(text)


# ---------------------------------------------------------------- STIX


def test_stix_bundle_validates_and_covers_every_claim(kb):
    bundle = assert_stix_valid(run(kb, "stix").decode())
    objs = bundle["objects"]
    by_type: dict[str, list[dict]] = {}
    for o in objs:
        by_type.setdefault(o["type"], []).append(o)
    assert len({o["id"] for o in objs}) == len(objs)  # each object once
    all_claims = claims(kb)
    assert len(by_type["note"]) == len(all_claims)
    assert len(by_type["report"]) == 3
    titles = {r["name"] for r in by_type["report"]}
    assert "Norway to deliver patrol boats to Ghana" in titles
    names = {o["id"]: o.get("name") for o in objs}
    rels = {
        (names[r["source_ref"]], r["relationship_type"], names[r["target_ref"]])
        for r in by_type["relationship"]
    }
    assert ("Norway", "supplies", "Ghana") in rels
    assert ("Iran", "builds-facility-in", "Belarus") in rels
    assert ("Chile", "opens-facility-in", "Antofagasta") in rels
    assert any(
        n["abstract"] == "reported by Institute for the Study of War" for n in by_type["note"]
    )
    ids = set(names)
    for o in objs:  # every reference resolves inside the bundle
        for ref in [o.get("source_ref"), o.get("target_ref"), *o.get("object_refs", [])]:
            assert ref is None or ref in ids
    located = [loc for loc in by_type["location"] if "latitude" in loc]
    assert located and all(-90 <= loc["latitude"] <= 90 for loc in located)


def test_stix_is_deterministic_and_filtered(kb):
    assert run(kb, "stix") == run(kb, "stix")
    only = json.loads(run(kb, "stix", ClaimFilter.parse(entity="Norway")))
    notes = [o for o in only["objects"] if o["type"] == "note"]
    assert len(notes) == len(claims(kb, ClaimFilter.parse(entity="Norway"))) > 0
    assert len(notes) < len(claims(kb))
    assert [o["type"] for o in only["objects"]].count("report") == 1


# ---------------------------------------------------------------- GeoJSON


def test_geojson_points_match_claims(kb):
    doc = json.loads(run(kb, "geojson"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    placed = {c["id"]: c for c in claims(kb) if (c.get("location") or {}).get("lat") is not None}
    assert len(doc["features"]) == len(placed) > 0
    for f in doc["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        c = placed[f["properties"]["claim_id"]]
        assert (lon, lat) == (c["location"]["lon"], c["location"]["lat"])  # [lon, lat] order
        assert f["properties"]["event"] == c["event"]
    boats = [f for f in doc["features"] if f["properties"]["agent"] == "Norway"]
    assert boats and boats[0]["properties"]["article_url"] == OWN[0]["url"]


# ---------------------------------------------------------------- tables


def test_csv_and_parquet_rows_equal_claims(kb):
    n = len(claims(kb))
    rows = list(csv.DictReader(io.StringIO(run(kb, "csv").decode())))
    assert len(rows) == n
    assert list(rows[0]) == [name for name, _ in CLAIM_COLUMNS]
    table = pq.read_table(io.BytesIO(run(kb, "parquet")))
    assert table.num_rows == n and table.column_names == list(rows[0])
    assert sorted(table.column("claim_id").to_pylist()) == sorted(r["claim_id"] for r in rows)

    supply = ClaimFilter.parse(event="SUPPLY")
    rows = list(csv.DictReader(io.StringIO(run(kb, "csv", supply).decode())))
    assert 0 < len(rows) == len(claims(kb, supply)) < n
    assert {r["event"] for r in rows} == {"SUPPLY"}


def test_entity_and_cluster_tables(kb):
    with kb.session() as s:
        n_entities = len(s.scalars(select(EntityRow)).all())
    ents = list(csv.DictReader(io.StringIO(run(kb, "csv", table="entities").decode())))
    assert len(ents) == n_entities
    iran = next(e for e in ents if e["id"] == "gpe:iran")
    assert "Iranian" in json.loads(iran["aliases"]) and iran["country"] == "IR"
    pt = pq.read_table(io.BytesIO(run(kb, "parquet", table="entities")))
    assert pt.num_rows == n_entities
    few = list(
        csv.DictReader(
            io.StringIO(
                run(kb, "csv", ClaimFilter.parse(entity="Ghana"), table="entities").decode()
            )
        )
    )
    assert {"gpe:ghana", "gpe:norway"} <= {e["id"] for e in few} and len(few) < n_entities
    with kb.session() as s:
        n_clusters = len(analyses.list_clusters(session=s))
    cl = list(csv.DictReader(io.StringIO(run(kb, "csv", table="clusters").decode())))
    assert len(cl) == n_clusters
    assert pq.read_table(io.BytesIO(run(kb, "parquet", table="clusters"))).num_rows == n_clusters


# ---------------------------------------------------------------- graphs


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_round_trip(kb, fmt, tmp_path):
    with kb.session() as s:  # the exports leave out names that are no actors
        g = drop_noise(build_graph(s, None))
        assert export(fmt, s, None, tmp_path / f"g.{fmt}").records == g.number_of_edges()
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(tmp_path / f"g.{fmt}")
    assert (back.number_of_nodes(), back.number_of_edges()) == (
        g.number_of_nodes(),
        g.number_of_edges(),
    )
    assert back.has_edge("gpe:norway", "gpe:ghana")
    e = back.edges["gpe:norway", "gpe:ghana"]
    assert "SUPPLY" in e["events"].split(",") and int(e["weight"]) >= 1
    assert (tmp_path / f"g.{fmt}").read_bytes() == run(kb, fmt)  # deterministic
    assert sum(int(d["weight"]) for *_, d in back.edges(data=True)) <= len(claims(kb)) * 3


# ---------------------------------------------------------------- empty selections


def test_empty_selection_gives_valid_empty_documents(kb):
    bundle = assert_stix_valid(run(kb, "stix", NOTHING).decode())
    assert bundle["type"] == "bundle" and not bundle.get("objects")
    assert json.loads(run(kb, "geojson", NOTHING)) == {"type": "FeatureCollection", "features": []}
    lines = run(kb, "csv", NOTHING).decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claim_id,")
    table = pq.read_table(io.BytesIO(run(kb, "parquet", NOTHING)))
    assert table.num_rows == 0 and "claim_id" in table.column_names
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = read(io.BytesIO(run(kb, fmt, NOTHING)))
        assert g.number_of_nodes() == 0 == g.number_of_edges()
    assert set(FORMATS) == {"stix", "geojson", "csv", "parquet", "graphml", "gexf"}


# ---------------------------------------------------------------- CLI


@pytest.fixture
def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)  # a second command keeps `export` a subcommand
    return app


def test_cli_outputs_and_errors(kb, cli, tmp_path):
    db = str(kb.engine.url.database)
    runner = CliRunner()
    res = runner.invoke(cli, ["export", "geojson", "--db", db, "--entity", "Norway"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["type"] == "FeatureCollection"
    out = tmp_path / "claims.parquet"
    res = runner.invoke(cli, ["export", "parquet", "--db", db, "-o", str(out), "--event", "supply"])
    assert res.exit_code == 0, res.output
    assert pq.read_table(out).num_rows == len(claims(kb, ClaimFilter.parse(event="SUPPLY")))
    for args, field in (
        (["csv", "--modality", "rumoured"], "modality"),
        (["stix", "--event", "TELEPORT"], "event"),
        (["geojson", "--near", "north"], "near"),
        (["csv", "--since", "last week"], "since"),
        (["xml"], "format"),
        (["graphml", "--table", "entities"], "table"),
        (["parquet"], "format"),  # binary: needs -o
    ):
        res = runner.invoke(cli, ["export", *args, "--db", db])
        assert res.exit_code == 2, (args, res.output)
        assert f"{field}:" in res.stderr
    assert not list(tmp_path.glob(".*.part"))


# ---------------------------------------------------------------- streaming


def _synthetic(store: Store, tmp: Path, n_articles: int = 4, per: int = 5000) -> int:
    """n_articles × per claims written straight to the store (no NLP)."""
    from claimgraph.pipeline import ingest_sources

    for i in range(n_articles):
        (tmp / f"a{i}.txt").write_text(
            f"Synthetic report number {i} about a shipment of generators to a port city. " * 3,
            encoding="utf-8",
        )
    list(ingest_sources([str(tmp / f"a{i}.txt") for i in range(n_articles)], store))
    ents = [
        {"id": "gpe:norway", "name": "Norway", "type": "GPE", "aliases": [], "country": "NO"},
        {"id": "gpe:ghana", "name": "Ghana", "type": "GPE", "aliases": [], "country": "GH"},
    ]
    for aid in range(1, n_articles + 1):
        rows = [
            {
                "id": f"s{aid}-{k:06d}",
                "event": "SUPPLY",
                "polarity": "positive",
                "modality": "reported",
                "agent": {"id": "gpe:norway", "name": "Norway", "type": "GPE", "text": "Norway"},
                "recipient": {"id": "gpe:ghana", "name": "Ghana", "type": "GPE", "text": "Ghana"},
                "object": {"text": f"generator batch {k}", "entity_id": None},
                "location": {
                    "start": 0,
                    "end": 4,
                    "mention": "Tema",
                    "name": "Tema",
                    "kind": "city",
                    "country": "GH",
                    "admin1": "Greater Accra",
                    "lat": 5.67 + k * 1e-5,
                    "lon": -0.01,
                    "geonameid": 2294700,
                },
                "time": {"value": "2024-03", "granularity": "month"},
                "source": {"name": "port authority", "type": "GROUP", "chain": ["publisher"]},
                "evidence": {"start": 0, "end": 40, "text": "a shipment of generators " * 4},
            }
            for k in range(per)
        ]
        with store.session() as s:
            repo.save_extraction(
                session=s,
                article_id=aid,
                revision=1,
                extraction={"entities": ents, "claims": rows},
                pipeline="synthetic",
            )
    return n_articles * per


@pytest.mark.slow
def test_export_streams_in_bounded_memory(sqlite_store, tmp_path):
    n = _synthetic(sqlite_store, tmp_path)
    for fmt in ("geojson", "csv"):
        sink = tmp_path / f"big.{fmt}"
        tracemalloc.start()
        with sqlite_store.session() as s:
            result = export(fmt, s, None, sink)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert result.records == n
        # holding the 20k claims at once takes ~95 MiB; a page at a time takes ~10-16 MiB
        assert peak < 60 * 1024 * 1024, f"{fmt}: peak {peak / 2**20:.1f} MiB"
    with sqlite_store.session() as s:  # graph aggregates stay one edge however many claims
        g = build_graph(s, None)
    assert g.number_of_edges() == 1 and g.edges["gpe:norway", "gpe:ghana"]["weight"] == n


def test_geojson_features_are_the_located_claims(kb):
    """Filtering on the coordinate columns in SQL keeps exactly the claims whose record has a
    resolved location, in storage order."""
    from claimgraph.export import resolved

    doc = json.loads(run(kb, "geojson"))
    want = [c["id"] for c in claims(kb) if resolved(c.get("location"))]
    assert [f["id"] for f in doc["features"]] == want and want
