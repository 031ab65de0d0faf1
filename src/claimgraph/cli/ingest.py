"""`claimgraph ingest SOURCE...`"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from claimgraph.cli.common import DbOption, JsonOption, err, print_json, settings, store_for
from claimgraph.errors import SkippedRecords
from claimgraph.ingest.sources import ReadOptions
from claimgraph.pipeline import Failure, ingest_sources


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)


def ingest(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files, directories (recursive), globs, http(s) URLs, feeds, JSONL, or - for stdin."
        ),
    ],
    db: DbOption = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", help="Largest input accepted, in bytes (default 20 MB)."),
    ] = None,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private", help="Let URL ingest reach loopback/private/link-local addresses."
        ),
    ] = False,
    timeout: Annotated[float | None, typer.Option(help="Seconds per URL fetch.")] = None,
    near_threshold: Annotated[
        float | None,
        typer.Option(help="MinHash similarity at which a story counts as a near-duplicate."),
    ] = None,
    no_extract: Annotated[
        bool,
        typer.Option(
            "--no-extract",
            help="Store only; ingesting the same sources again without it extracts them.",
        ),
    ] = False,
    no_dedupe: Annotated[
        bool, typer.Option("--no-dedupe", help="Store near-duplicates as new stories.")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Processes that read and extract in parallel (one writer keeps the store "
            "identical to --workers 1).",
        ),
    ] = 1,
    json_out: JsonOption = False,
) -> None:
    """Read news articles into the store, cleaned, deduplicated and extracted (claims, entities,
    places, times).

    Example: claimgraph ingest ../shared/seed/ https://example.org/feed.xml articles.jsonl

    With --workers N, reading and extraction run on N processes; results are stored in input
    order, so the store is the same as with one worker.

    Each source is handled on its own: a failure is reported with its reason and the others go on.
    Exits 1 if any source failed, 0 otherwise. Re-ingesting the same input does nothing.
    """
    cfg = settings()
    opts = ReadOptions(
        max_bytes=max_bytes or cfg.max_bytes,
        allow_private=allow_private or cfg.allow_private,
        timeout=timeout or cfg.fetch_timeout,
        max_redirects=cfg.fetch_max_redirects,
    )
    store = store_for(db)
    counts = {"new": 0, "seen": 0, "exact": 0, "near": 0, "failed": 0}
    results: list[dict] = []
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold]"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} done"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        task = progress.add_task("ingest", total=None, rate="")
        kwargs: dict[str, Any] = {
            "opts": opts,
            "near_threshold": near_threshold or cfg.near_duplicate_threshold,
            "dedupe": not no_dedupe,
        }
        if workers > 1:
            from claimgraph.parallel import ingest_parallel

            stream = ingest_parallel(
                sources, store, workers=workers, extract=not no_extract, **kwargs
            )
        else:
            stream = ingest_sources(sources, store, extract=not no_extract, **kwargs)
        for res in stream:
            if isinstance(res, Failure) and res.code == SkippedRecords.code:
                # deliberately unread WARC records (images, 404s): a notice, not a failure
                counts["skipped"] = counts.get("skipped", 0) + 1
                err.print(f"[yellow]skipped[/yellow] {escape(res.source)}: {escape(res.reason)}")
                results.append(
                    {
                        "source": res.source,
                        "status": "skipped",
                        "reason": res.reason,
                        "code": res.code,
                    }
                )
            elif isinstance(res, Failure):
                counts["failed"] += 1
                err.print(
                    f"[red]failed[/red] {escape(res.source)}: {escape(res.reason)} [{res.code}]"
                )
                results.append(
                    {
                        "source": res.source,
                        "status": "failed",
                        "reason": res.reason,
                        "code": res.code,
                    }
                )
            else:
                counts[res.status] += 1
                if not json_out:
                    err.print(
                        f"[green]{res.status:>5}[/green] {escape(res.source)}: {escape(res.message)}"
                    )
                results.append(
                    {
                        "source": res.source,
                        "status": res.status,
                        "article_id": res.article_id,
                        "similarity": res.similarity,
                    }
                )
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 0
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f} articles/s" if elapsed else "")
    store.close()
    if json_out:
        print_json(results)
    summary = ", ".join(f"{v} {k}" for k, v in counts.items() if v) or "nothing to ingest"
    err.print(f"ingest: {summary}")
    if counts["failed"]:
        raise typer.Exit(1)
