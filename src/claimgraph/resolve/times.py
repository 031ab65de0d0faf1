"""Temporal tagger: TIMEX3 spans and values (TimeML) for English news text.

Rule-based like HeidelTime, because news time expressions are a closed, regular vocabulary
and values must be resolved against the document creation time (DCT), which no NER model does.
Spans come from the regex table in ontology/time_rules.yaml; spaCy's parse is used only to
filter ambiguous words ("may", "fall", bare numbers) and to read tense for past/future bias.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from spacy.tokens import Doc, Token

from claimgraph.extract.attribution import to_infinitive
from claimgraph.extract.ontology import load_ontology
from claimgraph.extract.records import Mention, TimeSpan
from claimgraph.resolve.time_norm import NORMALISERS
from claimgraph.resolve.time_rules import Context, Rule, Table, load_table

__all__ = [
    "earlier_past",
    "is_dated",
    "normalize",
    "sentence_bounds",
    "sentence_time",
    "tag_text",
    "tag_times",
]

FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
FUTURE_VERBS = {"expect", "plan", "schedule", "intend", "hope", "aim", "set", "go", "due"}
NUMERIC_ENTS = {"MONEY", "PERCENT", "QUANTITY"}
FORWARD_MODALS = {"must", "should", "would", "ought"}
# "could" is also the past of "can" ("could not be located Wednesday"): not forward
POSSIBLE_MODALS = {"may", "might"}
# an event noun so described lies ahead: "the slated visit of X in September"
PLANNED_ADJECTIVES = {
    "slated",
    "planned",
    "scheduled",
    "proposed",
    "upcoming",
    "forthcoming",
    "expected",
    "coming",
    "future",
    "next",
    "intended",
    "prospective",
}
DEADLINE_PREPS = {"by", "until", "till", "before"}
# periods a day may close: "the fiscal year ended Jan. 31"
PERIOD_NOUNS = {"year", "quarter", "period", "month", "week", "half", "season", "term"}
SEASON_CUES = {
    "in",
    "during",
    "by",
    "until",
    "since",
    "this",
    "the",
    "that",
    "last",
    "next",
    "early",
    "late",
    "over",
    "through",
    "throughout",
    "past",
    "coming",
    "before",
    "after",
}


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    order: int
    rule: Rule
    groups: dict[str, str]


def _as_date(dct: datetime | date | str | None) -> date | None:
    if dct is None:
        return None
    if isinstance(dct, datetime):
        return dct.date()
    if isinstance(dct, date):
        return dct
    return date.fromisoformat(str(dct)[:10])


class _DocView:
    """Char-offset access to a spaCy Doc's tokens and sentences (None-safe without a parse)."""

    def __init__(self, doc: Doc | None) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc] if doc is not None else []
        self.sent_starts: list[int] = []
        if doc is not None and doc.has_annotation("SENT_START"):
            self.sent_starts = [s.start_char for s in doc.sents]

    def token_at(self, char: int) -> Token | None:
        if self.doc is None or not self.starts:
            return None
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[max(i, 0)]

    def tokens(self, start: int, end: int) -> list[Token]:
        if self.doc is None:
            return []
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        j = bisect.bisect_left(self.starts, end)
        return [self.doc[k] for k in range(i, max(j, i + 1))]

    def sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sent_starts, char) - 1

    def tense(self, start: int, end: int) -> str | None:
        """past / future / present of the verb governing the span (None without a parse)."""
        toks = self.tokens(start, end)
        if not toks:
            return None
        tok = toks[0]
        noun = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if noun.pos_ == "NOUN" and any(
            c.dep_ in ("amod", "compound") and c.lower_ in PLANNED_ADJECTIVES and c.i < noun.i
            for c in noun.children
        ):
            return "future"  # "the slated visit of the secretary in September"
        if _incident_dated(tok):
            return "past"  # "searching since the Oct. 23 slaying": a killing is not set ahead
        verb = None
        for anc in [tok, *tok.ancestors]:
            if anc.pos_ in ("VERB", "AUX"):
                verb = anc
                break
        if verb is None:
            return self._sentence_tense(tok)
        for aux in [verb, *verb.children, *verb.ancestors]:
            if aux.lower_ in FUTURE_AUX and aux.tag_ == "MD":
                return "future"
        if self._forward(tok, verb):
            return "future"
        if verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
            head = verb.head
            if head.lemma_ in FUTURE_VERBS or head.lower_ in ("going", "due"):
                return "future"
        if (  # "guidelines to be published in November": still to come ("the first to be
            verb.tag_ == "VBN"  # hit in May" is not; "her decision to meet him in June" past)
            and verb.dep_ in ("acl", "relcl")
            and to_infinitive(verb)
            # "ways to get around Wednesday's ruling": the noun's own date
            and not (tok.dep_ in ("compound", "nmod", "poss", "amod") and tok.head.pos_ == "NOUN")
            and not any(
                c.tag_ in ("JJS", "RBS") or c.lower_ in ("first", "last", "only", "next")
                for c in verb.head.children
            )
        ):
            return "future"
        if verb.tag_ in ("VBD",) or any(
            c.tag_ == "VBD" and c.dep_.startswith("aux") for c in verb.children
        ):
            return "past"
        if verb.tag_ == "VBN" and not any(c.tag_ in ("VBZ", "VBP") for c in verb.children):
            return "past"
        return "present"

    def ended(self, start: int, end: int) -> bool:
        """Whether the span is the day a period closed on: "the fiscal year ended Jan. 31", "the
        year that ended June 30" (a past participle or past verb "end" on a period noun)."""
        toks = self.tokens(start, end)
        if not toks:
            return False
        node = toks[0]
        while node.dep_ in ("nummod", "compound", "npadvmod", "pobj", "prep", "appos") and (
            node.head.i != node.i
        ):
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                break
        return (
            node.lemma_.lower() == "end"
            and node.tag_ in ("VBD", "VBN")
            and node.dep_ in ("acl", "relcl")
            and node.head.lemma_.lower() in PERIOD_NOUNS
        )

    @staticmethod
    def _forward(tok: Token, verb: Token) -> bool:
        """Deadlines and arrangements point ahead: "must pay by Friday", "a March 1 deadline",
        "are meeting on Monday" (present progressive with a date), "would sign on Monday"."""
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.tag_ == "VBD" or c.lower_ in ("had", "did", "was", "were") for c in aux):
            return False
        if verb.tag_ in ("VBD", "VBN") and not aux:
            return False
        if any(c.tag_ == "MD" and c.lower_ in FORWARD_MODALS for c in aux):
            return True
        if any(c.tag_ == "MD" and c.lower_ in POSSIBLE_MODALS for c in aux) and not any(
            c.lower_ == "have" for c in aux
        ):  # "the group might come as soon as Tuesday" (not "may have left on Tuesday")
            return True
        # "the group would be ready to leave as soon as Tuesday": the modal of the clause the
        # infinitive completes
        node = verb
        while node.dep_ in ("xcomp", "acomp") and node.head.i != node.i:
            node = node.head
            if any(
                c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in FORWARD_MODALS | FUTURE_AUX
                for c in node.children
            ):
                return True
        if tok.sent.root.tag_ == "VBD" and tok.sent.root.i != verb.i:
            return False  # "shareholders tendering … by the Tuesday deadline, it said": past
        if (
            verb.tag_ in ("VBZ", "VBP")
            and not aux
            and tok.lower_ in load_table().vocab["weekday"]
            and (tok.head.i == verb.i or (tok.dep_ == "pobj" and tok.head.head.i == verb.i))
            and verb.lemma_.lower() not in ("say", "be", "have", "tell", "add")
        ):
            return True  # "the president flies to Paris on Monday": a timetable, ahead
        if (
            verb.tag_ == "VBN"
            and verb.lemma_ in FUTURE_VERBS
            and any(c.tag_ in ("VBZ", "VBP") for c in aux)
        ):
            return True  # "a meeting is planned for November", "the vote is set for Friday"
        head = tok.head
        node = tok  # "until 9 a.m. Tuesday": the preposition above the whole time phrase
        while node.dep_ in ("nummod", "compound", "npadvmod", "appos") and node.head.i != node.i:
            node = node.head
        if node.i != tok.i and node.dep_ == "pobj":
            head = node.head
        if (
            head.dep_ == "prep"
            and head.lower_ in DEADLINE_PREPS
            and (
                verb.tag_ in ("VB", "VBP", "VBZ")
                # "has given the relatives until 9 a.m. Tuesday": a present perfect's deadline
                or (verb.tag_ == "VBN" and any(c.tag_ in ("VBZ", "VBP") for c in aux))
            )
        ):
            return True
        if tok.head.lemma_.lower() == "deadline" or (
            tok.dep_ == "pobj" and head.head.lemma_.lower() == "deadline"
        ):
            return True
        if tok.dep_ in ("compound", "nmod", "npadvmod", "amod", "poss") and head.pos_ == "NOUN":
            return False  # "are questioning witnesses about the March 3 bombings": the noun's date
        return verb.tag_ == "VBG" and any(c.tag_ in ("VBZ", "VBP") for c in aux)

    def _sentence_tense(self, tok: Token) -> str | None:
        sent = tok.sent if self.doc is not None and self.doc.has_annotation("SENT_START") else None
        if sent is None:
            return None
        if any(t.lower_ in FUTURE_AUX and t.tag_ == "MD" for t in sent):
            return "future"
        if any(t.tag_ == "VBD" for t in sent):
            return "past"
        return "present"


