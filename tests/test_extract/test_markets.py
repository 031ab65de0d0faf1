"""A price line's place is the market its sentence names: found reading WSJ price lines of
TimeBank texts outside claims-news ("In New York Stock Exchange composite trading, Acme closed at
$41" had no place, so the map and a gold "location: New York Stock Exchange" both missed it).

Sentences are written for these tests (none comes from an evaluation set).
"""

from __future__ import annotations

import datetime

import pytest

from tests.test_extract.written import claims, of_event, role

DAY = datetime.datetime(1991, 3, 8)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "In New York Stock Exchange composite trading, Acme closed at $41.25, up 50 cents.",
            "New York",
        ),
        ("On the Toronto Stock Exchange, Acme shares closed at C$9.75, down 10 cents.", "Toronto"),
        ("Acme shares rose 6 pence to 388 pence in London trading.", "London"),
        ("On Tokyo's Stock Exchange, Acme shares rose 20 yen to 1,450 yen.", "Tokyo"),
    ],
)
def test_a_price_is_made_where_its_market_is(text: str, place: str) -> None:
    (price,) = of_event(claims(text, DAY), "MEASURE")
    assert role(price, "location") == place


def test_a_figure_that_is_no_price_takes_no_market() -> None:
    (sales,) = of_event(
        claims(
            "Acme, listed on the New York Stock Exchange, said sales rose 8% to $36 million.", DAY
        ),
        "MEASURE",
    )
    assert sales.location is None
