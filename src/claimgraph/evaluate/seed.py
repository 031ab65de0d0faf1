"""Score extraction against a seed-format gold file (../shared/seed/*.gold.json).

Everything scored is what `claimgraph extract FILE --json` prints for the gold's text file
(evaluate/extracted.py: the command's reader and `extract_article`, a JSON round trip): its
claims, places, entities and text; its publication date is read from the text (the dateline),
as the command does, not taken from the gold.

Claim matching (documented so numbers can be compared): a system claim matches a gold claim
when the event type is one the gold allows, the agents agree (both absent, or the system's
canonical agent is the gold agent or one of its gold aliases), and at least one main role the
gold gives agrees: recipient (alias-aware), location (gold place mention or name against the
system's mention or gazetteer name) or object (a shared content word, singular/plural folded).
Recall: gold claims matched by some system claim. Precision: system claims that match some
gold claim (a claim the text states twice, matched twice, counts twice). Over matched gold
claims, the best-agreeing system claim is scored for source (null = the publisher), modality
and time (skipped where the gold time is null). Places: each gold place with coordinates is
right when a system place with the same mention resolves within 161 km.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

STOP = {"the", "a", "an", "of", "for", "in", "and", "with", "to", "on", "at", "by", "s"}


def _listify(v: Any) -> list[Any]:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def _fold(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s.casefold()).strip()


def _words(s: str) -> set[str]:
    out = set()
    for w in _fold(s).split():
        if w in STOP:
            continue
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith("s") and len(w) > 3:
            w = w[:-1]
        out.add(w)
    return out


class _Aliases:
    """Name equivalences from the gold's own entity and place tables."""

    def __init__(self, gold: dict[str, Any]) -> None:
        self.groups: dict[str, set[str]] = {}
        for e in gold.get("entities", []):
            names = {_fold(e["name"]), *(_fold(a) for a in e.get("aliases", []))}
            for n in names:
                self.groups.setdefault(n, set()).update(names)
        for p in gold.get("places", []):
            names = {_fold(p["name"]), _fold(p["mention"])}
            for n in names:
                self.groups.setdefault(n, set()).update(names)

    def names(self, value: Any) -> set[str]:
        out: set[str] = set()
        for v in _listify(value):
            f = _fold(str(v))
            out |= self.groups.get(f, {f})
        return out


def _actor_names(role: dict[str, Any] | None) -> set[str]:
    if not role:
        return set()
    return {_fold(x) for x in (role.get("name"), role.get("text")) if x}


def _place_names(loc: dict[str, Any] | None) -> set[str]:
    if not loc:
        return set()
    return {_fold(x) for x in (loc.get("name"), loc.get("mention")) if x}


def _matches(g: dict[str, Any], s: dict[str, Any], al: _Aliases) -> bool:
    if s["event"] not in _listify(g["event"]):
        return False
    gold_agents = al.names(g.get("agent"))
    if (gold_agents or s.get("agent")) and not (gold_agents & _actor_names(s.get("agent"))):
        return False
    checks = []
    if g.get("recipient"):
        checks.append(bool(al.names(g["recipient"]) & _actor_names(s.get("recipient"))))
    if g.get("location"):
        checks.append(bool(al.names(g["location"]) & _place_names(s.get("location"))))
    if g.get("object"):
        sys_obj = (s.get("object") or {}).get("text") or ""
        checks.append(bool(_words(str(g["object"])) & _words(sys_obj)))
    return any(checks) if checks else True


def _source_ok(g: dict[str, Any], s: dict[str, Any], al: _Aliases) -> bool:
    src = s.get("source") or {}
    if g.get("source") is None:
        return bool(src.get("is_publisher"))
    if src.get("is_publisher"):
        return False
    names = {_fold(x) for x in (src.get("name"), src.get("text"), src.get("country")) if x}
    return bool(al.names(g["source"]) & names)