def _incident_dated(tok: Token) -> bool:
    """Whether the date modifies an incident noun ("the Oct. 23 slaying", "the March 4
    poisoning"): an attack, killing, crash or disaster the news names is one that happened."""
    if tok.dep_ not in ("compound", "nmod", "npadvmod", "amod", "poss"):
        return False
    noun = tok.head
    while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
        noun = noun.head  # "the March 4 nerve agent poisoning"
    if noun.pos_ != "NOUN":
        return False
    onto = load_ontology()
    event = onto.nouns.get(noun.lemma_.lower()) or onto.nouns.get(noun.lower_)
    return event is not None and onto.events[event].unscheduled


def _check(rule: Rule, groups: dict[str, str], view: _DocView, text: str, s: int, e: int) -> bool:
    """Parse-based filters named in the rule's `check:` list."""
    for check in rule.checks:
        if check == "cap_month" and groups.get("month"):
            m = groups["month"]
            if m.lower().rstrip(".") in ("may", "march", "mar"):
                if not m[0].isupper():
                    return False
                tok = view.token_at(s + (groups.get("_mstart", 0)))
                if tok is not None and tok.tag_ == "MD":
                    return False
                if m.isupper() and len(m) > 3:
                    return False
            if (
                len(m) <= 4
                and not m.endswith(".")
                and m.lower() not in ("may", "june", "july")
                and not (
                    groups.get("day")
                    or groups.get("year")
                    or groups.get("dayw")
                    or groups.get("yy")
                )
            ):
                return False  # "Jan Kavan": a bare abbreviation is a name, not a month
        elif check == "not_number" and not (groups.get("mod") or groups.get("fiscal")):
            after = text[e : e + 12].lower()
            if after.lstrip().startswith(("%", "percent", "per cent")):
                return False
            tok = view.token_at(s)
            if tok is not None:
                if tok.ent_type_ in NUMERIC_ENTS:
                    return False
                nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
                if (
                    nxt is not None
                    and tok.ent_type_ == "CARDINAL"
                    and nxt.pos_ in ("NOUN", "PROPN")
                    and nxt.ent_type_ != "DATE"
                ):
                    return False
                prev = tok.nbor(-1) if tok.i > 0 else None
                if prev is not None and prev.lower_ in (
                    "no.",
                    "#",
                    "number",
                    "flight",
                    "route",
                    "room",
                ):
                    return False
        elif check == "season_needs_anchor" and not (
            groups.get("rel") or groups.get("year") or groups.get("mod") or groups.get("rel2")
        ):
            before = text[max(0, s - 12) : s].split()
            if not before or before[-1].lower() not in SEASON_CUES:
                return False
            tok = view.token_at(s)
            if tok is not None and tok.pos_ not in ("NOUN", "PROPN"):
                return False
        elif check == "ref_context":
            w = (groups.get("refw") or "").lower()
            tok = view.token_at(s)
            if tok is None:
                continue
            if w in ("current", "recent", "future", "present") and tok.pos_ != "ADJ":
                return False
            if (
                w == "future"
                and tok.i + 1 < len(tok.doc)
                and tok.nbor(1).lower_ in ("contracts", "contract", "tense")
            ):
                return False
        elif check == "rate_context" and (groups.get("num") or "").lower() in ("a", "an"):
            prev = text[max(0, s - 15) : s].split()
            tok = view.token_at(s - 2) if s >= 2 else None
            if prev and (
                any(ch.isdigit() for ch in prev[-1])
                or (tok is not None and tok.tag_ in ("NNS", "CD"))
            ):
                return False
        elif check == "set_adjective":
            tok = view.token_at(s)
            w = (groups.get("setword") or "").lower()
            if (
                tok is not None
                and w in ("quarterly", "monthly", "annual", "yearly")
                and tok.i + 1 < len(tok.doc)
                and tok.nbor(1).pos_ == "NOUN"
            ):
                return False
        elif check == "spelled_year_context":
            tok = view.token_at(e - 1)
            nxt = tok.nbor(1) if tok is not None and tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.ent_type_ != "DATE":
                return False
            if (groups.get("yearw") or "").lower().startswith(
                "two thousand"
            ) and "year" not in groups["_text"].lower():
                return False
    return True


