"""Fetch one news page or feed safely: http(s) only, public addresses only, capped size and time.

A URL given to claimgraph may come from an untrusted feed, so every hop is treated as hostile:
it must not reach the local machine, the private network or a cloud metadata service (SSRF), and
it must not exhaust memory or hang the run.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
import re
import socket
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from claimgraph.errors import BlockedAddress, FetchError, IngestError, TooLarge
from claimgraph.ingest.article import Article

log = logging.getLogger(__name__)

Resolver = Callable[[str], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_ACCEPT: tuple[str, ...] = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
)
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})
USER_AGENT = "claimgraph/0.1 (+offline news knowledge base)"
SCHEMES = ("http", "https")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RAISE_HINT = "raise the cap with --max-bytes or CLAIMGRAPH_MAX_BYTES"
_PRIVATE_HINT = "pass --allow-private or set CLAIMGRAPH_ALLOW_PRIVATE=1 to allow it"

_METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200")
)
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, RFC 6598
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Legacy inet_aton forms: 1-4 dot-separated parts, each decimal, octal (0...) or hex (0x...).
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+)){0,3}", re.I)
# Whitespace, <?xml ...?>, <?xml-stylesheet ...?>, comments, doctype, then the feed's root tag.
_FEED_START = re.compile(
    rb"(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:rdf)\b", re.I | re.S
)


@dataclass(slots=True)
class Fetched:
    """A response that passed every check; ``url`` is the final URL after redirects."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes


# --- address guard -------------------------------------------------------------------------


def default_resolver(host: str) -> list[str]:
    """All addresses the system resolver gives for ``host`` (getaddrinfo also normalizes
    legacy numeric forms such as ``2130706433`` or ``0x7f.1``)."""
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def parse_ip_host(host: str) -> IPAddress | None:
    """The address a URL host means if it is an IP literal, including forms that
    ``ipaddress`` rejects but C resolvers accept (``2130706433``, ``0x7f.1``, ``0177.0.0.1``)."""
    host = host.strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if not _NUMERIC_HOST.fullmatch(host):
        return None
    try:
        *head, last = (_inet_part(p) for p in host.split("."))
    except ValueError:  # e.g. "09": not octal, so not a literal either
        return None
    tail_bits = 8 * (4 - len(head))
    if any(n > 255 for n in head) or last >= 1 << tail_bits:
        return None
    value = 0
    for n in head:
        value = value << 8 | n
    return ipaddress.IPv4Address(value << tail_bits | last)


def _inet_part(part: str) -> int:
    if part[:2].lower() == "0x":
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8)
    return int(part)


def blocked_reason(address: str | IPAddress) -> str | None:
    """Why claimgraph must not connect to ``address``, or None for a public address."""
    addr = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(addr, ipaddress.IPv6Address):
        embedded = addr.ipv4_mapped or addr.sixtofour
        if embedded is None and addr in _NAT64:
            embedded = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if embedded is not None:
            reason = blocked_reason(embedded)
            return f"{reason} (IPv4 {embedded} inside IPv6)" if reason else None
    checks = (
        (addr in _METADATA, "cloud metadata"),
        (addr.is_loopback, "loopback"),
        (addr.is_unspecified, "unspecified"),
        (addr.is_link_local, "link-local"),
        (addr.version == 4 and addr in _SHARED, "shared (carrier-grade NAT)"),
        (addr.is_private, "private"),
        (addr.is_multicast, "multicast"),
        (addr.is_reserved, "reserved"),
        (not addr.is_global, "non-public"),
    )
    return next((reason for hit, reason in checks if hit), None)


