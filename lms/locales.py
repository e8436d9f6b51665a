"""Wagtail's locales, read once per request.

`Locale.get_default()` and `Locale.get_active()` each query the database, and a lesson page
asks for them several times (canonical pages, translations, progress). Within a request the
answer cannot change; `LocaleCacheMiddleware` gives each request its own memo, and outside a
request (commands, tasks, tests calling functions directly) every call still queries.
"""

from __future__ import annotations

from contextvars import ContextVar

from wagtail.models import Locale

_memo: ContextVar[dict[str, Locale] | None] = ContextVar("locale_memo", default=None)


def _remembered(key: str, read) -> Locale:
    memo = _memo.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def default_locale() -> Locale:
    """The locale of the default language (French), the one records point at."""
    return _remembered("default", Locale.get_default)


def active_locale() -> Locale:
    """The locale of the active language, or the default one."""
    from django.utils.translation import get_language

    def read() -> Locale:
        try:
            return Locale.get_active()
        except Locale.DoesNotExist:
            return default_locale()

    return _remembered(f"active:{get_language()}", read)


class LocaleCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
