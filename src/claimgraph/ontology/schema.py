"""What each ontology file may hold, and the closed vocabularies the code reasons about.

The ontology is data, but a typo in data fails silently: `verb:` instead of `verbs:` just drops
an event's triggers. So every file is checked against a typed schema here before any stage reads
it (claimgraph.ontology.load_doc): unknown keys, wrong types, duplicate YAML keys, a word listed
twice in one list and triggers two event types claim are errors that name the file, the key path
and the line. The vocabularies every stage shares (modalities, roles, PLOVER roots) are defined
here once; the rest of the package imports them instead of spelling them again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from claimgraph.errors import OntologyError

# Modalities, strongest first: a cluster shows its strongest one, filters list them in this order.
MODALITIES: tuple[str, ...] = (
    "asserted",
    "reported",
    "claimed",
    "predicted",
    "planned",
    "suggested",
    "suspected",
    "doubted",
    "denied",
)
# A claim in one of these modalities disputes what the others affirm (analyze/contradictions).
DISPUTING: frozenset[str] = frozenset({"doubted", "denied"})
AFFIRMING: frozenset[str] = frozenset(MODALITIES) - DISPUTING
# A reporting frame of these classes overrides the clause's own modal marking ("X denied it will
# …" is denied, not predicted); the other classes yield to it (extract/attribution.modality).
FRAME_OVERRIDES: tuple[str, ...] = ("denied", "doubted", "suspected", "claimed")

# What an event type's `roles:` map may fill.
ROLES: tuple[str, ...] = (
    "agent",
    "recipient",
    "supplier",
    "assisted_by",
    "object",
    "patient",
    "in_exchange_for",
    "location",
    "time",
    "quantity",
)
# PLOVER's 16 root event types (the `plover:` value of an event type, or null where none fits).
PLOVER: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# time_rules.yaml `check:` names: the parse-based filters resolve/times._check applies.
TIME_CHECKS: tuple[str, ...] = (
    "cap_month",
    "not_number",
    "season_needs_anchor",
    "ref_context",
    "rate_context",
    "set_adjective",
    "spelled_year_context",
)


Path_ = tuple[str | int, ...]


def dotted(path: Path_) -> str:
    """`events.SUPPLY.verbs[3]`: how messages name a key."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def fold(word: str) -> str:
    """The form two entries collide in: YAML writes multi-word lemmas as `set_up`."""
    return str(word).replace("_", " ").lower()


@dataclass(frozen=True)
class Ctx:
    file: str

    def fail(self, node: yaml.Node, path: Path_, reason: str) -> OntologyError:
        return OntologyError(self.file, node.start_mark.line + 1, dotted(path), reason)


Check = Callable[[Ctx, yaml.Node, Path_], None]

_TAGS = {
    "str": "tag:yaml.org,2002:str",
    "int": "tag:yaml.org,2002:int",
    "float": "tag:yaml.org,2002:float",
    "bool": "tag:yaml.org,2002:bool",
    "null": "tag:yaml.org,2002:null",
}


def scalar(*kinds: str, choices: tuple[str, ...] | None = None) -> Check:
    """A scalar of one of `kinds` (str, int, float, bool, null), optionally one of `choices`."""
    tags = {_TAGS[k] for k in kinds}

    def check(ctx: Ctx, node: yaml.Node, path: Path_) -> None:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in tags:
            raise ctx.fail(node, path, f"expected {' or '.join(kinds)}, got {_kind(node)}")
        if choices is not None and node.tag == _TAGS["str"] and node.value not in choices:
            raise ctx.fail(node, path, f"{node.value!r} is not one of {', '.join(choices)}")

    return check


