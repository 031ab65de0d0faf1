"""Aid pledged, goods offered, and a state acting through its strikes. A promise of a sum or of
goods is a SUPPLY still to come (modality planned), never a delivery made, and "pledged support"
or "committed a crime" gives nothing; "A French strike killed four" is France's act.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, of_event, role


@pytest.mark.parametrize(
    ("text", "agent", "recipient"),
    [
        ("Norway pledged $40 million to the flood relief fund.", "Norway", "flood relief fund"),
        ("The World Bank has promised 300 million euros to Kenya.", "World Bank", "Kenya"),
        ("Canada committed $2 billion in aid to Jordan.", "Canada", "Jordan"),
        ("Spain offered Chile two frigates.", "Spain", "Chile"),
        ("Australia offered Fiji $80 million in emergency aid.", "Australia", "Fiji"),
    ],
)
def test_a_pledged_sum_or_offered_goods_is_a_planned_supply(
    text: str, agent: str, recipient: str
) -> None:
    (supply,) = of_event(claims(text), "SUPPLY")
    assert agent in (role(supply, "agent") or "")
    assert role(supply, "recipient") == recipient
    assert supply.modality == "planned"


def test_a_sum_pledged_for_a_purpose_is_still_pledged() -> None:
    (supply,) = of_event(
        claims("The foundation pledged 20 million pounds to rebuild the port."), "SUPPLY"
    )
    assert role(supply, "object") == "20 million pounds"
    assert supply.modality == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "The senator pledged support for the new budget.",
        "The mayor promised change after the vote.",
        "Police said the man committed the robbery last week.",
        "France committed 2,000 troops to the mission.",
    ],
)
def test_no_goods_pledged_no_supply(text: str) -> None:
    assert not of_event(claims(text), "SUPPLY")


def test_shares_offered_in_a_flotation_are_sold() -> None:
    text = "The retailer listed its stock on Monday, offering 4 million shares at $12 each."
    (supply,) = of_event(claims(text), "SUPPLY")
    assert supply.modality == "asserted"


@pytest.mark.parametrize(
    ("text", "event", "agent"),
    [
        ("A French strike hit the depot on Monday, killing four fighters.", "KILL", "France"),
        ("Turkish shelling destroyed a bridge near the border.", "DAMAGE", "Turkey"),
        ("A UN air raid killed nine rebels.", "KILL", "UN"),
    ],
)
def test_an_event_noun_acts_for_the_state_it_names(text: str, event: str, agent: str) -> None:
    found = of_event(claims(text), event)
    assert found and agent in {role(c, "agent") for c in found}


def test_a_citys_bombing_has_no_agent() -> None:
    (kill,) = of_event(claims("The Lisbon bombing killed 30 people."), "KILL")
    assert role(kill, "agent") is None


def test_a_persons_event_noun_keeps_its_doer() -> None:
    found = claims("Smith's big Austin rally drew 3,000 people.")
    assert all(role(c, "agent") != "Austin" for c in found)
