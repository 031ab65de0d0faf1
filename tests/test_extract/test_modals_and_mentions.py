"""What modal verbs leave undone: an act that "should" happen is advised, one that "must"
happen is still required, and "must have" guesses about the past; things no one dies of;
who cooperates; places and files named after an act; who marches;
what is hoped for; an intention left unsaid.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims
from tests.test_extract.written import of_event as _of


def test_an_act_that_should_happen_is_advised_not_done():
    arrest = _of(claims("Police should arrest the mayor's driver."), "ARREST")
    assert arrest and arrest[0].modality == "suggested"
    release = _of(claims("The government ought to release the prisoners."), "CONCEDE")
    assert release and release[0].modality == "suggested"


def test_an_act_that_must_happen_is_still_required():
    found = _of(claims("The merger must be approved by the regulator."), "AGREE")
    assert found and found[0].modality == "planned"


def test_must_have_done_is_a_guess():
    found = _of(claims("The gang must have attacked the guard before dawn."), "ATTACK")
    assert found and found[0].modality == "suggested"


def test_a_plain_act_stays_asserted():
    found = _of(claims("Police arrested the mayor's driver."), "ARREST")
    assert found and found[0].modality == "asserted"


def test_killing_a_bill_or_executing_a_plan_kills_no_one():
    for text in (
        "Senators killed the bill on Tuesday.",
        "The army executed the plan flawlessly.",
        "Critics warned against the execution of the new strategy.",
    ):
        assert not _of(claims(text), "KILL"), text
    killed = _of(claims("The regime executed three dissidents."), "KILL")
    assert killed and killed[0].recipient is not None


def test_plunging_a_country_into_war_is_no_accident():
    assert not _of(claims("The invasion plunged the country into a long war."), "ACCIDENT")
    assert _of(claims("A bus plunged into a ravine in the mountains."), "ACCIDENT")


def test_the_cooperation_of_a_body_is_its_own():
    found = _of(
        claims("Inspectors praised the full cooperation of the Iraqi authorities."), "COOPERATE"
    )
    assert found and found[0].agent is not None and found[0].recipient is None


def test_a_place_file_or_verdict_named_after_an_act_tells_none():
    for text, event in (
        ("Reporters called the detention centre on Thursday, but no one answered.", "ARREST"),
        ("The murder trial opened in the capital on Monday.", "KILL"),
        ("It was not a murder conviction that kept him in prison.", "KILL"),
    ):
        assert not _of(claims(text), event), text
    assert _of(claims("The detention of the activists drew protests."), "ARREST")


def test_phoning_a_place_says_nothing():
    assert not _of(claims("AFP called the detention centre on Thursday."), "STATEMENT")
    assert _of(claims("The senator called the decision a disgrace."), "ACCUSE")


def test_who_goes_on_a_march_protests():
    for text in (
        "Thousands of farmers went on a march to the capital.",
        "Supporters set off on a march from the city to the prison.",
    ):
        protest = _of(claims(text), "PROTEST")
        assert protest and protest[0].agent is not None, text


def test_an_act_hoped_for_is_not_done():
    for text in ("The party hopes to win the election.", "He hoped to buy the company."):
        found = [c for c in claims(text) if c.event in ("ELECT", "ACQUIRE")]
        assert found and all(c.modality == "planned" for c in found), text


def test_an_intention_left_unsaid_is_no_statement():
    found = claims("Those who go abroad will go because they want to, not because they must.")
    assert not _of(found, "STATEMENT")
