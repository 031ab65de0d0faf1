"""How sure the text is: sentences written for these tests (none from an evaluation set)."""

from __future__ import annotations

from claimgraph.extract.claims import extract_frames
from claimgraph.extract.nlp import load_nlp


def _moods(text: str) -> list[tuple[str, str]]:
    return [(f.event, f.modality) for f in extract_frames(load_nlp()(text))]


def test_being_expected_to_is_a_forecast_and_expecting_to_a_plan() -> None:
    assert _moods("The hostages are expected to be released on Friday.") == [
        ("CONCEDE", "predicted")
    ]
    assert _moods("The hostages are scheduled to be released on Friday.") == [
        ("CONCEDE", "planned")
    ]
    assert ("VISIT", "planned") in _moods("The minister expects to visit Kenya next week.")


def test_what_a_deal_or_a_trip_is_for_is_planned_not_done() -> None:
    moods = _moods("Chile and Peru signed a deal to build a bridge.")
    assert {m for e, m in moods if e == "BUILD_FACILITY"} == {"planned"}
    assert {m for e, m in moods if e == "AGREE"} == {"asserted"}  # the signing itself happened
    assert ("MEET", "planned") in _moods("The envoy flew to Lima to meet the president.")
    # an object made to do something is no purpose: "caused the roof to hit the car"
    assert ("ATTACK", "asserted") in _moods("The gunman forced the guard to shoot the driver.")


def test_a_figure_on_an_approved_loan_is_one_claim() -> None:
    assert _moods("The World Bank approved a $2 billion loan to Kenya.") == [
        ("SUPPORT", "asserted")
    ]


def test_what_is_done_without_an_act_denies_that_act() -> None:
    from claimgraph.extract.claims import extract_frames
    from claimgraph.extract.nlp import load_nlp

    found = extract_frames(
        load_nlp()("The fund met every redemption without having to sell assets.")
    )
    assert [(f.event, f.polarity) for f in found] == [("SUPPLY", "negative")]
