"""Exports over HTTP: the same writers as `claimgraph export`, same claim filters.

The document is written to a temporary file (memory stays bounded for 100k claims) and sent
from there; the file is removed once the response is done.

Documents up to 4 MiB are also kept in memory (`ExportCache`, 32 MiB per app) keyed on the
store's write generation (store.graph_index.generation, counted by the one claim writer in
the same transaction as the claims), the format and the selection: the same download asked
again before any claim is written is sent from memory (a GeoJSON of 800 KiB took 60-450 ms to
write at 100k claims). A write changes the generation, so a cached answer is never stale.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response
from starlette.background import BackgroundTask

from claimgraph.export import export
from claimgraph.store import graph_index
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


class ExportCache:
    """Small export documents by (write generation, format, table, selection), least recently
    used dropped first; one per app (so per store)."""

    MAX_DOCUMENT = 4 << 20
    MAX_TOTAL = 32 << 20

    def __init__(self) -> None:
        self._docs: OrderedDict[tuple[str, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._size = 0

    def get(self, key: tuple[str, ...]) -> bytes | None:
        with self._lock:
            body = self._docs.get(key)
            if body is not None:
                self._docs.move_to_end(key)
            return body

    def put(self, key: tuple[str, ...], body: bytes) -> None:
        if len(body) > self.MAX_DOCUMENT:
            return
        with self._lock:
            old = self._docs.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._docs[key] = body
            self._size += len(body)
            while self._size > self.MAX_TOTAL:
                _, dropped = self._docs.popitem(last=False)
                self._size -= len(dropped)


def _cache(request: Request) -> ExportCache:
    cache = getattr(request.app.state, "export_cache", None)
    if cache is None:
        cache = request.app.state.export_cache = ExportCache()
    return cache


@router.get("/export/{fmt}", response_class=FileResponse)
def export_claims(
    request: Request,
    session: SessionDep,
    fmt: Literal["stix", "geojson", "csv", "parquet", "graphml", "gexf"],
    filters: ClaimFilterDep,
    table: Literal["claims", "entities", "clusters"] = "claims",
) -> Response:
    """The matching claims as a downloadable document (table applies to csv/parquet)."""
    f = filters
    media, ext = MEDIA[fmt]
    table = table if fmt in ("csv", "parquet") else "claims"
    name = f"claimgraph-{table}{_named(f)}.{ext}"
    headers = {"content-disposition": f'attachment; filename="{name}"'}  # _named: ASCII only
    cache = _cache(request)
    key = (graph_index.generation(session), fmt, table, repr(dataclasses.astuple(f)))
    body = cache.get(key)
    if body is not None:
        return Response(body, media_type=media, headers=headers)
    fd, path = tempfile.mkstemp(prefix="claimgraph-export-", suffix=f".{ext}")
    os.close(fd)
    try:
        export(fmt, session, f, path, table=table)
    except BaseException:
        os.unlink(path)
        raise
    if os.path.getsize(path) <= ExportCache.MAX_DOCUMENT:
        body = Path(path).read_bytes()
        os.unlink(path)
        cache.put(key, body)
        return Response(body, media_type=media, headers=headers)
    return FileResponse(
        path, media_type=media, filename=name, background=BackgroundTask(os.unlink, path)
    )
