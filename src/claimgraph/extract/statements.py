"""STATEMENT frames: a reported statement that holds no ontology event is still a claim.

"X said that …", "'…,' X added", "according to X, …": when no event frame in the sentence is
framed by that reporting verb (or that "according to"), the statement itself becomes a claim —
the speaker is its agent and source, the reported content its object and its evidence.
Junk speakers (punctuation, relative pronouns, expletive "it") give nothing.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.attribution import (
    CAUSATIVE_VERBS,
    CITING_VERBS,
    QUOTED_SPEAKERS,
    according_to,
    by_agent,
    can_speak,
    clause_verb,
    gerund_subject,
    indefinite,
    is_anaphoric,
    lemma,
    no_one,
    phrase,
    placed_actor,
    polarity,
    quoted_as,
    relays_quote,
    reports,
)
from claimgraph.extract.nlp import DASH_CREDIT, office_words
from claimgraph.extract.ontology import EventType, Ontology, load_ontology
from claimgraph.extract.quantities import quantity_of
from claimgraph.extract.records import Frame, Mention, RoleSpan
from claimgraph.extract.timespans import times_under

_NOT_SPEAKERS = {"it", "this", "that", "there", "which", "what", "who", "whom", "one"}
_CONTENT_DEPS = ("ccomp", "parataxis", "xcomp")


def _span(span: Span) -> RoleSpan:
    root = span.root
    return RoleSpan(
        span.start_char, span.end_char, span.text, root.idx, root.idx + len(root), indefinite(root)
    )


def _sentence_evidence(sent: Span) -> Mention:
    """The sentence without surrounding spaces and a trailing full stop."""
    doc = sent.doc
    start, end = sent.start, sent.end
    while end > start + 1 and (doc[end - 1].is_space or doc[end - 1].text in {".", "\n"}):
        end -= 1
    while start < end - 1 and doc[start].is_space:
        start += 1
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text)


def _speaker_token(
    verb: Token, onto: Ontology, *, shared: bool = False, strict: bool = False
) -> Token | None:
    """The reporting verb's speaker; `strict` asks for someone who can intend or say (a name,
    a pronoun, a noun of people or institutions), not any noun ("the downturn means that …")."""
    # "was found": no speaker; of two subjects (a misparse) the one next to the verb speaks:
    # "more problems for an economy that many experts thought …"
    subj = max((c for c in verb.lefts if c.dep_ == "nsubj"), key=lambda c: c.i, default=None)
    subj = subj or next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        # "X mocked the plan, saying …": the participle's speaker is its clause's subject, and
        # after a reported clause the reporter's ("He said the plan was legal, rejecting …")
        clause = verb.head
        if (
            clause.dep_ == "ccomp"
            and clause.head.pos_ in ("VERB", "AUX")
            and reports(clause.head, onto)
        ):
            clause = clause.head
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    elif (
        subj is None
        and shared
        and verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubjpass", "csubj", "expl", "auxpass") for c in verb.children)
    ):  # "He sold the house and said he'd double his money": the shared subject speaks
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        outer = verb.head.head
        if (
            verb.head.dep_ == "ccomp"
            and outer.pos_ in ("VERB", "AUX")
            and reports(outer, onto)
            and (subj is None or not can_speak(subj, onto, strict=True))
        ):  # "X said that fraud is widespread and again claimed that …": the parser joins
            # "claimed" to the reported clause; X, not "fraud", claims
            subj = next((c for c in outer.children if c.dep_ == "nsubj"), subj)
    if subj is None:
        subj = quoted_as(verb)  # "the Post quoted an aide as saying …": the Post speaks
    # ("a report citing Jordanian sources" names where it comes from, says nothing)
    citing = verb.dep_ == "acl" and lemma(verb) in CITING_VERBS
    if subj is None and verb.tag_ == "VBG" and verb.dep_ in ("pcomp", "conj", "acl") and not citing:
        # "X responded by (cutting prices and) saying …", "X issued a statement saying …"
        subj = gerund_subject(verb, onto)
    if subj is None:
        return None
    subj = placed_actor(subj) or subj  # "The Kirkland, Wash., company said …"
    if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head  # "the minister, who said …"
        strict = True  # not "problems that experts thought …", a misparse of "experts thought"
    if subj.lower_ in _NOT_SPEAKERS or not any(c.isalpha() for c in subj.text):
        return None
    if no_one(subj):
        return None  # "nobody claimed responsibility", "no group has said …": no one speaks
    if _aged(subj) or (
        subj.pos_ == "ADJ"
        and subj.lemma_.lower() in onto.quantifier_heads
        and _group_speaks(subj, onto)
    ):
        return subj  # "said the 46-year-old", "many in the crowd said", "most said"
    if subj.pos_ not in ("NOUN", "PROPN", "PRON") or not can_speak(subj, onto, strict=strict):
        return None
    return subj


def _speaker_span(subj: Token, verb: Token) -> Span:
    """The speaker's words: the noun a "who said …" or "a paper promising …" clause hangs on
    without that clause ("the minister, who said …"), else the subject's phrase."""
    if subj.i == verb.head.i and verb.dep_ in ("relcl", "acl"):
        start = subj.left_edge.i
        while start < subj.i and subj.doc[start].dep_ == "det":
            start += 1
        return subj.doc[start : subj.i + 1]
    return phrase(subj)


def _aged(tok: Token) -> bool:
    """A person named by age: "the 46-year-old" ("old" with a "year" measure)."""
    return tok.lower_ == "old" and any(
        c.lemma_.lower() == "year" for c in tok.children if c.dep_ in ("npadvmod", "compound")
    )


def _group_speaks(quant: Token, onto: Ontology) -> bool:
    """A quantifier as a subject speaks for its group: bare ("most said") or with its people
    after "of"/"in" ("many in the crowd", "some of the delegates")."""
    group = next(
        (
            p
            for c in quant.children
            if c.dep_ == "prep" and c.lower_ in ("of", "in", "among")
            for p in c.children
            if p.dep_ == "pobj"
        ),
        None,
    )
    return group is None or can_speak(group, onto, strict=True)


