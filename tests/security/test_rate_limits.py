"""Limits on guessing: enrolment keys per learner and course and per client address,
certificate look-ups per client, and the size of an anonymous upload."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from certificates import forms as certificate_forms
from certificates.views import VERIFY_LIMIT
from courses.errors import EnrolmentError
from courses.models import Enrolment, EnrolmentPolicy
from courses.views import KEY_ATTEMPTS_PER_ADDRESS, KEY_ATTEMPTS_PER_LEARNER, KEY_ATTEMPTS_WINDOW
from lms import ratelimit
from tests.factories.certificates import issued_certificate
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db

KEY = "RETOUR2026"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def key_course(site):
    return build_course(
        modules=1, lessons_per_module=1, enrolment_policy=EnrolmentPolicy.KEY, enrolment_key=KEY
    ).course


@pytest.fixture
def later(monkeypatch):
    """The rate limits' clock, stopped one second into a window; `later(s)` moves it on."""
    start = (ratelimit.clock() // KEY_ATTEMPTS_WINDOW) * KEY_ATTEMPTS_WINDOW + 1
    monkeypatch.setattr(ratelimit, "clock", lambda: start)

    def move(seconds: float) -> None:
        monkeypatch.setattr(ratelimit, "clock", lambda: start + seconds)

    return move


def enrol(client, course, key: str, language: str = "fr", **extra):
    response = client.post(
        f"/{language}/courses/{course.pk}/enrol/", {"key": key}, follow=True, **extra
    )
    return [str(m) for m in response.context["messages"]]


def too_many(language: str, minutes: int) -> str:
    with translation.override(language):
        return ngettext(
            "Too many wrong enrolment keys. Try again in %(minutes)d minute.",
            "Too many wrong enrolment keys. Try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}


def wrong_key(language: str) -> str:
    with translation.override(language):
        return str(EnrolmentError.MESSAGES[EnrolmentError.WRONG_KEY])


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_after_five_wrong_keys_even_the_right_key_is_refused_until_the_window_passes(
    client, key_course, later, language
):
    person = learner()
    client.force_login(person)
    for _ in range(KEY_ATTEMPTS_PER_LEARNER):
        assert enrol(client, key_course, "guess", language) == [wrong_key(language)]
    assert enrol(client, key_course, KEY, language) == [too_many(language, 10)]
    assert not Enrolment.objects.filter(learner=person).exists()

    later(KEY_ATTEMPTS_WINDOW)
    enrol(client, key_course, KEY, language)
    assert Enrolment.objects.filter(learner=person, course=key_course).exists()


def test_refused_attempts_while_limited_do_not_count_against_other_learners(client, key_course):
    client.force_login(learner())
    for _ in range(KEY_ATTEMPTS_PER_LEARNER + 10):
        enrol(client, key_course, "guess")
    other = learner()
    client.force_login(other)
    enrol(client, key_course, KEY)
    assert Enrolment.objects.filter(learner=other).exists()


def test_the_limit_is_per_learner_and_course(client, key_course, site):
    person = learner()
    client.force_login(person)
    for _ in range(KEY_ATTEMPTS_PER_LEARNER):
        enrol(client, key_course, "guess")
    other_course = build_course(
        modules=1, lessons_per_module=1, enrolment_policy=EnrolmentPolicy.KEY, enrolment_key=KEY
    ).course
    enrol(client, other_course, KEY)
    assert Enrolment.objects.filter(learner=person, course=other_course).exists()
    assert not Enrolment.objects.filter(learner=person, course=key_course).exists()


def test_right_keys_and_open_courses_are_never_counted(client, key_course, site):
    open_course = build_course(modules=1, lessons_per_module=1).course
    for _ in range(KEY_ATTEMPTS_PER_ADDRESS + 1):
        person = learner()
        client.force_login(person)
        enrol(client, key_course, KEY)
        enrol(client, open_course, "")
        assert Enrolment.objects.filter(learner=person).count() == 2


def test_wrong_keys_from_many_accounts_at_one_address_are_limited_too(client, key_course, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    guesser = {"HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    for n in range(KEY_ATTEMPTS_PER_ADDRESS):
        client.force_login(learner())
        assert enrol(client, key_course, f"guess-{n}", **guesser) == [wrong_key("fr")]
    newcomer = learner()
    client.force_login(newcomer)
    assert enrol(client, key_course, KEY, **guesser) != [wrong_key("fr")]
    assert not Enrolment.objects.filter(learner=newcomer).exists()

    colleague = learner()  # same load balancer, another person
    client.force_login(colleague)
    enrol(client, key_course, KEY, HTTP_X_FORWARDED_FOR="198.51.100.23")
    assert Enrolment.objects.filter(learner=colleague).exists()


# --- Certificate verification ------------------------------------------------------------


def verify_url(code: str = "unknown") -> str:
    with translation.override("fr"):
        return reverse("certificates:verify", kwargs={"code": code})


@pytest.mark.parametrize("path", ["verify", "form"])
def test_certificate_look_ups_are_limited_per_client_behind_the_proxy(client, site, settings, path):
    settings.TRUSTED_PROXY_COUNT = 1
    url = verify_url() if path == "verify" else "/fr/verify/?serial=ENSA-2026-000001&code=x"
    one = {"HTTP_X_FORWARDED_FOR": "203.0.113.7", "REMOTE_ADDR": "10.0.0.2"}
    statuses = [client.get(url, **one).status_code for _ in range(VERIFY_LIMIT + 1)]
    assert 429 not in statuses[:VERIFY_LIMIT]
    assert statuses[-1] == 429
    # the same client cannot escape by writing another address on the left
    spoofed = client.get(url, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    assert spoofed.status_code == 429
    other = client.get(url, HTTP_X_FORWARDED_FOR="198.51.100.23", REMOTE_ADDR="10.0.0.2")
    assert other.status_code != 429


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_429_page_is_translated_and_says_when_to_retry(client, site, language):
    url = f"/{language}/verify/"
    for _ in range(VERIFY_LIMIT):
        client.get(url)
    response = client.get(url)
    assert response.status_code == 429
    assert int(response["Retry-After"]) <= 60
    html = response.content.decode()
    assert f'lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("Too many requests") in html
    assert 'data-retry-minutes="1"' in html


class ExplodingBody(io.RawIOBase):
    """A request body that must not be read."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer):
        raise AssertionError("the body of a too large upload was read")


def test_a_declared_60_mb_upload_is_refused_before_its_body_is_read(site):
    certificate = issued_certificate()
    client = Client(enforce_csrf_checks=True)  # the CSRF check reads request.POST
    response = client.generic(
        "POST",
        verify_url(certificate.verification_code),
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
        **{"wsgi.input": ExplodingBody()},
    )
    assert response.status_code == 413
    html = response.content.decode()
    with translation.override("fr"):
        assert str(certificate_forms.TOO_LARGE).replace("'", "&#x27;") in html


def test_a_certificate_sized_upload_is_still_compared_with_csrf_checked(site):
    certificate = issued_certificate()
    client = Client(enforce_csrf_checks=True)
    url = verify_url(certificate.verification_code)
    page = client.get(url)
    token = page.cookies["csrftoken"].value
    pdf = certificate.pdf.open("rb").read()
    same = client.post(
        url,
        {"pdf": SimpleUploadedFile("c.pdf", pdf, "application/pdf"), "csrfmiddlewaretoken": token},
    )
    assert same.status_code == 200
    assert 'data-comparison="match"' in same.content.decode()
    forged = Client(enforce_csrf_checks=True).post(
        url, {"pdf": SimpleUploadedFile("c.pdf", pdf, "application/pdf")}
    )
    assert forged.status_code == 403


def test_the_form_refuses_a_too_large_file_that_the_declared_size_let_through(
    client, site, monkeypatch
):
    certificate = issued_certificate()
    monkeypatch.setattr(certificate_forms, "MAX_PDF_BYTES", 1000)
    response = client.post(
        verify_url(certificate.verification_code),
        {"pdf": SimpleUploadedFile("c.pdf", b"%PDF-1.7 " + b"x" * 2000, "application/pdf")},
    )
    assert response.status_code == 200
    assert "data-comparison" not in response.content.decode()
    assert response.context["form"].errors["pdf"] == [str(certificate_forms.TOO_LARGE)]