def _candidates(table: Table, text: str, view: _DocView) -> list[Candidate]:
    cands: list[Candidate] = []
    for order, rule in enumerate(table.rules):
        for m in rule.regex.finditer(text):
            s, e = m.span()
            if s == e:
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            if "month" in groups:
                groups["_mstart"] = m.start("month") - s  # type: ignore[assignment]
            groups["_text"] = m.group(0)
            if _check(rule, groups, view, text, s, e):
                cands.append(Candidate(s, e, order, rule, groups))
    return cands


def _select(cands: Iterable[Candidate]) -> list[Candidate]:
    """Longest match wins, then the earlier rule; no overlaps (TimeML spans don't nest)."""
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def _tag(text: str, dct: datetime | date | str | None, doc: Doc | None) -> list[TimeSpan]:
    table = load_table()
    view = _DocView(doc)
    chosen = _select(_candidates(table, text, view))
    ctx = Context(
        dct=_as_date(dct),
        tense=view.tense if doc is not None else None,
        ended=view.ended if doc is not None else None,
    )
    if view.sent_starts:
        ctx.sentence_of = view.sentence
        ctx.quarter_sentences = {
            view.sentence(c.start) for c in chosen if "quarter" in c.groups["_text"].lower()
        }
    out: list[TimeSpan] = []
    for c in chosen:
        fn = NORMALISERS[c.rule.norm]
        res = fn(table, c.groups, ctx, c.start, c.end, c.rule.type, c.rule.value)
        if res is None:
            continue
        value, gran, typ, mod = res
        start = c.start
        unit_w = (c.groups.get("unit") or "").lower()
        if (
            c.rule.norm == "duration"
            and text[start : start + 4].lower() == "the "
            and unit_w
            and not unit_w.endswith("s")
        ):
            start += 4  # "the two-year contract": the adjective alone is the timex
        if typ == "DATE" and value[:4].isdigit() and c.rule.norm not in ("ago",):
            ctx.last_year = int(value[:4])
            _remember_day(ctx, value)
        out.append(TimeSpan(start, c.end, text[start : c.end], value, gran, typ, mod))
    return out


