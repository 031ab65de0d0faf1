"""Claims that state the same thing join one cluster; a cluster knows its independent sources.

Two claims state the same thing when they are of one event family (SUPPLY and ACQUIRE are one
transfer seen from either side), share a participant on the acting side (agent or helper), take
the same receiver when both name one, agree on place (same gazetteer place, or a town inside the
other's country) and, when both name an object, share a content word. Clustering is first-fit in
storage order: a new claim joins the earliest compatible cluster or starts one, so adding an
article never moves older claims and re-running gives the same clusters.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph.extract.ontology import load_ontology
from claimgraph.ontology.schema import MODALITIES

MODALITY_STRENGTH = list(MODALITIES)  # strongest first (claimgraph.ontology.schema)
_STOP = {"the", "a", "an", "of", "for", "in", "and", "with", "to", "on", "new", "its", "their"}


@lru_cache(maxsize=1)
def _facility_nouns() -> frozenset[str]:
    return load_ontology().facility_nouns


@lru_cache(maxsize=1)
def _transfers() -> dict[str, tuple[str, str]]:
    """Event type → (giving role, receiving role) for the transfer types (SUPPLY, ACQUIRE)."""
    return {n: e.transfer for n, e in load_ontology().events.items() if e.transfer}


def _words(text: str | None) -> set[str]:
    """Content words, singular; any facility noun counts as "facility" (a plant is a factory)."""
    out = set()
    for w in re.findall(r"[\w-]+", (text or "").casefold().replace("'s", "").replace("’s", "")):
        if w in _STOP or len(w) < 2:
            continue
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
        out.add("facility" if w in _facility_nouns() else w)
    return out


def _id(role: dict[str, Any] | None) -> str | None:
    if not role:
        return None
    return role.get("id") or (role.get("name") or "").casefold() or None


@dataclass(frozen=True)
class View:
    """A claim normalized for comparison."""

    pk: int
    family: str
    givers: frozenset[str]
    receiver: str | None
    place: tuple[str | None, str | None]  # (geonameid or name, country)
    place_is_country: bool
    words: frozenset[str]


def view(c: dict[str, Any]) -> View:
    event = c["event"]
    transfer = _transfers().get(event)
    if transfer:  # "A acquires X from B" is B supplying A: one transfer seen from either side
        giver, taker = transfer
        family, givers, receiver = "TRANSFER", {_id(c.get(giver))}, _id(c.get(taker))
        if givers == {None} and giver != "agent":  # an unnamed supplier: any giver to A
            givers = {f"?->{receiver}"}
    else:
        family, givers, receiver = (
            event,
            {_id(c.get("agent")), _id(c.get("assisted_by"))},
            _id(c.get("recipient")),
        )
    loc = c.get("location") or {}
    key = str(loc.get("geonameid") or loc.get("name") or loc.get("mention") or "") or None
    obj = (c.get("object") or {}).get("text")
    return View(
        pk=c["pk"],
        family=family,
        givers=frozenset(g for g in givers if g),
        receiver=receiver,
        place=(key, loc.get("country")),
        place_is_country=loc.get("kind") == "country",
        words=frozenset(_words(obj)),
    )


def compatible(a: View, b: View) -> bool:
    if a.family != b.family:
        return False
    unknown_giver = any(g.startswith("?->") for g in a.givers | b.givers)
    if a.givers and b.givers and not (a.givers & b.givers) and not unknown_giver:
        return False
    if a.receiver and b.receiver and a.receiver != b.receiver:
        return False
    if a.place[0] and b.place[0] and a.place[0] != b.place[0]:
        same_country = a.place[1] and a.place[1] == b.place[1]
        if not (same_country and (a.place_is_country or b.place_is_country)):
            return False
    if a.words and b.words and not (a.words & b.words):
        return False
    anchored = (
        (a.receiver and a.receiver == b.receiver)
        or (a.place[0] and a.place[0] == b.place[0])
        or bool(a.words & b.words)
        or (a.place[1] and a.place[1] == b.place[1])
    )
    return bool(anchored) and bool(a.givers & b.givers or a.receiver == b.receiver)


def affinity(a: View, b: View) -> int:
    """How closely two compatible claims agree (same town beats same country)."""
    return (
        1
        + 3 * bool(a.place[0] and a.place[0] == b.place[0])
        + bool(a.place[1] and a.place[1] == b.place[1])
        + 2 * bool(a.receiver and a.receiver == b.receiver)
        + len(a.words & b.words)
        + len(a.givers & b.givers)
    )


@dataclass
class Cluster:
    id: str
    members: list[View] = field(default_factory=list)


def cluster_id(first_claim_id: str) -> str:
    return "cl-" + hashlib.sha1(first_claim_id.encode()).hexdigest()[:12]


def assign(new: Iterable[dict[str, Any]], clusters: list[Cluster]) -> dict[int, str]:
    """Best fit in storage order: claim pk → cluster id (existing clusters are extended in place)."""
    out: dict[int, str] = {}
    for c in sorted(new, key=lambda c: c["pk"]):
        v = view(c)
        best = 0
        home = None
        for cl in clusters:  # best fit; ties go to the oldest cluster
            fit = max((affinity(v, m) for m in cl.members if compatible(v, m)), default=0)
            if fit > best:
                best, home = fit, cl
        if home is None:
            home = Cluster(cluster_id(c["id"] + f":{c['pk']}"))
            clusters.append(home)
        home.members.append(v)
        out[c["pk"]] = home.id
    return out


def origin(c: dict[str, Any]) -> str:
    """Where a claim comes from: its named speaker, else the publishing site."""
    src = c.get("source") or {}
    if src.get("is_publisher") or not src.get("name"):
        return f"publisher:{c.get('article_site') or c.get('article_id')}"
    return src["name"]


def summarize(cid: str, claims: list[dict[str, Any]]) -> dict[str, Any]:
    """The `clusters --json` row: claims, independent sources, first/last seen, strongest modality."""
    claims = sorted(claims, key=lambda c: c["pk"])
    origins = sorted({origin(c) for c in claims})
    seen = sorted(c["article_published"] for c in claims if c.get("article_published"))
    strongest = min(
        (c["modality"] for c in claims),
        key=lambda m: MODALITY_STRENGTH.index(m) if m in MODALITY_STRENGTH else 99,
    )
    # the label comes from the most specific claim: a town beats a region beats a country
    rank: dict[str | None, int] = {"city": 0, "feature": 0, "county": 1, "region": 2, "country": 3}
    first = min(claims, key=lambda c: (rank.get((c.get("location") or {}).get("kind"), 4), c["pk"]))
    places = sorted(
        {
            (c.get("location") or {}).get("name") or (c.get("location") or {}).get("mention")
            for c in claims
            if c.get("location")
        }
        - {None}
    )
    times = sorted({(c.get("time") or {}).get("value") for c in claims} - {None})
    return {
        "id": cid,
        "event": first["event"],
        "label": claim_label(first),
        "claims": [
            {
                "id": c["id"],
                "article_id": c["article_id"],
                "event": c["event"],
                "modality": c["modality"],
                "source": (c.get("source") or {}).get("name"),
                "evidence": (c.get("evidence") or {}).get("text"),
            }
            for c in claims
        ],
        "independent_sources": origins,
        "n_claims": len(claims),
        "n_articles": len({c["article_id"] for c in claims}),
        "first_seen": seen[0] if seen else None,
        "last_seen": seen[-1] if seen else None,
        "strongest_modality": strongest,
        "places": places,
        "times": times,
    }


def claim_label(c: dict[str, Any]) -> str:
    """One line for a claim: "Iran build facility factories in Belarus"."""

    def n(role: str) -> str:
        r = c.get(role) or {}
        return r.get("name") or r.get("text") or r.get("mention") or ""

    parts = [n("agent") or "?", c["event"].lower().replace("_", " ")]
    if n("recipient"):
        parts.append("→ " + n("recipient"))
    if n("object"):
        parts.append(n("object"))
    if n("location"):
        parts.append("in " + n("location"))
    return " ".join(parts)
