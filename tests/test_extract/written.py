"""Helpers for tests over written sentences: claims of a text after a one-sentence lead (so the
sentence tested is not read as the headline), and a role's name or text."""

from __future__ import annotations

import datetime
from typing import Any

from claimgraph.extraction import extract_text


def claims(text: str, published: datetime.datetime = datetime.datetime(2004, 5, 3)) -> list[Any]:
    return extract_text("It rained. " + text, published=published).claims


def role(c: Any, name: str) -> str | None:
    value = getattr(c, name)
    return value.get("name") or value.get("text") if value else None


def of_event(found: list[Any], event: str) -> list[Any]:
    return [c for c in found if c.event == event]
