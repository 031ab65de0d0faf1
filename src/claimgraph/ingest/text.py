"""Plain-text articles: optional dateline on the first line, a heading line, then the story."""

from __future__ import annotations

from claimgraph.ingest.article import Article, sha256
from claimgraph.ingest.clean import split_paragraphs, strip_boilerplate
from claimgraph.ingest.dates import parse_dateline
from claimgraph.ingest.decode import decode, sniff_binary
from claimgraph.ingest.language import detect_language

# A heading is a short line that does not end like a sentence.
_TITLE_MAX_CHARS = 200
_SENTENCE_END = (".", "!", ";", ",", ":")


def looks_like_title(para: str) -> bool:
    return len(para) <= _TITLE_MAX_CHARS and not para.endswith(_SENTENCE_END)


def text_to_article(
    raw: bytes, *, source: str, url: str | None = None, declared_charset: str | None = None
) -> Article:
    """Decode, split off dateline and title, clean the body and detect its language."""
    sniff_binary(raw, source=source)
    text, encoding = decode(raw, source=source, declared=declared_charset)
    return build_text_article(text, raw_hash=sha256(raw), source=source, url=url, encoding=encoding)


def build_text_article(
    text: str,
    *,
    raw_hash: str,
    source: str,
    url: str | None = None,
    title: str | None = None,
    published=None,
    encoding: str | None = None,
) -> Article:
    """Shared by the text, JSONL and feed readers: one way to turn story text into an Article."""
    paras = split_paragraphs(text)
    # one dateparser call for the first line (it was parsed twice when it was no dateline)
    if paras and (dt := parse_dateline(paras[0])):
        if published is None:
            published = dt
        paras = paras[1:]
    if title is None and len(paras) > 1 and looks_like_title(paras[0]):
        title, paras = paras[0], paras[1:]
    elif title is not None and paras and paras[0] == title:
        paras = paras[1:]
    kept, removed = strip_boilerplate(paras)
    body = "\n\n".join(kept)
    if not body.strip():
        from claimgraph.errors import EmptyInput

        raise EmptyInput(
            source, "no story text left after removing dateline, title and boilerplate"
        )
    lang, score = detect_language(body)
    extra = {"boilerplate_removed": len(removed)}
    if encoding:
        extra["encoding"] = encoding
    return Article(
        text=body,
        source=source,
        raw_hash=raw_hash,
        title=title,
        published=published,
        url=url,
        site=site_of(url),
        language=lang,
        language_score=score,
        extra=extra,
    )


def site_of(url: str | None) -> str | None:
    """The host name without a leading www., used to group a site's stories."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
