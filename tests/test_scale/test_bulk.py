"""`bulk`: Dask-extracted Parquet shards load into the same store as `ingest`; resumable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

from dask.distributed import Client, LocalCluster  # noqa: E402

from claimgraph.bulk import Partition, load_shards, read_manifest, run_bulk  # noqa: E402
from claimgraph.pipeline import ingest_sources  # noqa: E402
from claimgraph.store.db import open_store  # noqa: E402
from tests.test_scale import snapshot, write_corpus  # noqa: E402

SMALL = {"files_per_partition": 3, "lines_per_partition": 2}


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("bulk-corpus"))


@pytest.fixture(scope="module")
def local(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What plain `ingest` stores for the corpus."""
    store = open_store(str(tmp_path_factory.mktemp("local") / "local.db"))
    list(ingest_sources([str(corpus)], store, extract=True))
    snap = snapshot(store)
    store.close()
    return snap


class Killed(Exception):
    pass


def test_bulk_resume_and_load_match_ingest(
    client: Client, corpus: Path, local: dict, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    done: list[str] = []

    def kill_after_two(p: Partition) -> None:
        done.append(p.id)
        if len(done) == 2:
            raise Killed

    with pytest.raises(Killed):
        run_bulk([str(corpus)], out, client, on_done=kill_after_two, **SMALL)
    parts = read_manifest(out)
    assert len(parts) >= 5 and {p.kind for p in parts} == {"files", "jsonl"}
    finished = {p.id for p in parts if p.status == "done"}
    assert finished == set(done[:2])

    # load before the batch is finished stops at the first gap, in order
    early = open_store(str(tmp_path / "early.db"))
    assert list(load_shards(out, early))[-1].code == "E500"
    early.close()

    report = run_bulk([str(corpus)], out, client, **SMALL)
    assert report.skipped == 2 and report.ran == len(parts) - 2 and not report.failed
    assert all(p.status == "done" for p in read_manifest(out))
    assert not list(out.glob(".*.tmp"))

    store = open_store(str(tmp_path / "bulk.db"))
    first = list(load_shards(out, store))
    assert {getattr(r, "status", None) for r in first} >= {"new", "exact", "near"}
    assert (
        local["claims"] and snapshot(store) == local
    )  # same articles, claim JSON (ids included), clusters
    again = list(load_shards(out, store))
    assert {r.status for r in again} == {"seen"}
    assert snapshot(store) == local
    store.close()

    # a third run has nothing to do; a changed input re-runs only its partition
    assert run_bulk([str(corpus)], out, client, **SMALL).ran == 0
    wire = corpus / "wire.jsonl"
    lines = wire.read_text().splitlines()
    rec = json.loads(lines[-1])
    rec["title"] += " (updated)"
    wire.write_text("\n".join([*lines[:-1], json.dumps(rec)]) + "\n")
    assert run_bulk([str(corpus)], out, client, **SMALL).ran == 1


def test_bulk_cli(client: Client, corpus: Path, tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from claimgraph.cli import bulk as bulk_cli

    app = typer.Typer()
    bulk_cli.register(app)
    app.command("noop")(lambda: None)
    db, out = str(tmp_path / "cli.db"), str(tmp_path / "cli-out")
    args = ["bulk", str(corpus / "wire.jsonl"), "--out", out, "--db", db, "--json"]
    res = CliRunner().invoke(app, [*args, "--scheduler", client.scheduler.address])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["loaded"]["new"] == 4
