"""WARC input: response/resource records read like HTML files, the rest skipped and counted."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.cli import app
from claimgraph.errors import IngestError, TooLarge
from claimgraph.ingest.article import Article
from claimgraph.ingest.sources import ReadOptions, expand
from claimgraph.ingest.warc import CorruptWarc, SkippedRecords, read_warc, record_ranges

DATED = b"""<!doctype html><html><head><title>%(t)s</title>
<meta property="article:published_time" content="2024-03-04T10:00:00+00:00"></head>
<body><article><h1>%(t)s</h1><p>%(b)s</p></article></body></html>"""
UNDATED = b"""<!doctype html><html><head><title>%(t)s</title></head>
<body><article><h1>%(t)s</h1><p>%(b)s</p></article></body></html>"""

PAGES = [
    (
        "https://news.example/world/germany-air-defence",
        b"Germany sends air defence to Ukraine",
        b"Germany delivered two IRIS-T air defence systems to Ukraine last week, the German "
        b"defence ministry said on Monday. Officials in Kyiv said the systems would protect Odesa.",
        DATED,
    ),
    (
        "https://news.example/world/kharkiv-drones",
        b"Russia launches drones at Kharkiv",
        b"Russia launched dozens of Shahed drones at Kharkiv overnight, the Ukrainian air force "
        b"reported. The mayor of Kharkiv said that three people were injured in the attack.",
        UNDATED,
    ),
    (
        "https://news.example/world/poland-tanks",
        b"Poland buys tanks from South Korea",
        b"Poland signed a contract to buy 180 K2 tanks from South Korea, the Polish defence "
        b"minister announced in Warsaw on Friday. Deliveries are due to start next year.",
        DATED,
    ),
]
CAPTURED = "2024-05-01T12:00:00Z"


def _response(w: WARCWriter, url: str, payload: bytes, status: str, ctype: str) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    w.write_record(
        w.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": CAPTURED},
        )
    )


def write_warc(path: Path, *, gzip: bool = True, pages: list | None = None) -> Path:
    """A small crawl: HTML pages, an image, a 404, a request record and a text resource."""
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gzip)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "tests"}))
        for n, (url, title, body, tpl) in enumerate(pages or PAGES):
            req = w.create_warc_record(
                url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            w.write_record(req)
            _response(w, url, tpl % {b"t": title, b"b": body}, "200 OK", "text/html; charset=utf-8")
            if n == 0:
                _response(w, url + ".png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "200 OK", "image/png")
                _response(w, url + "/gone", b"<html>Not found</html>", "404 Not Found", "text/html")
        note = (
            b"Belarus hosted several thousand Russian troops near the Polish border, the "
            b"Institute for the Study of War reported. Minsk said the exercises were planned."
        )
        w.write_record(
            w.create_warc_record(
                "urn:example:note",
                "resource",
                payload=io.BytesIO(note),
                warc_content_type="text/plain; charset=utf-8",
                warc_headers_dict={"WARC-Date": CAPTURED},
            )
        )
    return path


def _read(path: Path, **opts: int) -> list[Article | IngestError]:
    (item,) = list(expand([str(path)], ReadOptions(**opts)))
    return list(item.read())


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_reads_html_and_text_records_skips_the_rest(tmp_path: Path, name: str, gz: bool) -> None:
    out = _read(write_warc(tmp_path / name, gzip=gz))
    arts = [a for a in out if isinstance(a, Article)]
    assert [a.url for a in arts] == [p[0] for p in PAGES] + [None]
    # the target URI, like a fetched page
    assert [a.source for a in arts] == [p[0] for p in PAGES] + ["urn:example:note"]
    assert arts[0].title == "Germany sends air defence to Ukraine"
    assert "IRIS-T air defence systems" in arts[0].text
    assert "Belarus hosted" in arts[3].text  # a text/plain resource record
    # every record names the file and its byte offset
    assert all(a.extra["warc"].startswith(f"{tmp_path / name}@") for a in arts)
    (skip,) = [e for e in out if isinstance(e, IngestError)]
    assert isinstance(skip, SkippedRecords) and skip.code == "E106"
    assert "skipped 2 WARC record(s)" in skip.reason
    assert "1 HTTP 404" in skip.reason and "1 not HTML/text (image/png)" in skip.reason


def test_page_date_wins_warc_date_is_the_fallback(tmp_path: Path) -> None:
    arts = [a for a in _read(write_warc(tmp_path / "c.warc.gz")) if isinstance(a, Article)]
    assert arts[0].published == datetime(2024, 3, 4, 10, 0, tzinfo=UTC)  # the page's own date
    assert arts[1].published is not None
    assert arts[1].published.date().isoformat() == "2024-05-01"  # no date on the page: capture
    assert arts[1].extra["warc_date"] == CAPTURED


def test_truncated_warc_keeps_earlier_records_and_names_the_offset(tmp_path: Path) -> None:
    for gz in (True, False):
        full = write_warc(tmp_path / ("t.warc.gz" if gz else "t.warc"), gzip=gz)
        raw = full.read_bytes()
        cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
        cut.write_bytes(raw[: len(raw) - 150])
        out = _read(cut)
        arts = [a for a in out if isinstance(a, Article)]
        assert [a.url for a in arts] == [p[0] for p in PAGES]  # all but the cut last record
        (bad,) = [e for e in out if isinstance(e, CorruptWarc)]
        offset = int(bad.source.rsplit("@", 1)[1])
        assert bad.source == f"{cut.resolve()}@{offset}" and f"byte offset {offset}" in bad.reason
        assert 0 < offset < len(raw) - 150
        assert int(arts[-1].extra["warc"].rsplit("@", 1)[1]) < offset


def test_garbage_after_the_magic_is_an_error_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "junk.warc"
    bad.write_bytes(b"WARC/1.0\r\nthis is not a header\r\n\r\n" + b"\xff" * 100)
    out = _read(bad)
    assert out and all(isinstance(e, IngestError) for e in out)
    assert isinstance(out[0], CorruptWarc) and out[0].source.endswith("junk.warc@0")


def test_byte_cap_applies_per_record_not_per_file(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "c.warc.gz")
    out = _read(path, max_bytes=100)  # the file is far larger than 100 bytes
    assert all(isinstance(e, IngestError) for e in out)
    assert sum(isinstance(e, TooLarge) for e in out) == 4  # one per readable record


def test_record_ranges_cover_the_file_and_read_the_same_records(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "c.warc.gz")
    ranges = list(record_ranges(path, 3))
    assert ranges[0][0] == 0 and ranges[-1][1] == path.stat().st_size and len(ranges) > 2
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    whole = [a.url for a in read_warc(path, label="x", max_bytes=10**6) if isinstance(a, Article)]
    parts = [
        a.url
        for s, e, _ in ranges
        for a in read_warc(path, label="x", max_bytes=10**6, start=s, end=e)
        if isinstance(a, Article)
    ]
    assert parts == whole


def test_cli_ingest_warc(tmp_path: Path) -> None:
    path = write_warc(tmp_path / "c.warc.gz")
    db = str(tmp_path / "cli.db")
    args = ["ingest", str(path), "--db", db, "--no-extract", "--json"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output  # skipped records are a notice, not a failure
    rows = json.loads(res.stdout)
    assert [r["status"] for r in rows] == ["new"] * 4 + ["skipped"]
    again = json.loads(CliRunner().invoke(app, args).stdout)
    assert [r["status"] for r in again] == ["seen"] * 4 + ["skipped"]
