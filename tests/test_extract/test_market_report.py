"""Market reports and causal wording (our own sentences, not the eval sets'): price lines
without a currency, figures of another clause, compared figures' times, and verbs a trend or
a market is the subject or object of, which tell no aid, attack, charge or statement."""

from __future__ import annotations

from datetime import datetime

import pytest

from claimgraph.extraction import extract_text

FRIDAY = datetime(2001, 3, 5)  # a Monday: "Friday" is 2001-03-02, "Thursday" 2001-03-01


def claims(text: str):
    return extract_text(text, published=FRIDAY).claims


def name(role) -> str | None:
    return role and (role.get("name") or role.get("text"))


@pytest.mark.parametrize(
    ("text", "agent", "value"),
    [
        ("Northwind Mining fell 7 to 312 on 3 million shares traded.", "Northwind Mining", 312),
        ("Acme Foods skidded 2.5 to 141.5 in late trading.", "Acme Foods", 141.5),
        ("Blue Harbour Holdings closed at 88.25.", "Blue Harbour Holdings", 88.25),
    ],
)
def test_a_stock_price_line_without_a_currency_is_the_companys_figure(text, agent, value):
    measures = [c for c in claims(text) if c.event == "MEASURE"]
    assert [(name(c.agent), c.quantity["value"]) for c in measures] == [(agent, value)]


def test_an_index_moving_in_points_is_measured_not_an_actor():
    (c,) = claims("The Hang Seng dropped 120.5 points on Friday to 9,871.3.")
    assert c.event == "MEASURE" and c.agent is None and c.quantity["value"] == 9871.3
    # a verb joined to a passive shares its measured subject
    (c,) = claims("The main index was dragged down by selling and fell 52 points to 2,110.4.")
    assert name(c.object) == "main index" and c.quantity["value"] == 2110.4


def test_a_golfers_score_is_no_price():
    assert not claims("Jim Parker finished at 3 under par.")


def test_the_close_a_move_ends_at_is_the_level():
    (c,) = claims("Acme Foods shed 8 pence a share to close at 215 pence.")
    assert c.quantity["value"] == 215


def test_a_hyphenated_count_naming_an_index_is_no_figure():
    (c,) = claims("The 250-share index shed 31.2 points to close at 4,012.6.")
    assert c.quantity["value"] == 4012.6


def test_a_figure_of_a_relative_clause_on_another_noun_is_not_the_claims():
    found = claims("Madrid prices closed lower, ending a week that saw the main index lose 3%.")
    closing = [c for c in found if "Madrid prices" in (name(c.object) or "")]
    assert closing and closing[0].quantity is None
    lost = [c for c in found if name(c.object) == "main index"]
    assert lost and lost[0].quantity["value"] == 3 and lost[0].evidence["text"].endswith("3%")


def test_the_day_of_a_compared_figure_does_not_date_the_claim():
    (c,) = claims("Volume was 612 million shares, up from 401 million shares Thursday.")
    assert c.time["value"] == "2001-03-05" and c.time["basis"] == "published"


@pytest.mark.parametrize(
    "text",
    [
        "The currency's slide helped spark a sell-off in Asia.",
        "Higher fuel prices helped push the airline into a loss.",
    ],
)
def test_a_trend_that_helps_cause_something_gives_no_aid(text):
    assert "ASSIST" not in [c.event for c in claims(text)]


def test_an_actor_that_helps_still_assists():
    assert "ASSIST" in [c.event for c in claims("The World Bank helped Ghana rebuild its ports.")]


def test_stocks_hit_by_selling_are_not_attacked():
    assert "ATTACK" not in [c.event for c in claims("Bank stocks were hit by heavy selling.")]


def test_a_shakeup_cited_for_declines_is_charged_with_nothing():
    assert not [c for c in claims("The French shakeup was cited for the declines.")]


def test_hosting_a_race_is_no_meeting_but_hosting_a_leader_is():
    assert "MEET" not in [c.event for c in claims("Brno will host the fourth of eight races.")]
    (c,) = claims("Kenya hosted the Ugandan president in Nairobi.")
    assert c.event == "MEET" and name(c.agent) == "Kenya"


