"""claims: a covering index for the map, (lat, lon, place_name, event, article_id)

/api/map groups the located claims by place and event. Few claims have coordinates (4% of the
100k-claim benchmark store), but `lat IS NOT NULL` had no index, so every request read the
whole table, JSON records included (~20 ms SQLite, more on PostgreSQL). With this index the
grouping reads only index entries of located claims.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_claims_located", "claims", ["lat", "lon", "place_name", "event", "article_id"]
    )


def downgrade() -> None:
    op.drop_index("ix_claims_located", table_name="claims")
