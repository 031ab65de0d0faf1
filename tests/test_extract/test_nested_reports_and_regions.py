"""Errors found judging TimeBank and GeoWebNews claims outside claims-news: a report inside a
report, a region's groups as actors, and a blow struck for a cause.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

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
