"""Bad input: each gets a clear error naming the source, and never sinks the other sources."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from claimgraph.errors import BinaryInput, EmptyInput, TooLarge
from claimgraph.ingest.sources import ReadOptions
from claimgraph.ingest.text import text_to_article
from claimgraph.pipeline import Failure, ingest_sources
from tests.conftest import FIXTURES

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
STORY = (
    "Heavy rain closed the mountain pass on Sunday\n\n"
    "Police said the road would stay shut until engineers had checked the bridge near the summit, "
    "and drivers were told to use the coastal route instead.\n"
)


def run(sources, store, **kw):
    return list(ingest_sources([str(s) for s in sources], store, **kw))


def test_empty_file(tmp_path, sqlite_store):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\n")
    results = run([tmp_path / "empty.txt", tmp_path / "blank.txt"], sqlite_store)
    assert all(isinstance(r, Failure) and "empty input" in r.reason for r in results)
    assert results[0].source.endswith("empty.txt") and results[0].code == EmptyInput.code


def test_png_and_zip(tmp_path, sqlite_store):
    tmp_path = tmp_path / "inbox"
    tmp_path.mkdir()
    (tmp_path / "photo.png").write_bytes(PNG)
    (tmp_path / "renamed.txt").write_bytes(PNG)  # extension lies; content decides
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("story.txt", STORY)
    (tmp_path / "archive.zip").write_bytes(buf.getvalue())
    (tmp_path / "ok.txt").write_text(STORY)
    results = run([tmp_path], sqlite_store)
    failed = {Path(r.source).name: r for r in results if isinstance(r, Failure)}
    assert set(failed) == {"photo.png", "renamed.txt", "archive.zip"}
    assert (
        "PNG image" in failed["photo.png"].reason and "ZIP archive" in failed["archive.zip"].reason
    )
    assert all(f.code == BinaryInput.code for f in failed.values())
    assert [r.status for r in results if not isinstance(r, Failure)] == ["new"]


def test_random_bytes_without_nul_are_binary(tmp_path, sqlite_store):
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(400))  # no NUL byte
    (tmp_path / "noise.txt").write_bytes(noise)
    (tmp_path / "latin.txt").write_bytes(STORY.replace("pass", "pass \xe9t\xe9").encode("cp1252"))
    results = run([tmp_path / "noise.txt", tmp_path / "latin.txt"], sqlite_store)
    assert isinstance(results[0], Failure) and results[0].code == BinaryInput.code
    assert "control bytes" in results[0].reason
    assert not isinstance(results[1], Failure)


def test_50mb_file_capped_and_configurable(tmp_path, sqlite_store):
    big = tmp_path / "huge.txt"
    line = b"The quick brown fox reported from the capital on Monday that nothing happened.\n"
    with big.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size >= 50 * 1024 * 1024
    (tmp_path / "ok.txt").write_text(STORY)
    results = run([big, tmp_path / "ok.txt"], sqlite_store)
    assert isinstance(results[0], Failure) and results[0].code == TooLarge.code
    assert "--max-bytes" in results[0].reason and "huge.txt" in results[0].source
    assert results[1].status == "new"
    # the cap is a setting: a smaller cap refuses the small file too
    small = run([tmp_path / "ok.txt"], sqlite_store, opts=ReadOptions(max_bytes=100))
    assert isinstance(small[0], Failure) and "100-byte cap" in small[0].reason


def test_latin1_text():
    raw = (
        "Strike at the Besançon café\n\nWorkers at the café in Besançon walked out on Monday "
        "over unpaid wages, the union said. The owner’s lawyer declined to comment."
    ).encode("cp1252")
    art = text_to_article(raw, source="latin1.txt")
    assert "Besançon café" in art.title and "owner’s lawyer" in art.text
    assert "\ufffd" not in art.text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text(encoding):
    art = text_to_article(STORY.encode(encoding), source="u16.txt")
    assert art.title == "Heavy rain closed the mountain pass on Sunday"
    assert art.text.startswith("Police said the road would stay shut")


def test_non_english_stored_and_flagged(sqlite_store):
    results = run([FIXTURES / "farmers_fr.txt"], sqlite_store)
    assert results[0].status == "new"
    from claimgraph.store import repo

    with sqlite_store.session() as s:
        art = repo.get_article(session=s, article_id=results[0].article_id)
    assert art["language"] == "fr" and art["extraction_supported"] is False
    assert "Des centaines d'agriculteurs ont bloqué dimanche" in art["text"]  # not mangled
    assert art["published"] == "2024-03-14T00:00:00"


def test_missing_path_and_bad_scheme(sqlite_store):
    results = run(
        ["/nonexistent/file.txt", "ftp://example.org/x", "/nonexistent/*.html"], sqlite_store
    )
    reasons = [r.reason for r in results]
    assert reasons == [
        "no such file, directory, glob match or URL",
        "unsupported URL scheme (only http and https are fetched)",
        "the pattern matched no files",
    ]


def test_bad_jsonl_lines_do_not_stop_good_ones(tmp_path, sqlite_store):
    body = "Officials said the bridge would reopen in spring after repairs to its foundations."
    lines = [
        json.dumps(
            {
                "url": "https://a.example/1",
                "title": "Bridge",
                "text": body,
                "published": "2024-02-01",
            }
        ),
        "{not json",
        '{"title": "no text"}',
        json.dumps({"text": body + " and more", "published": "not a date"}),
        "[1, 2]",
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n")
    results = run([tmp_path / "batch.jsonl"], sqlite_store)
    assert results[0].status == "new"
    failures = [r for r in results if isinstance(r, Failure)]
    assert [f.source.rsplit(":", 1)[1] for f in failures] == ["2", "3", "4", "5"]
    assert "invalid JSON" in failures[0].reason
    assert "'text'" in failures[1].reason
    assert "'published'" in failures[2].reason


def test_jsonl_text_with_unicode_line_separators(tmp_path, sqlite_store):
    body = (
        "Officials said the ferry\u2028resumed service\u0085on Monday after repairs to its engines."
    )
    (tmp_path / "u.jsonl").write_text(
        json.dumps({"text": body}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    [res] = run([tmp_path / "u.jsonl"], sqlite_store)
    assert res.status == "new"
