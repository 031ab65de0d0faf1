"""Error types in one place. Every message names the source and says what to do."""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base class: anything claimgraph raises on purpose."""


class IngestError(ClaimgraphError):
    """A source could not be turned into an article.

    ``source`` names the file, URL or line that failed; ``reason`` is a short human sentence.
    """

    code = "E100"

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class EmptyInput(IngestError):
    code = "E101"


class BinaryInput(IngestError):
    code = "E102"


class TooLarge(IngestError):
    code = "E103"


class DecodeFailed(IngestError):
    code = "E104"


class FetchError(IngestError):
    """Network fetch failed: timeout, HTTP status, size, content type."""

    code = "E110"


class BlockedAddress(FetchError):
    """A URL (or a redirect) points at a loopback/private/link-local/metadata address."""

    code = "E111"


class OntologyError(ClaimgraphError, ValueError):
    """An ontology file breaks its schema (claimgraph.ontology.schema): fix the named key."""

    code = "E120"

    def __init__(self, file: str, line: int, key: str, reason: str) -> None:
        self.file, self.line, self.key, self.reason = file, line, key, reason
        super().__init__(f"{file}:{line}: {key}: {reason} [{self.code}]")


class StoreError(ClaimgraphError):
    code = "E200"


class NotFound(StoreError):
    code = "E201"