def check_host(
    host: str,
    *,
    source: str,
    resolver: Resolver | None = None,
    allow_private: bool = False,
) -> list[str]:
    """Resolve ``host`` and return its addresses, refusing it (BlockedAddress) when ANY of them
    is not public, because the connection could go to any of them."""
    name = host.strip("[]").rstrip(".").lower()
    if not name:
        raise FetchError(source, "the URL has no host")
    if not allow_private and (name == "localhost" or name.endswith(".localhost")):
        raise BlockedAddress(source, f"refusing to fetch from {host} (loopback); {_PRIVATE_HINT}")
    literal = parse_ip_host(name)
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = (resolver or default_resolver)(name)
        except (OSError, UnicodeError) as exc:
            raise FetchError(source, f"could not resolve host {host}: {exc}") from exc
        if not addresses:
            raise FetchError(source, f"could not resolve host {host}: no addresses")
    if allow_private:
        return addresses
    for address in addresses:
        try:
            reason = blocked_reason(address.split("%")[0])
        except ValueError:
            reason = "malformed"
        if reason:
            raise BlockedAddress(
                source,
                f"refusing to fetch from {host}: it resolves to {address}, "
                f"a {reason} address; {_PRIVATE_HINT}",
            )
    return addresses


def validate_url(
    url: str | httpx.URL, *, allow_private: bool = False, resolver: Resolver | None = None
) -> httpx.URL:
    """Check scheme and host of one URL (the first one or a redirect target) before any
    connection is made; returns the parsed URL."""
    source = str(url)
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(source, f"not a valid URL: {exc}") from exc
    if parsed.scheme not in SCHEMES:
        got = f"{parsed.scheme}://" if parsed.scheme else "a URL without http:// or https://"
        raise FetchError(source, f"only http:// and https:// URLs can be fetched, not {got}")
    if not parsed.host:
        raise FetchError(source, "the URL has no host")
    host = parsed.raw_host.decode("ascii")
    check_host(host, source=source, resolver=resolver, allow_private=allow_private)
    return parsed


class _PinnedBackend(httpcore.SyncBackend):
    """Resolves+checks at connect time and dials that checked IP, closing the DNS-rebinding gap."""

    def __init__(self, resolver: Resolver, allow_private: bool) -> None:
        self._resolver = resolver
        self._allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = check_host(
            host, source=host, resolver=self._resolver, allow_private=self._allow_private
        )
        error: httpcore.ConnectError | None = None
        for address in addresses:  # TLS SNI/cert checks still use ``host`` (httpcore start_tls)
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                error = exc
        assert error is not None  # check_host never returns an empty list
        raise error


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """Built once: loading the CA bundle for every page of a feed is slow."""
    return httpx.create_ssl_context()


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's transport with the pool swapped for one that uses :class:`_PinnedBackend`."""

    def __init__(self, resolver: Resolver, allow_private: bool) -> None:
        super().__init__(verify=_ssl_context())
        self._pool = httpcore.ConnectionPool(
            ssl_context=_ssl_context(),
            max_connections=10,
            keepalive_expiry=5.0,
            network_backend=_PinnedBackend(resolver, allow_private),
        )


# --- fetching --------------------------------------------------------------------------------


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 15.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = 5,
    accept: tuple[str, ...] = DEFAULT_ACCEPT,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
) -> Fetched:
    """GET ``url`` with redirects followed by hand so each hop is re-checked; raise FetchError
    (or BlockedAddress / TooLarge) naming the URL on anything unusable.

    ``transport`` replaces the network (tests); the pre-connect checks still run with
    ``resolver``. Environment proxies are never used: a proxy would resolve hosts for us and
    defeat the address guard. A response without a Content-Type is accepted and sniffed later.
    """
    current = validate_url(url, allow_private=allow_private, resolver=resolver)
    if transport is None:
        transport = _PinnedTransport(resolver or default_resolver, allow_private)
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(accept)}
    redirects = 0
    with httpx.Client(
        transport=transport, timeout=timeout, follow_redirects=False, headers=headers
    ) as client:
        while True:
            try:
                with client.stream("GET", current) as response:
                    result = _handle(response, url, max_bytes=max_bytes, accept=accept)
            except httpx.TimeoutException as exc:
                raise FetchError(url, f"timed out after {timeout:g}s{_at(url, current)}") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"could not fetch{_at(url, current)}: {exc}") from exc
            except IngestError as exc:
                if exc.source == url:
                    raise
                # raised by the connect-time guard, which only knows the host
                raise type(exc)(url, exc.reason) from exc
            if isinstance(result, Fetched):
                return result
            redirects += 1
            if redirects > max_redirects:
                raise FetchError(
                    url,
                    f"too many redirects (more than {max_redirects}); the last one pointed to "
                    f"{result}",
                )
            try:
                current = validate_url(result, allow_private=allow_private, resolver=resolver)
            except IngestError as exc:
                raise type(exc)(url, f"redirect to {result} refused: {exc.reason}") from exc


