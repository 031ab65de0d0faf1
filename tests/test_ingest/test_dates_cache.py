"""parse_date caches full ISO dates only; cached and fresh answers are the same."""

from __future__ import annotations

from claimgraph.ingest import dates


def test_cached_iso_dates_equal_dateparser() -> None:
    for value in (
        "2023-08-02",
        "2023-08-02T10:00:00Z",
        "2023-08-02T10:00:00+03:00",
        "2023-08-02 10:00",
        "2023-13-02",
        "2023-02-30",
    ):
        assert dates._ISO_FULL.match(value)
        for require_day in (True, False):
            fresh = dates._parse(value, require_day)
            assert dates.parse_date(value, require_day=require_day) == fresh
            assert dates.parse_date(value, require_day=require_day) == fresh


def test_relative_and_partial_dates_are_not_cached() -> None:
    for value in ("yesterday", "2023", "Aug 2023", "2 days ago", "2023-08-02 extra"):
        assert not dates._ISO_FULL.match(value)
