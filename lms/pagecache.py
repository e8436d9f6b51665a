"""What every visitor of the site sees alike, cached until the page tree next changes.

A learner page used to look up, on every request, the same things as every other learner's:
the site, the page its URL names, whether an ancestor is a draft, its view restrictions, its
translations, a course's outline. Those depend only on the page tree, which changes when
someone publishes, unpublishes, saves, moves, deletes or restricts a page (or edits a site or a
locale). Each such change gives the tree a new *version*, a random token kept in the default
cache (Redis in production, so every app server sees it at once); cached entries are keyed by
the version, so after a change none from before it is read again, and they expire by
themselves. The version is changed at once and again when the transaction commits: a request
that read the tree between the two cannot leave what it read under the version that follows.

Within a request the version and every entry read are remembered (`PageCacheMiddleware`), so a
page asking twice costs one cache read. What depends on the person (progress, enrolment,
attempts) is never cached here.

Anonymous pages are cached whole (`serve_anonymous`) for `PAGE_CACHE_ANONYMOUS_SECONDS`:
they also show figures that change without a publish (seats left in a course), which may lag
by that long.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import get_language

VERSION_KEY = "lms:pages:version"
ENTRY_SECONDS = 24 * 3600

_memo: ContextVar[dict | None] = ContextVar("page_cache_memo", default=None)


def _new_version() -> str:
    return secrets.token_hex(6)


def tree_version() -> str:
    """The page tree's current version (read once per request)."""
    memo = _memo.get()
    if memo is not None and VERSION_KEY in memo:
        return memo[VERSION_KEY]
    version = cache.get(VERSION_KEY)
    if version is None:
        candidate = _new_version()
        version = candidate if cache.add(VERSION_KEY, candidate, None) else cache.get(VERSION_KEY)
        version = version or candidate
    if memo is not None:
        memo[VERSION_KEY] = version
    return version


def _bump() -> None:
    cache.set(VERSION_KEY, _new_version(), None)
    memo = _memo.get()
    if memo is not None:
        memo.clear()


def tree_changed(**kwargs) -> None:
    """Signal receiver: the page tree changed; nothing cached before is read again."""
    _bump()
    transaction.on_commit(_bump)


def remember[T](
    key: str, compute: Callable[[], T], *, keep: Callable[[T], bool] | None = None
) -> T:
    """`compute()`, cached under `key` until the page tree changes (unless `keep(value)` is
    false: a page not found is not kept, or any URL would fill the cache).

    The value must depend only on the page tree (and on what `key` names), never on the
    person asking.
    """
    full_key = f"lms:pages:{tree_version()}:{key}"
    memo = _memo.get()
    if memo is not None and full_key in memo:
        return memo[full_key]
    missing = object()
    value = cache.get(full_key, missing)
    if value is missing:
        value = compute()
        if keep is None or keep(value):
            cache.set(full_key, value, ENTRY_SECONDS)
    if memo is not None:
        memo[full_key] = value
    return value


def digest(ids) -> str:
    """A short key part naming a set of ids."""
    return hashlib.sha256(",".join(map(str, sorted(ids))).encode()).hexdigest()[:24]


def remember_each[K, V](
    prefix: str, keys: list[K], compute: Callable[[list[K]], dict[K, V]]
) -> dict[K, V]:
    """`{key: value}` for each of `keys`, cached one by one under `prefix`: the missing ones are
    computed together by `compute(missing)` (one batch, whatever their number)."""
    version = tree_version()
    full = {key: f"lms:pages:{version}:{prefix}:{key}" for key in keys}
    memo = _memo.get()
    found = {key: memo[name] for key, name in full.items() if memo is not None and name in memo}
    wanted = [key for key in keys if key not in found]
    if wanted:
        cached = cache.get_many([full[key] for key in wanted])
        found.update({key: cached[full[key]] for key in wanted if full[key] in cached})
        missing = [key for key in keys if key not in found]
        if missing:
            computed = compute(missing)
            cache.set_many({full[key]: computed[key] for key in missing}, ENTRY_SECONDS)
            found.update(computed)
        if memo is not None:
            memo.update({full[key]: found[key] for key in wanted})
    return {key: found[key] for key in keys}


class PageCacheMiddleware:
    """Gives each request its own memo of the tree version and of the entries it read."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


# --- pages -------------------------------------------------------------------------------


def route(request, path: str):
    """Wagtail's route for `path` (the page, its args and kwargs) and the request's site,
    cached per host, language and path; Wagtail's `serve` then finds both on the request."""
    # at call time: lms/apps.py imports this module before the models load
    from wagtail.models import Page, Site

    host = request.get_host()
    key = f"route:{host}:{get_language()}:{hashlib.sha256(path.encode()).hexdigest()[:32]}"

    def compute():
        found = Page.route_for_request(request, path)
        return (Site.find_for_request(request), found) if found is not None else None

    cached = remember(key, compute, keep=lambda found: found is not None)
    if cached is not None:
        request._wagtail_site, request._wagtail_route_for_request = cached
    return cached


def remember_site(request) -> None:
    """Gives `request` Wagtail's site for its host from the cache, so that page URLs drawn by a
    view that Wagtail does not route (an attempt, a dashboard) cost no query for it."""
    if hasattr(request, "_wagtail_site"):
        return
    # at call time: lms/apps.py imports this module before the models load
    from wagtail.models import Site

    request._wagtail_site = remember(
        f"site:{request.get_host()}:{request.get_port()}", lambda: Site.find_for_request(request)
    )


class CachedRestrictionsMixin:
    """Wagtail checks a page's view restrictions (its own and its ancestors') before serving it,
    in two queries; they change only with the tree. The queryset returned holds the cached
    restrictions already (filtering it further queries as usual)."""

    def get_view_restrictions(self):
        # at call time: lms/apps.py imports this module before the models load
        from wagtail.models import PageViewRestriction

        inherited = super().get_view_restrictions
        restrictions = remember(f"restrictions:{self.pk}", lambda: list(inherited()))
        queryset = PageViewRestriction.objects.filter(pk__in=[r.pk for r in restrictions])
        queryset._result_cache = restrictions
        return queryset


# --- anonymous pages ---------------------------------------------------------------------


def _anonymous_cacheable(request) -> bool:
    return (
        settings.PAGE_CACHE_ANONYMOUS_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not getattr(request, "is_preview", False)
    )


def serve_anonymous(request, serve: Callable[[], HttpResponse]) -> HttpResponse:
    """`serve()`'s response for a visitor without a session, from the cache when another
    visitor's is there. A response that sets a cookie (a CSRF token in a form, say) or is not
    a 200 is never cached."""
    if not _anonymous_cacheable(request):
        return serve()
    key = f"anonymous:{request.get_host()}:{get_language()}:{hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]}"
    full_key = f"lms:pages:{tree_version()}:{key}"
    cached = cache.get(full_key)
    if cached is not None:
        content, content_type = cached
        response = HttpResponse(content, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
    response = serve()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(response, "streaming", False)
    ):
        cache.set(
            full_key,
            (response.content, response["Content-Type"]),
            settings.PAGE_CACHE_ANONYMOUS_SECONDS,
        )
    return response
