"""Shard-sized claim inserts for bulk load: one PostgreSQL COPY (or one SQLite executemany) per
shard instead of one INSERT per article.

Why a session hook rather than a second copy of `repo.save_extraction`: the claim rows (their
columns, entity remapping, JSON) stay defined in one place. Inside `deferred_claims`, the
`insert(ClaimRow)` that save_extraction issues is captured instead of run; `flush()` writes all
captured rows in capture order, so claim pks come out exactly as with per-article inserts.
Callers must not read the shard's claims before `flush()` (bulk.load_shards assigns clusters
after it, which reads only claims of earlier articles plus the article's own).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, insert
from sqlalchemy.engine import IteratorResult
from sqlalchemy.engine.result import SimpleResultMetaData
from sqlalchemy.orm import ORMExecuteState, Session

from claimgraph.store.models import ClaimRow

PENDING = "claimgraph.pending_claims"


def pending_claims(session: Session, article_id: int) -> list[dict[str, Any]]:
    """Claim rows of this article captured on `session` and not yet written."""
    buf = session.info.get(PENDING)
    return [r for r in buf.rows if r.get("article_id") == article_id] if buf else []


class ClaimBuffer:
    """Claim rows captured from save_extraction, written by `flush`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: list[dict[str, Any]] = []
        self.writing = False

    def flush(self) -> int:
        rows, self.rows = self.rows, []
        if rows:
            self.writing = True  # our own executemany must not be captured again
            try:
                write_rows(self.session, ClaimRow.__table__, rows)
            finally:
                self.writing = False
        return len(rows)


@contextmanager
def deferred_claims(session: Session) -> Iterator[ClaimBuffer]:
    """Capture claim INSERTs on `session` until the block ends (then flush what is left)."""
    buf = ClaimBuffer(session)
    table = ClaimRow.__table__

    def capture(state: ORMExecuteState) -> Any:
        stmt = state.statement
        params = state.parameters
        if (
            not buf.writing
            and state.is_insert
            and getattr(getattr(stmt, "table", None), "name", None) == table.name
            and isinstance(params, list)
            and not stmt.returning_column_descriptions  # a caller reading RETURNING runs as is
        ):
            buf.rows.extend(dict(p) for p in params)
            return IteratorResult(SimpleResultMetaData([]), iter([]))
        return None

    event.listen(session, "do_orm_execute", capture)
    session.info[PENDING] = buf  # graph_index re-derives articles from stored + pending claims
    try:
        yield buf
        buf.flush()
    finally:
        event.remove(session, "do_orm_execute", capture)
        session.info.pop(PENDING, None)


def write_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """All rows in order: COPY FROM STDIN on PostgreSQL, one executemany elsewhere."""
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    cols = list(rows[0])
    dbapi = session.connection().connection.driver_connection
    names = ", ".join(f'"{c}"' for c in cols)
    with dbapi.cursor() as cur, cur.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        buf = io.StringIO()
        for r in rows:
            buf.write("\t".join(_copy_text(r.get(c)) for c in cols))
            buf.write("\n")
            if buf.tell() > 1 << 20:
                copy.write(buf.getvalue())
                buf = io.StringIO()
        copy.write(buf.getvalue())


def _copy_text(v: Any) -> str:
    """One value in COPY's text format (\\N is NULL; backslash, tab, newline, CR escaped)."""
    if v is None:
        return "\\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, float):
        return repr(v) if math.isfinite(v) else ("NaN" if math.isnan(v) else str(v))
    s = str(v)
    if any(ch in s for ch in "\\\t\n\r"):
        s = s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return s
