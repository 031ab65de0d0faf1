"""Issue 13 problem 6 (and the axe-core check) in a browser: every page fits a 390 px phone with
no sideways scroll, the navigation is one line or a menu, the filter forms of map, timeline and
network fold away on a phone; axe-core finds no serious or critical violation on any page."""

from __future__ import annotations

import pytest

from tests.test_web_pages.uikit import (  # noqa: F401 - fixtures
    EDITOR,
    app_url,
    axe_violations,
    chromium,
    horizontal_overflow,
    page,
    sign_in,
    size,
)

pytestmark = pytest.mark.slow
PAGES = [
    "/",
    "/claims",
    "/claims?article_id=1",
    "/map",
    "/timeline",
    "/graph",
    "/search?q=drone",
    "/articles/1",
    "/entities/Iran",
    "/login",
    "/nope",
]
READY = {
    "/map": "#map[data-ready]",
    "/timeline": "#timeline[data-ready]",
    "/graph": "#graph[data-ready]",
}


def _check(pg, url: str) -> None:  # noqa: ANN001
    """No sideways scroll, a one-line header, axe clean, no script errors."""
    if url.split("?")[0] in READY:
        pg.wait_for_selector(READY[url.split("?")[0]], state="attached")
    assert horizontal_overflow(pg) <= 0, url
    header = pg.locator("header.top").bounding_box()
    assert header is not None and header["height"] < 70, (url, header)  # one line
    assert axe_violations(pg) == [], url
    assert not pg.errors, (url, pg.errors)


@pytest.mark.parametrize("url", PAGES)
def test_page_fits_and_passes_axe(app_url: str, page, size: str, url: str) -> None:  # noqa: F811
    page.goto(app_url + url)
    _check(page, url)


def test_editor_queue_fits_and_passes_axe(app_url: str, page, size: str) -> None:  # noqa: F811
    sign_in(page, app_url, EDITOR)
    page.wait_for_url("**/editor")
    _check(page, "/editor")


def test_phone_menu_and_folded_filters(app_url: str, page, size: str) -> None:  # noqa: F811
    page.goto(app_url + "/map")
    nav = page.get_by_role("navigation", name="Main")
    toggle = page.get_by_role("button", name="Menu")
    if size == "phone":
        assert not nav.is_visible() and toggle.is_visible()
        assert toggle.get_attribute("aria-expanded") == "false"
        toggle.click()
        assert nav.is_visible() and toggle.get_attribute("aria-expanded") == "true"
        assert page.evaluate("document.activeElement.textContent") == "Overview"
        page.keyboard.press("Escape")
        assert (
            not nav.is_visible()
            and page.evaluate("document.activeElement.className") == "menu-toggle"
        )
    else:
        assert nav.is_visible() and not toggle.is_visible()
    for url in ("/map", "/timeline", "/graph", "/claims"):
        page.goto(app_url + url)
        box = page.locator("details.filter-box")
        is_open = box.evaluate("d => d.open")
        assert is_open == (size == "desktop"), url
        if size == "phone":
            # the folded form leaves the first screen to the results
            assert box.bounding_box()["height"] < 60
            box.locator("summary").click()
            assert page.locator("form.filters").is_visible()
    # a wrong value keeps the form open on a phone, the field marked and focused
    page.goto(app_url + "/timeline?since=yesterday")
    assert page.locator("details.filter-box").evaluate("d => d.open")
    field = page.locator('form.filters [name="since"]')
    assert field.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.name") == "since"


def test_claims_rows_open_the_claim_card(app_url: str, page) -> None:  # noqa: F811
    """Issue 13 problem 11 (first item): a row opens its claim's card, not just the article."""
    page.goto(f"{app_url}/claims?event=OPEN_FACILITY")
    link = page.locator("table.claims tbody tr").first.get_by_role("link", name="OPEN_FACILITY")
    href = link.get_attribute("href") or ""
    assert href.startswith("/articles/1#claim-")
    link.click()
    card = page.locator(f"#{href.split('#')[1]}")
    card.wait_for()
    assert card.is_visible() and "OPEN_FACILITY" in card.inner_text()


def test_search_marks_matches_and_names_unsupported_operators(app_url: str, page) -> None:  # noqa: F811
    """Issue 13 problem 11 (search items): matches highlighted, not in [brackets]; operators
    that search does not support are named instead of being silently taken as words."""
    page.goto(f"{app_url}/search?q=drone")
    snippet = page.locator("ol.hits .snippet").first
    assert snippet.locator("mark").count() >= 1
    assert all(m.lower().startswith("drone") for m in snippet.locator("mark").all_inner_texts())
    assert "[" not in snippet.inner_text() and "]" not in snippet.inner_text()
    assert page.locator("#search-operators").count() == 0
    page.goto(f"{app_url}/search?q=Iran+AND+-Russia")
    note = page.locator("#search-operators").inner_text()
    assert "AND" in note and "-Russia" in note and "plain words" in note
    assert axe_violations(page) == []


def test_search_finds_entities_and_claims_too(app_url: str, page) -> None:  # noqa: F811
    """Issue 13 problem 11: search answers with entities and claims, not only articles."""
    page.goto(f"{app_url}/search?q=Iran")
    ents = page.get_by_role("list", name="Entities")
    assert "Iran" in ents.locator("a").all_inner_texts()
    page.goto(f"{app_url}/search?q=drones")
    claims = page.locator("ul.found-claims li a")
    assert claims.count() >= 1
    assert all("#claim-" in (h or "") for h in claims.evaluate_all("as => as.map(a => a.hash)"))
    assert page.locator("ol.hits li").count() >= 1
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
