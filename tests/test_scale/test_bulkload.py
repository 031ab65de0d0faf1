"""Shard-sized claim writes (COPY on PostgreSQL, executemany on SQLite) store what per-article
inserts store, in the same order, with awkward text intact."""

from __future__ import annotations

from sqlalchemy import select

from claimgraph.ingest.text import build_text_article
from claimgraph.store import repo
from claimgraph.store.bulkload import deferred_claims
from claimgraph.store.db import Store
from claimgraph.store.models import ClaimRow

ODD = 'tab\there, new\nline, back\\slash, "quotes", \\N, émigré ✓, \r'


def _extraction(n: int) -> dict:
    claims = []
    for k in range(3):
        claims.append(
            {
                "id": f"c{n}-{k}",
                "event": "SUPPLY",
                "modality": "reported",
                "polarity": "positive",
                "agent": {"id": f"gpe:a{n}", "name": "A"},
                "recipient": None if k == 1 else {"id": f"gpe:b{n}", "name": "B"},
                "source": {"name": ODD} if k == 0 else None,
                "location": {"name": ODD, "lat": 46.482526 + k / 3, "lon": -30.7233095},
                "time": {"value": "2024-03"} if k != 2 else None,
                "evidence": {"start": k * 10, "end": k * 10 + 5, "text": ODD},
            }
        )
    ents = [{"id": f"gpe:a{n}", "name": "A", "type": "GPE"}]
    return {"entities": ents, "claims": claims}


def _articles(store: Store, n: int) -> list[int]:
    ids = []
    with store.session() as s:
        for i in range(n):
            art = build_text_article(f"Story {i} about supplies.", raw_hash=f"r{i}", source=f"{i}")
            ids.append(repo.add_article(session=s, article=art, fp=None).article_id)
    return ids


def _rows(store: Store) -> list[tuple]:
    with store.session() as s:
        cols = [c for c in ClaimRow.__table__.columns]
        return [tuple(r) for r in s.execute(select(*cols).order_by(ClaimRow.pk))]


def test_deferred_claims_match_per_article_inserts(store: Store) -> None:
    ids = _articles(store, 4)
    with store.session() as s:
        for n in ids[:2]:
            repo.save_extraction(
                session=s, article_id=n, revision=1, extraction=_extraction(n), pipeline="p"
            )
    plain = _rows(store)
    with store.session() as s, deferred_claims(s) as buf:
        for n in ids[2:]:
            repo.save_extraction(
                session=s, article_id=n, revision=1, extraction=_extraction(n), pipeline="p"
            )
        assert len(buf.rows) == 6  # captured, not yet written
        assert s.scalar(select(ClaimRow.pk).where(ClaimRow.article_id == ids[2])) is None
    bulk = _rows(store)[len(plain) :]
    assert len(bulk) == len(plain) == 6
    pk = ClaimRow.__table__.columns.keys().index("pk")
    assert [r[pk] for r in bulk] == [plain[-1][pk] + 1 + i for i in range(6)]  # order kept

    # same values column by column (ids differ only by article)
    for a, b in zip(plain, bulk, strict=True):
        da = dict(zip(ClaimRow.__table__.columns.keys(), a, strict=True))
        db = dict(zip(ClaimRow.__table__.columns.keys(), b, strict=True))
        for col in (
            "event",
            "modality",
            "polarity",
            "source_name",
            "place_name",
            "lat",
            "lon",
            "time_value",
            "evidence_start",
            "evidence_end",
            "revision",
        ):
            assert da[col] == db[col], col
        assert db["source_name"] in (ODD, None) and db["place_name"] == ODD
