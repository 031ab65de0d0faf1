"""Calendar intervals of TimeML values: a claim is drawn over exactly the period its date names."""

from __future__ import annotations

from datetime import date

import pytest

from claimgraph.analyze.timeline import interval


@pytest.mark.parametrize(
    ("value", "start", "end", "granularity"),
    [
        ("2023-08-02", date(2023, 8, 2), date(2023, 8, 3), "day"),
        ("2023-08-02T13:30", date(2023, 8, 2), date(2023, 8, 3), "day"),
        ("2023-07", date(2023, 7, 1), date(2023, 8, 1), "month"),
        ("2023-12", date(2023, 12, 1), date(2024, 1, 1), "month"),
        ("2023-W31", date(2023, 7, 31), date(2023, 8, 7), "week"),
        ("2023-Q4", date(2023, 10, 1), date(2024, 1, 1), "quarter"),
        ("2023-H1", date(2023, 1, 1), date(2023, 7, 1), "half-year"),
        ("2023-SU", date(2023, 6, 1), date(2023, 9, 1), "season"),
        ("2023-WI", date(2023, 12, 1), date(2024, 3, 1), "season"),
        ("2022", date(2022, 1, 1), date(2023, 1, 1), "year"),
        ("199", date(1990, 1, 1), date(2000, 1, 1), "decade"),
        ("19", date(1900, 1, 1), date(2000, 1, 1), "century"),
    ],
)
def test_values_become_the_whole_interval_they_name(
    value: str, start: date, end: date, granularity: str
) -> None:
    got = interval(value)
    assert got is not None
    assert (got.start, got.end, got.granularity) == (start, end, granularity)
    assert got.as_json() == {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "granularity": granularity,
    }


@pytest.mark.parametrize(
    "value",
    [None, "", "P2Y", "PT3H", "PRESENT_REF", "PAST_REF", "XXXX-07", "2023-02-30", "2023-W60"],
)
def test_durations_references_and_impossible_dates_have_no_interval(value: str | None) -> None:
    assert interval(value) is None
