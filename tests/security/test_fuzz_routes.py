"""Issue 12, "done when": no 5xx from a fuzz run of every route, including the corrections and
editor POSTs, on both backends. This is the small run (10 cases per route, a few hundred
requests); `python -m bench.fuzz_routes` is the long one (bench/RESULTS.md §11)."""

from __future__ import annotations

from bench.fuzz_routes import fuzz_backend

EXAMPLES = 10


def test_no_route_answers_5xx(db_path):
    tally = fuzz_backend("test", db_path, EXAMPLES, EXAMPLES)
    summary = tally.summary()
    assert summary["5xx"] == 0, summary["errors"]
    assert summary["routes"] >= 30 and not summary["not_covered"], summary
    assert summary["requests"] >= 200
    editor_posts = tally.by_route["POST /editor/reports/{report_id}/{action}"]
    assert sum(editor_posts.values()) >= EXAMPLES
    assert editor_posts["3xx"] + editor_posts["4xx"] > 0
