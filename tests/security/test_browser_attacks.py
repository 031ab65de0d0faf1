"""The browser half of issue 12's low findings and finding 7, in Debian chromium: a reader
selects a word after emoji and reports it (was a 422), and no page of the workbench trips its
own Content-Security-Policy (scripts only from this origin, no inline script, no eval)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo_corrections as reports
from claimgraph.store.db import open_store
from tests.test_web_pages.test_browser import SELECT_WORD, launched_chromium, running_app

pytestmark = pytest.mark.slow
TEXT = (
    "Fans 🎉🎉 cheered in Ruse 🙂 on Monday as the mayor of Yelabuz opened the bridge 🌉, "
    "the city council said. Police in Ruse said 3 people were hurt."
)


@pytest.fixture(scope="module")
def emoji_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("emoji") / "store.db"
    src = db.parent / "emoji.jsonl"
    src.write_text(json.dumps({"url": "https://news.example/e", "title": "Emoji", "text": TEXT}))
    store = open_store(str(db))
    try:
        list(ingest_sources([str(src)], store, extract=True))
    finally:
        store.close()
    return db


@pytest.fixture(scope="module")
def server(emoji_store: Path) -> Iterator[str]:
    with running_app(str(emoji_store)) as url:
        yield url


@pytest.fixture
def page() -> Iterator[object]:
    with launched_chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(30_000)
        page.csp = []
        page.errors = []
        page.on(
            "console",
            lambda m: page.csp.append(m.text) if "Content Security Policy" in m.text else None,
        )
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page


def test_a_selection_after_emoji_is_reported(server, emoji_store, page):
    page.goto(f"{server}/articles/1")
    assert page.evaluate(SELECT_WORD, "Yelabuz")
    page.keyboard.press("Control+Enter")
    dialog = page.locator("#report-dialog")
    dialog.wait_for(state="visible")
    assert page.locator("#report-quote mark").inner_text() == "Yelabuz"
    page.get_by_label("Suggested correction (optional)").fill("Yelabuga")
    with page.expect_response("**/api/corrections") as got:
        page.get_by_role("button", name="Send to the editors").click()
    assert got.value.status == 202, got.value.text()
    store = open_store(str(emoji_store))
    try:
        with store.session() as s:
            [rep] = reports.list_reports(session=s, status="open")
    finally:
        store.close()
    assert rep["exact"] == "Yelabuz" and rep["suggestion"] == "Yelabuga"
    assert rep["target"]["selector"][1]["start"] == TEXT.index("Yelabuz")  # code points
    assert page.csp == [] and page.errors == []


@pytest.mark.parametrize(
    "path",
    ["/", "/articles/1", "/claims", "/map", "/timeline", "/graph", "/login", "/search?q=Ruse"],
)
def test_pages_run_under_their_csp_without_violations(server, page, path):
    r = page.goto(f"{server}{path}")
    assert r is not None and "script-src 'self'" in r.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert page.csp == [], page.csp
    assert page.errors == [], page.errors


SCRIPT_URL = "javascript:document.title='pwned';fetch('/editor')"


@pytest.fixture
def script_link_store(tmp_path: Path) -> Path:
    """Finding 1 as it was stored before the ingest check: an article whose URL is a script,
    an open report on it, and an editor who will browse the article."""
    from sqlalchemy import update

    from claimgraph.corrections import desk
    from claimgraph.store.models import ArticleRow
    from claimgraph.web import auth
    from tests.security.conftest import EDITOR

    db = tmp_path / "store.db"
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"url": "https://news.example/a", "title": "Links", "text": TEXT}))
    store = open_store(str(db))
    try:
        list(ingest_sources([str(src)], store))
        with store.session() as s:
            s.execute(update(ArticleRow).where(ArticleRow.id == 1).values(url=SCRIPT_URL))
            auth.add_user(session=s, name=EDITOR[0], password=EDITOR[1], role="editor")
            start = TEXT.index("Ruse")
            desk.submit(
                session=s,
                fingerprint_="f",
                article_id=1,
                revision=1,
                start=start,
                end=start + 4,
                suggestion="Rousse",
            )
    finally:
        store.close()
    return db


def test_an_editor_clicking_around_an_article_runs_no_script_url(script_link_store, page):
    """The issue's attack: the editor opens the article and clicks its 'original' link (and
    every other link of the page); no click runs the stored script, the report stays open."""
    from tests.security.conftest import EDITOR

    with running_app(str(script_link_store)) as url:
        page.goto(f"{url}/login?next=/editor")
        page.get_by_label("Name").fill(EDITOR[0])
        page.get_by_label("Password").fill(EDITOR[1])
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/editor")
        page.goto(f"{url}/articles/1")
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        assert hrefs and all(h.startswith(url) or h.startswith("https://") for h in hrefs), hrefs
        assert page.locator("a", has_text="original").count() == 0  # shown as no link at all
        title = page.title()
        for i in range(min(10, page.locator("#article-text span").count())):
            page.locator("#article-text span").nth(i).click()  # every highlight and card
        assert page.title() == title != "pwned"
        assert page.errors == []
        store = open_store(str(script_link_store))
        try:
            with store.session() as s:
                assert [r["status"] for r in reports.list_reports(session=s, status=None)] == [
                    "open"
                ]
        finally:
            store.close()
