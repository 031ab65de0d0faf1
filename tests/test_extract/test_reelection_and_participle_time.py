"""Re-elections and the time of a fronted participle. "re-elected" is one word to the parser
(split at its hyphen, the sentence had no verb); and "Elected in 2020, the governor vetoed the
bill" does not date the veto 2020.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import datetime

import pytest

from tests.test_extract.written import claims, of_event, role


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Lula was re-elected president in October.", "Lula"),
        ("Voters re-elected the governor by a wide margin.", "governor"),
    ],
)
def test_a_reelection_elects(text: str, recipient: str) -> None:
    (elect,) = of_event(claims(text), "ELECT")
    assert recipient in (role(elect, "recipient") or "")


def test_winning_reelection_elects() -> None:
    (elect,) = of_event(claims("The senator won re-election in 2018."), "ELECT")
    assert role(elect, "agent") == "senator"


def test_a_fronted_participles_date_is_its_own() -> None:
    found = claims(
        "Appointed in 2016, the chief executive resigned on Tuesday.",
        published=datetime.datetime(2024, 5, 3),
    )
    (appoint,) = of_event(found, "APPOINT")
    (resign,) = of_event(found, "RESIGN")
    assert appoint.time["value"] == "2016"
    assert resign.time["value"] == "2024-04-30"


def test_a_fronted_participle_leaves_an_undated_act_undated_by_it() -> None:
    found = claims("Founded in 1998, the charity opened a clinic in Lagos.")
    (opened,) = of_event(found, "OPEN_FACILITY")
    assert opened.time is None or opened.time.get("value") != "1998"


def test_a_question_asked_dates_the_answer() -> None:
    found = claims(
        "Asked about the leak on Sunday, the senator accused the agency of lying.",
        published=datetime.datetime(2024, 5, 3),
    )
    (accuse,) = of_event(found, "ACCUSE")
    assert accuse.time["value"] == "2024-04-28"
