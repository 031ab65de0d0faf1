"""STIX 2.1 bundle of claims, for threat-intelligence platforms (OpenCTI, MISP, TAXII feeds).

Mapping (every object built and serialized by the `stix2` library):
  actor entity        → identity (individual / organization / group by type), located-at a
                        country location when the entity has a country code
  speaker, publisher  → identity; the note of each claim names its speaker
  resolved place      → location (lat/lon, country, region, city or admin area)
  claim               → relationship agent → recipient (or place), type from the event
                        ("supplies", "builds-facility-in"), description = evidence text,
                        plus a note with modality and source ("reported by ISW") on it
  article             → report (name = title, published), object_refs = its claims' objects

Ids are uuid5 of stable keys (claim id, entity id, geonameid, country code), so re-exports of
the same store are byte-identical and merge cleanly in a platform. Objects derived from
entities carry a fixed timestamp (their content depends only on the key); claim objects carry
their article's publication (else storage) time. The bundle is streamed: only the ids already
written (bounded by entities and places) and the current article's references are held.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import cache
from typing import IO, Any, BinaryIO

import stix2
from sqlalchemy import select
from sqlalchemy.orm import Session

from claimgraph.export import (
    ACTOR_ROLES,
    ArticleInfo,
    Claim,
    ExportResult,
    iter_claims,
    name_of,
    period,
    resolved,
    text_stream,
)
from claimgraph.extract.ontology import load_ontology
from claimgraph.extract.records import slug
from claimgraph.record import ROLES
from claimgraph.store.filters import ClaimFilter
from claimgraph.store.models import EntityRow

NAMESPACE = uuid.UUID("4b7e2b0e-5f0c-5d7e-9a51-6c61696d6772")  # fixed: ids must not drift
ENTITY_TIME = datetime(1970, 1, 1, tzinfo=UTC)

IDENTITY_CLASS = {
    "PERSON": "individual",
    "ORG": "organization",
    "GPE": "organization",
    "NORP": "group",
    "GROUP": "group",
    "PUBLISHER": "organization",
}


@cache
def relationships() -> dict[str, tuple[str, str]]:
    """Event → (relationship type towards an actor, towards a place): events.yaml `stix:`."""
    return {n: e.stix for n, e in load_ontology().events.items() if e.stix}


def sid(kind: str, key: str) -> str:
    """Deterministic STIX id: `kind--uuid5(namespace, key)`."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, key)}"


def relationship_type(event: str, to_place: bool, negative: bool) -> str:
    default = slug(event)
    pair = relationships().get(event, (default, f"{default}-in"))
    rel = pair[1] if to_place else pair[0]
    return f"not-{rel}" if negative else rel


@cache
def _country(code: str) -> tuple[str, str | None, tuple[float, float] | None]:
    """Name, UN M49 sub-region (STIX region vocabulary) and centroid of an ISO2 code."""
    try:
        from countryinfo import CountryInfo

        info = CountryInfo(code)
        name = info.name() or code
        sub = info.subregion() or ""
        latlng = info.latlng()
    except Exception:  # unknown or partial code: the code alone still locates it
        return code, None, None
    region = slug(sub.replace(" and ", " ").replace("the ", "")) if sub else None
    if region not in stix2.v21.vocab.REGION:
        region = None
    centre = (float(latlng[0]), float(latlng[1])) if latlng and len(latlng) == 2 else None
    return name.title() if name.islower() else name, region, centre


