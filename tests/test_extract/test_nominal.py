"""Events told by nouns: sentences written for these tests (none from an evaluation set)."""

from __future__ import annotations

import datetime

import pytest

from claimgraph.extract.claims import extract_frames
from claimgraph.extract.nlp import load_nlp
from tests.test_extract.written import claims


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _roles(nlp, text, event):
    return [
        {k: v.text for k, v in f.roles.items()}
        for f in extract_frames(nlp(text))
        if f.event == event
    ]


def test_a_noun_the_verb_cannot_state_still_states_its_event(nlp):
    # "helping" has no actor for a subject, so the aid noun says who helps
    found = _roles(
        nlp, "The financial assistance from the World Bank is not helping the farmers.", "ASSIST"
    )
    assert [(r.get("agent"), r.get("object")) for r in found] == [
        ("World Bank", "financial assistance")
    ]


def test_a_verb_that_states_the_event_still_absorbs_its_noun(nlp):
    found = [f.event for f in extract_frames(nlp("An earthquake struck the coast on Monday."))]
    assert found.count("DISASTER") == 1


def _attack(nlp, text):
    return [
        (f.roles["agent"].text if "agent" in f.roles else None, f.modality)
        for f in extract_frames(nlp(text))
        if f.event == "ATTACK"
    ]


def test_who_planned_or_masterminded_an_attack_made_it(nlp):
    assert (
        _attack(nlp, "Officials said a rebel faction planned the attacks.")[0][0] == "rebel faction"
    )
    found = _attack(nlp, "Police said a local cell masterminded the bombing of the hotel.")
    assert found[0][0] == "local cell"


def test_evidence_linking_an_attack_to_someone_suspects_them(nlp):
    assert _attack(nlp, "Police found evidence linking the bombing to a local gang.") == [
        ("local gang", "suspected")
    ]
    found = _attack(nlp, "He cannot confirm any evidence linking the blasts to the Taliban.")
    assert found == [("Taliban", "doubted")]


def _meetings(nlp, text, event="MEET"):
    return [
        (
            f.roles["agent"].text if "agent" in f.roles else None,
            f.roles["recipient"].text if "recipient" in f.roles else None,
            f.roles["location"].text if "location" in f.roles else None,
            [t.text for t in f.time_spans],
            f.modality,
            f.polarity,
        )
        for f in extract_frames(nlp(text))
        if f.event == event
    ]


def test_held_talks_is_a_meeting_though_talk_alone_is_no_trigger(nlp):
    # the plural is listed for its sense (negotiations); its lemma "talk" (a lecture) is not
    found = _meetings(nlp, "Chile and Peru held talks in Lima on Tuesday.")
    assert {(a, r) for a, r, *_ in found} == {("Chile", "Peru"), ("Peru", "Chile")}
    assert _meetings(nlp, "The professor gave a talk on volcanoes in Lima.") == []


def test_talks_between_two_sides_are_held_by_each_with_the_other(nlp):
    found = _meetings(nlp, "Talks between Chile and Peru resumed in Lima on Tuesday.")
    assert {(a, r) for a, r, *_ in found} == {("Chile", "Peru"), ("Peru", "Chile")}
    # the verb that tells the talks happened gives their place and time
    assert {(loc, tuple(t)) for _, _, loc, t, _, _ in found} == {("Lima", ("Tuesday",))}
    deal = _meetings(nlp, "Negotiations between the union and Ford broke down.", "CONSULT")
    assert {(a, r) for a, r, *_ in deal} == {("union", "Ford"), ("Ford", "union")}


def test_a_meeting_planned_or_called_off_did_not_happen(nlp):
    planned = _meetings(nlp, "A summit between Chile and Peru is planned for May in Lima.")
    assert {(m, p) for *_, m, p in planned} == {("planned", "positive")}
    assert {loc for _, _, loc, *_ in planned} == {"Lima"}
    will = _meetings(nlp, "A meeting between Chile and Peru will take place in Lima.")
    assert {m for *_, m, _ in will} == {"predicted"}
    off = _meetings(nlp, "The meeting between Chile and Peru was cancelled.")
    assert off and {p for *_, p in off} == {"negative"}


