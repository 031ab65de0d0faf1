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
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from claimgraph.config import db_url
from claimgraph.errors import StoreError

try:  # POSIX; elsewhere concurrent first opens of one SQLite file are not serialised
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


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


MIGRATION_LOCK_KEY = 0x636C61696D  # pg_advisory_xact_lock key ("claim"), one per database


@contextmanager
def _sqlite_migration_lock(engine: Engine) -> Iterator[None]:
    """An exclusive flock on `<store>.migrate-lock` beside a SQLite file while its schema is
    brought up to date: Python's sqlite3 runs DDL outside any transaction, so without it two
    processes opening a fresh store both create the tables and one fails ("table articles
    already exists"). The second waits, then finds the schema current."""
    path = engine.url.database
    if not path or path == ":memory:" or fcntl is None:
        yield
        return
    lock_path = Path(path).expanduser().resolve().with_name(Path(path).name + ".migrate-lock")
    with open(lock_path, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema (idempotent; a populated store keeps its rows).

    Safe when several processes open the same fresh store at once: SQLite serialises them on a
    file lock, PostgreSQL on a transaction-scoped advisory lock (its DDL is transactional, so
    the second process sees the finished schema and has nothing to do)."""
    cfg = alembic_config(engine)
    if engine.dialect.name == "sqlite":
        with _sqlite_migration_lock(engine), engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


INGEST_LOCK_KEY = MIGRATION_LOCK_KEY + 1


def lock_for_write(session: Session, key: int = INGEST_LOCK_KEY) -> None:
    """Make this transaction the only one of its kind until it ends, before it reads what it
    will write against (ingest's dedupe lookups): two processes storing overlapping records
    then see each other's rows instead of both inserting and one failing on a unique key.
    PostgreSQL: a transaction-scoped advisory lock. SQLite: the database write lock, taken now
    by an empty DELETE (Python's sqlite3 would otherwise take it only at the first insert)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    elif dialect == "sqlite":
        session.execute(text("DELETE FROM alembic_version WHERE 0"))


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