class _Bundle:
    """Writes objects into the bundle's `objects` array (opened by the first), each id once."""

    def __init__(self, fh: IO[str], session: Session) -> None:
        self.fh = fh
        self.session = session
        self.written: set[str] = set()
        self.entities: dict[str, tuple[str, str, str | None] | None] = {}

    def emit(self, obj: Any) -> str:
        if obj.id not in self.written:
            self.fh.write(",\n" if self.written else ', "objects": [\n')
            self.fh.write(obj.serialize())
            self.written.add(obj.id)
        return obj.id

    # -- entity-derived objects (fixed timestamp: content depends only on the key)

    def country(self, code: str) -> str:
        oid = sid("location", f"country:{code.upper()}")
        if oid in self.written:
            return oid
        name, region, centre = _country(code.upper())
        kw: dict[str, Any] = {"region": region} if region else {}
        if centre:
            kw.update(latitude=centre[0], longitude=centre[1])
        return self.emit(
            stix2.Location(
                id=oid,
                name=name,
                country=code.upper(),
                created=ENTITY_TIME,
                modified=ENTITY_TIME,
                **kw,
            )
        )

    def place(self, loc: dict[str, Any]) -> str:
        """A resolved place; countries share the country object."""
        if loc.get("kind") == "country" and loc.get("country"):
            return self.country(loc["country"])
        key = (
            f"geonames:{loc['geonameid']}"
            if loc.get("geonameid")
            else f"place:{slug(loc.get('name') or '')}:{loc['lat']:.4f}:{loc['lon']:.4f}"
        )
        oid = sid("location", key)
        if oid in self.written:
            return oid
        kw: dict[str, Any] = {}
        if loc.get("country"):
            kw["country"] = loc["country"]
            region = _country(loc["country"])[1]
            if region:
                kw["region"] = region
        if loc.get("admin1"):
            kw["administrative_area"] = loc["admin1"]
        if loc.get("kind") == "city" and loc.get("name"):
            kw["city"] = loc["name"]
        return self.emit(
            stix2.Location(
                id=oid,
                name=loc.get("name") or loc.get("mention"),
                latitude=float(loc["lat"]),
                longitude=float(loc["lon"]),
                created=ENTITY_TIME,
                modified=ENTITY_TIME,
                **kw,
            )
        )

    def _entity(self, eid: str) -> tuple[str, str, str | None] | None:
        if eid not in self.entities:
            row = self.session.execute(
                select(EntityRow.name, EntityRow.type, EntityRow.country).where(EntityRow.id == eid)
            ).first()
            self.entities[eid] = tuple(row) if row else None  # type: ignore[assignment]
        return self.entities[eid]

    def identity(self, key: str, name: str, type_: str | None, eid: str | None = None) -> str:
        oid = sid("identity", key)
        if oid in self.written:
            return oid
        country = None
        if eid and (ent := self._entity(eid)):
            name, type_, country = ent
        kw: dict[str, Any] = {}
        if type_ == "GPE":
            kw["sectors"] = ["government-national"]
        if eid:
            kw["external_references"] = [{"source_name": "claimgraph", "external_id": eid}]
        self.emit(
            stix2.Identity(
                id=oid,
                name=name,
                identity_class=IDENTITY_CLASS.get(type_ or "", "unknown"),
                created=ENTITY_TIME,
                modified=ENTITY_TIME,
                **kw,
            )
        )
        if country:
            loc = self.country(country)
            self.emit(
                stix2.Relationship(
                    id=sid("relationship", f"located-at:{key}:{country}"),
                    relationship_type="located-at",
                    source_ref=oid,
                    target_ref=loc,
                    created=ENTITY_TIME,
                    modified=ENTITY_TIME,
                )
            )
        return oid

    def actor(self, role: dict[str, Any]) -> str:
        eid = role.get("id")
        name = name_of(role) or "unknown"
        key = f"entity:{eid}" if eid else f"actor:{slug(name)}"
        return self.identity(key, name, role.get("type"), eid)

    def publisher(self, art: ArticleInfo) -> str:
        name = art.site or "unknown publisher"
        return self.identity(f"publisher:{(art.site or '').casefold()}", name, "PUBLISHER")

    def speaker(self, src: dict[str, Any], art: ArticleInfo) -> str:
        if src.get("is_publisher") or not src.get("name"):
            return self.publisher(art)
        eid = src.get("entity_id")
        key = f"entity:{eid}" if eid else f"source:{slug(src['name'])}"
        return self.identity(key, src["name"], src.get("type"), eid)


def _note_content(c: Claim, speaker: str) -> str:
    src = c.get("source") or {}
    time = c.get("time") or {}
    qty = c.get("quantity") or {}
    lines = [
        f"event: {c['event']}",
        f"modality: {c.get('modality')}",
        f"polarity: {c.get('polarity')}",
        f"source: {speaker}" + (f" ({src['type']})" if src.get("type") else ""),
        "source chain: " + " > ".join(src.get("chain") or [speaker]),
    ]
    for role in ROLES:
        if n := name_of(c.get(role)):
            lines.append(f"{role.replace('_', ' ')}: {n}")
    if time.get("value"):
        lines.append(f"time: {time['value']} ({time.get('granularity')}, {time.get('basis')})")
    if qty:
        lines.append(f"quantity: {qty.get('relation')} {qty.get('value')} {qty.get('unit') or ''}")
    lines.append(f"evidence: {(c.get('evidence') or {}).get('text')}")
    return "\n".join(line.rstrip() for line in lines)


