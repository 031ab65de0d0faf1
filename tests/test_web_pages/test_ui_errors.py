"""Issue 13 problems 1 and 12 in a browser: bad input answers with the page itself (form kept,
the field named), HTML 404/403 pages with navigation and sign-out, JSON stays for /api; an
unknown entity says so; the map explains its marker colours. Desktop and phone sizes."""

from __future__ import annotations

import pytest

from tests.test_web_pages.uikit import (  # noqa: F401 - fixtures
    READER,
    app_url,
    axe_violations,
    chromium,
    horizontal_overflow,
    page,
    sign_in,
    size,
)

pytestmark = pytest.mark.slow

# (url, status, field named in the message, the form input that must keep the typed value)
BAD_FORMS = [
    ("/claims?since=last+week", "since", "last week"),
    ("/map?near=abc", "near", "abc"),
    ("/timeline?until=soon", "until", "soon"),
    ("/graph?event=FLY", "event", None),  # a choice list cannot hold an unknown value
    ("/claims?event=FLY", "event", "FLY"),
]


@pytest.mark.parametrize(("url", "field", "kept"), BAD_FORMS)
def test_bad_filter_answers_with_the_form_and_names_the_field(
    app_url: str,  # noqa: F811
    page,  # noqa: F811
    url: str,
    field: str,
    kept: str | None,
) -> None:
    resp = page.goto(app_url + url)
    assert resp.status == 422
    assert "application/json" not in resp.headers["content-type"]
    errors = page.locator("#form-errors")
    assert errors.is_visible()
    assert errors.locator(f'li[data-field="{field}"] strong').inner_text() == field
    form = page.locator("form.filters")
    assert form.is_visible()
    if kept is not None:
        assert form.locator(f'[name="{field}"]').input_value() == kept
    assert page.locator('nav[aria-label="Main"] a[href="/claims"]').count() == 1
    assert horizontal_overflow(page) <= 0
    assert not page.errors, page.errors
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    ("url", "status", "text"),
    [
        ("/nope", 404, "There is no page at /nope"),
        ("/articles/abc", 404, "should be a whole number"),
        ("/articles/999", 404, "999"),
        ("/entities/Nobody%20At%20All", 404, "Nobody At All"),
        ("/articles/1?rev=abc", 422, "rev"),
    ],
)
def test_error_pages_are_html_with_navigation(
    app_url: str,  # noqa: F811
    page,  # noqa: F811
    url: str,
    status: int,
    text: str,
) -> None:
    resp = page.goto(app_url + url)
    assert resp.status == status
    assert resp.headers["content-type"].startswith("text/html")
    assert text in page.locator("main").inner_text()
    assert page.locator("h1").inner_text().startswith("Not found" if status == 404 else "Check")
    nav = page.locator('nav[aria-label="Main"]')
    for href in ("/", "/claims", "/map", "/timeline", "/graph", "/search"):
        assert nav.locator(f'a[href="{href}"]').count() == 1
    assert "0 claims" not in page.locator("main").inner_text()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []


def test_reader_opening_the_editor_gets_a_403_page_with_sign_out(
    app_url: str,  # noqa: F811
    page,  # noqa: F811
) -> None:
    sign_in(page, app_url, READER, "/")
    resp = page.goto(f"{app_url}/editor")
    assert resp.status == 403
    assert page.locator("h1").inner_text().startswith("Not allowed")
    main = page.locator("main").inner_text()
    assert "editor" in main and READER[0] in main
    assert axe_violations(page) == []
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{app_url}/")
    assert page.get_by_role("link", name="Sign in").is_visible()


def test_api_errors_stay_json(app_url: str, page) -> None:  # noqa: F811
    for url, status in (
        ("/api/nope", 404),
        ("/api/claims?since=last+week", 422),
        ("/api/articles/abc", 422),
    ):
        resp = page.goto(app_url + url)
        assert resp.status == status, url
        assert resp.headers["content-type"].startswith("application/json"), url
        assert "detail" in resp.json()


def test_empty_filters_say_so_instead_of_an_empty_box(app_url: str, page) -> None:  # noqa: F811
    page.goto(f"{app_url}/graph?entity=Nobody")
    page.wait_for_selector("#graph[data-ready]", state="attached")
    assert "No claims match entity “Nobody”" in page.locator("#graph-status").inner_text()
    assert not page.locator("#graph").is_visible()
    page.goto(f"{app_url}/timeline?entity=Nobody")
    page.wait_for_selector("#timeline[data-ready]", state="attached")
    assert "No dated claims match" in page.locator("#timeline-status").inner_text()
    assert not page.locator("#timeline").is_visible()
    assert not page.errors, page.errors


def test_map_legend_explains_marker_colours(app_url: str, page) -> None:  # noqa: F811
    page.goto(f"{app_url}/map")
    page.wait_for_selector("#map[data-ready]", state="attached")
    legend = page.get_by_role("list", name="Map legend")
    assert legend.locator(".cg-place").is_visible() and legend.locator(".cg-cluster").is_visible()
    colours = legend.evaluate(
        "l => [...l.querySelectorAll('.cg-marker')].map(m => getComputedStyle(m).backgroundColor)"
    )
    marker = page.locator("#map .cg-marker").first.evaluate(
        "m => getComputedStyle(m).backgroundColor"
    )
    assert len(set(colours)) == 2 and marker in colours
    assert "a place" in legend.inner_text() and "grouped" in legend.inner_text()
