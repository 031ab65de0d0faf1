"""Figurative senses are ruled out per trigger, not per event type.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from claimgraph.extract.claims import extract_frames
from claimgraph.extract.nlp import load_nlp
from claimgraph.extract.ontology import load_ontology


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def events(nlp, text):
    return [f.event for f in extract_frames(nlp(text))]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Gunmen attacked a crowded market in the north.", "ATTACK"),
        ("Militants bombed a busy road near the capital.", "ATTACK"),
        ("Protesters attacked a police post overnight.", "ATTACK"),
        ("Rebels raided the market at dawn.", "ATTACK"),
        ("The church was designed by a local architect in 1860.", "BUILD_FACILITY"),
        ("Workers dug a tunnel under the river.", "BUILD_FACILITY"),
        ("The city will rebuild the bridge next year.", "BUILD_FACILITY"),
    ],
)
def test_attacks_on_markets_roads_posts_and_facilities_designed_or_dug(nlp, text, event):
    assert event in events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The striker hit the post twice.",
        "The new phone hit the market in May.",
        "Shares hit a record high on Monday.",
    ],
)
def test_the_figurative_senses_of_hit_are_still_no_attack(nlp, text):
    assert "ATTACK" not in events(nlp, text)


def test_figurative_verbs_scope_the_exclusions():
    attack = load_ontology().events["ATTACK"]
    assert attack.excludes("hit", "market") and not attack.excludes("attack", "market")
    # a type without figurative_verbs keeps its exclusions for every trigger
    assist = load_ontology().events["ASSIST"]
    assert not assist.figurative_verbs
    assert all(assist.excludes(v, w) for v in ("help", "fund") for w in assist.exclude_objects)


def test_designing_a_policy_or_a_phone_builds_no_facility(nlp):
    assert "BUILD_FACILITY" not in events(nlp, "Engineers designed a new policy for the bank.")
    assert "BUILD_FACILITY" not in events(nlp, "The company designed a new phone.")


def test_an_accidental_detonation_or_shooting_is_no_attack(nlp):
    assert "ATTACK" not in events(nlp, "The device detonated accidentally near the road.")
    assert "ATTACK" not in events(nlp, "He accidentally shot his friend while cleaning a rifle.")
    assert "ATTACK" in events(nlp, "Militants detonated a bomb near the market.")