def _claim_objects(b: _Bundle, c: Claim, art: ArticleInfo) -> list[str]:
    """Write one claim's relationship(s) and note; return the ids the report should list."""
    when = art.when
    cid = c["id"]
    actors = {r: b.actor(c[r]) for r in ACTOR_ROLES if c.get(r)}
    loc = c.get("location")
    place = b.place(loc) if resolved(loc) else None
    src = c.get("source") or {}
    speaker_name = src.get("name") if not src.get("is_publisher") else art.site
    speaker_name = speaker_name or "the publisher"
    speaker = b.speaker(src, art)
    negative = c.get("polarity") == "negative"
    evidence = (c.get("evidence") or {}).get("text")
    common: dict[str, Any] = {
        "created": when,
        "modified": when,
        "external_references": [{"source_name": "claimgraph", "external_id": cid}],
    }
    if (span := period((c.get("time") or {}).get("value"))) is not None:
        common.update(start_time=span[0], stop_time=span[1])
    refs: list[str] = []
    agent = actors.get("agent")
    target_role = "supplier" if c["event"] == "ACQUIRE" and "supplier" in actors else "recipient"
    target = actors.get(target_role) or place
    if agent and target and target != agent:
        rel = stix2.Relationship(
            id=sid("relationship", f"claim:{cid}"),
            relationship_type=relationship_type(c["event"], target == place, negative),
            source_ref=agent,
            target_ref=target,
            description=evidence,
            **common,
        )
        refs.append(b.emit(rel))
    if agent and "assisted_by" in actors and actors["assisted_by"] != agent:
        helper = stix2.Relationship(
            id=sid("relationship", f"claim:{cid}:assisted_by"),
            relationship_type="not-assists" if negative else "assists",
            source_ref=actors["assisted_by"],
            target_ref=agent,
            description=evidence,
            **common,
        )
        refs.append(b.emit(helper))
    about = refs or [*dict.fromkeys([*actors.values(), *([place] if place else [])])]
    note = stix2.Note(
        id=sid("note", f"claim:{cid}"),
        abstract=f"{c.get('modality')} by {speaker_name}",
        content=_note_content(c, speaker_name),
        authors=[speaker_name],
        object_refs=[*about, speaker] if about else [speaker],
        created=when,
        modified=when,
        external_references=common["external_references"],
    )
    refs.append(b.emit(note))
    return [*refs, *actors.values(), *([place] if place else []), speaker]


def _report(b: _Bundle, art: ArticleInfo, refs: list[str], run: int) -> None:
    ext: list[dict[str, Any]] = [{"source_name": "claimgraph", "external_id": f"article:{art.id}"}]
    if art.url:
        ext.insert(0, {"source_name": art.site or "article", "url": art.url})
    b.emit(
        stix2.Report(
            id=sid("report", f"article:{art.id}" + (f":{run}" if run else "")),
            name=art.title or f"Article {art.id}",
            published=art.when,
            report_types=["threat-report"],
            object_refs=[*dict.fromkeys([*refs, b.publisher(art)])],
            created=art.when,
            modified=art.when,
            external_references=ext,
        )
    )


def write_stix(session: Session, filters: ClaimFilter | None, out: BinaryIO) -> ExportResult:
    """Stream a bundle: entity objects as first needed, claim objects, a report per article.

    Claims of one article are contiguous in storage order (stored in one statement), so a
    report is written when its article's run ends. Should a run ever be split, the later run
    gets its own report id rather than a duplicate.
    """
    bundle_id = sid("bundle", f"bundle:{filters or ClaimFilter()!r}")
    head = stix2.Bundle(id=bundle_id).serialize()  # {"type": "bundle", "id": "…"}
    n = 0
    with text_stream(out) as fh:
        fh.write(head[:-1])  # the objects array opens with the first object
        b = _Bundle(fh, session)
        runs: dict[int, int] = {}  # article id → runs seen, bounded by articles
        current: ArticleInfo | None = None
        refs: list[str] = []
        for c, art in iter_claims(session, filters):
            if current is None or art.id != current.id:
                if current is not None:
                    _report(b, current, refs, runs[current.id] - 1)
                current, refs = art, []
                runs[art.id] = runs.get(art.id, 0) + 1
                b.publisher(art)
            refs.extend(_claim_objects(b, c, art))
            n += 1
        if current is not None:
            _report(b, current, refs, runs[current.id] - 1)
        fh.write("\n]}\n" if b.written else "}\n")  # a bundle has no empty objects array
    return ExportResult("stix", n, "claims")
