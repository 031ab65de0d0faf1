"""Claims from sentences written for these tests (never from the seed or the eval sets)."""

from __future__ import annotations

from datetime import datetime

import pytest

from claimgraph.extraction import extract_text

DCT = datetime(2024, 3, 15, 9, 0)


def claims_of(text: str) -> list[dict]:
    return [c.to_dict() for c in extract_text(text, published=DCT).claims]


def name(c: dict, role: str) -> str | None:
    v = c.get(role) or {}
    return v.get("name") or v.get("text") or v.get("mention")


CASES = [
    # text, event, agent, (role, value), modality, source, polarity
    (
        "Turkey delivered armed drones to Ethiopia in 2021, according to Reuters.",
        "SUPPLY",
        "Turkey",
        ("recipient", "Ethiopia"),
        "reported",
        "Reuters",
        "positive",
    ),
    (
        "The Kremlin denied that Russia had sold fighter jets to Myanmar.",
        "SUPPLY",
        "Russia",
        ("recipient", "Myanmar"),
        "denied",
        "Russia",
        "positive",
    ),
    (
        "North Korea did not supply artillery shells to Russia, officials in Seoul said on Tuesday.",
        "SUPPLY",
        "North Korea",
        ("recipient", "Russia"),
        "reported",
        None,
        "negative",
    ),
    (
        "China will build a new port in Sri Lanka, the ministry announced last week.",
        "BUILD_FACILITY",
        "China",
        ("location", "Sri Lanka"),
        "predicted",
        None,
        "positive",
    ),
    (
        "Egypt received 24 Rafale jets from France in March, Egyptian state media reported.",
        "SUPPLY",
        "France",
        ("recipient", "Egypt"),
        "reported",
        None,
        "positive",
    ),
    (
        "Japan plans to open a semiconductor factory in Kumamoto next year.",
        "OPEN_FACILITY",
        "Japan",
        ("object", "semiconductor factory"),
        "planned",
        "publisher",
        "positive",
    ),
    (
        "The United States imposed sanctions on Venezuela in January.",
        "SANCTION",
        "United States",
        ("recipient", "Venezuela"),
        "asserted",
        "publisher",
        "positive",
    ),
    (
        "Saudi Arabia is seeking weapons from South Korea in exchange for oil, the newspaper claimed.",
        "REQUEST",
        "Saudi Arabia",
        ("recipient", "South Korea"),
        "claimed",
        None,
        "positive",
    ),
]


@pytest.mark.parametrize(
    ("text", "event", "agent", "role", "modality", "source", "polarity"), CASES
)
def test_claim_cases(text, event, agent, role, modality, source, polarity):
    found = [c for c in claims_of(text) if c["event"] == event and name(c, "agent") == agent]
    assert found, claims_of(text)
    c = found[0]
    assert role[1] in (name(c, role[0]) or "")
    assert c["modality"] == modality
    assert c["polarity"] == polarity
    if source:
        assert c["source"]["name"] == source
    start, end = c["evidence"]["start"], c["evidence"]["end"]
    assert text[start:end] == c["evidence"]["text"]


def test_coordination_fans_out():
    cs = claims_of(
        "Officials said Germany and France signed a defence agreement with Poland and Lithuania."
    )
    pairs = {(name(c, "agent"), name(c, "recipient")) for c in cs if c["event"] == "AGREE"}
    assert pairs == {
        ("Germany", "Poland"),
        ("Germany", "Lithuania"),
        ("France", "Poland"),
        ("France", "Lithuania"),
    }
    assert all(c["object"]["text"] == "defence agreement" for c in cs)


def test_places_listed_vs_place_with_its_country():
    listed = claims_of("Canada will open consulates in Kenya, Ghana and Senegal.")
    assert sorted(name(c, "location") for c in listed) == ["Ghana", "Kenya", "Senegal"]
    nested = claims_of("Vietnam opened a steel plant in Haiphong, Vietnam, in May.")
    assert len(nested) == 1 and nested[0]["location"]["country"] == "VN"
    assert nested[0]["time"]["value"] == "2023-05" or nested[0]["time"]["value"] == "2024-05"


def test_quantity_and_measure():
    [c] = claims_of(
        "Kenya's inflation rate rose to more than 9 percent in October, the central bank said."
    )
    assert c["event"] == "MEASURE" and c["agent"] is None
    assert c["quantity"]["value"] == 9 and c["quantity"]["relation"] == ">"
    assert c["quantity"]["unit"] == "percent"
    assert c["time"]["value"] == "2023-10" and c["time"]["granularity"] == "month"


def test_anaphoric_source_and_capital_metonymy():
    cs = claims_of(
        "Analysts at the Royal United Services Institute (RUSI) said Russia was buying drones from Iran. "
        "The report added that Moscow could also acquire missiles from North Korea."
    )
    assert [c["source"]["name"] for c in cs] == ["Royal United Services Institute"] * 2
    assert cs[1]["agent"]["name"] == "Russia" and cs[1]["modality"] == "suggested"
    assert cs[1]["source"]["chain"] == ["publisher", "Royal United Services Institute"]


def test_time_falls_back_to_report_then_publication():
    [reported] = claims_of("Chile said in February that Peru had bought two frigates from Spain.")
    assert reported["time"]["value"] == "2024-02" and reported["time"]["basis"] == "report"
    [plain] = claims_of("Peru bought two frigates from Spain.")
    assert plain["time"]["value"] == "2024-03-15" and plain["time"]["basis"] == "published"


def test_helper_event_gets_assisted_by():
    cs = claims_of(
        "Officials revealed that Cuba was helping Nicaragua build a new airport in Managua."
    )
    build = next(c for c in cs if c["event"] == "BUILD_FACILITY")
    assert name(build, "agent") == "Nicaragua" and name(build, "assisted_by") == "Cuba"
    assert any(c["event"] == "ASSIST" and name(c, "agent") == "Cuba" for c in cs)


def test_no_claims_without_actor_or_event():
    assert claims_of("The weather was mild and the markets were quiet on Friday.") == []
    assert claims_of("Factories to produce cars need power.") == []


def test_deterministic():
    text = "Turkey delivered armed drones to Ethiopia in 2021, according to Reuters."
    assert claims_of(text) == claims_of(text)


def test_counts_on_objects_are_quantities():
    [c] = claims_of("Russia bought more than 400 tanks from Belarus in 2022.")
    assert c["event"] == "ACQUIRE" and name(c, "supplier") == "Belarus"
    assert c["quantity"] == {"value": 400, "unit": "tank", "relation": ">", "text": "more than 400"}
    assert c["time"]["value"] == "2022"


def test_collective_light_nouns_and_decisions():
    cs = claims_of(
        "The European Council agreed on Monday to impose a fresh round of sanctions on Belarus, officials said."
    )
    assert [(c["event"], name(c, "recipient")) for c in cs] == [("SANCTION", "Belarus")]


def test_weapons_launched_are_attacks_and_participles_describe():
    [c] = claims_of(
        "Russian forces fired 12 cruise missiles at Kharkiv overnight, the governor said."
    )
    assert c["event"] == "ATTACK" and name(c, "agent") == "Russia" and c["quantity"]["value"] == 12
    # "backed rules" is an endorsement (SUPPORT); the participle "targeting" is no attack
    assert [
        c["event"] for c in claims_of("Lawmakers backed rules targeting shell companies in Cyprus.")
    ] == ["SUPPORT"]
