"""Victims told by their number or by "them", a company's figures told of "it", candidates
who leave a race.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, role


def test_a_number_killed_or_wounded_are_the_victims():
    found = claims("A truck bomb exploded in Kirkuk. At least 31 were killed and 60 were wounded.")
    kill = [c for c in found if c.event == "KILL"]
    hurt = [c for c in found if c.event == "ASSAULT"]
    assert kill and role(kill[0], "recipient") == "At least 31"
    assert role(kill[0], "object") is None
    assert hurt and role(hurt[0], "recipient") == "60"


def test_lives_claimed_or_taken_are_the_dead():
    found = claims("The floods in Bihar claimed at least 48 lives this week.")
    kill = [c for c in found if c.event == "KILL"]
    assert kill and role(kill[0], "recipient") == "at least 48 lives"
    assert role(kill[0], "agent") is None
    found = claims("Gunmen took the lives of three guards at the mine.")
    kill = [c for c in found if c.event == "KILL"]
    assert kill and role(kill[0], "recipient") == "three guards"
    assert role(kill[0], "agent") == "Gunmen"
    assert not [c for c in claims("She claimed the life insurance money.") if c.event == "KILL"]


def test_a_number_of_things_damaged_is_no_victim():
    found = claims("Storms hit the coast on Sunday. About 40 were damaged.")
    assert all(role(c, "recipient") != "About 40" for c in found)


def test_it_after_a_company_has_the_companys_figures():
    found = claims("Orbis Freight Inc. said it would cut costs. It employs 2,300 people.")
    figure = [c for c in found if c.event == "MEASURE"]
    assert figure and role(figure[0], "agent") == "Orbis Freight Inc."
    assert role(figure[0], "object") == "2,300 people"


def test_people_named_by_them_are_acted_upon():
    found = claims("Police arrested two clerks in York. Prosecutors charged them with fraud.")
    charge = [c for c in found if c.event == "CHARGE"]
    assert charge and role(charge[0], "recipient") == "them"
    assert role(charge[0], "object") == "fraud"


def test_them_after_weapons_stands_for_the_weapons():
    found = claims("The two men hid the grenades in a van before detonating them near the gate.")
    attack = [c for c in found if c.event == "ATTACK"]
    assert attack and role(attack[0], "object") == "them"
    assert role(attack[0], "recipient") is None
    found = claims("Guards disarmed the two gunmen and then shot them.")
    shot = [c for c in found if c.event == "ATTACK"]
    assert shot and role(shot[0], "recipient") == "them"


def test_an_owner_after_of_is_no_place_but_a_coast_is():
    found = claims(
        "Two car bombs injured more than 300 others outside embassies of the United States "
        "in Ghana and Togo. Troops are stationed within striking distance of Mali."
    )
    assert {role(c, "location") for c in found if c.event == "ASSAULT"} == {"Ghana", "Togo"}
    assert [role(c, "location") for c in found if c.event == "MOBILIZE"] == [None]
    found = claims("A ferry sank off the coast of Crete.")
    assert [role(c, "location") for c in found] == ["Crete"]


def test_candidates_who_suspend_their_campaigns_withdraw():
    found = claims(
        "The primary ended on Monday. Former Ohio Gov. Ann Pike and Senator Tom Reyes announced "
        "they will suspend their campaigns. The mayor ended his bid for the nomination."
    )
    out = [c for c in found if c.event == "WITHDRAW"]
    assert {role(c, "agent") for c in out} == {"Ann Pike", "Tom Reyes", "mayor"}
    assert {c.modality for c in out if role(c, "agent") != "mayor"} == {"predicted"}
