"""Entity resolution on invented news sentences, plus the NER evaluator's contract."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.extract.nlp import load_nlp
from claimgraph.extract.records import entity_id
from claimgraph.resolve.entities import (
    canonical_country,
    country_view,
    find_acronyms,
    find_weapons,
    resolve_entities,
    similar_names,
)
from tests.conftest import SHARED, need_seed


def _resolve(text: str):
    return resolve_entities(load_nlp()(text))


def _by_name(entities):
    return {e.name: e for e in entities}


def test_canonical_country_names_codes_and_demonyms() -> None:
    assert canonical_country("the Russian Federation") == ("Russia", "RU")
    assert canonical_country("U.K.") == ("United Kingdom", "GB")
    assert canonical_country("Britain's") == ("United Kingdom", "GB")
    assert canonical_country("United States of America") == ("United States", "US")
    assert canonical_country("Iran, Islamic Republic of") == ("Iran", "IR")
    assert canonical_country("Tajik") == ("Tajikistan", "TJ")
    assert canonical_country("Belarusian") == ("Belarus", "BY")
    assert canonical_country("us") is None  # the pronoun is not a country
    assert canonical_country("Springfield") is None


def test_demonym_is_a_nationality_that_acts_for_its_country() -> None:
    ents = _resolve(
        "Officials in Kyiv said Russian forces shelled the port. The Russian Federation "
        "denied it, and Russia's envoy called the report false."
    )
    by_name = _by_name(ents)
    russia = by_name["Russia"]
    assert russia.type == "GPE" and russia.country == "RU"
    assert "Russian Federation" in russia.aliases and "Russian" in russia.aliases  # a name
    assert russia.id == entity_id("GPE", "Russia") == "gpe:russia"
    assert len(russia.mentions) == 2
    russian = by_name["Russian"]  # a nationality, as NER and CoNLL read it
    assert russian.type == "NORP" and russian.country == "RU"
    # claim resolution reads the country view: the nationality folds into its country
    folded = _by_name(country_view(ents))
    assert "Russian" not in folded
    assert folded["Russia"].id == "gpe:russia" and len(folded["Russia"].mentions) == 3
    assert "Russian" in folded["Russia"].aliases
    assert [e.to_dict() for e in ents] == [
        e.to_dict()
        for e in _resolve(
            "Officials in Kyiv said Russian forces shelled the port. The Russian Federation "
            "denied it, and Russia's envoy called the report false."
        )
    ]  # the view leaves the entities as they were


def test_trailing_scores_and_spaced_separators_are_not_names() -> None:
    text = "Kent 108-3 beat Surrey at the Oval , London on Friday as Mark Ellison 56 batted."
    spans = {(m.text, e.type) for e in _resolve(text) for m in e.mentions}
    assert ("Mark Ellison", "PERSON") in spans
    assert not any(any(ch.isdigit() for ch in t) for t, _ in spans)
    assert not any(" , " in t for t, _ in spans)
    dateline = "BERLIN 2024-05-06 Hertha Berlin signed the Danish forward on Monday."
    assert not any("2024" in m.text for e in _resolve(dateline) for m in e.mentions)


def test_possessive_and_article_trimmed_from_mentions() -> None:
    text = "Canada's finance minister met bankers in Ottawa on Monday."
    ents = _by_name(_resolve(text))
    canada = ents["Canada"]
    assert [m.text for m in canada.mentions] == ["Canada"]
    m = canada.mentions[0]
    assert text[m.start : m.end] == "Canada"


def test_acronym_defined_in_text_is_an_alias_for_the_whole_article() -> None:
    text = (
        "The mayor said the Committee for Public Safety (CPS) would review the plan. "
        "Later the CPS published a short statement, and a CPS spokesman declined to comment."
    )
    assert find_acronyms(text) == {"CPS": "Committee for Public Safety"}
    ents = _by_name(_resolve(text))
    cps = ents["Committee for Public Safety"]
    assert "CPS" in cps.aliases
    assert len(cps.mentions) == 4  # the definition's "(CPS)" counts too
    assert "CPS" not in ents


def test_acronym_before_its_long_form() -> None:
    text = "Analysts at the NRB (National Review Board) disagreed with the forecast."
    assert find_acronyms(text) == {"NRB": "National Review Board"}


def test_person_short_name_merges_with_full_name() -> None:
    text = (
        "Prime Minister Maria Kovalenko arrived in Warsaw on Tuesday. "
        "Kovalenko told reporters the talks had gone well."
    )
    ents = [e for e in _resolve(text) if e.type == "PERSON"]
    assert len(ents) == 1
    assert ents[0].name == "Maria Kovalenko"
    assert len(ents[0].mentions) == 2


def test_org_with_and_without_article_is_one_entity() -> None:
    text = (
        "The National Weather Agency warned of floods. A spokesman for National Weather "
        "Agency said rivers were rising."
    )
    orgs = [e for e in _resolve(text) if e.type == "ORG"]
    assert [e.name for e in orgs] == ["National Weather Agency"]


def test_austria_and_australia_stay_apart() -> None:
    ents = _by_name(
        _resolve("Austria and Australia signed a trade deal; Austrian wine is cheaper.")
    )
    assert ents["Austria"].country == "AT"
    assert ents["Australia"].country == "AU"
    assert ents["Austrian"].type == "NORP" and ents["Austrian"].country == "AT"
    assert not similar_names("Austria", "Australia")
    assert not similar_names("Su-34", "Su-35")
    assert similar_names("Zelensky", "Zelenskyy")


def test_weapon_designations_are_typed_weapon() -> None:
    text = (
        "The air force received two MiG-29 jets and ordered the Xq-17 drone. "
        "Pilots said the Xq-17 flew well. Figures for COVID-19 were also published."
    )
    found = [c for _, _, c in find_weapons(text)]
    assert found == ["MiG-29", "Xq-17", "Xq-17"]
    ents = _by_name(_resolve(text))
    assert ents["MiG-29"].type == "WEAPON"
    assert ents["Xq-17"].type == "WEAPON" and len(ents["Xq-17"].mentions) == 2
    assert ents["Xq-17"].id == "weapon:xq-17"


def test_ids_are_stable_and_output_deterministic() -> None:
    text = "Germany's chancellor and the French president met Polish farmers in Berlin."
    a = [e.to_dict() for e in _resolve(text)]
    b = [e.to_dict() for e in _resolve(text)]
    assert a == b
    ids = {e["name"]: e["id"] for e in a}
    assert ids["Germany"] == "gpe:germany"
    assert ids["French"] == "norp:french"  # a nationality; claims read it as France
    assert ids["Polish"] == "norp:polish"


NER_DIR = SHARED / "eval" / "ner-news"


@pytest.mark.skipif(not (NER_DIR / "dev.jsonl").exists(), reason="ner-news dev set not present")
def test_ner_evaluate_contract() -> None:
    from claimgraph.evaluate.ner import evaluate

    out = evaluate(NER_DIR, limit=5)
    assert out["name"] == "ner-news" and out["path"] == str(NER_DIR)
    m = out["metrics"]
    for key in (
        "ner_p",
        "ner_r",
        "ner_f1",
        "ner_f1_PER",
        "ner_f1_LOC",
        "ner_f1_ORG",
        "ner_f1_MISC",
    ):
        assert 0.0 <= m[key] <= 1.0
    assert out["peers"][0]["metric"] == "ner_f1"
    assert out["speed"]["words_per_s"] > 0


def test_seed_entity_evaluation_keys(seed_path: Path) -> None:
    from claimgraph.evaluate.ner import evaluate_seed_entities

    gold = seed_path.with_name(seed_path.name.replace(".txt", ".gold.json"))
    need_seed(gold)
    m = evaluate_seed_entities(gold)["metrics"]
    assert {"entity_p", "entity_r", "entity_f1"} <= set(m)
    assert all(0.0 <= v <= 1.0 for v in m.values())


def test_a_companys_bare_first_name_is_that_company() -> None:
    text = (
        "Halvorsen Inc. extended its offer. Halvorsen's two independent directors rejected it. "
        "Halvorsen shares fell 50 cents."
    )
    ents = _by_name(_resolve(text))
    assert ents["Halvorsen Inc."].type == "ORG"
    assert "Halvorsen" in ents["Halvorsen Inc."].aliases and "Halvorsen" not in ents
    from claimgraph.extraction import extract_text

    figures = [c for c in extract_text(text).claims if c.event == "MEASURE"]
    assert figures and figures[0].agent["name"] == "Halvorsen Inc."


def test_a_person_named_like_a_company_stays_a_person() -> None:
    from claimgraph.resolve.entities import _company_short_names

    groups = {
        "ford motor co": [],
        "gerald ford": [],
        "ford": [],
        "telerate inc": [],
        "telerate": [],
    }
    types = {k: "PERSON" for k in ("gerald ford", "ford", "telerate")}
    types.update({"ford motor co": "ORG", "telerate inc": "ORG"})
    _company_short_names(groups, types)
    assert types["ford"] == "PERSON"  # Gerald Ford is in the story
    assert types["telerate"] == "ORG"


def test_a_companys_two_word_short_name_is_that_company() -> None:
    from claimgraph.resolve.entities import _company_short_names

    groups = {"harbor drilling & salvage co": [], "harbor drilling": [], "harbor smith": []}
    types = {
        "harbor drilling & salvage co": "ORG",
        "harbor drilling": "PERSON",
        "harbor smith": "PERSON",
    }
    _company_short_names(groups, types)
    assert types["harbor drilling"] == "PERSON"  # a person called Harbor is in the story
    del groups["harbor smith"]
    _company_short_names(groups, types)
    assert types["harbor drilling"] == "ORG"


def test_the_company_speaking_is_the_company_not_a_public_body_named_more_often() -> None:
    from claimgraph.extraction import extract_text

    text = (
        "The World Health Organization praised the plan. The World Health Organization said "
        "more was needed. Maxwell Pumps Ltd. won a contract to supply 400 pumps. "
        "The pump maker said it expects to hire 50 workers."
    )
    sources = [c.source for c in extract_text(text).claims if "hire" in c.evidence["text"]]
    assert sources and sources[0]["name"] == "Maxwell Pumps Ltd."


def test_a_city_or_regions_body_is_itself_not_the_city() -> None:
    from claimgraph.extraction import extract_text

    claims = extract_text("Ohio police arrested a man in Dayton.").claims
    assert claims and claims[0].agent["name"] == "Ohio police"
    claims = extract_text("A Moscow court fined the website.").claims
    # a court is its own actor, of the capital's state
    assert claims and claims[0].agent["name"] == "Moscow court"
    assert claims[0].agent["country"] == "Russia"
    claims = extract_text("The Moscow government fined the website.").claims
    assert claims and claims[0].agent["name"] == "Russia"  # a capital's government is its state's


def test_a_figure_opening_with_the_is_not_a_company_named_the() -> None:
    from types import SimpleNamespace

    from claimgraph.resolve.claims import _company_figures

    times = {"id": "org:the-times", "name": "The Times Co.", "type": "ORG"}
    acme = {"id": "org:acme", "name": "Acme Corp.", "type": "ORG"}
    claims = [
        SimpleNamespace(event="ACCUSE", agent=times, recipient=acme, object=None, evidence=None),
        SimpleNamespace(
            event="MEASURE", agent=None, recipient=None, object={"text": "The rate"}, evidence=None
        ),
        SimpleNamespace(
            event="MEASURE",
            agent=None,
            recipient=None,
            object={"text": "Acme shares"},
            evidence=None,
        ),
    ]
    _company_figures(claims, frozenset({"revenue"}))  # type: ignore[arg-type]
    assert claims[1].agent is None  # "The rate" names no company called "The …"
    assert claims[2].agent["name"] == "Acme Corp."  # "Acme shares": Acme's figure


def test_a_bare_surname_the_tagger_missed_is_the_person_named_in_full() -> None:
    from claimgraph.extraction import extract_text

    art = extract_text(
        "Tamar Har-Zion, 40, testified on Monday. Har-Zion acknowledged that she had met the suspect."
    )
    person = next(e for e in art.entities if e.name == "Tamar Har-Zion")
    assert [m.text for m in person.mentions] == ["Tamar Har-Zion", "Har-Zion"]
