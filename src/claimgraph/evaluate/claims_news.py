"""Claims an event-data analyst would list (../shared/eval/claims-news), scored on extract output.

Why: the seed gold is one article; this set asks the product's real question on ordinary news —
does `claimgraph extract` find the claims, with the right event, actors, source, modality and
time? The metric is the folder README's match rule (its `score.py claimset` is the spec, and
tests/test_evaluate checks the numbers agree):

A predicted claim matches a gold claim when its evidence span overlaps the gold evidence
sentence, its agent is the gold agent (or both are absent) and, where the gold claim has a
recipient, object or location, one of them matches a predicted role. Each claim is matched at
most once; among candidates, one with the right event type, then the earliest, wins.

    python -m claimgraph.evaluate.claims_news ../shared/eval/claims-news [--limit N] [--save OUT]
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimgraph.evaluate.extracted import aligned, claim_counts, evaluate_extracted, run_cli

__all__ = ["PEERS", "aligned", "evaluate", "name", "norm", "score", "toks"]

PEERS: list[dict[str, Any]] = [
    {
        "system": "second annotator (4 hidden-set documents, same guidelines)",
        "metric": "strict_recall",
        "value": 0.80,
        "source": "claims-news README (agreement)",
    },
    {
        "system": "second annotator (4 hidden-set documents, same guidelines)",
        "metric": "strict_precision",
        "value": 0.73,
        "source": "claims-news README (agreement)",
    },
    {
        "system": "second annotator (4 hidden-set documents, same guidelines)",
        "metric": "claim_recall",
        "value": 0.87,
        "source": "claims-news README (agreement)",
    },
    {
        "system": "second annotator (4 hidden-set documents, same guidelines)",
        "metric": "claim_precision",
        "value": 0.78,
        "source": "claims-news README (agreement)",
    },
]

_STOP = {"the", "a", "an", "of", "to", "in", "for", "and", "at", "on", "by", "with", "from", "its"}
_STOP |= {"that", "this"}


def name(x: Any) -> str | None:
    """A role's display string: dicts by name/canonical/text/value, lists by their first item."""
    if x is None:
        return None
    if isinstance(x, dict):
        return x.get("name") or x.get("canonical") or x.get("text") or x.get("value")
    if isinstance(x, list):
        return name(x[0]) if x else None
    return str(x)


def norm(s: str | None) -> str:
    """Lower case, no leading article, letters/digits/hyphens/spaces only."""
    s = (s or "").lower().replace("’", "'")
    s = re.sub(r"^(the|a|an)\s+", "", s.strip())
    return re.sub(r"[^a-z0-9\-\s]", "", s).strip()


def toks(s: str | None) -> set[str]:
    """Content words, a plural "s" dropped from words longer than three letters."""
    return {
        t[:-1] if t.endswith("s") and len(t) > 3 else t for t in norm(s).split() if t not in _STOP
    }


def _aliases(gold_doc: dict[str, Any]) -> dict[str, set[str]]:
    alias: dict[str, set[str]] = {}
    for e in gold_doc.get("entities", []):
        for a in [e["name"], *e.get("aliases", [])]:
            alias.setdefault(norm(a), set()).add(norm(e["name"]))
    return alias


def _same(gv: Any, pv: Any, alias: dict[str, set[str]]) -> bool:
    """Gold name(s) vs a predicted role: equal, one word of the other, alias, or word subset."""
    if isinstance(gv, list):
        return any(_same(x, pv, alias) for x in gv)
    if gv is None or pv is None:
        return gv is None and pv is None
    gn, pn = norm(gv), norm(name(pv))
    if not pn or not gn:
        return False
    if gn == pn or gn in pn.split() or pn in gn.split():
        return True
    if alias.get(pn, set()) & ({gn} | alias.get(gn, set())):
        return True
    tg, tp = toks(gn), toks(pn)
    return bool(tg) and (tg <= tp or tp <= tg)


def _loose(gv: Any, pv: Any) -> bool:
    if isinstance(gv, list):
        return any(_loose(x, pv) for x in gv)
    return gv is not None and pv is not None and bool(toks(gv) & toks(name(pv) or ""))


