"""The address of the person behind a request, as the proxies we trust saw it.

Behind a load balancer REMOTE_ADDR is the balancer's own address. Each proxy appends the
address it received the request from to X-Forwarded-For, so with N trusted proxies in front
the client is the N-th entry from the right; everything to its left was written by the client
and may be invented. With `TRUSTED_CLIENT_IP_HEADER` the front proxy states the address in a
header of its own (X-Real-IP) instead. Rate limits (ours and allauth's) key on this address.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

UNKNOWN = "unknown"


def client_address(request: HttpRequest) -> str:
    """The client's IP address; REMOTE_ADDR when the trusted headers say nothing usable."""
    header = settings.TRUSTED_CLIENT_IP_HEADER
    proxies = settings.TRUSTED_PROXY_COUNT
    candidate = None
    if header:
        candidate = _clean(request.headers.get(header, ""))
    elif proxies > 0:
        entries = [e for e in request.headers.get("X-Forwarded-For", "").split(",") if e.strip()]
        # Fewer entries than trusted proxies: the request did not come through them all, so
        # no entry can be trusted.
        if len(entries) >= proxies:
            candidate = _clean(entries[-proxies])
    return candidate or _clean(request.META.get("REMOTE_ADDR", "")) or UNKNOWN


def _clean(value: str) -> str | None:
    """A valid IP address in canonical form (port and IPv6 brackets removed), else None."""
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None
