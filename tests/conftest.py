"""Shared fixtures: a fresh store per test, on SQLite and (when available) PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from claimgraph.store.db import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def _shared_dir() -> Path:
    """../shared beside the checkout (or any ancestor's shared/), overridable by env."""
    if os.environ.get("CLAIMGRAPH_SHARED"):
        return Path(os.environ["CLAIMGRAPH_SHARED"])
    for parent in ROOT.parents:
        if (parent / "shared" / "seed").is_dir():
            return parent / "shared"
    return Path("/work/shared")


SHARED = _shared_dir()
SEED_DIR = SHARED / "seed"
SEED = SEED_DIR / "iran-drone-factories-2023-08-02.txt"
PG_URL = os.environ.get("CLAIMGRAPH_TEST_PG_URL")


def need_seed(path: Path = SEED) -> Path:
    """`path` (the seed article or its gold): skipped when absent, but a failure under CI=true,
    where a checkout without ../shared/seed must not pass by running none of these tests."""
    if not path.exists():
        message = f"seed file not found at {path} (set CLAIMGRAPH_SHARED to the shared folder)"
        if os.environ.get("CI"):
            pytest.fail(f"CI=true: {message}")
        pytest.skip(message)
    return path


@pytest.fixture
def seed_path() -> Path:
    return need_seed()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(str(tmp_path / "test.db"))
    yield store
    store.close()


def pg_database(prefix: str = "cg_test") -> Iterator[str]:
    """A brand-new PostgreSQL database URL, dropped afterwards (generator for fixtures).

    Skips without a server, but fails under CI=true: there PostgreSQL tests must run.
    """
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI=true but CLAIMGRAPH_TEST_PG_URL is not set: PostgreSQL tests must run")
        pytest.skip("CLAIMGRAPH_TEST_PG_URL not set (scripts/test.sh starts a throw-away server)")
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_store() -> Iterator[Store]:
    """A brand-new PostgreSQL database for one test, dropped afterwards."""
    for url in pg_database():
        store = open_store(url)
        yield store
        store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> Store:
    """Run a store test on both backends."""
    return request.getfixturevalue("sqlite_store" if request.param == "sqlite" else "pg_store")
