"""Rate limits for reader reports, kept in the database (table correction_hits).

In the store rather than process memory so a restart does not reset them and every worker
process sees the same counts. Each accepted post is one hit: per reporter (the desk's salted
fingerprint) per minute, and per embedding site per hour; one reporter may use at most a sixth
of a site's hourly rate, so a single client (with a forged Origin, say) cannot exhaust the
site's quota and lock its real readers out. Hits older than the longest window
are pruned as new ones arrive. Check-then-insert is not atomic across processes, so a burst can
overshoot by a few; that is fine for a soft abuse limit.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from claimgraph.store.models import CorrectionHitRow

PER_REPORTER = 10  # reports per reporter per minute
REPORTER_WINDOW = 60  # seconds
SITE_WINDOW = 3600  # seconds; a site's own rate is per hour
SITE_SHARE = 6  # one reporter gets at most 1/SITE_SHARE of a site's hourly rate (at least 1)


def _retry_after(session: Session, where: ColumnElement[bool], window: int, now: datetime) -> int:
    """Seconds until the oldest hit in the window leaves it (at least 1)."""
    since = now - timedelta(seconds=window)
    oldest = session.scalar(
        select(func.min(CorrectionHitRow.created_at)).where(
            where, CorrectionHitRow.created_at > since
        )
    )
    if oldest is None:
        return window
    if oldest.tzinfo is None:  # SQLite returns naive UTC
        oldest = oldest.replace(tzinfo=UTC)
    return max(1, math.ceil((oldest + timedelta(seconds=window) - now).total_seconds()))


def _refusal(
    session: Session, where: ColumnElement[bool], window: int, limit: int, now: datetime
) -> int | None:
    """Retry-After seconds when `where` already has `limit` hits in the last `window` seconds."""
    used = session.scalar(
        select(func.count()).where(
            where, CorrectionHitRow.created_at > now - timedelta(seconds=window)
        )
    )
    return _retry_after(session, where, window, now) if (used or 0) >= limit else None


def check_and_record(
    *,
    session: Session,
    fingerprint: str,
    site: str | None = None,
    site_rate_per_hour: int | None = None,
    per_reporter: int = PER_REPORTER,
) -> tuple[str, int] | None:
    """Record one hit, or refuse it: None when allowed, else (which limit, Retry-After seconds)."""
    now = datetime.now(UTC)
    session.execute(
        delete(CorrectionHitRow).where(
            CorrectionHitRow.created_at <= now - timedelta(seconds=SITE_WINDOW)
        )
    )
    wait = _refusal(
        session, CorrectionHitRow.fingerprint == fingerprint, REPORTER_WINDOW, per_reporter, now
    )
    if wait is not None:
        return "reporter", wait
    if site is not None and site_rate_per_hour is not None:
        share = max(1, math.ceil(site_rate_per_hour / SITE_SHARE))
        mine = (CorrectionHitRow.fingerprint == fingerprint) & (CorrectionHitRow.site == site)
        wait = _refusal(session, mine, SITE_WINDOW, share, now)
        if wait is not None:
            return "reporter", wait
        wait = _refusal(
            session, CorrectionHitRow.site == site, SITE_WINDOW, site_rate_per_hour, now
        )
        if wait is not None:
            return "site", wait
    session.add(CorrectionHitRow(fingerprint=fingerprint, site=site, created_at=now))
    session.flush()
    return None