def _content(verb: Token, onto: Ontology) -> Token | None:
    """The reported clause: the verb's clausal complement, before or after it."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("that", "who") and verb.dep_ == "relcl":
        subj = verb.head
    person_finds = lemma(verb) in onto.document_finding and not (
        subj is not None
        and (
            subj.lemma_.lower() in onto.document_speakers | onto.finders
            or subj.lower_ in onto.finders
        )
    )
    speaks = subj is not None and (
        can_speak(subj, onto, strict=True)
        or subj.lemma_.lower() in onto.finders | onto.document_speakers
    )
    if lemma(verb) in onto.speaker_reporting and subj is not None and not speaks:
        return None  # "his death shows how fragile the right has become": no one says it
    later = any(c.dep_ in _CONTENT_DEPS and c.i > verb.i for c in verb.children)
    subjects = sum(c.dep_ == "nsubj" for c in verb.children)
    for c in verb.children:
        if c.dep_ in _CONTENT_DEPS and c.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            opener = c.doc[c.left_edge.i]
            if later and c.i < verb.i and opener.tag_ == "VBN" and opener.dep_ == "advcl":
                continue  # "Asked about reports X has …, he said 'I don't know'": asked
            if later and c.i < verb.i and subjects > 1:
                continue  # "It is the job many women say they fought for": a misparse's
            if person_finds and (
                c.pos_ in ("ADJ", "NOUN")
                or (
                    c.tag_ in ("VBG", "VBN")
                    and not any(k.dep_ in ("mark", "aux", "auxpass") for k in c.children)
                )
            ):  # "you may find them repulsive": a judgement, not a report; "the Rs find
                # themselves sitting in midtable": a state ("found that the force was
                # fleecing its residents" still reports)
                continue
            return c
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if lemma(verb) in onto.clause_only_reporting or person_finds:
        obj = None  # "the person who found the bodies": a finding, nothing said
    if lemma(verb) in onto.speaker_reporting and not speaks:
        obj = None  # "the focus on banks showed fears": no one shows them
    if obj is not None and obj.lemma_.lower() in onto.stance_objects:
        obj = None  # "stressed the importance of quality": a stance, nothing told
    if obj is not None and obj.pos_ in ("NOUN", "PROPN") and len(list(obj.subtree)) >= 3:
        if obj.ent_type_ in ("PERSON", "GPE", "ORG", "NORP") and all(
            t.ent_type_ == obj.ent_type_ or t.dep_ == "det" or t.lower_ in office_words()
            for t in obj.subtree
        ):  # "China warned the United States against …", "confirmed Judge Maria Lopez to
            return None  # the court": who was told or confirmed, a name
        return obj  # "the committee noted Clinton's comments": what was said, as a noun phrase
    quoted = _quoted_before(verb)
    if quoted is not None:
        return quoted
    head = verb.head
    if (
        verb.dep_ in ("parataxis", "advcl", "conj", "ccomp")
        and head.i != verb.i
        and head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ == "mark" for c in verb.children)
        # "police, responding to reports that …, arrested X": a participle's clause is what
        # they did, not what they said
        and not (
            verb.tag_ == "VBG"
            and verb.dep_ == "advcl"
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
        )
        and not reports(head, onto)
        # "lawyers emerged from the meeting, but said little", "X sued, and a judge ruled
        # against them": a second act joined by "and"/"but", not a cue set after its content
        and not (
            verb.dep_ == "conj"
            and any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children)
        )
    ):  # not "X said 14 firemen responded", "X reported, citing documents": a report's own
        return head  # "The museum, Mr. Bush said, celebrated …": the clause around the frame
    return None


def _quoted_before(verb: Token) -> Token | None:
    """A quotation the parser hung on the cue as something else ("''Wow, what a great
    idea,'' she said": an interjection): the verb's child that fills a quotation closing just
    before the cue."""
    doc = verb.doc
    for c in verb.children:
        if c.i >= verb.i or c.dep_ in ("nsubj", "nsubjpass", "punct", "aux", "neg", "prep"):
            continue
        after = c.right_edge.i + 1
        while after < verb.i and doc[after].text == ",":
            after += 1
        if after >= verb.i or not _closing_quote(doc[after]):
            continue
        first = c.left_edge.i  # the opening mark may hang on the quoted word itself
        opening = _OPEN | {'"', "``", "''"}
        if doc[first].text in opening or (first > 0 and doc[first - 1].text in opening):
            return c
    return None


def _label(verb: Token) -> Span | None:
    """What a labelling verb says: the thing named and its label ("called [the bill a
    betrayal]", "called [her “third-rate”]"); nothing without a label ("called the police")."""
    label = next((c for c in verb.children if c.dep_ == "oprd"), None) or _quoted_label(verb)
    if label is None or label.pos_ not in ("NOUN", "PROPN", "ADJ") or label.i < verb.i:
        return None
    named = next((c for c in verb.children if c.dep_ == "dobj" and c.i < label.i), None)
    if (
        named is None
        and (
            (label.i == verb.i + 1 and not (label.n_lefts or label.n_rights))
            # "AFP called the detention centre": the parser's label is whom it phoned
            # ("called the latest ruling ``outrageous''" still labels)
            or (
                label.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ == "det" and c.lower_ == "the" for c in label.children)
                and not any(t.is_quote for t in label.subtree)
            )
        )  # "called her 'third-rate'" still labels
        and verb.dep_ != "relcl"
        and not any(c.dep_ == "nsubjpass" for c in verb.children)
    ):
        return None  # "a passerby called police to report it": phoned, nothing named
    if (
        named is None
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and verb.dep_ in ("acl", "conj", "advcl")
    ):
        return None  # "the gatherings, called the Clinton Global Initiative": a name, not a word
    start = named.left_edge.i if named is not None else verb.i + 1
    return verb.doc[start : label.right_edge.i + 1]


def _quoted_label(verb: Token) -> Token | None:
    """ "called the plan "a disaster"": the parser hangs a quoted label on the object as its
    apposition; in quotation marks right after the object it is the label."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    for c in obj.children:
        before = verb.doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        if c.dep_ == "appos" and before is not None and before.is_quote and before.i > obj.i:
            return c
    return None


def _according_content(according: Token) -> Span:
    """What "according to X" vouches for: the clause it hangs on ("the deal, which would cut
    the tax rate to 17%, according to company leaders": the relative clause, not the whole
    sentence), without the "according to X" phrase when it opens or closes that clause."""
    clause = phrase(clause_verb(according))
    doc = according.doc
    pp_start, pp_end = according.left_edge.i, according.right_edge.i + 1
    if clause.start < pp_start and pp_end >= clause.end:
        end = pp_start
        while end > clause.start + 1 and doc[end - 1].is_punct:
            end -= 1
        return doc[clause.start : end]
    if pp_start <= clause.start and pp_end < clause.end:
        start = pp_end
        while start < clause.end - 1 and (doc[start].is_punct or doc[start].is_space):
            start += 1  # "According to X, Islam will …": not the comma
        return doc[start : clause.end]
    return clause


def _question_before(sent: Span, verb: Token) -> Span | None:
    """'"Who is here?" Sanders asked.': the parser ends a sentence at a quoted question or
    exclamation, leaving the cue alone; the quotation just before it is what was said."""
    doc = sent.doc
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if (
        sent.start == 0
        or len(words) > 8
        or any(t.pos_ in ("VERB", "AUX") and t.i != verb.i for t in words)
    ):
        return None
    end = sent.start
    while end > 0 and doc[end - 1].is_space:
        end -= 1
    if end < 2 or not _closing_quote(doc[end - 1]) or doc[end - 2].text not in ("?", "!"):
        return None
    prev = doc[end - 1].sent
    if "\n\n" in doc.text[prev.end_char : sent.start_char]:
        return None  # another paragraph
    start = prev.start
    while start < end - 2 and (doc[start].is_space or doc[start].is_punct):
        start += 1
    return doc[start : end - 1]


def _closing_quote(tok: Token) -> bool:
    return tok.text in _CLOSE | {'"', "''"}


def _char_span(comp: Token) -> tuple[int, int]:
    """The character offsets a clause covers."""
    toks = list(comp.subtree)
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _holds_event(comp: Token, found: list[Frame]) -> bool:
    """Whether an event frame's trigger lies inside this clause."""
    start, end = _char_span(comp)
    return any(start <= f.trigger.start < end for f in found)


