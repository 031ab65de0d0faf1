"""Attacks made in words, acts asked about rather than told, refusals to comment, rallying
behind someone, people sent, a reprieve given, and a thing's name that is no one's word.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, role
from tests.test_extract.written import of_event as _of


def test_an_attack_on_someones_record_is_in_words():
    found = claims("The senator attacked his rival's record on trade during the debate.")
    assert not _of(found, "ATTACK")
    accuse = _of(found, "ACCUSE")
    assert accuse and role(accuse[0], "agent") == "senator"


def test_an_attack_said_publicly_or_over_a_decision_is_in_words():
    found = claims("The governor publicly attacked the judge after the hearing.")
    assert not _of(found, "ATTACK") and _of(found, "ACCUSE")
    found = claims("Opposition leaders attacked the government over its handling of the floods.")
    assert not _of(found, "ATTACK") and _of(found, "ACCUSE")
    found = claims("The candidate attacked the plan as a giveaway to banks.")
    assert not _of(found, "ATTACK") and _of(found, "ACCUSE")


def test_attacks_on_people_and_places_stay_attacks():
    found = claims("Gunmen attacked a police station in the north on Sunday.")
    assert _of(found, "ATTACK") and not _of(found, "ACCUSE")
    found = claims("Rebels attacked the convoy over the weekend.")
    assert _of(found, "ATTACK") and not _of(found, "ACCUSE")
    found = claims("A mob attacked the man for being a foreigner.")
    assert _of(found, "ATTACK")


def test_an_act_asked_about_is_not_told():
    for text in (
        "Police declined to say whether the suspect had been arrested.",
        "The chairman wouldn't say if the chief executive was asked to leave.",
        "The ministry did not say whether troops would be sent to the border.",
        "Investigators are trying to determine whether the fire was set deliberately.",
    ):
        assert not claims(text), text


def test_a_condition_is_still_told_as_one():
    found = claims("If the rebels attack the city, the army will respond.")
    attack = _of(found, "ATTACK")
    assert attack and attack[0].modality == "suggested"
    found = claims(
        "If Israel is asked to give up land, then we must see an equal effort on the other side."
    )
    assert _of(found, "REQUEST")


def test_a_refusal_to_comment_rejects_nothing():
    assert not _of(claims("The spokesman refused to comment on the report."), "REJECT")
    assert not claims("The spokesman refused to say if the talks had collapsed.")
    found = claims("The candidate refused to release his tax returns.")
    assert _of(found, "REJECT")


def test_rallying_behind_someone_backs_them():
    found = claims("Supporters rallied behind the candidate after the debate.")
    assert not _of(found, "PROTEST")
    support = _of(found, "SUPPORT")
    assert support and role(support[0], "recipient") == "candidate"
    found = claims("Thousands rallied in the capital against the new tax.")
    assert _of(found, "PROTEST")


def test_people_sent_are_no_goods():
    found = claims("The campaign sent dozens of staffers and volunteers to Iowa.")
    assert not _of(found, "SUPPLY")
    found = claims("An additional 250 individuals are being sent to Ohio and Virginia.")
    assert not _of(found, "SUPPLY")


def test_a_reprieve_is_no_goods():
    found = claims("A federal appeals court on Tuesday gave the insurer a reprieve.")
    assert not _of(found, "SUPPLY")


def test_a_name_given_in_a_participle_is_no_ones_word():
    found = claims(
        "The ministry had disliked the summits of world leaders, called the Global Forum, "
        "that the group held abroad."
    )
    assert not _of(found, "STATEMENT")
    found = claims("The senator called the bill a betrayal of voters.")
    assert found and role(found[0], "agent") == "senator"


def test_an_attack_as_part_of_an_offensive_stays_an_attack():
    found = claims("Troops attacked the town as part of a wider offensive.")
    assert _of(found, "ATTACK") and not _of(found, "ACCUSE")
    found = claims("The senator attacked her as an elitist in a radio interview.")
    assert _of(found, "ACCUSE") and not _of(found, "ATTACK")


def test_refusing_to_say_a_thing_still_refuses():
    found = claims("The candidate refused to say that the city should be the capital.")
    assert _of(found, "REJECT")


def test_a_change_of_system_is_no_exchange():
    found = claims("Poland and Hungary exchanged communist rule for democracy a decade ago.")
    assert not _of(found, "EXCHANGE")
    found = claims("The two armies exchanged prisoners at the border on Monday.")
    assert _of(found, "EXCHANGE")


def test_a_word_in_a_question_makes_no_endorsement():
    found = claims("Aides said they did not know whether he would endorse another candidate.")
    assert not _of(found, "SUPPORT")


def test_the_date_a_when_clause_hangs_on_dates_its_event():
    import datetime

    found = claims(
        "The minister, who lived in London from 1968, when the Soviets invaded "
        "Czechoslovakia, until 1989, said he remained hopeful.",
        published=datetime.datetime(1999, 3, 12),
    )
    invasion = _of(found, "ATTACK")
    assert invasion and invasion[0].time["value"] == "1968"


def test_who_fires_at_a_rally_does_not_hold_it():
    found = claims("Riot police fired tear gas at a rally in the city center.")
    protest = _of(found, "PROTEST")
    assert protest and role(protest[0], "agent") is None
    found = claims("Hundreds of students took part in a demonstration outside parliament.")
    protest = _of(found, "PROTEST")
    assert protest and role(protest[0], "agent") == "students"


def test_a_forecast_calls_for_no_weather():
    found = claims("Forecasters are calling for frost and heavy rain after the weekend.")
    assert not _of(found, "REQUEST")
    found = claims("The minister called for calm after the riots.")
    assert _of(found, "REQUEST")


def test_taking_over_from_someone_buys_nothing():
    found = claims("A provisional legislature will take over from the elected chamber.")
    assert not _of(found, "ACQUIRE")
    found = claims("The bank took over the firm from its founders in May.")
    assert _of(found, "ACQUIRE")


def test_a_race_of_sport_is_no_election():
    found = claims("Michael Schumacher of Germany won the Belgian Grand Prix motor race on Sunday.")
    assert not _of(found, "ELECT")
    found = claims("He won the race for mayor by 300 votes.")
    assert _of(found, "ELECT")


def test_dissatisfaction_said_approves_nothing():
    found = claims("The senator said he was not satisfied with the minister's answers.")
    support = _of(found, "SUPPORT")
    assert support and support[0].polarity == "negative"
    found = claims("The senator said he was satisfied with the answers.")
    support = _of(found, "SUPPORT")
    assert support and support[0].polarity == "positive"


def test_a_train_slamming_into_a_truck_criticises_no_one():
    found = claims("At least three people were injured when a train slammed into a logging truck.")
    assert not _of(found, "ACCUSE")
    assert _of(claims("The senator slammed the plan on Monday."), "ACCUSE")


def test_seeming_so_is_no_attack_in_words():
    found = claims("The truncated debate schedule struck supporters of both candidates as unfair.")
    assert not _of(found, "ACCUSE")


def test_missing_a_revenue_target_meets_no_one():
    found = claims("The company failed to meet budgeted revenues in the quarter.")
    assert not _of(found, "MEET")


def test_time_given_to_act_is_a_deadline():
    found = claims("The judge gave them 60 days to finalize the deal.")
    assert not _of(found, "SUPPLY")
    request = _of(found, "REQUEST")
    assert request and role(request[0], "agent") == "judge"
    assert role(request[0], "object") == "to finalize the deal"
    found = claims("The diplomats were given a week to leave the country.")
    assert not _of(found, "WITHDRAW")
    request = _of(found, "REQUEST")
    assert request and role(request[0], "recipient") == "diplomats"
    found = claims("The diplomats left the country a week later.")
    assert _of(found, "WITHDRAW")


def test_time_and_energy_invested_are_no_investment():
    found = claims("They have invested too much time and energy into the narrative.")
    assert not _of(found, "INVEST")
    assert _of(claims("The fund invested $5 million in the startup."), "INVEST")


def test_a_quoted_label_after_the_object_is_what_was_said():
    found = claims('The senator called the plan "a disaster" on Monday.')
    said = [c for c in found if c.event in ("STATEMENT", "ACCUSE")]
    assert said and role(said[0], "agent") == "senator"
    assert not claims("He called his brother, a doctor, on Monday.")
