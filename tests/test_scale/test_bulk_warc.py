"""`bulk` on a WARC: record-range partitions give the same store as `ingest`, and resume."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

from dask.distributed import Client, LocalCluster  # noqa: E402

from claimgraph.bulk import Partition, load_shards, read_manifest, run_bulk  # noqa: E402
from claimgraph.pipeline import Failure, ingest_sources  # noqa: E402
from claimgraph.store.db import open_store  # noqa: E402
from tests.test_ingest.test_warc import PAGES, write_warc  # noqa: E402
from tests.test_scale import STORIES, snapshot  # noqa: E402


class Killed(Exception):
    pass


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """In-process workers (threads): the partition logic is what is tested here."""
    cluster = LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    )
    with Client(cluster) as c:
        yield c
    cluster.close()


def test_bulk_warc_matches_ingest_and_resumes(client: Client, tmp_path: Path) -> None:
    extra = [
        (f"https://news.example/wire/{n}", t.encode(), b.encode(), PAGES[1][3])
        for n, (_, t, b) in enumerate(STORIES[4:9])
    ]
    warc = write_warc(tmp_path / "crawl.warc.gz", pages=PAGES + extra)

    local = open_store(str(tmp_path / "local.db"))
    plain = list(ingest_sources([str(warc)], local, extract=True))
    expected = snapshot(local)
    local.close()
    statuses = [getattr(r, "status", None) for r in plain]
    assert statuses.count("new") == 8 and {"exact", "near"} & set(statuses)  # the note = story 5
    assert expected["claims"]

    out = tmp_path / "out"
    done: list[str] = []

    def kill_after_one(p: Partition) -> None:
        done.append(p.id)
        raise Killed

    with pytest.raises(Killed):
        run_bulk([str(warc)], out, client, records_per_partition=4, on_done=kill_after_one)
    parts = read_manifest(out)
    assert len(parts) >= 4 and {p.kind for p in parts} == {"warc"}
    assert parts[0].inputs[1] == 0 and parts[-1].inputs[2] == warc.stat().st_size

    report = run_bulk([str(warc)], out, client, records_per_partition=4)
    assert report.skipped == 1 and report.ran == len(parts) - 1 and not report.failed

    store = open_store(str(tmp_path / "bulk.db"))
    first = list(load_shards(out, store))
    notices = [r for r in first if isinstance(r, Failure)]
    assert notices and {f.code for f in notices} == {"E106"}  # the image and the 404
    assert snapshot(store) == expected  # same articles, sources, claim ids, clusters
    assert {r.status for r in load_shards(out, store) if not isinstance(r, Failure)} == {"seen"}
    assert snapshot(store) == expected
    store.close()
    assert run_bulk([str(warc)], out, client, records_per_partition=4).ran == 0
