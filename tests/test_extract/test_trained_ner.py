"""The shipped fine-tuned NER (src/claimgraph/data/ner): it loads, and extraction uses it."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from claimgraph.extract.nlp import NER_DIR, fix_ner_labels, load_nlp, trained_ner_enabled
from claimgraph.extraction import extract_text

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW"}


def test_shipped_model_loads_with_fine_and_numeric_labels():
    nlp = spacy.load(NER_DIR)
    assert "ner" in nlp.pipe_names
    labels = set(nlp.get_pipe("ner").labels)
    assert {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "MONEY", "CARDINAL"} <= labels
    size = sum(p.stat().st_size for p in NER_DIR.rglob("*") if p.is_file())
    assert size < 10 * 1024 * 1024, f"{NER_DIR}: {size} bytes, over the 10 MB budget"


def test_pipeline_uses_the_trained_ner():
    if not trained_ner_enabled():  # CLAIMGRAPH_NER=base: nothing to compare
        return
    shipped = spacy.load(NER_DIR).get_pipe("ner").model.get_ref("lower").get_param("W")
    used = load_nlp().get_pipe("ner").model.get_ref("lower").get_param("W")
    assert (shipped == used).all()


def test_extract_types_people_organisations_and_places():
    text = (
        "Maria Lindqvist, the chief executive of Nordhavn Shipping, told reporters in "
        "Copenhagen on Tuesday that the company would open an office in Kenya. "
        "Lindqvist said Danish regulators had approved the plan, which will cost $40 million."
    )
    ex = extract_text(text)
    types = {m.text: e.type for e in ex.entities for m in e.mentions}
    assert types.get("Maria Lindqvist") == "PERSON"
    assert types.get("Nordhavn Shipping") == "ORG"
    assert types.get("Copenhagen") == "GPE"
    assert types.get("Kenya") == "GPE"
    assert types.get("Danish") == "NORP"
    assert set(types.values()) <= NAME_LABELS
    doc = load_nlp()(text)
    numeric = {e.text: e.label_ for e in doc.ents}
    assert numeric.get("Tuesday") == "DATE"
    assert numeric.get("$40 million") == "MONEY"


def test_label_rules_give_fine_labels():
    nlp = load_nlp()
    words = ["The", "Ghana", "Cocoa", "Institute", "said", "the", "Ruto", "administration"]
    words += ["backed", "Western", "plans", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        tags=["DT", "NNP", "NNP", "NNP", "VBD", "DT", "NNP", "NN"] + ["VBD", "JJ", "NNS", "."],
    )
    doc.ents = [
        Span(doc, 1, 4, label="GPE"),
        Span(doc, 6, 7, label="ORG"),
        Span(doc, 9, 10, label="EVENT"),
    ]
    labels = {e.text: e.label_ for e in fix_ner_labels(doc).ents}
    assert labels == {"Ghana Cocoa Institute": "ORG", "Ruto": "PERSON", "Western": "NORP"}
    doc = Doc(nlp.vocab, words=["Ghana", "won", "."], tags=["NNP", "VBD", "."])
    doc.ents = [Span(doc, 0, 1, label="GPE")]
    assert [e.label_ for e in fix_ner_labels(doc).ents] == ["GPE"]
