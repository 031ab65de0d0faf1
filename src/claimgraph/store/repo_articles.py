"""Article queries: ingest outcomes, revisions, provenance, the search index, listings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from claimgraph.errors import NotFound
from claimgraph.ingest.article import Article, published_text, sha256
from claimgraph.ingest.dedupe import Fingerprint, similarity
from claimgraph.store.db import lock_for_write
from claimgraph.store.models import (
    ArticleRow,
    BandRow,
    ClaimRow,
    FingerprintRow,
    RevisionRow,
    SourceRow,
)


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one input. status: new | exact | near | seen."""

    status: str
    article_id: int
    source: str
    similarity: float | None = None

    @property
    def message(self) -> str:
        if self.status == "new":
            return f"stored as article {self.article_id}"
        if self.status == "seen":
            return f"already ingested (article {self.article_id}); nothing to do"
        if self.status == "exact":
            return f"same text as article {self.article_id}; recorded as another source of it"
        return (
            f"near-duplicate of article {self.article_id} (similarity {self.similarity or 0:.2f}); "
            "linked, not stored as a new story"
        )


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo else dt


def find_seen(*, session: Session, raw_hash: str, source: str) -> int | None:
    """The article an identical input from the same source already produced, if any."""
    return session.scalar(
        select(SourceRow.article_id).where(
            SourceRow.raw_hash == raw_hash, SourceRow.source == source
        )
    )


def find_exact(*, session: Session, text_hash: str) -> int | None:
    return session.scalar(
        select(RevisionRow.article_id).where(RevisionRow.text_hash == text_hash).limit(1)
    )


def find_near(*, session: Session, fp: Fingerprint, threshold: float) -> tuple[int, float] | None:
    """Best stored article sharing an LSH band with `fp` and at or above `threshold`."""
    if not fp.bands:
        return None
    conds = [(BandRow.band == b) & (BandRow.key == k) for b, k in fp.bands]
    from sqlalchemy import or_

    candidates = session.scalars(
        select(BandRow.article_id).where(or_(*conds)).distinct().limit(200)
    ).all()
    best: tuple[int, float] | None = None
    for aid in candidates:
        sig = session.scalar(
            select(FingerprintRow.signature).where(FingerprintRow.article_id == aid)
        )
        if sig is None:
            continue
        sim = similarity(fp.signature, sig)
        if sim >= threshold and (
            best is None or sim > best[1] or (sim == best[1] and aid < best[0])
        ):
            best = (aid, sim)
    return best


def add_article(
    *, session: Session, article: Article, fp: Fingerprint | None, near_threshold: float = 0.8
) -> IngestOutcome:
    """Store one article with its first revision, provenance, fingerprint and search entry.

    Runs inside the caller's transaction, so an interrupted ingest leaves no half article;
    concurrent ingests take turns here (`lock_for_write`), so overlapping records are stored once.
    """
    lock_for_write(session)
    seen = find_seen(session=session, raw_hash=article.raw_hash, source=article.source)
    if seen is not None:
        return IngestOutcome("seen", seen, article.source)
    text_hash = article.text_hash
    exact = find_exact(session=session, text_hash=text_hash)
    if exact is not None:
        _add_source(session, article, exact, "exact", 1.0)
        return IngestOutcome("exact", exact, article.source, 1.0)
    if fp is not None:
        near = find_near(session=session, fp=fp, threshold=near_threshold)
        if near is not None:
            _add_source(session, article, near[0], "near", near[1])
            return IngestOutcome("near", near[0], article.source, near[1])

    row = ArticleRow(
        title=article.title,
        url=article.url,
        site=article.site,
        author=article.author,
        # at the source's precision: "2021" stays a year (read back with read_published)
        published=published_text(article.published, article.extra.get("published_granularity")),
        published_utc=_utc(article.published),
        language=article.language,
        language_score=article.language_score,
        extraction_supported=article.supported,
        current_revision=1,
    )
    session.add(row)
    session.flush()
    session.add(RevisionRow(article_id=row.id, number=1, text=article.text, text_hash=text_hash))
    _add_source(session, article, row.id, "new", None)
    if fp is not None:
        session.add(FingerprintRow(article_id=row.id, signature=fp.signature))
        session.execute(
            insert(BandRow), [{"band": b, "key": k, "article_id": row.id} for b, k in fp.bands]
        )
    _index(session, row.id, article.title, article.text)
    return IngestOutcome("new", row.id, article.source)


def _add_source(
    session: Session, a: Article, article_id: int, kind: str, sim: float | None
) -> None:
    session.add(
        SourceRow(
            source=a.source,
            raw_hash=a.raw_hash,
            text_hash=a.text_hash,
            article_id=article_id,
            kind=kind,
            similarity=sim,
            url=a.url,
            site=a.site,
            title=a.title,
        )
    )


