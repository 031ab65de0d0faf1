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
