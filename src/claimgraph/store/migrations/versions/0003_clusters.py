"""claim clusters: which cluster each claim belongs to

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cluster_members",
        sa.Column("claim_pk", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["claim_pk"], ["claims.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("claim_pk"),
    )
    op.create_index("ix_cluster_members_cluster_id", "cluster_members", ["cluster_id"])


def downgrade() -> None:
    op.drop_table("cluster_members")
