"""The event ontology and attribution cues as lookup tables for the extractor.

`claimgraph.ontology` loads and validates `events.yaml` and `attribution.yaml` (unknown keys,
duplicate or conflicting triggers fail there, naming file, key and line); this module only turns
the checked data into the tables the extract stages look words up in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph.ontology import load_yaml
from claimgraph.ontology.schema import EVENT_KEYS, ROLES

__all__ = ["EVENT_KEYS", "ROLE_VALUES", "EventType", "Ontology", "load_ontology"]

ROLE_VALUES = frozenset(ROLES)


def _with_facilities(words: frozenset[str], facility: frozenset[str]) -> frozenset[str]:
    """ "facility" in a word list stands for every facility noun ("build: [facility, home]")."""
    return (words - {"facility"}) | facility if "facility" in words else words


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(name)
    return data


def _lemma(word: str) -> str:
    """YAML writes multi-word lemmas with underscores ("set_up"); match them spaced."""
    return word.replace("_", " ").lower()


@dataclass(frozen=True)
class EventType:
    name: str
    plover: str | None
    roles: dict[str, str]
    needs_object: frozenset[str] | None  # None: any object
    quantity: bool = False
    with_makes_dobj_recipient: bool = False
    exclude_objects: frozenset[str] = frozenset()
    # the verbs with the figurative senses exclude_objects rules out ("hit the market"); empty:
    # every trigger ("attacked a market" is an attack, "hit the market" a launch)
    figurative_verbs: frozenset[str] = frozenset()
    skip_with_complement: bool = False
    participle_needs_subject: frozenset[str] = frozenset()
    # verbs that in the simple present with a company as subject tell a timetable, not a trip
    # ("Mesa flies to 42 cities")
    schedule_verbs: frozenset[str] = frozenset()
    schedule_subjects: frozenset[str] = frozenset()  # common nouns for such a company
    needs_role_without_in: frozenset[str] = frozenset()  # "named in a lawsuit": no appointment
    complement_assisted_by: bool = False
    subject_needs: frozenset[str] | None = None  # the subject's head must be one of these
    subject_excludes: frozenset[str] = frozenset()  # … and must not be one of these
    hazard_subjects: frozenset[str] = frozenset()  # "Hurricane Betsy destroyed X": no agent
    answers_clause: frozenset[str] = frozenset()  # "…, a charge Russia denies": the accusation
    verb_needs_object: dict[str, frozenset[str]] = field(default_factory=dict)  # per verb
    # per light noun: the modifiers it needs ("conducted a nuclear test", not "a test")
    light_needs_modifiers: dict[str, frozenset[str]] = field(default_factory=dict)
    verb_excludes_object: dict[str, frozenset[str]] = field(default_factory=dict)  # per verb
    verb_excludes_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # "rally behind"
    # "refused to comment": the complement verbs under which the verb is no act of this type
    verb_excludes_complement: dict[str, frozenset[str]] = field(default_factory=dict)
    noun_needs_prep: dict[str, frozenset[str]] = field(default_factory=dict)  # "a call for X"
    opinion_with_clause: frozenset[str] = frozenset()  # "agreed (that) it was a problem"
    # verbs that, given "to" a figure, make up that figure: "contributed #34m to profit"
    to_figure_excludes: frozenset[str] = frozenset()
    only_intransitive: frozenset[str] = frozenset()  # "thousands demonstrated", not "… its skill"
    # verbs of a needs_object type that tell it with no object ("the rebels surrendered")
    needs_no_object: frozenset[str] = frozenset()
    setting_verbs: frozenset[str] = frozenset()  # MEASURE: "the bank raised rates to 4.5%"
    holding_verbs: frozenset[str] = frozenset()  # MEASURE: "the Fed held rates steady"
    not_caused_by: frozenset[str] = frozenset()  # "injured when a bus overturned": no assault
    # MEASURE: "Acme reported net income of $5m": the subject's word (source, reported)
    figure_reporting_verbs: frozenset[str] = frozenset()
    steady_words: frozenset[str] = frozenset()  # MEASURE: "… steady", "… unchanged"
    valuing_verbs: frozenset[str] = frozenset()  # MEASURE: "put the damage at $10 million"
    object_actor: bool = False  # the object must be an actor ("charged him", not "a fee")
    subject_actor: bool = False  # a subject must be an actor ("the plunge helped spark …": none)
    object_not_person: bool = False  # "released a report", not "released the hostages"
    it_is_organisation: bool = False  # "after it unveiled its computer": "it" is the company
    speaker_acts: bool = False  # an agentless act an acting body reports is its own act
    symmetric: bool = False  # "A and B agreed/met": each acts with the other as counterpart
    phrasal_replaces_bare: bool = False  # "jail for" is a sentence, the bare "jail" no arrest
    # … but not on these words: "Egypt and Qatar mediated the talks" (together, for others)
    third_party_verbs: frozenset[str] = frozenset()
    one_object: bool = False  # "named president and chief executive": one act, not two
    bare_nouns: bool = False  # nominal triggers count without an "of" phrase ("a blast")
    agentless: bool = False  # may be stated without an agent ("a bomb exploded", "X was arrested")
    no_agent: bool = False  # never has an agent (natural disasters)
    unscheduled: bool = False  # an incident is never dated ahead ("the Oct. 23 slaying")
    play_in_sport: bool = False  # in a sports report, a play unless someone is its victim
    blocks_complement: bool = False  # the complement it governs is not asserted ("urged X to …")
    needs_noun_object: bool = False  # only with a noun object, never a clause
    offer_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # "a bid for X"
    offering_verbs: frozenset[str] = frozenset()  # "made a bid": its subject bids
    promising_verbs: frozenset[str] = frozenset()  # "offered/pledged X": planned, not done
    sold_when_offered: frozenset[str] = frozenset()  # "offering 1.7m shares at $15": a sale
    possessor_target_nouns: frozenset[str] = frozenset()  # "Slepian's shooting": the victim
    not_with_question: bool = False  # not when its clause is a question ("asked whether …")
    not_with_preps: frozenset[str] = frozenset()  # "gave them until Friday": a deadline, no gift
    # not with a sum or a percentage moved ("sank $1.125") or counted ("charges of $24m")
    not_with_figure: bool = False
    object_verbs: frozenset[str] = frozenset()
    static_verbs: frozenset[str] = frozenset()  # MEASURE: a level only with a number
    share_verbs: frozenset[str] = frozenset()  # MEASURE: "X makes up 40% of exports"
    price_verbs: frozenset[str] = frozenset()  # MEASURE: "Acme closed at $41", its stock
    market_words: frozenset[str] = frozenset()  # "New York Stock Exchange", "London trading"
    moving_verbs: frozenset[str] = frozenset()  # MEASURE: "solar capacity grew by 32 percent"
    closing_verbs: frozenset[str] = frozenset()  # MEASURE: "shed 8p to close at 185p"
    move_words: frozenset[str] = frozenset()  # MEASURE: "prices closed lower" is a move
    move_objects: frozenset[str] = frozenset()  # MEASURE: "shares shed gains" is a move
    owned_figures: frozenset[str] = frozenset()  # MEASURE: figures a company reports of itself
    owner_nouns: frozenset[str] = frozenset()  # MEASURE: "the firm's revenue" has an owner
    # a reported statement whose content holds one of these lemmas is this event ("X said
    # Y was involved in the poisoning" accuses Y)
    statement_content: frozenset[str] = frozenset()
    # … of which these lemmas count only with one of their prepositions ("involvement in")
    content_needs_prep: dict[str, frozenset[str]] = field(default_factory=dict)
    # … and these only as what the content says someone is ("Y is the culprit")
    content_as_predicate: frozenset[str] = frozenset()
    # … and these only as a participle or with an actor for object ("Y was involved", "it
    # involved the army"; not "the job involves five tasks")
    content_as_participle: frozenset[str] = frozenset()
    answering_verbs: frozenset[str] = frozenset()  # "X faces/denied charges": X is accused
    # judging words that accuse only when the content's subject is an actor ("the department
    # is weak" blames the department; "the yen is weak" blames no one)
    judging_content: frozenset[str] = frozenset()
    # verbs that are this event only when someone else is to act: "wants Britain to answer",
    # "told them to leave" ask; "wants to leave" is an intention
    asking_verbs: frozenset[str] = frozenset()
    # verbs that buy what their "for" phrase names when their object is a sum: "paid $1.2
    # billion for the maker", "spent $70 million for a house"
    paying_verbs: frozenset[str] = frozenset()
    statement_figures: bool = False  # a reported statement stating a money/% figure is this
    noun_from_agent: bool = False  # "assistance from the World Bank": "from" names the agent
    passive_from_agent: frozenset[str] | None = None  # verbs that keep it as a passive (None: all)
    blocks_object_noun: bool = False  # "demanded the release of X": the release is not done
    undertaken_by_subject: bool = False  # "X went on a tour of Y": the subject makes it
    # verbs whose subject is "on" such a noun, which alone names its maker ("is on a visit")
    undertaking_verbs: frozenset[str] = frozenset()
    joined_by_subject: bool = False  # "thousands marched in a rally": who is in it holds it
    level_nouns: frozenset[str] = frozenset()  # MEASURE: "hit a five-year low" states a level
    possessor_is_target: bool = False  # "Laden's extradition": the possessor is acted upon
    of_is_agent: bool = False  # "the visit of the Pope": the noun's "of" actor does it
    of_is_means: bool = False  # "the threat of force": the noun's "of" phrase is the means
    nouns_need_object: frozenset[str] = frozenset()  # "the building of a dam", no "a building"
    on_is_target: frozenset[str] = frozenset()  # "blamed it on X", "put the blame on X": X
    names_offence: bool = False  # "charged with assault": the noun is the offence, no event
    # nouns of this type that name an offence in their "of" phrase or modifier ("charges of
    # murder", "murder charges", "a charge of violating the law"): that is their object
    offence_nouns: frozenset[str] = frozenset()
    offence_modifiers: frozenset[str] = frozenset()  # crimes no event noun names ("drugs")
    # a nominal trigger modified by one of these is another sense ("a general strike",
    # "an accidental explosion")
    noun_excludes_modifiers: frozenset[str] = frozenset()
    noun_excludes_preps: frozenset[str] = frozenset()  # "on strike": a bare noun's other sense
    noun_excludes_governors: frozenset[str] = frozenset()  # "joined the strike"
    # nouns that count what their "of" names ("a storm of criticism", "a flood of refugees"),
    # unless that is one of figurative_of_keeps ("a flood of water")
    figurative_of: frozenset[str] = frozenset()
    figurative_of_keeps: frozenset[str] = frozenset()
    # an attempt at this act ("tried to kill", "an assassination attempt", "attempted murder")
    # is this other event: the attempt happened even where the act did not
    attempted_as: str | None = None
    police_as: str | None = None  # "a police raid": a coercive act, not an attack
    police_agents: frozenset[str] = frozenset()
    police_triggers: frozenset[str] = frozenset()
    hosting_as: str | None = None  # "received the envoy": the host meets the guest
    hosting_verbs: frozenset[str] = frozenset()
    hosting_excludes: frozenset[str] = frozenset()  # "received two prisoners": handed over
    words_as: str | None = None  # "a verbal attack on the minister": an accusation
    words_modifiers: frozenset[str] = frozenset()
    object_excludes_modifiers: frozenset[str] = frozenset()  # "won the motor race"
    words_adverbs: frozenset[str] = frozenset()  # "publicly attacked the judge"
    words_targets: frozenset[str] = frozenset()  # "attacked his record": conduct or ideas
    words_not_labels: frozenset[str] = frozenset()  # "attacked them as revenge": a reason
    words_label_verbs: frozenset[str] = frozenset()  # "attacked X as Y" ("struck X as Y" not)
    words_owned_targets: frozenset[str] = frozenset()  # "his positions" (not "IS positions")
    persons_as: str | None = None  # "the minister clashed with the premier": in words
    persons_triggers: frozenset[str] = frozenset()
    vehicles_as: str | None = None  # "a train struck a logging truck": a crash
    tests_as: str | None = None  # "test-fired two missiles into the sea": a show of force
    test_words: frozenset[str] = frozenset()
    test_waters: frozenset[str] = frozenset()
    mishaps_as: str | None = None  # "a gas explosion at a coal mine": an accident
    mishap_nouns: frozenset[str] = frozenset()
    mishap_verbs: frozenset[str] = frozenset()
    mishap_things: frozenset[str] = frozenset()
    mishap_modifiers: frozenset[str] = frozenset()
    mishap_sites: frozenset[str] = frozenset()
    mishap_attack_cues: frozenset[str] = frozenset()
    vehicle_subjects: frozenset[str] = frozenset()
    vehicle_triggers: frozenset[str] = frozenset()
    # verbs under which an event noun with no determiner or phrase of its own is generic
    generic_governors: frozenset[str] = frozenset()
    # a person's home or office a visit goes to: the person is visited ("at Slepian's house")
    host_places: frozenset[str] = frozenset()
    # nouns that a trigger noun modifying them makes a kind of thing ("assault rifles")
    noun_excludes_heads: frozenset[str] = frozenset()
    # a light verb's noun that is an attack only thrown at someone ("threw stones at police")
    light_needs_target: frozenset[str] = frozenset()
    labour_as: str | None = None  # "a strike by rail workers": a walkout, not an attack
    labour_agents: frozenset[str] = frozenset()
    labour_triggers: frozenset[str] = frozenset()
    # words that make a document's bare "strike" a walkout ("strikers", "pre-strike")
    labour_cues: frozenset[str] = frozenset()
    # words before a strike noun that make it a walkout ("a general strike", "a 48-hour strike")
    labour_modifiers: frozenset[str] = frozenset()
    # a statement read as this type targets its content's subject ("X said Y lied": Y)
    content_subject_is_target: bool = False
    negated_as: str | None = None  # a negated reported statement of this type is that type
    nobody_as: str | None = None  # "no one was hurt": a zero count of that type, not this act
    held_on_as: str | None = None  # "arrested X on charges of fraud": that type, X its target
    ergative: bool = False  # with no object, the subject undergoes it ("the bridge reopened")
    # "two people died in the fire": dying of one of these causes is this event, the dead its
    # recipients and the cause its object
    dying_verbs: frozenset[str] = frozenset()
    dying_causes: frozenset[str] = frozenset()
    names_post: bool = False  # "named Smith chief executive": the name gets the post
    # inverse verbs that state a transfer with no giver named ("creditors will receive $92m")
    giverless_inverse: frozenset[str] = frozenset()
    # STIX relationship types towards an actor and towards a place (export/stix)
    stix: tuple[str, str] | None = None
    # a transfer of goods: (giving role, receiving role) — SUPPLY (agent, recipient) and
    # ACQUIRE (supplier, agent) are one transfer seen from either side
    transfer: tuple[str, str] | None = None

    def excludes(self, trigger: str, obj: str) -> bool:
        """Whether this object lemma rules out the type after this trigger lemma."""
        return obj in self.exclude_objects and (
            not self.figurative_verbs or trigger in self.figurative_verbs
        )


@dataclass
class Ontology:
    """Lookup tables built from events.yaml and attribution.yaml."""

    events: dict[str, EventType]
    verbs: dict[str, list[tuple[str, bool]]]  # lemma → [(event, inverse)]
    dying: dict[str, list[str]]  # "die", "perish" → the events a death of a cause is
    light: dict[tuple[str, str], str]  # (verb lemma, noun lemma) → event
    asking: dict[str, str]  # "want", "tell" → the event they are with another's act asked
    paying: dict[str, str]  # "pay", "spend" → the event a sum paid for a thing is
    nouns: dict[str, str]  # nominal trigger lemma → event
    facility_nouns: frozenset[str]
    hardware_nouns: frozenset[str]  # goods shipped or ordered: "sold Iran fighter jets"
    measure_nouns: frozenset[str]
    quantity_relations: dict[str, str]  # cue → relation
    currencies: dict[str, str]
    reporting: dict[str, str]  # verb lemma → modality class
    stance_nouns: dict[str, str]
    stance_verbs: frozenset[str]
    anaphoric_speakers: frozenset[str]
    clause_modality: dict[str, str]
    metonyms: dict[str, str]
    leaders: dict[str, str]
    collective_nouns: frozenset[str] = frozenset()
    purpose_of_subject: frozenset[str] = frozenset()  # "kidnapped X to demand …": the doer's
    issued_texts: frozenset[str] = frozenset()  # "a resolution demanding …": its issuer's
    gap_nouns: frozenset[str] = frozenset()  # "the way they sell": no object left out
    receiving_verbs: frozenset[str] = frozenset()  # "received backing from X": X gives it
    plover: dict[str, str | None] = field(default_factory=dict)
    actor_nouns: frozenset[str] = frozenset()
    planning_verbs: frozenset[str] = frozenset()  # "preparing sanctions": an act planned
    submitted_nouns: frozenset[str] = frozenset()  # what is weighed may be another's
    # nouns that are a body only with one of their modifiers: "the upper house"
    actor_nouns_with_modifier: dict[str, frozenset[str]] = field(default_factory=dict)
    body_nouns: frozenset[str] = frozenset()  # "the army said it …": the army
    incident_modifiers: dict[str, str] = field(default_factory=dict)  # "bomb attack": bombing
    kind_heads: frozenset[str] = frozenset()  # "riot police": a kind of unit, no riot
    occurrence_verbs: frozenset[str] = frozenset()  # "talks resumed in Oslo": the talks' verb
    impact_verbs: frozenset[str] = frozenset()  # "floods displaced 1,000 in X": the floods' place
    protest_moves: frozenset[str] = frozenset()  # "gathered in X to protest": protested there
    depicting_verbs: frozenset[str] = frozenset()  # "the video showed X assaulting Y": X does
    destination_verbs: frozenset[str] = frozenset()  # "left for Paris to meet": a trip
    adverbial_for: frozenset[str] = frozenset()  # "for the most part": no object
    place_kind_nouns: frozenset[str] = frozenset()  # "the port city of Odesa": Odesa
    thing_nouns: frozenset[str] = frozenset()  # "found bombs and defused them": things
    charging_verbs: frozenset[str] = frozenset()  # "accused the man of theft": theft
    conjunction_participles: frozenset[str] = frozenset()  # "provided (that) …": a condition
    deadline_verbs: frozenset[str] = frozenset()  # "gave them 60 days to finalize the deal"
    deadline_as: str = "REQUEST"
    sought_by: frozenset[str] = frozenset()  # "a reward for his capture": not yet done
    calling_off_verbs: frozenset[str] = frozenset()  # "the meeting was cancelled": none held
    modality_adverbs: dict[str, str] = field(default_factory=dict)
    modality_adjectives: dict[str, str] = field(default_factory=dict)  # "the proposed merger"
    conditional_marks: frozenset[str] = frozenset()
    negating_verbs: frozenset[str] = frozenset()
    barring_verbs: frozenset[str] = frozenset()  # "prevented X from leaving": not done
    lacking_nouns: frozenset[str] = frozenset()  # "a lack of evidence": none there
    plan_nouns: frozenset[str] = frozenset()  # "a deal to build X": the building is planned
    offer_nouns: dict[str, str] = field(default_factory=dict)  # "bid" → ACQUIRE
    infinitive_modality: dict[str, str] = field(default_factory=dict)  # "about to leave"
    voted_acts: frozenset[str] = frozenset()  # "voted to approve the law": approved it
    object_control_verbs: frozenset[str] = frozenset()  # "caused glass to shatter"
    clause_only_reporting: frozenset[str] = frozenset()  # "found the bodies" reports nothing
    stance_objects: frozenset[str] = frozenset()  # "stressed the importance of X": a stance
    hearing_verbs: frozenset[str] = frozenset()  # "…, a court heard": the court's record
    hearing_bodies: frozenset[str] = frozenset()
    labelling_verbs: frozenset[str] = frozenset()  # "called the bill a betrayal"
    document_finding: frozenset[str] = frozenset()  # "the study found 31 cases", not a person
    speaker_reporting: frozenset[str] = frozenset()  # "Sanders showed no sign", not "the focus"
    finders: frozenset[str] = frozenset()  # "the court found …": a ruling or a result
    intention_verbs: frozenset[str] = frozenset()
    asking_complements: frozenset[str] = frozenset()  # "we want to know …": a question
    question_verbs: frozenset[str] = frozenset()  # "wondered why …": asked, not told
    consequence_verbs: frozenset[str] = frozenset()  # "the slump means that …": no one's word
    # "is considering bidding": an act weighed; "considering an appeal": perhaps another's
    weighing_verbs: frozenset[str] = frozenset()
    speech_act_verbs: frozenset[str] = frozenset()
    conformity_nouns: frozenset[str] = frozenset()
    quantifier_heads: frozenset[str] = frozenset()
    lemma_fixes: dict[str, str] = field(default_factory=dict)
    document_speakers: frozenset[str] = frozenset()  # "the report said": its author speaks
    # bodies that do what they report ("police said two men were arrested": police arrested)
    acting_sources: frozenset[str] = frozenset()
    own_voice_nouns: frozenset[str] = frozenset()  # "X's father said": the father speaks
    speaker_nouns: frozenset[str] = frozenset()  # "sources said": speak, but act in no event
    silent_when_negated: frozenset[str] = frozenset()  # "did not say how": nothing stated
    question_governors: frozenset[str] = frozenset()  # "to determine if …": asked, not told
    unsure_words: frozenset[str] = frozenset()  # "it is unclear if …"
    asked_for_comment: frozenset[str] = frozenset()  # "asked to comment": a question
    backdrop_preps: frozenset[str] = frozenset()  # "seen before the slaying": a time anchor
    blame: dict[str, frozenset[str]] = field(default_factory=dict)  # "blamed Y for the attack"
    subject_light: dict[tuple[str, str], str] = field(default_factory=dict)  # (verb, subject)
    attempt_words: frozenset[str] = frozenset()
    stop_nouns: frozenset[str] = frozenset()  # "a halt to the attacks": what stops an act
    sports_cues: frozenset[str] = frozenset()  # words that make a report a sports report
    comparison_preps: frozenset[str] = frozenset()
    baseline_words: frozenset[str] = frozenset()
    # reporting verb → objects that make it another verb ("the blast claimed 12 lives")
    reporting_object_excludes: dict[str, frozenset[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    ev = _load("events.yaml")
    at = _load("attribution.yaml")
    facility = frozenset(_lemma(w) for w in ev.get("facility_nouns", []))
    events: dict[str, EventType] = {}
    verbs: dict[str, list[tuple[str, bool]]] = {}
    dying: dict[str, list[str]] = {}
    light: dict[tuple[str, str], str] = {}
    asking: dict[str, str] = {}
    paying: dict[str, str] = {}
    subject_light: dict[tuple[str, str], str] = {}
    nouns: dict[str, str] = {}
    offers: dict[str, str] = {}
    measure: set[str] = set()
    for name, spec in ev["events"].items():
        stix, transfer = spec.get("stix"), spec.get("transfer")
        need = spec.get("needs_object")
        needs = facility if need == "facility" else (frozenset(map(_lemma, need)) if need else None)
        needs = _with_facilities(needs, facility) if needs is not None else None
        events[name] = EventType(
            name=name,
            plover=spec.get("plover"),
            roles=dict(spec.get("roles") or {}),
            needs_object=needs,
            quantity=bool(spec.get("quantity")),
            symmetric=bool(spec.get("symmetric")),
            phrasal_replaces_bare=bool(spec.get("phrasal_replaces_bare")),
            third_party_verbs=frozenset(map(_lemma, spec.get("third_party_verbs") or [])),
            one_object=bool(spec.get("one_object")),
            speaker_acts=bool(spec.get("speaker_acts")),
            with_makes_dobj_recipient=bool(spec.get("with_makes_dobj_recipient")),
            complement_assisted_by=bool(spec.get("complement_assisted_by")),
            exclude_objects=frozenset(map(_lemma, spec.get("exclude_objects") or [])),
            figurative_verbs=frozenset(map(_lemma, spec.get("figurative_verbs") or [])),
            skip_with_complement=bool(spec.get("skip_with_complement")),
            needs_role_without_in=frozenset(map(_lemma, spec.get("needs_role_without_in") or [])),
            schedule_verbs=frozenset(map(_lemma, spec.get("schedule_verbs") or [])),
            schedule_subjects=frozenset(map(_lemma, spec.get("schedule_subjects") or [])),
            participle_needs_subject=frozenset(
                map(_lemma, spec.get("participle_needs_subject") or [])
            ),
            subject_needs=(
                frozenset(map(_lemma, spec["subject_needs"])) if spec.get("subject_needs") else None
            ),
            subject_excludes=frozenset(map(_lemma, spec.get("subject_excludes") or [])),
            hazard_subjects=frozenset(map(_lemma, spec.get("hazard_subjects") or [])),
            giverless_inverse=frozenset(map(_lemma, spec.get("giverless_inverse") or [])),
            answers_clause=frozenset(map(_lemma, spec.get("answers_clause") or [])),
            verb_needs_object={
                _lemma(v): frozenset(map(_lemma, ws))
                for v, ws in (spec.get("verb_needs_object") or {}).items()
            },
            light_needs_modifiers={
                _lemma(n): frozenset(w.lower() for w in ws)
                for n, ws in (spec.get("light_needs_modifiers") or {}).items()
            },
            noun_needs_prep={
                _lemma(n): frozenset(w.lower() for w in ws)
                for n, ws in (spec.get("noun_needs_prep") or {}).items()
            },
            verb_excludes_object={
                _lemma(v): frozenset(map(_lemma, ws))
                for v, ws in (spec.get("verb_excludes_object") or {}).items()
            },
            verb_excludes_preps={
                _lemma(v): frozenset(w.lower() for w in ws)
                for v, ws in (spec.get("verb_excludes_preps") or {}).items()
            },
            verb_excludes_complement={
                _lemma(v): frozenset(map(_lemma, ws))
                for v, ws in (spec.get("verb_excludes_complement") or {}).items()
            },
            setting_verbs=frozenset(map(_lemma, spec.get("setting_verbs") or [])),
            holding_verbs=frozenset(map(_lemma, spec.get("holding_verbs") or [])),
            not_caused_by=frozenset(spec.get("not_caused_by") or []),
            figure_reporting_verbs=frozenset(map(_lemma, spec.get("figure_reporting_verbs") or [])),
            steady_words=frozenset(w.lower() for w in spec.get("steady_words") or []),
            valuing_verbs=frozenset(map(_lemma, spec.get("valuing_verbs") or [])),
            opinion_with_clause=frozenset(map(_lemma, spec.get("opinion_with_clause") or [])),
            to_figure_excludes=frozenset(map(_lemma, spec.get("to_figure_excludes") or [])),
            only_intransitive=frozenset(map(_lemma, spec.get("only_intransitive") or [])),
            needs_no_object=frozenset(map(_lemma, spec.get("needs_no_object") or [])),
            object_actor=bool(spec.get("object_actor")),
            subject_actor=bool(spec.get("subject_actor")),
            object_not_person=bool(spec.get("object_not_person")),
            it_is_organisation=bool(spec.get("it_is_organisation")),
            bare_nouns=bool(spec.get("bare_nouns")),
            agentless=bool(spec.get("agentless")),
            no_agent=bool(spec.get("no_agent")),
            unscheduled=bool(spec.get("unscheduled")),
            play_in_sport=bool(spec.get("play_in_sport")),
            blocks_complement=bool(spec.get("blocks_complement")),
            needs_noun_object=bool(spec.get("needs_noun_object")),
            not_with_question=bool(spec.get("not_with_question")),
            not_with_preps=frozenset(w.lower() for w in spec.get("not_with_preps") or []),
            not_with_figure=bool(spec.get("not_with_figure")),
            object_verbs=frozenset(map(_lemma, spec.get("object_verbs") or [])),
            static_verbs=frozenset(map(_lemma, spec.get("static_verbs") or [])),
            share_verbs=frozenset(map(_lemma, spec.get("share_verbs") or [])),
            price_verbs=frozenset(map(_lemma, spec.get("price_verbs") or [])),
            market_words=frozenset(w.lower() for w in spec.get("market_words") or []),
            moving_verbs=frozenset(map(_lemma, spec.get("moving_verbs") or [])),
            closing_verbs=frozenset(map(_lemma, spec.get("closing_verbs") or [])),
            move_words=frozenset(w.lower() for w in spec.get("move_words") or []),
            move_objects=frozenset(map(_lemma, spec.get("move_objects") or [])),
            owned_figures=frozenset(map(_lemma, spec.get("owned_figures") or [])),
            owner_nouns=frozenset(map(_lemma, spec.get("owner_nouns") or [])),
            statement_content=frozenset(map(_lemma, spec.get("statement_content") or [])),
            answering_verbs=frozenset(map(_lemma, spec.get("answering_verbs") or [])),
            content_needs_prep={
                _lemma(w): frozenset(map(_lemma, ps))
                for w, ps in (spec.get("content_needs_prep") or {}).items()
            },
            judging_content=frozenset(map(_lemma, spec.get("judging_content") or [])),
            content_as_predicate=frozenset(map(_lemma, spec.get("content_as_predicate") or [])),
            content_as_participle=frozenset(map(_lemma, spec.get("content_as_participle") or [])),
            asking_verbs=frozenset(map(_lemma, spec.get("asking_verbs") or [])),
            paying_verbs=frozenset(map(_lemma, spec.get("paying_verbs") or [])),
            statement_figures=bool(spec.get("statement_figures")),
            noun_from_agent=bool(spec.get("noun_from_agent")),
            passive_from_agent=(
                frozenset(map(_lemma, spec["passive_from_agent"]))
                if spec.get("passive_from_agent") is not None
                else None
            ),
            joined_by_subject=bool(spec.get("joined_by_subject")),
            undertaken_by_subject=bool(spec.get("undertaken_by_subject")),
            undertaking_verbs=frozenset(map(_lemma, spec.get("undertaking_verbs") or [])),
            blocks_object_noun=bool(spec.get("blocks_object_noun")),
            level_nouns=frozenset(map(_lemma, spec.get("level_nouns") or [])),
            possessor_is_target=bool(spec.get("possessor_is_target")),
            of_is_agent=bool(spec.get("of_is_agent")),
            of_is_means=bool(spec.get("of_is_means")),
            nouns_need_object=frozenset(map(_lemma, spec.get("nouns_need_object") or [])),
            on_is_target=frozenset(map(_lemma, spec.get("on_is_target") or [])),
            names_offence=bool(spec.get("names_offence")),
            offence_nouns=frozenset(map(_lemma, spec.get("offence_nouns") or [])),
            offence_modifiers=frozenset(map(_lemma, spec.get("offence_modifiers") or [])),
            noun_excludes_preps=frozenset(w.lower() for w in spec.get("noun_excludes_preps") or []),
            noun_excludes_governors=frozenset(
                map(_lemma, spec.get("noun_excludes_governors") or [])
            ),
            figurative_of=frozenset(map(_lemma, spec.get("figurative_of") or [])),
            figurative_of_keeps=frozenset(map(_lemma, spec.get("figurative_of_keeps") or [])),
            noun_excludes_modifiers=frozenset(
                map(_lemma, spec.get("noun_excludes_modifiers") or [])
            ),
            attempted_as=spec.get("attempted_as"),
            police_as=spec.get("police_as"),
            police_agents=frozenset(map(_lemma, spec.get("police_agents") or [])),
            police_triggers=frozenset(map(_lemma, spec.get("police_triggers") or [])),
            labour_as=spec.get("labour_as"),
            words_as=spec.get("words_as"),
            hosting_as=spec.get("hosting_as"),
            hosting_verbs=frozenset(map(_lemma, spec.get("hosting_verbs") or [])),
            hosting_excludes=frozenset(map(_lemma, spec.get("hosting_excludes") or [])),
            words_modifiers=frozenset(map(_lemma, spec.get("words_modifiers") or [])),
            object_excludes_modifiers=frozenset(
                w.lower() for w in spec.get("object_excludes_modifiers") or []
            ),
            words_adverbs=frozenset(w.lower() for w in spec.get("words_adverbs") or []),
            words_targets=frozenset(map(_lemma, spec.get("words_targets") or [])),
            words_not_labels=frozenset(map(_lemma, spec.get("words_not_labels") or [])),
            words_label_verbs=frozenset(map(_lemma, spec.get("words_label_verbs") or [])),
            words_owned_targets=frozenset(map(_lemma, spec.get("words_owned_targets") or [])),
            persons_as=spec.get("persons_as"),
            persons_triggers=frozenset(map(_lemma, spec.get("persons_triggers") or [])),
            vehicles_as=spec.get("vehicles_as"),
            mishaps_as=spec.get("mishaps_as"),
            tests_as=spec.get("tests_as"),
            test_words=frozenset(map(_lemma, spec.get("test_words") or [])),
            test_waters=frozenset(map(_lemma, spec.get("test_waters") or [])),
            mishap_nouns=frozenset(map(_lemma, spec.get("mishap_nouns") or [])),
            mishap_verbs=frozenset(map(_lemma, spec.get("mishap_verbs") or [])),
            mishap_things=frozenset(map(_lemma, spec.get("mishap_things") or [])),
            mishap_modifiers=frozenset(map(_lemma, spec.get("mishap_modifiers") or [])),
            mishap_sites=frozenset(map(_lemma, spec.get("mishap_sites") or [])),
            mishap_attack_cues=frozenset(map(_lemma, spec.get("mishap_attack_cues") or [])),
            vehicle_subjects=frozenset(map(_lemma, spec.get("vehicle_subjects") or [])),
            vehicle_triggers=frozenset(map(_lemma, spec.get("vehicle_triggers") or [])),
            generic_governors=frozenset(map(_lemma, spec.get("generic_governors") or [])),
            labour_agents=frozenset(map(_lemma, spec.get("labour_agents") or [])),
            labour_triggers=frozenset(map(_lemma, spec.get("labour_triggers") or [])),
            labour_cues=frozenset(w.lower() for w in spec.get("labour_cues") or []),
            labour_modifiers=frozenset(map(_lemma, spec.get("labour_modifiers") or [])),
            light_needs_target=frozenset(map(_lemma, spec.get("light_needs_target") or [])),
            noun_excludes_heads=frozenset(map(_lemma, spec.get("noun_excludes_heads") or [])),
            host_places=frozenset(map(_lemma, spec.get("host_places") or [])),
            content_subject_is_target=bool(spec.get("content_subject_is_target")),
            negated_as=spec.get("negated_as"),
            nobody_as=spec.get("nobody_as"),
            held_on_as=spec.get("held_on_as"),
            ergative=bool(spec.get("ergative")),
            names_post=bool(spec.get("names_post")),
            offering_verbs=frozenset(map(_lemma, spec.get("offering_verbs") or [])),
            promising_verbs=frozenset(map(_lemma, spec.get("promising_verbs") or [])),
            sold_when_offered=frozenset(map(_lemma, spec.get("sold_when_offered") or [])),
            possessor_target_nouns=frozenset(map(_lemma, spec.get("possessor_target_nouns") or [])),
            offer_nouns={
                _lemma(n): frozenset(map(_lemma, ws))
                for n, ws in (spec.get("offer_nouns") or {}).items()
            },
            dying_verbs=frozenset(map(_lemma, spec.get("dying_verbs") or [])),
            dying_causes=frozenset(map(_lemma, spec.get("dying_causes") or [])),
            stix=(stix["actor"], stix["place"]) if stix else None,
            transfer=(transfer["giver"], transfer["receiver"]) if transfer else None,
        )
        for v in [
            *(spec.get("verbs") or []),
            *(spec.get("object_verbs") or []),
            *(spec.get("setting_verbs") or []),
            *(spec.get("holding_verbs") or []),
            *(spec.get("valuing_verbs") or []),
        ]:
            if (name, False) not in verbs.get(_lemma(v), []):
                verbs.setdefault(_lemma(v), []).append((name, False))
        for v in spec.get("inverse") or []:
            verbs.setdefault(_lemma(v), []).append((name, True))
        for v in spec.get("asking_verbs") or []:
            asking.setdefault(_lemma(v), name)
        for v in spec.get("paying_verbs") or []:
            paying.setdefault(_lemma(v), name)
        for v in spec.get("dying_verbs") or []:
            dying.setdefault(_lemma(v), []).append(name)
        for v, objs in (spec.get("light") or {}).items():
            for o in objs:
                light[(_lemma(v), _lemma(o))] = name  # one type per pair: checked on load
        for v, subjects in (spec.get("subject_light") or {}).items():
            for o in subjects:
                subject_light[(_lemma(v), _lemma(o))] = name
        for n in spec.get("nouns") or []:
            nouns.setdefault(_lemma(n), name)
        for n in spec.get("offer_nouns") or {}:
            offers.setdefault(_lemma(n), name)
        measure.update(_lemma(w) for w in spec.get("measure_nouns") or [])
    relations = {
        _lemma(cue): rel for rel, cues in ev.get("quantity_relations", {}).items() for cue in cues
    }
    reporting = {_lemma(v): cls for cls, vs in at.get("reporting_verbs", {}).items() for v in vs}
    stance_nouns = {_lemma(n): cls for cls, ns in at.get("stance_nouns", {}).items() for n in ns}
    clause = {_lemma(w): cls for cls, ws in at.get("clause_modality", {}).items() for w in ws}
    return Ontology(
        events=events,
        verbs=verbs,
        dying=dying,
        light=light,
        asking=asking,
        paying=paying,
        subject_light=subject_light,
        nouns=nouns,
        offer_nouns=offers,
        facility_nouns=facility,
        hardware_nouns=frozenset(_lemma(w) for w in ev.get("hardware_nouns", [])),
        measure_nouns=frozenset(measure),
        quantity_relations=relations,
        currencies={k.lower(): v for k, v in (ev.get("currencies") or {}).items()},
        reporting=reporting,
        stance_nouns=stance_nouns,
        stance_verbs=frozenset(map(_lemma, at.get("stance_verbs", []))),
        anaphoric_speakers=frozenset(map(_lemma, at.get("anaphoric_speakers", []))),
        document_speakers=frozenset(map(_lemma, at.get("document_speakers") or [])),
        acting_sources=frozenset(map(_lemma, at.get("acting_sources") or [])),
        own_voice_nouns=frozenset(map(_lemma, at.get("own_voice_nouns") or [])),
        speaker_nouns=frozenset(map(_lemma, at.get("speaker_nouns") or [])),
        silent_when_negated=frozenset(map(_lemma, at.get("silent_when_negated") or [])),
        question_governors=frozenset(map(_lemma, at.get("question_governors") or [])),
        unsure_words=frozenset(w.lower() for w in at.get("unsure_words") or []),
        asked_for_comment=frozenset(map(_lemma, at.get("asked_for_comment") or [])),
        backdrop_preps=frozenset(w.lower() for w in at.get("backdrop_preps") or []),
        blame={
            k: frozenset(map(_lemma, ws) if k != "preps" else (w.lower() for w in ws))
            for k, ws in (at.get("blame") or {}).items()
        },
        clause_modality=clause,
        metonyms=dict(at.get("government_metonyms") or {}),
        leaders=dict(at.get("leaders") or {}),
        plover={n: e.plover for n, e in events.items()},
        collective_nouns=frozenset(map(_lemma, ev.get("collective_nouns") or [])),
        purpose_of_subject=frozenset(ev.get("purpose_of_subject") or []),
        issued_texts=frozenset(map(_lemma, ev.get("issued_texts") or [])),
        gap_nouns=frozenset(map(_lemma, ev.get("gap_nouns") or [])),
        receiving_verbs=frozenset(map(_lemma, ev.get("receiving_verbs") or [])),
        actor_nouns=frozenset(map(_lemma, ev.get("actor_nouns") or [])),
        planning_verbs=frozenset(map(_lemma, ev.get("planning_verbs") or [])),
        submitted_nouns=frozenset(w.lower() for w in ev.get("submitted_nouns") or []),
        actor_nouns_with_modifier={
            _lemma(k): frozenset(str(w).lower() for w in v or [])
            for k, v in (ev.get("actor_nouns_with_modifier") or {}).items()
        },
        body_nouns=frozenset(map(_lemma, ev.get("body_nouns") or [])),
        incident_modifiers={
            str(k).lower(): str(v).lower() for k, v in (ev.get("incident_modifiers") or {}).items()
        },
        kind_heads=frozenset(map(_lemma, ev.get("kind_heads") or [])),
        occurrence_verbs=frozenset(map(_lemma, ev.get("occurrence_verbs") or [])),
        impact_verbs=frozenset(map(_lemma, ev.get("impact_verbs") or [])),
        protest_moves=frozenset(map(_lemma, ev.get("protest_moves") or [])),
        depicting_verbs=frozenset(map(_lemma, ev.get("depicting_verbs") or [])),
        destination_verbs=frozenset(map(_lemma, ev.get("destination_verbs") or [])),
        adverbial_for=frozenset(map(_lemma, ev.get("adverbial_for") or [])),
        place_kind_nouns=frozenset(map(_lemma, ev.get("place_kind_nouns") or [])),
        thing_nouns=frozenset(map(_lemma, ev.get("thing_nouns") or [])),
        charging_verbs=frozenset(map(_lemma, ev.get("charging_verbs") or [])),
        sought_by=frozenset(map(_lemma, ev.get("sought_by") or [])),
        deadline_verbs=frozenset(map(_lemma, ev.get("deadline_verbs") or [])),
        deadline_as=ev.get("deadline_as") or "REQUEST",
        conjunction_participles=frozenset(
            w.lower() for w in ev.get("conjunction_participles") or []
        ),
        calling_off_verbs=frozenset(map(_lemma, ev.get("calling_off_verbs") or [])),
        quantifier_heads=frozenset(map(_lemma, ev.get("quantifier_heads") or [])),
        lemma_fixes={k.lower(): _lemma(v) for k, v in (ev.get("lemma_fixes") or {}).items()},
        modality_adjectives={
            w.lower(): cls for cls, ws in (at.get("modality_adjectives") or {}).items() for w in ws
        },
        modality_adverbs={
            _lemma(w): cls for cls, ws in (at.get("modality_adverbs") or {}).items() for w in ws
        },
        conditional_marks=frozenset(map(_lemma, at.get("conditional_marks") or [])),
        negating_verbs=frozenset(map(_lemma, at.get("negating_verbs") or [])),
        barring_verbs=frozenset(map(_lemma, at.get("barring_verbs") or [])),
        lacking_nouns=frozenset(map(_lemma, at.get("lacking_nouns") or [])),
        plan_nouns=frozenset(map(_lemma, at.get("plan_nouns") or [])),
        voted_acts=frozenset(map(_lemma, at.get("voted_acts") or [])),
        infinitive_modality={
            _lemma(w): cls for cls, ws in (at.get("infinitive_modality") or {}).items() for w in ws
        },
        object_control_verbs=frozenset(map(_lemma, at.get("object_control_verbs") or [])),
        clause_only_reporting=frozenset(map(_lemma, at.get("clause_only_reporting") or [])),
        stance_objects=frozenset(map(_lemma, at.get("stance_objects") or [])),
        hearing_verbs=frozenset(map(_lemma, at.get("hearing_verbs") or [])),
        hearing_bodies=frozenset(w.lower() for w in at.get("hearing_bodies") or []),
        labelling_verbs=frozenset(map(_lemma, at.get("labelling_verbs") or [])),
        document_finding=frozenset(map(_lemma, at.get("document_finding") or [])),
        speaker_reporting=frozenset(map(_lemma, at.get("speaker_reporting") or [])),
        finders=frozenset(map(_lemma, at.get("finders") or [])),
        intention_verbs=frozenset(map(_lemma, at.get("intention_verbs") or [])),
        asking_complements=frozenset(map(_lemma, at.get("asking_complements") or [])),
        question_verbs=frozenset(map(_lemma, at.get("question_verbs") or [])),
        consequence_verbs=frozenset(map(_lemma, at.get("consequence_verbs") or [])),
        weighing_verbs=frozenset(map(_lemma, at.get("weighing_verbs") or [])),
        speech_act_verbs=frozenset(map(_lemma, at.get("speech_act_verbs") or [])),
        conformity_nouns=frozenset(map(_lemma, at.get("conformity_nouns") or [])),
        attempt_words=frozenset(map(_lemma, ev.get("attempt_words") or [])),
        stop_nouns=frozenset(map(_lemma, ev.get("stop_nouns") or [])),
        sports_cues=frozenset(map(_lemma, ev.get("sports_cues") or [])),
        comparison_preps=frozenset(w.lower() for w in ev.get("comparison_preps") or []),
        baseline_words=frozenset(w.lower() for w in ev.get("baseline_words") or []),
        reporting_object_excludes={
            _lemma(v): frozenset(map(_lemma, objs))
            for v, objs in (at.get("reporting_object_excludes") or {}).items()
        },
    )
