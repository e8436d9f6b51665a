"""Two-factor authentication before the Wagtail admin (middleware.py), as the middleware
decides it; tests/security/test_mfa.py follows the whole journey through allauth's pages.
These tests ask for `real_mfa`: logins record no second factor of their own."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Permission
from django.urls import reverse

from lms.accounts.middleware import needs_two_factor
from lms.accounts.models import User
from tests.factories.users import administrator, learner, trainer
from tests.lms.helpers import superuser

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_mfa", "site")]

ADMIN_PAGES = "/admin/pages/"


def test_staff_and_whoever_may_use_the_admin_need_a_second_factor_learners_do_not():
    someone = learner()
    someone.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )

    assert [needs_two_factor(person) for person in (trainer(), administrator(), superuser())] == [
        True,
        True,
        True,
    ]
    assert needs_two_factor(learner()) is False
    assert needs_two_factor(User.objects.get(pk=someone.pk)) is True


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client):
    client.force_login(trainer())

    response = client.get(ADMIN_PAGES)

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")


def test_staff_with_an_authenticator_pass_it_again_and_come_back_where_they_were(client):
    person = administrator()
    TOTP.activate(person, generate_totp_secret())
    client.force_login(person)

    response = client.get(ADMIN_PAGES, {"p": "2"})

    assert response.status_code == 302
    assert (
        response["Location"] == reverse("mfa_reauthenticate") + "?next=%2Fadmin%2Fpages%2F%3Fp%3D2"
    )


def test_staff_are_not_stopped_outside_the_admin(client):
    client.force_login(trainer())

    assert client.get("/fr/dashboard/").status_code == 200


def test_signing_out_of_the_admin_is_never_stopped(client):
    client.force_login(trainer())

    response = client.post(reverse("wagtailadmin_logout"))

    assert response.get("Location") != reverse("mfa_index")
    assert "_auth_user_id" not in client.session


def test_a_session_that_passed_a_second_factor_reaches_the_admin(client):
    from allauth.account.internal.flows.login import record_authentication

    person = trainer()
    client.force_login(person)
    session_request = client.get("/fr/dashboard/").wsgi_request
    record_authentication(session_request, person, "mfa", type="totp")
    session_request.session.save()

    assert client.get(ADMIN_PAGES).status_code == 200
