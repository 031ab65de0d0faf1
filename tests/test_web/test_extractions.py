"""Extraction history over the API and the article page: every extraction of an article stays
listed with the pipeline version that produced it, and each can be read back with its claims."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from claimgraph import pipeline
from claimgraph.ingest.text import build_text_article
from claimgraph.pipeline import write_extraction
from claimgraph.store import repo, repo_history
from claimgraph.store.db import Store
from claimgraph.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TEXT = "The mayor of Harbourton opened a new bridge. Later the council approved a budget."


def _claim(event: str, agent: str, evidence: str) -> dict[str, Any]:
    aid = f"person:{agent.lower().replace(' ', '-')}"
    start = TEXT.find(evidence)
    return {
        "id": "x",
        "event": event,
        "modality": "asserted",
        "polarity": "positive",
        "agent": {"id": aid, "name": agent, "type": "PERSON", "text": agent},
        "evidence": {"start": start, "end": start + len(evidence), "text": evidence},
    }


BRIDGE = _claim("OPEN_FACILITY", "Ann Mayor", "opened a new bridge")
BUDGET = _claim("APPROVE", "Town Council", "the council approved a budget")


def _write(
    store: Store, monkeypatch: pytest.MonkeyPatch, version: str, aid: int, rev: int, claims: list
) -> None:
    monkeypatch.setattr(pipeline, "pipeline_version", lambda: version)
    with store.session() as s:
        write_extraction(s, article_id=aid, revision=rev, extraction={"claims": claims})


@pytest.fixture
def history(store: Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """One article extracted by pipeline v1, again by v2 (one claim fewer), then corrected
    (revision 2) and extracted by v2: three extractions, the last one current."""
    with store.session() as s:
        art = build_text_article(TEXT, raw_hash="h1", source="test")
        aid = repo.add_article(session=s, article=art, fp=None).article_id
    _write(store, monkeypatch, "test-v1", aid, 1, [BRIDGE, BUDGET])
    _write(store, monkeypatch, "test-v2", aid, 1, [BRIDGE])
    with store.session() as s:
        repo.add_revision(session=s, article_id=aid, text_=TEXT + " ", reason="fix")
    _write(store, monkeypatch, "test-v2", aid, 2, [BRIDGE, BUDGET])
    return {"store": store, "aid": aid}


def _url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def test_every_extraction_is_listed_oldest_first(history: dict[str, Any]) -> None:
    with history["store"].session() as s:
        items = repo_history.extractions(session=s, article_id=history["aid"])
        current = repo.current_claims(session=s, article_id=history["aid"])
    got = [(i["number"], i["revision"], i["pipeline"], i["claims"], i["current"]) for i in items]
    assert got == [
        (1, 1, "test-v1", 2, False),
        (2, 1, "test-v2", 1, False),
        (3, 2, "test-v2", 2, True),
    ]
    assert all(i["created_at"] for i in items)
    assert [i["replaced_at"] is None for i in items] == [False, False, True]
    assert {c["pipeline"] for c in current} == {"test-v2"}


def test_api_lists_and_returns_each_extraction(history: dict[str, Any]) -> None:
    aid = history["aid"]
    with TestClient(create_app(db=_url(history["store"]))) as client:
        listed = client.get(f"/api/articles/{aid}/extractions")
        assert listed.status_code == 200, listed.text
        items = listed.json()["items"]
        assert [(i["pipeline"], i["claims"], i["current"]) for i in items] == [
            ("test-v1", 2, False),
            ("test-v2", 1, False),
            ("test-v2", 2, True),
        ]
        first = client.get(f"/api/articles/{aid}/extractions/1").json()
        assert first["revision"] == 1 and first["pipeline"] == "test-v1"
        assert [c["event"] for c in first["items"]] == ["OPEN_FACILITY", "APPROVE"]
        assert {c["pipeline"] for c in first["items"]} == {"test-v1"}
        assert {c["article_id"] for c in first["items"]} == {aid}
        # the current extraction is what /api/claims holds for the article
        last = client.get(f"/api/articles/{aid}/extractions/3").json()
        stored = client.get("/api/claims", params={"article_id": aid}).json()["items"]
        assert sorted(c["id"] for c in last["items"]) == sorted(c["id"] for c in stored)
        # an unchanged claim keeps its id across extractions; each names its pipeline
        assert first["items"][0]["id"] in {c["id"] for c in last["items"]}
        assert {c["pipeline"] for c in stored} == {"test-v2"}
        missing = client.get(f"/api/articles/{aid}/extractions/4")
        assert missing.status_code == 404 and "3 extractions" in missing.json()["detail"]
        assert client.get("/api/articles/999/extractions").status_code == 404
        assert client.get(f"/api/articles/{aid}/extractions/0").status_code == 422
        paths = client.get("/openapi.json").json()["paths"]
        assert "/api/articles/{article_id}/extractions/{number}" in paths


def test_article_page_shows_the_pipeline_versions(history: dict[str, Any]) -> None:
    aid = history["aid"]
    with TestClient(create_app(db=_url(history["store"]))) as client:
        page = client.get(f"/articles/{aid}")
        assert page.status_code == 200
        html = page.text
    assert "Extractions" in html
    assert html.count("test-v1") == 1  # the history row; the current cards say test-v2
    assert f'href="/api/articles/{aid}/extractions/3"' in html
    assert "Extracted by" in html and "test-v2" in html


def test_an_extraction_without_claims_stays_listed(store: Store, monkeypatch) -> None:
    """A revision that yielded no claims is not archived when the next one is written (there
    is nothing to keep), yet it is listed, with 0 claims."""
    with store.session() as s:
        art = build_text_article(TEXT, raw_hash="h2", source="test")
        aid = repo.add_article(session=s, article=art, fp=None).article_id
    _write(store, monkeypatch, "test-v1", aid, 1, [])
    with store.session() as s:
        repo.add_revision(session=s, article_id=aid, text_=TEXT + " ", reason="fix")
    _write(store, monkeypatch, "test-v1", aid, 2, [BUDGET])
    with store.session() as s:
        items = repo_history.extractions(session=s, article_id=aid)
        none = repo_history.extraction_claims(session=s, article_id=aid, item=items[0])
    assert [(i["revision"], i["claims"], i["current"]) for i in items] == [
        (1, 0, False),
        (2, 1, True),
    ]
    assert none == []
