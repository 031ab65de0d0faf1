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


def test_coordinated_goods_each_keep_their_own_count_and_the_buyer() -> None:
    from claimgraph.extraction import extract_text

    sales = [
        c
        for c in extract_text("Russia supplied tanks and 300 drones to Peru.").claims
        if c.event == "SUPPLY"
    ]
    got = {c.object["text"]: ((c.quantity or {}).get("value"), c.recipient["name"]) for c in sales}
    assert got == {"tanks": (None, "Peru"), "300 drones": (300, "Peru")}
    sold = extract_text("The firm sold 5 trucks and 10 helicopters to Chile.").claims
    assert sorted((c.quantity or {}).get("value") for c in sold if c.event == "SUPPLY") == [5, 10]
    assert all(c.recipient and c.recipient["name"] == "Chile" for c in sold if c.event == "SUPPLY")


def test_what_is_received_with_a_value_is_the_goods_not_the_value() -> None:
    from claimgraph.extraction import extract_text

    found = extract_text(
        "Marlow will receive 250,000 shares of preferred stock with a face value of $25 million."
    ).claims
    (c,) = [c for c in found if c.event == "SUPPLY"]
    assert c.object["text"].startswith("250,000 shares") and c.recipient["name"] == "Marlow"
