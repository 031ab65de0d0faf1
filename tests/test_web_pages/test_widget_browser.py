"""The embeddable widget end to end in chromium: a plain page on ANOTHER origin loads
/static/corrections.js with a site key; a reader selects a word, presses Ctrl+Enter, sends a
suggestion; the report lands in the store and in the editors' queue.

Skips like test_browser.py when /usr/bin/chromium or playwright is missing.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.corrections import sites
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo_corrections as reports
from claimgraph.store.db import open_store
from claimgraph.web import auth
from tests.test_web_pages import test_browser
from tests.test_web_pages.test_browser import _free_port, _shot, running_app

pytestmark = pytest.mark.slow
browser_page = test_browser.browser_page  # the same chromium fixture
EDITOR = ("wendy", "wendy-pass-1234")
# The partner's page: its own CSS tries hard to hide or restyle the widget's parts.
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Partner news</title>
<style>
  body {{ font: 18px Georgia, serif; margin: 2rem auto; max-width: 40rem; background: #fdf6e3; }}
  h1 {{ color: #073642; }}
  button, textarea, mark, blockquote, label, [role=dialog] {{ display: none !important; }}
  * {{ color: #586e75; }}
</style></head>
<body>
<h1>Bridge at Ruse to reopen</h1>
<p id="story">Officials said the new bridge over the Danube at Ruse would reopen in May
after repairs. The bridge links Bulgaria and Romania.</p>
<script src="{server}/static/corrections.js" data-site="{key}"></script>
</body></html>
"""

SELECT_WORD = """(word) => {
  const n = document.getElementById('story').firstChild;
  const i = n.data.indexOf(word);
  if (i < 0) return false;
  const r = document.createRange();
  r.setStart(n, i); r.setEnd(n, i + word.length);
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
  return true;
}"""


@pytest.fixture
def widget_db(tmp_path: Path) -> str:
    """A small store (one article, no extraction) with an editor."""
    src = tmp_path / "other.txt"
    src.write_text("An unrelated story\n\nNothing about bridges here at all.", encoding="utf-8")
    path = str(tmp_path / "widget.db")
    store = open_store(path)
    list(ingest_sources([str(src)], store, extract=False))
    with store.session() as s:
        auth.add_user(session=s, name=EDITOR[0], password=EDITOR[1], role="editor")
    store.close()
    return path


@pytest.fixture
def app_server(widget_db: str) -> Iterator[str]:
    with running_app(widget_db) as url:
        yield url


@pytest.fixture
def partner_page(tmp_path: Path, widget_db: str, app_server: str) -> Iterator[tuple[str, str]]:
    """(page URL, site key): the partner's static page on its own port, its origin registered."""
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    store = open_store(widget_db)
    with store.session() as s:
        key = sites.add_site(session=s, name="Partner News", origins=[origin]).key
    store.close()
    root = tmp_path / "partner"
    root.mkdir()
    (root / "story.html").write_text(PAGE.format(server=app_server, key=key), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(Quiet, directory=str(root))
    )
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"{origin}/story.html", key
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


def test_widget_on_another_origin_reaches_the_editors(
    app_server: str, partner_page: tuple[str, str], widget_db: str, browser_page
) -> None:
    page = browser_page
    page_url, key = partner_page
    page.goto(page_url)
    page.wait_for_function("() => window.__claimgraphCorrections === true")
    assert page.evaluate(SELECT_WORD, "Danube")
    page.keyboard.press("Control+Enter")

    dialog = page.get_by_role("dialog")  # Playwright pierces the widget's open shadow root
    dialog.wait_for(state="visible")
    assert dialog.get_attribute("aria-modal") == "true"
    assert "The following text will be sent to the editors:" in dialog.inner_text()
    quote = dialog.locator("[data-role=quote]")
    assert quote.locator("mark").inner_text() == "Danube"
    assert "new bridge over the" in quote.inner_text() and "at Ruse" in quote.inner_text()
    # focus starts in the comment box and Tab stays inside the dialog
    assert (
        page.evaluate(
            "() => document.querySelector('claimgraph-corrections').shadowRoot.activeElement.name"
        )
        == "comment"
    )
    for _ in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate(
            "() => !!document.querySelector('claimgraph-corrections').shadowRoot.activeElement"
        )
    page.get_by_label("Comment (optional)").fill("The river name is misspelt? <b>check</b>")
    page.get_by_label("Suggested correction (optional)").fill("Danube river")
    _shot(page, "widget-01-dialog")
    page.get_by_role("button", name="Send to the editors").click()
    page.get_by_text("Thank you: your report was sent to the editors.").wait_for()
    assert not dialog.is_visible()
    _shot(page, "widget-02-thanks")

    # Esc cancels a second dialog without sending anything
    assert page.evaluate(SELECT_WORD, "Romania")
    page.keyboard.press("Control+Enter")
    dialog.wait_for(state="visible")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")

    store = open_store(widget_db)
    with store.session() as s:
        [rep] = reports.list_reports(session=s, status="open")
    store.close()
    assert (rep["page_url"], rep["site"], rep["article_id"]) == (page_url, key, None)
    assert (rep["exact"], rep["suggestion"]) == ("Danube", "Danube river")
    assert rep["target"]["selector"][0]["prefix"].endswith("new bridge over the ")
    assert rep["target"]["selector"][0]["suffix"].startswith(" at Ruse would")

    # an editor sees it in the queue, under the page, with the site's name
    page.goto(f"{app_server}/editor")
    page.wait_for_url("**/login?next=/editor")
    page.get_by_label("Name").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/editor")
    report = page.locator("article.report").first
    assert report.locator("mark").inner_text() == "Danube"
    assert "Partner News" in report.inner_text() and page_url in report.inner_text()
    assert "<b>check</b>" in report.inner_text()  # shown as text, not markup
    assert report.get_by_role("button", name="Accept").is_disabled()
    _shot(page, "widget-03-editor-queue")
