"""store: SQLAlchemy schema, Alembic migrations, revisioned articles, full-text search."""
