"""Migrations from an empty store (each revision, down and up again) and from a populated old one.

Revisions come from Alembic's script directory, never a hard-coded list, so a new migration is
covered the day it lands. Rows for the old store are written with plain SQL against the columns
that revision has (the ORM models describe head, which may have more).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from claimgraph.ingest.article import sha256
from claimgraph.store import repo
from claimgraph.store.db import alembic_config, make_engine, open_store
from claimgraph.store.search import search
from tests.conftest import pg_database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database (no schema at all) on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "migrate.db")
    else:
        yield from pg_database("cg_migrate")


def _run(engine: Engine, fn: object, revision: str) -> None:
    """command.upgrade/downgrade on one connection, the way store.db.migrate does it."""
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        fn(cfg, revision)  # type: ignore[operator]


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def _current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _revisions(engine: Engine) -> list[tuple[str, str | None]]:
    """(revision, down_revision) from base to head; the history must stay linear."""
    script = ScriptDirectory.from_config(alembic_config(engine))
    assert len(script.get_heads()) == 1, "migrations have more than one head: merge them"
    out = []
    for rev in reversed(list(script.walk_revisions())):
        down = rev.down_revision
        assert down is None or isinstance(down, str), f"{rev.revision} is a merge revision"
        out.append((rev.revision, down))
    return out


def test_empty_store_upgrades_revision_by_revision_and_back(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        revisions = _revisions(engine)
        assert len(revisions) >= 5
        tables_at: dict[str, set[str]] = {}
        for rev, down in revisions:
            before = _tables(engine)
            _run(engine, command.upgrade, rev)
            assert _current(engine) == rev
            tables_at[rev] = _tables(engine)
            # down and up again: the downgrade restores the previous schema exactly
            _run(engine, command.downgrade, down or "base")
            assert _current(engine) == down
            assert _tables(engine) == before
            _run(engine, command.upgrade, rev)
            assert _current(engine) == rev
            assert _tables(engine) == tables_at[rev]
        head = revisions[-1][0]
        # all the way down from head and back up in one go
        _run(engine, command.downgrade, "base")
        assert _current(engine) is None
        assert not _tables(engine)
        _run(engine, command.upgrade, "head")
        assert _current(engine) == head
        assert _tables(engine) == tables_at[head]
    finally:
        engine.dispose()


# ---------------------------------------------------------------- populated old store

STORIES = [
    (
        "Germany sends air defence to Ukraine",
        "Germany delivered two IRIS-T air defence systems to Ukraine, the ministry said.",
        "2024-03-03T14:05:00+00:00",
    ),
    (
        "Iran supplies drones to Russia",
        "Iran supplied Shahed drones to Russia, according to United States officials.",
        "2024-05-20T11:00:00+00:00",
    ),
]
ENTITIES = [
    ("germany", "Germany", "GPE"),
    ("ukraine", "Ukraine", "GPE"),
    ("iran", "Iran", "GPE"),
    ("russia", "Russia", "GPE"),
]


def _claim(cid: str, agent: str, recipient: str, text_: str) -> dict:
    return {
        "id": cid,
        "event": "TRANSFER",
        "modality": "asserted",
        "polarity": "positive",
        "agent": {"id": agent, "name": agent.title()},
        "recipient": {"id": recipient, "name": recipient.title()},
        "source": {"name": "officials"},
        "location": None,
        "time": {"value": "2024-03"},
        "evidence": {"start": 0, "end": len(text_), "text": text_},
    }


def _populate(engine: Engine) -> list[int]:
    """Articles with two revisions, provenance, search entries, an extraction, entities, claims
    and (when the revision has them) cluster memberships, written as that schema allows."""
    now = datetime(2024, 6, 1, tzinfo=UTC)
    tables = set(inspect(engine).get_table_names())
    ids: list[int] = []
    with engine.begin() as conn:
        for n, (title, body, published) in enumerate(STORIES):
            aid = conn.execute(
                text(
                    "INSERT INTO articles (title, url, site, published, published_utc, language,"
                    " language_score, extraction_supported, current_revision, created_at)"
                    " VALUES (:t, :u, 'wire.example', :p, :pu, 'en', 0.99, :sup, :cur, :now)"
                    " RETURNING id"
                ),
                {
                    "t": title,
                    "u": f"https://wire.example/{n}",
                    "p": published,
                    "pu": datetime.fromisoformat(published).replace(tzinfo=None),
                    "sup": True,
                    "cur": 2 if n == 0 else 1,
                    "now": now,
                },
            ).scalar_one()
            ids.append(aid)
            texts = [body, body + " Officials in Kyiv welcomed them."] if n == 0 else [body]
            parent = None
            for number, t in enumerate(texts, start=1):
                parent = conn.execute(
                    text(
                        "INSERT INTO article_revisions (article_id, number, parent_id, text,"
                        " text_hash, reason, created_at)"
                        " VALUES (:a, :n, :parent, :t, :h, :r, :now) RETURNING id"
                    ),
                    {
                        "a": aid,
                        "n": number,
                        "parent": parent,
                        "t": t,
                        "h": sha256(t.encode()),
                        "r": "ingest" if number == 1 else "correction",
                        "now": now,
                    },
                ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO ingest_sources (source, raw_hash, text_hash, article_id, kind,"
                    " url, site, title, ingested_at)"
                    " VALUES (:s, :rh, :th, :a, 'new', :s, 'wire.example', :t, :now)"
                ),
                {
                    "s": f"https://wire.example/{n}",
                    "rh": sha256(f"raw {n}".encode()),
                    "th": sha256(body.encode()),
                    "a": aid,
                    "t": title,
                    "now": now,
                },
            )
            fts = "article_fts(rowid, title, text)" if "article_fts" in tables else None
            conn.execute(
                text(
                    f"INSERT INTO {fts} VALUES (:a, :t, :x)"
                    if fts
                    else "INSERT INTO article_search (article_id, title, text) VALUES (:a, :t, :x)"
                ),
                {"a": aid, "t": title, "x": texts[-1]},
            )
        for eid, name, typ in ENTITIES:
            conn.execute(
                text("INSERT INTO entities (id, name, type, aliases) VALUES (:i, :n, :t, '[]')"),
                {"i": eid, "n": name, "t": typ},
            )
        claims = [
            (ids[0], 2, _claim("c-germany-1", "germany", "ukraine", STORIES[0][1])),
            (ids[1], 1, _claim("c-iran-1", "iran", "russia", STORIES[1][1])),
        ]
        for aid, rev, c in claims:
            conn.execute(
                text(
                    "INSERT INTO extractions (article_id, revision, pipeline, data, created_at)"
                    " VALUES (:a, :r, 'old-pipeline', :d, :now)"
                ),
                {
                    "a": aid,
                    "r": rev,
                    "d": json.dumps({"entities": [], "skipped": None}),
                    "now": now,
                },
            )
            pk = conn.execute(
                text(
                    "INSERT INTO claims (id, article_id, revision, event, modality, polarity,"
                    " agent_id, recipient_id, source_name, time_value, evidence_start,"
                    " evidence_end, data) VALUES (:i, :a, :r, :e, :m, :p, :ag, :re, :s, :tv,"
                    " :es, :ee, :d) RETURNING pk"
                ),
                {
                    "i": c["id"],
                    "a": aid,
                    "r": rev,
                    "e": c["event"],
                    "m": c["modality"],
                    "p": c["polarity"],
                    "ag": c["agent"]["id"],
                    "re": c["recipient"]["id"],
                    "s": c["source"]["name"],
                    "tv": c["time"]["value"],
                    "es": c["evidence"]["start"],
                    "ee": c["evidence"]["end"],
                    "d": json.dumps(c),
                },
            ).scalar_one()
            if "cluster_members" in tables:
                conn.execute(
                    text("INSERT INTO cluster_members (claim_pk, cluster_id) VALUES (:pk, :c)"),
                    {"pk": pk, "c": f"k-{c['id']}"},
                )
    return ids


@pytest.mark.parametrize("old", ["0002", "0003"])
def test_populated_old_store_upgrades_to_head_with_data_intact(db_url: str, old: str) -> None:
    engine = make_engine(db_url)
    try:
        revisions = [r for r, _ in _revisions(engine)]
        assert old in revisions and revisions.index(old) < len(revisions) - 1
        _run(engine, command.upgrade, old)
        assert _current(engine) == old
        ids = _populate(engine)
        _run(engine, command.upgrade, "head")
        assert _current(engine) == revisions[-1]
    finally:
        engine.dispose()

    store = open_store(db_url)  # what the application does: a no-op migrate, then queries
    try:
        with store.session() as s:
            listed = repo.list_articles(session=s)
            assert [a["id"] for a in listed] == [ids[1], ids[0]]  # newest publication first
            assert [a["title"] for a in listed] == [STORIES[1][0], STORIES[0][0]]
            first = repo.get_article(session=s, article_id=ids[0])
            assert first["revision"] == 2 and first["text"].endswith("welcomed them.")
            assert [r["number"] for r in first["revisions"]] == [1, 2]
            assert first["revisions"][1]["parent"] == 1
            assert [x["source"] for x in first["sources"]] == ["https://wire.example/0"]
            assert repo.count_articles(session=s) == 2
            assert repo.has_extraction(session=s, article_id=ids[0], revision=2)

            claims = repo.list_claims(session=s, order="pk")
            assert [c["id"] for c in claims] == ["c-germany-1", "c-iran-1"]
            assert [c["article_id"] for c in claims] == ids
            assert repo.list_claims(session=s, entity="Iran")[0]["id"] == "c-iran-1"
            assert repo.get_claim(session=s, claim_id="c-germany-1")["agent"]["id"] == "germany"
            clusters = repo.cluster_claims(session=s)
            assert (len(clusters) == 2) == (old >= "0003")

            hits = search(session=s, query="drones")
            assert [h.id for h in hits] == [ids[1]]
            assert [h.id for h in search(session=s, query="Kyiv")] == [ids[0]]

        # the upgraded store keeps working for new writes (ids and sequences continue)
        from claimgraph.ingest.text import build_text_article

        art = build_text_article(
            "Poland signed a contract to buy K2 tanks from South Korea, the minister said.",
            raw_hash=sha256(b"new"),
            source="new.txt",
        )
        with store.session() as s:
            res = repo.add_article(session=s, article=art, fp=None)
        assert res.status == "new" and res.article_id > max(ids)
    finally:
        store.close()
