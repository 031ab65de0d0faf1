"""Vehicles that crash or overturn, and people rescued.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, of_event


def test_a_vehicle_that_overturned_is_a_crash_by_no_one() -> None:
    found = claims("A driver died after his van overturned on the motorway.")
    assert not of_event(found, "REJECT")
    (crash,) = of_event(found, "ACCIDENT")
    assert crash.agent is None


def test_a_court_that_overturned_a_ruling_rejects_it() -> None:
    assert of_event(claims("The appeals court overturned the ruling."), "REJECT")


def test_people_rescued_are_helped_and_a_deal_rescued_is_not() -> None:
    (rescue,) = of_event(claims("Firefighters rescued three people from the river."), "ASSIST")
    assert (rescue.recipient or {}).get("text") == "three people"
    assert not of_event(claims("The bank rescued the deal at the last minute."), "ASSIST")
