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
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import ReferenceIndex
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


def needs_model_permission(model: str, actions: set[str]) -> Guard:
    """A guard letting through people who hold one of `actions` on `model` ("app.Model")."""

    def guard(request: HttpRequest, **view_kwargs):
        if not request.user.is_authenticated:
            return None
        policy = policy_registry.get_by_type(apps.get_model(model))
        if not policy.user_has_any_permission(request.user, actions):
            raise PermissionDenied
        return None

    return guard


def refuse_deleting_what_is_protected(model: str, pk_kwarg: str) -> Guard:
    """Wagtail's multiple-upload screens delete at once, without the usage check of its own
    delete views: an object that something protects (a handbook edition's file) would end in
    a server error. Refuse it with the reason, as those delete views do."""

    def guard(request: HttpRequest, **view_kwargs):
        if request.method != "POST" or not request.user.is_authenticated:
            return None
        model_class = apps.get_model(model)
        found = model_class.objects.filter(pk=view_kwargs.get(pk_kwarg)).first()
        policy = policy_registry.get_by_type(model_class)
        if found is None or not policy.user_has_permission_for_instance(
            request.user, "delete", found
        ):
            return None  # the view refuses, or answers 404
        if not ReferenceIndex.get_grouped_references_to(found).is_protected:
            return None
        message = _("This item is in use and cannot be deleted. See where it is used first.")
        return JsonResponse({"success": False, "error_message": str(message)}, status=409)

    return guard


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
