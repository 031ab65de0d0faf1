"""`claimgraph reextract`: stale articles after a data change, resumable, history kept."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph import pipeline
from claimgraph import reextract as rx
from claimgraph.cli import app
from claimgraph.store import repo
from claimgraph.store.db import open_store
from tests.conftest import FIXTURES, pg_database
from tests.test_scale import STORIES

runner = CliRunner()


def cg(*args: str) -> Any:
    return runner.invoke(app, list(args))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Three English stories, an exact copy of one (linked, not stored) and a French article."""
    src = tmp_path / "in"
    src.mkdir()
    for n, (dateline, title, body) in enumerate(STORIES[:3]):
        (src / f"s{n}.txt").write_text(f"{dateline}\n\n{title}\n\n{body}\n")
    shutil.copy(src / "s0.txt", src / "s0-copy.txt")
    shutil.copy(FIXTURES / "farmers_fr.txt", src / "fr.txt")
    pg = pg_database("cg_reextract") if request.param == "postgresql" else None
    url = next(pg) if pg else str(tmp_path / "rx.db")
    res = cg("ingest", str(src), "--db", url)
    assert res.exit_code == 0, res.output
    yield url
    if pg:
        next(pg, None)


def _stored(url: str) -> tuple[list[int], dict[int, list[dict[str, Any]]], set[str]]:
    store = open_store(url)
    with store.session() as s:
        aids = [a["id"] for a in repo.list_articles(session=s)]
        claims = {a: repo.current_claims(session=s, article_id=a) for a in aids}
        versions = set(repo.reextract_candidates(session=s))
        history = {a: repo.extraction_history(session=s, article_id=a) for a in aids}
    store.close()
    assert versions == set(aids)
    return sorted(aids), claims, {h["pipeline"] for hs in history.values() for h in hs}


def _edit_ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The package's data copied, then events.yaml edited: the version must change."""
    copy = tmp_path / "pkg"
    for pattern in pipeline.DATA_FILES:
        for path in pipeline.PACKAGE.glob(pattern):
            if path.is_file():
                dest = copy / path.relative_to(pipeline.PACKAGE)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, dest)
    pipeline.data_hash.cache_clear()  # the files as copied, not as first read by this process
    pipeline._version.cache_clear()
    old = pipeline.pipeline_version()
    monkeypatch.setattr(pipeline, "PACKAGE", copy)
    pipeline.data_hash.cache_clear()
    pipeline._version.cache_clear()
    assert pipeline.pipeline_version() == old  # same data, same version
    events = copy / "ontology" / "events.yaml"
    events.write_text(events.read_text() + "\n# an edit\n")
    pipeline.data_hash.cache_clear()
    pipeline._version.cache_clear()
    new = pipeline.pipeline_version()
    assert new != old and len(new) <= 128
    return new


@pytest.fixture(autouse=True)
def _fresh_version() -> Any:
    yield
    pipeline.data_hash.cache_clear()
    pipeline._version.cache_clear()


