"""RSS/Atom feeds: one article per entry, from the entry's page when we may fetch it.

Feed entries usually carry only a teaser, so the linked page is the real story; the entry still
supplies what pages often lack (title, date) and is the fallback text when fetching is off.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from claimgraph.errors import IngestError
from claimgraph.ingest.article import Article


def read_feed(
    body: bytes,
    *,
    source: str,
    fetch_page: Callable[[str], list[Article]] | None,
) -> Iterator[Article | IngestError]:
    """Parse ``body`` now (raising IngestError naming ``source`` if it is not a feed at all) and
    return an iterator over the entries' articles. A failed entry is yielded as its
    IngestError so one dead link costs one entry, not the whole feed.

    ``fetch_page(link)`` fetches an entry's page (``read_url`` with the caller's limits); when
    it is None, or an entry has no link, the entry's own content/summary becomes the article.
    """
    # A BytesIO, never raw bytes/str: feedparser treats a bare string as a URL or file path.
    parsed = feedparser.parse(io.BytesIO(body))
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        problem = parsed.get("bozo_exception") or "no RSS or Atom root element"
        raise IngestError(source, f"not an RSS or Atom feed claimgraph can read ({problem})")
    return _entries(parsed.entries, source, fetch_page)


def _entries(
    entries: list[Any], source: str, fetch_page: Callable[[str], list[Article]] | None
) -> Iterator[Article | IngestError]:
    for index, entry in enumerate(entries, 1):
        link = _link(entry, source)
        try:
            if link and fetch_page is not None:
                articles = fetch_page(link)
            else:
                articles = [_from_entry(entry, link or f"{source}#entry-{index}", link)]
        except IngestError as exc:
            yield exc
            continue
        for article in articles:
            yield _fill(article, entry, source)


def _link(entry: Any, source: str) -> str | None:
    """The entry's web page, or None: feedparser also copies ids such as ``urn:...`` into
    ``link``, and only http(s) pages are worth fetching or citing."""
    link = (entry.get("link") or "").strip()
    if source.startswith(("http://", "https://")):
        link = urljoin(source, link)  # relative entry links are relative to the feed's URL
    return link if link.lower().startswith(("http://", "https://")) else None


def _from_entry(entry: Any, where: str, link: str | None) -> Article:
    """The article from the entry's own HTML (full content if present, else the summary)."""
    content = next((c.get("value") for c in entry.get("content") or [] if c.get("value")), None)
    html = content or entry.get("summary")
    if not html or not html.strip():
        raise IngestError(where, "the feed entry has no link to fetch and no text of its own")
    from claimgraph.ingest.html import html_to_article

    return html_to_article(html.encode("utf-8"), source=where, url=link, declared_charset="utf-8")


def _fill(article: Article, entry: Any, feed: str) -> Article:
    """Keep what the page says; take title and date from the entry only where the page had none."""
    title = article.title or (entry.get("title") or "").strip() or None
    published = article.published or entry_time(entry)
    extra = {**article.extra, "feed": feed}
    return dataclasses.replace(article, title=title, published=published, extra=extra)


def entry_time(entry: Any) -> datetime | None:
    """The entry's publication (else update) time as an aware UTC datetime; feedparser has
    already converted its ``*_parsed`` struct_time values to UTC."""
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime(*value[:6]).replace(tzinfo=UTC)
    return None
