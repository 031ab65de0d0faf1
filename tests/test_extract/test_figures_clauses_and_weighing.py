"""Figures that slow, grow or are held, figures reported by their teller, dates of a second
clause, acts weighed, and countries by their short names.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import datetime

from tests.test_extract.written import claims, of_event, role

MARCH = datetime.datetime(2024, 3, 5)


def test_a_date_of_a_second_clause_does_not_date_the_first() -> None:
    found = claims("Militants seized the airport but promised a ceasefire next week.", MARCH)
    (seizure,) = of_event(found, "ATTACK")
    assert not seizure.time or not seizure.time["value"].startswith("2024-W11")
    # a date both verbs share still dates the first
    found = claims("Troops entered and seized the airport on Monday.", MARCH)
    (seizure,) = of_event(found, "ATTACK")
    assert seizure.time["value"] == "2024-03-04"
    # a second clause in another tense keeps its date
    found = claims("The striker has signed a new contract and will play on Saturday.", MARCH)
    (deal,) = of_event(found, "AGREE")
    assert deal.time["value"] != "2024-03-09"


def test_a_figure_held_steady_is_measured() -> None:
    for text in (
        "The central bank held rates steady on Thursday.",
        "The central bank held rates steady but signalled cuts in the autumn.",
    ):
        (held,) = of_event(claims(text, MARCH), "MEASURE")
        assert role(held, "object") and "rates" in role(held, "object"), text


def test_a_figure_that_slows_or_grows_by_a_bare_percentage_is_measured() -> None:
    for text, thing in (
        ("Inflation in Peru slowed to 3.1 percent in January.", "Inflation"),
        ("The economy grew 1.4 percent in the fourth quarter.", "economy"),
        ("The trade deficit widened to $41 billion in December.", "deficit"),
    ):
        (figure,) = of_event(claims(text, MARCH), "MEASURE")
        assert thing in role(figure, "object"), text
    # what moves another figure is not itself measured
    found = claims("Rising fuel price increases quickened inflation to 6 percent.", MARCH)
    assert not [c for c in of_event(found, "MEASURE") if "increases" in role(c, "object")]


def test_a_figure_reported_is_its_tellers_word() -> None:
    (count,) = of_event(claims("Health officials reported 31 new cases of measles."), "MEASURE")
    assert role(count, "source") == "Health officials"
    assert count.modality == "reported"
    assert count.agent is None  # a count they tell, not an act or figure of theirs
    (result,) = of_event(claims("Brightwell Inc. reported a loss of $7 million."), "MEASURE")
    assert role(result, "agent") == "Brightwell Inc."
    assert role(result, "source") == "Brightwell Inc."


def test_a_reported_its_is_the_speakers() -> None:
    found = claims("Brightwell Inc. said its leasing unit grew 12 percent.")
    (figure,) = of_event(found, "MEASURE")
    assert role(figure, "agent") == "Brightwell Inc."
    assert "said" not in figure.evidence["text"]


def test_acts_weighed_are_planned_and_what_others_submit_is_not_the_weighers() -> None:
    (sanction,) = of_event(claims("The EU is weighing new sanctions on Belarus."), "SANCTION")
    assert sanction.modality == "planned"
    found = claims("The tribunal is considering an appeal from the defence.")
    assert not [c for c in found if c.event == "REQUEST" and role(c, "agent") == "tribunal"]


def test_a_country_by_its_short_name_is_no_agent_of_a_count_it_reports() -> None:
    (count,) = of_event(claims("Turkey reported 400 new infections."), "MEASURE")
    assert count.agent is None
    assert role(count, "source") == "Turkey"


def test_a_pact_agreed_to_keeps_its_object_beside_a_purpose_clause() -> None:
    found = claims("Armenia and Azerbaijan agreed to a truce to allow talks in Geneva.")
    pacts = of_event(found, "AGREE")
    assert {role(c, "agent") for c in pacts} == {"Armenia", "Azerbaijan"}
    assert all(role(c, "object") == "truce" for c in pacts)


def test_a_purpose_after_a_harmed_object_is_the_doers() -> None:
    (demand,) = of_event(claims("The gang abducted the businessman to demand a ransom."), "REQUEST")
    assert role(demand, "agent") == "gang"
    # a verb of command hands the clause to its object
    (leaving,) = of_event(claims("The junta forced the envoy to leave the country."), "WITHDRAW")
    assert role(leaving, "agent") == "envoy"


def test_a_speakers_own_speech_act_needs_no_statement_beside_it() -> None:
    found = claims("The insurer denied wrongdoing and said it would appeal the verdict.")
    assert of_event(found, "REQUEST")
    assert not of_event(found, "STATEMENT")


def test_people_hurt_in_an_accident_are_counted_not_assaulted() -> None:
    for text in (
        "Nine people were injured when a minibus overturned on a mountain road.",
        "Twenty passengers were injured in the collision.",
    ):
        found = claims(text)
        assert not of_event(found, "ASSAULT"), text
        (count,) = of_event(found, "MEASURE")
        assert "people" in role(count, "object") or "passengers" in role(count, "object")
    # people hurt in an attack still are
    assert of_event(claims("Four guards were wounded in the ambush."), "ASSAULT")


def test_a_text_an_actor_issues_speaks_for_it() -> None:
    text = "The assembly adopted a resolution demanding the withdrawal of foreign troops."
    (demand,) = of_event(claims(text), "REQUEST")
    assert role(demand, "agent") == "assembly"
    found = claims("The embassy issued a statement condemning the shelling.")
    assert [role(c, "agent") for c in of_event(found, "ACCUSE")] == ["embassy"]


def test_a_raid_in_which_someone_was_arrested_is_no_attack() -> None:
    found = claims("The imam was arrested in a raid on a flat in Antwerp.")
    assert of_event(found, "ARREST")
    assert not of_event(found, "ATTACK")
    # a raid in which soldiers died still is
    assert of_event(claims("Five soldiers died in a raid on their base."), "ATTACK")


def test_a_move_told_by_its_object_is_still_measured() -> None:
    for text in ("Asian shares shed early gains.", "The peso gained ground against the dollar."):
        assert of_event(claims(text), "MEASURE"), text
