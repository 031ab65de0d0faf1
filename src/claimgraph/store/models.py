"""SQLAlchemy 2 schema. The Alembic migrations under migrations/ create it; this is the mapping."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    """One story. Its text lives in revisions; `current_revision` points at the newest."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    site: Mapped[str | None] = mapped_column(String(255), index=True)
    author: Mapped[str | None] = mapped_column(Text)
    # As given: ISO 8601 with its offset when the source had one, naive otherwise.
    published: Mapped[str | None] = mapped_column(String(40))
    # For ordering and filters: the same instant in UTC (naive values read as UTC).
    published_utc: Mapped[datetime | None] = mapped_column(DateTime(timezone=False), index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    language_score: Mapped[float | None] = mapped_column(Float)
    extraction_supported: Mapped[bool] = mapped_column(Boolean, default=False)
    current_revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    revisions: Mapped[list[RevisionRow]] = relationship(
        back_populates="article",
        order_by="RevisionRow.number",
        foreign_keys="RevisionRow.article_id",
    )


class RevisionRow(Base):
    """Immutable text of one article version; a correction adds a row pointing to its parent."""

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "number", name="uq_revision_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("article_revisions.id"))
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    reason: Mapped[str] = mapped_column(String(255), default="ingest")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    article: Mapped[ArticleRow] = relationship(
        back_populates="revisions", foreign_keys=[article_id]
    )


class SourceRow(Base):
    """Every ingested input that led to an article: new story, exact copy or near-duplicate.

    Re-ingesting the same bytes from the same source is found here and skipped.
    """

    __tablename__ = "ingest_sources"
    __table_args__ = (UniqueConstraint("raw_hash", "source", name="uq_source_raw"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    raw_hash: Mapped[str] = mapped_column(String(64), index=True)
    text_hash: Mapped[str] = mapped_column(String(64), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))  # new | exact | near
    similarity: Mapped[float | None] = mapped_column(Float)
    url: Mapped[str | None] = mapped_column(Text)
    site: Mapped[str | None] = mapped_column(String(255))
    title: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FingerprintRow(Base):
    __tablename__ = "article_fingerprints"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class BandRow(Base):
    __tablename__ = "lsh_bands"
    __table_args__ = (Index("ix_lsh_band_key", "band", "key"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(16))
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )


class ExtractionRow(Base):
    """Everything extraction found in one article revision (entities, places, times) as JSON;
    claims are also exploded into `claims` rows for querying."""

    __tablename__ = "extractions"
    __table_args__ = (UniqueConstraint("article_id", "revision", name="uq_extraction_revision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    pipeline: Mapped[str] = mapped_column(String(128))  # pipeline.pipeline_version()
    data: Mapped[str] = mapped_column(Text)  # JSON: entities, places, times, skipped
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ExtractionHistoryRow(Base):
    """An extraction as it was before a newer one replaced it (a corrected revision or a newer
    pipeline): its JSON and its claims, so earlier results stay readable and old claim ids can
    say where they went. Written by pipeline.write_extraction, never updated."""

    __tablename__ = "extraction_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    pipeline: Mapped[str] = mapped_column(String(128))
    data: Mapped[str] = mapped_column(Text)  # JSON: entities, places, times, skipped
    claims: Mapped[str] = mapped_column(Text)  # JSON: the claim records
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ClaimHistoryRow(Base):
    """Which archived extraction held a claim id (the lookup behind a replaced id's answer)."""

    __tablename__ = "claim_history"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(32), index=True)
    history_id: Mapped[int] = mapped_column(
        ForeignKey("extraction_history.id", ondelete="CASCADE"), index=True
    )


class ClaimRow(Base):
    """One claim of one article revision; `data` holds the full JSON record."""

    __tablename__ = "claims"
    # the map's places: located claims grouped by place and event from the index alone
    # (migration 0012), without reading the wide rows of the claims that have no coordinates
    __table_args__ = (
        Index("ix_claims_located", "lat", "lon", "place_name", "event", "article_id"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(32), index=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(32), index=True)
    modality: Mapped[str] = mapped_column(String(16), index=True)
    polarity: Mapped[str] = mapped_column(String(8))
    agent_id: Mapped[str | None] = mapped_column(String(255), index=True)
    recipient_id: Mapped[str | None] = mapped_column(String(255), index=True)
    source_name: Mapped[str | None] = mapped_column(String(255), index=True)
    place_name: Mapped[str | None] = mapped_column(String(255))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    time_value: Mapped[str | None] = mapped_column(String(32), index=True)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)


class EntityRow(Base):
    """A canonical entity across the store: id is stable (type + canonical name)."""

    __tablename__ = "entities"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16), index=True)
    aliases: Mapped[str] = mapped_column(Text, default="[]")  # JSON list, grows across articles
    country: Mapped[str | None] = mapped_column(String(8))


class EntityNameRow(Base):
    """Every spelling an entity answers to (id, canonical name, each alias), case-folded:
    kept by the entity writer (repo_claims._upsert_entities), so a name filter is one indexed
    equality instead of a LIKE over every entity's aliases JSON (5-9 ms at 100k claims)."""

    __tablename__ = "entity_names"

    name_key: Mapped[str] = mapped_column(Text, primary_key=True)
    entity_id: Mapped[str] = mapped_column(
        ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True
    )


class ClusterMemberRow(Base):
    """Which cluster a claim belongs to (assigned once, best fit; see analyze/clusters.py)."""

    __tablename__ = "cluster_members"

    claim_pk: Mapped[int] = mapped_column(
        ForeignKey("claims.pk", ondelete="CASCADE"), primary_key=True
    )
    cluster_id: Mapped[str] = mapped_column(String(32), index=True)


class ReportRow(Base):
    """A reader's error report on an article revision (the corrections desk's queue).

    status: open | accepted | rejected | duplicate | orphaned. The reporter is kept only as a
    salted hash (`fingerprint`); no address is stored.
    """

    __tablename__ = "correction_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    revision: Mapped[int | None] = mapped_column(Integer)
    exact: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(Text, default="")
    suffix: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    suggestion: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    duplicate_of: Mapped[int | None] = mapped_column(Integer)
    reports: Mapped[int] = mapped_column(Integer, default=1)  # merged duplicates of the same span
    fingerprint: Mapped[str] = mapped_column(String(64))
    site: Mapped[str | None] = mapped_column(String(255))
    page_url: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    handled_by: Mapped[str | None] = mapped_column(String(255))
    new_revision: Mapped[int | None] = mapped_column(Integer)


class UserRow(Base):
    """A person who may sign in to the web pages; role: reader | editor | admin.

    Only an argon2 hash of the password is stored (see claimgraph.web.auth).
    """

    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("name", name="uq_users_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16), default="reader")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Random, rotated on logout, password reset and role change: a session cookie names it, so
    # rotating it revokes every earlier cookie (NULL: no session is valid until the next login).
    session_key: Mapped[str | None] = mapped_column(String(64))


class AppSettingRow(Base):
    """Per-store values the app makes for itself, e.g. the generated session secret
    (`web.auth.store_secret`) when no CLAIMGRAPH_SECRET is set."""

    __tablename__ = "app_settings"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SiteRow(Base):
    """A third-party site allowed to embed the corrections widget (static/corrections.js).

    `key` is public (it sits in the site's HTML); what guards it is `allowed_origins`, the exact
    browser origins (scheme://host[:port]) the widget may post from, and `rate_per_hour`.
    Removing a site only clears `active`, so its old reports keep their site name.
    """

    __tablename__ = "sites"
    __table_args__ = (UniqueConstraint("key", name="uq_sites_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(255))
    allowed_origins: Mapped[list[str]] = mapped_column(JSON, default=list)
    rate_per_hour: Mapped[int] = mapped_column(Integer, default=60)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CorrectionHitRow(Base):
    """One accepted post to a corrections endpoint, kept for an hour for the rate limits.

    Counted rather than correction_reports rows because a repeat report on the same span merges
    into the open one (no new row) and a honeypot post stores no report, yet both must count.
    In the database, so limits hold across restarts and worker processes.
    """

    __tablename__ = "correction_hits"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    site: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )


class GraphArticleNodeRow(Base):
    """What one article's claims add to a node of the actor network (store/graph_index.py):
    how many of its claims name the node, and the name/type/country of the first claim that
    does (`seq`: order of the article's write, `ord`: claim and role within it), which the
    network shows for nodes the entity table does not name. `gpe`: for a place node, the GPE
    entity id it would become once such an entity is stored."""

    __tablename__ = "graph_article_nodes"
    __table_args__ = (Index("ix_graph_article_nodes_node", "node_id", "seq", "ord"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    node_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer, index=True)
    ord: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(8))
    gpe: Mapped[str | None] = mapped_column(String(255), index=True)


class GraphArticleEdgeRow(Base):
    """What one article's claims add to an edge of the actor network: claims per (source,
    target, event type, role) and the span of their dated times."""

    __tablename__ = "graph_article_edges"
    __table_args__ = (Index("ix_graph_article_edges_pair", "src", "dst"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    src: Mapped[str] = mapped_column(String(255), primary_key=True)
    dst: Mapped[str] = mapped_column(String(255), primary_key=True)
    event: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)
    first_time: Mapped[str | None] = mapped_column(String(32))
    last_time: Mapped[str | None] = mapped_column(String(32))


class GraphNodeRow(Base):
    """A node of the whole store's actor network (the sum of graph_article_nodes), with the
    attributes export.graph.build_graph would give it and whether it is noise (not an actor:
    pronoun phrases, month names, lowercase generic nouns), kept current on every write."""

    __tablename__ = "graph_nodes"
    __table_args__ = (Index("ix_graph_nodes_rank", "noise", "claims", "id"),)

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(8))
    claims: Mapped[int] = mapped_column(Integer)
    noise: Mapped[bool] = mapped_column(Boolean)


class GraphEdgeRow(Base):
    """An edge of the whole store's actor network (the sum of graph_article_edges): weight,
    claims per event type ("AGREE:1,SUPPLY:4"), roles and the span of dated claim times;
    `noise`: an end is a noise node (the network leaves the edge out)."""

    __tablename__ = "graph_edges"
    __table_args__ = (Index("ix_graph_edges_dst", "dst"),)

    src: Mapped[str] = mapped_column(String(255), primary_key=True)
    dst: Mapped[str] = mapped_column(String(255), primary_key=True)
    weight: Mapped[int] = mapped_column(Integer)
    event_counts: Mapped[str] = mapped_column(Text)
    roles: Mapped[str] = mapped_column(Text)
    first_time: Mapped[str | None] = mapped_column(String(32))
    last_time: Mapped[str | None] = mapped_column(String(32))
    noise: Mapped[bool] = mapped_column(Boolean, default=False)


class ArticleStatsRow(Base):
    """How many claims an article has, how many with a calendar date, how many located:
    written with its claims (store/graph_index.on_write), so store-wide counts are a sum over
    articles instead of a count over every claim (unfiltered /api/timeline and /api/map)."""

    __tablename__ = "article_stats"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    claims: Mapped[int] = mapped_column(Integer)
    dated: Mapped[int] = mapped_column(Integer)
    located: Mapped[int] = mapped_column(Integer)
