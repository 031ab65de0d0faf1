"""Bulk mode: extract partitions on a Dask cluster into Parquet shards, then load them.

    plan     SOURCE... → partitions in ingest order: runs of files (`files_per_partition`),
             JSONL files cut into chunks of `lines_per_partition` lines (byte ranges), WARC
             archives cut into runs of `records_per_partition` records (record byte ranges)
    extract  one Dask task per partition (retries=2): read + clean, MinHash, extract_text under
             a placeholder key (see parallel.py) → Parquet shard, written to a temp name and
             renamed, then marked done in DIR/manifest.json
    load     shards in partition order → the same dedupe path as `ingest` (seen/exact/near),
             one transaction per shard; each extraction through pipeline.write_extraction (ids
             keyed to the stored article), the shard's claim rows written at once (PostgreSQL
             COPY, SQLite executemany: store/bulkload.py)

Why a manifest: a killed batch resumes — a partition whose inputs still have the fingerprint
recorded with a finished shard is skipped, everything else runs again (shards are replaced
atomically, so a re-run task never leaves half a file). Load stops at the first unfinished
partition so articles are always stored in input order, and re-loading adds nothing ("seen").

Shards are written by the workers straight into DIR: with a remote scheduler DIR must be on a
filesystem the workers share.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from claimgraph.analyze import kb
from claimgraph.errors import (
    ClaimgraphError,
    IngestError,
    NotAFile,
    PartitionNotExtracted,
    Unexpected,
)
from claimgraph.ingest.article import Article
from claimgraph.ingest.dedupe import Fingerprint, fingerprint
from claimgraph.ingest.sources import ReadOptions, expand, read_jsonl
from claimgraph.ingest.warc import is_warc, read_warc, record_ranges
from claimgraph.parallel import extract_pending, read_path
from claimgraph.pipeline import (
    Failure,
    extract_stored,
    extraction_failure,
    failure_of,
    pipeline_version,
    write_extraction,
)
from claimgraph.store import repo
from claimgraph.store.bulkload import deferred_claims
from claimgraph.store.db import Store

MANIFEST = "manifest.json"
_JSONL = {".jsonl", ".ndjson"}


@dataclass
class Partition:
    """A unit of Dask work. inputs: file paths ("files"), [path, start, end, first_line]
    ("jsonl": a byte range of whole lines starting at 1-based line `first_line`) or
    [path, start, end] ("warc": the records starting in that byte range)."""

    id: str
    kind: str
    inputs: list[Any]
    fingerprint: str
    status: str = "pending"
    shard: str = ""
    articles: int = 0
    failures: int = 0
    error: str | None = None

    def __post_init__(self) -> None:
        self.shard = self.shard or f"{self.id}.parquet"


@dataclass
class BulkReport:
    partitions: int = 0
    skipped: int = 0
    ran: int = 0
    failed: list[str] = field(default_factory=list)
    plan_failures: list[Failure] = field(default_factory=list)


# ---------------------------------------------------------------- plan


def _fp(*parts: Any) -> str:
    return hashlib.sha256(
        json.dumps([pipeline_version(), *parts], default=str).encode()
    ).hexdigest()


def _file_fp(path: str) -> list[Any]:
    st = os.stat(path)
    return [path, st.st_size, st.st_mtime_ns]


def _jsonl_chunks(path: str, lines: int) -> Iterator[tuple[int, int, int, str]]:
    """(start, end, first_line, sha256) per chunk of `lines` lines, streamed (bounded memory).
    Line numbers count like read_jsonl's `splitlines`, so sources match a plain ingest."""
    start, first, n, line_no = 0, 1, 0, 1
    h = hashlib.sha256()
    with open(path, "rb") as f:
        pos = 0
        for raw in f:
            h.update(raw)
            pos += len(raw)
            n += 1
            line_no += len(raw.decode("utf-8", "replace").splitlines()) or 1
            if n >= lines:
                yield start, pos, first, h.hexdigest()
                start, first, n, h = pos, line_no, 0, hashlib.sha256()
        if n:
            yield start, pos, first, h.hexdigest()


def plan(
    sources: list[str],
    opts: ReadOptions | None = None,
    *,
    files_per_partition: int = 8,
    lines_per_partition: int = 200,
    records_per_partition: int = 200,
    near_threshold: float = 0.8,
    extract: bool = True,
) -> tuple[list[Partition], list[Failure]]:
    """Partitions in the order `ingest` would read the same sources; non-file sources fail."""
    opts = opts or ReadOptions()
    parts: list[Partition] = []
    failures: list[Failure] = []
    run: list[str] = []
    settings = [opts.max_bytes, near_threshold, extract]

    def add(kind: str, inputs: list[Any], fp: str) -> None:
        parts.append(Partition(f"p{len(parts):06d}", kind, inputs, fp))

    def close_run() -> None:
        if run:
            add("files", list(run), _fp(settings, [_file_fp(p) for p in run]))
            run.clear()

    for item in expand(sources, opts):
        if isinstance(item, IngestError):
            failures.append(failure_of(item))
            continue
        path = Path(item.label)
        if not path.is_file():
            failures.append(
                Failure(item.label, "bulk reads files only (use ingest)", NotAFile.code)
            )
        elif is_warc(path):
            close_run()
            for start, end, digest in record_ranges(path, records_per_partition):
                add("warc", [item.label, start, end], _fp(settings, item.label, start, digest))
        elif path.suffix.lower() in _JSONL:
            close_run()
            for start, end, first, digest in _jsonl_chunks(item.label, lines_per_partition):
                add("jsonl", [item.label, start, end, first], _fp(settings, item.label, digest))
        else:
            run.append(item.label)
            if len(run) >= files_per_partition:
                close_run()
    close_run()
    return parts, failures


