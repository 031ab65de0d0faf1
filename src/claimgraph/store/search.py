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
    if missed:  # no match in the passages (a stem the prefix missed): the whole text then
        again = _headlines(session, query, [rows[i][5] for i in missed])
        for i, snip in zip(missed, again, strict=True):
            snippets[i] = snip
    return [
        Hit(r[0], r[1], r[2], r[3], float(r[4]), snip)
        for r, snip in zip(rows, snippets, strict=True)
    ]


# ts_headline parses the whole text it is given: over each hit's full article it was ~20 of
# the 24 ms of a PostgreSQL search at 100k claims. It is given the passages around every word
# that looks like a query term instead, each with ~60 words of context on both sides: its
# snippet (a cover of the terms grown or cut to 8-20 words) never reaches past that context, so
# it picks the same passage. A text with no highlight then falls back to the full text.
_HEADLINE = "StartSel=[, StopSel=], MaxWords=20, MinWords=8"
_CONTEXT = 400  # characters on each side of a term-like word (~60 words)
_GAP = re.compile(r"\s")


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


def _window(body: str, terms: re.Pattern[str] | None) -> str:
    """The passages of `body` that ts_headline needs: whole words within _CONTEXT characters
    of each term-like word, overlapping passages merged, joined by blank lines (the whole text
    when no term-like word is found or the passages cover most of it)."""
    spans: list[list[int]] = []
    for m in terms.finditer(body) if terms else ():
        start, end = max(0, m.start() - _CONTEXT), min(len(body), m.end() + _CONTEXT)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    if not spans or sum(e - s for s, e in spans) > 0.8 * len(body):
        return body
    parts = []
    for start, end in spans:
        if start > 0:  # start and end on whitespace: no cut word
            gap = _GAP.search(body, start)
            start = gap.end() if gap else start
        if end < len(body):
            cut = max(body.rfind(" ", start, end), body.rfind("\n", start, end))
            end = cut if cut > start else end
        parts.append(body[start:end])
    return "\n\n".join(parts)


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
