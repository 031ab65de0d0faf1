"""Who a pronoun, an office or a mistyped name points to: sentences written for these tests."""

from __future__ import annotations

from spacy.tokens import Span

from claimgraph.extract.nlp import load_nlp
from claimgraph.extraction import extract_text
from claimgraph.resolve.entities import resolve_entities
from claimgraph.resolve.gender import first_name_gender, lone_name_gender, title_gender


def _speakers(text: str) -> list[str]:
    return [c.source["name"] for c in extract_text(text).claims if c.event == "STATEMENT"]


def test_first_names_and_titles_say_a_gender_only_when_clear() -> None:
    assert first_name_gender("Donald J. Trump") == "m"
    assert first_name_gender("Hillary Clinton") == "f"
    assert first_name_gender("Leslie Moore") is None  # given to both
    assert first_name_gender("Vladimir Putin") is None  # not in the lists: unknown
    assert first_name_gender("Trump") is None  # a lone surname says nothing
    assert title_gender("the victim, Mrs. ") == "f" and title_gender("said Mr. ") == "m"
    assert title_gender("said ") is None


def test_she_is_not_the_man_named_last() -> None:
    text = "Donald Trump met Hillary Clinton on Monday. She said the talks were useful."
    assert _speakers(text) == ["Hillary Clinton"]
    text = "Hillary Clinton criticised Donald Trump on Monday. She said he was tired."
    assert _speakers(text) == ["Hillary Clinton"]


def test_a_lone_first_name_says_a_gender_when_it_is_rarely_a_surname() -> None:
    assert lone_name_gender("Melanie") == "f" and lone_name_gender("Kevin") == "m"
    assert lone_name_gender("Warren") is None  # a surname as often: unknown
    text = (
        "Gordon Brown spoke at the rally for an hour. Melanie watched, and Melanie said the "
        'crowd loved it. "We will win," he said.'
    )
    assert _speakers(text)[-1] == "Gordon Brown"


def test_she_is_the_speaker_not_the_person_her_title_names_as_owner() -> None:
    text = "It rained. Ludmila Orlova, Dmitri Orlov's widow, said she plans to sue the hospital."
    sue = [c for c in extract_text(text).claims if c.event == "SUE"]
    assert sue and sue[0].agent["name"] == "Ludmila Orlova"


def test_a_person_named_in_a_speakers_relative_clause_is_not_the_speaker() -> None:
    text = (
        "It rained. Police officers who had questioned Tomas Lindqvist said the boat had "
        "sunk near the island."
    )
    said = [c for c in extract_text(text).claims if "sunk" in c.evidence["text"]]
    assert said and said[0].source["name"] == "Police officers"


def _sources(text: str) -> list[str]:
    return [c.source["name"] for c in extract_text(text).claims]


def test_he_in_a_sentence_points_to_the_person_named_in_it() -> None:
    text = (
        "Mark Olsen resigned in March. The mayor is still angry about an interview that "
        "Peter Hale gave in May, in which he said the budget was a fraud."
    )
    assert _sources(text)[-1] == "Peter Hale"