def _at(url: str, current: httpx.URL) -> str:
    return "" if str(current) == url else f" (at {current})"


def _handle(
    response: httpx.Response, url: str, *, max_bytes: int, accept: tuple[str, ...]
) -> Fetched | httpx.URL:
    """Either the redirect target or the checked, size-capped response."""
    status = response.status_code
    where = _at(url, response.url)
    if status >= 400:
        raise FetchError(url, f"HTTP {status} {response.reason_phrase}".rstrip() + where)
    if status in _REDIRECTS and response.headers.get("location"):
        location = response.headers["location"]
        try:
            return response.url.join(location)
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"redirect to an invalid URL {location!r}: {exc}") from exc
    if status >= 300:
        raise FetchError(url, f"HTTP {status} {response.reason_phrase} without a usable Location")
    content_type, charset = _parse_content_type(response.headers.get("content-type"))
    if content_type and content_type not in accept:
        raise FetchError(
            url,
            f"content type {content_type} is not a page or feed claimgraph can read{where} "
            f"(accepted: {', '.join(accept)})",
        )
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(
            url,
            f"the server announces {int(declared):,} bytes, over the {max_bytes:,}-byte cap; "
            f"not downloading it ({_RAISE_HINT})",
        )
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise TooLarge(
                url, f"the body is over the {max_bytes:,}-byte cap; stopped reading ({_RAISE_HINT})"
            )
    return Fetched(str(response.url), status, content_type, charset, bytes(body))


def _parse_content_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset


def is_feed(fetched: Fetched) -> bool:
    """RSS/Atom by content type, or by the root tag when servers say only ``text/xml``."""
    if fetched.content_type in FEED_TYPES:
        return True
    head = fetched.body[:4096].removeprefix(b"\xef\xbb\xbf")
    return _FEED_START.match(head) is not None


# --- URL -> articles -------------------------------------------------------------------------


def read_url(
    url: str,
    *,
    allow_private: bool = False,
    timeout: float = 15.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = 5,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> list[Article]:
    """Fetch a page (one article) or a feed (one article per entry, each page fetched with the
    same limits and guard).

    A feed entry whose page fails does not stop the others: its IngestError goes to
    ``on_error`` when given, else it is logged; when every entry failed and no ``on_error`` was
    given, the first error is raised so the failure is not silent.
    """

    def get(target: str) -> Fetched:
        return fetch(
            target,
            allow_private=allow_private,
            timeout=timeout,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
            transport=transport,
            resolver=resolver,
        )

    def fetch_page(link: str) -> list[Article]:
        page = get(link)
        if is_feed(page):  # never recurse: a feed linking to feeds could loop forever
            raise FetchError(link, "the feed entry links to another feed; not following it")
        return [_page_article(page, source=link)]

    fetched = get(url)
    if not is_feed(fetched):
        return [_page_article(fetched, source=url)]

    from claimgraph.ingest.feed import read_feed

    articles: list[Article] = []
    errors: list[IngestError] = []
    for item in read_feed(fetched.body, source=fetched.url, fetch_page=fetch_page):
        if isinstance(item, IngestError):
            errors.append(item)
            if on_error is not None:
                on_error(item)
            else:
                log.warning("%s", item)
        else:
            articles.append(item)
    if errors and not articles and on_error is None:
        raise errors[0]
    return articles


def _page_article(fetched: Fetched, *, source: str) -> Article:
    if fetched.content_type == "text/plain":
        from claimgraph.ingest.text import text_to_article

        return text_to_article(
            fetched.body, source=source, url=fetched.url, declared_charset=fetched.charset
        )
    from claimgraph.ingest.html import html_to_article

    return html_to_article(
        fetched.body, source=source, url=fetched.url, declared_charset=fetched.charset
    )
