"""evaluate: scores against gold sets (seed gold, ../shared/eval/*) for `claimgraph eval`.

Each evaluator returns {"name", "path", "metrics", "peers", ...}; metric values are 0..1 floats
or counts. The dataset kind is read from the data itself, so new folders need no code.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterator
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


# first-record keys → evaluator module; the first rule whose keys are all present wins (claims-news
# records also hold "entities", so claim sets are recognised before NER sets)
KINDS: list[tuple[frozenset[str], str]] = [
    (frozenset({"attributions"}), "attribution"),
    (frozenset({"events"}), "events"),
    (frozenset({"claims"}), "claims_news"),
    (frozenset({"timexes"}), "timeml"),
    (frozenset({"toponyms"}), "geo"),
    (frozenset({"tags"}), "ner"),
    (frozenset({"tokens"}), "ner"),
]


def jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a gold JSONL file; a line that is not
    a JSON object is an error naming the file and line."""
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: invalid JSON ({exc.msg})") from exc
            if not isinstance(rec, dict):
                raise ValueError(f"{path}:{n}: not a JSON object")
            yield n, rec


def _first_record(path: Path) -> dict[str, Any]:
    for _, rec in jsonl_records(path):
        return rec
    raise ValueError(f"{path} is empty")


def dataset_kind(folder: Path) -> str:
    """Which evaluator reads a dataset folder, from the keys of its dev split's first record.

    dev.jsonl is read first; without it the first other *.jsonl that is not a train split.
    Raises ValueError naming the file and why when nothing fits.
    """
    folder = Path(folder)
    dev = folder / "dev.jsonl"
    files = (
        [dev]
        if dev.is_file()
        else sorted(p for p in folder.glob("*.jsonl") if not p.name.startswith("train"))
    )
    if not files:
        raise ValueError(f"{folder} holds no dev.jsonl (nor other non-train *.jsonl) to score")
    first = _first_record(files[0])
    for keys, kind in KINDS:
        if keys <= first.keys():
            return kind
    raise ValueError(f"{files[0]}: unknown dataset format (keys {sorted(first)})")


def evaluate_path(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Score one gold file or dataset folder with the evaluator its data calls for."""
    path = Path(path)
    if path.is_file():
        from claimgraph.evaluate.seed import evaluate_gold

        return evaluate_gold(path)
    if not path.is_dir():
        raise ValueError(f"{path}: no such file or folder")
    kind = dataset_kind(path)
    module = importlib.import_module(f"claimgraph.evaluate.{kind}")
    return module.evaluate(path, limit=limit)
