"""Limits on guessing enrolment keys (lms/ratelimit.py `take`, counted by the enrolment view):
per learner and course, and per client address."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from courses.errors import EnrolmentError
from courses.models import Enrolment, EnrolmentPolicy
from courses.views import KEY_ATTEMPTS_PER_ADDRESS, KEY_ATTEMPTS_PER_LEARNER, KEY_ATTEMPTS_WINDOW
from lms import ratelimit
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db

KEY = "RETOUR2026"


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