def test_shares_posting_declines_and_a_focus_showing_fears_say_nothing():
    found = claims(
        "Dealers said the focus on banks showed fears that shares will keep posting declines."
    )
    assert [name(c.source) for c in found if c.event == "STATEMENT"] == ["Dealers"]


def test_results_that_show_something_are_a_source():
    (c,) = claims("Laboratory results showed a likelihood of contamination at the plant.")
    assert c.event == "STATEMENT" and name(c.source) == "Laboratory results"


def test_market_stocks_are_no_companys_figure():
    found = claims(
        "Acme Foods closed at $41.25, up 50 cents. In Tokyo, stocks closed above intraday lows."
    )
    tokyo = [c for c in found if "Tokyo" in c.evidence["text"]]
    assert tokyo and tokyo[0].agent is None


def test_a_sale_to_a_buyer_names_the_buyer():
    (c,) = claims("Acme sold its candy unit to Nestle Foods for $370 million.")
    assert (c.event, name(c.agent), name(c.recipient)) == ("SUPPLY", "Acme", "Nestle Foods")


def test_a_deal_called_the_sale_is_no_figure():
    found = claims("The sale, which had been expected, is part of a plan to pay down $5 billion.")
    assert not [c for c in found if c.event == "MEASURE" and name(c.object) == "sale"]


def test_a_copulas_predicate_states_the_figure():
    (c,) = claims("Acme's share of the roughly $5.1 billion market is less than 5%.")
    assert (c.quantity["value"], c.quantity["unit"], c.quantity["relation"]) == (5, "percent", "<")


def test_a_companys_sales_are_revenue_but_arms_sales_to_a_state_are_a_transfer():
    assert not [
        c for c in claims("The company's British sales fell sharply.") if c.event == "SUPPLY"
    ]
    (c,) = claims("U.S. arms sales to Taiwan angered Beijing.")
    assert (c.event, name(c.recipient), name(c.object)) == ("SUPPLY", "Taiwan", "arms")
    found = claims("Oil exports to China rose 5% in May.")
    assert [c.event for c in found] == ["MEASURE"]


def test_hosting_a_website_is_no_meeting():
    assert not claims("They are searching for a provider to host the Nuremburg Files.")


def test_holdings_and_sums_raised_are_figures_but_rounds_of_talks_are_not():
    (c,) = claims("The group currently holds 45.2% of the company's common shares.")
    assert (c.event, name(c.agent), c.quantity["value"]) == ("MEASURE", "group", 45.2)
    (c,) = claims(
        "Blockbuster Entertainment Corp. said it raised $92 million from a note offering."
    )
    assert (c.event, c.quantity["value"]) == ("MEASURE", 92_000_000)
    assert "MEASURE" not in [c.event for c in claims("The two sides held three rounds of talks.")]


def test_a_company_named_like_an_event_gives_no_event_but_attack_victims_do():
    assert not claims("Rally officials weren't available to comment late yesterday.")
    assert [c.event for c in claims("Attack victims were taken to hospital.")] == ["ATTACK"]


def test_the_leader_named_in_a_led_by_phrase_is_not_the_groups_voice():
    (c,) = claims(
        "A group of investors led by Giant Group Ltd. and its chairman, Burt Sugarman, said it "
        "filed for clearance to buy more than 50% of the stock of Rally's Inc."
    )
    assert c.source["name"] != "Burt Sugarman"


def test_a_figure_compared_with_last_years_keeps_its_own_time_and_gives_none_away():
    found = claims(
        "The unit posted earnings of $24 million, compared with a loss of $3 million last year."
    )
    (earnings,) = found  # the loss compared with is last year's figure, no claim of its own
    assert earnings.quantity["value"] == 24_000_000 and earnings.time["value"] == "2001-03-05"