# ---------------------------------------------------------------- manifest


def read_manifest(out_dir: Path) -> list[Partition]:
    path = out_dir / MANIFEST
    if not path.exists():
        return []
    return [Partition(**p) for p in json.loads(path.read_text())["partitions"]]


def write_manifest(out_dir: Path, parts: list[Partition]) -> None:
    """Atomically (temp file + rename), so a kill never leaves a torn manifest."""
    tmp = out_dir / f".{MANIFEST}.{uuid.uuid4().hex}.tmp"
    tmp.write_text(
        json.dumps(
            {"version": 1, "pipeline": pipeline_version(), "partitions": [asdict(p) for p in parts]}
        )
    )
    os.replace(tmp, out_dir / MANIFEST)


def _merge(out_dir: Path, planned: list[Partition]) -> list[Partition]:
    """Keep 'done' for partitions whose fingerprint and shard are unchanged."""
    old = {(p.id, p.fingerprint): p for p in read_manifest(out_dir) if p.status == "done"}
    merged = []
    for p in planned:
        prev = old.get((p.id, p.fingerprint))
        merged.append(prev if prev and (out_dir / prev.shard).exists() else p)
    return merged


# ---------------------------------------------------------------- worker side


def _articles(part: dict[str, Any], opts: ReadOptions) -> Iterator[Article | Failure]:
    if part["kind"] == "jsonl":
        path, start, end, first = part["inputs"]
        with open(path, "rb") as f:
            f.seek(start)
            raw = f.read(end - start)
        # Blank lines are skipped by read_jsonl: they make its line numbers (sources) global.
        for art in read_jsonl(b"\n" * (first - 1) + raw, label=path, opts=opts):
            yield failure_of(art) if isinstance(art, IngestError) else art
        return
    if part["kind"] == "warc":
        path, start, end = part["inputs"]
        for art in read_warc(path, label=path, max_bytes=opts.max_bytes, start=start, end=end):
            yield failure_of(art) if isinstance(art, IngestError) else art
        return
    for label in part["inputs"]:
        try:
            for art in read_path(Path(label), label, opts):
                yield failure_of(art) if isinstance(art, IngestError) else art
        except ClaimgraphError as exc:
            yield failure_of(exc, label)
        except Exception as exc:  # a reader crash on one file must not sink the partition
            yield Failure(label, f"unexpected {type(exc).__name__}: {exc}", Unexpected.code)


