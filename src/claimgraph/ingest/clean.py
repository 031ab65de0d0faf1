"""Text cleaning: Unicode NFC, whitespace, paragraphs, and site boilerplate from a data file.

The output is the canonical article text: later stages store character offsets into it, so
cleaning happens once, here, and the stored text is never rewritten (corrections add revisions).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.ontology import load_yaml

# Characters that carry no text: zero-width spaces/joiners, BOM, soft hyphen, bidi marks.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Unicode category Cc (C0, DEL, C1) minus newline and tab: one regex pass instead of a
# per-character category lookup.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Boilerplate:
    drop: tuple[re.Pattern[str], ...]
    tail: tuple[re.Pattern[str], ...]
    tail_window: float


@lru_cache(maxsize=1)
def boilerplate_rules() -> Boilerplate:
    """Load `ontology/boilerplate.yaml` once."""
    raw = load_yaml("boilerplate.yaml")

    def compile_all(key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in raw.get(key) or ())

    return Boilerplate(compile_all("drop"), compile_all("tail"), float(raw.get("tail_window", 0.5)))


def normalize_unicode(text: str) -> str:
    """NFC, unified newlines, invisible characters removed, odd spaces made plain."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").translate(_INVISIBLE)
    # Control characters other than newline/tab carry nothing readable.
    return _CONTROL.sub("", text)


def split_paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; with none at all, each line is one.

    Inside a blank-line-separated paragraph, single newlines are hard wraps and become spaces.
    """
    text = normalize_unicode(text)
    if _BLANK_LINE.search(text):
        blocks = _BLANK_LINE.split(text)
        paras = [" ".join(line.strip() for line in b.split("\n")) for b in blocks]
    else:
        paras = text.split("\n")
    out = []
    for p in paras:
        p = _SPACES.sub(" ", p).strip()
        if p:
            out.append(p)
    return out


def strip_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Return (kept, removed) paragraphs according to the boilerplate data file."""
    rules = boilerplate_rules()
    total = sum(len(p) for p in paragraphs) or 1
    kept: list[str] = []
    removed: list[str] = []
    seen = 0
    for i, para in enumerate(paragraphs):
        if seen / total >= 1 - rules.tail_window and any(r.match(para) for r in rules.tail):
            removed.extend(paragraphs[i:])
            break
        seen += len(para)
        if any(r.match(para) for r in rules.drop):
            removed.append(para)
        else:
            kept.append(para)
    return kept, removed


def clean_text(text: str) -> str:
    """Full cleaning for story text: paragraphs, boilerplate removed, joined by blank lines."""
    kept, _ = strip_boilerplate(split_paragraphs(text))
    return "\n\n".join(kept)
