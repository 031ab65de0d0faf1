"""Who said it (../shared/eval/attribution-news, PolNeAR dev), scored on extract output.

Why: the source of a claim is what claimgraph adds over event databases; this measures it on
political news with hand-annotated source/cue/content relations. The folder's score.py is the
spec (tests/test_evaluate checks the numbers agree); only dev.jsonl is scored, never train.

A predicted claim is assigned to the gold attribution whose content covers the largest share of
its evidence (that relation's own source and cue characters left out), if the share is ≥ 0.5;
otherwise it is the publisher's own. A speaker matches when `source.name`/`source.text` and the
gold source are equal after normalisation or share a content word (the coref variant also
accepts the corpus's automatic coreference aliases).

    python -m claimgraph.evaluate.attribution ../shared/eval/attribution-news [--limit N]
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimgraph.evaluate.extracted import evaluate_extracted, run_cli

__all__ = ["PEERS", "evaluate", "offset_map", "prf", "score", "speaker_match"]

MIN_OVERLAP = 0.5
PEERS: list[dict[str, Any]] = [
    {
        "system": "reporting-verb baseline (sentence with a reporting verb → its subject)",
        "metric": "speaker_recall",
        "value": 0.314,
        "source": "attribution-news README / claimgraph issue 10",
    },
    {
        "system": "reporting-verb baseline (sentence with a reporting verb → its subject)",
        "metric": "attribution_coverage",
        "value": 0.38,
        "source": "claimgraph issue 10",
    },
]

_STOP_WORDS = (  # no speaker is named by these alone
    """a an the of for and or to in on at by with from as that this these those who whom which
    he she they it we i you me him her them us his hers their theirs its our ours your my
    s 's ’s said says say told according mr mrs ms dr sen senator rep gov governor president
    vice former sir lord jr sr new also other some many several one two both all"""
)
_STOP = set(_STOP_WORDS.split())


def _tokens(s: str) -> list[str]:
    s = s.lower().replace("’", "'")
    s = re.sub(r"'s\b", " ", s)
    return re.findall(r"[a-z0-9][a-z0-9.\-]*[a-z0-9]|[a-z0-9]", s)


def _full(s: str) -> str:
    return " ".join(t for t in _tokens(s) if t not in ("a", "an", "the"))


def _content(s: str) -> set[str]:
    words = (t.strip(".") for t in _tokens(s))
    return {w for w in words if w not in _STOP and len(w) > 1}


def speaker_match(gold: list[str], pred: list[str]) -> bool:
    """Equal after normalisation, or one shared content word (no pronoun or bare title)."""
    for g in gold:
        gf, gc = _full(g), _content(g)
        for p in pred:
            if not p:
                continue
            if gf and gf == _full(p):
                return True
            if gc & _content(p):
                return True
    return False


def offset_map(src: str, dst: str) -> Callable[[int], int]:
    """f(offset in dst) → offset in src, for a text dst derived from src by small edits."""
    if src == dst:
        return lambda i: i
    blocks = difflib.SequenceMatcher(None, src, dst, autojunk=False).get_matching_blocks()
    starts = [b for _, b, _ in blocks]

    def f(i: int) -> int:
        k = bisect.bisect_right(starts, i) - 1  # last block starting at or before i
        if k < 0:
            return 0
        a, b, n = blocks[k]
        return a + min(i - b, n)

    return f


def _overlap(a0: int, a1: int, spans: list[list[int]]) -> int:
    return sum(max(0, min(a1, e) - max(a0, s)) for s, e in spans)


def prf(tp: int, npred: int, ngold: int) -> dict[str, Any]:
    """P/R/F1 rounded to 4 places, with the counts."""
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(f, 4), "tp": tp, "pred": npred}


def _speakers(src: dict[str, Any]) -> list[str]:
    return [x for x in (src.get("name"), src.get("text")) if x]


def score(gold_docs: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """Attribution metrics of extract objects against gold documents (missing ones skipped)."""
    preds = {d["id"]: d for d in outputs}
    c: Counter[str] = Counter()
    docs = [g for g in gold_docs if g["id"] in preds]
    for g in docs:
        p = preds[g["id"]]
        fmap = offset_map(g["text"], p.get("text", g["text"]))
        attrs = [a for a in g["attributions"] if a["content"]]
        hit_strict: dict[str, bool] = defaultdict(bool)
        hit_coref: dict[str, bool] = defaultdict(bool)
        covered: dict[str, bool] = defaultdict(bool)
        for cl in p.get("claims", []):
            ev = cl.get("evidence") or {}
            if ev.get("start") is None:
                continue
            s, e = fmap(ev["start"]), fmap(ev["end"])
            if e <= s:
                continue
            best, best_share = None, 0.0
            for a in attrs:
                frame = sum(_overlap(s, e, a[r]["spans"]) for r in ("source", "cue") if a[r])
                denom = (e - s) - frame
                o = _overlap(s, e, a["content"]["spans"]) / denom if denom > 0 else 0.0
                if o > best_share:
                    best, best_share = a, o
            src = cl.get("source") or {}
            pred_attr = not src.get("is_publisher", True)
            if best is not None and best_share >= MIN_OVERLAP:
                if best["source"] is None:
                    continue  # "it is believed…": the gold speaker is unknown
                c["gold_attributed"] += 1
                covered[best["id"]] = True
                gs = [best["source"]["text"]]
                gc = gs + best["source"].get("coref_aliases", [])
                if pred_attr:
                    c["tp_detect"] += 1
                    ms, mc = speaker_match(gs, _speakers(src)), speaker_match(gc, _speakers(src))
                    c["tp_src_strict"] += ms
                    c["tp_src_coref"] += mc
                    hit_strict[best["id"]] |= ms
                    hit_coref[best["id"]] |= mc
            else:
                c["gold_publisher"] += 1
                c["fp_attributed" if pred_attr else "tn_publisher"] += 1
        for a in attrs:
            if a["source"] is None:
                continue
            c["with_source"] += 1
            c["covered"] += covered[a["id"]]
            c["hit_strict"] += hit_strict[a["id"]]
            c["hit_coref"] += hit_coref[a["id"]]
    n_scored = c["gold_attributed"] + c["gold_publisher"]
    detect = prf(c["tp_detect"], c["tp_detect"] + c["fp_attributed"], c["gold_attributed"])

    def share(x: int, n: int) -> float:
        return round(x / n, 4) if n else 0.0

    return {
        "speaker_recall": share(c["hit_strict"], c["with_source"]),
        "attribution_coverage": share(c["covered"], c["with_source"]),
        "speaker_recall_coref": share(c["hit_coref"], c["with_source"]),
        "attr_detect_p": detect["P"],
        "attr_detect_r": detect["R"],
        "attr_detect_f1": detect["F1"],
        "decision_acc_strict": share(c["tn_publisher"] + c["tp_src_strict"], n_scored),
        "docs": len(docs),
        "missing_docs": len(gold_docs) - len(docs),
        "gold_attributions_with_source": c["with_source"],
        "covered": c["covered"],
        "claims_scored": n_scored,
        "claims_attributed": detect["pred"],
    }


def evaluate(path: Path, *, limit: int | None = None, save: Path | None = None) -> dict[str, Any]:
    """Extract the dev documents as `claimgraph extract --json` does, then score them;
    `save` writes the extract JSONL (for the folder's reference scorer)."""
    return evaluate_extracted(path, score, peers=PEERS, limit=limit, save=save)


def main(argv: list[str] | None = None) -> int:
    return run_cli("python -m claimgraph.evaluate.attribution", evaluate, argv)


if __name__ == "__main__":
    raise SystemExit(main())
