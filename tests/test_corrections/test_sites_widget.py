"""The embeddable widget's endpoint: site keys, CORS, the fence, persistent rate limits, and
widget reports in the editors' queue (escaped)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from claimgraph.config import Settings
from claimgraph.corrections import sites
from claimgraph.corrections.anchor import find_quote
from claimgraph.corrections.desk import ReportError
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo_corrections as reports
from claimgraph.store.db import Store, open_store
from claimgraph.store.models import ArticleRow
from claimgraph.web import auth
from tests.test_web_pages.conftest import csrf_of, sign_in

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SECRET = "widget-test-secret"
ORIGIN = "https://news.example.org"
ARTICLE_URL = f"{ORIGIN}/2024/bridge-at-ruse"
URL = "/api/corrections/widget"
TEXT = (
    "Bridge at Ruse to reopen\n\n"
    "Officials said the new bridge over the Danube at Ruse would reopen in May after repairs.\n\n"
    "The bridge at Ruse links Bulgaria and Romania and carries most of the freight between them."
)
EDITOR = ("edna", "edna-pass-1234")


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    """A store with one short article (no extraction) published at ARTICLE_URL, and an editor."""
    src = tmp_path / "ruse.txt"
    src.write_text(TEXT, encoding="utf-8")
    path = str(tmp_path / "widget.db")
    store = open_store(path)
    [res] = list(ingest_sources([str(src)], store, extract=False))
    with store.session() as s:
        s.get(ArticleRow, res.article_id).url = ARTICLE_URL
        auth.add_user(session=s, name=EDITOR[0], password=EDITOR[1], role="editor")
    store.close()
    yield path


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    s = open_store(db)
    yield s
    s.close()


def _site(store: Store, rate: int = 60, name: str = "Example News", origins=None) -> str:
    with store.session() as s:
        return sites.add_site(
            session=s, name=name, origins=origins or [ORIGIN], rate_per_hour=rate
        ).key


@pytest.fixture
def key(store: Store) -> str:
    return _site(store)


def _app(db: str) -> TestClient:
    from claimgraph.web import create_app

    # behind a proxy on 127.0.0.1 that the operator trusts: reporters differ by forwarded address
    settings = Settings(secret=SECRET, trusted_proxies="127.0.0.1")
    return TestClient(create_app(settings, db=db), client=("127.0.0.1", 50000))


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with _app(db) as c:
        yield c


def _body(**extra) -> dict:
    return {
        "page_url": f"{ORIGIN}/elsewhere/page.html#top",
        "exact": "Danube",
        "prefix": "new bridge over the ",
        "suffix": " at Ruse would reopen",
        **extra,
    }


def _post(
    client: TestClient,
    key: str,
    body=None,
    origin: str = ORIGIN,
    reporter: str = "198.51.100.1",
    **kw,
):
    """A widget post from `reporter`'s address, as the trusted proxy in front forwards it."""
    headers = {"Origin": origin, "X-Forwarded-For": reporter, **kw.pop("headers", {})}
    if body is None and "content" not in kw:
        body = _body()
    if body is not None:
        kw["json"] = body
    return client.post(URL, params={"site": key}, headers=headers, **kw)


def _stored_text(store: Store) -> str:
    from claimgraph.store import repo

    with store.session() as s:
        return repo.get_article(session=s, article_id=1)["text"]


def _all(store: Store) -> list[dict]:
    with store.session() as s:
        return reports.list_reports(session=s, status=None)


# ---------------------------------------------------------------- sites and anchoring helpers


def test_origins_are_normalized_and_strict():
    assert sites.normalize_origin("HTTPS://Example.org:443/") == "https://example.org"
    assert sites.normalize_origin("http://localhost:8080") == "http://localhost:8080"
    for bad in ("example.org", "ftp://x.org", "https://x.org/path", "https://*.x.org", "null"):
        with pytest.raises(ReportError) as exc:
            sites.normalize_origin(bad)
        assert exc.value.field == "origin"
    assert sites.origin_of("https://x.org/a?b#c") == "https://x.org"
    assert sites.origin_of("javascript:alert(1)") is None


def test_find_quote_tolerates_page_whitespace():
    assert find_quote(TEXT, "Danube") == (TEXT.index("Danube"), TEXT.index("Danube") + 6)
    s = TEXT.index("Bulgaria and")
    assert find_quote(TEXT, "Bulgaria\n   and") == (s, s + len("Bulgaria and"))
    second = TEXT.rindex("Ruse")
    assert find_quote(TEXT, "Ruse", "The bridge at ", " links Bulgaria") == (second, second + 4)
    assert find_quote(TEXT, "Sofia") is None


# ---------------------------------------------------------------- CORS


