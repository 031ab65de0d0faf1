"""Rule table loading and TIMEX3 value arithmetic for the temporal tagger.

The patterns and word lists live in ontology/time_rules.yaml (data, not code) so that new
expressions can be added without touching the normalisers here; this module compiles the table
and turns a rule match plus the document creation time (DCT) into a TIMEX3 value.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import regex

from claimgraph.ontology import load_yaml

Norm = tuple[str, str, str, str | None]  # value, granularity, type, mod

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
UNIT_GRAN = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "H": "hour"}


@dataclass(slots=True)
class Rule:
    name: str
    regex: Any
    norm: str
    type: str
    value: str | None
    checks: tuple[str, ...]


@dataclass(slots=True)
class Table:
    vocab: dict[str, dict[str, Any]]
    rules: list[Rule]

    def lookup(self, kind: str, word: str | None) -> Any:
        """Vocabulary value for a matched word (case/space/period-insensitive)."""
        if word is None:
            return None
        key = regex.sub(r"\s+", " ", word.lower()).strip().rstrip(".")
        return self.vocab[kind].get(key)


def _alternation(words: list[str]) -> str:
    parts = []
    for w in sorted(words, key=len, reverse=True):
        esc = regex.escape(w).replace(r"\ ", " ")
        parts.append(esc.replace(" ", r"\s+"))
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def load_table() -> Table:
    """Compile ontology/time_rules.yaml once per process."""
    raw = load_yaml("time_rules.yaml")
    vocab = {k: {str(w).lower(): v for w, v in d.items()} for k, d in raw["vocab"].items()}
    frags = {k: _alternation(list(d)) for k, d in vocab.items()}
    ref = regex.compile(r"\{([A-Za-z_]+)\}")

    def expand(pat: str) -> str:
        for _ in range(10):
            new = ref.sub(lambda m: frags.get(m.group(1), m.group(0)), pat)
            if new == pat:
                break
            pat = new
        return pat

    for name, pat in raw.get("macros", {}).items():
        frags[name] = expand(pat)
    rules = []
    for r in raw["rules"]:
        pat = r"(?<![\w$£€])(?:" + expand(r["pattern"]) + r")(?![\w])"
        rules.append(
            Rule(
                name=r["name"],
                regex=regex.compile(pat, regex.IGNORECASE | regex.V0),
                norm=r["norm"],
                type=r.get("type", "DATE"),
                value=r.get("value"),
                checks=tuple(r.get("check", ())),
            )
        )
    return Table(vocab=vocab, rules=rules)


# ---- calendar helpers --------------------------------------------------------------------


def fmt_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + n
    return t // 12, t % 12 + 1


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    t = y * 4 + (q - 1) + n
    return t // 4, t % 4 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def shift_date(d: date, n: int, unit: str) -> date | None:
    """dct +/- n units, clamping the day for month/year arithmetic; None outside the years
    1-9999 a date can hold ("built more than 4,500 years ago")."""
    try:
        if unit in ("D",):
            return d + timedelta(days=n)
        if unit == "W":
            return d + timedelta(weeks=n)
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
        y, m = add_months(d.year, d.month, months)
        return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    except (ValueError, OverflowError):
        return None


@dataclass(slots=True)
class Context:
    """What the normalisers know: the DCT, a tense oracle, and the discourse so far."""

    dct: date | None
    tense: Any = None  # callable(start, end) -> "past" | "future" | "present" | None
    last_quarter: tuple[int, int] | None = None
    last_year: int | None = None
    last_month: tuple[int, int] | None = None  # the month the story last named
    last_day: date | None = None  # the day the story last named
    quarter_sentences: set[int] = field(default_factory=set)
    sentence_of: Any = None  # callable(start) -> sentence index
    ended: Any = None  # callable(start, end) -> whether the day closes a period ("year ended")

    def tense_at(self, start: int, end: int) -> str | None:
        return self.tense(start, end) if self.tense else None

    def ended_at(self, start: int, end: int) -> bool:
        return bool(self.ended(start, end)) if self.ended else False


def pick_year(
    month: int, day: int | None, ctx: Context, start: int, end: int, rel: int | None
) -> int | None:
    """Year of a month(/day) named without one: news past-bias unless future tense or "next"."""
    if ctx.dct is None:
        return None
    dct = ctx.dct
    here = (month, day or 1)
    now = (dct.month, dct.day if day else 1)
    if rel == 0:
        return dct.year
    direction = rel
    if direction is None and ctx.ended_at(start, end):
        direction = -1  # "in the fiscal year ended Jan. 31": a period already closed
    told_past = False
    if direction is None and day is not None and ctx.tense_at(start, end) != "future":
        direction = None  # a dated day without a year: the nearest one, whatever the tense
        told_past = ctx.tense_at(start, end) == "past"  # … but not months ahead of a past act
    elif direction is None:
        tense = ctx.tense_at(start, end)
        direction = 1 if tense == "future" else -1 if tense == "past" else None
    if direction == 1:
        return dct.year if here >= now else dct.year + 1
    if direction == -1:
        return dct.year if here <= now else dct.year - 1
    # unknown tense: closest occurrence
    best = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        cand = safe_date(y, month, min(day or 15, 28))
        if cand is None:
            continue
        dist = abs((cand - dct).days)
        if told_past and (cand - dct).days > 120:
            continue  # "was expelled on Feb. 20", written in October: last February (a past
            # act dated months ahead; within a season, a dated day may be a deadline it set)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else dct.year


def resolve_weekday(wd: int, ctx: Context, start: int, end: int, rel: str | None) -> date | None:
    """The weekday nearest the DCT in the reported direction (same weekday = the DCT itself)."""
    if ctx.dct is None:
        return None
    dct = ctx.dct
    back = (dct.weekday() - wd) % 7
    fwd = (wd - dct.weekday()) % 7
    if rel in ("last", "the previous", "this past"):
        return dct - timedelta(days=back or 7)
    if rel in ("next", "the following"):
        return dct + timedelta(days=fwd or 7)
    if back == 0:
        return dct
    if rel == "this" or ctx.tense_at(start, end) == "future":
        return dct + timedelta(days=fwd)
    return dct - timedelta(days=back)


def parse_number(table: Table, text: str | None) -> float | str | None:
    """'3', '1,000', 'two', 'twenty-five', '2 1/2', 'a few' -> number or 'X'."""
    if text is None:
        return None
    t = regex.sub(r"\s+", " ", text.lower().strip())
    half = 0.0
    for suffix in (" and a half", " 1/2", "-1/2"):
        if t.endswith(suffix):
            t, half = t[: -len(suffix)], 0.5
    if regex.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    v = table.lookup("number", t)
    if v is not None:
        return v if v == "X" else float(v) + half
    m = regex.fullmatch(r"(\w+)[- ](\w+)", t)
    if m:
        a, b = table.lookup("number", m.group(1)), table.lookup("number", m.group(2))
        if isinstance(a, int | float) and isinstance(b, int | float):
            return float(a) + float(b) + half
    return None


def duration_value(n: float | str, unit: str) -> str:
    """P2Y, PT3H, P2Y6M, PXM …; decades and centuries become years (P10Y)."""
    if n == "X":
        return {"H": "PTXH", "TM": "PTXM", "S": "PTXS"}.get(unit, f"PX{unit}")
    assert isinstance(n, float)
    if unit in ("DE", "CE"):
        n, unit = n * (10 if unit == "DE" else 100), "Y"
    whole = int(n)
    frac = n - whole
    prefix = "PT" if unit in ("H", "TM", "S") else "P"
    u = {"TM": "M"}.get(unit, unit)
    val = f"{prefix}{whole}{u}" if whole else prefix
    if frac:
        sub = {"Y": (12, "M"), "H": (60, "M"), "D": (24, "H"), "TM": (60, "S")}.get(unit)
        if sub is None:
            return f"{prefix}{n:g}{u}"
        if unit == "D":
            return f"P{whole}DT{int(frac * sub[0])}H" if whole else f"PT{int(frac * sub[0])}H"
        val += f"{int(frac * sub[0])}{sub[1]}"
    return val


def dated(d: date, unit: str) -> tuple[str, str]:
    """A date at the granularity of the unit it was computed with."""
    if unit in ("Y",):
        return str(d.year), "year"
    if unit == "DE":
        return str(d.year), "year"
    if unit == "CE":
        return f"{d.year // 100:02d}", "century"
    if unit == "Q":
        y, q = quarter_of(d)
        return f"{y}-Q{q}", "quarter"
    if unit == "M":
        return f"{d.year}-{d.month:02d}", "month"
    if unit == "W":
        return fmt_week(d), "week"
    return d.isoformat(), "day"
