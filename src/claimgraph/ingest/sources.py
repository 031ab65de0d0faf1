"""SOURCE arguments → lazily read articles, one reader per kind.

A SOURCE is a file, a directory (recursive), a glob, an http(s) URL, or `-` for stdin. Files are
routed by content first (HTML, feed, JSONL) and by extension second; WARC archives (.warc,
.warc.gz) are recognised by name and streamed record by record (ingest/warc.py). Nothing is read until the
caller iterates, so a directory of a million files streams.
"""

from __future__ import annotations

import glob
import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from claimgraph.errors import IngestError, TooLarge
from claimgraph.ingest.article import Article, sha256
from claimgraph.ingest.dates import date_granularity, parse_date
from claimgraph.ingest.decode import check_size, decode, has_bom, looks_utf16, sniff_magic
from claimgraph.ingest.html import (
    html_to_article,
    looks_like_html,
    looks_like_mhtml,
    mhtml_to_article,
)
from claimgraph.ingest.text import build_text_article, text_to_article
from claimgraph.ingest.warc import is_warc, looks_like_warc, read_warc, read_warc_stream

_FEED_EXT = {".rss", ".atom", ".xml"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_JSONL_EXT = {".jsonl", ".ndjson"}
_SKIP_NAMES = {".git", "__pycache__", ".DS_Store"}


@dataclass(frozen=True)
class ReadOptions:
    max_bytes: int = 20 * 1024 * 1024
    allow_private: bool = False
    timeout: float = 15.0
    max_redirects: int = 5


@dataclass(frozen=True)
class Item:
    """One unit of work: a label for messages and a thunk that yields its articles."""

    label: str
    read: Callable[[], Iterator[Article | IngestError]]


def expand(sources: list[str], opts: ReadOptions) -> Iterator[Item | IngestError]:
    """Turn SOURCE arguments into work items; unknown paths become errors, not exceptions."""
    for src in sources:
        if src == "-":
            yield Item("<stdin>", lambda: _read_stdin(opts))
        elif src.startswith(("http://", "https://")):
            yield Item(src, lambda u=src: _read_url(u, opts))
        elif "://" in src:
            yield IngestError(src, "unsupported URL scheme (only http and https are fetched)")
        elif Path(src).is_dir():
            for path in sorted(Path(src).rglob("*")):
                if path.is_file() and not (set(path.parts) & _SKIP_NAMES):
                    yield _file_item(path, opts)
        elif Path(src).is_file():
            yield _file_item(Path(src), opts)
        elif glob.has_magic(src):
            matches = sorted(glob.glob(src, recursive=True))
            if not matches:
                yield IngestError(src, "the pattern matched no files")
            for m in matches:
                if Path(m).is_file():
                    yield _file_item(Path(m), opts)
        else:
            yield IngestError(src, "no such file, directory, glob match or URL")


def _file_item(path: Path, opts: ReadOptions) -> Item:
    label = str(path.resolve())
    return Item(label, lambda: _read_file(path, label, opts))


def _read_file(path: Path, label: str, opts: ReadOptions) -> Iterator[Article | IngestError]:
    if is_warc(path):  # an archive of many pages: the byte cap applies per record
        yield from read_warc(path, label=label, max_bytes=opts.max_bytes)
        return
    size = path.stat().st_size
    if size > opts.max_bytes:  # refuse before reading a byte into memory
        raise TooLarge(
            label,
            f"{size:,} bytes is over the {opts.max_bytes:,}-byte cap; raise it with "
            "--max-bytes or CLAIMGRAPH_MAX_BYTES if this is really one article",
        )
    raw = path.read_bytes()
    yield from read_bytes(raw, label=label, suffix=path.suffix.lower(), opts=opts)


def _read_stdin(opts: ReadOptions) -> Iterator[Article | IngestError]:
    raw = sys.stdin.buffer.read(opts.max_bytes + 1)
    yield from read_bytes(raw, label="<stdin>", suffix="", opts=opts)


def read_bytes(
    raw: bytes, *, label: str, suffix: str, opts: ReadOptions, url: str | None = None
) -> Iterator[Article | IngestError]:
    """Route bytes to the right reader by sniffing the content, then by the file extension."""
    check_size(raw, source=label, max_bytes=opts.max_bytes)
    head = raw[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if looks_like_warc(head):
        yield from read_warc_stream(io.BytesIO(raw), label=label, max_bytes=opts.max_bytes)
    elif suffix == ".json":
        yield from read_json(raw, label=label, opts=opts)
    elif suffix in _JSONL_EXT:
        yield from read_jsonl(raw, label=label, opts=opts)
    elif _looks_like_feed(head) or (suffix in _FEED_EXT and not looks_like_html(raw)):
        from claimgraph.ingest.feed import read_feed

        yield from read_feed(raw, source=label, fetch_page=_page_fetcher(opts))
    elif suffix in {".mht", ".mhtml"} or looks_like_mhtml(raw):
        yield mhtml_to_article(raw, source=label)
    elif suffix in _HTML_EXT or looks_like_html(raw):
        yield html_to_article(raw, source=label, url=url)
    else:
        yield text_to_article(raw, source=label, url=url)


def _looks_like_feed(head: bytes) -> bool:
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2 :].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:RDF", b"<RDF"))


def _page_fetcher(opts: ReadOptions) -> Callable[[str], list[Article]]:
    def fetch_page(url: str) -> list[Article]:
        from claimgraph.ingest.url import read_url

        return read_url(
            url,
            allow_private=opts.allow_private,
            timeout=opts.timeout,
            max_bytes=opts.max_bytes,
            max_redirects=opts.max_redirects,
        )

    return fetch_page


def _read_url(url: str, opts: ReadOptions) -> Iterator[Article | IngestError]:
    """A page or a feed URL; a feed's failed entries come out as errors beside its articles."""
    from claimgraph.ingest.url import read_url

    errors: list[IngestError] = []
    yield from read_url(
        url,
        allow_private=opts.allow_private,
        timeout=opts.timeout,
        max_bytes=opts.max_bytes,
        max_redirects=opts.max_redirects,
        on_error=errors.append,
    )
    yield from errors


def read_jsonl(raw: bytes, *, label: str, opts: ReadOptions) -> Iterator[Article | IngestError]:
    """One article per line: {"url", "title", "text", "published"}; a bad line is one error."""
    text = _jsonl_text(raw, label=label)
    # JSON Lines are separated by \n only (str.splitlines would also split on U+0085/U+2028 in text)
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{label}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict):
            yield IngestError(where, "each line must be a JSON object")
            continue
        try:
            yield from _jsonl_record(rec, where, line, opts)
        except IngestError as exc:
            yield exc


