"""Issue 13 problems 4 and 5 in a browser: the reader by keyboard (claim passages one Tab stop
with roving focus, arrows move, Enter opens the card, Esc returns), cards that open beside the
text (desktop) or as a bottom sheet (phone) without moving the page, and a report made without
a selection by typing the wrong words. Desktop and phone sizes, axe-core with a card open."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.test_web_pages.uikit import (  # noqa: F401 - fixtures
    app_url,
    axe_violations,
    chromium,
    horizontal_overflow,
    page,
    size,
)

pytestmark = pytest.mark.slow
STOPS = "#article-text [role=button]"
ACTIVE = "document.activeElement"


def test_claims_by_keyboard(app_url: str, page) -> None:  # noqa: F811
    page.goto(f"{app_url}/articles/1")
    stops = page.locator(STOPS)
    n = stops.count()
    assert n >= 10
    assert page.locator("#article-text [tabindex='0']").count() == 1  # one Tab stop in the text
    page.locator("#report-open").focus()
    page.keyboard.press("Tab")
    assert page.evaluate(f"{ACTIVE}.closest('#article-text') !== null")
    first = page.evaluate(f"{ACTIVE}.dataset.claims")
    page.keyboard.press("ArrowRight")
    second = page.evaluate(f"{ACTIVE}.dataset.claims")
    assert second != first and page.evaluate(f"{ACTIVE}.tabIndex") == 0
    assert page.locator("#article-text [tabindex='0']").count() == 1
    page.keyboard.press("End")
    assert page.evaluate(f"{ACTIVE} === document.querySelectorAll('{STOPS}')[{n - 1}]")
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    y = page.evaluate("scrollY")
    page.keyboard.press("Enter")
    card_id = page.evaluate(f"{ACTIVE}.id")
    assert card_id.startswith("claim-") and card_id[6:] in second.split()
    assert page.locator(f"#{card_id}").is_visible()
    assert abs(page.evaluate("scrollY") - y) <= 1
    opened = page.locator(f"{STOPS}[aria-expanded=true]")
    assert opened.count() == 1 and opened.get_attribute("data-claims") == second
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert page.evaluate(f"{ACTIVE}.dataset.claims") == second
    # Tab leaves the text after the one stop (the panel's links come next)
    page.keyboard.press("Tab")
    assert page.evaluate(f"{ACTIVE}.closest('#article-text') === null")
    assert not page.errors, page.errors


def test_card_opens_without_moving_the_page(app_url: str, page, size: str) -> None:  # noqa: F811
    page.goto(f"{app_url}/articles/1")
    late = page.locator(STOPS).nth(page.locator(STOPS).count() - 2)
    late.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 120)")
    page.wait_for_timeout(100)
    y = page.evaluate("scrollY")
    late.click()
    card = page.locator(".panel .card:not([hidden])").first
    card.wait_for()
    assert abs(page.evaluate("scrollY") - y) <= 1
    box = card.bounding_box()
    vh = page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < vh * 0.8, box  # in view, beside or below
    text_box = page.locator("#article-text").bounding_box()
    if size == "desktop":
        assert box["x"] >= text_box["x"] + text_box["width"]  # beside the text
    else:
        assert page.locator("#claim-panel.sheet").count() == 1  # a bottom sheet
        assert box["y"] + box["height"] <= vh + 1 or box["y"] > vh * 0.3
        page.get_by_role("button", name="Close").click()
        assert page.locator("#claim-panel.sheet").count() == 0
        assert abs(page.evaluate("scrollY") - y) <= 1
    assert horizontal_overflow(page) <= 0
    # a double click inside a highlight selects a word of that highlight (the page did not move)
    late.dblclick()
    selected = page.evaluate("window.getSelection().toString()").strip()
    assert selected and selected in late.inner_text()
    assert not page.errors, page.errors


def test_report_by_typing_the_wrong_words(app_url: str, page) -> None:  # noqa: F811
    page.goto(f"{app_url}/articles/1")
    sent: list[dict] = []
    page.on(
        "request",
        lambda r: (
            sent.append(json.loads(r.post_data or "{}"))
            if r.url.endswith("/api/corrections")
            else None
        ),
    )
    page.evaluate("window.getSelection().removeAllRanges()")
    page.get_by_role("button", name="Report an error").click()
    dialog = page.locator("#report-dialog")
    dialog.wait_for(state="visible")
    assert page.evaluate(f"{ACTIVE}.id") == "report-exact"
    field = page.get_by_label("The wrong words")
    field.fill("Yelabugga")
    assert "not in the article" in page.locator("#report-found").inner_text()
    page.get_by_role("button", name="Send to the editors").click()
    assert "Type words that appear in the article" in page.locator("#report-status").inner_text()
    assert field.get_attribute("aria-invalid") == "true" and not sent
    field.fill("yelabuz,  tatarstan")  # other case and spacing still find it
    assert page.locator("#report-quote mark").inner_text() == "Yelabuz, Tatarstan"
    assert axe_violations(page) == []
    page.get_by_label("Suggested correction (optional)").fill("Yelabuga, Tatarstan")
    page.get_by_role("button", name="Send to the editors").click()
    page.locator("#report-toast").filter(has_text="sent to the editors").wait_for()
    text = httpx.get(f"{app_url}/api/articles/1").json()["text"]
    assert len(sent) == 1
    body = sent[0]
    assert body["exact"] == "Yelabuz, Tatarstan"
    assert text[body["start"] : body["end"]] == body["exact"]
    assert not page.errors, page.errors
