"""Who a claim is attributed to, and how firmly: reporting frames and modality over the parse.

Rules (cue words live in ontology/attribution.yaml):
  1. Walk up from the event's trigger. A reporting verb whose clausal complement holds the event
     ("X said that …", "…, X reports" parsed as the head) names the speaker: its subject.
  2. A stance noun object of a stance verb ("X expressed concern that/about …") names the speaker
     and sets the modality class (concern → suspected, skepticism → doubted).
  3. "according to X" anywhere in the event's clause names X.
  4. A postposed frame the parser hung below the event ("… in Belarus, the institute reports")
     is found among the clause head's conjuncts: its speaker is the phrase right before the verb.
  5. No frame: the publisher asserts it.
Modality precedence: denied/doubted/suspected/claimed from the frame > modal marking in the claim
clause (will → predicted, could/may → suggested, plan to → planned) > the frame's class
(reported, suggested, predicted) > asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimgraph.extract.ontology import Ontology, load_ontology
from claimgraph.ontology.schema import FRAME_OVERRIDES

STRONG = FRAME_OVERRIDES  # frame classes that override the clause's own modal marking
QUOTED_SPEAKERS = {"i", "we", "you", "me", "us"}  # speakers inside a quotation
CITING_VERBS = ("quote", "cite")  # name who or what is relied on ("citing X sources")
_CLAUSAL = {
    "ccomp",
    "xcomp",
    "advcl",
    "acl",
    "relcl",
    "conj",
    "pcomp",
    "prep",
    "pobj",
    "dobj",
    "parataxis",
}


@dataclass
class Attribution:
    speaker: Span | None
    anaphoric: bool
    frame_class: str | None  # reporting class of the frame, None when no frame
    report_verb: Token | None


def indefinite(tok: Token) -> bool:
    """A phrase that brings in a new or no referent ("a New Jersey company", "no group"), so
    it has no antecedent; "Acme, a toy maker, …" is still Acme."""
    return tok.dep_ != "appos" and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "another", "no", "any", "some")
        for c in tok.children
    )


def lemma(tok: Token) -> str:
    """Lemma with a verb particle joined ("set up", "point out")."""
    base = load_ontology().lemma_fixes.get(tok.lower_, tok.lemma_.lower())
    prt = [c for c in tok.children if c.dep_ == "prt"]
    return f"{base} {prt[0].lower_}" if prt else base


def reports(verb: Token, onto: Ontology) -> str | None:
    """The verb's reporting class, unless its object makes it another verb ("the blast claimed
    12 lives" reports nothing)."""
    word = lemma(verb)
    cls = onto.reporting.get(word)
    if cls is None:
        return "reported" if hearing_body(verb, onto) is not None else None
    excluded = onto.reporting_object_excludes.get(word)
    if excluded and any(
        c.dep_ == "dobj"
        and (
            c.lemma_.lower() in excluded
            or ("number" in excluded and any(t.ent_type_ in _COUNTS for t in c.subtree))
        )
        for c in verb.children
    ):
        return None
    return cls


_COUNTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}  # "added 8 million subscribers"


def hearing_body(verb: Token, onto: Ontology) -> Token | None:
    """The court, jury or inquiry that heard or was told what the clause says, when it is the
    subject of a hearing verb ("…, a court heard", "jurors were told")."""
    if lemma(verb) not in onto.hearing_verbs:
        return None
    subj = subject_of(verb)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    return (
        subj
        if subj.lower_ in onto.hearing_bodies or subj.lemma_.lower() in onto.hearing_bodies
        else None
    )


def subject_of(verb: Token) -> Token | None:
    return nearest_subject(verb, ("nsubj", "nsubjpass", "csubj"))


_BREAKS = {"-", "--", "—", "–", ":", "_"}  # "_": the wire services' dash