def words(ctx: Ctx, node: yaml.Node, path: Path_) -> None:
    """A list of words: strings, each once (compared as lemmas: `set_up` == `Set up`); an item
    may be a named list of words (`[*hazard_nouns, *force_nouns]`), read as its words (the node
    is flattened here, so every reader of the data sees one list)."""
    if not isinstance(node, yaml.SequenceNode):
        raise ctx.fail(node, path, f"expected a list of words, got {_kind(node)}")
    seen: dict[str, int] = {}
    items: list[tuple[Path_, yaml.Node]] = []
    for i, item in enumerate(node.value):
        if isinstance(item, yaml.SequenceNode):
            items += [((*path, i, j), w) for j, w in enumerate(item.value)]
        else:
            items.append(((*path, i), item))
    for at, item in items:
        scalar("str", "int", "float")(ctx, item, at)
        key = fold(item.value)
        if key in seen:
            raise ctx.fail(item, at, f"{item.value!r} is listed twice (also line {seen[key]})")
        seen[key] = item.start_mark.line + 1
    node.value = [item for _, item in items]


def list_of(item: Check) -> Check:
    def check(ctx: Ctx, node: yaml.Node, path: Path_) -> None:
        if not isinstance(node, yaml.SequenceNode):
            raise ctx.fail(node, path, f"expected a list, got {_kind(node)}")
        for i, child in enumerate(node.value):
            item(ctx, child, (*path, i))

    return check


def map_of(value: Check, keys: tuple[str, ...] | None = None) -> Check:
    """A mapping with free keys (optionally limited to `keys`), every value checked by `value`."""

    def check(ctx: Ctx, node: yaml.Node, path: Path_) -> None:
        for key, child in _pairs(ctx, node, path):
            if keys is not None and key.value not in keys:
                raise ctx.fail(key, (*path, key.value), f"unknown key (allowed: {', '.join(keys)})")
            value(ctx, child, (*path, key.value))

    return check


def struct(fields: Mapping[str, Check], required: tuple[str, ...] = ()) -> Check:
    """A mapping with fixed keys: an unknown one is a typo, a missing required one an error."""

    def check(ctx: Ctx, node: yaml.Node, path: Path_) -> None:
        present = set()
        for key, child in _pairs(ctx, node, path):
            if key.value not in fields:
                near = _near(key.value, fields)
                hint = f" (did you mean {near!r}?)" if near else ""
                raise ctx.fail(key, (*path, key.value), f"unknown key{hint}")
            fields[key.value](ctx, child, (*path, key.value))
            present.add(key.value)
        for name in required:
            if name not in present:
                raise ctx.fail(node, path, f"missing key {name!r}")

    return check


def either(*checks: Check) -> Check:
    def check(ctx: Ctx, node: yaml.Node, path: Path_) -> None:
        errors = []
        for c in checks:
            try:
                c(ctx, node, path)
                return
            except OntologyError as exc:
                errors.append(exc.reason)
        raise ctx.fail(node, path, " / ".join(errors))

    return check


_YAML_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n", "true", "false"})


def _pairs(ctx: Ctx, node: yaml.Node, path: Path_) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """A mapping's (key, value) nodes; YAML's silent last-one-wins on a repeated key is an error."""
    if not isinstance(node, yaml.MappingNode):
        raise ctx.fail(node, path, f"expected a mapping, got {_kind(node)}")
    seen: dict[str, int] = {}
    out = []
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise ctx.fail(key, path, "keys must be plain words")
        if key.tag == "tag:yaml.org,2002:bool" or (
            not key.style and key.value.lower() in _YAML_BOOLS
        ):  # a country code NO (Norway) would load as false
            raise ctx.fail(key, (*path, key.value), "key reads as true/false in YAML: quote it")
        if key.value in seen:
            raise ctx.fail(
                key,
                (*path, key.value),
                f"duplicate key (first at line {seen[key.value]}; YAML would keep only this one)",
            )
        seen[key.value] = key.start_mark.line + 1
        out.append((key, value))
    return out


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"{node.tag.rsplit(':', 1)[-1]} {node.value!r}"


def _near(word: str, names: Mapping[str, Any]) -> str | None:
    import difflib

    hits = difflib.get_close_matches(word, list(names), n=1, cutoff=0.75)
    return hits[0] if hits else None


STR = scalar("str")
OPT_STR = scalar("str", "null")
BOOL = scalar("bool")
NUM = scalar("int", "float")
WORD_MAP = map_of(words)
STR_MAP = map_of(STR)
MODALITY_WORDS = map_of(words, keys=MODALITIES)
ROLE = scalar("str", choices=ROLES)

