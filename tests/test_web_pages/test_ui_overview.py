"""Issue 13 problem 10 in a browser: the overview pages through every article, leads with the
most-claimed entities and counts claims, clusters and contradictions. Desktop and phone."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from claimgraph.pipeline import ingest_sources
from claimgraph.store.db import open_store
from tests.test_web_pages.test_browser import running_app
from tests.test_web_pages.uikit import (  # noqa: F401 - fixtures
    axe_violations,
    chromium,
    horizontal_overflow,
    page,
    size,
)

pytestmark = pytest.mark.slow
EXTRA = 64  # with the seed: 65 articles, two pages of 50
WORDS = [
    "harbour",
    "ledger",
    "quarry",
    "meadow",
    "lantern",
    "orchard",
    "falcon",
    "granite",
    "velvet",
    "compass",
]


@pytest.fixture(scope="module")
def many_url(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeded store plus EXTRA short articles (not extracted), served."""
    root = tmp_path_factory.mktemp("overview")
    db = root / "store.db"
    shutil.copy(seeded_db, db)
    docs = root / "docs"
    docs.mkdir()
    for i in range(EXTRA):
        words = " ".join(WORDS[(i * k) % len(WORDS)] for k in range(1, 40))
        (docs / f"note-{i:03d}.txt").write_text(f"Note number {i} {i * 7919}\n\n{words} {i}.\n")
    store = open_store(str(db))
    outcomes = list(ingest_sources([str(docs)], store, dedupe=False))
    store.close()
    assert len(outcomes) == EXTRA
    with running_app(str(db)) as url:
        yield url


def test_overview_counts_top_entities_and_paging(many_url: str, page) -> None:  # noqa: F811
    page.goto(many_url + "/")
    total = EXTRA + 1
    assert page.locator("#n-articles").inner_text() == str(total)
    api_claims = httpx.get(f"{many_url}/api/claims", params={"limit": 500}).json()["items"]
    assert page.locator("#n-claims").inner_text() == str(len(api_claims))
    clusters = httpx.get(f"{many_url}/api/clusters", params={"min_claims": 2}).json()["items"]
    assert page.locator("#n-clusters").inner_text() == str(len(clusters))
    contra = httpx.get(f"{many_url}/api/contradictions").json()["items"]
    assert page.locator("#n-contradictions").inner_text() == str(len(contra)) != "0"

    # entities by claims, most first: Iran leads the seed, not an alphabetical first name
    chips = page.locator("ol.top-entities li")
    assert chips.first.locator("a").inner_text() == "Iran"
    counts = [int(t.split("·")[1].split()[0]) for t in chips.locator("small").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]

    # articles 1-50 on page 1, 51-65 on page 2; no id shown twice, none missing
    seen = []
    assert page.locator("table tbody tr").count() == 50
    seen += page.locator("table tbody td a").evaluate_all("as => as.map(a => a.href)")
    assert "articles 1–50 of 65" in page.locator("nav.pager").inner_text()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    page.get_by_role("link", name="Older →").click()
    page.wait_for_url("**/?page=2#articles")
    assert page.locator("table tbody tr").count() == total - 50
    seen += page.locator("table tbody td a").evaluate_all("as => as.map(a => a.href)")
    assert len(set(seen)) == total
    assert "articles 51–65 of 65" in page.locator("nav.pager").inner_text()
    assert page.get_by_role("link", name="Older →").count() == 0
    assert horizontal_overflow(page) <= 0
    page.get_by_role("link", name="← Newer").click()
    page.wait_for_url("**/?page=1#articles")
    # past the end: a page that says so and links back, not an error
    page.goto(many_url + "/?page=9")
    assert "No articles on page 9" in page.locator("main").inner_text()
    resp = page.goto(many_url + "/?page=0")
    assert resp.status == 422 and page.locator("#form-errors li[data-field=page]").count() == 1
