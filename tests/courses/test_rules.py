"""Who may enrol in a course now (rules.check_self_enrolment): a decision with its reason,
computed from the course alone. The rule reads no database, but a new page reads its content
type, which Django caches per process; a test that migrates
(tests/certificates/test_migrations.py) empties that cache, hence the database mark."""

from datetime import timedelta

import pytest
from django.utils import timezone

from courses.errors import EnrolmentError
from courses.models import CoursePage, EnrolmentPolicy
from courses.rules import EnrolmentDecision, check_self_enrolment

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def course(**fields) -> CoursePage:
    fields.setdefault("enrolment_policy", EnrolmentPolicy.OPEN)
    return CoursePage(title="Accueil des migrants", live=fields.pop("live", True), **fields)


def test_an_open_published_course_with_places_accepts_without_a_key():
    decision = check_self_enrolment(course=course(), seats_left=3, now=NOW)
    assert decision == EnrolmentDecision(True)
    assert decision.reason == ""


def test_a_course_without_a_capacity_accepts():
    assert check_self_enrolment(course=course(), seats_left=None, now=NOW).ok


def test_a_key_course_accepts_but_asks_for_the_key():
    decision = check_self_enrolment(
        course=course(enrolment_policy=EnrolmentPolicy.KEY), seats_left=None, now=NOW
    )
    assert (decision.ok, decision.needs_key) == (True, True)


@pytest.mark.parametrize(
    ("fields", "seats_left", "code"),
    [
        ({"live": False}, None, EnrolmentError.NOT_PUBLISHED),
        ({}, 0, EnrolmentError.FULL),
        ({"enrolment_policy": EnrolmentPolicy.ADMIN}, None, EnrolmentError.ADMIN_ONLY),
        ({"enrolment_opens_at": NOW + timedelta(days=1)}, None, EnrolmentError.NOT_OPEN_YET),
        ({"enrolment_closes_at": NOW}, None, EnrolmentError.CLOSED),
    ],
)
def test_a_refusal_gives_its_code_and_the_message_shown_to_the_learner(fields, seats_left, code):
    decision = check_self_enrolment(course=course(**fields), seats_left=seats_left, now=NOW)
    assert (decision.ok, decision.code) == (False, code)
    assert decision.reason == str(EnrolmentError.MESSAGES[code])


def test_enrolment_is_open_from_the_opening_to_just_before_the_closing():
    window = course(enrolment_opens_at=NOW, enrolment_closes_at=NOW + timedelta(hours=1))
    assert check_self_enrolment(course=window, seats_left=None, now=NOW).ok
    just_before = NOW + timedelta(minutes=59)
    assert check_self_enrolment(course=window, seats_left=None, now=just_before).ok


def test_an_administrator_passes_the_policy_and_the_dates_but_not_a_full_or_draft_course():
    closed_admin_only = course(
        enrolment_policy=EnrolmentPolicy.ADMIN, enrolment_closes_at=NOW - timedelta(days=1)
    )
    assert check_self_enrolment(
        course=closed_admin_only, seats_left=None, by_administrator=True, now=NOW
    ).ok
    full = check_self_enrolment(course=course(), seats_left=0, by_administrator=True, now=NOW)
    assert full.code == EnrolmentError.FULL
    draft = check_self_enrolment(
        course=course(live=False), seats_left=None, by_administrator=True, now=NOW
    )
    assert draft.code == EnrolmentError.NOT_PUBLISHED
