"""Flat tables (claims, entities, clusters) as CSV or Parquet, for spreadsheets and dataframes.

One column list per table drives both formats, so a CSV and a Parquet export of the same
selection have the same columns in the same order. Lists are JSON text in CSV and
list<string> in Parquet. Claims stream page by page (Parquet: one row group per page).
"""

from __future__ import annotations

import csv
import inspect
import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph import record
from claimgraph.export import (
    ACTOR_ROLES,
    PAGE,
    ArticleInfo,
    Claim,
    ExportResult,
    iter_claims,
    name_of,
    text_stream,
)
from claimgraph.record import THING_ROLES
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import EntityRow

# (column, kind); kind is one of str | int | float | bool | list
Columns = list[tuple[str, str]]

# A record field's flat columns: (column, kind, its value from the field's value).
Flat = list[tuple[str, str, Callable[[Any], Any]]]


def _same(v: Any) -> Any:
    return v


def _member(key: str) -> Callable[[Any], Any]:
    return lambda v: (v or {}).get(key)


def _place_name(v: Any) -> Any:
    return (v or {}).get("name") or (v or {}).get("mention")


def _source_chain(v: Any) -> list[str]:
    return list((v or {}).get("chain") or [])


# The columns of each field of the claim record (claimgraph.record.FIELDS); CLAIM_COLUMNS walks
# the record in its order, so a field missing here fails at import and tests/test_record.py
# checks that nothing else is listed.
FLAT: dict[str, Flat] = {
    "id": [("claim_id", "str", _same)],
    "event": [("event", "str", _same)],
    "polarity": [("polarity", "str", _same)],
    "modality": [("modality", "str", _same)],
    **{
        r: [(f"{r}_id", "str", _member("id")), (f"{r}_name", "str", name_of)]
        + [(f"{r}_type", "str", _member("type"))]
        for r in ACTOR_ROLES
    },
    "object": [
        ("object", "str", _member("text")),
        ("object_entity_id", "str", _member("entity_id")),
    ],
    "in_exchange_for": [("in_exchange_for", "str", name_of)],
    "location": [
        ("place", "str", _place_name),
        ("place_kind", "str", _member("kind")),
        ("place_country", "str", _member("country")),
        ("place_admin1", "str", _member("admin1")),
        ("lat", "float", _member("lat")),
        ("lon", "float", _member("lon")),
        ("geonameid", "int", _member("geonameid")),
    ],
    "time": [
        ("time", "str", _member("value")),
        ("time_granularity", "str", _member("granularity")),
        ("time_basis", "str", _member("basis")),
    ],
    "quantity": [
        ("quantity_value", "float", _member("value")),
        ("quantity_unit", "str", _member("unit")),
        ("quantity_relation", "str", _member("relation")),
    ],
    "source": [
        ("source", "str", _member("name")),
        ("source_type", "str", _member("type")),
        ("source_entity_id", "str", _member("entity_id")),
        ("source_chain", "list", _source_chain),
        ("source_is_publisher", "bool", _member("is_publisher")),
    ],
    "evidence": [
        ("evidence_start", "int", _member("start")),
        ("evidence_end", "int", _member("end")),
        ("evidence", "str", _member("text")),
    ],
}
# What the export adds from the store: the article after the claim id, its metadata at the end.
ARTICLE_ID: Columns = [("article_id", "int")]
ARTICLE_COLUMNS: Columns = [
    ("article_title", "str"),
    ("article_url", "str"),
    ("article_published", "str"),
]
CLAIM_COLUMNS: Columns = [
    *[(col, kind) for col, kind, _ in FLAT["id"]],
    *ARTICLE_ID,
    *[(col, kind) for f in record.FIELDS[1:] for col, kind, _ in FLAT[f.name]],
    *ARTICLE_COLUMNS,
]
ENTITY_COLUMNS: Columns = [
    ("id", "str"),
    ("name", "str"),
    ("type", "str"),
    ("aliases", "list"),
    ("country", "str"),
]
CLUSTER_COLUMNS: Columns = [
    ("id", "str"),
    ("event", "str"),
    ("label", "str"),
    ("n_claims", "int"),
    ("n_articles", "int"),
    ("independent_sources", "list"),
    ("first_seen", "str"),
    ("last_seen", "str"),
    ("strongest_modality", "str"),
    ("places", "list"),
    ("times", "list"),
    ("claim_ids", "list"),
]


def claim_row(c: Claim, art: ArticleInfo) -> dict[str, Any]:
    """One claim as flat columns (None where the claim has no value)."""
    row: dict[str, Any] = {}
    for f in record.FIELDS:
        for col, _, value in FLAT[f.name]:
            row[col] = value(c.get(f.name))
    row.update(
        article_id=c["article_id"],
        article_title=art.title,
        article_url=art.url,
        article_published=art.published,
    )
    return row