def _time_ok(g: dict[str, Any], s: dict[str, Any]) -> bool | None:
    if g.get("time") is None:
        return None
    value = (s.get("time") or {}).get("value")
    return value in _listify(g["time"])


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def evaluate_gold(gold_path: Path) -> dict[str, Any]:
    """All seed metrics for one gold file; `details` lists each gold claim's outcome."""
    from claimgraph.evaluate.extracted import extract_file
    from claimgraph.evaluate.ner import evaluate_seed_entities

    gold_path = Path(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = extract_file(gold_path.parent / gold["file"])
    system: list[dict[str, Any]] = doc.get("claims") or []
    al = _Aliases(gold)
    gold_claims = gold.get("claims", [])

    matched = 0
    src_ok = mod_ok = time_ok = time_n = 0
    details = []
    for g in gold_claims:
        hits = [s for s in system if _matches(g, s, al)]
        if not hits:
            details.append({"gold": g.get("evidence"), "event": g["event"], "matched": False})
            continue
        matched += 1

        def agreement(s: dict[str, Any], g: dict[str, Any] = g) -> int:
            return (
                _source_ok(g, s, al)
                + (s["modality"] in _listify(g.get("modality")))
                + bool(_time_ok(g, s))
            )

        best = max(hits, key=agreement)
        ok_src = _source_ok(g, best, al)
        ok_mod = best["modality"] in _listify(g.get("modality"))
        ok_time = _time_ok(g, best)
        src_ok += ok_src
        mod_ok += ok_mod
        if ok_time is not None:
            time_n += 1
            time_ok += ok_time
        details.append(
            {
                "gold": g.get("evidence"),
                "event": g["event"],
                "matched": True,
                "source_ok": ok_src,
                "modality_ok": ok_mod,
                "time_ok": ok_time,
                "system_source": best["source"]["name"],
                "system_modality": best["modality"],
                "system_time": (best.get("time") or {}).get("value"),
            }
        )
    correct_sys = sum(any(_matches(g, s, al) for g in gold_claims) for s in system)

    geo_ok = geo_n = 0
    dists = []
    for gp in gold.get("places", []):
        if gp.get("lat") is None:
            continue
        geo_n += 1
        cands = [
            p
            for p in doc.get("places") or []
            if _fold(p.get("mention") or "") == _fold(gp["mention"])
            and p.get("lat") is not None
            and p.get("lon") is not None
        ]
        if cands:
            d = min(_km(gp["lat"], gp["lon"], p["lat"], p["lon"]) for p in cands)
            dists.append(d)
            geo_ok += d <= 161
    text = doc.get("text") or ""
    boiler = gold.get("boilerplate_to_strip", [])

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    cp = correct_sys / len(system) if system else 0.0
    cr = matched / len(gold_claims) if gold_claims else 0.0
    ents = evaluate_seed_entities(gold_path, doc)["metrics"] if gold.get("entities") else {}
    metrics = {
        **{k: v for k, v in ents.items() if k.startswith("entity_")},
        "claim_p": round(cp, 4),
        "claim_r": round(cr, 4),
        "claim_f1": round(f1(cp, cr), 4),
        "claims_matched": matched,
        "claims_gold": len(gold_claims),
        "claims_system": len(system),
        "source_acc": round(src_ok / matched, 4) if matched else 0.0,
        "modality_acc": round(mod_ok / matched, 4) if matched else 0.0,
        "time_acc": round(time_ok / time_n, 4) if time_n else 0.0,
        "geo_acc_161km": round(geo_ok / geo_n, 4) if geo_n else 0.0,
        "geo_mean_km": round(sum(dists) / len(dists), 1) if dists else None,
        "geo_median_km": round(sorted(dists)[len(dists) // 2], 1) if dists else None,
        "boilerplate_removed": round(sum(b not in text for b in boiler) / len(boiler), 4)
        if boiler
        else 1.0,
    }
    return {
        "name": gold.get("doc_id", gold_path.stem),
        "path": str(gold_path),
        "metrics": metrics,
        "peers": [],
        "details": details,
    }
