"""Blame laid on someone, and a second report the parser joined to the first one's words.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, role
from tests.test_extract.written import of_event as _of


def test_blaming_an_act_on_someone_names_them_and_no_attack_on_them():
    found = claims("Ministers blamed the blackout on hackers.")
    accuse = _of(found, "ACCUSE")
    assert accuse and role(accuse[0], "recipient") == "hackers"
    assert all(role(c, "recipient") != "hackers" for c in _of(found, "ATTACK"))


def test_laying_the_blame_on_someone_accuses_them():
    found = claims("The union laid the blame on the government.")
    accuse = _of(found, "ACCUSE")
    assert accuse and role(accuse[0], "agent") == "union"
    assert role(accuse[0], "recipient") == "government"


def test_criticism_on_a_show_is_no_accusation_of_the_show():
    found = claims("The senator criticized the ruling on Fox News Sunday.")
    assert [role(c, "recipient") for c in _of(found, "ACCUSE")] == [None]


def test_a_second_report_joined_after_a_comma_is_no_part_of_the_first():
    found = claims(
        "The miner's widow has demanded that the company pay damages in Chile, and the "
        "Peruvian government has said that the mine should close."
    )
    request = _of(found, "REQUEST")
    assert len(request) == 1
    assert role(request[0], "object") == "that the company pay damages in Chile"
    assert role(request[0], "location") == "Chile"


def test_condemning_an_attack_is_not_placed_where_the_attack_was():
    found = claims(
        "The Chilean foreign minister on Monday condemned the bombings of two hotels in Peru "
        "and Bolivia. Rebels carried out an attack in Kabul on Monday."
    )
    condemn = [c for c in found if c.event == "ACCUSE"]
    assert len(condemn) == 1 and role(condemn[0], "location") is None
    warned = claims("The mayor warned of attacks in Lima.")
    assert [role(c, "location") for c in warned if c.event == "THREATEN"] == [None]
    built = claims("Tesla is building plants for the production of batteries in Ohio.")
    assert [role(c, "location") for c in built if c.event == "BUILD_FACILITY"] == ["Ohio"]
    bombings = [c for c in found if c.event == "ATTACK" and "hotels" in c.evidence["text"]]
    assert {role(c, "location") for c in bombings} == {"Peru", "Bolivia"}
    assert [
        role(c, "location") for c in found if c.event == "ATTACK" and "Kabul" in c.evidence["text"]
    ] == ["Kabul"]


def test_what_a_court_heard_is_reported_by_the_court():
    found = claims(
        "The trial opened on Monday. A man was stabbed outside a pub in Derby, a court heard. "
        "Jurors were told that the gang sold drugs in Hull. He heard that the mill had closed. "
        "She was told to leave the shop."
    )
    stab = [c for c in found if "stabbed" in c.evidence["text"]]
    assert stab and stab[0].source["name"] == "court" and stab[0].modality == "reported"
    sold = [c for c in found if "drugs" in c.evidence["text"]]
    assert sold and sold[0].source["name"] == "Jurors"
    assert not [c for c in found if "mill" in c.evidence["text"] or "shop" in c.evidence["text"]]


def test_a_speaker_after_a_place_name_is_no_apposition_of_the_place():
    # the parser may read ", the Press Trust of India said" as an apposition of "England"
    found = claims(
        "The batsman was on Monday fined for leaving this year's tour of Australia, "
        "the Press Trust of India said."
    )
    assert found and {role(c, "source") for c in found} == {"Press Trust of India"}
    assert all("Press Trust" not in (role(c, "object") or "") for c in found)
