"""Correction-report queries (the editors' queue); logic lives in claimgraph.corrections.desk."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.errors import NotFound
from claimgraph.store.models import ReportRow


def report_dict(r: ReportRow) -> dict[str, Any]:
    """A report with its W3C-style target (TextQuoteSelector + TextPositionSelector)."""
    return {
        "id": r.id,
        "article_id": r.article_id,
        "revision": r.revision,
        "target": {
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": r.exact,
                    "prefix": r.prefix,
                    "suffix": r.suffix,
                },
                {"type": "TextPositionSelector", "start": r.start, "end": r.end},
            ],
            "source": r.page_url,
        },
        "exact": r.exact,
        "comment": r.comment,
        "suggestion": r.suggestion,
        "status": r.status,
        "reason": r.reason,
        "duplicate_of": r.duplicate_of,
        "reports": r.reports,
        "site": r.site,
        "page_url": r.page_url,
        "created_at": r.created_at.isoformat() if r.created_at else None,
        "handled_at": r.handled_at.isoformat() if r.handled_at else None,
        "handled_by": r.handled_by,
        "new_revision": r.new_revision,
    }


def add_report(*, session: Session, **fields: Any) -> ReportRow:
    row = ReportRow(**fields)
    session.add(row)
    session.flush()
    return row


def find_open_report(
    *, session: Session, article_id: int | None, exact: str, start: int | None, page_url: str | None
) -> ReportRow | None:
    """An open report on the same span (same article+offsets, or same page+quote)."""
    q = select(ReportRow).where(ReportRow.status == "open", ReportRow.exact == exact)
    if article_id is not None:
        q = q.where(ReportRow.article_id == article_id, ReportRow.start == start)
    else:
        q = q.where(ReportRow.page_url == page_url)
    return session.scalars(q.order_by(ReportRow.id).limit(1)).first()


def get_report(*, session: Session, report_id: int) -> ReportRow:
    row = session.get(ReportRow, report_id)
    if row is None:
        raise NotFound(f"report {report_id} does not exist (see `claimgraph corrections list`)")
    return row


def list_reports(
    *, session: Session, status: str | None = "open", article_id: int | None = None
) -> list[dict[str, Any]]:
    """The queue, grouped by article (article order, then oldest first)."""
    q = select(ReportRow)
    if status:
        q = q.where(ReportRow.status == status)
    if article_id is not None:
        q = q.where(ReportRow.article_id == article_id)
    q = q.order_by(ReportRow.article_id.is_(None), ReportRow.article_id, ReportRow.id)
    return [report_dict(r) for r in session.scalars(q)]


def close_report(
    *,
    session: Session,
    row: ReportRow,
    status: str,
    by: str,
    reason: str | None = None,
    duplicate_of: int | None = None,
    new_revision: int | None = None,
) -> None:
    row.status = status
    row.reason = reason
    row.duplicate_of = duplicate_of
    row.new_revision = new_revision
    row.handled_by = by
    row.handled_at = datetime.now(UTC)
    session.flush()
