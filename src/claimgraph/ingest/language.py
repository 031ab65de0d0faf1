"""Language identification with py3langid (its model ships inside the package: no download).

Why the two guards: English results tables and lists (names, numbers, few function words) were
labelled Nigerian Pidgin or Croatian and skipped as unsupported. The identifier is therefore
limited to the languages with an ISO 639-1 code (its pidgins, creoles and regional varieties
are the labels it confuses with English), and a low-confidence verdict on text whose lower-case
words are largely English function words falls back to English.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from py3langid import langid
from spacy.lang.en.stop_words import STOP_WORDS

SUPPORTED = frozenset({"en"})
CONFIDENT = 0.9  # a verdict at or above this probability is kept as it is
ENGLISH_FUNCTION_SHARE = 0.25  # share of lower-case words that are English stop words
_MIN_WORDS = 5
_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _identifier() -> langid.LanguageIdentifier:
    model = Path(langid.__file__).parent / "data" / Path(langid.MODEL_FILE).name
    ident = langid.LanguageIdentifier.from_modelpath(model, norm_probs=True)
    ident.set_languages(sorted({c for c in ident.nb_classes if len(c) == 2 and c != "zxx"}))
    return ident


def english_function_share(text: str) -> tuple[float, int]:
    """(share of lower-case ASCII words that are English stop words, number of such words)."""
    words = [w for w in _WORD.findall(text) if w.islower()]
    if not words:
        return 0.0, 0
    return sum(w in STOP_WORDS for w in words) / len(words), len(words)


def detect_language(text: str, *, sample: int = 5000) -> tuple[str | None, float]:
    """ISO 639-1 code and probability; (None, 0.0) when there is too little text to tell."""
    sample_text = text[:sample]
    if sum(ch.isalpha() for ch in sample_text) < 20:
        return None, 0.0
    lang, prob = _identifier().classify(sample_text)
    if lang != "en" and prob < CONFIDENT:
        share, n = english_function_share(sample_text)
        if n >= _MIN_WORDS and share >= ENGLISH_FUNCTION_SHARE:
            return "en", float(share)
    return lang, float(prob)
