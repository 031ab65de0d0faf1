"""A speaker set off by commas inside the clause, objects a relative clause leaves unsaid,
people who clash in words, and a date that belongs to what was said.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, role
from tests.test_extract.written import of_event as _of


def test_a_speaker_set_off_by_commas_vouches_for_the_clause_around_it():
    found = claims("The rebels, the army said, attacked the village on Monday.")
    attack = _of(found, "ATTACK")
    assert attack and role(attack[0], "agent") == "rebels"
    assert role(attack[0], "source") == "army"
    assert attack[0].modality == "reported"
    assert not _of(found, "STATEMENT")  # the attack carries the report


def test_a_relative_clause_without_pronoun_gives_its_object():
    found = claims("The trucks the ministry bought last year broke down.")
    acquire = _of(found, "ACQUIRE")
    assert acquire and role(acquire[0], "agent") == "ministry"
    assert role(acquire[0], "object") == "trucks"


def test_a_relative_clause_of_place_or_content_leaves_the_object_unsaid():
    found = claims("Most of our suppliers live in the valley where we sell.")
    assert [role(c, "object") for c in _of(found, "SUPPLY")] in ([], [None])
    found = claims("There is no chance the governor will withdraw from the race.")
    assert all(role(c, "object") != "chance" for c in found)


def test_people_who_clash_quarrel_and_crowds_who_clash_fight():
    found = claims("The finance minister clashed with the governor over the budget.")
    assert not _of(found, "ATTACK")
    accuse = _of(found, "ACCUSE")
    assert accuse and role(accuse[0], "recipient") == "governor"
    found = claims("Hundreds of protesters clashed with riot police in the square.")
    assert _of(found, "ATTACK") and not _of(found, "ACCUSE")


def test_a_fixture_is_no_clash_of_arms():
    found = claims("The champion faces a semi-final clash with the Dutch veteran.")
    assert not _of(found, "ATTACK")


def test_a_date_that_owns_the_subject_stays_in_what_was_said():
    found = claims("Detectives said last week's raid on the warehouse was a turning point.")
    statement = _of(found, "STATEMENT")
    assert statement and role(statement[0], "object").startswith("last week's raid")


def test_a_gap_names_the_deal_a_light_verb_makes():
    found = claims("It was a deal the mayor had struck with the unions.")
    assert not _of(found, "ATTACK")
    agree = _of(found, "AGREE")
    assert agree and role(agree[0], "agent") == "mayor"


def test_a_figure_compared_in_a_gap_is_no_new_measure():
    found = claims("The bank wants more than the 12% it already owns.")
    assert all(role(c, "object") != "12%" for c in _of(found, "MEASURE"))


def test_leads_followed_accuse_no_one():
    found = claims("Detectives are investigating hundreds of leads.")
    assert not _of(found, "ACCUSE")


def test_a_relative_clause_of_whose_has_its_own_subject():
    found = claims("Acme is a toy maker whose stock peaked at $40 a share.")
    assert _of(found, "MEASURE")


def test_knowing_or_learning_a_thing_states_nothing():
    assert not _of(claims("The villagers know the dangers of the old dam."), "STATEMENT")
    assert not _of(claims("Officials learned the details of the plan."), "STATEMENT")
    found = claims("Officials learned that the plan had failed.")
    assert _of(found, "STATEMENT")  # a clause learned is told


def test_a_report_asked_about_or_supposed_is_no_statement():
    found = claims("Reporters asked the coach if he considers the season over.")
    assert not _of(found, "STATEMENT")
    found = claims("The deal will fail unless the board believes the price is fair.")
    assert not _of(found, "STATEMENT")


def test_wanting_to_know_asks_a_question():
    found = claims("The families want to know what happened to the money.")
    assert not _of(found, "STATEMENT")


def test_rising_to_fame_and_taking_wickets_attack_no_one():
    assert not _of(claims("The jockey shot to prominence in 1994."), "ATTACK")
    assert not _of(claims("Pakistan struck back with three wickets for 19 runs."), "ATTACK")


def test_a_name_given_for_someone_asks_nothing():
    found = claims("That case is what I call the most important remedy for us.")
    assert not _of(found, "REQUEST")


def test_its_purchase_of_a_foreign_firm_is_not_that_country_s():
    found = claims("The bank announced its acquisition of a German lender.")
    acquire = _of(found, "ACQUIRE")
    assert acquire and role(acquire[0], "agent") != "Germany"


def test_a_label_inside_a_quotation_is_the_quoted_speaker_s():
    found = claims('The appeal "is what I call the last good remedy for us," Ortiz said.')
    statements = _of(found, "STATEMENT")
    assert statements and {role(c, "source") for c in statements} == {"Ortiz"}


def test_a_question_put_before_the_answer_is_not_what_was_said():
    found = claims(
        "Asked about reports the mayor had sold the land, the governor said "
        '"I know nothing about it" and left.'
    )
    statements = _of(found, "STATEMENT")
    assert statements and all(not role(c, "object").startswith("Asked") for c in statements)


def test_wondering_why_asks_and_those_who_want_are_described():
    assert not _of(claims("The senator wondered why his case would be different."), "STATEMENT")
    found = claims('"We will not stop, despite those who want to get in our way," she said.')
    assert all(role(c, "source") != "those" for c in _of(found, "STATEMENT"))


def test_a_misparsed_second_subject_leaves_the_clause_after_the_verb():
    found = claims(
        "It is, in short, the kind of union job many British workers say they have had "
        "to fight for."
    )
    assert all(role(c, "object") != "It is, in short" for c in _of(found, "STATEMENT"))
