"""Whole JSON answers of the heavy read endpoints (timeline, entity profile, map, network) kept
in memory per app, keyed on the store's write generation and the request's path and query.

The generation (store.graph_index.generation) is counted by the claim writer and cluster
assignment in the same transaction as their rows, and these answers depend only on claims,
entities and clusters, so an answer is reused only while nothing it depends on changed; the
first request after a write builds it again. Bounded: 256 answers or 32 MiB per app, least
recently used dropped first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from claimgraph.store import graph_index

MAX_ANSWERS = 256
MAX_BYTES = 32 << 20

Key = tuple[str, str, str]


class AnswerCache:
    """Response bodies by (generation, path, query); thread-safe (sync routes run in threads)."""

    def __init__(self) -> None:
        self._items: OrderedDict[Key, tuple[bytes, str]] = OrderedDict()
        self._lock = threading.Lock()
        self._size = 0

    def get(self, key: Key) -> tuple[bytes, str] | None:
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
            return hit

    def put(self, key: Key, body: bytes, media: str) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            self._size -= len(old[0]) if old else 0
            self._items[key] = (body, media)
            self._size += len(body)
            while len(self._items) > MAX_ANSWERS or self._size > MAX_BYTES:
                _, (dropped, _m) = self._items.popitem(last=False)
                self._size -= len(dropped)


def cached(request: Request, session: Session, build: Callable[[], Response]) -> Response:
    """The answer `build` gives for this request, from memory while the store is unchanged."""
    cache = getattr(request.app.state, "answer_cache", None)
    if cache is None:
        cache = request.app.state.answer_cache = AnswerCache()
    query = "&".join(f"{k}={v}" for k, v in sorted(request.query_params.multi_items()))
    key = (graph_index.generation(session), request.url.path, query)
    hit = cache.get(key)
    if hit is not None:
        return Response(hit[0], media_type=hit[1])
    response = build()
    if response.status_code == 200:
        cache.put(key, bytes(response.body), response.media_type or "application/json")
    return response
