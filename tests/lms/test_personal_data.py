"""A learner's export of everything the platform holds about them (law 09-08)."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.quizzes import services as quiz_services
from lms import personal_data
from lms.erasure import ACTION_EXPORT
from lms.notifications.models import Notification, NotificationKind
from tests.factories import quizzes
from tests.factories.certificates import issued_certificate
from tests.factories.users import with_verified_email

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def learner_with_history():
    """A learner with an enrolment, a certificate and a submitted quiz attempt."""
    certificate = issued_certificate()
    person = with_verified_email(certificate.learner)
    module = certificate.course.get_children().first()
    essay = quizzes.question(course=certificate.course, kind="essay")
    quiz = quizzes.quiz(module=module, questions=[essay])
    attempt = quiz_services.start_attempt(learner=person, quiz=quiz)
    quiz_services.submit_attempt(
        attempt=attempt, answers={str(essay.pk): "Je travaille à la commune d'Oujda."}
    )
    return person, certificate


def email_to(person) -> Notification:
    """An e-mail in the outbox written to `person` (as `notify` leaves it after commit)."""
    return Notification.objects.create(
        user=person,
        kind=NotificationKind.CERTIFICATE_ISSUED,
        key=f"test:{person.pk}:{Notification.objects.count()}",
        language="fr",
        to=person.email,
        subject=f"Votre attestation, {person.full_name_latin}",
        body="Bonjour",
        body_html="<p>Bonjour</p>",
    )


def _export(client, person):
    client.force_login(person)
    return client.post(reverse("accounts:export_data"))


def test_every_app_registers_its_section():
    names = {section.name for section in personal_data.sections()}
    assert {"account", "courses", "quizzes", "certificates", "emails"} <= names


def test_the_export_is_a_json_attachment_with_arabic_as_written(client, site):
    person, _certificate = learner_with_history()
    response = _export(client, person)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="ensa-my-data-')
    assert response["Cache-Control"] == "no-store"
    text = response.content.decode("utf-8")
    assert person.full_name_arabic in text  # not \u escapes
    assert json.loads(text)["account"]["email"] == person.email


def test_the_export_holds_the_learners_enrolments_attempts_and_certificates(client, site):
    person, certificate = learner_with_history()
    data = json.loads(_export(client, person).content)
    assert [e["course"] for e in data["courses"]["enrolments"]] == [certificate.course.title]
    assert len(data["courses"]["lesson_completions"]) == 2
    [attempt] = data["quizzes"]["attempts"]
    assert attempt["answers"][0]["answer"] == "Je travaille à la commune d'Oujda."
    [held] = data["certificates"]["certificates"]
    assert held["serial"] == certificate.serial
    assert held["verification_url"] == certificate.get_verify_url()
    assert data["account"]["email_addresses"] == [
        {"email": person.email, "verified": True, "primary": True}
    ]


def test_the_export_holds_nothing_of_another_learner(client, site):
    person, _mine = learner_with_history()
    other = issued_certificate()
    text = _export(client, person).content.decode()
    assert other.serial not in text
    assert other.learner.email not in text
    assert other.learner.full_name_latin not in text


def test_the_export_lists_second_factors_without_their_secrets(client, site):
    from allauth.mfa.models import Authenticator

    person, _certificate = learner_with_history()
    Authenticator.objects.create(
        user=person, type=Authenticator.Type.TOTP, data={"secret": "TOPSECRETSEED"}
    )
    text = _export(client, person).content.decode()
    assert '"type": "totp"' in text
    assert "TOPSECRETSEED" not in text


def test_the_export_needs_a_signed_in_person(client, site):
    response = client.post(reverse("accounts:export_data"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_export_is_not_served_on_get(client, site):
    person, _certificate = learner_with_history()
    client.force_login(person)
    assert client.get(reverse("accounts:export_data")).status_code == 405


def test_the_export_is_rate_limited(client, site):
    person, _certificate = learner_with_history()
    client.force_login(person)
    statuses = [client.post(reverse("accounts:export_data")).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_an_export_is_in_the_audit_log_without_the_persons_name(client, site):
    person, _certificate = learner_with_history()
    _export(client, person)
    entry = ModelLogEntry.objects.get(action=ACTION_EXPORT)
    assert entry.user == person
    assert entry.object_id == str(person.pk)
    assert person.email not in entry.label
    assert person.full_name_latin not in entry.label


def test_the_profile_page_offers_the_export_and_the_erasure(client, site):
    person, _certificate = learner_with_history()
    client.force_login(person)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("accounts:export_data") in page
    assert reverse("accounts:erasure") in page


def test_the_export_holds_the_emails_written_to_the_learner(client, site):
    person, _certificate = learner_with_history()
    email_to(person)
    subjects = list(Notification.objects.filter(user=person).values_list("subject", flat=True))
    data = json.loads(_export(client, person).content)
    assert sorted(email["subject"] for email in data["emails"]["emails"]) == sorted(subjects)