def _index(session: Session, article_id: int, title: str | None, body: str) -> None:
    """Put the current title+text in the dialect's full-text index (replacing any old entry)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id})
        session.execute(
            text("INSERT INTO article_fts(rowid, title, text) VALUES (:id, :title, :text)"),
            {"id": article_id, "title": title or "", "text": body},
        )
    else:
        session.execute(
            text("DELETE FROM article_search WHERE article_id = :id"), {"id": article_id}
        )
        session.execute(
            text("INSERT INTO article_search(article_id, title, text) VALUES (:id, :title, :text)"),
            {"id": article_id, "title": title, "text": body},
        )


def add_revision(
    *, session: Session, article_id: int, text_: str, reason: str, parent_number: int | None = None
) -> RevisionRow:
    """A new revision on top of the current one; old text is kept, never overwritten."""
    art = session.get(ArticleRow, article_id)
    if art is None:
        raise NotFound(f"article {article_id} does not exist")
    parent = session.scalar(
        select(RevisionRow).where(
            RevisionRow.article_id == article_id,
            RevisionRow.number == (parent_number or art.current_revision),
        )
    )
    if parent is None:
        raise NotFound(f"article {article_id} has no revision {parent_number}")
    number = (
        session.scalar(
            select(func.max(RevisionRow.number)).where(RevisionRow.article_id == article_id)
        )
        or 0
    ) + 1
    rev = RevisionRow(
        article_id=article_id,
        number=number,
        parent_id=parent.id,
        text=text_,
        text_hash=sha256(text_.encode("utf-8")),
        reason=reason,
    )
    session.add(rev)
    art.current_revision = number
    session.flush()
    _index(session, article_id, art.title, text_)
    return rev


def article_dict(row: ArticleRow) -> dict[str, Any]:
    """The `articles --json` shape."""
    return {
        "id": row.id,
        "title": row.title,
        "published": row.published,
        "site": row.site,
        "url": row.url,
        "language": row.language,
        "revision": row.current_revision,
    }


def list_articles(*, session: Session, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Newest first by publication time (undated last), then newest stored first."""
    q = (
        select(ArticleRow)
        .order_by(
            ArticleRow.published_utc.is_(None),
            ArticleRow.published_utc.desc(),
            ArticleRow.id.desc(),
        )
        .offset(offset)
    )
    if limit is not None:
        q = q.limit(limit)
    return [article_dict(r) for r in session.scalars(q)]


def get_article(*, session: Session, article_id: int, revision: int | None = None) -> dict:
    """Metadata, the text of the current (or a given) revision, its revisions and its sources."""
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise NotFound(f"article {article_id} does not exist (see `claimgraph articles`)")
    wanted = revision or row.current_revision
    revs = list(row.revisions)
    current = next((r for r in revs if r.number == wanted), None)
    if current is None:
        raise NotFound(f"article {article_id} has no revision {wanted}")
    sources = session.scalars(
        select(SourceRow).where(SourceRow.article_id == article_id).order_by(SourceRow.id)
    ).all()
    out = article_dict(row)
    out.update(
        author=row.author,
        language_score=row.language_score,
        extraction_supported=row.extraction_supported,
        text=current.text,
        text_revision=current.number,
        revisions=[
            {
                "number": r.number,
                "parent": next((p.number for p in revs if p.id == r.parent_id), None),
                "reason": r.reason,
                "created_at": r.created_at.isoformat() if r.created_at else None,
                "text_hash": r.text_hash,
            }
            for r in revs
        ],
        sources=[
            {
                "source": s.source,
                "kind": s.kind,
                "similarity": s.similarity,
                "url": s.url,
                "site": s.site,
            }
            for s in sources
        ],
    )
    return out


def count_article_claims(*, session: Session, article_id: int) -> int:
    """How many current claims one article has (an indexed count: cheap for any article)."""
    q = select(func.count()).select_from(ClaimRow).where(ClaimRow.article_id == article_id)
    return session.scalar(q) or 0


def article_claims_page(
    *, session: Session, article_id: int, offset: int, limit: int
) -> tuple[list[dict[str, Any]], int]:
    """Claims [offset, offset + limit) of one article in storage (text) order, and how many it
    has: one article can yield thousands (15,007 in issue 12), so readers get them a page at a
    time. Rows in the list_claims shape."""
    from claimgraph.store.repo_claims import list_claims

    total = count_article_claims(session=session, article_id=article_id)
    if offset >= total:
        return [], total
    first = session.scalar(
        select(ClaimRow.pk)
        .where(ClaimRow.article_id == article_id)
        .order_by(ClaimRow.pk)
        .offset(offset)
        .limit(1)
    )
    assert first is not None  # offset < total
    rows = list_claims(
        session=session, article_id=article_id, order="pk", limit=limit, after_pk=first - 1
    )
    return rows, total


def count_articles(*, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ArticleRow)) or 0


def delete_article(*, session: Session, article_id: int) -> None:
    """Remove an article and everything hanging off it (tests and admin use)."""
    from claimgraph.store import graph_index

    graph_index.on_write(session, article_id, None)
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id})
    session.execute(delete(ArticleRow).where(ArticleRow.id == article_id))


def list_articles_page(
    *, session: Session, limit: int, after: tuple[str | None, int] | None = None
) -> list[tuple[dict[str, Any], tuple[str | None, int]]]:
    """`list_articles` order, keyset-paged so pages stay gap-free while articles arrive.

    Each row comes with its key (published_utc ISO or None, id); pass the last key as `after`.
    """
    q = select(ArticleRow).order_by(
        ArticleRow.published_utc.is_(None), ArticleRow.published_utc.desc(), ArticleRow.id.desc()
    )
    if after is not None:
        pub, aid = after
        if pub is None:
            q = q.where(ArticleRow.published_utc.is_(None), ArticleRow.id < aid)
        else:
            at = datetime.fromisoformat(pub)
            q = q.where(
                ArticleRow.published_utc.is_(None)
                | (ArticleRow.published_utc < at)
                | ((ArticleRow.published_utc == at) & (ArticleRow.id < aid))
            )
    return [
        (article_dict(r), (r.published_utc.isoformat() if r.published_utc else None, r.id))
        for r in session.scalars(q.limit(limit))
    ]
