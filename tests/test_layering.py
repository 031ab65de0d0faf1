"""Stages without back-references (issue 11): the store never calls into analysis, and no
module imports another module's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import claimgraph

PACKAGE = Path(claimgraph.__file__).parent


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import in the file, including those inside functions."""
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.lineno, node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names]
    return out


def test_the_store_never_imports_analysis() -> None:
    back = [
        f"{path.relative_to(PACKAGE)}:{line}: {module}"
        for path in (PACKAGE / "store").rglob("*.py")
        for line, module, names in _imports(path)
        if module.startswith("claimgraph.analyze")
        or (module == "claimgraph" and "analyze" in names)
    ]
    assert not back


def test_no_private_names_cross_modules() -> None:
    crossing = [
        f"{path.relative_to(PACKAGE)}:{line}: from {module} import {name}"
        for path in PACKAGE.rglob("*.py")
        for line, module, names in _imports(path)
        if module.startswith("claimgraph")
        for name in names
        if name.startswith("_") and not name.startswith("__")
    ]
    assert not crossing
