"""Issue 12's load check: while report floods and password guessing hit their limits (429), the
read API keeps answering - no 5xx anywhere, GET p95 bounded. A real uvicorn server, threads as
clients."""

from __future__ import annotations

import json
import re
import statistics
import threading
import time
from pathlib import Path

import httpx
import pytest

from claimgraph.pipeline import ingest_sources
from claimgraph.store.db import open_store
from claimgraph.web import auth
from tests.test_web_pages.test_browser import running_app

pytestmark = pytest.mark.slow
TEXT = "The river council in Lakeside voted 5 to 2 on Monday to rebuild the ferry pier."


@pytest.fixture
def server(tmp_path: Path):
    db = tmp_path / "load.db"
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"url": "https://news.example/a", "title": "T", "text": TEXT}))
    store = open_store(str(db))
    try:
        list(ingest_sources([str(src)], store))
        with store.session() as s:
            auth.add_user(session=s, name="eddie", password="correct-horse-42", role="editor")
    finally:
        store.close()
    with running_app(str(db)) as url:
        yield url


def test_reads_stay_fast_while_the_limits_fire(server):
    start = TEXT.index("Lakeside")
    report = {"article_id": 1, "revision": 1, "start": start, "end": start + 8}
    codes: list[int] = []
    read_times: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + 8

    def flood_reports(i: int) -> None:
        with httpx.Client(base_url=server, timeout=30) as c:
            while time.monotonic() < stop:
                r = c.post(
                    "/api/corrections",
                    json=report,
                    headers={"Origin": server, "User-Agent": f"bot-{i}-{time.monotonic()}"},
                )
                with lock:
                    codes.append(r.status_code)

    def guess_passwords(i: int) -> None:
        with httpx.Client(base_url=server, timeout=30) as c:
            n = 0
            while time.monotonic() < stop:
                token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text)
                r = c.post(
                    "/login",
                    data={"csrf_token": token.group(1), "name": "eddie", "password": f"g{i}-{n}"},
                )
                n += 1
                with lock:
                    codes.append(r.status_code)

    def read() -> None:
        with httpx.Client(base_url=server, timeout=30) as c:
            while time.monotonic() < stop:
                for path in ("/api/health", "/api/claims", "/api/articles"):
                    t = time.perf_counter()
                    r = c.get(path)
                    with lock:
                        read_times.append(time.perf_counter() - t)
                        codes.append(r.status_code)

    threads = [threading.Thread(target=flood_reports, args=(i,)) for i in range(3)]
    threads += [threading.Thread(target=guess_passwords, args=(i,)) for i in range(2)]
    threads += [threading.Thread(target=read) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    p95 = statistics.quantiles(read_times, n=20)[-1]
    fives = [c for c in codes if c >= 500]
    print(
        f"load: {len(codes)} requests, {codes.count(429)} x 429, {len(fives)} x 5xx, "
        f"GET p95 {p95 * 1000:.0f} ms over {len(read_times)} reads"
    )
    assert fives == []
    assert codes.count(429) > 0  # the limits did fire
    assert p95 < 2.0
