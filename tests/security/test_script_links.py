"""Finding 1: an article or widget report whose URL is `javascript:` (or data:, any non-http(s)
scheme) must never become a link an editor can click."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sqlalchemy import update

from claimgraph.corrections.desk import submit
from claimgraph.pipeline import ingest_sources
from claimgraph.store.models import ArticleRow
from tests.security.conftest import sign_in

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    " javascript:alert(2)",
    "java\tscript:alert(3)",
    "\x01javascript:alert(4)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==",
    "vbscript:msgbox(6)",
    "//evil.example/x",
]
HREF = re.compile(r"""\bhref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def _bad_hrefs(html: str) -> list[str]:
    """Every href that is neither a same-site path, a fragment, a query nor http(s)."""
    out = []
    for h in HREF.findall(html):
        if h.startswith(("#", "?")) or (h.startswith("/") and not h.startswith("//")):
            continue
        if h == "data:,":  # the empty favicon in base.html
            continue
        if not re.match(r"https?://", h, re.IGNORECASE):
            out.append(h)
    return out


def _story(i: int) -> str:
    return (
        f"Story number {i}. The river council in Lakeside voted {i + 3} to 2 on Monday to "
        f"rebuild the old ferry pier, a spokeswoman said. Work starts in spring."
    )


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.jsonl"
    lines = [{"url": u, "title": f"Hostile {i}", "text": _story(i)} for i, u in enumerate(HOSTILE)]
    lines.append({"url": "https://news.example/ok", "title": "Fine", "text": _story(99)})
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def test_web_url_accepts_only_http_and_https() -> None:
    from claimgraph.ingest.article import web_url

    for u in HOSTILE:
        assert web_url(u) is None, u
    assert web_url("https://news.example/a?b=1") == "https://news.example/a?b=1"
    assert web_url("HTTP://news.example/") == "HTTP://news.example/"


def test_ingest_keeps_no_script_url(tmp_path, store):
    outcomes = list(ingest_sources([str(_jsonl(tmp_path))], store))
    assert len(outcomes) == len(HOSTILE) + 1
    with store.session() as s:
        rows = s.query(ArticleRow).all()
        urls = {r.title: r.url for r in rows}
    assert urls.pop("Fine") == "https://news.example/ok"
    assert set(urls.values()) == {None}, urls


def _pages(client, ids: list[int]) -> dict[str, str]:
    paths = ["/", "/claims", "/search?q=ferry", "/editor"] + [f"/articles/{i}" for i in ids]
    out = {}
    for p in paths:
        r = client.get(p)
        assert r.status_code == 200, (p, r.status_code)
        out[p] = r.text
    return out


def test_stored_script_urls_render_as_no_link(tmp_path, store, client):
    """Even a store written before the ingest check (or by hand) renders no script link."""
    outcomes = list(ingest_sources([str(_jsonl(tmp_path))], store))
    ids = [o.article_id for o in outcomes]
    with store.session() as s:  # replay the old store: the hostile URLs as they were kept
        for aid, url in zip(ids, HOSTILE, strict=False):
            s.execute(update(ArticleRow).where(ArticleRow.id == aid).values(url=url))
        for i, url in enumerate(HOSTILE):  # widget reports from a hostile page address
            submit(
                session=s,
                fingerprint_=f"f{i}",
                exact=f"quote {i}",
                site="partner-key",
                page_url=url,
            )
    sign_in(client)
    pages = _pages(client, ids)
    for path, html in pages.items():
        assert _bad_hrefs(html) == [], path  # shown as text at most, never as a link
    assert 'href="https://news.example/ok"' in pages[f"/articles/{ids[-1]}"]
