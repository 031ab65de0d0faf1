"""Claims that dispute each other, found inside clusters (claims about the same thing).

Kinds: "modality" (one side doubts or denies what the other asserts, reports, claims, suggests
or predicts), "polarity" (one side says it did not happen), "quantity" (same unit, values apart
by more than `tolerance` of the larger one).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from typing import Any

from claimgraph.ontology.schema import AFFIRMING, DISPUTING

__all__ = ["AFFIRMING", "DISPUTING", "find_contradictions", "iter_contradictions"]


def _brief(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": c["id"],
        "article_id": c["article_id"],
        "event": c["event"],
        "modality": c["modality"],
        "polarity": c["polarity"],
        "source": (c.get("source") or {}).get("name"),
        "evidence": (c.get("evidence") or {}).get("text"),
        "quantity": c.get("quantity"),
    }


def find_contradictions(
    clusters: dict[str, list[dict[str, Any]]], *, tolerance: float = 0.2
) -> list[dict[str, Any]]:
    """Pairs of disputing claims, each with its cluster and the kind of disagreement."""
    return list(iter_contradictions(clusters, tolerance=tolerance))


def iter_contradictions(
    clusters: dict[str, list[dict[str, Any]]], *, tolerance: float = 0.2
) -> Iterator[dict[str, Any]]:
    """`find_contradictions` one pair at a time (a big cluster has millions of pairs: a caller
    that shows a page stops early instead of building them all)."""
    for cid, claims in sorted(clusters.items()):
        for a, b in combinations(sorted(claims, key=lambda c: c["pk"]), 2):
            kinds = []
            if (a["modality"] in DISPUTING) != (b["modality"] in DISPUTING) and {
                a["modality"],
                b["modality"],
            } & AFFIRMING:
                kinds.append("modality")
            if a["polarity"] != b["polarity"]:
                kinds.append("polarity")
            qa, qb = a.get("quantity"), b.get("quantity")
            if qa and qb and qa.get("unit") == qb.get("unit"):
                va, vb = float(qa["value"]), float(qb["value"])
                if max(abs(va), abs(vb)) and abs(va - vb) / max(abs(va), abs(vb)) > tolerance:
                    kinds.append("quantity")
            if kinds:
                yield {"cluster_id": cid, "kinds": kinds, "a": _brief(a), "b": _brief(b)}
