"""Extraction on awkward input finishes with a result or a clear message, never a crash."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.extraction import chunks, extract_article, extract_text
from claimgraph.ingest.text import text_to_article

DCT = datetime(2024, 3, 15)


def test_one_word():
    ex = extract_text("Ceasefire.", published=DCT)
    assert ex.claims == [] and ex.text == "Ceasefire."


def test_numbers_tables_and_urls():
    text = (
        "1,204 | 33.5 | 7\n\n2019 2020 2021 2022\n\n"
        "https://example.org/a/b?c=1 www.example.com/path 10.0.0.1\n\n| col | col |\n|---|---|\n| 1 | 2 |"
    )
    ex = extract_text(text, published=DCT)
    assert ex.claims == []
    assert all(text[t.start : t.end] == t.text for t in ex.times)


def test_forty_coordinated_places():
    countries = [
        "Austria",
        "Belgium",
        "Bulgaria",
        "Croatia",
        "Cyprus",
        "Denmark",
        "Estonia",
        "Finland",
        "France",
        "Germany",
        "Greece",
        "Hungary",
        "Ireland",
        "Italy",
        "Latvia",
        "Lithuania",
        "Luxembourg",
        "Malta",
        "Netherlands",
        "Poland",
        "Portugal",
        "Romania",
        "Slovakia",
        "Slovenia",
        "Spain",
        "Sweden",
        "Norway",
        "Iceland",
        "Switzerland",
        "Albania",
        "Serbia",
        "Montenegro",
        "Moldova",
        "Georgia",
        "Armenia",
        "Turkey",
        "Ukraine",
        "Canada",
        "Mexico",
        "Brazil",
    ]
    text = (
        "Japan will open embassies in " + ", ".join(countries[:-1]) + " and " + countries[-1] + "."
    )
    ex = extract_text(text, published=DCT)
    assert 1 <= len(ex.claims) <= 24  # fan-out is capped, not exploded
    assert len(ex.places) >= 35


def test_non_english_is_skipped_with_reason():
    raw = (
        "Les agriculteurs bloquent les routes\n\nDes centaines d'agriculteurs ont bloqué dimanche "
        "plusieurs axes routiers autour de Lyon."
    ).encode()
    ex = extract_article(text_to_article(raw, source="fr.txt"))
    assert ex.claims == [] and "not supported" in ex.skipped and ex.language == "fr"


def test_chunks_keep_offsets():
    text = ("Para one is here. " * 50 + "\n\n") * 40
    pieces = chunks(text, size=2000)
    assert "".join(p for _, p in pieces) == text
    assert all(text[off : off + len(p)] == p for off, p in pieces)
    assert all(len(p) <= 2000 for _, p in pieces)


@pytest.mark.slow
def test_200000_word_article(tmp_path):
    para = (
        "Officials said on Monday that Spain delivered medical supplies to Morocco, and the ministry "
        "reported that trade rose by about 4 percent in May. "
    )
    text = "\n\n".join([para * 5] * (200_000 // (len(para.split()) * 5) + 1))
    assert len(text.split()) >= 200_000
    # past CLAIMGRAPH_MAX_EXTRACT_CHARS on purpose: this tests the chunked path itself
    ex = extract_text(text, published=DCT, max_chars=len(text))
    # the same statement repeated 1000+ times is one claim per statement, every span kept
    spans = [s for c in ex.claims for s in [c.evidence, *c.evidence.get("also", [])]]
    assert len(ex.claims) < 10
    assert len(spans) > 1000
    assert all(text[s["start"] : s["end"]] == s["text"] for s in spans[-5:])


def test_extract_cli_jsonl(tmp_path, seed_path):
    lines = [
        {
            "id": "a1",
            "text": "Turkey delivered armed drones to Ethiopia in 2021, according to Reuters.",
            "published": "2024-03-15",
        },
        {"id": "a2", "text": ""},
        {"id": "a3", "text": "Peru bought two frigates from Spain.", "published": "2024-01-02"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines))
    res = CliRunner().invoke(app, ["extract", str(src), str(seed_path), "--json"])
    assert res.exit_code == 1  # line 2 has no text: reported, the others still come out
    docs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [d["id"] for d in docs[:2]] == ["a1", "a3"]
    for d in docs:
        assert set(d) >= {
            "id",
            "title",
            "published",
            "text",
            "entities",
            "places",
            "times",
            "claims",
        }
        for c in d["claims"]:
            assert set(c) >= {
                "id",
                "event",
                "polarity",
                "modality",
                "agent",
                "recipient",
                "supplier",
                "assisted_by",
                "object",
                "in_exchange_for",
                "location",
                "time",
                "quantity",
                "source",
                "evidence",
            }
            assert d["text"][c["evidence"]["start"] : c["evidence"]["end"]] == c["evidence"]["text"]
    assert docs[2]["title"] == "ISW: Iran is building drone factories in Belarus and Russia"
    assert len(docs[2]["claims"]) >= 13