def extract_partition(
    part: dict[str, Any], out_dir: str, opts: ReadOptions, near_threshold: float, extract: bool
) -> dict[str, int]:
    """Dask task: one partition → one Parquet shard (idempotent, so retries are safe)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = []
    for ord_, art in enumerate(_articles(part, opts)):
        if isinstance(art, Failure):
            rows.append({"ord": ord_, "kind": "failure", **asdict(art)})
            continue
        fp = fingerprint(art.text, threshold=near_threshold)
        row: dict[str, Any] = {"ord": ord_, "kind": "article", **_article_row(art)}
        row["signature"] = fp.signature
        row["bands"] = json.dumps(fp.bands)
        if extract:
            try:
                row["extraction"] = json.dumps(extract_pending(art), ensure_ascii=False)
            except Exception as exc:
                row["ext_error"] = f"extraction failed: {type(exc).__name__}: {exc}"
        rows.append(row)
    table = pa.Table.from_pylist(rows, schema=SCHEMA)
    final = Path(out_dir) / f"{part['id']}.parquet"
    tmp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, final)
    fails = sum(r["kind"] == "failure" for r in rows)
    return {"articles": len(rows) - fails, "failures": fails}


def _schema() -> Any:
    import pyarrow as pa

    s, f = pa.string(), pa.float64()
    names = ["kind", "source", "reason", "code", "text", "raw_hash", "title", "published", "url"]
    names += ["site", "author", "language", "extra", "bands", "extraction", "ext_error"]
    fields = [pa.field("ord", pa.int32())] + [pa.field(n, s) for n in names]
    return pa.schema([*fields, pa.field("language_score", f), pa.field("signature", pa.binary())])


SCHEMA = _schema()


def _article_row(a: Article) -> dict[str, Any]:
    return {
        "source": a.source,
        "text": a.text,
        "raw_hash": a.raw_hash,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
        "site": a.site,
        "author": a.author,
        "language": a.language,
        "language_score": a.language_score,
        "extra": json.dumps(a.extra, ensure_ascii=False, default=str),
    }


def _row_article(r: dict[str, Any]) -> Article:
    return Article(
        text=r["text"],
        source=r["source"],
        raw_hash=r["raw_hash"],
        title=r["title"],
        published=datetime.fromisoformat(r["published"]) if r["published"] else None,
        url=r["url"],
        site=r["site"],
        author=r["author"],
        language=r["language"],
        language_score=r["language_score"],
        extra=json.loads(r["extra"] or "{}"),
    )


# ---------------------------------------------------------------- driver


def run_bulk(
    sources: list[str],
    out_dir: str | Path,
    client: Any,
    *,
    opts: ReadOptions | None = None,
    near_threshold: float = 0.8,
    extract: bool = True,
    files_per_partition: int = 8,
    lines_per_partition: int = 200,
    records_per_partition: int = 200,
    on_done: Callable[[Partition], None] | None = None,
) -> BulkReport:
    """Plan, skip finished partitions, extract the rest on `client` (a dask.distributed
    Client); the manifest is updated as each shard lands. `on_done` is a hook (tests kill here)."""
    from dask.distributed import as_completed

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    opts = opts or ReadOptions()
    planned, plan_failures = plan(
        sources,
        opts,
        files_per_partition=files_per_partition,
        lines_per_partition=lines_per_partition,
        records_per_partition=records_per_partition,
        near_threshold=near_threshold,
        extract=extract,
    )
    parts = _merge(out, planned)
    write_manifest(out, parts)
    report = BulkReport(partitions=len(parts), plan_failures=plan_failures)
    todo = [p for p in parts if p.status != "done"]
    report.skipped = len(parts) - len(todo)
    futures = {
        client.submit(
            extract_partition,
            asdict(p),
            str(out),
            opts,
            near_threshold,
            extract,
            key=f"claimgraph-{p.id}-{p.fingerprint[:16]}",
            retries=2,
            pure=False,
        ): p
        for p in todo
    }
    for fut in as_completed(futures):
        p = futures[fut]
        if fut.status == "error":
            p.status, p.error = "failed", repr(fut.exception())
            report.failed.append(p.id)
        else:
            counts = fut.result()
            p.status, p.error = "done", None
            p.articles, p.failures = counts["articles"], counts["failures"]
            report.ran += 1
        write_manifest(out, parts)
        if on_done is not None and p.status == "done":
            on_done(p)
    return report


# ---------------------------------------------------------------- load


def load_shards(
    out_dir: str | Path, store: Store, *, dedupe: bool = True, near_threshold: float = 0.8
) -> Iterator[repo.IngestOutcome | Failure]:
    """Store the shards' articles and extractions in partition order, one transaction per
    shard; stops (with a failure) at the first unfinished partition. Idempotent."""
    import pyarrow.parquet as pq

    out = Path(out_dir)
    for p in read_manifest(out):
        if p.status != "done":
            yield Failure(
                p.id,
                f"partition not extracted ({p.status}); rerun bulk",
                PartitionNotExtracted.code,
            )
            return
        later: list[int] = []
        clustered: list[int] = []
        results: list[repo.IngestOutcome | Failure] = []
        with store.session() as s:
            # claims of the whole shard go in as one COPY / executemany (store/bulkload.py);
            # clusters are assigned after, in article order, exactly as per-article inserts do
            with deferred_claims(s):
                for r in pq.read_table(out / p.shard).to_pylist():
                    if r["kind"] == "failure":
                        results.append(Failure(r["source"], r["reason"], r["code"]))
                        continue
                    results.extend(_load_row(s, r, dedupe, near_threshold, later, clustered))
            for aid in clustered:
                kb.assign_clusters(session=s, article_id=aid)
        yield from results
        for aid in later:  # rare: a duplicate of a stored, never-extracted article
            failure = extract_stored(store, aid)
            if failure is not None:
                yield failure


def _load_row(
    s: Any,
    r: dict[str, Any],
    dedupe: bool,
    near_threshold: float,
    later: list[int],
    clustered: list[int],
) -> Iterator[repo.IngestOutcome | Failure]:
    art = _row_article(r)
    fp = Fingerprint(r["signature"], tuple(map(tuple, json.loads(r["bands"])))) if dedupe else None
    res = repo.add_article(session=s, article=art, fp=fp, near_threshold=near_threshold)
    yield res
    ext = json.loads(r["extraction"]) if r["extraction"] else None
    if res.status == "new" and r["ext_error"]:
        yield extraction_failure(res.article_id, r["ext_error"])
    elif res.status == "new" and ext is not None:
        write_extraction(s, article_id=res.article_id, revision=1, extraction=ext, deferred=True)
        clustered.append(res.article_id)
    elif ext is not None or r["ext_error"]:
        aid = res.article_id
        revision = repo.get_article(session=s, article_id=aid)["revision"]
        if not repo.has_extraction(session=s, article_id=aid, revision=revision):
            later.append(aid)
