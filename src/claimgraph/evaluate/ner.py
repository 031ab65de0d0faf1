"""NER scores: CoNLL-2003 dev (ner-news) and the seed gold's entity list.

Why: the entity layer stands on spaCy's small OntoNotes model; this measures how far its
mapped output is from CoNLL-trained systems, and how well `resolve_entities` recovers the
canonical entities a person listed for the seed article.

    python -m claimgraph.evaluate.ner /work/shared/eval/ner-news [--limit N] [--raw]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from claimgraph.extract.nlp import load_nlp

__all__ = ["LABEL_MAP", "evaluate", "evaluate_seed_entities", "map_entities", "prf"]

# OntoNotes → CoNLL (shared/eval/ner-news/README.md); labels not listed are dropped.
LABEL_MAP = {
    "PERSON": "PER",
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
}
LABELS = ("PER", "LOC", "ORG", "MISC")
PEERS = [
    {
        "system": "CoNLL-2003-trained systems (published)",
        "metric": "ner_f1",
        "value": 0.92,
        "source": "claimgraph issue 3 (91–93 F1)",
    }
]
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_CAPS_WORD = re.compile(r"\S+")
_DATE_AFTER = re.compile(r"\s+\d{4}-\d{2}-\d{2}")


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def truecase_caps(text: str) -> str:
    """Title-case ALL-CAPS headline runs and datelines; same length, so offsets still hold.

    Why: the small model reads "LEICESTERSHIRE TAKE OVER" as noise or tags every word; news
    headlines and datelines are routinely upper-case. A run is ≥ 3 consecutive upper-case
    words, or one upper-case word directly before an ISO date (the dateline).
    """
    words = list(_CAPS_WORD.finditer(text))

    def caps(w: str) -> bool:
        letters = [c for c in w if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    def neutral(w: str) -> bool:  # punctuation/digits do not break a run
        return not any(c.isalpha() for c in w)

    out = list(text)
    i = 0
    while i < len(words):
        if not caps(words[i].group()):
            i += 1
            continue
        j, n_caps = i, 0
        while j < len(words) and (caps(words[j].group()) or neutral(words[j].group())):
            n_caps += caps(words[j].group())
            j += 1
        dateline = n_caps <= 2 and _DATE_AFTER.match(text, words[j - 1].end()) is not None
        if n_caps >= 3 or dateline:
            for w in words[i:j]:
                if caps(w.group()):
                    new = w.group().capitalize()
                    if len(new) == len(w.group()):
                        out[w.start() : w.end()] = new
        i = max(j, i + 1)
    return "".join(out)


_TRAIL = re.compile(r"(?:\s+(?:'s|’s|'|[\d.,:/-]+))+$")
_SEPARATOR = re.compile(r"\s+[-,]\s+")
_DATELINE = re.compile(r"(?:^|\.\s)((?:[A-Z][\w.'-]*\s+){1,3})\d{4}-\d{2}-\d{2}\b")


def _fix_span(start: int, text: str) -> list[tuple[int, str]]:
    """Drop a leading "the", trailing scores/possessives ("J. Smith 56", "York 's"), and split
    at spaced dashes/commas ("Oval , London"): CoNLL never spans these."""
    if (m := _LEADING_THE.match(text)) and len(text) > m.end():
        start, text = start + m.end(), text[m.end() :]
    if (m := _TRAIL.search(text)) and m.start() > 0:
        text = text[: m.start()]
    out, pos = [], 0
    for sep in [*_SEPARATOR.finditer(text), None]:
        end = sep.start() if sep else len(text)
        piece = text[pos:end]
        if any(c.isalpha() for c in piece):
            out.append((start + pos, piece))
        pos = sep.end() if sep else pos
    return out


def map_entities(doc: Any, *, fixes: bool = True) -> set[tuple[int, int, str]]:
    """spaCy entities as (start, end, CoNLL label); `fixes` applies `_fix_span` and reads
    wire datelines ("COLOMBO 1996-08-30") as locations."""
    out: set[tuple[int, int, str]] = set()
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        pieces = _fix_span(ent.start_char, ent.text) if fixes else [(ent.start_char, ent.text)]
        out.update((s, s + len(t), label) for s, t in pieces)
    if fixes:
        for m in _DATELINE.finditer(doc.text[:400]):
            s, e = m.start(1), m.start(1) + len(m.group(1).rstrip())
            if not any(a < e and s < b for a, b, _ in out):
                out.add((s, e, "LOC"))
    return out


def _read(path: Path, limit: int | None) -> list[dict[str, Any]]:
    docs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
            if limit is not None and len(docs) >= limit:
                break
    return docs


def evaluate(path: Path, *, limit: int | None = None, fixes: bool = True) -> dict[str, Any]:
    """Exact-span, label-matched micro P/R/F1 of the mapped pipeline NER on ner-news dev.

    `path` is the ner-news folder (or its dev.jsonl). `fixes` turns on the general fixes
    (upper-case headline truecasing, leading "the" dropped); `fixes=False` is the raw model.
    """
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    data = folder / "dev.jsonl" if path.is_dir() else path
    docs = _read(data, limit)
    if fixes:  # a private copy: the shared cached pipeline stays as the pipeline built it
        import spacy

        from claimgraph.extract.nlp import MODEL
        from claimgraph.resolve.entities import add_country_ruler

        nlp = add_country_ruler(spacy.load(MODEL))
    else:
        nlp = load_nlp()
    texts = [truecase_caps(d["text"]) if fixes else d["text"] for d in docs]
    n_words = sum(len(d.get("tokens") or d["text"].split()) for d in docs)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=16))
    elapsed = time.perf_counter() - t0
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for d, doc in zip(docs, parsed, strict=True):
        gold = {(e["start"], e["end"], e["label"]) for e in d["entities"]}
        pred = map_entities(doc, fixes=fixes)
        for s, e, lab in gold:
            n_gold[lab] += 1
            tp[lab] += (s, e, lab) in pred
        for _, _, lab in pred:
            n_pred[lab] += 1
    p, r, f = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    metrics: dict[str, float] = {"ner_p": p, "ner_r": r, "ner_f1": f}
    for lab in LABELS:
        lp, lr, lf = prf(tp[lab], n_pred[lab], n_gold[lab])
        metrics[f"ner_p_{lab}"], metrics[f"ner_r_{lab}"], metrics[f"ner_f1_{lab}"] = lp, lr, lf
    return {
        "name": folder.name,
        "path": str(path),
        "metrics": {k: round(v, 4) for k, v in metrics.items()},
        "peers": PEERS,
        "speed": {"words_per_s": round(n_words / elapsed, 1) if elapsed else None},
        "docs": len(docs),
        "entities_gold": sum(n_gold.values()),
        "fixes": fixes,
    }


# ---------------------------------------------------------------- seed gold (resolved entities)

_COMPATIBLE = [{"WEAPON", "PRODUCT"}]


def _types_ok(a: str, b: str) -> bool:
    return a == b or any(a in s and b in s for s in _COMPATIBLE)


def _names(name: str, aliases: Iterable[str]) -> set[str]:
    return {n.casefold().strip() for n in (name, *aliases) if n}


def evaluate_seed_entities(gold_path: Path) -> dict[str, Any]:
    """Entity P/R/F1 of `resolve_entities` against a seed gold file's "entities".

    Matching: a gold entity is found when some system entity of a compatible type (equal, or
    WEAPON≈PRODUCT) has the same canonical name, or the gold name or any gold alias equals the
    system name or one of its aliases (case-insensitive). Each system entity can be credited
    to one gold entity. Precision counts system entities matched to a gold entity, out of all
    system entities except those naming a gold *place* that is not also a gold entity (cities
    and regions are scored by the place evaluation); `entity_p_all` counts every system entity.
    """
    from claimgraph.ingest.text import text_to_article
    from claimgraph.resolve.entities import resolve_entities

    gold_path = Path(gold_path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = (gold_path.parent / gold["file"]).read_bytes()
    article = text_to_article(raw, source=str(gold_path.parent / gold["file"]))
    system = resolve_entities(load_nlp()(article.text))
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
    ap.add_argument("--raw", action="store_true", help="no headline/determiner fixes")
    args = ap.parse_args(argv)
    if args.path.name.endswith(".gold.json"):
        result = evaluate_seed_entities(args.path)
    else:
        result = evaluate(args.path, limit=args.limit, fixes=not args.raw)
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
