"""Checks on admin views that Wagtail does not scope the way ENSA's roles need
(lms/admin_guards.py): the guards themselves, and the middleware that asks them."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from lms.admin_guards import (
    AdminViewGuardMiddleware,
    may_change_the_model,
    needs_model_permission,
    refuse,
    refuse_deleting_what_is_protected,
    registered_guards,
)
from tests.factories.library import build_handbook, pdf_document
from tests.factories.users import administrator, trainer
from tests.lms.helpers import superuser

pytestmark = pytest.mark.django_db


def request_by(user, method: str = "get"):
    request = getattr(RequestFactory(), method)("/admin/")
    request.user = user
    return request


def test_refuse_refuses_everyone():
    with pytest.raises(PermissionDenied):
        refuse(request_by(superuser()))


def test_a_model_permission_guard_lets_through_only_those_holding_one_of_the_actions():
    guard = needs_model_permission("wagtailcore.Workflow", {"add", "change"})

    assert guard(request_by(superuser())) is None
    assert guard(request_by(AnonymousUser())) is None  # the admin sends them to sign in
    with pytest.raises(PermissionDenied):
        guard(request_by(trainer()))


def test_changing_any_object_of_a_model_needs_the_change_permission_on_that_model():
    kwargs = {"app_label": "accounts", "model_name": "organisation"}

    assert may_change_the_model(request_by(administrator()), **kwargs) is None
    with pytest.raises(PermissionDenied):
        may_change_the_model(request_by(trainer()), **kwargs)
    assert may_change_the_model(request_by(AnonymousUser()), **kwargs) is None


def test_a_model_that_does_not_exist_is_left_to_the_view_to_answer_404():
    assert (
        may_change_the_model(request_by(trainer()), app_label="accounts", model_name="nothing")
        is None
    )


def test_deleting_a_protected_file_at_once_is_refused_with_the_reason(site):
    guard = refuse_deleting_what_is_protected("wagtaildocs.Document", "doc_id")
    edition = build_handbook(extract=False).editions.get()
    loose = pdf_document("Un brouillon.")
    admin = administrator()

    response = guard(request_by(admin, "post"), doc_id=edition.document_id)

    assert response.status_code == 409
    assert b'"success": false' in response.content
    assert guard(request_by(admin, "post"), doc_id=loose.pk) is None
    assert guard(request_by(admin, "get"), doc_id=edition.document_id) is None
    assert guard(request_by(admin, "post"), doc_id=0) is None  # the view answers 404


def test_the_apps_guards_are_collected_from_the_hook():
    guards = registered_guards()

    assert "wagtailadmin_reports:site_history" in guards
    assert "wagtaildocs:delete_multiple" in guards


def test_the_middleware_asks_the_guard_of_the_view_and_only_that_one(client):
    url = reverse("wagtailadmin_reports:site_history")

    client.force_login(trainer())
    refused = client.get(url)
    client.force_login(administrator())
    allowed = client.get(url)

    assert refused.status_code == 403 or refused["Location"] == reverse("wagtailadmin_home")
    assert allowed.status_code == 200


def test_the_middleware_lets_through_a_request_that_resolved_no_view():
    request = request_by(trainer())
    request.resolver_match = None
    middleware = AdminViewGuardMiddleware(lambda request: None)

    assert middleware.process_view(request, refuse, (), {}) is None
