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

with warnings.catch_warnings():  # starlette nags about httpx versions; irrelevant here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EDITOR = ("eddie", "correct-horse-42")
SECRET = "security-tests-secret-0123456789-abcdefgh"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A fresh SQLite store with one editor account."""
    path = tmp_path / "store.db"
    store = open_store(str(path))
    with store.session() as s:
        auth.add_user(session=s, name=EDITOR[0], password=EDITOR[1], role="editor")
    store.close()
    return path


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(str(db_path))
    yield s
    s.close()


def make_client(db_path: Path, settings: Settings | None = None) -> TestClient:
    from claimgraph.web import create_app

    return TestClient(create_app(settings or Settings(secret=SECRET), db=str(db_path)))


@pytest.fixture
def client(db_path: Path) -> Iterator[TestClient]:
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
