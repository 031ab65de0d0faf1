"""Finding 11 (a client that leaves): a handler went on for minutes after the browser closed
the connection. Now the request's store session stops at its next query once the server
reports the disconnect (web/disconnect.py): a real server, an endless export, a client that
gives up after a second - the export stops within a page or two, and SIGTERM still ends the
server at once."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from claimgraph.web.disconnect import ClientGone, stop_when_gone
from tests.security.conftest import make_client
from tests.security.servers import free_port, wait_up

# An export that never ends: one store query and one "page" every 0.2 s, counted in a file.
ENDLESS_EXPORT = """
import os, sys, time
from sqlalchemy import text
import claimgraph.export as export

def endless(session, filters, page=1000, *, located=False):
    while True:
        session.execute(text("SELECT 1"))
        with open(os.environ["CG_PAGES"], "a") as fh:
            fh.write("page\\n")
        time.sleep(0.2)
        yield []

export.claim_pages = endless
from claimgraph.cli import app
app(sys.argv[1:])
"""


def _pages(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


@pytest.mark.slow
def test_an_export_stops_when_its_client_goes_away(db_path, tmp_path):
    counter = tmp_path / "pages.txt"
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", ENDLESS_EXPORT, "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CG_PAGES": str(counter)},
    )
    try:
        wait_up(f"http://127.0.0.1:{port}/api/health", proc)
        with contextlib.suppress(httpx.HTTPError):  # the client gives up after 1.5 s
            httpx.get(f"http://127.0.0.1:{port}/api/export/csv", timeout=1.5)
        assert _pages(counter) >= 3, "the export should have been running"
        time.sleep(1.0)  # the next page notices
        stopped_at = _pages(counter)
        time.sleep(2.0)
        assert _pages(counter) == stopped_at, "the export went on for nobody"
        health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5)
        assert health.status_code == 200  # the worker thread is free again
        began = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        assert time.monotonic() - began < 5
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    err = proc.stderr.read() if proc.stderr else ""
    assert "Traceback" not in err and "stopped: GET /api/export/csv" in err


@pytest.mark.slow
def test_sigterm_mid_export_exits_within_seconds(db_path, tmp_path):
    """The client stays connected; SIGTERM still ends the server within the 5 s graceful
    period plus a moment, and the export's thread stops at its next page."""
    import threading

    counter = tmp_path / "pages.txt"
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", ENDLESS_EXPORT, "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CG_PAGES": str(counter)},
    )
    try:
        wait_up(f"http://127.0.0.1:{port}/api/health", proc)

        def stay() -> None:
            with contextlib.suppress(httpx.HTTPError):
                httpx.get(f"http://127.0.0.1:{port}/api/export/csv", timeout=120)

        threading.Thread(target=stay, daemon=True).start()
        time.sleep(1.5)
        assert _pages(counter) >= 3
        began = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        took = time.monotonic() - began
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    assert took < 7, f"SIGTERM took {took:.1f} s"
    err = proc.stderr.read() if proc.stderr else ""
    assert "Finished server process" in err and "Traceback" not in err, err[-2000:]


def test_a_session_refuses_queries_once_the_client_is_gone(db_path):
    import threading

    from starlette.requests import Request

    gone = threading.Event()
    request = Request(
        {
            "type": "http",
            "method": "GET",
            "path": "/x",
            "headers": [],
            "query_string": b"",
            "state": {"client_gone": gone},
        }
    )
    from claimgraph.store.db import open_store

    store = open_store(db_path)
    try:
        with store.session() as s:
            stop_when_gone(request, s)
            assert s.execute(text("SELECT 1")).scalar() == 1
            gone.set()
            with pytest.raises(ClientGone, match="GET /x: the client closed the connection"):
                s.execute(text("SELECT 1"))
    finally:
        store.close()


def test_ordinary_requests_and_bodies_pass_through(db_path):
    """The watcher reads ahead only after the body: POST bodies, their caps and answers are
    unchanged, and a client that stays gets its whole answer."""
    with make_client(db_path) as client:
        assert client.get("/api/health").status_code == 200
        big = client.post(
            "/api/corrections",
            content=b"x" * 40_000,
            headers={"Origin": "http://testserver", "Content-Type": "application/json"},
        )
        assert big.status_code == 413
        r = client.get("/api/export/csv")
        assert r.status_code == 200 and r.text.startswith("claim_id,")
