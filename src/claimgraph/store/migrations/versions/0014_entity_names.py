"""entity_names: every case-folded spelling (id, name, alias) of each entity, kept by the
entity writer, so resolving a name filter (/api/claims?entity=Iran) is one indexed equality
instead of a LIKE over every entity's aliases JSON (5-9 ms per request at 100k claims)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_names",
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("name_key", "entity_id"),
    )
    from claimgraph.store.repo_claims import rebuild_entity_names

    rebuild_entity_names(Session(bind=op.get_bind()))


def downgrade() -> None:
    op.drop_table("entity_names")
