"""Near-duplicate fingerprints: MinHash over word shingles, banded for LSH lookup in the store.

The store keeps each article's signature and band keys, so lookups survive restarts and scale
with an index instead of an in-memory LSH (datasketch gives the hashing and the band layout).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes  # NUM_PERM uint32 hash values
    bands: tuple[tuple[int, str], ...]  # (band number, hex key)


@lru_cache(maxsize=4)
def _band_layout(threshold: float) -> tuple[int, int]:
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def fingerprint(text: str, *, threshold: float = 0.8) -> Fingerprint:
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch(list(shingles(text)))
    values = mh.hashvalues.astype(np.uint32)
    b, r = _band_layout(threshold)
    bands = tuple(
        (i, hashlib.blake2b(values[i * r : (i + 1) * r].tobytes(), digest_size=8).hexdigest())
        for i in range(b)
    )
    return Fingerprint(values.tobytes(), bands)


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    a = np.frombuffer(sig_a, dtype=np.uint32)
    b = np.frombuffer(sig_b, dtype=np.uint32)
    if a.shape != b.shape:
        return 0.0
    return float(np.count_nonzero(a == b)) / len(a)
