"""deferred_claims captures plain claim INSERTs until flush and lets a RETURNING insert run."""

from __future__ import annotations

from sqlalchemy import func, insert, select

from claimgraph.ingest.text import build_text_article
from claimgraph.store import repo
from claimgraph.store.bulkload import deferred_claims
from claimgraph.store.db import Store
from claimgraph.store.models import ClaimRow


def _row(aid: int, n: int) -> dict:
    return {
        "id": f"c{n}",
        "article_id": aid,
        "revision": 1,
        "event": "SUPPLY",
        "modality": "asserted",
        "polarity": "positive",
        "evidence_start": 0,
        "evidence_end": 5,
        "data": "{}",
    }


def test_plain_inserts_wait_returning_runs_now(store: Store) -> None:
    with store.session() as s:
        art = build_text_article("Story about supplies.", raw_hash="r", source="s")
        aid = repo.add_article(session=s, article=art, fp=None).article_id
        with deferred_claims(s) as buf:
            s.execute(insert(ClaimRow), [_row(aid, 1), _row(aid, 2)])
            assert len(buf.rows) == 2
            assert s.scalar(select(func.count()).select_from(ClaimRow)) == 0
            pk = s.execute(insert(ClaimRow).returning(ClaimRow.pk), [_row(aid, 3)]).scalar_one()
            assert pk and len(buf.rows) == 2  # not captured: the caller reads its RETURNING
        ids = s.scalars(select(ClaimRow.id).order_by(ClaimRow.pk)).all()
    assert ids == ["c3", "c1", "c2"]
