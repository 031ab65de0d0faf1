"""The benchmark corpus: real news texts from ../shared, scaled by repetition into JSONL.

Texts are read in place from `../shared/eval/*/dev.jsonl` (their `text` fields) and the seed
(`../shared/seed/*.txt`). Sources are interleaved so any prefix is a fair mix. Each copy gets its
own id, URL (a handful of sites) and a varying first line, so neither the exact-text check nor
near-duplicate detection would collapse repeats (the runs also pass --no-dedupe).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from claimgraph.evaluate import shared_dir

SITES = ["wire.example", "daily.example", "gazette.example", "herald.example", "post.example"]
DEFAULT_PUBLISHED = "2023-08-02"


@dataclass(frozen=True)
class Doc:
    """One article of the corpus as it is written to JSONL."""

    id: str
    url: str
    title: str
    text: str
    published: str

    def record(self) -> dict[str, str]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "text": self.text,
            "published": self.published,
        }

    @property
    def words(self) -> int:
        return len(self.text.split())


def base_texts() -> list[dict[str, str]]:
    """Unique real texts (title, text, published), interleaved across their sets."""
    shared = shared_dir()
    if shared is None:
        raise RuntimeError("../shared not found (set CLAIMGRAPH_SHARED)")
    groups: list[list[dict[str, str]]] = []
    seed = []
    for path in sorted((shared / "seed").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        first, _, rest = raw.strip().partition("\n")
        seed.append({"title": first.strip()[:200], "text": raw, "published": DEFAULT_PUBLISHED})
    groups.append(seed)
    for path in sorted((shared / "eval").glob("*/dev.jsonl")):
        recs = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = rec.get("text")
                if not isinstance(text, str) or len(text.split()) < 20:
                    continue
                title = rec.get("title") or text.split(". ")[0][:120]
                recs.append(
                    {"title": title, "text": text, "published": rec.get("dct") or DEFAULT_PUBLISHED}
                )
        groups.append(recs)
    out: list[dict[str, str]] = []
    for i in range(max(len(g) for g in groups)):
        out.extend(g[i] for g in groups if i < len(g))
    if not out:
        raise RuntimeError(f"no texts found under {shared}")
    return out


def build(n: int) -> list[Doc]:
    """`n` documents: the real texts repeated as needed, each copy distinct."""
    base = base_texts()
    docs = []
    for i in range(n):
        rec = base[i % len(base)]
        rep = i // len(base)
        site = SITES[i % len(SITES)]
        lead = f"Dispatch {i + 1} (copy {rep + 1}) from {site.split('.')[0].title()} desk."
        docs.append(
            Doc(
                id=f"bench-{i:06d}",
                url=f"https://{site}/news/{i:06d}",
                title=rec["title"],
                text=f"{lead}\n\n{rec['text']}",
                published=rec["published"],
            )
        )
    return docs


def write_jsonl(docs: list[Doc], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            # ASCII escapes: a raw U+2028/U+0085 in a text would be split by str.splitlines()
            fh.write(json.dumps(d.record(), ensure_ascii=True) + "\n")
    return path


def unique_count() -> int:
    return len(base_texts())
