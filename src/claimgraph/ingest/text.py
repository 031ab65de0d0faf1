"""Plain-text articles: optional dateline on the first line, a heading line, then the story."""

from __future__ import annotations

from claimgraph.ingest.article import Article, sha256
from claimgraph.ingest.clean import split_paragraphs, strip_boilerplate
from claimgraph.ingest.dates import parse_dateline, parse_lead_dateline
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
    published_granularity: str | None = None,
) -> Article:
    """Shared by the text, JSONL and feed readers: one way to turn story text into an Article.

    `published_granularity` ("year"/"month"/"day") says how much of `published` the source
    named; a coarser one is refined by a wire-story dateline ("Oct. 3 (Xinhua) --").
    """
    # The first line alone may be a dateline even when the headline follows it with no blank
    # line between ("13:30 02 Aug 2023\nHeadline\n\nStory"): paragraphs would join the two.
    first, newline, rest = text.lstrip().partition("\n")
    if newline and (dt := parse_dateline(first)):
        if published is None:
            published, published_granularity = dt, "day"
        text = rest
    paras = split_paragraphs(text)
    # one dateparser call for the first line (it was parsed twice when it was no dateline)
    if paras and (dt := parse_dateline(paras[0])):
        if published is None:
            published, published_granularity = dt, "day"
        paras = paras[1:]
    if title is None and len(paras) > 1 and looks_like_title(paras[0]):
        title, paras = paras[0], paras[1:]
    elif title is not None and paras and paras[0] == title:
        paras = paras[1:]
    extra: dict = {}
    if paras and (published is None or published_granularity in ("year", "month")):
        lead = parse_lead_dateline(
            paras[0],
            year=published.year if published is not None else None,
            context=" ".join([title or "", paras[0]]),
        )
        refines = published is None or published_granularity == "year"
        if published_granularity == "month" and lead is not None and lead.published is not None:
            refines = lead.published.month == published.month
        if lead is not None and lead.published is not None and refines:
            published, published_granularity = lead.published, lead.granularity
        if lead is not None:
            extra["dateline"] = {"place": lead.place, "agency": lead.agency}
    kept, removed = strip_boilerplate(paras)
    body = "\n\n".join(kept)
    if not body.strip():
        from claimgraph.errors import EmptyInput

        raise EmptyInput(
            source, "no story text left after removing dateline, title and boilerplate"
        )
    lang, score = detect_language(body)
    extra["boilerplate_removed"] = len(removed)
    if published is not None and published_granularity in ("year", "month"):
        extra["published_granularity"] = published_granularity
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
