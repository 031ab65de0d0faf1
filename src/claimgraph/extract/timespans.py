"""Which temporal expressions belong to a clause: the dates an event's own verb carries, not
those of another clause or of the figure a sentence compares with."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.extract.ontology import Ontology, load_ontology
from claimgraph.extract.quantities import NUMBER_LABELS
from claimgraph.extract.records import Mention


def ent_span(tok: Token) -> Span | None:
    """The named entity around `tok`, found from its IOB tags (no scan of doc.ents)."""
    if tok.ent_iob_ == "O" or not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _figure(tok: Token) -> bool:
    # a figure the tagger left untagged counts too ("from C$252 million in 1988")
    return tok.ent_type_ in NUMBER_LABELS or (
        tok.like_num and tok.ent_type_ not in ("DATE", "TIME")
    )


def _baseline(t: Token, onto: Ontology) -> bool:
    """A time that dates the figure a sentence compares with ("up 15% from 4 pence a year
    earlier", "from $39.5 million a year ago", "a 74% increase from a year earlier"), not the
    event."""
    sent = t.sent
    compares = [
        p
        for p in sent
        if p.lower_ in onto.comparison_preps
        and (
            any(_figure(k) for k in p.subtree)  # "from $39.5 million", "from 886 million shares"
            or (  # "a 74% increase from a year earlier": the move's figure comes before
                p.lower_ == "from"
                and any(k.ent_type_ in ("PERCENT", "MONEY") for k in p.head.subtree if k.i < p.i)
            )
        )
    ]
    if not compares:
        return False
    ent = ent_span(t)
    words = {w.lower_ for w in ent} if ent is not None else {t.lower_}
    start = ent.start if ent is not None else t.i
    for p in compares:  # "at $1.5765 compared with $1.6145 Wednesday": right after it
        after = p.right_edge.i + 1
        while after < start and sent.doc[after].text == ",":
            after += 1
        if after == start:
            return True
    return bool(words & onto.baseline_words) or any(a in compares for a in t.ancestors)


_WHEN_PREPS = {"at", "on", "in", "during", "before", "after", "until", "by", "following"}


def _when_of(noun: Token, tok: Token) -> bool:
    """ "will receive $3,500 at closing, which is expected in December": a noun the event is
    timed by, whose clause dates the event too."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _WHEN_PREPS and noun.head.head.i == tok.i


_REASON_MARKS = {"because", "although", "though", "if", "unless", "whereas", "since"}


def _reason_clause(node: Token) -> bool:
    """A clause giving a reason or a condition ("because the bank may not meet criteria
    effective Dec. 7"): its dates are its own, not the main clause's."""
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _REASON_MARKS for c in node.children
    )


def times_elsewhere(tok: Token, start: int, end: int) -> list[Mention]:
    """DATE/TIME entities between token offsets `start`..`end` that a relative clause or a
    clause of reason inside them dates ("Coleco, whose stock peaked in the early 1980s, filed
    …", "plummeted because it may not meet criteria effective Dec. 7"): another event's."""
    out = []
    for t in tok.doc[start:end]:
        if t.ent_type_ not in ("DATE", "TIME") or t.ent_iob_ != "B":
            continue
        if _second_clause(t, tok):
            ent = ent_span(t)
            out.append(Mention(ent.start_char, ent.end_char, ent.text))
            continue
        node = t
        while (
            node.head.i != node.i
            and node.i != tok.i
            and node.dep_ not in ("relcl", "acl")
            and not _reason_clause(node)
            and not _fronted_participle(node)
        ):
            node = node.head
        if node.i == tok.i or tok in node.subtree:
            continue
        if (
            (
                node.dep_ in ("relcl", "acl")
                and node.pos_ in ("VERB", "AUX")
                and node.head.i != tok.i  # "the attack carried out on Monday": the attack's own
                and not _when_of(node.head, tok)
            )
            or _reason_clause(node)
            or _fronted_participle(node)
        ):
            ent = ent_span(t)
            out.append(Mention(ent.start_char, ent.end_char, ent.text))
    return out


_OWN_COMPLEMENTS = {"dobj", "attr", "acomp", "oprd", "dative", "ccomp", "xcomp"}


