"""The store on both backends: revisions, provenance, ordering, search, migrations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from claimgraph.analyze import kb
from claimgraph.errors import NotFound
from claimgraph.ingest.article import Article, sha256
from claimgraph.ingest.dedupe import fingerprint
from claimgraph.pipeline import store_article
from claimgraph.store import repo
from claimgraph.store.db import alembic_config, migrate
from claimgraph.store.search import search


def make(text_: str, source: str, **kw) -> Article:
    return Article(
        text=text_,
        source=source,
        raw_hash=sha256(text_.encode() + source.encode()),
        language="en",
        **kw,
    )


STORY_A = (
    "The port authority said on Monday that grain shipments resumed after a two-week halt. "
    "Officials expect forty vessels to leave the harbour before the end of the month."
)
STORY_B = (
    "A regional court sentenced the former mayor to six years in prison for bribery. "
    "Prosecutors said he accepted payments from a construction firm between 2019 and 2021."
)


def test_add_and_read_back(store):
    published = datetime(2023, 8, 2, 13, 30, tzinfo=timezone(timedelta(hours=3)))
    out = store_article(
        make(STORY_A, "a.txt", title="Grain ships sail", published=published), store
    )
    assert out.status == "new"
    with store.session() as s:
        art = repo.get_article(session=s, article_id=out.article_id)
    assert art["text"] == STORY_A
    assert art["published"] == "2023-08-02T13:30:00+03:00"
    assert art["revision"] == 1 and art["revisions"][0]["parent"] is None
    assert art["sources"][0]["kind"] == "new"


def test_revision_keeps_old_text(store):
    out = store_article(make(STORY_A, "a.txt", title="Grain"), store)
    fixed = STORY_A.replace("two-week", "three-week")
    with store.session() as s:
        rev = repo.add_revision(
            session=s, article_id=out.article_id, text_=fixed, reason="correction"
        )
        assert rev.number == 2
    with store.session() as s:
        current = repo.get_article(session=s, article_id=out.article_id)
        old = repo.get_article(session=s, article_id=out.article_id, revision=1)
    assert current["text"] == fixed and current["revision"] == 2
    assert old["text"] == STORY_A
    assert [r["parent"] for r in current["revisions"]] == [None, 1]
    with store.session() as s:
        assert [h.id for h in search(session=s, query="three-week")] == [out.article_id]
        assert search(session=s, query="two-week") == []


def test_revision_of_missing_article(store):
    with store.session() as s, pytest.raises(NotFound):
        repo.add_revision(session=s, article_id=999, text_="x", reason="r")


def test_exact_and_seen(store):
    first = store_article(make(STORY_A, "a.txt"), store)
    again = store_article(make(STORY_A, "a.txt"), store)
    other_site = store_article(make(STORY_A, "b.txt"), store)
    assert again.status == "seen" and again.article_id == first.article_id
    assert other_site.status == "exact" and other_site.article_id == first.article_id
    with store.session() as s:
        assert repo.count_articles(session=s) == 1
        assert len(repo.get_article(session=s, article_id=first.article_id)["sources"]) == 2


def test_near_duplicate_linked(store):
    wire = " ".join([STORY_A] * 3) + " " + STORY_B
    first = store_article(make(wire, "site1.html"), store)
    reprint = wire.replace("on Monday", "on Monday, local time,") + " Copyright Site Two."
    near = store_article(make(reprint, "site2.html"), store)
    different = store_article(make(STORY_B, "c.txt"), store)
    assert near.status == "near" and near.article_id == first.article_id
    assert near.similarity is not None and 0.8 <= near.similarity < 1.0
    assert different.status == "new"


def test_list_newest_first(store):
    tz = UTC
    store_article(make(STORY_A, "old", published=datetime(2020, 1, 1, tzinfo=tz)), store)
    store_article(make(STORY_B, "new", published=datetime(2024, 5, 1, tzinfo=tz)), store)
    store_article(make(STORY_A + " Update.", "undated"), store, dedupe=False)
    with store.session() as s:
        rows = repo.list_articles(session=s)
    assert [r["published"][:4] if r["published"] else None for r in rows] == ["2024", "2020", None]
    assert set(rows[0]) == {"id", "title", "published", "site", "url", "language", "revision"}


def test_search_ranks_and_snippets(store):
    a = store_article(make(STORY_A, "a", title="Grain shipments resume"), store)
    b = store_article(make(STORY_B, "b", title="Former mayor jailed"), store)
    with store.session() as s:
        hits = search(session=s, query="grain vessels")
        assert [h.id for h in hits] == [a.article_id]
        assert "[" in hits[0].snippet and "]" in hits[0].snippet
        assert [h.id for h in search(session=s, query="mayor")] == [b.article_id]
        # punctuation and operators in user input must not raise
        assert search(session=s, query='"former mayor" AND (OR') is not None
        assert search(session=s, query="   ") == []


def test_migrate_is_idempotent_and_keeps_rows(store):
    store_article(make(STORY_A, "a"), store)
    migrate(store.engine)
    with store.engine.connect() as conn:
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    head = ScriptDirectory.from_config(alembic_config(store.engine)).get_current_head()
    assert version == head
    with store.session() as s:
        assert repo.count_articles(session=s) == 1


def test_fingerprint_stable():
    assert fingerprint(STORY_A) == fingerprint(STORY_A)
    assert fingerprint(STORY_A).signature != fingerprint(STORY_B).signature


def test_sqlite_runs_in_wal_mode(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


# Made by raw DDL in migrations 0007 and 0010 (per-dialect expression indexes and the (role, pk)
# pairs); the models do not describe them.
RAW_CLAIM_INDEXES = {
    "ix_claims_j_object_entity_id",
    "ix_claims_j_in_exchange_for_entity_id",
    "ix_claims_j_supplier_id",
    "ix_claims_j_assisted_by_id",
    "ix_claims_j_source_entity_id",
    "ix_claims_j_source_country_entity_id",
    "ix_claims_agent_id_pk",
    "ix_claims_recipient_id_pk",
}


@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
def test_models_match_migrations(store):
    """The Alembic migrations create exactly the mapped schema (plus the search index and the
    raw claim indexes of 0007)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from claimgraph.store.models import Base

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def search_index(d) -> bool:  # the dialect's full-text objects are made by raw DDL on purpose
        obj = d[1]
        table = getattr(obj, "table", None)
        name = getattr(obj, "name", "") + " " + (getattr(table, "name", "") or "")
        return (
            "article_fts" in name
            or "article_search" in name
            or getattr(obj, "name", None) in RAW_CLAIM_INDEXES
        )

    leftovers = [d for d in diff if not search_index(d)]
    assert leftovers == []


