"""End to end in a real browser (Debian chromium driven by Playwright): report → accept → fixed.

Skips (with the reason) when /usr/bin/chromium or the playwright package is missing; CI installs
both (`apt-get install -y chromium`, `pip install playwright==1.65.2`; no `playwright install`).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from claimgraph.config import Settings
from tests.test_web_pages.conftest import EDITOR, SECRET

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(db: str) -> Iterator[str]:
    """The app under uvicorn on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    from claimgraph.web import create_app

    port = _free_port()
    app = create_app(Settings(secret=SECRET), db=db)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=15)


@pytest.fixture
def server(db_copy: Path) -> Iterator[str]:
    """The app on a copy of the seeded store."""
    with running_app(str(db_copy)) as url:
        yield url


@contextmanager
def launched_chromium() -> Iterator[object]:
    """Debian's chromium driven by Playwright (headless, no sandbox, no background network);
    the test skips where either is missing."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian chromium at /usr/bin/chromium (apt-get install -y chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="needs playwright==1.65.2 (pip; no `playwright install`)"
    )
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser_page() -> Iterator[object]:
    with launched_chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(30_000)
        yield page


def _shot(page, name: str) -> Path:
    """Save a screenshot under tests/artifacts/ and check it is not a blank image."""
    from PIL import Image, ImageStat

    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n")  # screenshots are never committed
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    with Image.open(path) as img:
        gray = img.convert("L")
        assert gray.size[0] > 100 and gray.size[1] > 100
        assert ImageStat.Stat(gray).stddev[0] > 10, f"{path} looks blank"
        assert len(gray.getcolors(maxcolors=1_000_000) or []) > 20, f"{path} has too few colours"
    return path


SELECT_WORD = """(word) => {
  const box = document.getElementById('article-text');
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.data.indexOf(word);
    if (i >= 0) {
      const r = document.createRange();
      r.setStart(n, i); r.setEnd(n, i + word.length);
      const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
      return true;
    }
  }
  return false;
}"""


def test_report_accept_and_read_the_fix(server: str, browser_page) -> None:
    page = browser_page
    page.goto(f"{server}/articles/1")
    assert page.locator("#revision-label").inner_text() == "revision 1"
    _shot(page, "01-article")

    # a reader selects the misspelling and reports it with Ctrl+Enter
    assert page.evaluate(SELECT_WORD, "Yelabuz")
    page.keyboard.press("Control+Enter")
    dialog = page.locator("#report-dialog")
    dialog.wait_for(state="visible")
    assert "The following text will be sent to the editors:" in dialog.inner_text()
    assert page.locator("#report-quote mark").inner_text() == "Yelabuz"
    assert "Tatarstan" in page.locator("#report-quote").inner_text()  # shown in its context
    assert page.evaluate("document.activeElement.id") == "report-comment"
    page.get_by_label("Suggested correction (optional)").fill("Yelabuga")
    _shot(page, "02-report-dialog")
    page.get_by_role("button", name="Send to the editors").click()
    page.locator("#report-toast").filter(has_text="sent to the editors").wait_for()
    assert not dialog.is_visible()

    # Esc cancels a second dialog without sending anything
    page.get_by_role("button", name="Report an error").click()
    dialog.wait_for(state="visible")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")

    # an editor signs in and accepts the suggestion
    page.goto(f"{server}/editor")
    page.wait_for_url("**/login?next=/editor")
    page.get_by_label("Name").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/editor")
    report = page.locator("article.report").first
    assert report.locator("mark").inner_text() == "Yelabuz"
    assert report.locator("textarea[name=replacement]").input_value() == "Yelabuga"
    _shot(page, "03-editor-queue")
    with page.expect_navigation(timeout=180_000):  # re-extraction runs before the redirect
        report.get_by_role("button", name="Accept").click()
    assert "now at revision 2" in page.locator(".done").inner_text()

    # the article now reads revision 2, and the claim's place is still Yelabuga
    page.goto(f"{server}/articles/1")
    assert page.locator("#revision-label").inner_text() == "revision 2"
    assert "Yelabuga, Tatarstan" in page.locator("#article-text").inner_text()
    assert page.evaluate(SELECT_WORD, "Yelabuga")
    page.evaluate("window.getSelection().removeAllRanges()")
    page.locator("#article-text span.ev", has_text="Yelabuga").first.click()
    card = page.locator(".panel .card:visible").filter(has_text="Yelabuga")
    assert card.count() >= 1
    assert "Yelabuga" in card.first.locator(".place").inner_text()
    _shot(page, "04-article-revision-2")
