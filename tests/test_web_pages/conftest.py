"""A seeded store made once per session (extraction is the slow part); tests copy it."""

from __future__ import annotations

import re
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.config import Settings
from claimgraph.pipeline import ingest_sources
from claimgraph.store.db import Store, open_store
from claimgraph.web import auth
from tests.conftest import SEED, need_seed

with warnings.catch_warnings():  # starlette nags about httpx versions; irrelevant here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

EDITOR = ("eddie", "correct-horse-42")
READER = ("rita", "reader-pass-42")
SECRET = "test-secret-not-for-production"


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article ingested and extracted, plus an editor and a reader account."""
    need_seed()
    path = tmp_path_factory.mktemp("pages") / "seed.db"
    store = open_store(str(path))
    results = list(ingest_sources([str(SEED)], store, extract=True))
    assert [getattr(r, "status", None) for r in results] == ["new"], results
    with store.session() as s:
        auth.add_user(session=s, name=EDITOR[0], password=EDITOR[1], role="editor")
        auth.add_user(session=s, name=READER[0], password=READER[1], role="reader")
    store.close()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture
def db_copy(seeded_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded store, so tests that write do not see each other."""
    dst = tmp_path / "store.db"
    shutil.copy(seeded_db, dst)
    return dst


@pytest.fixture
def page_store(db_copy: Path) -> Iterator[Store]:
    s = open_store(str(db_copy))
    yield s
    s.close()


@pytest.fixture
def client(db_copy: Path) -> Iterator[TestClient]:
    from claimgraph.web import create_app

    with TestClient(create_app(Settings(secret=SECRET), db=str(db_copy))) as c:
        yield c


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def sign_in(client: TestClient, name: str, password: str) -> None:
    token = csrf_of(client.get("/login").text)
    r = client.post(
        "/login",
        data={"csrf_token": token, "name": name, "password": password, "next": "/editor"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
