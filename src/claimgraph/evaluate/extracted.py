"""Run `claimgraph extract --json` on a gold set's documents, in process, for the evaluators.

Why: a score means something only if it measures what the product prints. The documents go
through the same steps as `claimgraph extract FILE.jsonl --json`: one JSONL line per document
({"id", "text", "published"}), `read_jsonl`, `extract_article`, `Extraction.to_dict()`, and a
JSON round trip, so an evaluator sees exactly the objects the command writes.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from claimgraph.errors import IngestError
from claimgraph.evaluate import jsonl_records
from claimgraph.extraction import extract_article, extract_text
from claimgraph.ingest.sources import ReadOptions, expand, read_jsonl

__all__ = [
    "aligned",
    "claim_counts",
    "dev_file",
    "evaluate_extracted",
    "extract_documents",
    "extract_file",
    "mapped_spans",
    "parse_words_per_s",
    "read_gold",
    "write_jsonl",
]


def dev_file(path: Path) -> Path:
    """The gold file of a dataset folder: dev.jsonl (train splits are never scored)."""
    path = Path(path)
    if path.is_file():
        return path
    dev = path / "dev.jsonl"
    if not dev.is_file():
        raise ValueError(f"{path}: no dev.jsonl to score")
    return dev


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first `limit` gold documents of a JSONL file; a bad line is an error naming it."""
    docs: list[dict[str, Any]] = []
    if limit is not None and limit <= 0:
        return docs
    for n, rec in jsonl_records(path):
        if "id" not in rec or "text" not in rec:
            raise ValueError(f"{path}:{n}: expected an object with 'id' and 'text'")
        docs.append(rec)
        if limit is not None and len(docs) >= limit:
            break  # lines after the limit are not read
    return docs


def _warm_up() -> None:
    """Load the model, gazetteer and lexicons before the clock starts (speed only, no score):
    words/s then measures extraction, not one-off loading, whatever the number of documents."""
    with contextlib.suppress(Exception):  # a real failure shows on the scored documents
        extract_text("Officials met in Paris on Monday, the ministry said.")


