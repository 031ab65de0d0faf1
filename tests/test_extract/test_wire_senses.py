"""Senses and actors found judging claims of wire copy outside every evaluation set: a car
reversed refuses nothing, an athlete who injured himself was assaulted by no one, members of a
body act, news given is no goods, and a nationality the tagger calls an event's name is not the actor.

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimgraph.extract.attribution import subject_of
from claimgraph.extract.nlp import load_nlp
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
        # people counted are those people, not their state
        ("Four Brazilians attacked a guard at the port.", [("ATTACK", "Four Brazilians")]),
        # an event noun closing a name is the name: a motor rally, a scouts' meeting
        ("The annual Arctic Lakes Rally was held near the lake.", []),
        ("Estonia joined the European Union in 2004.", [("COOPERATE", "Estonia")]),
    ],
)
def test_wire_copy_senses_and_actors(text, expected):
    assert [(e, a) for e, a in _acts(text) if e != "STATEMENT"] == expected


def test_a_suspect_described_is_the_suspected_doer():
    found = claims("Police arrested a man suspected of stabbing a shopkeeper.")
    assert [(c.event, role(c, "agent"), c.modality) for c in found] == [
        ("ARREST", "Police", "asserted"),
        ("ATTACK", "man", "suspected"),
    ]
    # whatever the sentence does with them, they stay suspects: the judge blocks no bombing
    found = claims("A judge blocked the trial of three men accused of bombing a ferry in 1991.")
    bombing = [c for c in found if c.event == "ATTACK"]
    assert [(role(c, "agent"), c.modality) for c in bombing] == [("three men", "claimed")]
    assert bombing[0].source.get("name") != "judge"
    # a verdict tells the act as done
    found = claims("A court jailed a woman convicted of stabbing her neighbour.")
    assert [(role(c, "agent"), c.modality) for c in found if c.event == "ATTACK"] == [
        ("woman", "asserted")
    ]


def test_a_speaker_set_off_before_the_verb_says_what_comes_before():
    """The parser can make a word inside the reported clause a second subject of "said"
    ("Forces shot dead three guerrillas suspected of X, the television said"): the subject
    set off by a comma right before the verb is the speaker (a parse built by hand)."""
    words = ["Troops", "shot", "dead", "three", "rebels", ",", "the", "radio", "said"]
    heads = [1, 8, 1, 4, 8, 8, 7, 8, 8]
    deps = ["nsubj", "ccomp", "oprd", "nummod", "nsubj", "punct", "det", "nsubj", "ROOT"]
    doc = Doc(load_nlp().vocab, words=words, heads=heads, deps=deps)
    assert subject_of(doc[8]).text == "radio"
    # without the comma and the clause before it, the first subject stays
    plain = Doc(
        load_nlp().vocab,
        words=["Rebels", "radio", "said"],
        heads=[2, 2, 2],
        deps=["nsubj", "nsubj", "ROOT"],
    )
    assert subject_of(plain[2]).text == "Rebels"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hostages taken are people seized
        ("Pirates took six sailors hostage.", ("ASSAULT", "Pirates", "six sailors")),
        (
            "Kidnappers freed a shopkeeper they took hostage.",
            ("ASSAULT", "Kidnappers", "shopkeeper"),
        ),
        # a sentence handed down or imposed sentences the one it is given to
        (
            "The tribunal handed down a life sentence to the smuggler.",
            ("CONVICT", "tribunal", "smuggler"),
        ),
        ("The judge imposed a 10-year sentence on the banker.", ("CONVICT", "judge", "banker")),
    ],
)
def test_a_noun_made_an_act_by_its_verb_names_whom_it_is_done_to(text, expected):
    event = expected[0]
    assert [
        (c.event, role(c, "agent"), role(c, "recipient")) for c in claims(text) if c.event == event
    ] == [expected]


def test_an_act_forbidden_did_not_happen():
    found = claims("The governor banned the rally planned for Sunday.")
    rally = [c for c in found if c.event == "PROTEST"]
    assert rally and all(c.polarity == "negative" for c in rally)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the act's "of" on the doer named by "by"
        (
            "The purchase by Peru of six patrol boats was approved.",
            ("ACQUIRE", "Peru", "six patrol boats"),
        ),
        (
            "The takeover by Siemens of a Dutch rail firm was approved.",
            ("ACQUIRE", "Siemens", "Dutch rail firm"),
        ),
    ],
)
def test_an_act_by_someone_of_something(text, expected):
    assert [
        (c.event, role(c, "agent"), role(c, "object"))
        for c in claims(text)
        if c.event == expected[0]
    ] == [expected]


def test_of_inside_a_name_stays_the_names():
    found = claims("The purchase by the Bank of England of gold bars was approved.")
    assert all(role(c, "object") != "gold bars" or role(c, "agent") != "Bank" for c in found)
