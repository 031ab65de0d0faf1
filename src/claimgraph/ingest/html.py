"""HTML pages and saved pages: trafilatura for the story and metadata, htmldate for the date."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import datetime
from typing import cast

import trafilatura
from htmldate import find_date
from trafilatura.settings import Document

from claimgraph.errors import IngestError
from claimgraph.ingest.article import Article, sha256
from claimgraph.ingest.dates import parse_date
from claimgraph.ingest.decode import decode
from claimgraph.ingest.text import build_text_article

# Charset sniffing per the HTML spec's prescan (first 1024 bytes); not content scraping.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(raw: bytes) -> bool:
    return bool(_HTML_START.match(raw[:4096].lstrip(b"\xef\xbb\xbf")))


def declared_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:1024])
    return m.group(1).decode("ascii", "ignore") if m else None


def _bare(html: str, url: str | None, *, favor_recall: bool = False) -> Document | None:
    """trafilatura's bare extraction with metadata and tables, no comments. Typed as its
    Document: the dict in its declared return type only comes with `as_dict=True`, never asked."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=favor_recall,
    )
    return cast("Document | None", doc)


def html_to_article(
    raw: bytes, *, source: str, url: str | None = None, declared_charset: str | None = None
) -> Article:
    """Main text, title, date, author and canonical URL of one HTML page."""
    html, encoding = decode(raw, source=source, declared=declared_charset or _declared(raw))
    doc = _bare(html, url)
    if doc is None or not (doc.text or "").strip():
        doc = _bare(html, url, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        raise IngestError(source, "no article text found in the HTML (is it a story page?)")
    text = doc.text or ""
    published = _published(html, url)
    if published is None and doc.date:
        published = parse_date(doc.date)
    canonical = doc.url or url
    article = build_text_article(
        text,
        raw_hash=sha256(raw),
        source=source,
        url=canonical,
        title=(doc.title or "").strip() or None,
        published=published,
        encoding=encoding,
    )
    article.author = (doc.author or "").strip() or None
    if doc.sitename and not article.site:
        article.site = doc.sitename
    return article


def mhtml_to_article(raw: bytes, *, source: str) -> Article:
    """A browser's "save as single file" page (MHTML): the first text/html part, parsed by the
    standard library's MIME parser, then read like any HTML page."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            body = cast(bytes, part.get_payload(decode=True) or b"")  # a leaf part: bytes
            url = part.get("Content-Location") or msg.get("Snapshot-Content-Location")
            return html_to_article(
                body, source=source, url=url, declared_charset=part.get_content_charset()
            )
    raise IngestError(source, "saved page (MHTML) has no text/html part")


def looks_like_mhtml(raw: bytes) -> bool:
    head = raw[:2048].lower()
    return b"mime-version:" in head and b"multipart/related" in head


def _declared(raw: bytes) -> str | None:
    return declared_charset(raw)


def _published(html: str, url: str | None) -> datetime | None:
    """Original publication date with its time and zone when the page gives them."""
    try:
        found = find_date(
            html,
            url=url,
            original_date=True,
            extensive_search=True,
            outputformat="%Y-%m-%dT%H:%M:%S%z",
        )
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    try:
        return datetime.strptime(found, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return datetime.strptime(found, "%Y-%m-%dT%H:%M:%S")
