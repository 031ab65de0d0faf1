"""Trips taken for a purpose, speech acts told by a participle on their speakers or by a voiced
concern, and what an act asks for or is about.
Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, role
from tests.test_extract.written import of_event as _of


def test_leaving_for_a_place_to_meet_is_the_travellers_meeting():
    found = claims("The trade minister left for Oslo to meet his Norwegian counterpart.")
    meet = _of(found, "MEET")
    assert meet and role(meet[0], "agent") == "trade minister"
    assert role(meet[0], "recipient") == "his Norwegian counterpart"
    visit = _of(found, "VISIT")
    assert visit and role(visit[0], "location") == "Oslo"


def test_calling_for_someone_to_act_asks_them_and_is_said_by_the_caller():
    found = claims("The senator called for Canada to return the ship.")
    request = _of(found, "REQUEST")
    assert request and role(request[0], "agent") == "senator"
    assert role(request[0], "recipient") == "Canada"
    assert role(request[0], "object") == "Canada to return the ship"
    assert request[0].source["name"] == "senator"


def test_a_movement_calling_for_a_release_demands_it():
    found = claims(
        "The government faces a student movement calling for the release of the jailed editors."
    )
    request = _of(found, "REQUEST")
    assert request and role(request[0], "agent") == "student movement"
    assert request[0].source["name"] == "student movement"
    assert "release" in role(request[0], "object")


def test_officials_accusing_a_country_accuse_it():
    found = claims("Officials accusing Belarus of smuggling arms spoke to reporters in Vilnius.")
    accuse = _of(found, "ACCUSE")
    assert accuse and role(accuse[0], "agent") == "Officials"
    assert role(accuse[0], "recipient") == "Belarus"


def test_a_participle_on_a_thing_or_not_of_saying_tells_nothing():
    found = claims(
        "A task force investigating the thefts met in Denver. Sanctions targeting the banks hurt."
    )
    assert not _of(found, "ACCUSE")
    assert not _of(found, "REQUEST")


def test_concern_expressed_about_something_is_its_speakers_disapproval():
    found = claims("Farm groups have expressed deep concern about the new tariff.")
    accuse = _of(found, "ACCUSE")
    assert accuse and role(accuse[0], "agent") == "Farm groups"
    assert role(accuse[0], "object") == "new tariff"
    assert accuse[0].source["name"] == "Farm groups"


def test_for_the_most_part_is_no_object():
    found = claims("For the most part, tenants have voiced dismay about the rent rise.")
    accuse = _of(found, "ACCUSE")
    assert accuse and role(accuse[0], "object") == "rent rise"
    found = claims("The council called for calm for now.")
    assert [role(c, "object") for c in _of(found, "REQUEST")] == ["calm"]


def test_concern_that_something_happened_frames_it_rather_than_accusing():
    found = claims("An aide expressed concern that Acme was selling rifles to Peru.")
    assert not _of(found, "ACCUSE")
    supply = _of(found, "SUPPLY")
    assert supply and role(supply[0], "agent") == "Acme"
