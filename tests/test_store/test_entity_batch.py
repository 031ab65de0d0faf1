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


def test_entity_names_kept_on_write(store):
    """entity_names (the name filter's lookup) follows every entity write: new rows, aliases
    merged into stored rows, repeated ids in one batch; a rebuild from `entities` (what
    migration 0014 does) gives the same rows, and names resolve by id, name or alias in any
    case."""
    from claimgraph.store.models import EntityNameRow
    from claimgraph.store.repo_claims import entity_ids, rebuild_entity_names

    texts = [f"Another story {i} about the harbour, told once." for i in range(2)]
    a1, a2 = (store_article(_article(t, f"n{i}"), store).article_id for i, t in enumerate(texts))
    with store.session() as s:
        repo.save_extraction(
            session=s,
            article_id=a1,
            revision=1,
            extraction=_ext([_ent("org:kb", "Kestrel Boats", "ORG", ["KB"])], ["org:kb"]),
            pipeline="t",
        )
        repo.save_extraction(
            session=s,
            article_id=a2,
            revision=1,
            extraction=_ext(
                [
                    _ent("org:kb", "Kestrel Boatworks", "ORG"),  # stored id, new name → alias
                    _ent("org:ém", "Émeraude Marine", "ORG"),
                    _ent("org:ém", "Emeraude", "ORG", ["ÉM"]),  # repeated id in one batch
                ],
                ["org:kb"],
            ),
            pipeline="t",
        )

    def names(s) -> set[tuple[str, str]]:
        return {
            tuple(r) for r in s.execute(select(EntityNameRow.name_key, EntityNameRow.entity_id))
        }

    with store.session() as s:
        kept = names(s)
        assert entity_ids(session=s, name="kestrel boatworks") == ["org:kb"]
        assert entity_ids(session=s, name="kb") == ["org:kb"]
        assert entity_ids(session=s, name="ORG:KB") == ["org:kb"]
        assert entity_ids(session=s, name="émeraude marine") == ["org:ém"]
        assert entity_ids(session=s, name="ém") == ["org:ém"]
        assert entity_ids(session=s, name="Kestrel") == []
        rebuild_entity_names(s)
        s.flush()
        assert names(s) == kept
    assert ("kestrel boatworks", "org:kb") in kept
    assert ("emeraude", "org:ém") in kept
