"""Claim ids: the one function every path (extract, parallel, bulk, store) computes them with.

Why content and not position: a claim's id is a hash of its article's stable key and of what it
states (event, roles, evidence text), never of the revision or of character offsets. A
correction that edits one word shifts the offsets of everything after it, yet the claims whose
sentence did not change keep their ids, so links, exports and `#claim-…` anchors still resolve.
When the same statement occurs twice in one article (same event, roles and sentence text), the
second gets occurrence 1, the third 2, in text order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from claimgraph.record import ACTOR_ROLES, ROLES, THING_ROLES

# The roles that say what a claim states (the source and time are how it is reported).
ROLE_KEYS = (*ACTOR_ROLES, *THING_ROLES)
ID_ROLES = ROLES  # ROLE_KEYS and the location
# Positions, not content: they move when earlier text is corrected.
_OFFSETS = frozenset({"start", "end", "head_start", "head_end"})


def article_key(article_id: int) -> str:
    """The stable key of a stored article (the same for every revision)."""
    return str(article_id)


def _strip(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _strip(v) for k, v in value.items() if k not in _OFFSETS}
    if isinstance(value, list | tuple):
        return [_strip(v) for v in value]
    return value


def content(claim: Mapping[str, Any]) -> list[Any]:
    """What a claim's id depends on besides its article: event, roles and evidence text."""
    roles = {r: _strip(claim[r]) for r in ID_ROLES if claim.get(r) is not None}
    return [claim["event"], roles, (claim.get("evidence") or {}).get("text")]


def claim_id(key: str, claim: Mapping[str, Any], occurrence: int = 0) -> str:
    """The id of `claim` (a claim record: event, roles, evidence) in the article keyed `key`."""
    payload = [key, *content(claim)]
    if occurrence:
        payload.append(occurrence)
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(data.encode()).hexdigest()[:16]


def claim_ids(key: str, claims: Iterable[Mapping[str, Any]]) -> list[str]:
    """Ids for an article's claims in text order; a repeated statement gets its occurrence."""
    seen: dict[str, int] = {}
    out = []
    for c in claims:
        first = claim_id(key, c)
        n = seen.get(first, 0)
        seen[first] = n + 1
        out.append(first if n == 0 else claim_id(key, c, n))
    return out


def with_ids(key: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claim records re-keyed to article `key` (parallel and bulk workers extract under a
    placeholder key; the writer knows the stored article id)."""
    return [{**c, "id": i} for c, i in zip(claims, claim_ids(key, claims), strict=True)]
