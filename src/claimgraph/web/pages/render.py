"""Turning stored text + extraction offsets into safe, highlightable pieces for the templates.

Article text is never marked safe: it is cut into plain-text segments at every highlight
boundary here, and Jinja's autoescape escapes each segment when it is printed. Each segment
carries its start offset so the page script can map a selection back to offsets in the clean
text (what the corrections desk anchors on).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi.templating import Jinja2Templates

from claimgraph.ingest.article import web_url

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
STATIC = Path(__file__).resolve().parents[1] / "static"
templates = Jinja2Templates(directory=str(TEMPLATES))  # autoescape is on for .html


def safe_url(url: object) -> str | None:
    """The URL if it is http(s), else None: every template links a stored URL only through
    this (`{% if x | safe_url %}<a href="{{ x | safe_url }}">`), so a `javascript:` article
    URL or widget page_url is shown as text at most, never as a clickable script."""
    return web_url(url)


templates.env.filters["safe_url"] = safe_url
templates.env.globals["safe_url"] = safe_url
VENDOR = STATIC / "vendor"


def vendor_ready() -> bool:
    """True once `npm ci` has copied the pinned JS/CSS (scripts/vendor.mjs writes versions.json);
    pages then load Leaflet, vis-timeline and cytoscape from /static/vendor."""
    return (VENDOR / "versions.json").is_file()


@dataclass
class Segment:
    """A run of text with one set of covering highlights."""

    start: int
    text: str
    claims: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        parts = []
        if self.claims:
            parts.append("ev")
        if self.entities:
            parts.append("ent")
        return " ".join(parts)


def _spans(items: list[tuple[int, int, str]], n: int) -> list[tuple[int, int, str]]:
    """Clamp to the text and drop empty or inverted spans (extractions from older revisions)."""
    return [(max(0, s), min(n, e), key) for s, e, key in items if 0 <= s < e and s < n]


def segments(
    text: str, claims: list[tuple[int, int, str]], entities: list[tuple[int, int, str]]
) -> list[Segment]:
    """Cut `text` at every span boundary; each piece lists the claims/entities covering it.

    One sweep over the sorted boundaries, keeping the spans open at each cut: linear in the
    spans for a news article (it was cuts x spans - minutes for 15,000 claims, issue 12)."""
    n = len(text)
    cl, en = _spans(claims, n), _spans(entities, n)
    starts: dict[int, list[tuple[int, int]]] = {}  # offset -> (kind, index) opening there
    ends: dict[int, list[tuple[int, int]]] = {}
    for kind, spans in ((0, cl), (1, en)):
        for i, (s, e, _) in enumerate(spans):
            starts.setdefault(s, []).append((kind, i))
            ends.setdefault(e, []).append((kind, i))
    cuts = sorted({0, n, *starts, *ends})
    open_: tuple[dict[int, None], dict[int, None]] = ({}, {})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for kind, i in ends.get(a, ()):
            open_[kind].pop(i, None)
        for kind, i in starts.get(a, ()):
            open_[kind][i] = None
        if a >= b:
            continue
        out.append(
            Segment(
                start=a,
                text=text[a:b],
                claims=[cl[i][2] for i in sorted(open_[0])],
                entities=sorted({en[i][2] for i in open_[1]}),
            )
        )
    return out


def claim_spans(claims: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    out = []
    for c in claims:
        ev = c.get("evidence") or {}
        if isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            out.append((ev["start"], ev["end"], c["id"]))
    return out


def entity_spans(extraction: dict[str, Any] | None) -> list[tuple[int, int, str]]:
    out = []
    for ent in (extraction or {}).get("entities") or []:
        for m in ent.get("mentions") or []:
            if isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
                out.append((m["start"], m["end"], ent.get("id") or ""))
    return out


def _party(p: Any) -> str | None:
    if not p:
        return None
    if isinstance(p, dict):
        return p.get("name") or p.get("text")
    return str(p)


def claim_card(c: dict[str, Any], cluster: str | None) -> dict[str, Any]:
    """The fields a reader needs to judge a claim, flattened for the template."""
    loc = c.get("location") or {}
    time = c.get("time") or {}
    src = c.get("source") or {}
    qty = c.get("quantity") or {}
    return {
        "id": c["id"],
        "event": c.get("event"),
        "polarity": c.get("polarity"),
        "modality": c.get("modality"),
        "agent": _party(c.get("agent")),
        "recipient": _party(c.get("recipient")),
        "object": _party(c.get("object")),
        "quantity": qty.get("text") if isinstance(qty, dict) else qty,
        "place": loc.get("name") or loc.get("mention"),
        "place_mention": loc.get("mention"),
        "time": time.get("value"),
        "time_text": time.get("text"),
        "granularity": time.get("granularity"),
        "time_basis": time.get("basis"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "source": src.get("name"),
        "evidence": (c.get("evidence") or {}).get("text"),
        "cluster": cluster,
        "pipeline": c.get("pipeline"),
    }


def cluster_summary(
    cid: str, members: list[dict[str, Any]], article_id: int, *, most: int = 6
) -> dict[str, Any]:
    """A claim card's cluster line: size, every source, and the other articles saying it."""
    sources = sorted({m["source"] or m["site"] or "the publisher" for m in members})
    others: dict[int, dict[str, Any]] = {}
    for m in members:
        if m["article_id"] != article_id:
            others.setdefault(m["article_id"], m)
    return {
        "id": cid,
        "n_claims": len(members),
        "n_articles": len({m["article_id"] for m in members}),
        "sources": sources,
        "others": list(others.values())[:most],
        "more": max(0, len(others) - most),
    }


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) pieces, op in equal/delete/insert, diffed by words so small fixes stand out."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("insert", "".join(b[j1:j2])))
    return out