def test_preflight_allows_only_the_sites_origins(client, key):
    ask = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    r = client.options(URL, params={"site": key}, headers={"Origin": ORIGIN, **ask})
    assert r.status_code == 204
    assert r.headers["access-control-allow-origin"] == ORIGIN
    assert "Origin" in r.headers["vary"]
    assert r.headers["access-control-allow-methods"] == "POST"
    assert "content-type" in r.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in r.headers
    for origin, site in (
        ("https://evil.example", key),
        ("https://news.example.org.evil.example", key),
        ("http://news.example.org", key),  # another scheme is another origin
        ("null", key),
        (ORIGIN, "cgs_no_such_key"),
    ):
        r = client.options(URL, params={"site": site}, headers={"Origin": origin, **ask})
        assert r.status_code == 403, origin
        assert "access-control-allow-origin" not in r.headers, origin
        assert "Origin" in r.headers["vary"]


def test_unknown_removed_or_missing_key_is_403(client, store, key):
    assert _post(client, "cgs_unknown").status_code == 403
    assert client.post(URL, json=_body(), headers={"Origin": ORIGIN}).status_code == 403
    assert _post(client, key).status_code == 202
    with store.session() as s:
        assert sites.remove_site(session=s, key=key)
    r = _post(client, key, _body(exact="Ruse"))
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    assert len(_all(store)) == 1


def test_post_from_an_unlisted_origin_or_none_is_refused(client, store, key):
    r = _post(client, key, origin="https://evil.example")
    assert r.status_code == 403 and "access-control-allow-origin" not in r.headers
    r = client.post(URL, params={"site": key}, json=_body())  # no Origin: not a browser widget
    assert r.status_code == 403
    assert _all(store) == []


# ---------------------------------------------------------------- storing


def test_report_from_an_unknown_page_is_kept_by_page_url(client, store, key):
    body = _body(comment="the river is right", suggestion="Danube river")
    r = _post(client, key, body)
    assert r.status_code == 202, r.text
    assert r.json() == {"status": "received"}
    assert r.headers["access-control-allow-origin"] == ORIGIN and "Origin" in r.headers["vary"]
    [rep] = _all(store)
    assert rep["article_id"] is None and rep["revision"] is None
    assert rep["site"] == key
    assert rep["page_url"] == f"{ORIGIN}/elsewhere/page.html"  # the fragment is dropped
    assert (rep["exact"], rep["comment"], rep["suggestion"]) == (
        "Danube",
        "the river is right",
        "Danube river",
    )
    quote = rep["target"]["selector"][0]
    assert quote["prefix"] == "new bridge over the " and quote["suffix"] == " at Ruse would reopen"


def test_page_url_of_a_stored_article_attaches_and_anchors_it(client, store, key):
    body = _body(page_url=ARTICLE_URL, exact="Bulgaria\n  and Romania", suggestion="x")
    assert _post(client, key, body).status_code == 202
    [rep] = _all(store)
    stored = _stored_text(store)
    start = stored.index("Bulgaria and Romania")
    assert (rep["article_id"], rep["revision"]) == (1, 1)
    assert rep["exact"] == "Bulgaria and Romania"  # taken from our stored text
    assert rep["target"]["selector"][1] == {
        "type": "TextPositionSelector",
        "start": start,
        "end": start + len("Bulgaria and Romania"),
    }
    assert (rep["site"], rep["page_url"]) == (key, ARTICLE_URL)
    # the second "Ruse" is told apart by its context
    body = _body(page_url=ARTICLE_URL + "/", exact="Ruse", prefix="The bridge at ", suffix=" links")
    assert _post(client, key, body, reporter="198.51.100.2").status_code == 202
    rep = [r for r in _all(store) if r["exact"] == "Ruse"][0]
    assert rep["article_id"] == 1 and rep["target"]["selector"][1]["start"] == stored.rindex("Ruse")
    # a quote the stored text lacks stays a page report
    assert (
        _post(
            client, key, _body(page_url=ARTICLE_URL, exact="Sofia"), reporter="198.51.100.3"
        ).status_code
        == 202
    )
    rep = [r for r in _all(store) if r["exact"] == "Sofia"][0]
    assert rep["article_id"] is None and rep["page_url"] == ARTICLE_URL


def test_page_on_another_origin_is_422(client, store, key):
    r = _post(client, key, _body(page_url="https://evil.example/x"))
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "page_url"]
    assert r.headers["access-control-allow-origin"] == ORIGIN  # the widget can show why
    r = _post(client, key, _body(page_url="javascript:alert(1)"))
    assert r.status_code == 422
    assert _all(store) == []


