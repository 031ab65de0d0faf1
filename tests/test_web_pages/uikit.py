"""Shared pieces of the workbench browser tests: one server and one chromium per module, pages
at a desktop and a phone size, the horizontal-scroll check and the axe-core accessibility check.

axe-core is the pinned npm asset (package.json) that scripts/vendor.mjs copies into
static/vendor; it is injected into the page under test, never loaded by the pages themselves.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.web.pages.render import VENDOR
from tests.test_web_pages.conftest import EDITOR, READER
from tests.test_web_pages.test_browser import launched_chromium, running_app

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
AXE = VENDOR / "axe-core" / "axe.min.js"
AXE_NPM = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def app_url(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a private copy of the seeded store, shared by one module's tests."""
    db = tmp_path_factory.mktemp("ui") / "store.db"
    shutil.copy(seeded_db, db)
    with running_app(str(db)) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    with launched_chromium() as browser:
        yield browser


@pytest.fixture(params=sorted(SIZES))
def size(request: pytest.FixtureRequest) -> str:
    return request.param


def new_page(chromium, viewport: dict[str, int]):  # noqa: ANN001, ANN201 - playwright types
    """A fresh context (no cookies) at `viewport`; page errors are collected on `page.errors`."""
    ctx = chromium.new_context(viewport=viewport, is_mobile=viewport["width"] < 500)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


@pytest.fixture
def page(chromium, size: str) -> Iterator[object]:  # noqa: ANN001
    """A page at the desktop size and again at the phone size (the test runs twice)."""
    p = new_page(chromium, SIZES[size])
    yield p
    p.context.close()


def horizontal_overflow(page) -> int:  # noqa: ANN001
    """How many CSS pixels the document is wider than the viewport (0 = no sideways scroll)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def axe_violations(page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:  # noqa: ANN001
    """axe-core's WCAG 2 A/AA violations of these impacts, as 'rule: target' lines."""
    src = AXE if AXE.is_file() else AXE_NPM
    if not src.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("axe-core is missing: run `npm ci` (scripts/test.sh does)")
        pytest.skip("axe-core is not installed (run `npm ci`)")
    if not page.evaluate("!!window.axe"):
        if src == AXE:  # served by the app itself: the pages' CSP (script-src 'self') allows it
            page.add_script_tag(url="/static/vendor/axe-core/axe.min.js")
        else:
            page.add_script_tag(path=str(src))
    result = page.evaluate(
        """async () => {
             const r = await axe.run(document, {
               runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
               resultTypes: ['violations']});
             return r.violations.map(v => ({id: v.id, impact: v.impact,
               targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
           }"""
    )
    return [f"{v['id']}: {', '.join(v['targets'])}" for v in result if v["impact"] in impacts]


def sign_in(page, base: str, who: tuple[str, str] = EDITOR, next_url: str = "/editor") -> None:  # noqa: ANN001
    page.goto(f"{base}/login?next={next_url}")
    page.get_by_label("Name").fill(who[0])
    page.get_by_label("Password").fill(who[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


__all__ = [
    "DESKTOP",
    "EDITOR",
    "PHONE",
    "READER",
    "app_url",
    "axe_violations",
    "chromium",
    "horizontal_overflow",
    "new_page",
    "page",
    "sign_in",
    "size",
]
