"""A strike, a rally or a boycott called by a union or a party is that body's protest, told
once: "the union called a 48-hour strike" is not a second, agentless strike nor an attack.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, of_event, role


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The dockers' union called a three-day strike at the port.", "union"),
        ("Opposition groups called a rally outside parliament.", "Opposition groups"),
    ],
)
def test_a_called_strike_is_the_callers_protest_told_once(text: str, agent: str) -> None:
    found = claims(text)
    (protest,) = of_event(found, "PROTEST")
    assert agent in (role(protest, "agent") or "")
    assert not of_event(found, "ATTACK")


def test_a_call_for_a_strike_asks_for_it() -> None:
    found = claims("Students called for a national strike.")
    assert of_event(found, "REQUEST")
