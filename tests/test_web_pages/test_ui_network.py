"""Issue 13 problem 7 in a browser: the network hides unlinked entities (toggle), leaves out
names that are not actors, labels an edge with every event type and count, selects a node on
click (neighbours highlighted, side panel with the profile link) and has a colour legend."""

from __future__ import annotations

import json

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


def _node(nid: str, name: str, type_: str, claims: int) -> dict:
    return {"id": nid, "name": name, "type": type_, "claims": claims, "country": None}


def _edge(src: str, dst: str, events: dict[str, int]) -> dict:
    return {
        "source": src,
        "target": dst,
        "weight": sum(events.values()),
        "events": events,
        "roles": ["agent"],
        "first_time": None,
        "last_time": None,
    }


FAKE = {
    "nodes": [
        _node("gpe:iran", "Iran", "GPE", 9),
        _node("gpe:russia", "Russia", "GPE", 8),
        _node("org:un", "United Nations", "ORG", 2),
        _node("person:her-friends", "her friends", "PERSON", 3),
        _node("gpe:may", "May", "GPE", 2),
        _node("gpe:other-countries", "other countries", "GPE", 2),
        _node("norp:officials", "officials", "NORP", 2),
        _node("person:lonely", "Ana Lonely", "PERSON", 1),
        _node("org:alone", "Alone Corp", "ORG", 1),
        _node("org:the-washington-post", "The Washington Post", "ORG", 2),
    ],
    "edges": [
        _edge(
            "gpe:iran", "gpe:russia", {"BUILD_FACILITY": 5, "AGREE": 2, "ASSIST": 1, "REQUEST": 1}
        ),
        _edge("gpe:russia", "gpe:iran", {"SUPPLY": 3}),
        _edge("org:un", "gpe:iran", {"SANCTION": 1}),
        _edge("person:her-friends", "gpe:iran", {"VISIT": 1}),
        _edge("gpe:other-countries", "gpe:russia", {"SUPPORT": 1}),
        _edge("org:the-washington-post", "gpe:iran", {"ACCUSE": 1}),
    ],
    "nodes_total": 10,
    "edges_total": 6,
}


def _click_node(pg, nid: str) -> None:  # noqa: ANN001
    pos = pg.evaluate(
        """(id) => { const cy = window.claimgraphGraph, n = cy.getElementById(id);
                     const r = cy.container().getBoundingClientRect(), p = n.renderedPosition();
                     return {x: r.left + p.x, y: r.top + p.y}; }""",
        nid,
    )
    pg.mouse.click(pos["x"], pos["y"])


def test_network_reads_as_a_network(app_url: str, page, size: str) -> None:  # noqa: F811
    page.route(
        "**/api/graph*",
        lambda route: route.fulfill(
            status=200, content_type="application/json", body=json.dumps(FAKE)
        ),
    )
    page.goto(f"{app_url}/graph")
    page.wait_for_selector("#graph[data-ready]", state="attached")
    visible = page.evaluate("window.claimgraphGraph.nodes(':visible').map(n => n.data('label'))")
    # no noise, no isolates; a name opening with "The" is a name
    assert sorted(visible) == ["Iran", "Russia", "The Washington Post", "United Nations"]
    listed = page.locator("#graph-nodes li a").all_inner_texts()
    for junk in ("her friends", "May", "other countries", "officials"):
        assert junk not in listed
    status = page.locator("#graph-status").inner_text()
    assert "2 unlinked entities hidden" in status and "4 names that are not actors" in status

    page.get_by_label("Show unlinked entities").check()
    visible = page.evaluate("window.claimgraphGraph.nodes(':visible').length")
    assert visible == 6
    # every event type of an edge, commonest first
    label = page.evaluate(
        "window.claimgraphGraph.edges().filter(e => e.source().id() === 'gpe:iran'"
        " && e.target().id() === 'gpe:russia')[0].data('label')"
    )
    assert label == "BUILD_FACILITY ×5 · AGREE ×2 · ASSIST ×1 · REQUEST ×1"

    # a click selects (the page stays), fades the rest, and the panel links the profile
    page.get_by_label("Show unlinked entities").uncheck()
    url = page.url
    _click_node(page, "gpe:russia")
    assert page.url == url
    panel = page.locator("#graph-selected")
    panel.wait_for()
    assert panel.locator("h3").inner_text() == "Russia"
    assert "BUILD_FACILITY ×5" in panel.inner_text() and "SUPPLY ×3" in panel.inner_text()
    assert panel.locator("#graph-profile").get_attribute("href") == "/entities/gpe%3Arussia"
    faded = page.evaluate("window.claimgraphGraph.nodes('.faded:visible').map(n => n.id())")
    assert sorted(faded) == ["org:the-washington-post", "org:un"]  # not neighbours of Russia
    panel.get_by_role("button", name="Iran").first.click()
    assert panel.locator("h3").inner_text() == "Iran"

    page.get_by_role("button", name="Show United Nations in the network").click()
    assert panel.locator("h3").inner_text() == "United Nations"
    legend = page.get_by_role("list", name="Node colours")
    assert legend.locator("li").count() >= 5 and "person" in legend.inner_text()
    assert horizontal_overflow(page) <= 0
    assert axe_violations(page) == []
    assert not page.errors, page.errors


def test_seed_network_edge_lists_all_events(app_url: str, page) -> None:  # noqa: F811
    page.goto(f"{app_url}/graph")
    page.wait_for_selector("#graph[data-ready]", state="attached")
    labels = page.evaluate(
        "window.claimgraphGraph.edges().filter(e => e.source().id() === 'gpe:iran'"
        " && e.target().id() === 'gpe:russia').map(e => e.data('label'))"
    )
    assert len(labels) == 1 and labels[0].count("×") >= 3, labels
    assert not page.errors, page.errors
