"""Fetching: SSRF guard, redirects, size/time caps, content types, page/feed dispatch.

No network: httpx.MockTransport plus a fake resolver, except one local http.server on 127.0.0.1
that proves the default refuses loopback and ``allow_private`` lets it through.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from claimgraph.errors import BlockedAddress, FetchError, IngestError, TooLarge
from claimgraph.ingest.url import (
    Fetched,
    blocked_reason,
    check_host,
    fetch,
    is_feed,
    parse_ip_host,
    read_url,
    validate_url,
)
from tests.test_ingest.fakes import install_fake_readers

PUBLIC = "93.184.216.34"
HTML = b"<html><head><title>Hello</title></head><body><p>Story text.</p></body></html>"
MiB = 1024 * 1024


def fake_resolver(host: str) -> list[str]:
    """Every *.example host is public; anything else would need real DNS, which tests forbid."""
    if host.endswith(".example"):
        return [PUBLIC]
    raise socket.gaierror(f"no DNS in tests: {host}")


def no_dns(host: str) -> list[str]:
    raise AssertionError(f"the resolver must not be asked about {host}")


def get(url: str, handler: Callable[[httpx.Request], httpx.Response], **kw) -> Fetched:
    return fetch(url, transport=httpx.MockTransport(handler), resolver=fake_resolver, **kw)


def html_response(body: bytes = HTML, **headers: str) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/html", **headers}, content=body)


def never_called(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"no request may be sent, got {request.url}")


class CountingStream(httpx.SyncByteStream):
    """A body that would be 2 GB in 64 KiB chunks; counts what was actually pulled."""

    def __init__(self, total: int = 2 * 1024 * MiB, chunk: int = 64 * 1024) -> None:
        self.total, self.chunk, self.consumed = total, chunk, 0

    def __iter__(self) -> Iterator[bytes]:
        block = b"a" * self.chunk
        while self.consumed < self.total:
            self.consumed += self.chunk
            yield block


@pytest.fixture(autouse=True)
def fake_readers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[dict]]:
    """Stand-ins for the HTML/text readers so these tests check only fetching and dispatch."""
    return install_fake_readers(monkeypatch)


# --- happy path ---------------------------------------------------------------------------


def test_fetch_html_ok() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return html_response(**{"content-type": "text/html; charset=ISO-8859-1"})

    got = get("https://news.example/story", handler)
    assert got == Fetched("https://news.example/story", 200, "text/html", "ISO-8859-1", HTML)
    assert seen[0].headers["user-agent"].startswith("claimgraph/")
    assert "text/html" in seen[0].headers["accept"]


def test_redirects_are_followed_and_final_url_kept() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "https://www.news.example/mid"})
        if request.url.path == "/mid":
            return httpx.Response(302, headers={"location": "/new"})  # relative
        return html_response()

    got = get("https://news.example/old", handler)
    assert got.url == "https://www.news.example/new"
    assert got.body == HTML


# --- HTTP failures ------------------------------------------------------------------------


def test_http_404_names_status_and_url() -> None:
    with pytest.raises(FetchError) as err:
        get("https://news.example/gone", lambda r: httpx.Response(404, text="nope"))
    assert "HTTP 404 Not Found" in str(err.value)
    assert err.value.source == "https://news.example/gone"
    assert "https://news.example/gone" in str(err.value)


@pytest.mark.parametrize("exc", [httpx.ReadTimeout, httpx.ConnectTimeout])
def test_timeout(exc: type[httpx.TimeoutException]) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc("slow", request=request)

    with pytest.raises(FetchError) as err:
        get("https://slow.example/", handler, timeout=3)
    assert "timed out after 3s" in str(err.value)
    assert "https://slow.example/" in str(err.value)


def test_connect_error_is_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with pytest.raises(FetchError, match="connection refused") as err:
        get("https://down.example/", handler)
    assert err.value.source == "https://down.example/"


def test_wrong_content_type() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "image/png"}, content=b"\x89PNG")

    with pytest.raises(FetchError, match="image/png") as err:
        get("https://news.example/pic", handler)
    assert "https://news.example/pic" in str(err.value)


def test_too_many_redirects() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"location": f"/hop{len(seen)}"})

    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)") as err:
        get("https://loop.example/", handler, max_redirects=3)
    assert len(seen) == 4  # the first request + 3 redirects, then stop
    assert "https://loop.example/" in str(err.value)


# --- size caps ----------------------------------------------------------------------------


def test_two_gigabyte_stream_is_cut_off() -> None:
    stream = CountingStream()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html"}, stream=stream)

    with pytest.raises(TooLarge) as err:
        get("https://big.example/", handler, max_bytes=MiB)
    message = str(err.value)
    assert "1,048,576-byte cap" in message
    assert "--max-bytes" in message and "CLAIMGRAPH_MAX_BYTES" in message
    assert "https://big.example/" in message
    assert MiB < stream.consumed <= MiB + 2 * stream.chunk


def test_content_length_over_cap_is_refused_unread() -> None:
    stream = CountingStream()

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "text/html", "content-length": "2147483648"}
        return httpx.Response(200, headers=headers, stream=stream)

    with pytest.raises(TooLarge, match="2,147,483,648 bytes") as err:
        get("https://big.example/", handler)
    assert "--max-bytes" in str(err.value)
    assert stream.consumed == 0


def test_body_at_the_cap_is_fine() -> None:
    got = get("https://news.example/", lambda r: html_response(b"x" * 1000), max_bytes=1000)
    assert len(got.body) == 1000


# --- schemes and the address guard --------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["ftp://news.example/file.html", "file:///etc/passwd", "news.example/story"]
)
def test_non_http_schemes_refused(url: str) -> None:
    with pytest.raises(FetchError, match="only http:// and https://") as err:
        fetch(url, transport=httpx.MockTransport(never_called), resolver=fake_resolver)
    assert not isinstance(err.value, BlockedAddress)
    assert url in str(err.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://LOCALHOST.:8080/",
        "http://admin.localhost/",
        "http://[::1]/",
        "http://10.0.0.5/",
        "http://2130706433/",
        "http://0x7f.0.0.1/",
        "http://0x7f.1/",
        "http://127.1/",
        "http://0.0.0.0/",
        "http://192.168.1.1/",
        "http://172.16.0.1/",
        "http://100.64.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.100.100.200/",
        "http://[fd00:ec2::254]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://224.0.0.1/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/",
        "http://[64:ff9b::a00:1]/",
    ],
)
def test_private_targets_refused_before_connecting(url: str) -> None:
    with pytest.raises(BlockedAddress) as err:
        fetch(url, transport=httpx.MockTransport(never_called), resolver=no_dns)
    assert url in str(err.value)
    assert "--allow-private" in str(err.value)


def test_url_httpx_cannot_parse_is_refused_too() -> None:
    # httpx rejects zero-padded dotted quads itself; still an error, still no request
    with pytest.raises(FetchError, match="not a valid URL") as err:
        fetch("http://0177.0.0.1/", transport=httpx.MockTransport(never_called), resolver=no_dns)
    assert "http://0177.0.0.1/" in str(err.value)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f.0.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("10.1.258", "10.1.1.2"),
        ("[::1]", "::1"),
        ("93.184.216.34", "93.184.216.34"),
    ],
)
def test_parse_ip_host_legacy_forms(host: str, expected: str) -> None:
    assert str(parse_ip_host(host)) == expected


@pytest.mark.parametrize("host", ["news.example", "1.2.3.4.5", "09.1.1.1", "256.1.1.1", "0x1g"])
def test_parse_ip_host_names(host: str) -> None:
    assert parse_ip_host(host) is None


def test_default_resolver_normalizes_numeric_hosts_too() -> None:
    # getaddrinfo resolves these without DNS; they are literals, so no lookup leaves the machine
    with pytest.raises(BlockedAddress, match="127.0.0.1"):
        check_host("2130706433", source="x", resolver=lambda h: [PUBLIC] if h == "x" else [])
    for host in ("2130706433", "0x7f.1"):
        assert {info[4][0] for info in socket.getaddrinfo(host, None)} == {"127.0.0.1"}


def test_any_private_address_blocks_the_host() -> None:
    def mixed(host: str) -> list[str]:
        return [PUBLIC, "10.0.0.7"]

    with pytest.raises(BlockedAddress, match="10.0.0.7") as err:
        validate_url("https://mixed.example/a", resolver=mixed)
    assert err.value.source == "https://mixed.example/a"


def test_public_address_passes() -> None:
    assert blocked_reason(PUBLIC) is None
    assert blocked_reason("2606:2800:220:1:248:1893:25c8:1946") is None
    assert blocked_reason("::ffff:93.184.216.34") is None
    assert blocked_reason("169.254.169.254") == "cloud metadata"
    assert check_host("news.example", source="s", resolver=fake_resolver) == [PUBLIC]


def test_unresolvable_host_is_fetch_error() -> None:
    with pytest.raises(FetchError, match="could not resolve host nowhere.invalid") as err:
        fetch(
            "https://nowhere.invalid/",
            transport=httpx.MockTransport(never_called),
            resolver=fake_resolver,
        )
    assert not isinstance(err.value, BlockedAddress)


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("http://127.0.0.1/admin", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[::1]:9000/", "loopback"),
    ],
)
def test_redirect_to_private_address_refused(location: str, reason: str) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        assert request.url.host == "news.example", "the redirect target must never be requested"
        return httpx.Response(302, headers={"location": location})

    with pytest.raises(BlockedAddress) as err:
        get("https://news.example/story", handler)
    message = str(err.value)
    assert err.value.source == "https://news.example/story"
    assert location in message and reason in message
    assert seen == ["https://news.example/story"]


def test_redirect_to_other_scheme_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": "ftp://news.example/x"})

    with pytest.raises(FetchError, match="redirect to ftp://news.example/x refused"):
        get("https://news.example/", handler)


# --- end to end against a real local server ----------------------------------------------


@pytest.fixture
def local_server() -> Iterator[tuple[int, list[str]]]:
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(HTML)))
            self.end_headers()
            self.wfile.write(HTML)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.server_address[1], hits
    finally:
        server.shutdown()
        server.server_close()


def test_loopback_refused_by_default_allowed_when_asked(local_server) -> None:
    port, hits = local_server
    url = f"http://127.0.0.1:{port}/story"
    with pytest.raises(BlockedAddress, match="loopback"):
        fetch(url)
    assert hits == []

    got = fetch(url, allow_private=True, timeout=5)
    assert got.status == 200 and got.body == HTML and got.charset == "utf-8"
    assert hits == ["/story"]


def test_connection_goes_to_the_checked_address(local_server) -> None:
    # "news.test" does not exist in real DNS: the request can only succeed if the transport
    # dials the address our resolver returned (while TLS/Host still use the name).
    port, hits = local_server
    got = fetch(
        f"http://news.test:{port}/pinned",
        allow_private=True,
        timeout=5,
        resolver=lambda host: ["127.0.0.1"],
    )
    assert got.body == HTML
    assert hits == ["/pinned"]


def test_dns_rebinding_is_caught_at_connect_time(local_server) -> None:
    port, hits = local_server
    answers = iter([[PUBLIC], ["127.0.0.1"]])  # public when checked, loopback when connecting

    with pytest.raises(BlockedAddress, match="127.0.0.1") as err:
        fetch(f"http://rebind.test:{port}/", timeout=1, resolver=lambda host: next(answers))
    assert err.value.source == f"http://rebind.test:{port}/"
    assert hits == []


# --- read_url dispatch ----------------------------------------------------------------------


def test_read_url_html(fake_readers) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return html_response(**{"content-type": "text/html; charset=windows-1252"})

    [article] = read_url(
        "https://news.example/a", transport=httpx.MockTransport(handler), resolver=fake_resolver
    )
    assert article.title == "Hello"
    assert fake_readers["html"] == [
        {
            "source": "https://news.example/a",
            "url": "https://news.example/a",
            "charset": "windows-1252",
        }
    ]


def test_read_url_plain_text(fake_readers) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/plain"}, content=b"Just text.")

    [article] = read_url(
        "https://news.example/a.txt", transport=httpx.MockTransport(handler), resolver=fake_resolver
    )
    assert article.text == "Just text."
    assert fake_readers["html"] == [] and len(fake_readers["text"]) == 1


FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<?xml-stylesheet type="text/xsl" href="/style.xsl"?>
<rss version="2.0"><channel><title>News</title>
<item><title>First</title><link>https://news.example/1</link>
  <pubDate>Tue, 10 Jun 2025 04:00:00 +0200</pubDate></item>
<item><title>Second</title><link>/2</link></item>
</channel></rss>"""


