"""Issue 13 problem 9 in a browser: the editors' queue makes the right fix the easy one.

Accept is the one primary action (reject and duplicate look secondary); a suggestion that does
not read as a replacement for the quote is shown but not prefilled; after accepting, a link
opens the revision diff, whose reason names the editor and the change; times carry their zone;
quotes are shown in whole words. Desktop and phone sizes, axe-core on the queue."""

from __future__ import annotations

import re

import httpx
import pytest

from claimgraph.web.pages.render import context, suggestion_fits
from tests.test_web_pages.test_browser import server  # noqa: F401 - fixture
from tests.test_web_pages.uikit import (  # noqa: F401 - fixtures
    EDITOR,
    axe_violations,
    chromium,
    horizontal_overflow,
    page,
    sign_in,
    size,
)

pytestmark = pytest.mark.slow
UNFIT = "This is wrong: other reports say the plant opened in 2018 and it is somewhere else"


def _report(base: str, word: str, suggestion: str) -> None:
    text = httpx.get(f"{base}/api/articles/1").json()["text"]
    start = text.index(word)
    body = {"article_id": 1, "revision": 1, "start": start, "end": start + len(word)}
    r = httpx.post(
        f"{base}/api/corrections", json={**body, "suggestion": suggestion}, headers={"Origin": base}
    )
    assert r.status_code == 202, r.text


def test_suggestion_fit_and_whole_word_context() -> None:
    assert suggestion_fits("Yelabuz", "Yelabuga")
    assert suggestion_fits("50 drones", "500 drones")
    assert not suggestion_fits("Dushanbe", UNFIT)
    assert not suggestion_fits("Yelabuz", "Yelabuz")  # no change is no fix
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    i = text.index("epsilon")
    before, quote, after = context(text, i, i + 7, width=10)
    assert (before, quote, after) == ("…delta ", "epsilon", " zeta eta…")


def test_queue_actions_fit_and_the_diff_link(server: str, page) -> None:  # noqa: F811
    base = server
    _report(base, "Yelabuz", "Yelabuga")
    _report(base, "Dushanbe", UNFIT)
    article_text = httpx.get(f"{base}/api/articles/1").json()["text"]
    sign_in(page, base, EDITOR)
    page.wait_for_url("**/editor")
    reports = page.locator("article.report")
    assert reports.count() == 2
    yel = reports.filter(has=page.locator("mark", has_text="Yelabuz"))
    dus = reports.filter(has=page.locator("mark", has_text="Dushanbe"))

    # accept is primary, reject and duplicate secondary: different looks, clear names
    accept = yel.get_by_role("button", name="Accept: publish as a new revision")
    reject = yel.get_by_role("button", name="Reject the report")
    dup = yel.get_by_role("button", name="Mark as a duplicate")
    look = "b => [getComputedStyle(b).backgroundColor, getComputedStyle(b).color]"
    assert accept.evaluate(look) != reject.evaluate(look)
    assert reject.evaluate(look)[0] == dup.evaluate(look)[0] == "rgb(255, 255, 255)"

    # the fitting suggestion is prefilled; the unfitting one is shown, the box holds the quote
    assert yel.locator("textarea[name=replacement]").input_value() == "Yelabuga"
    assert dus.locator("textarea[name=replacement]").input_value() == "Dushanbe"
    assert UNFIT in dus.locator(".suggestion").inner_text()
    assert "Not put in the replacement box" in dus.locator(".suggestion").inner_text()

    # quotes in whole words, times with their zone
    for quote in page.locator("article.report blockquote.quote").all():
        shown = quote.inner_text()
        for piece in shown.strip("…").split("…"):
            i = article_text.find(piece.strip())
            assert i >= 0, piece
            j = i + len(piece.strip())
            assert i == 0 or not article_text[i - 1].isalnum(), piece
            assert j == len(article_text) or not article_text[j].isalnum(), piece
    when = yel.locator("h3 time")
    assert when.inner_text().endswith(" UTC")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", when.get_attribute("datetime") or "")

    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []

    with page.expect_navigation(timeout=180_000):  # re-extraction runs before the redirect
        accept.click()
    assert "now at revision 2" in page.locator(".done").inner_text()
    page.locator("#done-diff").click()
    page.wait_for_url("**/articles/1?rev=2&diff=1#diff")
    assert "Yelabuga" in page.locator("#diff ins").first.inner_text()
    reason = page.locator("tr", has=page.locator('a[href="/articles/1?rev=2"]')).inner_text()
    assert f"by {EDITOR[0]}" in reason and "“Yelabuz” → “Yelabuga”" in reason
    assert " UTC" in reason
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
