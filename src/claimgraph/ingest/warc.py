"""WARC archives (.warc, .warc.gz): crawled pages read record by record, like HTML files.

Why a reader of its own: a WARC holds thousands of pages, so it is streamed (never loaded whole,
the per-file byte cap applies per record) and every article and error names the record's byte
offset, which is also what bulk mode partitions on (`record_ranges`) so a killed batch resumes.

Only `response` and `resource` records with an HTML or plain-text body become articles;
responses other than HTTP 200 and other content types (images, PDF, scripts) are skipped and
reported as one counted `SkippedRecords` notice per read. Request, metadata, revisit and warcinfo
records are bookkeeping, not content, and pass silently. The page's own date (found by the HTML
reader) wins; WARC-Date, the capture time, is only the fallback publication hint.
"""

from __future__ import annotations

import hashlib
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from claimgraph.errors import CorruptWarc, IngestError, SkippedRecords, TooLarge
from claimgraph.ingest.article import Article
from claimgraph.ingest.dates import parse_date

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain"}
_CONTENT_RECORDS = {"response", "resource"}


def is_warc(path: Path | str) -> bool:
    """By name: checked before the whole-file size cap, which a WARC must not hit."""
    return str(path).lower().endswith((".warc", ".warc.gz", ".warc.gzip"))


def looks_like_warc(head: bytes) -> bool:
    """An uncompressed WARC under another name (or on stdin)."""
    return head.startswith((b"WARC/1.0\r\n", b"WARC/1.1\r\n"))


def _errors() -> tuple[type[BaseException], ...]:
    from warcio.exceptions import ArchiveLoadFailed

    return (ArchiveLoadFailed, EOFError, zlib.error, ValueError, OSError)


def read_warc(
    path: Path | str,
    *,
    label: str,
    max_bytes: int,
    start: int = 0,
    end: int | None = None,
) -> Iterator[Article | IngestError]:
    """Articles of the records starting in [start, end) (the whole file by default).

    A corrupt part ends the read with a `CorruptWarc` naming the file and the record offset;
    everything before it has already been yielded.
    """
    with open(path, "rb") as fh:
        fh.seek(start)
        yield from read_warc_stream(fh, label=label, max_bytes=max_bytes, start=start, end=end)


def read_warc_stream(
    fh: BinaryIO, *, label: str, max_bytes: int, start: int = 0, end: int | None = None
) -> Iterator[Article | IngestError]:
    """`read_warc` on an open binary stream positioned at byte `start`."""
    from warcio.archiveiterator import ArchiveIterator

    skipped: Counter[str] = Counter()
    it = ArchiveIterator(fh)
    offset = start
    try:
        for record in it:
            if end is not None and offset >= end:
                break
            if not record.rec_type or record.length is None:  # junk, or headers cut short
                raise ValueError("no WARC-Type or Content-Length header")
            item = _record(record, label, offset, max_bytes, skipped)
            it.read_to_end(record)
            _check_complete(record)
            if item is not None:
                yield item
            offset = it.offset
    except _errors() as exc:
        yield CorruptWarc(
            f"{label}@{offset}",
            f"truncated or corrupt WARC record at byte offset {offset} "
            f"({type(exc).__name__}: {exc}); records before it were read",
        )
    if skipped:
        total = sum(skipped.values())
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(skipped.items()))
        where = label if start == 0 and end is None else f"{label}@{start}-{end}"
        yield SkippedRecords(where, f"skipped {total} WARC record(s): {why}")


def _check_complete(record: Any) -> None:
    """A record cut short by the end of the file reads without error in warcio: catch it."""
    raw = record.raw_stream
    remaining = getattr(raw, "limit", 0)
    if remaining:
        raise EOFError(f"record ends {remaining} bytes early")


def _record(
    record: Any, label: str, offset: int, max_bytes: int, skipped: Counter[str]
) -> Article | IngestError | None:
    if record.rec_type not in _CONTENT_RECORDS:
        return None
    where = f"{label}@{offset}"
    if record.rec_type == "response":
        if record.http_headers is None:
            skipped["response without HTTP headers"] += 1
            return None
        status = record.http_headers.get_statuscode()
        if status != "200":
            skipped[f"HTTP {status}"] += 1
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    mime = ctype.split(";", 1)[0].strip().lower()
    if mime not in _HTML_TYPES | _TEXT_TYPES:
        skipped[f"not HTML/text ({mime or 'no content type'})"] += 1
        return None
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return TooLarge(where, f"record body is over the {max_bytes:,}-byte cap")
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    url = uri if uri and uri.startswith(("http://", "https://")) else None  # not urn:, dns:
    charset = _charset(ctype)
    try:
        if mime in _HTML_TYPES:
            from claimgraph.ingest.html import html_to_article

            art = html_to_article(body, source=where, url=url, declared_charset=charset)
        else:
            from claimgraph.ingest.text import text_to_article

            art = text_to_article(body, source=where, url=url, declared_charset=charset)
    except IngestError as exc:
        return exc
    captured = record.rec_headers.get_header("WARC-Date")
    if captured:
        art.extra["warc_date"] = captured
        if art.published is None:
            art.published = parse_date(captured, require_day=False)
    art.extra["warc"] = where
    art.source = uri or where
    return art


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("'\"")
    return None


def record_ranges(path: Path | str, records: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, sha256 of the bytes) per run of `records` records, for bulk partitions.

    Cuts only at record boundaries (in a .warc.gz each record is its own gzip member, so a
    reader can seek straight to it). A corrupt tail becomes one last range, so the worker
    reports the error with its offset just as `ingest` does.
    """
    from warcio.archiveiterator import ArchiveIterator

    size = Path(path).stat().st_size
    cuts = [0]
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        n = 0
        try:
            for record in it:
                it.read_to_end(record)
                n += 1
                if n % records == 0 and it.offset < size:
                    cuts.append(it.offset)
        except _errors():
            pass
    cuts.append(size)
    with open(path, "rb") as fh:
        for a, b in zip(cuts, cuts[1:], strict=False):
            fh.seek(a)
            h = hashlib.sha256()
            left = b - a
            while left:
                chunk = fh.read(min(left, 1 << 20))
                if not chunk:
                    break
                h.update(chunk)
                left -= len(chunk)
            yield a, b, h.hexdigest()
