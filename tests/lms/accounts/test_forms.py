"""Sign-up through allauth with the extra fields of SignupForm (full names in both scripts,
organisation, language), then e-mail confirmation and sign-in."""

import re

import pytest
from django.contrib.auth import get_user_model

from lms.accounts.models import Organisation, OrganisationKind
from lms.accounts.roles import LEARNERS
from tests.factories.users import learner

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "Integration-Oujda-2026"


def sign_up(client, language="fr", **overrides):
    data = {
        "email": "Nadia.Amrani@Oujda.ma",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "full_name_latin": "Nadia Amrani",
        "full_name_arabic": "نادية العمراني",
        "job_title": "Cheffe de service",
        "organisation": Organisation.objects.get(slug="oujda").pk,
        "preferred_language": "ar",
    } | overrides
    return client.post(f"/{language}/accounts/signup/", data)


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S*/confirm-email/\S+/)", message.body).group(1)


def log_in(client, email, password=NEW_PASSWORD, language="fr"):
    return client.post(f"/{language}/accounts/login/", {"login": email, "password": password})


def test_signup_form_asks_for_the_extra_fields(client, site):
    html = client.get("/fr/accounts/signup/").text
    for name in (
        "full_name_latin",
        "full_name_arabic",
        "job_title",
        "organisation",
        "preferred_language",
    ):
        assert f'name="{name}"' in html
    assert "Commune d&#x27;Oujda" in html or "Commune d'Oujda" in html


def test_signup_saves_the_profile_and_sends_a_verification_email(client, site, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="nadia.amrani@oujda.ma")
    assert user.full_name_latin == "Nadia Amrani"
    assert user.full_name_arabic == "نادية العمراني"
    assert user.job_title == "Cheffe de service"
    assert user.organisation.slug == "oujda"
    assert user.preferred_language == "ar"
    assert list(user.groups.values_list("name", flat=True)) == [LEARNERS]
    assert not user.is_staff
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nadia.amrani@oujda.ma"]
    assert "/confirm-email/" in mailoutbox[0].body


def test_signup_without_an_organisation_is_refused(client, site, mailoutbox):
    response = sign_up(client, organisation="")
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not User.objects.filter(email__iexact="nadia.amrani@oujda.ma").exists()
    assert mailoutbox == []


def test_signup_with_an_email_already_used_is_refused(client, site):
    existing = learner()
    sign_up(client, email=existing.email)
    assert User.objects.filter(email__iexact=existing.email).count() == 1


def test_login_is_refused_until_the_email_is_confirmed(client, site, mailoutbox):
    sign_up(client)
    client.logout()
    response = log_in(client, "nadia.amrani@oujda.ma")
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_confirming_the_email_then_logging_in_by_email_works(client, site, mailoutbox):
    sign_up(client)
    link = confirmation_link(mailoutbox[0])
    client.logout()

    assert client.get(link).status_code == 200  # a page with a button: GET confirms nothing
    user = User.objects.get(email="nadia.amrani@oujda.ma")
    assert not user.emailaddress_set.get().verified

    response = client.post(link)
    assert response.status_code == 302
    assert user.emailaddress_set.get().verified
    client.logout()

    response = log_in(client, "NADIA.AMRANI@oujda.ma")
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    assert client.get("/fr/dashboard/").status_code == 200


def test_arabic_signup_sends_the_verification_email_in_arabic_with_an_arabic_link(
    client, site, mailoutbox
):
    sign_up(client, language="ar", email="karim@example.ma")
    assert len(mailoutbox) == 1
    assert "/ar/accounts/confirm-email/" in mailoutbox[0].body
    assert re.search("[\u0600-\u06ff]", mailoutbox[0].subject)


def test_wrong_password_is_refused(client, site):
    person = learner()
    response = log_in(client, person.email, password="not-the-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "field, name",
    [
        ("full_name_latin", "\u202eilaneB ahraZ-amitaF"),  # prints "Fatima-Zahra Benali" reversed
        ("full_name_latin", "Nadia\u2066 Amrani"),
        ("full_name_arabic", "نادية\u200f العمراني"),
        ("full_name_arabic", "نادية\u061c العمراني"),
        ("full_name_latin", "N" * 121),
        ("full_name_arabic", "ن" * 121),
    ],
)
def test_signup_refuses_a_name_with_direction_controls_or_too_long(
    client, site, mailoutbox, field, name
):
    response = sign_up(client, **{field: name})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.filter(email__iexact="nadia.amrani@oujda.ma").exists()


def test_signup_accepts_a_name_of_the_maximum_length(client, site, mailoutbox):
    assert sign_up(client, full_name_latin="N" * 120).status_code == 302
    assert User.objects.get(email="nadia.amrani@oujda.ma").full_name_latin == "N" * 120


def test_signup_choices_show_a_directorate_under_its_municipality(client, site):
    Organisation.objects.create(
        slug="nador-dir",
        name_fr="Direction de l'action sociale",
        kind=OrganisationKind.DIRECTORATE,
        parent=Organisation.objects.get(slug="nador"),
    )
    html = client.get("/fr/accounts/signup/").text
    assert "Commune de Nador – Direction de l&#x27;action sociale" in html
