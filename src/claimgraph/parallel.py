"""Parallel ingest: extraction in a process pool, one ordered writer.

    main     expand(sources) lazily → tasks (a file path, or one article read here from a
             JSONL/URL/stdin source) → at most `inflight` tasks submitted at once
    workers  read + clean (file tasks), MinHash fingerprint, extract_text — spaCy and the
             gazetteer are loaded once per worker by the initializer
    writer   the main process, in input order: dedupe + store (repo.add_article), then
             pipeline.write_extraction (ids keyed to the stored article, clusters)

Why input order: article ids, entity linking and clusters depend on storage order, so writing
out-of-order results as they come would make the store differ from a 1-worker run. Results that
finish early wait in the window, which stays bounded (memory is O(inflight), not O(corpus)).

Why a placeholder key: claim ids hash the article key (claimgraph.ids), unknown until the
writer stores the article. Workers extract under a placeholder; ids depend only on the claim
record, so the writer re-keys them exactly (pipeline.write_extraction), as the 1-worker path.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimgraph.errors import ClaimgraphError, IngestError, TooLarge, Unexpected
from claimgraph.ingest.article import Article
from claimgraph.ingest.dedupe import Fingerprint, fingerprint
from claimgraph.ingest.sources import Item, ReadOptions, expand, read_bytes
from claimgraph.ingest.warc import is_warc, read_warc
from claimgraph.pipeline import (
    Failure,
    extract_stored,
    extraction_failure,
    failure_of,
    write_extraction,
)
from claimgraph.store import repo
from claimgraph.store.db import Store, open_store

PLACEHOLDER_KEY = "pending"
_MAIN_READ = {".jsonl", ".ndjson", ".json"}  # many articles per file: read here, one task each


def extract_pending(article: Article) -> dict[str, Any]:
    """What pipeline.extract_stored would compute for this article once stored, under the
    placeholder key (the writer gives the claims their ids)."""
    from claimgraph.extraction import extract_text

    if not article.supported:
        return {"skipped": f"language {article.language} is not supported for extraction"}
    return extract_text(
        article.text,
        published=article.published,
        publisher=article.site or "publisher",
        doc_id=PLACEHOLDER_KEY,
        title=article.title,
        published_granularity=article.extra.get("published_granularity"),
    ).to_dict()


# ---------------------------------------------------------------- worker side


@dataclass
class _Done:
    """One read result: an article with its fingerprint and extraction, or a failure."""

    article: Article | None = None
    fp: Fingerprint | None = None
    ext: dict[str, Any] | None = None
    ext_error: str | None = None
    failure: Failure | None = None


_W: dict[str, Any] = {}


def _init_worker(warm: bool) -> None:
    """Load spaCy + gazetteer once per worker (a tiny extraction touches every resource)."""
    if warm:
        from claimgraph.extraction import extract_text

        extract_text("Officials in Kyiv said on Monday that Russia had launched drones at Odesa.")


def _worker_store(url: str | None) -> Store | None:
    """The worker's read-only view of the writer's store, opened once per worker and URL."""
    if url is None:
        return None
    if url not in _W:
        _W[url] = open_store(url, upgrade=False)
    return _W[url]


def _already_extracted(
    store: Store | None, article: Article, fp: Fingerprint | None, near: float
) -> bool:
    """The writer will find this article (seen/exact/near) with its target already extracted,
    so extracting it here would be wasted work (checked against the store as it is now)."""
    if store is None:
        return False
    with store.session() as s:
        return (
            repo.extracted_duplicate(
                session=s,
                raw_hash=article.raw_hash,
                source=article.source,
                text_hash=article.text_hash,
                fp=fp,
                near_threshold=near,
            )
            is not None
        )


def _process_article(
    art: Article, near: float, dedupe: bool, extract: bool, store: Store | None
) -> _Done:
    fp = fingerprint(art.text, threshold=near) if dedupe else None
    done = _Done(article=art, fp=fp)
    if extract and not _already_extracted(store, art, fp, near):
        try:
            done.ext = extract_pending(art)
        except Exception as exc:  # reported by the writer after the article is stored
            done.ext_error = f"extraction failed: {type(exc).__name__}: {exc}"
    return done


def read_path(path: Path, label: str, opts: ReadOptions) -> Iterator[Article | IngestError]:
    """The articles of one file as a worker reads it (WARC streamed, others under the cap)."""
    if is_warc(path):  # streamed per record; the byte cap applies to each record
        yield from read_warc(path, label=label, max_bytes=opts.max_bytes)
        return
    size = path.stat().st_size
    if size > opts.max_bytes:  # same refusal as sources._read_file, before reading a byte
        raise TooLarge(label, f"{size:,} bytes is over the {opts.max_bytes:,}-byte cap")
    yield from read_bytes(path.read_bytes(), label=label, suffix=path.suffix.lower(), opts=opts)


def _run_task(
    task: tuple,
    opts: ReadOptions,
    near: float,
    dedupe: bool,
    extract: bool,
    store_url: str | None,
) -> list:
    """One pool task: a file to read (any number of articles) or one article read in main."""
    kind, payload = task
    store = _worker_store(store_url)
    if kind == "article":
        return [_process_article(payload, near, dedupe, extract, store)]
    out: list[_Done] = []
    try:
        for art in read_path(Path(payload), payload, opts):
            if isinstance(art, IngestError):
                out.append(_Done(failure=failure_of(art)))
            else:
                out.append(_process_article(art, near, dedupe, extract, store))
    except ClaimgraphError as exc:
        out.append(_Done(failure=failure_of(exc, payload)))
    except Exception as exc:  # a reader crash on one file must not sink the batch
        out.append(
            _Done(
                failure=Failure(payload, f"unexpected {type(exc).__name__}: {exc}", Unexpected.code)
            )
        )
    return out


# ---------------------------------------------------------------- main side


def _tasks(sources: list[str], opts: ReadOptions) -> Iterator[tuple | list[_Done]]:
    """Lazily: ("file", path) for single-document files, ("article", a) for each article of a
    JSONL/URL/stdin source (read here, streamed), or ready results (read errors)."""
    for item in expand(sources, opts):
        if isinstance(item, IngestError):
            yield [_Done(failure=failure_of(item))]
        elif Path(item.label).is_file() and Path(item.label).suffix.lower() not in _MAIN_READ:
            yield ("file", item.label)
        else:
            yield from _read_here(item)


def _read_here(item: Item) -> Iterator[tuple | list[_Done]]:
    try:
        for art in item.read():
            if isinstance(art, IngestError):
                yield [_Done(failure=failure_of(art))]
            else:
                yield ("article", art)
    except ClaimgraphError as exc:
        yield [_Done(failure=failure_of(exc, item.label))]
    except Exception as exc:
        yield [
            _Done(
                failure=Failure(
                    item.label, f"unexpected {type(exc).__name__}: {exc}", Unexpected.code
                )
            )
        ]


def _store_url(store: Store) -> str | None:
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None  # a private in-memory database: workers cannot look, they just extract
    return url.render_as_string(hide_password=False)


def make_pool(workers: int, *, warm: bool = True) -> ProcessPoolExecutor:
    """A forkserver (spawn elsewhere) pool whose workers load the models once; reusable across
    `ingest_parallel` calls and stores (pass it as `executor`)."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(warm,)
    )


