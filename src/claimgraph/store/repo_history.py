"""Extraction history: what a replaced extraction held, where an old claim id went, and which
stored articles a newer pipeline has not extracted yet.

Why a history beside `claims`: the claims table holds each article's current claims only (every
read, filter and export counts on that), so an extraction that a correction or a newer pipeline
replaces is copied here first, with its claims, and an id that no longer exists can answer with
the revision that replaced it and the claim that took its place.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from claimgraph import ids
from claimgraph.errors import NotFound
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import (
    AppSettingRow,
    ArticleRow,
    ClaimHistoryRow,
    ClaimRow,
    ExtractionHistoryRow,
    ExtractionRow,
    utcnow,
)
from claimgraph.store.repo_claims import claim_conditions

_WORD = re.compile(r"\w+")
OVERLAP = 0.5  # share of evidence words two claims must have in common to be one's successor


def current_claims(*, session: Session, article_id: int) -> list[dict[str, Any]]:
    """The article's stored claim records in text order."""
    q = (
        select(ClaimRow.data)
        .where(ClaimRow.article_id == article_id)
        .order_by(ClaimRow.evidence_start, ClaimRow.pk)
    )
    return [json.loads(d) for d in session.scalars(q)]


def archive_extraction(*, session: Session, article_id: int, revision: int) -> list[dict[str, Any]]:
    """Copy into the history what storing a new extraction of (`article_id`, `revision`) will
    replace: the article's current claims (with their revision's extraction) and an earlier
    extraction of the same revision. Returns the current claim records."""
    claims: dict[int, list[dict[str, Any]]] = {}
    for rev, data in session.execute(
        select(ClaimRow.revision, ClaimRow.data)
        .where(ClaimRow.article_id == article_id)
        .order_by(ClaimRow.pk)
    ):
        claims.setdefault(rev, []).append(json.loads(data))
    revs = set(claims)
    same = session.scalar(
        select(ExtractionRow.id).where(
            ExtractionRow.article_id == article_id, ExtractionRow.revision == revision
        )
    )
    if same is not None:
        revs.add(revision)
    for rev in sorted(revs):
        ext = session.scalars(
            select(ExtractionRow).where(
                ExtractionRow.article_id == article_id, ExtractionRow.revision == rev
            )
        ).first()
        records = claims.get(rev, [])
        hist = ExtractionHistoryRow(
            article_id=article_id,
            revision=rev,
            pipeline=ext.pipeline if ext else "",
            data=ext.data if ext else "{}",
            claims=json.dumps(records, ensure_ascii=False),
            created_at=ext.created_at if ext else utcnow(),
        )
        session.add(hist)
        session.flush()
        if records:
            session.execute(
                insert(ClaimHistoryRow), [{"id": c["id"], "history_id": hist.id} for c in records]
            )
    return [c for rev in sorted(claims) for c in claims[rev]]


def extraction_history(*, session: Session, article_id: int) -> list[dict[str, Any]]:
    """Every replaced extraction of the article, oldest first, with its claims."""
    q = (
        select(ExtractionHistoryRow)
        .where(ExtractionHistoryRow.article_id == article_id)
        .order_by(ExtractionHistoryRow.id)
    )
    return [
        {
            "revision": h.revision,
            "pipeline": h.pipeline,
            "created_at": h.created_at.isoformat() if h.created_at else None,
            "replaced_at": h.replaced_at.isoformat() if h.replaced_at else None,
            **json.loads(h.data),
            "claims": json.loads(h.claims),
        }
        for h in session.scalars(q)
    ]


def _words(claim: dict[str, Any]) -> set[str]:
    return set(_WORD.findall(str((claim.get("evidence") or {}).get("text") or "").lower()))


