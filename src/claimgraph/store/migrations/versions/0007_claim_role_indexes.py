"""claims: expression indexes on the JSON-only roles; (agent_id, pk) and (recipient_id, pk)

An entity profile finds every claim naming the entity as agent, recipient, supplier, helper or
source. Supplier, assisted_by and the two source ids live only in the JSON record, so without
these indexes each profile read (and decoded) every claim. The expressions must stay spelled
exactly as `repo_claims.json_role` writes them, or the planners will not use them. The
(role, pk) pairs let "this entity's claims in storage order, first N" stop after N index
entries (PostgreSQL; SQLite indexes already end with the rowid, harmless there).

Raw DDL on purpose: the ORM models do not describe expression indexes per dialect
(test_models_match_migrations skips these names). IF [NOT] EXISTS, because stores tuned by
hand before this revision may already hold indexes of these names.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# index name → (JSON object, key) of claims.data
JSON_ROLE_INDEXES = {
    "ix_claims_j_supplier_id": ("supplier", "id"),
    "ix_claims_j_assisted_by_id": ("assisted_by", "id"),
    "ix_claims_j_source_entity_id": ("source", "entity_id"),
    "ix_claims_j_source_country_entity_id": ("source", "country_entity_id"),
}
# index name → columns
PK_INDEXES = {
    "ix_claims_agent_id_pk": ("agent_id", "pk"),
    "ix_claims_recipient_id_pk": ("recipient_id", "pk"),
}


def _expr(dialect: str, obj: str, key: str) -> str:
    """The indexed expression, as repo_claims.json_role spells it (less the table name)."""
    if dialect == "postgresql":
        return f"((data)::jsonb -> '{obj}' ->> '{key}')"
    return f"json_extract(data, '$.{obj}.{key}')"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, (obj, key) in JSON_ROLE_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON claims ({_expr(dialect, obj, key)})")
    for name, cols in PK_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON claims ({', '.join(cols)})")


def downgrade() -> None:
    for name in (*PK_INDEXES, *JSON_ROLE_INDEXES):
        op.execute(f"DROP INDEX IF EXISTS {name}")
