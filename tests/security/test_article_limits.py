"""Finding 3: one huge or pathological article cannot take the machine's memory or stall a
batch - over the size limit it is stored with a `skipped` reason, and overlong "sentences"
(tables, one-word lines) get no frame extraction instead of quadratic work."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from claimgraph.extraction import MAX_SENTENCE_TOKENS, extract_text
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo, repo_views
from claimgraph.store.models import ArticleRow
from tests.security.conftest import make_client

CITIES = ["Lakeside", "Millbrook", "Eastport", "Fairhaven", "Oakridge", "Riverton"]


def paragraph(i: int) -> str:
    """A realistic news paragraph, different each time (so no de-duplication folds them)."""
    city = CITIES[i % len(CITIES)]
    return (
        f"Officials in {city} said on Tuesday that the council had approved a ${i + 2} million "
        f"plan to repair {i % 7 + 2} bridges after inspectors found cracks. The mayor met "
        f"residents on Monday, and engineers will arrive in March 2024, a spokesman said."
    )


def big_text(chars: int) -> str:
    parts, n, i = [], 0, 0
    while n < chars:
        p = paragraph(i)
        parts.append(p)
        n, i = n + len(p) + 2, i + 1
    return "\n\n".join(parts)


def test_text_over_the_limit_is_skipped_with_a_reason_at_once():
    text = big_text(300_000)
    began = time.perf_counter()
    ex = extract_text(text, doc_id="huge", max_chars=200_000)
    assert time.perf_counter() - began < 5
    assert ex.skipped and "too long" in ex.skipped and "200,000" in ex.skipped
    assert ex.claims == [] and ex.text == text  # the article keeps its text, unextracted
    assert ex.to_dict()["skipped"] == ex.skipped


def test_limit_comes_from_settings(monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_MAX_EXTRACT_CHARS", "1000")
    ex = extract_text(big_text(5_000))
    assert ex.skipped and "1,000" in ex.skipped


def _span(claim: object) -> tuple[int, int]:
    ev = claim.to_dict()["evidence"]  # type: ignore[attr-defined]
    return ev["start"], ev["end"]


def test_overlong_sentence_gets_no_frames_and_the_rest_is_unchanged():
    """A list of one-word lines parses as one giant sentence; the story around it still
    yields the same claims at the right offsets, and the whole stays fast."""
    first = paragraph(1)
    last = (
        "Protesters marched through Riverton on Friday. Police arrested twelve people near "
        "the city hall, the governor said."
    )
    junk = "\n".join(["Officials", "said", "bridge", "Tuesday", "attacked"] * 400)
    assert len(junk.split()) > MAX_SENTENCE_TOKENS
    alone = [[_span(c) for c in extract_text(t).claims] for t in (first, last)]
    assert all(alone), "the test stories should yield claims"
    text = first + "\n\n" + junk + "\n\n" + last
    began = time.perf_counter()
    mixed = extract_text(text)
    assert time.perf_counter() - began < 60
    got = [_span(c) for c in mixed.claims]
    shift = len(first) + 2 + len(junk) + 2
    assert all(span in got for span in alone[0])  # the story before keeps its claims
    # after it, the parser folds the junk and the next sentence into one: only that one is lost
    assert any((s + shift, e + shift) in got for s, e in alone[1])
    for c in mixed.claims:
        ev = c.to_dict()["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_batch_with_one_huge_article_stores_the_others(tmp_path, db_path, store, monkeypatch):
    monkeypatch.setenv("CLAIMGRAPH_MAX_EXTRACT_CHARS", "20000")
    lines = [
        {"title": "Small one", "text": paragraph(3)},
        {"title": "Huge", "text": big_text(60_000)},
        {"title": "Small two", "text": paragraph(4) + " " + paragraph(5)},
    ]
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    results = list(ingest_sources([str(src)], store, extract=True))
    assert all(isinstance(r, repo.IngestOutcome) for r in results), results
    with store.session() as s:
        rows = {r.title: r for r in s.scalars(select(ArticleRow))}
        assert set(rows) == {"Small one", "Huge", "Small two"}
        ext = {
            t: repo_views.get_extraction(session=s, article_id=r.id, revision=r.current_revision)
            for t, r in rows.items()
        }
    assert "too long" in ext["Huge"]["skipped"]
    with make_client(db_path) as client:  # the reader says why the huge one has no claims
        page = client.get(f"/articles/{rows['Huge'].id}").text
    assert "Not extracted: text too long for extraction" in page
    assert not ext["Small one"].get("skipped") and ext["Small one"]["entities"]
    assert not ext["Small two"].get("skipped") and ext["Small two"]["entities"]


@pytest.mark.slow
def test_a_5_mb_page_stays_under_the_memory_bound(tmp_path):
    """The issue's case: multi-megabyte HTML in `claimgraph extract` (peak RSS < 1.5 GB)."""
    html = tmp_path / "big.html"
    body = "".join(f"<p>{paragraph(i)}</p>\n" for i in range(22_000))
    html.write_text(f"<html><head><title>Big</title></head><body><article>{body}</article>")
    assert html.stat().st_size > 5_000_000
    exe = Path(sys.executable).with_name("claimgraph")
    began = time.perf_counter()
    r = subprocess.run(
        [str(exe), "extract", str(html), "--json"], capture_output=True, text=True, timeout=300
    )
    took = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.splitlines()[0])
    assert out.get("skipped") or out["claims"]
    assert peak_mb < 1500, f"peak RSS {peak_mb:.0f} MB"
    assert took < 240, f"{took:.0f} s"
