"""Where a normalized time value sits on a calendar, at the granularity it was stated with.

TimeML values carry their own precision ("2023" a year, "2023-07" a month, "2023-W31" a week,
"2023-Q3" a quarter, "2023-SU" a season, "202" a decade); the timeline draws each as the whole
interval it names, so a month-level claim is a month-wide bar, never a guessed day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(XX)?$")
# Meteorological seasons (northern hemisphere): first month and length in months.
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "AU": (9, 3), "WI": (12, 3)}


@dataclass(frozen=True)
class Interval:
    """[start, end) in calendar days, and the precision the text gave."""

    start: date
    end: date
    granularity: str

    def as_json(self) -> dict[str, str]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
        }


def _add_months(year: int, month: int, n: int) -> date:
    k = year * 12 + (month - 1) + n
    return date(k // 12, k % 12 + 1, 1)


def interval(value: str | None) -> Interval | None:
    """The calendar interval a TimeML value names; None for durations, sets and references
    ("P2Y", "PRESENT_REF") and anything that is not a date."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return Interval(d, d + timedelta(days=1), "day")
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return Interval(date(y, mo, 1), _add_months(y, mo, 1), "month")
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return Interval(monday, monday + timedelta(days=7), "week")
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return Interval(date(y, 3 * q - 2, 1), _add_months(y, 3 * q - 2, 3), "quarter")
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return Interval(date(y, 6 * h - 5, 1), _add_months(y, 6 * h - 5, 6), "half-year")
        if m := _SEASON.match(value):
            first, months = _SEASONS[m[2]]
            y = int(m[1])
            return Interval(date(y, first, 1), _add_months(y, first, months), "season")
        if m := _YEAR.match(value):
            y = int(m[1])
            return Interval(date(y, 1, 1), date(y + 1, 1, 1), "year")
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return Interval(date(max(y, 1), 1, 1), date(y + 10, 1, 1), "decade")
        if m := _CENTURY.match(value):
            y = int(m[1]) * 100
            return Interval(date(max(y, 1), 1, 1), date(y + 100, 1, 1), "century")
    except ValueError:  # "2023-02-30", week 54: not a calendar date
        return None
    return None
