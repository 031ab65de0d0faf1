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
    datasets = []
    for path in targets:
        err.print(f"eval: {path} …")
        try:
            datasets.append(evaluate_path(Path(path), limit=limit))
        except (OSError, ValueError, KeyError) as exc:
            fail(f"{path}: cannot evaluate ({type(exc).__name__}: {exc})")
    if json_out:
        print_json({"datasets": datasets})
        return
    for ds in datasets:
        table = Table(
            "metric",
            "claimgraph",
            "peer",
            box=None,
            title=f"{escape(ds['name'])}  ({escape(ds['path'])})",
        )
        peers = {p["metric"]: p for p in ds.get("peers", [])}
        for k, v in ds["metrics"].items():
            peer = peers.get(k)
            table.add_row(
                k,
                f"{v:.3f}" if isinstance(v, float) else str(v),
                f"{peer['value']:.3f} {escape(peer['system'])}" if peer else "",
            )
        out.print(table)
        if ds.get("speed"):
            out.print(
                "  speed: "
                + ", ".join(
                    f"{k} {v:,.0f}" for k, v in ds["speed"].items() if isinstance(v, int | float)
                )
            )
