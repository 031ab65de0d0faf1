"""Low findings on the HTTP surface: security headers (CSP without inline script, framing,
nosniff, referrer), no server banner, the Host header checked, Secure cookies behind --public,
`serve --host "[::1]"`, and `serve` stopping within seconds of SIGTERM even mid-request."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from claimgraph.cli import app as cli_app
from claimgraph.cli.serve import ExitWatchdog, bare_host, default_allowed_hosts
from claimgraph.config import Settings
from claimgraph.web.pages import SESSION_COOKIE
from claimgraph.web.security import CSP, host_of
from tests.security.conftest import SECRET, make_client, sign_in
from tests.security.servers import free_port, wait_up

PAGES = ["/", "/login", "/claims", "/api/health", "/api/claims", "/openapi.json", "/nope"]


@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_the_security_headers(client, path):
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"
    assert "server" not in r.headers


def test_csp_allows_no_inline_script_and_no_framing():
    rules = dict(part.split(" ", 1) for part in CSP.split("; "))
    assert rules["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval'
    assert rules["frame-ancestors"] == "'none'" and rules["object-src"] == "'none'"


def test_pages_have_no_inline_scripts(client):
    """What the CSP would block must not be needed: no <script> without src, no on* handlers."""
    import re

    for path in ["/", "/login", "/claims", "/map", "/timeline", "/graph"]:
        html = client.get(path).text
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag, (path, tag)
        assert not re.search(r"\son[a-z]+\s*=", html), path


def _hosted(db_path, hosts: str):
    return make_client(db_path, Settings(secret=SECRET, allowed_hosts=hosts))


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("127.0.0.1:8000", True),
        ("localhost", True),
        ("[::1]:8000", True),
        ("evil.example", False),
        ("evil.example:8000", False),
        ("127.0.0.1.evil.example", False),
        ("", False),
    ],
)
def test_host_header_is_checked_against_the_configured_names(db_path, host, ok):
    """DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1 gets nothing."""
    with _hosted(db_path, "localhost,127.0.0.1,::1") as client:
        r = client.get("/api/health", headers={"host": host})
    assert (r.status_code == 200) is ok, (host, r.status_code)
    if not ok:
        assert r.status_code == 400 and "Host" in r.json()["detail"]
        assert r.headers["x-frame-options"] == "DENY"


def test_host_helpers():
    assert host_of("[::1]:8000") == "::1" and host_of("Example.COM:80") == "example.com"
    assert host_of("::1") == "::1" and host_of("10.0.0.5") == "10.0.0.5"
    assert bare_host("[::1]") == "::1" and bare_host("127.0.0.1") == "127.0.0.1"
    assert default_allowed_hosts("127.0.0.1") == "localhost,127.0.0.1,::1"
    assert default_allowed_hosts("[::1]") == "localhost,127.0.0.1,::1"
    assert default_allowed_hosts("192.0.2.7") == "192.0.2.7"
    assert default_allowed_hosts("0.0.0.0") == ""


def test_session_cookie_is_secure_when_configured(db_path):
    with make_client(db_path, Settings(secret=SECRET, secure_cookies=True)) as client:
        client.base_url = "https://testserver"
        sign_in(client)
        cookie = client.cookies.jar
        [c] = [c for c in cookie if c.name == SESSION_COOKIE]
        assert c.secure
    with make_client(db_path) as plain:  # loopback default: not Secure (plain http works)
        sign_in(plain)
        [c] = [c for c in plain.cookies.jar if c.name == SESSION_COOKIE]
        assert not c.secure


@pytest.fixture
def uvicorn_calls(monkeypatch):
    import uvicorn

    calls: list[tuple[object, dict]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **k: calls.append((app, k)))
    return calls


def test_serve_public_sets_secure_cookies_no_banner_no_proxy_headers(db_path, uvicorn_calls):
    r = CliRunner().invoke(
        cli_app,
        ["serve", "--db", str(db_path), "--host", "0.0.0.0", "--public"],
        env={"CLAIMGRAPH_SECRET": SECRET},
    )
    assert r.exit_code == 0, r.output
    [(app, kw)] = uvicorn_calls
    assert kw["server_header"] is False and kw["proxy_headers"] is False
    assert kw["timeout_graceful_shutdown"] <= 10
    assert isinstance(app, ExitWatchdog)
    assert app.app.state.settings.secure_cookies is True
    assert "Secure" in r.output and "CLAIMGRAPH_ALLOWED_HOSTS" in r.output


def test_serve_ipv6_loopback_in_brackets_binds_the_bare_address(db_path, uvicorn_calls):
    r = CliRunner().invoke(cli_app, ["serve", "--db", str(db_path), "--host", "[::1]"])
    assert r.exit_code == 0, r.output
    [(app, kw)] = uvicorn_calls
    assert kw["host"] == "::1"  # uvicorn cannot bind "[::1]"
    assert "http://[::1]:8000/" in r.output
    assert app.app.state.settings.allowed_hosts == "localhost,127.0.0.1,::1"
    assert app.app.state.settings.secure_cookies is False


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback here")
def test_serve_ipv6_loopback_really_listens(db_path, tmp_path):
    port = free_port(socket.AF_INET6, "::1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "serve", "--db", str(db_path)]
        + ["--host", "[::1]", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_up(f"http://[::1]:{port}/api/health", proc)
        r = httpx.get(f"http://[::1]:{port}/api/health")
        assert r.status_code == 200 and "server" not in r.headers
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


SLOW_SERVE = """
import sys, time
import claimgraph.store.repo as repo
def slow(**kw):
    time.sleep(120)  # a page that takes minutes (the issue: 15,007 claims, > 120 s)
    return 0
repo.count_articles = slow
from claimgraph.cli import app
app(sys.argv[1:])
"""


def test_sigterm_stops_serve_within_seconds_even_mid_request(db_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_SERVE, "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_up(f"http://127.0.0.1:{port}/login", proc)
        import threading

        def slow_request() -> None:
            with contextlib.suppress(httpx.HTTPError):  # the server goes away mid-request
                httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=200)

        threading.Thread(target=slow_request, daemon=True).start()
        time.sleep(1.5)  # the handler is now sleeping in a worker thread
        start = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        took = time.monotonic() - start
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
    assert took < 20, f"SIGTERM took {took:.1f} s"


def test_sigterm_on_an_idle_server_exits_cleanly(db_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_up(f"http://127.0.0.1:{port}/api/health", proc)
    start = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert time.monotonic() - start < 5
    assert "Finished server process" in proc.stderr.read()


def test_no_server_banner_from_a_real_server(db_path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_up(f"http://127.0.0.1:{port}/api/health", proc)
        r = httpx.get(f"http://127.0.0.1:{port}/api/health")
        assert "server" not in r.headers and r.headers["x-content-type-options"] == "nosniff"
        evil = httpx.get(f"http://127.0.0.1:{port}/api/health", headers={"host": "evil.example"})
        assert evil.status_code == 400
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


def test_serve_on_a_specific_address_says_which_hosts_it_answers(db_path, uvicorn_calls):
    r = CliRunner().invoke(
        cli_app,
        ["serve", "--db", str(db_path), "--host", "192.0.2.7", "--public"],
        env={"CLAIMGRAPH_SECRET": SECRET, "CLAIMGRAPH_ALLOWED_HOSTS": ""},
    )
    assert r.exit_code == 0, r.output
    [(app, _kw)] = uvicorn_calls
    assert app.app.state.settings.allowed_hosts == "192.0.2.7"
    assert "answering requests for Host 192.0.2.7 only" in r.output
