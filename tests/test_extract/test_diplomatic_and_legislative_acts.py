"""Pardons, fighting, fire exchanged, formal protests, votes that decide, and a strike that
halts a plant.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, of_event, role


def test_a_pardon_releases_whoever_it_names() -> None:
    (pardon,) = of_event(claims("The governor pardoned her brother on Sunday."), "CONCEDE")
    assert role(pardon, "agent") == "governor"
    assert "brother" in (role(pardon, "recipient") or "")


def test_fighting_that_resumed_is_an_attack_where_it_resumed() -> None:
    (attack,) = of_event(claims("Fighting resumed in Mogadishu on Monday."), "ATTACK")
    assert role(attack, "location") == "Mogadishu"


def test_fire_exchanged_is_a_clash_not_a_swap() -> None:
    found = claims("Armenia and Azerbaijan exchanged fire along the border on Tuesday.")
    assert of_event(found, "ATTACK")
    assert not of_event(found, "EXCHANGE")


def test_a_formal_protest_is_lodged_by_its_state() -> None:
    (protest,) = of_event(claims("Seoul lodged a formal protest with Tokyo."), "PROTEST")
    assert role(protest, "agent") in ("Seoul", "South Korea")


def test_summoning_an_envoy_to_protest_is_the_protest() -> None:
    found = claims(
        "The foreign ministry summoned the Dutch ambassador to protest against the remarks."
    )
    (protest,) = of_event(found, "PROTEST")
    assert protest.modality == "asserted"


def test_a_vote_to_approve_approves_and_a_vote_to_strike_plans_one() -> None:
    (approval,) = claims("The assembly voted to approve the treaty.")
    assert approval.modality == "asserted"
    (strike,) = of_event(claims("The union voted to strike next month."), "PROTEST")
    assert strike.modality == "planned"


def test_a_strike_that_halted_production_is_a_walkout() -> None:
    found = claims("The strike halted production at two steel plants.")
    assert of_event(found, "PROTEST")
    assert not of_event(found, "ATTACK")