_SELF = {"it", "they", "he", "she", "we", "i"}


def _own_speech_act(comp: Token, found: list[Frame], subj: Token) -> bool:
    """Whether the clause tells a speech act of the speaker's own ("the company said it would
    appeal the ruling"): the act, with the speaker or its "it" as source, already carries
    what was said."""
    start, end = _char_span(comp)
    doc = comp.doc
    return any(
        start <= f.trigger.start < end
        and f.report_verb is not None
        and doc[f.report_verb].idx == f.trigger.start  # a speech act, its own report
        and f.speaker is not None
        and (
            (start <= f.speaker.start < end and f.speaker.text.lower() in _SELF)
            or f.speaker.start <= subj.idx < f.speaker.end
        )
        for f in found
    )


def _outer_report(verb: Token, onto: Ontology) -> bool:
    """Whether a reporting verb above this one frames it (a quotation inside a report)."""
    node = verb
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX") and reports(node, onto):
            return True
    return False


def _without_aside(content: Span) -> Span:
    """The reported words without a closing aside the publisher adds to one of their nouns
    (", which forced her to leave early", ", the alliance that includes the US"): attribution
    corpora end the speaker's content before it."""
    doc = content.doc
    last = content.end - 1
    while last > content.start and doc[last].is_punct:
        last -= 1
    for tok in content:
        if tok.dep_ not in ("relcl", "appos", "advcl") or tok.i <= content.start:
            continue
        if tok.dep_ == "advcl" and doc[tok.left_edge.i].lower_ not in ("which", "who", "whose"):
            continue  # the parser's ", which forced her to …" hung on the verb
        comma = tok.left_edge.i - 1
        if comma > content.start + 2 and doc[comma].text == "," and tok.right_edge.i >= last:
            return doc[content.start : comma]
    return content


_REPORT_TIME_ADVERBS = frozenset({"earlier", "later", "previously", "again", "recently", "today"})


def _without_report_time(content: Span, verb: Token) -> Span:
    """ "said Tuesday his government told …": the parser hangs the report's day on the
    reported verb; it dates the saying and is not part of what was said."""
    doc = content.doc
    start = content.start
    if start != verb.i + 1:
        return content
    run = start
    while run < content.end and doc[run].ent_type_ in ("DATE", "TIME"):
        run += 1
    owned = any(t.dep_ in ("poss", "case", "nsubj", "nsubjpass") for t in doc[start:run])
    while (
        not owned  # "said last month's discovery was …": the date is the subject's
        and start < content.end - 2
        and doc[start].ent_type_ in ("DATE", "TIME")
        and doc[start].head.i >= start
        and doc[start].dep_ in ("npadvmod", "compound", "nummod", "det", "amod")
    ):
        start += 1
    # "said on Thursday it has …", "said earlier that …": the parse hangs the saying's time
    # inside what was said
    if start + 2 >= content.end:
        return doc[start : content.end] if start != content.start else content
    if doc[start].lower_ in ("on", "at") and doc[start + 1].ent_type_ in ("DATE", "TIME"):
        end = start + 1
        while end < content.end - 2 and doc[end].ent_type_ in ("DATE", "TIME"):
            end += 1
        start = end
    if (
        start + 1 < content.end
        and doc[start].lower_ in _REPORT_TIME_ADVERBS
        and doc[start + 1].lower_ == "that"
    ):
        start += 1
    return doc[start : content.end] if start != content.start else content


def _statement_evidence(content: Span) -> Mention:
    """The reported words themselves: the speaker and the cue are the claim's source, and the
    span a reader checks is what was said (an aside after the cue, "…, he said when asked by a
    reporter", is not part of it)."""
    doc = content.doc
    start, end = content.start, content.end
    while start > 0 and doc[start - 1].dep_ == "det" and start <= doc[start - 1].head.i < end:
        start -= 1  # the phrase dropped its opening "The"
    while end > start + 1 and (doc[end - 1].is_space or doc[end - 1].is_punct):
        end -= 1
    while start < end - 1 and (doc[start].is_space or doc[start].is_punct):
        start += 1
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text)


