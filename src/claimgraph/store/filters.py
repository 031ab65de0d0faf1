"""Claim filters: one table (`FILTERS`) that every claims-reading surface is generated from.

The CLI options (`cli/common.filter_options`), the API query parameters (`web/deps.claim_filter`),
the page forms (`templates/_filters.html` via `web/pages/views.CLAIM_PARAMS`) and the export
endpoints all read this table, so a filter added here appears everywhere at once and a test can
enumerate it. `ClaimFilter.parse` checks raw values once, with errors that name the field (the
API turns them into 422s); `repo_claims.claim_conditions` maps each row to SQL (the `sql` column
says how in words; tests/test_store/test_filters.py checks that every row has its builder).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any, Literal

from claimgraph.errors import ClaimgraphError
from claimgraph.extract.ontology import load_ontology
from claimgraph.ontology import schema as ontology_schema
from claimgraph.record import ACTOR_ROLES

MODALITIES = ontology_schema.MODALITIES  # strongest first, defined once with the ontology
# The roles an entity can fill in a claim, as `role=` names them. `source` is the speaker (or
# its country), `object` an entity named as the thing acted on or given in exchange.
ROLES = (*ACTOR_ROLES, "source", "object")
# The roles an entity profile counts (analyze/profiles.ROLES + source): its "N claims" link
# carries them so the list it opens has exactly N rows.
PROFILE_ROLES = (*ACTOR_ROLES, "source")
MAX_ID = 2**31 - 1  # ids are INTEGER columns (int4 on PostgreSQL)
MAX_TEXT = 500
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CLUSTER = re.compile(r"^cl-[0-9a-f]{1,40}$")


@lru_cache(maxsize=1)
def agent_receives() -> frozenset[str]:
    """Events whose agent receives what is transferred ("Russia to buy Iranian drones": ACQUIRE,
    agent Russia, supplier Iran): events.yaml `transfer:`, as analyze/clusters.view reads it."""
    return frozenset(
        name
        for name, e in load_ontology().events.items()
        if e.transfer and e.transfer[1] == "agent"
    )


_TERM = re.compile(r'"([^"]+)"|(\S+)')

Kind = Literal["text", "choice", "date", "int", "near"]


def _events() -> tuple[str, ...]:
    return tuple(sorted(load_ontology().events))


@dataclass(frozen=True)
class FilterSpec:
    """One claim filter: its public name and everything each surface needs to offer it."""

    name: str  # query parameter, form field and CLI option (--name, underscores as dashes)
    kind: Kind  # text | choice (from `choices`) | date | int | near (LAT,LON,KM)
    help: str  # CLI --help, OpenAPI description, form title
    sql: str  # what repo_claims.claim_conditions makes of it
    attr: str = ""  # ClaimFilter field when `name` is a Python keyword ("from" → from_)
    choices: Callable[[], tuple[str, ...]] | None = None  # the known values (forms: a select)
    multiple: bool = False  # several values, comma-separated or repeated: any of them
    case: Literal["upper", "lower", ""] = ""  # how choice values are normalised
    placeholder: str = ""  # form hint
    cli_aliases: tuple[str, ...] = ()  # older CLI spellings kept working
    label: str = ""  # form label when not the name

    @property
    def field(self) -> str:
        """The ClaimFilter attribute (and Python parameter name) of this filter."""
        return self.attr or self.name

    @property
    def cli(self) -> tuple[str, ...]:
        """CLI option names, the generated one first."""
        return ("--" + self.name.replace("_", "-"), *self.cli_aliases)

    def options(self) -> tuple[str, ...]:
        """The values a form offers (empty for free text)."""
        return self.choices() if self.choices else ()


FILTERS: tuple[FilterSpec, ...] = (
    FilterSpec(
        "entity",
        "text",
        "Entity (name, alias or id) in any role: agent, recipient, supplier, assisted_by, "
        "source or object; narrow with role.",
        "roles of `role` (all by default) IN the ids the name resolves to",
    ),
    FilterSpec(
        "role",
        "choice",
        "Role(s) of the entity filter: " + ", ".join(ROLES) + " (any of them; needs entity).",
        "which role columns the entity filter tests",
        choices=lambda: ROLES,
        multiple=True,
        case="lower",
    ),
    FilterSpec(
        "from",
        "text",
        "Direction: the giving side (agent, or supplier of an ACQUIRE); "
        "an exchange counts both ways.",
        "supplier, or agent of a non-receiving event, IN the ids (swapped for exchanges)",
        attr="from_",
    ),
    FilterSpec(
        "to",
        "text",
        "Direction: the receiving side (recipient, or agent of an ACQUIRE).",
        "recipient, or agent of a receiving event, IN the ids (swapped for exchanges)",
    ),
    FilterSpec(
        "event",
        "choice",
        "Event type(s), e.g. SUPPLY or SUPPLY,ACQUIRE (any of them).",
        "event IN the types",
        choices=_events,
        multiple=True,
        case="upper",
    ),
    FilterSpec(
        "q",
        "text",
        'Words in the claim\'s object or evidence text (all of them; "quoted phrases" stay '
        "together).",
        "each term ILIKE %term% in object.text or evidence.text",
        placeholder="drones",
        label="words",
    ),
    FilterSpec(
        "since",
        "date",
        "Claim time on or after (YYYY[-MM[-DD]]).",
        "time_value >= since",
        placeholder="YYYY[-MM[-DD]]",
    ),
    FilterSpec(
        "until",
        "date",
        "Claim time on or before (YYYY[-MM[-DD]]).",
        "time_value <= until (any finer value inside it)",
        placeholder="YYYY[-MM[-DD]]",
    ),
    FilterSpec("place", "text", "Place name (gazetteer name).", "lower(place_name) = lower(place)"),
    FilterSpec(
        "near",
        "near",
        "LAT,LON,KM: claims placed within KM of a point.",
        "lat/lon in the bounding box, then great-circle distance <= KM",
        placeholder="LAT,LON,KM",
    ),
    FilterSpec(
        "modality",
        "choice",
        "Modality(ies): " + ", ".join(MODALITIES) + " (any of them).",
        "modality IN the values",
        choices=lambda: MODALITIES,
        multiple=True,
        case="lower",
    ),
    FilterSpec(
        "source",
        "text",
        "Source name the claim is attributed to, e.g. 'Institute for the Study of War'.",
        "lower(source_name) = lower(source)",
    ),
    FilterSpec(
        "cluster",
        "text",
        "Cluster id (cl-…): the claims that state the same thing.",
        "pk IN the cluster's member claims",
        placeholder="cl-…",
    ),
    FilterSpec(
        "article_id",
        "int",
        "Only claims of this article id.",
        "article_id = article_id",
        cli_aliases=("--article",),
        label="article",
    ),
)
BY_NAME = {s.name: s for s in FILTERS}
BY_FIELD = {s.field: s for s in FILTERS}


class FilterError(ClaimgraphError):
    """A filter value that cannot be used; `field` names the option."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class Near:
    lat: float
    lon: float
    km: float

    def bbox(self) -> tuple[float, float, float, float]:
        dlat = self.km / 111.0
        dlon = self.km / max(1e-6, 111.0 * math.cos(math.radians(self.lat)))
        return self.lat - dlat, self.lat + dlat, self.lon - dlon, self.lon + dlon

    def contains(self, lat: float, lon: float) -> bool:
        p1, p2 = math.radians(self.lat), math.radians(lat)
        dp, dl = p2 - p1, math.radians(lon - self.lon)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 6371.0 * 2 * math.asin(math.sqrt(a)) <= self.km


