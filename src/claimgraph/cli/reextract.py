"""`claimgraph reextract`: extract stored articles again with the current pipeline."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from claimgraph.cli.common import DbOption, JsonOption, err, filter_options, print_json, store_for
from claimgraph.store.filters import ClaimFilter


def register(app: typer.Typer) -> None:
    app.command("reextract")(reextract)


@filter_options
def reextract(
    db: DbOption = None,
    stale: Annotated[
        bool,
        typer.Option(
            "--stale", help="Only articles whose extraction is older than this pipeline version."
        ),
    ] = False,
    workers: Annotated[
        int, typer.Option(min=1, help="Extraction processes (one ordered writer).")
    ] = 1,
    json_out: JsonOption = False,
    *,
    filters: ClaimFilter,
) -> None:
    """Extract stored articles again (all, those with a claim matching the filters, or with
    --stale those an older pipeline extracted), keeping the earlier extractions as history;
    reports how many claims appeared, vanished and changed. An interrupted run continues
    where it stopped; a second --stale run does nothing.

    Example: claimgraph reextract --stale --workers 2
    """
    from claimgraph.pipeline import Failure
    from claimgraph.reextract import reextract as run

    store = store_for(db)
    progress = Progress(
        TextColumn("[bold]reextract[/bold]"),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        task = progress.add_task("reextract", total=None)

        def selected(n: int) -> None:
            progress.update(task, total=n)

        def done(aid: int, result: object) -> None:
            if isinstance(result, Failure):
                err.print(
                    f"[red]failed[/red] {escape(result.source)}: {escape(result.reason)} "
                    f"[{result.code}]"
                )
            progress.advance(task)

        report = run(
            store,
            stale=stale,
            filters=filters,
            workers=workers,
            on_selected=selected,
            on_article=done,
        )
    store.close()
    if json_out:
        print_json(report.to_dict())
    resumed = f", resumed after article {report.resumed_after}" if report.resumed_after else ""
    if report.selected == 0:
        err.print(f"reextract: nothing to do (pipeline {report.pipeline}){resumed}")
    else:
        err.print(
            f"reextract: {report.extracted} of {report.selected} articles extracted again with "
            f"{report.pipeline}{resumed}: {report.appeared} claims appeared, {report.vanished} "
            f"vanished, {report.changed} changed"
            + (f"; {len(report.failures)} failed" if report.failures else "")
        )
    if report.failures:
        raise typer.Exit(1)
