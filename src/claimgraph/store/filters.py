"""Claim filters shared by the CLI, the HTTP API and exports: parsed and checked once, with
errors that name the field (the API turns them into 422s)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claimgraph.errors import ClaimgraphError
from claimgraph.extract.ontology import load_ontology

MODALITIES = (
    "asserted",
    "reported",
    "claimed",
    "suggested",
    "predicted",
    "planned",
    "suspected",
    "doubted",
    "denied",
)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


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


@dataclass(frozen=True)
class ClaimFilter:
    event: str | None = None
    entity: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    near: Near | None = None
    modality: str | None = None
    source: str | None = None
    article_id: int | None = None

    @classmethod
    def parse(
        cls,
        *,
        event: str | None = None,
        entity: str | None = None,
        since: str | None = None,
        until: str | None = None,
        place: str | None = None,
        near: str | None = None,
        modality: str | None = None,
        source: str | None = None,
        article_id: int | None = None,
    ) -> ClaimFilter:
        """Validate raw option values (strings as typed by a user)."""
        if event:
            event = event.strip().upper()
            known = sorted(load_ontology().events)
            if event not in known:
                raise FilterError(
                    "event", f"unknown event type {event!r}; one of {', '.join(known)}"
                )
        if modality:
            modality = modality.strip().lower()
            if modality not in MODALITIES:
                raise FilterError(
                    "modality", f"unknown modality {modality!r}; one of {', '.join(MODALITIES)}"
                )
        for name, value in (("since", since), ("until", until)):
            if value and not _DATE.match(value):
                raise FilterError(name, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        if since and until and since > until:
            raise FilterError("since", f"since {since} is after until {until}")
        parsed_near = None
        if near:
            try:
                lat, lon, km = (float(x) for x in near.split(","))
            except ValueError as exc:
                raise FilterError("near", f"{near!r} is not LAT,LON,KM") from exc
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= 20_000):
                raise FilterError(
                    "near", f"{near!r} is out of range (lat ±90, lon ±180, 0 < km ≤ 20000)"
                )
            parsed_near = Near(lat, lon, km)
        return cls(
            event or None,
            entity or None,
            since or None,
            until or None,
            place or None,
            parsed_near,
            modality or None,
            source or None,
            article_id,
        )
