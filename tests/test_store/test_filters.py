"""The claim-filter table: parsing (errors name the field) and what each filter selects in SQL,
on both backends, checked against a plain Python reading of the claim records."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from starlette.datastructures import QueryParams

from claimgraph.analyze import kb
from claimgraph.ingest.article import Article, sha256
from claimgraph.pipeline import store_article
from claimgraph.store import repo
from claimgraph.store.filters import (
    BY_NAME,
    FILTERS,
    PROFILE_ROLES,
    ClaimFilter,
    FilterError,
    Near,
    given,
)
from claimgraph.store.models import ClusterMemberRow
from claimgraph.store.repo_claims import _CONDITIONS

TEXT = "Russia to buy Iranian drones; Russia sent jets to Iran in exchange for drones. " * 4

IRAN = {"id": "gpe:iran", "name": "Iran", "type": "GPE"}
RUSSIA = {"id": "gpe:russia", "name": "Russia", "type": "GPE"}
BELARUS = {"id": "gpe:belarus", "name": "Belarus", "type": "GPE"}
UKRAINE = {"id": "gpe:ukraine", "name": "Ukraine", "type": "GPE"}
ISW = {"id": "org:isw", "name": "Institute for the Study of War", "type": "ORG"}


def _claim(cid: str, event: str, at: int, evidence: str, **roles: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": cid,
        "event": event,
        "modality": "reported",
        "polarity": "positive",
        "agent": None,
        "recipient": None,
        "supplier": None,
        "assisted_by": None,
        "object": None,
        "in_exchange_for": None,
        "source": {"name": "pub"},
        "location": None,
        "time": {"value": "2023-08-02"},
        "evidence": {"start": at, "end": at + len(evidence), "text": evidence},
    }
    return {**base, **roles}


CLAIMS = [
    # "Russia to buy Iranian drones": the agent receives, the supplier gives
    _claim(
        "c-acquire",
        "ACQUIRE",
        0,
        "Russia to buy Iranian drones",
        agent=RUSSIA,
        supplier=IRAN,
        object={"text": "Iranian drones", "entity_id": None},
    ),
    # jets one way, drones the other: an exchange matches both directions
    _claim(
        "c-exchange",
        "SUPPLY",
        30,
        "Russia sent jets to Iran in exchange for drones",
        agent=RUSSIA,
        recipient=IRAN,
        object={"text": "Su-35 jets", "entity_id": None},
        in_exchange_for={"text": "drones", "entity_id": None},
    ),
    _claim(
        "c-rifles",
        "SUPPLY",
        90,
        "Iran supplied rifles to Belarus",
        agent=IRAN,
        recipient=BELARUS,
        object={"text": "rifles", "entity_id": None},
        modality="asserted",
    ),
    _claim(
        "c-attack",
        "ATTACK",
        130,
        "Drones struck Ukraine, the ISW said",
        object={"text": "Ukraine", "entity_id": "gpe:ukraine"},
        source={"name": "Institute for the Study of War", "entity_id": "org:isw"},
    ),
    _claim(
        "c-plant",
        "BUILD_FACILITY",
        170,
        "Russia built a drone factory with Iran's help, Kyiv said",
        agent=RUSSIA,
        assisted_by=IRAN,
        object={"text": "drone factory", "entity_id": None},
        source={"name": "Kyiv", "country_entity_id": "gpe:ukraine"},
        time={"value": "2024-01"},
    ),
]


@pytest.fixture
def filled(store):
    out = store_article(
        Article(text=TEXT, source="f.txt", raw_hash=sha256(TEXT.encode()), language="en"), store
    )
    ext = {
        "entities": [{**e, "aliases": []} for e in (IRAN, RUSSIA, BELARUS, UKRAINE, ISW)],
        "places": [],
        "times": [],
        "claims": CLAIMS,
    }
    with store.session() as s:
        repo.save_extraction(
            session=s, article_id=out.article_id, revision=1, extraction=ext, pipeline="test"
        )
        pks = {c["id"]: c["pk"] for c in repo.list_claims(session=s, order="pk")}
        s.add_all(
            ClusterMemberRow(claim_pk=pks[cid], cluster_id="cl-abc123")
            for cid in ("c-acquire", "c-exchange")
        )
    return store, out.article_id


def _ids(store, f: ClaimFilter, **kw: Any) -> list[str]:
    with store.session() as s:
        return [c["id"] for c in repo.list_claims(session=s, filters=f, order="pk", **kw)]


def _role_ids(c: dict[str, Any], role: str) -> set[str | None]:
    """Reference reading of where an entity id sits in a claim record."""
    src = c.get("source") or {}
    if role == "source":
        return {src.get("entity_id"), src.get("country_entity_id")}
    if role == "object":
        return {(c.get(k) or {}).get("entity_id") for k in ("object", "in_exchange_for")}
    return {(c.get(role) or {}).get("id")}


# filter values → the reference test a claim must pass
CASES: list[tuple[dict[str, Any], Callable[[dict[str, Any]], bool]]] = [
    ({"entity": "Iran"}, lambda c: any("gpe:iran" in _role_ids(c, r) for r in BY_ROLE)),
    ({"entity": "Ukraine"}, lambda c: any("gpe:ukraine" in _role_ids(c, r) for r in BY_ROLE)),
    ({"entity": "Ukraine", "role": "object"}, lambda c: c["id"] == "c-attack"),
    ({"entity": "Ukraine", "role": "source"}, lambda c: c["id"] == "c-plant"),
    (
        {"entity": "iran", "role": ["supplier", "assisted_by"]},
        lambda c: c["id"] in {"c-acquire", "c-plant"},
    ),
    ({"from": "Iran", "to": "Russia"}, lambda c: c["id"] in {"c-acquire", "c-exchange"}),
    ({"from": "Iran"}, lambda c: c["id"] in {"c-acquire", "c-exchange", "c-rifles"}),
    ({"to": "Russia"}, lambda c: c["id"] in {"c-acquire", "c-exchange"}),
    ({"from": "Russia", "to": "Iran"}, lambda c: c["id"] == "c-exchange"),
    ({"to": "Belarus"}, lambda c: c["id"] == "c-rifles"),
    ({"event": "supply,acquire"}, lambda c: c["event"] in {"SUPPLY", "ACQUIRE"}),
    ({"event": ["SUPPLY"], "modality": "asserted"}, lambda c: c["id"] == "c-rifles"),
    ({"q": "DRONES"}, lambda c: "drones" in c["evidence"]["text"].lower()),
    ({"q": "drone"}, lambda c: "drone" in c["evidence"]["text"].lower()),
    ({"q": "jets"}, lambda c: c["id"] == "c-exchange"),  # object text
    ({"q": '"drone factory" help'}, lambda c: c["id"] == "c-plant"),
    ({"q": "100%"}, lambda c: False),  # LIKE wildcards are literal
    ({"cluster": "cl-abc123"}, lambda c: c["id"] in {"c-acquire", "c-exchange"}),
    ({"since": "2024"}, lambda c: c["id"] == "c-plant"),
    (
        {"entity": "Iran", "event": "SUPPLY,ACQUIRE", "from": "Iran", "to": "Russia"},
        lambda c: c["id"] in {"c-acquire", "c-exchange"},
    ),
]
BY_ROLE = ("agent", "recipient", "supplier", "assisted_by", "source", "object")


@pytest.mark.parametrize(("raw", "keep"), CASES, ids=[repr(r) for r, _ in CASES])
def test_each_filter_selects_what_the_records_say(filled, raw, keep) -> None:
    store, article_id = filled
    f = ClaimFilter.parse(**raw)
    expected = [c["id"] for c in CLAIMS if keep(c)]
    assert _ids(store, f) == expected
    # a page (limit) walks each role column's index for an entity: same rows
    assert _ids(store, f, limit=2) == expected[:2]
    assert _ids(store, ClaimFilter.parse(**raw, article_id=article_id)) == expected
    assert _ids(store, ClaimFilter.parse(**raw, article_id=article_id + 1)) == []


def test_profile_roles_are_the_profile_counts(filled) -> None:
    store, _ = filled
    with store.session() as s:
        prof = kb.entity_profile(session=s, name="Ukraine")
        assert set(prof["claims"]) == set(PROFILE_ROLES)
        listed = repo.list_claims(
            session=s, filters=ClaimFilter.parse(entity="Ukraine", role=list(PROFILE_ROLES))
        )
        assert len(listed) == prof["n_claims"] == 1  # the ATTACK on Ukraine is not counted
        everything = repo.list_claims(session=s, filters=ClaimFilter.parse(entity="Ukraine"))
        assert len(everything) == 2


def test_every_filter_has_sql() -> None:
    names = [s.name for s in FILTERS]
    assert len(set(names)) == len(names)
    assert set(_CONDITIONS) | {"entity", "role"} == set(names)
    clis = [o for s in FILTERS for o in s.cli]
    assert len(set(clis)) == len(clis)
    assert all(s.help and s.sql for s in FILTERS)
    assert all(s.options() for s in FILTERS if s.kind == "choice")


@pytest.mark.parametrize(
    ("raw", "field", "says"),
    [
        ({"event": "TELEPORT"}, "event", "unknown event type"),
        ({"event": "SUPPLY,TELEPORT"}, "event", "'TELEPORT'"),
        ({"modality": "certainly"}, "modality", "unknown modality"),
        ({"role": "agent"}, "role", "give entity"),
        ({"entity": "Iran", "role": "pilot"}, "role", "unknown role"),
        ({"article_id": "two"}, "article_id", "whole number"),
        ({"article_id": 0}, "article_id", "out of range"),
        ({"cluster": "x"}, "cluster", "not a cluster id"),
        ({"since": "2024", "until": "2023"}, "since", "after until"),
        ({"near": "95,0,10"}, "near", "out of range"),
        ({"q": "x" * 501}, "q", "longer than"),
        ({"colour": "red"}, "colour", "unknown filter"),
    ],
)
def test_bad_values_name_the_field(raw, field, says) -> None:
    with pytest.raises(FilterError) as err:
        ClaimFilter.parse(**raw)
    assert err.value.field == field and says in str(err.value)


def test_parse_normalises_and_round_trips() -> None:
    f = ClaimFilter.parse(
        event=["supply", "ACQUIRE,supply"],
        modality="Reported",
        entity=" Iran ",
        role="AGENT",
        **{"from": "Iran", "to": "Russia"},
        q=' "drone factory" ',
        near="1,2,3",
        article_id="7",
        cluster="cl-abc",
        source="",
    )
    assert f.event == "SUPPLY,ACQUIRE" and f.values("event") == ["SUPPLY", "ACQUIRE"]
    assert (f.modality, f.entity, f.role, f.from_, f.to) == (
        "reported",
        "Iran",
        "agent",
        "Iran",
        "Russia",
    )
    assert f.near == Near(1.0, 2.0, 3.0) and f.article_id == 7 and f.source is None
    assert f.terms() == ["drone factory"]
    assert ClaimFilter.parse(**f.params()) == f
    assert ClaimFilter.parse() == ClaimFilter() and ClaimFilter.parse(q="  ") == ClaimFilter()


def test_repr_keeps_the_spelling_exports_hash() -> None:
    # the STIX bundle id hashes repr(filters): the filters that existed before the table keep it
    assert repr(ClaimFilter(event="SUPPLY")) == (
        "ClaimFilter(event='SUPPLY', entity=None, since=None, until=None, place=None, "
        "near=None, modality=None, source=None, article_id=None)"
    )
    assert repr(ClaimFilter(q="x")).endswith("article_id=None, q='x')")


def test_given_joins_repeated_parameters_in_table_order() -> None:
    qp = QueryParams("limit=5&event=SUPPLY&event=ACQUIRE&entity=Iran&from=&to=Russia")
    assert given(qp) == {"entity": "Iran", "to": "Russia", "event": "SUPPLY,ACQUIRE"}
    assert list(given(qp)) == [n for n in BY_NAME if n in given(qp)]
    assert given({"q": "drones", "other": "x"}) == {"q": "drones"}
