"""Articles: newest first, keyset-paged; one article with text, revisions and sources."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query

from claimgraph.store import repo
from claimgraph.store.repo_articles import count_article_claims
from claimgraph.web.deps import (
    MAX_ID,
    SessionDep,
    bad_cursor,
    cap,
    decode_cursor,
    encode_cursor,
)
from claimgraph.web.schemas import ArticleDetail, ArticlePage, Message, RevisionText

router = APIRouter(tags=["articles"])
NOT_FOUND = {404: {"model": Message, "description": "no such article or revision"}}
ArticleId = Annotated[int, Path(description="article id", ge=1, le=MAX_ID)]


def _after(cursor: str | None) -> tuple[str | None, int] | None:
    """A cursor is [published_utc ISO or null, id] of the last article already seen."""
    if cursor is None:
        return None
    key = decode_cursor(cursor)
    if not (
        isinstance(key, list)
        and len(key) == 2
        and (key[0] is None or isinstance(key[0], str))
        and type(key[1]) is int
        and 0 <= key[1] <= MAX_ID
    ):
        raise bad_cursor()
    if key[0] is not None:
        try:
            aware = datetime.fromisoformat(key[0]).tzinfo is not None
        except ValueError as exc:
            raise bad_cursor() from exc
        if aware:  # keys are naive UTC, as stored
            raise bad_cursor()
    return key[0], key[1]


@router.get("/articles")
def list_articles(
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, description="page size; values over 500 are capped")] = 50,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page")] = None,
) -> ArticlePage:
    """Stored articles, newest publication first (undated last)."""
    size = cap(limit)
    rows = repo.list_articles_page(session=session, limit=size + 1, after=_after(cursor))
    more = len(rows) > size
    rows = rows[:size]
    return ArticlePage(
        items=[r for r, _ in rows],
        next_cursor=encode_cursor(list(rows[-1][1])) if more else None,
    )


@router.get("/articles/{article_id}", responses=NOT_FOUND)
def get_article(article_id: ArticleId, session: SessionDep) -> ArticleDetail:
    """One article: metadata, current text, its revisions and every source that led to it,
    and how many claims it has (its claims: /api/claims?article_id=…, a page at a time)."""
    art = repo.get_article(session=session, article_id=article_id)
    n = count_article_claims(session=session, article_id=article_id)
    return ArticleDetail(**art, n_claims=n)


@router.get("/articles/{article_id}/revisions/{number}", responses=NOT_FOUND)
def get_revision(
    article_id: ArticleId,
    number: Annotated[int, Path(description="revision number (1 = as ingested)", ge=1, le=MAX_ID)],
    session: SessionDep,
) -> RevisionText:
    """The text of one revision; corrections add revisions, old text stays readable."""
    art = repo.get_article(session=session, article_id=article_id, revision=number)
    info = next(r for r in art["revisions"] if r["number"] == number)
    return RevisionText(**info, article_id=article_id, text=art["text"])
