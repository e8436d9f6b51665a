"""Two-factor authentication: required of staff before the Wagtail admin, optional for
learners. These tests ask for `real_mfa`, so logins record no second factor of their own
(tests/conftest.py) and the rule applies as in production."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from tests.factories.users import PASSWORD, UserFactory, administrator, learner, trainer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_mfa", "site")]

ADMIN = "/admin/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and the record of TOTP codes already used live in the cache."""
    cache.clear()
    yield
    cache.clear()


def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


STAFF = {"trainer": trainer, "administrator": administrator, "superuser": superuser}


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def url(name: str, language: str = "fr") -> str:
    with translation.override(language):
        return reverse(name)


def totp_code(secret: str, *, at: float | None = None) -> str:
    """RFC 6238 (SHA-1, 30 s, 6 digits), computed here rather than by allauth."""
    counter = int((at if at is not None else time.time()) // 30)
    digest = hmac.new(
        base64.b32decode(secret, casefold=True), struct.pack(">Q", counter), hashlib.sha1
    ).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def current_totp_code(secret: str) -> str:
    """A code that stays valid for the next few seconds (no window change mid-request)."""
    if 30 - time.time() % 30 < 3:
        time.sleep(30 - time.time() % 30 + 0.1)
    return totp_code(secret)


def with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def sign_in_with_password(client, user, language: str = "fr"):
    return client.post(url("account_login", language), {"login": user.email, "password": PASSWORD})


@pytest.mark.parametrize("role", STAFF)
def test_staff_without_an_authenticator_is_sent_to_set_up_two_factor(client, role):
    person = verified(STAFF[role]())
    sign_in_with_password(client, person)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == url("mfa_index")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert url("mfa_activate_totp") in page.content.decode()


def test_setting_up_an_authenticator_app_then_a_code_opens_the_admin(client):
    person = verified(trainer())
    sign_in_with_password(client, person)
    assert client.get(ADMIN)["Location"] == url("mfa_index")
    # allauth asks for the password again before a change of authenticators
    asked = client.get(url("mfa_activate_totp"))
    assert asked["Location"].startswith(url("account_reauthenticate"))
    client.post(url("account_reauthenticate"), {"password": PASSWORD})
    form = client.get(url("mfa_activate_totp"))
    assert form.status_code == 200
    secret = form.context["form"].secret
    activated = client.post(url("mfa_activate_totp"), {"code": current_totp_code(secret)})
    assert activated.status_code == 302
    asked = client.get(ADMIN)
    assert asked["Location"].startswith(url("mfa_reauthenticate"))
    client.post(asked["Location"], {"code": current_totp_code(secret)})
    assert client.get(ADMIN).status_code == 200


@pytest.mark.parametrize("role", STAFF)
def test_with_totp_set_up_a_password_alone_does_not_reach_the_admin(client, role):
    person = verified(STAFF[role]())
    with_totp(person)
    response = sign_in_with_password(client, person)
    assert response["Location"] == url("mfa_authenticate")
    admin = client.get(ADMIN)
    assert admin.status_code == 302
    assert admin["Location"].startswith(url("account_login"))


def test_a_totp_code_computed_from_the_secret_reaches_the_admin(client):
    person = verified(trainer())
    secret = with_totp(person)
    sign_in_with_password(client, person)
    wrong = client.post(url("mfa_authenticate"), {"code": totp_code(secret, at=time.time() - 3600)})
    assert wrong.status_code == 200  # the form again, with its error
    assert client.get(ADMIN).status_code == 302
    right = client.post(url("mfa_authenticate"), {"code": current_totp_code(secret)})
    assert right.status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_a_recovery_code_reaches_the_admin_once(client):
    person = verified(administrator())
    with_totp(person)
    code = RecoveryCodes.activate(person).get_unused_codes()[0]
    sign_in_with_password(client, person)
    assert client.post(url("mfa_authenticate"), {"code": code}).status_code == 302
    assert client.get(ADMIN).status_code == 200

    client.post(url("account_logout"))
    sign_in_with_password(client, person)
    again = client.post(url("mfa_authenticate"), {"code": code})
    assert again.status_code == 200  # refused: a recovery code works once
    assert client.get(ADMIN).status_code == 302


def test_a_session_that_skipped_the_second_factor_must_pass_it_before_the_admin(client):
    person = verified(trainer())
    secret = with_totp(person)
    client.force_login(person)  # as a login that bypassed allauth's two-factor step would
    response = client.get(f"{ADMIN}pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(url("mfa_reauthenticate"))
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]
    passed = client.post(
        response["Location"], {"code": current_totp_code(secret), "next": f"{ADMIN}pages/"}
    )
    assert passed.status_code == 302
    assert passed["Location"] == f"{ADMIN}pages/"
    assert client.get(ADMIN).status_code == 200


def test_wagtail_login_form_leads_to_allauth_and_cannot_skip_the_second_factor(client):
    person = verified(trainer())
    with_totp(person)
    page = client.get(f"{ADMIN}login/?next=/admin/pages/")
    assert page.status_code == 302
    assert page["Location"].startswith(url("account_login"))
    posted = client.post(f"{ADMIN}login/", {"username": person.email, "password": PASSWORD})
    assert posted.status_code == 302
    assert posted["Location"].startswith(url("account_login"))
    admin = client.get(ADMIN)  # still signed out
    assert admin.status_code == 302
    assert admin["Location"].startswith(url("account_login"))


def test_the_admin_login_url_is_allauths(client):
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login"))


def test_a_learner_is_never_asked_for_a_second_factor(client):
    person = verified(learner())
    response = sign_in_with_password(client, person)
    assert response.status_code == 302
    assert "/2fa/" not in response["Location"]
    assert client.get(url("courses:dashboard")).status_code == 200
    admin = client.get(ADMIN)  # Wagtail refuses a learner; no two-factor page is involved
    assert "/2fa/" not in admin.get("Location", "")


def test_a_learner_may_set_up_two_factor_from_the_profile(client):
    person = verified(learner())
    sign_in_with_password(client, person)
    profile = client.get(url("accounts:profile")).content.decode()
    assert f'href="{url("mfa_index")}"' in profile


@pytest.mark.parametrize(("language", "direction"), [("fr", "ltr"), ("ar", "rtl")])
def test_two_factor_pages_render_in_the_site_layout_in_both_languages(client, language, direction):
    person = verified(trainer())
    secret = with_totp(person)
    RecoveryCodes.activate(person)
    sign_in_with_password(client, person, language)
    pages = [url("mfa_authenticate", language)]
    assert_site_layout(client.get(pages[0]), language, direction)
    client.post(pages[0], {"code": current_totp_code(secret)})
    assert_site_layout(client.get(url("account_reauthenticate", language)), language, direction)
    client.post(url("account_reauthenticate", language), {"password": PASSWORD})
    pages = [
        url(name, language)
        for name in (
            "mfa_index",
            "mfa_reauthenticate",
            "mfa_view_recovery_codes",
            "mfa_generate_recovery_codes",
            "mfa_deactivate_totp",
            "mfa_list_webauthn",
            "mfa_add_webauthn",
        )
    ]
    for path in pages:
        assert_site_layout(client.get(path), language, direction)

    newcomer = client.__class__()
    sign_in_with_password(newcomer, verified(trainer()), language)
    newcomer.post(url("account_reauthenticate", language), {"password": PASSWORD})
    assert_site_layout(newcomer.get(url("mfa_activate_totp", language)), language, direction)


def assert_site_layout(response, language: str, direction: str) -> None:
    assert response.status_code == 200, response.request["PATH_INFO"]
    html = response.content.decode()
    assert f'lang="{language}" dir="{direction}"' in html
    assert 'class="site-header"' in html
