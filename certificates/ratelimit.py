"""A fixed-window request limit per client address, kept in the cache."""

from __future__ import annotations

import time
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(scope: str, *, limit: int, window: int = 60):
    """Answer 429 once a client made more than `limit` requests in the current window."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            bucket = int(time.time() // window)
            key = f"ratelimit:{scope}:{client_address(request)}:{bucket}"
            cache.add(key, 0, timeout=window + 1)
            try:
                count = cache.incr(key)
            except ValueError:
                count = 1
            if count > limit:
                response = render(request, "certificates/rate_limited.html", status=429)
                response["Retry-After"] = str(window)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
