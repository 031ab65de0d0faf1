"""The two reads the pages need that claimgraph.store.repo does not offer yet.

Kept here, tiny and read-only, so the pages do not depend on store changes in flight; they
belong in repo_claims (`get_extraction`, `cluster_ids`) once that module is free to edit.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claimgraph.store.models import ClusterMemberRow, ExtractionRow


def get_extraction(*, session: Session, article_id: int, revision: int) -> dict[str, Any] | None:
    """The stored extraction JSON (entities, places, times) of one revision, if any."""
    data = session.scalar(
        select(ExtractionRow.data).where(
            ExtractionRow.article_id == article_id, ExtractionRow.revision == revision
        )
    )
    return json.loads(data) if data else None


def cluster_ids(*, session: Session, claim_pks: list[int]) -> dict[int, str]:
    """claim pk → cluster id for the given claims."""
    if not claim_pks:
        return {}
    rows = session.execute(
        select(ClusterMemberRow.claim_pk, ClusterMemberRow.cluster_id).where(
            ClusterMemberRow.claim_pk.in_(claim_pks)
        )
    )
    return dict(rows.all())


def claims_revision(*, session: Session, article_id: int) -> int | None:
    """The revision the article's stored claims were extracted from (the newest extraction)."""
    return session.scalar(
        select(func.max(ExtractionRow.revision)).where(ExtractionRow.article_id == article_id)
    )
