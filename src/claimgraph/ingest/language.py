"""Language identification with py3langid (its model ships inside the package: no download)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from py3langid import langid

SUPPORTED = frozenset({"en"})


@lru_cache(maxsize=1)
def _identifier() -> langid.LanguageIdentifier:
    model = Path(langid.__file__).parent / "data" / Path(langid.MODEL_FILE).name
    return langid.LanguageIdentifier.from_modelpath(model, norm_probs=True)


def detect_language(text: str, *, sample: int = 5000) -> tuple[str | None, float]:
    """ISO 639-1 code and probability; (None, 0.0) when there is too little text to tell."""
    sample_text = text[:sample]
    if sum(ch.isalpha() for ch in sample_text) < 20:
        return None, 0.0
    lang, prob = _identifier().classify(sample_text)
    return lang, float(prob)
