"""Finding 7 and the low input findings on reader reports: selections after an emoji (the
browser counts UTF-16 units, the server code points), deeply nested JSON (was a 500), NUL and
control characters (a 500 on PostgreSQL), `"article_id": true` read as 1, whitespace-only
spans stored. Each is now a 422 naming the field, or - for the emoji - an accepted report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.corrections.desk import code_point_span, utf16_index
from claimgraph.pipeline import ingest_sources
from claimgraph.store import repo
from claimgraph.store import repo_corrections as reports
from claimgraph.web.security import MAX_JSON_DEPTH, control_character, json_depth

ORIGIN = {"Origin": "http://testserver"}
TEXT = "Fans 🎉🎉 cheered in Ruse 🙂 as the mayor of Yelabuz opened the bridge."


@pytest.fixture
def article(store, tmp_path: Path) -> str:
    src = tmp_path / "emoji.jsonl"
    src.write_text(json.dumps({"url": "https://news.example/e", "title": "E", "text": TEXT}) + "\n")
    list(ingest_sources([str(src)], store))
    with store.session() as s:
        return repo.get_article(session=s, article_id=1)["text"]


def _post(client, body: dict | str, **headers):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post(
        "/api/corrections",
        content=data.encode(),
        headers={**ORIGIN, "Content-Type": "application/json", **headers},
    )


def _utf16(text: str, i: int) -> int:
    return len(text[:i].encode("utf-16-le")) // 2


def _open(store) -> list[dict]:
    with store.session() as s:
        return reports.list_reports(session=s, status="open")


def test_selection_after_an_emoji_in_utf16_offsets_is_accepted(client, store, article):
    start = article.index("Yelabuz")
    s16, e16 = _utf16(article, start), _utf16(article, start + 7)
    assert (s16, e16) != (start, start + 7)  # three emoji before it: the two counts differ
    body = {"article_id": 1, "revision": 1, "start": s16, "end": e16, "exact": "Yelabuz"}
    r = _post(client, body)
    assert r.status_code == 202, r.text
    [rep] = _open(store)
    assert rep["exact"] == "Yelabuz"
    assert rep["target"]["selector"][1]["start"] == start  # stored in code points


def test_code_point_offsets_still_work(client, store, article):
    start = article.index("Ruse")
    body = {"article_id": 1, "revision": 1, "start": start, "end": start + 4, "exact": "Ruse"}
    assert _post(client, body).status_code == 202
    assert _open(store)[0]["exact"] == "Ruse"


def test_offsets_matching_neither_reading_are_refused(client, store, article):
    start = article.index("Ruse")
    body = {"article_id": 1, "revision": 1, "start": start, "end": start + 4, "exact": "Sofia"}
    r = _post(client, body)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "exact"]


def test_utf16_helpers():
    text = "a🎉b"
    assert [utf16_index(text, u) for u in range(5)] == [0, 1, None, 2, 3]
    assert code_point_span(text, 3, 4, "b") == (2, 3)
    assert code_point_span(text, 2, 3, "b") == (2, 3)


@pytest.mark.parametrize("widget", [False, True])
def test_deeply_nested_json_is_a_422_not_a_500(client, store, widget):
    endpoint = "/api/corrections"
    if widget:
        from claimgraph.corrections import sites

        with store.session() as s:
            key = sites.add_site(session=s, name="Partner", origins=["http://testserver"]).key
        endpoint = f"/api/corrections/widget?site={key}"
    for depth in (MAX_JSON_DEPTH + 1, 5_000, 16_000 // 2 - 10):
        body = "[" * depth + "]" * depth
        r = client.post(
            endpoint,
            content=body.encode(),
            headers={**ORIGIN, "Content-Type": "application/json"},
        )
        assert r.status_code == 422, (depth, r.status_code)
        assert r.json()["detail"][0]["loc"] == ["body", "body"]
        assert "nested deeper" in r.json()["detail"][0]["msg"]


def test_json_depth_ignores_brackets_in_strings():
    assert json_depth(b'{"a": "[[[[[[[[[[[[[[[[[[[[[["}') == 1
    assert json_depth(b'{"a": "\\"[[[[[[[[[[[[[[[[[[[["}') == 1
    assert json_depth(b"[[[]]]") == 3


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("comment", "bad\x00byte"),
        ("suggestion", "Yela\x00buga"),
        ("comment", "bell\x07"),
        ("exact", "Ruse\x00"),
    ],
)
def test_control_characters_are_a_422_naming_the_field(client, store, article, field, value):
    start = article.index("Ruse")
    body = {"article_id": 1, "revision": 1, "start": start, "end": start + 4, field: value}
    r = _post(client, body)
    assert r.status_code == 422, r.text
    detail = r.json()["detail"][0]
    assert detail["loc"] == ["body", field] and "control character" in detail["msg"]
    assert _open(store) == []


def test_tabs_and_line_breaks_are_fine():
    assert control_character("line one\nline two\ttab\r\n") is None
    assert control_character("nul\x00") == "U+0000" and control_character("\x85") == "U+0085"


@pytest.mark.parametrize(
    ("field", "value"),
    [("article_id", True), ("article_id", "1"), ("start", 1.0), ("revision", [1]), ("end", None)],
)
def test_ids_and_offsets_must_be_integers(client, store, article, field, value):
    start = article.index("Ruse")
    body = {"article_id": 1, "revision": 1, "start": start, "end": start + 4, field: value}
    r = _post(client, body)
    assert r.status_code == 422, (field, value, r.text)
    assert r.json()["detail"][0]["loc"] == ["body", field]
    assert _open(store) == []


def test_a_whitespace_only_span_is_refused(client, store, article):
    gap = article.index("  ") if "  " in article else article.index(" ")
    body = {"article_id": 1, "revision": 1, "start": gap, "end": gap + 1}
    r = _post(client, body)
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["body", "start"]
    assert "white space" in r.json()["detail"][0]["msg"]
    assert _open(store) == []


def test_thousands_of_keys_are_one_short_422(client):
    body = "{" + ",".join(f'"k{i}":1' for i in range(1_500)) + "}"  # 13 KB: under the 16 KB cap
    r = _post(client, body)
    assert r.status_code == 422 and len(r.content) < 500
    assert (
        r.json()["detail"][0]["loc"] == ["body", "body"] and "keys" in r.json()["detail"][0]["msg"]
    )
