"""Erasure of an account on its owner's request, confirmed by an administrator (law 09-08)."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from certificates import credential as credentials
from certificates import signing
from certificates.statement import read_statement
from courses.models import Cohort, Enrolment, Invitation
from courses.quizzes.models import Attempt
from lms import erasure as services
from lms.models import ErasureRequest, ErasureStatus
from lms.notifications.models import Notification
from tests.factories.users import PASSWORD, administrator, learner, trainer
from tests.lms.test_personal_data import email_to, learner_with_history

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def _ask(client, person, password=PASSWORD):
    client.force_login(person)
    return client.post(reverse("accounts:erasure"), {"password": password})


def _in_french(message: str) -> str:
    with translation.override("fr"):
        return gettext(message)


def _refused_by_wagtail(response) -> bool:
    """Wagtail answers a PermissionDenied by sending the person back to the dashboard."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def _confirm(client, by, erasure):
    client.force_login(by)
    return client.post(reverse("erasure_requests:confirm", args=[erasure.pk]))


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


def test_an_administrator_cannot_erase_a_staff_account_this_way(client, site):
    person = trainer()
    erasure = ErasureRequest.objects.create(user=person)
    response = _confirm(client, administrator(), erasure)
    assert response.status_code == 302
    person.refresh_from_db()
    erasure.refresh_from_db()
    assert person.is_active and person.full_name_latin
    assert erasure.status == ErasureStatus.PENDING


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


def test_a_cancelled_request_cannot_be_confirmed(client, site):
    person = learner()
    _ask(client, person)
    client.post(reverse("accounts:cancel_erasure"))
    _confirm(client, administrator(), ErasureRequest.objects.get(user=person))
    person.refresh_from_db()
    assert person.is_active and person.full_name_latin


def test_a_trainer_cannot_see_or_confirm_requests(client, site):
    person = learner()
    _ask(client, person)
    erasure = ErasureRequest.objects.get(user=person)
    someone = trainer()
    client.force_login(someone)
    assert _refused_by_wagtail(client.get(reverse("erasure_requests:index")))
    assert _refused_by_wagtail(_confirm(client, someone, erasure))
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.PENDING


def test_a_learner_cannot_confirm_a_request_not_even_their_own(client, site):
    person = learner()
    _ask(client, person)
    erasure = ErasureRequest.objects.get(user=person)
    response = _confirm(client, person, erasure)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    erasure.refresh_from_db()
    assert erasure.status == ErasureStatus.PENDING


def test_an_administrator_sees_the_pending_requests(client, site):
    person = learner()
    _ask(client, person)
    client.force_login(administrator())
    page = client.get(reverse("erasure_requests:index"))
    assert page.status_code == 200
    assert person.email in page.content.decode()


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


def test_administrators_see_the_erasure_entries_of_the_audit_log(client, site):
    person = learner()
    _ask(client, person)
    admin = administrator()
    assert not admin.is_superuser
    visible = ModelLogEntry.objects.viewable_by_user(admin)
    assert visible.filter(action=services.ACTION_REQUEST).exists()
    assert (
        not ModelLogEntry.objects.viewable_by_user(trainer())
        .filter(action=services.ACTION_REQUEST)
        .exists()
    )


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


def test_only_administrators_find_erasure_requests_in_the_admin_menu(client, site):
    url = reverse("erasure_requests:index")
    client.force_login(administrator())
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(trainer())
    assert url not in client.get(reverse("wagtailadmin_home")).content.decode()


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
