"""The CLI contracts: commands, --json shapes, exit codes, messages."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

runner = CliRunner()
ARTICLE_KEYS = {"id", "title", "published", "site", "url", "language", "revision"}


def cg(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "cli.db")


def test_seed_end_to_end(db, seed_path):
    res = cg("ingest", str(seed_path), "--db", db)
    assert res.exit_code == 0, res.output
    assert "stored as article 1" in res.stderr

    rows = json.loads(cg("articles", "--db", db, "--json").stdout)
    assert len(rows) == 1 and set(rows[0]) == ARTICLE_KEYS
    assert rows[0]["title"] == "ISW: Iran is building drone factories in Belarus and Russia"
    assert rows[0]["published"] == "2023-08-02T13:30:00"
    assert rows[0]["language"] == "en" and rows[0]["revision"] == 1

    art = json.loads(cg("show", "1", "--db", db, "--json").stdout)
    assert ARTICLE_KEYS | {"text", "revisions"} <= set(art)
    assert art["revisions"][0]["number"] == 1
    assert "Ctrl+Enter" not in art["text"] and "Spelling error report" not in art["text"]

    hits = json.loads(cg("search", "Su-35 skepticism", "--db", db, "--json").stdout)
    assert hits[0]["id"] == 1 and "[Su-35]" in hits[0]["snippet"]

    again = cg("ingest", str(seed_path), "--db", db)
    assert again.exit_code == 0 and "already ingested" in again.stderr and "1 seen" in again.stderr
    assert len(json.loads(cg("articles", "--db", db, "--json").stdout)) == 1


def test_failures_named_and_others_kept(db, tmp_path, seed_path):
    (tmp_path / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    res = cg(
        "ingest", str(tmp_path / "broken.png"), str(seed_path), "/no/such/file.txt", "--db", db
    )
    assert res.exit_code == 1
    assert "broken.png: binary file (PNG image)" in res.stderr
    assert "/no/such/file.txt: no such file" in res.stderr
    assert "1 new, 2 failed" in res.stderr
    assert len(json.loads(cg("articles", "--db", db, "--json").stdout)) == 1


def test_ingest_json_report(db, seed_path):
    res = cg("ingest", str(seed_path), "/no/such.txt", "--db", db, "--json")
    report = json.loads(res.stdout)
    assert [r["status"] for r in report] == ["new", "failed"]
    assert report[1]["code"] == "E100" and report[1]["source"] == "/no/such.txt"


def test_stdin_and_glob(db, tmp_path, seed_path):
    story = "Snow closes airport\n\nThe airport closed both runways on Friday after heavy snowfall overnight."
    res = cg("ingest", "-", "--db", db, input=story)
    assert res.exit_code == 0 and "<stdin>" in res.stderr
    shutil.copy(seed_path, tmp_path / "copy-a.txt")
    res = cg("ingest", str(tmp_path / "*.txt"), "--db", db)
    assert res.exit_code == 0 and "stored as article 2" in res.stderr
    titles = [r["title"] for r in json.loads(cg("articles", "--db", db, "--json").stdout)]
    assert sorted(titles) == [
        "ISW: Iran is building drone factories in Belarus and Russia",
        "Snow closes airport",
    ]


def test_show_missing(db):
    res = cg("show", "42", "--db", db)
    assert res.exit_code == 1 and "article 42 does not exist" in res.stderr


def test_bad_db_url(tmp_path):
    res = cg("articles", "--db", "mysql://nowhere/db")
    assert res.exit_code == 2 and "unsupported database URL" in res.stderr
    res = cg("articles", "--db", str(tmp_path / "missing-dir" / "x.db"))
    assert res.exit_code == 2 and "does not exist" in res.stderr


@pytest.mark.parametrize("command", ["ingest", "articles", "show", "search", "demo"])
def test_help_everywhere(command):
    res = cg(command, "--help")
    assert res.exit_code == 0 and "Example:" in res.stdout


def test_demo(db, seed_path):
    res = cg("demo", str(seed_path), "--db", db)
    assert res.exit_code == 0, res.output
    assert "ISW: Iran is building drone factories in Belarus and Russia" in res.stdout
    assert "published 2023-08-02T13:30:00" in res.stdout


@pytest.mark.postgres
def test_cli_on_postgresql(pg_store, seed_path):
    url = pg_store.engine.url.render_as_string(hide_password=False)
    assert cg("ingest", str(seed_path), "--db", url).exit_code == 0
    rows = json.loads(cg("articles", "--db", url, "--json").stdout)
    assert rows[0]["published"] == "2023-08-02T13:30:00" and set(rows[0]) == ARTICLE_KEYS
    hits = json.loads(cg("search", "drone factory", "--db", url, "--json").stdout)
    assert hits and hits[0]["id"] == rows[0]["id"]


def test_ingest_extracts_and_claims_json(db, seed_path):
    assert cg("ingest", str(seed_path), "--db", db).exit_code == 0
    rows = json.loads(cg("claims", "--db", db, "--json").stdout)
    assert len(rows) >= 13 and all(r["article_id"] == 1 for r in rows)
    supply = json.loads(cg("claims", "--db", db, "--event", "SUPPLY", "--json").stdout)
    assert supply and all(r["event"] == "SUPPLY" for r in supply)
    assert (
        json.loads(cg("claims", "--db", db, "--limit", "2", "--json").stdout)[1]["id"]
        == rows[1]["id"]
    )
    with_iran = json.loads(cg("claims", "--db", db, "--entity", "Iranian", "--json").stdout)
    assert with_iran and len(with_iran) < len(rows)
    table = cg("claims", "--db", db)
    assert "Yelabuga" in table.stdout and "United States" in table.stdout
    again = cg("ingest", str(seed_path), "--db", db)  # no re-extraction, no duplicate claims
    assert again.exit_code == 0
    assert len(json.loads(cg("claims", "--db", db, "--json").stdout)) == len(rows)


def test_extract_keeps_the_lines_after_one_that_crashes(tmp_path, monkeypatch):
    """A crash while extracting one JSONL line names that line and loses none of the others."""
    import claimgraph.extraction as extraction

    real = extraction.extract_article

    def flaky(art, **kw):
        if "boom" in art.text:
            raise ValueError("synthetic failure")
        return real(art, **kw)

    monkeypatch.setattr(extraction, "extract_article", flaky)
    rows = [
        {"id": "a", "text": "Police arrested two men in Leeds on Monday."},
        {"id": "b", "text": "The boom line crashes the extractor."},
        {"id": "c", "text": "The mayor resigned on Tuesday, officials said."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    res = runner.invoke(app, ["extract", str(path), "--json"])
    assert res.exit_code == 1
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines() if line.startswith("{")]
    assert ids == ["a", "c"]
    assert "batch.jsonl:2" in res.stderr and "synthetic failure" in res.stderr
