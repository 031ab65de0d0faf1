"""Issue 13 problem 8 in a browser: the timeline opens on the span that holds most claims (a
1989 outlier does not squeeze 2023 into slivers), "Show all" reaches every claim, day-level
claims are points with readable labels, a cluster lists its own claims, and details open beside
the chart (a bottom sheet on a phone) without moving the page."""

from __future__ import annotations

import json
from datetime import UTC, datetime

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


def _item(i: int, day: str, gran: str = "day", cluster: str | None = None) -> dict:
    start = datetime.fromisoformat(day)
    end = start.replace(day=start.day + 1) if gran == "day" else start.replace(month=12, day=31)
    return {
        "id": f"c{i:04d}",
        "article_id": 1,
        "label": f"Iran supply → Russia drones {i}",
        "event": "SUPPLY",
        "modality": "reported",
        "source": "Reuters",
        "value": day if gran == "day" else day[:4],
        "start": start.date().isoformat(),
        "end": end.date().isoformat(),
        "granularity": gran,
        "cluster_id": cluster,
    }


ITEMS = [_item(0, "1989-06-01", "year")] + [
    _item(i, f"2023-{1 + i % 9:02d}-{1 + i % 27:02d}", cluster="cl-a" if i <= 3 else None)
    for i in range(1, 30)
]
FAKE = {
    "items": ITEMS,
    "clusters": [
        {
            "id": "cl-a",
            "event": "SUPPLY",
            "label": "Iran supply → Russia drones",
            "n_claims": 3,
            "start": "2023-01-01",
            "end": "2023-04-05",
        }
    ],
    "claims_with_time": len(ITEMS),
    "shown": len(ITEMS),
    "undated_values": 0,
    "kept": "newest",
}


def _window(pg) -> tuple[datetime, datetime]:  # noqa: ANN001
    w = pg.evaluate(
        "(() => { const w = window.claimgraphTimeline.getWindow();"
        " return [w.start.toISOString(), w.end.toISOString()]; })()"
    )
    return tuple(datetime.fromisoformat(x.replace("Z", "+00:00")) for x in w)


def test_timeline_opens_where_the_claims_are(app_url: str, page, size: str) -> None:  # noqa: F811
    page.route(
        "**/api/timeline*",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(FAKE)
        ),
    )
    page.goto(f"{app_url}/timeline")
    page.wait_for_selector("#timeline[data-ready]", state="attached")
    start, end = _window(page)
    assert datetime(2022, 6, 1, tzinfo=UTC) < start and end < datetime(2024, 6, 1, tzinfo=UTC)
    assert "1989–2023" in page.locator("#timeline-range").inner_text()
    # day-level claims are points (a readable label), not one-pixel ranges
    assert page.locator(".vis-item.vis-point").count() >= 10
    assert page.locator(".vis-item.vis-range.tl-day").count() == 0
    page.get_by_role("button", name="Show all").click()
    start, _ = _window(page)
    assert start < datetime(1989, 6, 1, tzinfo=UTC)
    page.get_by_role("button", name="Back to the busiest range").click()
    assert _window(page)[0] > datetime(2022, 6, 1, tzinfo=UTC)

    # a cluster lists its own claims, beside the chart / as a sheet, the page unmoved
    y = page.evaluate("scrollY")
    page.evaluate("window.claimgraphTimelineSelect('cluster:cl-a')")
    detail = page.locator("#timeline-detail")
    links = detail.locator(".cluster-claims a")
    assert links.count() == 3
    assert sorted(links.all_inner_texts()) == [
        f"Iran supply → Russia drones {i}" for i in (1, 2, 3)
    ]
    assert abs(page.evaluate("scrollY") - y) <= 1
    box, chart = detail.bounding_box(), page.locator("#timeline").bounding_box()
    vh = page.viewport_size["height"]
    assert box is not None and box["y"] < vh and box["y"] + 40 > 0
    if size == "desktop":
        assert box["x"] >= chart["x"] + chart["width"]  # beside the chart
    else:
        assert "sheet" in (detail.get_attribute("class") or "")
        detail.get_by_role("button", name="Close").click()
        assert not detail.is_visible()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    assert not page.errors, page.errors
