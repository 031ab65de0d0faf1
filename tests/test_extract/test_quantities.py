"""Quantities carry their scale, unit and relation (our own phrases, not the eval sets')."""

from __future__ import annotations

import pytest

from claimgraph.extract.nlp import load_nlp
from claimgraph.extract.ontology import load_ontology
from claimgraph.extract.quantities import Amount, parse_amount, quantity_of


@pytest.fixture(scope="module")
def onto():
    return load_ontology()


@pytest.mark.parametrize(
    ("phrase", "value", "unit", "relation"),
    [
        ("$48.3 million", 48_300_000, "USD", "="),
        ("US$ 7 billion", 7_000_000_000, "USD", "="),
        ("£12m", 12_000_000, "GBP", "="),
        ("€2.25bn", 2_250_000_000, "EUR", "="),
        ("roughly 45k", 45_000, None, "~"),
        ("1.75 trillion yuan", 1_750_000_000_000, "CNY", "="),
        ("nine percent", 9, "percent", "="),
        ("thirty-four percent", 34, "percent", "="),
        ("forty one per cent", 41, "percent", "="),
        ("0.25 percentage points", 0.25, "percentage point", "="),
        ("almost 7.5%", 7.5, "percent", "~"),
        ("a hundred and twenty million dollars", 120_000_000, "USD", "="),
        ("two thousand euro", 2000, "EUR", "="),
        ("more than 3,400", 3400, None, ">"),
        ("at least 60 rupees", 60, "INR", ">="),
        ("up to 15", 15, None, "<="),
        ("nearly a half-million dollars", 500_000, "USD", "~"),
        ("half a billion euros", 500_000_000, "EUR", "="),
        ("one and a half million", 1_500_000, None, "="),
        ("SEK 40 million", 40_000_000, "SEK", "="),
    ],
)
def test_phrases(onto, phrase, value, unit, relation) -> None:
    assert parse_amount(phrase, onto) == Amount(value, unit, relation)


@pytest.mark.parametrize("phrase", ["a year", "the council", "an hour", ""])
def test_no_number_no_amount(onto, phrase) -> None:
    assert parse_amount(phrase, onto) is None


def _root_quantity(sentence: str, onto) -> dict | None:
    doc = load_nlp()(sentence)
    root = next(t for t in doc if t.dep_ == "ROOT")
    return quantity_of(root, onto)


def test_scaled_money_under_a_verb(onto) -> None:
    q = _root_quantity("Quarterly sales climbed to $312.4 million from a year earlier.", onto)
    assert q is not None
    assert (q["value"], q["unit"]) == (312_400_000, "USD")
    assert q["text"] == "$312.4 million"


def test_counted_noun_is_the_unit(onto) -> None:
    q = _root_quantity("The navy ordered more than 30 patrol boats.", onto)
    assert q is not None and (q["value"], q["unit"], q["relation"]) == (30, "boat", ">")


def test_rate_against_a_second_currency(onto) -> None:
    q = _root_quantity("The peso exceeded 20 pesos to one euro on Monday.", onto)
    assert q is not None and q["value"] == 20 and q["relation"] == ">"


def test_written_percent_under_a_verb(onto) -> None:
    q = _root_quantity("Turnout fell by eleven percent in the capital.", onto)
    assert q is not None and (q["value"], q["unit"]) == (11, "percent")


def test_a_move_to_a_level_states_the_level(onto) -> None:
    q = _root_quantity("Turnover rose 12% to $845.2 million in the year.", onto)
    assert q is not None and (q["value"], q["unit"]) == (845_200_000, "USD")
    q = _root_quantity("The index closed at 3,105.5 points.", onto)
    assert q is not None and q["value"] == 3105.5


def test_a_casualty_or_arrest_count_is_the_claims_quantity() -> None:
    from claimgraph.extraction import extract_text

    claims = extract_text("Rebels killed 21 soldiers and wounded more than 5,000 others.").claims
    assert [(c.event, c.quantity["value"], c.quantity["relation"]) for c in claims] == [
        ("KILL", 21, "="),
        ("ASSAULT", 5000, ">"),
    ]
    claims = extract_text("In April, more than two dozen fighters were killed.").claims
    assert claims and claims[0].quantity["value"] == 24
    # a list fans out: "12 people" is not each item's count
    claims = extract_text("Police arrested 12 people, seven women and five men.").claims
    assert [c.quantity for c in claims if c.recipient["name"] == "seven women"] == [None]


def test_a_hyphenated_number_adjective_is_no_figure() -> None:
    from claimgraph.extraction import extract_text

    claims = extract_text("Acme will post a one-time charge of $8.3 million.").claims
    assert claims and claims[0].quantity["value"] == 8_300_000
    claims = extract_text("Officials said forty-two people were killed.").claims
    assert claims and claims[0].quantity["value"] == 42


def test_a_clause_joined_on_with_its_own_subject_gives_its_own_figure() -> None:
    from claimgraph.extraction import extract_text

    text = (
        "Acme cut its quarterly dividend in half and its shares are trading far below their "
        "52-week high of 16.125 dollars."
    )
    cut = [c for c in extract_text(text).claims if "dividend" in str((c.object or {}).get("text"))]
    assert cut and cut[0].quantity is None


def test_an_amount_a_share_restates_the_figure_before_it() -> None:
    from claimgraph.extraction import extract_text

    text = "Separately, Lakeview posted a quarterly loss of C$4.1 million, or 21 Canadian cents a share."
    figures = [c for c in extract_text(text).claims if c.event == "MEASURE"]
    assert len(figures) == 1 and figures[0].quantity["value"] == 4_100_000


def test_a_figure_compared_with_is_no_claim_of_its_own() -> None:
    from claimgraph.extraction import extract_text

    text = (
        "For the half, Harbor Freightways earned $12.4 million, or 61 cents a share, "
        "compared with a loss of $3.2 million, or 16 cents a share, a year earlier."
    )
    figures = [c for c in extract_text(text).claims if c.event == "MEASURE"]
    assert [c.quantity["value"] for c in figures] == [12_400_000]


def test_a_signed_amount_the_tagger_missed_is_still_read_and_its_baseline_year_is_not_its_time() -> (
    None
):
    from datetime import datetime

    from claimgraph.extraction import extract_text

    text = "Lakeview reported a loss. Sales were C$291.6 million, up from C$252 million in 1988."
    sales = [
        c
        for c in extract_text(text, published=datetime(1989, 10, 30)).claims
        if (c.object or {}).get("text") == "Sales"
    ]
    assert sales and sales[0].quantity["value"] == 291_600_000
    assert (sales[0].time or {}).get("value") != "1988"


def test_a_figures_phrase_does_not_end_in_the_or_of_its_restatement() -> None:
    from claimgraph.extraction import extract_text

    text = (
        "Additionally, Harbor reported a third-quarter loss of $175.5 million, or $13.44 a "
        "share, compared with net income of $27.1 million a year ago."
    )
    (c,) = extract_text(text).claims
    assert c.object["text"] == "third-quarter loss of $175.5 million"
