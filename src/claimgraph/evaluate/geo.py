"""Geoparsing evaluation on a geo gold folder (../shared/eval/geo-news, geo-local).

Span matching: the main P/R/F1 and acc@161km use EXACT (start, end) matches, as the folder
READMEs and the Mordecai 3 end-to-end report do; `toponym_f1_overlap` and
`geo_acc_161km_overlap` use overlapping spans (one-to-one, first come) for comparison.
acc@161km is end-to-end over every gold toponym with coordinates: not found or not resolved
counts as wrong. Mean/median km are over matched pairs the system resolved.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from claimgraph.extract.nlp import load_nlp
from claimgraph.resolve.gazetteer import load as load_gazetteer
from claimgraph.resolve.places import find_places

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


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance, Earth radius 6371 km (the READMEs' definition)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _overlap_match(gold: list[dict], pred: list[Any]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    used: set[int] = set()
    for gi, t in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and p.start < t["end"] and t["start"] < p.end:
                out[gi] = p
                used.add(pi)
                break
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(
    path: Path, *, limit: int | None = None, errors: list[dict] | None = None
) -> dict[str, Any]:
    """Score find_places on path/dev.jsonl; `errors`, if given, collects per-toponym misses."""
    path = Path(path)
    docs = [
        json.loads(line)
        for line in (path / "dev.jsonl").read_text("utf-8").split("\n")
        if line.strip()
    ]
    if limit is not None:
        docs = docs[:limit]
    nlp = load_nlp()
    t0 = time.perf_counter()
    load_gazetteer()
    t_gaz = time.perf_counter() - t0
    texts = [d["text"] for d in docs]
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=64))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    preds = [find_places(doc) for doc in parsed]
    t_find = time.perf_counter() - t0
    words = sum(len(doc) for doc in parsed)

    n_gold = n_pred = tp = tp_ov = 0
    n_coord = hit = hit_ov = 0
    dists: list[float] = []
    lit = Counter()
    by_type: dict[str, Counter] = {}
    for d, pred in zip(docs, preds, strict=True):
        gold = d["toponyms"]
        n_gold += len(gold)
        n_pred += len(pred)
        exact = {(p.start, p.end): p for p in pred}
        ov = _overlap_match(gold, pred)
        tp_ov += len(ov)
        for gi, t in enumerate(gold):
            p = exact.get((t["start"], t["end"]))
            tp += p is not None
            typ = t.get("type", "all")
            c = by_type.setdefault(typ, Counter())
            c["n"] += 1
            c["found"] += p is not None
            has = t.get("lat") is not None and t.get("lon") is not None
            ok = False
            dist = None
            if has:
                n_coord += 1
                c["coord"] += 1
                if p is not None and p.resolved:
                    dist = haversine_km(t["lat"], t["lon"], p.lat, p.lon)
                    dists.append(dist)
                    ok = dist <= 161.0
                po = ov.get(gi)
                if (
                    po is not None
                    and po.resolved
                    and haversine_km(t["lat"], t["lon"], po.lat, po.lon) <= 161.0
                ):
                    hit_ov += 1
                hit += ok
                c["hit"] += ok
                if typ in LITERAL:
                    lit["coord"] += 1
                    lit["hit"] += ok
            if typ in LITERAL:
                lit["n"] += 1
                lit["found"] += p is not None
            if errors is not None and (p is None or (has and not ok)):
                errors.append(
                    {
                        "doc": d["id"],
                        "name": t["name"],
                        "type": typ,
                        "found": p is not None,
                        "pred": None if p is None else p.to_dict(),
                        "gold": [t.get("lat"), t.get("lon")],
                        "km": dist,
                        "ctx": d["text"][max(0, t["start"] - 60) : t["end"] + 60],
                    }
                )
        if errors is not None:
            gold_spans = {(t["start"], t["end"]) for t in gold}
            for p in pred:
                if (p.start, p.end) not in gold_spans:
                    errors.append(
                        {
                            "doc": d["id"],
                            "name": p.mention,
                            "type": "FALSE_POSITIVE",
                            "pred": p.to_dict(),
                            "ctx": d["text"][max(0, p.start - 60) : p.end + 60],
                        }
                    )

    p, r, f = _prf(tp, n_pred, n_gold)
    _, _, f_ov = _prf(tp_ov, n_pred, n_gold)
    metrics: dict[str, Any] = {
        "toponym_p": round(p, 4),
        "toponym_r": round(r, 4),
        "toponym_f1": round(f, 4),
        "toponym_f1_overlap": round(f_ov, 4),
        "geo_acc_161km": round(hit / n_coord, 4) if n_coord else 0.0,
        "geo_acc_161km_overlap": round(hit_ov / n_coord, 4) if n_coord else 0.0,
        "geo_mean_km": round(statistics.fmean(dists), 1) if dists else None,
        "geo_median_km": round(statistics.median(dists), 1) if dists else None,
        "n_docs": len(docs),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "n_gold_with_coords": n_coord,
        "n_resolved_matched": len(dists),
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
    return {
        "name": path.name,
        "path": str(path),
        "metrics": metrics,
        "peers": PEERS.get(path.name, []),
        "speed": {
            "words": words,
            "spacy_parse_words_per_s": round(words / t_parse, 1) if t_parse else None,
            "find_places_words_per_s": round(words / t_find, 1) if t_find else None,
            "end_to_end_words_per_s": round(words / (t_parse + t_find), 1)
            if t_parse + t_find
            else None,
            "gazetteer_load_s": round(t_gaz, 2),
        },
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimgraph.evaluate.geo", description=__doc__)
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument(
        "--errors", type=Path, default=None, help="write misses/false positives as JSONL"
    )
    a = ap.parse_args(argv)
    errs: list[dict] | None = [] if a.errors else None
    res = evaluate(a.path, limit=a.limit, errors=errs)
    if a.errors and errs is not None:
        a.errors.write_text(
            "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errs), "utf-8"
        )
    json.dump(res, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