# Fields that existed before the table: repr keeps their exact spelling (the STIX bundle id
# hashes repr(filters)), later ones appear only when set.
_FIRST = ("event", "entity", "since", "until", "place", "near", "modality", "source", "article_id")


@dataclass(frozen=True, repr=False)
class ClaimFilter:
    """Validated filter values; multi-valued ones (event, modality, role) comma-joined."""

    event: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    near: Near | None = None
    modality: str | None = None
    source: str | None = None
    article_id: int | None = None
    role: str | None = None
    from_: str | None = None
    to: str | None = None
    q: str | None = None
    cluster: str | None = None

    def __repr__(self) -> str:
        parts = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.name in _FIRST]
        parts += [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if f.name not in _FIRST and getattr(self, f.name) is not None
        ]
        return f"ClaimFilter({', '.join(parts)})"

    def values(self, field: str) -> list[str]:
        """The values of a multi-valued field as a list (empty when unset)."""
        v = getattr(self, field)
        return [x for x in str(v).split(",") if x] if v else []

    def terms(self) -> list[str]:
        """The words and "quoted phrases" of `q`, case-folded."""
        return [(a or b).casefold() for a, b in _TERM.findall(self.q or "")]

    def params(self) -> dict[str, str]:
        """The filter as query parameters (the inverse of parse), for links and exports."""
        out: dict[str, str] = {}
        for spec in FILTERS:
            v = getattr(self, spec.field)
            if v is None:
                continue
            out[spec.name] = f"{v.lat},{v.lon},{v.km}" if isinstance(v, Near) else str(v)
        return out

    @classmethod
    def parse(cls, **raw: Any) -> ClaimFilter:
        """Validate raw values as typed by a user (strings, lists of strings for repeated
        options, ints), keyed by field or public name ("from_" or "from")."""
        values: dict[str, Any] = {}
        for key, value in raw.items():
            spec = BY_FIELD.get(key) or BY_NAME.get(key)
            if spec is None:
                raise FilterError(key, f"unknown filter; one of {', '.join(BY_NAME)}")
            parsed = _parse_one(spec, value)
            if parsed is not None:
                values[spec.field] = parsed
        if values.get("role") and not values.get("entity"):
            raise FilterError("role", "give entity too: role says where that entity appears")
        since, until = values.get("since"), values.get("until")
        if since and until and since > until:
            raise FilterError("since", f"since {since} is after until {until}")
        return cls(**values)


