"""A warning of a danger is no threat, and what a threat names is not done: "Economists warned of
a recession" was a THREATEN, and "The United States warned Iraq of military strikes" an asserted
ATTACK as well (found judging TimeBank claims outside claims-news). A bloc acts.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, role


@pytest.mark.parametrize(
    "text",
    [
        "Economists warned of a recession next year.",
        "Forecasters warned of flooding in the valley.",
    ],
)
def test_a_danger_foretold_is_no_threat(text: str) -> None:
    assert not claims(text)


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The United States warned Iraq of military strikes.", "Iraq"),
        ("The bloc threatened Russia with new sanctions.", "Russia"),
    ],
)
def test_what_a_threat_names_is_threatened_not_done(text: str, recipient: str) -> None:
    (threat,) = claims(text)
    assert threat.event == "THREATEN"
    assert role(threat, "recipient") == recipient