def context(text: str, start: int | None, end: int | None, width: int = 80) -> tuple[str, str, str]:
    """(before, quote, after) around a span, for showing a report's quote in place; the context
    ends at whole words (an ellipsis marks a cut), so no word is shown half."""
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return "", "", ""
    a, b = max(0, start - width), min(len(text), end + width)
    before, after = text[a:start], text[end:b]
    if a > 0:
        cut = re.search(r"\s", before)
        before = "…" + (before[cut.end() :] if cut and cut.end() < len(before) else "")
    if b < len(text):
        cut = max(after.rfind(" "), after.rfind("\n"))
        after = (after[:cut] if cut > 0 else "") + "…"
    return before, text[start:end], after


def suggestion_fits(exact: str, suggestion: str | None) -> bool:
    """Does a reader's suggestion read as a replacement for the quoted words? It must be of a
    like length (a sentence is no fix for one word) and share letters with the quote or be as
    short as it; anything else is shown to the editor but never put into the replacement box."""
    if not suggestion or not suggestion.strip():
        return False
    q, sug = " ".join(exact.split()).lower(), " ".join(suggestion.split()).lower()
    if q == sug:
        return False
    if len(sug) > 2 * len(q) + 12 or len(sug.split()) > 2 * len(q.split()) + 2:
        return False
    similar = difflib.SequenceMatcher(None, q, sug, autojunk=False).ratio() >= 0.5
    return similar or len(sug.split()) <= len(q.split()) + 1


def when(value: object) -> str:
    """A stored time as 'YYYY-MM-DD HH:MM UTC' (the store keeps UTC; naive values are UTC)."""
    if not value:
        return ""
    try:
        t = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    t = t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)
    return t.strftime("%Y-%m-%d %H:%M UTC")


def when_iso(value: object) -> str:
    """The same instant for a <time datetime=…> attribute (ISO 8601, Z)."""
    text = when(value)
    return text.replace(" UTC", "Z").replace(" ", "T") if text.endswith("UTC") else ""


_MARKED = re.compile(r"\[([^\[\]]*)\]")
_OPERATOR = re.compile(r"(?:^|\s)(?:AND|OR|NOT|NEAR|[-+!][^\s-]+)(?=\s|$)")


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """A search snippet (matches between [ and ], as the FTS snippet marks them) as (text,
    is_match) pieces, so the template marks matches with <mark> and prints no brackets."""
    out: list[tuple[str, bool]] = []
    at = 0
    for m in _MARKED.finditer(snippet or ""):
        if m.start() > at:
            out.append((snippet[at : m.start()], False))
        out.append((m.group(1), True))
        at = m.end()
    if at < len(snippet or ""):
        out.append((snippet[at:], False))
    return out


def search_operators(query: str) -> list[str]:
    """Operator-looking words in a query (AND, OR, NOT, -word, +word): search treats them as
    plain words, and the page says so rather than seeming to obey them."""
    return [m.group(0).strip() for m in _OPERATOR.finditer(query or "")]


templates.env.filters["snippet_pieces"] = snippet_pieces
templates.env.filters["search_operators"] = search_operators
templates.env.filters["when"] = when
templates.env.filters["when_iso"] = when_iso
