"""Quantities with their scale, unit and relation: "$101.7 million" → 101,700,000 USD.

Why a module of its own: a claim's number is only comparable across articles once scale words
("million", "bn", "k"), written numbers ("twenty six percent") and currency signs are folded in,
and the same reading serves MEASURE claims and counts on objects. Written numbers go through
`text2num`; the rest is a small scanner (sign, number, scale, unit) over the number's own phrase
with the currency and relation tables from ontology/events.yaml.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from spacy.tokens import Token
from text_to_num import text2num

from claimgraph.extract.ontology import Ontology

__all__ = ["Amount", "own_subtree", "parse_amount", "quantity_of"]

NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "dozen": 12,
    "tn": 10**12,
    "trn": 10**12,
}
_NUMBER_WORDS_TEXT = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion trillion"
)
NUMBER_WORDS = frozenset(_NUMBER_WORDS_TEXT.split(" "))
_TOKEN = re.compile(
    r"[A-Z]{1,3}\$|[$€£¥₹₽₴₩]"  # currency signs (US$, C$, HK$ …)
    r"|\d[\d,]*(?:\.\d+)?(?:k|m|mn|bn|b|tn)?\b"  # 1,200 · 3.5 · 2bn · 30k
    r"|\.\d+"
    r"|%"
    r"|[A-Za-z]+(?:\.[A-Za-z]+)*\.?"  # words and U.S.-style abbreviations
    r"|\S",
)
_DIGITS = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)(?P<scale>k|m|mn|bn|b|tn)?\Z")


@dataclass(frozen=True, slots=True)
class Amount:
    """A number read from its phrase: value (scaled), unit (ISO currency, "percent", …)."""

    value: int | float
    unit: str | None
    relation: str


def _as_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def _words_value(words: list[str]) -> tuple[Decimal, int] | None:
    """The longest run of number words at the start of `words` that text2num reads, and its
    length ("a hundred thirty million" → 130000000, 4)."""
    run: list[str] = []
    for w in words:
        lw = w.lower()
        if lw in NUMBER_WORDS or (lw == "and" and run) or (lw in ("a", "an") and not run):
            run.append("one" if lw in ("a", "an") else lw)
        else:
            break
    while run and run[-1] == "and":
        run.pop()
    for n in range(len(run), 0, -1):
        if run[:n] == ["one"] and words[0].lower() in ("a", "an"):
            return None  # "a" alone is an article, not a number
        try:
            return Decimal(text2num(" ".join(run[:n]), "en")), n
        except ValueError:
            continue
    return None


def _code(word: str) -> bool:
    """A currency's ISO code written before its amount ("DKK 2 million")."""
    return len(word) == 3 and word.isupper()


def _half(low: list[str]) -> int:
    """How many words open the list as "half" before a scale word ("a half million", "half a
    million"); 0 when it is no such half."""
    for words in (["a", "half"], ["half", "a"], ["half", "an"], ["half"]):
        n = len(words)
        if low[:n] == words and len(low) > n and low[n] in SCALES and low[n] not in ("m", "b", "k"):
            return n
    return 0