def nearest_subject(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb's first subject of these kinds, unless a dash or colon parts it from a later
    one before the verb: then the first is a heading the parser made a subject too ("- China's
    'lies' - … more than 200 lawyers were detained")."""
    subjects = [c for c in verb.children if c.dep_ in deps and c.text not in _BREAKS]
    if not subjects:
        return None
    first = subjects[0]
    for later in subjects[1:]:
        if later.i < verb.i and (
            any(t.text in _BREAKS for t in verb.doc[first.right_edge.i + 1 : later.left_edge.i])
            or _postposed(later, verb)
            # one phrase split in two ("A magnitude 6.8 earthquake struck"): its last noun
            or (first.right_edge.i + 1 == later.left_edge.i and first.pos_ == later.pos_ == "NOUN")
        ):
            first = later
    return first


def _postposed(subj: Token, verb: Token) -> bool:
    """ "Forces shot dead three guerrillas suspected of X, the television said": a subject set
    off by a comma right before the verb, after a clause the verb governs, says that clause
    (the parser made a subject of a word inside it too)."""
    doc = verb.doc
    between = doc[subj.right_edge.i + 1 : verb.i]
    return (
        doc[subj.left_edge.i - 1].text in (",", "”", "''", '"')
        and all(t.dep_ in ("aux", "advmod", "neg") for t in between)
        and any(c.dep_ == "ccomp" and c.i < subj.i for c in verb.children)
    )


_OWN_COMPLEMENTS = ("dobj", "ccomp", "xcomp", "dative", "nsubjpass", "attr", "acomp", "oprd")


def raised_object(verb: Token) -> Token | None:
    """The object a verb shares with the verb conjoined right after it ("police questioned and
    released two men": the men are questioned too); None when the verb has a complement of its
    own or something stands between it and the conjunction."""
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in _OWN_COMPLEMENTS for c in verb.children):
        return None
    doc = verb.doc
    if verb.i + 2 >= len(doc) or doc[verb.i + 1].dep_ != "cc" or doc[verb.i + 1].head.i != verb.i:
        return None
    nxt = doc[verb.i + 2]
    if nxt.dep_ != "conj" or nxt.head.i != verb.i or _tense_tag(nxt) != _tense_tag(verb):
        return None  # "not to shoot and begging her husband": two clauses, not one object
    if subject_of(nxt):
        return None
    return next((c for c in nxt.children if c.dep_ == "dobj" and c.i > nxt.i), None)


def _tense_tag(verb: Token) -> str:
    """A verb's tag, with the parser's VB/VBP confusion after a plural subject made one
    ("China and Russia welcome [VBP] and support [VB] the plan")."""
    return "VB" if verb.tag_ == "VBP" else verb.tag_


def quoted_as(verb: Token) -> Token | None:
    """Who "saying" has for speaker in "the Post quoted an aide as saying …": the paper that
    quotes (attribution corpora credit it; the aide is often unnamed), else the one quoted
    ("he was quoted as saying …")."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    quoting = prep.head
    by = by_agent(quoting)
    return (
        next((c for c in quoting.children if c.dep_ == "nsubj"), None)
        or by
        or next((c for c in quoting.children if c.dep_ == "nsubjpass"), None)
    )


def by_agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive verb ("was quoted by the agency")."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def relays_quote(verb: Token, onto: Ontology) -> bool:
    """Whether the verb quotes someone "as saying" something ("X was quoted as saying"): what
    is said is that clause's ("described X as not being …" is a description, said by X's
    describer)."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(k.dep_ == "pcomp" and reports(k, onto) for k in c.children)
        for c in verb.children
    ) and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def placed_actor(tok: Token) -> Token | None:
    """ "The Kirkland, Wash., company", "the Pittsburgh, Pennsylvania-based company": the
    parser makes the town the subject and the company its apposition; the company acts (a town
    with "the" before it is a modifier, not a name standing alone)."""
    if tok.ent_type_ != "GPE" or not any(
        c.dep_ == "det" and c.lower_ == "the" and c.i < tok.i for c in tok.children
    ):
        return None
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)


def comma_aside(c: Token) -> bool:
    """An adjective phrase set off by a comma after its noun ("officials, eager to rebut
    criticism, …"), or a short prepositional aside between commas ("some groups, to their
    credit, have …"): a description, not part of the name."""
    doc = c.doc
    if c.i < c.head.i or c.left_edge.i == 0 or doc[c.left_edge.i - 1].text != ",":
        return False
    if c.dep_ == "amod" and c.pos_ == "ADJ":
        return True
    return (
        c.dep_ == "prep"
        and c.head.pos_ in ("NOUN", "PROPN")
        and c.right_edge.i - c.left_edge.i < 4
        and c.right_edge.i + 1 < len(doc)
        and doc[c.right_edge.i + 1].text == ","
    )


