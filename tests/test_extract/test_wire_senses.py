"""Senses and actors found judging claims of wire copy outside every evaluation set: a car
reversed refuses nothing, an athlete who injured himself was assaulted by no one, members of a
body act, news given is no goods, and a nationality the tagger calls an event's name is not the actor.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from tests.test_extract.written import claims, role


def _acts(text: str) -> list[tuple[str, str | None]]:
    return [(c.event, role(c, "agent")) for c in claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vehicle reversed or blocked is no refusal; a ruling reversed is
        ("The driver tried to reverse his truck out of the ditch.", []),
        ("The appeals court reversed the ruling.", [("REJECT", "appeals court")]),
        # hurting oneself is no assault; hurting another is
        ("The sprinter injured himself in training last week.", []),
        ("The gang injured two guards.", [("ASSAULT", "gang")]),
        # news given is told, not handed over
        ("The judge gave the senator some of the worst news.", []),
        # members, delegates and organisers of a body act
        (
            "Members of the farmers' union demanded the resignation of the minister.",
            [("REQUEST", "Members of the farmers' union")],
        ),
        ("Delegates rejected the proposal.", [("REJECT", "Delegates")]),
        # a nationality the tagger names as an event ("Sierra Leonean") is not the actor
        (
            "Sierra Leonean rebels attacked a village near the border.",
            [("ATTACK", "Sierra Leonean rebels")],
        ),
    ],
)
def test_wire_copy_senses_and_actors(text, expected):
    assert [(e, a) for e, a in _acts(text) if e != "STATEMENT"] == expected
