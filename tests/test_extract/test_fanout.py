"""Coordinated participants fan out into one claim each - and only into consistent ones.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest

from claimgraph.extract.claims import extract_frames
from claimgraph.extract.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def attacks(nlp, text, event="ATTACK"):
    return [
        (
            f.roles["recipient"].text if "recipient" in f.roles else None,
            f.roles["location"].text if "location" in f.roles else None,
            f.roles["object"].text if "object" in f.roles else None,
        )
        for f in extract_frames(nlp(text))
        if f.event == event
    ]


def test_each_coordinated_site_keeps_its_own_place(nlp):
    found = attacks(nlp, "Two bombs exploded at Victoria Station and Denmark Street in London.")
    recipients = [r for r, _, _ in found]
    assert len(found) == len(set(found))
    # one claim per site, never a site paired with the other site's place
    for r, place, _ in found:
        if r and place:
            assert place in r or place == "London", (r, place)
    assert len(recipients) <= 2 or None in recipients


def test_coordinated_places_still_fan_out(nlp):
    found = attacks(nlp, "Rebels attacked villages in Kenya and Uganda on Friday.")
    assert {p for _, p, _ in found} == {"Kenya", "Uganda"}


@pytest.mark.parametrize(
    ("text", "event", "noun"),
    [
        (
            "Officials voiced frustration about Saturday's attack and the fact that the gunman "
            "was known to police.",
            "ATTACK",
            "attack",
        ),
        ("The senator was charged with fraud, bribery and murder.", "KILL", "murder"),
        ("The mayor banned public gatherings and protests for a week.", "PROTEST", "protests"),
    ],
)
def test_a_nominal_event_is_not_fanned_over_its_coordinated_nouns(nlp, text, event, noun):
    objects = [o for _, _, o in attacks(nlp, text, event)]
    assert objects, text
    assert all(o is not None and noun in o for o in objects), objects


def _pairs(nlp, text, event):
    return sorted(
        (f.roles["agent"].text, f.roles["recipient"].text if "recipient" in f.roles else None)
        for f in extract_frames(nlp(text))
        if f.event == event
    )


def test_two_parties_agreeing_or_meeting_are_each_others_counterparts(nlp):
    assert _pairs(nlp, "Israel and Hamas agreed to a ceasefire on Friday.", "AGREE") == [
        ("Hamas", "Israel"),
        ("Israel", "Hamas"),
    ]
    # a counterpart the text names stays the recipient
    found = _pairs(nlp, "Germany and France met with Poland in Warsaw.", "MEET")
    assert found and all(r == "Poland" for _, r in found)


def test_announcing_a_deal_states_the_agreement(nlp):
    found = _pairs(
        nlp, "A deal announced Thursday by the city and the union ends the strike.", "AGREE"
    )
    assert found == [("city", "union"), ("union", "city")]
