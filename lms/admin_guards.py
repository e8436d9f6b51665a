"""Checks on admin views that Wagtail, or one of its packages, does not scope the way
ENSA's roles need (a report listing every course's activity, a translation action open to
anyone holding one global permission).

Apps declare them with the `register_admin_view_guards` hook: a function returning a dict
that maps a URL name ("namespace:name") to a guard `guard(request, **view_kwargs)`, which
returns None to let the view run, or a response (usually a refusal) to send instead.
`AdminViewGuardMiddleware` asks them before the view runs.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.permissions import policy_registry

Guard = Callable[..., HttpResponse | None]


@cache
def registered_guards() -> dict[str, Guard]:
    guards: dict[str, Guard] = {}
    for register in hooks.get_hooks("register_admin_view_guards"):
        guards.update(register())
    return guards


def refuse(request: HttpRequest, **view_kwargs) -> HttpResponse | None:
    raise PermissionDenied


def may_change_the_model(request: HttpRequest, *, app_label: str, model_name: str, **view_kwargs):
    """For views about any object of a model named in the URL (e.g. translating a snippet):
    only people who may change objects of that model."""
    if not request.user.is_authenticated:
        return None
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None  # the view answers 404
    if not policy_registry.get_by_type(model).user_has_permission(request.user, "change"):
        raise PermissionDenied
    return None


class AdminViewGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        guard = registered_guards().get(match.view_name) if match else None
        if guard is None:
            return None
        return guard(request, **view_kwargs)
