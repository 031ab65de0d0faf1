"""The one data object of the ingest stage."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


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

    @property
    def text_hash(self) -> str:
        return sha256(self.text.encode("utf-8"))

    @property
    def supported(self) -> bool:
        """Extraction (English models) only runs on English text."""
        return self.language == "en"
