"""`claimgraph eval` on the seed gold, held to the floors in tests/eval_floors.json."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from tests.conftest import ROOT, SEED_DIR, need_seed

FLOORS = json.loads((ROOT / "tests" / "eval_floors.json").read_text())["seed"]


@pytest.fixture(scope="module")
def seed_report() -> dict:
    golds = sorted(SEED_DIR.glob("*.gold.json"))
    if not golds:
        need_seed(SEED_DIR / "iran-drone-factories-2023-08-02.gold.json")
    res = CliRunner().invoke(app, ["eval", str(golds[0]), "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_shape(seed_report):
    [ds] = seed_report["datasets"]
    assert set(ds) >= {"name", "path", "metrics", "peers"}
    for key in (
        "entity_p",
        "entity_r",
        "entity_f1",
        "claim_p",
        "claim_r",
        "claim_f1",
        "claims_matched",
        "claims_gold",
        "source_acc",
        "modality_acc",
        "time_acc",
        "geo_acc_161km",
    ):
        assert key in ds["metrics"]


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(seed_report, metric):
    value = seed_report["datasets"][0]["metrics"][metric]
    assert value >= FLOORS[metric], f"{metric} fell to {value} (floor {FLOORS[metric]})"
