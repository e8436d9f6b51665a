"""A person's own data (personal_data_views.py): the export of everything the platform holds
about them, and their request to erase it, or to cancel that request (law 09-08)."""

import json

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from lms import erasure as services
from lms.erasure import ACTION_EXPORT
from lms.models import ErasureRequest, ErasureStatus
from lms.notifications.models import Notification
from tests.factories.certificates import issued_certificate
from tests.factories.users import learner, trainer
from tests.lms.helpers import _ask
from tests.lms.test_personal_data import email_to, learner_with_history

pytestmark = pytest.mark.django_db


def _export(client, person):
    client.force_login(person)
    return client.post(reverse("accounts:export_data"))


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


# --- Erasure requests --------------------------------------------------------------------


def _in_french(message: str) -> str:
    with translation.override("fr"):
        return gettext(message)


def test_a_learner_asks_for_erasure_with_their_password(client, site):
    person = learner()
    response = _ask(client, person)
    assert response.status_code == 302
    erasure = ErasureRequest.objects.get(user=person)
    assert erasure.status == ErasureStatus.PENDING
    page = client.get(reverse("accounts:erasure")).content.decode()
    assert reverse("accounts:cancel_erasure") in page


def test_a_wrong_password_records_no_request(client, site):
    person = learner()
    response = _ask(client, person, password="not-my-password")
    assert response.status_code == 200
    assert _in_french("This password is not right.") in response.content.decode()
    assert not ErasureRequest.objects.exists()


def test_asking_twice_keeps_one_pending_request(client, site):
    person = learner()
    _ask(client, person)
    _ask(client, person)
    assert ErasureRequest.objects.filter(user=person).count() == 1


def test_the_confirmation_page_explains_what_is_kept(client, site):
    client.force_login(learner())
    page = client.get(reverse("accounts:erasure")).content.decode()
    assert (
        _in_french(
            "the certificates issued to you stay in ENSA's register as they were issued, so that "
            "anyone you showed them to can still verify them."
        )
        in page
    )
    assert 'type="password"' in page


def test_a_staff_account_cannot_ask_for_erasure(client, site):
    person = trainer()
    response = _ask(client, person)
    assert response.status_code == 302
    assert not ErasureRequest.objects.exists()
    with pytest.raises(services.ErasureRefused):
        services.request_erasure(user=person)


def test_a_learner_cancels_their_own_request(client, site):
    person = learner()
    _ask(client, person)
    client.post(reverse("accounts:cancel_erasure"))
    erasure = ErasureRequest.objects.get(user=person)
    assert erasure.status == ErasureStatus.CANCELLED
    assert erasure.cancelled_at is not None


def test_another_learner_can_neither_see_nor_cancel_someone_elses_request(client, site):
    owner = learner()
    _ask(client, owner)
    other = learner()
    client.force_login(other)
    page = client.get(reverse("accounts:erasure")).content.decode()
    assert reverse("accounts:cancel_erasure") not in page
    assert owner.email not in page
    client.post(reverse("accounts:cancel_erasure"))
    assert ErasureRequest.objects.get(user=owner).status == ErasureStatus.PENDING


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_erasure_and_profile_pages_read_in_the_persons_language(client, site, language):
    from tests.locale.test_rendered_pages import english_messages, visible_text

    client.force_login(learner())
    for url in (f"/{language}/accounts/profile/erasure/", f"/{language}/accounts/profile/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'lang="{language}"' in html
        assert sorted(set(visible_text(html)) & english_messages(language)) == []


def test_password_tries_on_the_erasure_page_are_rate_limited(client, site):
    from lms.accounts.personal_data_views import ERASURE_LIMIT

    person = learner()
    statuses = [
        _ask(client, person, password="guess").status_code for _ in range(ERASURE_LIMIT + 1)
    ]
    assert statuses == [200] * ERASURE_LIMIT + [429]
    assert client.get(reverse("accounts:erasure")).status_code == 200
    assert not ErasureRequest.objects.exists()
