"""The event ontology and attribution cues, loaded from `ontology/*.yaml` (data, not code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from claimgraph.ontology import load_yaml


def _load(name: str) -> dict[str, Any]:
    return load_yaml(name)


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
    skip_with_complement: bool = False
    participle_needs_subject: frozenset[str] = frozenset()
    complement_assisted_by: bool = False


@dataclass
class Ontology:
    """Lookup tables built from events.yaml and attribution.yaml."""

    events: dict[str, EventType]
    verbs: dict[str, list[tuple[str, bool]]]  # lemma → [(event, inverse)]
    light: dict[tuple[str, str], str]  # (verb lemma, noun lemma) → event
    nouns: dict[str, str]  # nominal trigger lemma → event
    facility_nouns: frozenset[str]
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
    plover: dict[str, str | None] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    ev = _load("events.yaml")
    at = _load("attribution.yaml")
    facility = frozenset(_lemma(w) for w in ev.get("facility_nouns", []))
    events: dict[str, EventType] = {}
    verbs: dict[str, list[tuple[str, bool]]] = {}
    light: dict[tuple[str, str], str] = {}
    nouns: dict[str, str] = {}
    measure: set[str] = set()
    for name, spec in ev["events"].items():
        need = spec.get("needs_object")
        needs = facility if need == "facility" else (frozenset(map(_lemma, need)) if need else None)
        events[name] = EventType(
            name=name,
            plover=spec.get("plover"),
            roles=dict(spec.get("roles") or {}),
            needs_object=needs,
            quantity=bool(spec.get("quantity")),
            with_makes_dobj_recipient=bool(spec.get("with_makes_dobj_recipient")),
            complement_assisted_by=bool(spec.get("complement_assisted_by")),
            exclude_objects=frozenset(map(_lemma, spec.get("exclude_objects") or [])),
            skip_with_complement=bool(spec.get("skip_with_complement")),
            participle_needs_subject=frozenset(
                map(_lemma, spec.get("participle_needs_subject") or [])
            ),
        )
        for v in spec.get("verbs") or []:
            verbs.setdefault(_lemma(v), []).append((name, False))
        for v in spec.get("inverse") or []:
            verbs.setdefault(_lemma(v), []).append((name, True))
        for v, objs in (spec.get("light") or {}).items():
            for o in objs:
                light[(_lemma(v), _lemma(o))] = name
        for n in spec.get("nouns") or []:
            nouns.setdefault(_lemma(n), name)
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
        light=light,
        nouns=nouns,
        facility_nouns=facility,
        measure_nouns=frozenset(measure),
        quantity_relations=relations,
        currencies={k.lower(): v for k, v in (ev.get("currencies") or {}).items()},
        reporting=reporting,
        stance_nouns=stance_nouns,
        stance_verbs=frozenset(map(_lemma, at.get("stance_verbs", []))),
        anaphoric_speakers=frozenset(map(_lemma, at.get("anaphoric_speakers", []))),
        clause_modality=clause,
        metonyms=dict(at.get("government_metonyms") or {}),
        leaders=dict(at.get("leaders") or {}),
        plover={n: e.plover for n, e in events.items()},
        collective_nouns=frozenset(map(_lemma, ev.get("collective_nouns") or [])),
    )
