"""Objects two verbs share and groups of people a story names once and counts afterwards.

Sentences are written for these tests (none comes from an evaluation set). Each opens with a
short sentence so that the one tested is not read as the document's headline.
"""

from __future__ import annotations

import datetime

from tests.test_extract.written import claims, role


def test_questioned_and_released_questions_the_men_too():
    found = claims("Detectives questioned and released two men in the theft of a tractor.")
    by_event = {c.event: c for c in found}
    assert role(by_event["ACCUSE"], "recipient") == "two men"
    assert by_event["ACCUSE"].evidence["start"] == by_event["CONCEDE"].evidence["start"]
    # the questioning is no report of the release: the publisher states it
    assert by_event["CONCEDE"].source["is_publisher"]
    assert by_event["CONCEDE"].modality == "asserted"


def test_shot_and_killed_shares_its_victim():
    found = claims("A guard shot and killed a burglar at the depot on Sunday.")
    assert {(c.event, role(c, "recipient")) for c in found} >= {
        ("ATTACK", "burglar"),
        ("KILL", "burglar"),
    }


def test_verbs_of_two_clauses_share_nothing():
    found = claims("She urged the guards not to shoot and begging her brother to stay calm.")
    assert not any(c.event == "ATTACK" and role(c, "recipient") for c in found)


def test_the_two_men_are_the_two_men_named_before():
    found = claims(
        "Police want to question Tomas Keller and Ivan Dobrev about the fire. "
        "Officers said the two men visited the warehouse the day before the fire."
    )
    visits = [c for c in found if c.event == "VISIT"]
    assert sorted(role(c, "agent") for c in visits) == ["Ivan Dobrev", "Tomas Keller"]


def test_both_men_and_a_symmetric_act():
    found = claims(
        "The club signed Tomas Keller and Ivan Dobrev last year. Both men met on Friday."
    )
    meetings = {(role(c, "agent"), role(c, "recipient")) for c in found if c.event == "MEET"}
    assert meetings == {("Tomas Keller", "Ivan Dobrev"), ("Ivan Dobrev", "Tomas Keller")}


def test_a_count_that_does_not_fit_the_last_group_names_no_one():
    found = claims(
        "Police named Ana Ruiz, Bea Stone and Cara Holt as witnesses. "
        "The two men were arrested on Friday."
    )
    arrests = [c for c in found if c.event == "ARREST"]
    assert [role(c, "recipient") for c in arrests] == ["two men"]


def test_both_sides_are_no_two_people():
    found = claims("The studio hired Tomas Keller and Ivan Dobrev. Both sides met on Friday.")
    assert not any(
        role(c, "agent") in ("Tomas Keller", "Ivan Dobrev") for c in found if c.event == "MEET"
    )


def test_a_statement_saying_is_told_by_who_issued_it():
    found = claims("The ministry issued a statement saying police arrested two men.")
    arrest = next(c for c in found if c.event == "ARREST")
    assert arrest.source["name"].lower() == "ministry"
    assert arrest.modality == "reported"


def test_a_statement_saying_with_no_event_is_a_statement_of_its_issuer():
    found = claims("The league issued a statement saying the season was over.")
    said = [c for c in found if c.event == "STATEMENT"]
    assert [c.source["name"].lower() for c in said] == ["league"]


def test_giving_choice_or_flexibility_hands_over_no_goods():
    found = claims("Brenner Holdings is giving its savers choice and flexibility.")
    assert not any(c.event == "SUPPLY" for c in found)


def test_selling_a_stake_is_no_investment():
    found = claims("Brenner Holdings sold its stake in the brewery for $5 million.")
    assert "INVEST" not in {c.event for c in found}
    assert "SUPPLY" in {c.event for c in found}


def test_posts_named_together_make_one_appointment():
    found = claims("Maria Okafor was named president and chief executive officer of Delmont Corp.")
    appointments = [c for c in found if c.event == "APPOINT"]
    assert len(appointments) == 1
    assert role(appointments[0], "object") == "president and chief executive officer"