def _strings(value: Any) -> list[str]:
    """A raw value as a list of non-empty, stripped strings (lists and commas both split)."""
    items = value if isinstance(value, list | tuple) else [value]
    return [p.strip() for item in items if item is not None for p in str(item).split(",")]


def _parse_one(spec: FilterSpec, value: Any) -> Any:
    """One filter's raw value → its ClaimFilter value (None when empty)."""
    name = spec.name
    if value is None or value == "" or value == [] or value == ():
        return None
    if spec.kind == "int":
        try:
            n = int(str(value).strip())
        except ValueError as exc:
            raise FilterError(name, f"{value!r} is not a whole number") from exc
        if not 1 <= n <= MAX_ID:
            raise FilterError(name, f"{n} is out of range (1 to {MAX_ID})")
        return n
    if spec.kind == "choice":
        items = [p for p in _strings(value) if p]
        if not items:
            return None
        if len(items) > 1 and not spec.multiple:
            raise FilterError(name, "takes one value")
        known = spec.options()
        out: list[str] = []
        for item in items:
            item = item.upper() if spec.case == "upper" else item.lower()
            if item not in known:
                what = "event type" if name == "event" else name
                raise FilterError(name, f"unknown {what} {item!r}; one of {', '.join(known)}")
            if item not in out:
                out.append(item)
        return ",".join(out)
    if isinstance(value, list | tuple):  # a repeated single-valued option: the last one wins
        value = value[-1]
    text = str(value).strip()
    if not text:
        return None
    if len(text) > MAX_TEXT:
        raise FilterError(name, f"longer than {MAX_TEXT} characters")
    if spec.kind == "date":
        if not _DATE.match(text):
            raise FilterError(name, f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return text
    if spec.kind == "near":
        try:
            lat, lon, km = (float(x) for x in text.split(","))
        except ValueError as exc:
            raise FilterError(name, f"{text!r} is not LAT,LON,KM") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
            raise FilterError(name, f"{text!r} is out of range (lat ±90, lon ±180, 0 < km ≤ 20000)")
        return Near(lat, lon, km)
    if name == "cluster" and not _CLUSTER.match(text):
        raise FilterError(name, f"{text!r} is not a cluster id (cl- and hex digits)")
    if name == "q" and not _TERM.findall(text):
        return None
    return text


def given(params: Mapping[str, Any]) -> dict[str, str]:
    """The filter values of a request as typed (repeated parameters comma-joined), for forms
    that must show them again and links that carry them on. `params` is a Starlette
    QueryParams (getlist) or a plain mapping."""
    getlist: Callable[[str], Iterable[str]] = getattr(
        params, "getlist", lambda k: [params[k]] if k in params else []
    )
    out: dict[str, str] = {}
    for spec in FILTERS:
        vals = [str(v).strip() for v in getlist(spec.name) if v is not None and str(v).strip()]
        if vals:
            out[spec.name] = ",".join(vals)
    return out
