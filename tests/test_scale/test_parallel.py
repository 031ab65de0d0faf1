"""`ingest --workers N`: same store as one worker, bounded read-ahead, dedupe intact."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph import ids
from claimgraph.ingest.article import Article, sha256
from claimgraph.ingest.sources import Item, ReadOptions
from claimgraph.parallel import PLACEHOLDER_KEY, ingest_parallel, make_pool
from claimgraph.pipeline import Failure, ingest_sources
from claimgraph.store.db import open_store
from tests.test_scale import snapshot, write_corpus


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPoolExecutor]:
    """One warm 2-process pool for the module: workers load spaCy once, not per test."""
    with make_pool(2) as p:
        yield p


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


def _statuses(results: list) -> list[tuple[str, str]]:
    return [
        (r.source.rsplit("/", 1)[-1], "failed" if isinstance(r, Failure) else r.status)
        for r in results
    ]


def test_two_workers_store_what_one_worker_stores(
    corpus: Path, tmp_path: Path, pool: ProcessPoolExecutor
) -> None:
    one, two = open_store(str(tmp_path / "one.db")), open_store(str(tmp_path / "two.db"))
    r1 = list(ingest_sources([str(corpus)], one, extract=True))
    r2 = list(ingest_parallel([str(corpus)], two, workers=2, executor=pool))
    assert _statuses(r1) == _statuses(r2)
    assert {"new", "exact", "near"} <= {s for _, s in _statuses(r2)}
    s1, s2 = snapshot(one), snapshot(two)
    assert s1["claims"] and s1 == s2
    again = list(
        ingest_parallel([str(corpus)], two, workers=2, executor=pool)
    )  # re-ingest: a no-op
    assert {s for _, s in _statuses(again)} == {"seen"}
    assert snapshot(two) == s2
    one.close()
    two.close()


def test_read_ahead_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool: ProcessPoolExecutor
) -> None:
    """A lazy source of 40 articles is never read more than `inflight` ahead of the writer."""
    pulled: list[int] = []

    def read() -> Iterator[Article]:
        for n in range(40):
            pulled.append(n)
            text = f"Story number {n}. Officials said on Monday that nothing happened in town {n}."
            yield Article(
                text=text, source=f"gen:{n}", raw_hash=sha256(text.encode()), language="xx"
            )

    def fake_expand(sources: list[str], opts: ReadOptions) -> Iterator[Item]:
        yield Item("generator", read)

    monkeypatch.setattr("claimgraph.parallel.expand", fake_expand)
    store = open_store(str(tmp_path / "b.db"))
    ahead = []
    for res in ingest_parallel(["gen"], store, workers=2, inflight=3, extract=False, executor=pool):
        ahead.append(len(pulled) - (int(res.source.split(":")[1]) + 1))
    assert len(ahead) == 40 and max(ahead) <= 3
    store.close()


def test_rekey_matches_direct_extraction(seed_path: Path) -> None:
    from claimgraph.extraction import extract_text

    text = seed_path.read_text()
    direct = extract_text(text, doc_id="7").to_dict()
    pending = extract_text(text, doc_id=PLACEHOLDER_KEY).to_dict()
    assert ids.claim_ids(PLACEHOLDER_KEY, pending["claims"]) == [c["id"] for c in pending["claims"]]
    assert ids.with_ids("7", pending["claims"]) == direct["claims"]


def test_cli_workers_option(
    corpus: Path, tmp_path: Path, pool: ProcessPoolExecutor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib

    import typer

    monkeypatch.setattr(
        "claimgraph.parallel.make_pool", lambda *a, **k: contextlib.nullcontext(pool)
    )

    from claimgraph.cli import ingest as ingest_cli

    app = typer.Typer()
    ingest_cli.register(app)
    app.command("noop")(lambda: None)  # a second command keeps `ingest` a subcommand
    db = str(tmp_path / "cli.db")
    res = CliRunner().invoke(
        app, ["ingest", str(corpus / "wire.jsonl"), "--db", db, "--workers", "2", "--json"]
    )
    assert res.exit_code == 0, res.output
    assert '"status": "new"' in res.stdout
