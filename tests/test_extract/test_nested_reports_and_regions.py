"""Errors found judging TimeBank and GeoWebNews claims outside claims-news: a report inside a
report, a region's groups as actors, a blow struck for a cause, and a dateline in capitals.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.extraction import extract_text
from tests.test_extract.written import claims, of_event, role


def test_a_killing_confirmed_inside_a_quote_accuses_no_one() -> None:
    text = (
        'A navy spokesman said on Monday: "It is with deep regret that the navy must confirm '
        'that Petty Officer Dan Hale was killed in an accident at sea on Sunday."'
    )
    found = claims(text)
    assert not of_event(found, "ACCUSE")
    (kill,) = of_event(found, "KILL")
    assert role(kill, "recipient") == "Dan Hale"


def test_an_accusation_inside_a_report_still_accuses() -> None:
    text = "The minister said the inquiry had found that the mayor was involved in the fraud."
    accusations = of_event(claims(text), "ACCUSE")
    assert "minister" in {role(c, "agent") for c in accusations}
    assert "mayor" in {role(c, "recipient") for c in accusations}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The heads of Asia's four biggest carmakers met in Tokyo on Friday.", "heads"),
        ("Europe's three largest steel groups met in Brussels on Tuesday.", "steel groups"),
    ],
)
def test_a_regions_groups_are_not_the_region(text: str, agent: str) -> None:
    (meet,) = of_event(claims(text), "MEET")
    name = role(meet, "agent")
    assert name is not None and agent in name and name not in ("Asia", "Europe")


@pytest.mark.parametrize(
    "text",
    [
        "The governor said the new law strikes a blow for open government.",
        "The verdict struck a blow against organised crime, the prosecutor said.",
    ],
)
def test_a_blow_struck_for_a_cause_is_no_attack(text: str) -> None:
    assert not of_event(claims(text), "ATTACK")


def test_a_struck_convoy_is_still_attacked() -> None:
    (attack,) = of_event(claims("Militants struck a police convoy near the border."), "ATTACK")
    assert role(attack, "object") == "police convoy"


def _doc_claims(text: str) -> list[Any]:
    return extract_text(text).claims


def test_a_dateline_the_ner_names_a_place_is_no_speaker_label() -> None:
    text = (
        "Port closed\n\nNEW YORK: The port authority on Monday closed the western terminal after a "
        "fire. The terminal will reopen on Friday, the authority said."
    )
    assert all(
        (c.source or {}).get("name") != "NEW YORK" and role(c, "agent") != "NEW YORK"
        for c in _doc_claims(text)
    )


def test_a_speaker_label_in_capitals_still_speaks() -> None:
    text = (
        "Interview\n\nHOST: Why did the talks fail?\n\nMINISTER: The other side walked out "
        "of the meeting on Tuesday."
    )
    assert "MINISTER" in {(c.source or {}).get("name") for c in _doc_claims(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said the crackdown shows the limits of that promise.",
        "Police fear that sweeping crackdowns could add fuel to the tensions.",
    ],
)
def test_a_statement_about_an_event_accuses_no_one(text: str) -> None:
    assert not of_event(claims(text), "ACCUSE")


def test_a_link_to_the_crime_still_accuses() -> None:
    text = (
        "Detectives said the suspect's van was seen near the bank in the days before the slaying."
    )
    assert of_event(claims(text), "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        'An analyst said: "I suspect the merger will be fairly irrelevant to earnings."',
        "The chairman said the strength of the economy is suspect.",
    ],
)
def test_suspect_as_a_guess_or_doubt_accuses_no_one(text: str) -> None:
    assert not of_event(claims(text), "ACCUSE")


def test_a_named_suspect_is_still_accused() -> None:
    (accuse,) = of_event(claims("Police said the driver was the main suspect."), "ACCUSE")
    assert role(accuse, "recipient") == "driver"


def test_people_sent_beside_goods_are_no_second_supply() -> None:
    text = "The ministry has sent blankets and tents as well as doctors to the flooded province."
    objects = {role(c, "object") for c in of_event(claims(text), "SUPPLY")}
    assert objects and not any("doctors" in (o or "") for o in objects)


def test_a_charity_sends_goods_and_its_crew_is_no_goods() -> None:
    text = "The charity sent food parcels and an ambulance crew to the town."
    supplies = of_event(claims(text), "SUPPLY")
    assert {role(c, "object") for c in supplies} == {"food parcels"}
    assert {role(c, "agent") for c in supplies} == {"charity"}


def test_attacked_for_failing_to_act_is_blame() -> None:
    text = "In the debate, the senator attacked the governor for failing to enforce the ban."
    found = claims(text)
    assert not of_event(found, "ATTACK")
    (accuse,) = of_event(found, "ACCUSE")
    assert role(accuse, "recipient") == "governor"


def test_police_who_attack_protesters_for_blocking_a_road_attack_them() -> None:
    found = claims("Riot police attacked the protesters for blocking the road.")
    assert of_event(found, "ATTACK") and not of_event(found, "ACCUSE")


def test_a_threatened_strike_beside_labour_talks_is_a_walkout() -> None:
    text = "Output fell after prolonged wage talks and a threatened strike."
    found = claims(text)
    assert not of_event(found, "ATTACK")
    assert of_event(found, "PROTEST")


@pytest.mark.parametrize(
    "text",
    [
        "Students attended a pro-Mandela rally in the capital on Friday.",
        "An anti-Putin protest blocked traffic in the city centre.",
    ],
)
def test_a_pro_or_anti_name_is_no_protester(text: str) -> None:
    (protest,) = of_event(claims(text), "PROTEST")
    assert role(protest, "agent") not in ("Nelson Mandela", "Mandela", "Vladimir Putin", "Putin")


@pytest.mark.parametrize(
    ("text", "event", "slot", "crowd"),
    [
        ("Thousands marched in a protest against the new tax.", "PROTEST", "agent", "Thousands"),
        ("Hundreds fled the town as the fighting spread.", "RETREAT", "agent", "Hundreds"),
        ("Dozens were killed in the fighting near the border.", "KILL", "recipient", "Dozens"),
    ],
)
def test_a_counted_crowd_is_people(text: str, event: str, slot: str, crowd: str) -> None:
    (claim,) = of_event(claims(text), event)
    assert role(claim, slot) == crowd


def test_thousands_of_things_are_no_crowd() -> None:
    found = claims("Thousands of dollars were spent on the campaign.")
    assert all(role(c, "agent") != "Thousands" for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "The political storm over the leaked memo grew on Tuesday.",
        "Analysts called it a perfect storm for the bond markets.",
        "Officials say the country faces a drug epidemic.",
    ],
)
def test_a_storm_or_epidemic_in_a_figure_of_speech_is_no_disaster(text: str) -> None:
    assert not of_event(claims(text), "DISASTER")


def test_a_storm_that_hit_the_coast_is_a_disaster() -> None:
    assert of_event(claims("A storm hit the coast on Monday."), "DISASTER")


@pytest.mark.parametrize(
    "text",
    [
        "Interpol said the banker is suspected of murdering a young clerk.",
        "He said the banker was also believed to have planned the kidnapping of a clerk.",
    ],
)
def test_a_suspicion_or_belief_told_of_someone_accuses_them(text: str) -> None:
    (accuse,) = of_event(claims(text), "ACCUSE")
    assert role(accuse, "recipient") == "banker"
