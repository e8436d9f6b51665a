"""Who may get a certificate, and the reason given to whoever may not."""

from datetime import date

import pytest
from django.utils import timezone, translation

from certificates.eligibility import (
    INCOMPLETE,
    NOT_ENROLLED,
    REVOKED,
    Eligibility,
    check_eligibility,
)
from courses import services as course_services
from tests.factories.certificates import complete_course, completed_enrolment, revoked_certificate
from tests.factories.courses import build_course
from tests.factories.users import learner

pytestmark = pytest.mark.django_db


def test_a_learner_who_completed_every_required_lesson_is_eligible(site):
    completed = completed_enrolment()
    assert check_eligibility(enrolment=completed.enrolment).ok


def test_an_incomplete_learner_is_not_eligible_and_told_why(site):
    tree = build_course(modules=1, lessons_per_module=3)
    person = learner()
    enrolment = course_services.enrol(learner=person, course=tree.course)
    course_services.complete_lesson(learner=person, lesson=tree.lessons[0])
    decision = check_eligibility(enrolment=enrolment)
    assert not decision.ok
    assert decision.code == INCOMPLETE
    assert "1" in decision.reason and "3" in decision.reason


def test_a_withdrawn_learner_is_not_eligible(site):
    completed = completed_enrolment()
    course_services.unenrol(learner=completed.learner, course=completed.tree.course)
    completed.enrolment.refresh_from_db()
    assert check_eligibility(enrolment=completed.enrolment).code == NOT_ENROLLED


def test_a_required_quiz_must_be_passed_before_a_certificate(site):
    from courses.quizzes import services as quiz_services
    from tests.factories.quizzes import question, quiz

    tree = build_course(modules=1, lessons_per_module=1)
    item = question(course=tree.course, kind="single")
    exam = quiz(module=tree.modules[0], questions=[item])
    person = learner()
    enrolment = complete_course(tree, person)
    decision = check_eligibility(enrolment=enrolment)
    assert (decision.ok, decision.code, decision.done, decision.required) == (
        False,
        INCOMPLETE,
        1,
        2,
    )
    attempt = quiz_services.start_attempt(learner=person, quiz=exam)
    key = attempt.snapshot[0]["key"]
    quiz_services.submit_attempt(attempt=attempt, answers={key: "b"}, version=0)
    assert not check_eligibility(enrolment=enrolment).ok
    attempt = quiz_services.start_attempt(learner=person, quiz=exam)
    quiz_services.submit_attempt(
        attempt=attempt, answers={attempt.snapshot[0]["key"]: "a"}, version=0
    )
    enrolment.refresh_from_db()
    assert check_eligibility(enrolment=enrolment).ok


def test_a_learner_whose_certificate_was_revoked_is_not_eligible_and_told_why(site):
    completed, certificate = revoked_certificate()
    decision = check_eligibility(enrolment=completed.enrolment)
    assert (decision.ok, decision.code) == (False, REVOKED)
    assert decision.revoked_on == timezone.localdate(certificate.revoked_at)
    assert str(decision.revoked_on.year) in decision.reason


def test_the_reason_gives_the_date_in_the_active_language():
    decision = Eligibility(False, REVOKED, revoked_on=date(2026, 11, 27))
    with translation.override("fr"):
        assert "27 novembre 2026" in decision.reason
    with translation.override("ar"):
        assert "27 نونبر 2026" in decision.reason