def test_net_is_a_figure_not_a_company():
    (c,) = claims("Net advanced to $94.2 million, or 89 cents a share, from $85 million.")
    assert c.agent is None and name(c.object) == "Net"


def test_a_relative_clause_figure_does_not_make_its_sentence_a_measure():
    found = claims(
        "Their first home was a rented cottage in Leeds, which Barry said cost 75 pence a week."
    )
    assert not [c for c in found if name(c.object) and "home" in name(c.object)]


def test_prices_that_closed_lower_made_a_move_without_a_figure():
    (c,) = claims("Frankfurt prices closed lower again on Friday.")
    assert c.event == "MEASURE" and c.quantity is None


def test_sending_a_fax_transfers_nothing():
    assert "SUPPLY" not in [c.event for c in claims("The family sent a fax to the local police.")]


def test_a_person_or_site_showing_or_posting_something_is_a_source():
    (c,) = claims("Sanders showed no sign that he was planning to apologize.")
    # an apology needs no object: the one he shows no sign of planning is his claim, not done
    assert (c.event, name(c.source), c.polarity) == ("CONCEDE", "Sanders", "negative")
    assert c.modality == "planned"
    (c,) = claims("WikiLeaks posted a cache of diplomatic cables.")
    assert (c.event, name(c.source)) == ("STATEMENT", "WikiLeaks")


def test_time_given_to_someone_until_a_deadline_is_no_transfer():
    assert not claims("The agency has given the relatives until 9 a.m. Tuesday to sign a paper.")
    found = claims("Russia will supply fuel to Iran until 2025.")
    assert [(c.event, name(c.recipient)) for c in found] == [("SUPPLY", "Iran")]


def test_a_holder_named_in_a_first_clause_holds_the_figure_of_the_second() -> None:
    from claimgraph.extract.claims import extract_frames
    from claimgraph.extract.nlp import load_nlp

    text = "Gabelli Group began raising its stake in July, and holds 14.6% of the shares."
    held = [f for f in extract_frames(load_nlp()(text)) if f.event == "MEASURE"]
    assert held and held[0].roles["agent"].text == "Gabelli Group"


def test_a_company_owned_by_a_named_investor_speaks_for_itself():
    found = claims(
        "Harbor Grand Inc. agreed to buy a hotel. The casino company, 60%-owned by investor "
        "Carl Benton, last month announced its plan to acquire the land."
    )
    plan = [c for c in found if "land" in str(name(c.object))]
    assert plan and all(c.source["name"] == "Harbor Grand Inc." for c in plan)


def test_a_share_stated_with_account_for_is_a_figure():
    (c,) = claims("Tea accounted for 38 percent of the island's exports last year.")
    assert (c.event, c.quantity["value"], name(c.object)) == ("MEASURE", 38, "Tea")


def test_a_thing_that_moves_by_a_stated_figure_is_measured_whatever_its_noun():
    (c,) = claims("Wind capacity grew by 12 percent in 2017.")
    assert (c.event, c.quantity["value"], name(c.object)) == ("MEASURE", 12, "Wind capacity")
    (c,) = claims("Hydro capacity increased by 640 MW in 2016.")
    assert c.quantity["value"] == 640
    assert not claims("Tensions rose by the hour.")  # no figure
    assert "MEASURE" not in [c.event for c in claims("The mayor rose to 60 points.")]  # an actor


def test_a_clause_after_a_statement_noun_is_what_the_speaker_said():
    found = claims(
        "The agency said in an e-mailed statement that solar photovoltaics (PV) grew by 32 "
        "percent in 2017, followed by wind energy, which grew by 10 percent."
    )
    got = {(name(c.object), c.quantity["value"], c.modality) for c in found}
    assert got == {("solar photovoltaics", 32, "reported"), ("wind energy", 10, "reported")}


def test_an_increase_from_a_year_earlier_is_not_dated_a_year_earlier():
    (c,) = claims("Overseas sales accounted for 43% of sales, a 74% increase from a year earlier.")
    assert not c.time["value"].startswith("2000")  # the year compared with, not the figure's
