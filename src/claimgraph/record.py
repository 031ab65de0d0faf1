"""The claim record, defined once: its fields, their kinds and the role names.

Why one table: the claim shape of `claimgraph extract --json` is what every later surface
stores, serves and exports — `extract.records.Claim`, the API's `Claim` model
(`web/schemas.py`), the store's indexed claim columns (`store/repo_claims.save_extraction`), the
flat export columns (`export/tables.py`) and the role tuples of STIX, graphs, profiles and the
resolver. Each of those is generated from `FIELDS` or checked against it (tests/test_record.py),
so a role added here reaches them all or fails a test naming the surface that missed it.

A field's kind says what its value looks like:

- key: a plain string that every claim has (id, event, polarity, modality);
- actor: an entity in a role, `{id, name, type, text}` (id None when unresolved);
- thing: what is moved or given, `{text, entity_id}`;
- place: a place mention and its gazetteer entry (`extract.records.Place`);
- time: a TimeML value with granularity and basis (`extract.records.TimeSpan` + basis);
- quantity: a number with its unit and relation;
- source: who the claim is attributed to, with the attribution chain;
- evidence: the span of text the claim rests on (always present).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    KEY = "key"
    ACTOR = "actor"
    THING = "thing"
    PLACE = "place"
    TIME = "time"
    QUANTITY = "quantity"
    SOURCE = "source"
    EVIDENCE = "evidence"


# The members an object of each kind may hold (some only sometimes: time.published,
# source.anaphoric / country / country_entity_id, evidence.also).
MEMBERS: dict[Kind, tuple[str, ...]] = {
    Kind.KEY: (),
    Kind.ACTOR: ("id", "name", "type", "text"),
    Kind.THING: ("text", "entity_id"),
    Kind.PLACE: (
        "start",
        "end",
        "mention",
        "name",
        "kind",
        "country",
        "admin1",
        "lat",
        "lon",
        "geonameid",
    ),
    Kind.TIME: (
        "start",
        "end",
        "text",
        "value",
        "granularity",
        "type",
        "mod",
        "basis",
        "published",
    ),
    Kind.QUANTITY: ("value", "unit", "relation", "text"),
    Kind.SOURCE: (
        "name",
        "type",
        "entity_id",
        "text",
        "chain",
        "is_publisher",
        "anaphoric",
        "country",
        "country_entity_id",
    ),
    Kind.EVIDENCE: ("start", "end", "text", "also"),
}


@dataclass(frozen=True, slots=True)
class Field:
    """One member of the claim record, in record order."""

    name: str
    kind: Kind
    doc: str

    @property
    def required(self) -> bool:
        """Present with a value on every claim (keys and evidence); the others may be null."""
        return self.kind in (Kind.KEY, Kind.EVIDENCE)

    @property
    def members(self) -> tuple[str, ...]:
        return MEMBERS[self.kind]


FIELDS: tuple[Field, ...] = (
    Field("id", Kind.KEY, "stable claim id: article and content, never offsets (claimgraph.ids)"),
    Field("event", Kind.KEY, "event type (ontology/events.yaml)"),
    Field("polarity", Kind.KEY, "positive | negative"),
    Field("modality", Kind.KEY, "how the source holds it: asserted, reported, denied, …"),
    Field("agent", Kind.ACTOR, "who acts (the giving side of a transfer)"),
    Field("recipient", Kind.ACTOR, "who receives or undergoes the act"),
    Field("supplier", Kind.ACTOR, "who an ACQUIRE gets it from ('buy drones from Iran')"),
    Field("assisted_by", Kind.ACTOR, "who helps the agent ('with the help of Iran')"),
    Field("object", Kind.THING, "what is given, built, attacked …"),
    Field("in_exchange_for", Kind.THING, "what the agent gets back ('in exchange for gold')"),
    Field("location", Kind.PLACE, "where it happens, geocoded offline when resolved"),
    Field("time", Kind.TIME, "when it happens, normalised against the dateline"),
    Field("quantity", Kind.QUANTITY, "a number the claim states"),
    Field("source", Kind.SOURCE, "who it is attributed to (the publisher when nobody is)"),
    Field("evidence", Kind.EVIDENCE, "the text span the claim rests on"),
)
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

# Role names, in record order: who takes part (actors), what changes hands (things), where.
ACTOR_ROLES: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind is Kind.ACTOR)
THING_ROLES: tuple[str, ...] = tuple(f.name for f in FIELDS if f.kind is Kind.THING)
ROLES: tuple[str, ...] = (*ACTOR_ROLES, *THING_ROLES, "location")

# What the store adds to a saved record (pipeline.write_extraction) and what reading it back
# adds (store.repo_claims.list_claims); `pk` is the storage key, never served by the API.
STORED: dict[str, str] = {"pipeline": "the pipeline version that produced it"}
READ: dict[str, str] = {
    "article_id": "the stored article it comes from",
    "article_published": "the article's publication date as the source gave it",
    "article_site": "the article's site",
}


def fields_of(*kinds: Kind) -> tuple[str, ...]:
    """Names of the record fields of these kinds, in record order."""
    return tuple(f.name for f in FIELDS if f.kind in kinds)


def member(claim: Mapping[str, Any], name: str, key: str) -> Any:
    """`claim[name][key]`, None when the field is null or lacks the member."""
    return (claim.get(name) or {}).get(key)
