"""Extraction throughput against spaCy's own parse on the same texts, in the same run.

    .venv/bin/python bench/extract_speed.py [--docs N] [--repeat R]

Texts: the seed article and the shared TimeML news set (../shared/eval/timeml-news), read in
place. Prints a markdown table: words/s for spaCy parse only (nlp.pipe, the ceiling) and for
claimgraph's whole extraction (parse + frames + entities + places + times + claims), their
ratio, and the time per stage measured on already-parsed documents.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import time
from datetime import date, datetime
from pathlib import Path

from claimgraph.evaluate import shared_dir
from claimgraph.extract.claims import extract_frames
from claimgraph.extract.nlp import load_nlp
from claimgraph.extraction import extract_text
from claimgraph.ingest.text import text_to_article
from claimgraph.resolve.claims import resolve_claims
from claimgraph.resolve.entities import resolve_entities
from claimgraph.resolve.places import find_places
from claimgraph.resolve.times import tag_times


def corpus(limit: int) -> list[tuple[str, datetime | None]]:
    shared = shared_dir()
    if shared is None:
        raise SystemExit("../shared not found (set CLAIMGRAPH_SHARED)")
    docs: list[tuple[str, datetime | None]] = []
    for seed in sorted((shared / "seed").glob("*.txt")):
        art = text_to_article(seed.read_bytes(), source=str(seed))
        docs.append((art.text, art.published))
    path = shared / "eval" / "timeml-news" / "dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(docs) >= limit:
                break
            rec = json.loads(line)
            dct = date.fromisoformat(rec["dct"]) if rec.get("dct") else None
            docs.append((rec["text"], datetime(dct.year, dct.month, dct.day) if dct else None))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    docs = corpus(args.docs) * args.repeat
    words = sum(len(t.split()) for t, _ in docs)
    nlp = load_nlp()
    extract_text("Warm-up: Spain sent aid to Morocco in May.", published=datetime(2024, 1, 1))

    t0 = time.perf_counter()
    parsed = list(nlp.pipe((t for t, _ in docs), batch_size=64))
    parse_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    for text, dct in docs:
        extract_text(text, published=dct)
    full_s = time.perf_counter() - t0

    stages = {"entities": 0.0, "places": 0.0, "times": 0.0, "frames": 0.0, "claims": 0.0}
    for doc, (_, dct) in zip(parsed, docs, strict=True):
        t = time.perf_counter()
        ents = resolve_entities(doc)
        stages["entities"] += time.perf_counter() - t
        t = time.perf_counter()
        places = find_places(doc)
        stages["places"] += time.perf_counter() - t
        t = time.perf_counter()
        times = tag_times(doc, dct)
        stages["times"] += time.perf_counter() - t
        t = time.perf_counter()
        frames = extract_frames(doc)
        stages["frames"] += time.perf_counter() - t
        t = time.perf_counter()
        resolve_claims(frames, entities=ents, places=places, times=times, published=dct, publisher="p")
        stages["claims"] += time.perf_counter() - t

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=Path(__file__).parent).stdout.strip()
    print(f"## Extraction speed — {datetime.now():%Y-%m-%d %H:%M}, commit {commit}, "
          f"{platform.machine()} {platform.processor() or ''}, 1 process")
    print(f"\n{len(docs)} documents, {words:,} words (seed + timeml-news dev)\n")
    print("| measure | seconds | words/s |")
    print("|---|---:|---:|")
    print(f"| spaCy parse only (nlp.pipe, batch 64) — ceiling | {parse_s:.1f} | {words / parse_s:,.0f} |")
    print(f"| claimgraph extraction, end to end | {full_s:.1f} | {words / full_s:,.0f} |")
    print(f"| ratio extraction / parse-only | | {parse_s / full_s:.0%} |")
    for name, secs in stages.items():
        print(f"| stage on parsed docs: {name} | {secs:.2f} | {words / secs:,.0f} |")


if __name__ == "__main__":
    main()
