"""Engines and sessions: SQLite (WAL, foreign keys) by default, PostgreSQL by URL.

Nothing is created at import: `open_store(url)` builds the engine and brings the schema to the
newest Alembic revision.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from claimgraph.config import db_url
from claimgraph.errors import StoreError


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA mmap_size=268435456")  # read pages from the OS cache, not via read()
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for a path or SQLAlchemy URL, with SQLite tuned for one writer + many readers."""
    url = db_url(url)
    if url.startswith("sqlite"):
        path = url.split(":///", 1)[-1]
        if path and path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.exists():
                raise StoreError(f"database folder {parent} does not exist (from --db {url})")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql"):
        return create_engine(url, pool_pre_ping=True)
    raise StoreError(
        f"unsupported database URL {url!r}: use a file path, sqlite:/// or postgresql+psycopg://"
    )


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("claimgraph.store") / "migrations"))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema (idempotent; a populated store keeps its rows)."""
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


@dataclass
class Store:
    """One database: its engine and a session factory."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        with self.sessions() as s, s.begin():
            yield s

    def tables(self) -> set[str]:
        return set(inspect(self.engine).get_table_names())

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str, *, upgrade: bool = True) -> Store:
    engine = make_engine(url)
    if upgrade:
        migrate(engine)
    return Store(engine, sessionmaker(engine, expire_on_commit=False))