_EVENT_WORDS = (
    "verbs",
    "nouns_need_object",
    "on_is_target",
    "offence_nouns",
    "offence_modifiers",
    "offering_verbs",
    "promising_verbs",
    "sold_when_offered",
    "possessor_target_nouns",
    "share_verbs",
    "price_verbs",
    "market_words",
    "moving_verbs",
    "not_with_preps",
    "closing_verbs",
    "move_words",
    "inverse",
    "nouns",
    "object_verbs",
    "valuing_verbs",
    "static_verbs",
    "owned_figures",
    "owner_nouns",
    "exclude_objects",
    "figurative_verbs",
    "participle_needs_subject",
    "schedule_verbs",
    "schedule_subjects",
    "undertaking_verbs",
    "needs_role_without_in",
    "subject_needs",
    "subject_excludes",
    "hazard_subjects",
    "giverless_inverse",
    "dying_verbs",
    "dying_causes",
    "answers_clause",
    "setting_verbs",
    "holding_verbs",
    "not_caused_by",
    "figure_reporting_verbs",
    "steady_words",
    "move_objects",
    "opinion_with_clause",
    "to_figure_excludes",
    "only_intransitive",
    "needs_no_object",
    "third_party_verbs",
    "statement_content",
    "content_as_predicate",
    "content_as_participle",
    "judging_content",
    "answering_verbs",
    "asking_verbs",
    "paying_verbs",
    "noun_excludes_modifiers",
    "noun_excludes_preps",
    "noun_excludes_governors",
    "passive_from_agent",
    "figurative_of",
    "figurative_of_keeps",
    "words_modifiers",
    "object_excludes_modifiers",
    "words_adverbs",
    "words_targets",
    "words_not_labels",
    "words_label_verbs",
    "words_owned_targets",
    "persons_triggers",
    "hosting_verbs",
    "hosting_excludes",
    "level_nouns",
    "measure_nouns",
    "police_agents",
    "police_triggers",
    "labour_agents",
    "labour_triggers",
    "labour_cues",
    "labour_modifiers",
    "light_needs_target",
    "noun_excludes_heads",
    "host_places",
    "vehicle_subjects",
    "vehicle_triggers",
    "generic_governors",
    "mishap_nouns",
    "test_words",
    "test_waters",
    "mishap_verbs",
    "mishap_things",
    "mishap_modifiers",
    "mishap_sites",
    "mishap_attack_cues",
)
_EVENT_FLAGS = (
    "quantity",
    "with_makes_dobj_recipient",
    "skip_with_complement",
    "complement_assisted_by",
    "object_actor",
    "subject_actor",
    "object_not_person",
    "it_is_organisation",
    "bare_nouns",
    "symmetric",
    "phrasal_replaces_bare",
    "one_object",
    "speaker_acts",
    "agentless",
    "no_agent",
    "unscheduled",
    "play_in_sport",
    "blocks_complement",
    "needs_noun_object",
    "not_with_question",
    "not_with_figure",
    "statement_figures",
    "noun_from_agent",
    "joined_by_subject",
    "undertaken_by_subject",
    "blocks_object_noun",
    "possessor_is_target",
    "of_is_agent",
    "of_is_means",
    "content_subject_is_target",
    "ergative",
    "names_offence",
    "names_post",
)
EVENT = struct(
    {
        "plover": scalar("str", "null", choices=PLOVER),
        **{k: words for k in _EVENT_WORDS},
        **{k: BOOL for k in _EVENT_FLAGS},
        "light": WORD_MAP,
        # intransitive verb + subject noun pairs where the subject carries the event
        "subject_light": WORD_MAP,
        # verb → the object head lemmas it needs for this type ("place": a named place)
        "verb_needs_object": WORD_MAP,
        # light noun → the modifiers it needs for this type ("a missile test", not "a test")
        "light_needs_modifiers": WORD_MAP,
        "verb_excludes_object": WORD_MAP,
        # verb → prepositions after it, with no object, that give it another sense ("rallied
        # behind X", "took over from X")
        "verb_excludes_preps": WORD_MAP,
        # verb → complement verbs that make it no act of this type ("refused to comment")
        "verb_excludes_complement": WORD_MAP,
        # noun → the prepositions it needs to be this type ("a call for calm", not "a call")
        "noun_needs_prep": WORD_MAP,
        # noun → the "for" object head lemmas it needs to be this type, proposed not done
        # ("a bid for the airline"; "org": a named organisation)
        "offer_nouns": WORD_MAP,
        # statement_content word → the prepositions it needs to be this type ("involvement
        # in the attack" accuses; "our involvement with the plant" does not)
        "content_needs_prep": WORD_MAP,
        "needs_object": either(scalar("str", choices=("facility",)), words),
        "roles": map_of(ROLE),
        # the STIX relationship type towards an actor and towards a place (export/stix)
        "stix": struct({"actor": STR, "place": STR}, required=("actor", "place")),
        # a transfer of goods: which role gives and which receives (SUPPLY and ACQUIRE are one
        # transfer seen from either side: analyze/clusters, the --from/--to filters)
        "transfer": struct({"giver": ROLE, "receiver": ROLE}, required=("giver", "receiver")),
        # an attempt at the act is this other event type ("an assassination attempt": ATTACK)
        "attempted_as": STR,
        # a reported statement read as this type, with its content negated, is this other type
        "negated_as": STR,
        # said of no one ("no one was hurt"), the act is this other type: a count of zero
        "nobody_as": STR,
        # its nouns as what an act is done "on" ("arrested X on charges of fraud") are this
        # other type, with the act's agent and patient
        "held_on_as": STR,
        # done by one of police_agents through one of police_triggers, it is this other type
        # ("a police raid" coerces; "a rebel raid" attacks)
        "police_as": STR,
        # done by one of labour_agents through one of labour_triggers ("a strike by nurses"),
        # it is this other type
        "labour_as": STR,
        # an act whose noun has one of words_modifiers is this other type ("a verbal attack")
        "words_as": STR,
        # one of persons_triggers done by a person or an office holder is this other type
        # ("the minister clashed with the premier": in words)
        "persons_as": STR,
        # a vehicle (vehicle_subjects) that does it (vehicle_triggers) to another vehicle is
        # this other type ("a train struck a truck" crashes)
        "vehicles_as": STR,
        # an explosion (mishap_nouns) of gas or at a mine or a plant, in a sentence with no
        # word of an attack, is this other type ("a gas explosion at a coal mine": an accident)
        "mishaps_as": STR,
        # a weapon fired as a test (test_words) or into the sea (test_waters) is this other
        # type ("test-fired two missiles into the sea": a show of force)
        "tests_as": STR,
        # a receiving verb (hosting_verbs) whose object is a guest is this other type
        "hosting_as": STR,
    },
    required=("plover",),
)
# keys whose value names another event type the event becomes ("police_as: COERCE")
_SHIFT_KEYS = (
    "attempted_as",
    "negated_as",
    "nobody_as",
    "held_on_as",
    "police_as",
    "labour_as",
    "words_as",
    "persons_as",
    "vehicles_as",
    "mishaps_as",
    "tests_as",
    "hosting_as",
)
EVENT_KEYS: frozenset[str] = frozenset(
    {
        *_EVENT_WORDS,
        *_EVENT_FLAGS,
        "plover",
        "light",
        "needs_object",
        "roles",
        "stix",
        "transfer",
        *_SHIFT_KEYS,
        "subject_light",
        "verb_needs_object",
        "light_needs_modifiers",
        "verb_excludes_object",
        "verb_excludes_preps",
        "verb_excludes_complement",
        "noun_needs_prep",
        "offer_nouns",
        "content_needs_prep",
    }
)

