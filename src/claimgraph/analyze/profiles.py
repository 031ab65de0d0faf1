"""An entity's profile: aliases, claims by role, places, timeline, linked entities, sources."""

from __future__ import annotations

from collections import Counter
from typing import Any

from claimgraph.record import ACTOR_ROLES

ROLES = ACTOR_ROLES  # the roles a profile lists claims by (plus "source")


def build_profile(entity: dict[str, Any], claims: list[dict[str, Any]]) -> dict[str, Any]:
    """`entity`: {id, name, type, aliases, country}; `claims`: every stored claim naming it."""
    eid = entity["id"]
    by_role: dict[str, list[str]] = {r: [] for r in (*ROLES, "source")}
    links: Counter[tuple[str, str]] = Counter()
    places: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    timeline = []
    for c in claims:
        roles_here = [r for r in ROLES if (c.get(r) or {}).get("id") == eid]
        src = c.get("source") or {}
        if src.get("entity_id") == eid or src.get("country_entity_id") == eid:
            roles_here.append("source")
        for r in roles_here:
            by_role[r].append(c["id"])
        for r in ROLES:
            other = c.get(r) or {}
            if other.get("id") and other["id"] != eid and roles_here:
                links[(other["id"], other.get("name") or other["id"])] += 1
        loc = c.get("location") or {}
        place = loc.get("name") or loc.get("mention")
        if place:
            places[place] += 1
        if src.get("name"):
            sources[src["name"]] += 1
        timeline.append(
            {
                "time": (c.get("time") or {}).get("value"),
                "event": c["event"],
                "claim_id": c["id"],
                "article_id": c["article_id"],
                "modality": c["modality"],
            }
        )
    timeline.sort(key=lambda t: (t["time"] is None, t["time"] or "", t["claim_id"]))
    return {
        **entity,
        "claims": {r: ids for r, ids in by_role.items()},
        "n_claims": len(claims),
        "places": [{"name": n, "count": k} for n, k in places.most_common()],
        "timeline": timeline,
        "linked_entities": [{"id": i, "name": n, "count": k} for (i, n), k in links.most_common()],
        "sources": [{"name": n, "count": k} for n, k in sources.most_common()],
        # full lengths of the lists an API caller may ask to cut (see repo.entity_profile)
        "timeline_total": len(timeline),
        "linked_total": len(links),
        "claims_total": {r: len(ids) for r, ids in by_role.items()},
    }
