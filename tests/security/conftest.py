"""Fixtures for the attack replays of issue 12: a small store, an editor, a signed-in client."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.config import Settings
from claimgraph.store.db import Store, open_store
from claimgraph.web import auth
from tests.conftest import pg_database

with warnings.catch_warnings():  # starlette nags about httpx versions; irrelevant here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EDITOR = ("eddie", "correct-horse-42")
SECRET = "security-tests-secret-0123456789-abcdefgh"


def _with_editor(url: str) -> str:
    store = open_store(url)
    with store.session() as s:
        auth.add_user(session=s, name=EDITOR[0], password=EDITOR[1], role="editor")
    store.close()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_path(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh store with one editor account, on SQLite and (when available) PostgreSQL."""
    if request.param == "sqlite":
        yield _with_editor(str(tmp_path / "store.db"))
        return
    for url in pg_database("cg_sec"):
        yield _with_editor(url)


@pytest.fixture
def store(db_path: str) -> Iterator[Store]:
    s = open_store(str(db_path))
    yield s
    s.close()


def make_client(db_path: str, settings: Settings | None = None) -> TestClient:
    from claimgraph.web import create_app

    return TestClient(create_app(settings or Settings(secret=SECRET), db=str(db_path)))


@pytest.fixture
def client(db_path: str) -> Iterator[TestClient]:
    with make_client(db_path) as c:
        yield c


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def sign_in(client: TestClient, name: str = EDITOR[0], password: str = EDITOR[1]) -> None:
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"csrf_token": token, "name": name, "password": password, "next": "/editor"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
