"""Fixed-window limits on attempts, counted in the cache (Redis in production, shared by
every app server). `rate_limited` limits a view per client address; `take` counts any other
subject (a learner and a course, for example)."""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
from dataclasses import dataclass
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .clientip import client_address

IPV6_PREFIX = 64  # one IPv6 customer gets a whole /64: count it as one address
clock = time.time  # tests move it forward to see a window pass


@dataclass(frozen=True)
class Attempt:
    """One counted attempt: `allowed` while the window's count is within the limit."""

    key: str
    count: int
    limit: int
    retry_after: int  # seconds until the window ends

    @property
    def allowed(self) -> bool:
        return self.count <= self.limit

    def give_back(self) -> None:
        """Uncount this attempt (it turned out not to be one of those the limit is about)."""
        try:
            cache.decr(self.key)
        except ValueError:  # the window ended meanwhile
            pass


def take(scope: str, subject: str, *, limit: int, window: int) -> Attempt:
    """Count one attempt of `subject` in the current window of `window` seconds. Atomic, so
    concurrent attempts cannot all slip under the limit."""
    now = clock()
    bucket = int(now // window)
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}:{bucket}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        count = 1
    retry_after = max(1, math.ceil((bucket + 1) * window - now))
    return Attempt(key=key, count=count, limit=limit, retry_after=retry_after)


def address_subject(request: HttpRequest) -> str:
    """The client address as rate limits count it (an IPv6 address by its /64)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False).network_address)
    return address


def too_many_requests(request: HttpRequest, *, retry_after: int, message: str = "") -> HttpResponse:
    minutes = max(1, math.ceil(retry_after / 60))
    response = render(
        request,
        "rate_limited.html",
        {"message": message, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(scope: str, *, limit: int, window: int = 60, message=None):
    """Answer 429 once a client address made more than `limit` requests in the window.

    `message` (lazily translated) is shown above the time to wait.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            attempt = take(scope, address_subject(request), limit=limit, window=window)
            if not attempt.allowed:
                return too_many_requests(
                    request, retry_after=attempt.retry_after, message=str(message or "")
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
