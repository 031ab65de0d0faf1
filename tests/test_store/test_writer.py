"""One writer: the sequential, parallel and bulk paths store byte-identical rows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from claimgraph import bulk
from claimgraph.ingest.sources import ReadOptions
from claimgraph.ingest.text import build_text_article
from claimgraph.parallel import ingest_parallel
from claimgraph.pipeline import ingest_sources, pipeline_version, write_extraction
from claimgraph.store import repo
from claimgraph.store.db import Store, open_store
from claimgraph.store.models import ClaimRow, ClusterMemberRow, EntityRow, ExtractionRow
from tests.conftest import pg_database
from tests.test_scale import STORIES, write_corpus


def rows(store: Store) -> dict[str, list[Any]]:
    """Every stored extraction, claim (pk included), entity and cluster membership, as is."""
    with store.session() as s:
        return {
            "extractions": [
                (e.article_id, e.revision, e.pipeline, e.data)
                for e in s.scalars(select(ExtractionRow).order_by(ExtractionRow.id))
            ],
            "claims": [
                tuple(getattr(c, col.name) for col in ClaimRow.__table__.columns)
                for c in s.scalars(select(ClaimRow).order_by(ClaimRow.pk))
            ],
            "entities": [
                (e.id, e.name, e.type, e.aliases, e.country)
                for e in s.scalars(select(EntityRow).order_by(EntityRow.id))
            ],
            "clusters": [
                (m.claim_pk, m.cluster_id)
                for m in s.scalars(select(ClusterMemberRow).order_by(ClusterMemberRow.claim_pk))
            ],
        }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("writer-corpus"), seed=False)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """A maker of empty databases on the backend under test (bulk load COPYs on PostgreSQL)."""
    with ExitStack() as stack:

        def make(name: str) -> str:
            if request.param == "sqlite":
                return str(tmp_path / f"{name}.db")
            gen = pg_database(f"cg_writer_{name}")
            url = next(gen)
            stack.callback(next, gen, None)
            return url

        yield make


def test_sequential_parallel_and_bulk_write_identical_rows(
    corpus: Path, tmp_path: Path, new_url: Callable[[str], str]
) -> None:
    one = open_store(new_url("one"))
    list(ingest_sources([str(corpus)], one, extract=True))
    expected = rows(one)
    one.close()
    assert len(expected["extractions"]) == len(STORIES)  # copies and re-posts link to the first
    assert expected["claims"] and expected["clusters"]
    assert {e[2] for e in expected["extractions"]} == {pipeline_version()}

    # the parallel path's writer, with its tasks run on a thread instead of processes
    par = open_store(new_url("par"))
    with ThreadPoolExecutor(1) as pool:
        list(ingest_parallel([str(corpus)], par, executor=pool))
    assert rows(par) == expected
    par.close()

    # the bulk path: shards extracted here (as a Dask task would), then loaded
    out = tmp_path / "shards"
    out.mkdir()
    opts = ReadOptions()
    parts, failures = bulk.plan([str(corpus)], opts, files_per_partition=3, lines_per_partition=2)
    assert not failures
    for p in parts:
        bulk.extract_partition(asdict(p), str(out), opts, 0.8, True)
        p.status = "done"
    bulk.write_manifest(out, parts)
    big = open_store(new_url("bulk"))
    list(bulk.load_shards(out, big))
    assert rows(big) == expected
    big.close()


def _person(name: str) -> dict[str, Any]:
    """An extraction of one claim whose agent is the person `name`."""
    pid = f"person:{name.lower().replace(' ', '-')}"
    claim = {
        "id": "x",
        "event": "MEET",
        "modality": "asserted",
        "polarity": "positive",
        "agent": {"id": pid, "name": name, "type": "PERSON", "text": name},
        "evidence": {"start": 0, "end": 20, "text": f"{name} met the press."},
    }
    return {"entities": [{"id": pid, "name": name, "type": "PERSON"}], "claims": [claim]}


def test_write_reports_changes_as_stored(store: Store) -> None:
    """A claim whose entity the store links to a known spelling is unchanged when written again
    (the change is read back from the store, after that linking)."""
    with store.session() as s:
        aids = []
        for n in range(2):
            art = build_text_article(f"Story {n} about a meeting.", raw_hash=f"r{n}", source=f"{n}")
            aids.append(repo.add_article(session=s, article=art, fp=None).article_id)
        write_extraction(
            s, article_id=aids[0], revision=1, extraction=_person("Volodymyr Zelensky")
        )
        variant = _person("Volodymyr Zelenskyy")
        first = write_extraction(s, article_id=aids[1], revision=1, extraction=variant)
        [stored] = repo.current_claims(session=s, article_id=aids[1])
        assert stored["agent"]["id"] == "person:volodymyr-zelensky"  # linked to the known one
        again = write_extraction(s, article_id=aids[1], revision=1, extraction=variant)
        less = write_extraction(s, article_id=aids[1], revision=1, extraction={"claims": []})
    assert first.appeared == [stored["id"]] and not first.vanished
    assert (again.appeared, again.vanished, again.changed) == ([], [], [])
    assert less.vanished == [stored["id"]]
