"""Found judging claims of TimeBank, GeoWebNews and CoNLL texts outside claims-news: a crowd of a
nationality is those people, and one person named by nationality is that person (not their state);
evidence said to be lacking accuses no one, nor does a job that "involves" tasks; an act no one is
"aware of any" attempt at did not happen; "took to the streets over a period of months" takes
nothing over; "the military establishment" builds nothing.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, of_event, role


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Thousands of Serbs protested in Belgrade on Monday.", "Serbs"),
        ("Some 2,000 Palestinians protested in Gaza.", "Some 2,000 Palestinians"),
        ("Ethnic Hungarians marched through the capital.", "Ethnic Hungarians"),
        ("About 300 Kenyans rallied outside the embassy.", "About 300 Kenyans"),
    ],
)
def test_a_crowd_of_a_nationality_is_those_people(text: str, agent: str) -> None:
    (protest,) = of_event(claims(text), "PROTEST")
    assert role(protest, "agent") == agent
    assert protest.agent["country"]  # still of their country


def test_a_nationality_acting_alone_still_acts_for_its_state() -> None:
    (attack,) = of_event(claims("The Americans bombed the bridge."), "ATTACK")
    assert role(attack, "agent") == "United States"


@pytest.mark.parametrize(
    "text",
    [
        "Judges have repeatedly cited a lack of evidence.",
        "The inspector said there was no evidence of a crime.",
        "The lawyer said the police had acted without evidence.",
    ],
)
def test_evidence_said_to_be_lacking_accuses_no_one(text: str) -> None:
    found = claims(text)
    assert not of_event(found, "ACCUSE")
    assert [c.event for c in found] == ["STATEMENT"]


def test_evidence_found_still_accuses() -> None:
    found = claims("The inspector said they had found evidence of a crime.")
    assert [c.event for c in found] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The board is not aware of any attempts to take over the bank, the bank said.", "ACQUIRE"),
        ("The village has not received any aid from the government.", "SUPPLY"),
        ("Police did not make any arrests.", "ARREST"),
    ],
)
def test_any_act_under_a_negation_did_not_happen(text: str, event: str) -> None:
    (c,) = of_event(claims(text), event)
    assert c.polarity == "negative"


def test_any_act_as_subject_is_no_denial() -> None:
    (c,) = of_event(claims("Any attack on the port would be answered, the admiral said."), "ATTACK")
    assert c.polarity == "positive"


def test_over_a_period_of_months_takes_nothing_over() -> None:
    found = claims(
        "Millions of people took to the streets over a period of several months to demand "
        "new elections."
    )
    assert of_event(found, "PROTEST")
    assert not of_event(found, "ACQUIRE")
    found = claims("The rebels took over the town over the weekend.")
    assert role(of_event(found, "ACQUIRE")[0], "object") == "town"


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The official said the job involves doing five specific tasks.", "STATEMENT"),
        ("The inspector said the plot involved three officers.", "ACCUSE"),
        ("The inspector said two officers were involved in the plot.", "ACCUSE"),
        ("The army said the incidents did not involve its soldiers.", "DENY"),
    ],
)
def test_involving_is_said_of_someone(text: str, event: str) -> None:
    assert [c.event for c in claims(text)] == [event]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("A second Belgian was also seriously injured.", "second Belgian"),
        ("A Briton was kidnapped in the south.", "Briton"),
    ],
)
def test_one_person_named_by_nationality_is_that_person(text: str, recipient: str) -> None:
    (c,) = claims(text)
    assert role(c, "recipient") == recipient


def test_a_nationality_describing_the_act_is_its_state() -> None:
    (attack,) = of_event(claims("The minister condemned an Iraqi attack on the port."), "ATTACK")
    assert role(attack, "agent") == "Iraq"


def test_one_person_named_by_nationality_acts_as_that_person() -> None:
    (threat,) = of_event(claims("A Briton threatened to sue the airline."), "THREATEN")
    assert role(threat, "agent") == "Briton"


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # the military establishment is an institution; establishing a base is building
        ("The war left much of the military establishment in ruins.", None),
        ("The establishment of a naval base was announced.", "BUILD_FACILITY"),
    ],
)
def test_an_establishment_is_built_only_with_its_object(text: str, event: str | None) -> None:
    assert [c.event for c in claims(text)] == ([event] if event else [])


@pytest.mark.parametrize(
    ("text", "event", "agent", "recipient"),
    [
        ("The army's arrest of the journalist drew protests.", "ARREST", "army", "journalist"),
        ("The junta's detention of the monks was condemned.", "ARREST", "junta", "monks"),
        ("The dissident's arrest drew protests.", "ARREST", None, "dissident"),
    ],
)
def test_a_possessor_acts_when_the_act_names_whom_it_is_done_to(
    text: str, event: str, agent: str | None, recipient: str
) -> None:
    (c,) = of_event(claims(text), event)
    assert (role(c, "agent"), role(c, "recipient")) == (agent, recipient)


def test_supporting_oneself_backs_no_one() -> None:
    assert not claims("The old man walked slowly, supporting himself on a stick.")
    assert [c.event for c in claims("The party backed the minister.")] == ["SUPPORT"]
