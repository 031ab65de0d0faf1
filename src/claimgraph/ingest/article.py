"""The one data object of the ingest stage."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

log = logging.getLogger(__name__)

# http(s) and nothing else, with no whitespace or control characters anywhere: browsers drop
# tabs/newlines inside a URL and strip leading spaces, so " javascript:" or "java\tscript:"
# would still run as script if any of them were let through.
_WEB_URL = re.compile(r"(?i)https?://[^\x00-\x20\x7f]+")
# Unicode category Cc (C0, DEL, C1) except tab and newline: nothing readable, and PostgreSQL
# refuses NUL in text and JSON columns (one such field failed the record, issue 12).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\n\r]+")
_STORED_PARTIAL = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")  # "2021", "2021-03"


def clean_field(value: str) -> str:
    """A one-line metadata field (title, author, …) without control characters; tabs and line
    breaks become a space."""
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", value)).strip()


def _clean_extra(value: Any) -> Any:
    """Strings anywhere in `extra` (stored as JSON) without control characters."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    if isinstance(value, dict):
        return {_clean_extra(k): _clean_extra(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_extra(v) for v in value]
    return value


def web_url(url: object) -> str | None:
    """`url` when it is an http(s) address, else None: the one test for every URL that may
    become a link (article pages, widget reports) - javascript:, data: and the like never do."""
    if isinstance(url, str) and _WEB_URL.fullmatch(url):
        return url
    return None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(slots=True)
class Article:
    """A cleaned news story, ready to be stored and extracted.

    ``text`` is the clean, NFC-normalized story text: every later stage points into it with
    character offsets, so it is never rewritten once stored (corrections make new revisions).
    ``published`` keeps its timezone when the source gave one, else it is naive as given.
    """

    text: str
    source: str
    raw_hash: str
    title: str | None = None
    published: datetime | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    language: str | None = None
    language_score: float | None = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Checked here so every ingest path (JSONL url, MHTML Content-Location, feeds, WARC,
        # fetched pages) agrees: a non-http(s) URL is not stored as the article's URL; the
        # original is kept in extra["rejected_url"] for the record, never rendered as a link.
        if self.url is not None and web_url(self.url) is None:
            log.warning("%s: URL %r is not http(s); stored without a URL", self.source, self.url)
            self.extra["rejected_url"] = self.url
            self.url = None
        # Every reader ends here, so every field is cleaned of control characters before it
        # can be stored (text keeps its tabs and newlines; it has no offsets into it yet).
        self.text = _CONTROL.sub("", self.text)
        for name in ("title", "author", "site", "language"):
            value = getattr(self, name)
            if isinstance(value, str):
                setattr(self, name, clean_field(value) or None)
        self.extra = _clean_extra(self.extra)

    @property
    def text_hash(self) -> str:
        return sha256(self.text.encode("utf-8"))

    @property
    def supported(self) -> bool:
        """Extraction (English models) only runs on English text."""
        return self.language == "en"


def published_text(published: datetime | None, granularity: str | None) -> str | None:
    """How a publication date is stored: ISO 8601 at the precision the source named ("2021",
    "2021-03", else the full timestamp), so a year is never read back as its first day."""
    if published is None:
        return None
    if granularity == "year":
        return f"{published.year:04d}"
    if granularity == "month":
        return f"{published.year:04d}-{published.month:02d}"
    return published.isoformat()


def read_published(value: str | None) -> tuple[datetime | None, str | None]:
    """A stored publication date back as (datetime, granularity): "2021" → (2021-01-01,
    "year"), "2021-03" → (2021-03-01, "month"), a full date or timestamp → (it, "day")."""
    if not value:
        return None, None
    if m := _STORED_PARTIAL.fullmatch(value):
        month = int(m["month"]) if m["month"] else None
        return datetime(int(m["year"]), month or 1, 1), "month" if month else "year"
    return datetime.fromisoformat(value), "day"
