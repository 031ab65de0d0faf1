"""PostgreSQL search computes one ts_headline per distinct text among the hits (copies of a
story share it): the answer must be the one a headline per hit gives, in the same order."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from claimgraph.ingest.article import Article, sha256
from claimgraph.pipeline import store_article
from claimgraph.store.search import search

FILLER = "The council met on Tuesday to discuss the budget for roads and schools. " * 20


def _article(body: str, source: str) -> Article:
    return Article(
        text=body, source=source, raw_hash=sha256(body.encode() + source.encode()), language="en"
    )


@pytest.mark.postgres
def test_pg_shared_headlines_equal_one_per_hit(pg_store) -> None:
    story = FILLER + "Officials said two drones struck a fuel depot overnight. " + FILLER
    other = "A drone was seen. " + FILLER + "The drone operator lost the drone twice. " + FILLER
    bodies = [story, other, story, story, "Harbour news without the word. " + FILLER]
    for i, body in enumerate(bodies):
        store_article(_article(body, f"https://site{i}.example/a"), pg_store, dedupe=False)
    with pg_store.session() as s:
        for query in ["drone", "drone operator", "fuel depot", "council"]:
            hits = search(session=s, query=query)
            want = s.execute(
                text(
                    "SELECT a.id, ts_headline('english', s.text, q, "
                    "'StartSel=[, StopSel=], MaxWords=20, MinWords=8') "
                    "FROM article_search s JOIN articles a ON a.id = s.article_id, "
                    "websearch_to_tsquery('english', :q) q "
                    "WHERE s.tsv @@ q ORDER BY ts_rank_cd(s.tsv, q) DESC, a.id"
                ),
                {"q": query},
            ).all()
            assert [(h.id, h.snippet) for h in hits] == [tuple(r) for r in want]
            assert hits and all("[" in h.snippet for h in hits)
