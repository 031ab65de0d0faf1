"""The corrections desk: reports anchored to revisions, accepted fixes as new revisions."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.corrections.anchor import locate, make_anchor
from claimgraph.corrections.desk import (
    ReportError,
    accept,
    fingerprint,
    mark_duplicate,
    reject,
    submit,
)
from claimgraph.pipeline import extract_stored, ingest_sources
from claimgraph.store import repo, repo_corrections

runner = CliRunner()
TEXT = (
    "Officials said the new bridge over the river at Ruse would open in May. "
    "The bridge at Ruse links Bulgaria and Romania."
)


def test_anchor_survives_edits_elsewhere():
    a = make_anchor(TEXT, TEXT.index("Ruse"), TEXT.index("Ruse") + 4)
    assert a.exact == "Ruse" and a.prefix.endswith("river at ")
    moved = "UPDATE: " + TEXT
    assert locate(a, moved) == (a.start + 8, a.end + 8)
    second = TEXT.rindex("Ruse")
    b = make_anchor(TEXT, second, second + 4)
    assert locate(b, "UPDATE: " + TEXT) == (second + 8, second + 12)  # the right one of two
    assert locate(a, TEXT.replace("Ruse", "Rousse")) is None
    with pytest.raises(ValueError):
        make_anchor(TEXT, 5, 5)
    assert [s["type"] for s in a.to_selectors()] == ["TextQuoteSelector", "TextPositionSelector"]


def test_fingerprint_is_salted_and_stable():
    a = fingerprint("203.0.113.7", "Firefox", secret="s1")
    assert a == fingerprint("203.0.113.7", "Firefox", secret="s1") and len(a) == 64
    assert a != fingerprint("203.0.113.7", "Firefox", secret="s2") and "203.0.113.7" not in a


@pytest.fixture
def seeded(sqlite_store, seed_path):
    list(ingest_sources([str(seed_path)], sqlite_store, extract=True))
    return sqlite_store


def _span(store, word):
    with store.session() as s:
        text = repo.get_article(session=s, article_id=1)["text"]
    return text.index(word), text.index(word) + len(word)


def test_report_accept_makes_revision_and_reextracts(seeded):
    start, end = _span(seeded, "Yelabuz")
    fp = fingerprint("198.51.100.1", "ua", secret="t")
    with seeded.session() as s:
        first = submit(
            session=s,
            fingerprint_=fp,
            article_id=1,
            start=start,
            end=end,
            suggestion="Yelabuga",
            comment="misspelt",
        )
        again = submit(
            session=s, fingerprint_=fp, article_id=1, start=start, end=end, comment="typo <b>"
        )
    assert not first.merged and again.merged and again.report["reports"] == 2
    assert "typo <b>" in again.report["comment"]  # stored as given; pages escape it
    with seeded.session() as s:
        number = accept(session=s, report_id=first.report["id"], editor="ed")
    assert number == 2
    assert extract_stored(seeded, 1) is None
    with seeded.session() as s:
        art = repo.get_article(session=s, article_id=1)
        old = repo.get_article(session=s, article_id=1, revision=1)
        claims = repo.list_claims(session=s, article_id=1)
        report = repo_corrections.list_reports(session=s, status="accepted")[0]
    assert "Yelabuga, Tatarstan" in art["text"] and "Yelabuz" in old["text"]
    assert [r["reason"] for r in art["revisions"]] == [
        "ingest",
        f"correction #{first.report['id']} by ed: “Yelabuz” → “Yelabuga”",
    ]
    assert art["revisions"][1]["parent"] == 1
    places = {(c.get("location") or {}).get("name") for c in claims}
    assert "Yelabuga" in places
    assert report["new_revision"] == 2 and report["handled_by"] == "ed"


def test_reject_duplicate_and_errors(seeded):
    start, end = _span(seeded, "Gomel")
    with seeded.session() as s:
        a = submit(
            session=s, fingerprint_="x", article_id=1, start=start, end=end, suggestion="Homyel"
        )
        b = submit(
            session=s, fingerprint_="y", article_id=1, start=start, end=end + 1, comment="city"
        )
        mark_duplicate(session=s, report_id=b.report["id"], of=a.report["id"], editor="ed")
        reject(
            session=s, report_id=a.report["id"], editor="ed", reason="the source spells it Gomel"
        )
        with pytest.raises(ReportError, match="not open"):
            accept(session=s, report_id=a.report["id"], editor="ed")
        with pytest.raises(ReportError, match="start"):
            submit(session=s, fingerprint_="z", article_id=1, start=10, end=10**7)
        with pytest.raises(ReportError, match="exact"):
            submit(session=s, fingerprint_="z", article_id=1, start=start, end=end, exact="Minsk")
        statuses = {
            r["id"]: r["status"] for r in repo_corrections.list_reports(session=s, status=None)
        }
    assert statuses == {a.report["id"]: "rejected", b.report["id"]: "duplicate"}


def test_report_on_old_revision_is_reanchored_or_orphaned(seeded):
    start, end = _span(seeded, "Dushanbe")
    s1, e1 = _span(seeded, "Yelabuz")
    with seeded.session() as s:
        dup = submit(
            session=s,
            fingerprint_="a",
            article_id=1,
            start=start,
            end=end,
            suggestion="Dushanbe city",
        )
        gone = submit(
            session=s, fingerprint_="b", article_id=1, start=s1, end=e1, suggestion="Elabuga"
        )
        fix = submit(
            session=s, fingerprint_="c", article_id=1, start=s1, end=e1 + 1, suggestion="Alabuga,"
        )
        accept(session=s, report_id=fix.report["id"], editor="ed")  # revision 2 moves text around
        accept(session=s, report_id=dup.report["id"], editor="ed")  # re-anchored by its quote
        with pytest.raises(ReportError, match="orphaned"):
            accept(session=s, report_id=gone.report["id"], editor="ed")
        rows = {r["id"]: r for r in repo_corrections.list_reports(session=s, status=None)}
        text = repo.get_article(session=s, article_id=1)["text"]
    assert "Dushanbe city, Tajikistan" in text
    assert rows[gone.report["id"]]["status"] == "orphaned"  # kept, not lost


def test_third_party_report_keeps_quote_and_page(sqlite_store):
    page = "https://news.example/2023/08/iran-drones"
    with sqlite_store.session() as s:
        a = submit(
            session=s,
            fingerprint_="w",
            exact="Yelabuz",
            prefix="plant in ",
            suffix=", Tatar",
            suggestion="Yelabuga",
            site="key-1",
            page_url=page,
        )
        b = submit(session=s, fingerprint_="v", exact="Yelabuz", page_url=page)
        with pytest.raises(ReportError, match="exact"):
            submit(session=s, fingerprint_="v", exact="   ", page_url=page)
        with pytest.raises(ReportError, match="no stored article"):
            accept(session=s, report_id=a.report["id"], editor="ed")
    assert b.merged and b.report["reports"] == 2
    assert a.report["target"]["source"] == page and a.report["site"] == "key-1"
    assert a.report["target"]["selector"][0] == {
        "type": "TextQuoteSelector",
        "exact": "Yelabuz",
        "prefix": "plant in ",
        "suffix": ", Tatar",
    }


def test_cli_queue(seeded, tmp_path):
    db = str(seeded.engine.url).replace("sqlite:///", "")
    start, end = _span(seeded, "Yelabuz")
    res = runner.invoke(
        app,
        ["corrections", "report", "1", str(start), str(end), "--suggest", "Yelabuga", "--db", db],
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(runner.invoke(app, ["corrections", "list", "--db", db, "--json"]).stdout)
    assert (
        rows[0]["exact"] == "Yelabuz"
        and rows[0]["target"]["selector"][0]["type"] == "TextQuoteSelector"
    )
    res = runner.invoke(
        app, ["corrections", "accept", str(rows[0]["id"]), "--db", db, "--editor", "ed"]
    )
    assert res.exit_code == 0 and "revision 2" in res.stdout
    art = json.loads(runner.invoke(app, ["show", "1", "--db", db, "--json"]).stdout)
    assert art["revision"] == 2 and len(art["revisions"]) == 2
    bad = runner.invoke(app, ["corrections", "accept", "999", "--db", db])
    assert bad.exit_code == 2 and "report 999 does not exist" in bad.stderr
