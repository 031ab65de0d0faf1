"""Exports over HTTP: the same writers as `claimgraph export`, same claim filters.

The document is written to a temporary file (memory stays bounded for 100k claims) and sent
from there; the file is removed once the response is done.
"""

from __future__ import annotations

import os
import re
import tempfile
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from claimgraph.export import export
from claimgraph.store.filters import ClaimFilter
from claimgraph.web.deps import ClaimFilterDep, SessionDep

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


def _named(f: ClaimFilter) -> str:
    """The selection in a download's file name ("-event-SUPPLY-article_id-1"), so two
    downloads of different selections do not overwrite each other."""
    words = "-".join(f"{k}-{v}" for k, v in f.params().items())
    slug = re.sub(r"[^A-Za-z0-9_.]+", "-", words).strip("-.")[:120]
    return f"-{slug}" if slug else ""


@router.get("/export/{fmt}", response_class=FileResponse)
def export_claims(
    session: SessionDep,
    fmt: Literal["stix", "geojson", "csv", "parquet", "graphml", "gexf"],
    filters: ClaimFilterDep,
    table: Literal["claims", "entities", "clusters"] = "claims",
) -> FileResponse:
    """The matching claims as a downloadable document (table applies to csv/parquet)."""
    f = filters
    media, ext = MEDIA[fmt]
    fd, path = tempfile.mkstemp(prefix="claimgraph-export-", suffix=f".{ext}")
    os.close(fd)
    try:
        export(fmt, session, f, path, table=table if fmt in ("csv", "parquet") else "claims")
    except BaseException:
        os.unlink(path)
        raise
    name = f"claimgraph-{table if fmt in ('csv', 'parquet') else 'claims'}{_named(f)}.{ext}"
    return FileResponse(
        path, media_type=media, filename=name, background=BackgroundTask(os.unlink, path)
    )
