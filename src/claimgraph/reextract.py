"""Extract stored articles again, e.g. after the ontology or the model changed.

    select   the stored articles (id order) with a claim matching the filters; with `stale`,
             only those whose current revision has no extraction by this pipeline version
    extract  in this process, or on N worker processes (parallel.make_pool), bounded read-ahead
    write    pipeline.write_extraction, in id order: the old extraction and claims go to the
             history, claims keep their ids where their content is unchanged

Why a checkpoint: a run over a large store may be interrupted. `stale` runs resume by
themselves (finished articles are no longer stale); a full run records the last article it
wrote (app_settings `reextract`), and a rerun with the same selection and pipeline continues
after it. A second `stale` run finds nothing to do.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from claimgraph.pipeline import (
    Change,
    Failure,
    extract_record,
    extraction_failure,
    pipeline_version,
    write_extraction,
)
from claimgraph.store import repo
from claimgraph.store.db import Store
from claimgraph.store.filters import ClaimFilter

CHECKPOINT = "reextract"


@dataclass
class ReextractReport:
    """What a run did: articles extracted again, claim ids that appeared, vanished or changed."""

    pipeline: str
    selected: int = 0
    resumed_after: int | None = None
    extracted: int = 0
    appeared: int = 0
    vanished: int = 0
    changed: int = 0
    failures: list[Failure] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["failures"] = [asdict(f) for f in self.failures]
        return out


def _selection(stale: bool, filters: ClaimFilter | None, version: str) -> str:
    return json.dumps(
        {"stale": stale, "filters": repr(filters), "pipeline": version}, sort_keys=True
    )


def select_articles(
    store: Store, *, stale: bool = False, filters: ClaimFilter | None = None
) -> list[int]:
    """The article ids a run would extract again, in order (without any checkpoint)."""
    with store.session() as s:
        return repo.reextract_candidates(
            session=s, pipeline=pipeline_version() if stale else None, filters=filters
        )


def reextract(
    store: Store,
    *,
    stale: bool = False,
    filters: ClaimFilter | None = None,
    workers: int = 1,
    executor: ProcessPoolExecutor | None = None,
    on_selected: Callable[[int], None] | None = None,
    on_article: Callable[[int, Change | Failure], None] | None = None,
) -> ReextractReport:
    """Extract the selected stored articles again (see the module doc); `on_selected` gets
    how many will run, `on_article` each article's change or failure as it is written."""
    if filters == ClaimFilter():
        filters = None  # no filter given: every article (and the same checkpoint as None)
    version = pipeline_version()
    report = ReextractReport(pipeline=version)
    selection = _selection(stale, filters, version)
    ids = select_articles(store, stale=stale, filters=filters)
    with store.session() as s:
        mark = repo.get_setting(session=s, name=CHECKPOINT)
    if not stale and mark and mark.get("selection") == selection:
        report.resumed_after = mark["done_through"]
        ids = [i for i in ids if i > mark["done_through"]]
    report.selected = len(ids)
    if on_selected is not None:
        on_selected(len(ids))

    def write(aid: int, art: dict[str, Any], ext: dict[str, Any] | Exception) -> None:
        result: Change | Failure
        if isinstance(ext, Exception):
            failure = extraction_failure(aid, ext)
            report.failures.append(failure)
            result = failure
        else:
            with store.session() as s:
                result = write_extraction(
                    s, article_id=aid, revision=art["revision"], extraction=ext
                )
                if not stale:
                    repo.put_setting(
                        session=s,
                        name=CHECKPOINT,
                        value={"selection": selection, "done_through": aid},
                    )
            report.extracted += 1
            report.appeared += len(result.appeared)
            report.vanished += len(result.vanished)
            report.changed += len(result.changed)
        if on_article is not None:
            on_article(aid, result)

    def read(aid: int) -> dict[str, Any]:
        with store.session() as s:
            return repo.get_article(session=s, article_id=aid)

    if workers <= 1 and executor is None:
        for aid in ids:
            art = read(aid)
            try:
                ext: dict[str, Any] | Exception = extract_record(art)
            except Exception as exc:  # one bad article must not sink the run
                ext = exc
            write(aid, art, ext)
    else:
        _run_pool(ids, read, write, workers, executor)
    if not stale:
        with store.session() as s:
            repo.put_setting(session=s, name=CHECKPOINT, value=None)
    return report


def _run_pool(
    ids: list[int],
    read: Callable[[int], dict[str, Any]],
    write: Callable[[int, dict[str, Any], dict[str, Any] | Exception], None],
    workers: int,
    executor: ProcessPoolExecutor | None,
) -> None:
    """Extraction on worker processes, written in id order (at most 2 × workers ahead)."""
    import contextlib

    from claimgraph.parallel import make_pool

    window: deque[tuple[int, dict[str, Any], Future[dict[str, Any]]]] = deque()
    with contextlib.nullcontext(executor) if executor else make_pool(workers) as pool:

        def flush(keep: int) -> None:
            while len(window) > keep:
                aid, art, fut = window.popleft()
                try:
                    ext: dict[str, Any] | Exception = fut.result()
                except Exception as exc:
                    ext = exc
                write(aid, art, ext)

        for aid in ids:
            art = read(aid)
            window.append((aid, art, pool.submit(extract_record, art)))
            flush(2 * max(1, workers) - 1)
        flush(0)
