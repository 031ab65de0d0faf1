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
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import EntityRow

# (column, kind); kind is one of str | int | float | bool | list
Columns = list[tuple[str, str]]

CLAIM_COLUMNS: Columns = [
    ("claim_id", "str"),
    ("article_id", "int"),
    ("event", "str"),
    ("polarity", "str"),
    ("modality", "str"),
    *[(f"{r}_{k}", "str") for r in ACTOR_ROLES for k in ("id", "name", "type")],
    ("object", "str"),
    ("object_entity_id", "str"),
    ("in_exchange_for", "str"),
    ("place", "str"),
    ("place_kind", "str"),
    ("place_country", "str"),
    ("place_admin1", "str"),
    ("lat", "float"),
    ("lon", "float"),
    ("geonameid", "int"),
    ("time", "str"),
    ("time_granularity", "str"),
    ("time_basis", "str"),
    ("quantity_value", "float"),
    ("quantity_unit", "str"),
    ("quantity_relation", "str"),
    ("source", "str"),
    ("source_type", "str"),
    ("source_entity_id", "str"),
    ("source_chain", "list"),
    ("source_is_publisher", "bool"),
    ("evidence_start", "int"),
    ("evidence_end", "int"),
    ("evidence", "str"),
    ("article_title", "str"),
    ("article_url", "str"),
    ("article_published", "str"),
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
    row: dict[str, Any] = {
        "claim_id": c["id"],
        "article_id": c["article_id"],
        "event": c["event"],
        "polarity": c.get("polarity"),
        "modality": c.get("modality"),
    }
    for r in ACTOR_ROLES:
        role = c.get(r) or {}
        row[f"{r}_id"] = role.get("id")
        row[f"{r}_name"] = name_of(role)
        row[f"{r}_type"] = role.get("type")
    obj = c.get("object") or {}
    loc = c.get("location") or {}
    time = c.get("time") or {}
    qty = c.get("quantity") or {}
    src = c.get("source") or {}
    ev = c.get("evidence") or {}
    row.update(
        object=obj.get("text"),
        object_entity_id=obj.get("entity_id"),
        in_exchange_for=name_of(c.get("in_exchange_for")),
        place=loc.get("name") or loc.get("mention"),
        place_kind=loc.get("kind"),
        place_country=loc.get("country"),
        place_admin1=loc.get("admin1"),
        lat=loc.get("lat"),
        lon=loc.get("lon"),
        geonameid=loc.get("geonameid"),
        time=time.get("value"),
        time_granularity=time.get("granularity"),
        time_basis=time.get("basis"),
        quantity_value=qty.get("value"),
        quantity_unit=qty.get("unit"),
        quantity_relation=qty.get("relation"),
        source=src.get("name"),
        source_type=src.get("type"),
        source_entity_id=src.get("entity_id"),
        source_chain=list(src.get("chain") or []),
        source_is_publisher=src.get("is_publisher"),
        evidence_start=ev.get("start"),
        evidence_end=ev.get("end"),
        evidence=ev.get("text"),
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
                    *((c.get(r) or {}).get("id") for r in ACTOR_ROLES),
                    (c.get("object") or {}).get("entity_id"),
                    (c.get("in_exchange_for") or {}).get("entity_id"),
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
