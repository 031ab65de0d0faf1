"""evaluate: scores against gold sets (seed gold, ../shared/eval/*) for `claimgraph eval`.

Each evaluator returns {"name", "path", "metrics", "peers", ...}; metric values are 0..1 floats
or counts. The dataset kind is read from the data itself, so new folders need no code.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def shared_dir() -> Path | None:
    """../shared beside the working directory or any ancestor of it ($CLAIMGRAPH_SHARED wins)."""
    if os.environ.get("CLAIMGRAPH_SHARED"):
        return Path(os.environ["CLAIMGRAPH_SHARED"])
    here = Path.cwd().resolve()
    for d in (here, *here.parents):
        if (d / "shared" / "seed").is_dir():
            return d / "shared"
        if d.name == "shared" and (d / "seed").is_dir():
            return d
    return None


def default_targets() -> list[Path]:
    shared = shared_dir()
    if shared is None:
        return []
    seeds = sorted((shared / "seed").glob("*.gold.json"))
    folders = (
        sorted(p for p in (shared / "eval").glob("*") if p.is_dir())
        if (shared / "eval").is_dir()
        else []
    )
    return [*seeds, *folders]


def _kind(folder: Path) -> str:
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise ValueError(f"{folder} holds no *.jsonl data")
    with files[0].open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    if "timexes" in first:
        return "timeml"
    if "toponyms" in first:
        return "geo"
    if "tags" in first or "tokens" in first:
        return "ner"
    raise ValueError(f"{files[0]}: unknown dataset format (keys {sorted(first)})")


def evaluate_path(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Score one gold file or dataset folder."""
    if path.is_file():
        from claimgraph.evaluate.seed import evaluate_gold

        return evaluate_gold(path)
    kind = _kind(path)
    if kind == "timeml":
        from claimgraph.evaluate.timeml import evaluate
    elif kind == "geo":
        from claimgraph.evaluate.geo import evaluate
    else:
        from claimgraph.evaluate.ner import evaluate
    return evaluate(path, limit=limit)
