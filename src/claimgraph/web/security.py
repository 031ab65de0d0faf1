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

from starlette.requests import Request

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
