"""An old `#claim-…` link after a correction opens the claim that took its place, and the card
names the pipeline version that produced it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.pipeline import extract_stored, pipeline_version
from claimgraph.store import repo
from claimgraph.store.db import open_store
from tests.test_web_pages.test_browser import running_app
from tests.test_web_pages.uikit import chromium, page, size  # noqa: F401 - fixtures

pytestmark = pytest.mark.slow
OLD, NEW = "long-term", "lasting"  # one word of one claim sentence of the seed


@pytest.fixture(scope="module")
def corrected(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """The seed corrected by one word and extracted again; the app serving it."""
    db = tmp_path_factory.mktemp("anchor") / "store.db"
    shutil.copy(seeded_db, db)
    store = open_store(str(db))
    with store.session() as s:
        old = [c for c in repo.list_claims(session=s, article_id=1) if OLD in c["evidence"]["text"]]
        text = repo.get_article(session=s, article_id=1)["text"]
        repo.add_revision(session=s, article_id=1, text_=text.replace(OLD, NEW), reason="fix")
    assert old and extract_stored(store, 1) is None
    with store.session() as s:
        nxt = repo.claim_whereabouts(session=s, claim_id=old[0]["id"])["successor"]
    store.close()
    with running_app(str(db)) as url:
        yield {"url": url, "old": old[0]["id"], "successor": nxt}


def test_old_anchor_opens_the_successor(corrected: dict, page) -> None:  # noqa: F811
    page.goto(f"{corrected['url']}/articles/1#claim-{corrected['old']}")
    card = page.locator(f"#claim-{corrected['successor']}")
    card.wait_for(state="visible")
    assert page.evaluate("location.hash") == f"#claim-{corrected['successor']}"
    assert pipeline_version() in card.inner_text()
    assert not page.errors, page.errors
