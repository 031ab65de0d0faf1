"""A visit told by the noun: who makes, pays, begins or ends a visit or a trip makes it, and
where it goes is its place ("began a three-day visit to China", "is on a visit to Kenya",
"his visit to Lima"); a trip through bankruptcy is no journey.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, role


def _visits(text: str) -> list[tuple[str | None, str | None, str]]:
    return [
        (role(c, "agent"), role(c, "location"), c.modality)
        for c in claims(text)
        if c.event == "VISIT"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minister Ana Ruiz began a three-day visit to Peru on Monday.", ("Ana Ruiz", "Peru")),
        ("The senator made a surprise trip to Kabul.", ("senator", "Kabul")),
        ("The prime minister paid a visit to Ghana.", ("prime minister", "Ghana")),
        ("The envoy is on a visit to Kenya.", ("envoy", "Kenya")),
        ("Ana Ruiz's visit to Lima was a success.", ("Ana Ruiz", "Lima")),
    ],
)
def test_a_visit_told_by_its_noun(text, expected):
    assert [v[:2] for v in _visits(text)] == [expected]


def test_a_visit_ahead_is_predicted_and_goes_to_its_first_place():
    (visit,) = _visits("The chancellor will pay an official visit to Chile and Peru next week.")
    assert visit == ("chancellor", "Chile", "predicted")


def test_a_figurative_trip_is_no_visit():
    assert _visits("On its first trip through bankruptcy, the miner cut wages.") == []