def write_result(
    done: _Done, store: Store, *, near_threshold: float, extract: bool
) -> Iterator[repo.IngestOutcome | Failure]:
    """The writer's step for one article: dedupe + store, then its extraction and clusters,
    exactly as pipeline.ingest_sources would (and extract_stored when the result cannot be used)."""
    if done.failure is not None:
        yield done.failure
        return
    assert done.article is not None
    with store.session() as s:
        res = repo.add_article(
            session=s, article=done.article, fp=done.fp, near_threshold=near_threshold
        )
    yield res
    if not extract:
        return
    if res.status == "new" and done.ext_error:
        yield extraction_failure(res.article_id, done.ext_error)
    elif res.status == "new" and done.ext is not None:
        with store.session() as s:
            write_extraction(s, article_id=res.article_id, revision=1, extraction=done.ext)
    else:
        failure = extract_stored(store, res.article_id)
        if failure is not None:
            yield failure


def ingest_parallel(
    sources: list[str],
    store: Store,
    *,
    workers: int = 2,
    opts: ReadOptions | None = None,
    near_threshold: float = 0.8,
    dedupe: bool = True,
    extract: bool = True,
    inflight: int | None = None,
    executor: ProcessPoolExecutor | None = None,
) -> Iterator[repo.IngestOutcome | Failure]:
    """`pipeline.ingest_sources` with reading, fingerprints and extraction on `workers`
    processes; same outcomes, same order, same stored rows. At most `inflight` (default
    2 × workers) tasks are read ahead of the writer. `executor` (see make_pool) is used and
    left open instead of starting a pool."""
    opts = opts or ReadOptions()
    limit = max(1, inflight or 2 * workers)
    window: deque[Future | list[_Done]] = deque()
    url = _store_url(store)
    with contextlib.nullcontext(executor) if executor else make_pool(workers, warm=extract) as pool:

        def flush(keep: int) -> Iterator[repo.IngestOutcome | Failure]:
            while len(window) > keep:
                head = window.popleft()
                for done in head if isinstance(head, list) else head.result():
                    yield from write_result(
                        done, store, near_threshold=near_threshold, extract=extract
                    )

        for task in _tasks(sources, opts):
            if isinstance(task, list):
                window.append(task)
            else:
                window.append(
                    pool.submit(_run_task, task, opts, near_threshold, dedupe, extract, url)
                )
            yield from flush(limit - 1)
        yield from flush(0)
