"""Who "they" are when a clause above says it (found judging TimeBank and GeoWebNews claims
outside claims-news, where "they" stood as the agent of 70 claims): the plural subject of the
verb the pronoun's clause hangs under; with a plural object beside it, or none, "they" stays.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, of_event, role


@pytest.mark.parametrize(
    ("text", "event", "agent"),
    [
        (
            "Lawyers for the fishermen said they would file an appeal next week.",
            "REQUEST",
            "Lawyers",
        ),
        (
            "The striking miners said they would march on the parliament on Friday.",
            "PROTEST",
            "striking miners",
        ),
        (
            "The kidnappers released a farmer they had taken hostage in May.",
            "ASSAULT",
            "kidnappers",
        ),
    ],
)
def test_they_is_the_plural_subject_above(text: str, event: str, agent: str) -> None:
    (claim,) = of_event(claims(text), event)
    assert role(claim, "agent") == agent


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers stopped hundreds of farmers at the bridge as they marched toward the capital.",
        "She said they attacked the village at dawn.",
        "They refused to provide details of the raid.",
    ],
)
def test_they_stays_where_no_one_or_two_could_be_meant(text: str) -> None:
    found = claims(text)
    assert found
    assert any(role(c, "agent") in ("they", "They") for c in found)
