"""Entity mentions of one article → canonical entities.

Why this exists: spaCy gives surface spans ("the Russian Federation", "Russian", "Britain's",
"ISW", "Biden"); claims need one stable node per real-world thing. Countries resolve through
ISO 3166 (pycountry + countryinfo + `ontology/entities.yaml`), demonyms join their country,
acronyms defined in the text (Schwartz–Hearst) join their long form, person short names join
the unique longer name, and a tightly bounded fuzzy match folds spelling variants.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.extract.records import Entity, Mention, entity_id
from claimgraph.ontology import load_yaml
from claimgraph.resolve.gazetteer import load as load_gazetteer
from claimgraph.resolve.names import fold as _fold
from claimgraph.resolve.place_recog import particle_names

__all__ = [
    "add_country_ruler",
    "canonical_country",
    "country_view",
    "country_name",
    "find_acronyms",
    "find_weapons",
    "resolve_entities",
    "similar_names",
]

# spaCy labels that name things; numeric/time labels are other stages' business.
KEPT_LABELS = {"GPE", "ORG", "PERSON", "NORP", "FAC", "LOC", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}
_COUNTRY_LABELS = {"GPE", "NORP", "LOC", "ORG"}
_ARTICLES = re.compile(r"^(?:the|The|THE|a|an)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_WORD = re.compile(r"[\w][\w.'’-]*")
_NATIONAL = ("country:", "demonym:")  # group keys of countries and of their nationalities
_SEPARATOR = re.compile(r"\s+(?:[-,–]|\d{4}-\d{2}-\d{2})\s+")  # " , ", " - ", a dateline's date
# a trailing score, rank or count token ("Kent 108-3", "J. Smith 56"): never part of a name
_TRAILING_NUMBER = re.compile(r"(?:\s+[\d][\d.,:/-]*)+$")
_NUMBERLESS = {"PERSON", "GPE", "LOC", "NORP"}  # labels whose names never end in a number


@lru_cache(maxsize=1)
def _tables() -> dict[str, Any]:
    return load_yaml("entities.yaml")


@lru_cache(maxsize=1)
def public_bodies() -> frozenset[str]:
    """Last words of organisations that are bodies, not companies ("… Organization")."""
    t = _tables()
    return frozenset(w.lower() for k in ("org_bodies", "public_body_words") for w in t.get(k) or [])


@lru_cache(maxsize=1)
def group_counts() -> dict[str, int]:
    """How many people a counting word before a people noun names ("the two men": 2)."""
    return {str(k).lower(): int(v) for k, v in (_tables().get("group_counts") or {}).items()}


@lru_cache(maxsize=1)
def group_not_people() -> frozenset[str]:
    """Nouns of a counted group that name sides, not people ("both sides")."""
    return frozenset(w.lower() for w in _tables().get("group_not_people") or [])


@lru_cache(maxsize=1)
def title_nouns() -> tuple[frozenset[str], ...]:
    """Office-holder nouns in groups of words that name the same office (chief = director)."""
    return tuple(frozenset(w.lower() for w in g) for g in _tables().get("title_nouns") or [])


# ---------------------------------------------------------------- countries and demonyms


@dataclass(slots=True)
class _CountryIndex:
    names: dict[str, str] = field(default_factory=dict)  # folded name → ISO2
    codes: dict[str, str] = field(default_factory=dict)  # case-sensitive short code → ISO2
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym (+plural) → ISO2
    canonical: dict[str, str] = field(default_factory=dict)  # ISO2 → common short name
    forms: dict[str, str] = field(default_factory=dict)  # display form → "GPE" | "NORP"


def _plural(word: str) -> str | None:
    if word.endswith(("ese", "ss", "sh", "ch", "s", "Swiss")):
        return None
    return word + "s"


@lru_cache(maxsize=1)
def _countries() -> _CountryIndex:
    """Build the name/demonym index once; conflicts go to the most populous country."""
    import pycountry
    from countryinfo._cache import load_countries

    t = _tables()
    idx = _CountryIndex()
    info = load_countries()["countries"]
    pop: dict[str, int] = {}
    ci_name: dict[str, str] = {}
    ci_alts: dict[str, list[str]] = defaultdict(list)
    ci_dems: dict[str, list[str]] = defaultdict(list)
    for rec in info.values():
        iso = (rec.get("ISO") or {}).get("alpha2")
        if not iso:
            continue
        p = int(rec.get("population") or 0)
        if p >= pop.get(iso, -1):
            pop[iso], ci_name[iso] = p, rec["name"]
        ci_alts[iso] += [rec["name"], *(rec.get("altSpellings") or [])]
        ci_dems[iso] += [d.strip() for d in (rec.get("demonym") or "").split(",") if d.strip()]
    # (priority, -population) decides clashes such as "Congo" or "Indian".
    names: dict[str, tuple[tuple[int, int], str]] = {}
    dems: dict[str, tuple[tuple[int, int], str]] = {}

    def put(table: dict[str, tuple[tuple[int, int], str]], key: str, prio: int, iso: str) -> None:
        rank = (prio, -pop.get(iso, 0))
        if key and (key not in table or rank < table[key][0]):
            table[key] = (rank, iso)

    allowed = set(t["country_codes_allowed"])
    for c in pycountry.countries:
        iso = c.alpha_2
        common = getattr(c, "common_name", None)
        idx.canonical[iso] = t["country_names"].get(iso) or common or ci_name.get(iso) or c.name
        put(names, _fold(idx.canonical[iso]), 0, iso)
        for n in (c.name, getattr(c, "official_name", None), common, *ci_alts.get(iso, [])):
            if not n:
                continue
            if len(n) <= 4 and n.replace(".", "").isupper():
                if n in allowed:
                    idx.codes[n] = iso
                continue
            put(names, _fold(n), 2, iso)
        for d in ci_dems.get(iso, []):
            put(dems, _fold(d), 2, iso)
            if pl := _plural(d):
                put(dems, _fold(pl), 3, iso)
    for iso, extra in t["country_aliases"].items():
        for n in extra:
            if n in allowed or n.replace(".", "") in allowed:
                idx.codes[n] = iso
            put(names, _fold(n), 1, iso)
    for iso, extra in t["demonyms"].items():
        for d in extra:
            put(dems, _fold(d), 1, iso)
            if pl := _plural(d):
                put(dems, _fold(pl), 1, iso)
    ignore = {_fold(w) for w in t["demonym_ignore"]}
    display = [n for c in pycountry.countries for n in (c.name, getattr(c, "common_name", None))]
    display += [*idx.canonical.values(), *idx.codes]
    display += [n for v in t["country_aliases"].values() for n in v]
    display += [n for v in ci_alts.values() for n in v if not (len(n) <= 4 and n.isupper())]
    for n in display:
        if n and _fold(n) in names and n[:1].isupper():
            idx.forms.setdefault(n, "GPE")
    for d in [
        *(x for v in ci_dems.values() for x in v),
        *(x for v in t["demonyms"].values() for x in v),
    ]:
        if _fold(d) not in ignore and d[:1].isupper():
            idx.forms.setdefault(d, "NORP")
            if pl := _plural(d):
                idx.forms.setdefault(pl, "NORP")
    idx.names = {k: v[1] for k, v in names.items() if len(k) > 2}
    idx.demonyms = {k: v[1] for k, v in dems.items() if k not in ignore and len(k) > 2}
    return idx


def add_country_ruler(nlp: Language, *, name: str = "country_ruler") -> Language:
    """Add an entity ruler after NER that tags country names/demonyms the model missed.

    It never overwrites the model's spans ("Iranian" inside an ORG stays ORG); it only fills
    gaps such as "( Nigeria )" in results tables. Returns `nlp` (changed in place).
    """
    if name in nlp.pipe_names:
        return nlp
    ruler = nlp.add_pipe("entity_ruler", name=name, after="ner", config={"overwrite_ents": False})
    forms = _countries().forms
    ruler.add_patterns([{"label": lab, "pattern": form} for form, lab in sorted(forms.items())])
    return nlp


def _trim(text: str) -> tuple[str, int, int]:
    """Drop a leading article and a trailing possessive; returns (text, cut_left, cut_right)."""
    left = right = 0
    stripped = text.strip()
    left += len(text) - len(text.lstrip())
    right += len(text) - len(text.rstrip())
    if m := _ARTICLES.match(stripped):
        left += m.end()
        stripped = stripped[m.end() :]
    if (m := _POSSESSIVE.search(stripped)) and len(stripped) > m.end() - m.start() + 1:
        right += m.end() - m.start()
        stripped = stripped[: m.start()]
        kept = stripped.rstrip()  # tokenised text: "Reagan 's" leaves "Reagan "
        right, stripped = right + len(stripped) - len(kept), kept
    while stripped and stripped[-1] in ',;:!?"”)':
        stripped, right = stripped[:-1], right + 1
    return stripped, left, right


def _country_iso(text: str) -> tuple[str, bool] | None:
    """(ISO2, is_demonym) for a trimmed surface form, or None."""
    idx = _countries()
    if text in idx.codes:
        return idx.codes[text], False
    key = _fold(text)
    if key in idx.names:
        return idx.names[key], False
    if key in idx.demonyms:
        return idx.demonyms[key], True
    return None


def country_name(iso2: str) -> str | None:
    """Common short name for an ISO 3166-1 alpha-2 code ("RU" → "Russia")."""
    return _countries().canonical.get(iso2.upper())


def canonical_country(text: str) -> tuple[str, str] | None:
    """(canonical name, ISO2) for a country name, alias or demonym: "U.K." → ("United Kingdom", "GB")."""
    trimmed = _trim(text)[0]
    hit = _country_iso(trimmed)
    if hit is None:
        return None
    return _countries().canonical[hit[0]], hit[0]


# ---------------------------------------------------------------- acronyms (Schwartz–Hearst)


def _short_form_like(s: str) -> bool:
    return (
        2 <= len(s) <= 10
        and " " not in s
        and s[0].isalnum()
        and any(ch.isupper() for ch in s)
        and sum(ch.isalpha() for ch in s) >= 2
    )


def _best_long_form(short: str, long: str) -> str | None:
    """Schwartz & Hearst (2003): the shortest tail of `long` whose letters spell `short`."""
    s, l_ = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l_ >= 0 and (long[l_].lower() != c or (s == 0 and l_ > 0 and long[l_ - 1].isalnum())):
            l_ -= 1
        if l_ < 0:
            return None
        l_ -= 1
        s -= 1
    start = long.rfind(" ", 0, l_ + 1) + 1
    out = long[start:].strip()
    out = _ARTICLES.sub("", out)
    return out or None


def find_acronyms(text: str) -> dict[str, str]:
    """Short form → long form for "Long Form (LF)" and "LF (Long Form)" definitions in `text`."""
    pairs: dict[str, str] = {}
    for m in re.finditer(r"\(\s*([^()\n]{1,120}?)\s*\)", text):
        inner = m.group(1).strip()
        before = text[: m.start()].rstrip()
        if _short_form_like(inner):
            short = inner
            n = min(len(short) + 5, len(short) * 2)
            words = re.findall(r"\S+", before[-400:])[-n:]
            cand = " ".join(words)
            cand = re.split(r"[,;:.!?\"“”]\s", cand)[-1]  # stay inside the clause
            long = _best_long_form(short, cand)
        else:
            prev = re.search(r"(\S+)$", before)
            if not prev:
                continue
            short = prev.group(1)
            long = _best_long_form(short, inner) if _short_form_like(short) else None
            if long and long != _ARTICLES.sub("", inner):
                long = None  # the whole parenthesis must be the long form
        if not long or len(long.split()) < 2 or len(long) <= len(short):
            continue
        if long.split()[0][0].lower() != short[0].lower():
            continue
        pairs.setdefault(short, long)
    return pairs


# ---------------------------------------------------------------- weapons

_DESIGNATION = re.compile(r"\b([A-Z][A-Za-z]{0,9})-([A-Z]?\d{1,4}[A-Za-z0-9]{0,4})\b")


def _cue_near(text: str, start: int, end: int, cues: set[str]) -> bool:
    after = _WORD.findall(text[end : end + 60])[:3]
    before = _WORD.findall(text[max(0, start - 40) : start])[-2:]
    return any(w.strip(".'’").lower() in cues for w in after + before)


def find_weapons(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) for military hardware designations and names in `text`.

    A designation is confirmed by a known family prefix or by a cue word beside it; once
    confirmed, every occurrence in the article counts (later mentions often drop the cue).
    """
    w = _tables()["weapons"]
    fams = set(w["families"])
    cues = {c.lower() for c in w["cues"]}
    never = set(w["not_weapons"])
    confirmed: set[str] = set()
    found: list[tuple[int, int, str]] = []
    for m in _DESIGNATION.finditer(text):
        prefix, num = m.group(1), m.group(2)
        if prefix in never or prefix.upper() in never:
            continue
        canon = re.sub(r"(?<=\d)s$", "", m.group(0))
        digits = sum(ch.isdigit() for ch in num)
        family = prefix in fams and (len(prefix) > 1 or digits >= 2)
        if family or _cue_near(text, m.start(), m.end(), cues):
            confirmed.add(canon)
    for m in _DESIGNATION.finditer(text):
        canon = re.sub(r"(?<=\d)s$", "", m.group(0))
        if canon in confirmed:
            found.append((m.start(), m.start() + len(canon), canon))
    needs_cue = set(w["needs_cue"])
    for name in w["names"]:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if name in needs_cue and not _cue_near(text, m.start(), m.end(), cues):
                continue
            found.append((m.start(), m.end(), name))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for item in found:  # drop overlaps, keep the first/longest
        if out and item[0] < out[-1][1]:
            continue
        out.append(item)
    return out


