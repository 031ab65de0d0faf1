"""Acts asked about rather than told, storms that are figures of speech, and rivers that burst
their banks.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, of_event


def test_an_act_not_yet_known_how_it_will_be_done_is_not_told() -> None:
    found = claims("The ministry did not know how it would deport the men.")
    assert not of_event(found, "COERCE")


def test_not_knowing_where_bombs_went_off_still_tells_they_did() -> None:
    found = claims("People ran in all directions, not knowing where the bombs were exploding.")
    assert of_event(found, "ATTACK")


def test_an_economic_storm_is_no_disaster() -> None:
    assert not of_event(claims("An economic storm hit the region last year."), "DISASTER")
    assert of_event(claims("A storm hit the region last year."), "DISASTER")


def test_a_river_that_burst_its_banks_is_a_flood() -> None:
    (flood,) = of_event(claims("The river burst its banks on Friday."), "DISASTER")
    assert flood.agent is None


def test_a_named_hurricane_making_landfall_is_one_disaster_there() -> None:
    found = claims("Hurricane Mara made landfall in Louisiana on Monday as a Category 3 storm.")
    (storm,) = of_event(found, "DISASTER")
    assert storm.location is not None and storm.location["name"] == "Louisiana"
    assert "Mara" in (storm.object or {}).get("text", "")


def test_an_indictment_on_charges_is_one_charge() -> None:
    found = claims("A grand jury indicted the governor on fraud charges.")
    assert len(of_event(found, "CHARGE")) == 1
