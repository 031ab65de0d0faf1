"""Publication dates from datelines and metadata strings."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache

import dateparser

# A dateline is short and mostly digits, month names and separators ("13:30 02 Aug 2023").
_DATELINE_MAX = 60
_WORDY = re.compile(r"[A-Za-z]{3,}")
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
    "DATE_ORDER": "DMY",
}


def _plain_tz(dt: datetime) -> datetime:
    """Swap dateparser/pytz tzinfo objects for a fixed-offset `timezone` (portable, storable)."""
    if dt.tzinfo is None:
        return dt
    offset = dt.utcoffset() or timedelta(0)
    return dt.replace(tzinfo=timezone(offset))


def parse_date(value: str, *, require_day: bool = True) -> datetime | None:
    """Parse a date/time string; keep its timezone if it names one, else naive as given."""
    value = value.strip()
    if not value:
        return None
    if _ISO_FULL.match(value):
        return _parse_cached(value, require_day)
    return _parse(value, require_day)


# A full ISO date (with optional time and offset) names every part, so dateparser's answer for
# it does not depend on today's date and can be cached (feeds repeat dates; dateparser costs
# ms per call). Relative or partial dates ("yesterday", "2023") are always parsed afresh.
_ISO_FULL = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?(?:Z|[+-]\d{2}:?\d{2})?\Z"
)


@lru_cache(maxsize=4096)
def _parse_cached(value: str, require_day: bool) -> datetime | None:
    return _parse(value, require_day)


def _parse(value: str, require_day: bool) -> datetime | None:
    settings = dict(_SETTINGS)
    if not require_day:
        settings.pop("REQUIRE_PARTS")
    try:
        dt = dateparser.parse(value, settings=settings)
    except (ValueError, OverflowError):
        return None
    return _plain_tz(dt) if dt else None


def parse_dateline(line: str) -> datetime | None:
    """Return the datetime if `line` is a bare dateline, else None (titles are not dates)."""
    line = line.strip()
    if not line or len(line) > _DATELINE_MAX or not any(c.isdigit() for c in line):
        return None
    # More than three words that are not month/day names means it is prose, not a dateline.
    words = [w for w in _WORDY.findall(line) if not _is_calendar_word(w)]
    if len(words) > 3:
        return None
    return parse_date(line)


_CALENDAR = {
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "gmt",
    "utc",
    "msk",
    "est",
    "edt",
    "pst",
    "pdt",
    "cet",
    "cest",
    "bst",
}


def _is_calendar_word(word: str) -> bool:
    w = word.lower()
    return w[:3] in _CALENDAR or w in _CALENDAR or w.endswith("day")