# ---------------------------------------------------------------- fuzzy bound


def similar_names(a: str, b: str) -> bool:
    """Spelling variants of one name ("Zelensky"/"Zelenskyy"), never different things.

    Same token count, at most one differing token, that token ≥ 5 letters and at most one
    edit apart (two when ≥ 9 letters), identical digits, and neither side a country or demonym:
    "Austria"/"Australia" (two edits, both countries) stay apart, "Su-34"/"Su-35" too.
    """
    fa, fb = _fold(a).split(), _fold(b).split()
    if fa == fb:
        return True
    if len(fa) != len(fb) or re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    diff = [(x, y) for x, y in zip(fa, fb, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 5 or x[0] != y[0]:
        return False
    if _country_iso(x) or _country_iso(y):
        return False
    bound = 2 if min(len(x), len(y)) >= 9 else 1
    return Levenshtein.distance(x, y, score_cutoff=bound) <= bound


# ---------------------------------------------------------------- grouping


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    text: str
    label: str
    key: str
    iso: str | None = None


def _person_key(text: str) -> str:
    titles = sorted((_fold(t) for t in _tables()["person_titles"]), key=len, reverse=True)
    key = _fold(text)
    for t in titles:
        if key.startswith(t + " ") and len(key) > len(t) + 1:
            return key[len(t) + 1 :]
    return key


def _org_key(text: str) -> str:
    suffixes = _tables()["org_suffixes"]
    return " ".join(suffixes.get(w, w) for w in _fold(text).split())


def _make_item(start: int, end: int, raw: str, label: str) -> _Item | None:
    text, left, right = _trim(raw)
    if (m := _TRAILING_NUMBER.search(text)) and m.start() > 0:
        number = m.group().split()[-1]
        if label in _NUMBERLESS or (label == "ORG" and ("-" in number or len(number) >= 3)):
            right += len(text) - m.start()
            text = text[: m.start()]
    if not text or not any(ch.isalpha() for ch in text):
        return None
    s, e = start + left, end - right
    iso = None
    if label in _COUNTRY_LABELS and (hit := _country_iso(text)):
        iso, demonym = hit
        if demonym:  # "Iraqi", "Russians": a nationality, not the place (NORP, CoNLL MISC)
            return _Item(s, e, text, "NORP", f"demonym:{iso}", iso)
        return _Item(s, e, text, "GPE", f"country:{iso}", iso)
    key = _person_key(text) if label == "PERSON" else _org_key(text)
    return _Item(s, e, text, label, key)


def _split_at_separators(start: int, raw: str) -> list[tuple[int, str]]:
    """ "Oval , London" (one span across a spaced comma, dash or ISO date) → "Oval", "London".

    Why: in tokenised wire text and results tables the model runs names together across
    " , " and " - "; a name never holds a spaced separator."""
    out: list[tuple[int, str]] = []
    pos = 0
    for sep in [*_SEPARATOR.finditer(raw), None]:
        end = sep.start() if sep else len(raw)
        if any(ch.isalpha() for ch in raw[pos:end]):
            out.append((start + pos, raw[pos:end]))
        pos = sep.end() if sep else pos
    return out


def _split_possessive_owner(start: int, raw: str, label: str) -> list[tuple[int, int, str, str]]:
    """ "Britain's Secret Intelligence Service" (one ORG span) → GPE Britain + ORG remainder."""
    m = re.match(r"^(?:the\s+)?(.+?)(?:'s|’s)\s+(.+)$", raw)
    if label != "ORG" or not m or not _country_iso(m.group(1)):
        return [(start, start + len(raw), raw, label)]
    return [
        (start + m.start(1), start + m.end(1), m.group(1), "GPE"),
        (start + m.start(2), start + m.end(2), m.group(2), label),
    ]


def _country_spans(doc: Doc, taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Capitalised country names/demonyms the NER left untagged (1–4 tokens)."""
    out: list[tuple[int, int, str]] = []
    # every window starting at token i shares its first token: test its capital once, before
    # building any Span (most tokens are lower-case)
    cap = [t.text[:1].isupper() for t in doc]
    i = 0
    while i < len(doc):
        hit = None
        for n in (4, 3, 2, 1) if cap[i] else ():
            if i + n > len(doc):
                continue
            span = doc[i : i + n]
            if _country_iso(span.text) and not span[-1].text.endswith(("'", "’")):
                hit = span
                break
        if hit is not None:
            s, e = hit.start_char, hit.end_char
            if not any(s < te and ts < e for ts, te in taken):
                out.append((s, e, hit.text))
            i = hit.end
        else:
            i += 1
    return out


def _collect(doc: Doc) -> list[_Item]:
    text = doc.text
    weapons = find_weapons(text)
    items: list[_Item] = [_Item(s, e, c, "WEAPON", f"weapon:{_fold(c)}") for s, e, c in weapons]
    taken = [(s, e) for s, e, _ in weapons]
    for s, e, _c in particle_names(doc, load_gazetteer()):  # "Dar es Salaam" cut in two
        span = doc[s:e]
        items.append(_Item(span.start_char, span.end_char, span.text, "GPE", _org_key(span.text)))
        taken.append((span.start_char, span.end_char))
    named_taken: list[tuple[int, int]] = list(taken)
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        if any(ent.start_char < e and s < ent.end_char for s, e in taken):
            continue
        for start, piece in _split_at_separators(ent.start_char, ent.text):
            for s, e, raw, label in _split_possessive_owner(start, piece, ent.label_):
                if it := _make_item(s, e, raw, label):
                    items.append(it)
                    named_taken.append((it.start, it.end))
    for s, e, raw in _country_spans(doc, named_taken):
        if it := _make_item(s, e, raw, "GPE"):
            items.append(it)
            named_taken.append((it.start, it.end))
    # Acronyms: the short form takes the long form's key, tagged or not.
    acronyms = find_acronyms(text)
    for short, long in acronyms.items():
        long_key = _org_key(long)
        if not any(it.key == long_key for it in items):
            pos = text.find(long)
            if pos >= 0 and sum(w[0].isupper() for w in long.split()) >= 2:
                items.append(_Item(pos, pos + len(long), long, "ORG", long_key))
                named_taken.append((pos, pos + len(long)))
        for it in items:
            if it.text == short and it.iso is None:
                it.key = long_key
        for m in _untaken(text, short, named_taken):
            items.append(_Item(m.start(), m.end(), short, "ORG", long_key))
    items.extend(_untagged_surnames(doc, items))
    items.sort(key=lambda it: (it.start, it.end))
    _surnames_not_countries(doc, items)
    return items


def _untaken(text: str, word: str, taken: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """Whole-word occurrences of `word` outside the spans already taken by names."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        if not any(m.start() < e and s < m.end() for s, e in taken):
            yield m


def _untagged_surnames(doc: Doc, items: list[_Item]) -> list[_Item]:
    """ "Margalit Har-Shefi … Har-Shefi acknowledged …": a later bare surname of a person
    named in full that the tagger left untagged (a name outside its vocabulary) is that
    person; only a proper-noun surname of one person, never inside another name."""
    text = doc.text
    owners: dict[str, set[str]] = defaultdict(set)
    for it in items:
        words = it.text.split()
        if it.label == "PERSON" and len(words) > 1 and len(words[-1]) > 2:
            owners[words[-1]].add(it.key)
    taken = [(it.start, it.end) for it in items]
    found: list[_Item] = []
    for surname, keys in owners.items():
        if len(keys) != 1 or not surname[:1].isupper() or not surname.replace("-", "").isalpha():
            continue
        key = next(iter(keys))
        for m in _untaken(text, surname, taken):
            span = doc.char_span(m.start(), m.end())
            if span is None or any(t.ent_type_ or t.pos_ != "PROPN" for t in span if t.is_alpha):
                continue
            found.append(_Item(m.start(), m.end(), surname, "PERSON", key))
    return found


def _surnames_not_countries(doc: Doc, items: list[_Item]) -> None:
    """ "Sheriff Randy Holland … Holland recalled": a country name that is the surname of a
    person named earlier, and acts as a subject, is that person (not the Netherlands)."""
    surnames = {
        it.text.split()[-1]: it.start
        for it in items
        if it.label == "PERSON" and len(it.text.split()) > 1
    }
    for it in items:
        if it.iso is None or it.label != "GPE" or " " in it.text:
            continue
        if surnames.get(it.text, it.start) >= it.start:
            continue
        span = doc.char_span(it.start, it.end)
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass", "poss"):
            it.label, it.key, it.iso = "PERSON", _person_key(it.text), None


def _persons_tagged_org(groups: dict[str, list[_Item]], types: dict[str, str]) -> None:
    """The tagger sometimes calls a full name an organisation ("Louis Freeh" ORG, then
    "Freeh" PERSON) or a surname one ("Bertalan Farkas" PERSON, then "Farkas" ORG): a name
    of plain words whose last word is a person's surname in the same article is that person
    (so is a surname it calls an event, a work or a people: "Margalit Har-Shefi" PERSON,
    "Har-Shefi" EVENT; "Barnett Slepian" … "Slepian, 52," NORP)."""
    suffixes = set(_tables()["org_suffixes"]) | set(_tables()["org_suffixes"].values())
    orgs = [
        k
        for k in groups
        if types.get(k) in ("ORG", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "NORP")
        and not k.startswith(_NATIONAL)
    ]
    persons = {k for k in groups if types.get(k) == "PERSON"}
    surnames = {k.split()[-1] for k in persons if " " in k}

    def plain(k: str) -> bool:
        words = k.split()
        return all(w.replace("-", "").isalpha() and w not in suffixes for w in words) and all(
            it.text[:1].isupper() for it in groups[k]
        )

    for k in orgs:
        words = k.split()
        if not plain(k) or any(o != k and o.split()[0] == words[0] for o in orgs):
            continue  # "Ford" beside "Ford Motor": the company
        full = 2 <= len(words) <= 3 and words[-1] in persons and types[k] == "ORG"
        if full or len(words) == 1 and k in surnames:
            types[k] = "PERSON"


def _merge_persons(groups: dict[str, list[_Item]], types: dict[str, str]) -> None:
    """A one-word PERSON joins the unique longer PERSON ending (or starting) with that word."""
    persons = [k for k in groups if types[k] == "PERSON"]
    for k in persons:
        if " " in k:
            continue
        longer = [p for p in persons if " " in p and (p.split()[-1] == k)]
        if len(longer) != 1:
            longer = [p for p in persons if " " in p and k in p.split()]
        if len(longer) == 1 and k in groups:
            groups[longer[0]].extend(groups.pop(k))


def _company_short_names(groups: dict[str, list[_Item]], types: dict[str, str]) -> None:
    """A one- or two-word name the tagger called a person ("Telerate's two directors") that begins
    exactly one company's name with a corporate suffix ("Telerate Inc.") is that company,
    unless a person in the article has that word as a name ("Ford" beside "Gerald Ford")."""
    suffixes = set(_tables().get("company_suffixes") or [])
    companies = [
        k
        for k in groups
        if types.get(k) == "ORG" and len(k.split()) > 1 and k.split()[-1].strip(".") in suffixes
    ]
    persons = [k for k in groups if types.get(k) == "PERSON"]
    for k in persons:
        words = k.split()
        people = {w for p in persons if p != k and " " in p for w in p.split()}
        longer = [
            c for c in companies if c.split()[: len(words)] == words and len(c.split()) > len(words)
        ]
        if len(words) <= 2 and len(longer) == 1 and not people & set(words):
            types[k] = "ORG"  # "Ocean Drilling" of "Ocean Drilling & Exploration Co."


def _merge_orgs(groups: dict[str, list[_Item]], types: dict[str, str]) -> None:
    """A short ORG name that begins exactly one longer ORG name joins it ("Coleco" →
    "Coleco Industries Inc.", "Compaq" → "Compaq Computer Corp."); with two candidates
    ("Ogden Projects Inc.", "Ogden Corp.") the short name stays apart."""
    orgs = [k for k in groups if types.get(k) == "ORG" and not k.startswith(_NATIONAL)]
    bodies = set(_tables().get("org_bodies") or [])
    for k in orgs:
        words = k.split()
        if len(words) > 2 or k not in groups:
            continue
        longer = [o for o in orgs if o != k and o in groups and o.split()[: len(words)] == words]
        if len(longer) == 1 and not bodies & set(longer[0].split()[len(words) :]):
            # "U.N." stays apart from "U.N. Security Council": a body of it, not its name
            groups[longer[0]].extend(groups.pop(k))


def _merge_fuzzy(groups: dict[str, list[_Item]], types: dict[str, str]) -> None:
    keys = sorted(groups, key=lambda k: (-len(groups[k]), groups[k][0].start))
    for i, a in enumerate(keys):
        if a not in groups or a.startswith(_NATIONAL):
            continue
        for b in keys[i + 1 :]:
            if b not in groups or b.startswith(_NATIONAL) or types[a] != types[b]:
                continue
            if similar_names(groups[a][0].text, groups[b][0].text):
                groups[a].extend(groups.pop(b))


def _canonical(items: list[_Item]) -> str:
    iso = items[0].iso
    if iso and items[0].label == "GPE":
        return _countries().canonical[iso]
    counts = Counter(it.text for it in items)
    first: dict[str, int] = {}
    for it in items:
        first.setdefault(it.text, it.start)

    def rank(t: str) -> tuple:
        acronym = t.isupper() and " " not in t
        return (not acronym, len(t.split()), counts[t], len(t), -first[t])

    return max(counts, key=rank)


def _leading_country(name: str) -> str | None:
    words = name.split()
    for n in (3, 2, 1):
        if len(words) > n and (hit := _country_iso(" ".join(words[:n]))):
            return hit[0]
    return None


def resolve_entities(doc: Doc) -> list[Entity]:
    """Canonical entities of one article, ordered by first mention; ids are stable."""
    text = doc.text  # a property that rebuilds the string: read it once
    items = _collect(doc)
    groups: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        groups[it.key].append(it)
    types: dict[str, str] = {}
    for key, its in groups.items():
        if key.startswith(_NATIONAL):
            types[key] = "GPE" if key.startswith("country:") else "NORP"
            continue
        votes = Counter(it.label for it in its)
        longest = max(its, key=lambda it: (len(it.text), -it.start)).label
        types[key] = max(votes, key=lambda lab: (votes[lab], lab == longest, lab))
    _persons_tagged_org(groups, types)
    _merge_persons(groups, types)
    _company_short_names(groups, types)
    _merge_orgs(groups, types)
    _merge_fuzzy(groups, types)
    entities: list[Entity] = []
    for key, its in groups.items():
        its.sort(key=lambda it: (it.start, it.end))
        name = _canonical(its)
        type_ = types[key]
        aliases: list[str] = []
        for it in its:
            if it.text != name and it.text not in aliases:
                aliases.append(it.text)
        country = its[0].iso or (_leading_country(name) if type_ != "PERSON" else None)
        entities.append(
            Entity(
                id=entity_id(type_, name),
                name=name,
                type=type_,
                aliases=aliases,
                mentions=[Mention(it.start, it.end, text[it.start : it.end]) for it in its],
                country=country,
            )
        )
    _alias_nationalities(entities)
    entities.sort(key=lambda e: (e.mentions[0].start, e.id))
    return entities


def _alias_nationalities(entities: list[Entity]) -> None:
    """A country named in the article lists its nationality's forms as aliases ("Iranian" of
    Iran), so a search by either name finds it; the mentions stay with the NORP entity."""
    countries = {e.country: e for e in entities if e.type == "GPE" and e.country}
    countries = {k: e for k, e in countries.items() if e.name == country_name(k)}
    for e in entities:
        if e.type == "NORP" and (country := countries.get(e.country or "")):
            for n in (e.name, *e.aliases):
                if n != country.name and n not in country.aliases:
                    country.aliases.append(n)


def country_view(entities: list[Entity]) -> list[Entity]:
    """The entities with each nationality folded into its country ("Iraqi" → Iraq, GPE).

    Why: the entity layer keeps "Iraqi" and "Russians" nationalities (NORP), as NER and CoNLL
    read them, but an actor phrase such as "Iraqi troops" acts for its country; claim
    resolution reads this view. The input entities are not changed.
    """
    out: dict[str, Entity] = {}
    extra: dict[str, list[Mention]] = defaultdict(list)
    for e in entities:
        name = country_name(e.country) if e.type == "NORP" and e.country else None
        if name is None:
            out[e.id] = e
            continue
        gid = entity_id("GPE", name)
        extra[gid].extend(e.mentions)
        out.setdefault(gid, Entity(gid, name, "GPE", [], [], e.country))
    for gid, mentions in extra.items():
        have = out[gid]
        merged = sorted([*have.mentions, *mentions], key=lambda m: (m.start, m.end))
        aliases: list[str] = []
        for m in merged:
            if m.text != have.name and m.text not in aliases:
                aliases.append(m.text)
        out[gid] = Entity(have.id, have.name, have.type, aliases, merged, have.country)
    return sorted(out.values(), key=lambda e: (e.mentions[0].start, e.id))
