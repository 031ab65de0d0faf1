"""`claimgraph sites …` and `claimgraph users …`: keys, snippets, accounts, exit codes."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.store.db import open_store
from claimgraph.web import auth

runner = CliRunner()


def cg(*args: str, input: str | None = None, env: dict | None = None):
    return runner.invoke(app, list(args), input=input, env=env)


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "cli.db")


def test_sites_add_list_remove(db):
    res = cg(
        "sites", "add", "Daily Example", "--origin", "https://Example.org/", "--origin",
        "http://localhost:8080", "--rate-per-hour", "5", "--base-url", "https://cg.example",
        "--db", db, "--json",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    site = json.loads(res.stdout)
    assert site["allowed_origins"] == ["https://example.org", "http://localhost:8080"]
    assert site["rate_per_hour"] == 5 and site["active"] is True
    key = site["key"]
    assert key.startswith("cgs_") and len(key) > 20
    assert site["snippet"] == (
        f'<script src="https://cg.example/static/corrections.js" data-site="{key}"></script>'
    )
    res = cg("sites", "add", "Other", "--origin", "https://other.example", "--db", db)
    assert res.exit_code == 0 and "corrections.js" in res.stdout and 'data-site="cgs_' in res.stdout
    rows = json.loads(cg("sites", "list", "--db", db, "--json").stdout)
    assert [r["name"] for r in rows] == ["Daily Example", "Other"]
    assert rows[1]["rate_per_hour"] == 60
    assert "Daily Example" in cg("sites", "list", "--db", db).stdout

    res = cg("sites", "remove", key, "--db", db)
    assert res.exit_code == 0, res.output
    rows = json.loads(cg("sites", "list", "--db", db, "--json").stdout)
    assert rows[0]["active"] is False
    res = cg("sites", "remove", key, "--db", db)
    assert res.exit_code == 2 and "KEY" in res.stderr


def test_sites_add_bad_usage_names_the_field(db):
    res = cg("sites", "add", "X", "--origin", "https://x.org/path", "--db", db)
    assert res.exit_code == 2 and "--origin" in res.stderr
    res = cg("sites", "add", "X", "--origin", "https://*.x.org", "--db", db)
    assert res.exit_code == 2 and "wildcard" in res.stderr
    res = cg("sites", "add", "X", "--origin", "https://x.org", "--rate-per-hour", "0", "--db", db)
    assert res.exit_code == 2 and "--rate-per-hour" in res.stderr
    res = cg("sites", "add", "X", "--db", db)  # --origin is required
    assert res.exit_code == 2
    res = cg("sites", "add", "X", "--origin", "https://x.org", "--base-url", "x.org", "--db", db)
    assert res.exit_code == 2 and "--base-url" in res.stderr
    assert "Example:" in cg("sites", "add", "--help").stdout


def test_users_add_list_set_role_remove(db):
    res = cg("users", "add", "eddie", "--role", "editor", "--password-stdin", "--db", db,
             input="correct-horse-42\n")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "added" in res.stdout
    # an interactive prompt asks twice, hidden
    res = cg("users", "add", "rita", "--db", db, input="reader-pass-42\nreader-pass-42\n")
    assert res.exit_code == 0, res.output
    assert "reader-pass-42" not in res.stdout
    rows = json.loads(cg("users", "list", "--db", db, "--json").stdout)
    assert [(r["name"], r["role"]) for r in rows] == [("eddie", "editor"), ("rita", "reader")]
    assert all("password_hash" not in r for r in rows)
    store = open_store(db)
    with store.session() as s:
        assert auth.authenticate(session=s, name="eddie", password="correct-horse-42")
        assert auth.authenticate(session=s, name="rita", password="reader-pass-42")
    store.close()

    assert cg("users", "set-role", "rita", "admin", "--db", db).exit_code == 0
    rows = json.loads(cg("users", "list", "--db", db, "--json").stdout)
    assert rows[1]["role"] == "admin"
    assert cg("users", "remove", "rita", "--db", db).exit_code == 0
    assert [r["name"] for r in json.loads(cg("users", "list", "--db", db, "--json").stdout)] == [
        "eddie"
    ]


def test_users_bad_usage_exits_2_naming_the_field(db):
    res = cg("users", "add", "x", "--role", "boss", "--password-stdin", "--db", db, input="p" * 9)
    assert res.exit_code == 2 and "--role" in res.stderr
    res = cg("users", "add", "x", "--password-stdin", "--db", db, input="short\n")
    assert res.exit_code == 2 and "password" in res.stderr
    res = cg("users", "add", "x", "--db", db, input="long-enough-1\nother-thing-2\n")
    assert res.exit_code != 0  # the confirmation does not match
    assert (
        cg("users", "add", "x", "--password-stdin", "--db", db, input="long-enough-1\n").exit_code
        == 0
    )
    res = cg("users", "add", "x", "--password-stdin", "--db", db, input="long-enough-2\n")
    assert res.exit_code == 2 and "--reset" in res.stderr
    res = cg("users", "add", "x", "--reset", "--role", "editor", "--password-stdin", "--db", db,
             input="long-enough-2\n")  # fmt: skip
    assert res.exit_code == 0 and "updated" in res.stdout
    res = cg("users", "add", "y", "--db", db, env={"CLAIMGRAPH_PASSWORD": "from-the-env-1"})
    assert res.exit_code == 0, res.output
    assert cg("users", "set-role", "nobody", "editor", "--db", db).exit_code == 2
    res = cg("users", "set-role", "x", "boss", "--db", db)
    assert res.exit_code == 2 and "ROLE" in res.stderr
    res = cg("users", "remove", "nobody", "--db", db)
    assert res.exit_code == 2 and "NAME" in res.stderr
    assert "--password" not in cg("users", "add", "--help").stdout.replace("--password-stdin", "")
