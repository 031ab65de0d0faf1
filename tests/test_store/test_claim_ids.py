"""Stable claim ids: content, not position or revision; a replaced id says where it went."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from claimgraph import ids
from claimgraph.pipeline import extract_stored, ingest_sources, pipeline_version
from claimgraph.store import repo
from claimgraph.store.db import Store, open_store
from claimgraph.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

CLAIM = {
    "event": "SUPPLY",
    "agent": {"id": "gpe:iran", "name": "Iran", "type": "GPE", "text": "Iran"},
    "recipient": {"id": "gpe:russia", "name": "Russia", "type": "GPE", "text": "Russia"},
    "object": {"text": "drones", "entity_id": None},
    "location": {"start": 40, "end": 46, "mention": "Moscow", "name": "Moscow"},
    "evidence": {"start": 10, "end": 60, "text": "Iran supplied drones to Russia in Moscow."},
    "modality": "asserted",
}


def _moved(claim: dict[str, Any], shift: int) -> dict[str, Any]:
    loc = {**claim["location"], "start": claim["location"]["start"] + shift}
    ev = {**claim["evidence"], "start": claim["evidence"]["start"] + shift}
    return {**claim, "location": loc, "evidence": ev}


def test_id_ignores_offsets_and_follows_content() -> None:
    base = ids.claim_id("7", CLAIM)
    assert ids.claim_id("7", _moved(CLAIM, 25)) == base  # earlier text got longer
    assert ids.claim_id("8", CLAIM) != base  # another article
    assert ids.claim_id("7", {**CLAIM, "event": "ACQUIRE"}) != base
    other_text = {**CLAIM, "evidence": {**CLAIM["evidence"], "text": "Iran sent drones."}}
    assert ids.claim_id("7", other_text) != base
    # the modality, time and source are how it is reported, not what: same statement
    assert ids.claim_id("7", {**CLAIM, "modality": "denied"}) == base


def test_repeated_statement_gets_its_occurrence() -> None:
    twice = [CLAIM, _moved(CLAIM, 200), {**CLAIM, "event": "ACQUIRE"}]
    got = ids.claim_ids("7", twice)
    assert got[0] == ids.claim_id("7", CLAIM) and len(set(got)) == 3
    assert got[1] == ids.claim_id("7", CLAIM, 1)
    assert [c["id"] for c in ids.with_ids("7", twice)] == got


# ---------------------------------------------------------------- the seed, corrected


OLD, NEW = "long-term", "lasting"  # one word of one claim sentence of the seed


@pytest.fixture(scope="module")
def corrected(seed_path_module: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = str(tmp_path_factory.mktemp("ids") / "ids.db")
    store: Store = open_store(db)
    [res] = list(ingest_sources([str(seed_path_module)], store, extract=True))
    aid = res.article_id
    with store.session() as s:
        before = repo.list_claims(session=s, article_id=aid)
        text = repo.get_article(session=s, article_id=aid)["text"]
        assert text.count(OLD) == 1, "the seed changed: pick another word to correct"
        repo.add_revision(session=s, article_id=aid, text_=text.replace(OLD, NEW), reason="fix")
    assert extract_stored(store, aid) is None
    with store.session() as s:
        after = repo.list_claims(session=s, article_id=aid)
        history = repo.extraction_history(session=s, article_id=aid)
    store.close()
    return {
        "db": db,
        "aid": aid,
        "before": before,
        "after": after,
        "old": OLD,
        "new": NEW,
        "history": history,
    }


@pytest.fixture(scope="module")
def seed_path_module() -> Path:
    from tests.conftest import SEED, need_seed

    need_seed()
    return SEED


def test_one_word_correction_keeps_untouched_ids(corrected: dict[str, Any]) -> None:
    before, after = corrected["before"], corrected["after"]
    untouched = [c for c in before if corrected["old"] not in c["evidence"]["text"]]
    touched = [c for c in before if corrected["old"] in c["evidence"]["text"]]
    assert len(untouched) >= 10 and touched
    assert {c["id"] for c in untouched} <= {c["id"] for c in after}
    assert not {c["id"] for c in touched} & {c["id"] for c in after}
    # offsets moved for what follows the corrected sentence, the ids did not
    start = {c["id"]: c["evidence"]["start"] for c in after}
    assert any(start[c["id"]] != c["evidence"]["start"] for c in untouched)


def test_revision_one_stays_readable(corrected: dict[str, Any]) -> None:
    [old] = corrected["history"]
    assert old["revision"] == 1 and old["pipeline"] == pipeline_version()
    assert [c["id"] for c in old["claims"]] == [c["id"] for c in corrected["before"]]
    assert old["entities"]


def test_old_id_leads_to_its_successor(corrected: dict[str, Any]) -> None:
    touched = [c for c in corrected["before"] if corrected["old"] in c["evidence"]["text"]]
    store = open_store(corrected["db"])
    with store.session() as s:
        for c in touched:
            where = repo.claim_whereabouts(session=s, claim_id=c["id"])
            assert where is not None
            assert (where["article_id"], where["revision"]) == (corrected["aid"], 1)
            assert where["replaced_in_revision"] == 2
            nxt = repo.get_claim(session=s, claim_id=where["successor"])
            assert nxt["event"] == c["event"]
            assert corrected["new"] in nxt["evidence"]["text"]
        assert repo.claim_whereabouts(session=s, claim_id="0" * 16) is None
    store.close()

    with TestClient(create_app(db=corrected["db"])) as client:
        gone = touched[0]["id"]
        r = client.get(f"/api/claims/{gone}", follow_redirects=False)
        assert r.status_code == 301, r.text
        body = r.json()
        assert body["revision"] == 1 and body["replaced_in_revision"] == 2
        assert r.headers["location"] == f"/api/claims/{body['successor']}"
        r = client.get(f"/api/claims/{gone}")  # a client that follows lands on the successor
        assert r.status_code == 200 and r.json()["id"] == body["successor"]
        assert r.json()["pipeline"] == pipeline_version()
        assert client.get(f"/api/claims/{'0' * 16}").status_code == 404


def test_revision_one_page_shows_its_claims(corrected: dict[str, Any]) -> None:
    touched = [c for c in corrected["before"] if corrected["old"] in c["evidence"]["text"]]
    with TestClient(create_app(db=corrected["db"])) as client:
        old = client.get(f"/articles/{corrected['aid']}?rev=1")
        new = client.get(f"/articles/{corrected['aid']}")
    assert old.status_code == 200 and "No claims were extracted" not in old.text
    assert all(f'id="claim-{c["id"]}"' in old.text for c in corrected["before"])
    assert not any(f'id="claim-{c["id"]}"' in new.text for c in touched)
