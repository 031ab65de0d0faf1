"""Finding 2 (and 4): editor sessions cannot be forged with a published secret, name no user
they could probe for, and die with logout, password reset, role change and removal; `serve`
will not listen beyond loopback with a weak CLAIMGRAPH_SECRET."""

from __future__ import annotations

import base64
import json

import pytest
from itsdangerous import TimestampSigner
from typer.testing import CliRunner

from claimgraph.cli import app as cli_app
from claimgraph.config import Settings
from claimgraph.store.db import open_store
from claimgraph.web import auth
from claimgraph.web.pages import SESSION_COOKIE
from tests.security.conftest import EDITOR, csrf_of, make_client, sign_in

OLD_DEFAULT = "claimgraph-local"  # the secret every install used to share


def forged(secret: str, payload: dict) -> str:
    """A session cookie as Starlette's SessionMiddleware writes it, signed with `secret`."""
    data = base64.b64encode(json.dumps(payload).encode())
    return TimestampSigner(secret).sign(data).decode()


def _editor_status(client, cookie: str | None) -> tuple[int, str | None]:
    client.cookies.clear()
    if cookie is not None:
        client.cookies.set(SESSION_COOKIE, cookie)
    r = client.get("/editor", follow_redirects=False)
    return r.status_code, r.headers.get("location")


@pytest.mark.parametrize("user", ["root", EDITOR[0]])
def test_cookie_signed_with_the_old_default_is_refused(db_path, user):
    with make_client(db_path, Settings()) as client:  # no CLAIMGRAPH_SECRET: the default path
        anonymous = _editor_status(client, None)
        assert anonymous[0] == 303
        got = _editor_status(client, forged(OLD_DEFAULT, {"user": user, "csrf": "x"}))
        assert got == anonymous  # same answer for a real and an unknown name: no probing


def test_generated_secret_is_per_store_and_kept(db_path, tmp_path):
    store = open_store(str(db_path))
    try:
        first = auth.store_secret(store)
        assert auth.strong_secret(first) and first != OLD_DEFAULT
        assert auth.store_secret(store) == first  # made once, then reused
    finally:
        store.close()
    other = open_store(str(tmp_path / "other.db"))
    try:
        assert auth.store_secret(other) != first
    finally:
        other.close()


def test_cookie_without_session_key_is_refused_even_with_the_secret(db_path, client):
    """Knowing the secret (e.g. a leaked one) is not enough to name a user: the key is random."""
    cookie = forged("security-tests-secret-0123456789-abcdefgh", {"user": EDITOR[0], "csrf": "x"})
    assert _editor_status(client, cookie) == _editor_status(client, None)


def _signed_in_cookie(client) -> str:
    sign_in(client)
    cookie = client.cookies.get(SESSION_COOKIE)
    assert cookie and client.get("/editor", follow_redirects=False).status_code == 200
    return cookie


def test_cookie_from_before_logout_is_rejected(client):
    old = _signed_in_cookie(client)
    token = csrf_of(client.get("/editor").text)
    r = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    assert _editor_status(client, old)[0] == 303  # the copied cookie no longer opens /editor


@pytest.mark.parametrize("change", ["password reset", "role change", "removal"])
def test_account_changes_revoke_open_sessions(client, store, change):
    old = _signed_in_cookie(client)
    with store.session() as s:
        if change == "password reset":
            auth.add_user(session=s, name=EDITOR[0], password="new-pass-12345", role="editor")
        elif change == "role change":
            auth.set_role(session=s, name=EDITOR[0], role="admin")
        else:
            auth.remove_user(session=s, name=EDITOR[0])
            auth.add_user(session=s, name=EDITOR[0], password=EDITOR[1], role="editor")
    assert _editor_status(client, old)[0] == 303


@pytest.fixture
def no_uvicorn(monkeypatch):
    """Record uvicorn.run calls instead of serving (a started server means the check failed)."""
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: calls.append(k))
    return calls


@pytest.mark.parametrize("secret", [OLD_DEFAULT, "short-secret"])
def test_serve_public_refuses_a_weak_secret(db_path, no_uvicorn, secret):
    r = CliRunner().invoke(
        cli_app,
        ["serve", "--db", str(db_path), "--host", "0.0.0.0", "--public"],
        env={"CLAIMGRAPH_SECRET": secret},
    )
    assert no_uvicorn == [], "the server started with a weak secret"
    assert r.exit_code == 2
    assert "CLAIMGRAPH_SECRET" in r.output and "32" in r.output


def test_serve_public_uses_the_generated_secret_and_says_so(db_path, no_uvicorn, monkeypatch):
    monkeypatch.delenv("CLAIMGRAPH_SECRET", raising=False)
    r = CliRunner().invoke(
        cli_app, ["serve", "--db", str(db_path), "--host", "0.0.0.0", "--public"]
    )
    assert r.exit_code == 0, r.output
    assert len(no_uvicorn) == 1 and "generated secret" in r.output
