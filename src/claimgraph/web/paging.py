"""Offset paging for list endpoints whose order is computed, not keyed (search rank,
contradiction pairs, cluster size): every such page is capped, and so is how deep it may start,
so no request can make the server build or send an unbounded list (issue 12, finding 11)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import Annotated, TypeVar

from fastapi import Query

T = TypeVar("T")

MAX_OFFSET = 10_000  # deeper pages: narrow the query (filters) instead

Offset = Annotated[
    int,
    Query(ge=0, le=MAX_OFFSET, description=f"skip this many items (at most {MAX_OFFSET})"),
]


def offset_page(items: Iterable[T], offset: int, size: int) -> tuple[list[T], int | None]:
    """Items [offset, offset + size) of a lazily produced sequence, and the offset of the next
    page (None at the end). Reads at most offset + size + 1 items from `items`."""
    window = list(islice(items, offset, offset + size + 1))
    more = len(window) > size
    return window[:size], (offset + size if more else None)
