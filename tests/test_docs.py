"""The README's set-up block is a contract: exactly two commands, demo first, tests second."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_readme_opens_with_two_commands():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", readme, re.DOTALL)
    assert block and readme.index(block.group(0)) < readme.index("## ")
    lines = [ln for ln in block.group(1).splitlines() if ln.strip()]
    assert len(lines) == 2
    assert lines[0].rstrip().endswith("claimgraph demo")
    ci = (ROOT / ".ci" / "run").read_text()
    assert lines[1].strip() in ci
