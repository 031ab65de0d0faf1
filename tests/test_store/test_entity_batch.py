"""The batched entity linking/upsert of save_extraction matches the per-entity rules it replaced:
first stored same-type variant by id wins, repeated ids merge into one row, GPE/NORP never link."""

from __future__ import annotations

import json

from sqlalchemy import select

from claimgraph.ingest.article import Article, sha256
from claimgraph.pipeline import store_article
from claimgraph.store import repo
from claimgraph.store.models import ClaimRow, EntityRow


def _article(text: str, source: str) -> Article:
    return Article(
        text=text, source=source, raw_hash=sha256(text.encode() + source.encode()), language="en"
    )


def _ext(entities: list[dict], agents: list[str]) -> dict:
    claims = [
        {
            "id": f"c{i}",
            "event": "STATEMENT",
            "modality": "asserted",
            "polarity": "positive",
            "agent": {"id": eid, "name": eid},
            "source": {"name": "pub"},
            "evidence": {"start": 0, "end": 5, "text": "x"},
        }
        for i, eid in enumerate(agents)
    ]
    return {"entities": entities, "claims": claims}


def _ent(eid: str, name: str, type_: str = "PERSON", aliases: list[str] | None = None) -> dict:
    return {"id": eid, "name": name, "type": type_, "aliases": aliases or []}


def test_batched_linking_and_aliases(store):
    texts = [f"Story number {i} about the port and the court, told once." for i in range(2)]
    a1, a2 = (store_article(_article(t, f"s{i}"), store).article_id for i, t in enumerate(texts))
    first = [
        _ent("person:b", "Anna Kowalska"),
        _ent("person:a", "Anna Kowalsky"),  # sorts first: the variant below joins this one
        _ent("org:acme", "Acme Holdings", "ORG", ["Acme"]),
        _ent("gpe:ukr", "Ukraine", "GPE"),
    ]
    second = [
        _ent("person:new", "Anna Kowalsk"),  # variant of both stored → the first by id
        _ent("org:acme", "Acme Holding", "ORG"),  # stored id, new name → alias
        _ent("org:x", "Xylo Works", "ORG"),
        _ent("org:x", "Xylo Werks", "ORG", ["XW"]),  # repeated id → merged into one new row
        _ent("gpe:ukraina", "Ukrainee", "GPE"),  # GPE never links
        _ent("person:c", "Anna Kowalska Smith"),  # other token count: no link
    ]
    with store.session() as s:
        repo.save_extraction(
            session=s,
            article_id=a1,
            revision=1,
            extraction=_ext(first, ["person:b"]),
            pipeline="t",
        )
        repo.save_extraction(
            session=s,
            article_id=a2,
            revision=1,
            extraction=_ext(second, ["person:new", "org:x"]),
            pipeline="t",
        )
    with store.session() as s:
        rows = {r.id: (r.name, json.loads(r.aliases)) for r in s.scalars(select(EntityRow))}
        agents = list(
            s.scalars(select(ClaimRow.agent_id).where(ClaimRow.article_id == a2).order_by("pk"))
        )
    assert agents == ["person:a", "org:x"]
    assert "person:new" not in rows
    assert rows["person:a"] == ("Anna Kowalsky", ["Anna Kowalsk"])
    assert rows["org:acme"] == ("Acme Holdings", ["Acme", "Acme Holding"])
    assert rows["org:x"] == ("Xylo Works", ["XW", "Xylo Werks"])
    assert rows["gpe:ukraina"] == ("Ukrainee", [])
    assert rows["person:c"] == ("Anna Kowalska Smith", [])
