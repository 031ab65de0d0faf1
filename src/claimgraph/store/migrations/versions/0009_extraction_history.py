"""extraction_history and claim_history: replaced extractions and their claims stay readable;
extractions.pipeline widened to 128 characters (a derived version, not a hand-kept name)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "extraction_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("pipeline", sa.String(length=128), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("claims", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_extraction_history_article_id", "extraction_history", ["article_id"])
    op.create_table(
        "claim_history",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("history_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["history_id"], ["extraction_history.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index("ix_claim_history_id", "claim_history", ["id"])
    op.create_index("ix_claim_history_history_id", "claim_history", ["history_id"])
    with op.batch_alter_table("extractions") as batch:
        batch.alter_column(
            "pipeline", existing_type=sa.String(length=64), type_=sa.String(length=128)
        )


def downgrade() -> None:
    with op.batch_alter_table("extractions") as batch:
        batch.alter_column(
            "pipeline", existing_type=sa.String(length=128), type_=sa.String(length=64)
        )
    op.drop_index("ix_claim_history_history_id", table_name="claim_history")
    op.drop_index("ix_claim_history_id", table_name="claim_history")
    op.drop_table("claim_history")
    op.drop_index("ix_extraction_history_article_id", table_name="extraction_history")
    op.drop_table("extraction_history")