def _remember_day(ctx: Context, value: str) -> None:
    """The month and day a story last named, for "the following month/day" after it."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if m is None:
        return
    ctx.last_month = (int(m.group(1)), int(m.group(2)))
    ctx.last_day = date(*map(int, m.groups())) if m.group(3) else None


def tag_times(doc: Doc, dct: datetime | date | None) -> list[TimeSpan]:
    """TIMEX3 spans of a parsed document, values resolved against the DCT (sorted, disjoint)."""
    return _tag(doc.text, dct, doc)


def tag_text(text: str, dct: datetime | date | None) -> list[TimeSpan]:
    """Parse with the shared spaCy pipeline, then tag."""
    from claimgraph.extract.nlp import load_nlp

    return tag_times(load_nlp()(text), dct)


def normalize(text: str, dct: datetime | date | None) -> TimeSpan | None:
    """Value of one expression ("the end of 2022", "two years"): the longest rule match in it.

    No parse is used, so tense-dependent choices fall back to the closest date.
    """
    spans = _tag(text, dct, None)
    if not spans:
        return None
    best = max(spans, key=lambda t: t.end - t.start)
    return TimeSpan(0, len(text), text, best.value, best.granularity, best.type, best.mod)


# ---- a claim's time: which of the article's time expressions dates one event ----------------

# A period ends a sentence unless it closes one of these (or a single initial: "U.S.", "J.").
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "sgt",
    "capt",
    "maj",
    "prof",
    "rev",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "ave",
    "mt",
    "ft",
    "jr",
    "sr",
    "u.s",
}
_SENT_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_REPORT_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|stated|declared|confirmed|disclosed)\s+$",
    re.IGNORECASE,
)
# Pluperfect, habitual or marked past right before the trigger: "had ordered", "had been
# sold", "used to supply", "previously supplied": the event lies before the report, on a day
# the text does not give here.
_EARLIER_PAST = re.compile(
    r"\b(?:had|'d)\s+(?:(?:not|never|already|also|previously|once|long|first|just)\s+)*"
    r"(?:been\s+)?$|\bused\s+to\s+$"
    r"|\b(?:previously|formerly|once)\s+(?:(?:been|was|were|had)\s+)?$",
    re.IGNORECASE,
)
_WHEN_LINK = re.compile(r"^\W*(?:when|as|after|before|while)\b", re.IGNORECASE)
_SENTENCE_OPENING_WORDS = 4


@lru_cache(maxsize=8)
def _sentence_breaks(text: str) -> tuple[list[int], list[int]]:
    """(ends, next starts) of the text's sentences, found once per article (claims ask often)."""
    ends: list[int] = []
    starts: list[int] = []
    for m in _SENT_END.finditer(text):
        if m.group(0).startswith((".", "!", "?")):
            word = re.findall(r"[\w.]+$", text[max(0, m.start() - 12) : m.start()])
            w = word[0].lower() if word else ""
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or w.count(".") >= 1:
                continue
        ends.append(m.start() + (1 if text[m.start()] in ".!?" else 0))
        starts.append(m.end())
    return ends, starts


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): a period after an abbreviation or initial does not
    end it ("Dr. Slepian", "U.S. embassy", "Jan. 1")."""
    ends, starts = _sentence_breaks(text)
    k = bisect.bisect_right(starts, start)  # breaks whose next sentence starts at or before us
    lo = starts[k - 1] if k else 0
    m = bisect.bisect_right(ends, end, lo=k)
    hi = ends[m] if m < len(ends) else len(text)
    return lo, hi


def is_dated(t: TimeSpan) -> bool:
    """A point in time with a known year (not a duration, "PRESENT_REF" or "XXXX-08")."""
    value = str(t.value or "")
    return (
        bool(value)
        and t.type not in ("DURATION", "SET")  # "on a daily basis" (P1D) recurs, dates nothing
        and not value.endswith("_REF")
        and "X" not in value[:4]
    )


def _overlaps(t: TimeSpan, spans: Iterable[Mention]) -> bool:
    return any(t.start < m.end and m.start < t.end for m in spans)


_COMPARED_FROM = re.compile(
    r"\b(?:from|than|versus|vs\.?|compared with|compared to)\s+"
    # the compared figure itself may come first: "up from 443.6 million (shares) Thursday",
    # "compared with a loss of $3 million last year"
    # "from $504.2 million, or $4.41 a share, last year": with its restatement per share
    r"(?:(?:[a-z'’]+\s+){0,3}[^\s\d]{0,3}\d[\d,.]*(?:\s+[a-z%]+){0,2}"
    r"(?:,\s+or\s+[^\s\d]{0,3}\d[\d,.]*(?:\s+[a-z]+){0,2})?"
    # "compared with 1.8353 marks and 141.52 yen Wednesday": a pair of figures
    r"(?:\s+and\s+[^\s\d]{0,3}\d[\d,.]*(?:\s+[a-z%]+){0,2})?,?\s+)?$",
    re.I,
)


def _compared(text: str, t: TimeSpan, trigger: Mention) -> bool:
    """Whether a time after the trigger follows "from/than/compared with" (and the compared
    figure): a baseline's."""
    lo = max(0, t.start - 64)
    found = _COMPARED_FROM.search(text[lo : t.start])
    # the comparison comes after the trigger: "a loss of $3 million last year" is its own
    return t.start > trigger.end and found is not None and lo + found.start() >= trigger.end


