"""HTML reader: trafilatura main text and metadata, htmldate date, charset handling."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from claimgraph.errors import IngestError
from claimgraph.ingest.html import html_to_article, looks_like_html
from tests.conftest import FIXTURES


@pytest.fixture
def page() -> bytes:
    return (FIXTURES / "grain_corridor.html").read_bytes()


def test_metadata(page):
    art = html_to_article(page, source="grain.html")
    assert art.title == "Port of Odesa reopens grain corridor"
    assert art.url == "https://harbour-daily.example/world/2023/07/odesa-grain-corridor"
    assert art.site == "harbour-daily.example"
    assert art.author == "Maria Kovalenko"
    assert art.published == datetime(2023, 7, 14, 9, 5, tzinfo=timezone(timedelta(hours=3)))
    assert art.language == "en"


def test_main_text_without_scripts_nav_or_footer(page):
    art = html_to_article(page, source="grain.html")
    assert art.text.startswith("The port administration in Odesa said on Friday")
    assert "“We are cautiously optimistic,”" in art.text  # wrong charset declaration survived
    assert "premiums for the route had fallen by about 15 percent" in art.text
    for junk in (
        "alert(",
        "tracker",
        "Injected",
        "Home | World",
        "Ctrl+Enter",
        "All rights reserved",
        "Follow us",
        "<b>",
        "<p>",
    ):
        assert junk not in art.text


def test_broken_tags_keep_words(page):
    art = html_to_article(page, source="grain.html")
    assert "The operator expects twelve more departures next week, weather permitting." in art.text


def test_real_latin1_page():
    html = (
        "<html><head><meta charset='iso-8859-1'><title>Fête à Besançon</title></head><body>"
        "<article><p>La fête de la ville a réuni des milliers de personnes à Besançon samedi, "
        "selon la mairie, malgré la pluie et le froid qui ont duré toute la journée.</p>"
        "</article></body></html>"
    ).encode("latin-1")
    art = html_to_article(html, source="fete.html")
    assert "Besançon" in art.text and "fête" in art.text
    assert art.language == "fr" and not art.supported


def test_page_without_story_text():
    with pytest.raises(IngestError, match="no article text"):
        html_to_article(b"<html><body><script>var a=1;</script></body></html>", source="empty.html")


def test_sniffing():
    assert looks_like_html(b"\n<!DOCTYPE html><html>")
    assert looks_like_html(b"<!-- saved page --><html>")
    assert not looks_like_html(b"13:30 02 Aug 2023\n\nA <b>story</b>")


def test_saved_page_mhtml(tmp_path, sqlite_store, page):
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    from claimgraph.pipeline import ingest_sources

    msg = MIMEMultipart("related")
    msg["Snapshot-Content-Location"] = "https://harbour-daily.example/saved"
    part = MIMEText(page.decode("utf-8"), "html", "utf-8")
    part["Content-Location"] = "https://harbour-daily.example/saved"
    msg.attach(part)
    saved = tmp_path / "saved.mhtml"
    saved.write_bytes(msg.as_bytes())
    [outcome] = list(ingest_sources([str(saved)], sqlite_store))
    assert outcome.status == "new"
    from claimgraph.store import repo

    with sqlite_store.session() as s:
        art = repo.get_article(session=s, article_id=outcome.article_id)
    assert art["title"] == "Port of Odesa reopens grain corridor"
    assert art["text"].startswith("The port administration in Odesa")
