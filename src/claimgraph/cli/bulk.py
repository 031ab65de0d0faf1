"""`claimgraph bulk SOURCE... --out DIR`"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.markup import escape

from claimgraph.cli.common import DbOption, JsonOption, err, fail, print_json, settings, store_for
from claimgraph.errors import SkippedRecords
from claimgraph.ingest.sources import ReadOptions
from claimgraph.pipeline import Failure


def register(app: typer.Typer) -> None:
    app.command("bulk")(bulk)


def bulk(
    sources: Annotated[
        list[str],
        typer.Argument(help="Files, directories (recursive), globs, JSONL and WARC files."),
    ],
    out: Annotated[
        str, typer.Option("--out", help="Folder for manifest.json and the Parquet shards.")
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Dask scheduler address (tcp://host:8786); workers must share --out.",
        ),
    ] = None,
    local_cluster: Annotated[
        int | None,
        typer.Option(
            "--local-cluster", min=1, help="Start a local Dask cluster of N worker processes."
        ),
    ] = None,
    db: DbOption = None,
    no_load: Annotated[
        bool, typer.Option("--no-load", help="Only extract the shards; load them later.")
    ] = False,
    load_only: Annotated[
        bool, typer.Option("--load-only", help="Skip extraction; load finished shards.")
    ] = False,
    files_per_partition: Annotated[
        int, typer.Option(min=1, help="Files per partition (one Dask task each).")
    ] = 64,
    lines_per_partition: Annotated[
        int, typer.Option(min=1, help="JSONL lines per partition.")
    ] = 1000,
    records_per_partition: Annotated[
        int, typer.Option(min=1, help="WARC records per partition.")
    ] = 500,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", help="Largest input file accepted, in bytes.")
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Extract a large corpus on a Dask cluster into Parquet shards, then load the store.

    Example: claimgraph bulk corpus/ wire.jsonl --out batch1/ --local-cluster 4

    A killed batch resumes: run the same command again and finished partitions are skipped.
    Loading goes through the same deduplication as `ingest`, so loading twice adds nothing.
    Exits 1 if a source or partition failed.
    """
    from claimgraph.bulk import run_bulk

    if scheduler and local_cluster:
        fail("give --scheduler or --local-cluster, not both", code=2)
    cfg = settings()
    opts = ReadOptions(max_bytes=max_bytes or cfg.max_bytes)
    near = cfg.near_duplicate_threshold
    summary: dict[str, Any] = {}
    failed = 0
    if not load_only:
        with _sigterm_unwinds(), _client(scheduler, local_cluster) as client:
            report = run_bulk(
                sources,
                out,
                client,
                opts=opts,
                near_threshold=near,
                files_per_partition=files_per_partition,
                lines_per_partition=lines_per_partition,
                records_per_partition=records_per_partition,
            )
        for f in report.plan_failures:
            err.print(f"[red]failed[/red] {escape(f.source)}: {escape(f.reason)} [{f.code}]")
        for pid in report.failed:
            err.print(f"[red]failed[/red] partition {pid} (see {out}/manifest.json)")
        failed += len(report.plan_failures) + len(report.failed)
        summary.update(
            partitions=report.partitions,
            skipped=report.skipped,
            ran=report.ran,
            failed=report.failed,
        )
        err.print(
            f"bulk: {report.partitions} partitions, {report.skipped} already done, "
            f"{report.ran} extracted, {len(report.failed)} failed"
        )
    if not no_load:
        with _sigterm_unwinds():
            summary["loaded"], n_failed = _load(out, db, near)
        failed += n_failed
    if json_out:
        print_json(summary)
    if failed:
        raise typer.Exit(1)


def _load(out: str, db: str | None, near: float) -> tuple[dict[str, int], int]:
    """Load the finished shards into the store; (counts by outcome, failures)."""
    from claimgraph.bulk import load_shards

    store = store_for(db)
    counts = {"new": 0, "seen": 0, "exact": 0, "near": 0, "failed": 0}
    try:
        _count(load_shards(out, store, near_threshold=near), counts)
    finally:
        store.close()
    err.print("load: " + (", ".join(f"{v} {k}" for k, v in counts.items() if v) or "nothing"))
    return counts, counts["failed"]


def _count(results: Iterator[Any], counts: dict[str, int]) -> None:
    """Tally load outcomes, printing failures and skipped records as they come."""
    for res in results:
        if isinstance(res, Failure) and res.code == SkippedRecords.code:
            counts["skipped"] = counts.get("skipped", 0) + 1  # a notice, not a failure
            err.print(f"[yellow]skipped[/yellow] {escape(res.source)}: {escape(res.reason)}")
        elif isinstance(res, Failure):
            counts["failed"] += 1
            err.print(f"[red]failed[/red] {escape(res.source)}: {escape(res.reason)} [{res.code}]")
        else:
            counts[res.status] += 1


@contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """SIGTERM ends the batch like Ctrl+C: the exception unwinds through the Dask client and
    the local cluster (its worker processes are stopped, not orphaned) and through the store
    session (the open transaction rolls back). Finished partitions stay in the manifest, so
    running the same command again resumes. Exit status 143 (128 + SIGTERM)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        err.print("bulk: SIGTERM - stopping the cluster; run the same command again to resume")
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _client(scheduler: str | None, local_cluster: int | None) -> Any:
    """A Dask client: the given scheduler, else a local cluster (N processes, 1 thread each)."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(
        n_workers=local_cluster or 2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
    )
    return _Closing(Client(cluster), cluster)


class _Closing:
    """Context manager closing a client and the local cluster it owns."""

    def __init__(self, client: Any, cluster: Any) -> None:
        self.client, self.cluster = client, cluster

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()
