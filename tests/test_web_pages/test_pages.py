"""The HTML pages: they render, escape untrusted text and map highlights to exact offsets."""

from __future__ import annotations

import html
import re
from pathlib import Path

from claimgraph.corrections import desk
from claimgraph.pipeline import extract_stored, ingest_sources
from claimgraph.store.db import Store

HOSTILE = (
    "12:00 01 Feb 2024\n\n"
    'Title <script>alert("t")</script>\n\n'
    'Kyiv said <img src=x onerror=alert(1)> and "quotes" & ampersands </span></div> arrived.\n'
)


def _pieces(page: str) -> list[tuple[int, str]]:
    body = page[page.index('id="article-text"') :]
    body = body[: body.index("</div>")]
    return [
        (int(s), html.unescape(t))
        for s, t in re.findall(r'<span data-s="(\d+)"[^>]*>(.*?)</span>', body, re.S)
    ]


def test_every_page_renders_with_nav(client):
    for url in ("/", "/articles/1", "/claims", "/search?q=drone", "/search", "/entities/gpe:iran"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "text/html" in r.headers["content-type"]
        for link in ('href="/"', 'href="/claims"', 'href="/search"', 'href="/editor"'):
            assert link in r.text, (url, link)
        # no CDN: every script and stylesheet comes from /static
        assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(js|css)', r.text), url
    assert client.get("/static/article.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/articles/999").status_code == 404
    assert client.get("/entities/no-such-thing").status_code == 404


def test_page_routes_stay_out_of_the_api_schema(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert "/api/corrections" in paths
    assert not any(p in paths for p in ("/", "/articles/{article_id}", "/editor", "/login"))


def test_highlight_pieces_rebuild_the_text_exactly(client, page_store: Store):
    from claimgraph.store import repo

    with page_store.session() as s:
        text = repo.get_article(session=s, article_id=1)["text"]
    r = client.get("/articles/1")
    pieces = _pieces(r.text)
    assert "".join(t for _, t in pieces) == text
    for (start, t), (nxt, _) in zip(pieces, pieces[1:], strict=False):
        assert start + len(t) == nxt
    assert 'class="ev' in r.text and "ent" in r.text
    # the claim card for the Yelabuz mention shows the gazetteer name and the cluster
    assert "Yelabuga" in r.text and "BUILD_FACILITY" in r.text
    assert re.search(r"<dt>Cluster</dt><dd>\s*\d+ claims? in \d+ articles?; sources: ", r.text)


def test_cluster_summary_names_every_source_and_the_other_articles():
    from claimgraph.web.pages.render import cluster_summary

    def m(aid: int, source: str | None, site: str | None = None) -> dict:
        return {
            "id": f"c{aid}",
            "article_id": aid,
            "source": source,
            "site": site,
            "modality": "reported",
            "title": f"t{aid}",
        }

    members = [m(1, "ISW"), m(2, None, "wire.example"), m(3, "Washington Post"), m(3, "ISW")]
    got = cluster_summary("cl-1", members, article_id=1, most=1)
    assert got["n_claims"] == 4 and got["n_articles"] == 3
    assert got["sources"] == ["ISW", "Washington Post", "wire.example"]
    assert [o["article_id"] for o in got["others"]] == [2] and got["more"] == 1


def test_untrusted_text_is_escaped(client, db_copy: Path, tmp_path: Path):
    from claimgraph.store.db import open_store

    src = tmp_path / "hostile.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    store = open_store(str(db_copy))
    [out] = list(ingest_sources([str(src)], store, extract=False))
    store.close()
    for url in (f"/articles/{out.article_id}", "/", "/search?q=Kyiv"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<img src=x" not in page, url
    page = client.get(f"/articles/{out.article_id}").text
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    text = "".join(t for _, t in _pieces(page))
    assert "<img src=x onerror=alert(1)>" in text and "</span></div>" in text
    # the search box echoes the query escaped
    assert "&lt;b&gt;" in client.get("/search", params={"q": "<b>x"}).text


def test_claims_table_filters_and_export_links(client):
    page = client.get("/claims", params={"place": "Yelabuga"}).text
    assert page.count("<tr>") == 2  # header + one claim
    assert 'href="/api/export/csv?place=Yelabuga"' in page
    assert 'href="/api/export/stix?place=Yelabuga"' in page
    assert 'href="/api/export/geojson?place=Yelabuga"' in page
    assert client.get("/claims", params={"near": "nonsense"}).status_code == 422


def test_revision_history_and_diff(client, page_store: Store):
    text = client.get("/articles/1").text
    pieces = "".join(t for _, t in _pieces(text))
    start = pieces.index("Yelabuz")
    with page_store.session() as s:
        rep = desk.submit(
            session=s, fingerprint_="x", article_id=1, revision=1, start=start, end=start + 7
        ).report
        desk.accept(session=s, report_id=rep["id"], editor="t", replacement="Yelabuga")
    assert extract_stored(page_store, 1) is None
    page = client.get("/articles/1", params={"rev": 2, "diff": 1}).text
    assert "revision 2" in page
    assert re.search(r"<del>Yelabuz,?</del>", page) and re.search(r"<ins>Yelabuga,?</ins>", page)
    old = client.get("/articles/1", params={"rev": 1}).text
    assert "Yelabuz," in "".join(t for _, t in _pieces(old)) and "current: " in old
    # revision 1 shows the claims it had when current (kept in the extraction history)
    assert "No claims were extracted from this revision." not in old and 'class="card"' in old
