"""Actor network kept current on write: graph_article_nodes/_edges (each article's share) and
graph_nodes/_edges (the store's sums), filled from the stored claims (store/graph_index.py)

/api/graph built the network from every claim per request (4.8 s p95 at 100k claims); it now
reads the top nodes and their edges from graph_nodes/graph_edges, which the claim writer keeps
current. The backfill reads each claim once (seconds per 100k claims).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "graph_article_nodes",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("node_id", sa.String(length=255), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("ord", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("gpe", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "node_id"),
    )
    op.create_index("ix_graph_article_nodes_node", "graph_article_nodes", ["node_id", "seq", "ord"])
    op.create_index("ix_graph_article_nodes_seq", "graph_article_nodes", ["seq"])
    op.create_index("ix_graph_article_nodes_gpe", "graph_article_nodes", ["gpe"])
    op.create_table(
        "graph_article_edges",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("src", sa.String(length=255), nullable=False),
        sa.Column("dst", sa.String(length=255), nullable=False),
        sa.Column("event", sa.String(length=32), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("first_time", sa.String(length=32), nullable=True),
        sa.Column("last_time", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "src", "dst", "event", "role"),
    )
    op.create_index("ix_graph_article_edges_pair", "graph_article_edges", ["src", "dst"])
    op.create_table(
        "graph_nodes",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("noise", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_graph_nodes_rank", "graph_nodes", ["noise", "claims", "id"])
    op.create_table(
        "graph_edges",
        sa.Column("src", sa.String(length=255), nullable=False),
        sa.Column("dst", sa.String(length=255), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("event_counts", sa.Text(), nullable=False),
        sa.Column("roles", sa.Text(), nullable=False),
        sa.Column("first_time", sa.String(length=32), nullable=True),
        sa.Column("last_time", sa.String(length=32), nullable=True),
        sa.Column("noise", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("src", "dst"),
    )
    op.create_index("ix_graph_edges_dst", "graph_edges", ["dst"])
    # backfill with the code that keeps the tables current (the schema above is its schema)
    from claimgraph.store.graph_index import rebuild

    rebuild(Session(bind=op.get_bind()))


def downgrade() -> None:
    op.drop_index("ix_graph_edges_dst", table_name="graph_edges")
    op.drop_table("graph_edges")
    op.drop_index("ix_graph_nodes_rank", table_name="graph_nodes")
    op.drop_table("graph_nodes")
    op.drop_index("ix_graph_article_edges_pair", table_name="graph_article_edges")
    op.drop_table("graph_article_edges")
    for name in ("gpe", "seq", "node"):
        op.drop_index(f"ix_graph_article_nodes_{name}", table_name="graph_article_nodes")
    op.drop_table("graph_article_nodes")