@pytest.mark.parametrize("content_type", ["application/rss+xml", "text/xml", "application/xml"])
def test_read_url_feed_fetches_each_entry(content_type: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(200, headers={"content-type": content_type}, content=FEED)
        return html_response(b"<p>Body of " + request.url.path.encode() + b"</p>")

    articles = read_url(
        "https://news.example/feed", transport=httpx.MockTransport(handler), resolver=fake_resolver
    )
    assert [a.url for a in articles] == ["https://news.example/1", "https://news.example/2"]
    assert [a.title for a in articles] == ["First", "Second"]  # filled from the feed
    assert articles[0].published is not None and articles[0].published.hour == 2


def test_read_url_feed_entry_errors_reported_not_fatal() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(
                200, headers={"content-type": "application/rss+xml"}, content=FEED
            )
        if request.url.path == "/2":
            return httpx.Response(404)
        return html_response()

    errors: list[IngestError] = []
    articles = read_url(
        "https://news.example/feed",
        transport=httpx.MockTransport(handler),
        resolver=fake_resolver,
        on_error=errors.append,
    )
    assert len(articles) == 1
    assert len(errors) == 1 and errors[0].source == "https://news.example/2"
    assert "HTTP 404" in str(errors[0])


def test_read_url_all_entries_failing_raises_without_on_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/feed":
            return httpx.Response(
                200, headers={"content-type": "application/rss+xml"}, content=FEED
            )
        return httpx.Response(500)

    with pytest.raises(FetchError, match="HTTP 500"):
        read_url(
            "https://news.example/feed",
            transport=httpx.MockTransport(handler),
            resolver=fake_resolver,
        )


def test_feed_entry_linking_to_a_feed_is_not_followed() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, headers={"content-type": "application/rss+xml"}, content=FEED)

    errors: list[IngestError] = []
    assert (
        read_url(
            "https://news.example/feed",
            transport=httpx.MockTransport(handler),
            resolver=fake_resolver,
            on_error=errors.append,
        )
        == []
    )
    assert seen == ["/feed", "/1", "/2"]
    assert all("links to another feed" in str(e) for e in errors) and len(errors) == 2


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"\xef\xbb\xbf  <?xml version='1.0'?>\n<!-- hi --><feed xmlns='x'>", True),
        (b"<rdf:RDF xmlns:rdf='x'>", True),
        (b"<!DOCTYPE html><html><body>rss</body></html>", False),
        (b"<feedback/>", False),
        (b" " * 10000 + b"<rss>", False),  # only the head is sniffed, and quickly
    ],
)
def test_is_feed_sniffing(body: bytes, expected: bool) -> None:
    assert is_feed(Fetched("u", 200, "application/xml", None, body)) is expected
