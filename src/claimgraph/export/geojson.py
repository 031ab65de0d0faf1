"""GeoJSON (RFC 7946): one Point feature per claim whose place the gazetteer resolved.

Written feature by feature so a map of 100k claims costs one page of memory. RFC 7946 fixes
WGS 84 and [longitude, latitude] order, so there is no `crs` member.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from claimgraph.export import (
    ArticleInfo,
    Claim,
    ExportResult,
    iter_claims,
    name_of,
    resolved,
    text_stream,
)
from claimgraph.store.filters import ClaimFilter


def feature(c: Claim, art: ArticleInfo) -> dict[str, Any]:
    """The feature of one claim (whose location is resolved)."""
    loc = c["location"]
    time = c.get("time") or {}
    src = c.get("source") or {}
    return {
        "type": "Feature",
        "id": c["id"],
        "geometry": {"type": "Point", "coordinates": [float(loc["lon"]), float(loc["lat"])]},
        "properties": {
            "claim_id": c["id"],
            "event": c["event"],
            "polarity": c.get("polarity"),
            "modality": c.get("modality"),
            "agent": name_of(c.get("agent")),
            "recipient": name_of(c.get("recipient")),
            "actors": [n for n in (name_of(c.get(r)) for r in ("agent", "recipient")) if n],
            "object": name_of(c.get("object")),
            "place": loc.get("name") or loc.get("mention"),
            "place_kind": loc.get("kind"),
            "country": loc.get("country"),
            "geonameid": loc.get("geonameid"),
            "time": time.get("value"),
            "granularity": time.get("granularity"),
            "source": src.get("name"),
            "source_type": src.get("type"),
            "article_id": c["article_id"],
            "article_title": art.title,
            "article_url": art.url,
            "article_published": art.published,
            "evidence": (c.get("evidence") or {}).get("text"),
        },
    }


def write_geojson(session: Session, filters: ClaimFilter | None, out: BinaryIO) -> ExportResult:
    """A FeatureCollection streamed to `out`; claims without coordinates are left out."""
    n = 0
    with text_stream(out) as fh:
        fh.write('{"type": "FeatureCollection", "features": [')
        # located: the lat/lon columns are written from the record's location, so SQL drops the
        # claims `resolved` would drop, before their JSON is read
        for c, art in iter_claims(session, filters, located=True):
            if not resolved(c.get("location")):
                continue
            fh.write(",\n" if n else "\n")
            fh.write(json.dumps(feature(c, art), ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return ExportResult("geojson", n, "features")
