"""Exports over HTTP: the same writers as `claimgraph export`, same claim filters.

The document is written to a temporary file (memory stays bounded for 100k claims) and sent
from there; the file is removed once the response is done.
"""

from __future__ import annotations

import os
import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from claimgraph.export import export
from claimgraph.store.filters import ClaimFilter
from claimgraph.web.deps import SessionDep

router = APIRouter(tags=["exports"])
Text = str | None
MEDIA = {
    "stix": ("application/stix+json;version=2.1", "json"),
    "geojson": ("application/geo+json", "geojson"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
}


@router.get("/export/{fmt}", response_class=FileResponse)
def export_claims(
    session: SessionDep,
    fmt: Literal["stix", "geojson", "csv", "parquet", "graphml", "gexf"],
    table: Literal["claims", "entities", "clusters"] = "claims",
    entity: Annotated[Text, Query(description="agent or recipient: name, alias or id")] = None,
    event: Annotated[Text, Query(description="event type, e.g. SUPPLY")] = None,
    since: Annotated[Text, Query(description="claim time on or after YYYY[-MM[-DD]]")] = None,
    until: Annotated[Text, Query(description="claim time on or before YYYY[-MM[-DD]]")] = None,
    place: Annotated[Text, Query(description="place name")] = None,
    near: Annotated[Text, Query(description="LAT,LON,KM")] = None,
    modality: Annotated[Text, Query(description="asserted, reported, claimed, …")] = None,
    source: Annotated[Text, Query(description="source name")] = None,
) -> FileResponse:
    """The matching claims as a downloadable document (table applies to csv/parquet)."""
    f = ClaimFilter.parse(
        entity=entity,
        event=event,
        since=since,
        until=until,
        place=place,
        near=near,
        modality=modality,
        source=source,
    )
    media, ext = MEDIA[fmt]
    fd, path = tempfile.mkstemp(prefix="claimgraph-export-", suffix=f".{ext}")
    os.close(fd)
    try:
        export(fmt, session, f, path, table=table if fmt in ("csv", "parquet") else "claims")
    except BaseException:
        os.unlink(path)
        raise
    name = f"claimgraph-{table if fmt in ('csv', 'parquet') else 'claims'}.{ext}"
    return FileResponse(
        path, media_type=media, filename=name, background=BackgroundTask(os.unlink, path)
    )
