"""Erasure of an account on its owner's request, confirmed by an administrator (law 09-08):
what confirming erases, and what it keeps."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import ModelLogEntry

from certificates import credential as credentials
from certificates import signing
from certificates.statement import read_statement
from courses.models import Cohort, Enrolment, Invitation
from courses.quizzes.models import Attempt
from lms import erasure as services
from lms.models import ErasureRequest, ErasureStatus
from lms.notifications.models import Notification
from tests.factories.users import PASSWORD, administrator, learner
from tests.lms.helpers import _ask, _confirm
from tests.lms.test_personal_data import email_to, learner_with_history

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_confirming_anonymises_the_account_and_leaves_no_name_or_address(client, site):
    person, certificate = learner_with_history()
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": "X"})
    email, latin, arabic = person.email, person.full_name_latin, person.full_name_arabic
    _ask(client, person)
    erasure = ErasureRequest.objects.get(user=person)
    admin = administrator()
    response = _confirm(client, admin, erasure)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.email == f"erased-{person.pk}@invalid"
    assert (person.full_name_latin, person.full_name_arabic, person.job_title) == ("", "", "")
    assert not person.is_active
    assert not person.has_usable_password()
    assert person.last_login is None
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Authenticator.objects.filter(user=person).exists()
    assert not User.objects.filter(email__iexact=email).exists()
    assert not User.objects.filter(full_name_latin=latin).exists()
    assert not User.objects.filter(full_name_arabic=arabic).exists()
    assert not EmailAddress.objects.filter(email__iexact=email).exists()
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.CONFIRMED
    assert erasure.confirmed_by == admin and erasure.confirmed_at is not None


def test_erasure_keeps_enrolments_and_scores_and_clears_essay_answers(client, site):
    person, _certificate = learner_with_history()
    _ask(client, person)
    _confirm(client, administrator(), ErasureRequest.objects.get(user=person))
    assert Enrolment.objects.filter(learner=person).count() == 1
    attempt = Attempt.objects.get(learner=person)
    assert attempt.points is not None
    assert set(attempt.answers.values()) == {""}


def test_the_erased_person_can_no_longer_sign_in(client, site):
    person = learner()
    email = person.email
    _ask(client, person)
    _confirm(client, administrator(), ErasureRequest.objects.get(user=person))
    client.logout()
    assert not client.login(email=email, password=PASSWORD)
    assert not client.login(email=f"erased-{person.pk}@invalid", password=PASSWORD)


def test_every_issued_certificate_still_verifies_after_erasure(client, site):
    person, certificate = learner_with_history()
    latin = person.full_name_latin
    _ask(client, person)
    _confirm(client, administrator(), ErasureRequest.objects.get(user=person))
    client.logout()
    certificate.refresh_from_db()
    page = client.get(
        reverse("certificates:verify", kwargs={"code": certificate.verification_code})
    )
    assert page.status_code == 200
    assert latin in page.content.decode()
    assert page.context["verification"].is_valid
    key = signing.signing_key().public_key()
    statement = read_statement(certificate.signed_payload, [key])
    assert (statement.serial, statement.name_latin) == (certificate.serial, latin)
    check = credentials.verify_credential(certificate.credential, [key], local_status=False)
    assert (check.ok, check.problems) == (True, [])


def test_a_second_confirmation_changes_nothing(client, site):
    person = learner()
    _ask(client, person)
    erasure = ErasureRequest.objects.get(user=person)
    first_admin, second_admin = administrator(), administrator()
    _confirm(client, first_admin, erasure)
    erasure.refresh_from_db()
    confirmed_at = erasure.confirmed_at
    _confirm(client, second_admin, erasure)
    erasure.refresh_from_db()
    assert (erasure.confirmed_by, erasure.confirmed_at) == (first_admin, confirmed_at)
    assert not services.confirm_erasure(erasure=erasure, confirmed_by=second_admin)
    assert ModelLogEntry.objects.filter(action=services.ACTION_CONFIRM).count() == 1


def test_the_audit_log_records_who_and_when_without_the_erased_data(client, site):
    person = learner()
    email, latin = person.email, person.full_name_latin
    _ask(client, person)
    client.post(reverse("accounts:cancel_erasure"))
    _ask(client, person)
    admin = administrator()
    _confirm(client, admin, ErasureRequest.objects.pending().get(user=person))
    entries = ModelLogEntry.objects.filter(action__startswith="lms.erasure.").order_by("timestamp")
    assert [(e.action, e.user) for e in entries] == [
        (services.ACTION_REQUEST, person),
        (services.ACTION_CANCEL, person),
        (services.ACTION_REQUEST, person),
        (services.ACTION_CONFIRM, admin),
    ]
    assert all(e.timestamp for e in entries)
    for entry in ModelLogEntry.objects.all():
        assert email not in entry.label and latin not in entry.label
        assert email not in str(entry.data) and latin not in str(entry.data)


def test_earlier_log_entries_about_the_account_lose_its_name(client, site):
    from wagtail.log_actions import log

    person = learner()
    latin = person.full_name_latin
    log(person, "wagtail.edit", user=administrator())
    assert ModelLogEntry.objects.filter(label__contains=latin).exists()
    _ask(client, person)
    _confirm(client, administrator(), ErasureRequest.objects.get(user=person))
    assert not ModelLogEntry.objects.filter(label__contains=latin).exists()


def test_erasure_removes_the_emails_and_invitations_that_named_the_person(client, site):
    person, certificate = learner_with_history()
    cohort = Cohort.objects.create(name="Oujda, printemps 2027", course=certificate.course)
    Invitation.objects.create(
        email=person.email.upper(),
        full_name_latin=person.full_name_latin,
        cohort=cohort,
        token="t" * 32,
    )
    email_to(person)
    invited = email_to(person)
    Notification.objects.filter(pk=invited.pk).update(
        user=None, key="invitation:test"
    )  # before the account
    _ask(client, person)
    _confirm(client, administrator(), ErasureRequest.objects.get(user=person))
    assert not Notification.objects.filter(user=person).exists()
    assert not Notification.objects.filter(pk=invited.pk).exists()
    assert not Invitation.objects.filter(cohort=cohort).exists()
