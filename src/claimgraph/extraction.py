"""One article in, its records out: parse → frames → entities, places, times → claims.

    parse      spaCy (en_core_web_sm) over the clean text, in paragraph chunks of ≤ CHUNK chars
               so a 200,000-word document never meets spaCy's max_length or eats the RAM
    extract    event frames from the ontology (extract/claims.py)
    resolve    canonical entities, geocoded places, normalized times, then claims
Offsets always point into the article's clean text. Non-English articles are not extracted;
the result says why.

Limits, so one hostile or broken page cannot take the machine (issue 12): clean text over
`max_extract_chars` (CLAIMGRAPH_MAX_EXTRACT_CHARS, default 200,000 - ten times a long feature)
is not extracted, and the result's `skipped` says so (the article itself is still stored); a
"sentence" of more than MAX_SENTENCE_TOKENS tokens (a table or a list of one-word lines the
parser could not split) gets entities, places and times but no event frames, whose per-sentence
steps grow with the square of its length. Normal articles never reach either limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from spacy.tokens import Doc

from claimgraph import ids
from claimgraph.config import Settings
from claimgraph.extract.claims import extract_frames
from claimgraph.extract.nlp import load_nlp
from claimgraph.extract.records import Entity, Frame, Mention, Place, RoleSpan, TimeSpan
from claimgraph.ingest.article import Article
from claimgraph.resolve.claims import resolve_claims
from claimgraph.resolve.entities import resolve_entities
from claimgraph.resolve.places import find_places
from claimgraph.resolve.times import tag_times

CHUNK = 50_000  # characters per parse; paragraphs are never split unless one is longer
MAX_SENTENCE_TOKENS = 300  # news sentences stay under 200; above, no frames (see module doc)


@dataclass
class Extraction:
    """Everything extraction found in one article (the `claimgraph extract --json` object)."""

    id: str | None
    title: str | None
    published: str | None
    text: str
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    language: str | None = None
    skipped: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "claims": [c.to_dict() for c in self.claims],
            "language": self.language,
        }
        if self.skipped:
            out["skipped"] = self.skipped
        return out


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """(offset, piece) pieces cut at paragraph breaks (at sentence ends for a giant paragraph)."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind(". ", start, end)
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def _frame_docs(doc: Doc) -> list[tuple[int, Doc]]:
    """(char offset, doc) for the frame extractor: the doc itself when every sentence is within
    MAX_SENTENCE_TOKENS, else each run of sentences between the overlong ones as its own doc."""
    sents = list(doc.sents)
    if all(len(s) <= MAX_SENTENCE_TOKENS for s in sents):
        return [(0, doc)]
    runs: list[tuple[int, int]] = []
    begin: int | None = None
    for sent in sents:
        if len(sent) > MAX_SENTENCE_TOKENS:
            if begin is not None:
                runs.append((begin, sent.start))
            begin = None
        elif begin is None:
            begin = sent.start
    if begin is not None:
        runs.append((begin, len(doc)))
    return [(doc[a:b].start_char, doc[a:b].as_doc()) for a, b in runs]


def max_extract_chars() -> int:
    """The clean-text size above which an article is stored but not extracted."""
    return Settings().max_extract_chars


def _shift_span(m: Any, off: int) -> None:
    m.start += off
    m.end += off


def _shift_frame(f: Frame, off: int) -> None:
    for m in (f.trigger, f.evidence, *f.time_spans, *f.report_time_spans, *f.other_time_spans):
        _shift_span(m, off)
    roles: list[RoleSpan] = list(f.roles.values()) + ([f.speaker] if f.speaker else [])
    for r in roles:
        r.start += off
        r.end += off
        r.head_start += off
        r.head_end += off


def _merge_entities(into: dict[str, Entity], more: list[Entity], off: int) -> None:
    for e in more:
        for m in e.mentions:
            _shift_span(m, off)
        have = into.get(e.id)
        if have is None:
            into[e.id] = e
        else:
            have.mentions.extend(e.mentions)
            have.aliases.extend(a for a in e.aliases if a not in have.aliases)


def extract_text(
    text: str,
    *,
    published: datetime | None = None,
    publisher: str = "publisher",
    doc_id: str | None = None,
    title: str | None = None,
    published_granularity: str | None = None,
    max_chars: int | None = None,
) -> Extraction:
    """Run the whole extraction on clean text (no store involved).

    `published_granularity` "year"/"month": the date names no day, so day-relative times
    ("on Monday") stay unresolved and the claims' fallback keeps the coarser value.
    `max_chars` (default: settings' max_extract_chars): longer text comes back unextracted,
    with `skipped` saying why - memory and time per article stay bounded.
    """
    limit = max_extract_chars() if max_chars is None else max_chars
    if len(text) > limit:
        return Extraction(
            id=doc_id,
            title=title,
            published=published.isoformat() if published else None,
            text=text,
            skipped=(
                f"text too long for extraction: {len(text):,} characters, the limit is "
                f"{limit:,} (CLAIMGRAPH_MAX_EXTRACT_CHARS)"
            ),
        )
    nlp = load_nlp()
    entities: dict[str, Entity] = {}
    places: list[Place] = []
    times: list[TimeSpan] = []
    frames: list[Frame] = []
    pieces = chunks(text)
    for (off, _piece), doc in zip(pieces, nlp.pipe(p for _, p in pieces), strict=True):
        _merge_entities(entities, resolve_entities(doc), off)
        for p in find_places(doc):
            _shift_span(p, off)
            places.append(p)
        dct = published if published_granularity in (None, "day") else None
        for t in tag_times(doc, dct):
            _shift_span(t, off)
            times.append(t)
        for sub_off, sub in _frame_docs(doc):
            for f in extract_frames(sub):
                _shift_frame(f, off + sub_off)
                frames.append(f)
    ents = list(entities.values())
    claims = resolve_claims(
        frames,
        entities=ents,
        places=places,
        times=times,
        published=published,
        publisher=publisher,
        article_key=doc_id or "",
        text=text,
        published_granularity=published_granularity,
    )
    # a statement repeated word for word gets its occurrence (resolve ids each claim alone)
    numbered = ids.claim_ids(doc_id or "", [c.to_dict() for c in claims])
    for c, cid in zip(claims, numbered, strict=True):
        c.id = cid
    return Extraction(
        id=doc_id,
        title=title,
        published=published.isoformat() if published else None,
        text=text,
        entities=ents,
        places=places,
        times=times,
        claims=claims,
    )


def extract_article(article: Article, *, doc_id: str | None = None) -> Extraction:
    """Extraction for an ingested article; other languages come back empty with a reason."""
    if not article.supported:
        return Extraction(
            id=doc_id,
            title=article.title,
            published=article.published.isoformat() if article.published else None,
            text=article.text,
            language=article.language,
            skipped=f"language {article.language or 'unknown'} is not supported for extraction (English only)",
        )
    ext = extract_text(
        article.text,
        published=article.published,
        publisher=article.site or "publisher",
        doc_id=doc_id,
        title=article.title,
        published_granularity=article.extra.get("published_granularity"),
    )
    ext.language = article.language
    return ext


__all__ = ["Extraction", "Mention", "chunks", "extract_article", "extract_text"]