def _possessive(text: str, t: TimeSpan) -> bool:
    """A time written as a possessive determiner ("this year's", "Monday's")."""
    end = text[t.end : t.end + 2]
    return text[t.start : t.end].endswith(("'s", "’s")) or end in ("'s", "’s")


def sentence_time(
    text: str,
    times: list[TimeSpan],
    trigger: Mention,
    evidence: Mention,
    report_spans: list[Mention],
    other_spans: list[Mention] | None = None,
) -> tuple[TimeSpan, str] | None:
    """A time stated in the claim's own sentence when the parse tied none to the event.

    Inside the evidence (the event's clause and roles) the expression nearest the trigger
    wins ("attended a rally Thursday"), but only near it when the report itself is dated;
    one right after a reporting verb dates the report.
    Outside it, only a sentence-opening time ("On May 2, 1995, X was …") or one the event's
    clause hangs from ("in 1968, when the army invaded …") scopes over the event.
    """
    lo, hi = sentence_bounds(text, evidence.start, evidence.end)
    here = [t for t in times if lo <= t.start and t.end <= hi and is_dated(t)]
    here = [t for t in here if not _overlaps(t, report_spans)]
    # "Coleco, whose stock peaked in the early 1980s, filed …": a relative clause's own time
    here = [t for t in here if not _overlaps(t, other_spans or [])]
    # "a 13% increase from last year's $1.55 billion": the compared figure's time
    here = [t for t in here if not _compared(text, t, trigger)]
    # "a rally to urge him to run in this year's election": a possessive dates its own noun
    here = [t for t in here if not (trigger.end <= t.start and _possessive(text, t))]
    inside = [t for t in here if evidence.start <= t.start and t.end <= evidence.end]
    # "up 56% from $163 million a year earlier": the comparison's base, not the event's time
    base = load_ontology().baseline_words
    inside = [
        t
        for t in inside
        if not (t.start > trigger.end and t.text.split() and t.text.split()[-1].lower() in base)
    ]
    if report_spans:  # a dated report ("said Friday that …") outranks a time far from the event
        inside = [t for t in inside if _near(text, t, trigger)]
    if inside:
        best = min(inside, key=lambda t: abs(t.start - trigger.start))
        before = text[max(lo, best.start - 20) : best.start]
        return best, "report" if _REPORT_BEFORE.search(before) else "sentence"
    # a nominal event dated by its verb: "attended a rally Thursday", "Monday's attack"
    adjacent = [
        t for t in here if _near(text, t, trigger, words=2) and not _clause_gap(text, t, trigger)
    ]
    if adjacent:
        return min(adjacent, key=lambda t: abs(t.start - trigger.start)), "sentence"
    opening = [
        t
        for t in here
        if t.end <= trigger.start and len(text[lo : t.start].split()) <= _SENTENCE_OPENING_WORDS
    ]
    if opening:
        return opening[-1], "sentence"
    linked = [
        t
        for t in here
        if t.end <= evidence.start
        and _WHEN_LINK.match(text[t.end : evidence.start])
        and len(text[t.end : evidence.start].split()) <= 2
    ]
    if linked:
        return linked[-1], "sentence"
    return None


def _near(text: str, t: TimeSpan, trigger: Mention, words: int = 6) -> bool:
    gap = text[t.end : trigger.start] if t.end <= trigger.start else text[trigger.end : t.start]
    return len(gap.split()) <= words


def _clause_gap(text: str, t: TimeSpan, trigger: Mention) -> bool:
    gap = text[t.end : trigger.start] if t.end <= trigger.start else text[trigger.end : t.start]
    return bool(re.search(r"[,;:()\"“”]|\b(?:that|which|who|when|after|before|since)\b", gap))


def earlier_past(text: str, trigger: Mention, evidence: Mention) -> bool:
    """The clause puts its event before the report ("had ordered", "used to supply")."""
    return bool(_EARLIER_PAST.search(text[evidence.start : trigger.start][-40:]))
