"""How names compare: one folding function for the resolver and the store's name lookups.

A leaf module (no spaCy, no tables) so the store can fold a name the way entity linking did
without importing the resolver.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Comparison key: accents, case, dots and spacing ignored ("U.N." == "UN").

    Cached: a pure function called for every capitalised 1–4-token window of an article."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    ascii_ = ascii_.replace("’", "'").replace(".", "")
    return re.sub(r"\s+", " ", ascii_.casefold()).strip()