def _main_role(gc: dict[str, Any], p: dict[str, Any], alias: dict[str, set[str]]) -> bool:
    roles = [(r, gc.get(r)) for r in ("recipient", "object", "location") if gc.get(r) is not None]
    if not roles:
        return True
    for r, gv in roles:
        pv = p.get(r) or (p.get("place") if r == "location" else None)
        if _same(gv, pv, alias) or _loose(gv, pv):
            return True
        for other in ("recipient", "object", "location", "supplier"):  # a neighbouring slot
            if other != r and (_same(gv, p.get(other), alias) or _loose(gv, p.get(other))):
                return True
    return False


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def score(gold_docs: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Claim metrics of extract objects (`outputs`, matched by id) against the gold documents."""
    out = {str(d.get("id")): d for d in outputs}
    t: Counter[str] = Counter()
    for g in gold_docs:
        d = out.get(str(g["id"]))
        if d is None:
            t["missing_docs"] += 1
            d = {}
        pred = d.get("claims", []) or []
        f = aligned(g["text"], d.get("text"))
        if not pred:
            t["docs_without_claims"] += 1
        alias = _aliases(g)

        def span(p: dict[str, Any], f: Callable[[int | None], int | None] = f) -> tuple | None:
            ev = p.get("evidence") or {}
            s, e = f(ev.get("start")), f(ev.get("end"))
            return (s, e) if s is not None and e is not None else None

        used: set[int] = set()
        t["gold"] += len(g["claims"])
        t["pred"] += len(pred)
        for gc in g["claims"]:
            i = g["text"].find(gc["evidence"])
            gs = (i, i + len(gc["evidence"])) if i >= 0 else None
            best = None
            for pi, p in enumerate(pred):
                if pi in used:
                    continue
                sp = span(p)
                if gs is None or sp is None or sp[1] <= gs[0] or sp[0] >= gs[1]:
                    continue
                if not _same(gc.get("agent"), p.get("agent"), alias):
                    continue
                if not _main_role(gc, p, alias):
                    continue
                ev_ok = (name(p.get("event")) or "").upper() in [x.upper() for x in gc["event"]]
                key = (ev_ok, -pi)
                if best is None or key > best[0]:
                    best = (key, pi, p, ev_ok)
            if best is None:
                continue
            _, pi, p, ev_ok = best
            used.add(pi)
            t["matched"] += 1
            t["strict"] += ev_ok
            src, ps = gc.get("source"), p.get("source") or {}
            if src is None:
                t["source_ok"] += bool(ps.get("is_publisher", True)) or norm(name(ps)) in {
                    "publisher",
                    "",
                }
            else:
                t["source_ok"] += _same(src, ps, alias) or (
                    isinstance(ps, dict)
                    and any(_same(src, c, alias) for c in ps.get("chain", [])[1:])
                )
            mods = gc["modality"] if isinstance(gc["modality"], list) else [gc["modality"]]
            t["modality_ok"] += norm(name(p.get("modality"))) in mods
            if gc.get("time") is not None:
                wants = gc["time"] if isinstance(gc["time"], list) else [gc["time"]]
                got = p.get("time")
                got = got.get("value") if isinstance(got, dict) else got
                t["time_n"] += 1
                t["time_ok"] += got is not None and str(got) in [str(w) for w in wants]
    m = t["matched"]
    return {
        "claim_recall": _ratio(m, t["gold"]),
        "claim_precision": _ratio(m, t["pred"]),
        "strict_recall": _ratio(t["strict"], t["gold"]),
        "strict_precision": _ratio(t["strict"], t["pred"]),
        "event_acc": _ratio(t["strict"], m),
        "source_acc": _ratio(t["source_ok"], m),
        "modality_acc": _ratio(t["modality_ok"], m),
        "time_acc": _ratio(t["time_ok"], t["time_n"]),
        "docs": len(gold_docs),
        "missing_docs": t["missing_docs"],
        "docs_without_claims": t["docs_without_claims"],
        **{k: v for k, v in claim_counts(gold_docs, outputs).items() if k != "docs_without_claims"},
        "gold_claims": t["gold"],
        "predicted_claims": t["pred"],
        "matched": m,
    }


def evaluate(path: Path, *, limit: int | None = None, save: Path | None = None) -> dict[str, Any]:
    """Extract the dev documents as `claimgraph extract --json` does, then score them;
    `save` writes the extract JSONL (for the folder's reference scorer)."""
    return evaluate_extracted(path, score, peers=PEERS, limit=limit, save=save)


def main(argv: list[str] | None = None) -> int:
    return run_cli("python -m claimgraph.evaluate.claims_news", evaluate, argv)


if __name__ == "__main__":
    raise SystemExit(main())