def _claim_batches(session: Session, filters: ClaimFilter | None) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for c, art in iter_claims(session, filters):
        batch.append(claim_row(c, art))
        if len(batch) >= PAGE:
            yield batch
            batch = []
    if batch:
        yield batch


def _entity_batches(session: Session, filters: ClaimFilter | None) -> Iterator[list[dict]]:
    """All entities, or with filters only those the matching claims name (actor, source,
    object); the id set is bounded by the number of entities, not claims."""
    wanted: set[str] | None = None
    if filters is not None and filters != ClaimFilter():
        wanted = set()
        for c, _ in iter_claims(session, filters):
            src = c.get("source") or {}
            wanted.update(
                i
                for i in (
                    *(record.member(c, r, "id") for r in ACTOR_ROLES),
                    *(record.member(c, r, "entity_id") for r in THING_ROLES),
                    src.get("entity_id"),
                    src.get("country_entity_id"),
                )
                if i
            )
    last = ""
    while True:
        q = select(EntityRow).where(EntityRow.id > last).order_by(EntityRow.id).limit(PAGE)
        rows = session.scalars(q).all()
        if not rows:
            return
        batch = [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": json.loads(e.aliases or "[]"),
                "country": e.country,
            }
            for e in rows
            if wanted is None or e.id in wanted
        ]
        if batch:
            yield batch
        last = rows[-1].id


def _cluster_lister() -> Callable[..., list[dict]]:
    """`analyze.kb.list_clusters` (imported late: the export module loads without analyze)."""
    from claimgraph.analyze.kb import list_clusters

    return list_clusters


def _cluster_batches(session: Session, filters: ClaimFilter | None) -> Iterator[list[dict]]:
    lister = _cluster_lister()
    kwargs: dict[str, Any] = {"session": session}
    if filters is not None and "filters" in inspect.signature(lister).parameters:
        kwargs["filters"] = filters
    rows = [
        {
            **{k: cl.get(k) for k, _ in CLUSTER_COLUMNS},
            "claim_ids": [m["id"] for m in cl.get("claims", [])],
        }
        for cl in lister(**kwargs)
    ]
    for i in range(0, len(rows), PAGE):
        yield rows[i : i + PAGE]


TABLE_SOURCES = {
    "claims": (CLAIM_COLUMNS, _claim_batches, "claims"),
    "entities": (ENTITY_COLUMNS, _entity_batches, "entities"),
    "clusters": (CLUSTER_COLUMNS, _cluster_batches, "clusters"),
}


def _cell(value: Any, kind: str) -> Any:
    if value is None:
        return ""
    if kind == "list":
        return json.dumps(list(value), ensure_ascii=False)
    if kind == "bool":
        return "true" if value else "false"
    return value


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), =cmd|…);
# CSV cells get a leading apostrophe (shown as text, OWASP's advice). Parquet keeps the value.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not evaluate: text starting like a formula is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(
    session: Session, filters: ClaimFilter | None, out: BinaryIO, *, table: str = "claims"
) -> ExportResult:
    """RFC 4180 CSV with a header row; empty cells for missing values; formula-like text
    neutralised (`csv_safe`)."""
    columns, batches, unit = TABLE_SOURCES[table]
    n = 0
    it = batches(session, filters)  # clusters may refuse (ExportSkipped) before any byte
    first = next(it, None)
    with text_stream(out) as fh:
        w = csv.writer(fh)
        w.writerow([name for name, _ in columns])
        for batch in _chain(first, it):
            for row in batch:
                w.writerow([csv_safe(_cell(row.get(name), kind)) for name, kind in columns])
            n += len(batch)
    return ExportResult("csv", n, unit)


def _chain(first: list[dict] | None, rest: Iterator[list[dict]]) -> Iterator[list[dict]]:
    if first is None:
        return
    yield first
    yield from rest


def parquet_schema(columns: Columns) -> Any:
    import pyarrow as pa

    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(name, types[kind]) for name, kind in columns])


def write_parquet(
    session: Session, filters: ClaimFilter | None, out: BinaryIO, *, table: str = "claims"
) -> ExportResult:
    """Parquet with a fixed schema, one row group per page; an empty selection still has the
    schema, so readers see the columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, batches, unit = TABLE_SOURCES[table]
    schema = parquet_schema(columns)
    n = 0
    it = batches(session, filters)
    first = next(it, None)
    writer = pq.ParquetWriter(out, schema, compression="zstd")
    try:
        for batch in _chain(first, it):
            cols = {
                name: [_parquet_value(row.get(name), kind) for row in batch]
                for name, kind in columns
            }
            writer.write_table(pa.Table.from_pydict(cols, schema=schema))
            n += len(batch)
    finally:
        writer.close()
    return ExportResult("parquet", n, unit)


def _parquet_value(value: Any, kind: str) -> Any:
    if value is None:
        return None
    if kind == "list":
        return [str(v) for v in value]
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    return value
