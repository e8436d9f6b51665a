"""What the account holds about a person, and how erasure anonymises it
(accounts/personal_data.py)."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.sessions.models import Session
from django.test import Client
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from lms.accounts.personal_data import anonymise_account, erased_email, export_account
from lms.accounts.roles import LEARNERS
from tests.factories.users import administrator, learner, with_verified_email

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_names_organisation_roles_addresses_and_second_factors():
    person = with_verified_email(learner(organisation_confirmed=True))
    Authenticator.objects.create(
        user=person, type=Authenticator.Type.TOTP, data={"secret": "TOPSECRETSEED"}
    )

    data = export_account(person)

    assert (data["email"], data["full_name_arabic"]) == (person.email, person.full_name_arabic)
    assert data["organisation"] == {
        "name_fr": person.organisation.name_fr,
        "name_ar": person.organisation.name_ar,
        "confirmed": True,
    }
    assert data["roles"] == [LEARNERS]
    assert data["email_addresses"] == [{"email": person.email, "verified": True, "primary": True}]
    assert [factor["type"] for factor in data["two_factor_authentication"]] == ["totp"]
    assert "TOPSECRETSEED" not in str(data)


def test_the_export_of_a_person_without_an_organisation_says_none():
    assert export_account(learner(organisation=None))["organisation"] is None


def test_anonymising_empties_the_names_closes_the_account_and_keeps_the_organisation():
    person = with_verified_email(learner())
    organisation = person.organisation

    anonymise_account(person)

    person.refresh_from_db()
    assert person.email == erased_email(person) == f"erased-{person.pk}@invalid"
    assert (person.full_name_latin, person.full_name_arabic, person.job_title) == ("", "", "")
    assert not person.is_active and not person.has_usable_password()
    assert person.organisation == organisation
    assert not EmailAddress.objects.filter(user=person).exists()


def signed_in_users() -> list[str]:
    return [session.get_decoded().get("_auth_user_id") for session in Session.objects.all()]


def test_anonymising_ends_the_persons_sessions_only(client):
    person, other = learner(), learner()
    Client().force_login(other)
    client.force_login(person)
    assert str(person.pk) in signed_in_users()

    anonymise_account(person)

    assert str(person.pk) not in signed_in_users()
    assert str(other.pk) in signed_in_users()


def test_earlier_log_entries_keep_only_the_accounts_number():
    person = learner(full_name_latin="Youssef El Idrissi")
    log(person, "wagtail.edit", user=administrator())

    anonymise_account(person)

    [entry] = ModelLogEntry.objects.filter(object_id=str(person.pk), action="wagtail.edit")
    assert "Youssef" not in entry.label and str(person.pk) in entry.label