def parse_amount(text: str, onto: Ontology) -> Amount | None:
    """Read the first number in a short phrase ("about $1.2bn", "twenty six percent")."""
    toks = _TOKEN.findall(text.replace("-", " "))
    low = [t.lower() for t in toks]
    currency: str | None = None
    value: Decimal | None = None
    i = 0
    while i < len(toks):
        t = low[i]
        if value is None and t in onto.currencies and (not t.isalpha() or _code(toks[i])):
            currency = onto.currencies[t]
        elif value is None and (m := _DIGITS.match(t)):
            try:
                value = Decimal(m["num"].replace(",", ""))
            except InvalidOperation:
                return None
            if m["scale"]:
                value *= SCALES[m["scale"]]
            i += 1
            break
        elif value is None and (n := _half(low[i:])):  # "a half-million dollars", "half a billion"
            value, i = Decimal("0.5"), i + n
            break
        elif value is None and (t in NUMBER_WORDS or t in ("a", "an")):
            got = _words_value(toks[i:])
            if got is not None:
                value, n = got
                i += n
                if low[i : i + 3] == ["and", "a", "half"]:  # "one and a half million"
                    value, i = value + Decimal("0.5"), i + 3
                break
        i += 1
    if value is None:
        return None
    # scale words after the number ("1.5 million", "2 bn"); "twenty million" was read above
    while i < len(low) and low[i] in SCALES and (low[i] not in ("m", "b") or currency):
        value *= SCALES[low[i]]
        i += 1
    unit = currency
    rest = " ".join(low[i : i + 3])
    if rest.startswith("percentage point"):
        unit = "percentage point"
    elif rest.startswith(("%", "percent", "pct", "per cent")):
        unit = "percent"
    elif unit is None:
        for k in (3, 2, 1):  # "U.S. dollars", "pounds sterling", "rials"
            words = [w.rstrip(".") for w in low[i : i + k]]
            if words and words[-1] in onto.currencies:
                unit = onto.currencies[words[-1]]
                break
    return Amount(_as_number(value), unit, _relation(" " + " ".join(low) + " ", [], onto))


def _relation(low: str, cues: list[str], onto: Ontology) -> str:
    for cue, rel in onto.quantity_relations.items():
        if cue in cues or f" {cue} " in low:
            return rel
    return "="


def _entity(tok: Token) -> tuple[int, int]:
    """Token range of the named-entity span holding `tok` (just the token when it has none)."""
    doc = tok.doc
    start = tok.i
    if tok.ent_iob_ in ("B", "I"):
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def _compound_adjective(t: Token) -> bool:
    """A number joined by a hyphen to a word that is no scale ("one-time", "two-year", "the
    100-share index"; not "$5-a-share")."""
    doc = t.doc
    if t.whitespace_ or t.i + 2 >= len(doc) or doc[t.i + 1].text != "-":
        return False
    nxt = doc[t.i + 2]
    return (
        (t.is_alpha or (t.is_digit and nxt.lower_ not in ("a", "an", "per", "for", "to")))
        and nxt.is_alpha
        and nxt.lower_ not in SCALES
        and nxt.lower_ not in NUMBER_WORDS  # "forty-two"
        and not doc[t.i + 1].whitespace_
    )


def own_subtree(trigger: Token, onto: Ontology) -> list[Token]:
    """The trigger's subtree without relative clauses on other nouns, which tell figures of
    their own ("closed lower, the culmination of a week that saw the DAX lose 4%", "a cottage,
    which Barry said cost 75 pence a fortnight"), nor clauses joined on with a subject of
    their own ("cut its dividend in half and the shares are far below their high of 16.125")."""
    foreign = {
        t.i
        for r in trigger.subtree
        if r.i != trigger.i
        and (
            (r.dep_ == "relcl" and r.head.lemma_.lower() not in onto.measure_nouns)
            or (
                r.dep_ == "conj"
                and r.head.i == trigger.i
                and r.pos_ in ("VERB", "AUX")
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in r.children)
            )
        )
        for t in r.subtree
    }
    return [t for t in trigger.subtree if t.i not in foreign]