def test_ontology_edit_reextracts_exactly_the_stored_articles(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    res = cg("reextract", "--stale", "--db", db, "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["selected"] == 0 and "nothing to do" in res.stderr
    aids, before, _ = _stored(db)
    assert len(aids) == 4  # the copy is linked to its first story

    new = _edit_ontology(tmp_path, monkeypatch)
    res = cg("reextract", "--stale", "--db", db, "--json")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["pipeline"] == new
    assert report["selected"] == report["extracted"] == 4
    assert (report["appeared"], report["vanished"], report["changed"]) == (0, 0, 0)
    assert "4 of 4 articles extracted again" in res.stderr

    _, after, old_versions = _stored(db)
    assert {a: [c["id"] for c in cs] for a, cs in after.items()} == {
        a: [c["id"] for c in cs] for a, cs in before.items()
    }
    assert {c["pipeline"] for cs in after.values() for c in cs} == {new}
    assert old_versions and new not in old_versions  # the earlier extractions stay readable
    store = open_store(db)
    with store.session() as s:
        assert repo.reextract_candidates(session=s, pipeline=new) == []
        [hist] = repo.extraction_history(session=s, article_id=aids[0])
        assert [c["id"] for c in hist["claims"]] == [c["id"] for c in before[aids[0]]]
    store.close()

    again = cg("reextract", "--stale", "--db", db, "--json")
    assert again.exit_code == 0 and json.loads(again.stdout)["selected"] == 0


def test_interrupted_run_resumes_and_reports_changes(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    aids, before, _ = _stored(db)
    real_extract, real_write = rx.extract_record, rx.write_extraction

    def one_less(art: dict[str, Any]) -> dict[str, Any]:
        ext = real_extract(art)
        return {**ext, "claims": ext.get("claims", [])[:-1]}  # the last claim vanishes

    writes: list[int] = []

    def dies_on_second(session: Any, **kw: Any) -> Any:
        if writes:
            raise KeyboardInterrupt
        writes.append(kw["article_id"])
        return real_write(session, **kw)

    monkeypatch.setattr(rx, "extract_record", one_less)
    monkeypatch.setattr(rx, "write_extraction", dies_on_second)
    store = open_store(db)
    with pytest.raises(KeyboardInterrupt):
        rx.reextract(store)
    store.close()
    assert writes == [aids[0]]

    monkeypatch.setattr(rx, "write_extraction", real_write)
    res = cg("reextract", "--db", db, "--json")
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    rest = aids[1:]
    assert report["resumed_after"] == aids[0] and report["extracted"] == len(rest)
    assert report["vanished"] == sum(1 for a in rest if before[a])
    assert report["appeared"] == report["changed"] == 0
    _, after, _ = _stored(db)
    assert all(len(after[a]) == max(0, len(before[a]) - 1) for a in aids)

    # finished: the next full run starts from the beginning again
    store = open_store(db)
    with store.session() as s:
        assert repo.get_setting(session=s, name=rx.CHECKPOINT) is None
    store.close()


def test_filters_and_workers_select_and_write_in_order(db: str) -> None:
    aids, before, _ = _stored(db)
    res = cg("reextract", "--article-id", str(aids[1]), "--db", db, "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["extracted"] == 1
    bad = cg("reextract", "--near", "abc", "--db", db)
    assert bad.exit_code == 2 and "--near" in bad.stderr

    seen: list[int] = []
    store = open_store(db)
    with ThreadPoolExecutor(2) as pool:
        report = rx.reextract(store, executor=pool, on_article=lambda a, _: seen.append(a))
    store.close()
    assert seen == aids and report.extracted == len(aids) and not report.failures
    _, after, _ = _stored(db)
    assert {a: [c["id"] for c in cs] for a, cs in after.items()} == {
        a: [c["id"] for c in cs] for a, cs in before.items()
    }


@pytest.mark.slow
def test_real_events_yaml_edit_reextracts_and_reports(seed_path: Path, tmp_path: Path) -> None:
    """The package copied, one trigger taken out of its events.yaml, `claimgraph reextract
    --stale` run from the copy: the seed's OPEN_FACILITY claim vanishes, a rerun does nothing."""
    url = str(tmp_path / "seed.db")
    assert cg("ingest", str(seed_path), "--db", url).exit_code == 0
    _, before, _ = _stored(url)
    assert any(c["event"] == "OPEN_FACILITY" for c in before[1])
    pkg = tmp_path / "src" / "claimgraph"
    shutil.copytree(pipeline.PACKAGE, pkg, ignore=shutil.ignore_patterns("__pycache__"))
    events = pkg / "ontology" / "events.yaml"
    text, n = re.subn(r"(verbs: \[)open, ", r"\1", events.read_text(), count=1)
    assert n == 1, "events.yaml no longer lists OPEN_FACILITY's verbs as [open, …]: pick an edit"
    events.write_text(text)
    env = {**os.environ, "PYTHONPATH": str(pkg.parent)}
    cmd = [sys.executable, "-m", "claimgraph", "reextract", "--stale", "--db", url, "--json"]
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["pipeline"] != pipeline.pipeline_version()
    assert report["selected"] == report["extracted"] == 1
    assert report["vanished"] >= 1 and report["appeared"] == 0
    _, after, _ = _stored(url)
    assert not any(c["event"] == "OPEN_FACILITY" for c in after[1])
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0 and json.loads(second.stdout)["selected"] == 0
