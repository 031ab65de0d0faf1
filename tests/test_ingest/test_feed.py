"""RSS/Atom: one article per entry, per-entry errors, entry content fallback, bad feeds."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import httpx
import pytest

from claimgraph.errors import FetchError, IngestError
from claimgraph.ingest.article import Article
from claimgraph.ingest.feed import entry_time, read_feed
from claimgraph.ingest.url import read_url
from tests.test_ingest.fakes import install_fake_readers

PUBLIC = "93.184.216.34"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>https://news.example/</link>
<item><title>Dam opens</title><link>https://news.example/a</link>
  <pubDate>Tue, 10 Jun 2025 04:00:00 +0200</pubDate><description>teaser a</description></item>
<item><title>Gone story</title><link>https://news.example/b</link>
  <pubDate>Wed, 11 Jun 2025 09:30:00 GMT</pubDate></item>
<item><title>Bridge closes</title><link>https://news.example/c</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2025-06-12T08:00:00Z</updated>
<entry><title>Inline story</title><id>urn:1</id><updated>2025-06-12T08:00:00+02:00</updated>
  <content type="html">&lt;p&gt;The council &lt;b&gt;voted&lt;/b&gt; 7 to 2.&lt;/p&gt;</content></entry>
<entry><title>Empty one</title><id>urn:2</id><updated>2025-06-12T09:00:00Z</updated></entry>
</feed>"""


def fake_resolver(host: str) -> list[str]:
    assert host.endswith(".example"), host
    return [PUBLIC]


@pytest.fixture(autouse=True)
def fake_html(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """A stand-in HTML reader: tag-stripped text, <title> only when the page has one."""
    return install_fake_readers(monkeypatch)["html"]


def pages(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/b":
        return httpx.Response(404)
    if request.url.path == "/c":
        body = b"<html><title>Page title wins</title><p>Bridge story</p></html>"
    else:
        body = b"<html><p>Story at " + request.url.path.encode() + b"</p></html>"
    return httpx.Response(200, headers={"content-type": "text/html"}, content=body)


def page_fetcher() -> partial[list[Article]]:
    return partial(read_url, transport=httpx.MockTransport(pages), resolver=fake_resolver)


def test_three_entries_one_404_gives_two_articles_and_one_error() -> None:
    items = list(read_feed(RSS, source="https://news.example/rss", fetch_page=page_fetcher()))

    assert len(items) == 3
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, IngestError)]
    assert len(articles) == 2 and len(errors) == 1
    assert isinstance(errors[0], FetchError)
    assert errors[0].source == "https://news.example/b"
    assert "HTTP 404" in str(errors[0])

    first, third = articles
    assert first.text == "Story at /a"  # the page, not the teaser
    assert first.title == "Dam opens"  # filled from the entry
    assert first.published == datetime(2025, 6, 10, 2, 0, tzinfo=UTC)
    assert third.title == "Page title wins"  # the page's own title is kept
    assert third.published is None
    assert first.extra["feed"] == "https://news.example/rss"


def test_without_fetching_entries_use_their_own_text(fake_html) -> None:
    items = list(read_feed(RSS, source="feed.xml", fetch_page=None))

    assert isinstance(items[0], Article) and items[0].text == "teaser a"
    assert items[0].url == "https://news.example/a"
    assert isinstance(items[1], IngestError) and items[1].source == "https://news.example/b"
    assert "no link to fetch and no text" in str(items[1])
    assert all(call["charset"] == "utf-8" for call in fake_html)


def test_atom_entry_without_link_uses_content() -> None:
    items = list(read_feed(ATOM, source="wire.atom", fetch_page=page_fetcher()))

    inline, empty = items
    assert isinstance(inline, Article)
    assert inline.text == "The council voted 7 to 2."
    assert inline.title == "Inline story"
    assert inline.published == datetime(2025, 6, 12, 6, 0, tzinfo=UTC)
    assert inline.source == "wire.atom#entry-1"
    assert isinstance(empty, IngestError) and empty.source == "wire.atom#entry-2"


def test_relative_links_resolve_against_the_feed_url() -> None:
    feed = b"""<rss version="2.0"><channel><title>t</title>
    <item><title>x</title><link>/a</link></item></channel></rss>"""
    asked: list[str] = []

    def fetch_page(link: str) -> list[Article]:
        asked.append(link)
        return [Article(text="t", source=link, raw_hash="h", url=link)]

    [article] = read_feed(feed, source="https://news.example/rss/all", fetch_page=fetch_page)
    assert asked == ["https://news.example/a"]
    assert isinstance(article, Article) and article.title == "x"


def test_one_failing_entry_does_not_stop_the_rest() -> None:
    def fetch_page(link: str) -> list[Article]:
        if link.endswith("/a"):
            raise IngestError(link, "broken")
        return [Article(text="ok", source=link, raw_hash="h", url=link)]

    kinds = [type(i).__name__ for i in read_feed(RSS, source="rss", fetch_page=fetch_page)]
    assert kinds == ["IngestError", "Article", "Article"]


@pytest.mark.parametrize(
    "body",
    [
        b"\x00\x01 not xml at all",
        b"<html><body><p>A web page, not a feed</p></body></html>",
        b"",
    ],
)
def test_not_a_feed_raises_naming_the_source(body: bytes) -> None:
    with pytest.raises(IngestError, match="not an RSS or Atom feed") as err:
        read_feed(body, source="https://news.example/x", fetch_page=None)
    assert err.value.source == "https://news.example/x"


def test_body_is_never_treated_as_a_path(tmp_path: Path) -> None:
    # feedparser opens a bare bytes/str argument as a file or URL; read_feed must not.
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS)
    with pytest.raises(IngestError):
        read_feed(str(path).encode(), source="body", fetch_page=None)


def test_empty_valid_feed_yields_nothing() -> None:
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    assert list(read_feed(body, source="empty.xml", fetch_page=None)) == []


def test_entry_time_prefers_published_then_updated() -> None:
    assert entry_time({"updated_parsed": (2025, 1, 2, 3, 4, 5, 0, 0, 0)}) == datetime(
        2025, 1, 2, 3, 4, 5, tzinfo=UTC
    )
    assert entry_time({}) is None
