"""Whoever orders an attack or a killing makes it ("the general ordered the strikes"), while a
halt or an end ordered to attacks stops them, and a raid the police order stays a coercion;
people named by a title act; an act laid on someone by no one named stays an allegation.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import datetime

import pytest

from claimgraph.extraction import extract_text
from tests.test_extract.written import claims
from tests.test_extract.written import of_event as _of


def _agent(claim: object) -> str | None:
    agent = getattr(claim, "agent", None)
    return agent.get("name") if agent else None


def test_an_ordered_attack_is_the_orderers_attack():
    found = claims("The general ordered an attack on the hill village.")
    attacks = _of(found, "ATTACK")
    assert [_agent(c) for c in attacks] == ["general"]
    assert not _of(found, "COERCE")  # ordering the attack coerces no one
    authorized = _of(claims("Senator Rowe authorized the airstrikes on the depot."), "ATTACK")
    assert authorized and _agent(authorized[0]) == "Rowe"


def test_an_ordered_killing_is_the_orderers_killing():
    killings = _of(claims("The rebel commander ordered the killing of the village doctor."), "KILL")
    assert killings and _agent(killings[0]) == "rebel commander"


def test_a_halt_ordered_to_attacks_stops_them():
    found = claims("The court ordered a halt to the attacks on the camp.")
    assert all(_agent(c) != "court" for c in _of(found, "ATTACK"))


def test_a_raid_the_police_order_is_no_attack():
    found = claims("The police chief ordered a raid on the warehouse.")
    assert not _of(found, "ATTACK")


def test_people_named_by_a_title_act_and_suffer():
    found = _of(claims("The warlord killed the village elder on Sunday."), "KILL")
    assert found and _agent(found[0]) == "warlord"
    assert (found[0].recipient or {}).get("name") == "village elder"


@pytest.mark.parametrize(
    ("text", "event", "field", "value"),
    [
        # an act laid on someone by no one named is alleged, unless a verdict finds it done
        ("Two guards have been accused of stabbing a prisoner.", "ATTACK", "modality", "claimed"),
        ("Two soldiers were suspected of attacking the convoy.", "ATTACK", "modality", "suspected"),
        ("The driver was convicted of killing a cyclist.", "KILL", "modality", "asserted"),
        # an act that nearly happened did not; "nearly" after the verb counts the dead
        ("The striker nearly pulled out of the match.", "RETREAT", "polarity", "negative"),
        ("The driver almost killed a pedestrian.", "KILL", "polarity", "negative"),
        ("The bombing killed nearly 200 people.", "KILL", "polarity", "positive"),
    ],
)
def test_how_sure_and_whether_done(text: str, event: str, field: str, value: str) -> None:
    found = _of(claims(text), event)
    assert found and getattr(found[0], field) == value


def test_an_act_someone_is_criticised_or_praised_for_is_theirs():
    found = claims("The senator condemned the governor for attacking the reporters.")
    attack = _of(found, "ATTACK")
    assert attack and _agent(attack[0]) == "governor" and attack[0].modality == "claimed"
    both = claims("The mayor criticized the officer for shooting and killing an unarmed man.")
    assert [_agent(c) for c in _of(both, "ATTACK") + _of(both, "KILL")] == ["officer", "officer"]
    named = _of(claims("Ms. Hale criticized Mr. Brandt for attacking the judge."), "ATTACK")
    assert named and _agent(named[0]) == "Brandt"  # "for" hung on the name by the parser
    praised = _of(claims("The minister praised the police for arresting the smugglers."), "ARREST")
    assert praised and _agent(praised[0]) == "police" and praised[0].modality == "reported"


def test_the_dead_are_named_without_the_manner_of_their_death():
    found = _of(claims("A married couple shot dead 14 people at the party."), "KILL")
    assert found and _agent(found[0]) == "married couple"
    assert (found[0].recipient or {}).get("name") == "14 people"  # not "dead 14 people"
    civilians = _of(claims("The gunmen killed innocent civilians near the border."), "KILL")
    assert civilians and (civilians[0].recipient or {}).get("name") == "innocent civilians"


def test_a_person_named_without_a_post_is_not_appointed():
    for text in ("The victims have not been named.", "The suspect was not named by police."):
        assert not _of(claims(text), "APPOINT"), text
    post = _of(claims("Ms. Ortega was named chairman on Monday."), "APPOINT")
    assert post and (post[0].recipient or {}).get("name") == "Ortega"


def test_a_place_and_day_opening_the_story_act_for_no_one():
    text = "VARNA 2004-05-17 Bulgaria launched an attack on the smugglers' camp."
    found = extract_text(text, published=datetime.datetime(2004, 5, 17)).claims
    attacks = _of(found, "ATTACK")
    assert attacks and _agent(attacks[0]) == "Bulgaria"
    assert "2004-05-17" not in attacks[0].evidence["text"]


def test_what_a_relative_pronoun_stands_for_is_checked_as_the_subject():
    assert not _of(claims("The tariffs that have targeted Canada will hurt farmers."), "ATTACK")
    storm = claims("A storm that hit the coast killed two people.")
    assert not _of(storm, "ATTACK") and _of(storm, "DISASTER")
    rebels = _of(claims("Rebels who attacked the town fled."), "ATTACK")
    assert rebels and _agent(rebels[0]) == "Rebels"


def test_weapons_and_vaccines_developed_are_made():
    found = _of(claims("The toxin was developed by a military laboratory in the 1980s."), "PRODUCE")
    assert found and _agent(found[0]) == "military laboratory"
    assert not _of(claims("The two countries developed close ties."), "PRODUCE")


def test_infiltrating_a_group_coerces_it_but_entering_a_city_does_not():
    found = _of(claims("The secret police infiltrated the student union."), "COERCE")
    assert found and (found[0].recipient or {}).get("name") == "student union"
    assert not _of(claims("The rebels infiltrated the city at night."), "COERCE")


def test_a_man_wanted_for_an_act_is_suspected_of_it():
    found = _of(claims("The fugitive is wanted for attacking a prison guard."), "ATTACK")
    assert found and _agent(found[0]) == "fugitive" and found[0].modality == "claimed"
    assert _agent(_of(claims("The incumbent won the election."), "ELECT")[0]) == "incumbent"


def test_facts_given_are_no_goods():
    for text in (
        "His statement gave no venue or precise date for the meeting.",
        "The candidate did not supply a cost estimate for the plan.",
    ):
        assert not _of(claims(text), "SUPPLY"), text
    assert _of(claims("Russia supplied tanks to the rebels."), "SUPPLY")


@pytest.mark.parametrize(
    ("text", "event", "mood"),
    [
        # a deal "to sell", however the parser hangs it, is the sale planned
        (
            "The ministry approved a $900 million deal to sell Chile two submarines.",
            "SUPPLY",
            "planned",
        ),
        # a bare infinitive under "will see / will let" is looked ahead to
        ("The new contract will see Peru buy twelve helicopters.", "ACQUIRE", "predicted"),
        ("The contract saw Peru buy twelve helicopters.", "ACQUIRE", "asserted"),
    ],
)
def test_what_a_deal_or_a_future_brings_is_not_yet_done(text: str, event: str, mood: str) -> None:
    found = _of(claims(text), event)
    assert found and found[0].modality == mood