def _level_first(trigger: Token, onto: Ontology) -> list[Token]:
    """The trigger's subtree with the numbers of a "to …"/"at …" phrase on the trigger first
    (the level reached, not the change), unless that phrase names a rate's second currency."""
    level: list[Token] = []
    preps = ("to", "at", "of") if trigger.pos_ == "NOUN" else ("to", "at")  # "a gain of $9m"
    closing = [  # "shed 8.5 pence to close at 185 pence": the close
        p
        for c in trigger.children
        if c.dep_ in ("advcl", "xcomp") and c.lemma_ in onto.events["MEASURE"].closing_verbs
        for p in c.children
    ]
    for p in [*trigger.children, *closing]:
        if p.dep_ == "prep" and p.lower_ in preps:
            obj = next((c for c in p.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in onto.currencies:
                level.extend(p.subtree)
    seen = {t.i for t in level}
    # numbers of another clause hung on the trigger come last ("Its stock closed at $29; at
    # that price, the company has a market value of $278 million": the value's is $278m)
    other = {
        t.i
        for c in trigger.children
        if c.dep_ in ("ccomp", "parataxis", "advcl", "csubj") and c.i < trigger.i
        for t in c.subtree
    }
    rest = [t for t in own_subtree(trigger, onto) if t.i not in seen]
    if trigger.lemma_ == "be":  # "X's share of the $5.1 billion market is less than 5%": the
        rest.sort(key=lambda t: t.i < trigger.i)  # predicate states the figure
    return level + [t for t in rest if t.i not in other] + [t for t in rest if t.i in other]


def quantity_of(trigger: Token, onto: Ontology) -> dict | None:
    """The number a claim states under `trigger`: {"value", "unit", "relation", "text"}.

    The value carries its scale; the unit is a currency code, "percent", or else the counted
    noun's lemma ("400 tanks" → tank); a rate against a second currency reads "IRR per USD".
    A move to a level states the level: "rose 33% to $378 million" → 378,000,000 USD.
    """
    for t in _level_first(trigger, onto):
        untyped_level = (  # "to 9,871.3", a level the tagger left without a label
            not t.ent_type_ and t.dep_ == "pobj" and t.head.lower_ in ("to", "at")
        )
        signed = (  # "C$291.6 million" where the tagger took the sign for a name
            not t.ent_type_
            and t.i > 0
            and t.doc[t.i - 1].lower_ in onto.currencies
            and not t.doc[t.i - 1].is_alpha
        )
        if (
            t.ent_type_ not in NUMBER_LABELS and not untyped_level and not signed
        ) or not t.like_num:
            continue
        if _compound_adjective(t):
            continue  # "a one-time charge", "a two-year deal": a kind of thing, not its figure
        start, end = _entity(t)
        doc = t.doc
        while signed and end < len(doc) and doc[end].lower_ in SCALES:
            end += 1
        if start > 0 and doc[start - 1].lower_ in onto.currencies and not doc[start - 1].is_alpha:
            start -= 1  # "$1.625" where the entity left the sign out
        span = doc[start:end]
        amount = parse_amount(span.text, onto)
        if amount is None:
            continue
        # the counted noun ("400 tanks"), past scale words ("2 million barrels")
        unit_tok = t.head if t.dep_ in ("nummod", "compound") else None
        while (
            unit_tok is not None
            and unit_tok.lower_ in SCALES
            and unit_tok.dep_ in ("nummod", "compound")
        ):
            unit_tok = unit_tok.head
        unit = amount.unit
        if unit is None and unit_tok is not None and unit_tok.is_alpha and unit_tok.i > t.i:
            lemma = unit_tok.lemma_.lower()
            unit = onto.currencies.get(lemma, lemma)
        # "500,000 rials to one US dollar" → a rate per unit of the second currency
        if unit is not None and unit == unit.upper() and unit_tok is not None:
            for p in itertools.chain(unit_tok.children, trigger.children):
                if p.dep_ == "prep" and p.lower_ in ("to", "per", "against"):
                    per = next((c for c in p.children if c.dep_ == "pobj"), None)
                    if (
                        per is not None
                        and per.lemma_.lower() in onto.currencies
                        and per.i != unit_tok.i
                        and per not in t.ancestors
                    ):
                        unit = f"{unit} per {onto.currencies[per.lemma_.lower()]}"
        relation = amount.relation
        if relation == "=":
            cues = [trigger.lemma_.lower()] + [c.lower_ for c in t.head.children if c.i < t.i]
            cues += [c.lower_ for c in t.lefts] + [c.lower_ for c in t.children]
            relation = _relation(" ", cues, onto)
        return {"value": amount.value, "unit": unit, "relation": relation, "text": span.text}
    return None
