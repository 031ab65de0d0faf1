"""Extra recognition passes over one article (helpers of claimgraph.resolve.places).

- `propagate`: one sense per discourse. A name recognised once as a place is a place at its
  other capitalised occurrences too ("Alexandria police", "Mansfield Public Library"), which
  the NER tags inconsistently in local news.
- `caps_dateline`: ALL-CAPS datelines ("RIDGE FARM, Ill. --", "BEIRUT (AP)") that the NER
  misses because it is trained on mixed case.
- `focus_areas` / `focus_scan`: local news names the towns around its own. Once the article's
  places agree on an admin1 area, a capitalised name the recognisers left out ("of Southlake",
  "R-Elbow Lake", "Ridge Farm" tagged as a PERSON) is a place when the gazetteer has a town of
  that name in that area.
- `particle_names`: "Dar es Salaam", "Rio de Janeiro" cut by the NER at the lowercase word.
- `institution` / `person_words`: "Alexandria Police" tagged as a PERSON is an institution,
  and its words are not person names elsewhere in the article.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc, Span

from claimgraph.resolve.gazetteer import Gazetteer, normalize, ontology

Add = Callable[..., None]


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    return frozenset(ontology().get("institution_words", []))


def institution(ent: Span) -> bool:
    """A multi-word "PERSON" that is an institution ("Alexandria Police", "Jordan Elementary
    School"): a Title-case institution word after its first token."""
    words = _institution_words()
    return ent.label_ == "PERSON" and len(ent) > 1 and any(t.text in words for t in ent[1:])


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    return frozenset(ontology().get("name_particles", []))


def particle_names(doc: Doc, g: Gazetteer) -> list[tuple[int, int, list[tuple[int, bool]]]]:
    """Names the NER cuts at a lowercase particle ("Dar" + "Salaam"): a capitalised run with
    its particles is one toponym (token span, gazetteer candidates) when the gazetteer knows
    it by that very name."""
    parts = _particles()
    words = [t.text for t in doc]
    caps = [w[:1].isupper() for w in words]
    part = [w in parts for w in words]
    out: list[tuple[int, int, list[tuple[int, bool]]]] = []
    n = len(doc)
    k = 0
    while k < n:
        found = 0
        if caps[k] and not (k and part[k - 1]) and any(part[k + 1 : k + 5]):
            for L in range(min(6, n - k), 2, -1):
                e = k + L
                if not caps[e - 1] or not any(part[k + 1 : e - 1]):
                    continue
                if not all(part[j] or caps[j] for j in range(k + 1, e - 1)):
                    continue
                if e < n and caps[e] and doc[e].pos_ == "PROPN":
                    continue  # "the District of Columbia Circuit": a longer name's start
                if c := [(i, a) for i, a in g.ids(normalize(doc[k:e].text)) if not a]:
                    out.append((k, e, c))
                    found = L
                    break
        k += found or 1
    return out


def person_words(doc: Doc) -> set[str]:
    """Words of the article's multi-word person names ("Nelson" of "Tom Nelson"): not places
    when they stand alone elsewhere in it."""
    return {
        t.text
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and not institution(ent)
        for t in ent
    }


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
        if first and nxt in (",", "(", "--", "—", "-", "–", ":"):
            text = " ".join(w.text.title() for w in doc[k:e])
            c = cands_of(text)
            if c:
                add(k, e, "caps", c)
        k = e


_PLACE_PREP = {"in", "at", "from", "near", "outside", "of", "to", "into", "around", "toward"}
_PARTY = {"R", "D", "I", "DFL"}  # "Rep. X, R-Elbow Lake": a US legislator's home town
_TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "judge", "sheriff", "chief", "mayor"}
_HOST_LABELS = {"ORG", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT"}


_IN = {"in", "near", "at"}
_NAMED_FOR = {"University", "College", "Library", "Institute", "Hall"}
_SAY = {"say", "tell", "add", "note", "explain", "recall", "write", "ask"}


def _speaker(tok) -> bool:  # noqa: ANN001
    return tok is not None and tok.pos_ in ("VERB", "AUX") and tok.lemma_ in _SAY


def focus_areas(g, ms: list, area_of: Callable) -> set[str]:  # noqa: ANN001
    """Admin1 areas ("US.TX") the article's resolved places agree on: local news names the
    towns around its own, so an area named twice (or the only one named) is the article's."""
    from collections import Counter

    areas: Counter = Counter()
    for m in ms:
        if m.choice is None or m.demonym is not None:
            continue
        if g.entries[m.choice].kind in ("city", "county", "region"):
            a = area_of(g, m.choice)
            if a:
                areas[a] += 1
    if not areas:
        return set()
    top = areas.most_common()
    return {a for a, n in top if n >= 2 or (len(top) == 1)}


def focus_scan(  # noqa: C901 - one pass over the tokens with a few plain guards
    doc: Doc,
    g,  # noqa: ANN001
    ms: list,
    areas: set[str],
    area_of: Callable,
    cands_of: Callable,
    generic: set[str],
) -> list[tuple[int, int, list]]:
    """Small towns the recognisers left out, kept only when the gazetteer puts one in the
    article's focus area ("Edward Moayyad of Southlake", "Ridge Farm", "R-Elbow Lake"):
    (start, end, in-area candidates) spans, non-overlapping and outside existing mentions.
    The gazetteer look-up runs first (token texts read once): it rejects almost every word."""
    if not areas:
        return []
    n = len(doc)
    taken = [False] * n
    for m in ms:
        for k in range(m.start, m.end):
            taken[k] = True
    texts: list[str] = []
    ws: list[str] = []
    for t in doc:  # one Token object per token: the scan below reads plain lists
        texts.append(t.text)
        ws.append(t.whitespace_)
    cap = [t[:1].isupper() for t in texts]

    def in_area(k: int, L: int) -> list:
        name = "".join(texts[j] + ws[j] for j in range(k, k + L - 1)) + texts[k + L - 1]
        return [
            (i, a)
            for i, a in cands_of(name)
            if not a and g.entries[i].kind in ("city", "county") and area_of(g, i) in areas
        ]

    ent_of: dict[int, object] = {}
    for ent in doc.ents:
        for k in range(ent.start, ent.end):
            ent_of[k] = ent
    pwords: set[str] | None = None
    out: list[tuple[int, int, list]] = []
    k = 0
    while k < n:
        if taken[k] or not cap[k] or not texts[k].isalpha():
            k += 1
            continue
        done = False
        for L in range(min(3, n - k), 0, -1):
            if any(taken[k : k + L]) or not all(cap[k : k + L]):
                continue
            c = in_area(k, L)
            if not c:
                continue
            tok = doc[k]
            prev = doc[k - 1] if k > 0 else None
            prev2 = doc[k - 2] if k > 1 else None
            party = prev is not None and prev.text == "-" and prev2 is not None
            party = party and prev2.text in _PARTY
            prep = party or (prev is not None and prev.lower_ in _PLACE_PREP)
            if prev is not None and prev.lower_.rstrip(".") in _TITLES:
                continue
            ent = ent_of.get(k)
            whole_person = ent is not None and ent.label_ == "PERSON" and ent.end == k + L
            if (
                ent is not None
                and ent.label_ not in _HOST_LABELS
                and not (whole_person and ent.start == k)
            ):
                continue  # a word of a person's name, a date...
            nxt = doc[k + L] if k + L < n else None
            name = texts[k] if L == 1 else ""
            if L == 1 and not prep:
                pwords = person_words(doc) if pwords is None else pwords
                if name in pwords:
                    continue
            if (
                L == 1
                and name.casefold() in generic
                and not (prev is not None and prev.lower_ in _IN)
            ):
                continue  # "Chambers of Commerce": a generic word needs "in"/"near"/"at"
            if _speaker(prev) or _speaker(nxt):
                continue  # "said Noma", "Robertson said": a person
            if nxt is not None and nxt.text in _NAMED_FOR:
                continue  # "Loyola University", "Carnegie Library": named after a person
            if ent is None and not party:
                if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
                    continue  # part of a longer untagged name
                if prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN":
                    continue
                if tok.is_sent_start and not prep and L == 1:
                    continue
            out.append((k, k + L, c))
            for j in range(k, k + L):
                taken[j] = True
            k += L
            done = True
            break
        if not done:
            k += 1
    return out


_COUNTY_PLURALS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough"}


def county_lists(doc: Doc, cands_of: Callable) -> list[tuple[int, int, list]]:
    """ "Becker, Clay, Douglas and Wilkin counties": each listed name is "<name> County";
    (start, end, county candidates) for the names the gazetteer knows as such."""
    out: list[tuple[int, int, list]] = []
    for t in doc:
        suffix = _COUNTY_PLURALS.get(t.lower_)
        if suffix is None or t.i == 0:
            continue
        k = t.i - 1
        while k >= 0:
            e = k + 1
            while k >= 0 and doc[k].text[:1].isupper() and doc[k].is_alpha and e - k <= 3:
                k -= 1
            s = k + 1
            if s == e:
                break
            name = doc[s:e].text
            c = [(i, a) for i, a in cands_of(f"{name} {suffix}") if not a]
            if c:
                out.append((s, e, c))
            if k >= 0 and doc[k].lower_ in (",", "and", "&"):
                k -= 1
                if k >= 0 and doc[k].lower_ == ",":  # "A, B, and C"
                    k -= 1
                continue
            break
    return out