def extract_documents(
    docs: Iterable[dict[str, Any]], *, label: str = "eval"
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """`claimgraph extract --json` objects for gold documents, plus run statistics.

    The input line carries the document's "published" (or its TimeML "dct") as the extract
    command's JSONL input does. A document the reader rejects is left out (the scorers count
    it as missing) and counted in stats["failed"].
    """
    lines = []
    for d in docs:
        published = d.get("published", d.get("dct"))
        lines.append(
            json.dumps(
                {"id": d["id"], "text": d["text"], "published": published}, ensure_ascii=False
            )
        )
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    outputs: list[dict[str, Any]] = []
    failed: list[str] = []
    words = 0
    _warm_up()
    t0 = time.perf_counter()
    for art in read_jsonl(raw, label=label, opts=ReadOptions()):
        if isinstance(art, IngestError):
            failed.append(f"{art.source}: {art.reason}")
            continue
        try:
            ex = extract_article(art, doc_id=art.extra.get("id") or art.source)
        except Exception as exc:  # as the command: one crash must not lose the other documents
            failed.append(f"{art.extra.get('id') or art.source}: {type(exc).__name__}: {exc}")
            continue
        outputs.append(json.loads(json.dumps(ex.to_dict(), ensure_ascii=False)))
        words += len(ex.text.split())
    elapsed = time.perf_counter() - t0
    stats = {
        "docs": len(lines),
        "failed": failed,
        "words": words,
        "words_per_s": round(words / elapsed, 1) if elapsed else None,
    }
    return outputs, stats


def extract_file(path: Path) -> dict[str, Any]:
    """The object `claimgraph extract PATH --json` prints for a one-document file (the seed).

    Same reader (`expand`, the file's own reader) and the same `extract_article` call as the
    command; raises ValueError naming the file when it yields no document or fails to read.
    """
    for item in expand([str(path)], ReadOptions()):
        if isinstance(item, IngestError):
            raise ValueError(f"{path}: {item.reason}")
        for art in item.read():
            if isinstance(art, IngestError):
                raise ValueError(f"{path}: {art.reason}")
            ex = extract_article(art, doc_id=art.extra.get("id") or art.source)
            return json.loads(json.dumps(ex.to_dict(), ensure_ascii=False))
    raise ValueError(f"{path}: no document to extract")


def aligned(gold_text: str, out_text: str | None) -> Callable[[int | None], int | None]:
    """Map offsets in the output's text onto the gold text (None where the texts differ).

    Why: the reader may normalise a text (whitespace, quotes); the reference scorers align the
    two texts this way before comparing spans, so the evaluators do too.
    """
    if out_text is None or out_text == gold_text:
        return lambda i: i
    m: dict[int, int] = {}
    sm = difflib.SequenceMatcher(None, out_text, gold_text, autojunk=False)
    for a, b, n in sm.get_matching_blocks():
        for k in range(n + 1):
            m[a + k] = b + k
    return lambda i: m.get(i) if i is not None else None


def mapped_spans(doc: dict[str, Any], key: str, gold_text: str) -> list[tuple[int, int, Any]]:
    """(start, end, item) of an extract object's `key` list ("places", "times"), with offsets
    mapped onto the gold text; items whose offsets do not map are left out (as the reference)."""
    f = aligned(gold_text, doc.get("text"))
    out = []
    for x in doc.get(key, []) or []:
        s, e = f(x.get("start")), f(x.get("end"))
        if s is not None and e is not None:
            out.append((s, e, x))
    return out


def claim_counts(gold_docs: list[dict[str, Any]], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    """How many of the gold documents the extract output gives no claim, and claims per document.

    Why: issue 10's target (ordinary news with no claim <= 10%) read from the same output the
    other metrics score; a document missing from the output (failed) counts as claimless.
    """
    out = {str(d.get("id")): d for d in outputs}
    n_claims = [len((out.get(str(g["id"])) or {}).get("claims") or []) for g in gold_docs]
    docs = len(gold_docs)
    without = sum(1 for n in n_claims if n == 0)
    return {
        "docs_without_claims": without,
        "docs_without_claims_rate": round(without / docs, 3) if docs else 0.0,
        "claims_per_doc": round(sum(n_claims) / docs, 3) if docs else 0.0,
    }


def parse_words_per_s(texts: list[str]) -> float | None:
    """spaCy's parse-only speed on the same texts: the ceiling extraction speed is read against."""
    from claimgraph.extract.nlp import load_nlp

    nlp = load_nlp()
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    elapsed = time.perf_counter() - t0
    return round(words / elapsed, 1) if elapsed else None


def write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> None:
    """Write extract objects as the command prints them (one JSON object per line)."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def evaluate_extracted(
    path: Path,
    score: Callable[[list[dict[str, Any]], list[dict[str, Any]]], dict[str, Any]],
    *,
    peers: list[dict[str, Any]],
    limit: int | None = None,
    save: Path | None = None,
    parse_ceiling: bool = False,
) -> dict[str, Any]:
    """Extract a folder's dev documents as the command does and score them with `score`.

    `save` writes the extract objects (JSONL), e.g. to run a folder's reference scorer on them;
    `parse_ceiling` also times spaCy's parse alone on the same texts (speed only, no metric).
    """
    path = Path(path)
    gold_file = dev_file(path)
    gold = read_gold(gold_file, limit)
    outputs, stats = extract_documents(gold, label=str(gold_file))
    if gold and not outputs:  # a score of nothing would read as a real (zero) number
        raise ValueError(
            f"{gold_file}: every document failed to extract (first: {stats['failed'][0]})"
        )
    if save is not None:
        write_jsonl(outputs, save)
    folder = path if path.is_dir() else path.parent
    result: dict[str, Any] = {
        "name": folder.name,
        "path": str(path),
        "metrics": score(gold, outputs),
        "peers": peers,
        "speed": {"words": stats["words"], "words_per_s": stats["words_per_s"]},
    }
    if parse_ceiling:
        texts = [o.get("text") or "" for o in outputs]
        result["speed"]["spacy_parse_words_per_s"] = parse_words_per_s(texts)
    if stats["failed"]:
        result["failed"] = stats["failed"]
    return result


def run_cli(prog: str, evaluate: Callable[..., dict[str, Any]], argv: list[str] | None) -> int:
    """`python -m claimgraph.evaluate.<set> PATH [--limit N] [--save FILE]` for the sets scored
    from extract output: one command shape for all of them."""
    import argparse
    import sys

    ap = argparse.ArgumentParser(prog=prog)
    ap.add_argument("path", type=Path)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--save", type=Path, default=None, help="write the extract JSONL here")
    a = ap.parse_args(argv)
    json.dump(evaluate(a.path, limit=a.limit, save=a.save), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0