_VOCAB_VALUE = scalar("str", "int", "float", "bool", "null")
_TIME_RULE = struct(
    {
        "name": STR,
        "pattern": STR,
        "norm": STR,
        "type": scalar("str", choices=("DATE", "TIME", "DURATION", "SET")),
        "value": OPT_STR,
        "granularity": STR,
        "check": list_of(scalar("str", choices=TIME_CHECKS)),
    },
    required=("name", "pattern", "norm"),
)
_PLACE = {"name": STR, "aliases": words, "lat": NUM, "lon": NUM, "country": STR}

# One schema per file: the top-level keys it may have.
FILES: dict[str, Check] = {
    "events.yaml": struct(
        {
            "facility_nouns": words,
            "hardware_nouns": words,
            "events": map_of(EVENT),
            "collective_nouns": words,
            "purpose_of_subject": words,
            "issued_texts": words,
            "gap_nouns": words,
            "receiving_verbs": words,
            "quantity_relations": WORD_MAP,
            "currencies": STR_MAP,
            "lemma_fixes": STR_MAP,
            "quantifier_heads": words,
            "actor_nouns": words,
            "actor_nouns_with_modifier": WORD_MAP,
            "planning_verbs": words,
            "submitted_nouns": words,
            "body_nouns": words,
            "incident_modifiers": STR_MAP,
            "kind_heads": words,
            "occurrence_verbs": words,
            "impact_verbs": words,
            "protest_moves": words,
            "depicting_verbs": words,
            "destination_verbs": words,
            "adverbial_for": words,
            "place_kind_nouns": words,
            "thing_nouns": words,
            "charging_verbs": words,
            "sought_by": words,
            "conjunction_participles": words,
            "deadline_verbs": words,
            "deadline_as": STR,
            "calling_off_verbs": words,
            "attempt_words": words,
            "stop_nouns": words,
            "sports_cues": words,
            "comparison_preps": words,
            "baseline_words": words,
        },
        required=("events",),
    ),
    "attribution.yaml": struct(
        {
            "reporting_verbs": MODALITY_WORDS,
            "stance_nouns": MODALITY_WORDS,
            "stance_verbs": words,
            "anaphoric_speakers": words,
            "document_speakers": words,
            "acting_sources": words,
            "own_voice_nouns": words,
            "speaker_nouns": words,
            "silent_when_negated": words,
            "question_governors": words,
            "unsure_words": words,
            "asked_for_comment": words,
            "backdrop_preps": words,
            "clause_modality": MODALITY_WORDS,
            "government_metonyms": STR_MAP,
            "leaders": STR_MAP,
            "modality_adverbs": MODALITY_WORDS,
            "modality_adjectives": MODALITY_WORDS,
            "conditional_marks": words,
            "negating_verbs": words,
            "barring_verbs": words,
            "lacking_nouns": words,
            "plan_nouns": words,
            "infinitive_modality": MODALITY_WORDS,
            "voted_acts": words,
            "object_control_verbs": words,
            "clause_only_reporting": words,
            "stance_objects": words,
            "hearing_verbs": words,
            "hearing_bodies": words,
            "labelling_verbs": words,
            "document_finding": words,
            "speaker_reporting": words,
            "finders": words,
            "intention_verbs": words,
            "asking_complements": words,
            "question_verbs": words,
            "consequence_verbs": words,
            "weighing_verbs": words,
            "speech_act_verbs": words,
            "conformity_nouns": words,
            "reporting_object_excludes": WORD_MAP,
            "blame": struct(
                {
                    "verbs": words,
                    "adjectives": words,
                    "participles": words,
                    "nouns": words,
                    "claiming": words,
                    "linking": words,
                    "verdicts": words,
                    "crediting": words,
                    "preps": words,
                }
            ),
        }
    ),
    "boilerplate.yaml": struct(
        {"tail_window": NUM, "drop": list_of(STR), "tail": list_of(STR)},
        required=("drop", "tail"),
    ),
    "entities.yaml": struct(
        {
            "country_names": STR_MAP,
            "country_aliases": WORD_MAP,
            "country_codes_allowed": words,
            "demonyms": WORD_MAP,
            "demonym_ignore": words,
            "weapons": WORD_MAP,
            "person_titles": words,
            "office_words": words,
            "group_counts": map_of(NUM),
            "group_not_people": words,
            "title_nouns": list_of(words),
            "org_suffixes": STR_MAP,
            "org_bodies": words,
            "public_body_words": words,
            "company_suffixes": words,
        }
    ),
    "places.yaml": struct(
        {
            "macro_regions": list_of(struct(_PLACE, required=("name", "lat", "lon"))),
            "country_points": map_of(list_of(NUM)),
            "country_aliases": WORD_MAP,
            "demonyms": WORD_MAP,
            "region_demonyms": WORD_MAP,
            "region_designators": words,
            "token_rewrites": STR_MAP,
            "other_adjectives": WORD_MAP,
            "us_state_abbrev": WORD_MAP,
            "generic_words": words,
            "region_abbrev": WORD_MAP,
            "physical_features": list_of(
                struct({**_PLACE, "type": STR}, required=("name", "type", "lat", "lon"))
            ),
            "feature_heads": words,
            "name_particles": words,
            "institution_words": words,
        }
    ),
    # label rules after the trained NER (extract/nlp.fix_ner_labels)
    "ner_labels.yaml": struct(
        {
            "organisation_heads": words,
            "person_before": words,
            "norp_adjective_tags": words,
            "abbreviations": words,
            "whole_words": words,
            "event_adjectives": words,
            "platforms": words,
            "facility_heads": words,
        },
        required=("organisation_heads", "person_before", "norp_adjective_tags"),
    ),
    "time_rules.yaml": struct(
        {
            "vocab": map_of(map_of(_VOCAB_VALUE)),
            "macros": STR_MAP,
            "rules": list_of(_TIME_RULE),
        },
        required=("vocab", "rules"),
    ),
}