def test_stepped_down_as_several_posts_is_one_resignation():
    found = claims("Gerald Marsh stepped down as chairman, president and chief executive in March.")
    resignations = [c for c in found if c.event == "RESIGN"]
    assert [role(c, "agent") for c in resignations] == ["Gerald Marsh"]
    assert role(resignations[0], "object") == "chairman, president and chief executive"


def test_charges_listed_together_are_one_charge_and_no_arrest():
    found = claims("Prosecutors charged Dale Hunt with kidnapping and false imprisonment.")
    assert [role(c, "object") for c in found if c.event == "CHARGE"] == [
        "kidnapping and false imprisonment"
    ]
    assert not any(c.event == "ARREST" for c in found)


def test_goods_sold_together_still_fan_out():
    found = claims("Belgrade sold tanks and missiles to the rebels.")
    assert sorted(role(c, "object") for c in found if c.event == "SUPPLY") == ["missiles", "tanks"]


def test_asked_to_comment_is_an_interview_not_a_request():
    found = claims("Asked to comment on the merger, a Velora spokesman said the talks were over.")
    assert not any(c.event == "REQUEST" for c in found)
    found = claims("The director was asked to testify before the committee.")
    assert any(c.event == "REQUEST" for c in found)


def test_the_event_noun_that_kills_happened_when_the_killing_did():
    found = claims("The blasts killed 31 people on March 4, 2001.", datetime.datetime(2002, 5, 3))
    attack = next(c for c in found if c.event == "ATTACK")
    assert attack.time["value"] == "2001-03-04"
    assert attack.time["basis"] == "mention"


def test_little_changed_at_a_figure_is_a_figure():
    found = claims("Sales were little changed at 3.1 billion kroner.")
    assert [role(c, "object") for c in found if c.event == "MEASURE"] == ["Sales"]
    assert not claims("The rules were changed in 2010.")


def test_people_of_two_sides_meet_for_their_sides():
    found = claims("The foreign ministers of Chile and Peru held talks in Lima on Monday.")
    meetings = {(role(c, "agent"), role(c, "recipient")) for c in found if c.event == "MEET"}
    assert meetings == {("Chile", "Peru"), ("Peru", "Chile")}


def test_a_level_verb_with_a_figure_measures_its_subject():
    found = claims("The renovation of the stadium will cost about $32 million.")
    assert [role(c, "object") for c in found if c.event == "MEASURE"] == [
        "renovation of the stadium"
    ]
    found = claims("Donations to the campaign hit nearly $1.1 billion through August.")
    assert {c.event for c in found} == {"MEASURE"}
    assert not any(c.event == "MEASURE" for c in claims("The convoy reached the border."))


def test_a_bomb_attack_named_again_keeps_the_bombing_date():
    found = claims(
        "Police are still investigating the March 3 bombings in the capital. "
        "The car bomb attack outside the ministry killed 40 people."
    )
    kill = next(c for c in found if c.event == "KILL")
    assert kill.time["value"] == "2004-03-03"
    assert kill.time["basis"] == "mention"


def test_a_figure_for_part_of_the_year_is_of_that_year():
    found = claims(
        "Brenner Holdings said net income rose 5% in the third quarter. "
        "Net for the nine months was $254 million. Sales rose 50% to $2.1 billion. "
        "First-half profit fell 10% to $5 million.",
        datetime.datetime(1989, 11, 2),
    )
    times = [c.time["value"] for c in found if c.event == "MEASURE"]
    assert times == ["1989-Q3", "1989", "1989", "1989-H1"]


def test_welcome_and_support_share_their_object_whatever_tag_the_parser_gives():
    found = claims(
        "The envoy said Japan and India welcome and support the steady easing of tension on "
        "the border."
    )
    backing = [c for c in found if c.event == "SUPPORT"]
    assert backing and all(role(c, "object") for c in backing)


def test_meeting_each_other_half_way_is_no_meeting():
    found = claims("Both unions should meet each other half way on pay, the mediator said.")
    assert not any(c.event == "MEET" for c in found)
