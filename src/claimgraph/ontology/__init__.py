"""Data files: boilerplate patterns, event types, attribution cues, entity/place/time tables.

One loader for every `*.yaml` here: each file is composed with line numbers, checked against its
schema (`schema.FILES`: unknown keys, wrong types, duplicate keys, words listed twice, triggers
two event types claim) and only then built into plain data. A bad file raises `OntologyError`
naming the file, the key and the line; the `claimgraph` command checks every file at start-up
(`validate`), so a typo stops it before any stage reads half an ontology.
"""

from __future__ import annotations

import copy
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimgraph.errors import OntologyError
from claimgraph.ontology.schema import FILES, SEMANTIC, Ctx

__all__ = ["OntologyError", "load_yaml", "read_data", "validate", "validate_dir"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str) -> str:
    """The text of one data file shipped in this package."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def parse(text: str, file: str) -> Any:
    """Check one ontology file's text against its schema and build its data."""
    name = Path(file).name
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise OntologyError(file, 1, "(top level)", "the file is empty")
        ctx = Ctx(file)
        schema = FILES.get(name)
        if schema is None:
            raise OntologyError(
                file, 1, "(file)", f"no schema for this file (known: {', '.join(sorted(FILES))})"
            )
        schema(ctx, root, ())
        if name in SEMANTIC:
            SEMANTIC[name](ctx, root)
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise OntologyError(file, line, "(syntax)", str(exc.problem or exc)) from exc
    finally:
        loader.dispose()


def load_yaml(name: str) -> Any:
    """One of this package's YAML data files, validated (a fresh copy: callers may edit it)."""
    return copy.deepcopy(_load(name))


@cache
def _load(name: str) -> Any:
    path = resources.files(__name__).joinpath(name)
    return parse(path.read_text("utf-8"), str(path))


def validate() -> None:
    """Load every shipped ontology file; the first error raises `OntologyError`."""
    for name in sorted(FILES):
        _load(name)


def validate_dir(folder: Path) -> None:
    """Check every `*.yaml` in `folder` (an edited copy of the ontology) without loading it."""
    for path in sorted(Path(folder).glob("*.yaml")):
        parse(path.read_text("utf-8"), str(path))