_FIGURES = {"MONEY", "PERCENT"}
_FIRST_PERSON = {"i", "we", "you", "me", "us"}
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _content_subject(content: Span) -> Token | None:
    """The subject of the reported clause ("Y was involved": Y), when it names someone."""
    subj = next((c for c in content.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in _FIRST_PERSON or subj.lower_ in _NOT_SPEAKERS:
        return None
    return subj


def _judges_actor(word: Token, onto: Ontology) -> bool:
    """Whether a judging adjective is said of an actor ("the department is weak", "a weak
    government"), not of a thing ("the yen is weak")."""
    if word.dep_ == "amod":
        judged: Token | None = word.head
    else:
        verb = word.head if word.dep_ in ("acomp", "attr") else word
        judged = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return judged is not None and _names_actor(judged, onto)


def _names_actor(tok: Token, onto: Ontology, pronouns: tuple[str, ...] = ()) -> bool:
    """Whether a word names an actor: a person, body or state, a people noun, or one of the
    personal `pronouns` its position allows ("he" as a subject, "him" as an object)."""
    return (
        tok.ent_type_ in _ACTOR_LABELS
        or tok.lower_ in pronouns
        or tok.lemma_.lower() in onto.actor_nouns
    )


def _accused(subj: Token | None, onto: Ontology) -> Token | None:
    """Whom a reported clause of wrongdoing accuses: its subject ("Y was involved"), but in the
    passive of a violent act the one it names with "by" ("she was kidnapped by her boyfriend"),
    or no one (the subject of "was killed" is its victim)."""
    if subj is None or subj.dep_ != "nsubjpass":
        return subj
    verb = subj.head
    doer = by_agent(verb)
    if doer is not None:
        return doer
    violent = any(
        onto.plover.get(e) == "ASSAULT" for e, _ in onto.verbs.get(verb.lemma_.lower(), [])
    )
    return None if violent else subj


def _accuses(verb: Token, onto: Ontology, triggers: set[int]) -> bool:
    """ "X says Y was involved in the poisoning": the report's own predicate lays wrongdoing
    on someone, so it is an accusation even though it names an event inside."""
    content = _content(verb, onto) if reports(verb, onto) else None
    if content is None or content.pos_ not in ("VERB", "AUX", "ADJ"):
        return False
    heads = [content, *(c for c in content.children if c.dep_ in ("acomp", "attr", "dobj"))]
    if any(h.idx in triggers for h in heads):
        return False  # "X said rebels attacked a convoy": the ATTACK carries X as its source
    return any(_content_word(h, spec) for h in heads for spec in onto.events.values())


def _describes_noun(tok: Token, root: Token) -> bool:
    """Whether a word of the content only describes a noun there, inside a participle or
    relative clause on it: "the law lets prosecutors seize assets of people accused of
    drug-related crimes" lays no crime on anyone."""
    node = tok
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
        node = node.head
    return False


def _asked_about(tok: Token, root: Token) -> bool:
    """Whether a word of the content sits in a "whether" question there: "questioned whether
    he would endorse her" endorses no one."""
    node = tok
    while node.head.i != node.i:
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
            return True
        if node.i == root.i:
            return False
        node = node.head
    return False


def _lacking(tok: Token, onto: Ontology) -> bool:
    """Whether the content says a word's thing is missing: "no evidence", "a lack of evidence",
    "without evidence" lay no wrongdoing on anyone."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    prep = tok.head if tok.dep_ == "pobj" else None
    return prep is not None and (
        prep.lower_ == "without"
        or (
            prep.lower_ == "of"
            and (prep.head.lemma_.lower() in onto.lacking_nouns or _lacking(prep.head, onto))
        )  # "no evidence of a crime": no crime said either
    )


def _acts_on_actor(verb: Token) -> bool:
    """Whether a verb's object is an actor ("the shootings did not involve the security forces")."""
    onto = load_ontology()
    return any(
        c.dep_ == "dobj" and _names_actor(c, onto, ("him", "her", "them")) for c in verb.children
    )


def _content_word(tok: Token, spec: EventType) -> bool:
    """Whether a word of reported content makes the statement this event ("involved in the
    attack" accuses; "involvement with our plant" does not: content_needs_prep)."""
    word = tok.lemma_.lower()
    if word not in spec.statement_content and tok.lower_ not in spec.statement_content:
        return False
    if word in spec.content_as_predicate:
        if tok.tag_ == "VBN":
            return True  # "Y is suspected of murdering a woman"
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False  # "I suspect the departure will be irrelevant": a guess
        while tok.dep_ == "conj":
            tok = tok.head
        return tok.dep_ in ("attr", "acomp", "oprd")  # "Y is the culprit", not "the culprit fled"
    if word in spec.content_as_participle and tok.tag_ != "VBN" and not _acts_on_actor(tok):
        return False  # "the job involves five tasks", not "Y was involved" or "it involved Y"
    preps = spec.content_needs_prep.get(word) or spec.content_needs_prep.get(tok.lower_)
    return preps is None or any(c.dep_ == "prep" and c.lower_ in preps for c in tok.children)


def _names_event(tok: Token, onto: Ontology) -> bool:
    """Whether a word is a noun that names an event ("the murder", "the bombing")."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in onto.nouns


def _person_subject(subj: Token) -> bool:
    """Whether what was said is about a person pointed to ("he expected to sell coal for $50 a
    ton"): a person is no measured thing, so the figure stays the person's statement."""
    return subj.lower_ in ("he", "she", "i", "we", "you")


def _reading(
    content: Span, speaker: Span, onto: Ontology, unread: set[int] | frozenset[int] = frozenset()
) -> tuple[str, dict[str, RoleSpan], dict | None]:
    """What a reported statement is, read from its content (ontology data): a money or percent
    figure makes it a MEASURE ("the company said net jumped to $87m": the speaker's own figure
    when the speaker is an organisation), a word of wrongdoing an ACCUSE by the speaker against
    the content's subject; anything else stays a STATEMENT."""
    # "a tour of suspected weapons sites": a participle describing a thing accuses no one
    said = [
        t
        for t in content
        if not (t.dep_ == "amod" and t.tag_ == "VBN")
        and t.idx not in unread
        and not _describes_noun(t, content.root)
        and not _asked_about(t, content.root)
        and not _lacking(t, onto)
    ]
    subj = _content_subject(content)
    for name, spec in onto.events.items():
        if (
            spec.statement_figures
            and any(t.ent_type_ in _FIGURES for t in content)
            and not (subj is not None and _person_subject(subj))
        ):
            roles = {"object": _span(phrase(subj) if subj is not None else content)}
            if speaker.root.ent_type_ == "ORG" or speaker.root.lemma_.lower() in spec.owner_nouns:
                roles["agent"] = _span(speaker)
            return name, roles, quantity_of(content.root, onto)
    for name, spec in onto.events.items():
        hits = [t for t in said if _content_word(t, spec)]
        judged = any(
            t.lemma_.lower() in spec.judging_content and _judges_actor(t, onto) for t in content
        )
        if hits or judged:
            if subj is not None and subj.lemma_.lower() in spec.subject_excludes:
                continue  # "the virus has killed 45 people": a hazard, no one accused
            roles = {"agent": _span(speaker), "object": _span(content)}
            accused = _accused(subj, onto) if spec.content_subject_is_target else None
            denied = polarity(content.root, onto) == "negative"
            # "the authorities said they have gathered enough evidence": the speakers, who
            # accuse someone else (a denial of their own, "said they were not involved", keeps
            # them)
            themselves = (
                accused is not None
                and accused.lower_ == "they"
                and speaker.root.tag_ in ("NNS", "NNPS")
                and not denied
            )
            if (
                accused is not None
                and not themselves
                and _names_actor(accused, onto, ("he", "she", "they"))
            ):
                roles["recipient"] = _span(phrase(accused))
            elif (
                spec.content_subject_is_target
                and not judged
                and subj is not None
                and all(t.i == subj.i and _names_event(t, onto) for t in hits)
            ):
                continue  # "she said the murder was a stain on the city": about it, no one accused
            if spec.negated_as and denied:
                return spec.negated_as, roles, None  # "X said Y was not involved": a denial
            return name, roles, None
    return "STATEMENT", {"agent": _span(speaker), "object": _span(content)}, None


def _frame(
    trigger: Token,
    speaker: Span,
    content: Span,
    mood: str,
    onto: Ontology,
    report_verb: int | None,
    *,
    read: bool = False,
    unread: set[int] | frozenset[int] = frozenset(),
) -> Frame:
    sp = _span(speaker)
    event, roles, quantity = (
        _reading(content, speaker, onto, unread)
        if read
        else ("STATEMENT", {"agent": sp, "object": _span(content)}, None)
    )
    return Frame(
        event=event,
        quantity=quantity,
        trigger=Mention(trigger.idx, trigger.idx + len(trigger), trigger.text),
        roles=roles,
        evidence=_statement_evidence(content),
        # "said Friday that …": the saying's own date, not one inside what was said
        time_spans=times_under(trigger, stop={content.root.i}),
        polarity=_said_polarity(trigger, content, event, onto),
        modality=mood,
        speaker=sp,
        speaker_anaphoric=is_anaphoric(speaker, onto),
        report_verb=report_verb,
    )


def _said_polarity(trigger: Token, content: Span, event: str, onto: Ontology) -> str:
    """The saying's polarity; for an event read from what was said, what was said decides too:
    "said he was not satisfied with the answers" approves nothing (a negated accusation is
    read as a denial already)."""
    if (
        event not in ("STATEMENT", "MEASURE")
        and onto.events[event].negated_as is None
        and not any(onto.events[e].negated_as == event for e in onto.events)
        and polarity(content.root, onto) == "negative"
    ):
        return "negative"
    return polarity(trigger, onto)


def _backdrop(f: Frame, sent: Span, onto: Ontology) -> bool:
    """Whether the frame is an event noun that only dates the report's content ("… was seen
    in the neighbourhood before the slaying"): the report still states something of its own."""
    tok = next((t for t in sent if t.idx == f.trigger.start), None)
    return (
        tok is not None
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ == "pobj"
        and tok.head.lower_ in onto.backdrop_preps
    )


def _hearsay(verb: Token) -> bool:
    """ "X, said to be a former soldier": "said" right before a to-infinitive is a reduced
    passive (reportedly), however the parser attaches it, not X's own statement; so is any
    reporting participle modifying a noun ("weight added to their car")."""
    if (
        verb.tag_ == "VBN"
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and (
            verb.dep_ == "acl"
            or (verb.dep_ in ("ccomp", "xcomp") and lemma(verb.head) in CAUSATIVE_VERBS)
        )
    ):
        return True  # "drivers have weight added to their car": a participle, no one's word
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        lemma(verb) == "say"
        and nxt is not None
        and nxt.lower_ == "to"
        and nxt.dep_ == "aux"
        and nxt.head.dep_ == "xcomp"
        and nxt.head.head.i == verb.i
    )


def statement_frames(sent: Span, found: list[Frame], onto: Ontology) -> list[Frame]:
    """STATEMENT frames for the sentence's reporting frames that frame no event in `found`."""
    framed = {
        f.report_verb for f in found if f.report_verb is not None and not _backdrop(f, sent, onto)
    }
    triggers = {f.trigger.start for f in found}  # "X reported net income of $5m" is a MEASURE
    named = {(f.speaker.start, f.speaker.end) for f in found if f.speaker is not None}
    out: list[Frame] = []
    for tok in sent:
        if tok.lower_ == "according":
            obj = according_to(tok, onto)
            if obj is None or obj.lower_ in _NOT_SPEAKERS:
                continue
            speaker = phrase(obj)
            if (speaker.start_char, speaker.end_char) in named:
                continue
            out.append(
                _frame(tok, speaker, _according_content(tok), "reported", onto, None, read=True)
            )
            continue
        if tok.pos_ not in ("VERB", "AUX") or tok.idx in triggers:
            continue
        word = lemma(tok)
        if tok.i in framed and not _accuses(tok, onto, triggers):
            continue  # the events it reports carry its speaker
        if word in onto.intention_verbs and not _outer_report(tok, onto):
            # "X wants/plans/promised to …" with no event inside: X's stated intention
            comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")), None)
            # "X means that …" is only someone's when X is a person or body ("the downturn
            # means that people are not spending" is no one's)
            strict = comp is not None and comp.dep_ == "ccomp" and word in onto.consequence_verbs
            subj = _speaker_token(tok, onto, strict=strict)
            if comp is not None and lemma(comp) in onto.asking_complements:
                continue  # "we want to know what has changed": a question, no intention told
            if comp is not None and comp.tag_ == "TO":
                continue  # "they go because they want to": the act is left unsaid
            if _generic_holders(tok):
                continue  # "despite those who want to get in our way": who they are
            if comp is not None and subj is not None and not _holds_event(comp, found):
                speaker = _speaker_span(subj, tok)
                out.append(_frame(tok, speaker, phrase(comp), "planned", onto, tok.i))
        elif word in onto.labelling_verbs and (label := _label(tok)) is not None:
            subj = _speaker_token(tok, onto, shared=True)
            if subj is not None and subj.lower_ in QUOTED_SPEAKERS and _outer_report(tok, onto):
                continue  # '"That is what I call a remedy," he said': the outer frame states it
            if subj is not None:
                speaker = _speaker_span(subj, tok)
                out.append(_frame(tok, speaker, label, "reported", onto, tok.i, read=True))
        elif said := reports(tok, onto):
            if word in onto.silent_when_negated and polarity(tok, onto) == "negative":
                continue  # "investigators did not say how close …": nothing was stated
            if _hearsay(tok):
                continue  # "the suspect, said to be homeless": reportedly, by no one named
            if _asked_in_question(tok, sent):
                continue  # "The question is who will Cubans believe?": no one says anything
            if any(
                c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in tok.children
            ):
                continue  # "asked the sheriff if he considers the case closed": asked, or supposed
            if _imagined(tok):
                continue  # "People might say why didn't I do that?": no one has said it
            if relays_quote(tok, onto):
                continue  # "the Post quoted an aide as saying …": its "saying" states it
            content = _content(tok, onto)
            opener = content.doc[content.left_edge.i].lower_ if content is not None else None
            if word in onto.question_verbs and opener in _WH_WORDS | {"if"}:
                continue  # "wondered why his case would be different": a question
            if opener in ("whether", "if") and polarity(tok, onto) == "negative":
                continue  # "they did not know whether he would endorse X": nothing told
            if word in onto.weighing_verbs and content is not None and _holds_event(content, found):
                continue  # "is considering bidding $780m to acquire X": the ACQUIRE tells it
            subj = _speaker_token(tok, onto, shared=True)
            if subj is None:
                continue
            if content is not None and _own_speech_act(content, found, subj):
                continue  # "said it would appeal the ruling": the appeal tells it
            body = (
                _without_report_time(_without_aside(phrase(content)), tok)
                if content is not None
                else _question_before(sent, tok)
            )
            if body is None:
                continue
            if subj.lower_ in QUOTED_SPEAKERS and _outer_report(tok, onto):
                continue  # "'I think …,' she said": the outer frame states it
            speaker = _speaker_span(subj, tok)
            mood = _content_mood(body, onto) or said
            # "X said: 'we must confirm that Y was killed'": a report inside carries its event
            # (the KILL, confirmed), whose words do not make X's own statement an accusation
            # (a passive inside, "Y was believed to have planned it", is X's own hedge)
            nested = content is not None and any(
                t.i in framed and any(c.dep_ == "nsubj" for c in t.children)
                for t in content.subtree
            )
            unread = triggers if nested else frozenset()
            out.append(_frame(tok, speaker, body, mood, onto, tok.i, read=True, unread=unread))
    return out


_ANYONE = {"people", "some", "someone", "somebody", "anyone", "anybody", "you", "one", "critics"}


def _generic_holders(verb: Token) -> bool:
    """ "those who want to get in our way", "anyone who hopes to win": a relative clause that
    says who some people are, not what anyone intends."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        verb.dep_ == "relcl"
        and subj is not None
        and subj.lower_ in ("who", "that")
        and verb.head.lower_ in _ANYONE | {"those", "others", "many", "whoever", "all"}
    )


def _imagined(verb: Token) -> bool:
    """A saying imagined of anyone ("people might say …", "some may argue that …", "you could
    say"): a speaker's own turn of phrase, no report of what was said."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (
        subj is not None
        and subj.lower_ in _ANYONE
        and any(
            c.dep_ == "aux" and c.lower_ in ("might", "may", "could", "would")
            for c in verb.children
        )
    )


_WH_WORDS = {"who", "whom", "what", "which", "whose", "why", "how", "when", "where", "whether"}


def _asked_in_question(verb: Token, sent: Span) -> bool:
    """Whether the reporting verb is the one a direct question asks with ("who will Cubans
    believe?", "did he say that?"): a wh-word or an auxiliary before its subject, and the
    sentence ends in "?"."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != "?" or not verb.i < last.i:
        return False
    if verb.dep_ in ("advcl", "relcl", "acl"):
        return False  # "do you think that when scientists tell us that …?": they tell it
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return any(
        (c.dep_ in ("aux", "auxpass") and subj is not None and c.i < subj.i)
        or (c.lower_ in _WH_WORDS and c.i < verb.i and c.dep_ in ("dobj", "nsubj", "advmod"))
        for c in verb.children
    )


def _content_mood(content: Span, onto: Ontology) -> str | None:
    """A reported intention is a plan: "said it plans to discount its brands" (planned); a
    modal under "said" stays reported ("said he would resign": the report is the news)."""
    root = content.root
    if root.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "xcomp" for c in root.children):
        return None
    mood = onto.clause_modality.get(lemma(root))
    return mood if mood == "planned" else None


_OPEN = {"“", "«", "„"}
_CLOSE = {"”", "»"}
_MARKS = "\"'\u201c\u2018` "  # what a speaker span may carry of a quotation's opening
# a quotation closed on a comma, question or exclamation mark is credited by what follows
# ('…," the lawyer said'); one closed on a full stop ended its sentence ('….” Wilson said …')
_CREDITED_CLOSE = re.compile(r"[,?!\u2014-]\s*(?:[\u201d\u00bb\"]|'')")


def _opens_quote(sent: Span) -> bool:
    """Whether the sentence begins with a quotation mark (a new or continued quotation)."""
    return sent.text.lstrip()[:1] in (_OPEN | {'"'})


def _quote_depth(text: str) -> int:
    """Open quotations at the end of `text`: curly quotes pair up, straight ones alternate."""
    depth = sum(ch in _OPEN for ch in text) - sum(ch in _CLOSE for ch in text)
    return max(depth, 0) + text.count('"') % 2


def _paragraph_start(sent: Span) -> int:
    text = sent.doc.text
    cut = text.rfind("\n\n", 0, sent.start_char)
    return cut + 2 if cut >= 0 else 0


def _speaker_frame(frames: list[Frame]) -> Frame | None:
    with_speaker = [f for f in frames if f.speaker is not None and f.report_verb is not None]
    return next((f for f in with_speaker if f.event == "STATEMENT"), None) or next(
        iter(with_speaker), None
    )


def _sentence_statement(
    sent: Span, speaker: RoleSpan, anaphoric: bool, *, speaker_is_agent: bool
) -> Frame:
    """A whole sentence said by `speaker` (inside a quotation, under a transcript label)."""
    root = sent.root
    roles = {
        "object": RoleSpan(
            sent.start_char, sent.end_char, sent.text, root.idx, root.idx + len(root)
        )
    }
    if speaker_is_agent:
        roles["agent"] = speaker
    return Frame(
        event="STATEMENT",
        trigger=Mention(root.idx, root.idx + len(root), root.text),
        roles=roles,
        evidence=_sentence_evidence(sent),
        modality="reported",
        speaker=speaker,
        speaker_anaphoric=anaphoric,
    )


def _give_speaker(frames: list[Frame], speaker: RoleSpan, anaphoric: bool, keep: set[int]) -> None:
    """Attribute the frames (all but the indexes in `keep`) to `speaker`: what a reporter
    asserted becomes reported."""
    for k, f in enumerate(frames):
        if k in keep:
            continue
        f.speaker = speaker
        f.speaker_anaphoric = anaphoric
        if f.modality == "asserted":
            f.modality = "reported"


def quoted_frames(
    by_sentence: list[tuple[Span, list[Frame]]],
) -> list[tuple[Span, list[Frame]]]:
    """A quotation runs over several sentences ("“A. B,” she said. “C.”"): the sentences inside
    it that name no speaker of their own are the same speaker's. Their events are attributed to
    that speaker, and a quoted sentence with no event becomes a STATEMENT of theirs."""
    out = [(sent, list(frames)) for sent, frames in by_sentence]
    made: set[int] = set()  # sentences that became a statement of the quotation's speaker
    _dash_credits(out, made)  # first: a credit names the speaker of its own quotation
    for i, (sent, frames) in enumerate(out):
        source = _speaker_frame(frames) if _own_speaker(sent, frames) else None
        if source is None:
            cue = _colon_cue(sent)
            if cue is not None:  # "He said:" then a quoted paragraph: all of it is his
                _attribute_quotation(out, i + 1, cue, made)
            continue
        para = _paragraph_start(sent)
        text = sent.doc.text
        # backwards: sentences of the same paragraph inside a quotation still open here, and
        # closed in this sentence ("… C,” she said"); an unclosed “ further back opens none
        closes = any(ch in _CLOSE or ch == '"' for ch in sent.text) or "''" in sent.text
        j = i - 1
        while closes and j >= 0 and out[j][0].start_char >= para:
            prev, prev_frames = out[j]
            if _quote_depth(text[para : sent.start_char]) == 0 or _own_speaker(prev, prev_frames):
                break
            if _quote_depth(text[para : prev.start_char]) == 0 and not _opens_quote(prev):
                break
            if _attribute(prev, prev_frames, source):
                made.add(j)
            j -= 1
        # forwards: a following sentence that opens (or continues) a quotation of its own
        j = i + 1
        while j < len(out):
            nxt, nxt_frames = out[j]
            if not _opens_quote(nxt) or _own_speaker(nxt, nxt_frames):
                break
            if any(f.report_verb is not None and not _first_person(f) for f in nxt_frames):
                break
            if _credited_later(out, j):
                break  # 'X said … . "A. B," the lawyer said': A is the lawyer's
            if _attribute(nxt, nxt_frames, source):
                made.add(j)
            j += 1
    _merge_quoted(out, made)
    return out


def _dash_credits(out: list[tuple[Span, list[Frame]]], made: set[int]) -> None:
    """Quotations credited after a dash ('“He represents our greatest shame.” ― Sonya Herridge',
    the way readers' comments and epigraphs are printed): their sentences are that person's."""
    if not out:
        return
    doc = out[0][0].doc
    text = doc.text
    after = 0  # where the previous credit ended
    for m in DASH_CREDIT.finditer(text):
        start = max(after, text.rfind("\n\n", 0, m.start()) + 1)
        after = m.end()
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if name is None or not all(t.pos_ == "PROPN" for t in name):
            continue
        opened = next((k for k in range(start, m.start()) if text[k] in _OPEN | {'"'}), None)
        if opened is None:
            continue
        speaker = _span(name)
        cue = Frame(
            event="STATEMENT",
            trigger=Mention(name.start_char, name.end_char, name.text),
            roles={},
            evidence=Mention(name.start_char, name.end_char, name.text),
            speaker=speaker,
        )
        for j, (sent, frames) in enumerate(out):
            if sent.start_char >= opened and sent.end_char <= m.end():
                for f in frames:  # "“I think it is fine.” ― Tom Okafor": the "I" is Tom
                    if _first_person(f):
                        f.speaker, f.speaker_anaphoric = speaker, False
                if _speaker_frame(frames) is None and _attribute(sent, frames, cue):
                    made.add(j)


def _colon_cue(sent: Span) -> Frame | None:
    """ "He said:" / "The statement read:" - a reporting verb with its speaker and no
    content, closed by a colon: the quotation that follows is what was said (a frame that
    only carries the speaker)."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 3 or toks[-1].text != ":":
        return None
    verb = toks[-2]
    onto = load_ontology()
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not reports(verb, onto) or _content(verb, onto) is not None:
        return None
    sp = phrase(subj)
    speaker = _span(sp)
    return Frame(
        event="STATEMENT",
        trigger=Mention(verb.idx, verb.idx + len(verb), verb.text),
        roles={},
        evidence=_sentence_evidence(sent),
        speaker=speaker,
        speaker_anaphoric=is_anaphoric(sp, onto),
        report_verb=verb.i,
    )


def _attribute_quotation(
    out: list[tuple[Span, list[Frame]]], start: int, cue: Frame, made: set[int]
) -> None:
    """The sentences of the quotation opening at out[start], up to where it closes."""
    if start >= len(out) or not _opens_quote(out[start][0]):
        return
    text = out[start][0].doc.text
    opened = out[start][0].start_char
    j = start
    while j < len(out):
        nxt, nxt_frames = out[j]
        if j > start and _quote_depth(text[opened : nxt.start_char]) == 0:
            break  # the quotation closed before this sentence
        if _speaker_frame(nxt_frames) is not None:
            break
        if _attribute(nxt, nxt_frames, cue):
            made.add(j)
        j += 1


def _merge_quoted(out: list[tuple[Span, list[Frame]]], made: set[int]) -> None:
    """Consecutive eventless sentences of one quotation are one statement ("“A. B. C,” she
    said" states A-B once, not three times): the run's first sentence holds it."""
    k = 0
    while k < len(out):
        end = k
        while (
            k in made
            and end + 1 in made
            and not _opens_quote(out[end + 1][0])  # no new quotation
            and _same_speaker(out[k][1][0], out[end + 1][1][0])
        ):
            end += 1
        cue = out[end + 1] if k in made and end + 1 < len(out) else None
        if (
            cue is not None
            and len(cue[1]) == 1
            and cue[1][0].event == "STATEMENT"
            and not _opens_quote(cue[0])
            and _same_speaker(out[k][1][0], cue[1][0])
        ):  # "“A. B,” she said": the cue's own statement reaches back over A
            _reach_back(cue[1][0], out[k][0].start_char, cue[0].doc.text)
            for m in range(k, end + 1):
                out[m][1].clear()
        elif end > k:
            first, last = out[k][0], out[end][0]
            f = out[k][1][0]
            assert f.speaker is not None
            whole = first.doc[first.start : last.end]
            out[k][1][:] = [
                _sentence_statement(whole, f.speaker, f.speaker_anaphoric, speaker_is_agent=False)
            ]
            for m in range(k + 1, end + 1):
                out[m][1].clear()
        k = end + 1


def _reach_back(f: Frame, start: int, text: str) -> None:
    """Stretch a statement's evidence and content back to `start`."""
    f.evidence = Mention(start, f.evidence.end, text[start : f.evidence.end])
    body = f.roles.get("object")
    if body is not None and body.start > start:
        f.roles["object"] = RoleSpan(
            start, body.end, text[start : body.end], body.head_start, body.head_end
        )


def _inside_quote(text: str, at: int, para: int) -> bool:
    """Whether `at` lies inside a quotation: the nearest curly (or ``…'') mark before it
    opens one, which an earlier mark left unclosed cannot throw off ('a “pipe' never
    closed); with straight marks only, an odd count since the paragraph began."""
    marks = [(text.rfind(m, para, at), m) for m in (*_OPEN, *_CLOSE, "``", "''")]
    pos, mark = max(marks)
    if pos >= 0 and pos > text.rfind('"', para, at):
        return mark in _OPEN or mark == "``"
    return text.count('"', para, at) % 2 == 1


def _credited_later(out: list[tuple[Span, list[Frame]]], start: int) -> bool:
    """Whether the quotation opening at out[start] is credited to a speaker of its own in a
    later sentence before it closes ('"A. B," the lawyer said')."""
    text = out[start][0].doc.text
    opened = out[start][0].start_char
    for k in range(start + 1, len(out)):
        if _quote_depth(text[opened : out[k][0].start_char]) == 0:
            return False  # closed before this sentence, uncredited
        if "\n\n" in text[opened : out[k][0].start_char]:
            return False  # a credit in a later paragraph reaches back no further than its own
        if _own_speaker(*out[k]) and _CREDITED_CLOSE.search(out[k][0].text):
            return True
    return False


def _first_person(f: Frame) -> bool:
    """Whether a frame's speaker is "I" or "we" (the span may carry the quotation's opening
    mark: '"We want to see the judge.')."""
    return f.speaker is not None and f.speaker.text.strip(_MARKS).lower() in ("i", "we")


def _own_speaker(sent: Span, frames: list[Frame]) -> bool:
    """Whether a sentence credits a speaker of its own, with a reporting verb outside quotation
    marks. "We want to see the judge" and "Trump wants to run the White House" inside a
    quotation do not: an intention's holder is not who the quotation is credited to, and "we"
    is whoever that is."""
    onto = load_ontology()
    text, para = sent.doc.text, _paragraph_start(sent)
    return any(
        f.speaker is not None
        and f.report_verb is not None
        and not _first_person(f)
        and lemma(sent.doc[f.report_verb]) not in onto.intention_verbs
        # a report quoted inside the quotation ('"He started this by saying Obama is not a
        # citizen"') is the quoted speaker's word, not the quotation's credit
        and not _inside_quote(text, sent.doc[f.report_verb].idx, para)
        for f in frames
    )


def _same_speaker(a: Frame, b: Frame) -> bool:
    return a.speaker is not None and b.speaker is not None and a.speaker.start == b.speaker.start


def _attribute(sent: Span, frames: list[Frame], source: Frame) -> bool:
    """Give a quoted sentence's frames the quotation's speaker (or make it a STATEMENT:
    True then)."""
    assert source.speaker is not None
    sourced = {k for k, f in enumerate(frames) if f.speaker is not None and not _first_person(f)}
    _give_speaker(frames, source.speaker, source.speaker_anaphoric, sourced)
    if not frames and any(ch.isalnum() for ch in sent.text):  # not a stray closing quote
        frames.append(
            _sentence_statement(
                sent, source.speaker, source.speaker_anaphoric, speaker_is_agent=False
            )
        )
        return True
    return False


# "PENCE: Well, the question …" — a transcript's speaker label opening a paragraph
_LABEL = re.compile(r"([A-Z][A-Z.'\u2019\- ]{1,30}[A-Z])\s*:\s")
# a paragraph opened by a person's or organisation's name and a colon (headlines, link lists,
# mixed-case transcripts): checked against the NER before it counts
_NAME_LABEL = re.compile(
    r"(?:^|\n)[ \t]*[\"\u201c]?([A-Z][\w.'\u2019\-]*(?: [A-Z][\w.'\u2019\-]*){0,5}):[ \t]"
)
_NOT_LABELS = {
    "UPDATE",
    "NOTE",
    "EDITOR'S NOTE",
    "WATCH",
    "PHOTO",
    "VIDEO",
    "READ MORE",
    "RELATED",
    "CORRECTION",
    "CLARIFICATION",
    "AP",
    "UPI",
    "Q",
    "A",
    "FILE",
    "MORE",
    "BREAKING",
    "EXCLUSIVE",
    "OPINION",
    "ANALYSIS",
    "WASHINGTON",
    "LONDON",
}


def _names_speaker(label: Span) -> bool:
    """A label that names a person or an organisation (the tagger splits "Mark Cuban" into a
    first name and a nationality): not a place, a date or a common-noun heading."""
    if any(t.ent_type_ in ("PERSON", "ORG") for t in label):
        return True
    last = label[-1]
    return all(t.pos_ == "PROPN" or not t.is_alpha for t in label) and last.ent_type_ not in (
        "GPE",
        "LOC",
        "FAC",
        "DATE",
        "TIME",
        "EVENT",
    )


def _place_label(doc: Doc, start: int, end: int) -> bool:
    """Whether a capitalised label is a place the NER names (a dateline or a table heading)."""
    label = doc.char_span(start, end, alignment_mode="expand")
    return label is not None and all(
        t.ent_type_ in ("GPE", "LOC", "FAC") for t in label if t.is_alpha
    )


def transcript_frames(
    by_sentence: list[tuple[Span, list[Frame]]],
) -> list[tuple[Span, list[Frame]]]:
    """In a transcript ("WALLACE: …", "PENCE: …") everything in a labelled paragraph is said by
    the labelled speaker: frames with no speaker (or a quoted "I"/"you") get the label as speaker,
    and a sentence with no frame becomes a STATEMENT of theirs."""
    if not by_sentence:
        return by_sentence
    text = by_sentence[0][0].doc.text
    labels: dict[int, RoleSpan] = {}
    doc = by_sentence[0][0].doc
    places: set[int] = set()
    for m in re.finditer(r"(?:^|\n)\s*[\"\u201c]?" + _LABEL.pattern, text):
        name = m.group(1).strip()
        if name in _NOT_LABELS or len(name) < 2:
            continue
        start = m.start(1)
        labels[start] = RoleSpan(start, m.end(1), text[start : m.end(1)], start, m.end(1))
        if _place_label(doc, start, start + len(name)):
            places.add(start)
    if places and all(k in places for k in labels):
        # "NEW DELHI: The High Court today …" (a dateline), "KENYA: Dead: 192" (a heading):
        # only places stand as labels, so no one speaks ("RIVERA:" beside "HOST:" still does)
        labels.clear()
    for m in _NAME_LABEL.finditer(text):  # "Mark Cuban: A businessman can run this country"
        named = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if named is not None and _names_speaker(named) and m.group(1).upper() not in _NOT_LABELS:
            start = m.start(1)
            labels[start] = RoleSpan(start, m.end(1), m.group(1), start, m.end(1))
    if not labels:
        return by_sentence
    starts = sorted(labels)
    for sent, frames in by_sentence:
        para = _paragraph_start(sent)
        label = next((labels[k] for k in reversed(starts) if para <= k < sent.end_char), None)
        if label is None:
            continue
        own = {
            k
            for k, f in enumerate(frames)
            if f.speaker is not None and f.speaker.text.lower() not in QUOTED_SPEAKERS
        }
        colon = text.find(":", label.end) + 1
        if sent.end_char <= colon:
            continue  # the label itself, cut off by the parser ("Mark" | "Cuban: …")
        _give_speaker(frames, label, False, own)
        said = sent
        if sent.start_char < colon:  # what follows the label is what was said
            said = doc.char_span(colon, sent.end_char, alignment_mode="contract") or sent
        if not frames and any(ch.isalnum() for ch in said.text):
            frames.append(_sentence_statement(said, label, False, speaker_is_agent=True))
    return by_sentence
