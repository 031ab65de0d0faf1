"""Bytes → text, refusing what is not text. Every failure names the source."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from claimgraph.errors import BinaryInput, DecodeFailed, EmptyInput, TooLarge

# Leading bytes of common binary formats (PNG, ZIP/DOCX, PDF, GIF, JPEG, gzip, ELF, SQLite, 7z, …).
_MAGIC: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"PK\x03\x04": "ZIP archive",
    b"PK\x05\x06": "ZIP archive",
    b"%PDF-": "PDF document",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"\xff\xd8\xff": "JPEG image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "ELF executable",
    b"SQLite format 3\x00": "SQLite database",
    b"7z\xbc\xaf\x27\x1c": "7z archive",
    b"RIFF": "RIFF media file",
    b"\x00\x00\x01\x00": "ICO image",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_size(raw: bytes, *, source: str, max_bytes: int) -> None:
    """Refuse empty and oversized inputs before any parsing work."""
    if not raw.strip():
        raise EmptyInput(source, "empty input (no bytes or only whitespace)")
    if len(raw) > max_bytes:
        raise TooLarge(
            source,
            f"{len(raw):,} bytes is over the {max_bytes:,}-byte cap; raise it with "
            "--max-bytes or CLAIMGRAPH_MAX_BYTES if this is really one article",
        )


def sniff_magic(raw: bytes, *, source: str) -> None:
    """Raise BinaryInput for files whose first bytes are a known binary format's magic."""
    head = raw[:16]
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            raise BinaryInput(source, f"binary file ({kind}), not a text or HTML article")


def sniff_binary(raw: bytes, *, source: str) -> None:
    """Raise BinaryInput for files that are plainly not text (magic numbers, NUL bytes)."""
    sniff_magic(raw, source=source)
    if any(raw.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16/32 text legitimately contains NUL bytes
    sample = raw[:8192]
    if b"\x00" in sample:
        # UTF-16 without BOM: NULs at every other byte and nothing else odd.
        if looks_utf16(sample):
            return
        raise BinaryInput(source, "binary file (contains NUL bytes), not a text or HTML article")
    if _control_share(sample) > 0.05:
        raise BinaryInput(source, "binary file (control bytes), not a text or HTML article")


# C0 control bytes that text never holds (tab, newline, form feed, CR and ESC excluded)
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def _control_share(sample: bytes) -> float:
    """Share of control bytes: random or compressed bytes hold about 1 in 9, any text
    encoding (UTF-8, cp1252, latin-1) none."""
    return sum(b in _CONTROL for b in sample) / len(sample) if sample else 0.0


def has_bom(raw: bytes) -> bool:
    """Starts with a UTF-8/16/32 byte-order mark."""
    return any(raw.startswith(bom) for bom, _ in _BOMS)


def looks_utf16(sample: bytes) -> bool:
    """UTF-16 without BOM: NULs at every other byte."""
    evens, odds = sample[0::2], sample[1::2]
    return evens.count(0) > 0.4 * len(evens) or odds.count(0) > 0.4 * len(odds)


def decode(raw: bytes, *, source: str, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used).

    Order: BOM, then strict UTF-8 (a valid multi-byte UTF-8 stream is almost never another
    encoding, so it beats a wrong ``<meta charset>``), then the declared charset, then
    charset-normalizer's guess.
    """
    sniff_binary(raw, source=source)
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DecodeFailed(source, f"bad {enc} text at byte {exc.start}") from exc
    if b"\x00" in raw[:8192]:
        enc = "utf-16-le" if raw[1:2] == b"\x00" else "utf-16-be"
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError as exc:
            raise DecodeFailed(source, f"bad {enc} text at byte {exc.start}") from exc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return raw.decode(_codec_name(declared)), declared.lower()
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(raw[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            return raw.decode(best.encoding), best.encoding
        except UnicodeDecodeError:
            pass
    # Last resort that never fails and loses nothing visible for Western text.
    return raw.decode("cp1252", errors="replace"), "cp1252"


def _codec_name(name: str) -> str:
    # WHATWG says a declared latin-1/iso-8859-1 means windows-1252 (curly quotes live there).
    name = name.strip().strip("'\"").lower()
    return (
        "cp1252" if name in {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "us-ascii"} else name
    )
