"""Accidents, tests and ground taken. An explosion of gas, of a boiler or at a mine or a factory
is an industrial accident, not an attack, unless its sentence tells of one (a bomb, a drone, a
strike); a missile test-fired or fired into the sea shows force at no one; seizing control of a
town attacks it.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, of_event, role


@pytest.mark.parametrize(
    "text",
    [
        "A methane explosion at a coal mine in Shanxi killed 14 miners.",
        "An explosion at a fertiliser plant injured 12 workers on Monday.",
        "A blast at a fireworks workshop killed three people.",
        "A gas cylinder exploded in a hotel kitchen in Accra.",
        "A petrol tanker exploded on a motorway near Lyon.",
    ],
)
def test_an_industrial_explosion_is_an_accident(text: str) -> None:
    found = claims(text)
    assert of_event(found, "ACCIDENT")
    assert not of_event(found, "ATTACK")


def test_what_exploded_is_the_accidents_object() -> None:
    (accident,) = of_event(claims("A boiler exploded at the textile mill."), "ACCIDENT")
    assert role(accident, "object") == "boiler"


@pytest.mark.parametrize(
    "text",
    [
        "A suicide bomber set off a blast at the factory gate.",
        "A drone strike caused an explosion at the oil refinery.",
        "A bomb exploded in a crowded market in Kabul.",
        "Rebels blew up a gas pipeline in the north.",
    ],
)
def test_an_explosion_with_an_attacker_is_still_an_attack(text: str) -> None:
    found = claims(text)
    assert of_event(found, "ATTACK")
    assert not of_event(found, "ACCIDENT")


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan test-fired a cruise missile on Tuesday.",
        "The regime fired three short-range missiles into the sea off its east coast.",
    ],
)
def test_a_weapons_test_is_a_show_of_force(text: str) -> None:
    found = claims(text)
    assert of_event(found, "MOBILIZE")
    assert not of_event(found, "ATTACK")


def test_missiles_fired_at_a_city_attack_it() -> None:
    (attack,) = of_event(claims("The army fired 12 missiles at Odesa on Sunday."), "ATTACK")
    assert role(attack, "agent") == "army"


def test_seizing_control_of_a_town_attacks_it() -> None:
    (attack,) = of_event(claims("Insurgents seized control of the town on Friday."), "ATTACK")
    assert role(attack, "agent") == "Insurgents"
