"""Records that come out of extraction: what every later stage stores, queries and exports.

Offsets are character offsets into the article's cleaned text (one revision's text).
`to_dict()` gives the JSON shapes of `claimgraph extract --json` and `claimgraph claims --json`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from claimgraph.record import ROLES


def slug(text: str) -> str:
    """ASCII lowercase id part: "Institute for the Study of War" → "institute-for-the-study-of-war"."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class TimeSpan:
    """A temporal expression with its TimeML value at the granularity the text supports.

    value: "2023", "2023-07", "2023-W30", "2023-07-25", "2022-Q4", "P2Y", "PRESENT_REF", …
    granularity: year | quarter | month | week | day | hour | minute | duration | set | ref
    type: DATE | TIME | DURATION | SET (TIMEX3 types)
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None
    type: str = "DATE"
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER …

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Place:
    """A location mention and, when resolved, its gazetteer entry (lat/lon None otherwise)."""

    start: int
    end: int
    mention: str
    name: str | None = None
    # country | region | city | continent | feature (a street... at the focus town), or a
    # physical feature's class: sea | ocean | gulf | bay | strait | river | lake | mountains...
    kind: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Entity:
    """A canonical entity of one article, with every mention that refers to it."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO2 for GPEs and demonym-derived actors

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def entity_id(type_: str, name: str) -> str:
    """Stable across articles and runs: the type and the canonical name."""
    return f"{type_.lower()}:{slug(name)}"


@dataclass(slots=True)
class RoleSpan:
    """A role filler as found in the text: the phrase and its head word (for entity lookup)."""

    start: int
    end: int
    text: str
    head_start: int
    head_end: int
    indefinite: bool = False  # "a New Jersey company": a new referent, no antecedent
    modifier: bool = False  # its head only describes a noun ("a Russian airliner")


# The role names a frame may fill, as the claim record defines them (claimgraph.record).
ROLE_NAMES = ROLES


@dataclass(slots=True)
class Frame:
    """One event found by extraction, before resolution: roles are text spans.

    `time_spans` are the temporal expressions inside the event's own clause; `report_time_spans`
    those on the reporting verb ("reported in July that …"). The resolver turns them into a value.
    """

    event: str
    trigger: Mention
    roles: dict[str, RoleSpan]
    evidence: Mention
    polarity: str = "positive"
    modality: str = "asserted"
    speaker: RoleSpan | None = None
    speaker_anaphoric: bool = False
    time_spans: list[Mention] = field(default_factory=list)
    report_time_spans: list[Mention] = field(default_factory=list)
    quantity: dict[str, Any] | None = None
    report_verb: int | None = None  # token index of the reporting verb that frames it, if any
    past: bool = False  # told in the simple past ("revenue soared"), not "has risen" / "rises"
    nominal: bool = False  # a noun names the event ("the March 3 bombings")
    # times inside the evidence that date another clause ("X, whose stock peaked in 1983,
    # filed a plan"): never this event's time
    other_time_spans: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    """A resolved claim: the row shape of `claimgraph claims --json` (plus article_id).

    Its fields are `claimgraph.record.FIELDS`, in that order (tests/test_record.py checks it);
    add a field there first.
    """

    id: str
    event: str
    polarity: str
    modality: str
    agent: dict[str, Any] | None = None
    recipient: dict[str, Any] | None = None
    supplier: dict[str, Any] | None = None
    assisted_by: dict[str, Any] | None = None
    object: dict[str, Any] | None = None
    in_exchange_for: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    time: dict[str, Any] | None = None
    quantity: dict[str, Any] | None = None
    source: dict[str, Any] | None = None
    evidence: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
