"""The data path, one stage after another.

    ingest   sources.expand → reader (text/html/url/feed/jsonl) → clean → Article
    dedupe   exact text hash, then MinHash/LSH near-duplicates against the store
    store    one transaction per article: article + revision 1 + provenance + search index
    extract  parse → frames, entities, places, times → claims (claimgraph.extraction), stored
             per revision; an article is extracted once per revision, so reruns are no-ops

Each stage imports only earlier ones.
Errors are per source: a failed source is reported and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from claimgraph.errors import ClaimgraphError, IngestError
from claimgraph.ingest.article import Article
from claimgraph.ingest.dedupe import fingerprint
from claimgraph.ingest.sources import Item, ReadOptions, expand
from claimgraph.store import repo
from claimgraph.store.db import Store


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str
    code: str

    @property
    def message(self) -> str:
        return f"{self.source}: {self.reason}"


def ingest_sources(
    sources: list[str],
    store: Store,
    *,
    opts: ReadOptions | None = None,
    near_threshold: float = 0.8,
    dedupe: bool = True,
    extract: bool = False,
) -> Iterator[repo.IngestOutcome | Failure]:
    """Read every source and store its articles; yield one outcome or failure per article.

    With `extract`, each stored article is also extracted (once per revision).
    """
    opts = opts or ReadOptions()
    for item in expand(sources, opts):
        if isinstance(item, IngestError):
            yield _failure(item)
            continue
        for res in _ingest_item(item, store, near_threshold, dedupe):
            yield res
            if extract and isinstance(res, repo.IngestOutcome):
                failure = extract_stored(store, res.article_id)
                if failure is not None:
                    yield failure


PIPELINE = "claimgraph-0.1/en_core_web_sm-3.8.0"


def extract_stored(store: Store, article_id: int, *, force: bool = False) -> Failure | None:
    """Extract the article's current revision unless done; a failure leaves the article stored."""
    from datetime import datetime

    from claimgraph.extraction import extract_text

    with store.session() as s:
        art = repo.get_article(session=s, article_id=article_id)
        if not force and repo.has_extraction(
            session=s, article_id=article_id, revision=art["revision"]
        ):
            return None
    published = datetime.fromisoformat(art["published"]) if art["published"] else None
    try:
        if art["extraction_supported"]:
            ext = extract_text(
                art["text"],
                published=published,
                publisher=art["site"] or "publisher",
                doc_id=f"{article_id}.{art['revision']}",
                title=art["title"],
            ).to_dict()
        else:
            ext = {"skipped": f"language {art['language']} is not supported for extraction"}
    except Exception as exc:  # one bad article must not sink the batch
        return Failure(
            f"article {article_id}", f"extraction failed: {type(exc).__name__}: {exc}", "E300"
        )
    with store.session() as s:
        repo.save_extraction(
            session=s,
            article_id=article_id,
            revision=art["revision"],
            extraction=ext,
            pipeline=PIPELINE,
        )
        repo.assign_clusters(session=s, article_id=article_id)
    return None


def _ingest_item(
    item: Item, store: Store, near_threshold: float, dedupe: bool
) -> Iterator[repo.IngestOutcome | Failure]:
    try:
        for art in item.read():
            if isinstance(art, IngestError):
                yield _failure(art)
            else:
                yield store_article(art, store, near_threshold=near_threshold, dedupe=dedupe)
    except ClaimgraphError as exc:
        yield _failure(exc, item.label)
    except Exception as exc:  # a reader/parser crash on one source must not sink the batch
        yield Failure(item.label, f"unexpected {type(exc).__name__}: {exc}", "E199")


def store_article(
    article: Article, store: Store, *, near_threshold: float = 0.8, dedupe: bool = True
) -> repo.IngestOutcome:
    """Dedupe and store one article in a single transaction."""
    fp = fingerprint(article.text, threshold=near_threshold) if dedupe else None
    with store.session() as session:
        return repo.add_article(
            session=session, article=article, fp=fp, near_threshold=near_threshold
        )


def _failure(exc: Exception, label: str | None = None) -> Failure:
    if isinstance(exc, IngestError):
        return Failure(exc.source, exc.reason, exc.code)
    return Failure(label or "?", str(exc), getattr(exc, "code", "E100"))