def _jsonl_text(raw: bytes, *, label: str) -> str:
    """The file as text. A raw NUL byte (never valid in JSON) in UTF-8 lines must not turn the
    whole file into "binary": it stays, and only the line holding it fails to parse."""
    sample = raw[:8192]
    if b"\x00" not in raw or has_bom(raw) or looks_utf16(sample):
        return decode(raw, source=label)[0]
    sniff_magic(raw, source=label)  # real binaries are still refused
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        # another encoding: U+0001 in place of NUL is just as invalid in JSON, line by line
        return decode(raw.replace(b"\x00", b"\x01"), source=label)[0]


def read_json(raw: bytes, *, label: str, opts: ReadOptions) -> Iterator[Article | IngestError]:
    """A .json file: one article record, a list of them, or (one object per line) JSONL."""
    text, _ = decode(raw, source=label)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl(raw, label=label, opts=opts)
        return
    records = doc if isinstance(doc, list) else [doc]
    if not all(isinstance(r, dict) and ("text" in r or "url" in r) for r in records):
        raise IngestError(
            label, "JSON is not an article record: expected {url, title, text, published} or a list"
        )
    for n, rec in enumerate(records, start=1):
        where = f"{label}#{n}"
        try:
            yield from _jsonl_record(rec, where, json.dumps(rec, sort_keys=True), opts)
        except IngestError as exc:
            yield exc


def _jsonl_record(
    rec: dict, where: str, line: str, opts: ReadOptions
) -> Iterator[Article | IngestError]:
    body, url = rec.get("text"), rec.get("url")
    if not isinstance(body, str) or not body.strip():
        if isinstance(url, str) and url:
            for art in _read_url(url, opts):
                if isinstance(art, Article):
                    art.title = art.title or rec.get("title")
                yield art
            return
        raise IngestError(where, "field 'text' is missing or empty (and no 'url' to fetch)")
    published, granularity = None, None
    if rec.get("published"):
        published = parse_date(str(rec["published"]), require_day=False)
        if published is None:
            raise IngestError(where, f"field 'published' is not a date: {rec['published']!r}")
        granularity = date_granularity(str(rec["published"]))
    title = rec.get("title")
    article = build_text_article(
        body,
        raw_hash=sha256(line.encode("utf-8")),
        source=where if not url else str(url),
        url=url if isinstance(url, str) else None,
        title=title if isinstance(title, str) and title.strip() else None,
        published=published,
        published_granularity=granularity,
    )
    if rec.get("id") is not None:
        article.extra["id"] = str(rec["id"])
    yield article
