"""One claim record (claimgraph.record): every surface has exactly its fields.

The record is enumerated here and each surface is checked against it: the extraction dataclass,
`claimgraph extract --json` on the seed, the API's OpenAPI schema of Claim and its answers, the
store's claim columns and read-back records, the CSV header and the Parquet schema of the
claims export, and the role tuples the other modules import.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from typer.testing import CliRunner

from claimgraph import ids, record
from claimgraph.record import ACTOR_ROLES, FIELD_NAMES, FIELDS, ROLES, THING_ROLES, Kind
from claimgraph.store.models import ClaimRow
from tests.conftest import ROOT, SEED, need_seed

# What the store and the API add to the record (pk is the storage key, never served).
STORED = tuple(record.STORED)
READ = tuple(record.READ)
ROW_ONLY = {"pk", "article_id", "revision", "data"}  # claims-table columns not from the record


# ---------------------------------------------------------------- the record itself


def test_record_fields_and_roles() -> None:
    assert len(set(FIELD_NAMES)) == len(FIELD_NAMES)
    assert FIELD_NAMES[:4] == ("id", "event", "polarity", "modality")
    assert ACTOR_ROLES == ("agent", "recipient", "supplier", "assisted_by")
    assert THING_ROLES == ("object", "in_exchange_for")
    assert (*ACTOR_ROLES, *THING_ROLES, "location") == ROLES
    assert all(f.doc and f.kind in record.MEMBERS for f in FIELDS)
    assert [f.name for f in FIELDS if f.required] == [
        "id",
        "event",
        "polarity",
        "modality",
        "evidence",
    ]
    assert record.fields_of(Kind.ACTOR) == ACTOR_ROLES
    assert record.member({"agent": None}, "agent", "id") is None
    assert record.member({"agent": {"id": "gpe:iran"}}, "agent", "id") == "gpe:iran"


def test_extract_claim_dataclass_is_the_record() -> None:
    from claimgraph.extract.records import ROLE_NAMES, Claim

    assert tuple(f.name for f in dataclasses.fields(Claim)) == FIELD_NAMES
    required = [f.name for f in dataclasses.fields(Claim) if f.default is dataclasses.MISSING]
    assert required == [f.name for f in FIELDS if f.kind is Kind.KEY]
    assert ROLE_NAMES == ROLES


def test_role_tuples_come_from_the_record() -> None:
    from claimgraph import export
    from claimgraph.analyze import profiles
    from claimgraph.ontology import schema
    from claimgraph.resolve import claims as resolve_claims
    from claimgraph.store import filters

    assert (*ACTOR_ROLES, *THING_ROLES) == ids.ROLE_KEYS
    assert ids.ID_ROLES == ROLES
    assert resolve_claims.ACTOR_ROLES is ACTOR_ROLES
    assert resolve_claims.THING_ROLES is THING_ROLES
    assert export.ACTOR_ROLES is ACTOR_ROLES
    assert profiles.ROLES is ACTOR_ROLES
    assert (*ACTOR_ROLES, "source", "object") == filters.ROLES
    assert (*ACTOR_ROLES, "source") == filters.PROFILE_ROLES
    # every record role is one the ontology may fill (it also has frame-only roles: patient)
    assert set(ROLES) <= set(schema.ROLES)


def test_no_module_spells_the_actor_roles() -> None:
    """The four actor roles written out as a tuple anywhere but record.py is a second copy
    (the ontology's own role vocabulary, a superset, is checked above)."""
    spelled = re.compile(r'"agent",\s*"recipient",\s*"supplier",\s*"assisted_by"')
    hits = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "src" / "claimgraph").rglob("*.py"))
        if p.name not in ("record.py", "schema.py")
        and spelled.search(p.read_text(encoding="utf-8"))
    ]
    assert hits == []


# ---------------------------------------------------------------- surfaces, statically


def test_api_schema_is_the_record(tmp_path: Path) -> None:
    from claimgraph.web import create_app

    schema = create_app(db=str(tmp_path / "api.db")).openapi()["components"]["schemas"]["Claim"]
    assert list(schema["properties"]) == [*FIELD_NAMES, "article_id", *STORED]
    required = [f.name for f in FIELDS if f.required] + ["article_id"]
    assert schema["required"] == required
    assert schema.get("additionalProperties") is True  # article_published / article_site pass
    for f in FIELDS:
        if f.kind is not Kind.KEY:  # the description names the kind and its members
            assert f.kind.value in schema["properties"][f.name]["description"], f.name


def test_store_columns_are_record_members() -> None:
    from claimgraph.store.repo_claims import COLUMNS, claim_columns

    table = {c.name for c in sa_inspect(ClaimRow).columns}
    assert set(COLUMNS) == table - ROW_ONLY
    for col, (name, *members) in COLUMNS.items():
        field = record.BY_NAME[name]  # KeyError: a column from a field the record lacks
        assert (field.kind is Kind.KEY) == (not members), col
        assert set(members) <= set(field.members), col
    claim = {
        "id": "x",
        "event": "SUPPLY",
        "polarity": "positive",
        "modality": "asserted",
        "location": {"name": None, "mention": "the front"},
        "evidence": {"start": 3, "end": 9, "text": "t"},
    }
    row = claim_columns(claim)
    assert row["place_name"] == "the front" and row["agent_id"] is None
    assert (row["evidence_start"], row["evidence_end"]) == (3, 9)


