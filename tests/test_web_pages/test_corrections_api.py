"""POST /api/corrections: same-origin only, size-capped, honeypot, rate-limited per reporter."""

from __future__ import annotations

from claimgraph.store import repo_corrections as reports
from claimgraph.store.db import Store

ORIGIN = {"Origin": "http://testserver"}


def _offsets(client) -> tuple[int, int]:
    import html
    import re

    page = client.get("/articles/1").text
    body = page[page.index('id="article-text"') :]
    text = "".join(
        html.unescape(t) for t in re.findall(r"<span data-s=\"\d+\"[^>]*>(.*?)</span>", body, re.S)
    )
    start = text.index("Yelabuz")
    return start, start + len("Yelabuz")


def _report(start: int, end: int, **extra) -> dict:
    return {"article_id": 1, "revision": 1, "start": start, "end": end, **extra}


def _open(store: Store) -> list[dict]:
    with store.session() as s:
        return reports.list_reports(session=s, status="open")


def test_a_report_is_stored_with_the_quote_from_the_stored_text(client, page_store):
    s, e = _offsets(client)
    body = _report(s, e, comment="misspelt", suggestion="Yelabuga", exact="Yelabuz")
    r = client.post("/api/corrections", json=body, headers=ORIGIN)
    assert r.status_code == 202, r.text
    assert r.json() == {"status": "received"}
    [rep] = _open(page_store)
    assert (rep["exact"], rep["suggestion"], rep["comment"]) == ("Yelabuz", "Yelabuga", "misspelt")
    assert len(rep["target"]["selector"][0]["prefix"]) > 0
    # Referer from our own page also counts as same-origin
    r = client.post(
        "/api/corrections", json=body, headers={"Referer": "http://testserver/articles/1"}
    )
    assert r.status_code == 202
    assert _open(page_store)[0]["reports"] == 2  # merged into the open report on that span


def test_cross_site_and_originless_posts_are_refused(client, page_store):
    s, e = _offsets(client)
    for headers in ({"Origin": "https://evil.example"}, {}, {"Referer": "http://testserver.evil/"}):
        r = client.post("/api/corrections", json=_report(s, e), headers=headers)
        assert r.status_code == 403, headers
    assert _open(page_store) == []


def test_bad_reports_name_the_field(client, page_store):
    s, e = _offsets(client)
    json_headers = {**ORIGIN, "Content-Type": "application/json"}
    assert client.post("/api/corrections", content=b"{", headers=json_headers).status_code == 422
    assert client.post("/api/corrections", content=b"[1]", headers=json_headers).status_code == 422
    r = client.post("/api/corrections", json=_report(s, e, exact="Moscow"), headers=ORIGIN)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "exact"]
    r = client.post("/api/corrections", json=_report(e, s), headers=ORIGIN)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "end"]
    r = client.post("/api/corrections", json=_report(s, e, comment="x" * 5001), headers=ORIGIN)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "comment"]
    r = client.post("/api/corrections", json=_report(s, e, admin=True), headers=ORIGIN)
    assert r.status_code == 422
    r = client.post("/api/corrections", json=_report(s, 10**6), headers=ORIGIN)
    assert r.status_code == 422
    r = client.post("/api/corrections", json={**_report(s, e), "article_id": 999}, headers=ORIGIN)
    assert r.status_code == 404
    big = b'{"comment": "' + b"x" * 20_000 + b'"}'
    r = client.post(
        "/api/corrections", content=big, headers={**ORIGIN, "Content-Type": "application/json"}
    )
    assert r.status_code == 413
    r = client.post("/api/corrections", data={"a": "b"}, headers=ORIGIN)
    assert r.status_code == 415
    assert _open(page_store) == []


def test_honeypot_is_answered_like_success_but_dropped(client, page_store):
    s, e = _offsets(client)
    r = client.post("/api/corrections", json=_report(s, e, website="http://spam"), headers=ORIGIN)
    assert r.status_code == 202 and r.json() == {"status": "received"}
    assert _open(page_store) == []


def test_rate_limit_per_reporter(client):
    s, e = _offsets(client)
    codes = [
        client.post(
            "/api/corrections", json=_report(s, e), headers={**ORIGIN, "User-Agent": "ua-1"}
        ).status_code
        for _ in range(11)
    ]
    assert codes == [202] * 10 + [429]
    # a new user agent from the same address is the same reporter (issue 12, finding 6)
    r = client.post(
        "/api/corrections", json=_report(s, e), headers={**ORIGIN, "User-Agent": "ua-2"}
    )
    assert r.status_code == 429