def phrase(tok: Token) -> Span:
    """The token's noun phrase without a leading determiner or trailing punctuation."""
    toks = list(tok.subtree)
    start, end = toks[0].i, toks[-1].i + 1
    doc = tok.doc
    aside = next((c for c in tok.rights if comma_aside(c)), None)
    if aside is not None:  # "Residents, angry at the delays, said …": the residents
        end = aside.left_edge.i
    if tok.dep_ in ("nsubj", "nsubjpass"):  # (a clause keeps its time)
        when = next(
            (c for c in tok.rights if c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")),
            None,
        )
        if when is not None:  # "Trump this week also said …": Trump, not "Trump this week"
            end = min(end, when.left_edge.i)
        who = next(
            (
                c
                for c in tok.rights
                if c.dep_ == "relcl" and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ","
            ),
            None,
        )
        if who is not None:  # "X's stepmother, who married X's father, said": the stepmother
            end = min(end, who.left_edge.i)
    while start < end - 1 and (
        doc[start].dep_ == "det"
        or doc[start].is_punct
        or (doc[start].dep_ == "mark" and doc[start].lower_ == "for")  # "for X to resign"
    ):
        start += 1
    while end > start + 1 and doc[end - 1].is_punct and doc[end - 1].text != "%":
        end -= 1  # "4%" keeps its sign
    return doc[start:end]


def _parenthetical_frame(head: Token, onto: Ontology) -> Token | None:
    """ "Iran, the official said, had sent drones": a reporting verb set off by commas inside
    the clause it vouches for, with nothing of its own to say."""
    doc = head.doc
    for c in head.children:
        if not (
            c.dep_ in ("parataxis", "advcl")
            and c.i < head.i
            and c.pos_ == "VERB"
            and reports(c, onto)
            and not any(k.dep_ in ("ccomp", "xcomp", "dobj", "mark") for k in c.children)
        ):
            continue
        words = [t.i for t in c.subtree if not t.is_punct]
        first, last = min(words), max(words)
        if (
            first - 1 > head.sent.start
            and doc[first - 1].text == ","
            and last + 1 < head.sent.end - 1
            and doc[last + 1].text == ","
        ):
            return c
    return None


def _speaker_before(verb: Token) -> Span | None:
    """The phrase between the last comma and a postposed reporting verb."""
    doc = verb.doc
    i = verb.i - 1
    start = verb.sent.start
    while i >= start and doc[i].text not in {",", ";", "—", "–"}:
        i -= 1
    span = doc[i + 1 : verb.i]
    # "…, with some predicting bloodshed": the speakers are "some", not "with some"
    while len(span) > 1 and (span[0].dep_ == "det" or span[0].pos_ in ("ADP", "SCONJ")):
        span = span[1:]
    return span if len(span) else None


_RELATIVE_OPENERS = frozenset({"which", "who", "whom", "that", "what"})


def _names_someone(span: Span) -> bool:
    """A postposed speaker is a noun phrase: no verb, no dangling "and" ("He sold the
    property and said …" names no speaker before "said"), no relative clause, and not a time
    ("X, 98.6%-owned by Y, earlier this month announced …")."""
    return (
        all(t.pos_ not in ("VERB", "AUX", "CCONJ", "SCONJ") for t in span)
        and span[0].lower_ not in _RELATIVE_OPENERS
        and span.root.ent_type_ not in ("DATE", "TIME")
    )


def of_object(tok: Token | None) -> Token | None:
    """The object of a word's "of" phrase ("the release of X" → X; "many of the experts")."""
    if tok is None:
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


_GROUP_WORDS = frozenset({"those", "some", "others", "many", "several", "few", "both", "all"})


def is_anaphoric(span: Span, onto: Ontology) -> bool:
    """Speakers such as "the report", "the experts" or "he" point back to the article's last
    named source."""
    root = span.root
    if root.lower_ in _GROUP_WORDS:
        return False  # "those close to him", "some analysts", "others": a new group
    if root.pos_ == "PRON":
        return True
    if root.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in root.children
    ):
        return False  # "foreign policy analysts said": analysts in general, not "the analysts"
    if any(  # a date names no one: "the warning, posted Saturday on …"
        (t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME"))
        or t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
        for t in span
    ):
        return False
    if root.lemma_.lower() in onto.document_speakers and any(
        c.dep_ in ("compound", "poss")
        and c.pos_ in ("NOUN", "PROPN")
        and c.lemma_.lower() in onto.actor_nouns
        for c in root.children
    ):
        return False  # "the army statement said": the army's, not the last speaker's
    if root.lemma_.lower() in onto.anaphoric_speakers | onto.document_speakers and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another"))
        or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in root.children
    ):
        return False  # "an analyst said", "one expert thinks": someone new, not one named before
    return root.lemma_.lower() in onto.anaphoric_speakers | onto.document_speakers


_SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
_NOT_NAMES = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"}


def can_speak(tok: Token, onto: Ontology, *, strict: bool = False) -> bool:
    """Whether a reporting verb's subject can be a source. Any noun can ("the ad says", "the
    survey shows", "twelve percent said") but a date or a sum; `strict` (a subject found
    indirectly, e.g. the noun a relative clause hangs on) asks for a name, a pronoun or a noun
    of people, institutions or documents (ontology lists): "problems that experts thought …"
    is the experts' thought, not the problems'."""
    if tok.ent_type_ in _NOT_NAMES:
        return False
    if not strict:
        return True
    if tok.ent_type_ in _SPEAKER_LABELS or tok.pos_ in ("PROPN", "PRON"):
        return True
    word = tok.lemma_.lower()
    if word in onto.quantifier_heads:  # "many of the experts", "some said"
        obj = of_object(tok)
        return obj is None or can_speak(obj, onto, strict=True)
    if (
        word in onto.actor_nouns
        or tok.lower_ in onto.actor_nouns
        or word in onto.speaker_nouns
        or word in onto.anaphoric_speakers
        or word in onto.document_speakers
    ):
        return True
    return any(  # "Iranian state media", "the Kremlin's readout"
        c.ent_type_ in _SPEAKER_LABELS
        for c in tok.children
        if c.dep_ in ("amod", "compound", "poss", "nmod")
    )


def according_to(tok: Token, onto: Ontology) -> Token | None:
    """X in "according to X" when X can speak: "according to EU directives" or "according to
    the plan" says in conformity with a rule, not who says so."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None or obj.lemma_.lower() in onto.conformity_nouns:
        return None
    return obj


def clause_verb(tok: Token) -> Token:
    """The verb of the clause a word hangs on (the first verb above it; the root if none)."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _vouches_elsewhere(according: Token, trigger: Token) -> bool:
    """ "according to X" inside a relative clause the trigger is not in ("Y criticised the deal,
    which would cut taxes, according to X") vouches for that clause only."""
    verb = clause_verb(according)
    return verb.dep_ in ("relcl", "acl") and not (
        verb.left_edge.i <= trigger.i <= verb.right_edge.i
    )


def reporter_act(tok: Token, onto: Ontology) -> bool:
    """ "He said the levy was fair, rejecting the claim …": a participle without a subject
    after a reported clause is done by the reporter (the parser hangs it on the clause)."""
    head = tok.head
    return (
        tok.tag_ == "VBG"
        and tok.dep_ == "advcl"
        # "Reports said a blast damaged the embassy, killing 40": the blast kills; only a
        # saying act is the reporter's
        and (lemma(tok) in onto.speech_act_verbs or reports(tok, onto) is not None)
        and subject_of(tok) is None
        and head.dep_ == "ccomp"
        and head.head.i < head.i < tok.i  # not "X did it, killing Y, witnesses said"
        and reports(head.head, onto) is not None
        and subject_of(head.head) is not None
    )