def test_export_columns_walk_the_record() -> None:
    from claimgraph.export.tables import ARTICLE_COLUMNS, ARTICLE_ID, CLAIM_COLUMNS, FLAT

    assert tuple(FLAT) == FIELD_NAMES
    flat = [(col, kind) for name in FIELD_NAMES for col, kind, _ in FLAT[name]]
    assert [flat[0], *ARTICLE_ID, *flat[1:], *ARTICLE_COLUMNS] == CLAIM_COLUMNS
    for r in ACTOR_ROLES:
        assert [c for c, _, _ in FLAT[r]] == [f"{r}_id", f"{r}_name", f"{r}_type"]
    assert len({c for c, _ in CLAIM_COLUMNS}) == len(CLAIM_COLUMNS)


# ---------------------------------------------------------------- surfaces, on the seed


@pytest.fixture(scope="module")
def seed_extract() -> list[dict[str, Any]]:
    """`claimgraph extract SEED --json`, parsed (one document)."""
    need_seed()
    from claimgraph.cli import app

    res = CliRunner().invoke(app, ["extract", str(SEED), "--json"])
    assert res.exit_code == 0, res.output
    docs = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert len(docs) == 1
    return docs


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store holding the seed, ingested and extracted once for the module."""
    need_seed()
    from claimgraph.pipeline import Failure, ingest_sources
    from claimgraph.store.db import open_store

    path = str(tmp_path_factory.mktemp("record") / "seed.db")
    store = open_store(path)
    results = list(ingest_sources([str(SEED)], store, extract=True))
    assert not [r for r in results if isinstance(r, Failure)], results
    store.close()
    yield path


def test_extract_json_claims_have_exactly_the_record(seed_extract: list[dict[str, Any]]) -> None:
    claims = seed_extract[0]["claims"]
    assert len(claims) >= 10
    seen: dict[str, set[str]] = {f.name: set() for f in FIELDS}
    for c in claims:
        assert tuple(c) == FIELD_NAMES, c["id"]
        for f in FIELDS:
            value = c[f.name]
            if f.kind is Kind.KEY:
                assert isinstance(value, str) and value, (c["id"], f.name)
            elif value is not None:
                assert set(value) <= set(f.members), (c["id"], f.name, set(value) - set(f.members))
                seen[f.name] |= set(value)
        assert {"start", "end", "text"} <= set(c["evidence"])
    # the seed fills every kind of role, so the member lists are not wider than needed
    for name in ("agent", "object", "location", "time", "source", "evidence"):
        assert seen[name], name


def test_stored_records_and_columns(seed_db: str, seed_extract: list[dict[str, Any]]) -> None:
    from claimgraph.store import repo
    from claimgraph.store.db import open_store
    from claimgraph.store.repo_claims import claim_columns

    store = open_store(seed_db)
    try:
        with store.session() as s:
            rows = repo.list_claims(session=s, order="pk")
            table = s.scalars(select(ClaimRow).order_by(ClaimRow.pk)).all()
    finally:
        store.close()
    assert len(rows) == len(seed_extract[0]["claims"])
    for c in rows:
        assert set(c) == {*FIELD_NAMES, *STORED, *READ, "pk"}, c["id"]
    for row in table:
        data = json.loads(row.data)
        assert tuple(data) == (*FIELD_NAMES, *STORED)
        assert {k: getattr(row, k) for k in claim_columns(data)} == claim_columns(data)


def test_export_csv_and_parquet_header(seed_db: str) -> None:
    from claimgraph.export import export
    from claimgraph.export.tables import CLAIM_COLUMNS
    from claimgraph.store.db import open_store

    store = open_store(seed_db)
    try:
        with store.session() as s:
            csv_buf, pq_buf = io.BytesIO(), io.BytesIO()
            export("csv", s, None, csv_buf)
            export("parquet", s, None, pq_buf)
    finally:
        store.close()
    names = [name for name, _ in CLAIM_COLUMNS]
    reader = csv.reader(io.StringIO(csv_buf.getvalue().decode("utf-8")))
    header = next(reader)
    assert header == names
    body = list(reader)
    assert body and all(len(r) == len(names) for r in body)
    table = pq.read_table(io.BytesIO(pq_buf.getvalue()))
    assert table.schema.names == names
    assert table.num_rows == len(body)
    # every actor role has its three columns, and the seed fills at least agent and supplier
    by_col = table.to_pydict()
    assert any(by_col["agent_id"]) and any(by_col["supplier_name"])


def test_api_answers_every_role(seed_db: str) -> None:
    from fastapi.testclient import TestClient

    from claimgraph.web import create_app

    with TestClient(create_app(db=seed_db)) as client:
        page = client.get("/api/claims", params={"limit": 500}).json()
        items = page["items"]
        assert items
        for c in items:
            assert set(c) == {*FIELD_NAMES, *STORED, *READ}, c["id"]
        one = client.get(f"/api/claims/{items[0]['id']}").json()
        assert set(FIELD_NAMES) <= set(one) and "pk" not in one
    assert any(c["supplier"] for c in items)  # the role the old API model left out
