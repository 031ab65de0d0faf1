"""Strikes by workers, things thrown at people, where a struck person stood, nouns that name
no building or no act, words that are no goods, and a visit to someone's home.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, role
from tests.test_extract.written import of_event as _of


def test_a_strike_its_workers_modify_is_their_walkout():
    found = claims("The dockers' strike closed the port for a week.")
    assert not _of(found, "ATTACK")
    protest = _of(found, "PROTEST")
    assert protest and role(protest[0], "agent") == "dockers"


def test_a_strike_named_by_its_length_or_kind_is_a_walkout():
    found = claims("A 24-hour strike by bus drivers paralysed the capital.")
    assert not _of(found, "ATTACK")
    protest = _of(found, "PROTEST")
    assert protest and role(protest[0], "agent") == "bus drivers"
    found = claims("Unions called a general strike in the capital.")
    assert not _of(found, "ATTACK") and _of(found, "PROTEST")


def test_a_strike_by_aircraft_stays_an_attack():
    found = claims("Coalition aircraft carried out a strike on an arms depot.")
    assert _of(found, "ATTACK") and not _of(found, "PROTEST")


def test_a_second_round_fixture_is_no_attack():
    found = claims("The holders went down 3-1 at home in their second round clash.")
    assert not _of(found, "ATTACK")


def test_stones_are_an_attack_only_thrown_at_someone():
    found = claims("Masked youths threw stones at riot police outside the court.")
    attack = _of(found, "ATTACK")
    assert attack and role(attack[0], "agent") == "Masked youths"
    assert role(attack[0], "recipient") == "riot police"
    found = claims("The boy threw a stone into the lake.")
    assert not _of(found, "ATTACK")


def test_where_the_struck_person_stood_is_no_second_target():
    found = claims("Villagers pelted the governor at the harvest festival in Cordoba.")
    attack = _of(found, "ATTACK")
    assert attack and role(attack[0], "recipient") == "governor"
    assert role(attack[0], "object") is None


def test_a_conversion_of_nothing_builds_nothing():
    found = claims("Smith's conversion brought the score level.")
    assert not _of(found, "BUILD_FACILITY")
    found = claims("The conversion of the old barracks into flats began in May.")
    build = _of(found, "BUILD_FACILITY")
    assert build and role(build[0], "object") == "old barracks"


def test_an_attack_word_naming_a_kind_of_thing_is_no_attack():
    found = claims("Soldiers seized forty assault rifles from the smugglers.")
    assert not _of(found, "ATTACK")
    found = claims("The senator's campaign ran attack ads all week.")
    assert not _of(found, "ATTACK")


def test_words_and_reputations_are_not_goods_exchanged():
    found = claims("The veteran exchanged his reputation as a joker for a sober image.")
    assert not _of(found, "EXCHANGE")
    found = claims("The two armies exchanged prisoners at the border.")
    assert _of(found, "EXCHANGE")


def test_a_visit_to_someones_home_visits_them():
    found = claims("Two reporters showed up at Kowalski's house on Sunday.")
    visit = _of(found, "VISIT")
    assert visit and role(visit[0], "recipient") == "Kowalski"


def test_attacks_kept_from_happening_are_none():
    found = claims("Guards were posted at the stations to prevent terrorist attacks.")
    assert not _of(found, "ATTACK")


def test_a_vehicle_that_hits_another_crashes():
    found = claims("A freight train struck a school bus near the crossing.")
    assert not _of(found, "ATTACK") and _of(found, "ACCIDENT")
    found = claims("The lorry struck the crowd on the seafront.")
    assert _of(found, "ATTACK") and not _of(found, "ACCIDENT")
    found = claims("An army truck hit a roadside bomb near the border.")
    assert _of(found, "ATTACK") and not _of(found, "ACCIDENT")
    found = claims("A van rammed into the crowd outside the mosque.")
    assert _of(found, "ATTACK")


def test_the_country_of_what_is_bought_is_not_the_buyer():
    found = claims("Refiners said purchases of Venezuelan crude fell in June.")
    assert all(role(c, "agent") != "Venezuela" for c in _of(found, "ACQUIRE"))
    found = claims("The group launched a $12-a-share offer for the Dutch company last week.")
    acquire = _of(found, "ACQUIRE")
    assert acquire and role(acquire[0], "agent") == "group"