def test_an_attack_that_took_place_somewhere_happened_there(nlp):
    found = [
        (f.roles["location"].text if "location" in f.roles else None, f.evidence.text)
        for f in extract_frames(nlp("The ambush took place near the border in Tikrit on Sunday."))
        if f.event == "ATTACK"
    ]
    assert found == [("Tikrit", "The ambush took place near the border in Tikrit on Sunday")]


def test_according_to_names_the_speaker_of_an_event_noun_subject(nlp):
    text = 'According to its chairman, "the partnership between Acme and Zenith will grow."'
    found = [
        f.speaker.text if f.speaker else None
        for f in extract_frames(nlp(text))
        if f.event == "COOPERATE"
    ]
    assert found and set(found) == {"its chairman"}


def test_a_label_and_a_list_of_names_state_no_event_of_their_own(nlp):
    text = 'The mayor called the fire an "attack".'
    assert "ATTACK" not in [f.event for f in extract_frames(nlp(text))]
    listed = "See also:\n* 2009 Peshawar market bombing\n* Police raided the compound."
    found = [(f.event, f.evidence.text) for f in extract_frames(nlp(listed))]
    assert [e for e, _ in found] == ["COERCE"]  # a bulleted sentence still states its act


def test_its_own_act_is_done_by_the_verbs_subject(nlp):
    found = _roles(nlp, "Acme completed its acquisition of Zenith on Friday.", "ACQUIRE")
    assert [(r.get("agent"), r.get("object")) for r in found] == [("Acme", "Zenith")]
    assert (
        _roles(nlp, "Chile announced its withdrawal from the pact.", "WITHDRAW")[0]["agent"]
        == "Chile"
    )


def test_a_killing_clause_hung_on_the_place_bombed_is_the_bombings(nlp):
    text = "The bombing of a clinic that killed a guard was condemned."
    killed = [f for f in extract_frames(nlp(text)) if f.event == "KILL"]
    assert killed and "agent" not in {k for k, v in killed[0].roles.items() if v is not None}
    assert killed[0].roles["object"].text.startswith("bombing")


def test_a_victims_surname_on_the_act_is_the_victim(nlp):
    text = "Dr. Jane Holt was shot in May. Police issued a warrant in the Holt shooting."
    shot = [
        f
        for f in extract_frames(nlp(text))
        if f.roles.get("object") is not None and f.roles["object"].text == "Holt shooting"
    ]
    assert shot and shot[0].roles.get("recipient").text == "Holt"
    assert shot[0].roles.get("agent") is None


def test_a_named_doers_acts_in_the_plural_are_the_doers(nlp):
    found = [
        (f.event, f.roles.get("agent"), f.roles.get("recipient"))
        for f in extract_frames(nlp("Trump's mass deportations will hurt families."))
    ]
    assert [(e, a.text if a else None) for e, a, _r in found] == [("COERCE", "Trump")]
    arrest = [
        f for f in extract_frames(nlp("Smith's arrest angered his family.")) if f.event == "ARREST"
    ]
    assert arrest[0].roles["recipient"].text == "Smith"


def test_the_games_named_on_a_bombing_bombed_nothing(nlp):
    found = extract_frames(nlp("He is charged in the 1996 Olympic bombing that killed one person."))
    bombing = [f for f in found if f.event == "ATTACK"]
    assert bombing and bombing[0].roles.get("agent") is None


def test_fighting_that_broke_out_is_dated_by_when_it_broke_out():
    found = claims(
        "Clashes between rival factions broke out at the weekend.",
        published=datetime.datetime(2004, 5, 5),
    )
    assert [(c.evidence["text"], c.time["value"]) for c in found if c.event == "ATTACK"][0] == (
        "Clashes between rival factions broke out at the weekend",
        "2004-W18-WE",
    )