def _second_clause(date: Token, tok: Token) -> bool:
    """ "Rebels captured the town but promised a withdrawal next month": a date in a clause
    coordinated after the event's, when each verb has its own complement and the second is
    set apart (by "but", its own subject or another tense: "will sell X, and took a loss in
    the third quarter"), is the second clause's; not when they share one ("entered and seized
    the town on Monday", "has killed 11 and made 9,500 ill this year")."""
    verb = date
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX") or tok.pos_ not in ("VERB", "AUX"):
        return False
    node = verb
    while node.dep_ == "conj" and node.head.i != tok.i:
        node = node.head
    if not (
        node.dep_ == "conj"
        and node.head.i == tok.i
        and date.i > verb.i
        and any(c.dep_ in _OWN_COMPLEMENTS and c.i < node.i for c in tok.children)
    ):
        return False
    apart = any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") and tok.i < c.i < node.i for c in tok.children
    )
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
    first, second = _tense(tok), _tense(node)
    if not _auxiliaries(node) and (
        (first == "perfect" and node.tag_ in ("VBN", "VBD"))
        or (first == "future" and node.tag_ == "VB")
    ):
        second = None  # "has killed 11 and made 900 ill": the second borrows "has"
    return apart or own_subject or (first is not None and second is not None and first != second)


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


_FUTURE_AUX = {"will", "would", "shall", "'ll"}


def _tense(verb: Token) -> str | None:
    """A clause's tense as its own words mark it (None when it borrows its head's: "has
    killed 11 and made 9,500 ill")."""
    aux = _auxiliaries(verb)
    if aux & _FUTURE_AUX:
        return "future"
    if aux & {"has", "have", "had"}:
        return "perfect"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _fronted_participle(node: Token) -> bool:
    """A passive participle clause before its verb ("Elected in 2020, the governor vetoed the
    bill"): it tells what happened to the subject before, at its own time."""
    if node.dep_ != "advcl" or node.tag_ != "VBN" or node.i > node.head.i:
        return False
    onto = load_ontology()
    word = node.lemma_.lower()
    if word in onto.reporting or word in onto.speech_act_verbs:
        return False  # "Asked about it on Sunday, Christie accused …": the same occasion
    before = node.doc[node.sent.start : node.left_edge.i]  # "However, cited by police …"
    return all(t.pos_ in ("CCONJ", "ADV", "PUNCT") for t in before)


def when_date(tok: Token) -> list[Mention]:
    """ "lived in London from 1968, when the Soviets invaded Czechoslovakia": the date a "when"
    clause hangs on is the date of that clause's event."""
    node = tok
    while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head  # "when troops entered and seized the town"
    if node.dep_ != "relcl" or not any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in node.children
    ):
        return []
    ent = ent_span(node.head) if node.head.ent_type_ in ("DATE", "TIME") else None
    return [Mention(ent.start_char, ent.end_char, ent.text)] if ent is not None else []


def times_under(tok: Token, *, stop: set[int], onto: Ontology | None = None) -> list[Mention]:
    """DATE/TIME entities attached to `tok` (not inside another clause we are not about, and
    not the date of a figure the sentence compares with)."""
    out = []
    for t in tok.subtree:
        if t.ent_type_ in ("DATE", "TIME") and t.ent_iob_ == "B":
            if onto is not None and _baseline(t, onto):
                continue
            # walk up to the first verb: it must be `tok`
            node = t
            while node.head.i != node.i and node.pos_ not in ("VERB", "AUX") and node.i not in stop:
                node = node.head
            if node.i == tok.i and not _perfect_with_past(tok, t):
                ent = ent_span(t)
                out.append(Mention(ent.start_char, ent.end_char, ent.text))
    return out


_PAST_DEICTIC = {"last", "ago", "yesterday"}


def _perfect_with_past(verb: Token, date: Token) -> bool:
    """ "has been arrested in connection with the bombings … last year": a present perfect
    takes no finished past time, so a "last year" far after the verb is another event's (the
    parser hung it on the verb), not the arrest's."""
    ent = ent_span(date)
    words = {w.lower_ for w in ent} if ent is not None else {date.lower_}
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "'ve") for c in verb.children
    )
    return perfect and bool(words & _PAST_DEICTIC) and date.i > verb.i + 3