def test_a_name_the_tagger_calls_an_organisation_is_the_person_of_that_surname() -> None:
    doc = load_nlp()("Louis Freeh arrived on Monday. Freeh said the inquiry was moving.")
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 6, 7, label="PERSON")]
    people = [e for e in resolve_entities(doc) if e.type == "PERSON"]
    assert [(e.name, e.aliases) for e in people] == [("Louis Freeh", ["Freeh"])]
    # and the other way round: the surname alone tagged as an organisation
    doc = load_nlp()("Louis Freeh arrived on Monday. Freeh said the inquiry was moving.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="ORG")]
    assert [e.type for e in resolve_entities(doc)] == ["PERSON"]


def test_a_company_named_like_its_founder_stays_a_company() -> None:
    doc = load_nlp()("Henry Ford spoke. Ford Motor said sales rose. Ford said more.")
    doc.ents = [
        Span(doc, 0, 2, label="PERSON"),
        Span(doc, 4, 6, label="ORG"),
        Span(doc, 10, 11, label="ORG"),
    ]
    found = resolve_entities(doc)
    assert [(e.name, e.aliases) for e in found if e.type == "PERSON"] == [("Henry Ford", [])]
    assert any(e.name == "Ford Motor" and e.type == "ORG" for e in found)


def test_a_bare_surname_the_tagger_missed_is_the_person_named_in_full() -> None:
    text = "FBI Director Louis Freeh arrived on Monday. Freeh said the inquiry was moving fast."
    assert _speakers(text) == ["Louis Freeh"]


def test_the_chief_of_an_organisation_is_the_person_titled_so() -> None:
    text = (
        "Director of the U.S. Federal Bureau of Investigation (FBI) Louis Freeh arrived on "
        "Monday. After meeting Kenyan police leaders, the FBI chief said he was satisfied."
    )
    assert _sources(text)[-1] == "Louis Freeh"


def test_people_of_a_state_acted_upon_are_those_people() -> None:
    met = next(c for c in extract_text("The envoy met Kenyan police leaders.").claims)
    assert met.recipient["name"] == "Kenyan police leaders"
    assert met.recipient.get("country") == "Kenya"
    # acting, they act for their state
    attack = next(c for c in extract_text("Russian troops attacked the village.").claims)
    assert attack.agent["name"] == "Russia"


def test_a_body_reporting_an_act_that_names_no_doer_did_it() -> None:
    (arrest,) = [c for c in extract_text("Police said two men were arrested.").claims]
    assert arrest.event == "ARREST" and arrest.agent["name"] == "Police"
    # a person or a paper reporting it does not make it theirs
    (arrest,) = [c for c in extract_text("Smith said two men were arrested.").claims]
    assert arrest.agent is None
    (killing,) = [c for c in extract_text("The ministry said 20 militants were killed.").claims]
    assert killing.agent is None  # killing is not an act the ministry reports as its own


def test_a_release_scheduled_for_a_surname_is_a_planned_release() -> None:
    text = (
        "Chris Vance was convicted in 1993 and released on parole in 2001. "
        "Officials said Vance is scheduled to be released from supervision in February 2029."
    )
    found = [c for c in extract_text(text).claims if c.event == "CONCEDE"]
    assert [c.modality for c in found][-1:] == ["planned"]
    assert found[-1].recipient["name"] == "Chris Vance"


def test_two_acts_dated_apart_are_not_one_act_told_twice() -> None:
    text = "The 2014 Bagram Airfield bombing. The 2016 Bagram Airfield bombing."
    found = [c for c in extract_text(text).claims if c.event == "ATTACK"]
    assert sorted(c.time["value"] for c in found) == ["2014", "2016"]


def test_a_pronoun_opening_a_sentence_continues_the_person_the_last_one_opened_with() -> None:
    from claimgraph.extraction import extract_text

    claims = extract_text(
        "Mark Dunne said he was innocent. Peter Kolb has been on the run since the "
        "bombing. He also is charged in three other attacks."
    ).claims
    charged = [c for c in claims if c.event == "CHARGE"]
    assert charged and charged[0].recipient["name"] == "Peter Kolb"


def test_a_companys_rivals_act_and_speak_for_themselves() -> None:
    from claimgraph.extraction import extract_text

    art = extract_text("Over the summer, Acme competitors sold 300 trucks to the army.")
    assert [c.agent["name"] for c in art.claims if c.event == "SUPPLY"] == ["Acme competitors"]
    said = extract_text("Acme Corp.'s rivals said the merger was unfair.").claims
    assert said and all(c.source["name"] != "Acme Corp." for c in said)


def test_a_state_abbreviation_and_an_opening_participle_are_no_people() -> None:
    from claimgraph.extraction import extract_text

    art = extract_text(
        "Nicknamed the 'Fox' by friends, Kopp moved often. Sam Kopp, 44, of St. Albans, Vt., "
        "became the subject of a manhunt in May. He was charged Thursday with murder."
    )
    people = {e.name for e in art.entities if e.type == "PERSON"}
    assert "Vt." not in people and "Nicknamed" not in people
    charged = [c for c in art.claims if c.event == "CHARGE"]
    assert charged and charged[0].recipient["name"] == "Sam Kopp"


def test_a_title_read_as_the_agent_is_someone_else() -> None:
    text = (
        "A ceasefire was arranged last week by President Boris Yeltsin's envoy Alexander Lebed. "
        "After a meeting failed to materialise on Monday, Lebed's spokesman said he might meet "
        "the president on Tuesday."
    )
    meet = [c for c in extract_text(text).claims if c.event == "MEET"]
    assert meet and meet[0].agent["name"] == "Alexander Lebed"
    assert meet[0].recipient["id"] != meet[0].agent["id"]
