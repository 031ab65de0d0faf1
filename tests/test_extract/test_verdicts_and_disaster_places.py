"""Verdicts that clear someone, cases dropped, and where a disaster struck. "The jury acquitted
the officer" and "prosecutors dropped the case against her" are concessions; "floods displaced
100,000 people in Bangladesh" puts the floods in Bangladesh.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, of_event, role


@pytest.mark.parametrize(
    ("text", "agent", "recipient"),
    [
        ("A jury in Ohio acquitted the nurse of manslaughter.", "jury", "nurse"),
        ("The tribunal exonerated the ministry of any wrongdoing.", "tribunal", "ministry"),
        ("Prosecutors dropped the case against the two farmers.", "Prosecutors", "two farmers"),
    ],
)
def test_a_verdict_or_a_dropped_case_concedes(text: str, agent: str, recipient: str) -> None:
    (concede,) = of_event(claims(text), "CONCEDE")
    assert role(concede, "agent") == agent
    assert role(concede, "recipient") == recipient


def test_clearing_the_way_is_no_verdict() -> None:
    assert not of_event(claims("The council cleared the way for a new stadium."), "CONCEDE")


@pytest.mark.parametrize(
    ("text", "event", "place"),
    [
        ("Floods displaced more than 20,000 people in Malawi.", "DISASTER", "Malawi"),
        ("A wildfire destroyed 80 homes in Oregon.", "DISASTER", "Oregon"),
        ("The bombing killed nine soldiers in Colombia.", "ATTACK", "Colombia"),
    ],
)
def test_an_event_noun_happened_where_its_verb_struck(text: str, event: str, place: str) -> None:
    found = of_event(claims(text), event)
    assert found and place in {role(c, "location") for c in found}


def test_a_reaction_does_not_place_the_event() -> None:
    found = claims("The ceasefire talks angered officials in Ankara.")
    assert all(role(c, "location") != "Ankara" for c in found if c.event in ("MEET", "CONSULT"))
