"""Every error code lives in claimgraph.errors, once (issue 11: no bare code strings)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import claimgraph
from claimgraph import errors

PACKAGE = Path(claimgraph.__file__).parent
CODE = re.compile(r"""["']E\d{3}["']""")


def _codes() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, cls in inspect.getmembers(errors, inspect.isclass):
        code = cls.__dict__.get("code")
        if code is not None:
            assert code not in out, f"{code} is both {out[code]} and {name}"
            out[code] = name
    return out


def test_codes_are_unique_and_documented() -> None:
    codes = _codes()
    assert {"E100", "E106", "E107", "E120", "E199", "E300", "E500"} <= set(codes)
    for name in codes.values():
        assert getattr(errors, name).__doc__, f"{name} says what to do"


def test_no_code_is_spelled_outside_errors_py() -> None:
    bare = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        if path.name != "errors.py" or path.parent != PACKAGE
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if CODE.search(line)
    ]
    assert not bare
