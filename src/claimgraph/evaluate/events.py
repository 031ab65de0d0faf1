"""Attack/transfer/request/production events (../shared/eval/events-news, WikiEvents dev).

Why: news writes events as nouns as often as verbs ("the bombing", "blast"); this measures
whether `claimgraph extract` finds them and fills their roles. The folder's score.py is the
spec (tests/test_evaluate checks the numbers agree).

Only claims of SCORED_TYPES count. A claim matches a gold event when the gold trigger overlaps
the claim's evidence and the claim's event is one of the gold event's claimgraph types
(one-to-one, greedy in claim order, the trigger nearest the evidence start first). An argument
is found when the matched claim fills one of its roles with a text equal to, or sharing a
content word with, the argument or one of its coreferent mentions.

    python -m claimgraph.evaluate.events ../shared/eval/events-news [--limit N]
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from claimgraph.evaluate.attribution import offset_map, prf, speaker_match
from claimgraph.evaluate.extracted import evaluate_extracted, run_cli

__all__ = ["PEERS", "SCORED_TYPES", "evaluate", "score"]

SCORED_TYPES = {"ATTACK", "ACQUIRE", "SUPPLY", "EXCHANGE", "PRODUCE", "REQUEST"}
ROLES = ("agent", "recipient", "supplier", "object", "location")
PEERS: list[dict[str, Any]] = [
    {
        "system": "keyword-trigger baseline",
        "metric": "event_f1",
        "value": 0.581,
        "source": "events-news README",
    },
    {"system": "keyword-trigger baseline", "metric": "event_p", "value": 0.50, "source": "ibid."},
    {"system": "keyword-trigger baseline", "metric": "event_r", "value": 0.70, "source": "ibid."},
]


def _fillers(v: Any) -> list[str]:
    if not v:
        return []
    if isinstance(v, dict):
        return [
            x for x in (v.get("name"), v.get("text"), v.get("mention")) if isinstance(x, str) and x
        ]
    if isinstance(v, str):
        return [v]
    return []


def score(gold_docs: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Event and argument metrics of extract objects against the gold documents."""
    preds = {d["id"]: d for d in outputs}
    c: Counter[str] = Counter()
    for g in gold_docs:
        p = preds.get(g["id"], {"claims": []})
        fmap = offset_map(g["text"], p.get("text", g["text"]))
        gev = [e for e in g["events"] if e["claimgraph_types"]]
        c["gold_events"] += len(gev)
        c["gold_args"] += sum(1 for e in gev for a in e["arguments"] if a["claimgraph_roles"])
        used: set[str] = set()
        for cl in p.get("claims", []):
            if cl.get("event") not in SCORED_TYPES:
                continue
            c["pred_claims"] += 1
            fillers = [(r, f) for r in ROLES if (f := _fillers(cl.get(r)))]
            c["pred_args"] += len(fillers)
            ev = cl.get("evidence") or {}
            s, en = fmap(ev.get("start", 0)), fmap(ev.get("end", 0))
            cands = [
                e
                for e in gev
                if e["id"] not in used
                and cl["event"] in e["claimgraph_types"]
                and e["trigger"]["start"] < en
                and e["trigger"]["end"] > s
            ]
            if not cands:
                continue
            best = min(cands, key=lambda e: abs(e["trigger"]["start"] - s))
            used.add(best["id"])
            c["matched"] += 1
            margs = [a for a in best["arguments"] if a["claimgraph_roles"]]
            c["gold_args_of_matched"] += len(margs)
            for a in margs:
                golds = [a["text"], *a["coref_texts"]]
                if any(r in a["claimgraph_roles"] and speaker_match(golds, x) for r, x in fillers):
                    c["args_found"] += 1
            for r, x in fillers:
                if any(
                    r in a["claimgraph_roles"] and speaker_match([a["text"], *a["coref_texts"]], x)
                    for a in margs
                ):
                    c["pred_args_correct"] += 1
    ev = prf(c["matched"], c["pred_claims"], c["gold_events"])
    args = prf(c["args_found"], c["pred_args"], c["gold_args"])
    arg_p = round(c["pred_args_correct"] / c["pred_args"], 4) if c["pred_args"] else 0.0
    return {
        "event_p": ev["P"],
        "event_r": ev["R"],
        "event_f1": ev["F1"],
        "arg_r": args["R"],
        "arg_p": arg_p,
        "docs": len(gold_docs),
        "missing_docs": sum(1 for g in gold_docs if g["id"] not in preds),
        "gold_events": c["gold_events"],
        "predicted_claims": c["pred_claims"],
        "matched": c["matched"],
        "gold_args": c["gold_args"],
        "args_found": c["args_found"],
    }


def evaluate(path: Path, *, limit: int | None = None, save: Path | None = None) -> dict[str, Any]:
    """Extract the dev documents as `claimgraph extract --json` does, then score them;
    `save` writes the extract JSONL (for the folder's reference scorer)."""
    return evaluate_extracted(path, score, peers=PEERS, limit=limit, save=save)


def main(argv: list[str] | None = None) -> int:
    return run_cli("python -m claimgraph.evaluate.events", evaluate, argv)


if __name__ == "__main__":
    raise SystemExit(main())
