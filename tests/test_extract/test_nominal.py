"""Events told by nouns: sentences written for these tests (none from an evaluation set)."""

from __future__ import annotations

import pytest

from claimgraph.extract.claims import extract_frames
from claimgraph.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _roles(nlp, text, event):
    return [
        {k: v.text for k, v in f.roles.items()}
        for f in extract_frames(nlp(text))
        if f.event == event
    ]


def test_a_noun_the_verb_cannot_state_still_states_its_event(nlp):
    # "helping" has no actor for a subject, so the aid noun says who helps
    found = _roles(
        nlp, "The financial assistance from the World Bank is not helping the farmers.", "ASSIST"
    )
    assert [(r.get("agent"), r.get("object")) for r in found] == [
        ("World Bank", "financial assistance")
    ]


def test_a_verb_that_states_the_event_still_absorbs_its_noun(nlp):
    found = [f.event for f in extract_frames(nlp("An earthquake struck the coast on Monday."))]
    assert found.count("DISASTER") == 1


def _attack(nlp, text):
    return [
        (f.roles["agent"].text if "agent" in f.roles else None, f.modality)
        for f in extract_frames(nlp(text))
        if f.event == "ATTACK"
    ]


def test_who_planned_or_masterminded_an_attack_made_it(nlp):
    assert (
        _attack(nlp, "Officials said a rebel faction planned the attacks.")[0][0] == "rebel faction"
    )
    found = _attack(nlp, "Police said a local cell masterminded the bombing of the hotel.")
    assert found[0][0] == "local cell"


def test_evidence_linking_an_attack_to_someone_suspects_them(nlp):
    assert _attack(nlp, "Police found evidence linking the bombing to a local gang.") == [
        ("local gang", "suspected")
    ]
    found = _attack(nlp, "He cannot confirm any evidence linking the blasts to the Taliban.")
    assert found == [("Taliban", "doubted")]
