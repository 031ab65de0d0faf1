"""Normalisers: a rule match (named groups) + DCT + discourse context -> TIMEX3 value.

One function per `norm:` name of ontology/time_rules.yaml. Each returns
(value, granularity, type, mod) or None to drop the candidate.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from claimgraph.resolve.time_rules import (
    SEASON_START,
    Context,
    Norm,
    Table,
    add_months,
    add_quarters,
    dated,
    duration_value,
    fmt_week,
    parse_number,
    pick_year,
    quarter_of,
    resolve_weekday,
    safe_date,
    shift_date,
)

Groups = dict[str, str]
Normaliser = Callable[[Table, Groups, Context, int, int, str, str | None], Norm | None]


def _mod(t: Table, g: Groups) -> str | None:
    return t.lookup("mod", g.get("mod")) or t.lookup("approx", g.get("approx"))


def _year(g: Groups, ctx: Context) -> int | None:
    if g.get("year"):
        return int(g["year"])
    if g.get("yearw"):
        return _spelled_year(g["yearw"])
    if g.get("yy"):
        yy = int(g["yy"])
        if ctx.dct is not None:
            century = ctx.dct.year // 100 * 100
            y = century + yy
            return y - 100 if y > ctx.dct.year + 20 else y
        return 1900 + yy
    return None


def _spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    words = text.lower().replace("-", " ").split()
    small = {
        w: i
        for i, w in enumerate(
            [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
            ]
        )
    }
    tens = {
        w: 10 * (i + 2)
        for i, w in enumerate(
            ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        )
    }
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(small.get(w, 0) for w in rest)
    rest = [w for w in words[1:] if w not in ("hundred", "and", "o")]
    return 1900 + sum(small.get(w, tens.get(w, 0)) for w in rest)


def n_date(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """Calendar dates: year, month, day, weekday, season, part of day; missing year from DCT."""
    mod = _mod(t, g)
    year = _year(g, ctx)
    month = int(g["monthn"]) if g.get("monthn") else t.lookup("month", g.get("month"))
    day = int(g["day"]) if g.get("day") else t.lookup("ordinal", g.get("dayw"))
    if g.get("dayw") and (not isinstance(day, int) or (g["dayw"].lower() in ("last", "final"))):
        return None
    wd = t.lookup("weekday", g.get("weekday"))
    rel = g.get("rel")
    relv = t.lookup("rel", rel)
    pod = t.lookup("pod", g.get("pod"))
    if g.get("thisyear") and ctx.dct is not None:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[g["thisyear"].split()[0].lower()]
    if g.get("season"):
        season = t.lookup("season", g["season"])
        if year is None:
            if ctx.dct is None:
                y = f"{ctx.last_year:04d}" if ctx.last_year and relv is None else "XXXX"
                return f"{y}-{season}", "season", "DATE", mod
            year = _season_year(season, ctx, s, e, relv)
        return f"{year}-{season}", "season", "DATE", mod
    if month is not None:
        if year is None:
            year = pick_year(month, day, ctx, s, e, relv)
        if year is None and ctx.dct is None and relv is None:
            year = ctx.last_year  # undated story: "that August" is in the year the text is in
        y = f"{year:04d}" if year is not None else "XXXX"
        if day is not None:
            if year is not None and safe_date(year, month, day) is None:
                return None
            return f"{y}-{month:02d}-{day:02d}", "day", "DATE", mod
        return f"{y}-{month:02d}", "month", "DATE", mod
    if wd is not None:
        d = resolve_weekday(wd, ctx, s, e, rel.lower() if rel else None)
        val = d.isoformat() if d else f"XXXX-WXX-{wd + 1}"
        if pod:
            return f"{val}T{pod}", "day", "TIME", mod
        return val, "day", "DATE", mod
    if year is not None:
        fiscal = (g.get("fiscal") or "").lower()
        if fiscal.startswith("model"):
            return None
        return str(year), "year", "DATE", mod
    return None


def _season_year(season: str, ctx: Context, s: int, e: int, relv: int | None) -> int:
    assert ctx.dct is not None
    dct = ctx.dct
    start = SEASON_START[season]
    # the season's year is the year it starts in; winter starting in December covers Jan/Feb
    cur = dct.year if dct.month >= start or season != "WI" else dct.year - 1
    started = dct.month >= start or (season == "WI" and dct.month < 3)
    if relv == 0:
        return cur
    if relv is None:
        tense = ctx.tense_at(s, e)
        relv = 1 if tense == "future" else -1 if tense == "past" else 0
        if relv == 0:
            return cur
    if relv < 0:
        ended = dct.month >= start + 3 if season != "WI" else 3 <= dct.month < 12
        return cur if (started and ended) else cur - 1
    return cur if not started else cur + 1


def n_quarter(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """Quarters ("the third quarter", "fourth-quarter", "Q2 2023"), year from DCT if absent."""
    q = int(g["ordn"]) if g.get("ordn") else t.lookup("ordinal", g.get("ord"))
    if not isinstance(q, int) or not 1 <= q <= 4:
        return None
    year = _year(g, ctx)
    rel = (g.get("rel") or "").lower()
    if year is None and g.get("yrel") and ctx.dct:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
    text_l = (g.get("_text") or "").lower()
    if year is None and ctx.dct is not None:
        if "next year's" in text_l:
            year = ctx.dct.year + 1
        elif "last year's" in text_l:
            year = ctx.dct.year - 1
        elif "this year's" in text_l:
            year = ctx.dct.year
    if year is None:
        if ctx.dct is None:
            return f"XXXX-Q{q}", "quarter", "DATE", None
        dy, dq = quarter_of(ctx.dct)
        tense = ctx.tense_at(s, e)
        if rel in ("next", "coming") or (tense == "future" and q >= dq):
            year = dy if q >= dq else dy + 1
        else:
            year = dy if q <= dq else dy - 1
        if rel in ("year-earlier", "year-ago", "same", "comparable"):
            year -= 1
    ctx.last_quarter = (year, q)
    return f"{year}-Q{q}", "quarter", "DATE", None


def n_half(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """Halves of a year: H1/H2."""
    h = 1 if (g.get("ord") or "").lower() == "first" else 2
    year = _year(g, ctx)
    if year is None and ctx.dct is not None:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}.get(
            (g.get("yrel") or "this").lower(), 0
        )
    return f"{year if year else 'XXXX'}-H{h}", "half", "DATE", None


def n_anaphor(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """'the quarter', 'the latest period', 'year-earlier': the quarter under discussion."""
    text_l = (g.get("_text") or "").lower()
    if (g.get("unit") or "").lower() == "day":
        if ctx.last_day is None:
            return None  # "the next day" after no day named: nothing to count from
        step = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
        day = ctx.last_day + timedelta(days=step.get((g.get("rel") or "").lower(), 0))
        return day.isoformat(), "day", "DATE", None
    if (g.get("unit") or "").lower() == "year":
        rel = (g.get("rel") or "").lower()
        base = ctx.last_year if ctx.last_year is not None else ctx.dct.year if ctx.dct else None
        if base is None:
            return None
        return (
            str(base + {"following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(rel, 0)),
            "year",
            "DATE",
            None,
        )
    back = any(
        w in text_l
        for w in (
            "year-ago",
            "year-earlier",
            "year ago",
            "year earlier",
            "yearago",
            "comparable",
            "corresponding",
            "same",
            "last year",
            "previous year",
            "prior year",
        )
    )
    if ctx.last_quarter is not None:
        y, q = ctx.last_quarter
        if ctx.dct is not None and any(w in text_l for w in ("latest", "recent")):
            # "the latest quarter" is one already reported, before the report's own quarter
            # (not "fourth-quarter results" a story looks ahead to)
            y, q = min((y, q), add_quarters(*quarter_of(ctx.dct), -1))
    elif ctx.dct is not None and ("quarter" in text_l or g.get("rel")):
        y, q = add_quarters(*quarter_of(ctx.dct), -1)
    elif ctx.dct is not None and back and "period" not in text_l:
        return str(ctx.dct.year - 1), "year", "DATE", None
    else:
        return None
    if back:
        y -= 1
    return f"{y}-Q{q}", "quarter", "DATE", None


def n_relative(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """'last week', 'this year', 'next month', 'the past year', 'year-end': DCT-relative units."""
    mod = _mod(t, g)
    unit = (g.get("unit") or "").lower()
    rel_word = (g.get("rel") or "this").lower()
    relv = t.lookup("rel", rel_word)
    if relv is None:
        relv = 0
    ye = (g.get("ye") or "").lower()
    if ye:
        mod = "END"
        unit = (
            "year"
            if "year" in ye
            else "month"
            if "month" in ye
            else "week"
            if "week" in ye
            else "quarter"
        )
        relv = 0
    dct = ctx.dct
    if dct is None:
        return (
            {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX"}.get(
                unit.split()[-1], "XXXX"
            ),
            unit,
            "DATE",
            mod,
        )
    if unit == "week":
        return fmt_week(dct + timedelta(weeks=relv)), "week", "DATE", mod
    if unit == "weekend":
        d = dct + timedelta(weeks=relv)
        if relv == 0 and dct.weekday() < 4 and ctx.tense_at(s, e) == "past":
            d -= timedelta(weeks=1)
        return fmt_week(d) + "-WE", "week", "DATE", mod
    if unit == "month":
        if rel_word in ("following", "preceding", "prior") and ctx.last_month is not None:
            y, m = add_months(*ctx.last_month, relv)  # "In March … The following month"
            return f"{y}-{m:02d}", "month", "DATE", mod
        y, m = add_months(dct.year, dct.month, relv)
        return f"{y}-{m:02d}", "month", "DATE", mod
    if unit == "quarter":
        y, q = add_quarters(*quarter_of(dct), relv)
        ctx.last_quarter = (y, q)
        return f"{y}-Q{q}", "quarter", "DATE", mod
    if unit in ("year", "fiscal year", "school year"):
        if rel_word in ("following", "preceding", "prior") and ctx.last_year is not None:
            return str(ctx.last_year + relv), "year", "DATE", mod
        return str(dct.year + relv), "year", "DATE", mod
    if unit == "decade":
        if rel_word == "past":
            return "P10Y", "duration", "DURATION", mod
        return str(dct.year // 10 + relv), "decade", "DATE", mod
    if unit == "century":
        return f"{dct.year // 100 + max(relv, 0):02d}", "century", "DATE", mod
    return None


def n_offset(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """today / yesterday / tomorrow / tonight / this morning / last night."""
    pod = t.lookup("pod", g.get("pod"))
    word = (g.get("offset") or g.get("offsetword") or "").lower()
    if g.get("dbl"):
        n = -2 if "before" in g["dbl"].lower() else 2
    elif word == "last":
        n = -1
    elif word == "this" or not word and pod:
        n = 0
    else:
        n = t.lookup("offset", word)
        if n is None:
            return None
    if word == "tonight":
        pod = "NI"
    d = ctx.dct + timedelta(days=n) if ctx.dct else None
    val = d.isoformat() if d else "XXXX-XX-XX"
    if pod:
        return f"{val}T{pod}", "day", "TIME", _mod(t, g)
    return val, "day", "DATE", _mod(t, g)


def n_clock(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """Clock times: '3:30 p.m.', 'noon', '10 a.m. Tuesday' anchored to the DCT or named day."""
    word = (g.get("clockword") or "").lower()
    if word:
        hh, mm = (24, 0) if word == "midnight" else (12, 0)
    else:
        h = g.get("clock_h") or ""
        hv = int(h) if h.isdigit() else parse_number(t, h)
        if not isinstance(hv, int | float):
            return None
        hh, mm = int(hv), int(g.get("clock_m") or 0)
        ampm = (g.get("ampm") or "").lower()
        pod = t.lookup("pod", g.get("pod"))
        if ampm.startswith("p") or pod in ("AF", "EV", "NI") and hh < 12:
            hh = hh % 12 + 12
        elif ampm.startswith("a") and hh == 12:
            hh = 0
        if hh > 24:
            return None
    d = None
    if g.get("weekday"):
        d = resolve_weekday(t.lookup("weekday", g["weekday"]), ctx, s, e, None)
    elif g.get("offset") and ctx.dct:
        d = ctx.dct + timedelta(days=t.lookup("offset", g["offset"]))
    elif g.get("month") and g.get("day"):
        month = t.lookup("month", g["month"])
        year = pick_year(month, int(g["day"]), ctx, s, e, None)
        d = safe_date(year, month, int(g["day"])) if year else None
    elif ctx.dct:
        d = ctx.dct
    day = d.isoformat() if d else "XXXX-XX-XX"
    return f"{day}T{hh:02d}:{mm:02d}", "minute", "TIME", t.lookup("approx", g.get("approx"))


def n_duration(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """'two years', 'the past three weeks', 'a decade', '52-week', 'years' (for years)."""
    unit = t.lookup("unit", g.get("unit"))
    if unit is None:
        return None
    num = g.get("num")
    n = "X" if fixed == "X" or num is None else parse_number(t, num)
    if n is None:
        return None
    if unit == "Q" and "-quarters" in (g.get("_text") or "").lower():
        return None  # "three-quarters of": a fraction
    if unit == "S" and (num or "").lower() in ("a", "an", "one"):
        return None  # "a second term": ordinal, not a duration
    if isinstance(n, float) and (n <= 0 or n > 10000):
        return None
    return duration_value(n, unit), "duration", "DURATION", t.lookup("approx", g.get("approx"))


def n_ago(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """'two years ago', 'a week earlier', 'three days later': DCT shifted by the duration."""
    unit = t.lookup("unit", g.get("unit"))
    n = parse_number(t, g.get("num"))
    sign = t.lookup("ago", g.get("ago"))
    mod = t.lookup("approx", g.get("approx"))
    if unit is None or n is None or sign is None:
        return None
    if n == "X" or ctx.dct is None:
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "ref", "DATE", mod
    assert isinstance(n, float)
    if unit in ("H", "TM", "S"):
        return None
    k = int(n) * sign
    if unit == "Y" and int(n) == 1 and ctx.last_quarter and sign < 0:
        # earnings reports compare with the same quarter a year before
        y, q = ctx.last_quarter
        return f"{y - 1}-Q{q}", "quarter", "DATE", mod
    d = shift_date(ctx.dct, k, unit)
    if d is None:  # before year 1 or after 9999: only the direction is known
        return ("PAST_REF" if sign < 0 else "FUTURE_REF"), "ref", "DATE", mod
    value, gran = dated(d, unit)
    return value, gran, "DATE", mod


def n_decade(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """'the 1990s' -> 199, "the '80s" -> 198 (century from the DCT)."""
    mod = _mod(t, g)
    if g.get("dec"):
        return g["dec"], "decade", "DATE", mod
    century = (ctx.dct.year // 100) if ctx.dct else 19
    if g.get("dec2"):
        d = int(g["dec2"])
        c = century if ctx.dct is None or century * 10 + d <= ctx.dct.year // 10 else century - 1
        return f"{c}{d}", "decade", "DATE", mod
    words = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ]
    d = words.index((g.get("decw") or "").lower()) + 2
    c = century if ctx.dct is None or century * 10 + d <= ctx.dct.year // 10 else century - 1
    return f"{c}{d}", "decade", "DATE", mod


def n_century(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """'the 20th century' -> 19."""
    o = g.get("ord") or ""
    n = int(o[:-2]) if o[:-2].isdigit() else t.lookup("ordinal", o)
    if not isinstance(n, int) or not 1 <= n <= 21:
        return None
    return f"{n - 1:02d}", "century", "DATE", _mod(t, g)


def n_ref(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """now / currently / recently / the future / recent months (PRESENT_REF, PAST_REF …)."""
    if fixed:
        return fixed, "ref", "DATE", None
    if g.get("rw"):
        w = g["rw"].lower()
        return ("FUTURE_REF" if w == "coming" else "PAST_REF"), "ref", "DATE", None
    v = t.lookup("ref", g.get("refw"))
    return (v, "ref", "DATE", None) if v else None


def n_set(
    t: Table, g: Groups, ctx: Context, s: int, e: int, typ: str, fixed: str | None
) -> Norm | None:
    """'every week', 'weekly', 'twice a year', 'every Monday'."""
    if fixed:
        return fixed, "set", "SET", None
    if g.get("setword"):
        return t.lookup("setword", g["setword"]), "set", "SET", None
    unit_w = (g.get("unit") or "").lower()
    wd = t.lookup("weekday", unit_w)
    if wd is not None:
        return f"XXXX-WXX-{wd + 1}", "set", "SET", None
    pod = t.lookup("pod", unit_w)
    if pod:
        return f"XXXX-XX-XXT{pod}", "set", "SET", None
    if unit_w == "weekend":
        return "XXXX-WXX-WE", "set", "SET", None
    unit = t.lookup("unit", unit_w)
    if unit is None:
        return None
    num = (g.get("num") or "").lower()
    n: float | str = 1.0
    if num == "other":
        n = 2.0
    elif num:
        n = parse_number(t, num) or 1.0
    return duration_value(n, unit), "set", "SET", None


NORMALISERS: dict[str, Normaliser] = {
    "date": n_date,
    "quarter": n_quarter,
    "half": n_half,
    "anaphor": n_anaphor,
    "relative": n_relative,
    "offset": n_offset,
    "clock": n_clock,
    "duration": n_duration,
    "ago": n_ago,
    "decade": n_decade,
    "century": n_century,
    "ref": n_ref,
    "set": n_set,
}
