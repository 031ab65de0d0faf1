"""Acts not yet done, denials neither made nor refused, nobody as a speaker, and courts that
uphold.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

from tests.test_extract.written import claims, of_event, role


def test_an_act_the_parties_have_yet_to_do_is_not_done() -> None:
    (deal,) = of_event(claims("The unions have yet to agree on a new contract."), "AGREE")
    assert deal.polarity == "negative"
    (attack,) = of_event(claims("The militia has yet again attacked the village."), "ATTACK")
    assert attack.polarity == "positive"


def test_neither_confirmed_nor_denied_is_no_denial_and_no_negated_act() -> None:
    found = claims("Kyiv has neither confirmed nor denied carrying out the drone strike.")
    (denial,) = of_event(found, "DENY")
    assert denial.polarity == "negative"
    (strike,) = of_event(found, "ATTACK")
    assert strike.polarity == "positive"
    assert strike.modality == "suggested"
    (strike,) = of_event(claims("Kyiv denied carrying out the drone strike."), "ATTACK")
    assert (strike.polarity, strike.modality) == ("positive", "denied")


def test_nobody_claiming_responsibility_is_no_speaker() -> None:
    for text in (
        "No one has claimed responsibility for the bombing.",
        "Nobody claimed responsibility for the ambush.",
    ):
        found = claims(text)
        assert all(c.source.get("is_publisher") for c in found), text
        assert of_event(found, "ATTACK")


def test_a_court_upholding_a_ruling_backs_it() -> None:
    (backing,) = of_event(claims("The appeals court upheld the ban on Tuesday."), "SUPPORT")
    assert role(backing, "agent") == "appeals court"
    assert not claims("The monks upheld their traditions.")


def test_an_act_being_prepared_is_planned_not_done() -> None:
    (penalty,) = of_event(
        claims("Brussels is preparing new sanctions against Belarus."), "SANCTION"
    )
    assert (penalty.modality, role(penalty, "recipient")) == ("planned", "Belarus")
    (plot,) = of_event(claims("The cell was plotting an attack on a stadium."), "ATTACK")
    assert plot.modality == "planned"
    # planning the attacks told before is organising them, not planning one to come
    found = of_event(claims("A splinter group planned the bombings, police said."), "ATTACK")
    assert all(c.modality != "planned" for c in found)


def test_a_building_named_after_a_person_is_no_speaker_she_could_be() -> None:
    found = claims(
        "The clinic referred the girl to Ruth Miller Hospital. She said the school had never "
        "called her."
    )
    speakers = {c.source.get("name") for c in found}
    assert "Ruth Miller Hospital" not in speakers
