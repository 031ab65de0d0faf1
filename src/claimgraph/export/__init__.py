"""Exports of stored claims for other tools: STIX 2.1, GeoJSON, CSV, Parquet, GraphML, GEXF.

Every writer reads claims in keyset pages (`list_claims(order="pk", after_pk=…)`) and writes as
it goes, so memory is bounded by one page plus what the format must aggregate (entities for the
graphs and STIX identities), never by the number of claims. Output is deterministic: the same
store and filters give byte-identical files.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any, BinaryIO, TypeGuard

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.errors import ClaimgraphError
from claimgraph.record import ACTOR_ROLES as ACTOR_ROLES  # the role tuple exports use
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import ArticleRow

FORMATS = ("stix", "geojson", "csv", "parquet", "graphml", "gexf")
BINARY_FORMATS = frozenset({"parquet"})
TABLES = ("claims", "entities", "clusters")
TABLE_FORMATS = frozenset({"csv", "parquet"})
PAGE = 1000


class ExportError(ClaimgraphError):
    """An export that cannot be made as asked; `field` names the option at fault."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


class ExportSkipped(ClaimgraphError):
    """Nothing to export because the feature behind it is not installed; not a failure."""


@dataclass(frozen=True)
class ExportResult:
    """What was written, for the one-line summary the CLI prints."""

    fmt: str
    records: int
    unit: str

    @property
    def summary(self) -> str:
        return f"{self.records} {self.unit}"


@dataclass(frozen=True)
class ArticleInfo:
    """The article columns exports add to claims (title, url, dates)."""

    id: int
    title: str | None
    url: str | None
    site: str | None
    published: str | None
    published_utc: datetime | None
    created_at: datetime | None

    @property
    def when(self) -> datetime:
        """Publication time, else storage time, as aware UTC (STIX needs one of them)."""
        for dt in (self.published_utc, self.created_at):
            if dt is not None:
                return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
        return datetime(1970, 1, 1, tzinfo=UTC)


Claim = dict[str, Any]


def claim_pages(
    session: Session, filters: ClaimFilter | None, page: int = PAGE, *, located: bool = False
) -> Iterator[list[Claim]]:
    """Matching claims in storage order, one page at a time (keyset on pk, never OFFSET).

    `located`: only claims with coordinates, filtered in SQL (a map needs no other claim, and
    not decoding them is most of a map export's time)."""
    from claimgraph.store import repo

    f = filters or ClaimFilter()
    last: int | None = None
    while True:
        rows = repo.list_claims(
            session=session, filters=f, order="pk", after_pk=last, limit=page, located=located
        )
        if not rows:
            return
        yield rows
        if len(rows) < page:
            return
        last = rows[-1]["pk"]


def iter_claims(
    session: Session, filters: ClaimFilter | None, page: int = PAGE, *, located: bool = False
) -> Iterator[tuple[Claim, ArticleInfo]]:
    """Each matching claim with its article's metadata (one article query per page);
    `located` as in claim_pages."""
    cache: dict[int, ArticleInfo] = {}
    for rows in claim_pages(session, filters, page, located=located):
        wanted = {c["article_id"] for c in rows} - set(cache)
        if len(cache) > 4 * page:  # articles are contiguous in pk order: old ones are done
            cache.clear()
            wanted = {c["article_id"] for c in rows}
        if wanted:
            cache.update(articles(session, wanted))
        for c in rows:
            yield c, cache[c["article_id"]]


def articles(session: Session, ids: set[int]) -> dict[int, ArticleInfo]:
    q = select(
        ArticleRow.id,
        ArticleRow.title,
        ArticleRow.url,
        ArticleRow.site,
        ArticleRow.published,
        ArticleRow.published_utc,
        ArticleRow.created_at,
    ).where(ArticleRow.id.in_(sorted(ids)))
    return {row[0]: ArticleInfo(*row) for row in session.execute(q)}


def name_of(role: dict[str, Any] | None) -> str | None:
    """Display name of a role filler (entity name, else its text, else a place mention)."""
    if not role:
        return None
    return role.get("name") or role.get("text") or role.get("mention") or None


def resolved(place: dict[str, Any] | None) -> TypeGuard[dict[str, Any]]:
    """Whether the place was put on the map (it has coordinates)."""
    if not place:
        return False
    return place.get("lat") is not None and place.get("lon") is not None


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def period(value: str | None) -> tuple[datetime, datetime] | None:
    """[start, end) in UTC of a TimeML date at year, month or day granularity; None otherwise."""
    m = _PERIOD.match(value or "")
    if not m:
        return None
    y, mo, d = int(m[1]), int(m[2] or 0), int(m[3] or 0)
    try:
        if d:
            start = datetime(y, mo, d, tzinfo=UTC)
            return start, start + timedelta(days=1)
        if mo:
            start = datetime(y, mo, 1, tzinfo=UTC)
            end = (
                datetime(y + 1, 1, 1, tzinfo=UTC)
                if mo == 12
                else datetime(y, mo + 1, 1, tzinfo=UTC)
            )
            return start, end
        return datetime(y, 1, 1, tzinfo=UTC), datetime(y + 1, 1, 1, tzinfo=UTC)
    except ValueError:  # 2023-13, 2023-02-30: not a real date, so no period
        return None


@contextmanager
def text_stream(out: BinaryIO) -> Iterator[IO[str]]:
    """UTF-8 text on top of a binary stream, detached (not closed) afterwards."""
    wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


def _writer(fmt: str) -> Callable[..., ExportResult]:
    if fmt == "stix":
        from claimgraph.export.stix import write_stix

        return write_stix
    if fmt == "geojson":
        from claimgraph.export.geojson import write_geojson

        return write_geojson
    if fmt in ("csv", "parquet"):
        from claimgraph.export.tables import write_csv, write_parquet

        return write_csv if fmt == "csv" else write_parquet
    from claimgraph.export.graph import write_gexf, write_graphml

    return write_graphml if fmt == "graphml" else write_gexf


def check(fmt: str, table: str = "claims") -> str:
    """The normalized format name, or ExportError naming the option that is wrong."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise ExportError("format", f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ExportError("table", f"unknown table {table!r}; one of {', '.join(TABLES)}")
    if table != "claims" and fmt not in TABLE_FORMATS:
        raise ExportError("table", f"--table {table} needs csv or parquet, not {fmt}")
    return fmt


def export(
    fmt: str,
    session: Session,
    filters: ClaimFilter | None,
    out: BinaryIO | str | os.PathLike[str],
    *,
    table: str = "claims",
) -> ExportResult:
    """Write the claims matching `filters` in `fmt` to a binary stream or a file path.

    A path is written through a temporary sibling and renamed at the end, so a failed export
    never leaves a half file where a good one was expected.
    """
    fmt = check(fmt, table)
    write = _writer(fmt)
    kwargs = {"table": table} if fmt in TABLE_FORMATS else {}
    if not isinstance(out, str | os.PathLike):
        return write(session, filters, out, **kwargs)
    path = Path(out)
    tmp = path.with_name(f".{path.name}.part")
    try:
        with open(tmp, "wb") as fh:
            result = write(session, filters, fh, **kwargs)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return result