def test_extraction_saved_and_replaced(store):
    out = store_article(make(STORY_A, "a"), store)
    claim = {
        "id": "c1",
        "event": "SUPPLY",
        "modality": "asserted",
        "polarity": "positive",
        "agent": {"id": "gpe:x", "name": "X"},
        "recipient": None,
        "source": {"name": "pub"},
        "location": {"name": "Odesa", "lat": 46.48, "lon": 30.73},
        "time": {"value": "2023-07"},
        "evidence": {"start": 0, "end": 10, "text": STORY_A[:10]},
    }
    ext = {
        "entities": [{"id": "gpe:x", "name": "X", "type": "GPE", "aliases": ["Xland"]}],
        "places": [],
        "times": [],
        "claims": [claim],
    }
    with store.session() as s:
        assert (
            repo.save_extraction(
                session=s, article_id=out.article_id, revision=1, extraction=ext, pipeline="test"
            )
            == 1
        )
        assert repo.has_extraction(session=s, article_id=out.article_id, revision=1)
    with store.session() as s:  # a second run for the revision replaces, never duplicates
        repo.save_extraction(
            session=s, article_id=out.article_id, revision=1, extraction=ext, pipeline="test"
        )
        rows = repo.list_claims(session=s)
        assert len(rows) == 1 and rows[0]["article_id"] == out.article_id
        assert repo.list_claims(session=s, entity="Xland")[0]["id"] == "c1"
        assert repo.list_claims(session=s, event="ATTACK") == []


def test_spelling_variant_joins_known_entity(store):
    first = store_article(make(STORY_A, "a"), store)
    second = store_article(make(STORY_B, "b"), store)

    def ext(name: str) -> dict:
        eid = f"person:{name.lower()}"
        claim = {
            "id": f"c-{name}",
            "event": "STATEMENT",
            "modality": "asserted",
            "polarity": "positive",
            "agent": {"id": eid, "name": name},
            "source": {"name": "pub"},
            "evidence": {"start": 0, "end": 5, "text": "x"},
        }
        return {
            "entities": [{"id": eid, "name": name, "type": "PERSON", "aliases": []}],
            "claims": [claim],
        }

    with store.session() as s:
        repo.save_extraction(
            session=s,
            article_id=first.article_id,
            revision=1,
            extraction=ext("Volodymyr Zelensky"),
            pipeline="t",
        )
        repo.save_extraction(
            session=s,
            article_id=second.article_id,
            revision=1,
            extraction=ext("Volodymyr Zelenskyy"),
            pipeline="t",
        )
        rows = repo.list_claims(session=s, order="pk")
        assert {r["agent"]["id"] for r in rows} == {"person:volodymyr zelensky"}
        assert (
            "Volodymyr Zelenskyy"
            in kb.entity_profile(session=s, name="Volodymyr Zelensky")["aliases"]
        )
