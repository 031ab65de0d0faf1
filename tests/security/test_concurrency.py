"""Finding 9: processes racing on one store. Several opening a fresh store at once all succeed
(was: "table articles already exists" for all but one); ingests of overlapping records at once
store every record exactly once (was: an IntegrityError and the rest of one batch dropped).
Both backends."""

from __future__ import annotations

import json
import multiprocessing as mp
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import pg_database

PROCS = 4


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store nobody has opened yet (no tables)."""
    if request.param == "sqlite":
        yield str(tmp_path / "fresh.db")
        return
    yield from pg_database("cg_race")


def _open(url: str, start: float, q) -> None:
    from claimgraph.store.db import open_store

    while time.time() < start:
        pass
    try:
        open_store(url).close()
        q.put("ok")
    except Exception as exc:  # reported to the parent, which asserts
        q.put(f"{type(exc).__name__}: {str(exc)[:200]}")


def _ingest(url: str, path: str, start: float, q) -> None:
    from claimgraph.pipeline import ingest_sources
    from claimgraph.store.db import open_store

    store = open_store(url)
    while time.time() < start:
        pass
    try:
        got = [getattr(o, "status", None) or f"failed: {o}" for o in ingest_sources([path], store)]
        q.put(got)
    except Exception as exc:
        q.put([f"{type(exc).__name__}: {exc}"])
    finally:
        store.close()


def _race(target, args_per_proc) -> list:
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    start = time.time() + 1.5
    procs = [ctx.Process(target=target, args=(*args, start, q)) for args in args_per_proc]
    for p in procs:
        p.start()
    results = [q.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    return results


def test_processes_opening_a_fresh_store_at_once_all_succeed(fresh_url):
    results = _race(_open, [(fresh_url,)] * PROCS)
    assert results == ["ok"] * PROCS, results
    from claimgraph.store.db import open_store

    store = open_store(fresh_url)
    try:
        assert {"articles", "claims", "correction_reports", "users"} <= store.tables()
    finally:
        store.close()


def test_sqlite_first_open_race_repeatedly(tmp_path):
    for i in range(3):
        results = _race(_open, [(str(tmp_path / f"fresh-{i}.db"),)] * PROCS)
        assert results == ["ok"] * PROCS, results


def _story(i: int) -> dict:
    return {
        "url": f"https://news.example/{i}",
        "title": f"Story {i}",
        "text": f"Story {i}: the council of town number {i} voted to spend {i * 13} thousand on "
        f"project {i * 7919 % 1000}, a spokesman for district {i} said. Work starts in {2000 + i}.",
    }


def test_overlapping_ingests_store_every_record_once(fresh_url, tmp_path):
    from claimgraph.store.db import open_store

    open_store(fresh_url).close()
    files = []
    for p in range(PROCS):  # each process: 15 shared records + 15 of its own
        path = tmp_path / f"batch-{p}.jsonl"
        rows = [_story(i) for i in range(15)] + [_story(100 * (p + 1) + i) for i in range(15)]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        files.append((fresh_url, str(path)))
    results = _race(_ingest, files)
    for got in results:
        assert len(got) == 30 and not [k for k in got if k not in ("new", "seen", "exact")], got
    store = open_store(fresh_url)
    try:
        from sqlalchemy import func, select

        from claimgraph.store.models import ArticleRow

        with store.session() as s:
            n = s.scalar(select(func.count()).select_from(ArticleRow))
            titles = s.scalars(select(ArticleRow.title)).all()
    finally:
        store.close()
    assert n == 15 + 15 * PROCS and len(set(titles)) == n
