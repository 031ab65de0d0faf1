"""Datelines in common news shapes, and partial metadata dates that keep their granularity."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from claimgraph.ingest.dates import date_granularity, parse_date, parse_lead_dateline
from claimgraph.ingest.sources import ReadOptions, read_jsonl
from claimgraph.ingest.text import text_to_article


def test_dateline_line_directly_followed_by_headline() -> None:
    raw = b"09:15 14 Mar 2024\nCouncil approves harbour budget\n\nThe council approved it on Tuesday.\n"
    art = text_to_article(raw, source="harbour.txt")
    assert art.published == datetime(2024, 3, 14, 9, 15)
    assert art.title == "Council approves harbour budget"
    assert art.text == "The council approved it on Tuesday."


def test_headline_is_not_taken_for_a_dateline() -> None:
    raw = b"Harbour reopens after 12 days\nShips returned on Monday.\n"
    art = text_to_article(raw, source="harbour.txt")
    assert art.published is None and art.title == "Harbour reopens after 12 days"


@pytest.mark.parametrize(
    ("lead", "year", "published", "place", "agency"),
    [
        (
            "BERGEN, Norway, March 12 (Nordpress) - The council met.",
            2024,
            (2024, 3, 12),
            "BERGEN, Norway",
            "Nordpress",
        ),
        (
            "TROMSO, 4 Feb. 2019 (Arcticwire) -- Ice closed the port.",
            None,
            (2019, 2, 4),
            "TROMSO",
            "Arcticwire",
        ),
        ("Sept. 9 (Wirenews) — Prices fell.", 2011, (2011, 9, 9), None, "Wirenews"),
        ("OLD TOWN, Maine (Wirenews) _ The mill shut.", None, None, "OLD TOWN, Maine", "Wirenews"),
        ("2022-05-17 — The mill shut.", None, (2022, 5, 17), None, None),
    ],
)
def test_wire_leads(lead, year, published, place, agency) -> None:
    got = parse_lead_dateline(lead, year=year)
    assert got is not None
    assert got.published == (datetime(*published) if published else None)
    assert (got.place, got.agency) == (place, agency)


@pytest.mark.parametrize(
    "para",
    [
        "The mill (which shut in May) will reopen.",
        "Officials said on March 12 that the port was closed.",
        "Prices (in dollars) - see the table below.",
    ],
)
def test_prose_is_no_lead(para) -> None:
    assert parse_lead_dateline(para) is None


def test_lead_without_year_takes_it_from_context_or_stays_unset() -> None:
    assert parse_lead_dateline(
        "Oct. 3 (Wirenews) -- Mills shut.", context="Mills shut after the 2015 floods"
    ).published == datetime(2015, 10, 3)
    assert parse_lead_dateline("Oct. 3 (Wirenews) -- Mills shut.").published is None


def test_lead_dateline_dates_an_undated_story() -> None:
    raw = b"Port closed by ice\n\nTROMSO, Feb. 4, 2019 (Arcticwire) - Ice closed the port.\n"
    art = text_to_article(raw, source="ice.txt")
    assert art.published == datetime(2019, 2, 4)
    assert art.extra["dateline"] == {"place": "TROMSO", "agency": "Arcticwire"}
    assert art.text.startswith("TROMSO, Feb. 4, 2019")  # the story text is never cut


@pytest.mark.parametrize(
    ("value", "expected", "granularity"),
    [
        ("2021", datetime(2021, 1, 1), "year"),
        ("2021-07", datetime(2021, 7, 1), "month"),
        ("July 2021", datetime(2021, 7, 1), "month"),
        ("Jul. 2021", datetime(2021, 7, 1), "month"),
        ("2021-07-09", datetime(2021, 7, 9), "day"),
    ],
)
def test_partial_dates_keep_granularity(value, expected, granularity) -> None:
    assert parse_date(value, require_day=False) == expected
    assert date_granularity(value) == granularity


def test_partial_dates_are_no_full_dates() -> None:
    assert parse_date("2021") is None


def _jsonl(*records: dict) -> list:
    raw = "\n".join(json.dumps(r) for r in records).encode()
    return list(read_jsonl(raw, label="t.jsonl", opts=ReadOptions()))


def test_jsonl_year_only_published_is_refined_by_lead() -> None:
    [plain, refined] = _jsonl(
        {"text": "Ice closed the port for a week.", "published": "2019"},
        {"text": "TROMSO, Feb. 4 (Arcticwire) - Ice closed the port.", "published": "2019"},
    )
    assert plain.published == datetime(2019, 1, 1)
    assert plain.extra["published_granularity"] == "year"
    assert refined.published == datetime(2019, 2, 4)
    assert "published_granularity" not in refined.extra


def test_place_and_iso_day_with_no_dash_date_the_story() -> None:
    lead = parse_lead_dateline("VARNA 2004-05-17 Two fishing boats collided off the coast.")
    assert lead is not None and lead.published == datetime(2004, 5, 17)
    assert lead.place == "VARNA"
    run_in = parse_lead_dateline(
        "Boats collide off Varna. Ivo Petrov VARNA, Bulgaria 2004-05-17 Two boats collided."
    )
    assert run_in is not None and run_in.published == datetime(2004, 5, 17)
    tokenised = parse_lead_dateline("Boats collide . VARNA , Bulgaria 2004-05-17 Two collided .")
    assert tokenised is not None and tokenised.place == "VARNA , Bulgaria"
    # an ISO date inside prose is no dateline
    assert parse_lead_dateline("The fund, set up on 2004-05-17 in Varna, grew.") is None
