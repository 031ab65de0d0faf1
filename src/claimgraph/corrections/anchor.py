"""W3C Web Annotation style anchors: TextQuoteSelector (exact, prefix, suffix) plus
TextPositionSelector (start, end), and re-anchoring a quote in a changed text.

Why both: offsets are exact while the text is unchanged; the quote survives edits elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

CONTEXT = 32  # characters of prefix/suffix kept with a quote


@dataclass(frozen=True)
class Anchor:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    def to_selectors(self) -> list[dict]:
        return [
            {
                "type": "TextQuoteSelector",
                "exact": self.exact,
                "prefix": self.prefix,
                "suffix": self.suffix,
            },
            {"type": "TextPositionSelector", "start": self.start, "end": self.end},
        ]


def make_anchor(text: str, start: int, end: int, *, context: int = CONTEXT) -> Anchor:
    """Anchor the span [start, end) of `text`; raises ValueError for an empty or out-of-range span."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"span {start}-{end} is outside the text (0-{len(text)}) or empty")
    return Anchor(
        text[start:end],
        text[max(0, start - context) : start],
        text[end : end + context],
        start,
        end,
    )


def locate(anchor: Anchor, text: str, *, min_context: float = 60.0) -> tuple[int, int] | None:
    """Where the anchored quote is in `text` now: at its offsets if unchanged, else the occurrence
    whose surroundings best match prefix/suffix; None when the quote is gone (orphaned)."""
    n = len(anchor.exact)
    if text[anchor.start : anchor.end] == anchor.exact:
        return anchor.start, anchor.end
    hits = []
    i = text.find(anchor.exact)
    while i != -1:
        hits.append(i)
        i = text.find(anchor.exact, i + 1)
    if not hits:
        return None
    if len(hits) == 1:
        return hits[0], hits[0] + n

    def score(i: int) -> float:
        pre = text[max(0, i - len(anchor.prefix)) : i]
        suf = text[i + n : i + n + len(anchor.suffix)]
        return (ratio(pre, anchor.prefix) + ratio(suf, anchor.suffix)) / 2

    best = max(hits, key=lambda i: (score(i), -abs(i - anchor.start)))
    return (best, best + n) if score(best) >= min_context else None


def find_quote(text: str, exact: str, prefix: str = "", suffix: str = "") -> tuple[int, int] | None:
    """Where a quote taken from some other rendering of `text` (a partner's web page) is in it.

    No offsets are known, so the quote is found by its words: verbatim first, else with any run
    of whitespace matching any other (pages wrap and indent text), and among several hits the one
    whose prefix/suffix fit best. None when it is not there or the choice is too unsure.
    """
    exact = exact.strip()
    if not exact:
        return None
    hit = locate(Anchor(exact, prefix, suffix, -1, -1), text)
    if hit is not None:
        return hit
    pattern = r"\s+".join(re.escape(w) for w in exact.split())
    spans = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    if len(spans) == 1:
        return spans[0]
    if not spans:
        return None

    def score(span: tuple[int, int]) -> float:
        s, e = span
        pre = " ".join(text[max(0, s - len(prefix)) : s].split())
        suf = " ".join(text[e : e + len(suffix)].split())
        return (ratio(pre, " ".join(prefix.split())) + ratio(suf, " ".join(suffix.split()))) / 2

    best = max(spans, key=score)
    return best if score(best) >= 60.0 else None
