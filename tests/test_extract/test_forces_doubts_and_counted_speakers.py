"""Found judging claims of TimeBank and GeoWebNews texts outside claims-news: a market or
economic force that "hits" something strikes no one and is no natural disaster; "questioned how
much …" voices a doubt and accuses no one; a counted or quantified nationality that speaks
("some Kenyans complained") is those people, not their state; a family is no figure; a country
"strangled" is not killed; leeway, discounts and cancellations are no goods; a figure told
about a person ("he expected to sell coal for $50") is the person's statement, no figure; meeting an owner's standards ("to meet NATO's standards")
is no meeting; taking charge of a crisis accuses no one.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, of_event, role


@pytest.mark.parametrize(
    "text",
    [
        "The recession hit the region's factories hard.",
        "New tariffs hit Brazilian steel exports last year.",
        "Economists said the effects of the slowdown will hit retailers first.",
        "The news hit investors hard on Monday.",
    ],
)
def test_an_economic_force_that_hits_is_no_attack_and_no_disaster(text: str) -> None:
    found = claims(text)
    assert not of_event(found, "ATTACK")
    assert not of_event(found, "DISASTER")


def test_a_storm_that_hits_is_still_a_disaster_and_a_missile_an_attack() -> None:
    assert of_event(claims("A powerful storm hit the coast of Louisiana on Sunday."), "DISASTER")
    assert of_event(claims("A missile hit a school in the northern town on Sunday."), "ATTACK")


@pytest.mark.parametrize(
    "text",
    [
        "Several economists questioned how much of a boost the tax cut will give.",
        "Critics questioned which suppliers would profit from the contract.",
    ],
)
def test_questioning_how_much_accuses_no_one(text: str) -> None:
    assert not of_event(claims(text), "ACCUSE")


def test_questioning_a_person_or_a_suspect_still_counts() -> None:
    (accuse,) = of_event(claims("Detectives questioned the driver about the crash."), "ACCUSE")
    assert role(accuse, "recipient") == "driver"
    found = claims(
        "A Moroccan who was questioned by police in connection with the theft was freed."
    )
    assert of_event(found, "ACCUSE")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Some Kenyans have complained that the aid arrived late.", "Kenyans"),
        ("Many Peruvians said the election was unfair.", "Many Peruvians"),
        ("Two Canadians said the hotel had been evacuated.", "Two Canadians"),
    ],
)
def test_a_quantified_nationality_that_speaks_is_those_people(text: str, speaker: str) -> None:
    found = claims(text)
    assert found
    for c in found:
        assert role(c, "source") == speaker
        assert c.source["country"]  # still of their country


def test_a_nationality_speaking_alone_still_speaks_for_its_state() -> None:
    found = claims("The Kenyans said the aid arrived late.")
    assert {role(c, "source") for c in found} == {"Kenya"}


@pytest.mark.parametrize(
    "text",
    ["The singer has two children with her husband.", "The senator has three grandchildren."],
)
def test_a_family_is_no_figure(text: str) -> None:
    assert not of_event(claims(text), "MEASURE")


def test_a_company_count_is_still_a_figure() -> None:
    (measure,) = of_event(claims("The company has 13 plants in Ohio."), "MEASURE")
    assert role(measure, "object") == "13 plants"


def test_a_country_strangled_is_no_killing() -> None:
    found = claims("The naval blockade is designed to isolate and strangle Iraq.")
    assert not of_event(found, "KILL")
    (kill,) = of_event(claims("Police said the man strangled his neighbour in 2010."), "KILL")
    assert role(kill, "recipient") == "his neighbour"


@pytest.mark.parametrize(
    "text",
    [
        "The chief of staff has been giving the president more leeway.",
        "Rival brewers offered deeper discounts over the summer.",
        "The travel agency has received only one cancellation.",
    ],
)
def test_leeway_discounts_and_cancellations_are_no_goods(text: str) -> None:
    assert not of_event(claims(text), "SUPPLY")


def test_a_person_told_of_is_no_measured_thing() -> None:
    found = claims("The analyst said he expected to sell the coal for at least $50 a ton.")
    assert not of_event(found, "MEASURE")
    found = claims("The company said it expects to report net income of $5 million.")
    assert any(role(m, "agent") == "company" for m in of_event(found, "MEASURE"))


def test_meeting_an_owners_standards_is_no_meeting() -> None:
    assert not of_event(claims("Hungary cut its army to meet NATO's standards."), "MEET")
    (meet,) = of_event(claims("The chancellor met the Polish leader's envoy."), "MEET")
    assert role(meet, "recipient") == "the Polish leader's envoy"


def test_taking_charge_of_a_crisis_accuses_no_one() -> None:
    found = claims("The general, who took charge of the crisis this month, flew to the capital.")
    assert not of_event(found, "ACCUSE")
    assert of_event(claims("The driver faces charges of manslaughter."), "ACCUSE")


def test_storming_a_police_post_is_still_an_attack() -> None:
    found = claims("Rebels stormed the Kudapokuna police post before dawn, officials said.")
    assert of_event(found, "ATTACK")
