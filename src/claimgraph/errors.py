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
    """The source holds no text after cleaning: check it is the article, not a stub."""

    code = "E101"


class BinaryInput(IngestError):
    """The source is not text (an image, a PDF, an archive): convert it to text or HTML first."""

    code = "E102"


class TooLarge(IngestError):
    """The source is over the size cap: split it, or raise the cap if it is one article."""

    code = "E103"


class DecodeFailed(IngestError):
    """The bytes are in no encoding we could read: re-save the file as UTF-8."""

    code = "E104"


class SkippedRecords(IngestError):
    """WARC records deliberately not read (not HTML/text, not HTTP 200): a notice, not a fault."""

    code = "E106"


class CorruptWarc(IngestError):
    """A truncated or malformed WARC record; records before it were read."""

    code = "E107"


class NotAFile(IngestError):
    """`claimgraph bulk` reads files only: pass URLs, feeds and stdin to `claimgraph ingest`."""

    code = "E108"


class Unexpected(IngestError):
    """A reader or extractor crashed on one source (a bug: report it with the source); the
    batch goes on without it."""

    code = "E199"


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


class ExtractionFailed(ClaimgraphError):
    """Extraction failed on a stored article; it stays stored and can be extracted again
    (`claimgraph reextract`)."""

    code = "E300"


class PartitionNotExtracted(ClaimgraphError):
    """A bulk partition is not extracted yet: rerun the same `claimgraph bulk` command."""

    code = "E500"


class StoreError(ClaimgraphError):
    """The store refused an operation: the message names the table or id."""

    code = "E200"


class NotFound(StoreError):
    """No article, claim or entity with that id or name: list them with `claimgraph articles`."""

    code = "E201"
