"""Geoparsing scores on a geo gold folder (../shared/eval/geo-news, geo-local), on extract output.

Why: the number must measure what the product prints. The dev documents go through
`claimgraph extract --json` (evaluate/extracted.py) and its `places` are scored with the rule of
the reference `score.py geo` (../shared/eval/claims-news/score.py; tests/test_evaluate checks
the numbers agree):

- toponym P/R/F1: exact (start, end) span matches;
- geo_acc_161km, geo_mean_km, geo_median_km: over every gold toponym with coordinates, the
  exact-span place or, without one, the first place whose span overlaps it; no place or one
  without coordinates counts as 20,039 km (half the globe).

Also, from the same output: `geo_acc_161km_exact` (exact spans only, the folder READMEs' and the
Mordecai 3 end-to-end report's rule), `toponym_f1_overlap` (one-to-one overlapping spans),
mean/median km over the toponyms given coordinates only (`*_resolved`, as the READMEs ask), the
literal-type subset and per-type figures (geo-news types), and the claim counts of issue 10.

    python -m claimgraph.evaluate.geo ../shared/eval/geo-news [--limit N] [--errors OUT.jsonl]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from claimgraph.evaluate.extracted import claim_counts, evaluate_extracted, mapped_spans

__all__ = ["PEERS", "evaluate", "haversine_km", "score"]

LITERAL = {"Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier"}
PEERS = {
    "geo-news": [
        {
            "system": "Mordecai 3 (as shipped)",
            "metric": "geo_acc_161km",
            "value": 0.625,
            "source": "claimgraph issue 3 / Halterman 2023",
        },
        {
            "system": "Mordecai 3 (with the authors' fixes)",
            "metric": "geo_acc_161km",
            "value": 0.71,
            "source": "claimgraph issue 3 / Halterman 2023",
        },
    ],
    "geo-local": [
        {
            "system": "Mordecai 3 (as shipped)",
            "metric": "geo_acc_161km",
            "value": 0.590,
            "source": "claimgraph issue 3 / Halterman 2023",
        },
        {
            "system": "Mordecai 3 (with the authors' fixes)",
            "metric": "geo_acc_161km",
            "value": 0.76,
            "source": "claimgraph issue 3 / Halterman 2023",
        },
    ],
}


MISS_KM = 20039.0  # the reference scorer's distance for a toponym given no coordinates


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, Earth radius 6371 km, computed as the reference scorer does."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))


def _coords(place: dict[str, Any] | None) -> tuple[float, float] | None:
    if not isinstance(place, dict):
        return None
    lat = place.get("lat", place.get("latitude"))
    lon = place.get("lon", place.get("lng", place.get("longitude")))
    return (float(lat), float(lon)) if lat is not None and lon is not None else None


def _overlap_match(gold: list[dict], pred: list[tuple[int, int, Any]]) -> int:
    """Gold toponyms paired one-to-one (first come) with an overlapping predicted span."""
    used: set[int] = set()
    for t in gold:
        for pi, (s, e, _) in enumerate(pred):
            if pi not in used and s < t["end"] and t["start"] < e:
                used.add(pi)
                break
    return len(used)


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    gold_docs: list[dict[str, Any]],
    outputs: list[dict[str, Any]],
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Geoparsing metrics of extract objects' `places` (matched by id) against gold toponyms.

    `errors`, if given, collects each missed or misplaced toponym and each false positive.
    """
    out = {str(d.get("id")): d for d in outputs}
    n_gold = n_pred = tp = tp_ov = missing = 0
    dists: list[float] = []  # one per gold toponym with coordinates (MISS_KM when none)
    exact_hits = 0
    lit: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = {}
    for g in gold_docs:
        d = out.get(str(g["id"]))
        missing += d is None
        pred = mapped_spans(d or {}, "places", g["text"])
        gold = g["toponyms"]
        n_gold += len(gold)
        n_pred += len(pred)
        tp_ov += _overlap_match(gold, pred)
        for t in gold:
            hit = next((x for s, e, x in pred if s == t["start"] and e == t["end"]), None)
            tp += hit is not None
            typ = t.get("type", "all")
            c = by_type.setdefault(typ, Counter())
            c["n"] += 1
            c["found"] += hit is not None
            if typ in LITERAL:
                lit["n"] += 1
                lit["found"] += hit is not None
            dist = None
            if t.get("lat") is not None:
                over = hit or next((x for s, e, x in pred if s < t["end"] and t["start"] < e), None)
                pc = _coords(over)
                dist = haversine_km(pc[0], pc[1], t["lat"], t["lon"]) if pc else MISS_KM
                dists.append(dist)
                ok = dist <= 161
                pe = _coords(hit)
                exact_hits += bool(pe and haversine_km(pe[0], pe[1], t["lat"], t["lon"]) <= 161)
                c["coord"] += 1
                c["hit"] += ok
                if typ in LITERAL:
                    lit["coord"] += 1
                    lit["hit"] += ok
            if errors is not None and (hit is None or (dist is not None and dist > 161)):
                errors.append(
                    {
                        "doc": g["id"],
                        "name": t["name"],
                        "type": typ,
                        "found": hit is not None,
                        "pred": hit,
                        "gold": [t.get("lat"), t.get("lon")],
                        "km": dist,
                        "ctx": g["text"][max(0, t["start"] - 60) : t["end"] + 60],
                    }
                )
        if errors is not None:
            gold_spans = {(t["start"], t["end"]) for t in gold}
            for s, e, x in pred:
                if (s, e) not in gold_spans:
                    errors.append(
                        {
                            "doc": g["id"],
                            "name": x.get("mention"),
                            "type": "FALSE_POSITIVE",
                            "pred": x,
                            "ctx": g["text"][max(0, s - 60) : e + 60],
                        }
                    )

    p, r, f = _prf(tp, n_pred, n_gold)
    _, _, f_ov = _prf(tp_ov, n_pred, n_gold)
    resolved = [x for x in dists if x != MISS_KM]
    n_coord = len(dists)
    metrics: dict[str, Any] = {
        "toponym_p": round(p, 4),
        "toponym_r": round(r, 4),
        "toponym_f1": round(f, 4),
        "toponym_f1_overlap": round(f_ov, 4),
        "geo_acc_161km": round(sum(x <= 161 for x in dists) / n_coord, 4) if n_coord else 0.0,
        "geo_acc_161km_exact": round(exact_hits / n_coord, 4) if n_coord else 0.0,
        "geo_mean_km": round(statistics.mean(dists), 1) if dists else None,
        "geo_median_km": round(statistics.median(dists), 1) if dists else None,
        "geo_mean_km_resolved": round(statistics.mean(resolved), 1) if resolved else None,
        "geo_median_km_resolved": round(statistics.median(resolved), 1) if resolved else None,
        "docs": len(gold_docs),
        "missing_docs": missing,
        "n_gold": n_gold,
        "n_pred": n_pred,
        "gold_with_coords": n_coord,
        "n_resolved": len(resolved),
    }
    if lit["n"]:
        metrics["literal_toponym_r"] = round(lit["found"] / lit["n"], 4)
        metrics["literal_geo_acc_161km"] = (
            round(lit["hit"] / lit["coord"], 4) if lit["coord"] else 0.0
        )
    if len(by_type) > 1:
        metrics["by_type"] = {
            k: {
                "n": v["n"],
                "recall": round(v["found"] / v["n"], 3),
                "acc_161km": round(v["hit"] / v["coord"], 3) if v["coord"] else None,
            }
            for k, v in sorted(by_type.items())
        }
    metrics.update(claim_counts(gold_docs, outputs))
    return metrics


def evaluate(
    path: Path,
    *,
    limit: int | None = None,
    errors: list[dict[str, Any]] | None = None,
    save: Path | None = None,
) -> dict[str, Any]:
    """Extract the dev documents as `claimgraph extract --json` does and score their places.

    `errors`, if given, collects per-toponym misses; `save` writes the extract JSONL (for the
    reference scorer).
    """
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    return evaluate_extracted(
        path,
        lambda gold, outputs: score(gold, outputs, errors),
        peers=PEERS.get(folder.name, []),
        limit=limit,
        save=save,
        parse_ceiling=True,
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimgraph.evaluate.geo", description=__doc__)
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument(
        "--errors", type=Path, default=None, help="write misses/false positives as JSONL"
    )
    ap.add_argument("--save", type=Path, default=None, help="write the extract JSONL here")
    a = ap.parse_args(argv)
    errs: list[dict[str, Any]] | None = [] if a.errors else None
    res = evaluate(a.path, limit=a.limit, errors=errs, save=a.save)
    if a.errors and errs is not None:
        a.errors.write_text(
            "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errs), "utf-8"
        )
    json.dump(res, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
