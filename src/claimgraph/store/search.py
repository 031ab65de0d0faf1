"""Full-text search behind one function: SQLite FTS5 or PostgreSQL tsvector."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Hit:
    id: int
    title: str | None
    published: str | None
    site: str | None
    score: float
    snippet: str

    def as_dict(self) -> dict:
        return asdict(self)


def _fts5_query(query: str) -> str:
    """User words → an FTS5 query of quoted terms (AND), so punctuation can't break the syntax.

    A quoted phrase in the input stays a phrase.
    """
    parts: list[str] = []
    for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query):
        tokens = _TOKEN.findall(phrase or word)
        if tokens:
            parts.append('"' + " ".join(tokens) + '"')
    return " ".join(parts)


def search(*, session: Session, query: str, limit: int = 20) -> list[Hit]:
    """Articles ranked by relevance to `query`, each with a snippet around the matches."""
    if session.get_bind().dialect.name == "sqlite":
        q = _fts5_query(query)
        if not q:
            return []
        rows = session.execute(
            text(
                "SELECT a.id, a.title, a.published, a.site, bm25(article_fts, 5.0, 1.0) AS rank, "
                "snippet(article_fts, 1, '[', ']', '…', 16) AS snip "
                "FROM article_fts JOIN articles a ON a.id = article_fts.rowid "
                "WHERE article_fts MATCH :q ORDER BY rank LIMIT :limit"
            ),
            {"q": q, "limit": limit},
        ).all()
        return [Hit(r[0], r[1], r[2], r[3], -float(r[4]), r[5]) for r in rows]
    if not _TOKEN.search(query):
        return []
    rows = session.execute(
        text(
            "SELECT a.id, a.title, a.published, a.site, ts_rank_cd(s.tsv, q) AS rank, s.text "
            "FROM article_search s JOIN articles a ON a.id = s.article_id, "
            "websearch_to_tsquery('english', :q) q "
            "WHERE s.tsv @@ q ORDER BY rank DESC, a.id LIMIT :limit"
        ),
        {"q": query, "limit": limit},
    ).all()
    if not rows:
        return []
    first = _first_term(query)
    snippets = _headlines(session, query, [_window(r[5], first) for r in rows])
    missed = [i for i, snip in enumerate(snippets) if "[" not in snip]
    if missed:  # the window held no whole match (a far-off term, a stem): the whole text then
        again = _headlines(session, query, [rows[i][5] for i in missed])
        for i, snip in zip(missed, again, strict=True):
            snippets[i] = snip
    return [
        Hit(r[0], r[1], r[2], r[3], float(r[4]), snip)
        for r, snip in zip(rows, snippets, strict=True)
    ]


# ts_headline parses the whole text it is given: over each hit's full article it was ~20 of
# the 24 ms of a PostgreSQL search at 100k claims. It is given a window around the first word
# that looks like a query term instead (its snippet of <= 20 words lies there unless another
# passage holds more of the terms); a window with no match falls back to the full text.
_HEADLINE = "StartSel=[, StopSel=], MaxWords=20, MinWords=8"
_BEFORE, _AFTER = 300, 1500  # characters around the first match (~50 words before, ~250 after)


def _first_term(query: str) -> re.Pattern[str] | None:
    """A case-insensitive pattern for the start of any positive query term, cut to a stem-ish
    prefix (drone -> dron: drones, droned); None when the query has no such term."""
    stems = {
        t.casefold()[: max(4, len(t) - 3)]
        for phrase, word in re.findall(r'"([^"]+)"|(\S+)', query)
        if not (word or "").startswith("-") and (word or phrase).casefold() != "or"
        for t in _TOKEN.findall(phrase or word)
    }
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(stems))) + ")", re.IGNORECASE)


def _window(body: str, first: re.Pattern[str] | None) -> str:
    """The part of `body` that ts_headline needs: whole words from ~_BEFORE characters before
    the first term-like word to ~_AFTER after it (the whole text if none is found)."""
    m = first.search(body) if first else None
    if m is None or len(body) <= _BEFORE + _AFTER:
        return body
    start, end = max(0, m.start() - _BEFORE), m.start() + _AFTER
    if start > 0:
        start = body.find(" ", start) + 1 or m.start()
    if end < len(body):
        cut = body.rfind(" ", m.end(), end)
        end = cut if cut > 0 else end
    return body[start:end]


def _headlines(session: Session, query: str, texts: list[str]) -> list[str]:
    """ts_headline of each text for the query, in order, in one round trip."""
    rows = session.execute(
        text(
            f"SELECT ts_headline('english', t.body, q, '{_HEADLINE}') "
            "FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS t(body, n), "
            "websearch_to_tsquery('english', :q) q ORDER BY t.n"
        ),
        {"texts": texts, "q": query},
    ).all()
    return [r[0] for r in rows]
