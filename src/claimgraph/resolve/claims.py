"""Frames (text spans) → claims (canonical actors, geocoded place, time value, sourced).

Why here and not in extract: naming an actor, placing a town and dating an event need the
article-wide entity, place and time tables that the resolvers build from the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from claimgraph import ids
from claimgraph.extract.nlp import office_words, state_abbreviations
from claimgraph.extract.ontology import Ontology, load_ontology
from claimgraph.extract.records import (
    Claim,
    Entity,
    Frame,
    Mention,
    Place,
    RoleSpan,
    TimeSpan,
    entity_id,
)
from claimgraph.ontology import load_yaml
from claimgraph.record import ACTOR_ROLES, THING_ROLES
from claimgraph.resolve.entities import (
    country_name,
    country_view,
    group_counts,
    group_not_people,
    public_bodies,
    title_nouns,
)
from claimgraph.resolve.gender import (
    PRONOUN_GENDER,
    first_name_gender,
    lone_name_gender,
    noun_gender,
    title_gender,
)


def _norm(name: str) -> str:
    from claimgraph.resolve.gazetteer import normalize

    return normalize(name)


def _capitals() -> set[tuple[str, str]]:
    from claimgraph.resolve.places import capitals

    return capitals()


PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "his", "her", "their", "its"}
# words that stand for someone named elsewhere, never a speaker's name of their own
_PRONOUNS = PERSON_PRONOUNS | _SUBJECT_PRONOUNS | {
    "i", "we", "you", "me", "us", "them", "who", "whom", "which", "that", "this", "these",
    "those", "one", "someone", "somebody", "anyone", "anybody", "everyone", "everybody",
}  # fmt: skip
_LISTING = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")  # the joint between names in a list
_GROUP = re.compile(r"(?:(?:the|these|those)\s+)?(\w+)\s+(\w+)", re.IGNORECASE)
_SELF = {"i", "we", "you", "me", "us"}  # inside a quotation: the speaker (or their side)
# "the company", "the Kirkland, Wash., company": an organisation named earlier, never the town
ORG_HEADS = {
    "company",
    "firm",
    "maker",
    "manufacturer",
    "group",
    "bank",
    "retailer",
    "airline",
    "carrier",
    "producer",
    "developer",
    "concern",
    "unit",
    "subsidiary",
    "operator",
    "insurer",
    "lender",
    "publisher",
    "chain",
    "conglomerate",
    "startup",
    "corporation",
    "thrift",
    "brewer",
    "automaker",
    "refiner",
    "utility",
}
COMPANY_HEADS = ORG_HEADS - {"group", "unit", "operator", "publisher", "chain"}  # trading firms
# heads through which a country acts ("Russian forces", "Iranian engineers" act for the state)
STATE_HEADS = {
    "force",
    "forces",
    "troops",
    "troop",
    "military",
    "army",
    "navy",
    "government",
    "official",
    "authorities",
    "authority",
    "soldier",
    "diplomat",
    "regime",
    "administration",
    "ministry",
    "embassy",
    "leader",
    "president",
    "minister",
    "engineer",
    "specialist",
    "expert",
    "police",
    "security",
    "intelligence",
    "spy",
    "envoy",
    "ambassador",
    "delegation",
    "warplane",
    "jet",
    "drone",
    "missile",
    "side",
    "state",
    "people",
    "parliament",
    "officer",
    "commander",
    "guard",
    "personnel",
    "unit",
    "service",
    "agency",
    "company",
    "firm",
    "manufacturer",
    "producer",
    "operator",
    "supplier",
    "exporter",
}
# people counted ("two Libyans", "dozens of Iraqis", "many Kenyans") are those people, not
# their state
_COUNT = (
    r"(?:\d[\d,.]*(?:\s+(?:hundred|thousand|million))?|a\s+few|several|some|many|most|few|"
    r"numerous|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|thousands|millions|"
    r"tens\s+of\s+thousands)"
)
_COUNTED = re.compile(
    r"(?:the\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|"
    r"at\s+least\s+|up\s+to\s+|an\s+estimated\s+|as\s+many\s+as\s+)?" + _COUNT + r"\b",
    re.IGNORECASE,
)
# ... or counted before the phrase the parser gives ("thousands of [Serbs]"), or an ethnic group
_COUNTED_OF = re.compile(r"\b" + _COUNT + r"\s+(?:of\s+(?:the\s+)?)?$", re.IGNORECASE)
_ETHNIC = re.compile(r"\bethnic\s", re.IGNORECASE)
# one person named by nationality: "a second Belgian was injured", "an American was killed"
_ONE_OF = re.compile(r"\b(?:an?|another|one)\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)

# entity types that name no actor: a phrase built on one names its head's people or things
_NO_ACTOR_TYPES = ("EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")

# state heads that name people, not the state's organs: as recipients they are those people
PEOPLE_HEADS = {
    "official",
    "soldier",
    "diplomat",
    "leader",
    "engineer",
    "specialist",
    "expert",
    "spy",
    "envoy",
    "ambassador",
    "minister",
    "president",
    "prosecutor",
    "officer",
    "commander",
    "guard",
    "personnel",
    "people",
}
GROUP_HEADS = {"administration", "government", "cabinet", "team", "office", "regime", "camp"}


_RANKS = {"vice", "deputy", "assistant", "former", "ex", "acting", "interim"}
# where the words naming a person's office stop: a sentence or clause break ("U.S." is none)
_CLAUSE_BREAK = re.compile(r"(?<!\.[A-Z])\.\s|[;,!?\n]\s|\s(?:and|said|says)\s")
_NOT_APPOSITION = {"has", "have", "had", "is", "was", "will", "would", "said", "says", "who"}


class _Index:
    """Offset lookups over one article's entities, places and times."""

    def __init__(
        self, entities: list[Entity], places: list[Place], times: list[TimeSpan], text: str = ""
    ) -> None:
        self.text = text  # the article text, for the words around a name ("FBI Director X")
        self.genders: dict[str, str | None] = {}  # person id -> 'm'/'f'/None, read lazily
        self.mentions = sorted(
            ((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: (x[0], -x[1])
        )
        self.places = places
        self.times = times
        self.by_name = {e.name.lower(): e for e in entities}
        self.by_id = {e.id: e for e in entities}
        for e in entities:
            for a in e.aliases:
                self.by_name.setdefault(a.lower(), e)
        self.surnames: dict[str, dict[str, Entity]] = {}  # last word of a person's names
        for e in entities:
            if e.type == "PERSON" and e.mentions:
                for n in (e.name, *e.aliases):
                    if n.split():
                        self.surnames.setdefault(n.split()[-1], {})[e.id] = e

    def entity_at(self, start: int, end: int) -> Entity | None:
        for s, e, ent in self.mentions:
            if s < end and start < e:
                return ent
        return None

    focus: Entity | None = None  # the person the text last made an agent or a speaker

    def by_surname(self, text: str) -> Entity | None:
        """The one person named in full whose surname this bare capitalised word is ("Freeh
        said" after "Louis Freeh", where the tagger left "Freeh" untagged)."""
        word = text.strip()
        if " " in word or not word[:1].isupper() or not word.isalpha():
            return None
        found = self.surnames.get(word, {})
        return next(iter(found.values())) if len(found) == 1 else None

    def _gender(self, ent: Entity) -> str | None:
        if ent.id not in self.genders:
            names = (ent.name, *ent.aliases)
            said = {first_name_gender(n) for n in names} | {
                title_gender(self.text[max(0, m.start - 12) : m.start]) for m in ent.mentions
            }
            if all(" " not in n.strip() for n in names):  # "Melanie", never named in full
                said.add(lone_name_gender(ent.name))
            said.discard(None)
            self.genders[ent.id] = said.pop() if len(said) == 1 else None
        return self.genders[ent.id]

    def fits(self, ent: Entity, pronoun: str) -> bool:
        """Whether "he"/"she" can point to this person (unknown gender: either can)."""
        want = PRONOUN_GENDER.get(pronoun.lower())
        return want is None or self._gender(ent) in (None, want)

    def person(self, start: int, pronoun: str = "") -> Entity | None:
        """Who "he"/"she" is: the last fitting person named before it in its own sentence
        ("an interview that Kelly gave, in which he suggested …"), else the person the story
        is following (the last agent or speaker), else the last fitting person named before
        it. Fitting: "she" is not a man whose first name or title says so; where no one
        fits (a name the census lists read otherwise, "Ola" in Norway), gender is ignored."""
        found = self._person(start, pronoun)
        return found if found is not None or not pronoun else self._person(start, "")

    def _person(self, start: int, pronoun: str) -> Entity | None:
        opening = max(self.text.rfind(". ", 0, start), self.text.rfind("\n", 0, start)) + 1
        before = [e for s, _e, e in self.mentions if s < start and e.type == "PERSON"]
        quotes = _closed_quotes(self.text, opening, start)
        near = [
            e
            for s, _e, e in self.mentions
            if opening <= s < start
            and e.type == "PERSON"
            and not any(a <= s < b for a, b in quotes)  # '"Donald is a leader," said she'
        ]
        near = [e for e in near if self.fits(e, pronoun)]
        owners = {  # "Viktoria Skripal, Sergei's niece, has said she …": she is the niece
            e.id
            for s, end, e in self.mentions
            if opening <= s < start and self.text[end : end + 2] in ("'s", "’s")
        }
        named = [e for e in near if e.id not in owners]
        if named and len(named) < len(near):
            near = named
        if near:
            return near[-1]
        quoted = _quote_only(self.text[opening:start])
        if pronoun and (not self.text[opening:start].strip() or quoted):
            # "Eric Rudolph has been on the run since … He also is charged …": a pronoun
            # opening its sentence (or following the quote it opens with: '"…," she said')
            # continues the person the last sentence opened with
            prev = _sentence_start(self.text, opening - 2)
            lead = next(
                (e for s, _e, e in self.mentions if prev <= s < opening and e.type == "PERSON"),
                None,
            )
            if (
                lead is not None
                and self.fits(lead, pronoun)
                and not self.text[prev:].lstrip().startswith(('"', "``", "“"))
            ):
                first = min(s for s, _e, e in self.mentions if e.id == lead.id and prev <= s)
                words = self.text[prev:first].lower().split()
                told = quoted and any(  # '…, her director X said. "…," she said': X again
                    e is self.focus for s, _e, e in self.mentions if prev <= s < opening
                )
                # "He said McVeigh used …": the sentence opened with someone else
                if len(words) <= 2 and not set(words) & _SUBJECT_PRONOUNS and not told:
                    return lead
        if self.focus is not None and self.fits(self.focus, pronoun):
            return self.focus
        return next((e for e in reversed(before) if self.fits(e, pronoun)), None)

    def aged_person(self, span: RoleSpan) -> Entity | None:
        """Who "the 37-year-old" is: the person the story follows (else the last named before
        it); "a 17-year-old boy" is someone new. None for a phrase that names no age."""
        if span.indefinite or not _AGED.match(span.text):
            return None
        ent = self.person(span.start)
        if ent is not None and ent.type == "PERSON":
            return ent
        before = [e for s, _e, e in self.mentions if s < span.start and e.type == "PERSON"]
        return before[-1] if before else None

    def named_together(self, start: int, count: int, window: int = 4000) -> list[Entity] | None:
        """The people last named together before `start` ("Ronald Stauber and Michael
        Gingrich"), when they are `count`: whom "the two men" points back to."""
        chains: list[list[tuple[int, int, Entity]]] = []
        for s, e, ent in self.mentions:
            if s >= start or s < start - window or ent.type != "PERSON":
                continue
            last = chains[-1][-1] if chains else None
            gap = self.text[last[1] : s] if last is not None else ""
            if (
                last is not None
                and _LISTING.fullmatch(gap)
                and ent not in [m[2] for m in chains[-1]]
            ):
                chains[-1].append((s, e, ent))
            else:
                chains.append([(s, e, ent)])
        for chain in reversed(chains):
            if len(chain) > 1:
                joined = self.text[chain[-2][1] : chain[-1][0]]
                if len(chain) == count and "and" in joined.split():
                    return [m[2] for m in chain]
                return None  # the last group named is another one
        return None

    def other_person(
        self, start: int, not_id: str, window: int = 250, pronoun: str = ""
    ) -> Entity | None:
        """The last person named shortly before `start` who is not `not_id`: "Trump used the ad
        against Clinton, accusing her …" - whoever "her" is, not the accuser himself."""
        found = [
            e for s, _e, e in self.mentions if start - window <= s < start and e.type == "PERSON"
        ]
        return next((e for e in reversed(found) if e.id != not_id and self.fits(e, pronoun)), None)

    def antecedent(
        self, start: int, types: tuple[str, ...], company: bool = False
    ) -> Entity | None:
        """The nearest entity of these types mentioned before `start` ("he" → the last person
        named, "the company" → the last organisation): a one-line recency rule, no coreference
        model. A `company` is no public body ("the World Trade Organization") and no currency
        code the tagger took for a name ("DKK")."""
        best = None
        seen: dict[str, int] = {}
        for s, end, ent in self.mentions:
            if s >= start:
                break
            if ent.type in types and not (company and self._not_company(ent, end, start)):
                seen[ent.id] = seen.get(ent.id, 0) + 1
                best = ent
        lead = next(iter(seen), None)
        if lead is not None and seen[lead] > 1:
            # the first organisation named, when named again (the lead's subject, not a
            # heading), counts once more: "the company" after three mentions of a partner
            # it invested in is still itself
            seen[lead] += 1
        if best is not None and best.type == "ORG" and seen:
            # "the company": the organisation the story is about (named most often so far; on
            # a tie the one named first, as a lead names its subject), not whichever company
            # was named last in passing
            top = max(seen.values())
            for s, _e, ent in self.mentions:
                if s < start and ent.type in types and seen.get(ent.id) == top:
                    return ent
        return best

    def _not_company(self, ent: Entity, end: int, start: int) -> bool:
        if not self.text[end:start].strip(" ,"):
            return True  # "The Boise, Idaho-based company": a modifier of the phrase itself
        words = ent.name.lower().split()
        currencies = load_ontology().currencies
        return ent.name.lower() in currencies or bool(set(words) & public_bodies())

    def titled_person(self, span: RoleSpan | Mention) -> Entity | None:
        """Who "the interior minister" / "the FBI chief" is: the last person named before it
        with that office, or one of its group, in the words around the name, and the
        phrase's other words (interior, FBI) there too when it has any."""
        if getattr(span, "indefinite", False):
            return None  # "said a spokesman": someone new, not the spokesman named before
        words = [w.strip(".,'’").lower() for w in span.text.split()]
        if words and words[0] in ("the", "this", "that"):
            words = words[1:]
        if not words or len(words) > 4:
            return None
        head = words[-1]
        group = next((g for g in title_nouns() if head in g), None)
        if group is None or not self.text:
            return None
        modifiers = {w for w in words[:-1] if w not in ("u.s", "us", "new", "top", "former")}
        for s, e, ent in reversed([m for m in self.mentions if m[0] < span.start]):
            if ent.type != "PERSON" or span.start - s > 3000:
                continue
            before = _CLAUSE_BREAK.split(self.text[max(0, s - 90) : s])
            title = before[-1].split()
            # "Interior Minister Karl Berg"; "Director of the U.S. Federal Bureau of
            # Investigation (FBI) Louis Freeh": a title with its "of" phrase reaches further
            title = title[-10:] if "of" in title[-10:-1] else title[-5:]
            tail = self.text[e : e + 80]
            apposition = re.split(r"[.;,!?\n]", tail[2:])[0].split() if tail[:2] == ", " else []
            if apposition and apposition[0].lower() in _NOT_APPOSITION:
                apposition = []  # "X, has advised the chairman": a verb, no title
            office = next(
                (k for k, w in enumerate(apposition) if w in ("to", "of", "for", "at", "in")),
                len(apposition),
            )  # "X, director of the FBI", not "X, an adviser to the president"
            own = {w.strip(".()'’\"").lower() for w in title + apposition[: min(office, 4)]}
            near = own | {w.strip(".()'’\"").lower() for w in apposition}
            if (
                group & own
                and (not modifiers or modifiers & near)
                and own & _RANKS <= set(words)  # "the president" is not the vice president
            ):
                return ent
        return None

    def entities_in(self, start: int, end: int, text: str | None = None) -> list[Entity]:
        """Entities mentioned inside start..end; given the span's text, not one a hyphen joins
        to the word before ("anti-Castro demonstrators" are no Castro)."""
        return [
            ent
            for s, e, ent in self.mentions
            if start <= s and e <= end and not (text is not None and _prefixed(text, s - start))
        ]

    def capital_country(self, start: int, end: int) -> dict[str, Any] | None:
        """The country whose capital is the place at this span, as an actor record."""
        p = self.place_at(start, end)
        if (
            p is None
            or p.kind != "city"
            or not p.country
            or (p.country, _norm(p.name or "")) not in _capitals()
        ):
            return None
        name = country_name(p.country) or p.country
        ent = self.by_name.get(name.lower())
        return {"id": ent.id if ent else entity_id("GPE", name), "name": name, "type": "GPE"}

    def place_at(self, start: int, end: int) -> Place | None:
        best = None
        for p in self.places:
            if (
                p.start < end
                and start < p.end
                and (best is None or p.resolved and not best.resolved)
            ):
                best = p
        return best

    def time_at(self, spans: Iterable[Mention]) -> TimeSpan | None:
        """A point or period in time overlapping the spans; durations ("for two years",
        "in recent months") say how long, not when, so they do not date a claim."""
        for m in spans:
            for t in self.times:
                if (
                    t.start < m.end
                    and m.start < t.end
                    and t.value
                    and t.type not in ("DURATION", "SET")
                ):
                    return t
        return None


_SENTENCE_END = re.compile(r"[.!?][\"”’'\u201d)]*\s+|\n")


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|''.*?''")  # one quotation, any marks
# the marks a quotation may open and close with (newspapers' '' too: ''I mean this,'' he said)
_QUOTE_OPEN = ('"', "``", "“", "'")
_QUOTE_CLOSE = ('"', "''", "”", "'")


def _closed_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations opened and closed between start and end (offsets into text)."""
    return [(start + m.start(), start + m.end()) for m in _QUOTED.finditer(text[start:end])]


def _quote_only(before: str) -> bool:
    """Whether the words before a pronoun in its sentence are a quotation and nothing else
    ('"I went so close," she said')."""
    words = before.strip().rstrip(",")
    return words.startswith(_QUOTE_OPEN) and words.endswith(_QUOTE_CLOSE) and len(words) > 2


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Words whose full stop ends no sentence ("St. Albans, Vt., became", "Dr. Smith"): titles,
    the tokenizer's abbreviations and the AP abbreviations of US states (ontology data)."""
    words = {w.rstrip(".") for w in load_yaml("ner_labels.yaml").get("abbreviations") or []}
    words |= {w for w in load_yaml("entities.yaml").get("person_titles") or [] if " " not in w}
    words |= {a.rstrip(".") for a in state_abbreviations()}
    return frozenset(words) | {"Mt", "Jr", "Sr", "No", "Gov", "Rep", "Sen"}


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Whether a stop ends a sentence: not after a title or an abbreviation, nor an initial."""
    if text[m.start()] != ".":
        return True
    word = re.search(r"([A-Za-z]+)$", text[max(0, m.start() - 12) : m.start()])
    if word is None:
        return True
    w = word.group(1)
    return not (w in _abbreviations() or (len(w) == 1 and w.isupper()))


def _sentence_start(text: str, before: int, window: int = 800) -> int:
    """Where the sentence holding offset `before` starts (after ". ", '." ', '?” ' or a line
    break, but not after "St." or "Vt."), looking back at most `window` characters."""
    lo = max(0, before - window)
    last = None
    for m in _SENTENCE_END.finditer(text, lo, max(lo, before)):
        if _ends_sentence(text, m):
            last = m
    return last.end() if last is not None else lo


_PREFIXES = {"anti", "pro", "non", "ex", "neo", "pan", "post", "pre", "counter", "ultra", "arab"}


def _sentence_end(text: str, after: int, window: int = 800) -> int:
    """Where the sentence holding offset `after` ends (the stop _sentence_start would begin
    the next one after), looking ahead at most `window` characters."""
    for m in _SENTENCE_END.finditer(text, after, min(len(text), after + window)):
        if _ends_sentence(text, m):
            return m.start()
    return min(len(text), after + window)


def _prefixed(text: str, offset: int) -> bool:
    """Whether the word at `offset` of `text` follows a prefix or a nationality and a hyphen
    ("anti-Castro", "Cuban-Americans"), not a first surname ("Diaz-Balart")."""
    if not 0 < offset <= len(text) or text[offset - 1] != "-":
        return False
    before = text[: offset - 1].split()[-1:] or [""]
    word = before[0].lower()
    return word in _PREFIXES or (before[0][:1].isupper() and word.endswith(("an", "ish", "ese")))


def _hyphenated_head(span: RoleSpan) -> bool:
    """A head word joined by a hyphen to a prefix or a nationality ("Cuban-Americans"): the
    whole compound names the group, not the entity its last part names."""
    return _prefixed(span.text, span.head_start - span.start)


def _head_word(span: RoleSpan) -> str:
    """A role's head word, lower-cased ("the Trump team" -> "team")."""
    return span.text[span.head_start - span.start : span.head_end - span.start].lower()


def _phrase_actor(span: RoleSpan, country: str | None = None) -> dict[str, Any]:
    """An actor named only by its phrase ("Ohio police", "Twelve Americans"), with the country
    it belongs to when the phrase names one."""
    actor: dict[str, Any] = {"id": None, "name": span.text, "type": None, "text": span.text}
    if country is not None:
        actor["country"] = country
    return actor


def _counted_people(span: RoleSpan, idx: _Index) -> bool:
    """Whether a plural nationality is counted or an ethnic group ("two Libyans", "some
    Kenyans", "thousands of Serbs", "ethnic Albanians"): those people, not their state."""
    return bool(
        _COUNTED.match(span.text)
        or _COUNTED_OF.search(idx.text[max(0, span.start - 40) : span.start])
        or _ETHNIC.search(span.text[: span.head_start - span.start])
    )


def _actor(span: RoleSpan, idx: _Index, acting: bool = True) -> dict[str, Any]:
    """The entity a role names: its head word's entity, else a nationality inside the phrase.
    A national capital acting ("Moscow could acquire …") stands for its country's government.
    `acting` False (a recipient): people of a state ("Russian diplomats") are those people,
    with the state as their country; acting, they act for it ("Iranian engineers built …")."""
    ent = _named_after_org_title(span, idx) or idx.entity_at(span.head_start, span.head_end)
    head = _head_word(span)
    if ent is not None and _hyphenated_head(span):
        return _phrase_actor(span)  # "Cuban-Americans" are no Americans' state
    if ent is not None and ent.type in ("GPE", "NORP") and head != ent.name.lower():
        before = span.text[: span.head_start - span.start]  # the words before the head
        if head.endswith("s") and (not acting or _counted_people(span, idx)):
            # "Twelve Americans were killed", "two Libyans bombed a jet", "thousands of Serbs
            # marched", "ethnic Albanians protested": those people, of the United States, of
            return _phrase_actor(span, ent.name)  # Libya (not their state)
        if (
            not head.endswith("s")
            and span.head_end == span.end
            and not span.modifier  # "an Iraqi attack", "a Russian airliner": the state's
            and _ONE_OF.search(idx.text[max(0, span.start - 12) : span.start] + before)
        ):
            return _phrase_actor(span, ent.name)  # "a second Belgian", "an American": one person
    if ent is not None and ent.type == "GPE":
        country = idx.capital_country(span.start, span.end)
        if country is not None:
            return {**country, "text": span.text}
    if ent is None and head in PERSON_PRONOUNS:
        ent = idx.person(span.start, head)
    elif ent is None and head in ("its", "their"):
        ent = idx.antecedent(span.start, ("ORG",))
    elif ent is None and head in ORG_HEADS:
        inner = [e for e in idx.entities_in(span.start, span.end) if e.type in ("ORG", "PERSON")]
        # "the company" is the one the story follows; "a New Jersey company", "the new
        # company" (to be formed) a new one
        ent = (
            inner[0]
            if inner
            else None
            if span.indefinite or _NEW_ONE.search(span.text)
            else idx.antecedent(span.start, ("ORG",), company=head in COMPANY_HEADS)
        )
        if ent is None:
            return _phrase_actor(span)
    if ent is None:
        ent = idx.by_surname(span.text)
    if ent is None and not span.indefinite:
        ent = idx.titled_person(span)
    if ent is None:
        ent = idx.aged_person(span)  # "the 56-year-old (actress) said": whom the story follows
    if ent is None:
        inner = idx.entities_in(span.start, span.end)
        ent = next((e for e in inner if e.type in ("GPE", "ORG", "PERSON")), None) or next(
            iter(inner), None
        )
        if ent is not None and ent.type in _NO_ACTOR_TYPES:
            return _phrase_actor(span)  # "Olympic organisers", "Sierra Leonean rebels" tagged
            # as an event's name: the phrase's people act
        if (
            ent is not None
            and ent.type == "ORG"
            and _lemma_in(head, load_ontology().own_voice_nouns)
        ):  # "Anheuser competitors offered discounts": its rivals; "women playing cards at
            return _phrase_actor(span)  # the Riverside Club said": the women, not the club
        if ent is not None and ent.type == "PERSON" and _people_of(span, idx, ent, head):
            # "Obama's lawyers", "Elian's Miami relatives", "Trump supporters": the people the
            # phrase names act, not the person it names them by; the story still follows that
            # person ("The Trump team said … He also wants …"), not a group with members of
            # that family in it
            if not _group_including(span, idx, ent):
                idx.focus = ent
            return _phrase_actor(span)
        if ent is not None and ent.type == "GPE" and ent.country is None and head != "people":
            # "a Manila court", "the Ohio police": a city's or region's body, not a state's
            # ("the Moscow government" is Russia's: a capital stands for its country)
            country = idx.capital_country(span.start, span.end)
            if country is not None and head.rstrip("s") in STATE_HEADS:
                return {**country, "text": span.text}
            # ("a Moscow court" is that court, of Russia: a court is its own actor)
            return _phrase_actor(span, country["name"] if country is not None else None)
        if (
            ent is not None
            and ent.type in ("GPE", "NORP", "LOC")
            and (
                head.rstrip("s") not in STATE_HEADS
                and head not in STATE_HEADS
                or any(w in ("former", "ex") for w in span.text.lower().replace("-", " ").split())
                or (not acting and (head in PEOPLE_HEADS or head.rstrip("s") in PEOPLE_HEADS))
            )
        ):  # "German government funding programs", "a Dutch company", "a former Russian spy"
            # (no longer the state's): the phrase acts; "met Kenyan police leaders": the
            # people met are those leaders, of Kenya
            return _phrase_actor(span, ent.name)
    if ent is None:
        return _phrase_actor(span)
    return {"id": ent.id, "name": ent.name, "type": ent.type, "text": span.text}


def _named_group(span: RoleSpan, idx: _Index) -> list[Entity] | None:
    """The people "the two men" or "both suspects" are: the ones the text last named together,
    so that each is a participant of the claim, as when the text names them."""
    said = span.text.strip()
    if " " not in said:  # "Both men were arrested": the parser leaves "both" out of the phrase
        said = " ".join([*idx.text[max(0, span.start - 12) : span.start].split()[-1:], said])
    m = _GROUP.fullmatch(said)
    if m is None:
        return None
    count, noun = group_counts().get(m.group(1).lower()), m.group(2).lower()
    if count is None or not _lemma_in(noun, load_ontology().actor_nouns):
        return None
    if _lemma_in(noun, group_not_people()):
        return None
    return idx.named_together(span.start, count)


def _each_named(f: Frame, roles: dict[str, Any], idx: _Index) -> list[dict[str, Any]]:
    """The claim's roles once per person of a group its agent or recipient points back to
    ("the two men showed up": each man did), else the roles as they are."""
    out = [roles]
    for name in ("agent", "recipient"):
        span, actor = f.roles.get(name), roles.get(name)
        if span is None or actor is None or actor.get("id") or actor.get("text") != span.text:
            continue
        group = _named_group(span, idx)
        if not group:
            continue
        one = {e.id: {"id": e.id, "name": e.name, "type": e.type, "text": span.text} for e in group}
        out = [{**r, name: one[e.id]} for r in out for e in group]
        symmetric = load_ontology().events[f.event].symmetric
        if name == "agent" and len(group) == 2 and roles.get("recipient") is None and symmetric:
            for r in out:  # "the two men met": each met the other
                r["recipient"] = next(v for k, v in one.items() if k != r["agent"]["id"])
    return out


def _not_self(roles: dict[str, Any], f: Frame, idx: _Index) -> None:
    """A pronoun recipient read as the agent itself ("she" -> the man who said she was
    kidnapped) is the last other person named, or no one; a noun phrase read so ("the
    president") stays its phrase: nobody is the target of their own act unless the text says
    "himself"."""
    agent, rec, span = roles.get("agent"), roles.get("recipient"), f.roles.get("recipient")
    if not agent or not rec or span is None or not agent.get("id") or rec.get("id") != agent["id"]:
        return
    head = _head_word(span)
    if head not in PERSON_PRONOUNS:
        if span.text[:1].islower() and not head.endswith(("self", "selves")):
            # "Lebed's spokesman said he might meet the president": a title read as the
            # agent names someone else, unresolved here
            roles["recipient"] = _phrase_actor(span)
        return
    other = idx.other_person(span.start, agent["id"], pronoun=head)
    if other is None:
        del roles["recipient"]
    else:
        roles["recipient"] = {
            "id": other.id,
            "name": other.name,
            "type": other.type,
            "text": span.text,
        }


def _lemma_in(word: str, words: frozenset[str]) -> bool:
    """A plural or singular common noun in a word list ("relatives" in [relative])."""
    return bool({word, word.removesuffix("s"), word.removesuffix("es")} & words)


def _people_of(
    span: RoleSpan, idx: _Index, ent: Entity, head: str, nouns: frozenset[str] | None = None
) -> bool:
    """Whether a person named just before or after a common people noun only labels the people
    who act ("Obama's lawyers", "Elian's Miami relatives", "a former girlfriend of X")."""
    if not head.islower() or not _lemma_in(head, nouns or load_ontology().actor_nouns):
        return False
    before = [
        e for s, e, m in idx.mentions if m is ent and span.start <= s and e <= span.head_start
    ]
    if before:  # "Obama's lawyers", "Elian's Miami relatives"
        gap = span.text[max(before) - span.start : span.head_start - span.start]
        return len(gap.split()) <= 2 and "," not in gap
    words = _words_to(span, idx, ent)
    if words is not None:  # "a former girlfriend of X", "advisers to X", "a group including X"
        # ("creditors of bankrupt shipyard X", "a group including several members of the X
        # family": a description between, in lower case)
        return words[:1] in (["of"], ["to"], ["for"], ["including"]) and (
            len(words) <= 2 or (len(words) <= 6 and all(w.islower() for w in words))
        )
    return False


def _words_to(span: RoleSpan, idx: _Index, ent: Entity) -> list[str] | None:
    """The words between the phrase's head and the entity's first mention after it, inside
    the phrase ("advisers [to] X"); None when the phrase names it after its head nowhere."""
    after = [s for s, e, m in idx.mentions if m is ent and span.head_end <= s and e <= span.end]
    if not after:
        return None
    return span.text[span.head_end - span.start : min(after) - span.start].split()


def _group_including(span: RoleSpan, idx: _Index, ent: Entity) -> bool:
    """Whether the entity is named only as part of the group the phrase's head is ("a group
    including several members of the X family", "investors including X")."""
    return (_words_to(span, idx, ent) or [])[:1] == ["including"]


def _thing(span: RoleSpan, idx: _Index) -> dict[str, Any]:
    ent = idx.entity_at(span.head_start, span.head_end)
    return {"text": span.text, "entity_id": ent.id if ent is not None else None}


def _place(span: RoleSpan, idx: _Index) -> dict[str, Any]:
    p = idx.place_at(span.start, span.end)
    if p is None:
        p = Place(span.start, span.end, span.text)
    return p.to_dict()


def _appositive_name(span: RoleSpan, idx: _Index) -> Entity | None:
    """The person a phrase names after a comma at its end ("his mother, former presenter
    Theresa Lowe"): the phrase's own referent, not an organisation named in passing."""
    comma = span.text.find(", ")
    if comma < 0:
        return None
    between = f" {span.text[span.head_end - span.start : comma]} "
    if " by " in between:
        return None  # "a group led by Giant and its chairman, Burt Sugarman": the chairman's
    if _OWNED_BY.search(span.text, comma):
        return None  # "the company, 60%-owned by investor Carl Benton": its owner
    end = span.start + len(span.text.rstrip(" ,"))
    return next(
        (
            e
            for s, e_end, e in idx.mentions
            if e.type == "PERSON" and e_end == end and s > span.start + comma
        ),
        None,
    )


_NEW_ONE = re.compile(r"^(?:the |a )?(?:new|newly formed|planned|proposed)\b", re.I)
_OWNED_BY = re.compile(r"\b(?:owned|controlled|held) by\b")
# a relative clause after a speaker's head ("officers who had been searching for X"), not the
# pronoun a phrase ends on ("many of whom") nor the clause that is all a pronoun says ("those
# who know me", "27 percent of those who named a candidate")
_DANGLING = re.compile(r"(?:[\s,]+(?:in|on|at|of|for|with|by|from|to|under|about))*[\s,]*$")
_WHO_CLAUSE = re.compile(
    r"(?<!\bthose )(?<!\bsome )(?<!\bothers )(?<!\banyone )(?<!\beveryone )(?<!\bmany )"
    r"\b(?:who|whom|whose|which|that)\b(?=\s+\S)",
    re.IGNORECASE,
)


_NAME_LINKS = frozenset({"for", "against", "without"})  # "Americans for Prosperity"


def _named_after_org_title(span: RoleSpan, idx: _Index) -> Entity | None:
    """ "Americans for Prosperity president Tim Phillips said": an organisation whose name the
    tagger missed, a lower-case title and a person; the parser heads the phrase on the name's
    first word ("Americans"), but the person speaks. A capitalised title or a lower-case word
    after "for" ("Lawyers for former President X", "… for the family spokesman X") is no such
    name: those phrases are left to the rules below."""
    if not _NAME_LINKS.intersection(span.text.split()):
        return None  # most phrases: no mention scan
    person = next(
        (
            (s, ent)
            for s, e, ent in idx.mentions
            if ent.type == "PERSON" and e == span.end and span.start < s
        ),
        None,
    )
    if person is None or "," in span.text:
        return None
    before = span.text[: person[0] - span.start].split()
    link = next((k for k, w in enumerate(before) if w in _NAME_LINKS), None)
    if link is None or link == 0 or not before[0][:1].isupper():
        return None
    named = [w for w in before[link + 1 :] if w not in ("a", "an", "the", "of", "and", "&")]
    titles = office_words()
    capitals = 0
    while capitals < len(named) and named[capitals][:1].isupper():
        capitals += 1
    tail = named[capitals:]  # "executive director", "national spokeswoman"
    if capitals == 0 or not tail or tail[-1] not in titles or any(not w.islower() for w in tail):
        return None
    return person[1]


def _speaker(span: RoleSpan, idx: _Index, onto: Ontology) -> dict[str, Any]:
    """Name a speaker: its entity, a government metonym/leader, or the phrase itself, with the
    country of a nationality modifier ("Iranian military officials" → Iran) when there is one."""
    titled = _named_after_org_title(span, idx)
    if titled is not None:
        return {"name": titled.name, "type": "PERSON", "entity_id": titled.id, "text": span.text}
    words = span.text.split()
    country = next((c for k, c in onto.metonyms.items() if k.lower() in span.text.lower()), None)
    if country is None and words and words[-1].lower() in GROUP_HEADS:
        country = next(
            (onto.leaders[w.strip("'’s")] for w in words[:-1] if w.strip("'’s") in onto.leaders),
            None,
        )
    if country is not None:  # "the Kremlin", "the Biden administration" speak for a country
        ent = idx.by_name.get(country.lower())
        return {
            "name": country,
            "type": "GPE",
            "entity_id": ent.id if ent else None,
            "text": span.text,
        }
    ent = idx.entity_at(span.head_start, span.head_end) or idx.by_surname(span.text)
    head = _head_word(span)
    if (
        ent is not None
        and ent.type == "GPE"
        and head.endswith("s")
        and head != ent.name.lower()
        and _counted_people(span, idx)
    ):  # "Some Kenyans complained": those people, not Kenya
        return {
            "name": span.text,
            "type": "GROUP",
            "entity_id": None,
            "text": span.text,
            "country": ent.name,
            "country_entity_id": ent.id,
        }
    if ent is not None and ent.type != "NORP" and not _hyphenated_head(span):
        return {"name": ent.name, "type": ent.type, "entity_id": ent.id, "text": span.text}
    owner = _OWNED_BY.search(span.text, span.head_end - span.start)
    # "the company, 98.6%-owned by investor Kirk Kerkorian, announced": the company speaks;
    # "police officers who had been searching for Howes concluded": the officers, not Howes
    clause = _WHO_CLAUSE.search(span.text, span.head_end - span.start)
    cuts = [m.start() for m in (owner, clause) if m is not None]
    inner = idx.entities_in(span.start, span.start + min(cuts) if cuts else span.end, span.text)
    org = next((e for e in inner if e.type in ("ORG", "PERSON")), None)
    named = _appositive_name(span, idx)
    if named is not None:  # "His mother, former RTE presenter Theresa Lowe, adds …": she
        return {"name": named.name, "type": named.type, "entity_id": named.id, "text": span.text}
    aged = idx.aged_person(span)
    if aged is not None:  # "the 56-year-old said": the person the story follows
        return {"name": aged.name, "type": aged.type, "entity_id": aged.id, "text": span.text}
    if org is not None and org.type in ("PERSON", "ORG") and _lemma_in(head, onto.own_voice_nouns):
        org = None  # "a former girlfriend of X said", "Acme's rivals say": they speak, not X
    grouped = org is not None and _group_including(span, idx, org)
    if grouped:
        org = None  # "a group including members of the X family urged": the group speaks
    if org is None and head in ORG_HEADS and not span.indefinite and not grouped:
        org = idx.antecedent(span.start, ("ORG",), company=head in COMPANY_HEADS)
    if org is not None:  # "analysts at the Institute", "a spokesman for Company X"
        return {"name": org.name, "type": org.type, "entity_id": org.id, "text": span.text}
    country = next((e for e in inner if e.type in ("GPE", "NORP")), None)
    # who they are: "a truck maker in which Ford has a stake" is the truck maker
    name = _DANGLING.sub("", span.text[: clause.start()]) if clause else span.text
    for det in ("the ", "a ", "an ", "The ", "A ", "An "):
        name = name.removeprefix(det)
    out = {"name": name, "type": "GROUP", "entity_id": None, "text": span.text}
    if country is not None:
        out["country"] = country.name
        out["country_entity_id"] = country.id
    return out


def _same_again(
    speaker: RoleSpan | None, by_head: dict[str, dict[str, Any]], text: str
) -> dict[str, Any] | None:
    """ "The spokesman" after "an Acme spokesman": the speaker named before by that head word
    (only a bare "the" + head, which names no one new)."""
    if speaker is None or " " in speaker.text.strip():
        return None
    if text[max(0, speaker.start - 4) : speaker.start].lower() != "the ":
        return None
    return by_head.get(speaker.text.strip().lower())


def _claim_id(article_key: str, frame: Frame, roles: dict[str, Any]) -> str:
    """A frame's provisional id (claimgraph.ids), its evidence offset standing in for the
    occurrence so that only the same sentence's fan-out duplicates collapse here."""
    record = {"event": frame.event, **roles, "evidence": {"text": frame.evidence.text}}
    return ids.claim_id(article_key, record, frame.evidence.start)


def resolve_claims(
    frames: list[Frame],
    *,
    entities: list[Entity],
    places: list[Place],
    times: list[TimeSpan],
    published: datetime | None,
    publisher: str,
    article_key: str = "",
    onto: Ontology | None = None,
    text: str | None = None,
    published_granularity: str | None = None,
) -> list[Claim]:
    """Turn frames into claims; frames must be in text order (anaphoric speakers look back).
    With the article `text`, a time stated in a claim's sentence can date it."""
    onto = onto or load_ontology()
    # country_view: "Iraqi troops" act for Iraq
    idx = _Index(country_view(entities), places, times, text or "")
    last_named: dict[str, Any] | None = None
    narrative: Stated = None
    incidents: dict[str, dict[str, Any]] = {}  # event noun -> the date its mention gave it
    claims: list[Claim] = []
    seen: set[str] = set()
    telling: list[tuple[int, int, dict[str, Any], str]] = []  # reports by a speaker, in order
    by_head: dict[str, dict[str, Any]] = {}  # a named speaker's source by its phrase's head
    for f in frames:
        at = f.speaker.start if f.speaker is not None else -1
        enclosing = next(
            ((src, head) for s, e, src, head in reversed(telling) if s <= at < e), None
        )  # the report this speaker speaks inside, and its speaker's head word
        source = _source(f, idx, onto, publisher, last_named, enclosing)
        again = _same_again(f.speaker, by_head, idx.text)
        if again is not None:  # "An Acme spokesman said … The spokesman said": Acme's again
            source = {**again, "text": f.speaker.text}  # type: ignore[union-attr]
        if f.speaker is not None and not f.speaker_anaphoric:
            head = _head_word(f.speaker)
            telling.append((f.evidence.start, f.evidence.end, source, head))
            if source.get("entity_id") or source.get("type") in ("ORG", "PERSON", "GPE"):
                by_head[head] = source
        if source.get("type") == "PERSON" and source.get("entity_id") and not f.speaker_anaphoric:
            # "Trump said he would …": the speaker is who "he" most likely is
            idx.focus = idx.by_id.get(source["entity_id"]) or idx.focus
        roles: dict[str, Any] = {}
        for name in ACTOR_ROLES:
            if name in f.roles:
                roles[name] = _actor(f.roles[name], idx, acting=name != "recipient")
        for name in THING_ROLES:
            if name in f.roles:
                roles[name] = _thing(f.roles[name], idx)
        if "location" in f.roles:
            roles["location"] = _place(f.roles["location"], idx)
        _not_self(roles, f, idx)
        if _relative_speaks_of_self(f, source, onto):
            roles["agent"] = _source_actor(source)
        agent = roles.get("agent")
        unnamed = agent is None or (agent.get("id") is None and agent["name"].lower() in _SELF)
        said_by = f.roles.get("agent")
        speaking = (  # "The warning … said": the document's author is the source it points to
            f.speaker is not None
            and said_by is not None
            and (said_by.start, said_by.end) == (f.speaker.start, f.speaker.end)
            and (
                (f.speaker_anaphoric and _is_document(f.speaker, onto.document_speakers))
                or again is not None  # "the spokesman said": Acme's spokesman again
            )
        )
        first_person = unnamed and agent is not None and agent["name"].lower() != "you"
        if (speaking or (f.event == "STATEMENT" and unnamed) or first_person) and not source.get(
            "is_publisher"
        ):
            # a quoted sentence's speaker states it; "I'm telling X to retire", "we are engaging
            # with X": the speaker acts (for their side)
            roles["agent"] = _source_actor(source)
        if (
            said_by is not None
            and f.speaker is not None
            and not f.speaker_anaphoric
            and (said_by.start, said_by.end) == (f.speaker.start, f.speaker.end)
            and _appositive_name(f.speaker, idx) is not None
        ):  # "a spokesman for Acme, John Miller, said …": Miller says it and does it
            roles["agent"] = _source_actor(source)
        if roles.get("agent") is None and _acts_as_reported(f, source, onto):
            roles["agent"] = _source_actor(source)  # "police said two men were arrested"
        if (
            said_by is not None
            and f.speaker is not None
            and f.speaker_anaphoric
            and (said_by.start, said_by.end) == (f.speaker.start, f.speaker.end)
            and f.speaker.text.lower() in PERSON_PRONOUNS
            and _unnamed_teller(enclosing, f.speaker.text.lower())
        ):  # "she believed …" inside the officer's report: she, the officer, believes it
            roles["agent"] = _source_actor(source)
        if f.speaker is not None and not f.speaker_anaphoric:
            last_named = source
        for actor in (roles.get("agent"), source):
            if actor and actor.get("type") == "PERSON" and actor.get("entity_id", actor.get("id")):
                idx.focus = idx.by_id.get(actor.get("entity_id") or actor.get("id")) or idx.focus
        time = _season(_part_of_day(_time(f, idx, published, text, published_granularity)))
        narrative = _scene_time(narrative, idx.times, text or "", f.evidence.start)
        narrative = _present_again(narrative, idx.times, text or "", f.evidence.start, published)
        time, narrative = _narrative_time(f, time, narrative, published)
        time, narrative = _period_time(f, time, narrative, text or "")
        time = _incident_time(f, time, incidents, onto)
        for filled in _each_named(f, roles, idx):
            cid = _claim_id(article_key, f, filled)
            if cid in seen:
                continue
            seen.add(cid)
            claims.append(
                Claim(
                    id=cid,
                    event=f.event,
                    polarity=f.polarity,
                    modality=f.modality,
                    time=time,
                    quantity=f.quantity,
                    source=source,
                    evidence={
                        "start": f.evidence.start,
                        "end": f.evidence.end,
                        "text": f.evidence.text,
                    },
                    **filled,
                )
            )
    claims = _causes_dated(_victims_dated(claims))
    if text and _sports_report(text, onto):
        claims = [c for c in claims if not _a_play(c, onto)]
    final = merge_restatements(_company_figures(claims, onto.events["MEASURE"].owned_figures))
    for c in final:  # merging and owner inference change a claim: its id follows its content
        c.id = _content_id(article_key, c)
    return final


def _is_document(span: RoleSpan, documents: frozenset[str]) -> bool:
    """Whether a speaker's head word names a document ("the warning", "the statements")."""
    word = _head_word(span)
    return word in documents or (word.endswith("s") and word[:-1] in documents)


_PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(MO|AF|EV|NI|DT)$")


def _part_of_day(time: dict[str, Any] | None) -> dict[str, Any] | None:
    """ "Friday morning" dates a claim to that Friday: the TimeML value 1998-08-21TMO keeps its
    part of day beside a day value, so claims of the same day line up."""
    m = _PART_OF_DAY.match(str((time or {}).get("value") or ""))
    if m is None:
        return time
    return {**time, "value": m.group(1), "granularity": "day", "part_of_day": m.group(2)}


_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")


def _season(time: dict[str, Any] | None) -> dict[str, Any] | None:
    """ "last fall" dates a claim to its year: the TimeML season value 1998-FA is no claim
    granularity (day, week, month, quarter, year), so the season is kept beside the year."""
    m = _SEASON.match(str((time or {}).get("value") or ""))
    if m is None:
        return time
    return {**time, "value": m.group(1), "granularity": "year", "season": m.group(2)}


def _content_id(article_key: str, c: Claim) -> str:
    """The id of a finished claim (claimgraph.ids: article, event, roles, evidence text)."""
    return ids.claim_id(article_key, c.to_dict())


NARRATIVE_WINDOW = 1500  # characters: how far a stated time carries to later undated claims

Stated = tuple[int, dict[str, Any]] | None


def _after(value: Any, published: datetime | None) -> bool:
    """Whether a time value begins after the publication day ("the third quarter of 1990" in a
    story of October 1989): a time the text looks ahead to."""
    m = re.match(r"(\d{4})(?:-(?:(\d{2})|Q(\d)|W(\d{2})))?(?:-(\d{2}))?", str(value or ""))
    if m is None or published is None:
        return False
    year, month, quarter, week, day = m.groups()
    try:
        if week:
            begins = date.fromisocalendar(int(year), int(week), 1)
        else:
            first = int(month) if month else (int(quarter) - 1) * 3 + 1 if quarter else 1
            begins = date(int(year), first, int(day) if day else 1)
    except ValueError:
        return False
    today = published.date() if isinstance(published, datetime) else published
    return begins > today


def _narrative_time(
    f: Frame, time: dict[str, Any] | None, last: Stated, published: datetime | None = None
) -> tuple[dict[str, Any] | None, Stated]:
    """News tells a story in its own time: "Ogden said net rose in the third quarter. Revenue
    soared to $101.7m." — an event told in the simple past whose only date would be the
    publication day takes the time the text last stated for an event just before it (basis
    "context", the day kept in "published"); "has risen" or "rises" keeps the day."""
    t = time or {}
    start = f.evidence.start
    if t.get("basis") in ("event", "sentence") and t.get("value"):
        words = str(t.get("text") or "").lower().split()
        baseline = load_ontology().baseline_words
        if words and (
            words[-1] in baseline
            # "in the year-earlier quarter", "the previous year" (not "earlier this month")
            or any(w in baseline and ("-" in w or w in ("previous", "prior")) for w in words)
        ):
            return time, last  # "had net of $1.1m a year ago": dates that claim, not the story
        end = t.get("end")
        obj = f.roles.get("object")
        heads = [f.trigger.start] if f.nominal else []
        if obj is not None and not f.nominal and _incident_noun(_head_word(obj), load_ontology()):
            heads.append(obj.head_start)  # a light verb's event noun ("planned the … bombings")
        if isinstance(end, int) and any(0 <= h - end <= 3 for h in heads):
            # "the August 7 bombings", "planned the March 3 bombings": a date in passing
            return time, last
        if f.modality in ("predicted", "planned", "suspected") or _after(t.get("value"), published):
            # "analysts predict sluggish growth for the fourth quarter", "he thinks they will
            # report losses through the third quarter of 1990": a time looked ahead to, not
            # where the story of what happened has got to; nor is a suspect's past act ("two
            # men suspected of bombing a jet in 1988")
            return time, last
        return time, (start, t)
    if t.get("basis") == "report" and t.get("value"):
        # "investigators said Friday they found a rifle. The gun was sent to a lab": the story
        # has reached the day of the report
        return time, (start, t)
    if (
        t.get("basis") == "published"
        and f.past
        and last
        # "Coleco, whose stock peaked in the early 1980s, filed …": a clause inside this
        # claim's own sentence is no earlier part of the story
        and last[0] < start
        and start - last[0] < NARRATIVE_WINDOW
        and not (f.speaker is not None and _years_apart(last[1].get("value"), t.get("value")))
    ):  # a speaker's report is news of the day, not of the history told before it ("… when
        # Batista fled in 1959. Castro said he sympathized with the boy's father")
        return {**last[1], "basis": "context", "published": t.get("value")}, last
    return time, last


# "net for the nine months", "in the first half", "first-half profit", "for the year": a part
# of the year the story is in (a one-line pattern for the periods company results are told in)
_PERIOD = re.compile(
    r"\b(?:(?:for|in|during|over)\s+the\s+(?:first\s+)?(?:six|nine)\s+months"
    r"|(?:for|in|during|over)\s+the\s+(?P<half>first|second)\s+half"
    r"|(?P<adj>first|second)-half"
    r"|(?:for|in|during|over)\s+the\s+(?:fiscal\s+|full\s+)?year(?!-)"
    r"|full-year|(?:six|nine)-month)\b",
    re.IGNORECASE,
)


def _period_time(
    f: Frame, time: dict[str, Any] | None, last: Stated, text: str
) -> tuple[dict[str, Any] | None, Stated]:
    """ "Ogden said net rose in the third quarter. Net for the nine months was $254m": a figure
    told for a part of the year is of that year (a half: "YYYY-H1"), the year the story is in
    (its last stated time), not the quarter told before; later undated figures follow it."""
    t = time or {}
    if t.get("basis") not in ("context", "published") or not text:
        return time, last
    ev = f.evidence
    opening = _sentence_start(text, ev.start)
    sentence = text[opening : _sentence_end(text, ev.end)]
    m = _PERIOD.search(sentence)
    year = str((last[1] if last else t).get("value") or "")[:4]
    if m is None or not year.isdigit():
        return time, last
    half = (m.group("half") or m.group("adj") or "").lower()
    value = f"{year}-H{1 if half == 'first' else 2}" if half else year
    start = opening + m.start()
    span = TimeSpan(start, opening + m.end(), m.group(0), value, "half" if half else "year")
    stated = {
        **span.to_dict(),
        "basis": "sentence",
        "published": t.get("published") or t.get("value"),
    }
    return stated, (start, stated)


_SCENE = re.compile(r"\s*(?:(?:on|in|at|by|early|late|later|that|the|night|morning)\s+)*", re.I)


def _scene_time(last: Stated, times: list[TimeSpan], text: str, before: int) -> Stated:
    """ "On Aug. 7, Bushnell had just ended a news conference. They were talking when the bomb
    went off": a date opening a sentence sets the scene for the story told after it, even
    when its own sentence states no claim (a one-line narrative rule)."""
    for t in times:
        if t.start >= before or (last is not None and t.start <= last[0]):
            continue
        if t.type != "DATE" or t.granularity not in ("day", "month") or not t.value:
            continue
        opening = max(text.rfind(". ", 0, t.start), text.rfind("\n", 0, t.start)) + 1
        if not _SCENE.fullmatch(text[opening : t.start]):
            continue  # a date inside a sentence dates that sentence's events only
        stated = {**t.to_dict(), "basis": "sentence"}
        last = (t.start, stated)
    return last


def _present_again(
    last: Stated, times: list[TimeSpan], text: str, before: int, published: datetime | None
) -> Stated:
    """ "Last April, X planned to buy 30% … Shareholders responded coolly to yesterday's
    announcement. Cineplex closed at $11": a day of the report's own week up to its day, named
    in a sentence after the story's last stated time (in any phrase, with or without a claim of
    its own), brings the story back to that day; later undated events are of it, not of April
    (a day ahead, "I will leave tomorrow", tells no story)."""
    if last is None or published is None or not text:
        return last
    from claimgraph.resolve.times import sentence_bounds

    day = published.date() if isinstance(published, datetime) else published
    after_story = sentence_bounds(text, last[0], last[0])[1]  # the stated time's sentence end
    here = sentence_bounds(text, before, before)[0]
    for t in times:
        if not after_story <= t.start < here or t.type != "DATE" or t.granularity != "day":
            continue  # (a day in the claim's own sentence dates it directly)
        try:
            when = date.fromisoformat(str(t.value)[:10])
        except ValueError:
            continue
        if 0 <= (day - when).days <= 7 and str(t.value)[:10] != str(last[1].get("value"))[:10]:
            last = (t.start, {**t.to_dict(), "basis": "sentence"})
    return last


def _years_apart(told: Any, day: Any) -> bool:
    """Whether a stated time lies two or more calendar years before the publication day."""
    a, b = str(told or "")[:4], str(day or "")[:4]
    return a.isdigit() and b.isdigit() and int(b) - int(a) >= 2


_UNDATED = ("published", "context", "report")


def _incident_noun(word: str, onto: Ontology, before: str = "") -> str | None:
    """The event noun a word is ("bombings" -> bombing), if it is one; the word before it may
    make it another ("car bomb attack" -> bombing)."""
    word = word.lower()
    noun = next((w for w in (word, word.removesuffix("s")) if w in onto.nouns), None)
    said = before.lower().split()[-1:]
    if noun is not None and said and said[0] in onto.incident_modifiers:
        return onto.incident_modifiers[said[0]]
    return noun


def _incident_time(
    f: Frame, time: dict[str, Any] | None, incidents: dict[str, dict[str, Any]], onto: Ontology
) -> dict[str, Any] | None:
    """ "the August 7 bombings" … "A car bombing outside the embassy killed 10 people": an event
    named again by the same noun without a date (or a claim caused by such a mention) keeps the
    date its earlier mention gave it, not the publication day (basis "mention", the day kept).
    Keyed by the noun, not the type: "the strikes" of another day are another incident."""
    t = time or {}
    ev = f.evidence
    before = ev.text[: f.trigger.start - ev.start] if ev.start <= f.trigger.start else ""
    noun = _incident_noun(f.trigger.text, onto, before) if f.nominal else None
    end = t.get("end")
    given = t.get("basis") == "event" or (
        t.get("basis") == "sentence" and isinstance(end, int) and 0 <= f.trigger.start - end <= 3
    )
    if noun is not None and given and t.get("value"):
        incidents[noun] = t  # "the August 7 bombings": the date is the incident's own
        return time
    if t.get("basis") not in _UNDATED:
        return time
    for role in ("object", "agent"):
        span = f.roles.get(role)
        if noun is None and span is not None:
            head = _head_word(span)
            noun = _incident_noun(head, onto, span.text[: max(0, span.head_start - span.start)])
    if noun is None or noun not in incidents:
        return time
    day = t.get("published") or t.get("value")
    return {**incidents[noun], "basis": "mention", "published": day}


_HARMS = frozenset({"ATTACK", "KILL", "ASSAULT"})


def _causes_dated(claims: list[Claim]) -> list[Claim]:
    """ "The bombings killed 224 people on Aug. 7, 1998": the event noun that does the act
    (the killing's object, a mention inside its evidence) happened when the act did."""
    for act in claims:
        t = act.time or {}
        cause = str((act.object or {}).get("text") or "").lower()
        if t.get("basis") not in ("event", "sentence") or not t.get("value") or not cause:
            continue
        ev = act.evidence or {}
        for c in claims:
            told = c.evidence or {}
            if (
                c is not act
                and (c.time or {}).get("basis") in _UNDATED
                and ev.get("start", 0) <= told.get("start", -1) < ev.get("end", 0)
                and str((c.object or {}).get("text") or "").lower() == cause
                and cause in str(told.get("text") or "").lower()
                and len(str(told.get("text") or "")) < len(str(ev.get("text") or ""))
            ):
                day = (c.time or {}).get("published") or (c.time or {}).get("value")
                c.time = {**t, "basis": "mention", "published": day}
    return claims


def _victims_dated(claims: list[Claim]) -> list[Claim]:
    """ "days after a sniper killed Dr. Barnett Slepian" … "the Oct. 23 slaying of Slepian":
    the killing of a named person that the text dates once dates the undated mentions of that
    killing and of the attack on that person, before or after it (basis "mention"); a person
    killed on two dates (two people of one surname) gives none."""

    people = {  # surnames of the people harmed, named in full
        str(c.recipient.get("name")).split()[-1]
        for c in claims
        if c.event in _HARMS and c.recipient and c.recipient.get("type") == "PERSON"
    }

    def victim(c: Claim) -> str:  # by surname: "Dr. Barnett Slepian" … "Slepian" (however
        name = str((c.recipient or {}).get("name") or "")  # the tagger typed the lone surname)
        last = name.split()[-1] if name.split() else ""
        return last if c.event in _HARMS and last in people else ""

    dated: dict[str, set[str]] = {}
    given: dict[str, dict[str, Any]] = {}
    for c in claims:  # (a killing, done once; "attacked Machado" in words may be done daily)
        who, t = victim(c), c.time or {}
        if c.event == "KILL" and who and t.get("basis") in ("event", "sentence") and t.get("value"):
            dated.setdefault(who, set()).add(str(t.get("value")))
            given[who] = t
    for c in claims:
        who, t = victim(c), c.time or {}
        if who and len(dated.get(who, ())) == 1 and t.get("basis") in _UNDATED:
            day = t.get("published") or t.get("value")
            c.time = {**given[who], "basis": "mention", "published": day}
    return claims


_AT_COMPANY = re.compile(r"(?:[A-Z]\w+, )?At ([A-Z][\w&.\-]*)[\w&.\- ]*?(?:'s [\w\- ]+)?, ")


def _company_figures(claims: list[Claim], figures: frozenset[str]) -> list[Claim]:
    """ "Revenue soared to $101.7m" in a story about a company's results: a company figure with
    no owner named belongs to the company whose figures the story has been giving."""
    owner: dict[str, Any] | None = None
    named = {  # the companies the claims name, by the first word of their name
        str(a.get("name")).split()[0]: a
        for c in claims
        for a in (c.agent, c.recipient)
        if a and a.get("type") == "ORG" and a.get("name")
    }
    for article in ("The", "A", "An"):  # "The company's revenue" names no "The Times"
        named.pop(article, None)
    for c in claims:
        if c.event != "MEASURE":
            continue
        if c.agent and c.agent.get("type") == "ORG":
            owner = c.agent
            continue
        at = _AT_COMPANY.match(str((c.evidence or {}).get("text") or ""))
        if c.agent is None and at and at.group(1) in named:
            # "At GMAC, net dropped 3.1%": the company the sentence opens at
            c.agent = owner = {**named[at.group(1)], "text": None, "inferred": True}
            continue
        said = str((c.object or {}).get("text") or "").split()
        if c.agent is None and len(said) > 1 and said[0] in named:
            # "Telerate shares fell": the company the figure names, not the story's company
            c.agent = {**named[said[0]], "text": None, "inferred": True}
            continue
        words = [w.lower() for w in said]
        cut = next((k for k, w in enumerate(words) if w in ("of", "for", "in", "from")), None)
        words = words[:cut] if cut else words  # "a gain of $9.7m": the noun before its figure
        head = words[-1].rstrip("s") if words else ""
        if words[-1:] == ["stocks"]:
            continue  # "In Tokyo, stocks closed lower": a market's, a company has one stock
        if c.agent is None and owner is not None and (head in figures or words[-1:] == ["sales"]):
            c.agent = {**owner, "text": None, "inferred": True}
    return claims


def _restatement_key(c: Claim) -> tuple[Any, ...]:
    """What a claim states, without where: event, polarity, actors, object head, place, figure."""

    def name(r: dict[str, Any] | None) -> str:
        if not r:
            return ""
        text = str(r.get("name") or r.get("text") or "").lower()
        return " ".join(w for w in text.split() if w not in ("the", "a", "an"))

    obj = name(c.object).split()
    qty = (c.quantity or {}).get("value")
    # a statement is restated only with the same words: two sayings of one source that end
    # on the same noun ("… metropolitan areas", "… GOP-leaning areas") are two statements
    said = " ".join(obj) if c.event == "STATEMENT" else (obj[-1] if obj else "")
    return (
        c.event,
        c.polarity,
        name(c.agent),
        name(c.recipient),
        said,
        name(c.location),
        qty,
    )


def _relative_speaks_of_self(f: Frame, source: dict[str, Any], onto: Ontology) -> bool:
    """ "Elian Gonzalez's father said he wants …": "he" is the father who speaks (a relation
    noun of the pronoun's sex), not the person the speaker is named by."""
    agent, speaker = f.roles.get("agent"), f.speaker
    if agent is None or speaker is None or f.speaker_anaphoric or source.get("entity_id"):
        return False
    pronoun, head = _head_word(agent), _head_word(speaker)
    return (
        pronoun in PRONOUN_GENDER
        and _lemma_in(head, onto.own_voice_nouns)
        and noun_gender(head) in (None, PRONOUN_GENDER[pronoun])
    )


def _source_actor(source: dict[str, Any]) -> dict[str, Any]:
    """A claim's source as the actor record of its agent."""
    return {
        "id": source.get("entity_id"),
        "name": source.get("name"),
        "type": source.get("type"),
        "text": source.get("text"),
    }


def _acts_as_reported(f: Frame, source: dict[str, Any], onto: Ontology) -> bool:
    """Whether the body reporting an act that names no doer did it itself: an arrest, charge,
    release or sanction told by police, prosecutors, a ministry or a department."""
    if source.get("is_publisher") or not onto.events[f.event].speaker_acts:
        return False
    if source.get("type") not in ("ORG", "GROUP"):
        return False
    words = str(source.get("name") or "").lower().replace(".", "").split()
    return any(_lemma_in(w, onto.acting_sources) for w in words)


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Whether the text dates two claims to different times of their own (an acquittal in
    1989 and a release in 2020 are two events, however alike their roles)."""
    ta, tb = a.time or {}, b.time or {}
    own = ("event", "sentence", "mention")
    return (
        ta.get("basis") in own
        and tb.get("basis") in own
        and bool(ta.get("value"))
        and bool(tb.get("value"))
        and ta.get("value") != tb.get("value")
    )


# a game's score ("won 3-1", "a 2-2 pitch"), not a date's "08-26" nor a "1-800" number
_SCORE = re.compile(r"(?<![\d-])\d{1,2}-\d{1,2}(?![\d-])")
_WORD = re.compile(r"[a-z][a-z-]*")


def _sports_report(text: str, onto: Ontology) -> bool:
    """Whether the article reports sport: five different sports words (events.yaml
    sports_cues), or four and a score."""
    cues = {w for w in _WORD.findall(text.lower()) if w in onto.sports_cues}
    return len(cues) >= 5 or (len(cues) >= 4 and _SCORE.search(text) is not None)


def _a_play(c: Claim, onto: Ontology) -> bool:
    """A play of the game in a sports report: "Greer hit a 1-1 pitch", "Atletico struck
    back", "struck a superb 176 at The Oval" (an event type marked play_in_sport with no one
    as its victim; "a stone struck his head as he drove from the stadium" stays)."""
    spec = onto.events.get(c.event)
    if spec is None or not spec.play_in_sport:
        return False
    victim = c.recipient or {}
    return not victim or victim.get("type") in ("FAC", "LOC", "GPE")


def merge_restatements(claims: list[Claim]) -> list[Claim]:
    """One claim per statement per document: a claim restated (headline and body, a summary
    line) keeps the fullest evidence and lists the other spans in evidence["also"]."""
    by_key: dict[tuple[Any, ...], Claim] = {}
    out: list[Claim] = []
    for c in claims:
        key = _restatement_key(c)
        # no actor, place or figure to compare on ("a figure of 4%" said twice is one claim)
        bare = not any(key[2:4]) and not key[5] and key[6] is None
        if (c.event in ("STATEMENT", "MEASURE") and not key[4]) or bare:
            # nothing to compare on: "the explosion" twice may be two explosions; keep both
            out.append(c)
            continue
        first = by_key.get(key)
        if first is None or _dated_apart(first, c):
            by_key.setdefault(key, c)
            out.append(c)
            continue
        ev, other = dict(first.evidence or {}), dict(c.evidence or {})
        if ev.get("start") == other.get("start"):
            continue  # the same sentence's fan-out duplicate
        also = ev.pop("also", [])
        if len(other.get("text") or "") > len(ev.get("text") or ""):
            ev, other = other, ev
        ev["also"] = sorted([*also, other], key=lambda e: e["start"])
        first.evidence = ev
    return out


def _pointed_speaker(ent: Entity, text: str, publisher: str) -> dict[str, Any]:
    """A speaker named earlier, pointed back to by "he" or "the minister"."""
    return {
        "name": ent.name,
        "type": ent.type,
        "entity_id": ent.id,
        "text": text,
        "anaphoric": True,
        "chain": [publisher, ent.name],
        "is_publisher": False,
    }


_AGED = re.compile(r"(?:the\s+)?\d{1,3}-year-old\b", re.IGNORECASE)


def _unnamed_teller(teller: tuple[dict[str, Any], str] | None, pronoun: str) -> bool:
    """Whether a report's speaker is a person the text leaves unnamed ("a police officer",
    "a spokesman for X"), whom a "she"/"he" speaking inside that report is (a one-line
    nesting rule); a named person is found by name instead."""
    if teller is None:
        return False
    source, head = teller
    if source.get("type") == "PERSON" or source.get("is_publisher"):
        return False
    onto = load_ontology()
    word = head.lower()
    person = word in onto.actor_nouns or word in onto.speaker_nouns
    return person and noun_gender(word) in (None, PRONOUN_GENDER[pronoun])


def _source(
    f: Frame,
    idx: _Index,
    onto: Ontology,
    publisher: str,
    last_named: dict[str, Any] | None,
    enclosing: tuple[dict[str, Any], str] | None = None,
) -> dict[str, Any]:
    if f.speaker is None:
        return {"name": publisher, "type": "PUBLISHER", "chain": [publisher], "is_publisher": True}
    titled = idx.titled_person(f.speaker)
    if titled is not None:  # "the interior minister said": the minister named before
        return _pointed_speaker(titled, f.speaker.text, publisher)
    pronoun = f.speaker.text.lower()
    if f.speaker_anaphoric and pronoun in PERSON_PRONOUNS and _unnamed_teller(enclosing, pronoun):
        # "A police officer told the court she believed …": she is the officer telling it
        return {**enclosing[0], "text": f.speaker.text, "anaphoric": True}  # type: ignore[index]
    if f.speaker_anaphoric and pronoun in PERSON_PRONOUNS:
        ent = idx.person(f.speaker.start, f.speaker.text)
        if ent is not None:  # "he added": the last person named
            return _pointed_speaker(ent, f.speaker.text, publisher)
    # a phrase pointing back with no one named before it ("the police said in a statement")
    # is its own speaker, as a named one is (a pronoun is not)
    if f.speaker_anaphoric and (last_named is not None or pronoun in _PRONOUNS):
        if last_named is None:
            return {
                "name": publisher,
                "type": "PUBLISHER",
                "chain": [publisher],
                "is_publisher": True,
                "text": f.speaker.text,
            }
        return {**last_named, "text": f.speaker.text, "anaphoric": True}
    sp = _speaker(f.speaker, idx, onto)
    return {**sp, "chain": [publisher, sp["name"]], "is_publisher": False}


def _time(
    f: Frame,
    idx: _Index,
    published: datetime | None,
    text: str | None = None,
    granularity: str | None = None,
) -> dict[str, Any] | None:
    """Event time, else a time stated in the claim's sentence, else the report's time, else the
    publication date (each says which in `basis`). An event the clause puts before the report
    ("had ordered") or after it (planned, predicted) gets no value rather than the publication
    day (basis "before_published" / "after_published", the date kept in "published")."""
    from claimgraph.resolve.times import earlier_past, is_dated, sentence_time

    t = idx.time_at(f.time_spans)
    # "Monday" of an unknown week ("XXXX-WXX-1") only dates the event if nothing else can
    if t is not None and (is_dated(t) or published is None):
        return {**t.to_dict(), "basis": "event"}
    if text is not None:
        found = sentence_time(
            text, idx.times, f.trigger, f.evidence, f.report_time_spans, f.other_time_spans
        )
        if found is not None:
            return {**found[0].to_dict(), "basis": found[1]}
    t = idx.time_at(f.report_time_spans)
    if t is not None:
        return {**t.to_dict(), "basis": "report"}
    if published is None:
        return None
    day = published.date().isoformat()
    # a year- or month-only publication date is not a day: keep what the source said
    granularity = granularity if granularity in ("year", "month") else "day"
    # no stated time: an event told as before the report ("had ordered") or still to come
    # (planned, predicted) did not happen on the publication day; say so instead of dating it
    side = None
    if f.modality in ("planned", "predicted"):
        side = "AFTER"
    elif text is not None and earlier_past(text, f.trigger, f.evidence):
        side = "BEFORE"
    if side is not None:
        return {
            "start": None,
            "end": None,
            "text": None,
            "value": None,
            "granularity": None,
            "type": "DATE",
            "mod": side,
            "basis": f"{side.lower()}_published",
            "published": day,
        }
    return {
        "start": None,
        "end": None,
        "text": None,
        "value": day[: {"year": 4, "month": 7}.get(granularity, 10)],
        "granularity": granularity,
        "type": "DATE",
        "mod": None,
        "basis": "published",
    }
