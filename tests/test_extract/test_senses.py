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
    "text",
    [
        "Gunmen attacked a crowded market in the north.",
        "Militants bombed a busy road near the capital.",
        "Protesters attacked a police post overnight.",
        "Rebels raided the market at dawn.",
    ],
)
def test_an_attack_on_a_market_road_or_post_is_an_attack(nlp, text):
    assert "ATTACK" in events(nlp, text)


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


@pytest.mark.parametrize(
    "text",
    [
        "The church was designed by a local architect in 1860.",
        "Workers dug a tunnel under the river.",
        "The city will rebuild the bridge next year.",
    ],
)
def test_designing_digging_and_rebuilding_facilities_builds_them(nlp, text):
    assert "BUILD_FACILITY" in events(nlp, text)


def test_designing_a_policy_or_a_phone_builds_no_facility(nlp):
    assert "BUILD_FACILITY" not in events(nlp, "Engineers designed a new policy for the bank.")
    assert "BUILD_FACILITY" not in events(nlp, "The company designed a new phone.")
