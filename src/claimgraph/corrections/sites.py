"""Sites that embed the corrections widget: a public key, the origins it may post from, a rate.

The key only names the site (it is in the page's HTML for anyone to read); the browser's Origin
header checked against `allowed_origins` is what keeps other pages from posting as that site.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.corrections.desk import ReportError
from claimgraph.store.models import SiteRow

DEFAULT_RATE_PER_HOUR = 60
KEY_PREFIX = "cgs_"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_origin(origin: str) -> str:
    """`scheme://host[:port]` as a browser sends it in Origin (lower case, no default port);
    raises ReportError("origin", …) for anything else (paths, wildcards, other schemes)."""
    raw = origin.strip()
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise ReportError("origin", f"{origin!r} is not a valid origin: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        raise ReportError("origin", f"{origin!r}: give scheme://host[:port], http or https")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ReportError("origin", f"{origin!r}: an origin has no path, query or user part")
    if "*" in raw:
        raise ReportError("origin", f"{origin!r}: wildcards are not allowed; list each origin")
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        return f"{scheme}://{host}:{port}"
    return f"{scheme}://{host}"


def origin_of(url: str) -> str | None:
    """The origin of a page URL, or None when it is not an http(s) URL."""
    try:
        return normalize_origin(_origin_part(url))
    except ReportError:
        return None


def _origin_part(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}"


def site_dict(row: SiteRow) -> dict[str, Any]:
    return {
        "key": row.key,
        "name": row.name,
        "allowed_origins": list(row.allowed_origins or []),
        "rate_per_hour": row.rate_per_hour,
        "active": row.active,
        "created_at": row.created_at.isoformat() if row.created_at else None,
    }


def add_site(
    *,
    session: Session,
    name: str,
    origins: list[str],
    rate_per_hour: int = DEFAULT_RATE_PER_HOUR,
) -> SiteRow:
    """Register a site under a fresh random key; origins are normalized, at least one needed."""
    name = name.strip()
    if not name or len(name) > 255:
        raise ReportError("name", "must be 1-255 characters")
    if not origins:
        raise ReportError("origin", "give at least one --origin the widget may post from")
    if not 1 <= rate_per_hour <= 100_000:
        raise ReportError("rate_per_hour", "must be between 1 and 100000")
    allowed = list(dict.fromkeys(normalize_origin(o) for o in origins))
    row = SiteRow(
        key=KEY_PREFIX + secrets.token_urlsafe(18),
        name=name,
        allowed_origins=allowed,
        rate_per_hour=rate_per_hour,
        active=True,
    )
    session.add(row)
    session.flush()
    return row


def list_sites(*, session: Session, include_inactive: bool = True) -> list[dict[str, Any]]:
    q = select(SiteRow).order_by(SiteRow.id)
    if not include_inactive:
        q = q.where(SiteRow.active.is_(True))
    return [site_dict(r) for r in session.scalars(q)]


def get_site(*, session: Session, key: str) -> SiteRow | None:
    """The active site with this key, else None (unknown and removed keys look the same)."""
    if not key or len(key) > 64:
        return None
    row = session.scalar(select(SiteRow).where(SiteRow.key == key))
    return row if row is not None and row.active else None


def site_names(*, session: Session) -> dict[str, str]:
    """key → name for every site, removed ones included (the editors' queue labels reports)."""
    return {k: n for k, n in session.execute(select(SiteRow.key, SiteRow.name))}


def remove_site(*, session: Session, key: str) -> bool:
    """Deactivate a site (its key stops working at once); False when no active site has it."""
    row = get_site(session=session, key=key)
    if row is None:
        return False
    row.active = False
    session.flush()
    return True