def negated(tok: Token) -> bool:
    """A "not"/"n't" on the word itself ("did not blame", "pleaded not guilty")."""
    return any(c.dep_ == "neg" for c in tok.children)


def blamed_for(trigger: Token, onto: Ontology) -> tuple[Token, Token | None, Token | None] | None:
    """Who an act is laid on, by whom, and the word that lays it (attribution.yaml `blame`):
    "X blamed Y for the attack" → (Y, X, blamed); "Y was behind the bombing" → (Y, None, None);
    "Y claimed responsibility for the blast" → (Y, Y, claimed); one hop through a noun such as
    "involvement in" or "a role in". A denial or a negated blame lays nothing."""
    words = onto.blame
    if words and trigger.dep_ == "dobj" and lemma(trigger.head) in words.get("linking", ()):
        # "evidence linking the blasts to Bin Laden": Bin Laden is who is suspected
        to = next((c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        suspect = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        return (suspect, None, trigger.head) if suspect is not None else None
    while trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        trigger = trigger.head  # "criticized X for shooting and killing Y": both X's acts
    if not words or trigger.dep_ not in ("pobj", "pcomp"):
        return None
    prep = trigger.head
    if prep.lower_ not in words.get("preps", frozenset()):
        return None
    head = prep.head
    if head.pos_ == "NOUN" and head.lemma_.lower() in words.get("nouns", frozenset()):
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        verb = head.head
        if head.dep_ == "dobj" and lemma(verb) in words.get("claiming", frozenset()):
            subj = subject_of(verb)  # "Y claimed responsibility for the blast"
            if subj is None or negated(verb) or said_of_nobody(verb):
                return None  # "no one has claimed responsibility for the attack"
            return subj, subj, verb
        if owner is not None:  # "Russia's involvement in the poisoning"
            return owner, None, None
        if head.dep_ in ("dobj", "attr") and lemma(verb) in ("have", "play"):
            subj = subject_of(verb)  # "Y had a role in the attack"
            return (subj, None, None) if subj is not None and not negated(verb) else None
        if head.dep_ != "pobj" or head.head.lower_ not in ("of", "for", "in"):
            return None
        prep = head.head  # "accused Y of involvement in the attack"
        head = prep.head
    if negated(head):
        return None
    p = prep.lower_
    laying = words.get("verbs", frozenset()) | words.get("crediting", frozenset())
    if head.pos_ in ("VERB", "AUX") and lemma(head) in laying:
        if p not in ("for", "of"):
            return None
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        subj = subject_of(head)
        by = next((c for c in head.children if c.dep_ == "agent"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if subj is not None and subj.dep_ == "nsubjpass":  # "Y was blamed (by X) for it"
            return subj, agent, head
        if subj is None and obj is None and head.dep_ == "acl" and head.tag_ == "VBN":
            # "police arrested a man suspected of killing his wife": the man, not the police
            return head.head, agent, head
        return (obj, subj, head) if obj is not None else None
    if head.pos_ in ("NOUN", "PROPN", "PRON") and head.dep_ == "dobj" and p in ("for", "of"):
        verb = head.head  # the parser hangs "of killing" on the accused: "accused rebels of …"
        if lemma(verb) in laying and not negated(verb):
            return head, subject_of(verb), verb
        return None
    if head.pos_ == "ADJ" and head.lemma_.lower() in words.get("adjectives", frozenset()):
        if head.dep_ == "acomp":  # "Y was responsible for the bombing"
            subj = subject_of(head.head)
            return (subj, None, None) if subj is not None and not negated(head.head) else None
        verb = head.head  # "X holds Y responsible for the bombing"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) or subject_of(head)
        if obj is not None and lemma(verb) in words.get("verbs", frozenset()):
            return (obj, subject_of(verb), verb) if not negated(verb) else None
        return None
    if p == "in" and head.lemma_.lower() in words.get("participles", frozenset()):
        subj = subject_of(head) or (head.head if head.dep_ == "acl" else None)
        return (subj, None, None) if subj is not None else None  # "Y was involved in it"
    if p == "behind" and head.lemma_.lower() == "be":
        subj = subject_of(head)  # "Y was behind the attack"
        return (subj, None, None) if subj is not None else None
    return None


# "had the bridge rebuilt", "got him arrested": the subject had it done
CAUSATIVE_VERBS = frozenset({"have", "get"})

_SUBORDINATORS = {"when", "whenever", "while", "after", "before", "since", "once", "until"}


def gerund_subject(verb: Token, onto: Ontology) -> Token | None:
    """Who says it in a subjectless "saying" reached through a preposition ("X responded by
    saying …") or coordination ("X responded by cutting prices and saying …"): the first
    subject up the clause that can speak (strictly: "the benefits extend …, despite insisting
    that …" is no speaker); inside a reported clause, its reporter ("he maintains that …");
    "quoted as saying" is left to quoted_as."""
    node, via_prep = verb, False
    document = verb.head if verb.dep_ == "acl" else None
    if document is not None and document.lemma_.lower() in onto.document_speakers:
        # "the ministry issued a statement saying …": who issued it; "a statement saying …
        # was posted": the statement, which points back to its author
        issuer = subject_of(document.head) if document.dep_ == "dobj" else None
        return issuer if issuer is not None and can_speak(issuer, onto) else document
    for _ in range(4):
        if node.dep_ in ("advcl", "conj"):
            node = node.head
        elif node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ != "as":
            node, via_prep = node.head.head, True
        else:
            return None
        subj = subject_of(node)
        if subj is not None and not via_prep:
            return subj  # "X mocked it, saying …"
        if subj is not None:
            if node.dep_ == "ccomp" and reports(node.head, onto):
                return subject_of(node.head)
            return subj if can_speak(subj, onto, strict=True) else None
    return None


def _fronted_participle(node: Token) -> bool:
    """ "Asked to describe the device, O'Neill said …": a passive participle clause set before
    the speaker tells the circumstance of the report (he was asked), not what he reports
    ("Commenting on the shootings, X said …" still reports: what he comments on)."""
    subj = subject_of(node.head)
    return (
        node.dep_ == "advcl"
        and node.tag_ == "VBN"
        and subject_of(node) is None
        and subj is not None
        and node.right_edge.i < subj.i
    )


def _second_act(verb: Token, conj: Token, onto: Ontology) -> bool:
    """Whether a verb conjoined to a reporting verb that took a thing as its object ("denied
    the charges and called for calm") is the subject's next act, not what was reported (one
    told to people, "told customers about the bugs and …", is not so read)."""
    thing = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (
        thing is not None
        and thing.pos_ == "NOUN"
        and thing.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE")
        and thing.lemma_.lower() not in onto.actor_nouns
        and lemma(verb) not in onto.hearing_verbs
        and thing.i < conj.i
        and conj.pos_ == "VERB"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
    )


def find_attribution(trigger: Token, onto: Ontology) -> Attribution:
    """The nearest reporting/stance frame above the trigger, per the module rules. A quoted
    "I think …" inside "…, she said" is hers: first/second-person speakers defer to an outer
    frame when there is one."""
    node = trigger
    if reporter_act(trigger, onto):
        node = trigger.head.head  # "X said …, rejecting Y": X's own act, not what X says
    inner: Attribution | None = None
    while node.head.i != node.i:
        parent = node.head
        if node.dep_ not in _CLAUSAL and node.dep_ not in ("nsubj", "attr", "appos"):
            node = parent
            continue
        word = lemma(parent)
        if (
            parent.pos_ in ("VERB", "AUX")
            and (cls := reports(parent, onto))
            and node.dep_ in ("ccomp", "xcomp", "advcl", "parataxis", "conj", "dobj")
            and not (
                node.dep_ == "advcl"
                and any(
                    c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in _SUBORDINATORS)
                    for c in node.children
                )
            )
            and not _fronted_participle(node)
            # "the court found X guilty and sentenced her": a second act, not a finding's content
            # ("found Trump even statewide, but losing the south by 38 points" still finds)
            and not (node.dep_ == "conj" and node.tag_ != "VBG" and word in onto.document_finding)
            # "police questioned and released two men": one object for both acts, no content
            and not (node.dep_ == "conj" and raised_object(parent) is not None)
            # "rejected the results and called for protests": a second act of the subject's
            and not (node.dep_ == "conj" and _second_act(parent, node, onto))
            # "no one has claimed responsibility for the attack": nobody speaks
            and not said_of_nobody(parent)
        ):  # "if X attacks, Y will respond", "when X spent $7m, he thought …": a condition or
            # a time, not what Y reports
            if cls == "denied" and polarity(parent, onto) == "negative":
                cls = "suggested"  # "has neither confirmed nor denied carrying it out"
            subj = subject_of(parent)
            if (
                subj is not None
                and subj.dep_ == "nsubjpass"
                and word not in CITING_VERBS
                and hearing_body(parent, onto) is None  # "jurors were told that …": the jury's
            ):
                # "the attack is believed to …", "X is said to …": no speaker but a "by" one
                subj = by_agent(parent)
            elif subj is None and parent.tag_ == "VBG":
                subj = gerund_subject(parent, onto)  # "X mocked it, saying …": X speaks
            if subj is None:
                subj = quoted_as(parent)
            span = phrase(subj) if subj is not None else None
            found = Attribution(
                span,
                bool(span) and is_anaphoric(span, onto),
                cls,
                parent,
            )
            # "X is considering bidding for Y": an act X weighs, told by whoever reports that
            # X weighs it ("directors said X is considering …"), else by X
            weighed = word in onto.weighing_verbs and node.dep_ == "xcomp" and node.tag_ == "VBG"
            if (subj is None or subj.lower_ not in QUOTED_SPEAKERS) and not weighed:
                return found
            inner = inner or found
        if parent.pos_ == "NOUN" and parent.lemma_.lower() in onto.stance_nouns:
            verb = parent.head
            if verb.pos_ in ("VERB", "AUX") and lemma(verb) in onto.stance_verbs:
                subj = subject_of(verb)
                span = phrase(subj) if subj is not None else None
                cls = onto.stance_nouns[parent.lemma_.lower()]
                return Attribution(span, bool(span) and is_anaphoric(span, onto), cls, verb)
        node = parent
    if inner is not None:
        return inner
    # "according to X" in the event's clause (or the clause it completes)
    top = trigger
    while (
        top.dep_ in ("xcomp", "ccomp", "conj", "acl", "relcl", "dobj", "pcomp", "prep")
        or (top.i == trigger.i and top.dep_ in ("nsubj", "nsubjpass"))  # "the deal will …"
    ) and top.head.i != top.i:
        top = top.head
    for tok in top.subtree:
        if tok.lower_ == "according" and not _vouches_elsewhere(tok, trigger):
            obj = according_to(tok, onto)
            if obj is not None:
                span = phrase(obj)
                return Attribution(span, is_anaphoric(span, onto), "reported", None)
    # "as the BBC reported, rebels attacked …", "…, as reported by state media": an "as"
    # clause of a reporting verb with no clause of its own vouches for the clause it hangs on
    for c in top.children:
        if (
            c.dep_ == "advcl"
            and c.pos_ in ("VERB", "AUX")
            and (cls := reports(c, onto))
            and any(k.dep_ == "mark" and k.lower_ == "as" for k in c.children)
            and not any(k.dep_ in ("ccomp", "xcomp", "dobj") for k in c.children)
        ):
            subj = subject_of(c)
            if subj is not None and subj.dep_ == "nsubjpass":
                subj = None
            subj = subj or by_agent(c)
            if subj is not None:
                span = phrase(subj)
                return Attribution(span, is_anaphoric(span, onto), cls, c)
    # postposed frame parsed as a conjunct of the clause head
    head = trigger
    while (
        head.dep_ in ("xcomp", "conj", "ccomp") and head.head.i != head.i and head.head.i < head.i
    ):
        head = head.head
    for c in head.children:
        if c.dep_ in ("conj", "parataxis") and c.i > trigger.i and (cls := reports(c, onto)):
            if any(k.dep_ in ("ccomp", "xcomp") and k.i > c.i for k in c.children):
                continue  # "He sold it and said he'd double his money": says something else
            span = _speaker_before(c)
            if span is not None and _names_someone(span):
                return Attribution(span, is_anaphoric(span, onto), cls, c)
    frame = _parenthetical_frame(head, onto)
    if frame is not None and frame.i < trigger.i:
        span = _speaker_before(frame)
        if span is not None and _names_someone(span):
            return Attribution(span, is_anaphoric(span, onto), reports(frame, onto), frame)
    # the parser may hang a postposed ", the Post reported" anywhere: read the surface
    for c in trigger.sent:
        if c.i <= trigger.i or not (cls := reports(c, onto)) or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.dep_ in ("acl", "relcl", "amod", "appos", "nmod", "pobj") and subject_of(c) is None:
            continue  # "…, a charge denied by the Kremlin": a participle describing a noun
        if c.dep_ == "relcl" and any(
            k.tag_ in ("WDT", "WP", "WP$") or k.lower_ == "that" for k in c.children if k.i < c.i
        ):
            continue  # "…, which Russia denies": the relative clause's own report
        if any(k.dep_ == "aux" and k.tag_ == "MD" for k in c.children):
            continue  # "…, the alliance will respond": a prediction, not a postposed "X said"
        if (
            any(k.dep_ in ("ccomp", "xcomp") and k.i > c.i for k in c.children)
            or subject_of(c)
            and subject_of(c).i > c.i
        ):
            continue  # "…, X said that Y" introduces a new clause; not a postposed frame
        span = _speaker_before(c)
        before = span.start - 1 if span is not None else -1
        while before > 0 and c.doc[before].dep_ == "det":
            before -= 1
        if (
            span is not None
            and len(span) <= 8
            and _names_someone(span)
            and c.doc[before].text in {",", ";", "—", "–"}
        ):
            return Attribution(span, is_anaphoric(span, onto), cls, c)
    return Attribution(None, False, None, None)


# verbs whose clause is a bare infinitive the tagger may take for a present ("will see X buy")
_BARE_INFINITIVE_HEADS = frozenset({"see", "let", "make", "help", "watch"})


def planned_act(verb: Token, onto: Ontology) -> Token | None:
    """The noun a planning verb takes as the act its subject plans ("preparing new sanctions",
    "plotting an attack"), if told for the first time: not "planned the attacks" (organised
    them), "considering Russia's request" or "a request from X" (another's act), nor what
    a weighing verb weighs that others submit ("considering an appeal")."""
    if verb.pos_ != "VERB" or lemma(verb) not in onto.planning_verbs:
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None or noun.pos_ != "NOUN":
        return None
    if lemma(verb) in onto.weighing_verbs and noun.lemma_.lower() in onto.submitted_nouns:
        return None  # "considering a request", "weighing an offer": perhaps another's
    if any(
        c.dep_ == "poss"
        or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
        or (c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by"))
        for c in noun.children
    ):
        return None
    return noun


def clause_modality(trigger: Token, onto: Ontology) -> str | None:
    """Modal or future marking on the trigger or the verbs it is a complement of. A verb it is
    coordinated with lends its auxiliaries ("will build and run"), not its meaning: "approved
    and delivered six visas" delivered them."""
    node: Token | None = trigger
    steps = 0
    came_by = ""  # the dependency the walk last came up by
    if planned_act(trigger, onto) is not None:
        return "planned"  # "preparing sanctions", "plotting an attack": the noun's act is planned
    while node is not None and steps < 4:
        for c in node.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in onto.clause_modality:
                if c.lower_ == "must" and any(a.lower_ == "have" for a in node.children):
                    return "suggested"  # "must have known": a guess about the past
                return onto.clause_modality[c.lower_]
        if came_by == "xcomp" and lemma(node) in onto.infinitive_modality:
            # "was about to be deported", "is likely to invade": not done (yet)
            return onto.infinitive_modality[lemma(node)]
        if node.pos_ == "NOUN" and _kept(node):
            return None  # "kept their promise to kill him": the promised act was done
        # "voted to approve the law": the vote approved it (its own modals still count)
        voted = lemma(node) == "vote" and came_by == "xcomp" and lemma(trigger) in onto.voted_acts
        if (
            node.i != trigger.i
            and came_by != "conj"
            and lemma(node) in onto.clause_modality
            and not voted
        ):
            if lemma(node) == "expect" and any(c.dep_ == "auxpass" for c in node.children):
                return "predicted"  # "X is expected to be released": a forecast, not X's plan
            return onto.clause_modality[lemma(node)]
        if _purpose(node, onto):
            return "planned"  # "signed a deal to build a pipeline": the aim, not yet done
        # "acomp": "would be able / ready to …" carries the copula's auxiliaries; a bare
        # infinitive clause ("the deal will see Saudi Arabia buy 180 howitzers", "will let
        # them leave") those of the verb that governs it (not a reported "that" clause)
        bare = (
            node.dep_ == "ccomp"
            and (node.tag_ == "VB" or lemma(node.head) in _BARE_INFINITIVE_HEADS)
            and not any(c.dep_ in ("mark", "aux") for c in node.children)
        )
        if (
            node.dep_ in ("xcomp", "pcomp", "conj", "prep", "acl", "acomp") or bare
        ) and node.head.i != node.i:
            came_by = node.dep_
            node = node.head
            steps += 1
        else:
            break
    return None


_KEEPING = {"keep", "fulfil", "fulfill", "honor", "honour", "deliver"}


def _kept(noun: Token) -> bool:
    """Whether a promise or plan is the object of keeping it ("kept their promise to …")."""
    return noun.dep_ == "dobj" and lemma(noun.head) in _KEEPING


def to_infinitive(verb: Token) -> bool:
    """Whether the verb is marked by "to" ("to leave", "to finalize the deal")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def enacted_protest(verb: Token, onto: Ontology) -> bool:
    """A protest or demand made by the act it is the purpose of: "thousands gathered in the
    square to protest against X" protested there and then (ontology protest_moves)."""
    return (
        verb.dep_ == "advcl"
        and to_infinitive(verb)
        and lemma(verb.head) in onto.protest_moves
        and any(
            onto.plover.get(e) in ("PROTEST", "REQUEST")  # "marched to demand justice" too
            for e, _inv in onto.verbs.get(lemma(verb), [])
        )
    )


def _purpose(verb: Token, onto: Ontology) -> bool:
    """A purpose infinitive ("signed a deal to build a pipeline", "sent troops in order to
    protect the port", "a plan to close the mine"): what the act or the plan is for."""
    if verb.tag_ != "VB" or not to_infinitive(verb) or enacted_protest(verb, onto):
        return False
    # the parser's relative clause for "a $2.5 billion deal to sell …" is this "acl" too
    if verb.dep_ in ("acl", "relcl"):  # "kept their promise to kill him": done, not planned
        return verb.head.lemma_.lower() in onto.plan_nouns and not _kept(verb.head)
    return (
        verb.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and not (  # "caused glass to shatter": what happened to the object
            lemma(verb.head) in onto.object_control_verbs
            and any(c.dep_ == "dobj" for c in verb.head.children)
        )
    )


def _clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the verbs it is a complement or conjunct of, up to its clause head."""
    out, node = [trigger], trigger
    while node.dep_ in ("xcomp", "pcomp", "conj", "prep", "acl", "dobj", "pobj") and len(out) < 5:
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def hedging(trigger: Token, onto: Ontology) -> str | None:
    """ "if X attacks" (hypothetical), "reportedly", "allegedly", "probably": how firmly the
    clause itself states the event, whoever reports it; an event noun says it with its
    adjective ("the proposed merger", "an alleged bribe")."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        for c in trigger.children:
            if (
                c.dep_ in ("amod", "compound")
                and c.i < trigger.i
                and c.lower_ in onto.modality_adjectives
                # "a well-planned / carefully planned attack": how it was done, not a plan
                and not any(k.dep_ in ("advmod", "npadvmod") for k in c.children)
                and not (c.i > 0 and c.doc[c.i - 1].text == "-")
            ):
                return onto.modality_adjectives[c.lower_]
    for node in _clause_chain(trigger):
        for c in node.children:
            if c.dep_ == "mark" and c.lower_ in onto.conditional_marks:
                return "suggested"
            if c.dep_ == "advmod" and c.lower_ in onto.modality_adverbs:
                return onto.modality_adverbs[c.lower_]
    return None


def _backshifted(trigger: Token) -> bool:
    """Whether the clause's only modal is "would" (reported speech shifts "will" back)."""
    auxes = [c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    return "would" in auxes and not any(a in ("could", "might", "may") for a in auxes)


def modality(trigger: Token, attribution: Attribution, onto: Ontology) -> str:
    """Combine the frame's class and the clause's own modal marking by precedence."""
    if attribution.frame_class in STRONG:
        return attribution.frame_class
    own = clause_modality(trigger, onto)
    if own and attribution.frame_class and _backshifted(trigger):
        own = None  # "X said it would buy Y": the reported "will", as firm as the report
    own = own or hedging(trigger, onto)
    if own:
        return own
    return attribution.frame_class or "asserted"


_NEGATIVE_DETS = {"no", "never", "neither", "nor"}
# "nearly pulled out", "almost killed": before the verb, the act came close and did not happen
# ("killed nearly 200 people" puts the word on the number, after the verb)
_NEAR_MISS = {"nearly", "almost"}


def barred_by(tok: Token) -> Token | None:
    """The verb of "V X from/against doing" whose gerund this is ("stopped X from leaving")."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.lower_ not in ("from", "against") or prep.dep_ != "prep":
        return None
    verb = prep.head
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return verb if verb.pos_ in ("VERB", "AUX") and obj is not None and obj.i < prep.i else None


_NOBODY = {"nobody", "none", "nothing", "noone", "neither"}


def no_one(tok: Token) -> bool:
    """ "nobody", "none", "no one", "no shots": a phrase that names no one and nothing."""
    return tok.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in tok.children)


def said_of_nobody(verb: Token) -> bool:
    """A verb whose subject is no one happened to no one: "no one was hurt", "none of the
    passengers was injured", "no shots were fired"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(no_one(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def done_to_nobody(verb: Token) -> bool:
    """A verb whose object is no one was done to no one: "has arrested no one", "found no
    weapons", "sold no arms to Iran"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        no_one(c) or (c.lower_ == "one" and any(d.lower_ == "no" for d in c.children))
        for c in verb.children
        if c.dep_ == "dobj"
    )


_NOT_ONLY = {"only", "just", "merely", "solely"}


def _not_only(neg: Token) -> bool:
    """ "is not being investigated only by Britain", "not just X but Y": the act is affirmed
    and more is added, nothing is denied ("did not attack, only warned" is still denied)."""
    for t in neg.doc[neg.i + 1 : neg.i + 5]:
        if t.is_punct:
            return False
        if t.lower_ in _NOT_ONLY:
            return True
    return False


def _shares_negation(verb: Token) -> bool:
    """A verb joined by "or"/"nor" to a verb before it, with no subject or auxiliary of its
    own, falls under that verb's negation ("had not admitted a role or implicated anyone");
    joined by "but" or "and" it stands on its own ("did not buy the plant but sold the mine")."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.pos_ in ("VERB", "AUX")
        and head.pos_ in ("VERB", "AUX")
        and head.i < verb.i
        and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    )


def _any_denied(node: Token) -> bool:
    """Whether a noun with "any" sits under a negation, as an object or in a prepositional
    phrase ("has not received any aid", "isn't aware of any attempts"), not as a subject
    ("any attack would not go unanswered" is no denial of one)."""
    if node.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "any" for c in node.children):
        return False
    while node.head.i != node.i and node.dep_ not in ("nsubj", "nsubjpass", "csubj", "ccomp"):
        node = node.head
        if any(c.dep_ == "neg" for c in node.children):
            return True
    return False


def polarity(trigger: Token, onto: Ontology | None = None) -> str:
    """Negation on the trigger or on the verb it complements ("did not agree to build",
    "failed to reach a deal", "there is no way they will assist", "never paid")."""
    negating = onto.negating_verbs if onto is not None else frozenset()
    if said_of_nobody(trigger) or done_to_nobody(trigger):
        return "negative"
    node = trigger
    for _ in range(4):
        if any(
            (
                c.dep_ == "neg"
                and not _not_only(c)
                # "a well-planned attack _ clearly not the work of amateurs": a "not" the
                # parser hung after a noun denies what follows, not the noun
                and not (node.pos_ in ("NOUN", "PROPN") and c.i > node.i)
            )
            # "neither confirmed nor denied": the "neither" the parser calls a preconjunct
            or (c.dep_ in ("advmod", "det", "preconj") and c.lower_ in _NEGATIVE_DETS)
            or (
                c.dep_ == "advmod"
                and c.lower_ in _NEAR_MISS
                and c.i < node.i
                and node.pos_ in ("VERB", "AUX")
            )
            for c in node.children
        ):
            return "negative"
        if node.i != trigger.i and lemma(node) in negating:
            return "negative"
        if (
            node.i != trigger.i
            and lemma(node) in ("have", "be")
            and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in node.children)
        ):
            return "negative"  # "the two sides have yet to agree", "is yet to be signed"
        if node.dep_ in ("pcomp", "pobj") and node.head.lower_ == "without":
            return "negative"  # "left without paying", "surrendered without a fight"
        barred = barred_by(node)
        if barred is not None:  # "prevented the marchers from entering": they did not
            return (
                "negative"
                if onto is not None and lemma(barred) in onto.barring_verbs
                else "positive"
            )
        if _any_denied(node):
            return "negative"  # "isn't aware of any attempts to take over the company"
        if _shares_negation(node):
            node = node.head  # "did not attack the town or kill civilians": neither
            continue
        if (
            onto is not None
            and node.dep_ in ("xcomp", "ccomp")
            and node.head.i != node.i
            and reports(node.head, onto) == "denied"
        ):
            break  # "did not deny carrying it out": no denial, not a negated act
        if (
            node.dep_ in ("xcomp", "pcomp", "ccomp", "relcl", "acl", "acomp")
            and node.head.i != node.i
        ):  # "acomp": "was not ready to sign"
            if node.dep_ in ("ccomp", "relcl", "acl"):
                head = node.head  # "there is no way (that) they will assist"
                if head.pos_ == "NOUN" and any(c.lower_ == "no" for c in head.children):
                    return "negative"
                if node.dep_ == "ccomp" and lemma(head) in ("appear", "seem") and negated(head):
                    return "negative"  # "it did not appear that anyone else was injured"
                if node.dep_ == "ccomp":
                    break
            node = node.head
        else:
            break
    return "positive"