def test_size_type_and_field_errors(client, store, key):
    big = b'{"page_url": "' + b"x" * 20_000 + b'"}'
    r = _post(client, key, content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.headers["access-control-allow-origin"] == ORIGIN
    r = _post(client, key, body=None, data={"exact": "x"})
    assert r.status_code == 415
    r = _post(client, key, content=b"{", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "body"]

    def loc(**body) -> list:
        r = _post(client, key, body)
        assert r.status_code == 422, body
        return r.json()["detail"][0]["loc"]

    assert loc(**_body(exact="")) == ["body", "exact"]
    assert loc(**_body(exact="   ")) == ["body", "exact"]
    assert loc(**_body(exact="x" * 2001)) == ["body", "exact"]
    assert loc(**_body(comment="x" * 5001)) == ["body", "comment"]
    assert loc(**_body(prefix="x" * 300)) == ["body", "prefix"]
    assert loc(**_body(admin=True)) == ["body", "admin"]
    assert loc(exact="Danube") == ["body", "page_url"]
    assert _all(store) == []


def test_honeypot_is_answered_like_success_but_stores_nothing(client, store, key):
    r = _post(client, key, _body(website="http://spam.example"))
    assert r.status_code == 202 and r.json() == {"status": "received"}
    assert _all(store) == []


# ---------------------------------------------------------------- persistent rate limits


def test_rate_limit_per_reporter_survives_a_new_app(client, db, key):
    codes = [_post(client, key, reporter="198.51.100.10").status_code for _ in range(11)]
    assert codes == [202] * 10 + [429]
    r = _post(client, key, reporter="198.51.100.10")
    assert r.status_code == 429
    assert 1 <= int(r.headers["retry-after"]) <= 60
    assert r.headers["access-control-allow-origin"] == ORIGIN
    assert _post(client, key, reporter="198.51.100.11").status_code == 202
    with _app(db) as fresh:  # a restarted (or second) process reads the same counts
        assert _post(fresh, key, reporter="198.51.100.10").status_code == 429
        assert _post(fresh, key, reporter="198.51.100.12").status_code == 202


def test_rate_limit_per_site_survives_a_new_app(client, db, store):
    key = _site(store, rate=3, name="Small Site")
    other = _site(store, rate=3, name="Other Site")
    codes = [_post(client, key, reporter=f"198.51.100.{20 + i}").status_code for i in range(4)]
    assert codes == [202, 202, 202, 429]
    r = _post(client, key, reporter="198.51.100.30")
    assert r.status_code == 429 and "site" in r.json()["detail"]
    assert 60 < int(r.headers["retry-after"]) <= 3600
    assert (
        _post(client, other, reporter="198.51.100.30").status_code == 202
    )  # each site has its own budget
    with _app(db) as fresh:
        assert _post(fresh, key, reporter="198.51.100.31").status_code == 429


def test_same_origin_endpoint_limit_is_persistent_too(client, db, store):
    start = _stored_text(store).index("Danube")
    body = {"article_id": 1, "revision": 1, "start": start, "end": start + 6}
    headers = {"Origin": "http://testserver", "User-Agent": "ua-article"}
    codes = [
        client.post("/api/corrections", json=body, headers=headers).status_code for _ in range(11)
    ]
    assert codes == [202] * 10 + [429]
    with _app(db) as fresh:
        r = fresh.post("/api/corrections", json=body, headers=headers)
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1


# ---------------------------------------------------------------- the editors' queue


HOSTILE_COMMENT = "<script>alert('c')</script>"
HOSTILE_QUOTE = "<img src=x onerror=alert('q')>"


def test_widget_reports_in_the_queue_are_escaped_and_grouped(client, store):
    key = _site(store, name="<b>Bold</b> News")
    page = f"{ORIGIN}/p?x=\"><script>alert('u')</script>"
    body = _body(page_url=page, exact=HOSTILE_QUOTE, comment=HOSTILE_COMMENT, suggestion="<i>s</i>")
    assert _post(client, key, body).status_code == 202
    assert (
        _post(client, key, _body(page_url=ARTICLE_URL), reporter="198.51.100.2").status_code == 202
    )
    sign_in(client, *EDITOR)
    html = client.get("/editor").text
    for raw in (HOSTILE_COMMENT, HOSTILE_QUOTE, "<script>alert('u')", "<b>Bold</b>", "<i>s</i>"):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=" in html
    assert "&lt;b&gt;Bold&lt;/b&gt; News" in html
    assert "Reports on article 1" in html and "Page on another site" in html
    # the page report cannot be accepted from here: no accept form, an explanation instead
    with store.session() as s:
        rows = reports.list_reports(session=s, status="open")
    page_rep = next(r for r in rows if r["article_id"] is None)
    art_rep = next(r for r in rows if r["article_id"] == 1)
    assert f'action="/editor/reports/{page_rep["id"]}/accept"' not in html
    assert f'action="/editor/reports/{art_rep["id"]}/accept"' in html
    assert "not a stored article" in html


def test_accepting_a_page_report_is_refused_without_a_crash(client, store, key):
    assert _post(client, key).status_code == 202
    [rep] = _all(store)
    sign_in(client, *EDITOR)
    token = csrf_of(client.get("/editor").text)
    r = client.post(
        f"/editor/reports/{rep['id']}/accept",
        data={"csrf_token": token, "replacement": "x"},
        follow_redirects=True,
    )
    assert r.status_code == 200 and "no stored article to revise" in r.text
    r = client.post(
        f"/editor/reports/{rep['id']}/reject",
        data={"csrf_token": token, "reason": "forwarded to the site"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert _all(store)[0]["status"] == "rejected"


def test_site_rows_keep_their_names_after_removal(store, key):
    with store.session() as s:
        sites.remove_site(session=s, key=key)
        assert sites.get_site(session=s, key=key) is None
        assert sites.site_names(session=s)[key] == "Example News"
        from claimgraph.store.models import SiteRow

        assert s.scalar(select(SiteRow.active).where(SiteRow.key == key)) is False