def successor(old: dict[str, Any], current: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The current claim that took `old`'s place: the same event and roles, else the claim of
    the same event (then of any) whose evidence shares the most words (at least OVERLAP)."""
    same = ids.content(old)[:2]
    for c in current:
        if ids.content(c)[:2] == same:
            return c
    words = _words(old)

    def overlap(c: dict[str, Any]) -> float:
        theirs = _words(c)
        return len(words & theirs) / len(words | theirs) if words | theirs else 0.0

    for pool in ([c for c in current if c["event"] == old["event"]], current):
        scored = [(overlap(c), -i) for i, c in enumerate(pool)]
        if scored and max(scored)[0] >= OVERLAP:
            return pool[-max(scored)[1]]
    return None


def claim_whereabouts(*, session: Session, claim_id: str) -> dict[str, Any] | None:
    """Where a claim id that is no longer stored went (None when it never was): the article
    and revision it was in, the revision and pipeline that replaced it, and its successor."""
    row = session.execute(
        select(ExtractionHistoryRow)
        .join(ClaimHistoryRow, ClaimHistoryRow.history_id == ExtractionHistoryRow.id)
        .where(ClaimHistoryRow.id == claim_id)
        .order_by(ExtractionHistoryRow.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if row is None:
        return None
    old = next(c for c in json.loads(row.claims) if c["id"] == claim_id)
    aid = row.article_id
    cur_rev = session.scalar(select(ArticleRow.current_revision).where(ArticleRow.id == aid))
    ext = session.scalars(
        select(ExtractionRow)
        .where(ExtractionRow.article_id == aid)
        .order_by(ExtractionRow.revision.desc())
    ).first()
    nxt = successor(old, current_claims(session=session, article_id=aid))
    return {
        "id": claim_id,
        "article_id": aid,
        "revision": row.revision,
        "pipeline": row.pipeline,
        "replaced_in_revision": ext.revision if ext else cur_rev,
        "replaced_by_pipeline": ext.pipeline if ext else None,
        "successor": nxt["id"] if nxt else None,
        "claim": old,
    }


def reextract_candidates(
    *, session: Session, pipeline: str | None = None, filters: ClaimFilter | None = None
) -> list[int]:
    """Ids of the stored articles to extract again, in id order: with `pipeline`, only those
    whose current revision has no extraction by it; with `filters`, only articles with a
    claim that matches them."""
    q = select(ArticleRow.id).order_by(ArticleRow.id)
    conditions = claim_conditions(session, filters)
    if conditions:
        q = q.where(ArticleRow.id.in_(select(ClaimRow.article_id).where(*conditions)))
    if pipeline is not None:
        current = select(ExtractionRow.id).where(
            ExtractionRow.article_id == ArticleRow.id,
            ExtractionRow.revision == ArticleRow.current_revision,
            ExtractionRow.pipeline == pipeline,
        )
        q = q.where(~current.exists())
    return list(session.scalars(q))


def get_setting(*, session: Session, name: str) -> Any:
    """A JSON value the store keeps for itself (app_settings), or None."""
    row = session.get(AppSettingRow, name)
    return json.loads(row.value) if row is not None else None


def put_setting(*, session: Session, name: str, value: Any) -> None:
    """Set (None: remove) a JSON value in app_settings, e.g. a reextract checkpoint."""
    row = session.get(AppSettingRow, name)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(AppSettingRow(name=name, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)
    session.flush()


def archived_claims(*, session: Session, article_id: int, revision: int) -> list[dict[str, Any]]:
    """The claims an earlier revision had when it was last current (newest archived extraction
    of it), in the list_claims shape without a storage key; [] when none was archived."""
    row = session.scalars(
        select(ExtractionHistoryRow)
        .where(
            ExtractionHistoryRow.article_id == article_id,
            ExtractionHistoryRow.revision == revision,
        )
        .order_by(ExtractionHistoryRow.id.desc())
    ).first()
    if row is None:
        return []
    return [{**c, "article_id": article_id, "pk": None} for c in json.loads(row.claims)]


def extractions(*, session: Session, article_id: int) -> list[dict[str, Any]]:
    """Every extraction of the article, oldest first and numbered from 1: those a correction
    or a newer pipeline replaced (the history) and those still stored. Each says its revision,
    the pipeline version that produced it, when, how many claims it had and whether its claims
    are the article's current ones (the newest extraction's)."""
    if session.get(ArticleRow, article_id) is None:
        raise NotFound(f"article {article_id} does not exist")
    items: list[dict[str, Any]] = []
    archived = set()
    for h in session.scalars(
        select(ExtractionHistoryRow)
        .where(ExtractionHistoryRow.article_id == article_id)
        .order_by(ExtractionHistoryRow.id)
    ):
        archived.add((h.revision, h.pipeline, h.created_at))
        items.append(
            {
                "revision": h.revision,
                "pipeline": h.pipeline or None,
                "created_at": h.created_at,
                "replaced_at": h.replaced_at,
                "claims": len(json.loads(h.claims)),
                "current": False,
                "history_id": h.id,
            }
        )
    live = list(
        session.scalars(
            select(ExtractionRow)
            .where(ExtractionRow.article_id == article_id)
            .order_by(ExtractionRow.revision, ExtractionRow.id)
        )
    )
    newest = live[-1].id if live else None
    for e in live:
        if e.id != newest and (e.revision, e.pipeline, e.created_at) in archived:
            continue  # an older revision's extraction, already listed with its archived claims
        count = (
            session.scalar(select(func.count(ClaimRow.pk)).where(ClaimRow.article_id == article_id))
            if e.id == newest
            else 0  # an older revision's claims are archived when a newer one is written
        )
        items.append(
            {
                "revision": e.revision,
                "pipeline": e.pipeline or None,
                "created_at": e.created_at,
                "replaced_at": None,
                "claims": count or 0,
                "current": e.id == newest,
                "history_id": None,
            }
        )
    items.sort(key=lambda i: (i["current"], _utc_key(i["created_at"])))
    out = []
    for n, item in enumerate(items, 1):
        out.append(
            {
                "number": n,
                **item,
                "created_at": _iso(item["created_at"]),
                "replaced_at": _iso(item["replaced_at"]),
            }
        )
    return out


def extraction_claims(
    *, session: Session, article_id: int, item: dict[str, Any]
) -> list[dict[str, Any]]:
    """The claim records of one entry of `extractions` (current: the stored claims)."""
    if item["current"]:
        return current_claims(session=session, article_id=article_id)
    if item["history_id"] is None:
        return []
    row = session.get(ExtractionHistoryRow, item["history_id"])
    return json.loads(row.claims) if row is not None else []


def _utc_key(when: datetime | None) -> str:
    """A sort key that orders naive (SQLite) and aware (PostgreSQL) UTC times alike."""
    if when is None:
        return ""
    return (when.replace(tzinfo=None) if when.tzinfo is None else when.astimezone(UTC)).strftime(
        "%Y-%m-%dT%H:%M:%S.%f"
    )


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None
