"""`claimgraph eval [PATH...]`: scores on the seed gold and the shared evaluation sets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from claimgraph.cli.common import JsonOption, err, fail, out, print_json


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)


def evaluate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Gold files (*.gold.json, seed format) or dataset folders. "
            "Default: ../shared/seed/*.gold.json and every folder under ../shared/eval/."
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(help="Score only the first N documents of each dataset.")
    ] = None,
    json_out: JsonOption = False,
) -> None:
    """Measure extraction: entities, claims, sources, modality, times, places, NER.

    Example: claimgraph eval ../shared/eval/timeml-news --limit 20 --json
    """
    from claimgraph.evaluate import default_targets, evaluate_path

    targets = list(paths) if paths else default_targets()
    if not targets:
        fail(
            "nothing to evaluate: no ../shared/seed/*.gold.json or ../shared/eval/* found; pass a PATH"
        )
    datasets: list[dict] = []
    skipped: list[dict[str, str]] = []
    for path in targets:
        err.print(f"eval: {escape(str(path))} …")
        try:
            datasets.append(evaluate_path(Path(path), limit=limit))
        except Exception as exc:  # one unreadable or unknown set must not hide the others
            reason = f"{type(exc).__name__}: {exc}"
            skipped.append({"path": str(path), "reason": reason})
            err.print(f"[yellow]eval: skipped {escape(str(path))}[/yellow]: {escape(reason)}")
    if json_out:
        print_json({"datasets": datasets, "skipped": skipped})
    else:
        _print_tables(datasets)
        for sk in skipped:
            out.print(f"skipped {escape(sk['path'])}: {escape(sk['reason'])}")
    if not datasets:
        fail(f"no dataset could be scored ({len(skipped)} skipped)")


def _print_tables(datasets: list[dict]) -> None:
    for ds in datasets:
        table = Table(
            "metric",
            "claimgraph",
            "peer",
            box=None,
            title=f"{escape(ds['name'])}  ({escape(ds['path'])})",
        )
        peers: dict[str, list[dict]] = {}
        for p in ds.get("peers", []):
            peers.setdefault(p["metric"], []).append(p)
        for k, v in ds["metrics"].items():
            table.add_row(
                k,
                f"{v:.3f}" if isinstance(v, float) else str(v),
                "; ".join(f"{p['value']:.3f} {escape(p['system'])}" for p in peers.get(k, [])),
            )
        out.print(table)
        if ds.get("failed"):
            out.print(f"  {len(ds['failed'])} document(s) failed: {escape(ds['failed'][0])} …")
        if ds.get("speed"):
            out.print(
                "  speed: "
                + ", ".join(
                    f"{k} {v:,.0f}" for k, v in ds["speed"].items() if isinstance(v, int | float)
                )
            )
