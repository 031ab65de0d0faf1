"""The one data object of the ingest stage."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime

log = logging.getLogger(__name__)

# http(s) and nothing else, with no whitespace or control characters anywhere: browsers drop
# tabs/newlines inside a URL and strip leading spaces, so " javascript:" or "java\tscript:"
# would still run as script if any of them were let through.
_WEB_URL = re.compile(r"(?i)https?://[^\x00-\x20\x7f]+")


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

    @property
    def text_hash(self) -> str:
        return sha256(self.text.encode("utf-8"))

    @property
    def supported(self) -> bool:
        """Extraction (English models) only runs on English text."""
        return self.language == "en"
