"""The map, timeline and network pages in a real browser (Debian chromium via Playwright).

Needs the npm assets (`npm ci` copies them into static/vendor; scripts/test.sh does it). Without
them these tests skip, except under CI=true where a missing asset is a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import update

from claimgraph.store.db import open_store
from claimgraph.store.models import ClaimRow, EntityRow
from claimgraph.web.pages.render import vendor_ready
from tests.test_web_pages.test_browser import _shot, browser_page, server  # noqa: F401

pytestmark = pytest.mark.slow
TOWNS = {"Homyel'": (52.43, 30.98), "Yelabuga": (55.76, 52.06), "Dushanbe": (38.54, 68.78)}


@pytest.fixture(autouse=True)
def _assets() -> None:
    if not vendor_ready():
        if os.environ.get("CI") == "true":
            pytest.fail("static/vendor is missing: run `npm ci` (scripts/test.sh does)")
        pytest.skip("the workbench's npm assets are not installed (run `npm ci`)")


def _no_foreign_requests(page, base: str) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if not r.url.startswith(base) else None)
    return seen


def test_map_shows_markers_at_gomel_yelabuga_and_dushanbe(server: str, browser_page) -> None:  # noqa: F811
    page = browser_page
    foreign = _no_foreign_requests(page, server)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/map")
    page.wait_for_selector("#map[data-ready]")
    page.wait_for_selector(".leaflet-overlay-pane canvas", state="attached")  # the country shapes
    status = page.locator("#map-status").inner_text()
    assert "claims placed at" in status
    for name, (lat, lon) in TOWNS.items():
        # close in (no clustering from zoom 8), then the place's own marker must be on the page;
        # markercluster ignores a view change made while its previous zoom animation runs
        # a function, not an expression string: the pages' CSP forbids eval (issue 12)
        page.wait_for_function("() => !window.claimgraphMap.cluster._inZoomAnimation")
        page.evaluate(
            """(name) => { const g = window.claimgraphMap, m = g.markers[name];
                           if (m) g.map.setView(m.getLatLng(), 9, {animate: false}); }""",
            name,
        )
        page.wait_for_function(
            "(name) => { const m = window.claimgraphMap.markers[name];"
            " return !m || (m.getElement() && m.getElement().isConnected); }",
            arg=name,
        )
        got = page.evaluate(
            """(name) => { const m = window.claimgraphMap.markers[name];
                           if (!m) return null;
                           const el = m.getElement(), ll = m.getLatLng();
                           return {lat: ll.lat, lon: ll.lng, shown: !!el && el.isConnected,
                                   title: el.getAttribute('title'), count: el.textContent}; }""",
            name,
        )
        assert got is not None, f"no marker for {name}"
        assert abs(got["lat"] - lat) < 0.3 and abs(got["lon"] - lon) < 0.3, got
        assert got["shown"] and got["title"] == name and int(got["count"]) >= 1
    # a popup lists the place's claims, linking to the article at the claim
    page.locator('.cg-place[title="Dushanbe"]').click()
    link = page.locator(".cg-popup li a").first
    link.wait_for()
    assert "Ababil-2 drone factory" in link.inner_text()
    assert "/articles/1#claim-" in (link.get_attribute("href") or "")
    _shot(page, "10-map")
    link.click()
    page.wait_for_selector(
        ".panel .card:not([hidden]) .minimap .leaflet-overlay-pane path", state="attached"
    )
    assert "OPEN_FACILITY" in page.locator(".panel .card:not([hidden]) h3").inner_text()
    _shot(page, "11-claim-card-minimap")
    assert not foreign, foreign
    assert not errors, errors


def test_timeline_draws_a_month_as_a_month(server: str, browser_page) -> None:  # noqa: F811
    page = browser_page
    foreign = _no_foreign_requests(page, server)
    page.goto(f"{server}/timeline")
    page.wait_for_selector("#timeline[data-ready]")
    page.wait_for_selector(".vis-item.tl-month")
    # it opens on the busiest span (2023); zoom out to every claim so no bar is cut at the edge
    if page.locator("#timeline-all").is_visible():
        page.locator("#timeline-all").click()
    page.wait_for_selector(".vis-item.tl-year.vis-range")
    widths = page.evaluate(
        """() => {
          const w = (sel) => Math.max(...[...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect().width));
          return {month: w('.vis-item.tl-month.vis-range'), year: w('.vis-item.tl-year.vis-range')};
        }"""
    )
    # whatever the zoom, a year-level bar is about twelve month-level bars wide
    assert 8 < widths["year"] / widths["month"] < 14, widths
    page.locator(".vis-item.tl-month").first.click()
    detail = page.locator("#timeline-detail")
    detail.wait_for()
    assert "month" in detail.inner_text()
    _shot(page, "12-timeline")
    assert not foreign, foreign


def test_graph_nodes_link_to_entity_profiles(server: str, browser_page) -> None:  # noqa: F811
    page = browser_page
    page.goto(f"{server}/graph?event=BUILD_FACILITY")
    page.wait_for_selector("#graph[data-ready]")
    assert int(page.locator("#graph").get_attribute("data-nodes") or 0) >= 2
    assert page.locator("#graph canvas").count() >= 1
    _shot(page, "13-graph")
    page.locator("#graph-nodes a", has_text="Iran").first.click()
    page.wait_for_url("**/entities/gpe%3Airan")
    assert "Iran" in page.locator("h1").inner_text()


def test_hostile_names_never_run_as_script(server: str, db_copy: Path, browser_page) -> None:  # noqa: F811
    evil = '<img src=x onerror="window.__xss=1">'
    store = open_store(str(db_copy))
    with store.session() as s:
        s.execute(update(EntityRow).where(EntityRow.id == "gpe:iran").values(name=evil))
        for row in s.query(ClaimRow).filter(ClaimRow.place_name == "Dushanbe"):
            data = json.loads(row.data)
            data["location"]["name"] = evil
            data["agent"]["name"] = evil
            row.data, row.place_name = json.dumps(data), evil
    store.close()
    page = browser_page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/map")
    page.wait_for_selector("#map[data-ready]")
    page.evaluate(
        """(name) => { const g = window.claimgraphMap, m = g.markers[name];
                       g.map.setView(m.getLatLng(), 9, {animate: false}); m.openPopup(); }""",
        evil,
    )
    page.locator(".cg-popup li a").first.wait_for()
    assert evil in page.locator(".cg-popup").inner_text()  # shown as text
    for path, ready in (("/graph", "#graph[data-ready]"), ("/timeline", ".vis-item")):
        page.goto(f"{server}{path}")
        page.wait_for_selector(ready)
    page.locator("#timeline-all").click()  # the 2022 claim lies outside the busiest span
    page.locator("#timeline .vis-item", has_text="<img").first.wait_for()
    assert evil in page.locator("#timeline").inner_text()
    page.goto(f"{server}/articles/1#claim-x")
    for path in ("/map", "/graph", "/timeline", "/articles/1"):
        page.goto(f"{server}{path}")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("img[src=x]").count() == 0, path
    assert not dialogs
