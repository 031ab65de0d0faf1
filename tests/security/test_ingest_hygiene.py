"""The low ingest findings of issue 12, both backends: NUL and other control characters in a
JSONL field (a failed record on PostgreSQL), one raw NUL byte that rejected a whole JSONL file,
and `"published": "2021"` stored as a day (and used as one to date "on Monday")."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from claimgraph.ingest.article import Article
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo
from claimgraph.store.models import ArticleRow
from tests.security.conftest import make_client


def _line(i: int, **extra: object) -> bytes:
    rec = {
        "url": f"https://news.example/{i}",
        "title": f"Story {i}",
        "text": f"The harbour board of Lakeside number {i} approved a new ferry pier, "
        f"officials said.",
        **extra,
    }
    return json.dumps(rec).encode() + b"\n"


def _ingest(store, path: Path, *, extract: bool = False) -> list:
    return list(ingest_sources([str(path)], store, extract=extract))


def _failures(outcomes: list) -> list:
    return [o for o in outcomes if not isinstance(o, repo.IngestOutcome)]


def test_one_raw_nul_byte_fails_its_line_alone(store, tmp_path):
    src = tmp_path / "nul.jsonl"
    raw_nul = b'{"title": "Raw \x00 byte", "text": "The ferry sailed at noon, officials said."}\n'
    src.write_bytes(_line(1) + raw_nul + b"{not json\n" + _line(4))
    out = _ingest(store, src)
    stored = [o for o in out if isinstance(o, repo.IngestOutcome)]
    assert [o.status for o in stored] == ["new", "new"], out
    bad = _failures(out)
    assert len(bad) == 2
    assert {f.source.rsplit(":", 1)[1] for f in bad} == {"2", "3"}  # each names its line
    assert "invalid JSON" in bad[0].reason
    with store.session() as s:
        assert sorted(s.scalars(select(ArticleRow.title))) == ["Story 1", "Story 4"]


def test_control_characters_in_fields_are_cleaned_before_storage(store, tmp_path):
    src = tmp_path / "ctl.jsonl"
    src.write_bytes(
        _line(1)
        + _line(2, title="Bad\u0000 title\u0007", id="x\u0000y")
        + _line(3, text="The mayor of Eastport\u0000 opened\u001b the bridge, officials said.")
        + _line(4)
    )
    out = _ingest(store, src)
    assert not _failures(out), out
    with store.session() as s:
        rows = {r.url: r for r in s.scalars(select(ArticleRow))}
        assert len(rows) == 4
        two = rows["https://news.example/2"]
        assert two.title == "Bad title"
        three = repo.get_article(session=s, article_id=rows["https://news.example/3"].id)
        assert "\x00" not in three["text"] and "\x1b" not in three["text"]
        assert "Eastport opened the bridge" in three["text"]
        for r in rows.values():
            for value in (r.title, r.author, r.url, r.site):
                assert value is None or not any(ord(ch) < 32 for ch in value), value


def test_article_fields_are_cleaned_whatever_the_reader():
    art = Article(
        text="Text\x00 here.", source="x", raw_hash="h", title="T\x00i\ttle\n", author="A\x07"
    )
    assert art.title == "Ti tle" and art.author == "A" and art.text == "Text here."


STORY = "The council of Lakeside approved a new bridge on Monday, a spokesman for the council said."


def _published(store, tmp_path: Path, value: str) -> tuple[dict, list[dict]]:
    src = tmp_path / f"pub-{value}.jsonl"
    src.write_bytes(_line(1, text=STORY, published=value))
    out = _ingest(store, src, extract=True)
    assert not _failures(out), out
    with store.session() as s:
        art = repo.get_article(session=s, article_id=1)
        return art, repo.list_claims(session=s, article_id=1, order="pk")


def test_a_year_only_publication_date_stays_a_year(store, tmp_path, db_path):
    art, claims = _published(store, tmp_path, "2021")
    assert art["published"] == "2021"  # was 2021-01-01T00:00:00
    assert claims, "the story should yield a claim"
    for c in claims:  # "on Monday" of an unknown week in 2021 is not 2020-12-28
        t = c["time"] or {}
        assert not str(t.get("value") or "").startswith("2020-12"), t
        assert t.get("granularity") != "day" or "X" in str(t.get("value")), t
    with make_client(db_path) as client:
        assert client.get("/api/articles/1").json()["published"] == "2021"
        assert client.get("/articles/1").status_code == 200


def test_a_month_only_publication_date_stays_a_month(store, tmp_path):
    art, claims = _published(store, tmp_path, "2021-03")
    assert art["published"] == "2021-03"  # was 2021-03-01T00:00:00
    for c in claims:  # "Monday" is not the Monday before March 1st
        assert not str((c["time"] or {}).get("value") or "").startswith("2021-02"), c["time"]


def test_a_full_date_still_dates_a_weekday(store, tmp_path):
    art, claims = _published(store, tmp_path, "2021-03-10")
    assert art["published"].startswith("2021-03-10")
    assert any((c["time"] or {}).get("value") == "2021-03-08" for c in claims), claims