def check_triggers(ctx: Ctx, root: yaml.Node) -> None:
    """Triggers two event types would share silently: a nominal trigger (the first type listed
    would win), a light (verb, noun) pair, or a verb both direct and inverse in one type. A verb
    may trigger several types: their object/subject constraints tell the senses apart."""
    events = {k.value: v for k, v in _pairs(ctx, root, ())}["events"]
    nouns: dict[str, str] = {}
    light: dict[tuple[str, str], str] = {}
    subject_light: dict[tuple[str, str], str] = {}
    names = {k.value for k, _ in _pairs(ctx, events, ("events",))}
    for name_node, spec in _pairs(ctx, events, ("events",)):
        name = name_node.value
        fields = {k.value: v for k, v in _pairs(ctx, spec, ("events", name))}
        direct = {fold(v.value) for v in _items(fields.get("verbs"))}
        for v in _items(fields.get("inverse")):
            if fold(v.value) in direct:
                raise ctx.fail(
                    v,
                    ("events", name, "inverse"),
                    f"{v.value!r} is also a direct verb of {name}",
                )
        for key in _SHIFT_KEYS:
            shift = fields.get(key)
            if isinstance(shift, yaml.ScalarNode) and shift.value not in names:
                raise ctx.fail(shift, ("events", name, key), f"{shift.value!r} is no event type")
        for n in _items(fields.get("nouns")):
            other = nouns.setdefault(fold(n.value), name)
            if other != name:
                raise ctx.fail(
                    n, ("events", name, "nouns"), f"{n.value!r} is already a noun of {other}"
                )
        for table, seen in (("light", light), ("subject_light", subject_light)):
            if not isinstance(fields.get(table), yaml.MappingNode):
                continue
            for verb, objs in _pairs(ctx, fields[table], ("events", name, table)):
                for o in _items(objs):
                    other = seen.setdefault((fold(verb.value), fold(o.value)), name)
                    if other != name:
                        raise ctx.fail(
                            o,
                            ("events", name, table, verb.value),
                            f"{o.value!r} is already a {table} trigger of {other}",
                        )


def _items(node: yaml.Node | None) -> list[yaml.ScalarNode]:
    return [n for n in node.value if isinstance(n, yaml.ScalarNode)] if node is not None else []


# Checks beyond one file's shape, run after it.
SEMANTIC: dict[str, Callable[[Ctx, yaml.Node], None]] = {"events.yaml": check_triggers}
