"""Certificates for tests: a learner who completed a course, and what ENSA issued them."""

from __future__ import annotations

from dataclasses import dataclass

from certificates import services
from certificates.models import Certificate, CourseCertification
from courses import services as course_services
from courses.models import Enrolment
from tests.factories.courses import CourseTree, build_course
from tests.factories.users import administrator, learner


@dataclass
class Completed:
    tree: CourseTree
    enrolment: Enrolment
    learner: object


def complete_course(tree: CourseTree, person=None) -> Enrolment:
    """Enrol `person` (a new learner by default) and complete every lesson of `tree`."""
    person = person or learner()
    enrolment = course_services.enrol(learner=person, course=tree.course)
    for lesson in tree.lessons:
        course_services.complete_lesson(learner=person, lesson=lesson)
    enrolment.refresh_from_db()
    return enrolment


def completed_enrolment(*, arabic: bool = True, person=None, **course_fields) -> Completed:
    course_fields.setdefault("title", "Intégrer la migration dans le PAC")
    tree = build_course(modules=1, lessons_per_module=2, arabic=arabic, **course_fields)
    enrolment = complete_course(tree, person)
    return Completed(tree=tree, enrolment=enrolment, learner=enrolment.learner)


def issued_certificate(**kwargs) -> Certificate:
    completed = completed_enrolment(**kwargs)
    return services.issue_certificate(enrolment=completed.enrolment, issued_by=administrator())


def certification(course, *, by=None, **fields) -> CourseCertification:
    """Certificate settings for `course`, with its current titles and hours unless given."""
    current = services.current_certified_course(course.pk)
    fields.setdefault("title_fr", current.title_fr)
    fields.setdefault("title_ar", current.title_ar)
    fields.setdefault("hours", current.hours)
    return CourseCertification.objects.create(course=course, updated_by=by, **fields)


def revoked_certificate(**kwargs) -> tuple[Completed, Certificate]:
    """A learner who completed a course, and the certificate ENSA issued them and revoked."""
    completed = completed_enrolment(**kwargs)
    admin = administrator()
    certificate = services.issue_certificate(enrolment=completed.enrolment, issued_by=admin)
    services.revoke_certificate(
        certificate=certificate, reason="Fraude constatée", revoked_by=admin
    )
    certificate.refresh_from_db()
    return completed, certificate
