"""Phone calls between leaders, where an act at a site happened, protests carried out by
gathering, drills, and "it" for the body that reports it.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, of_event, role


def test_speaking_with_an_office_holder_consults_them() -> None:
    found = claims("Chancellor Karl Brenner spoke by phone with President Anna Lind on Tuesday.")
    (call,) = of_event(found, "CONSULT")
    assert role(call, "agent") == "Karl Brenner"
    assert role(call, "recipient") == "Anna Lind"


def test_speaking_with_reporters_is_no_consultation() -> None:
    assert not of_event(claims("The minister spoke with reporters after lunch."), "CONSULT")


def test_a_death_is_no_thing_done_to_the_victim() -> None:
    (kill,) = of_event(claims("A man was stabbed to death outside a bar in Leeds."), "KILL")
    assert kill.object is None
    assert "man" in (role(kill, "recipient") or "")


def test_a_site_in_a_province_places_the_act() -> None:
    found = claims("An explosion killed six miners at a coal mine in Shanxi province on Monday.")
    (kill,) = of_event(found, "KILL")
    assert "Shanxi" in (role(kill, "location") or "")
    assert of_event(found, "ACCIDENT") and not of_event(found, "ATTACK")


def test_an_arrest_at_a_rally_is_where_the_rally_was() -> None:
    (arrest,) = of_event(claims("Four people were arrested at the rally in Nairobi."), "ARREST")
    assert role(arrest, "location") == "Nairobi"


def test_the_place_named_by_its_kind_and_name() -> None:
    found = claims("Police arrested a man in the Leeds suburb of Headingley.")
    (arrest,) = of_event(found, "ARREST")
    assert role(arrest, "location") == "Headingley"


def test_an_explosion_that_rocked_a_city_happened_there() -> None:
    (attack,) = of_event(claims("A car bomb rocked the capital Kabul on Sunday."), "ATTACK")
    assert role(attack, "location") == "Kabul"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Thousands gathered in central Cairo on Friday to protest against the government.",
            "Cairo",
        ),
        ("Farmers blocked roads in Brussels to protest against new taxes.", "Brussels"),
    ],
)
def test_gathering_to_protest_is_a_protest_done_there(text: str, place: str) -> None:
    (protest,) = of_event(claims(text), "PROTEST")
    assert protest.modality == "asserted"
    assert role(protest, "location") == place


def test_planning_to_protest_stays_planned() -> None:
    (protest,) = of_event(claims("The union plans to protest against the cuts."), "PROTEST")
    assert protest.modality == "planned"


def test_military_drills_are_a_show_of_force_and_a_fire_drill_is_not() -> None:
    (drill,) = of_event(claims("China held military drills near Taiwan on Monday."), "MOBILIZE")
    assert role(drill, "agent") == "China"
    assert not claims("The school held a fire drill on Monday.")


def test_a_test_launched_is_not_announced() -> None:
    assert not of_event(claims("Iran launched a missile test on Sunday."), "ANNOUNCE")


def test_seeking_re_election_asks_no_one() -> None:
    assert not of_event(claims("The senator is seeking re-election in November."), "REQUEST")


def test_it_is_the_body_that_says_it() -> None:
    found = claims("The army said it had shot down 25 drones.")
    (attack,) = of_event(found, "ATTACK")
    assert role(attack, "agent") == "army"


def test_a_bomb_that_ripped_through_a_market_attacked_it() -> None:
    (attack,) = of_event(claims("A bomb ripped through a market in Basra."), "ATTACK")
    assert role(attack, "location") == "Basra"
