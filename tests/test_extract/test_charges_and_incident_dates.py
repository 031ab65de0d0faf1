"""Charges that name their offence, and incidents dated by the day the news names them.

Sentences are written for these tests (none comes from an evaluation set). Each opens with a
short sentence so that the one tested is not read as the document's headline.
"""

from __future__ import annotations

import datetime

from spacy.tokens import Doc

from claimgraph.extract.claims import _inherited_subject, _misparsed_kind
from claimgraph.extract.nlp import load_nlp
from claimgraph.extract.ontology import load_ontology
from tests.test_extract.written import claims, role


def test_a_charge_of_doing_names_the_whole_act():
    found = claims("Ms. Varga faces a federal charge of laundering money for a cartel.")
    accused = [c for c in found if c.event == "ACCUSE"]
    assert [role(c, "recipient") for c in accused] == ["Varga"]
    assert role(accused[0], "object") == "laundering money for a cartel"


def test_a_crime_modifying_charges_is_their_offence():
    found = claims("The pharmacist faces arson charges after the blaze.")
    accused = [c for c in found if c.event == "ACCUSE"]
    assert [(role(c, "recipient"), role(c, "object")) for c in accused] == [("pharmacist", "arson")]


def test_a_fee_is_no_charge_of_anything():
    found = claims("Ferry operators said the new harbour charges are too high.")
    assert not any(c.event in ("ACCUSE", "CHARGE") for c in found)


def test_charges_of_murder_tell_no_killing():
    found = claims("The nephew faces charges of murder and robbery.")
    assert not any(c.event == "KILL" for c in found)
    assert [role(c, "object") for c in found if c.event == "ACCUSE"] == ["murder and robbery"]


def test_the_charge_a_verdict_rests_on_is_no_second_accusation():
    found = claims("If the clerk is convicted on federal fraud charges, he could lose his pension.")
    assert [c.event for c in found if c.event in ("ACCUSE", "CONVICT")] == ["CONVICT"]


def test_a_foe_of_the_mayor_is_an_actor():
    found = claims("A longtime foe of the mayor was charged with extortion on Friday.")
    charged = [c for c in found if c.event == "CHARGE"]
    assert [role(c, "recipient") for c in charged] == ["longtime foe of the mayor"]


def test_a_named_slaying_later_in_the_year_was_last_year():
    found = claims(
        "Detectives have been looking for the driver since the Sept. 20 stabbing.",
        published=datetime.datetime(2004, 5, 3),
    )
    stabbing = [c for c in found if c.event == "ATTACK"]
    assert [c.time["value"] for c in stabbing] == ["2003-09-20"]


def test_a_named_vote_later_in_the_year_is_still_ahead():
    found = claims(
        "Aides said the governor will visit Dayton before the Nov. 14 election.",
        published=datetime.datetime(2004, 5, 3),
    )
    dated = {c.time["value"] for c in found if c.time and c.time.get("basis") != "published"}
    assert "2004-11-14" in dated


def test_arrest_warrants_are_no_arrest_however_the_parser_joins_them():
    found = claims("County and state arrest warrants were issued for the driver on Monday.")
    assert not any(c.event == "ARREST" for c in found)
    # the parse the model sometimes gives: "arrest" joined to the first adjective
    nlp = load_nlp()
    words = ["Local", "and", "state", "arrest", "warrants", "were", "issued", "."]
    heads = [4, 0, 3, 0, 6, 6, 6, 6]
    deps = ["amod", "cc", "compound", "conj", "nsubjpass", "auxpass", "ROOT", "punct"]
    pos = ["ADJ", "CCONJ", "NOUN", "NOUN", "NOUN", "AUX", "VERB", "PUNCT"]
    tags = ["JJ", "CC", "NN", "NN", "NNS", "VBD", "VBN", "."]
    lemmas = ["local", "and", "state", "arrest", "warrant", "be", "issue", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    assert _misparsed_kind(doc[3], load_ontology())
    assert not _misparsed_kind(doc[2], load_ontology())


def test_who_makes_arrests_arrests():
    found = claims("Border guards made four arrests near the bridge.")
    arrests = [c for c in found if c.event == "ARREST"]
    assert [role(c, "agent") for c in arrests] == ["Border guards"]


def test_taking_to_the_streets_is_a_protest():
    found = claims("Hundreds of nurses took to the streets of Leeds on Saturday.")
    assert [role(c, "agent") for c in found if c.event == "PROTEST"] == ["nurses"]
    assert not any(c.event == "PROTEST" for c in claims("Investors took to the idea quickly."))


def test_a_finite_clause_without_a_subject_inherits_none():
    # the parse of an unquoted chant: "took" hangs on "go" as a subjectless clause
    nlp = load_nlp()
    words = ["Kemal", "must", "go", "the", "jobless", "took", "to", "the", "streets", "."]
    heads = [2, 2, 2, 4, 2, 2, 5, 8, 6, 2]
    deps = ["nsubj", "aux", "ROOT", "det", "dobj", "advcl", "prep", "det", "pobj", "punct"]
    pos = ["PROPN", "AUX", "VERB", "DET", "ADJ", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", "MD", "VB", "DT", "JJ", "VBD", "IN", "DT", "NNS", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert _inherited_subject(doc[5]) is None
