"""Extra recognition passes over one article (helpers of claimgraph.resolve.places).

- `propagate`: one sense per discourse. A name recognised once as a place is a place at its
  other capitalised occurrences too ("Alexandria police", "Mansfield Public Library"), which
  the NER tags inconsistently in local news.
- `caps_dateline`: ALL-CAPS datelines ("RIDGE FARM, Ill. --", "BEIRUT (AP)") that the NER
  misses because it is trained on mixed case.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Add = Callable[..., None]


def propagate(doc: Doc, ms: list, taken: list[bool], add: Add, person_tokens: set[int]) -> None:  # noqa: ANN401
    """Tag untagged repeats of the token sequence of an already recognised mention."""
    seen: dict[tuple[str, ...], object] = {}
    for m in ms:
        if not (m.cands or m.demonym is not None):
            continue
        toks = tuple(t.text for t in doc[m.start : m.end])
        if toks and toks[0][:1].isupper():
            seen.setdefault(toks, m)
    if not seen:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for toks in sorted(seen, key=len, reverse=True):
        by_first.setdefault(toks[0], []).append(toks)
    n = len(doc)
    k = 0
    while k < n:
        step = 1
        for toks in by_first.get(doc[k].text, ()):
            L = len(toks)
            if (
                k + L > n
                or any(taken[k : k + L])
                or any(j in person_tokens for j in range(k, k + L))
            ):
                continue
            if tuple(t.text for t in doc[k : k + L]) != toks:
                continue
            m = seen[toks]
            add(k, k + L, "prop", list(m.cands), m.demonym)
            step = L
            break
        k += step


def caps_dateline(doc: Doc, g, taken: list[bool], add: Add, cands_of: Callable) -> None:  # noqa: ANN001
    """An ALL-CAPS name at the start of a line/sentence followed by ',' or '(' / '--'."""
    n = len(doc)
    k = 0
    while k < n:
        t = doc[k]
        if taken[k] or not (t.is_alpha and t.text.isupper() and len(t.text) >= 3):
            k += 1
            continue
        e = k
        while e < n and e - k < 4 and doc[e].is_alpha and doc[e].text.isupper() and not taken[e]:
            e += 1
        nxt = doc[e].text if e < n else ""
        first = (
            k == 0 or doc[k - 1].is_space or doc[k - 1].text in (".", "\n", ":") or t.is_sent_start
        )
        if first and nxt in (",", "(", "--", "—", "-", "–"):
            text = " ".join(w.text.title() for w in doc[k:e])
            c = cands_of(text)
            if c:
                add(k, e, "caps", c)
        k = e
