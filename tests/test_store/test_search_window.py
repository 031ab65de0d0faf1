"""PostgreSQL search snippets: ts_headline runs over the passages around the query-term-like
words (store/search._window), not the whole article, and gives the same snippet as over the
whole text (also when a later passage holds more hits, or the terms are far apart)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from claimgraph.ingest.article import Article, sha256
from claimgraph.pipeline import store_article
from claimgraph.store.search import _first_term, _window, search

FILLER = "The council met on Tuesday to discuss the budget for roads and schools. " * 60


def _article(body: str, source: str) -> Article:
    return Article(
        text=body, source=source, raw_hash=sha256(body.encode() + source.encode()), language="en"
    )


def _marked(snippet: str) -> list[str]:
    """The highlighted words of a snippet, in order."""
    return re.findall(r"\[([^\]]+)\]", snippet)


def test_window_is_around_the_terms() -> None:
    body = FILLER + "Two drones struck a depot near the river. " + FILLER
    win = _window(body, _first_term("drone"))
    assert "Two drones struck" in win
    assert len(win) < len(body) / 4
    assert win == win.strip() and body.find(win) >= 0  # a slice of whole words
    assert _window("short text", _first_term("drone")) == "short text"
    assert _first_term("-drone or") is None  # excluded terms and the OR operator find nothing


@pytest.mark.postgres
def test_pg_snippet_matches_the_whole_text_headline(pg_store) -> None:
    near = FILLER + "Officials said two drones struck a fuel depot overnight. " + FILLER
    far = "A drone was seen. " + FILLER + FILLER + "Reporters named the harbour master. "
    # the whole text's headline picks the later passage (two hits): so must the passages
    later = "A drone was seen. " + FILLER + "The drone operator lost the drone twice. " + FILLER
    ids = [
        store_article(_article(b, f"s{i}"), pg_store).article_id
        for i, b in enumerate([near, far, later])
    ]
    with pg_store.session() as s:
        for query, aid in [
            ("drones", ids[0]),
            ("drone harbour master", ids[1]),
            ("drone operator", ids[2]),
            ("drone", ids[2]),
        ]:
            hits = {h.id: h.snippet for h in search(session=s, query=query)}
            whole = s.scalar(
                text(
                    "SELECT ts_headline('english', text, websearch_to_tsquery('english', :q), "
                    "'StartSel=[, StopSel=], MaxWords=20, MinWords=8') "
                    "FROM article_search WHERE article_id = :id"
                ),
                {"q": query, "id": aid},
            )
            assert _marked(whole), whole
            assert hits[aid] == whole
