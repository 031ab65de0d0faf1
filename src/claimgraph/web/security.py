"""Who is asking, and the HTTP hardening every response gets (issue 12).

`client_address` is what rate limits and sign-in throttling key on: the connection's own
address, which a client cannot rotate for free (a new User-Agent or a forged X-Forwarded-For
changes nothing). X-Forwarded-For is believed only when the connection comes from a proxy the
operator listed in CLAIMGRAPH_TRUSTED_PROXIES, and then only up to the first hop that is not one
of those proxies (everything left of it could have been written by the client).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.config import Settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def trusted_networks(spec: str) -> tuple[Network, ...]:
    """Parse CLAIMGRAPH_TRUSTED_PROXIES ("10.0.0.1, 192.168.0.0/16"); a bad entry names itself."""
    nets: list[Network] = []
    for part in spec.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            nets.append(ipaddress.ip_network(part, strict=False))
        except ValueError as exc:
            raise ValueError(
                f"CLAIMGRAPH_TRUSTED_PROXIES: {part!r} is not an address or CIDR"
            ) from exc
    return tuple(nets)


def _is_trusted(addr: str, nets: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(addr.strip().strip("[]"))
    except ValueError:
        return False
    return any(ip in net for net in nets)


def forwarded_client(peer: str, forwarded_for: list[str], trusted: str) -> str:
    """The client address given the connection's `peer`, the X-Forwarded-For values (in order)
    and the trusted proxy spec: the right-most hop that is not a trusted proxy."""
    nets = trusted_networks(trusted) if trusted else ()
    if not nets or not _is_trusted(peer, nets):
        return peer
    hops = [h.strip() for value in forwarded_for for h in value.split(",") if h.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop, nets):
            return hop[:64]
    return hops[0][:64] if hops else peer


def client_address(request: Request) -> str:
    """The address that identifies this client for limits (see the module docstring)."""
    peer = request.client.host if request.client else ""
    settings = getattr(request.app.state, "settings", None)
    trusted = getattr(settings, "trusted_proxies", "") or ""
    return forwarded_client(peer, request.headers.getlist("x-forwarded-for"), trusted)


# ---------------------------------------------------------------- response headers and Host

# Scripts only from this origin (no inline script, no eval); inline style attributes stay
# allowed (legend swatches, the libraries' computed styles). Nothing may frame the pages.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),  # same-origin: the JSON-post CSRF check reads Referer
    (b"cross-origin-opener-policy", b"same-origin"),
]


def host_of(header: str) -> str:
    """The host part of a Host header, lower-cased, without the port ("[::1]:8000" → "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def allowed_hosts(spec: str) -> frozenset[str]:
    """CLAIMGRAPH_ALLOWED_HOSTS ("news.example, 10.0.0.5") as a set of bare host names."""
    return frozenset(host_of(h) for h in spec.replace(";", ",").split(",") if h.strip())


class SecurityMiddleware:
    """Pure ASGI: refuses a Host header the operator did not configure (DNS rebinding: a page on
    another site resolving its name to this server), and adds the security headers to every
    HTTP response that does not set its own."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] = frozenset()) -> None:
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.hosts:
            raw = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if host_of(raw) not in self.hosts:
                await _refuse_host(send)
                return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                have = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in have]
                message["headers"] = [(k, v) for k, v in headers if k.lower() != b"server"]
            await send(message)

        await self.app(scope, receive, with_headers)


async def _refuse_host(send: Send) -> None:
    body = b'{"detail":"unknown Host header; this server answers only its configured names"}'
    await send(
        {
            "type": "http.response.start",
            "status": 400,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def install(app: Starlette, settings: Settings) -> None:
    """Register the middleware (outermost, so error pages get the headers too)."""
    hosts = allowed_hosts(settings.allowed_hosts)
    app.add_middleware(SecurityMiddleware, hosts=hosts)


# ---------------------------------------------------------------- request bodies

MAX_JSON_DEPTH = 10  # the report bodies are flat objects; deeper is an attack, not a report


def json_depth(raw: bytes, limit: int = MAX_JSON_DEPTH) -> int:
    """How deeply `raw` nests arrays/objects, counted without parsing (Python's json parser
    recurses, so a 16 KB body of '[' raised RecursionError: a 500). Stops counting past
    `limit` + 1."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return deepest


def control_character(value: str) -> str | None:
    """The first control character a text field must not carry (NUL - PostgreSQL cannot store
    it - and the other C0/C1 controls except tab and line breaks), as 'U+0000'; None if clean."""
    for ch in value:
        code = ord(ch)
        if (code < 0x20 and ch not in "\t\n\r") or 0x7F <= code < 0xA0:
            return f"U+{code:04X}"
    return None
