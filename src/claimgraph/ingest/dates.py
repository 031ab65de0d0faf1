"""Publication dates from datelines and metadata strings.

Shapes read: a bare dateline line ("13:30 02 Aug 2023", ISO dates), a wire-story lead
("CITY, Month D (Agency) -", "Month D (Agency) -", "CITY (Agency) -"), and partial metadata
dates ("2021", "Aug 2021") that keep their granularity instead of gaining a made-up day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
    """Parse a date/time string; keep its timezone if it names one, else naive as given.

    A year or month alone ("2021", "Aug 2021") becomes the first day of that period (never a
    day borrowed from today); `date_granularity` says which parts the string really named.
    """
    value = value.strip()
    if not value:
        return None
    if _ISO_FULL.match(value):
        return _parse_cached(value, require_day)
    partial = _partial(value)
    if partial is not None:
        return None if require_day else partial[0]
    return _parse(value, require_day)


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a wire-story lead says: the date (if any), how precise it is, place and agency."""

    published: datetime | None
    granularity: str | None
    place: str | None
    agency: str | None


_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MONTH_RE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_YEAR_ONLY = re.compile(r"(?P<year>1[89]\d\d|2\d\d\d)\Z")
_YEAR_MONTH = re.compile(
    r"(?:(?P<year>1[89]\d\d|2\d\d\d)-(?P<mnum>0?[1-9]|1[0-2])"
    rf"|(?P<month>{_MONTH_RE}),?\s+(?P<year2>1[89]\d\d|2\d\d\d))\Z",
    re.IGNORECASE,
)
# "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) --", "Sept. 26 (UPI) —", "RIDGE FARM, Ill. (AP) —",
# "LONDON, 2 March 2021 (Reuters) -": the place, an optional date, the agency, then a dash.
_LEAD = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’ -]{1,40}[A-Za-z.](?:,\s*[A-Z][A-Za-z.'’ ]{0,30}?)?)?,?\s*"
    r"(?P<date>(?:(?P<month>" + _MONTH_RE + r")\s+(?P<day>[0-3]?\d)"
    r"|(?P<day2>[0-3]?\d)\s+(?P<month2>" + _MONTH_RE + r"))"
    r"(?:,?\s+(?P<year>1[89]\d\d|2\d\d\d))?)?\s*"
    r"\((?P<agency>[A-Z][\w.&' -]{0,30})\)\s*(?:[-–—_]{1,2}|:)\s*"
)
# "SOFIA 1996-08-22 One passenger was killed …", "AKRON, Ohio 1996-08-23 …": a capitalised
# place and an ISO day with no dash (wire copy as some archives keep it), near the story's
# start, after a headline and a byline when the archive ran them into one line
PLACE_ISO = re.compile(
    r"(?<![\w-])(?P<place>[A-Z][A-Z.'’-]{2,}(?: [A-Z][A-Z.'’-]+){0,3}(?:\s?,\s*[A-Z][A-Za-z.'’ ]{1,30}?)?)"
    r"\s+(?P<iso>\d{4}-\d{2}-\d{2})\s+(?=[A-Z0-9“\"'])"
)
PLACE_ISO_REACH = 300  # characters from the paragraph's start a dateline may sit at
_ISO_LEAD = re.compile(
    r"(?P<iso>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s*[-–—|:]\s+"
)
_YEAR_IN_TEXT = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def date_granularity(value: str) -> str:
    """ "year", "month" or "day": how much of a date the string names (for metadata fields)."""
    value = value.strip()
    if _YEAR_ONLY.match(value):
        return "year"
    if _YEAR_MONTH.match(value):
        return "month"
    return "day"


def _partial(value: str) -> tuple[datetime, str] | None:
    """A year or a month with its year: the first day of that period and its granularity."""
    if m := _YEAR_ONLY.match(value):
        return datetime(int(m["year"]), 1, 1), "year"
    if m := _YEAR_MONTH.match(value):
        if m["year"]:
            return datetime(int(m["year"]), int(m["mnum"]), 1), "month"
        month = _MONTHS.get(m["month"].lower().rstrip(".")[:4]) or _MONTHS.get(
            m["month"].lower().rstrip(".")[:3]
        )
        if month:
            return datetime(int(m["year2"]), month, 1), "month"
    return None


def parse_lead_dateline(
    para: str, *, year: int | None = None, context: str = ""
) -> Dateline | None:
    """The dateline at the start of a story paragraph, or None when it has none.

    A lead without a year ("Oct. 3 (Xinhua) --") takes `year` (from metadata) or else the
    latest plausible year named in `context` (title and first paragraph); with neither, the
    date is left unset rather than guessed.
    """
    if m := _ISO_LEAD.match(para):
        dt = parse_date(m["iso"])
        return Dateline(dt, "day" if dt else None, None, None) if dt else None
    m = _LEAD.match(para)
    if m is None or not (m["place"] or m["date"]):
        placed = PLACE_ISO.search(para[:PLACE_ISO_REACH])
        dt = parse_date(placed["iso"]) if placed is not None else None
        if placed is None or dt is None:
            return None
        return Dateline(dt, "day", placed["place"].strip(" ,"), None)
    place = m["place"].strip(" ,") if m["place"] else None
    if not m["date"]:
        return Dateline(None, None, place, m["agency"].strip())
    month_word = (m["month"] or m["month2"]).lower().rstrip(".")
    month = _MONTHS.get(month_word) or _MONTHS.get(month_word[:4]) or _MONTHS.get(month_word[:3])
    day = int(m["day"] or m["day2"])
    y = int(m["year"]) if m["year"] else year
    if y is None:
        now = datetime.now().year
        found = [int(x) for x in _YEAR_IN_TEXT.findall(context or para) if int(x) <= now]
        y = max(found) if found else None
    published = None
    if y is not None and month:
        try:
            published = datetime(y, month, day)
        except ValueError:
            published = None
    return Dateline(published, "day" if published else None, place, m["agency"].strip())


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
