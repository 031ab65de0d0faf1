"""Weapons tests, wars that kill, prison sentences, apologies and surrenders, mediators,
air defences, split subjects, and acts asked for in a chain of verbs.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, of_event, role


def test_a_missile_test_shows_force_and_a_software_test_does_not() -> None:
    (test,) = of_event(claims("Pyongyang launched a ballistic missile test on Sunday."), "MOBILIZE")
    assert role(test, "agent") == "North Korea" or "Pyongyang" in (role(test, "agent") or "")
    assert of_event(claims("Tehran conducted a nuclear test in 2031."), "MOBILIZE")
    assert not claims("The bank launched a test of its new payments app.")


def test_a_war_that_killed_people_is_no_actor() -> None:
    (kill,) = of_event(claims("Yemen's civil war has killed more than 90,000 people."), "KILL")
    assert kill.agent is None
    assert "war" in (role(kill, "object") or "")


def test_jailed_for_years_is_a_sentence_not_an_arrest() -> None:
    found = claims("A court in Minsk jailed the blogger for eight years.")
    assert of_event(found, "CONVICT")
    assert not of_event(found, "ARREST")
    assert of_event(claims("Police jailed the blogger overnight."), "ARREST")


def test_an_apology_or_a_surrender_needs_no_object() -> None:
    (sorry,) = of_event(claims("The airline apologised to passengers on Friday."), "CONCEDE")
    assert role(sorry, "agent") == "airline"
    assert of_event(claims("The gunmen surrendered to police after a standoff."), "CONCEDE")
    assert not of_event(claims("The striker surrendered possession in midfield."), "CONCEDE")


def test_mediators_talk_together_not_with_each_other() -> None:
    found = of_event(
        claims("Norway and Switzerland are mediating talks between the government and rebels."),
        "CONSULT",
    )
    assert {role(c, "agent") for c in found} == {"Norway", "Switzerland"}
    assert all(c.recipient is None for c in found)


def test_air_defences_are_an_actor() -> None:
    (shot,) = of_event(claims("Air defences shot down nine drones overnight."), "ATTACK")
    assert role(shot, "agent") == "Air defences"


def test_a_subject_split_in_two_is_its_last_noun() -> None:
    (quake,) = of_event(
        claims("A magnitude 6.4 earthquake struck eastern Turkey late on Monday."), "DISASTER"
    )
    assert "earthquake" in (role(quake, "object") or "")


def test_every_act_asked_for_in_a_chain_is_asked() -> None:
    found = claims("The senator called on the minister to stop blaming nurses and apologise.")
    assert of_event(found, "REQUEST")
    assert not of_event(found, "CONCEDE")


def test_an_act_after_a_rejection_is_done_not_rejected() -> None:
    found = claims("The opposition leader rejected the official count and called for a recount.")
    (asked,) = of_event(found, "REQUEST")
    assert asked.modality == "asserted"


def test_a_blocked_road_rejects_nothing_and_a_blocked_bill_does() -> None:
    assert not of_event(claims("Truckers blocked the motorway near Calais."), "REJECT")
    assert of_event(claims("Lawmakers blocked the budget bill."), "REJECT")


def test_bribes_accepted_are_no_agreement() -> None:
    assert not of_event(claims("The official accepted cash from a developer."), "AGREE")
    assert of_event(claims("The board accepted the takeover offer."), "AGREE")


def test_the_one_fined_is_not_part_of_the_sum() -> None:
    (fine,) = of_event(claims("The commission fined Apple 1.8 billion euros."), "SANCTION")
    assert role(fine, "recipient") == "Apple"
    assert role(fine, "object") == "1.8 billion euros"


def test_left_dead_counts_the_dead() -> None:
    (kill,) = of_event(claims("Landslides in northern India have left 30 people dead."), "KILL")
    assert kill.agent is None
    assert "30 people" in (role(kill, "recipient") or "")


def test_a_chamber_confirming_a_nominee_appoints_them() -> None:
    found = claims("The Senate confirmed Judge Ana Ruiz to the supreme court on Thursday.")
    (appointed,) = of_event(found, "APPOINT")
    assert role(appointed, "recipient") == "Ana Ruiz"
    assert not of_event(found, "STATEMENT")
    assert not of_event(claims("The ministry confirmed the report."), "APPOINT")


def test_a_place_named_beside_its_kind_places_the_act() -> None:
    (blast,) = of_event(claims("A car bomb exploded in the capital Mogadishu on Friday."), "ATTACK")
    assert role(blast, "location") == "Mogadishu"


def test_the_larger_place_of_a_named_suburb_places_the_act() -> None:
    (kill,) = of_event(
        claims("Police shot dead two suspects on Tuesday in the Kibera suburb of Nairobi."),
        "KILL",
    )
    assert role(kill, "location") == "Nairobi"
